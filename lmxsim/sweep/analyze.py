"""What a sweep shows: per-point means with 95% CIs, Sobol or Morris indices, figures.

Replications are averaged per design point before the sensitivity analysis
(SALib expects one value per design row); the spread between replications is
reported separately as the per-point confidence interval.
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
from scipy import stats

from lmxsim.sweep import store
from lmxsim.sweep.design import Design, design_seed
from lmxsim.sweep.spec import SweepError

KEYS = ("run", "point", "replication", "seed", "week")


@dataclass
class Analysis:
    summary: pd.DataFrame  # point, varied..., week, outcome, n, mean, sd, ci_low, ci_high
    indices: pd.DataFrame | None  # sobol: S1, S1_conf, ST, ST_conf; morris: mu_star, mu_star_conf, sigma
    method: str | None
    week: int
    outcomes: list[str]
    complete: bool
    runs: int
    expected_runs: int
    note: str = ""


def load(out: Path) -> tuple[dict[str, Any], pd.DataFrame]:
    manifest = store.read_manifest(out)
    if manifest is None:
        raise SweepError(
            f"{out}: not a sweep directory ({store.MANIFEST} missing); give the --out of a sweep"
        )
    return manifest, store.read_results(out)


def mean_ci(values: np.ndarray) -> tuple[int, float, float, float, float]:
    """n, mean, sd and the t-based 95% confidence interval of the mean."""
    values = np.asarray(values, dtype=float)
    n = len(values)
    mean = float(np.mean(values))
    if n < 2:
        return n, mean, float("nan"), float("nan"), float("nan")
    sd = float(np.std(values, ddof=1))
    half = float(stats.t.ppf(0.975, n - 1)) * sd / np.sqrt(n)
    return n, mean, sd, mean - half, mean + half


def point_summary(table: pd.DataFrame, varied: list[str], outcomes: list[str]) -> pd.DataFrame:
    """Long table: one row per design point, week and outcome with n, mean, sd and the 95% CI."""
    groups = table.groupby(["point", "week"], sort=True)
    values = groups[varied].first() if varied else None
    frames = []
    for outcome in outcomes:
        stat = groups[outcome].agg(["count", "mean", "std"])
        n = stat["count"].to_numpy()
        with np.errstate(invalid="ignore", divide="ignore"):
            half = stats.t.ppf(0.975, np.where(n > 1, n - 1, np.nan)) * stat["std"].to_numpy() / np.sqrt(n)
        frame = pd.DataFrame(
            {
                "outcome": outcome,
                "n": n,
                "mean": stat["mean"].to_numpy(),
                "sd": stat["std"].to_numpy(),
                "ci_low": stat["mean"].to_numpy() - half,
                "ci_high": stat["mean"].to_numpy() + half,
            },
            index=stat.index,
        )
        if values is not None:
            frame = values.join(frame)
        frames.append(frame.reset_index())
    columns = ["point", *varied, "week", "outcome", "n", "mean", "sd", "ci_low", "ci_high"]
    return pd.concat(frames, ignore_index=True)[columns].sort_values(["point", "week"], kind="stable")


def sensitivity(
    design: Design, point_means: pd.DataFrame, outcomes: list[str], seed: int
) -> tuple[pd.DataFrame | None, str]:
    """Sobol first/total order or Morris mu*, each with a 95% bootstrap CI, per outcome."""
    if design.kind not in ("sobol", "morris"):
        return None, f"a {design.kind} design gives no sensitivity indices (use kind = sobol or morris)"
    problem = design.problem()
    rows = []
    for outcome in outcomes:
        y = point_means[outcome].to_numpy(dtype=float)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # constant outcomes give 0/0; reported as NaN
            if design.kind == "sobol":
                from SALib.analyze import sobol

                result = sobol.analyze(
                    problem, y, calc_second_order=design.second_order, conf_level=0.95, seed=seed
                )
                for j, name in enumerate(design.names):
                    rows.append(
                        {
                            "outcome": outcome,
                            "parameter": name,
                            "S1": result["S1"][j],
                            "S1_conf": result["S1_conf"][j],
                            "ST": result["ST"][j],
                            "ST_conf": result["ST_conf"][j],
                        }
                    )
            else:
                from SALib.analyze import morris

                result = morris.analyze(
                    problem,
                    design.values,
                    y,
                    conf_level=0.95,
                    num_levels=design.morris_levels,
                    seed=seed,
                )
                for j, name in enumerate(design.names):
                    rows.append(
                        {
                            "outcome": outcome,
                            "parameter": name,
                            "mu": result["mu"][j],
                            "mu_star": result["mu_star"][j],
                            "mu_star_conf": result["mu_star_conf"][j],
                            "sigma": result["sigma"][j],
                        }
                    )
    return pd.DataFrame(rows), ""


def analyze(out: str | Path, week: int | None = None, outcomes: list[str] | None = None) -> Analysis:
    out = Path(out)
    manifest, table = load(out)
    design = Design.from_json(manifest["design"])
    recorded = manifest["outcomes"]["team"]
    outcomes = outcomes or list(recorded)
    for outcome in outcomes:
        if outcome not in recorded:
            raise SweepError(f"--outcome {outcome!r} was not recorded (recorded: {', '.join(recorded)})")
    weeks = manifest["outcomes"]["weeks"]
    week = max(weeks) if week is None else week
    if week not in weeks:
        raise SweepError(f"--week {week} was not recorded (recorded weeks: {', '.join(map(str, weeks))})")
    summary = point_summary(table, design.names, outcomes)
    at_week = table[table["week"] == week]
    point_means = at_week.groupby("point")[outcomes].mean().sort_index()
    runs = table["run"].nunique()
    complete = runs == manifest["runs"]
    indices, note = None, ""
    if not complete:
        note = f"only {runs:,} of {manifest['runs']:,} runs on disk: finish with `lmxsim sweep ... --resume`"
        if design.kind in ("sobol", "morris"):
            note += "; sensitivity indices need every design point"
    else:
        indices, note = sensitivity(design, point_means, outcomes, design_seed(int(manifest["entropy"])))
    return Analysis(
        summary,
        indices,
        design.kind if indices is not None else None,
        week,
        outcomes,
        complete,
        runs,
        manifest["runs"],
        note,
    )
