"""A sweep folder belongs to one sweep: a lock while it runs, and readers that refuse foreign parts."""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import textwrap
from pathlib import Path

import numpy as np
import pytest

from lmxsim.io.folder_lock import LOCK
from lmxsim.sweep import SweepError, load_sweep, read_results, run_sweep
from lmxsim.sweep.runner import run_seed

NOSEED = """
weeks = 6
replications = 5
[design]
kind = "lhs"
samples = 8
[vary]
confirmation_bias = { low = 0.0, high = 0.6 }
[outcomes]
team = ["lmx_mean"]
weeks = [6]
members = ["lmx"]
"""
OTHER = NOSEED.replace("replications = 5", "replications = 5\nseed = 7")


def sweep_file(folder: Path, text: str = NOSEED, name: str = "noseed.toml") -> Path:
    path = folder / name
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def dead_pid() -> int:
    process = subprocess.Popen([sys.executable, "-c", "pass"])
    process.wait()
    return process.pid


def write_lock(out: Path, pid: int, host: str | None = None) -> None:
    out.mkdir(parents=True, exist_ok=True)
    holder = {"pid": pid, "host": host or socket.gethostname(), "started": "2026-01-01T00:00:00+00:00"}
    (out / LOCK).write_text(json.dumps(holder), encoding="utf-8")


def seeds_match_manifest(out: Path) -> bool:
    manifest = json.loads((out / "_manifest.json").read_text())
    table = read_results(out)
    entropy = int(manifest["entropy"])
    expected = [
        run_seed(entropy, int(p), int(r)) for p, r in zip(table["point"], table["replication"], strict=True)
    ]
    return bool(np.array_equal(table["seed"].to_numpy(dtype=np.int64), np.array(expected, dtype=np.int64)))


def test_a_running_sweep_holds_the_folder_and_a_second_is_refused(tmp_path, cli):
    path = sweep_file(tmp_path)
    out = tmp_path / "k7"
    write_lock(out, pid=os.getpid())  # this very test process: alive, on this host
    code, _, err = cli("sweep", str(path), "--out", str(out), "--workers", "1")
    assert code == 2
    assert "is in use by sweep process" in err and "mix" in err
    assert "Traceback" not in err
    assert not (out / "_manifest.json").exists()  # the refused sweep wrote nothing
    code, _, err = cli("sweep", str(path), "--out", str(out), "--workers", "1", "--take-over")
    assert code == 2 and "--take-over refused" in err  # a live holder is never pushed aside


def test_a_stale_lock_is_reported_with_the_command_to_take_it_over(tmp_path, cli):
    path = sweep_file(tmp_path)
    out = tmp_path / "k7"
    pid = dead_pid()
    write_lock(out, pid)
    code, _, err = cli("sweep", str(path), "--out", str(out), "--workers", "1")
    assert code == 2
    assert f"stale lock: sweep process {pid}" in err
    assert f"lmxsim sweep SWEEP_FILE --out {out} --resume --take-over" in " ".join(err.split())
    code, _, err = cli("sweep", str(path), "--out", str(out), "--workers", "1", "--take-over")
    assert code == 0, err
    assert not (out / LOCK).exists()  # released at the end
    assert seeds_match_manifest(out)


def test_a_lock_from_another_host_cannot_be_checked_and_says_so(tmp_path, cli):
    out = tmp_path / "k7"
    write_lock(out, pid=12345, host="another-machine.example")
    code, _, err = cli("sweep", str(sweep_file(tmp_path)), "--out", str(out), "--workers", "1")
    assert code == 2 and "another-machine.example" in err and "cannot be checked" in err


@pytest.mark.slow
@pytest.mark.timeout(300)
def test_two_sweeps_started_at_once_into_one_folder_never_mix(tmp_path):
    """The reported case: the same unseeded sweep twice into one --out, at the same moment."""
    path = sweep_file(tmp_path, NOSEED.replace("samples = 8", "samples = 40"))
    out = tmp_path / "k7"
    command = [sys.executable, "-m", "lmxsim", "sweep", str(path), "--out", str(out), "--workers", "1"]
    command += ["--engine", "mesa", "--chunk", "2"]
    runs = [subprocess.Popen(command, stderr=subprocess.PIPE, text=True) for _ in range(2)]
    results = [(p.wait(timeout=280), p.stderr.read()) for p in runs]
    codes = sorted(code for code, _ in results)
    assert codes == [0, 2], results
    refused = next(err for code, err in results if code == 2)
    assert "Traceback" not in refused
    assert "is in use by sweep process" in refused or "already holds a sweep" in refused
    assert seeds_match_manifest(out)  # every row belongs to the sweep its manifest names
    assert read_results(out)["run"].nunique() == 40 * 5


@pytest.fixture
def two_sweeps(tmp_path):
    """Sweep A (unseeded) in a/ and sweep B (another file) in b/, both complete."""
    a, b = tmp_path / "a", tmp_path / "b"
    run_sweep(load_sweep(sweep_file(tmp_path)), a, chunk=10)
    run_sweep(load_sweep(sweep_file(tmp_path, OTHER, "other.toml")), b, chunk=10)
    return tmp_path, a, b


def test_a_part_of_another_sweep_is_named_by_every_reader(two_sweeps, cli):
    tmp, a, b = two_sweeps
    shutil.copy(b / "part-0000002.parquet", a / "part-0000002.parquet")
    shutil.copy(b / "_members" / "part-0000001.parquet", a / "_members" / "part-0000001.parquet")
    with pytest.raises(SweepError, match=r"mixes two sweeps: 2 part\(s\).*part-0000002.parquet"):
        read_results(a)
    code, _, err = cli("analyze", str(a))
    assert code == 2 and "_members/part-0000001.parquet" in err and "part-0000002.parquet" in err
    code, _, err = cli("sweep", str(tmp / "noseed.toml"), "--out", str(a), "--resume", "--workers", "1")
    assert code == 2 and "mixes two sweeps" in err


def test_the_same_unseeded_file_run_twice_is_told_apart_by_its_entropy(tmp_path):
    path = sweep_file(tmp_path)
    first, second = tmp_path / "first", tmp_path / "second"
    run_sweep(load_sweep(path), first, chunk=10)
    run_sweep(load_sweep(path), second, chunk=10)  # same hash, other entropy
    shutil.copy(second / "part-0000000.parquet", first / "part-0000000.parquet")
    with pytest.raises(SweepError, match=r"part-0000000\.parquet"):
        read_results(first)


def test_a_truncated_part_is_named_not_a_traceback(two_sweeps, cli):
    _, a, _ = two_sweeps
    part = a / "part-0000001.parquet"
    part.write_bytes(part.read_bytes()[:100])
    code, _, err = cli("analyze", str(a))
    assert code == 2
    assert "cannot be read" in err and "part-0000001.parquet" in err and "--resume" in err
