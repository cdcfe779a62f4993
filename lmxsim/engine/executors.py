"""Where chunks of work run: in this process, in local worker processes, or on Dask.

One place for the sweeps (sweep/runner.py), the batch engine's many replications
(batch_many.py) and `lmxsim validate`: the same start method, the same Ctrl-C handling (workers leave it to
the driver and die with it), the same Dask setup.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
from collections.abc import Callable, Iterator
from concurrent.futures import Executor, Future, ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from lmxsim.io.rules import ParameterError


class ExecutorError(ParameterError):
    """The executor asked for cannot be had (Dask missing, a bad or unreachable scheduler address)."""


class SequentialExecutor(Executor):
    """Runs each task at submit, in this process: for debugging, laptops and --workers 1."""

    def submit(self, fn: Callable[..., Any], /, *args: Any, **kwargs: Any) -> Future:
        future: Future = Future()
        try:
            future.set_result(fn(*args, **kwargs))
        except Exception as error:
            future.set_exception(error)
        return future


@dataclass
class ExecutorChoice:
    """An executor plus how to replace it if it breaks (process pools), and what to call it."""

    executor: Executor
    label: str
    workers: int
    renew: Callable[[], Executor] | None = None
    client: Any = None  # the Dask client, when running on Dask


@contextmanager
def open_executor(
    workers: int | None = None, dask: str | None = None, preload: str = "lmxsim.sweep.runner"
) -> Iterator[ExecutorChoice]:
    """Sequential (1 worker), local processes (N), or Dask ("local" or a scheduler address).

    `preload`: the module local worker processes import once, in the fork server.
    """
    workers = workers or os.cpu_count() or 1
    if dask is None:
        if workers == 1:
            yield ExecutorChoice(SequentialExecutor(), "sequential", 1)
            return
        # forkserver: safe next to threads (rich, Dask), and workers fork from a server
        # that imported the model once instead of each importing it anew (~3 s).
        context: multiprocessing.context.BaseContext
        if "forkserver" in multiprocessing.get_all_start_methods():
            context = multiprocessing.get_context("forkserver")
            context.set_forkserver_preload([preload])
        else:
            context = multiprocessing.get_context("spawn")

        driver = os.getpid()

        def pool() -> Executor:
            return ProcessPoolExecutor(
                max_workers=workers,
                mp_context=context,
                initializer=_worker_start,
                initargs=(driver,),
            )

        choice = ExecutorChoice(pool(), f"{workers} local processes", workers, renew=pool)
        try:
            yield choice
        finally:
            choice.executor.shutdown(wait=True, cancel_futures=True)
        return
    client = _dask_client(dask, workers)
    try:
        count = max(1, len(client.scheduler_info().get("workers", {})))
        label = f"Dask {'LocalCluster' if dask == 'local' else dask} ({count} workers)"
        yield ExecutorChoice(client.get_executor(pure=False), label, count, client=client)
    finally:
        cluster = client.cluster if dask == "local" else None
        client.close()
        if cluster is not None:
            cluster.close()


def _leave_ctrl_c_to_driver() -> None:
    """Workers ignore Ctrl-C: the driver stops handing out tasks and the running ones finish their parts."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _worker_start(driver: int) -> None:
    """Leave Ctrl-C to the driver and die with it (SIGTERM stays: the pool ends its workers with it)."""
    _leave_ctrl_c_to_driver()
    from lmxsim.engine.orphans import exit_with

    exit_with(driver)


def _dask_client(address: str, workers: int):
    try:
        from dask.distributed import Client, LocalCluster
    except ImportError:
        raise ExecutorError(
            "--dask needs Dask, which is not installed: pip install 'lmxsim[dask]' (or: uv sync --extra dask)"
        ) from None
    if address == "local":
        cluster = LocalCluster(
            n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=":0"
        )
        return Client(cluster)
    if "://" not in address:
        raise ExecutorError(
            f"--dask {address!r} is not allowed (local, or a scheduler address such as tcp://host:8786)"
        )
    try:
        return Client(address, timeout="20s")
    except (OSError, TimeoutError) as error:
        raise ExecutorError(f"--dask {address}: cannot reach the Dask scheduler ({error})") from None
