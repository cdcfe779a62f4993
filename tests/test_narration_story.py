"""The narration tells the story of a run (issue 24 req 2): group changes, the preset's claims and
the trainer's interventions stay on screen for the whole run; recurring events fold per week."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from lmxsim.app.narration import QUIET_WEEKS, Event, Narrator, history_lines, log_html, story_lines
from lmxsim.app.session import Workshop
from lmxsim.team.config import scenario_names


def _group_changes(workshop) -> list[tuple[int, str, str]]:
    """The model's own group changes (week, member, new group), from the recorded history: a repeat
    of the same move by the same member within QUIET_WEEKS (noise at a boundary) is told once."""
    groups, names = workshop.history.groups, workshop.names
    said: dict[tuple[str, str, str], int] = {}
    changes = []
    for week in range(1, len(groups)):
        for member, old, new in zip(names, groups[week - 1], groups[week], strict=True):
            if old == new:
                continue
            move = (member, old if new == "middle" else "", new)
            if week - said.get(move, -QUIET_WEEKS) >= QUIET_WEEKS:
                changes.append((week, member, new))
                said[move] = week
    return changes


@pytest.mark.parametrize("name", scenario_names())
@pytest.mark.parametrize("lang", ["en", "nl"])
def test_every_group_change_is_in_the_story_at_the_last_week(name, lang):
    workshop = Workshop(name)
    workshop.step(workshop.last_week)
    events = workshop.narrator.events
    story = dict(story_lines(events, lang))
    changes = _group_changes(workshop)
    assert changes, f"{name}: no group change in the whole run"
    for week, member, new in changes:
        parts = story.get(week, [])
        assert any(kind == "lmx-log-group" and member in text for kind, text in parts), (
            f"{name} week {week}: {member} moved to {new}, not in the story: {parts}"
        )
    html = log_html(events, lang)
    assert html.index("lmx-log-story") < html.index("lmx-log-history")  # the story comes first


@pytest.mark.parametrize("name", scenario_names())
def test_the_preset_claims_are_told_and_held_on_its_own_seed(name):
    workshop = Workshop(name)
    workshop.step(workshop.last_week)
    claims = [e for e in workshop.narrator.events if e.kind == "ev_claim"]
    assert claims, f"{name}: the story's [expect] claims are never told"
    assert all(e.count == 1 for e in claims), [e for e in claims if not e.count]
    story = " ".join(text for _, parts in story_lines(workshop.narrator.events, "en") for _, text in parts)
    assert "as the story said" in story


def test_an_intervention_stays_in_the_story_after_many_weeks():
    workshop = Workshop("low-safety")
    workshop.step(2)
    assert not isinstance(workshop.apply("one-on-ones", "An"), str)
    workshop.step(workshop.last_week)
    story = story_lines(workshop.narrator.events, "en")
    assert any("starts for An" in text for _, parts in story for _, text in parts)
    assert len(history_lines(workshop.narrator.events, "en")) > 12  # more than the 12 lines kept before


def _member(name, fire=0, phase="stranger"):
    return SimpleNamespace(
        name=name, group_name="middle", phase_name=phase, hidden_stock=0, problems_reported=0, fire=fire
    )


def test_recurring_events_fold_into_one_line_a_week_that_names_everyone():
    team = ["An", "Bram", "Sam"]
    narrator = Narrator(SimpleNamespace(week=0, employees=[_member(n) for n in team], interventions=[]))
    narrator.observe(
        SimpleNamespace(
            week=1, employees=[_member(n, fire=1, phase="acquaintance") for n in team], interventions=[]
        )
    )
    lines = [text for _, _, text in history_lines(narrator.events, "en")]
    assert "3 fires this week: An, Bram, Sam" in lines
    assert "An, Bram, Sam get to know the leader" in lines
    assert len(lines) == 2
    assert [text for _, _, text in history_lines(narrator.events, "en", fires=False)] == [
        "An, Bram, Sam get to know the leader"
    ]


def test_a_team_file_gets_no_claims_of_the_preset():
    events = [Event(3, "ev_in", "An")]
    assert story_lines(events, "nl") == [(3, [("lmx-log-group", "An komt in de in-groep")])]
