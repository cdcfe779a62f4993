"""Team-level observations beside the survey: problems the team reported, per period (CSV).

    week_from,week_to,problems_reported
    1,4,3          problems the whole team reported in weeks 1 to 4 (both included)
    5,8,1

Weeks count as in the survey file (since the run's start). Periods may leave gaps but not
overlap; a period with an unknown count is left out (there are no empty cells). The
simulator records the same measure (the engine's `problems_reported`, summed over the team
and the period's weeks) and the summary statistics gain one number per period, so the
observation enters the ABC distance (docs/fitting.md, "Team-level observations").
"""

from __future__ import annotations

import csv
import io
import math
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from lmxsim.fit import FitError
from lmxsim.fit.survey import data_records, read_text
from lmxsim.io.output import csv_delimiter

MEASURES = ("problems_reported",)  # team counts the engine keeps per member and week
COLUMNS = ("week_from", "week_to")
MAX_WEEK = 520
MAX_COUNT = 10_000
MAX_BYTES = 1_000_000


@dataclass
class TeamObservations:
    """Observed team totals of `measure`, one per period of weeks (from, to: both included)."""

    path: str
    measure: str
    periods: list[tuple[int, int]]
    counts: np.ndarray  # (periods,)

    @property
    def last_week(self) -> int:
        return max(to for _, to in self.periods)

    def labels(self) -> list[str]:
        return [f"team|{self.measure}|weeks {a}-{b}" for a, b in self.periods]

    def sums(self, weekly: np.ndarray) -> np.ndarray:
        """Per replication and period, the total of a weekly team count (weeks + 1, R) -> (R, periods)."""
        return np.stack([weekly[a : b + 1].sum(axis=0) for a, b in self.periods], axis=-1)


def read_observations(path: str | Path) -> TeamObservations:
    path = Path(path)
    return parse_observations(read_text(path, "observations", MAX_BYTES), str(path))


def parse_observations(text: str, where: str) -> TeamObservations:
    """Check every line; errors name the file, the line and the field."""
    first = text.split("\n", 1)[0]
    rows = list(csv.reader(io.StringIO(text), delimiter=csv_delimiter(first, ",;")))
    if not rows or not any(c.strip() for c in rows[0]):
        raise FitError(f"{where}: empty; the first line must be week_from,week_to,{MEASURES[0]}")
    header = [c.strip().lower() for c in rows[0]]
    allowed = f"{', '.join(COLUMNS)} and one of {', '.join(MEASURES)}"
    for column in header:
        if column not in (*COLUMNS, *MEASURES):
            raise FitError(f"{where}, line 1: unknown column {column!r} (allowed: {allowed})")
    measures = [c for c in header if c in MEASURES]
    if any(c not in header for c in COLUMNS) or len(measures) != 1:
        raise FitError(f"{where}, line 1: the columns must be {allowed}")
    measure = measures[0]
    periods: list[tuple[int, int]] = []
    counts: list[float] = []
    lines: list[int] = []
    for number, record in data_records(rows, header, where):
        start = _whole(record["week_from"], "week_from", 1, MAX_WEEK, where, number)
        end = _whole(record["week_to"], "week_to", start, MAX_WEEK, where, number)
        count = _whole(record[measure], measure, 0, MAX_COUNT, where, number)
        for (a, b), line in zip(periods, lines, strict=True):
            if start <= b and a <= end:
                raise FitError(
                    f"{where}, line {number}, field week_from: weeks {start}-{end} overlap weeks {a}-{b} "
                    f"on line {line}; every week counts in one period at most"
                )
        periods.append((start, end))
        counts.append(float(count))
        lines.append(number)
    if not periods:
        raise FitError(f"{where}: no periods below the header")
    return TeamObservations(where, measure, periods, np.array(counts))


def _whole(cell: str, field: str, low: int, high: int, where: str, line: int) -> int:
    try:
        value = float(cell)
    except ValueError:
        value = math.nan
    if not math.isfinite(value) or value != int(value) or not low <= value <= high:
        empty = " (leave out a period whose count is unknown)" if cell == "" else ""
        raise FitError(
            f"{where}, line {line}, field {field}: {cell!r} is not allowed "
            f"(a whole number from {low} to {high}){empty}"
        )
    return int(value)
