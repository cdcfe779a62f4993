"""Take the README and guide screenshots from the real app in headless Chromium.

Run:  uv run python docs/img/take_screenshots.py      (writes docs/img/app-*.png)
"""

from __future__ import annotations

import os
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
        page.locator(".lmx-week").filter(has_text=f"Week {week + 1}").wait_for()


def choose(page, field: str, option: str) -> None:
    page.locator(".v-select").filter(has_text=field).click()
    page.locator(".v-menu__content .v-list-item").filter(has_text=option).first.click()
    time.sleep(0.3)


def shoot(lang: str) -> None:
    from playwright.sync_api import sync_playwright

    words = {
        "en": ("Step one week", "What", "Role clarification", "Apply from next week", "Show the same team"),
        "nl": (
            "Eén week verder",
            "Wat",
            "Rolverheldering",
            "Toepassen vanaf volgende week",
            "Toon hetzelfde team",
        ),
    }[lang]
    proc, url = start_app(lang)
    try:
        with sync_playwright() as pw:
            exe = shutil.which("chromium") or "/usr/bin/chromium"
            browser = pw.chromium.launch(
                executable_path=exe, headless=True, args=["--no-sandbox", "--disable-gpu"]
            )
            page = browser.new_page(viewport={"width": 1600, "height": 1000}, device_scale_factor=1)
            page.goto(url)
            page.get_by_role("button", name=words[0]).wait_for(timeout=60_000)
            step(page, words[0], 6)
            page.locator('#lmx-team [data-member="An"] circle').last.click()
            choose(page, words[1], words[2])
            page.get_by_role("button", name=words[3]).click()
            if lang == "nl":
                page.get_by_text(words[4]).click()
                page.locator("#lmx-twin").wait_for()
            step(page, words[0], 20)
            time.sleep(1.0)
            page.set_viewport_size({"width": 1600, "height": 2000})
            time.sleep(0.5)
            height = page.evaluate("document.querySelector('.lmx-app').scrollHeight") + 40
            page.set_viewport_size({"width": 1600, "height": int(height)})
            time.sleep(0.5)
            page.screenshot(path=str(HERE / f"app-workshop-{lang}.png"))
            if lang == "en":
                page.locator("#lmx-team").screenshot(path=str(HERE / "app-drawing.png"))
                page.locator(".lmx-charts").first.screenshot(path=str(HERE / "app-member-charts.png"))
                page.locator(".lmx-charts").nth(1).screenshot(path=str(HERE / "app-team-charts.png"))
            browser.close()
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(10)


if __name__ == "__main__":
    for language in ("en", "nl"):
        shoot(language)
    print("\n".join(sorted(str(p.relative_to(HERE.parent.parent)) for p in HERE.glob("app-*.png"))))
