"""Issue 28 item 6: one overwrite rule. An existing file or a non-empty folder is replaced only
with --overwrite, for every output of every command (docs/limits.md, "Overwriting")."""

from __future__ import annotations

from pathlib import Path

import pytest

import lmxsim
import lmxsim.engine.mesa_model

SENTINEL = "the user's own file\n"


def existing(tmp_path: Path, name: str) -> Path:
    path = tmp_path / name
    path.write_text(SENTINEL, encoding="utf-8")
    return path


def refused(cli, *args) -> str:
    code, _, err = cli(*args)
    message = " ".join(err.split())
    assert code == 2 and "Traceback" not in err, err
    assert "--overwrite" in message and ("exists" in message or "not empty" in message), message
    return message


@pytest.mark.parametrize(
    "args, name",
    [
        (("run", "--weeks", "2", "--out"), "run.csv"),
        (("compare", "-i", "reflection:team@1", "--weeks", "2", "--out"), "twins.parquet"),
        (("strategies", "-r", "2", "-w", "2", "--report"), "report.html"),
        (("validate", "--seeds", "2", "--json"), "facts.json"),
    ],
    ids=["run --out", "compare --out", "strategies --report", "validate --json"],
)
def test_an_existing_file_is_kept_unless_overwrite(cli, tmp_path, monkeypatch, args, name):
    path = existing(tmp_path, name)
    monkeypatch.setattr(
        lmxsim.engine.mesa_model.LMXModel, "run", lambda *a, **k: pytest.fail("simulated first")
    )
    refused(cli, *args, str(path))
    assert path.read_text(encoding="utf-8") == SENTINEL


def test_overwrite_replaces_an_existing_file(cli, tmp_path):
    path = existing(tmp_path, "run.csv")
    code, _, err = cli("run", "--weeks", "2", "--out", str(path), "--overwrite")
    assert code == 0, err
    assert path.read_text(encoding="utf-8").startswith("week,member_id,name,")


@pytest.mark.parametrize(
    "args",
    [("strategies", "-r", "2", "-w", "2", "--out"), ("analyze", "no-sweep-here", "--figures")],
    ids=["strategies --out", "analyze --figures"],
)
def test_a_non_empty_folder_is_kept_unless_overwrite(cli, tmp_path, args):
    folder = tmp_path / "out"
    folder.mkdir()
    kept = existing(folder, "mine.txt")
    if args[0] == "analyze":  # analyze checks the figures folder once the sweep folder exists
        (tmp_path / "no-sweep-here").mkdir()
        args = ("analyze", str(tmp_path / "no-sweep-here"), "--figures")
    refused(cli, *args, str(folder))
    assert kept.read_text(encoding="utf-8") == SENTINEL


def test_the_rule_is_documented_once_in_limits_md():
    docs = Path(lmxsim.__file__).parents[1] / "docs"
    limits = (docs / "limits.md").read_text(encoding="utf-8")
    assert limits.count("## Overwriting") == 1
    for command in ("run --out", "compare --out", "strategies --out", "--report", "fit --out", "--json",
                    "analyze --figures", "sweep --out"):  # fmt: skip
        assert command in limits.split("## Overwriting")[1].split("\n## ")[0], command
