"""lmxsim: how the relationship between a leader and each team member grows or sours.

Public API: LMXModel, Params, Member, ParameterError, twin_run.
"""

import sys
from importlib import import_module
from typing import TYPE_CHECKING

# Before anything else: on an older Python the rest would fail with a SyntaxError or an
# ImportError deep inside. One line that says what to do instead (README, "For leaders").
if sys.version_info < (3, 12):  # noqa: UP036 (the check is for interpreters older than we require)
    raise SystemExit(
        f"lmxsim needs Python 3.12 or newer, this is {sys.version_info[0]}.{sys.version_info[1]}: "
        "install it with `uv tool install --python 3.12 lmxsim` (uv fetches Python 3.12 itself)."
    )

if TYPE_CHECKING:
    from lmxsim.model import LMXModel
    from lmxsim.params import ParameterError, Params
    from lmxsim.team import Member
    from lmxsim.twin import twin_run

__all__ = ["LMXModel", "Member", "ParameterError", "Params", "twin_run"]

# Imported on first use: `lmxsim --help` must not wait for pandas and scipy, and sweep
# workers that only need the batch engine skip Mesa (which takes seconds to import).
_LAZY = {
    "LMXModel": "lmxsim.model",
    "Member": "lmxsim.team",
    "ParameterError": "lmxsim.params",
    "Params": "lmxsim.params",
    "twin_run": "lmxsim.twin",
}


def _version() -> str:
    """The version lives in pyproject.toml only; an installed package (wheel or `uv sync`) knows it."""
    from importlib import metadata

    try:
        return metadata.version("lmxsim")
    except metadata.PackageNotFoundError:  # a source tree on sys.path that was never installed
        return "0+unknown"


def __getattr__(name: str):
    if name == "__version__":
        return _version()
    if name in _LAZY:
        return getattr(import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'lmxsim' has no attribute {name!r}")
