"""The room's results as tables and one figure: what the debrief shows and what the export writes.

`results_frame` has one row per participant run; `summary_frame` groups the finished runs
of the current exercise by what was tried, so the room sees which intervention, started
when, helped the out-group member most, and how far the results spread. Nothing is
written to disk here: `csv_bytes` and `figure_png` return bytes for a download.
"""

from __future__ import annotations

import io

import numpy as np
import pandas as pd
from matplotlib.figure import Figure

from lmxsim.app.room import Run, Seat
from lmxsim.io.output import csv_bytes as csv_bytes  # the one safe writer (names are typed by anyone)
from lmxsim.texts import number, t

MEASURES = ("relationship", "performance", "spread", "fires")
NOTHING = "-"  # the label of a run without interventions


def plan_label(run: Run) -> str:
    """'one-on-ones→An + sudden-praise→team': what was tried, whatever the order it was applied in."""
    parts = sorted({f"{tried.what}→{tried.who}" for tried in run.tried})
    return " + ".join(parts) if parts else NOTHING


def plan_detail(run: Run) -> str:
    """'one-on-ones→An@3; sudden-praise→team@5' in the order of the start weeks."""
    return "; ".join(f"{t.what}→{t.who}@{t.when}" for t in sorted(run.tried, key=lambda t: (t.when, t.what)))


def results_frame(seats: list[Seat]) -> pd.DataFrame:
    """One row per run of every participant (the export's CSV)."""
    rows = []
    for seat in seats:
        for run in seat.runs:
            row = {
                "participant": seat.name,
                "seat": seat.id,
                "connected": seat.connected,
                "exercise": run.exercise,
                "run": run.number,
                "week": run.week,
                "last_week": run.last_week,
                "finished": run.finished,
                "plan": plan_label(run),
                "interventions": plan_detail(run),
                "first_start": min((t.when for t in run.tried), default=np.nan),
                "focus": run.outcome.focus if run.outcome else "",
            }
            for measure in MEASURES:
                value = getattr(run.outcome, measure) if run.outcome else None
                row[f"{measure}_own"] = value.own if value else np.nan
                row[f"{measure}_twin"] = value.twin if value else np.nan
                row[f"{measure}_difference"] = value.difference if value else np.nan
            rows.append(row)
    columns = [
        "participant", "seat", "connected", "exercise", "run", "week", "last_week", "finished",
        "plan", "interventions", "first_start", "focus",
        *(f"{m}_{part}" for m in MEASURES for part in ("own", "twin", "difference")),
    ]  # fmt: skip
    return pd.DataFrame(rows, columns=columns)


def results_csv(seats: list[Seat], lang: str) -> bytes:
    """The trainer's download: every run, its column names and yes/no in `lang`, as that language's
    spreadsheet opens it (Dutch: `;` and decimal comma). Plans stay in the catalogue's keys: they
    are data a researcher filters on, the same in every language."""
    frame = results_frame(seats)
    if lang != "en":
        for column in ("connected", "finished"):
            frame[column] = [t(f"report.val_{bool(v)}", lang) for v in frame[column]]
    return csv_bytes(frame.rename(columns={c: _column_name(c, lang) for c in frame.columns}), lang)


def _column_name(column: str, lang: str) -> str:
    measure, _, part = column.rpartition("_")
    if measure in MEASURES:
        return f"{t(f'room.csv_{measure}', lang)}_{t(f'room.csv_{part}', lang)}"
    return t(f"room.csv_{column}", lang)


def summary_frame(results: pd.DataFrame, exercise: int) -> pd.DataFrame:
    """Finished runs of `exercise`, grouped by plan: how many, started when, and the effect's spread."""
    done = results[(results["exercise"] == exercise) & results["finished"].astype(bool)]
    if done.empty:
        return pd.DataFrame(
            columns=["plan", "runs", "start_median", "start_min", "start_max",
                     "relationship_median", "relationship_min", "relationship_max",
                     "performance_median", "spread_median", "fires_median"]
        )  # fmt: skip
    grouped = done.groupby("plan", sort=False)
    table = pd.DataFrame(
        {
            "runs": grouped.size(),
            "start_median": grouped["first_start"].median(),
            "start_min": grouped["first_start"].min(),
            "start_max": grouped["first_start"].max(),
            "relationship_median": grouped["relationship_difference"].median(),
            "relationship_min": grouped["relationship_difference"].min(),
            "relationship_max": grouped["relationship_difference"].max(),
            "performance_median": grouped["performance_difference"].median(),
            "spread_median": grouped["spread_difference"].median(),
            "fires_median": grouped["fires_difference"].median(),
        }
    ).reset_index()
    return table.sort_values(["relationship_median", "runs"], ascending=[False, False]).reset_index(drop=True)


def summary_figure(results: pd.DataFrame, summary: pd.DataFrame, exercise: int, lang: str) -> Figure:
    """Every finished run as a dot per plan (best plan on top), the median as a bar: the debrief's picture."""
    done = results[(results["exercise"] == exercise) & results["finished"].astype(bool)]
    plans = list(summary["plan"])
    height = 1.2 + 0.45 * max(len(plans), 1)
    figure = Figure(figsize=(8, height), layout="constrained")
    axes = figure.subplots()
    axes.axvline(0, color="#888", linewidth=1)
    for row, plan in enumerate(plans):
        y = len(plans) - 1 - row
        values = done.loc[done["plan"] == plan, "relationship_difference"].to_numpy()
        axes.scatter(values, np.full(len(values), y), color="#1f77b4", alpha=0.7, zorder=3)
        median = float(np.median(values))
        axes.plot([median, median], [y - 0.3, y + 0.3], color="#d62728", linewidth=3, zorder=4)
        axes.text(median, y + 0.32, number(median, lang, 1, signed=True), ha="center", fontsize=8)
    axes.set_yticks(range(len(plans)), [plan_name(p, lang) for p in reversed(plans)])
    axes.set_ylim(-0.7, max(len(plans), 1) - 0.3)
    focus = next(iter(done["focus"]), "")
    axes.set_xlabel(t("room.figure_x", lang, name=focus))
    axes.set_title(t("room.figure_title", lang, n=len(done)))
    return figure


def plan_name(plan: str, lang: str) -> str:
    """'sudden-praise→team' as the room reads it: 'Sudden praise → the whole team'."""
    if plan == NOTHING:
        return t("room.no_intervention", lang)
    from lmxsim.app.i18n import intervention_title, target_label
    from lmxsim.interventions.catalogue import CATALOGUE

    parts = []
    for part in plan.split(" + "):
        key, _, who = part.partition("→")
        title = intervention_title(CATALOGUE[key], lang) if key in CATALOGUE else key
        parts.append(f"{title} → {target_label(who, lang)}")
    return " + ".join(parts)


def figure_png(figure: Figure) -> bytes:
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=150)
    return buffer.getvalue()
