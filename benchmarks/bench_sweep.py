"""Runs/s of a sweep (lmxsim.sweep) with 1 and 2 workers, output written and checked equal.

    uv run python benchmarks/bench_sweep.py                     # 20,000 runs, 26 weeks, workers 1 and 2
    uv run python benchmarks/bench_sweep.py --points 50 --replications 40 --engine mesa
    uv run python benchmarks/bench_sweep.py --dask              # also a 2-worker Dask LocalCluster

Two rates per set-up: wall time including start-up (a pool imports the model
once, a few seconds), and the rate once the workers are up (best of --repeat
sweeps). Writing Parquet is included in both. The machine's load average is
printed before and after: on a shared machine, parallel rates mean little when
the load is above the number of cores.
"""

from __future__ import annotations

import argparse
import os
import tempfile
import time
from pathlib import Path

import pandas as pd

from lmxsim.sweep import load_sweep, open_executor, read_results, run_sweep

SWEEP = """
weeks = {weeks}
replications = {replications}
seed = 1
engine = "{engine}"
[design]
kind = "lhs"
samples = {points}
[vary]
confirmation_bias = {{ low = 0.0, high = 0.6 }}
initial_confidence = {{ low = 0.05, high = 0.6 }}
attention_budget = {{ low = 0.1, high = 0.8 }}
[outcomes]
team = ["lmx_mean", "lmx_differentiation", "performance", "out_group_share"]
weeks = [{early}, {weeks}]
"""


def load() -> str:
    return "load average " + ", ".join(f"{x:.1f}" for x in os.getloadavg()) + f" on {os.cpu_count()} cores"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--points", type=int, default=200)
    parser.add_argument("--replications", type=int, default=100)
    parser.add_argument("--weeks", type=int, default=26)
    parser.add_argument("--engine", choices=("batch", "mesa"), default="batch")
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--dask", action="store_true", help="also run on a 2-worker Dask LocalCluster")
    parser.add_argument("--repeat", type=int, default=2, help="sweeps per set-up once the workers are up")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "bench.toml"
        path.write_text(
            SWEEP.format(
                weeks=args.weeks,
                early=max(1, args.weeks // 4),
                replications=args.replications,
                points=args.points,
                engine=args.engine,
            )
        )
        spec = load_sweep(path)
        runs = args.points * args.replications
        print(
            f"{runs:,} runs ({args.points} LHS points x {args.replications} replications), "
            f"{args.weeks} weeks, {args.engine} engine"
        )
        print(load())
        setups = [(w, None) for w in args.workers] + ([(2, "local")] if args.dask else [])
        tables = []
        for index, (workers, dask) in enumerate(setups):
            began = time.perf_counter()
            with open_executor(workers, dask) as choice:
                # start every worker before timing the sweeps themselves
                for future in [choice.executor.submit(os.getpid) for _ in range(choice.workers)]:
                    future.result()
                started = time.perf_counter() - began
                rates = []
                for attempt in range(args.repeat):
                    out = Path(tmp) / f"out{index}-{attempt}"
                    report = run_sweep(spec, out, choice)
                    rates.append(runs / report.seconds)
            print(
                f"{choice.label:>32}: {runs / (started + report.seconds):8,.0f} runs/s incl. start-up "
                f"({started:4.1f} s), {max(rates):8,.0f} runs/s once running (best of {args.repeat})"
            )
            tables.append(read_results(out).sort_values(["run", "week"]).reset_index(drop=True))
        for table in tables[1:]:
            pd.testing.assert_frame_equal(table, tables[0])
        print("tables identical across worker counts;", load())


if __name__ == "__main__":
    main()
