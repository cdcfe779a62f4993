"""Retake the README and guide screenshots from the real app in headless Chromium.

At 1920x1080 in English and Dutch and at 1280x720 (the two projector sizes), plus
the start screen, the drawing, all charts and the Info panel at 1920x1080. Rerun
after a model change: the pictures show whatever the current model does.

Run:  uv run python docs/img/take_screenshots.py      (writes docs/img/app-*.png, about a minute)
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

HERE = Path(__file__).resolve().parent


def start_app(lang: str) -> tuple[subprocess.Popen, str]:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    proc = subprocess.Popen(
        [sys.executable, "-m", "lmxsim", "app", "--no-open", "--port", str(port), "--lang", lang],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    url = f"http://127.0.0.1:{port}/"
    for _ in range(240):
        try:
            urllib.request.urlopen(url, timeout=2)
            return proc, url
        except OSError:
            time.sleep(0.25)
    raise SystemExit("app did not start")


def step(page, label: str, weeks: int) -> None:
    button = page.get_by_role("button", name=label)
    for _ in range(weeks):
        week = int(page.locator(".lmx-week").inner_text().split()[-1])
        button.click()
        page.locator(".lmx-week").filter(has_text=re.compile(rf"^Week {week + 1}$")).wait_for()


def choose(page, field: str, option: str) -> None:
    page.locator(".v-select").filter(has_text=field).click()
    page.locator(".v-menu__content .v-list-item").filter(has_text=option).first.click()
    time.sleep(0.3)


WORDS = {
    "en": {
        "step": "Step one week",
        "intervene": "Intervene",
        "what": "What",
        "kind": "Role clarification",
        "apply": "Apply from next week",
        "twin": "Show the same team",
        "charts": "All charts",
        "info": "Info",
    },
    "nl": {
        "step": "Eén week verder",
        "intervene": "Ingrijpen",
        "what": "Wat",
        "kind": "Rolverheldering",
        "apply": "Toepassen vanaf volgende week",
        "twin": "Toon hetzelfde team",
        "charts": "Alle grafieken",
        "info": "Info",
    },
}


def shoot(lang: str, width: int, height: int, name: str, extras: bool = False) -> None:
    """One screenshot of the whole window (what the room sees), after the guide's first minutes:
    6 weeks, Role clarification for An, the twin on, 20 more weeks."""
    from playwright.sync_api import sync_playwright

    words = WORDS[lang]
    proc, url = start_app(lang)
    try:
        with sync_playwright() as pw:
            exe = shutil.which("chromium") or "/usr/bin/chromium"
            browser = pw.chromium.launch(
                executable_path=exe, headless=True, args=["--no-sandbox", "--disable-gpu"]
            )
            page = browser.new_page(viewport={"width": width, "height": height}, device_scale_factor=1)
            page.goto(url)
            page.get_by_role("button", name=words["step"]).wait_for(timeout=60_000)
            page.locator("#lmx-team .lmx-member").first.wait_for()
            time.sleep(1.0)
            if extras:  # what the room sees first: week 0, the story to read aloud
                page.screenshot(path=str(HERE / f"app-start-{lang}.png"))
            step(page, words["step"], 6)
            page.locator('#lmx-team [data-member="An"] circle').last.click()
            page.get_by_role("tab", name=words["intervene"]).click()
            choose(page, words["what"], words["kind"])
            page.get_by_role("button", name=words["apply"]).click()
            page.get_by_text(words["twin"]).click()
            page.locator("#lmx-twin").wait_for()
            step(page, words["step"], 20)
            time.sleep(1.0)
            page.screenshot(path=str(HERE / name))
            if extras:
                page.locator("#lmx-team").screenshot(path=str(HERE / "app-drawing.png"))
                page.get_by_role("button", name=words["charts"]).click()
                page.locator(".lmx-charts").first.wait_for()
                time.sleep(0.5)
                page.screenshot(path=str(HERE / f"app-charts-{lang}.png"))
                page.get_by_role("button", name=words["info"], exact=True).click()
                page.locator(".lmx-info h3").first.wait_for()
                time.sleep(0.5)
                page.screenshot(path=str(HERE / f"app-info-{lang}.png"))
            browser.close()
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(10)


if __name__ == "__main__":
    shoot("en", 1920, 1080, "app-workshop-en.png", extras=True)
    shoot("nl", 1920, 1080, "app-workshop-nl.png")
    shoot("en", 1280, 720, "app-workshop-en-1280x720.png")
    shoot("nl", 1280, 720, "app-workshop-nl-1280x720.png")
    print("\n".join(sorted(str(p.relative_to(HERE.parent.parent)) for p in HERE.glob("app-*.png"))))
