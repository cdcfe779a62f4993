"""The back row reads it (issue 24 req 2, 3): measured on the rendered SVG in a real browser.

Present mode (`?present=1`) scales every text of the pictures: names, legend, the twin pair, the
charts' titles, axis titles, ticks and line labels are at least 18 px at 1280x720 and 22 px at
1920x1080, in English and Dutch, measured on screen (SVG font size times the SVG's scale).
At the last week of "Favourites and the rest" every line of the story (all eight group changes,
the claims) is inside the narration's box, unscrolled.
"""

from __future__ import annotations

import time

import pytest
from workshop_app import STEP, open_app, serve_app, wait_week

NAME_PX = {(1280, 720): 18.0, (1920, 1080): 22.0}


@pytest.fixture(scope="module")
def app_url():
    yield from serve_app("--scenario", "favouritism")


def sized(browser, width: int, height: int):
    context = browser.new_context(viewport={"width": width, "height": height})
    context.set_default_timeout(30_000)
    return context.new_page()


def rendered_px(page, selector: str) -> list[float]:
    """The on-screen size of each SVG text: its font size times the SVG's scale on screen."""
    return page.eval_on_selector_all(
        selector,
        "els => els.map(e => parseFloat(e.getAttribute('font-size')) * e.getScreenCTM().a)",
    )


# Every text a viewer reads in the pictures: SVG text (font size times the SVG's scale on screen,
# turned text included), and the HTML legend and pair titles present mode puts around the drawing.
SIZES_JS = """els => els.filter(e => e.getClientRects().length > 0).map(e => {
  if (e instanceof SVGElement) {
    const m = e.getScreenCTM();
    return [parseFloat(e.getAttribute('font-size')) * Math.hypot(m.a, m.b), e.textContent];
  }
  return [parseFloat(getComputedStyle(e).fontSize), e.textContent];
})"""


def smallest(page, selector: str, expect: int) -> tuple[float, str]:
    """The smallest rendered text among `selector`'s elements (at least `expect` of them shown), once
    the layout has settled: a view's widgets arrive in several messages, and on a busy machine a
    first measure can catch the drawing before its column reached its final width (CI measured the
    twin's leader at 17.1 px, then 18+ once laid out). Settled: three reads 0.3 s apart agree."""
    reads: list[list] = []
    deadline = time.monotonic() + 20
    while len(reads) < 3 or reads[-1] != reads[-2] or reads[-2] != reads[-3]:
        assert time.monotonic() < deadline, f"{selector}: the layout did not settle in 20 s"
        if reads:
            time.sleep(0.3)
        reads.append(page.eval_on_selector_all(selector, SIZES_JS))
    sizes = reads[-1]
    assert len(sizes) >= expect, f"{selector}: {len(sizes)} texts shown, expected at least {expect}"
    return min((px, text) for px, text in sizes)


PICTURE_TEXTS = {
    "drawing": ("#lmx-team text, .lmx-legend-html div, .lmx-legend-group", 8 + 4 + 4 + 3),
    "person chart": (".lmx-person-chart text", 8),
}
TWIN_TEXTS = {
    "drawing": ("#lmx-team text, .lmx-pair-title", 8 + 5),
    "twin drawing": ("#lmx-twin text", 8 + 4),
    "legend": (".lmx-legend-html div, .lmx-legend-group", 4 + 3),
    "person chart": (".lmx-person-chart text", 8),
}
CHART_TEXTS = {"all charts": (".lmx-charts text", 6 * 8)}
VIEWS = {"en": ("All charts", "Show the same team"), "nl": ("Alle grafieken", "Toon hetzelfde team")}


@pytest.mark.slow
@pytest.mark.parametrize("size", list(NAME_PX), ids=["1280x720", "1920x1080"])
@pytest.mark.parametrize("lang", ["en", "nl"])
def test_present_mode_scales_every_text_of_the_pictures(app_url, browser, size, lang):
    """Req 3: names, legend, chart titles, axis titles and ticks, line labels, the twin pair: every
    text at least 18 px at 1280x720 and 22 px at 1920x1080 with ?present=1, in both languages."""
    page = sized(browser, *size)
    open_app(page, app_url, "?present=1")
    step = STEP
    if lang == "nl":
        page.get_by_role("button", name="Nederlands").click()
        step = "Eén week verder"
        page.get_by_role("button", name=step).wait_for()
    page.locator(".lmx-present").wait_for()
    for week in (1, 2, 3):
        page.get_by_role("button", name=step).click()
        page.locator(".lmx-week").filter(has_text=f"Week {week}").wait_for()
    names = rendered_px(page, "#lmx-team [data-member] text")
    assert len(names) == 8
    too_small = []
    charts, twin = VIEWS[lang]

    def check(view: str, texts: dict) -> None:
        for what, (selector, expect) in texts.items():
            px, text = smallest(page, selector, expect)
            if px < NAME_PX[size]:
                too_small.append(f"{view}/{what}: {text!r} {px:.1f} px")

    check("team", PICTURE_TEXTS)
    page.get_by_text(twin).click()
    page.locator("#lmx-twin").wait_for()
    page.locator(".lmx-pair-title").nth(1).wait_for()
    check("twin", TWIN_TEXTS)
    page.get_by_role("button", name=charts).click()
    page.locator(".lmx-charts text").first.wait_for()
    check("charts", CHART_TEXTS)
    assert too_small == [], f"at {size} ({lang}), below {NAME_PX[size]} px: {too_small}"
    page.context.close()


NARRATION_BOXES = """() => {
  const box = e => {
    const r = e.getBoundingClientRect();
    return {y: r.y, bottom: r.bottom, text: e.textContent};
  };
  return [box(document.querySelector('.lmx-narration .lmx-log')),
          [...document.querySelectorAll('.lmx-log-story .lmx-log-group')].map(box)];
}"""


@pytest.mark.slow  # 26 steps in a browser
@pytest.mark.parametrize("size", [(1280, 720)], ids=["1280x720"])
def test_every_group_change_is_on_screen_at_the_last_week(app_url, browser, size):
    page = sized(browser, *size)
    open_app(page, app_url)
    for week in range(1, 27):
        page.get_by_role("button", name=STEP).click()
        wait_week(page, week)
    page.locator(".lmx-log-story .lmx-log-line[data-week='2']").wait_for()
    # measured in one go in the page: a redraw of the narration between two calls would replace
    # the elements measured (a detached element has no box); measured again until it settles
    outside: list = []
    deadline = time.monotonic() + 10
    while True:
        box, lines = page.evaluate(NARRATION_BOXES)
        outside = [line for line in lines if line["y"] < box["y"] - 1 or line["bottom"] > box["bottom"] + 1]
        if (len(lines) >= 7 and not outside) or time.monotonic() > deadline:
            break
        time.sleep(0.2)
    assert len(lines) >= 7, lines  # 8 group changes, some in one week's line
    assert outside == [], f"outside the narration's box {box}: {outside}"
    # the full history is one scroll away
    history = page.locator(".lmx-log-history .lmx-log-line")
    assert history.count() > 12
    history.last.scroll_into_view_if_needed()
    assert page.evaluate("document.documentElement.scrollHeight") <= 721  # the page itself never scrolls
    page.context.close()


REGIONS = ".lmx-left, .lmx-centre, .lmx-right, .lmx-narration, .lmx-person-chart"
TABS = {"en": ("Scenario", "Intervene", "Settings"), "nl": ("Scenario", "Ingrijpen", "Instellingen")}


def overflowing(page) -> list:
    """Every region whose content is taller or wider than its box (it would need scrolling)."""
    return page.evaluate(
        "sel => [...document.querySelectorAll(sel)].filter(e => e.scrollHeight > e.clientHeight + 1"
        " || e.scrollWidth > e.clientWidth + 1).map(e => [e.className, e.scrollHeight, e.clientHeight])",
        REGIONS,
    )


@pytest.mark.parametrize("size", list(NAME_PX), ids=["1280x720", "1920x1080"])
@pytest.mark.parametrize("lang", ["en", "nl"])
@pytest.mark.parametrize("mode", ["", "?present=1"], ids=["normal", "present"])
def test_every_tab_fits_without_scrolling(app_url, browser, size, lang, mode):
    """Req 4, in present mode too (its large type had cut the story at 1280x720)."""
    page = sized(browser, *size)
    open_app(page, app_url, mode)
    if lang == "nl":
        page.get_by_role("button", name="Nederlands").click()
        page.get_by_role("button", name="Eén week verder").wait_for()
    for tab in TABS[lang]:
        page.get_by_role("tab", name=tab).click()
        page.wait_for_timeout(1200)  # the tab's slide transition
        assert overflowing(page) == [], f"{tab} at {size} ({lang})"
        assert page.evaluate("document.documentElement.scrollHeight") <= size[1] + 1
    page.context.close()
