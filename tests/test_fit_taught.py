"""What the data taught (issue 26 req 3): summary.json, the words and the warning."""

import json

import numpy as np
import pandas as pd
import pytest

pytest.importorskip("pyabc")

TINY_TEAM = """
[[team]]
name = "An"
closeness = 0.6
ability = 0.6

[[team]]
name = "Bo"
closeness = 0.6
ability = 0.5
"""


@pytest.mark.slow  # a real tiny fit: about 15 s alone, more on a busy machine
def test_a_tiny_uninformative_survey_says_it_learned_little(cli, tmp_path):
    """Two people, one wave, members only: nothing about the leader's dynamics can be learned,
    and the fit must say so (summary.json, the table's words, the warning), in English and Dutch."""
    team, waves = tmp_path / "team.toml", tmp_path / "waves.csv"
    team.write_text(TINY_TEAM)
    waves.write_text("name,wave,week,member_total\nAn,1,2,24\nBo,1,2,21\n")
    out = tmp_path / "fit"
    fit = ("fit", "--survey", str(waves), "--team", str(team), "--population", "40", "--generations", "1",
           "--fit", "confirmation_bias")  # fmt: skip
    code, text, err = cli(*fit, "--out", str(out), "--seed", "2")
    assert code == 0, err
    summary = json.loads((out / "summary.json").read_text())
    parameters = summary["parameters"]
    assert set(parameters) == {"confirmation_bias", "first_impression_noise", "leader_trust_rate"}
    for entry in parameters.values():
        assert set(entry) == {"prior_width", "posterior_width", "share", "verdict"}
        assert entry["share"] == pytest.approx(entry["posterior_width"] / entry["prior_width"], abs=2e-3)
    # anchoring cannot be learned from one wave: the posterior is the prior again
    assert parameters["confirmation_bias"]["share"] > 0.8
    assert parameters["confirmation_bias"]["verdict"] == "little"
    assert "confirmation_bias" in summary["learned_little"]["parameters"]
    assert [p["name"] for p in summary["people"]] == ["An", "Bo"]
    assert all(p["prior_width"] > 0 and p["verdict"] in ("much", "some", "little") for p in summary["people"])
    assert "learned little" in text
    assert "warning: the data taught less than 20% about" in text and "confirmation_bias" in text
    # the same words and warning in Dutch (the command prints these lines with --lang nl)
    from lmxsim.commands.fit import learned_little_warnings
    from lmxsim.texts import t

    dutch = learned_little_warnings(summary, "nl")
    assert dutch[0].startswith("waarschuwing: de gegevens leerden minder dan 20% over confirmation_bias")
    assert t("fit.verdict_little", "nl") == "weinig geleerd"


def test_verdicts_and_the_first_impressions_prior_width():
    from lmxsim.fit.priors import default_priors
    from lmxsim.fit.taught import entry, first_impression_prior_width, verdict, what_was_taught

    assert [verdict(s) for s in (0.2, 0.5, 0.51, 0.8, 0.81, 1.02)] == [
        "much", "much", "some", "some", "little", "little",
    ]  # fmt: skip
    assert entry(0.8, 0.2) == {"prior_width": 0.8, "posterior_width": 0.2, "share": 0.25, "verdict": "much"}
    # the prior of a first impression: ability + noise * z, noise from its own prior, cut to 0..1
    priors = default_priors()
    width = first_impression_prior_width(np.array([0.5, 0.98]), priors, noise=0.2)
    assert 0.4 < width[0] <= 1.0 and width[1] < width[0]  # near the ceiling the cut narrows it
    fixed = default_priors(("leader_trust_rate",))
    narrow = first_impression_prior_width(np.array([0.5]), fixed, noise=0.1)
    assert narrow[0] == pytest.approx(2 * 1.645 * 0.1, rel=0.05)  # N(0.5, 0.1): 90% width .33
    people = pd.DataFrame(
        {"name": ["A"], "prior_width90": [0.5], "first_impression_p5": [0.4], "first_impression_p95": [0.85]}
    )
    posterior = pd.DataFrame({"parameter": ["x"], "prior_width90": [1.0], "posterior_width90": [0.3]})
    taught = what_was_taught(posterior, people)
    assert taught["parameters"]["x"]["verdict"] == "much"
    assert taught["people"][0]["share"] == pytest.approx(0.9) and taught["learned_little"]["people"] == ["A"]
