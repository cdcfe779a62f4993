"""A room joins at once (issue 24 req 6): participants open the page within seconds of each other.

Each participant is a websocket client doing what a browser does (benchmarks/room_client.py); the
server runs in its own process, the facilitator's overview is open throughout. The quick test
renders a participant's page in this process and holds its budget of widgets (each is a message
the server sends and waits on while the page opens). Slow (a server): 5 join within 2 s, each page
interactive within 3 s; and the full room of 30 within 10 s (joins within 3 s at the p95; the
overview never still for 2 s). benchmarks/bench_room_join.py prints all the figures against the
targets (the overview's 1 s and Step latency while 30 play included); benchmarks/README.md has them.
"""

from __future__ import annotations

import statistics
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))

import bench_room_join

from lmxsim.app import room_facilitator

# Widgets a participant's page opens with over the websocket, Solara's own page frame included (82
# before issue 24: the knob's head and ends, the week row and the plans' heading were rows of
# separate texts), and of the page alone, rendered in this process (69 before). Raise them only
# knowing what it costs: each widget is a message the server sends and waits on while a page opens.
WIDGET_BUDGET = 76
PAGE_WIDGET_BUDGET = 63


def test_a_participant_page_opens_with_few_widgets():
    """The quick loop's share of req 6 (the joins themselves need a server: the slow tests below)."""
    import solara
    from ipywidgets.widgets import widget

    from lmxsim.app.room import close_room, open_room
    from lmxsim.app.room_page import ParticipantPage

    room = open_room(cap=5)
    try:
        before = len(widget._instances)
        _, rc = solara.render(ParticipantPage(room), handle_error=False)
        opened = len(widget._instances) - before
        rc.close()
    finally:
        close_room()
    assert opened <= PAGE_WIDGET_BUDGET, f"a participant's page opened {opened} widgets"


def test_the_overview_clock_shows_every_beat_and_only_the_clock_is_redrawn(monkeypatch):
    """Req 6's liveness a person can see: the clock shows tenths, so each 0.5 s beat changes it
    (whole seconds hid up to a second), and a beat redraws the clock even when no seat changed,
    without building the participants' table again (the overview is skipped then)."""
    import time

    import ipyvuetify as v
    import solara

    from lmxsim.app import room_facilitator
    from lmxsim.app.room import close_room, open_room

    assert room_facilitator.beat_clock(1000.45, "en").endswith(":40.4")
    assert room_facilitator.beat_clock(1000.95, "nl").endswith(":40,9")
    tables = []
    real_table = room_facilitator.participants_html
    monkeypatch.setattr(room_facilitator, "participants_html", lambda *a: tables.append(1) or real_table(*a))
    now = [1000.0]
    monkeypatch.setattr(time, "time", lambda: now[0])
    room = open_room(cap=5)
    beat = solara.reactive(0)
    try:
        _, rc = solara.render(
            room_facilitator.Overview(room, room.seats(), "en", lambda seat: None, beat), handle_error=False
        )

        def clock() -> list:
            return [w.children for w in rc.find(v.Html).widgets if "lmx-room-updated" in (w.class_ or "")]

        first = clock()
        now[0] += room_facilitator.REFRESH_SECONDS
        beat.set(1)
        second = clock()
        rc.close()
    finally:
        close_room()
    assert len(first) == 1 and first != second, (first, second)
    assert len(tables) == 1, "a beat with no change built the participants' table again"


@pytest.mark.slow  # a server and six websocket clients: about 30 s
@pytest.mark.timeout(180)
def test_five_participants_join_at_once_and_their_pages_are_cheap():
    report = bench_room_join.run(participants=5, within=2.0, weeks=2, think=(0.1, 0.3))
    assert [s.error for s in report.seats] == [""] * 5
    assert all(len(s.steps) == 2 for s in report.seats)  # every page works once open
    widgets = {s.widgets for s in report.seats}
    assert max(widgets) <= WIDGET_BUDGET, f"a participant's page opened {max(widgets)} widgets"
    joins = [s.join_s for s in report.seats]
    assert max(joins) <= bench_room_join.TARGETS["join_p95"], f"joins took {joins} s"
    assert report.join_gaps, "the overview did not redraw while people joined"
    # the measure sees every beat of the overview (0.5 s), not a change once a second or so; the
    # 1 s itself depends on the machine (benchmarks/bench_room_join.py reports it)
    beats = report.join_gaps + report.play_gaps
    assert statistics.median(beats) <= 1.5 * room_facilitator.REFRESH_SECONDS, beats


@pytest.mark.slow
@pytest.mark.timeout(600)
def test_thirty_participants_join_within_ten_seconds():
    report = bench_room_join.run(participants=30, within=10.0, weeks=3, think=(1.0, 3.0))
    lines, _ = bench_room_join.describe(report)
    summary = "\n".join(lines)
    assert [s.error for s in report.seats] == [""] * 30, summary
    joins = [s.join_s for s in report.seats]
    assert bench_room_join.quantile(joins, 0.95) <= bench_room_join.TARGETS["join_p95"], summary
    # The overview keeps redrawing while 30 join (it stalled 9.4 s for 12 browsers in issue 24). Its
    # 1 s target is met on a quiet machine but not at a load average of 10-13 (1.1-1.3 s measured):
    # bench_room_join.py reports that figure, this checks that no join burst stops the overview.
    assert report.join_gaps and max(report.join_gaps) <= 2 * bench_room_join.TARGETS["overview_gap"], summary
