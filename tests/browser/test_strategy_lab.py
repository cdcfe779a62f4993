"""The strategy lab in a real browser: enter a small team (names, a dragged circle), pick two
strategies, run, see the comparison, export; bad pasted or dropped team files only give a message.

Serves tests/browser/strategy_lab_page.py (just `StrategyLab(lang="en")`) with `solara run`,
offline, and drives it with headless Chromium.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from lab_server import open_lab, serve_lab
from playwright.sync_api import TimeoutError as PlaywrightTimeout
from playwright.sync_api import expect


def _download(page, label: str) -> bytes:
    with page.expect_download() as info:
        page.get_by_role("button", name=label).click()
    return Path(info.value.path()).read_bytes()


def _type_name(page, field, text: str) -> None:
    """Type a name and commit it (Enter); retried if a re-render replaced the input meanwhile."""
    for _ in range(3):
        field.fill(text)
        field.press("Enter", timeout=5_000)
        try:
            page.locator(".lab-team-svg title", has_text=text).wait_for(state="attached", timeout=5_000)
            return
        except PlaywrightTimeout:
            continue
    raise AssertionError(f"the name {text!r} never reached the team")


def _click_once_rendered(button) -> None:
    """Click a button once exactly one is on the page: while a re-render swaps the old row of
    buttons for the new one, both can be there for a moment (a strict-mode error on a busy machine)."""
    expect(button).to_have_count(1)
    button.click()


@pytest.mark.slow  # long browser run: the full suite (CI) runs it, the quick loop does not
def test_enter_team_pick_two_strategies_run_see_and_export(app_server, page, drop_file):
    base_url = serve_lab(app_server)
    run = open_lab(page, base_url)
    expect(run).to_have_count(1)

    # --- a small team: remove one person, add one and name her
    people = page.locator(".lab-person")
    expect(people).to_have_count(4)
    _click_once_rendered(page.get_by_role("button", name="Remove Lotte", exact=True))
    expect(people).to_have_count(3)
    _click_once_rendered(page.get_by_role("button", name="Add person", exact=True))
    expect(people).to_have_count(4)
    name = people.nth(3).locator("input[type=text]").first
    expect(name).to_have_value("Person 4")  # the new row has rendered (the kernel answered)
    _type_name(page, name, "Noor")
    assert page.locator(".lab-team-svg title", has_text="Lotte").count() == 0
    expect(people.nth(2).locator("input[type=text]").first).to_have_value("Sam")

    # drag Sam's circle to the leader in the centre: closeness 1
    sam = page.locator(".lab-person-dot[data-member='Sam'] circle").bounding_box()
    drawing = page.locator(".lab-team-svg").bounding_box()
    page.mouse.move(sam["x"] + sam["width"] / 2, sam["y"] + sam["height"] / 2)
    page.mouse.down()
    page.mouse.move(drawing["x"] + drawing["width"] / 2, drawing["y"] + drawing["height"] / 2, steps=5)
    page.mouse.up()
    expect(people.nth(2)).to_contain_text("Closeness 1.00")
    expect(people.nth(0)).to_contain_text("Closeness 0.35")  # the others stay where they were

    # a bad pasted team gives one readable message and keeps the team
    page.locator("textarea").fill("date,amount\n2024-01-01,12\n")
    page.get_by_role("button", name="Use pasted team").click()
    page.get_by_text("not a team file").wait_for()
    assert page.get_by_text("unchanged").count() >= 1
    assert people.count() == 4

    # --- two strategies, few replications
    page.get_by_text("Weekly one-on-ones with the out-group").click()
    page.get_by_text("Re-open role-taking with everyone").click()
    replications = page.get_by_label("Replications (simulated years)")
    replications.fill("40")
    replications.press("Enter")
    run.click()

    # --- the comparison
    conclusions = page.locator(".lab-conclusions")
    conclusions.wait_for(timeout=120_000)
    text = conclusions.inner_text()
    assert "Weekly one-on-ones with the out-group" in text and "Re-open role-taking with everyone" in text
    assert "95% CI" in text
    assert page.locator(".lab-ran").inner_text().startswith("3 strategies x 40 replications")
    gains = page.locator(".lab-gains")
    assert "Noor" in gains.inner_text() and "Lotte" not in gains.inner_text()
    assert page.locator(".lab-outcomes tr").count() >= 2 * 3
    page.locator("img").first.wait_for(state="visible")

    # --- export
    summary = _download(page, "summary.csv").decode()
    assert summary.splitlines()[0].startswith("strategy,title,week,measure")
    assert "reopen-role-taking" in summary
    assert _download(page, "outcomes.png")[:8] == b"\x89PNG\r\n\x1a\n"
    assert "Noor" in _download(page, "Save team (CSV)").decode()

    # a bad dropped file: a message naming row and field, the team and the result stay
    drop_file(page, "bad-team.csv", "name,closeness\nKim,lots\n")
    page.get_by_text("line 2 (Kim): closeness = 'lots' is not a number").wait_for()
    assert people.count() == 4 and conclusions.is_visible()
    # a good one replaces the team; the shown result is marked as out of date
    drop_file(page, "team.csv", "name,closeness\nKim,0.8\nJo,0.3\n")
    page.locator(".lab-team-svg title", has_text="Kim").wait_for(state="attached")
    expect(people).to_have_count(2)
    page.get_by_text("changed after this run").wait_for()

    page.wait_for_load_state("networkidle")
    assert page.problems() == []

    # another browser session gets its own lab: the team edited above is not shared
    other = page.context.browser.new_context().new_page()
    try:
        other.goto(base_url + "/")
        other.locator(".lab-team-svg title", has_text="Lotte").wait_for(state="attached", timeout=60_000)
        assert other.locator(".lab-team-svg title", has_text="Noor").count() == 0
    finally:
        other.context.close()
