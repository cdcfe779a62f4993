"""Every error path of `run`, `strategies`, `fit` and `plan` with `--lang nl` speaks Dutch
(issue 25, requirement 4): no English sentence, no traceback, exit code 2."""

from __future__ import annotations

import sys

import pytest

from lmxsim import cli
from lmxsim.texts.errors import english_words, translate

TEAM = "name,closeness\nKim,0.5\nJo,0.3\n"
FILES = {
    "ok.csv": TEAM,
    "bad.csv": "name,closeness\nKim,lots\nJo,0.3\n",
    "twice.csv": "name,closeness\nKim,0.5\nKim,0.3\n",
    "noname.csv": "name,closeness\n,0.5\n",
    "noclose.csv": "name,ability\nKim,0.5\n",
    "range.csv": "name,closeness\nKim,1.5\n",
    "items.csv": "name,closeness,lmx7_1\nKim,0.5,3\n",
    "empty.csv": "name,closeness\n",
    "team.doc": "x",
    "s_value.csv": "name,wave,week,member_1\nKim,1,0,9\n",
    "s_head.csv": "naam,meting\n",
    "s_who.csv": "name,wave,week,member_total\nZed,1,0,20\n",
    "s_waves.csv": "name,wave,week,member_total\nKim,2,4,20\nJo,2,4,20\n",
    "s_absent.csv": "name,wave,week,member_total\nKim,1,0,20\n",
    "s_twice.csv": "name,wave,week,member_total\nKim,1,0,20\nKim,1,0,21\nJo,1,0,20\n",
    "s_base.csv": "name,member_total\nKim,20\n",
    "s_empty.csv": "",
    "s_norating.csv": "name,wave,week\nKim,1,0\n",
    "s_teams.csv": "team,name,wave,week,member_total\nwest,Kim,1,0,20\n,Kim,1,0,20\n",
    "s_rating.csv": "name,wave,week,member_total,leader_rating\nKim,1,0,20,6\n",
    # the reading rules of issue 28 (lmxsim/team/tabular.py): their messages come from the catalogue
    "comma.csv": "name,closeness\nKim,0,5\nJo,0.3\n",
    "invisible.csv": "name,closeness\n\u200b,0.5\nJo,0.3\n",
    "bidi.csv": "name,closeness\nK\u202eim,0.5\nJo,0.3\n",
    "python.csv": "name,closeness\nKim,0_5\nJo,0.3\n",
}
PATHS = [
    ["run", "--scenario", "nope"],
    ["run", "--team", "weg.csv"],
    ["run", "--team", "bad.csv"],
    ["run", "--out", "x.txt"],
    ["run", "--weeks", "-3"],
    ["run", "--seed", "abc"],
    ["run", "--bogus"],
    ["strategies", "--team", "weg.csv"],
    ["strategies", "--team", "bad.csv"],
    ["run", "--team", "comma.csv"],
    ["run", "--team", "invisible.csv"],
    ["run", "--team", "bidi.csv"],
    ["strategies", "--team", "python.csv"],
    ["strategies", "--team", "twice.csv"],
    ["strategies", "--team", "noname.csv"],
    ["strategies", "--team", "noclose.csv"],
    ["strategies", "--team", "range.csv"],
    ["strategies", "--team", "items.csv"],
    ["strategies", "--team", "empty.csv"],
    ["strategies", "--team", "team.doc"],
    ["strategies", "--team", "ok.csv", "-s", "nope"],
    ["strategies", "--team", "ok.csv", "-s", "one-on-ones:Zed@1"],
    ["strategies", "--team", "ok.csv", "--hours", "one-on-ones=99"],
    ["strategies", "--team", "ok.csv", "--hours", "nope=1"],
    ["strategies", "--team", "ok.csv", "--hours", "one-on-ones"],
    ["strategies", "--team", "ok.csv", "-r", "1"],
    ["strategies", "--team", "ok.csv", "-w", "0"],
    ["strategies", "--team", "ok.csv", "--report", "r.txt"],
    ["strategies", "--team", "ok.csv", "--posterior", "geenfit"],
    ["strategies", "--team", "ok.csv", "--seed", "-1"],
    ["strategies", "--team", "ok.csv", "--out", "ok.csv"],
    ["strategies", "--team", "ok.csv", "--replications"],
    ["fit", "--survey", "weg.csv", "--team", "ok.csv", "--out", "f"],
    ["fit", "--survey", "s_value.csv", "--team", "ok.csv", "--out", "f"],
    ["fit", "--survey", "s_head.csv", "--team", "ok.csv", "--out", "f"],
    ["fit", "--survey", "s_who.csv", "--team", "ok.csv", "--out", "f"],
    ["fit", "--survey", "s_waves.csv", "--team", "ok.csv", "--out", "f"],
    ["fit", "--survey", "s_absent.csv", "--team", "ok.csv", "--out", "f"],
    ["fit", "--survey", "s_twice.csv", "--team", "ok.csv", "--out", "f"],
    ["fit", "--survey", "s_base.csv", "--team", "ok.csv", "--out", "f"],
    ["fit", "--survey", "s_empty.csv", "--team", "ok.csv", "--out", "f"],
    ["fit", "--survey", "s_norating.csv", "--team", "ok.csv", "--out", "f"],
    ["fit", "--survey", "s_value.csv", "--team", "weg.csv", "--out", "f"],
    ["fit", "--survey", "s_teams.csv", "--teams", "geenfit", "--out", "f"],
    ["fit", "--survey", "s_teams.csv", "--team", "ok.csv", "--out", "f"],
    ["fit", "--survey", "s_value.csv", "--teams", "geenfit", "--out", "f"],
    ["fit", "--survey", "s_value.csv", "--out", "f"],
    ["fit", "--survey", "s_rating.csv", "--team", "ok.csv", "--out", "f"],
    ["fit-design", "--weeks", "13,4"],
    ["fit-design", "--weeks", "4,x"],
    ["fit-design", "--truth", "nope=1"],
    ["fit-design", "--truth", "confirmation_bias=3"],
    ["plan", "--team", "weg.csv"],
    ["plan", "--team", "bad.csv"],
    ["plan", "--team", "ok.csv", "--survey", "weg.csv"],
    ["plan", "--team", "ok.csv", "--survey", "s_value.csv"],
    ["plan", "--team", "ok.csv", "--survey", "s_head.csv"],
    ["plan", "--team", "ok.csv", "--survey", "s_who.csv"],
    ["plan", "--team", "ok.csv", "--survey", "s_absent.csv"],
    ["plan", "--team", "ok.csv", "--out", "plan.txt"],
    ["plan", "--team", "ok.csv", "-s", "nope"],
    ["plan", "--team", "ok.csv", "--posterior", "geenfit"],
    ["plan", "--team", "ok.csv", "-r", "1"],
    ["plan", "--team", "ok.csv", "--hours", "nope=1"],
]


@pytest.fixture
def folder(tmp_path, monkeypatch):
    for name, text in FILES.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    (tmp_path / "geenfit").mkdir()
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _run(argv: list[str], capsys) -> tuple[int, str]:
    old = sys.argv
    sys.argv = ["lmxsim", *argv]
    try:
        with pytest.raises(SystemExit) as exit_:
            cli.main()
    finally:
        sys.argv = old
    return exit_.value.code, capsys.readouterr().err


def test_every_error_path_speaks_dutch(folder, capsys):
    seen = []
    for argv in PATHS:
        code, err = _run([*argv, "--lang", "nl"], capsys)
        message = " ".join(err.split())
        assert code == 2, (argv, err)
        assert message.startswith("fout:"), (argv, message)
        assert "Traceback" not in err
        assert not english_words(message), (argv, message, english_words(message))
        seen.append(message)
    assert len(set(seen)) >= 35  # the paths are different mistakes, not one message many times
    print(f"{len(PATHS)} error paths")


def test_english_stays_english(folder, capsys):
    code, err = _run(["strategies", "--team", "bad.csv"], capsys)
    assert code == 2 and "line 2 (Kim): closeness = 'lots' is not a number" in err


def test_the_detector_finds_an_untranslated_message():
    assert english_words(translate("the frobnicator must be green", "nl")) == ["the", "must"]
    assert english_words("fout: teambestand weg.csv bestaat niet") == []


def test_cli_tables_wrap_long_names_instead_of_cutting_them(tmp_path, monkeypatch):
    from typer.testing import CliRunner

    long = "Anne-Sophie-Maximiliaan-van-den-Broeck-Vermeulen"
    team = tmp_path / "team.csv"
    team.write_text(f"name,closeness\n{long},0.4\nJo,0.7\n", encoding="utf-8")
    monkeypatch.setenv("COLUMNS", "60")
    result = CliRunner().invoke(cli.app, ["run", "--team", str(team), "--weeks", "2", "--lang", "nl"])
    assert result.exit_code == 0, result.output
    assert "…" not in result.output
    first_column = "".join(
        line.split("│")[1].strip() for line in result.output.splitlines() if line.startswith("│")
    )
    assert long in first_column  # every letter of the name is there, folded over lines
