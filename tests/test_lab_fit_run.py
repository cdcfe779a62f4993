"""The strategy lab fits the team itself (app/lab_fit_run.py): the same fit as `lmxsim fit`, stoppable."""

from __future__ import annotations

import time
from pathlib import Path

import numpy as np
import pytest

pytest.importorskip("pyabc")

from lmxsim.app.lab_fit import read_fit_drop
from lmxsim.app.lab_fit_run import fit_here, zipped
from lmxsim.fit import FitError
from lmxsim.fit.run import Settings
from lmxsim.fit.sampler import FitStopped
from lmxsim.team.teamfile import load_team

EXAMPLES = Path(__file__).resolve().parents[1] / "docs" / "examples"
TEAM = load_team(EXAMPLES / "fit-team.toml")
WAVES = (EXAMPLES / "fit-waves.csv").read_bytes()
TINY = Settings(population=30, min_population=20, max_population=40, generations=2, adaptive_population=False)


@pytest.mark.slow  # several seconds (a subprocess, a fit or many replications): the full suite runs it
def test_the_lab_fit_gives_the_posterior_the_lab_compares_over_and_a_zip_it_takes_back(tmp_path):
    seen: list[float] = []
    posterior = fit_here(TEAM, "golven.csv", WAVES, tmp_path, "nl", settings=TINY, progress=seen.append)
    assert posterior.names == [m.name for m in TEAM]
    assert posterior.state["generations"] == 2 and posterior.state["survey"] == "golven.csv"
    assert len(posterior.draws) > 0 and seen == [0.5, 1.0]  # one step of the bar per generation
    again = read_fit_drop([{"name": "fit.zip", "data": zipped(tmp_path / "fit")}])
    assert again.names == posterior.names
    assert np.allclose(again.draws.to_numpy(dtype=float), posterior.draws.to_numpy(dtype=float))


def test_stop_ends_the_fit_between_rounds_and_leaves_no_result(tmp_path):
    asked = {"rounds": 0}

    def stop_after_two_rounds() -> bool:
        asked["rounds"] += 1
        return asked["rounds"] > 2

    start = time.perf_counter()
    with pytest.raises(FitStopped):
        fit_here(TEAM, "waves.csv", WAVES, tmp_path, settings=Settings(), should_stop=stop_after_two_rounds)
    assert time.perf_counter() - start < 60  # the default budget would take minutes
    assert not (tmp_path / "fit" / "draws.csv").exists()


@pytest.mark.parametrize(
    ("name", "data", "says"),
    [
        ("survey.pdf", b"%PDF-1.4", "not a survey file"),
        ("waves.csv", b"name,wave,week,member_total\nNobody,1,0,20\n", "Nobody"),
    ],
)
def test_a_bad_survey_is_a_clear_error_before_any_fitting(tmp_path, name, data, says):
    with pytest.raises(FitError, match=says):
        fit_here(TEAM, name, data, tmp_path, settings=TINY)
    assert not (tmp_path / "fit").exists()
