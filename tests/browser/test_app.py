"""The workshop app in a real browser (headless Chromium), offline.

One `lmxsim app` server for the module; every test opens its own page, which
is its own session with its own model. Each test ends by checking that no
request failed or left the machine and the console stayed clean.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from workshop_app import (
    STEP,
    clean,
    eventually,
    open_app,
    serve_app,
    wait_week,
    wait_week_at_least,
    week_label,
)


@pytest.fixture(scope="module")
def app_url():
    yield from serve_app()


def test_page_loads_plays_and_works_offline(app_url, page):
    open_app(page, app_url)
    assert week_label(page).inner_text() == "Week 0"
    assert page.locator("#lmx-team .lmx-member").count() >= 2
    start = page.locator("#lmx-team").inner_html()
    page.get_by_role("button", name="Play").click()
    wait_week_at_least(page, 4)  # Play may move past week 4 between two looks under load
    page.get_by_role("button", name="Pause").click()
    page.get_by_role("button", name="Play").wait_for()
    time.sleep(0.5)  # a week already being computed when Pause was pressed may still arrive
    stopped = int(week_label(page).inner_text().split()[-1])
    assert stopped >= 4
    time.sleep(1.0)
    assert week_label(page).inner_text() == f"Week {stopped}"  # paused means paused
    eventually(lambda: page.locator("#lmx-team").inner_html() != start)  # the drawing moved
    eventually(lambda: page.locator(".lmx-log-line").count() >= 1)  # the narration speaks
    clean(page)


def test_an_intervention_on_a_clicked_member_shows_on_the_charts(app_url, page):
    open_app(page, app_url)
    page.locator('#lmx-team [data-member="Sam"] circle').last.click()
    page.locator(".lmx-person-chart").get_by_text("Sam over the weeks").wait_for()
    assert page.locator("#lmx-team .lmx-selected").get_attribute("data-member") == "Sam"
    assert page.locator(".lmx-mark").count() == 0
    page.get_by_role("button", name=STEP).click()
    wait_week(page, 1)
    page.get_by_role("tab", name="Intervene").click()
    page.get_by_role("button", name="Apply from next week").click()
    page.locator(".lmx-plan").filter(has_text="Week 2").filter(has_text="Sam").wait_for()
    page.locator('.lmx-person-chart .lmx-mark[data-week="2"]').wait_for(state="attached")
    page.get_by_role("button", name="All charts").click()
    charts = page.locator(".lmx-charts")
    eventually(lambda: page.locator(".lmx-charts .lmx-mark").count() == 6)  # 3 member + 3 team charts
    before = charts.first.inner_html()
    page.get_by_role("button", name=STEP).click()
    wait_week(page, 2)
    eventually(lambda: charts.first.inner_html() != before)
    page.get_by_text("Show the same team without interventions").click()
    eventually(lambda: page.locator('.lmx-charts polyline[stroke-dasharray="6 5"]').count() >= 3)
    page.get_by_role("button", name="Team", exact=True).click()
    page.locator("#lmx-twin").wait_for()
    assert page.locator('#lmx-twin [data-member="Sam"]').count() == 1
    clean(page)


def test_language_switch(app_url, page):
    open_app(page, app_url)
    page.get_by_role("button", name="Nederlands").click()
    page.get_by_role("button", name="Eén week verder").wait_for()
    page.locator("#lmx-team").get_by_text("Leider", exact=True).wait_for()
    page.locator(".lmx-person-chart").get_by_text("vertrouwen").first.wait_for()  # chart words too
    page.get_by_role("button", name="Eén week verder").click()
    wait_week(page, 1)
    page.get_by_role("button", name="English").click()
    page.get_by_role("button", name=STEP).wait_for()
    assert week_label(page).inner_text() == "Week 1"  # same model, other words
    clean(page)


def test_two_tabs_have_their_own_model(app_url, page, browser):
    open_app(page, app_url)
    other_context = browser.new_context(viewport={"width": 1280, "height": 900})
    try:
        other = open_app(other_context.new_page(), app_url)
        for week in (1, 2, 3):
            page.get_by_role("button", name=STEP).click()
            wait_week(page, week)
        assert week_label(other).inner_text() == "Week 0"
        other.get_by_role("button", name=STEP).click()
        wait_week(other, 1)
        time.sleep(0.5)
        assert week_label(page).inner_text() == "Week 3"
    finally:
        other_context.close()
    clean(page)


def test_a_bad_team_file_shows_a_message_and_the_app_keeps_running(app_url, page, drop_file):
    open_app(page, app_url)
    page.get_by_role("tab", name="Settings").click()
    page.locator(".solara-file-drop").wait_for()
    drop_file(page, "bad-team.csv", "name,closeness\nKim,lots\n")
    page.get_by_text("Could not use bad-team.csv").wait_for()
    page.get_by_role("button", name=STEP).click()
    wait_week(page, 1)
    drop_file(page, "team.csv", "name,closeness\nKim,0.8\nJo,0.3\n")
    page.locator('#lmx-team [data-member="Kim"]').wait_for()
    eventually(lambda: page.locator("#lmx-team .lmx-member").count() == 2)
    clean(page)


def test_strategy_lab_tab_leaves_the_workshop_team_alone(app_url, page):
    pytest.importorskip("lmxsim.app.strategy_lab", reason="the strategy lab page is not installed")
    open_app(page, app_url)
    page.get_by_role("button", name=STEP).click()
    wait_week(page, 1)
    page.get_by_role("tab", name="Strategy lab").click()
    page.get_by_text("1. Your team").wait_for()
    page.get_by_role("tab", name="Workshop").click()
    wait_week(page, 1)  # the same model, still at week 1
    clean(page)


@pytest.mark.slow  # a small load test: several sessions for a few seconds each
def test_closed_tabs_release_their_models():
    """A small run of the load test: 3 sessions, then every tab closed -> no model left alive."""
    script = Path(__file__).resolve().parents[1] / "load" / "load_sessions.py"
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTEST_", "LMXSIM_APP_"))}
    result = subprocess.run(
        [sys.executable, str(script), "--sessions", "3", "--seconds", "2", "--limit-ms", "5000"],
        capture_output=True,
        text=True,
        timeout=240,
        env=env,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "live models: 3" in result.stdout
    assert "after closing every tab: live models 0" in result.stdout
