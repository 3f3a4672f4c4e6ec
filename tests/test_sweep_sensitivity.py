"""Sensitivity analyses against values derived by hand; Sobol indices through SALib."""

from __future__ import annotations

import pytest

from crisisgames.errors import InvalidParameterError
from crisisgames.sweep import Points, sweep
from crisisgames.sweep.sensitivity import elasticities, outcome, sobol_indices, tornado

# chicken-goals at its defaults (d = 0): the worst equilibrium is the mixed one, with
#   USSR indifferent:  0.35 p = p - e c' (1 - p)   ->  q = 1 - p = 0.65 / (0.65 + e c')
#   US indifferent:    m = 0.1 / (e c + 0.9 e - 0.7)  (the USSR maintains with probability m)
#   P(war) = e q m = 0.5 (13/23)(2/5) = 13/115 at e = 1/2, c = c' = 1.
# Elasticities: in c, -e c / (e c + 0.9 e - 0.7) = -2; in c', -e c' / (0.65 + e c') = -10/23;
# in e, 1 - 10/23 - e (c + 0.9) / (e c + 0.9 e - 0.7) = 1 - 10/23 - 19/5.


def test_elasticities_at_the_defaults():
    e = elasticities("chicken-goals", ["war_cost_us", "war_cost_ussr", "escalation"])
    assert e.outcome[0] == pytest.approx(13 / 115)
    assert e.elasticity.tolist() == pytest.approx([-2, -10 / 23, 1 - 10 / 23 - 19 / 5], rel=1e-3)


def test_tornado_one_at_a_time():
    t = tornado("chicken-goals", ["escalation", "war_cost_ussr", "w_us_security"])
    row = t.set_index("parameter")
    assert row.at_default.tolist() == pytest.approx([13 / 115] * 3)
    # e = 0: no strike can bring war; e = 1: q = 13/33, m = 1/12.
    assert row.loc["escalation", "at_low"] == 0
    assert row.loc["escalation", "at_high"] == pytest.approx(13 / 396)
    # c' = 0: q = 1 and m = 0.4, P(war) = 0.2.
    assert row.loc["war_cost_ussr", "at_low"] == pytest.approx(0.2)
    assert t.swing.is_monotonic_decreasing
    custom = tornado("chicken-goals", ["escalation"], ranges={"escalation": (0.5, 1.0)})
    assert custom.at_low[0] == pytest.approx(13 / 115)


def test_outputs_and_errors():
    ds = sweep(Points("chicken-goals", {"dishonour": [0.0, 0.5]}))
    assert outcome(ds, "n_equilibria").tolist() == [3, 1]
    assert outcome(ds, lambda d: d.payoff.isel(player=0, equilibrium=0)).tolist() == [
        pytest.approx(0.1),
        pytest.approx(0.1),
    ]
    with pytest.raises(InvalidParameterError, match="unknown output"):
        outcome(ds, "war_median")
    with pytest.raises(InvalidParameterError, match="dims"):
        outcome(ds, lambda d: d.payoff)
    with pytest.raises(InvalidParameterError, match="not a real parameter"):
        tornado("missile-trade", ["pledge"])


def test_sobol_indices_through_salib():
    pytest.importorskip("SALib")
    # The number of equilibria depends on the dishonour d alone over these ranges (three
    # below d = 1/4, one above); the US war cost matters only below c = 0.7 (US Chicken
    # ranking needs 0.1 > 0.45 - 0.5 c), outside its range here.
    s = sobol_indices(
        "chicken-goals",
        {"dishonour": None, "war_cost_us": (0.8, 2.0)},
        output="n_equilibria",
        n=256,
        seed=1,
    )
    assert list(s.columns) == ["S1", "S1_conf", "ST", "ST_conf"]
    assert s.loc["dishonour", "S1"] == pytest.approx(1, abs=0.1)
    assert s.loc["war_cost_us", "ST"] == pytest.approx(0, abs=1e-9)
