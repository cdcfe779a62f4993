"""`lmxsim fit` end to end on the worked example (tiny populations), resuming, and its errors."""

import json
from pathlib import Path

import pandas as pd
import pytest

pytest.importorskip("pyabc")

EXAMPLES = Path(__file__).resolve().parents[1] / "docs" / "examples"
TEAM, WAVES = str(EXAMPLES / "fit-team.toml"), str(EXAMPLES / "fit-waves.csv")
PROBLEMS = str(EXAMPLES / "fit-problems.csv")
SMALL = ("--population", "40", "--seed", "3")


@pytest.mark.slow  # about 30 s: a real (tiny) fit, a resume and a strategy comparison
def test_fit_writes_posterior_people_and_checks_and_resumes(cli, tmp_path):
    out = tmp_path / "fit"
    code, text, err = cli(
        "fit", "--survey", WAVES, "--team", TEAM, "--out", str(out), *SMALL, "--generations", "2"
    )
    assert code == 0, err
    assert "generation 2:" in text and "first_impression_noise" in text and "predictive check" in text
    posterior = pd.read_csv(out / "posterior.csv")  # identified first: the design study's choice
    assert list(posterior["parameter"]) == ["first_impression_noise", "leader_trust_rate"]
    assert "held at their defaults" in " ".join(text.split()) and "confirmation_bias = 0.30" in text
    assert json.loads((out / "fit.json").read_text())["held"] == {"confirmation_bias": 0.3}
    assert (posterior["p5"] <= posterior["mean"]).all() and (posterior["mean"] <= posterior["p95"]).all()
    people = pd.read_csv(out / "people.csv")
    assert len(people) == 9 and people["first_impression"].between(0, 1).all()
    ppc = pd.read_csv(out / "ppc.csv")
    assert set(ppc["rater"]) == {"member", "leader"} and len(ppc) == 2 * 9 * 3
    assert (out / "ppc.png").stat().st_size > 10_000
    draws = pd.read_csv(out / "draws.csv")
    assert "first_impression[An]" in draws
    # a second run into the same folder must not silently replace it
    code, _, err = cli("fit", "--survey", WAVES, "--team", TEAM, "--out", str(out), *SMALL)
    assert code == 2 and "not empty" in err
    # resuming continues the stored run: one more generation
    code, text, err = cli(
        "fit", "--survey", WAVES, "--team", TEAM, "--out", str(out), *SMALL, "--generations", "3", "--resume"
    )
    assert code == 0, err
    assert json.loads((out / "fit.json").read_text())["generations"] == 3
    # other settings: the stored fit cannot be resumed
    code, _, err = cli(
        "fit",
        "--survey",
        WAVES,
        "--team",
        TEAM,
        "--out",
        str(out),
        "--population",
        "40",
        "--seed",
        "4",
        "--generations",
        "4",
        "--resume",
    )
    assert code == 2 and "must restart" in err
    # the strategy lab over the posterior draws
    code, text, err = cli(
        "strategies",
        "--team",
        TEAM,
        "--posterior",
        str(out),
        "-r",
        "20",
        "-w",
        "8",
        "-s",
        "nothing",
        "-s",
        "one-on-ones-out-group",
    )
    assert code == 0, err
    assert "20 replications" in text
    code, _, err = cli("strategies", "--posterior", str(out), "-r", "20", "-w", "8")
    assert code == 2 and "was fitted to An, Bram" in err


@pytest.mark.slow  # several seconds (a subprocess, a fit or many replications): the full suite runs it
def test_same_seed_same_fit(tmp_path):
    import numpy as np

    from lmxsim.fit.priors import default_priors
    from lmxsim.fit.run import Settings, run_fit
    from lmxsim.fit.synthetic import draw_truth, recovery_team, synthetic_survey

    priors = default_priors()
    team = recovery_team(5)
    truth = draw_truth(priors, 5, np.random.default_rng(0))
    settings = Settings(population=30, generations=2, adaptive_population=False, seed=9)
    means = []
    for folder in ("a", "b"):
        sim = synthetic_survey(team, [4, 13], priors, truth, seed=1)
        particles, _ = run_fit(sim, priors, tmp_path / folder, settings).posterior()
        means.append(particles.sort_index(axis=1).to_numpy())
    assert np.array_equal(means[0], means[1])


def test_bad_survey_is_one_line(cli, tmp_path):
    bad = tmp_path / "waves.csv"
    bad.write_text("name,wave,week,member_total\nAn,1,4,20\nLisa,1,4,20\n")
    code, _, err = cli("fit", "--survey", str(bad), "--team", TEAM, "--out", str(tmp_path / "o"))
    assert code == 2
    assert err.strip().count("\n") == 0 and "line 3, field name: 'Lisa'" in err


def test_without_pyabc_the_fit_says_how_to_install_it(cli, tmp_path, monkeypatch):
    import sys

    monkeypatch.setitem(sys.modules, "pyabc", None)  # import pyabc now raises ImportError
    code, _, err = cli("fit", "--survey", WAVES, "--team", TEAM, "--out", str(tmp_path / "o"))
    assert code == 2 and "pip install 'lmxsim[fit]'" in err


@pytest.mark.slow  # several seconds (a subprocess, a fit or many replications): the full suite runs it
def test_an_interrupted_fit_keeps_its_generations_and_resumes(tmp_path, monkeypatch):
    import numpy as np

    from lmxsim.fit.priors import default_priors
    from lmxsim.fit.run import Settings, run_fit
    from lmxsim.fit.sampler import BatchSampler
    from lmxsim.fit.synthetic import draw_truth, recovery_team, synthetic_survey

    priors = default_priors()
    team = recovery_team(5)
    sim = synthetic_survey(team, [4, 13], priors, draw_truth(priors, 5, np.random.default_rng(0)), seed=1)
    settings = Settings(population=30, generations=3, adaptive_population=False, batch=16)
    rounds = {"n": 0}
    original = BatchSampler._round

    def interrupt_in_generation_two(self, size, simulate_one):
        rounds["n"] += 1
        if rounds["n"] == 6:  # generation 1 takes a few rounds; this is later
            self.request_stop()  # what Ctrl-C does
        return original(self, size, simulate_one)

    monkeypatch.setattr(BatchSampler, "_round", interrupt_in_generation_two)
    with pytest.raises(KeyboardInterrupt):
        run_fit(sim, priors, tmp_path, settings)
    monkeypatch.setattr(BatchSampler, "_round", original)
    stored = len(list((tmp_path / "rounds").glob("*.npz")))
    assert stored == 6  # the rounds run before the stop (the sixth finishes first) are on disk (rounds.py)
    (tmp_path / "fit.db").unlink()  # as a resume killed just after it removed the database leaves it
    simulated: list[int] = []
    simulate = sim.simulate
    monkeypatch.setattr(
        sim, "simulate", lambda rows, seed: simulated.append(len(rows)) or simulate(rows, seed)
    )
    result = run_fit(sim, priors, tmp_path, settings, resume=True)
    assert result.history.max_t == 2  # three generations in all
    # the resume replays the stored rounds instead of simulating them, and ends where a fit never
    # stopped ends: the same particles (issue 26 req 5, "resumable after a kill, equal result")
    rounds = len(list((tmp_path / "rounds").glob("*.npz")))
    assert len(simulated) == rounds - stored > 0  # only the rounds not stored were simulated
    whole = run_fit(sim, priors, tmp_path / "whole", settings)
    same = [r.posterior()[0].sort_index(axis=1).to_numpy() for r in (result, whole)]
    assert np.array_equal(*same)


def test_bad_observations_file_is_one_line(cli, tmp_path):
    bad = tmp_path / "problems.csv"
    bad.write_text("week_from,week_to,problems_reported\n1,4,3\n4,8,x\n")
    out = tmp_path / "o"
    code, _, err = cli(
        "fit", "--survey", WAVES, "--team", TEAM, "--observations", str(bad), "--out", str(out)
    )
    assert code == 2 and err.strip().count("\n") == 0
    assert "problems.csv, line 3, field problems_reported: 'x' is not allowed" in err
    assert not out.exists()  # refused before anything was written


@pytest.mark.slow  # a real tiny fit, about 25 s
def test_fit_with_team_observations_records_them_in_dutch(cli, tmp_path):
    out = tmp_path / "fit"
    code, text, err = cli(
        "fit", "--survey", WAVES, "--team", TEAM, "--observations", PROBLEMS, "--out", str(out), *SMALL,
        "--generations", "1", "--lang", "nl",
    )  # fmt: skip
    assert code == 0, err
    flat = " ".join(text.split())  # rich wraps long lines
    assert "problems_reported in 6 periodes" in flat and "medewerker en leider" in flat
    assert "generatie 1: epsilon " in text and "voorspellende controle:" in text
    assert "Posterior van de gefitte parameters" in text and "P(onderschat)" in text
    # the fit's CSVs are Dutch-Excel CSVs: BOM, `;`, decimal comma, Dutch headers and words
    assert (out / "posterior.csv").read_bytes().startswith(b"\xef\xbb\xbfparameter;gemiddelde;p5;p95;")
    posterior = pd.read_csv(out / "posterior.csv", sep=";", decimal=",", encoding="utf-8-sig")
    assert set(posterior["geleerd"]) <= {"veel", "een beetje", "niets"}
    mean = posterior.loc[posterior["parameter"] == "leader_trust_rate", "gemiddelde"].iloc[0]
    assert f"{mean:.3f}".replace(".", ",") in text  # the table writes numbers the Dutch way
    ppc = pd.read_csv(out / "ppc.csv", sep=";", decimal=",", encoding="utf-8-sig")
    assert set(ppc["beoordelaar"]) == {"medewerker", "leider", "gemelde_problemen"}  # the counts checked too
    assert ppc["waargenomen"].dtype == float
    assert set(ppc["binnen90"].dropna()) <= {"ja", "nee"}
    assert "aanvaard" in pd.read_csv(out / "generations.csv", sep=";", encoding="utf-8-sig")
    assert "first_impression[An]" in pd.read_csv(out / "draws.csv")  # read back by the lab: as it was
    state = json.loads((out / "fit.json").read_text())
    assert state["team_observations"]["counts"] == [14, 11, 12, 9, 10, 8]
    assert state["team_observations"]["periods"][-1] == [21, 24]


def test_errors_and_stop_reasons_follow_the_language(cli, tmp_path):
    from lmxsim.fit.run import stop_reason

    bad = tmp_path / "waves.csv"
    bad.write_text("name,wave,week,member_total\nAn,1,4,20\nLisa,1,4,20\n")
    out = str(tmp_path / "o")
    code, _, err = cli("fit", "--survey", str(bad), "--team", TEAM, "--out", out, "--lang", "nl")
    assert code == 2 and err.startswith("fout: ") and "regel 3, veld name: 'Lisa' staat niet in" in err
    code, _, err = cli("fit", "--survey", str(bad), "--team", TEAM, "--out", out, "--lang", "de")
    assert code == 2 and "'de'" in err
    assert stop_reason("", "nl") == "klaar" and stop_reason("walltime", "en") == "reached --max-minutes"
    assert stop_reason("Stop: something new", "nl") == "Stop: something new"


@pytest.mark.slow  # several seconds (a subprocess, a fit or many replications): the full suite runs it
def test_a_folder_in_use_by_another_fit_is_refused_and_a_stale_lock_taken_over(cli, tmp_path):
    """Two fits into one folder would write one pyabc database at once: the second is refused
    before it touches anything, also with --overwrite; a lock left by a killed fit names the way out."""
    import socket
    import subprocess
    import sys

    from lmxsim.io.folder_lock import LOCK

    out = tmp_path / "fit"
    out.mkdir()
    (out / "fit.db").write_bytes(b"the running fit's database")
    fit = ("fit", "--survey", WAVES, "--team", TEAM, "--out", str(out), *SMALL)
    running = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        holder = {"pid": running.pid, "host": socket.gethostname(), "started": "2026-12-01T10:00:00+00:00"}
        (out / LOCK).write_text(json.dumps(holder), encoding="utf-8")
        for how in ("--overwrite", "--resume"):
            code, _, err = cli(*fit, how)
            assert code == 2
            assert f"in use by fit process {running.pid}" in err and "two fits in one folder" in err
        assert (out / "fit.db").read_bytes() == b"the running fit's database"  # untouched
        code, _, err = cli(*fit, "--overwrite", "--take-over")
        assert code == 2 and "--take-over refused" in err
    finally:
        running.kill()
        running.wait()
    code, _, err = cli(*fit, "--overwrite")
    assert code == 2 and "stale lock" in err and "--take-over" in err
    code, _, err = cli(*fit, "--overwrite", "--take-over", "--generations", "1")
    assert code == 0, err
    assert (out / "posterior.csv").exists() and not (out / LOCK).exists()  # released at the end
