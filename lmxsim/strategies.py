"""The strategy lab: compare intervention strategies for one's own team over many replications.

Every strategy runs on the SAME seeds (common random numbers): replication r
of each strategy meets the same luck, so the paired difference to doing
nothing isolates the strategy's effect and needs far fewer runs than two
independent samples would. Two kinds of interval are reported, and they mean
different things:

* ci_low..ci_high: mean +- 1.96 standard errors, the uncertainty of the
  EXPECTED outcome; it shrinks as replications grow.
* p2_5..p97_5: the 2.5 and 97.5 percentiles across replications, the SPREAD
  of outcomes one real team might see; more replications do not shrink it.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from lmxsim.batch import chunk_for, run_batch
from lmxsim.interventions import CATALOGUE, Intervention, InterventionError, lookup
from lmxsim.params import ParameterError, Params
from lmxsim.rules import MAX_WEEKS, check_whole
from lmxsim.seeds import MAX_SEED
from lmxsim.spec import check_plan, parse_spec
from lmxsim.team import Member, check_team

NOTHING = "nothing"
# team measures compared; for each, whether a higher value is better
MEASURES: dict[str, bool] = {
    "performance": True,
    "lmx_differentiation": False,
    "problems_hidden": False,
    "fires": False,
    "out_group_share": False,
}
MEMBER_MEASURES = ("performance", "lmx")
Z95 = 1.96
# smallest change in a person's performance or LMX (0..1 scales) worth calling a gain or loss
NEGLIGIBLE = 0.01
MAX_REPLICATIONS = 20_000
MEMBER_CELLS = 10_000  # replications x members per run_batch call (bounds memory to ~50 MB/year)


@dataclass(frozen=True)
class Strategy:
    """A named plan: the interventions a leader would carry out (none: doing nothing)."""

    name: str
    title: dict[str, str]
    interventions: tuple[Intervention, ...] = ()

    def describe(self, lang: str = "en") -> str:
        """One line listing what the strategy does (the catalogue titles with targets and weeks)."""
        if not self.interventions:
            return {"en": "no intervention", "nl": "geen interventie"}.get(lang, "no intervention")
        return "; ".join(_describe(i, lang) for i in self.interventions)

    @property
    def spec(self) -> str:
        """The custom-strategy text that rebuilds it: `name=spec+spec`."""
        return f"{self.name}=" + "+".join(i.spec for i in self.interventions)


def _describe(intervention: Intervention, lang: str) -> str:
    words = {
        "en": {
            "team": "everyone",
            "in-group": "the in-group",
            "middle": "the middle",
            "out-group": "the out-group",
        },
        "nl": {
            "team": "iedereen",
            "in-group": "de ingroep",
            "middle": "het midden",
            "out-group": "de outgroep",
        },
    }[lang if lang == "nl" else "en"]
    target = words.get(intervention.target, intervention.target)
    start = intervention.start or 1
    text = f"{intervention.title.get(lang, intervention.key)} ({target}, "
    text += f"{'vanaf week' if lang == 'nl' else 'from week'} {start}"
    if intervention.every:
        text += f", {'elke' if lang == 'nl' else 'every'} {intervention.every} wk"
    elif type(intervention).every is not None:  # a rhythm set to every week
        text += f", {'wekelijks' if lang == 'nl' else 'weekly'}"
    if intervention.duration:
        text += f", {intervention.duration} {'weken' if lang == 'nl' else 'weeks'}"
    return text + ")"


def _make(key: str, **settings) -> Intervention:
    if key not in CATALOGUE:
        raise InterventionError(
            f"intervention {key!r} is not in the catalogue (have: {', '.join(CATALOGUE)})"
        )
    return CATALOGUE[key](**settings)


# name -> (titles, [(intervention key, settings), ...]); built on demand from the catalogue
_READY: dict[str, tuple[dict[str, str], list[tuple[str, dict]]]] = {
    NOTHING: ({"en": "Doing nothing", "nl": "Niets doen"}, []),
    "one-on-ones-out-group": (
        {"en": "Weekly one-on-ones with the out-group", "nl": "Wekelijkse één-op-ééns met de outgroep"},
        [("one-on-ones", {"target": "out-group", "start": 1, "every": 1})],
    ),
    "reopen-role-taking": (
        {"en": "Re-open role-taking with everyone", "nl": "Rollen opnieuw verkennen met iedereen"},
        [("role-clarification", {"target": "team", "start": 1})],
    ),
    "reflection-every-4": (
        {"en": "Reflection rhythm every 4 weeks", "nl": "Reflectieritme elke 4 weken"},
        [("reflection", {"target": "team", "start": 1, "every": 4})],
    ),
    "equal-latitude": (
        {"en": "Equal latitude for everyone", "nl": "Gelijke beslisruimte voor iedereen"},
        [("equal-latitude", {"target": "team", "start": 1})],
    ),
    "team-map-one-on-ones": (
        {
            "en": "Team map plus one-on-ones with the out-group",
            "nl": "Teamkaart plus één-op-ééns met de outgroep",
        },
        [
            ("team-map", {"target": "team", "start": 1}),
            ("one-on-ones", {"target": "out-group", "start": 1, "every": 2}),
        ],
    ),
}
READY_NAMES: tuple[str, ...] = tuple(_READY)


def ready_strategy(name: str) -> Strategy:
    """One of the ready-made strategies by name (see READY_NAMES)."""
    if name not in _READY:
        raise InterventionError(f"unknown ready strategy {name!r} (ready: {', '.join(READY_NAMES)})")
    titles, plan = _READY[name]
    return Strategy(name, dict(titles), tuple(_make(key, **settings) for key, settings in plan))


def ready_strategies() -> list[Strategy]:
    return [ready_strategy(name) for name in READY_NAMES]


def custom_strategy(specs: str | Sequence[str], name: str | None = None) -> Strategy:
    """A strategy from one-line intervention specs, e.g. ["one-on-ones:Sam@1,every=1", ...]."""
    specs = [specs] if isinstance(specs, str) else list(specs)
    specs = [s.strip() for s in specs if s.strip()]
    if not specs:
        raise InterventionError("a custom strategy needs at least one intervention, e.g. one-on-ones:Sam@1")
    interventions = tuple(parse_spec(s) for s in specs)
    for intervention in interventions:
        if intervention.start is None:
            intervention.start = 1
    label = name or " + ".join(specs)
    return Strategy(label, {"en": label, "nl": label}, interventions)


def parse_strategy(text: str) -> Strategy:
    """A ready name, or a custom strategy: `[label=]spec+spec+...` (specs as in lmxsim/spec.py)."""
    text = text.strip()
    if text in _READY:
        return ready_strategy(text)
    label = None
    head, sep, rest = text.partition("=")
    if sep and not re.search(r"[:@,/]", head):
        label, text = head.strip() or None, rest
    kind = re.split(r"[:@,/+]", text, maxsplit=1)[0]
    try:
        lookup(kind)
    except InterventionError:
        raise InterventionError(
            f"unknown strategy {text!r} (ready: {', '.join(READY_NAMES)}; or a custom one like "
            "'my plan=one-on-ones:Sam@1,every=1+role-clarification:team@4')"
        ) from None
    return custom_strategy(text.split("+"), label)


# --------------------------------------------------------------------------- comparing


@dataclass(eq=False)  # compared by identity: field-wise == on numpy arrays is ambiguous
class Comparison:
    """Outcomes of every strategy on the same seeds, at the checkpoint weeks.

    outcomes[strategy][measure]: (checkpoints, R) team outcomes; fires count all
    fires up to the checkpoint. members[strategy][measure]: (checkpoints, R, n).
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

    def title(self, strategy: str, lang: str = "en") -> str:
        return self.titles[strategy].get(lang) or strategy

    def summary(self) -> pd.DataFrame:
        """Per strategy, measure and checkpoint: mean with 95% CI, 95% spread, paired difference."""
        rows = []
        for s in self.strategies:
            for c, week in enumerate(self.checkpoints):
                for measure, higher_better in MEASURES.items():
                    values = self.outcomes[s.name][measure][c]
                    diff = values - self.outcomes[self.baseline][measure][c]
                    mean, low, high = interval(values)
                    d_mean, d_low, d_high = interval(diff)
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
                            "replications": values.size,
                        }
                    )
        return pd.DataFrame(rows)

    def member_gains(self) -> pd.DataFrame:
        """Per strategy, person, measure and checkpoint: paired gain vs doing nothing, with 95% CI."""
        rows = []
        for s in self.strategies:
            if s.name == self.baseline:
                continue
            for c, week in enumerate(self.checkpoints):
                for measure in MEMBER_MEASURES:
                    values = self.members[s.name][measure][c]
                    base = self.members[self.baseline][measure][c]
                    for i, name in enumerate(self.names):
                        gain, low, high = interval(values[:, i] - base[:, i])
                        rows.append(
                            {
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
                                "verdict": verdict(gain, low, high),
                            }
                        )
        return pd.DataFrame(rows)

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
        return sorted(means, key=means.get, reverse=MEASURES[measure])


def interval(values: np.ndarray) -> tuple[float, float, float]:
    """Mean and its 95% confidence interval (mean +- 1.96 SE; NaN with one value)."""
    values = np.asarray(values, dtype=float)
    mean = float(values.mean())
    if values.size < 2:
        return mean, float("nan"), float("nan")
    half = Z95 * float(values.std(ddof=1)) / np.sqrt(values.size)
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
) -> Comparison:
    """Run every strategy (plus doing nothing, if absent) on the same seeds and collect outcomes.

    `progress(fraction)` is called after each block of replications; it may
    raise to cancel the comparison.
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

    seeds = np.random.SeedSequence(seed).spawn(replications)
    # run_batch records every member variable every week: cap a block's size for big teams
    chunk = max(1, min(chunk, MEMBER_CELLS // len(team), chunk_for(len(team), weeks, record_members=True)))
    blocks = [(a, min(a + chunk, replications)) for a in range(0, replications, chunk)]
    total, done = len(strategies) * len(blocks), 0
    outcomes: dict[str, dict[str, np.ndarray]] = {}
    members: dict[str, dict[str, np.ndarray]] = {}
    weeks_index = np.asarray(checkpoints)
    for s in strategies:
        team_parts: dict[str, list[np.ndarray]] = {m: [] for m in MEASURES}
        member_parts: dict[str, list[np.ndarray]] = {m: [] for m in MEMBER_MEASURES}
        for a, b in blocks:
            run = run_batch(
                seeds[a:b],
                weeks,
                params=params,
                team=team,
                interventions=s.interventions,
                record_members=True,
            )
            fires_so_far = np.cumsum(run.team["fires"], axis=0)
            for measure in MEASURES:
                source = fires_so_far if measure == "fires" else run.team[measure]
                team_parts[measure].append(source[weeks_index])
            for measure in MEMBER_MEASURES:
                member_parts[measure].append(run.members[measure][weeks_index])
            done += 1
            if progress is not None:
                progress(done / total)
        outcomes[s.name] = {m: np.concatenate(p, axis=1) for m, p in team_parts.items()}
        members[s.name] = {m: np.concatenate(p, axis=1) for m, p in member_parts.items()}
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
    )


def _whole(value, what: str, low: int, high: int) -> None:
    check_whole(int(value) if isinstance(value, np.integer) else value, what, low, high)
