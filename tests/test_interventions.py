"""Interventions: the catalogue, the spec syntax, both engines alike, and each one's intended effect.

Effects are twin comparisons on common random numbers: the same seeds with
and without the intervention, many replications with the batch engine, the
controlled team of the first-impression preset (An and Bram equally able, An
with a bad first impression). A difference counts as real when the mean is
more than four standard errors away from zero, so the tests check direction
and rough size, not numbers a recalibration would move.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lmxsim.engine.batch import run_batch
from lmxsim.engine.mesa_model import LMXModel
from lmxsim.interventions.catalogue import (
    CATALOGUE,
    GROUP_TARGETS,
    TEAM,
    EqualLatitude,
    Intervention,
    InterventionError,
    OneOnOnes,
    ReflectionRhythm,
    RoleClarification,
    StretchAssignment,
    SuddenPraise,
    TeamMap,
    from_mapping,
    plan_week,
)
from lmxsim.interventions.spec import parse_spec
from lmxsim.model.dynamics import Group
from lmxsim.team.config import load_scenario

SEEDS = list(range(400))
START, LATER = 8, 28  # intervene in week 8, look 20 weeks later


@pytest.fixture(scope="module")
def preset():
    return load_scenario("first-impression")


@pytest.fixture(scope="module")
def baseline(preset):
    return run_batch(SEEDS, LATER, preset.params, preset.team)


def twin_effect(preset, baseline, intervention, member: str, measure: str, weeks=(LATER,)) -> np.ndarray:
    """Per replication: variant minus baseline for one member (mean over `weeks`)."""
    variant = run_batch(SEEDS, LATER, preset.params, preset.team, interventions=[intervention])
    i = [m.name for m in preset.team].index(member)
    rows = list(weeks)
    return (variant.members[measure][rows, :, i] - baseline.members[measure][rows, :, i]).mean(axis=0)


def team_effect(preset, baseline, intervention, measure: str) -> np.ndarray:
    variant = run_batch(SEEDS, LATER, preset.params, preset.team, interventions=[intervention])
    return variant.team[measure][LATER] - baseline.team[measure][LATER]


def clearly_positive(diff: np.ndarray) -> bool:
    return diff.mean() > 4 * diff.std(ddof=1) / np.sqrt(len(diff))


def clearly_negative(diff: np.ndarray) -> bool:
    return clearly_positive(-diff)


# --- the catalogue ---------------------------------------------------------------------


def test_catalogue_holds_every_intervention_of_the_design() -> None:
    assert set(CATALOGUE) == {
        "team-map",
        "role-clarification",
        "one-on-ones",
        "stretch-assignment",
        "sudden-praise",
        "reflection",
        "equal-latitude",
        "expectation",
    }


@pytest.mark.parametrize("key", sorted(CATALOGUE))
def test_each_intervention_is_described_in_english_and_dutch(key: str) -> None:
    kind = CATALOGUE[key]
    assert kind.key == key
    for text in (kind.title, kind.description):
        assert set(text) == {"en", "nl"}
        assert text["en"].strip() and text["nl"].strip()
        assert text["en"] != text["nl"]


@pytest.mark.parametrize("key", sorted(CATALOGUE))
def test_each_intervention_changes_nudges_when_active_and_nothing_before(key: str) -> None:
    intervention = CATALOGUE[key](target=TEAM, start=3)
    names, groups = ["An", "Bram", "Sam"], np.array([Group.OUT, Group.IN, Group.MIDDLE])
    trust = np.array([0.3, 0.8, 0.5])
    before, labels = plan_week([intervention], 2, names, groups, trust)
    assert before.is_neutral() and labels == []
    during, labels = plan_week([intervention], 3, names, groups, trust)
    assert not during.is_neutral()
    assert labels == [intervention.label]


def test_rhythm_and_duration_decide_the_active_weeks() -> None:
    meetings = OneOnOnes(target="Sam", start=4, every=2, duration=7)
    assert [w for w in range(1, 15) if meetings.active(w)] == [4, 6, 8, 10]
    clarification = RoleClarification(target="An", start=5)  # 8 weeks by default
    assert [w for w in range(1, 20) if clarification.active(w)] == list(range(5, 13))
    assert not RoleClarification(target="An").active(5)  # not scheduled yet


def test_a_group_target_follows_the_groups_of_that_week() -> None:
    intervention = OneOnOnes(target="out-group", start=1)
    names = ["An", "Bram"]
    assert intervention.targets(names, np.array([Group.OUT, Group.IN])).tolist() == [True, False]
    assert intervention.targets(names, np.array([Group.IN, Group.OUT])).tolist() == [False, True]


def test_an_unknown_member_is_named_in_the_error() -> None:
    with pytest.raises(InterventionError, match=r"unknown member 'Zed'.*An, Bram"):
        RoleClarification(target="Zed", start=1).targets(["An", "Bram"], np.zeros(2))


@pytest.mark.parametrize(
    ("row", "message"),
    [
        ({"type": "coaching"}, "unknown intervention 'coaching'"),
        ({"target": "An"}, "type is missing"),
        ({"type": "one-on-ones", "target": "An", "weekly": 2}, "unknown field.*weekly"),
        ({"type": "one-on-ones", "start": 0}, "start week = 0"),
        ({"type": "one-on-ones", "every": 1.5}, "every"),
        ({"type": "equal-latitude", "level": 2}, "level = 2"),
        ({"type": "role-clarification", "target": ""}, "target"),
    ],
)
def test_from_mapping_rejects_bad_rows_clearly(row: dict, message: str) -> None:
    with pytest.raises(InterventionError, match=message):
        from_mapping(row)


def test_from_mapping_builds_each_kind_with_its_settings() -> None:
    built = from_mapping({"type": "one-on-ones", "target": "Sam", "start": 4, "every": 3, "duration": 9})
    assert built == OneOnOnes(target="Sam", start=4, every=3, duration=9)
    assert from_mapping({"type": "equal-latitude", "level": 0.6}).level == 0.6


# --- the spec syntax -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("role-clarification:An@8", RoleClarification(target="An", start=8)),
        ("one-on-ones:out-group@4/2", OneOnOnes(target="out-group", start=4, every=2)),
        ("one-on-ones:Sam@4,every=2,for=12", OneOnOnes(target="Sam", start=4, every=2, duration=12)),
        ("team-map@6", TeamMap(target=TEAM, start=6)),
        ("Team_Map : Out-Group @ 6", TeamMap(target="out-group", start=6)),
        ("sudden-praise:An", SuddenPraise(target="An")),
        ("equal-latitude@10,level=0.6", EqualLatitude(start=10, level=0.6)),
        ("stretch-assignment:Bram@3,for=2", StretchAssignment(target="Bram", start=3, duration=2)),
    ],
)
def test_specs_read_as_documented(text: str, expected: Intervention) -> None:
    assert parse_spec(text) == expected


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "empty"),
        ("role-clarif:An@8", "unknown intervention 'role-clarif'; did you mean role-clarification"),
        ("role-clarification:An@eight", "start week 'eight'"),
        ("role-clarification:An@0", "start week '0'"),
        ("one-on-ones:An@4/0", "rhythm"),
        ("one-on-ones:An@4,weekly", "name=value"),
        ("one-on-ones:An@4,level=3", "unknown option 'level'"),
        ("one-on-ones:An@4/2,every=3", "given twice"),
        ("role-clarification:@4", "target"),
        ("equal-latitude@4,level=high", "level = 'high' is not a number"),
    ],
)
def test_malformed_specs_say_what_is_wrong_and_show_the_syntax(text: str, message: str) -> None:
    with pytest.raises(InterventionError, match=message) as error:
        parse_spec(text)
    assert "role-clarification:An@8" in str(error.value)  # the example is always shown


@settings(max_examples=60, deadline=None)
@given(
    key=st.sampled_from(sorted(CATALOGUE)),
    target=st.sampled_from([TEAM, *GROUP_TARGETS, "An", "Member 12"]),
    start=st.none() | st.integers(1, 500),
    every=st.none() | st.integers(1, 20),
    duration=st.none() | st.integers(1, 60),
)
def test_spec_round_trips(key, target, start, every, duration) -> None:
    intervention = CATALOGUE[key](target=target, start=start, every=every, duration=duration)
    assert parse_spec(intervention.spec) == intervention


# --- both engines apply every intervention identically -----------------------------------


@pytest.mark.parametrize("key", sorted(CATALOGUE))
@pytest.mark.parametrize("seed", [2, 19])
def test_batch_and_mesa_apply_each_intervention_identically(preset, key: str, seed: int) -> None:
    plans = [CATALOGUE[key](target="An", start=3), CATALOGUE[key](target="in-group", start=6, every=2)]
    fast = run_batch([seed], 16, preset.params, preset.team, interventions=plans).member_frame(0)
    model = LMXModel(params=preset.params, team=preset.team, rng=seed, interventions=plans).run(16)
    reference = model.member_frame()
    for column in reference.columns:
        if pd.api.types.is_numeric_dtype(reference[column]):
            np.testing.assert_allclose(fast[column], reference[column], rtol=0, atol=1e-9, err_msg=column)
        else:
            assert fast[column].tolist() == reference[column].tolist(), column
    # and the intervention did something, so the equality is not between two untouched runs
    untouched = LMXModel(params=preset.params, team=preset.team, rng=seed).run(16).member_frame()
    assert not np.allclose(reference["lmx"], untouched["lmx"], rtol=0, atol=1e-12)


def test_applied_live_it_starts_next_week_and_the_frames_record_it(preset) -> None:
    model = LMXModel(params=preset.params, team=preset.team, rng=4).run(5)
    scheduled = model.apply(RoleClarification(target="An"))
    assert scheduled.start == 6
    model.run(10)
    members = model.member_frame()
    marked = members[members["interventions"] != ""]
    assert set(marked["name"]) == {"An"}
    assert sorted(marked["week"]) == list(range(6, 14))
    team = model.team_frame()
    assert (team["interventions"] != "").tolist() == [6 <= w <= 13 for w in team["week"]]


def test_a_rhythm_is_recorded_only_in_the_weeks_it_acts(preset) -> None:
    model = LMXModel(params=preset.params, team=preset.team, rng=4)
    model.apply(OneOnOnes(target="Sam", start=3, every=4, duration=10))
    members = model.run(15).member_frame()
    assert sorted(members.loc[members["interventions"] != "", "week"]) == [3, 7, 11]


# --- intended effects (twins on common random numbers) -----------------------------------


def test_role_clarification_lifts_an_able_member_with_a_bad_first_impression(preset, baseline) -> None:
    clarify = RoleClarification(target="An", start=START)
    assert clearly_positive(twin_effect(preset, baseline, clarify, "An", "lmx"))
    assert clearly_positive(
        twin_effect(preset, baseline, clarify, "An", "performance", range(LATER - 4, LATER + 1))
    )


def test_one_on_ones_raise_the_targets_lmx(preset, baseline) -> None:
    assert clearly_positive(twin_effect(preset, baseline, OneOnOnes(target="An", start=START), "An", "lmx"))


def test_team_map_narrows_the_gap_between_labelled_colleagues(preset, baseline) -> None:
    mapped = run_batch(SEEDS, LATER, preset.params, preset.team, interventions=[TeamMap(start=START)])
    gap = mapped.members["lmx"][LATER, :, 1] - mapped.members["lmx"][LATER, :, 0]  # Bram minus An
    base_gap = baseline.members["lmx"][LATER, :, 1] - baseline.members["lmx"][LATER, :, 0]
    assert clearly_negative(gap - base_gap)
    assert clearly_negative(team_effect(preset, baseline, TeamMap(start=START), "lmx_differentiation"))


def test_equal_latitude_shrinks_differentiation_and_frees_the_out_group(preset, baseline) -> None:
    policy = EqualLatitude(start=START)
    assert clearly_negative(team_effect(preset, baseline, policy, "lmx_differentiation"))
    assert clearly_positive(twin_effect(preset, baseline, policy, "An", "autonomy"))
    assert clearly_negative(twin_effect(preset, baseline, policy, "Bram", "autonomy"))


def test_reflection_rhythm_helps_the_member_with_the_low_first_impression(preset, baseline) -> None:
    reflect = ReflectionRhythm(start=START)
    assert clearly_positive(twin_effect(preset, baseline, reflect, "An", "lmx"))
    assert clearly_positive(
        twin_effect(preset, baseline, reflect, "An", "performance", range(LATER - 4, LATER + 1))
    )


def test_sudden_praise_does_little_next_to_role_clarification(preset, baseline) -> None:
    praise = twin_effect(preset, baseline, SuddenPraise(target="An", start=START), "An", "lmx")
    clarify = twin_effect(preset, baseline, RoleClarification(target="An", start=START), "An", "lmx")
    assert abs(praise.mean()) < 0.1 * clarify.mean()
    # from a leader who does not trust An, it reads as insincere: no trust gained
    assert twin_effect(preset, baseline, SuddenPraise(target="An", start=START), "An", "trust").mean() <= 0


def test_an_ungrounded_stretch_assignment_gives_latitude_but_little_trust(preset, baseline) -> None:
    stretch = StretchAssignment(target="An", start=START)
    assert clearly_positive(twin_effect(preset, baseline, stretch, "An", "autonomy"))
    trust = twin_effect(preset, baseline, stretch, "An", "trust")
    clarify = twin_effect(preset, baseline, RoleClarification(target="An", start=START), "An", "trust")
    assert trust.mean() < 0.1 * clarify.mean()
    # grounded in the leader's trust (Bram), the same assignment builds more trust
    grounded = twin_effect(preset, baseline, StretchAssignment(target="Bram", start=START), "Bram", "trust")
    assert grounded.mean() > trust.mean() + 4 * np.std(grounded - trust, ddof=1) / np.sqrt(len(SEEDS))


@pytest.mark.parametrize("kind", [RoleClarification, OneOnOnes])
def test_the_same_intervention_helps_a_low_lmx_member_more(preset, baseline, kind) -> None:
    """Scandura & Graen 1984: equally able An (low LMX) gains more performance than Bram (high LMX)."""
    i_an, i_bram = 0, 1
    assert (
        baseline.members["lmx"][START - 1, :, i_an] < baseline.members["lmx"][START - 1, :, i_bram]
    ).mean() > 0.8
    weeks = range(LATER - 4, LATER + 1)
    low = twin_effect(preset, baseline, kind(target="An", start=START), "An", "performance", weeks)
    high = twin_effect(preset, baseline, kind(target="Bram", start=START), "Bram", "performance", weeks)
    assert clearly_positive(low - high)


# --- the induced expectation (Eden's Pygmalion experiments) -----------------------------


def _told_pair(week: int, **params):
    from lmxsim.interventions.catalogue import Expectation
    from lmxsim.model.params import Params
    from lmxsim.team.members import Member

    team = [Member(f"M{i}", ability=0.6, first_impression=0.6) for i in range(4)]
    p = Params().replace(**params)
    plain = run_batch(range(30), 12, p, team)
    told = run_batch(range(30), 12, p, team, interventions=[Expectation(target="M0", start=week)])
    return plain, told


def test_an_expectation_is_evidence_for_the_leader_and_changes_nothing_in_the_person() -> None:
    plain, told = _told_pair(3)
    m, t = plain.members, told.members
    for name in m:  # twins: bit-identical before the week the leader is told
        assert np.array_equal(m[name][:3], t[name][:3]), name
    assert (t["leader_impression"][3, :, 0] > m["leader_impression"][3, :, 0]).all()
    # in the week it is told, nothing in the person has moved yet: only what the leader believes
    for name in ("skill", "motivation"):
        assert np.array_equal(m[name][3, :, 0], t[name][3, :, 0]), name
    assert t["performance"][6:, :, 0].mean() > m["performance"][6:, :, 0].mean()


def test_an_expectation_is_weighed_like_other_evidence() -> None:
    """A leader whose impressions do not learn (static labels) ignores the report too."""
    plain, told = _told_pair(3, impression_learns=False)
    assert np.array_equal(plain.members["leader_impression"], told.members["leader_impression"])
