"""Team files: a leader's own team as CSV or TOML (format: docs/team-files.md).

A team file says, per person, how close they stand to the leader now
(`closeness`, the leader's current view: Member.first_impression) and,
optionally, how able the leader believes them to be (`ability`). Leaders fill
these in by hand or in a spreadsheet, so every mistake becomes one readable
TeamFileError naming the row, the field, the value and what is allowed.
"""

from __future__ import annotations

import csv
import io
import json
import math
import tomllib
from pathlib import Path
from typing import Any

from lmxsim.output import LINE_END, neutralise_cell, restore_cell, write_text
from lmxsim.params import ParameterError
from lmxsim.team import DRAWN, MAX_TEAM, Member

EXTENSIONS = (".csv", ".toml")
REQUIRED = ("name", "closeness")
OPTIONAL = ("ability", "challenge", "trust_propensity", "member_expectation", "safety_propensity")
FIELDS = (*REQUIRED, *OPTIONAL)
ALIASES = {"first_impression": "closeness"}  # the scenario files' name for the same thing
# Without a believed ability everyone is taken to be equally able (the model's average):
# differences in closeness are then about the relationship, not the person.
DEFAULT_ABILITY = 0.6
DEFAULT_CHALLENGE = 0.5
MAX_NAME = 60
MAX_BYTES = 1_000_000


class TeamFileError(ValueError):
    """A team file (or team text) is not valid; the message says where and what is allowed."""


def load_team(path: str | Path) -> list[Member]:
    """Read a team file (.csv or .toml)."""
    path = Path(path)
    _check_extension(str(path))
    try:
        if path.stat().st_size > MAX_BYTES:
            raise TeamFileError(f"{path}: too large for a team file (at most {MAX_BYTES:,} bytes)")
        data = path.read_bytes()
    except FileNotFoundError:
        raise TeamFileError(f"team file {path} does not exist") from None
    except OSError as error:
        raise TeamFileError(f"team file {path} cannot be read ({error.strerror})") from None
    return parse_team_file(data, str(path))


def parse_team_file(data: bytes | str, filename: str) -> list[Member]:
    """Parse the contents of a team file; the extension of `filename` picks the format."""
    suffix = _check_extension(filename)
    text = _text(data, filename)
    return _parse_csv(text, filename) if suffix == ".csv" else _parse_toml(text, filename)


def _check_extension(filename: str) -> str:
    suffix = Path(filename).suffix.lower()
    if suffix not in EXTENSIONS:
        raise TeamFileError(
            f"{filename}: not a team file: extension {suffix or '(none)'!r} "
            f"(allowed: {', '.join(EXTENSIONS)})"
        )
    return suffix


def _text(data: bytes | str, where: str) -> str:
    if isinstance(data, str):
        data = data.encode("utf-8")
    if len(data) > MAX_BYTES:
        raise TeamFileError(
            f"{where}: {len(data):,} bytes is too large for a team file (at most {MAX_BYTES:,})"
        )
    if b"\x00" in data:
        raise TeamFileError(f"{where}: not a team file: it is binary, not text (save it as CSV or TOML)")
    try:
        return data.decode("utf-8-sig")  # Excel writes a byte-order mark
    except UnicodeDecodeError:
        try:
            return data.decode("cp1252")  # older Excel "CSV" on Windows
        except UnicodeDecodeError:
            raise TeamFileError(
                f"{where}: not a team file: it is not readable text (save as UTF-8)"
            ) from None


def _parse_csv(text: str, where: str) -> list[Member]:
    lines = text.splitlines()
    header_line = next((line for line in lines if line.strip()), "")
    if not header_line:
        raise TeamFileError(
            f"{where}: the file is empty (a team file needs a header row: name,closeness,...)"
        )
    delimiter = max((",", ";", "\t"), key=header_line.count)
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    header: list[str] | None = None
    rows: list[tuple[str, dict[str, str]]] = []
    for line_number, cells in enumerate(reader, start=1):
        if not any(cell.strip() for cell in cells):
            continue
        if header is None:
            header = [_column(cell) for cell in cells]
            _check_header(header, where)
            continue
        if len(cells) > len(header) and any(cell.strip() for cell in cells[len(header) :]):
            raise TeamFileError(
                f"{where}: line {line_number}: {len(cells)} values but the header has {len(header)} columns"
            )
        row = {column: cell.strip() for column, cell in zip(header, cells, strict=False) if cell.strip()}
        if "name" in row:  # a name we wrote as '=... (spreadsheet-safe) reads back as =...
            row["name"] = restore_cell(row["name"])
        label = f"line {line_number}" + (f" ({row['name']})" if row.get("name") else "")
        rows.append((label, row))
        if len(rows) > MAX_TEAM:
            raise TeamFileError(f"{where}: more than {MAX_TEAM} people (allowed: 1 to {MAX_TEAM})")
    decimal_comma = delimiter != ","
    return _build(rows, where, decimal_comma)


def _column(cell: str) -> str:
    name = cell.strip().lower().replace(" ", "_").replace("-", "_")
    return ALIASES.get(name, name)


def _check_header(header: list[str], where: str) -> None:
    missing = [f for f in REQUIRED if f not in header]
    unknown = [c or "(empty)" for c in header if c not in FIELDS]
    if len(missing) == len(REQUIRED):
        found = ", ".join(c or "(empty)" for c in header) or "none"
        found = found if len(found) <= 80 else found[:77] + "..."
        raise TeamFileError(
            f"{where}: not a team file: the header row has columns {found}; a team file needs the "
            f"columns {', '.join(REQUIRED)} (optional: {', '.join(OPTIONAL)})"
        )
    if missing or unknown:
        problems = [f"lacks the column {m!r}" for m in missing] + [
            f"has an unknown column {u!r}" for u in unknown
        ]
        raise TeamFileError(
            f"{where}: the header row {' and '.join(problems)} (allowed: {', '.join(FIELDS)}; "
            f"needed: {', '.join(REQUIRED)})"
        )
    duplicates = sorted({c for c in header if header.count(c) > 1})
    if duplicates:
        raise TeamFileError(f"{where}: the column {duplicates[0]!r} appears twice in the header row")


def _parse_toml(text: str, where: str) -> list[Member]:
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
    tables = data["team"]
    if not isinstance(tables, list) or not all(isinstance(t, dict) for t in tables):
        raise TeamFileError(f"{where}: team must be a list of [[team]] tables, one per person")
    if len(tables) > MAX_TEAM:
        raise TeamFileError(f"{where}: {len(tables)} people is too many (allowed: 1 to {MAX_TEAM})")
    rows = []
    for number, table in enumerate(tables, start=1):
        row: dict[str, Any] = {}
        for key, value in table.items():
            column = ALIASES.get(key, key)
            if column not in FIELDS:
                raise TeamFileError(
                    f"{where}: person {number}: unknown field {key!r} (allowed: {', '.join(FIELDS)})"
                )
            if column in row:
                raise TeamFileError(f"{where}: person {number}: closeness is given twice ({key!r})")
            row[column] = value
        name = row.get("name")
        rows.append((f"person {number}" + (f" ({name})" if isinstance(name, str) and name else ""), row))
    return _build(rows, where, decimal_comma=False)


def _build(rows: list[tuple[str, dict[str, Any]]], where: str, decimal_comma: bool) -> list[Member]:
    if not rows:
        raise TeamFileError(f"{where}: the team is empty (add at least one person)")
    team: list[Member] = []
    first_seen: dict[str, str] = {}
    for label, row in rows:
        name = row.get("name")
        if name is None or (isinstance(name, str) and not name.strip()):
            raise TeamFileError(f"{where}: {label}: name is missing (every person needs a name)")
        if not isinstance(name, str):
            raise TeamFileError(f"{where}: {label}: name = {name!r} must be text")
        name = name.strip()
        if len(name) > MAX_NAME:
            raise TeamFileError(
                f"{where}: {label}: name {name[:20]!r}... is longer than {MAX_NAME} characters"
            )
        if name.casefold() in first_seen:
            raise TeamFileError(
                f"{where}: {label}: name {name!r} appears twice (also at {first_seen[name.casefold()]}); "
                "names must be unique"
            )
        first_seen[name.casefold()] = label
        if "closeness" not in row:
            raise TeamFileError(f"{where}: {label}: closeness is missing (a number from 0 to 1)")
        values = {f: _number(row[f], f, label, where, decimal_comma) for f in FIELDS[1:] if f in row}
        try:
            team.append(
                Member(
                    name=name,
                    ability=values.get("ability", DEFAULT_ABILITY),
                    first_impression=values["closeness"],
                    challenge=values.get("challenge", DEFAULT_CHALLENGE),
                    trust_propensity=values.get("trust_propensity"),
                    member_expectation=values.get("member_expectation"),
                    safety_propensity=values.get("safety_propensity"),
                )
            )
        except ParameterError as error:  # a rule of Member this module does not check itself
            raise TeamFileError(f"{where}: {label}: {error}") from None
    return team


def _number(value: Any, field: str, label: str, where: str, decimal_comma: bool) -> float:
    allowed = "a number from 0 to 1"
    if isinstance(value, str):
        text = value.strip().replace(",", ".") if decimal_comma else value.strip()
        try:
            number = float(text)
        except ValueError:
            raise TeamFileError(
                f"{where}: {label}: {field} = {value!r} is not a number ({allowed})"
            ) from None
    elif isinstance(value, int | float) and not isinstance(value, bool):
        number = float(value)
    else:
        raise TeamFileError(f"{where}: {label}: {field} = {value!r} is not a number ({allowed})")
    if not math.isfinite(number) or not 0 <= number <= 1:
        raise TeamFileError(f"{where}: {label}: {field} = {value!r} is out of range ({allowed})")
    return number


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
    return row


def team_to_csv(team: list[Member]) -> str:
    """The team as CSV text (the columns of docs/team-files.md)."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=list(FIELDS), lineterminator=LINE_END)
    writer.writeheader()
    for member in team:
        row = _row(member)
        row["name"] = neutralise_cell(row["name"])  # Excel must show =cmd|... as text, never run it
        writer.writerow(row)
    return buffer.getvalue()


def team_to_toml(team: list[Member], title: str | None = None) -> str:
    """The team as TOML text, one [[team]] table per person."""
    lines = [f"title = {json.dumps(title, ensure_ascii=False)}", ""] if title else []
    for member in team:
        lines.append("[[team]]")
        for key, value in _row(member).items():
            text = json.dumps(value, ensure_ascii=False) if isinstance(value, str) else repr(value)
            lines.append(f"{key} = {text}")
        lines.append("")
    return "\n".join(lines)


def save_team(team: list[Member], path: str | Path) -> Path:
    """Write a team file; the extension (.csv or .toml) picks the format."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in EXTENSIONS:
        raise TeamFileError(
            f"{path}: cannot save a team as {suffix or '(no extension)'!r} (allowed: .csv, .toml)"
        )
    text = team_to_csv(team) if suffix == ".csv" else team_to_toml(team)
    return write_text(path, text)
