"""Each person's first impression, inferred after the fit (a per-person rejection step).

The ABC-SMC fit integrates over the leader's first impression of each person (the
simulator draws z_i ~ N(0, 1); first impression = ability + first_impression_noise * z_i):
as twelve SMC dimensions they starved its importance weights. Afterwards, for each
posterior draw of the parameters, PER_DRAW teams are simulated with fresh z; for each
person, the simulations whose ratings of *that person* (every rater and wave, scaled by
their spread) lie closest to the survey's are kept (ACCEPT share), and their z_i is the
person's posterior. This conditions each person on their own answers and treats the
others' as the team context, an approximation documented in docs/fitting.md.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from lmxsim.fit.simulate import Simulator
from lmxsim.model.dynamics import clip01

PER_DRAW = 10
ACCEPT = 0.05


def infer_people(
    simulator: Simulator, draws: pd.DataFrame, seed: int, stream: int = 0
) -> dict[str, np.ndarray]:
    """Posterior samples per person: {"z": (kept, n), "first_impression": (kept, n), "noise": (kept, n)}.

    `stream` > 0: another team of a many-team fit (its own random numbers)."""
    rows = [row for row in draws.to_dict("records") for _ in range(PER_DRAW)]
    sims = simulator.totals(
        rows, np.random.SeedSequence([seed, 11, *([stream] if stream else [])]), with_z=True
    )
    n = len(simulator.team)
    distance = np.zeros((len(rows), n))
    for rater, observed in simulator.observed.items():
        mask = ~np.isnan(observed)
        spread = sims[rater].std(axis=0) + 1.0  # (n, waves); +1: totals are whole numbers
        gap = (sims[rater] - np.nan_to_num(observed)) / spread
        distance += np.sum(np.where(mask, gap**2, 0.0), axis=2)
    kept = max(10, int(ACCEPT * len(rows)))
    order = np.argsort(distance, axis=0, kind="stable")[:kept]  # (kept, n): best rows per person
    noise = np.asarray(draws.get("first_impression_noise", simulator.base.first_impression_noise))
    noise_rows = np.broadcast_to(np.repeat(noise, PER_DRAW) if noise.ndim else noise, (len(rows),))
    z = np.take_along_axis(sims["z"], order, axis=0)
    first = clip01(simulator.ability + noise_rows[order] * z)
    return {"z": z, "first_impression": first}
