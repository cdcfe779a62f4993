"""`lmxsim validate`: the stylized facts from the literature, measured on the model over many seeds,
and (with --ablations) which facts leave their band when each mechanism is switched off."""

from __future__ import annotations

import json
from pathlib import Path

import typer
from rich.console import Console
from rich.table import Table


def register(app: typer.Typer) -> None:
    app.command()(validate)


def validate(
    seeds: int = typer.Option(
        20, "--seeds", "-s", min=2, max=1000, help="root seeds 1..S; each runs every fact"
    ),
    replications: int | None = typer.Option(
        None, "--replications", "-r", help="teams per fact and seed (20 or more; default 300)"
    ),
    ablations: bool = typer.Option(False, "--ablations", help="also switch each mechanism off in turn"),
    json_out: Path | None = typer.Option(None, "--json", help="write facts (and ablations) as JSON here"),
    workers: int = typer.Option(
        2, "--workers", "-w", min=1, max=64, help="processes (results do not depend on it)"
    ),
) -> None:
    """Check every stylized fact over many seeds: band, mean, 95% interval, share of seeds in band."""
    from lmxsim.facts import FACTS, REPLICATIONS
    from lmxsim.limits import check_replications
    from lmxsim.validation import ablate, as_json, open_executor, summarise

    if replications is not None:
        check_replications(replications, low=20)

    replications = replications or REPLICATIONS
    if json_out is not None and (json_out.is_dir() or not json_out.parent.is_dir()):
        raise typer.BadParameter(f"{json_out} is a folder or its folder does not exist", param_hint="--json")
    console = Console()
    executor = open_executor(workers)
    try:
        facts = summarise(seeds=seeds, replications=replications, executor=executor)
        matrix = ablate(seeds, replications, executor) if ablations else None
    finally:
        if executor is not None:
            executor.shutdown()

    table = Table(title=f"lmxsim: stylized facts, default parameters, {seeds} seeds x {replications} teams")
    for column in ("id", "fact", "source", "band", "mean", "95% interval", "seeds in band"):
        table.add_column(column)
    for f in facts:
        colour = "green" if f.pass_share >= 0.95 else ("yellow" if f.inside else "red")
        table.add_row(
            f.id, f.name, f.source, f"{f.band[0]:g} to {f.band[1]:g}", f"{f.mean:.3f}",
            f"{f.ci[0]:.3f} to {f.ci[1]:.3f}", f"[{colour}]{f.pass_share:.0%}[/{colour}]",
        )  # fmt: skip
    console.print(table)
    failing = [f.id for f in facts if f.pass_share < 0.95]
    console.print(f"{len(facts) - len(failing)} of {len(facts)} facts in band in at least 95% of seeds")

    if matrix is not None:
        grid = Table(title="ablations: x = the fact's mean leaves its band without the mechanism")
        grid.add_column("mechanism switched off")
        for fact in FACTS:
            grid.add_column(fact.key, justify="center")
        grid.add_column("switch")
        for row in matrix:
            out = set(row["out_of_band"])
            switch = ", ".join(f"{k}={v}" for k, v in row["switch"].items())
            grid.add_row(row["mechanism"], *["[red]x[/red]" if f.key in out else "." for f in FACTS], switch)
        console.print(grid)
        blind = [row["mechanism"] for row in matrix if not row["out_of_band"]]
        if blind:
            console.print(f"[red]no fact tells these mechanisms apart:[/red] {', '.join(blind)}")
    if json_out is not None:
        json_out.write_text(json.dumps(as_json(facts, matrix), indent=2))
        console.print(f"written: {json_out}")
    if failing or (matrix is not None and any(not row["out_of_band"] for row in matrix)):
        raise typer.Exit(1)
