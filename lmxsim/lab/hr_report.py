"""One self-contained HTML page a leader can take to HR: `lmxsim strategies --report` and the lab's button.

Everything is inside the file (styles, figures as base64 PNG), so it can be mailed,
opened offline and printed to PDF from any browser. It holds the team as entered,
the strategies with the leader's time, the results and the per-person table, the
robustness view, the assumptions and limits in plain words, and the provenance
(version, model fingerprint, seed, parameters) to make it again.
"""

from __future__ import annotations

import base64
import json
from html import escape
from pathlib import Path

from lmxsim.interventions.catalogue import hours_source
from lmxsim.interventions.effort import CONTACT, contact_hours, hours_for
from lmxsim.io.output import write_text
from lmxsim.lab.figures import figure_member_gains, figure_outcomes, png_bytes
from lmxsim.lab.report import conclusions, provenance
from lmxsim.lab.strategies import Comparison
from lmxsim.lab.style import r, strategy_colours
from lmxsim.lab.tables import effort_html, gains_html, outcomes_html, robustness_html, swatch
from lmxsim.model.measures import MEMBER
from lmxsim.texts import number, t

STYLE = """
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;max-width:1100px;margin:24px auto;
padding:0 16px;color:#222;line-height:1.45}
h1{font-size:1.6em;margin-bottom:.2em}h2{font-size:1.25em;margin-top:1.6em;border-bottom:2px solid #ddd}
table{border-collapse:collapse;font-size:13px;margin:6px 0}td,th{padding:3px 8px;border-bottom:1px solid #eee;
text-align:left;vertical-align:top}img{max-width:100%}.hint{color:#666;font-size:.9em}
.limits li{margin-bottom:4px}code{font-size:12px;word-break:break-all}
@media print{.hint.screen{display:none}h2{page-break-after:avoid}table,img{page-break-inside:avoid}
body{margin:0;max-width:none}}
"""


def _png(fig) -> str:
    data = base64.b64encode(png_bytes(fig, dpi=90)).decode("ascii")
    return f'<img alt="" src="data:image/png;base64,{data}">'


def robustness_verdict(view, lang: str) -> str:
    """Whether the ranking holds when the interventions are weaker or stronger, in one sentence."""
    if view.holds():
        return r("robust_holds", lang)
    return r("robust_top_holds" if view.top_holds() else "robust_changes", lang)


# optional member fields shown when any member has them (time together, LMX-7 answers)
OPTIONAL_FIELDS = ("weeks_together", "lmx7", "lmx7_leader")


def _cell(value, lang: str) -> str:
    if value is None:
        return ""
    return (
        number(value, lang, 0 if float(value).is_integer() else 1)
        if isinstance(value, int | float)
        else escape(str(value))
    )


def describe_fit(posterior, lang: str = "en") -> dict[str, object]:
    """What a report says about the fit it was compared over: folder, survey, waves, last week, date.

    `posterior`: a fit.posterior.Posterior (read by the front end: the lab layer does not import
    the fit)."""
    import datetime

    state = posterior.state
    source = str(posterior.source).removeprefix("--posterior ")
    made = state.get("created")
    if not made:
        path = Path(source) / "fit.json"
        made = datetime.date.fromtimestamp(path.stat().st_mtime).isoformat() if path.is_file() else "?"
    weeks = state.get("weeks")
    return {
        "fit": source,
        "survey": Path(str(state.get("survey", "?"))).name,
        "waves": len(weeks) if isinstance(weeks, list) else "?",
        "week": posterior.last.get("week", "?"),
        "date": str(made)[:10],
        "last": posterior.last,
    }


def _fit_html(fit: dict | None, lang: str) -> str:
    """The sentence that names the fit the comparison ran over (empty without one)."""
    if not fit:
        return ""
    values = {k: v for k, v in fit.items() if k != "last"}
    return f"<p class='fit-line'>{escape(r('fit_line', lang, **values))}</p>"


def _team_html(comparison: Comparison, lang: str, fit: dict | None = None) -> str:
    extra = [f for f in OPTIONAL_FIELDS if any(getattr(m, f, None) is not None for m in comparison.team)]
    last = (fit or {}).get("last") or {}
    latest = last.get("member") or {}
    rows = "".join(
        f"<tr><td>{escape(m.name)}</td><td>{MEMBER['first_impression'].show(m.first_impression, lang)}</td>"
        f"<td>{MEMBER['ability'].show(m.ability, lang)}</td>"
        + "".join(f"<td>{_cell(getattr(m, f, None), lang)}</td>" for f in extra)
        + (f"<td>{_cell(latest.get(m.name), lang)}</td>" if latest else "")
        + "</tr>"
        for m in comparison.team
    )
    head = "".join(f"<th>{escape(t(f'lab.{k}', lang))}</th>" for k in ("name", "closeness", "ability"))
    head += "".join(f"<th>{escape(r(f'team_{f}', lang))}</th>" for f in extra)
    if latest:  # the fit starts from the last wave: show those scores, not the team file's
        head += f"<th>{escape(r('team_last_wave', lang, w=last.get('week', '?')))}</th>"
    return f"<table><tr>{head}</tr>{rows}</table><p class='hint'>{escape(r('team_note', lang))}</p>"


def _strategies_html(comparison: Comparison, lang: str) -> str:
    colours = strategy_colours([s.name for s in comparison.strategies])
    items = "".join(
        f"<li>{swatch(colours[s.name])}<b>{escape(comparison.title(s.name, lang))}</b>: "
        f"{escape(s.describe(lang))}</li>"
        for s in comparison.strategies
    )
    return f"<ul>{items}</ul>"


def _hours_html(comparison: Comparison, lang: str) -> str:
    seen: dict[str, tuple[str, float, str]] = {}
    for s in comparison.strategies:
        for i in s.interventions:
            own = i.key in s.hours
            source = "—" if own else hours_source(type(i), lang)
            seen.setdefault(i.key, (i.title.get(lang, i.key), hours_for(i, s.hours), source))
            if not type(i).contact_included:  # it schedules contacts that cost a conversation each
                own = CONTACT in s.hours
                seen.setdefault(
                    CONTACT,
                    (
                        t("intervention.contact.name", lang),
                        contact_hours(s.hours),
                        "—" if own else t("intervention.contact.hours_source", lang),
                    ),
                )
    rows = "".join(
        f"<tr><td>{escape(title)}</td><td>{number(h, lang, 2)}</td><td>{escape(src)}</td></tr>"
        for title, h, src in seen.values()
    )
    head = "".join(f"<th>{escape(r(k, lang))}</th>" for k in ("intervention", "hours_per_person", "source"))
    return f"<table><tr>{head}</tr>{rows}</table>"


def report_html(
    comparison: Comparison,
    lang: str = "en",
    robustness=None,
    budget: float | None = None,
    command: str | None = None,
    title: str | None = None,
    fit: dict | None = None,
    change=None,
) -> str:
    """The whole report as one HTML string (`title`: the team file's title, if it has one;
    `fit`: describe_fit of the fit it was compared over, if any; `change`: an advice.AdviceChange,
    the same comparison over the fit's prior, to say what the fit changed in the advice)."""
    c = comparison
    week = c.checkpoints[-1]
    record = provenance(c)
    team_name = title or r("your_team", lang)
    parts = [
        f"<h1>{escape(r('report_title', lang, team=team_name))}</h1>",
        f"<p>{escape(r('report_intro', lang, r=c.replications, w=c.weeks))}</p>",
        _fit_html(fit, lang),
        f"<p class='hint screen'>{escape(r('print_hint', lang))}</p>",
        f"<h2>{escape(r('h_team', lang))}</h2>",
        _team_html(c, lang, fit),
        f"<h2>{escape(r('h_strategies', lang))}</h2>",
        _strategies_html(c, lang),
        f"<h2>{escape(r('h_results', lang))}</h2>",
        "".join(f"<p>{escape(p)}</p>" for p in conclusions(c, lang, budget=budget)),
        outcomes_html(c, lang),
        _png(figure_outcomes(c, lang)),
        f"<h2>{escape(r('h_people', lang))}</h2>",
        f"<p class='hint'>{escape(r('people_note', lang, w=week))}</p>",
        gains_html(c, lang),
        _png(figure_member_gains(c, lang)),
        f"<h2>{escape(r('h_effort', lang))}</h2>",
        f"<p class='hint'>{escape(r('effort_note', lang))}</p>",
        effort_html(c, lang, budget),
        _hours_html(c, lang),
    ]
    if budget:
        parts.append(f"<p>{escape(r('budget', lang, b=number(budget, lang, 1)))}</p>")
    if change is not None:
        parts += [f"<h2>{escape(r('h_change', lang))}</h2>", change.html(lang)]
    if robustness is not None:
        parts += [
            f"<h2>{escape(r('h_robust', lang))}</h2>",
            f"<p class='hint'>{escape(r('robust_help', lang, w=week))}</p>",
            robustness_html(robustness, lang),
            f"<p><b>{escape(robustness_verdict(robustness, lang))}</b></p>",
        ]
    limits = "".join(f"<li>{escape(x.strip())}</li>" for x in r("limits", lang, r=c.replications).split("|"))
    parts += [f"<h2>{escape(r('h_limits', lang))}</h2>", f"<ul class='limits'>{limits}</ul>"]
    parts += [
        f"<h2>{escape(r('h_provenance', lang))}</h2>",
        "<p>"
        + escape(
            r(
                "provenance",
                lang,
                version=record["lmxsim"],
                fingerprint=str(record["model_fingerprint"])[:12],
                seed=c.seed,
                r=c.replications,
                w=c.weeks,
                created=record["created"],
            )
        )
        + "</p>",
    ]
    if command:
        parts.append(f"<p>{escape(r('command', lang))}: <code>{escape(command)}</code></p>")
    parts.append(
        f"<details><summary>{escape(r('parameters', lang))}</summary>"
        f"<pre><code>{escape(json.dumps(record, indent=1, ensure_ascii=False, default=str))}"
        "</code></pre></details>"
    )
    title = escape(r("report_title", lang, team=team_name))
    return (
        f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8"><title>{title}</title>'
        f"<style>{STYLE}</style></head><body>{''.join(parts)}</body></html>\n"
    )


def write_report(
    path: str | Path,
    comparison: Comparison,
    lang: str = "en",
    robustness=None,
    budget: float | None = None,
    team_file: str | Path | None = None,
    title: str | None = None,
    posterior: str | Path | None = None,
    fit: dict | None = None,
    change=None,
) -> Path:
    """Write the report; the command that makes it again is shown in it (with `--posterior`
    when it was compared over a fit; `fit`: describe_fit of that fit, which the report names)."""
    command = _command(comparison, lang, team_file, budget, posterior)
    html = report_html(comparison, lang, robustness, budget, command, title, fit, change)
    return write_text(Path(path), html)


def _command(comparison: Comparison, lang: str, team_file, budget, posterior=None) -> str:
    import shlex

    words = ["lmxsim", "strategies"]
    if team_file is not None:
        words += ["--team", str(team_file)]
    for s in comparison.strategies:
        if s.name != comparison.baseline:
            words += ["--strategy", s.name if not s.interventions or s.name in _ready() else s.spec]
    words += ["--replications", str(comparison.replications), "--weeks", str(comparison.weeks)]
    words += ["--seed", str(comparison.seed), "--lang", lang]
    hours = {k: v for s in comparison.strategies for k, v in s.hours.items()}
    for key, value in hours.items():
        words += ["--hours", f"{key}={value:g}"]
    if budget is not None:
        words += ["--budget", f"{budget:g}"]
    if posterior is not None:
        words += ["--posterior", str(posterior)]
    return " ".join(shlex.quote(w) for w in words)


def _ready() -> tuple[str, ...]:
    from lmxsim.lab.strategies import READY_NAMES

    return READY_NAMES
