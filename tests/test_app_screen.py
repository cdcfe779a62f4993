"""The workshop screen without a browser: scenario end, plain words, numbers, charts, info panel."""

from __future__ import annotations

import itertools
import re
from types import SimpleNamespace

import ipyvuetify as v
import numpy as np
import pytest
import solara
from solara_tabs import open_side_tab

from lmxsim.app.charts import line_chart, member_charts_svg, person_chart_svg, rolling_mean, team_charts_svg
from lmxsim.app.i18n import LANGUAGES, TEXT, number
from lmxsim.app.info import GUIDE, guide_block, info_text, synced_guide
from lmxsim.app.main import Page
from lmxsim.app.narration import Narrator, describe
from lmxsim.app.page import presenting
from lmxsim.app.session import Workshop
from lmxsim.app.team_drawing import drawing_svg, relationship

# --------------------------------------------------------------------------- the run's end


def test_the_run_stops_at_the_scenarios_last_week():
    workshop = Workshop()
    last = workshop.scenario.weeks
    assert workshop.last_week == last
    workshop.step(last + 10)
    assert workshop.week == last and workshop.at_end
    workshop.step()
    assert workshop.week == last
    workshop.reset()
    assert workshop.week == 0 and not workshop.at_end


def test_the_x_axis_is_the_scenarios_length_from_week_0():
    workshop = Workshop()
    first = workshop.horizon
    workshop.step(workshop.last_week)
    assert first == workshop.horizon == workshop.last_week  # it never jumps


# --------------------------------------------------------------------------- words and numbers


def test_numbers_have_a_decimal_comma_in_dutch():
    assert number(0.625, "en") == "0.62" or number(0.625, "en") == "0.63"
    assert number(0.5, "nl") == "0,50" and number(0.5, "en") == "0.50"
    assert number(3, "nl", 0) == "3"


def test_every_text_exists_in_both_languages():
    missing = [key for key, entry in TEXT.items() if set(entry) != set(LANGUAGES)]
    assert missing == []


def test_the_member_tooltip_says_the_relationship_in_words_with_the_number():
    workshop = Workshop()
    workshop.step(3)
    for lang, words in (
        ("en", ("distant", "working", "close")),
        ("nl", ("afstandelijk", "werkbaar", "hecht")),
    ):
        svg = drawing_svg(workshop.model, None, lang)
        tips = re.findall(r"<title>(.*?)</title>", svg)
        assert len(tips) == len(workshop.names)
        for tip in tips:
            assert "LMX" not in tip
            assert any(word in tip for word in words), tip
        if lang == "nl":
            assert all(re.search(r"\d,\d\d", tip) and not re.search(r"\d\.\d", tip) for tip in tips)


def test_relationship_words_follow_the_group_thresholds():
    bounds = (0.7, 0.4)
    assert [relationship(x, bounds) for x in (0.2, 0.4, 0.55, 0.7, 0.9)] == [
        "distant",
        "distant",
        "working",
        "close",
        "close",
    ]


# --------------------------------------------------------------------------- charts


def test_rolling_mean_is_the_mean_of_the_last_weeks():
    values = np.array([1.0, 3.0, 5.0, 7.0, 9.0])
    assert np.allclose(rolling_mean(values, 2), [1.0, 2.0, 4.0, 6.0, 8.0])
    table = np.column_stack([values, values * 2])
    assert np.allclose(rolling_mean(table, 3)[:, 1], [2.0, 4.0, 6.0, 10.0, 14.0])


def _texts(svg: str) -> list[tuple[float, float, str]]:
    return [
        (float(x), float(y), text)
        for x, y, text in re.findall(r'<text[^>]* x="([\d.]+)" y="([\d.]+)"[^>]*>([^<]*)<', svg)
    ]


def test_charts_have_axis_titles_and_marks_below_titles_and_legends():
    workshop = Workshop()
    workshop.step(2)
    workshop.apply("role-clarification", workshop.names[0])
    workshop.step(3)
    for svg in re.findall(
        r"<svg.*?</svg>",
        member_charts_svg(workshop, workshop.names[0], "en")
        + team_charts_svg(workshop, "en")
        + person_chart_svg(workshop, workshop.names[0], "en"),
    ):
        assert "lmx-axis-title" in svg and ">week<" in svg
        marks = [float(y) for y in re.findall(r'class="lmx-mark-dot" cx="[\d.]+" cy="([\d.]+)"', svg)]
        assert marks, "the intervention is marked"
        title_y = float(re.search(r'class="lmx-chart-title" x="[\d.]+" y="([\d.]+)"', svg).group(1))
        legend_y = [float(y) for y in re.findall(r'class="lmx-legend" x="[\d.]+" y="([\d.]+)"', svg)]
        for mark_y in marks:  # dot radius 8; text sits on its baseline, about 14 px tall
            assert mark_y - 8 > title_y and all(mark_y - 8 > y for y in legend_y)


def test_member_charts_explain_the_group_colours():
    workshop = Workshop()
    workshop.step(2)
    svg = member_charts_svg(workshop, workshop.names[0], "nl")
    for word in ("in-groep", "midden", "out-groep"):
        assert f">{word}</text>" in svg
    assert "0,5" in svg and "0.5" not in re.sub(r'"[^"]*"', "", svg)  # decimal comma on the axis


def test_direct_labels_do_not_overlap():
    from lmxsim.app.charts import Line

    lines = [Line([0, 1], [0.5, 0.5], "#000", label=name) for name in ("trust", "autonomy", "performance")]
    svg = line_chart("t", 10, lines, [], 1.0)
    ys = sorted(y for _, y, text in _texts(svg) if text in ("trust", "autonomy", "performance"))
    assert len(ys) == 3 and all(b - a >= 14 for a, b in itertools.pairwise(ys))


# --------------------------------------------------------------------------- narration


def _member(name, fire=0):
    return SimpleNamespace(
        name=name, group_name="middle", phase_name="stranger", hidden_stock=0, problems_reported=0, fire=fire
    )


def test_fires_are_summed_in_one_line_a_week():
    narrator = Narrator(SimpleNamespace(week=0, employees=[_member("Sam"), _member("An")], interventions=[]))
    for week in (1, 2):
        burning = SimpleNamespace(
            week=week, employees=[_member("Sam", 1), _member("An", 1)], interventions=[]
        )
        events = narrator.observe(burning)
        fires = [e for e in events if e.kind == "ev_fire"]
        assert len(fires) == 1 and fires[0].count == 2  # every week, not muted after the first
        assert describe(fires[0], "en") == f"week {week}: 2 fires this week: Sam, An"
        assert "2 branden deze week" in describe(fires[0], "nl")


# --------------------------------------------------------------------------- the page


def test_presenter_option_reads_the_address():
    assert presenting("present=1") and presenting("lang=nl&present=yes")
    assert not presenting("") and not presenting(None) and not presenting("present=0")


def _html(rc) -> str:
    import solara.widgets

    return " ".join(str(w.children) for w in rc.find(v.Html).widgets) + " ".join(
        w.unsafe_innerHTML or "" for w in rc.find(solara.widgets.HTML).widgets
    )


def test_starting_again_after_an_intervention_clears_its_message_and_marks():
    _, rc = solara.render(Page(), handle_error=False)
    try:
        rc.find(v.Btn, children=["Step one week"]).widget.click()
        open_side_tab(rc, "Intervene")
        rc.find(v.Btn, children=["Apply from next week"]).widget.click()
        assert "starts in week 2" in _html(rc)
        assert "lmx-mark" in _html(rc)
        rc.find(v.Btn, children=["Start again"]).widget.click()
        html = _html(rc)
        assert "starts in week" not in html and "lmx-mark" not in html
        assert "None yet." in html
    finally:
        rc.close()


# --------------------------------------------------------------------------- info panel


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_info_panel_and_the_trainers_guide_are_one_text(lang):
    text = info_text(lang)
    assert text.count("### ") >= 5  # what, how, notice, try, credits
    guide = GUIDE.read_text(encoding="utf-8")
    assert guide_block(guide, lang) == text, "run `uv run python -m lmxsim.app.info` to copy the panel's text"
    assert synced_guide(guide) == guide


def test_a_view_that_fails_shows_a_short_message_and_start_again_recovers(monkeypatch):
    import lmxsim.app.page as page_module

    real_view = page_module.WorkshopView
    failures = [IndexError("index -1 is out of bounds")]

    @solara.component
    def FailingOnce(workshop, lang):
        if failures:
            raise failures.pop()
        return real_view(workshop, lang)

    monkeypatch.setattr(page_module, "WorkshopView", FailingOnce)
    _, rc = solara.render(Page(), handle_error=False)
    try:
        html = _html(rc)
        assert "Something went wrong" in html and "IndexError" not in html and "Traceback" not in html
        rc.find(v.Btn, children=["Start again"]).widget.click()
        rc.find(v.Btn, children=["Step one week"]).assert_single()  # the workshop is back
        assert "Something went wrong" not in _html(rc)
    finally:
        rc.close()


def _log_lines(rc, part: str = "history") -> list[tuple[str, str]]:
    """(class, text) of each line of the narration's story or full history, top first."""
    import solara.widgets

    log = next(w for w in rc.find(solara.widgets.HTML).widgets if "lmx-log" in w.attributes.get("class", ""))
    html = log.unsafe_innerHTML
    html = (
        html.split('<div class="lmx-log-history">')[1]
        if part == "history"
        else html.split("lmx-log-history")[0]
    )
    lines = re.findall(r'<div class="lmx-log-line ([^"]+)" data-week="\d+">(.*?)</div>', html)
    return [(kind, re.sub(r"<[^>]+>", "", text)) for kind, text in lines]


def test_fires_can_be_hidden_and_group_changes_stand_out():
    from lmxsim.app.narration import Event, EventLog

    workshop = Workshop()
    workshop.narrator.events = [Event(1, "ev_in", "An"), Event(2, "ev_fire", "Sam, Kim", count=2)]
    _, rc = solara.render(EventLog(workshop, "en"), handle_error=False)
    try:
        assert _log_lines(rc) == [
            ("lmx-log-fire", "week 2: 2 fires this week: Sam, Kim"),
            ("lmx-log-group", "week 1: An joins the in-group"),
        ]
        rc.find(v.Switch, label="Show fires").widget.v_model = False
        assert _log_lines(rc) == [("lmx-log-group", "week 1: An joins the in-group")]
        assert _log_lines(rc, "story") == [("lmx-log-group", "week 1: An joins the in-group")]
    finally:
        rc.close()


def test_the_narration_is_one_widget_and_a_new_sentence_changes_only_it():
    """A widget per line re-texted every line below a new one (a message per line per week, most
    of a busy room's traffic); the log is one widget, so a new sentence is one change."""
    from lmxsim.app.narration import Event, EventLog

    workshop = Workshop()
    workshop.narrator.events = [Event(1, "ev_in", "An"), Event(2, "ev_out", "Sam")]
    version = solara.reactive(0)
    _, rc = solara.render(EventLog(workshop, "en", version=version), handle_error=False)
    try:
        widgets = {id(w) for w in rc.find(v.Html).widgets}
        workshop.narrator.events.append(Event(3, "ev_in", "Kim & <Co>"))
        version.value += 1
        assert [text for _, text in _log_lines(rc)] == [
            "week 3: Kim &amp; &lt;Co&gt; joins the in-group",  # a name is text, never markup
            "week 2: Sam enters the out-group",
            "week 1: An joins the in-group",
        ]
        assert {id(w) for w in rc.find(v.Html).widgets} == widgets  # no widget came or went
    finally:
        rc.close()
