"""Survey files as Excel writes them (issue 25 req 5): at parity with team files.

Windows-1252 with `;` and decimal commas (Excel "CSV" in a Dutch or Belgian locale), UTF-8
with BOM, UTF-16 text, .xlsx; Dutch headers; every problem of a file in one message, each
naming line, field, value and what is allowed; "did you mean"; a person missing in a wave is
a warning; contradictions with the team file name person, field and both values."""

from __future__ import annotations

import math

import pytest

from lmxsim.fit import FitError
from lmxsim.fit.survey import read_survey
from lmxsim.texts.errors import english_words
from tests.workbooks import write_xlsx

TEAM = ["An", "Bram", "Zoë"]
DUTCH_HEAD = ["Naam", "Meting", "Week", *(f"Medewerker {j}" for j in range(1, 8)), "Opmerkingen"]
ROWS = [
    ["An", "1", "0", "3", "3", "2", "3", "3", "3", "4", "nieuw"],
    ["Bram", "1", "0", "5", "5", "5", "4", "5", "5", "5", ""],
    ["Zoë", "1", "0", "2", "2", "2", "2", "3", "2", "2", "ziek geweest"],
    ["An", "2", "12", "4", "3", "3", "3", "3", "4", "4", ""],
    ["Bram", "2", "12", "5", "5", "5", "5", "5", "5", "4", ""],
    ["Zoë", "2", "12", "3,0", "3", "2", "3", "3", "2", "3", ""],  # Excel nl writes 3,0 for a 3.0 cell
]


def _excel_csv(path, rows=ROWS, head=DUTCH_HEAD, encoding="cp1252", bom=b""):
    text = "\r\n".join(";".join(cells) for cells in [head, *rows]) + "\r\n"
    path.write_bytes(bom + text.encode(encoding))
    return path


def _check_example(survey):
    assert survey.weeks == [0, 12]
    assert survey.member[0].tolist() == [21, 24]
    assert survey.member[2].tolist() == [15, 19]  # Zoë, from Windows-1252; 3,0 read as 3
    assert survey.latest_items()["Zoë"] == [3, 3, 2, 3, 3, 2, 3]


def test_excel_csv_in_a_dutch_locale(tmp_path):
    _check_example(read_survey(_excel_csv(tmp_path / "lmx7.csv"), TEAM))


@pytest.mark.parametrize(("encoding", "bom"), [("utf-8", b"\xef\xbb\xbf"), ("utf-16-le", b"\xff\xfe")])
def test_utf8_with_bom_and_utf16(tmp_path, encoding, bom):
    _check_example(read_survey(_excel_csv(tmp_path / "lmx7.csv", encoding=encoding, bom=bom), TEAM))


def test_english_headers_with_commas_still_read(tmp_path):
    path = tmp_path / "waves.csv"
    head = ["name", "wave", "week", *(f"member_{j}" for j in range(1, 8)), "notes"]
    rows = [[c.replace("3,0", "3") for c in row] for row in ROWS]
    path.write_text("\n".join(",".join(r) for r in [head, *rows]) + "\n", encoding="utf-8")
    _check_example(read_survey(path, TEAM))


def test_xlsx_the_only_sheet_and_a_named_one(tmp_path):
    rows = [DUTCH_HEAD, *[[c.replace("3,0", "3") for c in row] for row in ROWS]]
    _check_example(read_survey(write_xlsx(tmp_path / "lmx7.xlsx", {"Blad1": rows}), TEAM))
    two = write_xlsx(tmp_path / "twee.xlsx", {"Uitleg": [["Dit is de vragenlijst"]], "Antwoorden": rows})
    _check_example(read_survey(two, TEAM))  # the sheet with the survey's columns
    _check_example(read_survey(f"{two}:Antwoorden", TEAM))
    with pytest.raises(FitError, match=r"no sheet 'Antwoorde' \(did you mean 'Antwoorden'\?\)"):
        read_survey(f"{two}:Antwoorde", TEAM)


def test_every_problem_of_a_file_at_once(tmp_path):
    rows = [
        ["An", "1", "0", "3", "3", "2", "3", "3", "3", "9", ""],  # item 7 out of range
        ["Bran", "1", "0", "5", "5", "5", "4", "5", "5", "5", ""],  # misspelled name
        ["Zoë", "1", "x", "2", "2", "2", "2", "3", "2", "2", ""],  # week not a number
    ]
    head = [*DUTCH_HEAD[:4], "Medewerkr 2", *DUTCH_HEAD[5:]]  # misspelled header
    with pytest.raises(FitError) as caught:
        read_survey(_excel_csv(tmp_path / "lmx7.csv", rows, head), TEAM)
    message = str(caught.value)
    assert "4 problem(s)" in message
    assert "line 1: unknown column 'Medewerkr 2' (did you mean 'medewerker_2'?)" in message
    assert "line 2, field Medewerker 7: '9' is not allowed (a whole number from 1 to 5)" in message
    assert "line 3, field Naam: 'Bran' is not in the team file (did you mean 'Bram'?)" in message
    assert "line 4, field Week: 'x' is not allowed (a whole number from 0 to 520)" in message


def test_every_problem_in_dutch(tmp_path):
    rows = [["An", "1", "0", "3", "3", "2", "3", "3", "3", "9", ""], ["Bran", "1", "0", *"5555555", ""]]
    with pytest.raises(FitError) as caught:
        read_survey(_excel_csv(tmp_path / "lmx7.csv", rows), TEAM, lang="nl")
    message = str(caught.value)
    assert "2 probleem/problemen in het vragenlijstbestand" in message
    assert "regel 2, veld Medewerker 7: '9' is niet toegestaan (een geheel getal van 1 tot 5)" in message
    assert "regel 3, veld Naam: 'Bran' staat niet in het teambestand (bedoel je 'Bram'?)" in message
    assert not english_words(message)


def test_a_person_missing_in_wave_2_is_a_warning_that_names_them(tmp_path):
    survey = read_survey(_excel_csv(tmp_path / "lmx7.csv", ROWS[:5]), TEAM)
    assert math.isnan(survey.member[2, 1])  # missing, not zero
    assert len(survey.warnings) == 1
    assert "'Zoë' not in wave 2 (week 12)" in survey.warnings[0]
    assert "as missing, not as zero" in survey.warnings[0]
    dutch = read_survey(_excel_csv(tmp_path / "lmx7.csv", ROWS[:5]), TEAM, lang="nl")
    assert "'Zoë' niet in meting 2 (week 12)" in dutch.warnings[0] and not english_words(dutch.warnings[0])


def test_the_fit_command_warns_and_speaks_dutch(cli, tmp_path):
    team = tmp_path / "team.csv"
    team.write_text("naam,nabijheid\nAn,0.4\nBram,0.8\nZoë,0.3\n", encoding="utf-8")
    survey = _excel_csv(tmp_path / "lmx7.csv", ROWS[:5])
    full = tmp_path / "full"
    full.mkdir()
    (full / "x.txt").write_text("x")  # a folder in use: the command stops after reading the survey
    code, _, err = cli(
        "fit", "--survey", str(survey), "--team", str(team), "--out", str(full), "--lang", "nl"
    )
    assert code == 2
    assert "waarschuwing:" in err and "'Zoë' niet in meting 2" in err
    bad = _excel_csv(
        tmp_path / "fout.csv", [["Bran", "1", "0", *"5555555", ""], ["An", "1", "0", *"3333339", ""]]
    )
    code, _, err = cli("fit", "--survey", str(bad), "--team", str(team), "--out", str(full), "--lang", "nl")
    message = " ".join(err.split())
    assert code == 2 and message.startswith("fout:") and "Traceback" not in err
    assert "(bedoel je 'Bram'?)" in message and "veld Medewerker 7: '9' is niet toegestaan" in message
    assert not english_words(message), english_words(message)


def test_the_dutch_excel_example_reads_as_the_english_one():
    """configs/surveys/voorbeeld-vragenlijst.csv is the example survey as a Dutch Excel saves it
    (Windows-1252, `;`, CRLF, Dutch headers, a notes column with ë): the same answers."""
    import numpy as np

    from lmxsim.io.packaged import CONFIGS, EXAMPLE_TEAM
    from lmxsim.team.teamfile import load_team

    names = [m.name for m in load_team(EXAMPLE_TEAM)]
    english = read_survey(CONFIGS / "surveys" / "example-survey.csv", names)
    dutch = read_survey(CONFIGS / "surveys" / "voorbeeld-vragenlijst.csv", names, lang="nl")
    assert (CONFIGS / "surveys" / "voorbeeld-vragenlijst.csv").read_bytes().count(b";") > 100
    assert dutch.weeks == english.weeks and np.array_equal(dutch.member, english.member, equal_nan=True)
    assert dutch.latest_items() == english.latest_items() and dutch.warnings == []
