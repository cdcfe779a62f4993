"""One browser session's workshop: the scenario, the settings, the model, its twin, the log.

Everything a trainer changes goes through a `Workshop`, which lives inside the
Page component (one per browser tab, never at module level). It holds no
dynamics: it builds LMXModels, steps them and keeps the short history the
charts draw. A lock keeps the Play thread and button clicks from stepping at
the same time.
"""

from __future__ import annotations

import threading
import weakref
from dataclasses import dataclass, field

import numpy as np

from lmxsim.app.narration import Narrator
from lmxsim.engine.mesa_model import LMXModel
from lmxsim.interventions.catalogue import CATALOGUE, Intervention, InterventionError
from lmxsim.io.rules import WORKSHOP_WEEKS
from lmxsim.model.measures import TEAM_MEASURES
from lmxsim.model.params import ParameterError
from lmxsim.team.config import ConfigError, Scenario, load_scenario, scenario_names
from lmxsim.team.members import NAMES, Member, draw_team

DEFAULT_SCENARIO = "first-impression"
MAX_WEEKS = WORKSHOP_WEEKS  # the longest run the workshop shows (rules.py)
# The member measures the charts and the drawing read each week (declared in lmxsim/model/measures.py).
MEMBER_MEASURES = ("trust", "autonomy", "performance", "lmx")
# The knobs a trainer explains, in the order shown: Params field -> slider step.
KNOBS = {
    "initial_confidence": 0.01,
    "first_impression_noise": 0.01,
    "confirmation_bias": 0.01,
    "attention_budget": 0.01,
}
TEAM_SIZE_RANGE = (2, len(NAMES))
USER_ERRORS = (ParameterError, ConfigError, InterventionError, ValueError)

# Weak references only: lets the load test check that closed tabs release their workshop.
LIVE: weakref.WeakSet[Workshop] = weakref.WeakSet()


def default_scenario_name() -> str:
    names = scenario_names()
    return DEFAULT_SCENARIO if DEFAULT_SCENARIO in names or not names else names[0]


@dataclass
class History:
    """Per-week values the charts draw: member measures as rows of arrays, team measures as lists."""

    weeks: list[int] = field(default_factory=list)
    members: dict[str, list[np.ndarray]] = field(default_factory=lambda: {m: [] for m in MEMBER_MEASURES})
    groups: list[list[str]] = field(default_factory=list)

    def record(self, model: LMXModel) -> None:
        self.weeks.append(model.week)
        for measure in MEMBER_MEASURES:
            self.members[measure].append(np.array([getattr(e, measure) for e in model.employees]))
        self.groups.append([e.group_name for e in model.employees])

    def member_series(self, measure: str) -> np.ndarray:
        """Array (weeks, members)."""
        return np.array(self.members[measure])


def team_series(model: LMXModel) -> dict[str, list[float]]:
    """The model's own team measures per week (DataCollector), week 0 included: every declared one."""
    data = model.datacollector.model_vars
    return {name: list(data[name]) for name in ("week", *TEAM_MEASURES)}


class Workshop:
    """The state of one session. Methods raise nothing for user mistakes: they return a message."""

    def __init__(self, scenario: str | None = None) -> None:
        self.lock = threading.RLock()
        self.scenario_name = scenario or default_scenario_name()
        self.scenario: Scenario = load_scenario(self.scenario_name)
        self.custom_team: list[Member] | None = None
        self.knobs: dict[str, float] = {k: float(getattr(self.scenario.params, k)) for k in KNOBS}
        self.team_size = self.scenario.team_size
        self.twin_on = False
        self.twin: LMXModel | None = None
        self.twin_history: History | None = None
        self.generation = 0  # counts rebuilds: views keyed on it drop what they showed before
        self._build()
        LIVE.add(self)

    # --- building ---------------------------------------------------------------------
    def _team(self) -> list[Member] | None:
        """The scenario's (or uploaded) team, cut or extended to the team-size slider."""
        team = self.custom_team or self.scenario.team
        if team is None:
            return None
        if self.team_size <= len(team):
            return list(team[: self.team_size])
        taken = {m.name for m in team}
        drawn = draw_team(np.random.default_rng(self.scenario.seed), TEAM_SIZE_RANGE[1], self.params())
        extra = [m for m in drawn if m.name not in taken][: self.team_size - len(team)]
        return [*team, *extra]

    def params(self):
        return self.scenario.params.replace(**self.knobs)

    def _new_model(self, interventions: list[Intervention] | None) -> LMXModel:
        return LMXModel(
            params=self.params(),
            team=self._team(),
            n_employees=self.team_size,
            rng=self.scenario.seed,
            interventions=self.scenario.interventions if interventions is None else interventions,
        )

    def _build(self) -> None:
        """New model, history, narrator and twin, swapped in together: a view never sees half of them."""
        with self.lock:
            model = self._new_model(None)
            history = History()
            history.record(model)
            narrator = Narrator(model)
            twin = self._twin_at(0) if self.twin_on else (None, None)
            self.model, self.history, self.narrator = model, history, narrator
            self.twin, self.twin_history = twin
            self.generation += 1

    def _twin_at(self, week: int) -> tuple[LMXModel, History]:
        """The same scenario and seed without interventions, brought to `week`."""
        twin = self._new_model([])
        history = History()
        history.record(twin)
        for _ in range(week):
            twin.step()
            history.record(twin)
        return twin, history

    def _build_twin(self) -> None:
        self.twin, self.twin_history = self._twin_at(self.model.week)

    def _rebuild_or_message(self, undo) -> str | None:
        try:
            self._build()  # assigns nothing until the new model is built
        except USER_ERRORS as error:
            undo()
            return str(error)
        return None

    # --- what the trainer does --------------------------------------------------------
    @property
    def week(self) -> int:
        return self.model.week

    @property
    def last_week(self) -> int:
        """The scenario's last week: Play and Step stop there (the charts' x axis ends there too)."""
        return min(max(self.scenario.weeks, 1), MAX_WEEKS)

    @property
    def at_end(self) -> bool:
        return self.model.week >= self.last_week

    def step(self, weeks: int = 1) -> None:
        with self.lock:
            for _ in range(weeks):
                if self.at_end:
                    return
                self.model.step()
                self.history.record(self.model)
                self.narrator.observe(self.model)
                if self.twin is not None and self.twin_history is not None:
                    self.twin.step()
                    self.twin_history.record(self.twin)

    def reset(self) -> None:
        self._build()

    def choose_scenario(self, name: str) -> str | None:
        """Load a preset; returns a message if it cannot be used."""
        with self.lock:
            try:
                scenario = load_scenario(name)
            except USER_ERRORS as error:
                return str(error)
            old = (self.scenario_name, self.scenario, self.custom_team, dict(self.knobs), self.team_size)
            self.scenario_name, self.scenario, self.custom_team = name, scenario, None
            self.knobs = {k: float(getattr(scenario.params, k)) for k in KNOBS}
            self.team_size = scenario.team_size

            def undo() -> None:
                (self.scenario_name, self.scenario, self.custom_team, self.knobs, self.team_size) = old

            return self._rebuild_or_message(undo)

    def set_knob(self, name: str, value: float) -> str | None:
        """Change a setting and start again; returns a message if the model rejects it."""
        with self.lock:
            if name == "team_size":
                old_size = self.team_size
                self.team_size = int(value)

                def undo() -> None:
                    self.team_size = old_size
            else:
                old_value = self.knobs[name]
                self.knobs[name] = value

                def undo() -> None:
                    self.knobs[name] = old_value

            return self._rebuild_or_message(undo)

    def load_team(self, data: bytes, filename: str) -> str | None:
        """Use a team file (CSV or TOML, see docs/team-files.md); returns a message if it is not valid."""
        from lmxsim.team.teamfile import TeamFileError, parse_team_file

        with self.lock:
            try:
                team = parse_team_file(data, filename)
            except (TeamFileError, *USER_ERRORS) as error:
                return str(error)
            old = (self.custom_team, self.team_size)
            self.custom_team, self.team_size = team, len(team)

            def undo() -> None:
                self.custom_team, self.team_size = old

            return self._rebuild_or_message(undo)

    def apply(self, key: str, target: str) -> Intervention | str:
        """Start an intervention next week (also for the twin's room to compare); or a message."""
        with self.lock:
            try:
                return self.model.apply(CATALOGUE[key](target=target))
            except (KeyError, *USER_ERRORS) as error:
                return str(error)

    def set_twin(self, on: bool) -> None:
        with self.lock:
            self.twin_on = on
            if on and self.twin is None:
                self._build_twin()
            if not on:
                self.twin, self.twin_history = None, None

    # --- what the views read ----------------------------------------------------------
    @property
    def names(self) -> list[str]:
        return list(self.model.names)

    def intervention_starts(self) -> list[Intervention]:
        return sorted(self.model.interventions, key=lambda i: i.start or 0)

    @property
    def horizon(self) -> int:
        """Weeks on the x axis: the scenario's length from week 0, so the axis never jumps."""
        return max(self.last_week, self.model.week, 1)
