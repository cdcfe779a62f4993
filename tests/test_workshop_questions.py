"""The workshop script's questions have a visible answer (issue 24 req 9), checked on 200 seeds.

docs/workshop.md asks, with "Low safety" and the twin on: which intervention brings problems back
to the table? The answer the room should see: Role clarification for the whole team from week 2
raises the problems reported and lowers the fires against the twin (same team, same luck, no
intervention), by at least one whole problem / fire, in at least 80% of 200 seeds; Sudden praise
(the contrast the script offers) does neither.
"""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest

from lmxsim.engine.mesa_model import LMXModel
from lmxsim.interventions.catalogue import CATALOGUE
from lmxsim.team.config import load_scenario

SEEDS = 200
SHARE = 0.8


def _problems_and_fires(scenario, seed: int, key: str | None) -> tuple[int, int]:
    plan = [] if key is None else [dataclasses.replace(CATALOGUE[key](target="team"), start=2)]
    model = LMXModel(
        params=scenario.params,
        team=scenario.team,
        n_employees=scenario.team_size,
        rng=seed,
        interventions=plan,
    )
    reported = fires = 0
    for _ in range(scenario.weeks):
        model.step()
        reported += sum(int(e.problems_reported) for e in model.employees)
        fires += int(model.fires)
    return reported, fires


def _against_twin(key: str) -> tuple[np.ndarray, np.ndarray]:
    scenario = load_scenario("low-safety")
    more_reported, fewer_fires = [], []
    for seed in range(SEEDS):
        (reported, fires), (twin_reported, twin_fires) = (
            _problems_and_fires(scenario, seed, key),
            _problems_and_fires(scenario, seed, None),
        )
        more_reported.append(reported - twin_reported >= 1)
        fewer_fires.append(twin_fires - fires >= 1)
    return np.array(more_reported), np.array(fewer_fires)


@pytest.mark.slow  # 800 runs of 26 weeks, about a minute
def test_role_clarification_brings_problems_back_and_sudden_praise_does_not():
    reported, fires = _against_twin("role-clarification")
    assert reported.mean() >= SHARE, f"more problems reported in {reported.mean():.0%} of {SEEDS} seeds"
    assert fires.mean() >= SHARE, f"fewer fires in {fires.mean():.0%} of {SEEDS} seeds"
    praise_reported, praise_fires = _against_twin("sudden-praise")
    assert praise_reported.mean() < 0.5 and praise_fires.mean() < 0.5
