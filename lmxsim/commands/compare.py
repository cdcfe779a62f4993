"""`lmxsim compare`: twin runs, the same team and luck with and without interventions."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from lmxsim.model.seeds import MAX_SEED
from lmxsim.texts import CLI_LANG, t
from lmxsim.texts.interventions import kinds

# The intervention kinds, named in the help from their texts (no import of the catalogue, so
# `lmxsim --help` stays fast, and no list to keep by hand).
KINDS = ", ".join(kinds())
# Member measures whose change is shown per member (twin.COMPARED, in this order).
SHOWN = ("lmx7", "performance", "trust", "autonomy")
# Team measures in the summary line.
TEAM_SHOWN = ("performance", "lmx_mean", "lmx_differentiation", "out_group_share")


def register(app: typer.Typer) -> None:
    app.command(help=t("cli.compare_help", CLI_LANG))(compare)


def compare(
    intervention: list[str] = typer.Option(
        ..., "--intervention", "-i", help=escape(t("cli.compare_intervention", CLI_LANG, kinds=KINDS))
    ),
    scenario: str = typer.Option(
        "first-impression", "--scenario", "-s", help=t("cli.opt_scenario", CLI_LANG)
    ),
    config: Path | None = typer.Option(None, "--config", "-c", help=t("cli.opt_config", CLI_LANG)),
    weeks: int | None = typer.Option(None, "--weeks", "-w", help=t("cli.opt_weeks", CLI_LANG)),
    seed: int | None = typer.Option(
        None, "--seed", min=0, max=MAX_SEED, help=t("cli.compare_seed", CLI_LANG)
    ),
    engine: Literal["batch", "mesa"] = typer.Option(
        "batch", "--engine", "-e", help=t("cli.compare_engine", CLI_LANG)
    ),
    out: Path | None = typer.Option(None, "--out", "-o", help=t("cli.compare_out", CLI_LANG)),
) -> None:
    from lmxsim.io.limits import check_weeks
    from lmxsim.io.output import FORMATS, check_output_file, write_table
    from lmxsim.lab.twin import twin_run
    from lmxsim.model.measures import MEMBER, TEAM
    from lmxsim.team.config import load_config, load_scenario

    if out is not None:  # checked before the run, so a typo does not cost a simulation
        check_output_file(out, "--out", FORMATS)
    if weeks is not None:
        check_weeks(weeks, low=1)
    setup = load_config(config) if config else load_scenario(scenario)
    twins = twin_run(setup, intervention, weeks=weeks, rng=seed, engine=engine)
    lang = CLI_LANG
    console = Console()
    table = Table(
        title=t(
            "cli.compare_title",
            lang,
            title=setup.title.get(lang) or setup.name,
            weeks=twins.weeks,
            seed=twins.seed,
            engine=twins.engine,
        ),
        caption=t("cli.compare_with", lang, specs="; ".join(i.spec for i in twins.interventions)),
    )
    table.add_column(t("cli.col_name", lang))
    table.add_column(t("cli.compare_baseline", lang, measure=MEMBER["lmx7"].label(lang)), justify="right")
    for measure in SHOWN:
        table.add_column(f"\u0394 {MEMBER[measure].label(lang)}", justify="right")
    for row in twins.summary(SHOWN).itertuples(index=False):
        cells = [MEMBER["lmx7"].show(row.lmx7_baseline, lang)]
        for measure in SHOWN:
            cells.append(MEMBER[measure].show(getattr(row, f"{measure}_difference"), lang, change=True))
        table.add_row(row.name, *cells)
    console.print(table)
    end = twins.team[twins.team["week"] == twins.weeks].set_index("variant")
    change = end.loc["variant", list(TEAM_SHOWN)] - end.loc["baseline", list(TEAM_SHOWN)]
    shown = {name: TEAM[name].show(change[name], lang, change=True) for name in TEAM_SHOWN}
    console.print(
        t(
            "cli.compare_team_line",
            lang,
            performance=shown["performance"],
            lmx7=MEMBER["lmx7"].show(28 * change.lmx_mean, lang, change=True),
            differentiation=shown["lmx_differentiation"],
            out_group=shown["out_group_share"],
            week=twins.first_week,
        )
    )
    if out is not None:
        from lmxsim.io.provenance import of_scenario, stamp
        from lmxsim.model.columns import field_metadata

        write_table(twins.members, out)
        added = [i.spec for i in twins.interventions]
        info = of_scenario("compare", setup, seed=twins.seed, weeks=twins.weeks, engine=twins.engine)
        stamp(
            out,
            {**info, "added_interventions": added, "config": str(config) if config else None},
            field_metadata,
        )
        console.print(t("cli.compare_wrote", lang, rows=len(twins.members), path=out))
