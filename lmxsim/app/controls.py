"""The trainer's controls: step, play/pause at a speed, start again, scenario, the few knobs.

Every change goes through the session's Workshop; a user mistake comes back
as a message shown here, and the previous team keeps running.
"""

from __future__ import annotations

from collections.abc import Callable

import solara

from lmxsim.app.i18n import t
from lmxsim.app.session import KNOBS, MAX_WEEKS, TEAM_SIZE_RANGE
from lmxsim.config import load_scenario, scenario_names
from lmxsim.params import PARAMETERS

SPEEDS = (1, 10)  # weeks per second


def scenario_title(name: str, lang: str) -> str:
    """The preset's title in `lang`, or its file name."""
    try:
        title = load_scenario(name).title
    except ValueError:
        return name
    return title.get(lang) or title.get("en") or name


@solara.component
def PlayControls(
    workshop,
    lang: str,
    playing: solara.Reactive[bool],
    speed: solara.Reactive[int],
    on_change: Callable[[], None],
    version: solara.Reactive[int] | None = None,
):
    """Week counter, Step / Play-Pause / Start again, and the speed."""
    if version is not None:
        version.value  # noqa: B018 - subscribe to weekly changes

    def step() -> None:
        workshop.step()
        on_change()

    def reset() -> None:
        playing.set(False)
        workshop.reset()
        on_change()

    with solara.Card(classes=["lmx-card"]):
        solara.Text(t("week", lang, week=workshop.week), classes=["lmx-week"])
        with solara.Row(gap="8px", style={"flex-wrap": "wrap"}):
            solara.Button(
                t("step", lang),
                on_click=step,
                color="primary",
                disabled=playing.value or workshop.at_end,
                classes=["lmx-big-button"],
            )
            solara.Button(
                t("pause", lang) if playing.value else t("play", lang),
                on_click=lambda: playing.set(not playing.value),
                color="primary",
                outlined=True,
                disabled=workshop.at_end and not playing.value,
                classes=["lmx-big-button"],
            )
            solara.Button(t("reset", lang), on_click=reset, outlined=True, classes=["lmx-big-button"])
        solara.SliderInt(t("speed", lang), value=speed, min=SPEEDS[0], max=SPEEDS[1], thumb_label="always")
        if workshop.at_end:
            solara.Info(t("end_reached", lang, week=MAX_WEEKS))


@solara.component
def ScenarioPicker(workshop, lang: str, on_change: Callable[[], None]):
    """The presets by title, and the story to read aloud."""
    message, set_message = solara.use_state("")
    names = scenario_names()
    titles = {scenario_title(n, lang): n for n in names}
    current = next((title for title, n in titles.items() if n == workshop.scenario_name), None)

    def choose(title: str) -> None:
        set_message(workshop.choose_scenario(titles[title]) or "")
        on_change()

    with solara.Card(t("scenario", lang), classes=["lmx-card"]):
        solara.Select(t("scenario", lang), values=list(titles), value=current, on_value=choose)
        if message:
            solara.Error(t("bad_setting", lang, error=message))
        story = workshop.scenario.story.get(lang) or workshop.scenario.story.get("en")
        if story:
            solara.Text(t("story", lang), classes=["lmx-label"])
            solara.Text(story, classes=["lmx-story"])


@solara.component
def Settings(workshop, lang: str, on_change: Callable[[], None]):
    """Sliders for the knobs a trainer explains, and an upload for the leader's own team."""
    message, set_message = solara.use_state("")
    file_note, set_file_note = solara.use_state("")

    def change(name: str, value: float) -> None:
        problem = workshop.set_knob(name, value)
        set_message(t("bad_setting", lang, error=problem) if problem else "")
        on_change()

    def dropped(info) -> None:
        from lmxsim.app.uploads import read_upload
        from lmxsim.teamfile import TeamFileError

        try:
            data = read_upload(info)
        except TeamFileError as error:
            set_message(t("bad_file", lang, file=info["name"], error=error))
            set_file_note("")
            return
        problem = workshop.load_team(data, info["name"])
        if problem:
            set_message(t("bad_file", lang, file=info["name"], error=problem))
            set_file_note("")
        else:
            set_message("")
            set_file_note(t("team_file_loaded", lang, file=info["name"]))
        on_change()

    with solara.Card(t("settings", lang), classes=["lmx-card"]):
        for name, step in KNOBS.items():
            meta = PARAMETERS[name].metadata
            solara.SliderFloat(
                t(name, lang),
                value=workshop.knobs[name],
                min=float(meta["low"]),
                max=float(meta["high"]),
                step=step,
                on_value=lambda v, name=name: change(name, float(v)),
                thumb_label=True,
            )
            solara.Text(t(f"{name}_help", lang), classes=["lmx-help"])
        solara.SliderInt(
            t("team_size", lang),
            value=workshop.team_size,
            min=TEAM_SIZE_RANGE[0],
            max=TEAM_SIZE_RANGE[1],
            on_value=lambda v: change("team_size", int(v)),
            thumb_label=True,
        )
        solara.Text(t("team_size_help", lang), classes=["lmx-help"])
        solara.Text(t("settings_note", lang), classes=["lmx-muted"])
        if message:
            solara.Error(message, classes=["lmx-error"])
        solara.Text(t("team_file", lang), classes=["lmx-label"])
        solara.FileDrop(label=t("team_file_drop", lang), on_file=dropped, lazy=True)  # read as it arrives
        if file_note:
            solara.Success(file_note)
