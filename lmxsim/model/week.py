"""One working week, in the order of docs/ODD.md section 3: the schedule, written once.

Every way of running the model steps through `week`: the batch engine over
(replications x members) arrays, the Mesa model over its members (the agents hold
their row of the state, see agents.py), and a relationship's history before the
simulation starts (dynamics.run_history, a team of one with average luck). The
equations are in dynamics.py; here they are put in the order of a week, and nowhere
else (tests/test_schedule.py fails on a second copy).

State is a dict of arrays with the member axis last (any leading axes are
replications); the team's values (`TEAM_STATE`) have no member axis. Updates are
simultaneous: every step reads last week's state of the others, so the order in
which members act cannot matter.
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np

from lmxsim.model import dynamics as dyn
from lmxsim.model.dynamics import Draw
from lmxsim.model.nudges import Nudges

# What a week adds to dynamics.STATE for each member: this week's output, and the problems.
WEEK_STATE = ("performance", "problems_reported", "problems_hidden", "fire")
# The team's values a week leaves for the next one (no member axis): fires, and the split.
TEAM_STATE = ("fires", "differentiation")

# A week of average luck (a relationship's history): median draws for work and observation
# (no noise), and draws above every problem chance (no problems, no fires). Contact is not
# drawn either: the member gets the expected share of the leader's time.
AVERAGE_LUCK = {Draw.PERFORMANCE: 0.5, Draw.OBSERVATION: 0.5, Draw.PROBLEM: 1.0, Draw.ESCALATION: 1.0}


def start_week_state(state: Mapping[str, np.ndarray]) -> dict[str, np.ndarray]:
    """dynamics.initial_state plus what a week keeps: no output, no problems, no fires yet."""
    s = dict(state)
    shape = np.shape(s["lmx"])
    s["performance"] = np.zeros(shape)
    for count in ("problems_reported", "problems_hidden", "fire"):
        s[count] = np.zeros(shape, dtype=np.int64)
    s["fires"] = np.zeros(shape[:-1], dtype=np.int64)
    s["differentiation"] = dyn.differentiation(s["lmx"])
    return s


def week(
    s: dict[str, np.ndarray],
    traits: Mapping[str, np.ndarray],
    luck: np.ndarray | None,
    nudges: Nudges,
    p,
) -> dict[str, np.ndarray]:
    """One week for every member of every team in `s`; `s` is updated and returned.

    `luck`: this week's uniforms, `Draw` on the first axis, then the state's axes;
    None is a week of average luck (AVERAGE_LUCK, contact by its probability).
    `nudges`: what the week's interventions change (nudges.py), neutral if none.
    `p`: Params, or per-replication columns (batch.ParamColumns).
    """
    n = np.shape(s["lmx"])[-1]

    def draw(which: Draw):
        return AVERAGE_LUCK[which] if luck is None else luck[which]

    # 0. interventions' one-off changes (nudges.py)
    s["confidence"] = np.minimum(s["confidence"], nudges.confidence_cap)
    if np.any(nudges.reopen):
        s["phase"] = dyn.reopen_phase(s["phase"], nudges.reopen)
        s["plasticity"] = dyn.reopen_plasticity(s["plasticity"], nudges.reopen)
    s["trust"] = dyn.clip01(s["trust"] + nudges.trust_bonus)
    s["support"] = np.maximum(s["support"], nudges.support_floor)
    if nudges.told is not None and not np.all(np.isnan(nudges.told)):
        # the leader is told about a member's potential: evidence like any other (dynamics.hear_about)
        s["leader_impression"], s["confidence"] = dyn.hear_about(
            s["leader_impression"],
            s["confidence"],
            nudges.told,
            s["phase"],
            s["plasticity"],
            np.mean(s["leader_impression"], axis=-1, keepdims=True),
            p,
        )

    # 1. the leader shares out attention: the trusted, and those who raised a problem, are met more
    chance = dyn.contact_probability(
        s["leader_trust"], s["fires"], p, nudges.guaranteed_contact, s["problems_reported"]
    )
    contact = chance if luck is None else luck[Draw.CONTACT] < chance
    s["contacts"] = s["contacts"] + contact
    shown_trust = s["leader_trust"]  # the trust the member feels in this week's contact
    # 2. latitude follows the leader's trust, slowly
    autonomy = dyn.next_autonomy(
        s["autonomy"], s["leader_trust"], p, target=nudges.autonomy_target, boost=nudges.autonomy_boost
    )
    mean_autonomy = np.mean(autonomy, axis=-1, keepdims=True)
    # 3. members work: skill x effort x opportunity, plus luck, minus what last week's fires cost
    output, shown = dyn.work(s["skill"], s["motivation"], autonomy, p)
    s["performance"] = dyn.performance(output, s["fires"][..., None] / n, draw(Draw.PERFORMANCE), p)
    # 4-5. the leader reads the work of those met, through anchoring and confirmation bias, and trusts
    noise = dyn.observation_noise(autonomy, p, nudges.clarity)
    observed = dyn.observed_competence(shown, traits["challenge"], noise, draw(Draw.OBSERVATION), p)
    s["leader_impression"], s["confidence"] = dyn.update_impression(
        s["leader_impression"],
        s["confidence"],
        observed,
        noise,
        contact,
        s["phase"],
        s["plasticity"],
        np.mean(s["leader_impression"], axis=-1, keepdims=True),
        p,
        bias_factor=nudges.bias_factor,
    )
    s["leader_trust"] = dyn.next_leader_trust(s["leader_trust"], s["leader_impression"], p)
    # 6. members respond to how they were treated
    split = s["differentiation"][..., None]
    s["autonomy"] = autonomy
    s["support"] = dyn.next_support(s["support"], contact, shown_trust, p)
    target = dyn.trust_target(
        traits["trust_propensity"],
        traits["member_expectation"],
        s["support"],
        autonomy,
        mean_autonomy,
        split,
        p,
    )
    s["trust"] = dyn.next_trust(s["trust"], target, s["phase"], s["plasticity"], p)
    s["motivation"] = dyn.next_motivation(s["motivation"], s["trust"], autonomy, p)
    s["skill"] = dyn.next_skill(s["skill"], traits["ability"], autonomy, p)
    s["safety"] = dyn.next_safety(
        s["safety"], s["trust"], traits["safety_propensity"], traits["climate"], split, p
    )
    # 7. a problem is reported if it feels safe; hidden ones may flare up into fires
    reported, hidden = dyn.meet_problem(s["safety"], draw(Draw.PROBLEM), p)
    fire, solved = dyn.escalate(s["problems_hidden"], draw(Draw.ESCALATION), p)
    s["problems_reported"] = reported
    s["problems_hidden"] = s["problems_hidden"] - fire - solved + hidden
    s["fire"] = fire
    # 8. the relationship settles: its quality, whether it still changes, its phase and group
    quality = dyn.lmx(s["leader_trust"], s["trust"])
    s["plasticity"] = dyn.next_plasticity(s["plasticity"], quality - s["lmx"], p)
    s["phase"] = dyn.next_phase(s["phase"], s["contacts"], quality, p)
    s["lmx"] = quality
    s["group"] = dyn.group(quality, s["phase"], p)
    s["fires"] = np.sum(fire, axis=-1)
    s["differentiation"] = dyn.differentiation(quality)
    return s
