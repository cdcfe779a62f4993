"""The leader's time a strategy takes: hours per week, counted on the simulated weeks.

Each intervention declares `hours` (leader hours per targeted person in each week it
acts; interventions.py, with its source or "assumption"). A strategy may replace those
numbers with the leader's own (`Strategy.hours`). Targets such as "out-group" change
from week to week, so the hours are counted per replication from the groups the
simulation recorded: a strategy that shrinks the out-group also shrinks its own cost.
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np

from lmxsim.interventions.catalogue import Intervention, InterventionError, lookup


def hours_for(intervention: Intervention, overrides: Mapping[str, float] | None = None) -> float:
    """Hours per targeted person per acting week: the leader's own number, else the catalogue's."""
    if overrides and intervention.key in overrides:
        return float(overrides[intervention.key])
    return float(type(intervention).hours)


def parse_hours(texts: list[str] | None) -> dict[str, float]:
    """`--hours one-on-ones=0.75` (repeatable) -> {"one-on-ones": 0.75}; one clear error per mistake."""
    result: dict[str, float] = {}
    for text in texts or []:
        kind, sep, value = text.partition("=")
        if not sep:
            raise InterventionError(f"--hours {text!r}: expected KIND=HOURS, e.g. one-on-ones=0.75")
        key = lookup(kind).key
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


def weekly_hours(
    interventions: tuple[Intervention, ...] | list[Intervention],
    names: list[str],
    groups: np.ndarray,
    weeks: int,
    overrides: Mapping[str, float] | None = None,
) -> np.ndarray:
    """Leader hours per week, averaged over the run, one value per replication.

    groups: (weeks+1, R, n) as recorded; week w's targets are read from the groups
    at the start of that week (row w-1), as the engines do.
    """
    replications = groups.shape[1]
    total = np.zeros(replications)
    for intervention in interventions:
        hours = hours_for(intervention, overrides)
        if hours == 0:
            continue
        start = intervention.start or 1
        for week in range(start, weeks + 1):
            if intervention.active(week):
                who = np.asarray(intervention.targets(names, groups[week - 1]))
                total += hours * who.reshape(replications, -1).sum(axis=1)
    return total / max(weeks, 1)
