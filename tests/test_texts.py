"""The one text catalogue: every key in every language, asking for the same placeholders."""

from __future__ import annotations

import pytest

from lmxsim.app.i18n import intervention_title
from lmxsim.interventions.catalogue import CATALOGUE, hours_source
from lmxsim.texts import AVOIDED_DUTCH, LANGUAGES, TEXT, number, percent, placeholders, t


@pytest.mark.parametrize("key", sorted(TEXT))
def test_every_key_exists_in_every_language_with_the_same_placeholders(key: str) -> None:
    entry = TEXT[key]
    missing = [lang for lang in LANGUAGES if not entry.get(lang)]
    assert not missing, f"{key!r} has no text in {missing}"
    wanted = placeholders(entry["en"])
    for lang in LANGUAGES:
        assert placeholders(entry[lang]) == wanted, f"{key!r} in {lang} asks for other placeholders"


def test_dutch_uses_one_word_per_concept() -> None:
    offending = {
        key: word for key, entry in TEXT.items() for word in AVOIDED_DUTCH if word in entry["nl"].lower()
    }
    assert not offending, f"Dutch texts use words the vocabulary rules out: {offending}"


def test_the_presets_stories_use_the_same_dutch_words() -> None:
    """A preset's story is shown in the app beside the catalogue's texts (the Favourites story said
    "binnengroep" under a drawing that says "in-groep")."""
    from lmxsim.team.config import SCENARIO_DIR, scenario_names

    offending = {
        name: word
        for name in scenario_names()
        for word in AVOIDED_DUTCH
        if word in (SCENARIO_DIR / f"{name}.toml").read_text(encoding="utf-8").lower()
    }
    assert not offending, f"preset stories use words the vocabulary rules out: {offending}"


def test_numbers_follow_the_language() -> None:
    assert number(0.625, "en", 3) == "0.625"
    assert number(0.625, "nl", 3) == "0,625"
    assert number(1234.5, "nl", 1) == "1.234,5"
    assert number(1234.5, "en", 1) == "1,234.5"


def test_no_signed_zero_and_signs_on_changes() -> None:
    assert number(-0.0004, "en", 3) == "0.000"
    assert number(-0.0004, "nl", 3, signed=True) == "0,000"
    assert number(0.012, "nl", 3, signed=True) == "+0,012"
    assert number(-0.012, "en", 3, signed=True) == "-0.012"
    assert percent(-0.00001, "en") == "0%"
    assert percent(0.25, "nl") == "25%"


def test_missing_language_falls_back_to_english_text() -> None:
    assert t("lab.title", "nl") == "Strategielab"
    assert t("lab.title", "en") == "Strategy lab"


@pytest.mark.parametrize("kind_key", sorted(CATALOGUE))
def test_intervention_titles_descriptions_and_hour_sources_come_from_the_catalogue(kind_key: str) -> None:
    kind = CATALOGUE[kind_key]
    for field in ("title", "description", "hours_source"):
        entry = TEXT[f"intervention.{kind_key}.{field}"]
        assert entry["en"] != entry["nl"], f"{kind_key} {field} is not translated"
        assert getattr(kind, field) == {lang: entry[lang] for lang in LANGUAGES}
    for lang in LANGUAGES:
        assert intervention_title(kind, lang) == t(f"intervention.{kind_key}.title", lang)
        assert hours_source(kind, lang) == t(f"intervention.{kind_key}.hours_source", lang)


def test_the_dutch_report_names_titles_and_hour_sources_in_dutch() -> None:
    from types import SimpleNamespace

    from lmxsim.lab.hr_report import _hours_html
    from lmxsim.lab.strategies import READY_NAMES, ready_strategy

    strategies = [ready_strategy(name) for name in READY_NAMES]
    used = {type(i) for s in strategies for i in s.interventions}
    assert used, "the ready strategies use no intervention: nothing to check"
    table = _hours_html(SimpleNamespace(strategies=strategies), "nl")
    for kind in used:
        assert t(f"intervention.{kind.key}.title", "nl") in table
        assert t(f"intervention.{kind.key}.hours_source", "nl") in table
        assert t(f"intervention.{kind.key}.hours_source", "en") not in table
