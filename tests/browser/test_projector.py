"""The workshop on a projector, in a real browser: one screen, nothing stale, no traceback.

Sizes are the two projector resolutions a trainer meets (1920x1080 and 1280x720,
zoom 100%). Each test opens its own session on the module's `lmxsim app` server.
"""

from __future__ import annotations

import re
import time

import pytest
from workshop_app import STEP, clean, eventually, open_app, serve_app, server_log, wait_week, week_label

SIZES = [(1920, 1080), (1280, 720)]


@pytest.fixture(scope="module")
def app_url():
    yield from serve_app()


@pytest.fixture
def sized_page(browser, request):
    """A page at (width, height) = request.param, with the same problem recording as `page`."""
    width, height = request.param
    context = browser.new_context(viewport={"width": width, "height": height})
    context.set_default_timeout(30_000)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda err: errors.append(str(err)))
    page.errors = errors
    yield page
    context.close()


def box_inside(page, locator, name: str) -> dict:
    """The element's box; fails unless it lies wholly inside the window (no scrolling needed).

    An element the page re-renders between the wait and the measurement (a weekly redraw
    replaces the drawing) has no box for a moment: it is measured again, for up to 5 s."""
    deadline = time.monotonic() + 5
    while True:
        locator.wait_for()
        box = locator.bounding_box()
        if box is not None or time.monotonic() > deadline:
            break
        time.sleep(0.2)
    size = page.viewport_size
    assert box is not None, f"{name} is not displayed"
    assert box["x"] >= 0 and box["y"] >= 0, f"{name} starts outside the window: {box}"
    assert box["x"] + box["width"] <= size["width"] + 1, f"{name} runs off the right edge: {box}"
    assert box["y"] + box["height"] <= size["height"] + 1, f"{name} is below the fold: {box} in {size}"
    return box


def no_page_scroll(page) -> None:
    heights = page.evaluate("[document.documentElement.scrollHeight, window.innerHeight]")
    assert heights[0] <= heights[1] + 1, f"the page scrolls: content {heights[0]} px, window {heights[1]} px"


def assert_one_screen(page, twin: bool) -> None:
    no_page_scroll(page)
    size = page.viewport_size
    drawing = box_inside(page, page.locator("#lmx-team"), "the team drawing")
    if twin:
        other = box_inside(page, page.locator("#lmx-twin"), "the twin drawing")
        assert abs(other["y"] - drawing["y"]) < 2, "the twin pair is not side by side"
    else:  # large enough for the back row: at least 45% of the window's height
        assert drawing["height"] >= 0.45 * size["height"], drawing
    box_inside(page, page.locator(".lmx-person-chart svg"), "the selected person's chart")
    for label in ("Step one week", "Play", "Start again"):
        box_inside(page, page.get_by_role("button", name=label, exact=True), f"the {label} button")
    speed = box_inside(page, page.locator('[data-knob="speed"] .v-slider'), "the speed slider")
    assert speed["width"] >= 150, f"the speed slider is squeezed: {speed}"
    box_inside(page, page.locator(".lmx-log-line").first, "the newest narration line")
    for tab in ("Scenario", "Intervene", "Settings"):
        box_inside(page, page.get_by_role("tab", name=tab), f"the {tab} tab")
    box_inside(page, page.get_by_role("button", name="All charts"), "the All charts switch")
    assert page.get_by_text("runs on Solara").count() == 0  # the badge would cover the narration


@pytest.mark.parametrize("sized_page", SIZES, indirect=True, ids=["1920x1080", "1280x720"])
def test_one_screen_shows_drawing_person_chart_controls_and_narration(app_url, sized_page):
    page = open_app(sized_page, app_url)
    for week in (1, 2, 3, 4):
        page.get_by_role("button", name=STEP).click()
        wait_week(page, week)
    page.locator(".lmx-log-line").first.wait_for()
    assert_one_screen(page, twin=False)
    page.get_by_text("Show the same team without interventions").click()
    page.locator("#lmx-twin").wait_for()
    assert_one_screen(page, twin=True)
    page.get_by_role("tab", name="Intervene").click()  # the control in use is on screen too
    box_inside(page, page.get_by_role("button", name="Apply from next week"), "Apply")
    no_page_scroll(page)
    assert page.errors == []


@pytest.mark.parametrize("sized_page", [(1280, 720)], indirect=True, ids=["1280x720"])
def test_dutch_at_the_small_size_still_fits(app_url, sized_page):
    page = open_app(sized_page, app_url)
    page.get_by_role("button", name="Nederlands").click()
    page.get_by_role("button", name="Eén week verder").click()
    wait_week(page, 1)
    no_page_scroll(page)
    box_inside(page, page.locator(".lmx-narration"), "the narration")
    box_inside(page, page.locator("#lmx-team"), "the team drawing")
    speed = box_inside(page, page.locator('[data-knob="speed"] .v-slider'), "the speed slider")
    assert speed["width"] >= 150, speed
    box_inside(page, page.get_by_role("button", name="Opnieuw beginnen"), "Opnieuw beginnen")


@pytest.mark.parametrize("sized_page", [(1920, 1080)], indirect=True, ids=["1920x1080"])
def test_presenter_option_enlarges_the_type(app_url, sized_page):
    page = open_app(sized_page, app_url)

    def font_px(selector: str) -> float:
        return float(page.eval_on_selector(selector, "e => getComputedStyle(e).fontSize").rstrip("px"))

    normal = font_px(".lmx-story")
    open_app(page, app_url, "?present=1")
    page.locator(".lmx-present").wait_for()
    assert font_px(".lmx-story") > normal * 1.1
    no_page_scroll(page)


def choose_scenario(page, title_part: str) -> None:
    page.get_by_role("tab", name="Scenario").click()
    page.locator(".v-select").filter(has_text="Scenario").click()
    page.locator(".v-menu__content .v-list-item").filter(has_text=title_part).first.click()


def test_switching_scenario_leaves_nothing_of_the_old_one(app_url, page):
    open_app(page, app_url)
    story = page.locator(".lmx-story")
    old_scenario = story.get_attribute("data-scenario")
    old_story = story.inner_text()
    page.get_by_role("button", name=STEP).click()
    wait_week(page, 1)
    page.get_by_role("tab", name="Intervene").click()
    page.get_by_role("button", name="Apply from next week").click()
    page.get_by_text("starts in week 2").wait_for()
    page.get_by_text("Show the same team without interventions").click()
    page.locator("#lmx-twin").wait_for()

    choose_scenario(page, "Favourites")
    page.get_by_role("tab", name="Scenario").click()
    eventually(lambda: story.get_attribute("data-scenario") not in (None, old_scenario))
    assert story.inner_text() != old_story  # the story to read aloud is the new scenario's
    wait_week(page, 0)
    page.get_by_role("tab", name="Intervene").click()
    page.get_by_text("None yet.").wait_for()  # no interventions carried over
    assert page.get_by_text("starts in week").count() == 0  # nor the message about one
    assert page.locator(".lmx-mark").count() == 0
    team = sorted(page.locator("#lmx-team .lmx-member").evaluate_all("e => e.map(m => m.dataset.member)"))
    twin = sorted(page.locator("#lmx-twin .lmx-member").evaluate_all("e => e.map(m => m.dataset.member)"))
    assert team == twin  # the twin is the new scenario's team, at week 0 too
    assert page.locator(".lmx-log-line").count() == 0  # the narration starts afresh
    clean(page)


def test_an_error_banner_clears_on_the_next_action_that_works(app_url, page, drop_file):
    open_app(page, app_url)
    page.get_by_role("tab", name="Settings").click()
    page.locator(".solara-file-drop").wait_for()
    drop_file(page, "bad-team.csv", "name,closeness\nKim,lots\n")
    banner = page.get_by_text("Could not use bad-team.csv")
    banner.wait_for()
    page.get_by_role("button", name=STEP).click()
    wait_week(page, 1)
    banner.wait_for(state="detached")
    clean(page)


def test_play_stops_at_the_scenarios_last_week_and_says_so(app_url, page):
    open_app(page, app_url)
    last = int(page.locator(".lmx-play").get_by_text("of ").inner_text().split()[-1])
    slider = page.locator('[data-knob="speed"] .v-slider')
    box = slider.bounding_box()
    page.mouse.click(box["x"] + box["width"] - 2, box["y"] + box["height"] / 2)  # fastest
    page.locator('[data-knob="speed"] .lmx-knob-value').filter(has_text="10").wait_for()
    page.get_by_role("button", name="Play").click()
    page.get_by_text(f"Week {last} is the last week of this scenario").wait_for(timeout=60_000)
    assert week_label(page).inner_text() == f"Week {last}"
    time.sleep(1.0)
    assert week_label(page).inner_text() == f"Week {last}"  # stopped, not running on
    assert page.get_by_role("button", name="Play").is_disabled()
    assert page.get_by_role("button", name=STEP).is_disabled()
    page.get_by_role("button", name="Start again").click()
    wait_week(page, 0)
    eventually(lambda: page.get_by_role("button", name="Play").is_enabled())
    clean(page)


# 1,000 clicks on Play/Pause, Step and Start again in bursts of 20 every 10 ms (about 0.6 s),
# so Play's thread steps the model while clicks rebuild it: the race of issue 17.
CLICK_STORM = """
async (count) => {
  const buttons = () => [...document.querySelectorAll('.lmx-play button')];
  const started = performance.now();
  let done = 0;
  while (done < count) {
    const now = buttons();
    for (let k = 0; k < 20 && done < count; k++, done++) now[(done * 7 + k) % now.length].click();
    await new Promise(resolve => setTimeout(resolve, 10));
  }
  return [buttons().length, performance.now() - started];
}
"""
FAILURE_WORDS = ("Traceback", "raised exception", "Too many renders", "IndexError")


def settle(page, quiet: float = 3.0, timeout: float = 120.0) -> None:
    """Wait until the week shown has not changed for `quiet` seconds (the click backlog is done)."""
    deadline, last, since = time.monotonic() + timeout, None, time.monotonic()
    while time.monotonic() < deadline:
        shown = week_label(page).first.inner_text()
        if shown != last:
            last, since = shown, time.monotonic()
        elif time.monotonic() - since >= quiet:
            return
        time.sleep(0.3)
    raise AssertionError(f"the app was still changing weeks after {timeout} s of quiet wait")


@pytest.mark.slow  # 2 x 1,000 clicks and the server's backlog: about 40 s
def test_a_click_storm_leaves_a_working_page_and_no_traceback(app_url, page):
    open_app(page, app_url)
    log_before = len(server_log(app_url))
    for _ in range(2):
        found, _took_ms = page.evaluate(CLICK_STORM, 1000)
        assert found == 3, "Step, Play/Pause and Start again"
        settle(page)  # let the server work through every click, however busy the machine is
    body = page.locator("body").inner_text()
    assert not any(word in body for word in FAILURE_WORDS), body[:2000]
    assert page.get_by_text("Something went wrong").count() == 0  # not even the last-resort view
    new_log = server_log(app_url)[log_before:]
    assert not any(word in new_log for word in FAILURE_WORDS), new_log[-3000:]
    # still a working page: it stops, starts again and steps
    pause = page.get_by_role("button", name="Pause")
    if pause.count():
        pause.click()
    page.get_by_role("button", name="Play").wait_for()
    page.get_by_role("button", name="Start again").click()
    wait_week(page, 0)
    page.get_by_role("button", name=STEP).click()
    wait_week(page, 1)
    assert page.locator("#lmx-team .lmx-member").count() >= 2
    clean(page)


def test_the_drop_zone_opens_a_file_picker(app_url, page, tmp_path):
    open_app(page, app_url)
    page.get_by_role("tab", name="Settings").click()
    team = tmp_path / "my-team.csv"
    team.write_text("name,closeness\nKim,0.8\nJo,0.3\nAli,0.5\n")
    with page.expect_file_chooser() as chooser:
        page.locator(".lmx-file-drop").click()
    chooser.value.set_files(str(team))
    page.get_by_text("Loaded my-team.csv").wait_for()
    eventually(lambda: page.locator("#lmx-team .lmx-member").count() == 3)
    clean(page)


def test_the_info_panel_is_one_click_away(app_url, page):
    open_app(page, app_url)
    page.get_by_role("button", name="Info", exact=True).click()
    page.locator(".lmx-info h3").first.wait_for()
    page.locator(".lmx-info").get_by_text("Things to notice", exact=False).first.wait_for()
    page.get_by_role("button", name="Nederlands").click()
    page.locator(".lmx-info").get_by_text("Waar moet je op letten", exact=False).first.wait_for()
    clean(page)


def test_every_knob_shows_its_value_its_ends_and_an_explanation(app_url, page):
    open_app(page, app_url)
    page.get_by_role("button", name="Nederlands").click()
    page.get_by_role("tab", name="Instellingen").click()
    knobs = page.locator(".lmx-tab-body [data-knob]")
    knobs.first.wait_for()
    assert knobs.count() == 5  # four model knobs and the team size
    for i in range(knobs.count()):
        knob = knobs.nth(i)
        assert knob.get_attribute("title"), "an explanation on hover"
        value = knob.locator(".lmx-knob-value").inner_text()
        assert re.fullmatch(r"\d+(,\d\d)?", value), value  # always shown, decimal comma in Dutch
        ends = knob.locator(".lmx-knob-ends span").all_inner_texts()
        assert len(ends) == 2 and all(ends) and ends[0] != ends[1], ends
    clean(page)
