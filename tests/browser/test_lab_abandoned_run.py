"""Work ends with its owner: a strategy-lab run stops when its tab closes, and the cap is shown.

(A fault-injection test of tests/faults' kind; it lives here for the browser fixtures.)
"""

from __future__ import annotations

import time

import psutil
import pytest
from lab_server import open_lab, serve_lab
from playwright.sync_api import expect

from lmxsim.io.limits import APP_MAX_WORK


def _server_process(base_url: str) -> psutil.Process:
    port = int(base_url.rsplit(":", 1)[1].strip("/"))
    for connection in psutil.net_connections(kind="tcp"):
        if connection.laddr and connection.laddr.port == port and connection.status == psutil.CONN_LISTEN:
            return psutil.Process(connection.pid)
    raise AssertionError(f"no process listens on port {port}")


def _cpu(process: psutil.Process, seconds: float = 1.0) -> float:
    """Percent of one core the server and its children used over `seconds`."""
    family = [process, *process.children(recursive=True)]
    before = sum(p.cpu_times().user + p.cpu_times().system for p in family)
    time.sleep(seconds)
    after = sum(p.cpu_times().user + p.cpu_times().system for p in family)
    return 100 * (after - before) / seconds


@pytest.mark.slow
@pytest.mark.timeout(240)
def test_closing_the_tab_mid_run_returns_the_server_to_idle(app_server, browser):
    base_url = serve_lab(app_server)
    server = _server_process(base_url)
    context = browser.new_context()
    page = context.new_page()
    run = open_lab(page, base_url)
    page.get_by_text("Weekly one-on-ones with the out-group").click()
    page.get_by_text("Also check robustness").click()  # one comparison, not three
    for label, value in (("Weeks", "520"), ("Replications (simulated years)", "9000")):
        field = page.get_by_label(label, exact=True)
        field.fill(value)
        field.press("Enter")
    # 4 people x 520 weeks x 9,000 replications x 2 strategies: near the cap, and the page says so
    cap = page.locator(".lab-work-cap").last  # the newest render
    expect(cap).to_contain_text(f"{APP_MAX_WORK:,}")
    expect(cap).to_contain_text(f"{4 * 520 * 9000 * 2:,}")
    expect(run).to_be_enabled()
    run.click()
    expect(page.get_by_text("Simulating ...")).to_be_visible(timeout=10_000)
    time.sleep(2)
    assert _cpu(server) > 20, "the run did not start"  # a shared machine: not always a whole core
    page.close(run_before_unload=True)  # the tab closes mid-run, as a person closes it (beforeunload)
    context.close()
    deadline = time.monotonic() + 10
    busy = _cpu(server)
    while busy > 10 and time.monotonic() < deadline:
        busy = _cpu(server)
    assert busy <= 10, f"the server still uses {busy:.0f}% of a core after the tab closed"


@pytest.mark.timeout(120)
@pytest.mark.slow
def test_a_request_over_the_cap_is_refused_in_the_page(app_server, page):
    base_url = serve_lab(app_server)
    run = open_lab(page, base_url)
    page.get_by_text("Weekly one-on-ones with the out-group").click()
    for label, value in (("Weeks", "520"), ("Replications (simulated years)", "20000")):
        field = page.get_by_label(label, exact=True)
        field.fill(value)
        field.press("Enter")
    expect(page.locator(".lab-too-much")).to_be_visible()
    expect(run).to_be_disabled()
