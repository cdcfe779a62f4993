"""The sweep file (TOML): what to vary, how to sample it, what to record.

A sweep file is validated completely before any run starts, so a typo in
row 40 of a design never costs an hour of computing. Every error names the
file, the field, the value and what is allowed (see docs/sweeps.md).
"""

from __future__ import annotations

import hashlib
import math
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from lmxsim.engine.batch import MEMBER_STATE
from lmxsim.io.limits import MAX_REPLICATIONS, MAX_WEEKS, sweep_runs_problem
from lmxsim.io.rules import check_whole
from lmxsim.model.measures import TEAM_MEASURES
from lmxsim.model.params import PARAMETERS, ParameterError, Params, unknown_hint
from lmxsim.team.config import ConfigError, Scenario, load_config, load_scenario, scenario_from_dict
from lmxsim.team.members import MAX_TEAM

DESIGNS = ("grid", "lhs", "sobol", "morris")
ENGINES = ("batch", "mesa")
MEMBER_OUTCOMES = (*MEMBER_STATE, "lmx7")
TOP_LEVEL = {
    "title",
    "description",
    "scenario",
    "team_size",
    "weeks",
    "replications",
    "seed",
    "engine",
    "params",
    "design",
    "vary",
    "outcomes",
}
DESIGN_FIELDS = {"kind", "samples", "second_order", "levels"}
OUTCOME_FIELDS = {"team", "weeks", "members", "member_weeks"}
RANGE_FIELDS = {"low", "high", "steps"}


class SweepError(ConfigError):
    """A sweep file or sweep directory is not valid (the message says where and why)."""


@dataclass(frozen=True)
class Varied:
    """One varied parameter: explicit levels, or a range low..high (with steps for a grid)."""

    name: str
    levels: tuple[Any, ...] | None = None
    low: float | None = None
    high: float | None = None
    steps: int | None = None

    @property
    def is_bool(self) -> bool:
        return PARAMETERS[self.name].type in ("bool", bool)

    def grid_levels(self) -> list[Any]:
        if self.levels is not None:
            return list(self.levels)
        assert self.low is not None and self.high is not None and self.steps is not None
        step = (self.high - self.low) / (self.steps - 1)
        return [round(self.low + step * i, 12) for i in range(self.steps)]  # 0.3, not 0.30000000000000004


@dataclass(frozen=True)
class Outcomes:
    """What is recorded: team measures at chosen weeks, optionally member variables."""

    team: tuple[str, ...]
    weeks: tuple[int, ...]
    members: tuple[str, ...] = ()
    member_weeks: tuple[int, ...] = ()


@dataclass
class SweepSpec:
    """A validated sweep. `text` and `digest` pin down exactly which file produced a result set."""

    path: Path
    text: str
    digest: str
    scenario: Scenario
    scenario_source: str
    params: Params
    team_size: int | None
    weeks: int
    replications: int
    seed: int | None
    engine: str
    design: str
    samples: int | None
    second_order: bool
    morris_levels: int
    vary: list[Varied]
    outcomes: Outcomes
    title: str = ""
    description: str = ""
    fixed: dict[str, Any] = field(default_factory=dict)

    @property
    def names(self) -> list[str]:
        return [v.name for v in self.vary]


def load_sweep(path: str | Path) -> SweepSpec:
    """Read and validate a sweep file; raises SweepError with one clear message."""
    path = Path(path)
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise SweepError(f"sweep file {path} does not exist") from None
    except IsADirectoryError:
        raise SweepError(f"sweep file {path} is a directory, not a TOML file") from None
    try:
        text = raw.decode("utf-8")
        data = tomllib.loads(text)
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        raise SweepError(f"{path}: not a valid TOML file ({error})") from None
    return parse_sweep(data, path, text)


def parse_sweep(data: dict[str, Any], path: Path, text: str) -> SweepSpec:
    where = str(path)
    unknown = sorted(set(data) - TOP_LEVEL)
    if unknown:
        raise SweepError(
            f"{where}: unknown field(s) {', '.join(unknown)} (allowed: {', '.join(sorted(TOP_LEVEL))})"
        )
    scenario, source, scenario_text = _base_scenario(data.get("scenario"), path)
    fixed = _table(data.get("params", {}), "params", where)
    try:
        params = scenario.params.replace(**fixed)
    except ParameterError as error:
        raise SweepError(f"{where}: [params] {error}") from None

    team_size = _whole(data, "team_size", where, 1, MAX_TEAM, None)
    weeks = _whole(data, "weeks", where, 1, MAX_WEEKS, scenario.weeks)
    replications = _whole(data, "replications", where, 1, MAX_REPLICATIONS, 10)
    seed = _whole(data, "seed", where, 0, 2**128 - 1, None)
    engine = data.get("engine", "batch")
    if engine not in ENGINES:
        raise SweepError(f"{where}: engine = {engine!r} is not allowed (allowed: {', '.join(ENGINES)})")

    design = _table(data.get("design", {}), "design", where)
    unknown = sorted(set(design) - DESIGN_FIELDS)
    if unknown:
        raise SweepError(
            f"{where}: [design] unknown field(s) {', '.join(unknown)} "
            f"(allowed: {', '.join(sorted(DESIGN_FIELDS))})"
        )
    kind = design.get("kind", "grid")
    if kind not in DESIGNS:
        raise SweepError(f"{where}: design.kind = {kind!r} is not allowed (allowed: {', '.join(DESIGNS)})")
    samples = _whole(design, "samples", f"{where}: design", 1, 10_000_000, None)
    if kind != "grid" and samples is None:
        raise SweepError(
            f"{where}: design.samples is missing: a {kind} design needs it ({_SAMPLES_MEANING[kind]})"
        )
    if kind == "grid" and samples is not None:
        raise SweepError(f"{where}: design.samples = {samples} is not used by a grid design; remove it")
    if kind == "sobol" and samples & (samples - 1):
        raise SweepError(
            f"{where}: design.samples = {samples} is not allowed for a sobol design "
            f"(a power of two, e.g. 64, 128, 256: Sobol sequences lose balance otherwise)"
        )
    second_order = design.get("second_order", False)
    if not isinstance(second_order, bool):
        raise SweepError(f"{where}: design.second_order = {second_order!r} is not allowed (true or false)")
    morris_levels = _whole(design, "levels", f"{where}: design", 2, 100, 4)
    if kind != "morris" and "levels" in design:
        raise SweepError(f"{where}: design.levels is only used by a morris design; remove it")

    vary = _vary(data.get("vary"), kind, where)
    for name in fixed:
        if name in {v.name for v in vary}:
            raise SweepError(f"{where}: parameter {name} is both fixed in [params] and varied in [vary]")
    if kind == "morris" and morris_levels % 2:
        raise SweepError(
            f"{where}: design.levels = {morris_levels} is not allowed for morris (an even number, e.g. 4)"
        )
    if kind in ("sobol", "morris") and len(vary) < 2:
        raise SweepError(f"{where}: a {kind} design needs at least two varied parameters in [vary]")

    outcomes = _outcomes(data.get("outcomes", {}), weeks, where)
    digest = hashlib.sha256((text + "\0" + scenario_text).encode("utf-8")).hexdigest()
    spec = SweepSpec(
        path=path,
        text=text,
        digest=digest,
        scenario=scenario,
        scenario_source=source,
        params=params,
        team_size=team_size,
        weeks=weeks,
        replications=replications,
        seed=seed,
        engine=engine,
        design=kind,
        samples=samples,
        second_order=second_order,
        morris_levels=morris_levels,
        vary=vary,
        outcomes=outcomes,
        title=str(data.get("title", "")),
        description=str(data.get("description", "")),
        fixed=fixed,
    )
    problem = sweep_runs_problem(design_size(spec), replications)
    if problem:
        raise SweepError(f"{where}: {problem}")
    return spec


_SAMPLES_MEANING = {
    "lhs": "the number of design points",
    "sobol": "the base sample N, a power of two; N*(D+2) points",
    "morris": "the number of trajectories r; r*(D+1) points",
}


def _base_scenario(value: Any, path: Path) -> tuple[Scenario, str, str]:
    """The scenario the sweep starts from: a preset name, a file next to the sweep, or inline."""
    where = str(path)
    if value is None:
        return Scenario(name="default"), "default parameters, drawn teams", ""
    if isinstance(value, dict):
        try:
            return scenario_from_dict(value, name="inline", where=f"{where}: [scenario]"), "inline", ""
        except ConfigError as error:
            raise SweepError(str(error)) from None
    if not isinstance(value, str) or not value:
        raise SweepError(
            f"{where}: scenario = {value!r} is not allowed "
            "(a preset name, a path to a scenario .toml file, or a [scenario] table)"
        )
    if value.endswith(".toml") or "/" in value:
        scenario_path = (path.parent / value).resolve()
        try:
            scenario = load_config(scenario_path)
        except ConfigError as error:
            raise SweepError(f"{where}: scenario = {value!r}: {error}") from None
        return scenario, str(scenario_path), scenario_path.read_text(encoding="utf-8")
    try:
        scenario = load_scenario(value)
    except ConfigError as error:
        raise SweepError(f"{where}: scenario: {error}") from None
    from lmxsim.team.config import SCENARIO_DIR

    preset = SCENARIO_DIR / f"{value}.toml"
    return scenario, f"preset {value}", preset.read_text(encoding="utf-8")


def _vary(value: Any, kind: str, where: str) -> list[Varied]:
    if not isinstance(value, dict) or not value:
        raise SweepError(
            f"{where}: [vary] is missing or empty: name at least one parameter, "
            "e.g. confirmation_bias = [0.0, 0.3] or confirmation_bias = { low = 0.0, high = 0.6 }"
        )
    result = []
    for name, spec in value.items():
        field_name = f"vary.{name}"
        if name not in PARAMETERS:
            hint = unknown_hint(name) or " (see `lmxsim params`)"
            raise SweepError(f"{where}: {field_name}: unknown parameter {name!r}{hint}")
        meta = PARAMETERS[name].metadata
        low, high = meta["low"], meta["high"]
        allowed = f"allowed: {low} to {high}; {meta['meaning']}"
        is_bool = PARAMETERS[name].type in ("bool", bool)
        if isinstance(spec, list):
            if kind != "grid":
                raise SweepError(
                    f"{where}: {field_name} = {spec!r}: a {kind} design samples a range, not levels "
                    f"(write {field_name} = {{ low = ..., high = ... }})"
                )
            if not spec:
                raise SweepError(f"{where}: {field_name} = [] has no levels (give at least one)")
            for level in spec:
                if is_bool:
                    if not isinstance(level, bool):
                        raise SweepError(
                            f"{where}: {field_name}: level {level!r} is not allowed (true or false)"
                        )
                elif isinstance(level, bool) or not isinstance(level, int | float):
                    raise SweepError(f"{where}: {field_name}: level {level!r} is not a number ({allowed})")
                elif not low <= level <= high:
                    raise SweepError(f"{where}: {field_name}: level {level!r} is out of range ({allowed})")
            if len(set(spec)) != len(spec):
                raise SweepError(f"{where}: {field_name} = {spec!r} repeats a level")
            result.append(Varied(name, levels=tuple(spec)))
            continue
        if not isinstance(spec, dict):
            raise SweepError(
                f"{where}: {field_name} = {spec!r} is not allowed "
                "(a list of levels, or a range { low = ..., high = ... })"
            )
        if is_bool:
            raise SweepError(
                f"{where}: {field_name}: {name} is true or false; give levels [true, false] in a grid design"
            )
        unknown = sorted(set(spec) - RANGE_FIELDS)
        if unknown:
            raise SweepError(
                f"{where}: {field_name}: unknown field(s) {', '.join(unknown)} (allowed: low, high, steps)"
            )
        for bound in ("low", "high"):
            if bound not in spec:
                raise SweepError(f"{where}: {field_name}.{bound} is missing ({allowed})")
            number = spec[bound]
            if isinstance(number, bool) or not isinstance(number, int | float):
                raise SweepError(f"{where}: {field_name}.{bound} = {number!r} is not a number ({allowed})")
            if not low <= number <= high:
                raise SweepError(f"{where}: {field_name}.{bound} = {number!r} is out of range ({allowed})")
        if spec["low"] >= spec["high"]:
            raise SweepError(
                f"{where}: {field_name}: low = {spec['low']!r} must be below high = {spec['high']!r}"
            )
        steps = _whole(spec, "steps", f"{where}: {field_name}", 2, 1000, None)
        if kind == "grid" and steps is None:
            raise SweepError(
                f"{where}: {field_name}.steps is missing: a grid needs levels "
                f"(add steps = 5, or give a list of levels)"
            )
        if kind != "grid" and steps is not None:
            raise SweepError(f"{where}: {field_name}.steps is only used by a grid design; remove it")
        result.append(Varied(name, low=float(spec["low"]), high=float(spec["high"]), steps=steps))
    return result


def _outcomes(value: Any, weeks: int, where: str) -> Outcomes:
    value = _table(value, "outcomes", where)
    unknown = sorted(set(value) - OUTCOME_FIELDS)
    if unknown:
        raise SweepError(
            f"{where}: [outcomes] unknown field(s) {', '.join(unknown)} "
            f"(allowed: {', '.join(sorted(OUTCOME_FIELDS))})"
        )
    team = _names(value.get("team", list(TEAM_MEASURES)), "outcomes.team", TEAM_MEASURES, where)
    members = _names(value.get("members", []), "outcomes.members", MEMBER_OUTCOMES, where)
    chosen = _weeks(value.get("weeks", [weeks]), "outcomes.weeks", weeks, where)
    member_weeks = _weeks(value.get("member_weeks", [weeks]), "outcomes.member_weeks", weeks, where)
    if "member_weeks" in value and not members:
        raise SweepError(f"{where}: outcomes.member_weeks is set but outcomes.members names no variable")
    return Outcomes(tuple(team), tuple(chosen), tuple(members), tuple(member_weeks) if members else ())


def _names(value: Any, key: str, allowed: tuple[str, ...] | list[str], where: str) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise SweepError(
            f"{where}: {key} = {value!r} must be a list of names (allowed: {', '.join(allowed)})"
        )
    for name in value:
        if name not in allowed:
            raise SweepError(f"{where}: {key}: {name!r} is not allowed (allowed: {', '.join(allowed)})")
    if len(set(value)) != len(value):
        raise SweepError(f"{where}: {key} = {value!r} names an outcome twice")
    return list(value)


def _weeks(value: Any, key: str, weeks: int, where: str) -> list[int]:
    if isinstance(value, int) and not isinstance(value, bool):
        value = [value]
    if not isinstance(value, list) or not value:
        raise SweepError(f"{where}: {key} = {value!r} must be a list of weeks (whole numbers 0 to {weeks})")
    for week in value:
        try:
            check_whole(week, f"{key}: week", 0, weeks)
        except ParameterError as error:
            raise SweepError(f"{where}: {error} (the sweep's weeks)") from None
    return sorted(set(value))


def _whole(data: dict[str, Any], key: str, where: str, low: int, high: int, default: int | None):
    if key not in data:
        return default
    try:
        return check_whole(data[key], key, low, high)
    except ParameterError as error:
        raise SweepError(f"{where}: {error}") from None


def _table(value: Any, key: str, where: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise SweepError(f"{where}: [{key}] must be a table of name = value")
    return value


def design_size(spec: SweepSpec) -> int:
    """Number of design points, known before sampling."""
    d = len(spec.vary)
    if spec.design == "grid":
        return math.prod(len(v.grid_levels()) for v in spec.vary)
    assert spec.samples is not None
    if spec.design == "lhs":
        return spec.samples
    if spec.design == "sobol":
        return spec.samples * (2 * d + 2 if spec.second_order else d + 2)
    return spec.samples * (d + 1)
