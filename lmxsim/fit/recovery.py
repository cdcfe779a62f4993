"""Recovery of known parameters by the fit: one data set at a time (experiments/fit_recovery.py runs many).

Truths are drawn from the priors, a 9-person team's survey is simulated from them
(lmxsim.fit.synthetic), fitted, and each 90% interval checked against the truth; per-person
first impressions (z) come from the per-person step (lmxsim.fit.people).
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import numpy as np
import pandas as pd

from lmxsim.fit.people import infer_people
from lmxsim.fit.priors import PERSON_PREFIX, default_priors
from lmxsim.fit.run import Settings, run_fit
from lmxsim.fit.summary import NORMAL_90, posterior_table, resample
from lmxsim.fit.synthetic import draw_truth, recovery_team, synthetic_survey

# (label, leader ratings?, wave weeks); the first is the main design (team of 9, 3 waves)
DESIGNS = [
    ("3 waves, member + leader", True, [4, 13, 26]),
    ("3 waves, member only", False, [4, 13, 26]),
    ("2 waves, member + leader", True, [4, 26]),
    ("4 waves, member + leader", True, [4, 10, 18, 26]),
]


def fit_one(design: tuple, index: int, settings: Settings) -> pd.DataFrame:
    label, leader, weeks = design
    priors = default_priors()
    team = recovery_team(9, seed=index)
    truth = draw_truth(priors, len(team), np.random.default_rng([7, index]))
    simulator = synthetic_survey(team, weeks, priors, truth, seed=1000 + index, leader=leader)
    with tempfile.TemporaryDirectory() as folder:
        result = run_fit(simulator, priors, Path(folder), settings)
        particles, weights = result.posterior()
        table = posterior_table(particles, weights, priors)
        draws = resample(particles, weights, 300, np.random.default_rng(index))
        z = infer_people(simulator, draws, seed=index)["z"]
    people = pd.DataFrame(
        {
            "parameter": [f"{PERSON_PREFIX}{i}" for i in range(len(team))],
            "mean": z.mean(axis=0),
            "p5": np.quantile(z, 0.05, axis=0),
            "p95": np.quantile(z, 0.95, axis=0),
            "prior_width90": NORMAL_90,
        }
    )
    people["posterior_width90"] = people["p95"] - people["p5"]
    people["width_ratio"] = people["posterior_width90"] / NORMAL_90
    table = pd.concat([table, people], ignore_index=True)
    table["truth"] = table["parameter"].map(truth)
    table["covered"] = (table["p5"] <= table["truth"]) & (table["truth"] <= table["p95"])
    table["design"], table["dataset"], table["simulations"] = label, index, result.simulations
    table["seconds"] = result.seconds
    return table


def summarise(results: pd.DataFrame) -> pd.DataFrame:
    """Per design and quantity: data sets, 90% coverage, width against the prior, r(truth, mean)."""
    results = results.assign(
        quantity=np.where(
            results["parameter"].str.startswith(PERSON_PREFIX),
            "first impression (z, per person)",
            results["parameter"],
        )
    )
    groups = results.groupby(["design", "quantity"], sort=False)
    summary = groups.agg(
        datasets=("dataset", "nunique"),
        coverage90=("covered", "mean"),
        width_ratio=("width_ratio", "mean"),
    )
    # how well the posterior mean follows the truth across data sets (0: not at all)
    summary["r_truth_mean"] = groups[["truth", "mean"]].apply(
        lambda g: float(np.corrcoef(g["truth"], g["mean"])[0, 1])
    )
    return summary.reset_index()
