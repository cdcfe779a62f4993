"""In- and out-group are relative to the team (issue 23 req 5): the labels follow each
member's LMX against the team's mean (relative LMX), as LMX differentiation studies
measure standing, so able teams still have an out-group and equal treatment has none."""

from __future__ import annotations

import numpy as np

from lmxsim.engine.batch import run_batch
from lmxsim.model import dynamics as dyn
from lmxsim.model.params import Params

WEEK = 26


def _out_share(ability_mean: float) -> float:
    seeds = np.random.SeedSequence(23).spawn(100)
    run = run_batch(seeds, WEEK, params=Params(ability_mean=ability_mean), n_employees=10)
    return float(np.mean(run.members["group"][WEEK] == dyn.Group.OUT))


def test_out_group_share_moves_little_with_the_teams_ability():
    """Old absolute thresholds: 77% out at ability .45, 3% at .75; relative labels: about a quarter each."""
    low, high = _out_share(0.45), _out_share(0.75)
    assert abs(low - high) < 0.08, (low, high)
    assert 0.1 < high < 0.4, high  # a team of able people still has an out-group


def test_a_team_treated_alike_has_no_in_or_out_group():
    quality = np.full((2, 6), 0.3)
    quality[1] = 0.9
    phase = np.full(quality.shape, dyn.Phase.ACQUAINTANCE)
    assert (dyn.group(quality, phase, Params()) == dyn.Group.MIDDLE).all()


def test_labels_follow_standing_relative_to_the_team_mean():
    p = Params()
    quality = np.array([0.40, 0.50, 0.60, 0.70, 0.80])  # mean .60
    quality_high = quality + 0.2  # the same team, every relationship .2 better
    phase = np.full(quality.shape, dyn.Phase.ACQUAINTANCE)
    expected = [dyn.Group.OUT, dyn.Group.OUT, dyn.Group.MIDDLE, dyn.Group.IN, dyn.Group.IN]
    assert dyn.group(quality, phase, p).tolist() == expected
    assert dyn.group(quality_high, phase, p).tolist() == expected
    strangers = np.full(quality.shape, dyn.Phase.STRANGER)
    assert (dyn.group(quality, strangers, p) == dyn.Group.MIDDLE).all()
