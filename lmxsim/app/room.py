"""The room: one workshop's participants, as summaries the facilitator's screen can show.

Every participant keeps an independent model in their own session (session.py); the
room holds only what the debrief needs: a table name (no personal data), the week
reached, whether the tab is still connected, the interventions tried (who, what,
when) and the outcome against their own twin. Nothing here is written to disk; the
facilitator exports on request (room_export.py).

The registry is in-process and thread-safe (one lock; readers get frozen copies), so
one `lmxsim app --room` process serves one workshop. docs/workshop.md says what a
larger event, with several processes behind one address, would need to share.
"""

from __future__ import annotations

import hmac
import itertools
import secrets
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field, replace

from lmxsim.team.tabular import name_problem, shown
from lmxsim.texts import t

DEFAULT_CAP = 40
NAME_LENGTH = 30  # a table name or nickname, never more


class RoomError(ValueError):
    """A facilitator mistake (bad exercise); the message names field, value and what is allowed."""


@dataclass(frozen=True)
class Exercise:
    """What every participant plays: set by the facilitator, numbered so a change is noticed."""

    version: int = 1
    scenario: str | None = None  # preset name (None: the app's default preset)
    team_file: tuple[str, bytes] | None = None  # (file name, contents) of an uploaded team
    weeks: int | None = None  # None: the preset's own length
    lang: str = "en"
    allowed: tuple[str, ...] | None = None  # intervention keys; None: all of the catalogue
    from_week: int = 1  # interventions may start from this week on


@dataclass(frozen=True)
class Tried:
    """One intervention a participant scheduled: who (target), what (catalogue key), when (start week)."""

    who: str
    what: str
    when: int


@dataclass(frozen=True)
class Measure:
    """One measure at the week reached: the participant's team, the twin without interventions."""

    own: float
    twin: float

    @property
    def difference(self) -> float:
        return self.own - self.twin


@dataclass(frozen=True)
class Outcome:
    """The debrief's numbers for one run at the week it reached, each against the twin."""

    focus: str  # the member the twin leaves furthest out (the out-group member)
    relationship: Measure  # focus member's LMX-7 (7-35)
    performance: Measure  # focus member's performance (0-1)
    spread: Measure  # the team's LMX differentiation
    fires: Measure  # hidden problems that flared up, summed over the weeks so far


@dataclass(frozen=True)
class Run:
    """One play-through of the exercise by one participant (Start again begins the next run)."""

    number: int
    exercise: int  # Exercise.version it was played under
    week: int
    last_week: int
    tried: tuple[Tried, ...] = ()
    outcome: Outcome | None = None

    @property
    def finished(self) -> bool:
        return self.week >= self.last_week


@dataclass(frozen=True)
class Seat:
    """A participant as the facilitator sees them."""

    id: int
    name: str
    joined: float  # time.time() when they opened the app
    connected: bool
    exercise: int  # the version they joined under (or last switched to)
    runs: tuple[Run, ...] = ()

    @property
    def latest(self) -> Run | None:
        return self.runs[-1] if self.runs else None


@dataclass
class _SeatState:
    seat: Seat
    probe: Callable[[], bool] | None = None  # is the browser tab still attached? (weak; may be None)


def clean_name(name: str, lang: str = "en") -> str:
    """A table name as typed, trimmed to one short line; RoomError for a name nobody could read
    as typed (control characters, bidi overrides, only invisible characters: tabular.name_problem),
    which could hide a participant or impersonate another in the room's tables and export."""
    problem = name_problem(str(name), lang) if str(name).strip() else None  # blank: "#3"
    if problem:
        raise RoomError(f"{t('room.your_name', lang)} {shown(str(name))} {problem}")
    return " ".join(str(name).split())[:NAME_LENGTH]


@dataclass
class Room:
    """The registry. All methods are safe to call from any session's thread."""

    cap: int = DEFAULT_CAP
    key: str = field(default_factory=lambda: secrets.token_urlsafe(16))
    exercise: Exercise = field(default_factory=Exercise)

    def __post_init__(self) -> None:
        if not isinstance(self.cap, int) or self.cap < 1:
            raise RoomError(f"room cap = {self.cap!r} is not allowed (a whole number, 1 or more)")
        self._lock = threading.RLock()
        self._seats: dict[int, _SeatState] = {}
        self._ids = itertools.count(1)

    # --- the facilitator ---------------------------------------------------------------
    def key_matches(self, given: str | None) -> bool:
        """Constant-time comparison, so the key cannot be guessed character by character."""
        return hmac.compare_digest((given or "").encode(), self.key.encode())

    def set_exercise(self, **changes) -> Exercise:
        """A new exercise (a new version): participants who open the app from now on get it."""
        with self._lock:
            self.exercise = replace(self.exercise, version=self.exercise.version + 1, **changes)
            return self.exercise

    # --- participants ------------------------------------------------------------------
    def connected_count(self) -> int:
        with self._lock:
            return sum(1 for state in self._seats.values() if self._is_connected(state))

    def join(self, name: str = "", probe: Callable[[], bool] | None = None) -> Seat | None:
        """A seat for a new participant, or None when the room is full (connected seats = cap)."""
        if name:
            clean_name(name)  # a refused name: RoomError before a seat is taken
        with self._lock:
            if self.connected_count() >= self.cap:
                return None
            seat_id = next(self._ids)
            seat = Seat(
                id=seat_id,
                name=clean_name(name) or f"#{seat_id}",
                joined=time.time(),
                connected=True,
                exercise=self.exercise.version,
            )
            self._seats[seat_id] = _SeatState(seat, probe)
            return seat

    def rename(self, seat_id: int, name: str, lang: str = "en") -> None:
        """The participant's new name (RoomError, and the old name kept, if it is refused)."""
        self._update(seat_id, name=clean_name(name, lang) or f"#{seat_id}")

    def switch_exercise(self, seat_id: int, version: int) -> None:
        """The participant took the new exercise: later runs count under it."""
        self._update(seat_id, exercise=version)

    def leave(self, seat_id: int) -> None:
        """The tab closed: not connected any more, but every result stays in the room."""
        with self._lock:
            state = self._seats.get(seat_id)
            if state is not None:
                state.probe = None
        self._update(seat_id, connected=False)

    def report(self, seat_id: int, run: Run) -> None:
        """The participant's current run (replaces the earlier report of the same run number)."""
        with self._lock:
            state = self._seats.get(seat_id)
            if state is None:
                return
            runs = [r for r in state.seat.runs if r.number != run.number]
            runs.append(run)
            runs.sort(key=lambda r: r.number)
            state.seat = replace(state.seat, runs=tuple(runs))

    def seats(self) -> list[Seat]:
        """Frozen copies, in joining order, with `connected` as of now."""
        with self._lock:
            return [
                replace(state.seat, connected=self._is_connected(state)) for state in self._seats.values()
            ]

    def seat(self, seat_id: int) -> Seat | None:
        with self._lock:
            state = self._seats.get(seat_id)
            return None if state is None else replace(state.seat, connected=self._is_connected(state))

    # --- inside ------------------------------------------------------------------------
    def _update(self, seat_id: int, **changes) -> None:
        with self._lock:
            state = self._seats.get(seat_id)
            if state is None:
                return
            state.seat = replace(state.seat, **changes)

    def _is_connected(self, state: _SeatState) -> bool:
        if not state.seat.connected:
            return False
        if state.probe is None:
            return True
        try:
            return bool(state.probe())
        except Exception:  # a probe of a half-closed session: count it as gone
            return False


# The one room of this process: set by `lmxsim app --room` (server.py) before the server starts.
_ROOM: Room | None = None


def open_room(cap: int = DEFAULT_CAP, exercise: Exercise | None = None) -> Room:
    """Start this process's room with a fresh random facilitator key."""
    global _ROOM
    _ROOM = Room(cap=cap, exercise=exercise or Exercise())
    return _ROOM


def current_room() -> Room | None:
    return _ROOM


def close_room() -> None:
    global _ROOM
    _ROOM = None
