"""The debrief chart: every participant's run of this exercise against their twin, on one screen.

One row per participant (their latest run of the current exercise): the name, what they
tried, and two pairs of bars at the week they reached: how unequal the relationships
are (spread) and how many fires burned, each for their own team (solid) and for their
twin (the same team and luck without interventions, outlined). Drawn as one SVG string
(one widget, cheap to send, crisp on a projector); the type is sized for the back row.
"""

from __future__ import annotations

from html import escape

from lmxsim.app.i18n import intervention_title, number, t, target_label
from lmxsim.app.room import Run, Seat
from lmxsim.interventions.catalogue import CATALOGUE

WIDTH = 1200
ROW = 64  # px per participant
HEAD = 70
OWN, TWIN = "#0072B2", "#FFFFFF"
FONT = "Segoe UI, Helvetica, Arial, sans-serif"


def _tried(run: Run, lang: str) -> str:
    if not run.tried:
        return t("room.debrief_nothing", lang)
    parts = []
    for tried in sorted(run.tried, key=lambda x: (x.when, x.what)):
        cls = CATALOGUE.get(tried.what)
        title = intervention_title(cls, lang) if cls else tried.what
        parts.append(f"{title} → {target_label(tried.who, lang)} ({t('week', lang, week=tried.when)})")
    return "; ".join(parts)


def debrief_rows(seats: list[Seat], exercise: int) -> list[tuple[Seat, Run]]:
    """The participants with a run of this exercise that has an outcome, in joining order."""
    rows = []
    for seat in seats:
        run = next((r for r in reversed(seat.runs) if r.exercise == exercise and r.outcome is not None), None)
        if run is not None:
            rows.append((seat, run))
    return rows


def _text(x: float, y: float, text: str, size: int, weight: str = "400", anchor: str = "start") -> str:
    return (
        f'<text x="{x:.0f}" y="{y:.0f}" font-size="{size}" font-weight="{weight}" fill="#1B2A41" '
        f'text-anchor="{anchor}">{escape(text)}</text>'
    )


def _bars(x: float, y: float, width: float, own: float, twin: float, top: float, label: str) -> str:
    """Own (solid) above twin (outlined), scaled to `top`, with the own value written after it."""
    scale = width / top if top > 0 else 0.0
    return "".join(
        [
            f'<rect x="{x:.0f}" y="{y:.0f}" width="{max(own * scale, 1):.1f}" height="14" fill="{OWN}"/>',
            f'<rect x="{x:.0f}" y="{y + 17:.0f}" width="{max(twin * scale, 1):.1f}" height="14" '
            f'fill="{TWIN}" stroke="{OWN}" stroke-width="2"/>',
            _text(x + width + 8, y + 26, label, 20, "600"),
        ]
    )


def debrief_svg(seats: list[Seat], exercise: int, lang: str) -> str:
    """The chart as one <svg>; each row carries data-seat for tests and clicks."""
    rows = debrief_rows(seats, exercise)
    if not rows:
        return f'<div class="lmx-muted">{escape(t("room.debrief_empty", lang))}</div>'
    outcomes = [r.outcome for _, r in rows if r.outcome is not None]
    spread_top = max(max(o.spread.own, o.spread.twin) for o in outcomes) or 1.0
    fires_top = max(max(o.fires.own, o.fires.twin) for o in outcomes) or 1.0
    height = HEAD + ROW * len(rows) + 10
    name_x, spread_x, fires_x, bar_w = 10, 640, 920, 180
    parts = [
        f'<svg class="lmx-debrief-svg" viewBox="0 0 {WIDTH} {height}" width="100%" '
        f'xmlns="http://www.w3.org/2000/svg" font-family="{FONT}" role="img" '
        f'aria-label="{escape(t("room.tab_debrief", lang))}">',
        f'<rect width="{WIDTH}" height="{height}" fill="#FFFFFF"/>',
        _text(name_x, 28, t("room.col_participant", lang), 22, "700"),
        _text(spread_x, 28, t("room.col_spread", lang), 22, "700"),
        _text(fires_x, 28, t("room.col_fires", lang), 22, "700"),
        f'<rect x="{spread_x}" y="42" width="22" height="14" fill="{OWN}"/>',
        _text(spread_x + 28, 56, t("room.debrief_own", lang), 18),
        f'<rect x="{fires_x}" y="42" width="22" height="14" fill="{TWIN}" stroke="{OWN}" stroke-width="2"/>',
        _text(fires_x + 28, 56, t("room.debrief_twin", lang), 18),
    ]
    for i, (seat, run) in enumerate(rows):
        y = HEAD + i * ROW
        outcome = run.outcome
        assert outcome is not None
        if i % 2 == 0:
            parts.append(f'<rect x="0" y="{y - 4}" width="{WIDTH}" height="{ROW}" fill="#F4F6F9"/>')
        parts.append(
            f'<g data-seat="{seat.id}"><title>{escape(seat.name)}: {escape(_tried(run, lang))}</title>'
        )
        parts.append(_text(name_x, y + 22, f"{seat.name}  ({run.week}/{run.last_week})", 22, "700"))
        tried = _tried(run, lang)
        parts.append(_text(name_x, y + 48, tried if len(tried) <= 52 else tried[:51] + "…", 18))
        parts.append(
            _bars(
                spread_x,
                y + 8,
                bar_w,
                outcome.spread.own,
                outcome.spread.twin,
                spread_top,
                number(outcome.spread.own, lang, 2),
            )
        )
        parts.append(
            _bars(
                fires_x,
                y + 8,
                bar_w,
                outcome.fires.own,
                outcome.fires.twin,
                fires_top,
                number(outcome.fires.own, lang, 0),
            )
        )
        parts.append("</g>")
    parts.append("</svg>")
    return "".join(parts)
