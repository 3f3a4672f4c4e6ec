"""Sweeps for the crisis report: a regime map of the secret trade, a war map, boundaries.

:func:`sweep_figures` draws two figures into a directory (the report's), and
:func:`sweep_summary` gives the exact regime boundaries of the secret trade along the
alliance cost as text; ``crisisgames report`` calls both.  Grids are moderate (41 x 41) so
the whole takes a few seconds.

The ``missile-trade`` regimes' full labels (the supports of every extreme equilibrium of a
degenerate 3x8 game) run to hundreds of characters, so the figure's legend and the summary
name them ``R1``, ``R2``, ... (in the order of the sweep's regime codes) and the summary's
key says briefly what each contains.  Both read one cached sweep, so the names agree.

Examples
--------
>>> print(sweep_summary().splitlines()[0])
Regime boundaries of missile-trade along alliance_cost (leak = 0.1, other parameters at their defaults)
"""

from __future__ import annotations

import functools
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
import xarray as xr

from crisisgames.scenarios import get
from crisisgames.sweep import Grid, parse_regime_label, regime_boundaries, sweep

if TYPE_CHECKING:
    from matplotlib.figure import Figure

__all__ = ["sweep_figures", "sweep_summary"]

TRADE = "missile-trade"
TRADE_AXES = ("leak", "alliance_cost")
WAR = "chicken-goals"
WAR_AXES = ("dishonour", "escalation")
POINTS = 41  # multiples of 1/40: the default leak 0.1 is a grid value


@functools.lru_cache(maxsize=1)
def _trade_sweep() -> xr.Dataset:
    """The secret trade over (leak, alliance cost), computed once per process (the figure
    and the summary share it, and with it the regimes' short names)."""
    x, y = TRADE_AXES
    return sweep(Grid(TRADE, {x: (0.0, 1.0, POINTS), y: (0.0, 1.0, POINTS)}))


def _names(ds: xr.Dataset) -> dict[str, str]:
    """Regime label -> ``R1``, ``R2``, ... for the regimes present, by regime code."""
    present = np.unique(ds["regime"].values)
    return {str(ds["regime_label"].values[c]): f"R{k + 1}" for k, c in enumerate(present)}


def _describe(label: str) -> str:
    """A regime label in brief: how many extreme equilibria, and the US offers among them.

    Examples
    --------
    >>> _describe("continuum: US: no trade; USSR: hold out | US: {no trade, public trade}; USSR: accept public")
    '2 extreme equilibria (a continuum); US offers: no trade, public trade'
    """
    continuum, supports = parse_regime_label(label)
    offers: list[str] = []
    for support in supports:
        us = support.split("; ")[0].removeprefix("US: ").strip("{}")
        offers += [o.strip() for o in us.split(",") if o.strip() not in offers]
    order = {name: k for k, name in enumerate(get(TRADE).build().actions[0])}
    shown = ", ".join(sorted(set(offers), key=lambda o: order.get(o, len(order))))
    kind = " (a continuum)" if continuum else ""
    return f"{sum(supports.values())} extreme equilibria{kind}; US offers: {shown}"


def _figure(size: tuple[float, float]) -> Figure:
    """A figure outside pyplot: no backend switch (the report may run in a notebook or
    with no display), nothing for pyplot to keep alive; ``savefig`` renders with Agg."""
    from matplotlib.figure import Figure

    return Figure(figsize=size, layout="constrained")


def _regime_figure(ds: xr.Dataset, names: dict[str, str]) -> Figure:
    from crisisgames.plot.sweep import plot_regime_map

    fig = _figure((7.5, 5))
    ax = fig.subplots()
    plot_regime_map(ds, *TRADE_AXES, ax=ax)
    legend = ax.get_legend()
    assert legend is not None  # plot_regime_map always draws one
    # Same handles and colours, short names instead of the full labels.
    ax.legend(
        handles=legend.legend_handles,
        labels=[names[t.get_text()] for t in legend.get_texts()],
        fontsize="small",
        loc="upper left",
        bbox_to_anchor=(1.02, 1),
        title="regime",
    )
    ax.set_title(f"{TRADE}: equilibrium structure (regimes keyed in the text)")
    return fig


def _war_figure(ds: xr.Dataset) -> Figure:
    from crisisgames.plot.sweep import plot_war_map

    fig = _figure((6.5, 5))
    ax = fig.subplots()
    plot_war_map(ds, *WAR_AXES, reduce="max", ax=ax)
    # The map's scale runs to 1; here the worst P(war) is about 0.2, so fit the colours
    # (and with them the colour bar) to the data, else the map is nearly blank.
    worst = float(np.nanmax(ds["war_probability"].values))
    ax.collections[0].set_clim(0.0, worst if worst > 0 else 1.0)
    ax.set_title(f"{WAR}: probability of war in the worst equilibrium")
    return fig


def sweep_figures(directory: str | Path) -> list[Path]:
    """Draw the report's sweep figures into ``directory`` and return their paths.

    1. ``sweep_regimes_missile_trade.png``: the regime map of ``missile-trade`` over the
       leak probability and the alliance cost (41 x 41), regimes named as in
       :func:`sweep_summary`;
    2. ``sweep_war_chicken_goals.png``: the probability of war in the worst equilibrium of
       ``chicken-goals`` over the dishonour cost and the escalation risk (41 x 41).

    Parameters
    ----------
    directory
        Created if missing.

    Returns
    -------
    list of pathlib.Path
        The PNG files written, in the order above.

    Examples
    --------
    >>> import tempfile
    >>> [p.name for p in sweep_figures(tempfile.mkdtemp())]
    ['sweep_regimes_missile_trade.png', 'sweep_war_chicken_goals.png']
    """
    out = Path(directory)
    out.mkdir(parents=True, exist_ok=True)
    trade = _trade_sweep()
    x, y = WAR_AXES
    war = sweep(Grid(WAR, {x: (0.0, 1.0, POINTS), y: (0.0, 1.0, POINTS)}))
    paths = []
    for name, fig in (
        ("sweep_regimes_missile_trade.png", _regime_figure(trade, _names(trade))),
        ("sweep_war_chicken_goals.png", _war_figure(war)),
    ):
        path = out / name
        fig.savefig(path, dpi=110)
        paths.append(path)
    return paths


def sweep_summary() -> str:
    """The exact regime boundaries of ``missile-trade`` along the alliance cost, as text.

    At the default leak probability, each change of regime between two grid values of the
    alliance cost is located with the exact solver
    (:func:`~crisisgames.sweep.regimes.regime_boundaries`): a rational threshold is printed
    as a fraction, an irrational one as a bracket of width ``2**-40``.  A key of the regimes
    (named as in the regime map of :func:`sweep_figures`) follows.

    At ``3/5`` the US stops preferring a public trade to the standoff: a public trade is
    worth ``1/5 - alliance_cost`` to the US (the other terms' values), the standoff
    ``-war_risk * war_cost_us = -2/5``.

    Examples
    --------
    >>> text = sweep_summary()
    >>> "3/5" in text, "R1" in text
    (True, True)
    """
    ds = _trade_sweep()
    names = _names(ds)
    x, y = TRADE_AXES
    leak = float(get(TRADE).parameter(x).default)
    table = regime_boundaries(ds.sel({x: leak}, method="nearest"), y, scenario=TRADE)

    def short(label: str) -> str:
        # A structure met only at a boundary (by the exact solve, on no grid point).
        if label not in names:
            names[label] = f"R{len(names) + 1}"
        return names[label]

    lines = [
        f"Regime boundaries of {TRADE} along {y} ({x} = {leak:g}, "
        "other parameters at their defaults)",
        "",
        f"{y + ' at the boundary':<44} {'exact':>5}  regimes below -> above (at the boundary)",
    ]
    for r in table.itertuples():
        where = str(r.value) if r.exact else f"in [{float(r.low):.12f}, {float(r.high):.12f}]"
        change = f"{short(r.below)} -> {short(r.above)}"
        if r.at_boundary:
            change += f" ({short(r.at_boundary)})"
        lines.append(f"{where:<44} {'yes' if r.exact else 'no':>5}  {change}")
    lines += ["", "Regimes (share of the regime map's grid; '-': only at a boundary):"]
    labels = [str(label) for label in ds["regime_label"].values]
    for label, name in names.items():
        share = float((ds["regime"] == labels.index(label)).mean()) if label in labels else 0.0
        lines.append(f"  {name:<4} {f'{share:.1%}' if share else '-':>6}  {_describe(label)}")
    return "\n".join(lines)
