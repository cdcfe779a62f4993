"""Speed of the Mesa reference model: one 52-week run of a 12-member team.

Prints the median over repeated runs, with and without data collection, and
their ratio (measured in this one run; the machine may be shared and noisy).

    uv run python benchmarks/bench_model.py [--repeats 30]
"""

from __future__ import annotations

import argparse
import statistics
import time

from lmxsim import LMXModel


def one_run(seed: int, collect: bool) -> float:
    start = time.perf_counter()
    model = LMXModel(n_employees=12, rng=seed)
    if not collect:
        model.datacollector.collect = lambda _model: None  # skip the per-week reporters
    model.run(52)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeats", type=int, default=30)
    args = parser.parse_args()
    one_run(0, True)  # warm up imports and caches
    with_collection, without = [], []
    for seed in range(args.repeats):  # interleave so both see the same machine load
        with_collection.append(one_run(seed, True))
        without.append(one_run(seed, False))
    median_with, median_without = statistics.median(with_collection), statistics.median(without)
    print(f"52-week run, 12 members, median of {args.repeats}:")
    print(f"  with data collection    {median_with * 1000:7.1f} ms")
    print(f"  without data collection {median_without * 1000:7.1f} ms")
    print(f"  collection overhead     {median_with / median_without:7.2f}x")


if __name__ == "__main__":
    main()
