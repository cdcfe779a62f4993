"""The trainer's controls: step, play/pause at a speed, start again, scenario, the few knobs.

Every change goes through the session's Workshop; a user mistake comes back
as a message shown here, and the previous team keeps running.
"""

from __future__ import annotations

from collections.abc import Callable
from html import escape

import solara

from lmxsim.app.file_drop import TeamFileDrop
from lmxsim.app.i18n import number, t
from lmxsim.app.session import KNOBS, TEAM_SIZE_RANGE
from lmxsim.model.params import PARAMETERS
from lmxsim.team.config import load_scenario, scenario_names

SPEEDS = (1, 10)  # weeks per second


def scenario_title(name: str, lang: str) -> str:
    """The preset's title in `lang`, or its file name."""
    try:
        title = load_scenario(name).title
    except ValueError:
        return name
    return title.get(lang) or title.get("en") or name


@solara.component
def Knob(
    label: str,
    value: float,
    low: float,
    high: float,
    step: float,
    on_value: Callable[[float], None],
    lang: str,
    words: tuple[str, str],
    help_text: str = "",
    digits: int = 2,
    css_id: str = "",
):
    """A slider that always shows its value, says in words what its two ends mean and explains
    itself on hover (and below the slider, for a tap on a tablet)."""
    # The head and the ends are one HTML element each (not a row of two texts): every widget is a
    # message to open when a page joins, and a room of 30 joins at once (issue 24 req 6).
    with solara.Div(classes=["lmx-knob"], attributes={"title": help_text, "data-knob": css_id}):
        solara.HTML(
            tag="div",
            unsafe_innerHTML=_pair(label, number(value, lang, digits), "lmx-knob-label", "lmx-knob-value"),
            classes=["lmx-knob-head"],
        )
        if isinstance(step, int) and isinstance(value, int):
            solara.SliderInt(
                "", value=value, min=int(low), max=int(high), step=step, on_value=on_value, thumb_label=False
            )
        else:
            solara.SliderFloat(
                "", value=value, min=low, max=high, step=step, on_value=on_value, thumb_label=False
            )
        solara.HTML(tag="div", unsafe_innerHTML=_pair(words[0], words[1]), classes=["lmx-knob-ends"])


def _pair(left: str, right: str, left_class: str = "", right_class: str = "") -> str:
    """Two texts at the two ends of one line, as HTML (escaped)."""
    return (
        f'<span class="{left_class}">{escape(left)}</span><span class="{right_class}">{escape(right)}</span>'
    )


@solara.component
def WeekLabel(workshop, lang: str, version: solara.Reactive[int] | None = None):
    """'Week 6': the one part of the controls that changes every week."""
    if version is not None:
        version.value  # noqa: B018 - subscribe to weekly changes
    with workshop.lock:
        week, last = workshop.week, workshop.last_week
    # One element for "Week 6" and "of 26" (fewer widgets per page: a room of 30 joins at once).
    solara.HTML(
        tag="div",
        unsafe_innerHTML=_pair(
            t("week", lang, week=week), t("of_weeks", lang, weeks=last), "lmx-week", "lmx-muted"
        ),
        classes=["lmx-week-row"],
    )


@solara.component
def PlayControls(
    workshop,
    lang: str,
    playing: solara.Reactive[bool],
    speed: solara.Reactive[int],
    on_change: Callable[[], None],
    on_rebuilt: Callable[[], None] | None = None,
    notice: solara.Reactive[tuple] | None = None,
    version: solara.Reactive | None = None,
    week_version: solara.Reactive[int] | None = None,
    compact: bool = False,
):
    """Week counter, Step / Play-Pause / Start again, and the speed (not when `compact`: the
    settings tab needs the room, and a changed setting starts again and stops Play anyway).

    Re-renders when `version` changes (the page moves it when the run ends or restarts);
    only the week label follows `week_version` every week."""
    if version is not None:
        version.value  # noqa: B018 - subscribe

    def clear_notice() -> None:
        if notice is not None and notice.value[0] == "error":
            notice.set(("", ""))

    def step() -> None:
        workshop.step()
        clear_notice()
        on_change()

    def play_pause() -> None:
        if not playing.value and workshop.at_end:
            return  # a click that arrives after the last week changes nothing
        clear_notice()
        playing.set(not playing.value)

    def reset() -> None:
        playing.set(False)
        workshop.reset()
        clear_notice()
        (on_rebuilt or on_change)()

    with workshop.lock:
        at_end, last = workshop.at_end, workshop.last_week
    with solara.Card(classes=["lmx-card", "lmx-play"]):
        WeekLabel(workshop, lang, week_version)
        with solara.Row(gap="6px", style={"flex-wrap": "wrap"}):
            solara.Button(
                t("step", lang),
                on_click=step,
                color="primary",
                disabled=playing.value or at_end,
                classes=["lmx-big-button"],
            )
            solara.Button(
                t("pause", lang) if playing.value else t("play", lang),
                on_click=play_pause,
                color="primary",
                outlined=True,
                disabled=at_end and not playing.value,
                classes=["lmx-big-button"],
            )
            solara.Button(t("reset", lang), on_click=reset, outlined=True, classes=["lmx-big-button"])
        if at_end:
            solara.Info(t("end_reached", lang, week=last), classes=["lmx-end"])
        elif not compact:
            Knob(
                t("speed", lang),
                speed.value,
                SPEEDS[0],
                SPEEDS[1],
                1,
                lambda v: speed.set(int(v)),
                lang,
                (t("speed_low", lang), t("speed_high", lang)),
                t("speed_help", lang),
                digits=0,
                css_id="speed",
            )


@solara.component
def ScenarioPicker(
    workshop,
    lang: str,
    on_change: Callable[[], None],
    notice: solara.Reactive[tuple],
    generation: int = 0,
):
    """The presets by title, and the story to read aloud (always the current scenario's).

    `generation` changes whenever the team is rebuilt, so this re-renders at once then."""
    names = scenario_names()
    titles = {scenario_title(n, lang): n for n in names}
    current = next((title for title, n in titles.items() if n == workshop.scenario_name), None)

    def choose(title: str | None) -> None:
        if title is None:  # the list was cleared: the scenario stays
            return
        problem = workshop.choose_scenario(titles[title])
        notice.set(("error", "bad_setting", {"error": problem}) if problem else ("", ""))
        if not problem:  # otherwise the old scenario keeps running, untouched
            on_change()

    with solara.Div(classes=["lmx-tab-body"]):
        solara.Select(t("scenario", lang), values=list(titles), value=current, on_value=choose)
        story = workshop.scenario.story.get(lang) or workshop.scenario.story.get("en")
        if story:
            solara.Text(t("story", lang), classes=["lmx-label"])
            solara.Div(
                children=[story], classes=["lmx-story"], attributes={"data-scenario": workshop.scenario_name}
            )


@solara.component
def StoryPanel(workshop, lang: str):
    """A participant's read-only view of the exercise: the preset's title and its story."""
    story = workshop.scenario.story.get(lang) or workshop.scenario.story.get("en")
    with solara.Div(classes=["lmx-tab-body"]):
        solara.Text(scenario_title(workshop.scenario_name, lang), classes=["lmx-label", "lmx-exercise-title"])
        if story:
            solara.Div(
                children=[story], classes=["lmx-story"], attributes={"data-scenario": workshop.scenario_name}
            )


@solara.component
def Settings(
    workshop,
    lang: str,
    on_change: Callable[[], None],
    notice: solara.Reactive[tuple],
    generation: int = 0,
):
    """Sliders for the knobs a trainer explains, and an upload for the leader's own team.

    `generation` changes whenever the team is rebuilt, so the sliders show the new values at once."""

    def change(name: str, value: float) -> None:
        problem = workshop.set_knob(name, value)
        notice.set(("error", "bad_setting", {"error": problem}) if problem else ("", ""))
        if not problem:
            on_change()

    def dropped(info) -> None:
        from lmxsim.app.uploads import read_upload
        from lmxsim.team.teamfile import TeamFileError

        try:
            data = read_upload(info)
        except TeamFileError as error:
            notice.set(("error", "bad_file", {"file": info["name"], "error": str(error)}))
            return
        problem = workshop.load_team(data, info["name"])
        if problem:
            notice.set(("error", "bad_file", {"file": info["name"], "error": problem}))
        else:
            notice.set(("ok", "team_file_loaded", {"file": info["name"]}))
            on_change()

    with solara.Div(classes=["lmx-tab-body"]):
        solara.Text(t("settings_note", lang), classes=["lmx-muted"])
        for name, step in KNOBS.items():
            meta = PARAMETERS[name].metadata
            Knob(
                t(name, lang),
                workshop.knobs[name],
                float(meta["low"]),
                float(meta["high"]),
                step,
                lambda v, name=name: change(name, float(v)),
                lang,
                (t(f"{name}_low", lang), t(f"{name}_high", lang)),
                t(f"{name}_help", lang),
                css_id=name,
            )
        Knob(
            t("team_size", lang),
            workshop.team_size,
            TEAM_SIZE_RANGE[0],
            TEAM_SIZE_RANGE[1],
            1,
            lambda v: change("team_size", int(v)),
            lang,
            (t("team_size_low", lang, n=TEAM_SIZE_RANGE[0]), t("team_size_high", lang, n=TEAM_SIZE_RANGE[1])),
            t("team_size_help", lang),
            digits=0,
            css_id="team_size",
        )
        solara.Text(t("team_file", lang), classes=["lmx-label"])
        TeamFileDrop(label=t("team_file_drop", lang), on_file=dropped)
