"""The `lmxsim` command. Thin: parses input, calls the library, prints.

Each command lives in lmxsim/commands/<name>.py with a `register(app)`.
User mistakes (bad config, parameter, intervention spec) print one line and
exit with status 2; they never show a traceback.
"""

from __future__ import annotations

import importlib
import sys

import typer

COMMANDS = ("run", "validate", "params", "scenarios", "compare", "sweep", "analyze", "strategies", "app")

app = typer.Typer(
    help="lmxsim: how the relationship between a leader and each team member grows or sours.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
for _name in COMMANDS:
    importlib.import_module(f"lmxsim.commands.{_name}").register(app)


def user_errors() -> tuple[type[Exception], ...]:
    from lmxsim.config import ConfigError
    from lmxsim.interventions import InterventionError
    from lmxsim.params import ParameterError
    from lmxsim.teamfile import TeamFileError

    return (ConfigError, InterventionError, ParameterError, TeamFileError)


def main() -> None:
    try:
        app()
    except user_errors() as error:
        typer.secho(f"error: {error}", err=True, fg=typer.colors.RED)
        sys.exit(2)
