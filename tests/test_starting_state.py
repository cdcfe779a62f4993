"""The starting state of a relationship: time together and LMX-7 answers (dynamics.initial_state).

Time together is the model's own history: with luck switched off (certain contact, no
noise, no problems) a member who starts with `weeks_together=40` is exactly where a
newcomer is after 40 weeks of the model. LMX-7 answers set the week-0 relationship.
"""

from __future__ import annotations

import numpy as np
import pytest

from lmxsim.engine.batch import run_batch
from lmxsim.engine.mesa_model import LMXModel
from lmxsim.model import dynamics as dyn
from lmxsim.model.params import ParameterError, Params
from lmxsim.model.start import match_lmx7
from lmxsim.team.members import Member

# Luck switched off: a team of one is always met, work and observation carry no noise,
# and no problems (so no fires) come up.
NO_LUCK = Params(
    attention_budget=1.0, performance_noise=0.0, observation_noise=0.0, routine_noise=0.0, problem_rate=0.0
)
STATE = [
    "trust",
    "autonomy",
    "motivation",
    "skill",
    "safety",
    "leader_impression",
    "leader_trust",
    "lmx",
    "phase",
    "group",
]


def newcomer(**extra) -> Member:
    return Member(
        "Ann",
        ability=0.7,
        first_impression=0.35,
        challenge=0.5,
        trust_propensity=0.6,
        member_expectation=0.55,
        safety_propensity=0.5,
        **extra,
    )


def week_row(model: LMXModel, week: int):
    frame = model.member_frame()
    return frame[frame["week"] == week].iloc[0]


@pytest.mark.parametrize("weeks", [1, 3, 40])
def test_weeks_together_start_where_the_model_gets_in_those_weeks(weeks: int) -> None:
    lived = LMXModel(params=NO_LUCK, team=[newcomer()], rng=5).run(weeks)
    told = LMXModel(params=NO_LUCK, team=[newcomer(weeks_together=weeks)], rng=5)
    after, start = week_row(lived, weeks), week_row(told, 0)
    for column in STATE:
        assert start[column] == pytest.approx(after[column], abs=1e-12), column
    # and the hidden state the frames do not show
    old, new = lived.employees[0], told.employees[0]
    for attribute in ("support", "plasticity", "contacts"):
        assert getattr(new, attribute) == pytest.approx(getattr(old, attribute), abs=1e-12), attribute
    assert told.leader.confidence[0] == pytest.approx(lived.leader.confidence[0], abs=1e-12)


def test_forty_weeks_together_is_not_a_stranger() -> None:
    """With the default parameters: the history leaves the stranger phase and settles."""
    start = week_row(LMXModel(team=[newcomer(weeks_together=40)], rng=1), 0)
    fresh = week_row(LMXModel(team=[newcomer()], rng=1), 0)
    assert fresh["phase"] == "stranger" and start["phase"] != "stranger"
    member = LMXModel(team=[newcomer(weeks_together=40)], rng=1).employees[0]
    assert member.plasticity < 1.0 and member.contacts >= Params().contacts_to_acquaintance
    assert start["leader_trust"] != pytest.approx(fresh["leader_trust"])


def test_an_lmx7_answer_sets_the_starting_relationship() -> None:
    for extra in (
        {"lmx7": 24},
        {"lmx7": (4, 4, 3, 3, 4, 3, 3)},
        {"lmx7_leader": 24},
        {"lmx7": 24, "weeks_together": 60},
    ):
        row = week_row(LMXModel(team=[newcomer(**extra)], rng=2), 0)
        assert row["lmx7"] == pytest.approx(24.0), extra
        assert row["lmx"] == pytest.approx(17 / 28), extra


def test_both_answers_set_each_side() -> None:
    model = LMXModel(team=[newcomer(lmx7=30, lmx7_leader=16, weeks_together=20)], rng=3)
    member = model.employees[0]
    assert member.trust == pytest.approx(dyn.lmx_from_lmx7(30))
    assert model.leader.trust[0] == pytest.approx(dyn.lmx_from_lmx7(16))
    assert member.lmx7 == pytest.approx(7 + 28 * np.sqrt(23 / 28 * 9 / 28))


def test_one_answer_keeps_the_balance_or_caps_a_side() -> None:
    state = {
        "leader_trust": np.array([0.2, 0.9]),
        "trust": np.array([0.8, 0.1]),
        "leader_impression": np.array([0.5, 0.5]),
    }
    matched = match_lmx7(state, np.array([21.0, 35.0]), np.nan)
    assert matched["leader_trust"][0] / matched["trust"][0] == pytest.approx(0.2 / 0.8)
    assert matched["lmx"] == pytest.approx([0.5, 1.0])
    assert matched["leader_trust"][1] == 1.0 and matched["trust"][1] == 1.0
    assert matched["leader_impression"][0] == pytest.approx(0.5 + matched["leader_trust"][0] - 0.2)


def test_both_engines_start_alike_with_history_and_answers() -> None:
    team = [
        newcomer(weeks_together=52, lmx7=28),
        Member("Bo", first_impression=0.8, weeks_together=5),
        Member("Cas", lmx7_leader=12),
        Member("Dee"),
    ]
    run = run_batch([1, 9], 12, team=team)
    for r, seed in enumerate([1, 9]):
        model = LMXModel(team=team, rng=seed).run(12)
        np.testing.assert_allclose(run.member_frame(r)["lmx"], model.member_frame()["lmx"], atol=1e-9)


def test_newcomers_are_untouched_by_the_new_fields() -> None:
    """A newcomer next to a long-serving colleague starts on day one: guarded trust, a stranger."""
    model = LMXModel(team=[Member("Dee"), Member("Old", weeks_together=30, lmx7=30)], rng=4)
    new, old = model.employees
    assert model.leader.trust[0] == Params().initial_leader_trust
    assert model.leader.confidence[0] == Params().initial_confidence
    assert (new.phase, new.plasticity, new.contacts) == (dyn.Phase.STRANGER, 1.0, 0)
    assert old.lmx7 == pytest.approx(30.0)


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        ({"weeks_together": -1}, "weeks_together = -1 is not allowed"),
        ({"weeks_together": 2.5}, "weeks_together = 2.5 is not allowed"),
        ({"lmx7": 36}, "lmx7 = 36 is not allowed"),
        ({"lmx7": (4, 4, 4)}, "the 7 item answers"),
        ({"lmx7_leader": (4, 4, 4, 4, 4, 4, 6)}, "lmx7_leader item = 6 is not allowed"),
    ],
)
def test_bad_starting_fields_are_refused(extra, message) -> None:
    with pytest.raises(ParameterError, match=message):
        Member("Ann", **extra)


def test_a_remembered_history_gives_the_same_run_and_is_not_shared_state() -> None:
    """The batch engine remembers recent starting states (the lab starts every strategy alike)."""
    team = [newcomer(weeks_together=30), Member("Bo", weeks_together=8, lmx7=25)]
    first = run_batch([1, 2], 10, team=team)
    first.members["trust"][:] = -1.0  # a caller changing its results must not change the next run
    again = run_batch([1, 2], 10, team=team)
    fresh = [LMXModel(team=team, rng=seed).run(10).member_frame() for seed in (1, 2)]
    for r in range(2):
        np.testing.assert_allclose(again.member_frame(r)["trust"], fresh[r]["trust"], atol=1e-9)
    other = run_batch([1, 2], 10, team=team, params=Params(leader_trust_rate=0.1))
    assert not np.allclose(other.member_frame(0)["leader_trust"], again.member_frame(0)["leader_trust"])
