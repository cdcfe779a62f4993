"""Real-browser test infrastructure: headless Debian Chromium driven by Playwright (sync API).

Fixtures
--------
browser      session-scoped Playwright ``Browser`` (Debian's ``chromium``, headless).
page         a fresh context + page per test. Attached lists (filled as the page runs):
               page.failed_requests    - "METHOD URL -> reason" for network failures and
                                         HTTP responses with status >= 400
               page.external_requests  - every request to a host that is not loopback
                                         (the workshop must run offline: this must stay empty)
               page.console_errors     - console.error messages and uncaught page errors
             and ``page.problems()`` returning all three merged (empty list == clean page).
             On test failure a full-page screenshot is saved and its path printed.
app_server   factory: ``base_url = app_server([sys.executable, "-m", "lmxsim", "app",
             "--no-open"], port_flag="--port")`` starts the command on a free 127.0.0.1 port,
             waits for HTTP 200 on ``/`` and stops the process group at teardown.

Every test under tests/browser is marked ``browser`` (``pytest -m "not browser"`` skips them)
and ``slow``: each starts Chromium and most a Solara server (5-15 s a test, 30-45 s a server
start on a busy two-core machine), so the quick loop ``pytest -m "not slow"`` leaves them to
the full suite (CI).
If Chromium is missing the tests SKIP locally but FAIL when the ``CI`` env var is set.
"""

from __future__ import annotations

import contextlib
import ipaddress
import os
import shutil
import signal
import socket
import subprocess
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from urllib.parse import urlparse

import pytest

HERE = Path(__file__).resolve().parent

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
    "--no-first-run",
]

SERVER_START_TIMEOUT = 60.0
# Playwright's `expect` waits 5 s unless told, the pages' locators 30 s (set_default_timeout): on a
# busy CI machine a redraw after a click took longer than 5 s (test_lab_fit's "Forget the fit").
# One patience for both; a test that wants a short wait (a retry loop) says so itself.
EXPECT_TIMEOUT_MS = 30_000
with contextlib.suppress(ImportError):  # without playwright the browser tests skip below
    from playwright.sync_api import expect

    expect.set_options(timeout=EXPECT_TIMEOUT_MS)
BROWSER_TEST_TIMEOUT = 300  # seconds, per test (pytest-timeout), unless a test sets its own

# Servers started by app_server that are still running; their logs are attached to the
# report of any test that fails while they are alive.
_LIVE_SERVERS: list[_Server] = []


# --------------------------------------------------------------------------- markers / hooks


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    for item in items:
        path = Path(str(item.fspath)).resolve()
        if path.parent == HERE or HERE in path.parents:
            item.add_marker(pytest.mark.browser)
            item.add_marker(pytest.mark.slow)
            if item.get_closest_marker("timeout") is None:
                item.add_marker(pytest.mark.timeout(BROWSER_TEST_TIMEOUT))


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo):
    outcome = yield
    rep = outcome.get_result()
    setattr(item, f"rep_{rep.when}", rep)
    if rep.failed:
        for server in _LIVE_SERVERS:
            rep.sections.append((f"app_server log: {server.describe()}", server.read_log()))


def _test_failed(request: pytest.FixtureRequest) -> bool:
    node = request.node
    return any(getattr(getattr(node, f"rep_{when}", None), "failed", False) for when in ("setup", "call"))


# --------------------------------------------------------------------------- browser


def _in_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() not in ("", "0", "false", "no")


def chromium_executable() -> str:
    return shutil.which("chromium") or "/usr/bin/chromium"


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    exe = chromium_executable()
    if not os.path.exists(exe):
        reason = (
            f"Chromium not found (looked for `chromium` on PATH and {exe}); "
            "install it with `apt-get install -y chromium` to run the browser tests"
        )
        if _in_ci():
            pytest.fail(f"{reason} -- CI is set, so a missing browser is an error", pytrace=False)
        pytest.skip(reason)

    from playwright.sync_api import sync_playwright

    pw = sync_playwright().start()
    try:
        b = pw.chromium.launch(executable_path=exe, headless=True, args=CHROMIUM_ARGS)
    except Exception:
        pw.stop()
        raise
    try:
        yield b
    finally:
        with contextlib.suppress(Exception):
            b.close()
        pw.stop()


def _is_local_url(url: str) -> bool:
    parsed = urlparse(url)
    if parsed.scheme not in ("http", "https", "ws", "wss"):
        return True  # data:, blob:, about:, chrome-error: ... never leave the machine
    host = (parsed.hostname or "").strip("[]")
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


@pytest.fixture
def page(browser, request: pytest.FixtureRequest, tmp_path: Path):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.set_default_timeout(30_000)
    pg = context.new_page()

    failed_requests: list[str] = []
    external_requests: list[str] = []
    console_errors: list[str] = []

    def on_request(req) -> None:
        if not _is_local_url(req.url):
            external_requests.append(f"{req.method} {req.url}")

    def on_request_failed(req) -> None:
        failed_requests.append(f"{req.method} {req.url} -> {req.failure}")

    def on_response(resp) -> None:
        if resp.status >= 400:
            failed_requests.append(f"{resp.request.method} {resp.url} -> HTTP {resp.status}")

    def on_console(msg) -> None:
        if msg.type == "error":
            console_errors.append(f"console.error: {msg.text} ({msg.location.get('url', '')})")

    def on_page_error(err) -> None:
        console_errors.append(f"uncaught: {err}")

    pg.on("request", on_request)
    pg.on("requestfailed", on_request_failed)
    pg.on("response", on_response)
    pg.on("console", on_console)
    pg.on("pageerror", on_page_error)

    pg.failed_requests = failed_requests
    pg.external_requests = external_requests
    pg.console_errors = console_errors
    pg.problems = lambda: [
        *(f"failed request: {r}" for r in failed_requests),
        *(f"external request: {r}" for r in external_requests),
        *console_errors,
    ]

    yield pg

    if _test_failed(request):
        shot = tmp_path / "failure.png"
        with contextlib.suppress(Exception):
            pg.screenshot(path=str(shot), full_page=True)
            print(f"\n[browser] screenshot of failed test: {shot}")
        print("[browser] problems recorded:", *pg.problems(), sep="\n  ")
    with contextlib.suppress(Exception):
        context.close()


@pytest.fixture(autouse=True)
def _screenshots_of_every_page_on_failure(request: pytest.FixtureRequest, tmp_path: Path):
    """A failed test that opened its own pages (a trainer and participants) shows them all."""
    yield
    if "browser" not in request.fixturenames or not _test_failed(request):
        return
    browser = request.getfixturevalue("browser")
    for c, context in enumerate(browser.contexts):
        for p, pg in enumerate(context.pages):
            shot = tmp_path / f"page-{c}-{p}.png"
            with contextlib.suppress(Exception):
                pg.screenshot(path=str(shot), full_page=True)
                print(f"\n[browser] screenshot of {pg.url} at failure: {shot}")


# --------------------------------------------------------------------------- app server


def free_port(host: str = "127.0.0.1") -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind((host, 0))
        return s.getsockname()[1]


class _Server:
    def __init__(self, cmd: list[str], port: int, base_url: str, log_path: Path) -> None:
        self.cmd = cmd
        self.port = port
        self.base_url = base_url
        self.log_path = log_path
        self.proc: subprocess.Popen | None = None

    def describe(self) -> str:
        return f"{self.base_url} ({' '.join(self.cmd)})"

    def read_log(self) -> str:
        try:
            return self.log_path.read_text(errors="replace")
        except OSError as e:
            return f"<could not read {self.log_path}: {e}>"

    def start(self, env: Mapping[str, str], cwd: str | os.PathLike | None) -> None:
        self._log = open(self.log_path, "wb")  # noqa: SIM115 - closed in stop()
        self.proc = subprocess.Popen(
            self.cmd,
            stdin=subprocess.DEVNULL,
            stdout=self._log,
            stderr=subprocess.STDOUT,
            env=dict(env),
            cwd=cwd,
            start_new_session=True,  # own process group: stop() kills children too
        )

    def wait_ready(self, path: str, timeout: float) -> None:
        assert self.proc is not None
        url = self.base_url + path
        deadline = time.monotonic() + timeout
        last_err = "no attempt"
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"server exited with code {self.proc.returncode} before answering {url}")
            try:
                with urllib.request.urlopen(url, timeout=5) as resp:
                    if resp.status == 200:
                        return
                    last_err = f"HTTP {resp.status}"
            except urllib.error.HTTPError as e:
                last_err = f"HTTP {e.code}"
            except (OSError, urllib.error.URLError) as e:
                last_err = repr(e)
            time.sleep(0.25)
        raise TimeoutError(f"no HTTP 200 from {url} within {timeout:.0f}s (last: {last_err})")

    def stop(self) -> None:
        proc = self.proc
        if proc is not None and proc.poll() is None:
            for sig, wait in ((signal.SIGTERM, 10), (signal.SIGKILL, 5)):
                with contextlib.suppress(ProcessLookupError, PermissionError):
                    os.killpg(proc.pid, sig)
                try:
                    proc.wait(timeout=wait)
                    break
                except subprocess.TimeoutExpired:
                    continue
        if proc is not None:
            # the leader may be gone while children of its group linger
            with contextlib.suppress(ProcessLookupError, PermissionError):
                os.killpg(proc.pid, signal.SIGKILL)
        with contextlib.suppress(Exception):
            self._log.close()


def _server_env(extra: Mapping[str, str] | None) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTEST_")}
    env.setdefault("PYTHONUNBUFFERED", "1")
    # Solara phones home (api.mixpanel.com, api.ipify.org) unless told not to.
    env.setdefault("SOLARA_TELEMETRY_MIXPANEL_ENABLE", "false")
    if extra:
        env.update(extra)
    return env


@pytest.fixture
def app_server(request: pytest.FixtureRequest):
    """Factory: start ``cmd`` on a free localhost port and return its base URL.

    ``port_flag="--port"`` appends ``--port N``; with ``port_flag=None`` every ``{port}``
    in ``cmd`` is replaced instead. ``env`` entries are added to the inherited environment.
    """
    servers: list[_Server] = []

    def start(
        cmd: Sequence[str],
        *,
        port_flag: str | None = "--port",
        env: Mapping[str, str] | None = None,
        cwd: str | os.PathLike | None = None,
        ready_path: str = "/",
        timeout: float = SERVER_START_TIMEOUT,
    ) -> str:
        port = free_port()
        args = [str(a) for a in cmd]
        if port_flag:
            args += [port_flag, str(port)]
        else:
            args = [a.replace("{port}", str(port)) for a in args]
        base_url = f"http://127.0.0.1:{port}"
        log_fd, log_name = tempfile.mkstemp(prefix=f"app_server_{port}_", suffix=".log")
        os.close(log_fd)
        server = _Server(args, port, base_url, Path(log_name))
        servers.append(server)
        server.start(_server_env(env), cwd)
        _LIVE_SERVERS.append(server)
        error = None
        try:
            server.wait_ready(ready_path, timeout)
        except Exception as e:
            error = e
        if error is not None:
            server.stop()
            _LIVE_SERVERS.remove(server)
            pytest.fail(
                f"app_server failed to start: {error}\ncommand: {' '.join(args)}\n"
                f"--- server log ---\n{server.read_log()}",
                pytrace=False,
            )
        return base_url

    yield start

    # (logs of failed tests were attached to their reports by pytest_runtest_makereport)
    for server in servers:
        server.stop()
        with contextlib.suppress(ValueError):
            _LIVE_SERVERS.remove(server)
        with contextlib.suppress(OSError):
            server.log_path.unlink()


# Drop a file on Solara's FileDrop as a user's drag would. Chromium gives synthetic drops no
# file-system entry (webkitGetAsEntry() is null), so the entry is supplied from the same
# File; everything after that (chunked upload, parsing, the message) is the real path.
DROP_FILE = """
async ([selector, name, text]) => {
  DataTransferItem.prototype.webkitGetAsEntry = function () {
    const file = this.getAsFile();
    return {isFile: true, file: (resolve) => resolve(file)};
  };
  const zone = document.querySelector(selector);
  const data = new DataTransfer();
  data.items.add(new File([text], name, {type: "text/csv"}));
  zone.dispatchEvent(new DragEvent("drop", {dataTransfer: data, bubbles: true, cancelable: true}));
}
"""


@pytest.fixture
def drop_file():
    """drop_file(page, name, text): drop a text file on the first Solara FileDrop, as a user would."""

    def drop(page, name: str, text: str, selector: str = ".solara-file-drop") -> None:
        page.evaluate(DROP_FILE, [selector, name, text])

    return drop
