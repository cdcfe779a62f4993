"""The simulator ABC calls: parameters -> simulated survey summaries, many particles at once.

Each particle is one replication of the batch engine (lmxsim/engine/batch.py run_states) with
its own parameters (per-replication columns) and its own first impression of each person
(ability + first_impression_noise * z_i, z_i fitted); the other member traits and the
luck are drawn. Only the weeks of the waves and the three variables the item model
reads are recorded, then lmxsim/model/measurement.py turns them into LMX-7 totals; with
team-level observations (observations.py) also the team's weekly count of that measure.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from types import SimpleNamespace
from typing import Protocol

import numpy as np

from lmxsim.engine.batch import run_states
from lmxsim.fit.observations import TeamObservations
from lmxsim.fit.priors import MEASUREMENT_PREFIX, PERSON_PREFIX, Priors
from lmxsim.model.dynamics import clip01
from lmxsim.model.measurement import (
    MEASUREMENT_FIELDS,
    RATING,
    Measurement,
    answer_items,
    leader_rating,
    rater_view,
    totals,
)
from lmxsim.model.params import PARAMETERS, Params
from lmxsim.team.members import Member

VARIABLES = ("lmx", "trust", "leader_trust")
IMPRESSION = "leader_impression"  # what the leader's rating of a member reads (measurement.leader_rating)
SUMMARY = "lmx7"
PERFORMANCE = "performance"  # objective performance (survey.relative): the engine's weekly output
WINDOW = 4  # weeks of output a wave's performance averages: the wave's week and the 3 before
OWN_TRUST = {"member": "trust", "leader": "leader_trust"}


class SurveySimulator(Protocol):
    """What a fit needs of its simulator (run.py, sampler.py): one team (Simulator) or many
    (panel.Panel) alike."""

    def identity(self) -> dict: ...

    def observed_summaries(self) -> dict[str, np.ndarray]: ...

    def simulate(
        self, rows: list[dict[str, float]], seed: np.random.SeedSequence
    ) -> list[dict[str, np.ndarray]]: ...


@dataclass
class Simulator:
    """Simulates the survey a team would give, for rows of fitted parameter values."""

    team: list[Member]
    weeks: list[int]  # the waves' weeks
    observed: dict[str, np.ndarray]  # rater -> (n, waves) totals, nan = missing
    priors: Priors
    base: Params = field(default_factory=Params)
    measurement: Measurement = field(default_factory=Measurement)
    team_observed: TeamObservations | None = None  # optional team counts per period (observations.py)

    def __post_init__(self) -> None:
        self.ability = np.array([m.ability for m in self.team], dtype=float)
        if PERFORMANCE in self.observed and 0 in self.weeks:  # no output before the first week
            self.observed = {**self.observed, PERFORMANCE: self.observed[PERFORMANCE].copy()}
            self.observed[PERFORMANCE][:, self.weeks.index(0)] = np.nan
        self.raters = list(self.observed)
        # waves with at least two people rated get a team mean and spread
        self._team_waves = {
            r: [k for k in range(len(self.weeks)) if np.sum(~np.isnan(v[:, k])) >= 2]
            for r, v in self.observed.items()
        }

    def identity(self) -> dict:
        """What a stored fit of this team must share with this one to be resumed (run.fingerprint)."""
        return {
            "names": [m.name for m in self.team],
            "ability": [m.ability for m in self.team],
            "weeks": self.weeks,
            "observed": {r: np.nan_to_num(v, nan=-1).tolist() for r, v in self.observed.items()},
            **(
                {}
                if self.team_observed is None
                else {
                    "team": [
                        self.team_observed.measure,
                        self.team_observed.periods,
                        self.team_observed.counts.tolist(),
                    ]
                }
            ),
        }

    # --- summaries ---------------------------------------------------------------------

    def summaries(self, ratings: dict[str, np.ndarray]) -> dict[str, np.ndarray]:
        """Summary statistics of one survey (rater -> (n, waves)), as one array under SUMMARY:
        per rater and wave the observed ratings sorted (who is who is left to the per-person
        step, lmxsim/fit/people.py), their mean and spread; then per rater each person's
        change from the first to the last wave, sorted. One array, not one key per number:
        pyABC stores each key of each particle as a database row."""
        parts = []
        for rater in self.raters:
            mask = ~np.isnan(self.observed[rater])
            values = ratings[rater]
            for k in range(len(self.weeks)):
                rated = values[mask[:, k], k]
                parts.append(np.sort(rated))
                if k in self._team_waves[rater]:  # relative performance has mean 1: its spread only
                    parts.append(
                        np.array([rated.std()] if rater == PERFORMANCE else [rated.mean(), rated.std()])
                    )
            both = mask[:, 0] & mask[:, -1]
            if len(self.weeks) > 1 and both.any():
                parts.append(np.sort(values[both, -1] - values[both, 0]))
        if self.team_observed is not None:  # one number per period of the team's observations
            parts.append(np.asarray(ratings[self.team_observed.measure], dtype=float))
        return {SUMMARY: np.concatenate(parts).astype(float)}

    def summary_labels(self) -> list[str]:
        labels = []
        for rater in self.raters:
            mask = ~np.isnan(self.observed[rater])
            for k in range(len(self.weeks)):
                labels += [f"{rater}|wave {k + 1}|rank {j + 1}" for j in range(int(mask[:, k].sum()))]
                if k in self._team_waves[rater]:
                    labels += [
                        f"{rater}|wave {k + 1}|{s}"
                        for s in (("spread",) if rater == PERFORMANCE else ("mean", "spread"))
                    ]
            both = mask[:, 0] & mask[:, -1]
            if len(self.weeks) > 1 and both.any():
                labels += [f"{rater}|change|rank {j + 1}" for j in range(int(both.sum()))]
        if self.team_observed is not None:
            labels += self.team_observed.labels()
        return labels

    def observed_summaries(self) -> dict[str, np.ndarray]:
        team = self.team_observed
        return self.summaries(self.observed | ({} if team is None else {team.measure: team.counts}))

    # --- simulation --------------------------------------------------------------------

    def totals(
        self, rows: list[dict[str, float]], seed: np.random.SeedSequence, with_z: bool = False
    ) -> dict[str, np.ndarray]:
        """Simulated LMX-7 totals, rater -> (R, n, waves), one replication per row.

        Each person's first impression is ability + first_impression_noise * z; z comes
        from the row (z_0, z_1, ...: known truth) or is drawn N(0, 1) (the fit: ABC
        integrates over it; lmxsim/fit/people.py infers it per person afterwards).
        with_z adds out["z"] (R, n).
        """
        reps, n = len(rows), len(self.team)
        engine_seeds = seed.spawn(reps + 1)
        rng = np.random.default_rng(engine_seeds.pop())
        p = self._param_columns(rows)
        z = rng.standard_normal((reps, n))
        given = [j for j, row in enumerate(rows) if f"{PERSON_PREFIX}0" in row]
        for j in given:
            z[j] = [rows[j][f"{PERSON_PREFIX}{i}"] for i in range(n)]
        traits = {}
        if self.priors.people:
            traits["first_impression"] = clip01(self.ability + p.first_impression_noise * z)
        team = self.team_observed
        record = list(self.weeks)
        if PERFORMANCE in self.raters:  # the weeks each wave's performance averages, too
            record = sorted({*record, *(w - j for w in self.weeks for j in range(WINDOW) if w - j >= 1)})
        states = run_states(
            engine_seeds,
            max(self.weeks) if team is None else max(*self.weeks, team.last_week),
            record,
            VARIABLES
            + ((IMPRESSION,) if RATING in self.raters else ())
            + ((PERFORMANCE,) if PERFORMANCE in self.raters else ()),
            p,
            self.team,
            traits,
            weekly_sums=() if team is None else (team.measure,),
        )
        if PERFORMANCE in self.raters:
            states = self._with_performance(states, record)
        m = self._measurement_columns(rows)
        out = {}
        for rater in self.raters:
            if rater == PERFORMANCE:  # (R, n, waves), relative to the observed people's mean
                out[rater] = states[PERFORMANCE].transpose(1, 2, 0)
                continue
            if rater == RATING:  # the leader's 1-5 rating of each member, (R, n, waves)
                out[rater] = leader_rating(states[IMPRESSION].transpose(1, 2, 0), m, rng)
                continue
            # (waves, R, n) -> (R, n, waves)
            view = rater_view(states["lmx"], states[OWN_TRUST[rater]], m).transpose(1, 2, 0)
            out[rater] = totals(answer_items(view, rater, m, rng))
        if team is not None:  # (R, periods)
            out[team.measure] = team.sums(states[f"team:{team.measure}"])
        if with_z:
            out["z"] = z
        return out

    def _with_performance(self, states: dict[str, np.ndarray], record: list[int]) -> dict[str, np.ndarray]:
        """States at the waves' weeks only, and each wave's performance: the mean output of the
        WINDOW weeks up to the wave, over the mean of the people whose performance was observed
        in that wave (survey.relative, as the survey's own numbers are read)."""
        at = [record.index(w) for w in self.weeks]
        out = {k: (v[at] if not k.startswith("team:") else v) for k, v in states.items()}
        weekly = states[PERFORMANCE]  # (len(record), R, n)
        windows = [
            [record.index(w - j) for j in range(WINDOW) if w - j >= 1] or [record.index(w)]
            for w in self.weeks
        ]
        raw = np.stack([weekly[rows].mean(axis=0) for rows in windows])  # (waves, R, n)
        observed = ~np.isnan(self.observed[PERFORMANCE])  # (n, waves)
        given = observed.T[:, None, :]  # (waves, 1, n)
        mean = np.where(given, raw, 0.0).sum(axis=-1, keepdims=True) / np.maximum(
            given.sum(axis=-1, keepdims=True), 1
        )
        out[PERFORMANCE] = raw / np.where(mean > 0, mean, 1.0)
        return out

    def simulate(
        self, rows: list[dict[str, float]], seed: np.random.SeedSequence
    ) -> list[dict[str, np.ndarray]]:
        """Summary statistics for each row of parameters (one replication each)."""
        sims = self.totals(rows, seed)
        keys = self.raters + ([] if self.team_observed is None else [self.team_observed.measure])
        return [self.summaries({k: sims[k][j] for k in keys}) for j in range(len(rows))]

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
                values[name.removeprefix(MEASUREMENT_PREFIX)] = np.array(
                    [row[name] for row in rows], dtype=float
                )
        return SimpleNamespace(**values)
