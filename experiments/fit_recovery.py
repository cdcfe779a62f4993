"""Does the fit recover known parameters? Coverage of 90% intervals and identifiability.

For each design (which ratings, which waves) it draws true parameters from the default
priors, simulates a 9-person team's survey from them (lmxsim.fit.synthetic), fits it
with ABC-SMC, and records whether each 90% interval covers the truth and how wide it is
against the prior. Per-person first impressions (z) are pooled over the nine people.

    nice -n 10 uv run python experiments/fit_recovery.py            # as in docs/fitting.md
    uv run python experiments/fit_recovery.py --datasets 3 --variant-datasets 0 --population 100

Writes docs/figures/fit-recovery.csv (every data set and parameter), fit-recovery-summary.csv
and fit-recovery.png.
"""

from __future__ import annotations

import argparse
import logging
import time
from pathlib import Path

import numpy as np
import pandas as pd

from lmxsim.fit.recovery import DESIGNS, fit_one, summarise
from lmxsim.fit.run import Settings

FIGURES = Path(__file__).resolve().parents[1] / "docs" / "figures"


def figure(summary: pd.DataFrame, path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    quantities = list(dict.fromkeys(summary["quantity"]))
    designs = list(dict.fromkeys(summary["design"]))
    fig, axes = plt.subplots(1, 2, figsize=(12, 4.8))
    width = 0.8 / len(designs)
    x = np.arange(len(quantities))
    labels = [q.replace(" (z, per person)", "\n(per person)").replace("_", " ") for q in quantities]
    for ax, column, title in (
        (axes[0], "width_ratio", "posterior 90% width / prior's (lower = better identified)"),
        (axes[1], "coverage90", "90% intervals covering the truth (target .80-.97)"),
    ):
        for j, design in enumerate(designs):
            part = summary[summary["design"] == design].set_index("quantity").reindex(quantities)
            ax.bar(x + j * width, part[column], width, label=design)
        ax.set_xticks(x + width * (len(designs) - 1) / 2, labels, fontsize=8)
        ax.set_title(title, fontsize=10)
    axes[0].axhline(1.0, color="grey", lw=0.8, ls="--")
    axes[1].axhspan(0.80, 0.97, color="green", alpha=0.1)
    axes[1].set_ylim(0, 1.05)
    axes[0].legend(fontsize=8, loc="lower left")
    fig.suptitle("Recovery of known settings: team of 9, ABC-SMC fits of simulated surveys")
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)


def report(results: pd.DataFrame, out: Path) -> None:
    summary = summarise(results)
    summary.to_csv(out / "fit-recovery-summary.csv", index=False)
    figure(summary, out / "fit-recovery.png")
    print(summary.to_string(index=False, float_format="%.2f"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--datasets", type=int, default=50, help="data sets for the main design")
    parser.add_argument("--variant-datasets", type=int, default=15, help="data sets for each other design")
    parser.add_argument("--population", type=int, default=200)
    parser.add_argument("--generations", type=int, default=4)
    parser.add_argument("--out", type=Path, default=FIGURES)
    parser.add_argument(
        "--designs", type=int, nargs="*", default=None, help="run only these designs (0 = main)"
    )
    parser.add_argument("--part", default="", help="write fit-recovery<part>.csv (run parts in parallel)")
    parser.add_argument(
        "--merge", action="store_true", help="only summarise every fit-recovery*.csv in --out"
    )
    args = parser.parse_args()
    if args.merge:
        parts = sorted(args.out.glob("fit-recovery-part*.csv"))
        results = pd.concat([pd.read_csv(p) for p in parts], ignore_index=True)
        results.to_csv(args.out / "fit-recovery.csv", index=False)
        report(results, args.out)
        return
    logging.getLogger("ABC").setLevel(logging.WARNING)
    settings = Settings(
        population=args.population,
        generations=args.generations,
        adaptive_population=False,
        min_acceptance=0.01,
    )
    tables = []
    start = time.perf_counter()
    for d, design in enumerate(DESIGNS):
        if args.designs is not None and d not in args.designs:
            continue
        count = args.datasets if d == 0 else args.variant_datasets
        for index in range(count):
            tables.append(fit_one(design, index, settings))
            done = time.perf_counter() - start
            print(f"{design[0]}: data set {index + 1}/{count} ({done:.0f} s)", flush=True)
            results = pd.concat(tables, ignore_index=True)
            args.out.mkdir(parents=True, exist_ok=True)
            results.to_csv(args.out / f"fit-recovery{args.part}.csv", index=False)  # after every fit
    if not args.part:
        report(results, args.out)
    print(
        f"{len(tables)} fits, {results.groupby(['design', 'dataset'])['simulations'].first().sum():,} "
        f"simulations, {time.perf_counter() - start:.0f} s; settings: population {args.population}, "
        f"{args.generations} generations"
    )


if __name__ == "__main__":
    main()
