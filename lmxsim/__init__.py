"""lmxsim: how the relationship between a leader and each team member grows or sours.

Public API: LMXModel, Params, Member, ParameterError, twin_run.
"""

from typing import TYPE_CHECKING

from lmxsim.params import ParameterError, Params
from lmxsim.team import Member

if TYPE_CHECKING:
    from lmxsim.model import LMXModel
    from lmxsim.twin import twin_run

__all__ = ["LMXModel", "Member", "ParameterError", "Params", "twin_run"]
__version__ = "0.1.0"


def __getattr__(name: str):
    # Mesa takes seconds to import; sweep workers that only need the batch engine skip it.
    if name == "LMXModel":
        from lmxsim.model import LMXModel

        return LMXModel
    if name == "twin_run":
        from lmxsim.twin import twin_run

        return twin_run
    raise AttributeError(f"module 'lmxsim' has no attribute {name!r}")
