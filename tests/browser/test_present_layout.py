"""Present mode at 1280x720 has room to read (issue 24, the projector): measured in a real browser.

- The person chart in the right column is not cramped: its plot takes most of the chart's width
  and no text of the chart lies on the plot or on another text (before: the lines' large names at
  their ends took half the width and, early in the run, lay across the plot).
- The ring labels ("in-group"/"in-groep", "out-group") of the team drawing, and of both drawings
  of the twin pair, touch no member's circle (the chosen person's yellow ring included) and no name
  (before: "in-group" lay on Bram's and Daan's circles at week 3 of "Favourites").

Every measure is taken in one go in the page (a week's redraw replaces the elements) and waited
for on evidence in the DOM (the drawing's and the chart's week), never on a fixed sleep.
"""

from __future__ import annotations

import pytest
from workshop_app import open_app, serve_app

STEP = {"en": "Step one week", "nl": "Eén week verder"}
TWIN = {"en": "Show the same team", "nl": "Toon hetzelfde team"}
WEEKS = 6
PLOT_SHARE = 0.7  # the plot is at least this share of the chart's width (0.46 before)


@pytest.fixture(scope="module")
def app_url():
    yield from serve_app("--scenario", "favouritism")


def present_page(browser, app_url: str, lang: str):
    context = browser.new_context(viewport={"width": 1280, "height": 720})
    context.set_default_timeout(60_000)
    page = context.new_page()
    open_app(page, app_url, "?present=1")
    page.locator(".lmx-present").wait_for()
    if lang == "nl":
        page.get_by_role("button", name="Nederlands").click()
        page.get_by_role("button", name=STEP["nl"]).wait_for()
    return page


# Every clash between a ring label and a member (circle as circle, names as boxes), in screen px.
RING_CLASHES = """(sel) => {
  const out = [];
  for (const svg of document.querySelectorAll(sel)) {
    const labels = [...svg.querySelectorAll('.lmx-zone-labels text')]
      .map(e => [e.textContent, e.getBoundingClientRect()]);
    for (const g of svg.querySelectorAll('[data-member]')) {
      for (const c of g.querySelectorAll('circle')) {
        const b = c.getBoundingClientRect(), r = b.width / 2, cx = b.x + r, cy = b.y + r;
        for (const [text, l] of labels) {
          const nx = Math.min(Math.max(cx, l.left), l.right), ny = Math.min(Math.max(cy, l.top), l.bottom);
          const gap = Math.hypot(cx - nx, cy - ny) - r;
          if (gap < 0.5) out.push(`${svg.id}: ${text} on ${g.dataset.member}'s circle (${gap.toFixed(1)})`);
        }
      }
      for (const n of g.querySelectorAll('text')) {
        const b = n.getBoundingClientRect();
        for (const [text, l] of labels) {
          if (b.left < l.right && l.left < b.right && b.top < l.bottom && l.top < b.bottom)
            out.push(`${svg.id}: ${text} on the name ${n.textContent}`);
        }
      }
    }
    if (labels.length !== 2) out.push(`${svg.id}: ${labels.length} ring labels`);
  }
  return out;
}"""

# The person chart: its plot (the grid lines' extent) against the chart's width, and every text
# that lies on the plot or on another text; in screen px.
PERSON_CHART = """() => {
  const svg = document.querySelector('.lmx-person-chart svg');
  const chart = svg.getBoundingClientRect();
  const grid = [...svg.querySelectorAll('line[stroke="#DDDDDD"]')].map(e => e.getBoundingClientRect());
  const plot = {left: Math.min(...grid.map(b => b.left)), right: Math.max(...grid.map(b => b.right)),
                top: Math.min(...grid.map(b => b.top)), bottom: Math.max(...grid.map(b => b.bottom))};
  const texts = [...svg.querySelectorAll('text tspan, text:not(:has(tspan))')]
    .map(e => [e.textContent, e.getBoundingClientRect()]).filter(([t, b]) => b.width > 0);
  const hit = (a, b, pad) => a.left < b.right - pad && b.left < a.right - pad && a.top < b.bottom - pad
    && b.top < a.bottom - pad;
  const clashes = [];
  for (const [t, b] of texts) if (hit(b, plot, 1)) clashes.push(`"${t}" on the plot`);
  for (let i = 0; i < texts.length; i++)
    for (let j = i + 1; j < texts.length; j++)
      if (hit(texts[i][1], texts[j][1], 1)) clashes.push(`"${texts[i][0]}" on "${texts[j][0]}"`);
  return {chart: chart.width, plot: plot.right - plot.left, height: plot.bottom - plot.top, clashes};
}"""


def drawn_week(page, week: int, twin: bool = False) -> None:
    """Wait until the drawing(s) and the person chart show `week` (evidence, not a sleep)."""
    page.locator("#lmx-team text").filter(has_text=f"Week {week}").first.wait_for()
    if twin:
        page.locator("#lmx-twin text").filter(has_text=f"Week {week}").first.wait_for()
    # the chart's last point is at week `week` (a line has week + 1 points, or `week` for performance)
    page.wait_for_function(
        "w => [...document.querySelectorAll('.lmx-person-chart polyline')]"
        ".some(p => p.getAttribute('points').split(' ').length === w + 1)",
        arg=week,
    )


@pytest.mark.slow
@pytest.mark.parametrize("lang", ["en", "nl"])
def test_present_mode_person_chart_has_room_and_ring_labels_touch_no_member(app_url, browser, lang):
    page = present_page(browser, app_url, lang)
    problems: list[str] = []
    for week in range(1, WEEKS + 1):
        page.get_by_role("button", name=STEP[lang]).click()
        drawn_week(page, week)
        problems += [f"week {week}: {c}" for c in page.evaluate(RING_CLASHES, "#lmx-team")]
        chart = page.evaluate(PERSON_CHART)
        if chart["plot"] < PLOT_SHARE * chart["chart"]:
            problems.append(f"week {week}: plot {chart['plot']:.0f} px of a {chart['chart']:.0f} px chart")
        problems += [f"week {week}: {c}" for c in chart["clashes"]]
    # the twin pair: each drawing has half the width and larger type; the chart gains a legend row
    page.get_by_text(TWIN[lang]).click()
    page.locator("#lmx-twin .lmx-zone-labels text").first.wait_for()
    page.wait_for_function("() => document.querySelector('.lmx-person-chart polyline[stroke-dasharray]')")
    page.get_by_role("button", name=STEP[lang]).click()
    drawn_week(page, WEEKS + 1, twin=True)
    problems += [f"twin: {c}" for c in page.evaluate(RING_CLASHES, "#lmx-team, #lmx-twin")]
    chart = page.evaluate(PERSON_CHART)
    if chart["plot"] < PLOT_SHARE * chart["chart"]:
        problems.append(f"twin: plot {chart['plot']:.0f} px of a {chart['chart']:.0f} px chart")
    problems += [f"twin: {c}" for c in chart["clashes"]]
    page.context.close()
    assert problems == [], "\n".join(problems)
