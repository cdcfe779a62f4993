"""`lmxsim run` and `lmxsim validate` as a user calls them: output, files, clear errors."""

import subprocess
import sys

import pandas as pd
import pytest


def lmxsim(*args, cwd=None):
    """A real process, as a user runs it."""
    return subprocess.run(
        [sys.executable, "-m", "lmxsim", *args], capture_output=True, text=True, timeout=180, cwd=cwd
    )


@pytest.mark.slow  # several seconds (a subprocess, a fit or many replications): the full suite runs it
def test_run_prints_members_and_writes_tidy_table(tmp_path):
    out = tmp_path / "results.parquet"
    result = lmxsim(
        "run", "--scenario", "first-impression", "--weeks", "26", "--seed", "7", "--out", str(out)
    )
    assert result.returncode == 0, result.stderr
    for word in ("An", "Bram", "LMX-7", "performance", "Team:"):
        assert word in result.stdout
    table = pd.read_parquet(out)
    assert table["week"].max() == 26 and set(table["name"]) >= {"An", "Bram"}


def test_run_team_line_gives_the_members_mean_lmx7_as_the_table_has_it(cli, tmp_path):
    from lmxsim.model.measures import MEMBER

    table_file = tmp_path / "r.csv"
    code, out, _ = cli("run", "--scenario", "favouritism", "--weeks", "9", "--out", str(table_file))
    assert code == 0
    table = pd.read_csv(table_file)
    mean = table.loc[table["week"] == 9, "lmx7"].mean()
    assert f"mean LMX-7 {MEMBER['lmx7'].show(mean, 'en')}," in " ".join(out.split())


def test_run_writes_csv(cli, tmp_path):
    csv = tmp_path / "results.csv"
    code, out, _ = cli("run", "--weeks", "3", "--out", str(csv))
    assert code == 0 and "wrote" in out
    table = pd.read_csv(csv)
    assert len(table) == 4 * table["name"].nunique()


@pytest.mark.parametrize(
    "config, fragments",
    [
        ("[params]\nnot_a_param = 1\n", ["not_a_param"]),
        ("[params]\nattention_budget = 9\n", ["attention_budget", "9"]),
        ("[[team]]\nname = 'An'\nability = 'high'\n", ["ability", "'high'"]),
        ("this is not toml [\n", ["not a valid TOML"]),
    ],
)
def test_bad_config_is_one_line_and_nonzero(cli, tmp_path, config, fragments):
    path = tmp_path / "bad.toml"
    path.write_text(config)
    code, _, err = cli("run", "--config", str(path))
    assert code == 2
    assert err.strip().startswith("error:") and str(path) in err and len(err.strip().splitlines()) == 1
    for fragment in fragments:
        assert fragment in err


@pytest.mark.slow  # several seconds (a subprocess, a fit or many replications): the full suite runs it
def test_a_real_process_shows_no_traceback_for_a_user_mistake(tmp_path):
    path = tmp_path / "bad.toml"
    path.write_text("[params]\nattention_budget = 9\n")
    result = lmxsim("run", "--config", str(path))
    assert result.returncode == 2
    assert "Traceback" not in result.stderr and "attention_budget = 9" in result.stderr


def test_bad_output_extension_and_unknown_scenario(cli, tmp_path):
    code, _, err = cli("run", "--weeks", "2", "--out", str(tmp_path / "x.xlsx"))
    assert code == 2 and "'.xlsx'" in err
    code, _, err = cli("run", "--scenario", "nope")
    assert code == 2 and "unknown scenario" in err
