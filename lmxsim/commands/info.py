"""`lmxsim info`: what made an output file (version, model fingerprint, seeds, scenario, parameters)."""

from __future__ import annotations

from pathlib import Path

import typer


def register(app: typer.Typer) -> None:
    app.command()(info)


def info(
    path: Path = typer.Argument(
        ...,
        help="an output of lmxsim: .parquet, .csv (with its .provenance.json), a folder or sweep directory",
    ),
) -> None:
    """Print the provenance an output carries, as JSON: enough to make it again."""
    import json

    from rich.console import Console

    from lmxsim.provenance import read

    record = read(path)
    Console().print_json(json.dumps(record), indent=1)
