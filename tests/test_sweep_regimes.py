"""Regime boundaries located exactly, against thresholds derived by hand from the payoff
formulas; equilibrium branches along a swept parameter."""

from __future__ import annotations

import math
from fractions import Fraction as F

import numpy as np
import pytest

from crisisgames.errors import InvalidParameterError
from crisisgames.scenarios.verification import inspection_equilibrium
from crisisgames.sweep import (
    Design,
    Grid,
    exact_regime,
    follow_branches,
    regime_boundaries,
    simplest_between,
    sweep,
)

CHICKEN = (
    "US: air strike; USSR: withdraw | US: blockade; USSR: maintain | "
    "US: {blockade, air strike}; USSR: {withdraw, maintain}"
)
BLOCKADE = "US: blockade; USSR: maintain"


# chicken-goals (payoff_arrays): US rows blockade / air strike, columns withdraw / maintain
#   US:   [[wm + ws/2 + wa, wa/2], [wm + (1 - d) ws + wa/2, (1 - e)(wm + ws + wa/2) - e c]]
#   USSR: [[(wt + wg)/2, wr + wt + wg], [d wg / 2, -e c']]
# Defaults wm = ws = 2/5, wa = 1/5, wr = 3/10, wt = 1/5, wg = 1/2, c = c' = 1, d = 0, e = 1/2.
#
# Against a withdrawal the US strikes iff (1/2 - d) ws > wa/2, i.e. d < 1/2 - wa/(2 ws):
# d* = 1/4 at the defaults, 3/8 at wa = 1/10, 1/8 at wa = 3/10.
def test_dishonour_threshold_is_one_quarter():
    ds = sweep(Grid("chicken-goals", {"dishonour": (0, 1, 11)}))
    b = regime_boundaries(ds, "dishonour")
    assert b.value.tolist() == [F(1, 4)] and b.exact.all()
    assert b.below[0] == CHICKEN and b.above[0] == BLOCKADE
    assert b.at_boundary[0].startswith("continuum: ")  # the US is indifferent at d = 1/4


def test_a_threshold_on_a_grid_point_is_reported_once():
    ds = sweep(Grid("chicken-goals", {"dishonour": (0, 1, 5)}))  # 0.25 is a grid value
    b = regime_boundaries(ds, "dishonour")
    assert b.value.tolist() == [F(1, 4)]
    assert (b.below[0], b.above[0]) == (CHICKEN, BLOCKADE)
    assert b.at_boundary[0].startswith("continuum: ")


def test_dishonour_threshold_moves_with_the_weight_of_averting_war():
    ds = sweep(Grid("chicken-goals", {"w_us_war": [0.1, 0.2, 0.3], "dishonour": (0, 1, 6)}))
    b = regime_boundaries(ds, "dishonour")
    assert b.w_us_war.tolist() == [0.1, 0.2, 0.3]
    assert b.value.tolist() == [F(3, 8), F(1, 4), F(1, 8)]
    assert b.exact.all()


# Against maintained missiles the US blockades iff wa/2 > (1 - e)(wm + ws + wa/2) - e c, i.e.
# 1/10 > (1 - e) 9/10 - e, e > 8/19.  Below, the strike dominates and the USSR withdraws.
# At e = 0 the USSR is indifferent after a strike (d wg / 2 = 0 = -e c'): a continuum.
def test_escalation_thresholds_are_zero_and_eight_nineteenths():
    ds = sweep(Grid("chicken-goals", {"escalation": (0, 1, 11)}))
    b = regime_boundaries(ds, "escalation")
    assert b.value.tolist() == [F(0), F(8, 19)] and b.exact.all()
    assert b.below[1] == "US: air strike; USSR: withdraw" and b.above[1] == CHICKEN


# verification (closed form in its docstring), D = 1 - (1 - detect)(1 - intel):
#   mixed iff D L > k and D (g + f) > g; "inspect, cheat" iff D L > k and D (g + f) < g.
# Defaults detect = 1/2, intel = 1/5 (D = 3/5), k = 1/50, L = 1/10, g = 1/10, f = 1/5.
#   penalty:         (3/5)(1/10 + f) = 1/10      ->  f = 1/15
#   inspection cost: k = D L = 3/50 (and k = 0, where inspecting costs nothing)
#   detect:          D (g + f) = g  ->  D = 1/3  ->  (1 - x) 4/5 = 2/3  ->  x = 1/6
#                    D L = k        ->  D = 1/5  ->  x = 0
@pytest.mark.parametrize(
    ("axis", "thresholds"),
    [
        ("penalty", [F(1, 15)]),
        ("inspection_cost", [F(0), F(3, 50)]),
        ("detect", [F(0), F(1, 6)]),
    ],
)
def test_inspection_game_thresholds(axis, thresholds):
    ds = sweep(Grid("verification", {axis: (0, 1, 11)}))
    b = regime_boundaries(ds, axis)
    assert b.value.tolist() == thresholds and b.exact.all()
    # The closed form's regime changes across each threshold (off the boundary points).
    for t in thresholds:
        eps = 1e-6
        left = inspection_equilibrium(**{axis: max(float(t) - eps, 0.0)}).regime
        right = inspection_equilibrium(**{axis: float(t) + eps}).regime
        assert t == 0 or left != right


def test_an_irrational_threshold_is_a_bracket_not_an_exact_value():
    # missile-trade at its defaults: one structure change between war risks 0.2 and 0.3 is
    # not at a rational: 3 sqrt(2) / 20 = 0.2121..., where two vertices of the continuum
    # of response plans meet (200 r^2 = 9; derived in test_missile_trade_boundaries.py).
    ds = sweep(Grid("missile-trade", {"war_risk": [0.2, 0.3]}))
    xtol = F(1, 2**30)
    b = regime_boundaries(ds, "war_risk", xtol=xtol)
    assert len(b) == 1 and not b.exact[0]
    assert b.high[0] - b.low[0] <= xtol
    assert b.low[0] < 3 * math.sqrt(2) / 20 < b.high[0]
    assert b.at_boundary[0] == ""


def test_simplest_between():
    assert simplest_between(F(1, 5), F(3, 10)) == F(1, 4)
    assert simplest_between(F(2, 5), F(1, 2)) == F(3, 7)
    assert simplest_between(F(0), F(1, 10)) == F(1, 11)
    assert simplest_between(F(3, 2), F(7, 2)) == 2
    assert simplest_between(F(-7, 2), F(-3, 2)) == -2
    with pytest.raises(ValueError, match="low < high"):
        simplest_between(F(1), F(1))


def test_exact_regime_at_a_point():
    assert exact_regime("chicken-goals", dishonour=F(0)) == CHICKEN
    assert exact_regime("chicken-goals", dishonour=F(1, 4)).startswith("continuum")


def test_branches_along_dishonour():
    ds = sweep(Grid("chicken-goals", {"dishonour": (0, 1, 11)}))
    b = follow_branches(ds, "dishonour")
    assert b.table.supports.tolist() == [
        BLOCKADE,
        "US: air strike; USSR: withdraw",
        "US: {blockade, air strike}; USSR: {withdraw, maintain}",
    ]
    assert b.table.vanishes.tolist() == [False, True, True]
    assert b.events.event.tolist() == ["vanishes", "vanishes"]
    assert b.events.before.tolist() == pytest.approx([0.2, 0.2])
    assert b.events.after.tolist() == pytest.approx([0.3, 0.3])
    # The blockade branch is one line through every grid value.
    blockade = b.branch.values == 0
    assert blockade.sum(axis=1).tolist() == [1] * 11


def test_branches_appear_vanish_or_change_support():
    ds = sweep(Grid("verification", {"penalty": (0, 0.2, 5)}))  # crosses f = 1/15
    jumps = follow_branches(ds, "penalty")
    assert jumps.events.event.tolist() == ["vanishes", "appears"]
    assert jumps.events.support_before[0] == "US: inspect; USSR: cheat"
    assert jumps.events.support_after[1] == "US: {inspect, not inspect}; USSR: {comply, cheat}"
    follows = follow_branches(ds, "penalty", max_jump=1.0)
    assert follows.events.event.tolist() == ["changes support"]
    assert len(follows.table) == 1
    assert follows.table.supports[0] == (
        "US: inspect; USSR: cheat -> US: {inspect, not inspect}; USSR: {comply, cheat}"
    )


def test_branches_of_a_two_parameter_grid_need_a_selection():
    ds = sweep(Grid("chicken-goals", {"dishonour": (0, 1, 5), "escalation": [0.3, 0.6]}))
    with pytest.raises(InvalidParameterError, match="select a value of"):
        follow_branches(ds, "dishonour")
    b = follow_branches(ds, "dishonour", escalation=0.6)
    assert np.array_equal(b.branch.dishonour.values, ds.dishonour.values)


def test_regimes_need_a_swept_parameter_of_a_grid():
    design = sweep(Design("verification", ["penalty"], 8, rng=0))
    with pytest.raises(InvalidParameterError, match="design"):
        regime_boundaries(design, "penalty")
    grid = sweep(Grid("verification", {"penalty": (0, 1, 3)}))
    with pytest.raises(InvalidParameterError, match="not a swept parameter"):
        follow_branches(grid, "detect")
