"""Issue 28 items 2 and 7: hostile workbooks are refused before they are parsed, reading input
can always be stopped, and Ctrl+C or SIGTERM ends every command with one line (Dask too)."""

from __future__ import annotations

import io
import os
import signal
import subprocess
import sys
import textwrap
import time
import zipfile

import psutil
import pytest
from openpyxl import Workbook

from lmxsim.app.uploads import read_upload
from lmxsim.team.teamfile import TeamFileError, parse_team_file

SHEET = "xl/worksheets/sheet1.xml"


def workbook(comment_bytes: int = 0) -> bytes:
    """A valid team workbook; its sheet XML optionally carries a huge comment (it compresses to little)."""
    book = Workbook()
    book.active.append(["name", "closeness"])
    book.active.append(["An", 0.5])
    buffer = io.BytesIO()
    book.save(buffer)
    if not comment_bytes:
        return buffer.getvalue()
    hostile = io.BytesIO()
    with zipfile.ZipFile(buffer) as source, zipfile.ZipFile(hostile, "w", zipfile.ZIP_DEFLATED) as target:
        for part in source.infolist():
            data = source.read(part)
            if part.filename == SHEET:  # a comment before the root element: still well-formed XML
                data = b"<!--" + b"a" * comment_bytes + b"-->" + data
            target.writestr(part.filename, data, compress_type=zipfile.ZIP_DEFLATED, compresslevel=9)
    return hostile.getvalue()


def test_the_plain_workbook_loads():
    assert parse_team_file(workbook(), "team.xlsx")[0].name == "An"
    assert parse_team_file(workbook(comment_bytes=1000), "team.xlsx")[0].name == "An"  # well-formed


def test_entity_expansion_and_broken_xml_are_one_message_not_a_traceback():
    """A "billion laughs" sheet: expat refuses the amplification; the user gets one line."""
    entities = '<!ENTITY a "aaaaaaaaaa">' + "".join(
        f'<!ENTITY {c} "{("&" + p + ";") * 10}">' for p, c in zip("abcdefgh", "bcdefghi", strict=True)
    )
    source = io.BytesIO(workbook())
    hostile = io.BytesIO()
    with zipfile.ZipFile(source) as book, zipfile.ZipFile(hostile, "w") as target:
        for part in book.infolist():
            data = book.read(part)
            if part.filename == SHEET:
                data = f"<!DOCTYPE worksheet [{entities}]>".encode() + data.replace(
                    b'<c r="A2" t="inlineStr"><is><t>An</t></is></c>',
                    b'<c r="A2" t="inlineStr"><is><t>&i;</t></is></c>',
                )
            target.writestr(part.filename, data)
    # CPU time of this process, not the wall clock: an amplified sheet burns CPU, and a machine
    # busy with other work must not make the refusal look slow.
    began = time.process_time()
    with pytest.raises(TeamFileError, match=r"cannot be read|not an Excel workbook"):
        parse_team_file(hostile.getvalue(), "team.xlsx")
    assert time.process_time() - began < 5


@pytest.mark.timeout(120)
def test_a_small_workbook_that_unpacks_to_megabytes_is_refused_before_parsing():
    data = workbook(comment_bytes=40_000_000)
    assert len(data) < 200_000  # under the 1 MB upload limit: only the unpacked size gives it away
    began = time.process_time()  # CPU time: the refusal must not unpack, whatever the load
    with pytest.raises(TeamFileError, match="unpacks to") as caught:
        parse_team_file(data, "team.xlsx")
    assert time.process_time() - began < 2.0
    assert "save it as CSV" in str(caught.value)
    uploaded = read_upload({"name": "team.xlsx", "size": len(data), "file_obj": io.BytesIO(data)})
    with pytest.raises(TeamFileError, match="unpacks to"):  # the app's upload: the same reader
        parse_team_file(uploaded, "team.xlsx")


def test_reading_a_workbook_is_bounded_in_time(monkeypatch):
    from lmxsim.team import tabular

    monkeypatch.setattr(tabular, "MAX_PARSE_SECONDS", -1.0)  # every deadline has passed
    with pytest.raises(TeamFileError, match="took more than"):
        parse_team_file(workbook(), "team.xlsx")


# --------------------------------------------------------------------------- stopping


def lmxsim(*args: str, **kwargs) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "lmxsim", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        **kwargs,
    )


def one_line(err: str) -> str:
    assert "Traceback" not in err, err
    lines = [line for line in err.splitlines() if line.strip()]
    assert len(lines) == 1, err
    return lines[0]


@pytest.mark.parametrize("stop", [signal.SIGTERM, signal.SIGINT], ids=["SIGTERM", "Ctrl+C"])
@pytest.mark.parametrize(
    "command",
    [("run", "--team", "{fifo}.csv"), ("strategies", "-r", "2", "--team", "{fifo}.csv"),
     ("compare", "-i", "reflection:team@1", "-c", "{fifo}.toml")],
    ids=["run", "strategies", "compare"],
)  # fmt: skip
@pytest.mark.slow
@pytest.mark.timeout(120)
def test_a_command_stopped_while_it_reads_its_input_says_one_line(tmp_path, stop, command):
    """A team or config file that never ends (a pipe, a stalled network drive) blocks the read:
    SIGTERM and Ctrl+C still end the command at once, with one line and no traceback."""
    fifo = tmp_path / "never"
    args = [arg.format(fifo=fifo) for arg in command]
    os.mkfifo(args[-1])
    process = lmxsim(*args)
    writer = None
    deadline = time.monotonic() + 90
    while writer is None:  # opening the writing end succeeds once the command opened it to read
        assert process.poll() is None, process.stderr.read()
        assert time.monotonic() < deadline, "the command never opened its input"
        try:
            writer = os.open(args[-1], os.O_WRONLY | os.O_NONBLOCK)
        except OSError:
            time.sleep(0.05)
    time.sleep(0.5)  # now it waits in read() for bytes that never come
    process.send_signal(stop)
    try:
        _, err = process.communicate(timeout=20)
    finally:
        os.close(writer)
    assert process.returncode == 130
    assert "stopped (Ctrl+C or SIGTERM)" in one_line(err)


SWEEP = """
weeks = 10
replications = 10
seed = 11
[design]
kind = "lhs"
samples = 30
[vary]
confirmation_bias = { low = 0.0, high = 0.6 }
"""


@pytest.mark.slow
@pytest.mark.timeout(400)
def test_ctrl_c_of_a_dask_sweep_prints_one_line_and_no_worker_traceback(tmp_path):
    pytest.importorskip("distributed")
    path = tmp_path / "s.toml"
    path.write_text(textwrap.dedent(SWEEP), encoding="utf-8")
    out = tmp_path / "out"
    process = lmxsim(
        "sweep", str(path), "--out", str(out), "--chunk", "2", "--engine", "mesa", "--dask", "local",
        "--workers", "2", start_new_session=True,  # its own process group, as a terminal's job
    )  # fmt: skip
    deadline = time.monotonic() + 300
    while len(list(out.glob("*.parquet"))) < 2:
        assert process.poll() is None, process.stderr.read()
        assert time.monotonic() < deadline, "the sweep never started writing parts"
        time.sleep(0.1)
    family = psutil.Process(process.pid).children(recursive=True)
    os.killpg(process.pid, signal.SIGINT)  # Ctrl+C in a terminal reaches every process of the job
    _, err = process.communicate(timeout=60)
    assert process.returncode == 130, err
    assert "Traceback" not in err and "KeyboardInterrupt" not in err and "WARNING" not in err, err
    message = " ".join(line for line in err.splitlines() if "runs/s" not in line)
    assert "interrupted" in message and "--resume" in message
    time.sleep(2)
    left = [p for p in family if p.is_running() and p.status() != psutil.STATUS_ZOMBIE]
    for p in left:
        p.kill()
    assert left == []
