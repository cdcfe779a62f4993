"""What a calibration search may spend (`lmxsim calibrate`), declared once: the command's
defaults read it, and every search records it with its result (docs/calibration/). The same for
the defaults and every rival, so a rival that still fails facts fails them on equal terms.

Kept apart from lmxsim/science/calibration.py so the command line reads its defaults without
importing the model."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any


@dataclass(frozen=True)
class Budget:
    """What a search may spend; recorded with its result. The same for the defaults and every rival."""

    evaluations: int = 200  # candidates scored in all (start, sample, refinement)
    samples: int = 16  # of which Sobol samples (a power of 2)
    seeds: int = 2  # root seeds per candidate
    replications: int = 300  # teams per fact and seed (the Pygmalion arms use three times as many)
    seed: int = 2026  # the Sobol scramble
    # The horizons (weeks) every fact is judged at; the loss adds them up. The facts must hold at
    # 52 weeks as well as at 26 (issue 23), and a search that sees only 26 weeks lets a fact drift
    # out at 52 (P12 did: .793 against .78).
    horizons: tuple[int, ...] = (26, 52)

    def record(self) -> dict[str, Any]:
        """The budget as written in a record (TOML or JSON: the horizons as a list)."""
        return {**asdict(self), "horizons": list(self.horizons)}


BUDGET = Budget()
