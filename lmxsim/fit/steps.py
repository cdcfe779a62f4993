"""The steps of fitting one team, shared by `lmxsim fit` and the strategy lab's own fit.

Both read the survey and check it against the team, choose what to fit (identified first:
priors.fit_priors), run ABC-SMC and write the fit's folder. Keeping the steps here means the
lab's fit is the command's fit with a smaller budget, not a near-copy that drifts.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from lmxsim.fit.priors import Priors
from lmxsim.fit.run import FitResult, Settings, run_fit
from lmxsim.fit.simulate import Simulator, SurveySimulator
from lmxsim.fit.survey import Survey, check_against_team, read_survey
from lmxsim.team.members import Member


@dataclass
class OneTeam:
    """A team's survey read and checked, and the simulator a fit of it runs."""

    survey: Survey
    simulator: Simulator


def one_team(
    members: Sequence[Member],
    survey_path: str | Path,
    team_label: str,
    priors: Priors,
    lang: str = "en",
    observations: str | Path | None = None,
) -> OneTeam:
    """Read the survey (its problems in `lang`), check it against the team (named `team_label` in
    messages), read any team observations, and build the simulator."""
    members = list(members)
    survey = read_survey(survey_path, [m.name for m in members], lang)
    check_against_team(survey, members, team_label, lang)
    observed = None
    if observations is not None:
        from lmxsim.fit.observations import read_observations

        observed = read_observations(observations)
    simulator = Simulator(members, survey.weeks, survey.ratings(), priors, team_observed=observed)
    return OneTeam(survey, simulator)


def fit_and_report(
    simulator: SurveySimulator,
    priors: Priors,
    out: Path,
    settings: Settings,
    survey_label: str,
    team_label: str,
    lang: str = "en",
    resume: bool = False,
    progress: Callable[[dict], None] | None = None,
    should_stop: Callable[[], bool] | None = None,
    on_round: Callable[[int, int, int], None] | None = None,
) -> tuple[FitResult, dict]:
    """Run (or resume) the fit into `out` and write its folder; the result and what the report returns."""
    from lmxsim.fit.report import write_report

    result = run_fit(
        simulator,
        priors,
        out,
        settings,
        resume=resume,
        progress=progress,
        should_stop=should_stop,
        on_round=on_round,
    )
    report = write_report(result, out, settings.seed, survey_label, team_label, lang=lang)
    return result, report
