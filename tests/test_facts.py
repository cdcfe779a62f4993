"""Every stylized fact of docs/ODD.md section 1 falls in its target band with default parameters."""

import pytest

from lmxsim.facts import FACTS


@pytest.mark.parametrize("fact", FACTS, ids=[f.key for f in FACTS])
def test_fact_in_band(fact):
    value, ok = fact.check(seed=11)
    assert ok, f"{fact.claim}: model {value:.3f}, target {fact.low} to {fact.high} ({fact.source})"
