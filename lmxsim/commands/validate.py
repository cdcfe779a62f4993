"""`lmxsim validate`: the stylized facts from the literature, measured on the model over many seeds,
and (with --ablations) which facts leave their band when each mechanism is switched off."""

from __future__ import annotations

import json
from pathlib import Path

import typer
from rich.console import Console
from rich.table import Table

from lmxsim.texts import CLI_LANG, t


def register(app: typer.Typer) -> None:
    app.command(help=t("cli.validate_help", CLI_LANG))(validate)


def validate(
    seeds: int = typer.Option(20, "--seeds", "-s", min=2, max=1000, help=t("cli.validate_seeds", CLI_LANG)),
    replications: int | None = typer.Option(
        None, "--replications", "-r", help=t("cli.validate_replications", CLI_LANG)
    ),
    ablations: bool = typer.Option(False, "--ablations", help=t("cli.validate_ablations", CLI_LANG)),
    json_out: Path | None = typer.Option(None, "--json", help=t("cli.validate_json", CLI_LANG)),
    workers: int = typer.Option(
        2, "--workers", "-w", min=1, max=64, help=t("cli.validate_workers", CLI_LANG)
    ),
) -> None:
    from lmxsim.engine.executors import open_executor
    from lmxsim.io.limits import check_replications
    from lmxsim.science.facts import FACTS, REPLICATIONS
    from lmxsim.science.validation import ablate, as_json, summarise

    if replications is not None:
        check_replications(replications, low=20)

    replications = replications or REPLICATIONS
    if json_out is not None and (json_out.is_dir() or not json_out.parent.is_dir()):
        raise typer.BadParameter(t("cli.validate_bad_json", CLI_LANG, path=json_out), param_hint="--json")
    console = Console()
    with open_executor(workers, preload="lmxsim.science.facts") as choice:  # the sweeps' executors
        facts = summarise(seeds=seeds, replications=replications, executor=choice.executor)
        matrix = ablate(seeds, replications, choice.executor) if ablations else None

    table = Table(title=t("cli.validate_title", CLI_LANG, seeds=seeds, replications=replications))
    for column in t("cli.validate_headings", CLI_LANG).split("|"):
        table.add_column(column)
    for f in facts:
        colour = "green" if f.pass_share >= 0.95 else ("yellow" if f.inside else "red")
        band = t("cli.validate_band", CLI_LANG, low=f"{f.band[0]:g}", high=f"{f.band[1]:g}")
        interval = t("cli.validate_band", CLI_LANG, low=f"{f.ci[0]:.3f}", high=f"{f.ci[1]:.3f}")
        share = f"[{colour}]{f.pass_share:.0%}[/{colour}]"
        table.add_row(f.id, f.name, f.source, band, f"{f.mean:.3f}", interval, share)
    console.print(table)
    failing = [f.id for f in facts if f.pass_share < 0.95]
    console.print(t("cli.validate_summary", CLI_LANG, passing=len(facts) - len(failing), total=len(facts)))

    if matrix is not None:
        grid = Table(title=t("cli.validate_ablations_title", CLI_LANG))
        grid.add_column(t("cli.validate_switched_off", CLI_LANG))
        for fact in FACTS:
            grid.add_column(fact.key, justify="center")
        grid.add_column(t("cli.validate_switch", CLI_LANG))
        for row in matrix:
            out = set(row["out_of_band"])
            switch = ", ".join(f"{k}={v}" for k, v in row["switch"].items())
            grid.add_row(row["mechanism"], *["[red]x[/red]" if f.key in out else "." for f in FACTS], switch)
        console.print(grid)
        blind = [row["mechanism"] for row in matrix if not row["out_of_band"]]
        if blind:
            console.print(f"[red]{t('cli.validate_blind', CLI_LANG)}[/red] {', '.join(blind)}")
    if json_out is not None:
        json_out.write_text(json.dumps(as_json(facts, matrix), indent=2))
        console.print(t("cli.validate_written", CLI_LANG, path=json_out))
    if failing or (matrix is not None and any(not row["out_of_band"] for row in matrix)):
        raise typer.Exit(1)
