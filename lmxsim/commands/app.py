"""`lmxsim app`: the workshop app in the browser (Solara), offline, one model per tab."""

from __future__ import annotations

from typing import Literal

import typer

from lmxsim.texts import CLI_LANG, t


def register(app: typer.Typer) -> None:
    app.command("app", help=t("cli.app_cmd_help", CLI_LANG))(run_app)


def run_app(
    port: int = typer.Option(8765, "--port", "-p", min=1, max=65535, help=t("cli.app_port", CLI_LANG)),
    host: str = typer.Option("127.0.0.1", "--host", help=t("cli.app_host", CLI_LANG)),
    open_browser: bool = typer.Option(True, "--open/--no-open", help=t("cli.app_open", CLI_LANG)),
    lang: Literal["en", "nl"] = typer.Option("en", "--lang", "-l", help=t("cli.app_lang", CLI_LANG)),
    scenario: str | None = typer.Option(None, "--scenario", "-s", help=t("cli.app_scenario", CLI_LANG)),
    room: bool = typer.Option(False, "--room", help=t("cli.app_room", CLI_LANG)),
    room_cap: int = typer.Option(40, "--room-cap", min=1, max=500, help=t("cli.app_room_cap", CLI_LANG)),
) -> None:
    """Start the workshop app (Ctrl+C stops it)."""
    from lmxsim.model.params import ParameterError
    from lmxsim.team.config import load_scenario

    if scenario is not None:
        load_scenario(scenario)  # unknown preset: one readable line, before any server starts
    from lmxsim.app.server import port_free, serve

    if not port_free(host, port):
        raise ParameterError(f"port {port} on {host} is already in use (try --port {port + 1})")
    serve(
        host=host,
        port=port,
        open_browser=open_browser,
        lang=lang,
        scenario=scenario,
        room_cap=room_cap if room else None,
    )
