"""Issue 26 req 5: how long does `lmxsim fit --teams` take for 20 teams x 3 waves at the default budget?

Writes a many-team study simulated from known settings (20 teams of 9, weeks 4, 13, 26, member and
leader LMX-7; first_impression_noise .25, leader_trust_rate .3, confirmation_bias .5) as the fit
reads it: a survey with a `team` column and one team file per team. Then time the command:

    uv run python benchmarks/bench_fit_panel.py --out /tmp/panel20
    /usr/bin/time nice -n 10 uv run lmxsim fit --survey /tmp/panel20/waves.csv --teams /tmp/panel20/teams \
        --out /tmp/panel20/fit

docs/fitting.md ("Speed") has the measurement.
"""

from __future__ import annotations

import argparse
from pathlib import Path

import numpy as np

from lmxsim.fit.priors import default_priors
from lmxsim.fit.simulate import Simulator
from lmxsim.fit.synthetic import recovery_team

TRUTH = {"first_impression_noise": 0.25, "leader_trust_rate": 0.3, "confirmation_bias": 0.5}


def write_study(out: Path, teams: int = 20, size: int = 9, weeks: tuple[int, ...] = (4, 13, 26)) -> None:
    (out / "teams").mkdir(parents=True, exist_ok=True)
    lines = ["team,name,wave,week,member_total,leader_total"]
    priors = default_priors()
    for t in range(teams):
        team = recovery_team(size, seed=1000 + t)
        name = f"team{t + 1:02d}"
        (out / "teams" / f"{name}.toml").write_text(
            "".join(
                f'[[team]]\nname = "{m.name}"\ncloseness = 0.6\nability = {m.ability:.3f}\n\n' for m in team
            )
        )
        blank = np.zeros((size, len(weeks)))
        maker = Simulator(team, list(weeks), {"member": blank, "leader": blank}, priors)
        totals = maker.totals([TRUTH], np.random.SeedSequence([26, t]))
        for k, week in enumerate(weeks):
            for i, member in enumerate(team):
                m, lead = int(totals["member"][0, i, k]), int(totals["leader"][0, i, k])
                lines.append(f"{name},{member.name},{k + 1},{week},{m},{lead}")
    (out / "waves.csv").write_text("\n".join(lines) + "\n")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--teams", type=int, default=20)
    args = parser.parse_args()
    write_study(args.out, args.teams)
    print(f"wrote {args.out}/waves.csv and {args.teams} team files in {args.out}/teams")
