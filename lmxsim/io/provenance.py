"""What made an output: lmxsim version, model fingerprint, seeds, scenario or team, interventions, parameters.

Every table lmxsim writes carries this record, so a file found months later says
how to make it again. Parquet keeps it in the file's key-value metadata (key
`lmxsim.io.provenance`, JSON); a CSV cannot, so a JSON file lies beside it
(`results.csv` -> `results.provenance.json`), and a folder of outputs (the strategy
lab's) has one `provenance.json`. `lmxsim info FILE` prints it.

Outputs are written first (lmxsim/io/output.py) and stamped after (`stamp`), so the
writers need not know about provenance.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Callable, Iterable
from dataclasses import asdict
from datetime import UTC, datetime
from functools import cache
from pathlib import Path
from typing import Any

KEY = "lmxsim.io.provenance"
FOLDER_FILE = "provenance.json"
SIDECAR = ".provenance.json"


# The parts of the package that cannot change a number in an output: the front ends (app,
# command line) and the texts. Every other module is in the fingerprint, new ones included.
NOT_RESULTS = frozenset({"app", "commands", "texts", "cli.py", "__main__.py"})


class ProvenanceError(ValueError):
    """A file holds no provenance record (the message says where it looked)."""


def package_root() -> Path:
    """The folder of the lmxsim package this module belongs to (wherever it is installed)."""
    return Path(__file__).resolve().parents[__name__.count(".") - 1]


def result_modules(package: Path) -> list[Path]:
    """Every module of `package` that shapes results, found by walking it (not by a list)."""
    found = []
    for path in package.rglob("*.py"):
        inside = path.relative_to(package)
        if "__pycache__" not in inside.parts and inside.parts[0] not in NOT_RESULTS:
            found.append(inside)
    return sorted(found, key=lambda p: p.as_posix())


def _fingerprint(package: Path) -> str:
    digest = hashlib.sha256()
    for inside in result_modules(package):
        digest.update(inside.as_posix().encode() + b"\0")
        digest.update((package / inside).read_bytes() + b"\0")
    return digest.hexdigest()


def model_fingerprint(package: str | Path | None = None) -> str:
    """SHA-256 over the source of every module that shapes results: what `--resume` compares.

    A new measure, parameter, intervention or module changes it, dirty tree or not; the
    front ends and texts (NOT_RESULTS) do not. `package`: another copy of the package
    (tests); default this one.
    """
    if package is None:
        return _own_fingerprint()
    return _fingerprint(Path(package).resolve())


@cache
def _own_fingerprint() -> str:
    """This package's, once per process: its source does not change under a running program."""
    return _fingerprint(package_root())


def record(
    command: str,
    *,
    seed: Any,
    weeks: int,
    params: Any,
    scenario: str | None = None,
    team: Iterable[Any] | None = None,
    team_size: int | None = None,
    interventions: Iterable[Any] = (),
    **extra: Any,
) -> dict[str, Any]:
    """The provenance of one output. `params` is a Params (every parameter is recorded).

    team: the members as given (None: drawn from the distributions, team_size of them);
    interventions: Intervention objects or spec texts. Extra keys (engine, replications,
    strategies, ...) are recorded as given and must be JSON-serialisable.
    """
    from lmxsim.io.packaged import version

    members = None if team is None else list(team)
    return {
        "lmxsim": version(),
        "model_fingerprint": model_fingerprint(),
        "created": datetime.now(UTC).isoformat(timespec="seconds"),
        "command": command,
        "scenario": scenario,
        "team": None if members is None else [asdict(member) for member in members],
        "team_size": team_size if members is None else len(members),
        "interventions": [getattr(i, "spec", i) for i in interventions],
        "seed": _json_seed(seed),
        "weeks": weeks,
        **extra,
        "params": params.to_dict(),
    }


def of_scenario(command: str, setup: Any, *, seed: Any, weeks: int, **extra: Any) -> dict[str, Any]:
    """The provenance of a run of a Scenario (lmxsim/team/config.py): its team, interventions, parameters."""
    return record(
        command,
        seed=seed,
        weeks=weeks,
        params=setup.params,
        scenario=setup.name,
        team=setup.team,
        team_size=setup.team_size,
        interventions=setup.interventions,
        **extra,
    )


def _json_seed(seed: Any) -> Any:
    """Integers as they are (lmxsim's are below 2**53); a SeedSequence as its entropy, in text."""
    if seed is None or isinstance(seed, int | str | dict):
        return seed
    if isinstance(seed, list | tuple):
        return [_json_seed(s) for s in seed]
    entropy = getattr(seed, "entropy", None)
    if entropy is not None:
        return {"entropy": str(entropy), "spawn_key": list(getattr(seed, "spawn_key", ()))}
    return int(seed)


def to_json(info: dict[str, Any]) -> str:
    return json.dumps(info, indent=1, ensure_ascii=False)


def sidecar(path: str | Path) -> Path:
    """Where the provenance of a CSV lies: beside it, `NAME.provenance.json`."""
    path = Path(path)
    return path.with_name(path.stem + SIDECAR)


def stamp(path: str | Path, info: dict[str, Any], describe: Callable[[Any], Any] | None = None) -> Path:
    """Attach `info` to a table already written: Parquet metadata, or a JSON file beside a CSV.

    describe: adds each column's description to a Parquet table (lmxsim.model.columns.field_metadata;
    passed in because the file layer knows no model columns). Replaces the file in one rename,
    so a reader never sees a half-stamped table. Returns the file that holds the record.
    """
    path = Path(path)
    if path.suffix == ".parquet":
        import pyarrow.parquet as pq

        table = pq.read_table(path)
        if describe is not None:
            table = describe(table)
        metadata = dict(table.schema.metadata or {})
        metadata[KEY.encode()] = to_json(info).encode()
        table = table.replace_schema_metadata(metadata)
        temporary = path.with_name(f".{path.name}.{os.getpid()}.provenance.tmp")
        pq.write_table(table, temporary)
        os.replace(temporary, path)
        return path
    return write_json(sidecar(path), info)


def write_json(path: str | Path, info: dict[str, Any]) -> Path:
    """Write a provenance record as its own JSON file (atomically)."""
    path = Path(path)
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    temporary.write_text(to_json(info) + "\n", encoding="utf-8")
    os.replace(temporary, path)
    return path


def read(path: str | Path) -> dict[str, Any]:
    """The provenance of an output: a Parquet file, a CSV, a folder of outputs or a sweep directory."""
    path = Path(path)
    if not path.exists():
        raise ProvenanceError(f"{path} does not exist")
    if path.is_dir():
        return _read_folder(path)
    if path.suffix == ".parquet":
        import pyarrow as pa
        import pyarrow.parquet as pq

        try:
            metadata = pq.read_schema(path).metadata or {}
        except (pa.ArrowInvalid, OSError) as error:
            raise ProvenanceError(f"{path}: not a readable Parquet file ({error})") from None
        if KEY.encode() not in metadata:
            raise ProvenanceError(f"{path} holds no lmxsim provenance (written by another program?)")
        return json.loads(metadata[KEY.encode()])
    if path.suffix == ".json":
        return _read_json(path)
    for candidate in (sidecar(path), path.with_name(FOLDER_FILE)):
        if candidate.is_file():
            return _read_json(candidate)
    raise ProvenanceError(
        f"{path}: no provenance found (looked for {sidecar(path).name} and {FOLDER_FILE} beside it)"
    )


def _read_folder(folder: Path) -> dict[str, Any]:
    if (folder / FOLDER_FILE).is_file():
        return _read_json(folder / FOLDER_FILE)
    parts = sorted(folder.glob("part-*.parquet"))
    if parts:  # a sweep directory: every part carries the sweep's record
        return read(parts[0])
    raise ProvenanceError(f"{folder}: no {FOLDER_FILE} and no sweep parts (part-*.parquet) in it")


def _read_json(path: Path) -> dict[str, Any]:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (json.JSONDecodeError, UnicodeDecodeError) as error:
        raise ProvenanceError(f"{path}: not a valid provenance file ({error})") from None
