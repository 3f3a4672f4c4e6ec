"""Sensitivity of the probability of war in ``chicken-goals`` to its parameters.

``chicken-goals`` derives the blockade / air strike game's payoffs from the actors' goal
weights, the cost of war, the chance that a strike escalates and the dishonour of striking
a withdrawing adversary (``crisisgames show chicken-goals``).  The outcome studied is the
probability of war in the worst equilibrium (``"war_max"``); at the defaults that is the
mixed equilibrium's ``13/115``.  Three views, from :mod:`crisisgames.sweep.sensitivity`:

1. a tornado chart (``tornado`` + ``plot_tornado``): each parameter alone at the ends of
   its range, the others at their defaults.  The war costs are declared on ``[0, 100]``;
   here they range over ``[1/2, 2]`` (half to twice the default), a span comparable with
   the weights';
2. elasticities at the defaults (``elasticities``): ``d ln P(war) / d ln x``.  By hand the
   one in the US war cost is ``-e c / (e c + 0.9 e - 0.7) = -2`` at ``e = 1/2, c = 1``,
   checked here;
3. first-order and total Sobol indices of the six goal weights (``sobol_indices``, SALib's
   estimator: the ``sensitivity`` extra).  Skipped, with a note, when SALib is missing.

Run::

    python examples/sensitivity.py                 # figures in a new temporary directory
    python examples/sensitivity.py --out figures/  # or in figures/
"""

from __future__ import annotations

import argparse
import importlib.util
import tempfile
from collections.abc import Sequence
from pathlib import Path

import matplotlib

matplotlib.use("Agg")  # files only, no display

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd

from crisisgames.plot.sweep import plot_tornado
from crisisgames.sweep.sensitivity import elasticities, sobol_indices, tornado

SCENARIO = "chicken-goals"
OUTPUT = "war_max"
LABEL = "P(war), worst equilibrium"
WAR_COST_RANGE = (0.5, 2.0)
WEIGHTS = (
    "w_us_missiles",
    "w_us_security",
    "w_us_war",
    "w_ussr_reach",
    "w_ussr_tactical",
    "w_ussr_prestige",
)


def show(table: pd.DataFrame, digits: int = 4) -> str:
    return table.to_string(index=False, float_format=lambda x: f"{x:.{digits}f}")


def sobol_figure(s: pd.DataFrame) -> plt.Figure:
    fig, ax = plt.subplots(figsize=(7, 4), layout="constrained")
    y = np.arange(len(s))[::-1]
    ax.barh(y + 0.2, s.S1, 0.4, xerr=s.S1_conf, label="first order S1")
    ax.barh(y - 0.2, s.ST, 0.4, xerr=s.ST_conf, label="total ST")
    ax.set_yticks(y, list(s.index))
    ax.set_xlabel(f"Sobol index of {LABEL}")
    ax.set_title(f"{SCENARIO}: the goal weights (uniform on [0, 1])")
    ax.legend(fontsize="small")
    return fig


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=None, help="directory for the figures")
    parser.add_argument("--n", type=int, default=512, help="SALib's base sample (power of 2)")
    args = parser.parse_args(argv)
    out = args.out if args.out is not None else Path(tempfile.mkdtemp(prefix="crisisgames-"))
    out.mkdir(parents=True, exist_ok=True)
    paths = []

    ranges = {"war_cost_us": WAR_COST_RANGE, "war_cost_ussr": WAR_COST_RANGE}
    t = tornado(SCENARIO, output=OUTPUT, ranges=ranges)
    print(f"Tornado: {LABEL} with one parameter at an end of its range ({SCENARIO})")
    print(show(t))

    fig, ax = plt.subplots(figsize=(10, 4.5), layout="constrained")
    plot_tornado(t, ax=ax, xlabel=LABEL)
    ax.set_title(f"{SCENARIO}: one-at-a-time ranges, defaults at the black line")
    paths.append(out / "sensitivity_tornado.png")
    fig.savefig(paths[-1], dpi=120)
    plt.close(fig)

    e = elasticities(SCENARIO, output=OUTPUT)
    print()
    print(f"Elasticities of {LABEL} at the defaults")
    print(show(e))
    by_hand = -2.0
    got = float(e.set_index("parameter").loc["war_cost_us", "elasticity"])
    ok = abs(got - by_hand) < 1e-3
    print(f"war_cost_us: {got:.4f}, by hand {by_hand} ({'agrees' if ok else 'DIFFERS'})")
    if not ok:
        return 1

    print()
    if importlib.util.find_spec("SALib") is None:
        print(
            "Sobol indices skipped: SALib is not installed (pip install 'crisisgames[sensitivity]')"
        )
    else:
        s = sobol_indices(SCENARIO, list(WEIGHTS), output=OUTPUT, n=args.n, seed=0)
        points = args.n * (len(WEIGHTS) + 2)
        print(f"Sobol indices of {LABEL} over the goal weights ({points} points, SALib)")
        print(s.to_string(float_format=lambda x: f"{x:.3f}"))
        fig = sobol_figure(s)
        paths.append(out / "sensitivity_sobol.png")
        fig.savefig(paths[-1], dpi=120)
        plt.close(fig)

    print()
    for path in paths:
        print(f"figure: {path}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
