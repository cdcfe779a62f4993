"""Oversize uploads are refused while they arrive; the app serves no diagnostics to the room."""

from __future__ import annotations

import io
import json
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request

import pytest

from lmxsim.app.uploads import read_upload
from lmxsim.team.teamfile import MAX_BYTES, TeamFileError


class CountingFile(io.BytesIO):
    """A lazily sent upload: counts what the server actually reads."""

    def __init__(self, data: bytes) -> None:
        super().__init__(data)
        self.read_bytes = 0

    def read(self, size: int | None = -1) -> bytes:
        chunk = super().read(size)
        self.read_bytes += len(chunk)
        return chunk


def test_an_announced_50_mb_upload_is_refused_before_any_byte_is_read():
    file = CountingFile(b"x" * 100)  # the content does not matter: the size is refused first
    with pytest.raises(TeamFileError, match=r"50,000,000 bytes is too large .*1,000,000"):
        read_upload({"name": "big.csv", "size": 50_000_000, "file_obj": file})
    assert file.read_bytes == 0


def test_an_upload_without_a_size_is_read_only_up_to_the_limit():
    file = CountingFile(b"name,closeness\n" + b"x" * (3 * MAX_BYTES))
    with pytest.raises(TeamFileError, match="too large"):
        read_upload({"name": "big.csv", "file_obj": file})
    assert file.read_bytes == MAX_BYTES + 1


def test_a_small_upload_is_read_whole():
    text = b"name,closeness\nAn,0.5\n"
    assert read_upload({"name": "t.csv", "size": len(text), "file_obj": CountingFile(text)}) == text


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.mark.slow  # starts a real server process: 8-20 s
@pytest.mark.timeout(90)
def test_resourcez_is_not_served_with_host_0_0_0_0():
    port = _free_port()
    command = [sys.executable, "-m", "lmxsim", "app", "--host", "0.0.0.0", "--port", str(port), "--no-open"]
    server = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/readyz", timeout=2)
                break
            except (urllib.error.URLError, ConnectionError):
                assert server.poll() is None and time.monotonic() < deadline, "the app did not start"
                time.sleep(0.3)
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/resourcez?verbose", timeout=10) as reply:
                body = reply.read().decode("utf-8", "replace")
        except urllib.error.HTTPError as error:
            body = error.read().decode("utf-8", "replace")
        try:
            figures = json.loads(body)
        except ValueError:
            figures = {}
        assert not figures, f"/resourcez served: {body[:200]}"
        assert "cpu" not in body.lower() or "<html" in body.lower()
    finally:
        server.terminate()
        server.wait(timeout=20)
