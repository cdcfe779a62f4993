"""Output that loses nothing: a killed sweep resumes, a killed Dask worker costs no rows."""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pandas as pd
import pytest

from lmxsim.sweep import load_sweep, read_results, run_sweep
from lmxsim.sweep.runner import open_executor
from lmxsim.sweep.store import done_tasks

SWEEP = """
weeks = 12
replications = 10
seed = 99
[design]
kind = "lhs"
samples = 24
[vary]
confirmation_bias = { low = 0.0, high = 0.6 }
attention_budget = { low = 0.1, high = 0.8 }
[outcomes]
team = ["lmx_mean", "lmx_differentiation", "problems_hidden"]
weeks = [1, 6, 12]
members = ["lmx", "performance"]
"""
CHUNK = 2  # 120 tasks
TASKS = 24 * 10 // CHUNK
KEYS = ["run", "week"]


def ordered(frame: pd.DataFrame, keys: list[str]) -> pd.DataFrame:
    return frame.sort_values(keys).reset_index(drop=True)


@pytest.fixture(scope="module")
def uninterrupted(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("whole")
    path = tmp / "kill.toml"
    path.write_text(textwrap.dedent(SWEEP), encoding="utf-8")
    report = run_sweep(load_sweep(path), tmp / "out", chunk=CHUNK)
    assert report.complete
    return path, read_results(tmp / "out"), read_results(tmp / "out", "members")


def _sweep_command(path: Path, out: Path, *extra: str) -> list[str]:
    return [
        sys.executable,
        "-m",
        "lmxsim",
        "sweep",
        str(path),
        "--out",
        str(out),
        "--chunk",
        str(CHUNK),
        *extra,
    ]


# Kills at different moments: after the first part, and at two moments drawn once (seeded).
KILL_AFTER = [1, *random.Random(17).sample(range(2, TASKS // 2), 2)]


@pytest.mark.timeout(240)
@pytest.mark.slow
@pytest.mark.parametrize("kill_after", KILL_AFTER)
def test_sigkill_mid_sweep_then_resume_gives_the_uninterrupted_table(tmp_path, uninterrupted, kill_after):
    path, team, members = uninterrupted
    out = tmp_path / "out"
    # --engine mesa makes each task slow enough (~0.2 s) to catch the sweep mid-way
    process = subprocess.Popen(
        _sweep_command(path, out, "--workers", "1", "--engine", "mesa"),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 180
    while len(done_tasks(out)) < kill_after:
        assert process.poll() is None, "the sweep ended before it could be killed"
        assert time.monotonic() < deadline, "the sweep never started writing parts"
        time.sleep(0.01)
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=30)
    assert process.returncode == -signal.SIGKILL
    on_disk = len(done_tasks(out))
    assert kill_after <= on_disk < TASKS, "the kill must come mid-way"

    refused = subprocess.run(
        _sweep_command(path, out, "--workers", "1", "--resume", "--engine", "mesa"),
        capture_output=True,
        text=True,
        timeout=200,
    )
    assert refused.returncode == 2, refused.stderr  # the killed sweep's lock is stale, and says so
    assert "stale lock" in refused.stderr and "--take-over" in refused.stderr
    resumed = subprocess.run(
        _sweep_command(path, out, "--workers", "1", "--resume", "--engine", "mesa", "--take-over"),
        capture_output=True,
        text=True,
        timeout=200,
    )
    assert resumed.returncode == 0, resumed.stderr
    assert "already on disk" in resumed.stderr
    final = read_results(out)
    assert not final.duplicated(KEYS).any()
    assert len(final) == len(team)
    pd.testing.assert_frame_equal(ordered(final, KEYS), ordered(team, KEYS), check_exact=False, rtol=1e-9)
    member_keys = ["run", "week", "member_id"]
    pd.testing.assert_frame_equal(
        ordered(read_results(out, "members"), member_keys),
        ordered(members, member_keys),
        check_exact=False,
        rtol=1e-9,
    )
    manifest = json.loads((out / "_manifest.json").read_text())
    assert manifest["status"] == "complete"
    assert (
        manifest["sessions"][-1]["resumed_tasks"] == on_disk or manifest["sessions"][-1]["resumed_tasks"] > 0
    )
    assert not list(out.rglob("*.tmp"))


@pytest.mark.timeout(240)
@pytest.mark.slow
def test_dask_sweep_survives_a_killed_worker_with_every_row(tmp_path, uninterrupted):
    """`--dask local` path: a 2-worker LocalCluster; one worker is SIGKILLed after the first task."""
    pytest.importorskip("distributed")
    path, team, members = uninterrupted
    with open_executor(workers=2, dask="local") as choice:
        assert choice.label == "Dask LocalCluster (2 workers)"
        before = choice.client.run(os.getpid)
        assert len(before) == 2
        killed: list[int] = []

        def kill_one_worker(done: int, total: int) -> None:
            if not killed and done > 0:
                assert done < total
                pid = sorted(before.items())[0][1]
                os.kill(pid, signal.SIGKILL)  # the nanny restarts it; the scheduler reschedules its tasks
                killed.append(pid)

        report = run_sweep(
            load_sweep(path), tmp_path / "out", choice, chunk=CHUNK, on_progress=kill_one_worker
        )
        assert killed, "no worker was killed"
        assert report.complete and not report.failures
        assert killed[0] not in set(choice.client.run(os.getpid).values())  # it really died
    final = read_results(tmp_path / "out")
    assert not final.duplicated(KEYS).any()
    pd.testing.assert_frame_equal(ordered(final, KEYS), ordered(team, KEYS))
    member_keys = ["run", "week", "member_id"]
    pd.testing.assert_frame_equal(
        ordered(read_results(tmp_path / "out", "members"), member_keys), ordered(members, member_keys)
    )


@pytest.mark.slow  # kills and replaces a worker pool: 10-25 s
@pytest.mark.timeout(120)
def test_a_killed_local_worker_breaks_the_pool_which_is_replaced_without_losing_rows(tmp_path, uninterrupted):
    """A ProcessPoolExecutor is broken for good when one worker dies; the runner starts a fresh one."""
    path, team, _ = uninterrupted
    with open_executor(workers=2) as choice:
        assert choice.renew is not None
        killed: list[int] = []

        def kill_one_worker(done: int, total: int) -> None:
            if not killed and done > 0:
                assert done < total
                pid = sorted(choice.executor._processes)[0]  # the pool's worker processes
                os.kill(pid, signal.SIGKILL)
                killed.append(pid)

        report = run_sweep(
            load_sweep(path), tmp_path / "out", choice, chunk=CHUNK, on_progress=kill_one_worker
        )
    assert killed, "no worker was killed"
    assert report.restarts == 1 and report.complete and not report.failures
    final = read_results(tmp_path / "out")
    assert not final.duplicated(KEYS).any()
    pd.testing.assert_frame_equal(ordered(final, KEYS), ordered(team, KEYS))


@pytest.mark.timeout(120)
@pytest.mark.slow
def test_an_existing_dask_cluster_by_address(tmp_path, uninterrupted):
    distributed = pytest.importorskip("distributed")
    path, team, _ = uninterrupted
    with distributed.LocalCluster(
        n_workers=1, threads_per_worker=1, processes=True, dashboard_address=":0", silence_logs=50
    ) as cluster:
        with open_executor(dask=cluster.scheduler_address) as choice:
            assert cluster.scheduler_address in choice.label
            report = run_sweep(load_sweep(path), tmp_path / "out", choice)
        assert report.complete
    pd.testing.assert_frame_equal(ordered(read_results(tmp_path / "out"), KEYS), ordered(team, KEYS))


def test_a_dask_address_without_a_scheme_is_refused_clearly():
    from lmxsim.engine.executors import ExecutorError

    refused = pytest.raises(
        ExecutorError, match=r"--dask 'scheduler:8786' is not allowed \(local, or .*tcp://"
    )
    with refused, open_executor(dask="scheduler:8786"):
        pass
