"""Twin runs: the same team with the same luck, with and without an intervention.

Both runs use one seed, so every member meets the same random draws in the
same week (common random numbers): interventions never draw random numbers.
Until the first added intervention acts, the twins are identical to the last
bit; after that, any difference is the intervention's effect alone.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from lmxsim.interventions.catalogue import Intervention, InterventionError
from lmxsim.interventions.spec import check_plan, parse_spec
from lmxsim.io.rules import check_weeks
from lmxsim.model.frames import MEMBER_TRAITS
from lmxsim.model.params import ParameterError
from lmxsim.team.config import Scenario, load_scenario
from lmxsim.team.members import drawn_names

ENGINES = ("batch", "mesa")
VARIANTS = ("baseline", "variant")
# What the end-of-run comparison shows (the columns of the member frame).
COMPARED = ("lmx7", "performance", "trust", "autonomy")
_KEYS = ["week", "member_id", "name"]


@dataclass
class TwinRun:
    """Both runs in tidy tables (a `variant` column says which) and their differences."""

    members: pd.DataFrame  # one row per variant, week and member
    team: pd.DataFrame  # one row per variant and week
    differences: pd.DataFrame  # one row per week and member: variant minus baseline
    interventions: list[Intervention]  # the added interventions, as scheduled
    weeks: int
    seed: object
    engine: str

    @property
    def first_week(self) -> int:
        """The first week an added intervention acts in (weeks + 1 if none does)."""
        weeks = [
            w
            for i in self.interventions
            if i.start is not None
            for w in range(i.start, self.weeks + 1)
            if i.active(w)
        ]
        return min(weeks, default=self.weeks + 1)

    def summary(self, measures: Sequence[str] = COMPARED) -> pd.DataFrame:
        """Per member at the end: baseline, variant and difference of each measure."""
        end = self.members[self.members["week"] == self.weeks]
        base = end[end["variant"] == "baseline"].set_index("name")
        variant = end[end["variant"] == "variant"].set_index("name")
        table = pd.DataFrame(index=base.index)
        for measure in measures:
            table[f"{measure}_baseline"] = base[measure]
            table[f"{measure}_variant"] = variant[measure]
            table[f"{measure}_difference"] = variant[measure] - base[measure]
        return table.reset_index()


def _as_interventions(interventions) -> list[Intervention]:
    if isinstance(interventions, Intervention | str):
        interventions = [interventions]
    if not isinstance(interventions, Sequence):
        raise InterventionError(f"{interventions!r} is not an intervention, a spec or a list of them")
    plans = []
    for item in interventions:
        if isinstance(item, str):
            item = parse_spec(item)
        elif not isinstance(item, Intervention):
            raise InterventionError(f"{item!r} is not an intervention or an intervention spec")
        plan = dataclasses.replace(item)  # never change the caller's object
        if plan.start is None:
            plan.start = 1
        plans.append(plan)
    return plans


def team_names(scenario: Scenario) -> list[str]:
    """Member names as both engines will give them (a drawn team is named from NAMES)."""
    if scenario.team is not None:
        return [m.name for m in scenario.team]
    return drawn_names(scenario.team_size)


def _run(scenario: Scenario, interventions, weeks, seed, engine) -> tuple[pd.DataFrame, pd.DataFrame]:
    if engine == "mesa":
        from lmxsim.engine.mesa_model import LMXModel  # Mesa takes seconds to import: only when asked for

        model = LMXModel.from_scenario(scenario, rng=seed, interventions=interventions).run(weeks)
        return model.member_frame(), model.team_frame()
    from lmxsim.engine.batch import run_batch

    run = run_batch(
        [seed],
        weeks,
        params=scenario.params,
        team=scenario.team,
        n_employees=scenario.team_size,
        interventions=interventions,
    )
    return run.member_frame(0), run.team_frame(0)


def twin_run(
    scenario: Scenario | str,
    interventions: Intervention | str | Sequence[Intervention | str],
    weeks: int | None = None,
    rng: int | np.random.SeedSequence | None = None,
    engine: str = "batch",
) -> TwinRun:
    """Run `scenario` as it is (baseline) and with `interventions` added (variant), on one seed.

    `scenario` is a Scenario or a preset name; interventions may be objects or
    specs such as "role-clarification:An@8"; `weeks` and `rng` default to the
    scenario's. The scenario's own scheduled interventions run in both twins.
    """
    if isinstance(scenario, str):
        scenario = load_scenario(scenario)
    if engine not in ENGINES:
        raise ParameterError(f"engine {engine!r} is not allowed (allowed: {', '.join(ENGINES)})")
    weeks = scenario.weeks if weeks is None else weeks
    check_weeks(weeks, low=1)
    seed = scenario.seed if rng is None else rng
    added = _as_interventions(interventions)
    check_plan([*scenario.interventions, *added], team_names(scenario), weeks)

    members, team = [], []
    for variant, plan in zip(
        VARIANTS, (scenario.interventions, [*scenario.interventions, *added]), strict=True
    ):
        member_frame, team_frame = _run(scenario, list(plan), weeks, seed, engine)
        members.append(member_frame.assign(variant=variant))
        team.append(team_frame.assign(variant=variant))
    members_table = _variant_first(pd.concat(members, ignore_index=True))
    team_table = _variant_first(pd.concat(team, ignore_index=True))
    return TwinRun(
        members=members_table,
        team=team_table,
        differences=_differences(members[0], members[1]),
        interventions=added,
        weeks=weeks,
        seed=seed,
        engine=engine,
    )


def _variant_first(frame: pd.DataFrame) -> pd.DataFrame:
    return frame[["variant", *[c for c in frame.columns if c != "variant"]]]


def _differences(baseline: pd.DataFrame, variant: pd.DataFrame) -> pd.DataFrame:
    numeric = [
        c
        for c in baseline.columns
        if c not in (*_KEYS, *MEMBER_TRAITS, "variant") and pd.api.types.is_numeric_dtype(baseline[c])
    ]
    table = baseline[_KEYS].copy()
    for column in numeric:
        table[column] = variant[column].to_numpy() - baseline[column].to_numpy()
    return table
