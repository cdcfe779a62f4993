"""Many replications of the batch engine: streamed in chunks, optionally over worker processes.

- `iter_team_tables(seeds, weeks, ..., record_weeks, chunk_size)`: the team measures of
  chosen weeks, one table per chunk of replications, so memory stays bounded however
  many seeds are given;
- `run_many(n_replications, root_seed, ..., workers=2)`: replication i is seeded with
  `SeedSequence(entropy, spawn_key=(*root.spawn_key, i))`, chunks run through the
  executors the sweeps use (lmxsim/engine/executors.py: local processes, or any
  `concurrent.futures.Executor` such as Dask's), and the result does not depend on the
  number of workers or the chunk size.

The engine itself (arrays in, arrays out) is lmxsim/engine/batch.py; the tables are batch_tables.py.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Iterator, Sequence, Sized
from concurrent.futures import Executor
from itertools import islice

import numpy as np
import pandas as pd

from lmxsim.engine.batch import DEFAULT_CHUNK, Seed, _check_weeks, _setup, _start, chunk_for
from lmxsim.engine.batch_tables import team_table
from lmxsim.engine.executors import open_executor
from lmxsim.interventions.catalogue import Intervention
from lmxsim.io.rules import check_whole
from lmxsim.model.measures import TEAM_MEASURES
from lmxsim.model.params import ParameterError, Params
from lmxsim.team.members import Member


def iter_team_tables(
    seeds: Iterable[Seed],
    weeks: int,
    params: Params | Iterable[Params] | None = None,
    team: list[Member] | None = None,
    n_employees: int = 10,
    interventions: Sequence[Intervention] = (),
    record_weeks: Sequence[int] | None = None,
    chunk_size: int = DEFAULT_CHUNK,
    first_replication: int = 0,
) -> Iterator[pd.DataFrame]:
    """Team measures at `record_weeks` (default: every week), one long table per chunk.

    Columns: replication (first_replication + position in seeds), week, TEAM_MEASURES;
    rows are week-major within a chunk. Seeds (and parameter rows, if `params` is
    one Params per seed) are read lazily, chunk by chunk, and only one chunk's
    trajectories exist at a time, so memory is bounded however many seeds a generator
    yields: a chunk holds at most chunk_size replications, and fewer for big teams and
    long runs (chunk_for: MEMORY_BUDGET). Chunking does not change the numbers.
    """
    check_whole(chunk_size, "chunk_size", 1)
    rows = None if params is None or isinstance(params, Params) else params  # one Params per seed
    if rows is not None and isinstance(seeds, Sized) and isinstance(rows, Sized) and len(rows) != len(seeds):
        raise ParameterError(
            f"got {len(rows)} parameter rows for {len(seeds)} replications; give one per seed"
        )
    seed_stream = iter(seeds)
    row_stream = iter(rows) if rows is not None else None
    begin = 0
    setup = _setup([0], weeks, team, n_employees, interventions)  # validated once, for every chunk
    chosen = _check_weeks(record_weeks, weeks)
    size = min(chunk_size, chunk_for(setup.n, weeks, len(chosen)))
    while chunk := list(islice(seed_stream, size)):
        chunk_params = params
        if row_stream is not None:
            chunk_params = list(islice(row_stream, len(chunk)))
            if len(chunk_params) != len(chunk):
                raise ParameterError("fewer parameter rows than seeds; give one per seed")
        engine, run_u = _start(chunk, chunk_params, setup)
        team_measures = engine.run(run_u, chosen, record_members=False)[0]
        yield team_table(team_measures, chosen, first_replication + begin)
        begin += len(chunk)
    if begin == 0:
        raise ParameterError("need at least one seed (replication)")
    if row_stream is not None and next(row_stream, None) is not None:
        raise ParameterError("more parameter rows than seeds; give one per seed")


def replication_seeds(root_seed: int | np.random.SeedSequence, start: int, stop: int) -> list[Seed]:
    """Seeds of replications start..stop-1: SeedSequence(entropy, spawn_key=(*root key, i))."""
    root = root_seed if isinstance(root_seed, np.random.SeedSequence) else np.random.SeedSequence(root_seed)
    return [
        np.random.SeedSequence(root.entropy, spawn_key=(*root.spawn_key, i), pool_size=root.pool_size)
        for i in range(start, stop)
    ]


def _many_chunk(root_seed, start: int, stop: int, weeks: int, options: dict) -> pd.DataFrame:
    seeds = replication_seeds(root_seed, start, stop)
    tables = list(iter_team_tables(seeds, weeks, chunk_size=stop - start, first_replication=start, **options))
    assert len(tables) == 1, "iter_many sizes its chunks within the memory budget"
    return tables[0]


def iter_many(
    n_replications: int,
    root_seed: int | np.random.SeedSequence,
    weeks: int = 52,
    params: Params | None = None,
    team: list[Member] | None = None,
    n_employees: int = 10,
    interventions: Sequence[Intervention] = (),
    record_weeks: Sequence[int] | None = None,
    chunk_size: int = DEFAULT_CHUNK,
    workers: int = 2,
    executor: Executor | None = None,
) -> Iterator[pd.DataFrame]:
    """Like run_many, but yields one team table per chunk, in replication order, as chunks finish.

    At most two chunks per worker are in flight, and a chunk holds at most chunk_size
    replications, fewer for big teams and long runs (chunk_for: MEMORY_BUDGET), so
    memory stays bounded.
    """
    check_whole(n_replications, "n_replications", 1)
    check_whole(chunk_size, "chunk_size", 1)
    if params is not None and not isinstance(params, Params):
        raise ParameterError("run_many takes one Params for all replications (a sweep varies them)")
    # validate once here, not in every worker
    setup = _setup([0], weeks, team, n_employees, interventions)
    chosen = [int(w) for w in _check_weeks(record_weeks, weeks)]
    chunk_size = min(chunk_size, chunk_for(setup.n, weeks, len(chosen)))
    options = {
        "params": params,
        "team": team,
        "n_employees": n_employees,
        "interventions": list(interventions),
        "record_weeks": chosen,
    }
    bounds = [(b, min(b + chunk_size, n_replications)) for b in range(0, n_replications, chunk_size)]
    if executor is not None:
        yield from _in_order(executor, bounds, root_seed, weeks, options, 2 * max(1, workers))
        return
    with open_executor(max(1, workers), preload=__name__) as choice:
        ahead = 2 * choice.workers if choice.workers > 1 else 1
        yield from _in_order(choice.executor, bounds, root_seed, weeks, options, ahead)


def _in_order(executor: Executor, bounds, root_seed, weeks: int, options: dict, ahead: int):
    """Chunks submitted `ahead` at a time, their tables yielded in replication order."""
    pending: deque = deque()
    for start, stop in bounds:
        pending.append(executor.submit(_many_chunk, root_seed, start, stop, weeks, options))
        if len(pending) >= ahead:
            yield pending.popleft().result()
    while pending:
        yield pending.popleft().result()


def run_many(
    n_replications: int,
    root_seed: int | np.random.SeedSequence,
    weeks: int = 52,
    params: Params | None = None,
    team: list[Member] | None = None,
    n_employees: int = 10,
    interventions: Sequence[Intervention] = (),
    record_weeks: Sequence[int] | None = None,
    chunk_size: int = DEFAULT_CHUNK,
    workers: int = 2,
    executor: Executor | None = None,
) -> pd.DataFrame:
    """Team measures at `record_weeks` of n_replications runs, chunks spread over worker processes.

    Replication i is seeded with replication_seeds(root_seed, i, i+1)[0], so the
    table is the same for any number of workers, chunk size or executor (pass
    e.g. a dask `client.get_executor()`); workers <= 1 runs in this process. Rows
    are laid out as BatchRun.team_table's: week-major, replications 0..n-1.
    With worker processes, call it under `if __name__ == "__main__":` in a script.
    """
    chosen = _check_weeks(record_weeks, weeks)
    # Filled chunk by chunk, so only the result and a chunk's table are ever held.
    team_measures = {m: np.empty((len(chosen), n_replications)) for m in TEAM_MEASURES}
    start = 0
    for table in iter_many(
        n_replications,
        root_seed,
        weeks=weeks,
        params=params,
        team=team,
        n_employees=n_employees,
        interventions=interventions,
        record_weeks=chosen.tolist(),  # checked weeks, as the Sequence iter_many takes
        chunk_size=chunk_size,
        workers=workers,
        executor=executor,
    ):
        stop = start + len(table) // len(chosen)
        for measure in TEAM_MEASURES:
            team_measures[measure][:, start:stop] = table[measure].to_numpy().reshape(len(chosen), -1)
        start = stop
    return team_table(team_measures, chosen, 0)
