"""The strategy comparison's tables as HTML strings (offline-safe, no chart library).

Used by the lab (app) and the HR report alike, so both show the same tables, the
same colour per strategy and the same legend. Values a leader reads are in concrete
units (LMX-7 points, counts, names); the model's 0-1 value is on hover (title).
"""

from __future__ import annotations

from html import escape

from lmxsim.lab.report import VERDICT_BACKGROUNDS, legend, per_hour, show
from lmxsim.lab.strategies import MEASURES, SO_FAR, Comparison
from lmxsim.lab.style import heading, r, strategy_colours
from lmxsim.model.dynamics import lmx7
from lmxsim.model.measures import MEMBER
from lmxsim.texts import number, percent, t

TABLE_STYLE = (
    "<style>.lab-outcomes td,.lab-outcomes th,.lab-gains td,.lab-gains th,.lab-effort td,.lab-effort th,"
    ".lab-robust td,.lab-robust th{padding:4px 10px;border-bottom:1px solid #eee;text-align:left;"
    "vertical-align:top}.lab-swatch{display:inline-block;width:.9em;height:.9em;border-radius:2px;"
    "margin-right:6px;vertical-align:-1px;-webkit-print-color-adjust:exact;print-color-adjust:exact}"
    ".lab-legend{font-size:12px;color:#444;margin:4px 0 10px 0}.lab-legend span.box{display:inline-block;"
    "width:1.2em;height:.9em;border:1px solid #bbb;margin:0 4px 0 12px;vertical-align:-1px}"
    ".lab-gains td,.lab-legend span.box{-webkit-print-color-adjust:exact;print-color-adjust:exact}</style>"
)


def swatch(colour: str) -> str:
    return f'<span class="lab-swatch" style="background:{colour}"></span>'


def strategy_cell(comparison: Comparison, name: str, lang: str, colours: dict[str, str]) -> str:
    return (
        f'<td data-strategy="{escape(name)}" data-colour="{colours[name]}">{swatch(colours[name])}'
        f"{escape(comparison.title(name, lang))}</td>"
    )


def _value(measure: str, value: float, lang: str) -> str:
    """A team value in the unit a leader reads (LMX-7 points for relationship quality), as declared."""
    if measure == "lmx_mean":
        return MEMBER["lmx7"].show(lmx7(value), lang)
    return show(measure, value, lang)


def outcomes_html(comparison: Comparison, lang: str) -> str:
    """Per strategy and checkpoint: mean [95% CI], and where 95% of runs fall."""
    summary = comparison.summary().set_index(["strategy", "week", "measure"])
    colours = strategy_colours([s.name for s in comparison.strategies])
    fire = escape(r("fire_definition", lang))
    head = "".join(
        f'<th title="{fire}">{escape(heading(m, lang))} *</th>'
        if m in SO_FAR
        else f"<th>{escape(heading(m, lang))}</th>"
        for m in MEASURES
    )
    rows = []
    for week in comparison.checkpoints:
        rows.append(f'<tr><th colspan="{len(MEASURES) + 1}">{escape(r("week", lang))} {week}</th></tr>')
        for s in comparison.strategies:
            cells = []
            for m in MEASURES:
                row = summary.loc[(s.name, week, m)]
                hover = ""
                if m == "lmx_mean":
                    hover = f' title="{escape(r("scale_hint", lang, value=show(m, row["mean"], lang)))}"'
                cells.append(
                    f"<td{hover}><b>{_value(m, row['mean'], lang)}</b> "
                    f"[{_value(m, row.ci_low, lang)}; {_value(m, row.ci_high, lang)}]<br>"
                    f'<span style="color:#666">{_value(m, row.p2_5, lang)} – '
                    f"{_value(m, row.p97_5, lang)}</span></td>"
                )
            rows.append(f"<tr>{strategy_cell(comparison, s.name, lang, colours)}{''.join(cells)}</tr>")
    return TABLE_STYLE + (
        '<table class="lab-outcomes" style="border-collapse:collapse;font-size:13px">'
        f"<tr><th>{escape(t('lab.strategy', lang))}</th>{head}</tr>{''.join(rows)}</table>"
        f'<div class="lab-fire-note" style="font-size:12px;color:#555">* {fire}</div>'
    )


def legend_html(lang: str) -> str:
    """What each colour of the per-person table means (every colour has a line)."""
    items = "".join(
        f'<span class="box" style="background:{colour}"></span>{escape(text)}'
        for colour, text in legend(lang)
    )
    return f'<div class="lab-legend">{escape(t("lab.legend", lang))}{items}</div>'


def gains_html(comparison: Comparison, lang: str) -> str:
    """Per person and strategy: gain in expected performance vs doing nothing, coloured by verdict.

    Each cell also says in how many simulated years the person did better, the change of
    their relationship in LMX-7 points, whether they end in the out-group (most years), and
    in one sentence why (plan.person_sentence: group, first impression, share of the time).
    """
    week = comparison.checkpoints[-1]
    gains = comparison.member_gains()
    if gains.empty:
        return ""
    gains = gains[gains["week"] == week]
    perf = gains[gains["measure"] == "performance"].set_index(["member", "strategy"])
    rel = gains[gains["measure"] == "lmx"].set_index(["member", "strategy"])
    others = [s for s in comparison.strategies if s.name != comparison.baseline]
    colours = strategy_colours([s.name for s in comparison.strategies])
    head = "".join(
        f'<th data-strategy="{escape(s.name)}">{swatch(colours[s.name])}'
        f"{escape(comparison.title(s.name, lang))}</th>"
        for s in others
    )
    rows = []

    def gain(x: float) -> str:
        return MEMBER["performance"].show(x, lang, change=True)

    from lmxsim.lab.plan import people, person_sentence

    why = {s.name: {p.name: person_sentence(p, lang) for p in people(comparison, s.name)} for s in others}
    for name in comparison.names:
        cells = []
        for s in others:
            g = perf.loc[(name, s.name)]
            lm = rel.loc[(name, s.name)]
            out = " · " + escape(r("out_group_years", lang, x=g.out_group_years, n=g.years))
            hover = r("scale_hint", lang, value=gain(g.gain))
            better = escape(r("better_years_short", lang, x=g.better_years, n=g.years))
            cells.append(
                f'<td style="background:{VERDICT_BACKGROUNDS[g.verdict]}" data-verdict="{g.verdict}" '
                f'title="{escape(hover)}">'
                f"<b>{gain(g.gain)}</b> [{gain(g.gain_ci_low)}; {gain(g.gain_ci_high)}]<br>"
                f'<span style="font-size:12px">{better}'
                f" · LMX-7 {number(lm.gain_lmx7, lang, 1, True)}{out}</span>"
                f'<br><span class="lab-why" style="font-size:11px;color:#333">'
                f"{escape(why[s.name][name])}</span></td>"
            )
        rows.append(f"<tr><td>{escape(name)}</td>{''.join(cells)}</tr>")
    return (
        TABLE_STYLE
        + legend_html(lang)
        + (
            '<table class="lab-gains" style="border-collapse:collapse;font-size:13px">'
            f"<tr><th>{escape(t('lab.person', lang))}</th>{head}</tr>{''.join(rows)}</table>"
        )
    )


def effort_html(comparison: Comparison, lang: str, budget: float | None = None) -> str:
    """Per strategy: the leader's hours per week, years better than nothing, gain per weekly hour."""
    week = comparison.checkpoints[-1]
    summary = comparison.summary()
    summary = summary[(summary["week"] == week) & (summary["measure"] == "performance")].set_index("strategy")
    colours = strategy_colours([s.name for s in comparison.strategies])
    rows = []
    for s in comparison.strategies:
        if s.name == comparison.baseline:
            continue
        hours = comparison.hours(s.name)
        over = budget is not None and budget > 0 and hours > budget
        mark = f' <b class="lab-over-budget">({escape(r("over_budget_mark", lang))})</b>' if over else ""
        better = summary.loc[s.name].better_runs
        rows.append(
            f"<tr{' class="over"' if over else ''}>{strategy_cell(comparison, s.name, lang, colours)}"
            f"<td>{number(hours, lang, 1)}{mark}</td>"
            f"<td>{number(comparison.peak_hours(s.name), lang, 1)}</td>"
            f"<td>{better}/{comparison.replications}</td>"
            f"<td>{number(per_hour(comparison, s.name), lang, 3, True)}</td></tr>"
        )
    head = "".join(
        f"<th>{escape(r(k, lang))}</th>" for k in ("col_hours", "col_peak", "col_better", "col_per_hour")
    )
    return TABLE_STYLE + (
        '<table class="lab-effort" style="border-collapse:collapse;font-size:13px">'
        f"<tr><th>{escape(t('lab.strategy', lang))}</th>{head}</tr>{''.join(rows)}</table>"
    )


def robustness_html(view, lang: str) -> str:
    """Rank and expected team performance of every strategy at 50%, 100% and 150% strength."""
    frame = view.table()
    main = view.comparisons.get(1.0) or next(iter(view.comparisons.values()))
    colours = strategy_colours([s.name for s in main.strategies])
    head = "".join(f"<th>{escape(r('robust_strength', lang, p=percent(f, lang)))}</th>" for f in view.factors)
    rows = []
    for s in main.ranking():
        cells = []
        for f in view.factors:
            row = frame[(frame["strength"] == f) & (frame["strategy"] == s)].iloc[0]
            mean = show("performance", row["mean"], lang)
            change = show("performance", row["diff_vs_nothing"], lang, True)
            cells.append(
                f'<td data-rank="{row["rank"]}"><b>#{row["rank"]}</b> {mean} '
                f'<span style="color:#666">({change})</span></td>'
            )
        rows.append(f"<tr>{strategy_cell(main, s, lang, colours)}{''.join(cells)}</tr>")
    return TABLE_STYLE + (
        '<table class="lab-robust" style="border-collapse:collapse;font-size:13px">'
        f"<tr><th>{escape(t('lab.strategy', lang))}</th>{head}</tr>{''.join(rows)}</table>"
    )
