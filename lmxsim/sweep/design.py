"""Design points: full factorial grid, Latin hypercube, Sobol and Morris (SALib).

A design is a (points x parameters) matrix in the order of [vary]. It depends
only on the sweep file and the root entropy, so a resumed sweep rebuilds
exactly the same points; the matrix is also written to the manifest.
"""

from __future__ import annotations

import itertools
import warnings
from dataclasses import dataclass
from typing import Any

import numpy as np

from lmxsim.model.params import ParameterError, Params
from lmxsim.sweep.spec import SweepError, SweepSpec, design_size

MAX_POINTS = 200_000  # the design matrix is kept in the manifest (JSON); replications add runs freely
DESIGN_KEY = 2**31 - 1  # spawn key of the design's own random stream (runs use (point, replication))


@dataclass(frozen=True)
class Design:
    """The sampled points: values[point, j] is parameter names[j] at that point."""

    kind: str
    names: list[str]
    values: np.ndarray
    bounds: list[tuple[float, float]]
    bools: list[bool]
    second_order: bool = False
    morris_levels: int = 4

    @property
    def points(self) -> int:
        return len(self.values)

    def point(self, index: int) -> dict[str, Any]:
        """Parameter values of one design point, with true/false parameters as bool."""
        return {
            name: bool(value) if is_bool else float(value)
            for name, value, is_bool in zip(self.names, self.values[index], self.bools, strict=True)
        }

    def problem(self) -> dict[str, Any]:
        """The SALib problem definition of this design."""
        return {
            "num_vars": len(self.names),
            "names": list(self.names),
            "bounds": [list(b) for b in self.bounds],
        }

    def to_json(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "names": self.names,
            "bounds": [list(b) for b in self.bounds],
            "bools": self.bools,
            "second_order": self.second_order,
            "morris_levels": self.morris_levels,
            "points": self.values.tolist(),
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Design:
        return cls(
            kind=data["kind"],
            names=list(data["names"]),
            values=np.asarray(data["points"], dtype=float).reshape(len(data["points"]), len(data["names"])),
            bounds=[tuple(b) for b in data["bounds"]],
            bools=list(data["bools"]),
            second_order=data.get("second_order", False),
            morris_levels=data.get("morris_levels", 4),
        )


def design_seed(entropy: int) -> int:
    """A 32-bit seed for the samplers, derived from the root entropy (never from the clock)."""
    return int(np.random.SeedSequence(entropy, spawn_key=(DESIGN_KEY,)).generate_state(1)[0])


def build_design(spec: SweepSpec, entropy: int) -> Design:
    """Sample the design of a sweep and check every point gives valid parameters."""
    names = spec.names
    bools = [v.is_bool for v in spec.vary]
    bounds = [
        (v.low, v.high)
        if v.low is not None and v.high is not None  # a range (the spec gives low and high together)
        else (float(min(v.grid_levels())), float(max(v.grid_levels())))
        for v in spec.vary
    ]
    points = design_size(spec)
    if points > MAX_POINTS:
        raise SweepError(
            f"{spec.path}: the {spec.design} design has {points:,} points (allowed: up to {MAX_POINTS:,}); "
            "use fewer levels or samples, and more replications for more runs"
        )
    seed = design_seed(entropy)
    problem = {"num_vars": len(names), "names": names, "bounds": [list(b) for b in bounds]}
    if spec.design == "grid":
        rows = list(itertools.product(*[v.grid_levels() for v in spec.vary]))
        values = np.array(rows, dtype=float).reshape(len(rows), len(names))
    elif spec.design == "lhs":
        from scipy.stats import qmc

        unit = qmc.LatinHypercube(d=len(names), rng=np.random.default_rng(seed)).random(spec.samples)
        values = qmc.scale(unit, [b[0] for b in bounds], [b[1] for b in bounds])
    elif spec.design == "sobol":
        from SALib.sample import sobol

        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            values = sobol.sample(problem, spec.samples, calc_second_order=spec.second_order, seed=seed)
    else:
        from SALib.sample import morris

        values = morris.sample(problem, spec.samples, num_levels=spec.morris_levels, seed=seed)
    values = np.asarray(values, dtype=float)
    design = Design(spec.design, names, values, bounds, bools, spec.second_order, spec.morris_levels)
    check_points(spec, design)
    return design


def check_points(spec: SweepSpec, design: Design) -> None:
    """Every point must make valid Params (e.g. out_group_rlmx <= in_group_rlmx), before any run."""
    for index in range(design.points):
        try:
            spec.params.replace(**design.point(index))
        except ParameterError as error:
            raise SweepError(f"{spec.path}: design point {index} {design.point(index)}: {error}") from None


def point_params(base: Params, design: Design, index: int) -> Params:
    return base.replace(**design.point(index))
