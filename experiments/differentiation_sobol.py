"""Experiment 3: which parameters drive LMX differentiation? Sobol indices.

Runs configs/sweeps/differentiation-sobol.toml (a Saltelli/Sobol design over
eight parameters, replications averaged per point) and decomposes the variance
of LMX differentiation (SD of LMX within the team) early (week 6) and late
(week 26), and of the out-group share at week 26: first-order S1 (one
parameter alone) and total ST (with its interactions), each with a 95%
bootstrap CI from SALib.

    uv run python experiments/differentiation_sobol.py [--workers N]

Writes results/differentiation-sobol/ (the sweep), docs/figures/differentiation-sobol.csv and .png.
"""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from _sweep import FIGURES, arguments, run

from lmxsim.sweep.analyze import analyze

NAME = "differentiation-sobol"
PANELS = [("lmx_differentiation", 6), ("lmx_differentiation", 26), ("out_group_share", 26)]


def indices(out) -> pd.DataFrame:
    tables = []
    for outcome, week in PANELS:
        result = analyze(out, week=week, outcomes=[outcome])
        if result.indices is None:
            raise SystemExit(f"no Sobol indices: {result.note}")
        tables.append(result.indices.assign(week=week))
    return pd.concat(tables, ignore_index=True)


def figure(table: pd.DataFrame, path) -> None:
    order = (
        table[(table["outcome"] == "lmx_differentiation") & (table["week"] == 26)]
        .sort_values("ST", ascending=False)["parameter"]
        .tolist()
    )
    fig, axes = plt.subplots(1, len(PANELS), figsize=(4.3 * len(PANELS), 4.2), sharey=True)
    y = np.arange(len(order))
    for ax, (outcome, week) in zip(axes, PANELS, strict=True):
        rows = (
            table[(table["outcome"] == outcome) & (table["week"] == week)].set_index("parameter").loc[order]
        )
        ax.barh(y - 0.2, rows["S1"], 0.4, xerr=rows["S1_conf"], label="first order S1", color="tab:blue")
        ax.barh(y + 0.2, rows["ST"], 0.4, xerr=rows["ST_conf"], label="total ST", color="tab:orange")
        ax.axvline(0, color="grey", lw=0.5)
        ax.set_title(f"{outcome.replace('_', ' ')}, week {week}", fontsize=9)
        ax.set_xlabel("Sobol index (95% CI)")
    axes[0].set_yticks(y, order, fontsize=8)
    axes[0].invert_yaxis()
    axes[0].legend(fontsize=7, loc="lower right")
    fig.suptitle("What drives LMX differentiation: Sobol sensitivity indices", fontsize=10)
    fig.tight_layout()
    fig.savefig(path, dpi=150)
    plt.close(fig)


def main() -> None:
    args = arguments(__doc__.splitlines()[0])
    out = run(NAME, args.workers, args.out)
    table = indices(out)
    FIGURES.mkdir(parents=True, exist_ok=True)
    table.to_csv(FIGURES / f"{NAME}.csv", index=False)
    figure(table, FIGURES / f"{NAME}.png")
    late = table[(table["outcome"] == "lmx_differentiation") & (table["week"] == 26)]
    print(late.sort_values("ST", ascending=False).round(3).to_string(index=False))
    print(f"wrote {FIGURES / f'{NAME}.csv'} and {FIGURES / f'{NAME}.png'}")


if __name__ == "__main__":
    main()
