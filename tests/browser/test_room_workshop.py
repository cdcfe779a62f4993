"""One app for the whole workshop (issue 24): the trainer's keyed page in a real browser.

A room started without `--scenario` (participants play the app's default preset). The
exercise form must show what Give will send and Give must change the participants'
exercise and nothing else: the trainer's own preset on the projector stays what the
trainer set, with its week, across tab switches. The debrief chart shows the room.
"""

from __future__ import annotations

import contextlib
import re

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout
from workshop_app import STEP, give_exercise, open_app, serve_app, server_log, take_new_exercise, wait_week

DEFAULT_TITLE = "Two equally able colleagues"  # the app's default preset (first-impression)
REBELS_TITLE = "A leader who values rebels"


@pytest.fixture(scope="module")
def room_url():
    yield from serve_app("--room", "--room-cap", "3")


def new_page(browser, width: int = 1280, height: int = 900):
    context = browser.new_context(viewport={"width": width, "height": height})
    context.set_default_timeout(30_000)
    return context.new_page()


def trainer_page(browser, url: str):
    key = re.search(r"/room\?key=([A-Za-z0-9_-]+)", server_log(url))
    assert key, server_log(url)
    page = new_page(browser)
    page.goto(f"{url}room?key={key.group(1)}")
    page.get_by_text("connected").first.wait_for(timeout=60_000)
    return page


def participant_story(page, title: str) -> str:
    """The title in the participant's story tab, once it shows `title` (or the timeout says what it shows)."""
    label = page.locator(".lmx-exercise-title")
    for _ in range(3):  # a click that reached the tab of the page being replaced is lost: click again
        page.get_by_role("tab", name="Your exercise").click()
        with contextlib.suppress(PlaywrightTimeout):  # the assertion after the loop says what it shows
            label.filter(has_text=title).wait_for(timeout=5_000)
            break
    return label.inner_text()


def choose(page, label: str, title_part: str, inside=None) -> None:
    """Pick a preset in a select. The menu opens at the end of the document, outside the select; a
    menu opened before on another tab may still be there (take the visible one), and a click that
    reaches the select while the live page redraws may not open it (click again)."""
    items = page.locator(".v-menu__content .v-list-item").filter(has_text=title_part).filter(visible=True)
    for _ in range(4):
        (inside or page).locator(".v-select").filter(has_text=label).last.click()
        with contextlib.suppress(PlaywrightTimeout):
            items.first.wait_for(timeout=3_000)
            break
    items.first.click()


def demo_week(trainer) -> str:
    return trainer.locator(".lmx-room-demo .lmx-week").inner_text()


@pytest.mark.slow  # a long browser run: the full suite runs it, the quick loop does not
def test_give_changes_the_exercise_and_nothing_else(room_url, browser):
    trainer = trainer_page(browser, room_url)
    participant = new_page(browser)
    open_app(participant, room_url)
    assert DEFAULT_TITLE in participant_story(participant, DEFAULT_TITLE)

    # the form shows what the room plays now, and says what Give will send
    trainer.get_by_role("tab", name="Exercise").click()
    assert DEFAULT_TITLE in trainer.locator(".v-select").filter(has_text="Scenario").inner_text()
    assert DEFAULT_TITLE in trainer.locator(".lmx-will-send").inner_text()

    # the trainer plays another preset on the projector, two weeks in
    trainer.get_by_role("tab", name="A preset on the projector").click()
    demo = trainer.locator(".lmx-room-demo")
    demo.get_by_role("tab", name="Scenario").click()
    choose(trainer, "Scenario", "Favourites", inside=demo)
    demo.locator(".lmx-story[data-scenario='favouritism']").wait_for()
    for week in (1, 2):
        demo.get_by_role("button", name=STEP).click()
        demo.locator(".lmx-week").filter(has_text=f"Week {week}").wait_for()

    # Give, unchanged: the participants keep their preset, the projector keeps its own
    give_exercise(trainer, 2)
    take_new_exercise(participant, 2)
    assert DEFAULT_TITLE in participant_story(participant, DEFAULT_TITLE)
    trainer.get_by_role("tab", name="A preset on the projector").click()
    assert demo_week(trainer) == "Week 2"
    assert demo.locator(".lmx-story[data-scenario='favouritism']").count() == 1

    # Give another preset: exactly that reaches the participants, the projector still unchanged
    trainer.get_by_role("tab", name="Exercise").click()
    choose(trainer, "Scenario", "rebels", inside=trainer.locator(".lmx-card").filter(has_text="Give this"))
    trainer.locator(".lmx-will-send").filter(has_text=REBELS_TITLE).wait_for()
    give_exercise(trainer, 3)
    take_new_exercise(participant, 3)
    assert REBELS_TITLE in participant_story(participant, REBELS_TITLE)
    trainer.get_by_role("tab", name="A preset on the projector").click()
    assert demo_week(trainer) == "Week 2"
    assert demo.locator(".lmx-story[data-scenario='favouritism']").count() == 1

    # the overview and back: the demo keeps its week; the debrief shows the participant's run
    participant.get_by_role("button", name=STEP).click()
    wait_week(participant, 1)
    trainer.get_by_role("tab", name="Overview").click()
    trainer.locator("tr[data-seat]").first.wait_for()
    trainer.get_by_role("tab", name="Debrief").click()
    trainer.locator(".lmx-debrief-svg g[data-seat]").first.wait_for(timeout=15_000)
    trainer.get_by_role("tab", name="A preset on the projector").click()
    assert demo_week(trainer) == "Week 2"
    assert "Traceback" not in server_log(room_url)
    participant.context.close()
    trainer.context.close()
