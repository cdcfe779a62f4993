"""A design study: before any data is collected, what would a study of this design teach the fit?

`lmxsim fit-design` (docs/fitting.md, "Design study") simulates a study (teams, team size,
waves and their weeks; member LMX-7, with or without the leader's LMX-7 and the leader's 1-5
rating of each member) from known parameters, fits it R times with a small budget, and
reports per parameter the coverage of the 90% interval (does it hold the truth in about 90%
of the studies?) and the shrinkage (posterior 90% width / prior's: 1 = the study taught
nothing). Each replication draws its truth from the priors (so coverage is the calibrated,
prior-averaged one) unless a parameter's truth is fixed, its teams' believed abilities
(synthetic.recovery_team) and each person's first impression (z ~ N(0, 1)). One team is
fitted as `lmxsim fit --team` does (simulate.Simulator), several as `--teams` does
(panel.Panel, pooled leader parameters).
"""

from __future__ import annotations

import dataclasses
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from lmxsim.fit import FitError
from lmxsim.fit.panel import Panel
from lmxsim.fit.priors import Priors
from lmxsim.fit.run import Settings, run_fit
from lmxsim.fit.simulate import PERFORMANCE, Simulator
from lmxsim.fit.summary import posterior_table
from lmxsim.fit.synthetic import recovery_team
from lmxsim.model.measurement import RATING

MAX_TEAMS = 200


@dataclass(frozen=True)
class Design:
    """What a study collects: teams x people, the waves' weeks, whether leaders rate too."""

    teams: int
    team_size: int
    weeks: tuple[int, ...]
    leader: bool = True
    rating: bool = False  # the leader's 1-5 rating of each member per wave (survey column leader_rating)
    performance: bool = False  # objective performance per member and wave (survey column performance)

    def __post_init__(self) -> None:
        if not 1 <= self.teams <= MAX_TEAMS:
            raise FitError(f"--teams {self.teams} is not allowed (a whole number from 1 to {MAX_TEAMS})")
        if not 2 <= self.team_size <= 50:
            raise FitError(f"--team-size {self.team_size} is not allowed (a whole number from 2 to 50)")
        weeks = list(self.weeks)
        if not weeks or weeks != sorted(set(weeks)) or weeks[0] < 1 or weeks[-1] > 520:
            raise FitError(
                f"--weeks {','.join(map(str, weeks))} is not allowed "
                "(weeks from 1 to 520, rising, e.g. 4,13,26)"
            )

    @property
    def label(self) -> str:
        raters = ("member + leader" if self.leader else "member") + (" + leader's 1-5" if self.rating else "")
        raters += " + performance" if self.performance else ""
        return (
            f"{self.teams} team{'s' if self.teams > 1 else ''} x {len(self.weeks)} waves "
            f"(weeks {','.join(map(str, self.weeks))}), {self.team_size} people, {raters}"
        )


def truth_for(priors: Priors, fixed: dict[str, float], rng: np.random.Generator) -> dict[str, float]:
    """One replication's true parameters: drawn from the priors, or fixed where given."""
    return {p.name: fixed.get(p.name, float(rng.uniform(p.low, p.high))) for p in priors.parameters}


def simulated_study(design: Design, priors: Priors, truth: dict[str, float], seed: int) -> Simulator | Panel:
    """The data of one study simulated at `truth`, as the fit would read it."""
    raters: tuple[str, ...] = ("member", "leader") if design.leader else ("member",)
    raters += (RATING,) if design.rating else ()
    raters += (PERFORMANCE,) if design.performance else ()  # simulated relative to the team's mean
    sims = []
    for t in range(design.teams):
        team = recovery_team(design.team_size, seed=seed * 1000 + t)
        blank = np.zeros((len(team), len(design.weeks)))
        maker = Simulator(team, list(design.weeks), dict.fromkeys(raters, blank), priors)
        totals = maker.totals([truth], np.random.SeedSequence([seed, t]))  # z ~ N(0, 1) per person
        observed = {r: totals[r][0].astype(float) for r in raters}
        sims.append(Simulator(team, list(design.weeks), observed, priors))
    if design.teams == 1:
        return sims[0]
    return Panel([f"team{t + 1}" for t in range(design.teams)], [""] * design.teams, sims, priors)


def study_once(
    design: Design, priors: Priors, index: int, settings: Settings, fixed: dict[str, float], seed: int
) -> pd.DataFrame:
    """Simulate and fit study `index`: per parameter truth, mean, 90% interval, share, covered."""
    rng = np.random.default_rng([seed, index])
    truth = truth_for(priors, fixed, rng)
    data = simulated_study(design, priors, truth, seed=seed * 100_003 + index)
    start = time.perf_counter()
    with tempfile.TemporaryDirectory() as folder:
        own = dataclasses.replace(settings, seed=seed * 1000 + index)
        result = run_fit(data, priors, Path(folder), own)
        particles, weights = result.posterior()
        table = posterior_table(particles, weights, priors)
    table["truth"] = table["parameter"].map(truth)
    table["covered"] = (table["p5"] <= table["truth"]) & (table["truth"] <= table["p95"])
    table["share"] = table["width_ratio"]
    table["replication"] = index
    table["simulations"] = result.simulations
    table["seconds"] = time.perf_counter() - start
    return table[["replication", "parameter", "truth", "mean", "p5", "p95", "share", "covered", "simulations",
                  "seconds"]]  # fmt: skip


def run_design(
    design: Design,
    priors: Priors,
    replications: int,
    settings: Settings,
    fixed: dict[str, float] | None = None,
    seed: int = 1,
    progress: Callable[[int, pd.DataFrame], None] | None = None,
) -> pd.DataFrame:
    """All replications, one row per replication and parameter."""
    parts = []
    for index in range(replications):
        part = study_once(design, priors, index, settings, fixed or {}, seed)
        parts.append(part)
        if progress is not None:
            progress(index, part)
    return pd.concat(parts, ignore_index=True)


def summarise(results: pd.DataFrame) -> pd.DataFrame:
    """Per parameter: replications, 90% coverage (and its binomial standard error), mean shrinkage
    (posterior 90% width / prior's), r(truth, posterior mean)."""
    rows = []
    for name, group in results.groupby("parameter", sort=False):
        n = len(group)
        coverage = float(group["covered"].mean())
        r = np.corrcoef(group["truth"], group["mean"])[0, 1] if n > 2 and group["truth"].std() > 0 else np.nan
        rows.append(
            {
                "parameter": name,
                "replications": n,
                "coverage90": coverage,
                "coverage_se": float(np.sqrt(max(coverage * (1 - coverage), 0.9 * 0.1) / n)),
                "shrinkage": float(group["share"].mean()),
                "shrinkage_min": float(group["share"].min()),
                "shrinkage_max": float(group["share"].max()),
                "r_truth_mean": float(r),
            }
        )
    return pd.DataFrame(rows)
