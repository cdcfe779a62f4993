"""Synthetic survey data from known parameters: the ground truth of the recovery experiment and tests."""

from __future__ import annotations

import numpy as np

from lmxsim.fit.priors import PERSON_PREFIX, Priors
from lmxsim.fit.simulate import Simulator
from lmxsim.team.members import Member


def recovery_team(n: int = 9, seed: int = 0) -> list[Member]:
    """A team of n with believed abilities spread around the model's average."""
    rng = np.random.default_rng(seed)
    return [Member(f"P{i + 1}", ability=float(np.clip(rng.normal(0.6, 0.08), 0.3, 0.9))) for i in range(n)]


def draw_truth(priors: Priors, n_people: int, rng: np.random.Generator) -> dict[str, float]:
    """True values drawn from the priors (so coverage is averaged over the prior, as it should be)."""
    truth = {p.name: float(rng.uniform(p.low, p.high)) for p in priors.parameters}
    if priors.people:
        truth |= {f"{PERSON_PREFIX}{i}": float(rng.normal()) for i in range(n_people)}
    return truth


def synthetic_survey(
    team: list[Member],
    weeks: list[int],
    priors: Priors,
    truth: dict[str, float],
    seed: int,
    leader: bool = True,
) -> Simulator:
    """A Simulator whose observed survey was simulated at `truth` (member and optionally leader ratings)."""
    shape = np.full((len(team), len(weeks)), 0.0)
    observed = {"member": shape} | ({"leader": shape} if leader else {})
    maker = Simulator(team, weeks, observed, priors)
    totals = maker.totals([truth], np.random.SeedSequence(seed))
    return Simulator(team, weeks, {r: v[0].astype(float) for r, v in totals.items()}, priors)
