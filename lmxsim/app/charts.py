"""Time series as SVG: each member's trust, autonomy and performance, and the team lines.

Hand-written SVG because it redraws in about a millisecond and needs nothing
from a CDN (Altair's assets are not served offline; matplotlib is ~100 ms).
Intervention start weeks are dashed purple lines with a number that matches
the list in the interventions panel. With the twin on, the same team without
interventions is drawn dashed.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

import numpy as np
import solara

from lmxsim.app.i18n import t
from lmxsim.app.team_drawing import COLOURS

WIDTH, HEIGHT = 460, 236
LEFT, RIGHT, TOP, BOTTOM = 46, 78, 40, 30
MARK_COLOUR = "#7B3FA0"
SELECTED_COLOUR = "#1B2A41"
TWIN_COLOUR = "#555555"
FONT = "Segoe UI, Helvetica, Arial, sans-serif"


@dataclass
class Line:
    weeks: list[int] | np.ndarray
    values: list[float] | np.ndarray
    colour: str
    width: float = 2.0
    opacity: float = 1.0
    dash: str = ""
    label: str = ""


@dataclass
class Mark:
    week: int
    number: int


def _nice_max(value: float) -> float:
    for top in (1, 2, 5, 10, 20, 50, 100, 200, 500, 1000):
        if value <= top:
            return float(top)
    return float(value)


def line_chart(
    title: str,
    horizon: int,
    lines: list[Line],
    marks: list[Mark],
    y_max: float | None = None,
    bars: Line | None = None,
    legend: list[tuple[str, str, str]] = (),
    chart_id: str = "",
) -> str:
    """One chart: weeks 0..horizon on x; y from 0 to y_max (or a round number above the data)."""
    if y_max is None:
        peak = max([float(np.max(ln.values)) for ln in lines if len(ln.values)] + [1.0])
        if bars is not None and len(bars.values):
            peak = max(peak, float(np.max(bars.values)))
        y_max = _nice_max(peak)
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM

    def x(week: float) -> float:
        return LEFT + plot_w * week / max(horizon, 1)

    def y(value: float) -> float:
        return TOP + plot_h * (1 - min(max(value / y_max, 0.0), 1.05))

    parts = [
        f'<svg class="lmx-chart"{f" data-chart={chr(34)}{chart_id}{chr(34)}" if chart_id else ""} '
        f'viewBox="0 0 {WIDTH} {HEIGHT}" width="100%" xmlns="http://www.w3.org/2000/svg" '
        f'font-family="{FONT}">',
        f'<rect width="{WIDTH}" height="{HEIGHT}" fill="#FFFFFF"/>',
        f'<text x="{LEFT - 36}" y="24" font-size="19" font-weight="700" fill="#1B2A41">'
        f"{escape(title)}</text>",
    ]
    for share in (0.0, 0.5, 1.0):
        value = y_max * share
        parts.append(
            f'<line x1="{LEFT}" x2="{LEFT + plot_w}" y1="{y(value):.1f}" y2="{y(value):.1f}" '
            f'stroke="#DDDDDD" stroke-width="1"/>'
        )
        text = f"{value:g}" if y_max > 1 else f"{value:.1f}"
        parts.append(
            f'<text x="{LEFT - 6}" y="{y(value) + 5:.1f}" font-size="14" fill="#555" '
            f'text-anchor="end">{text}</text>'
        )
    step = 13 if horizon > 30 else 5
    for week in range(0, horizon + 1, step):
        parts.append(
            f'<text x="{x(week):.1f}" y="{HEIGHT - 8}" font-size="14" fill="#555" '
            f'text-anchor="middle">{week}</text>'
        )
    for mark in marks:
        if 0 <= mark.week <= horizon:
            parts.append(
                f'<line x1="{x(mark.week):.1f}" x2="{x(mark.week):.1f}" y1="{TOP - 6}" y2="{TOP + plot_h}" '
                f'stroke="{MARK_COLOUR}" stroke-width="2" stroke-dasharray="5 4" class="lmx-mark" '
                f'data-week="{mark.week}"/>'
                f'<circle cx="{x(mark.week):.1f}" cy="{TOP - 12}" r="9" fill="{MARK_COLOUR}"/>'
                f'<text x="{x(mark.week):.1f}" y="{TOP - 7}" font-size="13" font-weight="700" fill="#FFF" '
                f'text-anchor="middle">{mark.number}</text>'
            )
    if bars is not None:
        bar_w = max(plot_w / max(horizon, 1) * 0.7, 1.5)
        for week, value in zip(bars.weeks, bars.values, strict=False):
            if value > 0:
                parts.append(
                    f'<rect x="{x(week) - bar_w / 2:.1f}" y="{y(value):.1f}" width="{bar_w:.1f}" '
                    f'height="{TOP + plot_h - y(value):.1f}" fill="{bars.colour}" opacity="{bars.opacity}"/>'
                )
    for line in lines:
        if len(line.values) == 0:
            continue
        points = " ".join(f"{x(w):.1f},{y(v):.1f}" for w, v in zip(line.weeks, line.values, strict=False))
        dash = f' stroke-dasharray="{line.dash}"' if line.dash else ""
        parts.append(
            f'<polyline points="{points}" fill="none" stroke="{line.colour}" stroke-width="{line.width}" '
            f'stroke-opacity="{line.opacity}" stroke-linejoin="round"{dash}/>'
        )
        if line.label:
            parts.append(
                f'<text x="{x(line.weeks[-1]) + 6:.1f}" y="{y(line.values[-1]) + 5:.1f}" font-size="16" '
                f'font-weight="700" fill="{line.colour}" stroke="#FFF" stroke-width="3" paint-order="stroke">'
                f"{escape(line.label)}</text>"
            )
    lx = LEFT - 36 + 12.5 * len(title) + 24  # after the title
    for colour, dash, text in legend:
        dash_attr = f' stroke-dasharray="{dash}"' if dash else ""
        parts.append(
            f'<line x1="{lx}" x2="{lx + 22}" y1="18" y2="18" stroke="{colour}" stroke-width="4"{dash_attr}/>'
            f'<text x="{lx + 27}" y="23" font-size="14" fill="#333">{escape(text)}</text>'
        )
        lx += 36 + 7.4 * len(text)
    parts.append("</svg>")
    return "".join(parts)


def intervention_marks(workshop) -> list[Mark]:
    return [Mark(int(i.start), n) for n, i in enumerate(workshop.intervention_starts(), start=1)]


def member_charts_svg(workshop, selected: str | None, lang: str) -> str:
    """Trust, autonomy and performance of every member; the selected one bold and labelled."""
    history, names = workshop.history, workshop.names
    weeks = np.array(history.weeks)
    groups = history.groups[-1]
    marks = intervention_marks(workshop)
    twin = workshop.twin_history
    charts = []
    for measure in ("trust", "autonomy", "performance"):
        values = history.member_series(measure)
        start = 1 if measure == "performance" else 0  # nobody has worked yet in week 0
        lines = []
        chosen = None
        for i, name in enumerate(names):
            line = Line(weeks[start:], values[start:, i], COLOURS[groups[i]], 2.0, 0.55)
            if name == selected:
                chosen = Line(weeks[start:], values[start:, i], SELECTED_COLOUR, 4.5, 1.0, label=name)
            else:
                lines.append(line)
        if twin is not None and chosen is not None:
            twin_values = twin.member_series(measure)
            index = names.index(selected)
            lines.append(
                Line(np.array(twin.weeks)[start:], twin_values[start:, index], TWIN_COLOUR, 3.0, 0.9, "6 5")
            )
        if chosen is not None:
            lines.append(chosen)
        charts.append(
            line_chart(t(f"chart_{measure}", lang), workshop.horizon, lines, marks, 1.0, chart_id=measure)
        )
    return "".join(charts)


def team_charts_svg(workshop, lang: str) -> str:
    """Mean performance, LMX differentiation, and problems reported vs hidden with fires."""
    from lmxsim.app.session import team_series

    team = team_series(workshop.model)
    twin = team_series(workshop.twin) if workshop.twin is not None else None
    marks = intervention_marks(workshop)
    horizon = workshop.horizon
    charts = []
    for key, measure, y_max in (
        ("chart_team_performance", "performance", 1.0),
        ("chart_differentiation", "lmx_differentiation", None),
    ):
        start = 1 if measure == "performance" else 0
        lines = []
        if twin is not None:
            lines.append(Line(twin["week"][start:], twin[measure][start:], TWIN_COLOUR, 3.0, 0.9, "6 5"))
        lines.append(Line(team["week"][start:], team[measure][start:], SELECTED_COLOUR, 3.5))
        if y_max is None:
            peak = max(max(ln.values, default=0.0) for ln in lines)
            y_max = 0.2 if peak <= 0.2 else 0.5 if peak <= 0.5 else 1.0
        charts.append(line_chart(t(key, lang), horizon, lines, marks, y_max, chart_id=measure))
    lines = []
    if twin is not None:
        lines.append(Line(twin["week"][1:], twin["problems_hidden"][1:], COLOURS["out"], 3.0, 0.6, "6 5"))
    lines.append(Line(team["week"][1:], team["problems_reported"][1:], COLOURS["in"], 3.0))
    lines.append(Line(team["week"][1:], team["problems_hidden"][1:], COLOURS["out"], 3.5))
    bars = Line(team["week"][1:], team["fires"][1:], "#8B1A1A", opacity=0.8)
    legend = [
        (COLOURS["in"], "", t("reported", lang)),
        (COLOURS["out"], "", t("hidden", lang)),
        ("#8B1A1A", "", t("fires", lang)),
    ]
    charts.append(
        line_chart(
            t("chart_problems", lang), horizon, lines, marks, bars=bars, legend=legend, chart_id="problems"
        )
    )
    return "".join(charts)


@solara.component
def MemberCharts(workshop, selected: str | None, lang: str, version: solara.Reactive[int] | None = None):
    if version is not None:
        version.value  # noqa: B018 - subscribe to weekly changes
    solara.HTML(
        tag="div", unsafe_innerHTML=member_charts_svg(workshop, selected, lang), classes=["lmx-charts"]
    )


@solara.component
def TeamCharts(workshop, lang: str, version: solara.Reactive[int] | None = None):
    if version is not None:
        version.value  # noqa: B018 - subscribe to weekly changes
    solara.HTML(tag="div", unsafe_innerHTML=team_charts_svg(workshop, lang), classes=["lmx-charts"])
