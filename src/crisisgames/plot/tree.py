"""Game trees: a layered drawing of a :class:`~crisisgames.games.extensive_form.GameTree`,
with an optional subgame-perfect equilibrium highlighted.

The layout (:func:`tree_layout`) is a pure function of the tree's arrays: the root on top,
one row per depth, the terminals spread evenly from left to right in the order the moves are
listed, and every other node centred over its children (at their mean).  Plots read a
:class:`~crisisgames.solvers.tree_results.SubgamePerfectEquilibrium`; they never solve
anything themselves.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import numpy as np

from crisisgames.games.extensive_form import CHANCE, DECISION, TERMINAL, GameTree
from crisisgames.games.normal_form import format_value
from crisisgames.solvers.tree_results import SubgamePerfectEquilibrium, SubgamePerfectSet

if TYPE_CHECKING:
    from matplotlib.axes import Axes

__all__ = [
    "EQUILIBRIUM_COLOR",
    "PLAYER_COLORS",
    "equilibrium_edges",
    "plot_game_tree",
    "tree_layout",
]

PLAYER_COLORS = ("tab:blue", "tab:red", "tab:green", "tab:purple", "tab:brown", "tab:olive")
"""The colour of each player's decision nodes and labels, in player order (cycled)."""
EQUILIBRIUM_COLOR = "darkorange"
"""The colour of the edges an equilibrium chooses."""

_EDGE_COLOR = "0.55"


def _check_tree(tree: Any) -> GameTree:
    if not isinstance(tree, GameTree):
        raise TypeError(f"expected a GameTree, got {type(tree).__name__}")
    return tree


def tree_layout(tree: GameTree) -> np.ndarray:
    """Coordinates ``(x, y)`` of every node, in node order: a tidy layered layout.

    ``y`` is minus the depth (the root at ``y = 0``, on top).  The terminals are spread
    evenly, one unit apart, ``x = 0, 1, ...`` from left to right in depth-first order (the
    moves of each node in the order they are listed); every other node sits at the mean
    ``x`` of its children, so subtrees never overlap.  Computed level by level over
    :attr:`GameTree.arrays`, with no recursion.

    Parameters
    ----------
    tree
        The game tree.

    Returns
    -------
    numpy.ndarray
        Float array ``(num_nodes, 2)``.

    Examples
    --------
    >>> from crisisgames.games.extensive_form import GameTree, decision, terminal
    >>> tree = GameTree(decision("Entrant", {
    ...     "out": terminal(Entrant=0, Incumbent=2),
    ...     "in": decision("Incumbent", {"fight": terminal(Entrant=-1, Incumbent=-1),
    ...                                  "accommodate": terminal(Entrant=1, Incumbent=1)})}))
    >>> tree_layout(tree).tolist()
    [[0.75, 0.0], [0.0, -1.0], [1.5, -1.0], [1.0, -2.0], [2.0, -2.0]]
    """
    a = _check_tree(tree).arrays
    n = tree.num_nodes
    ls = a.level_start
    nc = a.num_children
    cs = a.child_start
    par = a.parent
    # Terminals below each node, deepest level first (children before parents).
    leaves = (a.kind == TERMINAL).astype(np.int64)
    for d in range(len(ls) - 2, 0, -1):
        lo, hi = int(ls[d]), int(ls[d + 1])
        np.add.at(leaves, par[lo:hi], leaves[lo:hi])
    # The first terminal slot of each node's subtree, root first: a node's slot is its
    # parent's plus the terminals under its elder siblings (siblings are contiguous).
    first = np.zeros(n, dtype=np.int64)
    for d in range(1, len(ls) - 1):
        lo, hi = int(ls[d]), int(ls[d + 1])
        before = np.cumsum(leaves[lo:hi]) - leaves[lo:hi]  # exclusive, across the level
        p = par[lo:hi]
        first[lo:hi] = first[p] + before - before[cs[p] - lo]
    x = first.astype(np.float64)
    # Internal nodes at the mean of their children, deepest level first.
    for d in range(len(ls) - 3, -1, -1):
        lo, hi = int(ls[d]), int(ls[d + 1])
        internal = lo + np.flatnonzero(nc[lo:hi] > 0)
        if internal.size == 0:
            continue
        c_lo = int(cs[internal[0]])
        c_hi = int(cs[internal[-1]] + nc[internal[-1]])
        sums = np.add.reduceat(x[c_lo:c_hi], cs[internal] - c_lo)
        x[internal] = sums / nc[internal]
    return np.stack([x, 0.0 - a.depth.astype(np.float64)], axis=1)  # no -0.0 at the root


def _check_solution(tree: GameTree, solution: Any) -> SubgamePerfectEquilibrium:
    if isinstance(solution, SubgamePerfectSet):
        raise TypeError(
            "solution must be one subgame-perfect equilibrium, not the whole result of "
            "backward_induction: pass one element, e.g. backward_induction(tree)[0]"
        )
    if not isinstance(solution, SubgamePerfectEquilibrium):
        raise TypeError(
            "solution must be a SubgamePerfectEquilibrium (an element of "
            f"backward_induction(tree)), got {type(solution).__name__}"
        )
    if solution.tree is not tree and solution.tree != tree:
        raise ValueError(
            f"the solution is an equilibrium of another tree ({solution.tree!r}), not of the "
            f"tree drawn ({tree!r})"
        )
    return solution


def equilibrium_edges(
    tree: GameTree, solution: SubgamePerfectEquilibrium
) -> tuple[np.ndarray, np.ndarray]:
    """Which edges an equilibrium chooses, and which its play follows.

    An edge is named by the node it leads to (so edge ``v`` runs from ``parent(v)`` to
    ``v``).

    Parameters
    ----------
    tree
        The game tree.
    solution
        One of its subgame-perfect equilibria (an element of
        :func:`~crisisgames.solvers.backward_induction.backward_induction` ``(tree)``).

    Returns
    -------
    chosen : numpy.ndarray
        Boolean, per node: the edge into it is the move the equilibrium chooses at a
        decision node (on the path of play or off it).
    on_path : numpy.ndarray
        Boolean, per node: the play reaches it with positive probability (the root
        included); the edges into these nodes trace the equilibrium path, chance moves
        included.

    Examples
    --------
    >>> from crisisgames.games.extensive_form import GameTree, decision, terminal
    >>> from crisisgames.solvers.backward_induction import backward_induction
    >>> tree = GameTree(decision("Entrant", {
    ...     "out": terminal(Entrant=0, Incumbent=2),
    ...     "in": decision("Incumbent", {"fight": terminal(Entrant=-1, Incumbent=-1),
    ...                                  "accommodate": terminal(Entrant=1, Incumbent=1)})}))
    >>> chosen, on_path = equilibrium_edges(tree, backward_induction(tree)[0])
    >>> np.flatnonzero(chosen).tolist(), np.flatnonzero(on_path).tolist()
    ([2, 4], [0, 2, 4])
    """
    solution = _check_solution(_check_tree(tree), solution)
    a = tree.arrays
    choices = np.asarray(solution.choices)
    par = a.parent
    chosen = np.zeros(tree.num_nodes, dtype=bool)
    below = par >= 0
    p = par[below]
    chosen[below] = (a.kind[p] == DECISION) & (choices[p] == a.move[below])
    on_path = np.zeros(tree.num_nodes, dtype=bool)
    on_path[0] = True
    ls = a.level_start
    for d in range(1, len(ls) - 1):  # parents come a level before their children
        lo, hi = int(ls[d]), int(ls[d + 1])
        p = par[lo:hi]
        step = chosen[lo:hi] | ((a.kind[p] == CHANCE) & (a.prob[lo:hi] > 0))
        on_path[lo:hi] = on_path[p] & step
    return chosen, on_path


def plot_game_tree(
    tree: GameTree,
    ax: Axes | None = None,
    *,
    solution: SubgamePerfectEquilibrium | None = None,
    payoffs: bool = True,
    infoset_labels: bool = True,
    node_labels: bool = False,
    rotate_payoffs: bool | None = None,
    legend: bool = True,
    fontsize: float = 8.0,
    title: str | None = None,
) -> Axes:
    """Draw a game tree: players' nodes, chance moves, payoffs, information sets.

    Decision nodes are circles in their player's colour (:data:`PLAYER_COLORS`) with the
    player's name above; chance nodes are white squares, and the probability of each chance
    move is written under its move label; terminals are small black dots with the payoff
    vector below (in player order, named in the x-axis label; exact values as fractions
    when the tree has exact values).  The nodes of an information set with more than one
    node are joined by a dashed line.  With ``solution``, the moves the equilibrium chooses
    are drawn in :data:`EQUILIBRIUM_COLOR`: thick along the equilibrium path (chance moves
    on it included), thinner where they are off it.

    Parameters
    ----------
    tree
        The game tree (readable up to a few dozen terminals).
    ax
        The Axes to draw on (a new figure, sized to the tree, if ``None``).
    solution
        A subgame-perfect equilibrium of ``tree``: one element of
        :func:`~crisisgames.solvers.backward_induction.backward_induction` ``(tree)``.
    payoffs
        Write each terminal's payoffs.
    infoset_labels
        Write the label of each information set with more than one node by its dashed line.
    node_labels
        Write the labels given to nodes at construction, right of the node.
    rotate_payoffs
        Write the payoffs vertically (default: when they would not fit side by side).
    legend
        Draw a legend of the players, chance nodes and (with ``solution``) the equilibrium.
    fontsize
        Size of the text on the tree.
    title
        The title (default: the tree's title, if it has one).

    Returns
    -------
    matplotlib.axes.Axes
        The artists carry gids: the edges (Line2D) ``"edge"``, ``"edge-chosen"`` (chosen
        off the path) or ``"edge-path"`` (on the equilibrium path), one per node but the
        root, in node order; the node markers (collections) ``"decision"``, ``"chance"`` and
        ``"terminal"``; the texts ``"player"`` (one per decision node, in node order),
        ``"move"`` (one per edge, in node order), ``"probability"`` (one per chance move),
        ``"payoff"`` (one per terminal, in node order), ``"infoset"`` (the dashed
        Line2D, one per information set with several nodes, in set order, its points the
        members from left to right), ``"infoset-label"`` and ``"node-label"``.

    Raises
    ------
    TypeError
        If ``tree`` is not a :class:`GameTree`, or ``solution`` not one
        :class:`~crisisgames.solvers.tree_results.SubgamePerfectEquilibrium`.
    ValueError
        If ``solution`` is an equilibrium of another tree.

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> import matplotlib.pyplot as plt
    >>> from crisisgames.games.extensive_form import GameTree, decision, terminal
    >>> from crisisgames.solvers.backward_induction import backward_induction
    >>> tree = GameTree(decision("Entrant", {
    ...     "out": terminal(Entrant=0, Incumbent=2),
    ...     "in": decision("Incumbent", {"fight": terminal(Entrant=-1, Incumbent=-1),
    ...                                  "accommodate": terminal(Entrant=1, Incumbent=1)})}))
    >>> ax = plot_game_tree(tree, solution=backward_induction(tree)[0])
    >>> [t.get_text() for t in ax.texts if t.get_gid() == "payoff"]
    ['(0, 2)', '(-1, -1)', '(1, 1)']
    >>> [line.get_gid() for line in ax.get_lines() if line.get_gid().startswith("edge")]
    ['edge', 'edge-path', 'edge', 'edge-path']
    >>> ax.get_xlabel()
    'payoffs: (Entrant, Incumbent)'
    >>> plt.close("all")
    """
    _check_tree(tree)
    chosen = on_path = None
    if solution is not None:
        chosen, on_path = equilibrium_edges(tree, solution)

    import matplotlib.pyplot as plt
    from matplotlib.lines import Line2D

    a = tree.arrays
    n = tree.num_nodes
    pos = tree_layout(tree)
    terminals = tree.terminals
    n_leaves = len(terminals)
    max_depth = int(a.depth.max())
    if ax is None:
        width = float(np.clip(0.9 * n_leaves + 1.5, 5.0, 16.0))
        height = float(np.clip(1.3 * (max_depth + 1) + 1.0, 3.0, 10.0))
        _, ax = plt.subplots(figsize=(width, height), layout="constrained")

    colors = [PLAYER_COLORS[i % len(PLAYER_COLORS)] for i in range(tree.num_players)]
    kind = a.kind
    par = a.parent
    exact = tree.has_exact_values
    prob_src = tree.exact_probabilities if exact else a.prob
    pay_src = tree.exact_payoffs if exact else a.payoffs
    box = {"boxstyle": "round,pad=0.12", "facecolor": "white", "edgecolor": "none", "alpha": 0.85}

    # ---- edges, their move labels and chance probabilities
    for v in range(1, n):
        p = int(par[v])
        (x0, y0), (x1, y1) = pos[p], pos[v]
        gid, color, lw, z = "edge", _EDGE_COLOR, 1.2, 1.0
        if on_path is not None and on_path[v]:
            gid, color, lw, z = "edge-path", EQUILIBRIUM_COLOR, 3.4, 1.5
        elif chosen is not None and chosen[v]:
            gid, color, lw, z = "edge-chosen", EQUILIBRIUM_COLOR, 1.8, 1.2
        ax.plot(
            [x0, x1], [y0, y1], color=color, lw=lw, zorder=z, solid_capstyle="round", gid=gid,
            alpha=0.65 if gid == "edge-chosen" else 1.0,
        )  # fmt: skip
        # The move beside its edge, on the outer side (over it, boxed, if the edge is
        # vertical); a chance move's probability under its name.
        mid = ((x0 + x1) / 2, (y0 + y1) / 2)
        side = float(np.sign(round(x1 - x0, 9)))
        ha = {-1.0: "right", 0.0: "center", 1.0: "left"}[side]
        move = tree.moves(p)[int(a.move[v])]
        is_chance = kind[p] == CHANCE
        ax.annotate(
            move,
            xy=mid,
            xytext=(4 * side, 1 if is_chance else 0),
            textcoords="offset points",
            ha=ha,
            va="bottom" if is_chance else "center",
            fontsize=fontsize,
            bbox=box if side == 0 else None,
            zorder=4,
            gid="move",
        )
        if is_chance:
            ax.annotate(
                format_value(prob_src[v], digits=4),
                xy=mid,
                xytext=(4 * side, -1),
                textcoords="offset points",
                ha=ha,
                va="top",
                fontsize=fontsize * 0.9,
                style="italic",
                color="0.25",
                bbox=box if side == 0 else None,
                zorder=4,
                gid="probability",
            )

    # ---- information sets of several nodes: a dashed line through the members
    for h, members in enumerate(tree.infoset_nodes):
        if len(members) < 2:
            continue
        idx = np.array(members)
        idx = idx[np.lexsort((pos[idx, 1], pos[idx, 0]))]
        ax.plot(
            pos[idx, 0],
            pos[idx, 1],
            ls="--",
            lw=1.1,
            color="0.3",
            zorder=0.8,
            gid="infoset",
        )
        if infoset_labels:
            k = len(idx) // 2
            ax.annotate(
                tree.infoset_label(h),
                xy=(
                    (pos[idx[k - 1], 0] + pos[idx[k], 0]) / 2,
                    (pos[idx[k - 1], 1] + pos[idx[k], 1]) / 2,
                ),
                xytext=(0, 2),
                textcoords="offset points",
                ha="center",
                va="bottom",
                fontsize=fontsize * 0.8,
                color="0.3",
                style="italic",
                zorder=4,
                gid="infoset-label",
            )

    # ---- nodes
    dec = np.flatnonzero(kind == DECISION)
    cha = np.flatnonzero(kind == CHANCE)
    node_colors = [colors[int(a.player[v])] for v in dec]
    ax.scatter(
        pos[dec, 0], pos[dec, 1], s=110, c=node_colors, edgecolors="black", linewidths=0.8,
        zorder=3, gid="decision",
    )  # fmt: skip
    ax.scatter(
        pos[cha, 0], pos[cha, 1], s=110, marker="s", facecolors="white", edgecolors="black",
        linewidths=1.0, zorder=3, gid="chance",
    )  # fmt: skip
    ax.scatter(pos[terminals, 0], pos[terminals, 1], s=18, color="black", zorder=3, gid="terminal")
    for v in dec.tolist():
        i = int(a.player[v])
        ax.annotate(
            tree.players[i],
            xy=tuple(pos[v]),
            xytext=(0, 7),
            textcoords="offset points",
            ha="center",
            va="bottom",
            fontsize=fontsize,
            fontweight="bold",
            color=colors[i],
            zorder=4,
            gid="player",
        )
    if node_labels:
        for v in range(n):
            lab = tree.given_label(v)
            if lab is not None:
                ax.annotate(
                    lab,
                    xy=tuple(pos[v]),
                    xytext=(7, 0),
                    textcoords="offset points",
                    ha="left",
                    va="center",
                    fontsize=fontsize * 0.85,
                    color="0.35",
                    zorder=4,
                    gid="node-label",
                )

    # ---- payoffs
    if payoffs and n_leaves:
        texts = [
            "(" + ", ".join(format_value(x, digits=4) for x in pay_src[v]) + ")" for v in terminals
        ]
        if rotate_payoffs is None:
            fig = ax.get_figure()
            assert fig is not None
            axes_inches = ax.bbox.width / fig.dpi
            needed = max(len(t) for t in texts) * fontsize * 0.6 / 72  # inches, roughly
            rotate_payoffs = needed > axes_inches / (n_leaves + 1)
        for v, text in zip(terminals, texts, strict=True):
            ax.annotate(
                text,
                xy=tuple(pos[v]),
                xytext=(0, -6),
                textcoords="offset points",
                ha="center",
                va="top",
                rotation=90 if rotate_payoffs else 0,
                fontsize=fontsize,
                zorder=4,
                gid="payoff",
            )

    # ---- frame
    ax.set_xlim(pos[:, 0].min() - 0.7, pos[:, 0].max() + 0.7)
    ax.set_ylim(-max_depth - (1.3 if payoffs and rotate_payoffs else 0.5), 0.45)
    ax.set_xticks([])
    ax.set_yticks([])
    for spine in ax.spines.values():
        spine.set_visible(False)
    ax.set_xlabel("payoffs: (" + ", ".join(tree.players) + ")")
    shown = tree.title if title is None else title
    if shown:
        ax.set_title(shown)
    if legend:
        movers = sorted({int(i) for i in a.player[dec]})
        handles: list[Any] = [
            Line2D([], [], marker="o", ls="", markersize=8, markerfacecolor=colors[i],
                   markeredgecolor="black", label=tree.players[i])
            for i in movers
        ]  # fmt: skip
        if cha.size:
            handles.append(
                Line2D([], [], marker="s", ls="", markersize=8, markerfacecolor="white",
                       markeredgecolor="black", label="chance")
            )  # fmt: skip
        if any(len(m) > 1 for m in tree.infoset_nodes):
            handles.append(Line2D([], [], ls="--", color="0.3", label="information set"))
        if on_path is not None:
            handles.append(
                Line2D([], [], color=EQUILIBRIUM_COLOR, lw=3.4, label="equilibrium path")
            )
            if chosen is not None and (chosen & ~on_path).any():
                handles.append(
                    Line2D([], [], color=EQUILIBRIUM_COLOR, lw=1.8, alpha=0.65,
                           label="equilibrium choice off the path")
                )  # fmt: skip
        ax.legend(handles=handles, loc="upper left", fontsize=fontsize, frameon=False)
    return ax
