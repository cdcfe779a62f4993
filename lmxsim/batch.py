"""The fast engine: many replications at once, with the equations of dynamics.py.

State is held as (replications x members) arrays. Each replication has its
own generator, seeded exactly as `LMXModel(rng=seed)` is, and draws its whole
run in one call: numpy fills arrays in order, so `random((weeks, n, k))` gives
the same numbers as `weeks` calls of `random((n, k))`. That is what makes the
batch engine's trajectories equal to the Mesa model's (tests/test_batch_equal.py).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from lmxsim import dynamics as dyn
from lmxsim.dynamics import Draw
from lmxsim.interventions import Intervention, plan_week
from lmxsim.model import MEMBER_COLUMNS
from lmxsim.params import PARAMETERS, ParameterError, Params
from lmxsim.team import NAMES, TEAM_DRAWS, Member, check_team, team_values

MEMBER_STATE = [
    "trust",
    "autonomy",
    "motivation",
    "skill",
    "safety",
    "performance",
    "leader_impression",
    "leader_trust",
    "lmx",
    "phase",
    "group",
    "problems_reported",
    "problems_hidden",
]
TEAM_MEASURES = [
    "performance",
    "lmx_mean",
    "lmx_differentiation",
    "out_group_share",
    "safety_mean",
    "problems_reported",
    "problems_hidden",
    "fires",
]

Seed = int | np.random.SeedSequence


class ParamColumns:
    """Parameters per replication as (R, 1) columns, so they broadcast over members."""

    def __init__(self, rows: Sequence[Params]) -> None:
        for name in PARAMETERS:
            setattr(self, name, np.array([getattr(r, name) for r in rows])[:, None])


def _as_params(params: Params | Sequence[Params], replications: int):
    if isinstance(params, Params):
        return params
    rows = list(params)
    if len(rows) != replications:
        raise ParameterError(
            f"got {len(rows)} parameter rows for {replications} replications; give one per seed"
        )
    return ParamColumns(rows)


@dataclass
class BatchRun:
    """Recorded results of R replications: team[measure] is (weeks+1, R)."""

    names: list[str]
    seeds: list[Seed]
    weeks: int
    team: dict[str, np.ndarray]
    members: dict[str, np.ndarray] | None  # each (weeks+1, R, n), if recorded
    traits: dict[str, np.ndarray]  # ability, first_impression, ... (R, n)
    interventions: list[str] = field(default_factory=list)  # active labels per week ("" week 0)
    member_interventions: np.ndarray | None = None  # (weeks+1, R, n) labels, if recorded

    @property
    def replications(self) -> int:
        return len(self.seeds)

    def team_frame(self, replication: int = 0) -> pd.DataFrame:
        """Same columns as LMXModel.team_frame() for one replication."""
        frame = pd.DataFrame({"week": np.arange(self.weeks + 1)})
        for measure in TEAM_MEASURES:
            frame[measure] = self.team[measure][:, replication]
        for measure in ("problems_reported", "problems_hidden", "fires"):
            frame[measure] = frame[measure].astype(np.int64)
        frame["interventions"] = self.interventions
        return frame

    def member_frame(self, replication: int = 0) -> pd.DataFrame:
        """Same columns as LMXModel.member_frame() for one replication."""
        if self.members is None:
            raise ValueError("member trajectories were not recorded (record_members=False)")
        n = len(self.names)
        weeks = np.repeat(np.arange(self.weeks + 1), n)
        frame = pd.DataFrame(
            {
                "week": weeks,
                "member_id": np.tile(np.arange(n), self.weeks + 1),
                "name": np.tile(self.names, self.weeks + 1),
                "ability": np.tile(self.traits["ability"][replication], self.weeks + 1),
                "first_impression": np.tile(self.traits["first_impression"][replication], self.weeks + 1),
            }
        )
        for var in MEMBER_STATE:
            frame[var] = self.members[var][:, replication, :].reshape(-1)
        frame["lmx7"] = dyn.lmx7(frame["lmx"].to_numpy())
        frame["phase"] = np.array(dyn.PHASE_NAMES)[frame["phase"].to_numpy().astype(int)]
        frame["group"] = np.array(dyn.GROUP_NAMES)[frame["group"].to_numpy().astype(int)]
        for var in ("problems_reported", "problems_hidden"):
            frame[var] = frame[var].astype(np.int64)
        frame["interventions"] = self.member_interventions[:, replication, :].reshape(-1)
        return frame[[*MEMBER_COLUMNS, "interventions"]]

    def team_table(self, weeks: Sequence[int] | None = None) -> pd.DataFrame:
        """Long table over replications: replication, week, team measures."""
        chosen = np.arange(self.weeks + 1) if weeks is None else np.asarray(weeks)
        reps = self.replications
        table = {
            "replication": np.tile(np.arange(reps), len(chosen)),
            "week": np.repeat(chosen, reps),
        }
        for measure in TEAM_MEASURES:
            table[measure] = self.team[measure][chosen, :].reshape(-1)
        return pd.DataFrame(table)


def _draw(seeds: Sequence[Seed], n: int, weeks: int) -> tuple[np.ndarray, np.ndarray]:
    """Team uniforms (R, n, 4) and run uniforms (weeks, R, n, 5), one generator per seed."""
    team_u = np.empty((len(seeds), n, TEAM_DRAWS))
    run_u = np.empty((len(seeds), weeks, n, dyn.DRAWS_PER_MEMBER))
    for r, seed in enumerate(seeds):
        generator = np.random.default_rng(seed)
        team_u[r] = generator.random((n, TEAM_DRAWS))
        generator.random(out=run_u[r])
    return team_u, np.moveaxis(run_u, 1, 0)


def run_batch(
    seeds: Sequence[Seed],
    weeks: int,
    params: Params | Sequence[Params] | None = None,
    team: list[Member] | None = None,
    n_employees: int = 10,
    interventions: Sequence[Intervention] = (),
    record_members: bool = True,
) -> BatchRun:
    """Run len(seeds) replications for `weeks` weeks; replication r equals LMXModel(rng=seeds[r])."""
    seeds = list(seeds)
    if not seeds:
        raise ParameterError("need at least one seed (replication)")
    if not isinstance(weeks, int) or weeks < 0:
        raise ParameterError(f"weeks = {weeks!r} must be a whole number, 0 or more")
    p = _as_params(params if params is not None else Params(), len(seeds))
    if team is not None:
        check_team(team)
    n = len(team) if team is not None else n_employees
    if team is None and not 1 <= n <= len(NAMES) * 10:
        raise ParameterError(f"n_employees = {n} is not allowed (1 to {len(NAMES) * 10})")
    names = (
        [m.name for m in team]
        if team is not None
        else [NAMES[i] if i < len(NAMES) else f"Member {i + 1}" for i in range(n)]
    )
    plans = [dataclasses.replace(i) for i in interventions]
    for plan in plans:
        if plan.start is None:
            plan.start = 1

    team_u, run_u = _draw(seeds, n, weeks)
    drawn = team_values(team_u, p)
    if team is None:
        traits = drawn
    else:
        traits = {
            "ability": np.broadcast_to([m.ability for m in team], (len(seeds), n)).astype(float),
            "first_impression": np.broadcast_to([m.first_impression for m in team], (len(seeds), n)).astype(
                float
            ),
            "challenge": np.broadcast_to([m.challenge for m in team], (len(seeds), n)).astype(float),
            "trust_propensity": np.where(
                [m.trust_propensity is None for m in team],
                drawn["trust_propensity"],
                [np.nan if m.trust_propensity is None else m.trust_propensity for m in team],
            ),
        }
    engine = _Engine(p, traits, names, plans)
    return engine.run(run_u, weeks, seeds, record_members)


class _Engine:
    """The week of LMXModel.step, over (R, n) arrays, in the same order."""

    def __init__(self, p, traits: dict[str, np.ndarray], names: list[str], plans) -> None:
        self.p, self.traits, self.names, self.plans = p, traits, names, plans
        start = dyn.initial_members(
            traits["ability"], traits["first_impression"], traits["trust_propensity"], p
        )
        self.s = {k: np.array(v, dtype=float) for k, v in start.items()}
        shape = traits["ability"].shape
        s = self.s
        s["performance"] = np.zeros(shape)
        s["leader_impression"] = np.array(traits["first_impression"], dtype=float)
        s["confidence"] = np.broadcast_to(np.asarray(p.initial_confidence, float), shape).copy()
        s["leader_trust"] = s["leader_impression"].copy()
        s["phase"] = np.zeros(shape, dtype=np.int64)
        s["plasticity"] = np.ones(shape)
        s["contacts"] = np.zeros(shape, dtype=np.int64)
        s["problems_reported"] = np.zeros(shape, dtype=np.int64)
        s["problems_hidden"] = np.zeros(shape, dtype=np.int64)
        s["fire"] = np.zeros(shape, dtype=np.int64)
        s["lmx"] = dyn.lmx(s["leader_trust"], s["trust"])
        s["group"] = dyn.group(s["lmx"], p)
        self.fires = np.zeros(shape[0], dtype=np.int64)
        self.differentiation = dyn.differentiation(s["lmx"])

    def run(self, run_u, weeks, seeds, record_members) -> BatchRun:
        reps, n = self.s["trust"].shape
        team = {m: np.empty((weeks + 1, reps)) for m in TEAM_MEASURES}
        members = {v: np.empty((weeks + 1, reps, n)) for v in MEMBER_STATE} if record_members else None
        member_labels = np.full((weeks + 1, reps, n), "", dtype=object) if record_members else None
        labels = [""]
        self._record(0, team, members)
        for week in range(1, weeks + 1):
            active, member_active = self.step(week, run_u[week - 1], record_members)
            labels.append(";".join(active))
            if record_members:
                member_labels[week] = member_active
            self._record(week, team, members)
        return BatchRun(
            names=self.names,
            seeds=list(seeds),
            weeks=weeks,
            team=team,
            members=members,
            traits=self.traits,
            interventions=labels,
            member_interventions=member_labels,
        )

    def _record(self, week, team, members) -> None:
        s = self.s
        team["performance"][week] = np.mean(s["performance"], axis=-1)
        team["lmx_mean"][week] = np.mean(s["lmx"], axis=-1)
        team["lmx_differentiation"][week] = self.differentiation
        team["out_group_share"][week] = np.mean(s["group"] == dyn.Group.OUT, axis=-1)
        team["safety_mean"][week] = np.mean(s["safety"], axis=-1)
        team["problems_reported"][week] = np.sum(s["problems_reported"], axis=-1)
        team["problems_hidden"][week] = np.sum(s["problems_hidden"], axis=-1)
        team["fires"][week] = self.fires
        if members is not None:
            for var in MEMBER_STATE:
                members[var][week] = s[var]

    def step(self, week: int, luck: np.ndarray, record_members: bool):
        p, s, n = self.p, self.s, len(self.names)
        nudges, active = plan_week(self.plans, week, self.names, s["group"])
        member_active = None
        if record_members:
            member_active = np.full(s["group"].shape, "", dtype=object)
            for plan in self.plans:
                if plan.active(week):
                    who = plan.targets(self.names, s["group"])
                    member_active = np.where(
                        who,
                        np.where(member_active == "", plan.label, member_active + ";" + plan.label),
                        member_active,
                    )
        # one-off changes (Leader.take_nudges, Employee.take_nudges)
        s["confidence"] = np.minimum(s["confidence"], nudges.confidence_cap)
        s["phase"] = dyn.reopen_phase(s["phase"], nudges.reopen)
        s["plasticity"] = dyn.reopen_plasticity(s["plasticity"], nudges.reopen)
        s["trust"] = dyn.clip01(s["trust"] + nudges.trust_bonus)
        s["support"] = np.maximum(s["support"], nudges.support_floor)

        # 1. attention
        chance = dyn.contact_probability(s["leader_trust"], self.fires, p, nudges.guaranteed_contact)
        contact = luck[..., Draw.CONTACT] < chance
        s["contacts"] = s["contacts"] + contact
        shown_trust = s["leader_trust"]
        # 2. autonomy
        autonomy = dyn.next_autonomy(
            s["autonomy"],
            s["leader_trust"],
            p,
            target=nudges.autonomy_target,
            boost=nudges.autonomy_boost,
        )
        mean_autonomy = np.mean(autonomy, axis=-1, keepdims=True)
        # 3. work
        s["performance"] = dyn.performance(
            s["skill"],
            s["motivation"],
            autonomy,
            self.fires[:, None] / n,
            luck[..., Draw.PERFORMANCE],
            p,
        )
        # 4-5. the leader observes and trusts
        noise = dyn.observation_noise(autonomy, p, nudges.clarity)
        observed = dyn.observed_competence(
            s["skill"],
            s["motivation"],
            autonomy,
            self.traits["challenge"],
            noise,
            luck[..., Draw.OBSERVATION],
            p,
        )
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
        # 6. members respond
        s["autonomy"] = autonomy
        s["support"] = dyn.next_support(s["support"], contact, shown_trust, p)
        target = dyn.trust_target(
            self.traits["trust_propensity"],
            s["support"],
            autonomy,
            mean_autonomy,
            self.differentiation[:, None],
            p,
        )
        s["trust"] = dyn.next_trust(s["trust"], target, s["phase"], s["plasticity"], p)
        s["motivation"] = dyn.next_motivation(s["motivation"], s["trust"], autonomy)
        s["skill"] = dyn.next_skill(s["skill"], self.traits["ability"], autonomy, contact, shown_trust, p)
        s["safety"] = dyn.next_safety(s["safety"], s["trust"], self.differentiation[:, None], p)
        # 7. problems
        reported, hidden = dyn.meet_problem(s["safety"], luck[..., Draw.PROBLEM], p)
        fire, solved = dyn.escalate(s["problems_hidden"], luck[..., Draw.ESCALATION], p)
        s["problems_reported"] = reported
        s["problems_hidden"] = s["problems_hidden"] - fire - solved + hidden
        # 8. relationships settle
        quality = dyn.lmx(s["leader_trust"], s["trust"])
        s["plasticity"] = dyn.next_plasticity(s["plasticity"], quality - s["lmx"], p)
        s["phase"] = dyn.next_phase(s["phase"], s["contacts"], quality, s["plasticity"], p)
        s["lmx"] = quality
        s["group"] = dyn.group(quality, p)
        self.fires = np.sum(fire, axis=-1)
        self.differentiation = dyn.differentiation(quality)
        return active, member_active
