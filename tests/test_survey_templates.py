"""The blank surveys a user fills in (issue 26 req 2): csv and xlsx, English and Dutch headers, every
kind of observation the fit reads. Their header is the code's (`template_header`), and a template
filled in as a user would reads through the one survey reader with every kind present."""

from __future__ import annotations

import csv
import io

import numpy as np
import pytest
from openpyxl import load_workbook

from lmxsim.fit.survey import read_survey
from lmxsim.fit.survey_columns import TEMPLATE_COLUMNS, TEMPLATE_FILES, column_of, template_header
from lmxsim.io.packaged import CONFIGS

SURVEYS = CONFIGS / "surveys"
NAMES = ["An", "Bram"]


def csv_header(lang: str) -> list[str]:
    text = (SURVEYS / f"{TEMPLATE_FILES[lang]}.csv").read_bytes().decode("utf-8-sig")
    return next(csv.reader(io.StringIO(text), delimiter="," if lang == "en" else ";"))


def xlsx_header(lang: str) -> list[str]:
    sheet = load_workbook(SURVEYS / f"{TEMPLATE_FILES[lang]}.xlsx", read_only=True).worksheets[0]
    return [str(cell) for cell in next(sheet.iter_rows(values_only=True))]


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_the_shipped_templates_have_the_codes_header(lang: str) -> None:
    header = template_header(lang)
    assert csv_header(lang) == header
    assert xlsx_header(lang) == header
    # every cell is a column the reader knows, and together they are every kind the fit reads
    assert [column_of(cell) for cell in header] == list(TEMPLATE_COLUMNS)
    assert {"leader_rating", "performance", "leader_7", "member_7"} <= set(TEMPLATE_COLUMNS)


def answers(person: int, wave: int) -> list[object]:
    member = [3 + (person + wave + j) % 3 for j in range(7)]  # 3..5
    leader = [2 + (person + j) % 4 for j in range(7)]  # 2..5
    return [NAMES[person], wave, 4 * wave, *member, *leader, 3 + person, 10.5 + person, "—"]


@pytest.mark.parametrize("lang", ["en", "nl"])
@pytest.mark.parametrize("kind", ["csv", "xlsx"])
def test_a_filled_template_reads_with_every_kind_of_observation(tmp_path, lang: str, kind: str) -> None:
    rows = [answers(p, w) for w in (1, 2) for p in range(len(NAMES))]
    path = tmp_path / f"{TEMPLATE_FILES[lang]}.{kind}"
    if kind == "csv":  # as the user's Excel saves it: Dutch with ';' and a decimal comma
        text = (SURVEYS / path.name).read_bytes().decode("utf-8-sig")
        sep = "," if lang == "en" else ";"
        lines = [sep.join(str(v).replace(".", ",") if lang == "nl" else str(v) for v in row) for row in rows]
        path.write_text(text.rstrip("\r\n") + "\n" + "\n".join(lines) + "\n", encoding="utf-8")
    else:
        book = load_workbook(SURVEYS / path.name)
        for row in rows:
            book.worksheets[0].append(row)
        book.save(path)
    survey = read_survey(path, NAMES, lang=lang)
    assert survey.member.shape == (2, 2) and survey.leader is not None
    assert survey.rating is not None and survey.performance is not None
    assert survey.rating[:, 0].tolist() == [3, 4]
    np.testing.assert_allclose(survey.performance[:, 1], [10.5, 11.5])
    assert survey.warnings == []


def test_a_template_with_only_the_members_answers_reads_the_rest_as_missing(tmp_path) -> None:
    """The docs say: fill in what you have, leave the other columns empty."""
    header = (SURVEYS / "template-survey.csv").read_text(encoding="utf-8").strip()
    empty = "," * (len(TEMPLATE_COLUMNS) - 10)
    path = tmp_path / "survey.csv"
    rows = f"An,1,4,3,3,3,3,3,3,3{empty}\nBram,1,4,4,4,4,4,4,4,5{empty}\n"
    path.write_text(f"{header}\n{rows}", encoding="utf-8")
    survey = read_survey(path, NAMES)
    np.testing.assert_allclose(survey.member[:, 0], [21, 29])
    for kind in (survey.leader, survey.rating, survey.performance):
        assert kind is None or np.isnan(kind).all()
