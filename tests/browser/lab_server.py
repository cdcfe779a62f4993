"""Helpers for the strategy lab's browser tests: the lab alone (strategy_lab_page.py), served
offline by `solara run`, and the page opened once the lab listens."""

from __future__ import annotations

import sys
from pathlib import Path

PAGE = Path(__file__).with_name("strategy_lab_page.py")
COMPARE = "Compare strategies"


def serve_lab(app_server) -> str:
    """Start a server for the lab page (the `app_server` fixture stops it); its base URL."""
    return app_server(
        [sys.executable, "-m", "solara", "run", str(PAGE), "--host", "127.0.0.1", "--no-open", "--production",
         "--no-check-version"],
        port_flag="--port",
        env={"SOLARA_ASSETS_PROXY": "true"},
    )  # fmt: skip


def open_lab(page, base_url: str):
    """Open the lab and wait until it listens; returns the Compare button.

    The first paint comes before the kernel listens: a click right away can be lost."""
    page.goto(base_url + "/")
    run = page.get_by_role("button", name=COMPARE)
    run.wait_for(state="visible", timeout=60_000)
    page.wait_for_load_state("networkidle")
    return run
