"""The workshop app's Page: one Workshop (model, twin, log) per browser tab.

Solara calls Page once per session, so `use_memo` gives each tab its own
model (never a module-level model: tabs would share it). Play runs in a
thread that steps the model and bumps `version`, which redraws the views.
"""

from __future__ import annotations

import itertools
import os
import threading
import time

import reacton.core
import solara

from lmxsim.app.charts import MemberCharts, TeamCharts
from lmxsim.app.controls import PlayControls, ScenarioPicker, Settings
from lmxsim.app.i18n import LANGUAGE_NAMES, LANGUAGES, t
from lmxsim.app.interventions_panel import InterventionsPanel
from lmxsim.app.narration import EventLog
from lmxsim.app.session import Workshop
from lmxsim.app.style import CSS
from lmxsim.app.team_drawing import TeamDrawing
from lmxsim.interventions import CATALOGUE

# Play threads of all sessions take turns: one steps and redraws at a time, so the server's
# event loop (clicks, websocket messages) always gets its share, even when a whole room
# presses Play at once. Play then slows down for everyone instead of freezing the page.
PLAY_TURN = threading.Lock()

# Set by `lmxsim app --lang/--scenario` (server.py) before the server starts.
LANG_ENV = "LMXSIM_APP_LANG"
SCENARIO_ENV = "LMXSIM_APP_SCENARIO"


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
def WorkshopView(workshop: Workshop, lang: str):
    """Controls left, the drawing (and its twin) in the middle, interventions and log right, charts below."""
    counter = solara.use_memo(lambda: itertools.count(1), [])
    # `version` moves every week and is read only by the views that change with the model;
    # `layout` moves when the team or the twin changes and re-renders this whole view.
    version = solara.use_reactive(0)
    layout = solara.use_reactive(0)
    playing = solara.use_reactive(False)
    speed = solara.use_reactive(3)
    selected = solara.use_reactive(workshop.names[0])
    kind = solara.use_reactive(next(iter(CATALOGUE), ""))
    applied = solara.use_reactive(("", ""))
    who = solara.use_reactive(workshop.names[0])

    render_context = reacton.core.get_render_context()

    def changed() -> None:
        with render_context:  # one render pass for all the views that read `version`, not one each
            version.set(next(counter))

    def restructured() -> None:
        with render_context:
            layout.set(next(counter))
            version.set(next(counter))

    def play(cancel: threading.Event) -> None:
        if not playing.value:
            return
        while not cancel.is_set():
            with PLAY_TURN:
                if cancel.is_set():
                    return
                started = time.perf_counter()
                workshop.step()
                changed()
                busy = time.perf_counter() - started
            if workshop.at_end:
                playing.set(False)
                return
            cancel.wait(max(busy, 1.0 / speed.value - busy))  # never busy more than half the time

    solara.use_thread(play, dependencies=[playing.value, speed.value])

    layout.value  # noqa: B018 - subscribe: re-render when the team or the twin changes
    names = workshop.names
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

    def drawing_card(twin: bool) -> None:
        with solara.Card(t("drawing", lang), classes=["lmx-card"]):
            solara.Switch(
                label=t("twin", lang),
                value=workshop.twin_on,
                on_value=lambda on: (workshop.set_twin(on), restructured()),
            )
            if twin:  # side by side, large enough for the back of the room
                with solara.Columns([1, 1]):
                    TeamDrawing(
                        workshop,
                        chosen,
                        lang,
                        select,
                        t("with_interventions", lang),
                        "lmx-team",
                        version=version,
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
                    )
            else:
                TeamDrawing(workshop, chosen, lang, select, None, "lmx-team", version=version)
            solara.Text(t("selected", lang, name=chosen), classes=["lmx-selected"])

    def side_panels() -> None:
        InterventionsPanel(
            workshop, lang, target, pick_who, changed, version=version, chosen_kind=kind, last_result=applied
        )
        EventLog(workshop, lang, version=version)

    controls_width = 3
    with solara.Columns(
        [controls_width, 12 - controls_width] if workshop.twin else [3, 5, 4], classes=["lmx-main"]
    ):
        with solara.Column():
            PlayControls(workshop, lang, playing, speed, changed, version=version)
            ScenarioPicker(workshop, lang, restructured)
            Settings(workshop, lang, restructured)
        if workshop.twin is not None:
            with solara.Column():
                drawing_card(twin=True)
                with solara.Columns([1, 1]):
                    with solara.Column():
                        InterventionsPanel(
                            workshop,
                            lang,
                            target,
                            pick_who,
                            changed,
                            version=version,
                            chosen_kind=kind,
                            last_result=applied,
                        )
                    with solara.Column():
                        EventLog(workshop, lang, version=version)
        else:
            with solara.Column():
                drawing_card(twin=False)
            with solara.Column():
                side_panels()
    with solara.Card(t("charts_members", lang), classes=["lmx-card"]):
        if workshop.twin is not None:
            solara.Text(t("twin_dashed", lang), classes=["lmx-help"])
        MemberCharts(workshop, chosen, lang, version=version)
    with solara.Card(t("charts_team", lang), classes=["lmx-card"]):
        TeamCharts(workshop, lang, version=version)


@solara.component
def Page():
    """The whole app: header with language and navigation, then the workshop or the strategy lab."""
    lang = solara.use_reactive(initial_lang())
    tab = solara.use_reactive(0)
    workshop = solara.use_memo(lambda: Workshop(os.environ.get(SCENARIO_ENV) or None), [])
    lab = strategy_lab()
    solara.Title("lmxsim")
    solara.Style(CSS)
    with solara.Column(classes=["lmx-app"], gap="8px"):
        with solara.Row(classes=["lmx-header"], justify="space-between", style={"align-items": "center"}):
            solara.Text(t("app_title", lang.value), classes=["lmx-title"])
            LanguageSwitch(lang)
        if lab is None:
            WorkshopView(workshop, lang.value)
            return
        with solara.lab.Tabs(value=tab, lazy=True):
            with solara.lab.Tab(t("tab_workshop", lang.value)):
                WorkshopView(workshop, lang.value)
            with solara.lab.Tab(t("tab_lab", lang.value)):
                lab(lang=lang.value)
