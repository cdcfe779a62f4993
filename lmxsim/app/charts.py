"""Time series as SVG: each member's trust, autonomy and performance, and the team lines.

Hand-written SVG because it redraws in about a millisecond and needs nothing
from a CDN (Altair's assets are not served offline; matplotlib is ~100 ms).
Intervention start weeks are dashed purple lines with a number that matches
the list in the interventions panel. With the twin on, the same team without
interventions is drawn dashed.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from html import escape

import numpy as np
import solara

from lmxsim.app.i18n import group_label, number, t
from lmxsim.app.team_drawing import COLOURS
from lmxsim.model.measures import MEMBER, TEAM

WIDTH, HEIGHT = 460, 270
LEFT, RIGHT, TOP, BOTTOM = 58, 102, 72, 46
LEGEND_Y = 44  # the legend row, between the title and the intervention marks
MARK_Y = TOP - 10  # marks sit in their own band above the plot: never on a title or a legend
MARK_COLOUR = "#7B3FA0"
SELECTED_COLOUR = "#1B2A41"
TWIN_COLOUR = "#555555"
FONT = "Segoe UI, Helvetica, Arial, sans-serif"
SMOOTH_WEEKS = 4


@dataclass
class Line:
    weeks: Sequence[float] | np.ndarray
    values: Sequence[float] | np.ndarray
    colour: str
    width: float = 2.0
    opacity: float = 1.0
    dash: str = ""
    label: str = ""


@dataclass
class Mark:
    week: int
    number: int


def rolling_mean(values, weeks: int = SMOOTH_WEEKS) -> np.ndarray:
    """Mean of the last `weeks` values at each point (fewer at the start): the trend, not the noise."""
    data = np.asarray(values, dtype=float)
    if data.size == 0:
        return data
    sums = np.cumsum(np.insert(data, 0, 0.0, axis=0), axis=0)
    ends = np.arange(1, len(data) + 1)
    starts = np.maximum(ends - weeks, 0)
    counts = (ends - starts).reshape((-1,) + (1,) * (data.ndim - 1))
    return (sums[ends] - sums[starts]) / counts


def _nice_max(value: float) -> float:
    for top in (1, 2, 5, 10, 20, 50, 100, 200, 500, 1000):
        if value <= top:
            return float(top)
    return float(value)


def _week_ticks(horizon: int, present: bool = False) -> range:
    if present:  # large type: about five ticks
        step = 2 if horizon <= 10 else 5 if horizon <= 25 else 13 if horizon <= 52 else 26
        return range(0, horizon + 1, step)
    step = 1 if horizon <= 10 else 2 if horizon <= 20 else 4 if horizon <= 40 else 13
    return range(0, horizon + 1, step)


@dataclass(frozen=True)
class Frame:
    """A chart's type sizes and margins, in chart units (the SVG is WIDTH units wide)."""

    title: float = 19
    tick: float = 14
    axis: float = 14
    legend: float = 13
    label: float = 14
    mark: float = 12
    left: float = LEFT
    right: float = RIGHT
    top: float = TOP
    bottom: float = BOTTOM
    height: float = HEIGHT
    legend_rows: tuple[float, ...] = (LEGEND_Y,)


# Present mode (issue 24 req 3): every text at least 18 px at 1280x720 and 22 px at 1920x1080.
# The narrowest place a chart is shown in present mode is the right column beside the twin pair at
# 1280x720 (330 px for 460 units: 0.72 px per unit), so 26 units; the margins grow to hold them.
PRESENT_TYPE = 26.0
PRESENT_PLOT_HEIGHT = 150.0


def _text_width(text: str, size: float) -> float:
    """A generous estimate of a text's width (bold sans-serif), for laying out margins and rows."""
    return 0.6 * size * len(text)


Y_TICK_GAP_PRESENT = 14.0  # between the y axis' numbers and the plot, in present mode
WORD_GAP = 18.0  # between two lines' names in a legend row (present mode, names_above)


def _legend_width(text: str, size: float, word: bool) -> float:
    """A legend entry's width: a coloured word, or a 20-unit swatch, a gap and the text."""
    return _text_width(text, size) if word else 34 + _text_width(text, size)


def present_frame(
    horizon: int,
    y_max: float,
    lang: str,
    legend: Sequence[tuple[str, str, str]],
    labels: Sequence[str],
    words: frozenset[str] = frozenset(),
) -> tuple[Frame, list[list[int]]]:
    """Margins for large type, and the legend entries flowed into rows (indices per row).

    `labels`: the names written at the lines' ends (the right margin holds them); `words`: legend
    entries written as a coloured word without a swatch (the lines' names, when they stand above
    the plot instead). The y axis title is a line of its own under the chart's title (turned along
    the axis, large type is longer than the plot is high)."""
    size = PRESENT_TYPE
    ticks = [number(y_max * share, lang, 0 if y_max > 2 else 1) for share in (0.0, 0.5, 1.0)]
    left = 10 + max(_text_width(tick, size) for tick in ticks) + Y_TICK_GAP_PRESENT + 2
    last_tick = _text_width(str(horizon), size) / 2 + 4  # the last week's number, centred on the edge
    right = max(12 + max((_text_width(label, size) for label in labels), default=0.0), last_tick)
    rows: list[list[int]] = []
    x = float(WIDTH)  # start a new row at the first entry
    for i, (_, _, text) in enumerate(legend):
        word = text in words
        width = _legend_width(text, size, word)
        after_words = bool(rows) and legend[rows[-1][-1]][2] in words and not word
        if x + width > WIDTH - 8 or not rows or after_words:  # the lines' names: rows of their own
            rows.append([])
            x = 8.0
        rows[-1].append(i)
        x += width + (WORD_GAP if word else 10)
    first = 3 * (size + 6)  # the title's line, the y axis title's, then the first legend row's baseline
    legend_rows = tuple(first + (size + 8) * r for r in range(len(rows)))
    top = (legend_rows[-1] if legend_rows else 2 * (size + 6)) + 2 * size * 0.55 + 10  # the marks' band
    bottom = size + 12 + size + 10  # tick labels, then the axis title
    frame = Frame(
        title=size,
        tick=size,
        axis=size,
        legend=size,
        label=size,
        mark=size * 0.8,
        left=left,
        right=right,
        top=top,
        bottom=bottom,
        height=top + PRESENT_PLOT_HEIGHT + bottom,
        legend_rows=legend_rows,
    )
    return frame, rows


def line_chart(
    title: str,
    horizon: int,
    lines: list[Line],
    marks: list[Mark],
    y_max: float | None = None,
    bars: Line | None = None,
    legend: Sequence[tuple[str, str, str]] = (),
    chart_id: str = "",
    lang: str = "en",
    y_title: str = "",
    present: bool = False,
    names_above: bool = False,
) -> str:
    """One chart: weeks 0..horizon on x (titled 'week'); y from 0 to y_max with `y_title`.

    `present`: large type (PRESENT_TYPE) with margins to hold it, fewer week ticks, and the legend
    flowed into as many rows as it needs, leaving out entries a line already names at its end.
    `names_above` (present mode): the lines are named in the legend above the plot, as coloured
    words, instead of at their ends: in a narrow column the large names at the ends took half the
    width and, early in the run, covered the plot itself."""
    original_legend = list(legend)
    if y_max is None:
        peak = max([float(np.max(ln.values)) for ln in lines if len(ln.values)] + [1.0])
        if bars is not None and len(bars.values):
            peak = max(peak, float(np.max(bars.values)))
        y_max = _nice_max(peak)
    words: frozenset[str] = frozenset()
    end_labels = True
    if present and names_above:
        words = frozenset(ln.label for ln in lines if ln.label)
        named_colours = {ln.label: ln.colour for ln in lines if ln.label}
        legend = [
            (named_colours[name], "", name) for name in dict.fromkeys(ln.label for ln in lines if ln.label)
        ]
        legend += [entry for entry in original_legend if entry[2] not in words]
        end_labels = False
        frame, legend_layout = present_frame(horizon, y_max, lang, legend, [], words)
    elif present:
        named = {ln.label for ln in lines if ln.label and len(ln.values)}
        legend = [entry for entry in legend if entry[2] not in named]
        frame, legend_layout = present_frame(horizon, y_max, lang, legend, sorted(named))
    else:
        frame, legend_layout = Frame(), [list(range(len(legend)))]
    width, height = WIDTH, frame.height
    plot_w, plot_h = width - frame.left - frame.right, height - frame.top - frame.bottom
    left, top = frame.left, frame.top
    mark_y = top - frame.mark * 0.7 - 4 if present else MARK_Y  # marks: a band of their own above the plot

    def x(week: float) -> float:
        return left + plot_w * week / max(horizon, 1)

    def y(value: float) -> float:
        return top + plot_h * (1 - min(max(value / y_max, 0.0), 1.05))

    parts = [
        f'<svg class="lmx-chart"{f" data-chart={chr(34)}{chart_id}{chr(34)}" if chart_id else ""} '
        f'viewBox="0 0 {width} {height:.0f}" width="100%" xmlns="http://www.w3.org/2000/svg" '
        f'font-family="{FONT}">',
        f'<rect width="{width}" height="{height:.0f}" fill="#FFFFFF"/>',
        f'<text class="lmx-chart-title" x="8" y="{frame.title + 3:.0f}" font-size="{frame.title:g}" '
        f'font-weight="700" fill="#1B2A41">{escape(title)}</text>',
    ]
    # present mode: the y axis' numbers stand further off, so its 0.0 keeps clear of the week 0 below
    y_gap = Y_TICK_GAP_PRESENT if present else 6
    for share in (0.0, 0.5, 1.0):
        value = y_max * share
        parts.append(
            f'<line x1="{left:.1f}" x2="{left + plot_w:.1f}" y1="{y(value):.1f}" y2="{y(value):.1f}" '
            f'stroke="#DDDDDD" stroke-width="1"/>'
        )
        text = number(value, lang, 0 if y_max > 2 else 1)
        parts.append(
            f'<text x="{left - y_gap:.1f}" y="{y(value) + frame.tick * 0.36:.1f}" font-size="{frame.tick:g}" '
            f'fill="#555" text-anchor="end">{text}</text>'
        )
    if y_title and present:
        parts.append(
            f'<text class="lmx-axis-title" x="8" y="{2 * (frame.axis + 6) - 3:.0f}" '
            f'font-size="{frame.axis:g}" fill="#555">{escape(y_title)}</text>'
        )
    elif y_title:
        middle = top + plot_h / 2
        axis_x = 4 + frame.axis * 0.75
        parts.append(
            f'<text class="lmx-axis-title" x="{axis_x:.1f}" y="{middle:.1f}" '
            f'font-size="{frame.axis - (0 if present else 1):g}" '
            f'fill="#555" text-anchor="middle" transform="rotate(-90 {axis_x:.1f} {middle:.1f})">'
            f"{escape(y_title)}</text>"
        )
    tick_y = top + plot_h + frame.tick + 4
    for week in _week_ticks(horizon, present):
        parts.append(
            f'<text x="{x(week):.1f}" y="{tick_y:.1f}" font-size="{frame.tick:g}" '
            f'fill="#555" text-anchor="middle">{week}</text>'
        )
    parts.append(
        f'<text class="lmx-axis-title" x="{left + plot_w / 2:.1f}" y="{height - 6:.1f}" '
        f'font-size="{frame.axis:g}" fill="#555" text-anchor="middle">{escape(t("axis_week", lang))}</text>'
    )
    dot = frame.mark * 0.7
    for mark in marks:
        if 0 <= mark.week <= horizon:
            parts.append(
                f'<line x1="{x(mark.week):.1f}" x2="{x(mark.week):.1f}" y1="{mark_y + dot:.1f}" '
                f'y2="{top + plot_h:.1f}" stroke="{MARK_COLOUR}" stroke-width="2" stroke-dasharray="5 4" '
                f'class="lmx-mark" data-week="{mark.week}"/>'
                f'<circle class="lmx-mark-dot" cx="{x(mark.week):.1f}" cy="{mark_y:.1f}" r="{dot:.1f}" '
                f'fill="{MARK_COLOUR}"/>'
                f'<text x="{x(mark.week):.1f}" y="{mark_y + frame.mark * 0.37:.1f}" '
                f'font-size="{frame.mark:g}" '
                f'font-weight="700" fill="#FFF" text-anchor="middle">{mark.number}</text>'
            )
    if bars is not None:
        bar_w = max(plot_w / max(horizon, 1) * 0.7, 1.5)
        for week, value in zip(bars.weeks, bars.values, strict=False):
            if value > 0:
                parts.append(
                    f'<rect x="{x(week) - bar_w / 2:.1f}" y="{y(value):.1f}" width="{bar_w:.1f}" '
                    f'height="{top + plot_h - y(value):.1f}" fill="{bars.colour}" opacity="{bars.opacity}"/>'
                )
    labels = []
    for line in lines:
        if len(line.values) == 0:
            continue
        points = " ".join(f"{x(w):.1f},{y(v):.1f}" for w, v in zip(line.weeks, line.values, strict=False))
        dash = f' stroke-dasharray="{line.dash}"' if line.dash else ""
        if len(line.values) == 1:  # week 0: a dot, so the line has somewhere to start from
            parts.append(
                f'<circle cx="{x(line.weeks[0]):.1f}" cy="{y(line.values[0]):.1f}" r="{line.width:.1f}" '
                f'fill="{line.colour}" fill-opacity="{line.opacity}"/>'
            )
        parts.append(
            f'<polyline points="{points}" fill="none" stroke="{line.colour}" stroke-width="{line.width}" '
            f'stroke-opacity="{line.opacity}" stroke-linejoin="round"{dash}/>'
        )
        if line.label and end_labels:
            labels.append((y(line.values[-1]) + frame.label * 0.36, x(line.weeks[-1]) + 6, line))
    placed: list[float] = []
    gap = frame.label + 1
    for label_y, label_x, line in sorted(labels, key=lambda item: item[0]):
        while any(abs(label_y - other) < gap for other in placed):  # direct labels never overlap
            label_y += gap
        placed.append(label_y)
        parts.append(
            f'<text class="lmx-line-label" x="{label_x:.1f}" y="{label_y:.1f}" font-size="{frame.label:g}" '
            f'font-weight="700" fill="{line.colour}" stroke="#FFF" stroke-width="3" paint-order="stroke">'
            f"{escape(line.label)}</text>"
        )
    for row, row_y in zip(legend_layout, frame.legend_rows, strict=False):
        lx = 8.0
        row_names = [legend[i] for i in row if legend[i][2] in words]
        if row_names:  # the lines' names, in their colours, one text: the browser sets each after the last
            word_dx = f' dx="{WORD_GAP:g}"'
            spans = "".join(
                f'<tspan{word_dx if k else ""} fill="{colour}">{escape(text)}</tspan>'
                for k, (colour, _, text) in enumerate(row_names)
            )
            parts.append(
                f'<text class="lmx-legend lmx-line-names" x="{lx}" y="{row_y:.1f}" '
                f'font-size="{frame.legend:g}" font-weight="700">{spans}</text>'
            )
            continue
        for colour, dash, text in (legend[i] for i in row):
            dash_attr = f' stroke-dasharray="{dash}"' if dash else ""
            mid = row_y - frame.legend * 0.38
            parts.append(
                f'<line x1="{lx}" x2="{lx + 20}" y1="{mid:.1f}" y2="{mid:.1f}" stroke="{colour}" '
                f'stroke-width="4"{dash_attr}/>'
                f'<text class="lmx-legend" x="{lx + 24}" y="{row_y:.1f}" font-size="{frame.legend:g}" '
                f'fill="#333">{escape(text)}</text>'
            )
            lx += (_legend_width(text, frame.legend, False) + 10) if present else (34 + 6.8 * len(text))
    parts.append("</svg>")
    return "".join(parts)


def group_legend(lang: str, selected: str | None = None) -> list[tuple[str, str, str]]:
    """Colour = group, explained on the chart itself."""
    entries = [(SELECTED_COLOUR, "", selected)] if selected else []
    return entries + [(COLOURS[g], "", group_label(g, lang)) for g in ("in", "middle", "out")]


def intervention_marks(workshop) -> list[Mark]:
    return [Mark(int(i.start), n) for n, i in enumerate(workshop.intervention_starts(), start=1)]


def member_charts_svg(workshop, selected: str | None, lang: str, present: bool = False) -> str:
    """Trust, autonomy and performance of every member (coloured by group); the selected one
    bold and labelled. Performance is drawn as a 4-week average: week-to-week luck is noise."""
    history, names = workshop.history, workshop.names
    weeks = np.array(history.weeks)
    groups = history.groups[-1]
    marks = intervention_marks(workshop)
    twin = workshop.twin_history
    legend = group_legend(lang, selected)  # the twin's dashes are explained above the charts
    charts = []
    for measure in ("trust", "autonomy", "performance"):
        values = history.member_series(measure)
        start = 1 if measure == "performance" else 0  # nobody has worked yet in week 0
        shown = rolling_mean(values[start:]) if measure == "performance" else values[start:]
        lines = []
        chosen = None
        for i, name in enumerate(names):
            if name == selected:
                chosen = Line(weeks[start:], shown[:, i], SELECTED_COLOUR, 4.5, 1.0, label=name)
            else:
                lines.append(Line(weeks[start:], shown[:, i], COLOURS[groups[i]], 2.0, 0.55))
        if twin is not None and chosen is not None:
            twin_values = twin.member_series(measure)[start:]
            if measure == "performance":
                twin_values = rolling_mean(twin_values)
            index = names.index(selected)
            lines.append(
                Line(np.array(twin.weeks)[start:], twin_values[:, index], TWIN_COLOUR, 3.0, 0.9, "6 5")
            )
        if chosen is not None:
            lines.append(chosen)
        title = t(f"chart_{measure}", lang) + (
            f" ({t('smoothed', lang)})" if measure == "performance" else ""
        )
        charts.append(
            line_chart(
                title,
                workshop.horizon,
                lines,
                marks,
                1.0,
                legend=legend,
                chart_id=measure,
                lang=lang,
                y_title=t("axis_share", lang),
                present=present,
            )
        )
    return "".join(charts)


def person_chart_svg(workshop, selected: str, lang: str, present: bool = False) -> str:
    """The selected person's trust, autonomy and performance (4-week average, raw faint) in one
    chart, each line named at its end; with the twin on, the same person without interventions dashed."""
    history, names = workshop.history, workshop.names
    if selected not in names:
        selected = names[0]
    index = names.index(selected)
    weeks = np.array(history.weeks)
    twin = workshop.twin_history
    colours = {"trust": "#0072B2", "autonomy": "#009E73", "performance": "#CC79A7"}
    lines = []
    for measure, colour in colours.items():
        values = history.member_series(measure)[:, index]
        start = 1 if measure == "performance" else 0
        if measure == "performance":
            lines.append(Line(weeks[start:], values[start:], colour, 1.5, 0.35))
            values = np.concatenate([values[:start], rolling_mean(values[start:])])
        if twin is not None:
            twin_values = twin.member_series(measure)[:, index]
            if measure == "performance":
                twin_values = np.concatenate([twin_values[:start], rolling_mean(twin_values[start:])])
            lines.append(Line(np.array(twin.weeks)[start:], twin_values[start:], colour, 2.5, 0.7, "6 5"))
        lines.append(Line(weeks[start:], values[start:], colour, 4.0, 1.0, label=MEMBER[measure].label(lang)))
    legend = [(colour, "", MEMBER[measure].label(lang)) for measure, colour in colours.items()]
    if twin is not None:
        legend.append((TWIN_COLOUR, "6 5", t("without_interventions", lang).lower()))
    return line_chart(
        t("chart_person", lang, name=selected),
        workshop.horizon,
        lines,
        intervention_marks(workshop),
        1.0,
        legend=legend,
        chart_id="person",
        lang=lang,
        y_title=t("axis_share", lang),
        present=present,
        names_above=True,
    )


def team_charts_svg(workshop, lang: str, present: bool = False) -> str:
    """Mean performance (4-week average, raw faint), how unequal the relationships are, and
    problems reported vs hidden with fires."""
    from lmxsim.app.session import team_series

    team = team_series(workshop.model)
    twin = team_series(workshop.twin) if workshop.twin is not None else None
    marks = intervention_marks(workshop)
    horizon = workshop.horizon
    twin_legend = [(TWIN_COLOUR, "6 5", t("without_interventions", lang).lower())] if twin is not None else []
    charts = []
    for key, measure, y_max, y_title in (
        ("chart_team_performance", "performance", 1.0, "axis_share"),
        ("chart_differentiation", "lmx_differentiation", None, "axis_spread"),
    ):
        start = 1 if measure == "performance" else 0
        smooth = rolling_mean if measure == "performance" else np.asarray
        lines = []
        if measure == "performance":
            lines.append(Line(team["week"][start:], team[measure][start:], SELECTED_COLOUR, 1.5, 0.3))
        if twin is not None:
            lines.append(
                Line(twin["week"][start:], smooth(twin[measure][start:]), TWIN_COLOUR, 3.0, 0.9, "6 5")
            )
        lines.append(Line(team["week"][start:], smooth(team[measure][start:]), SELECTED_COLOUR, 3.5))
        if y_max is None:
            peak = max(max(ln.values, default=0.0) for ln in lines)
            y_max = 0.2 if peak <= 0.2 else 0.5 if peak <= 0.5 else 1.0
        title = t(key, lang) + (f" ({t('smoothed', lang)})" if measure == "performance" else "")
        charts.append(
            line_chart(
                title,
                horizon,
                lines,
                marks,
                y_max,
                legend=twin_legend,
                chart_id=measure,
                lang=lang,
                y_title=t(y_title, lang),
                present=present,
            )
        )
    lines = []
    if twin is not None:
        lines.append(Line(twin["week"][1:], twin["problems_hidden"][1:], COLOURS["out"], 3.0, 0.6, "6 5"))
    lines.append(Line(team["week"][1:], team["problems_reported"][1:], COLOURS["in"], 3.0))
    lines.append(Line(team["week"][1:], team["problems_hidden"][1:], COLOURS["out"], 3.5))
    bars = Line(team["week"][1:], team["fires"][1:], "#8B1A1A", opacity=0.8)
    legend = [
        (COLOURS["in"], "", t("reported", lang)),
        (COLOURS["out"], "", t("hidden", lang)),
        ("#8B1A1A", "", TEAM["fires"].label(lang)),
        *twin_legend,
    ]
    charts.append(
        line_chart(
            t("chart_problems", lang),
            horizon,
            lines,
            marks,
            bars=bars,
            legend=legend,
            chart_id="problems",
            lang=lang,
            y_title=t("axis_count", lang),
            present=present,
        )
    )
    return "".join(charts)


@solara.component
def PersonChart(
    workshop, selected: str, lang: str, version: solara.Reactive[int] | None = None, present: bool = False
):
    """The selected person's chart, on the main screen next to the drawing."""
    if version is not None:
        version.value  # noqa: B018 - subscribe to weekly changes
    with workshop.lock:  # read the history as one week, never while Play appends to it
        svg = person_chart_svg(workshop, selected, lang, present)
    solara.HTML(tag="div", unsafe_innerHTML=svg, classes=["lmx-person-chart"])


@solara.component
def MemberCharts(
    workshop,
    selected: str | None,
    lang: str,
    version: solara.Reactive[int] | None = None,
    present: bool = False,
):
    if version is not None:
        version.value  # noqa: B018 - subscribe to weekly changes
    with workshop.lock:
        svg = member_charts_svg(workshop, selected, lang, present)
    solara.HTML(tag="div", unsafe_innerHTML=svg, classes=["lmx-charts"])


@solara.component
def TeamCharts(workshop, lang: str, version: solara.Reactive[int] | None = None, present: bool = False):
    if version is not None:
        version.value  # noqa: B018 - subscribe to weekly changes
    with workshop.lock:
        svg = team_charts_svg(workshop, lang, present)
    solara.HTML(tag="div", unsafe_innerHTML=svg, classes=["lmx-charts"])
