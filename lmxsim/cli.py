"""The `lmxsim` command. Thin: parses input, calls the library, prints.

Each command lives in lmxsim/commands/<name>.py with a `register(app)`; those
modules import only typer and rich at the top, and the library inside the
command, so `lmxsim --help` and `--version` answer at once
(benchmarks/bench_cli.py). User mistakes (bad config, parameter, intervention
spec) print one line and exit with status 2; they never show a traceback.
"""

from __future__ import annotations

import importlib
import re
import signal
import sys
from typing import Protocol, TypeGuard

import typer

from lmxsim.texts import CLI_LANG, t

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
    "fit",
    "fit_design",
    "calibrate",
    "plan",
)

app = typer.Typer(
    help=t("cli.app_help", CLI_LANG),
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    # Help texts are plain words: "[expect]" and "[params]" are TOML tables, not Rich markup.
    rich_markup_mode=None,
)


def _print_version(value: bool) -> None:
    if value:
        from lmxsim import __version__

        typer.echo(f"lmxsim {__version__}")
        raise typer.Exit()


@app.callback()
def _options(
    version: bool = typer.Option(
        False, "--version", callback=_print_version, is_eager=True, help=t("cli.version_help", CLI_LANG)
    ),
) -> None:
    pass  # the help is the app's (cli.app_help in the text catalogue)


for _name in COMMANDS:
    importlib.import_module(f"lmxsim.commands.{_name}").register(app)


def user_errors() -> tuple[type[Exception], ...]:
    from lmxsim.interventions.catalogue import InterventionError
    from lmxsim.io.provenance import ProvenanceError
    from lmxsim.model.params import ParameterError
    from lmxsim.team.config import ConfigError
    from lmxsim.team.teamfile import TeamFileError

    return (ConfigError, InterventionError, ParameterError, ProvenanceError, TeamFileError)


INTERRUPTED = 130  # the shell's status for a command stopped by Ctrl-C


def _terminate_like_ctrl_c(signum, frame) -> None:
    """SIGTERM (kill, a batch system's time limit, a closed terminal) stops a command as Ctrl-C does."""
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    raise KeyboardInterrupt


def chosen_language(argv: list[str]) -> str:
    """The `--lang` given on the command line (English if none or not one we have), for messages
    that come before or instead of the command itself."""
    from lmxsim.texts import LANGUAGES

    for i, word in enumerate(argv):
        value = word.partition("=")[2] if word.startswith("--lang=") else None
        if word == "--lang" and i + 1 < len(argv):
            value = argv[i + 1]
        if value in LANGUAGES:
            return value
    return CLI_LANG


def main() -> None:
    from lmxsim.texts.errors import translate

    lang = chosen_language(sys.argv[1:])
    if signal.getsignal(signal.SIGTERM) == signal.SIG_DFL:  # not when embedded in a program that has its own
        signal.signal(signal.SIGTERM, _terminate_like_ctrl_c)
    try:
        code = app(standalone_mode=False)
    except KeyboardInterrupt:  # outside Click's own handling (it turns one into Abort)
        _interrupted()
    except Exception as error:
        # Checked here, not in an `except user_errors()` clause: that clause would import the
        # library on every exit.
        if _is_click_error(error):
            _usage_error(error, lang)
        if not isinstance(error, user_errors()):
            raise
        message = translate(str(error), lang)
        typer.secho(t("cli.error", lang, message=message), err=True, fg=typer.colors.RED)
        sys.exit(2)
    if code == INTERRUPTED:  # Typer turns Ctrl-C (and SIGTERM, above) into a silent Exit(130)
        _interrupted()
    sys.exit(code if isinstance(code, int) else 0)


class _ClickError(Protocol):
    """What the CLI reads of a Click error (Click's classes are matched by name, not imported)."""

    def format_message(self) -> str: ...


def _is_click_error(error: Exception) -> TypeGuard[_ClickError]:
    """Click's own errors (typer vendors Click, so they are recognised by class name)."""
    return any(kind.__name__ in ("ClickException", "Abort") for kind in type(error).__mro__)


QUOTE = "'"
CHOICE = re.compile(
    r"^Invalid value for '([^']+)'(?: / '[^']+')*: (?:Value error, )?'(.*)' is not one of (.*)\.$"
)


def _interrupted() -> None:
    """Ctrl-C or SIGTERM: one line, no traceback, the shell's status for an interrupt (130)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # a second Ctrl-C must not print a traceback now
    typer.secho(t("cli.interrupted", CLI_LANG), err=True)
    sys.exit(INTERRUPTED)


def _usage_error(error: _ClickError, lang: str = CLI_LANG) -> None:
    """A mistake on the command line: one line naming the option, the value and what is allowed."""
    from lmxsim.texts.errors import translate

    if type(error).__name__ == "Abort":
        if isinstance(getattr(error, "__context__", None), KeyboardInterrupt):  # Ctrl-C, SIGTERM
            _interrupted()
        typer.secho(t("cli.aborted", lang), err=True)
        sys.exit(1)
    if type(error).__name__ == "NoArgsIsHelpError":  # `lmxsim` alone: the help, as Click shows it
        ctx = getattr(error, "ctx", None)
        typer.echo(ctx.get_help() if ctx else str(error))
        sys.exit(2)
    message = " ".join(error.format_message().split())
    choice = CHOICE.match(message)
    if choice:
        option, value, allowed = choice.groups()
        message = t("cli.not_allowed", lang, option=option, value=value, allowed=allowed.replace(QUOTE, ""))
    else:
        message = translate(message, lang)
    typer.secho(t("cli.error", lang, message=message), err=True, fg=typer.colors.RED)
    sys.exit(getattr(error, "exit_code", 2))
