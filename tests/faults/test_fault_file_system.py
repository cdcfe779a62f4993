"""File-system failures give one line and leave nothing half-written.

Read-only and full disks are tested twice: with real tmpfs mounts where the
tests may mount (root, as in CI containers; chmod does not stop root), and with
an OSError injected into the write (everywhere).
"""

from __future__ import annotations

import errno
import textwrap

import pandas as pd
import pytest

from lmxsim.io.output import OutputError, write_table

SWEEP = """
weeks = 4
replications = 4
seed = 3
[design]
kind = "grid"
[vary]
confirmation_bias = [0.0, 0.3]
"""


def leftovers(folder) -> list[str]:
    return [p.name for p in folder.rglob("*") if p.name.endswith(".tmp") or "probe" in p.name]


def one_line(err: str) -> str:
    assert "Traceback" not in err
    lines = [line for line in err.splitlines() if line.strip()]
    assert len(lines) == 1, err
    return " ".join(err.split())


# --------------------------------------------------------------------------- missing, a folder, name clash


def test_config_that_is_a_folder(tmp_path, cli):
    code, _, err = cli("run", "--config", str(tmp_path))
    assert code == 2 and "is a folder, not a TOML file" in one_line(err)


def test_sweep_scenario_that_is_a_folder(tmp_path, cli):
    (tmp_path / "sw").mkdir()
    sweep = tmp_path / "s.toml"
    sweep.write_text('scenario = "sw/"\n' + textwrap.dedent(SWEEP), encoding="utf-8")
    code, _, err = cli("sweep", str(sweep), "--out", str(tmp_path / "out"))
    assert code == 2 and "is a folder" in one_line(err)


def test_missing_config_and_team(tmp_path, cli):
    code, _, err = cli("run", "--config", str(tmp_path / "nope.toml"))
    assert code == 2 and "does not exist" in one_line(err)
    code, _, err = cli("run", "--team", str(tmp_path / "nope.csv"))
    assert code == 2 and "does not exist" in one_line(err)


def test_out_that_is_a_folder_is_refused_before_the_run(tmp_path, cli, monkeypatch):
    import lmxsim.engine.mesa_model

    (tmp_path / "adir.csv").mkdir()
    monkeypatch.setattr(
        lmxsim.engine.mesa_model.LMXModel, "run", lambda *a, **k: pytest.fail("simulated first")
    )
    code, _, err = cli("run", "--out", str(tmp_path / "adir.csv"))
    assert code == 2 and "is a folder" in one_line(err)
    assert leftovers(tmp_path) == []


def test_out_below_a_file_is_refused_before_the_run(tmp_path, cli, monkeypatch):
    import lmxsim.lab.twin

    (tmp_path / "t_one.csv").write_text("x")
    monkeypatch.setattr(lmxsim.lab.twin, "twin_run", lambda *a, **k: pytest.fail("simulated first"))
    code, _, err = cli("compare", "-i", "reflection:team@2", "--out", str(tmp_path / "t_one.csv" / "x.csv"))
    assert code == 2 and "is a file, not a folder" in one_line(err)


def test_strategies_refuses_a_non_empty_folder_unless_overwrite(tmp_path, cli):
    out = tmp_path / "lab"
    out.mkdir()
    (out / "keep.txt").write_text("mine")
    args = ("strategies", "--replications", "4", "--weeks", "3", "--strategy", "nothing", "--out", str(out))
    code, _, err = cli(*args)
    assert code == 2 and "not empty" in one_line(err) and "--overwrite" in err
    code, _, err = cli(*args, "--overwrite")
    assert code == 0, err
    assert (out / "summary.csv").exists() and (out / "keep.txt").read_text() == "mine"


def test_sweep_out_that_is_a_file(tmp_path, cli):
    sweep = tmp_path / "s.toml"
    sweep.write_text(textwrap.dedent(SWEEP), encoding="utf-8")
    (tmp_path / "out").write_text("x")
    code, _, err = cli("sweep", str(sweep), "--out", str(tmp_path / "out"), "--workers", "1")
    assert code == 2 and "is a file, not a folder" in one_line(err)


# --------------------------------------------------------------------------- injected OSError (everywhere)


@pytest.mark.parametrize(
    ("number", "words"),
    [(errno.ENOSPC, "the disk is full"), (errno.EROFS, "read-only"), (errno.EACCES, "permission denied")],
)
def test_a_failing_write_leaves_no_temporary_file(tmp_path, monkeypatch, number, words):
    def half_then_fail(self, path, **kwargs):
        with open(path, "w") as file:
            file.write("name,lmx\nAn,0.")  # a half-written table, as on a full disk
        raise OSError(number, "injected")

    monkeypatch.setattr(pd.DataFrame, "to_csv", half_then_fail)
    with pytest.raises(OutputError, match=words) as raised:
        write_table(pd.DataFrame({"name": ["An"], "lmx": [0.5]}), tmp_path / "run.csv")
    assert "run.csv" in str(raised.value)
    assert list(tmp_path.iterdir()) == []  # neither the table nor its temporary file


def test_read_only_output_is_found_before_simulating_injected(tmp_path, cli, monkeypatch):
    import pathlib

    import lmxsim.engine.mesa_model

    def refuse(self, *args, **kwargs):
        raise OSError(errno.EROFS, "Read-only file system", str(self))

    monkeypatch.setattr(pathlib.Path, "touch", refuse)
    monkeypatch.setattr(
        lmxsim.engine.mesa_model.LMXModel, "run", lambda *a, **k: pytest.fail("simulated first")
    )
    code, _, err = cli("run", "--out", str(tmp_path / "run.csv"))
    assert code == 2 and "read-only" in one_line(err)


def test_full_disk_during_a_sweep_injected(tmp_path, cli, monkeypatch):
    import pyarrow.parquet as pq

    def full(table, where, **kwargs):
        with open(where, "wb") as file:
            file.write(b"PAR1")
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(pq, "write_table", full)
    sweep = tmp_path / "s.toml"
    sweep.write_text(textwrap.dedent(SWEEP), encoding="utf-8")
    code, _, err = cli("sweep", str(sweep), "--out", str(tmp_path / "out"), "--workers", "1")
    assert code == 1 and "Traceback" not in err
    assert "INCOMPLETE" in err and "No space left on device" in err and "--resume" in err
    assert leftovers(tmp_path / "out") == []


# --------------------------------------------------------------------------- real mounts (root only)


def test_read_only_mount(read_only_dir, cli, tmp_path):
    for args in (
        ("run", "--out", str(read_only_dir / "run.csv")),
        ("compare", "-i", "reflection:team@2", "--out", str(read_only_dir / "c.parquet")),
        ("strategies", "--replications", "4", "--weeks", "3", "--out", str(read_only_dir / "lab")),
    ):
        code, _, err = cli(*args)
        assert code == 2 and "read-only" in one_line(err), args
    sweep = tmp_path / "s.toml"
    sweep.write_text(textwrap.dedent(SWEEP), encoding="utf-8")
    code, _, err = cli("sweep", str(sweep), "--out", str(read_only_dir / "out"), "--workers", "1")
    assert code == 2 and "read-only" in one_line(err)
    code, _, err = cli("sweep", str(sweep), "--out", str(tmp_path / "sw"), "--workers", "1")
    assert code == 0, err
    code, _, err = cli("analyze", str(tmp_path / "sw"), "--figures", str(read_only_dir / "fig"))
    assert code == 2 and "read-only" in one_line(err)


def test_full_disk_mount(tiny_disk, cli, tmp_path):
    code, _, err = cli("run", "--weeks", "300", "--out", str(tiny_disk / "run.csv"))
    assert code == 2 and "the disk is full" in one_line(err) and "run.csv" in err
    code, _, err = cli("strategies", "--replications", "50", "--weeks", "10", "--out", str(tiny_disk / "lab"))
    assert code == 2 and "the disk is full" in one_line(err)
    assert leftovers(tiny_disk) == []
    sweep = tmp_path / "s.toml"
    sweep.write_text(
        textwrap.dedent(SWEEP).replace("replications = 4", "replications = 400"), encoding="utf-8"
    )
    code, _, err = cli(
        "sweep", str(sweep), "--out", str(tiny_disk / "out"), "--workers", "1", "--chunk", "50"
    )
    assert code in (1, 2) and "Traceback" not in err
    assert "No space left" in err or "the disk is full" in err
    assert leftovers(tiny_disk) == []
