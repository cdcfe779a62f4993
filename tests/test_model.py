"""The Mesa model: the public contract, determinism, simultaneous updates, valid states."""

import random

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lmxsim import LMXModel, Member, ParameterError, Params
from lmxsim.model.frames import MEMBER_COLUMNS, TEAM_COLUMNS
from lmxsim.model.params import PARAMETERS

UNIT_COLUMNS = [
    "trust",
    "autonomy",
    "motivation",
    "skill",
    "safety",
    "performance",
    "leader_impression",
    "leader_trust",
    "lmx",
]


def test_public_api_example_from_the_readme():
    model = LMXModel(
        params=Params(),
        team=[
            Member("An", ability=0.7, first_impression=0.3),
            Member("Bram", ability=0.7, first_impression=0.8),
        ],
        rng=7,
    )
    model.run(weeks=26)
    members, team = model.member_frame(), model.team_frame()
    assert list(members.columns[: len(MEMBER_COLUMNS)]) == MEMBER_COLUMNS
    assert list(team.columns[: len(TEAM_COLUMNS)]) == TEAM_COLUMNS
    assert len(members) == 27 * 2 and len(team) == 27
    assert set(members["phase"]) <= {"stranger", "acquaintance", "mature"}
    assert set(members["group"]) <= {"in", "middle", "out"}
    assert members["lmx7"].between(7, 35).all()


def test_drawn_team_and_step_by_step_equals_run():
    a = LMXModel(n_employees=10, rng=1)
    for _ in range(5):
        a.step()
    b = LMXModel(n_employees=10, rng=1).run(5)
    assert a.week == b.week == 5
    pd.testing.assert_frame_equal(a.member_frame(), b.member_frame())
    assert len(a.team) == 10 and len(set(a.names)) == 10


def test_same_seed_same_run_other_seed_other_run():
    a = LMXModel(n_employees=8, rng=3).run(20).member_frame()
    b = LMXModel(n_employees=8, rng=3).run(20).member_frame()
    c = LMXModel(n_employees=8, rng=4).run(20).member_frame()
    pd.testing.assert_frame_equal(a, b)
    assert not a["lmx"].equals(c["lmx"])


def test_randomness_only_from_the_models_generator():
    np.random.seed(0)
    random.seed(0)
    a = LMXModel(n_employees=6, rng=2).run(10).member_frame()
    np.random.seed(1)
    random.seed(1)
    b = LMXModel(n_employees=6, rng=2).run(10).member_frame()
    pd.testing.assert_frame_equal(a, b)


def test_seed_sequence_is_accepted():
    a = LMXModel(n_employees=4, rng=np.random.SeedSequence(5)).run(3).member_frame()
    b = LMXModel(n_employees=4, rng=np.random.SeedSequence(5)).run(3).member_frame()
    pd.testing.assert_frame_equal(a, b)


def test_fires_cost_leader_attention():
    """Firefighting crowds out relationship work: contact chance falls with fires."""
    from lmxsim.model.dynamics import contact_probability

    trust = np.full(10, 0.5)
    calm = contact_probability(trust, 0, Params())
    burning = contact_probability(trust, 5, Params())
    assert (burning < calm).all()


@pytest.mark.parametrize(
    "team, message",
    [
        ([], "team size 0"),
        ([Member("An"), Member("An")], "appears twice"),
    ],
)
def test_bad_team_is_a_clear_error(team, message):
    with pytest.raises(ParameterError, match=message):
        LMXModel(team=team, rng=1)


def test_bad_member_values_are_clear_errors():
    with pytest.raises(ParameterError, match=r"ability = 1\.5"):
        Member("An", ability=1.5)
    with pytest.raises(ParameterError, match="name"):
        Member("  ")
    with pytest.raises(ParameterError, match="201"):
        LMXModel(n_employees=201, rng=1)


# --- property tests --------------------------------------------------------------------


@st.composite
def valid_params(draw):
    values = {}
    for name, field in PARAMETERS.items():
        if field.type in ("bool", bool):
            values[name] = draw(st.booleans())
        else:
            low, high = field.metadata["low"], field.metadata["high"]
            values[name] = draw(st.floats(low, high, allow_nan=False))
    if values["out_group_rlmx"] > values["in_group_rlmx"]:
        values["out_group_rlmx"], values["in_group_rlmx"] = values["in_group_rlmx"], values["out_group_rlmx"]
    return Params(**values)


@settings(max_examples=25, deadline=None)
@given(params=valid_params(), seed=st.integers(0, 2**32), size=st.integers(1, 12))
def test_every_state_stays_in_range_and_is_reproducible(params, seed, size):
    frame = LMXModel(params=params, n_employees=size, rng=seed).run(12).member_frame()
    values = frame[UNIT_COLUMNS].to_numpy(dtype=float)
    assert not np.isnan(values).any()
    assert (values >= 0).all() and (values <= 1).all()
    assert (frame["problems_hidden"] >= 0).all() and (frame["problems_reported"] >= 0).all()
    again = LMXModel(params=params, n_employees=size, rng=seed).run(12).member_frame()
    pd.testing.assert_frame_equal(frame, again)
