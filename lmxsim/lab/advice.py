"""How a fit changed the advice: the same strategy comparison over the prior and over the posterior.

A fit that learned little (issue 25: posteriors 98-103% of the prior's width) should not be
read as if it had changed what to do, and one that did should say so. The front end runs the
comparison twice, from the same last wave with the same seeds: once with the fitted settings
drawn from their prior ranges, once from the posterior (lmxsim/fit/posterior.py: prior_of).
This module only compares the two results: ranking, recommended strategy and each strategy's
gain over doing nothing, side by side, with one sentence in words.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

from lmxsim.lab.plan import recommended
from lmxsim.lab.strategies import Comparison
from lmxsim.lab.style import r
from lmxsim.texts import number


@dataclass(frozen=True)
class AdviceChange:
    """The comparison over the prior (`before`) and over the posterior (`after`)."""

    before: Comparison
    after: Comparison

    @property
    def week(self) -> int:
        return self.after.checkpoints[-1]

    def ranking(self, comparison: Comparison) -> list[str]:
        """The strategies (doing nothing left out) from best to worst expected team performance."""
        return [s for s in comparison.ranking("performance", self.week) if s != comparison.baseline]

    def gain(self, comparison: Comparison, strategy: str) -> tuple[float, float, float]:
        return comparison.difference(strategy, comparison.baseline, "performance", self.week)

    @property
    def changed(self) -> bool:
        """True when the recommended strategy differs (the advice a leader acts on)."""
        return recommended(self.before) != recommended(self.after)

    def sentence(self, lang: str) -> str:
        """The change in words: "the fit did not change the advice: ..." or what it changed."""
        first, now = recommended(self.before), recommended(self.after)
        if first == now:
            if now is None:
                return r("change_none", lang)
            best = self.after.title(now, lang)
            if self.ranking(self.before) == self.ranking(self.after):
                return r("change_same", lang, best=best, k=len(self.ranking(self.after)))
            return r("change_top_same", lang, best=best)
        before = (
            r("change_first", lang, name=self.before.title(first, lang))
            if first
            else r("change_nothing", lang)
        )
        after = (
            r("change_first_now", lang, name=self.after.title(now, lang))
            if now
            else r("change_nothing_now", lang)
        )
        return r("change_changed", lang, before=before, after=after)

    def html(self, lang: str) -> str:
        """The sentence and the rankings and gains side by side (the HR report's section)."""
        before = self.ranking(self.before)
        after = self.ranking(self.after)

        def gain(comparison: Comparison, name: str) -> str:
            mean, low, high = self.gain(comparison, name)
            return (
                f"{number(mean, lang, 3, signed=True)} "
                f"({number(low, lang, 3, signed=True)} – {number(high, lang, 3, signed=True)})"
            )

        head = "".join(
            f"<th>{escape(r(k, lang))}</th>"
            for k in (
                "col_change_strategy",
                "col_rank_prior",
                "col_gain_prior",
                "col_rank_posterior",
                "col_gain_posterior",
            )
        )
        rows = "".join(
            f"<tr><td>{escape(self.after.title(name, lang))}</td>"
            f"<td class='num'>{before.index(name) + 1}</td><td class='num'>{gain(self.before, name)}</td>"
            f"<td class='num'>{after.index(name) + 1}</td><td class='num'>{gain(self.after, name)}</td></tr>"
            for name in after
        )
        return (
            f"<p class='advice-change'>{escape(self.sentence(lang))}</p>"
            f"<p class='hint'>{escape(r('change_note', lang, w=self.week))}</p>"
            f"<table class='advice-change'><tr>{head}</tr>{rows}</table>"
        )
