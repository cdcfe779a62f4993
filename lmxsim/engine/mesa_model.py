"""LMXModel: one leader, a team, one step per working week."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from typing import TYPE_CHECKING

import mesa
import numpy as np
import pandas as pd

from lmxsim.engine.mesa_agents import Employee, Leader, TeamModel
from lmxsim.interventions.catalogue import Intervention, InterventionError, plan_week
from lmxsim.io.rules import check_weeks
from lmxsim.model import dynamics as dyn
from lmxsim.model.frames import MEMBER_COLUMNS
from lmxsim.model.measures import MEMBER, TEAM, TeamMeasure
from lmxsim.model.params import Params
from lmxsim.model.start import initial_state
from lmxsim.model.week import start_week_state
from lmxsim.model.week import week as run_week
from lmxsim.team.members import Member, complete_team, draw_team, history_inputs, team_climate, team_traits

if TYPE_CHECKING:
    from lmxsim.team.config import Scenario

# The member table shows names where the engines keep codes, and the agents name hidden problems.
_COLUMN_ATTRIBUTE = {"problems_hidden": "hidden_stock", "phase": "phase_name", "group": "group_name"}


def _team_reporter(measure: TeamMeasure):
    """A DataCollector reporter: the measure's declared reducer over the members' values."""

    def report(model: LMXModel) -> float | int:
        return measure.reduce(model.state[measure.reduce.source]).item()

    return report


class LMXModel(TeamModel):
    """A leader builds a different relationship with each member, week by week.

    Args:
        params: model parameters (validated; see params.py).
        team: the members; if None, `n_employees` are drawn.
        n_employees: size of a drawn team.
        rng: seed (int or numpy SeedSequence) for reproducible runs.
        interventions: scheduled interventions (see interventions.py).
    """

    def __init__(
        self,
        params: Params | None = None,
        team: list[Member] | None = None,
        n_employees: int = 10,
        rng: int | np.random.SeedSequence | None = None,
        interventions: Iterable[Intervention] = (),
    ) -> None:
        super().__init__(rng=rng)
        # Mesa may draw a stdlib seed from its generator; start ours fresh so the
        # stream is exactly the one the batch engine uses for this seed.
        if not isinstance(rng, np.random.Generator):
            self.rng = np.random.default_rng(rng)
        self.params = params if params is not None else Params()
        if team is None:
            team = draw_team(self.rng, n_employees, self.params)
        else:
            team = complete_team(self.rng, list(team), self.params)
        self.team = team
        # one draw for the team after its members, as the batch engine does
        self.climate = float(team_climate(self.rng.random(), self.params))
        self.names = [m.name for m in team]
        self.team_size = len(team)
        self.traits = team_traits(team, self.climate)
        # Every relationship's state, member axis last: week.py steps it, the agents read their row.
        self.state = start_week_state(
            initial_state(self.traits, self.params, **history_inputs(team, len(team)))
        )
        self.leader = Leader(self)
        self.employees = [Employee(self, m, i) for i, m in enumerate(team)]
        self.weeks_done = 0
        self.interventions: list[Intervention] = []
        self.active_interventions: list[str] = []
        self.active_targets: list[tuple[str, np.ndarray]] = []
        for intervention in interventions:
            self.apply(intervention)
        self.datacollector = mesa.DataCollector(
            model_reporters={
                "week": "week",
                **{name: _team_reporter(measure) for name, measure in TEAM.items()},
                "interventions": lambda m: ";".join(m.active_interventions),
            },
            agenttype_reporters={
                Employee: {
                    "week": lambda e: e.model.week,
                    "member_id": "index",
                    "name": "name",
                    **{name: _COLUMN_ATTRIBUTE.get(name, name) for name in MEMBER},
                    "interventions": lambda e: ";".join(
                        label for label, who in e.model.active_targets if who[e.index]
                    ),
                }
            },
        )
        self.datacollector.collect(self)

    @property
    def week(self) -> int:
        """Weeks completed (0 before the first step)."""
        return self.weeks_done

    @property
    def fires(self) -> int:
        """Fires this week, over the team."""
        return int(self.state["fires"])

    @property
    def differentiation(self) -> float:
        """LMX differentiation: the spread of LMX in the team."""
        return float(self.state["differentiation"])

    def lmx_values(self) -> np.ndarray:
        return self.state["lmx"].copy()

    def groups(self) -> np.ndarray:
        return self.state["group"].copy()

    def apply(self, intervention: Intervention) -> Intervention:
        """Schedule an intervention; without a start week it starts next week."""
        intervention = dataclasses.replace(intervention)  # twins must not share one object
        if intervention.start is None:
            intervention.start = self.week + 1
        elif intervention.start <= self.week:
            raise InterventionError(
                f"{intervention.key}: start week {intervention.start} has already passed "
                f"(the model is at week {self.week})"
            )
        intervention.targets(self.names, self.groups())  # unknown member -> clear error now
        self.interventions.append(intervention)
        return intervention

    def step(self) -> None:
        """One working week: this week's interventions, then the week of week.py for everyone."""
        self.weeks_done += 1
        week = self.weeks_done
        luck = self.rng.random((self.team_size, dyn.DRAWS_PER_MEMBER))
        nudges, self.active_interventions = plan_week(
            self.interventions, week, self.names, self.groups(), self.leader.trust
        )
        self.active_targets = [
            (i.label, i.targets(self.names, self.groups())) for i in self.interventions if i.active(week)
        ]
        run_week(self.state, self.traits, luck.T, nudges, self.params)
        self.datacollector.collect(self)

    @classmethod
    def from_scenario(
        cls,
        setup: Scenario,
        rng: int | np.random.SeedSequence | None = None,
        interventions: list[Intervention] | None = None,
    ) -> LMXModel:
        """A fresh model of a scenario (config.py), on its own seed unless `rng` is given,
        with its interventions unless others are given."""
        return cls(
            params=setup.params,
            team=setup.team,
            n_employees=setup.team_size,
            rng=setup.seed if rng is None else rng,
            interventions=setup.interventions if interventions is None else interventions,
        )

    def run(self, weeks: int) -> LMXModel:
        check_weeks(weeks)  # the rule and the ParameterError run_batch gives for the same mistake
        if weeks:  # Mesa warns on run_for(0)
            self.run_for(weeks)
        return self

    def member_frame(self) -> pd.DataFrame:
        """Tidy table: one row per member per week (week 0 = the start)."""
        frame = self.datacollector.get_agenttype_vars_dataframe(Employee)
        frame = frame.reset_index(drop=True)
        return frame[[*MEMBER_COLUMNS, "interventions"]]

    def team_frame(self) -> pd.DataFrame:
        """Tidy table: one row per week with the team measures."""
        return self.datacollector.get_model_vars_dataframe().reset_index(drop=True)
