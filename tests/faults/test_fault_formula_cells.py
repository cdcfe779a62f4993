"""Formula cells: every CSV the project writes shows =, +, -, @ text as text in a spreadsheet."""

from __future__ import annotations

import csv
import io

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from lmxsim.io.output import FORMULA_START, csv_text, neutralise_cell, restore_cell, write_table
from lmxsim.team.members import Member
from lmxsim.team.teamfile import load_team, parse_team_file, save_team, team_to_csv

ATTACKS = ["=cmd|' /C calc'!A0", "+SUM(1+1)", "-2+3", "@SUM(A1)", "\t=1+1", "\r=1+1", "'=quoted"]


def cells(text: str) -> list[str]:
    return [cell for row in csv.reader(io.StringIO(text)) for cell in row]


def dangerous(cell: str) -> bool:
    """Text a spreadsheet would evaluate (a plain negative number is a number, not a formula)."""
    try:
        float(cell)
    except ValueError:
        return cell.startswith(FORMULA_START)
    return False


@given(st.text(max_size=30))
def test_restore_undoes_neutralise_for_every_text(text):
    assert restore_cell(neutralise_cell(text)) == text
    assert not neutralise_cell(text).startswith(FORMULA_START)


def test_numbers_stay_numbers_and_text_cells_are_neutralised():
    frame = pd.DataFrame({"name": ATTACKS, "lmx": [-0.5] * len(ATTACKS), "week": range(len(ATTACKS))})
    written = cells(csv_text(frame))
    header, values = written[:3], written[3:]
    assert header == ["name", "lmx", "week"]
    names, numbers = values[0::3], values[1::3]
    assert not any(n.startswith(FORMULA_START) for n in names)
    assert numbers == ["-0.5"] * len(ATTACKS)  # a negative number is a number, not a formula
    assert [restore_cell(n) for n in names] == ATTACKS


def attack_team() -> list[Member]:
    names = ["=cmd|' /C calc'!A0", "+SUM(1+1)", "@me", "-dash", "'=already", "Ann"]
    return [Member(name=n, ability=0.6, first_impression=0.5) for n in names]


def test_team_csv_is_safe_and_reads_back_exactly(tmp_path):
    team = attack_team()
    text = team_to_csv(team)
    assert not any(dangerous(cell) for cell in cells(text))
    assert [m.name for m in parse_team_file(text, "team.csv")] == [m.name for m in team]
    save_team(team, tmp_path / "team.csv")
    assert [m.name for m in load_team(tmp_path / "team.csv")] == [m.name for m in team]


def test_run_out_csv_neutralises_member_names(tmp_path, cli):
    team = tmp_path / "team.csv"
    save_team(attack_team(), team)
    out = tmp_path / "run.csv"
    code, _, err = cli("run", "--team", str(team), "--weeks", "3", "--out", str(out))
    assert code == 0, err
    names = pd.read_csv(out)["name"]
    assert set(names) >= {"'=cmd|' /C calc'!A0", "'+SUM(1+1)", "'@me", "'-dash", "''=already", "Ann"}
    assert not any(dangerous(n) for n in names)


def test_strategies_out_neutralises_every_csv(tmp_path, cli):
    team = tmp_path / "team.csv"
    save_team(attack_team(), team)
    out = tmp_path / "lab"
    code, _, err = cli(
        "strategies", "--team", str(team), "--replications", "4", "--weeks", "4", "--strategy",
        "+SUM(1)=one-on-ones:Ann@1/1", "--out", str(out),
    )  # fmt: skip
    assert code == 0, err
    for name in ("summary.csv", "member_gains.csv", "replications.csv"):
        text = (out / name).read_text(encoding="utf-8")
        assert not any(dangerous(cell) for cell in cells(text)), name
    assert "'=cmd|' /C calc'!A0" in set(pd.read_csv(out / "member_gains.csv")["member"])
    summary = pd.read_csv(out / "summary.csv")
    assert "'+SUM(1)" in set(summary["strategy"]) | set(summary["title"])


@pytest.mark.parametrize("suffix", [".csv", ".parquet"])
def test_parquet_keeps_names_as_they_are(tmp_path, suffix):
    frame = pd.DataFrame({"name": ["=1+1"], "x": [1.0]})
    back = write_table(frame, tmp_path / f"t{suffix}")
    read = pd.read_csv(back) if suffix == ".csv" else pd.read_parquet(back)
    assert read["name"][0] == ("'=1+1" if suffix == ".csv" else "=1+1")  # Parquet is not a spreadsheet
