"""The leader and the employees, as Mesa agents.

The equations live in dynamics.py; here they are put in the order of a
working week. Updates are simultaneous: every method reads last week's state
of the others (the model hands out this week's shared facts first), so the
order in which employees act does not matter.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import mesa
import numpy as np

from lmxsim import dynamics as dyn
from lmxsim.dynamics import Draw

if TYPE_CHECKING:
    from lmxsim.model import LMXModel
    from lmxsim.nudges import Nudges
    from lmxsim.team import Member


class Employee(mesa.Agent):
    """A team member: works, is seen (or not) by the leader, and responds to how they are treated."""

    def __init__(self, model: LMXModel, member: Member, index: int, start: dict[str, np.ndarray]) -> None:
        """`start` is the team's starting state (dynamics.initial_state); this member is row `index`."""
        super().__init__(model)
        self.index = index
        self.name = member.name
        self.ability = member.ability
        self.first_impression = member.first_impression
        self.challenge = member.challenge
        self.trust_propensity = member.trust_propensity
        self.member_expectation = member.member_expectation
        self.safety_propensity = member.safety_propensity
        self.skill = float(start["skill"][index])
        self.trust = float(start["trust"][index])
        self.support = float(start["support"][index])
        self.autonomy = float(start["autonomy"][index])
        self.motivation = float(start["motivation"][index])
        self.safety = float(start["safety"][index])
        self.performance = 0.0
        self.shown = 0.0  # how much competence this week's work let the leader see
        self.phase = int(start["phase"][index])
        self.plasticity = float(start["plasticity"][index])
        self.contacts = int(start["contacts"][index])
        self.contact = False
        self.shown_trust = 0.0  # the leader's trust as this member felt it in this week's contact
        self.hidden_stock = 0
        self.problems_reported = 0
        self.fire = 0
        self.lmx = float(start["lmx"][index])
        self.group = int(start["group"][index])
        self.luck = np.zeros(dyn.DRAWS_PER_MEMBER)

    # --- what the leader sees of this member (for reporting) ---
    @property
    def leader_impression(self) -> float:
        return float(self.model.leader.impression[self.index])

    @property
    def leader_trust(self) -> float:
        return float(self.model.leader.trust[self.index])

    @property
    def lmx7(self) -> float:
        return float(dyn.lmx7(self.lmx))

    @property
    def phase_name(self) -> str:
        return dyn.PHASE_NAMES[self.phase]

    @property
    def group_name(self) -> str:
        return dyn.GROUP_NAMES[self.group]

    # --- the week ---
    def take_nudges(self, nudges: Nudges) -> None:
        """One-off changes an intervention makes at the start of the week."""
        i, p = self.index, self.model.params
        self.phase = int(dyn.reopen_phase(self.phase, nudges.reopen[i]))
        self.plasticity = float(dyn.reopen_plasticity(self.plasticity, nudges.reopen[i]))
        self.trust = float(dyn.clip01(self.trust + nudges.trust_bonus[i]))
        self.support = max(self.support, float(nudges.support_floor[i]))
        del p

    def work(self) -> None:
        """Performance = skill x effort x opportunity + luck, minus the cost of fires."""
        p = self.model.params
        output, self.shown = dyn.work(self.skill, self.motivation, self.autonomy, p)
        self.performance = float(
            dyn.performance(output, self.model.fires / self.model.team_size, self.luck[Draw.PERFORMANCE], p)
        )

    def respond(self) -> None:
        """Felt support, trust, motivation, skill and safety follow how the week went."""
        p, model = self.model.params, self.model
        self.support = float(dyn.next_support(self.support, self.contact, self.shown_trust, p))
        target = dyn.trust_target(
            self.trust_propensity,
            self.member_expectation,
            self.support,
            self.autonomy,
            model.mean_autonomy,
            model.differentiation,
            p,
        )
        self.trust = float(dyn.next_trust(self.trust, target, self.phase, self.plasticity, p))
        self.motivation = float(dyn.next_motivation(self.motivation, self.trust, self.autonomy, p))
        self.skill = float(
            dyn.next_skill(self.skill, self.ability, self.autonomy, self.contact, self.shown_trust, p)
        )
        self.safety = float(
            dyn.next_safety(
                self.safety, self.trust, self.safety_propensity, model.climate, model.differentiation, p
            )
        )

    def meet_problems(self) -> None:
        """Report a problem if it feels safe; hidden problems may flare up into fires."""
        p = self.model.params
        reported, hidden = dyn.meet_problem(self.safety, self.luck[Draw.PROBLEM], p)
        fire, solved = dyn.escalate(self.hidden_stock, self.luck[Draw.ESCALATION], p)
        self.problems_reported = int(reported)
        self.fire = int(fire)
        self.hidden_stock = int(self.hidden_stock - fire - solved + hidden)

    def settle(self) -> None:
        """The relationship: its quality, whether it is still changing, and its phase."""
        p = self.model.params
        quality = float(dyn.lmx(self.leader_trust, self.trust))
        self.plasticity = float(dyn.next_plasticity(self.plasticity, quality - self.lmx, p))
        self.phase = int(dyn.next_phase(self.phase, self.contacts, quality, self.plasticity, p))
        self.lmx = quality
        self.group = int(dyn.group(quality, self.phase, p))


class Leader(mesa.Agent):
    """The leader holds a view of each member: impression, confidence and trust.

    Views are arrays in member order, because attention is shared out over
    the whole team at once.
    """

    def __init__(self, model: LMXModel, start: dict[str, np.ndarray]) -> None:
        """`start` is the team's starting state (dynamics.initial_state)."""
        super().__init__(model)
        self.impression = np.array(start["leader_impression"], dtype=float)
        self.confidence = np.array(start["confidence"], dtype=float)
        self.trust = np.array(start["leader_trust"], dtype=float)

    def take_nudges(self, nudges: Nudges) -> None:
        self.confidence = np.minimum(self.confidence, nudges.confidence_cap)

    def spend_attention(self, employees: list[Employee], nudges: Nudges) -> None:
        """Meet members, more often those trusted and those who raised a problem; fires eat the time."""
        raised = np.array([m.problems_reported for m in employees])
        chance = dyn.contact_probability(
            self.trust, self.model.fires, self.model.params, nudges.guaranteed_contact, raised
        )
        for member in employees:
            member.contact = bool(member.luck[Draw.CONTACT] < chance[member.index])
            member.contacts += member.contact
            member.shown_trust = float(self.trust[member.index])

    def grant_autonomy(self, employees: list[Employee], nudges: Nudges) -> None:
        """Latitude follows the leader's trust, slowly (or a rule, if an intervention says so)."""
        autonomy = np.array([m.autonomy for m in employees])
        granted = dyn.next_autonomy(
            autonomy,
            self.trust,
            self.model.params,
            target=nudges.autonomy_target,
            boost=nudges.autonomy_boost,
        )
        for member in employees:
            member.autonomy = float(granted[member.index])

    def observe(self, employees: list[Employee], nudges: Nudges) -> None:
        """Update impressions of the members met, through anchoring and confirmation bias."""
        p = self.model.params

        def column(attribute: str) -> np.ndarray:
            return np.array([getattr(m, attribute) for m in employees])

        autonomy = column("autonomy")
        noise = dyn.observation_noise(autonomy, p, nudges.clarity)
        observed = dyn.observed_competence(
            column("shown"),
            column("challenge"),
            noise,
            np.array([m.luck[Draw.OBSERVATION] for m in employees]),
            p,
        )
        self.impression, self.confidence = dyn.update_impression(
            self.impression,
            self.confidence,
            observed,
            noise,
            column("contact"),
            column("phase"),
            column("plasticity"),
            np.mean(self.impression),
            p,
            bias_factor=nudges.bias_factor,
        )
        self.trust = dyn.next_leader_trust(self.trust, self.impression, p)
