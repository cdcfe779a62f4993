"""Reading tabular input people make by hand: the shared low level of team files and survey files.

Team files (teamfile.py) and survey files (fit/survey.py) are typed in spreadsheets by
people, not by programs, so they share the same traps. Each helper here closes one, with one
message from the text catalogue (`input.<key>`, English and Dutch):

- `decode_text`: UTF-8 (with or without byte-order mark), UTF-16 (Excel's "Unicode text"),
  Windows-1252 (older Excel "CSV"); a file that mixes UTF-8 and Windows-1252 lines is refused
  naming the first line that differs (read as one, "Zoë" would silently become "ZoÃ«").
- `check_workbook`: an .xlsx is refused from the uncompressed size of its parts (a 300 kB
  workbook can unpack to 300 MB of XML), before any XML is parsed; `WorkbookClock` bounds the
  time the (size-bounded) parse may take.
- `parse_number`: numbers as people write them (`0.35`, `0,35` where a comma is decimal,
  `85%`); what only Python reads as a number (`0_5`, `0x1`, `inf`) is "not a number".
- `name_problem`: names a person could not see or that could impersonate another
  (control characters, bidi overrides, only invisible characters).
- `extra_values_problem`: a row with more values than the header has columns, with the likely
  cause (a decimal comma in a comma-separated file).
- `shown`: every value echoed in a message, cut to ECHO characters.
"""

from __future__ import annotations

import codecs
import io
import itertools
import re
import time
import unicodedata
import zipfile
import zlib
from dataclasses import dataclass

from lmxsim.texts import t

ECHO = 60  # characters of a value a message repeats
# An .xlsx a team or survey needs unpacks to far less than this (a 200-person sheet is ~100 kB).
MAX_UNPACKED = 20_000_000
MAX_PARTS = 1_000
MAX_PARSE_SECONDS = 20.0
# Directional formatting characters (Unicode bidi controls): they reorder what is shown, so
# "Ann\u202egnaL" looks like another person's name. LRM/RLM/ALM are marks of the same kind.
BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c")
# A number as a person writes it: digits, one decimal point, an optional exponent.
NUMBER = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?")


class InputError(ValueError):
    """Input that is not what a person meant; the message says where and what to do."""


def shown(value: object, limit: int = ECHO) -> str:
    """A value as a message repeats it (repr), never longer than `limit` characters."""
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


# --------------------------------------------------------------------------- text


def decode_text(data: bytes, where: str, kind: str = "team", lang: str = "en") -> str:
    """The text of a hand-made file, or InputError naming the encoding problem (and its line)."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) or _looks_utf16(data):
        encoding = "utf-16" if data[:2] in (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE) else _utf16_order(data)
        try:
            return data.decode(encoding).lstrip("\ufeff")
        except UnicodeDecodeError:
            raise InputError(t("input.utf16", lang, where=where)) from None
    if b"\x00" in data:
        raise InputError(t("input.binary", lang, where=where, kind=kind))
    data = data.removeprefix(codecs.BOM_UTF8)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    lines = data.split(b"\n")
    utf8 = next((i for i, line in enumerate(lines, 1) if not line.isascii() and _is_utf8(line)), None)
    other = next(i for i, line in enumerate(lines, 1) if not _is_utf8(line))
    if utf8 is not None:
        raise InputError(t("input.mixed_encoding", lang, where=where, line=other, utf8=utf8))
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        raise InputError(t("input.unreadable", lang, where=where, line=other)) from None


def _is_utf8(line: bytes) -> bool:
    try:
        line.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _looks_utf16(data: bytes) -> bool:
    """UTF-16 without a byte-order mark: mostly ASCII text with a zero byte beside every character."""
    sample = data[:2000]
    if len(sample) < 4 or len(sample) % 2:
        return False
    zeros = max(sample[0::2].count(0), sample[1::2].count(0))
    return zeros >= 0.9 * (len(sample) // 2)


def _utf16_order(data: bytes) -> str:
    sample = data[:2000]
    return "utf-16-le" if sample[1::2].count(0) >= sample[0::2].count(0) else "utf-16-be"


# --------------------------------------------------------------------------- workbooks


def check_workbook(data: bytes, where: str, lang: str = "en", limit: int = MAX_UNPACKED) -> None:
    """Refuse a workbook whose parts unpack to more than `limit` bytes, before any XML is parsed.

    The sizes come from the zip's central directory; a part that claims less than it holds is
    still read only up to the claimed size (zipfile stops there and then fails its CRC check)."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            parts = archive.infolist()
    except (zipfile.BadZipFile, ValueError, OSError):
        return  # not a zip: the workbook reader says so in its own words
    unpacked = sum(part.file_size for part in parts)
    if unpacked > limit or len(parts) > MAX_PARTS:
        raise InputError(
            t("input.workbook_too_large", lang, where=where, size=f"{unpacked:,}", limit=f"{limit:,}")
        )


@dataclass
class WorkbookClock:
    """A deadline for reading one workbook: `tick()` between rows raises once it has passed."""

    where: str
    lang: str = "en"
    seconds: float | None = None  # None: MAX_PARSE_SECONDS

    def __post_init__(self) -> None:
        self.seconds = MAX_PARSE_SECONDS if self.seconds is None else self.seconds
        self.deadline = time.monotonic() + self.seconds

    def tick(self) -> None:
        if time.monotonic() > self.deadline:
            raise InputError(
                t("input.workbook_slow", self.lang, where=self.where, seconds=f"{self.seconds:g}")
            )


@dataclass(frozen=True)
class Uncalculated:
    """A formula cell Excel never calculated: the file holds the formula but no value for it."""

    formula: str


# --------------------------------------------------------------------------- numbers


def parse_number(text: str, decimal_comma: bool = False, percent: bool = False) -> float | None:
    """The number a person wrote (None if it is not one): spaces as thousands separators,
    a decimal comma where allowed, `85%` as 0.85 when `percent`. `0_5`, `0x1`, `inf`, `nan`
    and `1,5` in a comma-separated file are not numbers."""
    text = text.strip().replace(" ", "").replace("\u00a0", "")
    share = percent and text.endswith("%")
    text = text.removesuffix("%") if share else text
    if decimal_comma and text.count(",") == 1 and "." not in text:
        text = text.replace(",", ".")
    if not NUMBER.fullmatch(text):
        return None
    return float(text) / (100.0 if share else 1.0)


# --------------------------------------------------------------------------- names


def name_problem(name: str, lang: str = "en") -> str | None:
    """Why a person's name cannot be used (None if it can): it must be visible text that shows
    as typed, so nobody can hide in, or impersonate someone in, the room and the reports."""
    if any(unicodedata.category(c) == "Cc" for c in name):
        return t("input.name_control", lang)
    if any(c in BIDI_CONTROLS for c in name):
        return t("input.name_bidi", lang)
    if not "".join(c for c in name if unicodedata.category(c) not in ("Cf", "Zs", "Zl", "Zp", "Mn")).strip():
        return t("input.name_invisible", lang)
    return None


# --------------------------------------------------------------------------- rows


def extra_values_problem(cells: list[str], columns: int, delimiter: str, lang: str = "en") -> str | None:
    """Why a row with more values than the header's `columns` cannot be read (None if it has not).

    In a comma-separated file `A,0,5` is most often a decimal comma: said so, with the fix."""
    extra = [c for c in cells[columns:] if c.strip()]
    if not extra:
        return None
    problem = t("input.extra_values", lang, n=columns + len(cells[columns:]), columns=columns)
    if delimiter == ",":
        pairs = [
            (left.strip(), right.strip())
            for left, right in itertools.pairwise(cells)
            if re.fullmatch(r"\s*[+-]?\d+\s*", left) and re.fullmatch(r"\s*\d+%?\s*", right)
        ]
        if pairs:  # the last such pair: the row's first numbers are often whole (wave 1, week 0)
            left, right = pairs[-1]
            written, fixed = f"{left},{right}", f"{left}.{right}"
            return f"{problem}: " + t("input.decimal_comma", lang, written=written, fixed=fixed)
    return f"{problem} " + t("input.extra_values_fix", lang)


# --------------------------------------------------------------------------- workbook rows

MAX_SHEET_ROWS = 5_000  # rows of a sheet read (a survey of 200 people x 20 waves has 4,001)
MAX_SHEET_COLUMNS = 100


@dataclass
class WorkbookSheets:
    """The sheets of an .xlsx as rows of cells (values as Excel saved them; formulas never
    calculated become `Uncalculated`), read within the size and time bounds above."""

    where: str
    sheets: dict[
        str, list[tuple[int, list[object]]]
    ]  # sheet name -> (row number, cells), blank rows left out


def read_workbook(data: bytes, where: str, lang: str = "en", kind: str = "survey") -> WorkbookSheets:
    """Every sheet of a workbook as numbered rows, or InputError (not a workbook, too large, too slow).

    Shared by the readers of hand-made tables, so a survey exported from Excel is read with the
    same guards as a team file (check_workbook before any XML, WorkbookClock while parsing)."""
    from xml.etree.ElementTree import ParseError

    from openpyxl import load_workbook  # only when an Excel file comes in

    check_workbook(data, where, lang)
    clock = WorkbookClock(where, lang)
    unreadable = InputError(t("input.not_workbook", lang, where=where, kind=kind))
    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        formulas = load_workbook(io.BytesIO(data), read_only=True, data_only=False)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError, TypeError, ParseError, EOFError):
        raise unreadable from None
    sheets: dict[str, list[tuple[int, list[object]]]] = {}
    try:
        for values_sheet, formula_sheet in zip(book.worksheets, formulas.worksheets, strict=True):
            rows = zip(
                values_sheet.iter_rows(max_row=MAX_SHEET_ROWS, max_col=MAX_SHEET_COLUMNS, values_only=True),
                formula_sheet.iter_rows(max_row=MAX_SHEET_ROWS, max_col=MAX_SHEET_COLUMNS, values_only=True),
                strict=False,
            )
            kept: list[tuple[int, list[object]]] = []
            for number, (values, written) in enumerate(rows, start=1):
                clock.tick()
                cells: list[object] = [
                    Uncalculated(w) if v is None and isinstance(w, str) and w.startswith("=") else v
                    for v, w in zip(values, written, strict=False)
                ]
                while cells and (cells[-1] is None or (isinstance(cells[-1], str) and not cells[-1].strip())):
                    cells.pop()
                if cells:
                    kept.append((number, cells))
            sheets[str(values_sheet.title)] = kept
    except (ParseError, zipfile.BadZipFile, EOFError, zlib.error):
        raise unreadable from None
    finally:
        book.close()
        formulas.close()
    return WorkbookSheets(where, sheets)


def cell_text(cell: object) -> str:
    """A workbook cell as the text a person sees: 3.0 as '3', 0.35 as '0.35', empty as ''."""
    if cell is None:
        return ""
    if isinstance(cell, bool):
        return str(cell).upper()
    if isinstance(cell, float) and cell.is_integer():
        return str(int(cell))
    if isinstance(cell, int | float):
        return f"{cell:g}" if abs(cell) < 1e15 else str(cell)
    return str(cell).strip()
