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

import contextlib
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

from lmxsim.io.provenance import model_fingerprint
from lmxsim.sweep.spec import SweepError

MANIFEST = "_manifest.json"
MEMBERS = "_members"
ANALYSIS = "_analysis"
SCHEMA_VERSION = 1
HASH_KEY = b"lmxsim.sweep_hash"
ENTROPY_KEY = b"lmxsim.entropy"
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
    out: Path,
    task: int,
    team: pd.DataFrame,
    members: pd.DataFrame | None,
    digest: str,
    provenance: str = "",
    entropy: int | None = None,
) -> int:
    """Write one task's rows; returns bytes written. Safe to repeat (a retried task writes the same)."""
    written = 0
    if members is not None:
        written += _write_atomic(members, out / MEMBERS / part_name(task), digest, provenance, entropy)
    written += _write_atomic(team, out / part_name(task), digest, provenance, entropy)
    return written


def _write_atomic(
    frame: pd.DataFrame, path: Path, digest: str, provenance: str = "", entropy: int | None = None
) -> int:
    from lmxsim.io.provenance import KEY
    from lmxsim.model.columns import field_metadata

    table = field_metadata(pa.Table.from_pandas(frame, preserve_index=False))
    meta = dict(table.schema.metadata or {})
    meta.update({HASH_KEY: digest.encode(), b"lmxsim.schema": str(SCHEMA_VERSION).encode()})
    if entropy is not None:  # two unseeded runs of one sweep file share a hash, not an entropy
        meta[ENTROPY_KEY] = str(entropy).encode()
    if provenance:
        meta[KEY.encode()] = provenance.encode()
    table = table.replace_schema_metadata(meta)
    path.parent.mkdir(parents=True, exist_ok=True)
    # unique temporary name: two attempts of one task (a Dask retry) never write the same file
    temporary = path.with_name(f".{path.name}.{os.getpid()}.{uuid.uuid4().hex[:8]}.tmp")
    try:
        pq.write_table(table, temporary, compression="zstd")
        size = temporary.stat().st_size
        os.replace(temporary, path)
    finally:
        with contextlib.suppress(OSError):  # a full disk must not leave a half-written part behind
            temporary.unlink(missing_ok=True)
    return size


def foreign_parts(out: Path, manifest: dict[str, Any]) -> tuple[list[str], list[str]]:
    """(parts written by another sweep, parts that cannot be read) in out and out/_members.

    Every part carries its sweep's hash (and entropy) in its Parquet metadata;
    a part whose hash or entropy differs from the manifest's belongs to another sweep.
    """
    foreign, damaged = [], []
    entropy = str(manifest.get("entropy", "")).encode()
    tasks = int(manifest.get("tasks", 0))
    for folder in (out, out / MEMBERS):
        if not folder.is_dir():
            continue
        for name in sorted(os.listdir(folder)):
            if not (match := PART.match(name)):
                continue
            label = name if folder == out else f"{MEMBERS}/{name}"
            try:
                meta = pq.read_schema(folder / name).metadata or {}
            except (OSError, pa.ArrowException):
                damaged.append(label)
                continue
            digest = meta.get(HASH_KEY, b"").decode()
            wrong_entropy = ENTROPY_KEY in meta and meta[ENTROPY_KEY] != entropy
            if digest != manifest.get("sweep_hash") or wrong_entropy or int(match.group(1)) >= tasks:
                foreign.append(label)
    return foreign, damaged


def check_parts(out: Path, manifest: dict[str, Any]) -> None:
    """Refuse a folder holding parts of another sweep, or damaged parts, naming them."""
    foreign, damaged = foreign_parts(out, manifest)
    if foreign:
        raise SweepError(
            f"{out} mixes two sweeps: {len(foreign)} part(s) do not belong to the sweep in its manifest "
            f"({manifest.get('sweep_file')}, hash {str(manifest.get('sweep_hash'))[:12]}): "
            f"{_listing(foreign)}; move them away or run the sweep again into a new --out"
        )
    if damaged:
        raise SweepError(
            f"{out}: {len(damaged)} part(s) cannot be read (truncated or damaged): {_listing(damaged)}; "
            "delete them and finish the sweep with `lmxsim sweep ... --resume`"
        )


def _listing(names: list[str], shown: int = 8) -> str:
    more = f" and {len(names) - shown} more" if len(names) > shown else ""
    return ", ".join(names[:shown]) + more


def remove_temporaries(out: Path) -> int:
    """Remove leftovers of killed writers (never a finished part)."""
    removed = 0
    for folder in (out, out / MEMBERS):
        if folder.is_dir():
            for path in [*folder.glob(".part-*.tmp"), *folder.glob(f".{MANIFEST}.*.tmp")]:
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
    """Atomically; a failure (disk full, read-only) leaves the old manifest and no temporary file."""
    from lmxsim.io.output import OutputError, write_text

    try:
        write_text(out / MANIFEST, json.dumps(manifest, indent=1))
    except OutputError as error:
        raise SweepError(str(error)) from None


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
    manifest = read_manifest(out)
    if manifest is not None:
        check_parts(out, manifest)
    return pd.read_parquet(folder)
