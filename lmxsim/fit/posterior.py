"""A fit/ folder as input to the strategy lab: one team and one parameter set per posterior draw.

`lmxsim strategies --posterior fit/` compares strategies over posterior draws, so its
intervals hold what the survey leaves uncertain about this team as well as the
simulation's luck. Each draw gives the fitted parameters (the rest at their defaults) and
the leader's first impression of each person; the relationship starts where the survey
ends: weeks together = the last wave's week (plus the team file's), LMX-7 = the last wave's
answers (member and leader), through the starting state of lmxsim/team/members.py (Member).
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
from lmxsim.model.params import PARAMETERS, Params
from lmxsim.team.members import Member

DEFAULT_DRAWS = 50


FIT_FILES = ("fit.json", "draws.csv")  # what the strategy lab needs from a fit folder
MAX_ZIP_BYTES = 50_000_000  # a zipped fit folder, fit.db included (a default fit's is a few MB)


@dataclasses.dataclass(frozen=True, eq=False)  # compared by identity (it holds a DataFrame)
class Posterior:
    """A finished fit as the strategy lab needs it: its draws, fit.json, and the last wave."""

    draws: pd.DataFrame
    state: dict
    last: dict  # {"week": w, "member": {name: total}, "leader": {name: total}}
    source: str  # the folder or file(s) it came from, for messages

    @property
    def names(self) -> list[str]:
        return list(self.state["names"])


def load_draws(folder: str | Path) -> tuple[pd.DataFrame, dict]:
    """draws.csv and fit.json of a fit folder, with a clear error if it is not one."""
    posterior = read_posterior(folder)
    return posterior.draws, posterior.state


def read_posterior(folder: str | Path) -> Posterior:
    """A fit folder on disk (lmxsim strategies --posterior fit/)."""
    folder = Path(folder)
    files = {}
    for name in (*FIT_FILES, "ppc.csv"):
        path = folder / name
        if path.is_file():
            files[name] = path.read_bytes()
    return _posterior(files, f"--posterior {folder}")


def posterior_from_files(files: dict[str, bytes], source: str = "the fit") -> Posterior:
    """A fit from files in memory (the app: fit.json and draws.csv dropped together, or a .zip
    of the fit folder, in which the two are found in any sub-folder; fit.db is not needed)."""
    zips = [name for name in files if name.lower().endswith(".zip")]
    if zips:
        import io
        import zipfile

        try:
            archive = zipfile.ZipFile(io.BytesIO(files[zips[0]]))
            inside = {Path(n).name: n for n in archive.namelist() if not n.endswith("/")}
            files = {name: archive.read(inside[name]) for name in (*FIT_FILES, "ppc.csv") if name in inside}
        except (zipfile.BadZipFile, OSError, ValueError) as error:
            raise FitError(f"{zips[0]}: not a readable .zip ({error})") from None
        source = zips[0]
    else:
        files = {Path(name).name: data for name, data in files.items()}
    return _posterior(files, source)


def _posterior(files: dict[str, bytes], source: str) -> Posterior:
    import io

    missing = [name for name in FIT_FILES if name not in files]
    if missing:
        raise FitError(
            f"{source}: not a finished fit ({' and '.join(missing)} missing; a fit folder has both)"
        )
    try:
        state = json.loads(files["fit.json"].decode("utf-8"))
        draws = pd.read_csv(io.BytesIO(files["draws.csv"]))
    except (ValueError, UnicodeDecodeError) as error:
        raise FitError(f"{source}: damaged fit files ({error})") from None
    if not isinstance(state, dict) or "names" not in state:
        raise FitError(f"{source}: the fit did not finish (fit.json has no results); resume it first")
    if state.get("teams"):
        raise FitError(
            f"{source}: a fit of {len(state['teams'])} teams together (--teams); the strategy lab takes a "
            "fit of one team (lmxsim fit --team ...)"
        )
    if "last_wave" in state:
        last = state["last_wave"]
    elif "ppc.csv" in files:  # fits made before fit.json held the last wave
        last = last_wave(pd.read_csv(io.BytesIO(files["ppc.csv"])))
    else:
        raise FitError(f"{source}: this fit's fit.json has no last wave; add ppc.csv from its folder")
    return Posterior(draws, state, last, source)


def posterior_teams(
    folder: str | Path | Posterior, team: Sequence[Member], draws: int, seed: int
) -> list[tuple[Params, list[Member]]]:
    """(parameters, team) for `draws` posterior draws; the team's names must be the fit's."""
    posterior = folder if isinstance(folder, Posterior) else read_posterior(folder)
    table, last = posterior.draws, posterior.last
    names = [m.name for m in team]
    problem = team_mismatch(posterior, names)
    if problem:
        raise FitError(f"{posterior.source}: {problem}")
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
                value = last.get(rater, {}).get(m.name)
                if value is not None and not math.isnan(value):
                    changes[field] = float(np.clip(value, 7, 35))
            members.append(dataclasses.replace(m, **changes))
        out.append((params, members))
    return out


PRIOR_SEED = 20261206  # the prior's draws: fixed, so the comparison over them is repeatable


def prior_of(posterior: Posterior) -> Posterior:
    """The same fit before the survey: its fitted model settings drawn uniformly from their prior
    ranges (fit.json `priors`; a fit made before they were kept: the ranges params.py allows,
    the default priors), each person's first impression the team file's, and the same last wave.
    Compared with the posterior, it shows what the survey changed in the advice (lab/advice.py)."""
    ranges = posterior.state.get("priors") or {}
    fitted = [
        name
        for name in posterior.state.get("fitted", [])
        if name in PARAMETERS and not name.startswith(MEASUREMENT_PREFIX)
    ]
    rng = np.random.default_rng(PRIOR_SEED)
    n = max(len(posterior.draws), DEFAULT_DRAWS)
    columns = {}
    for name in fitted:
        meta = PARAMETERS[name].metadata
        low, high = ranges.get(name, (meta["low"], meta["high"]))
        columns[name] = rng.uniform(float(low), float(high), size=n)
    draws = pd.DataFrame(columns, index=range(n))
    return Posterior(draws, posterior.state, posterior.last, f"{posterior.source} (prior)")


def team_mismatch(posterior: Posterior, names: Sequence[str]) -> str:
    """'' if the team is the one fitted (same names, same order), else what differs."""
    if list(names) == posterior.names:
        return ""
    return (
        f"was fitted to {', '.join(posterior.names)}, not to this team's {', '.join(names)}; "
        f"use the team file of the fit ({posterior.state.get('team', 'named in fit.json')})"
    )


def last_wave(ppc: pd.DataFrame) -> dict:
    """The last wave's week and observed totals per person (missing: None), as fit.json keeps it."""
    ppc = ppc[ppc["rater"].isin(("member", "leader"))]  # LMX-7 only: a team count's period may run on
    week = int(ppc["week"].max())
    last = ppc[ppc["week"] == week]
    return {
        "week": week,
        **{
            r: {
                name: (None if pd.isna(value) else float(value))
                for name, value in zip(
                    last[last["rater"] == r]["name"], last[last["rater"] == r]["observed"], strict=True
                )
            }
            for r in ("member", "leader")
        },
    }


def compare_over_posterior(
    folder: str | Path | Posterior,
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
    from lmxsim.lab.strategies import compare_strategies

    # Never more runs than asked for: at least 2 per draw, so few replications use fewer draws.
    draws = max(1, min(draws, replications // 2))
    if not isinstance(folder, Posterior):
        folder = read_posterior(folder)  # read once, not once per strength
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
    pooled_members = {
        s: {m: np.concatenate([p.members[s][m] for p in parts], axis=1) for m in first.members[s]}
        for s in first.members
    }
    return dataclasses.replace(
        first,
        replications=per_draw * len(parts),
        outcomes=outcomes,
        members=pooled_members,
        effort={s: np.concatenate([p.effort[s] for p in parts]) for s in first.effort},
        week_effort={s: np.mean([p.week_effort[s] for p in parts], axis=0) for s in first.week_effort},
        person_effort={s: np.mean([p.person_effort[s] for p in parts], axis=0) for s in first.person_effort},
        seconds=sum(p.seconds for p in parts),
        team=list(team),
        seed=seed,
    )


def robustness_over_posterior(
    comparison,
    folder: str | Path | Posterior,
    team: Sequence[Member],
    strategies: Sequence,
    progress: Callable[[float], None] | None = None,
):
    """The robustness view (50% and 150% strength) over the same posterior draws and seeds."""
    from lmxsim.lab.robustness import FACTORS, Robustness

    if not isinstance(folder, Posterior):
        folder = read_posterior(folder)
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
