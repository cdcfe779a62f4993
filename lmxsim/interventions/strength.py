"""An intervention at a different strength: its effect scaled, its schedule and targets unchanged.

The strengths in the catalogue are assumptions (docs/interventions.md), so the strategy
lab reruns comparisons with every intervention weaker and stronger (robustness.py).
`Scaled` wraps an intervention and moves each graded nudge it writes by `strength`
times the change the intervention made: at 0.5 a clarity factor of .8 becomes .9, at
1.5 it becomes .7; an autonomy target moves toward or past the leader's trust, where
autonomy would aim without it. On/off parts (a guaranteed contact, re-opening the
role) cannot be half done, so below strength 1 they are carried out in that share of
the intervention's acting weeks (at 50%: the 1st, 3rd, 5th, ...; the leader's hours
follow, effort.py); above 1 they stay as they are (they already happen every acting
week). Values are kept inside their ranges.
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

# on/off nudges: scaled by how often they happen (below strength 1), not by how much
ON_OFF: tuple[str, ...] = ("guaranteed_contact", "reopen")


def _on_off_kept(k: int, strength: float) -> bool:
    """Is the on/off part carried out in the k-th acting week (k = 0, 1, ...) at this strength?

    Evenly spread, the first one always: floor(k * s) steps up in a share s of the weeks.
    """
    if strength >= 1:
        return True
    if strength <= 0:
        return False
    if k == 0:
        return True
    return int(np.floor(k * strength + 1e-9)) > int(np.floor((k - 1) * strength + 1e-9))


@dataclass
class Scaled(Intervention):
    """`inner` with every graded effect scaled by `strength` (1: unchanged)."""

    inner: Intervention | None = None
    strength: float = 1.0

    key: ClassVar[str] = "scaled"

    def nudge(self, nudges: Nudges, who: np.ndarray, weeks_in: int, view: WeekView) -> None:
        assert self.inner is not None
        before = {name: np.array(getattr(nudges, name)[who]) for name in (*GRADED, "autonomy_target")}
        before_on_off = {name: np.array(getattr(nudges, name)[who]) for name in ON_OFF}
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
        if not _on_off_kept(weeks_in // (self.every or 1), s):
            for name in ON_OFF:
                getattr(nudges, name)[who] = before_on_off[name]

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
