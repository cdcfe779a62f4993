"""How the fit changed the advice (issue 25 req 6): the comparison over the fit's prior beside the
one over its posterior, in words and side by side, in the plan, the report and `strategies`."""

from __future__ import annotations

import json

import numpy as np
import pandas as pd
import pytest

from lmxsim.lab.advice import AdviceChange
from lmxsim.lab.plans import Strategy
from lmxsim.lab.strategies import NOTHING, Comparison, ready_strategy
from lmxsim.texts.errors import english_words


def _fake(perf: dict[str, np.ndarray]) -> Comparison:
    """A comparison with made-up team performance (other measures flat), as test_strategy_honesty's."""
    reps = len(next(iter(perf.values())))
    strategies = [
        ready_strategy(NOTHING)
        if name == NOTHING
        else Strategy(name, {"en": name.upper(), "nl": name.upper()})
        for name in perf
    ]
    flat = np.zeros((1, reps))
    outcomes = {
        name: {"performance": values[None, :], "lmx_mean": flat + 0.5, "lmx_differentiation": flat,
               "problems_hidden": flat, "fires": flat, "out_group_share": flat}
        for name, values in perf.items()
    }  # fmt: skip
    members = {name: {m: np.zeros((1, reps, 1)) for m in ("performance", "lmx", "group")} for name in perf}
    titles = {s.name: dict(s.title) for s in strategies}
    return Comparison(strategies, ["An"], reps, 52, 1, (52,), outcomes, members, titles=titles)


BASE = np.random.default_rng(3).normal(0.4, 0.05, 200)


def test_the_same_advice_says_the_fit_did_not_change_it():
    before = _fake({NOTHING: BASE, "a": BASE + 0.05, "b": BASE + 0.02})
    after = _fake({NOTHING: BASE, "a": BASE + 0.04, "b": BASE + 0.03})
    change = AdviceChange(before, after)
    assert not change.changed
    assert change.sentence("en").startswith("The fit did not change the advice: A comes first")
    assert "De fit veranderde het advies niet" in change.sentence("nl")
    html = change.html("en")  # ranks and gains side by side, prior and posterior
    assert "Rank (prior)" in html and "Gain (posterior)" in html
    assert "+0.050" in html and "+0.040" in html and "+0.020" in html and "+0.030" in html


def test_a_changed_advice_says_what_came_first_before_and_after():
    before = _fake({NOTHING: BASE, "a": BASE + 0.05, "b": BASE + 0.02})
    after = _fake({NOTHING: BASE, "a": BASE + 0.01, "b": BASE + 0.04})
    change = AdviceChange(before, after)
    assert change.changed
    assert change.sentence("en") == (
        "The fit changed the advice: with the prior A came first; with the posterior B comes first."
    )
    assert not english_words(change.sentence("nl"))
    flat = _fake({NOTHING: BASE, "a": BASE - 0.01, "b": BASE})
    assert "no strategy clearly beats doing nothing" in AdviceChange(before, flat).sentence("en")


def _fit_folder(tmp_path, names):
    """A finished fit's two files, as `lmxsim fit` writes them (what the lab and --posterior read)."""
    folder = tmp_path / "fit"
    folder.mkdir()
    rng = np.random.default_rng(0)
    draws = pd.DataFrame({"leader_trust_rate": rng.uniform(0.28, 0.32, 60),
                          "first_impression_noise": rng.uniform(0.2, 0.3, 60)})  # fmt: skip
    draws.to_csv(folder / "draws.csv", index=False)
    state = {
        "names": names,
        "fitted": ["leader_trust_rate", "first_impression_noise"],
        "priors": {"leader_trust_rate": [0.05, 0.8], "first_impression_noise": [0.0, 0.5]},
        "weeks": [0, 12],
        "survey": "lmx7.csv",
        "created": "2026-12-01",
        "last_wave": {"week": 12, "member": {n: 20.0 + i for i, n in enumerate(names)}, "leader": {}},
    }
    (folder / "fit.json").write_text(json.dumps(state), encoding="utf-8")
    return folder


def test_the_prior_draws_span_the_prior_ranges(tmp_path):
    from lmxsim.fit.posterior import prior_of, read_posterior

    fit = read_posterior(_fit_folder(tmp_path, ["Kim", "Jo"]))
    prior = prior_of(fit)
    assert prior.last == fit.last and prior.names == fit.names
    assert prior.draws["leader_trust_rate"].min() < 0.2 and prior.draws["leader_trust_rate"].max() > 0.6
    assert prior_of(fit).draws.equals(prior.draws)  # repeatable


@pytest.mark.slow  # two small comparisons over a fit (about 20 s)
def test_plan_and_report_with_a_posterior_say_what_the_fit_changed(cli, tmp_path):
    team = tmp_path / "team.csv"
    team.write_text("name,closeness\nKim,0.3\nJo,0.8\nAli,0.5\n", encoding="utf-8")
    fit = _fit_folder(tmp_path, ["Kim", "Jo", "Ali"])
    out = tmp_path / "plan.html"
    code, _, err = cli(
        "plan", "--team", str(team), "--posterior", str(fit), "-r", "40", "-w", "20", "--no-robustness",
        "-s", "one-on-ones-out-group", "-s", "reflection-every-4", "--out", str(out), "--lang", "nl",
    )  # fmt: skip
    assert code == 0, err
    plan = out.read_text(encoding="utf-8")
    assert "De fit veranderde het advies" in plan  # one sentence on the one page
    appendix = next(tmp_path.glob("plan-*.html")).read_text(encoding="utf-8")
    assert "Wat de fit aan het advies veranderde" in appendix
    assert "Plaats (prior)" in appendix and "Winst (posterior)" in appendix
    assert "--posterior" in appendix  # its command includes the fit
    code, text, err = cli(
        "strategies", "--team", str(team), "--posterior", str(fit), "-r", "40", "-w", "20", "--no-robustness",
        "-s", "one-on-ones-out-group",
    )  # fmt: skip
    assert code == 0, err
    assert "The fit did not change the advice" in text or "The fit changed the advice" in text
