"""A default `lmxsim fit` of a 9-person team with 3 waves: how long, how many simulations a
second, and where the time went. Also the simulator alone, one particle at a time against
a batch, and pyABC's own samplers on the same problem (a fixed budget of particles).

A script, not a test: the machine is shared, so it prints CPU time next to wall time.

    uv run python benchmarks/bench_fit.py                 # the default fit (about 2-10 minutes)
    uv run python benchmarks/bench_fit.py --quick         # simulator and samplers only (~1 minute)
"""

from __future__ import annotations

import argparse
import logging
import tempfile
import time
from pathlib import Path

import numpy as np

from lmxsim.fit.priors import default_priors
from lmxsim.fit.run import Settings, run_fit, stop_reason
from lmxsim.fit.synthetic import draw_truth, recovery_team, synthetic_survey

WEEKS = [4, 13, 26]


def _problem(seed: int = 0):
    priors = default_priors()
    team = recovery_team(9, seed=seed)
    truth = draw_truth(priors, 9, np.random.default_rng(seed))
    return synthetic_survey(team, WEEKS, priors, truth, seed=seed), priors


def simulator_speed(sim, priors) -> None:
    rng = np.random.default_rng(1)
    for batch in (1, 16, 64, 256):
        rows = [{p.name: rng.uniform(p.low, p.high) for p in priors.parameters} for _ in range(batch)]
        wall0, cpu0, runs = time.perf_counter(), time.process_time(), 0
        while time.perf_counter() - wall0 < 3:
            sim.simulate(rows, np.random.SeedSequence(runs))
            runs += batch
        wall, cpu = time.perf_counter() - wall0, time.process_time() - cpu0
        print(f"simulator, batch of {batch:>3}: {runs / wall:7.0f} sims/s wall, {runs / cpu:7.0f} sims/s CPU")


def fit(sim, priors, settings: Settings, label: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        wall0, cpu0 = time.perf_counter(), time.process_time()
        result = run_fit(sim, priors, Path(folder), settings)
        wall, cpu = time.perf_counter() - wall0, time.process_time() - cpu0
    sims = result.simulations
    inside = result.simulate_seconds
    print(
        f"{label}: {sims:,} simulations, {len(result.generations)} generations, {wall:.0f} s wall "
        f"({cpu:.0f} s CPU in this process): {sims / wall:.0f} sims/s; stopped: {stop_reason(result.stopped)}"
    )
    if inside == inside:  # the batch sampler knows the simulator's share
        print(
            f"  where the time went: simulator {inside:.0f} s ({inside / wall:.0%}), pyABC and the rest "
            f"{wall - inside:.0f} s ({1 - inside / wall:.0%}: proposals, densities, distance, database)"
        )
    for g in result.generations:
        print(
            f"  generation {g['generation'] + 1}: {g['simulations']:>6} sims, accepted {g['accepted']}, "
            f"epsilon {g['epsilon']:.3g}, at {g['seconds']:.0f} s"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="skip the default fit")
    parser.add_argument(
        "--samplers", action="store_true", help="also pyABC's single-core and multicore samplers"
    )
    args = parser.parse_args()
    logging.getLogger("ABC").setLevel(logging.WARNING)
    sim, priors = _problem()
    simulator_speed(sim, priors)
    if args.samplers or args.quick:
        budget = Settings(population=200, generations=2, adaptive_population=False)
        fit(sim, priors, budget, "batch sampler, 200 particles x 2 generations")
        for kind in ("single", "multicore"):
            fit(sim, priors, Settings(**{**budget.__dict__, "sampler": kind}), f"pyABC {kind}, same budget")
    if not args.quick:
        fit(sim, priors, Settings(), "default fit (lmxsim fit defaults)")


if __name__ == "__main__":
    main()
