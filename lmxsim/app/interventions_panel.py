"""Try an intervention live: pick who (click a person or use the list) and what, apply.

The catalogue is read at render time (interventions.CATALOGUE), so new kinds
appear without touching this file. An intervention takes effect next week;
the numbered list matches the numbered marks on the charts.
"""

from __future__ import annotations

from collections.abc import Callable
from html import escape

import solara

from lmxsim.app.i18n import intervention_title, t, target_label
from lmxsim.interventions.catalogue import CATALOGUE, GROUP_TARGETS, TEAM, Intervention

GROUPS = (*GROUP_TARGETS, TEAM)


def target_choices(names: list[str], lang: str) -> dict[str, str]:
    """Shown label -> target: every member, then the groups and the whole team."""
    choices = {name: name for name in names}
    for target in GROUPS:
        choices.setdefault(target_label(target, lang), target)
    return choices


def plans_heading(description: str, lang: str, empty: bool) -> str:
    """The chosen kind's description, the heading of the planned list and, if empty, "none yet"."""
    parts = [f'<span class="lmx-help">{escape(description)}</span>'] if description else []
    parts.append(f'<span class="lmx-label">{escape(t("planned", lang))}</span>')
    if empty:
        parts.append(f'<span class="lmx-muted">{escape(t("none_yet", lang))}</span>')
    return "".join(parts)


@solara.component
def InterventionsPanel(
    workshop,
    lang: str,
    who: str,
    on_who: Callable[[str], None],
    on_change: Callable[[], None],
    version: solara.Reactive | None = None,
    chosen_kind: solara.Reactive[str] | None = None,
    last_result: solara.Reactive[tuple[str, str]] | None = None,
):
    """Choose who and what, apply from next week, and see what is planned.

    `chosen_kind` and `last_result` may be owned by the page, so they survive the panel
    moving when the twin view changes the layout.
    """
    if version is not None:
        version.value  # noqa: B018 - subscribe: the page moves it when the plans (or the team) change
    own_kind = solara.use_reactive(next(iter(CATALOGUE), ""))
    own_result = solara.use_reactive(("", ""))
    kind_state = chosen_kind if chosen_kind is not None else own_kind
    result_state = last_result if last_result is not None else own_result
    kind, set_kind = kind_state.value, kind_state.set
    result, set_result = result_state.value, result_state.set  # (kind of message, text)
    choices = target_choices(workshop.names, lang)
    labels = {target: label for label, target in choices.items()}
    kinds = getattr(workshop, "kinds", CATALOGUE)  # the room's exercise may allow fewer
    titles = {intervention_title(cls, lang): key for key, cls in kinds.items()}
    if kind not in kinds and kinds:
        kind = next(iter(kinds))

    def apply() -> None:
        outcome = workshop.apply(kind, who)
        # kept as what happened, worded when shown: a language switch rewords it (no stale English)
        if isinstance(outcome, Intervention):
            set_result(("ok", f"{kind}|{who}|{outcome.start}"))
        else:
            set_result(("error", str(outcome)))
        on_change()

    with solara.Div(classes=["lmx-tab-body", "lmx-interventions"]):
        solara.Text(t("click_hint", lang), classes=["lmx-help"])
        solara.Select(
            t("who", lang),
            values=list(choices),
            value=labels.get(who),
            on_value=lambda label: on_who(choices[label]),
        )
        current = next((title for title, key in titles.items() if key == kind), None)
        solara.Select(
            t("what", lang), values=list(titles), value=current, on_value=lambda v: set_kind(titles[v])
        )
        solara.Button(
            t("apply", lang),
            on_click=apply,
            color="primary",
            disabled=who not in choices.values() or not kind,
            classes=["lmx-big-button"],
        )
        if result[0] == "ok":
            done, target, start = result[1].split("|")
            title = intervention_title(CATALOGUE[done], lang) if done in CATALOGUE else done
            text = t("applied", lang, title=title, target=labels.get(target, target), start=start)
            solara.Success(text, dense=True)
        elif result[0] == "error":
            solara.Error(t("bad_intervention", lang, error=result[1]), dense=True)
        # What the chosen kind does, the list's heading and "none yet": one element, not three
        # (every widget is a message when a page opens, and a room of 30 opens at once).
        description = CATALOGUE[kind].description if kind in CATALOGUE else {}
        planned = workshop.intervention_starts()
        solara.HTML(
            tag="div",
            unsafe_innerHTML=plans_heading(
                description.get(lang) or description.get("en", ""), lang, not planned
            ),
        )
        for number, plan in enumerate(planned, start=1):
            cls = CATALOGUE.get(plan.key)
            title = intervention_title(cls, lang) if cls else plan.key
            solara.Text(
                f"{number}. {t('week', lang, week=plan.start)}: {title} → {target_label(plan.target, lang)}",
                classes=["lmx-plan"],
            )
