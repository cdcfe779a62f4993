"""Which parameters a fit estimates, and their priors: a small TOML, defaults from params.py.

    [parameters]                      # model parameters (lmxsim params); uniform priors
    first_impression_noise = {}       # {} = the range params.py allows
    leader_trust_rate = {low = 0.05, high = 0.8}

    [measurement]                     # item-model parameters (lmxsim/model/measurement.py)
    leader_bias = {low = -0.5, high = 0.5}

    [people]
    first_impression = true           # infer the leader's first impression of each person

Everything not listed stays at its calibrated default (Params(), Measurement()).

Two default sets. CANDIDATES are the leader parameters worth fitting at all: the Sobol
analysis of the facts (docs/figures/differentiation-sobol.csv) finds them driving LMX spread
most, for a given team; the design study (`lmxsim fit-design`, lmxsim/fit/design.py) uses
them. IDENTIFIED is what `lmxsim fit` fits without a priors file (issue 26 req 7, "identified
first"): the candidates the common designs of the design study identify (docs/fitting.md,
the design table). The others are held at their defaults unless asked (`--fit NAME`), and the
fit says so (`held`).
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from lmxsim.fit import FitError
from lmxsim.model.measurement import MEASUREMENT_FIELDS
from lmxsim.model.params import PARAMETERS, Params

# first_impression_noise (ST .59) and leader_trust_rate (ST .13-.41) lead the Sobol table for
# LMX differentiation; confirmation_bias (ST .12 at week 26) is the anchoring that the issue's
# prototype could not identify: fitting it shows what the data say about it. ability_sd (ST .29)
# does not apply when the team file gives each person's ability.
CANDIDATES = ("first_impression_noise", "leader_trust_rate", "confirmation_bias")
DEFAULT_FITTED = CANDIDATES  # the design study's and the library's default (default_priors)
# The design study (docs/fitting.md, measured 6 December 2026, R = 10 per design): with 20 teams x
# 3 waves first_impression_noise shrinks to 53-60% of its prior's width and leader_trust_rate to
# 60-65% (posterior means following the truth, r .77-.93), with one team to 78-83%;
# confirmation_bias to 85-94% in every design (86-93% with twenty teams and leader ratings, and
# with a bigger budget; 79-83% with forty teams, with or without objective performance), r .20-.85.
# So the fit's default set leaves confirmation_bias at its default.
IDENTIFIED = ("first_impression_noise", "leader_trust_rate")
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


def held(priors: Priors) -> dict[str, float]:
    """The candidates this fit does not fit, with the default value they are held at."""
    base = Params()
    return {name: float(getattr(base, name)) for name in CANDIDATES if name not in priors.names}


def fit_priors(path: str | Path | None, also: list[str] | tuple[str, ...] = (), lang: str = "en") -> Priors:
    """What `lmxsim fit` (and the strategy lab's fit) estimates: the priors file if given, else the
    identified-first set (IDENTIFIED); `also` adds model parameters (`--fit confirmation_bias`)
    with the range params.py allows."""
    from lmxsim.texts import t

    chosen = load_priors(path) if path is not None else default_priors(IDENTIFIED)
    for name in also:
        if name in chosen.names:
            continue
        if name not in PARAMETERS or PARAMETERS[name].type in ("bool", bool):
            allowed = ", ".join(CANDIDATES)
            raise FitError(t("fit.fit_unknown", lang, name=repr(name), allowed=allowed))
        chosen.parameters.append(_prior(name, {}, "--fit"))
    return chosen


def load_priors(path: str | Path | None, fitted: tuple[str, ...] = CANDIDATES) -> Priors:
    """Read a priors TOML (None: `fitted` with their allowed ranges; the design study's CANDIDATES)."""
    if path is None:
        return default_priors(fitted)
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
