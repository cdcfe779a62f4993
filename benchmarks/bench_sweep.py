"""Runs/s of a sweep (lmxsim.sweep) with 1 and 2 workers, output written and checked equal.

    uv run python benchmarks/bench_sweep.py                     # 20,000 runs, 26 weeks, workers 1 and 2
    uv run python benchmarks/bench_sweep.py --points 50 --replications 40 --engine mesa
    uv run python benchmarks/bench_sweep.py --dask              # also a 2-worker Dask LocalCluster

Wall time includes starting the worker pool (a few seconds: each pool imports
the model once) and writing Parquet; CPU time (this process and its workers)
is printed beside it because the build machine is shared.
"""

from __future__ import annotations

import argparse
import resource
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


def cpu_seconds() -> float:
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--points", type=int, default=200)
    parser.add_argument("--replications", type=int, default=100)
    parser.add_argument("--weeks", type=int, default=26)
    parser.add_argument("--engine", choices=("batch", "mesa"), default="batch")
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--dask", action="store_true", help="also run on a 2-worker Dask LocalCluster")
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
        setups = [(w, None) for w in args.workers] + ([(2, "local")] if args.dask else [])
        tables = []
        for index, (workers, dask) in enumerate(setups):
            out = Path(tmp) / f"out{index}"
            cpu, began = cpu_seconds(), time.perf_counter()
            with open_executor(workers, dask) as choice:
                started = time.perf_counter()
                report = run_sweep(spec, out, choice)
            wall = time.perf_counter() - began
            print(
                f"{choice.label:>32}: {runs / wall:8,.0f} runs/s wall incl. start-up ({wall:5.1f} s; "
                f"start-up {started - began:4.1f} s), {runs / report.seconds:8,.0f} runs/s once running, "
                f"CPU {cpu_seconds() - cpu:5.1f} s (Dask workers' CPU not counted)"
            )
            tables.append(read_results(out).sort_values(["run", "week"]).reset_index(drop=True))
        for table in tables[1:]:
            pd.testing.assert_frame_equal(table, tables[0])
        print("tables identical across worker counts")


if __name__ == "__main__":
    main()
