"""A browser-free client of a Solara page: the websocket protocol a browser speaks, nothing drawn.

What a browser does, and so what this does (read from solara/server/{server,app,starlette}.py
and checked against the frames Chromium sends):

1. GET the page once: the server sets the `solara-session-id` cookie.
2. Open ws://host/jupyter/api/kernels/<new uuid>/channels?session_id=<new uuid> with that cookie
   (the kernel id is chosen by the client; a new one means a new session with its own Page).
3. Jupyter messages as JSON: `kernel_info_request`, then `comm_open` on target `solara.control`
   and a `comm_msg` {"method": "run", "args": {"path": "/room?key=...", ...}} that renders the app.
4. The server answers with one `comm_open` per widget (its full state) and later `comm_msg`
   {"method": "update", "state": {...}} for changes, `comm_close` for removed widgets; every
   message the client sends is bracketed by `status` busy/idle with that message as parent.
5. A click is `comm_msg` {"method": "custom", "content": {"event": "click", "data": {}}} to the
   button's comm; a Select choice is `comm_msg` {"method": "update", "state": {"v_model": ...}}.
6. Leaving: POST /_solara/api/close/<kernel id>?session_id=<page id> (the browser's unload
   beacon), then close the socket.

"Answered" below is the time from sending a message to the server's `idle` status for it: the
handler has run and every widget change it caused has been sent.
"""

from __future__ import annotations

import asyncio
import json
import time
import urllib.request
import uuid
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

import websockets


def _header(msg_type: str, session: str) -> dict[str, str]:
    return {
        "msg_id": str(uuid.uuid4()),
        "msg_type": msg_type,
        "session": session,
        "username": "",
        "date": datetime.now(UTC).isoformat().replace("+00:00", "Z"),
        "version": "5.2",
    }


def _decode(raw: str | bytes) -> dict:
    if isinstance(raw, str):
        return json.loads(raw)
    from solara.server.kernel import deserialize_binary_message

    return deserialize_binary_message(raw)


def _texts(value: Any) -> list[str]:
    """Every string in a widget state value (children lists may nest)."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, list):
        return [text for item in value for text in _texts(item)]
    return []


class SolaraClient:
    """One browser tab, without the browser."""

    def __init__(self, base_url: str, path: str = "/") -> None:
        self.base_url = base_url.rstrip("/")
        self.path = path
        self.kernel_id = str(uuid.uuid4())
        self.page_id = str(uuid.uuid4())
        self.widgets: dict[str, dict[str, Any]] = {}  # comm id -> widget state
        self.listeners: list[Callable[[dict, float], None]] = []
        self._pending: dict[str, asyncio.Future] = {}
        self._rendered = asyncio.Event()
        self._control = str(uuid.uuid4())
        self._ws = None
        self._reader: asyncio.Task | None = None

    # --- connection ------------------------------------------------------------------
    async def connect(self, timeout: float = 60.0) -> None:
        cookie = await asyncio.to_thread(self._session_cookie)
        url = self.base_url.replace("http", "ws", 1)
        url += f"/jupyter/api/kernels/{self.kernel_id}/channels?session_id={self.page_id}"
        self._ws = await websockets.connect(
            url, additional_headers={"Cookie": cookie}, max_size=None, open_timeout=timeout
        )
        self._reader = asyncio.create_task(self._read())
        await self._send("kernel_info_request", {})
        await self._send("comm_open", {"comm_id": self._control, "target_name": "solara.control", "data": {}})
        run = {"method": "run", "args": {"path": self.path, "dark": False, "themes": {}, "appName": None}}
        await self._send("comm_msg", {"comm_id": self._control, "data": run})
        await asyncio.wait_for(self._rendered.wait(), timeout)

    def _session_cookie(self) -> str:
        with urllib.request.urlopen(self.base_url + self.path, timeout=30) as response:
            cookies = response.headers.get_all("Set-Cookie") or []
        return "; ".join(c.split(";", 1)[0] for c in cookies)

    async def leave(self) -> None:
        """As a closed tab: the unload beacon, then the socket closes."""

        def beacon() -> None:
            url = f"{self.base_url}/_solara/api/close/{self.kernel_id}?session_id={self.page_id}"
            urllib.request.urlopen(urllib.request.Request(url, data=b"", method="POST"), timeout=30).close()

        await asyncio.to_thread(beacon)
        if self._ws is not None:
            await self._ws.close()
        if self._reader is not None:
            await asyncio.gather(self._reader, return_exceptions=True)

    # --- messages --------------------------------------------------------------------
    async def _send(self, msg_type: str, content: dict) -> str:
        header = _header(msg_type, self.page_id)
        message = {
            "header": header,
            "parent_header": {},
            "metadata": {},
            "content": content,
            "buffers": [],
            "channel": "shell",
        }
        await self._ws.send(json.dumps(message))
        return header["msg_id"]

    async def _read(self) -> None:
        try:
            async for raw in self._ws:
                self._receive(_decode(raw), time.perf_counter())
        except websockets.ConnectionClosed:
            pass
        finally:
            for future in self._pending.values():
                if not future.done():
                    future.set_exception(ConnectionError("the server closed the connection"))

    def _receive(self, msg: dict, at: float) -> None:
        kind = msg.get("msg_type") or msg["header"]["msg_type"]
        content = msg.get("content", {})
        if kind == "comm_open" and content.get("target_name") == "jupyter.widget":
            self.widgets[content["comm_id"]] = dict(content["data"].get("state", {}))
        elif kind == "comm_msg":
            data = content.get("data", {})
            if data.get("method") == "update" and content["comm_id"] in self.widgets:
                self.widgets[content["comm_id"]].update(data.get("state", {}))
            elif data.get("method") == "finished" and content.get("comm_id") == self._control:
                self._rendered.set()
        elif kind == "comm_close":
            self.widgets.pop(content.get("comm_id"), None)
        elif kind == "status" and content.get("execution_state") == "idle":
            parent = msg.get("parent_header", {}).get("msg_id")
            future = self._pending.pop(parent, None)
            if future is not None and not future.done():
                future.set_result(at)
        for listener in self.listeners:
            listener(msg, at)

    async def _answered(self, msg_type: str, content: dict, timeout: float) -> float:
        """Send and wait for the server's idle for it; seconds taken."""
        loop = asyncio.get_running_loop()
        header = _header(msg_type, self.page_id)
        future = loop.create_future()
        self._pending[header["msg_id"]] = future
        message = {"header": header, "parent_header": {}, "metadata": {}, "content": content, "buffers": []}
        message["channel"] = "shell"
        started = time.perf_counter()
        await self._ws.send(json.dumps(message))
        done = await asyncio.wait_for(future, timeout)
        return done - started

    # --- what a user does --------------------------------------------------------------
    def find(self, text: str, model: str | None = None, field: str = "children") -> str:
        """The comm id of the (last created) widget whose `field` holds `text`."""
        found = [
            comm
            for comm, state in self.widgets.items()
            if (model is None or state.get("_model_name") == model) and text in _texts(state.get(field))
        ]
        if not found:
            raise LookupError(f"no widget with {field} {text!r} on {self.path}")
        return found[-1]

    def has_text(self, text: str) -> bool:
        return any(
            text in value for state in self.widgets.values() for value in _texts(state.get("children"))
        )

    async def click(self, text: str, timeout: float = 60.0) -> float:
        comm = self.find(text, "BtnModel")
        content = {"comm_id": comm, "data": {"method": "custom", "content": {"event": "click", "data": {}}}}
        return await self._answered("comm_msg", content, timeout)

    async def choose(self, label: str, value: str, timeout: float = 60.0) -> float:
        """Pick `value` in the Select labelled `label`."""
        comm = self.find(label, "SelectModel", field="label")
        content = {
            "comm_id": comm,
            "data": {"method": "update", "state": {"v_model": value}, "buffer_paths": []},
        }
        return await self._answered("comm_msg", content, timeout)

    async def type_text(self, label: str, value: str, timeout: float = 60.0) -> float:
        """Type into the field labelled `label`, then leave it (what `continuous_update=False` waits for)."""
        comm = self.find(label, "TextFieldModel", field="label")
        content = {
            "comm_id": comm,
            "data": {"method": "update", "state": {"v_model": value}, "buffer_paths": []},
        }
        await self._answered("comm_msg", content, timeout)
        blur = {"method": "custom", "content": {"event": "focusout", "data": {}}}
        return await self._answered("comm_msg", {"comm_id": comm, "data": blur}, timeout)
