"""Survey files: every mistake is one line naming file, line and field; missing values are allowed."""

import math

import pytest

from lmxsim.fit import FitError
from lmxsim.fit.priors import DEFAULT_FITTED, load_priors
from lmxsim.fit.survey import parse_survey, read_survey

TEAM = ["An", "Bram", "Sam"]
HEAD = "name,wave,week,member_total,leader_total\n"


def _parse(body, head=HEAD):
    return parse_survey(head + body, "waves.csv", TEAM)


def test_a_good_survey_is_read_in_team_order():
    s = _parse("Sam,1,4,20,22\nAn,1,4,25,\nBram,1,4,18,19\nAn,2,13,27,30\nBram,2,13,,20\nSam,2,13,21,21\n")
    assert s.weeks == [4, 13]
    assert s.member[0].tolist() == [25, 27]
    assert math.isnan(s.leader[0, 0]) and math.isnan(s.member[1, 1])


def test_items_or_totals():
    head = "name,wave,week," + ",".join(f"member_{j}" for j in range(1, 8)) + "\n"
    s = parse_survey(head + "An,1,4,3,3,3,3,3,3,4\nBram,1,4,5,5,5,5,,,\nSam,1,4,1,1,1,,,,\n", "w.csv", TEAM)
    assert s.member[0, 0] == 22
    assert s.member[1, 0] == 35  # four of seven answered: 7 x their mean
    assert math.isnan(s.member[2, 0])  # three answered: too few, left out
    assert s.leader is None


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("Lisa,1,4,20,20\n", "line 2, field name: 'Lisa' is not in the team file"),
        ("An,1,13,20,20\nBram,2,4,20,20\nSam,1,13,20,20\n", "line 3, field week: waves out of order"),
        ("An,1,4,20,20\nBram,1,5,20,20\n", "line 3, field week: wave 1 is week 4 on line 2"),
        ("An,1,4,40,20\n", "line 2, field member_total: '40' is not allowed"),
        ("An,1,4,20,20\nAn,1,4,21,20\n", "line 3: 'An' wave 1 appears twice"),
        ("An,1,4,20,20\nBram,1,4,20,20\n", "contradicts the team file: 'Sam'"),
        ("An,2,4,20,20\nBram,2,4,20,20\nSam,2,4,20,20\n", "wave 1 is missing"),
        ("An,x,4,20,20\n", "line 2, field wave"),
    ],
)
def test_mistakes_name_line_and_field(body, message):
    with pytest.raises(FitError, match=message.replace("(", r"\(")):
        _parse(body)


def test_item_outside_1_to_5():
    head = "name,wave,week,member_1\n"
    with pytest.raises(FitError, match="line 3, field member_1: '6' is not allowed"):
        parse_survey(head + "An,1,4,3\nBram,1,4,6\nSam,1,4,2\n", "w.csv", TEAM)


def test_items_and_total_that_disagree():
    head = "name,wave,week," + ",".join(f"member_{j}" for j in range(1, 8)) + ",member_total\n"
    with pytest.raises(FitError, match="field member_total: 30 is not the sum"):
        parse_survey(head + "An,1,4,3,3,3,3,3,3,3,30\n", "w.csv", ["An"])


def test_unknown_column_and_missing_file(tmp_path):
    with pytest.raises(FitError, match="line 1: unknown column 'mood'"):
        _parse("An,1,4,20,20,3\n", head="name,wave,week,member_total,leader_total,mood\n")
    with pytest.raises(FitError, match="does not exist"):
        read_survey(tmp_path / "none.csv", TEAM)


def test_priors_file(tmp_path):
    assert load_priors(None).names == list(DEFAULT_FITTED)
    path = tmp_path / "p.toml"
    path.write_text(
        "[parameters]\nleader_trust_rate = {low = 0.1, high = 0.5}\n[measurement]\nleader_bias = {}\n"
    )
    priors = load_priors(path)
    assert priors.names == ["leader_trust_rate", "measurement.leader_bias"]
    assert priors.parameters[0].low == 0.1 and priors.parameters[1].low == -1.0
    path.write_text("[parameters]\nleader_trust_rate = {low = 0.1, high = 5}\n")
    with pytest.raises(FitError, match=r"leader_trust_rate\.high = 5 is outside"):
        load_priors(path)
    path.write_text("[parameters]\nfirst_impresion_noise = {}\n")
    with pytest.raises(FitError, match="not a numeric model parameter"):
        load_priors(path)


def test_week_zero_wave_must_agree_with_the_team_files_lmx7():
    from lmxsim.fit.survey import check_against_team
    from lmxsim.team.members import Member

    team = [Member("An", weeks_together=30, lmx7=28), Member("Bram"), Member("Sam", lmx7_leader=30)]
    survey = _parse("An,1,0,20,\nBram,1,0,20,\nSam,1,0,20,12\n")
    with pytest.raises(FitError) as caught:
        check_against_team(survey, team, "team.toml")
    message = str(caught.value)  # every contradiction: who, where in the survey, which column, both values
    assert "2 contradiction(s)" in message
    assert (
        "line 2, field member_total: the survey contradicts the team file team.toml: the member LMX-7 of "
        "'An' at week 0 is 20 here but 28 in the team file (column lmx7)"
    ) in message
    assert (
        "line 4, field leader_total:" in message
        and "is 12 here but 30 in the team file (column lmx7_leader)" in message
    )
    check_against_team(_parse("An,1,0,28,\nBram,1,0,20,\nSam,1,0,20,\n"), team, "team.toml")


def test_fit_simulator_starts_from_the_team_files_relationship():
    import numpy as np

    from lmxsim.fit.priors import default_priors
    from lmxsim.fit.simulate import Simulator
    from lmxsim.team.members import Member

    def mean_week0(team):
        sim = Simulator(team, [0, 4], {"member": np.zeros((2, 2))}, default_priors(people=False))
        rows = [{"first_impression_noise": 0.1, "leader_trust_rate": 0.3, "confirmation_bias": 0.3}] * 200
        return sim.totals(rows, np.random.SeedSequence(0))["member"][:, :, 0].mean(axis=0)

    strangers = mean_week0([Member("An"), Member("Bram")])
    partners = mean_week0([Member("An", weeks_together=40, lmx7=32), Member("Bram")])
    assert partners[0] > strangers[0] + 4  # An starts as the close partner the team file describes
    assert abs(partners[1] - strangers[1]) < 1.5
