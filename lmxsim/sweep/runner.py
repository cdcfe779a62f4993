"""Running a sweep: tasks, seeds, and any concurrent.futures.Executor.

Every run is numbered run = point * replications + replication, and its seed
comes from (root entropy, point, replication) only. Tasks are contiguous
slices of runs; which worker runs a task, in what order, or how runs are
chunked into tasks changes nothing in the results. Each task writes its own
Parquet part (store.py); the driver only counts, so a driver, worker or
machine that dies loses at most the tasks in flight, and `--resume` redoes them.
"""

from __future__ import annotations

import math
import time
import traceback
from collections import deque
from collections.abc import Callable, Iterator
from collections.abc import Set as AbstractSet
from concurrent.futures import FIRST_COMPLETED, BrokenExecutor, Future, wait
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, cast

import numpy as np

from lmxsim.engine.batch import chunk_for
from lmxsim.engine.executors import ExecutorChoice, SequentialExecutor
from lmxsim.engine.executors import open_executor as open_executor  # where the sweep commands find it
from lmxsim.interventions.catalogue import Intervention
from lmxsim.io import folder_lock
from lmxsim.io.provenance import record, to_json
from lmxsim.model.params import Params
from lmxsim.model.seeds import SEED_BITS, run_seed
from lmxsim.sweep import store
from lmxsim.sweep.design import Design, build_design
from lmxsim.sweep.spec import SweepError, SweepSpec
from lmxsim.sweep.tidy import Job, record_batch, record_mesa, tidy_tables

RUNS_PER_TASK = {"batch": 1000, "mesa": 20}  # about 0.2-1 s of work per task on this machine
MAX_RESTARTS = 3  # fresh process pools after a worker death, before giving up
MAX_TRACEBACKS = 20
SWEEP_LOCK = folder_lock.Job("sweep", SweepError, "lmxsim sweep SWEEP_FILE --out {out} --resume --take-over")


@dataclass(frozen=True)
class Task:
    """Runs start..stop-1; `values` holds the design rows of points first_point.. (for these runs only)."""

    index: int
    start: int
    stop: int
    first_point: int
    values: np.ndarray

    @property
    def runs(self) -> int:
        return self.stop - self.start


@dataclass(frozen=True)
class TaskDone:
    index: int
    runs: int
    bytes: int
    seconds: float
    skipped: bool = False


def task_count(design: Design, replications: int, chunk: int) -> int:
    return math.ceil(design.points * replications / chunk)


def make_task(design: Design, replications: int, chunk: int, index: int) -> Task:
    total = design.points * replications
    start = index * chunk
    stop = min(total, start + chunk)
    first, last = start // replications, (stop - 1) // replications
    return Task(index, start, stop, first, design.values[first : last + 1])


def iter_tasks(
    design: Design, replications: int, chunk: int, skip: AbstractSet[int] = frozenset()
) -> Iterator[Task]:
    """The tasks one at a time: a design of millions of runs does not fill memory before the first."""
    for index in range(task_count(design, replications, chunk)):
        if index not in skip:
            yield make_task(design, replications, chunk, index)


def make_tasks(design: Design, replications: int, chunk: int) -> list[Task]:
    return list(iter_tasks(design, replications, chunk))


def run_task(job: Job, task: Task) -> TaskDone:
    """Simulate one task's runs and write its part. Runs in a worker; safe to run twice."""
    out = Path(job.out)
    if (out / store.part_name(task.index)).exists():
        return TaskDone(task.index, task.runs, 0, 0.0, skipped=True)
    began = time.perf_counter()
    runs = np.arange(task.start, task.stop)
    points, reps = runs // job.replications, runs % job.replications
    seeds = [run_seed(job.entropy, int(p), int(r)) for p, r in zip(points, reps, strict=True)]
    cache: dict[int, Params] = {}
    rows = []
    for point in points.tolist():  # Python ints: the cache's keys
        if point not in cache:
            values = task.values[point - task.first_point]
            changes = {
                name: bool(v) if is_bool else float(v)
                for name, v, is_bool in zip(job.names, values, job.bools, strict=True)
            }
            cache[point] = job.base.replace(**changes)
        rows.append(cache[point])
    record = record_batch if job.engine == "batch" else record_mesa
    recorded = record(job, seeds, rows)
    team, members = tidy_tables(
        job, recorded, runs, points, reps, seeds, task.values[points - task.first_point]
    )
    written = store.write_task(
        out, task.index, team, members, job.digest, job.provenance, entropy=job.entropy
    )
    return TaskDone(task.index, task.runs, written, time.perf_counter() - began)


@dataclass
class SweepReport:
    """What one invocation did; `line()` is the one-line summary."""

    out: Path
    total_runs: int
    tasks: int
    runs_now: int = 0
    runs_before: int = 0
    seconds: float = 0.0
    bytes: int = 0
    failures: list[dict[str, Any]] = field(default_factory=list)
    restarts: int = 0
    executor: str = ""

    @property
    def complete(self) -> bool:
        return not self.failures and self.runs_now + self.runs_before == self.total_runs

    def line(self) -> str:
        rate = self.runs_now / self.seconds if self.seconds > 0 else 0.0
        resumed = f" ({self.runs_before:,} already on disk)" if self.runs_before else ""
        status = "done" if self.complete else "INCOMPLETE"
        text = (
            f"sweep {status}: {self.runs_now:,} runs{resumed} in {self.seconds:.1f} s, "
            f"{rate:,.0f} runs/s, {_size(self.bytes)} in {self.out}"
        )
        if self.failures:
            text += f"; {len(self.failures)} task(s) failed: run again with --resume to finish"
        return text


def _size(n: float) -> str:
    for unit in ("B", "kB", "MB", "GB"):
        if n < 1000 or unit == "GB":
            return f"{n:.0f} {unit}" if unit == "B" else f"{n:.1f} {unit}"
        n /= 1000
    return f"{n} B"


def prepare(
    spec: SweepSpec, out: Path, resume: bool, chunk: int | None, engine: str | None, workers: int
) -> tuple[dict[str, Any], Design]:
    """Load or create the manifest; refuse to mix two different sweeps in one directory."""

    manifest = store.read_manifest(out)
    if manifest is not None:
        done = len(store.done_tasks(out))
        if not resume:
            raise SweepError(
                f"{out} already holds a sweep ({done} of {manifest['tasks']} tasks done): "
                "add --resume to finish it, or choose another --out"
            )
        if manifest["sweep_hash"] != spec.digest:
            raise SweepError(
                f"{out} holds results of {manifest['sweep_file']} as it was (hash "
                f"{manifest['sweep_hash'][:12]}), but {spec.path} (or its base scenario) has changed "
                f"(hash {spec.digest[:12]}); resuming would mix two different sweeps. Restore the file, "
                "or start the changed sweep in a new --out directory"
            )
        recorded = manifest.get("model_fingerprint")
        if recorded is not None and recorded != store.model_fingerprint():
            raise SweepError(
                f"{out} was started with another version of the model code (code "
                f"{manifest.get('code_version', '?')}); resuming would mix results of two model versions. "
                "Start the sweep again in a new --out directory"
            )
        if engine is not None and engine != manifest["engine"]:
            raise SweepError(
                f"{out} was started with --engine {manifest['engine']}; resume it with the same engine"
            )
        if chunk is not None and chunk != manifest["chunk"]:
            raise SweepError(f"{out} was started with --chunk {manifest['chunk']}; resume it with the same")
        return manifest, Design.from_json(manifest["design"])
    if out.exists() and (not out.is_dir() or any(p.name != folder_lock.LOCK for p in out.iterdir())):
        raise SweepError(
            f"--out {out} is not empty and holds no sweep ({store.MANIFEST} missing): choose a new directory"
        )
    # numpy types `entropy` as int | Sequence[int] | None; a fresh SeedSequence() holds an int
    fresh = cast(int, np.random.SeedSequence().entropy)
    entropy = spec.seed if spec.seed is not None else int(fresh)
    design = build_design(spec, entropy)
    engine = engine or spec.engine
    total = design.points * spec.replications
    if chunk is None:
        # about a second of work, enough tasks for every worker, and within the memory budget
        n = spec.team_size or spec.scenario.team_size
        fits = chunk_for(n, spec.weeks, record_members=bool(spec.outcomes.members))
        chunk = max(1, min(RUNS_PER_TASK[engine], math.ceil(total / (4 * workers)), fits))
    manifest = {
        "schema": store.SCHEMA_VERSION,
        "sweep_file": str(spec.path),
        "sweep_hash": spec.digest,
        "sweep_text": spec.text,
        "scenario": spec.scenario_source,
        "title": spec.title,
        "entropy": str(entropy),
        "seeds": "seed of run (point, replication) = SeedSequence(entropy, spawn_key=(point, replication))"
        f".generate_state(1, uint64)[0] >> {64 - SEED_BITS}; LMXModel(rng=seed) redoes the run",
        "engine": engine,
        "weeks": spec.weeks,
        "replications": spec.replications,
        "points": design.points,
        "runs": total,
        "chunk": chunk,
        "tasks": math.ceil(total / chunk),
        "outcomes": {
            "team": list(spec.outcomes.team),
            "weeks": list(spec.outcomes.weeks),
            "members": list(spec.outcomes.members),
            "member_weeks": list(spec.outcomes.member_weeks),
        },
        "design": design.to_json(),
        "created": store.now(),
        **store.environment(),
        "sessions": [],
        "status": "running",
    }
    store.write_manifest(out, manifest)
    return manifest, design


def make_job(spec: SweepSpec, manifest: dict[str, Any], design: Design, out: Path) -> Job:
    interventions: tuple[Intervention, ...] = tuple(spec.scenario.interventions)
    team = None if spec.team_size is not None else spec.scenario.team
    return Job(
        out=str(out),
        digest=spec.digest,
        entropy=int(manifest["entropy"]),
        replications=spec.replications,
        weeks=spec.weeks,
        base=spec.params,
        team=team,
        team_size=spec.team_size or spec.scenario.team_size,
        interventions=interventions,
        names=tuple(design.names),
        bools=tuple(design.bools),
        outcomes=spec.outcomes,
        engine=manifest["engine"],
        provenance=to_json(sweep_record(spec, manifest, design, team)),
    )


def sweep_record(spec: SweepSpec, manifest: dict[str, Any], design: Design, team) -> dict[str, Any]:
    """The provenance of a sweep's parts: base parameters, team, interventions, seeds, design."""
    return record(
        "sweep",
        seed={"entropy": manifest["entropy"], "rule": manifest["seeds"]},
        weeks=spec.weeks,
        params=spec.params,
        scenario=spec.scenario_source,
        team=team,
        team_size=spec.team_size or spec.scenario.team_size,
        interventions=spec.scenario.interventions,
        engine=manifest["engine"],
        sweep_file=str(spec.path),
        sweep_hash=spec.digest,
        replications=spec.replications,
        design={"kind": design.kind, "varied": list(design.names), "points": design.points},
        varied_parameters="the columns named in design.varied hold each run's values; params are the rest",
    )


def run_sweep(
    spec: SweepSpec,
    out: str | Path,
    choice: ExecutorChoice | None = None,
    *,
    resume: bool = False,
    chunk: int | None = None,
    engine: str | None = None,
    on_progress: Callable[[int, int], None] | None = None,
    take_over: bool = False,
) -> SweepReport:
    """Run (or finish) a sweep into `out`. on_progress(runs_done, total_runs) after each task.

    The folder is locked for the whole run (folder_lock.py): a second sweep into it is refused.
    """

    out = Path(out)
    choice = choice or ExecutorChoice(SequentialExecutor(), "sequential", 1)
    with folder_lock.held(out, SWEEP_LOCK, command=f"sweep {spec.path}", take_over=take_over):
        return _run_locked(spec, out, choice, resume, chunk, engine, on_progress)


def _run_locked(spec, out, choice, resume, chunk, engine, on_progress) -> SweepReport:
    manifest, design = prepare(spec, out, resume, chunk, engine, choice.workers)
    store.remove_temporaries(out)
    store.check_parts(out, manifest)  # parts of another sweep, or damaged ones, are never counted as done
    job = make_job(spec, manifest, design, out)
    replications, size = spec.replications, manifest["chunk"]
    count = task_count(design, replications, size)
    done = store.done_tasks(out)
    report = SweepReport(out, manifest["runs"], count, executor=choice.label)
    report.runs_before = sum(make_task(design, replications, size, i).runs for i in done if i < count)
    session = {"started": store.now(), "executor": choice.label, "resumed_tasks": len(done)}
    began = time.perf_counter()
    if on_progress:
        on_progress(report.runs_before, report.total_runs)
    status = "incomplete"
    try:
        _execute(job, iter_tasks(design, replications, size, done), choice, report, on_progress)
    except KeyboardInterrupt:  # Ctrl-C, or SIGTERM turned into one by `lmxsim sweep`
        status = "interrupted"
        raise
    finally:
        report.seconds = time.perf_counter() - began
        report.bytes = store.output_bytes(out)
        complete = len(store.done_tasks(out)) == count
        session.update(
            finished=store.now(),
            runs=report.runs_now,
            seconds=round(report.seconds, 3),
            failures=report.failures,
            restarts=report.restarts,
        )
        if status == "interrupted":
            session["interrupted"] = True
        manifest["sessions"].append(session)
        manifest["status"] = "complete" if complete else status
        store.write_manifest(out, manifest)
    return report


def _execute(
    job: Job,
    todo: Iterator[Task],
    choice: ExecutorChoice,
    report: SweepReport,
    on_progress: Callable[[int, int], None] | None,
) -> None:
    """Keep a bounded window of tasks in flight; record failures instead of stopping the sweep."""
    queue: deque[Task] = deque()  # tasks to do again (after a broken pool) before new ones
    source = iter(todo)
    exhausted = False
    window = max(4, 3 * choice.workers)
    pending: dict[Future, Task] = {}
    counted: set[int] = set()

    def count(task: Task) -> None:
        if task.index not in counted:
            counted.add(task.index)
            report.runs_now += task.runs
            if on_progress:
                on_progress(report.runs_before + report.runs_now, report.total_runs)

    while queue or pending or not exhausted:
        while len(pending) < window:
            if queue:
                task = queue.popleft()
            elif not exhausted and (following := next(source, None)) is not None:
                task = following
            else:
                exhausted = True
                break
            pending[choice.executor.submit(run_task, job, task)] = task
        if not pending:
            continue
        finished, _ = wait(pending, return_when=FIRST_COMPLETED)
        broken = False
        for future in finished:
            task = pending.pop(future)
            try:
                future.result()
            except BrokenExecutor:
                broken = True
                queue.appendleft(task)
            except Exception as error:
                failure = {
                    "task": task.index,
                    "runs": [task.start, task.stop],
                    "error": f"{type(error).__name__}: {error}",
                }
                if len(report.failures) < MAX_TRACEBACKS:  # keep the manifest small when everything fails
                    failure["traceback"] = "".join(traceback.format_exception(error))
                report.failures.append(failure)
            else:
                count(task)
        if broken and not _recover(job, choice, report, queue, pending, count):
            for task in source:  # given up: the tasks never started are failures too (resume redoes them)
                report.failures.append(
                    {"task": task.index, "runs": [task.start, task.stop], "error": "not started"}
                )
            exhausted = True


def _recover(job, choice, report, queue, pending, count) -> bool:
    """A worker died and took the process pool down: start a fresh pool and resubmit what is not on disk.

    Returns False when it gives up (too many restarts, or an executor that cannot be renewed).
    """
    queue.extendleft(reversed(list(pending.values())))
    pending.clear()
    on_disk = store.done_tasks(Path(job.out))
    for task in [t for t in queue if t.index in on_disk]:
        queue.remove(task)
        count(task)
    if choice.renew is None or report.restarts >= MAX_RESTARTS:
        for task in queue:
            report.failures.append(
                {"task": task.index, "runs": [task.start, task.stop], "error": "worker process died"}
            )
        queue.clear()
        return False
    choice.executor.shutdown(wait=False, cancel_futures=True)
    choice.executor = choice.renew()
    report.restarts += 1
    return True
