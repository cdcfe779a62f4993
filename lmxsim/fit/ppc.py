"""Posterior predictive checks for every kind of observation a fit reads (issue 26 req 6).

A fit is only as good as its model reproduces what it was given: for each observed number
(a member's LMX-7, the leader's LMX-7, the leader's 1-5 rating, a period's count of problems
reported) the simulator runs the posterior draws again and the check asks whether the
observed number lies inside the 90% band of the simulated ones. About 90% inside is what a
model that fits gives; far fewer says the model misses something for that kind of data.

ppc.csv        one row per observed number (rater, person, wave; a team count per period)
ppc-kinds.csv  one row per kind: how many observed, the share inside the 90% band, mean
               observed against mean simulated (on the kind's own scale)
ppc-kinds.png  one panel per kind: each observed number against its simulated band
ppc.png        one team only: per person, LMX-7 totals over the weeks (the older figure)
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from lmxsim.io.output import write_with
from lmxsim.texts import percent, t

if TYPE_CHECKING:
    from lmxsim.fit.simulate import Simulator

# The kinds in the order they are reported; LMX-7 totals 7-35, the leader's rating 1-5, performance
# relative to the team's mean in the wave (survey.relative), counts.
KINDS = ("member", "leader", "rating", "performance", "problems_reported")
SCALES = {"member": (7, 35), "leader": (7, 35), "rating": (1, 5)}


def predictive_check(sim: Simulator, draws: pd.DataFrame, seed: int, stream: int = 0) -> pd.DataFrame:
    """Every observed number against the ones simulated from posterior draws.

    Ratings: one row per rater, person and wave. Team observations (observations.py): one row
    per period, rater = the measure (e.g. problems_reported), name empty, wave = the period's
    number, week = its last week."""
    rows = draws.to_dict("records")
    totals = sim.totals(rows, np.random.SeedSequence([seed, 99, *([stream] if stream else [])]))
    out = []
    for rater, observed in sim.observed.items():
        values = totals[rater]  # (draws, n, waves)
        for i, member in enumerate(sim.team):
            for k, week in enumerate(sim.weeks):
                out.append(_row(rater, member.name, k + 1, week, observed[i, k], values[:, i, k]))
    team = sim.team_observed
    if team is not None:
        values = totals[team.measure]  # (draws, periods)
        for k, ((_, last), count) in enumerate(zip(team.periods, team.counts, strict=True)):
            out.append(_row(team.measure, "", k + 1, last, float(count), values[:, k]))
    return pd.DataFrame(out)


def _row(rater: str, name: str, wave: int, week: int, observed: float, simulated: np.ndarray) -> dict:
    lo, hi = np.quantile(simulated, [0.05, 0.95])
    return {
        "rater": rater,
        "name": name,
        "wave": wave,
        "week": week,
        "observed": observed,
        "simulated_mean": float(simulated.mean()),
        "simulated_p5": float(lo),
        "simulated_p95": float(hi),
        "inside90": bool(lo <= observed <= hi) if not np.isnan(observed) else None,
    }


def kinds_table(ppc: pd.DataFrame) -> pd.DataFrame:
    """Per kind of observation: observed numbers, share inside the 90% band, mean observed and
    mean simulated (over the observed ones), pooled over people, waves and teams."""
    rows = []
    for kind in [k for k in KINDS if k in set(ppc["rater"])] + sorted(set(ppc["rater"]) - set(KINDS)):
        part = ppc[(ppc["rater"] == kind) & ppc["observed"].notna()]
        if part.empty:
            continue
        inside = part["inside90"].astype(bool)
        rows.append(
            {
                "kind": kind,
                "observed_n": len(part),
                "inside90": round(float(inside.mean()), 3),
                "observed_mean": round(float(part["observed"].mean()), 3),
                "simulated_mean": round(float(part["simulated_mean"].mean()), 3),
            }
        )
    return pd.DataFrame(rows, columns=["kind", "observed_n", "inside90", "observed_mean", "simulated_mean"])


def kinds_lines(kinds: pd.DataFrame, lang: str) -> list[str]:
    """One line per kind for the terminal: what share of that kind's observations the model reproduces."""
    return [
        t(
            "fit.ppc_kind",
            lang,
            kind=t(f"fit.kind_{row.kind}", lang),
            share=percent(row.inside90, lang),
            n=row.observed_n,
        )
        for row in kinds.itertuples()
    ]


def kinds_figure(ppc: pd.DataFrame, kinds: pd.DataFrame, path: Path, lang: str = "en") -> None:
    """One panel per kind: each observed number (dot) against its simulated 90% band (bar), the
    numbers ordered by their simulated mean; dots outside their band in red."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    count = max(1, len(kinds))
    fig, axes = plt.subplots(1, count, figsize=(3.6 * count, 3.2), squeeze=False)
    for ax, row in zip(axes.flat, kinds.itertuples(), strict=False):
        part = ppc[(ppc["rater"] == row.kind) & ppc["observed"].notna()].sort_values("simulated_mean")
        x = np.arange(len(part))
        ax.vlines(x, part["simulated_p5"], part["simulated_p95"], color="#999999", alpha=0.6, lw=3)
        inside = part["inside90"].astype(bool).to_numpy()
        ax.plot(x[inside], part["observed"].to_numpy()[inside], "o", color="#1f77b4", ms=3)
        ax.plot(x[~inside], part["observed"].to_numpy()[~inside], "o", color="#d62728", ms=4)
        if row.kind in SCALES:
            ax.set_ylim(SCALES[row.kind][0] - 0.5, SCALES[row.kind][1] + 0.5)
        title = t(
            "fit.fig_kind_title",
            lang,
            kind=t(f"fit.kind_{row.kind}", lang),
            share=percent(row.inside90, lang),
        )
        ax.set_title(title, fontsize=9)
        ax.set_xticks([])
        ax.set_xlabel(t("fit.fig_kind_x", lang, n=row.observed_n), fontsize=8)
    fig.suptitle(t("fit.fig_kinds", lang), fontsize=10)
    fig.tight_layout()
    write_with(path, lambda p: fig.savefig(p, dpi=110, format="png"))
    plt.close(fig)


def ppc_figure(table: pd.DataFrame, path: Path, lang: str = "en") -> None:
    """One team: per person, the LMX-7 totals over the weeks against their simulated bands."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    table = table[
        table["rater"].isin(("member", "leader"))
    ]  # LMX-7 totals (7-35); ppc-kinds.png has the rest
    names = list(dict.fromkeys(table["name"]))
    raters = list(dict.fromkeys(table["rater"]))
    cols = min(3, len(names))
    rows = int(np.ceil(len(names) / cols))
    fig, axes = plt.subplots(
        rows, cols, figsize=(3.2 * cols, 2.4 * rows), sharex=True, sharey=True, squeeze=False
    )
    colours = {"member": "#1f77b4", "leader": "#d62728"}
    for ax, name in zip(axes.flat, names, strict=False):
        for j, rater in enumerate(raters):
            part = table[(table["name"] == name) & (table["rater"] == rater)]
            shift = (j - 0.5 * (len(raters) - 1)) * 0.6
            x = part["week"] + shift
            ax.vlines(x, part["simulated_p5"], part["simulated_p95"], color=colours[rater], alpha=0.4, lw=6)
            ax.plot(
                x,
                part["observed"],
                "o",
                color=colours[rater],
                ms=4,
                label=t(f"fit.fig_observed_{rater}", lang),
            )
        ax.set_title(name, fontsize=9)
        ax.set_ylim(7, 35)
    for ax in axes.flat[len(names) :]:
        ax.axis("off")
    axes.flat[0].legend(fontsize=7, loc="lower right")
    fig.supxlabel(t("fit.fig_x", lang))
    fig.supylabel(t("fit.fig_y", lang))
    fig.tight_layout()
    write_with(path, lambda p: fig.savefig(p, dpi=110, format="png"))
    plt.close(fig)
