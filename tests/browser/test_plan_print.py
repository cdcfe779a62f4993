"""The Monday plan prints on ONE A4 page from Chromium, for a team of twelve (issue 25, req 2)."""

from __future__ import annotations

import re

import pytest

from lmxsim.lab.plan import plan_html
from lmxsim.lab.robustness import check_robustness
from lmxsim.lab.strategies import compare_strategies, ready_strategies
from tests.plan_fixtures import items, twelve


def pdf_pages(data: bytes) -> int:
    """Pages in a PDF Chromium wrote (its page objects)."""
    return len(re.findall(rb"/Type\s*/Page(?!s)", data))


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_a_team_of_twelve_prints_on_one_a4_page(browser, tmp_path, lang):
    team = twelve()
    c = compare_strategies(team, ready_strategies(), replications=30, weeks=26, seed=1)
    view = check_robustness(c, team, c.strategies, replications=30)
    path = tmp_path / "plan.html"
    long_title = "Team Klantcontact Noord, afdeling Service en Support (twaalf mensen)"
    path.write_text(
        plan_html(c, lang, items=items(), robustness=view, files="team.xlsx, survey.csv",
                  appendix="plan-hr-bijlage.html", title=long_title, date="2026-12-07"),
        encoding="utf-8",
    )  # fmt: skip
    page = browser.new_page()
    try:
        page.goto(path.as_uri())
        assert page.locator("td.name").count() == 12
        pdf = page.pdf(format="A4", prefer_css_page_size=True, print_background=True)
    finally:
        page.close()
    assert pdf_pages(pdf) == 1
