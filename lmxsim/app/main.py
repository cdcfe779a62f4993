"""The app's one Page: the workshop (page.WorkshopApp), or with `lmxsim app --room` the room's pages.

Its own module, above the workshop page and the room's pages, so that those two import the
workshop's parts without importing each other (no import circle).
"""

from __future__ import annotations

import solara

from lmxsim.app.page import WorkshopApp
from lmxsim.app.room import current_room


@solara.component
def Page():
    """The whole app; with `lmxsim app --room`, the room's pages (participants, and /room)."""
    if current_room() is not None:
        from lmxsim.app.room_page import RoomApp  # only in a room: its pages load with it

        RoomApp()
    else:
        WorkshopApp()
