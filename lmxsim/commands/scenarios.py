"""`lmxsim scenarios`: the preset scenarios, with their titles (and stories) in English or Dutch."""

from __future__ import annotations

from typing import Literal

import typer
from rich.console import Console
from rich.table import Table


def register(app: typer.Typer) -> None:
    app.command()(scenarios)


def scenarios(
    lang: Literal["en", "nl"] = typer.Option("en", "--lang", "-l", help="language of titles and stories"),
    stories: bool = typer.Option(False, "--stories", help="also print each scenario's story"),
) -> None:
    """List the preset scenarios (run one with `lmxsim run --scenario NAME`)."""
    from lmxsim.config import load_scenario, scenario_names

    table = Table(title="Scenario's" if lang == "nl" else "Scenarios")
    table.add_column("naam" if lang == "nl" else "name")
    table.add_column("titel" if lang == "nl" else "title")
    table.add_column("weken" if lang == "nl" else "weeks", justify="right")
    table.add_column("team", justify="right")
    if stories:
        table.add_column("verhaal" if lang == "nl" else "story")
    for name in scenario_names():
        scenario = load_scenario(name)
        row = [name, scenario.title[lang], str(scenario.weeks), str(scenario.team_size)]
        if stories:
            row.append(scenario.story[lang])
        table.add_row(*row)
    Console(width=max(Console().width, 100)).print(table)
