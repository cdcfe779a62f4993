"""Websocket pings that notice a dropped network without dropping a tab the server is slow to serve.

A tab whose network dropped (a closed lid, a lost Wi-Fi) never says goodbye: only an unanswered
ping tells the server it is gone (app/liveness.py then stops its work). uvicorn's defaults
(a ping every 20 s, 20 s to answer) notice that after 40 s, so we ping every WS_PING_INTERVAL
seconds and give up after WS_PING_TIMEOUT.

A short timeout has a trap. uvicorn stops reading a connection while the app has not yet taken
its previous message (back-pressure), and the browser's pong then waits unread in the server's
own buffer. A server busy with a click storm, or a room of 30 laptops, would blame the browser
for its own backlog and close a live tab ("Please refresh the page"). So the pong deadline only
counts while the server is reading: a backlog postpones the verdict until the server has read
what the browser sent; a silent network still ends the connection on the next deadline.
"""

from __future__ import annotations

from uvicorn.protocols.websockets.websockets_sansio_impl import WebSocketsSansIOProtocol

WS_PING_INTERVAL = 2.0
WS_PING_TIMEOUT = 4.0


class PatientWebSocket(WebSocketsSansIOProtocol):
    """uvicorn's websocket protocol, with a pong deadline that waits while reading is paused."""

    def keepalive_timeout(self) -> None:
        if self.read_paused and not self.transport.is_closing() and self.ping_timeout is not None:
            # Our own back-pressure holds the pong: look again once we could have read it.
            self.pong_timer = self.loop.call_later(self.ping_timeout, self.keepalive_timeout)
            return
        super().keepalive_timeout()
