"""What a change costs, as docs/architecture.md's recipes say: a new intervention is one class with
its catalogue entry plus its texts, and every part that offers interventions takes it from there."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

import numpy as np
import pytest

from lmxsim import texts
from lmxsim.engine.batch import run_batch
from lmxsim.engine.mesa_model import LMXModel
from lmxsim.interventions import catalogue
from lmxsim.interventions.spec import parse_spec
from lmxsim.model.nudges import Nudges
from lmxsim.team.members import Member
from lmxsim.texts.interventions import INTERVENTIONS, kinds

NEW_TEXTS = {
    "pep-talk.title": {"en": "Pep talk", "nl": "Peptalk"},
    "pep-talk.description": {"en": "A few warm words.", "nl": "Een paar warme woorden."},
    "pep-talk.hours_source": {"en": "assumption: ten minutes", "nl": "aanname: tien minuten"},
}


@pytest.fixture
def pep_talk(monkeypatch):
    """The two edits of the recipe: its texts (texts/interventions.py), its class and entry (catalogue.py)."""
    for key, text in NEW_TEXTS.items():
        monkeypatch.setitem(INTERVENTIONS, key, text)
        monkeypatch.setitem(texts.TEXT, f"intervention.{key}", text)

    @dataclass
    class PepTalk(catalogue.Intervention):
        key: ClassVar[str] = "pep-talk"
        hours: ClassVar[float] = 0.2
        hours_source: ClassVar[dict[str, str]] = catalogue._texts("pep-talk", "hours_source")
        title: ClassVar[dict[str, str]] = catalogue._texts("pep-talk", "title")
        description: ClassVar[dict[str, str]] = catalogue._texts("pep-talk", "description")

        def nudge(self, nudges: Nudges, who: np.ndarray, weeks_in: int, view: catalogue.WeekView) -> None:
            nudges.trust_bonus[who] += 0.02

    monkeypatch.setitem(catalogue.CATALOGUE, PepTalk.key, PepTalk)
    return PepTalk


def test_a_new_intervention_is_one_entry_plus_its_texts(pep_talk) -> None:
    assert "pep-talk" in kinds()  # the CLI's help lists it (commands/compare.py reads kinds())
    planned = parse_spec("pep-talk:An@2")  # the CLI's and the app's one-line spec
    assert isinstance(planned, pep_talk) and planned.title["nl"] == "Peptalk"
    team = [Member("An", ability=0.6), Member("Bram", ability=0.6)]
    model = LMXModel(team=team, rng=4, interventions=[planned]).run(6)
    batch = run_batch([4], 6, team=team, interventions=[planned])
    np.testing.assert_allclose(batch.team_frame()["lmx_mean"], model.team_frame()["lmx_mean"], atol=1e-12)
    assert any("pep-talk" in label for label in batch.interventions)
