"""Every round of simulations a batch fit ran, kept on disk, so a killed fit resumes to the same result.

A seeded batch fit is deterministic (sampler.py): the same seed proposes the same particles in
the same order. pyABC's own resume (loading the last generation from fit.db) is not: it re-fits
the adaptive distance from the accepted particles only and re-draws from numpy's generator, so
a resumed fit came out different from one never stopped. Instead, `--resume` replays the fit
from its start with the same seed, and each round whose particles are the ones stored here takes
its summaries from disk instead of the simulator; the first round not stored (where the kill
came) is simulated, and from there the fit runs on. The replay costs pyABC's own work per
particle, not the simulations; the result equals the uninterrupted fit's.

One file per round, `rounds/<n>.npz`: the particles' parameters (rows, in order) and their
summaries; written to a temporary name and renamed, so a kill leaves whole files only.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import numpy as np

FOLDER = "rounds"


class RoundCache:
    """The rounds of one fit folder: look a round up by its number and particles, or store it."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.hits = 0

    def clear(self) -> None:
        shutil.rmtree(self.folder, ignore_errors=True)

    def get(self, number: int, rows: list[dict[str, float]], key: str) -> list[dict[str, np.ndarray]] | None:
        """The stored summaries of round `number` if it ran exactly these particles, else None."""
        path = self.folder / f"{number}.npz"
        if not path.exists():
            return None
        try:
            with np.load(path) as stored:
                names, params, summaries = list(stored["names"]), stored["params"], stored["summaries"]
        except (OSError, ValueError, KeyError):
            return None  # a damaged file: simulate the round again
        if names != _names(rows) or not np.array_equal(params, _params(rows)) or len(summaries) != len(rows):
            return None
        self.hits += 1
        return [{key: summary} for summary in summaries]

    def put(
        self, number: int, rows: list[dict[str, float]], results: list[dict[str, np.ndarray]], key: str
    ) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        path = self.folder / f"{number}.npz"
        part = self.folder / f".{number}.{os.getpid()}.npz"
        summaries = np.stack([r[key] for r in results]) if results else np.zeros((0, 0))
        with part.open("wb") as file:
            np.savez(file, names=np.array(_names(rows)), params=_params(rows), summaries=summaries)
        os.replace(part, path)


def _names(rows: list[dict[str, float]]) -> list[str]:
    return sorted(rows[0]) if rows else []


def _params(rows: list[dict[str, float]]) -> np.ndarray:
    names = _names(rows)
    return np.array([[row[n] for n in names] for row in rows], dtype=float)
