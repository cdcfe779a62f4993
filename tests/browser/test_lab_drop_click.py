"""The strategy lab's team drop zone opens a file chooser when clicked (issue 25 req 8), and the
team it loads is saved again with its notes ("Save team (CSV)")."""

from __future__ import annotations

from pathlib import Path

import pytest
from lab_server import open_lab, serve_lab
from playwright.sync_api import expect


@pytest.mark.slow  # long browser run: the full suite (CI) runs it, the quick loop does not
def test_the_labs_drop_zone_opens_a_file_chooser(app_server, page, tmp_path):
    open_lab(page, serve_lab(app_server))
    team = tmp_path / "mijn-team.csv"
    team.write_bytes(
        "Naam;Nabijheid;Opmerkingen\r\nZoë;0,35;nieuw\r\nJo;0,7;\r\nAn;0,5;\r\n".encode("cp1252")
    )
    with page.expect_file_chooser() as chooser:
        page.locator(".lab-team-drop .lmx-file-drop").click()
    chooser.value.set_files(str(team))
    page.get_by_text("Loaded 3 people from mijn-team.csv.").wait_for(timeout=30_000)
    expect(page.locator(".lab-person")).to_have_count(3)
    with page.expect_download() as info:
        page.get_by_role("button", name="Save team (CSV)").click()
    assert info.value.suggested_filename == "team.csv"
    saved = Path(info.value.path()).read_text(encoding="utf-8").splitlines()
    assert saved[0].endswith(",notes") and saved[1].startswith("Zoë,") and saved[1].endswith(",nieuw")
    page.wait_for_load_state("networkidle")
    assert page.problems() == []
