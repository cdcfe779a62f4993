"""`lmxsim info`: what made an output file (version, model fingerprint, seeds, scenario, parameters)."""

from __future__ import annotations

from pathlib import Path

import typer

from lmxsim.texts import CLI_LANG, t


def register(app: typer.Typer) -> None:
    app.command(help=t("cli.info_help", CLI_LANG))(info)


def info(
    path: Path = typer.Argument(
        ...,
        help=t("cli.info_path", CLI_LANG),
    ),
) -> None:
    import json

    from rich.console import Console

    from lmxsim.io.provenance import read

    record = read(path)
    Console().print_json(json.dumps(record), indent=1)
