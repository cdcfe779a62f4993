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
    from lmxsim.engine.mesa_model import LMXModel
    from lmxsim.lab.twin import twin_run
    from lmxsim.model.params import ParameterError, Params
    from lmxsim.team.members import Member

__all__ = ["LMXModel", "Member", "ParameterError", "Params", "twin_run"]

# Imported on first use: `lmxsim --help` must not wait for pandas and scipy, and sweep
# workers that only need the batch engine skip Mesa (which takes seconds to import).
_LAZY = {
    "LMXModel": "lmxsim.engine.mesa_model",
    "Member": "lmxsim.team.members",
    "ParameterError": "lmxsim.model.params",
    "Params": "lmxsim.model.params",
    "twin_run": "lmxsim.lab.twin",
}


def __getattr__(name: str):
    if name == "__version__":
        from lmxsim.io.packaged import version

        return version()
    if name in _LAZY:
        return getattr(import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'lmxsim' has no attribute {name!r}")
