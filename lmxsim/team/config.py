"""Scenario and config files (TOML): parameters, the team, scheduled interventions.

A file looks like configs/scenarios/first-impression.toml. Every mistake is a
ConfigError that names the file, the field, the value and what is allowed.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from lmxsim.interventions.catalogue import Intervention, InterventionError
from lmxsim.io.packaged import SCENARIO_DIR
from lmxsim.io.rules import MAX_WEEKS, check_unique_names, check_whole
from lmxsim.model.params import ParameterError, Params
from lmxsim.model.seeds import MAX_SEED
from lmxsim.team.expect import Expectations, parse_expectations
from lmxsim.team.members import DRAWN, MAX_TEAM, STARTING, Member

MEMBER_FIELDS = {"name", "ability", "first_impression", "challenge", *DRAWN, *STARTING}
TOP_LEVEL = {"title", "story", "weeks", "seed", "params", "team", "team_size", "interventions", "expect"}


class ConfigError(ValueError):
    """A config or scenario file is not valid (the message says where and why)."""


@dataclass
class Scenario:
    """A runnable set-up: parameters, a team (or a size to draw), interventions, weeks, seed."""

    name: str
    params: Params = field(default_factory=Params)
    team: list[Member] | None = None
    team_size: int = 10
    interventions: list[Intervention] = field(default_factory=list)
    weeks: int = 26
    seed: int = 1
    title: dict[str, str] = field(default_factory=lambda: {"en": "", "nl": ""})
    story: dict[str, str] = field(default_factory=lambda: {"en": "", "nl": ""})
    expect: Expectations | None = None  # what the story claims, checked by tests/test_scenarios.py
    # A model of it: LMXModel.from_scenario(scenario) (the engines sit above the scenario files).


def scenario_names() -> list[str]:
    return sorted(p.stem for p in SCENARIO_DIR.glob("*.toml"))


def load_scenario(name: str) -> Scenario:
    """A preset scenario by name (see `lmxsim scenarios`)."""
    path = SCENARIO_DIR / f"{name}.toml"
    if not path.exists():
        raise ConfigError(f"unknown scenario {name!r} (available: {', '.join(scenario_names()) or 'none'})")
    return load_config(path)


def load_config(path: str | Path) -> Scenario:
    path = Path(path)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ConfigError(f"config file {path} does not exist") from None
    except IsADirectoryError:
        raise ConfigError(f"config file {path} is a folder, not a TOML file") from None
    except OSError as error:
        raise ConfigError(f"config file {path} cannot be read ({error.strerror})") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        raise ConfigError(f"{path}: not a valid TOML file ({error})") from None
    return scenario_from_dict(data, name=path.stem, where=str(path))


def scenario_from_dict(data: dict[str, Any], name: str = "custom", where: str = "config") -> Scenario:
    unknown = sorted(set(data) - TOP_LEVEL)
    if unknown:
        raise ConfigError(
            f"{where}: unknown field(s) {', '.join(unknown)} (allowed: {', '.join(sorted(TOP_LEVEL))})"
        )
    try:
        params = Params.from_dict(_table(data.get("params", {}), "params", where))
    except ParameterError as error:
        raise ConfigError(f"{where}: [params] {error}") from None
    scenario = Scenario(name=name, params=params)
    for key, low, high in (("weeks", 0, MAX_WEEKS), ("seed", 0, MAX_SEED), ("team_size", 1, MAX_TEAM)):
        if key in data:
            try:
                setattr(scenario, key, check_whole(data[key], key, low, high))
            except ParameterError as error:
                raise ConfigError(f"{where}: {error}") from None
    for key in ("title", "story"):
        if key in data:
            value = data[key]
            if isinstance(value, str):
                value = {"en": value, "nl": value}
            if not isinstance(value, dict) or not all(isinstance(v, str) for v in value.values()):
                raise ConfigError(f"{where}: {key} must be text or a table {{en = ..., nl = ...}}")
            setattr(scenario, key, {"en": value.get("en", ""), "nl": value.get("nl", value.get("en", ""))})
    if "team" in data:
        scenario.team = parse_team(data["team"], where)
        scenario.team_size = len(scenario.team)
    if "interventions" in data:
        scenario.interventions = parse_interventions(data["interventions"], where)
    if "expect" in data:
        try:
            scenario.expect = parse_expectations(_table(data["expect"], "expect", where), scenario)
        except ValueError as error:
            raise ConfigError(f"{where}: [expect] {error}") from None
    names = [m.name for m in scenario.team] if scenario.team else None
    for intervention in scenario.interventions:
        if names is not None:
            try:
                intervention.targets(names, [0] * len(names))
            except InterventionError as error:
                raise ConfigError(f"{where}: {error}") from None
    return scenario


def _table(value: Any, key: str, where: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise ConfigError(f"{where}: [{key}] must be a table of name = value")
    return value


def parse_team(rows: Any, where: str) -> list[Member]:
    if not isinstance(rows, list) or not all(isinstance(r, dict) for r in rows):
        raise ConfigError(f"{where}: team must be a list of [[team]] tables")
    if not 1 <= len(rows) <= MAX_TEAM:
        raise ConfigError(f"{where}: team has {len(rows)} members (allowed: 1 to {MAX_TEAM})")
    team = []
    for number, row in enumerate(rows, start=1):
        unknown = sorted(set(row) - MEMBER_FIELDS)
        if unknown:
            raise ConfigError(
                f"{where}: team member {number}: unknown field(s) {', '.join(unknown)} "
                f"(allowed: {', '.join(sorted(MEMBER_FIELDS))})"
            )
        if "name" not in row:
            raise ConfigError(f"{where}: team member {number}: name is missing")
        try:
            member = Member(**row)
        except ParameterError as error:
            raise ConfigError(f"{where}: team member {number}: {error}") from None
        team.append(member)
    try:
        check_unique_names([m.name for m in team], [f"team member {i}" for i in range(1, len(team) + 1)])
    except ParameterError as error:
        raise ConfigError(f"{where}: {error}") from None
    return team


def parse_interventions(rows: Any, where: str) -> list[Intervention]:
    from lmxsim.interventions.catalogue import from_mapping

    if not isinstance(rows, list) or not all(isinstance(r, dict) for r in rows):
        raise ConfigError(f"{where}: interventions must be a list of [[interventions]] tables")
    result = []
    for number, row in enumerate(rows, start=1):
        try:
            result.append(from_mapping(row))
        except InterventionError as error:
            raise ConfigError(f"{where}: intervention {number}: {error}") from None
    return result
