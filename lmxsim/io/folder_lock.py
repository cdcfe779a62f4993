"""One job at a time per output folder: an exclusive lock file, created atomically.

Two sweeps writing into one --out would interleave their parts (two unseeded
runs of one file even share a sweep hash), and two fits would write one pyabc
database at once, so `lmxsim sweep` and `lmxsim fit` hold out/_lock while they
run. The lock is created with O_CREAT | O_EXCL, which the
file system grants to exactly one process. It records the pid, host and start
time of its holder; a lock whose process is gone (killed with kill -9, a
crashed machine) is reported as stale with the command that takes it over.
"""

from __future__ import annotations

import json
import os
import socket
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

LOCK = "_lock"


@dataclass(frozen=True)
class Job:
    """What holds the folder: its name in messages, the error it raises, how to take a folder over."""

    name: str  # "sweep", "fit"
    error: type[Exception]
    take_over: str  # the command that takes a stale lock over, with {out}


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # it exists, it is someone else's
        return True
    return _state(pid) != "Z"


def _state(pid: int) -> str:
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return "?"
    return stat.rsplit(")", 1)[-1].split()[0]


def read_lock(out: Path) -> dict[str, Any] | None:
    try:
        return json.loads((out / LOCK).read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None
    except (OSError, ValueError):
        return {}


def holder_alive(holder: dict[str, Any]) -> bool | None:
    """True/False for a holder on this host; None when it cannot be told (another host, damaged lock)."""
    pid = holder.get("pid")
    if holder.get("host") != socket.gethostname() or not isinstance(pid, int):
        return None
    return _alive(pid)


def acquire(out: Path, job: Job, command: str = "", take_over: bool = False) -> dict[str, Any]:
    """Create out/_lock or raise the job's error saying who holds it and what to do."""
    from lmxsim.io.output import reason

    out = Path(out)
    try:
        out.mkdir(parents=True, exist_ok=True)
    except FileExistsError:
        raise job.error(f"--out {out} is a file, not a folder; choose a folder name") from None
    except OSError as error:
        raise job.error(f"--out {out}: cannot create the folder ({reason(error)})") from None
    mine = {
        "pid": os.getpid(),
        "host": socket.gethostname(),
        "started": datetime.now(UTC).isoformat(timespec="seconds"),
        "command": command,
    }
    path = out / LOCK
    if take_over:
        _take_over(out, job)
    try:
        descriptor = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o644)
    except FileExistsError:
        raise job.error(_refusal(out, read_lock(out), job)) from None
    except OSError as error:
        raise job.error(f"--out {out}: cannot write in this folder ({reason(error)})") from None
    try:
        with os.fdopen(descriptor, "w", encoding="utf-8") as file:
            json.dump(mine, file)
    except OSError as error:
        path.unlink(missing_ok=True)
        raise job.error(f"--out {out}: cannot write in this folder ({reason(error)})") from None
    return mine


def release(out: Path, mine: dict[str, Any]) -> None:
    """Remove the lock if it is still ours (never another process's)."""
    holder = read_lock(Path(out))
    if holder and holder.get("pid") == mine["pid"] and holder.get("started") == mine["started"]:
        (Path(out) / LOCK).unlink(missing_ok=True)


@contextmanager
def held(out: Path, job: Job, command: str = "", take_over: bool = False) -> Iterator[dict[str, Any]]:
    mine = acquire(out, job, command, take_over)
    try:
        yield mine
    finally:
        release(out, mine)


def _take_over(out: Path, job: Job) -> None:
    holder = read_lock(out)
    if holder is None:
        return
    if holder and holder_alive(holder):
        raise job.error(
            f"--take-over refused: {job.name} process {holder['pid']} (started {holder.get('started', '?')}) "
            f"is still running and writing into {out}"
        )
    (out / LOCK).unlink(missing_ok=True)


def _refusal(out: Path, holder: dict[str, Any] | None, job: Job) -> str:
    take_over = job.take_over.format(out=out)
    if not holder:
        return (
            f"{out} is locked by another {job.name} ({out / LOCK} exists but cannot be read); if no "
            f"{job.name} is writing here, take it over with: {take_over}"
        )
    started = holder.get("started", "?")
    who = f"{job.name} process {holder.get('pid')} on {holder.get('host')} (started {started})"
    alive = holder_alive(holder)
    if alive:
        return (
            f"{out} is in use by {who}: two {job.name}s in one folder would mix their results; "
            "wait for it to finish, or choose another --out"
        )
    if alive is False:
        return (
            f"{out} holds a stale lock: {who} no longer runs (killed or crashed). "
            f"Take the folder over with: {take_over}"
        )
    return (
        f"{out} is locked by {who}, which cannot be checked from here; if it no longer runs, "
        f"take the folder over with: {take_over}"
    )
