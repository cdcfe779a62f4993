"""When does an early gap fade, stick or spiral? The loop gain over the two knobs that govern it.

The loop gain (issue 23; fact P22, lmxsim.facts.label_sticks) is the LMX gap of two equally
able members with different first impressions (.35 and .85, in a team of ten) at week 26
over their gap at week 6: below .8 the early gap fades, .8-1.2 it sticks, above 1.2 it
spirals. Mapped over confirmation bias (how much disconfirming evidence the leader
discounts) and the anchoring knob (initial_confidence), the two parameters that move it
most in the set-up-to-fail scan; everything else at the defaults. The default leader is
marked.

    uv run python experiments/loop_gain.py [--replications 200] [--steps 6]
    uv run python experiments/loop_gain.py --x routine_noise --y trust_rate

Writes docs/figures/loop-gain.csv and docs/figures/loop-gain.png (about ten seconds); with other
axes, docs/figures/loop-gain-X-Y.csv|png, each axis over its whole allowed range (the Morris
screening at the v3 defaults finds `routine_noise` and `trust_rate` move the loop gain most near
the defaults, docs/ODD.md 7.13).
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

from lmxsim.model.params import PARAMETERS, Params
from lmxsim.science.facts import LOOP_FADES, LOOP_SPIRALS, loop_gain

FIGURES = Path(__file__).resolve().parent.parent / "docs" / "figures"
X, Y = "confirmation_bias", "initial_confidence"
LABELS = {
    "confirmation_bias": "confirmation bias (share of disconfirming evidence discounted)",
    "initial_confidence": "anchoring (initial_confidence)",
}


def _axis(name: str, steps: int) -> np.ndarray:
    """The map's values of one parameter: 0 to 1 for confirmation bias, 0 to .9 for anchoring,
    otherwise the parameter's whole allowed range."""
    if name == "confirmation_bias":
        return np.linspace(0.0, 1.0, steps)
    if name == "initial_confidence":
        return np.linspace(0.0, 0.9, steps)
    meta = PARAMETERS[name].metadata
    return np.linspace(meta["low"], meta["high"], steps)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--replications", type=int, default=200)
    parser.add_argument("--steps", type=int, default=6)
    parser.add_argument("--x", default=X, choices=sorted(PARAMETERS))
    parser.add_argument("--y", default=Y, choices=sorted(PARAMETERS))
    args = parser.parse_args()
    x_name, y_name = args.x, args.y
    xs = _axis(x_name, args.steps)
    ys = _axis(y_name, args.steps)
    stem = "loop-gain" if (x_name, y_name) == (X, Y) else f"loop-gain-{x_name}-{y_name}"
    rows = [
        {
            x_name: x,
            y_name: y,
            "loop_gain": loop_gain(
                Params().replace(**{x_name: float(x), y_name: float(y)}), 1, args.replications
            ),
        }
        for y in ys
        for x in xs
    ]
    table = pd.DataFrame(rows)
    FIGURES.mkdir(parents=True, exist_ok=True)
    table.to_csv(FIGURES / f"{stem}.csv", index=False)
    grid = table.pivot(index=y_name, columns=x_name, values="loop_gain")
    fig, ax = plt.subplots(figsize=(6.4, 4.8))
    colours = ListedColormap(["#9ecae1", "#fdd49e", "#ef6548"])
    norm = BoundaryNorm([0.0, LOOP_FADES, LOOP_SPIRALS, 10.0], colours.N)
    ax.pcolormesh(
        grid.columns, grid.index, grid.to_numpy().clip(0, 10), cmap=colours, norm=norm, shading="nearest"
    )
    for (y, x), value in np.ndenumerate(grid.to_numpy()):
        ax.text(grid.columns[x], grid.index[y], f"{value:.2f}", ha="center", va="center", fontsize=8)
    default = Params()
    ax.plot(getattr(default, x_name), getattr(default, y_name), marker="*", color="black", markersize=14,
            linestyle="")  # fmt: skip
    ax.annotate("default leader", (getattr(default, x_name), getattr(default, y_name)), xytext=(6, 6),
                textcoords="offset points")  # fmt: skip
    ax.set_xlabel(LABELS.get(x_name, x_name))
    ax.set_ylabel(LABELS.get(y_name, y_name))
    ax.set_title("Loop gain: LMX gap of equally able members, week 26 / week 6\n"
                 "blue fades (< .8), sand sticks (.8-1.2), red spirals (> 1.2)")  # fmt: skip
    fig.tight_layout()
    fig.savefig(FIGURES / f"{stem}.png", dpi=120)
    print(grid.round(2).to_string())
    print(f"default: {loop_gain(default, 1, args.replications):.2f}; written: {FIGURES / (stem + '.png')}")


if __name__ == "__main__":
    main()
