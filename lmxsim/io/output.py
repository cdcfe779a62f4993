"""Writing outputs safely: never a half-written file, never a formula a spreadsheet would run.

Every table, figure, text and manifest goes to a temporary name in the target
folder first and is renamed into place when complete; on any failure the
temporary file is removed and the caller gets an OutputError, one line that
names the file and the reason (disk full, read-only, a folder in the way).
`check_output_file` and `check_output_folder` find most of these problems
before a simulation is started, so a typo does not cost a run.

CSV cells that are text and begin with =, +, -, @, tab or carriage return are
written with a leading apostrophe (OWASP's advice against CSV injection): Excel
and LibreOffice show them as text instead of evaluating them. Numbers stay
numbers. `restore_cell` undoes it exactly, so the project reads its own CSV
files back unchanged.
"""

from __future__ import annotations

import contextlib
import csv
import errno
import os
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pandas as pd

from lmxsim.io.rules import ParameterError

FORMATS = (".parquet", ".csv")
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
QUOTE = "'"
# RFC 4180 line ends: csv quotes a cell holding any character of the line end, so "\r" inside a
# name is quoted (with "\n" alone it is written bare and splits the row in a spreadsheet).
LINE_END = "\r\n"
_ESCAPED = (*FORMULA_START, QUOTE)

REASONS = {
    errno.ENOSPC: "the disk is full",
    errno.EDQUOT: "the disk quota is used up",
    errno.EROFS: "the file system is read-only",
    errno.EACCES: "permission denied",
    errno.EPERM: "permission denied",
    errno.EISDIR: "it is a folder",
    errno.ENOTDIR: "a part of the path is a file, not a folder",
    errno.EEXIST: "a file of that name is in the way",
    errno.ENAMETOOLONG: "the name is too long",
    errno.ENOENT: "the folder does not exist",
}


class OutputError(ParameterError):
    """An output cannot be written; the message names the file and why (one line)."""


def reason(error: OSError) -> str:
    """A short human reason for a file-system error."""
    return REASONS.get(error.errno or 0) or error.strerror or type(error).__name__


# --------------------------------------------------------------------------- formula cells


def neutralise_cell(text: str) -> str:
    """The text as a spreadsheet shows it but never evaluates it (see restore_cell)."""
    if text.startswith(FORMULA_START) or (text[:1] == QUOTE and text[1:2] and text[1] in _ESCAPED):
        return QUOTE + text
    return text


def restore_cell(text: str) -> str:
    """The inverse of neutralise_cell: restore_cell(neutralise_cell(s)) == s for every s."""
    if text[:1] == QUOTE and text[1:2] and text[1] in _ESCAPED:
        return text[1:]
    return text


def csv_delimiter(header: str, delimiters: str = ",;\t") -> str:
    """The delimiter of a CSV file, one of `delimiters`, from its header line (csv.Sniffer, which
    also sees past quoted cells such as "closeness (0,1)"); the first one if the line shows none."""
    try:
        return csv.Sniffer().sniff(header, delimiters=delimiters).delimiter
    except csv.Error:  # one column, or nothing to tell them apart
        return delimiters[0]


def spreadsheet_safe(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy whose text cells (and column names) are neutralised; numeric columns are untouched."""
    safe = frame.copy()
    for column in safe.columns:
        if safe[column].dtype == object or isinstance(
            safe[column].dtype, pd.StringDtype | pd.CategoricalDtype
        ):
            safe[column] = safe[column].map(lambda v: neutralise_cell(v) if isinstance(v, str) else v)
    safe.columns = [neutralise_cell(c) if isinstance(c, str) else c for c in safe.columns]
    return safe


def csv_text(frame: pd.DataFrame) -> str:
    """The table as spreadsheet-safe CSV text (for downloads)."""
    return spreadsheet_safe(frame).to_csv(index=False, lineterminator=LINE_END)


# --------------------------------------------------------------------------- checks before the work


def check_output_file(path: str | Path, what: str = "--out", formats: tuple[str, ...] | None = None) -> Path:
    """Refuse, before any simulating, an output file that could not be written."""
    path = Path(path)
    if formats is not None and path.suffix not in formats:
        raise OutputError(f"{what} {path} has extension {path.suffix!r} (allowed: {', '.join(formats)})")
    if path.is_dir():
        raise OutputError(f"{what} {path} is a folder; give a file name such as {path / 'results.csv'}")
    _check_folder_writable(path.parent, what, path)
    return path


def check_output_folder(folder: str | Path, what: str = "--out", overwrite: bool = True) -> Path:
    """Refuse an output folder that is a file, not writable, or (unless overwrite) not empty."""
    folder = Path(folder)
    if folder.exists() and not folder.is_dir():
        raise OutputError(f"{what} {folder} is a file, not a folder; choose a folder name")
    if not overwrite and folder.is_dir() and any(folder.iterdir()):
        raise OutputError(
            f"{what} {folder} is not empty; choose a new folder, or add --overwrite to replace its files"
        )
    _check_folder_writable(folder, what, folder)
    return folder


def _check_folder_writable(folder: Path, what: str, target: Path) -> None:
    existing = folder
    while not existing.exists():  # the nearest folder that exists decides whether we may create the rest
        if existing.parent == existing:
            break
        existing = existing.parent
    if existing.exists() and not existing.is_dir():
        raise OutputError(f"{what} {target}: {existing} is a file, not a folder")
    probe = existing / f".lmxsim-probe-{os.getpid()}-{uuid.uuid4().hex[:8]}"
    try:
        probe.touch(exist_ok=False)  # os.access lies for root and for read-only mounts; a real file does not
    except OSError as error:
        raise OutputError(f"{what} {target}: cannot write in {existing} ({reason(error)})") from None
    finally:
        _remove(probe)


# --------------------------------------------------------------------------- atomic writing


def _remove(path: Path) -> None:
    """Remove a temporary file if it is there (a read-only disk refuses even that; then nothing is there)."""
    with contextlib.suppress(OSError):
        path.unlink(missing_ok=True)


def temporary_name(path: Path) -> Path:
    """A unique hidden name next to `path` (the same file system, so the rename is atomic)."""
    return path.with_name(f".{path.name}.{os.getpid()}.{uuid.uuid4().hex[:8]}.tmp")


@contextmanager
def atomic_path(path: str | Path) -> Iterator[Path]:
    """Yield a temporary path to write; rename it to `path` on success, remove it on failure."""
    path = Path(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise OutputError(f"cannot write {path}: cannot create {path.parent} ({reason(error)})") from None
    if path.is_dir():
        raise OutputError(f"cannot write {path}: it is a folder")
    temporary = temporary_name(path)
    try:
        yield temporary
        os.replace(temporary, path)
    except OSError as error:
        raise OutputError(f"cannot write {path} ({reason(error)}); nothing was left half-written") from None
    finally:
        _remove(temporary)


def write_with(path: str | Path, writer: Callable[[Path], object]) -> Path:
    """Call writer(temporary_path), then rename into place (see atomic_path)."""
    with atomic_path(path) as temporary:
        writer(temporary)
    return Path(path)


def write_bytes(path: str | Path, data: bytes) -> Path:
    return write_with(path, lambda p: p.write_bytes(data))


def write_text(path: str | Path, text: str) -> Path:
    return write_with(path, lambda p: p.write_text(text, encoding="utf-8"))


def write_table(frame: pd.DataFrame, path: str | Path) -> Path:
    """Parquet or CSV by extension, atomically; CSV cells are spreadsheet-safe."""
    path = Path(path)
    if path.suffix not in FORMATS:
        raise ParameterError(
            f"output file {path} has extension {path.suffix!r} (allowed: {', '.join(FORMATS)})"
        )
    if path.suffix == ".parquet":
        return write_with(path, lambda p: frame.to_parquet(p, index=False))
    safe = spreadsheet_safe(frame)
    return write_with(path, lambda p: safe.to_csv(p, index=False, lineterminator=LINE_END))
