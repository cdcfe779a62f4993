"""What a strategy comparison means, in words (English and Dutch), figures and files.

The conclusions state the uncertainty as it is: a change counts only when its
95% interval excludes zero AND it is large enough to matter; otherwise the
text says the change is unclear or negligible. They also say how much one
real year may differ from the average, since a leader has one team, not 500.
"""

from __future__ import annotations

import io
from pathlib import Path

import numpy as np
from matplotlib.figure import Figure

from lmxsim.output import write_bytes, write_table, write_text
from lmxsim.provenance import FOLDER_FILE, record, write_json
from lmxsim.strategies import MEASURES, NEGLIGIBLE, Comparison

LANGS = ("en", "nl")
# smallest change of a team measure worth reporting as a change
TEAM_NEGLIGIBLE = {
    "performance": 0.005,
    "lmx_differentiation": 0.005,
    "problems_hidden": 0.25,
    "fires": 0.5,
    "out_group_share": 0.02,
}

TEXT = {
    "en": {
        "performance": "team performance",
        "lmx_differentiation": "the split in the team (spread of LMX)",
        "problems_hidden": "the number of hidden problems",
        "fires": "fires so far",
        "out_group_share": "share in the out-group",
        "up": "rises by",
        "down": "falls by",
        "grows": "grows by",
        "shrinks": "shrinks by",
        "hardly": "hardly changes ({d}, 95% CI {lo} to {hi})",
        "unclear": "does not change clearly (95% CI {lo} to {hi})",
        "ci": "95% CI",
        "lead": "{title}. After {w} weeks, compared with doing nothing: ",
        "outgroup": "the out-group goes from {a} to {b} of the team on average",
        "fires_line": "fires so far: {b} instead of {a} (difference {d}, 95% CI {lo} to {hi})",
        "raises": "It raises the expected performance of {who}.",
        "lowers": "It lowers the expected performance of {who}.",
        "nobody": "No one's expected performance changes by {thr} or more.",
        "and": "and",
        "best": "Highest expected team performance after {w} weeks: {best}.",
        "runner": " Ahead of {second} by {d} (95% CI {lo} to {hi}){clear}.",
        "not_clear": ", which is not a clear difference",
        "spread": (
            "These are averages over {r} simulated years of your team, every strategy on the same "
            "luck (common random numbers). One real year varies far more: doing nothing, team "
            "performance at week {w} lies between {lo} and {hi} in 95% of the runs. The model is "
            "a thinking aid, not a forecast."
        ),
        "nothing": "Doing nothing",
        "week": "week",
        "gain_axis": "gain in expected performance vs doing nothing (95% CI), week {w}",
        "legend_ci": "thick: 95% CI of the mean; thin: 95% of runs",
    },
    "nl": {
        "performance": "de teamprestatie",
        "lmx_differentiation": "de tweedeling in het team (spreiding van LMX)",
        "problems_hidden": "het aantal verborgen problemen",
        "fires": "branden tot nu toe",
        "out_group_share": "aandeel in de outgroep",
        "up": "stijgt met",
        "down": "daalt met",
        "grows": "groeit met",
        "shrinks": "krimpt met",
        "hardly": "verandert nauwelijks ({d}, 95%-BI {lo} tot {hi})",
        "unclear": "verandert niet duidelijk (95%-BI {lo} tot {hi})",
        "ci": "95%-BI",
        "lead": "{title}. Na {w} weken, vergeleken met niets doen: ",
        "outgroup": "de outgroep gaat gemiddeld van {a} naar {b} van het team",
        "fires_line": "branden tot nu toe: {b} in plaats van {a} (verschil {d}, 95%-BI {lo} tot {hi})",
        "raises": "Het verhoogt de verwachte prestatie van {who}.",
        "lowers": "Het verlaagt de verwachte prestatie van {who}.",
        "nobody": "Bij niemand verandert de verwachte prestatie met {thr} of meer.",
        "and": "en",
        "best": "Hoogste verwachte teamprestatie na {w} weken: {best}.",
        "runner": " Dat is {d} (95%-BI {lo} tot {hi}) meer dan {second}{clear}.",
        "not_clear": ", geen duidelijk verschil",
        "spread": (
            "Dit zijn gemiddelden over {r} gesimuleerde jaren van je team, elke strategie met "
            "hetzelfde toeval (common random numbers). Eén echt jaar wijkt veel meer af: bij niets "
            "doen ligt de teamprestatie in week {w} in 95% van de runs tussen {lo} en {hi}. Het "
            "model is een denkhulp, geen voorspelling."
        ),
        "nothing": "Niets doen",
        "week": "week",
        "gain_axis": "winst in verwachte prestatie t.o.v. niets doen (95%-BI), week {w}",
        "legend_ci": "dik: 95%-BI van het gemiddelde; dun: 95% van de runs",
    },
}


def _t(lang: str) -> dict[str, str]:
    return TEXT[lang if lang in TEXT else "en"]


def number(value: float, lang: str = "en", digits: int = 3, signed: bool = False) -> str:
    """A number as a reader of `lang` writes it (Dutch: decimal comma)."""
    text = f"{value:+.{digits}f}" if signed else f"{value:.{digits}f}"
    text = text.replace("-", "−")
    return text.replace(".", ",") if lang == "nl" else text


def percent(value: float, lang: str = "en") -> str:
    return f"{100 * value:.0f}%"


def _join(items: list[str], lang: str) -> str:
    return items[0] if len(items) == 1 else f"{', '.join(items[:-1])} {_t(lang)['and']} {items[-1]}"


def change_phrase(measure: str, d: float, lo: float, hi: float, lang: str = "en") -> str:
    """'team performance rises by 0.030 (95% CI 0.028 to 0.032)', or says it is unclear/negligible."""
    t = _t(lang)
    digits = 1 if measure in ("problems_hidden", "fires") else 3
    f = lambda x, s=False: number(x, lang, digits, s)  # noqa: E731
    if lo <= 0 <= hi:
        return f"{t[measure]} {t['unclear'].format(lo=f(lo, True), hi=f(hi, True))}"
    if abs(d) < TEAM_NEGLIGIBLE[measure]:
        return f"{t[measure]} {t['hardly'].format(d=f(d, True), lo=f(lo, True), hi=f(hi, True))}"
    verbs = ("grows", "shrinks") if measure == "lmx_differentiation" else ("up", "down")
    verb = t[verbs[0] if d > 0 else verbs[1]]
    low, high = sorted((abs(lo), abs(hi)))
    return f"{t[measure]} {verb} {f(abs(d))} ({t['ci']} {f(low)} {'to' if lang == 'en' else 'tot'} {f(high)})"


def conclusions(comparison: Comparison, lang: str = "en", week: int | None = None) -> list[str]:
    """One paragraph per strategy, then the ranking and the honest caveat."""
    t = _t(lang)
    c = comparison
    w = c.checkpoints[-1] if week is None else week
    k = c.checkpoints.index(w)
    summary = c.summary()
    summary = summary[summary["week"] == w].set_index(["strategy", "measure"])
    gains = c.member_gains()
    gains = gains[(gains["week"] == w) & (gains["measure"] == "performance")] if len(gains) else gains
    paragraphs = []
    for s in c.strategies:
        if s.name == c.baseline:
            continue
        rows = summary.loc[s.name]
        parts = []
        for measure in ("performance", "lmx_differentiation", "problems_hidden"):
            r = rows.loc[measure]
            parts.append(change_phrase(measure, r.diff_vs_nothing, r.diff_ci_low, r.diff_ci_high, lang))
        base_out = c.outcomes[c.baseline]["out_group_share"][k].mean()
        out_share = rows.loc["out_group_share"]["mean"]
        parts.append(t["outgroup"].format(a=percent(base_out), b=percent(out_share)))
        fires = rows.loc["fires"]
        parts.append(
            t["fires_line"].format(
                a=number(c.outcomes[c.baseline]["fires"][k].mean(), lang, 1),
                b=number(fires["mean"], lang, 1),
                d=number(fires.diff_vs_nothing, lang, 1, True),
                lo=number(fires.diff_ci_low, lang, 1, True),
                hi=number(fires.diff_ci_high, lang, 1, True),
            )
        )
        text = t["lead"].format(title=c.title(s.name, lang), w=w) + "; ".join(parts) + "."
        mine = gains[gains["strategy"] == s.name]
        for verdict_name, key in (("gains", "raises"), ("loses", "lowers")):
            people = mine[mine["verdict"] == verdict_name].sort_values(
                "gain", ascending=verdict_name == "loses"
            )
            if len(people):
                who = [
                    f"{p.member} ({number(p.gain, lang, 3, True)}, {t['ci']} "
                    f"{number(p.gain_ci_low, lang, 3, True)} {'to' if lang == 'en' else 'tot'} "
                    f"{number(p.gain_ci_high, lang, 3, True)})"
                    for p in people.itertuples()
                ]
                text += " " + t[key].format(who=_join(who, lang))
        if not len(mine[mine["verdict"].isin(["gains", "loses"])]):
            text += " " + t["nobody"].format(thr=number(NEGLIGIBLE, lang, 2))
        paragraphs.append(text)
    ranking = c.ranking("performance", w)
    text = t["best"].format(w=w, best=c.title(ranking[0], lang))
    if len(ranking) > 1:
        d, lo, hi = c.difference(ranking[0], ranking[1], "performance", w)
        text += t["runner"].format(
            second=c.title(ranking[1], lang),
            d=number(d, lang, 3),
            lo=number(lo, lang, 3, True),
            hi=number(hi, lang, 3, True),
            clear="" if lo > 0 else t["not_clear"],
        )
    paragraphs.append(text)
    base = c.outcomes[c.baseline]["performance"][k]
    paragraphs.append(
        t["spread"].format(
            r=c.replications,
            w=w,
            lo=number(float(np.percentile(base, 2.5)), lang, 2),
            hi=number(float(np.percentile(base, 97.5)), lang, 2),
        )
    )
    return paragraphs


# --------------------------------------------------------------------------- figures


def figure_outcomes(comparison: Comparison, lang: str = "en") -> Figure:
    """Per measure and strategy: mean, 95% CI of the mean (thick) and 95% of runs (thin)."""
    t = _t(lang)
    c = comparison
    names = [s.name for s in c.strategies]
    fig = Figure(figsize=(13, 2.2 + 0.7 * len(names)), layout="constrained")
    axes = fig.subplots(2, 3, sharey=True).ravel()
    colours = ["#1f77b4", "#d62728", "#2ca02c", "#9467bd"]
    offsets = np.linspace(-0.15, 0.15, len(c.checkpoints)) if len(c.checkpoints) > 1 else [0.0]
    for ax, measure in zip(axes, MEASURES, strict=False):
        for k, week in enumerate(c.checkpoints):
            for y, name in enumerate(names):
                values = c.outcomes[name][measure][k]
                mean = values.mean()
                half = 1.96 * values.std(ddof=1) / np.sqrt(values.size) if values.size > 1 else 0.0
                yy = y + offsets[k]
                colour = colours[k % len(colours)]
                ax.plot(np.percentile(values, [2.5, 97.5]), [yy, yy], color=colour, lw=1, alpha=0.6)
                ax.plot([mean - half, mean + half], [yy, yy], color=colour, lw=5, solid_capstyle="butt")
                ax.plot([mean], [yy], "o", color="white", mec=colour, ms=4, label=f"{t['week']} {week}")
        ax.set_title(t[measure][0].upper() + t[measure][1:], fontsize=10)
        ax.grid(axis="x", alpha=0.3)
    axes[0].set_yticks(range(len(names)), [c.title(n, lang) for n in names])
    axes[0].invert_yaxis()
    legend = axes[-1]
    legend.axis("off")
    handles, labels = axes[0].get_legend_handles_labels()
    unique = dict(zip(labels, handles, strict=False))
    legend.legend(unique.values(), unique.keys(), loc="upper left", frameon=False, title=t["legend_ci"])
    return fig


def figure_member_gains(comparison: Comparison, lang: str = "en", week: int | None = None) -> Figure:
    """Per person: gain in expected performance vs doing nothing, per strategy, with 95% CIs."""
    t = _t(lang)
    c = comparison
    w = c.checkpoints[-1] if week is None else week
    gains = c.member_gains()
    others = [s.name for s in c.strategies if s.name != c.baseline]
    n = len(c.names)
    height = min(1.6 + 0.18 * n * max(len(others), 2), 30.0)  # a 200-person team stays printable
    fig = Figure(figsize=(9, height), layout="constrained")
    ax = fig.subplots()
    ax.axvline(0, color="grey", lw=1)
    step = 0.8 / max(len(others), 1)
    for j, name in enumerate(others):
        rows = gains[(gains["strategy"] == name) & (gains["week"] == w) & (gains["measure"] == "performance")]
        y = np.arange(n) - 0.4 + step * (j + 0.5)
        ax.errorbar(
            rows["gain"],
            y,
            xerr=[rows["gain"] - rows["gain_ci_low"], rows["gain_ci_high"] - rows["gain"]],
            fmt="o",
            ms=4,
            capsize=2,
            label=c.title(name, lang),
        )
    ax.set_yticks(range(n), c.names)
    ax.invert_yaxis()
    ax.set_xlabel(t["gain_axis"].format(w=w))
    ax.grid(axis="x", alpha=0.3)
    if others:
        ax.legend(loc="best", fontsize=8)
    return fig


def png_bytes(fig: Figure) -> bytes:
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=100)
    return buffer.getvalue()


def export(comparison: Comparison, out: str | Path, lang: str = "en") -> list[Path]:
    """Write the tables (CSV), the figures (PNG) and the conclusions (text) into `out`."""
    out = Path(out)
    paths = [
        write_table(comparison.summary(), out / "summary.csv"),
        write_table(comparison.member_gains(), out / "member_gains.csv"),
        write_table(comparison.replication_table(), out / "replications.csv"),
    ]
    for name, fig in (
        ("outcomes.png", figure_outcomes(comparison, lang)),
        ("member_gains.png", figure_member_gains(comparison, lang)),
    ):
        paths.append(write_bytes(out / name, png_bytes(fig)))
    for language in LANGS:
        text = "\n\n".join(conclusions(comparison, language)) + "\n"
        paths.append(write_text(out / f"conclusions_{language}.txt", text))
    paths.append(write_json(out / FOLDER_FILE, provenance(comparison)))
    return paths


def provenance(comparison: Comparison) -> dict:
    """What made these tables: the team, every strategy's interventions, seed, parameters."""
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
    )
