"""`lmxsim strategies`: compare intervention strategies for one team, over many replications."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from lmxsim.packaged import EXAMPLE_TEAM
from lmxsim.seeds import MAX_SEED

STRATEGY_HELP = (
    "a ready strategy (nothing, one-on-ones-out-group, reopen-role-taking, reflection-every-4, "
    "equal-latitude, team-map-one-on-ones) or a custom one: [LABEL=]SPEC+SPEC..., e.g. "
    "'Sam and Lotte=one-on-ones:Sam@1/1+one-on-ones:Lotte@1/1' (repeatable; default: all ready ones)"
)
DEFAULT_TEAM = EXAMPLE_TEAM
SHOWN = {
    "performance": ("performance", 3),
    "lmx_differentiation": ("LMX spread", 3),
    "problems_hidden": ("hidden problems", 1),
    "fires": ("fires so far", 1),
    "out_group_share": ("out-group share", 2),
}


def register(app: typer.Typer) -> None:
    app.command()(strategies)


def strategies(
    team: Path = typer.Option(
        DEFAULT_TEAM,
        "--team",
        "-t",
        help="team file (.csv, .xlsx or .toml, docs/team-files.md)",
        show_default="the packaged example team",
    ),
    strategy: list[str] | None = typer.Option(None, "--strategy", "-s", help=STRATEGY_HELP),
    replications: int = typer.Option(500, "--replications", "-r", help="simulated years per strategy"),
    weeks: int = typer.Option(52, "--weeks", "-w", help="weeks to simulate"),
    seed: int = typer.Option(
        1, "--seed", min=0, max=MAX_SEED, help="random seed (same seed, same comparison)"
    ),
    out: Path | None = typer.Option(
        None, "--out", "-o", help="folder for the CSV tables, PNG figures, texts"
    ),
    lang: Literal["en", "nl"] = typer.Option(
        "en", "--lang", help="language of the printed conclusions and figures"
    ),
    list_ready: bool = typer.Option(False, "--list", help="list the ready strategies and stop"),
    overwrite: bool = typer.Option(False, "--overwrite", help="replace the files in a non-empty --out"),
    posterior: Path | None = typer.Option(
        None,
        "--posterior",
        help="a folder from `lmxsim fit`: spread the replications over its posterior draws",
    ),
) -> None:
    """Compare strategies on the same luck (common random numbers) and say what they change."""
    from lmxsim.strategies import compare_strategies, parse_strategy, ready_strategies
    from lmxsim.strategy_report import conclusions, export
    from lmxsim.teamfile import load_team_file

    console = Console()
    if list_ready:
        for s in ready_strategies():
            console.print(
                f"[bold]{escape(s.name)}[/bold]: {escape(s.title[lang])} - {escape(s.describe(lang))}"
            )
        return
    if out is not None:  # before the simulation: a full or read-only folder must not cost a run
        from lmxsim.output import check_output_folder

        check_output_folder(out, "--out", overwrite=overwrite)
    team_file = load_team_file(team)
    members = team_file.members
    if team_file.note(lang):
        Console(stderr=True).print(team_file.note(lang), markup=False, highlight=False)
    chosen = [parse_strategy(text) for text in strategy] if strategy else ready_strategies()
    with console.status("simulating...") as status:

        def progress(fraction: float) -> None:
            status.update(f"simulating... {fraction:.0%}")

        if posterior is not None:  # issue 16: the fit's uncertainty in the intervals
            from lmxsim.fit.posterior import compare_over_posterior

            comparison = compare_over_posterior(
                posterior,
                members,
                chosen,
                replications=replications,
                weeks=weeks,
                seed=seed,
                progress=progress,
            )
        else:
            comparison = compare_strategies(
                members, chosen, replications=replications, weeks=weeks, seed=seed, progress=progress
            )
    week = comparison.checkpoints[-1]
    table = Table(
        title=f"{len(members)} people, {replications} replications, seed {seed}: after {week} weeks "
        f"(mean ± half-width of its 95% CI)",
        caption=f"{comparison.seconds:.1f} s; the spread of single runs is in summary.csv (p2_5..p97_5)",
    )
    table.add_column("strategy")
    for label, _ in SHOWN.values():
        table.add_column(label, justify="right")
    summary = comparison.summary()
    summary = summary[summary["week"] == week].set_index(["strategy", "measure"])
    for s in comparison.strategies:
        cells = []
        for measure, (_, digits) in SHOWN.items():
            row = summary.loc[(s.name, measure)]
            cells.append(f"{row['mean']:.{digits}f} ±{(row.ci_high - row.ci_low) / 2:.{digits}f}")
        table.add_row(escape(comparison.title(s.name, lang)), *cells)
    console.print(table)
    for paragraph in conclusions(comparison, lang):
        console.print(paragraph, end="\n\n", markup=False, highlight=False)
    if out is not None:
        paths = export(comparison, out, lang)
        console.print(f"wrote {', '.join(p.name for p in paths)} to {out}")
