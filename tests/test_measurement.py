"""The LMX-7 item model: answers track the relationship, noise widens them, totals stay on the scale."""

import numpy as np
import pytest

from lmxsim.model.dynamics import lmx7
from lmxsim.model.measurement import Measurement, answer_items, rater_view, totals
from lmxsim.model.params import ParameterError


def _totals(view, rater="member", **changes):
    rng = np.random.default_rng(3)
    return totals(answer_items(np.full(4000, view), rater, Measurement().replace(**changes), rng))


def test_mean_item_score_tracks_lmx():
    means = [_totals(v, item_noise=0.3).mean() for v in (0.2, 0.5, 0.8)]
    assert means[0] < means[1] < means[2]
    # without noise and bias the total is the model's own LMX-7 scale (rounding aside)
    exact = totals(
        answer_items(
            np.array([0.5]), "member", Measurement(member_style_sd=0, item_noise=0), np.random.default_rng(0)
        )
    )
    assert exact[0] == lmx7(0.5)


def test_noise_widens_the_spread():
    assert _totals(0.5, item_noise=1.2).std() > _totals(0.5, item_noise=0.2).std() + 0.5
    assert _totals(0.5, member_style_sd=1.0).std() > _totals(0.5, member_style_sd=0.0).std() + 1.0


def test_items_whole_1_to_5_and_totals_7_to_35():
    items = answer_items(
        np.linspace(-0.5, 1.5, 500), "leader", Measurement(item_noise=2.0), np.random.default_rng(1)
    )
    assert items.shape == (500, 7)
    assert set(np.unique(items)) <= {1, 2, 3, 4, 5}
    t = totals(items)
    assert t.min() >= 7 and t.max() <= 35 and t.min() == 7 and t.max() == 35


def test_leader_bias_shifts_leader_answers_only():
    plain = _totals(0.5, "leader", leader_bias=0.0).mean()
    lenient = _totals(0.5, "leader", leader_bias=0.5).mean()
    assert lenient - plain == pytest.approx(3.5, abs=0.5)  # half a point on seven items
    assert _totals(0.5, "member", leader_bias=0.5).mean() == pytest.approx(_totals(0.5, "member").mean())


def test_raters_see_their_own_side():
    view = rater_view(np.array([0.5]), np.array([0.9]), Measurement(perspective=0.5))
    assert view[0] == pytest.approx(0.7)


def test_per_replication_parameters_broadcast():
    m = Measurement().replace(item_noise=0.0, member_style_sd=0.0)
    from types import SimpleNamespace

    columns = SimpleNamespace(**{**m.__dict__, "member_bias": np.array([-1.0, 1.0])})
    items = answer_items(np.full((2, 3), 0.5), "member", columns, np.random.default_rng(0))
    assert (items[0] == 2).all() and (items[1] == 4).all()


def test_out_of_range_measurement_is_refused():
    with pytest.raises(ParameterError, match="item_noise"):
        Measurement(item_noise=-1)
