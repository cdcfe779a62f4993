"""What a strategy comparison means, in words (English and Dutch), figures and files.

The conclusions state the uncertainty as it is: a change counts only when its
95% interval excludes zero AND it is large enough to matter; otherwise the
text says the change is unclear or negligible. A winner is named only when it is
more than WINNER_THRESHOLD ahead of every other strategy with an interval that
excludes zero. Changes are given in units a leader knows (LMX-7 points, people in
the out-group by name, hidden problems). Every text comes from the catalogue
(lmxsim.texts, keys `report.<key>`); numbers from texts.number/percent.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

from lmxsim.io.output import csv_bytes, write_bytes, write_text
from lmxsim.io.provenance import FOLDER_FILE, record, write_json
from lmxsim.lab.strategies import NEGLIGIBLE, Comparison
from lmxsim.lab.style import r
from lmxsim.model.dynamics import lmx7
from lmxsim.model.measures import MEMBER, TEAM
from lmxsim.texts import LANGUAGES, TEXT, number, t

LANGS = LANGUAGES
# "same" has a colour of its own and "unclear" is hatched, so that no colour (white, or grey)
# is left to mean anything but "no data" (issue 25: grey read as "no data").
VERDICT_COLOURS = {"gains": "#D6EFD6", "loses": "#F8D7D0", "same": "#DCE6F2", "unclear": "#F2F2F2"}
HATCH = "repeating-linear-gradient(45deg,#ffffff 0 3px,#b8b8b8 3px 4px)"
# what an HTML cell's `background` is for each verdict
VERDICT_BACKGROUNDS = {**VERDICT_COLOURS, "unclear": HATCH}


def show(measure: str, value: float, lang: str, signed: bool = False) -> str:
    """A mean over replications (or a difference of means) of a team measure, as declared.

    One digit more than one run's value; a share is a percentage (its declared digits).
    """
    m = TEAM[measure]
    if m.percent:
        return m.show(value, lang, change=signed)
    return number(value, lang, m.digits + 1, signed)


def _join(items: list[str], lang: str) -> str:
    if not items:
        return r("nobody", lang)
    return items[0] if len(items) == 1 else f"{', '.join(items[:-1])} {r('and', lang)} {items[-1]}"


def change_phrase(measure: str, d: float, lo: float, hi: float, lang: str = "en") -> str:
    """'team performance rises by 0.030 (95% CI 0.028 to 0.032)', or says it is unclear/negligible."""
    f = lambda x, s=False: show(measure, x, lang, s)  # noqa: E731
    label = r(f"m_{measure}", lang)
    if not (lo > 0 or hi < 0):
        return f"{label} {r('unclear', lang, lo=f(lo, True), hi=f(hi, True))}"
    if abs(d) < (TEAM[measure].negligible or 0.0):
        return f"{label} {r('hardly', lang, d=f(d, True), lo=f(lo, True), hi=f(hi, True))}"
    verbs = ("grows", "shrinks") if measure == "lmx_differentiation" else ("up", "down")
    verb = r(verbs[0] if d > 0 else verbs[1], lang)
    low, high = sorted((abs(lo), abs(hi)))
    return f"{label} {verb} {f(abs(d))} ({r('ci', lang)} {f(low)} {r('to', lang)} {f(high)})"


def lmx7_phrase(comparison: Comparison, strategy: str, k: int, lang: str) -> str:
    """Average relationship quality in LMX-7 points (7 + 28 x LMX), the scale of the questionnaire."""
    c = comparison
    a = lmx7(float(c.outcomes[c.baseline]["lmx_mean"][k].mean()))
    b = lmx7(float(c.outcomes[strategy]["lmx_mean"][k].mean()))
    return r(
        "lmx7_points", lang, change=number(b - a, lang, 1, True), a=number(a, lang, 1), b=number(b, lang, 1)
    )


def per_hour(comparison: Comparison, strategy: str, week: int | None = None) -> float:
    """Gain in expected team performance per weekly hour of the leader's time (NaN if no time)."""
    w = comparison.checkpoints[-1] if week is None else week
    hours = comparison.hours(strategy)
    d = comparison.difference(strategy, comparison.baseline, "performance", w)[0]
    return d / hours if hours > 0 else float("nan")


def conclusions(
    comparison: Comparison, lang: str = "en", week: int | None = None, budget: float | None = None
) -> list[str]:
    """One paragraph per strategy, then what a fire is, the winner (or none) and the honest caveat."""
    c = comparison
    w = c.checkpoints[-1] if week is None else week
    k = c.checkpoints.index(w)
    summary = c.summary()
    summary = summary[summary["week"] == w].set_index(["strategy", "measure"])
    gains = c.member_gains()
    gains = gains[(gains["week"] == w) & (gains["measure"] == "performance")] if len(gains) else gains
    before_out = c.out_group(c.baseline, w)
    paragraphs = []
    for s in c.strategies:
        if s.name == c.baseline:
            continue
        rows = summary.loc[s.name]
        parts = []
        for measure in ("performance", "lmx_differentiation"):
            row = rows.loc[measure]
            parts.append(change_phrase(measure, row.diff_vs_nothing, row.diff_ci_low, row.diff_ci_high, lang))
        parts.insert(1, lmx7_phrase(c, s.name, k, lang))
        parts.append(
            r(
                "outgroup_names",
                lang,
                names=_join(c.out_group(s.name, w), lang),
                before=_join(before_out, lang),
            )
        )
        parts.append(
            r(
                "hidden_line",
                lang,
                a=show("problems_hidden", c.outcomes[c.baseline]["problems_hidden"][k].mean(), lang),
                b=show("problems_hidden", rows.loc["problems_hidden"]["mean"], lang),
            )
        )
        fires = rows.loc["fires"]
        parts.append(
            r(
                "fires_line",
                lang,
                a=show("fires", c.outcomes[c.baseline]["fires"][k].mean(), lang),
                b=show("fires", fires["mean"], lang),
                d=show("fires", fires.diff_vs_nothing, lang, True),
                lo=show("fires", fires.diff_ci_low, lang, True),
                hi=show("fires", fires.diff_ci_high, lang, True),
            )
        )
        text = r("lead", lang, title=c.title(s.name, lang), w=w) + "; ".join(parts) + "."
        performance = rows.loc["performance"]
        text += " " + r("better_years", lang, x=int(performance.better_runs), n=c.replications)
        text += " " + r(
            "hours_line",
            lang,
            h=number(c.hours(s.name), lang, 1),
            peak=number(c.peak_hours(s.name), lang, 1),
            pw=int(np.argmax(c.week_hours(s.name))) + 1,
            per_hour=number(per_hour(c, s.name, w), lang, 3, True),
        )
        if budget is not None and c.hours(s.name) > budget:
            text += " " + r("over_budget", lang, b=number(budget, lang, 1))
        mine = gains[gains["strategy"] == s.name]
        for verdict_name, key in (("gains", "raises"), ("loses", "lowers")):
            people = mine[mine["verdict"] == verdict_name].sort_values(
                "gain", ascending=verdict_name == "loses"
            )
            if len(people):
                who = [
                    r(
                        "person_change",
                        lang,
                        name=p.member,
                        d=MEMBER["performance"].show(p.gain, lang, change=True),
                        x=p.better_years,
                        n=p.years,
                    )
                    for p in people.itertuples()
                ]
                text += " " + r(key, lang, who=_join(who, lang))
        if not len(mine[mine["verdict"].isin(["gains", "loses"])]):
            text += " " + r("no_one", lang, thr=number(NEGLIGIBLE, lang, 2))
        paragraphs.append(text)
    paragraphs.append(r("fire_definition", lang))
    paragraphs.append(winner_sentence(c, lang, w))
    base = c.outcomes[c.baseline]["performance"][k]
    paragraphs.append(
        r(
            "spread",
            lang,
            r=c.replications,
            w=w,
            lo=number(float(np.percentile(base, 2.5)), lang, 2),
            hi=number(float(np.percentile(base, 97.5)), lang, 2),
        )
    )
    return paragraphs


def winner_sentence(comparison: Comparison, lang: str, week: int | None = None) -> str:
    """'Clear winner ...' only past the threshold with an interval excluding zero; else 'No clear winner'."""
    c = comparison
    w = c.checkpoints[-1] if week is None else week
    win = c.winner(w)
    if win.runner_up is None:
        return ""
    values = {
        "w": w,
        "best": c.title(win.best, lang),
        "second": c.title(win.runner_up, lang),
        "d": number(win.difference, lang, 3),
        "lo": number(win.low, lang, 3, True),
        "hi": number(win.high, lang, 3, True),
        "thr": number(win.threshold, lang, 2),
    }
    return r("winner" if win.clear else "no_winner", lang, **values)


def legend(lang: str) -> list[tuple[str, str]]:
    """(CSS background, meaning) for every colour of the per-person table, and no colour: no data."""
    thr = number(NEGLIGIBLE, lang, 2)
    return [
        (VERDICT_BACKGROUNDS[v], r(f"legend_{v}", lang, thr=thr))
        for v in ("gains", "loses", "same", "unclear")
    ] + [("#FFFFFF", r("legend_none", lang))]


# --------------------------------------------------------------------------- files


def localise(frame: pd.DataFrame, comparison: Comparison | None, lang: str) -> pd.DataFrame:
    """Column names, strategy titles, measures, verdicts and yes/no in `lang`; the strategies'
    and people's names stay as they are (they are names)."""
    frame = frame.copy()
    if comparison is not None and "title" in frame and "strategy" in frame:
        frame["title"] = [comparison.title(s, lang) for s in frame["strategy"]]
    if lang == "en":
        return frame
    # the words in the cells too: measures by their column names, verdicts and yes/no in `lang`
    for column in ("measure", "verdict"):
        if column in frame:
            frame[column] = [_value_text(v, lang) for v in frame[column]]
    for column in ("higher_is_better", "clear_winner"):
        if column in frame:
            frame[column] = [t(f"report.val_{bool(v)}", lang) for v in frame[column]]
    names = {}
    for column in frame.columns:
        key = f"report.col_{column}"
        names[column] = t(key, lang) if key in TEXT else column
    return frame.rename(columns=names)


def _value_text(value: object, lang: str) -> object:
    """A measure's or verdict's identifier in `lang` (as its column is named), else unchanged."""
    for key in (f"report.val_{value}", f"report.col_{value}"):
        if key in TEXT:
            return t(key, lang)
    return value


def export(
    comparison: Comparison,
    out: str | Path,
    lang: str = "en",
    robustness=None,
    budget: float | None = None,
) -> list[Path]:
    """Write the tables (CSV), the figures (PNG) and the conclusions (text) into `out`.

    The CSVs follow `lang` (see csv_bytes); the conclusions are written in every language.
    """
    from lmxsim.lab.figures import figure_member_gains, figure_outcomes, png_bytes

    out = Path(out)
    tables = {
        "summary.csv": comparison.summary(),
        "member_gains.csv": comparison.member_gains(),
        "replications.csv": comparison.replication_table(),
    }
    if robustness is not None:
        tables["robustness.csv"] = robustness.table()
    paths = [
        write_bytes(out / name, csv_bytes(localise(frame, comparison, lang), lang))
        for name, frame in tables.items()
    ]
    for name, fig in (
        ("outcomes.png", figure_outcomes(comparison, lang)),
        ("member_gains.png", figure_member_gains(comparison, lang)),
    ):
        paths.append(write_bytes(out / name, png_bytes(fig)))
    for language in LANGS:
        text = "\n\n".join(conclusions(comparison, language, budget=budget)) + "\n"
        paths.append(write_text(out / f"conclusions_{language}.txt", text))
    paths.append(write_json(out / FOLDER_FILE, provenance(comparison)))
    return paths


def provenance(comparison: Comparison) -> dict:
    """What made these tables: the team, every strategy's interventions and hours, seed, parameters."""
    return record(
        "strategies",
        seed=comparison.seed,
        weeks=comparison.weeks,
        params=comparison.params,
        team=comparison.team,
        replications=comparison.replications,
        checkpoints=list(comparison.checkpoints),
        seeds="replication r runs on numpy SeedSequence(seed).spawn(replications)[r], for every strategy",
        strategies={s.name: [i.spec for i in s.interventions] for s in comparison.strategies},
        leader_hours={s.name: dict(s.hours) for s in comparison.strategies if s.hours},
        strength=comparison.strength,
    )
