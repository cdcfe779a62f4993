"""Validation over many seeds, and the ablation matrix: which facts need which mechanism.

`summarise` runs every fact for root seeds 1..S and reports its mean, a t-based 95%
interval over seeds, and the share of seeds whose value lies in the band. `ablate`
switches each mechanism off (ABLATIONS) and lists the facts whose mean over the same
seeds leaves the band: a fact supports a mechanism only if that happens (docs/ODD.md).
Seeds are independent, so they run in worker processes; the result does not depend on
the number of workers.
"""

from __future__ import annotations

from collections.abc import Iterable
from concurrent.futures import Executor
from dataclasses import asdict, dataclass
from typing import Any

import numpy as np

from lmxsim.model.params import Params
from lmxsim.science.facts import FACTS, REPLICATIONS, Bench, mean_interval


@dataclass(frozen=True)
class Ablation:
    mechanism: str
    switch: dict[str, Any]  # parameter values that remove the mechanism
    meaning: str


ABLATIONS = [
    Ablation("anchoring", {"initial_confidence": 0.0, "stranger_learning": 1.0},
             "the first impression carries no confidence and a stranger's first weeks count in full"),
    Ablation("confirmation bias", {"confirmation_bias": 0.0}, "disconfirming evidence counts in full"),
    Ablation("phase learning rates", {"acquaintance_learning": 1.0, "mature_learning": 1.0},
             "every phase learns as fast as strangers"),
    Ablation("stabilisation", {"settle_speed": 0.0}, "relationships never lose plasticity"),
    Ablation("trust-driven attention", {"attention_equality": 100.0}, "everyone gets the same attention"),
    Ablation("routine-work observation noise", {"routine_noise": 0.0}, "routine work shows ability as well"),
    Ablation("autonomy follows trust (the loop)", {"autonomy_follows_trust": False},
             "everyone gets the same latitude"),
    Ablation("member-side expectation", {"member_expectation_weight": 0.0},
             "the member's expectation does not colour their trust"),
    Ablation("safety drives reporting", {"reporting_safety_weight": 0.0, "reporting_floor": 0.5},
             "half of all problems are reported, whatever the safety"),
    Ablation("differentiation hurts safety", {"safety_differentiation_weight": 0.0},
             "the split does not lower safety directly"),
    Ablation("fire cost", {"fire_cost": 0.0}, "fires cost no output"),
    Ablation("fires crowd out attention", {"firefighting_weight": 0.0},
             "fires take none of the leader's time"),
]  # fmt: skip


@dataclass
class FactSummary:
    id: str
    name: str
    source: str
    band: list[float]
    mean: float
    ci: list[float]
    pass_share: float

    @property
    def inside(self) -> bool:
        return bool(self.band[0] <= self.mean <= self.band[1])


def _judge_seed(args: tuple[dict, int, int]) -> list[float]:
    values, seed, replications = args
    bench = Bench(Params.from_dict(values), seed, replications)
    return [fact.evaluate(bench)[1] for fact in FACTS]


def _judged(params: Params, seeds: int, replications: int, executor: Executor | None) -> np.ndarray:
    """(seeds, facts) judged values."""
    jobs = [(params.to_dict(), seed, replications) for seed in range(1, seeds + 1)]
    rows = executor.map(_judge_seed, jobs) if executor else map(_judge_seed, jobs)
    return np.array(list(rows), dtype=float)


def summarise(
    params: Params | None = None,
    seeds: int = 20,
    replications: int = REPLICATIONS,
    executor: Executor | None = None,
) -> list[FactSummary]:
    judged = _judged(params or Params(), seeds, replications, executor)
    summaries = []
    for j, fact in enumerate(FACTS):
        column = judged[:, j]
        mean, low, high = mean_interval(column)
        inside = (column >= fact.low) & (column <= fact.high)
        summaries.append(
            FactSummary(fact.key, fact.claim, fact.source, [fact.low, fact.high], mean, [low, high],
                        float(inside.mean()))
        )  # fmt: skip
    return summaries


def ablate(
    seeds: int = 20,
    replications: int = REPLICATIONS,
    executor: Executor | None = None,
    ablations: Iterable[Ablation] = ABLATIONS,
) -> list[dict[str, Any]]:
    """Per mechanism: its switch and the facts whose mean leaves the band without it."""
    rows = []
    for ablation in ablations:
        params = Params().replace(**ablation.switch)
        summaries = summarise(params, seeds, replications, executor)
        rows.append(
            {
                "mechanism": ablation.mechanism,
                "switch": ablation.switch,
                "out_of_band": [s.id for s in summaries if not s.inside],
                "means": {s.id: s.mean for s in summaries},
            }
        )
    return rows


def _finite(value: Any) -> Any:
    """JSON has no NaN: an unmeasurable value is null."""
    if isinstance(value, float):
        return value if np.isfinite(value) else None
    if isinstance(value, list):
        return [_finite(v) for v in value]
    return value


def as_json(facts: list[FactSummary], ablations: list[dict] | None) -> dict[str, Any]:
    return {
        "facts": [{k: _finite(v) for k, v in asdict(f).items()} for f in facts],
        "ablations": [{k: a[k] for k in ("mechanism", "switch", "out_of_band")} for a in ablations or []],
    }
