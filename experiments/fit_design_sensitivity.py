"""Why confirmation_bias is hard to identify: how far each leader parameter moves the pooled summaries.

For the 20 teams x 3 waves design (9 people, member and leader ratings), simulates 64 studies'
pooled summaries (lmxsim/fit/panel.py) at a low and a high value of one parameter (the others
fixed), and prints the largest standardised shifts (difference of means / pooled sd) and the
cosine between the parameters' shift patterns (near 1: the data cannot tell them apart).
docs/fitting.md, "Design study", quotes its output.

    uv run python experiments/fit_design_sensitivity.py
"""

import numpy as np

from lmxsim.fit.design import Design, simulated_study
from lmxsim.fit.priors import default_priors

BASE = {"first_impression_noise": 0.25, "leader_trust_rate": 0.4, "confirmation_bias": 0.5}
R = 64


def main() -> None:
    study = simulated_study(Design(20, 9, (4, 13, 26)), default_priors(), BASE, seed=1)

    def summaries(**change):
        rows = [BASE | change] * R
        return np.array([s["lmx7"] for s in study.simulate(rows, np.random.SeedSequence(9))])

    def shift(name: str, low: float, high: float) -> np.ndarray:
        a, b = summaries(**{name: low}), summaries(**{name: high})
        return (b.mean(0) - a.mean(0)) / (np.sqrt((a.var(0) + b.var(0)) / 2) + 1e-9)

    for name, low, high in (
        ("confirmation_bias", 0.1, 0.9),
        ("leader_trust_rate", 0.1, 0.9),
        ("first_impression_noise", 0.05, 0.5),
    ):
        effect = shift(name, low, high)
        top = np.argsort(-np.abs(effect))[:4]
        print(
            f"{name} {low} -> {high}: largest standardised shifts {np.round(effect[top], 1)} "
            f"(summaries {top})"
        )
    local = {
        "confirmation_bias": shift("confirmation_bias", 0.3, 0.7),
        "leader_trust_rate": shift("leader_trust_rate", 0.3, 0.5),
        "first_impression_noise": shift("first_impression_noise", 0.2, 0.3),
    }
    names = list(local)
    for i, a in enumerate(names):
        for b in names[i + 1 :]:
            u, v = local[a], local[b]
            print(
                f"cosine of the shift patterns, {a} and {b}: "
                f"{u @ v / np.linalg.norm(u) / np.linalg.norm(v):.2f}"
            )


if __name__ == "__main__":
    main()
