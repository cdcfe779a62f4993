"""The simulator ABC calls: parameters -> simulated survey summaries, many particles at once.

Each particle is one replication of the batch engine (lmxsim/batch.py run_states) with
its own parameters (per-replication columns) and its own first impression of each person
(ability + first_impression_noise * z_i, z_i fitted); the other member traits and the
luck are drawn. Only the weeks of the waves and the three variables the item model
reads are recorded, then lmxsim/measurement.py turns them into LMX-7 totals.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from types import SimpleNamespace

import numpy as np

from lmxsim.batch import run_states
from lmxsim.dynamics import clip01
from lmxsim.fit.priors import MEASUREMENT_PREFIX, PERSON_PREFIX, Priors
from lmxsim.measurement import MEASUREMENT_FIELDS, Measurement, answer_items, rater_view, totals
from lmxsim.params import PARAMETERS, Params
from lmxsim.team import Member

VARIABLES = ("lmx", "trust", "leader_trust")
SUMMARY = "lmx7"
OWN_TRUST = {"member": "trust", "leader": "leader_trust"}


@dataclass
class Simulator:
    """Simulates the survey a team would give, for rows of fitted parameter values."""

    team: list[Member]
    weeks: list[int]  # the waves' weeks
    observed: dict[str, np.ndarray]  # rater -> (n, waves) totals, nan = missing
    priors: Priors
    base: Params = field(default_factory=Params)
    measurement: Measurement = field(default_factory=Measurement)

    def __post_init__(self) -> None:
        self.ability = np.array([m.ability for m in self.team], dtype=float)
        self.raters = list(self.observed)
        # waves with at least two people rated get a team mean and spread
        self._team_waves = {
            r: [k for k in range(len(self.weeks)) if np.sum(~np.isnan(v[:, k])) >= 2] for r, v in self.observed.items()
        }

    # --- summaries ---------------------------------------------------------------------

    def summaries(self, ratings: dict[str, np.ndarray]) -> dict[str, np.ndarray]:
        """Summary statistics of one survey (rater -> (n, waves)), as one array under SUMMARY:
        every observed rating (rater, person, wave), then per rater and wave the mean and
        spread over the people rated. One array, not one key per number: pyABC stores each
        key of each particle as a database row. `summary_labels` names the positions."""
        parts = []
        for rater in self.raters:
            mask = ~np.isnan(self.observed[rater])
            values = ratings[rater]
            parts.append(values[mask])
            for k in self._team_waves[rater]:
                rated = values[mask[:, k], k]
                parts.append(np.array([rated.mean(), rated.std()]))
        return {SUMMARY: np.concatenate(parts).astype(float)}

    def summary_labels(self) -> list[str]:
        labels = []
        for rater in self.raters:
            mask = ~np.isnan(self.observed[rater])
            labels += [f"{rater}|{self.team[i].name}|wave {k + 1}" for i, k in zip(*np.nonzero(mask), strict=True)]
            for k in self._team_waves[rater]:
                labels += [f"{rater}|team mean|wave {k + 1}", f"{rater}|team spread|wave {k + 1}"]
        return labels

    def observed_summaries(self) -> dict[str, np.ndarray]:
        return self.summaries(self.observed)

    # --- simulation --------------------------------------------------------------------

    def totals(self, rows: list[dict[str, float]], seed: np.random.SeedSequence) -> dict[str, np.ndarray]:
        """Simulated LMX-7 totals, rater -> (R, n, waves), one replication per row."""
        reps = len(rows)
        engine_seeds = seed.spawn(reps + 1)
        rng = np.random.default_rng(engine_seeds.pop())
        p = self._param_columns(rows)
        traits = {}
        if self.priors.people:
            z = np.array([[row[f"{PERSON_PREFIX}{i}"] for i in range(len(self.team))] for row in rows])
            traits["first_impression"] = clip01(self.ability + p.first_impression_noise * z)
        states = run_states(engine_seeds, max(self.weeks), self.weeks, VARIABLES, p, self.team, traits)
        m = self._measurement_columns(rows)
        out = {}
        for rater in self.raters:
            # (waves, R, n) -> (R, n, waves)
            view = rater_view(states["lmx"], states[OWN_TRUST[rater]], m).transpose(1, 2, 0)
            out[rater] = totals(answer_items(view, rater, m, rng))
        return out

    def simulate(self, rows: list[dict[str, float]], seed: np.random.SeedSequence) -> list[dict[str, np.ndarray]]:
        """Summary statistics for each row of parameters (one replication each)."""
        sims = self.totals(rows, seed)
        return [self.summaries({r: sims[r][j] for r in self.raters}) for j in range(len(rows))]

    def _param_columns(self, rows: list[dict[str, float]]) -> SimpleNamespace:
        values = {name: getattr(self.base, name) for name in PARAMETERS}
        for name in self.priors.names:
            if not name.startswith(MEASUREMENT_PREFIX):
                values[name] = np.array([row[name] for row in rows], dtype=float)[:, None]
        return SimpleNamespace(**values)

    def _measurement_columns(self, rows: list[dict[str, float]]) -> SimpleNamespace:
        values = {name: getattr(self.measurement, name) for name in MEASUREMENT_FIELDS}
        for name in self.priors.names:
            if name.startswith(MEASUREMENT_PREFIX):
                values[name.removeprefix(MEASUREMENT_PREFIX)] = np.array([row[name] for row in rows], dtype=float)
        return SimpleNamespace(**values)
