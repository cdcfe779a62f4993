"""The package's type hints hold: `py.typed` promises them to users of lmxsim.

mypy (configured in pyproject.toml, [tool.mypy]) checks every module of lmxsim/; this
test is how CI runs it. Slow: a cold check takes ~25 s on two cores.
"""

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.slow
def test_the_package_passes_mypy():
    done = subprocess.run(
        [sys.executable, "-m", "mypy", "--no-error-summary"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert done.returncode == 0, f"mypy found errors (run `uv run mypy`):\n{done.stdout}{done.stderr}"
