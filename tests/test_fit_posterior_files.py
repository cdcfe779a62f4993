"""A fit read from memory (the strategy lab's drop: fit.json + draws.csv, or a .zip of the folder)
gives the same posterior and the same comparison as the folder on disk; bad drops get one clear line."""

import io
import json
import zipfile

import numpy as np
import pytest

pytest.importorskip("pyabc")

from lmxsim.fit import FitError
from lmxsim.fit.posterior import (
    compare_over_posterior,
    posterior_from_files,
    read_posterior,
)


@pytest.fixture(scope="module")
def fit_folder(tmp_path_factory):
    from lmxsim.fit.priors import default_priors
    from lmxsim.fit.report import write_report
    from lmxsim.fit.run import Settings, run_fit
    from lmxsim.fit.synthetic import draw_truth, recovery_team, synthetic_survey

    folder = tmp_path_factory.mktemp("fit")
    priors = default_priors()
    team = recovery_team(4)
    sim = synthetic_survey(team, [4, 13], priors, draw_truth(priors, 4, np.random.default_rng(0)), seed=1)
    settings = Settings(population=30, generations=1, adaptive_population=False, seed=2)
    write_report(run_fit(sim, priors, folder, settings), folder, 2, "waves.csv", "team.toml")
    return folder, team


def _files(folder, *names):
    return {name: (folder / name).read_bytes() for name in names}


def _zip(folder, names, prefix="fit/") -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name in names:
            archive.writestr(prefix + name, (folder / name).read_bytes())
    return buffer.getvalue()


def test_dropped_files_and_zip_give_the_same_comparison_as_the_folder(fit_folder):
    from lmxsim.lab.strategies import ready_strategy

    folder, team = fit_folder
    on_disk = read_posterior(folder)
    dropped = posterior_from_files(_files(folder, "fit.json", "draws.csv"), "drop")
    zipped = posterior_from_files(
        {"my fit.zip": _zip(folder, ["fit.json", "draws.csv", "fit.db", "ppc.csv"])}
    )
    assert on_disk.last["week"] == 13 and set(on_disk.last["member"]) == {m.name for m in team}
    for other in (dropped, zipped):
        assert other.names == on_disk.names and other.last == on_disk.last
        assert other.draws.equals(on_disk.draws)
    strategies = [ready_strategy("one-on-ones-out-group")]
    runs = [
        compare_over_posterior(p, team, strategies, replications=8, weeks=6, seed=5)
        for p in (folder, dropped, zipped)
    ]
    for run in runs[1:]:
        for s in runs[0].outcomes:
            for m in runs[0].outcomes[s]:
                assert np.array_equal(run.outcomes[s][m], runs[0].outcomes[s][m])
    # the posterior is really used: other seeds pick other draws and give other outcomes
    other_seed = compare_over_posterior(dropped, team, strategies, replications=8, weeks=6, seed=6)
    s = next(iter(runs[0].outcomes))
    m = next(iter(runs[0].outcomes[s]))
    assert not np.array_equal(other_seed.outcomes[s][m], runs[0].outcomes[s][m])


def test_an_older_fit_without_the_last_wave_in_fit_json_reads_it_from_ppc_csv(fit_folder):
    folder, _ = fit_folder
    state = json.loads((folder / "fit.json").read_text())
    last = state.pop("last_wave")
    files = _files(folder, "draws.csv", "ppc.csv") | {"fit.json": json.dumps(state).encode()}
    assert posterior_from_files(files).last == last
    with pytest.raises(FitError, match=r"no last wave; add ppc.csv"):
        posterior_from_files({k: v for k, v in files.items() if k != "ppc.csv"})


def test_bad_drops_say_what_is_wrong(fit_folder):
    folder, team = fit_folder
    with pytest.raises(FitError, match=r"^drop: not a finished fit \(draws.csv missing"):
        posterior_from_files(_files(folder, "fit.json"), "drop")
    with pytest.raises(FitError, match=r"fit.zip: not a readable .zip"):
        posterior_from_files({"fit.zip": b"not a zip"})
    with pytest.raises(FitError, match=r"fit.json and draws.csv missing"):
        posterior_from_files({"fit.zip": _zip(folder, ["ppc.csv"])})
    with pytest.raises(FitError, match="damaged fit files"):
        posterior_from_files({"fit.json": b"{not json", "draws.csv": b"a\n1\n"})
    unfinished = {"fit.json": b'{"fingerprint": "x", "run_id": 1}', "draws.csv": b"a\n1\n"}
    with pytest.raises(FitError, match="did not finish"):
        posterior_from_files(unfinished)
    from lmxsim.lab.strategies import ready_strategy
    from lmxsim.team.members import Member

    wrong = [Member("Kim", ability=0.6), *team[1:]]
    with pytest.raises(FitError, match=r"was fitted to P1, P2, P3, P4, not to this team's Kim, P2"):
        compare_over_posterior(
            posterior_from_files(_files(folder, "fit.json", "draws.csv"), "drop"),
            wrong,
            [ready_strategy("one-on-ones-out-group")],
            replications=4,
            weeks=4,
        )


def test_the_lab_refuses_a_dropped_file_past_its_limit_without_reading_it_all():
    from lmxsim.app.lab_fit import MAX_FILE_BYTES, fit_problem, read_fit_drop

    class Reader:
        asked = 0

        def read(self, n):
            Reader.asked = n
            return b"x" * n

    with pytest.raises(FitError, match=r"draws.csv: too large for a fit file"):
        read_fit_drop([{"name": "draws.csv", "size": None, "file_obj": Reader()}])
    assert Reader.asked == MAX_FILE_BYTES + 1
    assert fit_problem(None, ["An"], "en") == ""


def test_a_report_made_over_a_fit_names_it_repeats_posterior_and_shows_the_last_wave(fit_folder, tmp_path):
    """Issue 25, requirement 6: the HR report says which fit it ran over (file, date, waves)."""
    from lmxsim.lab.hr_report import write_report
    from lmxsim.lab.strategies import ready_strategy

    folder, team = fit_folder
    c = compare_over_posterior(
        folder, team, [ready_strategy("equal-latitude")], replications=8, weeks=4, seed=1
    )
    from lmxsim.lab.hr_report import describe_fit

    fit = describe_fit(read_posterior(folder), "nl")
    path = write_report(tmp_path / "r.html", c, "nl", team_file="team.toml", posterior=folder, fit=fit)
    html = path.read_text(encoding="utf-8")
    last = read_posterior(folder).last
    assert f"Vergeleken over de fit {folder}" in html and "vragenlijst waves.csv, 2 metingen" in html
    assert f"--posterior {folder}" in html  # the command that makes it again
    assert f"laatste meting (week {last['week']})" in html
    shown = [v for v in last["member"].values() if v is not None]
    assert any(f">{v:.1f}<".replace(".", ",") in html or f">{v:.0f}<" in html for v in shown)
