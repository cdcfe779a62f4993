"""What-if interventions a leader can try, one small class each.

An intervention has a target (a member's name, "in-group", "middle",
"out-group" or "team"), a start week, and where it applies a rhythm (every k
weeks) and a duration. While active it writes `Nudges` (see nudges.py); it
never changes model state itself, so the Mesa model and the batch engine
apply it the same way.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

import numpy as np

from lmxsim.dynamics import Group
from lmxsim.nudges import Nudges

GROUP_TARGETS = {"in-group": Group.IN, "middle": Group.MIDDLE, "out-group": Group.OUT}
TEAM = "team"


class InterventionError(ValueError):
    """A user-specified intervention is malformed (message says what and what is allowed)."""


@dataclass
class Intervention:
    """Base class. `start=None` means: from the week after it is applied."""

    target: str = TEAM
    start: int | None = None
    every: int | None = None
    duration: int | None = None

    key: ClassVar[str] = ""
    title: ClassVar[dict[str, str]] = {"en": "", "nl": ""}
    description: ClassVar[dict[str, str]] = {"en": "", "nl": ""}

    def __post_init__(self) -> None:
        if self.start is not None and (not isinstance(self.start, int) or self.start < 1):
            raise InterventionError(f"{self.key}: start week {self.start!r} must be 1 or later")
        if self.every is not None and (not isinstance(self.every, int) or self.every < 1):
            raise InterventionError(f"{self.key}: rhythm every={self.every!r} must be 1 or more weeks")
        if self.duration is not None and (not isinstance(self.duration, int) or self.duration < 1):
            raise InterventionError(f"{self.key}: duration {self.duration!r} must be 1 or more weeks")

    def active(self, week: int) -> bool:
        if self.start is None or week < self.start:
            return False
        return self.duration is None or week < self.start + self.duration

    def targets(self, names: list[str], groups: np.ndarray) -> np.ndarray:
        """Which members this week (groups as of the start of the week; member axis last)."""
        if self.target == TEAM:
            return np.ones(np.shape(groups), dtype=bool)
        if self.target in GROUP_TARGETS:
            return np.asarray(groups) == GROUP_TARGETS[self.target]
        if self.target not in names:
            raise InterventionError(
                f"{self.key}: unknown member {self.target!r} "
                f"(team: {', '.join(names)}; or in-group, middle, out-group, team)"
            )
        return np.broadcast_to(np.array([n == self.target for n in names]), np.shape(groups))

    def nudge(self, nudges: Nudges, who: np.ndarray, weeks_in: int) -> None:
        """Write this week's effect for the members in `who` (weeks_in = 0 in the first week)."""
        raise NotImplementedError

    @property
    def label(self) -> str:
        rhythm = f" every {self.every}w" if self.every else ""
        return f"{self.key}:{self.target}@{self.start}{rhythm}"


def plan_week(
    interventions: list[Intervention], week: int, names: list[str], groups: np.ndarray
) -> tuple[Nudges, list[str]]:
    """The combined nudges of every intervention active this week, and their labels."""
    nudges = Nudges.neutral(np.shape(groups))
    active = []
    for intervention in interventions:
        if intervention.active(week):
            who = intervention.targets(names, groups)
            intervention.nudge(nudges, who, week - intervention.start)
            active.append(intervention.label)
    return nudges, active


@dataclass
class RoleClarification(Intervention):
    """Re-open role-taking: talk expectations through again, as if new to each other."""

    duration: int | None = 8
    key: ClassVar[str] = "role-clarification"
    title: ClassVar[dict[str, str]] = {"en": "Role clarification", "nl": "Rolverheldering"}
    description: ClassVar[dict[str, str]] = {
        "en": "Clarify expectations again and re-open role-making: the leader's impression "
        "is open to revision and the work becomes easier to read.",
        "nl": "Verwachtingen opnieuw bespreken en de rol opnieuw vormgeven: het beeld van de "
        "leidinggevende staat weer open voor bijstelling en het werk wordt beter leesbaar.",
    }

    def nudge(self, nudges: Nudges, who: np.ndarray, weeks_in: int) -> None:
        nudges.confidence_cap[who] = np.minimum(nudges.confidence_cap[who], 0.2)
        nudges.clarity[who] *= 0.5
        nudges.guaranteed_contact[who] = True
        nudges.support_floor[who] = np.maximum(nudges.support_floor[who], 0.7)
        nudges.reopen[who] = True
        if weeks_in == 0:
            nudges.trust_bonus[who] += 0.03


CATALOGUE: dict[str, type[Intervention]] = {cls.key: cls for cls in (RoleClarification,)}


def from_mapping(row: dict) -> Intervention:
    """Build from a config table: type = "role-clarification", target, start, every, duration."""
    row = dict(row)
    kind = row.pop("type", None)
    if kind not in CATALOGUE:
        raise InterventionError(
            f"unknown intervention type {kind!r} (allowed: {', '.join(sorted(CATALOGUE))})"
        )
    allowed = {"target", "start", "every", "duration"}
    unknown = sorted(set(row) - allowed)
    if unknown:
        raise InterventionError(
            f"{kind}: unknown field(s) {', '.join(unknown)} (allowed: {', '.join(sorted(allowed))})"
        )
    return CATALOGUE[kind](**row)
