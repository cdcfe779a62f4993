"""Honest uncertainty, leader time, robustness, the HR report and Excel-friendly files (issue 15)."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from lmxsim.interventions.catalogue import InterventionError, OneOnOnes, RoleClarification, WeekView
from lmxsim.interventions.effort import parse_hours
from lmxsim.interventions.strength import Scaled, scaled
from lmxsim.lab.hr_report import report_html, write_report
from lmxsim.lab.report import (
    VERDICT_BACKGROUNDS,
    conclusions,
    csv_bytes,
    winner_sentence,
)
from lmxsim.lab.robustness import check_robustness
from lmxsim.lab.strategies import (
    NOTHING,
    READY_NAMES,
    WINNER_THRESHOLD,
    Comparison,
    Strategy,
    compare_strategies,
    interval,
    parse_strategy,
    ready_strategy,
)
from lmxsim.lab.style import strategy_colours
from lmxsim.lab.tables import effort_html, gains_html
from lmxsim.model.nudges import Nudges
from lmxsim.team.members import Member
from lmxsim.team.teamfile import load_team
from lmxsim.texts import t

ROOT = Path(__file__).resolve().parents[1]
TEAM = load_team(ROOT / "configs" / "teams" / "example.toml")
SIGNED_ZERO = re.compile(r"[-−]0[.,]0+(?![0-9])")


# --------------------------------------------------------------------------- intervals


def test_interval_is_student_t_on_a_known_sample():
    # 1..5: mean 3, SD sqrt(2.5); t(0.975, 4) = 2.776445 from any t table
    mean, low, high = interval(np.array([1.0, 2.0, 3.0, 4.0, 5.0]))
    assert mean == 3.0
    assert (high - low) / 2 == pytest.approx(2.776445 * np.sqrt(2.5) / np.sqrt(5), rel=1e-6)


def test_two_replications_give_the_wide_interval_they_deserve():
    # t(0.975, 1) = 12.706: six and a half times the normal 1.96
    _, low, high = interval(np.array([0.0, 1.0]))
    assert (high - low) / 2 == pytest.approx(12.7062 * np.std([0.0, 1.0], ddof=1) / np.sqrt(2), rel=1e-4)


def _fake(perf: dict[str, np.ndarray]) -> Comparison:
    """A comparison with made-up team performance (other measures flat), to test the wording."""
    reps = len(next(iter(perf.values())))
    strategies = [
        ready_strategy(NOTHING) if name == NOTHING else Strategy(name, {"en": name, "nl": name})
        for name in perf
    ]
    flat = np.zeros((1, reps))
    outcomes = {
        name: {
            "performance": values[None, :],
            "lmx_mean": flat + 0.5,
            "lmx_differentiation": flat,
            "problems_hidden": flat,
            "fires": flat,
            "out_group_share": flat,
        }
        for name, values in perf.items()
    }
    members = {name: {m: np.zeros((1, reps, 1)) for m in ("performance", "lmx", "group")} for name in perf}
    return Comparison(strategies, ["An"], reps, 52, 1, (52,), outcomes, members, titles={
        s.name: dict(s.title) for s in strategies})  # fmt: skip


def test_a_strategy_002_better_is_no_clear_winner_even_with_a_narrow_interval():
    rng = np.random.default_rng(0)
    base = rng.normal(0.4, 0.05, 200)
    c = _fake({NOTHING: base, "a": base + 0.052 + rng.normal(0, 1e-4, 200), "b": base + 0.05})
    win = c.winner()
    assert win.best == "a" and win.low > 0 and win.difference < WINNER_THRESHOLD
    assert not win.clear
    assert winner_sentence(c, "en").startswith("No clear winner")
    assert winner_sentence(c, "nl").startswith("Geen duidelijke winnaar")


def test_a_big_difference_with_a_wide_interval_is_no_clear_winner_either():
    rng = np.random.default_rng(1)
    base = rng.normal(0.4, 0.05, 30)
    c = _fake({NOTHING: base, "a": base + 0.03 + rng.normal(0, 0.2, 30)})
    win = c.winner()
    assert win.low < 0 < win.high
    assert not win.clear and winner_sentence(c, "en").startswith("No clear winner")


def test_a_clear_winner_is_named_and_beats_every_other_strategy():
    rng = np.random.default_rng(2)
    base = rng.normal(0.4, 0.05, 100)
    c = _fake({NOTHING: base, "a": base + 0.05, "b": base + 0.02 + rng.normal(0, 0.001, 100)})
    win = c.winner()
    assert win.clear and win.best == "a" and win.runner_up == "b"
    assert winner_sentence(c, "en").startswith("Clear winner after 52 weeks: a.")


@pytest.fixture(scope="module")
def late_and_early():
    """A strategy that starts in the last week (changes nothing by then) and one that acts at once."""
    chosen = [parse_strategy("late=team-map@12"), parse_strategy("sam=one-on-ones:Sam@1/1")]
    return compare_strategies(TEAM, chosen, replications=40, weeks=12, seed=4, checkpoints=[11, 12])


def test_a_strategy_that_changes_nothing_is_better_in_no_year_and_prints_no_signed_zero(late_and_early):
    c = late_and_early
    summary = c.summary()
    late = summary[(summary["strategy"] == "late") & (summary["week"] == 11)]
    assert (late["better_runs"] == 0).all() and (late["diff_vs_nothing"] == 0).all()
    gains = c.member_gains()
    assert (gains[(gains["strategy"] == "late") & (gains["week"] == 11)]["better_years"] == 0).all()
    for lang in ("en", "nl"):
        text = " ".join(conclusions(c, lang, week=11))
        assert not SIGNED_ZERO.search(text), SIGNED_ZERO.search(text)
        assert not SIGNED_ZERO.search(gains_html(c, lang))


def test_better_years_count_the_years_a_person_did_better(late_and_early):
    c = late_and_early
    gains = c.member_gains()
    row = gains[
        (gains["strategy"] == "sam") & (gains["member"] == "Sam") & (gains["measure"] == "performance")
    ]
    row = row[row["week"] == 12].iloc[0]
    i = c.names.index("Sam")
    own = c.members["sam"]["performance"][1][:, i] - c.members[NOTHING]["performance"][1][:, i]
    assert row.better_years == np.count_nonzero(own > 0) and row.years == 40
    text = " ".join(conclusions(c, "en"))
    assert "better than with doing nothing in" in text and "A fire is" in text


def test_every_colour_of_the_per_person_table_has_a_legend(late_and_early):
    for lang in ("en", "nl"):
        html = gains_html(late_and_early, lang)
        legend, table = html.split('<table class="lab-gains"')
        for verdict in set(re.findall(r'data-verdict="(\w+)"', table)):
            assert VERDICT_BACKGROUNDS[verdict] in legend
        # no colour is kept for "no data": white and grey are nobody's verdict
        assert not {"#FFFFFF", "#E4E4E4"} & set(VERDICT_BACKGROUNDS.values())
        assert t("report.legend_none", lang) in legend


def test_each_persons_cell_says_why_and_agrees_with_its_colour(late_and_early):
    html = gains_html(late_and_early, "en")
    cells = re.findall(r'data-verdict="(\w+)".*?class="lab-why"[^>]*>([^<]*)<', html)
    assert len(cells) == len(late_and_early.names) * (len(late_and_early.strategies) - 1)
    start = {"gains": "Helps", "loses": "Worse off", "same": "No difference", "unclear": "Cannot say"}
    for verdict, sentence in cells:
        assert sentence.startswith(start[verdict]) and "first impression" in sentence


# --------------------------------------------------------------------------- leader time


def test_hours_follow_the_declared_time_and_the_leaders_own_number():
    one = parse_strategy("sam=one-on-ones:Sam@1/1")
    c = compare_strategies(TEAM[:4], [one], replications=5, weeks=10, seed=1)
    assert c.hours("sam") == pytest.approx(OneOnOnes.hours)  # one person, every week
    own = Strategy(one.name, one.title, one.interventions, hours=parse_hours(["one-on-ones=1,5"]))
    c = compare_strategies(TEAM[:4], [own], replications=5, weeks=10, seed=1)
    assert c.hours("sam") == pytest.approx(1.5)
    assert c.hours(NOTHING) == 0


def test_group_targets_cost_what_the_group_holds_each_week():
    c = compare_strategies(TEAM, [ready_strategy("one-on-ones-out-group")], replications=20, weeks=20, seed=3)
    hours = c.effort["one-on-ones-out-group"]
    assert np.all(hours >= 0) and np.all(hours <= OneOnOnes.hours * len(TEAM))
    assert len(set(np.round(hours, 6))) > 1  # the out-group differs between simulated years


def test_over_budget_strategies_are_marked(late_and_early):
    html = effort_html(late_and_early, "en", budget=0.1)
    assert 'data-strategy="sam"' in html and "over budget" in html
    assert "over budget" not in effort_html(late_and_early, "en", budget=10)


@pytest.mark.parametrize(
    "text, words",
    [
        ("one-on-ones", ["KIND=HOURS"]),
        ("nonsense=1", ["unknown intervention"]),
        ("one-on-ones=-1", ["0 to 40"]),
    ],
)
def test_bad_hours_get_one_clear_message(text, words):
    with pytest.raises(InterventionError) as error:
        parse_hours([text])
    assert all(w in str(error.value) for w in words)


# --------------------------------------------------------------------------- strength and robustness


def _after(intervention, strength: float) -> Nudges:
    nudges = Nudges.neutral((3,))
    who = np.array([True, False, True])
    view = WeekView(names=["a", "b", "c"], groups=np.zeros(3, dtype=int))
    (scaled([intervention], strength)[0]).nudge(nudges, who, 1, view)
    return nudges


def test_strength_scales_graded_effects_and_how_often_the_on_off_ones_happen():
    role = RoleClarification(target="team", start=1)
    assert scaled([role], 1.0)[0] is role
    full, none, more = _after(role, 1.0), _after(role, 0.0), _after(role, 1.5)
    assert np.allclose(none.clarity, 1.0) and np.allclose(none.confidence_cap, 1.0)
    assert full.clarity[0] == pytest.approx(0.5) and more.clarity[0] == pytest.approx(0.25)
    # on/off parts cannot be half done: at 0 they never happen, at 150% they happen as declared
    assert not none.guaranteed_contact.any() and not none.reopen.any()
    assert more.guaranteed_contact[0] and more.reopen[0]
    assert not full.guaranteed_contact[1] and full.clarity[1] == 1.0  # untargeted stays neutral
    assert isinstance(scaled([role], 0.5)[0], Scaled) and scaled([role], 0.5)[0].spec == role.spec


def test_robustness_reruns_on_the_same_seeds():
    chosen = [ready_strategy("reflection-every-4"), ready_strategy("one-on-ones-out-group")]
    main = compare_strategies(TEAM, chosen, replications=30, weeks=20, seed=2)
    view = check_robustness(main, TEAM, main.strategies)
    assert view.factors == [0.5, 1.0, 1.5] and view.comparisons[1.0] is main
    base = [view.comparisons[f].outcomes[NOTHING]["performance"] for f in view.factors]
    assert all(np.array_equal(base[0], b) for b in base)  # doing nothing meets the same luck
    table = view.table()
    assert len(table) == 3 * 3 and set(table["rank"]) == {1, 2, 3}
    assert view.holds() == all(r == view.rankings()[1.0] for r in view.rankings().values())


# --------------------------------------------------------------------------- report and files


def test_colours_are_fixed_per_strategy_and_distinct():
    a = strategy_colours([NOTHING, "mine", "reflection-every-4", "yours"])
    b = strategy_colours(["yours", "reflection-every-4", "mine"])
    assert a["mine"] == b["mine"] and a["yours"] == b["yours"]
    assert a["reflection-every-4"] == b["reflection-every-4"]
    assert len(set(strategy_colours([*READY_NAMES, "x", "y", "z"]).values())) == len(READY_NAMES) + 3


@pytest.mark.slow  # several seconds (a subprocess, a fit or many replications): the full suite runs it
def test_report_is_one_self_contained_page_in_either_language(late_and_early, tmp_path):
    view = check_robustness(late_and_early, TEAM, late_and_early.strategies, replications=10)
    for lang, words in (("en", ["Assumptions and limits", "Robustness"]), ("nl", ["Aannames en grenzen"])):
        html = report_html(late_and_early, lang, view, budget=0.2)
        assert all(w in html for w in words)
        assert "data:image/png;base64," in html
        assert not re.search(r"""(src|href)=["']?(https?:|//)""", html)  # nothing fetched from elsewhere
        assert "<link" not in html and "<script" not in html
        assert all(m.name in html for m in TEAM)
        assert f"seed {late_and_early.seed}" in html
    path = write_report(tmp_path / "r.html", late_and_early, "nl")
    assert path.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_dutch_csv_is_excel_friendly_and_english_stays_plain(late_and_early):
    team = [Member("Zoë", 0.6, 0.4), Member("Jo", 0.6, 0.7)]
    c = compare_strategies(team, [parse_strategy("z=one-on-ones:Zoë@1/1")], replications=5, weeks=4)
    nl = csv_bytes(c.member_gains().rename(columns={"member": "persoon"}), "nl")
    assert nl.startswith(b"\xef\xbb\xbf") and "Zoë".encode() in nl
    first = nl.decode("utf-8-sig").splitlines()
    assert ";" in first[0] and "," not in first[0] and re.search(r"\d,\d", first[1])
    en = csv_bytes(c.member_gains(), "en")
    assert not en.startswith(b"\xef\xbb\xbf") and re.search(rb"\d\.\d", en)
    frame = pd.read_csv(__import__("io").BytesIO(nl), sep=";", decimal=",", encoding="utf-8-sig")
    assert frame["gain"].dtype.kind == "f"


def test_export_writes_robustness_and_the_cli_writes_the_report(tmp_path, monkeypatch, capsys):
    from lmxsim.cli import main

    report = tmp_path / "report.html"
    monkeypatch.setattr(
        sys, "argv",
        ["lmxsim", "strategies", "-s", "reflection-every-4", "-r", "30", "-w", "8", "--out",
         str(tmp_path / "out"), "--report", str(report), "--budget", "0.1", "--hours", "reflection=0.2"],
    )  # fmt: skip
    monkeypatch.setenv("COLUMNS", "200")
    with pytest.raises(SystemExit) as stop:
        main()
    printed = capsys.readouterr()
    assert stop.value.code in (0, None), printed.err
    assert "Robustness" in printed.out and "over budget" in printed.out
    assert "fewer than 30" not in printed.out
    assert (tmp_path / "out" / "robustness.csv").exists()
    html = report.read_text(encoding="utf-8")
    assert "--hours reflection=0.2" in html and "--budget 0.1" in html


def test_fire_is_defined_in_the_table_where_it_appears(late_and_early):
    from lmxsim.lab.tables import outcomes_html
    from lmxsim.texts import t

    for lang in ("en", "nl"):
        html = outcomes_html(late_and_early, lang)
        assert t("report.label_fires", lang) in html
        assert t("report.fire_definition", lang) in html


def test_the_team_csv_follows_the_language_and_loads_back():
    from lmxsim.app.lab_files import team_csv
    from lmxsim.team.teamfile import parse_team_file

    team = [Member("Zoë", 0.65, 0.35), Member("Jo", 0.6, 0.7)]
    nl = team_csv(team, "nl")
    assert nl.startswith(b"\xef\xbb\xbf") and "Zoë".encode() in nl
    lines = nl.decode("utf-8-sig").splitlines()
    assert lines[0].count(";") >= 2 and "0,65" in lines[1]
    en = team_csv(team, "en").decode()
    assert "0.65" in en and ";" not in en
    for data in (nl, en.encode()):
        back = parse_team_file(data, "team.csv")
        assert [(m.name, m.ability, m.first_impression) for m in back] == [
            (m.name, m.ability, m.first_impression) for m in team
        ]


def test_the_robustness_sentence_follows_the_rankings():
    from lmxsim.lab.hr_report import robustness_verdict
    from lmxsim.lab.robustness import Robustness

    base = np.random.default_rng(5).normal(0.4, 0.05, 40)

    def at(a: float, b: float) -> Comparison:
        return _fake({NOTHING: base, "a": base + a, "b": base + b})

    same = Robustness({0.5: at(0.03, 0.02), 1.0: at(0.04, 0.02), 1.5: at(0.05, 0.03)})
    top = Robustness({0.5: at(0.03, -0.01), 1.0: at(0.04, 0.02), 1.5: at(0.05, 0.03)})
    moved = Robustness({0.5: at(0.01, 0.02), 1.0: at(0.04, 0.02), 1.5: at(0.05, 0.03)})
    assert same.holds() and robustness_verdict(same, "en").startswith("The ranking holds")
    assert not top.holds() and top.top_holds()
    assert robustness_verdict(top, "en").startswith("The top strategy stays")
    assert not moved.top_holds() and robustness_verdict(moved, "nl").startswith(
        "De rangorde houdt geen stand"
    )
    assert set(moved.table()["strength"]) == {0.5, 1.0, 1.5}
