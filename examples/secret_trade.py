"""The secret trade's effect on the settlement (the ``missile-trade`` scenario).

Sweeps the probability that a secret trade leaks and the cost to the US of a public trade
with its allies, at several risks of war while the standoff lasts:

1. the credible (subgame-perfect) outcome over a fine grid, with
   :func:`~crisisgames.scenarios.missile_trade.subgame_perfect_outcome` (array operations);
2. every Nash equilibrium of the normal form at a coarse grid, with
   ``get("missile-trade").build_batch(...)`` and ``GameBatch.solve()``: how many there are,
   and the worst probability of war among them (the equilibria sustained by a non-credible
   threat to hold out).

Prints a labeled table and saves a figure of the outcome regions.  "tie" names the offers
the US is indifferent between; "unique" says whether the credible outcome is unique (a tie
between two refused offers still leaves one outcome, the standoff).

Run::

    python examples/secret_trade.py                 # figure in a new temporary directory
    python examples/secret_trade.py --out figures/  # or in figures/
"""

from __future__ import annotations

import argparse
import tempfile
from collections.abc import Sequence
from pathlib import Path

import matplotlib

matplotlib.use("Agg")  # files only, no display

import matplotlib.pyplot as plt
import numpy as np
from matplotlib.colors import ListedColormap
from matplotlib.patches import Patch

from crisisgames.metrics import expectation
from crisisgames.scenarios import get
from crisisgames.scenarios.missile_trade import ACCEPTS, subgame_perfect_outcome

# Panels: (war_risk, pledge).  The default risk is 0.4; lower risks weaken the USSR's
# reason to settle, and the last panel drops the non-invasion pledge.
PANELS = ((0.2, True), (0.3, True), (0.4, True), (0.4, False))
REGIONS = ("standoff (war risk)", "no trade accepted", "secret trade", "public trade", "tie")
SHORT = ("no trade", "secret", "public")
COLORS = ("#b2182b", "#999999", "#2166ac", "#f4a582", "#ffffff")


def regions(leak: np.ndarray, cost: np.ndarray, war_risk: float, pledge: bool) -> np.ndarray:
    """Index into REGIONS of the credible outcome at each grid point."""
    o = subgame_perfect_outcome(leak=leak, alliance_cost=cost, war_risk=war_risk, pledge=pledge)
    code = np.where(o.accepted, 1 + o.offer, 0)
    return np.where(o.ambiguous, len(REGIONS) - 1, code)


def table(war_risk: float) -> list[str]:
    """Rows: SPE and the Nash equilibria's count and worst war probability, coarse grid."""
    leak = np.array([0.0, 0.1, 0.25, 0.5, 1.0])
    cost = np.array([0.1, 0.2, 0.4, 0.6])
    L, C = (a.ravel() for a in np.meshgrid(leak, cost, indexing="ij"))
    o = subgame_perfect_outcome(leak=L, alliance_cost=C, war_risk=war_risk)
    sol = get("missile-trade").build_batch(leak=L, alliance_cost=C, war_risk=war_risk).solve()
    war_at = np.where(ACCEPTS, 0.0, war_risk)  # P(war) at each (offer, plan)
    worst = np.nanmax(expectation(sol, war_at), axis=1)
    rows = [
        f"war_risk = {war_risk}",
        f"{'leak':>5} {'alliance':>8}  {'credible outcome':<46} {'P(war)':>6} {'US':>7} "
        f"{'USSR':>7} {'unique':>6}  {'#Nash':>5} {'max P(war)':>10}",
    ]
    for g in range(len(L)):
        what = f"{o.offer_label[g]} {'accepted' if o.accepted[g] else 'refused'}"
        if o.tie[g]:  # the US is indifferent: name every best offer
            what += (
                " (tie: " + "/".join(w for w, b in zip(SHORT, o.best[g], strict=True) if b) + ")"
            )
        if o.ussr_indifferent[g, o.offer[g]]:
            what += " (USSR indifferent)"
        rows.append(
            f"{L[g]:>5.2f} {C[g]:>8.2f}  {what:<46} {o.war[g]:>6.2f} {o.us_payoff[g]:>7.3f} "
            f"{o.ussr_payoff[g]:>7.3f} {'no' if o.ambiguous[g] else 'yes':>6}  {sol.count[g]:>5d} "
            f"{worst[g]:>10.2f}"
        )
    return rows


def figure(points: int) -> plt.Figure:
    leak = np.linspace(0, 1, points)
    cost = np.linspace(0, 0.6, points)
    L, C = np.meshgrid(leak, cost, indexing="xy")  # rows: cost (y), columns: leak (x)
    fig, axes = plt.subplots(1, len(PANELS), figsize=(4 * len(PANELS), 4), sharey=True)
    cmap = ListedColormap(COLORS)
    for ax, (risk, pledge) in zip(axes, PANELS, strict=True):
        ax.pcolormesh(
            leak,
            cost,
            regions(L, C, risk, pledge),
            cmap=cmap,
            vmin=-0.5,
            vmax=len(REGIONS) - 0.5,
            shading="nearest",
        )
        ax.set_title(f"war risk {risk}" + ("" if pledge else ", no pledge"))
        ax.set_xlabel(get("missile-trade").parameter("leak").meaning.split(" (")[0])
    axes[0].set_ylabel("alliance cost of a public trade (utility)")
    fig.legend(
        handles=[
            Patch(facecolor=c, edgecolor="k", label=r) for c, r in zip(COLORS, REGIONS, strict=True)
        ],
        loc="lower center",
        ncol=len(REGIONS),
    )
    fig.suptitle("missile-trade: the credible settlement by leak probability and alliance cost")
    fig.tight_layout(rect=(0, 0.1, 1, 0.95))
    return fig


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=None, help="directory for the figure")
    parser.add_argument("--points", type=int, default=301, help="grid points per axis")
    args = parser.parse_args(argv)
    out = args.out if args.out is not None else Path(tempfile.mkdtemp(prefix="crisisgames-"))
    out.mkdir(parents=True, exist_ok=True)

    print("Credible outcome and Nash equilibria of missile-trade (other parameters default)")
    for risk in (0.3, 0.4):
        print()
        print("\n".join(table(risk)))

    path = out / "secret_trade.png"
    fig = figure(args.points)
    fig.savefig(path, dpi=120)
    plt.close(fig)
    print(f"\nfigure: {path}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
