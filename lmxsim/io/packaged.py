"""Files that ship with the package: presets, example teams, sweep files.

One copy lives at the top of the repository, in configs/, where a researcher looks for it;
the wheel carries that copy inside the package as lmxsim/configs (pyproject.toml,
force-include), so an installed lmxsim finds the files in any working directory,
exactly as a source checkout does.
"""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path


def configs_folder() -> Path:
    """lmxsim/configs in an installed wheel; configs/ beside the package in a source tree."""
    installed = Path(str(files("lmxsim") / "configs"))
    if installed.is_dir():
        return installed
    return Path(__file__).resolve().parents[2] / "configs"


CONFIGS = configs_folder()
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
