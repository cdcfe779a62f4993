"""docs/screening.csv (experiments/screening.py, issue 23 req 6) stays in step with Params:
every parameter is screened, none that no longer exists, and the shares add up."""

from __future__ import annotations

import csv
import math
from pathlib import Path

from lmxsim.model.params import PARAMETERS

SCREENING = Path(__file__).resolve().parent.parent / "docs" / "screening.csv"


def _rows() -> list[dict[str, str]]:
    with SCREENING.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_the_screening_covers_every_parameter_and_no_other():
    rows = _rows()
    assert list(rows[0]) == ["param", "mu_star", "share_of_max"]
    screened = [row["param"] for row in rows]
    assert len(screened) == len(set(screened)), "a parameter is listed twice"
    missing = sorted(set(PARAMETERS) - set(screened))
    extra = sorted(set(screened) - set(PARAMETERS))
    assert not missing and not extra, (
        f"docs/screening.csv is out of step with Params: missing {missing}, no longer parameters {extra}; "
        "re-run: nice -n 10 uv run python experiments/screening.py"
    )


def test_share_of_max_is_mu_star_over_the_largest():
    rows = _rows()
    largest = max(float(row["mu_star"]) for row in rows)
    for row in rows:
        mu_star, share = float(row["mu_star"]), float(row["share_of_max"])
        assert mu_star >= 0 and math.isclose(share, mu_star / largest, abs_tol=1e-3), row


def test_every_parameter_moves_some_output_by_at_least_five_percent_of_the_largest():
    """Issue 23 requirement 6: a parameter that moves no fact or documented output by 5% of the
    largest mu* is removed or merged (docs/ODD.md 7.12), so none below 5% is left in the file."""
    weak = {row["param"]: float(row["share_of_max"]) for row in _rows() if float(row["share_of_max"]) < 0.05}
    assert not weak, f"parameters under 5% of the largest mu* (remove, merge, or show what they move): {weak}"
