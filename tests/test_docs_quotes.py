"""Docs are the code (issue 23, requirement 8): every parameter value that docs/ODD.md,
docs/workshop.md and docs/interventions.md quote next to a parameter's name is the default,
or the value of a named non-default setting the code holds (a preset, an ablation, a rival,
a fact's leader), or one of the few experiments listed here with their reason; and each
intervention's "*Defaults*" line says the catalogue's rhythm and duration."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest

from lmxsim.interventions.catalogue import CATALOGUE
from lmxsim.model.params import ODD_TABLE_END, ODD_TABLE_START, PARAMETERS, Params
from lmxsim.science.facts import STRONGLY_ANCHORED
from lmxsim.science.rivals import RIVALS
from lmxsim.science.validation import ABLATIONS
from lmxsim.team.config import load_scenario, scenario_names

DOCS = Path(__file__).resolve().parent.parent / "docs"
QUOTING = ("ODD.md", "workshop.md", "interventions.md")
# `name` = value, `name` value, `name` of value (value: .5, 0.5, 1, −.25)
QUOTE = re.compile(r"`(\w+)`\s*(?:=|of|is)?\s*([−-]?\d*\.?\d+)\b")

# Values quoted in prose for an experiment the text describes (not a setting the code ships).
EXPERIMENTS = {
    ("ability_mean", 0.45): "ODD 7.8: the out-group share of able and less able teams (tests/test_groups.py)",
    ("ability_sd", 0.1): "ODD 7.13: what a wider ability spread would do to P4 and P26",
    ("ability_sd", 0.15): "ODD 7.13: what a wider ability spread would do to P4, P25 and P26",
    # ODD 7.13, "Can the known misses be met": the levers experiments/known_misses.py tries
    ("autonomy_rate", 0.4): "ODD 7.13: a stronger loop tried against P5",
    ("routine_hides", 1.0): "ODD 7.13: a stronger loop tried against P5",
    ("effort_floor", 0.5): "ODD 7.13: a stronger loop tried against P5",
    ("trust_propensity_sd", 0.3): "ODD 7.13: more member-side spread tried against P25",
    ("trust_propensity_sd", 0.325): "ODD 7.13: member-side spread against P25 (refined)",
    ("member_expectation_sd", 0.4): "ODD 7.13: more member-side spread tried against P25",
    ("propensity_weight", 0.5): "ODD 7.13: more member-side spread tried against P25",
    ("member_expectation_weight", 0.4): "ODD 7.13: more member-side spread tried against P25",
    ("member_expectation_weight", 0.3025): "ODD 7.13: member-side spread against P25 (refined)",
    ("ability_sd", 0.12): "ODD 7.13: more ability spread tried against P25",
    ("initial_confidence", 0.29): "ODD 7.13: the anchoring knob is belief_rate under another name",
}


# The Model v2 defaults where Model v3's search changed them: the docs quote them as history
# (ODD 7.11-7.13, what v3 started from and what it measured against). `initial_confidence` .05
# was v2's with `belief_rate` .85 beside it (merged since: .1925 is the same leader).
V2_DEFAULTS = {
    "stranger_learning": 0.45, "acquaintance_learning": 1.0, "confidence_gain": 0.02,
    "unfairness_weight": 0.2, "initial_confidence": 0.05, "autonomy_rate": 0.2,
    "initial_autonomy": 0.45, "performance_noise": 0.17, "effort_floor": 0.775, "skill_rate": 0.047,
    "attention_budget": 0.305, "motivation_trust_share": 0.425, "settle_threshold": 0.0059,
    "plasticity_floor": 0.22,
}  # fmt: skip


# Earlier Model v3 searches, each shipped (or started from) until the next replaced it: the first
# (100 teams per candidate), the one on 26 weeks only, and the first on both horizons (ODD 7.11
# quotes them as history); read from their records, not copied here.
V3_HISTORY = [
    DOCS / "calibration" / f"{name}.toml"
    for name in ("default-v3-first", "default-26-weeks", "default-two-horizons-first")
]


def _named_settings() -> list[dict]:
    """Every non-default parameter setting the code itself holds, and earlier defaults (history)."""
    settings = [
        STRONGLY_ANCHORED,
        V2_DEFAULTS,
        *(tomllib.loads(path.read_text(encoding="utf-8"))["params"] for path in V3_HISTORY),
        *(a.switch for a in ABLATIONS),
        *(r.params().to_dict() for r in RIVALS),
    ]
    settings += [load_scenario(name).params.to_dict() for name in scenario_names()]
    return settings


def _quotes() -> list[tuple[str, int, str, float]]:
    found = []
    for doc in QUOTING:
        text = (DOCS / doc).read_text(encoding="utf-8")
        if ODD_TABLE_START in text:  # the generated table is checked by test_docs_params.py
            text = text[: text.index(ODD_TABLE_START)] + text[text.index(ODD_TABLE_END) :]
        for match in QUOTE.finditer(text):
            name, value = match.group(1), float(match.group(2).replace("−", "-"))
            if name in PARAMETERS:
                found.append((doc, text[: match.start()].count("\n") + 1, name, value))
    return found


def test_the_docs_quote_parameters_at_all():
    assert len(_quotes()) > 10  # the pattern still finds the docs' way of quoting


def test_every_quoted_parameter_value_is_the_default_or_a_named_setting():
    default = Params().to_dict()
    settings = _named_settings()
    wrong = []
    for doc, line, name, value in _quotes():
        if isinstance(default[name], bool):
            continue
        known = [default[name], *(s[name] for s in settings if name in s)]
        if not any(abs(value - float(v)) < 1e-9 for v in known) and (name, value) not in EXPERIMENTS:
            wrong.append(f"docs/{doc}:{line}: `{name}` {value:g} (default {default[name]:g})")
    heading = "quoted values that are neither the default nor a setting the code holds:"
    assert not wrong, "\n".join([heading, *wrong])


def _phrase(kind) -> str:
    """The rhythm and duration of an intervention's defaults, in the docs' words."""
    every = kind.every if kind.every is not None else None
    duration = kind.duration
    if duration == 1 and every is None:
        return "one week"
    rhythm = "every week" if every is None else f"every {every} weeks"
    return f"{rhythm} for {duration} weeks" if duration is not None else f"{rhythm}, to the end of the run"


@pytest.mark.parametrize("key", list(CATALOGUE))
def test_each_intervention_s_defaults_line_says_the_catalogue_s_rhythm_and_duration(key):
    text = (DOCS / "interventions.md").read_text(encoding="utf-8")
    section = re.search(rf"^### .*\(`{re.escape(key)}`\)\n\n\*Defaults\*: (.*)$", text, re.MULTILINE)
    assert section, f"docs/interventions.md has no section with a *Defaults* line for {key}"
    kind = CATALOGUE[key]
    defaults = {f: getattr(kind, f) for f in ("every", "duration")}
    assert _phrase(kind) in section.group(1), (key, defaults, section.group(1))
