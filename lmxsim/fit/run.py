"""Driving pyABC: priors, adaptive distance and population size, samplers, the database, resuming."""

from __future__ import annotations

import hashlib
import json
import logging
import signal
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path
from typing import Any

import numpy as np

from lmxsim.fit import FitError, require_pyabc
from lmxsim.fit.priors import Priors
from lmxsim.fit.rounds import FOLDER as ROUNDS
from lmxsim.fit.rounds import RoundCache
from lmxsim.fit.simulate import SurveySimulator

DB_NAME = "fit.db"
STATE_NAME = "fit.json"


@dataclass
class Settings:
    """How hard the fit works; the defaults fit 9 people x 3 waves in minutes (benchmarks/bench_fit.py)."""

    population: int = 400  # particles in the first generation; adaptive afterwards
    min_population: int = 200
    max_population: int = 600
    generations: int = 6
    min_acceptance: float = 0.03  # stop when fewer than this share of proposals is accepted
    max_minutes: float = 9.0
    adaptive_population: bool = True
    seed: int = 1
    sampler: str = "batch"  # batch | multicore | dask
    dask: str | None = None  # "local" or a scheduler address
    workers: int = 2
    batch: int = 64
    transition: str = "mvn"  # mvn | local
    kernel_scaling: float = 1.0

    def fingerprint_part(self) -> dict:
        return {"population": self.population, "seed": self.seed, "adaptive": self.adaptive_population}


@dataclass
class FitResult:
    simulator: SurveySimulator  # one team, or many (panel.py)
    priors: Priors
    history: Any  # pyabc.History (pyABC is an optional, untyped extra)
    seconds: float
    simulations: int
    simulate_seconds: float
    generations: list[dict] = field(default_factory=list)
    stopped: str = ""

    def posterior(self) -> tuple:
        """(DataFrame of particles, weights) of the last generation."""
        return self.history.get_distribution(m=0, t=self.history.max_t)


def prior_distribution(priors: Priors):
    pyabc = require_pyabc()
    from lmxsim.fit.rvs import Uniform

    # each person's first impression (z) is not a pyABC parameter: the simulator draws it
    # and lmxsim/fit/people.py infers it afterwards (twelve dimensions starved the SMC weights)
    return pyabc.Distribution(**{p.name: Uniform(p.low, p.high) for p in priors.parameters})


def fingerprint(simulator: SurveySimulator, priors: Priors, settings: Settings) -> str:
    """What a stored fit must share with this one to be resumed."""
    data = {
        **simulator.identity(),
        "priors": [(p.name, p.low, p.high) for p in priors.parameters] + [priors.people],
        "settings": settings.fingerprint_part(),
    }
    return hashlib.sha256(json.dumps(data, sort_keys=True).encode()).hexdigest()[:16]


def _sampler(settings: Settings, gate):
    pyabc = require_pyabc()
    from lmxsim.fit.sampler import BatchSampler

    if settings.dask is not None:
        from dask.distributed import Client, LocalCluster

        if settings.dask == "local":
            client = Client(LocalCluster(n_workers=settings.workers, threads_per_worker=1, processes=True))
        else:
            client = Client(settings.dask)
        return pyabc.sampler.DaskDistributedSampler(dask_client=client, batch_size=8), client
    if settings.sampler == "multicore":
        return pyabc.sampler.MulticoreEvalParallelSampler(n_procs=settings.workers), None
    if settings.sampler == "single":
        return pyabc.sampler.SingleCoreSampler(), None
    return BatchSampler(gate, settings.batch), None


def _transition(settings: Settings):
    pyabc = require_pyabc()
    if settings.transition == "local":
        return pyabc.LocalTransition(k_fraction=0.25)
    return pyabc.MultivariateNormalTransition(scaling=settings.kernel_scaling)


def run_fit(
    simulator: SurveySimulator,
    priors: Priors,
    out: Path,
    settings: Settings,
    resume: bool = False,
    progress: Callable[[dict], None] | None = None,
    should_stop: Callable[[], bool] | None = None,
    on_round: Callable[[int, int, int], None] | None = None,
) -> FitResult:
    """Run (or resume) ABC-SMC; the database is out/fit.db, its identity out/fit.json.

    `should_stop` is asked between rounds of simulations (batch sampler only): true ends the fit
    with sampler.FitStopped, its finished generations kept (the app's Stop button, a closed tab).
    `on_round(generation, accepted, needed)` is told after every round (batch sampler only): the
    command's progress bar.
    """
    pyabc = require_pyabc()
    from lmxsim.fit.sampler import BatchGate, LMXModel

    out.mkdir(parents=True, exist_ok=True)
    db, state_path = out / DB_NAME, out / STATE_NAME
    mark = fingerprint(simulator, priors, settings)
    batched = settings.sampler == "batch" and settings.dask is None
    cache = RoundCache(out / ROUNDS) if batched else None
    run_id = None
    # a resume killed between removing fit.db and starting again still has its rounds to replay
    if db.exists() or (resume and cache is not None and cache.folder.is_dir()):
        if not resume:
            raise FitError(
                f"{out} already holds a fit ({DB_NAME}); "
                "add --resume to continue it or --overwrite to restart"
            )
        try:
            state = json.loads(state_path.read_text())
        except (OSError, ValueError):
            raise FitError(
                f"{out}: {STATE_NAME} is missing or damaged; the fit must restart (--overwrite)"
            ) from None
        if state.get("fingerprint") != mark:
            raise FitError(
                f"{out} holds a fit of other data, priors or settings; it cannot be resumed and must restart "
                "(--overwrite, or another --out)"
            )
        run_id = state["run_id"]
        done = state.get("generations")  # a fit that ended wrote how many generations it ran
        if done is not None and done >= settings.generations:
            raise FitError(
                f"{out}: the fit already ran its {settings.generations} generations (raise --generations)"
            )
        if cache is not None and cache.folder.is_dir():
            # replay from the start, the stored rounds instead of the simulator (rounds.py): the
            # result equals the fit's that was never stopped; pyABC's own resume would not
            db.unlink(missing_ok=True)
            run_id = None
    elif cache is not None:
        cache.clear()  # a new fit: no rounds of an earlier one
    np.random.seed(settings.seed % 2**32)  # pyABC draws from numpy's global generator
    gate = BatchGate(simulator, settings.seed) if batched else None
    if gate is not None:
        gate.cache = cache
    sampler, client = _sampler(settings, gate)
    if should_stop is not None and gate is not None:
        sampler.should_stop = should_stop
    if on_round is not None and gate is not None:
        sampler.on_round = on_round
    model = LMXModel(simulator, gate, settings.seed)
    if settings.adaptive_population:
        population = pyabc.AdaptivePopulationSize(
            settings.population,
            mean_cv=0.15,
            max_population_size=settings.max_population,
            min_population_size=settings.min_population,
            n_bootstrap=3,  # the default 10 cost 30 s a generation (benchmarks/bench_fit.py)
        )
    else:
        population = pyabc.ConstantPopulationSize(settings.population)
    abc = pyabc.ABCSMC(
        model,
        prior_distribution(priors),
        pyabc.AdaptivePNormDistance(p=2),
        population_size=population,
        sampler=sampler,
        eps=pyabc.MedianEpsilon(),
        transitions=_transition(settings),
    )
    generations: list[dict] = []
    before = 0
    handler = _GenerationLog(generations, progress)
    logger = logging.getLogger("ABC")
    # pyABC prints its own log lines; during the fit ours (one per generation) replace them
    saved = (list(logger.handlers), logger.level, logger.propagate)
    for old in saved[0]:
        logger.removeHandler(old)
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    logger.propagate = False
    start = time.perf_counter()
    # Ctrl-C with the batch sampler: stop between rounds, when no thread holds a lock (an
    # interrupt inside a round left threads waiting for each other); the finished
    # generations stay in the database, so --resume continues
    catch = gate is not None and threading.current_thread() is threading.main_thread()
    previous = signal.signal(signal.SIGINT, sampler.request_stop) if catch else None
    try:
        if run_id is None:
            history = abc.new(f"sqlite:///{db}", simulator.observed_summaries())
            state_path.write_text(json.dumps({"fingerprint": mark, "run_id": history.id}))
            left = settings.generations
        else:
            try:
                history = abc.load(f"sqlite:///{db}", run_id)
                done = history.max_t + 1
            except Exception as error:
                raise FitError(
                    f"{db} cannot be resumed ({error}); the fit must restart (--overwrite)"
                ) from None
            left = settings.generations - done
            before = int(history.total_nr_simulations)
            if left <= 0:
                raise FitError(
                    f"{out}: the fit already ran its {settings.generations} generations (raise --generations)"
                )
        history = abc.run(
            max_nr_populations=left,
            min_acceptance_rate=settings.min_acceptance,
            max_walltime=timedelta(minutes=settings.max_minutes),
        )
    finally:
        if catch:
            signal.signal(signal.SIGINT, previous)
        logger.removeHandler(handler)
        for old in saved[0]:
            logger.addHandler(old)
        logger.setLevel(saved[1])
        logger.propagate = saved[2]
        if client is not None:
            client.close()
    seconds = time.perf_counter() - start
    sims = int(history.total_nr_simulations) - before  # this session's (a resumed fit ran some before)
    return FitResult(
        simulator,
        priors,
        history,
        seconds,
        sims,
        gate.seconds if gate else float("nan"),
        generations,
        handler.stopped,
    )


# pyABC's stop lines -> keys of the text catalogue (fit.stop_<key>, lmxsim/texts/fit.py)
STOP_REASONS = {
    "Stopping: sample not ok.": "acceptance",
    "Stop: Maximum number of generations.": "generations",
    "Stop: Maximum walltime.": "walltime",
    "Stop: Minimum acceptance rate.": "acceptance",
}


def stop_reason(stopped: str, lang: str = "en") -> str:
    """Why a fit stopped, in words ('' = it ran to the end); unknown pyABC lines as they are."""
    from lmxsim.texts import TEXT, t

    key = f"fit.stop_{stopped or 'done'}"
    return t(key, lang) if key in TEXT else stopped


class _GenerationLog(logging.Handler):
    """Turns pyABC's log lines into one progress record per generation."""

    def __init__(self, generations: list[dict], progress) -> None:
        super().__init__(logging.INFO)
        self.generations, self.progress = generations, progress
        self.current: dict[str, Any] = {}
        self.started = time.perf_counter()
        self.stopped = ""

    def emit(self, record: logging.LogRecord) -> None:
        text = record.getMessage()
        if text.startswith("Stop"):
            # "sample not ok": the sampler hit the most evaluations min_acceptance allows
            self.stopped = STOP_REASONS.get(text, text.removeprefix("Stop: ").removeprefix("Stopping: "))
        if text.startswith("t: "):
            parts = dict(p.split(": ") for p in text.rstrip(".").split(", ") if ": " in p)
            self.current = {"generation": int(parts["t"]), "epsilon": float(parts["eps"])}
        elif text.startswith("Accepted: ") and self.current:
            accepted, total = text.split("=")[0].removeprefix("Accepted: ").split("/")
            self.current |= {
                "accepted": int(accepted),
                "simulations": int(total),
                "seconds": time.perf_counter() - self.started,
            }
            self.generations.append(self.current)
            if self.progress:
                self.progress(self.current)
            self.current = {}
