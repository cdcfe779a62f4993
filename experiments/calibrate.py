"""The calibration search is now a command: `lmxsim calibrate [--rival NAME] --out DIR`.

This script is kept so old notes still work; it runs the same search (lmxsim/science/calibration.py)
for the default model:

    uv run python experiments/calibrate.py --out results/calibration
"""

from __future__ import annotations

import sys

from lmxsim.cli import main

if __name__ == "__main__":
    sys.argv = ["lmxsim", "calibrate", *sys.argv[1:]]
    main()
