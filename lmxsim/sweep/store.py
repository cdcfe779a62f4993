"""The sweep directory: Parquet parts written by atomic rename, and a manifest.

Layout (everything that is not a team part starts with "_" or ".", which
pyarrow skips, so `pandas.read_parquet(out)` reads the team table)::

    out/_manifest.json              sweep file, hash, code and package versions, entropy, design
    out/part-0000000.parquet        team rows of task 0 (one row per run and recorded week)
    out/_members/part-0000000.parquet   member rows of task 0, if the sweep records members
    out/_analysis/                  written by `lmxsim analyze`

A task is done when its team part exists: the member part is renamed into
place first, the team part last, so a killed worker never leaves half a task.
"""

from __future__ import annotations

import hashlib
import json
import os
import platform
import re
import socket
import subprocess
import uuid
from datetime import UTC, datetime
from importlib import metadata
from pathlib import Path
from typing import Any

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from lmxsim.sweep.spec import SweepError

MANIFEST = "_manifest.json"
MEMBERS = "_members"
ANALYSIS = "_analysis"
SCHEMA_VERSION = 1
PART = re.compile(r"^part-(\d+)\.parquet$")
PACKAGES = ("lmxsim", "numpy", "scipy", "pandas", "pyarrow", "mesa", "SALib", "dask", "distributed")


def part_name(task: int) -> str:
    return f"part-{task:07d}.parquet"


def done_tasks(out: Path) -> set[int]:
    """Tasks whose team part is on disk (so the whole task is)."""
    if not out.is_dir():
        return set()
    return {int(m.group(1)) for name in os.listdir(out) if (m := PART.match(name))}


def write_task(
    out: Path, task: int, team: pd.DataFrame, members: pd.DataFrame | None, digest: str, provenance: str = ""
) -> int:
    """Write one task's rows; returns bytes written. Safe to repeat (a retried task writes the same)."""
    written = 0
    if members is not None:
        written += _write_atomic(members, out / MEMBERS / part_name(task), digest, provenance)
    written += _write_atomic(team, out / part_name(task), digest, provenance)
    return written


def _write_atomic(frame: pd.DataFrame, path: Path, digest: str, provenance: str = "") -> int:
    from lmxsim.columns import field_metadata
    from lmxsim.provenance import KEY

    table = field_metadata(pa.Table.from_pandas(frame, preserve_index=False))
    meta = dict(table.schema.metadata or {})
    meta.update({b"lmxsim.sweep_hash": digest.encode(), b"lmxsim.schema": str(SCHEMA_VERSION).encode()})
    if provenance:
        meta[KEY.encode()] = provenance.encode()
    table = table.replace_schema_metadata(meta)
    path.parent.mkdir(parents=True, exist_ok=True)
    # unique temporary name: two attempts of one task (a Dask retry) never write the same file
    temporary = path.with_name(f".{path.name}.{os.getpid()}.{uuid.uuid4().hex[:8]}.tmp")
    pq.write_table(table, temporary, compression="zstd")
    size = temporary.stat().st_size
    os.replace(temporary, path)
    return size


def remove_temporaries(out: Path) -> int:
    """Remove leftovers of killed writers (never a finished part)."""
    removed = 0
    for folder in (out, out / MEMBERS):
        if folder.is_dir():
            for path in folder.glob(".part-*.tmp"):
                path.unlink(missing_ok=True)
                removed += 1
    return removed


def output_bytes(out: Path) -> int:
    return sum(p.stat().st_size for p in out.rglob("part-*.parquet"))


def read_manifest(out: Path) -> dict[str, Any] | None:
    path = out / MANIFEST
    if not path.exists():
        return None
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (json.JSONDecodeError, UnicodeDecodeError) as error:
        raise SweepError(f"{path}: the manifest is damaged ({error}); the parts are intact") from None


def write_manifest(out: Path, manifest: dict[str, Any]) -> None:
    out.mkdir(parents=True, exist_ok=True)
    temporary = out / f".{MANIFEST}.{os.getpid()}.tmp"
    temporary.write_text(json.dumps(manifest, indent=1), encoding="utf-8")
    os.replace(temporary, out / MANIFEST)


def code_version() -> str:
    """`git describe --always --dirty` of the source tree if it is a checkout, else the package version."""
    root = Path(__file__).resolve().parents[2]
    if (root / ".git").exists():
        try:
            result = subprocess.run(
                ["git", "-C", str(root), "describe", "--always", "--dirty", "--tags"],
                capture_output=True,
                text=True,
                timeout=10,
                check=False,
            )
            if result.returncode == 0 and result.stdout.strip():
                return f"git {result.stdout.strip()}"
        except (OSError, subprocess.SubprocessError):
            pass
    return f"lmxsim {_version('lmxsim')}"


# The files whose code decides a run's numbers; a change to any of them makes old parts
# incomparable with new ones.
MODEL_FILES = (
    "dynamics.py",
    "params.py",
    "team.py",
    "nudges.py",
    "interventions.py",
    "agents.py",
    "model.py",
    "batch.py",
    "config.py",
    "seeds.py",
)


def model_fingerprint() -> str:
    """SHA-256 over the model's source files: what `--resume` compares, dirty tree or not."""
    package = Path(__file__).resolve().parents[1]
    digest = hashlib.sha256()
    for name in MODEL_FILES:
        digest.update(name.encode())
        digest.update((package / name).read_bytes())
    return digest.hexdigest()


def package_versions() -> dict[str, str]:
    versions = {"python": platform.python_version()}
    versions.update({name: _version(name) for name in PACKAGES})
    return versions


def _version(name: str) -> str:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return "not installed"


def environment() -> dict[str, Any]:
    return {
        "code_version": code_version(),
        "model_fingerprint": model_fingerprint(),
        "packages": package_versions(),
        "host": socket.gethostname(),
    }


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def read_results(out: str | Path, table: str = "team") -> pd.DataFrame:
    """The tidy table of a sweep directory: "team" (one row per run and week) or "members"."""
    out = Path(out)
    folder = out if table == "team" else out / MEMBERS
    if table not in ("team", "members"):
        raise SweepError(f"table {table!r} is not allowed (team or members)")
    if not done_tasks(folder):
        what = "member rows (the sweep file records no [outcomes] members)" if table == "members" else "parts"
        raise SweepError(f"{out}: no {what} found; is this a sweep directory (--out of `lmxsim sweep`)?")
    return pd.read_parquet(folder)
