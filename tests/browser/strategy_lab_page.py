"""A page that shows only the strategy lab, served by tests/browser/test_strategy_lab.py."""

import solara

from lmxsim.app.strategy_lab import StrategyLab


@solara.component
def Page():
    StrategyLab(lang="en")
