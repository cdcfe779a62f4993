"""Reading a team's LMX-7 survey waves as Excel wrote them, with every problem of a file at once.

The survey file is read as strongly as the team file (both through lmxsim/team/tabular.py):
CSV in UTF-8 (with or without BOM), UTF-16 or Windows-1252, with `,`, `;` or tabs between the
fields and decimal commas where `;`; or an Excel workbook (.xlsx: the only sheet, the sheet
with the survey's columns, or the one named as `waves.xlsx:Blad2`). Headers in English or
Dutch (survey_columns.py). Every problem names the line (CSV) or row (Excel), the field as
the file names it, the value and what is allowed, with "did you mean" for misspelled
headers, names and sheets; all of them come in one FitError, in the leader's language.
A person the file has in one wave but not in another is a warning (Survey.warnings): the fit
treats that wave's answers as missing, never as zero.

Columns (docs/fitting.md, "The survey file"):

    name, wave, week                      who, which wave (1, 2, ...), weeks since the team started
    member_1 .. member_7  or member_total the member's LMX-7 (items 1-5, or the total 7-35)
    leader_1 .. leader_7  or leader_total optional: the leader's rating of the same relationship
    leader_rating                         optional: the leader's rating of the member's work, 1-5
    team                                  a survey of many teams only (lmxsim/fit/panel.py)

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
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from lmxsim.fit import FitError
from lmxsim.fit.survey_columns import BASE, close_column, close_to, column_of
from lmxsim.io.output import csv_delimiter
from lmxsim.model.measurement import HIGH, ITEMS, LOW, RATERS, RATING
from lmxsim.team.tabular import (
    InputError,
    Uncalculated,
    cell_text,
    decode_text,
    extra_values_problem,
    name_problem,
    parse_number,
    read_workbook,
    shown,
)
from lmxsim.texts import t

MIN_ITEMS = 4
MAX_WEEK = 520
MAX_BYTES = 5_000_000
MAX_PROBLEMS = 40  # problems one message lists (the rest are counted)
RATING_COLUMN = "leader_rating"  # the leader's 1-5 rating of each member (measurement.leader_rating)
PERFORMANCE = "performance"  # objective performance per member and wave, any unit (fit/simulate.py)
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
    # what the leader should know but need not fix (a person missing in one wave), in the file's lang
    warnings: list[str] = field(default_factory=list)
    lines: dict[tuple[int, int], int] = field(default_factory=dict)  # (person, wave) -> line or row
    fields: dict[str, str] = field(default_factory=dict)  # rater -> the columns as the file names them
    row_word: str = "line"  # "line" (CSV) or "row" (Excel)
    rating: np.ndarray | None = None  # the leader's 1-5 rating of each member per wave; None: no column
    performance: np.ndarray | None = None  # objective performance as given (any unit); None: no column

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
            | ({} if self.performance is None else {PERFORMANCE: relative(self.performance)})
        )


def relative(values: np.ndarray) -> np.ndarray:
    """Each person's performance over the mean of those with a value in the same wave (people on
    axis -2, waves last): the unit (sales, tickets, points) drops out, what is left is who does
    more than whom, and by how much. A wave whose mean is 0 or that has no value: nan."""
    given = ~np.isnan(values)
    count = given.sum(axis=-2, keepdims=True)
    mean = np.where(given, values, 0.0).sum(axis=-2, keepdims=True) / np.maximum(count, 1)
    safe = np.where(mean > 0, mean, 1.0)
    return np.where((mean > 0) & given, values / safe, np.nan)


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


@dataclass
class SurveyTable:
    """A survey file's rows as read (CSV lines or one Excel sheet's rows), before any checking:
    what read_survey checks for one team and fit/panel.py splits by its `team` column."""

    where: str  # the file, with `:sheet` for a workbook of several sheets
    rows: list[tuple[int, list[object]]]  # (line or row number, cells)
    row_word: str = "line"  # "line" (CSV) or "row" (Excel)
    delimiter: str | None = None  # CSV only: `,`, `;` or tab


def read_survey(path: str | Path, team_names: list[str], lang: str = "en") -> Survey:
    """Read and check a survey file (CSV in any of Excel's encodings, or .xlsx) against the team's
    names (the team file's order). `waves.xlsx:Blad2` names the sheet of a workbook."""
    return survey_from_table(read_survey_table(path, lang), team_names, lang)


def read_survey_table(path: str | Path, lang: str = "en") -> SurveyTable:
    """A survey file's rows (CSV in any of Excel's encodings, or .xlsx; `waves.xlsx:Blad2`), or one
    FitError in `lang` saying why the file cannot be read at all."""
    path, sheet = _sheet_in(Path(path))
    where = str(path)
    try:
        if path.stat().st_size > MAX_BYTES:
            raise FitError(t("survey.too_large", lang, where=where, limit=f"{MAX_BYTES:,}"))
        data = path.read_bytes()
    except FileNotFoundError:
        raise FitError(t("survey.not_found", lang, where=where)) from None
    except IsADirectoryError:
        raise FitError(t("survey.unreadable", lang, where=where, why="folder")) from None
    except OSError as error:
        raise FitError(t("survey.unreadable", lang, where=where, why=error.strerror)) from None
    return survey_table(data, where, lang, sheet)


def survey_from_bytes(
    data: bytes, where: str, team_names: list[str], lang: str = "en", sheet: str | None = None
) -> Survey:
    """A survey from a file's bytes: a workbook (by its zip signature, whatever the extension) or text."""
    return survey_from_table(survey_table(data, where, lang, sheet), team_names, lang)


def survey_table(data: bytes, where: str, lang: str = "en", sheet: str | None = None) -> SurveyTable:
    """A file's bytes as survey rows: a workbook (by its zip signature, whatever the extension) or text."""
    try:
        if data.startswith(b"PK\x03\x04"):
            book = read_workbook(data, where, lang, kind=t("survey.kind", lang))
            number, rows = _survey_sheet(book.sheets, where, lang, sheet)
            return SurveyTable(number, rows, "row")
        text = decode_text(data, where, t("survey.kind", lang), lang)
    except InputError as error:
        raise FitError(str(error)) from None
    return csv_table(text, where)


def _sheet_in(path: Path) -> tuple[Path, str | None]:
    """`waves.xlsx:Blad2` -> (waves.xlsx, 'Blad2'); a path that exists as given is taken as it is."""
    match = re.fullmatch(r"(.+\.xlsx):([^\\/]+)", str(path), flags=re.IGNORECASE)
    if match is None or path.exists():
        return path, None
    return Path(match.group(1)), match.group(2)


def _survey_sheet(
    sheets: dict[str, list[tuple[int, list[object]]]], where: str, lang: str, name: str | None
) -> tuple[str, list[tuple[int, list[object]]]]:
    """The sheet that holds the survey: the one named, the only one, or the one with name and wave columns."""
    listing = ", ".join(map(repr, sheets))
    if name is not None:
        if name in sheets:
            return f"{where}:{name}", sheets[name]
        close = close_to(name, list(sheets), t("survey.or", lang))
        hint = f" ({t('survey.did_you_mean', lang, close=close)})" if close else ""
        raise FitError(t("survey.no_sheet", lang, where=where, sheet=repr(name), hint=hint, sheets=listing))
    filled = {title: rows for title, rows in sheets.items() if rows}
    if len(filled) <= 1:
        title, rows = next(iter(filled.items()), (next(iter(sheets), ""), []))
        return where, rows
    for title, rows in filled.items():
        header = {column_of(c) for c in rows[0][1]}
        if {"name", "wave"} <= header:
            return f"{where}:{title}", rows
    raise FitError(t("survey.which_sheet", lang, where=where, n=len(sheets), sheets=listing))


def csv_table(text: str, where: str) -> SurveyTable:
    """CSV text as survey rows (`,`, `;` or tab between the fields, whichever the first line uses)."""
    first = next((line for line in text.splitlines() if line.strip(" ,;\t")), "")
    delimiter = csv_delimiter(first, ",;\t")  # tab: Excel's "Unicode text" (UTF-16)
    rows: list[tuple[int, list[object]]] = [
        (number, list(row))
        for number, row in enumerate(csv.reader(io.StringIO(text), delimiter=delimiter), start=1)
    ]
    return SurveyTable(where, rows, "line", delimiter)


def parse_survey(
    text: str, where: str, team_names: list[str], lang: str = "en", team_rows: set[int] | None = None
) -> Survey:
    """A survey from CSV text (`,`, `;` or tab between the fields; decimal commas where `;`).

    `team_rows`: read only these lines (one team's rows of a many-team survey, fit/panel.py)."""
    return survey_from_table(csv_table(text, where), team_names, lang, team_rows)


def survey_from_table(
    table: SurveyTable, team_names: list[str], lang: str = "en", team_rows: set[int] | None = None
) -> Survey:
    """Check a survey table's rows and build the Survey, or one FitError with all problems.

    `team_rows`: only these lines or rows (one team of a many-team survey, fit/panel.py: its
    `team` column is then allowed, and the header's problems are the panel's to say, once)."""
    return survey_from_rows(
        table.rows, table.where, team_names, lang, table.row_word, table.delimiter, team_rows
    )


def survey_from_rows(
    rows: list[tuple[int, list[object]]],
    where: str,
    team_names: list[str],
    lang: str = "en",
    row_word: str = "line",
    delimiter: str | None = None,
    team_rows: set[int] | None = None,
) -> Survey:
    """Check every row of a survey table and build the Survey, or raise one FitError with all problems."""
    reader = _Reader(where, lang, row_word, list(team_names), team_rows=team_rows)
    rows = [(n, cells) for n, cells in rows if any(not _blank(c) for c in cells)]
    if not rows:
        raise FitError(t("survey.empty", lang, where=where))
    header_line, header_cells = rows[0]
    readable = reader.take_header(header_line, header_cells)
    if team_rows is not None:
        reader.problems.clear()  # one team of many: the panel says the header's problems once
    if not readable:
        raise reader.failure()
    for number, cells in rows[1:]:
        if team_rows is None or number in team_rows:
            reader.take_row(number, cells, delimiter)
    return reader.survey()


def header_problems(table: SurveyTable, lang: str = "en") -> tuple[list[str], dict[str, int]]:
    """The header's problems of a many-team survey (each once, not once per team) and its columns
    (canonical column -> position); raises FitError if the rows cannot be read at all."""
    reader = _Reader(table.where, lang, table.row_word, [], team_rows=set())
    rows = [(n, cells) for n, cells in table.rows if any(not _blank(c) for c in cells)]
    if not rows:
        raise FitError(t("survey.empty", lang, where=table.where))
    if not reader.take_header(*rows[0]):
        raise reader.failure()
    return reader.problems, dict(reader.columns)


def _blank(cell: object) -> bool:
    return cell is None or (isinstance(cell, str) and not cell.strip())


@dataclass
class _Reader:
    """Reads a survey table row by row, keeping every problem (each naming line, field, value and
    what is allowed) so the leader fixes the whole file in one go."""

    where: str
    lang: str
    row_word: str
    team: list[str]
    problems: list[str] = field(default_factory=list)
    columns: dict[str, int] = field(default_factory=dict)  # canonical column -> position
    shown_as: dict[str, str] = field(default_factory=dict)  # canonical column -> as the header names it
    raters: list[str] = field(default_factory=list)
    cells: dict[tuple[str, int, int], float] = field(default_factory=dict)
    items: dict[tuple[int, int], list[float]] = field(default_factory=dict)
    wave_week: dict[int, tuple[int, int]] = field(default_factory=dict)  # wave -> (week, line)
    seen: dict[tuple[int, int], int] = field(default_factory=dict)  # (person, wave) -> line
    rows: int = 0
    width: int = 0  # cells in the header row
    team_rows: set[int] | None = None  # one team's lines of a many-team survey (panel.py); None: all
    rating: dict[tuple[int, int], float] = field(default_factory=dict)  # (person, wave) -> leader_rating
    performance: dict[tuple[int, int], float] = field(default_factory=dict)  # (person, wave) -> performance

    # ---- messages
    def at(self, line: int, field_name: str | None, problem: str) -> None:
        row = t(f"survey.{self.row_word}", self.lang)
        if field_name is None:
            self.problems.append(t("survey.at_line", self.lang, row=row, line=line, problem=problem))
        else:
            self.problems.append(
                t("survey.at_field", self.lang, row=row, line=line, field=field_name, problem=problem)
            )

    def failure(self) -> FitError:
        if len(self.problems) == 1:  # one problem: one line, as "waves.csv, line 3, field name: ..."
            problem = self.problems[0]
            located = problem.startswith(tuple(t(f"survey.{w}", self.lang) + " " for w in ("line", "row")))
            return FitError(f"{self.where}{', ' if located else ': '}{problem}")
        shown_problems = self.problems[:MAX_PROBLEMS]
        lines = [t("survey.problems", self.lang, where=self.where, n=len(self.problems))]
        lines += [f"  - {p}" for p in shown_problems]
        if len(self.problems) > MAX_PROBLEMS:
            lines.append("  " + t("survey.more", self.lang, n=len(self.problems) - MAX_PROBLEMS))
        return FitError("\n".join(lines))

    def hint(self, close: str | None) -> str:
        return f" ({t('survey.did_you_mean', self.lang, close=close)})" if close else ""

    # ---- the header
    def take_header(self, line: int, cells: list[object]) -> bool:
        """Map the header's columns; False if the rows cannot be read (a needed column is missing)."""
        self.width = len(cells)
        for position, cell in enumerate(cells):
            if _blank(cell):
                continue
            column = column_of(cell)
            text = str(cell).strip()
            if column is None:
                self.at(
                    line,
                    None,
                    t(
                        "survey.unknown_column",
                        self.lang,
                        value=shown(text),
                        hint=self.hint(close_column(cell)),
                    ),
                )
            elif column == "notes":
                continue
            elif column in self.columns:
                a = self.shown_as[column]
                self.at(
                    line, None, t("survey.column_twice", self.lang, a=shown(a), b=shown(text), column=column)
                )
            else:
                self.columns[column], self.shown_as[column] = position, text
        if TEAM_COLUMN in self.columns and self.team_rows is None:
            self.at(line, None, t("survey.team_column", self.lang))
        for column in BASE:
            if column not in self.columns:
                self.at(line, None, t("survey.missing_column", self.lang, column=repr(column)))
        self.raters = [
            r for r in RATERS if f"{r}_total" in self.columns or any(c in self.columns for c in _columns(r))
        ]
        if "member" not in self.raters and all(c in self.columns for c in BASE):
            self.at(line, None, t("survey.no_member", self.lang))
        return all(c in self.columns for c in BASE) and "member" in self.raters

    # ---- one row
    def take_row(self, line: int, cells: list[object], delimiter: str | None) -> None:
        if delimiter is not None and len(cells) > self.width:
            extra = extra_values_problem([str(c) for c in cells], self.width, delimiter, self.lang)
            if extra:  # `An;3,5` in a comma file: a silent wrong value otherwise
                self.at(line, None, extra)
                return
        record: dict[str, str] = {}
        for column, position in self.columns.items():
            cell = cells[position] if position < len(cells) else None
            if isinstance(cell, Uncalculated):
                self.at(
                    line,
                    None,
                    t(
                        "input.uncalculated",
                        self.lang,
                        field=self.shown_as[column],
                        formula=shown(cell.formula),
                    ),
                )
                cell = None
            record[column] = cell_text(cell)
        self.rows += 1
        name = record["name"]
        person = self._person(line, name)
        wave = self._whole(line, record, "wave", 1, 100)
        week = self._whole(line, record, "week", 0, MAX_WEEK)
        ratings = {rater: self._rating(line, record, rater) for rater in self.raters}
        rating = None
        if RATING_COLUMN in self.columns and record[RATING_COLUMN] != "":
            rating = self._whole(line, record, RATING_COLUMN, LOW, HIGH)
        performance = None
        if PERFORMANCE in self.columns and record[PERFORMANCE] != "":
            performance = self._non_negative(line, record, PERFORMANCE)
        if person is None or wave is None or week is None:
            return
        if wave in self.wave_week and self.wave_week[wave][0] != week:
            first, other = self.wave_week[wave]
            row = t(f"survey.{self.row_word}", self.lang)
            self.at(
                line,
                self.shown_as["week"],
                t("survey.week_per_wave", self.lang, wave=wave, first=first, row=row, other=other, week=week),
            )
        self.wave_week.setdefault(wave, (week, line))
        if (person, wave) in self.seen:
            row = t(f"survey.{self.row_word}", self.lang)
            self.at(
                line,
                None,
                t(
                    "survey.twice",
                    self.lang,
                    name=repr(name),
                    wave=wave,
                    row=row,
                    other=self.seen[person, wave],
                ),
            )
            return
        self.seen[person, wave] = line
        for rater, value in ratings.items():
            self.cells[rater, person, wave] = value
        if rating is not None:
            self.rating[person, wave] = float(rating)
        if performance is not None:
            self.performance[person, wave] = performance
        self.items[person, wave] = [
            float(v) if (v := parse_number(record.get(c, ""), decimal_comma=True)) is not None else math.nan
            for c in _columns("member")
        ]

    def _person(self, line: int, name: str) -> int | None:
        label = self.shown_as["name"]
        if not name:
            self.at(line, label, t("survey.not_allowed", self.lang, value="''", allowed=self._team()))
            return None
        problem = name_problem(name, self.lang)
        if problem:
            self.at(line, label, f"{shown(name)} {problem}")
            return None
        if name in self.team:
            return self.team.index(name)
        close = close_to(name, self.team, t("survey.or", self.lang))
        self.at(
            line,
            label,
            t("survey.not_in_team", self.lang, value=shown(name), hint=self.hint(close), team=self._team()),
        )
        return None

    def _team(self) -> str:
        team = ", ".join(self.team)
        return team if len(team) <= 200 else team[:199] + "…"

    def _whole(self, line: int, record: dict[str, str], column: str, low: int, high: int) -> int | None:
        cell = record[column]
        value = parse_number(cell, decimal_comma=True)  # `0_5`, `0x1`: not a number
        if value is None or not math.isfinite(value) or value != int(value) or not low <= value <= high:
            self._refuse(line, column, cell, t("survey.whole", self.lang, low=low, high=high))
            return None
        return int(value)

    def _non_negative(self, line: int, record: dict[str, str], column: str) -> float | None:
        cell = record[column]
        value = parse_number(cell, decimal_comma=True)
        if value is None or not math.isfinite(value) or value < 0:
            self._refuse(line, column, cell, t("survey.non_negative", self.lang))
            return None
        return float(value)

    def _refuse(self, line: int, column: str, cell: str, allowed: str) -> None:
        """One problem: this cell's value is not allowed (named as the file names the column)."""
        self.at(
            line,
            self.shown_as.get(column, column),
            t("survey.not_allowed", self.lang, value=shown(cell), allowed=allowed),
        )

    def _rating(self, line: int, record: dict[str, str], rater: str) -> float:
        """The LMX-7 total of one rater on one line (nan = missing or wrong), from items or the total."""
        answered, wrong = [], False
        for column in (c for c in _columns(rater) if c in record):
            if record[column] == "":
                continue
            value = self._whole(line, record, column, LOW, HIGH)
            wrong |= value is None
            if value is not None:
                answered.append(value)
        total = None
        if record.get(f"{rater}_total", "") != "":
            total = self._whole(line, record, f"{rater}_total", ITEMS * LOW, ITEMS * HIGH)
            wrong |= total is None
        if wrong:
            return math.nan
        if total is not None and len(answered) == ITEMS and total != sum(answered):
            items = _columns(rater)
            self.at(
                line,
                self.shown_as[f"{rater}_total"],
                t(
                    "survey.not_sum",
                    self.lang,
                    total=total,
                    first=self.shown_as[items[0]],
                    last=self.shown_as[items[-1]],
                    sum=sum(answered),
                ),
            )
            return math.nan
        if total is not None:
            return float(total)
        if len(answered) >= MIN_ITEMS:
            return ITEMS * float(np.mean(answered))
        return math.nan

    # ---- the whole file
    def survey(self) -> Survey:
        lang = self.lang
        if not self.rows:
            self.problems.append(t("survey.no_rows", lang))
        waves = sorted(self.wave_week)
        if waves and waves != list(range(1, len(waves) + 1)):
            missing = sorted(set(range(1, max(waves) + 1)) - set(waves))
            self.problems.append(t("survey.waves_numbered", lang, wave=missing[0]))
        for a, b in itertools.pairwise(waves):
            (wa, _), (wb, line) = self.wave_week[a], self.wave_week[b]
            if wb <= wa:
                self.at(line, self.shown_as["week"], t("survey.out_of_order", lang, a=a, b=b, wa=wa, wb=wb))
        answered = {person for person, _ in self.seen}
        absent = [name for i, name in enumerate(self.team) if i not in answered]
        if absent and not self.problems:
            self.problems.append(t("survey.absent", lang, names=", ".join(map(repr, absent))))
        shape = (len(self.team), len(waves))
        ratings = {r: np.full(shape, np.nan) for r in self.raters}
        for (rater, i, wave), value in self.cells.items():
            ratings[rater][i, waves.index(wave)] = value
        if not self.problems and np.isnan(ratings["member"]).all():
            self.problems.append(t("survey.all_empty", lang))
        if self.problems:
            raise self.failure()
        rating = None
        if RATING_COLUMN in self.columns:
            rating = np.full(shape, np.nan)
            for (i, wave), value in self.rating.items():
                rating[i, waves.index(wave)] = value
        performance = None
        if PERFORMANCE in self.columns:
            performance = np.full(shape, np.nan)
            for (i, wave), value in self.performance.items():
                performance[i, waves.index(wave)] = value
        answers = np.full((*shape, ITEMS), np.nan)
        for (i, wave), values in self.items.items():
            answers[i, wave - 1] = values
        warnings = []
        for wave in waves:
            gone = [n for i, n in enumerate(self.team) if i in answered and (i, wave) not in self.seen]
            if gone:
                names = ", ".join(map(repr, gone))
                week = self.wave_week[wave][0]
                warnings.append(
                    t("survey.missing_in_wave", lang, where=self.where, names=names, wave=wave, week=week)
                )
        return Survey(
            self.where,
            list(self.team),
            [self.wave_week[w][0] for w in waves],
            ratings["member"],
            ratings.get("leader"),
            answers if not np.isnan(answers).all() else None,
            warnings=warnings,
            lines={key: line for key, line in self.seen.items()},
            fields={r: self._rating_field(r) for r in self.raters},
            row_word=self.row_word,
            rating=rating,
            performance=performance,
        )

    def _rating_field(self, rater: str) -> str:
        if f"{rater}_total" in self.columns:
            return self.shown_as[f"{rater}_total"]
        given = [self.shown_as[c] for c in _columns(rater) if c in self.columns]
        return f"{given[0]}..{given[-1]}" if len(given) > 1 else given[0]


# How far a week-0 survey total may lie from the team file's LMX-7 of the same moment:
# the two are the same answers, written twice, so more than rounding is a contradiction.
SAME_ANSWERS = 1.0
TEAM_FIELDS = {"member": "lmx7", "leader": "lmx7_leader"}


def check_against_team(survey: Survey, team: list, team_path: str, lang: str = "en") -> None:
    """A wave at week 0 and the team file's LMX-7 describe the same moment: they must agree.
    Every contradiction names the person, the survey's line and field, the team file's column
    and both values."""
    if survey.weeks[0] != 0:
        return
    found = []
    row = t(f"survey.{survey.row_word}", lang)
    for i, member in enumerate(team):
        for rater, given in (
            ("member", getattr(member, "lmx7", None)),
            ("leader", getattr(member, "lmx7_leader", None)),
        ):
            ratings = survey.ratings().get(rater)
            if given is None or ratings is None or np.isnan(ratings[i, 0]):
                continue
            if abs(ratings[i, 0] - given) > SAME_ANSWERS:
                problem = t(
                    "survey.contradicts",
                    lang,
                    team=team_path,
                    name=repr(member.name),
                    rater=t(f"survey.rater_{rater}", lang),
                    survey=f"{ratings[i, 0]:g}",
                    given=f"{given:g}",
                    team_field=TEAM_FIELDS[rater],
                )
                line = survey.lines.get((i, 1), "?")
                field_name = survey.fields.get(rater, f"{rater}_total")
                found.append(
                    t("survey.at_field", lang, row=row, line=line, field=field_name, problem=problem)
                )
    if found:
        head = t("survey.contradiction_head", lang, where=survey.path, n=len(found))
        raise FitError("\n".join([head, *(f"  - {p}" for p in found)]))
