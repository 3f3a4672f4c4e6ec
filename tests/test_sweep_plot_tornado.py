"""The tornado chart, checked by the data in its bars."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import pytest

from crisisgames.errors import InvalidParameterError
from crisisgames.plot.sweep import plot_tornado
from crisisgames.sweep.sensitivity import tornado


@pytest.fixture(scope="module")
def table() -> pd.DataFrame:
    return tornado("chicken-goals", ["escalation", "dishonour", "w_us_war", "war_cost_us"])


@pytest.fixture(autouse=True)
def _close():
    yield
    plt.close("all")


def _bars(ax, end: str):
    (container,) = [c for c in ax.containers if c.get_label().endswith(f"{end} end of its range")]
    return list(container)


def test_one_pair_of_bars_per_parameter_widest_on_top(table):
    ax = plot_tornado(table, xlabel="P(war)")
    low, high = _bars(ax, "low"), _bars(ax, "high")
    assert len(low) == len(high) == len(table) == 4
    assert len(ax.patches) == 2 * len(table)
    # Tick labels from the top down follow the table's (decreasing swing) order.
    ticks = sorted(
        zip(ax.get_yticks(), (t.get_text() for t in ax.get_yticklabels()), strict=True),
        reverse=True,
    )
    expected = [f"{p} [{lo:g}, {hi:g}]" for p, lo, hi in table[["parameter", "low", "high"]].values]
    assert [label for _, label in ticks] == expected
    assert table.parameter.iloc[0] == "w_us_war"  # the widest swing: 0.188 vs 0.113 and 0.033
    # The bars of row i sit around row i's tick: the low end just above, the high just below.
    for i, (lo_bar, hi_bar) in enumerate(zip(low, high, strict=True)):
        tick = ticks[i][0]
        assert lo_bar.get_y() == pytest.approx(tick)
        assert hi_bar.get_y() + hi_bar.get_height() == pytest.approx(tick)
        assert lo_bar.get_height() == hi_bar.get_height() < 0.5  # no overlap with other rows
    assert ax.get_xlabel() == "P(war)"


def test_bars_run_from_the_default_to_each_end(table):
    ax = plot_tornado(table)
    for end in ("low", "high"):
        bars = _bars(ax, end)
        starts = np.array([b.get_x() for b in bars])
        ends = np.array([b.get_x() + b.get_width() for b in bars])
        np.testing.assert_allclose(starts, table.at_default.values)
        np.testing.assert_allclose(ends, table[f"at_{end}"].values)
        assert {b.get_gid() for b in bars} == {f"tornado-{end}"}
    (default,) = [ln for ln in ax.get_lines() if ln.get_gid() == "default"]
    # The mixed equilibrium's P(war) at the defaults: e q m = 1/2 * 13/23 * 2/5 = 13/115.
    assert default.get_xdata()[0] == pytest.approx(13 / 115)
    # Swings shown equal the table's.
    widths = np.abs(
        np.array([b.get_x() + b.get_width() for b in _bars(ax, "high")])
        - np.array([b.get_x() + b.get_width() for b in _bars(ax, "low")])
    )
    np.testing.assert_allclose(widths, table.swing.values)


def test_draws_on_given_axes_and_plain_labels(table):
    _, ax = plt.subplots()
    assert plot_tornado(table, ax=ax, ranges=False) is ax
    top_down = sorted(
        zip(ax.get_yticks(), (t.get_text() for t in ax.get_yticklabels()), strict=True),
        reverse=True,
    )
    assert [label for _, label in top_down] == table.parameter.tolist()


def test_a_table_that_is_not_a_tornado_is_refused(table):
    with pytest.raises(InvalidParameterError, match="at_default"):
        plot_tornado(table.drop(columns="at_default"))
    with pytest.raises(InvalidParameterError, match="no rows"):
        plot_tornado(table.iloc[:0])
