"""`lmxsim sweep`: run a sweep file into a directory of Parquet parts, resumably."""

from __future__ import annotations

import signal
import sys
from pathlib import Path
from typing import Literal

import typer
from rich.console import Console

from lmxsim.texts import CLI_LANG, t

# The sweeps that ship with lmxsim (configs/sweeps), named in the help without a disk read.
PACKAGED = "first-impression, pygmalion, differentiation-sobol"


def register(app: typer.Typer) -> None:
    app.command(help=t("cli.sweep_help", CLI_LANG))(sweep)


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
            return Text(t("cli.sweep_rate", CLI_LANG, rate=f"{done / elapsed:,.0f}"), style="cyan")

    return RateColumn()


def _terminate_like_ctrl_c(signum, frame) -> None:
    """SIGTERM (kill, a batch system's time limit) stops the sweep as Ctrl-C does: cleanly, resumable."""
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    raise KeyboardInterrupt


def sweep(
    sweep_file: Path = typer.Argument(
        ...,
        help=t("cli.sweep_file", CLI_LANG, names=PACKAGED),
    ),
    out: Path | None = typer.Option(None, "--out", "-o", help=t("cli.sweep_out", CLI_LANG)),
    resume: bool = typer.Option(False, "--resume", help=t("cli.sweep_resume", CLI_LANG)),
    workers: int | None = typer.Option(None, "--workers", "-j", min=1, help=t("cli.sweep_workers", CLI_LANG)),
    dask: str | None = typer.Option(None, "--dask", help=t("cli.sweep_dask", CLI_LANG)),
    engine: Literal["batch", "mesa"] | None = typer.Option(
        None, "--engine", help=t("cli.sweep_engine", CLI_LANG)
    ),
    chunk: int | None = typer.Option(None, "--chunk", min=1, help=t("cli.sweep_chunk", CLI_LANG)),
    take_over: bool = typer.Option(False, "--take-over", help=t("cli.sweep_take_over", CLI_LANG)),
) -> None:
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeElapsedColumn,
        TimeRemainingColumn,
    )

    from lmxsim.io.packaged import SWEEP_DIR
    from lmxsim.sweep.runner import open_executor, run_sweep
    from lmxsim.sweep.spec import load_sweep

    packaged = SWEEP_DIR / f"{sweep_file}.toml"
    if not sweep_file.exists() and sweep_file.suffix == "" and packaged.is_file():
        sweep_file = packaged  # a sweep that ships with lmxsim, by name
    spec = load_sweep(sweep_file)
    out = out or Path("results") / sweep_file.stem
    from lmxsim.io.output import check_output_folder

    check_output_folder(out, "--out")  # a file in the way or a read-only disk: one line, before any bar
    console = Console(stderr=True)
    columns = (
        TextColumn("[bold]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn(t("cli.sweep_runs", CLI_LANG)),
        _rate_column(),
        TimeElapsedColumn(),
        TextColumn(t("cli.sweep_eta", CLI_LANG)),
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
            console.print(t("cli.sweep_interrupted", CLI_LANG, out=out))
            sys.exit(130)
    console.print(f"{choice.label}: {report.line()}", soft_wrap=True)  # one line, as promised
    if report.failures:
        first_error = report.failures[0]["error"]
        console.print(t("cli.sweep_failure", CLI_LANG, error=first_error, out=out), style="red")
        sys.exit(1)
    Console().print(
        t("cli.sweep_read", CLI_LANG, out=str(out)),
        soft_wrap=True,
    )
