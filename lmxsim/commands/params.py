"""`lmxsim params`: every parameter with its default, range, meaning and source."""

from __future__ import annotations

import typer
from rich.console import Console
from rich.table import Table


def register(app: typer.Typer) -> None:
    app.command()(params)


def params() -> None:
    """List the model parameters."""
    from lmxsim.params import parameter_table

    table = Table(title="lmxsim parameters")
    for column in ("name", "default", "range", "meaning", "source"):
        table.add_column(column)
    for row in parameter_table():
        table.add_row(
            row["name"],
            str(row["default"]),
            f"{row['low']}..{row['high']}",
            row["meaning"],
            row["source"],
        )
    Console().print(table)
