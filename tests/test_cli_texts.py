"""The command line's texts come from the catalogue, and the lists it names cannot go stale."""

from __future__ import annotations

import re
from pathlib import Path

import lmxsim
from lmxsim.commands import sweep
from lmxsim.io.packaged import SWEEP_DIR
from lmxsim.texts import TEXT

COMMANDS = Path(lmxsim.__file__).parent / "commands"
# Owned by other work this round (the fit): not yet switched.
NOT_YET: set[str] = set()


def test_no_command_writes_its_own_help_or_titles() -> None:
    written = re.compile(r"""(help|title|caption)\s*=\s*f?["']""")
    offending = {
        path.name: line.strip()
        for path in sorted(COMMANDS.glob("*.py"))
        if path.name not in NOT_YET
        for line in path.read_text(encoding="utf-8").splitlines()
        if written.search(line)
    }
    assert not offending, f"texts written in a command, not in lmxsim/texts/cli.py: {offending}"


def test_every_cli_key_a_command_asks_for_exists() -> None:
    asked = {
        key
        for path in COMMANDS.glob("*.py")
        for key in re.findall(r"""t\(\s*["'](cli\.[a-z_]+)["']""", path.read_text(encoding="utf-8"))
    }
    assert asked, "the commands ask the catalogue for nothing: the pattern above is wrong"
    assert asked <= set(TEXT), f"missing in the catalogue: {sorted(asked - set(TEXT))}"


def test_the_sweeps_the_help_names_are_the_real_ones() -> None:
    assert sorted(sweep.PACKAGED.split(", ")) == sorted(p.stem for p in SWEEP_DIR.glob("*.toml"))


def test_the_ready_strategies_the_help_names_are_the_real_ones() -> None:
    from lmxsim.lab.strategies import READY_NAMES

    for lang in ("en", "nl"):
        listed = re.search(r"\(([a-z0-9, -]+)\)", TEXT["cli.strategies_strategy"][lang]).group(1)
        assert listed.split(", ") == list(READY_NAMES), lang


def test_help_shows_toml_table_names_as_written() -> None:
    """'[expect]' and '[params]' name TOML tables; read as Rich markup they vanished from --help."""
    from typer.testing import CliRunner

    from lmxsim.cli import app

    runner = CliRunner()
    scenarios = runner.invoke(app, ["scenarios", "--help"], env={"COLUMNS": "200"})
    validate = runner.invoke(app, ["validate", "--help"], env={"COLUMNS": "200"})
    assert scenarios.exit_code == 0 and validate.exit_code == 0
    assert "each [expect] claim" in " ".join(scenarios.output.split())
    assert "TOML file ([params])" in " ".join(validate.output.split())
