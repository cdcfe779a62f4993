"""The strategy lab's number fields in Dutch (issue 15): the leader's hours and the time budget
show a decimal comma, accept "0,5" and "0.5", and say clearly when text is not a number."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect
from workshop_app import serve_app

pytest.importorskip("lmxsim.app.strategy_lab", reason="the strategy lab page is not installed")

from lmxsim.app.decimal_input import decimal_text
from lmxsim.interventions.catalogue import CATALOGUE
from lmxsim.texts import t


@pytest.fixture(scope="module")
def app_url():
    yield from serve_app("--lang", "nl")


@pytest.mark.slow  # long browser run: the full suite (CI) runs it, the quick loop does not
def test_dutch_hours_and_budget_use_a_decimal_comma(app_url, page):
    page.goto(app_url)
    page.get_by_role("button", name=t("step", "nl")).wait_for(state="visible", timeout=60_000)
    page.get_by_role("tab", name="Strategielab").click()
    page.get_by_text(t("lab.team", "nl")).wait_for()
    page.wait_for_load_state("networkidle")
    page.locator("label", has_text=t("lab.ready_reflection-every-4", "nl")).click()

    kind = CATALOGUE["reflection"]
    hours = page.get_by_label(t("lab.hours_field", "nl", kind="Reflectieritme"))
    expect(hours).to_have_value(decimal_text(kind.hours, "nl"))
    assert "." not in hours.input_value()
    hours.fill("0,25")
    hours.press("Enter")
    expect(hours).to_have_value("0,25")

    budget = page.get_by_label(t("lab.budget", "nl"))
    budget.fill("1.5")  # a decimal point is understood too, and shown back with a comma
    budget.press("Enter")
    expect(budget).to_have_value("1,5")
    budget.fill("anderhalf")
    budget.press("Enter")
    expect(page.get_by_text("is geen getal")).to_be_visible()
    expect(budget).to_have_value("anderhalf")  # what was typed stays, to be corrected
    budget.fill("2,5")
    budget.press("Enter")
    expect(page.get_by_text("is geen getal")).to_have_count(0)
    expect(budget).to_have_value("2,5")

    # the fields hold numbers, not text: in English they read 0.25 and 2.5
    page.locator(".lmx-lang").get_by_text("English").click()
    expect(page.get_by_label(t("lab.hours_field", "en", kind="Reflection rhythm"))).to_have_value("0.25")
    expect(page.get_by_label(t("lab.budget", "en"))).to_have_value("2.5")
