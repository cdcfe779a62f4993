"""Clean shutdown: SIGTERM is a Ctrl-C, and workers never outlive a killed driver."""

from __future__ import annotations

import json
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import psutil
import pytest

from lmxsim.sweep import read_results
from lmxsim.sweep.store import done_tasks

SWEEP = """
weeks = 10
replications = 10
seed = 11
[design]
kind = "lhs"
samples = 30
[vary]
confirmation_bias = { low = 0.0, high = 0.6 }
"""
TASKS = 30 * 10 // 2


def start(tmp_path: Path, *extra: str) -> tuple[subprocess.Popen, Path, Path]:
    path = tmp_path / "s.toml"
    path.write_text(textwrap.dedent(SWEEP), encoding="utf-8")
    out = tmp_path / "out"
    command = [sys.executable, "-m", "lmxsim", "sweep", str(path), "--out", str(out), "--chunk", "2"]
    command += ["--engine", "mesa", *extra]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 120
    while len(done_tasks(out)) < 4:
        assert process.poll() is None, process.stderr.read()
        assert time.monotonic() < deadline, "the sweep never started writing parts"
        time.sleep(0.05)
    return process, path, out


def alive(pids: list[int]) -> list[int]:
    left = []
    for pid in pids:
        try:
            if psutil.Process(pid).status() != psutil.STATUS_ZOMBIE:
                left.append(pid)
        except psutil.NoSuchProcess:
            pass
    return left


@pytest.mark.slow
@pytest.mark.timeout(240)
def test_sigterm_stops_like_ctrl_c_and_the_sweep_resumes(tmp_path):
    process, path, out = start(tmp_path, "--workers", "2")
    process.send_signal(signal.SIGTERM)
    _, err = process.communicate(timeout=60)
    assert process.returncode == 130, err
    assert "interrupted" in err and "--resume" in err and "Traceback" not in err
    manifest = json.loads((out / "_manifest.json").read_text())
    assert manifest["status"] == "interrupted"
    assert not (out / "_lock").exists()  # released: resuming needs no --take-over
    resumed = subprocess.run(
        [sys.executable, "-m", "lmxsim", "sweep", str(path), "--out", str(out), "--resume", "--workers", "2"],
        capture_output=True,
        text=True,
        timeout=200,
    )
    assert resumed.returncode == 0, resumed.stderr
    assert read_results(out)["run"].nunique() == 300


@pytest.mark.slow
@pytest.mark.timeout(240)
def test_no_worker_outlives_a_driver_killed_with_sigkill(tmp_path):
    process, _, out = start(tmp_path, "--workers", "2")
    family = [p.pid for p in psutil.Process(process.pid).children(recursive=True)]
    assert len(family) >= 3, family  # the forkserver, the resource tracker, the workers
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=30)
    deadline = time.monotonic() + 8
    while alive(family) and time.monotonic() < deadline:
        time.sleep(0.2)
    left = alive(family)
    names = []
    for pid in left:  # never leave them behind, even when the test fails
        try:
            names.append(" ".join(psutil.Process(pid).cmdline())[-60:])
            psutil.Process(pid).kill()
        except psutil.Error:
            pass
    assert left == [], names
    assert len(done_tasks(out)) < TASKS
