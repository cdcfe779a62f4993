"""`lmxsim compare`: twin runs, the same team and luck with and without interventions."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from lmxsim.seeds import MAX_SEED

SPEC_HELP = (
    "intervention as KIND:TARGET@START, e.g. role-clarification:An@8; with a rhythm "
    "one-on-ones:out-group@4/2, for 12 weeks: ...@4/2,for=12 (repeatable; syntax in "
    "docs/interventions.md). Kinds: team-map, role-clarification, one-on-ones, stretch-assignment, "
    "sudden-praise, reflection, equal-latitude"
)
LABELS = {"lmx7": "LMX-7", "performance": "performance", "trust": "trust", "autonomy": "autonomy"}


def register(app: typer.Typer) -> None:
    app.command()(compare)


def compare(
    intervention: list[str] = typer.Option(..., "--intervention", "-i", help=escape(SPEC_HELP)),
    scenario: str = typer.Option(
        "first-impression", "--scenario", "-s", help="preset scenario (see `lmxsim scenarios`)"
    ),
    config: Path | None = typer.Option(None, "--config", "-c", help="TOML config file instead of a preset"),
    weeks: int | None = typer.Option(None, "--weeks", "-w", help="weeks to simulate"),
    seed: int | None = typer.Option(
        None, "--seed", min=0, max=MAX_SEED, help="random seed (same seed, same twins)"
    ),
    engine: Literal["batch", "mesa"] = typer.Option(
        "batch", "--engine", "-e", help="batch (fast) or mesa (the reference)"
    ),
    out: Path | None = typer.Option(
        None,
        "--out",
        "-o",
        help="write both runs, per member per week, with a variant column (.parquet/.csv)",
    ),
) -> None:
    """Run a twin: the scenario as it is and with the interventions, on the same random draws."""
    from lmxsim.config import load_config, load_scenario
    from lmxsim.limits import check_weeks
    from lmxsim.output import FORMATS, check_output_file, write_table
    from lmxsim.twin import twin_run

    if out is not None:  # checked before the run, so a typo does not cost a simulation
        check_output_file(out, "--out", FORMATS)
    if weeks is not None:
        check_weeks(weeks, low=1)
    setup = load_config(config) if config else load_scenario(scenario)
    twins = twin_run(setup, intervention, weeks=weeks, rng=seed, engine=engine)
    console = Console()
    table = Table(
        title=f"{setup.title.get('en') or setup.name}: change (variant minus baseline) after "
        f"{twins.weeks} weeks (seed {twins.seed}, {twins.engine} engine)",
        caption="with: " + "; ".join(i.spec for i in twins.interventions),
    )
    table.add_column("name")
    table.add_column("LMX-7 baseline", justify="right")
    for label in LABELS.values():
        table.add_column(f"\u0394 {label}", justify="right")
    for row in twins.summary().itertuples(index=False):
        cells = [f"{row.lmx7_baseline:.1f}"]
        for measure in LABELS:
            digits = 1 if measure == "lmx7" else 3
            cells.append(f"{getattr(row, f'{measure}_difference'):+.{digits}f}")
        table.add_row(row.name, *cells)
    console.print(table)
    end = twins.team[twins.team["week"] == twins.weeks].set_index("variant")
    measures = ["performance", "lmx_mean", "lmx_differentiation", "out_group_share"]
    change = end.loc["variant", measures] - end.loc["baseline", measures]
    console.print(
        f"Team: performance {change.performance:+.3f}, mean LMX-7 {28 * change.lmx_mean:+.2f}, "
        f"differentiation {change.lmx_differentiation:+.3f}, out-group share {change.out_group_share:+.0%}; "
        f"the twins are identical before week {twins.first_week}"
    )
    if out is not None:
        from lmxsim.provenance import of_scenario, stamp

        write_table(twins.members, out)
        added = [i.spec for i in twins.interventions]
        info = of_scenario("compare", setup, seed=twins.seed, weeks=twins.weeks, engine=twins.engine)
        stamp(out, {**info, "added_interventions": added, "config": str(config) if config else None})
        console.print(f"wrote {len(twins.members)} rows (both variants) to {out}")
