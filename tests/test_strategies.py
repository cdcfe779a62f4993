"""The strategy lab: honest intervals, common random numbers, stable rankings, readable errors."""

from __future__ import annotations

import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from lmxsim.interventions.catalogue import InterventionError
from lmxsim.lab.report import conclusions, export
from lmxsim.lab.strategies import (
    MEASURES,
    NOTHING,
    READY_NAMES,
    compare_strategies,
    custom_strategy,
    interval,
    parse_strategy,
    ready_strategies,
    ready_strategy,
)
from lmxsim.model.params import ParameterError
from lmxsim.team.teamfile import load_team

ROOT = Path(__file__).resolve().parents[1]
TEAM = load_team(ROOT / "configs" / "teams" / "example.toml")


def half_width(values: np.ndarray) -> float:
    _, low, high = interval(values)
    return (high - low) / 2


@pytest.fixture(scope="module")
def small_and_large():
    """The same strategies with 50 and with 800 replications (same base seed)."""
    chosen = [ready_strategy("one-on-ones-out-group"), ready_strategy("reopen-role-taking")]
    return (
        compare_strategies(TEAM, chosen, replications=50, weeks=26, seed=3),
        compare_strategies(TEAM, chosen, replications=800, weeks=26, seed=3),
    )


def test_ready_strategies_cover_the_issue_list():
    assert NOTHING in READY_NAMES and len(READY_NAMES) >= 6
    strategies = ready_strategies()
    assert next(s for s in strategies if s.name == NOTHING).interventions == ()
    for s in strategies:
        assert s.title["en"] and s.title["nl"] and s.describe("nl")
        if s.name != NOTHING:
            assert s.interventions and parse_strategy(s.spec).interventions == s.interventions


def test_intervals_of_the_mean_shrink_with_more_replications_but_the_spread_does_not(small_and_large):
    small, large = small_and_large
    week = small.checkpoints[-1]
    for strategy in ("one-on-ones-out-group", NOTHING):
        for measure in MEASURES:
            few = small.outcomes[strategy][measure][-1]
            many = large.outcomes[strategy][measure][-1]
            if np.ptp(many) == 0:
                continue
            # 16x the replications: the CI of the mean about 4x narrower
            assert half_width(many) < half_width(few) / 2, (strategy, measure)
            spread_few = np.percentile(few, 97.5) - np.percentile(few, 2.5)
            spread_many = np.percentile(many, 97.5) - np.percentile(many, 2.5)
            assert 0.4 < spread_many / max(spread_few, 1e-9) < 2.5, (strategy, measure)
    # the paired difference to doing nothing narrows too
    few = small.difference("reopen-role-taking", NOTHING, "performance", week)
    many = large.difference("reopen-role-taking", NOTHING, "performance", week)
    assert many[2] - many[1] < (few[2] - few[1]) / 2


def test_replications_are_a_prefix_of_the_same_seed_sequence(small_and_large):
    small, large = small_and_large
    for measure in MEASURES:
        np.testing.assert_array_equal(
            small.outcomes[NOTHING][measure], large.outcomes[NOTHING][measure][:, : small.replications]
        )


def test_common_random_numbers_make_paired_differences_sharper_than_independent_ones(small_and_large):
    _, large = small_and_large
    a = large.outcomes["reopen-role-taking"]["performance"][-1]
    b = large.outcomes[NOTHING]["performance"][-1]
    paired = half_width(a - b)
    independent = 1.96 * np.sqrt(a.var(ddof=1) / a.size + b.var(ddof=1) / b.size)
    assert paired < independent / 2


def test_a_strategy_that_has_not_started_changes_nothing_exactly():
    late = custom_strategy(["role-clarification:team@40"], "late")
    comparison = compare_strategies(TEAM, [late], replications=60, weeks=52, seed=5)
    assert comparison.checkpoints == (26, 52)
    for measure in MEASURES:  # same seeds, same luck: identical until week 40
        np.testing.assert_array_equal(
            comparison.outcomes["late"][measure][0], comparison.outcomes[NOTHING][measure][0]
        )
    gains = comparison.member_gains()
    assert set(gains[gains["week"] == 26]["verdict"]) == {"same"}
    text = conclusions(comparison, "en", week=26)[0]
    assert "does not change clearly" in text and "No one's expected performance changes" in text
    assert "verandert niet duidelijk" in conclusions(comparison, "nl", week=26)[0]


@pytest.mark.slow  # several seconds (a subprocess, a fit or many replications): the full suite runs it
def test_the_ranking_of_clearly_different_strategies_is_stable_across_seeds():
    chosen = [ready_strategy(n) for n in READY_NAMES if n != NOTHING]
    runs = [compare_strategies(TEAM, chosen, replications=300, weeks=52, seed=s) for s in (11, 12, 13)]
    first = runs[0]
    clear_pairs = []
    for measure in ("performance", "lmx_differentiation"):
        names = [s.name for s in first.strategies]
        for i, a in enumerate(names):
            for b in names[i + 1 :]:
                d, low, high = first.difference(a, b, measure, 52)
                if low > 0 or high < 0:  # clearly different in the first run
                    clear_pairs.append(
                        (measure, a, b, np.sign(d), max(abs(low), abs(high)) > 3 * (high - low))
                    )
    strongly = [p for p in clear_pairs if p[4]]
    assert len(strongly) >= 3, "expected some strategies to differ clearly; the test would be empty"
    for run in runs[1:]:
        for measure, a, b, sign, _ in strongly:
            d, _, _ = run.difference(a, b, measure, 52)
            assert np.sign(d) == sign, (measure, a, b)


def test_one_on_ones_help_the_person_they_are_for_most():
    target = min(TEAM, key=lambda m: m.first_impression).name
    comparison = compare_strategies(
        TEAM, [parse_strategy(f"mine=one-on-ones:{target}@1/1")], replications=200, weeks=52, seed=2
    )
    gains = comparison.member_gains()
    gains = gains[(gains["week"] == 52) & (gains["measure"] == "performance")].set_index("member")
    assert gains["gain"].idxmax() == target
    assert gains.loc[target, "verdict"] == "gains"
    text = conclusions(comparison, "en")[0]
    assert f"raises the expected performance of {target} (+" in text
    assert "95% CI" in text and "95%-BI" in conclusions(comparison, "nl")[0]


def test_summary_tables_hold_both_interval_kinds(small_and_large):
    _, large = small_and_large
    summary = large.summary()
    assert set(summary["measure"]) == set(MEASURES)
    assert (summary["ci_low"] <= summary["mean"]).all() and (summary["mean"] <= summary["ci_high"]).all()
    assert (summary["p2_5"] <= summary["ci_low"] + 1e-12).all() and (
        summary["ci_high"] <= summary["p97_5"] + 1e-12
    ).all()
    nothing = summary[summary["strategy"] == NOTHING]
    assert (nothing["diff_vs_nothing"] == 0).all()
    fires = large.outcomes[NOTHING]["fires"]
    assert (np.diff(fires, axis=0) >= 0).all() or fires.shape[0] == 1  # fires so far never decrease
    table = large.replication_table()
    assert len(table) == len(large.strategies) * len(large.checkpoints) * large.replications


@pytest.mark.parametrize(
    ("call", "error", "words"),
    [
        (lambda: parse_strategy("magic"), InterventionError,
         ["unknown strategy 'magic'", "one-on-ones-out-group"]),
        (lambda: parse_strategy("x=one-on-ones:Nobody@1"), InterventionError, []),
        (lambda: compare_strategies(TEAM, [parse_strategy("x=one-on-ones:Nobody@1")], replications=5),
         InterventionError, ["strategy 'x'", "unknown member 'Nobody'"]),
        (lambda: compare_strategies(TEAM, [ready_strategy("equal-latitude")] * 2, replications=5),
         InterventionError, ["listed twice"]),
        (lambda: compare_strategies(TEAM, [], replications=0), ParameterError, ["replications = 0"]),
        (lambda: compare_strategies(TEAM, [], replications=5, weeks=0), ParameterError, ["weeks = 0"]),
        (lambda: compare_strategies(TEAM, [parse_strategy("late=team-map@60")], replications=5, weeks=52),
         InterventionError, ["week 60", "after the run ends"]),
    ],
)  # fmt: skip
def test_bad_strategies_get_readable_errors(call, error, words):
    if not words:  # parsing a custom strategy does not know the team yet: fine
        call()
        return
    with pytest.raises(error) as caught:
        call()
    for word in words:
        assert word in str(caught.value)


def test_progress_is_reported_up_to_one():
    seen: list[float] = []
    compare_strategies(
        TEAM[:3], [ready_strategy("equal-latitude")], replications=30, weeks=4, chunk=10, progress=seen.append
    )
    assert seen == sorted(seen) and seen[-1] == pytest.approx(1.0) and len(seen) == 6


def test_export_and_cli_write_tables_figures_and_texts(tmp_path, monkeypatch, capsys):
    comparison = compare_strategies(TEAM, [ready_strategy("reflection-every-4")], replications=20, weeks=8)
    paths = {p.name: p for p in export(comparison, tmp_path / "lib")}
    assert {"summary.csv", "member_gains.csv", "replications.csv", "outcomes.png", "member_gains.png"} <= set(
        paths
    )
    assert paths["outcomes.png"].read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    gains = pd.read_csv(paths["member_gains.csv"])
    assert set(gains["member"]) == {m.name for m in TEAM}

    from lmxsim.cli import main

    out = tmp_path / "cli"
    monkeypatch.setattr(
        sys,
        "argv",
        ["lmxsim", "strategies", "-s", "equal-latitude", "-s", "mine=one-on-ones:Sam@1/1",
         "-r", "20", "-w", "6", "--out", str(out), "--lang", "nl"],
    )  # fmt: skip
    monkeypatch.setenv("COLUMNS", "200")
    with pytest.raises(SystemExit) as stop:
        main()
    printed = capsys.readouterr()
    assert stop.value.code in (0, None), printed.err
    assert "Gelijke beslisruimte" in printed.out and "mine" in printed.out
    # Dutch: Excel-friendly CSV (BOM, ';', decimal comma) with Dutch column names
    raw = (out / "summary.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    summary = pd.read_csv(out / "summary.csv", sep=";", decimal=",", encoding="utf-8-sig")
    assert set(summary["strategie"]) == {NOTHING, "equal-latitude", "mine"}
    assert summary["gemiddelde"].dtype.kind == "f"
    assert "30" in printed.out  # fewer than 30 replications: warned
    assert (out / "member_gains.png").stat().st_size > 1000


def test_speed_of_five_strategies_for_twelve_people_is_recorded():
    """Not a timed test (the machine is shared): checks the size of the job the issue asks for runs."""
    from lmxsim.team.members import Member

    team = [Member(f"P{i}", 0.6, 0.2 + 0.05 * i) for i in range(12)]
    started = time.perf_counter()
    comparison = compare_strategies(team, ready_strategies()[1:6], replications=500, weeks=52)
    assert len(comparison.strategies) == 6 and comparison.outcomes[NOTHING]["performance"].shape == (2, 500)
    print(f"6 strategies x 500 x 52 weeks x 12 people: {time.perf_counter() - started:.2f} s")


# --------------------------------------------------------------------------- the app component, browser-free


def _render_lab(lang: str = "en"):
    import solara

    from lmxsim.app.strategy_lab import LabState, StrategyLab

    # outside solara-server there is no session: a lab state of its own per test
    return solara.render(StrategyLab(lang=lang, state=LabState()), handle_error=False)


def _messages(rc) -> str:
    import ipyvuetify as v

    return " ".join(str(w.children) for w in rc.find(v.Alert).widgets)


def test_app_keeps_the_team_when_a_bad_team_is_pasted_and_loads_a_good_one():
    """Dropped files and pasted text go through the same handler (StrategyLab's TeamEditor.take)."""
    import ipyvuetify as v

    box, rc = _render_lab("en")
    names = lambda: [w.v_model for w in rc.find(v.TextField, label="Name").widgets]  # noqa: E731
    before = names()
    assert len(before) >= 2
    # paste a bad team: message, team unchanged
    rc.find(v.Textarea).widget.v_model = "name,closeness\nAn,0.3\nBram,9\n"
    rc.find(v.Btn, children=["Use pasted team"]).widget.click()
    assert "line 3 (Bram): closeness" in _messages(rc) and "unchanged" in _messages(rc)
    assert names() == before
    # paste a good team: replaced
    rc.find(v.Textarea).widget.v_model = "name;closeness\nQuinten;0,2\nRosa;0,9\nSem;0,5\n"
    rc.find(v.Btn, children=["Use pasted team"]).widget.click()
    assert names() == ["Quinten", "Rosa", "Sem"]
    assert "Loaded 3 people" in _messages(rc)
    box.close()


def settle(rc, timeout: float = 30) -> None:
    """Wait for a render running in another thread (a finished comparison re-renders from its task
    thread) to end: typing into a field while that render reconciles it can lose the text.

    Polls the lock instead of taking it: a render requested while we held it would be skipped.
    """
    deadline = time.monotonic() + timeout
    while rc.thread_lock.locked() and time.monotonic() < deadline:
        time.sleep(0.01)


def set_number(rc, label: str, text: str, timeout: float = 60) -> None:
    """Type into a number field and leave it (the field commits on focus-out, as in a browser).

    Retried until the field shows the text after the re-render: on a busy machine a render
    from the comparison's thread could reset a value typed in the middle of it.
    """
    import ipyvuetify as v

    deadline = time.monotonic() + timeout
    while True:
        settle(rc)
        field = rc.find(v.TextField, label=label).widget
        field.v_model = text
        field.fire_event("focusout", None)
        settle(rc)
        if str(rc.find(v.TextField, label=label).widget.v_model) == text:
            return
        assert time.monotonic() < deadline, f"{label!r} never kept {text!r}"
        time.sleep(0.1)


def click_when_enabled(rc, label: str, timeout: float = 60) -> None:
    """Click a button once it is enabled (while a comparison runs, Compare is disabled)."""
    import ipyvuetify as v

    deadline = time.monotonic() + timeout
    while True:
        settle(rc)
        button = rc.find(v.Btn, children=[label]).widget
        if not button.disabled:
            button.click()
            return
        assert time.monotonic() < deadline, f"{label!r} stayed disabled"
        time.sleep(0.1)


def wait_html(rc, css_class: str, contains: str, timeout: float = 60) -> str:
    """The inner HTML of the solara.HTML with this class once it contains `contains`."""
    import solara

    deadline = time.monotonic() + timeout
    seen = []
    while time.monotonic() < deadline:
        seen = [w.unsafe_innerHTML for w in rc.find(solara.widgets.HTML).widgets
                if css_class in (w.attributes or {}).get("class", "")]  # fmt: skip
        if seen and contains in seen[0]:
            return seen[0]
        time.sleep(0.1)
    raise AssertionError(f"no .{css_class} containing {contains!r}; saw {seen}")


@pytest.mark.slow  # several seconds (a subprocess, a fit or many replications): the full suite runs it
def test_app_runs_a_comparison_in_dutch():
    import ipyvuetify as v

    box, rc = _render_lab("nl")
    boxes = [w for w in rc.find(v.Checkbox).widgets if w.label.startswith("Gelijke beslisruimte")]
    assert len(boxes) == 1
    boxes[0].v_model = True
    set_number(rc, "Herhalingen (gesimuleerde jaren)", "40")
    click_when_enabled(rc, "Strategieën vergelijken")
    assert "40 herhalingen" in wait_html(rc, "lab-ran", "herhalingen")
    text = wait_html(rc, "lab-conclusions", "Gelijke beslisruimte voor het hele team")
    assert "95%-BI" in text
    # a second run replaces the result (the figures' memo sees a new comparison)
    set_number(rc, "Herhalingen (gesimuleerde jaren)", "30")
    click_when_enabled(rc, "Strategieën vergelijken")
    wait_html(rc, "lab-ran", "30 herhalingen")
    box.close()


def test_app_builds_a_custom_strategy_and_compares_it():
    import ipyvuetify as v

    box, rc = _render_lab("en")
    rc.find(v.Select, label="Intervention").widget.v_model = "Regular one-on-ones"
    rc.find(v.Select, label="With whom").widget.v_model = "Sam"
    set_number(rc, "Every ... weeks (0: its own rhythm)", "1")
    rc.find(v.Btn, children=["Add this step"]).widget.click()
    rc.find(v.TextField, label="Name of your strategy").widget.v_model = "Sam weekly"
    rc.find(v.TextField, label="Name of your strategy").widget.fire_event("focusout", None)
    rc.find(v.Btn, children=["Add strategy"]).widget.click()
    set_number(rc, "Replications (simulated years)", "20")  # fewer than 30: refused
    assert rc.find(v.Btn, children=["Compare strategies"]).widget.disabled
    assert "At least 30 replications" in _messages(rc)
    set_number(rc, "Replications (simulated years)", "30")
    click_when_enabled(rc, "Compare strategies")
    text = wait_html(rc, "lab-conclusions", "Sam weekly")
    assert "Sam weekly. After 52 weeks" in text
    assert "2 strategies x 30 replications" in wait_html(rc, "lab-ran", "strategies")  # nothing + custom
    box.close()
