"""The overview shows it is live (issue 24 req 6): its clock changes at every beat, in a real browser.

The facilitator's *updated* clock shows tenths of a second and is drawn again at every beat of the
overview (REFRESH_SECONDS), also when no participant did anything: before, the overview was skipped
at such a beat and its clock (whole seconds) stood still. The page is waited on, never slept on:
each change of the clock is awaited in the page itself.
"""

from __future__ import annotations

import re

import pytest
from workshop_app import serve_app, server_log

from lmxsim.app.room_facilitator import REFRESH_SECONDS

CLOCK = re.compile(r"^(updated|bijgewerkt) \d\d:\d\d:\d\d[.,]\d$")


@pytest.fixture(scope="module")
def room_url():
    yield from serve_app("--room", "--room-cap", "2")


@pytest.mark.slow
def test_the_overview_clock_moves_at_every_beat_of_an_idle_room(room_url, browser):
    key = re.search(r"/room\?key=([A-Za-z0-9_-]+)", server_log(room_url))
    assert key, server_log(room_url)
    context = browser.new_context(viewport={"width": 1280, "height": 720})
    context.set_default_timeout(60_000)
    page = context.new_page()
    page.goto(f"{room_url}room?key={key.group(1)}")
    clock = page.locator(".lmx-room-updated")
    clock.wait_for()
    shown = [clock.inner_text()]
    for _ in range(6):  # nobody joins: only the beat can change it
        page.wait_for_function(
            "t => { const c = document.querySelector('.lmx-room-updated'); return c && c.innerText !== t; }",
            arg=shown[-1],
        )
        shown.append(clock.inner_text())
    page.get_by_role("button", name="Nederlands").click()
    page.locator(".lmx-room-updated").filter(has_text="bijgewerkt").wait_for()
    shown.append(clock.inner_text())
    context.close()
    assert all(CLOCK.match(text) for text in shown), shown
    assert len(set(shown)) == len(shown), shown  # every beat a new time
    tenths = {text[-1] for text in shown[:7]}
    # twice a second: the tenths alternate between two digits half a second apart (a busy server
    # may shift the beat, never stop the clock)
    assert len(tenths) >= 2, (shown, REFRESH_SECONDS)
