"""The LMX-7 item model: simulated survey answers from the relationship state.

The model's relationship quality (`lmx`, 0..1) is not what a survey returns. People
answer seven items on a 1-5 scale, members and leaders see the relationship from
their own side, answer with their own response style, and round. This module turns
the simulated state into such answers, so a fit compares like with like
(docs/fitting.md, "The measurement model"):

    view_member = (1 - perspective) * lmx + perspective * member_trust
    view_leader = (1 - perspective) * lmx + perspective * leader_trust
    item_j      = round(1 + 4 * view + bias + style + e_j), cut to 1..5
    style ~ N(0, style_sd)   one per rater, person and wave (how this rater answers today)
    e_j   ~ N(0, item_noise) one per item
    total = item_1 + ... + item_7   (7..35; without noise and bias 7 + 28 * view = dynamics.lmx7)

The leader's rating of each member (optional survey column `leader_rating`, one answer
1-5 per member and wave: how well does this person do their work?) reads the leader's
current impression of the member's competence (`leader_impression`, which starts at the
first impression and moves with what the leader observes, slowed by anchoring):

    rating = round(1 + 4 * leader_impression + e), e ~ N(0, rating_noise), cut to 1..5

Every parameter is fixed with a source below (MEASUREMENT) and may be fitted instead
(priors file, section [measurement]).
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from lmxsim.model.params import ParameterError

ITEMS = 7
LOW, HIGH = 1, 5
RATERS = ("member", "leader")
RATING = "rating"  # the leader's rating of each member (survey column leader_rating), 1..5


def _m(default: float, low: float, high: float, meaning: str, source: str) -> Any:
    return field(default=default, metadata={"low": low, "high": high, "meaning": meaning, "source": source})


@dataclass(frozen=True)
class Measurement:
    """Parameters of the LMX-7 item model (all on the 1-5 item scale unless said)."""

    # fmt: off
    perspective: float = _m(0.5, 0.0, 1.0,
        "weight of the rater's own trust (member) or trust in the member (leader) in what they report",
        "Sin, Nahrgang & Morgeson 2009: member and leader LMX ratings agree only moderately "
        "(rho = .37); assumed")
    member_bias: float = _m(0.0, -1.0, 1.0,
        "members' average shift of every item (leniency)",
        "fixed at 0: the member scale is the model's scale (dynamics.lmx7)")
    leader_bias: float = _m(0.1, -1.0, 1.0,
        "leaders' average shift of every item relative to members",
        "Sin, Nahrgang & Morgeson 2009: leaders rate the relationship a little higher than members; "
        "assumed .1")
    member_style_sd: float = _m(0.25, 0.0, 1.5,
        "member's response style that day, shared by the seven items (sd)",
        "assumed: test-retest of LMX-7 over weeks is about .8 (Gerstner & Day 1997 report alpha .89)")
    leader_style_sd: float = _m(0.25, 0.0, 1.5,
        "leader's response style per member and wave, shared by the seven items (sd)",
        "assumed as for members")
    item_noise: float = _m(0.6, 0.0, 2.0,
        "noise of one item around the rater's view (sd)",
        "Gerstner & Day 1997: LMX-7 alpha about .89, i.e. mean inter-item r about .54; "
        "with item sd about .9 that leaves error sd about .6")
    rating_noise: float = _m(0.5, 0.0, 2.0,
        "noise of the leader's single 1-5 rating of a member around the leader's impression (sd)",
        "assumed: a single-item supervisor rating; half a scale point, like one LMX-7 item's error")
    # fmt: on

    def __post_init__(self) -> None:
        for f in dataclasses.fields(self):
            value = getattr(self, f.name)
            if isinstance(value, bool) or not isinstance(value, int | float) or not np.isfinite(value):
                raise ParameterError(f"measurement {f.name} = {value!r} is not a number")
            if not f.metadata["low"] <= value <= f.metadata["high"]:
                raise ParameterError(
                    f"measurement {f.name} = {value!r} is out of range "
                    f"(allowed: {f.metadata['low']} to {f.metadata['high']}; {f.metadata['meaning']})"
                )

    def replace(self, **changes: float) -> Measurement:
        return dataclasses.replace(self, **changes)


MEASUREMENT_FIELDS: dict[str, dataclasses.Field] = {f.name: f for f in dataclasses.fields(Measurement)}


def _column(m: Measurement | Any, name: str, shape_ndim: int):
    """A measurement value, or per-replication values (R,) broadcast over the trailing axes."""
    value = np.asarray(getattr(m, name), dtype=float)
    return value.reshape(value.shape + (1,) * (shape_ndim - value.ndim)) if value.ndim else value


def rater_view(lmx: np.ndarray, own_trust: np.ndarray, m: Measurement | Any) -> np.ndarray:
    """What a rater sees (0..1): the shared quality blended with their own side's trust."""
    w = _column(m, "perspective", np.ndim(lmx))
    return (1.0 - w) * lmx + w * own_trust


def answer_items(view: np.ndarray, rater: str, m: Measurement | Any, rng: np.random.Generator) -> np.ndarray:
    """Seven answers per view: shape view.shape + (7,), whole numbers 1..5.

    `view` has the replication axis first; per-replication measurement parameters
    (arrays of length R) broadcast over the rest.
    """
    if rater not in RATERS:
        raise ValueError(f"rater {rater!r}: use one of {RATERS}")
    view = np.asarray(view, dtype=float)
    nd = view.ndim
    bias = _column(m, f"{rater}_bias", nd)
    style_sd = _column(m, f"{rater}_style_sd", nd)
    item_sd = _column(m, "item_noise", nd)[..., None]
    style = style_sd * rng.standard_normal(view.shape)
    latent = (LOW + (HIGH - LOW) * view + bias + style)[..., None]
    raw = latent + item_sd * rng.standard_normal((*view.shape, ITEMS))
    return np.clip(np.rint(raw), LOW, HIGH)


def leader_rating(impression: np.ndarray, m: Measurement | Any, rng: np.random.Generator) -> np.ndarray:
    """The leader's 1-5 rating of each member from the leader's impression (0..1); replications first."""
    impression = np.asarray(impression, dtype=float)
    noise = _column(m, "rating_noise", impression.ndim)
    raw = LOW + (HIGH - LOW) * impression + noise * rng.standard_normal(impression.shape)
    return np.clip(np.rint(raw), LOW, HIGH)


def totals(items: np.ndarray) -> np.ndarray:
    """LMX-7 totals (7..35) from items on the last axis."""
    return items.sum(axis=-1)
