"""The defaults come from `lmxsim calibrate`, whose loss, budget and seed are recorded (issue 23,
requirement 3): docs/calibration/default.toml is that record, and the shipped parameters are its
result; the rivals were searched with the same budget and the same loss."""

from __future__ import annotations

import tomllib
from pathlib import Path

from lmxsim.model.params import Params
from lmxsim.science.budget import BUDGET
from lmxsim.science.calibration import SEARCH
from lmxsim.science.facts import KNOWN_MISSES
from lmxsim.science.rivals import RIVALS

RECORD = Path(__file__).resolve().parent.parent / "docs" / "calibration" / "default.toml"


def _record() -> dict:
    return tomllib.loads(RECORD.read_text(encoding="utf-8"))


def test_the_defaults_are_the_recorded_search_result():
    record, defaults = _record(), Params().to_dict()
    assert set(record["params"]) == set(SEARCH)
    moved = {k: (defaults[k], v) for k, v in record["params"].items() if abs(defaults[k] - v) > 1e-9}
    assert not moved, f"defaults differ from docs/calibration/default.toml (default, record): {moved}"


def test_the_record_says_its_budget_seed_loss_and_misses():
    calibration = _record()["calibration"]
    assert calibration["budget"] == BUDGET.record()  # the command's defaults are the budget used
    # A search stops early when a full round of refinement finds nothing better.
    assert calibration["loss"] >= 0 and 0 < calibration["evaluations"] <= BUDGET.evaluations
    assert calibration["not_counted"] == sorted(KNOWN_MISSES)
    # the search's own seeds, at every horizon: only the known misses
    assert {name.split("@")[0] for name in calibration["failed"]} <= set(KNOWN_MISSES)
    assert set(BUDGET.horizons) == {26, 52}  # the facts must hold at 52 weeks as well as at 26


def test_every_rival_had_the_defaults_budget_and_loss():
    calibration = _record()["calibration"]
    for rival in RIVALS:
        theirs = rival.shipped()["calibration"]
        assert theirs["budget"] == calibration["budget"], rival.name
        assert theirs["not_counted"] == calibration["not_counted"], rival.name
