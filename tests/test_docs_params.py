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
