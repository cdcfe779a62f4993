"""lmxsim: how the relationship between a leader and each team member grows or sours.

Public API: LMXModel, Params, Member, ParameterError.
"""

from lmxsim.model import LMXModel
from lmxsim.params import ParameterError, Params
from lmxsim.team import Member

__all__ = ["LMXModel", "Member", "ParameterError", "Params"]
__version__ = "0.1.0"
