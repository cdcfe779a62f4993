"""An intervention at a different strength: its effect scaled, its schedule and targets unchanged.

The strengths in the catalogue are assumptions (docs/interventions.md), so the strategy
lab reruns comparisons with every intervention weaker and stronger (robustness.py).
`Scaled` wraps an intervention and moves each graded nudge it writes by `strength`
times the change the intervention made: at 0.5 a clarity factor of .8 becomes .9, at
1.5 it becomes .7; an autonomy target moves toward or past the leader's trust, where
autonomy would aim without it. On/off parts (a guaranteed contact, re-opening the
role) cannot be half done and stay as they are; values are kept inside their ranges.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import ClassVar

import numpy as np

from lmxsim.interventions.catalogue import Intervention, WeekView
from lmxsim.model.nudges import Nudges

# graded nudges and the range each must stay in
GRADED: dict[str, tuple[float, float]] = {
    "confidence_cap": (0.0, 1.0),
    "trust_bonus": (-1.0, 1.0),
    "support_floor": (0.0, 1.0),
    "bias_factor": (0.0, np.inf),
    "clarity": (0.05, np.inf),
    "autonomy_boost": (0.0, 1.0),
}


@dataclass
class Scaled(Intervention):
    """`inner` with every graded effect scaled by `strength` (1: unchanged)."""

    inner: Intervention | None = None
    strength: float = 1.0

    key: ClassVar[str] = "scaled"

    def nudge(self, nudges: Nudges, who: np.ndarray, weeks_in: int, view: WeekView) -> None:
        assert self.inner is not None
        before = {name: np.array(getattr(nudges, name)[who]) for name in (*GRADED, "autonomy_target")}
        self.inner.nudge(nudges, who, weeks_in, view)
        s = self.strength
        for name, (low, high) in GRADED.items():
            after = getattr(nudges, name)[who]
            getattr(nudges, name)[who] = np.clip(before[name] + s * (after - before[name]), low, high)
        after = nudges.autonomy_target[who]
        trust = np.broadcast_to(view.trust_of_leader(), np.shape(who))[who]
        origin = np.where(np.isnan(before["autonomy_target"]), trust, before["autonomy_target"])
        moved = np.clip(origin + s * (after - origin), 0.0, 1.0)
        nudges.autonomy_target[who] = np.where(np.isnan(after), after, moved)

    @property
    def spec(self) -> str:
        assert self.inner is not None
        return self.inner.spec

    @property
    def label(self) -> str:
        return self.spec


def scaled(interventions: Sequence[Intervention], strength: float) -> tuple[Intervention, ...]:
    """The interventions at `strength` (the same objects when strength is 1)."""
    if strength == 1:
        return tuple(interventions)
    return tuple(
        Scaled(
            target=i.target,
            start=i.start,
            every=i.every,
            duration=i.duration,
            inner=i,
            strength=float(strength),
        )
        for i in interventions
    )
