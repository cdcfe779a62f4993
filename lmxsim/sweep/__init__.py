"""Experiments for researchers: sweep files, designs, resumable Parquet output, analysis.

    spec = load_sweep("configs/sweeps/first-impression.toml")
    with open_executor(workers=2) as choice:
        report = run_sweep(spec, "results/fi", choice)
    table = read_results("results/fi")          # or pandas.read_parquet("results/fi")

See docs/sweeps.md for the sweep file format.
"""

from lmxsim.sweep.runner import SweepReport, open_executor, run_seed, run_sweep
from lmxsim.sweep.spec import SweepError, SweepSpec, load_sweep
from lmxsim.sweep.store import read_manifest, read_results

__all__ = [
    "SweepError",
    "SweepReport",
    "SweepSpec",
    "load_sweep",
    "open_executor",
    "read_manifest",
    "read_results",
    "run_seed",
    "run_sweep",
]
