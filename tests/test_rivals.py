"""Rival models (issue 23): each switch removes exactly its causal path, the re-tuned rivals
ship as package files and `validate --rivals` evaluates them; `calibrate` resumes."""

from __future__ import annotations

import json
import tomllib

import numpy as np
import pytest

from lmxsim.engine.batch import run_batch
from lmxsim.model.params import PARAMETERS, Params
from lmxsim.science.calibration import Budget, search
from lmxsim.science.facts import FACTS
from lmxsim.science.rivals import RIVAL_BY_NAME, RIVALS
from lmxsim.science.validation import load_params_file
from lmxsim.team.config import ConfigError
from lmxsim.team.members import Member

# Two equally able members the leader first sees very differently.
PAIR = [Member("Low", ability=0.6, first_impression=0.3), Member("High", ability=0.6, first_impression=0.9)]


def _pair_run(**switch):
    return run_batch(range(40), 26, params=Params().replace(**switch), team=PAIR)


def test_without_a_first_impression_the_leader_starts_alike_and_never_splits_equal_members():
    run = _pair_run(first_impression_counts=False)
    impression = run.members["leader_impression"]
    assert np.array_equal(impression[0, :, 0], impression[0, :, 1])
    assert np.allclose(impression[0, :, 0], 0.6)
    full = _pair_run()
    assert not np.array_equal(
        full.members["leader_impression"][0, :, 0], full.members["leader_impression"][0, :, 1]
    )


def test_static_labels_keep_the_first_impression_for_good():
    impression = _pair_run(impression_learns=False).members["leader_impression"]
    assert np.array_equal(impression[26], impression[0])
    assert not np.array_equal(_pair_run().members["leader_impression"][26], impression[0])


def test_without_pygmalion_the_leader_s_treatment_does_not_change_the_work():
    run = _pair_run(treatment_shapes_work=False)
    performance = run.members["performance"][1:].mean(axis=(0, 1))
    assert abs(performance[1] - performance[0]) < 0.01  # equally able: the same work
    assert run.members["autonomy"][26, :, 1].mean() > run.members["autonomy"][26, :, 0].mean() + 0.05
    full = _pair_run().members["performance"][1:].mean(axis=(0, 1))
    assert full[1] - full[0] > 0.02


def test_without_confirmation_the_leader_reads_work_as_if_latitude_were_equal():
    """The treatment still shapes output; the leader's impression of equally able members
    converges whatever latitude each was given."""
    run = _pair_run(belief_reads_treated_work=False)
    gap = run.members["leader_impression"][:, :, 1] - run.members["leader_impression"][:, :, 0]
    full = _pair_run().members["leader_impression"]
    assert gap[26].mean() < (full[26, :, 1] - full[26, :, 0]).mean()
    assert run.members["performance"][26, :, 1].mean() > run.members["performance"][26, :, 0].mean()


@pytest.mark.parametrize("rival", RIVALS, ids=[r.name for r in RIVALS])
def test_every_rival_ships_its_re_tuned_parameters(rival):
    data = rival.shipped()
    assert data, f"{rival.path} is missing: run lmxsim calibrate --rival {rival.name}"
    params = rival.params()
    for name, value in rival.switch.items():
        assert getattr(params, name) == value
        assert data["params"][name] == value
    assert data["calibration"]["model"] == rival.name
    assert set(params.to_dict()) == set(PARAMETERS)


def test_calibrate_resumes_from_its_folder(tmp_path):
    budget = Budget(evaluations=3, samples=2, seeds=1, replications=20, seed=5)
    first = search(tmp_path, RIVAL_BY_NAME["static-labels"], budget, report=lambda _: None)
    lines = (tmp_path / "evaluations.jsonl").read_text().splitlines()
    assert len(lines) == 1 + 3  # the budget and rival, then one line per candidate
    again = search(tmp_path, RIVAL_BY_NAME["static-labels"], budget, report=lambda _: None)
    assert (tmp_path / "evaluations.jsonl").read_text().splitlines() == lines  # nothing re-run
    assert again["params"] == first["params"] and again["loss"] == first["loss"]
    assert first["params"]["impression_learns"] is False
    text = (tmp_path / "params.toml").read_text()
    assert "[calibration.budget]" in text and "seed = 5" in text
    # Every fact is judged at 26 and at 52 weeks (the 52-week values under "P12@52" and so on),
    # and the record is TOML that reads back.
    record = tomllib.loads(text)["calibration"]
    assert record["budget"]["horizons"] == [26, 52]
    assert {"P12", "P12@52"} <= set(record["facts"]) and len(record["facts"]) == 2 * len(FACTS)
    assert first["facts"]["P12@52"] != first["facts"]["P12"]
    assert load_params_file(tmp_path / "params.toml").impression_learns is False
    with pytest.raises(ValueError, match="another budget, rival or model version"):
        search(tmp_path, None, budget, report=lambda _: None)
    # A log written by another version of the model (other equations or defaults) is refused,
    # not resumed as if its losses were this model's.
    head = json.loads(lines[0])
    head["model"] = "0" * len(head["model"])
    (tmp_path / "evaluations.jsonl").write_text("\n".join([json.dumps(head), *lines[1:]]) + "\n")
    with pytest.raises(ValueError, match="model version"):
        search(tmp_path, RIVAL_BY_NAME["static-labels"], budget, report=lambda _: None)


def test_a_parameter_file_with_mistakes_names_them_all(tmp_path):
    path = tmp_path / "p.toml"
    path.write_text("[params]\nconfirmation_bias = 7\nnonsense = 1\n")
    with pytest.raises(ConfigError) as error:
        load_params_file(path)
    assert "confirmation_bias = 7" in str(error.value) and "nonsense" in str(error.value)
    path.write_text("seed = 1\n")
    with pytest.raises(ConfigError, match=r"no \[params\]"):
        load_params_file(path)


@pytest.mark.slow  # several seconds (a subprocess, a fit or many replications): the full suite runs it
def test_validate_rivals_writes_the_json_the_issue_asks_for(cli, tmp_path):
    out = tmp_path / "v.json"
    code, output, _ = cli(
        "validate", "--seeds", "2", "--replications", "20", "--workers", "1", "--rivals", "--json", str(out)
    )
    assert code in (0, 1)
    assert "full model" in output and "no-confirmation" in output
    data = json.loads(out.read_text())
    assert [r["name"] for r in data["rivals"]] == [r.name for r in RIVALS]
    for row in data["rivals"]:
        assert set(row) == {"name", "removes", "params", "failed", "facts"}
        assert set(row["params"]) == set(PARAMETERS)
        assert [f["id"] for f in row["facts"]] == [f.key for f in FACTS]
        assert set(row["facts"][0]) == {"id", "mean", "band", "pass_share"}


@pytest.mark.slow  # several seconds (a subprocess, a fit or many replications): the full suite runs it
def test_validate_config_reads_a_parameter_file(cli, tmp_path):
    path = tmp_path / "variant.toml"
    path.write_text("[params]\nconfirmation_bias = 0.9\n")
    out = tmp_path / "v.json"
    code, _, _ = cli(
        "validate", "--seeds", "2", "-r", "20", "-w", "1", "--config", str(path), "--json", str(out)
    )
    default = tmp_path / "d.json"
    cli("validate", "--seeds", "2", "-r", "20", "-w", "1", "--json", str(default))
    assert json.loads(out.read_text())["facts"] != json.loads(default.read_text())["facts"]
    path.write_text("[params]\nconfirmation_bias = 9\n")
    code, output, error = cli("validate", "--seeds", "2", "--config", str(path))
    assert code == 2 and "confirmation_bias = 9" in output + error


def test_validate_weeks_runs_the_facts_at_another_horizon(cli, tmp_path):
    from lmxsim.science.facts import FACT_BY_KEY, Bench

    late = Bench(Params(), seed=1, replications=20, weeks=52)
    assert late.teams().weeks == 52 and late.late(23) == 49
    usual = Bench(Params(), seed=1, replications=20)
    assert FACT_BY_KEY["P22"].evaluate(late)[0] != FACT_BY_KEY["P22"].evaluate(usual)[0]
    code, output, error = cli("validate", "--seeds", "2", "--weeks", "5")
    assert code == 2 and "--weeks" in output + error


@pytest.mark.slow  # several seconds (a subprocess, a fit or many replications): the full suite runs it
def test_robustness_changes_each_parameter_within_its_range(cli, tmp_path):
    from lmxsim.science.validation import robustness_cases, robustness_summary

    base = Params().replace(mature_lmx=0.85)  # + 25% is above its range (1), + 10% is not
    cases = robustness_cases(base, ["mature_lmx", "initial_confidence", "autonomy_follows_trust"])
    changes = {(n, c) for n, c, _ in cases}
    # out of range: left out; a switch has no percentages
    assert ("mature_lmx", 0.25) not in changes and ("mature_lmx", 0.10) in changes
    assert not any(n == "autonomy_follows_trust" for n, _ in changes)
    start = base.initial_confidence
    assert {c for n, c, _ in cases if n == "initial_confidence"} == {-0.25, -0.1, 0.1, 0.25}
    assert all(
        abs(p.initial_confidence - start * (1 + c)) < 1e-12 for n, c, p in cases if n == "initial_confidence"
    )
    rows = [
        {"param": "a", "change": 0.1, "out_of_band": ["P5"]},
        {"param": "a", "change": -0.25, "out_of_band": ["P5", "P3"]},
    ]
    assert robustness_summary(rows, ["P5"]) == {
        "10%": {"cases": 1, "hold": 1},
        "25%": {"cases": 1, "hold": 0},
    }
    out = tmp_path / "r.json"
    code, output, _ = cli(
        "validate", "-s", "2", "-r", "20", "-w", "1", "--robustness", "--robustness-params", "skill_rate",
        "--json", str(out),
    )  # fmt: skip
    data = json.loads(out.read_text())
    assert [(r["param"], r["change"]) for r in data["robustness"]] == [
        ("skill_rate", c) for c in (-0.25, -0.10, 0.10, 0.25)
    ]
    assert set(data["robustness"][0]) == {"param", "change", "out_of_band"}
    assert "robustness" in output
    code, output, error = cli("validate", "-s", "2", "--robustness", "--robustness-params", "nope")
    assert code == 2 and "nope" in output + error


def test_calibrate_command_writes_its_record_and_refuses_an_unknown_rival(cli, tmp_path):
    out = tmp_path / "cal"
    code, output, _ = cli(
        "calibrate", "--rival", "no-pygmalion", "--evaluations", "2", "--samples", "1", "--seeds", "1",
        "-r", "20", "--weeks", "30", "--out", str(out),
    )  # fmt: skip
    assert code == 0 and "params.toml" in output
    record = tomllib.loads((out / "params.toml").read_text())["calibration"]
    assert record["budget"]["horizons"] == [30] and "P12@30" in record["facts"]
    written = load_params_file(out / "params.toml")
    assert written.treatment_shapes_work is False
    code, output, error = cli("calibrate", "--rival", "nope", "--out", str(out))
    assert code == 2 and "nope" in output + error and "no-confirmation" in output + error


def test_a_file_that_still_sets_belief_rate_is_told_where_it_went(tmp_path):
    """Model v3 merged belief_rate into initial_confidence: an old parameter file is refused with
    the formula that carries its value over, in English and in Dutch, not only "unknown"."""
    from lmxsim.texts.errors import english_words, translate

    path = tmp_path / "old.toml"
    path.write_text("[params]\nbelief_rate = 0.85\ninitial_confidence = 0.05\n")
    with pytest.raises(ConfigError) as error:
        load_params_file(path)
    message = str(error.value)
    assert "belief_rate" in message
    assert "initial_confidence = 1 - belief_rate x (1 - initial_confidence)" in message
    dutch = translate(message, "nl")
    assert "samengevoegd met initial_confidence" in dutch and "gebruik" in dutch, dutch
    assert not english_words(dutch), dutch


@pytest.mark.parametrize(
    ("name", "english", "dutch"),
    [
        ("fixed_autonomy", "merged into initial_autonomy", "samengevoegd met initial_autonomy"),
        ("mature_learning", "merged into acquaintance_learning", "samengevoegd met acquaintance_learning"),
        ("coaching_weight", "removed in Model v3", "in Model v3 verwijderd"),
        ("stranger_learning", "removed in Model v3", "in Model v3 verwijderd"),
    ],
)
def test_a_file_that_sets_a_parameter_model_v3_removed_is_told_what_became_of_it(
    tmp_path, name, english, dutch
):
    """Model v3 removed or merged six parameters that barely moved any result (docs/ODD.md 7.12):
    a file that still sets one is refused, naming it and what became of it, in both languages."""
    from lmxsim.texts.errors import english_words, translate

    path = tmp_path / "old.toml"
    path.write_text(f"[params]\n{name} = 0.5\n")
    with pytest.raises(ConfigError) as error:
        load_params_file(path)
    message = str(error.value)
    assert name in message and english in message, message
    translated = translate(message, "nl")
    assert dutch in translated and not english_words(translated), translated


def test_the_refinement_takes_its_finer_step_when_the_coarse_one_overshoots(tmp_path, monkeypatch):
    """A minimum a tenth of a search range from the start: the ±25% step overshoots it, so only
    the finer ±10% step (calibration.STEPS) can reach it. The facts are replaced by a stand-in
    loss (distance to that minimum, plus any move of the other parameters), so this runs in a second."""
    from lmxsim.science import calibration

    base = Params()
    low, high = calibration.SEARCH["routine_noise"]
    target = base.routine_noise + 0.1 * (high - low)

    def stand_in(params, seeds, replications, horizons=()):
        return {n: getattr(params, n) for n in calibration.SEARCH}

    def distance(means):
        others = sum(abs(means[n] - getattr(base, n)) for n in calibration.SEARCH if n != "routine_noise")
        return abs(means["routine_noise"] - target) + others

    monkeypatch.setattr(calibration, "fact_means", stand_in)
    monkeypatch.setattr(calibration, "loss", distance)
    monkeypatch.setattr(calibration, "failed", lambda means: [])
    budget = Budget(evaluations=400, samples=1, seeds=1, replications=20)
    result = search(tmp_path, None, budget, report=lambda _: None)
    assert abs(result["params"]["routine_noise"] - target) < 1e-9
    assert result["loss"] < 1e-9 and result["evaluations"] < 400  # ended by a round that found nothing
