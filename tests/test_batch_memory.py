"""The batch engine keeps one chunk within its memory budget, whatever the team size and run length."""

from __future__ import annotations

import json
import subprocess
import sys

import pandas as pd
import pytest

import lmxsim.engine.batch as batch
import lmxsim.engine.batch_many as many

PEAK = """
import json, sys, tracemalloc
import lmxsim.engine.batch_many as many
tracemalloc.start()
table = many.run_many(int(sys.argv[1]), 1, weeks=520, n_employees=200, record_weeks=[520], workers=1)
print(json.dumps({"peak": tracemalloc.get_traced_memory()[1], "rows": len(table)}))
"""


@pytest.mark.slow
def test_200_members_for_520_weeks_stay_within_the_budget():
    """Before the budget, the default chunk of 1000 replications pre-drew 4 GiB of random numbers here.

    130 replications (more than two chunks' worth) in a fresh process; numpy's arrays are
    traced by tracemalloc, so the peak is what the engine allocated, not what the OS kept.
    """
    replications = 130
    assert batch.chunk_for(200, 520, 1) < replications  # so the budget, not the run, decides
    done = subprocess.run(
        [sys.executable, "-c", PEAK, str(replications)], capture_output=True, text=True, timeout=600
    )
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)
    assert result["rows"] == replications
    assert result["peak"] < 1.25 * batch.MEMORY_BUDGET, f"peak {result['peak'] / 2**20:.0f} MiB"


def test_chunks_shrink_with_team_size_and_run_length():
    small = batch.chunk_for(12, 52, 3)
    assert small >= batch.DEFAULT_CHUNK  # ordinary runs keep the fast default chunk
    assert batch.chunk_for(200, 520, 1) < batch.chunk_for(200, 52, 1) < small
    assert batch.chunk_for(200, 10_000, 1) >= 1
    for n, weeks in ((200, 520), (50, 2000), (12, 52)):
        chunk = batch.chunk_for(n, weeks, 1)
        assert chunk * batch.replication_bytes(n, weeks, 1) <= batch.MEMORY_BUDGET


def test_a_smaller_budget_changes_the_chunks_not_the_numbers(monkeypatch):
    kwargs = {"weeks": 6, "n_employees": 5, "record_weeks": [0, 3, 6], "workers": 1}
    whole = many.run_many(9, 11, **kwargs)
    tables = list(many.iter_many(9, 11, **kwargs))
    assert len(tables) == 1
    monkeypatch.setattr(batch, "MEMORY_BUDGET", 3 * batch.replication_bytes(5, 6, 3))
    assert batch.chunk_for(5, 6, 3) == 3
    assert len(list(many.iter_many(9, 11, **kwargs))) == 3
    seeds = many.replication_seeds(11, 0, 9)
    assert len(list(many.iter_team_tables(seeds, 6, n_employees=5, record_weeks=[0, 3, 6]))) == 3
    pd.testing.assert_frame_equal(many.run_many(9, 11, **kwargs), whole, check_exact=True)
