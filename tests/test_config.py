"""Config and scenario files: valid ones load, every mistake is one clear message."""

import pytest

from lmxsim.engine.mesa_model import LMXModel
from lmxsim.model.params import ParameterError, Params, parameter_table
from lmxsim.team.config import ConfigError, load_config, load_scenario, scenario_names


def write(tmp_path, text, name="c.toml"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_presets_load_and_run():
    assert "first-impression" in scenario_names()
    for name in scenario_names():
        scenario = load_scenario(name)
        assert scenario.title["en"] and scenario.title["nl"], name
        LMXModel.from_scenario(scenario).run(3)


def test_config_sets_params_team_and_weeks(tmp_path):
    path = write(
        tmp_path,
        """
weeks = 12
seed = 3
[params]
confirmation_bias = 0.3
[[team]]
name = "An"
ability = 0.7
first_impression = 0.3
[[team]]
name = "Bram"
ability = 0.7
first_impression = 0.8
""",
    )
    scenario = load_config(path)
    assert scenario.weeks == 12 and scenario.seed == 3
    assert scenario.params.confirmation_bias == 0.3
    assert [m.name for m in scenario.team] == ["An", "Bram"]


@pytest.mark.parametrize(
    "text, fragments",
    [
        ("[params]\nconfirmation_bais = 0.2\n", ["confirmation_bais", "unknown parameter"]),
        ("[params]\nconfirmation_bias = 2.0\n", ["confirmation_bias", "2.0", "0.0 to 1.0"]),
        ("[params]\nconfirmation_bias = 'high'\n", ["confirmation_bias", "'high'", "not a number"]),
        ("[params]\nautonomy_follows_trust = 1\n", ["autonomy_follows_trust", "true or false"]),
        ("weeks = -3\n", ["weeks", "-3"]),
        ("colour = 'red'\n", ["colour", "unknown field"]),
        ("[[team]]\nname = 'An'\nability = 1.4\n", ["member 1", "ability", "1.4"]),
        ("[[team]]\nability = 0.4\n", ["member 1", "name is missing"]),
        ("[[team]]\nname = 'An'\n[[team]]\nname = 'An'\n", ["member 2", "'An'", "twice"]),
        ("[[team]]\nname = ''\n", ["member 1", "name"]),
        ("team = []\n", ["0 members", "1 to 200"]),
        ("[[team]]\nname = 'An'\nshoe_size = 3\n", ["shoe_size", "allowed"]),
        ("this is = not [toml\n", ["not a valid TOML"]),
    ],
)
def test_bad_config_names_file_field_and_value(tmp_path, text, fragments):
    path = write(tmp_path, text)
    with pytest.raises(ConfigError) as error:
        load_config(path)
    message = str(error.value)
    assert str(path) in message
    for fragment in fragments:
        assert fragment in message


def test_team_over_200_members_is_refused(tmp_path):
    rows = "".join(f"[[team]]\nname = 'P{i}'\n" for i in range(201))
    with pytest.raises(ConfigError, match="201 members"):
        load_config(write(tmp_path, rows))


def test_missing_file_and_unknown_scenario():
    with pytest.raises(ConfigError, match="does not exist"):
        load_config("/no/such/file.toml")
    with pytest.raises(ConfigError, match="unknown scenario 'nope'"):
        load_scenario("nope")


def test_params_are_declared_once_with_range_meaning_and_source():
    for row in parameter_table():
        assert row["meaning"] and row["source"], row["name"]
        assert row["low"] <= row["default"] <= row["high"], row["name"]
    with pytest.raises(ParameterError, match="attention_budget = 7"):
        Params(attention_budget=7)
    assert Params().replace(attention_budget=0.5).attention_budget == 0.5
