"""The leader's Monday plan: one printable A4 page that says what to do, with whom, when.

Made from a strategy comparison (strategies.py) and, when given, the team's LMX-7 survey
(fit/survey.py). The page holds: the recommended strategy and why, in one sentence with
its uncertainty in words ("in 8 of 10 simulated years this helps An"); the leader's
expected hours in weeks 1-12 (peaks visible); per person one sentence on what the plan
does for them and why (their group, first impression, share of the leader's time) and a
conversation guide from their lowest LMX-7 items; when to measure again and what to
watch; a privacy note. The ten-page HR report (hr_report.py) is its appendix.

Every sentence comes from the text catalogue (`plan.<key>`, lmxsim/texts/plan.py) and
every per-person statement from the same verdict (strategies.verdict), so no two
sentences on the page disagree.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from html import escape

import numpy as np

from lmxsim.lab.report import VERDICT_BACKGROUNDS
from lmxsim.lab.strategies import Comparison
from lmxsim.model.dynamics import Group
from lmxsim.model.measurement import ITEMS
from lmxsim.texts import number, percent, t

CALENDAR_WEEKS = 12  # the weeks the calendar shows: what a leader plans for
SURVEY_AGAIN_WEEK = 12  # measure again when the calendar's weeks are done
LOWEST_ITEMS = 2  # items per person in the conversation guide
FAR, CLOSE = 0.4, 0.7  # first impressions below / above these are called far / close

STYLE = """
@page{size:A4;margin:9mm 11mm}
*{-webkit-print-color-adjust:exact;print-color-adjust:exact}
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;font-size:8pt;color:#222;
line-height:1.22;max-width:186mm;margin:0 auto}
h1{font-size:12.5pt;margin:0 0 .8mm}h2{font-size:9.5pt;margin:2mm 0 .6mm;border-bottom:1px solid #ccc}
p{margin:.5mm 0}.small{color:#555;font-size:7.2pt}
.advice{font-size:9pt}.advice b{font-size:9.5pt}
.cal{display:flex;gap:1.2mm;align-items:flex-end;height:15mm;margin-top:.8mm}
.cal div{flex:1;text-align:center;font-size:7pt}
.bar{background:#4a7fb5;margin:0 auto;width:70%}.peak .bar{background:#c0392b}.peak{font-weight:bold}
table{border-collapse:collapse;width:100%;font-size:7.1pt;line-height:1.17}
col.c1{width:10%}col.c2{width:39%}
td,th{border-bottom:1px solid #e3e3e3;padding:.35mm 1mm;text-align:left;vertical-align:top}
th{font-size:7.2pt;color:#444}td.name{font-weight:bold;white-space:nowrap}
.legend span{display:inline-block;width:3mm;height:3mm;border:1px solid #999;vertical-align:middle;
margin:0 1mm}
@media screen{body{font-size:10pt}}
"""


def p(key: str, lang: str, **values: object) -> str:
    """A plan text from the catalogue."""
    return t(f"plan.{key}", lang, **values)


@dataclass(frozen=True)
class Person:
    """One row of the plan: what the recommended strategy does for this person, and why."""

    name: str
    verdict: str  # gains, loses, same or unclear (strategies.verdict on performance)
    better: int  # simulated years (of 10) better off than with doing nothing
    worse: int  # ... worse off
    out_share: float  # share of years in the out-group when nothing changes
    in_share: float
    first_impression: float
    time_share: float  # share of the strategy's hours spent on this person


def recommended(comparison: Comparison) -> str | None:
    """The best strategy by expected team performance if it beats doing nothing (interval above 0)."""
    c = comparison
    week = c.checkpoints[-1]
    for name in c.ranking("performance", week):
        if name == c.baseline:
            return None
        _, low, _ = c.difference(name, c.baseline, "performance", week)
        return name if low > 0 else None
    return None


def of_ten(count: int, total: int) -> int:
    """A count of simulated years as 'x of 10' (rounded)."""
    return round(10 * count / total) if total else 0


def people(comparison: Comparison, strategy: str) -> list[Person]:
    """Each person's verdict and the facts that explain it, from the comparison's last checkpoint."""
    c = comparison
    week = c.checkpoints[-1]
    gains = c.member_gains()
    gains = gains[
        (gains["strategy"] == strategy) & (gains["week"] == week) & (gains["measure"] == "performance")
    ]
    gains = gains.set_index("member")
    k = c.checkpoints.index(week)
    mine = c.members[strategy]["performance"][k]
    base = c.members[c.baseline]["performance"][k]
    groups = c.members[c.baseline]["group"][k]
    share = c.time_share(strategy)
    rows = []
    for i, member in enumerate(c.team):
        change = mine[:, i] - base[:, i]
        rows.append(
            Person(
                name=member.name,
                verdict=str(gains.loc[member.name, "verdict"]),
                better=of_ten(int(np.count_nonzero(change > 0)), change.size),
                worse=of_ten(int(np.count_nonzero(change < 0)), change.size),
                out_share=float(np.mean(groups[:, i] == Group.OUT)),
                in_share=float(np.mean(groups[:, i] == Group.IN)),
                first_impression=float(member.first_impression),
                time_share=float(share[i]),
            )
        )
    return rows


def _names(items: list[str], lang: str) -> str:
    if len(items) == 1:
        return items[0]
    return f"{', '.join(items[:-1])} {t('report.and', lang)} {items[-1]}"


def why_sentence(comparison: Comparison, strategy: str, rows: list[Person], lang: str) -> str:
    """Why this strategy, with its interval in words, and what it means per person."""
    c = comparison
    week = c.checkpoints[-1]
    k = c.checkpoints.index(week)
    diff = c.outcomes[strategy]["performance"][k] - c.outcomes[c.baseline]["performance"][k]
    x = of_ten(int(np.count_nonzero(diff > 0)), diff.size)
    win = c.winner(week)
    others = [s.name for s in c.strategies if s.name != c.baseline]
    second = [n for n in c.ranking("performance", week) if n not in (strategy, c.baseline)]
    key = "why_clear" if win.clear and win.best == strategy else "why_close"
    values = {"k": len(others), "x": x, "second": c.title(second[0], lang) if second else "-"}
    if not second:
        key = "why_clear"
    text = p(key, lang, **values)
    parts = []
    for verdict, key, years in (("gains", "helps", "better"), ("loses", "costs", "worse")):
        by_years: dict[int, list[str]] = {}
        for row in rows:
            if row.verdict == verdict:
                by_years.setdefault(getattr(row, years), []).append(row.name)
        for x_years in sorted(by_years, reverse=True)[:2]:  # the two strongest, names grouped
            parts.append(p(key, lang, x=x_years, name=_names(by_years[x_years], lang)))
    same = [row.name for row in rows if row.verdict == "same"]
    if same:
        parts.append(p("no_difference", lang, names=_names(same, lang)))
    unclear = [row.name for row in rows if row.verdict == "unclear"]
    if unclear:
        parts.append(p("cannot_say", lang, names=_names(unclear, lang)))
    if parts:
        sentence = "; ".join(parts)
        text += " " + sentence[:1].upper() + sentence[1:] + "."
    return text


def person_sentence(row: Person, lang: str) -> str:
    """One sentence: the verdict, and the person's group, first impression and share of the hours."""
    verdict = p(f"v_{row.verdict}", lang, x=row.better if row.verdict == "gains" else row.worse)
    if row.out_share > 0.5:
        group = p("g_out", lang, x=of_ten(round(row.out_share * 100), 100))
    elif row.in_share > 0.5:
        group = p("g_in", lang, x=of_ten(round(row.in_share * 100), 100))
    else:
        group = p("g_middle", lang)
    fi = number(row.first_impression, lang, 2)
    level = (
        "fi_far" if row.first_impression < FAR else "fi_close" if row.first_impression > CLOSE else "fi_mid"
    )
    return p(
        "person_why",
        lang,
        verdict=verdict,
        group=group,
        fi=p(level, lang, v=fi),
        share=percent(row.time_share, lang),
    )


def conversation(items: Sequence[int] | None, lang: str) -> str:
    """The lowest LMX-7 items with what to ask and what to offer (empty without item scores)."""
    if not items or len(items) != ITEMS:
        return ""
    first, *rest = sorted(range(1, ITEMS + 1), key=lambda j: (items[j - 1], j))[:LOWEST_ITEMS]
    text = p(
        "talk",
        lang,
        item=p(f"item{first}", lang),
        score=items[first - 1],
        ask=p(f"ask{first}", lang),
        offer=p(f"offer{first}", lang),
    )
    for j in rest:  # named only: one conversation opens with one question
        text += " " + p("also_low", lang, item=p(f"item{j}", lang).lower(), score=items[j - 1])
    return text


def watch(items: Mapping[str, Sequence[int]], lang: str) -> str:
    """The two items lowest on average in the team (or the default ones without item scores)."""
    if not items:
        return p("watch_default", lang)
    means = np.mean(np.array([list(v) for v in items.values()], dtype=float), axis=0)
    lowest = sorted(range(1, ITEMS + 1), key=lambda j: (means[j - 1], j))[:2]
    return _names(
        [
            p("watch_item", lang, j=j, item=p(f"item{j}", lang).lower(), mean=number(means[j - 1], lang, 1))
            for j in lowest
        ],
        lang,
    )


def calendar_html(comparison: Comparison, strategy: str | None, lang: str) -> str:
    """The leader's expected hours in weeks 1-12 as bars, the busiest week in red."""
    weekly = comparison.week_hours(strategy) if strategy else np.zeros(comparison.weeks)
    shown = np.zeros(CALENDAR_WEEKS)
    shown[: min(CALENDAR_WEEKS, weekly.size)] = weekly[:CALENDAR_WEEKS]
    top = float(shown.max())
    cells = []
    for w, hours in enumerate(shown, start=1):
        height = 0.0 if top <= 0 else 9.0 * hours / top
        peak = top > 0 and hours == top
        cells.append(
            f'<div class="{"peak" if peak else ""}"><div class="bar" style="height:{height:.1f}mm"></div>'
            f"{number(hours, lang, 1)}<br>{p('week_short', lang)} {w}</div>"
        )
    busiest = int(np.argmax(weekly)) + 1 if weekly.size else 1
    note = p(
        "calendar_note",
        lang,
        pw=busiest,
        peak=number(float(weekly.max(initial=0.0)), lang, 1),
        mean=number(float(weekly.mean()) if weekly.size else 0.0, lang, 1),
        w=comparison.weeks,
    )
    return f'<div class="cal">{"".join(cells)}</div><p class="small">{escape(note)}</p>'


def people_html(rows: list[Person], items: Mapping[str, Sequence[int]], lang: str) -> str:
    """The per-person table: verdict colour, the sentence, and the conversation guide."""
    with_items = bool(items)
    head = '<colgroup><col class="c1"><col class="c2"><col></colgroup>'
    head += f"<tr><th>{escape(p('col_person', lang))}</th><th>{escape(p('col_effect', lang))}</th>"
    if with_items:
        head += f"<th>{escape(p('col_talk', lang))}</th>"
    body = []
    for row in rows:
        colour = VERDICT_BACKGROUNDS[row.verdict]
        cells = (
            f'<td class="name" data-verdict="{row.verdict}" style="background:{colour}">'
            f"{escape(row.name)}</td>"
            f"<td>{escape(person_sentence(row, lang))}</td>"
        )
        if with_items:
            guide = conversation(items.get(row.name), lang) or "—"
            cells += f"<td>{escape(guide)}</td>"
        body.append(f"<tr>{cells}</tr>")
    legend = (
        '<p class="small legend">'
        + escape(p("legend", lang))
        + "".join(
            f'<span style="background:{VERDICT_BACKGROUNDS[v]}"></span>'
            for v in ("gains", "loses", "same", "unclear")
        )
        + "</p>"
    )
    note = "" if with_items else f'<p class="small">{escape(p("no_items", lang))}</p>'
    return f"<table>{head}</tr>{''.join(body)}</table>{legend}{note}"


def _robust(view, lang: str) -> str:
    """The robustness verdict in one sentence (as hr_report.robustness_verdict; not imported from
    there, which imports the lab's tables, which import this module)."""
    if view.holds():
        return t("report.robust_holds", lang)
    return t("report.robust_top_holds" if view.top_holds() else "report.robust_changes", lang)


def plan_html(
    comparison: Comparison,
    lang: str = "en",
    items: Mapping[str, Sequence[int]] | None = None,
    robustness=None,
    files: str = "",
    appendix: str | None = None,
    title: str | None = None,
    fit: str | None = None,
    waves: int = 0,
    date: str = "",
    change=None,
) -> str:
    """The one-page plan as a self-contained HTML document (print it to PDF from a browser).
    `change`: an advice.AdviceChange when compared over a fit (one sentence: what the fit changed)."""
    from lmxsim import __version__

    c = comparison
    items = dict(items or {})
    team = title or t("report.your_team", lang)
    strategy = recommended(c)
    parts = [
        f"<h1>{escape(p('title', lang, team=team))}</h1>",
        '<p class="small">'
        + escape(p("made", lang, date=date, version=__version__, files=files, r=c.replications, seed=c.seed))
        + (" " + escape(p("fit_used", lang, fit=fit)) if fit else "")
        + "</p>",
        f"<h2>{escape(p('h_advice', lang))}</h2>",
    ]
    others = [s.name for s in c.strategies if s.name != c.baseline]
    rows: list[Person] = []
    if strategy is None:
        parts.append(f'<p class="advice">{escape(p("nothing_helps", lang, k=len(others)))}</p>')
    else:
        chosen = next(s for s in c.strategies if s.name == strategy)
        rows = people(c, strategy)
        advice = p("advice", lang, title="\x00", what=chosen.describe(lang))
        head, tail = escape(advice).split("\x00")
        parts.append(
            f'<p class="advice">{head}<b>{escape(c.title(strategy, lang))}</b>{tail}</p>'
            f"<p>{escape(why_sentence(c, strategy, rows, lang))}</p>"
        )
    if change is not None:
        parts.append(f'<p class="small advice-change">{escape(change.sentence(lang))}</p>')
    robust = _robust(robustness, lang) if robustness is not None else p("not_checked", lang)
    parts.append(f'<p class="small">{escape(p("sure", lang, robust=robust))}</p>')
    parts += [f"<h2>{escape(p('h_calendar', lang))}</h2>", calendar_html(c, strategy, lang)]
    if strategy is not None:
        parts += [f"<h2>{escape(p('h_people', lang))}</h2>", people_html(rows, items, lang)]
    elif items:  # no strategy to explain: the conversations alone
        guides = "".join(
            f'<tr><td class="name">{escape(name)}</td>'
            f"<td>{escape(conversation(items.get(name), lang) or '—')}</td></tr>"
            for name in c.names
        )
        head = f"<tr><th>{escape(p('col_person', lang))}</th><th>{escape(p('col_talk', lang))}</th></tr>"
        parts += [f"<h2>{escape(p('h_people', lang))}</h2>", f"<table>{head}{guides}</table>"]
    parts += [
        f"<h2>{escape(p('h_next', lang))}</h2>",
        f"<p>{escape(p('next', lang, w=SURVEY_AGAIN_WEEK, wave=waves + 1, items=watch(items, lang)))}</p>",
        f"<h2>{escape(p('h_privacy', lang))}</h2>",
        f'<p class="small">{escape(p("privacy", lang))}</p>',
    ]
    if appendix:
        link = f'<a href="{escape(appendix, quote=True)}">{escape(appendix)}</a>'
        parts.append(f'<p class="small">{escape(p("appendix", lang, file="\x00")).replace("\x00", link)}</p>')
    heading = escape(p("title", lang, team=team))
    return (
        f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8"><title>{heading}</title>'
        f"<style>{STYLE}</style></head><body>{''.join(parts)}</body></html>\n"
    )
