"""Workshop helpers over the one text catalogue (`lmxsim.texts`).

No label is written in a component: it asks `t(key, lang)`. Model error messages
(from params/config) stay in English; the app puts a translated sentence in front.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from lmxsim.texts import LANGUAGE_NAMES, LANGUAGES, TEXT, check_lang, number, percent, t

if TYPE_CHECKING:
    from lmxsim.interventions.catalogue import Intervention

__all__ = [
    "LANGUAGES",
    "LANGUAGE_NAMES",
    "TEXT",
    "check_lang",
    "group_label",
    "intervention_title",
    "number",
    "percent",
    "phase_label",
    "t",
    "target_label",
]


def target_label(target: str, lang: str) -> str:
    """'An' stays 'An'; 'out-group' becomes 'the out-group' / 'de out-groep'."""
    key = f"target_{target}"
    return t(key, lang) if key in TEXT else target


def group_label(group: str, lang: str) -> str:
    return t(f"group_{group}", lang)


def phase_label(phase: str, lang: str) -> str:
    return t(f"phase_{phase}", lang)


def intervention_title(cls: type[Intervention], lang: str) -> str:
    """Title of an intervention class from the catalogue, in `lang`."""
    title = getattr(cls, "title", {}) or {}
    return title.get(lang) or title.get("en") or cls.key
