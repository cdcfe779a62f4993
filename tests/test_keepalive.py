"""The server's websocket pings (app/keepalive.py): a slow server keeps its tabs, a silent network does not.

A real uvicorn server on a free port with a tiny ASGI app that takes its time per message; the
intervals are shortened so each case takes a few seconds.
"""

from __future__ import annotations

import asyncio
import base64
import os
import socket
import threading
import time
from collections.abc import Iterator

import pytest
import uvicorn
from websockets.sync.client import connect

from lmxsim.app.keepalive import PatientWebSocket

PING_INTERVAL = 0.2
PING_TIMEOUT = 0.5
SLOW_MESSAGE = 0.6  # the app's time per message: longer than the pong deadline


class SlowEcho:
    """Echoes every text message after SLOW_MESSAGE seconds; records when a connection ended."""

    def __init__(self) -> None:
        self.disconnected_at: list[float] = []

    async def __call__(self, scope, receive, send) -> None:
        assert scope["type"] == "websocket"
        await receive()  # websocket.connect
        await send({"type": "websocket.accept"})
        while True:
            message = await receive()
            if message["type"] == "websocket.disconnect":
                self.disconnected_at.append(time.monotonic())
                return
            await asyncio.sleep(SLOW_MESSAGE)
            await send({"type": "websocket.send", "text": message["text"]})


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(params=[PatientWebSocket, "websockets-sansio"], ids=["patient", "uvicorn-stock"])
def server(request: pytest.FixtureRequest) -> Iterator[tuple[int, SlowEcho, object]]:
    app = SlowEcho()
    port = free_port()
    config = uvicorn.Config(
        app,
        host="127.0.0.1",
        port=port,
        ws=request.param,
        ws_ping_interval=PING_INTERVAL,
        ws_ping_timeout=PING_TIMEOUT,
        log_level="error",
        lifespan="off",
    )
    uv = uvicorn.Server(config)
    thread = threading.Thread(target=lambda: asyncio.run(uv.serve()), daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not uv.started and time.monotonic() < deadline:
        time.sleep(0.02)
    assert uv.started, "the test server did not start"
    yield port, app, request.param
    uv.should_exit = True
    thread.join(timeout=5)


def test_a_tab_whose_messages_wait_on_a_busy_server_is_not_dropped(server) -> None:
    port, _app, protocol = server
    sent = [f"click {i}" for i in range(6)]  # 6 x 0.6 s of work: several pong deadlines pass
    echoed: list[str] = []
    closed_by_server = None
    with connect(f"ws://127.0.0.1:{port}/", ping_interval=None) as ws:
        for text in sent:
            ws.send(text)
        try:
            while len(echoed) < len(sent):
                echoed.append(str(ws.recv(timeout=10)))
        except Exception as error:  # the stock protocol closes with 1011 "keepalive ping timeout"
            closed_by_server = error
    if protocol is PatientWebSocket:
        assert closed_by_server is None, f"a live tab was dropped: {closed_by_server!r}"
        assert echoed == sent
    else:  # the trap this module exists for: uvicorn's own protocol blames the browser
        assert closed_by_server is not None and "keepalive ping timeout" in str(closed_by_server)


def _silent_client(port: int) -> socket.socket:
    """A websocket client that completes the handshake and then never reads: a dropped network."""
    sock = socket.create_connection(("127.0.0.1", port))
    key = base64.b64encode(os.urandom(16)).decode()
    sock.sendall(
        (
            f"GET / HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
            f"Sec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\n\r\n"
        ).encode()
    )
    answer = sock.recv(4096)
    assert answer.startswith(b"HTTP/1.1 101"), answer[:200]
    return sock


def test_a_tab_whose_network_dropped_is_let_go_within_the_deadline(server) -> None:
    port, app, _protocol = server
    started = time.monotonic()
    sock = _silent_client(port)  # never answers a ping
    try:
        deadline = started + 5
        while not app.disconnected_at and time.monotonic() < deadline:
            time.sleep(0.05)
    finally:
        sock.close()
    assert app.disconnected_at, "the server kept a connection that answered no ping"
    assert app.disconnected_at[0] - started < PING_INTERVAL + PING_TIMEOUT + 2.0
