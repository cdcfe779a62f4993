"""Strategy-lab helpers over the one text catalogue (`lmxsim.texts`, keys `lab.<key>`)."""

from __future__ import annotations

from lmxsim.texts import t

TARGETS = ("team", "out-group", "middle", "in-group")


def tl(key: str, lang: str, **values: object) -> str:
    """The label in `lang` (English when missing), with {placeholders} filled in."""
    return t(f"lab.{key}", lang, **values)


def target_label(target: str, lang: str) -> str:
    """'the whole team', 'de out-groep', ... for a group target (a member's name as it is)."""
    return tl(f"target_{target}", lang) if target in TARGETS else target
