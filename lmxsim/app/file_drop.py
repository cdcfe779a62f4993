"""Drop zones that also open a file picker when clicked or tapped.

Solara's FileDrop only accepts a dragged file; trainers on a laptop with a
projector expect to click and choose. This is Solara's own FileDropZone
widget (same upload protocol) with a template that adds a hidden file input:
one file (a team file, a survey) or several (a fit's files, lab_fit.py).
"""

from __future__ import annotations

import threading
from collections.abc import Callable

import solara
import traitlets
from solara.components.file_drop import FileDropZone, FileInfo


class PickOrDropZone(FileDropZone):
    template_file = (__file__, "file_drop.vue")
    accept = traitlets.Unicode("").tag(sync=True)  # what the picker offers (its `accept` attribute)


TEAM_FILES = ".csv,.xlsx,.toml,text/csv"


@solara.component
def TeamFileDrop(label: str, on_file: Callable[[FileInfo], None]):
    """One file, dropped or picked; `on_file` gets Solara's FileInfo and reads `file_obj` itself,
    so it can stop at a size limit (lmxsim.app.uploads) instead of holding a huge file."""
    return PickOrDrop(label, lambda infos: on_file(infos[0]), multiple=False, accept=TEAM_FILES)


@solara.component
def FilesDrop(label: str, on_files: Callable[[list[FileInfo]], None], accept: str):
    """Several files at once, dropped together or picked together (`accept`: what the picker offers);
    `on_files` gets Solara's FileInfos and reads each `file_obj` itself, up to its own limits."""
    return PickOrDrop(label, on_files, multiple=True, accept=accept)


@solara.component
def PickOrDrop(label: str, on_files: Callable[[list[FileInfo]], None], multiple: bool, accept: str):
    """The zone and Solara's wiring of its upload (as solara.FileDrop does it)."""
    file_info, set_file_info = solara.use_state(None)
    wired, set_wired = solara.use_state(None)
    zone = PickOrDropZone.element(label=label, on_file_info=set_file_info, multiple=multiple, accept=accept)

    def wire() -> None:
        if not file_info:
            return
        real = solara.get_widget(zone)
        real.version += 1  # Solara's workaround: re-arm the widget's observers
        real.reset_stats()
        set_wired(real.get_files())

    solara.use_effect(wire, [file_info])

    def handle(cancel: threading.Event) -> None:
        if wired:
            on_files(list(wired))

    result = solara.use_thread(handle, [wired])
    if result.error:
        raise result.error
    return zone
