"""Sweep files: every mistake is one clear message naming file, field, value and what is allowed."""

from __future__ import annotations

import sys
import textwrap
from pathlib import Path

import numpy as np
import pytest

from lmxsim.io.packaged import SWEEP_DIR
from lmxsim.model.params import PARAMETERS
from lmxsim.sweep.design import build_design
from lmxsim.sweep.spec import SweepError, load_sweep

GOOD = """
weeks = 6
replications = 2
seed = 5
[design]
kind = "grid"
[vary]
confirmation_bias = [0.0, 0.5]
"""


def write(tmp_path: Path, text: str, name: str = "sweep.toml") -> Path:
    path = tmp_path / name
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def test_a_good_file_loads(tmp_path):
    spec = load_sweep(write(tmp_path, GOOD))
    assert spec.names == ["confirmation_bias"]
    assert spec.outcomes.weeks == (6,)
    assert spec.replications == 2


BAD = [
    # (sweep file text, fragments the message must contain)
    ("[vary]\nconfirmaton_bias = [0.1]", ["vary.confirmaton_bias", "did you mean", "confirmation_bias"]),
    (
        "[vary]\nconfirmation_bias = [0.0, 1.5]",
        ["vary.confirmation_bias", "1.5", "out of range", "0.0 to 1.0"],
    ),
    (
        '[design]\nkind = "lhs"\nsamples = 8\n[vary]\nconfirmation_bias = { low = 0.0, high = 2.0 }',
        ["vary.confirmation_bias.high", "2.0", "0.0 to 1.0"],
    ),
    (
        '[design]\nkind = "lhc"\n[vary]\nconfirmation_bias = [0.1]',
        ["design.kind", "'lhc'", "grid, lhs, sobol, morris"],
    ),
    (
        '[design]\nkind = "sobol"\nsamples = 100\n[vary]\nconfirmation_bias = { low = 0.0, high = 0.5 }\n'
        "initial_confidence = { low = 0.1, high = 0.5 }",
        ["design.samples = 100", "power of two"],
    ),
    (
        '[design]\nkind = "lhs"\n[vary]\nconfirmation_bias = { low = 0.0, high = 0.5 }',
        ["design.samples is missing"],
    ),
    (
        '[design]\nkind = "lhs"\nsamples = 4\n[vary]\nconfirmation_bias = [0.1, 0.2]',
        ["vary.confirmation_bias", "samples a range", "low = ..., high = ..."],
    ),
    ("[vary]\nconfirmation_bias = { low = 0.0, high = 0.5 }", ["vary.confirmation_bias.steps is missing"]),
    (
        "[vary]\nconfirmation_bias = { low = 0.5, high = 0.5, steps = 2 }",
        ["low = 0.5 must be below high = 0.5"],
    ),
    (
        '[vary]\nconfirmation_bias = [0.1]\n[outcomes]\nteam = ["lmx_avg"]',
        ["outcomes.team", "'lmx_avg'", "lmx_mean"],
    ),
    (
        "weeks = 6\n[vary]\nconfirmation_bias = [0.1]\n[outcomes]\nweeks = [2, 9]",
        ["outcomes.weeks", "9", "0 to 6"],
    ),
    (
        '[vary]\nconfirmation_bias = [0.1]\n[outcomes]\nmembers = ["mood"]',
        ["outcomes.members", "'mood'", "trust"],
    ),
    ("replicates = 3\n[vary]\nconfirmation_bias = [0.1]", ["unknown field(s) replicates", "replications"]),
    ("replications = 0\n[vary]\nconfirmation_bias = [0.1]", ["replications = 0", "whole number 1 to"]),
    (
        '[design]\nkind = "lhs"\nsamples = 4\n[vary]\nautonomy_follows_trust = { low = 0, high = 1 }',
        ["[true, false]"],
    ),
    ("[vary]\nautonomy_follows_trust = [1, 0]", ["vary.autonomy_follows_trust", "level 1", "true or false"]),
    (
        'scenario = "no-such-preset"\n[vary]\nconfirmation_bias = [0.1]',
        ["scenario", "no-such-preset", "available"],
    ),
    ('scenario = "missing.toml"\n[vary]\nconfirmation_bias = [0.1]', ["missing.toml", "does not exist"]),
    (
        "[params]\nconfirmation_bias = 3.0\n[vary]\ninitial_confidence = [0.1]",
        ["[params]", "confirmation_bias", "3.0"],
    ),
    (
        "[params]\nconfirmation_bias = 0.2\n[vary]\nconfirmation_bias = [0.1]",
        ["both fixed in [params] and varied"],
    ),
    ("", ["[vary] is missing"]),
    (
        "[vary]\n"
        + "\n".join(
            f"{n} = {{ low = 0.0, high = 0.01, steps = 20 }}"
            for n in ("confirmation_bias", "trust_rate", "skill_rate", "support_rate", "fire_chance")
        ),
        ["grid design has 3,200,000 points", "up to 200,000", "more replications"],
    ),
    ("weeks = [", ["not a valid TOML file"]),
]


@pytest.mark.parametrize(("text", "fragments"), BAD)
def test_bad_sweep_files_get_one_clear_message(tmp_path, text, fragments):
    path = write(tmp_path, text)
    with pytest.raises(SweepError) as caught:
        spec = load_sweep(path)
        build_design(spec, 1)
    message = str(caught.value)
    assert str(path) in message or "does not exist" in message
    for fragment in fragments:
        assert fragment in message, f"{fragment!r} not in {message!r}"


def test_a_design_point_breaking_a_cross_constraint_is_refused_before_any_run(tmp_path):
    path = write(
        tmp_path,
        """
        [params]
        in_group_rlmx = 0.1
        [vary]
        out_group_rlmx = [-0.1, 0.2]
        """,
    )
    with pytest.raises(SweepError, match=r"design point 1 .*out_group_rlmx"):
        build_design(load_sweep(path), 1)


def test_cli_prints_error_line_and_exits_2_without_traceback(tmp_path, monkeypatch, capsys):
    from lmxsim.cli import main

    path = write(tmp_path, "[vary]\nconfirmation_bias = [0.0, 7.0]")
    monkeypatch.setattr(
        sys, "argv", ["lmxsim", "sweep", str(path), "--out", str(tmp_path / "out"), "-j", "1"]
    )
    with pytest.raises(SystemExit) as caught:
        main()
    assert caught.value.code == 2
    err = capsys.readouterr().err
    assert err.startswith("error: ") and "7.0" in err and "Traceback" not in err
    assert not (tmp_path / "out").exists()


def _sweep_with(tmp_path, design: str, vary: str) -> Path:
    return write(tmp_path, f"weeks = 4\nreplications = 1\nseed = 9\n[design]\n{design}\n[vary]\n{vary}")


TWO_RANGES = "confirmation_bias = { low = 0.1, high = 0.5 }\ninitial_confidence = { low = 0.2, high = 0.6 }"


@pytest.mark.parametrize(
    ("design", "points"),
    [
        ('kind = "lhs"\nsamples = 7', 7),
        ('kind = "sobol"\nsamples = 8', 8 * 4),
        ('kind = "morris"\nsamples = 3', 3 * 3),
    ],
)
def test_sampled_designs_stay_inside_the_declared_ranges_and_are_reproducible(tmp_path, design, points):
    spec = load_sweep(_sweep_with(tmp_path, design, TWO_RANGES))
    first, again, other = build_design(spec, 11), build_design(spec, 11), build_design(spec, 12)
    assert first.values.shape == (points, 2)
    assert np.all(first.values[:, 0] >= 0.1) and np.all(first.values[:, 0] <= 0.5)
    assert np.all(first.values[:, 1] >= 0.2) and np.all(first.values[:, 1] <= 0.6)
    np.testing.assert_array_equal(first.values, again.values)
    assert not np.array_equal(first.values, other.values)


def test_grid_is_the_full_factorial_first_parameter_slowest(tmp_path):
    spec = load_sweep(
        _sweep_with(
            tmp_path,
            'kind = "grid"',
            "confirmation_bias = [0.0, 0.4]\ninitial_confidence = { low = 0.1, high = 0.3, steps = 3 }",
        )
    )
    design = build_design(spec, 1)
    np.testing.assert_allclose(
        design.values, [[0.0, 0.1], [0.0, 0.2], [0.0, 0.3], [0.4, 0.1], [0.4, 0.2], [0.4, 0.3]]
    )


def test_every_parameter_can_be_named_in_a_sweep(tmp_path):
    for name, meta in PARAMETERS.items():
        level = meta.default
        spec = load_sweep(write(tmp_path, f"[vary]\n{name} = [{str(level).lower()}]"))
        assert spec.names == [name]


@pytest.mark.parametrize("path", sorted(SWEEP_DIR.glob("*.toml")))
def test_shipped_sweep_files_are_valid(path):
    spec = load_sweep(path)
    design = build_design(spec, spec.seed if spec.seed is not None else 1)
    assert design.points >= 1
