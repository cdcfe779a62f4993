"""`lmxsim app`: the workshop app in the browser (Solara), offline, one model per tab."""

from __future__ import annotations

from typing import Literal

import typer


def register(app: typer.Typer) -> None:
    app.command("app")(run_app)


def run_app(
    port: int = typer.Option(8765, "--port", "-p", min=1, max=65535, help="port to serve on"),
    host: str = typer.Option(
        "127.0.0.1", "--host", help="127.0.0.1 = this computer only; 0.0.0.0 = the room's network joins"
    ),
    open_browser: bool = typer.Option(True, "--open/--no-open", help="open the app in the browser"),
    lang: Literal["en", "nl"] = typer.Option("en", "--lang", "-l", help="language at start"),
    scenario: str | None = typer.Option(None, "--scenario", "-s", help="preset scenario at start"),
    room: bool = typer.Option(
        False, "--room", help="workshop room: participants play their own team, /room?key=... shows the room"
    ),
    room_cap: int = typer.Option(
        40, "--room-cap", min=1, max=500, help="with --room: at most this many participants connected at once"
    ),
) -> None:
    """Start the workshop app (Ctrl+C stops it)."""
    from lmxsim.config import load_scenario
    from lmxsim.params import ParameterError

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
