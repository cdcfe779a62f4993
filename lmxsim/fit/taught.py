"""What the data taught: per fitted parameter and per person's first impression, the posterior's
90% width as a share of the prior's, a verdict in words, and which ones to warn about.

A share near 1 means the posterior is (almost) the prior again: the survey said (almost)
nothing about that quantity, and anything built on the fit spreads it over its whole prior
range. The fit writes this to `<out>/summary.json` and prints it (docs/fitting.md, "What the
data taught"); it warns when a quantity learned less than 20% (share above WARN_SHARE).

The prior of a person's first impression is what the fit assumes before the survey:
ability + first_impression_noise * z, z ~ N(0, 1), cut to 0..1, with the noise from its
own prior when it is fitted; its 90% width is taken from PRIOR_DRAWS draws of that.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from lmxsim.fit.priors import Priors
from lmxsim.fit.summary import LEVEL
from lmxsim.model.dynamics import clip01

WARN_SHARE = 0.8  # share above this: the data taught less than 20%
MUCH_SHARE = 0.5  # share at or below this: the data halved the uncertainty (or better)
VERDICTS = ("much", "some", "little")  # texts: fit.verdict_<verdict> (lmxsim/texts/fit.py)
PRIOR_DRAWS = 20_000


def verdict(share: float) -> str:
    """'much' (share <= .5), 'some' (<= .8) or 'little' (> .8: less than 20% learned)."""
    if share <= MUCH_SHARE:
        return "much"
    return "some" if share <= WARN_SHARE else "little"


def entry(prior_width: float, posterior_width: float) -> dict:
    share = float(posterior_width / prior_width) if prior_width > 0 else float("nan")
    return {
        "prior_width": round(float(prior_width), 4),
        "posterior_width": round(float(posterior_width), 4),
        "share": round(share, 3),
        "verdict": verdict(share),
    }


def first_impression_prior_width(ability: np.ndarray, priors: Priors, noise: float) -> np.ndarray:
    """90% width of each person's first impression under the prior (per ability), by simulation.

    `noise` is first_impression_noise when it is not fitted; a fitted one is drawn from its prior.
    Fixed seed: the same team gives the same widths.
    """
    rng = np.random.default_rng(26)
    fitted = {p.name: p for p in priors.parameters}
    if "first_impression_noise" in fitted:
        p = fitted["first_impression_noise"]
        noises = rng.uniform(p.low, p.high, PRIOR_DRAWS)
    else:
        noises = np.full(PRIOR_DRAWS, noise)
    z = rng.standard_normal((PRIOR_DRAWS, len(ability)))
    first = clip01(np.asarray(ability, dtype=float) + noises[:, None] * z)
    low, high = np.quantile(first, [(1 - LEVEL) / 2, 1 - (1 - LEVEL) / 2], axis=0)
    return high - low


def what_was_taught(posterior: pd.DataFrame, people: pd.DataFrame | None, prior_widths=None) -> dict:
    """summary.json's content from the posterior table (summary.posterior_table) and people
    table (report.people_table, with `prior_width90` per person; a `team` column if many teams)."""
    parameters = {
        str(row.parameter): entry(row.prior_width90, row.posterior_width90) for row in posterior.itertuples()
    }
    persons = []
    if people is not None:
        for row in people.to_dict("records"):
            record = {"team": row["team"]} if "team" in row else {}
            record |= {"name": row["name"]}
            record |= entry(row["prior_width90"], row["first_impression_p95"] - row["first_impression_p5"])
            persons.append(record)
    little = [name for name, e in parameters.items() if e["verdict"] == "little"]
    little_people = [
        p["name"] if "team" not in p else f"{p['team']}/{p['name']}"
        for p in persons
        if p["verdict"] == "little"
    ]
    return {
        "level": LEVEL,
        "warn_share": WARN_SHARE,
        "parameters": parameters,
        "people": persons,
        "learned_little": {
            "parameters": little,
            "people": little_people,
        },
    }
