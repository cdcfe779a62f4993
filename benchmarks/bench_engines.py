"""Speed of the two engines, and how close the batch engine comes to the cost of its random draws.

A script, not a test: the machine is shared, so it prints ratios measured in
one run (and CPU times next to wall times). See benchmarks/README.md.

    uv run python benchmarks/bench_engines.py                      # full: 1,000,000 replications
    uv run python benchmarks/bench_engines.py --replications 20000 # quick
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import resource
import statistics
import sys
import time
import tracemalloc
from concurrent.futures import ProcessPoolExecutor

import numpy as np

from lmxsim.engine import batch
from lmxsim.engine.batch import DEFAULT_CHUNK, run_batch
from lmxsim.engine.batch_many import iter_team_tables, replication_seeds, run_many
from lmxsim.engine.mesa_model import LMXModel
from lmxsim.model.params import Params
from lmxsim.team.members import TEAM_DRAWS, history_inputs

DRAWS = 5  # dynamics.DRAWS_PER_MEMBER


class Clock:
    """Wall and CPU time of a block (CPU = this process only)."""

    def __enter__(self) -> Clock:
        self.wall0, self.cpu0 = time.perf_counter(), time.process_time()
        return self

    def __exit__(self, *exc) -> None:
        self.wall = time.perf_counter() - self.wall0
        self.cpu = time.process_time() - self.cpu0


def mesa_seconds_per_run(runs: int, weeks: int, members: int, collect: bool) -> float:
    """Median wall time of one LMXModel run (construction included)."""
    times = []
    for seed in range(runs):
        start = time.perf_counter()
        model = LMXModel(n_employees=members, rng=seed)
        if not collect:
            model.datacollector.collect = lambda _model: None  # the week's work without recording it
        model.run(weeks)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def draws_only(seeds, weeks: int, members: int) -> None:
    """The same generators and the same numbers as the engines, and nothing else."""
    team_u = np.empty((members, TEAM_DRAWS))
    run_u = np.empty((weeks, members, DRAWS))
    for seed in seeds:
        generator = np.random.default_rng(seed)
        generator.random(out=team_u)
        generator.random(out=run_u)


def best_of(repeats: int, work) -> Clock:
    clocks = []
    for _ in range(repeats):
        with Clock() as clock:
            work()
        clocks.append(clock)
    return min(clocks, key=lambda c: c.cpu)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--replications", type=int, default=1_000_000, help="for the many-runs measurement")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--chunk", type=int, default=DEFAULT_CHUNK, help="replications per chunk")
    parser.add_argument("--weeks", type=int, default=52)
    parser.add_argument("--members", type=int, default=12)
    parser.add_argument("--mesa-runs", type=int, default=15)
    parser.add_argument("--batch-replications", type=int, default=4000)
    parser.add_argument("--chunks", action="store_true", help="also compare chunk sizes")
    args = parser.parse_args(argv)
    weeks, members = args.weeks, args.members
    record = sorted({weeks // 4, weeks // 2, weeks})
    print(f"# {members} members x {weeks} weeks; team measures recorded at weeks {record}")
    print(f"# python {sys.version.split()[0]}, numpy {np.__version__}, chunk {args.chunk}")

    # --- Mesa engine ------------------------------------------------------------------
    LMXModel(n_employees=members, rng=0).run(2)  # warm up imports and caches
    mesa_collect = mesa_seconds_per_run(args.mesa_runs, weeks, members, collect=True)
    mesa_bare = mesa_seconds_per_run(args.mesa_runs, weeks, members, collect=False)
    print(
        f"mesa, DataCollector every week : {1 / mesa_collect:10.1f} runs/s  ({mesa_collect * 1e3:.1f} ms/run)"
    )
    print(f"mesa, no collection            : {1 / mesa_bare:10.1f} runs/s  ({mesa_bare * 1e3:.1f} ms/run)")

    # --- batch engine, one process ----------------------------------------------------
    reps = args.batch_replications
    seeds = replication_seeds(2026, 0, reps)
    run_batch(seeds[:200], weeks, n_employees=members)  # warm up

    def full() -> None:
        for begin in range(0, reps, args.chunk):
            run_batch(seeds[begin : begin + args.chunk], weeks, n_employees=members)

    def team_only() -> None:
        for _table in iter_team_tables(
            seeds, weeks, n_employees=members, record_weeks=record, chunk_size=args.chunk
        ):
            pass

    full_clock = best_of(2, full)
    team_clock = best_of(3, team_only)
    draws_clock = best_of(3, lambda: draws_only(seeds, weeks, members))
    seeding = best_of(3, lambda: replication_seeds(2026, 0, reps))
    batch_full, batch_team = reps / full_clock.wall, reps / team_clock.wall
    print(f"batch, every week and member   : {batch_full:10.1f} runs/s  (run_batch, frames as Mesa's)")
    print(f"batch, team measures at {len(record)} weeks: {batch_team:10.1f} runs/s  (iter_team_tables)")
    print(f"ratio batch/mesa, full records : {batch_full * mesa_collect:10.1f} x")
    print(f"ratio batch/mesa, team only    : {batch_team * mesa_bare:10.1f} x  (vs mesa without collection)")
    per_rep = team_clock.cpu / reps
    print(f"draws only                     : {reps / draws_clock.wall:10.1f} runs/s")
    print(
        f"batch/draws-only time          : {team_clock.cpu / draws_clock.cpu:10.2f} x  "
        f"(CPU {per_rep * 1e6:.1f} vs {draws_clock.cpu / reps * 1e6:.1f} us per replication; "
        f"making the SeedSequences adds {seeding.cpu / reps * 1e6:.1f} us)"
    )

    # --- where the batch time goes, one chunk at a time ---------------------------------
    chunk = seeds[: args.chunk]
    setup = batch._setup(chunk, weeks, None, members, [])
    team_u, _climate_u, run_u = batch._draw(chunk, members, weeks)
    traits = batch._traits(team_u, Params(), None)
    traits["climate"] = np.zeros_like(traits["ability"])
    stages = {
        "seed sequences": lambda: replication_seeds(2026, 0, len(chunk)),
        "generators + draws": lambda: batch._draw(chunk, members, weeks),
        "team traits (inverse normal CDF)": lambda: batch._traits(team_u, Params(), None),
        "weeks (week.py)": lambda: batch._Engine(
            Params(), traits, setup.names, [], history_inputs(None, members)
        ).run(run_u, np.array(record), False),
    }
    print("where the time goes (CPU us per replication, best of 3):")
    for name, work in stages.items():
        print(f"  {name:31s}: {best_of(3, work).cpu / len(chunk) * 1e6:7.1f}")

    # --- memory of one chunk ----------------------------------------------------------
    tracemalloc.start()
    list(iter_team_tables(seeds[: args.chunk], weeks, n_employees=members, record_weeks=record))
    chunk_peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    print(f"peak traced memory of one chunk: {chunk_peak / 2**20:10.1f} MiB  ({args.chunk} replications)")

    if args.chunks:
        for size in (100, 250, 500, 1000, 2000, 4000):
            clock = best_of(
                2,
                lambda size=size: list(
                    iter_team_tables(seeds, weeks, n_employees=members, record_weeks=record, chunk_size=size)
                ),
            )
            print(f"  chunk {size:5d}: {clock.cpu / reps * 1e6:7.1f} us CPU per replication")

    # --- many replications, worker processes -------------------------------------------
    n = args.replications
    # fork, so the workers are children of this process and getrusage sees their memory
    pool = ProcessPoolExecutor(args.workers, mp_context=multiprocessing.get_context("fork"))
    with Clock() as many:
        table = run_many(
            n,
            2026,
            weeks=weeks,
            n_employees=members,
            record_weeks=record,
            chunk_size=args.chunk,
            workers=args.workers,
            executor=pool,
        )
        pool.shutdown()
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    own = resource.getrusage(resource.RUSAGE_SELF)
    worker_cpu = children.ru_utime + children.ru_stime
    print(
        f"{n:,} replications, {args.workers} workers: {many.wall:8.1f} s wall "
        f"({n / many.wall:,.0f} runs/s; workers' CPU {worker_cpu:.1f} s = "
        f"{worker_cpu / n * 1e6:.1f} us per replication)"
    )
    print(
        f"  projected on {args.workers} idle cores from CPU time: "
        f"{worker_cpu / args.workers * 1_000_000 / n:.1f} s per million"
    )
    print(
        f"  result table {len(table):,} rows, {table.memory_usage(deep=True).sum() / 2**20:.0f} MiB; "
        f"peak RSS main {own.ru_maxrss / 2**10:.0f} MiB, largest worker {children.ru_maxrss / 2**10:.0f} MiB"
    )
    print(f"  load average at the end: {', '.join(f'{x:.2f}' for x in os.getloadavg())}")


if __name__ == "__main__":
    main()
