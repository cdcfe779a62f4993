"""How the lab shows a strategy and a measure: each strategy's colour, table headings, report texts.

Shared by the report (lab/report.py), its figures (lab/figures.py), its tables (lab/tables.py) and
the HR report, so a strategy has one colour and a measure one heading everywhere.
"""

from __future__ import annotations

import zlib

from lmxsim.lab.strategies import NOTHING, READY_NAMES, SO_FAR
from lmxsim.model.measures import TEAM
from lmxsim.texts import t

# One colour per strategy, the same in every table, chart and report: the ready ones
# fixed, a custom one picked from its name (so it keeps its colour from run to run).
READY_COLOURS = {
    NOTHING: "#7f7f7f",
    "one-on-ones-out-group": "#1f77b4",
    "reopen-role-taking": "#ff7f0e",
    "reflection-every-4": "#2ca02c",
    "equal-latitude": "#9467bd",
    "team-map-one-on-ones": "#8c564b",
}
CUSTOM_COLOURS = ("#d62728", "#e377c2", "#17becf", "#bcbd22", "#393b79", "#637939", "#8c6d31", "#843c39")


def r(key: str, lang: str, **values: object) -> str:
    """A report text from the catalogue."""
    return t(f"report.{key}", lang, **values)


# Shown in the lab in another unit or sum than declared: their headings are the lab's own texts
# (`report.label_<measure>`): fires so far (SO_FAR), mean LMX in LMX-7 points.
OWN_HEADINGS = frozenset({*SO_FAR, "lmx_mean"})


def heading(measure: str, lang: str) -> str:
    """A lab table's column heading: the declared label, capitalised, or the lab's own (OWN_HEADINGS)."""
    if measure in OWN_HEADINGS:
        return r(f"label_{measure}", lang)
    label = TEAM[measure].label(lang)
    return label[:1].upper() + label[1:]


def strategy_colours(names: list[str]) -> dict[str, str]:
    """The colour of each strategy: ready ones fixed, custom ones by name (collisions move on)."""
    assert set(READY_COLOURS) == set(READY_NAMES)
    colours: dict[str, str] = {}
    taken: set[str] = set()
    for name in names:
        if name in READY_COLOURS:
            colours[name] = READY_COLOURS[name]
            taken.add(colours[name])
    for name in names:
        if name in colours:
            continue
        k = zlib.crc32(name.encode("utf-8")) % len(CUSTOM_COLOURS)
        for step in range(len(CUSTOM_COLOURS)):
            colour = CUSTOM_COLOURS[(k + step) % len(CUSTOM_COLOURS)]
            if colour not in taken:
                break
        colours[name] = colour
        taken.add(colour)
    return colours
