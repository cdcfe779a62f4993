"""The fast engine: many replications at once, with the equations of dynamics.py.

State is held as (replications x members) arrays. Each replication has its
own generator, seeded exactly as `LMXModel(rng=seed)` is, and draws its whole
run in one call: numpy fills arrays in order, so `random((weeks, n, k))` gives
the same numbers as `weeks` calls of `random((n, k))`. That is what makes the
batch engine's trajectories equal to the Mesa model's (tests/test_batch_equal.py).

This module is the engine only: arrays in (seeds, parameters, a team), arrays out
(`run_batch` -> `BatchRun`: every week, optionally every member; `run_states`: member
state at chosen weeks, for fitting). Its tables are built
in batch_tables.py; many replications in chunks, over worker processes, in
batch_many.py (`iter_team_tables`, `run_many`, `iter_many`, `replication_seeds`).

The week itself is week.week, the one schedule both engines step through; the set-up
here (`_setup`, `_traits`, `_start`) is the batch twin of the Mesa model's __init__.
"""

from __future__ import annotations

import dataclasses
import hashlib
from collections import OrderedDict
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from lmxsim.engine import batch_tables as tables
from lmxsim.interventions.catalogue import Intervention, plan_week
from lmxsim.io.rules import check_weeks
from lmxsim.model import dynamics as dyn
from lmxsim.model.measures import MEMBER, TEAM, TEAM_MEASURES
from lmxsim.model.nudges import Nudges
from lmxsim.model.params import PARAMETERS, ParameterError, Params
from lmxsim.model.start import initial_state
from lmxsim.model.week import start_week_state
from lmxsim.model.week import week as run_week
from lmxsim.team.members import (
    DRAWN,
    MAX_TEAM,
    TEAM_DRAWS,
    Member,
    check_team,
    drawn_names,
    history_inputs,
    team_climate,
    team_values,
)

# The member measures that are simulated state (traits are constant; lmx7 is lmx rescaled).
MEMBER_STATE = [name for name, m in MEMBER.items() if not m.trait and name != "lmx7"]
# Replications per chunk when streaming: big enough that numpy's per-call overhead is
# small next to the work, small enough that a chunk's arrays stay in cache
# (benchmarks/bench_engines.py --chunks measures the alternatives).
DEFAULT_CHUNK = 1000
# Memory one chunk may use, whatever the team size and run length: a chunk's replications
# are cut so that their pre-drawn random numbers and state stay under this (two worker
# processes with two chunks in flight each: about 1 GiB). tests/test_batch_memory.py.
MEMORY_BUDGET = 256 * 2**20
# (R, n) float arrays alive during a week besides the draws: state, traits, temporaries.
_STATE_ARRAYS = 64

Seed = int | np.random.SeedSequence


def replication_bytes(
    n: int, weeks: int, recorded_weeks: int | None = None, record_members: bool = False
) -> int:
    """Bytes one replication of n members over `weeks` weeks holds while its chunk runs.

    The run's uniforms are drawn up front (weeks x n x DRAWS_PER_MEMBER floats, see _draw):
    that is what grows with team size and run length.
    """
    recorded = weeks + 1 if recorded_weeks is None else recorded_weeks
    floats = (
        weeks * n * dyn.DRAWS_PER_MEMBER + n * (TEAM_DRAWS + _STATE_ARRAYS) + recorded * len(TEAM_MEASURES)
    )
    if record_members:
        floats += (weeks + 1) * n * (len(MEMBER_STATE) + 1)  # + the label array's pointers
    return 8 * floats


def chunk_for(
    n: int,
    weeks: int,
    recorded_weeks: int | None = None,
    record_members: bool = False,
    budget: int | None = None,
) -> int:
    """Replications per chunk that keep one chunk under `budget` bytes (default MEMORY_BUDGET; at least 1)."""
    budget = MEMORY_BUDGET if budget is None else budget
    return max(1, budget // replication_bytes(n, weeks, recorded_weeks, record_members))


class ParamColumns:
    """Parameters per replication as (R, 1) columns, so they broadcast over members."""

    def __init__(self, rows: Sequence[Params]) -> None:
        for name in PARAMETERS:
            setattr(self, name, np.array([getattr(r, name) for r in rows])[:, None])


def _as_params(params: Params | Sequence[Params] | None, replications: int) -> Params | ParamColumns:
    if params is None:
        return Params()
    if isinstance(params, Params):
        return params
    rows = list(params)
    if len(rows) != replications:
        raise ParameterError(
            f"got {len(rows)} parameter rows for {replications} replications; give one per seed"
        )
    return ParamColumns(rows)


@dataclass
class BatchRun:
    """Recorded results of R replications: team[measure] is (weeks+1, R)."""

    names: list[str]
    seeds: list[Seed]
    weeks: int
    team: dict[str, np.ndarray]
    members: dict[str, np.ndarray] | None  # each (weeks+1, R, n), if recorded
    traits: dict[str, np.ndarray]  # ability, first_impression, ... (R, n)
    interventions: list[str] = field(default_factory=list)  # active labels per week ("" week 0)
    member_interventions: np.ndarray | None = None  # (weeks+1, R, n) labels, if recorded

    @property
    def replications(self) -> int:
        return len(self.seeds)

    def team_frame(self, replication: int = 0) -> pd.DataFrame:
        """Same columns as LMXModel.team_frame() for one replication."""
        return tables.team_frame(self, replication)

    def member_frame(self, replication: int = 0) -> pd.DataFrame:
        """Same columns as LMXModel.member_frame() for one replication."""
        return tables.member_frame(self, replication)

    def team_table(self, weeks: Sequence[int] | None = None) -> pd.DataFrame:
        """Long table over replications: replication, week, team measures."""
        chosen = np.arange(self.weeks + 1) if weeks is None else np.asarray(weeks)
        return tables.team_table({m: self.team[m][chosen, :] for m in TEAM_MEASURES}, chosen, 0)


# --- setting up a batch --------------------------------------------------------------


@dataclass
class _Setup:
    """Validated inputs shared by every chunk of a batch."""

    weeks: int
    team: list[Member] | None
    n: int
    names: list[str]
    interventions: list[Intervention]


def _setup(
    seeds: Sequence[Seed],
    weeks: int,
    team: list[Member] | None,
    n_employees: int,
    interventions: Sequence[Intervention],
) -> _Setup:
    if len(seeds) == 0:
        raise ParameterError("need at least one seed (replication)")
    check_weeks(weeks)
    if team is not None:
        team = list(team)
        check_team(team)
        names = [m.name for m in team]
    else:
        if not 1 <= n_employees <= MAX_TEAM:
            raise ParameterError(f"n_employees = {n_employees} is not allowed (1 to {MAX_TEAM})")
        names = drawn_names(n_employees)
    plans = [dataclasses.replace(i) for i in interventions]  # never change the caller's objects
    for plan in plans:
        if plan.start is None:
            plan.start = 1
        plan.targets(names, np.zeros(len(names), dtype=int))  # unknown member -> clear error now
    return _Setup(weeks, team, len(names), names, plans)


def _draw(seeds: Sequence[Seed], n: int, weeks: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Team uniforms (R, n, 6), climate uniforms (R,) and run uniforms (R, weeks, n, 5),
    one generator per seed, in the order LMXModel draws them."""
    team_u = np.empty((len(seeds), n, TEAM_DRAWS))
    climate_u = np.empty(len(seeds))
    run_u = np.empty((len(seeds), weeks, n, dyn.DRAWS_PER_MEMBER))
    for r, seed in enumerate(seeds):
        generator = np.random.default_rng(seed)
        generator.random(out=team_u[r])
        climate_u[r] = generator.random()
        generator.random(out=run_u[r])
    return team_u, climate_u, run_u


def _traits(team_u: np.ndarray, p, team: list[Member] | None) -> dict[str, np.ndarray]:
    if team is None:
        return team_values(team_u, p)
    reps, n = team_u.shape[:2]

    def given(attribute: str) -> np.ndarray:
        return np.broadcast_to(np.array([getattr(m, attribute) for m in team], dtype=float), (reps, n)).copy()

    traits = {name: given(name) for name in ("ability", "first_impression", "challenge")}
    drawn = team_values(team_u, p)  # the Mesa model completes the team from the same uniforms
    for trait in DRAWN:
        open_ = np.array([getattr(m, trait) is None for m in team])
        fixed = np.array([0.0 if getattr(m, trait) is None else getattr(m, trait) for m in team])
        traits[trait] = np.broadcast_to(fixed, (reps, n)).copy()
        if open_.any():
            traits[trait][:, open_] = drawn[trait][:, open_]
    return traits


def _start(seeds: Sequence[Seed], params, setup: _Setup) -> tuple[_Engine, np.ndarray]:
    p = _as_params(params, len(seeds))
    team_u, climate_u, run_u = _draw(seeds, setup.n, setup.weeks)
    traits = _traits(team_u, p, setup.team)
    traits["climate"] = np.asarray(team_climate(climate_u[:, None], p), dtype=float) + 0.0 * traits["ability"]
    plans = [dataclasses.replace(plan) for plan in setup.interventions]
    return _Engine(p, traits, setup.names, plans, history_inputs(setup.team, setup.n)), run_u


def _check_weeks(record_weeks: Sequence[int] | None, weeks: int) -> np.ndarray:
    if record_weeks is None:
        return np.arange(weeks + 1)
    chosen = np.asarray(list(record_weeks))
    whole = chosen.ndim == 1 and np.issubdtype(chosen.dtype, np.integer)
    if not whole or np.any((chosen < 0) | (chosen > weeks)):
        raise ParameterError(f"record_weeks = {list(record_weeks)!r}: give whole weeks from 0 to {weeks}")
    return chosen


# --- the public entry points -----------------------------------------------------------


def run_batch(
    seeds: Sequence[Seed],
    weeks: int,
    params: Params | Sequence[Params] | None = None,
    team: list[Member] | None = None,
    n_employees: int = 10,
    interventions: Sequence[Intervention] = (),
    record_members: bool = True,
) -> BatchRun:
    """Run len(seeds) replications for `weeks` weeks; replication r equals LMXModel(rng=seeds[r]).

    `params` is one Params for all, or one per seed. With record_members=False only
    the team measures are kept (faster, and far less memory).
    """
    seeds = list(seeds)
    setup = _setup(seeds, weeks, team, n_employees, interventions)
    engine, run_u = _start(seeds, params, setup)
    every_week = np.arange(weeks + 1)
    team_measures, members, member_labels, labels = engine.run(run_u, every_week, record_members)
    return BatchRun(
        names=setup.names,
        seeds=seeds,
        weeks=weeks,
        team=team_measures,
        members=members,
        traits=engine.traits,
        interventions=labels,
        member_interventions=member_labels,
    )


def run_states(
    seeds: Sequence[Seed],
    weeks: int,
    record_weeks: Sequence[int],
    variables: Sequence[str],
    params: Params | Sequence[Params] | ParamColumns | object | None = None,
    team: list[Member] | None = None,
    traits: dict[str, np.ndarray] | None = None,
    weekly_sums: Sequence[str] = (),
) -> dict[str, np.ndarray]:
    """Member state variables at record_weeks only: {variable: (len(record_weeks), R, n)}.

    `weekly_sums` (e.g. "problems_reported"): the team's total of a member count in every
    week 0..weeks, out["team:<name>"] of shape (weeks + 1, R), for team-level observations.

    For fitting (lmxsim/fit): `params` may be ParamColumns (one value per replication),
    and `traits` overrides member traits per replication ((R, n) arrays, e.g. the
    leader's first impression of each person), the rest are drawn as run_batch does;
    the relationship starts as the team says (weeks_together, LMX-7), as in run_batch.
    """
    seeds = list(seeds)
    setup = _setup(seeds, weeks, team, len(team) if team else 10, ())
    chosen = _check_weeks(record_weeks, weeks)
    # one Params, one per seed, or any object with per-replication (R, 1) attributes (ParamColumns)
    p = (
        _as_params(params, len(seeds))
        if params is None or isinstance(params, Params | list | tuple)
        else params
    )
    team_u, climate_u, run_u = _draw(seeds, setup.n, weeks)
    given = _traits(team_u, p, setup.team)
    given.update({k: np.asarray(v, dtype=float) for k, v in (traits or {}).items()})
    given["climate"] = np.asarray(team_climate(climate_u[:, None], p), dtype=float) + 0.0 * given["ability"]
    engine = _Engine(p, given, setup.names, [], history_inputs(setup.team, setup.n))  # the team file's start
    out = {v: np.empty((len(chosen), len(seeds), setup.n)) for v in variables}
    out |= {f"team:{v}": np.zeros((weeks + 1, len(seeds))) for v in weekly_sums}

    def record(week: int) -> None:
        for row in np.flatnonzero(chosen == week):
            for v in variables:
                out[v][row] = engine.s[v]
        for v in weekly_sums:
            out[f"team:{v}"][week] = np.sum(engine.s[v], axis=-1)

    record(0)
    last = weeks if weekly_sums else int(chosen.max(initial=0))
    for week in range(1, last + 1):
        luck = np.ascontiguousarray(run_u[:, week - 1].transpose(2, 1, 0)).transpose(0, 2, 1)
        engine.step(week, luck, False)
        record(week)
    return out


# --- the engine ----------------------------------------------------------------------


# The nudges of a week without interventions (0-d arrays): the same results, fewer operations.
_CALM = Nudges.calm()


# Starting states with a history, by their inputs: the strategy lab starts every strategy from
# the same seeds, so each block's history is run once, not once per strategy. Small: a few
# blocks of a few MB (the arrays are copied into the engine, never changed here).
_STARTS: OrderedDict[bytes, dict[str, np.ndarray]] = OrderedDict()
_STARTS_KEPT, _START_BYTES = 8, 4 * 2**20  # at most 32 MB


def _initial_state(traits: dict[str, np.ndarray], p, history: dict) -> dict[str, np.ndarray]:
    """start.initial_state, remembered for recent inputs when it runs a history."""
    if not np.any(history["weeks_together"] > 0) or not isinstance(p, Params):
        return initial_state(traits, p, **history)
    digest = hashlib.blake2b(repr(p).encode())
    for name, values in (*sorted(traits.items()), *sorted(history.items())):
        digest.update(name.encode() + str(np.shape(values)).encode())
        digest.update(np.ascontiguousarray(values, dtype=float).tobytes())
    key = digest.digest()
    if key in _STARTS:
        _STARTS.move_to_end(key)
        return _STARTS[key]
    start = initial_state(traits, p, **history)
    if sum(v.nbytes for v in start.values()) <= _START_BYTES:
        _STARTS[key] = start
        if len(_STARTS) > _STARTS_KEPT:
            _STARTS.popitem(last=False)
    return start


class _Engine:
    """Replications of one team, week by week through week.week, over (R, n) arrays."""

    def __init__(self, p, traits: dict[str, np.ndarray], names: list[str], plans, history: dict) -> None:
        # Member-major memory (Fortran order): the per-team sums, means and spreads then run
        # as vector adds over replications instead of many 12-element loops; elementwise work
        # is unchanged. Sums may round in another order than the Mesa model's (1e-16).
        traits = {k: np.asfortranarray(v, dtype=float) for k, v in traits.items()}
        self.p, self.traits, self.names, self.plans = p, traits, names, plans
        start = _initial_state(traits, p, history)  # the start LMXModel has, per replication
        s = start_week_state({k: np.array(v, order="F") for k, v in start.items()})  # a copy: shared starts
        self.s = {k: np.asfortranarray(v) for k, v in s.items()}

    def run(self, run_u: np.ndarray, record_weeks: np.ndarray, record_members: bool):
        """Step through the run; team[m] is (len(record_weeks), R). Returns team, members, labels."""
        record_weeks = np.asarray(record_weeks)
        reps, n = self.s["trust"].shape
        weeks = run_u.shape[1]
        rows = {int(w): np.flatnonzero(record_weeks == w) for w in np.unique(record_weeks)}
        team = {m: np.empty((len(record_weeks), reps)) for m in TEAM_MEASURES}
        members = member_labels = None
        if record_members:
            members = {v: np.empty((weeks + 1, reps, n)) for v in MEMBER_STATE}
            member_labels = np.full((weeks + 1, reps, n), "", dtype=object)
        labels = [""]
        self._record(0, rows, team, members)
        for week in range(1, weeks + 1):
            # (R, n, 5) -> five member-major (R, n) arrays: the dynamics read each several times
            luck = np.ascontiguousarray(run_u[:, week - 1].transpose(2, 1, 0)).transpose(0, 2, 1)
            active, member_active = self.step(week, luck, record_members)
            labels.append(";".join(active))
            if member_labels is not None:
                member_labels[week] = member_active
            self._record(week, rows, team, members)
        return team, members, member_labels, labels

    def _record(self, week: int, rows: dict[int, np.ndarray], team, members) -> None:
        s = self.s
        if week in rows:
            row = rows[week]
            for name, measure in TEAM.items():
                team[name][row] = measure.reduce(s[measure.reduce.source])
        if members is not None:
            for var in MEMBER_STATE:
                members[var][week] = s[var]

    def _member_labels(self, week: int) -> np.ndarray:
        """Per member, the labels of the interventions that target them this week (as LMXModel)."""
        group = self.s["group"]
        labels = np.full(group.shape, "", dtype=object)
        for plan in self.plans:
            if plan.active(week):
                who = plan.targets(self.names, group)
                joined = np.where(labels == "", plan.label, labels + ";" + plan.label)
                labels = np.where(who, joined, labels)
        return labels

    def step(self, week: int, luck: np.ndarray, record_members: bool):
        """This week's interventions (as LMXModel.step plans them), then the week of week.py."""
        busy = any(plan.active(week) for plan in self.plans)
        if busy:
            nudges, active = plan_week(self.plans, week, self.names, self.s["group"], self.s["leader_trust"])
        else:
            nudges, active = _CALM, []
        member_active = None
        if record_members:
            member_active = self._member_labels(week) if busy else ""
        run_week(self.s, self.traits, luck, nudges, self.p)
        return active, member_active
