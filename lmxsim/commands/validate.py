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
    rivals: bool = typer.Option(False, "--rivals", help=t("cli.validate_rivals", CLI_LANG)),
    config: Path | None = typer.Option(None, "--config", help=t("cli.validate_config", CLI_LANG)),
    robust: bool = typer.Option(False, "--robustness", help=t("cli.validate_robustness", CLI_LANG)),
    robust_params: str | None = typer.Option(
        None, "--robustness-params", help=t("cli.validate_robustness_params", CLI_LANG)
    ),
    weeks: int = typer.Option(26, "--weeks", min=20, max=520, help=t("cli.validate_weeks", CLI_LANG)),
    overwrite: bool = typer.Option(False, "--overwrite", help=t("cli.opt_overwrite", CLI_LANG)),
) -> None:
    from lmxsim.engine.executors import open_executor
    from lmxsim.io.limits import check_replications
    from lmxsim.science.facts import FACTS, KNOWN_MISSES, REPLICATIONS, loop_regime
    from lmxsim.science.validation import (
        ablate,
        as_json,
        compare_rivals,
        load_params_file,
        robustness,
        robustness_summary,
        summarise,
    )

    if replications is not None:
        check_replications(replications, low=20)

    replications = replications or REPLICATIONS
    if json_out is not None and (json_out.is_dir() or not json_out.parent.is_dir()):
        raise typer.BadParameter(t("cli.validate_bad_json", CLI_LANG, path=json_out), param_hint="--json")
    if json_out is not None:
        from lmxsim.io.output import check_output_file

        check_output_file(json_out, "--json", overwrite=overwrite)  # before minutes of validation
    console = Console()
    with open_executor(workers, preload="lmxsim.science.facts") as choice:  # the sweeps' executors
        params = load_params_file(config) if config is not None else None
        facts = summarise(
            params=params, seeds=seeds, replications=replications, executor=choice.executor, weeks=weeks
        )
        matrix = ablate(seeds, replications, choice.executor) if ablations else None
        rival_rows = compare_rivals(seeds, replications, choice.executor) if rivals else None
        names = _parameter_names(robust_params)
        robust_rows = (
            robustness(params, seeds, replications, choice.executor, names, weeks) if robust else None
        )

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
    for key in failing:
        if key in KNOWN_MISSES:
            others = ", ".join(KNOWN_MISSES[key])
            console.print(t("cli.validate_known_miss", CLI_LANG, fact=key, others=others))
    for gain in (f.mean for f in facts if f.id == "P22"):  # the loop gain is fact P22
        regime = t(f"cli.validate_loop_{loop_regime(gain)}", CLI_LANG)
        console.print(t("cli.validate_loop_gain", CLI_LANG, gain=f"{gain:.2f}", regime=regime))

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
    if rival_rows is not None:
        _print_rivals(console, facts, rival_rows)
    if robust_rows is not None:
        summary = robustness_summary(robust_rows, [f.id for f in facts if not f.inside])
        for size, counts in summary.items():
            console.print(t("cli.validate_robustness_summary", CLI_LANG, size=size, **counts))
        for row in robust_rows:
            if set(row["out_of_band"]) - {f.id for f in facts if not f.inside}:
                console.print(f"  {row['param']} {row['change']:+.0%}: {', '.join(row['out_of_band'])}")
    if json_out is not None:
        from lmxsim.io.output import write_text

        write_text(json_out, json.dumps(as_json(facts, matrix, rival_rows, robust_rows), indent=2))
        console.print(t("cli.validate_written", CLI_LANG, path=json_out))
    blind_rivals = [row["name"] for row in rival_rows or [] if len(row["failed"]) < RIVAL_MUST_FAIL]
    if blind_rivals:
        console.print(f"[red]{t('cli.validate_rivals_blind', CLI_LANG)}[/red] {', '.join(blind_rivals)}")
    if failing or blind_rivals or (matrix is not None and any(not row["out_of_band"] for row in matrix)):
        raise typer.Exit(1)


def _parameter_names(text: str | None) -> list[str] | None:
    """The --robustness-params list (comma-separated), each a known parameter."""
    if not text:
        return None
    from lmxsim.model.params import PARAMETERS

    names = [n.strip() for n in text.split(",") if n.strip()]
    unknown = [n for n in names if n not in PARAMETERS]
    if unknown:
        raise typer.BadParameter(
            t("cli.validate_unknown_params", CLI_LANG, names=", ".join(unknown)),
            param_hint="--robustness-params",
        )
    return names


# A rival counts as rejected when its re-tuned mean leaves the band of at least this many facts.
RIVAL_MUST_FAIL = 2


def _print_rivals(console: Console, facts, rows: list[dict]) -> None:
    """One column per model: the fact's mean over seeds, red where it leaves the band."""
    grid = Table(title=t("cli.validate_rivals_title", CLI_LANG))
    grid.add_column("id")
    grid.add_column(t("cli.validate_band_heading", CLI_LANG))
    grid.add_column(t("cli.validate_full_model", CLI_LANG), justify="right")
    for row in rows:
        grid.add_column(row["name"], justify="right")

    def cell(mean: float | None, low: float, high: float) -> str:
        if mean is None or mean != mean:
            return "[red]n/a[/red]"
        text = f"{mean:.3f}"
        return text if low <= mean <= high else f"[red]{text}[/red]"

    for j, f in enumerate(facts):
        low, high = f.band
        band = t("cli.validate_band", CLI_LANG, low=f"{low:g}", high=f"{high:g}")
        grid.add_row(
            f.id, band, cell(f.mean, low, high), *[cell(r["facts"][j]["mean"], low, high) for r in rows]
        )
    grid.add_row("", t("cli.validate_failed", CLI_LANG), str(sum(not f.inside for f in facts)),
                 *[str(len(r["failed"])) for r in rows])  # fmt: skip
    console.print(grid)
