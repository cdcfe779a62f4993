"""Files that ship inside the package: presets, example teams, sweep files.

They are read through importlib.resources so an installed wheel finds them in
any working directory, exactly as a source checkout does.
"""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

CONFIGS = Path(str(files("lmxsim") / "configs"))
SCENARIO_DIR = CONFIGS / "scenarios"
TEAM_DIR = CONFIGS / "teams"
SWEEP_DIR = CONFIGS / "sweeps"
EXAMPLE_TEAM = TEAM_DIR / "example.toml"


def version() -> str:
    """lmxsim's version, kept in pyproject.toml only: an installed package (wheel, `uv sync`) knows it."""
    from importlib import metadata

    try:
        return metadata.version("lmxsim")
    except metadata.PackageNotFoundError:  # a source tree on sys.path that was never installed
        return "0+unknown"
