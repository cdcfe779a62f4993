"""Stylized facts from the literature, measured on the model (pattern-oriented validation).

Each fact runs the model over many replications (batch engine) and returns one
value to compare with a target band. Runs are shared between facts through a
`Bench` (one per parameter set and seed), so the whole table costs a handful of
batch runs. `lmxsim validate` prints the facts over many seeds; `--ablations`
switches each mechanism off (`ABLATIONS`) and lists the facts that leave their band.
A fact counts as evidence for a mechanism only if that mechanism's ablation moves it
out of its band (docs/ODD.md section 8).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from typing import Protocol, cast

import numpy as np
from scipy import stats

from lmxsim.engine.batch import BatchRun, run_batch
from lmxsim.interventions.catalogue import EqualLatitude, Expectation, RoleClarification
from lmxsim.model.measurement import Measurement, answer_items, rater_view, totals
from lmxsim.model.params import Params
from lmxsim.team.members import Member

TEAM_SIZE = 10
REPLICATIONS = 300
# The horizon the sources' late measures refer to (about six months); `validate --weeks N` moves
# every late week and window with it (early weeks 2, 4 and 6 stay where the studies put them).
HORIZON = 26
# A ratio whose reference effect is absent (e.g. the loop's share of a gap, with the loop
# switched off) cannot be measured: nan is outside every band.
UNDEFINED = float("nan")


def _seeds(replications: int, seed: int) -> list[np.random.SeedSequence]:
    return np.random.SeedSequence(seed).spawn(replications)


def _corr(x: np.ndarray, y: np.ndarray) -> float:
    return float(np.corrcoef(np.ravel(x), np.ravel(y))[0, 1])


def _equal_team(first_impressions: list[float], ability: float = 0.6) -> list[Member]:
    return [Member(f"M{i}", ability=ability, first_impression=fi) for i, fi in enumerate(first_impressions)]


def mean_interval(values: np.ndarray, level: float = 0.95) -> tuple[float, float, float]:
    """Mean and its t-based interval (paired differences, seeds, ...)."""
    values = np.asarray(values, dtype=float)
    if not np.isfinite(values).all():
        return UNDEFINED, UNDEFINED, UNDEFINED
    mean = float(values.mean())
    if len(values) < 2:
        return mean, mean, mean
    half = float(stats.t.ppf(0.5 + level / 2, len(values) - 1) * values.std(ddof=1) / np.sqrt(len(values)))
    return mean, mean - half, mean + half


# Two equally able members, one with a poor and one with a good first impression, in an
# average team: the set-up-to-fail pair.
PAIR_TEAM = _equal_team([0.35, 0.85, *[0.6] * (TEAM_SIZE - 2)], ability=0.65)
# A leader at the top of the anchoring and confirmation-bias ranges.
# Anchoring at the top of both its knobs (full prior confidence, sure after the first clear
# observation) and confirmation bias at the top of its range.
STRONGLY_ANCHORED = {"initial_confidence": 0.95, "confidence_gain": 1.0, "confirmation_bias": 1.0}
PYGMALION_BOOST = 0.25  # a "high potential" label: about one and a half SD of first impressions
# d from two arms of R teams has a sampling SD of about sqrt(2 / R); three times the usual
# replications keep it near .05, small next to the band's width.
PYGMALION_SCALE = 3


class RecordedRun(Protocol):
    """A BatchRun with its member histories: what every fact reads."""

    team: dict[str, np.ndarray]
    traits: dict[str, np.ndarray]
    members: dict[str, np.ndarray]


def _recorded(run: BatchRun) -> RecordedRun:
    if run.members is None:  # run_batch records members unless told not to
        raise ValueError("the facts need member histories (record_members=True)")
    return cast(RecordedRun, run)  # members checked above; the Protocol records that it is set


@dataclass
class Bench:
    """The runs the facts share for one parameter set and one root seed."""

    params: Params
    seed: int
    replications: int = REPLICATIONS
    weeks: int = HORIZON  # the facts' horizon: late weeks and windows move with it (validate --weeks)
    _runs: dict = field(default_factory=dict)

    @property
    def end(self) -> int:
        """The last week (26 unless validate --weeks says otherwise)."""
        return self.weeks

    def late(self, week: int) -> int:
        """A week counted back from the end: `week` at the usual horizon of 26."""
        return week + self.weeks - HORIZON

    def run(
        self,
        key: str,
        weeks: int | None = None,
        team=None,
        params: Params | None = None,
        interventions=(),
        scale=1,
    ) -> RecordedRun:
        """A batch run, made once per key; `scale` multiplies the replications (precise facts)."""
        if key not in self._runs:
            self._runs[key] = run_batch(
                _seeds(self.replications * scale, self.seed),
                weeks or self.weeks,
                params=params or self.params,
                team=team,
                n_employees=TEAM_SIZE,
                interventions=list(interventions),
            )
        return _recorded(self._runs[key])

    def teams(self) -> RecordedRun:
        return self.run("teams")

    def loop_cut(self) -> RecordedRun:
        return self.run("teams-cut", params=self.params.replace(autonomy_follows_trust=False))

    def anchored(self) -> RecordedRun:
        return self.run("teams-anchored", params=self.params.replace(**STRONGLY_ANCHORED))


# --- the facts ---------------------------------------------------------------------


def fi_predicts_early_lmx(b: Bench) -> float:
    return _corr(b.teams().traits["first_impression"], b.teams().members["lmx"][6])


def early_lmx_predicts_later(b: Bench) -> float:
    return _corr(b.teams().members["lmx"][2], b.teams().members["lmx"][b.end])


def lmx_stabilises(b: Bench) -> float:
    """Mean weekly |change in LMX| in weeks 20-26 relative to weeks 1-6."""
    change = np.abs(np.diff(b.teams().members["lmx"], axis=0))
    return float(change[b.late(19) : b.end].mean() / change[0:6].mean())


# Martin et al. 2016's studies correlate an LMX survey with performance rated or recorded over
# a period before it; here the quarter before the survey (13 weeks), not one noisy week.
PERFORMANCE_WINDOW = 13


def member_lmx7(b: Bench, week: int) -> np.ndarray:
    """The members' LMX-7 totals (7..35) in `week` as a survey returns them: seven items through
    measurement.py (each member's own view, response style and item noise, rounded to 1..5),
    drawn from the bench's seed so a fact is the same on every call."""
    run = b.teams()
    m = Measurement()
    view = rater_view(run.members["lmx"][week], run.members["trust"][week], m)
    rng = np.random.default_rng([b.seed, week, 7])
    return totals(answer_items(view, "member", m, rng))


def _windowed_performance(b: Bench) -> np.ndarray:
    """Each member's mean output over the PERFORMANCE_WINDOW weeks up to the end."""
    return b.teams().members["performance"][b.end - PERFORMANCE_WINDOW + 1 : b.end + 1].mean(axis=0)


def lmx_relates_to_performance(b: Bench) -> float:
    """r(member-rated LMX-7 total at the end, output averaged over the 13 weeks before), across
    members: Martin et al. 2016's design (an LMX survey against performance over a period)."""
    return _corr(member_lmx7(b, b.end), _windowed_performance(b))


def lmx7_spread_within_teams(b: Bench) -> float:
    """Mean within-team SD (n - 1) of the members' LMX-7 totals at the end, on the 7-35 scale."""
    return float(np.std(member_lmx7(b, b.end), axis=-1, ddof=1).mean())


def output_spread(b: Bench) -> float:
    """Between-member SD of output (the 13-week mean) as a share of the team's mean output:
    the measure of Hunter, Schmidt & Judiesch 1990 (SD of output as a percentage of the mean)."""
    output = _windowed_performance(b)
    return float((np.std(output, axis=-1, ddof=1) / output.mean(axis=-1)).mean())


def trust_moves_with_lmx(b: Bench) -> float:
    m = b.teams().members
    return _corr(m["trust"][b.end], m["lmx"][b.end])


def first_impression_fades(b: Bench) -> float:
    """r(first impression, LMX week 6) minus r(first impression, LMX week 26): > 0 means it fades."""
    run = b.teams()
    fi = run.traits["first_impression"]
    return _corr(fi, run.members["lmx"][6]) - _corr(fi, run.members["lmx"][b.end])


def ability_catches_up(b: Bench) -> float:
    """r(ability, LMX week 26) minus r(first impression, LMX week 26)."""
    run = b.teams()
    lmx = run.members["lmx"][b.end]
    return _corr(run.traits["ability"], lmx) - _corr(run.traits["first_impression"], lmx)


def anchored_leader_keeps_impression(b: Bench) -> float:
    """With anchoring and confirmation bias at the top of their ranges: r(FI, LMX 26) - r(FI, LMX 6)."""
    run = b.anchored()
    fi = run.traits["first_impression"]
    return _corr(fi, run.members["lmx"][b.end]) - _corr(fi, run.members["lmx"][6])


def _pair_gap(run: RecordedRun, measure: str, weeks: slice) -> float:
    values = run.members[measure][weeks]
    return float((values[:, :, 1] - values[:, :, 0]).mean())


def label_sticks(b: Bench) -> float:
    """The loop gain: the set-up-to-fail pair's LMX gap at week 26 as a share of its gap at
    week 6 (below .8 an early gap fades, .8-1.2 it sticks, above 1.2 it spirals). Labels,
    once formed, are hard to change, though not frozen."""
    run = b.run("pair", team=PAIR_TEAM)
    late = slice(b.end, b.end + 1)
    return _pair_gap(run, "lmx", late) / max(_pair_gap(run, "lmx", slice(6, 7)), 1e-3)


LOOP_FADES, LOOP_SPIRALS = 0.8, 1.2


def loop_gain(params: Params, seed: int = 1, replications: int = REPLICATIONS) -> float:
    """The loop gain of a leader with these parameters (label_sticks, P22)."""
    return label_sticks(Bench(params, seed, replications))


def loop_regime(gain: float) -> str:
    """fades / sticks / spirals (issue 23)."""
    return "fades" if gain < LOOP_FADES else ("spirals" if gain > LOOP_SPIRALS else "sticks")


def poor_impression_outlasts_good(b: Bench) -> float:
    """In a team of equally able members, how much of a lowered first impression (-.25) is left
    in the leader's impression at weeks 20-26, relative to a raised one (+.25): the out-group
    is seen less and in routine work that shows little, so a poor label corrects more slowly."""
    base = [0.6] * TEAM_SIZE
    control = b.run("equal", team=_equal_team(base), scale=PYGMALION_SCALE)
    raised = b.run(
        "equal-raised", team=_equal_team([0.6 + PYGMALION_BOOST, *base[1:]]), scale=PYGMALION_SCALE
    )
    lowered = b.run(
        "equal-lowered", team=_equal_team([0.6 - PYGMALION_BOOST, *base[1:]]), scale=PYGMALION_SCALE
    )
    late = slice(b.late(20), b.end + 1)

    def left(run: RecordedRun) -> float:
        return float(
            (
                run.members["leader_impression"][late, :, 0]
                - control.members["leader_impression"][late, :, 0]
            ).mean()
        )

    return -left(lowered) / max(left(raised), 1e-3)


def anchored_gap_ratio(b: Bench) -> float:
    """Week-26 LMX gap of the set-up-to-fail pair under a strongly anchored leader / under these params."""
    anchored = b.run("pair-anchored", team=PAIR_TEAM, params=b.params.replace(**STRONGLY_ANCHORED))
    usual = b.run("pair", team=PAIR_TEAM)
    late = slice(b.end, b.end + 1)
    return _pair_gap(anchored, "lmx", late) / max(_pair_gap(usual, "lmx", late), 1e-3)


def member_expectation_matters(b: Bench) -> float:
    run = b.teams()
    return _corr(run.traits["member_expectation"], run.members["lmx"][b.end])


def _mean_sd(run: RecordedRun, week: int) -> float:
    return float(np.std(run.members["lmx"][week], axis=-1).mean())


def split_grows(b: Bench) -> float:
    """Mean within-team LMX SD at week 26 / at week 4."""
    return _mean_sd(b.teams(), b.end) / _mean_sd(b.teams(), 4)


def split_comes_from_loop(b: Bench) -> float:
    """Growth of the split (SD 26 / SD 4 - 1) with the loop cut, as a share of the growth with it."""
    with_loop = split_grows(b) - 1.0
    cut = _mean_sd(b.loop_cut(), b.end) / _mean_sd(b.loop_cut(), 4) - 1.0
    return cut / with_loop if with_loop > 0 else UNDEFINED


def _told_d(b: Bench, week: int) -> float:
    """Cohen's d as the field experiments compute it: performance (the mean of weeks 14-26, a
    rated treatment period) of the member the leader was told has high potential in `week`
    (`expectation:M0@week`) against the same member in untreated twin teams, divided by the
    pooled within-group SD of that same measure. Ten equally able members."""
    team = _equal_team([0.6] * TEAM_SIZE)

    def rated(run: RecordedRun) -> np.ndarray:
        return run.members["performance"][b.late(14) : b.end + 1, :, 0].mean(axis=0)

    control = rated(b.run("equal", team=team, scale=PYGMALION_SCALE))  # shared with P23
    told = b.run(f"equal-told-{week}", team=team, scale=PYGMALION_SCALE,
                 interventions=[Expectation(target="M0", start=week)])  # fmt: skip
    treated = rated(told)
    pooled = np.sqrt((control.var(ddof=1) + treated.var(ddof=1)) / 2)
    return float((treated.mean() - control.mean()) / pooled)


def pygmalion_effect(b: Bench) -> float:
    """Eden's design: the leader is told in week 1 that one member has high potential."""
    return _told_d(b, 1)


# Raudenbush 1984: weeks of teacher-pupil contact before the induction; "after contact" is his
# two or more weeks, here a leader who has met the team for seven weeks.
LATE_INDUCTION_WEEK = 8


def late_expectation_matters_less(b: Bench) -> float:
    """d of an expectation induced after seven weeks of contact over d of one induced in week 1
    (both rated over weeks 14-26): a leader who knows the person already weighs the report less."""
    early = _told_d(b, 1)
    return _told_d(b, LATE_INDUCTION_WEEK) / early if early > 0.05 else UNDEFINED


def spiral_grows(b: Bench) -> float:
    """Performance gap of the set-up-to-fail pair, weeks 23-26 minus weeks 1-4 (>0: it grows)."""
    run = b.run("pair", team=PAIR_TEAM)
    return _pair_gap(run, "performance", slice(b.late(23), b.end + 1)) - _pair_gap(
        run, "performance", slice(1, 5)
    )


def spiral_is_a_loop(b: Bench) -> float:
    """Late performance gap of the pair with the loop cut, as a share of the gap with the loop."""
    with_loop = _pair_gap(b.run("pair", team=PAIR_TEAM), "performance", slice(b.late(23), b.end + 1))
    cut = b.run("pair-cut", team=PAIR_TEAM, params=b.params.replace(autonomy_follows_trust=False))
    return (
        _pair_gap(cut, "performance", slice(b.late(23), b.end + 1)) / with_loop
        if with_loop > 0
        else UNDEFINED
    )


def differentiation_hurts_safety(b: Bench) -> float:
    run = b.teams()
    return _corr(run.team["lmx_differentiation"][b.end], run.team["safety_mean"][b.end])


def differentiation_hurts_reporting(b: Bench) -> float:
    run = b.teams()
    return _corr(
        run.team["lmx_differentiation"][b.end],
        run.team["problems_reported"][b.late(14) : b.end + 1].sum(axis=0),
    )


def reporting_answers_the_leader(b: Bench) -> tuple[float, float, float]:
    """Relative rise of problems reported (weeks 14-26) when the leader grants every member the
    same latitude from week 1, on the same teams and luck: the chain leader -> split and trust
    -> safety -> voice, one step beyond the reporting equation."""
    equal = b.run("teams-equal", interventions=[EqualLatitude(target="team", start=1, duration=b.end)])
    base = b.teams().team["problems_reported"][b.late(14) : b.end + 1].sum(axis=0)
    other = equal.team["problems_reported"][b.late(14) : b.end + 1].sum(axis=0)
    return mean_interval((other - base) / max(base.mean(), 1e-9))


def low_lmx_gain_most(b: Bench) -> tuple[float, float, float]:
    """Role clarification at week 10 for the low- or the high-LMX member of the pair: performance
    gain (weeks 20-30) of the low one minus that of the high one, paired per replication."""
    base = b.run("pair30", weeks=b.end + 4, team=PAIR_TEAM).members["performance"][b.late(20) : b.end + 5]
    low = b.run("pair30-low", b.end + 4, PAIR_TEAM, interventions=[RoleClarification(target="M0", start=10)])
    high = b.run(
        "pair30-high", b.end + 4, PAIR_TEAM, interventions=[RoleClarification(target="M1", start=10)]
    )
    gain_low = (low.members["performance"][b.late(20) : b.end + 5, :, 0] - base[:, :, 0]).mean(axis=0)
    gain_high = (high.members["performance"][b.late(20) : b.end + 5, :, 1] - base[:, :, 1]).mean(axis=0)
    return mean_interval(gain_low - gain_high)


@cache
def _low_safety():
    from lmxsim.team.config import load_scenario

    return load_scenario("low-safety")


def _lean_twin(b: Bench, switch: dict, measure: str) -> tuple[float, float, float]:
    scenario = _low_safety()
    params = Params.from_dict({**b.params.to_dict(), **scenario.params.to_dict(), **_overrides(b)})
    on = b.run("low-safety", team=scenario.team, params=params)
    off = b.run(f"low-safety-{measure}", team=scenario.team, params=params.replace(**switch))
    diff = off.team[measure][b.late(23) : b.end + 1].mean(axis=0) - on.team[measure][
        b.late(23) : b.end + 1
    ].mean(axis=0)
    return mean_interval(diff)


def _overrides(b: Bench) -> dict:
    """Parameters the bench changed from the defaults (an ablation), kept on top of a preset."""
    default = Params().to_dict()
    return {k: v for k, v in b.params.to_dict().items() if v != default[k]}


def fires_cost_performance(b: Bench) -> tuple[float, float, float]:
    """Low-safety preset: week 23-26 team performance without fire cost minus with it."""
    return _lean_twin(b, {"fire_cost": 0.0}, "performance")


def fires_crowd_out_relationships(b: Bench) -> tuple[float, float, float]:
    """Low-safety preset: week 23-26 mean LMX when fires no longer eat the leader's time, minus as is."""
    return _lean_twin(b, {"firefighting_weight": 0.0}, "lmx_mean")


@dataclass(frozen=True)
class Fact:
    """A stylized fact: what the model must show, its source and its band.

    A fact measured on paired twins returns (mean, low, high) and is judged on its interval:
    `low` must lie inside the band (the effect is there, not only on average)."""

    key: str
    claim: str
    source: str
    low: float
    high: float
    measure: Callable[[Bench], float | tuple[float, float, float]]

    def evaluate(self, bench: Bench) -> tuple[float, float]:
        """(value, judged value): the judged value is the interval's low end for paired facts."""
        result = self.measure(bench)
        if isinstance(result, tuple):
            return result[0], result[1]
        return result, result

    def inside(self, judged: float) -> bool:
        return bool(self.low <= judged <= self.high)

    def check(self, params: Params | None = None, replications: int | None = None, seed: int = 1):
        value, judged = self.evaluate(Bench(params or Params(), seed, replications or REPLICATIONS))
        return value, self.inside(judged)


FACTS = [
    Fact("P1", "first impression predicts LMX at week 6 (r)", "Liden, Wayne & Stilwell 1993",
         0.30, 0.75, fi_predicts_early_lmx),
    Fact("P2", "LMX at week 2 predicts LMX at week 26, but not frozen (r)",
         "Liden et al. 1993; Nahrgang et al. 2009", 0.30, 0.90, early_lmx_predicts_later),
    Fact("P3", "LMX change weeks 20-26 / weeks 1-6 (rises, then stabilises)",
         "Nahrgang, Morgeson & Ilies 2009", 0.0, 0.08, lmx_stabilises),
    Fact("P4", "r(member-rated LMX-7, output over the 13 weeks before) across members",
         "Martin et al. 2016: rho = .30 (task), .24 (objective)", 0.20, 0.40, lmx_relates_to_performance),
    Fact("P5", "Pygmalion: d of performance (weeks 14-26) when the leader is told in week 1 that a member "
         "has high potential (pooled within-group SD)",
         "McNatt 2000 d = 1.13; Kierein & Gold 2000 d = .81", 0.8, 1.2, pygmalion_effect),
    Fact("P6", "late performance gap of equally able members, loop cut / with loop",
         "Manzoni & Barsoux 1998 (set-up-to-fail)", -0.5, 0.5, spiral_is_a_loop),
    Fact("P7", "performance gap weeks 23-26 minus weeks 1-4 (the gap grows)",
         "Manzoni & Barsoux 1998", 0.02, 1.0, spiral_grows),
    Fact("P8", "r(LMX spread, team safety) across teams", "Yu, Matta & Cornfield 2018; Dong et al. 2020",
         -0.75, -0.25, differentiation_hurts_safety),
    Fact("P9", "r(LMX spread, problems reported) across teams", "Dong et al. 2020 (less voice)",
         -1.0, -0.05, differentiation_hurts_reporting),
    Fact("P10", "problems reported rise when the leader grants equal latitude (relative, 95% CI low end)",
         "Edmondson 1996, 1999; Dong et al. 2020", 0.01, 1.0, reporting_answers_the_leader),
    Fact("P11", "role clarification: gain of the low-LMX minus the high-LMX member (95% CI low end)",
         "Scandura & Graen 1984", 0.0005, 1.0, low_lmx_gain_most),
    Fact("P12", "r(member trust, LMX) across members", "Dirks & Ferrin 2002, r = .69",
         0.60, 0.78, trust_moves_with_lmx),
    Fact("P13", "the first impression fades: r(FI, LMX 6) - r(FI, LMX 26)",
         "Liden et al. 1993; Nahrgang et al. 2009", 0.05, 1.0, first_impression_fades),
    Fact("P14", "ability catches up: r(ability, LMX 26) - r(FI, LMX 26)",
         "Nahrgang et al. 2009: later LMX rests on performance", 0.0, 1.0, ability_catches_up),
    Fact("P15", "a strongly anchored, biased leader keeps it: r(FI, LMX 26) - r(FI, LMX 6)",
         "Manzoni & Barsoux 1998; seed text", 0.0, 1.0, anchored_leader_keeps_impression),
    Fact("P16", "LMX gap of equally able members, strongly anchored leader / usual leader",
         "Manzoni & Barsoux 1998; Babad et al. 1982", 2.0, 100.0, anchored_gap_ratio),
    Fact("P17", "r(member's own expectation, LMX week 26)", "Liden, Wayne & Stilwell 1993",
         0.25, 0.80, member_expectation_matters),
    Fact("P18", "the split grows: mean within-team LMX SD week 26 / week 4",
         "Dansereau et al. 1975; Manzoni & Barsoux 1998", 1.3, 10.0, split_grows),
    Fact("P19", "the split comes from the loop: its growth with the loop cut / with the loop",
         "Manzoni & Barsoux 1998", -10.0, 0.5, split_comes_from_loop),
    Fact("P20", "fires cost performance (low-safety team, 95% CI low end)",
         "Repenning & Sterman 2001", 0.001, 1.0, fires_cost_performance),
    Fact("P21", "fires crowd out relationship work: LMX gained without it (low-safety team, CI low end)",
         "Repenning & Sterman 2001; Edmondson 1999", 0.001, 1.0, fires_crowd_out_relationships),
    Fact("P22", "labels stick: LMX gap of equally able members at week 26 / at week 6",
         "Manzoni & Barsoux 1998: labels are extremely hard to change", 0.6, 1.5, label_sticks),
    Fact("P23", "a poor first impression outlasts a good one (share left at weeks 20-26, lowered / raised)",
         "Manzoni & Barsoux 1998: the out-group is watched less, in routine work", 1.2, 3.0,
         poor_impression_outlasts_good),
    Fact("P24", "an expectation told after seven weeks of contact moves performance less: d(wk 8) / d(wk 1)",
         "Raudenbush 1984: d about .4 with at most a week of prior contact, about 0 after two or more",
         -0.5, 0.5, late_expectation_matters_less),
    Fact("P25", "within-team SD of members' LMX-7 totals (7-35) at the end",
         "published LMX-7 SDs about 4-5.5 on the total; within a team somewhat less (docs/ODD.md 7.13)",
         3.5, 5.5, lmx7_spread_within_teams),
    Fact("P26", "between-member SD of output (13-week mean) / mean output",
         "Hunter, Schmidt & Judiesch 1990: 15% (low complexity) to 48% (high complexity jobs)",
         0.15, 0.48, output_spread),
]  # fmt: skip
FACT_BY_KEY = {f.key: f for f in FACTS}

# Facts the defaults miss on purpose: each cannot hold together with facts whose sources are
# firmer, measured in docs/ODD.md 7.13 ("Can the known misses be met"). The value names the
# facts it yields to. `lmxsim validate` says so beside the table; tests/test_facts.py keeps each
# a strict expected failure, so the list goes stale the moment a calibration meets one.
KNOWN_MISSES: dict[str, tuple[str, ...]] = {
    # the first impression's grip loosens after week 6: a leader who learns slowly first; the
    # expectancy experiments (P5, two meta-analyses; P24, Raudenbush's moderator) need the
    # opposite, a leader whose early evidence weighs most
    "P13": ("P5", "P24"),
    # a field-size LMX-7 spread needs members who bring the split with them, against the facts
    # that the split grows from the loop (P12 Dirks & Ferrin; P18, P19 Dansereau, Manzoni & Barsoux)
    "P25": ("P12", "P18", "P19"),
}
