"""Uniform and standard-normal priors for pyABC without scipy's per-call overhead.

pyABC evaluates the prior density of every proposed particle; with a dozen scipy
distributions that was a third of a fit's time (benchmarks/bench_fit.py). These
compute the same densities with math and draw from numpy's global generator, as
pyABC's own RV does (so a seeded fit stays reproducible).
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np

from lmxsim.fit import require_pyabc

pyabc = require_pyabc()
# pyABC is an optional, untyped extra loaded at run time: its base class is Any to the checker.
_RVBase: Any = pyabc.RVBase
_ROOT_2PI = math.sqrt(2 * math.pi)


class Uniform(_RVBase):
    def __init__(self, low: float, high: float) -> None:
        self.low, self.high = float(low), float(high)

    def copy(self) -> Uniform:
        return Uniform(self.low, self.high)

    def rvs(self, *args, **kwargs) -> float:
        return float(np.random.uniform(self.low, self.high))

    def pdf(self, x: float, *args, **kwargs) -> float:
        return 1.0 / (self.high - self.low) if self.low <= x <= self.high else 0.0

    def pmf(self, x: float, *args, **kwargs) -> float:
        return 0.0

    def cdf(self, x: float, *args, **kwargs) -> float:
        return min(1.0, max(0.0, (x - self.low) / (self.high - self.low)))


class StandardNormal(_RVBase):
    def copy(self) -> StandardNormal:
        return StandardNormal()

    def rvs(self, *args, **kwargs) -> float:
        return float(np.random.normal())

    def pdf(self, x: float, *args, **kwargs) -> float:
        return math.exp(-0.5 * x * x) / _ROOT_2PI

    def pmf(self, x: float, *args, **kwargs) -> float:
        return 0.0

    def cdf(self, x: float, *args, **kwargs) -> float:
        return 0.5 * (1.0 + math.erf(x / math.sqrt(2.0)))
