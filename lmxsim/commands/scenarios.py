"""`lmxsim scenarios`: the preset scenarios, with their titles (and stories) in English or Dutch.

`--check NAME` prints how often each `[expect]` claim of that preset's story holds
(science/claims.py), over `--seeds` seeds and on the preset's own seed.
"""

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
    check: str | None = typer.Option(
        None, "--check", metavar="NAME", help=t("cli.scenarios_check", CLI_LANG)
    ),
    seeds: int = typer.Option(200, "--seeds", help=t("cli.scenarios_seeds", CLI_LANG)),
) -> None:
    if check is not None:
        check_story(check, seeds, lang)
        return
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


def check_story(name: str, seeds: int, lang: str) -> None:
    """Each claim's hold rate; NAME is a preset or the path of a scenario file (a preset being made)."""
    from lmxsim.io.limits import check_replications
    from lmxsim.science.claims import hold_rates
    from lmxsim.team.config import load_config, load_scenario
    from lmxsim.texts import percent

    seeds = check_replications(seeds, "--seeds")
    scenario = load_config(name) if name.endswith(".toml") else load_scenario(name)
    rates = hold_rates(scenario, seeds, lang)
    table = Table(title=t("cli.check_title", lang, name=scenario.name, seeds=seeds))
    table.add_column(t("cli.col_claim", lang))
    table.add_column(t("cli.col_holds", lang), justify="right")
    table.add_column(t("cli.col_own_seed", lang, seed=rates.own_seed), justify="center")
    for claim, share in rates.shares.items():
        table.add_row(
            claim, percent(share, lang), t("cli.yes" if rates.on_own_seed[claim] else "cli.no", lang)
        )
    console = Console(width=max(Console().width, 100))
    console.print(table)
    verdict = "cli.check_story_holds" if rates.holds else "cli.check_story_fails"
    console.print(t(verdict, lang, share=percent(rates.story, lang), bar=percent(rates.bar, lang)))
