"""The stylized facts of docs/ODD.md section 1: the defaults pass every band on (almost) every
seed, and every mechanism is needed for at least one fact (switched off, a fact's mean over the
same 20 seeds leaves its band). That second test is what makes the bands evidence."""

from __future__ import annotations

import json

import numpy as np
import pytest

from lmxsim.engine.executors import open_executor
from lmxsim.model.params import Params
from lmxsim.science.facts import FACTS, KNOWN_MISSES, Bench
from lmxsim.science.validation import ABLATIONS, ablate, summarise

SEEDS = 20


@pytest.fixture(scope="module")
def executor():
    with open_executor(2, preload="lmxsim.science.facts") as choice:
        yield choice.executor


@pytest.fixture(scope="module")
def defaults(executor):
    return summarise(Params(), seeds=SEEDS, executor=executor)


# The facts the defaults miss on purpose (lmxsim/science/facts.py KNOWN_MISSES, measured in
# docs/ODD.md 7.13): strict, so the test fails as soon as a calibration meets one and the list
# cannot go stale.


@pytest.mark.slow
@pytest.mark.parametrize(
    "key",
    [
        pytest.param(f.key, marks=pytest.mark.xfail(strict=True, reason="a known miss, docs/ODD.md 7.13"))
        if f.key in KNOWN_MISSES
        else f.key
        for f in FACTS
    ],
)
def test_defaults_pass_the_band_in_19_of_20_seeds(defaults, key):
    fact = next(f for f in defaults if f.id == key)
    assert fact.pass_share >= 0.95, (
        f"{fact.id} {fact.name}: in band in {fact.pass_share:.0%} of seeds; mean {fact.mean:.3f} "
        f"(95% interval {fact.ci[0]:.3f} to {fact.ci[1]:.3f}), band {fact.band}"
    )


@pytest.fixture(scope="module")
def at_52_weeks(executor):
    return summarise(Params(), seeds=SEEDS, executor=executor, weeks=52)


@pytest.mark.slow
def test_every_fact_holds_at_52_weeks_as_well(at_52_weeks):
    """Issue 23 req 3: no fact's pattern is transient in its source, so every fact (but the known
    misses) keeps its band at a year too; the 20-seed mean, as for the robustness cases."""
    out = {f.id: round(f.mean, 3) for f in at_52_weeks if f.id not in KNOWN_MISSES and not f.inside}
    assert not out, f"out of band at 52 weeks (20-seed mean): {out}"


@pytest.mark.slow
@pytest.mark.parametrize("ablation", ABLATIONS, ids=[a.mechanism for a in ABLATIONS])
def test_every_mechanism_is_needed_for_some_fact(executor, ablation):
    (row,) = ablate(SEEDS, executor=executor, ablations=[ablation])
    assert set(row["out_of_band"]) - set(KNOWN_MISSES), (
        f"switching off {ablation.mechanism} ({ablation.switch}) leaves every fact in its band: "
        f"no fact is evidence for it; means {row['means']}"
    )


def test_a_fact_is_judged_on_the_low_end_of_its_interval_when_it_is_paired():
    fact = next(f for f in FACTS if f.key == "P11")
    value, judged = fact.evaluate(Bench(Params(), seed=3, replications=40))
    assert judged < value  # the interval's low end, not the mean


def test_the_bench_shares_runs_between_facts():
    bench = Bench(Params(), seed=2, replications=30)
    for fact in FACTS:
        fact.evaluate(bench)
    keys = set(bench._runs)
    assert "teams" in keys and len(keys) < len(FACTS)
    for fact in FACTS:  # a second pass adds no run
        fact.evaluate(bench)
    assert set(bench._runs) == keys


@pytest.mark.slow  # a pool of worker processes per executor: 6-18 s
def test_summaries_do_not_depend_on_the_number_of_workers(executor):
    one = summarise(Params(), seeds=2, replications=30)
    two = summarise(Params(), seeds=2, replications=30, executor=executor)
    assert [f.mean for f in one] == [f.mean for f in two]


def test_validate_prints_facts_and_writes_the_json_the_issue_asks_for(cli, tmp_path):
    out = tmp_path / "v.json"
    code, output, _ = cli(
        "validate", "--seeds", "2", "--replications", "20", "--workers", "1", "--json", str(out)
    )
    assert code in (0, 1)  # 20 teams are too few for every band; the table and the file are the point
    assert "seeds in band" in output
    # a known miss is said as one, with the facts it yields to (P25 is far out even on 20 teams)
    assert "P25 is a known miss: it cannot hold together with P12, P18, P19" in " ".join(output.split())
    data = json.loads(out.read_text())
    assert [f["id"] for f in data["facts"]] == [f.key for f in FACTS]
    first = data["facts"][0]
    assert set(first) == {"id", "name", "source", "band", "mean", "ci", "pass_share"}
    assert first["ci"][0] <= first["mean"] <= first["ci"][1]
    assert data["ablations"] == []


def test_validate_refuses_a_json_path_in_a_missing_folder(cli, tmp_path):
    code, output, error = cli("validate", "--seeds", "2", "--json", str(tmp_path / "no" / "v.json"))
    assert code == 2
    assert "--json" in output + error


def test_the_leader_learns_the_first_impression_is_not_frozen():
    """Not frozen: the leader's impressions move toward ability over the weeks (model.md)."""
    run = Bench(Params(), seed=4, replications=200).teams()
    ability, impression = run.traits["ability"], run.members["leader_impression"]
    early = np.corrcoef(ability.ravel(), impression[2].ravel())[0, 1]
    late = np.corrcoef(ability.ravel(), impression[26].ravel())[0, 1]
    assert late > early + 0.1
