"""Find default parameters that put every stylized fact inside its band (docs/ODD.md section 7).

A documented search, reproducible from its seed:

1. a scrambled Sobol sample (scipy.stats.qmc) of the behavioural parameters in SEARCH,
   each candidate scored on the facts of lmxsim.science.facts over `--seeds` root seeds (batch
   engine), the loss being how far each fact's mean lies outside its band, measured in
   units of its margin, plus a penalty for each band the candidate passes by less than
   the margin;
2. a coordinate refinement around the best candidate (each parameter moved by +-10%
   and +-25% of its search range, kept when the loss falls);
3. the ablation check: every mechanism in lmxsim.science.facts.ABLATIONS switched off must move
   at least one fact out of its band.

    uv run python experiments/calibrate.py --samples 256 --seeds 2 --out results/calibration.json

The defaults in lmxsim/model/params.py came from this search (the JSON it writes lists the
candidate, the facts and the ablation matrix); docs/ODD.md section 7 tells which facts
constrain which parameters.
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

import numpy as np
from scipy.stats import qmc

from lmxsim.model.params import Params
from lmxsim.science.facts import FACTS, Bench

# (low, high) of the search; the allowed ranges in params.py are wider.
SEARCH = {
    "initial_confidence": (0.05, 0.5),
    "confidence_gain": (0.02, 0.2),
    "belief_rate": (0.4, 1.0),
    "confirmation_bias": (0.05, 0.6),
    "routine_noise": (0.25, 0.6),
    "observation_noise": (0.02, 0.15),
    "first_impression_noise": (0.08, 0.3),
    "ability_sd": (0.06, 0.14),
    "leader_trust_rate": (0.05, 0.3),
    "autonomy_rate": (0.05, 0.3),
    "performance_noise": (0.08, 0.2),
    "opportunity_floor": (0.05, 0.4),
    "routine_hides": (0.4, 1.0),
    "initial_autonomy": (0.2, 0.7),
    "member_expectation_weight": (0.1, 0.45),
    "propensity_weight": (0.1, 0.4),
    "trust_propensity_sd": (0.15, 0.5),
    "unfairness_weight": (0.2, 1.0),
    "stranger_learning": (0.2, 1.0),
    "acquaintance_learning": (0.3, 1.0),
    "mature_learning": (0.1, 0.6),
    "safety_differentiation_weight": (0.5, 3.0),
    "climate_sd": (0.03, 0.2),
    "settle_speed": (0.05, 0.5),
    "settle_threshold": (0.002, 0.02),
    "plasticity_floor": (0.05, 0.4),
    "initial_skill": (0.7, 0.95),
    "effort_floor": (0.3, 0.8),
    "skill_rate": (0.02, 0.08),
    "attention_budget": (0.25, 0.5),
    "motivation_trust_share": (0.3, 0.8),
    "safety_trust_weight": (0.2, 0.8),
    "opportunity_curve": (0.3, 1.0),
    "firefighting_weight": (1.0, 8.0),
}
# How close to a band edge a fact's mean may come before it is penalised: a share of the
# band's width, capped for the one-sided bands.
MARGIN_SHARE = 0.15
MARGIN_CAP = 0.05


def margin(fact) -> float:
    return min(MARGIN_SHARE * (fact.high - fact.low), MARGIN_CAP)


def fact_means(params: Params, seeds: int, replications: int) -> dict[str, float]:
    judged: dict[str, list[float]] = {f.key: [] for f in FACTS}
    for seed in range(1, seeds + 1):
        bench = Bench(params, seed, replications)
        for fact in FACTS:
            judged[fact.key].append(fact.evaluate(bench)[1])
    return {k: float(np.mean(v)) for k, v in judged.items()}


def loss(means: dict[str, float]) -> float:
    total = 0.0
    for fact in FACTS:
        value, m = means[fact.key], margin(fact)
        if not np.isfinite(value):
            total += 10.0
            continue
        outside = max(fact.low - value, value - fact.high, 0.0) / m
        near = max(fact.low + m - value, value - (fact.high - m), 0.0) / m
        total += outside * 3.0 + min(near, 1.0)
    return total


def candidate(values: dict[str, float], base: Params) -> Params | None:
    try:
        return base.replace(**values)
    except ValueError:
        return None


def search(samples: int, seeds: int, replications: int, seed: int, start: dict) -> tuple[dict, float, dict]:
    names = list(SEARCH)
    low = np.array([SEARCH[n][0] for n in names])
    high = np.array([SEARCH[n][1] for n in names])
    base = Params()
    best = {n: getattr(base, n) for n in names} | start
    best_params = candidate(best, base)
    best_means = fact_means(best_params, seeds, replications)
    best_loss = loss(best_means)
    print(f"start: loss {best_loss:.2f}", flush=True)
    sample = qmc.Sobol(len(names), scramble=True, seed=seed).random(samples)
    for i, row in enumerate(low + sample * (high - low)):
        values = dict(zip(names, (float(v) for v in row), strict=True))
        params = candidate(values, base)
        if params is None:
            continue
        means = fact_means(params, seeds, replications)
        score = loss(means)
        if score < best_loss:
            best, best_loss, best_means = values, score, means
            print(f"sample {i}: loss {score:.2f}", flush=True)
    for step in (0.25, 0.1, 0.05):
        improved = True
        while improved:
            improved = False
            for n in names:
                for sign in (-1, 1):
                    trial = dict(best)
                    width = SEARCH[n][1] - SEARCH[n][0]
                    trial[n] = float(np.clip(best[n] + sign * step * width, *SEARCH[n]))
                    params = candidate(trial, base)
                    if params is None or trial[n] == best[n]:
                        continue
                    means = fact_means(params, seeds, replications)
                    score = loss(means)
                    if score < best_loss - 1e-9:
                        best, best_loss, best_means, improved = trial, score, means, True
                        print(f"refine {n} {trial[n]:.4g}: loss {score:.2f}", flush=True)
    return best, best_loss, best_means


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--samples", type=int, default=256)
    parser.add_argument("--seeds", type=int, default=2)
    parser.add_argument("--replications", type=int, default=300)
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--start", type=Path, help="JSON of parameter values to start from")
    parser.add_argument("--out", type=Path, default=Path("results/calibration.json"))
    args = parser.parse_args()
    start = json.loads(args.start.read_text())["params"] if args.start else {}
    began = time.time()
    best, best_loss, means = search(args.samples, args.seeds, args.replications, args.seed, start)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    result = {"params": best, "loss": best_loss, "facts": means, "seconds": round(time.time() - began)}
    args.out.write_text(json.dumps(result, indent=2))
    for fact in FACTS:
        ok = fact.low <= means[fact.key] <= fact.high
        print(f"{fact.key:4} {means[fact.key]:8.3f}  [{fact.low:g}, {fact.high:g}]  {'ok' if ok else 'OUT'}")
    print(f"loss {best_loss:.2f}; written to {args.out}")


if __name__ == "__main__":
    main()
