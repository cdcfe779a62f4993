"""Does the ranking hold if the interventions work less or more than assumed?

The strengths of the interventions are assumptions, not estimates. The robustness view
reruns the same comparison (same team, same strategies, same seeds: common random
numbers, so only the strength differs) with every intervention at 50% and 150% of its
default strength (strength.py), and reports the ranking by expected team performance
at each. Cost: two more comparisons; the replications may be fewer than the main run's.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

import pandas as pd

from lmxsim.lab.strategies import Comparison, compare_strategies
from lmxsim.model.params import Params
from lmxsim.team.members import Member

FACTORS: tuple[float, ...] = (0.5, 1.0, 1.5)


@dataclass(eq=False)
class Robustness:
    """One comparison per strength factor (1.0 is the main comparison)."""

    comparisons: dict[float, Comparison]

    @property
    def factors(self) -> list[float]:
        return sorted(self.comparisons)

    def rankings(self, measure: str = "performance") -> dict[float, list[str]]:
        return {f: self.comparisons[f].ranking(measure) for f in self.factors}

    def holds(self, measure: str = "performance") -> bool:
        """The order of the strategies is the same at every strength."""
        rankings = list(self.rankings(measure).values())
        return all(r == rankings[0] for r in rankings)

    def top_holds(self, measure: str = "performance") -> bool:
        """The best strategy is the same at every strength (the rest may swap)."""
        return len({r[0] for r in self.rankings(measure).values()}) == 1

    def table(self, measure: str = "performance") -> pd.DataFrame:
        """Per strength and strategy: rank, expected outcome, its difference to doing nothing."""
        rows = []
        for f in self.factors:
            c = self.comparisons[f]
            week = c.checkpoints[-1]
            ranking = c.ranking(measure, week)
            for s in c.strategies:
                mean = float(c.outcomes[s.name][measure][-1].mean())
                d, low, high = c.difference(s.name, c.baseline, measure, week)
                rows.append(
                    {
                        "strength": f,
                        "strategy": s.name,
                        "title": c.title(s.name),
                        "week": week,
                        "measure": measure,
                        "rank": ranking.index(s.name) + 1,
                        "mean": mean,
                        "diff_vs_nothing": d,
                        "diff_ci_low": low,
                        "diff_ci_high": high,
                        "clear_winner": c.winner(week).clear and ranking[0] == s.name,
                    }
                )
        return pd.DataFrame(rows)


def check_robustness(
    comparison: Comparison,
    team: list[Member],
    strategies: Sequence,
    replications: int | None = None,
    params: Params | None = None,
    progress: Callable[[float], None] | None = None,
    chunk: int = 250,
    factors: Sequence[float] = FACTORS,
) -> Robustness:
    """Rerun `comparison` at the other strengths (same seeds) and collect all of them."""
    others = [f for f in factors if f != comparison.strength]
    results: dict[float, Comparison] = {comparison.strength: comparison}
    for k, factor in enumerate(others):

        def part(fraction: float, k: int = k) -> None:
            if progress is not None:
                progress((k + fraction) / len(others))

        results[factor] = compare_strategies(
            team,
            strategies,
            replications=replications or comparison.replications,
            weeks=comparison.weeks,
            seed=comparison.seed,
            params=params or comparison.params,
            progress=part,
            checkpoints=comparison.checkpoints,
            chunk=chunk,
            strength=factor,
        )
    return Robustness(results)
