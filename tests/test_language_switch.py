"""A language switch leaves no stale text (issue 24 req 10): messages are worded when shown."""

from __future__ import annotations

import ipyvuetify as v
import solara

from lmxsim.app.interventions_panel import InterventionsPanel
from lmxsim.app.page import Banner
from lmxsim.app.session import Workshop


def _texts(rc) -> str:
    return " ".join(str(w.children) for w in rc.find(v.Alert).widgets)


def test_the_applied_message_follows_the_language():
    workshop = Workshop()
    lang = solara.reactive("en")

    @solara.component
    def Panel():
        InterventionsPanel(workshop, lang.value, "An", lambda _: None, lambda: None)

    _, rc = solara.render(Panel(), handle_error=False)
    try:
        rc.find(v.Btn, children=["Apply from next week"]).widget.click()
        assert "starts in week 1" in _texts(rc)
        lang.value = "nl"
        assert "vanaf week 1." in _texts(rc)
        assert "starts in week" not in _texts(rc)
    finally:
        rc.close()


def test_a_notice_is_reworded_after_a_switch():
    notice = solara.reactive(("ok", "team_file_loaded", {"file": "team.csv"}))
    lang = solara.reactive("en")

    @solara.component
    def Line():
        Banner(notice, lang.value)

    _, rc = solara.render(Line(), handle_error=False)
    try:
        assert "Loaded team.csv." in _texts(rc)
        lang.value = "nl"
        assert "team.csv geladen." in _texts(rc) and "Loaded" not in _texts(rc)
    finally:
        rc.close()
