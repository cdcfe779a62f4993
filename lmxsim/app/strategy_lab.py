"""The strategy lab tab: describe your team, choose strategies, compare them over many replications.

`StrategyLab(lang, state)` keeps what the leader entered in a LabState made
per browser session, like the workshop's Workshop: the app's Page holds one
(`solara.use_memo`), so it survives the lab tab being hidden, and two sessions
never see each other's team or results. Rendering is offline-safe: plain
Solara widgets, HTML strings, matplotlib PNGs and one small Vue template
(lab_team_circle.vue: the team as circles to drag nearer or farther). Bad team files or
pasted text only produce a message; the team being edited is never replaced
by something invalid.

Over 400 lines on purpose: the team rows, their editor and the lab's state stay
together here (the picker, the leader's time and the results live in lab_picker.py
and lab_results.py).
"""

from __future__ import annotations

import logging
from dataclasses import replace
from functools import partial
from html import escape
from typing import TYPE_CHECKING

import solara

from lmxsim.app.i18n_lab import tl
from lmxsim.app.lab_files import team_csv
from lmxsim.app.lab_fit import FitLoader, draws_used
from lmxsim.app.lab_fit_run import FitRunner
from lmxsim.app.lab_picker import LeaderTime, StrategyPicker
from lmxsim.app.lab_results import Results, note
from lmxsim.app.liveness import Owner, current_context
from lmxsim.app.uploads import read_upload
from lmxsim.interventions.catalogue import InterventionError
from lmxsim.io.limits import APP_MAX_WORK, app_work, app_work_problem
from lmxsim.io.packaged import EXAMPLE_TEAM
from lmxsim.lab.plans import Strategy
from lmxsim.lab.robustness import check_robustness
from lmxsim.lab.strategies import (
    MIN_REPLICATIONS,
    NOTHING,
    compare_strategies,
    ready_strategy,
)
from lmxsim.model.params import ParameterError
from lmxsim.team.members import MAX_TEAM, Member
from lmxsim.team.teamfile import (
    DEFAULT_ABILITY,
    DEFAULT_CHALLENGE,
    TeamFileError,
    check_names,
    load_team,
    parse_team_file,
    read_team_file,
    team_to_toml,
)
from lmxsim.texts import number

if TYPE_CHECKING:
    from lmxsim.fit.posterior import Posterior  # only a type here: the fit loads on demand

log = logging.getLogger(__name__)
START_ROWS = (("An", 0.35, 0.65), ("Bram", 0.85, 0.65), ("Sam", 0.3, 0.6), ("Lotte", 0.25, 0.6))
USER_ERRORS = (TeamFileError, InterventionError, ParameterError)
# Member fields a row carries from a team file without a control of its own (docs/team-files.md).
KEPT = ("member_expectation", "safety_propensity", "weeks_together", "lmx7", "lmx7_leader")
BLOCK_WORK = 1_000_000  # person-weeks per block of replications: about half a second, then a cancel check


class RunAbandoned(Exception):
    """The session that asked for a comparison closed, or a newer run replaced it."""


def lab_chunk(people: int, weeks: int) -> int:
    """Replications per block: small enough that a cancel is noticed within a second or so."""
    return max(1, min(100, BLOCK_WORK // max(1, people * weeks)))


def _kernel_context():
    """This browser session's Solara kernel context (None outside a server, e.g. in tests)."""
    return current_context()


# --------------------------------------------------------------------------- the team as rows


def rows_from_team(team: list[Member]) -> list[dict]:
    """Editable rows; challenge and trust propensity from a file are kept as they were."""
    return [
        {
            "name": m.name,
            "closeness": float(m.first_impression),
            "ability": float(m.ability),
            "challenge": float(m.challenge),
            "trust_propensity": m.trust_propensity,
            **{k: getattr(m, k) for k in KEPT},  # not shown, but kept for the simulation
        }
        for m in team
    ]


def team_from_rows(rows: list[dict]) -> list[Member]:
    """The Members the rows describe; TeamFileError with the team-file rules if they are not valid."""
    if not rows:
        raise TeamFileError("team: the team is empty (add at least one person)")
    check_names([r["name"] for r in rows])
    return [
        Member(
            name=r["name"].strip(),
            ability=float(r["ability"]),
            first_impression=float(r["closeness"]),
            challenge=float(r.get("challenge", DEFAULT_CHALLENGE)),
            trust_propensity=r.get("trust_propensity"),
            **{k: r[k] for k in KEPT if k in r},
        )
        for r in rows
    ]


def upload_rows(filename: str, data: bytes | str) -> list[dict]:
    """Rows from an uploaded or pasted team file (TeamFileError if it is not a valid one)."""
    return rows_from_team(parse_team_file(data, filename))


def upload_note(filename: str, data: bytes | str, lang: str) -> str:
    """What a valid team file had that the model does not read (a notes column...), or ''."""
    return read_team_file(data, filename).note(lang) or ""


def start_rows() -> list[dict]:
    return [
        {"name": n, "closeness": c, "ability": a, "challenge": DEFAULT_CHALLENGE, "trust_propensity": None}
        for n, c, a in START_ROWS
    ]


def new_name(rows: list[dict], lang: str) -> str:
    taken = {r["name"].casefold() for r in rows}
    return next(
        tl("person_n", lang, n=i)
        for i in range(len(rows) + 1, len(rows) + 1000)
        if tl("person_n", lang, n=i).casefold() not in taken
    )


# --------------------------------------------------------------------------- pictures and tables


@solara.component_vue("lab_team_circle.vue", vuetify=False)
def TeamCircle(people: list, label: str, event_place=None) -> None:
    """The team as circles around the leader; drag a circle nearer or farther to set closeness."""


# --------------------------------------------------------------------------- session state


def _fresh() -> dict[str, object]:
    return {
        "rows": start_rows(),
        "message": ("", "info"),
        "chosen": [],
        "customs": [],
        "replications": 500,
        "weeks": 52,
        "seed": 1,
        "hours": {},  # the leader's own hours per person per acting week, by intervention key
        "budget": 0.0,  # hours per week; 0: no budget
        "robustness": True,  # also run at 50% and 150% strength
        "posterior": None,  # a loaded fit (lmxsim/app/lab_fit.py): compare over its posterior draws
        "last": None,  # (comparison or None, error text, what it ran with, robustness view or None)
    }


class LabState:
    """What the leader entered and the last result, for one browser session.

    Made by the session's Page (never at module level), as the workshop's state is;
    its reactives outlive the lab component (a lazy tab, a language switch).
    """

    # One reactive per entry of _fresh(), made in __init__ (declared here for the type checker).
    rows: solara.Reactive[list[dict]]
    message: solara.Reactive[tuple[str, str]]
    chosen: solara.Reactive[list[str]]
    customs: solara.Reactive[list[Strategy]]
    replications: solara.Reactive[int]
    weeks: solara.Reactive[int]
    seed: solara.Reactive[int]
    hours: solara.Reactive[dict[str, float]]
    budget: solara.Reactive[float]
    robustness: solara.Reactive[bool]
    posterior: solara.Reactive[Posterior | None]
    last: solara.Reactive[tuple | None]

    def __init__(self) -> None:
        for name, value in _fresh().items():
            setattr(self, name, solara.reactive(value))


# --------------------------------------------------------------------------- components


def _team_files(rows: list[dict], lang: str):
    """(CSV, TOML) download callables for a valid team, None otherwise."""
    try:
        team = team_from_rows(rows)
    except (TeamFileError, ParameterError):
        return None
    return (lambda: team_csv(team, lang), lambda: team_to_toml(team))


@solara.component
def TeamEditor(rows: solara.Reactive, message: solara.Reactive, lang: str):
    """Names, closeness and believed ability per person; load, paste and save team files."""
    paste = solara.use_reactive("")
    # made once per team: a new callable on every render would cancel a download in progress
    team_files = solara.use_memo(lambda: _team_files(rows.value, lang), dependencies=[repr(rows.value), lang])

    def set_field(i: int, field: str, value) -> None:
        updated = [dict(r) for r in rows.value]
        updated[i][field] = value
        rows.set(updated)

    def remove(i: int) -> None:
        if len(rows.value) <= 1:
            message.set((tl("at_least_one", lang), "warning"))
            return
        rows.set([r for j, r in enumerate(rows.value) if j != i])

    def add() -> None:
        if len(rows.value) >= MAX_TEAM:
            message.set((tl("too_many", lang, n=MAX_TEAM), "warning"))
            return
        rows.set(
            [
                *rows.value,
                {
                    **start_rows()[0],
                    "name": new_name(rows.value, lang),
                    "closeness": 0.5,
                    "ability": DEFAULT_ABILITY,
                },
            ]
        )

    def take(filename: str, data: bytes | str) -> None:
        try:
            loaded = upload_rows(filename, data)
        except TeamFileError as error:
            message.set((f"{error}. {tl('kept', lang)}", "error"))
            return
        rows.set(loaded)
        note = upload_note(filename, data, lang)
        message.set((f"{tl('loaded', lang, n=len(loaded), file=filename)} {note}".strip(), "success"))

    def dropped(info) -> None:
        try:
            data = read_upload(info)
        except TeamFileError as error:
            message.set((f"{error}. {tl('kept', lang)}", "error"))
            return
        take(info["name"], data)

    def example() -> None:
        rows.set(rows_from_team(load_team(EXAMPLE_TEAM)))
        message.set((tl("loaded", lang, n=len(rows.value), file=EXAMPLE_TEAM.name), "success"))

    with solara.Card(tl("team", lang)):
        note(tl("team_help", lang))
        with solara.Columns([3, 2]):
            with solara.Column():
                for i, row in enumerate(rows.value):
                    with solara.Row(style={"align-items": "center"}, classes=["lab-person"]):
                        solara.InputText(
                            tl("name", lang),
                            value=row["name"],
                            on_value=partial(set_field, i, "name"),
                            style={"max-width": "160px"},
                        )
                        for field in ("closeness", "ability"):
                            solara.SliderFloat(
                                f"{tl(field, lang)} {number(row[field], lang, 2)}",
                                value=row[field],
                                min=0.0,
                                max=1.0,
                                step=0.05,
                                on_value=partial(set_field, i, field),
                            )
                        solara.Button(
                            icon_name="mdi-delete",
                            text=True,
                            on_click=lambda i=i: remove(i),
                            attributes={
                                "title": tl("remove", lang),
                                "aria-label": f"{tl('remove', lang)} {row['name']}",
                            },
                        )
                with solara.Row():
                    solara.Button(tl("add_person", lang), on_click=add, outlined=True)
                    solara.Button(tl("example_team", lang), on_click=example, text=True)
            with solara.Column():
                TeamCircle(
                    people=[{"name": r["name"], "closeness": float(r["closeness"])} for r in rows.value],
                    label=tl("drawing", lang),
                    event_place=lambda moved: set_field(
                        int(moved["index"]), "closeness", float(moved["closeness"])
                    ),
                )
        solara.FileDrop(label=tl("drop", lang), on_file=dropped, lazy=True)  # read as it arrives
        solara.InputTextArea(tl("paste", lang), value=paste, rows=3, continuous_update=True)
        with solara.Row():
            solara.Button(
                tl("paste_load", lang),
                on_click=lambda: take("pasted.csv", paste.value),
                disabled=not paste.value.strip(),
            )
            if team_files is not None:
                save_csv, save_toml = team_files
                solara.FileDownload(
                    save_csv, filename="team.csv", label=tl("save_csv", lang), mime_type="text/csv"
                )
                solara.FileDownload(save_toml, filename="team.toml", label=tl("save_toml", lang))


@solara.component
def StrategyLab(lang: str = "en", state: LabState | None = None):
    """The strategy lab: team, strategies, run, results (labels in English or Dutch).

    `state`: the session's LabState (the app's Page makes one per session); without it
    the lab keeps its own for as long as it is shown.
    """
    lang = lang if lang in ("en", "nl") else "en"
    own = solara.use_memo(LabState, [])
    state = own if state is None else state
    rows, message, chosen, customs = state.rows, state.message, state.chosen, state.customs
    replications, weeks, seed, last = state.replications, state.weeks, state.seed, state.last
    hours, budget, robust = state.hours, state.budget, state.robustness
    fit = state.posterior.value

    try:
        team = team_from_rows(rows.value)
        team_problem = ""
    except (TeamFileError, ParameterError) as error:
        team, team_problem = None, str(error)
    strategies = [
        replace(s, hours=dict(hours.value))
        for s in [ready_strategy(k) for k in chosen.value] + list(customs.value)
    ]
    signature = (
        tuple((row["name"], row["closeness"], row["ability"]) for row in rows.value),
        tuple(s.spec for s in strategies),
        replications.value,
        weeks.value,
        seed.value,
        tuple(sorted(hours.value.items())),
        robust.value,
        id(fit) if fit is not None else None,
    )

    session = _kernel_context()
    people = len(team) if team else 0
    compared = len({s.name for s in strategies} | {NOTHING})  # doing nothing is always run alongside
    runs = compared * (3 if robust.value else 1)  # the robustness view runs it twice more
    work_asked = app_work(people, weeks.value or 0, replications.value or 0, runs)
    too_much = work_asked > APP_MAX_WORK
    too_few = (replications.value or 0) < MIN_REPLICATIONS

    def work() -> None:
        owner = Owner(session)

        def progress(fraction: float) -> None:
            # Work ends with its owner: a closed or dropped tab (app/liveness.py), or a newer run
            # replacing this one, stops it between two blocks of replications (about half a second each).
            if not task.is_current() or not owner.alive():
                raise RunAbandoned
            task.progress = 100 * fraction * (1 / 3 if robust.value else 1)

        def more(fraction: float) -> None:
            progress(0.0)  # the same checks
            task.progress = 100 * (1 + 2 * fraction) / 3

        view = None
        try:
            if team is None:  # the Run button is disabled then
                raise ParameterError(team_problem)
            if too_much:
                raise ParameterError(app_work_problem(people, weeks.value, replications.value, runs))
            if too_few:
                raise ParameterError(tl("too_few", lang, min=MIN_REPLICATIONS))
            chunk = lab_chunk(people, weeks.value)
            if fit is not None:  # over the fit's posterior draws (lmxsim/fit/posterior.py)
                from lmxsim.fit.posterior import compare_over_posterior, robustness_over_posterior

                result = compare_over_posterior(
                    fit, team, strategies, replications.value, weeks.value, seed.value, progress=progress
                )
                if robust.value:
                    view = robustness_over_posterior(result, fit, team, result.strategies, progress=more)
            else:
                result = compare_strategies(
                    team,
                    strategies,
                    replications=replications.value,
                    weeks=weeks.value,
                    seed=seed.value,
                    progress=progress,
                    chunk=chunk,
                )
                if robust.value:
                    view = check_robustness(result, team, result.strategies, progress=more, chunk=chunk)
        except RunAbandoned:
            log.info("strategy comparison stopped: its session closed or a new run replaced it")
            return
        except USER_ERRORS as error:
            result, error_text = None, str(error)
        except Exception as error:  # a workshop must not show a traceback; the log keeps it
            log.exception("strategy comparison failed")
            result, error_text = None, f"{type(error).__name__}: {error}"
        else:
            error_text = ""
        # kept in the session state, so switching tabs while it runs loses nothing
        last.set((result, error_text, signature, view))

    task = solara.lab.use_task(work, dependencies=None, raise_error=False)

    with solara.Column(classes=["lmx-strategy-lab"], style={"padding-bottom": "72px"}):
        solara.HTML(tag="h3", unsafe_innerHTML=escape(tl("title", lang)))
        note(tl("intro", lang), classes=["lab-caveat"])
        # Conditional parts sit in containers that are always there: a message appearing must not
        # shift the widgets after it, or they are all rebuilt and clicks on them get lost.
        text, kind = message.value
        with solara.Column(classes=["lab-message-slot"], gap="0px"):
            if text:
                {"error": solara.Error, "warning": solara.Warning, "success": solara.Success}.get(
                    kind, solara.Info
                )(text, classes=["lab-message"])
        TeamEditor(rows, message, lang)
        with solara.Column(classes=["lab-problem-slot"], gap="0px"):
            if team_problem:
                solara.Error(team_problem, classes=["lab-team-problem"])
        FitLoader(state.posterior, [row["name"] for row in rows.value], replications.value or 0, lang)
        FitRunner(state.posterior, team, lang)
        StrategyPicker(chosen, customs, [row["name"] for row in rows.value], lang, weeks.value)
        with solara.Card(tl("run_title", lang)):
            with solara.Row(style={"flex-wrap": "wrap"}):
                solara.InputInt(tl("replications", lang), value=replications, style={"max-width": "240px"})
                solara.InputInt(tl("weeks", lang), value=weeks, style={"max-width": "120px"})
                solara.InputInt(tl("seed", lang), value=seed, style={"max-width": "160px"})
            LeaderTime(strategies, hours, budget, lang)
            solara.Checkbox(label=tl("robustness_check", lang), value=robust)
            solara.Text(
                tl("work_cap", lang, cap=number(APP_MAX_WORK, lang, 0), work=number(work_asked, lang, 0)),
                classes=["lab-work-cap"],
                style={"color": "#666", "font-size": "0.85em"},
            )
            with solara.Column(classes=["lab-run-problems"], gap="0px"):
                if not strategies:
                    solara.Text(tl("choose_one", lang), style={"color": "#666"})
                if too_few:
                    solara.Warning(tl("too_few", lang, min=MIN_REPLICATIONS), classes=["lab-too-few"])
                if too_much:
                    solara.Warning(tl("too_much", lang), classes=["lab-too-much"])
            solara.Button(
                tl("run", lang),
                color="primary",
                on_click=lambda: task(),
                disabled=task.pending or team is None or not strategies or too_much or too_few,
            )
            if task.pending:
                solara.Text(tl("running", lang))
            solara.ProgressLinear(task.progress if task.pending else False)
        if last.value is not None and not task.pending:
            comparison, failure, ran_with, view = last.value
            if failure:
                solara.Error(tl("failed", lang, error=failure), classes=["lab-failed"])
            elif comparison is not None:
                if ran_with[-1] is not None and fit is not None and ran_with[-1] == id(fit):
                    note(tl("fit_ran", lang, d=draws_used(comparison.replications), source=fit.source),
                         classes=["lab-fit-ran"])  # fmt: skip
                Results(
                    comparison,
                    lang,
                    stale=ran_with != signature,
                    view=view,
                    budget=budget.value if budget.value and budget.value > 0 else None,
                )
