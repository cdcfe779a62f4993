"""Upper bounds on the work one command, file or browser request may ask for.

Without them a typo (`--weeks 10000000`) fills the memory of a laptop before it
fails with a long traceback, and one browser tab can keep a shared workshop
server busy for minutes. Every limit here is checked before any simulating
starts and refused with one line naming the field, the value and the limit.
The numbers are documented in docs/limits.md.
"""

from __future__ import annotations

from lmxsim.io.rules import MAX_WEEKS, check_whole
from lmxsim.io.rules import check_weeks as _check_weeks

__all__ = ["MAX_WEEKS", "check_whole"]  # the rules live in lmxsim/io/rules.py; kept here for old imports
MAX_REPLICATIONS = 1_000_000  # `validate --replications`, a sweep file's replications
MAX_SWEEP_RUNS = 50_000_000  # design points x replications of one sweep (days of work on one machine)
# The strategy lab in the app: people x weeks x replications x strategies of one request.
# About 30 s of work on one core of a workshop laptop; the command line has no such cap.
APP_MAX_WORK = 50_000_000


def check_weeks(weeks: object, field: str = "--weeks", low: int = 0) -> int:
    """A run length given on the command line (rules.check_weeks, named as the option)."""
    return _check_weeks(weeks, field, low)


def check_replications(replications: object, field: str = "--replications", low: int = 1) -> int:
    return check_whole(replications, field, low, MAX_REPLICATIONS)


def sweep_runs_problem(points: int, replications: int) -> str | None:
    """Why a sweep of this size is refused (None if it is allowed)."""
    runs = points * replications
    if runs > MAX_SWEEP_RUNS:
        return (
            f"{points:,} design points x {replications:,} replications = {runs:,} runs is more than "
            f"one sweep may hold (at most {MAX_SWEEP_RUNS:,}); use fewer samples or replications, "
            "or split the sweep into several files"
        )
    return None


def app_work(people: int, weeks: int, replications: int, strategies: int) -> int:
    """The work of one strategy-lab request, in simulated person-weeks."""
    return max(people, 1) * max(weeks, 0) * max(replications, 0) * max(strategies, 1)


def app_work_problem(people: int, weeks: int, replications: int, strategies: int) -> str | None:
    """Why the lab refuses a request of this size (None if it is allowed)."""
    work = app_work(people, weeks, replications, strategies)
    if work > APP_MAX_WORK:
        return (
            f"{people} people x {weeks} weeks x {replications:,} replications x {strategies} strategies "
            f"= {work:,} person-weeks is more than one request may ask for here (at most "
            f"{APP_MAX_WORK:,}); use fewer replications or weeks, or the command line: lmxsim strategies"
        )
    return None
