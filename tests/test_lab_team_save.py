""" "Team bewaren" (issue 25 req 8): the saved team keeps each person's notes, has Dutch column names
in Dutch (and loads back), and the downloads are named in the page's language."""

from __future__ import annotations

from lmxsim.app.lab_files import team_csv
from lmxsim.app.strategy_lab import _team_files, team_from_rows, upload_rows
from lmxsim.team.teamfile import read_team_file
from lmxsim.texts import t

DUTCH_EXCEL = (
    "Naam;Nabijheid;Opmerkingen\r\nZoë;0,35;nieuw sinds maart\r\nJo;0,7;\r\nAn;0,5;=wil meer autonomie\r\n"
)


def test_a_dutch_team_with_notes_is_saved_in_dutch_with_its_notes():
    rows = upload_rows("team.csv", DUTCH_EXCEL.encode("cp1252"))
    save_csv, save_toml = _team_files(rows, "nl")
    data = save_csv()
    text = data.decode("utf-8-sig")
    header = text.splitlines()[0].split(";")
    assert header[:3] == ["naam", "nabijheid", "bekwaamheid"] and header[-1] == "opmerkingen"
    assert "nieuw sinds maart" in text and "'=wil meer autonomie" in text  # a note is never a formula
    back = read_team_file(data, "teambestand.csv")  # loads back, notes and all
    assert back.notes == {"Zoë": "nieuw sinds maart", "An": "=wil meer autonomie"}
    assert [m.name for m in back.members] == ["Zoë", "Jo", "An"]
    assert read_team_file(save_toml(), "teambestand.toml").notes == back.notes
    plain = team_csv(team_from_rows(upload_rows("t.csv", "name,closeness\nKim,0.5\n")), "nl")
    assert plain.decode("utf-8-sig").splitlines()[0].split(";")[-1] != "opmerkingen"  # none: no column


def test_notes_follow_a_renamed_person_and_english_keeps_english_headers():
    rows = upload_rows("team.csv", DUTCH_EXCEL.encode("cp1252"))
    rows[0]["name"] = "Zoë V"
    save_csv, _ = _team_files(rows, "en")
    text = save_csv().decode()
    assert text.splitlines()[0].startswith("name,closeness,ability") and text.splitlines()[0].endswith(
        ",notes"
    )
    assert read_team_file(text.encode(), "team.csv").notes["Zoë V"] == "nieuw sinds maart"


def test_the_downloads_are_named_in_the_pages_language():
    assert t("lab.file_team_csv", "nl") == "teambestand.csv" and t("lab.file_team_csv", "en") == "team.csv"
    assert t("lab.file_team_toml", "nl") == "teambestand.toml"
