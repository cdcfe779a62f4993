"""Stylized facts from the literature, measured on the model (pattern-oriented validation).

Each fact runs the model over many replications (batch engine) and returns one
value to compare with a target band. `lmxsim validate` prints them; the tests
in tests/test_facts.py assert them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from lmxsim.batch import run_batch
from lmxsim.dynamics import Group
from lmxsim.interventions import RoleClarification
from lmxsim.params import Params
from lmxsim.team import Member

TEAM_SIZE = 10


@dataclass(frozen=True)
class Fact:
    key: str
    claim: str
    source: str
    low: float
    high: float
    measure: Callable[[Params, int, int], float]  # (params, replications, seed) -> value
    replications: int = 300

    def check(self, params: Params | None = None, replications: int | None = None, seed: int = 1):
        value = self.measure(params or Params(), replications or self.replications, seed)
        return value, bool(self.low <= value <= self.high)


def _seeds(replications: int, seed: int) -> list[np.random.SeedSequence]:
    root = np.random.SeedSequence(seed)
    return root.spawn(replications)


def _teams(p: Params, replications: int, seed: int, weeks: int = 26):
    return run_batch(_seeds(replications, seed), weeks, params=p, n_employees=TEAM_SIZE)


def _corr(x: np.ndarray, y: np.ndarray) -> float:
    return float(np.corrcoef(np.ravel(x), np.ravel(y))[0, 1])


def first_impression_predicts_lmx(p: Params, replications: int, seed: int) -> float:
    run = _teams(p, replications, seed)
    return _corr(run.traits["first_impression"], run.members["lmx"][26])


def early_lmx_predicts_later(p: Params, replications: int, seed: int) -> float:
    run = _teams(p, replications, seed)
    return _corr(run.members["lmx"][2], run.members["lmx"][26])


def lmx_stabilises(p: Params, replications: int, seed: int) -> float:
    """Mean weekly |change in LMX| in weeks 20-26 relative to weeks 1-6."""
    lmx = _teams(p, replications, seed).members["lmx"]
    change = np.abs(np.diff(lmx, axis=0))
    return float(change[19:26].mean() / change[0:6].mean())


def lmx_relates_to_performance(p: Params, replications: int, seed: int) -> float:
    run = _teams(p, replications, seed)
    return _corr(run.members["lmx"][26], run.members["performance"][26])


def trust_moves_with_lmx(p: Params, replications: int, seed: int) -> float:
    run = _teams(p, replications, seed)
    return _corr(run.members["trust"][26], run.members["lmx"][26])


PYGMALION_BOOST = 0.25  # a "high potential" label: about one SD of first impressions


def _equal_team(first_impressions: list[float], ability: float = 0.6) -> list[Member]:
    return [Member(f"M{i}", ability=ability, first_impression=fi) for i, fi in enumerate(first_impressions)]


def pygmalion_effect(p: Params, replications: int, seed: int) -> float:
    """Cohen's d of performance when the leader's first impression of one member is raised.

    Performance is the member's mean over weeks 14-26, as field experiments rate
    performance over the treatment period rather than in one week.
    """
    base = [0.6] * TEAM_SIZE
    raised = [0.6 + PYGMALION_BOOST, *base[1:]]
    seeds = _seeds(replications, seed)

    def rated(team: list[Member]) -> np.ndarray:
        return run_batch(seeds, 26, params=p, team=team).members["performance"][14:27, :, 0].mean(axis=0)

    control, treated = rated(_equal_team(base)), rated(_equal_team(raised))
    pooled = np.sqrt((control.var(ddof=1) + treated.var(ddof=1)) / 2)
    return float((treated.mean() - control.mean()) / pooled)


def spiral_gap(p: Params, replications: int, seed: int, week: int = 26) -> float:
    """Mean performance gap (weeks week-3..week) between two equally able members, FI .8 vs .35."""
    team = _equal_team([0.35, 0.8, *[0.6] * (TEAM_SIZE - 2)], ability=0.65)
    run = run_batch(_seeds(replications, seed), week, params=p, team=team)
    performance = run.members["performance"][week - 3 : week + 1]
    return float((performance[:, :, 1] - performance[:, :, 0]).mean())


def spiral_is_a_loop(p: Params, replications: int, seed: int) -> float:
    """Gap with the loop cut (autonomy not following trust) as a share of the gap with the loop."""
    with_loop = spiral_gap(p, replications, seed)
    cut = spiral_gap(p.replace(autonomy_follows_trust=False), replications, seed)
    return cut / with_loop


def spiral_grows(p: Params, replications: int, seed: int) -> float:
    """How much the performance gap widens from weeks 1-4 to weeks 23-26 (>0: it grows)."""
    return spiral_gap(p, replications, seed, 26) - spiral_gap(p, replications, seed, 4)


def differentiation_hurts_safety(p: Params, replications: int, seed: int) -> float:
    """Across teams: r(LMX differentiation, mean safety) at week 26."""
    run = _teams(p, replications, seed)
    return _corr(run.team["lmx_differentiation"][26], run.team["safety_mean"][26])


def differentiation_hurts_reporting(p: Params, replications: int, seed: int) -> float:
    """Across teams: r(LMX differentiation, problems reported in weeks 14-26)."""
    run = _teams(p, replications, seed)
    reported = run.team["problems_reported"][14:27].sum(axis=0)
    return _corr(run.team["lmx_differentiation"][26], reported)


def reporting_follows_safety(p: Params, replications: int, seed: int) -> float:
    """Across teams: r(mean safety, problems reported in weeks 14-26)."""
    run = _teams(p, replications, seed)
    reported = run.team["problems_reported"][14:27].sum(axis=0)
    safety = run.team["safety_mean"][14:27].mean(axis=0)
    return _corr(safety, reported)


def low_lmx_gain_most(p: Params, replications: int, seed: int) -> float:
    """Role clarification for a low- vs a high-LMX member (equal ability): ratio of performance gains."""
    team = _equal_team([0.35, 0.85, *[0.6] * (TEAM_SIZE - 2)], ability=0.65)
    seeds = _seeds(replications, seed)

    def gain(target: str, index: int) -> float:
        base = run_batch(seeds, 30, params=p, team=team).members["performance"][20:31, :, index]
        helped = run_batch(
            seeds, 30, params=p, team=team, interventions=[RoleClarification(target=target, start=10)]
        ).members["performance"][20:31, :, index]
        return float((helped - base).mean())

    return gain("M0", 0) / max(gain("M1", 1), 1e-3)


def out_group_forms(p: Params, replications: int, seed: int) -> float:
    """Share of drawn teams with at least one out-group member at week 26."""
    run = _teams(p, replications, seed)
    return float(np.mean((run.members["group"][26] == Group.OUT).any(axis=-1)))


FACTS = [
    Fact(
        "early-impressions",
        "first impression predicts LMX at week 26 (r)",
        "Liden, Wayne & Stilwell 1993",
        0.25,
        0.85,
        first_impression_predicts_lmx,
    ),
    Fact(
        "early-lmx",
        "LMX at week 2 predicts LMX at week 26, but not frozen (r)",
        "Liden et al. 1993; Nahrgang et al. 2009",
        0.3,
        0.9,
        early_lmx_predicts_later,
    ),
    Fact(
        "stabilises",
        "LMX change weeks 20-26 / weeks 1-6 (rises then stabilises)",
        "Nahrgang, Morgeson & Ilies 2009",
        0.0,
        0.5,
        lmx_stabilises,
    ),
    Fact(
        "lmx-performance",
        "r(LMX, performance) across members",
        "Martin et al. 2016 meta-analysis, rho = .30",
        0.15,
        0.50,
        lmx_relates_to_performance,
    ),
    Fact(
        "pygmalion",
        "Cohen's d of later performance when the first impression is raised",
        "McNatt 2000 d = 1.13; Kierein & Gold 2000 d = .81",
        0.4,
        1.5,
        pygmalion_effect,
        400,
    ),
    Fact(
        "spiral-loop",
        "gap between equally able members with the loop cut / with the loop",
        "Manzoni & Barsoux 1998 (set-up-to-fail)",
        -0.5,
        0.5,
        spiral_is_a_loop,
        200,
    ),
    Fact(
        "spiral-grows",
        "performance gap weeks 23-26 minus weeks 1-4 (the gap grows)",
        "Manzoni & Barsoux 1998",
        0.03,
        1.0,
        spiral_grows,
        200,
    ),
    Fact(
        "differentiation-safety",
        "r(LMX differentiation, team safety) across teams",
        "Yu, Matta & Cornfield 2018; Dong et al. 2020",
        -1.0,
        -0.1,
        differentiation_hurts_safety,
    ),
    Fact(
        "differentiation-reporting",
        "r(LMX differentiation, problems reported) across teams",
        "Dong et al. 2020 (less voice)",
        -1.0,
        -0.05,
        differentiation_hurts_reporting,
    ),
    Fact(
        "reporting-safety",
        "r(team safety, problems reported) across teams",
        "Edmondson 1996, 1999",
        0.1,
        1.0,
        reporting_follows_safety,
    ),
    Fact(
        "low-lmx-gain",
        "performance gain from role clarification, low-LMX / high-LMX member",
        "Scandura & Graen 1984",
        1.2,
        100.0,
        low_lmx_gain_most,
        200,
    ),
    Fact(
        "trust-lmx",
        "r(member trust, LMX) across members",
        "Dirks & Ferrin 2002, r = .69",
        0.55,
        0.85,
        trust_moves_with_lmx,
    ),
]
