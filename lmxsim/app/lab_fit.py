"""The strategy lab with a fit: load a `lmxsim fit` result and compare over its posterior draws.

A browser cannot take a dropped folder through Solara's upload, so the leader drops the two
files the lab needs from the fit folder together (fit.json and draws.csv: select both, drag
them), or a .zip of the whole folder (fit.db inside is not read). From then on each
comparison spreads its replications over posterior draws (lmxsim/fit/posterior.py), so the
intervals include what the survey leaves uncertain about this team. docs/strategy-lab.md.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape
from pathlib import Path

import solara

from lmxsim.app.file_drop import FilesDrop
from lmxsim.app.i18n_lab import tl
from lmxsim.fit import FitError
from lmxsim.fit.posterior import DEFAULT_DRAWS, MAX_ZIP_BYTES, Posterior, posterior_from_files, team_mismatch

MAX_FILE_BYTES = 10_000_000  # fit.json or draws.csv (a default fit's draws.csv: about 0.2 MB)


def draws_used(replications: int) -> int:
    """How many posterior draws a comparison with this many replications spreads over."""
    return max(1, min(DEFAULT_DRAWS, (replications or 0) // 2))


def read_fit_drop(files: Sequence[dict]) -> Posterior:
    """A fit from the dropped files (FileInfo dicts), never reading more than the limits."""
    contents: dict[str, bytes] = {}
    for info in files:
        name = Path(str(info.get("name", "file"))).name
        limit = MAX_ZIP_BYTES if name.lower().endswith(".zip") else MAX_FILE_BYTES
        size = info.get("size")
        too_large = isinstance(size, int) and size > limit
        data = info.get("data")
        if data is None and not too_large:
            data = info["file_obj"].read(limit + 1)
        if too_large or data is None or len(data) > limit:
            raise FitError(f"{name}: too large for a fit file (at most {limit:,} bytes)")
        contents[name] = data
    source = " + ".join(contents) or "the drop"
    return posterior_from_files(contents, source)


def fit_problem(posterior: Posterior | None, names: Sequence[str], lang: str) -> str:
    """'' if there is no fit or it fits this team; else a sentence for the leader."""
    if posterior is None or not team_mismatch(posterior, names):
        return ""
    return tl(
        "fit_mismatch",
        lang,
        fitted=", ".join(posterior.names),
        here=", ".join(names),
        team=posterior.state.get("team", "?"),
    )


@solara.component
def FitLoader(posterior: solara.Reactive, names: list[str], replications: int, lang: str):
    """Optional: a fit of this team; the comparison then runs over its posterior draws."""
    message = solara.use_reactive("")

    def dropped(files: list) -> None:
        try:
            loaded = read_fit_drop(files)
        except FitError as error:
            message.set(tl("fit_bad", lang, error=str(error)))
            return
        posterior.set(loaded)
        message.set("")

    def forget() -> None:
        posterior.set(None)
        message.set("")

    with solara.Card(tl("fit_title", lang), classes=["lab-fit"]):
        help_text = escape(tl("fit_help", lang))
        solara.HTML(tag="div", unsafe_innerHTML=help_text, style="color:#555;margin-bottom:6px")
        FilesDrop(tl("fit_drop", lang), on_files=dropped, accept=".json,.csv,.zip")  # dropped, or clicked
        problem = fit_problem(posterior.value, names, lang)
        with solara.Column(classes=["lab-fit-slot"], gap="0px"):
            if message.value:
                solara.Error(message.value, classes=["lab-fit-error"])
            if posterior.value is not None:
                fit = posterior.value
                solara.Success(
                    tl(
                        "fit_loaded",
                        lang,
                        source=fit.source,
                        n=len(fit.names),
                        fitted=", ".join(fit.state.get("fitted", [])) or "-",
                        d=draws_used(replications),
                        week=fit.last["week"],
                    ),
                    classes=["lab-fit-loaded"],
                )
                if problem:
                    solara.Error(problem, classes=["lab-fit-mismatch"])
                solara.Button(tl("fit_forget", lang), on_click=forget, text=True)
