"""The equations of the model, as pure functions.

Every function works on plain floats and on numpy arrays alike: the Mesa
agents call them for one member, the batch engine for (replications x members)
arrays. Team-level inputs (sums, spreads) take the member axis last. Nothing
here draws random numbers; the draws come in as uniforms (see `Draw`), so both
engines consume the same numbers in the same order.

Symbols in the comments follow docs/ODD.md section 7.
"""

from __future__ import annotations

from enum import IntEnum

import numpy as np
from scipy.special import ndtri


# One week of luck for one member is DRAWS_PER_MEMBER uniforms, in this order.
class Draw(IntEnum):
    CONTACT = 0  # does the leader find time for this member?
    PERFORMANCE = 1  # luck in this week's output
    OBSERVATION = 2  # how the leader misreads the work
    PROBLEM = 3  # does a problem come up, and is it reported?
    ESCALATION = 4  # does a hidden problem flare up or get solved?


DRAWS_PER_MEMBER = len(Draw)


class Phase(IntEnum):
    """Leadership-making phases (Graen & Uhl-Bien 1995)."""

    STRANGER = 0
    ACQUAINTANCE = 1
    MATURE = 2


PHASE_NAMES = ("stranger", "acquaintance", "mature")


def phase_learning(phase, p):
    """Impressions form fast among strangers, are tested in acquaintance, settle in maturity."""
    return np.where(
        phase == Phase.STRANGER,
        1.0,
        np.where(phase == Phase.ACQUAINTANCE, p.acquaintance_learning, p.mature_learning),
    )


class Group(IntEnum):
    OUT = 0
    MIDDLE = 1
    IN = 2


GROUP_NAMES = ("out", "middle", "in")


def normal(uniform):
    """Standard normal from a uniform (inverse CDF), so normals share the uniform stream."""
    return ndtri(np.clip(uniform, 1e-12, 1 - 1e-12))


def clip01(x):
    return np.minimum(np.maximum(x, 0.0), 1.0)


# --- 1. attention -------------------------------------------------------------------


def contact_probability(leader_trust, fires, p, guaranteed=False):
    """The in-group is seen more; fires crowd out relationship work. Member axis last."""
    team_size = np.shape(leader_trust)[-1]
    # the tiny constant keeps shares defined when nobody is trusted and attention is all trust-driven
    weight = p.attention_equality + leader_trust + 1e-12
    share = weight / np.sum(weight, axis=-1, keepdims=True)
    firefighting = np.maximum(0.2, 1.0 - 0.1 * np.asarray(fires)[..., None] / team_size)
    probability = np.minimum(1.0, p.attention_budget * team_size * share * firefighting)
    return np.where(guaranteed, 1.0, probability)


# --- 2. autonomy --------------------------------------------------------------------


def next_autonomy(autonomy, leader_trust, p, target=None, boost=0.0):
    """Autonomy follows the leader's trust slowly; with the loop cut it is fixed by rule.

    `target` replaces leader trust as what autonomy moves toward (equal latitude);
    `boost` is extra latitude handed out this week (stretch assignment).
    """
    aim = leader_trust if target is None else np.where(np.isnan(target), leader_trust, target)
    following = autonomy + p.autonomy_rate * (aim - autonomy)
    granted = np.where(p.autonomy_follows_trust, following, p.fixed_autonomy)
    return clip01(granted + boost)


# --- 3. work ------------------------------------------------------------------------


def effort(motivation, p):
    return p.effort_floor + (1.0 - p.effort_floor) * motivation**0.58


def opportunity(autonomy, p):
    """Routine work (low autonomy) leaves little room to use or show ability."""
    return p.opportunity_floor + (1.0 - p.opportunity_floor) * autonomy**0.53


def work(skill, motivation, autonomy, p):
    """This week's work: its output (skill x effort x opportunity) and how much of the
    member's competence it shows. Routine work hides ability less than it limits output."""
    engaged = skill * effort(motivation, p)
    room = opportunity(autonomy, p)
    return engaged * room, engaged * (1.0 - 0.73 * (1.0 - room))


def performance(output, fires_per_member, luck, p):
    """Output plus luck, minus what fires cost."""
    return clip01(output + p.performance_noise * normal(luck) - p.fire_cost * fires_per_member)


# --- 4. the leader observes ---------------------------------------------------------


def observation_noise(autonomy, p, clarity=1.0):
    """Routine work says little about ability; clear expectations make it say more."""
    return (p.observation_noise + p.routine_noise * (1.0 - autonomy)) * clarity


def observed_competence(shown, challenge, noise_sd, luck, p):
    """What the leader sees: shown competence, coloured by what the leader values.

    Scaled so a typical performer reads near .75 rather than saturating at 1.
    """
    colour = 0.15 * p.values_challenge * (challenge - 0.5)
    return clip01(shown / 0.75 + colour + noise_sd * normal(luck))


def update_impression(
    impression,
    confidence,
    observed,
    noise_sd,
    contact,
    phase,
    plasticity,
    reference,
    p,
    bias_factor=1.0,
):
    """Bayesian-flavoured update with anchoring and confirmation bias.

    Evidence weight shrinks with confidence (anchoring), with noise, in later
    phases and in settled relationships; evidence that contradicts the leader's
    view of this member relative to the team (`reference`) is discounted.
    Returns (impression, confidence).
    """
    clarity = 0.24**2 / (0.24**2 + noise_sd**2)
    disconfirms = (observed - impression) * (impression - reference) < 0
    discount = 1.0 - p.confirmation_bias * bias_factor * disconfirms
    weight = p.belief_rate * phase_learning(phase, p) * plasticity * (1.0 - confidence) * clarity * discount
    new_impression = impression + contact * weight * (observed - impression)
    new_confidence = confidence + contact * p.confidence_gain * clarity * (1.0 - confidence)
    return new_impression, new_confidence


def next_leader_trust(leader_trust, impression, p):
    return leader_trust + p.leader_trust_rate * (impression - leader_trust)


# --- 6. the member responds ---------------------------------------------------------


def next_support(support, contact, shown_trust, p):
    """Felt support moves toward the trust the leader shows, in contacts only."""
    return support + p.support_rate * contact * (shown_trust - support)


def trust_target(propensity, support, autonomy, mean_autonomy, differentiation, p):
    """Own propensity, support received, fairness against peers, team split."""
    unfairness = np.minimum(autonomy - mean_autonomy, 0.0)
    return clip01(
        0.3 * propensity
        + 0.7 * support
        + p.unfairness_weight * unfairness
        - p.differentiation_weight * differentiation
    )


def next_trust(trust, target, phase, plasticity, p):
    return trust + p.trust_rate * phase_learning(phase, p) * plasticity * (target - trust)


def next_motivation(motivation, trust, autonomy):
    """Self-determination: trust and autonomy drive engagement."""
    return motivation + 0.3 * (0.2 + 0.8 * (0.58 * trust + 0.42 * autonomy) - motivation)


def next_skill(skill, ability, autonomy, contact, shown_trust, p):
    """Skill grows toward ability with chances (autonomy) and coaching (trusted contact)."""
    chances = np.minimum(1.0, autonomy + 0.89 * contact * shown_trust)
    return np.minimum(ability, skill + p.skill_rate * chances * (ability - skill))


def next_safety(safety, trust, differentiation, p):
    target = clip01(0.39 + 0.56 * trust - p.safety_differentiation_weight * differentiation)
    return safety + 0.3 * (target - safety)


# --- 7. problems and fires ----------------------------------------------------------


def reporting_chance(safety):
    """Edmondson 1996: detected problems = actual problems x reporting rate."""
    return 0.1 + 0.8 * safety


def meet_problem(safety, luck, p):
    """One uniform decides: no problem, a reported one, or a hidden one. Returns (reported, hidden)."""
    reported_below = p.problem_rate * reporting_chance(safety)
    reported = luck < reported_below
    hidden = (luck >= reported_below) & (luck < p.problem_rate)
    return reported.astype(np.int64), hidden.astype(np.int64)


def escalate(hidden_stock, luck, p):
    """At most one of a member's hidden problems flares up, or else one is quietly solved.

    Returns (fire, solved) as 0/1.
    """
    flare = 1.0 - (1.0 - p.fire_chance) ** hidden_stock
    solve = (1.0 - flare) * (1.0 - (1.0 - p.resolve_chance) ** hidden_stock)
    fire = luck < flare
    solved = (luck >= flare) & (luck < flare + solve)
    return fire.astype(np.int64), solved.astype(np.int64)


# --- 8. the relationship ------------------------------------------------------------


def lmx(leader_trust, trust):
    """Relationship quality: symmetric in both sides' trust (geometric mean)."""
    return np.sqrt(leader_trust * trust)


def lmx7(quality):
    """The LMX-7 questionnaire scale, 7 to 35."""
    return 7.0 + 28.0 * quality


def next_plasticity(plasticity, lmx_change, p):
    """'The bandwidth is fixed': a relationship that stops changing loses plasticity."""
    settling = np.abs(lmx_change) < p.settle_threshold
    faded = p.plasticity_floor + (plasticity - p.plasticity_floor) * (1.0 - p.settle_speed)
    return np.where(settling, faded, plasticity)


def next_phase(phase, contacts, quality, plasticity, p):
    """Stranger -> acquaintance after enough contacts; -> mature once high and settled."""
    to_acquaintance = (phase == Phase.STRANGER) & (contacts >= p.contacts_to_acquaintance)
    to_mature = (phase == Phase.ACQUAINTANCE) & (quality >= p.mature_lmx) & (plasticity < 0.6)
    return np.where(to_acquaintance, Phase.ACQUAINTANCE, np.where(to_mature, Phase.MATURE, phase))


def group(quality, phase, p):
    """In / middle / out by LMX. Strangers are not sorted yet: leaders sort members into
    in- and out-group while they get acquainted (Graen & Uhl-Bien 1995)."""
    by_quality = np.where(
        quality >= p.in_group_lmx, Group.IN, np.where(quality < p.out_group_lmx, Group.OUT, Group.MIDDLE)
    )
    return np.where(phase == Phase.STRANGER, Group.MIDDLE, by_quality)


def differentiation(quality):
    """LMX differentiation: the spread (population SD) of LMX in the team, member axis last."""
    return np.std(quality, axis=-1)


# --- start of a relationship and one-off changes by interventions --------------------


def initial_members(ability, first_impression, propensity, p):
    """Member-side state on day one (the leader's side starts at the first impression)."""
    trust = np.asarray(propensity, dtype=float)
    autonomy = np.where(p.autonomy_follows_trust, p.initial_autonomy, p.fixed_autonomy) + 0 * trust
    return {
        "skill": 0.95 * np.asarray(ability, dtype=float),
        "trust": trust,
        "support": p.initial_support + 0 * trust,
        "autonomy": autonomy,
        "motivation": 0.2 + 0.8 * (0.58 * trust + 0.42 * autonomy),
        "safety": clip01(0.39 + 0.56 * trust),
    }


def reopen_phase(phase, reopen):
    """Re-opening role-making moves a mature partnership back to acquaintance."""
    return np.where(reopen & (phase == Phase.MATURE), Phase.ACQUAINTANCE, phase)


def reopen_plasticity(plasticity, reopen):
    return np.where(reopen, 1.0, plasticity)


def initial_leader_trust(first_impression, p):
    """Strangers get the same guarded trust; the first impression works through the impression."""
    return p.initial_leader_trust + 0.0 * np.asarray(first_impression, dtype=float)
