"""The input rules, in one place: whole numbers, ranges, run length and member names.

Scenario files, team files, the command line, the app and the Python API all check
their inputs with these helpers, so the same mistake gets the same message (one
line naming the field, the value and what is allowed) and the same exception type
(ParameterError; readers of files wrap it in their own error with the file name).
"""

from __future__ import annotations

import math
from collections.abc import Iterable


class ParameterError(ValueError):
    """A user-supplied value is unknown or out of range (message names field and value).

    Defined here, with the rules that raise it, so that the lowest layer (files, limits)
    can raise it without importing the model; lmxsim.model.params re-exports it.
    """


# One limit on the length of a run, for the app, the strategy lab, the command line and
# config files: about 190 years of working weeks (docs/limits.md). The app's sliders and
# the lab's field offer less because their work is capped separately (limits.APP_MAX_WORK).
MAX_WEEKS = 10_000
# The workshop plays a run week by week for a room: it shows at most this many weeks (three
# years), whatever a scenario file says. A display horizon, not an input limit.
WORKSHOP_WEEKS = 156
# How long a member may have worked with the leader before the run starts (a working life).
MAX_WEEKS_TOGETHER = 52 * 45


def check_whole(value: object, field: str, low: int, high: int | None = None) -> int:
    """`value` as a whole number from low to high (no upper bound if high is None)."""
    if (
        not isinstance(value, int)
        or isinstance(value, bool)
        or value < low
        or (high is not None and value > high)
    ):
        raise ParameterError(f"{field} = {value!r} is not allowed ({whole_range(low, high)})")
    return value


def whole_range(low: int, high: int | None = None) -> str:
    """What a whole-number field allows, in the words every message uses."""
    return f"a whole number {low:,} to {high:,}" if high is not None else f"a whole number, {low:,} or more"


def check_number(value: object, field: str, low: float = 0.0, high: float = 1.0) -> float:
    """`value` as a finite number from low to high."""
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        raise ParameterError(f"{field} = {value!r} is not allowed ({number_range(low, high)})")
    if not low <= value <= high:
        raise ParameterError(f"{field} = {value!r} is not allowed ({number_range(low, high)})")
    return float(value)


def number_range(low: float, high: float) -> str:
    return f"a number from {low:g} to {high:g}"


def check_weeks(value: object, field: str = "weeks", low: int = 0) -> int:
    """A run length: a whole number from `low` to MAX_WEEKS."""
    return check_whole(value, field, low, MAX_WEEKS)


def name_key(name: str) -> str:
    """Names are the same person regardless of case and surrounding spaces ('An' = ' an')."""
    return name.strip().casefold()


def check_unique_names(names: Iterable[str], labels: Iterable[str] | None = None) -> None:
    """Member names must be unique regardless of case; `labels` say where each name was given."""
    names = list(names)
    labels = list(labels) if labels is not None else [f"member {i}" for i in range(1, len(names) + 1)]
    first: dict[str, tuple[str, str]] = {}
    for name, label in zip(names, labels, strict=True):
        key = name_key(name)
        if key in first:
            other, where = first[key]
            also = f"{other!r} at {where}" if other != name else where
            raise ParameterError(
                f"{label}: name {name!r} appears twice (also {also}); names must be unique, "
                "whatever their capitals"
            )
        first[key] = (name, label)
