"""Running sweeps: seeds from (point, replication) only, tidy output, resume rules, analysis."""

from __future__ import annotations

import json
import sys
import textwrap
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from lmxsim.engine.batch import run_batch
from lmxsim.engine.mesa_model import LMXModel
from lmxsim.sweep import load_sweep, read_results, run_seed, run_sweep
from lmxsim.sweep.analyze import analyze, mean_ci
from lmxsim.sweep.figures import write
from lmxsim.sweep.runner import open_executor
from lmxsim.sweep.spec import SweepError

GRID = """
title = "test grid"
weeks = 5
replications = 3
seed = 2024
[design]
kind = "grid"
[vary]
confirmation_bias = [0.0, 0.6]
initial_confidence = { low = 0.1, high = 0.5, steps = 3 }
[outcomes]
team = ["lmx_mean", "lmx_differentiation", "fires"]
weeks = [0, 2, 5]
members = ["lmx", "lmx7", "group", "performance"]
member_weeks = [2, 5]
"""
RUN_KEYS = ["run", "week"]
MEMBER_KEYS = ["run", "week", "member_id"]


def sweep_file(tmp_path: Path, text: str = GRID, name: str = "grid.toml") -> Path:
    path = tmp_path / name
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def ordered(frame: pd.DataFrame, keys: list[str]) -> pd.DataFrame:
    return frame.sort_values(keys).reset_index(drop=True)


@pytest.fixture(scope="module")
def reference(tmp_path_factory):
    """One sequential, uninterrupted run of GRID: the table everything else must reproduce."""
    tmp = tmp_path_factory.mktemp("reference")
    spec = load_sweep(sweep_file(tmp))
    report = run_sweep(spec, tmp / "out", chunk=4)
    assert report.complete
    return tmp / "out", read_results(tmp / "out"), read_results(tmp / "out", "members")


def test_output_is_one_tidy_row_per_run_and_week(reference):
    out, team, members = reference
    assert len(team) == 6 * 3 * 3  # points x replications x recorded weeks
    assert not team.duplicated(RUN_KEYS).any()
    assert list(team.columns[:7]) == [
        "run", "point", "replication", "seed", "confirmation_bias", "initial_confidence", "week",
    ]  # fmt: skip
    assert set(team["week"]) == {0, 2, 5}
    pd.testing.assert_frame_equal(pd.read_parquet(out), team)  # pandas reads the directory as it is
    n = members["member_id"].nunique()
    assert len(members) == 6 * 3 * 2 * n
    assert not members.duplicated(MEMBER_KEYS).any()
    np.testing.assert_allclose(members["lmx7"], 7 + 28 * members["lmx"])
    assert set(members["group"]) <= {"out", "middle", "in"}


def test_each_run_is_the_model_run_with_its_recorded_seed(reference):
    """The seed column redoes a run on its own: LMXModel(params, rng=seed) gives the same numbers."""
    out, team, _ = reference
    spec = load_sweep(json.loads((out / "_manifest.json").read_text())["sweep_file"])
    row = team[(team["point"] == 4) & (team["replication"] == 2) & (team["week"] == 5)]
    row = {name: column.iloc[0] for name, column in row.items()}  # keep each column's dtype (int64 seed)
    assert row["seed"] == run_seed(2024, 4, 2)
    params = spec.params.replace(
        confirmation_bias=row["confirmation_bias"], initial_confidence=row["initial_confidence"]
    )
    frame = (
        LMXModel(params=params, n_employees=spec.scenario.team_size, rng=int(row["seed"])).run(5).team_frame()
    )
    assert frame["lmx_mean"].iloc[5] == pytest.approx(row["lmx_mean"], rel=1e-9)
    assert frame["fires"].iloc[5] == row["fires"]


def test_a_row_read_through_iloc_redoes_its_run_exactly(reference):
    """A whole row of a numeric table becomes float64 (`.iloc`); its seed must survive that.

    Rerunning the run from the numbers in that row alone (seed and varied parameters) gives
    the same row. With seeds above 2**53 the float would round the seed to another run.
    """
    out, team, _ = reference
    spec = load_sweep(json.loads((out / "_manifest.json").read_text())["sweep_file"])
    varied = ["confirmation_bias", "initial_confidence"]
    for index in (len(team) - 1, len(team) // 2):
        row = team.iloc[index]
        assert row.dtype == np.float64  # what a user gets from a row of this table
        seed, week = int(row["seed"]), int(row["week"])
        assert seed == team["seed"].iloc[index]  # the float held the seed exactly
        params = spec.params.replace(**{name: float(row[name]) for name in varied})
        again = run_batch(
            [seed], week, params=[params], n_employees=spec.scenario.team_size, record_members=False
        ).team_table([week])
        assert again["fires"].iloc[0] == row["fires"]
        # Floats to the last bit or two: the batch engine sums over members in another order
        # for a single replication than for a chunk of several (1e-17 on the SD of LMX).
        for outcome in ("lmx_mean", "lmx_differentiation"):
            np.testing.assert_array_max_ulp(again[outcome].iloc[0], row[outcome], maxulp=2)


def test_every_part_carries_the_sweeps_provenance(reference):
    from lmxsim.io.provenance import read
    from lmxsim.sweep.store import model_fingerprint

    out, _, _ = reference
    parts = sorted(out.glob("part-*.parquet")) + sorted((out / "_members").glob("part-*.parquet"))
    assert len(parts) > 2
    records = [read(part) for part in parts]
    assert all(r == records[0] for r in records)
    info = records[0]
    assert info["command"] == "sweep" and info["seed"]["entropy"] == "2024"
    assert info["model_fingerprint"] == model_fingerprint()
    assert info["design"]["varied"] == ["confirmation_bias", "initial_confidence"]
    assert info["weeks"] == 5 and "attention_budget" in info["params"]
    assert read(out) == info  # `lmxsim info DIR` reads a sweep directory


def test_every_sweep_column_is_in_the_data_dictionary(reference):
    from lmxsim.model.columns import lookup

    _, team, members = reference
    assert [c for c in team.columns if lookup(c, "team") is None] == []
    assert [c for c in members.columns if lookup(c, "member") is None] == []


def test_seeds_stay_below_2_to_the_53():
    from lmxsim.model.seeds import MAX_SEED

    seeds = [run_seed(entropy, p, r) for entropy in (0, 7, 2**127) for p in range(30) for r in range(30)]
    assert max(seeds) <= MAX_SEED < 2**53
    assert max(seeds) > 2**50  # the 53 bits are used, not a handful
    assert all(float(s) == s for s in seeds)


def test_seeds_depend_on_point_and_replication_only():
    seeds = {run_seed(7, p, r) for p in range(20) for r in range(20)}
    assert len(seeds) == 400
    assert run_seed(7, 3, 4) == run_seed(7, 3, 4) != run_seed(8, 3, 4)
    assert all(0 <= s < 2**53 for s in seeds)


def test_results_do_not_depend_on_how_runs_are_chunked(tmp_path, reference):
    _, team, members = reference
    run_sweep(load_sweep(sweep_file(tmp_path)), tmp_path / "out", chunk=7)
    pd.testing.assert_frame_equal(ordered(read_results(tmp_path / "out"), RUN_KEYS), ordered(team, RUN_KEYS))
    pd.testing.assert_frame_equal(
        ordered(read_results(tmp_path / "out", "members"), MEMBER_KEYS), ordered(members, MEMBER_KEYS)
    )


def test_two_worker_processes_give_the_same_table_as_one(tmp_path, reference):
    _, team, members = reference
    with open_executor(workers=2) as choice:
        assert choice.workers == 2 and "process" in choice.label
        report = run_sweep(load_sweep(sweep_file(tmp_path)), tmp_path / "out", choice, chunk=4)
    assert report.complete and not report.failures
    pd.testing.assert_frame_equal(ordered(read_results(tmp_path / "out"), RUN_KEYS), ordered(team, RUN_KEYS))
    pd.testing.assert_frame_equal(
        ordered(read_results(tmp_path / "out", "members"), MEMBER_KEYS), ordered(members, MEMBER_KEYS)
    )


def test_mesa_engine_gives_the_batch_engine_table(tmp_path):
    text = GRID.replace("replications = 3", "replications = 2").replace(
        "initial_confidence = { low = 0.1, high = 0.5, steps = 3 }", "initial_confidence = [0.3]"
    )
    spec = load_sweep(sweep_file(tmp_path, text))
    run_sweep(spec, tmp_path / "batch", chunk=3)
    run_sweep(spec, tmp_path / "mesa", chunk=3, engine="mesa")
    for table, keys in (("team", RUN_KEYS), ("members", MEMBER_KEYS)):
        batch = ordered(read_results(tmp_path / "batch", table), keys)
        mesa = ordered(read_results(tmp_path / "mesa", table), keys)
        pd.testing.assert_frame_equal(batch, mesa, check_exact=False, rtol=1e-9)


def test_the_manifest_pins_down_the_sweep(reference):
    out, _, _ = reference
    manifest = json.loads((out / "_manifest.json").read_text())
    assert manifest["entropy"] == "2024"
    assert len(manifest["sweep_hash"]) == 64 and "confirmation_bias" in manifest["sweep_text"]
    assert manifest["code_version"].startswith(("git ", "lmxsim "))
    assert {"python", "numpy", "mesa", "pyarrow", "SALib"} <= set(manifest["packages"])
    assert len(manifest["design"]["points"]) == 6 and manifest["status"] == "complete"
    assert manifest["runs"] == 18


def test_a_fresh_entropy_is_recorded_and_reused_on_resume(tmp_path):
    spec = load_sweep(sweep_file(tmp_path, GRID.replace("seed = 2024", "")))
    run_sweep(spec, tmp_path / "out", chunk=4)
    entropy = json.loads((tmp_path / "out" / "_manifest.json").read_text())["entropy"]
    first = read_results(tmp_path / "out")
    assert int(entropy) > 2**64  # SeedSequence() gives 128 bits
    assert first.loc[0, "seed"] == run_seed(int(entropy), 0, 0)
    # a lost part is redone on resume with the recorded entropy, not a new one
    (tmp_path / "out" / "part-0000002.parquet").unlink()
    report = run_sweep(spec, tmp_path / "out", resume=True)
    assert report.runs_now == 4 and report.complete
    pd.testing.assert_frame_equal(ordered(read_results(tmp_path / "out"), RUN_KEYS), ordered(first, RUN_KEYS))


def test_resume_with_a_changed_sweep_file_is_refused(tmp_path, monkeypatch, capsys):
    from lmxsim.cli import main

    path = sweep_file(tmp_path)
    run_sweep(load_sweep(path), tmp_path / "out", chunk=4)
    path.write_text(path.read_text().replace("replications = 3", "replications = 4"))
    with pytest.raises(SweepError, match="has changed"):
        run_sweep(load_sweep(path), tmp_path / "out", resume=True)
    monkeypatch.setattr(
        sys, "argv", ["lmxsim", "sweep", str(path), "-o", str(tmp_path / "out"), "--resume", "-j", "1"]
    )
    with pytest.raises(SystemExit) as caught:
        main()
    assert caught.value.code == 2
    err = capsys.readouterr().err
    assert "has changed" in err and "new --out" in err and "Traceback" not in err


def test_a_changed_base_scenario_file_also_refuses_resume(tmp_path):
    (tmp_path / "base.toml").write_text("team_size = 4\n")
    path = sweep_file(tmp_path, 'scenario = "base.toml"\n' + GRID)
    run_sweep(load_sweep(path), tmp_path / "out", chunk=4)
    (tmp_path / "base.toml").write_text("team_size = 5\n")
    with pytest.raises(SweepError, match="base scenario"):
        run_sweep(load_sweep(path), tmp_path / "out", resume=True)


def test_resume_after_the_model_code_changed_is_refused(tmp_path, monkeypatch):
    """Parts made by another version of the equations must not be mixed with new ones."""
    from lmxsim.sweep import store

    spec = load_sweep(sweep_file(tmp_path))
    run_sweep(spec, tmp_path / "out", chunk=4)
    (tmp_path / "out" / "part-0000002.parquet").unlink()
    manifest = json.loads((tmp_path / "out" / "_manifest.json").read_text())
    assert manifest["model_fingerprint"] == store.model_fingerprint()
    monkeypatch.setattr(store, "model_fingerprint", lambda: "0" * 64)  # as if dynamics.py had changed
    with pytest.raises(SweepError, match="another version of the model code"):
        run_sweep(spec, tmp_path / "out", resume=True)


def test_an_existing_sweep_is_never_overwritten_without_resume(tmp_path):
    spec = load_sweep(sweep_file(tmp_path))
    run_sweep(spec, tmp_path / "out", chunk=4)
    with pytest.raises(SweepError, match="--resume"):
        run_sweep(spec, tmp_path / "out")
    (tmp_path / "other").mkdir()
    (tmp_path / "other" / "notes.txt").write_text("mine")
    with pytest.raises(SweepError, match="not empty"):
        run_sweep(spec, tmp_path / "other")


def test_a_failing_task_is_recorded_and_the_rest_is_kept(tmp_path, monkeypatch):
    import lmxsim.sweep.runner as runner

    original = runner.record_batch

    def flaky(job, seeds, rows):
        if seeds[0] == run_seed(2024, 2, 0):
            raise RuntimeError("simulated crash")
        return original(job, seeds, rows)

    monkeypatch.setattr(runner, "record_batch", flaky)
    spec = load_sweep(sweep_file(tmp_path))
    report = run_sweep(spec, tmp_path / "out", chunk=3)
    assert len(report.failures) == 1 and "simulated crash" in report.failures[0]["error"]
    assert not report.complete and "--resume" in report.line()
    assert read_results(tmp_path / "out")["run"].nunique() == 15
    monkeypatch.setattr(runner, "record_batch", original)
    assert run_sweep(spec, tmp_path / "out", resume=True).complete
    assert read_results(tmp_path / "out")["run"].nunique() == 18


def test_mean_ci_is_the_t_interval():
    n, mean, sd, low, high = mean_ci(np.array([1.0, 2.0, 3.0, 4.0]))
    assert (n, mean) == (4, 2.5)
    assert sd == pytest.approx(1.2909944)
    assert high - mean == pytest.approx(3.1824463 * 1.2909944 / 2)
    assert mean - low == pytest.approx(high - mean)


def test_grid_analysis_summarises_each_point(reference, tmp_path):
    out, team, _ = reference
    result = analyze(out)
    assert result.week == 5 and result.indices is None and "sobol or morris" in result.note
    rows = result.summary[(result.summary["week"] == 5) & (result.summary["outcome"] == "lmx_mean")]
    assert len(rows) == 6 and set(rows["n"]) == {3}
    point = team[(team["point"] == 3) & (team["week"] == 5)]["lmx_mean"]
    assert rows[rows["point"] == 3]["mean"].iloc[0] == pytest.approx(point.mean())
    assert (rows["ci_low"] <= rows["mean"]).all() and (rows["mean"] <= rows["ci_high"]).all()
    paths = write(result, out, tmp_path / "figs")
    assert {p.name for p in paths} == {"summary.csv", "effects.png", "trajectories.png"}
    assert all(p.read_bytes()[:4] == b"\x89PNG" for p in paths if p.suffix == ".png")


SOBOL = """
weeks = 4
replications = 2
seed = 77
[design]
kind = "{kind}"
samples = {samples}
[vary]
confirmation_bias = {{ low = 0.0, high = 0.6 }}
initial_confidence = {{ low = 0.05, high = 0.6 }}
attention_budget = {{ low = 0.1, high = 0.6 }}
[outcomes]
team = ["lmx_mean", "performance"]
"""


@pytest.mark.parametrize(
    ("kind", "samples", "columns"),
    [("sobol", 8, ["S1", "S1_conf", "ST", "ST_conf"]), ("morris", 4, ["mu_star", "mu_star_conf", "sigma"])],
)
def test_sensitivity_indices_with_confidence_intervals_and_a_figure(tmp_path, kind, samples, columns):
    path = sweep_file(tmp_path, SOBOL.format(kind=kind, samples=samples), f"{kind}.toml")
    run_sweep(load_sweep(path), tmp_path / "out")
    result = analyze(tmp_path / "out")
    assert result.method == kind
    indices = result.indices
    assert set(indices["parameter"]) == {"confirmation_bias", "initial_confidence", "attention_budget"}
    assert set(indices["outcome"]) == {"lmx_mean", "performance"}
    for column in columns:
        assert np.isfinite(indices[column]).all(), column
    assert (indices[columns[1]] >= 0).all()  # a CI half-width
    paths = write(result, tmp_path / "out")
    assert (tmp_path / "out" / "_analysis" / f"{kind}.png") in paths
    assert (tmp_path / "out" / "_analysis" / f"{kind}.csv").exists()
    pd.read_parquet(tmp_path / "out")  # analysis files never break reading the directory


def test_analysis_of_an_incomplete_sweep_says_so(tmp_path):
    path = sweep_file(tmp_path, SOBOL.format(kind="sobol", samples=8), "s.toml")
    run_sweep(load_sweep(path), tmp_path / "out", chunk=5)
    (tmp_path / "out" / "part-0000001.parquet").unlink()
    result = analyze(tmp_path / "out")
    assert not result.complete and result.indices is None and "--resume" in result.note


def test_analyze_cli_writes_figures(reference, monkeypatch, capsys, tmp_path):
    from lmxsim.cli import main

    out, _, _ = reference
    monkeypatch.setattr(
        sys, "argv", ["lmxsim", "analyze", str(out), "--outcome", "lmx_mean", "--figures", str(tmp_path)]
    )
    with pytest.raises(SystemExit) as caught:
        main()
    assert caught.value.code in (0, None)
    assert "95% CI" in capsys.readouterr().out
    assert (tmp_path / "effects.png").exists()


def test_analyze_refuses_an_outcome_that_was_not_recorded(reference):
    out, _, _ = reference
    with pytest.raises(SweepError, match=r"safety_mean.*not recorded"):
        analyze(out, outcomes=["safety_mean"])


def test_batch_engine_sanity_matches_run_batch(reference):
    """Guard for the sweep's use of run_batch: a point's runs equal one direct run_batch call."""
    out, team, _ = reference
    spec = load_sweep(json.loads((out / "_manifest.json").read_text())["sweep_file"])
    params = spec.params.replace(confirmation_bias=0.6, initial_confidence=0.1)  # point 3
    seeds = [run_seed(2024, 3, r) for r in range(3)]
    direct = run_batch(seeds, 5, params=params, n_employees=spec.scenario.team_size, record_members=False)
    mine = team[(team["point"] == 3) & (team["week"] == 2)].sort_values("replication")
    np.testing.assert_allclose(mine["lmx_mean"], direct.team["lmx_mean"][2])
