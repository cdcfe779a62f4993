"""Experiment 2: the Pygmalion effect size against first-impression bias and confirmation bias.

Ten equally able members; the leader's first impression of five of them is
raised (configs/sweeps/pygmalion.toml). The effect size is Cohen's d of the
members' mean performance over weeks 14-26, labelled vs not labelled, pooled
over all teams of a design point, with a 95% CI from resampling teams. The
meta-analytic references are McNatt 2000 (d = 1.13) and Kierein & Gold 2000
(d = .81). The question: how much of the effect rides on the leader anchoring
on the first impression (initial_confidence) and discounting disconfirming
evidence (confirmation_bias)?

    uv run python experiments/pygmalion.py [--workers N]

Writes results/pygmalion/ (the sweep), docs/figures/pygmalion.csv and .png.
"""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from _sweep import FIGURES, arguments, bootstrap, run

from lmxsim.sweep import read_results

NAME = "pygmalion"
META = {"Kierein & Gold 2000": 0.81, "McNatt 2000": 1.13}


def cohens_d(labelled: np.ndarray, plain: np.ndarray) -> float:
    """d with the pooled member-level SD; arrays are (teams, members)."""
    a, b = labelled.reshape(-1), plain.reshape(-1)
    pooled = np.sqrt((a.var(ddof=1) + b.var(ddof=1)) / 2)
    return float((a.mean() - b.mean()) / pooled) if pooled > 0 else float("nan")


def effect_sizes(members: pd.DataFrame) -> pd.DataFrame:
    members = members.assign(labelled=members["name"].str.startswith("Label"))
    rated = (  # each member's mean performance over the rating weeks
        members.groupby(["point", "initial_confidence", "confirmation_bias", "run", "member_id", "labelled"])[
            ["performance", "lmx"]
        ]
        .mean()
        .reset_index()
    )
    rows = []
    for (point, anchoring, bias), group in rated.groupby(
        ["point", "initial_confidence", "confirmation_bias"]
    ):
        group = group.sort_values(["run", "member_id"])
        teams = group["run"].nunique()
        labelled = group[group["labelled"]]["performance"].to_numpy().reshape(teams, -1)
        plain = group[~group["labelled"]]["performance"].to_numpy().reshape(teams, -1)
        low, high = bootstrap(cohens_d, [labelled, plain])
        lmx_gap = group[group["labelled"]]["lmx"].mean() - group[~group["labelled"]]["lmx"].mean()
        rows.append(
            {
                "point": point,
                "initial_confidence": anchoring,
                "confirmation_bias": bias,
                "teams": teams,
                "d": cohens_d(labelled, plain),
                "d_ci_low": low,
                "d_ci_high": high,
                "performance_gap": labelled.mean() - plain.mean(),
                "lmx_gap": lmx_gap,
            }
        )
    return pd.DataFrame(rows)


def figure(table: pd.DataFrame, path) -> None:
    fig, (left, right) = plt.subplots(1, 2, figsize=(11, 4.2), gridspec_kw={"width_ratios": [1.3, 1]})
    for bias, rows in table.groupby("confirmation_bias"):
        rows = rows.sort_values("initial_confidence")
        left.plot(rows["initial_confidence"], rows["d"], "-o", ms=4, label=f"confirmation bias {bias:g}")
        left.fill_between(rows["initial_confidence"], rows["d_ci_low"], rows["d_ci_high"], alpha=0.2)
    for (label, d), style in zip(META.items(), ("--", ":"), strict=True):
        left.axhline(d, color="black", ls=style, lw=1)
        left.text(left.get_xlim()[0], d, f" {label}: d = {d}", fontsize=7, va="bottom")
    left.axhline(0, color="grey", lw=0.5)
    left.set_xlabel("first-impression anchoring (initial_confidence)")
    left.set_ylabel("Pygmalion effect, Cohen's d (95% CI)")
    left.legend(fontsize=7)
    grid = table.pivot(index="confirmation_bias", columns="initial_confidence", values="d")
    image = right.imshow(grid.to_numpy(), origin="lower", cmap="viridis", aspect="auto")
    right.set_xticks(range(grid.shape[1]), [f"{v:g}" for v in grid.columns])
    right.set_yticks(range(grid.shape[0]), [f"{v:g}" for v in grid.index])
    for i in range(grid.shape[0]):
        for j in range(grid.shape[1]):
            right.text(j, i, f"{grid.iat[i, j]:.2f}", ha="center", va="center", fontsize=8, color="white")
    right.set_xlabel("initial_confidence")
    right.set_ylabel("confirmation_bias")
    fig.colorbar(image, ax=right, label="d")
    fig.suptitle(
        "Raised first impression of equally able members: performance effect (weeks 14-26)", fontsize=10
    )
    fig.tight_layout()
    fig.savefig(path, dpi=150)
    plt.close(fig)


def main() -> None:
    args = arguments(__doc__.splitlines()[0])
    out = run(NAME, args.workers, args.out)
    table = effect_sizes(read_results(out, "members"))
    FIGURES.mkdir(parents=True, exist_ok=True)
    table.to_csv(FIGURES / f"{NAME}.csv", index=False)
    figure(table, FIGURES / f"{NAME}.png")
    print(
        table.pivot(index="confirmation_bias", columns="initial_confidence", values="d").round(2).to_string()
    )
    print(f"wrote {FIGURES / f'{NAME}.csv'} and {FIGURES / f'{NAME}.png'}")


if __name__ == "__main__":
    main()
