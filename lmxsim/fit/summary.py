"""Posterior summaries: weighted means and intervals, prior vs posterior widths."""

from __future__ import annotations

import numpy as np
import pandas as pd

from lmxsim.fit.priors import Priors

LEVEL = 0.90
NORMAL_90 = 2 * 1.6448536269514722  # width of the central 90% of N(0, 1): the z prior
# What the data taught about a parameter, in words, from its posterior 90% width over the
# prior's: below A_LOT "a lot", below A_LITTLE "a little", else "nothing" (a posterior at
# 85% of its prior's width or more is within what a short ABC run leaves by chance).
A_LOT, A_LITTLE = 0.5, 0.85
LEARNED = ("a_lot", "a_little", "nothing")


def learned(width_ratio: float) -> str:
    """'a_lot', 'a_little' or 'nothing': what the survey taught, from the width ratio."""
    if width_ratio < A_LOT:
        return "a_lot"
    return "a_little" if width_ratio < A_LITTLE else "nothing"


def weighted_quantile(values: np.ndarray, weights: np.ndarray, q: float | list[float]) -> np.ndarray:
    """Quantiles of a weighted sample (ABC particles)."""
    order = np.argsort(values)
    v, w = np.asarray(values, dtype=float)[order], np.asarray(weights, dtype=float)[order]
    cdf = (np.cumsum(w) - 0.5 * w) / np.sum(w)
    return np.interp(q, cdf, v)


def posterior_table(particles: pd.DataFrame, weights: np.ndarray, priors: Priors) -> pd.DataFrame:
    """One row per fitted quantity: mean, 90% interval, and its width against the prior's."""
    rows = []
    low_q, high_q = (1 - LEVEL) / 2, 1 - (1 - LEVEL) / 2
    prior_width = {p.name: LEVEL * p.width for p in priors.parameters}
    for column in particles.columns:
        values = particles[column].to_numpy()
        lo, hi = weighted_quantile(values, weights, [low_q, high_q])
        width = prior_width[column]
        rows.append(
            {
                "parameter": column,
                "mean": float(np.sum(values * weights) / np.sum(weights)),
                "p5": float(lo),
                "p95": float(hi),
                "prior_width90": width,
                "posterior_width90": float(hi - lo),
                "width_ratio": float((hi - lo) / width),
                "learned": learned(float((hi - lo) / width)),
            }
        )
    return pd.DataFrame(rows)


def resample(
    particles: pd.DataFrame, weights: np.ndarray, draws: int, rng: np.random.Generator
) -> pd.DataFrame:
    """Equally weighted draws from the weighted posterior."""
    p = np.asarray(weights, dtype=float) / np.sum(weights)
    return particles.iloc[rng.choice(len(particles), size=draws, p=p)].reset_index(drop=True)
