"""The leader's Monday plan (issue 25, requirements 2 and 7): content, consistency, the command."""

from __future__ import annotations

import re
from html import unescape

import numpy as np
import pytest
from typer.testing import CliRunner

from lmxsim.cli import app
from lmxsim.fit.survey import parse_survey
from lmxsim.lab.plan import (
    calendar_html,
    conversation,
    people,
    person_sentence,
    plan_html,
    recommended,
    why_sentence,
)
from lmxsim.lab.strategies import compare_strategies, ready_strategy
from lmxsim.texts import t
from tests.plan_fixtures import NAMES, items, survey_csv, twelve


@pytest.fixture(scope="module")
def comparison():
    chosen = [ready_strategy(n) for n in ("reopen-role-taking", "reflection-every-4", "equal-latitude")]
    return compare_strategies(twelve(), chosen, replications=40, weeks=26, seed=3)


def _text(html: str) -> str:
    return unescape(re.sub(r"<[^>]+>", " ", html))


def test_the_survey_keeps_each_persons_latest_item_answers():
    survey = parse_survey(survey_csv(), "survey.csv", list(NAMES))
    assert survey.latest_items() == items()


def test_the_conversation_opens_with_the_persons_lowest_item():
    answers = [4, 4, 2, 4, 3, 4, 4]  # item 3 lowest, then item 5
    text = conversation(answers, "nl")
    assert text.startswith(t("plan.item3", "nl")) and t("plan.ask3", "nl") in text
    assert t("plan.offer3", "nl") in text and t("plan.item5", "nl").lower() in text
    assert conversation(None, "nl") == ""


def test_the_plan_names_the_recommended_strategy_and_every_person(comparison):
    for lang in ("en", "nl"):
        html = plan_html(comparison, lang, items=items(), files="team.csv")
        text = _text(html)
        best = recommended(comparison)
        assert best is not None and comparison.title(best, lang) in text
        for name in NAMES:
            assert name in text
        assert t("plan.h_privacy", lang) in text and t("plan.h_next", lang) in text
        assert "@page{size:A4" in html


def test_each_rows_sentence_agrees_with_the_headline_and_its_colour(comparison):
    best = recommended(comparison)
    rows = people(comparison, best)
    headline = why_sentence(comparison, best, rows, "en")
    html = plan_html(comparison, "en", items=items())
    for row in rows:
        sentence = person_sentence(row, "en")
        said = {
            "gains": "Helps",
            "loses": "Worse off",
            "same": "No difference",
            "unclear": "Cannot say",
        }[row.verdict]
        assert sentence.startswith(said)
        assert f'data-verdict="{row.verdict}"' in html
    verdicts = {row.name: row.verdict for row in rows}
    for clause in headline.split(";"):
        named = [n for n in NAMES if re.search(rf"\b{re.escape(n)}\b", clause)]
        kind = (
            "gains" if "this helps" in clause else "loses" if "it costs" in clause
            else "same" if "no difference" in clause else "unclear" if "cannot say" in clause else None
        )  # fmt: skip
        assert all(verdicts[n] == kind for n in named), (clause, verdicts)
    same = [n for n, v in verdicts.items() if v == "same"]
    assert all(n in headline for n in same)
    # the share of the leader's time in the sentences adds up to the whole plan's time
    assert sum(r.time_share for r in rows) == pytest.approx(1.0)


def test_the_calendar_shows_role_clarifications_peak_weeks():
    c = compare_strategies(
        twelve(), [ready_strategy("reopen-role-taking")], replications=30, weeks=20, seed=1
    )
    html = calendar_html(c, "reopen-role-taking", "en")
    peaks = re.findall(r'<div class="peak">.*?wk (\d+)</div>', html)
    assert peaks == [str(w) for w in range(1, 9)]  # 0.75 h x 12 people in each of weeks 1-8
    assert "Busiest week: week 1, 9.0 h" in _text(html)


def test_without_item_scores_the_plan_says_how_to_get_a_guide(comparison):
    text = _text(plan_html(comparison, "nl"))
    assert t("plan.no_items", "nl") in text


def test_nothing_helps_says_so_and_recommends_nothing():
    c = compare_strategies(twelve()[:3], [ready_strategy("equal-latitude")], replications=30, weeks=1, seed=1)
    assert recommended(c) is None  # one week: nothing has had time to work
    text = _text(plan_html(c, "en", items=items()))
    assert "None of the 1 strategies compared clearly raises" in text


def test_the_command_writes_the_plan_and_its_hr_appendix(tmp_path):
    team = tmp_path / "team.csv"
    team.write_text(
        "name,closeness\n"
        + "\n".join(f"{n},{c}" for n, c in zip(NAMES, np.linspace(0.2, 0.9, 12), strict=True))
    )
    survey = tmp_path / "survey.csv"
    survey.write_text(survey_csv())
    out = tmp_path / "plan.html"
    result = CliRunner().invoke(
        app,
        ["plan", "--team", str(team), "--survey", str(survey), "--lang", "nl", "--out", str(out),
         "-r", "30", "-w", "12", "--no-robustness", "-s", "reopen-role-taking"],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert out.exists() and (tmp_path / "plan-hr-bijlage.html").exists()
    text = _text(out.read_text(encoding="utf-8"))
    assert "Maandagplan" in text and "plan-hr-bijlage.html" in text and t("plan.ask1", "nl") in text


def test_the_labs_downloads_hold_the_plan_and_are_named_in_the_readers_language(comparison):
    import matplotlib.pyplot as plt

    from lmxsim.app.lab_results import _downloads

    fig = plt.figure()
    try:
        dutch = _downloads(comparison, "nl", None, None, fig, fig, ["tekst"])
        english = _downloads(comparison, "en", None, None, fig, fig, ["text"])
    finally:
        plt.close(fig)
    assert set(dutch).isdisjoint(english)  # every file has its Dutch name
    assert "maandagplan.html" in dutch and "monday-plan.html" in english
    label, data, mime = dutch["maandagplan.html"]
    page = data().decode("utf-8")
    assert label == "Maandagplan downloaden" and mime == "text/html"
    assert "Maandagplan" in page and 'href="rapport.html"' in page and "rapport.html" in dutch


def test_dutch_csvs_hold_dutch_words_in_their_cells(comparison):
    import io

    import pandas as pd

    from lmxsim.lab.report import csv_bytes, localise

    data = csv_bytes(localise(comparison.member_gains(), comparison, "nl"), "nl")
    assert data.startswith(b"\xef\xbb\xbf")
    frame = pd.read_csv(io.BytesIO(data), sep=";", decimal=",", encoding="utf-8-sig")
    assert set(frame["oordeel"]) <= {"wint", "verliest", "gelijk", "onduidelijk"}
    assert set(frame["maat"]) <= {"prestatie", "lmx"}
    summary = pd.read_csv(
        io.BytesIO(csv_bytes(localise(comparison.summary(), comparison, "nl"), "nl")), sep=";", decimal=","
    )
    assert set(summary["hoger_is_beter"]) <= {"ja", "nee"} and "prestatie" in set(summary["maat"])
    assert summary["gemiddelde"].dtype.kind == "f"  # decimal commas read back as numbers


def test_the_fit_says_in_words_what_the_data_taught():
    import pandas as pd

    from lmxsim.fit.priors import default_priors
    from lmxsim.fit.summary import learned, posterior_table

    assert [learned(x) for x in (0.3, 0.6, 0.98, 1.03)] == ["a_lot", "a_little", "nothing", "nothing"]
    priors = default_priors(people=False)
    rng = np.random.default_rng(1)
    wide, narrow = priors.parameters[0], priors.parameters[1]
    particles = pd.DataFrame(
        {
            wide.name: rng.uniform(wide.low, wide.high, 4000),  # the prior again: nothing learned
            narrow.name: rng.normal((narrow.low + narrow.high) / 2, narrow.width / 40, 4000),
        }
    )
    table = posterior_table(particles, np.ones(4000), priors).set_index("parameter")
    assert table.loc[wide.name, "learned"] == "nothing" and table.loc[narrow.name, "learned"] == "a_lot"
