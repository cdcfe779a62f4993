"""When does an early gap fade, stick or spiral? The loop gain over the two knobs that govern it.

The loop gain (issue 23; fact P22, lmxsim.facts.label_sticks) is the LMX gap of two equally
able members with different first impressions (.35 and .85, in a team of ten) at week 26
over their gap at week 6: below .8 the early gap fades, .8-1.2 it sticks, above 1.2 it
spirals. Mapped over confirmation bias (how much disconfirming evidence the leader
discounts) and the anchoring knob (initial_confidence), the two parameters that move it
most in the set-up-to-fail scan; everything else at the defaults. The default leader is
marked.

    uv run python experiments/loop_gain.py [--replications 200] [--steps 6]

Writes docs/figures/loop-gain.csv and docs/figures/loop-gain.png (about a minute).
"""

from __future__ import annotations

import argparse
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.colors import BoundaryNorm, ListedColormap

from lmxsim.model.params import Params
from lmxsim.science.facts import LOOP_FADES, LOOP_SPIRALS, loop_gain

FIGURES = Path(__file__).resolve().parent.parent / "docs" / "figures"
X, Y = "confirmation_bias", "initial_confidence"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--replications", type=int, default=200)
    parser.add_argument("--steps", type=int, default=6)
    args = parser.parse_args()
    xs = np.linspace(0.0, 1.0, args.steps)
    ys = np.linspace(0.0, 0.9, args.steps)
    rows = [
        {
            X: x,
            Y: y,
            "loop_gain": loop_gain(Params().replace(**{X: float(x), Y: float(y)}), 1, args.replications),
        }
        for y in ys
        for x in xs
    ]
    table = pd.DataFrame(rows)
    FIGURES.mkdir(parents=True, exist_ok=True)
    table.to_csv(FIGURES / "loop-gain.csv", index=False)
    grid = table.pivot(index=Y, columns=X, values="loop_gain")
    fig, ax = plt.subplots(figsize=(6.4, 4.8))
    colours = ListedColormap(["#9ecae1", "#fdd49e", "#ef6548"])
    norm = BoundaryNorm([0.0, LOOP_FADES, LOOP_SPIRALS, 10.0], colours.N)
    ax.pcolormesh(
        grid.columns, grid.index, grid.to_numpy().clip(0, 10), cmap=colours, norm=norm, shading="nearest"
    )
    for (y, x), value in np.ndenumerate(grid.to_numpy()):
        ax.text(grid.columns[x], grid.index[y], f"{value:.2f}", ha="center", va="center", fontsize=8)
    default = Params()
    ax.plot(getattr(default, X), getattr(default, Y), marker="*", color="black", markersize=14, linestyle="")
    ax.annotate("default leader", (getattr(default, X), getattr(default, Y)), xytext=(6, 6),
                textcoords="offset points")  # fmt: skip
    ax.set_xlabel("confirmation bias (share of disconfirming evidence discounted)")
    ax.set_ylabel("anchoring (initial_confidence)")
    ax.set_title("Loop gain: LMX gap of equally able members, week 26 / week 6\n"
                 "blue fades (< .8), sand sticks (.8-1.2), red spirals (> 1.2)")  # fmt: skip
    fig.tight_layout()
    fig.savefig(FIGURES / "loop-gain.png", dpi=120)
    print(grid.round(2).to_string())
    print(f"default: {loop_gain(default, 1, args.replications):.2f}; written: {FIGURES / 'loop-gain.png'}")


if __name__ == "__main__":
    main()
