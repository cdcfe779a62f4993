"""`lmxsim validate`: the stylized facts from the literature, measured on the model."""

from __future__ import annotations

import typer
from rich.console import Console
from rich.table import Table

from lmxsim.seeds import MAX_SEED


def register(app: typer.Typer) -> None:
    app.command()(validate)


def validate(
    replications: int | None = typer.Option(
        None, "--replications", "-r", min=20, help="teams per fact (default: what the tests use)"
    ),
    seed: int = typer.Option(1, "--seed", min=0, max=MAX_SEED, help="root seed"),
) -> None:
    """Check every stylized fact: fact, source, target band, model value, pass/fail."""
    from lmxsim.facts import FACTS

    table = Table(title="lmxsim: stylized facts (default parameters)")
    for column in ("fact", "source", "target", "model", "result"):
        table.add_column(column)
    failures = 0
    for fact in FACTS:
        value, ok = fact.check(replications=replications, seed=seed)
        failures += not ok
        table.add_row(
            fact.claim,
            fact.source,
            f"{fact.low:g} to {fact.high:g}",
            f"{value:.2f}",
            "[green]pass[/green]" if ok else "[red]FAIL[/red]",
        )
    console = Console()
    console.print(table)
    console.print(f"{len(FACTS) - failures} of {len(FACTS)} facts inside their band")
    if failures:
        raise typer.Exit(1)
