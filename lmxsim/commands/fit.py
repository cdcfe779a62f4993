"""`lmxsim fit`: fit the model to a team's own LMX-7 survey waves (ABC-SMC; docs/fitting.md)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Literal

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table


def register(app: typer.Typer) -> None:
    app.command()(fit)


def fit(
    survey: Path = typer.Option(
        ..., "--survey", help="survey waves (CSV: name, wave, week, member_1..7 or member_total, leader_...)"
    ),
    team: Path = typer.Option(..., "--team", "-t", help="team file (.csv or .toml, docs/team-files.md)"),
    observations: Path | None = typer.Option(
        None,
        "--observations",
        help="optional team-level observations (CSV: week_from, week_to, problems_reported)",
    ),
    out: Path = typer.Option(
        ..., "--out", "-o", help="folder for the posterior, checks and the pyABC database"
    ),
    priors: Path | None = typer.Option(
        None,
        "--priors",
        help="TOML saying what to fit (docs/fitting.md)",
        show_default="first_impression_noise, "
        "leader_trust_rate, confirmation_bias and each person's first impression",
    ),
    population: int = typer.Option(
        400, "--population", min=20, max=20000, help="particles in the first generation (adaptive after)"
    ),
    generations: int = typer.Option(6, "--generations", min=1, max=50, help="most ABC-SMC generations"),
    max_minutes: float = typer.Option(
        9.0, "--max-minutes", min=0.1, help="stop after this long (the last full generation counts)"
    ),
    seed: int = typer.Option(
        1, "--seed", min=0, max=2**32 - 1, help="random seed (batch sampler: same seed, same fit)"
    ),
    sampler: Literal["batch", "multicore"] = typer.Option(
        "batch",
        "--sampler",
        help="batch: many particles per vectorised run (fastest here); "
        "multicore: pyABC's, one process per core",
    ),
    workers: int = typer.Option(
        2, "--workers", min=1, max=256, help="processes for --sampler multicore and --dask local"
    ),
    dask: str | None = typer.Option(
        None, "--dask", help="run the simulations on Dask: 'local' or a scheduler address tcp://host:port"
    ),
    resume: bool = typer.Option(
        False, "--resume", help="continue the fit stored in --out (same survey, team, priors, seed)"
    ),
    overwrite: bool = typer.Option(False, "--overwrite", help="replace a fit already in --out"),
) -> None:
    """Which model settings explain this team's LMX-7 answers, and how sure are we?"""
    from lmxsim.fit import FitError

    console = Console()
    try:
        _fit(
            console,
            survey,
            team,
            out,
            priors,
            observations,
            population,
            generations,
            max_minutes,
            seed,
            sampler,
            workers,
            dask,
            resume,
            overwrite,
        )
    except FitError as error:
        typer.secho(f"error: {error}", err=True, fg=typer.colors.RED)
        sys.exit(2)
    except KeyboardInterrupt:
        typer.secho(
            f"interrupted: the finished generations are kept in {out / 'fit.db'}; "
            f"continue with the same command and --resume",
            err=True,
        )
        sys.exit(130)


def _fit(
    console,
    survey,
    team,
    out,
    priors_path,
    observations_path,
    population,
    generations,
    max_minutes,
    seed,
    sampler,
    workers,
    dask,
    resume,
    overwrite,
):
    from lmxsim.fit import FitError, require_pyabc

    require_pyabc()
    import shutil

    from lmxsim.fit.priors import load_priors
    from lmxsim.fit.report import write_report
    from lmxsim.fit.run import DB_NAME, Settings, run_fit
    from lmxsim.fit.simulate import Simulator
    from lmxsim.fit.survey import check_against_team, read_survey
    from lmxsim.output import check_output_folder
    from lmxsim.teamfile import load_team

    if resume and overwrite:
        raise FitError("--resume and --overwrite contradict each other: choose one")
    if (
        dask is not None
        and dask != "local"
        and not dask.startswith(("tcp://", "tls://", "ws://", "inproc://"))
    ):
        raise FitError(
            f"--dask {dask!r} is not allowed (allowed: local, or a scheduler address such as tcp://host:8786)"
        )
    members = load_team(team)
    data = read_survey(survey, [m.name for m in members])
    check_against_team(data, members, str(team))
    chosen = load_priors(priors_path)
    team_observed = None
    if observations_path is not None:
        from lmxsim.fit.observations import read_observations

        team_observed = read_observations(observations_path)
    if not resume:
        check_output_folder(out, "--out", overwrite=overwrite)
        if overwrite and (out / DB_NAME).exists():
            (out / DB_NAME).unlink()
    elif not (out / DB_NAME).exists():
        raise FitError(f"--resume: {out} holds no fit ({DB_NAME} is missing); run without --resume")
    simulator = Simulator(members, data.weeks, data.ratings(), chosen, team_observed=team_observed)
    settings = Settings(
        population=population,
        min_population=max(20, population // 2),
        max_population=max(population, population * 3 // 2),
        generations=generations,
        max_minutes=max_minutes,
        seed=seed,
        sampler=sampler,
        dask=dask,
        workers=workers,
    )
    raters = " and ".join(data.ratings())
    fitted = ", ".join(chosen.names) + (", each person's first impression" if chosen.people else "")
    console.print(
        f"fitting {escape(fitted)} to {len(members)} people x {len(data.weeks)} waves "
        f"(weeks {', '.join(map(str, data.weeks))}; {raters} ratings"
        + (
            ""
            if team_observed is None
            else f"; {team_observed.measure} in {len(team_observed.periods)} periods"
        )
        + ")"
    )

    def progress(g: dict) -> None:
        console.print(
            f"generation {g['generation'] + 1}: epsilon {g['epsilon']:.3g}, accepted {g['accepted']} of "
            f"{g['simulations']} ({g['accepted'] / g['simulations']:.0%}), {g['seconds']:.0f} s"
        )

    if out.exists() and not resume:
        shutil.rmtree(out / ".tmp", ignore_errors=True)
    result = run_fit(simulator, chosen, out, settings, resume=resume, progress=progress)
    report = write_report(result, out, seed, str(survey), str(team))
    state = report["state"]
    console.print(
        f"{state['simulations']:,} simulations in {state['seconds']:.0f} s "
        f"({state['simulations_per_second']:.0f}/s, {state['generations']} generations; "
        f"stopped: {escape(result.stopped or 'done')})"
    )
    table = Table(title="Posterior of the fitted parameters (90% interval; width: posterior/prior)")
    for column in ("parameter", "mean", "90% interval", "width"):
        table.add_column(column, justify="left" if column == "parameter" else "right")
    for row in report["posterior"].itertuples():
        table.add_row(
            escape(row.parameter),
            f"{row.mean:.3f}",
            f"{row.p5:.3f} - {row.p95:.3f}",
            f"{row.width_ratio:.0%}",
        )
    console.print(table)
    if chosen.people:
        people = Table(
            title="The leader's first impression of each person, against the ability in the team file"
        )
        for column in ("name", "ability", "first impression (90%)", "gap", "P(underrated)"):
            people.add_column(column, justify="left" if column == "name" else "right")
        for row in report["people"].itertuples():
            people.add_row(
                escape(row.name),
                f"{row.ability:.2f}",
                f"{row.first_impression:.2f} ({row.first_impression_p5:.2f}-{row.first_impression_p95:.2f})",
                f"{row.gap:+.2f}",
                f"{row.p_underrated:.0%}",
            )
        console.print(people)
    inside = state.get("ppc_inside90")
    if inside is not None:
        console.print(
            f"predictive check: {inside:.0%} of the observed ratings lie inside the 90% band of the "
            "simulated ones "
            "(about 90% is a good fit; much lower: the model misses something in this team; ppc.png)"
        )
    console.print(
        f"wrote posterior.csv, people.csv, draws.csv, ppc.csv, ppc.png, generations.csv, fit.json to {out}"
    )
