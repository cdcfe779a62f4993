"""A participant's workshop in the room: the facilitator's exercise, and its summary for the room.

`RoomWorkshop` is the ordinary per-tab Workshop built from the room's Exercise; the
exercise is not the participant's to change (scenario, settings, team file are refused
with a message), and only the allowed interventions, from the allowed week, are taken.

The twin (same team, same luck, no interventions) is the same for every participant of
one exercise, so the room computes it once (`Baseline`) and compares each participant's
run with it at the week that participant reached.
"""

from __future__ import annotations

import dataclasses
import functools
import threading

import numpy as np

from lmxsim.app.room import Exercise, Measure, Outcome, Run, Tried
from lmxsim.app.session import MAX_WEEKS, Workshop
from lmxsim.engine.mesa_model import LMXModel
from lmxsim.interventions.catalogue import CATALOGUE, Intervention

LOCKED = "set by the facilitator for the whole room"


class ExerciseError(ValueError):
    """The exercise cannot be built (bad preset, team file or weeks); the message says why."""


class RoomWorkshop(Workshop):
    """A Workshop playing the room's exercise; its scenario and settings are locked."""

    def __init__(self, exercise: Exercise) -> None:
        self.exercise = exercise
        self.run_number = 1
        super().__init__(exercise.scenario)
        if exercise.weeks is not None:
            self.scenario = dataclasses.replace(self.scenario, weeks=int(exercise.weeks))
        if exercise.team_file is not None:
            name, data = exercise.team_file
            problem = Workshop.load_team(self, data, name)
            if problem:
                raise ExerciseError(f"team file {name}: {problem}")

    @property
    def kinds(self) -> dict[str, type[Intervention]]:
        """The interventions this exercise allows, in catalogue order."""
        allowed = self.exercise.allowed
        return {k: c for k, c in CATALOGUE.items() if allowed is None or k in allowed}

    def apply(self, key: str, target: str) -> Intervention | str:
        if key not in self.kinds:
            names = ", ".join(self.kinds) or "none"
            return f"{key}: not part of this exercise (allowed: {names})"
        with self.lock:
            if self.week + 1 < self.exercise.from_week:
                return f"{key}: interventions start from week {self.exercise.from_week} in this exercise"
        return super().apply(key, target)

    def reset(self) -> None:
        with self.lock:
            self.run_number += 1
            super().reset()

    def choose_scenario(self, name: str) -> str | None:
        return f"scenario: {LOCKED}"

    def set_knob(self, name: str, value: float) -> str | None:
        return f"{name}: {LOCKED}"

    def load_team(self, data: bytes, filename: str) -> str | None:
        return f"team file: {LOCKED}"


def check_exercise(exercise: Exercise) -> None:
    """Raise ExerciseError with one readable line if participants could not play this exercise."""
    from lmxsim.app.session import USER_ERRORS

    if exercise.weeks is not None and not (1 <= exercise.weeks <= MAX_WEEKS):
        raise ExerciseError(
            f"weeks = {exercise.weeks!r} is not allowed (a whole number from 1 to {MAX_WEEKS})"
        )
    unknown = [k for k in exercise.allowed or () if k not in CATALOGUE]
    if unknown:
        raise ExerciseError(f"interventions {', '.join(unknown)} unknown (allowed: {', '.join(CATALOGUE)})")
    if exercise.allowed is not None and not exercise.allowed:
        raise ExerciseError("interventions: choose at least one (or allow all)")
    if not 1 <= exercise.from_week <= max(exercise.weeks or MAX_WEEKS, 1):
        raise ExerciseError(f"from week = {exercise.from_week!r} is not allowed (a week of the exercise)")
    try:
        RoomWorkshop(exercise)
    except ExerciseError:
        raise
    except USER_ERRORS as error:
        raise ExerciseError(str(error)) from error


@dataclasses.dataclass(frozen=True)
class Baseline:
    """The exercise without interventions, week by week: the twin every participant compares with."""

    focus: str
    relationship: np.ndarray  # focus member's LMX-7 per week (index = week)
    performance: np.ndarray
    spread: np.ndarray
    fires: np.ndarray  # cumulative

    def at(self, week: int) -> tuple[float, float, float, float]:
        week = min(max(week, 0), len(self.spread) - 1)
        return (
            float(self.relationship[week]),
            float(self.performance[week]),
            float(self.spread[week]),
            float(self.fires[week]),
        )


_BASELINE_LOCK = threading.Lock()


@functools.lru_cache(maxsize=8)
def _baseline(exercise: Exercise) -> Baseline:
    workshop = RoomWorkshop(exercise)
    workshop.set_twin(True)
    twin = workshop.twin
    assert twin is not None
    series = _series_of(twin)
    for _ in range(workshop.last_week):
        twin.step()
        _append(series, twin)
    lmx7 = np.array(series["lmx7"])  # (weeks + 1, members)
    focus = int(np.argmin(lmx7[-1]))
    return Baseline(
        focus=twin.names[focus],
        relationship=lmx7[:, focus],
        performance=np.array(series["performance"])[:, focus],
        spread=np.array(series["spread"]),
        fires=np.cumsum(series["fires"]),
    )


def _series_of(model: LMXModel) -> dict[str, list]:
    series: dict[str, list] = {"lmx7": [], "performance": [], "spread": [], "fires": []}
    _append(series, model)
    return series


def _append(series: dict[str, list], model: LMXModel) -> None:
    series["lmx7"].append([e.lmx7 for e in model.employees])
    series["performance"].append([e.performance for e in model.employees])
    series["spread"].append(model.differentiation)
    series["fires"].append(model.fires if model.week > 0 else 0)


def baseline(exercise: Exercise) -> Baseline:
    """The exercise's twin run (computed once per exercise, then shared by every participant)."""
    with _BASELINE_LOCK:
        return _baseline(exercise)


def own_interventions(workshop: RoomWorkshop) -> list[Intervention]:
    """The interventions the participant applied (not the preset's own), in the order applied."""
    return list(workshop.model.interventions[len(workshop.scenario.interventions) :])


def summarize(workshop: RoomWorkshop) -> Run:
    """What the room keeps of this participant's current run: the plan and the outcome vs the twin."""
    twin = baseline(workshop.exercise)
    with workshop.lock:
        model = workshop.model
        week = model.week
        tried = tuple(
            Tried(who=i.target, what=i.key, when=int(i.start or 0)) for i in own_interventions(workshop)
        )
        member = next((e for e in model.employees if e.name == twin.focus), None)
        fires = float(np.sum(model.datacollector.model_vars["fires"][1:]))
        own = (
            None
            if member is None
            else (float(member.lmx7), float(member.performance), float(model.differentiation), fires)
        )
        last = workshop.last_week
    outcome = None
    if own is not None:
        base = twin.at(week)
        outcome = Outcome(
            focus=twin.focus,
            relationship=Measure(own[0], base[0]),
            performance=Measure(own[1], base[1]),
            spread=Measure(own[2], base[2]),
            fires=Measure(own[3], base[3]),
        )
    return Run(
        number=workshop.run_number,
        exercise=workshop.exercise.version,
        week=week,
        last_week=last,
        tried=tried,
        outcome=outcome,
    )


def replay(exercise: Exercise, run: Run) -> RoomWorkshop:
    """The participant's run rebuilt from its summary (same seed, same plan: the same team, exactly).

    This is how the projector shows a participant's drawing and charts without the room
    holding anyone's model.
    """
    workshop = RoomWorkshop(exercise)
    with workshop.lock:
        for tried in run.tried:
            workshop.model.apply(
                dataclasses.replace(CATALOGUE[tried.what](target=tried.who), start=tried.when)
            )
        workshop.step(run.week)
    return workshop
