"""The workshop app's parts, rendered without a browser (solara.render) or called directly.

Checks behaviour, not model numbers: things appear, respond to clicks, change
when the model moves, and stay separate between sessions.
"""

from __future__ import annotations

import itertools
import re
import string
from types import SimpleNamespace

import ipyvue
import ipyvuetify as v
import numpy as np
import pytest
import solara
from solara_tabs import open_side_tab

from lmxsim.app import i18n
from lmxsim.app.charts import member_charts_svg, team_charts_svg
from lmxsim.app.main import Page
from lmxsim.app.narration import QUIET_WEEKS, SILENT_AFTER, Narrator, describe
from lmxsim.app.session import Workshop
from lmxsim.app.team_drawing import CENTRE, COLOURS, distance, drawing_svg
from lmxsim.interventions.catalogue import CATALOGUE

# --------------------------------------------------------------------------- texts


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_every_label_exists_in_both_languages_with_the_same_placeholders():
    for key, entry in i18n.TEXT.items():
        assert entry.get("en") and entry.get("nl"), key
        assert _fields(entry["en"]) == _fields(entry["nl"]), key


def test_every_intervention_in_the_catalogue_has_a_title_in_both_languages():
    for cls in CATALOGUE.values():
        assert i18n.intervention_title(cls, "nl") and i18n.intervention_title(cls, "en")


# --------------------------------------------------------------------------- drawing


def _positions(svg: str) -> dict[str, tuple[float, float, str]]:
    """name -> (x, y, fill) of each member circle (the last circle in its group)."""
    found = {}
    for name, body in re.findall(r'<g class="lmx-member[^"]*" data-member="([^"]+)"(.*?)</g>', svg):
        cx, cy, fill = re.findall(r'<circle cx="([\d.]+)" cy="([\d.]+)" r="[\d.]+" fill="(#\w+)"', body)[-1]
        found[name] = (float(cx), float(cy), fill)
    return found


def test_distance_shrinks_as_the_relationship_improves():
    lmx = np.linspace(0.0, 1.0, 41)
    radii = [distance(value, 0.62, 0.45) for value in lmx]
    assert all(a >= b for a, b in itertools.pairwise(radii))
    assert radii[0] > radii[-1]


def test_drawing_shows_every_member_closer_when_lmx_is_higher_and_coloured_by_group():
    workshop = Workshop()
    workshop.step(12)
    model = workshop.model
    svg = drawing_svg(model, selected="An", lang="en")
    spots = _positions(svg)
    assert set(spots) == set(model.names)
    assert svg.count("lmx-selected") == 1 and 'data-member="An"' in svg
    assert "Week 12" in svg and ">Leader<" in svg
    by_lmx = sorted(model.employees, key=lambda e: e.lmx)
    far = [np.hypot(spots[e.name][0] - CENTRE, spots[e.name][1] - CENTRE) for e in by_lmx]
    assert all(a >= b - 1e-6 for a, b in itertools.pairwise(far))
    for member in model.employees:
        assert spots[member.name][2] == COLOURS[member.group_name]
    assert ">Leider<" in drawing_svg(model, selected=None, lang="nl")


def test_the_drawing_moves_as_the_weeks_pass():
    workshop = Workshop()
    before = drawing_svg(workshop.model, None, "en")
    workshop.step(5)
    assert _positions(drawing_svg(workshop.model, None, "en")) != _positions(before)


# --------------------------------------------------------------------------- charts


def test_charts_draw_one_line_per_member_and_mark_intervention_starts():
    workshop = Workshop()
    workshop.step(4)
    svg = member_charts_svg(workshop, "An", "en")
    assert svg.count("<svg") == 3
    assert svg.count("<polyline") == 3 * len(workshop.names)
    assert "lmx-mark" not in svg
    planned = workshop.apply(next(iter(CATALOGUE)), "An")
    assert not isinstance(planned, str), planned
    svg = member_charts_svg(workshop, "An", "en") + team_charts_svg(workshop, "en")
    assert svg.count(f'class="lmx-mark" data-week="{planned.start}"') == 6


def test_twin_lines_appear_only_with_the_twin_on():
    workshop = Workshop()
    workshop.step(3)
    plain = team_charts_svg(workshop, "en")
    workshop.set_twin(True)
    twin = team_charts_svg(workshop, "en")
    assert 'stroke-dasharray="6 5"' not in plain and 'stroke-dasharray="6 5"' in twin


# --------------------------------------------------------------------------- session


def test_two_workshops_do_not_share_a_model():
    first, second = Workshop(), Workshop()
    first.step(5)
    assert (first.week, second.week) == (5, 0)
    assert first.model is not second.model


def test_twin_has_the_same_luck_until_the_intervention_acts():
    workshop = Workshop()
    workshop.step(3)
    planned = workshop.apply("role-clarification", "An")
    workshop.set_twin(True)  # built late: caught up on the same seed
    workshop.step(8)
    trust = workshop.history.member_series("trust")
    twin = workshop.twin_history.member_series("trust")
    assert np.array_equal(trust[: planned.start], twin[: planned.start])
    assert not np.array_equal(trust[planned.start :], twin[planned.start :])


def test_a_setting_the_model_rejects_gives_a_message_and_the_team_keeps_running():
    workshop = Workshop()
    workshop.step(4)
    message = workshop.set_knob("confirmation_bias", 7.0)
    assert message and "confirmation_bias" in message
    assert workshop.week == 4 and workshop.knobs["confirmation_bias"] != 7.0
    assert workshop.set_knob("confirmation_bias", 0.5) is None
    assert workshop.week == 0 and workshop.model.params.confirmation_bias == 0.5


def test_a_bad_team_file_gives_a_message_and_a_good_one_replaces_the_team():
    workshop = Workshop()
    message = workshop.load_team(b"name,closeness\nKim,lots\n", "team.csv")
    assert message and "Kim" in message
    assert workshop.load_team(b"name,closeness\nKim,0.8\nJo,0.3\n", "team.csv") is None
    assert workshop.names == ["Kim", "Jo"]


def test_an_intervention_for_an_unknown_member_is_a_message():
    workshop = Workshop()
    assert isinstance(workshop.apply("role-clarification", "Nobody"), str)
    assert workshop.intervention_starts() == []


def test_team_size_cuts_or_extends_the_preset_team():
    workshop = Workshop()
    preset = list(workshop.names)
    assert workshop.set_knob("team_size", 3) is None
    assert workshop.names == preset[:3]
    assert workshop.set_knob("team_size", len(preset) + 2) is None
    assert workshop.names[: len(preset)] == preset and len(set(workshop.names)) == len(preset) + 2


# --------------------------------------------------------------------------- narration


def _member(name, group="middle", phase="stranger", hidden=0, reported=0, fire=0):
    return SimpleNamespace(
        name=name,
        group_name=group,
        phase_name=phase,
        hidden_stock=hidden,
        problems_reported=reported,
        fire=fire,
    )


def _fake(week, *members):
    return SimpleNamespace(week=week, employees=list(members), interventions=[])


def test_narration_tells_group_and_phase_changes_in_both_languages():
    narrator = Narrator(_fake(0, _member("Sam"), _member("An")))
    events = narrator.observe(_fake(1, _member("Sam"), _member("An", group="out", phase="acquaintance")))
    lines = [describe(e, "en") for e in events]
    assert "week 1: An enters the out-group" in lines
    assert "week 1: An gets to know the leader" in lines
    assert not any("Sam" in line for line in lines)
    assert describe(events[0], "nl") != describe(events[0], "en")


def test_narration_says_when_someone_stops_reporting_problems():
    narrator = Narrator(_fake(0, _member("Sam")))
    said = []
    for week in range(1, SILENT_AFTER + 2):
        said += narrator.observe(_fake(week, _member("Sam", hidden=week)))
    assert [describe(e, "en") for e in said] == [f"week {SILENT_AFTER}: Sam stops reporting problems"]


def test_narration_does_not_repeat_a_flip_flop():
    narrator = Narrator(_fake(0, _member("An")))
    said = []
    for week in range(1, QUIET_WEEKS):
        said += narrator.observe(_fake(week, _member("An", group="out" if week % 2 else "middle")))
    assert sum(e.kind == "ev_out" for e in said) == 1


# --------------------------------------------------------------------------- the page


def _texts(rc) -> str:
    return " ".join(str(w.children) for w in rc.find(v.Html).widgets) + " ".join(
        str(getattr(w, "v_model", "")) for w in rc.find(v.Btn).widgets
    )


def _person_chart(rc) -> str:
    import solara.widgets

    charts = [
        w.unsafe_innerHTML
        for w in rc.find(solara.widgets.HTML).widgets
        if "lmx-person-chart" in w.attributes.get("class", "")
    ]
    assert len(charts) == 1
    return charts[0]


def _button(rc, label):
    return rc.find(v.Btn, children=[label]).widget


def test_page_steps_selects_applies_and_switches_language():
    _box, rc = solara.render(Page(), handle_error=False)
    try:
        _button(rc, "Step one week").click()
        _button(rc, "Step one week").click()
        rc.find(v.Html, children=["Week 2"]).assert_single()
        drawing = next(w for w in rc.find(ipyvue.VueTemplate).widgets if hasattr(w, "vue_select"))
        drawing.vue_select("Sam")
        assert 'data-member="Sam" ' in drawing.svg and "lmx-selected" in drawing.svg
        assert "Sam over the weeks" in _person_chart(rc)
        open_side_tab(rc, "Intervene")
        _button(rc, "Apply from next week").click()
        plans = [w.children[0] for w in rc.find(v.Html, class_="lmx-plan").widgets]
        assert len(plans) == 1 and re.fullmatch(r"1\. Week 3: .+ → Sam", plans[0]), plans
        rc.find(v.BtnToggle, class_="lmx-lang").widget.v_model = 1  # what clicking "Nederlands" sends
        rc.find(v.Btn, children=["Eén week verder"]).assert_single()
        rc.find(v.Html, children=["Week 2"]).assert_single()  # same model, other language
    finally:
        rc.close()


def test_two_pages_have_their_own_model():
    _, first = solara.render(Page(), handle_error=False)
    _, second = solara.render(Page(), handle_error=False)
    try:
        _button(first, "Step one week").click()
        first.find(v.Html, children=["Week 1"]).assert_single()
        second.find(v.Html, children=["Week 0"]).assert_single()
    finally:
        first.close()
        second.close()


@pytest.mark.parametrize("lang, label", [("en", "Step one week"), ("nl", "Eén week verder")])
def test_language_at_start_comes_from_the_environment(monkeypatch, lang, label):
    monkeypatch.setenv("LMXSIM_APP_LANG", lang)
    _, rc = solara.render(Page(), handle_error=False)
    try:
        rc.find(v.Btn, children=[label]).assert_single()
    finally:
        rc.close()


# --------------------------------------------------------------------------- the command


def test_room_mode_warns_and_shows_the_address_to_share(monkeypatch):
    from lmxsim.app import server

    monkeypatch.setattr(server, "lan_address", lambda: "192.168.1.23")
    local, lines = server.addresses("0.0.0.0", 8765)
    assert local == "http://127.0.0.1:8765/"
    assert any("WARNING" in line and "local network" in line for line in lines)
    assert "Participants open: http://192.168.1.23:8765/" in lines
    _, lines = server.addresses("127.0.0.1", 8765)
    assert not any("WARNING" in line for line in lines)


@pytest.mark.parametrize(
    "args, words",
    [(["--lang", "fr"], "--lang 'fr'"), (["--scenario", "nope"], "unknown scenario 'nope'")],
)
@pytest.mark.slow  # several seconds (a subprocess, a fit or many replications): the full suite runs it
def test_bad_command_line_is_one_readable_line_before_any_server_starts(args, words):
    import subprocess
    import sys

    result = subprocess.run(
        [sys.executable, "-m", "lmxsim", "app", "--no-open", "--port", "1", *args],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 2
    assert words in result.stderr and "Traceback" not in result.stderr


def test_a_port_in_use_is_reported():
    import socket

    from lmxsim.app.server import port_free

    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        assert not port_free("127.0.0.1", busy.getsockname()[1])
