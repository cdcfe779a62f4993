"""The strategy lab tab: describe your team, choose strategies, compare them over many replications.

`StrategyLab(lang)` is self-contained: its state (LabState) is per browser
session and survives the tab being hidden. Rendering is offline-safe: plain
Solara widgets, HTML strings, matplotlib PNGs and one small Vue template
(lab_team_circle.vue: the team as circles to drag nearer or farther). Bad team files or
pasted text only produce a message; the team being edited is never replaced
by something invalid.
"""

from __future__ import annotations

import logging
from html import escape

import solara

from lmxsim.app.i18n_lab import TARGET_LABELS, tl
from lmxsim.app.lab_tables import gains_html, outcomes_html
from lmxsim.app.uploads import read_upload
from lmxsim.interventions import CATALOGUE, InterventionError
from lmxsim.limits import APP_MAX_WORK, app_work, app_work_problem
from lmxsim.output import csv_text
from lmxsim.packaged import EXAMPLE_TEAM
from lmxsim.params import ParameterError
from lmxsim.spec import parse_spec
from lmxsim.strategies import (
    NOTHING,
    READY_NAMES,
    Comparison,
    Strategy,
    compare_strategies,
    custom_strategy,
    ready_strategy,
)
from lmxsim.strategy_report import conclusions, figure_member_gains, figure_outcomes, number, png_bytes
from lmxsim.team import MAX_TEAM, Member
from lmxsim.teamfile import (
    DEFAULT_ABILITY,
    DEFAULT_CHALLENGE,
    TeamFileError,
    check_names,
    load_team,
    parse_team_file,
    read_team_file,
    team_to_csv,
    team_to_toml,
)

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
    try:
        from solara.server import kernel_context

        return kernel_context.get_current_context()
    except Exception:  # no session: nothing to watch
        return None


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
    word = "Persoon" if lang == "nl" else "Person"
    return next(
        f"{word} {i}" for i in range(len(rows) + 1, len(rows) + 1000) if f"{word} {i}".casefold() not in taken
    )


# --------------------------------------------------------------------------- pictures and tables


@solara.component_vue("lab_team_circle.vue", vuetify=False)
def TeamCircle(people: list, label: str, event_place=None) -> None:
    """The team as circles around the leader; drag a circle nearer or farther to set closeness."""


def strategy_label(strategy: Strategy, lang: str) -> str:
    return f"{strategy.title.get(lang) or strategy.name}: {strategy.describe(lang)}"


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
        "last": None,  # (comparison or None, error text, what it ran with)
    }


class LabState:
    """What the leader entered and the last result, per browser session.

    Module-level `solara.reactive`s are scoped to the session (kernel) by
    solara-server and, unlike component state, survive the lab being
    unmounted (a lazy tab, a page rebuilt on a language switch).
    """

    def __init__(self) -> None:
        for name, value in _fresh().items():
            setattr(self, name, solara.reactive(value))


STATE = LabState()


# --------------------------------------------------------------------------- components


def heading(text: str) -> None:
    solara.HTML(tag="h4", unsafe_innerHTML=escape(text), style="margin:14px 0 4px 0")


def note(text: str, classes: list[str] | None = None) -> None:
    solara.HTML(
        tag="div", unsafe_innerHTML=escape(text), style="color:#555;margin-bottom:6px", classes=classes or []
    )


@solara.component
def TeamEditor(rows: solara.Reactive, message: solara.Reactive, lang: str):
    """Names, closeness and believed ability per person; load, paste and save team files."""
    paste = solara.use_reactive("")

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
        with solara.Columns([2, 1]):
            with solara.Column():
                for i, row in enumerate(rows.value):
                    with solara.Row(style={"align-items": "center"}, classes=["lab-person"]):
                        solara.InputText(
                            tl("name", lang),
                            value=row["name"],
                            on_value=lambda v, i=i: set_field(i, "name", v),
                            style={"max-width": "160px"},
                        )
                        for field in ("closeness", "ability"):
                            solara.SliderFloat(
                                f"{tl(field, lang)} {number(row[field], lang, 2)}",
                                value=row[field],
                                min=0.0,
                                max=1.0,
                                step=0.05,
                                on_value=lambda v, i=i, field=field: set_field(i, field, v),
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
            try:
                team = team_from_rows(rows.value)
            except (TeamFileError, ParameterError):
                team = None
            if team is not None:
                solara.FileDownload(
                    lambda: team_to_csv(team),
                    filename="team.csv",
                    label=tl("save_csv", lang),
                    mime_type="text/csv",
                )
                solara.FileDownload(
                    lambda: team_to_toml(team), filename="team.toml", label=tl("save_toml", lang)
                )


@solara.component
def StrategyPicker(
    chosen: solara.Reactive, customs: solara.Reactive, names: list[str], lang: str, weeks: int
):
    """Ready strategies as checkboxes, plus a builder for the leader's own combination."""
    kind = solara.use_reactive(next(iter(CATALOGUE)))
    target = solara.use_reactive("team")
    start = solara.use_reactive(1)
    every = solara.use_reactive(0)
    steps = solara.use_reactive([])
    name = solara.use_reactive("")
    problem = solara.use_reactive("")

    def toggle(key: str, on: bool) -> None:
        chosen.set([k for k in READY_NAMES if (k in chosen.value and k != key) or (k == key and on)])

    def add_step() -> None:
        spec = f"{kind.value}:{target.value}@{start.value}" + (f"/{every.value}" if every.value else "")
        try:
            parse_spec(spec)
        except InterventionError as error:
            problem.set(str(error))
            return
        problem.set("")
        steps.set([*steps.value, spec])

    def add_strategy() -> None:
        label = name.value.strip() or " + ".join(steps.value)
        if any(s.name == label for s in customs.value) or label in READY_NAMES:
            problem.set(f"{label!r}: {'bestaat al' if lang == 'nl' else 'already exists'}")
            return
        try:
            strategy = custom_strategy(steps.value, label)
        except InterventionError as error:
            problem.set(str(error))
            return
        customs.set([*customs.value, strategy])
        steps.set([])
        name.set("")
        problem.set("")

    with solara.Card(tl("strategies", lang)):
        note(tl("baseline_note", lang))
        for key in READY_NAMES:
            if key == NOTHING:
                continue
            strategy = ready_strategy(key)
            solara.Checkbox(
                label=strategy_label(strategy, lang),
                value=key in chosen.value,
                on_value=lambda on, key=key: toggle(key, on),
            )
        for strategy in customs.value:
            with solara.Row(style={"align-items": "center"}):
                solara.Text(f"✓ {strategy.name}: {strategy.describe(lang)}")
                solara.Button(
                    icon_name="mdi-delete",
                    text=True,
                    on_click=lambda s=strategy: customs.set([c for c in customs.value if c.name != s.name]),
                )
        heading(tl("custom", lang))
        kinds = {cls.title.get(lang, key): key for key, cls in CATALOGUE.items()}
        targets = {TARGET_LABELS[g][lang]: g for g in ("team", "out-group", "middle", "in-group")}
        targets.update({n: n for n in names if n not in targets})
        with solara.Row(style={"flex-wrap": "wrap", "align-items": "center"}):
            solara.Select(
                tl("intervention", lang),
                values=list(kinds),
                value=next(t for t, k in kinds.items() if k == kind.value),
                on_value=lambda v: kind.set(kinds[v]),
                style={"min-width": "220px"},
            )
            shown_target = next((t for t, k in targets.items() if k == target.value), next(iter(targets)))
            solara.Select(
                tl("target", lang),
                values=list(targets),
                value=shown_target,
                on_value=lambda v: target.set(targets[v]),
                style={"min-width": "160px"},
            )
            solara.InputInt(tl("start", lang), value=start, style={"max-width": "110px"})
            solara.InputInt(tl("every", lang), value=every, style={"max-width": "220px"})
            solara.Button(tl("add_step", lang), on_click=add_step, outlined=True)
        if steps.value:
            for spec in steps.value:
                solara.Text(f"• {spec}")
        else:
            solara.Text(tl("no_steps", lang), style={"color": "#666"})
        with solara.Row(style={"align-items": "center"}):
            solara.InputText(tl("strategy_name", lang), value=name, style={"max-width": "260px"})
            solara.Button(tl("add_strategy", lang), on_click=add_strategy, disabled=not steps.value)
            solara.Button(
                tl("clear_steps", lang), on_click=lambda: steps.set([]), text=True, disabled=not steps.value
            )
        if problem.value:
            solara.Error(problem.value)
        if weeks and start.value and start.value > weeks:
            solara.Warning(f"{tl('start', lang)} {start.value} > {tl('weeks', lang).lower()} {weeks}")


@solara.component
def Results(comparison: Comparison, lang: str, stale: bool):
    """Intervals per strategy, gains per person, conclusions in words, figures and downloads."""
    outcomes_fig = solara.use_memo(lambda: figure_outcomes(comparison, lang), dependencies=[comparison, lang])
    gains_fig = solara.use_memo(
        lambda: figure_member_gains(comparison, lang), dependencies=[comparison, lang]
    )
    texts = solara.use_memo(lambda: conclusions(comparison, lang), dependencies=[comparison, lang])
    with solara.Card(tl("results", lang)):
        note(
            tl(
                "ran",
                lang,
                s=len(comparison.strategies),
                r=comparison.replications,
                w=comparison.weeks,
                n=len(comparison.names),
                seed=comparison.seed,
                sec=comparison.seconds,
            ),
            classes=["lab-ran"],
        )
        if stale:
            solara.Warning(tl("stale", lang))
        heading(tl("conclusions", lang))
        solara.HTML(
            tag="div",
            unsafe_innerHTML="".join(f"<p>{escape(p)}</p>" for p in texts),
            classes=["lab-conclusions"],
        )
        heading(tl("outcomes", lang))
        note(tl("outcomes_help", lang))
        solara.HTML(tag="div", unsafe_innerHTML=outcomes_html(comparison, lang))
        solara.FigureMatplotlib(outcomes_fig, format="png", dependencies=[comparison, lang])
        heading(tl("people", lang))
        note(tl("people_help", lang, w=comparison.checkpoints[-1]))
        solara.HTML(tag="div", unsafe_innerHTML=gains_html(comparison, lang))
        solara.FigureMatplotlib(gains_fig, format="png", dependencies=[comparison, lang])
        heading(tl("export", lang))
        with solara.Row(style={"flex-wrap": "wrap"}):
            solara.FileDownload(
                lambda: csv_text(comparison.summary()),
                "summary.csv",
                label="summary.csv",
                mime_type="text/csv",
            )
            solara.FileDownload(
                lambda: csv_text(comparison.member_gains()),
                "member_gains.csv",
                label="member_gains.csv",
                mime_type="text/csv",
            )
            solara.FileDownload(
                lambda: csv_text(comparison.replication_table()),
                "replications.csv",
                label="replications.csv",
                mime_type="text/csv",
            )
            solara.FileDownload(
                lambda: png_bytes(outcomes_fig), "outcomes.png", label="outcomes.png", mime_type="image/png"
            )
            solara.FileDownload(
                lambda: png_bytes(gains_fig),
                "member_gains.png",
                label="member_gains.png",
                mime_type="image/png",
            )
            solara.FileDownload(
                lambda: "\n\n".join(texts) + "\n", f"conclusions_{lang}.txt", label=f"conclusions_{lang}.txt"
            )


@solara.component
def StrategyLab(lang: str = "en", state: LabState | None = None):
    """The strategy lab: team, strategies, run, results (labels in English or Dutch).

    `state` defaults to the session's LabState; tests pass their own.
    """
    lang = lang if lang in ("en", "nl") else "en"
    state = STATE if state is None else state
    rows, message, chosen, customs = state.rows, state.message, state.chosen, state.customs
    replications, weeks, seed, last = state.replications, state.weeks, state.seed, state.last

    try:
        team = team_from_rows(rows.value)
        team_problem = ""
    except (TeamFileError, ParameterError) as error:
        team, team_problem = None, str(error)
    strategies = [ready_strategy(k) for k in chosen.value] + list(customs.value)
    signature = (
        tuple((r["name"], r["closeness"], r["ability"]) for r in rows.value),
        tuple(s.spec for s in strategies),
        replications.value,
        weeks.value,
        seed.value,
    )

    session = _kernel_context()
    people = len(team) if team else 0
    compared = len({s.name for s in strategies} | {NOTHING})  # doing nothing is always run alongside
    work_asked = app_work(people, weeks.value or 0, replications.value or 0, compared)
    too_much = work_asked > APP_MAX_WORK

    def work() -> None:
        def progress(fraction: float) -> None:
            # Work ends with its owner: a closed tab, or a newer run replacing this one, stops it
            # between two blocks of replications (each about half a second of work).
            if not task.is_current() or (session is not None and session.closed_event.is_set()):
                raise RunAbandoned
            task.progress = 100 * fraction

        try:
            if too_much:
                raise ParameterError(
                    app_work_problem(people, weeks.value, replications.value, len(strategies))
                )
            result = compare_strategies(
                team,
                strategies,
                replications=replications.value,
                weeks=weeks.value,
                seed=seed.value,
                progress=progress,
                chunk=lab_chunk(people, weeks.value),
            )
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
        last.set((result, error_text, signature))

    task = solara.lab.use_task(work, dependencies=None, raise_error=False)

    with solara.Column(classes=["lmx-strategy-lab"]):
        solara.HTML(tag="h3", unsafe_innerHTML=escape(tl("title", lang)))
        note(tl("intro", lang))
        text, kind = message.value
        if text:
            {"error": solara.Error, "warning": solara.Warning, "success": solara.Success}.get(
                kind, solara.Info
            )(text, classes=["lab-message"])
        TeamEditor(rows, message, lang)
        if team_problem:
            solara.Error(team_problem, classes=["lab-team-problem"])
        StrategyPicker(chosen, customs, [r["name"] for r in rows.value], lang, weeks.value)
        with solara.Card(tl("run_title", lang)):
            with solara.Row(style={"flex-wrap": "wrap"}):
                solara.InputInt(tl("replications", lang), value=replications, style={"max-width": "240px"})
                solara.InputInt(tl("weeks", lang), value=weeks, style={"max-width": "120px"})
                solara.InputInt(tl("seed", lang), value=seed, style={"max-width": "160px"})
            if not strategies:
                solara.Text(tl("choose_one", lang), style={"color": "#666"})
            solara.Text(
                tl("work_cap", lang, cap=f"{APP_MAX_WORK:,}", work=f"{work_asked:,}"),
                classes=["lab-work-cap"],
                style={"color": "#666", "font-size": "0.85em"},
            )
            if too_much:
                solara.Warning(tl("too_much", lang), classes=["lab-too-much"])
            solara.Button(
                tl("run", lang),
                color="primary",
                on_click=lambda: task(),
                disabled=task.pending or team is None or not strategies or too_much,
            )
            if task.pending:
                solara.Text(tl("running", lang))
            solara.ProgressLinear(task.progress if task.pending else False)
        if last.value is not None and not task.pending:
            comparison, error, ran_with = last.value
            if error:
                solara.Error(tl("failed", lang, error=error), classes=["lab-failed"])
            elif comparison is not None:
                Results(comparison, lang, stale=ran_with != signature)
