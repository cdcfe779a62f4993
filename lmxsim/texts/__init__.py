"""Every user-facing text of lmxsim, in every language, and how numbers are written.

One catalogue: the workshop page (`workshop.py`), the strategy lab (`lab.py`, keys
`lab.<key>`), the interventions' titles, descriptions and hour sources (`interventions.py`,
`intervention.<kind>.<field>`), the strategy comparison and its report (`report.py`,
`report.<key>`), the output measures (`measures.py`, keys `measure.<level>.<name>`), the
command line (`cli.py`, keys `cli.<key>`), team files (`teamfile.py`), reading hand-made
tables (`tabular.py`, keys `input.<key>`), the room (`room.py`), the fit (`fit.py`), survey
files (`survey.py`, keys `survey.<key>`), the leader's one-page plan (`plan.py`), and
whatever later areas add as their own module merged here. `t(key, lang)` is the only way a
front end gets a sentence; `number` and
`percent` write numbers the way the room reads them (Babel, not string replacement).

Dutch vocabulary, one word per concept (for translators; the catalogue test checks
the forbidden variants do not appear):

- leader: **leider** (not "leidinggevende": the app, the lab and the report use one word)
- in-group / out-group: **in-groep** / **out-groep** (with hyphen; not "ingroep", "outgroep",
  "binnengroep", "buitengroep")
- the whole team as a target: **het hele team** (not "iedereen", which stays fine in a sentence)
- relationship (LMX): **relatie**; relationship quality: **relatiekwaliteit**
- fire (a hidden problem that flares up): **brand**; hidden problem: **verzwegen probleem**
  (not "verborgen probleem"; a chart's legend says "verzwegen")
- first impression: **eerste indruk**; trust: **vertrouwen**; autonomy: **autonomie**
- strategy: **strategie**; one-on-one: **één-op-één**; role clarification: **rolverheldering**
- confidence interval: **betrouwbaarheidsinterval (BI)**
"""

from __future__ import annotations

import math
import string
from typing import Literal, get_args

from lmxsim.texts.cli import CLI
from lmxsim.texts.cli import CLI_LANG as CLI_LANG  # the CLI's language (English)
from lmxsim.texts.fit import FIT
from lmxsim.texts.interventions import INTERVENTIONS
from lmxsim.texts.lab import LAB
from lmxsim.texts.measures import MEASURES
from lmxsim.texts.plan import PLAN
from lmxsim.texts.report import REPORT
from lmxsim.texts.room import ROOM
from lmxsim.texts.survey import SURVEY
from lmxsim.texts.tabular import TABULAR
from lmxsim.texts.teamfile import TEAMFILE
from lmxsim.texts.workshop import WORKSHOP

# The one list of languages; `Language` is what a typed option (`--lang`) accepts.
Language = Literal["en", "nl"]
LANGUAGES: tuple[str, ...] = get_args(Language)
LANGUAGE_NAMES: dict[str, str] = {"en": "English", "nl": "Nederlands"}
# Babel locale per language: Belgian Dutch writes 0,62 and 1.234,5 like the Netherlands.
LOCALES: dict[str, str] = {"en": "en_GB", "nl": "nl_BE"}

# Dutch words the vocabulary above rules out (checked by tests/test_texts.py).
AVOIDED_DUTCH: tuple[str, ...] = (
    "leidinggevende", "outgroep", "ingroep", "binnengroep", "buitengroep", "verborgen probl",
)  # fmt: skip


def _merge(*areas: tuple[str, dict[str, dict[str, str]]]) -> dict[str, dict[str, str]]:
    merged: dict[str, dict[str, str]] = {}
    for prefix, entries in areas:
        for key, entry in entries.items():
            full = f"{prefix}{key}"
            if full in merged:
                raise RuntimeError(f"text key {full!r} is declared twice")
            merged[full] = entry
    return merged


TEXT: dict[str, dict[str, str]] = _merge(
    ("", WORKSHOP),
    ("lab.", LAB),
    ("report.", REPORT),
    ("room.", ROOM),
    ("teamfile.", TEAMFILE),
    ("input.", TABULAR),
    ("measure.", MEASURES),
    ("cli.", CLI),
    ("fit.", FIT),
    ("intervention.", INTERVENTIONS),
    ("plan.", PLAN),
    ("survey.", SURVEY),
)


def t(key: str, lang: str, **values: object) -> str:
    """The text for `key` in `lang` (English if missing), with {placeholders} filled in."""
    entry = TEXT[key]
    text = entry.get(lang) or entry["en"]
    return text.format(**values) if values else text


def texts_of(key: str) -> dict[str, str]:
    """`key` in every language, as {lang: text} (for code that keeps such a dict, e.g. an
    intervention's title)."""
    return {lang: t(key, lang) for lang in LANGUAGES}


def placeholders(text: str) -> set[str]:
    """The {names} a text expects (so every language can be checked to ask for the same)."""
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def _unsigned_zero(value: float, digits: int) -> float:
    # Rounding -0.0004 to 3 digits must print 0.000, not -0.000.
    rounded = round(float(value), digits)
    return 0.0 if rounded == 0 else rounded


def number(value: float, lang: str, digits: int = 2, signed: bool = False) -> str:
    """A number as the room reads it: '0.62' in English, '0,62' in Dutch; never '-0.00'.

    `signed` puts '+' before positive numbers (a change); zero stays unsigned.
    """
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    from babel.numbers import format_decimal  # here, not at the top: `lmxsim --help` stays fast

    shown = _unsigned_zero(value, digits)
    pattern = "#,##0" + ("." + "0" * digits if digits > 0 else "")
    text = format_decimal(shown, format=pattern, locale=LOCALES.get(lang, "en_GB"))
    return f"+{text}" if signed and shown > 0 else text


def percent(fraction: float, lang: str, digits: int = 0, signed: bool = False) -> str:
    """A share as a percentage: 0.25 -> '25%' in English, '25%' in Dutch (Babel's nl_BE form).

    `signed` puts '+' before a positive change; zero stays unsigned.
    """
    if fraction is None or (isinstance(fraction, float) and math.isnan(fraction)):
        return "–"
    from babel.numbers import format_percent

    shown = _unsigned_zero(fraction, digits + 2)
    pattern = "#,##0" + ("." + "0" * digits if digits > 0 else "") + "%"
    text = format_percent(shown, format=pattern, locale=LOCALES.get(lang, "en_GB"))
    return f"+{text}" if signed and shown > 0 else text


def check_lang(lang: str) -> str:
    """A readable error for `--lang xx`, before any server starts."""
    if lang not in LANGUAGES:
        raise ValueError(f"language {lang!r} is not available (choose {' or '.join(LANGUAGES)})")
    return lang
