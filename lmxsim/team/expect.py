"""What a preset's story claims, declared in its `[expect]` table and checked on runs.

A story read aloud in a workshop is a claim about the model ("An drifts into the
out-group"); tests/test_scenarios.py checks it on the preset's own seed and on most
other seeds; `lmxsim scenarios --check NAME` prints how often each claim holds
(science/claims.py). Claims:

    in = ["Bram"]            # these members are in the in-group at by_week and at the end
    out = ["An"]             # ... in the out-group
    by_week = 12             # default: the middle of the run
    spread = "grows"         # LMX spread in the team is larger at the end than at week 4
    ahead = ["An", "Sam"]    # their mean LMX at the end is above that of `behind`
    behind = ["Bram", "Eva"]
    gap_above = 0.05         # ... by more than this (mean LMX, 0..1): a distance the drawing shows
    safety_below = 0.5       # the team's mean safety stays below this every week from by_week
    fires_at_least = 5       # fires over the whole run
    loop_gain_above = 1.2    # the LMX gap of ahead over behind (one each) at week 26 / at week 6
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np

from lmxsim.io.rules import check_whole
from lmxsim.model.dynamics import Group
from lmxsim.texts import number, t

KEYS = {
    "in",
    "out",
    "by_week",
    "spread",
    "ahead",
    "behind",
    "gap_above",
    "safety_below",
    "fires_at_least",
    "loop_gain_above",
}
# The loop gain (issue 23): the LMX gap of two members at LOOP_LATE over their gap at LOOP_EARLY;
# below .8 an early gap fades, .8-1.2 it sticks, above 1.2 it spirals.
LOOP_EARLY, LOOP_LATE = 6, 26


def loop_gain(lmx: np.ndarray, ahead: int, behind: int) -> np.ndarray:
    """Per replication: gap(LOOP_LATE) / gap(LOOP_EARLY) of member `ahead` over `behind`;
    lmx is (weeks+1, R, n). A gap that closed or turned counts as no gain (0 or below)."""
    gap = lmx[:, :, ahead] - lmx[:, :, behind]
    return gap[LOOP_LATE] / np.maximum(gap[LOOP_EARLY], 1e-9)


@dataclass(frozen=True)
class Expectations:
    in_group: tuple[str, ...] = ()
    out_group: tuple[str, ...] = ()
    by_week: int | None = None
    spread_grows: bool = False
    ahead: tuple[str, ...] = ()
    behind: tuple[str, ...] = ()
    gap_above: float | None = None
    safety_below: float | None = None
    fires_at_least: int | None = None
    loop_gain_above: float | None = None
    names: tuple[str, ...] = field(default=(), repr=False)

    def check(
        self, members: dict[str, np.ndarray], team: dict[str, np.ndarray], lang: str = "en"
    ) -> dict[str, np.ndarray]:
        """Per claim (said in `lang`), which replications keep it.

        members[v] is (weeks+1, R, n), team[m] (weeks+1, R).
        """
        weeks = members["lmx"].shape[0] - 1
        by = self.by_week if self.by_week is not None else weeks // 2
        index = {name: i for i, name in enumerate(self.names)}
        group = members["group"]
        held: dict[str, np.ndarray] = {}
        for key, wanted, who in (
            ("claim_in", Group.IN, self.in_group),
            ("claim_out", Group.OUT, self.out_group),
        ):
            for name in who:
                i = index[name]
                held[t(f"cli.{key}", lang, name=name, week=by)] = (group[by, :, i] == wanted) & (
                    group[weeks, :, i] == wanted
                )
        if self.spread_grows:
            spread = team["lmx_differentiation"]
            held[t("cli.claim_spread", lang)] = spread[weeks] > spread[min(4, weeks)]
        if self.ahead:
            lmx = members["lmx"][weeks]
            first = lmx[:, [index[n] for n in self.ahead]].mean(axis=-1)
            second = lmx[:, [index[n] for n in self.behind]].mean(axis=-1)
            claim = t("cli.claim_ahead", lang, ahead=", ".join(self.ahead), behind=", ".join(self.behind))
            held[claim] = first > second
            if self.gap_above is not None:
                claim = t(
                    "cli.claim_gap",
                    lang,
                    ahead=", ".join(self.ahead),
                    behind=", ".join(self.behind),
                    value=number(self.gap_above, lang, 2),
                )
                held[claim] = first - second > self.gap_above
        if self.safety_below is not None:
            claim = t("cli.claim_safety", lang, value=number(self.safety_below, lang, 2), week=by)
            held[claim] = (team["safety_mean"][by:] < self.safety_below).all(axis=0)
        if self.fires_at_least is not None:
            claim = t("cli.claim_fires", lang, n=self.fires_at_least)
            held[claim] = team["fires"].sum(axis=0) >= self.fires_at_least
        if self.loop_gain_above is not None:
            gain = loop_gain(members["lmx"], index[self.ahead[0]], index[self.behind[0]])
            claim = t(
                "cli.claim_loop_gain",
                lang,
                ahead=self.ahead[0],
                behind=self.behind[0],
                value=number(self.loop_gain_above, lang, 1),
            )
            held[claim] = gain > self.loop_gain_above
        return held


def _names(value: Any, key: str, team: list[str]) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ValueError(f"{key} must be a list of member names")
    for name in value:
        if name not in team:
            raise ValueError(f"{key}: unknown member {name!r} (team: {', '.join(team)})")
    return tuple(value)


def parse_expectations(data: dict[str, Any], scenario: Any) -> Expectations:
    unknown = sorted(set(data) - KEYS)
    if unknown:
        raise ValueError(f"unknown claim(s) {', '.join(unknown)} (allowed: {', '.join(sorted(KEYS))})")
    if scenario.team is None:
        raise ValueError("claims need a given team ([[team]])")
    team = [m.name for m in scenario.team]
    by_week = data.get("by_week")
    if by_week is not None:
        check_whole(by_week, "by_week", 0, scenario.weeks)
    spread = data.get("spread")
    if spread not in (None, "grows"):
        raise ValueError(f'spread = {spread!r} is not allowed (only "grows")')
    ahead, behind = (
        _names(data.get("ahead", []), "ahead", team),
        _names(data.get("behind", []), "behind", team),
    )
    if bool(ahead) != bool(behind):
        raise ValueError("ahead and behind go together")
    gap = data.get("gap_above")
    if gap is not None:
        if isinstance(gap, bool) or not isinstance(gap, int | float) or not 0 < gap < 1:
            raise ValueError(f"gap_above = {gap!r} is not allowed (a number between 0 and 1)")
        if not ahead:
            raise ValueError("gap_above needs ahead and behind (whose gap it is)")
    safety = data.get("safety_below")
    if safety is not None and (isinstance(safety, bool) or not isinstance(safety, int | float)):
        raise ValueError(f"safety_below = {safety!r} is not a number")
    fires = data.get("fires_at_least")
    if fires is not None:
        check_whole(fires, "fires_at_least", 0)
    gain = data.get("loop_gain_above")
    if gain is not None:
        if isinstance(gain, bool) or not isinstance(gain, int | float):
            raise ValueError(f"loop_gain_above = {gain!r} is not a number")
        if len(ahead) != 1 or len(behind) != 1 or scenario.weeks < LOOP_LATE:
            raise ValueError(
                f"loop_gain_above needs one member in ahead, one in behind and a run of {LOOP_LATE} weeks"
            )
    return Expectations(
        in_group=_names(data.get("in", []), "in", team),
        out_group=_names(data.get("out", []), "out", team),
        by_week=by_week,
        spread_grows=spread == "grows",
        ahead=ahead,
        behind=behind,
        gap_above=None if gap is None else float(gap),
        safety_below=None if safety is None else float(safety),
        fires_at_least=fires,
        loop_gain_above=None if gain is None else float(gain),
        names=tuple(team),
    )


def arrays_from_model(model: Any) -> tuple[dict[str, np.ndarray], dict[str, np.ndarray]]:
    """A finished LMXModel's frames as the (weeks+1, 1, n) and (weeks+1, 1) arrays `check` reads,
    so a preset's own seed is judged on exactly what the app shows."""
    from lmxsim.model.dynamics import GROUP_NAMES

    members = model.member_frame()
    n = model.team_size

    def column(name: str, values: np.ndarray | None = None) -> np.ndarray:
        data = members[name].to_numpy() if values is None else values
        return data.reshape(-1, 1, n)

    codes = np.array([GROUP_NAMES.index(g) for g in members["group"]])
    team = model.team_frame()
    return (
        {"lmx": column("lmx"), "group": column("group", codes)},
        {m: team[m].to_numpy()[:, None] for m in ("lmx_differentiation", "safety_mean", "fires")},
    )
