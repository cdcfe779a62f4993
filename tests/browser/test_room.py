"""The room in a real browser: two participants and the facilitator, each their own context.

One `lmxsim app --room --room-cap 2` server on a free loopback port. Checks that the
facilitator key is needed, that nothing of one participant reaches the other's page
(neither on screen nor in any websocket frame), that participants never see the
facilitator's controls, and that the overview, the projector, a changed exercise and
a full room each do what the trainer expects.
"""

from __future__ import annotations

import re

import pytest
from workshop_app import (
    STEP,
    eventually,
    give_exercise,
    open_app,
    serve_app,
    server_log,
    take_new_exercise,
    wait_week,
)

FACILITATOR_WORDS = ("Give this exercise to the room", "Overview", "Download the room", "room?key=")


@pytest.fixture(scope="module")
def room_url():
    yield from serve_app("--room", "--room-cap", "2")


def facilitator_key(url: str) -> str:
    found = re.search(r"/room\?key=([A-Za-z0-9_-]+)", server_log(url))
    assert found, server_log(url)
    return found.group(1)


def record_frames(page) -> list[str]:
    """Every websocket frame the page receives (what the server sent to this participant)."""
    frames: list[str] = []
    page.on("websocket", lambda ws: ws.on("framereceived", lambda frame: frames.append(str(frame))))
    return frames


def new_page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.set_default_timeout(30_000)
    return context.new_page()


def name_table(page, name: str) -> None:
    field = page.get_by_label("Table name or nickname")
    field.fill(name)
    field.press("Enter")


def overview_row(page, name: str):
    return page.locator("tr[data-seat]").filter(has_text=name)


def test_wrong_or_missing_key_is_refused(room_url, browser):
    page = new_page(browser)
    for query in ("room", "room?key=", "room?key=not-the-key"):
        page.goto(room_url + query)
        page.get_by_text("This page is for the trainer").wait_for(timeout=60_000)
        assert page.get_by_text("Give this exercise to the room").count() == 0
        assert page.locator("tr[data-seat]").count() == 0
    page.context.close()


@pytest.mark.slow  # long browser run: the full suite (CI) runs it, the quick loop does not
def test_two_participants_and_the_facilitator(room_url, browser):
    key = facilitator_key(room_url)
    trainer = new_page(browser)
    trainer.goto(f"{room_url}room?key={key}")
    trainer.get_by_text("of 2 connected").wait_for(timeout=60_000)

    alice, bob = new_page(browser), new_page(browser)
    alice_frames, bob_frames = record_frames(alice), record_frames(bob)
    open_app(alice, room_url)
    open_app(bob, room_url)
    name_table(alice, "Table Apple")
    name_table(bob, "Table Birch")

    alice.get_by_role("button", name=STEP).click()
    wait_week(alice, 1)
    alice.get_by_role("tab", name="Intervene").click()
    alice.locator("#lmx-team [data-member='An'] circle").last.click()
    alice.get_by_role("button", name="Apply from next week").click()
    alice.locator(".lmx-plan").filter(has_text="Week 2").filter(has_text="An").wait_for()
    for week in (2, 3):
        alice.get_by_role("button", name=STEP).click()
        wait_week(alice, week)
    for week in range(1, 6):
        bob.get_by_role("button", name=STEP).click()
        wait_week(bob, week)

    # the facilitator sees both, live: who, how far, what was tried, and the outcome vs the twin
    trainer.get_by_text("2 of 2 connected").wait_for()
    overview_row(trainer, "Table Apple").filter(has_text="3/26").filter(has_text="Team map").wait_for()
    overview_row(trainer, "Table Birch").filter(has_text="5/26").filter(has_text="None yet").wait_for()

    # a third participant finds the room full; the server keeps serving everyone else
    late = new_page(browser)
    late.goto(room_url)
    late.get_by_text("The room is full").wait_for(timeout=60_000)
    assert late.get_by_role("button", name=STEP).count() == 0
    late.context.close()

    # nothing of one participant reaches the other: not on screen, not in any frame sent to them
    for page, frames, other in ((alice, alice_frames, "Table Birch"), (bob, bob_frames, "Table Apple")):
        assert other not in page.inner_text("body")
        assert frames, "no websocket frames recorded"
        assert not any(other in frame for frame in frames)
        body = page.inner_text("body")
        for word in FACILITATOR_WORDS:
            assert word not in body
        assert not any(key in frame for frame in frames)
        assert page.get_by_role("tab", name="Scenario").count() == 0  # the exercise is the trainer's
        assert page.get_by_role("tab", name="Settings").count() == 0
    assert "Team map → An" not in " ".join(bob_frames)  # Apple's intervention stays with Apple

    # one click puts a participant's drawing and charts on the projector
    trainer.locator(".lmx-room-show").filter(has_text="Table Apple").click()
    trainer.get_by_text("Table Apple's team").wait_for()
    trainer.locator("#lmx-room-drawing [data-member='An']").wait_for(state="attached")
    trainer.locator(".lmx-charts").first.wait_for()

    # in present mode the participant's run reads from the back row as the trainer's own preset does
    def projected_names_px() -> float:
        return min(
            trainer.eval_on_selector_all(
                "#lmx-room-drawing [data-member] text",
                "els => els.map(e => parseFloat(e.getAttribute('font-size')) * e.getScreenCTM().a)",
            )
        )

    before = projected_names_px()
    trainer.get_by_label("Large text").click(force=True)  # the switch ("Large text", present mode)
    trainer.locator(".lmx-present").wait_for()
    # larger than the projector's normal type, and at least the back row's 18 px at 1280 wide
    eventually(lambda: projected_names_px() >= max(18, 1.2 * before))
    trainer.get_by_label("Large text").click(force=True)  # the switch ("Large text", present mode)
    trainer.get_by_role("button", name="Back to the room").click()

    # a new exercise: participants already playing are told, and can take it
    give_exercise(trainer, 2)
    take_new_exercise(alice, 2)
    bob.get_by_text("The trainer has set a new exercise").wait_for(timeout=15_000)  # told too, not switched
    assert bob.locator(".lmx-week").inner_text() == "Week 5"

    # a closed tab is no longer connected, but its results stay in the room
    bob.context.close()
    trainer.get_by_role("tab", name="Overview").click()
    trainer.get_by_text("1 of 2 connected").wait_for(timeout=20_000)
    eventually(lambda: "Table Birch" in trainer.inner_text("body"))
    assert "○ Table Birch" in overview_row(trainer, "Table Birch").inner_text()
    assert "Traceback" not in server_log(room_url)
    alice.context.close()
    trainer.context.close()
