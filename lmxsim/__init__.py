"""lmxsim: how the relationship between a leader and each team member grows or sours.

Public API: LMXModel, Params, Member, ParameterError, twin_run.
"""

from lmxsim.model import LMXModel
from lmxsim.params import ParameterError, Params
from lmxsim.team import Member
from lmxsim.twin import twin_run

__all__ = ["LMXModel", "Member", "ParameterError", "Params", "twin_run"]
__version__ = "0.1.0"
