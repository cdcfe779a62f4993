"""`lmxsim calibrate`: the search that found the defaults (or a rival's parameters), resumable."""

from __future__ import annotations

from pathlib import Path

import typer

from lmxsim.science.budget import BUDGET
from lmxsim.texts import CLI_LANG, t

RIVAL_NAMES = "no-confirmation, no-pygmalion, static-labels, no-first-impression"


def register(app: typer.Typer) -> None:
    app.command(help=t("cli.calibrate_help", CLI_LANG))(calibrate)


def calibrate(
    out: Path = typer.Option(..., "--out", help=t("cli.calibrate_out", CLI_LANG)),
    rival: str | None = typer.Option(
        None, "--rival", help=t("cli.calibrate_rival", CLI_LANG, names=RIVAL_NAMES)
    ),
    evaluations: int = typer.Option(
        BUDGET.evaluations, "--evaluations", min=1, max=100_000, help=t("cli.calibrate_evaluations", CLI_LANG)
    ),
    samples: int = typer.Option(
        BUDGET.samples, "--samples", min=1, max=65_536, help=t("cli.calibrate_samples", CLI_LANG)
    ),
    seeds: int = typer.Option(
        BUDGET.seeds, "--seeds", min=1, max=100, help=t("cli.calibrate_seeds", CLI_LANG)
    ),
    replications: int = typer.Option(
        BUDGET.replications, "--replications", "-r", help=t("cli.calibrate_replications", CLI_LANG)
    ),
    seed: int = typer.Option(BUDGET.seed, "--seed", min=0, help=t("cli.calibrate_seed", CLI_LANG)),
    weeks: list[int] = typer.Option(
        list(BUDGET.horizons), "--weeks", min=20, max=520, help=t("cli.calibrate_weeks", CLI_LANG)
    ),
) -> None:
    from lmxsim.io.limits import check_replications
    from lmxsim.science.calibration import Budget, search
    from lmxsim.science.rivals import RIVAL_BY_NAME

    check_replications(replications, low=20)
    if rival is not None and rival not in RIVAL_BY_NAME:
        raise typer.BadParameter(
            t("cli.calibrate_unknown_rival", CLI_LANG, name=rival, names=", ".join(RIVAL_BY_NAME)),
            param_hint="--rival",
        )
    if out.exists() and not out.is_dir():
        raise typer.BadParameter(t("cli.validate_bad_json", CLI_LANG, path=out), param_hint="--out")
    budget = Budget(evaluations, samples, seeds, replications, seed, tuple(sorted(set(weeks))))
    result = search(out, RIVAL_BY_NAME.get(rival or ""), budget, report=typer.echo)
    typer.echo(
        t(
            "cli.calibrate_done",
            CLI_LANG,
            model=result["model"],
            loss=result["loss"],
            evaluations=result["evaluations"],
            failed=", ".join(result["failed"]) or "-",
            path=out / "params.toml",
        )
    )
