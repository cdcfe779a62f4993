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

from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from lmxsim.fit import FitError
from lmxsim.fit.priors import Priors
from lmxsim.fit.simulate import PERFORMANCE, SUMMARY, Simulator
from lmxsim.fit.survey import (
    TEAM_COLUMN,
    Survey,
    check_against_team,
    header_problems,
    read_survey_table,
    survey_from_table,
)
from lmxsim.team.members import Member
from lmxsim.team.tabular import Uncalculated, cell_text, name_problem, shown
from lmxsim.texts import t

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


def team_file(folder: Path, team: str, lang: str = "en") -> Path:
    """The file of `team` in `folder`: exactly one of <team>.csv, .xlsx, .toml must exist."""
    found = [folder / f"{team}{suffix}" for suffix in TEAM_SUFFIXES if (folder / f"{team}{suffix}").is_file()]
    if not found:
        names = [f"{team}{suffix}" for suffix in TEAM_SUFFIXES]
        files = ", ".join(names[:-1]) + t("survey.and", lang) + names[-1]
        raise FitError(t("survey.no_team_file", lang, team=shown(team), folder=folder, files=files))
    if len(found) > 1:
        files = ", ".join(p.name for p in found)
        raise FitError(
            t("survey.team_files", lang, team=shown(team), n=len(found), folder=folder, files=files)
        )
    return found[0]


def read_panel(survey_path: str | Path, folder: str | Path, lang: str = "en") -> list[TeamSurvey]:
    """Every team's file and answers; all problems at once, each naming its team and file, in `lang`.

    The survey goes through the one survey reader (survey.py: CSV in Excel's encodings and
    delimiters, .xlsx and `file.xlsx:Sheet`, English or Dutch headers): its header is checked
    once, its rows are grouped by `team`, and each team's rows are read as a one-team survey."""
    from lmxsim.team.teamfile import TeamFileError, load_team
    from lmxsim.texts.errors import translate

    folder = Path(folder)
    if not folder.is_dir():
        raise FitError(t("survey.not_folder", lang, folder=folder))
    table = read_survey_table(survey_path, lang)
    where = table.where
    problems, columns = header_problems(table, lang)
    if TEAM_COLUMN not in columns:
        line = next((n for n, cells in table.rows if any(cell_text(c) for c in cells)), 1)
        row = t(f"survey.{table.row_word}", lang)
        raise FitError(t("survey.no_team_column", lang, where=where, row=row, line=line, folder=folder))
    position, label = columns[TEAM_COLUMN], t(f"survey.{table.row_word}", lang)
    filled = [(n, cells) for n, cells in table.rows if any(cell_text(c) for c in cells)]
    field_name = str(filled[0][1][position]).strip()  # the team column as the file names it
    groups: dict[str, set[int]] = {}
    for number, cells in filled[1:]:
        cell = cells[position] if position < len(cells) else None
        team = cell_text(cell)
        if isinstance(cell, Uncalculated):
            problem: str | None = t("input.uncalculated", lang, field=field_name, formula=shown(cell.formula))
        elif not team:
            problem = t("survey.team_empty", lang, value=shown(team))
        elif team in (".", "..") or any(c in team for c in "/\\:"):
            problem = t("survey.team_name", lang, value=shown(team))
        else:
            problem = name_problem(team, lang)
            problem = None if problem is None else f"{shown(team)} {problem}"
        if problem:
            at = t("survey.at_field", lang, row=label, line=number, field=field_name, problem=problem)
            problems.append(f"{where}, {at}")
            continue
        groups.setdefault(team, set()).add(number)
    if len(groups) > MAX_TEAMS:
        raise FitError(t("survey.too_many_teams", lang, where=where, n=len(groups), limit=MAX_TEAMS))
    teams = []
    for team, lines in groups.items():
        try:
            path = team_file(folder, team, lang)
            members = load_team(path)
            survey = survey_from_table(table, [m.name for m in members], lang, team_rows=lines)
            check_against_team(survey, members, str(path), lang)
            teams.append(TeamSurvey(team, str(path), members, survey))
        except (FitError, TeamFileError) as error:
            problems.append(t("survey.of_team", lang, team=shown(team), problem=translate(str(error), lang)))
    if problems:
        key = "survey.panel_problems" if len(problems) > 1 else "survey.panel_problem"
        head = t(key, lang, where=where, folder=folder, n=len(problems))
        raise FitError(head + "\n  " + "\n  ".join(problems))
    if not teams:
        raise FitError(f"{where}: " + t("survey.no_rows", lang))
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
                parts.append(np.quantile(pooled, QUANTILES, axis=1).T)
                if rater != PERFORMANCE:  # relative performance: every team's mean is 1
                    parts.append(pooled.mean(axis=1)[:, None])
                if spreads:
                    parts.append(np.mean(spreads, axis=0)[:, None])
                if len(means) >= 2 and rater != PERFORMANCE:
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
                parts.append(np.quantile(pooled, QUANTILES, axis=1).T)
                if rater != PERFORMANCE:
                    parts.append(pooled.mean(axis=1)[:, None])
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
