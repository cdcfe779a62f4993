"""Preset scenarios: complete, bilingual, runnable, and each shows the mechanism its story promises.

Mechanism checks average over many replications of the batch engine and
compare with a twin in which the scenario's one special ingredient is removed,
so they test the story's claim rather than today's calibration.
"""

from __future__ import annotations

import dataclasses
import re

import numpy as np
import pytest

from lmxsim.engine.batch import run_batch
from lmxsim.engine.mesa_model import LMXModel
from lmxsim.interventions.catalogue import OneOnOnes, RoleClarification
from lmxsim.science.claims import STORY_SEEDS, STORY_SHARE, hold_rates
from lmxsim.team.config import ConfigError, load_config, load_scenario, scenario_names
from lmxsim.team.expect import arrays_from_model
from lmxsim.team.members import DRAWN
from lmxsim.texts import LANGUAGES

REQUIRED = {"first-impression", "favouritism", "new-leader", "low-safety", "rebels", "set-up-to-fail"}
SEEDS = list(range(300))


def run_preset(scenario, params=None, team=None):
    return run_batch(SEEDS, scenario.weeks, params or scenario.params, team or scenario.team)


def sentences(text: str) -> int:
    return len(re.findall(r"[.!?](?=\s|$)", text.strip()))


def test_the_required_presets_exist() -> None:
    assert set(scenario_names()) >= REQUIRED


@pytest.mark.parametrize("name", scenario_names())
def test_each_preset_has_a_bilingual_title_and_a_two_sentence_story(name: str) -> None:
    scenario = load_scenario(name)
    for lang in LANGUAGES:
        assert scenario.title[lang].strip(), (name, lang)
        assert sentences(scenario.story[lang]) == 2, (name, lang, scenario.story[lang])
    assert scenario.title["en"] != scenario.title["nl"]
    assert scenario.story["en"] != scenario.story["nl"]


@pytest.mark.parametrize("name", scenario_names())
def test_each_preset_runs_in_both_engines_alike(name: str) -> None:
    scenario = load_scenario(name)
    model = LMXModel.from_scenario(scenario).run(6)
    fast = run_batch([scenario.seed], 6, scenario.params, scenario.team, scenario.team_size)
    np.testing.assert_allclose(
        fast.member_frame(0)["lmx"], model.member_frame()["lmx"], rtol=0, atol=1e-9, err_msg=name
    )


# --- each preset's story is a claim: [expect] --------------------------------------------


@pytest.mark.parametrize("name", scenario_names())
def test_each_preset_declares_what_its_story_claims(name: str) -> None:
    scenario = load_scenario(name)
    assert scenario.expect is not None, f"{name}: no [expect] table"
    for member in scenario.team:  # no drawn trait can turn the story around
        for trait in DRAWN:
            assert getattr(member, trait) is not None, f"{name}: {member.name} has no {trait}"


@pytest.mark.parametrize("name", scenario_names())
def test_the_story_happens_on_the_presets_own_seed(name: str) -> None:
    """What the app shows: the Mesa model on the preset's seed."""
    scenario = load_scenario(name)
    model = LMXModel.from_scenario(scenario).run(scenario.weeks)
    held = scenario.expect.check(*arrays_from_model(model))
    broken = [claim for claim, ok in held.items() if not ok.all()]
    assert not broken, f"{name} (seed {scenario.seed}): the story says {broken}, the model does not"


@pytest.mark.slow
@pytest.mark.parametrize("name", scenario_names())
def test_the_story_happens_on_most_seeds(name: str) -> None:
    """The numbers `lmxsim scenarios --check NAME` prints (science/claims.py)."""
    rates = hold_rates(load_scenario(name), STORY_SEEDS)
    shares = {claim: f"{share:.0%}" for claim, share in rates.shares.items()}
    assert rates.story >= STORY_SHARE, (
        f"{name}: the whole story holds in {rates.story:.0%} of seeds; {shares}"
    )


# --- stories that hold and differ (issue 24 req 7) -------------------------------------------
# "Rebels" and "New leader" were stories in which little happened that a room would notice
# ("the rebels end a little above"). Each now claims something the drawing and the narration show
# (a gap the drawing draws as distance, or a member who drifts out), on 90% of 200 seeds, and
# something only it shows: its claims break when its own ingredient is taken out.
WITHOUT_INGREDIENT = {
    # the leader's taste: without it the rebels and the rule-followers are alike
    "rebels": lambda s: dataclasses.replace(s, params=s.params.replace(values_challenge=0.0)),
    # ability: without its differences the new leader has nothing to read, and luck sorts the team
    "new-leader": lambda s: dataclasses.replace(
        s, team=[dataclasses.replace(m, ability=0.6) for m in s.team]
    ),
}


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(WITHOUT_INGREDIENT))
def test_the_rewritten_stories_hold_on_90_percent_of_200_seeds(name: str) -> None:
    rates = hold_rates(load_scenario(name), STORY_SEEDS)
    shares = {claim: f"{share:.0%}" for claim, share in rates.shares.items()}
    assert STORY_SEEDS == 200
    assert rates.bar == 0.9 and rates.story >= rates.bar, (
        f"{name}: the whole story holds in {rates.story:.0%}; {shares}"
    )
    assert all(rates.on_own_seed.values()), f"{name}: not on its own seed: {rates.on_own_seed}"


@pytest.mark.parametrize("name", sorted(WITHOUT_INGREDIENT))
def test_the_rewritten_stories_claim_what_a_room_sees(name: str) -> None:
    """More than an order: a visible gap (distance in the drawing) or a member changing group."""
    expect = load_scenario(name).expect
    assert expect.gap_above is not None or expect.in_group or expect.out_group, name


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(WITHOUT_INGREDIENT))
def test_the_rewritten_stories_need_their_own_ingredient(name: str) -> None:
    """What only this preset shows: the same story without its ingredient mostly fails."""
    scenario = load_scenario(name)
    without = hold_rates(WITHOUT_INGREDIENT[name](scenario), STORY_SEEDS)
    assert without.story <= 0.5, f"{name}: holds in {without.story:.0%} without its ingredient"


@pytest.mark.parametrize(
    ("table", "message"),
    [
        ("gap_above = 0.1", "gap_above needs ahead and behind"),
        ('ahead = ["An"]\nbehind = ["Bram"]\ngap_above = 2', "gap_above = 2 is not allowed"),
        ('out = ["Nobody"]', "unknown member 'Nobody'"),
        ('spread = "shrinks"', "spread"),
        ("by_week = 99", "by_week"),
        ('ahead = ["An"]', "ahead and behind go together"),
        ("louder = 1", "unknown claim"),
    ],
)
def test_a_bad_expect_table_is_one_clear_config_error(tmp_path, table: str, message: str) -> None:
    path = tmp_path / "s.toml"
    path.write_text(
        f'weeks = 10\n[[team]]\nname = "An"\n[[team]]\nname = "Bram"\n[expect]\n{table}\n', encoding="utf-8"
    )
    with pytest.raises(ConfigError, match=message):
        load_config(path)


def test_first_impression_keeps_its_two_equally_able_colleagues() -> None:
    team = {m.name: m for m in load_scenario("first-impression").team}
    assert team["An"].ability == team["Bram"].ability
    assert team["An"].first_impression < team["Bram"].first_impression


def test_favouritism_splits_an_equally_able_team_into_in_and_out() -> None:
    scenario = load_scenario("favouritism")
    favourite = np.array([m.first_impression > 0.6 for m in scenario.team])
    ability = np.array([m.ability for m in scenario.team])
    assert 0 < favourite.sum() < len(favourite)
    assert abs(ability[favourite].mean() - ability[~favourite].mean()) < 0.02
    run = run_preset(scenario)
    end = run.members["lmx"][scenario.weeks]
    gap = end[:, favourite].mean(axis=1) - end[:, ~favourite].mean(axis=1)
    assert gap.mean() > 4 * gap.std(ddof=1) / np.sqrt(len(gap))
    # the split shows as differentiation, which an even first week would not produce
    even = [dataclasses.replace(m, first_impression=0.6) for m in scenario.team]
    spread = (
        run.team["lmx_differentiation"][scenario.weeks]
        - run_preset(scenario, team=even).team["lmx_differentiation"][scenario.weeks]
    )
    assert spread.mean() > 4 * spread.std(ddof=1) / np.sqrt(len(spread))


def test_a_new_leader_comes_to_read_ability_in_a_team_of_strangers() -> None:
    scenario = load_scenario("new-leader")
    assert len({m.first_impression for m in scenario.team}) == 1  # no one is known yet
    ability = np.array([m.ability for m in scenario.team])
    run = run_preset(scenario)

    def fit(week: int) -> float:
        return float(np.nanmean([np.corrcoef(ability, lmx)[0, 1] for lmx in run.members["lmx"][week]]))

    assert fit(scenario.weeks) > fit(2) + 0.1


def test_low_safety_keeps_problems_hidden_until_they_burn() -> None:
    scenario = load_scenario("low-safety")
    trusting = [dataclasses.replace(m, trust_propensity=0.7) for m in scenario.team]
    guarded, open_ = run_preset(scenario), run_preset(scenario, team=trusting)
    for measure, more_in_low_safety in (
        ("fires", True),
        ("problems_hidden", True),
        ("problems_reported", False),
    ):
        diff = guarded.team[measure][1:].mean(axis=0) - open_.team[measure][1:].mean(axis=0)
        signed = diff if more_in_low_safety else -diff
        assert signed.mean() > 4 * signed.std(ddof=1) / np.sqrt(len(signed)), measure


def test_a_leader_who_values_challenge_favours_the_rebels() -> None:
    scenario = load_scenario("rebels")
    assert scenario.params.values_challenge > 0
    challenge = np.array([m.challenge for m in scenario.team])
    rebel = challenge > 0.5
    assert 0 < rebel.sum() < len(rebel)

    def rebel_edge(run) -> np.ndarray:
        trust = run.members["leader_trust"][scenario.weeks]
        return trust[:, rebel].mean(axis=1) - trust[:, ~rebel].mean(axis=1)

    edge = rebel_edge(run_preset(scenario))
    neutral = rebel_edge(run_preset(scenario, params=scenario.params.replace(values_challenge=0.0)))
    diff = edge - neutral
    assert diff.mean() > 4 * diff.std(ddof=1) / np.sqrt(len(diff))


# --- interventions in scenario files -------------------------------------------------------


def test_interventions_scheduled_in_a_scenario_file_run_and_are_recorded(tmp_path) -> None:
    path = tmp_path / "with-help.toml"
    path.write_text(
        'weeks = 14\nseed = 2\n[[team]]\nname = "An"\nfirst_impression = 0.3\n'
        + '[[team]]\nname = "Bram"\n'
        + '[[interventions]]\ntype = "role-clarification"\ntarget = "An"\nstart = 4\n'
        + '[[interventions]]\ntype = "one-on-ones"\ntarget = "out-group"\n'
        + "start = 2\nevery = 3\nduration = 9\n",
        encoding="utf-8",
    )
    scenario = load_config(path)
    assert scenario.interventions == [
        RoleClarification(target="An", start=4),
        OneOnOnes(target="out-group", start=2, every=3, duration=9),
    ]
    members = LMXModel.from_scenario(scenario).run(14).member_frame()
    clarified = members[members["interventions"].str.contains("role-clarification")]
    assert set(clarified["name"]) == {"An"} and sorted(clarified["week"]) == list(range(4, 12))


@pytest.mark.parametrize(
    ("row", "message"),
    [
        ('type = "pep-talk"\nstart = 3', "intervention 1: unknown intervention 'pep-talk'"),
        ('type = "one-on-ones"\ntarget = "Zed"', "unknown member 'Zed'"),
        ('type = "one-on-ones"\nevery = 0', "every"),
    ],
)
def test_a_bad_intervention_in_a_file_is_one_clear_config_error(tmp_path, row: str, message: str) -> None:
    path = tmp_path / "bad.toml"
    path.write_text(f'[[team]]\nname = "An"\n[[interventions]]\n{row}\n', encoding="utf-8")
    with pytest.raises(ConfigError, match=message):
        load_config(path)


# --- the command ---------------------------------------------------------------------------


def test_scenarios_command_lists_every_preset_with_its_title(cli) -> None:
    code, out, _ = cli("scenarios")
    assert code == 0
    flat = " ".join(out.split())
    for name in scenario_names():
        assert name in out
        assert load_scenario(name).title["en"].split()[0] in flat


def test_scenarios_command_speaks_dutch(cli) -> None:
    code, out, _ = cli("scenarios", "--lang", "nl", "--stories")
    assert code == 0
    flat = " ".join(out.replace("│", " ").split())
    assert "Favorieten en de rest" in flat
    assert "Favourites and the rest" not in flat


def test_scenarios_command_rejects_an_unknown_language(cli) -> None:
    code, _, err = cli("scenarios", "--lang", "fr")
    assert code == 2
    assert err.strip().splitlines() == ["error: --lang 'fr' is not allowed (allowed: en, nl)"]


@pytest.mark.parametrize("name", ["rebels", "low-safety"])
def test_run_takes_a_preset_by_name(cli, name: str) -> None:
    code, out, _ = cli("run", "--scenario", name, "--weeks", "3")
    assert code == 0
    assert load_scenario(name).team[0].name in out


def test_the_first_impression_knobs_change_who_ends_where() -> None:
    """A trainer who turns 'first impression sticks' and 'confirmation bias' down sees An recover."""
    scenario = load_scenario("first-impression")
    open_minded = scenario.params.replace(initial_confidence=0.0, confirmation_bias=0.0)
    an, bram = 0, 1

    def ends(params):
        run = run_batch(list(range(STORY_SEEDS)), scenario.weeks, params, scenario.team)
        out = run.members["group"][scenario.weeks, :, an] == 0
        gap = run.members["lmx"][scenario.weeks, :, bram] - run.members["lmx"][scenario.weeks, :, an]
        return out.mean(), gap.mean()

    (out_sticky, gap_sticky), (out_open, gap_open) = ends(scenario.params), ends(open_minded)
    assert out_sticky >= 0.8 and out_open <= 0.5, (out_sticky, out_open)
    assert gap_open < 0.6 * gap_sticky, (gap_sticky, gap_open)


@pytest.mark.parametrize("name", ["first-impression", "favouritism", "new-leader", "rebels"])
def test_the_workshop_narrates_and_draws_what_the_story_claims(name: str) -> None:
    """The app's narration and drawing tell the same story as the [expect] table."""
    from lmxsim.app.session import Workshop
    from lmxsim.app.team_drawing import IN_RING, OUT_RING, distance, group_bounds

    workshop = Workshop(name)
    workshop.step(workshop.last_week)
    model, claims = workshop.model, workshop.scenario.expect
    said = {(e.kind, e.name) for e in workshop.narrator.events}
    by_name = {e.name: e for e in model.employees}
    bounds = group_bounds([e.lmx for e in model.employees], model.params)
    for member in claims.out_group:
        assert ("ev_out", member) in said, f"{name}: the narration never says {member} drifts out"
        assert by_name[member].group_name == "out"
        assert distance(by_name[member].lmx, *bounds) > OUT_RING  # outside the ring
    for member in claims.in_group:
        assert ("ev_in", member) in said, f"{name}: the narration never says {member} moves in"
        assert by_name[member].group_name == "in"
        assert distance(by_name[member].lmx, *bounds) < IN_RING
    if claims.gap_above is not None:  # the gap is said at the end, and drawn as distance
        held = {(e.key, e.count) for e in workshop.narrator.events if e.kind == "ev_claim"}
        assert ("gap", 1) in held, f"{name}: the narration does not say the gap held"
        lmx = {e.name: e.lmx for e in model.employees}
        ahead = np.mean([distance(lmx[n], *bounds) for n in claims.ahead])
        behind = np.mean([distance(lmx[n], *bounds) for n in claims.behind])
        assert ahead < behind, f"{name}: {claims.ahead} are not drawn closer than {claims.behind}"
