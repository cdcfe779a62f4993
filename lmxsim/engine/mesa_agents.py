"""The leader and the employees, as Mesa agents.

A week happens in week.py, once, for the whole team at the same time (attention is
shared out over everyone; updates are simultaneous, every step reading last week's state
of the others). The agents are the people of that week: each employee is their row of
the team's state, with their traits; the leader is the leader's view of each member.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import mesa
import numpy as np

from lmxsim.model import dynamics as dyn

if TYPE_CHECKING:
    from lmxsim.team.members import Member


class TeamModel(mesa.Model):
    """A Mesa model whose team state the agents are rows of: LMXModel (model.py) is one.

    Named here so that the agents need not import the model that imports them.
    """

    state: dict[str, np.ndarray]


class _Row:
    """One state variable of one member: their row of the model's state array (week.py
    replaces the arrays every week; the agent reads the current one)."""

    def __init__(self, key: str | None = None, kind: type = float) -> None:
        self.key, self.kind = key or "", kind

    def __set_name__(self, owner: type, name: str) -> None:
        self.key = self.key or name

    def __get__(self, member: Employee | None, owner: type | None = None) -> Any:
        if member is None:
            return self
        return self.kind(member.model.state[self.key][member.index])


class Employee(mesa.Agent):
    """A team member: works, is seen (or not) by the leader, and responds to how they are treated."""

    model: TeamModel

    # how the member is doing (week.py)
    skill = _Row()
    trust = _Row()  # in the leader
    support = _Row()  # felt
    autonomy = _Row()
    motivation = _Row()
    safety = _Row()  # to speak up
    performance = _Row()
    problems_reported = _Row(kind=int)
    hidden_stock = _Row("problems_hidden", int)
    fire = _Row(kind=int)  # a hidden problem flared up this week
    # the relationship
    phase = _Row(kind=int)
    plasticity = _Row()
    contacts = _Row(kind=int)
    lmx = _Row()
    group = _Row(kind=int)
    # what the leader sees of this member
    leader_impression = _Row()
    leader_trust = _Row()

    def __init__(self, model: TeamModel, member: Member, index: int) -> None:
        """This member is row `index` of the model's state."""
        super().__init__(model)
        self.index = index
        self.name = member.name
        self.ability = member.ability
        self.first_impression = member.first_impression
        self.challenge = member.challenge
        self.trust_propensity = member.trust_propensity
        self.member_expectation = member.member_expectation
        self.safety_propensity = member.safety_propensity

    @property
    def lmx7(self) -> float:
        return float(dyn.lmx7(self.lmx))

    @property
    def phase_name(self) -> str:
        return dyn.PHASE_NAMES[self.phase]

    @property
    def group_name(self) -> str:
        return dyn.GROUP_NAMES[self.group]


class Leader(mesa.Agent):
    """The leader holds a view of each member: impression, confidence and trust.

    Views are arrays in member order, because attention is shared out over
    the whole team at once.
    """

    model: TeamModel

    @property
    def impression(self) -> np.ndarray:
        return self.model.state["leader_impression"]

    @property
    def confidence(self) -> np.ndarray:
        return self.model.state["confidence"]

    @property
    def trust(self) -> np.ndarray:
        return self.model.state["leader_trust"]
