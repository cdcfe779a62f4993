"""Twin runs: same team, same luck, one difference; and the `lmxsim compare` command."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

import lmxsim
from lmxsim.interventions.catalogue import InterventionError, OneOnOnes, RoleClarification
from lmxsim.lab.twin import twin_run
from lmxsim.model.measures import MEMBER
from lmxsim.model.params import ParameterError
from lmxsim.team.config import load_scenario

ENGINES = ["batch", "mesa"]


def numeric(frame: pd.DataFrame) -> list[str]:
    return [c for c in frame.columns if pd.api.types.is_numeric_dtype(frame[c])]


def split(frame: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    base = frame[frame["variant"] == "baseline"].reset_index(drop=True)
    variant = frame[frame["variant"] == "variant"].reset_index(drop=True)
    return base, variant


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("seed", [1, 8])
def test_twins_are_identical_to_the_last_bit_until_the_first_intervention_week(
    engine: str, seed: int
) -> None:
    twins = twin_run("first-impression", ["role-clarification:An@9", "team-map@12"], 20, seed, engine)
    assert twins.first_week == 9
    for frame in (twins.members, twins.team):
        base, variant = split(frame)
        before = base["week"] < 9
        for column in numeric(base):
            assert np.array_equal(base.loc[before, column], variant.loc[before, column]), column
        after = base["week"] >= 9
        assert not np.array_equal(
            base.loc[after, "lmx" if "lmx" in base else "lmx_mean"],
            variant.loc[after, "lmx" if "lmx" in base else "lmx_mean"],
        )
    base, variant = split(twins.members)
    assert (variant.loc[variant["week"] < 9, "interventions"] == "").all()
    assert (variant.loc[(variant["week"] == 9) & (variant["name"] == "An"), "interventions"] != "").all()


def test_the_engines_give_the_same_twins() -> None:
    specs = ["one-on-ones:out-group@3/2", "stretch-assignment:Bram@5"]
    fast = twin_run("favouritism", specs, 18, 4, "batch")
    reference = twin_run("favouritism", specs, 18, 4, "mesa")
    for column in numeric(reference.members):
        np.testing.assert_allclose(fast.members[column], reference.members[column], rtol=0, atol=1e-9)
    assert fast.members["variant"].tolist() == reference.members["variant"].tolist()


def test_one_tidy_table_with_a_variant_column_and_a_differences_table() -> None:
    twins = lmxsim.twin_run(load_scenario("first-impression"), RoleClarification(target="An", start=5), 12, 3)
    assert twins.members.columns[0] == "variant" and twins.team.columns[0] == "variant"
    assert twins.members["variant"].value_counts().to_dict() == {"baseline": 13 * 8, "variant": 13 * 8}
    assert twins.team["variant"].value_counts().to_dict() == {"baseline": 13, "variant": 13}
    base, variant = split(twins.members)
    np.testing.assert_array_equal(twins.differences["lmx"], variant["lmx"] - base["lmx"])
    summary = twins.summary().set_index("name")
    an_end = (base["week"] == 12) & (base["name"] == "An")
    assert summary.loc["An", "lmx7_baseline"] == base.loc[an_end, "lmx7"].item()
    assert summary.loc["An", "lmx7_difference"] == pytest.approx(
        variant.loc[an_end, "lmx7"].item() - base.loc[an_end, "lmx7"].item()
    )
    assert set(summary.columns) >= {f"{m}_difference" for m in ("lmx7", "performance", "trust", "autonomy")}


def test_defaults_come_from_the_scenario_and_the_callers_object_is_untouched() -> None:
    scenario = load_scenario("rebels")
    meetings = OneOnOnes(target="An")
    twins = twin_run(scenario, [meetings])
    assert twins.weeks == scenario.weeks and twins.seed == scenario.seed
    assert meetings.start is None and twins.interventions[0].start == 1
    again = twin_run(scenario, [meetings])
    pd.testing.assert_frame_equal(twins.members, again.members)  # same seed, same twins


def test_a_scenarios_own_interventions_run_in_both_twins() -> None:
    scenario = load_scenario("first-impression")
    scenario.interventions = [OneOnOnes(target="Sam", start=2)]
    twins = twin_run(scenario, "role-clarification:An@10", 12, 5)
    base, _ = split(twins.members)
    assert base.loc[base["name"] == "Sam", "interventions"].str.contains("one-on-ones").any()
    assert twins.first_week == 10


@pytest.mark.parametrize(
    ("kwargs", "error", "message"),
    [
        ({"interventions": "role-clarification:An@30", "weeks": 26}, InterventionError, "week 30.*ends.*26"),
        ({"interventions": "role-clarification:Zed@3"}, InterventionError, "unknown member 'Zed'"),
        ({"interventions": "coaching:An@3"}, InterventionError, "unknown intervention 'coaching'"),
        ({"interventions": "role-clarification:An@", "weeks": 5}, InterventionError, "start week ''"),
        ({"interventions": "team-map", "engine": "netlogo"}, ParameterError, "engine 'netlogo'"),
        ({"interventions": "team-map", "weeks": 0}, ParameterError, "weeks = 0"),
        ({"interventions": 42}, InterventionError, "not an intervention"),
    ],
)
def test_bad_twin_requests_fail_clearly_before_running(kwargs, error, message) -> None:
    with pytest.raises(error, match=message):
        twin_run("first-impression", **kwargs)


# --- lmxsim compare ------------------------------------------------------------------------


def test_compare_prints_a_per_member_table_of_differences(cli) -> None:
    spec = "role-clarification:An@8"
    code, out, err = cli("compare", "--scenario", "first-impression", "--intervention", spec, "--seed", "3")
    assert code == 0, err
    twins = twin_run("first-impression", "role-clarification:An@8", rng=3)
    an = twins.summary().set_index("name").loc["An"]
    row = next(line for line in out.splitlines() if line.strip("│┃ ").startswith("An "))
    # the numbers the table shows, formatted as the table formats a change (not a second format
    # that matched only when the rounding happened to agree)
    for measure in ("lmx7", "autonomy"):
        assert MEMBER[measure].show(getattr(an, f"{measure}_difference"), "en", change=True) in row
    for name in ("Bram", "Fleur"):
        assert name in out
    assert "identical before week 8" in " ".join(out.split())


@pytest.mark.parametrize("suffix", [".parquet", ".csv"])
def test_compare_writes_both_runs_in_one_tidy_table(cli, tmp_path, suffix: str) -> None:
    path = tmp_path / f"twins{suffix}"
    argv = ["compare", "-s", "favouritism", "-i", "one-on-ones:out-group@4/2", "-i", "team-map@6"]
    code, _, err = cli(*argv, "--weeks", "10", "--engine", "mesa", "--out", str(path))
    assert code == 0, err
    table = pd.read_parquet(path) if suffix == ".parquet" else pd.read_csv(path, keep_default_na=False)
    expected = twin_run("favouritism", ["one-on-ones:out-group@4/2", "team-map@6"], 10, engine="mesa").members
    assert list(table.columns) == list(expected.columns)
    assert table["variant"].tolist() == expected["variant"].tolist()
    np.testing.assert_allclose(table["lmx"], expected["lmx"], rtol=0, atol=1e-12)


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["-i", "role-clarification:An@8@9"], "start week '8@9' is not a whole number"),
        (["-i", "role-clarification:An8"], "unknown member 'An8'"),
        (["-i", "pep-talk:An@8"], "unknown intervention 'pep-talk'"),
        (["-i", "role-clarification:Zed@8"], "unknown member 'Zed'"),
        (["-i", "role-clarification:An@40"], "starts in week 40, after the run ends (week 26)"),
        (["-i", "role-clarification:An@20", "--weeks", "12"], "starts in week 20"),
        (["-i", "team-map", "--engine", "fast"], "engine 'fast'"),
        (["-i", "team-map", "--scenario", "utopia"], "unknown scenario 'utopia'"),
        (["-i", "team-map", "--out", "twins.xlsx"], "'.xlsx'"),
    ],
)
def test_compare_mistakes_give_one_error_line_and_exit_2(cli, monkeypatch, tmp_path, argv, message) -> None:
    monkeypatch.chdir(tmp_path)
    code, out, err = cli("compare", *argv)
    assert code == 2
    lines = err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: ")
    assert message in lines[0]
    assert "Traceback" not in out + err
    assert not list(tmp_path.iterdir())  # nothing half-written


def test_compare_help_names_every_intervention_kind() -> None:
    from lmxsim.commands.compare import KINDS
    from lmxsim.interventions.catalogue import CATALOGUE

    assert KINDS.split(", ") == list(CATALOGUE)


def test_compare_help_shows_the_spec_syntax(cli) -> None:
    code, out, err = cli("compare", "--help")
    assert code == 0, err
    flat = " ".join(out.replace("│", " ").split())
    assert "role-clarification:An@8" in flat and "docs/interventions.md" in flat


def test_a_drawn_team_twins_in_both_engines() -> None:
    scenario = load_scenario("first-impression")
    scenario.team, scenario.team_size = None, 22
    fast = twin_run(scenario, "one-on-ones:Member 22@3", 8, 6, "batch")
    reference = twin_run(scenario, "one-on-ones:Member 22@3", 8, 6, "mesa")
    np.testing.assert_allclose(fast.members["lmx"], reference.members["lmx"], rtol=0, atol=1e-9)
    assert fast.differences.loc[fast.differences["name"] == "Member 22", "lmx"].abs().max() > 0
