"""Who is in the team: members given by the user, or drawn from documented distributions."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
from scipy.special import ndtr

from lmxsim.io.rules import MAX_WEEKS_TOGETHER, check_number, check_unique_names, check_whole
from lmxsim.model.dynamics import LMX7_HIGH, LMX7_LOW, clip01, normal
from lmxsim.model.params import ParameterError, Params

NAMES = (
    "An",
    "Bram",
    "Sam",
    "Lotte",
    "Daan",
    "Eva",
    "Noah",
    "Fleur",
    "Jens",
    "Mila",
    "Ravi",
    "Sofie",
    "Tim",
    "Yara",
    "Lucas",
    "Nora",
    "Finn",
    "Iris",
    "Omar",
    "Zoë",
)
MAX_TEAM = 200
TEAM_DRAWS = 6  # uniforms per member when the team is set up (then one for the team climate)
DRAWN = ("trust_propensity", "member_expectation", "safety_propensity")  # drawn when left open
STARTING = ("weeks_together", "lmx7", "lmx7_leader")  # the relationship's state when the run starts
LMX7_ITEMS = 7  # the questionnaire's seven items, each answered 1 to 5


def drawn_name(index: int) -> str:
    """The name of drawn member `index` (0-based): NAMES first, then 'Member 21', ..."""
    return NAMES[index] if index < len(NAMES) else f"Member {index + 1}"


def drawn_names(n: int) -> list[str]:
    """The names both engines give a drawn team of n members."""
    return [drawn_name(i) for i in range(n)]


def lmx7_total(value: float | Sequence[int] | None, field: str = "lmx7") -> float | None:
    """An LMX-7 answer as its total, 7 to 35: a total as given, or the sum of the seven items (1 to 5)."""
    if value is None:
        return None
    if isinstance(value, Sequence) and not isinstance(value, str):
        items = list(value)
        if len(items) != LMX7_ITEMS:
            raise ParameterError(
                f"{field} = {value!r} is not allowed (a total {LMX7_LOW} to {LMX7_HIGH}, "
                f"or the {LMX7_ITEMS} item answers, each 1 to 5)"
            )
        for item in items:
            check_whole(item, f"{field} item", 1, 5)
        return float(sum(items))
    if isinstance(value, bool) or not isinstance(value, int | float) or not LMX7_LOW <= value <= LMX7_HIGH:
        raise ParameterError(
            f"{field} = {value!r} is not allowed (a total {LMX7_LOW} to {LMX7_HIGH}, "
            f"or the {LMX7_ITEMS} item answers, each 1 to 5)"
        )
    return float(value)


@dataclass(frozen=True)
class Member:
    """One team member as the user describes them.

    ability: true competence, hidden from the leader (0..1).
    first_impression: the leader's view after the first days (0..1).
    challenge: how much the member challenges rather than follows rules (0..1);
        only matters when the leader has a preference (values_challenge).
    trust_propensity: how readily the member trusts a boss (0..1); drawn if None.
    member_expectation: what the member expects of this leader after the first days
        (0..1); drawn if None.
    safety_propensity: how readily the member speaks up (0..1); drawn if None.
    weeks_together: how long the member has worked with the leader when the run starts
        (whole weeks, default 0: a newcomer). The relationship's history is run forward
        from the first impression with the model's own equations (dynamics.initial_state).
    lmx7: the member's LMX-7 answers about the relationship: a total 7..35 or the seven
        item answers (1..5 each; stored as their total). Sets the starting relationship.
    lmx7_leader: the leader's LMX-7 answers about this relationship (same form).
    """

    name: str
    ability: float = 0.6
    first_impression: float = 0.6
    challenge: float = 0.5
    trust_propensity: float | None = None
    member_expectation: float | None = None
    safety_propensity: float | None = None
    weeks_together: int = 0
    lmx7: float | tuple[int, ...] | None = None  # a tuple of items is stored as its total
    lmx7_leader: float | tuple[int, ...] | None = None

    def __post_init__(self) -> None:
        if not isinstance(self.name, str) or not self.name.strip():
            raise ParameterError(f"member name {self.name!r} must be a non-empty text")
        check_whole(self.weeks_together, f"member {self.name!r}: weeks_together", 0, MAX_WEEKS_TOGETHER)
        for field in ("lmx7", "lmx7_leader"):  # frozen: store the items' total in place
            total = lmx7_total(getattr(self, field), f"member {self.name!r}: {field}")
            object.__setattr__(self, field, total)
        for field in ("ability", "first_impression", "challenge", *DRAWN):
            value = getattr(self, field)
            if field in DRAWN and value is None:
                continue
            check_number(value, f"member {self.name!r}: {field}", 0.0, 1.0)


def check_team(team: list[Member]) -> None:
    if not 1 <= len(team) <= MAX_TEAM:
        raise ParameterError(f"team size {len(team)} is not allowed (1 to {MAX_TEAM} members)")
    check_unique_names([m.name for m in team])


def team_traits(team: list[Member], climate: float) -> dict[str, np.ndarray]:
    """A completed team's traits as (n,) arrays, as dynamics.initial_state reads them."""
    traits = {
        t: np.array([getattr(m, t) for m in team], dtype=float)
        for t in ("ability", "first_impression", "challenge", *DRAWN)
    }
    traits["climate"] = np.asarray(climate, dtype=float)
    return traits


def history_inputs(team: list[Member] | None, n: int) -> dict[str, np.ndarray]:
    """What the starting state needs beyond the traits, per member (n,): weeks together and
    the LMX-7 totals (NaN where not given). A drawn team (None) has only newcomers."""
    if team is None:
        return {
            "weeks_together": np.zeros(n, dtype=np.int64),
            "lmx7_member": np.full(n, np.nan),
            "lmx7_leader": np.full(n, np.nan),
        }
    return {
        "weeks_together": np.array([m.weeks_together for m in team], dtype=np.int64),
        "lmx7_member": np.array([np.nan if m.lmx7 is None else m.lmx7 for m in team]),
        "lmx7_leader": np.array([np.nan if m.lmx7_leader is None else m.lmx7_leader for m in team]),
    }


def draw_team(rng: np.random.Generator, n: int, p: Params) -> list[Member]:
    """A random team: ability ~ normal around ability_mean, first impression = ability + noise."""
    if not 1 <= n <= MAX_TEAM:
        raise ParameterError(f"n_employees = {n} is not allowed (1 to {MAX_TEAM})")
    values = team_values(rng.random((n, TEAM_DRAWS)), p)

    def drawn(i: int) -> dict[str, Any]:  # Any: a ** mapping cannot say which field gets a float
        return {trait: float(values[trait][i]) for trait in DRAWN}

    return [
        Member(
            name=drawn_name(i),
            ability=float(values["ability"][i]),
            first_impression=float(values["first_impression"][i]),
            challenge=float(values["challenge"][i]),
            **drawn(i),
        )
        for i in range(n)
    ]


def team_values(uniforms, p):
    """Turn TEAM_DRAWS uniforms per member into member traits (works on (..., n, 6) arrays).

    Inverse CDFs of the normal keep every trait one uniform and cheap to compute:
    ability ~ Normal(ability_mean, ability_sd) cut to .01..99; trust propensity,
    member expectation and safety propensity ~ Normal(.5, their sd) truncated to 0..1.
    """
    ability = np.clip(p.ability_mean + p.ability_sd * normal(uniforms[..., 0]), 0.01, 0.99)
    return {
        "ability": ability,
        "first_impression": clip01(ability + p.first_impression_noise * normal(uniforms[..., 1])),
        "trust_propensity": _truncated_normal(uniforms[..., 2], 0.5, p.trust_propensity_sd),
        "challenge": uniforms[..., 3],
        "member_expectation": _truncated_normal(uniforms[..., 4], 0.5, p.member_expectation_sd),
        "safety_propensity": _truncated_normal(uniforms[..., 5], 0.5, p.safety_propensity_sd),
    }


def team_climate(uniform, p):
    """The team's climate: one draw per team around team_climate."""
    return p.team_climate + p.climate_sd * normal(uniform)


def _truncated_normal(uniform, mean, sd):
    """Inverse CDF of Normal(mean, sd) truncated to 0..1 (sd 0: exactly the mean)."""
    spread = np.maximum(sd, 1e-9)  # elementwise: per-row parameters may mix sd 0 and sd > 0
    low, high = ndtr((0.0 - mean) / spread), ndtr((1.0 - mean) / spread)
    drawn = clip01(mean + spread * normal(low + uniform * (high - low)))
    return np.where(np.asarray(sd) == 0, mean + 0.0 * uniform, drawn)


def complete_team(rng: np.random.Generator, team: list[Member], p: Params) -> list[Member]:
    """Fill in the traits the user left open, from the same draws a drawn team uses."""
    check_team(team)
    values = team_values(rng.random((len(team), TEAM_DRAWS)), p)
    # Any: a ** mapping cannot say which field gets a float
    open_traits: list[dict[str, Any]] = [
        {t: float(values[t][i]) for t in DRAWN if getattr(m, t) is None} for i, m in enumerate(team)
    ]
    return [dataclasses.replace(m, **traits) for m, traits in zip(team, open_traits, strict=True)]
