"""Each output measure is declared once (lmxsim/model/measures.py) and every table reads that declaration."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from lmxsim.engine.batch import run_batch
from lmxsim.engine.batch_many import run_many
from lmxsim.engine.mesa_model import LMXModel
from lmxsim.model import columns, measures
from lmxsim.model.frames import MEMBER_COLUMNS, TEAM_COLUMNS
from lmxsim.sweep import load_sweep, read_results, run_sweep
from lmxsim.team.config import load_scenario
from lmxsim.texts import LANGUAGES, TEXT

SEEDS = [3, 11]
WEEKS = 40


@pytest.fixture(scope="module")
def runs():
    """The same teams in both engines, with interventions, long enough for problems and fires."""
    scenario = load_scenario("low-safety")
    kwargs = {"params": scenario.params, "team": scenario.team, "interventions": scenario.interventions}
    mesa = [LMXModel(rng=seed, n_employees=scenario.team_size, **kwargs).run(WEEKS) for seed in SEEDS]
    batch = run_batch(SEEDS, WEEKS, n_employees=scenario.team_size, **kwargs)
    return mesa, batch


def test_the_tables_columns_are_the_declared_measures_in_order() -> None:
    assert ["week", *measures.TEAM] == TEAM_COLUMNS
    assert ["week", "member_id", "name", *measures.MEMBER] == MEMBER_COLUMNS


@pytest.mark.parametrize("name", list(measures.TEAM))
def test_every_team_measure_is_equal_in_both_engines(runs, name: str) -> None:
    mesa, batch = runs
    for r, model in enumerate(mesa):
        reference = model.team_frame()[name]
        fast = batch.team_frame(r)[name]
        np.testing.assert_allclose(fast.to_numpy(float), reference.to_numpy(float), rtol=0, atol=1e-12)
        if measures.TEAM[name].kind == "count":
            assert reference.dtype == fast.dtype == np.int64, f"{name} is a count: whole numbers"
    table = batch.team_table()
    assert name in table.columns
    second = table[table["replication"] == 1][name].to_numpy()
    np.testing.assert_array_equal(second, batch.team_frame(1)[name])


def test_the_measures_move_somewhere_in_these_runs(runs) -> None:
    """Otherwise the equality above would hold for constants (a test that cannot fail)."""
    team = pd.concat([model.team_frame() for model in runs[0]])
    for name in measures.TEAM:
        assert team[name].nunique() > 1, f"{name} never changes in the test runs: pick another scenario"


@pytest.mark.parametrize("name", [n for n, m in measures.TEAM.items() if m.reduce.source in MEMBER_COLUMNS])
def test_a_team_measure_is_its_reducer_over_the_member_table(runs, name: str) -> None:
    """The team table agrees with the member table through the declared reducer."""
    model = runs[0][0]
    measure = measures.TEAM[name]
    members = model.member_frame()
    source = members[measure.reduce.source]
    if measure.reduce.source in measures.CODES:  # labels in the table, codes in the engine
        source = source.map({label: code for code, label in enumerate(measures.CODES[measure.reduce.source])})
    n = model.team_size
    per_week = measure.reduce(source.to_numpy().reshape(-1, n))
    np.testing.assert_allclose(model.team_frame()[name].to_numpy(float), per_week, rtol=0, atol=1e-12)


def test_every_measure_is_in_the_data_dictionary_and_the_catalogue() -> None:
    for level in ("member", "team"):
        for name, measure in (measures.TEAM if level == "team" else measures.MEMBER).items():
            entry = columns.lookup(name, level)
            assert entry is not None and (entry.scale, entry.meaning) == (measure.scale, measure.meaning)
            assert all(TEXT[measure.text_key].get(lang) for lang in LANGUAGES), measure.text_key
            assert measure.label("nl")


def test_every_team_measure_reaches_the_sweep_tables_and_run_many(tmp_path: Path) -> None:
    spec = tmp_path / "all.toml"
    spec.write_text(
        textwrap.dedent(
            """
            title = "every team measure"
            weeks = 6
            replications = 2
            seed = 7
            [design]
            kind = "grid"
            [vary]
            confirmation_bias = [0.0, 0.6]
            [outcomes]
            weeks = [0, 6]
            """
        ),
        encoding="utf-8",
    )
    tables = {}
    for engine in ("batch", "mesa"):
        assert run_sweep(load_sweep(spec), tmp_path / engine, engine=engine).complete
        tables[engine] = read_results(tmp_path / engine).sort_values(["run", "week"]).reset_index(drop=True)
    for name, measure in measures.TEAM.items():
        assert name in tables["batch"].columns
        np.testing.assert_allclose(tables["batch"][name], tables["mesa"][name], rtol=0, atol=1e-12)
        if measure.kind == "count":
            assert tables["batch"][name].dtype == np.int64
    many = run_many(3, 5, weeks=4, n_employees=5, workers=1)
    assert list(many.columns) == ["replication", "week", *measures.TEAM]


NEW_MEASURE = """
import numpy as np
from lmxsim.model import measures
from lmxsim.texts import TEXT

new = measures.Measure(
    "trust_mean", "team", "number", "0-1", "mean trust in the leader",
    measures.Reducer("trust", "mean"), higher_is_better=True, negligible=0.005,
)
measures.TEAM["trust_mean"] = new          # the declaration ...
measures.TEAM_MEASURES = tuple(measures.TEAM)
TEXT["measure.team.trust_mean"] = {"en": "mean trust", "nl": "gemiddeld vertrouwen"}  # ... and its labels

from lmxsim.model import columns
from lmxsim.engine.batch import run_batch
from lmxsim.model.frames import TEAM_COLUMNS
from lmxsim.engine.mesa_model import LMXModel

assert "trust_mean" in TEAM_COLUMNS
mesa = LMXModel(rng=4, n_employees=6).run(10)
fast = run_batch([4], 10, n_employees=6)
trust = mesa.member_frame()["trust"].to_numpy().reshape(-1, 6).mean(axis=1)
np.testing.assert_allclose(mesa.team_frame()["trust_mean"], trust, rtol=0, atol=1e-12)
np.testing.assert_allclose(fast.team_frame(0)["trust_mean"], trust, rtol=0, atol=1e-12)
assert "trust_mean" in fast.team_table().columns
assert columns.lookup("trust_mean", "team").meaning == "mean trust in the leader"
print("ok")
"""


@pytest.mark.slow  # several seconds (a subprocess, a fit or many replications): the full suite runs it
def test_a_new_team_measure_is_one_declaration() -> None:
    """Declared before the rest of lmxsim is imported, it reaches both engines, tables and dictionary."""
    result = subprocess.run([sys.executable, "-c", NEW_MEASURE], capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.strip() == "ok"


NEW_LAB_MEASURE = """
import numpy as np
from lmxsim.model import measures
from lmxsim.texts import TEXT

measures.TEAM["trust_mean"] = measures.Measure(
    "trust_mean", "team", "number", "0-1", "mean trust in the leader",
    measures.Reducer("trust", "mean"), higher_is_better=True, negligible=0.005,
)
measures.TEAM_MEASURES = tuple(measures.TEAM)
TEXT["measure.team.trust_mean"] = {"en": "mean trust", "nl": "gemiddeld vertrouwen"}

from lmxsim.lab import strategies
# the lab's choice: one more name in strategies.LAB_MEASURES gives this entry
strategies.MEASURES["trust_mean"] = measures.TEAM["trust_mean"].higher_is_better

from lmxsim.lab.tables import outcomes_html
from lmxsim.engine.batch import run_batch
from lmxsim.commands.strategies import results_table
from lmxsim.lab.hr_report import report_html
from lmxsim.lab.figures import figure_outcomes
from lmxsim.team.members import Member
from lmxsim.texts import number

people = (("An", 0.8, 0.7), ("Bo", 0.3, 0.6), ("Cas", 0.5, 0.4))
team = [Member(n, ability=a, first_impression=f) for n, a, f in people]
c = strategies.compare_strategies(
    team, [strategies.ready_strategy("one-on-ones-out-group")], replications=4, weeks=6, seed=2
)
fast = run_batch(np.random.SeedSequence(2).spawn(4), 6, team=team)
summary = c.summary().set_index(["strategy", "week", "measure"])
row = summary.loc[("nothing", 6, "trust_mean")]
assert row["higher_is_better"]
np.testing.assert_allclose(row["mean"], fast.team["trust_mean"][6].mean(), rtol=0, atol=1e-12)
assert "trust_mean" in c.replication_table().columns
for lang, label in (("en", "Mean trust"), ("nl", "Gemiddeld vertrouwen")):
    shown = measures.TEAM["trust_mean"].digits + 1  # a mean over replications: one digit more
    assert f"<th>{label}</th>" in outcomes_html(c, lang)
    assert f"<b>{number(row['mean'], lang, shown)}</b>" in outcomes_html(c, lang)
    assert label in [column.header for column in results_table(c, lang).columns]
    assert f"<th>{label}</th>" in report_html(c, lang)
titles = [ax.get_title() for ax in figure_outcomes(c).axes]
assert "Mean trust" in titles and len([t for t in titles if t]) == len(strategies.MEASURES) == 7
print("ok")
"""


@pytest.mark.slow  # long browser run: the full suite (CI) runs it, the quick loop does not
def test_a_new_team_measure_shows_in_the_lab_with_its_declaration() -> None:
    """Declared once and named among the lab's measures: in its tables, CLI, report and figure."""
    result = subprocess.run(
        [sys.executable, "-c", NEW_LAB_MEASURE], capture_output=True, text=True, timeout=300
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.strip() == "ok"


def test_a_measure_is_shown_as_declared_in_each_language() -> None:
    performance, share = measures.TEAM["performance"], measures.TEAM["out_group_share"]
    assert performance.show(0.4567, "en") == "0.46"
    assert performance.show(0.4567, "nl") == "0,46"
    assert performance.show(0.0123, "nl", change=True) == "+0,012"  # a change: its sign, one digit more
    assert performance.show(-0.0001, "en", change=True) == "0.000"  # no signed zero
    assert share.show(0.25, "nl") == "25%"
    assert share.show(0.13, "en", change=True) == "+13%"
    assert measures.TEAM["fires"].show(3.0, "en") == "3"
    assert measures.MEMBER["lmx7"].show(21.84, "nl") == "21,8"
