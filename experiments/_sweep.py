"""Shared by the experiment scripts: run (or finish) a named sweep, then hand back its directory."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
SWEEPS = ROOT / "configs" / "sweeps"
RESULTS = ROOT / "results"
FIGURES = ROOT / "docs" / "figures"


def arguments(description: str) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--workers", type=int, default=None, help="worker processes (default: all cores)")
    parser.add_argument("--out", type=Path, default=None, help="sweep directory (default: results/<name>)")
    return parser.parse_args()


def run(name: str, workers: int | None = None, out: Path | None = None) -> Path:
    """Run configs/sweeps/<name>.toml into results/<name>; a finished or half-done sweep is resumed."""
    from lmxsim.model.params import ParameterError
    from lmxsim.sweep import SweepError, load_sweep, open_executor, run_sweep

    out = out or RESULTS / name
    try:
        spec = load_sweep(SWEEPS / f"{name}.toml")
        with open_executor(workers) as choice:
            report = run_sweep(spec, out, choice, resume=True)
    except (SweepError, ParameterError) as error:  # ParameterError: bad --workers or executor
        sys.exit(f"error: {error}")
    print(f"{choice.label}: {report.line()}")
    if not report.complete:
        sys.exit("the sweep is incomplete; run this script again to finish it")
    return out


def correlation(x: np.ndarray, y: np.ndarray) -> float:
    return float(np.corrcoef(x.reshape(-1), y.reshape(-1))[0, 1])


def bootstrap(
    statistic, arrays: list[np.ndarray], resamples: int = 400, seed: int = 0
) -> tuple[float, float]:
    """95% percentile interval, resampling whole teams (rows), since members of a team are not independent."""
    rng = np.random.default_rng(seed)
    teams = len(arrays[0])
    values = [statistic(*(a[idx] for a in arrays)) for idx in rng.integers(0, teams, (resamples, teams))]
    low, high = np.nanpercentile(values, [2.5, 97.5])
    return float(low), float(high)
