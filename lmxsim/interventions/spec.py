"""The one-line intervention spec of the CLI and the app: `role-clarification:An@8`.

Syntax (spaces around the parts are ignored)::

    KIND[:TARGET][@START[/EVERY]][,every=K][,for=N][,OPTION=VALUE]

    KIND    an intervention from the catalogue (`lmxsim compare --help` lists them)
    TARGET  a member's name, in-group, middle, out-group or team (default: team)
    START   the first week it acts in (default: week 1 of a run, or next week live)
    EVERY   rhythm: it acts every K weeks from START (same as every=K)
    for=N   it runs N weeks from START (default: the intervention's own duration);
            for=end runs it to the end of the run, every=1 makes it act every week
    OPTION  an intervention's own setting, e.g. equal-latitude's level=0.6

Examples::

    role-clarification:An@8                  re-open An's role, from week 8 (8 weeks)
    one-on-ones:out-group@4/2                one-on-ones with the out-group every 2 weeks from week 4
    one-on-ones:Sam@4,every=2,for=12         ... with Sam, every 2 weeks, weeks 4 to 15
    team-map@6                               the leader draws the whole team in week 6
    equal-latitude@10,level=0.6              everyone's autonomy aims at .6 from week 10

Groups are re-read every week: `out-group` means whoever is in the out-group that week.
"""

from __future__ import annotations

import difflib
import re
from typing import Any

from lmxsim.interventions.catalogue import (
    CATALOGUE,
    GROUP_TARGETS,
    TEAM,
    Intervention,
    InterventionError,
    allowed_fields,
    lookup,
)

SYNTAX = "KIND[:TARGET][@START[/EVERY]][,every=K][,for=N]"
EXAMPLE = "role-clarification:An@8"
_HEAD = re.compile(r"^(?P<kind>[^:@/]+)(?::(?P<target>[^@]*))?(?:@(?P<start>[^/]*)(?:/(?P<every>.*))?)?$")
_KEYWORDS = {
    "every": "every",
    "for": "duration",
    "duration": "duration",
    "start": "start",
    "target": "target",
}


def _fail(text: str, problem: str) -> InterventionError:
    return InterventionError(
        f"intervention {text!r}: {problem} (expected {SYNTAX}, e.g. {EXAMPLE}; see docs/interventions.md)"
    )


def _whole(text: str, what: str, value: str) -> int:
    value = value.strip()
    if not value.isdigit() or int(value) < 1:
        raise _fail(text, f"{what} {value!r} is not a whole number of 1 or more")
    return int(value)


def _kind(text: str, name: str) -> type[Intervention]:
    try:
        return lookup(name)
    except InterventionError:
        close = difflib.get_close_matches(name.strip().lower(), list(CATALOGUE), n=1)
        hint = f"did you mean {close[0]}? " if close else ""
        raise _fail(
            text, f"unknown intervention {name.strip()!r}; {hint}allowed: {', '.join(CATALOGUE)}"
        ) from None


def _target(name: str) -> str:
    """Group words are case-insensitive; member names are kept as written."""
    lowered = name.lower()
    return lowered if lowered in GROUP_TARGETS or lowered == TEAM else name


def parse_spec(text: str) -> Intervention:
    """One intervention from its one-line spec; InterventionError says what is wrong and what is allowed."""
    if not isinstance(text, str) or not text.strip():
        raise _fail(str(text), "the spec is empty")
    head, *rest = [part.strip() for part in text.strip().split(",")]
    match = _HEAD.match(head)
    if match is None:
        raise _fail(text, f"cannot read {head!r}")
    kind = _kind(text, match["kind"])
    values: dict[str, Any] = {}  # mixed kinds by field; the intervention checks each one
    if match["target"] is not None:
        if not match["target"].strip():
            raise _fail(text, "the target after ':' is empty")
        values["target"] = _target(match["target"].strip())
    if match["start"] is not None:
        values["start"] = _whole(text, "start week", match["start"])
    if match["every"] is not None:
        values["every"] = _whole(text, "rhythm after '/'", match["every"])
    for option in rest:
        if "=" not in option:
            raise _fail(text, f"option {option!r} should look like name=value")
        name, value = (s.strip() for s in option.split("=", 1))
        field_name = _KEYWORDS.get(name.lower(), name.lower())
        if field_name not in allowed_fields(kind):
            allowed = ["every", "for", "start", "target", *kind.options]
            raise _fail(text, f"unknown option {name!r} for {kind.key} (allowed: {', '.join(allowed)})")
        if field_name in values:
            raise _fail(text, f"{name} is given twice")
        if field_name == "target":
            values[field_name] = _target(value)
        elif field_name == "duration" and value.lower() == "end":
            values[field_name] = None
        elif field_name in ("start", "every", "duration"):
            values[field_name] = _whole(text, name, value)
        else:
            try:
                values[field_name] = float(value)
            except ValueError:
                raise _fail(text, f"{name} = {value!r} is not a number") from None
    try:
        return kind(**values)
    except InterventionError as error:
        raise _fail(text, str(error)) from None


def parse_specs(texts: list[str] | tuple[str, ...]) -> list[Intervention]:
    return [parse_spec(text) for text in texts]


def check_plan(interventions: list[Intervention], names: list[str], weeks: int) -> None:
    """Before a run: every target exists and every start falls inside the run."""
    for intervention in interventions:
        intervention.targets(names, [0] * len(names))
        if intervention.start is not None and intervention.start > weeks:
            raise InterventionError(
                f"{intervention.spec}: starts in week {intervention.start}, after the run ends "
                f"(week {weeks}); choose a start from 1 to {weeks} or run more weeks"
            )
