"""The strategy comparison's figures (matplotlib, no pyplot: safe in server threads).

Each strategy has its colour (lab/style.py, strategy_colours) in every figure; axes
write numbers the reader's way (lmxsim.texts.number).
"""

from __future__ import annotations

import io

import numpy as np
from matplotlib.figure import Figure

from lmxsim.lab.strategies import MEASURES, Comparison, interval
from lmxsim.lab.style import heading, r, strategy_colours
from lmxsim.model.dynamics import lmx7
from lmxsim.model.measures import TEAM
from lmxsim.texts import number, percent

# --------------------------------------------------------------------------- figures


def figure_outcomes(comparison: Comparison, lang: str = "en") -> Figure:
    """Per measure and strategy: mean, 95% CI of the mean (thick) and 95% of runs (thin)."""
    c = comparison
    names = [s.name for s in c.strategies]
    colours = strategy_colours(names)
    fig = Figure(figsize=(13, 2.2 + 0.7 * len(names)), layout="constrained")
    axes = fig.subplots(-(-len(MEASURES) // 3), 3, sharey=True).ravel()  # three measures a row
    offsets = np.linspace(-0.15, 0.15, len(c.checkpoints)) if len(c.checkpoints) > 1 else [0.0]
    markers = ("s", "o", "D", "^")
    for ax, measure in zip(axes, MEASURES, strict=False):
        for k, week in enumerate(c.checkpoints):
            for y, name in enumerate(names):
                values = c.outcomes[name][measure][k]
                if measure == "lmx_mean":
                    values = lmx7(values)
                mean, low, high = _interval(values)
                yy = y + offsets[k]
                colour = colours[name]
                alpha = 0.45 + 0.55 * (k + 1) / len(c.checkpoints)
                ax.plot(np.percentile(values, [2.5, 97.5]), [yy, yy], color=colour, lw=1, alpha=0.5)
                ax.plot([low, high], [yy, yy], color=colour, lw=5, alpha=alpha, solid_capstyle="butt")
                ax.plot(
                    [mean], [yy], markers[k % len(markers)], color="white", mec="black", ms=4,
                    label=f"{r('week', lang)} {week}",
                )  # fmt: skip
        ax.set_title(heading(measure, lang), fontsize=10)
        ax.grid(axis="x", alpha=0.3)
        if TEAM[measure].percent:  # a share, as the tables show it
            ax.xaxis.set_major_formatter(lambda x, _pos: percent(x, lang, 0))
        else:
            ax.xaxis.set_major_formatter(
                lambda x, _pos: number(x, lang, 0 if abs(x) >= 1 and float(x).is_integer() else 2)
            )
    axes[0].set_yticks(range(len(names)), [c.title(n, lang) for n in names])
    for tick, name in zip(axes[0].get_yticklabels(), names, strict=True):
        tick.set_color(colours[name])
    axes[0].invert_yaxis()
    for ax in axes[len(MEASURES) :]:
        ax.axis("off")
    handles, labels = axes[0].get_legend_handles_labels()
    unique = dict(zip(labels, handles, strict=False))
    fig.legend(unique.values(), unique.keys(), loc="outside lower center", ncols=4, frameon=False,
               title=r("legend_ci", lang))  # fmt: skip
    return fig


def _interval(values: np.ndarray) -> tuple[float, float, float]:
    mean, low, high = interval(values)
    return (mean, mean, mean) if np.isnan(low) else (mean, low, high)


def figure_member_gains(comparison: Comparison, lang: str = "en", week: int | None = None) -> Figure:
    """Per person: gain in expected performance vs doing nothing, per strategy, with 95% CIs."""
    c = comparison
    w = c.checkpoints[-1] if week is None else week
    gains = c.member_gains()
    others = [s.name for s in c.strategies if s.name != c.baseline]
    colours = strategy_colours([s.name for s in c.strategies])
    n = len(c.names)
    height = min(1.6 + 0.18 * n * max(len(others), 2), 30.0)  # a 200-person team stays printable
    fig = Figure(figsize=(9, height), layout="constrained")
    ax = fig.subplots()
    ax.axvline(0, color="grey", lw=1)
    step = 0.8 / max(len(others), 1)
    for j, name in enumerate(others):
        rows = gains[(gains["strategy"] == name) & (gains["week"] == w) & (gains["measure"] == "performance")]
        y = np.arange(n) - 0.4 + step * (j + 0.5)
        ax.errorbar(
            rows["gain"],
            y,
            xerr=[rows["gain"] - rows["gain_ci_low"], rows["gain_ci_high"] - rows["gain"]],
            fmt="o",
            ms=4,
            capsize=2,
            color=colours[name],
            label=c.title(name, lang),
        )
    ax.set_yticks(range(n), c.names)
    ax.invert_yaxis()
    ax.set_xlabel(r("gain_axis", lang, w=w))
    ax.xaxis.set_major_formatter(lambda x, _pos: number(x, lang, 3, True))
    ax.grid(axis="x", alpha=0.3)
    if others:
        ax.legend(loc="best", fontsize=8)
    return fig


def png_bytes(fig: Figure, dpi: int = 100) -> bytes:
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=dpi)
    return buffer.getvalue()
