"""The strategies a leader can compare: ready-made ones and their own, as one-line specs.

A Strategy is a named plan (interventions with targets, start weeks and rhythms) plus,
optionally, the leader's own hours per intervention (effort.py). Ready strategies are
built on demand from the intervention catalogue; their titles live in the text catalogue
(`lab.ready_<name>`). strategies.py compares them.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from lmxsim.interventions.catalogue import CATALOGUE, Intervention, InterventionError, lookup
from lmxsim.interventions.spec import parse_spec
from lmxsim.texts import LANGUAGES, TEXT, t

NOTHING = "nothing"


@dataclass(frozen=True)
class Strategy:
    """A named plan: the interventions a leader would carry out (none: doing nothing)."""

    name: str
    title: dict[str, str]
    interventions: tuple[Intervention, ...] = ()
    # the leader's own hours per targeted person per acting week, by intervention key
    # (replaces the catalogue's assumption, see effort.py)
    hours: dict[str, float] = field(default_factory=dict, compare=False)

    def describe(self, lang: str = "en") -> str:
        """One line listing what the strategy does (the catalogue titles with targets and weeks)."""
        if not self.interventions:
            return t("lab.no_intervention", lang)
        return "; ".join(_describe(i, lang) for i in self.interventions)

    @property
    def spec(self) -> str:
        """The custom-strategy text that rebuilds it: `name=spec+spec`."""
        return f"{self.name}=" + "+".join(i.spec for i in self.interventions)


def _describe(intervention: Intervention, lang: str) -> str:
    target = intervention.target
    if f"lab.target_{target}" in TEXT:
        target = t(f"lab.target_{target}", lang)
    parts = [target, t("lab.from_week", lang, w=intervention.start or 1)]
    if intervention.every:
        parts.append(t("lab.every_weeks", lang, k=intervention.every))
    elif type(intervention).every is not None:  # a rhythm set to every week
        parts.append(t("lab.weekly", lang))
    if intervention.duration:
        parts.append(t("lab.for_weeks", lang, n=intervention.duration))
    return f"{intervention.title.get(lang, intervention.key)} ({', '.join(parts)})"


def _make(key: str, **settings) -> Intervention:
    if key not in CATALOGUE:
        raise InterventionError(
            f"intervention {key!r} is not in the catalogue (have: {', '.join(CATALOGUE)})"
        )
    return CATALOGUE[key](**settings)


# name -> [(intervention key, settings), ...]; titles are `lab.ready_<name>` in the catalogue
_READY: dict[str, list[tuple[str, dict]]] = {
    NOTHING: [],
    "one-on-ones-out-group": [("one-on-ones", {"target": "out-group", "start": 1, "every": 1})],
    "reopen-role-taking": [("role-clarification", {"target": "team", "start": 1})],
    "reflection-every-4": [("reflection", {"target": "team", "start": 1, "every": 4})],
    "equal-latitude": [("equal-latitude", {"target": "team", "start": 1})],
    "team-map-one-on-ones": [
        ("team-map", {"target": "team", "start": 1}),
        ("one-on-ones", {"target": "out-group", "start": 1, "every": 2}),
    ],
}
READY_NAMES: tuple[str, ...] = tuple(_READY)


def ready_strategy(name: str) -> Strategy:
    """One of the ready-made strategies by name (see READY_NAMES)."""
    if name not in _READY:
        raise InterventionError(f"unknown ready strategy {name!r} (ready: {', '.join(READY_NAMES)})")
    titles = {lang: t(f"lab.ready_{name}", lang) for lang in LANGUAGES}
    return Strategy(name, titles, tuple(_make(key, **settings) for key, settings in _READY[name]))


def ready_strategies() -> list[Strategy]:
    return [ready_strategy(name) for name in READY_NAMES]


def custom_strategy(specs: str | Sequence[str], name: str | None = None) -> Strategy:
    """A strategy from one-line intervention specs, e.g. ["one-on-ones:Sam@1,every=1", ...]."""
    specs = [specs] if isinstance(specs, str) else list(specs)
    specs = [s.strip() for s in specs if s.strip()]
    if not specs:
        raise InterventionError("a custom strategy needs at least one intervention, e.g. one-on-ones:Sam@1")
    interventions = tuple(parse_spec(s) for s in specs)
    for intervention in interventions:
        if intervention.start is None:
            intervention.start = 1
    label = name or " + ".join(specs)
    return Strategy(label, dict.fromkeys(LANGUAGES, label), interventions)


def parse_strategy(text: str) -> Strategy:
    """A ready name, or a custom strategy: `[label=]spec+spec+...` (specs: lmxsim/interventions/spec.py)."""
    text = text.strip()
    if text in _READY:
        return ready_strategy(text)
    label = None
    head, sep, rest = text.partition("=")
    if sep and not re.search(r"[:@,/]", head):
        label, text = head.strip() or None, rest
    kind = re.split(r"[:@,/+]", text, maxsplit=1)[0]
    try:
        lookup(kind)
    except InterventionError:
        raise InterventionError(
            f"unknown strategy {text!r} (ready: {', '.join(READY_NAMES)}; or a custom one like "
            "'my plan=one-on-ones:Sam@1,every=1+role-clarification:team@4')"
        ) from None
    return custom_strategy(text.split("+"), label)
