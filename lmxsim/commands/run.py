"""`lmxsim run`: one simulated team, printed as a table and optionally saved."""

from __future__ import annotations

from pathlib import Path

import typer
from rich.console import Console
from rich.table import Table

from lmxsim.seeds import MAX_SEED


def register(app: typer.Typer) -> None:
    app.command()(run)


def run(
    scenario: str = typer.Option(
        "first-impression", "--scenario", "-s", help="preset scenario (see `lmxsim scenarios`)"
    ),
    config: Path | None = typer.Option(None, "--config", "-c", help="TOML config file instead of a preset"),
    team: Path | None = typer.Option(
        None,
        "--team",
        "-t",
        help="team file (.csv, .xlsx or .toml, docs/team-files.md) replacing the scenario's team",
    ),
    weeks: int | None = typer.Option(None, "--weeks", "-w", min=0, help="weeks to simulate"),
    seed: int | None = typer.Option(
        None, "--seed", min=0, max=MAX_SEED, help="random seed (same seed, same run)"
    ),
    out: Path | None = typer.Option(
        None, "--out", "-o", help="write the per-member-per-week table (.parquet or .csv)"
    ),
) -> None:
    """Run one team and print where each relationship ended up."""
    from lmxsim.config import load_config, load_scenario
    from lmxsim.limits import check_weeks
    from lmxsim.output import FORMATS, check_output_file, write_table

    if out is not None:
        check_output_file(out, "--out", FORMATS)  # before the run: a typo must not cost a simulation
    setup = load_config(config) if config else load_scenario(scenario)
    if team is not None:
        from lmxsim.teamfile import load_team_file

        team_file = load_team_file(team)
        setup.team = team_file.members
        setup.team_size = len(setup.team)
        # the team is the subject now: its own title (TOML `title`), else the file's name
        setup.title = {"en": team_file.title or team.name, "nl": team_file.title or team.name}
        if team_file.note():
            Console(stderr=True).print(team_file.note(), markup=False, highlight=False)
    weeks = setup.weeks if weeks is None else check_weeks(weeks)
    seed = setup.seed if seed is None else seed
    sources = {"config": str(config) if config else None, "team_file": str(team) if team else None}
    model = setup.model(rng=seed).run(weeks)
    members = model.member_frame()
    from lmxsim.dynamics import PHASE_WORDS

    console = Console()
    final = members[members["week"] == weeks]
    table = Table(title=f"{setup.title.get('en') or setup.name}: after {weeks} weeks")
    for column in ("name", "phase", "group", "LMX-7", "trust", "autonomy", "performance"):
        table.add_column(column, justify="left" if column in ("name", "phase", "group") else "right")
    for row in final.itertuples():
        table.add_row(
            row.name,
            PHASE_WORDS.get(row.phase, row.phase),
            row.group,
            f"{row.lmx7:.1f}",
            f"{row.trust:.2f}",
            f"{row.autonomy:.2f}",
            f"{row.performance:.2f}",
        )
    console.print(table)
    team = model.team_frame().iloc[-1]
    console.print(
        f"Team: mean performance {team.performance:.2f}, mean LMX-7 "
        f"{7 + 28 * team.lmx_mean:.1f}, differentiation (SD of LMX) {team.lmx_differentiation:.2f}, "
        f"out-group {team.out_group_share:.0%}, mean safety {team.safety_mean:.2f}, "
        f"problems reported this week {int(team.problems_reported)}, hidden "
        f"{int(team.problems_hidden)}, fires {int(team.fires)}"
    )
    if out is not None:
        from lmxsim.provenance import of_scenario, stamp

        write_table(members, out)
        stamp(out, of_scenario("run", setup, seed=seed, weeks=weeks, engine="mesa", **sources))
        console.print(f"wrote {len(members)} rows to {out}")
