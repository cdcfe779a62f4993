"""Team files: the documented format loads, saves back unchanged, and a bad file gets one clear message."""

from __future__ import annotations

from pathlib import Path

import pytest

from lmxsim.packaged import TEAM_DIR
from lmxsim.team import MAX_TEAM
from lmxsim.teamfile import (
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
    ("t.xlsx", b"PK\x03\x04", ["not a team file", "'.xlsx'", ".csv, .toml"]),
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
    from lmxsim.team import Member

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
