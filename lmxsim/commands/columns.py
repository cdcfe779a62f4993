"""`lmxsim columns`: the data dictionary, every output column with level, scale and meaning."""

from __future__ import annotations

import typer


def register(app: typer.Typer) -> None:
    app.command()(columns)


def columns(
    markdown: bool = typer.Option(False, "--markdown", help="print the docs table (docs/columns.md)"),
) -> None:
    """List every column lmxsim writes: table, level, unit or scale, meaning."""
    from rich.console import Console
    from rich.table import Table

    from lmxsim.columns import markdown as as_markdown
    from lmxsim.columns import rows

    if markdown:
        typer.echo(as_markdown(), nl=False)
        return
    table = Table(title="lmxsim output columns (docs/columns.md)")
    for heading in ("table", "column", "level", "unit or scale", "meaning"):
        table.add_column(heading)
    for kind, column in rows():
        table.add_row(kind, column.name, column.level, column.scale, column.meaning)
    Console().print(table)
