"""Many teams in one fit (issue 26 req 1): --teams, pooled leader parameters, per-team first impressions."""

import json

import numpy as np
import pandas as pd
import pytest

pytest.importorskip("pyabc")

TEAMS = {"north": [0.5, 0.6, 0.7], "south": [0.45, 0.65, 0.55, 0.6], "east": [0.7, 0.5, 0.6]}


def team_toml(abilities) -> str:
    return "".join(
        f'[[team]]\nname = "P{i + 1}"\ncloseness = 0.6\nability = {a}\n\n' for i, a in enumerate(abilities)
    )


def write_panel(folder, teams=TEAMS, extra_rows=""):
    """Team files in folder/teams and a survey with a team column (2 waves, member + leader)."""
    (folder / "teams").mkdir(parents=True)
    rng = np.random.default_rng(0)
    lines = ["team,name,wave,week,member_total,leader_total"]
    for team, abilities in teams.items():
        (folder / "teams" / f"{team}.toml").write_text(team_toml(abilities))
        for wave, week in ((1, 4), (2, 12)):
            lines += [
                f"{team},P{i + 1},{wave},{week},{rng.integers(18, 33)},{rng.integers(18, 33)}"
                for i in range(len(abilities))
            ]
    (folder / "waves.csv").write_text("\n".join(lines) + "\n" + extra_rows)
    return str(folder / "waves.csv"), str(folder / "teams")


@pytest.mark.slow  # several seconds (a subprocess, a fit or many replications): the full suite runs it
def test_many_teams_in_one_fit_pooled_leaders_per_team_people(cli, tmp_path):
    waves, teams = write_panel(tmp_path)
    out = tmp_path / "fit"
    code, text, err = cli(
        "fit", "--survey", waves, "--teams", teams, "--out", str(out),
        "--population", "30", "--generations", "1", "--seed", "4",
    )  # fmt: skip
    assert code == 0, err
    assert "to 3 teams (10 people" in text and "pooled" in text
    people = pd.read_csv(out / "people.csv")
    assert list(people["team"]) == ["north"] * 3 + ["south"] * 4 + ["east"] * 3
    assert people["first_impression"].between(0, 1).all()
    posterior = pd.read_csv(out / "posterior.csv")  # one set of leader parameters for all teams
    assert sorted(posterior["parameter"]) == ["first_impression_noise", "leader_trust_rate"]
    draws = pd.read_csv(out / "draws.csv")
    assert "first_impression[south/P4]" in draws and "first_impression[P1]" not in draws
    ppc = pd.read_csv(out / "ppc.csv")
    assert len(ppc) == 2 * 10 * 2 and set(ppc["team"]) == set(TEAMS)
    summary = json.loads((out / "summary.json").read_text())
    assert [(p["team"], p["name"]) for p in summary["people"]][3] == ("south", "P1")
    state = json.loads((out / "fit.json").read_text())
    assert [t["team"] for t in state["teams"]] == ["north", "south", "east"]
    assert state["teams"][1]["file"].endswith("south.toml") and state["teams"][1]["last_wave"]["week"] == 12
    # the strategy lab takes one team's fit, and says so
    code, _, err = cli("strategies", "--posterior", str(out), "-r", "10", "-w", "4")
    assert code == 2 and "a fit of 3 teams together" in err


def test_every_problem_of_every_team_at_once(cli, tmp_path):
    bad_rows = "west,P1,1,4,20,20\nnorth,Zed,1,4,20,20\n,P1,1,4,20,20\n"
    waves, teams = write_panel(tmp_path, extra_rows=bad_rows)
    (tmp_path / "teams" / "south.toml").write_text('[[team]]\nname = "P1"\ncloseness = 7\n')
    code, _, err = cli("fit", "--survey", waves, "--teams", teams, "--out", str(tmp_path / "o"))
    assert code == 2 and "Traceback" not in err
    assert "4 problems" in err
    assert "line 24, field team: '' is empty" in err
    assert "team 'north': " in err and "line 23, field name: 'Zed' is not in the team file" in err
    assert "team 'south': " in err and "south.toml" in err and "closeness" in err
    assert "team 'west': no team file for team 'west'" in err and "west.toml" in err
    assert not (tmp_path / "o").exists()
    # the wrong option for the file: told which to use
    code, _, err = cli(
        "fit", "--survey", waves, "--team", teams + "/north.toml", "--out", str(tmp_path / "o")
    )
    assert code == 2 and "column 'team' means a survey of many teams: give --teams" in err
    plain = tmp_path / "plain.csv"
    plain.write_text("name,wave,week,member_total\nP1,1,4,20\n")
    code, _, err = cli("fit", "--survey", str(plain), "--teams", teams, "--out", str(tmp_path / "o"))
    assert code == 2 and "column 'team' is missing" in err
    code, _, err = cli("fit", "--survey", waves, "--out", str(tmp_path / "o"))
    assert code == 2 and "give --team" in err and "--teams" in err


@pytest.mark.slow  # several seconds (a subprocess, a fit or many replications): the full suite runs it
def test_the_panel_runs_each_team_once_per_round_pools_summaries_and_repeats(tmp_path, monkeypatch):
    from lmxsim.fit import simulate
    from lmxsim.fit.panel import Panel, read_panel
    from lmxsim.fit.priors import default_priors
    from lmxsim.fit.run import Settings, run_fit

    waves, teams = write_panel(tmp_path)
    panel = Panel.of(read_panel(waves, teams), default_priors())
    calls = []
    original = simulate.run_states

    def counted(*args, **kwargs):
        calls.append(len(args[0]))  # replications in this engine call
        return original(*args, **kwargs)

    monkeypatch.setattr(simulate, "run_states", counted)
    rows = [
        {"first_impression_noise": 0.2, "leader_trust_rate": 0.3, "confirmation_bias": c} for c in (0.1, 0.9)
    ]
    first = panel.simulate(rows * 8, np.random.SeedSequence(5))
    assert calls == [16, 16, 16]  # one engine call per team for all 16 particles
    again = panel.simulate(rows * 8, np.random.SeedSequence(5))
    assert all(np.array_equal(a["lmx7"], b["lmx7"]) for a, b in zip(first, again, strict=True))
    assert first[0]["lmx7"].shape == panel.observed_summaries()["lmx7"].shape
    # pooled: the number of summaries does not grow with the teams
    more = {**TEAMS, **{f"{k}2": v for k, v in TEAMS.items()}}
    waves2, teams2 = write_panel(tmp_path / "more", teams=more)
    bigger = Panel.of(read_panel(waves2, teams2), default_priors())
    assert bigger.observed_summaries()["lmx7"].shape == first[0]["lmx7"].shape
    monkeypatch.setattr(simulate, "run_states", original)
    # same seed, same fit (the batch sampler's determinism holds for many teams)
    settings = Settings(population=24, generations=2, adaptive_population=False, seed=3, batch=12)
    means = [run_fit(panel, default_priors(), tmp_path / f, settings).posterior()[0] for f in ("a", "b")]
    assert np.array_equal(means[0].sort_index(axis=1).to_numpy(), means[1].sort_index(axis=1).to_numpy())


@pytest.mark.slow  # several seconds (a subprocess, a fit or many replications): the full suite runs it
def test_a_many_team_fit_resumes_and_refuses_to_resume_other_answers(tmp_path):
    from lmxsim.fit import FitError
    from lmxsim.fit.panel import Panel, read_panel
    from lmxsim.fit.priors import default_priors
    from lmxsim.fit.run import Settings, run_fit

    waves, teams = write_panel(tmp_path)
    panel = Panel.of(read_panel(waves, teams), default_priors())
    settings = Settings(population=20, generations=1, adaptive_population=False, seed=2, batch=10)
    run_fit(panel, default_priors(), tmp_path / "fit", settings)
    more = Settings(population=20, generations=2, adaptive_population=False, seed=2, batch=10)
    resumed = run_fit(panel, default_priors(), tmp_path / "fit", more, resume=True)
    assert resumed.history.max_t == 1  # the stored rounds replayed, the missing generation run
    whole = run_fit(panel, default_priors(), tmp_path / "whole", more)  # as if never stopped: the same
    same = [r.posterior()[0].sort_index(axis=1).to_numpy() for r in (resumed, whole)]
    assert np.array_equal(*same)
    import re

    text = re.sub(r"south,P1,1,4,\d+", "south,P1,1,4,7", (tmp_path / "waves.csv").read_text())
    (tmp_path / "waves.csv").write_text(text)  # one answer of one team differs
    other = Panel.of(read_panel(waves, teams), default_priors())
    with pytest.raises(FitError, match="holds a fit of other data"):
        run_fit(other, default_priors(), tmp_path / "fit", more, resume=True)
