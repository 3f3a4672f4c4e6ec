"""The report's sweep figures and regime-boundary summary."""

from __future__ import annotations

from fractions import Fraction
from pathlib import Path

import numpy as np
import pytest

from crisisgames import report_sweeps
from crisisgames.report_sweeps import sweep_figures, sweep_summary

PNG = b"\x89PNG\r\n\x1a\n"


def test_figures_are_written_and_returned(tmp_path: Path) -> None:
    out = tmp_path / "new" / "dir"  # created if missing
    paths = sweep_figures(out)
    assert [p.name for p in paths] == [
        "sweep_regimes_missile_trade.png",
        "sweep_war_chicken_goals.png",
    ]
    for p in paths:
        assert p.parent == out
        assert p.read_bytes()[:8] == PNG
        assert p.stat().st_size > 10_000  # a drawn map, not an empty canvas


def test_regime_map_names_match_the_summary() -> None:
    ds = report_sweeps._trade_sweep()
    names = report_sweeps._names(ds)
    fig = report_sweeps._regime_figure(ds, names)
    (ax,) = fig.axes
    shown = np.asarray(ax.collections[0].get_array()).reshape(ds.sizes["alliance_cost"], -1)
    codes = ds.regime.transpose("alliance_cost", "leak").values
    present = np.unique(codes)
    np.testing.assert_array_equal(present[shown], codes)  # the data, one colour per regime
    box = ax.get_legend()
    assert box is not None
    legend = [t.get_text() for t in box.get_texts()]
    assert legend == [f"R{k + 1}" for k in range(len(present))]
    summary = sweep_summary()
    for name in legend:  # every name on the map is keyed in the summary
        assert f"  {name} " in summary


def test_war_map_shows_the_worst_equilibrium() -> None:
    from crisisgames.sweep import Grid, sweep

    ds = sweep(Grid("chicken-goals", {"dishonour": (0, 1, 5), "escalation": (0, 1, 5)}))
    fig = report_sweeps._war_figure(ds)
    mesh = fig.axes[0].collections[0]
    expected = ds.war_probability.max("equilibrium").transpose("escalation", "dishonour")
    np.testing.assert_allclose(np.asarray(mesh.get_array()).reshape(5, 5), expected.values)
    assert mesh.get_clim() == pytest.approx((0.0, float(expected.max())))


def test_summary_has_the_exact_boundaries() -> None:
    text = sweep_summary()
    rows = [line.split() for line in text.splitlines()[3:] if line and not line[0].isspace()]
    rows = [r for r in rows if r[0] != "Regimes"]
    exact = [Fraction(r[0]) for r in rows if r[1] == "yes"]
    # By hand: the US values a public trade at 1/5 - alliance_cost and the standoff at
    # -war_risk * war_cost_us = -2/5; at alliance cost 0 secret and public trades are worth
    # the same to the US.  Both are exact boundaries.
    assert exact == [Fraction(0), Fraction(3, 5)]
    assert text == sweep_summary()  # deterministic (the report is reproducible)
