"""Where the Pygmalion effect, r(LMX, performance) and a fading first impression pull apart.

Sweeps two parameters on a grid around the defaults and draws, for each of the facts
P5 (Pygmalion d), P13 (the first impression fades from week 6 to 26) and P14 (ability catches
up with the first impression by week 26), where the fact is in its band; the defaults sit where
all three hold (docs/ODD.md section 7.11).

    uv run python experiments/tension.py --x confidence_gain 0.0 0.3 --y acquaintance_learning 0.3 1.0
"""

from __future__ import annotations

import argparse
from pathlib import Path

import numpy as np

from lmxsim.model.params import Params
from lmxsim.science.facts import FACT_BY_KEY, Bench

FACTS = ("P5", "P13", "P14")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--x", nargs=3, default=["confidence_gain", "0.0", "0.3"])
    parser.add_argument("--y", nargs=3, default=["acquaintance_learning", "0.3", "1.0"])
    parser.add_argument("--points", type=int, default=7)
    parser.add_argument("--seeds", type=int, default=2)
    parser.add_argument("--out", type=Path, default=Path("docs/figures/tension.png"))
    args = parser.parse_args()
    (xname, xlo, xhi), (yname, ylo, yhi) = args.x, args.y
    xs = np.linspace(float(xlo), float(xhi), args.points)
    ys = np.linspace(float(ylo), float(yhi), args.points)
    values = {k: np.zeros((len(ys), len(xs))) for k in FACTS}
    for i, y in enumerate(ys):
        for j, x in enumerate(xs):
            params = Params().replace(**{xname: float(x), yname: float(y)})
            for key in FACTS:
                fact = FACT_BY_KEY[key]
                judged = [fact.evaluate(Bench(params, seed))[1] for seed in range(1, args.seeds + 1)]
                values[key][i, j] = np.mean(judged)
            print(
                f"{yname}={y:.3g} {xname}={x:.3g}: " + " ".join(f"{k}={values[k][i, j]:.3f}" for k in FACTS)
            )

    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, axes = plt.subplots(1, len(FACTS) + 1, figsize=(16, 4), constrained_layout=True)
    inside_all = np.ones_like(values[FACTS[0]], dtype=bool)
    for ax, key in zip(axes, FACTS, strict=False):
        fact = FACT_BY_KEY[key]
        inside = (values[key] >= fact.low) & (values[key] <= fact.high)
        inside_all &= inside
        image = ax.imshow(values[key], origin="lower", aspect="auto", extent=(xs[0], xs[-1], ys[0], ys[-1]))
        ax.contour(xs, ys, inside.astype(float), levels=[0.5], colors="white")
        fig.colorbar(image, ax=ax)
        ax.set_title(f"{key}: {fact.claim[:38]}\nband {fact.low:g} to {fact.high:g}", fontsize=9)
        ax.set_xlabel(xname)
        ax.set_ylabel(yname)
    axes[-1].imshow(
        inside_all, origin="lower", aspect="auto", extent=(xs[0], xs[-1], ys[0], ys[-1]), cmap="Greens"
    )
    default = Params()
    for ax in axes:
        ax.plot(getattr(default, xname), getattr(default, yname), "r*", markersize=12)
    axes[-1].set_title("all three in band (green); red star: defaults", fontsize=9)
    axes[-1].set_xlabel(xname)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(args.out, dpi=110)
    print(f"written: {args.out}")


if __name__ == "__main__":
    main()
