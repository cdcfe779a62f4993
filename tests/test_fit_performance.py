"""Objective performance as an observation kind (issue 26 req 2): a `performance` column
(`prestatie` in Dutch), any unit, read relative to the team's mean in each wave; simulated as the
engine's output over the four weeks up to the wave; in the summaries, the predictive check and
the many-team fit, with no summary that is constant by construction."""

from __future__ import annotations

import json

import numpy as np
import pandas as pd
import pytest

from lmxsim.fit import FitError
from lmxsim.fit.priors import fit_priors
from lmxsim.fit.simulate import Simulator
from lmxsim.fit.survey import parse_survey, relative
from lmxsim.team.members import Member

TEAM = ["An", "Bo", "Cas"]
WAVES = (
    "name,wave,week,member_total,performance\n"
    "An,1,4,24,120\nBo,1,4,20,80\nCas,1,4,28,150\nAn,2,12,25,130\nBo,2,12,21,\nCas,2,12,29,160\n"
)


def test_the_column_in_english_and_dutch_read_relative_to_the_teams_mean():
    survey = parse_survey(WAVES, "w.csv", TEAM)
    assert survey.performance[:, 0].tolist() == [120, 80, 150]
    rel = survey.ratings()["performance"]
    assert rel[:, 0] == pytest.approx([120 / (350 / 3), 80 / (350 / 3), 150 / (350 / 3)])
    assert np.isnan(rel[1, 1]) and rel[0, 1] == pytest.approx(130 / 145)  # Bo missing: the others' mean
    dutch = "naam;meting;week;medewerker_totaal;prestatie\nAn;1;4;24;1,5\nBo;1;4;20;0,5\nCas;1;4;28;1\n"
    assert parse_survey(dutch, "w.csv", TEAM).ratings()["performance"][:, 0] == pytest.approx([1.5, 0.5, 1.0])
    with pytest.raises(FitError) as caught:
        parse_survey("naam;meting;week;medewerker_totaal;Prestatie\nAn;1;4;24;-3\nBo;1;4;20;x\nCas;1;4;28;1\n",
                     "w.csv", TEAM, "nl")  # fmt: skip
    text = str(caught.value)
    assert "regel 2, veld Prestatie: '-3' is niet toegestaan (een getal van 0 of meer" in text
    assert "regel 3, veld Prestatie: 'x' is niet toegestaan" in text
    assert relative(np.array([[0.0], [0.0]])).tolist() == [[pytest.approx(np.nan, nan_ok=True)]] * 2


def test_the_simulated_performance_follows_ability_and_its_summaries_vary():
    team = [Member("Lo", ability=0.3), Member("Mid", ability=0.6), Member("Hi", ability=0.9)]
    observed = {"member": np.full((3, 2), 20.0), "performance": np.ones((3, 2))}
    sim = Simulator(team, [4, 12], observed, fit_priors(None))
    rows = [{"first_impression_noise": 0.1, "leader_trust_rate": r} for r in np.linspace(0.1, 0.9, 40)]
    out = sim.totals(rows, np.random.SeedSequence(3))["performance"]  # (R, n, waves)
    assert out.mean(axis=1) == pytest.approx(np.ones((40, 2)))  # relative to the team's mean
    assert out[:, 0].mean() < out[:, 1].mean() < out[:, 2].mean()  # who can do more, does more
    summaries = np.stack([s["lmx7"] for s in sim.simulate(rows, np.random.SeedSequence(4))])
    assert summaries.shape[1] == len(sim.summary_labels())
    assert (summaries.std(axis=0) > 1e-6).all()  # no summary is the same for every particle


def test_many_teams_pool_performance_without_constant_summaries(tmp_path):
    pytest.importorskip("pyabc")
    from lmxsim.fit.panel import Panel, read_panel

    folder = tmp_path / "teams"
    folder.mkdir()
    rng = np.random.default_rng(2)
    lines = ["team,name,wave,week,member_total,performance"]
    for name in ("a", "b", "c"):
        (folder / f"{name}.toml").write_text(
            "".join(
                f'[[team]]\nname = "{n}"\ncloseness = 0.6\nability = {a}\n\n'
                for n, a in zip(TEAM, (0.5, 0.6, 0.7), strict=True)
            )
        )
        lines += [
            f"{name},{n},{w},{4 * w},{rng.integers(15, 33)},{rng.integers(50, 150)}"
            for w in (1, 2)
            for n in TEAM
        ]
    (tmp_path / "w.csv").write_text("\n".join(lines) + "\n")
    panel = Panel.of(read_panel(tmp_path / "w.csv", folder), fit_priors(None))
    rows = [
        {"first_impression_noise": f, "leader_trust_rate": r}
        for f in (0.05, 0.3, 0.5)
        for r in (0.1, 0.5, 0.9)
    ]
    summaries = np.stack([s["lmx7"] for s in panel.simulate(rows * 3, np.random.SeedSequence(1))])
    assert (summaries.std(axis=0) > 1e-6).all()  # every team's mean performance is 1: not a summary


@pytest.mark.slow  # a real tiny fit
def test_a_fit_reads_performance_and_checks_it(cli, tmp_path):
    pytest.importorskip("pyabc")
    team, waves = tmp_path / "team.toml", tmp_path / "waves.csv"
    team.write_text("".join(f'[[team]]\nname = "{n}"\ncloseness = 0.6\nability = 0.6\n\n' for n in TEAM))
    waves.write_text(WAVES)
    out = tmp_path / "fit"
    code, text, err = cli("fit", "--survey", str(waves), "--team", str(team), "--out", str(out),
                          "--population", "20", "--generations", "1", "--lang", "nl")  # fmt: skip
    assert code == 0, err
    flat = " ".join(text.split())
    assert "en objectieve prestatie" in flat and "prestatie (ten opzichte van het teamgemiddelde): " in flat
    kinds = pd.read_csv(out / "ppc-kinds.csv", sep=";", decimal=",", encoding="utf-8-sig")
    assert list(kinds["soort"]) == ["medewerker", "prestatie"] and list(kinds["aantal_waargenomen"]) == [6, 5]
    state = json.loads((out / "fit.json").read_text())
    assert state["ppc_by_kind"]["performance"]["observed"] == 5


def test_the_design_study_can_collect_performance():
    from lmxsim.fit.design import Design, simulated_study
    from lmxsim.fit.priors import load_priors

    design = Design(teams=2, team_size=4, weeks=(4, 13), performance=True)
    assert design.label.endswith("member + leader + performance")
    truth = {"first_impression_noise": 0.2, "leader_trust_rate": 0.3, "confirmation_bias": 0.5}
    study = simulated_study(design, load_priors(None), truth, seed=1)
    for sim in study.simulators:
        assert sim.observed["performance"].mean(axis=0) == pytest.approx([1.0, 1.0])
