"""`lmxsim fit-design` (issue 26 req 4): simulate a study design, fit it R times, coverage and shrinkage."""

import pandas as pd
import pytest

pytest.importorskip("pyabc")


@pytest.mark.slow  # several seconds (a subprocess, a fit or many replications): the full suite runs it
def test_a_design_study_reports_coverage_and_shrinkage_per_parameter(cli, tmp_path):
    out = tmp_path / "design"
    code, text, err = cli(
        "fit-design", "--teams", "2", "--team-size", "3", "--weeks", "4,13", "-r", "2",
        "--population", "20", "--generations", "1", "--truth", "confirmation_bias=0.8", "--out", str(out),
    )  # fmt: skip
    assert code == 0, err
    assert "2 teams x 2 waves (weeks 4,13), 3 people, member + leader" in text
    assert "study 2 of 2" in text and "90% interval holds the truth" in text
    runs = pd.read_csv(out / "design-runs.csv")
    assert len(runs) == 2 * 3 and set(runs["replication"]) == {0, 1}
    bias = runs[runs["parameter"] == "confirmation_bias"]
    assert (bias["truth"] == 0.8).all()  # fixed; the others drawn from the priors per study
    noise = runs[runs["parameter"] == "first_impression_noise"]
    assert noise["truth"].nunique() == 2
    assert (runs["covered"] == ((runs["p5"] <= runs["truth"]) & (runs["truth"] <= runs["p95"]))).all()
    summary = pd.read_csv(out / "design.csv").set_index("parameter")
    assert summary.loc["confirmation_bias", "coverage90"] == bias["covered"].mean()
    assert summary.loc["confirmation_bias", "shrinkage"] == pytest.approx(bias["share"].mean())
    assert summary["shrinkage"].between(0.05, 1.2).all() and (summary["replications"] == 2).all()


def test_the_same_design_and_seed_give_the_same_study():
    import numpy as np

    from lmxsim.fit.design import Design, simulated_study
    from lmxsim.fit.priors import default_priors

    priors = default_priors()
    truth = {"first_impression_noise": 0.2, "leader_trust_rate": 0.3, "confirmation_bias": 0.5}
    one = simulated_study(Design(1, 4, (4, 13), leader=False), priors, truth, seed=3)
    assert list(one.observed) == ["member"] and one.observed["member"].shape == (4, 2)
    many = simulated_study(Design(3, 4, (4, 13)), priors, truth, seed=3)
    again = simulated_study(Design(3, 4, (4, 13)), priors, truth, seed=3)
    assert len(many.simulators) == 3
    assert np.array_equal(many.observed_summaries()["lmx7"], again.observed_summaries()["lmx7"])
    rated = simulated_study(Design(1, 4, (4, 13), rating=True), priors, truth, seed=3)
    assert list(rated.observed) == ["member", "leader", "rating"]
    assert set(np.unique(rated.observed["rating"])) <= {1, 2, 3, 4, 5}


def test_bad_design_options_are_one_line_each(cli, tmp_path):
    for args, expected in (
        (("--weeks", "4,x"), "--weeks '4,x' is not allowed (whole numbers"),
        (("--weeks", "13,4"), "--weeks 13,4 is not allowed (weeks from 1 to 520, rising"),
        (("--truth", "anchoring=0.5"), "'anchoring' is not fitted (fitted: first_impression_noise"),
        (("--truth", "confirmation_bias=3"), "confirmation_bias=3 is outside its prior"),
    ):
        code, _, err = cli("fit-design", *args, "-r", "2")
        assert code == 2 and expected in err and err.strip().count("\n") == 0, err
