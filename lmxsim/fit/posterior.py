"""A fit/ folder as input to the strategy lab: one team and one parameter set per posterior draw.

`lmxsim strategies --posterior fit/` compares strategies over posterior draws, so its
intervals hold what the survey leaves uncertain about this team as well as the
simulation's luck. Each draw gives the fitted parameters (the rest at their defaults) and
the leader's first impression of each person; the relationship starts where the survey
ends: weeks together = the last wave's week (plus the team file's), LMX-7 = the last wave's
answers (member and leader), through the starting state of lmxsim/team.py (Member).
"""

from __future__ import annotations

import dataclasses
import json
import math
from collections.abc import Callable, Sequence
from pathlib import Path

import numpy as np
import pandas as pd

from lmxsim.fit import FitError
from lmxsim.fit.priors import MEASUREMENT_PREFIX
from lmxsim.params import PARAMETERS, Params
from lmxsim.team import Member

DEFAULT_DRAWS = 50


def load_draws(folder: str | Path) -> tuple[pd.DataFrame, dict]:
    """draws.csv and fit.json of a fit folder, with a clear error if it is not one."""
    folder = Path(folder)
    try:
        state = json.loads((folder / "fit.json").read_text(encoding="utf-8"))
        draws = pd.read_csv(folder / "draws.csv")
    except FileNotFoundError as error:
        raise FitError(
            f"--posterior {folder}: not a finished fit ({Path(error.filename).name} is missing)"
        ) from None
    except ValueError as error:
        raise FitError(f"--posterior {folder}: damaged fit files ({error})") from None
    if "names" not in state:
        raise FitError(
            f"--posterior {folder}: the fit did not finish (fit.json has no results); resume it first"
        )
    return draws, state


def posterior_teams(
    folder: str | Path, team: Sequence[Member], draws: int, seed: int
) -> list[tuple[Params, list[Member]]]:
    """(parameters, team) for `draws` posterior draws; the team's names must be the fit's."""
    table, state = load_draws(folder)
    names = [m.name for m in team]
    if names != state["names"]:
        raise FitError(
            f"--posterior {folder} was fitted to {', '.join(state['names'])}, not to this team file's "
            f"{', '.join(names)}; use the team file of the fit"
        )
    last = _last_wave(Path(folder), state)
    rng = np.random.default_rng(seed)
    rows = table.iloc[rng.choice(len(table), size=draws, replace=len(table) < draws)]
    out = []
    for _, row in rows.iterrows():
        fitted = {
            k: float(row[k])
            for k in table.columns
            if k in PARAMETERS and not k.startswith(MEASUREMENT_PREFIX)
        }
        params = Params().replace(**fitted)
        members = []
        for m in team:
            column = f"first_impression[{m.name}]"
            changes = {"weeks_together": m.weeks_together + last["week"]}
            if column in row:
                changes["first_impression"] = float(row[column])
            for field, rater in (("lmx7", "member"), ("lmx7_leader", "leader")):
                value = last[rater].get(m.name)
                if value is not None and not math.isnan(value):
                    changes[field] = float(np.clip(value, 7, 35))
            members.append(dataclasses.replace(m, **changes))
        out.append((params, members))
    return out


def _last_wave(folder: Path, state: dict) -> dict:
    """The last wave's week and observed totals per person (from ppc.csv, which holds them)."""
    ppc = pd.read_csv(folder / "ppc.csv")
    week = int(ppc["week"].max())
    last = ppc[ppc["week"] == week]
    return {
        "week": week,
        **{
            r: dict(zip(last[last["rater"] == r]["name"], last[last["rater"] == r]["observed"], strict=True))
            for r in ("member", "leader")
        },
    }


def compare_over_posterior(
    folder: str | Path,
    team: Sequence[Member],
    strategies: Sequence,
    replications: int = 500,
    weeks: int = 52,
    seed: int = 1,
    draws: int = DEFAULT_DRAWS,
    progress: Callable[[float], None] | None = None,
    strength: float = 1.0,
):
    """compare_strategies over posterior draws: replications are spread evenly over the draws
    and pooled, so every interval includes the posterior's uncertainty."""
    from lmxsim.strategies import compare_strategies

    # Never more runs than asked for: at least 2 per draw, so few replications use fewer draws.
    draws = max(1, min(draws, replications // 2))
    teams = posterior_teams(folder, team, draws, seed)
    per_draw = max(2, replications // draws)
    parts = []
    for j, (params, members) in enumerate(teams):
        parts.append(
            compare_strategies(
                members,
                strategies,
                replications=per_draw,
                weeks=weeks,
                seed=seed * 100_003 + j,
                params=params,
                strength=strength,
            )
        )
        if progress is not None:
            progress((j + 1) / len(teams))
    first = parts[0]
    outcomes = {
        s: {m: np.concatenate([p.outcomes[s][m] for p in parts], axis=1) for m in first.outcomes[s]}
        for s in first.outcomes
    }
    members = {
        s: {m: np.concatenate([p.members[s][m] for p in parts], axis=1) for m in first.members[s]}
        for s in first.members
    }
    return dataclasses.replace(
        first,
        replications=per_draw * len(parts),
        outcomes=outcomes,
        members=members,
        effort={s: np.concatenate([p.effort[s] for p in parts]) for s in first.effort},
        seconds=sum(p.seconds for p in parts),
        team=list(team),
        seed=seed,
    )


def robustness_over_posterior(
    comparison,
    folder: str | Path,
    team: Sequence[Member],
    strategies: Sequence,
    progress: Callable[[float], None] | None = None,
):
    """The robustness view (50% and 150% strength) over the same posterior draws and seeds."""
    from lmxsim.robustness import FACTORS, Robustness

    others = [f for f in FACTORS if f != comparison.strength]
    results = {comparison.strength: comparison}
    for k, factor in enumerate(others):

        def part(fraction: float, k: int = k) -> None:
            if progress is not None:
                progress((k + fraction) / len(others))

        results[factor] = compare_over_posterior(
            folder,
            team,
            strategies,
            replications=comparison.replications,
            weeks=comparison.weeks,
            seed=comparison.seed,
            progress=part,
            strength=factor,
        )
    return Robustness(results)
