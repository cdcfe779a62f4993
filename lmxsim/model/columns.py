"""The data dictionary: every column lmxsim writes, with its level, scale and meaning.

Declared here (member and team measures: in lmxsim/model/measures.py) and used three ways:
`lmxsim columns` prints it, docs/columns.md is generated from it (tests/test_columns.py
checks they agree), and every Parquet file lmxsim writes carries each column's entry as
field metadata (`description`, `level`, `scale`), so a table explains itself in any Parquet reader.

Tables: "member" (one row per member per week: `lmxsim run`, `compare`, a sweep's
`_members`), "team" (one row per week: team_frame, batch team tables, a sweep's parts),
"strategy" (the strategy lab's CSV tables). A column a sweep varies is a model parameter,
described by lmxsim/model/params.py.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from lmxsim.model import measures

if TYPE_CHECKING:
    import pyarrow as pa

TABLES = ("member", "team", "strategy")


@dataclass(frozen=True)
class Column:
    name: str
    level: str  # member, team, run (keys naming a run) or strategy
    scale: str  # 0-1, 7-35 (LMX-7), count, week number, text, ...
    meaning: str


def _c(name: str, level: str, scale: str, meaning: str) -> Column:
    return Column(name, level, scale, meaning)


# Keys that name a run or a row; the same meaning in every table that has them.
KEYS = [
    _c("week", "run", "week number (0 = before the first week)", "the week this row describes"),
    _c("run", "run", "index from 0", "sweep: run number, point x replications + replication"),
    _c("point", "run", "index from 0", "sweep: the design point (one set of parameter values)"),
    _c(
        "replication", "run", "index from 0", "which replication (run on its own seed) of a point or strategy"
    ),
    _c(
        "seed",
        "run",
        "integer below 2**53",
        "sweep: the run's seed; LMXModel(rng=seed) or `lmxsim run --seed` redoes it",
    ),
    _c(
        "variant",
        "run",
        "baseline or variant",
        "`lmxsim compare`: the scenario as it is, or with the interventions",
    ),
]

# Member and team measures come from their declarations (lmxsim/model/measures.py).
MEMBER = [
    _c("member_id", "member", "index from 0", "the member's position in the team"),
    _c("name", "member", "text", "the member's name"),
    *(_c(m.name, "member", m.scale, m.meaning) for m in measures.MEMBER.values()),
    _c("interventions", "member", "labels separated by ;", "interventions aimed at this member this week"),
]

TEAM = [
    *(_c(m.name, "team", m.scale, m.meaning) for m in measures.TEAM.values()),
    _c("interventions", "team", "labels separated by ;", "interventions active this week"),
]

STRATEGY = [
    _c("strategy", "strategy", "text", "the strategy's name (nothing = no intervention)"),
    _c("title", "strategy", "text", "the strategy's title"),
    _c("member", "strategy", "text", "the member's name"),
    _c("measure", "strategy", "name of a team or member measure", "what is summarised in this row"),
    _c("higher_is_better", "strategy", "true/false", "whether a higher value of the measure is better"),
    _c("mean", "strategy", "scale of the measure", "mean over replications"),
    _c("ci_low", "strategy", "scale of the measure", "lower end of the 95% confidence interval of the mean"),
    _c("ci_high", "strategy", "scale of the measure", "upper end of the 95% confidence interval of the mean"),
    _c("p2_5", "strategy", "scale of the measure", "2.5th percentile of single replications"),
    _c("p97_5", "strategy", "scale of the measure", "97.5th percentile of single replications"),
    _c("diff_vs_nothing", "strategy", "scale of the measure", "mean paired difference with doing nothing"),
    _c("diff_ci_low", "strategy", "scale of the measure", "lower end of the 95% CI of that difference"),
    _c("diff_ci_high", "strategy", "scale of the measure", "upper end of the 95% CI of that difference"),
    _c("replications", "strategy", "count", "replications behind the row"),
    _c("nothing_mean", "strategy", "scale of the measure", "the member's mean when doing nothing"),
    _c("gain", "strategy", "scale of the measure", "the member's mean paired gain over doing nothing"),
    _c("gain_ci_low", "strategy", "scale of the measure", "lower end of the 95% CI of the gain"),
    _c("gain_ci_high", "strategy", "scale of the measure", "upper end of the 95% CI of the gain"),
    _c(
        "verdict", "strategy", "gains, loses, same or unclear", "what the 95% CI and the size of the gain say"
    ),
    _c("fires", "strategy", "count", "replications table: fires up to this week (all weeks so far)"),
    # issue 15 (strategy lab): years better than doing nothing, the leader's time, LMX-7 points
    _c(
        "better_runs",
        "strategy",
        "count",
        "simulated years in which the strategy beat doing nothing on the measure",
    ),
    _c(
        "hours_per_week",
        "strategy",
        "hours",
        "the leader's time the strategy takes, hours per week averaged over the run (effort.py)",
    ),
    _c(
        "peak_hours",
        "strategy",
        "hours",
        "the leader's expected hours in the strategy's busiest week (effort.py)",
    ),
    _c(
        "better_years",
        "strategy",
        "count",
        "simulated years in which the member did better than with doing nothing",
    ),
    _c("years", "strategy", "count", "simulated years behind the member's row"),
    _c("out_group_years", "strategy", "count", "simulated years in which the member ends in the out-group"),
    _c("nothing_out_group_years", "strategy", "count", "the same when doing nothing"),
    _c(
        "gain_lmx7",
        "strategy",
        "LMX-7 points",
        "the member's gain in relationship quality, 28 x gain (measure lmx)",
    ),
]

_BY_TABLE = {"member": MEMBER, "team": TEAM, "strategy": STRATEGY}


def lookup(name: str, table: str) -> Column | None:
    """The entry of a column in a table: its own, a shared key, or a model parameter (sweeps vary them)."""
    for column in (*_BY_TABLE[table], *KEYS):
        if column.name == name:
            return column
    if table == "strategy":  # the replications table holds the team measures
        found = lookup(name, "team")
        if found is not None:
            return found
    from lmxsim.model.params import PARAMETERS

    if name in PARAMETERS:
        meta = PARAMETERS[name].metadata
        return Column(name, "run", f"{meta['low']}-{meta['high']}", f"model parameter: {meta['meaning']}")
    return None


def table_of(columns: list[str]) -> str:
    """Which table a set of column names comes from (member tables name their members)."""
    if "member_id" in columns:
        return "member"
    if "strategy" in columns:
        return "strategy"
    return "team"


def field_metadata(table: pa.Table) -> pa.Table:
    """The same table with each known column's entry as Parquet field metadata."""
    import pyarrow as pa

    kind = table_of(table.column_names)
    fields = []
    for field in table.schema:
        column = lookup(field.name, kind)
        if column is not None:
            meta = dict(field.metadata or {})
            meta.update(
                {
                    b"description": column.meaning.encode(),
                    b"level": column.level.encode(),
                    b"scale": column.scale.encode(),
                }
            )
            field = field.with_metadata(meta)
        fields.append(field)
    return table.cast(pa.schema(fields, metadata=table.schema.metadata))


def rows() -> list[tuple[str, Column]]:
    """(table, column) for every declared entry, keys first."""
    return [("any", c) for c in KEYS] + [(t, c) for t in TABLES for c in _BY_TABLE[t]]


def markdown() -> str:
    """docs/columns.md, generated: `uv run lmxsim columns --markdown > docs/columns.md`."""
    lines = [
        "# Output columns",
        "",
        "<!-- generated from lmxsim/model/columns.py by `uv run lmxsim columns --markdown`; do not edit -->",
        "",
        "Every column lmxsim writes. *member* tables have one row per member per week (`lmxsim run`,",
        "`lmxsim compare`, a sweep's `_members/`); *team* tables one row per week (team frames, batch and",
        "sweep team tables); *strategy* tables are the strategy lab's CSV files. A column a sweep varies is",
        "a model parameter (`lmxsim params`). Parquet files carry each entry as field metadata",
        "(`description`, `level`, `scale`).",
        "",
        "| table | column | level | unit or scale | meaning |",
        "|---|---|---|---|---|",
    ]
    for table, column in rows():
        lines.append(f"| {table} | `{column.name}` | {column.level} | {column.scale} | {column.meaning} |")
    return "\n".join(lines) + "\n"
