"""Issue 28 item 5: a sweep stops at the first full-disk failure, says so in one line, keeps its parts."""

from __future__ import annotations

import errno
import re
import textwrap

import pyarrow.parquet as pq

from lmxsim.sweep import store

SWEEP = """
weeks = 3
replications = 40
seed = 3
[design]
kind = "grid"
[vary]
confirmation_bias = [0.0, 0.3]
"""


def test_a_full_disk_stops_the_sweep_with_one_line_and_resume_finishes_it(tmp_path, cli, monkeypatch):
    real = pq.write_table
    calls: list[str] = []

    def fills_up(table, where, **kwargs):
        calls.append(str(where))
        if len(calls) <= 2:  # the first task's parts fit, then the disk is full
            return real(table, where, **kwargs)
        with open(where, "wb") as file:
            file.write(b"PAR1")
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(pq, "write_table", fills_up)
    sweep = tmp_path / "s.toml"
    sweep.write_text(textwrap.dedent(SWEEP), encoding="utf-8")
    out = tmp_path / "out"
    code, _, err = cli("sweep", str(sweep), "--out", str(out), "--workers", "1", "--chunk", "4")
    assert code == 1 and "Traceback" not in err and "Errno" not in err
    progress = re.compile(r"\d+/\d+ runs")  # the progress bar's last state, not a message
    lines = [line for line in err.splitlines() if line.strip() and not progress.search(line)]
    assert len(lines) == 1, err
    message = " ".join(err.split())
    assert "the disk is full after" in message and "of 80 runs" in message and "--resume" in message
    tasks = 20  # 2 points x 40 replications in chunks of 4
    assert len(calls) < tasks  # it stopped: not every remaining task was computed and failed
    kept = store.done_tasks(out)
    assert len(kept) >= 1  # what was written before the disk filled stays
    assert not [p for p in out.rglob("*.tmp")]

    monkeypatch.setattr(pq, "write_table", real)
    code, _, err = cli("sweep", str(sweep), "--out", str(out), "--workers", "1", "--chunk", "4", "--resume")
    assert code == 0, err
    assert len(store.done_tasks(out)) == tasks
