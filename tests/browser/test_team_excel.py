"""An Excel team file dropped on the strategy lab in a real browser: the Dutch .xlsx template
loads (nine people, time together and LMX-7 kept) with one note about its notes column.

Serves tests/browser/strategy_lab_page.py with `solara run`, offline, as test_strategy_lab.py.
"""

from __future__ import annotations

import base64

import pytest
from lab_server import open_lab, serve_lab
from playwright.sync_api import expect

from lmxsim.io.packaged import TEAM_DIR

# As conftest.DROP_FILE, with the file's bytes (base64) instead of text.
DROP_BYTES = """
async ([selector, name, encoded]) => {
  DataTransferItem.prototype.webkitGetAsEntry = function () {
    const file = this.getAsFile();
    return {isFile: true, file: (resolve) => resolve(file)};
  };
  const bytes = Uint8Array.from(atob(encoded), (c) => c.charCodeAt(0));
  const type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
  const zone = document.querySelector(selector);
  const data = new DataTransfer();
  data.items.add(new File([bytes], name, {type}));
  zone.dispatchEvent(new DragEvent("drop", {dataTransfer: data, bubbles: true, cancelable: true}));
}
"""


@pytest.mark.slow  # long browser run: the full suite (CI) runs it, the quick loop does not
def test_the_dutch_excel_template_drops_into_the_lab(app_server, page):
    open_lab(page, serve_lab(app_server))
    workbook = (TEAM_DIR / "template-nl.xlsx").read_bytes()
    page.evaluate(DROP_BYTES, [".solara-file-drop", "ploeg.xlsx", base64.b64encode(workbook).decode()])
    page.get_by_text("Loaded 9 people from ploeg.xlsx.").wait_for(timeout=30_000)
    page.get_by_text("read past the column(s) 'opmerkingen'").wait_for()
    page.locator(".lab-team-svg title", has_text="Jeroen Claes").wait_for(state="attached")
    expect(page.locator(".lab-person")).to_have_count(9)
    page.wait_for_load_state("networkidle")
    assert page.problems() == []
