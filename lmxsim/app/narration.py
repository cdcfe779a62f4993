"""The event log: plain-language sentences about what changed this week.

Events come from comparing each member's state with last week's (group,
phase, speaking up about problems, fires) plus the interventions that start.
Noise near a group boundary would make the same sentence every other week,
so a sentence about a member is not repeated within QUIET_WEEKS.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

import solara

from lmxsim.app.i18n import intervention_title, t, target_label
from lmxsim.interventions.catalogue import CATALOGUE

QUIET_WEEKS = 6
SILENT_AFTER = 3  # problems kept hidden in a row before we say someone stopped reporting
SPEAKS_AFTER = 2  # problems reported in a row before we say someone speaks up again
SHOWN = 12  # lines shown in the app, newest first


@dataclass(frozen=True)
class Event:
    """One thing that happened: `kind` picks the sentence, `name` is a member (or a target)."""

    week: int
    kind: str
    name: str
    key: str = ""  # intervention key, for ev_intervention
    count: int = 0  # for ev_fire: how many fires flared up this week


@dataclass
class _Seen:
    group: str
    phase: str
    hidden: int
    silent: bool = False
    hidden_in_a_row: int = 0
    reported_in_a_row: int = 0


class Narrator:
    """Remembers last week's state of every member and turns differences into Events."""

    def __init__(self, model) -> None:
        self.events: list[Event] = []
        self._seen = {e.name: self._look(e) for e in model.employees}
        self._last_said: dict[tuple[str, str], int] = {}
        self._started: set[int] = set()

    @staticmethod
    def _look(member) -> _Seen:
        return _Seen(member.group_name, member.phase_name, int(member.hidden_stock))

    def _fresh(self, week: int, name: str, kind: str) -> bool:
        last = self._last_said.get((name, kind))
        return last is None or week - last >= QUIET_WEEKS

    def _say(self, week: int, kind: str, name: str, key: str = "") -> None:
        if not self._fresh(week, name, kind):
            return
        self._last_said[(name, kind)] = week
        self.events.append(Event(week, kind, name, key))

    def observe(self, model) -> list[Event]:
        """Call after each week; returns (and keeps) this week's events."""
        week = model.week
        before = len(self.events)
        for intervention in model.interventions:
            if intervention.start == week and id(intervention) not in self._started:
                self._started.add(id(intervention))
                self.events.append(Event(week, "ev_intervention", intervention.target, intervention.key))
        for member in model.employees:
            seen, now = self._seen[member.name], self._look(member)
            self._group_change(week, member.name, seen.group, now.group)
            if now.phase != seen.phase:
                kind = {"acquaintance": "ev_acquaintance", "mature": "ev_mature"}.get(
                    now.phase, "ev_start_over"
                )
                if not (kind == "ev_acquaintance" and seen.phase == "mature"):
                    self._say(week, kind, member.name)
            self._speaking_up(week, member, seen, now)
            self._seen[member.name] = now
        burning = [m for m in model.employees if m.fire]
        if burning:  # one line a week that sums the fires, however many members they are
            count = sum(int(m.fire) for m in burning)
            self.events.append(Event(week, "ev_fire", ", ".join(m.name for m in burning), count=count))
        return self.events[before:]

    def _speaking_up(self, week: int, member, seen: _Seen, now: _Seen) -> None:
        """Whether a member still brings problems to the leader, with some patience for chance."""
        now.silent = seen.silent
        if member.problems_reported:
            now.reported_in_a_row = seen.reported_in_a_row + 1
            if seen.silent and now.reported_in_a_row >= SPEAKS_AFTER:
                now.silent = False
                self._say(week, "ev_speaks", member.name)
            return
        now.reported_in_a_row = seen.reported_in_a_row
        hid = now.hidden > seen.hidden - int(member.fire)  # a new problem went unreported
        now.hidden_in_a_row = seen.hidden_in_a_row + 1 if hid else seen.hidden_in_a_row
        if hid:
            now.reported_in_a_row = 0
        if not seen.silent and now.hidden_in_a_row >= SILENT_AFTER:
            now.silent = True
            self._say(week, "ev_silent", member.name)

    def _group_change(self, week: int, name: str, old: str, new: str) -> None:
        if new == old:
            return
        if new == "in":
            self._say(week, "ev_in", name)
        elif new == "out":
            self._say(week, "ev_out", name)
        elif old == "out":
            self._say(week, "ev_up_from_out", name)
        else:
            self._say(week, "ev_down_from_in", name)


def describe(event: Event, lang: str) -> str:
    """'week 9: Sam stops reporting problems' in the chosen language."""
    if event.kind == "ev_intervention":
        cls = CATALOGUE.get(event.key)
        title = intervention_title(cls, lang) if cls else event.key
        text = t("ev_intervention", lang, title=title, target=target_label(event.name, lang))
    elif event.kind == "ev_fire" and event.count > 1:
        text = t("ev_fires", lang, count=event.count, name=event.name)
    else:
        text = t(event.kind, lang, name=event.name)
    return t("log_line", lang, week=event.week, text=text)


# How a line looks: group changes and interventions stand out, fires step back.
STYLE = {
    "ev_intervention": "lmx-log-intervention",
    "ev_in": "lmx-log-group",
    "ev_out": "lmx-log-group",
    "ev_up_from_out": "lmx-log-group",
    "ev_down_from_in": "lmx-log-group",
    "ev_fire": "lmx-log-fire",
}


@solara.component
def EventLog(workshop, lang: str, version: solara.Reactive | None = None):
    """The newest events first, a short list the room can read; fires can be hidden.

    The page moves `version` when a sentence is added or the team is rebuilt."""
    if version is not None:
        version.value  # noqa: B018 - subscribe to changes of the log
    show_fires = solara.use_reactive(True)
    with workshop.lock:
        events = list(workshop.narrator.events)
    if not show_fires.value:
        events = [e for e in events if e.kind != "ev_fire"]
    with solara.Card(classes=["lmx-card", "lmx-narration"]):
        with solara.Row(justify="space-between", style={"align-items": "center"}):
            solara.Text(t("narration", lang), classes=["lmx-card-title"])
            solara.Switch(label=t("show_fires", lang), value=show_fires, classes=["lmx-fire-filter"])
        # One widget for all the lines (and for "nothing yet"): a new sentence is one message. As a
        # widget per line, a new line at the top re-texted every line below it (a message per line
        # each week: in a room of 30 most of the server's traffic), and keyed lines opened and
        # closed widgets instead.
        solara.HTML(tag="div", unsafe_innerHTML=log_html(events[-SHOWN:], lang), classes=["lmx-log"])


def log_html(events: list[Event], lang: str) -> str:
    """The lines, newest first, each with its kind's class (group changes bold, fires dark red)."""
    if not events:
        return f'<div class="lmx-muted">{escape(t("nothing_yet", lang))}</div>'
    lines = []
    for event in reversed(events):
        kind = STYLE.get(event.kind, "lmx-log-other")
        lines.append(f'<div class="lmx-log-line {kind}">{escape(describe(event, lang))}</div>')
    return "".join(lines)
