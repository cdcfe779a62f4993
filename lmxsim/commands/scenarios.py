"""`lmxsim scenarios`: the preset scenarios, with their titles (and stories) in English or Dutch."""

from __future__ import annotations

import typer
from rich.console import Console
from rich.table import Table

from lmxsim.texts import CLI_LANG, Language, t


def register(app: typer.Typer) -> None:
    app.command(help=t("cli.scenarios_help", CLI_LANG))(scenarios)


def scenarios(
    lang: Language = typer.Option("en", "--lang", "-l", help=t("cli.scenarios_lang", CLI_LANG)),
    stories: bool = typer.Option(False, "--stories", help=t("cli.scenarios_stories", CLI_LANG)),
) -> None:
    from lmxsim.team.config import load_scenario, scenario_names

    table = Table(title=t("cli.scenarios_title", lang))
    table.add_column(t("cli.col_name", lang))
    table.add_column(t("cli.col_title", lang))
    table.add_column(t("cli.col_weeks", lang), justify="right")
    table.add_column(t("cli.col_team", lang), justify="right")
    if stories:
        table.add_column(t("cli.col_story", lang))
    for name in scenario_names():
        scenario = load_scenario(name)
        row = [name, scenario.title[lang], str(scenario.weeks), str(scenario.team_size)]
        if stories:
            row.append(scenario.story[lang])
        table.add_row(*row)
    Console(width=max(Console().width, 100)).print(table)
