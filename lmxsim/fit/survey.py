"""Reading a team's LMX-7 survey waves (CSV), with errors that name file, line and field.

Columns (docs/fitting.md, "The survey file"):

    name, wave, week                      who, which wave (1, 2, ...), weeks since the team started
    member_1 .. member_7  or member_total the member's LMX-7 (items 1-5, or the total 7-35)
    leader_1 .. leader_7  or leader_total optional: the leader's rating of the same relationship
    leader_rating                         optional: the leader's rating of the member's work, 1-5

Missing values are allowed (empty cells): a rating with at least MIN_ITEMS of its seven
items answered counts as 7 x the mean of the answered items; with fewer, or an empty
total, that rating is left out of the fit (the simulation still runs it, the
distance just does not compare it).
"""

from __future__ import annotations

import csv
import io
import itertools
import math
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from lmxsim.fit import FitError
from lmxsim.io.output import csv_delimiter
from lmxsim.model.measurement import HIGH, ITEMS, LOW, RATERS, RATING
from lmxsim.team.tabular import (
    InputError,
    decode_text,
    extra_values_problem,
    name_problem,
    parse_number,
    shown,
)
from lmxsim.texts import t

MIN_ITEMS = 4
MAX_WEEK = 520
MAX_BYTES = 5_000_000
BASE = ("name", "wave", "week")
RATING_COLUMN = "leader_rating"  # the leader's 1-5 rating of each member (measurement.leader_rating)
TEAM_COLUMN = "team"  # a survey of many teams (lmxsim/fit/panel.py); the same word in Dutch


@dataclass
class Survey:
    """Observed LMX-7 totals: member[i, k], leader[i, k] for person i (team order), wave k; nan = missing."""

    path: str
    names: list[str]
    weeks: list[int]  # week of wave 1, 2, ...
    member: np.ndarray
    leader: np.ndarray | None  # None: the file has no leader ratings
    # member_1..member_7 answers, (person, wave, item), nan where not given (the plan's
    # conversation guide reads the lowest ones; None when the file gives totals only)
    items: np.ndarray | None = None
    rating: np.ndarray | None = None  # the leader's 1-5 rating of each member per wave; None: no column

    def latest_items(self) -> dict[str, list[int]]:
        """Per person, the seven item answers of the latest wave that has all seven (else left out)."""
        found: dict[str, list[int]] = {}
        if self.items is None:
            return found
        for i, name in enumerate(self.names):
            for k in reversed(range(self.items.shape[1])):
                if not np.isnan(self.items[i, k]).any():
                    found[name] = [int(v) for v in self.items[i, k]]
                    break
        return found

    def ratings(self) -> dict[str, np.ndarray]:
        return (
            {"member": self.member}
            | ({} if self.leader is None else {"leader": self.leader})
            | ({} if self.rating is None else {RATING: self.rating})
        )


def _columns(rater: str) -> list[str]:
    return [f"{rater}_{j}" for j in range(1, ITEMS + 1)]


def data_records(
    rows: list[list[str]], header: list[str], where: str, delimiter: str = ","
) -> Iterator[tuple[int, dict[str, str]]]:
    """(line number, cells by column) for each data row that is not empty; a row with more cells
    than the header has columns is refused with one line naming the file, the line and the
    likely cause (tabular.extra_values_problem: a decimal comma in a comma-separated file)."""
    for number, row in enumerate(rows[1:], start=2):
        if not any(c.strip() for c in row):
            continue
        if len(row) > len(header):
            problem = extra_values_problem(row, len(header), delimiter) or t(
                "input.extra_values", "en", n=len(row), columns=len(header)
            )
            raise FitError(f"{where}, line {number}: {problem}")
        yield number, {h: (row[i].strip() if i < len(row) else "") for i, h in enumerate(header)}


def read_text(path: Path, kind: str, max_bytes: int) -> str:
    """A fit input file's text (UTF-8, BOM allowed), or one clear FitError naming the `kind` of file."""
    article = "an" if kind[0] in "aeiou" else "a"
    try:
        if path.stat().st_size > max_bytes:
            raise FitError(f"{path}: too large for {article} {kind} file (at most {max_bytes:,} bytes)")
        return decode_text(path.read_bytes(), str(path), kind)  # UTF-8, UTF-16, Windows-1252; never mixed
    except InputError as error:
        raise FitError(str(error)) from None
    except FileNotFoundError:
        raise FitError(f"{kind} file {path} does not exist") from None
    except OSError as error:
        raise FitError(f"{kind} file {path} cannot be read ({error.strerror})") from None


def read_survey(path: str | Path, team_names: list[str]) -> Survey:
    """Read and check a survey file against the team's names (the team file's order)."""
    path = Path(path)
    return parse_survey(read_text(path, "survey", MAX_BYTES), str(path), team_names)


def parse_survey(text: str, where: str, team_names: list[str], team_rows: set[int] | None = None) -> Survey:
    """`team_rows`: read only these lines (a survey of many teams, lmxsim/fit/panel.py: one team's
    rows; its `team` column is then allowed and not read here)."""
    delimiter = csv_delimiter(text.split("\n", 1)[0], ",;\t")  # tab: Excel's "Unicode text" (UTF-16)
    rows = list(csv.reader(io.StringIO(text), delimiter=delimiter))
    if not rows or not any(c.strip() for c in rows[0]):
        raise FitError(f"{where}: empty; the first line must name the columns ({', '.join(BASE)}, ...)")
    header = [c.strip().lower() for c in rows[0]]
    if TEAM_COLUMN in header and team_rows is None:  # many teams: lmxsim/fit/panel.py
        raise FitError(
            f"{where}, line 1: column 'team' means a survey of many teams: give --teams with the folder "
            "of the teams' files, not --team"
        )
    allowed = {
        *BASE,
        RATING_COLUMN,
        TEAM_COLUMN,  # only reaches here with team_rows (checked above)
        *(f"{r}_total" for r in RATERS),
        *(c for r in RATERS for c in _columns(r)),
    }
    for column in header:
        if column not in allowed:
            raise FitError(
                f"{where}, line 1: unknown column {shown(column)} "
                "(allowed: name, wave, week, member_1..member_7 or member_total, "
                "leader_1..leader_7 or leader_total, leader_rating)"
            )
    for column in BASE:
        if column not in header:
            raise FitError(f"{where}, line 1: column {column!r} is missing (needed: name, wave, week)")
    present = {r for r in RATERS if f"{r}_total" in header or any(c in header for c in _columns(r))}
    if "member" not in present:
        raise FitError(f"{where}, line 1: no member ratings (give member_1..member_7 or member_total)")
    index = {name: i for i, name in enumerate(team_names)}
    cells: dict[tuple[str, int, int], float] = {}
    wave_week: dict[int, tuple[int, int]] = {}  # wave -> (week, line)
    seen: dict[tuple[int, int], int] = {}
    items: dict[tuple[int, int], list[float]] = {}
    for number, record in data_records(rows, header, where, delimiter):
        if team_rows is not None and number not in team_rows:
            continue
        name = record["name"]
        problem = name_problem(name)
        if problem:
            raise FitError(f"{where}, line {number}, field name: {shown(name)} {problem}")
        if name not in index:
            team = ", ".join(team_names)
            raise FitError(
                f"{where}, line {number}, field name: {shown(name)} is not in the team file "
                f"(the team: {team if len(team) <= 200 else team[:199] + '…'})"
            )
        wave = _whole(record["wave"], "wave", 1, 100, where, number)
        week = _whole(record["week"], "week", 0, MAX_WEEK, where, number)
        if wave in wave_week and wave_week[wave][0] != week:
            raise FitError(
                f"{where}, line {number}, field week: wave {wave} is week {wave_week[wave][0]} on line "
                f"{wave_week[wave][1]} but week {week} here; one week per wave"
            )
        wave_week.setdefault(wave, (week, number))
        if (index[name], wave) in seen:
            raise FitError(
                f"{where}, line {number}: {name!r} wave {wave} appears twice "
                f"(also line {seen[index[name], wave]})"
            )
        seen[index[name], wave] = number
        for rater in present:
            cells[rater, index[name], wave] = _rating(record, rater, where, number)
        if RATING_COLUMN in header:
            cell = record[RATING_COLUMN]
            value = math.nan if cell == "" else _whole(cell, RATING_COLUMN, LOW, HIGH, where, number)
            cells[RATING, index[name], wave] = float(value)
        items[index[name], wave] = [
            float(record[c]) if record.get(c, "") != "" else math.nan for c in _columns("member")
        ]  # checked by _rating above
    if not wave_week:
        raise FitError(f"{where}: no survey rows below the header")
    waves = sorted(wave_week)
    if waves != list(range(1, len(waves) + 1)):
        missing = sorted(set(range(1, max(waves) + 1)) - set(waves))
        raise FitError(f"{where}: waves must be numbered 1, 2, 3, ...; wave {missing[0]} is missing")
    for a, b in itertools.pairwise(waves):
        if wave_week[b][0] <= wave_week[a][0]:
            raise FitError(
                f"{where}, line {wave_week[b][1]}, field week: waves out of order: wave {b} is week "
                f"{wave_week[b][0]}, not after wave {a} (week {wave_week[a][0]})"
            )
    absent = [name for name in team_names if not any((index[name], w) in seen for w in waves)]
    if absent:
        raise FitError(
            f"{where}: the survey contradicts the team file: {', '.join(map(repr, absent))} "
            f"{'is' if len(absent) == 1 else 'are'} in the team file but not in any wave "
            "(remove them from the team file, or add their rows with empty ratings)"
        )
    shape = (len(team_names), len(waves))
    ratings = {r: np.full(shape, np.nan) for r in (*present, *([RATING] if RATING_COLUMN in header else []))}
    for (rater, i, wave), value in cells.items():
        ratings[rater][i, wave - 1] = value
    if np.isnan(ratings["member"]).all():
        raise FitError(f"{where}: every member rating is empty; the fit needs at least some")
    answers = np.full((*shape, ITEMS), np.nan)
    for (i, wave), values in items.items():
        answers[i, wave - 1] = values
    return Survey(
        where,
        list(team_names),
        [wave_week[w][0] for w in waves],
        ratings["member"],
        ratings.get("leader"),
        answers if not np.isnan(answers).all() else None,
        ratings.get(RATING),
    )


def _whole(cell: str, field: str, low: int, high: int, where: str, line: int) -> int:
    value = parse_number(cell, decimal_comma=True)  # `0_5`, `0x1`: not a number
    if value is None or not math.isfinite(value) or value != int(value) or not low <= value <= high:
        raise FitError(
            f"{where}, line {line}, field {field}: {shown(cell)} is not allowed "
            f"(a whole number from {low} to {high})"
        )
    return int(value)


def _rating(record: dict[str, str], rater: str, where: str, line: int) -> float:
    """The LMX-7 total of one rater on one line (nan = missing), from items or the total."""
    items = [c for c in _columns(rater) if c in record]
    answered = []
    for column in items:
        if record[column] == "":
            continue
        answered.append(_whole(record[column], column, LOW, HIGH, where, line))
    total_cell = record.get(f"{rater}_total", "")
    total = None
    if total_cell != "":
        total = _whole(total_cell, f"{rater}_total", ITEMS * LOW, ITEMS * HIGH, where, line)
    if total is not None and len(answered) == ITEMS and total != sum(answered):
        raise FitError(
            f"{where}, line {line}, field {rater}_total: {total} is not the sum of "
            f"{rater}_1..{rater}_{ITEMS} "
            f"({sum(answered)}); give one or make them agree"
        )
    if total is not None:
        return float(total)
    if len(answered) >= MIN_ITEMS:
        return ITEMS * float(np.mean(answered))
    return math.nan


# How far a week-0 survey total may lie from the team file's LMX-7 of the same moment:
# the two are the same answers, written twice, so more than rounding is a contradiction.
SAME_ANSWERS = 1.0


def check_against_team(survey: Survey, team: list, team_path: str) -> None:
    """A wave at week 0 and the team file's LMX-7 describe the same moment: they must agree."""
    if survey.weeks[0] != 0:
        return
    for i, member in enumerate(team):
        for rater, given in (
            ("member", getattr(member, "lmx7", None)),
            ("leader", getattr(member, "lmx7_leader", None)),
        ):
            ratings = survey.ratings().get(rater)
            if given is None or ratings is None or np.isnan(ratings[i, 0]):
                continue
            if abs(ratings[i, 0] - given) > SAME_ANSWERS:
                raise FitError(
                    f"{survey.path}: the survey contradicts the team file {team_path}: {member.name!r} "
                    f"wave 1 (week 0) {rater} LMX-7 is {ratings[i, 0]:g} but the team file says {given:g}; "
                    "week 0 is the team file's moment, so they must agree (or start the waves after week 0)"
                )
