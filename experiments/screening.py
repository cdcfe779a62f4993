"""Which parameters do anything? Morris screening of every Params field on the facts' outputs.

Issue 23 requirement 6: every parameter should move some fact (docs/ODD.md section 1) or a
documented output by at least 5% of the largest mu*. Morris's elementary effects (SALib's
trajectory design and analysis, Campolongo et al. 2007's mu*) over all Params fields:

- each numeric parameter varies over its default +- a quarter of its allowed range, cut to
  the range (a screening around the calibration, not over values no one would use);
  `out_group_rlmx` stays at or below 0 and `in_group_rlmx` at or above 0 (their rule);
- the switches (bools: the rivals' causal paths and `autonomy_follows_trust`) stay at their
  defaults in the Morris design (one switched off makes whole mechanisms inert, so drawing them
  would screen the rivals, not the model); each is screened by switching it alone from its
  default, whose effect counts as one elementary effect of a full unit step;
- the outputs are the facts' values and documented week-26 outputs of default teams (the out-
  and in-group shares, the share of mature partnerships, mean skill, autonomy and motivation, the
  fires of the run: what the app's charts and docs/columns.md show; and the `rebels` preset's
  claim, the LMX gap between members who challenge and those who follow the rules); every
  design point is scored on the same root seed (common random numbers), so an elementary effect is a paired
  difference, not seed noise;
- each output is replaced by its ranks over all scored points (as a share, 0..1; `ranked` says
  why: ratio facts have extreme values near a zero denominator), so mu* is unit-free and one
  extreme point cannot set the yardstick; a parameter's mu_star is its largest mu* over the
  outputs, share_of_max is mu_star over the largest mu_star (Model v3 up to commit 5ebf05f
  divided raw mu* by each output's SD instead, which let one outlier of P6 or P19 set the largest).

    nice -n 10 uv run python experiments/screening.py [--trajectories 20] [--replications 60]
    uv run python experiments/screening.py --analyse docs/figures/screening-design.csv

Writes docs/screening.csv (param, mu_star, share_of_max; tests/test_screening.py keeps it in
step with Params and every parameter at 5% or more), docs/figures/screening-by-output.csv (every
parameter's mu* per output) and docs/figures/screening-design.csv (every point's parameters and
outputs, which `--analyse` reads back). The defaults take about 15 minutes on one free core.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

import numpy as np
import pandas as pd
from SALib.analyze import morris as morris_analyze
from SALib.sample import morris as morris_sample

from lmxsim.engine.batch import run_batch
from lmxsim.model import dynamics as dyn
from lmxsim.model.params import PARAMETERS, Params
from lmxsim.science.facts import FACTS, TEAM_SIZE, Bench

DOCS = Path(__file__).resolve().parent.parent / "docs"
DESIGN = DOCS / "figures" / "screening-design.csv"  # every point's parameters and outputs
LEVELS = 4
SEED = 23
SPREAD = 0.25  # a quarter of each parameter's allowed range either side of its default
GROUP_WEEK = 26


def is_switch(name: str) -> bool:
    return PARAMETERS[name].type in ("bool", bool)


def bounds() -> dict[str, tuple[float, float]]:
    """Each numeric parameter's screening interval (see the module docstring)."""
    out = {}
    for name, f in PARAMETERS.items():
        if is_switch(name):
            continue
        low, high, default = f.metadata["low"], f.metadata["high"], f.default
        reach = SPREAD * (high - low)
        out[name] = (max(low, default - reach), min(high, default + reach))
    out["out_group_rlmx"] = (out["out_group_rlmx"][0], min(0.0, out["out_group_rlmx"][1]))
    out["in_group_rlmx"] = (max(0.0, out["in_group_rlmx"][0]), out["in_group_rlmx"][1])
    return out


def params_at(row: np.ndarray, names: list[str]) -> Params:
    return Params().replace(**{name: float(value) for name, value in zip(names, row, strict=True)})


def documented_outputs(params: Params, replications: int) -> dict[str, float]:
    """Week-26 outputs of default teams that the app and docs/columns.md show beside the facts:
    the in- and out-group shares, the share of mature partnerships (the phases the drawing
    shows), the members' mean skill, autonomy and motivation, the team's fires over the run, and
    the LMX gap between members who challenge and members who follow the rules (the `rebels`
    preset's claim)."""
    seeds = np.random.SeedSequence(SEED).spawn(replications)
    run = run_batch(seeds, GROUP_WEEK, params=params, n_employees=TEAM_SIZE)
    assert run.members is not None
    members, week = run.members, GROUP_WEEK
    groups = members["group"][week]
    return {
        "out_group_share": float(np.mean(groups == dyn.Group.OUT)),
        "in_group_share": float(np.mean(groups == dyn.Group.IN)),
        "mature_share": float(np.mean(members["phase"][week] == dyn.Phase.MATURE)),
        "skill_mean": float(members["skill"][week].mean()),
        "autonomy_mean": float(members["autonomy"][week].mean()),
        "motivation_mean": float(members["motivation"][week].mean()),
        "fires_total": float(run.team["fires"][1 : week + 1].sum(axis=0).mean()),
        "challenger_gap": challenger_gap(run.traits["challenge"], members["lmx"][week]),
    }


def challenger_gap(challenge: np.ndarray, lmx: np.ndarray) -> float:
    """Mean LMX of the members who challenge (challenge above .5) minus the others': what the
    `rebels` preset claims a leader's taste does (configs/scenarios/rebels.toml, checked by
    tests/test_scenarios.py), measured in drawn teams."""
    rebels = challenge > 0.5
    return float(lmx[rebels].mean() - lmx[~rebels].mean())


def outputs(params: Params, replications: int) -> dict[str, float]:
    bench = Bench(params, SEED, replications)
    values = {f.key: float(f.evaluate(bench)[0]) for f in FACTS}
    return {**values, **documented_outputs(params, replications)}


def elementary_effects(problem: dict, x: np.ndarray, y: np.ndarray) -> np.ndarray:
    """Morris's elementary effects, (trajectories, parameters), on the unit-scaled inputs: in each
    trajectory of SALib's design, consecutive points differ in one parameter. An effect whose
    output is undefined (nan) at either end stays nan and is left out of mu*."""
    k = problem["num_vars"]
    low, high = np.array(problem["bounds"], dtype=float).T
    unit = (x - low) / np.where(high > low, high - low, 1.0)
    effects = np.full((len(x) // (k + 1), k), np.nan)
    for t in range(len(effects)):
        for j in range(k):
            a, b = t * (k + 1) + j, t * (k + 1) + j + 1
            step = unit[b] - unit[a]
            (moved,) = np.nonzero(step)
            if len(moved) == 1:
                effects[t, moved[0]] = (y[b] - y[a]) / step[moved[0]]
    return effects


def morris_mu_star(problem: dict, x: np.ndarray, y: np.ndarray) -> np.ndarray:
    """mu* (mean |elementary effect|) per parameter; where the output is finite everywhere this
    is SALib's mu* (checked)."""
    result = np.nan_to_num(np.nanmean(np.abs(elementary_effects(problem, x, y)), axis=0))
    if np.isfinite(y).all():
        salib = morris_analyze.analyze(problem, x, y, num_levels=LEVELS, print_to_console=False, seed=SEED)
        assert np.allclose(result, salib["mu_star"]), "elementary effects differ from SALib's"
    return result


def morris_problem() -> tuple[list[str], list[str], dict]:
    """The numeric parameters (drawn by Morris's design), the switches (flipped alone) and
    SALib's problem over the numeric ones."""
    names = [name for name in PARAMETERS if not is_switch(name)]
    switches = [name for name in PARAMETERS if is_switch(name)]
    box = bounds()
    return names, switches, {"num_vars": len(names), "names": names, "bounds": [list(box[n]) for n in names]}


def ranked(values: np.ndarray) -> np.ndarray:
    """Each value's rank among all points scored for one output, as a share (0..1; ties share a
    rank; undefined stays undefined). Several facts are ratios of two small quantities (P6, P19,
    P22), where one design point near a zero denominator gives an extreme value: on the raw scale
    the parameter that happens to step next to that point gets an elementary effect several SDs
    wide, and the largest mu* (the yardstick of the 5% rule) would be an accident of the design.
    On ranks no single point can weigh more than its place in the order."""
    return pd.Series(values).rank(pct=True).to_numpy()


def score_design(trajectories: int, replications: int) -> pd.DataFrame:
    """Every output at every point: SALib's Morris design, then the defaults, then each switch
    flipped alone. One row per point: `point` (morris, default or the switch's name), the
    numeric parameters, the outputs."""
    names, switches, problem = morris_problem()
    x = morris_sample.sample(problem, trajectories, num_levels=LEVELS, seed=SEED)
    started = time.time()
    rows = []
    for i, row in enumerate(x):
        scored = outputs(params_at(row, names), replications)
        rows.append({"point": "morris", **dict(zip(names, row, strict=True)), **scored})
        if i % 50 == 0:
            print(f"{i}/{len(x)} design points, {time.time() - started:.0f} s", flush=True)
    defaults = Params().to_dict()
    numeric = {name: float(defaults[name]) for name in names}
    rows.append({"point": "default", **numeric, **outputs(Params(), replications)})
    for name in switches:
        flipped = Params().replace(**{name: not PARAMETERS[name].default})
        rows.append({"point": name, **numeric, **outputs(flipped, replications)})
    print(f"{len(rows)} points, {replications} teams each, {time.time() - started:.0f} s")
    return pd.DataFrame(rows)


def analyse(design: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """mu* per parameter and output on the outputs' ranks (see `ranked`), and each parameter's
    largest over the outputs with its share of the largest of all."""
    names, switches, problem = morris_problem()
    morris = (design["point"] == "morris").to_numpy()
    x = design.loc[morris, names].to_numpy(dtype=float)
    default_row = int(np.flatnonzero(design["point"] == "default")[0])
    switch_rows = [int(np.flatnonzero(design["point"] == name)[0]) for name in switches]
    outputs_ = [c for c in design.columns if c != "point" and c not in PARAMETERS]
    by_output, skipped = {}, []
    for output in outputs_:
        values = design[output].to_numpy(dtype=float)
        if np.nanstd(values) == 0 or not np.isfinite(values).any():
            skipped.append(output)
            continue
        rank = ranked(values)
        flips = np.nan_to_num(np.abs(rank[switch_rows] - rank[default_row]))
        by_output[output] = np.concatenate([morris_mu_star(problem, x, rank[morris]), flips])
    if skipped:
        print("outputs left out (constant over the design):", ", ".join(skipped))
    matrix = pd.DataFrame(by_output, index=[*names, *switches])
    mu_star = matrix.max(axis=1)
    share = (mu_star / mu_star.max()).to_numpy()
    table = pd.DataFrame(
        {"param": matrix.index, "mu_star": mu_star.to_numpy(), "share_of_max": share}
    ).sort_values("mu_star", ascending=False)
    return table, matrix


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    # 20: at 10 the lowest shares are noise (firefighting_weight read 4.6% on 10, 10.9% on 20)
    parser.add_argument("--trajectories", type=int, default=20)
    parser.add_argument("--replications", type=int, default=60)
    parser.add_argument("--analyse", type=Path, help="re-analyse a design written before, without running it")
    args = parser.parse_args()
    if args.analyse:
        design = pd.read_csv(args.analyse)
    else:
        design = score_design(args.trajectories, args.replications)
        # full precision: `--analyse` must see the same numbers, or near-ties change rank
        design.to_csv(DESIGN, index=False)
    table, matrix = analyse(design)
    table.to_csv(DOCS / "screening.csv", index=False, float_format="%.4f")
    matrix.assign(moves_most=matrix.idxmax(axis=1)).to_csv(
        DOCS / "figures" / "screening-by-output.csv", index_label="param", float_format="%.4f"
    )
    undefined = design[design["point"] == "morris"].isna().sum()
    for output, count in undefined[undefined > 0].items():
        print(f"{output}: undefined at {count} design points (those effects left out)")
    print(table.to_string(index=False))


if __name__ == "__main__":
    main()
