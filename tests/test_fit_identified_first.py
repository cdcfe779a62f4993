"""Identified first (issue 26 req 7): without a priors file `lmxsim fit` fits the parameters the
design study found identified (first_impression_noise, leader_trust_rate, each person's first
impression), holds confirmation_bias at its default and says so; `--fit` adds it back."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest

from lmxsim.fit import FitError
from lmxsim.fit.priors import CANDIDATES, IDENTIFIED, fit_priors, held, load_priors
from lmxsim.model.params import Params

EXAMPLES = Path(__file__).resolve().parents[1] / "docs" / "examples"
TEAM, WAVES = str(EXAMPLES / "fit-team.toml"), str(EXAMPLES / "fit-waves.csv")


def test_the_default_set_is_the_identified_one_and_the_rest_is_held_at_its_default():
    chosen = fit_priors(None)
    assert chosen.names == list(IDENTIFIED) == ["first_impression_noise", "leader_trust_rate"]
    assert chosen.people and held(chosen) == {"confirmation_bias": Params().confirmation_bias}
    asked = fit_priors(None, ["confirmation_bias"])
    assert asked.names == [*IDENTIFIED, "confirmation_bias"] and held(asked) == {}
    assert asked.parameters[-1].low == 0.0 and asked.parameters[-1].high == 1.0  # the range params allow
    # the design study still studies every candidate
    assert load_priors(None).names == list(CANDIDATES)
    with pytest.raises(FitError, match=r"--fit 'anchoring' is not a numeric model parameter"):
        fit_priors(None, ["anchoring"])
    with pytest.raises(FitError, match=r"--fit 'x' is geen numerieke modelparameter"):
        fit_priors(None, ["x"], "nl")


@pytest.mark.slow  # a real tiny fit: the full suite runs it
def test_the_command_says_what_it_holds_and_fits_it_when_asked(cli, tmp_path):
    pytest.importorskip("pyabc")
    small = ("--population", "20", "--generations", "1", "--seed", "2")
    out = tmp_path / "nl"
    code, text, err = cli("fit", "--survey", WAVES, "--team", TEAM, "--out", str(out), *small, "--lang", "nl")
    assert code == 0, err
    flat = " ".join(text.split())
    assert "op hun standaardwaarde gehouden" in flat and "confirmation_bias = 0,30" in flat
    assert "--fit confirmation_bias" in flat
    assert json.loads((out / "summary.json").read_text())["held"] == {"confirmation_bias": 0.3}
    out = tmp_path / "asked"
    code, text, err = cli(
        "fit", "--survey", WAVES, "--team", TEAM, "--out", str(out), *small, "--fit", "confirmation_bias"
    )  # fmt: skip
    assert code == 0, err
    flat = " ".join(text.split())
    assert "fitted on request although the design study found no common design" in flat
    assert "held at their defaults" not in flat
    posterior = pd.read_csv(out / "posterior.csv")
    assert sorted(posterior["parameter"]) == [
        "confirmation_bias",
        "first_impression_noise",
        "leader_trust_rate",
    ]
    state = json.loads((out / "fit.json").read_text())
    assert state["held"] == {} and "confirmation_bias" in state["fitted"]
    code, _, err = cli(
        "fit", "--survey", WAVES, "--team", TEAM, "--out", str(tmp_path / "x"), "--fit", "nope"
    )
    assert code == 2 and "--fit 'nope' is not a numeric model parameter" in err
