"""Which parameters a fit estimates, and their priors: a small TOML, defaults from params.py.

    [parameters]                      # model parameters (lmxsim params); uniform priors
    first_impression_noise = {}       # {} = the range params.py allows
    leader_trust_rate = {low = 0.05, high = 0.8}

    [measurement]                     # item-model parameters (lmxsim/model/measurement.py)
    leader_bias = {low = -0.5, high = 0.5}

    [people]
    first_impression = true           # infer the leader's first impression of each person

Everything not listed stays at its calibrated default (Params(), Measurement()).
Without a file, DEFAULT_FITTED is used: the parameters the Sobol analysis of the facts
(docs/figures/differentiation-sobol.csv) finds drive LMX spread most, for a given team.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from lmxsim.fit import FitError
from lmxsim.model.measurement import MEASUREMENT_FIELDS
from lmxsim.model.params import PARAMETERS

# first_impression_noise (ST .59) and leader_trust_rate (ST .13-.41) lead the Sobol table for
# LMX differentiation; confirmation_bias (ST .12 at week 26) is the anchoring that the issue's
# prototype could not identify: fitting it shows what the data say about it. ability_sd (ST .29)
# does not apply when the team file gives each person's ability.
DEFAULT_FITTED = ("first_impression_noise", "leader_trust_rate", "confirmation_bias")
PERSON_PREFIX = "z_"  # z_<i>: person i's first impression, in SDs of first_impression_noise from ability
MEASUREMENT_PREFIX = "measurement."


@dataclass(frozen=True)
class Prior:
    name: str  # the pyABC parameter name (model name, measurement.<name>)
    low: float
    high: float

    @property
    def width(self) -> float:
        return self.high - self.low


@dataclass
class Priors:
    """Uniform priors for the fitted parameters, plus whether per-person first impressions are inferred."""

    parameters: list[Prior] = field(default_factory=list)
    people: bool = True

    @property
    def names(self) -> list[str]:
        return [p.name for p in self.parameters]


def default_priors(fitted: tuple[str, ...] = DEFAULT_FITTED, people: bool = True) -> Priors:
    return Priors([_prior(name, {}, "default") for name in fitted], people)


def load_priors(path: str | Path | None) -> Priors:
    """Read a priors TOML (None: the defaults)."""
    if path is None:
        return default_priors()
    path = Path(path)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise FitError(f"priors file {path} does not exist") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        raise FitError(f"{path}: not valid TOML ({error})") from None
    unknown = set(data) - {"parameters", "measurement", "people"}
    if unknown:
        raise FitError(
            f"{path}: unknown section [{sorted(unknown)[0]}] (allowed: parameters, measurement, people)"
        )
    priors = []
    for name, spec in data.get("parameters", {}).items():
        priors.append(_prior(name, spec, str(path)))
    for name, spec in data.get("measurement", {}).items():
        priors.append(_prior(MEASUREMENT_PREFIX + name, spec, str(path)))
    people = data.get("people", {})
    if set(people) - {"first_impression"}:
        raise FitError(f"{path}, [people]: only first_impression = true/false is allowed")
    infer = people.get("first_impression", True)
    if not isinstance(infer, bool):
        raise FitError(f"{path}, [people] first_impression = {infer!r}: use true or false")
    if not priors and not infer:
        raise FitError(f"{path}: nothing to fit (no parameters, and [people] first_impression = false)")
    return Priors(priors, infer)


def _prior(name: str, spec: object, where: str) -> Prior:
    if name.startswith(MEASUREMENT_PREFIX):
        short = name.removeprefix(MEASUREMENT_PREFIX)
        fields = MEASUREMENT_FIELDS
        if short not in fields:
            raise FitError(f"{where}: unknown measurement parameter {short!r} (allowed: {', '.join(fields)})")
        meta = fields[short].metadata
    else:
        if name not in PARAMETERS or PARAMETERS[name].type in ("bool", bool):
            raise FitError(f"{where}: {name!r} is not a numeric model parameter (see `lmxsim params`)")
        meta = PARAMETERS[name].metadata
    if not isinstance(spec, dict) or set(spec) - {"low", "high"}:
        raise FitError(f"{where}: {name} = {spec!r}: give {{}} or {{low = ..., high = ...}}")
    low, high = spec.get("low", meta["low"]), spec.get("high", meta["high"])
    for label, value in (("low", low), ("high", high)):
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise FitError(f"{where}: {name}.{label} = {value!r} is not a number")
        if not meta["low"] <= value <= meta["high"]:
            raise FitError(
                f"{where}: {name}.{label} = {value} is outside the allowed range "
                f"{meta['low']} to {meta['high']}"
            )
    if not low < high:
        raise FitError(f"{where}: {name}: low ({low}) must be below high ({high})")
    return Prior(name, float(low), float(high))
