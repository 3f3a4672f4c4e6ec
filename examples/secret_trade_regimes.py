"""Regimes of the secret trade: which equilibrium structure holds, and where it changes.

Sweeps the ``missile-trade`` scenario (``crisisgames show missile-trade``) over the
probability that a secret trade leaks and the cost to the US of a public trade with its
allies, every other parameter at its default, with the sweep engine
(``sweep(Grid(...))``: every Nash equilibrium of the 3x8 normal form at each point).  Then:

1. a regime map (``plot_regime_map``): the *regime* of a point is its equilibrium structure,
   the supports of all extreme equilibria.  The full labels are long (the game is
   degenerate, with continua of equilibria), so the map's legend names them R1, R2, ... and
   the printed key says what each contains;
2. the exact regime boundaries along the alliance cost at a few leak probabilities
   (``regime_boundaries``): bisection with the exact rational solver, not grid resolution.
   A boundary whose regimes differ on either side of a rational value is printed as that
   fraction; one that is irrational (possible where a mixed equilibrium's existence depends
   on a ratio of polynomials) is printed as a bracket, with ``exact`` no;
3. a check against the hand derivation: the US prefers a public trade to the standoff iff
   ``alliance_cost < v + war_risk * war_cost_us`` (``v`` the US value of the other terms
   of a public trade), so the structure must change there (``3/5`` at the defaults).

Run::

    python examples/secret_trade_regimes.py                 # figure in a new temporary directory
    python examples/secret_trade_regimes.py --out figures/  # or in figures/
"""

from __future__ import annotations

import argparse
import tempfile
from collections.abc import Sequence
from fractions import Fraction
from pathlib import Path

import matplotlib

matplotlib.use("Agg")  # files only, no display

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import xarray as xr

from crisisgames.plot.sweep import plot_regime_map
from crisisgames.scenarios import get
from crisisgames.sweep import Grid, parse_regime_label, regime_boundaries, sweep

SCENARIO = "missile-trade"
X, Y = "leak", "alliance_cost"
LEAKS_FOR_BOUNDARIES = (0.0, 0.1, 0.5)  # 0.1 is the default


def short_names(ds: xr.Dataset) -> dict[str, str]:
    """Regime label -> ``R1``, ``R2``, ... in the order of the dataset's regime codes."""
    present = np.unique(ds["regime"].values)
    labels = [str(ds["regime_label"].values[c]) for c in present]
    return {label: f"R{k + 1}" for k, label in enumerate(labels)}


def name_of(label: str, names: dict[str, str]) -> str:
    """A short name, adding one for a label seen only at a boundary (an exact solve there
    can meet a structure that holds at that single value and on no grid point)."""
    if label not in names:
        names[label] = f"R{len(names) + 1}"
    return names[label]


def describe(label: str) -> str:
    """What a regime label says, briefly: its extreme equilibria and the US offers in them.

    A label (see ``crisisgames.sweep.regime_label``) says whether the equilibria form a
    continuum and lists the supports of the extreme equilibria, each
    ``"US: ...; USSR: ..."``; ``parse_regime_label`` reads it back.
    """
    continuum, supports = parse_regime_label(label)
    offers: set[str] = set()
    for support in supports:
        us = support.split("; ")[0].removeprefix("US: ").strip("{}")
        offers.update(o.strip() for o in us.split(","))
    order = ("no trade", "secret trade", "public trade")
    shown = ", ".join(o for o in order if o in offers)
    n = sum(supports.values())
    return f"{n} extreme equilibria{' (continuum)' if continuum else ''}; US offers: {shown}"


def key_table(ds: xr.Dataset, names: dict[str, str]) -> list[str]:
    """One row per regime: its share of the grid (0 for a structure met only at a boundary
    by the exact solver) and what it contains."""
    labels = [str(label) for label in ds["regime_label"].values]
    rows = [f"{'regime':<6} {'share':>6}  contents"]
    for label, short in names.items():
        share = float((ds["regime"] == labels.index(label)).mean()) if label in labels else 0.0
        where = f"{share:>6.1%}" if share else f"{'-':>6}"
        rows.append(f"{short:<6} {where}  {describe(label)}")
    return rows


def boundary_table(ds: xr.Dataset, names: dict[str, str]) -> tuple[list[str], pd.DataFrame]:
    """Exact regime boundaries along the alliance cost, one line of the grid per leak."""
    tables = []
    for leak in LEAKS_FOR_BOUNDARIES:
        line = ds.sel({X: leak})  # the other swept parameter fixed: one line of the grid
        b = regime_boundaries(line, Y, scenario=SCENARIO)
        b.insert(0, X, leak)
        tables.append(b)
    table = pd.concat(tables, ignore_index=True)
    rows = [
        f"{X:>5}  {Y + ' at the boundary':<46} {'exact':>5}  change",
    ]
    for r in table.itertuples():
        where = (
            str(r.value)
            if r.exact
            else f"in [{float(r.low):.12f}, {float(r.high):.12f}]"  # an irrational threshold
        )
        at = f" (at it: {name_of(r.at_boundary, names)})" if r.at_boundary else ""
        change = f"{name_of(r.below, names)} -> {name_of(r.above, names)}{at}"
        rows.append(f"{getattr(r, X):>5.2f}  {where:<46} {'yes' if r.exact else 'no':>5}  {change}")
    return rows, table


def public_trade_threshold() -> Fraction:
    """By hand: the alliance cost at which a public trade stops beating the standoff for
    the US, ``v + war_risk * war_cost_us`` (defaults, exact)."""
    s = get(SCENARIO)

    def d(name: str) -> Fraction:
        return Fraction(repr(float(s.parameter(name).default)))

    terms = ("withdrawal", "no_reintroduction", "pledge", "jupiters_turkey", "jupiters_italy")
    v = sum((d(f"{t}_us") for t in terms), Fraction(0))
    return v + d("war_risk") * d("war_cost_us")


def figure(ds: xr.Dataset, names: dict[str, str]) -> plt.Figure:
    fig, ax = plt.subplots(figsize=(7.5, 5), layout="constrained")
    plot_regime_map(ds, X, Y, ax=ax)
    # The plot's legend carries the full labels (hundreds of characters): rename them.
    legend = ax.get_legend()
    assert legend is not None  # plot_regime_map always draws one
    handles = legend.legend_handles
    texts = [t.get_text() for t in legend.get_texts()]
    ax.legend(
        handles=handles,
        labels=[names[t] for t in texts],
        fontsize="small",
        loc="upper left",
        bbox_to_anchor=(1.02, 1),
        title="regime",
    )
    ax.set_title("missile-trade: equilibrium structure by leak probability and alliance cost")
    return fig


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=None, help="directory for the figure")
    parser.add_argument("--points", type=int, default=41, help="grid points per axis")
    args = parser.parse_args(argv)
    out = args.out if args.out is not None else Path(tempfile.mkdtemp(prefix="crisisgames-"))
    out.mkdir(parents=True, exist_ok=True)

    # Grid values on multiples of 1/40 include the leak values of the boundary table.
    n = args.points
    ds = sweep(Grid(SCENARIO, {X: (0.0, 1.0, n), Y: (0.0, 1.0, n)}))
    names = short_names(ds)

    print(f"{SCENARIO}: {n} x {n} grid over ({X}, {Y}), other parameters at their defaults")
    print(f"equilibria per point: {int(ds.n_equilibria.min())} to {int(ds.n_equilibria.max())}")
    standoff = "US: no trade; USSR: hold out"  # the non-credible threat to hold out
    if all(standoff in parse_regime_label(label)[1] for label in names):
        print(f"(every regime includes the standoff equilibrium, {standoff}: P(war) = war_risk)")
    print()
    print(f"Exact regime boundaries along {Y} (R1, R2, ...: the regimes, keyed below)")
    rows, table = boundary_table(ds, names)
    print("\n".join(rows))
    print()
    print("Regimes (share of the grid; '-': met only at a boundary)")
    print("\n".join(key_table(ds, names)))

    # The hand derivation must be among the exact boundaries on every line.
    by_hand = public_trade_threshold()
    missing = [
        leak
        for leak in LEAKS_FOR_BOUNDARIES
        if not ((table[X] == leak) & table.exact & (table.value == by_hand)).any()
    ]
    print()
    print(
        f"By hand: the US prefers a public trade to the standoff iff {Y} < {by_hand}; "
        f"a boundary there at every leak: {'no, missing at ' + str(missing) if missing else 'yes'}"
    )
    if missing:
        return 1

    path = out / "secret_trade_regimes.png"
    fig = figure(ds, names)
    fig.savefig(path, dpi=120)
    plt.close(fig)
    print(f"\nfigure: {path}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
