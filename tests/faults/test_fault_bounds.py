"""Bounds: one week limit everywhere, caps on replications and on a sweep's runs, with the numbers."""

from __future__ import annotations

import textwrap
from collections.abc import Iterator

import pytest

from lmxsim.io import limits
from lmxsim.sweep import SweepError, load_sweep, run_sweep
from lmxsim.sweep.design import build_design
from lmxsim.sweep.runner import iter_tasks, make_tasks


@pytest.mark.parametrize(
    "args",
    [
        ("run", "--weeks", "10000000"),
        ("compare", "-i", "reflection:team@2", "--weeks", "10000000"),
        ("validate", "--replications", "100000000"),
        ("strategies", "--weeks", "10000000"),
    ],
)
def test_the_command_line_refuses_huge_numbers_in_one_line(cli, args):
    code, _, err = cli(*args)
    assert code == 2 and "Traceback" not in err
    assert len(err.strip().splitlines()) == 1
    assert args[-1] in err.replace(",", "")  # the value given...
    assert any(f"{n:,}" in err for n in (limits.MAX_WEEKS, limits.MAX_REPLICATIONS)), err  # ...the limit


def test_a_config_file_has_the_same_week_limit(tmp_path, cli):
    config = tmp_path / "c.toml"
    config.write_text(f"weeks = {limits.MAX_WEEKS + 1}\n", encoding="utf-8")
    code, _, err = cli("run", "--config", str(config))
    assert code == 2 and f"weeks = {limits.MAX_WEEKS + 1}" in err and f"{limits.MAX_WEEKS:,}" in err


def test_a_huge_sweep_is_refused_at_validation_with_its_size(tmp_path):
    path = tmp_path / "huge.toml"
    path.write_text(
        textwrap.dedent(
            """
            replications = 1000000
            [design]
            kind = "lhs"
            samples = 200000
            [vary]
            confirmation_bias = { low = 0.0, high = 0.6 }
            """
        ),
        encoding="utf-8",
    )
    with pytest.raises(SweepError) as refused:
        load_sweep(path)
    message = str(refused.value)
    assert "200,000 design points x 1,000,000 replications = 200,000,000,000 runs" in message
    assert f"{limits.MAX_SWEEP_RUNS:,}" in message


SMALL = """
weeks = 3
replications = 3
seed = 5
[design]
kind = "grid"
[vary]
confirmation_bias = [0.0, 0.2, 0.4]
"""


def test_tasks_are_generated_lazily_and_equal_the_list(tmp_path, monkeypatch):
    path = tmp_path / "s.toml"
    path.write_text(textwrap.dedent(SMALL), encoding="utf-8")
    spec = load_sweep(path)
    design = build_design(spec, 5)
    lazy = iter_tasks(design, spec.replications, 2)
    assert isinstance(lazy, Iterator)
    assert [(t.index, t.start, t.stop) for t in lazy] == [
        (t.index, t.start, t.stop) for t in make_tasks(design, spec.replications, 2)
    ]
    import lmxsim.sweep.runner

    monkeypatch.setattr(lmxsim.sweep.runner, "make_tasks", lambda *a: pytest.fail("built the whole list"))
    assert run_sweep(spec, tmp_path / "out", chunk=2).complete


def test_the_app_caps_the_work_of_one_request():
    assert limits.app_work_problem(10, 52, 500, 6) is None  # the lab's defaults
    problem = limits.app_work_problem(200, 520, 2000, 4)  # the reported 6-8 minute request
    assert problem is not None and f"{limits.APP_MAX_WORK:,}" in problem and "832,000,000" in problem


def test_the_empty_vary_message_shows_toml_as_written(tmp_path):
    path = tmp_path / "empty.toml"
    path.write_text("replications = 2\n[vary]\n", encoding="utf-8")
    with pytest.raises(SweepError) as refused:
        load_sweep(path)
    assert "confirmation_bias = { low = 0.0, high = 0.6 }" in str(refused.value)
    assert "{{" not in str(refused.value)
