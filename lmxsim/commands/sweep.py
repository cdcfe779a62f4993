"""`lmxsim sweep`: run a sweep file into a directory of Parquet parts, resumably."""

from __future__ import annotations

import signal
import sys
from pathlib import Path
from typing import Literal

import typer
from rich.console import Console


def register(app: typer.Typer) -> None:
    app.command()(sweep)


def _rate_column():
    """Runs per second in this session (runs found on disk at the start do not count).

    Built on call: rich.progress is imported by `lmxsim sweep` only, not by `lmxsim --help`.
    """
    from rich.progress import ProgressColumn, Task
    from rich.text import Text

    class RateColumn(ProgressColumn):
        def render(self, task: Task) -> Text:
            elapsed = task.finished_time if task.finished else task.elapsed
            if not elapsed:
                return Text("")
            done = task.completed - task.fields.get("start_done", 0)
            return Text(f"{done / elapsed:,.0f} runs/s", style="cyan")

    return RateColumn()


def _terminate_like_ctrl_c(signum, frame) -> None:
    """SIGTERM (kill, a batch system's time limit) stops the sweep as Ctrl-C does: cleanly, resumable."""
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    raise KeyboardInterrupt


def sweep(
    sweep_file: Path = typer.Argument(
        ...,
        help="sweep file (TOML), or the name of one that ships with lmxsim: "
        "first-impression, pygmalion, differentiation-sobol",
    ),
    out: Path | None = typer.Option(
        None, "--out", "-o", help="output directory (default: results/<sweep file name>)"
    ),
    resume: bool = typer.Option(False, "--resume", help="finish a sweep in --out, skipping finished parts"),
    workers: int | None = typer.Option(
        None, "--workers", "-j", min=1, help="worker processes (default: all cores; 1 = in this process)"
    ),
    dask: str | None = typer.Option(
        None, "--dask", help="run on Dask: 'local' (a LocalCluster) or a scheduler address tcp://host:port"
    ),
    engine: Literal["batch", "mesa"] | None = typer.Option(
        None, "--engine", help="batch (fast, default) or mesa (the reference model, one run at a time)"
    ),
    chunk: int | None = typer.Option(
        None, "--chunk", min=1, help="runs per task and Parquet part (default: about a second of work)"
    ),
    take_over: bool = typer.Option(
        False, "--take-over", help="take over --out from a sweep that was killed and left its lock"
    ),
) -> None:
    """Run a parameter sweep: designs, replications, Parquet output; --resume after an interruption."""
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeElapsedColumn,
        TimeRemainingColumn,
    )

    from lmxsim.packaged import SWEEP_DIR
    from lmxsim.sweep.runner import open_executor, run_sweep
    from lmxsim.sweep.spec import load_sweep

    packaged = SWEEP_DIR / f"{sweep_file}.toml"
    if not sweep_file.exists() and sweep_file.suffix == "" and packaged.is_file():
        sweep_file = packaged  # a sweep that ships with lmxsim, by name
    spec = load_sweep(sweep_file)
    out = out or Path("results") / sweep_file.stem
    from lmxsim.output import check_output_folder

    check_output_folder(out, "--out")  # a file in the way or a read-only disk: one line, before any bar
    console = Console(stderr=True)
    columns = (
        TextColumn("[bold]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("runs"),
        _rate_column(),
        TimeElapsedColumn(),
        TextColumn("ETA"),
        TimeRemainingColumn(),
    )
    signal.signal(signal.SIGTERM, _terminate_like_ctrl_c)
    with open_executor(workers, dask) as choice, Progress(*columns, console=console) as progress:
        bar = progress.add_task(sweep_file.stem, total=None)
        first: list[int] = []

        def update(done: int, total: int) -> None:
            if not first:
                first.append(done)
                progress.reset(bar, total=total, completed=done, start_done=done)
            else:
                progress.update(bar, completed=done)

        try:
            report = run_sweep(
                spec,
                out,
                choice,
                resume=resume,
                chunk=chunk,
                engine=engine,
                on_progress=update,
                take_over=take_over,
            )
        except KeyboardInterrupt:
            signal.signal(signal.SIGINT, signal.SIG_IGN)  # a second Ctrl-C must not cut the clean-up short
            progress.stop()
            console.print(
                f"interrupted: finished parts are saved in {out}; run again with --resume to finish"
            )
            sys.exit(130)
    console.print(f"{choice.label}: {report.line()}", soft_wrap=True)  # one line, as promised
    if report.failures:
        first_error = report.failures[0]["error"]
        console.print(f"first failure: {first_error} (details in {out}/_manifest.json)", style="red")
        sys.exit(1)
    Console().print(
        f"read it with pandas.read_parquet({str(out)!r}); summarise with: lmxsim analyze {out}",
        soft_wrap=True,
    )
