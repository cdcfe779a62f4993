"""The command line itself: version, choices in --help, checks before any work, no side effects."""

from __future__ import annotations

import subprocess
import sys

import pytest


def test_version_is_the_installed_package_version(cli):
    from importlib.metadata import version

    code, out, _ = cli("--version")
    assert code == 0
    assert out.strip() == f"lmxsim {version('lmxsim')}"


def test_package_version_comes_from_the_metadata():
    import tomllib
    from pathlib import Path

    import lmxsim

    pyproject = tomllib.loads((Path(__file__).resolve().parents[1] / "pyproject.toml").read_text())
    assert lmxsim.__version__ == pyproject["project"]["version"]


@pytest.mark.parametrize(
    "command, option, choices",
    [
        ("app", "--lang", "en|nl"),
        ("scenarios", "--lang", "en|nl"),
        ("strategies", "--lang", "en|nl"),
        ("compare", "--engine", "batch|mesa"),
        ("sweep", "--engine", "batch|mesa"),
    ],
)
def test_options_with_fixed_values_list_them_in_help(cli, command, option, choices):
    code, out, _ = cli(command, "--help")
    assert code == 0
    line = next(text for text in out.splitlines() if option in text)
    assert choices in line


def test_a_value_outside_the_choices_is_refused_naming_the_allowed_ones(cli):
    code, _, err = cli("compare", "-i", "team-map", "--engine", "fast")
    assert code == 2
    assert err.strip().splitlines() == ["error: --engine 'fast' is not allowed (allowed: batch, mesa)"]


@pytest.mark.parametrize(
    "argv, words",
    [
        (["run", "--bogus"], "--bogus"),
        (["run", "--seed", "-3"], "--seed"),
        (["run", "--seed", str(2**53)], "9007199254740991"),
        (["analyze"], "directory"),
    ],
)
def test_command_line_mistakes_are_one_line(cli, argv, words):
    code, _, err = cli(*argv)
    assert code == 2
    lines = err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: ") and words in lines[0]


def test_exit_status_of_a_command_is_kept(cli, monkeypatch):
    """`lmxsim validate` exits 1 when a fact misses its band in too many seeds."""
    import lmxsim.science.validation
    from lmxsim.science.validation import FactSummary

    failing = FactSummary("P0", "a fact that fails", "nobody", [0.0, 1.0], 2.0, [1.9, 2.1], 0.0)
    monkeypatch.setattr(lmxsim.science.validation, "summarise", lambda **_: [failing])
    code, out, _ = cli("validate", "--seeds", "2", "--workers", "1")
    assert code == 1 and "0 of 1 facts" in out


def test_shell_completion_is_offered(cli):
    code, out, _ = cli("--help")
    assert code == 0 and "--install-completion" in out and "--show-completion" in out


def test_run_refuses_an_unknown_output_format_before_simulating(cli, tmp_path, monkeypatch):
    from lmxsim.engine.mesa_model import LMXModel

    def no_simulation(*args, **kwargs):
        raise AssertionError("simulated before checking --out")

    monkeypatch.setattr(LMXModel, "from_scenario", no_simulation)
    code, _, err = cli("run", "--weeks", "2", "--out", str(tmp_path / "x.xlsx"))
    assert code == 2
    assert "x.xlsx" in err and ".parquet" in err and ".csv" in err
    assert not (tmp_path / "x.xlsx").exists()


def test_help_does_not_import_the_library():
    """`lmxsim --help` must stay fast: no pandas, numpy, scipy, mesa before a command runs."""
    code = (
        "import sys\n"
        "sys.argv = ['lmxsim', '--help']\n"
        "from lmxsim.cli import main\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "heavy = [m for m in ('pandas', 'numpy', 'scipy', 'mesa', 'matplotlib') if m in sys.modules]\n"
        "print('HEAVY', heavy)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip().splitlines()[-1] == "HEAVY []"


@pytest.mark.slow  # several seconds (a subprocess, a fit or many replications): the full suite runs it
def test_importing_sweep_figures_leaves_the_matplotlib_backend_alone():
    code = (
        "import matplotlib\n"
        "matplotlib.use('svg')\n"
        "import lmxsim.sweep.figures\n"
        "print(matplotlib.get_backend())\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "svg"
