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

from lmxsim.app.i18n import intervention_title, number, t, target_label
from lmxsim.interventions.catalogue import CATALOGUE
from lmxsim.team.expect import Expectations

QUIET_WEEKS = 6
SILENT_AFTER = 3  # problems kept hidden in a row before we say someone stopped reporting
SPEAKS_AFTER = 2  # problems reported in a row before we say someone speaks up again
# The story of a run: interventions, group and phase changes and the preset's claims are kept on
# screen for the whole run (one line per week, newest first); the full history (also fires and
# speaking up) follows below it, one scroll away. Recurring events are folded: one sentence per
# week and kind that names everyone ("3 fires this week: An, Bram, Sam").
GROUP_KINDS = ("ev_in", "ev_out", "ev_up_from_out", "ev_down_from_in")
STORY_KINDS = ("ev_intervention", *GROUP_KINDS, "ev_acquaintance", "ev_claim")


@dataclass(frozen=True)
class Event:
    """One thing that happened: `kind` picks the sentence, `name` is a member (or a target)."""

    week: int
    kind: str
    name: str
    key: str = ""  # intervention key (ev_intervention); which claim (ev_claim)
    count: int = 0  # ev_fire: how many fires flared up this week; ev_claim: 1 held, 0 did not
    other: str = ""  # ev_claim: the second list of names, or the number the claim names


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

    def __init__(self, model, expect: Expectations | None = None) -> None:
        self.events: list[Event] = []
        self._seen = {e.name: self._look(e) for e in model.employees}
        self._last_said: dict[tuple[str, str], int] = {}
        self._started: set[int] = set()
        names = set(self._seen)
        # the preset's [expect] claims, only for the preset's own team (a team file tells another story)
        wanted = (*getattr(expect, "in_group", ()), *getattr(expect, "out_group", ()))
        wanted += (*getattr(expect, "ahead", ()), *getattr(expect, "behind", ()))
        self._expect: Expectations | None = expect if expect is not None and set(wanted) <= names else None
        self._early_spread: float | None = None
        self._fires = 0
        self._safety_max = 0.0

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

    def observe(self, model, last_week: int | None = None) -> list[Event]:
        """Call after each week; returns (and keeps) this week's events.

        `last_week` (the run's end) is when the story's end-of-run claims are checked."""
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
        self._claims(model, week, last_week)
        return self.events[before:]

    def _claims(self, model, week: int, last_week: int | None) -> None:
        """Say at the story's week (and at the end) whether what the story claims happened in this run."""
        expect = self._expect
        if expect is None:
            return
        self._fires += int(getattr(model, "fires", 0) or 0)
        spread = float(getattr(model, "differentiation", 0.0) or 0.0)
        if week == 4 or (last_week is not None and week == min(4, last_week)):
            self._early_spread = spread
        by = expect.by_week if expect.by_week is not None else (last_week or 0) // 2
        if week >= by and expect.safety_below is not None:
            safety = [float(getattr(e, "safety", 0.0)) for e in model.employees]
            self._safety_max = max(self._safety_max, sum(safety) / max(len(safety), 1))
        groups = {e.name: e.group_name for e in model.employees}
        if week in (by, last_week):  # said at the story's week; at the end only if it broke
            for key, names in (("in", expect.in_group), ("out", expect.out_group)):
                for name in names:
                    held = groups.get(name) == key
                    if week == by or not held:
                        self._claim(week, key, name, held)
        if week != last_week:
            return
        if expect.spread_grows and self._early_spread is not None:
            self._claim(week, "spread", "", spread > self._early_spread)
        if expect.ahead:
            lmx = {e.name: float(e.lmx) for e in model.employees}
            first = sum((lmx[n] for n in expect.ahead), 0.0) / len(expect.ahead)
            second = sum((lmx[n] for n in expect.behind), 0.0) / max(len(expect.behind), 1)
            self._claim(week, "ahead", ", ".join(expect.ahead), first > second, ", ".join(expect.behind))
            if expect.gap_above is not None:
                held = first - second > expect.gap_above
                other = f"{', '.join(expect.behind)}|{expect.gap_above:g}"
                self._claim(week, "gap", ", ".join(expect.ahead), held, other)
        if expect.safety_below is not None:
            self._claim(
                week, "safety", "", self._safety_max < expect.safety_below, f"{expect.safety_below:g}"
            )
        if expect.fires_at_least is not None:
            self._claim(
                week,
                "fires",
                "",
                self._fires >= expect.fires_at_least,
                f"{expect.fires_at_least}|{self._fires}",
            )

    def _claim(self, week: int, key: str, name: str, held: bool, other: str = "") -> None:
        self.events.append(Event(week, "ev_claim", name, key=key, count=int(held), other=other))

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


def _names(names: list[str]) -> str:
    return ", ".join(names)


def _claim(event: Event, lang: str) -> str:
    """What the story claims, in words: 'An is in the out-group'."""
    if event.key == "fires":
        wanted, seen = event.other.split("|")
        return t("claim_fires", lang, n=wanted, seen=seen)
    if event.key == "safety":
        return t("claim_safety", lang, other=number(float(event.other), lang, 1))
    if event.key == "ahead":
        return t("claim_ahead", lang, names=event.name, other=event.other)
    if event.key == "gap":
        behind, value = event.other.split("|")
        return t("claim_gap", lang, names=event.name, other=behind, value=number(float(value), lang, 2))
    return t(f"claim_{event.key}", lang, name=event.name)


def _claim_text(event: Event, lang: str) -> str:
    """The claim, and whether this run kept it."""
    return t("ev_claim_held" if event.count else "ev_claim_missed", lang, claim=_claim(event, lang))


def sentence(event: Event, lang: str) -> str:
    """The event in words, without its week: 'Sam stops reporting problems'."""
    if event.kind == "ev_intervention":
        cls = CATALOGUE.get(event.key)
        title = intervention_title(cls, lang) if cls else event.key
        return t("ev_intervention", lang, title=title, target=target_label(event.name, lang))
    if event.kind == "ev_claim":
        return _claim_text(event, lang)
    if event.kind == "ev_fire" and event.count > 1:
        return t("ev_fires", lang, count=event.count, name=event.name)
    return t(event.kind, lang, name=event.name)


def describe(event: Event, lang: str) -> str:
    """'week 9: Sam stops reporting problems' in the chosen language."""
    return t("log_line", lang, week=event.week, text=sentence(event, lang))


# How a part of a line looks: group changes and interventions stand out, claims are marked, fires
# step back.
STYLE = {
    "ev_intervention": "lmx-log-intervention",
    "ev_in": "lmx-log-group",
    "ev_out": "lmx-log-group",
    "ev_up_from_out": "lmx-log-group",
    "ev_down_from_in": "lmx-log-group",
    "ev_claim": "lmx-log-claim",
    "ev_fire": "lmx-log-fire",
}
FOLDED = (*GROUP_KINDS, "ev_acquaintance", "ev_mature", "ev_start_over", "ev_silent", "ev_speaks")


def _fold(kind: str, names: list[str], lang: str) -> str:
    """Several members with the same recurring event in one week: one sentence that names them all."""
    if len(names) == 1:
        return t(kind, lang, name=names[0])
    return t(f"{kind}_many", lang, count=len(names), names=_names(names))


def _week_parts(events: list[Event], lang: str, fires: bool = True) -> list[tuple[str, str]]:
    """One week's events as (class, sentence), the recurring kinds folded into one sentence each."""
    parts: list[tuple[str, str]] = []
    folded: dict[str, list[str]] = {}
    claims: dict[int, list[str]] = {}  # held (1) or not (0) -> the claims, in words
    for event in events:
        if event.kind in FOLDED:
            folded.setdefault(event.kind, []).append(event.name)
        elif event.kind == "ev_claim":
            claims.setdefault(event.count, []).append(_claim(event, lang))
        elif event.kind != "ev_fire" or fires:
            parts.append((STYLE.get(event.kind, "lmx-log-other"), sentence(event, lang)))
    parts += [
        (STYLE.get(kind, "lmx-log-other"), _fold(kind, folded[kind], lang))
        for kind in FOLDED
        if kind in folded
    ]
    for held, said in sorted(claims.items(), reverse=True):
        text = t("ev_claim_held" if held else "ev_claim_missed", lang, claim="; ".join(said))
        parts.append(("lmx-log-claim", text))
    return parts


def _by_week(events: list[Event]) -> list[tuple[int, list[Event]]]:
    weeks: dict[int, list[Event]] = {}
    for event in events:
        weeks.setdefault(event.week, []).append(event)
    return sorted(weeks.items(), key=lambda item: -item[0])


def story_lines(events: list[Event], lang: str) -> list[tuple[int, list[tuple[str, str]]]]:
    """The story, one line per week, newest first: [(week, [(class, sentence), ...]), ...]."""
    story = [e for e in events if e.kind in STORY_KINDS]
    return [(week, _week_parts(said, lang)) for week, said in _by_week(story)]


def history_lines(events: list[Event], lang: str, fires: bool = True) -> list[tuple[int, str, str]]:
    """Everything that happened, newest first, recurring events folded: [(week, class, sentence)]."""
    return [
        (week, kind, text) for week, said in _by_week(events) for kind, text in _week_parts(said, lang, fires)
    ]


@solara.component
def EventLog(workshop, lang: str, version: solara.Reactive | None = None):
    """The story of the run on top (kept for the whole run), the full history one scroll below.

    The page moves `version` when a sentence is added or the team is rebuilt."""
    if version is not None:
        version.value  # noqa: B018 - subscribe to changes of the log
    show_fires = solara.use_reactive(True)
    with workshop.lock:
        events = list(workshop.narrator.events)
    with solara.Card(classes=["lmx-card", "lmx-narration"]):
        with solara.Row(justify="space-between", style={"align-items": "center"}):
            solara.Text(t("narration", lang), classes=["lmx-card-title"])
            solara.Switch(label=t("show_fires", lang), value=show_fires, classes=["lmx-fire-filter"])
        # One widget for all the lines (and for "nothing yet"): a new sentence is one message. As a
        # widget per line, a new line at the top re-texted every line below it (a message per line
        # each week: in a room of 30 most of the server's traffic), and keyed lines opened and
        # closed widgets instead.
        solara.HTML(tag="div", unsafe_innerHTML=log_html(events, lang, show_fires.value), classes=["lmx-log"])


def _line(week: int, parts: list[tuple[str, str]], lang: str) -> str:
    inner = "; ".join(f'<span class="{kind}">{escape(text)}</span>' for kind, text in parts)
    kinds = " ".join(dict.fromkeys(kind for kind, _ in parts))
    head = escape(t("log_week", lang, week=week))
    return f'<div class="lmx-log-line {kinds}" data-week="{week}">{head} {inner}</div>'


def log_html(events: list[Event], lang: str, fires: bool = True) -> str:
    """The story lines (newest week first), then the whole history with recurring events folded."""
    if not events:
        return f'<div class="lmx-muted">{escape(t("nothing_yet", lang))}</div>'
    story = "".join(_line(week, parts, lang) for week, parts in story_lines(events, lang))
    history = "".join(
        _line(week, [(kind, text)], lang) for week, kind, text in history_lines(events, lang, fires)
    )
    return (
        f'<div class="lmx-log-story">{story}</div>'
        f'<div class="lmx-log-history-title">{escape(t("log_history", lang))}</div>'
        f'<div class="lmx-log-history">{history}</div>'
    )
