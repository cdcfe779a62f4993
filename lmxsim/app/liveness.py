"""Server work belongs to a live connection: is the browser tab that asked for it still there?

A tab that closes properly sends `beforeunload` and Solara closes its session at once. A tab
whose browser crashed, whose laptop lid closed or whose network dropped sends nothing: its
websocket just ends (a killed browser) or stops answering pings (a dropped network; the server
pings every WS_PING_INTERVAL seconds and gives up after WS_PING_TIMEOUT, app/keepalive.py).
Solara then marks the page disconnected but keeps the session for a reconnect, so work that
only watched for the session's close ran on for as long as anyone watched.

`Owner.alive()` is what long work asks between two blocks (the lab's comparison, a fit's
posterior comparison, the workshop's Play loop in a room): false once the session is closed,
or once no page of it has been connected for GRACE_SECONDS (a reconnect within that time
keeps the work). Killed browser: disconnected at once, stopped within GRACE_SECONDS plus one
block; dropped network: within WS_PING_INTERVAL + WS_PING_TIMEOUT + GRACE_SECONDS plus one
block, under the 10 s that docs/limits.md promises.
"""

from __future__ import annotations

import time
import weakref
from typing import Any

GRACE_SECONDS = 2.0


def current_context() -> Any | None:
    """This browser session's Solara kernel context (None outside a server, e.g. in tests)."""
    try:
        from solara.server import kernel_context

        return kernel_context.get_current_context()
    except Exception:  # no session: nothing to watch
        return None


class Owner:
    """The tab that asked for some work, held weakly (the work must not keep a closed session)."""

    def __init__(self, context: Any | None = None, grace: float = GRACE_SECONDS) -> None:
        self._context = weakref.ref(context) if context is not None else None
        self._grace = grace
        self._lost_at: float | None = None

    def alive(self) -> bool:
        """False once the session closed, or no page of it was connected for `grace` seconds."""
        if self._context is None:
            return True  # outside a server (tests, scripts): nobody to lose
        context = self._context()
        if context is None or context.closed_event.is_set():
            return False
        from solara.server.kernel_context import PageStatus

        pages = tuple(context.page_status.values())
        if not pages or PageStatus.CONNECTED in pages:  # no page yet: it is still connecting
            self._lost_at = None
            return True
        now = time.monotonic()
        if self._lost_at is None:
            self._lost_at = now
        return now - self._lost_at < self._grace


def current_owner() -> Owner:
    """The owner of work started from the current render (always alive outside a server)."""
    return Owner(current_context())
