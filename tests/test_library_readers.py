"""Where a well-kept library replaced hand-written code (issue 27): the cases the hand code got wrong.

tomli-w writes team TOML (the old writer let control characters through as invalid TOML),
csv.Sniffer finds a team file's delimiter (quoted header cells may hold commas), and difflib
suggests a misspelt parameter (the old prefix match named unrelated ones).
"""

import tomllib

import pytest

from lmxsim.model.params import ParameterError, Params
from lmxsim.sweep.spec import SweepError, load_sweep
from lmxsim.team.members import Member
from lmxsim.team.teamfile import parse_team_file, team_to_toml


def test_a_saved_toml_team_reads_back_whatever_its_names_hold():
    # Control characters (\x7f, \t) are refused in names since issue 28 item 9; what TOML must
    # still escape or keep: quotes, backslashes, non-ASCII, and characters TOML itself gives meaning.
    names = ['An "de Vries"', "Bram\\Zoë", "Cor = 'Del'", "Dirk # [team]"]
    team = [Member(name, ability=0.5, first_impression=0.25 + i / 10) for i, name in enumerate(names)]
    text = team_to_toml(team, title='Team "Noord"')
    assert tomllib.loads(text)["title"] == 'Team "Noord"'
    assert [m.name for m in parse_team_file(text, "team.toml")] == names
    assert text.count("[[team]]") == len(names)  # one table per person, as docs/team-files.md shows


def test_a_semicolon_file_with_commas_inside_quoted_headers_is_read_by_semicolons():
    text = 'naam;"nabijheid (0,1 = ver, dichtbij)";"bekwaamheid (0,1)"\nAn;0,3;0,7\nBram;0,9;0,4\n'
    team = parse_team_file(text, "team.csv")
    assert [(m.name, m.first_impression, m.ability) for m in team] == [("An", 0.3, 0.7), ("Bram", 0.9, 0.4)]


def test_a_misspelt_parameter_gets_the_one_it_resembles():
    with pytest.raises(ParameterError) as error:
        Params.from_dict({"confirmation_bais": 0.2})
    assert str(error.value) == "unknown parameter 'confirmation_bais' (did you mean confirmation_bias?)"


def test_a_misspelt_sweep_parameter_gets_the_one_it_resembles(tmp_path):
    path = tmp_path / "sweep.toml"
    path.write_text("[vary]\nconfirmaton_bias = [0.1]\n", encoding="utf-8")
    with pytest.raises(SweepError) as error:
        load_sweep(path)
    assert str(error.value).endswith("unknown parameter 'confirmaton_bias' (did you mean confirmation_bias?)")
