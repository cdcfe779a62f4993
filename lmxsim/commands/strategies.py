"""`lmxsim strategies`: compare intervention strategies for one team, over many replications."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from lmxsim.io.packaged import EXAMPLE_TEAM
from lmxsim.model.seeds import MAX_SEED
from lmxsim.texts import CLI_LANG, t

DEFAULT_TEAM = EXAMPLE_TEAM


def register(app: typer.Typer) -> None:
    app.command(help=t("cli.strategies_help", CLI_LANG))(strategies)


def strategies(
    team: Path = typer.Option(
        DEFAULT_TEAM,
        "--team",
        "-t",
        help=t("cli.strategies_team", CLI_LANG),
        show_default=t("cli.strategies_team_default", CLI_LANG),
    ),
    strategy: list[str] | None = typer.Option(
        None, "--strategy", "-s", help=t("cli.strategies_strategy", CLI_LANG)
    ),
    replications: int = typer.Option(
        500, "--replications", "-r", help=t("cli.strategies_replications", CLI_LANG)
    ),
    weeks: int = typer.Option(52, "--weeks", "-w", help=t("cli.opt_weeks", CLI_LANG)),
    seed: int = typer.Option(1, "--seed", min=0, max=MAX_SEED, help=t("cli.strategies_seed", CLI_LANG)),
    out: Path | None = typer.Option(None, "--out", "-o", help=t("cli.strategies_out", CLI_LANG)),
    report: Path | None = typer.Option(None, "--report", help=t("cli.strategies_report", CLI_LANG)),
    lang: Literal["en", "nl"] = typer.Option(
        "en",
        "--lang",
        help=t("cli.strategies_lang", CLI_LANG),
    ),
    hours: list[str] | None = typer.Option(
        None,
        "--hours",
        help=t("cli.strategies_hours", CLI_LANG),
    ),
    budget: float | None = typer.Option(None, "--budget", min=0, help=t("cli.strategies_budget", CLI_LANG)),
    robustness: bool = typer.Option(
        True,
        "--robustness/--no-robustness",
        help=t("cli.strategies_robustness", CLI_LANG),
    ),
    list_ready: bool = typer.Option(False, "--list", help=t("cli.strategies_list", CLI_LANG)),
    overwrite: bool = typer.Option(False, "--overwrite", help=t("cli.strategies_overwrite", CLI_LANG)),
    posterior: Path | None = typer.Option(
        None,
        "--posterior",
        help=t("cli.strategies_posterior", CLI_LANG),
    ),
) -> None:
    """Compare strategies on the same luck (common random numbers) and say what they change."""
    from dataclasses import replace

    from lmxsim.interventions.effort import parse_hours
    from lmxsim.lab.report import conclusions, export
    from lmxsim.lab.robustness import check_robustness
    from lmxsim.lab.strategies import MIN_REPLICATIONS, compare_strategies, parse_strategy, ready_strategies
    from lmxsim.team.teamfile import load_team_file

    console = Console()
    if list_ready:
        for s in ready_strategies():
            console.print(
                f"[bold]{escape(s.name)}[/bold]: {escape(s.title[lang])} - {escape(s.describe(lang))}"
            )
        return
    if out is not None:  # before the simulation: a full or read-only folder must not cost a run
        from lmxsim.io.output import check_output_folder

        check_output_folder(out, "--out", overwrite=overwrite)
    if report is not None:
        from lmxsim.io.output import check_output_file

        check_output_file(report, "--report", formats=(".html", ".htm"), overwrite=overwrite)
    own_hours = parse_hours(hours)
    team_file = load_team_file(team)
    members = team_file.members
    if team_file.note(lang):
        Console(stderr=True).print(team_file.note(lang), markup=False, highlight=False)
    chosen = [parse_strategy(text) for text in strategy] if strategy else ready_strategies()
    chosen = [replace(s, hours={**s.hours, **own_hours}) for s in chosen]
    if replications < MIN_REPLICATIONS:
        console.print(
            "[yellow]"
            + escape(t("report.few_replications", lang, r=replications, min=MIN_REPLICATIONS))
            + "[/]"
        )
    from lmxsim.texts import percent

    with console.status(t("report.simulating", lang, p="")) as status:

        def progress(fraction: float) -> None:
            status.update(t("report.simulating", lang, p=percent(fraction, lang)))

        if posterior is not None:  # issue 16: the fit's uncertainty in the intervals
            from lmxsim.fit.posterior import compare_over_posterior, robustness_over_posterior

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
        view = None
        change = None
        if posterior is not None:  # what the fit changed in the advice: the same comparison over its prior
            from lmxsim.commands.plan import advice_change
            from lmxsim.fit.posterior import read_posterior

            change = advice_change(read_posterior(posterior), comparison, members, chosen, status, lang)
        if robustness:

            def more(fraction: float) -> None:
                status.update(t("report.robust_progress", lang, p=percent(fraction, lang)))

            if posterior is not None:
                view = robustness_over_posterior(comparison, posterior, members, chosen, progress=more)
            else:
                view = check_robustness(comparison, members, comparison.strategies, progress=more)
    console.print(results_table(comparison, lang))
    console.print(effort_table(comparison, lang, budget))
    if view is not None:
        console.print(robustness_table(view, lang))
    for paragraph in conclusions(comparison, lang, budget=budget):
        console.print(paragraph, end="\n\n", markup=False, highlight=False)
    if change is not None:
        console.print(change.sentence(lang), end="\n\n", markup=False, highlight=False)
    if view is not None:
        from lmxsim.lab.hr_report import robustness_verdict

        console.print(robustness_verdict(view, lang), end="\n\n", markup=False, highlight=False)
    if out is not None:
        paths = export(comparison, out, lang, robustness=view, budget=budget)
        console.print(escape(t("report.wrote", lang, files=", ".join(p.name for p in paths), folder=out)))
    if report is not None:
        from lmxsim.lab.hr_report import write_report

        write_report(
            report,
            comparison,
            lang,
            robustness=view,
            budget=budget,
            team_file=team,
            title=team_file.title,
            posterior=posterior,
            fit=_fit_described(posterior, lang),
            change=change,
        )
        console.print(escape(t("report.wrote_report", lang, path=report)))


def _fit_described(posterior, lang: str) -> dict | None:
    """What the report says about the fit it ran over (None without one)."""
    if posterior is None:
        return None
    from lmxsim.fit.posterior import read_posterior
    from lmxsim.lab.hr_report import describe_fit

    return describe_fit(read_posterior(posterior), lang)


def results_table(comparison, lang: str) -> Table:
    """Per strategy: each team measure, mean ± half-width of its 95% CI (LMX in LMX-7 points)."""
    from lmxsim.lab.report import show
    from lmxsim.lab.strategies import MEASURES
    from lmxsim.lab.style import heading, strategy_colours
    from lmxsim.model.dynamics import lmx7
    from lmxsim.model.measures import MEMBER
    from lmxsim.texts import number

    c = comparison
    week = c.checkpoints[-1]
    table = Table(
        title=t("report.table_title", lang, n=len(c.names), r=c.replications, seed=c.seed, w=week),
        caption=t("report.table_caption", lang, sec=number(c.seconds, lang, 1)),
    )
    table.add_column(t("report.strategy_heading", lang), overflow="fold")
    for measure in MEASURES:
        table.add_column(heading(measure, lang), justify="right", overflow="fold")
    summary = c.summary()
    summary = summary[summary["week"] == week].set_index(["strategy", "measure"])
    colours = strategy_colours([s.name for s in c.strategies])
    for s in c.strategies:
        cells = []
        for measure in MEASURES:
            row = summary.loc[(s.name, measure)]
            mean, half = row["mean"], (row.ci_high - row.ci_low) / 2
            if measure == "lmx_mean":  # LMX-7 points: 7 + 28 x LMX
                shown = MEMBER["lmx7"].show(lmx7(mean), lang), MEMBER["lmx7"].show(28 * half, lang)
            else:
                shown = show(measure, mean, lang), show(measure, half, lang)
            cells.append(f"{shown[0]} ±{shown[1]}")
        swatch = f"[{colours[s.name]}]■[/] " + escape(c.title(s.name, lang))
        table.add_row(swatch, *[escape(x) for x in cells])
    return table


def effort_table(comparison, lang: str, budget: float | None = None) -> Table:
    """Per strategy: simulated years better than doing nothing, leader hours per week, gain per hour."""
    from lmxsim.lab.report import per_hour
    from lmxsim.lab.style import strategy_colours
    from lmxsim.texts import number

    c = comparison
    week = c.checkpoints[-1]
    summary = c.summary()
    summary = summary[(summary["week"] == week) & (summary["measure"] == "performance")].set_index("strategy")
    colours = strategy_colours([s.name for s in c.strategies])
    table = Table(title=t("lab.effort", lang))
    table.add_column(t("report.strategy_heading", lang), overflow="fold")
    for key in ("col_better", "col_hours", "col_peak", "col_per_hour"):
        table.add_column(t(f"report.{key}", lang), justify="right", overflow="fold")
    for s in c.strategies:
        if s.name == c.baseline:
            continue
        hours = number(c.hours(s.name), lang, 1)
        if budget is not None and c.hours(s.name) > budget:
            hours += f" ({t('report.over_budget_mark', lang)})"
        better = f"{summary.loc[s.name].better_runs}/{c.replications}"
        swatch = f"[{colours[s.name]}]■[/] " + escape(c.title(s.name, lang))
        peak = number(c.peak_hours(s.name), lang, 1)
        table.add_row(swatch, better, escape(hours), peak, number(per_hour(c, s.name), lang, 3, True))
    return table


def robustness_table(view, lang: str) -> Table:
    """Rank of each strategy at 50%, 100% and 150% strength, with expected team performance."""
    from lmxsim.lab.report import show
    from lmxsim.texts import percent

    frame = view.table()
    main = view.comparisons[1.0] if 1.0 in view.comparisons else next(iter(view.comparisons.values()))
    table = Table(title=t("report.robust_title", lang), caption=t("report.robust_cli_note", lang))
    table.add_column(t("report.strategy_heading", lang), overflow="fold")
    for f in view.factors:
        table.add_column(
            t("report.robust_strength", lang, p=percent(f, lang)), justify="right", overflow="fold"
        )
    for s in main.strategies:
        cells = []
        for f in view.factors:
            row = frame[(frame["strength"] == f) & (frame["strategy"] == s.name)].iloc[0]
            change = show("performance", row["diff_vs_nothing"], lang, True)
            cells.append(f"#{row['rank']}  {show('performance', row['mean'], lang)} ({change})")
        table.add_row(escape(main.title(s.name, lang)), *cells)
    return table
