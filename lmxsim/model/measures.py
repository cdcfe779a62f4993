"""Every output measure, declared once: what it is, how a team value is made, how it is read.

A member measure is a column of the per-member table; a team measure is made from the
members' values of one week by its `Reducer` (mean, sum, spread or share over the member
axis). Both engines apply these reducers to their own member arrays (the Mesa model to
arrays it gathers from its agents, the batch engine to its (replications x members)
arrays), so a team measure has one definition. The tables (frames.py, sweep/tidy.py),
the data dictionary (columns.py), the workshop's charts and the CLI read this module;
labels live in the text catalogue under `measure.<level>.<name>` (lmxsim/texts/measures.py).

Adding a team measure: one `_team(...)` (a TeamMeasure) in TEAM below (its member variable must be one
both engines keep; `fire` and `problems_hidden` show how) plus its two labels in
texts/measures.py. tests/test_measures.py checks it reaches both engines, the tidy tables
and the data dictionary with equal values.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

import numpy as np

from lmxsim.model import dynamics as dyn

Level = Literal["member", "team"]
Kind = Literal["number", "count", "label"]


@dataclass(frozen=True)
class Reducer:
    """How a team value is made from the members' values (member axis last)."""

    source: str  # the member variable it reads (a state both engines keep)
    how: Literal["mean", "sum", "spread", "share"]
    value: int | None = None  # share: the share of members whose source equals this

    def __call__(self, members: np.ndarray) -> np.ndarray:
        if self.how == "mean":
            return np.mean(members, axis=-1)
        if self.how == "sum":
            return np.sum(members, axis=-1)
        if self.how == "spread":
            return dyn.differentiation(members)
        return np.mean(members == self.value, axis=-1)


@dataclass(frozen=True)
class Measure:
    """One output: a column of the member or the team table."""

    name: str
    level: Level
    kind: Kind
    scale: str  # unit or scale, as the data dictionary prints it
    meaning: str  # one line, English (the data dictionary)
    reduce: Reducer | None = None  # team measures: how members' values become the team's
    higher_is_better: bool | None = None  # None: neither (a description, not a goal)
    negligible: float | None = None  # smallest change worth reporting as a change
    digits: int = 2  # digits of one run's value on screen; a change or a mean over runs shows one more
    percent: bool = False  # a share, shown as a percentage (digits: after the percent's decimal point)
    codes: tuple[str, ...] = ()  # label measures: the name of each integer code
    trait: bool = False  # member measures: given or drawn at the start, constant over a run

    @property
    def text_key(self) -> str:
        """Its label in the text catalogue: `t(measure.text_key, lang)`."""
        return f"measure.{self.level}.{self.name}"

    def label(self, lang: str) -> str:
        from lmxsim.texts import t

        return t(self.text_key, lang)

    def show(self, value: float, lang: str, change: bool = False) -> str:
        """A value as the room reads it (Babel, per language); a change gets its sign and a digit more."""
        from lmxsim.texts import number, percent

        if self.percent:
            return percent(value, lang, self.digits, signed=change)
        return number(value, lang, self.digits + (1 if change else 0), signed=change)


@dataclass(frozen=True)
class TeamMeasure(Measure):
    """A team measure: the type says its reducer is there, so the engines call it unchecked."""

    reduce: Reducer


def _member(name: str, kind: Kind, scale: str, meaning: str, **more) -> Measure:
    if kind == "count":
        more.setdefault("digits", 0)
    return Measure(name, "member", kind, scale, meaning, **more)


def _team(name: str, kind: Kind, scale: str, meaning: str, reduce: Reducer, **more) -> TeamMeasure:
    if kind == "count":
        more.setdefault("digits", 0)
    return TeamMeasure(name, "team", kind, scale, meaning, reduce=reduce, **more)


# In table order (the member table's columns after week, member_id and name).
MEMBER: dict[str, Measure] = {
    m.name: m
    for m in (
        _member(
            "ability",
            "number",
            "0-1",
            "true competence, hidden from the leader (input, or drawn)",
            trait=True,
        ),
        _member(
            "first_impression",
            "number",
            "0-1",
            "the leader's view of the member after the first days",
            trait=True,
        ),
        _member(
            "member_expectation",
            "number",
            "0-1",
            "what the member expects of this leader after the first days (input, or drawn)",
            trait=True,
        ),
        _member(
            "safety_propensity",
            "number",
            "0-1",
            "how readily the member speaks up, whoever leads (input, or drawn)",
            trait=True,
        ),
        _member("trust", "number", "0-1", "the member's trust in the leader", higher_is_better=True),
        _member(
            "autonomy",
            "number",
            "0-1",
            "latitude the leader grants the member (negotiating latitude)",
            higher_is_better=True,
        ),
        _member("motivation", "number", "0-1", "the member's engagement and effort", higher_is_better=True),
        _member(
            "skill",
            "number",
            "0-1",
            "competence developed and shown; grows toward ability",
            higher_is_better=True,
        ),
        _member("safety", "number", "0-1", "psychological safety the member feels", higher_is_better=True),
        _member(
            "performance",
            "number",
            "0-1",
            "the member's output this week",
            higher_is_better=True,
            negligible=0.01,
        ),
        _member("leader_impression", "number", "0-1", "how competent the leader believes the member is"),
        _member("leader_trust", "number", "0-1", "the leader's trust in the member", higher_is_better=True),
        _member(
            "lmx",
            "number",
            "0-1",
            "relationship quality (LMX): geometric mean of both sides' trust",
            higher_is_better=True,
            negligible=0.01,
        ),
        _member(
            "lmx7",
            "number",
            "7-35 (LMX-7 questionnaire scale)",
            "relationship quality as LMX-7: 7 + 28 x lmx",
            higher_is_better=True,
            negligible=0.28,
            digits=1,
        ),
        _member(
            "phase",
            "label",
            "stranger, acquaintance or mature",
            "stage of the relationship (role taking, making, routinisation)",
            codes=dyn.PHASE_NAMES,
        ),
        _member(
            "group",
            "label",
            "out, middle or in",
            "the member's place in the team, by LMX",
            codes=dyn.GROUP_NAMES,
        ),
        _member(
            "problems_reported", "count", "count", "problems the member reported to the leader this week"
        ),
        _member(
            "problems_hidden",
            "count",
            "count",
            "problems the member has not reported and that are not solved yet",
            higher_is_better=False,
        ),
    )
}

# In table order (the team table's columns after week).
TEAM: dict[str, TeamMeasure] = {
    m.name: m
    for m in (
        _team(
            "performance",
            "number",
            "0-1",
            "mean performance of the members this week",
            Reducer("performance", "mean"),
            higher_is_better=True,
            negligible=0.005,
        ),
        _team(
            "lmx_mean",
            "number",
            "0-1 (LMX-7: 7 + 28 x value)",
            "mean relationship quality (LMX) in the team",
            Reducer("lmx", "mean"),
            higher_is_better=True,
            negligible=0.005,
        ),
        _team(
            "lmx_differentiation",
            "number",
            "0-0.5 (SD of 0-1 values)",
            "spread of LMX in the team (population SD)",
            Reducer("lmx", "spread"),
            higher_is_better=False,
            negligible=0.005,
        ),
        _team(
            "out_group_share",
            "number",
            "0-1 (share of members)",
            "share of members in the out-group",
            Reducer("group", "share", int(dyn.Group.OUT)),
            higher_is_better=False,
            negligible=0.02,
            digits=0,
            percent=True,
        ),
        _team(
            "safety_mean",
            "number",
            "0-1",
            "mean psychological safety",
            Reducer("safety", "mean"),
            higher_is_better=True,
            negligible=0.005,
        ),
        _team(
            "problems_reported",
            "count",
            "count",
            "problems reported to the leader this week, all members",
            Reducer("problems_reported", "sum"),
            negligible=0.25,
        ),
        _team(
            "problems_hidden",
            "count",
            "count",
            "problems hidden and not yet solved, all members",
            Reducer("problems_hidden", "sum"),
            higher_is_better=False,
            negligible=0.25,
        ),
        _team(
            "fires",
            "count",
            "count",
            "hidden problems that blew up this week",
            Reducer("fire", "sum"),
            higher_is_better=False,
            negligible=0.5,
        ),
    )
}

TEAM_MEASURES: tuple[str, ...] = tuple(TEAM)
MEMBER_MEASURES: tuple[str, ...] = tuple(MEMBER)
TRAITS: tuple[str, ...] = tuple(name for name, m in MEMBER.items() if m.trait)
# Counts are whole numbers in every table, whichever engine (or float array) made them.
COUNTS: frozenset[str] = frozenset(m.name for m in (*MEMBER.values(), *TEAM.values()) if m.kind == "count")
# Label measures: integer codes in the engines, names in the tables.
CODES: dict[str, tuple[str, ...]] = {name: m.codes for name, m in MEMBER.items() if m.kind == "label"}


def measure(name: str, level: Level) -> Measure:
    """The declaration of `name` at `level`; a clear error for an unknown one."""
    table = TEAM if level == "team" else MEMBER
    if name not in table:
        raise KeyError(f"{name!r} is not a {level} measure (known: {', '.join(table)})")
    return table[name]
