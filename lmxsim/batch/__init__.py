"""`lmxsim.batch.run_batch`, the documented public name; the engine lives in lmxsim/engine/batch.py."""

from lmxsim.engine.batch import BatchRun, run_batch

__all__ = ["BatchRun", "run_batch"]
