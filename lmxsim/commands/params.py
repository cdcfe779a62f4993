"""`lmxsim params`: every parameter with its default, range, meaning and source."""

from __future__ import annotations

import typer
from rich.console import Console
from rich.table import Table

from lmxsim.texts import CLI_LANG, t


def register(app: typer.Typer) -> None:
    app.command(help=t("cli.params_help", CLI_LANG))(params)


def params() -> None:
    from lmxsim.model.params import parameter_table

    table = Table(title=t("cli.params_title", CLI_LANG))
    for column in t("cli.params_headings", CLI_LANG).split("|"):
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
