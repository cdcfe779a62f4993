"""lmxsim: how the relationship between a leader and each team member grows or sours.

Public API: LMXModel, Params, Member, ParameterError, twin_run.
"""

from importlib import import_module
from typing import TYPE_CHECKING

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
