"""Many teams in one fit: one survey file with a `team` column, each team's file in a folder.

    lmxsim fit --survey waves.csv --teams teams/ --out fit/

The survey's `team` column names each row's team; `teams/<team>.csv|.xlsx|.toml` is that
team's file (read by lmxsim/team/teamfile.py). Every team has its own leader, and the
leaders share one set of parameters (pooled: the documented first step of issue 26 req 1;
a hierarchical population of leaders is not fitted). Each person's first impression is
per team and person, as in a one-team fit (people.py, per team).

The simulator (Panel) runs one Simulator per team: a round of particles is one batch-engine
call per team (the engine runs replications of one team; teams differ in size and people),
so a round costs T calls, not T x particles. Summaries are pooled over teams, so their
number does not grow with the teams (ABC's distance degrades with many summaries): per rater
and wave the quantiles and mean of all ratings, the mean spread within teams and the spread
of team means; per rater the pooled change from each team's first to last wave (quantiles,
mean) and how strongly each person's place in their team persists from first to last wave
(the pooled correlation of team-centred ratings: anchoring keeps places); with member and
leader ratings, their pooled team-centred agreement at the last wave.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from lmxsim.fit import FitError
from lmxsim.fit.priors import Priors
from lmxsim.fit.simulate import SUMMARY, Simulator
from lmxsim.fit.survey import (
    MAX_BYTES,
    TEAM_COLUMN,
    Survey,
    check_against_team,
    data_records,
    parse_survey,
    read_text,
)
from lmxsim.io.output import csv_delimiter
from lmxsim.team.members import Member
from lmxsim.team.tabular import name_problem, shown

TEAM_SUFFIXES = (".csv", ".xlsx", ".toml")
QUANTILES = (0.1, 0.3, 0.5, 0.7, 0.9)
MAX_TEAMS = 200


@dataclass
class TeamSurvey:
    """One team of a many-team survey: its name in the survey, its file, its people and answers."""

    team: str
    path: str
    members: list[Member]
    survey: Survey


def team_file(folder: Path, team: str) -> Path:
    """The file of `team` in `folder`: exactly one of <team>.csv, .xlsx, .toml must exist."""
    found = [folder / f"{team}{suffix}" for suffix in TEAM_SUFFIXES if (folder / f"{team}{suffix}").is_file()]
    if not found:
        raise FitError(
            f"no team file for team {shown(team)} in {folder} "
            f"(looked for {team}.csv, {team}.xlsx and {team}.toml)"
        )
    if len(found) > 1:
        raise FitError(
            f"team {shown(team)} has {len(found)} files in {folder} ({', '.join(p.name for p in found)}); "
            "keep one"
        )
    return found[0]


def read_panel(survey_path: str | Path, folder: str | Path) -> list[TeamSurvey]:
    """Every team's file and answers; all problems at once, each naming its team and file."""
    from lmxsim.team.teamfile import TeamFileError, load_team

    survey_path, folder = Path(survey_path), Path(folder)
    where = str(survey_path)
    if not folder.is_dir():
        raise FitError(f"--teams {folder}: not a folder (give the folder that holds each team's file)")
    text = read_text(survey_path, "survey", MAX_BYTES)
    delimiter = csv_delimiter(text.split("\n", 1)[0], ",;\t")
    rows = list(csv.reader(io.StringIO(text), delimiter=delimiter))
    header = [c.strip().lower() for c in rows[0]] if rows else []
    if TEAM_COLUMN not in header:
        raise FitError(
            f"{where}, line 1: column 'team' is missing: with --teams every row names its team "
            f"(a file <team>.csv, .xlsx or .toml in {folder})"
        )
    problems: list[str] = []
    groups: dict[str, list[tuple[int, dict[str, str]]]] = {}
    for number, record in data_records(rows, header, where, delimiter):
        team = record[TEAM_COLUMN]
        problem = name_problem(team) if team else "is empty (every row names its team)"
        if problem is None and (team in (".", "..") or any(c in team for c in "/\\:")):
            problem = "is not allowed (a team is a file name in the folder: no / \\ : or ..)"
        if problem:
            problems.append(f"{where}, line {number}, field team: {shown(team)} {problem}")
            continue
        groups.setdefault(team, []).append((number, record))
    if len(groups) > MAX_TEAMS:
        raise FitError(f"{where}: {len(groups)} teams is too many (allowed: 1 to {MAX_TEAMS})")
    teams = []
    for team, records in groups.items():
        try:
            path = team_file(folder, team)
            members = load_team(path)
            lines = {number for number, _ in records}  # the team's rows; messages name the file's lines
            survey = parse_survey(text, where, [m.name for m in members], team_rows=lines)
            check_against_team(survey, members, str(path))
            teams.append(TeamSurvey(team, str(path), members, survey))
        except (FitError, TeamFileError) as error:
            problems.append(f"team {shown(team)}: {error}")
    if problems:
        count = f"{len(problems)} problems" if len(problems) > 1 else "1 problem"
        raise FitError(f"{where} with --teams {folder}: {count}:\n  " + "\n  ".join(problems))
    if not teams:
        raise FitError(f"{where}: no survey rows below the header")
    return teams


@dataclass
class Panel:
    """Simulates many teams' surveys for rows of shared (pooled) parameters; pooled summaries."""

    teams: list[str]
    paths: list[str]
    simulators: list[Simulator]
    priors: Priors
    _masks: list[dict[str, np.ndarray]] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self.raters = list(self.simulators[0].raters)
        self._masks = [{r: ~np.isnan(s.observed[r]) for r in self.raters} for s in self.simulators]

    @classmethod
    def of(cls, teams: list[TeamSurvey], priors: Priors) -> Panel:
        simulators = [Simulator(t.members, t.survey.weeks, t.survey.ratings(), priors) for t in teams]
        return cls([t.team for t in teams], [t.path for t in teams], simulators, priors)

    @property
    def people(self) -> int:
        return sum(len(s.team) for s in self.simulators)

    def identity(self) -> dict:
        """What a stored fit must share with this one to be resumed (run.fingerprint)."""
        return {"teams": [[t, s.identity()] for t, s in zip(self.teams, self.simulators, strict=True)]}

    def observed_summaries(self) -> dict[str, np.ndarray]:
        observed = [{r: s.observed[r][None] for r in self.raters} for s in self.simulators]
        return {SUMMARY: self.pooled(observed)[0]}

    def simulate(
        self, rows: list[dict[str, float]], seed: np.random.SeedSequence
    ) -> list[dict[str, np.ndarray]]:
        """Summary statistics per row: every team simulated once per row (one engine call per team)."""
        sims = [
            s.totals(rows, np.random.SeedSequence(seed.entropy, spawn_key=(*seed.spawn_key, 7919, t)))
            for t, s in enumerate(self.simulators)
        ]
        pooled = self.pooled(sims)
        return [{SUMMARY: pooled[j]} for j in range(len(rows))]

    def pooled(self, ratings: list[dict[str, np.ndarray]]) -> np.ndarray:
        """Pooled summaries (R, S) of teams' totals, rater -> (R, n_t, waves_t) per team."""
        parts: list[np.ndarray] = []
        waves = max(len(s.weeks) for s in self.simulators)
        for rater in self.raters:
            for k in range(waves):
                values, means, spreads = [], [], []
                for masks, team in zip(self._masks, ratings, strict=True):
                    mask = masks[rater]
                    if k >= mask.shape[1] or not mask[:, k].any():
                        continue
                    rated = team[rater][:, mask[:, k], k]
                    values.append(rated)
                    means.append(rated.mean(axis=1))
                    if rated.shape[1] >= 2:
                        spreads.append(rated.std(axis=1))
                if not values:
                    continue
                pooled = np.concatenate(values, axis=1)
                parts += [np.quantile(pooled, QUANTILES, axis=1).T, pooled.mean(axis=1)[:, None]]
                if spreads:
                    parts.append(np.mean(spreads, axis=0)[:, None])
                if len(means) >= 2:
                    parts.append(np.std(means, axis=0)[:, None])
            first, last, change = [], [], []
            for masks, team in zip(self._masks, ratings, strict=True):
                mask = masks[rater]
                both = mask[:, 0] & mask[:, -1]
                if mask.shape[1] < 2 or both.sum() < 2:
                    continue
                a, b = team[rater][:, both, 0], team[rater][:, both, -1]
                change.append(b - a)
                first.append(a - a.mean(axis=1, keepdims=True))
                last.append(b - b.mean(axis=1, keepdims=True))
            if change:
                pooled = np.concatenate(change, axis=1)
                parts += [np.quantile(pooled, QUANTILES, axis=1).T, pooled.mean(axis=1)[:, None]]
                parts.append(_correlation(np.concatenate(first, axis=1), np.concatenate(last, axis=1)))
        if {"member", "leader"} <= set(self.raters):  # do member and leader agree on who stands where?
            member, leader = [], []
            for masks, team in zip(self._masks, ratings, strict=True):
                both = masks["member"][:, -1] & masks["leader"][:, -1]
                if both.sum() < 2:
                    continue
                m, lead = team["member"][:, both, -1], team["leader"][:, both, -1]
                member.append(m - m.mean(axis=1, keepdims=True))
                leader.append(lead - lead.mean(axis=1, keepdims=True))
            if member:
                parts.append(_correlation(np.concatenate(member, axis=1), np.concatenate(leader, axis=1)))
        return np.concatenate(parts, axis=1).astype(float)


def _correlation(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Per row, the correlation of two centred samples (0 where one has no spread): (R, 1)."""
    scale = np.sqrt(np.sum(a * a, axis=1) * np.sum(b * b, axis=1))
    r = np.divide(np.sum(a * b, axis=1), scale, out=np.zeros(len(a)), where=scale > 0)
    return r[:, None]
