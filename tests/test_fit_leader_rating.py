"""The leader's 1-5 rating of each member per wave (issue 26 req 2): read, simulated, fitted."""

import numpy as np
import pandas as pd
import pytest

from lmxsim.fit import FitError
from lmxsim.fit.survey import parse_survey

TEAM = ["An", "Bo"]


def test_the_survey_reads_the_leaders_rating_and_refuses_what_is_not_1_to_5():
    text = "name,wave,week,member_total,leader_rating\nAn,1,4,24,4\nBo,1,4,20,\nAn,2,9,25,5\nBo,2,9,21,2\n"
    survey = parse_survey(text, "w.csv", TEAM)
    assert survey.rating.tolist()[0] == [4.0, 5.0] and np.isnan(survey.rating[1, 0])
    assert set(survey.ratings()) == {"member", "rating"}
    with pytest.raises(
        FitError, match=r"line 3, field leader_rating: '6' is not allowed \(a whole number from 1 to 5\)"
    ):
        parse_survey("name,wave,week,member_total,leader_rating\nAn,1,4,24,4\nBo,1,4,20,6\n", "w.csv", TEAM)
    plain = parse_survey("name,wave,week,member_total\nAn,1,4,24\nBo,1,4,20\n", "w.csv", TEAM)
    assert plain.rating is None and "rating" not in plain.ratings()


def test_the_simulated_rating_follows_the_leaders_impression_and_leaves_the_lmx7_draws_alone():
    from lmxsim.fit.priors import default_priors
    from lmxsim.fit.simulate import Simulator
    from lmxsim.fit.synthetic import recovery_team

    team = recovery_team(6, seed=2)
    blank = np.zeros((6, 2))
    priors = default_priors()
    with_rating = Simulator(team, [4, 13], {"member": blank, "leader": blank, "rating": blank}, priors)
    without = Simulator(team, [4, 13], {"member": blank, "leader": blank}, priors)
    base = {"first_impression_noise": 0.3, "leader_trust_rate": 0.3, "confirmation_bias": 0.8}
    low = [base | {f"z_{i}": -2.0 for i in range(6)}] * 50
    high = [base | {f"z_{i}": 2.0 for i in range(6)}] * 50
    a = with_rating.totals(low, np.random.SeedSequence(1))
    b = with_rating.totals(high, np.random.SeedSequence(1))
    assert set(np.unique(a["rating"])) <= {1, 2, 3, 4, 5}
    assert b["rating"].mean() > a["rating"].mean() + 1  # an anchored high first impression rates higher
    plain = without.totals(low, np.random.SeedSequence(1))
    assert np.array_equal(plain["member"], a["member"]) and np.array_equal(plain["leader"], a["leader"])


@pytest.mark.slow  # a real tiny fit, about 10 s
def test_a_fit_reads_the_rating_and_checks_it(cli, tmp_path):
    pytest.importorskip("pyabc")
    team, waves = tmp_path / "team.toml", tmp_path / "waves.csv"
    team.write_text("".join(f'[[team]]\nname = "{n}"\ncloseness = 0.6\nability = 0.6\n\n' for n in TEAM))
    waves.write_text(
        "name,wave,week,member_total,leader_total,leader_rating\n"
        "An,1,4,24,25,4\nBo,1,4,20,19,2\nAn,2,9,25,26,4\nBo,2,9,21,18,3\n"
    )
    out = tmp_path / "fit"
    code, text, err = cli(
        "fit", "--survey", str(waves), "--team", str(team), "--out", str(out),
        "--population", "20", "--generations", "1",
    )  # fmt: skip
    assert code == 0, err
    assert "member and leader LMX-7 and the leader's 1-5 ratings" in text
    ppc = pd.read_csv(out / "ppc.csv")
    rating = ppc[ppc["rater"] == "rating"]
    assert len(rating) == 4 and rating["simulated_p95"].le(5).all() and rating["simulated_p5"].ge(1).all()
    assert list(rating["observed"]) == [4, 4, 2, 3]
