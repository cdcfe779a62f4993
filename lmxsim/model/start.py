"""The starting state of every relationship at week 0: the one starting point of both engines.

Day one (the member's side from dynamics.initial_members, the leader's first impression
with guarded trust and little confidence), then the weeks a relationship already had
(run_history: the week of week.py for a team of one, with average luck), then the
relationship set to the LMX-7 answers where a team file gives them (match_lmx7).
"""

from __future__ import annotations

import numpy as np

from lmxsim.model.dynamics import (
    all_on,
    clip01,
    group,
    initial_confidence,
    initial_leader_trust,
    initial_members,
    lmx,
    lmx_from_lmx7,
)
from lmxsim.model.nudges import Nudges
from lmxsim.model.params import Params
from lmxsim.model.week import start_week_state, week

# The member's traits initial_state reads (each (..., n), or anything that broadcasts).
TRAITS = (
    "ability",
    "first_impression",
    "challenge",
    "trust_propensity",
    "member_expectation",
    "safety_propensity",
    "climate",
)
# The simulated state it returns, each (..., n).
STATE = (
    "skill",
    "trust",
    "support",
    "autonomy",
    "motivation",
    "safety",
    "leader_impression",
    "confidence",
    "leader_trust",
    "phase",
    "plasticity",
    "contacts",
    "lmx",
    "group",
)


def initial_state(traits, p, weeks_together=0, lmx7_member=np.nan, lmx7_leader=np.nan):
    """Every relationship's state at week 0, the one starting point of both engines.

    Day one (initial_members, and the leader's first impression with guarded trust and
    little confidence), then `weeks_together` weeks of history (run_history), then the
    relationship set to the LMX-7 answers where given (match_lmx7; NaN: not given).
    Members with no time together and no LMX-7 start exactly as day one: a drawn team,
    and every team without the new fields, gives the results it always gave.
    `traits` maps TRAITS to arrays (member axis last); returns a dict of STATE arrays.
    """
    first = np.asarray(traits["first_impression"], dtype=float)
    shape = np.broadcast(first, np.asarray(traits["ability"], dtype=float)).shape
    if not all_on(p.first_impression_counts):  # rival: the same view of everyone at the start
        alike = np.mean(np.broadcast_to(first, shape), axis=-1, keepdims=True)
        first = np.where(p.first_impression_counts, first, alike)
    state = {
        k: np.broadcast_to(v, shape).astype(float)
        for k, v in initial_members(
            traits["ability"],
            traits["trust_propensity"],
            traits["member_expectation"],
            traits["safety_propensity"],
            traits["climate"],
            p,
        ).items()
    }
    state["leader_impression"] = np.broadcast_to(first, shape).astype(float)
    state["confidence"] = np.broadcast_to(initial_confidence(first, p), shape).astype(float)
    state["leader_trust"] = np.broadcast_to(initial_leader_trust(first, p), shape).astype(float)
    state["phase"] = np.zeros(shape, dtype=np.int64)
    state["plasticity"] = np.ones(shape)
    state["contacts"] = np.zeros(shape, dtype=np.int64)
    state["lmx"] = lmx(state["leader_trust"], state["trust"])
    weeks = np.broadcast_to(np.asarray(weeks_together, dtype=np.int64), shape)
    if np.any(weeks > 0):
        state = run_history(state, traits, weeks, p)
    given = ~np.isnan(np.asarray(lmx7_member, dtype=float)) | ~np.isnan(np.asarray(lmx7_leader, dtype=float))
    if np.any(given):
        state = match_lmx7(state, lmx7_member, lmx7_leader)
    state["group"] = group(state["lmx"], state["phase"], p)
    return state


def run_history(state, traits, weeks_together, p):
    """The state after each member's `weeks_together` weeks together (member axis last).

    The weeks are the model's own (week.week), for a team of one with average luck:
    what a past cannot know is replaced by its expected value (contact by its probability,
    median luck, no problems); a team of one has no unfairness against peers, no split
    and no confirmation bias against a team average. So each member gets a trailing team
    axis of length one. Members are independent, so the weeks run in stages: up to the
    shortest remaining history, on just the members still going; the work is the sum of
    the members' histories, not the longest times the team. Expected contacts are counted
    whole (rounded down).
    """
    weeks = np.asarray(weeks_together, dtype=np.int64)
    s = {k: np.array(v, dtype=float) for k, v in state.items()}
    n = weeks.shape[-1]
    lengths = weeks.reshape(-1, n).max(axis=0)  # the same for every replication: one per member
    done = 0
    if not isinstance(p, Params):  # per-replication columns: one more axis, as the members have
        p = _TeamOfOne(p)
    for stage_end in np.unique(lengths[lengths > 0]):
        going = np.flatnonzero(lengths >= stage_end)
        part = start_week_state({k: v[..., going, None] for k, v in s.items()})
        part_traits = {k: _alone(v, going, n) for k, v in traits.items()}
        for _ in range(done, int(stage_end)):
            part = week(part, part_traits, None, _NO_NUDGES, p)
        for k in s:
            s[k][..., going] = part[k][..., 0]
        done = int(stage_end)
    s["phase"] = s["phase"].astype(np.int64)
    s["contacts"] = np.floor(s["contacts"] + 1e-9).astype(np.int64)
    return s


# A past has no interventions.
_NO_NUDGES = Nudges.calm()


class _TeamOfOne:
    """Per-replication parameter columns (R, 1) with the trailing team axis of run_history."""

    def __init__(self, columns: object) -> None:
        for name, value in vars(columns).items():
            setattr(self, name, np.asarray(value)[..., None])


def _alone(value, chosen, n):
    """`value` for the chosen members, each in a team of its own (a trailing axis of one);
    a per-team value as it is."""
    value = np.asarray(value)
    return value[..., chosen, None] if value.ndim and value.shape[-1] == n else value


def match_lmx7(state, lmx7_member=np.nan, lmx7_leader=np.nan):
    """Set each relationship to its LMX-7 answers (totals 7..35; NaN: not given).

    The model's LMX is the geometric mean of the leader's and the member's trust, so:
    the relationship's LMX becomes the geometric mean of the answers given
    (lmx_from_lmx7 of each); with both answers the member's trust is the member's
    answer and the leader's trust the leader's; with one answer the balance between
    the two sides that the history produced is kept (a side capped at 1 leaves the
    rest to the other). The leader's impression moves with the leader's trust, so the
    leader does not drift back to the old view in the first weeks.
    """
    s = dict(state)
    member = lmx_from_lmx7(lmx7_member)
    leader = lmx_from_lmx7(lmx7_leader)
    both = ~np.isnan(member) & ~np.isnan(leader)
    one = np.where(np.isnan(member), leader, member)
    old_leader, old_member = s["leader_trust"], s["trust"]
    balance = np.sqrt(np.maximum(old_leader, 1e-9) / np.maximum(old_member, 1e-9))
    kept_leader = np.minimum(1.0, np.nan_to_num(one) * balance)
    kept_member = np.where(kept_leader > 0, np.nan_to_num(one) ** 2 / np.maximum(kept_leader, 1e-12), 0.0)
    over = kept_member > 1.0
    kept_leader = np.where(over, np.nan_to_num(one) ** 2, kept_leader)
    kept_member = np.minimum(kept_member, 1.0)
    new_leader = np.where(both, np.nan_to_num(leader), kept_leader)
    new_member = np.where(both, np.nan_to_num(member), kept_member)
    given = ~np.isnan(one)
    s["leader_trust"] = np.where(given, new_leader, old_leader)
    s["trust"] = np.where(given, new_member, old_member)
    s["leader_impression"] = np.where(
        given, clip01(s["leader_impression"] + s["leader_trust"] - old_leader), s["leader_impression"]
    )
    s["lmx"] = lmx(s["leader_trust"], s["trust"])
    return s
