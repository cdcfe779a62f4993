"""Helpers for the workshop app's browser tests: one `lmxsim app` server per test module,
and the few ways a test reads the page (week label, waiting, a clean console).

A test module shares one server with `@pytest.fixture(scope="module")` around `serve_app()`.
"""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

import pytest

STEP = "Step one week"
SERVER_LOGS: dict[str, Path] = {}  # app URL -> the server's log file, while it runs


def server_log(url: str) -> str:
    """What the server has printed so far (tests look for tracebacks in it)."""
    return SERVER_LOGS[url].read_text(errors="replace")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def serve_app(*args: str):
    """`lmxsim app --no-open` on a free port; yields its URL (use from a module-scoped fixture)."""
    port = free_port()
    log = tempfile.NamedTemporaryFile(prefix="lmxsim_app_", suffix=".log", delete=False)  # noqa: SIM115
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTEST_", "LMXSIM_APP_"))}
    proc = subprocess.Popen(
        [sys.executable, "-m", "lmxsim", "app", "--no-open", "--port", str(port), *args],
        stdout=log,
        stderr=subprocess.STDOUT,
        stdin=subprocess.DEVNULL,
        env=env,
        start_new_session=True,
    )
    url = f"http://127.0.0.1:{port}/"
    deadline = time.monotonic() + 60
    while True:
        with contextlib.suppress(OSError), urllib.request.urlopen(url, timeout=5) as response:
            if response.status == 200:
                break
        if proc.poll() is not None or time.monotonic() > deadline:
            proc.kill()
            log.flush()
            pytest.fail(f"lmxsim app did not start:\n{Path(log.name).read_text()}", pytrace=False)
        time.sleep(0.25)
    SERVER_LOGS[url] = Path(log.name)
    yield url
    SERVER_LOGS.pop(url, None)
    with contextlib.suppress(ProcessLookupError):
        os.killpg(proc.pid, signal.SIGTERM)
    try:
        proc.wait(10)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
    log.close()
    os.unlink(log.name)


def open_app(page, url, query: str = ""):
    page.goto(url + query)
    page.get_by_role("button", name=STEP).wait_for(state="visible", timeout=60_000)
    page.locator("#lmx-team .lmx-member").first.wait_for()
    return page


def week_label(page):
    return page.locator(".lmx-week")


def wait_week(page, week: int):
    week_label(page).filter(has_text=f"Week {week}").wait_for()


def wait_week_at_least(page, week: int, timeout: float = 30.0) -> None:
    """While playing, a busy server may show week 3 and then week 5: wait until at least `week`."""
    eventually(lambda: int(week_label(page).inner_text().split()[-1]) >= week, timeout)


def eventually(check, timeout: float = 15.0) -> None:
    """Widgets arrive in separate websocket messages: poll instead of asserting at once."""
    deadline = time.monotonic() + timeout
    while not check():
        assert time.monotonic() < deadline, "condition not met in time"
        time.sleep(0.1)


def clean(page):
    page.wait_for_load_state("networkidle")
    assert page.problems() == []
