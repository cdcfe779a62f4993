"""The `lmxsim` command. Thin: parses input, calls the library, prints.

Each command lives in lmxsim/commands/<name>.py with a `register(app)`; those
modules import only typer and rich at the top, and the library inside the
command, so `lmxsim --help` and `--version` answer at once
(benchmarks/bench_cli.py). User mistakes (bad config, parameter, intervention
spec) print one line and exit with status 2; they never show a traceback.
"""

from __future__ import annotations

import importlib
import sys

import typer

COMMANDS = (
    "run",
    "validate",
    "params",
    "scenarios",
    "compare",
    "sweep",
    "analyze",
    "strategies",
    "app",
    "info",
    "columns",
)

app = typer.Typer(
    help="lmxsim: how the relationship between a leader and each team member grows or sours.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
)


def _print_version(value: bool) -> None:
    if value:
        from lmxsim import __version__

        typer.echo(f"lmxsim {__version__}")
        raise typer.Exit()


@app.callback()
def _options(
    version: bool = typer.Option(
        False, "--version", callback=_print_version, is_eager=True, help="Print the version and stop."
    ),
) -> None:
    """lmxsim: how the relationship between a leader and each team member grows or sours."""


for _name in COMMANDS:
    importlib.import_module(f"lmxsim.commands.{_name}").register(app)


def user_errors() -> tuple[type[Exception], ...]:
    from lmxsim.config import ConfigError
    from lmxsim.interventions import InterventionError
    from lmxsim.params import ParameterError
    from lmxsim.provenance import ProvenanceError
    from lmxsim.teamfile import TeamFileError

    return (ConfigError, InterventionError, ParameterError, ProvenanceError, TeamFileError)


def main() -> None:
    try:
        app()
    except Exception as error:
        # Checked here, not in an `except user_errors()` clause: that clause would import the
        # library on every exit (Click ends even --help with SystemExit).
        if not isinstance(error, user_errors()):
            raise
        typer.secho(f"error: {error}", err=True, fg=typer.colors.RED)
        sys.exit(2)
