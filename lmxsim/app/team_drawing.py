"""'Draw your team': the leader in the centre, each member at the distance of their relationship.

Drawn as SVG text in Python (a few hundred microseconds for a team of 12, no
CDN, crisp on a projector). Distance shows LMX (closer = better), colour the
group, size the performance, the outline the phase. Clicking a member calls
`on_select(name)` through a tiny Vue template.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Callable
from dataclasses import dataclass
from html import escape

import numpy as np
import solara

from lmxsim.app.i18n import group_label, number, phase_label, t
from lmxsim.app.ring_labels import Circle, place_on_ring, text_box

# Colour-blind safe (Okabe-Ito). The middle group is a colour of its own: grey read as "absent".
COLOURS = {"in": "#0072B2", "middle": "#009E73", "out": "#D55E00"}
SMOOTH_WEEKS = 4  # circle size: the mean performance of the last 4 weeks (the legend says so)
LEADER_COLOUR = "#1B2A41"
LEGEND_HEIGHT = 158  # five rows of legend under the drawing (present mode's larger type fits too)
FONT = "Segoe UI, Helvetica, Arial, sans-serif"
SIZE = 600
CENTRE = SIZE / 2
# Distance from the centre: the group boundaries sit on fixed rings, so the middle band
# is wide enough to see members drift; LMX beyond LMX_BEST / LMX_WORST is clamped.
NEAR, IN_RING, OUT_RING, FAR = 80.0, 132.0, 222.0, 268.0
LMX_BEST, LMX_WORST = 0.9, 0.2
OUTLINE = {  # phase -> (stroke width, dash pattern)
    "stranger": (3.0, "6 5"),
    "acquaintance": (2.5, ""),
    "mature": (7.0, ""),
}


def distance(lmx: float, in_bound: float, out_bound: float) -> float:
    """Radius at which a member with this LMX is drawn (higher LMX, closer to the leader);
    `in_bound`, `out_bound`: the team's group boundaries on the LMX scale (group_bounds)."""
    lmx = min(max(lmx, LMX_WORST), LMX_BEST)
    steps = [(LMX_BEST, NEAR), (in_bound, IN_RING), (out_bound, OUT_RING), (LMX_WORST, FAR)]
    for (high, r_high), (low, r_low) in itertools.pairwise(steps):
        if lmx >= low:
            share = (high - lmx) / (high - low) if high > low else 0.0
            return r_high + share * (r_low - r_high)
    return FAR


def group_bounds(lmxs, params) -> tuple[float, float]:
    """The team's in- and out-group boundaries on the LMX scale: the team's mean LMX plus the
    relative margins (`in_group_rlmx`, `out_group_rlmx`), as dynamics.group labels members."""
    mean = float(np.mean(lmxs)) if len(lmxs) else 0.0
    return mean + params.in_group_rlmx, mean + params.out_group_rlmx


def member_radius(performance: float, team_size: int) -> float:
    crowd = min(1.0, 12 / max(team_size, 1)) ** 0.5
    return (13.0 + 22.0 * min(max(performance, 0.0), 1.0)) * crowd


def smoothed_performance(history) -> dict[str, float] | None:
    """Each member's mean performance over the last SMOOTH_WEEKS weeks (the circle's size), or None."""
    if history is None or not history.names:
        return None
    worked = history.members["performance"][1:]  # week 0: nobody has worked yet
    if not worked:  # the same middle size for everyone until the first week's work is seen
        return dict.fromkeys(history.names, 0.5)
    recent = np.array(worked[-SMOOTH_WEEKS:], dtype=float)
    return dict(zip(history.names, recent.mean(axis=0), strict=False)) if history.names else None


@dataclass(frozen=True)
class TypeSizes:
    """Font sizes in drawing units (the SVG is SIZE units wide and scales with its box)."""

    week: int
    title: int
    zone: int
    leader: int
    name: int
    legend: int  # 0: no legend inside the SVG (present mode shows it as HTML, see legend_html)
    leader_radius: float = 46.0


NORMAL = TypeSizes(week=30, title=20, zone=16, leader=19, name=20, legend=17)
# Present mode (issue 24 req 3): every text at least 18 px at 1280x720 and 22 px at 1920x1080.
# Measured in Chromium: alone, the drawing (legend below it as HTML) shows 0.66 px per unit at
# 1280x720; each of the twin pair 0.48. So 28 units alone and 40 in the pair (tests/browser/test_back_row.py).
PRESENT = TypeSizes(week=32, title=30, zone=30, leader=30, name=32, legend=0, leader_radius=52.0)
PRESENT_PAIR = TypeSizes(week=40, title=40, zone=40, leader=40, name=42, legend=0, leader_radius=58.0)


def type_sizes(present: bool, pair: bool) -> TypeSizes:
    if not present:
        return NORMAL
    return PRESENT_PAIR if pair else PRESENT


def drawing_svg(
    model,
    selected: str | None,
    lang: str,
    title: str | None = None,
    dom_id: str = "",
    sizes: dict[str, float] | None = None,
    present: bool = False,
) -> str:
    """The whole picture as one <svg> string; members carry data-member="name" for clicks.

    `sizes` is what each circle's size shows (smoothed performance; this week's if None);
    `present` draws every text larger, for the back row (larger still in the twin pair, which
    has half the width: a drawing with a `title` is one of the pair), and leaves the legend to
    `legend_html` below the drawing, where it wraps instead of shrinking the picture."""
    bounds = group_bounds([member.lmx for member in model.employees], model.params)
    type_ = type_sizes(present, pair=title is not None)
    legend_height = LEGEND_HEIGHT if type_.legend else 0
    in_ring, out_ring = IN_RING, OUT_RING
    n = len(model.employees)
    between = -math.pi / 2 + math.pi / n  # zone labels sit between two members
    parts = [
        f'<svg class="lmx-team-svg" {f"id={chr(34)}{dom_id}{chr(34)} " if dom_id else ""}'
        f'viewBox="0 0 {SIZE} {SIZE + legend_height}" width="100%" xmlns="http://www.w3.org/2000/svg" '
        f'role="img" aria-label="{escape(t("drawing", lang))}" font-family="{FONT}">',
        # decorations ignore the mouse, so a click near a member still reaches the member
        '<g pointer-events="none">',
        f'<rect width="{SIZE}" height="{SIZE + legend_height}" fill="#FFFFFF"/>',
        # zones: out-group outside the outer ring, in-group inside the inner ring
        f'<circle cx="{CENTRE}" cy="{CENTRE}" r="{FAR + 28}" fill="#FBE9E1"/>',
        f'<circle cx="{CENTRE}" cy="{CENTRE}" r="{out_ring}" fill="#F4F4F4"/>',
        f'<circle cx="{CENTRE}" cy="{CENTRE}" r="{in_ring}" fill="#E1EEF8"/>',
        f'<circle cx="{CENTRE}" cy="{CENTRE}" r="{out_ring}" fill="none" stroke="#D55E00" '
        'stroke-width="1.5" stroke-dasharray="4 6" opacity="0.7"/>',
        f'<circle cx="{CENTRE}" cy="{CENTRE}" r="{in_ring}" fill="none" stroke="#0072B2" '
        'stroke-width="1.5" stroke-dasharray="4 6" opacity="0.7"/>',
        _label(
            18,
            type_.week + 8,
            t("week", lang, week=model.week),
            type_.week,
            "#1B2A41",
            anchor="start",
            weight="700",
        ),
    ]
    if title and not present:  # present mode: an HTML heading above the picture (TeamDrawing)
        parts.append(_label(SIZE - 18, 36, title, type_.title, "#1B2A41", anchor="end", weight="600"))
    spots = []
    for i, member in enumerate(model.employees):
        angle = -math.pi / 2 + 2 * math.pi * i / n
        r = distance(member.lmx, *bounds)
        spots.append((member, CENTRE + r * math.cos(angle), CENTRE + r * math.sin(angle)))
    zones = _zone_labels(model, spots, selected, sizes, type_, lang, between)
    for member, x, y in spots:  # ties first, so circles sit on top
        width = 1.0 + 7.0 * member.lmx
        parts.append(
            f'<line x1="{CENTRE}" y1="{CENTRE}" x2="{x:.1f}" y2="{y:.1f}" '
            f'stroke="{COLOURS[member.group_name]}" stroke-width="{width:.1f}" opacity="0.35"/>'
        )
    parts.append(f'<circle cx="{CENTRE}" cy="{CENTRE}" r="{type_.leader_radius}" fill="{LEADER_COLOUR}"/>')
    parts.append(
        _label(
            CENTRE,
            CENTRE + type_.leader * 0.36,
            t("leader", lang),
            type_.leader,
            "#FFFFFF",
            weight="700",
            halo=present,  # large type is wider than the circle: a dark outline keeps it readable
            halo_colour=LEADER_COLOUR,
        )
    )
    if type_.legend:
        parts.append(_legend(lang))
    parts.append("</g>")
    for member, x, y in spots:
        size = member.performance if sizes is None else sizes.get(member.name, member.performance)
        parts.append(_member(member, x, y, n, member.name == selected, lang, bounds, size, type_.name))
    parts.append(zones)  # the ring labels on top: a member never hides them
    parts.append("</svg>")
    return "".join(parts)


def _zone_labels(model, spots, selected, sizes, type_: TypeSizes, lang: str, between: float) -> str:
    """'in-group' just inside the inner ring, 'out-group' just outside the outer one, each at the
    first spot along its ring (from between the first two members) clear of every member's circle
    and name, the leader and the week (ring_labels.place_on_ring)."""
    n = len(spots)
    circles = [Circle(CENTRE, CENTRE, type_.leader_radius)]
    boxes = [
        text_box(18, type_.week + 8, t("week", lang, week=model.week), type_.week, anchor="start"),
        text_box(CENTRE, CENTRE + type_.leader * 0.36, t("leader", lang), type_.leader),
    ]
    for member, x, y in spots:
        size = member.performance if sizes is None else sizes.get(member.name, member.performance)
        radius = member_radius(size, n)
        outline = OUTLINE.get(member.phase_name, (2.5, ""))[0] / 2
        circles.append(Circle(x, y, radius + (9 + 3.5 if member.name == selected else outline)))
        label_y = y + radius + type_.name + 1 if y >= CENTRE - 5 else y - radius - 9
        boxes.append(text_box(x, label_y, member.name, type_.name))
    parts = ['<g pointer-events="none" class="lmx-zone-labels">']
    for group, ring, colour in (("in", IN_RING - 16, "#005A8C"), ("out", OUT_RING + 24, "#A04300")):
        text = group_label(group, lang)
        x, y = place_on_ring(text, type_.zone, CENTRE, ring, between, circles, boxes, SIZE)
        boxes.append(text_box(x, y, text, type_.zone))  # the out-group label keeps clear of this one
        parts.append(_label(x, y, text, type_.zone, colour, weight="700"))
    parts.append("</g>")
    return "".join(parts)


def relationship(lmx: float, bounds: tuple[float, float]) -> str:
    """'distant', 'working' or 'close': the words the workshop uses instead of an LMX score;
    `bounds` are the team's (in, out) boundaries (group_bounds): close and distant are relative."""
    in_bound, out_bound = bounds
    if lmx >= in_bound:
        return "close"
    if lmx <= out_bound:
        return "distant"
    return "working"


def member_tip(member, bounds: tuple[float, float], lang: str) -> str:
    """The hover text: the relationship in words with its score, group, phase and performance;
    `bounds`: the team's group boundaries (group_bounds)."""
    return t(
        "member_tip",
        lang,
        name=member.name,
        word=t(f"relationship_{relationship(member.lmx, bounds)}", lang),
        score=number(member.lmx, lang),
        group=group_label(member.group_name, lang),
        phase=phase_label(member.phase_name, lang),
        performance=number(member.performance, lang),
    )


def _member(
    member,
    x: float,
    y: float,
    n: int,
    selected: bool,
    lang: str,
    bounds: tuple[float, float] = (0.7, 0.4),
    size: float | None = None,
    font: int = NORMAL.name,
) -> str:
    radius = member_radius(member.performance if size is None else size, n)
    colour = COLOURS[member.group_name]
    width, dash = OUTLINE.get(member.phase_name, (2.5, ""))
    dashes = f' stroke-dasharray="{dash}"' if dash else ""
    name = escape(member.name)
    tip = escape(member_tip(member, bounds, lang))
    out = [
        f'<g class="lmx-member{" lmx-selected" if selected else ""}" data-member="{name}" '
        f'data-group="{member.group_name}" data-phase="{member.phase_name}" style="cursor:pointer">',
        f"<title>{tip}</title>",
    ]
    if selected:
        out.append(
            f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{radius + 9:.1f}" fill="none" '
            'stroke="#FFC20A" stroke-width="7"/>'
        )
    out.append(
        f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{radius:.1f}" fill="{colour}" '
        f'stroke="#1B2A41" stroke-width="{width}"{dashes}/>'
    )
    label_y = y + radius + font + 1 if y >= CENTRE - 5 else y - radius - 9
    out.append(_label(x, label_y, member.name, font, "#111111", weight="700" if selected else "600"))
    out.append("</g>")
    return "".join(out)


def _label(
    x: float,
    y: float,
    text: str,
    size: int,
    colour: str,
    anchor: str = "middle",
    weight: str = "400",
    halo: bool = True,
    halo_colour: str = "#FFFFFF",
) -> str:
    outline = (
        f' stroke="{halo_colour}" stroke-width="{max(4, size // 6)}" paint-order="stroke"'
        ' stroke-linejoin="round"'
        if halo
        else ""
    )
    return (
        f'<text x="{x:.1f}" y="{y:.1f}" font-size="{size}" font-weight="{weight}" fill="{colour}" '
        f'text-anchor="{anchor}"{outline}>{escape(text)}</text>'
    )


def _legend(lang: str) -> str:
    """What colour, size, distance and outline mean, one left-aligned row each under the drawing."""
    y = SIZE + 14
    big = NORMAL.legend
    row = big + 9
    parts = []
    x = 22.0
    for group in ("in", "middle", "out"):
        parts.append(f'<circle cx="{x + 9}" cy="{y + 8}" r="9" fill="{COLOURS[group]}"/>')
        label = group_label(group, lang)
        parts.append(_label(x + 24, y + 15, label, big, "#222222", anchor="start", halo=False))
        x += 34 + big * 0.6 * len(label) + 14
    for i, key in enumerate(("legend_size", "legend_distance", "legend_phase"), start=1):
        parts.append(
            _label(22, y + 15 + i * row, t(key, lang), big - 1, "#222222", anchor="start", halo=False)
        )
    chosen_y = y + 15 + 4 * row  # the chosen person's yellow ring, drawn as it is in the picture
    parts.append(
        f'<circle cx="31" cy="{chosen_y - big * 0.35:.1f}" r="8" fill="none" '
        'stroke="#FFC20A" stroke-width="4"/>'
    )
    parts.append(
        _label(46, chosen_y, t("legend_chosen", lang), big - 1, "#222222", anchor="start", halo=False)
    )
    return "".join(parts)


def legend_html(lang: str) -> str:
    """The legend as HTML, for present mode: its type follows the page's (large) type and its
    lines wrap, where inside the SVG it would shrink with the picture."""
    swatches = "".join(
        f'<span class="lmx-legend-group"><span class="lmx-legend-dot" style="background:{COLOURS[g]}"></span>'
        f"{escape(group_label(g, lang))}</span>"
        for g in ("in", "middle", "out")
    )
    rows = "".join(
        f"<div>{escape(t(key, lang))}</div>" for key in ("legend_size", "legend_distance", "legend_phase")
    )
    chosen = f'<div><span class="lmx-legend-ring"></span>{escape(t("legend_chosen", lang))}</div>'
    return f'<div class="lmx-legend-groups">{swatches}</div>{rows}{chosen}'


@solara.component
def DrawingLegend(lang: str):
    """Present mode's legend under the drawing (or under the twin pair, once for both)."""
    solara.HTML(tag="div", unsafe_innerHTML=legend_html(lang), classes=["lmx-legend-html"])


@solara.component_vue("team_drawing.vue", vuetify=False)
def _ClickableSvg(svg: str, event_select: Callable[[str], None] | None = None) -> None:
    """Vue wrapper: shows the SVG and reports which member was clicked."""


@solara.component
def TeamDrawing(
    workshop,
    selected: str | None,
    lang: str,
    on_select: Callable[[str], None] | None = None,
    title: str | None = None,
    dom_id: str = "",
    twin: bool = False,
    version: solara.Reactive[int] | None = None,
    present: bool = False,
):
    """The session's team (or its twin) as a component; reading `version` redraws it every week."""
    if version is not None:
        version.value  # noqa: B018 - subscribe to weekly changes
    with workshop.lock:  # the Play thread steps under this lock: never draw a half-stepped week
        model = workshop.twin if twin else workshop.model
        if model is None:
            return
        history = workshop.twin_history if twin else workshop.history
        sizes = smoothed_performance(history)
        svg = drawing_svg(model, selected, lang, title=title, dom_id=dom_id, sizes=sizes, present=present)
    if title and present:  # in large type the title needs a line of its own: above the picture
        svg = f'<div class="lmx-pair-title">{escape(title)}</div>{svg}'
    if on_select is None:
        solara.HTML(tag="div", unsafe_innerHTML=svg, classes=["lmx-drawing"])
    else:
        _ClickableSvg(svg=svg, event_select=on_select)
