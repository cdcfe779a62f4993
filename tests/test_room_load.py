"""The room's server-only load driver, small: five websocket clients speak Solara's protocol.

Correctness only (timing is benchmarks/bench_room.py's job): every Step click is answered, the
facilitator's page opens with the key and redraws while the room plays, every participant's
plan and weeks reach the room's registry, and the models of participants who left are freed.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))

import bench_room

PARTICIPANTS = 5
WEEKS = 6


@pytest.mark.slow
@pytest.mark.timeout(240)
def test_five_participants_over_the_websocket_protocol():
    report = bench_room.run(participants=PARTICIPANTS, weeks=WEEKS, think=(0.2, 0.4), stagger=0.1)
    assert [p.error for p in report.participants] == [""] * PARTICIPANTS
    assert all(len(p.steps) == WEEKS for p in report.participants)
    assert all(len(p.applies) == 1 for p in report.participants)
    registry = report.after_play
    assert registry["seats"] == PARTICIPANTS + 1  # and the warm-up participant
    assert registry["tried"] == PARTICIPANTS + 1  # every plan reached the room
    assert registry["weeks"].count(WEEKS) == PARTICIPANTS + 1
    assert registry["connected"] == 0  # everyone left; their results stayed
    assert report.refresh_intervals, "the facilitator's page never redrew while the room played"
    assert report.peak["live"] >= 1
    assert report.after_leave["live"] == 0  # closed sessions freed their models
