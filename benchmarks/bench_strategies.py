"""What the strategy lab's extras cost next to the comparison itself (ratios, best of --repeat).

  compare     compare_strategies: the example team, 3 strategies + doing nothing, R replications, 52 weeks
  robustness  the same comparison rerun at 50% and 150% strength (expected about 2x compare)
  report      the one-page HTML report for HR, figures included
  export      the CSVs (Dutch: ';' and decimal comma), PNGs, texts of `--out`

Run:  uv run python benchmarks/bench_strategies.py [--replications 500] [--repeat 3]
"""

from __future__ import annotations

import argparse
import tempfile
import time


def best(seconds: list[float]) -> float:
    return min(seconds)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--replications", type=int, default=500)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()

    from lmxsim.io.packaged import EXAMPLE_TEAM
    from lmxsim.lab.hr_report import report_html
    from lmxsim.lab.report import export
    from lmxsim.lab.robustness import check_robustness
    from lmxsim.lab.strategies import compare_strategies, ready_strategy
    from lmxsim.team.teamfile import load_team

    team = load_team(EXAMPLE_TEAM)
    chosen = [
        ready_strategy(n) for n in ("one-on-ones-out-group", "reflection-every-4", "reopen-role-taking")
    ]
    times: dict[str, list[float]] = {"compare": [], "robustness": [], "report": [], "export": []}
    for _ in range(args.repeat):
        start = time.perf_counter()
        comparison = compare_strategies(team, chosen, replications=args.replications, weeks=52, seed=1)
        times["compare"].append(time.perf_counter() - start)
        start = time.perf_counter()
        view = check_robustness(comparison, team, comparison.strategies)
        times["robustness"].append(time.perf_counter() - start)
        start = time.perf_counter()
        report_html(comparison, "nl", view, budget=1.0)
        times["report"].append(time.perf_counter() - start)
        with tempfile.TemporaryDirectory() as folder:
            start = time.perf_counter()
            export(comparison, folder, "nl", robustness=view)
            times["export"].append(time.perf_counter() - start)
    base = best(times["compare"])
    print(f"{len(team)} people, 4 strategies, {args.replications} replications, 52 weeks", end="")
    print(f" (best of {args.repeat})")
    for name, values in times.items():
        print(f"{name:10s} {best(values):6.2f} s   ratio to compare {best(values) / base:5.2f}")


if __name__ == "__main__":
    main()
