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
from playwright.sync_api import TimeoutError as PlaywrightTimeout

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


def give_exercise(trainer, version: int) -> None:
    """The trainer gives the form's exercise to the room, which then plays exercise `version`.

    Under load the form's widgets arrive one by one and a click can land while the button still
    moves (Playwright then clicks what is under the mouse): if neither the message nor the room's
    new version shows, the click was lost and is repeated. The room moving on without telling the
    trainer fails the test.
    """
    trainer.get_by_role("tab", name="Exercise").click()
    button = trainer.get_by_role("button", name="Give this exercise to the room")
    told = trainer.get_by_text(f"Exercise {version} is set")
    room_moved = trainer.get_by_text(f"Exercise {version}: what participants get")
    for _ in range(3):
        button.click()
        with contextlib.suppress(PlaywrightTimeout):
            told.wait_for(timeout=15_000)
            return
        assert room_moved.count() == 0, f"the room plays exercise {version}, but the trainer was not told"
    told.wait_for()


def take_new_exercise(participant, version: int) -> None:
    """A participant told of a new exercise starts it; returns once the page plays `version`
    (at week 0 the old run and the new one look alike: the version mark tells them apart)."""
    participant.get_by_text("The trainer has set a new exercise").wait_for(timeout=15_000)
    start = participant.get_by_role("button", name="Start the new exercise")
    start.click()
    participant.locator(f".lmx-playing-v{version} .lmx-week").wait_for()
    start.wait_for(state="detached")
    wait_week(participant, 0)


def clean(page):
    page.wait_for_load_state("networkidle")
    assert page.problems() == []
