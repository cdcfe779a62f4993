"""`lmxsim run`: one simulated team, printed as a table and optionally saved."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

import typer
from rich.console import Console
from rich.table import Table

from lmxsim.model.seeds import MAX_SEED
from lmxsim.texts import CLI_LANG, t


def register(app: typer.Typer) -> None:
    app.command(help=t("cli.run_help", CLI_LANG))(run)


def run(
    scenario: str = typer.Option(
        "first-impression", "--scenario", "-s", help=t("cli.opt_scenario", CLI_LANG)
    ),
    config: Path | None = typer.Option(None, "--config", "-c", help=t("cli.opt_config", CLI_LANG)),
    team: Path | None = typer.Option(
        None,
        "--team",
        "-t",
        help=t("cli.run_team", CLI_LANG),
    ),
    weeks: int | None = typer.Option(None, "--weeks", "-w", min=0, help=t("cli.opt_weeks", CLI_LANG)),
    seed: int | None = typer.Option(None, "--seed", min=0, max=MAX_SEED, help=t("cli.run_seed", CLI_LANG)),
    out: Path | None = typer.Option(None, "--out", "-o", help=t("cli.run_out", CLI_LANG)),
    overwrite: bool = typer.Option(False, "--overwrite", help=t("cli.opt_overwrite", CLI_LANG)),
    lang: Literal["en", "nl"] = typer.Option("en", "--lang", help=t("cli.strategies_lang", CLI_LANG)),
) -> None:
    from lmxsim.engine.mesa_model import LMXModel
    from lmxsim.io.limits import check_weeks
    from lmxsim.io.output import FORMATS, check_output_file, write_table
    from lmxsim.team.config import load_config, load_scenario

    if out is not None:
        check_output_file(
            out, "--out", FORMATS, overwrite
        )  # before the run: a typo must not cost a simulation
    setup = load_config(config) if config else load_scenario(scenario)
    if team is not None:
        from lmxsim.team.teamfile import load_team_file

        team_file = load_team_file(team)
        setup.team = team_file.members
        setup.team_size = len(setup.team)
        # the team is the subject now: its own title (TOML `title`), else the file's name
        setup.title = {"en": team_file.title or team.name, "nl": team_file.title or team.name}
        if team_file.note(lang):
            Console(stderr=True).print(team_file.note(lang), markup=False, highlight=False)
    weeks = setup.weeks if weeks is None else check_weeks(weeks)
    seed = setup.seed if seed is None else seed
    sources = {"config": str(config) if config else None, "team_file": str(team) if team else None}
    model = LMXModel.from_scenario(setup, rng=seed).run(weeks)
    members = model.member_frame()
    console = Console()
    final = members[members["week"] == weeks]
    console.print(_members_table(final, setup, weeks, lang))
    console.print(_team_line(model.team_frame().iloc[-1], final, lang))
    if out is not None:
        from lmxsim.io.provenance import of_scenario, stamp
        from lmxsim.model.columns import field_metadata

        write_table(members, out)
        stamp(
            out, of_scenario("run", setup, seed=seed, weeks=weeks, engine="mesa", **sources), field_metadata
        )
        console.print(t("cli.wrote_rows", lang, rows=len(members), path=out))


SHOWN = ("lmx7", "trust", "autonomy", "performance")  # member measures in the table, after the labels


def _members_table(final, setup, weeks: int, lang: str = CLI_LANG) -> Table:
    """Where each relationship ended up: the members' phase, group and measures (measures.py)."""
    from lmxsim.model.measures import MEMBER

    table = Table(title=t("cli.run_title", lang, title=setup.title.get(lang) or setup.name, weeks=weeks))
    for heading in (t("cli.col_name", lang), MEMBER["phase"].label(lang), MEMBER["group"].label(lang)):
        table.add_column(heading, justify="left", overflow="fold")  # long names wrap, never cut
    for name in SHOWN:
        table.add_column(MEMBER[name].label(lang), justify="right", overflow="fold")
    for row in final.itertuples():
        cells = [MEMBER[name].show(getattr(row, name), lang) for name in SHOWN]
        # the words people read (the catalogue's), not the table's codes
        table.add_row(row.name, t(f"phase_{row.phase}", lang), t(f"group_{row.group}", lang), *cells)
    return table


def _team_line(team, final, lang: str = CLI_LANG) -> str:
    """The team at the end, one line, each number as its declaration says.

    Mean LMX-7 is the mean of the members' declared `lmx7` measure (`final`: the members at the end).
    """
    from lmxsim.model.measures import MEMBER, TEAM

    shown = {name: TEAM[name].show(team[name], lang) for name in TEAM}
    return t(
        "cli.run_team_line",
        lang,
        performance=shown["performance"],
        lmx7=MEMBER["lmx7"].show(final["lmx7"].mean(), lang),
        differentiation=shown["lmx_differentiation"],
        out_group=shown["out_group_share"],
        safety=shown["safety_mean"],
        reported=shown["problems_reported"],
        hidden=shown["problems_hidden"],
        fires=shown["fires"],
    )
