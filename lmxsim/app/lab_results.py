"""The strategy lab's results: conclusions, tables, figures, leader time, robustness, downloads."""

from __future__ import annotations

from collections.abc import Callable
from html import escape
from typing import Any

import solara

from lmxsim.app.i18n_lab import tl
from lmxsim.lab.figures import figure_member_gains, figure_outcomes, png_bytes
from lmxsim.lab.hr_report import report_html, robustness_verdict
from lmxsim.lab.report import (
    conclusions,
    csv_bytes,
    localise,
    r,
)
from lmxsim.lab.strategies import (
    Comparison,
)
from lmxsim.lab.tables import effort_html, gains_html, outcomes_html, robustness_html
from lmxsim.texts import number


def heading(text: str) -> None:
    solara.HTML(tag="h4", unsafe_innerHTML=escape(text), style="margin:14px 0 4px 0")


def note(text: str, classes: list[str] | None = None) -> None:
    solara.HTML(
        tag="div", unsafe_innerHTML=escape(text), style="color:#555;margin-bottom:6px", classes=classes or []
    )


@solara.component
def Results(comparison: Comparison, lang: str, stale: bool, view=None, budget: float | None = None):
    """Intervals per strategy, gains per person, leader time, robustness, conclusions, downloads."""
    outcomes_fig = solara.use_memo(lambda: figure_outcomes(comparison, lang), dependencies=[comparison, lang])
    gains_fig = solara.use_memo(
        lambda: figure_member_gains(comparison, lang), dependencies=[comparison, lang]
    )
    texts = solara.use_memo(
        lambda: conclusions(comparison, lang, budget=budget), dependencies=[comparison, lang, budget]
    )
    # Download callables made once per result: FileDownload cancels a download in progress
    # whenever its `data` changes, and a fresh lambda on every re-render would do just that.
    downloads = solara.use_memo(
        lambda: _downloads(comparison, lang, view, budget, outcomes_fig, gains_fig, texts),
        dependencies=[comparison, lang, view, budget],
    )
    with solara.Card(tl("results", lang)):
        note(
            tl(
                "ran",
                lang,
                s=len(comparison.strategies),
                r=comparison.replications,
                w=comparison.weeks,
                n=len(comparison.names),
                seed=comparison.seed,
                sec=number(comparison.seconds, lang, 1),
            ),
            classes=["lab-ran"],
        )
        if stale:
            solara.Warning(tl("stale", lang))
        heading(tl("conclusions", lang))
        solara.HTML(
            tag="div",
            unsafe_innerHTML="".join(f"<p>{escape(p)}</p>" for p in texts),
            classes=["lab-conclusions"],
        )
        heading(tl("outcomes", lang))
        note(tl("outcomes_help", lang))
        solara.HTML(tag="div", unsafe_innerHTML=outcomes_html(comparison, lang))
        solara.FigureMatplotlib(outcomes_fig, format="png", dependencies=[comparison, lang])
        heading(tl("people", lang))
        note(tl("people_help", lang, w=comparison.checkpoints[-1]))
        solara.HTML(tag="div", unsafe_innerHTML=gains_html(comparison, lang))
        solara.FigureMatplotlib(gains_fig, format="png", dependencies=[comparison, lang])
        heading(tl("effort", lang))
        solara.HTML(tag="div", unsafe_innerHTML=effort_html(comparison, lang, budget))
        if view is not None:
            heading(r("robust_title", lang))
            note(r("robust_help", lang, w=comparison.checkpoints[-1]))
            solara.HTML(tag="div", unsafe_innerHTML=robustness_html(view, lang))
            solara.HTML(tag="p", unsafe_innerHTML=f"<b>{escape(robustness_verdict(view, lang))}</b>",
                        classes=["lab-robust-verdict"])  # fmt: skip
        heading(tl("export", lang))
        with solara.Row(style={"flex-wrap": "wrap"}):
            for filename, (label, data, mime) in downloads.items():
                solara.FileDownload(data, filename, label=label, mime_type=mime)


def _downloads(comparison, lang, view, budget, outcomes_fig, gains_fig, texts) -> dict:
    """filename (in the reader's language) -> (button label, callable giving the bytes, MIME type)."""
    from lmxsim.lab.plan import plan_html

    def table_csv(table: Callable[[], Any]) -> Callable[[], bytes]:
        return lambda: csv_bytes(localise(table(), comparison, lang), lang)

    report_name = tl("file_report", lang)
    files: dict[str, tuple[str, Callable[[], bytes | str], str]] = {
        tl("file_plan", lang): (
            tl("download_plan", lang),
            lambda: plan_html(comparison, lang, robustness=view, appendix=report_name).encode("utf-8"),
            "text/html",
        ),
        report_name: (
            tl("download_report", lang),
            lambda: report_html(comparison, lang, view, budget).encode("utf-8"),
            "text/html",
        ),
    }
    for key, table in (
        ("summary", comparison.summary),
        ("member_gains", comparison.member_gains),
        ("replications", comparison.replication_table),
    ):
        name = tl(f"file_{key}", lang)
        files[name] = (
            name,
            table_csv(table),
            "text/csv",
        )

    def figure_png(fig: Any) -> Callable[[], bytes]:
        return lambda: png_bytes(fig)

    for key, fig in (("outcomes_png", outcomes_fig), ("member_gains_png", gains_fig)):
        name = tl(f"file_{key}", lang)
        files[name] = (name, figure_png(fig), "image/png")
    name = tl("file_conclusions", lang)
    files[name] = (name, lambda: "\n\n".join(texts) + "\n", "text/plain")
    return files
