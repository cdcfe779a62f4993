"""The fit's progress bar (issue 26 req 5): after every round of simulations the bar hears the
generation, the particles accepted so far and those the generation needs; in a terminal the
command shows it under the generation lines, in the user's language."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from rich.console import Console

pytest.importorskip("pyabc")

EXAMPLES = Path(__file__).resolve().parents[1] / "docs" / "examples"


@pytest.mark.slow  # a real tiny fit: the full suite runs it
def test_the_bar_hears_every_round_of_every_generation(tmp_path):
    from lmxsim.fit.priors import fit_priors
    from lmxsim.fit.run import Settings, run_fit
    from lmxsim.fit.steps import one_team
    from lmxsim.team.teamfile import load_team

    members = load_team(EXAMPLES / "fit-team.toml")
    priors = fit_priors(None)
    sim = one_team(members, EXAMPLES / "fit-waves.csv", "team", priors).simulator
    heard: list[tuple[int, int, int]] = []
    settings = Settings(population=30, generations=2, adaptive_population=False, seed=1, batch=16)
    result = run_fit(sim, priors, tmp_path / "fit", settings, on_round=lambda *a: heard.append(a))
    assert {g for g, _, _ in heard} == {-1, 0, 1}  # -1: pyABC's calibration sample before generation 1
    assert all(n == 30 for _, _, n in heard)
    for generation in (0, 1):
        counts = [a for g, a, _ in heard if g == generation]
        assert counts == sorted(counts) and counts[-1] >= 30  # rising, until the generation is full
    rounds = sum(g["simulations"] for g in result.generations) / 16
    assert len([g for g, _, _ in heard if g >= 0]) == pytest.approx(rounds, abs=2)  # one call per round


@pytest.mark.slow  # a real tiny fit: the full suite runs it
@pytest.mark.parametrize(
    ("lang", "words"), [("en", "generation 1 of at most 1"), ("nl", "generatie 1 van hoogstens 1")]
)
def test_the_command_draws_the_bar_in_a_terminal(tmp_path, lang, words):
    from lmxsim.commands.fit import FitRequest, _fit

    screen = io.StringIO()
    console = Console(file=screen, force_terminal=True, width=150)
    request = FitRequest(
        survey=EXAMPLES / "fit-waves.csv", team=EXAMPLES / "fit-team.toml", teams=None, observations=None,
        out=tmp_path / "fit", priors=None, also=[], population=20, generations=1, max_minutes=2.0, seed=1,
        sampler="batch", workers=1, dask=None, resume=False, overwrite=False, take_over=False, lang=lang,
    )  # fmt: skip
    _fit(console, request)
    text = screen.getvalue()
    assert words in text and "━" in text  # the bar's description and its bar
