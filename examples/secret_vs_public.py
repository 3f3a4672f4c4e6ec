"""When does a secret trade settle the crisis where a public one cannot?

The ``settlement`` scenario: the US and the USSR bargain over packages of the settlement's
terms, in public or through the back channel (see ``crisisgames show settlement``).  A
public Jupiter concession costs the US an alliance cost and both leaders audience costs; a
secret one costs them only if it leaks, is discounted by the USSR as less credible, and is
agreed faster, so less war risk accrues before the deal.

This script answers the question in three parts, every one computed with array operations
over parameter grids (no Python loop over parameter points):

1. for each alliance cost and leak probability, the daily hazard of war above which each
   channel settles (some package beats the standoff for both sides); between the two
   thresholds only the back channel settles;
2. at the default hazard (Black Saturday's 0.1), which package the Nash solution picks when
   both channels are open, and with what probability the Jupiters leave;
3. a figure: the regions over (leak probability, hazard) for three alliance costs, and the
   Nash solution's probability of the Jupiter trade against the leak probability.

Run::

    python examples/secret_vs_public.py                 # figure in a new temporary directory
    python examples/secret_vs_public.py --out figures/  # or in figures/
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

from crisisgames.plot.bargaining import plot_channel_regions
from crisisgames.scenarios import get
from crisisgames.scenarios.settlement import analyse_settlement, channel_regions, hazard_threshold

ALLIANCE_COSTS = (0.2, 0.6, 1.0)  # the default (0.2), and NATO split by a public trade
LEAKS = np.array([0.0, 0.1, 0.25, 0.5, 0.75, 1.0])


def threshold_table() -> list[str]:
    """Rows: alliance cost x leak -> the hazard above which each channel settles."""
    A, L = (a.ravel() for a in np.meshgrid(ALLIANCE_COSTS, LEAKS, indexing="ij"))
    back = hazard_threshold("back channel", leak=L, alliance_cost=A)
    public = hazard_threshold("public", leak=L, alliance_cost=A)
    rows = [
        "Hazard of war per day above which each channel settles (other parameters default)",
        f"{'alliance':>8} {'leak':>5}  {'back channel':>12} {'public':>8}  secret trade only",
    ]
    for a, lk, b, p in zip(A, L, back, public, strict=True):
        band = f"hazard in [{b:.4f}, {p:.4f})" if b < p else "never"
        rows.append(f"{a:>8.2f} {lk:>5.2f}  {b:>12.4f} {p:>8.4f}  {band}")
    return rows


def nash_table(hazard: float) -> list[str]:
    """Rows: the Nash solution with both channels open, at one hazard, by leak."""
    A, L = (a.ravel() for a in np.meshgrid(ALLIANCE_COSTS, LEAKS, indexing="ij"))
    analysis = analyse_settlement(leak=L, alliance_cost=A, hazard=hazard)
    nash = analysis.solutions["either"]["nash"]
    jupiters = nash.term_probability("jupiters_turkey")
    back, public = analysis.settles("back channel"), analysis.settles("public")
    rows = [
        f"Nash solution with both channels open, hazard {hazard} a day",
        f"{'alliance':>8} {'leak':>5}  {'settles':<13} {'P(Jupiters)':>11}  solution",
    ]
    for g in range(len(L)):
        where = "both" if back[g] and public[g] else "back only" if back[g] else "neither"
        text = nash.describe((g,)).split(": ", 1)[1]
        rows.append(f"{A[g]:>8.2f} {L[g]:>5.2f}  {where:<13} {jupiters[g]:>11.3f}  {text}")
    return rows


def figure(points: int, hazard: float) -> plt.Figure:
    leak = np.linspace(0, 1, points)
    hz = np.linspace(0, 0.25, points)
    fig, axes = plt.subplots(
        1, len(ALLIANCE_COSTS) + 1, figsize=(4.6 * (len(ALLIANCE_COSTS) + 1), 4.4)
    )
    for k, (ax, cost) in enumerate(zip(axes, ALLIANCE_COSTS, strict=False)):
        curves = {
            "back channel settles above": hazard_threshold(
                "back channel", leak=leak, alliance_cost=cost, iterations=30
            ),
            "public settles above": hazard_threshold(
                "public", leak=leak, alliance_cost=cost, iterations=30
            ),
        }
        plot_channel_regions(
            leak,
            hz,
            channel_regions(leak, hz, alliance_cost=cost),
            ax=ax,
            thresholds=curves,
            legend=k == 0,
        )
        ax.axhline(hazard, color="w", lw=0.8, ls=(0, (4, 2)))
        ax.set_title(f"alliance cost {cost}")
    ax = axes[-1]
    for cost in ALLIANCE_COSTS:  # one call per curve: each is a vectorised sweep over leak
        nash = analyse_settlement(leak=leak, alliance_cost=cost, hazard=hazard).solutions["either"]
        ax.plot(
            leak, nash["nash"].term_probability("jupiters_turkey"), label=f"alliance cost {cost}"
        )
    ax.set_ylim(-0.05, 1.05)
    ax.set_xlabel("probability that a secret trade leaks")
    ax.set_ylabel("P(Jupiters leave) in the Nash solution")
    ax.set_title(f"Nash solution, both channels open, hazard {hazard}")
    ax.legend(fontsize=7)
    fig.suptitle("settlement: a secret trade settles where a public one cannot")
    fig.tight_layout()
    return fig


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=None, help="directory for the figure")
    parser.add_argument("--points", type=int, default=201, help="grid points per axis")
    args = parser.parse_args(argv)
    out = args.out if args.out is not None else Path(tempfile.mkdtemp(prefix="crisisgames-"))
    out.mkdir(parents=True, exist_ok=True)
    hazard = float(get("settlement").parameter("hazard").default)

    print("\n".join(threshold_table()))
    print()
    print("\n".join(nash_table(hazard)))

    path = out / "secret_vs_public.png"
    fig = figure(args.points, hazard)
    fig.savefig(path, dpi=110)
    plt.close(fig)
    print(f"\nfigure: {path}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
