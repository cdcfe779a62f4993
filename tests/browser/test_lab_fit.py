"""The strategy lab loads a `lmxsim fit` result in a real browser: fit.json and draws.csv dropped
together; a team with other names gets a clear message; with the fit's team the comparison runs
over the posterior draws; forgetting the fit marks the result as out of date.

Makes a tiny fit of docs/examples (population 40, one generation) with the real command first.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from lab_server import open_lab, serve_lab
from playwright.sync_api import expect

pytest.importorskip("pyabc")

EXAMPLES = Path(__file__).resolve().parents[2] / "docs" / "examples"

# Several files dropped at once, as a user drags fit.json and draws.csv from the fit folder
# (the same synthetic-drop workaround as conftest.DROP_FILE, for a list of files).
DROP_FILES = """
async ([selector, files]) => {
  DataTransferItem.prototype.webkitGetAsEntry = function () {
    const file = this.getAsFile();
    return {isFile: true, file: (resolve) => resolve(file)};
  };
  const zone = document.querySelector(selector);
  const data = new DataTransfer();
  for (const [name, text] of files) data.items.add(new File([text], name));
  zone.dispatchEvent(new DragEvent("drop", {dataTransfer: data, bubbles: true, cancelable: true}));
}
"""


@pytest.mark.slow  # a real tiny fit (about 25 s) and a comparison over its draws
@pytest.mark.timeout(400)
def test_load_a_fit_mismatched_team_then_compare_over_the_posterior(app_server, page, drop_file, tmp_path):
    out = tmp_path / "fit"
    fit = subprocess.run(
        [sys.executable, "-m", "lmxsim", "fit", "--survey", str(EXAMPLES / "fit-waves.csv"),
         "--team", str(EXAMPLES / "fit-team.toml"), "--out", str(out), "--population", "40",
         "--generations", "1", "--seed", "3"],
        capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert fit.returncode == 0, fit.stderr
    base_url = serve_lab(app_server)
    run = open_lab(page, base_url)

    # --- the fit, dropped onto the starting team (An, Bram, Sam, Lotte): loaded, but it does not fit
    files = [[name, (out / name).read_text()] for name in ("fit.json", "draws.csv")]
    page.evaluate(DROP_FILES, [".lab-fit .solara-file-drop", files])
    loaded = page.locator(".lab-fit-loaded")
    expect(loaded).to_contain_text("posterior draws", timeout=60_000)
    expect(loaded).to_contain_text("9 people")
    mismatch = page.locator(".lab-fit-mismatch")
    expect(mismatch).to_contain_text("This fit was made for An, Bram, Sam, Lotte, Daan")
    expect(mismatch).to_contain_text("the team here is An, Bram, Sam, Lotte.")

    # --- the fit's own team file: the message goes
    drop_file(page, "fit-team.toml", (EXAMPLES / "fit-team.toml").read_text())
    expect(page.locator(".lab-person")).to_have_count(9)
    expect(mismatch).to_have_count(0)

    # --- compare as usual, now over the posterior draws
    page.get_by_text("Weekly one-on-ones with the out-group").click()
    page.get_by_text("Also check robustness").click()
    expect(page.get_by_role("checkbox", name="Also check robustness")).not_to_be_checked()
    # 9 people x 8 weeks x 30 replications x 2 strategies; a fill lost to a re-render is retried
    for _ in range(3):
        for label, value in (("Replications (simulated years)", "30"), ("Weeks", "8")):
            field = page.get_by_label(label, exact=True)
            field.fill(value)
            field.press("Enter")
        try:
            expect(page.locator(".lab-work-cap")).to_contain_text("asks for 4,320", timeout=5_000)
            break
        except AssertionError:
            continue
    expect(loaded).to_contain_text("over 15 posterior draws")  # 30 replications: 2 per draw
    page.wait_for_load_state("networkidle")
    run.click()
    ran = page.locator(".lab-fit-ran")
    expect(ran).to_contain_text("Over 15 posterior draws of the fit (fit.json + draws.csv)", timeout=120_000)
    expect(page.locator(".lab-ran")).to_contain_text("30 replications")
    assert "Weekly one-on-ones with the out-group" in page.locator(".lab-conclusions").inner_text()

    # --- forgetting the fit: the shown result no longer matches what would run
    page.wait_for_load_state("networkidle")  # the results have rendered: a click now is not lost
    forget = page.get_by_role("button", name="Forget the fit")
    expect(forget).to_have_count(1)
    forget.click()
    expect(loaded).to_have_count(0)
    page.get_by_text("changed after this run").wait_for()
    expect(ran).to_have_count(0)

    # a broken drop: one readable message, nothing else changes
    page.evaluate(DROP_FILES, [".lab-fit .solara-file-drop", [["fit.json", "{}"]]])
    expect(page.locator(".lab-fit-error")).to_contain_text("draws.csv missing")
    page.wait_for_load_state("networkidle")
    assert page.problems() == []


@pytest.mark.slow  # a real fit started in the page, then stopped
@pytest.mark.timeout(300)
def test_the_lab_fits_the_team_itself_and_stops_when_asked(app_server, page, drop_file):
    base_url = serve_lab(app_server)
    open_lab(page, base_url)
    drop_file(page, "fit-team.toml", (EXAMPLES / "fit-team.toml").read_text())
    expect(page.locator(".lab-person")).to_have_count(9)

    start = page.locator(".lab-fit-start")
    expect(start).to_be_disabled()  # no survey yet
    with page.expect_file_chooser() as chooser:  # the survey zone is clicked, a file chosen
        page.locator(".lab-fit-run .solara-file-drop").click()
    chooser.value.set_files(str(EXAMPLES / "fit-waves.csv"))
    expect(page.locator(".lab-fit-run-info")).to_contain_text("fit-waves.csv is ready")
    start.click()
    expect(page.locator(".lab-fit-running")).to_be_visible(timeout=30_000)
    expect(page.locator(".lab-fit-run .v-progress-linear")).to_be_visible()
    page.locator(".lab-fit-stop").click()
    expect(page.locator(".lab-fit-run-warning")).to_contain_text("The fit was stopped", timeout=60_000)
    expect(page.locator(".lab-fit-running")).to_have_count(0)
    expect(page.locator(".lab-fit-loaded")).to_have_count(0)  # nothing of a stopped fit is used
    expect(start).to_be_enabled()  # and it can run again

    # the fit-folder zone above is clickable too, and takes fit.json and draws.csv together
    with page.expect_file_chooser() as chooser:
        page.locator(".lab-fit .solara-file-drop").click()
    assert chooser.value.is_multiple()
