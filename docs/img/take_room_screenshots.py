"""Screenshots of the facilitator's page with ten simulated participants (docs/img/room-*.png).

The participants are the server-only websocket clients of benchmarks/bench_room.py: each plays
the whole exercise and tries one intervention at a week of its own; then the facilitator's page
is opened in headless Chromium and photographed (the overview, and one participant on the
projector).

Run:  uv run python docs/img/take_room_screenshots.py
"""

from __future__ import annotations

import asyncio
import shutil
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1] / "benchmarks"))

import bench_room  # noqa: E402

PARTICIPANTS = 10


async def fill_the_room(server: bench_room.Server, photograph) -> None:
    """Ten participants play to the end (two stop halfway), stay connected while `photograph` runs."""
    kinds = bench_room.intervention_titles()
    stay = asyncio.Event()
    tables = [
        asyncio.create_task(
            bench_room.participant(
                server.url, i + 1, 26 if i < 8 else 13, (0.0, 0.0), 0.3, [kinds[i % len(kinds)]], stay
            )
        )
        for i in range(PARTICIPANTS)
    ]
    while (
        sum(1 for week in (await asyncio.to_thread(server.stats))["weeks"] if week in (13, 26)) < PARTICIPANTS
    ):
        await asyncio.sleep(1.0)
    await asyncio.to_thread(photograph)
    stay.set()
    await asyncio.gather(*tables)


def main() -> None:
    server = bench_room.Server(40)
    try:
        asyncio.run(fill_the_room(server, lambda: photograph(server)))
    finally:
        server.stop()
    print("wrote", HERE / "room-overview-en.png", "and", HERE / "room-projector-en.png")


def photograph(server: bench_room.Server) -> None:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(
            executable_path=shutil.which("chromium") or "/usr/bin/chromium",
            headless=True,
            args=["--no-sandbox", "--disable-gpu"],
        )
        page = browser.new_page(viewport={"width": 1920, "height": 1750})
        page.goto(f"{server.url}/room?key={server.key}")
        page.get_by_text("reached the last week").wait_for(timeout=60_000)
        page.locator(".lmx-room-figure").wait_for(timeout=60_000)
        time.sleep(1.5)
        page.screenshot(path=str(HERE / "room-overview-en.png"), full_page=True)
        page.locator(".lmx-room-show").nth(2).click()
        page.locator("#lmx-room-drawing").wait_for(state="attached")
        time.sleep(1.0)
        page.set_viewport_size({"width": 1920, "height": 1080})
        page.screenshot(path=str(HERE / "room-projector-en.png"))
        browser.close()


if __name__ == "__main__":
    main()
