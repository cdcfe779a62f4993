"""How long `lmxsim --help` and `lmxsim --version` take, as a user starts them.

Each command runs as a fresh process (the console script of this environment), several
times; the median wall time is printed next to the time of a bare `python -c pass`, so
the import cost of lmxsim is the difference. The goal is under 0.5 s for both.

PYTHONDONTWRITEBYTECODE is dropped for the child processes: a user's Python caches byte-code
(pip compiles it at install), and without the cache every start recompiles typer and rich.

    uv run python benchmarks/bench_cli.py [--repeat 7]
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import time

GOAL = 0.5
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def wall(command: list[str], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        began = time.perf_counter()
        subprocess.run(command, check=False, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=ENV)
        times.append(time.perf_counter() - began)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args()
    script = shutil.which("lmxsim") or f"{sys.prefix}/bin/lmxsim"
    for flags in (["--help"], ["run", "--help"]):
        wall([script, *flags], 1)  # warm the file cache and the byte-code
    bare = wall([sys.executable, "-c", "pass"], args.repeat)
    print(f"python -c pass      {bare:6.3f} s (median of {args.repeat})")
    for flags in (["--help"], ["--version"], ["run", "--help"]):
        seconds = wall([script, *flags], args.repeat)
        verdict = "ok" if seconds < GOAL else f"over the {GOAL} s goal"
        print(
            f"lmxsim {' '.join(flags):12s} {seconds:6.3f} s  ({seconds / bare:5.1f} x bare python; {verdict})"
        )


if __name__ == "__main__":
    main()
