"""Writing tidy tables: Parquet or CSV by file extension, never a half-written file."""

from __future__ import annotations

import os
from pathlib import Path

import pandas as pd

from lmxsim.params import ParameterError

FORMATS = (".parquet", ".csv")


def write_table(frame: pd.DataFrame, path: str | Path) -> Path:
    """Write atomically (temp file + rename) so a crash never leaves a truncated table."""
    path = Path(path)
    if path.suffix not in FORMATS:
        raise ParameterError(
            f"output file {path} has extension {path.suffix!r} (allowed: {', '.join(FORMATS)})"
        )
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.tmp")
    if path.suffix == ".parquet":
        frame.to_parquet(temporary, index=False)
    else:
        frame.to_csv(temporary, index=False)
    os.replace(temporary, path)
    return path
