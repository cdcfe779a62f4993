"""The week is written once (lmxsim/model/week.py): no other module steps the equations itself.

A second copy of the schedule, in an engine, an agent or a history, would have to call
the weekly equations of dynamics.py; this test finds every such call in the package.
"""

from __future__ import annotations

import ast
from pathlib import Path

import numpy as np

import lmxsim
from lmxsim.engine.mesa_model import LMXModel
from lmxsim.model import dynamics as dyn
from lmxsim.model.nudges import Nudges
from lmxsim.model.params import Params
from lmxsim.model.start import initial_state
from lmxsim.model.week import start_week_state, week
from lmxsim.team.members import TEAM_DRAWS, Member, team_traits

PACKAGE = Path(lmxsim.__file__).parent
# The equations a week applies, in its order (docs/ODD.md section 3).
WEEKLY = {
    "contact_probability",
    "next_autonomy",
    "work",
    "performance",
    "observation_noise",
    "observed_competence",
    "update_impression",
    "next_leader_trust",
    "next_support",
    "next_trust",
    "next_motivation",
    "next_skill",
    "next_safety",
    "meet_problem",
    "escalate",
    "next_plasticity",
    "next_phase",
    "reopen_phase",
    "reopen_plasticity",
}


def weekly_calls(path: Path) -> set[str]:
    """The weekly equations a module calls (as dyn.f(...), dynamics.f(...) or f(...))."""
    called = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Call):
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            if name in WEEKLY:
                called.add(name)
    return called


def test_only_week_py_steps_the_weekly_equations():
    callers = {
        path.relative_to(PACKAGE).as_posix(): calls
        for path in sorted(PACKAGE.rglob("*.py"))
        if path.name != "dynamics.py" and (calls := weekly_calls(path))
    }
    week_py = "model/week.py"
    assert set(callers) == {week_py}, f"a second copy of the week: {callers}"
    assert callers[week_py] == WEEKLY, "week.py must apply every weekly equation"


def test_the_check_finds_a_copy(tmp_path):
    """The test above can fail: a module that steps trust itself is found."""
    copy = tmp_path / "engine.py"
    copy.write_text("from lmxsim import dynamics as dyn\ns = dyn.next_trust(1, 2, 0, 1, p)\n")
    assert weekly_calls(copy) == {"next_trust"}


def test_the_model_is_its_state_stepped_by_week():
    """LMXModel's step is week.week on its state: the same start and luck give the same state."""
    team = [Member("An", 0.7, 0.3), Member("Bram", 0.7, 0.8), Member("Cem", 0.5, 0.5)]
    model = LMXModel(team=team, rng=11)
    state = {k: np.array(v, copy=True) for k, v in model.state.items()}
    traits = team_traits(model.team, model.climate)
    generator = np.random.default_rng(11)
    generator.random((3, TEAM_DRAWS))  # the team's draws, then the climate
    generator.random()
    for _ in range(5):
        week(state, traits, generator.random((3, dyn.DRAWS_PER_MEMBER)).T, Nudges.calm(), Params())
        model.step()
    for key, value in state.items():
        np.testing.assert_array_equal(model.state[key], value, err_msg=key)


def test_a_history_is_the_week_for_a_team_of_one_with_average_luck():
    """run_history equals week.week on a one-member team with average luck, week by week."""
    p = Params()
    traits = team_traits(LMXModel(team=[Member("An", 0.6, 0.4)], rng=3).team, 0.05)
    lived = initial_state(traits, p, weeks_together=np.array([20]))
    s = start_week_state(initial_state(traits, p))
    for _ in range(20):
        week(s, traits, None, Nudges.calm(), p)
    assert s["phase"][0] != dyn.Phase.STRANGER, "the history must go somewhere to be a test"
    s["contacts"] = np.floor(s["contacts"] + 1e-9)  # a history counts its expected contacts whole
    for key in ("trust", "leader_impression", "leader_trust", "skill", "lmx", "phase", "contacts"):
        assert np.all(np.isfinite(lived[key])), key
        np.testing.assert_allclose(lived[key], s[key], rtol=0, atol=1e-15, err_msg=key)
