"""Fitting the model to a team's own LMX-7 survey waves (ABC-SMC with pyABC; docs/fitting.md).

One idea per module: survey.py reads the survey file (observations.py the optional
team-level counts), priors.py says what is fitted,
simulate.py turns parameters into simulated survey summaries (batch engine + the item
model of lmxsim/model/measurement.py), sampler.py runs many particles as one vectorised batch,
run.py drives pyABC (and resumes), report.py writes the posterior and the predictive
checks, posterior.py turns a fit/ folder into parameter draws for the strategy lab.
"""

from __future__ import annotations

from lmxsim.model.params import ParameterError


class FitError(ParameterError):
    """A user mistake in fit input (survey, priors, folder); the message names file, line and field."""


def require_pyabc():
    """Import pyabc, or say how to install it (it is the optional extra `fit`)."""
    try:
        import pyabc
    except ImportError:
        raise FitError(
            "fitting needs pyabc, an optional extra: install with `pip install 'lmxsim[fit]'` "
            "(or `uv sync --extra fit`)"
        ) from None
    return pyabc
