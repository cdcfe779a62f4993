"""The workshop app from the installed wheel, in a real browser: both tabs render, no traceback.

The page's widgets arrive over a websocket after the first HTML, so only a browser sees a
traceback there (the issue's ConfigError showed up exactly so). Uses the wheel installed by
the `installed_wheel` fixture (tests/conftest.py), started from an empty directory.
"""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow
TRACEBACK = "Traceback (most recent call last)"


def test_installed_app_shows_the_workshop_and_the_packaged_example_team(
    installed_wheel, app_server, page, tmp_path
):
    empty = tmp_path / "empty"
    empty.mkdir()
    url = app_server([installed_wheel / "lmxsim", "app", "--no-open"], port_flag="--port", cwd=empty)
    page.goto(url + "/")
    page.get_by_role("button", name="Step one week").wait_for(state="visible", timeout=120_000)
    page.get_by_role("tab", name="Strategy lab").click()
    page.get_by_role("button", name="Load example team").click()
    page.get_by_text("example.toml").first.wait_for(timeout=60_000)
    assert TRACEBACK not in page.content()
    page.wait_for_load_state("networkidle")
    assert page.problems() == []
    assert list(empty.iterdir()) == []
