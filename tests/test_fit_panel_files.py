"""A many-team survey goes through the one survey reader (issue 26, --teams): Excel workbooks,
Windows-1252 with `;` and decimal commas, Dutch headers, and every problem at once in the
user's language, the header's problems said once (not once per team)."""

from __future__ import annotations

import numpy as np
import pytest

from lmxsim.fit import FitError
from lmxsim.fit.panel import read_panel
from lmxsim.texts.errors import english_words
from tests.workbooks import write_xlsx

TEAMS = {"noord": ["An", "Zoë"], "zuid": ["Bram", "Noël", "Eva"]}
ENGLISH = ["team", "name", "wave", "week", "member_total", "leader_total"]
DUTCH = ["Team", "Naam", "Meting", "Week", "Medewerker totaal", "Leider totaal (7-35)", "Opmerkingen"]


def _rows():
    rng = np.random.default_rng(3)
    rows = []
    for team, names in TEAMS.items():
        for wave, week in ((1, 4), (2, 13)):
            rows += [
                [team, n, str(wave), str(week), str(rng.integers(14, 34)), str(rng.integers(14, 34))]
                for n in names
            ]
    return rows


def _folder(tmp_path):
    folder = tmp_path / "teams"
    folder.mkdir()
    for team, names in TEAMS.items():
        lines = "".join(f'[[team]]\nname = "{n}"\ncloseness = 0.6\nability = 0.6\n\n' for n in names)
        (folder / f"{team}.toml").write_text(lines, encoding="utf-8")
    return folder


def _answers(panel):
    return {(p.team, name): (p.survey.weeks, p.survey.member[i].tolist(), p.survey.leader[i].tolist())
            for p in panel for i, name in enumerate(p.survey.names)}  # fmt: skip


def test_a_many_team_survey_as_excel_writes_it_reads_as_the_plain_csv(tmp_path):
    folder = _folder(tmp_path)
    plain = tmp_path / "waves.csv"
    plain.write_text("\n".join(",".join(r) for r in [ENGLISH, *_rows()]) + "\n", encoding="utf-8")
    expected = _answers(read_panel(plain, folder))
    assert len(expected) == 5 and expected["noord", "Zoë"][0] == [4, 13]
    # Dutch headers, `;`, decimal commas, Windows-1252 (Zoë, Noël), CRLF: Excel "CSV" in a Dutch locale
    dutch = [[*r[:4], r[4] + ",0", r[5], "" if i % 2 else "ziek"] for i, r in enumerate(_rows())]
    text = "\r\n".join(";".join(r) for r in [DUTCH, *dutch]) + "\r\n"
    (tmp_path / "lmx7.csv").write_bytes(text.encode("cp1252"))
    assert _answers(read_panel(tmp_path / "lmx7.csv", folder, "nl")) == expected
    # an Excel workbook: the only sheet, the sheet with the survey's columns, a named sheet
    book = write_xlsx(tmp_path / "lmx7.xlsx", {"Blad1": [DUTCH[:6], *_rows()]})
    assert _answers(read_panel(book, folder)) == expected
    two = write_xlsx(tmp_path / "two.xlsx", {"Uitleg": [["lees mij"]], "Antwoorden": [DUTCH[:6], *_rows()]})
    assert _answers(read_panel(two, folder)) == expected
    assert _answers(read_panel(f"{two}:Antwoorden", folder)) == expected
    with pytest.raises(FitError, match=r"geen werkblad 'Antwoorde' \(bedoel je 'Antwoorden'\?\)"):
        read_panel(f"{two}:Antwoorde", folder, "nl")


def test_a_workbooks_problems_name_its_rows_and_the_team(tmp_path):
    folder = _folder(tmp_path)
    rows = _rows()
    rows[1][1] = "Zoe"  # noord, a misspelled name
    rows[5][4] = "36"  # zuid, a total above 35
    book = write_xlsx(tmp_path / "lmx7.xlsx", {"Blad1": [DUTCH[:6], *rows]})
    with pytest.raises(FitError) as caught:
        read_panel(book, folder, "nl")
    text = str(caught.value)
    assert "met --teams" in text and "2 problemen" in text
    assert "team 'noord': " in text and "rij 3, veld Naam: 'Zoe' staat niet in het teambestand" in text
    assert "bedoel je 'Zoë'?" in text
    assert "team 'zuid': " in text and "rij 7, veld Medewerker totaal: '36' is niet toegestaan" in text


def test_every_problem_at_once_in_dutch_and_the_headers_once(cli, tmp_path):
    folder = _folder(tmp_path)
    head = [*ENGLISH[:4], "Medewerkr totaal", "member_total", "leader_total"]  # a misspelled extra column
    rows = [[*r[:5], r[4], r[5]] for r in _rows()]
    rows += [["west", "An", "1", "4", "20", "20", "20"], ["", "An", "1", "4", "20", "20", "20"]]
    rows += [["noord", "Zed", "1", "4", "20", "20", "20"]]
    path = tmp_path / "waves.csv"
    path.write_text("\n".join(",".join(r) for r in [head, *rows]) + "\n", encoding="utf-8")
    code, _, err = cli(
        "fit", "--survey", str(path), "--teams", str(folder), "--out", str(tmp_path / "o"), "--lang", "nl"
    )
    assert code == 2 and "Traceback" not in err
    text = " ".join(err.split())  # rich may wrap the message
    assert "4 problemen" in text
    assert text.count("Medewerkr totaal") == 1  # the header's problem once, not once per team
    assert "onbekende kolom 'Medewerkr totaal' (bedoel je 'medewerker_totaal'?)" in text
    assert "regel 13, veld team: '' is leeg (elke rij noemt zijn team)" in text
    assert "team 'noord': " in text and "regel 14, veld name: 'Zed' staat niet in het teambestand" in text
    assert (
        "team 'west': geen teambestand voor team 'west'" in text
        and "west.csv, west.xlsx en west.toml" in text
    )
    assert english_words(err) == []
    assert not (tmp_path / "o").exists()
    # no team column: said in Dutch, naming the file, its first line and the folder
    plain = tmp_path / "plain.csv"
    plain.write_text("naam,meting,week,medewerker_totaal\nAn,1,4,20\n", encoding="utf-8")
    code, _, err = cli(
        "fit", "--survey", str(plain), "--teams", str(folder), "--out", str(tmp_path / "o"), "--lang", "nl"
    )
    assert code == 2 and "regel 1: kolom 'team' ontbreekt" in " ".join(err.split())
