"""`lmxsim fit-design`: what would a study of this design teach the fit? (docs/fitting.md, "Design study")."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Literal

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from lmxsim.texts import CLI_LANG, number, percent, t


def register(app: typer.Typer) -> None:
    app.command("fit-design", help=t("cli.design_cmd_help", CLI_LANG))(fit_design)


def fit_design(
    teams: int = typer.Option(1, "--teams", min=1, max=200, help=t("cli.design_teams", CLI_LANG)),
    team_size: int = typer.Option(9, "--team-size", min=2, max=50, help=t("cli.design_team_size", CLI_LANG)),
    weeks: str = typer.Option("4,13,26", "--weeks", help=t("cli.design_weeks", CLI_LANG)),
    leader: bool = typer.Option(True, "--leader/--no-leader", help=t("cli.design_leader", CLI_LANG)),
    rating: bool = typer.Option(False, "--leader-rating", help=t("cli.design_rating", CLI_LANG)),
    performance: bool = typer.Option(False, "--performance", help=t("cli.design_performance", CLI_LANG)),
    replications: int = typer.Option(
        10, "--replications", "-r", min=2, max=1000, help=t("cli.design_r", CLI_LANG)
    ),
    truth: list[str] = typer.Option([], "--truth", help=t("cli.design_truth", CLI_LANG)),
    priors: Path | None = typer.Option(None, "--priors", help=t("cli.fit_priors", CLI_LANG)),
    population: int = typer.Option(
        100, "--population", min=20, max=20000, help=t("cli.fit_population", CLI_LANG)
    ),
    generations: int = typer.Option(
        3, "--generations", min=1, max=50, help=t("cli.fit_generations", CLI_LANG)
    ),
    seed: int = typer.Option(1, "--seed", min=0, max=2**20, help=t("cli.fit_seed", CLI_LANG)),
    out: Path | None = typer.Option(None, "--out", "-o", help=t("cli.design_out", CLI_LANG)),
    overwrite: bool = typer.Option(False, "--overwrite", help=t("cli.fit_overwrite", CLI_LANG)),
    lang: Literal["en", "nl"] = typer.Option("en", "--lang", help=t("cli.fit_lang", CLI_LANG)),
) -> None:
    """Simulate a study design from known parameters, fit it R times, report coverage and shrinkage."""
    from lmxsim.fit import FitError

    try:
        kinds = (leader, rating, performance)
        _design(Console(), teams, team_size, weeks, kinds, replications, truth, priors, population,
                generations, seed, out, overwrite, lang)  # fmt: skip
    except FitError as error:
        from lmxsim.texts.errors import translate

        typer.secho(t("fit.error", lang, error=translate(str(error), lang)), err=True, fg=typer.colors.RED)
        sys.exit(2)


def _numbers(text: str, option: str) -> tuple[int, ...]:
    from lmxsim.fit import FitError

    try:
        return tuple(int(part) for part in text.split(","))
    except ValueError:
        raise FitError(
            f"{option} {text!r} is not allowed (whole numbers separated by commas, e.g. 4,13,26)"
        ) from None


def _truths(given: list[str], names: list[str]) -> dict[str, float]:
    from lmxsim.fit import FitError

    fixed = {}
    for item in given:
        name, _, value = item.partition("=")
        if name not in names:
            raise FitError(f"--truth {item!r}: {name!r} is not fitted (fitted: {', '.join(names)})")
        try:
            fixed[name] = float(value)
        except ValueError:
            raise FitError(f"--truth {item!r}: give name=number, e.g. confirmation_bias=0.8") from None
    return fixed


def _design(console, teams, team_size, weeks, leader, replications, truth, priors, population,
            generations, seed, out, overwrite, lang) -> None:  # fmt: skip
    from lmxsim.fit import FitError, require_pyabc

    require_pyabc()
    from lmxsim.fit.design import Design, run_design, summarise
    from lmxsim.fit.priors import load_priors
    from lmxsim.fit.run import Settings
    from lmxsim.io.output import check_output_folder, write_table

    design = Design(teams, team_size, _numbers(weeks, "--weeks"), *leader)
    chosen = load_priors(priors)
    fixed = _truths(truth, chosen.names)
    for p in chosen.parameters:
        if p.name in fixed and not p.low <= fixed[p.name] <= p.high:
            raise FitError(
                f"--truth {p.name}={fixed[p.name]:g} is outside its prior ({p.low:g} to {p.high:g})"
            )
    if out is not None:
        check_output_folder(out, "--out", overwrite=overwrite)
    settings = Settings(
        population=population, generations=generations, adaptive_population=False, seed=seed, max_minutes=30
    )
    console.print(escape(t("fit.design_start", lang, design=design.label, r=replications, pop=population,
                           g=generations)))  # fmt: skip

    def progress(index: int, part) -> None:
        console.print(
            escape(
                t(
                    "fit.design_progress",
                    lang,
                    i=index + 1,
                    r=replications,
                    sec=number(float(part["seconds"].iloc[0]), lang, 0),
                    sims=part["simulations"].iloc[0],
                )
            )
        )

    import time

    start = time.perf_counter()
    results = run_design(design, chosen, replications, settings, fixed, seed, progress)
    seconds = time.perf_counter() - start
    summary = summarise(results)
    table = Table(title=escape(t("fit.design_title", lang, design=design.label, r=replications)))
    for column in ("parameter", "coverage", "shrinkage", "range", "r"):
        table.add_column(
            t(f"fit.design_col_{column}", lang),
            justify="left" if column == "parameter" else "right",
            overflow="fold",
            min_width=22 if column == "parameter" else None,
        )
    for row in summary.itertuples():
        table.add_row(
            escape(row.parameter),
            f"{percent(row.coverage90, lang)} (± {percent(row.coverage_se, lang)})",
            percent(row.shrinkage, lang),
            f"{percent(row.shrinkage_min, lang)} - {percent(row.shrinkage_max, lang)}",
            number(row.r_truth_mean, lang, 2),
        )
    console.print(table)
    console.print(escape(t("fit.design_done", lang, sec=number(seconds, lang, 0))))
    if out is not None:
        out.mkdir(parents=True, exist_ok=True)
        write_table(results, out / "design-runs.csv")
        summary.insert(0, "design", design.label)
        summary["seconds"] = round(seconds, 1)
        write_table(summary, out / "design.csv")
        console.print(escape(t("fit.wrote", lang, files="design.csv, design-runs.csv", folder=out)))
