"""The strategy lab's result tables as HTML strings (offline-safe, no chart library)."""

from __future__ import annotations

from html import escape

from lmxsim.app.i18n_lab import MEASURE_LABELS, tl
from lmxsim.strategies import MEASURES, Comparison
from lmxsim.strategy_report import number

TABLE_STYLE = (
    "<style>.lab-outcomes td,.lab-outcomes th,.lab-gains td,.lab-gains th"
    "{padding:4px 10px;border-bottom:1px solid #eee;text-align:left;vertical-align:top}</style>"
)
VERDICT_COLOURS = {"gains": "#D6EFD6", "loses": "#F8D7D0", "same": "#FFFFFF", "unclear": "#F0F0F0"}


def _cell(value: float, digits: int, lang: str) -> str:
    return number(value, lang, digits)


def outcomes_html(comparison: Comparison, lang: str) -> str:
    """Per strategy and checkpoint: mean [95% CI], and where 95% of runs fall."""
    summary = comparison.summary().set_index(["strategy", "week", "measure"])
    head = "".join(f"<th>{escape(MEASURE_LABELS[m][lang])}</th>" for m in MEASURES)
    rows = []
    for week in comparison.checkpoints:
        rows.append(f'<tr><th colspan="{len(MEASURES) + 1}">{tl("week", lang)} {week}</th></tr>')
        for s in comparison.strategies:
            cells = []
            for m in MEASURES:
                r = summary.loc[(s.name, week, m)]
                digits = 1 if m in ("fires", "problems_hidden") else (2 if m == "out_group_share" else 3)
                cells.append(
                    f"<td><b>{_cell(r['mean'], digits, lang)}</b> "
                    f"[{_cell(r.ci_low, digits, lang)}; {_cell(r.ci_high, digits, lang)}]<br>"
                    f'<span style="color:#666">{_cell(r.p2_5, digits, lang)} – '
                    f"{_cell(r.p97_5, digits, lang)}</span></td>"
                )
            rows.append(f"<tr><td>{escape(comparison.title(s.name, lang))}</td>{''.join(cells)}</tr>")
    return TABLE_STYLE + (
        '<table class="lab-outcomes" style="border-collapse:collapse;font-size:13px">'
        f"<tr><th>{tl('strategy', lang)}</th>{head}</tr>{''.join(rows)}</table>"
    )


def gains_html(comparison: Comparison, lang: str) -> str:
    """Per person and strategy: gain in expected performance vs doing nothing, coloured by verdict."""
    week = comparison.checkpoints[-1]
    gains = comparison.member_gains()
    if gains.empty:
        return ""
    gains = gains[(gains["week"] == week) & (gains["measure"] == "performance")].set_index(
        ["member", "strategy"]
    )
    others = [s for s in comparison.strategies if s.name != comparison.baseline]
    head = "".join(f"<th>{escape(comparison.title(s.name, lang))}</th>" for s in others)
    rows = []
    for name in comparison.names:
        cells = []
        for s in others:
            g = gains.loc[(name, s.name)]
            cells.append(
                f'<td style="background:{VERDICT_COLOURS[g.verdict]}" data-verdict="{g.verdict}">'
                f"{number(g.gain, lang, 3, True)} [{number(g.gain_ci_low, lang, 3, True)}; "
                f"{number(g.gain_ci_high, lang, 3, True)}]</td>"
            )
        rows.append(f"<tr><td>{escape(name)}</td>{''.join(cells)}</tr>")
    return TABLE_STYLE + (
        '<table class="lab-gains" style="border-collapse:collapse;font-size:13px">'
        f"<tr><th>{tl('person', lang)}</th>{head}</tr>{''.join(rows)}</table>"
    )
