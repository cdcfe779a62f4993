"""Many ABC particles as one vectorised batch: a pyABC sampler and the model it feeds.

The batch engine runs one replication in ~10 ms (numpy's per-call overhead, 26 weeks)
but 64 replications in ~60 ms: vectorising over particles is where the speed is.
pyABC draws, simulates and judges one particle per call of `simulate_one`, so
BatchSampler runs a round of `batch` threads, each calling `simulate_one` once; their
model calls meet at a BatchGate, which runs them as one batch. Threads enter
`simulate_one` one after another (a baton), so pyABC's random draws happen in the same
order every time and a seeded fit is reproducible.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from typing import Any

import numpy as np

from lmxsim.fit import require_pyabc
from lmxsim.fit.rounds import RoundCache
from lmxsim.fit.simulate import SUMMARY, SurveySimulator

pyabc = require_pyabc()
# pyABC is an optional, untyped extra loaded at run time: its base classes are Any to the checker.
_Model: Any = pyabc.Model
_Sampler: Any = pyabc.sampler.Sampler

DEFAULT_BATCH = 64


class FitStopped(Exception):
    """The fit was asked to stop (run_fit's `should_stop`): its finished generations are kept."""


class BatchGate:
    """Where one round's model calls meet and run as one batch.

    One event per thread passes the baton and one event says the batch is done, so a
    round of B threads costs O(B) wake-ups (a shared condition would wake all B each time).
    """

    def __init__(self, simulator: SurveySimulator, seed: int) -> None:
        self.simulator = simulator
        self.root = np.random.SeedSequence(seed)
        self.batches = 0
        self.simulations = 0
        self.seconds = 0.0  # time inside the simulator
        self.local = threading.local()
        self._lock = threading.Lock()
        self.cache: RoundCache | None = None  # rounds.py: a resumed fit replays stored rounds

    def start_round(self, size: int) -> None:
        self._size, self._arrived = size, 0
        self._turns = [threading.Event() for _ in range(size)]
        self._turns[0].set()
        self._done = threading.Event()
        self._rows: list[dict[str, float] | None] = [None] * size
        self._results: list[dict[str, np.ndarray]] = []

    def wait_turn(self, index: int) -> None:
        self._turns[index].wait()

    def submit(self, pars: dict[str, float]) -> dict[str, np.ndarray]:
        """Called by the model in thread `local.index`: hand over the baton, wait for the batch."""
        index = self.local.index
        self._rows[index] = dict(pars)
        self._arrive(index)
        self._done.wait()
        return self._results[index]

    def abandon(self) -> None:
        """A thread that failed before its model call still counts, so the round completes."""
        index = self.local.index
        if self._rows[index] is None and not self._done.is_set():
            self._rows[index] = {}
            self._arrive(index)

    def _arrive(self, index: int) -> None:
        with self._lock:
            self._arrived += 1
            last = self._arrived == self._size
        if last:
            try:
                self._run()
            finally:
                self._done.set()
        else:
            self._turns[index + 1].set()

    def _run(self) -> None:
        rows = [r for r in self._rows if r]
        start = time.perf_counter()
        seed = np.random.SeedSequence(self.root.entropy, spawn_key=(*self.root.spawn_key, self.batches))
        stored = self.cache.get(self.batches, rows, SUMMARY) if self.cache is not None and rows else None
        if stored is None:
            stored = self.simulator.simulate(rows, seed) if rows else []
            if self.cache is not None and rows:
                self.cache.put(self.batches, rows, stored, SUMMARY)
        done = iter(stored)
        self._results = [next(done) if r else {} for r in self._rows]
        self.seconds += time.perf_counter() - start
        self.batches += 1
        self.simulations += len(rows)


class LMXModel(_Model):
    """The pyABC model: through the gate (batched), or one replication per call (other samplers)."""

    def __init__(self, simulator: SurveySimulator, gate: BatchGate | None, seed: int) -> None:
        super().__init__(name="lmxsim")
        self.simulator, self.gate, self.seed = simulator, gate, seed

    def sample(self, pars: Any) -> dict[str, np.ndarray]:
        if self.gate is not None:
            return self.gate.submit(pars)
        # multicore/dask: each call its own stream (those samplers are not reproducible anyway)
        seed = np.random.SeedSequence([self.seed, *np.random.SeedSequence().generate_state(2)])
        return self.simulator.simulate([dict(pars)], seed)[0]


class BatchSampler(_Sampler):
    """Runs rounds of `batch` particles until n are accepted (see the module docstring)."""

    def __init__(self, gate: BatchGate, batch: int = DEFAULT_BATCH) -> None:
        super().__init__()
        self.gate, self.batch = gate, batch
        self.stop_requested = False  # set by Ctrl-C (run.py); honoured between rounds
        # asked between rounds too: the app's Stop button, or the tab that asked for the fit is gone
        self.should_stop: Callable[[], bool] = lambda: False
        # told after every round: (generation, accepted so far, accepted needed), for a progress bar
        self.on_round: Callable[[int, int, int], None] | None = None

    def request_stop(self, *_signal) -> None:
        self.stop_requested = True

    def sample_until_n_accepted(
        self, n, simulate_one, t, *, max_eval=np.inf, all_accepted=False, ana_vars=None
    ):
        particles: list = []
        accepted = 0
        while accepted < n and len(particles) < max_eval:
            size = self.batch
            if all_accepted:  # calibration samples: everything is accepted, run exactly n
                size = min(size, n - accepted)
            results = self._round(size, simulate_one)
            if self.stop_requested:  # no thread is running now: a clean place to stop
                raise KeyboardInterrupt
            if self.should_stop():
                raise FitStopped
            particles.extend(results)
            accepted += sum(p.accepted for p in results)
            if self.on_round is not None:
                self.on_round(t, accepted, n)
        sample = self._create_empty_sample()
        taken = 0
        for particle in particles:  # in order, up to the n-th accepted: no bias toward any thread
            if taken >= n:
                break
            sample.append(particle)
            taken += particle.accepted
        self.nr_evaluations_ = len(particles)
        if sample.n_accepted < n:
            sample.ok = False
        return sample

    def _round(self, size: int, simulate_one) -> list:
        """`size` threads each run simulate_one once; their model calls run as one batch."""
        results: list = [None] * size
        errors: list[BaseException] = []
        self.gate.start_round(size)

        def work(index: int) -> None:
            self.gate.local.index = index
            self.gate.wait_turn(index)
            try:
                results[index] = simulate_one()
            except BaseException as error:  # re-raised below, once the round is complete
                errors.append(error)
                self.gate.abandon()

        threads = [threading.Thread(target=work, args=(i,), daemon=True) for i in range(size)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        if errors:
            raise errors[0]
        return results
