"""The workshop app: one Workshop (model, twin, log) per browser tab (app/main.py: the Page).

Solara calls Page once per session, so `use_memo` gives each tab its own
model (never a module-level model: tabs would share it). Play runs in a
thread that steps the model and bumps `version`, which redraws the views.
"""

from __future__ import annotations

import itertools
import logging
import os
import threading
import time
from collections.abc import Callable

import reacton.core
import solara

from lmxsim.app.charts import MemberCharts, PersonChart, TeamCharts
from lmxsim.app.controls import PlayControls, ScenarioPicker, Settings, StoryPanel
from lmxsim.app.i18n import LANGUAGE_NAMES, LANGUAGES, t
from lmxsim.app.info import InfoPanel
from lmxsim.app.interventions_panel import InterventionsPanel
from lmxsim.app.liveness import current_owner
from lmxsim.app.narration import EventLog
from lmxsim.app.session import Workshop
from lmxsim.app.style import CSS
from lmxsim.app.team_drawing import DrawingLegend, TeamDrawing
from lmxsim.interventions.catalogue import CATALOGUE

# Play threads of all sessions take turns: one steps and redraws at a time, so the server's
# event loop (clicks, websocket messages) always gets its share, even when a whole room
# presses Play at once. Play then slows down for everyone instead of freezing the page.
PLAY_TURN = threading.Lock()

# Set by `lmxsim app --lang/--scenario` (server.py) before the server starts.
LANG_ENV = "LMXSIM_APP_LANG"
SCENARIO_ENV = "LMXSIM_APP_SCENARIO"


SETTINGS_TAB = 2  # the workshop's left tabs: scenario, intervene, settings


def initial_lang() -> str:
    lang = os.environ.get(LANG_ENV, "en")
    return lang if lang in LANGUAGES else "en"


def strategy_lab():
    """The strategy lab page if that module is installed; the workshop works without it."""
    try:
        from lmxsim.app.strategy_lab import StrategyLab
    except ImportError:
        return None
    return StrategyLab


def lab_session_state():
    """A new strategy-lab state for this browser session (see strategy_lab.LabState)."""
    from lmxsim.app.strategy_lab import LabState

    return LabState()


@solara.component
def LanguageSwitch(lang: solara.Reactive[str]):
    names = {LANGUAGE_NAMES[code]: code for code in LANGUAGES}
    solara.ToggleButtonsSingle(
        value=LANGUAGE_NAMES[lang.value],
        values=list(names),
        on_value=lambda name: lang.set(names[name]),
        classes=["lmx-lang"],
    )


@solara.component
def WorkshopView(
    workshop: Workshop,
    lang: str,
    on_change: Callable[[], None] | None = None,
    locked: bool = False,
    present: bool = False,
):
    """One projector screen: controls left, the drawing (or the twin pair) centre, the selected
    person's chart and the latest narration right. Everything else is one click away: the
    left tabs (scenario, interventions, settings) and the view switch (all charts, info).

    In the room (room_page.py) `on_change` tells the room after every week or intervention,
    and `locked` hides the scenario and settings: the facilitator sets the exercise."""
    counter = solara.use_memo(lambda: itertools.count(1), [])
    # `version` moves every week and is read only by the views that change with the model;
    # `layout` moves when the team or the twin changes and re-renders this whole view.
    version = solara.use_reactive(0)
    # Views that change less often than every week read these instead (fewer renders per week,
    # which is what keeps Play's pace when many tabs play): Play's buttons when the run ends,
    # the narration when a sentence is added.
    status = solara.use_reactive((workshop.generation, workshop.at_end))
    log_size = solara.use_reactive((workshop.generation, 0))
    plans = solara.use_reactive((workshop.generation, 0))  # the interventions panel: its list of plans
    layout = solara.use_reactive(0)
    playing = solara.use_reactive(False)
    speed = solara.use_reactive(3)
    selected = solara.use_reactive(workshop.names[0])
    kind = solara.use_reactive(next(iter(CATALOGUE), ""))
    applied = solara.use_reactive(("", ""))
    who = solara.use_reactive(workshop.names[0])
    # (kind, text key, values), worded when shown; ("", "") for none: one banner for every action
    notice: solara.Reactive[tuple] = solara.use_reactive(("", ""))
    view = solara.use_reactive("team")
    side_tab = solara.use_reactive(0)

    render_context = reacton.core.get_render_context()

    def changed() -> None:
        with workshop.lock:
            now = (workshop.generation, workshop.at_end)
            said = (workshop.generation, len(workshop.narrator.events))
            planned = (workshop.generation, len(workshop.model.interventions))
        with render_context:  # one render pass for all the views that read these, not one each
            version.set(next(counter))
            status.set(now)
            log_size.set(said)
            plans.set(planned)
        if on_change is not None:
            on_change()

    def restructured() -> None:
        """The team was rebuilt (scenario, setting, file, start again): nothing of the old run stays."""
        with render_context:
            applied.set(("", ""))
            playing.set(False)  # a new run waits for its own Play
            layout.set(next(counter))
        changed()

    # Play is one thread for the life of this view, stepping while `playing` is on. A thread per
    # press of Play (use_thread keyed on `playing`) meant hundreds of threads starting and ending
    # in a click storm, each changing state while another rendered: under load that ended in
    # "Too many renders" and a lost session (tests/browser/test_projector.py, click storm).
    go = solara.use_memo(threading.Event, [])
    owner = solara.use_memo(current_owner, [])  # Play steps only while its tab is connected

    def follow_play() -> None:
        if playing.value:
            go.set()
        else:
            go.clear()

    solara.use_effect(follow_play, [playing.value])

    def redraw() -> bool:
        """The week's redraw from the Play thread; False if it has to wait.

        While a flood of clicks keeps the page's own thread changing state, a render started here
        would chase those changes pass after pass until reacton gives up ("Too many renders"), at a
        pass boundary, with the new week already in the state: the next pass shows it."""
        try:
            changed()
        except RuntimeError as error:
            if "Too many renders" not in str(error):
                raise
            return False
        return True

    def play(cancel: threading.Event) -> None:
        owed = False  # a redraw that had to wait
        while not cancel.is_set():
            if owed:
                owed = not redraw()
            if not go.wait(0.5) or not playing.value:  # paused: wait for Play (or the end of the view)
                continue
            if not owner.alive():  # the tab dropped (app/liveness.py): no stepping for nobody
                cancel.wait(0.5)  # it goes on by itself if the tab reconnects
                continue
            with PLAY_TURN:
                if cancel.is_set() or not playing.value:
                    continue
                started = time.perf_counter()
                workshop.step()
                owed = not redraw()
                busy = time.perf_counter() - started
            if workshop.at_end:
                go.clear()
                playing.set(False)
                continue
            cancel.wait(max(busy, 1.0 / speed.value - busy))  # never busy more than half the time

    # Cooperative cancel only: the default (intrusive) one raises inside whatever Python line the
    # thread is on, which can be inside the render context's own locking and leave the page frozen.
    # The loop checks `cancel` between weeks.
    solara.use_thread(play, dependencies=[], intrusive_cancel=False)

    layout.value  # noqa: B018 - subscribe: re-render when the team or the twin changes
    with workshop.lock:
        names = workshop.names
        twin_on = workshop.twin is not None
    chosen = selected.value if selected.value in names else names[0]
    target = (
        who.value
        if who.value in names or who.value in ("in-group", "middle", "out-group", "team")
        else chosen
    )

    def select(name: str) -> None:
        if name in workshop.names:
            selected.set(name)
            who.set(name)

    def pick_who(value: str) -> None:
        who.set(value)
        if value in workshop.names:
            selected.set(value)

    def toggle_twin(on: bool) -> None:
        workshop.set_twin(on)
        with render_context:
            layout.set(next(counter))
            version.set(next(counter))

    views = {t("view_team", lang): "team", t("view_charts", lang): "charts", t("view_info", lang): "info"}
    wide = view.value != "team"  # all charts or info: the centre takes the right column's room too
    stage = ["lmx-stage", *(["lmx-wide"] if wide else ["lmx-with-twin"] if twin_on else [])]
    with solara.Div(classes=stage):
        with solara.Div(classes=["lmx-left"]):
            PlayControls(
                workshop,
                lang,
                playing,
                speed,
                changed,
                restructured,
                notice,
                version=status,
                week_version=version,
                compact=not locked and side_tab.value == SETTINGS_TAB,
            )
            Banner(notice, lang)
            with solara.Div(classes=["lmx-side-tabs"]), solara.lab.Tabs(value=side_tab, grow=True, lazy=True):
                if not locked:
                    with solara.lab.Tab(t("tab_scenario", lang)):
                        ScenarioPicker(workshop, lang, restructured, notice, generation=layout.value)
                with solara.lab.Tab(t("tab_intervene", lang)):
                    InterventionsPanel(
                        workshop,
                        lang,
                        target,
                        pick_who,
                        changed,
                        version=plans,
                        chosen_kind=kind,
                        last_result=applied,
                    )
                if locked:  # a participant reads the story of the exercise, and cannot change it
                    with solara.lab.Tab(t("room.your_story", lang)):
                        StoryPanel(workshop, lang)
                else:
                    with solara.lab.Tab(t("tab_settings", lang)):
                        Settings(workshop, lang, restructured, notice, generation=layout.value)
        with solara.Div(classes=["lmx-centre", *(["lmx-scroll"] if wide else [])]):
            with solara.Row(classes=["lmx-view-bar"], style={"align-items": "center"}):
                solara.ToggleButtonsSingle(
                    value=next(label for label, v in views.items() if v == view.value),
                    values=list(views),
                    on_value=lambda label: view.set(views[label]),
                    classes=["lmx-view-switch"],
                )
                solara.Switch(
                    label=t("twin", lang), value=twin_on, on_value=toggle_twin, classes=["lmx-twin-switch"]
                )
            if view.value == "charts":
                if twin_on:
                    solara.Text(t("twin_dashed", lang), classes=["lmx-help"])
                solara.Text(t("charts_members", lang), classes=["lmx-label"])
                MemberCharts(workshop, chosen, lang, version=version, present=present)
                solara.Text(t("charts_team", lang), classes=["lmx-label"])
                TeamCharts(workshop, lang, version=version, present=present)
            elif view.value == "info":
                InfoPanel(lang)
            elif twin_on:  # side by side, as large as the screen allows
                with solara.Div(classes=["lmx-pair"]):
                    TeamDrawing(
                        workshop,
                        chosen,
                        lang,
                        select,
                        t("with_interventions", lang),
                        "lmx-team",
                        version=version,
                        present=present,
                    )
                    TeamDrawing(
                        workshop,
                        chosen,
                        lang,
                        select,
                        t("without_interventions", lang),
                        "lmx-twin",
                        twin=True,
                        version=version,
                        present=present,
                    )
            else:
                TeamDrawing(
                    workshop, chosen, lang, select, None, "lmx-team", version=version, present=present
                )
            if present and view.value == "team":  # the legend under the picture, once for the pair
                DrawingLegend(lang)
        if not wide:
            with solara.Div(classes=["lmx-right"]):
                PersonChart(workshop, chosen, lang, version=version, present=present)
                EventLog(workshop, lang, version=log_size)


def presenting(search: str | None) -> bool:
    """`?present=1` (or yes/true/on) in the address: large type for the back row."""
    from urllib.parse import parse_qs

    value = parse_qs(search or "").get("present", [""])[-1].strip().lower()
    return value in ("1", "yes", "true", "on")


def notice_text(notice: tuple, lang: str) -> str:
    """A notice is kept as (kind, text key, values) and worded when shown: a language switch
    rewords it, never leaves an English line on a Dutch screen."""
    if len(notice) == 3:
        _, key, values = notice
        return t(key, lang, **values)
    return notice[1] if len(notice) > 1 else ""


@solara.component
def Banner(notice: solara.Reactive[tuple], lang: str = "en"):
    """The one message line of the workshop: an error until the next action that works."""
    kind, text = notice.value[0], notice_text(notice.value, lang)
    if kind == "error":
        solara.Error(text, classes=["lmx-error"])
    elif kind == "ok":
        solara.Success(text)


@solara.component
def GuardedWorkshop(
    workshop: Workshop,
    lang: str,
    on_change: Callable[[], None] | None = None,
    locked: bool = False,
    present: bool = False,
):
    """Last resort: if a view fails while drawing, show a short message and a way back, not a traceback."""
    error, clear = solara.use_exception()
    if error is not None:
        logging.getLogger(__name__).error("workshop view failed", exc_info=error)

        def start_again() -> None:
            workshop.reset()
            clear()

        with solara.Card(classes=["lmx-card", "lmx-oops"]):
            solara.Text(t("oops", lang), classes=["lmx-story"])
            solara.Button(t("reset", lang), on_click=start_again, color="primary", classes=["lmx-big-button"])
        return
    room: dict = (
        {"on_change": on_change, "locked": True} if locked else {}
    )  # only the room's pages pass these
    if present:
        room["present"] = True
    WorkshopView(workshop, lang, **room)


@solara.component
def WorkshopApp():
    """Header with language and navigation, then the workshop or the strategy lab."""
    lang = solara.use_reactive(initial_lang())
    tab = solara.use_reactive(0)
    router = solara.use_router()
    present = solara.use_reactive(presenting(router.search))
    workshop = solara.use_memo(lambda: Workshop(os.environ.get(SCENARIO_ENV) or None), [])
    lab = strategy_lab()
    lab_state = solara.use_memo(lambda: lab and lab_session_state(), [])  # per session, like the workshop
    lab_seen = solara.use_ref(False)  # the lab tab was shown once in this session
    solara.Title(t("page_title", lang.value))
    solara.Style(CSS)
    with solara.Column(classes=["lmx-app", *(["lmx-present"] if present.value else [])], gap="4px"):
        with solara.Row(classes=["lmx-header"], justify="space-between", style={"align-items": "center"}):
            solara.Text(t("app_title", lang.value), classes=["lmx-title"])
            with solara.Row(gap="12px", style={"align-items": "center"}):
                solara.Switch(label=t("present", lang.value), value=present, classes=["lmx-present-toggle"])
                LanguageSwitch(lang)
        if lab is None:
            GuardedWorkshop(workshop, lang.value, present=present.value)
            return
        with solara.lab.Tabs(value=tab, lazy=True):
            with solara.lab.Tab(t("tab_workshop", lang.value)):
                GuardedWorkshop(workshop, lang.value, present=present.value)
            solara.lab.Tab(t("tab_lab", lang.value))  # the lab itself lives below, outside the lazy tabs
        # Once shown, the lab stays mounted (hidden behind the workshop tab), so a tab switch never
        # replaces its widgets: a lazy tab rebuilt them on every switch, and a click that reached
        # the old buttons while the server was busy (another session closing) was lost, e.g.
        # "Download report" then never answered.
        lab_seen.current = lab_seen.current or tab.value == 1
        if lab_seen.current:
            with solara.Div(classes=["lmx-lab-page"], style=None if tab.value == 1 else {"display": "none"}):
                lab(lang=lang.value, state=lab_state)
