"""The table of measured intervention effects in docs/interventions.md, with 95% intervals.

Twin runs on common random numbers: the `first-impression` team (An and Bram equally able,
first impressions .35 and .85), each intervention from week 8, values at week 28 (performance:
mean of weeks 24-28), variant minus baseline per seed, mean and t-interval over the seeds.

    uv run python experiments/intervention_effects.py --seeds 400
"""

from __future__ import annotations

import argparse

from lmxsim.engine.batch import run_batch
from lmxsim.interventions.spec import parse_spec
from lmxsim.model.dynamics import lmx7
from lmxsim.science.facts import mean_interval
from lmxsim.team.config import load_scenario

SPECS = [
    "team-map:team@8",
    "role-clarification:An@8",
    "one-on-ones:An@8",
    "stretch-assignment:An@8",
    "sudden-praise:An@8",
    "reflection:team@8",
    "equal-latitude:team@8",
]


def signed(value: float, digits: int) -> str:
    rounded = round(value, digits) + 0.0  # no "-0.00"
    return f"{rounded:+.{digits}f}".replace("-", "−")


def cell(values, digits: int) -> str:
    mean, low, high = mean_interval(values)
    return f"{signed(mean, digits)} ({signed(low, digits)} to {signed(high, digits)})"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seeds", type=int, default=400)
    parser.add_argument("--week", type=int, default=28)
    args = parser.parse_args()
    preset, week = load_scenario("first-impression"), args.week
    seeds = list(range(args.seeds))
    base = run_batch(seeds, week, preset.params, preset.team)
    print(
        "| intervention (from week 8) | Δ LMX-7 An | Δ performance An | Δ trust An | Δ autonomy An "
        "| Δ LMX-7 Bram | Δ differentiation |"
    )
    print("|---|---|---|---|---|---|---|")
    for spec in SPECS:
        twin = run_batch(seeds, week, preset.params, preset.team, interventions=[parse_spec(spec)])

        def change(measure: str, member: int, twin=twin):
            return twin.members[measure][week, :, member] - base.members[measure][week, :, member]

        performance = (
            twin.members["performance"][week - 4 :, :, 0] - base.members["performance"][week - 4 :, :, 0]
        ).mean(axis=0)
        spread = twin.team["lmx_differentiation"][week] - base.team["lmx_differentiation"][week]
        print(
            f"| `{spec}` | {cell(lmx7(change('lmx', 0)) - 7, 2)} | {cell(performance, 3)} "
            f"| {cell(change('trust', 0), 3)} | {cell(change('autonomy', 0), 3)} "
            f"| {cell(lmx7(change('lmx', 1)) - 7, 2)} | {cell(spread, 4)} |"
        )


if __name__ == "__main__":
    main()
