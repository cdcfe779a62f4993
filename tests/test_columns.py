"""The data dictionary covers every column lmxsim writes, and docs/columns.md is generated from it.

If you add a column to an output (a member variable, a team measure), this test names it:
declare it in lmxsim/model/columns.py and regenerate the docs with
`uv run lmxsim columns --markdown > docs/columns.md`.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from lmxsim.engine.batch import run_batch
from lmxsim.engine.mesa_model import LMXModel
from lmxsim.model.columns import TABLES, lookup, markdown, rows, table_of
from lmxsim.team.members import Member

DOCS = Path(__file__).resolve().parents[1] / "docs" / "columns.md"
TEAM = [Member("An", ability=0.7, first_impression=0.3), Member("Bram", ability=0.7, first_impression=0.8)]


def missing(columns, table: str) -> list[str]:
    assert table_of(list(columns)) == table
    return [name for name in columns if lookup(name, table) is None]


def test_docs_table_is_generated_from_the_declaration():
    assert DOCS.read_text(encoding="utf-8") == markdown(), (
        "docs/columns.md is stale: uv run lmxsim columns --markdown > docs/columns.md"
    )


def test_every_entry_has_level_scale_and_meaning():
    seen = set()
    for table, column in rows():
        assert table in (*TABLES, "any")
        assert column.level in ("member", "team", "run", "strategy")
        assert column.scale.strip() and column.meaning.strip()
        assert (table, column.name) not in seen
        seen.add((table, column.name))


def test_mesa_model_frames_are_covered():
    model = LMXModel(team=TEAM, rng=1).run(2)
    assert missing(model.member_frame().columns, "member") == []
    assert missing(model.team_frame().columns, "team") == []


def test_batch_frames_and_tables_are_covered():
    run = run_batch([1, 2], 2, n_employees=5)
    assert missing(run.member_frame(1).columns, "member") == []
    assert missing(run.team_frame(1).columns, "team") == []
    assert missing(run.team_table().columns, "team") == []


def test_compare_and_strategy_tables_are_covered():
    from lmxsim.lab.strategies import compare_strategies, parse_strategy
    from lmxsim.lab.twin import twin_run
    from lmxsim.team.config import load_scenario

    twins = twin_run(load_scenario("first-impression"), ["role-clarification:An@1"], weeks=2, rng=1)
    assert missing(twins.members.columns, "member") == []
    comparison = compare_strategies(TEAM, [parse_strategy("one-on-ones:An@1/1")], replications=3, weeks=2)
    for table in (comparison.summary(), comparison.member_gains(), comparison.replication_table()):
        assert missing(table.columns, "strategy") == []


@pytest.mark.parametrize(
    "columns, table",
    [(["week", "member_id", "not_a_column"], "member"), (["week", "not_a_column"], "team")],
)
def test_a_column_nobody_declared_is_found_missing(columns, table):
    assert missing(columns, table) == ["not_a_column"]


def test_columns_command_lists_them(cli):
    code, out, _ = cli("columns")
    assert code == 0 and "lmx7" in out and "7-35" in out
    code, out, _ = cli("columns", "--markdown")
    assert code == 0 and out == markdown()
