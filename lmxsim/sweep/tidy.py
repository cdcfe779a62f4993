"""From simulated runs to tidy rows: the two engines, one table layout.

Both engines hand back the same arrays (team measure: weeks+1 x runs; member
variable: weeks+1 x runs x members), so the table a sweep writes does not
depend on `--engine`, only the speed does.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from lmxsim.engine.batch import run_batch
from lmxsim.interventions.catalogue import Intervention
from lmxsim.model import dynamics as dyn
from lmxsim.model.measures import CODES, COUNTS, TEAM_MEASURES
from lmxsim.model.params import Params
from lmxsim.sweep.spec import Outcomes
from lmxsim.team.members import Member


@dataclass(frozen=True)
class Job:
    """Everything a worker needs besides its task; small, so it pickles cheaply for every task."""

    out: str
    digest: str
    entropy: int
    replications: int
    weeks: int
    base: Params
    team: list[Member] | None
    team_size: int
    interventions: tuple[Intervention, ...]
    names: tuple[str, ...]
    bools: tuple[bool, ...]
    outcomes: Outcomes
    engine: str
    provenance: str = ""  # JSON (lmxsim/io/provenance.py), stamped on every part


@dataclass
class Recorded:
    team: dict[str, np.ndarray]  # (weeks+1, runs)
    members: dict[str, np.ndarray] | None  # (weeks+1, runs, n)
    ability: np.ndarray  # (runs, n)
    first_impression: np.ndarray  # (runs, n)
    member_names: list[str]


def _member_vars(outcomes: Outcomes) -> list[str]:
    return ["lmx" if v == "lmx7" else v for v in outcomes.members]


def record_batch(job: Job, seeds: list[int], rows: list[Params]) -> Recorded:
    run = run_batch(
        seeds,
        job.weeks,
        params=rows,
        team=job.team,
        n_employees=job.team_size,
        interventions=job.interventions,
        record_members=bool(job.outcomes.members),
    )
    return Recorded(
        team=run.team,
        members=run.members,
        ability=np.asarray(run.traits["ability"], dtype=float),
        first_impression=np.asarray(run.traits["first_impression"], dtype=float),
        member_names=list(run.names),
    )


def record_mesa(job: Job, seeds: list[int], rows: list[Params]) -> Recorded:
    """The reference engine: one LMXModel per run, read back through its DataCollector."""
    from lmxsim.engine.mesa_model import LMXModel

    weeks, runs = job.weeks, len(seeds)
    team = {m: np.empty((weeks + 1, runs)) for m in TEAM_MEASURES}
    wanted = _member_vars(job.outcomes)
    members: dict[str, np.ndarray] | None = None
    ability: np.ndarray | None = None
    first: np.ndarray | None = None
    names: list[str] = []
    for i, (seed, params) in enumerate(zip(seeds, rows, strict=True)):
        model = LMXModel(
            params=params,
            team=job.team,
            n_employees=job.team_size,
            rng=seed,
            interventions=job.interventions,
        ).run(weeks)
        frame = model.team_frame()
        for measure in TEAM_MEASURES:
            team[measure][:, i] = frame[measure].to_numpy(dtype=float)
        n = model.team_size
        if ability is None or first is None:
            ability, first, names = np.empty((runs, n)), np.empty((runs, n)), list(model.names)
            if wanted:
                members = {v: np.empty((weeks + 1, runs, n)) for v in wanted}
        ability[i] = [m.ability for m in model.team]
        first[i] = [m.first_impression for m in model.team]
        if members is not None:
            per_member = model.member_frame().sort_values(["week", "member_id"])
            for var in wanted:
                values = per_member[var]
                if var in CODES:
                    values = values.map({name: code for code, name in enumerate(CODES[var])})
                members[var][:, i, :] = values.to_numpy(dtype=float).reshape(weeks + 1, n)
    assert ability is not None and first is not None
    return Recorded(team, members, ability, first, names)


def tidy_tables(
    job: Job,
    recorded: Recorded,
    runs: np.ndarray,
    points: np.ndarray,
    reps: np.ndarray,
    seeds: Sequence[int],
    values: np.ndarray,
) -> tuple[pd.DataFrame, pd.DataFrame | None]:
    """Team rows (run x recorded week) and, if asked, member rows (run x member week x member)."""
    k = len(runs)
    weeks = np.asarray(job.outcomes.weeks)
    w = len(weeks)

    def keys(repeat: int) -> dict[str, np.ndarray]:
        columns: dict[str, np.ndarray] = {
            "run": np.repeat(runs.astype(np.int64), repeat),
            "point": np.repeat(points.astype(np.int32), repeat),
            "replication": np.repeat(reps.astype(np.int32), repeat),
            "seed": np.repeat(np.asarray(seeds, dtype=np.int64), repeat),
        }
        for j, (name, is_bool) in enumerate(zip(job.names, job.bools, strict=True)):
            column = values[:, j].astype(bool) if is_bool else values[:, j].astype(float)
            columns[name] = np.repeat(column, repeat)
        return columns

    team = keys(w)
    team["week"] = np.tile(weeks.astype(np.int32), k)
    for measure in job.outcomes.team:
        column = recorded.team[measure][weeks, :].T.reshape(-1)
        team[measure] = np.rint(column).astype(np.int64) if measure in COUNTS else column.astype(float)
    team_frame = pd.DataFrame(team)
    if not job.outcomes.members:
        return team_frame, None

    assert recorded.members is not None
    member_weeks = np.asarray(job.outcomes.member_weeks)
    mw, n = len(member_weeks), recorded.ability.shape[1]
    rows = keys(mw * n)
    rows["week"] = np.tile(np.repeat(member_weeks.astype(np.int32), n), k)
    rows["member_id"] = np.tile(np.arange(n, dtype=np.int32), k * mw)
    rows["name"] = np.tile(np.asarray(recorded.member_names, dtype=object), k * mw)
    rows["ability"] = np.repeat(recorded.ability, mw, axis=0).reshape(-1)
    rows["first_impression"] = np.repeat(recorded.first_impression, mw, axis=0).reshape(-1)
    for var in job.outcomes.members:
        source = "lmx" if var == "lmx7" else var
        # (weeks, runs, n) -> (runs, chosen weeks, n), flattened in row order
        column = np.transpose(recorded.members[source][member_weeks], (1, 0, 2)).reshape(-1)
        if var == "lmx7":
            column = dyn.lmx7(column)
        if var in CODES:
            column = np.asarray(CODES[var], dtype=object)[np.rint(column).astype(int)]
        elif var in COUNTS:
            column = np.rint(column).astype(np.int64)
        rows[var] = column
    return team_frame, pd.DataFrame(rows)
