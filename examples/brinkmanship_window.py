"""The brinkmanship window: threats that both work and are worth making (Dixit & Skeath).

The model of :mod:`crisisgames.models.brinkmanship`: the USSR is hard-line with probability
``p``; the US threatens that defiance brings war with probability ``q``.  A threat is
*effective* when the soft type complies (and the hard type defies), *acceptable* when the
US weakly prefers it to making none; the *window* is the set of ``q`` where both hold.  At
Dixit & Skeath's payoffs it is ``[3/5, 3(1 - p)/(8p)]``, open for ``p <= 5/13``.

This script prints, with exact fractions from the closed forms (``threat_window``,
``brinkmanship_analysis``, ``window_closing_p``):

1. the window at a few ``p``, its smallest threat and the probability of war there;
2. the effect of a sweetener ``j`` added to the Soviet comply payoffs (the secret Jupiter
   trade): the soft type's threshold ``(6 - j)/10`` falls, and the window stays open up to
   ``p = 15/(39 - 4j)`` (checked here against ``window_closing_p``);

and saves the window over ``(p, q)`` (``plot_window``) for ``j = 0, 2, 4``, with Kennedy's
"between one out of three and even" band and contours of the probability of war at 1/3
and 1/2.

Run::

    python examples/brinkmanship_window.py                 # figure in a new temporary directory
    python examples/brinkmanship_window.py --out figures/  # or in figures/
"""

from __future__ import annotations

import argparse
import tempfile
from collections.abc import Sequence
from fractions import Fraction as F
from pathlib import Path
from typing import Any

import matplotlib

matplotlib.use("Agg")  # files only, no display

import matplotlib.pyplot as plt
import numpy as np

from crisisgames.models.brinkmanship import (
    brinkmanship_analysis,
    threat_window,
    window_closing_p,
)
from crisisgames.plot.brinkmanship import plot_window

P_VALUES = (F(0), F(1, 10), F(1, 4), F(1, 3), F(5, 13), F(2, 5), F(1, 2))
SWEETENERS = (0, 1, 2, 3, 4, 5)
PANELS = (0, 2, 4)
P_SWEETENED = F(1, 3)  # the p at which the sweetener's effect on the window is tabulated


def text(x: Any) -> str:
    """A Fraction (or None, for an undefined value) as text."""
    return "-" if x is None else str(x)


def window_table() -> list[str]:
    rows = [
        "The window at Dixit & Skeath's payoffs (no sweetener)",
        f"{'p':>5}  {'window of q':<12} {'smallest threat':>15} {'P(war) there':>12} "
        f"{'US payoff':>9}  {'q = 1 acceptable':>16}",
    ]
    for p in P_VALUES:
        a = brinkmanship_analysis(p)
        window = threat_window(p)
        assert window == a.window  # the analysis reports the same window
        rows.append(
            f"{p!s:>5}  {window!s:<12} {text(a.minimal_threat):>15} "
            f"{text(a.war_probability):>12} {text(a.us_payoff):>9}  "
            f"{'yes' if a.pure_threat_acceptable else 'no':>16}"
        )
    rows.append(f"the window is open for p <= {window_closing_p()}")
    return rows


def sweetener_table() -> list[str]:
    rows = [
        f"The sweetener j (added to the Soviet comply payoffs), window at p = {P_SWEETENED}",
        f"{'j':>2}  {'soft threshold':>14} {'hard threshold':>14}  {'window of q':<12} "
        f"{'P(war) at its low end':>21}  {'window open for p <=':>20} {'15/(39 - 4j)':>12}",
    ]
    for j in SWEETENERS:
        a = brinkmanship_analysis(P_SWEETENED, sweetener=j)
        closing = window_closing_p(sweetener=j)
        # By hand: open iff p <= G / (G + t L) with G = 3, L = 8 and the soft threshold
        # t = (6 - j)/10; the hard type defies at the window's low end for every j here.
        by_hand = F(15, 39 - 4 * j)
        rows.append(
            f"{j:>2}  {text(a.soft_threshold):>14} {text(a.hard_threshold):>14}  "
            f"{a.window!s:<12} {text(a.war_probability):>21}  {text(closing):>20} "
            f"{by_hand!s:>12}{'' if closing == by_hand else '  (differs)'}"
        )
    return rows


def figure(points: int) -> plt.Figure:
    fig, axes = plt.subplots(1, len(PANELS), figsize=(6 * len(PANELS), 4.8), layout="constrained")
    grid = np.linspace(0.0, 1.0, points)
    for ax, j in zip(axes, PANELS, strict=True):
        plot_window(
            ax=ax,
            p=grid,
            q=grid,
            sweetener=j,
            war_contours=(F(1, 3), F(1, 2)),
        )
    return fig


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=None, help="directory for the figure")
    parser.add_argument("--points", type=int, default=301, help="grid points per axis")
    args = parser.parse_args(argv)
    out = args.out if args.out is not None else Path(tempfile.mkdtemp(prefix="crisisgames-"))
    out.mkdir(parents=True, exist_ok=True)

    print("\n".join(window_table()))
    print()
    print("\n".join(sweetener_table()))

    path = out / "brinkmanship_window.png"
    fig = figure(args.points)
    fig.savefig(path, dpi=110)
    plt.close(fig)
    print(f"\nfigure: {path}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
