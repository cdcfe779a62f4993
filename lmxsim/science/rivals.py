"""Rival models: the full model with one causal path removed (issue 23, docs/ODD.md section 8).

A rival is evidence only once re-tuned: `lmxsim calibrate --rival NAME` searches its
parameters with the same budget as the defaults (its switch held off), and the result
ships as configs/rivals/NAME.toml (`[params]`, plus how it was found).
`lmxsim validate --rivals` evaluates the shipped parameters; it does not search.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from lmxsim.io.packaged import CONFIGS
from lmxsim.model.params import Params

RIVAL_DIR = CONFIGS / "rivals"


@dataclass(frozen=True)
class Rival:
    """One causal path removed: its name, what it removes, and the switch that removes it."""

    name: str
    removes: str
    switch: dict[str, Any]

    @property
    def path(self) -> Path:
        return RIVAL_DIR / f"{self.name}.toml"

    def shipped(self) -> dict[str, Any]:
        """The re-tuned parameter file's contents ({} if it was never calibrated)."""
        if not self.path.is_file():
            return {}
        return tomllib.loads(self.path.read_text(encoding="utf-8"))

    def params(self) -> Params:
        """The rival's re-tuned parameters with its switch off (the switch always wins)."""
        tuned = self.shipped().get("params", {})
        return Params.from_dict({**Params().to_dict(), **tuned, **self.switch})


RIVALS = [
    Rival("no-confirmation",
          "the leader's belief learns from work as if every member had the same latitude and drive, "
          "not from the work the leader's own treatment shaped",
          {"belief_reads_treated_work": False}),
    Rival("no-pygmalion",
          "the leader's trust and latitude do not change the member's work or skill",
          {"treatment_shapes_work": False}),
    Rival("static-labels",
          "in- and out-group fixed by the first impression: the leader's impression never learns",
          {"impression_learns": False}),
    Rival("no-first-impression",
          "every member starts with the same leader belief (the team's mean first impression)",
          {"first_impression_counts": False}),
]  # fmt: skip
RIVAL_BY_NAME = {r.name: r for r in RIVALS}
