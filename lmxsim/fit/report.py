"""What a fit leaves in its folder: posterior, per-person traits, draws, predictive checks.

posterior.csv   fitted parameters: mean, 90% interval, prior vs posterior width
people.csv      per person: the leader's first impression and its gap to ability
draws.csv       equally weighted posterior draws (lmxsim strategies --posterior reads them)
ppc.csv/.png    posterior predictive check: every observed number against simulated ones (ppc.py)
ppc-kinds.csv/.png  the same per kind of observation (member and leader LMX-7, rating, team counts)
generations.csv epsilon, acceptance and time per ABC generation
summary.json    what the data taught: per parameter and person, posterior 90% width / prior's (taught.py)
fit.json        what was fitted, from what, how long it took (and what a resume must match)
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import cast

import numpy as np
import pandas as pd

from lmxsim.fit.people import infer_people
from lmxsim.fit.posterior import last_wave
from lmxsim.fit.ppc import kinds_figure, kinds_table, ppc_figure, predictive_check
from lmxsim.fit.priors import PERSON_PREFIX, held
from lmxsim.fit.run import STATE_NAME, FitResult
from lmxsim.fit.simulate import Simulator
from lmxsim.fit.summary import posterior_table, resample
from lmxsim.fit.taught import first_impression_prior_width, what_was_taught
from lmxsim.io.output import csv_bytes, write_bytes, write_table, write_text
from lmxsim.texts import TEXT, t

DRAWS = 500
PPC_DRAWS = 200


def people_table(people: dict[str, np.ndarray], sim: Simulator) -> pd.DataFrame:
    """Per person: the leader's first impression (posterior mean, 90%), its gap to ability."""
    rows = []
    for i, member in enumerate(sim.team):
        fi = people["first_impression"][:, i]
        gap = fi - member.ability
        rows.append(
            {
                "name": member.name,
                "ability": member.ability,
                "first_impression": float(fi.mean()),
                "first_impression_p5": float(np.quantile(fi, 0.05)),
                "first_impression_p95": float(np.quantile(fi, 0.95)),
                "gap": float(gap.mean()),
                "gap_p5": float(np.quantile(gap, 0.05)),
                "gap_p95": float(np.quantile(gap, 0.95)),
                "z": float(people["z"][:, i].mean()),
                "z_p5": float(np.quantile(people["z"][:, i], 0.05)),
                "z_p95": float(np.quantile(people["z"][:, i], 0.95)),
                "p_underrated": float(np.mean(gap < 0)),
            }
        )
    return pd.DataFrame(rows)


def table(frame: pd.DataFrame, path: Path, lang: str = "en") -> None:
    """A table the leader opens in a spreadsheet: as it is in English; in Dutch a Dutch-Excel CSV
    (`;`, decimal comma, UTF-8 with BOM, through the one safe writer) with Dutch column names and
    Dutch words in its cells (learned, rater, yes/no). draws.csv is not one of these: the strategy
    lab reads it back, so it stays in the machine's format in every language."""
    if lang == "en":
        write_table(frame, path)
        return
    write_bytes(path, csv_bytes(dutch_table(frame, lang), lang))


def dutch_table(frame: pd.DataFrame, lang: str) -> pd.DataFrame:
    """`frame` with its column names and its words in `lang` (numbers and names unchanged)."""
    frame = frame.copy()
    if "learned" in frame:
        frame["learned"] = [t(f"fit.learned_{v}", lang) for v in frame["learned"]]
    for column in ("rater", "kind"):  # member, leader, rating, problems_reported
        if column in frame:
            frame[column] = [t(f"fit.csv_{v}", lang) for v in frame[column]]
    if "inside90" in frame:
        frame["inside90"] = [
            "" if v is None or v != v else t(f"report.val_{bool(v)}", lang) for v in frame["inside90"]
        ]
    return frame.rename(
        columns={c: t(f"fit.csv_{c}", lang) if f"fit.csv_{c}" in TEXT else c for c in frame.columns}
    )


def write_report(
    result: FitResult, out: Path, seed: int, survey_path: str, team_path: str, lang: str = "en"
) -> dict:
    """Write every table and figure; returns the numbers the command prints.

    With many teams (panel.py) people.csv and ppc.csv gain a `team` column, draws.csv names each
    first impression `first_impression[<team>/<name>]`, fit.json lists the teams, and ppc.png
    (one panel per person) is drawn for one-team fits only."""
    from lmxsim.fit.panel import Panel

    particles, weights = result.posterior()
    panel = result.simulator if isinstance(result.simulator, Panel) else None
    parts: list[tuple[str | None, str, Simulator]] = (
        list(zip(panel.teams, panel.paths, panel.simulators, strict=True))
        if panel is not None
        else [(None, team_path, cast(Simulator, result.simulator))]
    )
    posterior = posterior_table(particles, weights, result.priors)
    table(posterior, out / "posterior.csv", lang)
    rng = np.random.default_rng([seed, 7])
    draws = resample(particles, weights, DRAWS, rng)
    impressions: dict[str, np.ndarray] = {}  # first_impression[<label>] columns, joined to draws once
    people_parts, ppc_parts, teams_state = [], [], []
    for stream, (team, path, sim) in enumerate(parts):
        names = [m.name for m in sim.team]
        own = draws.copy()
        if result.priors.people:
            inferred = infer_people(sim, draws, seed, stream)
            people = people_table(inferred, sim)
            people["prior_width90"] = first_impression_prior_width(
                sim.ability, result.priors, sim.base.first_impression_noise
            )
            if team is not None:
                people.insert(0, "team", team)
            people_parts.append(people)
            # one plausible first impression per person and draw, for the strategy lab
            picks = rng.integers(0, len(inferred["first_impression"]), size=(len(draws), len(names)))
            for i, name in enumerate(names):
                label = name if team is None else f"{team}/{name}"
                impressions[f"first_impression[{label}]"] = inferred["first_impression"][picks[:, i], i]
                own[f"{PERSON_PREFIX}{i}"] = inferred["z"][picks[:, i], i]  # the check uses them too
        ppc = predictive_check(sim, own.iloc[:PPC_DRAWS], seed, stream)
        if team is not None:
            ppc.insert(0, "team", team)
            teams_state.append(
                {"team": team, "file": path, "names": names, "weeks": sim.weeks, "last_wave": last_wave(ppc)}
            )
        ppc_parts.append(ppc)
    people = pd.concat(people_parts, ignore_index=True) if people_parts else None
    if people is not None:
        table(people, out / "people.csv", lang)
    named = pd.concat([draws, pd.DataFrame(impressions, index=draws.index)], axis=1)
    write_table(named, out / "draws.csv")  # machine format in every language: the lab reads it back
    ppc = pd.concat(ppc_parts, ignore_index=True)
    table(ppc, out / "ppc.csv", lang)
    if panel is None:
        ppc_figure(ppc, out / "ppc.png", lang)
    kinds = kinds_table(ppc)
    table(kinds, out / "ppc-kinds.csv", lang)
    kinds_figure(ppc, kinds, out / "ppc-kinds.png", lang)
    table(pd.DataFrame(result.generations), out / "generations.csv", lang)
    taught = what_was_taught(posterior, people)
    taught["held"] = held(result.priors)  # identified first: candidates held at their defaults
    write_text(out / "summary.json", json.dumps(taught, indent=2))
    state = json.loads((out / STATE_NAME).read_text())
    inside = ppc["inside90"].dropna()
    sim = parts[0][2]
    state |= {
        "survey": survey_path,
        "team": team_path,
        "names": [m.name for m in sim.team]
        if panel is None
        else [f"{t['team']}/{n}" for t in teams_state for n in t["names"]],
        "ability": [m.ability for _, _, s in parts for m in s.team],
        "weeks": sim.weeks,
        **({} if panel is None else {"teams": teams_state}),
        "fitted": result.priors.names,
        "held": held(result.priors),  # candidates not fitted, at the default they were held at
        # the prior ranges, so a comparison can be run over the prior too (posterior.prior_of)
        "priors": {p.name: [p.low, p.high] for p in result.priors.parameters},
        "people": result.priors.people,
        "generations": int(result.history.max_t + 1),
        "simulations": result.simulations,
        "seconds": round(result.seconds, 1),
        "simulations_per_second": round(result.simulations / max(result.seconds, 1e-9), 1),
        "simulator_seconds": round(result.simulate_seconds, 1),
        "ppc_inside90": round(float(inside.mean()), 3) if len(inside) else None,
        # per kind of observation (ppc.py): how many were observed, what share lies inside the 90% band
        "ppc_by_kind": {
            row.kind: {"observed": int(row.observed_n), "inside90": float(row.inside90)}
            for row in kinds.itertuples()
        },
        "team_observations": None
        if panel is not None or sim.team_observed is None
        else {
            "file": sim.team_observed.path,
            "measure": sim.team_observed.measure,
            "periods": sim.team_observed.periods,
            "counts": sim.team_observed.counts.tolist(),
        },
    }
    if panel is None:  # where the relationships stand when the survey ends: the strategy lab starts there
        state["last_wave"] = last_wave(ppc)
    write_text(out / STATE_NAME, json.dumps(state, indent=2))
    return {
        "posterior": posterior,
        "people": people,
        "ppc": ppc,
        "kinds": kinds,
        "state": state,
        "taught": taught,
    }
