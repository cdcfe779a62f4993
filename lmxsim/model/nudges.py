"""Nudges: what interventions change in one week, one value per member.

Interventions never touch model state directly. Each active intervention
writes into a `Nudges` for the week; the Mesa model and the batch engine both
read the same nudges at the same points of the week, so an intervention works
identically in both engines. Arrays have the member axis last and may carry
leading replication axes.
"""

from __future__ import annotations

from dataclasses import dataclass, fields, replace

import numpy as np


@dataclass
class Nudges:
    # one-off changes at the start of the week
    confidence_cap: np.ndarray  # leader confidence is lowered to at most this
    reopen: np.ndarray  # re-open role-making: mature -> acquaintance, plasticity back to 1
    trust_bonus: np.ndarray  # added once to the member's trust
    support_floor: np.ndarray  # felt support raised to at least this
    # changes to how this week runs
    guaranteed_contact: np.ndarray  # the leader surely meets this member
    bias_factor: np.ndarray  # multiplies confirmation bias (0 = none this week)
    clarity: np.ndarray  # multiplies observation noise (<1: expectations are clear)
    autonomy_target: np.ndarray  # autonomy aims here instead of at leader trust (nan = no)
    autonomy_boost: np.ndarray  # extra latitude this week
    told: np.ndarray  # what the leader is told of this member's potential (nan = nothing)

    @classmethod
    def neutral(cls, shape: tuple[int, ...]) -> Nudges:
        return cls(
            confidence_cap=np.ones(shape),
            reopen=np.zeros(shape, dtype=bool),
            trust_bonus=np.zeros(shape),
            support_floor=np.zeros(shape),
            guaranteed_contact=np.zeros(shape, dtype=bool),
            bias_factor=np.ones(shape),
            clarity=np.ones(shape),
            autonomy_target=np.full(shape, np.nan),
            autonomy_boost=np.zeros(shape),
            told=np.full(shape, np.nan),
        )

    @classmethod
    def calm(cls) -> Nudges:
        """A week without interventions, as 0-d arrays: what `neutral` gives, with fewer array
        operations (no autonomy target and nothing told is what None says, without an isnan pass)."""
        return replace(cls.neutral(()), autonomy_target=None, told=None)  # type: ignore[arg-type]

    def is_neutral(self) -> bool:
        neutral = Nudges.neutral(self.confidence_cap.shape)
        return all(
            np.array_equal(getattr(self, f.name), getattr(neutral, f.name), equal_nan=True)
            for f in fields(self)
        )
