"""Issue 28 item 4: server work belongs to a live connection.

A browser that is killed mid-run sends no `beforeunload`: its websocket just ends. The lab's
comparison must still stop within 10 s (app/liveness.py). Tested with a real Chromium that
is killed (SIGKILL, the whole process group) while the lab computes; the server's CPU is
watched, as tests/browser/test_lab_abandoned_run.py does for a tab closed properly.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from types import SimpleNamespace

import psutil
import pytest

from lmxsim.app.liveness import Owner

LAB_PAGE = Path(__file__).parents[1] / "browser" / "strategy_lab_page.py"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_http(url: str, seconds: float) -> None:
    deadline = time.monotonic() + seconds
    while True:
        with contextlib.suppress(OSError), urllib.request.urlopen(url, timeout=2) as answer:
            if answer.status == 200:
                return
        assert time.monotonic() < deadline, f"{url} never answered"
        time.sleep(0.3)


def cpu(process: psutil.Process, seconds: float = 1.0) -> float:
    """Percent of one core the server and its children used over `seconds`."""
    family = [process, *process.children(recursive=True)]
    before = sum(p.cpu_times().user + p.cpu_times().system for p in family)
    time.sleep(seconds)
    after = sum(p.cpu_times().user + p.cpu_times().system for p in family)
    return 100 * (after - before) / seconds


def stop(process: subprocess.Popen) -> None:
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGKILL)
    process.wait(timeout=30)


@pytest.mark.slow
@pytest.mark.timeout(300)
def test_killing_the_browser_mid_run_returns_the_server_to_idle_within_10_s(tmp_path):
    chromium = shutil.which("chromium") or "/usr/bin/chromium"
    if not os.path.exists(chromium):
        pytest.skip("Chromium is not installed")
    sync_api = pytest.importorskip("playwright.sync_api")
    # In its own thread: in the full suite the browser tests' session Playwright runs an asyncio
    # loop in this thread, and a second sync Playwright refuses to start inside it.
    with ThreadPoolExecutor(1) as thread:
        thread.submit(_kill_the_browser_mid_run, tmp_path, chromium, sync_api).result()


def _kill_the_browser_mid_run(tmp_path, chromium, sync_api) -> None:
    port, debug = free_port(), free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "solara", "run", str(LAB_PAGE), "--host", "127.0.0.1", "--port", str(port),
         "--no-open", "--production", "--no-check-version"],
        env={**os.environ, "SOLARA_ASSETS_PROXY": "true"}, stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL, start_new_session=True,
    )  # fmt: skip
    browser = subprocess.Popen(
        [chromium, "--headless=new", f"--remote-debugging-port={debug}", f"--user-data-dir={tmp_path}",
         *CHROMIUM_ARGS, "about:blank"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True,
    )  # fmt: skip
    playwright = sync_api.sync_playwright().start()
    try:
        wait_http(f"http://127.0.0.1:{port}/", 120)
        wait_http(f"http://127.0.0.1:{debug}/json/version", 60)
        page = playwright.chromium.connect_over_cdp(f"http://127.0.0.1:{debug}").contexts[0].new_page()
        page.goto(f"http://127.0.0.1:{port}/")
        run = page.get_by_role("button", name="Compare strategies")
        run.wait_for(state="visible", timeout=60_000)
        page.wait_for_load_state("networkidle")
        page.get_by_text("Weekly one-on-ones with the out-group").click()
        page.get_by_text("Also check robustness").click()  # one comparison, not three
        for label, value in (("Weeks", "520"), ("Replications (simulated years)", "9000")):
            field = page.get_by_label(label, exact=True)
            field.fill(value)
            field.press("Enter")
        sync_api.expect(run).to_be_enabled()
        run.click()
        sync_api.expect(page.get_by_text("Simulating ...")).to_be_visible(timeout=10_000)
        time.sleep(2)
        watched = psutil.Process(server.pid)
        assert cpu(watched) > 20, "the run did not start"  # a shared machine: not always a whole core
        os.killpg(browser.pid, signal.SIGKILL)  # a crash: no beforeunload, no goodbye
        killed = time.monotonic()
        busy = cpu(watched)
        while busy > 10 and time.monotonic() - killed < 10:
            busy = cpu(watched)
        assert busy <= 10, f"the server still uses {busy:.0f}% of a core 10 s after the browser died"
    finally:
        with contextlib.suppress(Exception):
            playwright.stop()
        stop(browser)
        stop(server)


class FakeContext:
    """The parts of a Solara kernel context Owner reads."""

    def __init__(self, *statuses):
        from solara.server.kernel_context import PageStatus

        self.closed_event = SimpleNamespace(is_set=lambda: False)
        self.page_status = {str(i): getattr(PageStatus, s) for i, s in enumerate(statuses)}


def test_an_owner_without_a_connected_page_is_gone_after_the_grace():
    context = FakeContext("DISCONNECTED")
    owner = Owner(context, grace=0.2)
    assert owner.alive()  # a reconnect within the grace keeps the work
    time.sleep(0.3)
    assert not owner.alive()
    context.page_status["0"] = FakeContext("CONNECTED").page_status["0"]
    assert owner.alive()  # it came back: the grace starts again next time
    assert Owner(FakeContext("CONNECTED", "DISCONNECTED"), grace=0).alive()
