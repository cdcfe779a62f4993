"""`lmxsim scenarios --check NAME`: each [expect] claim's hold rate, counted as test_scenarios.py does."""

from __future__ import annotations

import shutil

import numpy as np
import pytest

from lmxsim.engine.batch import run_batch
from lmxsim.io.packaged import SCENARIO_DIR
from lmxsim.team.config import load_scenario


def flat(text: str) -> str:
    return " ".join(text.split())


def test_check_prints_each_claims_hold_rate_and_the_whole_story(cli) -> None:
    code, out, err = cli("scenarios", "--check", "first-impression", "--seeds", "20")
    assert code == 0, err
    scenario = load_scenario("first-impression")
    run = run_batch(list(range(20)), scenario.weeks, scenario.params, scenario.team)
    held = scenario.expect.check(run.members, run.team)
    own = run_batch([scenario.seed], scenario.weeks, scenario.params, scenario.team)
    kept = scenario.expect.check(own.members, own.team)
    shown = flat(out)
    assert f"own seed {scenario.seed}" in shown
    for claim, ok in held.items():
        assert f"│ {claim} │ {ok.mean():.0%} │ {'yes' if kept[claim].all() else 'no'} │" in shown
    together = np.logical_and.reduce(list(held.values())).mean()
    assert f"The whole story holds on {together:.0%} of the seeds" in shown


def test_check_speaks_dutch(cli) -> None:
    code, out, err = cli("scenarios", "--check", "first-impression", "--seeds", "5", "--lang", "nl")
    assert code == 0, err
    shown = flat(out)
    assert "An in de out-groep in week 12 en aan het eind" in shown
    assert "bewering" in shown and "Het hele verhaal klopt in" in shown


def test_check_takes_a_scenario_file_being_made(cli, tmp_path) -> None:
    mine = tmp_path / "mine.toml"
    shutil.copy(SCENARIO_DIR / "rebels.toml", mine)
    code, out, err = cli("scenarios", "--check", str(mine), "--seeds", "5")
    assert code == 0, err
    assert "mine: how often each claim" in flat(out)


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (("--check", "no-such-preset"), ["unknown scenario 'no-such-preset'"]),
        (("--check", "rebels", "--seeds", "0"), ["--seeds", "0"]),
        (("--check", "NOCLAIMS"), ["no [expect] table"]),
    ],
)
def test_check_refuses_clearly(cli, tmp_path, args, words) -> None:
    no_claims = tmp_path / "plain.toml"
    no_claims.write_text('weeks = 10\n[[team]]\nname = "An"\n', encoding="utf-8")
    args = tuple(str(no_claims) if a == "NOCLAIMS" else a for a in args)
    code, out, err = cli("scenarios", *args)
    assert code != 0
    for word in words:
        assert word in err
    assert "Traceback" not in out + err
