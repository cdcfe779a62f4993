"""Docs are the code (issue 23, requirement 8): the ODD's parameter table is generated from Params."""

from __future__ import annotations

from pathlib import Path

from lmxsim.model.params import ODD_TABLE_END, ODD_TABLE_START, PARAMETERS, markdown_table

ODD = Path(__file__).resolve().parent.parent / "docs" / "ODD.md"


def test_the_odd_carries_the_parameter_table_generated_from_params():
    text = ODD.read_text(encoding="utf-8")
    assert ODD_TABLE_START in text and ODD_TABLE_END in text, "docs/ODD.md has no generated parameter table"
    shown = text[text.index(ODD_TABLE_START) : text.index(ODD_TABLE_END) + len(ODD_TABLE_END)]
    assert shown == markdown_table(), (
        "docs/ODD.md's parameter table differs from Params; regenerate it: "
        "uv run python -c 'from lmxsim.model.params import markdown_table; print(markdown_table())'"
    )


def test_the_table_has_one_row_per_parameter_with_its_default():
    table = markdown_table()
    for name, f in PARAMETERS.items():
        row = next(line for line in table.splitlines() if line.startswith(f"| `{name}` |"))
        default = f.default
        shown = ("true" if default else "false") if isinstance(default, bool) else f"{default:g}"
        assert row.split(" | ")[1] == shown, name


def _odd_fact_rows() -> dict[str, list[str]]:
    """The rows of docs/ODD.md section 1's pattern table, by fact id."""
    text = ODD.read_text(encoding="utf-8")
    table = text[text.index("**Patterns**") : text.index("**Evidence must discriminate.**")]
    rows = {}
    for line in table.splitlines():
        if line.startswith("| P"):
            cells = [cell.strip() for cell in line.strip("|").split(" | ")]
            rows[cells[0]] = cells
    return rows


def _band(low: float, high: float) -> str:
    return f"{low:g} to {high:g}".replace("-", "\N{MINUS SIGN}")


def test_the_odd_pattern_table_quotes_every_fact_with_its_claim_band_and_source():
    """The measured columns are as run (validate); the claim, band and source are the code's."""
    from lmxsim.science.facts import FACTS

    rows = _odd_fact_rows()
    assert sorted(rows) == sorted(f.key for f in FACTS), "docs/ODD.md section 1 lists other facts"
    for fact in FACTS:
        _key, claim, band, _mean, _share, source = rows[fact.key]
        assert (claim, band, source) == (fact.claim, _band(fact.low, fact.high), fact.source), fact.key
