"""`lmxsim fit`: fit the model to a team's own LMX-7 survey waves (ABC-SMC; docs/fitting.md)."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Literal

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from lmxsim.texts import CLI_LANG, number, percent, t


def register(app: typer.Typer) -> None:
    app.command("fit", help=t("cli.fit_cmd_help", CLI_LANG))(fit)


def fit(
    survey: Path = typer.Option(..., "--survey", help=t("cli.fit_survey", CLI_LANG)),
    team: Path | None = typer.Option(None, "--team", "-t", help=t("cli.fit_team", CLI_LANG)),
    teams: Path | None = typer.Option(None, "--teams", help=t("cli.fit_teams", CLI_LANG)),
    observations: Path | None = typer.Option(
        None,
        "--observations",
        help=t("cli.fit_observations", CLI_LANG),
    ),
    out: Path = typer.Option(..., "--out", "-o", help=t("cli.fit_out", CLI_LANG)),
    priors: Path | None = typer.Option(
        None,
        "--priors",
        help=t("cli.fit_priors", CLI_LANG),
        show_default=t("cli.fit_priors_default", CLI_LANG),
    ),
    also: list[str] = typer.Option([], "--fit", help=t("cli.fit_also", CLI_LANG)),
    population: int = typer.Option(
        400, "--population", min=20, max=20000, help=t("cli.fit_population", CLI_LANG)
    ),
    generations: int = typer.Option(
        6, "--generations", min=1, max=50, help=t("cli.fit_generations", CLI_LANG)
    ),
    max_minutes: float = typer.Option(9.0, "--max-minutes", min=0.1, help=t("cli.fit_max_minutes", CLI_LANG)),
    seed: int = typer.Option(1, "--seed", min=0, max=2**32 - 1, help=t("cli.fit_seed", CLI_LANG)),
    sampler: Literal["batch", "multicore"] = typer.Option(
        "batch",
        "--sampler",
        help=t("cli.fit_sampler", CLI_LANG),
    ),
    workers: int = typer.Option(2, "--workers", min=1, max=256, help=t("cli.fit_workers", CLI_LANG)),
    dask: str | None = typer.Option(None, "--dask", help=t("cli.fit_dask", CLI_LANG)),
    resume: bool = typer.Option(False, "--resume", help=t("cli.fit_resume", CLI_LANG)),
    overwrite: bool = typer.Option(False, "--overwrite", help=t("cli.fit_overwrite", CLI_LANG)),
    take_over: bool = typer.Option(False, "--take-over", help=t("cli.fit_take_over", CLI_LANG)),
    lang: Literal["en", "nl"] = typer.Option("en", "--lang", help=t("cli.fit_lang", CLI_LANG)),
) -> None:
    """Which model settings explain this team's LMX-7 answers, and how sure are we?"""
    request = FitRequest(**{name: value for name, value in locals().items() if name in FIT_OPTIONS})
    from lmxsim.fit import FitError

    try:
        _fit(Console(), request)
    except FitError as error:
        from lmxsim.texts.errors import translate

        typer.secho(t("fit.error", lang, error=translate(str(error), lang)), err=True, fg=typer.colors.RED)
        sys.exit(2)
    except KeyboardInterrupt:
        typer.secho(t("fit.interrupted", lang, db=out / "fit.db"), err=True)
        sys.exit(130)


@dataclass(frozen=True)
class FitRequest:
    """The command's options, as given."""

    survey: Path
    team: Path | None
    teams: Path | None
    observations: Path | None
    out: Path
    priors: Path | None
    also: list[str]
    population: int
    generations: int
    max_minutes: float
    seed: int
    sampler: str
    workers: int
    dask: str | None
    resume: bool
    overwrite: bool
    take_over: bool
    lang: str


FIT_OPTIONS = {f.name for f in fields(FitRequest)}


def _fit(console: Console, request: FitRequest) -> None:
    from lmxsim.fit import FitError, require_pyabc

    require_pyabc()
    import shutil

    from lmxsim.fit.priors import fit_priors
    from lmxsim.fit.rounds import FOLDER as ROUNDS
    from lmxsim.fit.run import DB_NAME, Settings, stop_reason
    from lmxsim.fit.simulate import SurveySimulator
    from lmxsim.fit.steps import fit_and_report, one_team
    from lmxsim.io import folder_lock
    from lmxsim.io.output import check_output_folder
    from lmxsim.team.teamfile import load_team

    survey, team, out, lang, resume = request.survey, request.team, request.out, request.lang, request.resume
    dask, population = request.dask, request.population
    if resume and request.overwrite:
        raise FitError("--resume and --overwrite contradict each other: choose one")
    if (
        dask is not None
        and dask != "local"
        and not dask.startswith(("tcp://", "tls://", "ws://", "inproc://"))
    ):
        raise FitError(
            f"--dask {dask!r} is not allowed (allowed: local, or a scheduler address such as tcp://host:8786)"
        )
    if (team is None) == (request.teams is None):
        raise FitError(
            "give --team (one team's file) or --teams (a folder of team files), not both or neither"
        )
    also = [name.strip() for given in request.also for name in given.split(",") if name.strip()]
    chosen = fit_priors(request.priors, also, lang)
    simulator: SurveySimulator
    if request.teams is not None:
        from lmxsim.fit.panel import Panel, read_panel

        if request.observations is not None:
            raise FitError("--observations works with one team (--team), not with --teams")
        panel = read_panel(survey, request.teams, lang)
        many = Panel.of(panel, chosen)
        simulator, source, people = many, str(request.teams), many.people
        raters_in = panel[0].survey.ratings()
        waves = sorted({len(p.survey.weeks) for p in panel})
        team_observed = None
    else:
        assert team is not None  # one of --team and --teams, checked above
        members = load_team(team)
        prepared = one_team(members, survey, str(team), chosen, lang, request.observations)
        data = prepared.survey
        for warning in data.warnings:  # a person missing in a wave: missing data, said so
            typer.secho(t("survey.warning", lang, text=warning), err=True, fg=typer.colors.YELLOW)
        simulator, team_observed = prepared.simulator, prepared.simulator.team_observed
        source, people, raters_in = str(team), len(members), data.ratings()
    if not resume:
        check_output_folder(out, "--out", overwrite=request.overwrite)
    elif not (out / DB_NAME).exists() and not (out / ROUNDS).is_dir():
        raise FitError(f"--resume: {out} holds no fit ({DB_NAME} is missing); run without --resume")
    settings = Settings(
        population=population,
        min_population=max(20, population // 2),
        max_population=max(population, population * 3 // 2),
        generations=request.generations,
        max_minutes=request.max_minutes,
        seed=request.seed,
        sampler=request.sampler,
        dask=dask,
        workers=request.workers,
    )
    raters = t("fit.raters_" + "_".join(r for r in raters_in if r != "performance"), lang)
    if "performance" in raters_in:
        raters += t("fit.raters_performance", lang)
    fitted = ", ".join([*chosen.names, *([t("fit.each_person", lang)] if chosen.people else [])])
    team_part = (
        ""
        if team_observed is None
        else t("fit.team_part", lang, measure=team_observed.measure, k=len(team_observed.periods))
    )
    if request.teams is not None:
        line = t(
            "fit.fitting_teams",
            lang,
            fitted=fitted,
            teams=len(panel),
            n=people,
            w="-".join(map(str, (waves[0], waves[-1]))) if len(waves) > 1 else waves[0],
            raters=raters,
        )
    else:
        line = t(
            "fit.fitting",
            lang,
            fitted=fitted,
            n=people,
            w=len(data.weeks),
            weeks=", ".join(map(str, data.weeks)),
            raters=raters,
            team=team_part,
        )
    console.print(escape(line))
    for held_line in held_lines(chosen, also, lang):  # identified first: what is not fitted, said so
        console.print(escape(held_line))

    def progress(g: dict) -> None:
        text = t(
            "fit.generation",
            lang,
            g=g["generation"] + 1,
            eps=number(g["epsilon"], lang, 3),
            a=g["accepted"],
            s=g["simulations"],
            share=percent(g["accepted"] / g["simulations"], lang),
            sec=number(g["seconds"], lang, 0),
        )
        console.print(escape(text))

    # The folder is this fit's until it ends: a second fit into it (or an --overwrite of it) is
    # refused, as two writers would mix one pyabc database.
    fit_lock = folder_lock.Job(
        "fit", FitError, "lmxsim fit --survey ... --team ... --out {out} --resume --take-over"
    )
    with folder_lock.held(out, fit_lock, command=f"fit --survey {survey}", take_over=request.take_over):
        if request.overwrite and (out / DB_NAME).exists():
            (out / DB_NAME).unlink()
        if not resume:
            shutil.rmtree(out / ".tmp", ignore_errors=True)
        with fit_bar(console, settings, lang) as on_round:
            result, report = fit_and_report(
                simulator, chosen, out, settings, str(survey), source, lang,
                resume=resume, progress=progress, on_round=on_round,
            )  # fmt: skip
    state = report["state"]
    done = t(
        "fit.done",
        lang,
        sims=number(state["simulations"], lang, 0),
        sec=number(state["seconds"], lang, 0),
        rate=number(state["simulations_per_second"], lang, 0),
        g=state["generations"],
        why=stop_reason(result.stopped, lang),
    )
    console.print(escape(done))
    table = Table(title=escape(t("fit.posterior_title", lang)))
    for column in ("parameter", "mean", "interval", "width", "learned"):
        table.add_column(
            t(f"fit.col_{column}", lang),
            justify="left" if column == "parameter" else "right",
            overflow="fold",
        )
    taught = report["taught"]
    for row in report["posterior"].itertuples():
        verdict = taught["parameters"][row.parameter]["verdict"]
        table.add_row(
            escape(row.parameter),
            number(row.mean, lang, 3),
            f"{number(row.p5, lang, 3)} - {number(row.p95, lang, 3)}",
            percent(row.width_ratio, lang),
            t(f"fit.verdict_{verdict}", lang),
        )
    console.print(table)
    if chosen.people:
        per_person = Table(title=escape(t("fit.people_title", lang)))
        for column in ("name", "ability", "first_impression", "gap", "underrated", "learned"):
            per_person.add_column(
                t(f"fit.col_{column}", lang), justify="left" if column == "name" else "right", overflow="fold"
            )
        for row, learned in zip(report["people"].itertuples(), taught["people"], strict=True):
            low, high = number(row.first_impression_p5, lang, 2), number(row.first_impression_p95, lang, 2)
            per_person.add_row(
                escape(row.name if "team" not in learned else f"{learned['team']}/{row.name}"),
                number(row.ability, lang, 2),
                f"{number(row.first_impression, lang, 2)} ({low}-{high})",
                number(row.gap, lang, 2, signed=True),
                percent(row.p_underrated, lang),
                t(f"fit.verdict_{learned['verdict']}", lang),
            )
        console.print(per_person)
    for line in learned_little_warnings(taught, lang):
        console.print(escape(line), style="yellow")
    inside = state.get("ppc_inside90")
    if inside is not None:
        key = "fit.ppc" if request.teams is None else "fit.ppc_teams"
        console.print(escape(t(key, lang, share=percent(inside, lang))))
        from lmxsim.fit.ppc import kinds_lines

        for kind_line in kinds_lines(report["kinds"], lang):  # each kind of observation on its own
            console.print(escape(kind_line))
    files = (
        "posterior.csv, people.csv, draws.csv, ppc.csv, ppc.png, ppc-kinds.csv, ppc-kinds.png, "
        "generations.csv, summary.json, fit.json"
    )
    if request.teams is not None:
        files = files.replace(" ppc.png,", "")
    console.print(escape(t("fit.wrote", lang, files=files, folder=out)))


@contextmanager
def fit_bar(console: Console, settings, lang: str) -> Iterator[Callable[[int, int, int], None]]:
    """A progress bar under the generation lines (in a terminal): the generation running, its
    accepted particles against those it needs, the time so far and the time limit."""
    from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

    bar = Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        TextColumn("{task.completed:.0f}/{task.total:.0f}"),
        TimeElapsedColumn(),
        console=console,
        transient=True,
    )
    limit = number(settings.max_minutes, lang, 0)
    task = bar.add_task(
        t("fit.bar", lang, g=1, of=settings.generations, limit=limit), total=settings.population
    )

    def on_round(generation: int, accepted: int, needed: int) -> None:
        g = max(generation, 0) + 1  # -1: pyABC's calibration sample, before the first generation
        text = t("fit.bar", lang, g=g, of=settings.generations, limit=limit)
        bar.update(task, description=text, completed=min(accepted, needed), total=needed)

    with bar:
        yield on_round


def held_lines(chosen, also: list[str], lang: str) -> list[str]:
    """What the fit holds at its default (identified first), and what it fits although asked to."""
    from lmxsim.fit.priors import CANDIDATES, IDENTIFIED, held

    lines = []
    kept = held(chosen)
    if kept:
        shown = ", ".join(f"{name} = {number(value, lang, 2)}" for name, value in kept.items())
        lines.append(t("fit.held", lang, held=shown, names=",".join(kept)))
    asked = [name for name in chosen.names if name in CANDIDATES and name not in IDENTIFIED]
    if asked:
        lines.append(t("fit.held_asked", lang, names=", ".join(asked)))
    return lines


def learned_little_warnings(taught: dict, lang: str) -> list[str]:
    """The fit's warnings: parameters, and people's first impressions, the data taught less than 20%."""
    lines = []
    little = taught["learned_little"]
    if little["parameters"]:
        lines.append(t("fit.warn_parameters", lang, names=", ".join(little["parameters"])))
    if little["people"]:
        names = little["people"]
        shown = ", ".join(names[:8]) + (", ..." if len(names) > 8 else "")
        lines.append(t("fit.warn_people", lang, k=len(names), n=len(taught["people"]), names=shown))
    return lines
