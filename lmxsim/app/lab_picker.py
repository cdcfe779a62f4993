"""The strategy lab's strategy picker: ready strategies as checkboxes and a builder for one's own."""

from __future__ import annotations

from functools import partial

import solara

from lmxsim.app.decimal_input import DecimalInput
from lmxsim.app.i18n_lab import TARGETS, target_label, tl
from lmxsim.app.lab_results import heading, note
from lmxsim.interventions.catalogue import CATALOGUE, InterventionError
from lmxsim.interventions.spec import parse_spec
from lmxsim.lab.strategies import (
    NOTHING,
    READY_NAMES,
    Strategy,
    custom_strategy,
    ready_strategy,
)


def strategy_label(strategy: Strategy, lang: str) -> str:
    return f"{strategy.title.get(lang) or strategy.name}: {strategy.describe(lang)}"


@solara.component
def StrategyPicker(
    chosen: solara.Reactive, customs: solara.Reactive, names: list[str], lang: str, weeks: int
):
    """Ready strategies as checkboxes, plus a builder for the leader's own combination."""
    kind = solara.use_reactive(next(iter(CATALOGUE)))
    target = solara.use_reactive("team")
    start = solara.use_reactive(1)
    every = solara.use_reactive(0)
    steps: solara.Reactive[list[str]] = solara.use_reactive([])  # intervention specs
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
            problem.set(tl("exists", lang, name=label))
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
                on_value=partial(toggle, key),
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
        targets = {target_label(g, lang): g for g in TARGETS}
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
def LeaderTime(strategies: list[Strategy], hours: solara.Reactive, budget: solara.Reactive, lang: str):
    """The leader's hours per intervention the chosen strategies use (editable), and a time budget."""
    kinds = {i.key: type(i) for s in strategies for i in s.interventions}
    with solara.Row(style={"flex-wrap": "wrap", "align-items": "center"}, classes=["lab-hours"]):
        for key, kind in kinds.items():
            DecimalInput(
                tl("hours_field", lang, kind=kind.title.get(lang, key)),
                value=float(hours.value.get(key, kind.hours)),
                on_value=lambda v, key=key: hours.set({**hours.value, key: v}),
                lang=lang,
                style={"max-width": "230px"},
            ).key(f"hours-{key}")
        DecimalInput(
            tl("budget", lang),
            value=float(budget.value or 0),
            on_value=budget.set,
            lang=lang,
            style={"max-width": "260px"},
            classes=["lab-budget"],
        ).key("budget")
    if kinds:
        solara.Text(tl("hours_title", lang), style={"color": "#666", "font-size": "0.85em"})
