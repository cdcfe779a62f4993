"""Strategy-lab helpers over the one text catalogue (`lmxsim.texts`, keys `lab.<key>`)."""

from __future__ import annotations

from lmxsim.texts import t

MEASURE_LABELS = {
    "performance": {"en": "Team performance", "nl": "Teamprestatie"},
    "lmx_differentiation": {"en": "Split (LMX spread)", "nl": "Tweedeling (LMX-spreiding)"},
    "problems_hidden": {"en": "Hidden problems", "nl": "Verborgen problemen"},
    "fires": {"en": "Fires so far", "nl": "Branden tot nu toe"},
    "out_group_share": {"en": "Out-group share", "nl": "Aandeel out-groep"},
}
TARGET_LABELS = {
    "team": {"en": "the whole team", "nl": "het hele team"},
    "out-group": {"en": "the out-group", "nl": "de out-groep"},
    "middle": {"en": "the middle", "nl": "het midden"},
    "in-group": {"en": "the in-group", "nl": "de in-groep"},
}


def tl(key: str, lang: str, **values: object) -> str:
    """The label in `lang` (English when missing), with {placeholders} filled in."""
    return t(f"lab.{key}", lang, **values)
