"""A small recovery check: fits of surveys simulated from known truths find them again.

The full experiment is experiments/fit_recovery.py (docs/fitting.md); this runs a few data
sets with small populations and fails if recovery breaks: each person's inferred first
impression must follow the truth, and the 90% intervals must mostly cover it.
"""

import numpy as np
import pytest

pytest.importorskip("pyabc")

from lmxsim.fit.recovery import DESIGNS, fit_one
from lmxsim.fit.run import Settings


@pytest.mark.slow
def test_fits_recover_known_truths():
    settings = Settings(population=150, generations=3, adaptive_population=False, min_acceptance=0.02)
    tables = [fit_one(DESIGNS[0], index, settings) for index in range(4)]
    people = [t[t["parameter"].str.startswith("z_")] for t in tables]
    truth = np.concatenate([p["truth"].to_numpy() for p in people])
    estimate = np.concatenate([p["mean"].to_numpy() for p in people])
    assert np.corrcoef(truth, estimate)[0, 1] > 0.5  # who the leader underrates is found
    assert np.mean(np.concatenate([p["covered"].to_numpy() for p in people])) >= 0.7
    parameters = [t[~t["parameter"].str.startswith("z_")] for t in tables]
    covered = np.concatenate([p["covered"].to_numpy() for p in parameters])
    assert covered.mean() >= 0.65  # 12 intervals (3 parameters x 4 data sets), 90% each
    widths = np.mean(
        [p.set_index("parameter").loc["first_impression_noise", "width_ratio"] for p in parameters]
    )
    assert widths < 0.97  # the survey says something about how far first impressions miss
