"""The room's two pages: a participant's own workshop, and the facilitator's overview at /room.

Participants get the facilitator's exercise in their own session (their own model, as
without the room) and report a summary to the room after every week. The facilitator's
page needs the key printed at start; it sets the exercise, shows the room live and,
on request, exports the results. Nothing of one participant is ever sent to another
participant's page: their pages read only their own Workshop.
"""

from __future__ import annotations

import threading
import weakref
from urllib.parse import parse_qs

import solara

from lmxsim.app.i18n import LANGUAGE_NAMES, LANGUAGES, t
from lmxsim.app.page import GuardedWorkshop, LanguageSwitch
from lmxsim.app.room import Room, RoomError, current_room
from lmxsim.app.room_session import RoomWorkshop, summarize
from lmxsim.app.style import CSS

ROOM_PATH = "/room"
EXERCISE_CHECK_SECONDS = 2.0  # how soon an idle participant hears that the exercise changed

ROOM_CSS = """
.lmx-room-table { border-collapse: collapse; width: 100%; font-size: 15px; }
.lmx-room-table th, .lmx-room-table td { padding: 4px 8px; border-bottom: 1px solid #ddd; text-align: left;
  vertical-align: top; }
.lmx-room-table td.num { text-align: right; font-variant-numeric: tabular-nums; }
.lmx-room-best td { background: #eef7ee; }
.lmx-dot-on { color: #2e7d32; } .lmx-dot-off { color: #aaa; }
.lmx-room-big { font-size: 28px; font-weight: 600; }
/* the overview's clock: its tenths change at every beat (the page is live); fixed-width digits */
.lmx-room-updated { font-size: 18px; color: #2e7d32; font-variant-numeric: tabular-nums; }
.lmx-room-refused { max-width: 720px; margin: 40px auto; }
.lmx-room-projector { display: grid; grid-template-columns: minmax(0, 1fr) minmax(0, 1.3fr); gap: 16px;
  align-items: start; }
.lmx-room-projector-drawing svg { max-height: 78vh; width: 100%; }
.lmx-room-projector-charts { max-height: 82vh; overflow-y: auto; }
"""


def _connection_probe():
    """A weak check that this browser tab is still attached (None outside a Solara server)."""
    try:
        from solara.server import kernel_context

        context = kernel_context.get_current_context()
    except Exception:
        return None
    ref = weakref.ref(context)
    connected_state = kernel_context.PageStatus.CONNECTED

    def connected() -> bool:
        ctx = ref()
        return (
            ctx is not None and not ctx.closed_event.is_set() and connected_state in ctx.page_status.values()
        )

    return connected


def query_value(search: str | None, name: str) -> str:
    values = parse_qs((search or "").lstrip("?")).get(name, [""])
    return values[-1]


@solara.component
def RoomApp():
    """`lmxsim app --room`: /room?key=... is the facilitator's page, every other address a participant's."""
    room = current_room()
    router = solara.use_router()
    solara.Style(CSS + ROOM_CSS)
    if room is None:  # the room was closed while this tab was open
        solara.Error("The room is closed.")
        return
    if router.path.rstrip("/") == ROOM_PATH:
        from lmxsim.app.room_facilitator import FacilitatorPage

        FacilitatorPage(room, query_value(router.search, "key"))
    else:
        ParticipantPage(room)


@solara.component
def ParticipantPage(room: Room):
    """A participant's own workshop, playing the room's exercise; the room hears its summary."""
    seat = solara.use_memo(lambda: room.join("", probe=_connection_probe()), [])
    # The exercise at joining, fixed: use_reactive follows its argument, and a changed room exercise
    # must not silently replace the run this participant is playing (they are told, and choose).
    joined_with = solara.use_memo(lambda: room.exercise, [])
    lang = solara.use_reactive(joined_with.lang)
    playing = solara.use_reactive(joined_with)  # the exercise this tab plays
    newer = solara.use_reactive(False)
    name = solara.use_reactive(seat.name if seat else "")
    refused = solara.use_reactive("")  # why the last name typed was not taken
    workshop = solara.use_memo(
        lambda: RoomWorkshop(playing.value) if seat is not None else None, [playing.value.version]
    )

    def report() -> None:
        if seat is not None and workshop is not None:
            room.report(seat.id, summarize(workshop))

    def joined():
        if seat is None:
            return None
        report()
        return lambda: room.leave(seat.id)  # the tab closed: not connected, results stay

    solara.use_effect(joined, [])
    solara.use_effect(report, [playing.value.version])

    def watch(cancel: threading.Event) -> None:
        while seat is not None and not cancel.wait(EXERCISE_CHECK_SECONDS):
            if room.exercise.version != playing.value.version:
                newer.set(True)

    solara.use_thread(watch, dependencies=[playing.value.version], intrusive_cancel=False)

    solara.Title(t("page_title", lang.value))
    if seat is None:
        with solara.Card(classes=["lmx-card", "lmx-room-refused"]):
            solara.Text(t("room.full_title", lang.value), classes=["lmx-title"])
            solara.Text(t("room.full", lang.value, cap=room.cap), classes=["lmx-story"])
        return

    def take_new() -> None:
        room.switch_exercise(seat.id, room.exercise.version)
        newer.set(False)
        playing.set(room.exercise)

    def rename(value: str) -> None:
        try:
            room.rename(seat.id, value, lang.value)
        except RoomError as error:  # an invisible or reordered name: told, the old name kept
            refused.set(str(error))
            return
        refused.set("")
        name.set(value)

    with solara.Column(classes=["lmx-app"], gap="4px"):
        with solara.Row(classes=["lmx-header"], justify="space-between", style={"align-items": "center"}):
            solara.Text(t("app_title", lang.value), classes=["lmx-title"])
            with solara.Row(gap="12px", style={"align-items": "center"}):
                solara.InputText(
                    t("room.your_name", lang.value),
                    value=name.value,
                    on_value=rename,
                    continuous_update=False,
                    error=refused.value or False,
                    classes=["lmx-room-name"],
                )
                LanguageSwitch(lang)
        solara.Text(t("room.participant_note", lang.value), classes=["lmx-muted"])
        # Always this one slot, so the workshop below keeps its place (and its state) when the banner shows.
        with solara.Row(classes=["lmx-room-changed"], style={"align-items": "center"}):
            if newer.value:
                solara.Warning(t("room.exercise_changed", lang.value))
                solara.Button(t("room.take_new", lang.value), on_click=take_new, color="primary")
        # The exercise's version as a class: a page (and a test) can tell the new run from the old one,
        # which look alike at week 0. `display: contents` keeps the layout as without the wrapper.
        version = playing.value.version
        with solara.Div(classes=["lmx-playing", f"lmx-playing-v{version}"], style={"display": "contents"}):
            GuardedWorkshop(workshop, lang.value, on_change=report, locked=True).key(f"exercise-{version}")


def language_names() -> dict[str, str]:
    return {LANGUAGE_NAMES[code]: code for code in LANGUAGES}
