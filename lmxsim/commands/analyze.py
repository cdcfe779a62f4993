"""`lmxsim analyze`: summaries, sensitivity indices and figures of a sweep directory."""

from __future__ import annotations

from pathlib import Path

import typer
from rich.console import Console
from rich.table import Table

from lmxsim.texts import CLI_LANG, t

MAX_ROWS = 20


def register(app: typer.Typer) -> None:
    app.command(help=t("cli.analyze_help", CLI_LANG))(analyze)


def analyze(
    directory: Path = typer.Argument(..., help=t("cli.analyze_directory", CLI_LANG)),
    week: int | None = typer.Option(None, "--week", "-w", help=t("cli.analyze_week", CLI_LANG)),
    outcome: list[str] | None = typer.Option(None, "--outcome", help=t("cli.analyze_outcome", CLI_LANG)),
    figures: Path | None = typer.Option(None, "--figures", help=t("cli.analyze_figures", CLI_LANG)),
) -> None:
    from lmxsim.io.output import check_output_folder
    from lmxsim.sweep.analyze import analyze as run_analysis
    from lmxsim.sweep.figures import write
    from lmxsim.sweep.store import ANALYSIS

    if directory.is_dir():  # a missing folder gets the analysis's own message
        check_output_folder(figures or directory / ANALYSIS, "--figures")
    result = run_analysis(directory, week=week, outcomes=outcome or None)
    console = Console()
    at = result.summary[result.summary["week"] == result.week]
    varied = [
        c for c in at.columns if c not in ("point", "week", "outcome", "n", "mean", "sd", "ci_low", "ci_high")
    ]
    table = Table(title=t("cli.analyze_title", CLI_LANG, directory=directory, week=result.week))
    for column in ("point", *varied, "n", *result.outcomes):
        table.add_column(column, justify="right")
    wide = at.pivot(index="point", columns="outcome")
    for point in list(wide.index)[:MAX_ROWS]:
        first = at[at["point"] == point].iloc[0]
        cells = [str(point), *[_fmt(first[v]) for v in varied], str(int(first["n"]))]
        for name in result.outcomes:
            mean, low, high = (wide.loc[point, (key, name)] for key in ("mean", "ci_low", "ci_high"))
            cells.append(f"{mean:.3g} [{low:.3g}, {high:.3g}]")
        table.add_row(*cells)
    console.print(table)
    if len(wide) > MAX_ROWS:
        console.print(t("cli.analyze_more", CLI_LANG, count=f"{len(wide) - MAX_ROWS:,}"))
    if result.indices is not None:
        console.print(_indices_table(result))
    if result.note:
        console.print(result.note, style="yellow")
    paths = write(result, directory, figures)
    console.print(t("cli.wrote", CLI_LANG, paths=", ".join(str(p) for p in paths)))


def _indices_table(result) -> Table:
    if result.method == "sobol":
        table = Table(title=t("cli.analyze_sobol", CLI_LANG, week=result.week))
        columns: tuple[tuple[str, str | None], ...] = (("S1", "S1_conf"), ("ST", "ST_conf"))
    else:
        table = Table(title=t("cli.analyze_morris", CLI_LANG, week=result.week))
        columns = (("mu_star", "mu_star_conf"), ("sigma", None))
    for column in ("outcome", "parameter", *[c for c, _ in columns]):
        table.add_column(column)
    for row in result.indices.itertuples(index=False):
        values = row._asdict()
        cells = [values["outcome"], values["parameter"]]
        for value, conf in columns:
            cells.append(f"{values[value]:.3f}" + (f" ± {values[conf]:.3f}" if conf else ""))
        table.add_row(*cells)
    return table


def _fmt(value) -> str:
    if isinstance(value, bool):
        return str(value).lower()
    try:
        return f"{float(value):.3g}"
    except (TypeError, ValueError):
        return str(value)
