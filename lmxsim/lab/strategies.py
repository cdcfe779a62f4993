"""The strategy lab: compare intervention strategies for one's own team over many replications.

Every strategy runs on the SAME seeds (common random numbers): replication r
of each strategy meets the same luck, so the paired difference to doing
nothing isolates the strategy's effect and needs far fewer runs than two
independent samples would. Two kinds of interval are reported, and they mean
different things:

* ci_low..ci_high: mean +- t(0.975, R-1) standard errors (Student's t, so
  that few replications give the wider interval they deserve), the
  uncertainty of the EXPECTED outcome; it shrinks as replications grow.
* p2_5..p97_5: the 2.5 and 97.5 percentiles across replications, the SPREAD
  of outcomes one real team might see; more replications do not shrink it.

Both cover only the simulation's luck. The intervention strengths are
assumptions (docs/interventions.md); robustness.py reruns the comparison with
them weaker and stronger. effort.py counts the leader's hours.
"""

from __future__ import annotations

import functools
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

import numpy as np
import pandas as pd
from scipy import stats

from lmxsim.engine.batch import chunk_for, run_batch
from lmxsim.interventions.catalogue import InterventionError
from lmxsim.interventions.effort import person_week_hours
from lmxsim.interventions.spec import check_plan
from lmxsim.interventions.strength import scaled
from lmxsim.io.rules import MAX_WEEKS, check_whole
from lmxsim.lab.plans import (
    NOTHING,
    READY_NAMES,
    Strategy,
    custom_strategy,
    parse_strategy,
    ready_strategies,
    ready_strategy,
)
from lmxsim.model.dynamics import Group, lmx7
from lmxsim.model.measures import MEMBER, TEAM
from lmxsim.model.params import ParameterError, Params
from lmxsim.model.seeds import MAX_SEED
from lmxsim.team.members import Member, check_team

__all__ = [
    "NOTHING",
    "READY_NAMES",
    "Comparison",
    "Strategy",
    "compare_strategies",
    "custom_strategy",
    "interval",
    "parse_strategy",
    "ready_strategies",
    "ready_strategy",
    "verdict",
]

# The team measures the lab compares, in its tables' order: the lab's choice of the ones
# declared in lmxsim/model/measures.py (showing another one in the lab is one name here).
LAB_MEASURES: tuple[str, ...] = (
    "performance",
    "lmx_mean",
    "lmx_differentiation",
    "problems_hidden",
    "fires",
    "out_group_share",
)
# for each measure compared, whether a higher value is better (as declared)
MEASURES: dict[str, bool] = {n: bool(TEAM[n].higher_is_better) for n in LAB_MEASURES}
# Declared per week, but counted from week 1 to the checkpoint in the lab ("fires so far"):
# a leader asks how many fires a year brings, not how many burn in its last week. Not a
# declared measure (a team measure is made from one week's members); the lab's texts name it.
SO_FAR: frozenset[str] = frozenset({"fires"})
MEMBER_MEASURES = ("performance", "lmx")
CONFIDENCE = 0.95
# Fewer simulated years than this give intervals too rough to compare strategies on:
# the app refuses them, the CLI warns (the library allows 2 and up, for tests).
MIN_REPLICATIONS = 30
# A strategy is named the winner only if it beats every other by more than this in
# expected team performance (0-1 scale) AND the 95% interval of that difference excludes 0.
WINNER_THRESHOLD = 0.01
# smallest change in a person's performance or LMX (0..1 scales) worth calling a gain or loss
MEMBER_NEGLIGIBLE: dict[str, float] = {n: float(MEMBER[n].negligible or 0.0) for n in MEMBER_MEASURES}
NEGLIGIBLE = max(MEMBER_NEGLIGIBLE.values())  # the one the report's sentences name (both are 0.01)
MAX_REPLICATIONS = 20_000
MEMBER_CELLS = 10_000  # replications x members per run_batch call (bounds memory to ~50 MB/year)


# --------------------------------------------------------------------------- comparing


@dataclass(eq=False)  # compared by identity: field-wise == on numpy arrays is ambiguous
class Comparison:
    """Outcomes of every strategy on the same seeds, at the checkpoint weeks.

    outcomes[strategy][measure]: (checkpoints, R) team outcomes; a measure in SO_FAR
    (fires) counts from week 1 up to the checkpoint. members[strategy][measure]: (checkpoints, R, n),
    measure in MEMBER_MEASURES plus "group". effort[strategy]: (R,) leader hours
    per week, averaged over the run; week_effort[strategy]: (weeks,) the expected hours in
    each week (mean over replications), so a heavy start shows as a peak.
    """

    strategies: list[Strategy]
    names: list[str]
    replications: int
    weeks: int
    seed: int
    checkpoints: tuple[int, ...]
    outcomes: dict[str, dict[str, np.ndarray]]
    members: dict[str, dict[str, np.ndarray]]
    seconds: float = 0.0
    baseline: str = NOTHING
    titles: dict[str, dict[str, str]] = field(default_factory=dict)
    team: list[Member] = field(default_factory=list)  # as given, for the provenance of exports
    params: Params = field(default_factory=Params)
    effort: dict[str, np.ndarray] = field(default_factory=dict)
    strength: float = 1.0  # every intervention's strength relative to its default (robustness.py)
    week_effort: dict[str, np.ndarray] = field(default_factory=dict)
    person_effort: dict[str, np.ndarray] = field(default_factory=dict)  # (n,) mean hours/week each
    _tables: dict[str, pd.DataFrame] = field(default_factory=dict, repr=False)  # built once each

    def title(self, strategy: str, lang: str = "en") -> str:
        return self.titles[strategy].get(lang) or strategy

    def hours(self, strategy: str) -> float:
        """The leader's expected hours per week for this strategy (0 for doing nothing)."""
        values = self.effort.get(strategy)
        return 0.0 if values is None else float(np.mean(values))

    def week_hours(self, strategy: str) -> np.ndarray:
        """The leader's expected hours in each week 1..weeks (zeros for doing nothing)."""
        values = self.week_effort.get(strategy)
        return np.zeros(self.weeks) if values is None else np.asarray(values, dtype=float)

    def time_share(self, strategy: str) -> np.ndarray:
        """Each person's share of the hours this strategy asks (zeros when it asks none)."""
        values = np.asarray(self.person_effort.get(strategy, np.zeros(len(self.names))), dtype=float)
        total = values.sum()
        return values / total if total > 0 else np.zeros_like(values)

    def peak_hours(self, strategy: str) -> float:
        """The leader's expected hours in the busiest week of this strategy."""
        return float(self.week_hours(strategy).max(initial=0.0))

    def summary(self) -> pd.DataFrame:
        """Per strategy, measure and checkpoint: mean, intervals, difference to doing nothing."""
        return self._table("summary", self._summary)

    def member_gains(self) -> pd.DataFrame:
        """Per strategy, person, measure and checkpoint: the paired gain over doing nothing."""
        return self._table("member_gains", self._member_gains)

    def _table(self, name: str, build: Callable[[], pd.DataFrame]) -> pd.DataFrame:
        """A table built once (the report, the lab and the texts all read it), handed out as a copy."""
        if name not in self._tables:
            self._tables[name] = build()
        return self._tables[name].copy()

    def _summary(self) -> pd.DataFrame:
        """Per strategy, measure and checkpoint: mean with 95% CI, 95% spread, paired difference.

        better_runs: in how many of the simulated years the strategy did better than doing
        nothing on this measure (ties, e.g. a strategy not yet started, do not count).
        """
        rows = []
        for s in self.strategies:
            for c, week in enumerate(self.checkpoints):
                for measure, higher_better in MEASURES.items():
                    values = self.outcomes[s.name][measure][c]
                    diff = values - self.outcomes[self.baseline][measure][c]
                    mean, low, high = interval(values)
                    d_mean, d_low, d_high = interval(diff)
                    better = diff > 0 if higher_better else diff < 0
                    rows.append(
                        {
                            "strategy": s.name,
                            "title": self.title(s.name),
                            "week": week,
                            "measure": measure,
                            "higher_is_better": higher_better,
                            "mean": mean,
                            "ci_low": low,
                            "ci_high": high,
                            "p2_5": float(np.percentile(values, 2.5)),
                            "p97_5": float(np.percentile(values, 97.5)),
                            "diff_vs_nothing": d_mean,
                            "diff_ci_low": d_low,
                            "diff_ci_high": d_high,
                            "better_runs": int(np.count_nonzero(better)),
                            "replications": values.size,
                            "hours_per_week": self.hours(s.name),
                            "peak_hours": self.peak_hours(s.name),
                        }
                    )
        return pd.DataFrame(rows)

    def _member_gains(self) -> pd.DataFrame:
        """Per strategy, person, measure and checkpoint: paired gain vs doing nothing, with 95% CI.

        better_years: simulated years in which the person did better than with doing nothing;
        out_group_years / nothing_out_group_years: years in which the person ends in the out-group.
        For measure "lmx" the gain is also given in LMX-7 points (gain_lmx7 = 28 x gain).
        """
        rows = []
        for s in self.strategies:
            if s.name == self.baseline:
                continue
            for c, week in enumerate(self.checkpoints):
                out = self.members[s.name]["group"][c] == Group.OUT
                base_out = self.members[self.baseline]["group"][c] == Group.OUT
                for measure in MEMBER_MEASURES:
                    values = self.members[s.name][measure][c]
                    base = self.members[self.baseline][measure][c]
                    for i, name in enumerate(self.names):
                        change = values[:, i] - base[:, i]
                        gain, low, high = interval(change)
                        row = {
                            "strategy": s.name,
                            "title": self.title(s.name),
                            "member": name,
                            "week": week,
                            "measure": measure,
                            "nothing_mean": float(base[:, i].mean()),
                            "mean": float(values[:, i].mean()),
                            "gain": gain,
                            "gain_ci_low": low,
                            "gain_ci_high": high,
                            "verdict": verdict(gain, low, high, MEMBER_NEGLIGIBLE[measure]),
                            "better_years": int(np.count_nonzero(change > 0)),
                            "years": int(change.size),
                            "out_group_years": int(np.count_nonzero(out[:, i])),
                            "nothing_out_group_years": int(np.count_nonzero(base_out[:, i])),
                        }
                        if measure == "lmx":
                            row["gain_lmx7"] = lmx7(gain) - lmx7(0.0)
                        rows.append(row)
        return pd.DataFrame(rows)

    def out_group(self, strategy: str, week: int | None = None) -> list[str]:
        """The people who end in the out-group in most simulated years (names, team order)."""
        c = self.checkpoints.index(self.checkpoints[-1] if week is None else week)
        share = np.mean(self.members[strategy]["group"][c] == Group.OUT, axis=0)
        return [name for name, p in zip(self.names, share, strict=True) if p > 0.5]

    def replication_table(self) -> pd.DataFrame:
        """Every replication's outcomes (the distributions behind the intervals)."""
        frames = []
        for s in self.strategies:
            for c, week in enumerate(self.checkpoints):
                frame = pd.DataFrame(
                    {"strategy": s.name, "replication": np.arange(self.replications), "week": week}
                )
                for measure in MEASURES:
                    frame[measure] = self.outcomes[s.name][measure][c]
                frame["hours_per_week"] = self.effort.get(s.name, np.zeros(self.replications))
                frames.append(frame)
        return pd.concat(frames, ignore_index=True)

    def difference(self, a: str, b: str, measure: str, week: int) -> tuple[float, float, float]:
        """Paired mean difference a - b with its 95% CI."""
        c = self.checkpoints.index(week)
        return interval(self.outcomes[a][measure][c] - self.outcomes[b][measure][c])

    def ranking(self, measure: str = "performance", week: int | None = None) -> list[str]:
        """Strategies from best to worst expected outcome."""
        c = self.checkpoints.index(self.checkpoints[-1] if week is None else week)
        means = {s.name: float(self.outcomes[s.name][measure][c].mean()) for s in self.strategies}
        return sorted(means, key=lambda name: means[name], reverse=MEASURES[measure])

    def winner(self, week: int | None = None, threshold: float = WINNER_THRESHOLD) -> Winner:
        """The best strategy by expected team performance, and whether it clearly is.

        Clear only when it beats EVERY other strategy by more than `threshold` and each
        difference's 95% interval excludes zero; `closest` is the runner-up it was checked against.
        """
        w = self.checkpoints[-1] if week is None else week
        ranking = self.ranking("performance", w)
        best = ranking[0]
        if len(ranking) == 1:
            return Winner(best, None, float("nan"), float("nan"), float("nan"), False, threshold)
        checks = [(other, *self.difference(best, other, "performance", w)) for other in ranking[1:]]
        clear = all(d > threshold and low > 0 for _, d, low, _ in checks)
        closest = min(checks, key=lambda check: check[1])
        return Winner(best, closest[0], closest[1], closest[2], closest[3], clear, threshold)


@dataclass(frozen=True)
class Winner:
    """The top strategy, its closest rival, the paired difference and whether it is a clear win."""

    best: str
    runner_up: str | None
    difference: float
    low: float
    high: float
    clear: bool
    threshold: float


@functools.lru_cache(maxsize=256)
def t_multiplier(n: int, confidence: float = CONFIDENCE) -> float:
    """Student's t quantile for an interval of the mean of n values (cached: tables call it often)."""
    return float(stats.t.ppf(0.5 + confidence / 2, n - 1))


def interval(values: np.ndarray, confidence: float = CONFIDENCE) -> tuple[float, float, float]:
    """Mean and its confidence interval from Student's t (mean +- t * SD / sqrt(n); NaN with one value).

    With R replications the multiplier is t(0.975, R-1): 12.7 for 2 runs, 2.05 for 30,
    1.96 only in the limit. A 1.96 interval from a handful of runs is far too narrow.
    """
    values = np.asarray(values, dtype=float)
    mean = float(values.mean())
    if values.size < 2:
        return mean, float("nan"), float("nan")
    multiplier = t_multiplier(values.size, confidence)
    half = multiplier * float(values.std(ddof=1)) / np.sqrt(values.size)
    return mean, mean - half, mean + half


def verdict(gain: float, low: float, high: float, negligible: float = NEGLIGIBLE) -> str:
    """How a person fares: the 95% CI must exclude zero AND the gain must matter.

    With common random numbers even tiny shifts get narrow intervals, so a
    gain smaller than `negligible` counts as no real change, not as a win.
    """
    if low > 0 and gain >= negligible:
        return "gains"
    if high < 0 and gain <= -negligible:
        return "loses"
    if -negligible < low and high < negligible:
        return "same"
    return "unclear"


def default_checkpoints(weeks: int) -> tuple[int, ...]:
    return tuple(sorted({min(26, weeks), weeks}))


def compare_strategies(
    team: list[Member],
    strategies: Sequence[Strategy],
    replications: int = 500,
    weeks: int = 52,
    seed: int = 1,
    params: Params | None = None,
    progress: Callable[[float], None] | None = None,
    checkpoints: Sequence[int] | None = None,
    chunk: int = 250,
    strength: float = 1.0,
) -> Comparison:
    """Run every strategy (plus doing nothing, if absent) on the same seeds and collect outcomes.

    `progress(fraction)` is called after each block of replications; it may
    raise to cancel the comparison. `strength` scales every intervention's effect
    (1: as declared; robustness.py uses 0.5 and 1.5); the leader's hours are counted from
    what the scaled interventions carry out (a contact dropped at 50% costs no time).
    """
    started = time.perf_counter()
    check_team(team)
    _whole(replications, "replications", 2, MAX_REPLICATIONS)  # an interval needs at least two
    _whole(weeks, "weeks", 1, MAX_WEEKS)
    _whole(seed, "seed", 0, MAX_SEED)
    checkpoints = tuple(sorted(set(checkpoints))) if checkpoints else default_checkpoints(weeks)
    if any(not isinstance(w, int) or not 1 <= w <= weeks for w in checkpoints):
        raise ParameterError(f"checkpoints {checkpoints} must be weeks from 1 to {weeks}")
    strategies = list(strategies)
    if not any(s.name == NOTHING and not s.interventions for s in strategies):
        strategies.insert(0, ready_strategy(NOTHING))
    seen: set[str] = set()
    names = [m.name for m in team]
    for s in strategies:
        if s.name in seen:
            raise InterventionError(f"strategy {s.name!r} is listed twice")
        seen.add(s.name)
        try:
            check_plan(list(s.interventions), names, weeks)
        except InterventionError as error:
            raise InterventionError(f"strategy {s.name!r}: {error}") from None
    if isinstance(strength, bool) or not isinstance(strength, int | float) or not 0 <= strength <= 3:
        raise ParameterError(f"strength = {strength!r} is not allowed (a number from 0 to 3)")

    seeds = np.random.SeedSequence(seed).spawn(replications)
    # run_batch records every member variable every week: cap a block's size for big teams
    chunk = max(1, min(chunk, MEMBER_CELLS // len(team), chunk_for(len(team), weeks, record_members=True)))
    blocks = [(a, min(a + chunk, replications)) for a in range(0, replications, chunk)]
    total, done = len(strategies) * len(blocks), 0
    outcomes: dict[str, dict[str, np.ndarray]] = {}
    members: dict[str, dict[str, np.ndarray]] = {}
    effort: dict[str, np.ndarray] = {}
    week_effort: dict[str, np.ndarray] = {}
    person_effort: dict[str, np.ndarray] = {}
    weeks_index = np.asarray(checkpoints)
    for s in strategies:
        team_parts: dict[str, list[np.ndarray]] = {m: [] for m in MEASURES}
        member_parts: dict[str, list[np.ndarray]] = {m: [] for m in (*MEMBER_MEASURES, "group")}
        effort_parts: list[np.ndarray] = []
        acting = scaled(s.interventions, strength)  # what is carried out is what is counted
        for a, b in blocks:
            run = run_batch(
                seeds[a:b],
                weeks,
                params=params,
                team=team,
                interventions=acting,
                record_members=True,
            )
            assert run.members is not None  # recorded: record_members=True
            for measure in MEASURES:
                source = run.team[measure]
                if measure in SO_FAR:
                    source = np.cumsum(source, axis=0)
                team_parts[measure].append(source[weeks_index])
            for measure in (*MEMBER_MEASURES, "group"):
                member_parts[measure].append(run.members[measure][weeks_index])
            effort_parts.append(person_week_hours(acting, names, run.members["group"], weeks, s.hours))
            done += 1
            if progress is not None:
                progress(done / total)
        outcomes[s.name] = {m: np.concatenate(p, axis=1) for m, p in team_parts.items()}
        members[s.name] = {m: np.concatenate(p, axis=1) for m, p in member_parts.items()}
        by_person = np.concatenate(effort_parts)  # (R, weeks, n)
        by_week = by_person.sum(axis=2)
        effort[s.name] = by_week.mean(axis=1)
        week_effort[s.name] = by_week.mean(axis=0)
        person_effort[s.name] = by_person.mean(axis=(0, 1))
    return Comparison(
        strategies=strategies,
        names=names,
        replications=replications,
        weeks=weeks,
        seed=seed,
        checkpoints=checkpoints,
        outcomes=outcomes,
        members=members,
        seconds=time.perf_counter() - started,
        titles={s.name: dict(s.title) for s in strategies},
        team=list(team),
        params=params or Params(),
        effort=effort,
        strength=strength,
        week_effort=week_effort,
        person_effort=person_effort,
    )


def _whole(value, what: str, low: int, high: int) -> None:
    check_whole(int(value) if isinstance(value, np.integer) else value, what, low, high)
