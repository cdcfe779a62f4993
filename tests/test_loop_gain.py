"""The loop gain (issue 23, requirement 4): defined once, printed by validate, claimed by the
set-up-to-fail preset, and mapped by experiments/loop_gain.py."""

from __future__ import annotations

import numpy as np
import pytest

from lmxsim.model.params import Params
from lmxsim.science.facts import loop_gain as leader_loop_gain
from lmxsim.science.facts import loop_regime
from lmxsim.team.config import ConfigError, load_scenario, scenario_from_dict
from lmxsim.team.expect import loop_gain


def test_the_loop_gain_is_the_late_gap_over_the_early_gap():
    lmx = np.zeros((27, 1, 2))
    lmx[6, 0] = [0.4, 0.6]  # gap .2 at week 6
    lmx[26, 0] = [0.3, 0.6]  # gap .3 at week 26
    assert loop_gain(lmx, 1, 0)[0] == pytest.approx(1.5)
    assert [loop_regime(g) for g in (0.5, 1.0, 1.5)] == ["fades", "sticks", "spirals"]


def test_a_biased_anchored_leader_spirals_where_the_default_does_not():
    assert leader_loop_gain(Params(), replications=100) < 1.2
    assert (
        leader_loop_gain(Params().replace(confirmation_bias=1.0, initial_confidence=0.3), replications=100)
        > 1.2
    )


def test_set_up_to_fail_claims_a_spiral():
    scenario = load_scenario("set-up-to-fail")
    assert scenario.expect.loop_gain_above == 1.2
    assert scenario.expect.ahead == ("Bram",) and scenario.expect.behind == ("An",)


def test_a_loop_gain_claim_needs_one_pair():
    data = {
        "weeks": 26,
        "expect": {"loop_gain_above": 1.2},
        "team": [{"name": "An", "ability": 0.5, "first_impression": 0.5}],
    }
    with pytest.raises(ConfigError, match="loop_gain_above needs one member in ahead"):
        scenario_from_dict(data)


def test_validate_prints_the_default_loop_gain(cli):
    _, output, _ = cli("validate", "--seeds", "2", "-r", "20", "-w", "1")
    assert "loop gain" in output and ("sticks" in output or "fades" in output or "spirals" in output)
