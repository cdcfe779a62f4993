"""Team files: a leader's own team as CSV, Excel (.xlsx) or TOML (format: docs/team-files.md).

A team file says, per person, how close they stand to the leader (`closeness`, the
leader's view: Member.first_impression) and, optionally, how able the leader believes
them to be, how long they have worked together and their LMX-7 answers. Leaders fill
these in by hand or in a spreadsheet, in English or in Dutch, so column names come in
both languages, spreadsheet leftovers (a notes column, empty columns, `85%`, decimal
commas) are understood, and every real mistake becomes one readable TeamFileError
naming the file, the row, the field, the value and what is allowed.
"""

from __future__ import annotations

import csv
import io
import math
import re
import tomllib
import zipfile
import zlib
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from xml.etree.ElementTree import ParseError

from lmxsim.io.output import csv_delimiter, restore_cell, rows_csv, write_with, xlsx_bytes
from lmxsim.io.rules import MAX_WEEKS_TOGETHER, check_unique_names
from lmxsim.model.dynamics import LMX7_HIGH, LMX7_LOW
from lmxsim.model.params import ParameterError
from lmxsim.team.members import DRAWN, LMX7_ITEMS, MAX_TEAM, Member
from lmxsim.team.tabular import (
    InputError,
    Uncalculated,
    WorkbookClock,
    check_workbook,
    decode_text,
    extra_values_problem,
    name_problem,
    parse_number,
    shown,
)
from lmxsim.texts import t

EXTENSIONS = (".csv", ".xlsx", ".toml")
REQUIRED = ("name", "closeness")
TRAITS = ("ability", "challenge", *DRAWN)  # numbers 0 to 1
TIME = ("weeks_together", "months_together", "years_together")  # one of them per person
ANSWERS = ("lmx7", "lmx7_leader")  # a total 7-35, or the seven items in columns lmx7_1 .. lmx7_7
OPTIONAL = (*TRAITS, *TIME, *ANSWERS)
FIELDS = (*REQUIRED, *OPTIONAL)
ITEM_COLUMNS = {f"{answer}_{i}": (answer, i) for answer in ANSWERS for i in range(1, LMX7_ITEMS + 1)}
# Every accepted column name (after normalising: lower case, spaces and dashes as
# underscores, a trailing "(...)" dropped) and the field it fills. Dutch names follow
# the app's labels (Nabijheid, Bekwaamheid).
DUTCH = {
    "naam": "name",
    "nabijheid": "closeness",
    "eerste_indruk": "closeness",
    "bekwaamheid": "ability",
    "uitdaging": "challenge",
    "vertrouwensneiging": "trust_propensity",
    "verwachting": "member_expectation",
    "spreekdurf": "safety_propensity",
    "weken_samen": "weeks_together",
    "maanden_samen": "months_together",
    "jaren_samen": "years_together",
    "lmx7_medewerker": "lmx7",
    "lmx7_leider": "lmx7_leader",
    **{f"lmx7_leider_{i}": f"lmx7_leader_{i}" for i in range(1, LMX7_ITEMS + 1)},
    **{f"lmx7_medewerker_{i}": f"lmx7_{i}" for i in range(1, LMX7_ITEMS + 1)},
}
ALIASES = {"first_impression": "closeness", "lmx7_member": "lmx7", **DUTCH}
# Columns a spreadsheet keeps for people, not for the model: read past, with one note.
NOTES = {
    "notes",
    "note",
    "comment",
    "comments",
    "remark",
    "remarks",
    "opmerking",
    "opmerkingen",
    "notitie",
    "notities",
    "commentaar",
}
# Without a believed ability everyone is taken to be equally able (the model's average):
# differences in closeness are then about the relationship, not the person.
DEFAULT_ABILITY = 0.6
DEFAULT_CHALLENGE = 0.5
MAX_NAME = 60
MAX_BYTES = 1_000_000
MAX_SHEET_ROWS = 2_000  # rows of a sheet read before giving up (a team has at most MAX_TEAM)
MAX_SHEET_COLUMNS = 100
UNREADABLE_WORKBOOK = "{where}: not a team file: it is not an Excel workbook (.xlsx) that can be read"
WEEKS_PER = {"weeks_together": 1.0, "months_together": 52 / 12, "years_together": 52.0}
ALLOWED_TRAIT = "a number from 0 to 1, or a percentage such as 85%"


class TeamFileError(ValueError):
    """A team file (or team text) is not valid; the message says where and what is allowed."""


@dataclass
class TeamFile:
    """What a team file holds: the team, its title (TOML `title`) and the columns read past."""

    members: list[Member]
    title: str | None = None
    where: str = "team"
    ignored: list[str] = field(default_factory=list)  # notes columns, as named in the file
    nameless: int = 0  # columns without a name (empty, or values past the header)
    # each person's notes (a notes column's text, by name): not read by the model, but kept so a
    # team saved again from the lab still has them
    notes: dict[str, str] = field(default_factory=dict)

    def note(self, lang: str = "en") -> str | None:
        """The one note about what was read past (None if nothing was), in `lang`."""
        from lmxsim.texts import t

        parts = []
        if self.ignored:
            parts.append(t("teamfile.columns", lang, names=", ".join(map(repr, self.ignored))))
        if self.nameless:
            parts.append(t("teamfile.nameless", lang, n=self.nameless))
        if not parts:
            return None
        return t("teamfile.read_past", lang, file=self.where, what=t("teamfile.and", lang).join(parts))


# --------------------------------------------------------------------------- reading


def load_team_file(path: str | Path) -> TeamFile:
    """Read a team file (.csv, .xlsx or .toml) with its title and notes."""
    path = Path(path)
    _check_extension(str(path))
    try:
        if path.stat().st_size > MAX_BYTES:
            raise TeamFileError(f"{path}: too large for a team file (at most {MAX_BYTES:,} bytes)")
        data = path.read_bytes()
    except FileNotFoundError:
        raise TeamFileError(f"team file {path} does not exist") from None
    except IsADirectoryError:
        raise TeamFileError(f"team file {path} is a folder, not a file") from None
    except OSError as error:
        raise TeamFileError(f"team file {path} cannot be read ({error.strerror})") from None
    return read_team_file(data, str(path))


def load_team(path: str | Path) -> list[Member]:
    """Read a team file (.csv, .xlsx or .toml): just the members."""
    return load_team_file(path).members


def read_team_file(data: bytes | str, filename: str) -> TeamFile:
    """Parse the contents of a team file; the extension of `filename` picks the format."""
    suffix = _check_extension(filename)
    try:
        if suffix == ".xlsx":
            return _parse_xlsx(_bytes(data, filename), filename)
        text = _text(data, filename)
        return _parse_csv(text, filename) if suffix == ".csv" else _parse_toml(text, filename)
    except InputError as error:  # the shared reading rules (lmxsim/team/tabular.py)
        raise TeamFileError(str(error)) from None


def parse_team_file(data: bytes | str, filename: str) -> list[Member]:
    """Parse the contents of a team file: just the members."""
    return read_team_file(data, filename).members


def _check_extension(filename: str) -> str:
    suffix = Path(filename).suffix.lower()
    if suffix not in EXTENSIONS:
        raise TeamFileError(
            f"{filename}: not a team file: extension {suffix or '(none)'!r} "
            f"(allowed: {', '.join(EXTENSIONS)})"
        )
    return suffix


def _bytes(data: bytes | str, where: str) -> bytes:
    if isinstance(data, str):
        data = data.encode("utf-8")
    if len(data) > MAX_BYTES:
        raise TeamFileError(
            f"{where}: {len(data):,} bytes is too large for a team file (at most {MAX_BYTES:,})"
        )
    return data


def _text(data: bytes | str, where: str) -> str:
    if isinstance(data, str):
        return _bytes(data, where).decode("utf-8")
    return decode_text(_bytes(data, where), where, kind="team")


def column_field(cell: object) -> str:
    """The field a header cell names ('' for an empty cell; unknown names are returned as read)."""
    name = "" if cell is None else str(cell).strip().lower()
    name = re.sub(r"\s*\(.*\)$", "", name)  # "closeness (0-1)" -> "closeness"
    name = re.sub(r"[\s\-]+", "_", name).replace("lmx_7", "lmx7")
    return ALIASES.get(name, name)


@dataclass
class _Sheet:
    """Header and rows of a CSV file or a worksheet, before the values are checked."""

    where: str
    row_word: str  # "line" (CSV) or "row" (Excel)
    header: list[str] = field(default_factory=list)
    used: list[int] = field(default_factory=list)  # positions of the columns the model reads
    ignored: list[str] = field(default_factory=list)  # notes columns by name
    stray: set[int] = field(default_factory=set)  # positions past the header that hold values
    rows: list[tuple[str, dict[str, Any]]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # per row, its notes cells joined

    def take_header(self, cells: Sequence[object]) -> None:
        self.header = [column_field(cell) for cell in cells]
        known = set(FIELDS) | set(ITEM_COLUMNS)
        missing = [f for f in REQUIRED if f not in self.header]
        unknown = [shown(c) for c in self.header if c and c not in known and c not in NOTES]
        if len(missing) == len(REQUIRED):
            found = ", ".join(c for c in self.header if c) or "none"
            found = found if len(found) <= 80 else found[:77] + "..."
            raise TeamFileError(
                f"{self.where}: not a team file: the header row has columns {found}; a team file needs "
                f"the columns {', '.join(REQUIRED)} (or in Dutch: naam, nabijheid)"
            )
        if missing or unknown:
            problems = [f"lacks the column {m!r}" for m in missing] + [
                f"has an unknown column {u}" for u in unknown
            ]
            raise TeamFileError(
                f"{self.where}: the header row {' and '.join(problems)} (allowed: {', '.join(FIELDS)}, "
                f"lmx7_1 to lmx7_7, notes; Dutch names too, see docs/team-files.md)"
            )
        named = [c for c in self.header if c and c not in NOTES]
        duplicates = sorted({c for c in named if named.count(c) > 1})
        if duplicates:
            raise TeamFileError(
                f"{self.where}: the column {duplicates[0]!r} appears twice in the header row "
                "(perhaps once in English and once in Dutch)"
            )
        self.used = [i for i, c in enumerate(self.header) if c and c not in NOTES]
        self.ignored = [str(cells[i]).strip() for i, c in enumerate(self.header) if c in NOTES]

    def take_row(self, number: int, cells: list[object]) -> None:
        self.stray |= {i for i in range(len(self.header), len(cells)) if not _blank(cells[i])}
        self.notes.append(
            " / ".join(
                _note_text(cells[i])
                for i, c in enumerate(self.header)
                if c in NOTES and i < len(cells) and not _blank(cells[i])
            )
        )
        row = {self.header[i]: cells[i] for i in self.used if i < len(cells) and not _blank(cells[i])}
        for column, cell in row.items():
            if isinstance(cell, Uncalculated):  # not "missing": the value is there, Excel never saved it
                formula = shown(cell.formula)
                raise TeamFileError(
                    f"{self.where}: {self.row_word} {number}: "
                    + t("input.uncalculated", "en", field=column, formula=formula)
                )
        if isinstance(given := row.get("name"), str):  # a name we wrote as '=... (spreadsheet-safe)
            row["name"] = restore_cell(given.strip())  # reads back as =...
        name = row.get("name")
        label = f"{self.row_word} {number}" + (
            f" ({shown(name)[1:-1]})" if isinstance(name, str) and name else ""
        )
        self.rows.append((label, row))
        if len(self.rows) > MAX_TEAM:
            raise TeamFileError(f"{self.where}: more than {MAX_TEAM} people (allowed: 1 to {MAX_TEAM})")

    def team_file(self, members: list[Member]) -> TeamFile:
        nameless = len(self.stray) + sum(1 for c in self.header if not c)
        notes = {m.name: n for m, n in zip(members, self.notes, strict=True) if n}
        return TeamFile(members, None, self.where, self.ignored, nameless, notes)


def _note_text(cell: object) -> str:
    text = f"{cell:g}" if isinstance(cell, float) else str(cell).strip()
    return restore_cell(text)  # a note we wrote as '=... reads back as =...


def _blank(cell: object) -> bool:
    return cell is None or (isinstance(cell, str) and not cell.strip())


def _parse_csv(text: str, where: str) -> TeamFile:
    lines = text.splitlines()
    header_line = next((line for line in lines if line.strip(" ,;\t")), "")
    if not header_line:
        raise TeamFileError(
            f"{where}: the file is empty (a team file needs a header row: name,closeness,...)"
        )
    delimiter = csv_delimiter(header_line)
    sheet = _Sheet(where, "line")
    for line_number, cells in enumerate(csv.reader(io.StringIO(text), delimiter=delimiter), start=1):
        if all(_blank(cell) for cell in cells):
            continue
        if not sheet.header:
            sheet.take_header(cells)
            continue
        extra = extra_values_problem(cells, len(sheet.header), delimiter)
        if extra:  # `A,0,5`: read as 0 with a stray 5, a silent wrong value
            raise TeamFileError(f"{where}: line {line_number}: {extra}")
        sheet.take_row(line_number, [cell.strip() for cell in cells])
    return sheet.team_file(_build(sheet.rows, where, decimal_comma=delimiter != ","))


def _parse_xlsx(data: bytes, where: str) -> TeamFile:
    from openpyxl import load_workbook  # only when an Excel file comes in

    check_workbook(data, where)  # before any XML is parsed: a small file can unpack to gigabytes
    clock = WorkbookClock(where)
    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        formulas = load_workbook(io.BytesIO(data), read_only=True, data_only=False)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError, TypeError, ParseError, EOFError):
        raise TeamFileError(UNREADABLE_WORKBOOK.format(where=where)) from None
    try:
        return _read_sheets(book, formulas, where, clock)
    except (ParseError, zipfile.BadZipFile, EOFError, zlib.error):  # while the rows are parsed:
        # broken or hostile XML (expat refuses entity expansion), a part shorter or longer than
        # the zip says: one line, never a traceback
        raise TeamFileError(UNREADABLE_WORKBOOK.format(where=where)) from None
    finally:
        book.close()
        formulas.close()


def _read_sheets(book, formulas, where: str, clock: WorkbookClock) -> TeamFile:
    """The team on the first sheet of an opened workbook (values, and formulas for uncalculated cells)."""
    sheet_in = book.worksheets[0]
    sheet = _Sheet(where, "row")
    rows = zip(
        sheet_in.iter_rows(max_row=MAX_SHEET_ROWS, max_col=MAX_SHEET_COLUMNS, values_only=True),
        formulas.worksheets[0].iter_rows(max_row=MAX_SHEET_ROWS, max_col=MAX_SHEET_COLUMNS, values_only=True),
        strict=False,
    )
    for number, (values, written) in enumerate(rows, start=1):
        clock.tick()
        cells = [
            Uncalculated(w) if v is None and isinstance(w, str) and w.startswith("=") else v
            for v, w in zip(values, written, strict=False)
        ]
        if all(_blank(cell) for cell in cells):
            continue
        if not sheet.header:
            while cells and _blank(cells[-1]):
                cells.pop()
            sheet.take_header(cells)
        else:
            if sheet.header.count("name") == 1:  # a name Excel took for a number: the name it shows
                at = sheet.header.index("name")
                if at < len(cells) and isinstance(cells[at], int | float) and not isinstance(cells[at], bool):
                    cells[at] = f"{cells[at]:g}"
            sheet.take_row(number, cells)
    if not sheet.header:
        raise TeamFileError(
            f"{where}: the first sheet is empty (a team file needs a header row: name, closeness, ...)"
        )
    return sheet.team_file(_build(sheet.rows, where, decimal_comma=True))


def _parse_toml(text: str, where: str) -> TeamFile:
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise TeamFileError(f"{where}: not a valid TOML file ({error})") from None
    unknown = sorted(set(data) - {"team", "title"})
    if "team" not in data:
        found = f" (found: {', '.join(sorted(data))})" if data else ""
        raise TeamFileError(f"{where}: not a team file: no [[team]] tables{found}")
    if unknown:
        raise TeamFileError(f"{where}: unknown top-level field {unknown[0]!r} (allowed: team, title)")
    title = data.get("title")
    if title is not None and not isinstance(title, str):
        raise TeamFileError(f"{where}: title = {title!r} must be text")
    tables = data["team"]
    if not isinstance(tables, list) or not all(isinstance(t, dict) for t in tables):
        raise TeamFileError(f"{where}: team must be a list of [[team]] tables, one per person")
    if len(tables) > MAX_TEAM:
        raise TeamFileError(f"{where}: {len(tables)} people is too many (allowed: 1 to {MAX_TEAM})")
    rows = []
    notes: list[str] = []
    for number, table in enumerate(tables, start=1):
        row: dict[str, Any] = {}
        notes.append("")
        for key, value in table.items():
            column = column_field(key)
            if column in NOTES:
                if isinstance(value, str) and value.strip():
                    notes[-1] = " / ".join(filter(None, [notes[-1], value.strip()]))
                continue
            if column not in FIELDS and column not in ITEM_COLUMNS:
                raise TeamFileError(
                    f"{where}: person {number}: unknown field {key!r} (allowed: {', '.join(FIELDS)}, "
                    "notes; Dutch names too)"
                )
            if column in row:
                raise TeamFileError(f"{where}: person {number}: {column} is given twice ({key!r})")
            row[column] = value
        name = row.get("name")
        rows.append((f"person {number}" + (f" ({name})" if isinstance(name, str) and name else ""), row))
    members = _build(rows, where, decimal_comma=False)
    kept = {m.name: n for m, n in zip(members, notes, strict=True) if n}
    return TeamFile(members, title.strip() if title else None, where, notes=kept)


# --------------------------------------------------------------------------- checking


MAX_PROBLEMS = 40  # problems one message lists (the rest are counted)


def _build(rows: list[tuple[str, dict[str, Any]]], where: str, decimal_comma: bool) -> list[Member]:
    """The Members of the rows; every person's mistakes at once (one TeamFileError that lists them),
    so the leader mends the whole file in one go."""
    if not rows:
        raise TeamFileError(f"{where}: the team is empty (add at least one person)")
    team: list[Member] = []
    problems: list[str] = []
    for label, row in rows:
        try:
            member = _person(label, row, where, decimal_comma, problems)
        except TeamFileError as error:
            problems.append(str(error))
            continue
        if member is not None:  # None: their mistakes are in `problems` already
            team.append(member)
    if not problems:
        try:
            check_unique_names([m.name for m in team], [label for label, _ in rows])
        except ParameterError as error:
            problems.append(f"{where}: {error}")
    if len(problems) == 1:
        raise TeamFileError(problems[0])
    if problems:
        listed = "\n".join(f"  - {p.removeprefix(f'{where}: ')}" for p in problems[:MAX_PROBLEMS])
        more = f"\n  ... and {len(problems) - MAX_PROBLEMS} more" if len(problems) > MAX_PROBLEMS else ""
        raise TeamFileError(f"{where}: {len(problems)} problems in the team file:\n{listed}{more}")
    return team


def _person(
    label: str, row: dict[str, Any], where: str, decimal_comma: bool, problems: list[str]
) -> Member | None:
    """One person's Member; a mistake in one of their values is added to `problems` (the others are
    still read, and None is returned), a missing or wrong name or closeness is raised (nothing more
    to read then)."""
    name = row.get("name")
    if name is None or (isinstance(name, str) and not name.strip()):
        raise TeamFileError(f"{where}: {label}: name is missing (every person needs a name)")
    if not isinstance(name, str):
        raise TeamFileError(f"{where}: {label}: name = {shown(name)} must be text")
    name = name.strip()
    if len(name) > MAX_NAME:
        raise TeamFileError(f"{where}: {label}: name {name[:20]!r}... is longer than {MAX_NAME} characters")
    problem = name_problem(name)
    if problem:
        raise TeamFileError(f"{where}: {label}: name {shown(name)} {problem}")
    if "closeness" not in row:
        raise TeamFileError(f"{where}: {label}: closeness is missing ({ALLOWED_TRAIT})")
    number = _Reader(where, label, decimal_comma)
    traits: dict[str, float] = {}
    failed = len(problems)
    for trait in ("closeness", *TRAITS):
        if trait in row:
            try:
                traits[trait] = number.fraction(row[trait], trait)
            except TeamFileError as error:
                problems.append(str(error))
    try:
        weeks = number.weeks(row)
        lmx7, lmx7_leader = number.answers(row, "lmx7"), number.answers(row, "lmx7_leader")
    except TeamFileError as error:
        problems.append(str(error))
        weeks, lmx7, lmx7_leader = 0, None, None
    if len(problems) > failed:
        return None
    try:
        return Member(
            name=name,
            ability=traits.get("ability", DEFAULT_ABILITY),
            first_impression=traits["closeness"],
            challenge=traits.get("challenge", DEFAULT_CHALLENGE),
            trust_propensity=traits.get("trust_propensity"),
            member_expectation=traits.get("member_expectation"),
            safety_propensity=traits.get("safety_propensity"),
            weeks_together=weeks,
            lmx7=lmx7,
            lmx7_leader=lmx7_leader,
        )
    except ParameterError as error:  # a rule of Member this module does not check itself
        raise TeamFileError(f"{where}: {label}: {error}") from None


@dataclass
class _Reader:
    """Reads the values of one person's row, each mistake as one TeamFileError."""

    where: str
    label: str
    decimal_comma: bool

    def fail(self, field: str, value: Any, problem: str, allowed: str) -> TeamFileError:
        return TeamFileError(f"{self.where}: {self.label}: {field} = {shown(value)} {problem} ({allowed})")

    def number(self, value: Any, field: str, allowed: str, percent: bool = False) -> float:
        if isinstance(value, bool) or not isinstance(value, int | float | str):
            raise self.fail(field, value, "is not a number", allowed)
        if isinstance(value, str):
            parsed = parse_number(value, self.decimal_comma, percent)  # `0_5`, `0x1`: not a number
            if parsed is None:
                raise self.fail(field, value, "is not a number", allowed)
            number = parsed
        else:
            number = float(value)
        if not math.isfinite(number):
            raise self.fail(field, value, "is not a number", allowed)
        return number

    def fraction(self, value: Any, field: str) -> float:
        number = self.number(value, field, ALLOWED_TRAIT, percent=True)
        if not 0 <= number <= 1:
            raise self.fail(field, value, "is out of range", ALLOWED_TRAIT)
        return number

    def weeks(self, row: dict[str, Any]) -> int:
        """Time together in whole weeks, from weeks, months (52/12 weeks) or years (52 weeks)."""
        given = [f for f in TIME if f in row]
        if len(given) > 1:
            raise TeamFileError(
                f"{self.where}: {self.label}: time together is given twice ({' and '.join(given)}); "
                "give weeks, months or years"
            )
        if not given:
            return 0
        unit = given[0]
        top = MAX_WEEKS_TOGETHER / WEEKS_PER[unit]
        allowed = f"a number of {unit.split('_')[0]} from 0 to {top:,.0f}"
        number = self.number(row[unit], unit, allowed)
        if not 0 <= number <= top:
            raise self.fail(unit, row[unit], "is out of range", allowed)
        return round(number * WEEKS_PER[unit])

    def answers(self, row: dict[str, Any], answer: str) -> float | tuple[int, ...] | None:
        """An LMX-7 total, or the seven items from their own columns (Member adds them up)."""
        items = [row.get(f"{answer}_{i}") for i in range(1, LMX7_ITEMS + 1)]
        given = [i for i, item in enumerate(items, start=1) if item is not None]
        allowed = f"a total from {LMX7_LOW} to {LMX7_HIGH}"
        if isinstance(row.get(answer), list):  # TOML: lmx7 = [4, 4, 3, 3, 4, 3, 3]
            return tuple(row[answer])
        total = None if answer not in row else self.number(row[answer], answer, allowed)
        if not given:
            return total
        if total is not None:
            raise TeamFileError(
                f"{self.where}: {self.label}: {answer} is given as a total and as items; give one of them"
            )
        if len(given) < LMX7_ITEMS:
            missing = [f"{answer}_{i}" for i in range(1, LMX7_ITEMS + 1) if i not in given]
            raise TeamFileError(
                f"{self.where}: {self.label}: {', '.join(missing)} missing (all {LMX7_ITEMS} "
                f"{answer} items, each a whole number 1 to 5, or none)"
            )
        values = []
        for i, item in enumerate(items, start=1):
            value = self.number(item, f"{answer}_{i}", "a whole number 1 to 5")
            if value not in (1, 2, 3, 4, 5):
                raise self.fail(f"{answer}_{i}", item, "is not allowed", "a whole number 1 to 5")
            values.append(int(value))
        return tuple(values)


def check_names(names: list[str]) -> None:
    """The rules a team file applies to names, for teams typed in the app."""
    rows = [
        (f"person {i}" + (f" ({n})" if n.strip() else ""), {"name": n, "closeness": 0.5})
        for i, n in enumerate(names, start=1)
    ]
    if len(rows) > MAX_TEAM:
        raise TeamFileError(f"team: {len(rows)} people is too many (allowed: 1 to {MAX_TEAM})")
    _build(rows, "team", decimal_comma=False)


# --------------------------------------------------------------------------- writing

WRITTEN = ("name", "closeness", *TRAITS, "weeks_together", *ANSWERS)  # the columns saved files have


def _row(member: Member) -> dict[str, Any]:
    row: dict[str, Any] = {
        "name": member.name,
        "closeness": round(float(member.first_impression), 4),
        "ability": round(float(member.ability), 4),
        "challenge": round(float(member.challenge), 4),
    }
    for trait in DRAWN:
        if getattr(member, trait) is not None:
            row[trait] = round(float(getattr(member, trait)), 4)
    if member.weeks_together:
        row["weeks_together"] = member.weeks_together
    for answer in ANSWERS:
        if getattr(member, answer) is not None:
            row[answer] = round(float(getattr(member, answer)), 4)
    return row


# the Dutch column names a saved file has in Dutch (the first Dutch spelling the reader accepts)
WRITTEN_DUTCH = {
    **{field: dutch for dutch, field in reversed(DUTCH.items()) if field in WRITTEN},
    "notes": "opmerkingen",
}


def team_rows(
    team: list[Member], notes: dict[str, str] | None = None, lang: str = "en"
) -> tuple[list[str], list[list[Any]]]:
    """The header and one row per person, as saved files have them (docs/team-files.md): the
    column names in `lang` (the reader takes both), and a notes column when anyone has notes."""
    notes = notes or {}
    columns = [*WRITTEN, *(["notes"] if any(notes.get(m.name) for m in team) else [])]
    header = [WRITTEN_DUTCH.get(c, c) if lang == "nl" else c for c in columns]
    rows = [[(_row(m) | {"notes": notes.get(m.name) or None}).get(c) for c in columns] for m in team]
    return header, rows


def team_to_csv(team: list[Member], notes: dict[str, str] | None = None) -> str:
    """The team as CSV text (the columns of docs/team-files.md); Excel shows =cmd|... as text."""
    return rows_csv(*team_rows(team, notes))


def team_to_toml(team: list[Member], title: str | None = None, notes: dict[str, str] | None = None) -> str:
    """The team as TOML text, one [[team]] table per person."""
    import tomli_w

    # tomli-w writes the values; the [[team]] headers are ours, as tomli-w would write short
    # tables inline (team = [{...}, ...]) and a person reads and edits a table per member best.
    parts = [tomli_w.dumps({"title": title})] if title else []
    notes = notes or {}
    parts += [
        "[[team]]\n"
        + tomli_w.dumps(_row(member) | ({"notes": notes[member.name]} if notes.get(member.name) else {}))
        for member in team
    ]
    return "\n".join(parts)


def table_to_xlsx(header: list[str], rows: list[list[Any]], sheet: str = "team") -> bytes:
    """A one-sheet workbook (output.xlsx_bytes: text cells never run as formulas)."""
    return xlsx_bytes(header, rows, sheet)


def team_to_xlsx(team: list[Member]) -> bytes:
    """The team as an Excel workbook with the columns of team_to_csv."""
    return xlsx_bytes(*team_rows(team))


def save_team(team: list[Member], path: str | Path) -> Path:
    """Write a team file; the extension (.csv, .xlsx or .toml) picks the format."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in EXTENSIONS:
        raise TeamFileError(
            f"{path}: cannot save a team as {suffix or '(no extension)'!r} (allowed: {', '.join(EXTENSIONS)})"
        )
    if suffix == ".xlsx":
        data = team_to_xlsx(team)
        return write_with(path, lambda p: p.write_bytes(data))
    text = team_to_csv(team) if suffix == ".csv" else team_to_toml(team)
    return write_with(path, lambda p: p.write_text(text, encoding="utf-8"))


__all__ = [
    "EXTENSIONS",
    "FIELDS",
    "TeamFile",
    "TeamFileError",
    "check_names",
    "column_field",
    "load_team",
    "load_team_file",
    "parse_team_file",
    "read_team_file",
    "save_team",
    "team_to_csv",
    "team_to_toml",
    "team_to_xlsx",
]
