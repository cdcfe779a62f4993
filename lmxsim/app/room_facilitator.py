"""The facilitator's page (/room?key=...): set the exercise, watch the room, debrief, export.

Refused without the key printed at start. The overview redraws on a
beat (REFRESH_SECONDS); one click on a participant replays their run
(same seed, same plan) and shows its drawing and charts on the projector.
"""

from __future__ import annotations

import functools
import threading
import time
from dataclasses import replace
from functools import partial
from html import escape
from typing import Any

import solara

from lmxsim.app.charts import MemberCharts, TeamCharts
from lmxsim.app.controls import scenario_title
from lmxsim.app.i18n import intervention_title, number, t, target_label
from lmxsim.app.page import GuardedWorkshop, LanguageSwitch, presenting
from lmxsim.app.room import Room, Run, Seat
from lmxsim.app.room_results import (
    figure_png,
    plan_name,
    results_csv,
    results_frame,
    summary_figure,
    summary_frame,
)
from lmxsim.app.room_session import ExerciseError, check_exercise, replay
from lmxsim.app.session import MAX_WEEKS, Workshop, default_scenario_name
from lmxsim.app.team_drawing import TeamDrawing
from lmxsim.interventions.catalogue import CATALOGUE
from lmxsim.team.config import load_scenario, scenario_names

# Issue 24 asks that the overview never stops updating for more than 1 s, also while 30 laptops join
# and play. A beat of 0.5 s leaves half a second for the stalls of a busy server (a full garbage
# collection, 30 sessions taking turns); benchmarks/bench_room_join.py measures the gaps.
REFRESH_SECONDS = 0.5


@solara.component
def FacilitatorPage(room: Room, key: str):
    lang = solara.use_reactive(solara.use_memo(lambda: room.exercise.lang, []))
    allowed = room.key_matches(key)  # constant time; a wrong key learns nothing
    solara.Title(t("room.facilitator_title", lang.value))
    if not allowed:
        with solara.Card(classes=["lmx-card", "lmx-room-refused"]):
            solara.Text(t("room.refused_title", lang.value), classes=["lmx-title"])
            solara.Text(t("room.refused", lang.value), classes=["lmx-story"])
        return
    FacilitatorRoom(room, lang)


@solara.component
def FacilitatorRoom(room: Room, lang: solara.Reactive[str]):
    """The page behind the key: the overview (live), the exercise form, a preset on the projector
    (the trainer's own workshop, independent of the room's exercise) and the debrief chart."""
    tick = solara.use_reactive(0)
    showing = solara.use_reactive(0)  # seat id on the projector (0: the overview)
    tab = solara.use_reactive(0)
    router = solara.use_router()
    present = solara.use_reactive(presenting(router.search))
    # The trainer's own demo: any preset, played on the projector. It is this page's own Workshop,
    # never the room's exercise: Give changes what participants play, not what the projector shows.
    demo = solara.use_memo(lambda: Workshop(room.exercise.scenario), [])
    demo_seen = solara.use_ref(False)

    def refresh(cancel: threading.Event) -> None:
        due = time.monotonic()
        # On a fixed beat, not "a second after the last redraw ended": on a busy server the redraw
        # itself takes a while, and waiting a full second after it let gaps grow past 2 s. Every
        # beat redraws, also when nothing changed: the "updated" clock then shows the page is live
        # (only what changed is sent, and the figure is drawn again only when a result changed).
        while True:
            due = max(due + REFRESH_SECONDS, time.monotonic())  # fell behind: no burst to catch up
            if cancel.wait(max(0.0, due - time.monotonic())):
                return
            if tab.value in (DEMO_TAB,) and showing.value == 0:
                continue  # the demo does not read the room: no redraw for it
            tick.set(tick.value + 1)

    solara.use_thread(refresh, dependencies=[], intrusive_cancel=False)
    tick.value  # noqa: B018 - subscribe: redraw when the room changed
    seats = room.seats()
    classes = ["lmx-app", "lmx-facilitator", *(["lmx-present"] if present.value else [])]
    with solara.Column(classes=classes, gap="6px"):
        with solara.Row(classes=["lmx-header"], justify="space-between", style={"align-items": "center"}):
            solara.Text(t("room.facilitator_title", lang.value), classes=["lmx-title"])
            with solara.Row(gap="12px", style={"align-items": "center"}):
                solara.Switch(label=t("present", lang.value), value=present, classes=["lmx-present-toggle"])
                LanguageSwitch(lang)
        chosen = next((s for s in seats if s.id == showing.value), None)
        if chosen is not None:
            Projector(room, chosen, lang.value, lambda: showing.set(0), present=present.value)
            return
        with solara.lab.Tabs(value=tab, lazy=True):
            with solara.lab.Tab(t("room.tab_overview", lang.value)):
                Overview(room, seats, lang.value, showing.set, tick)
            with solara.lab.Tab(t("room.tab_exercise", lang.value)):
                ExerciseForm(room, lang.value)
            solara.lab.Tab(t("room.tab_demo", lang.value))  # the demo lives below, outside the lazy tabs
            with solara.lab.Tab(t("room.tab_debrief", lang.value)):
                Debrief(room, seats, lang.value)
        # Once shown, the demo stays mounted (hidden behind the other tabs): switching to the
        # overview and back keeps its week, twin, selection and Play.
        demo_seen.current = demo_seen.current or tab.value == DEMO_TAB
        if demo_seen.current:
            with solara.Div(
                classes=["lmx-room-demo"], style=None if tab.value == DEMO_TAB else {"display": "none"}
            ):
                GuardedWorkshop(demo, lang.value, present=present.value)


DEMO_TAB = 2  # the index of the projector's own preset among the facilitator's tabs


@solara.component
def ExerciseForm(room: Room, lang: str):
    """The exercise every participant gets: preset or team file, weeks, language, interventions."""
    current = room.exercise
    names = scenario_names()
    titles = {scenario_title(n, lang): n for n in names}
    # What the room plays now: an exercise without a preset plays the app's default preset, so the
    # form shows that one (showing the first of the list sent it on Give, switching the whole room).
    preset = solara.use_reactive(current.scenario or default_scenario_name())
    team_file = solara.use_reactive(current.team_file)
    weeks = solara.use_reactive(current.weeks or load_scenario(preset.value).weeks)
    exercise_lang = solara.use_reactive(current.lang)
    kinds = solara.use_reactive(list(current.allowed or CATALOGUE))
    from_week = solara.use_reactive(current.from_week)
    message = solara.use_reactive(("", ""))

    def choose(title: str | None) -> None:
        if title is None:  # the list was cleared: keep the preset
            return
        preset.set(titles[title])
        weeks.set(load_scenario(titles[title]).weeks)

    def dropped(info) -> None:
        from lmxsim.app.uploads import read_upload
        from lmxsim.team.teamfile import TeamFileError

        try:
            team_file.set((info["name"], read_upload(info)))
        except TeamFileError as error:
            message.set(("error", t("bad_file", lang, file=info["name"], error=error)))

    def toggle(key: str, on: bool) -> None:
        chosen = [k for k in CATALOGUE if (k in kinds.value and k != key) or (k == key and on)]
        kinds.set(chosen)

    def apply() -> None:
        allowed = None if set(kinds.value) == set(CATALOGUE) else tuple(kinds.value)
        proposal: dict[str, Any] = {  # Exercise's fields by name; check_exercise checks them
            "scenario": preset.value,
            "team_file": team_file.value,
            "weeks": int(weeks.value),
            "lang": exercise_lang.value,
            "allowed": allowed,
            "from_week": int(from_week.value),
        }
        try:
            from dataclasses import replace

            check_exercise(replace(room.exercise, **proposal))
        except ExerciseError as error:
            message.set(("error", t("room.bad_exercise", lang, error=error)))
            return
        exercise = room.set_exercise(**proposal)
        message.set(("ok", t("room.exercise_set", lang, version=exercise.version)))

    with solara.Card(classes=["lmx-card"]):
        solara.Text(t("room.exercise_now", lang, version=current.version), classes=["lmx-label"])
        current_title = next((title for title, n in titles.items() if n == preset.value), None)
        solara.Select(t("scenario", lang), values=list(titles), value=current_title, on_value=choose)
        solara.Text(t("room.team_file_optional", lang), classes=["lmx-help"])
        from lmxsim.app.file_drop import TeamFileDrop

        TeamFileDrop(label=t("team_file_drop", lang), on_file=dropped)
        if team_file.value is not None:
            with solara.Row(style={"align-items": "center"}):
                solara.Text(t("room.team_file_chosen", lang, file=team_file.value[0]))
                solara.Button(
                    t("room.team_file_clear", lang), on_click=lambda: team_file.set(None), text=True
                )
        solara.SliderInt(t("room.weeks", lang), value=weeks, min=1, max=MAX_WEEKS, thumb_label="always")
        solara.ToggleButtonsSingle(
            value=exercise_lang.value,
            values=["en", "nl"],
            on_value=exercise_lang.set,
            classes=["lmx-room-lang"],
        )
        solara.Text(t("room.allowed", lang), classes=["lmx-label"])
        for key, cls in CATALOGUE.items():
            solara.Checkbox(
                label=intervention_title(cls, lang),
                value=key in kinds.value,
                on_value=partial(toggle, key),
            )
        solara.SliderInt(
            t("room.from_week", lang),
            value=from_week,
            min=1,
            max=max(int(weeks.value), 1),
            thumb_label="always",
        )
        solara.Text(
            will_send(
                preset.value, int(weeks.value), kinds.value, int(from_week.value), exercise_lang.value, lang
            ),
            classes=["lmx-story", "lmx-will-send"],
        )
        solara.Button(
            t("room.set_exercise", lang), on_click=apply, color="primary", classes=["lmx-big-button"]
        )
        if message.value[0] == "error":
            solara.Error(message.value[1])
        elif message.value[0] == "ok":
            solara.Success(message.value[1])


@solara.component
def Debrief(room: Room, seats: list[Seat], lang: str):
    """Every participant's run of this exercise against their twin, as one chart for the projector."""
    from lmxsim.app.room_debrief import debrief_svg

    exercise = room.exercise.version
    svg = solara.use_memo(lambda: debrief_svg(seats, exercise, lang), [tuple(seats), exercise, lang])
    solara.Text(t("room.debrief_note", lang), classes=["lmx-help"])
    solara.HTML(tag="div", unsafe_innerHTML=svg, classes=["lmx-room-debrief"])


def will_send(
    preset: str, weeks: int, kinds: list[str], from_week: int, exercise_lang: str, lang: str
) -> str:
    """The one line that says exactly what Give sends (the form's state, not the room's)."""
    chosen = [k for k in CATALOGUE if k in kinds]
    what = (
        t("room.all_interventions", lang)
        if set(chosen) == set(CATALOGUE)
        else ", ".join(_title(k, lang) for k in chosen) or "–"
    )
    return t(
        "room.will_send",
        lang,
        title=scenario_title(preset, lang),
        weeks=weeks,
        interventions=what,
        from_week=from_week,
        language=exercise_lang,
    )


@solara.component
def BeatClock(beat: solara.Reactive[int] | None, lang: str):
    """'updated 14:03:07.5', drawn again at every beat of the overview, also when nothing else is.

    It reads the beat itself: the overview around it is redrawn only when a seat changed (Solara
    skips a component whose arguments are equal), and before, the clock stood still with it, for
    up to a second and more while the room was quiet or the server busy."""
    if beat is not None:
        beat.value  # noqa: B018 - subscribe: this text, and only this, follows every beat
    solara.Text(t("room.updated", lang, time=beat_clock(time.time(), lang)), classes=["lmx-room-updated"])


def beat_clock(now: float, lang: str) -> str:
    """The overview's clock to a tenth of a second ('14:03:07.5'; '14:03:07,5' in Dutch).

    It changes at every beat (REFRESH_SECONDS), also when no result did: the trainer sees the
    overview is live, and a stall shows as the tenths standing still. Whole seconds could not show
    the beat (two beats in one second look the same), and hid a stall of up to a second."""
    seconds = time.strftime("%H:%M:%S", time.localtime(now))
    tenths = int(now * 10) % 10
    return f"{seconds}{number(0.5, lang, 1)[1]}{tenths}"


def _measure_cell(run: Run | None, measure: str, lang: str, digits: int) -> str:
    if run is None or run.outcome is None:
        return "–"
    value = getattr(run.outcome, measure)
    return f"{number(value.own, lang, digits)} ({number(value.difference, lang, digits, signed=True)})"


def _tried_text(run: Run | None, lang: str) -> str:
    if run is None or not run.tried:
        return t("none_yet", lang)
    return "; ".join(
        f"{t('week', lang, week=tried.when)}: {_title(tried.what, lang)} → {target_label(tried.who, lang)}"
        for tried in sorted(run.tried, key=lambda x: (x.when, x.what))
    )


def _title(key: str, lang: str) -> str:
    cls = CATALOGUE.get(key)
    return intervention_title(cls, lang) if cls else key


@solara.component
def Overview(room: Room, seats: list[Seat], lang: str, show, beat: solara.Reactive[int] | None = None):
    """Connected count and progress, each participant's plan and outcome, the room summary, export.

    Redrawn only when its arguments changed (a seat, the language): at a beat in which nothing
    changed only the clock (BeatClock, which follows `beat` itself) is drawn again."""
    exercise = room.exercise.version
    connected = [s for s in seats if s.connected]
    here = [s for s in seats if s.exercise == exercise]
    finished = sum(1 for s in here if s.latest is not None and s.latest.finished)
    with solara.Row(gap="24px", style={"align-items": "baseline", "flex-wrap": "wrap"}):
        solara.Text(t("room.connected", lang, n=len(connected), cap=room.cap), classes=["lmx-room-big"])
        solara.Text(t("room.progress", lang, done=finished, n=len(here)), classes=["lmx-room-big"])
        BeatClock(beat, lang)
    focus = next((s.latest.outcome.focus for s in seats if s.latest and s.latest.outcome), "")
    solara.Text(t("room.table_note", lang, name=focus or "–"), classes=["lmx-help"])
    head = [
        t("room.col_participant", lang),
        t("room.col_week", lang),
        t("room.col_tried", lang),
        t("room.col_relationship", lang, name=focus or "–"),
        t("room.col_performance", lang),
        t("room.col_spread", lang),
        t("room.col_fires", lang),
    ]
    with solara.Row(gap="4px", style={"flex-wrap": "wrap", "align-items": "center"}):
        solara.Text(t("room.show_hint", lang), classes=["lmx-help"])
        for seat in seats:  # one click puts this participant's team on the projector
            solara.Button(
                seat.name,
                on_click=lambda seat_id=seat.id: show(seat_id),
                small=True,
                outlined=True,
                disabled=seat.latest is None,
                classes=["lmx-room-show"],
            )
    solara.HTML(tag="div", unsafe_innerHTML=participants_html(head, seats, lang, exercise))
    # The summary and its figure read finished runs only: built again when a run finishes (30 times
    # an exercise), not at each of the room's Steps (pandas, tens of ms at every beat with 30 playing).
    finished_seats = finished_only(seats)
    results, summary = solara.use_memo(
        lambda: (frame := results_frame(list(finished_seats)), summary_frame(frame, exercise)),
        [finished_seats, exercise],
    )
    solara.Text(t("room.summary", lang), classes=["lmx-label"])
    if summary.empty:
        solara.Text(t("room.summary_empty", lang), classes=["lmx-muted"])
    else:
        solara.HTML(tag="div", unsafe_innerHTML=summary_html(summary, lang))
        SummaryFigure(results, summary, exercise, lang)
    with solara.Row(gap="12px"):
        stamp = time.strftime("%Y%m%d-%H%M")
        solara.FileDownload(
            lambda: results_csv(room.seats(), lang),
            filename=f"room-results-{stamp}.csv",
            label=t("room.export_csv", lang),
        )
        solara.FileDownload(
            lambda: _figure_bytes(room, lang),
            filename=f"room-summary-{stamp}.png",
            label=t("room.export_figure", lang),
        )


def _figure_bytes(room: Room, lang: str) -> bytes:
    results = results_frame(room.seats())
    exercise = room.exercise.version
    return figure_png(summary_figure(results, summary_frame(results, exercise), exercise, lang))


FIGURE_QUIET_SECONDS = 1.0  # when several runs finish at once, one drawing for all of them


@solara.component
def SummaryFigure(results, summary, exercise: int, lang: str):
    """The figure is drawn again only when a finished run changed it, in a thread of its own.

    Drawing takes ~0.15 s (matplotlib), much more with a room playing; drawn inside the overview's
    redraw it held up the next beat past 2 s while the last tables finished. The figure shown
    stays until the new one is ready."""
    done = results[(results["exercise"] == exercise) & results["finished"].astype(bool)]
    key = (lang, exercise, tuple(done["plan"]), tuple(done["relationship_difference"].round(6)))
    png = solara.use_reactive(b"")

    def draw(cancel: threading.Event) -> None:
        if cancel.wait(FIGURE_QUIET_SECONDS):  # another run finished meanwhile: that drawing will do
            return
        drawn = figure_png(summary_figure(results, summary, exercise, lang))
        if not cancel.is_set():
            png.set(drawn)

    solara.use_thread(draw, dependencies=[key], intrusive_cancel=False)
    if png.value:
        solara.Image(png.value, classes=["lmx-room-figure"])


def _cell(text: str, number_cell: bool = False) -> str:
    return f'<td class="num">{escape(text)}</td>' if number_cell else f"<td>{escape(text)}</td>"


def _table(head: list[str], rows: list[str], classes: str) -> str:
    header = "".join(f"<th>{escape(label)}</th>" for label in head)
    return f'<table class="{classes}"><thead><tr>{header}</tr></thead><tbody>{"".join(rows)}</tbody></table>'


def finished_only(seats: list[Seat]) -> tuple[Seat, ...]:
    """The seats with their finished runs only (what the room's summary and figure are made of)."""
    return tuple(replace(seat, runs=tuple(run for run in seat.runs if run.finished)) for seat in seats)


def participants_html(head: list[str], seats: list[Seat], lang: str, exercise: int) -> str:
    """One participant per row, as one HTML string: 30 rows redraw as one widget change, not hundreds."""
    rows = [participant_row(seat, lang, exercise) for seat in seats]
    return _table(head, rows, "lmx-room-table lmx-room-participants")


@functools.lru_cache(maxsize=256)  # a room holds at most a few dozen seats
def participant_row(seat: Seat, lang: str, exercise: int) -> str:
    """One row of the overview's table; kept for a seat that did not change (a beat with 30 playing
    rebuilt every row, each number through the locale's formatting, where one or two had changed)."""
    run = seat.latest
    week = "–" if run is None else f"{run.week}/{run.last_week}"
    if seat.exercise != exercise:
        week += f" ({t('room.earlier_exercise', lang)})"
    state = "lmx-dot-on" if seat.connected else "lmx-dot-off"
    cells = [
        f'<td class="{state}">{"●" if seat.connected else "○"} {escape(seat.name)}</td>',
        _cell(week, True),
        _cell(_tried_text(run, lang)),
        _cell(_measure_cell(run, "relationship", lang, 1), True),
        _cell(_measure_cell(run, "performance", lang, 2), True),
        _cell(_measure_cell(run, "spread", lang, 2), True),
        _cell(_measure_cell(run, "fires", lang, 0), True),
    ]
    return f'<tr data-seat="{seat.id}">{"".join(cells)}</tr>'


def summary_html(summary, lang: str) -> str:
    head = [
        t("room.col_plan", lang),
        t("room.col_runs", lang),
        t("room.col_started", lang),
        t("room.col_effect", lang),
        t("room.col_range", lang),
        t("room.col_performance", lang),
        t("room.col_spread", lang),
        t("room.col_fires", lang),
    ]
    rows = []
    for index, row in summary.iterrows():
        started = (
            "–"
            if row["start_min"] != row["start_min"]  # NaN: nothing was started
            else t(
                "room.started",
                lang,
                median=number(row["start_median"], lang, 0),
                low=number(row["start_min"], lang, 0),
                high=number(row["start_max"], lang, 0),
            )
        )
        cells = [
            _cell(plan_name(row["plan"], lang)),
            _cell(str(int(row["runs"])), True),
            _cell(started),
            _cell(number(row["relationship_median"], lang, 1, signed=True), True),
            _cell(
                f"{number(row['relationship_min'], lang, 1, signed=True)} … "
                f"{number(row['relationship_max'], lang, 1, signed=True)}",
                True,
            ),
            _cell(number(row["performance_median"], lang, 2, signed=True), True),
            _cell(number(row["spread_median"], lang, 2, signed=True), True),
            _cell(number(row["fires_median"], lang, 0, signed=True), True),
        ]
        best = ' class="lmx-room-best"' if index == 0 else ""
        rows.append(f"<tr{best}>{''.join(cells)}</tr>")
    return _table(head, rows, "lmx-room-table lmx-room-summary")


@solara.component
def Projector(room: Room, seat: Seat, lang: str, back, present: bool = False):
    """One participant's latest run, rebuilt from its summary: the drawing and the charts, large
    (and in present mode with the back row's type, as the trainer's own preset)."""
    run = seat.latest
    exercise = room.exercise if seat.exercise == room.exercise.version else None
    key = (seat.id, run, exercise)
    workshop = solara.use_memo(
        lambda: replay(exercise, run) if run is not None and exercise is not None else None, [key]
    )
    with solara.Row(style={"align-items": "center"}):
        solara.Button(t("room.back", lang), on_click=back, color="primary", classes=["lmx-room-back"])
        solara.Text(t("room.showing", lang, name=seat.name), classes=["lmx-title"])
    if workshop is None:
        solara.Info(t("room.cannot_show", lang))
        return
    solara.Text(_tried_text(run, lang), classes=["lmx-story"])
    focus = run.outcome.focus if run is not None and run.outcome else None
    with solara.Div(classes=["lmx-room-projector"]):
        with solara.Div(classes=["lmx-room-projector-drawing"]):
            TeamDrawing(workshop, focus, lang, None, None, "lmx-room-drawing", present=present)
        with solara.Div(classes=["lmx-room-projector-charts"]):
            solara.Text(t("charts_members", lang), classes=["lmx-label"])
            MemberCharts(workshop, focus, lang, present=present)
            solara.Text(t("charts_team", lang), classes=["lmx-label"])
            TeamCharts(workshop, lang, present=present)
