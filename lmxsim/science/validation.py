"""Validation over many seeds, and the ablation matrix: which facts need which mechanism.

`summarise` runs every fact for root seeds 1..S and reports its mean, a t-based 95%
interval over seeds, and the share of seeds whose value lies in the band. `ablate`
switches each mechanism off (ABLATIONS) and lists the facts whose mean over the same
seeds leaves the band: a fact supports a mechanism only if that happens (docs/ODD.md).
Seeds are independent, so they run in worker processes; the result does not depend on
the number of workers.
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterable
from concurrent.futures import Executor
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import numpy as np

from lmxsim.model.params import PARAMETERS, ParameterError, Params
from lmxsim.science.facts import FACTS, HORIZON, REPLICATIONS, Bench, mean_interval
from lmxsim.science.rivals import RIVALS, Rival


@dataclass(frozen=True)
class Ablation:
    mechanism: str
    switch: dict[str, Any]  # parameter values that remove the mechanism
    meaning: str


ABLATIONS = [
    Ablation("anchoring", {"initial_confidence": 0.0, "confidence_gain": 0.0},
             "the leader never grows sure: every observation, late or early, weighs as much as the first"),
    Ablation("confirmation bias", {"confirmation_bias": 0.0}, "disconfirming evidence counts in full"),
    Ablation("phase learning rates", {"acquaintance_learning": 1.0},
             "every phase learns as fast as strangers"),
    Ablation("stabilisation", {"settle_speed": 0.0}, "relationships never lose plasticity"),
    Ablation("trust-driven attention", {"attention_equality": 1.0}, "everyone gets the same attention"),
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


def _judge_seed(args: tuple[dict, int, int, int]) -> list[float]:
    values, seed, replications, weeks = args
    bench = Bench(Params.from_dict(values), seed, replications, weeks)
    return [fact.evaluate(bench)[1] for fact in FACTS]


def _judged(
    params: Params, seeds: int, replications: int, executor: Executor | None, weeks: int = HORIZON
) -> np.ndarray:
    """(seeds, facts) judged values."""
    jobs = [(params.to_dict(), seed, replications, weeks) for seed in range(1, seeds + 1)]
    rows = executor.map(_judge_seed, jobs) if executor else map(_judge_seed, jobs)
    return np.array(list(rows), dtype=float)


def summarise(
    params: Params | None = None,
    seeds: int = 20,
    replications: int = REPLICATIONS,
    executor: Executor | None = None,
    weeks: int = HORIZON,
) -> list[FactSummary]:
    judged = _judged(params or Params(), seeds, replications, executor, weeks)
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


def compare_rivals(
    seeds: int = 20,
    replications: int = REPLICATIONS,
    executor: Executor | None = None,
    rivals: Iterable[Rival] = RIVALS,
) -> list[dict[str, Any]]:
    """Per rival (its shipped, re-tuned parameters): every fact's mean and share of seeds in
    band, and the facts whose mean leaves the band (the evidence against the rival)."""
    rows = []
    for rival in rivals:
        params = rival.params()
        summaries = summarise(params, seeds, replications, executor)
        rows.append(
            {
                "name": rival.name,
                "removes": rival.removes,
                "params": params.to_dict(),
                "failed": [s.id for s in summaries if not s.inside],
                "facts": [
                    {"id": s.id, "mean": _finite(s.mean), "band": s.band, "pass_share": s.pass_share}
                    for s in summaries
                ],
            }
        )
    return rows


ROBUSTNESS_CHANGES = (-0.25, -0.10, 0.10, 0.25)


def robustness_cases(params: Params, names: Iterable[str] | None = None) -> list[tuple[str, float, Params]]:
    """Every numeric parameter changed by -25, -10, +10 and +25% of its value, one at a time,
    where the changed value stays inside the parameter's allowed range (and the result is valid)."""
    cases = []
    for name in names or PARAMETERS:
        value = getattr(params, name)
        if isinstance(value, bool) or value == 0:
            continue
        meta = PARAMETERS[name].metadata
        for change in ROBUSTNESS_CHANGES:
            moved = value * (1 + change)
            if not meta["low"] <= moved <= meta["high"]:
                continue
            try:
                cases.append((name, change, params.replace(**{name: moved})))
            except ParameterError:
                continue
    return cases


def robustness(
    params: Params | None = None,
    seeds: int = 20,
    replications: int = REPLICATIONS,
    executor: Executor | None = None,
    names: Iterable[str] | None = None,
    weeks: int = HORIZON,
) -> list[dict[str, Any]]:
    """Per case of robustness_cases: the facts whose mean over seeds leaves its band."""
    rows = []
    for name, change, changed in robustness_cases(params or Params(), names):
        summaries = summarise(changed, seeds, replications, executor, weeks)
        rows.append(
            {"param": name, "change": change, "out_of_band": [s.id for s in summaries if not s.inside]}
        )
    return rows


def robustness_summary(rows: list[dict[str, Any]], already_out: Iterable[str] = ()) -> dict[str, Any]:
    """Share of the +-10% and of the +-25% cases that keep every fact in band; facts out of band
    at the starting parameters (`already_out`) are not counted against a change."""
    known = set(already_out)
    summary: dict[str, Any] = {}
    for size in (0.10, 0.25):
        cases = [r for r in rows if abs(abs(r["change"]) - size) < 1e-9]
        held = [r for r in cases if not set(r["out_of_band"]) - known]
        summary[f"{size:.0%}"] = {"cases": len(cases), "hold": len(held)}
    return summary


def load_params_file(path: Path) -> Params:
    """The `[params]` table of a TOML file (a preset, a calibration result, a rival), on top
    of the defaults; every other table is ignored. Problems raise ConfigError naming the file."""
    from lmxsim.team.config import ConfigError

    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ConfigError(f"parameter file {path} does not exist") from None
    except IsADirectoryError:
        raise ConfigError(f"parameter file {path} is a folder, not a TOML file") from None
    except OSError as error:
        raise ConfigError(f"parameter file {path} cannot be read ({error.strerror})") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        raise ConfigError(f"{path}: not a valid TOML file ({error})") from None
    table = data.get("params")
    if not isinstance(table, dict):
        raise ConfigError(f"{path}: has no [params] table (give parameters as name = value under [params])")
    problems = []
    for name, value in table.items():
        try:
            Params.from_dict({name: value})
        except ParameterError as error:
            problems.append(str(error))
    if problems:
        raise ConfigError(f"{path}: [params] " + "; ".join(problems))
    try:
        return Params.from_dict(table)
    except ParameterError as error:
        raise ConfigError(f"{path}: [params] {error}") from None


def _finite(value: Any) -> Any:
    """JSON has no NaN: an unmeasurable value is null."""
    if isinstance(value, float):
        return value if np.isfinite(value) else None
    if isinstance(value, list):
        return [_finite(v) for v in value]
    return value


def as_json(
    facts: list[FactSummary],
    ablations: list[dict] | None,
    rivals: list[dict] | None = None,
    robust: list[dict] | None = None,
) -> dict[str, Any]:
    out: dict[str, Any] = {
        "facts": [{k: _finite(v) for k, v in asdict(f).items()} for f in facts],
        "ablations": [{k: a[k] for k in ("mechanism", "switch", "out_of_band")} for a in ablations or []],
    }
    if rivals is not None:
        out["rivals"] = rivals
    if robust is not None:
        out["robustness"] = robust
        out["robustness_summary"] = robustness_summary(robust, [f.id for f in facts if not f.inside])
    return out
