"""`lmxsim plan`: the leader's one-page Monday plan (docs/plan.md), with the HR report as appendix."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Literal

import typer
from rich.console import Console
from rich.markup import escape

from lmxsim.io.packaged import EXAMPLE_TEAM
from lmxsim.model.seeds import MAX_SEED
from lmxsim.texts import CLI_LANG, t


def register(app: typer.Typer) -> None:
    app.command(help=t("cli.plan_help", CLI_LANG))(plan)


def plan(
    team: Path = typer.Option(
        EXAMPLE_TEAM,
        "--team",
        "-t",
        help=t("cli.strategies_team", CLI_LANG),
        show_default=t("cli.strategies_team_default", CLI_LANG),
    ),
    survey: Path | None = typer.Option(None, "--survey", help=t("cli.plan_survey", CLI_LANG)),
    posterior: Path | None = typer.Option(None, "--posterior", help=t("cli.strategies_posterior", CLI_LANG)),
    strategy: list[str] | None = typer.Option(
        None, "--strategy", "-s", help=t("cli.strategies_strategy", CLI_LANG)
    ),
    replications: int = typer.Option(
        300, "--replications", "-r", help=t("cli.strategies_replications", CLI_LANG)
    ),
    weeks: int = typer.Option(52, "--weeks", "-w", help=t("cli.opt_weeks", CLI_LANG)),
    seed: int = typer.Option(1, "--seed", min=0, max=MAX_SEED, help=t("cli.strategies_seed", CLI_LANG)),
    hours: list[str] | None = typer.Option(None, "--hours", help=t("cli.strategies_hours", CLI_LANG)),
    robustness: bool = typer.Option(
        True, "--robustness/--no-robustness", help=t("cli.strategies_robustness", CLI_LANG)
    ),
    lang: Literal["en", "nl"] = typer.Option("en", "--lang", help=t("cli.strategies_lang", CLI_LANG)),
    out: Path = typer.Option(Path("plan.html"), "--out", "-o", help=t("cli.plan_out", CLI_LANG)),
) -> None:
    """One printable page: what to do, with whom, how many hours in which weeks, what to say."""
    from lmxsim.fit import FitError

    try:
        _plan(team, survey, posterior, strategy, replications, weeks, seed, hours, robustness, lang, out)
    except FitError as error:
        from lmxsim.texts.errors import translate

        typer.secho(t("fit.error", lang, error=translate(str(error), lang)), err=True, fg=typer.colors.RED)
        sys.exit(2)


def _plan(team, survey, posterior, strategy, replications, weeks, seed, hours, robustness, lang, out) -> None:
    import datetime
    from dataclasses import replace

    from lmxsim.interventions.effort import parse_hours
    from lmxsim.io.output import check_output_file, write_text
    from lmxsim.lab.hr_report import write_report
    from lmxsim.lab.plan import plan_html
    from lmxsim.lab.robustness import check_robustness
    from lmxsim.lab.strategies import compare_strategies, parse_strategy, ready_strategies
    from lmxsim.team.teamfile import load_team_file
    from lmxsim.texts import percent

    check_output_file(out, "--out", formats=(".html", ".htm"))
    appendix = out.with_name(f"{out.stem}-{t('plan.appendix_suffix', lang)}{out.suffix}")
    own_hours = parse_hours(hours)
    team_file = load_team_file(team)
    members = team_file.members
    items: dict[str, list[int]] = {}
    waves = 0
    if survey is not None:
        from lmxsim.fit.survey import read_survey

        answers = read_survey(survey, [m.name for m in members], lang)
        for warning in answers.warnings:
            typer.secho(t("survey.warning", lang, text=warning), err=True, fg=typer.colors.YELLOW)
        items, waves = answers.latest_items(), len(answers.weeks)
    chosen = [parse_strategy(text) for text in strategy] if strategy else ready_strategies()
    chosen = [replace(s, hours={**s.hours, **own_hours}) for s in chosen]
    console = Console(stderr=True)
    with console.status(t("report.simulating", lang, p="")) as status:

        def progress(fraction: float) -> None:
            status.update(t("report.simulating", lang, p=percent(fraction, lang)))

        def more(fraction: float) -> None:
            status.update(t("report.robust_progress", lang, p=percent(fraction, lang)))

        view = None
        change = None
        if posterior is not None:
            from lmxsim.fit.posterior import compare_over_posterior, read_posterior, robustness_over_posterior

            comparison = compare_over_posterior(
                posterior,
                members,
                chosen,
                replications=replications,
                weeks=weeks,
                seed=seed,
                progress=progress,
            )
            change = advice_change(read_posterior(posterior), comparison, members, chosen, status, lang)
            if robustness:
                view = robustness_over_posterior(comparison, posterior, members, chosen, progress=more)
        else:
            comparison = compare_strategies(
                members, chosen, replications=replications, weeks=weeks, seed=seed, progress=progress
            )
            if robustness:
                view = check_robustness(comparison, members, comparison.strategies, progress=more)
    files = ", ".join(str(Path(f).name) for f in (team, survey) if f is not None)
    html = plan_html(
        comparison,
        lang,
        items=items,
        robustness=view,
        files=files,
        appendix=appendix.name,
        title=team_file.title,
        fit=str(posterior) if posterior is not None else None,
        waves=waves,
        date=datetime.date.today().isoformat(),
        change=change,
    )
    write_text(out, html)
    write_report(
        appendix,
        comparison,
        lang,
        robustness=view,
        team_file=team,
        title=team_file.title,
        posterior=posterior,
        fit=_fit_described(posterior, lang),
        change=change,
    )
    Console().print(escape(t("plan.wrote", lang, path=out, appendix=appendix)))


def advice_change(fit, comparison, members, chosen, status, lang: str):
    """The same comparison over the fit's prior (same last wave, same seeds), beside the one over
    its posterior: what the fit changed in the advice (lab/advice.py). Costs one more comparison."""
    from lmxsim.fit.posterior import compare_over_posterior, prior_of
    from lmxsim.lab.advice import AdviceChange
    from lmxsim.texts import percent

    def progress(fraction: float) -> None:
        status.update(t("report.prior_progress", lang, p=percent(fraction, lang)))

    before = compare_over_posterior(
        prior_of(fit),
        members,
        comparison.strategies,
        replications=comparison.replications,
        weeks=comparison.weeks,
        seed=comparison.seed,
        progress=progress,
    )
    return AdviceChange(before, comparison)


def _fit_described(posterior, lang: str) -> dict | None:
    """What the appendix says about the fit it ran over (None without one)."""
    if posterior is None:
        return None
    from lmxsim.fit.posterior import read_posterior
    from lmxsim.lab.hr_report import describe_fit

    return describe_fit(read_posterior(posterior), lang)
