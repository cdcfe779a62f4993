"""PNG figures of a sweep analysis: effects, trajectories, Sobol and Morris indices.

Figures are made with matplotlib's object API (Figure, not pyplot): no backend is chosen
and none is changed, so importing this in a notebook leaves `plt.show()` working.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
from matplotlib.figure import Figure

from lmxsim.io.output import write_table, write_with
from lmxsim.sweep import store
from lmxsim.sweep.analyze import Analysis
from lmxsim.sweep.design import Design

MAX_OUTCOMES = 4
MAX_LINES = 8
LABEL = {
    "performance": "team performance",
    "lmx_mean": "mean LMX",
    "lmx_differentiation": "LMX differentiation (SD)",
    "out_group_share": "out-group share",
    "safety_mean": "mean safety",
    "problems_reported": "problems reported",
    "problems_hidden": "problems hidden",
    "fires": "fires",
}


def label(name: str) -> str:
    return LABEL.get(name, name.replace("_", " "))


def draw_all(analysis: Analysis, design: Design, folder: Path, title: str = "") -> list[Path]:
    paths = [effects(analysis, design, folder / "effects.png", title)]
    if analysis.summary["week"].nunique() > 1:
        paths.append(trajectories(analysis, design, folder / "trajectories.png", title))
    if analysis.indices is not None and analysis.method == "sobol":
        paths.append(sobol(analysis, folder / "sobol.png", title))
    if analysis.indices is not None and analysis.method == "morris":
        paths.append(morris(analysis, folder / "morris.png", title))
    return paths


def _subplots(rows: int, columns: int, figsize: tuple[float, float], squeeze: bool = False):
    fig = Figure(figsize=figsize)
    return fig, fig.subplots(rows, columns, squeeze=squeeze)


def _save(fig, path: Path, title: str) -> Path:
    if title:
        fig.suptitle(title)
    fig.tight_layout()
    write_with(path, lambda temporary: fig.savefig(temporary, dpi=150, format="png"))
    return path


def effects(analysis: Analysis, design: Design, path: Path, title: str) -> Path:
    """Each outcome against each varied parameter: point means with 95% CIs; grid: level means joined."""
    outcomes = analysis.outcomes[:MAX_OUTCOMES]
    names = design.names
    columns = min(len(names), 4)
    rows_per_outcome = -(-len(names) // columns)
    at = analysis.summary[analysis.summary["week"] == analysis.week]
    many = at["point"].nunique() > 60
    fig, axes = _subplots(
        len(outcomes) * rows_per_outcome,
        columns,
        figsize=(3.2 * columns, 2.6 * len(outcomes) * rows_per_outcome),
        squeeze=False,
    )
    for ax in axes.flat:
        ax.set_visible(False)
    for i, outcome in enumerate(outcomes):
        rows = at[at["outcome"] == outcome]
        y = rows["mean"].to_numpy()
        error = np.vstack([y - rows["ci_low"].to_numpy(), rows["ci_high"].to_numpy() - y])
        for j, name in enumerate(names):
            ax = axes[i * rows_per_outcome + j // columns][j % columns]
            ax.set_visible(True)
            x = rows[name].astype(float).to_numpy()
            ax.errorbar(
                x,
                y,
                yerr=None if many else error,
                fmt="o",
                ms=2 if many else 4,
                alpha=0.35 if many else 0.6,
                color="tab:blue",
                elinewidth=0.8,
            )
            if design.kind == "grid":
                level = rows.groupby(name)["mean"].mean()
                ax.plot(level.index.astype(float), level.to_numpy(), "-", color="black", lw=1.5)
            ax.set_xlabel(label(name))
            if j % columns == 0:
                ax.set_ylabel(f"{label(outcome)}\n(week {analysis.week})")
    note = "dots: design points, mean over replications" + ("" if many else " with 95% CI")
    if design.kind == "grid":
        note += "; line: mean over the other parameters"
    fig.text(0.01, 0.005, note, fontsize=7)
    return _save(fig, path, title)


def trajectories(analysis: Analysis, design: Design, path: Path, title: str) -> Path:
    """Outcomes over the recorded weeks: one line per point (few points) or the spread over points."""
    outcomes = analysis.outcomes[:MAX_OUTCOMES]
    fig, axes = _subplots(1, len(outcomes), figsize=(4 * len(outcomes), 3.2), squeeze=False)
    for ax, outcome in zip(axes[0], outcomes, strict=False):
        rows = analysis.summary[analysis.summary["outcome"] == outcome]
        points = sorted(rows["point"].unique())
        if len(points) <= MAX_LINES:
            for point in points:
                line = rows[rows["point"] == point].sort_values("week")
                values = ", ".join(f"{n}={_fmt(line.iloc[0][n])}" for n in design.names)
                ax.plot(line["week"], line["mean"], "-o", ms=3, label=values)
                ax.fill_between(line["week"], line["ci_low"], line["ci_high"], alpha=0.2)
            ax.legend(fontsize=6)
        else:
            spread = rows.groupby("week")["mean"]
            weeks = spread.median().index
            ax.plot(weeks, spread.median(), "-o", ms=3, color="black", label="median over points")
            ax.fill_between(weeks, spread.quantile(0.1), spread.quantile(0.9), alpha=0.25, label="10-90%")
            ax.legend(fontsize=7)
        ax.set_xlabel("week")
        ax.set_ylabel(label(outcome))
    return _save(fig, path, title)


def sobol(analysis: Analysis, path: Path, title: str) -> Path:
    """First-order and total Sobol indices with 95% bootstrap CIs, per outcome."""
    table = analysis.indices
    assert table is not None
    outcomes = analysis.outcomes[:MAX_OUTCOMES]
    fig, axes = _subplots(1, len(outcomes), figsize=(4.2 * len(outcomes), 3.6), squeeze=False)
    for ax, outcome in zip(axes[0], outcomes, strict=False):
        rows = table[table["outcome"] == outcome]
        y = np.arange(len(rows))
        ax.barh(y - 0.2, rows["S1"], 0.4, xerr=rows["S1_conf"], label="first order S1", color="tab:blue")
        ax.barh(y + 0.2, rows["ST"], 0.4, xerr=rows["ST_conf"], label="total ST", color="tab:orange")
        ax.set_yticks(y, [label(n) for n in rows["parameter"]], fontsize=7)
        ax.axvline(0, color="grey", lw=0.5)
        ax.set_xlabel("Sobol index (95% CI)")
        ax.set_title(f"{label(outcome)}, week {analysis.week}", fontsize=9)
        ax.invert_yaxis()
    axes[0][0].legend(fontsize=7)
    return _save(fig, path, title)


def morris(analysis: Analysis, path: Path, title: str) -> Path:
    """Morris screening: mu* (importance, with 95% CI) against sigma (interaction/non-linearity)."""
    table = analysis.indices
    assert table is not None
    outcomes = analysis.outcomes[:MAX_OUTCOMES]
    fig, axes = _subplots(1, len(outcomes), figsize=(4.2 * len(outcomes), 3.6), squeeze=False)
    for ax, outcome in zip(axes[0], outcomes, strict=False):
        rows = table[table["outcome"] == outcome]
        ax.errorbar(rows["mu_star"], rows["sigma"], xerr=rows["mu_star_conf"], fmt="o", ms=4)
        for _, row in rows.iterrows():
            ax.annotate(label(row["parameter"]), (row["mu_star"], row["sigma"]), fontsize=6)
        ax.set_xlabel("mu* (95% CI)")
        ax.set_ylabel("sigma")
        ax.set_title(f"{label(outcome)}, week {analysis.week}", fontsize=9)
    return _save(fig, path, title)


def _fmt(value) -> str:
    if isinstance(value, bool | np.bool_):
        return str(bool(value)).lower()
    return f"{float(value):.3g}" if not pd.isna(value) else "-"


def write(analysis: Analysis, out: Path, folder: Path | None = None) -> list[Path]:
    """CSV tables and PNG figures into out/_analysis (or `folder`)."""
    folder = folder or out / store.ANALYSIS
    written = [write_table(analysis.summary, folder / "summary.csv")]
    if analysis.indices is not None:
        written.append(write_table(analysis.indices, folder / f"{analysis.method}.csv"))
    manifest = store.read_manifest(out) or {}
    written += draw_all(analysis, Design.from_json(manifest["design"]), folder, manifest.get("title", ""))
    return written
