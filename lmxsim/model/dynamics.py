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
# Structural numbers, not behaviour: the scale the leader reads work on (a typical
# performer reads near .75, so observations do not saturate at 1), how strongly a leader's
# preference for challengers colours that reading at its extreme, and the engagement of a
# member with no trust and no autonomy (motivation is 0..1 above it).
OBSERVATION_SCALE = 0.75
VALUES_COLOUR = 0.15
MOTIVATION_FLOOR = 0.2


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


# In the tables (the theory's names); what people read is in the text catalogue (`phase_<name>`).
PHASE_NAMES = ("stranger", "acquaintance", "mature")


# Strangers take in every exchange in full (role-taking); once roles are being made, learning
# slows to `acquaintance_learning`, and a settled relationship slows further through its plasticity.
STRANGER_LEARNING = 1.0


def phase_learning(phase, p):
    """How open each phase is to evidence: roles are taken in full, then tested and negotiated
    (acquaintance), and the mature partnership learns at the same rate, slowed by settling."""
    later = p.acquaintance_learning
    if np.ndim(later) == 0 and np.asarray(phase).dtype.kind == "i":  # one parameter set: look the
        # phase up (a tenth of the time of np.where)
        return np.array((STRANGER_LEARNING, later, later))[phase]
    return np.where(phase == Phase.STRANGER, STRANGER_LEARNING, later)


class Group(IntEnum):
    OUT = 0
    MIDDLE = 1
    IN = 2


GROUP_NAMES = ("out", "middle", "in")


def normal(uniform):
    """Standard normal from a uniform (inverse CDF), so normals share the uniform stream."""
    return ndtri(np.clip(uniform, 1e-12, 1 - 1e-12))


def clip01(x):
    return np.clip(x, 0.0, 1.0)


# --- 1. attention -------------------------------------------------------------------


def contact_probability(leader_trust, fires, p, guaranteed=False, raised_problem=0):
    """The in-group is seen more; fires crowd out relationship work; a member who raised a
    problem last week is likely to get a real conversation about it. Member axis last."""
    team_size = np.shape(leader_trust)[-1]
    # a share of the attention is spread evenly, the rest follows the leader's trust (the tiny
    # constant keeps the trust-driven part defined when nobody is trusted at all)
    weight = leader_trust + 1e-12
    trusted = weight / np.sum(weight, axis=-1, keepdims=True)
    share = p.attention_equality / team_size + (1.0 - p.attention_equality) * trusted
    firefighting = np.maximum(0.0, 1.0 - p.firefighting_weight * np.asarray(fires)[..., None] / team_size)
    probability = np.minimum(1.0, p.attention_budget * team_size * share * firefighting)
    talk = p.problem_contact * np.minimum(raised_problem, 1)
    probability = probability + (1.0 - probability) * talk
    return np.where(guaranteed, 1.0, probability)


# --- 2. autonomy --------------------------------------------------------------------


def next_autonomy(autonomy, leader_trust, p, target=None, boost=0.0):
    """Autonomy follows the leader's trust slowly; with the loop cut everyone keeps the latitude
    a newcomer starts with.

    `target` replaces leader trust as what autonomy moves toward (equal latitude);
    `boost` is extra latitude handed out this week (stretch assignment).
    """
    aim = leader_trust if target is None else np.where(np.isnan(target), leader_trust, target)
    following = autonomy + p.autonomy_rate * (aim - autonomy)
    granted = np.where(p.autonomy_follows_trust, following, p.initial_autonomy)
    return clip01(granted + boost)


# --- 3. work ------------------------------------------------------------------------


def effort(motivation, p):
    return p.effort_floor + (1.0 - p.effort_floor) * motivation**p.effort_curve


def opportunity(autonomy, p):
    """Routine work (low autonomy) leaves little room to use or show ability."""
    return p.opportunity_floor + (1.0 - p.opportunity_floor) * autonomy**p.opportunity_curve


def all_on(flag) -> bool:
    """Is a causal path on for every replication? (The usual case, and the fast path.)"""
    return bool(np.all(flag))


# The trust a member is treated with when treatment does not count (a rival model): the
# middle of the scale, as for a member the leader treats like everyone else.
UNTREATED_TRUST = 0.5


def untreated_motivation(p):
    """The drive of a member whose trust and latitude the leader's treatment did not shape."""
    return motivation_target(UNTREATED_TRUST, p.initial_autonomy, p)


def work(skill, motivation, autonomy, p):
    """This week's work: its output (skill x effort x opportunity) and how much of the
    member's competence it shows. Routine work hides ability less than it limits output.

    Two rival models cut a path here: without `treatment_shapes_work` the member works as
    if treated alike (the latitude and drive the leader's treatment gave do not count);
    without `belief_reads_treated_work` the leader reads the work as it would be with
    the same latitude and drive for everyone (output is untouched)."""
    engaged = skill * effort(motivation, p)
    room = opportunity(autonomy, p)
    output, shown = engaged * room, engaged * (1.0 - p.routine_hides * (1.0 - room))
    if all_on(p.treatment_shapes_work) and all_on(p.belief_reads_treated_work):
        return output, shown
    alike = skill * effort(untreated_motivation(p), p)
    alike_room = opportunity(p.initial_autonomy, p)
    treated = np.asarray(p.treatment_shapes_work)
    output = np.where(treated, output, alike * alike_room)
    shown = np.where(treated, shown, alike * (1.0 - p.routine_hides * (1.0 - room)))
    as_if_alike = alike * (1.0 - p.routine_hides * (1.0 - alike_room))
    return output, np.where(p.belief_reads_treated_work, shown, as_if_alike)


def performance(output, fires_per_member, luck, p):
    """Output plus luck, minus what fires cost."""
    return clip01(output + p.performance_noise * normal(luck) - p.fire_cost * fires_per_member)


# --- 4. the leader observes ---------------------------------------------------------


def observation_noise(autonomy, p, clarity=1.0):
    """Routine work says little about ability; clear expectations make it say more.
    (Rival no-confirmation: the work is read as if everyone had the same latitude.)"""
    if not all_on(p.belief_reads_treated_work):
        autonomy = np.where(p.belief_reads_treated_work, autonomy, p.initial_autonomy)
    return (p.observation_noise + p.routine_noise * (1.0 - autonomy)) * clarity


def observed_competence(shown, challenge, noise_sd, luck, p):
    """What the leader sees: shown competence, coloured by what the leader values.

    Scaled so a typical performer reads near .75 rather than saturating at 1.
    """
    colour = VALUES_COLOUR * p.values_challenge * (challenge - 0.5)
    return clip01(shown / OBSERVATION_SCALE + colour + noise_sd * normal(luck))


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
    The confidence (from `initial_confidence` at the start) is the only scale on the leader's
    learning: a separate learning rate would be a second name for it (docs/ODD.md 7.13).
    Returns (impression, confidence).
    """
    clarity = p.clear_evidence_sd**2 / (p.clear_evidence_sd**2 + noise_sd**2)
    # Where the leader places this member relative to the team; a member at the team's mean
    # (to rounding: the engines sum in different orders) has no label to contradict.
    placed = impression - reference
    placed = np.where(np.abs(placed) < 1e-12, 0.0, placed)
    disconfirms = (observed - impression) * placed < 0
    discount = 1.0 - p.confirmation_bias * bias_factor * disconfirms
    weight = phase_learning(phase, p) * plasticity * (1.0 - confidence) * clarity * discount
    if not all_on(p.impression_learns):  # rival static-labels: nothing the leader sees counts
        contact = contact * np.asarray(p.impression_learns, dtype=float)
    new_impression = impression + contact * weight * (observed - impression)
    new_confidence = confidence + contact * p.confidence_gain * clarity * (1.0 - confidence)
    return new_impression, new_confidence


def hear_about(impression, confidence, told, phase, plasticity, reference, p):
    """The leader is told something about a member's potential (Eden's Pygmalion experiments:
    "this person has high potential"). It is evidence about the person, weighed as every
    other evidence is (update_impression: anchoring, phase, plasticity, confirmation bias),
    as clear as work seen with full latitude; nothing in the member changes. `told` is the
    reading the leader is given, nan where nothing is told. Returns (impression, confidence)."""
    heard = ~np.isnan(told)
    observed = np.where(heard, told, impression)
    return update_impression(
        impression, confidence, observed, p.observation_noise, heard * 1.0, phase, plasticity, reference, p
    )


def next_leader_trust(leader_trust, impression, p):
    """Trust is earned in exchanges: it follows the impression, not at once."""
    return leader_trust + p.leader_trust_rate * (impression - leader_trust)


# --- 6. the member responds ---------------------------------------------------------


def next_support(support, contact, shown_trust, p):
    """Felt support moves toward the trust the leader shows, in contacts only."""
    return support + p.support_rate * contact * (shown_trust - support)


def trust_target(propensity, expectation, support, autonomy, mean_autonomy, differentiation, p):
    """Own propensity, own expectation of this leader, support received, fairness against
    peers, team split. The member's expectation keeps colouring how they read the leader
    (Liden, Wayne & Stilwell 1993: it still predicted LMX at six months)."""
    unfairness = np.minimum(autonomy - mean_autonomy, 0.0)
    support_weight = 1.0 - p.propensity_weight - p.member_expectation_weight
    return clip01(
        p.propensity_weight * propensity
        + p.member_expectation_weight * expectation
        + support_weight * support
        + p.unfairness_weight * unfairness
        - p.differentiation_weight * differentiation
    )


def next_trust(trust, target, phase, plasticity, p):
    return trust + p.trust_rate * phase_learning(phase, p) * plasticity * (target - trust)


def motivation_target(trust, autonomy, p):
    """Self-determination: trust and autonomy drive engagement."""
    drive = p.motivation_trust_share * trust + (1.0 - p.motivation_trust_share) * autonomy
    return MOTIVATION_FLOOR + (1.0 - MOTIVATION_FLOOR) * drive


def next_motivation(motivation, trust, autonomy, p):
    return motivation + p.motivation_rate * (motivation_target(trust, autonomy, p) - motivation)


def next_skill(skill, ability, autonomy, p):
    """Skill grows toward ability with the chances the work gives (autonomy): the out-group's
    routine work teaches less."""
    chances = autonomy
    if not all_on(p.treatment_shapes_work):  # rival no-pygmalion: growth as if treated alike
        chances = np.where(p.treatment_shapes_work, chances, p.initial_autonomy)
    return np.minimum(ability, skill + p.skill_rate * chances * (ability - skill))


def safety_target(trust, safety_propensity, climate, differentiation, p):
    """Safety to speak up: trust in the leader, one's own disposition, the team's climate,
    and how split the team is (Edmondson 1999; Yu et al. 2018)."""
    return clip01(
        p.safety_base
        + p.safety_trust_weight * (trust - 0.5)
        + p.safety_propensity_weight * (safety_propensity - 0.5)
        + climate
        - p.safety_differentiation_weight * differentiation
    )


def next_safety(safety, trust, safety_propensity, climate, differentiation, p):
    target = safety_target(trust, safety_propensity, climate, differentiation, p)
    return safety + p.safety_rate * (target - safety)


# --- 7. problems and fires ----------------------------------------------------------


def reporting_chance(safety, p):
    """Edmondson 1996: detected problems = actual problems x reporting rate."""
    return p.reporting_floor + p.reporting_safety_weight * safety


def meet_problem(safety, luck, p):
    """One uniform decides: no problem, a reported one, or a hidden one. Returns (reported, hidden)."""
    reported_below = p.problem_rate * clip01(reporting_chance(safety, p))
    reported = luck < reported_below
    hidden = (luck >= reported_below) & (luck < p.problem_rate)
    return reported.astype(np.int64), hidden.astype(np.int64)


def escalate(hidden_stock, luck, p):
    """At most one of a member's hidden problems flares up, or else one is quietly solved.

    Returns (fire, solved) as 0/1.
    """
    flare = 1.0 - _power(1.0 - p.fire_chance, hidden_stock)
    solve = (1.0 - flare) * (1.0 - _power(1.0 - p.resolve_chance, hidden_stock))
    fire = luck < flare
    solved = (luck >= flare) & (luck < flare + solve)
    return fire.astype(np.int64), solved.astype(np.int64)


def _power(base, count):
    """base ** count for whole counts >= 0; one base is raised once per count and looked up
    (the same numbers as elementwise pow, an eighth of its time for the engines' arrays)."""
    count = np.asarray(count)
    if np.ndim(base) or not count.size or not np.issubdtype(count.dtype, np.integer):
        return base**count
    return np.power(base, np.arange(count.max() + 1.0))[count]


# --- 8. the relationship ------------------------------------------------------------


def lmx(leader_trust, trust):
    """Relationship quality: symmetric in both sides' trust (geometric mean)."""
    return np.sqrt(leader_trust * trust)


LMX7_LOW, LMX7_HIGH = 7, 35  # seven items answered 1 to 5


def lmx7(quality):
    """The LMX-7 questionnaire scale, 7 to 35."""
    return LMX7_LOW + (LMX7_HIGH - LMX7_LOW) * quality


def lmx_from_lmx7(score):
    """The model's relationship quality (0..1) for an LMX-7 total (7..35): the inverse of lmx7."""
    return (np.asarray(score, dtype=float) - LMX7_LOW) / (LMX7_HIGH - LMX7_LOW)


def next_plasticity(plasticity, lmx_change, p):
    """'The bandwidth is fixed': a relationship that stops changing loses plasticity."""
    settling = np.abs(lmx_change) < p.settle_threshold
    faded = p.plasticity_floor + (plasticity - p.plasticity_floor) * (1.0 - p.settle_speed)
    return np.where(settling, faded, plasticity)


def next_phase(phase, contacts, quality, p):
    """Stranger -> acquaintance after enough contacts; -> mature once the relationship is high."""
    to_acquaintance = (phase == Phase.STRANGER) & (contacts >= p.contacts_to_acquaintance)
    to_mature = (phase == Phase.ACQUAINTANCE) & (quality >= p.mature_lmx)
    return np.where(to_acquaintance, Phase.ACQUAINTANCE, np.where(to_mature, Phase.MATURE, phase))


def relative_lmx(quality):
    """Each member's LMX minus the team's mean LMX, member axis last: the member's standing
    relative to the team (RLMX; Henderson et al. 2008, Hu & Liden 2013)."""
    return quality - np.mean(quality, axis=-1, keepdims=True)


def group(quality, phase, p):
    """In / middle / out by the member's standing relative to the team (relative LMX), not by
    an absolute score: LMX differentiation studies label members against their own team, so a
    team of able people still has an out-group, and a leader who treats everyone alike has none.
    Strangers are not sorted yet: leaders sort members into in- and out-group while they get
    acquainted (Graen & Uhl-Bien 1995)."""
    relative = relative_lmx(quality)
    by_quality = np.where(
        relative >= p.in_group_rlmx, Group.IN, np.where(relative < p.out_group_rlmx, Group.OUT, Group.MIDDLE)
    )
    return np.where(phase == Phase.STRANGER, Group.MIDDLE, by_quality)


def differentiation(quality):
    """LMX differentiation: the spread (population SD) of LMX in the team, member axis last."""
    return np.std(quality, axis=-1)


# --- start of a relationship and one-off changes by interventions --------------------


def initial_members(ability, propensity, expectation, safety_propensity, climate, p):
    """Member-side state on day one: trust is what the member brings (propensity and
    expectation) plus the support a newcomer assumes; the team is not split yet."""
    ability = np.asarray(ability, dtype=float)
    support = p.initial_support + 0.0 * ability
    trust = trust_target(propensity, expectation, support, 0.0, 0.0, 0.0, p)
    autonomy = p.initial_autonomy + 0.0 * ability
    return {
        "skill": p.initial_skill * ability,
        "trust": trust,
        "support": support,
        "autonomy": autonomy,
        "motivation": motivation_target(trust, autonomy, p),
        "safety": safety_target(trust, safety_propensity, climate, 0.0, p),
    }


def reopen_phase(phase, reopen):
    """Re-opening role-making moves a mature partnership back to acquaintance."""
    return np.where(reopen & (phase == Phase.MATURE), Phase.ACQUAINTANCE, phase)


def reopen_plasticity(plasticity, reopen):
    return np.where(reopen, 1.0, plasticity)


def initial_leader_trust(first_impression, p):
    """Strangers get the same guarded trust; the first impression works through the impression,
    which starts at it (the leader's side of day one)."""
    return p.initial_leader_trust + 0.0 * np.asarray(first_impression, dtype=float)


def initial_confidence(first_impression, p):
    return p.initial_confidence + 0.0 * np.asarray(first_impression, dtype=float)
