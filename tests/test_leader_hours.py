"""The leader's hours by week, from what each strategy schedules (issue 25, requirement 3)."""

from __future__ import annotations

import numpy as np
import pytest

from lmxsim.interventions.catalogue import ReflectionRhythm, RoleClarification, WeekView
from lmxsim.interventions.effort import CONTACT_HOURS, parse_hours
from lmxsim.interventions.strength import Scaled
from lmxsim.io.packaged import EXAMPLE_TEAM
from lmxsim.lab.report import per_hour
from lmxsim.lab.strategies import compare_strategies, parse_strategy, ready_strategy
from lmxsim.model.nudges import Nudges
from lmxsim.team.teamfile import load_team

TEAM = load_team(EXAMPLE_TEAM)


@pytest.fixture(scope="module")
def comparison():
    chosen = [ready_strategy(n) for n in ("reopen-role-taking", "reflection-every-4")]
    return compare_strategies(TEAM, chosen, replications=6, weeks=20, seed=2)


def test_role_clarifications_week_one_hours_equal_its_declared_cost(comparison):
    weekly = comparison.week_hours("reopen-role-taking")
    declared = RoleClarification.hours * len(TEAM)  # 0.75 h per person, the whole team
    assert weekly[0] == pytest.approx(declared)
    assert np.allclose(weekly[:8], declared) and np.allclose(weekly[8:], 0)  # its 8 weeks, then nothing
    assert comparison.peak_hours("reopen-role-taking") == pytest.approx(declared)
    assert comparison.hours("reopen-role-taking") == pytest.approx(declared * 8 / 20)  # the mean hides it


def test_reflection_pays_for_the_contacts_it_guarantees(comparison):
    weekly = comparison.week_hours("reflection-every-4")
    per_review = (ReflectionRhythm.hours + CONTACT_HOURS) * len(TEAM)
    assert weekly[0] == pytest.approx(per_review) and weekly[4] == pytest.approx(per_review)
    assert np.allclose(weekly[[1, 2, 3]], 0)


def test_gain_per_hour_and_the_summary_use_the_real_hours(comparison):
    name = "reflection-every-4"
    real = float(comparison.week_hours(name).mean())
    d = comparison.difference(name, comparison.baseline, "performance", comparison.checkpoints[-1])[0]
    assert per_hour(comparison, name) == pytest.approx(d / real)
    row = comparison.summary().query("strategy == @name").iloc[0]
    assert row.hours_per_week == pytest.approx(real)
    assert row.peak_hours == pytest.approx(comparison.week_hours(name).max())


def test_the_leaders_own_contact_time_counts():
    mine = parse_strategy("refl=reflection:team@1,every=4")
    cheap = compare_strategies(TEAM[:3], [mine], replications=3, weeks=4, seed=1)
    from dataclasses import replace

    own = replace(mine, hours=parse_hours(["contact=1"]))
    dear = compare_strategies(TEAM[:3], [own], replications=3, weeks=4, seed=1)
    assert dear.week_hours("refl")[0] - cheap.week_hours("refl")[0] == pytest.approx(3 * (1 - CONTACT_HOURS))


def test_half_strength_holds_the_on_off_parts_in_half_the_weeks():
    names = ["a", "b"]
    groups = np.array([[0, 2]])
    half = Scaled(target="team", start=1, duration=8, inner=RoleClarification(start=1), strength=0.5)
    seen = []
    for weeks_in in range(4):
        nudges = Nudges.neutral(groups.shape)
        who = np.ones(groups.shape, dtype=bool)
        half.nudge(nudges, who, weeks_in, WeekView(names=names, groups=groups))
        seen.append((bool(nudges.guaranteed_contact.all()), bool(nudges.reopen.all())))
    assert seen == [(True, True), (False, False), (True, True), (False, False)]


def test_half_strength_role_clarification_costs_half_the_conversations():
    chosen = [ready_strategy("reopen-role-taking")]
    half = compare_strategies(TEAM, chosen, replications=3, weeks=10, seed=1, strength=0.5)
    weekly = half.week_hours("reopen-role-taking")
    assert np.count_nonzero(weekly[:8]) == 4 and weekly[0] == pytest.approx(0.75 * len(TEAM))


def test_the_report_lists_the_contacts_time_with_its_source(comparison):
    from lmxsim.lab.hr_report import report_html
    from lmxsim.texts import t

    html = report_html(comparison, "nl")
    assert (
        t("intervention.contact.name", "nl") in html and t("intervention.contact.hours_source", "nl") in html
    )
