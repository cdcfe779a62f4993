"""Posterior predictive checks for every kind of observation (issue 26 req 6): the members' and
the leader's LMX-7, the leader's 1-5 rating and the team's counts each get their rows, their
line in the terminal, a row of ppc-kinds.csv, a panel of ppc-kinds.png and fit.json's
ppc_by_kind; in Dutch too, and for many teams."""

from __future__ import annotations

import json

import numpy as np
import pandas as pd
import pytest

pytest.importorskip("pyabc")

TEAM = ["An", "Bo", "Cas"]
WAVES = (
    "name,wave,week,member_total,leader_total,leader_rating\n"
    "An,1,4,24,25,4\nBo,1,4,20,19,2\nCas,1,4,28,27,\n"
    "An,2,9,25,26,4\nBo,2,9,21,18,3\nCas,2,9,29,30,5\n"
)


def _files(tmp_path):
    team, waves, problems = tmp_path / "team.toml", tmp_path / "waves.csv", tmp_path / "problems.csv"
    team.write_text("".join(f'[[team]]\nname = "{n}"\ncloseness = 0.6\nability = 0.6\n\n' for n in TEAM))
    waves.write_text(WAVES)
    problems.write_text("week_from,week_to,problems_reported\n1,4,6\n5,12,9\n")  # runs past the last wave
    return str(team), str(waves), str(problems)


@pytest.mark.slow  # a real tiny fit: the full suite runs it
def test_the_predictive_check_covers_every_kind_of_observation(cli, tmp_path):
    team, waves, problems = _files(tmp_path)
    out = tmp_path / "fit"
    code, text, err = cli(
        "fit", "--survey", waves, "--team", team, "--observations", problems, "--out", str(out),
        "--population", "20", "--generations", "1", "--seed", "3",
    )  # fmt: skip
    assert code == 0, err
    ppc = pd.read_csv(out / "ppc.csv", keep_default_na=False, na_values=[""])
    counts = ppc[ppc["rater"] == "problems_reported"]
    assert list(counts["observed"]) == [6, 9] and list(counts["week"]) == [4, 12]  # one row per period
    assert counts["simulated_p5"].ge(0).all() and (counts["simulated_p95"] >= counts["simulated_p5"]).all()
    kinds = pd.read_csv(out / "ppc-kinds.csv")
    assert list(kinds["kind"]) == ["member", "leader", "rating", "problems_reported"]
    assert list(kinds["observed_n"]) == [6, 6, 5, 2]  # Cas has no rating in wave 1
    for row in kinds.itertuples():  # each kind's share is that of its own rows, nothing else
        own = ppc[(ppc["rater"] == row.kind) & ppc["observed"].notna()]
        assert row.inside90 == pytest.approx(own["inside90"].astype(bool).mean(), abs=1e-3)
        assert row.observed_mean == pytest.approx(own["observed"].mean(), abs=1e-3)
    state = json.loads((out / "fit.json").read_text())
    assert state["ppc_by_kind"]["problems_reported"]["observed"] == 2
    assert state["ppc_by_kind"]["rating"]["inside90"] == pytest.approx(kinds["inside90"][2])
    assert state["last_wave"]["week"] == 9  # the counts' later period does not move the last wave
    assert (out / "ppc-kinds.png").stat().st_size > 10_000
    flat = " ".join(text.split())
    for words in ("members' LMX-7: ", "leader's LMX-7: ", "leader's 1-5 rating: ", "problems reported: "):
        assert words in flat
    share = f"{round(100 * kinds['inside90'][3])}% of 2 inside their 90% band"
    assert f"problems reported: {share}" in flat


@pytest.mark.slow  # two tiny fits, about 20 s
def test_the_check_per_kind_in_dutch_and_for_many_teams(cli, tmp_path):
    team, waves, problems = _files(tmp_path)
    out = tmp_path / "nl"
    code, text, err = cli(
        "fit", "--survey", waves, "--team", team, "--observations", problems, "--out", str(out),
        "--population", "20", "--generations", "1", "--lang", "nl",
    )  # fmt: skip
    assert code == 0, err
    kinds = pd.read_csv(out / "ppc-kinds.csv", sep=";", decimal=",", encoding="utf-8-sig")
    assert list(kinds.columns[:3]) == ["soort", "aantal_waargenomen", "binnen90"]
    assert list(kinds["soort"]) == ["medewerker", "leider", "oordeel", "gemelde_problemen"]
    assert "1-5-oordeel van de leider: " in " ".join(text.split())
    ppc = pd.read_csv(out / "ppc.csv", sep=";", decimal=",", encoding="utf-8-sig")
    assert set(ppc["beoordelaar"]) == {"medewerker", "leider", "oordeel", "gemelde_problemen"}
    # many teams: the per-kind table and figure pool every team's observations
    folder = tmp_path / "teams"
    folder.mkdir()
    rows = ["team,name,wave,week,member_total,leader_rating"]
    rng = np.random.default_rng(1)
    for name in ("a", "b"):
        (folder / f"{name}.toml").write_text((tmp_path / "team.toml").read_text())
        rows += [
            f"{name},{n},{w},{4 * w},{rng.integers(15, 33)},{rng.integers(1, 6)}"
            for w in (1, 2)
            for n in TEAM
        ]
    (tmp_path / "panel.csv").write_text("\n".join(rows) + "\n")
    out = tmp_path / "panel"
    code, text, err = cli(
        "fit", "--survey", str(tmp_path / "panel.csv"), "--teams", str(folder), "--out", str(out),
        "--population", "20", "--generations", "1",
    )  # fmt: skip
    assert code == 0, err
    kinds = pd.read_csv(out / "ppc-kinds.csv")
    assert list(kinds["kind"]) == ["member", "rating"] and list(kinds["observed_n"]) == [12, 12]
    assert (out / "ppc-kinds.png").stat().st_size > 10_000 and not (out / "ppc.png").exists()
