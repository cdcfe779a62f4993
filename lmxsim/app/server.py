"""Start the workshop app: a Solara server that works offline, on localhost or the room's network.

Solara reads its settings from the environment when first imported, so they
are set here before the imports (see docs/dev-notes-solara.md). Front-end
files come from solara-assets in the virtual environment: nothing is fetched
from the internet, and Solara's usage telemetry is off.
"""

from __future__ import annotations

import contextlib
import os
import socket
import threading
import webbrowser

APP = "lmxsim.app.main:Page"
ROOM_APP = "lmxsim.app.room_routes"  # the same Page, also at /room (the facilitator's overview)
# A tab closed properly frees its model at once; a laptop that just drops off the
# network keeps its session this long (Solara's default is 24 hours).
DISCONNECTED_SESSION_KEPT = "15m"


def lan_address() -> str | None:
    """This machine's address on the local network, or None if it has none."""
    with contextlib.suppress(OSError), socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
        s.connect(("10.255.255.255", 1))  # UDP connect sends nothing; it only picks a route
        address = s.getsockname()[0]
        if not address.startswith("127."):
            return address
    with contextlib.suppress(OSError):
        for info in socket.getaddrinfo(socket.gethostname(), None, socket.AF_INET):
            address = str(info[4][0])  # an IPv4 address (typeshed allows an int for other families)
            if not address.startswith("127."):
                return address
    return None


def port_free(host: str, port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            s.bind((host, port))
        except OSError:
            return False
    return True


def addresses(host: str, port: int, room_key: str | None = None) -> tuple[str, list[str]]:
    """(the address to open here, the lines to print for the trainer).

    With a room, the facilitator's address (with its key) is printed on its own, after the
    participants' address: the trainer keeps it off the projector."""
    local = f"http://127.0.0.1:{port}/" if host in ("0.0.0.0", "") else f"http://{host}:{port}/"
    lines = [f"lmxsim app is running: open {local}"]
    participants = local
    if host in ("0.0.0.0", ""):
        lan = lan_address()
        lines.append(
            "WARNING: the app is reachable by anyone on this local network "
            "(each visitor gets their own model). Stop it with Ctrl+C after the workshop."
        )
        if lan:
            participants = f"http://{lan}:{port}/"
            lines.append(f"Participants open: {participants}")
        else:
            lines.append("No network address found: is this machine connected to the room's network?")
    elif not host.startswith("127.") and host != "localhost":
        lines.append(f"WARNING: the app listens on {host}; others on that network can open it.")
    if room_key is not None:
        lines.append("")
        lines.append("Facilitator only (do not project this line; the key changes at every start):")
        lines.append(f"Facilitator opens: {participants}room?key={room_key}")
    lines.append("Stop with Ctrl+C.")
    return local, lines


def configure(lang: str = "en", scenario: str | None = None, room: bool = False) -> None:
    """Environment for Solara and for the Page (language and scenario at start)."""
    from lmxsim.app.page import LANG_ENV, SCENARIO_ENV

    os.environ[LANG_ENV] = lang
    if scenario:
        os.environ[SCENARIO_ENV] = scenario
    os.environ["SOLARA_APP"] = ROOM_APP if room else APP
    os.environ["SOLARA_MODE"] = "production"  # no check iframe to solara.dev, no hot reload
    os.environ["SOLARA_ASSETS_PROXY"] = "true"  # serve front-end files from solara-assets, also in VS Code
    os.environ["SOLARA_TELEMETRY_MIXPANEL_ENABLE"] = "false"
    os.environ.setdefault("SOLARA_KERNEL_CULL_TIMEOUT", DISCONNECTED_SESSION_KEPT)


def asgi_app(
    host: str, port: int, lang: str = "en", scenario: str | None = None, room_cap: int | None = None
):
    """The Starlette app serving the workshop (settings applied even if solara was imported already).

    `room_cap` opens the room (`lmxsim app --room`): a fresh facilitator key, at most that many
    participants connected at once."""
    import warnings

    configure(lang, scenario, room=room_cap is not None)
    if room_cap is not None:
        from lmxsim.app.room import Exercise, open_room

        open_room(room_cap, Exercise(scenario=scenario, lang=lang))
    os.environ["SERVER_NAME"] = host
    os.environ["SERVER_PORT"] = str(port)
    warnings.filterwarnings("ignore", message="Cookies with samesite=none")

    import solara.server.settings
    import solara.settings

    solara.settings.assets.proxy = True
    solara.server.settings.main.mode = "production"
    solara.server.settings.telemetry.mixpanel_enable = False
    solara.server.settings.kernel.cull_timeout = os.environ["SOLARA_KERNEL_CULL_TIMEOUT"]
    solara.server.settings.theme.show_banner = False  # the "runs on Solara" badge covered content

    import solara.server.app as appmod

    if "__default__" not in appmod.apps:
        appmod.apps["__default__"] = appmod.AppScript(os.environ["SOLARA_APP"])

    import solara.server.starlette

    app = solara.server.starlette.app
    hide_diagnostics(app)
    settle_heap(room=room_cap is not None)
    return app


def settle_heap(room: bool) -> None:
    """Import what the first visitor's page needs, then freeze everything loaded so far.

    The loaded libraries are ~200,000 tracked Python objects that live as long as the server.
    Without the freeze every full garbage collection walks them all again: with a room of 30
    playing that was a stop of the whole server for 0.15-0.6 s every few seconds, felt as slow
    Steps and a late overview (benchmarks/bench_room.py). Frozen objects are never collected,
    which is right for modules and nothing else is alive yet.
    """
    import gc

    import lmxsim.app.main

    if room:
        import lmxsim.app.room_facilitator
        import lmxsim.app.room_page
    else:
        with contextlib.suppress(ImportError):
            import lmxsim.app.strategy_lab  # noqa: F401
    gc.collect()
    gc.freeze()


DIAGNOSTICS = ("/resourcez",)  # the host's CPU, memory and sessions: nothing for a workshop room to see


def hide_diagnostics(app) -> None:
    """Remove Solara's diagnostic routes: with --host 0.0.0.0 anyone in the room could read them."""
    app.router.routes[:] = [r for r in app.router.routes if getattr(r, "path", None) not in DIAGNOSTICS]


def serve(
    host: str = "127.0.0.1",
    port: int = 8765,
    open_browser: bool = True,
    lang: str = "en",
    scenario: str | None = None,
    log_level: str = "warning",
    room_cap: int | None = None,
) -> None:
    """Serve the app until Ctrl+C (blocks); with `room_cap`, as a room with a facilitator page."""
    import uvicorn

    app = asgi_app(host, port, lang, scenario, room_cap)
    from lmxsim.app.room import current_room

    room = current_room() if room_cap is not None else None
    local, lines = addresses(host, port, room.key if room else None)
    for line in lines:
        print(line, flush=True)
    if room is not None:
        local = f"{local}room?key={room.key}"  # the trainer's own browser opens the facilitator page
    if open_browser:
        threading.Timer(1.5, webbrowser.open, args=[local]).start()
    from lmxsim.app.keepalive import WS_PING_INTERVAL, WS_PING_TIMEOUT, PatientWebSocket

    # Pings notice a tab whose network dropped (no close ever arrives) within seconds, not 40 s,
    # and do not drop a tab only because the server is behind with its messages.
    uvicorn.run(
        app,
        host=host,
        port=port,
        log_level=log_level,
        ws=PatientWebSocket,
        ws_ping_interval=WS_PING_INTERVAL,
        ws_ping_timeout=WS_PING_TIMEOUT,
    )
