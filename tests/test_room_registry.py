"""The room's registry and summaries: thread-safe, results survive a closed tab, the cap holds."""

from __future__ import annotations

import threading

import pytest

from lmxsim.app.room import Exercise, Room, RoomError, Run, Tried, clean_name
from lmxsim.app.room_results import results_frame, summary_frame
from lmxsim.app.room_session import (
    ExerciseError,
    RoomWorkshop,
    baseline,
    check_exercise,
    replay,
    summarize,
)

EXERCISE = Exercise(scenario="first-impression")


def run(number: int = 1, week: int = 26, tried: tuple[Tried, ...] = ()) -> Run:
    return Run(number=number, exercise=1, week=week, last_week=26, tried=tried)


def test_key_is_random_per_room_and_compared_exactly():
    first, second = Room(), Room()
    assert first.key != second.key
    assert len(first.key) >= 20
    assert first.key_matches(first.key)
    assert not first.key_matches(second.key)
    assert not first.key_matches("")
    assert not first.key_matches(None)
    assert not first.key_matches(first.key[:-1])


def test_cap_counts_connected_participants_only():
    room = Room(cap=2)
    a, b = room.join("a"), room.join("b")
    assert a is not None and b is not None
    assert room.join("c") is None  # full
    room.leave(a.id)
    c = room.join("c")
    assert c is not None  # a's place is free again
    assert [s.name for s in room.seats()] == ["a", "b", "c"]


def test_bad_cap_is_refused_with_a_clear_message():
    with pytest.raises(RoomError, match="room cap = 0"):
        Room(cap=0)


def test_closed_tab_keeps_its_results():
    room = Room()
    seat = room.join("table 3")
    room.report(seat.id, run(tried=(Tried("An", "one-on-ones", 3),)))
    room.leave(seat.id)
    (kept,) = room.seats()
    assert not kept.connected
    assert kept.latest.tried == (Tried("An", "one-on-ones", 3),)
    assert room.connected_count() == 0


def test_probe_decides_connected_and_a_failing_probe_counts_as_gone():
    room = Room(cap=1)
    attached = {"now": True}
    room.join("a", probe=lambda: attached["now"])
    assert room.connected_count() == 1
    attached["now"] = False  # websocket dropped: the place is free, the seat stays
    assert room.connected_count() == 0
    assert room.join("b", probe=lambda: 1 / 0) is not None
    assert room.connected_count() == 0


def test_report_replaces_the_same_run_and_keeps_earlier_runs():
    room = Room()
    seat = room.join()
    room.report(seat.id, run(1, week=3))
    room.report(seat.id, run(1, week=4))
    room.report(seat.id, run(2, week=1))
    runs = room.seat(seat.id).runs
    assert [(r.number, r.week) for r in runs] == [(1, 4), (2, 1)]


def test_names_are_one_short_line_and_default_to_a_number():
    assert clean_name("  Table   7  ") == "Table 7"
    assert len(clean_name("x" * 100)) == 30
    room = Room()
    seat = room.join("   ")
    assert seat.name == f"#{seat.id}"


def test_registry_is_thread_safe():
    room = Room(cap=1000)
    errors: list[BaseException] = []

    def participant(index: int) -> None:
        try:
            seat = room.join(f"p{index}")
            for week in range(1, 51):
                room.report(seat.id, run(1, week=week))
                room.seats()
            room.leave(seat.id)
        except BaseException as error:
            errors.append(error)

    threads = [threading.Thread(target=participant, args=(i,)) for i in range(40)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    seats = room.seats()
    assert len(seats) == 40
    assert len({s.id for s in seats}) == 40
    assert all(s.latest.week == 50 and not s.connected for s in seats)


def test_exercise_versions_move_and_participants_switch():
    room = Room()
    seat = room.join()
    assert seat.exercise == 1
    exercise = room.set_exercise(scenario="rebels", weeks=10)
    assert exercise.version == 2 and exercise.weeks == 10
    room.switch_exercise(seat.id, exercise.version)
    assert room.seat(seat.id).exercise == 2


def test_without_interventions_the_outcome_equals_the_twin():
    workshop = RoomWorkshop(EXERCISE)
    workshop.step(workshop.last_week)
    outcome = summarize(workshop).outcome
    assert outcome.focus == baseline(EXERCISE).focus == "An"
    for measure in ("relationship", "performance", "spread", "fires"):
        assert getattr(outcome, measure).difference == 0.0


def test_a_run_is_replayed_exactly_from_its_summary():
    workshop = RoomWorkshop(EXERCISE)
    workshop.step(2)
    assert not isinstance(workshop.apply("one-on-ones", "An"), str)
    workshop.step(5)
    assert not isinstance(workshop.apply("sudden-praise", "out-group"), str)
    workshop.step(10)
    summary = summarize(workshop)
    assert summary.tried == (Tried("An", "one-on-ones", 3), Tried("out-group", "sudden-praise", 8))
    assert summary.outcome.relationship.difference != 0.0
    assert summarize(replay(EXERCISE, summary)) == summary


def test_exercise_limits_interventions_and_locks_settings():
    exercise = Exercise(scenario="first-impression", allowed=("one-on-ones",), from_week=5, weeks=12)
    workshop = RoomWorkshop(exercise)
    assert workshop.last_week == 12
    assert list(workshop.kinds) == ["one-on-ones"]
    assert "not part of this exercise" in workshop.apply("sudden-praise", "An")
    assert "from week 5" in workshop.apply("one-on-ones", "An")
    workshop.step(4)
    assert not isinstance(workshop.apply("one-on-ones", "An"), str)
    assert "facilitator" in workshop.choose_scenario("rebels")
    assert "facilitator" in workshop.set_knob("team_size", 3)
    assert "facilitator" in workshop.load_team(b"name\nX\n", "t.csv")


@pytest.mark.parametrize(
    ("exercise", "message"),
    [
        (Exercise(weeks=0), "weeks = 0"),
        (Exercise(allowed=("juggling",)), "juggling unknown"),
        (Exercise(allowed=()), "at least one"),
        (Exercise(scenario="nope"), "unknown scenario 'nope'"),
        (Exercise(weeks=10, from_week=11), "from week = 11"),
        (Exercise(team_file=("team.csv", b"no,such\n1,2\n")), "team file team.csv"),
    ],
)
def test_bad_exercise_gets_one_clear_line(exercise, message):
    with pytest.raises(ExerciseError, match=message):
        check_exercise(exercise)


def test_summary_groups_finished_runs_and_orders_by_help_to_the_focus_member():
    room = Room()
    for index, (kind, start) in enumerate([("one-on-ones", 2), ("one-on-ones", 6), ("team-map", 2)]):
        workshop = RoomWorkshop(EXERCISE)
        workshop.step(start - 1)
        workshop.apply(kind, "An")
        workshop.step(workshop.last_week)
        seat = room.join(f"t{index}")
        room.report(seat.id, summarize(workshop))
    unfinished = room.join("late")
    room.report(unfinished.id, run(week=3, tried=(Tried("An", "team-map", 1),)))
    results = results_frame(room.seats())
    assert len(results) == 4
    summary = summary_frame(results, 1)
    assert sorted(summary["plan"]) == ["one-on-ones→An", "team-map→An"]
    assert summary["runs"].sum() == 3  # the unfinished run is in the CSV, not in the summary
    assert list(summary["relationship_median"]) == sorted(summary["relationship_median"], reverse=True)
    ones = summary[summary["plan"] == "one-on-ones→An"].iloc[0]
    assert (ones["start_min"], ones["start_max"]) == (2, 6)
    assert ones["relationship_min"] <= ones["relationship_median"] <= ones["relationship_max"]


def test_export_is_a_csv_and_a_png_in_both_languages():
    from lmxsim.app.room_results import csv_bytes, figure_png, plan_name, results_csv, summary_figure

    room = Room()
    workshop = RoomWorkshop(EXERCISE)
    workshop.apply("sudden-praise", "team")
    workshop.step(workshop.last_week)
    seat = room.join('t, "quoted"')
    room.report(seat.id, summarize(workshop))
    results = results_frame(room.seats())
    text = csv_bytes(results).decode()
    assert text.splitlines()[0].startswith("participant,seat,connected,exercise,run,week")
    assert '"t, ""quoted"""' in text  # a table name with a comma stays one field
    assert "sudden-praise→team@1" in text
    summary = summary_frame(results, 1)
    for lang in ("en", "nl"):
        png = figure_png(summary_figure(results, summary, 1, lang))
        assert png.startswith(b"\x89PNG")
    assert plan_name("sudden-praise→team", "nl") == "Plotseling compliment → het hele team"
    # the download in the trainer's language: Dutch Excel's separators, Dutch headers, ja/nee
    english = csv_bytes(results).decode()
    assert results_csv(room.seats(), "en").decode() == english
    dutch = results_csv(room.seats(), "nl").decode("utf-8-sig").splitlines()
    assert dutch[0].startswith("deelnemer;plaats;verbonden;oefening;ronde;week;laatste_week;afgerond")
    assert "relatie_eigen;relatie_tweeling;relatie_verschil" in dutch[0]
    row = dutch[1].split(";")
    assert row[dutch[0].split(";").index("afgerond")] == "ja"
    assert "," in row[dutch[0].split(";").index("relatie_eigen")]  # a decimal comma
    assert plan_name("-", "en") == "no intervention"


def test_the_overview_draws_the_summary_figure_beside_its_redraws(monkeypatch):
    """The figure appears once a run finished, drawn in its own thread; a newer finish before it
    is drawn gives one drawing, of the newer results."""
    import time

    import ipywidgets
    import solara

    from lmxsim.app import room_facilitator

    monkeypatch.setattr(room_facilitator, "FIGURE_QUIET_SECONDS", 0.2)
    drawn: list[int] = []
    real_png = room_facilitator.figure_png

    def counting_png(figure):
        drawn.append(1)
        return real_png(figure)

    monkeypatch.setattr(room_facilitator, "figure_png", counting_png)
    room = Room()
    for plan in ("one-on-ones", "team-map"):
        workshop = RoomWorkshop(EXERCISE)
        workshop.apply(plan, "An")
        workshop.step(workshop.last_week)
        room.report(room.join(plan).id, summarize(workshop))
    seats = room.seats()
    shown = solara.reactive(1)

    @solara.component
    def Figure():
        results = results_frame(seats[: shown.value])
        room_facilitator.SummaryFigure(results, summary_frame(results, 1), 1, "en")

    _, rc = solara.render(Figure(), handle_error=False)
    try:
        assert not rc.find(ipywidgets.Image).widgets  # nothing drawn yet: the overview did not wait
        shown.value = 2  # a second run finishes before the first drawing started
        deadline = time.monotonic() + 30
        while not rc.find(ipywidgets.Image).widgets and time.monotonic() < deadline:
            time.sleep(0.05)
        image = rc.find(ipywidgets.Image).widget
        assert bytes(image.value).startswith(b"\x89PNG")
        time.sleep(0.5)
        assert len(drawn) == 1
    finally:
        rc.close()
