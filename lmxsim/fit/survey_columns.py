"""The survey file's column names, in English and Dutch, and "did you mean" for the ones we do not know.

A survey exported from a Dutch form or typed in a Dutch Excel has Dutch headers (naam,
meting, medewerker_1, ...); an English one has name, wave, member_1, ... Both are read;
spreadsheet decorations are forgiven the way the team file forgives them (case, spaces or
dashes for underscores, a trailing "(1-5)"). Columns for people, not the fit (notes,
opmerkingen) are read past.
"""

from __future__ import annotations

import difflib
import re

from lmxsim.model.measurement import ITEMS, RATERS

BASE = ("name", "wave", "week")
DUTCH_RATER = {"member": "medewerker", "leader": "leider"}
# canonical column -> its accepted spellings (after `normal`)
SPELLINGS: dict[str, tuple[str, ...]] = {
    "name": ("name", "naam"),
    "wave": ("wave", "meting", "golf", "ronde"),
    "week": ("week", "weken"),
    **{
        f"{rater}_{j}": (f"{rater}_{j}", f"{DUTCH_RATER[rater]}_{j}", f"lmx7_{DUTCH_RATER[rater]}_{j}")
        for rater in RATERS
        for j in range(1, ITEMS + 1)
    },
    **{
        f"{rater}_total": (f"{rater}_total", f"{DUTCH_RATER[rater]}_totaal", f"lmx7_{DUTCH_RATER[rater]}")
        for rater in RATERS
    },
    "leader_rating": ("leader_rating", "leider_oordeel", "oordeel_leider"),  # the leader's 1-5 of the work
    "performance": ("performance", "prestatie", "output"),  # objective performance, any unit (>= 0)
    "team": ("team",),  # a survey of many teams (fit/panel.py)
}
COLUMNS = {spelling: column for column, spellings in SPELLINGS.items() for spelling in spellings}
NOTES = frozenset(
    {"notes", "note", "comment", "comments", "remark", "remarks"}
    | {"opmerking", "opmerkingen", "notitie", "notities", "commentaar"}
)


# The blank survey a user fills in (configs/surveys/template-survey.* and sjabloon-vragenlijst.*):
# every column of one team's survey, the optional ones included, in each language's spelling.
TEMPLATE_COLUMNS: tuple[str, ...] = (
    *BASE,
    *(f"{rater}_{j}" for rater in RATERS for j in range(1, ITEMS + 1)),
    "leader_rating",
    "performance",
    "notes",
)
_DUTCH_BASE = {"name": "naam", "wave": "meting", "week": "week", "notes": "opmerkingen"}
TEMPLATE_FILES = {"en": "template-survey", "nl": "sjabloon-vragenlijst"}


def template_header(lang: str) -> list[str]:
    """The template's header row: the canonical names, or their Dutch spelling (medewerker_1, ...)."""
    if lang == "en":
        return list(TEMPLATE_COLUMNS)
    return [_DUTCH_BASE.get(column) or SPELLINGS[column][1] for column in TEMPLATE_COLUMNS]


def normal(cell: object) -> str:
    """A header cell as compared: lower case, a trailing "(...)" dropped, spaces and dashes as '_'."""
    text = "" if cell is None else str(cell).strip().lower()
    text = re.sub(r"\s*\(.*\)$", "", text)
    return re.sub(r"[\s\-]+", "_", text).replace("lmx_7", "lmx7")


def column_of(cell: object) -> str | None:
    """The canonical column a header cell names ('notes' for a notes column, None if unknown)."""
    text = normal(cell)
    if text in NOTES:
        return "notes"
    return COLUMNS.get(text)


def close_to(value: str, known: list[str], lang_or: str = " or ") -> str | None:
    """The known name closest to `value` (difflib; case ignored), quoted, or None."""
    folded = {k.casefold(): k for k in known}
    matches = difflib.get_close_matches(value.casefold(), list(folded), n=1, cutoff=0.6)
    if not matches:
        return None
    return lang_or.join(repr(folded[m]) for m in matches)


def close_column(cell: object) -> str | None:
    """The accepted header closest to a misspelled one, e.g. 'memeber_3' -> 'member_3'."""
    return close_to(normal(cell), [*COLUMNS, *sorted(NOTES)])
