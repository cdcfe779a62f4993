"""batch.run_states (the fit's simulator) is run_batch, recording only chosen weeks, with overrides."""

import numpy as np

from lmxsim.engine.batch import ParamColumns, run_batch, run_states
from lmxsim.model.params import Params
from lmxsim.team.members import Member

TEAM = [
    Member("An", ability=0.7, first_impression=0.4),
    Member("Bram"),
    Member("Sam", weeks_together=30, lmx7=27),
]
SEEDS = [np.random.SeedSequence(5).spawn(1)[0], 11, 12]


def test_same_states_as_run_batch_at_the_chosen_weeks():
    rows = [Params(), Params(leader_trust_rate=0.6), Params(first_impression_noise=0.3)]
    full = run_batch(SEEDS, 20, params=rows, team=TEAM)
    some = run_states(SEEDS, 20, [0, 7, 20], ("lmx", "trust", "leader_trust"), ParamColumns(rows), TEAM)
    for var in ("lmx", "trust", "leader_trust"):
        np.testing.assert_allclose(some[var], full.members[var][[0, 7, 20]], rtol=0, atol=1e-12)


def test_traits_override_per_replication():
    low = np.full((3, 3), 0.2)
    high = np.full((3, 3), 0.9)
    weeks = [0, 26]
    a = run_states(SEEDS, 26, weeks, ("leader_trust",), None, TEAM, {"first_impression": low})
    b = run_states(SEEDS, 26, weeks, ("leader_trust",), None, TEAM, {"first_impression": high})
    assert (b["leader_trust"][1] > a["leader_trust"][1]).mean() > 0.8  # a better first impression pays


def test_weekly_team_sums_are_run_batch_team_totals_every_week():
    rows = [Params(), Params(leader_trust_rate=0.6), Params(first_impression_noise=0.3)]
    full = run_batch(SEEDS, 30, params=rows, team=TEAM)
    some = run_states(SEEDS, 30, [4], ("lmx",), ParamColumns(rows), TEAM, weekly_sums=("problems_reported",))
    expected = full.members["problems_reported"].sum(axis=-1)  # (weeks + 1, R)
    assert some["team:problems_reported"].shape == (31, 3) and expected.sum() > 0
    np.testing.assert_array_equal(some["team:problems_reported"], expected)
    np.testing.assert_allclose(some["lmx"][0], full.members["lmx"][4], rtol=0, atol=1e-12)
