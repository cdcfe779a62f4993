"""lmxsim installed from its wheel, run from an empty directory: what a new user gets.

Builds the wheel, installs it with the locked dependency versions into a fresh virtual
environment (the `installed_wheel` fixture), and runs the commands a user tries first.
Nothing here may read the source tree: every command runs in an empty directory.
"""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import subprocess
import time
import urllib.request
from pathlib import Path

import pandas as pd
import pytest

pytestmark = pytest.mark.slow
TRACEBACK = "Traceback (most recent call last)"  # (the page's CSS mentions "Generic.Traceback")


def run(bin_dir: Path, cwd: Path, *args: str) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k not in ("VIRTUAL_ENV", "PYTHONPATH")}
    env["COLUMNS"] = "200"
    return subprocess.run(
        [str(bin_dir / "lmxsim"), *args], cwd=cwd, env=env, capture_output=True, text=True, timeout=300
    )


@pytest.fixture
def empty(tmp_path: Path) -> Path:
    folder = tmp_path / "empty"
    folder.mkdir()
    return folder


def test_the_installed_package_is_the_wheel_not_the_source_tree(installed_wheel, empty):
    python = installed_wheel / "python"
    done = subprocess.run(
        [str(python), "-c", "import lmxsim; print(lmxsim.__file__)"],
        cwd=empty,
        capture_output=True,
        text=True,
        check=True,
    )
    assert "site-packages" in done.stdout
    files = subprocess.run(
        [str(python), "-c", "import lmxsim.io.packaged as p; print(p.EXAMPLE_TEAM.is_file())"],
        cwd=empty,
        capture_output=True,
        text=True,
        check=True,
    )
    assert files.stdout.strip() == "True"
    shipped = subprocess.run(
        [str(python), "-c", "from importlib.metadata import files; print(*files('lmxsim'), sep=chr(10))"],
        cwd=empty,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.splitlines()
    assert any(name.endswith("licenses/LICENSE") for name in shipped)
    assert "lmxsim/py.typed" in shipped
    # configs/ at the top of the repository, shipped inside the package
    assert "lmxsim/configs/scenarios/first-impression.toml" in shipped
    assert "lmxsim/configs/teams/template-nl.xlsx" in shipped


def test_version_scenarios_run_from_an_empty_directory(installed_wheel, empty):
    version = run(installed_wheel, empty, "--version")
    assert version.returncode == 0, version.stderr
    assert version.stdout.startswith("lmxsim ") and version.stdout.split()[1][0].isdigit()

    scenarios = run(installed_wheel, empty, "scenarios")
    assert scenarios.returncode == 0, scenarios.stderr
    assert "first-impression" in scenarios.stdout

    out = run(
        installed_wheel, empty, "run", "--scenario", "first-impression", "--weeks", "4", "--out", "x.parquet"
    )
    assert out.returncode == 0, out.stderr
    table = pd.read_parquet(empty / "x.parquet")
    assert sorted(table["week"].unique()) == [0, 1, 2, 3, 4]
    assert list(empty.iterdir()) == [empty / "x.parquet"]  # nothing else written, nothing read from here


def test_strategies_and_a_packaged_sweep_from_an_empty_directory(installed_wheel, empty):
    strategies = run(
        installed_wheel, empty, "strategies", "--replications", "10", "--weeks", "4", "--strategy", "nothing"
    )
    assert strategies.returncode == 0, strategies.stderr
    assert "people" in strategies.stdout
    sweep = run(
        installed_wheel, empty, "sweep", "first-impression", "--out", "s", "--workers", "1", "--chunk", "900"
    )
    assert sweep.returncode == 0, sweep.stderr
    assert "sweep done" in sweep.stderr
    assert len(pd.read_parquet(empty / "s")) > 0


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_app_serves_its_page(installed_wheel, empty, tmp_path):
    port = free_port()
    log = (tmp_path / "app.log").open("wb")
    env = {k: v for k, v in os.environ.items() if k not in ("VIRTUAL_ENV", "PYTHONPATH")}
    env["SOLARA_TELEMETRY_MIXPANEL_ENABLE"] = "false"
    proc = subprocess.Popen(
        [str(installed_wheel / "lmxsim"), "app", "--no-open", "--port", str(port)],
        cwd=empty,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
        stdin=subprocess.DEVNULL,
        start_new_session=True,
    )
    url = f"http://127.0.0.1:{port}/"
    try:
        html = None
        deadline = time.monotonic() + 120
        while html is None:
            with contextlib.suppress(OSError), urllib.request.urlopen(url, timeout=5) as response:
                html = response.read().decode("utf-8", "replace")
            assert proc.poll() is None, (tmp_path / "app.log").read_text()
            assert time.monotonic() < deadline, "lmxsim app did not answer within 120 s"
            if html is None:
                time.sleep(0.25)
        assert TRACEBACK not in html  # the widgets: tests/browser/test_wheel_app.py
        assert TRACEBACK not in (tmp_path / "app.log").read_text()
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait(5)
        log.close()
