"""CI proof that a Solara app renders and works fully offline in a real browser.

Serves tests/browser/tiny_app.py with `python -m solara run` and checks, in headless
Chromium, that it renders, that a click round-trips through the kernel websocket, and that
no request failed or left the machine (the front-end assets must come from solara-assets).
"""

import sys
from pathlib import Path

TINY_APP = Path(__file__).with_name("tiny_app.py")


def test_tiny_solara_app_renders_and_works_offline(app_server, page):
    base_url = app_server(
        [
            sys.executable,
            "-m",
            "solara",
            "run",
            str(TINY_APP),
            "--host",
            "127.0.0.1",
            "--no-open",
            "--production",
            "--no-check-version",
        ],
        port_flag="--port",
        # what `lmxsim app` also forces: serve assets locally even in a VS Code terminal
        env={"SOLARA_ASSETS_PROXY": "true"},
    )

    page.goto(base_url + "/")
    button = page.get_by_role("button", name="Clicked 0 times")
    button.wait_for(state="visible", timeout=60_000)

    # raw SVG through solara.HTML, slider and matplotlib figure all rendered
    assert page.locator("#tiny-svg circle").count() == 1
    assert page.get_by_text("level is 3").is_visible()
    page.locator("img").first.wait_for(state="visible")

    button.click()
    page.get_by_role("button", name="Clicked 1 times").wait_for(state="visible")
    page.get_by_role("button", name="Clicked 1 times").click()
    page.get_by_role("button", name="Clicked 2 times").wait_for(state="visible")

    page.wait_for_load_state("networkidle")
    assert page.failed_requests == []
    assert page.external_requests == []
    assert page.console_errors == []
