"""What-if interventions a leader can try, one small class each.

An intervention has a target (a member's name, "in-group", "middle",
"out-group" or "team"), a start week, and where it applies a rhythm (every k
weeks) and a duration. While active it writes `Nudges` (see nudges.py); it
never changes model state itself, so the Mesa model and the batch engine
apply it the same way. docs/interventions.md gives each one's rationale and
source; spec.py reads the one-line form `role-clarification:An@8`.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import ClassVar

import numpy as np
from numpy.typing import ArrayLike

from lmxsim.io.rules import MAX_WEEKS, check_number, check_whole, name_key
from lmxsim.model.dynamics import Group
from lmxsim.model.nudges import Nudges
from lmxsim.model.params import ParameterError
from lmxsim.texts import t, texts_of

GROUP_TARGETS = {"in-group": Group.IN, "middle": Group.MIDDLE, "out-group": Group.OUT}
TEAM = "team"
# What the leader's trust in a member is taken to be when an engine does not pass it:
# the middle of each LMX band (only a fallback; both engines pass the real values).
_GROUP_TRUST = np.array([0.35, 0.55, 0.75])


def _texts(key: str, field: str) -> dict[str, str]:
    """An intervention's text in every language, from the one catalogue (lmxsim/texts/interventions.py)."""
    return texts_of(f"intervention.{key}.{field}")


def hours_source(kind: type, lang: str) -> str:
    """Where an intervention's default leader hours come from, in `lang`."""
    source = getattr(kind, "hours_source", None) or {}
    return source.get(lang) or source.get("en") or t("intervention.assumption", lang)


class InterventionError(ValueError):
    """A user-specified intervention is malformed (message says what and what is allowed)."""


@dataclass(frozen=True)
class WeekView:
    """What an intervention may look at when it plans a week (start-of-week values, member axis last)."""

    names: list[str]
    groups: np.ndarray
    leader_trust: np.ndarray | None = None

    def trust_of_leader(self) -> np.ndarray:
        if self.leader_trust is not None:
            return np.asarray(self.leader_trust, dtype=float)
        return _GROUP_TRUST[np.asarray(self.groups, dtype=int)]


def _whole_weeks(key: str, what: str, value, low: int) -> None:
    if value is not None:
        try:
            check_whole(value, what, low, MAX_WEEKS)
        except ParameterError as error:
            raise InterventionError(f"{key}: {error}") from None


@dataclass
class Intervention:
    """Base class. `start=None` means: from the week after it is applied.

    The intervention runs from `start` for `duration` weeks (None: to the end);
    with a rhythm it acts only in weeks start, start+every, start+2*every, ...
    """

    target: str = TEAM
    start: int | None = None
    every: int | None = None
    duration: int | None = None

    key: ClassVar[str] = ""
    title: ClassVar[dict[str, str]] = {"en": "", "nl": ""}
    description: ClassVar[dict[str, str]] = {"en": "", "nl": ""}
    options: ClassVar[tuple[str, ...]] = ()  # extra settings beyond target/start/every/duration
    # The leader's time: hours per targeted person in each week the intervention acts.
    # `hours_source` says where the number comes from ("assumption" when nobody measured it),
    # in every language; titles, descriptions and sources live in lmxsim/texts/interventions.py;
    # the strategy lab lets a leader replace it with their own estimate.
    hours: ClassVar[float] = 0.0
    hours_source: ClassVar[dict[str, str]] = texts_of("intervention.assumption")
    # Whether `hours` already is the conversation: a guaranteed contact it writes then costs
    # nothing more. Otherwise each contact costs effort.CONTACT_HOURS on top (effort.py).
    contact_included: ClassVar[bool] = False

    def __post_init__(self) -> None:
        if not isinstance(self.target, str) or not self.target.strip():
            raise InterventionError(
                f"{self.key}: target {self.target!r} must be a member's name, in-group, middle, "
                "out-group or team"
            )
        _whole_weeks(self.key, "start week", self.start, 1)
        _whole_weeks(self.key, "every (rhythm in weeks)", self.every, 1)
        _whole_weeks(self.key, "duration in weeks", self.duration, 1)
        if self.every == 1:
            self.every = None  # every week is no rhythm; one spelling keeps specs round-tripping

    def active(self, week: int) -> bool:
        """Does it act in this week? (Off-beat weeks of a rhythm do not count.)"""
        if self.start is None or week < self.start:
            return False
        if self.duration is not None and week >= self.start + self.duration:
            return False
        return self.every is None or (week - self.start) % self.every == 0

    @property
    def last_week(self) -> int | None:
        """The last week it can act in (None: open-ended or not yet scheduled)."""
        if self.start is None or self.duration is None:
            return None
        return self.start + self.duration - 1

    def targets(self, names: list[str], groups: ArrayLike) -> np.ndarray:
        """Which members this week (groups as of the start of the week; member axis last)."""
        if self.target == TEAM:
            return np.ones(np.shape(groups), dtype=bool)
        if self.target in GROUP_TARGETS:
            return np.asarray(groups) == GROUP_TARGETS[self.target]
        wanted = name_key(self.target)  # names are one person whatever their capitals
        who = np.array([name_key(n) == wanted for n in names])
        if not who.any():
            raise InterventionError(
                f"{self.key}: unknown member {self.target!r} "
                f"(team: {', '.join(names)}; or in-group, middle, out-group, team)"
            )
        return np.broadcast_to(who, np.shape(groups))

    def nudge(self, nudges: Nudges, who: np.ndarray, weeks_in: int, view: WeekView) -> None:
        """Write this week's effect for the members in `who` (weeks_in = 0 in the first week)."""
        raise NotImplementedError

    @property
    def spec(self) -> str:
        """The one-line form spec.parse_spec reads back; settings equal to the defaults are left out."""
        defaults = {f.name: f.default for f in fields(self)}
        text = f"{self.key}:{self.target}"
        if self.start is not None:
            text += f"@{self.start}"
        if self.every != defaults["every"]:
            text += f",every={self.every or 1}"
        if self.duration != defaults["duration"]:
            text += f",for={self.duration or 'end'}"
        for name in self.options:
            value = getattr(self, name)
            if value != defaults[name]:
                text += f",{name}={value:g}"
        return text

    @property
    def label(self) -> str:
        """What the frames' `interventions` column shows."""
        return self.spec


def plan_week(
    interventions: list[Intervention],
    week: int,
    names: list[str],
    groups: np.ndarray,
    leader_trust: np.ndarray | None = None,
) -> tuple[Nudges, list[str]]:
    """The combined nudges of every intervention active this week, and their labels.

    `leader_trust` (start of the week) lets an intervention depend on whether
    the leader's trust backs it up (stretch assignment, praise, equal latitude).
    """
    nudges = Nudges.neutral(np.shape(groups))
    view = WeekView(names=names, groups=np.asarray(groups), leader_trust=leader_trust)
    active = []
    for intervention in interventions:
        if intervention.active(week):
            who = np.asarray(intervention.targets(names, groups))
            assert intervention.start is not None  # active() is False until a start week is set
            intervention.nudge(nudges, who, week - intervention.start, view)
            active.append(intervention.label)
    return nudges, active


def _sincerity(view: WeekView, who: np.ndarray, grounded_at: float) -> np.ndarray:
    """How far the leader's trust backs a gesture up (negative: it reads as insincere)."""
    return np.broadcast_to(view.trust_of_leader(), np.shape(who))[who] - grounded_at


# --- the catalogue ------------------------------------------------------------------


@dataclass
class TeamMap(Intervention):
    """'Draw your team': seeing the split on paper makes the leader doubt the labels."""

    duration: int | None = 12
    key: ClassVar[str] = "team-map"
    hours: ClassVar[float] = 0.1
    hours_source: ClassVar[dict[str, str]] = _texts("team-map", "hours_source")
    title: ClassVar[dict[str, str]] = _texts("team-map", "title")
    description: ClassVar[dict[str, str]] = _texts("team-map", "description")

    def nudge(self, nudges: Nudges, who: np.ndarray, weeks_in: int, view: WeekView) -> None:
        nudges.bias_factor[who] = 0.0
        # Members drawn far away get a closer look while the map is fresh: their work is read
        # more carefully, and the leader checks in with them once a month. Without this the
        # effect hangs on confirmation_bias alone, which is small in the calibrated defaults.
        far = who & (view.groups == Group.OUT)
        nudges.clarity[far] *= 0.7
        if weeks_in % 4 == 0:
            nudges.guaranteed_contact[far] = True
        if weeks_in == 0:
            # the moment of drawing the map: impressions are held less firmly
            nudges.confidence_cap[who] = np.minimum(nudges.confidence_cap[who], 0.15)


@dataclass
class RoleClarification(Intervention):
    """Re-open role-taking: talk expectations through again, as if new to each other."""

    duration: int | None = 8
    key: ClassVar[str] = "role-clarification"
    hours: ClassVar[float] = 0.75
    hours_source: ClassVar[dict[str, str]] = _texts("role-clarification", "hours_source")
    contact_included: ClassVar[bool] = True
    title: ClassVar[dict[str, str]] = _texts("role-clarification", "title")
    description: ClassVar[dict[str, str]] = _texts("role-clarification", "description")

    def nudge(self, nudges: Nudges, who: np.ndarray, weeks_in: int, view: WeekView) -> None:
        nudges.confidence_cap[who] = np.minimum(nudges.confidence_cap[who], 0.2)
        nudges.clarity[who] *= 0.5
        # expectations agreed out loud are harder to explain away (Manzoni & Barsoux 1998)
        nudges.bias_factor[who] *= 0.5
        nudges.guaranteed_contact[who] = True
        nudges.support_floor[who] = np.maximum(nudges.support_floor[who], 0.7)
        nudges.reopen[who] = True
        if weeks_in == 0:
            nudges.trust_bonus[who] += 0.03


@dataclass
class OneOnOnes(Intervention):
    """A fixed meeting every k weeks: contact no longer depends on the leader's trust."""

    every: int | None = 2
    key: ClassVar[str] = "one-on-ones"
    hours: ClassVar[float] = 0.5
    hours_source: ClassVar[dict[str, str]] = _texts("one-on-ones", "hours_source")
    contact_included: ClassVar[bool] = True
    title: ClassVar[dict[str, str]] = _texts("one-on-ones", "title")
    description: ClassVar[dict[str, str]] = _texts("one-on-ones", "description")

    def nudge(self, nudges: Nudges, who: np.ndarray, weeks_in: int, view: WeekView) -> None:
        nudges.guaranteed_contact[who] = True
        # a conversation about the work makes it easier to read than a passing glance
        nudges.clarity[who] *= 0.8
        nudges.support_floor[who] = np.maximum(nudges.support_floor[who], 0.6)


@dataclass
class StretchAssignment(Intervention):
    """Extra latitude for a while; whether it builds trust depends on the trust behind it."""

    duration: int | None = 6
    key: ClassVar[str] = "stretch-assignment"
    hours: ClassVar[float] = 0.25
    hours_source: ClassVar[dict[str, str]] = _texts("stretch-assignment", "hours_source")
    title: ClassVar[dict[str, str]] = _texts("stretch-assignment", "title")
    description: ClassVar[dict[str, str]] = _texts("stretch-assignment", "description")

    def nudge(self, nudges: Nudges, who: np.ndarray, weeks_in: int, view: WeekView) -> None:
        nudges.autonomy_boost[who] += 0.06
        # Read each week against the leader's trust: below .6 the member discounts it, and
        # the lost trust offsets what the extra latitude does for felt fairness.
        nudges.trust_bonus[who] += 0.04 * np.minimum(_sincerity(view, who, 0.6), 0.0)
        if weeks_in == 0:
            nudges.trust_bonus[who] += 0.04 * np.maximum(_sincerity(view, who, 0.6), 0.0)


@dataclass
class SuddenPraise(Intervention):
    """Praise out of the blue: little effect, and from a distrusting leader it rings false."""

    duration: int | None = 1
    key: ClassVar[str] = "sudden-praise"
    hours: ClassVar[float] = 0.05
    hours_source: ClassVar[dict[str, str]] = _texts("sudden-praise", "hours_source")
    title: ClassVar[dict[str, str]] = _texts("sudden-praise", "title")
    description: ClassVar[dict[str, str]] = _texts("sudden-praise", "description")

    def nudge(self, nudges: Nudges, who: np.ndarray, weeks_in: int, view: WeekView) -> None:
        nudges.trust_bonus[who] += 0.05 * _sincerity(view, who, 0.6)


@dataclass
class ReflectionRhythm(Intervention):
    """Every k weeks the leader re-examines each relationship, against rigidity."""

    every: int | None = 4
    key: ClassVar[str] = "reflection"
    hours: ClassVar[float] = 0.1
    hours_source: ClassVar[dict[str, str]] = _texts("reflection", "hours_source")
    title: ClassVar[dict[str, str]] = _texts("reflection", "title")
    description: ClassVar[dict[str, str]] = _texts("reflection", "description")

    def nudge(self, nudges: Nudges, who: np.ndarray, weeks_in: int, view: WeekView) -> None:
        # Re-examining a relationship means looking at the member's work again, not at the
        # label: a contact, read clearly and without discounting what contradicts the view.
        # Loosening impressions and plasticity alone speeds up whatever spiral is running.
        nudges.confidence_cap[who] = np.minimum(nudges.confidence_cap[who], 0.2)
        nudges.reopen[who] = True
        nudges.bias_factor[who] = 0.0
        nudges.guaranteed_contact[who] = True
        nudges.clarity[who] *= 0.7


@dataclass
class EqualLatitude(Intervention):
    """Autonomy by rule: everyone targeted gets the same latitude, whatever the leader's trust."""

    level: float | None = None
    key: ClassVar[str] = "equal-latitude"
    hours: ClassVar[float] = 0.05
    hours_source: ClassVar[dict[str, str]] = _texts("equal-latitude", "hours_source")
    title: ClassVar[dict[str, str]] = _texts("equal-latitude", "title")
    description: ClassVar[dict[str, str]] = _texts("equal-latitude", "description")
    options: ClassVar[tuple[str, ...]] = ("level",)

    def __post_init__(self) -> None:
        super().__post_init__()
        if self.level is not None:
            try:
                check_number(self.level, "level", 0.0, 1.0)
            except ParameterError as error:
                raise InterventionError(f"{self.key}: {error}") from None

    def nudge(self, nudges: Nudges, who: np.ndarray, weeks_in: int, view: WeekView) -> None:
        if self.level is not None:
            nudges.autonomy_target[who] = self.level
        else:
            mean_trust = np.mean(view.trust_of_leader(), axis=-1, keepdims=True)
            nudges.autonomy_target[who] = np.broadcast_to(mean_trust, np.shape(who))[who]


@dataclass
class Expectation(Intervention):
    """Eden's Pygmalion experiment: the leader is told this person has high potential.

    Information the leader receives, weighed like all other evidence about the person
    (dynamics.hear_about); nothing in the person changes. `level` is the reading the
    leader is given (the leader's scale: a typical performer reads about .75, 1 the top)."""

    duration: int | None = 1
    level: float = 1.0
    key: ClassVar[str] = "expectation"
    hours: ClassVar[float] = 0.05
    hours_source: ClassVar[dict[str, str]] = _texts("expectation", "hours_source")
    title: ClassVar[dict[str, str]] = _texts("expectation", "title")
    description: ClassVar[dict[str, str]] = _texts("expectation", "description")
    options: ClassVar[tuple[str, ...]] = ("level",)

    def __post_init__(self) -> None:
        super().__post_init__()
        try:
            check_number(self.level, "level", 0.0, 1.0)
        except ParameterError as error:
            raise InterventionError(f"{self.key}: {error}") from None

    def nudge(self, nudges: Nudges, who: np.ndarray, weeks_in: int, view: WeekView) -> None:
        nudges.told[who] = self.level


CATALOGUE: dict[str, type[Intervention]] = {
    cls.key: cls
    for cls in (
        TeamMap,
        RoleClarification,
        OneOnOnes,
        StretchAssignment,
        SuddenPraise,
        ReflectionRhythm,
        EqualLatitude,
        Expectation,
    )
}
BASE_FIELDS = ("target", "start", "every", "duration")


def allowed_fields(kind: type[Intervention]) -> tuple[str, ...]:
    return (*BASE_FIELDS, *kind.options)


def lookup(kind: object) -> type[Intervention]:
    """The catalogue class for a type name (tolerates case and '_' for '-')."""
    name = kind.strip().lower().replace("_", "-") if isinstance(kind, str) else kind
    if name not in CATALOGUE:
        raise InterventionError(f"unknown intervention {kind!r} (allowed: {', '.join(CATALOGUE)})")
    return CATALOGUE[name]


def from_mapping(row: dict) -> Intervention:
    """Build from a config table: type = "role-clarification", target, start, every, duration."""
    row = dict(row)
    if "type" not in row:
        raise InterventionError(f"type is missing (allowed: {', '.join(CATALOGUE)})")
    kind = lookup(row.pop("type"))
    allowed = allowed_fields(kind)
    unknown = sorted(set(row) - set(allowed))
    if unknown:
        raise InterventionError(
            f"{kind.key}: unknown field(s) {', '.join(unknown)} (allowed: {', '.join(allowed)})"
        )
    return kind(**row)


__all__ = [
    "CATALOGUE",
    "EqualLatitude",
    "Expectation",
    "Intervention",
    "InterventionError",
    "OneOnOnes",
    "ReflectionRhythm",
    "RoleClarification",
    "StretchAssignment",
    "SuddenPraise",
    "TeamMap",
    "WeekView",
    "from_mapping",
    "plan_week",
]
