"""Solara's routes for `lmxsim app --room`: '/' for participants, '/room' for the facilitator.

Both render the app's one Page, which dispatches on the path (room_page.RoomApp); without
these routes Solara's router answers '/room' with "Page not found".
"""

from __future__ import annotations

import solara

from lmxsim.app import main as _main  # not `Page` itself: Solara would take this module for a one-page app


@solara.component
def Layout(children=[]):  # noqa: B006 - Solara's layout signature
    """The usual app frame without Solara's route tabs: participants never see a link to /room."""
    return solara.AppLayout(children=children, navigation=False)


# The root route's layout frames every route (Solara takes the layout of the "/" sibling).
routes = [
    solara.Route(path="/", component=_main.Page, layout=Layout),
    solara.Route(path="room", component=_main.Page),
]
