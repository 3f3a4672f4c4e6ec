"""The secret trade swept on a Dask cluster, checked against the serial sweep.

Sweeps the ``missile-trade`` scenario (``crisisgames show missile-trade``) over the
probability that a secret trade leaks and the cost to the US of a public trade with its
allies, every other parameter at its default:

1. serially, in this process (``sweep(grid)``);
2. on a :class:`dask.distributed.LocalCluster` of two worker processes, through
   :func:`crisisgames.sweep.dask_executor.dask_executor` (any
   :class:`concurrent.futures.Executor` would do), the grid cut into chunks that the
   workers solve independently;

checks that the two Datasets are equal (``ds.equals``: the result does not depend on the
executor or the chunking), prints a table of the regimes (share of the grid, number of extreme
equilibria, US offers, range of the probability of war), and saves the regime map and the map of
the probability of war.

Dask is the ``dask`` extra (``pip install 'crisisgames[dask]'``).  Without it the Dask
part is skipped with a note, and the serial sweep's figure is still written.

Run::

    python examples/dask_sweep.py                 # figure in a new temporary directory
    python examples/dask_sweep.py --out figures/  # or in figures/
"""

from __future__ import annotations

import argparse
import importlib.util
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

import matplotlib

matplotlib.use("Agg")  # files only, no display

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import xarray as xr

from crisisgames.plot.sweep import plot_regime_map, plot_war_map
from crisisgames.sweep import Grid, parse_regime_label, sweep

SCENARIO = "missile-trade"
X, Y = "leak", "alliance_cost"


def regime_table(ds: xr.Dataset) -> pd.DataFrame:
    """One row per regime present: a short name, its number of grid points and share, the
    number of extreme equilibria, the US offers made in them, and the range of the
    probability of war over its points and equilibria (best and worst equilibrium).

    A regime label (see ``crisisgames.sweep.regime_label``, read back by
    ``parse_regime_label``) says whether the equilibria form a continuum and lists the
    supports of the extreme equilibria, each ``"US: ...; USSR: ..."``; the full labels are
    long, so only their US offers are shown.
    """
    codes = ds["regime"].values.ravel()
    war = ds["war_probability"]
    best = war.min("equilibrium", skipna=True).values.ravel()
    worst = war.max("equilibrium", skipna=True).values.ravel()
    labels = np.asarray(ds["regime_label"].values, dtype=object)
    rows = []
    for k, code in enumerate(np.unique(codes)):
        where = codes == code
        label = str(labels[code])
        continuum, supports = parse_regime_label(label)
        offers = sorted({s.split("; ")[0].removeprefix("US: ").strip("{}") for s in supports})
        rows.append(
            {
                "regime": f"R{k + 1}",
                "points": int(where.sum()),
                "share": f"{where.mean():.2%}",
                "extreme eq.": sum(supports.values()),
                "continuum": continuum,
                "US offers": ", ".join(offers),
                "P(war) best eq.": f"{np.nanmin(best[where]):.3f}-{np.nanmax(best[where]):.3f}",
                "P(war) worst eq.": f"{np.nanmin(worst[where]):.3f}-{np.nanmax(worst[where]):.3f}",
            }
        )
    return pd.DataFrame(rows).set_index("regime")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=None, help="directory for the figure")
    parser.add_argument("--n", type=int, default=101, help="grid points per parameter")
    parser.add_argument("--workers", type=int, default=2, help="Dask worker processes")
    parser.add_argument("--chunk-size", type=int, default=1024, help="points per Dask task")
    args = parser.parse_args(argv)
    out = args.out or Path(tempfile.mkdtemp(prefix="crisisgames-dask-"))
    out.mkdir(parents=True, exist_ok=True)

    grid = Grid(SCENARIO, {X: (0, 1, args.n), Y: (0, 1, args.n)})
    t0 = time.perf_counter()
    serial = sweep(grid, progress=False)
    t_serial = time.perf_counter() - t0
    print(f"{SCENARIO}: {grid.size:,} points over {X} x {Y}")
    print(f"  serial sweep                      {t_serial:6.2f} s")

    if importlib.util.find_spec("dask") is None or importlib.util.find_spec("distributed") is None:
        print(
            "  Dask sweep skipped: dask.distributed is not installed "
            "(pip install 'crisisgames[dask]'); the figure shows the serial sweep"
        )
        ds = serial
    else:
        from crisisgames.sweep.dask_executor import dask_executor

        t0 = time.perf_counter()
        with dask_executor(n_workers=args.workers) as executor:
            t_start = time.perf_counter() - t0
            t1 = time.perf_counter()
            ds = sweep(grid, executor=executor, chunk_size=args.chunk_size, progress=False)
            t_dask = time.perf_counter() - t1
        n_chunks = -(-grid.size // args.chunk_size)
        print(
            f"  Dask sweep, {args.workers} workers, {n_chunks} chunks  {t_dask:6.2f} s"
            f"  (cluster start {t_start:.2f} s)"
        )
        same = ds.equals(serial)
        print(f"  Dask Dataset equals the serial one: {same}")
        if not same:
            print("ERROR: the Dask sweep differs from the serial sweep")
            return 1

    print()
    print("Regimes (R1, R2, ... as in the map's legend order):")
    with pd.option_context("display.width", 200):
        print(regime_table(ds).to_string())

    fig, (ax_regime, ax_war) = plt.subplots(1, 2, figsize=(15, 5), layout="constrained")
    plot_regime_map(ds, X, Y, ax=ax_regime)
    # The legend's labels are long: name the regimes R1, R2, ... as in the table.
    legend = ax_regime.get_legend()
    for k, text in enumerate(legend.get_texts()):
        text.set_text(f"R{k + 1}")
    ax_regime.set_title("regime (equilibrium structure)")
    # The worst equilibrium (the standoff) risks war everywhere; the best one shows where
    # no equilibrium avoids it.
    plot_war_map(ds, X, Y, reduce="min", ax=ax_war)
    ax_war.set_title("probability of war, best equilibrium")
    fig.suptitle(f"{SCENARIO}: the secret trade swept on Dask")
    path = out / "dask_sweep.png"
    fig.savefig(path, dpi=120)
    plt.close(fig)
    print()
    print(f"figure: {path}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
