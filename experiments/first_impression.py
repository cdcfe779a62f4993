"""Experiment 1: how strongly the leader's first impression predicts LMX over the weeks.

Liden, Wayne & Stilwell (1993) measured expectations in the first five days and
found they predicted LMX at two and six weeks (the member's also at six months).
This script correlates each member's first impression with their LMX at every
recorded week, across all drawn teams, for three levels of first-impression
noise, next to the correlation of true ability with LMX (which should grow as
performance is observed: Nahrgang et al. 2009).

    uv run python experiments/first_impression.py [--workers N]

Writes results/first-impression/ (the sweep), docs/figures/first-impression.csv and .png.
"""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
import pandas as pd
from _sweep import FIGURES, arguments, bootstrap, correlation, run

from lmxsim.sweep import read_results

NAME = "first-impression"
LIDEN_WEEKS = {2: "2 weeks", 6: "6 weeks", 26: "6 months"}


def summarise(members: pd.DataFrame) -> pd.DataFrame:
    n = members["member_id"].nunique()
    rows = []
    for (noise, week), group in members.groupby(["first_impression_noise", "week"]):
        group = group.sort_values(["run", "member_id"])
        first, ability, lmx = (
            group[c].to_numpy().reshape(-1, n) for c in ("first_impression", "ability", "lmx")
        )
        r_first = correlation(first, lmx)
        r_ability = correlation(ability, lmx)
        rows.append(
            {
                "first_impression_noise": noise,
                "week": week,
                "teams": len(first),
                "r_first_impression_lmx": r_first,
                "r_first_ci": bootstrap(correlation, [first, lmx]),
                "r_ability_lmx": r_ability,
                "r_ability_ci": bootstrap(correlation, [ability, lmx]),
            }
        )
    table = pd.DataFrame(rows)
    for key in ("r_first_ci", "r_ability_ci"):
        table[[f"{key}_low", f"{key}_high"]] = pd.DataFrame(table.pop(key).tolist(), index=table.index)
    return table


def early_predicts_late(members: pd.DataFrame) -> pd.DataFrame:
    """r(LMX at week 2, LMX at week 26): how much of the later relationship is there after two weeks."""
    rows = []
    for noise, group in members.groupby("first_impression_noise"):
        wide = group.pivot_table(index=["run", "member_id"], columns="week", values="lmx")
        rows.append(
            {
                "first_impression_noise": noise,
                "r_lmx_week2_week26": correlation(wide[2].values, wide[26].values),
            }
        )
    return pd.DataFrame(rows)


def figure(table: pd.DataFrame, path) -> None:
    fig, axes = plt.subplots(1, 2, figsize=(10, 4), sharey=True)
    for noise, rows in table.groupby("first_impression_noise"):
        for ax, key, ci in (
            (axes[0], "r_first_impression_lmx", "r_first_ci"),
            (axes[1], "r_ability_lmx", "r_ability_ci"),
        ):
            ax.plot(rows["week"], rows[key], "-o", ms=3, label=f"first-impression noise sd {noise:g}")
            ax.fill_between(rows["week"], rows[f"{ci}_low"], rows[f"{ci}_high"], alpha=0.2)
    for ax in axes:
        for week, text in LIDEN_WEEKS.items():
            ax.axvline(week, color="grey", ls=":", lw=1)
            ax.text(week + 0.3, 0.02, text, fontsize=7, color="grey", rotation=90, va="bottom")
        ax.set_xlabel("week")
        ax.set_ylim(0, 1)
    axes[0].set_ylabel("correlation across members (95% CI, teams resampled)")
    axes[0].set_title("first impression  vs  LMX at week t", fontsize=10)
    axes[1].set_title("true ability  vs  LMX at week t", fontsize=10)
    axes[0].legend(fontsize=7, loc="upper right")
    fig.suptitle(
        "How strongly the first impression predicts LMX "
        "(dotted: Liden, Wayne & Stilwell 1993 measurement times)",
        fontsize=10,
    )
    fig.tight_layout()
    fig.savefig(path, dpi=150)
    plt.close(fig)


def main() -> None:
    args = arguments(__doc__.splitlines()[0])
    out = run(NAME, args.workers, args.out)
    members = read_results(out, "members")
    table = summarise(members)
    FIGURES.mkdir(parents=True, exist_ok=True)
    table.to_csv(FIGURES / f"{NAME}.csv", index=False)
    figure(table, FIGURES / f"{NAME}.png")
    shown = table[table["week"].isin([2, 6, 26])]
    print(
        shown[["first_impression_noise", "week", "r_first_impression_lmx", "r_ability_lmx"]]
        .round(2)
        .to_string(index=False)
    )
    print(early_predicts_late(members).round(2).to_string(index=False))
    print(f"wrote {FIGURES / f'{NAME}.csv'} and {FIGURES / f'{NAME}.png'}")


if __name__ == "__main__":
    main()
