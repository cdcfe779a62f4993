"""Team files: the documented format loads, saves back unchanged, and a bad file gets one clear message."""

from __future__ import annotations

from pathlib import Path

import pytest

from lmxsim.io.packaged import TEAM_DIR
from lmxsim.team.members import MAX_TEAM
from lmxsim.team.teamfile import (
    DEFAULT_ABILITY,
    TeamFileError,
    load_team,
    parse_team_file,
    save_team,
    team_to_csv,
    team_to_toml,
)

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = [TEAM_DIR / "example.toml", TEAM_DIR / "example.csv"]


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name)
def test_examples_load_with_8_to_12_people(path):
    team = load_team(path)
    assert 8 <= len(team) <= 12
    assert len({m.name for m in team}) == len(team)
    assert all(0 <= m.first_impression <= 1 and 0 <= m.ability <= 1 for m in team)


def test_the_two_examples_describe_the_same_team():
    assert load_team(EXAMPLES[0]) == load_team(EXAMPLES[1])


@pytest.mark.parametrize("suffix", [".csv", ".toml"])
def test_saved_team_loads_back_unchanged(tmp_path, suffix):
    team = load_team(EXAMPLES[0])
    team = [*team[:-1], type(team[-1])('Zoë "Z" d\'Arc', 0.3, 0.2, 0.9, 0.4)]  # quotes, accents, propensity
    path = save_team(team, tmp_path / f"team{suffix}")
    assert load_team(path) == team


def test_closeness_is_the_leaders_current_view_and_ability_defaults_to_average():
    team = parse_team_file("name,closeness\nAn,0.3\nBram,0.9\n", "t.csv")
    assert [m.first_impression for m in team] == [0.3, 0.9]
    assert all(m.ability == DEFAULT_ABILITY for m in team)
    assert all(m.trust_propensity is None for m in team)  # drawn per replication


def test_dutch_spreadsheet_csv_semicolon_decimal_comma_and_bom():
    text = "\ufeffName;Closeness;Ability\nAn;0,3;0,7\n\nBram;0,9;\n"
    team = parse_team_file(text.encode("utf-8"), "team.csv")
    assert [(m.name, m.first_impression, m.ability) for m in team] == [
        ("An", 0.3, 0.7),
        ("Bram", 0.9, DEFAULT_ABILITY),
    ]


def test_scenario_style_first_impression_is_accepted_in_toml():
    team = parse_team_file('[[team]]\nname = "An"\nfirst_impression = 0.4\n', "t.toml")
    assert team[0].first_impression == 0.4


BAD_FILES = [
    # (filename, content, words the message must contain)
    ("t.csv", "name,closeness\nAn,0.3\nBram,1.4\n", ["line 3", "Bram", "closeness", "1.4", "0 to 1"]),
    ("t.csv", "name,closeness\nAn,0.3\nBram,high\n", ["line 3", "Bram", "closeness", "high", "not a number"]),
    ("t.csv", "name,closeness,ability\nAn,0.3,-0.1\n", ["line 2", "An", "ability", "-0.1", "0 to 1"]),
    ("t.csv", "name,closeness\nAn,0.3\nBram,\n", ["line 3", "Bram", "closeness is missing"]),
    ("t.csv", "name,closeness\nAn,0.3\n,0.5\n", ["line 3", "name is missing"]),
    ("t.csv", "name,closeness\nAn,0.3\nan,0.5\n", ["line 3", "'an'", "twice", "line 2"]),
    ("t.csv", "name,ability\nAn,0.3\n", ["lacks the column 'closeness'", "allowed"]),
    ("t.csv", "name,closeness,mood\nAn,0.3,good\n", ["unknown column 'mood'", "allowed"]),
    ("t.csv", "date,amount,description\n2024-01-01,12.50,coffee\n", ["not a team file", "date, amount"]),
    ("t.csv", "name,closeness\n", ["team is empty"]),
    ("t.csv", "", ["empty"]),
    ("t.csv", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", ["not a team file", "binary"]),
    ("t.xlsx", b"PK\x03\x04", ["not a team file", "not an Excel workbook"]),
    ("t.ods", b"PK\x03\x04", ["not a team file", "'.ods'", ".csv, .xlsx, .toml"]),
    ("t.toml", "weeks = 5\n[params]\ntrust_rate = 0.1\n", ["not a team file", "no [[team]]"]),
    ("t.toml", "name = 'An' = 3\n", ["not a valid TOML"]),
    ("t.toml", '[[team]]\nname = "An"\ncloseness = 2\n', ["person 1", "An", "closeness", "0 to 1"]),
    ("t.toml", '[[team]]\nname = "An"\ncloseness = 0.2\nage = 30\n', ["person 1", "unknown field 'age'"]),
    ("t.toml", '[[team]]\nname = "An"\n', ["person 1", "An", "closeness is missing"]),
    ("t.toml", "[[team]]\nname = 7\ncloseness = 0.2\n", ["person 1", "name", "must be text"]),
    ("t.toml", '[[team]]\nname = "An"\ncloseness = true\n', ["person 1", "closeness", "not a number"]),
]


@pytest.mark.parametrize(("filename", "content", "words"), BAD_FILES)
def test_bad_team_files_name_row_field_and_allowed_values(filename, content, words):
    with pytest.raises(TeamFileError) as caught:
        parse_team_file(content, filename)
    message = str(caught.value)
    assert message.startswith(filename)
    for word in words:
        assert word in message, f"{word!r} missing from: {message}"
    assert "\n" not in message and "Traceback" not in message


@pytest.mark.parametrize("suffix", [".csv", ".toml"])
def test_over_200_people_is_refused_and_200_is_fine(suffix):
    from lmxsim.team.members import Member

    team = [Member(f"P{i}", 0.6, 0.5) for i in range(MAX_TEAM)]
    text = team_to_csv(team) if suffix == ".csv" else team_to_toml(team)
    assert len(parse_team_file(text, f"t{suffix}")) == MAX_TEAM
    too_many = [*team, Member("One more", 0.6, 0.5)]
    text = team_to_csv(too_many) if suffix == ".csv" else team_to_toml(too_many)
    with pytest.raises(TeamFileError, match=f"more than {MAX_TEAM}|too many"):
        parse_team_file(text, f"t{suffix}")


def test_missing_file_is_a_team_file_error(tmp_path):
    with pytest.raises(TeamFileError, match="does not exist"):
        load_team(tmp_path / "nope.csv")


def test_cli_prints_one_line_and_exits_2_for_a_bad_team_file(tmp_path, cli):
    bad = tmp_path / "team.csv"
    bad.write_text("name,closeness\nAn,0.3\nBram,7\n")
    for command in (["strategies", "--team", str(bad), "-r", "5"], ["run", "--team", str(bad), "-w", "2"]):
        code, out, err = cli(*command)
        assert code == 2, err
        assert "line 3 (Bram): closeness" in err
        assert "Traceback" not in err + out


def test_run_uses_the_team_file(tmp_path, cli):
    team = tmp_path / "team.csv"
    team.write_text("name,closeness\nQuinten,0.3\nRosa,0.8\n")
    code, out, err = cli("run", "--team", str(team), "-w", "3")
    assert code == 0, err
    assert "Quinten" in out and "Rosa" in out
    assert "Bram" not in out  # the preset scenario's team is replaced


# --- the team in the leader's words: Dutch, Excel, spreadsheet leftovers, time and LMX-7 -------

TEMPLATES = {
    lang: (TEAM_DIR / f"template-{lang}.csv", TEAM_DIR / f"template-{lang}.xlsx") for lang in ("nl", "en")
}


def test_dutch_column_names_give_the_same_team_as_english():
    dutch = parse_team_file("Naam;Nabijheid;Bekwaamheid;Weken samen;LMX-7\nAn;0,3;0,7;40;24\n", "t.csv")
    english = parse_team_file("name,closeness,ability,weeks_together,lmx7\nAn,0.3,0.7,40,24\n", "t.csv")
    assert dutch == english
    assert (dutch[0].weeks_together, dutch[0].lmx7) == (40, 24.0)


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_template_csv_and_xlsx_describe_the_same_team(lang):
    csv_file, xlsx_file = TEMPLATES[lang]
    team = load_team(csv_file)
    assert load_team(xlsx_file) == team
    assert len(team) == 9 and any(m.lmx7 is None for m in team) and any(m.lmx7 for m in team)
    assert {m.weeks_together for m in team} >= {130, 4}  # 30 months, 1 month


def test_belgian_excel_csv_and_the_dutch_xlsx_template_load_to_the_same_team():
    """Excel with Belgian settings saves ';', decimal commas and Windows-1252 ('Zoë' as one byte)."""
    text = TEMPLATES["nl"][0].read_text(encoding="utf-8-sig")
    belgian = text.encode("cp1252")
    assert "Zoë".encode("cp1252") in belgian and b";0,35;" in belgian
    assert parse_team_file(belgian, "ploeg.csv") == load_team(TEMPLATES["nl"][1])
    assert load_team(TEMPLATES["nl"][1]) == load_team(TEMPLATES["en"][1])  # same team in both languages


def test_notes_and_empty_trailing_columns_are_read_past_with_one_note():
    from lmxsim.team.teamfile import read_team_file

    text = "naam;nabijheid;opmerkingen;;;\nAn;0,3;kwam in 2019;;;\nBram;85%;;;;\n"
    loaded = read_team_file(text, "ploeg.csv")
    assert [(m.name, m.first_impression) for m in loaded.members] == [("An", 0.3), ("Bram", 0.85)]
    note = loaded.note()
    assert note.count("\n") == 0 and "'opmerkingen'" in note and "3 column(s) without a name" in note
    assert "opmerkingen" in loaded.note("nl") and "kopregel" in loaded.note("nl")
    assert read_team_file("name,closeness\nAn,0.3\n", "t.csv").note() is None


@pytest.mark.parametrize(
    ("cell", "value"), [("85%", 0.85), ("85 %", 0.85), ("0%", 0.0), ("100%", 1.0), ("0,85", 0.85)]
)
def test_percentages_and_decimal_commas_are_numbers(cell, value):
    team = parse_team_file(f"naam;nabijheid\nAn;{cell}\n", "t.csv")
    assert team[0].first_impression == pytest.approx(value)


def test_time_together_in_weeks_months_or_years_and_lmx7_as_items():
    text = (
        "name,closeness,weeks_together,months_together,years_together,"
        + ",".join(f"lmx7_{i}" for i in range(1, 8))
        + ",lmx7_leader\n"
        "An,0.5,40,,,4,4,3,3,4,3,3,\n"
        "Bo,0.5,,6,,,,,,,,,30\n"
        "Cas,0.5,,,2,,,,,,,,\n"
    )
    an, bo, cas = parse_team_file(text, "t.csv")
    assert (an.weeks_together, an.lmx7, an.lmx7_leader) == (40, 24.0, None)
    assert (bo.weeks_together, bo.lmx7, bo.lmx7_leader) == (26, None, 30.0)
    assert cas.weeks_together == 104
    toml = '[[team]]\nnaam = "An"\nnabijheid = 0.5\nlmx7 = [4, 4, 3, 3, 4, 3, 3]\nmaanden_samen = 12\n'
    assert parse_team_file(toml, "t.toml")[0].lmx7 == 24.0


NEW_BAD = [
    ("t.csv", "name,closeness,weeks_together,months_together\nAn,0.3,4,1\n", ["line 2 (An)", "given twice"]),
    ("t.csv", "name,closeness,weeks_together\nAn,0.3,-2\n", ["line 2 (An)", "weeks_together = '-2'", "0 to"]),
    ("t.csv", "name,closeness,lmx7\nAn,0.3,40\n", ["line 2 (An)", "lmx7 = 40", "7 to 35"]),
    ("t.csv", "name,closeness,lmx7_1,lmx7_2\nAn,0.3,4,4\n", ["line 2 (An)", "lmx7_3", "missing", "1 to 5"]),
    ("t.csv", "name,closeness,lmx7\nAn,150%\n", ["line 2 (An)", "closeness = '150%'", "percentage"]),
    ("t.csv", "name,naam,closeness\nAn,An,0.3\n", ["'name' appears twice", "Dutch"]),
    ("t.csv", "name,closeness,mood,,\nAn,0.3,good,,\n", ["unknown column 'mood'"]),
]


@pytest.mark.parametrize(("filename", "content", "words"), NEW_BAD)
def test_new_fields_get_one_clear_message(filename, content, words):
    test_bad_team_files_name_row_field_and_allowed_values(filename, content, words)


def test_trailing_empty_columns_are_not_a_problem_and_an_unknown_one_is_named_once():
    assert len(parse_team_file("name;closeness;;;;\nAn;0,3;;;;\n;;;;;\n", "t.csv")) == 1
    with pytest.raises(TeamFileError) as caught:
        parse_team_file("name,closeness,mood,,,\nAn,0.3,good,,,\n", "t.csv")
    assert str(caught.value).count("unknown column") == 1 and "(empty)" not in str(caught.value)


def _workbook(rows) -> bytes:
    from lmxsim.team.teamfile import table_to_xlsx

    return table_to_xlsx(rows[0], rows[1:])


def test_excel_files_load_with_row_numbers_in_messages():
    good = _workbook([["Naam", "Nabijheid", "Opmerkingen"], ["An", 0.3, "x"], [7, 0.85, None]])
    assert [(m.name, m.first_impression) for m in parse_team_file(good, "ploeg.xlsx")] == [
        ("An", 0.3),
        ("7", 0.85),
    ]
    bad = _workbook([["name", "closeness"], ["An", 0.3], ["Bram", 1.4]])
    with pytest.raises(TeamFileError, match=r"^ploeg.xlsx: row 3 \(Bram\): closeness = 1.4 is out of range"):
        parse_team_file(bad, "ploeg.xlsx")


def test_saved_excel_team_loads_back_unchanged(tmp_path):
    from lmxsim.team.members import Member

    team = [Member("=Zoë", 0.3, 0.2, 0.9, 0.4, weeks_together=52, lmx7=24.5, lmx7_leader=30), Member("Bo")]
    for suffix in (".xlsx", ".csv", ".toml"):
        assert load_team(save_team(team, tmp_path / f"team{suffix}")) == team


def test_cli_run_uses_the_team_files_title_or_name_and_prints_the_note(tmp_path, cli):
    toml = tmp_path / "mijn-ploeg.toml"
    toml.write_text('title = "Labo Sint-Jan"\n[[team]]\nnaam = "An"\nnabijheid = 0.3\nmaanden_samen = 6\n')
    code, out, err = cli("run", "--team", str(toml), "-w", "2")
    assert code == 0, err
    assert "Labo Sint-Jan" in out and "first impression" not in out.lower()
    code, out, err = cli("run", "--team", str(TEMPLATES["nl"][1]), "-w", "2")
    assert code == 0, err
    assert "template-nl.xlsx" in out and "Jeroen Claes" in out
    assert "'opmerkingen'" in err and err.count("read past") == 1


def test_the_strategy_lab_keeps_time_together_and_lmx7_of_a_dropped_file():
    from lmxsim.app.strategy_lab import team_from_rows, upload_rows

    data = TEMPLATES["nl"][1].read_bytes()
    assert team_from_rows(upload_rows("ploeg.xlsx", data)) == parse_team_file(data, "ploeg.xlsx")


def test_scenario_files_take_the_starting_fields():
    from lmxsim.team.config import scenario_from_dict

    rows = [{"name": "An", "weeks_together": 40, "lmx7": [4, 4, 3, 3, 4, 3, 3], "lmx7_leader": 30}]
    member = scenario_from_dict({"team": rows}).team[0]
    assert (member.weeks_together, member.lmx7, member.lmx7_leader) == (40, 24.0, 30.0)


def test_every_mistake_of_a_team_file_comes_at_once():
    text = "name,closeness,ability,challenge\nAn,2,0.5,0.5\nBram,0.5,7,x\n,0.3,0.4,0.5\nSam,0.5,0.5,0.5\n"
    with pytest.raises(TeamFileError) as caught:
        parse_team_file(text, "team.csv")
    message = str(caught.value)
    assert message.startswith("team.csv: 4 problems in the team file:"), message
    for part in (
        "line 2 (An): closeness = '2'",
        "line 3 (Bram): ability = '7'",
        "line 3 (Bram): challenge",
        "line 4: name is missing",
    ):
        assert part in message, message
    assert "Sam" not in message
    # one mistake stays one line, as before
    with pytest.raises(TeamFileError, match=r"^team.csv: line 2 \(An\): closeness = '2' is out of range"):
        parse_team_file("name,closeness\nAn,2\nBram,0.5\n", "team.csv")
