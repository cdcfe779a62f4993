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


@pytest.mark.slow
@pytest.mark.timeout(180)
def test_a_week_sends_only_what_changed():
    """Per Step the server changes the week, the drawing, the person's chart and the narration: no
    widget per narration line re-texted, opened or closed (a line per widget was most of a busy
    room's traffic: 13-17 messages a week once the narration was full)."""
    import asyncio
    from concurrent.futures import ThreadPoolExecutor

    from room_client import SolaraClient

    async def play() -> list[list[str]]:
        server = bench_room.Server(cap=5)
        try:
            client = SolaraClient(server.url, "/")
            await client.connect()
            weeks = []
            for _ in range(20):  # past the 12 lines the narration shows
                messages: list[dict] = []
                client.listeners.append(lambda msg, at, into=messages: into.append(msg))
                await client.click(bench_room.STEP)
                client.listeners.clear()
                kinds = [m.get("msg_type") or m["header"]["msg_type"] for m in messages]
                weeks.append([kind for kind in kinds if kind in ("comm_open", "comm_close", "comm_msg")])
            await client.leave()
            return weeks
        finally:
            server.stop()

    # In a thread of its own: the browser tests' Playwright may already run an event loop here.
    with ThreadPoolExecutor(1) as worker:
        weeks = worker.submit(asyncio.run, play()).result()
    for week, sent in enumerate(weeks, start=1):
        assert len(sent) <= 5, f"week {week}: {sent}"
