"""The strategy lab fits the team itself: drop the LMX-7 survey, watch the fit learn, stop it at will.

`lmxsim fit` with a budget sized for a page (APP_FIT: about a minute for a team of nine and three
waves on an idle core), in a folder of its own; when it ends the lab compares over its posterior
exactly as over a dropped fit folder (lab_fit.py), and the leader can download the folder to keep
it. The work belongs to the tab (liveness.py): Stop, a closed or dropped tab, or a new fit end it
between two rounds of simulations, and nothing of it is used.
"""

from __future__ import annotations

import io
import re
import shutil
import tempfile
import zipfile
from collections.abc import Callable, Sequence
from html import escape
from pathlib import Path
from typing import cast

import solara

from lmxsim.app.file_drop import TeamFileDrop
from lmxsim.app.i18n_lab import tl
from lmxsim.app.liveness import Owner, current_context
from lmxsim.fit import FitError
from lmxsim.fit.run import Settings
from lmxsim.io.rules import ParameterError
from lmxsim.team.members import Member

# The CLI's defaults are 400 particles and 6 generations (several minutes): a page waits less.
APP_FIT = Settings(population=200, min_population=100, max_population=300, generations=4, max_minutes=3.0)
SURVEY_SUFFIXES = (".csv", ".txt", ".xlsx")
MAX_SURVEY_BYTES = 1_000_000
FIT_FOLDER = "fit"


def fit_here(
    team: Sequence[Member],
    survey_name: str,
    data: bytes,
    folder: Path,
    lang: str = "en",
    settings: Settings = APP_FIT,
    progress: Callable[[float], None] | None = None,
    should_stop: Callable[[], bool] | None = None,
):
    """Fit `team` to the survey file's bytes in `folder`; the Posterior the lab compares over.

    The steps of `lmxsim fit` (lmxsim/fit/steps.py: read and check the survey against the team,
    the identified-first parameters, ABC-SMC, the report files); raises FitError for a bad survey,
    sampler.FitStopped when stopped.
    """
    from lmxsim.fit.posterior import read_posterior
    from lmxsim.fit.priors import fit_priors
    from lmxsim.fit.steps import fit_and_report, one_team

    suffix = Path(survey_name).suffix.lower()
    if suffix not in SURVEY_SUFFIXES:
        raise FitError(f"{survey_name}: not a survey file (allowed: {', '.join(SURVEY_SUFFIXES)})")
    if len(data) > MAX_SURVEY_BYTES:
        raise FitError(f"{survey_name}: too large for a survey (at most {MAX_SURVEY_BYTES:,} bytes)")
    path = folder / f"survey{suffix}"
    path.write_bytes(data)
    priors = fit_priors(None)
    team_here = tl("fitrun_team_here", lang)
    prepared = one_team(team, path, team_here, priors, lang)  # its problems in the page's language

    def generation_done(record: dict) -> None:
        if progress is not None:
            progress(min(1.0, (record["generation"] + 1) / settings.generations))

    out = folder / FIT_FOLDER
    fit_and_report(
        prepared.simulator, priors, out, settings, survey_name, team_here, lang,
        progress=generation_done, should_stop=should_stop,
    )  # fmt: skip
    return read_posterior(out)


def zipped(folder: Path) -> bytes:
    """The fit folder as a .zip (the lab takes it back as a drop; fit.db is left out: it is large)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for path in sorted(folder.iterdir()):
            if path.is_file() and path.suffix != ".db":
                archive.write(path, path.name)
    return buffer.getvalue()


@solara.component
def FitRunner(posterior: solara.Reactive, team: list[Member] | None, lang: str):
    """Fit the team above to its survey, here; the comparison then runs over that fit."""
    from lmxsim.fit.sampler import FitStopped

    survey = solara.use_reactive(cast(tuple[str, bytes] | None, None))  # the dropped survey: name, bytes
    message = solara.use_reactive(("", ""))  # (text, kind)
    folder = solara.use_reactive(cast(Path | None, None))  # the finished fit's folder, for the download
    stop = solara.use_memo(lambda: {"asked": False}, [])
    session = current_context()

    def dropped(info: dict) -> None:
        name = str(info.get("name", "survey"))
        data = info["file_obj"].read(MAX_SURVEY_BYTES + 1)
        survey.set((name, data))
        message.set((tl("fitrun_ready", lang, file=name), "info"))

    def work() -> None:
        if survey.value is None or team is None:
            return
        owner = Owner(session)
        stop["asked"] = False
        name, data = survey.value
        place = Path(tempfile.mkdtemp(prefix="lmxsim-lab-fit-"))

        def should_stop() -> bool:
            return stop["asked"] or not task.is_current() or not owner.alive()

        def progress(fraction: float) -> None:
            task.progress = 100 * fraction

        try:
            fitted = fit_here(team, name, data, place, lang, progress=progress, should_stop=should_stop)
        except FitStopped:
            shutil.rmtree(place, ignore_errors=True)
            message.set((tl("fitrun_stopped", lang), "warning"))
            return
        except (FitError, ParameterError, OSError) as error:
            shutil.rmtree(place, ignore_errors=True)
            message.set((tl("fitrun_bad", lang, error=str(error)), "error"))
            return
        if folder.value is not None:
            shutil.rmtree(folder.value, ignore_errors=True)  # one fit per tab on disk
        folder.set(place / FIT_FOLDER)
        posterior.set(fitted)
        message.set((tl("fitrun_done", lang, seconds=round(fitted.state.get("seconds", 0))), "success"))

    task = solara.lab.use_task(work, dependencies=None, raise_error=False)
    running = bool(task.pending)

    with solara.Card(tl("fitrun_title", lang), classes=["lab-fit-run"]):
        # HTML, not solara.Markdown: Markdown fetches KaTeX from a CDN, and the lab runs offline
        help_text = re.sub(r"`([^`]+)`", r"<code>\1</code>", escape(tl("fitrun_help", lang)))
        solara.HTML(tag="div", unsafe_innerHTML=help_text, style="color:#555;margin-bottom:6px")
        TeamFileDrop(tl("fitrun_drop", lang), on_file=dropped)  # the survey: dropped, or clicked and chosen
        with solara.Row():
            solara.Button(
                tl("fitrun_start", lang),
                on_click=task,
                disabled=running or survey.value is None or team is None,
                color="primary",
                classes=["lab-fit-start"],
            )
            if running:
                solara.Button(
                    tl("fitrun_stop", lang),
                    on_click=lambda: stop.update(asked=True),
                    classes=["lab-fit-stop"],
                )
            if folder.value is not None and not running:
                solara.FileDownload(
                    lambda: zipped(folder.value),
                    filename=tl("fitrun_zip", lang),
                    label=tl("fitrun_download", lang),
                )
        with solara.Column(classes=["lab-fit-run-slot"], gap="0px"):
            if running:
                solara.ProgressLinear(value=task.progress or True)
                solara.Text(tl("fitrun_running", lang), classes=["lab-fit-running"])
            elif team is None:
                solara.Warning(tl("fitrun_no_team", lang))
            text, kind = message.value
            if text and not running:
                {"error": solara.Error, "warning": solara.Warning, "success": solara.Success}.get(
                    kind, solara.Info
                )(text, classes=[f"lab-fit-run-{kind}"])
