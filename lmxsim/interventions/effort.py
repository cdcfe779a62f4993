"""The leader's time a strategy takes: hours in each week, counted on the simulated weeks.

Each intervention declares `hours` (leader hours per targeted person in each week it
acts; interventions.py, with its source or "assumption"). A strategy may replace those
numbers with the leader's own (`Strategy.hours`). On top of that, every guaranteed
contact an intervention schedules costs a short conversation (CONTACT_HOURS, the key
"contact" for the leader's own number), unless the intervention's hours already are
that conversation (`contact_included`: one-on-ones, role clarification). The contacts
are read from what the intervention writes for the week, so what it schedules is what
it costs. Targets such as "out-group" change from week to week, so the hours are
counted per replication from the groups the simulation recorded: a strategy that
shrinks the out-group also shrinks its own cost. The result is per week, so a strategy
that is heavy in weeks 1-8 shows that peak instead of a year's average.
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np

from lmxsim.interventions.catalogue import Intervention, InterventionError, WeekView, lookup
from lmxsim.model.nudges import Nudges

# A guaranteed contact that is not itself the intervention's conversation: a 15-minute talk
# (an assumption, like every intervention's hours; docs/interventions.md).
CONTACT = "contact"
CONTACT_HOURS = 0.25


def _declared(intervention: Intervention) -> Intervention:
    """The catalogue intervention behind a wrapper (strength.Scaled keeps the original as `inner`)."""
    inner = getattr(intervention, "inner", None)
    return intervention if inner is None else inner


def hours_for(intervention: Intervention, overrides: Mapping[str, float] | None = None) -> float:
    """Hours per targeted person per acting week: the leader's own number, else the catalogue's."""
    intervention = _declared(intervention)
    if overrides and intervention.key in overrides:
        return float(overrides[intervention.key])
    return float(type(intervention).hours)


def contact_hours(overrides: Mapping[str, float] | None = None) -> float:
    """Hours of one scheduled contact: the leader's own number (`--hours contact=0.5`), else ours."""
    return float((overrides or {}).get(CONTACT, CONTACT_HOURS))


def parse_hours(texts: list[str] | None) -> dict[str, float]:
    """`--hours one-on-ones=0.75` (repeatable) -> {"one-on-ones": 0.75}; one clear error per mistake."""
    result: dict[str, float] = {}
    for text in texts or []:
        kind, sep, value = text.partition("=")
        if not sep:
            raise InterventionError(f"--hours {text!r}: expected KIND=HOURS, e.g. one-on-ones=0.75")
        key = CONTACT if kind.strip().lower() == CONTACT else lookup(kind).key
        try:
            hours = float(value.strip().replace(",", "."))
        except ValueError:
            hours = -1.0
        if not 0 <= hours <= 40:
            raise InterventionError(
                f"--hours {text!r}: hours = {value.strip()!r} is not allowed (a number from 0 to 40)"
            )
        result[key] = hours
    return result


def week_hours(
    interventions: tuple[Intervention, ...] | list[Intervention],
    names: list[str],
    groups: np.ndarray,
    weeks: int,
    overrides: Mapping[str, float] | None = None,
) -> np.ndarray:
    """Leader hours in each week, (R, weeks): column w-1 is week w (see person_week_hours)."""
    return person_week_hours(interventions, names, groups, weeks, overrides).sum(axis=2)


def person_week_hours(
    interventions: tuple[Intervention, ...] | list[Intervention],
    names: list[str],
    groups: np.ndarray,
    weeks: int,
    overrides: Mapping[str, float] | None = None,
) -> np.ndarray:
    """Leader hours in each week spent on each person, (R, weeks, n).

    groups: (weeks+1, R, n) as recorded; week w's targets are read from the groups
    at the start of that week (row w-1), as the engines do. Each acting week costs the
    declared hours per targeted person plus one contact (CONTACT_HOURS) for every
    guaranteed contact the intervention writes that week; an intervention whose hours are
    the conversation (`contact_included`) costs its hours per contact it holds instead.
    """
    replications = groups.shape[1]
    total = np.zeros((replications, weeks, len(names)))
    per_contact = contact_hours(overrides)
    for intervention in interventions:
        hours = hours_for(intervention, overrides)
        # the conversation itself: its hours are paid per contact it holds (none skipped at 50%)
        is_conversation = type(_declared(intervention)).contact_included
        start = intervention.start or 1
        for week in range(start, weeks + 1):
            if not intervention.active(week):
                continue
            now = np.asarray(groups[week - 1]).reshape(replications, -1)
            who = np.broadcast_to(np.asarray(intervention.targets(names, now)), now.shape)
            nudges = Nudges.neutral(now.shape)
            intervention.nudge(nudges, who.copy(), week - start, WeekView(names=names, groups=now))
            contacts = nudges.guaranteed_contact & who
            if is_conversation:
                total[:, week - 1] += hours * contacts
            else:
                total[:, week - 1] += hours * who + per_contact * contacts
    return total


def weekly_hours(
    interventions: tuple[Intervention, ...] | list[Intervention],
    names: list[str],
    groups: np.ndarray,
    weeks: int,
    overrides: Mapping[str, float] | None = None,
) -> np.ndarray:
    """Leader hours per week, averaged over the run, one value per replication (see week_hours)."""
    return week_hours(interventions, names, groups, weeks, overrides).mean(axis=1)
