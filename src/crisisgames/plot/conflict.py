"""The state graph of an option-form conflict: moves, equilibria, the status-quo path.

States are laid out on a grid: the column is the first decision maker's option
combination, the row the others' (so in the Fraser-Hipel model the US moves along rows
and the USSR along columns).  Plots read a :class:`~crisisgames.solvers.stability.
StabilityAnalysis`; they never analyse anything the caller did not ask for.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal

import numpy as np

from crisisgames.games.conflict import ConflictModel
from crisisgames.solvers.stability import (
    CONCEPT_NAMES,
    ImprovementPath,
    StabilityAnalysis,
    stability,
    status_quo_path,
)

if TYPE_CHECKING:
    from matplotlib.axes import Axes

__all__ = ["plot_state_graph", "state_positions"]

DM_COLORS = ("tab:blue", "tab:red", "tab:green", "tab:purple", "tab:orange", "tab:brown")


def state_positions(model: ConflictModel) -> np.ndarray:
    """Grid coordinates ``(x, y)`` of each state, in :attr:`ConflictModel.codes` order.

    Examples
    --------
    >>> from crisisgames.games.conflict_models import fraser_hipel
    >>> state_positions(fraser_hipel())[[0, 3, 4, 11]].tolist()
    [[0.0, 0.0], [3.0, 0.0], [0.0, 1.0], [3.0, 2.0]]
    """
    first = model.options_of(0)
    mask = sum(1 << k for k, o in enumerate(model.options) if o.name in first)
    codes = model.codes
    x_keys = codes & mask
    y_keys = codes & ~np.int64(mask)
    x = np.unique(x_keys, return_inverse=True)[1].reshape(-1)
    y = np.unique(y_keys, return_inverse=True)[1].reshape(-1)
    return np.stack([x, y], axis=1).astype(np.float64)


def plot_state_graph(
    model: ConflictModel,
    analysis: StabilityAnalysis | None = None,
    *,
    concept: str = "seq",
    path: ImprovementPath | bool = True,
    edges: Literal["improvements", "moves", "none"] = "improvements",
    describe: bool = True,
    ax: Axes | None = None,
) -> Axes:
    """Draw the states, each DM's moves, the equilibria and the path from the status quo.

    Parameters
    ----------
    model
        The conflict model (readable up to a few dozen states).
    analysis
        Its stability analysis (computed with the sparse method if not given).
    concept
        The stability concept whose equilibria are marked (and whose path is drawn).
    path
        ``True`` for :func:`~crisisgames.solvers.stability.status_quo_path` under
        ``concept``, an :class:`ImprovementPath` to draw, or ``False``.
    edges
        Draw each DM's unilateral improvements (default), all its unilateral moves, or
        none.
    describe
        Write each state's options under its code.
    ax
        The Axes to draw on (a new figure if ``None``).

    Returns
    -------
    matplotlib.axes.Axes

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> from crisisgames.games.conflict_models import fraser_hipel
    >>> ax = plot_state_graph(fraser_hipel())
    >>> ax.get_title()
    'Cuban missile crisis (Fraser & Hipel), air strike irreversible'
    """
    import matplotlib.pyplot as plt
    from matplotlib.lines import Line2D

    if ax is None:
        _, ax = plt.subplots(figsize=(9, 6))
    if analysis is None:
        analysis = stability(model)
    pos = state_positions(model)
    codes = model.codes
    eq = analysis.equilibrium_mask(concept)
    handles: list[Line2D] = []
    if edges != "none":
        for i, dm in enumerate(model.decision_makers):
            color = DM_COLORS[i % len(DM_COLORS)]
            mat = model.improvements(i) if edges == "improvements" else model.moves(i)
            coo = mat.tocoo()
            for s, t in zip(coo.row, coo.col, strict=True):
                ax.annotate(
                    "",
                    xy=pos[t],
                    xytext=pos[s],
                    arrowprops={
                        "arrowstyle": "-|>",
                        "color": color,
                        "alpha": 0.45,
                        "lw": 0.9,
                        "shrinkA": 14,
                        "shrinkB": 14,
                        "connectionstyle": "arc3,rad=0.18",
                    },
                )
            handles.append(
                Line2D(
                    [],
                    [],
                    color=color,
                    label=f"{dm}: "
                    + (
                        "unilateral improvements" if edges == "improvements" else "unilateral moves"
                    ),
                )
            )
    if path is True:
        path = status_quo_path(model, concept=concept, analysis=analysis)
    if isinstance(path, ImprovementPath):
        index = {int(c): k for k, c in enumerate(codes)}
        for a, b in zip(path.states, path.states[1:], strict=False):
            ax.annotate(
                "",
                xy=pos[index[b]],
                xytext=pos[index[a]],
                arrowprops={
                    "arrowstyle": "-|>",
                    "color": "black",
                    "lw": 2.4,
                    "shrinkA": 15,
                    "shrinkB": 15,
                    "connectionstyle": "arc3,rad=0.18",
                },
            )
        handles.append(
            Line2D(
                [],
                [],
                color="black",
                lw=2.4,
                label=f"path from the status quo ({CONCEPT_NAMES[path.concept]})",
            )
        )
    ax.scatter(pos[~eq, 0], pos[~eq, 1], s=520, facecolor="white", edgecolor="0.4", zorder=3)
    ax.scatter(pos[eq, 0], pos[eq, 1], s=520, facecolor="gold", edgecolor="black", lw=2, zorder=3)
    handles.append(
        Line2D(
            [],
            [],
            marker="o",
            ls="",
            markersize=12,
            markerfacecolor="gold",
            markeredgecolor="black",
            label=f"{CONCEPT_NAMES[concept.lower()]} equilibrium",
        )
    )
    sq = model.state_index(model.status_quo)
    ax.scatter(
        [pos[sq, 0]],
        [pos[sq, 1]],
        s=900,
        facecolor="none",
        edgecolor="black",
        linestyle="--",
        zorder=3,
    )
    handles.append(
        Line2D(
            [],
            [],
            marker="o",
            ls="",
            markersize=15,
            markerfacecolor="none",
            markeredgecolor="black",
            label="status quo",
        )
    )
    for k, c in enumerate(codes):
        ax.text(
            pos[k, 0],
            pos[k, 1],
            str(int(c)),
            ha="center",
            va="center",
            zorder=4,
            fontsize=10,
            fontweight="bold",
        )
        if describe:
            # The y axis is inverted (first row on top): +0.2 is just below the node.
            ax.text(
                pos[k, 0],
                pos[k, 1] + 0.2,
                model.describe(int(c)).replace(", ", "\n"),
                ha="center",
                va="top",
                fontsize=6.5,
                zorder=4,
            )
    ax.set_xlim(pos[:, 0].min() - 0.7, pos[:, 0].max() + 0.7)
    ax.set_ylim(pos[:, 1].max() + 0.9, pos[:, 1].min() - 0.5)
    ax.set_xticks([])
    ax.set_yticks([])
    ax.set_xlabel(f"{model.decision_makers[0]}'s options (moves along rows)")
    ax.set_ylabel(
        ", ".join(model.decision_makers[1:]) + "'s options (moves along columns)"
        if len(model.decision_makers) > 1
        else ""
    )
    ax.set_title(model.name)
    ax.legend(
        handles=handles,
        loc="upper center",
        bbox_to_anchor=(0.5, -0.08),
        ncol=2,
        fontsize=8,
        frameon=False,
    )
    return ax
