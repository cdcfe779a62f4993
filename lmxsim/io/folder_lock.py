"""One job at a time per output folder: an operating-system lock on out/_lock (filelock).

Two sweeps writing into one --out would interleave their parts (two unseeded
runs of one file even share a sweep hash), and two fits would write one pyabc
database at once, so `lmxsim sweep` and `lmxsim fit` hold out/_lock while they
run. filelock's FileLock takes the kernel's lock on that file, which exactly one
process gets and which ends with the process. The file also records the pid, host and
start time of its holder, and a finished job removes it; so a record left behind (kill -9,
a crashed machine) outlives its holder and is reported as stale with the command that takes
it over, instead of a later job silently writing into a half-finished folder.
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

from filelock import FileLock, Timeout

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
    """Lock out/_lock and record this process in it, or raise the job's error saying who holds it
    and what to do."""
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
    lock = FileLock(path, timeout=0, thread_local=False)
    try:
        lock.acquire()
    except Timeout:  # a running job holds it
        raise job.error(_refusal(out, read_lock(out), job)) from None
    except OSError as error:
        raise job.error(f"--out {out}: cannot write in this folder ({reason(error)})") from None
    try:
        # A record without a lock: its job ended without removing it (killed, crashed); {} if
        # damaged. An empty file is the one FileLock just made.
        left = read_lock(out) if path.stat().st_size else None
        if left is not None:
            if not take_over:
                raise job.error(_refusal(out, left, job))
            _take_over(out, left, job)
        path.write_text(json.dumps(mine), encoding="utf-8")
    except OSError as error:
        lock.release()
        raise job.error(f"--out {out}: cannot write in this folder ({reason(error)})") from None
    except BaseException:
        lock.release()
        raise
    _HELD[str(path)] = lock
    return mine


# The locks this process holds, by lock file: released (and the file removed) by release().
_HELD: dict[str, FileLock] = {}


def release(out: Path, mine: dict[str, Any]) -> None:
    """Remove the lock if it is still ours (never another process's), then let it go."""
    path = Path(out) / LOCK
    holder = read_lock(Path(out))
    if holder and holder.get("pid") == mine["pid"] and holder.get("started") == mine["started"]:
        path.unlink(missing_ok=True)
    lock = _HELD.pop(str(path), None)
    if lock is not None:
        lock.release()


@contextmanager
def held(out: Path, job: Job, command: str = "", take_over: bool = False) -> Iterator[dict[str, Any]]:
    mine = acquire(out, job, command, take_over)
    try:
        yield mine
    finally:
        release(out, mine)


def _take_over(out: Path, holder: dict[str, Any], job: Job) -> None:
    if holder_alive(holder):
        raise job.error(
            f"--take-over refused: {job.name} process {holder['pid']} (started {holder.get('started', '?')}) "
            f"is still running and writing into {out}"
        )


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
