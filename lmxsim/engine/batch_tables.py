"""From the batch engine's arrays to the tables both engines share (frames.py's columns).

The engine (batch.py) hands back arrays: team measure (weeks, replications), member
variable (weeks+1, replications, members). Here they become the tidy tables that
LMXModel.team_frame/member_frame give, and the long team table over replications.
Counts are whole numbers and label codes become names, as measures.py declares.
"""

from __future__ import annotations

from typing import Protocol

import numpy as np
import pandas as pd

from lmxsim.model import dynamics as dyn
from lmxsim.model.frames import MEMBER_COLUMNS, MEMBER_TRAITS
from lmxsim.model.measures import CODES, COUNTS, TEAM_MEASURES


class BatchRun(Protocol):
    """What the tables read of a run: batch.BatchRun has it (named here, so no import circle)."""

    names: list[str]
    weeks: int
    team: dict[str, np.ndarray]
    members: dict[str, np.ndarray] | None
    traits: dict[str, np.ndarray]
    interventions: list[str]
    member_interventions: np.ndarray | None


def _column(name: str, values: np.ndarray) -> np.ndarray:
    """A measure's values as its table writes them: counts whole, label codes as names."""
    if name in CODES:
        return np.array(CODES[name])[values.astype(int)]
    if name in COUNTS:
        return values.astype(np.int64)
    return values


def team_frame(run: BatchRun, replication: int = 0) -> pd.DataFrame:
    """Same columns as LMXModel.team_frame() for one replication."""
    frame = pd.DataFrame({"week": np.arange(run.weeks + 1)})
    for measure in TEAM_MEASURES:
        frame[measure] = _column(measure, run.team[measure][:, replication])
    frame["interventions"] = run.interventions
    return frame


def member_frame(run: BatchRun, replication: int = 0) -> pd.DataFrame:
    """Same columns as LMXModel.member_frame() for one replication."""
    if run.members is None or run.member_interventions is None:
        raise ValueError("member trajectories were not recorded (record_members=False)")
    n, weeks = len(run.names), run.weeks + 1
    frame = pd.DataFrame(
        {
            "week": np.repeat(np.arange(weeks), n),
            "member_id": np.tile(np.arange(n), weeks),
            "name": np.tile(run.names, weeks),
            **{t: np.tile(run.traits[t][replication], weeks) for t in MEMBER_TRAITS},
        }
    )
    for var, values in run.members.items():
        frame[var] = _column(var, values[:, replication, :].reshape(-1))
    frame["lmx7"] = dyn.lmx7(frame["lmx"].to_numpy())
    frame["interventions"] = run.member_interventions[:, replication, :].reshape(-1)
    return frame[[*MEMBER_COLUMNS, "interventions"]]


def team_table(team: dict[str, np.ndarray], weeks: np.ndarray, first_replication: int) -> pd.DataFrame:
    """team[measure] is (len(weeks), R); rows are week-major, replications counted from `first`."""
    reps = next(iter(team.values())).shape[1]
    table = {
        "replication": np.tile(np.arange(first_replication, first_replication + reps), len(weeks)),
        "week": np.repeat(np.asarray(weeks, dtype=np.int64), reps),
    }
    for measure in TEAM_MEASURES:
        table[measure] = _column(measure, team[measure].reshape(-1))
    return pd.DataFrame(table)
