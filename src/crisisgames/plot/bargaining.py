"""Bargaining problems and the settlement's channel regions.

Plots draw what the solvers computed (:mod:`crisisgames.solvers.bargaining`,
:func:`crisisgames.scenarios.settlement.channel_regions`); they never solve anything
themselves.  Every function takes ``ax=None`` and returns the Axes.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import numpy as np

from crisisgames.errors import ShapeError

if TYPE_CHECKING:
    from matplotlib.axes import Axes

    from crisisgames.games.bargaining import BargainingProblem
    from crisisgames.solvers.bargaining import BargainingSolution

__all__ = ["REGION_COLORS", "REGION_LABELS", "plot_channel_regions", "plot_problem"]

REGION_LABELS = ("neither channel", "back channel only", "public only", "both channels")
"""The meaning of the codes 0-3 of :func:`~crisisgames.scenarios.settlement.channel_regions`."""
REGION_COLORS = ("#d9d9d9", "#2166ac", "#f4a582", "#92c5de")

_MARKERS = {
    "nash": "o",
    "kalai-smorodinsky": "s",
    "egalitarian": "^",
    "utilitarian": "D",
    "rubinstein": "P",
    "rubinstein-breakdown": "X",
}


def _axes(ax: Axes | None) -> Axes:
    if ax is not None:
        return ax
    import matplotlib.pyplot as plt

    _, new = plt.subplots(figsize=(6, 4.5))
    return new


def plot_problem(
    problem: BargainingProblem,
    solutions: Sequence[BargainingSolution] = (),
    ax: Axes | None = None,
    *,
    annotate: bool = True,
) -> Axes:
    """Draw one problem: the packages, the Pareto frontier, ``d`` and the solutions.

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> from crisisgames.games.bargaining import BargainingProblem
    >>> from crisisgames.solvers.bargaining import nash_solution
    >>> p = BargainingProblem([[1, 0], [0, 1], [0, 0]], [0, 0])
    >>> ax = plot_problem(p, [nash_solution(p)])
    >>> ax.get_xlabel()
    'P1'
    """
    if problem.shape != ():
        raise ShapeError("plot_problem draws one problem; index the batch first (problem[i])")
    ax = _axes(ax)
    d = np.asarray(problem.disagreement, dtype=float)
    if problem.utilities is not None:
        u = np.asarray(problem.utilities, dtype=float)
        ax.scatter(u[:, 0], u[:, 1], s=18, color="0.4", zorder=3, label="packages")
        fr = problem.frontier
        n = int(fr.count)
        ax.plot(
            np.asarray(fr.x[:n], dtype=float),
            np.asarray(fr.y[:n], dtype=float),
            color="k",
            lw=1.5,
            label="Pareto frontier",
        )
        if annotate:
            for k, lab in enumerate(problem.packages):
                ax.annotate(lab, u[k], fontsize=6, xytext=(3, 3), textcoords="offset points")
    else:
        assert problem.domain is not None and problem.frontier_function is not None
        x = np.linspace(float(problem.domain[0]), float(problem.domain[1]), 201)
        y = np.asarray(problem.frontier_function(x), dtype=float) * np.ones_like(x)
        ax.plot(x, y, color="k", lw=1.5, label="Pareto frontier")
    ax.scatter([d[0]], [d[1]], marker="x", color="#b2182b", s=40, zorder=4, label="disagreement")
    ax.axvline(d[0], color="#b2182b", lw=0.5, ls=":")
    ax.axhline(d[1], color="#b2182b", lw=0.5, ls=":")
    methods = list(_MARKERS)
    for s in solutions:
        pt = np.asarray(s.point, dtype=float)
        color = f"C{methods.index(s.method)}" if s.method in _MARKERS else "C9"
        ax.scatter(
            [pt[0]],
            [pt[1]],
            marker=_MARKERS.get(s.method, "*"),
            s=50,
            zorder=5,
            facecolor="none",
            edgecolor=color,
            label=f"{s.method} ({s.status})",
        )
    ax.set_xlabel(problem.players[0])
    ax.set_ylabel(problem.players[1])
    ax.legend(fontsize=7, loc="best")
    return ax


def plot_channel_regions(
    leak: Any,
    hazard: Any,
    regions: Any,
    ax: Axes | None = None,
    *,
    thresholds: dict[str, Any] | None = None,
    legend: bool = True,
) -> Axes:
    """Draw which channel settles the crisis over a (leak probability, hazard) grid.

    Parameters
    ----------
    leak, hazard
        The grid's axes (1-D).
    regions
        ``(len(hazard), len(leak))`` codes 0-3 (:data:`REGION_LABELS`), as returned by
        :func:`~crisisgames.scenarios.settlement.channel_regions`.
    thresholds
        Optional ``{label: hazard per leak value}`` curves to draw (e.g. the closed-form
        thresholds of each channel).

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> import numpy as np
    >>> ax = plot_channel_regions([0, 1], [0, 0.1], np.array([[0, 0], [1, 3]]))
    >>> ax.get_ylabel()
    'daily hazard of war'
    """
    from matplotlib.colors import ListedColormap
    from matplotlib.patches import Patch

    ax = _axes(ax)
    leak = np.asarray(leak, dtype=float)
    hazard = np.asarray(hazard, dtype=float)
    codes = np.asarray(regions)
    if codes.shape != (hazard.size, leak.size):
        raise ShapeError(
            f"regions must have shape (len(hazard), len(leak)) = {(hazard.size, leak.size)}, "
            f"got {codes.shape}"
        )
    ax.pcolormesh(
        leak,
        hazard,
        codes,
        cmap=ListedColormap(REGION_COLORS),
        vmin=-0.5,
        vmax=len(REGION_LABELS) - 0.5,
        shading="nearest",
    )
    for k, (label, curve) in enumerate((thresholds or {}).items()):
        style = ("-", "--", ":")[k % 3]
        ax.plot(leak, np.asarray(curve, dtype=float), color="k", lw=1, ls=style, label=label)
    ax.set_xlabel("probability that a secret trade leaks")
    ax.set_ylabel("daily hazard of war")
    if legend:
        handles: list[Any] = [
            Patch(facecolor=c, edgecolor="k", label=lab)
            for c, lab in zip(REGION_COLORS, REGION_LABELS, strict=True)
        ]
        handles += list(ax.get_legend_handles_labels()[0])
        ax.legend(handles=handles, fontsize=7, loc="upper right")
    return ax
