"""`lmxsim columns`: the data dictionary, every output column with level, scale and meaning."""

from __future__ import annotations

import typer

from lmxsim.texts import CLI_LANG, t


def register(app: typer.Typer) -> None:
    app.command(help=t("cli.columns_help", CLI_LANG))(columns)


def columns(
    markdown: bool = typer.Option(False, "--markdown", help=t("cli.columns_markdown", CLI_LANG)),
) -> None:
    from rich.console import Console
    from rich.table import Table

    from lmxsim.model.columns import markdown as as_markdown
    from lmxsim.model.columns import rows

    if markdown:
        typer.echo(as_markdown(), nl=False)
        return
    table = Table(title=t("cli.columns_title", CLI_LANG))
    for heading in t("cli.columns_headings", CLI_LANG).split("|"):
        table.add_column(heading)
    for kind, column in rows():
        table.add_row(kind, column.name, column.level, column.scale, column.meaning)
    Console().print(table)
