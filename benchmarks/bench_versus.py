"""Speed of this checkout against another commit, measured in one run (the machine is shared
and noisy, so only the ratio means something).

The other commit is checked out into a temporary git worktree and both trees run the same
timing code in fresh processes, alternating, several rounds; the median of each is kept.

    uv run python benchmarks/bench_versus.py --against bd94174 --rounds 5
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

TIMING = r"""
import json, time
import numpy as np
from lmxsim.engine.batch import run_batch
from lmxsim.engine.mesa_model import LMXModel

def best(fn, repeat):
    times = []
    for _ in range(repeat):
        t = time.perf_counter(); fn(); times.append(time.perf_counter() - t)
    return min(times)

seeds = list(range(1000))
run_batch(seeds[:10], 52, n_employees=12)  # warm up
batch = best(lambda: run_batch(seeds, 52, n_employees=12), 3)
mesa = best(lambda: LMXModel(n_employees=12, rng=1).run(52), 10)
print(json.dumps({"batch_runs_per_s": 1000 / batch, "mesa_ms_per_run": mesa * 1000}))
"""


def measure(tree: Path) -> dict[str, float]:
    env = {**os.environ, "PYTHONPATH": str(tree)}
    out = subprocess.run([sys.executable, "-c", TIMING], env=env, capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--against", default="bd94174", help="commit to compare with")
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        other = Path(tmp) / "other"
        subprocess.run(["git", "-C", str(ROOT), "worktree", "add", "--detach", str(other), args.against],
                       check=True, capture_output=True)  # fmt: skip
        try:
            results: dict[str, list[dict[str, float]]] = {"this": [], args.against: []}
            for _ in range(args.rounds):
                results["this"].append(measure(ROOT))
                results[args.against].append(measure(other))
        finally:
            subprocess.run(["git", "-C", str(ROOT), "worktree", "remove", "--force", str(other)], check=False)
    for key in ("batch_runs_per_s", "mesa_ms_per_run"):
        this = statistics.median(r[key] for r in results["this"])
        old = statistics.median(r[key] for r in results[args.against])
        print(f"{key:18} this {this:10.1f}   {args.against} {old:10.1f}   ratio this/old {this / old:.2f}")


if __name__ == "__main__":
    main()
