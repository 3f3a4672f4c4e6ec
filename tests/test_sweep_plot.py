"""Plots of sweeps, checked by the data in their artists."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt
import numpy as np
import pytest

from crisisgames.errors import InvalidParameterError, UnknownLabelError
from crisisgames.plot.sweep import plot_payoffs, plot_regime_map, plot_strategies, plot_war_map
from crisisgames.sweep import Grid, regime_boundaries, regime_labels, sweep


@pytest.fixture(scope="module")
def line():
    return sweep(Grid("chicken-goals", {"dishonour": (0, 1, 11)}))


@pytest.fixture(scope="module")
def plane():
    return sweep(Grid("chicken-goals", {"dishonour": (0, 1, 6), "escalation": (0, 1, 5)}))


@pytest.fixture(autouse=True)
def _close():
    yield
    plt.close("all")


def test_strategy_branches(line):
    bounds = regime_boundaries(line, "dishonour")
    ax = plot_strategies(line, "dishonour", "US", "air strike", boundaries=bounds)
    branches = [ln for ln in ax.get_lines() if (ln.get_gid() or "").startswith("branch")]
    assert [ln.get_label() for ln in branches] == [
        "US: blockade; USSR: maintain",
        "US: air strike; USSR: withdraw",
        "US: {blockade, air strike}; USSR: {withdraw, maintain}",
    ]
    x = line.dishonour.values
    assert all(np.array_equal(ln.get_xdata(), x) for ln in branches)
    blockade, strike, mixed = (np.asarray(ln.get_ydata(), dtype=float) for ln in branches)
    assert np.all(blockade == 0)
    np.testing.assert_array_equal(strike[:3], 1.0)
    assert np.all(np.isnan(strike[3:]))  # the branch vanishes past d = 1/4
    # The mixed equilibrium at d = 0: the USSR is indifferent when the US blockades with
    # p, 0.35 p = p - 0.5 (1 - p): p = 10/23, so the US strikes with probability 13/23.
    assert mixed[0] == pytest.approx(13 / 23)
    np.testing.assert_allclose(mixed[:3], line.strategy_US.values[:3, 2, 1])
    (boundary,) = [ln for ln in ax.get_lines() if ln.get_gid() == "boundary"]
    assert boundary.get_xdata()[0] == pytest.approx(0.25)
    assert ax.get_xlabel() == "dishonour (fraction)"


def test_payoff_branches(line):
    ax = plot_payoffs(line, "dishonour", "US")
    blockade = np.asarray(ax.get_lines()[0].get_ydata(), dtype=float)
    np.testing.assert_allclose(blockade, 0.1)  # wa / 2: the blockade against maintain


def test_regime_map(plane):
    ax = plot_regime_map(plane, "dishonour", "escalation")
    (mesh,) = ax.collections
    shown = np.asarray(mesh.get_array()).reshape(5, 6)  # rows: escalation, columns: dishonour
    codes = plane.regime.transpose("escalation", "dishonour").values
    present = np.unique(codes)
    np.testing.assert_array_equal(present[shown], codes)
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert legend == [str(plane.regime_label.values[c]) for c in present]
    assert set(legend) == set(regime_labels(plane).values.ravel().tolist())


def test_war_map(plane):
    ax = plot_war_map(plane, "dishonour", "escalation", reduce="max")
    shown = np.asarray(plot_war_map(plane, "dishonour", "escalation").collections[0].get_array())
    expected = plane.war_probability.max("equilibrium").transpose("escalation", "dishonour")
    np.testing.assert_allclose(shown.reshape(5, 6), expected.values)
    assert ax.figure.axes[-1].get_ylabel() == "P(war), max over the equilibria"
    low = plot_war_map(plane, "dishonour", "escalation", reduce="min").collections[0]
    least = plane.war_probability.min("equilibrium").transpose("escalation", "dishonour")
    np.testing.assert_allclose(np.asarray(low.get_array()).reshape(5, 6), least.values)
    assert np.all(least.values <= expected.values)


def test_bad_plot_input(line, plane):
    with pytest.raises(UnknownLabelError, match="no action"):
        plot_strategies(line, "dishonour", "US", "invade")
    with pytest.raises(UnknownLabelError, match="player"):
        plot_payoffs(line, "dishonour", "Cuba")
    with pytest.raises(InvalidParameterError, match="not swept"):
        plot_regime_map(plane, "dishonour", "w_us_war")
    with pytest.raises(InvalidParameterError, match="reduce"):
        plot_war_map(plane, "dishonour", "escalation", reduce="median")
    cube = sweep(
        Grid("chicken-goals", {"dishonour": [0, 1], "escalation": [0, 1], "w_us_war": [0.1, 0.2]})
    )
    with pytest.raises(InvalidParameterError, match="select a value"):
        plot_regime_map(cube, "dishonour", "escalation")
    assert plot_regime_map(cube, "dishonour", "escalation", w_us_war=0.1) is not None
