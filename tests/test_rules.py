"""One set of input rules (lmxsim/io/rules.py): the same mistake gets the same answer everywhere."""

from __future__ import annotations

import pytest

from lmxsim.engine.batch import run_batch
from lmxsim.engine.mesa_model import LMXModel
from lmxsim.interventions.catalogue import InterventionError, lookup
from lmxsim.interventions.spec import parse_spec
from lmxsim.io.rules import MAX_WEEKS, check_number, check_unique_names, check_whole
from lmxsim.lab.strategies import compare_strategies, custom_strategy
from lmxsim.lab.twin import twin_run
from lmxsim.model.params import ParameterError
from lmxsim.team.config import ConfigError, scenario_from_dict
from lmxsim.team.members import Member
from lmxsim.team.teamfile import TeamFileError, parse_team_file


def test_the_helpers_say_field_value_and_what_is_allowed():
    with pytest.raises(ParameterError, match=r"^weeks = -1 is not allowed \(a whole number 0 to 10,000\)$"):
        check_whole(-1, "weeks", 0, MAX_WEEKS)
    with pytest.raises(
        ParameterError, match=r"^chunk_size = True is not allowed \(a whole number, 1 or more\)$"
    ):
        check_whole(True, "chunk_size", 1)
    with pytest.raises(ParameterError, match=r"^x = nan is not allowed \(a number from 0 to 1\)$"):
        check_number(float("nan"), "x")
    assert check_whole(3, "n", 1, 3) == 3 and check_number(0.5, "x") == 0.5


# --- names: one person whatever the capitals, in the API, scenario files and team files ----------


def test_names_differing_only_in_case_are_refused_everywhere():
    twins = [Member("An"), Member("an ")]
    for run in (lambda: LMXModel(team=twins), lambda: run_batch([1], 2, team=twins)):
        with pytest.raises(ParameterError, match="'an ' appears twice"):
            run()
    rows = [{"name": "An", "first_impression": 0.3}, {"name": "an", "first_impression": 0.4}]
    with pytest.raises(
        ConfigError, match=r"^s.toml: team member 2: name 'an' appears twice \(also 'An' at team"
    ):
        scenario_from_dict({"team": rows}, where="s.toml")
    with pytest.raises(TeamFileError, match="'an' appears twice"):
        parse_team_file("name,closeness\nAn,0.3\nan,0.4\n", "t.csv")
    check_unique_names(["An", "Bram"])  # different people pass


# --- run length: one limit and one exception type for both engines -------------------------------


def test_the_same_bad_week_count_gets_the_same_error_from_both_engines():
    messages = []
    for run in (lambda: LMXModel(n_employees=3, rng=1).run(-1), lambda: run_batch([1], -1, n_employees=3)):
        with pytest.raises(ParameterError) as caught:
            run()
        messages.append(str(caught.value))
    assert messages[0] == messages[1] == "weeks = -1 is not allowed (a whole number 0 to 10,000)"
    with pytest.raises(ParameterError, match="a whole number 0 to 10,000"):
        LMXModel(n_employees=3, rng=1).run(MAX_WEEKS + 1)


def test_one_week_limit_for_configs_twins_and_the_strategy_lab():
    over = MAX_WEEKS + 1
    with pytest.raises(ConfigError, match=f"weeks = {over} is not allowed \\(a whole number 0 to 10,000\\)"):
        scenario_from_dict({"weeks": over})
    with pytest.raises(
        ParameterError, match=f"weeks = {over} is not allowed \\(a whole number 1 to 10,000\\)"
    ):
        twin_run("first-impression", "one-on-ones:An", weeks=over)
    team = [Member("An", first_impression=0.3), Member("Bram", first_impression=0.8)]
    with pytest.raises(
        ParameterError, match=f"weeks = {over} is not allowed \\(a whole number 1 to 10,000\\)"
    ):
        compare_strategies(team, [custom_strategy("one-on-ones:An")], replications=30, weeks=over)
    long = compare_strategies(team, [custom_strategy("one-on-ones:An")], replications=30, weeks=600)
    assert long.weeks == 600  # the lab used to stop at 520 weeks; one limit now


def test_intervention_weeks_use_the_same_rule():
    with pytest.raises(
        InterventionError,
        match=r"^one-on-ones: every \(rhythm in weeks\) = 0 is not allowed \(a whole number 1 to 10,000\)$",
    ):
        lookup("one-on-ones")(target="An", every=0)


# --- strategy targets: a member is found whatever the capitals ------------------------------------


def test_targets_are_case_insensitive():
    names = ["Jeroen Claes", "Zoë Peeters"]
    plan = parse_spec("one-on-ones:jeroen claes@1")
    assert list(plan.targets(names, [1, 1])) == [True, False]
    assert list(parse_spec("one-on-ones:ZOË PEETERS").targets(names, [1, 1])) == [False, True]
    with pytest.raises(InterventionError, match="unknown member 'jeroen'"):
        parse_spec("one-on-ones:jeroen").targets(names, [1, 1])
    team = [Member(n, first_impression=0.4) for n in names]
    lower = compare_strategies(
        team, [custom_strategy("one-on-ones:jeroen claes@1")], replications=30, weeks=8
    )
    exact = compare_strategies(
        team, [custom_strategy("one-on-ones:Jeroen Claes@1")], replications=30, weeks=8
    )
    assert lower.member_gains()["gain"].tolist() == exact.member_gains()["gain"].tolist()
    assert lower.member_gains()["gain"].abs().max() > 0
