"""Pure strategies of a game tree, and its (reduced) normal form.

A pure strategy chooses one move at each of the player's information sets.  In the
*reduced* normal form, strategies that differ only at information sets the player's own
earlier moves make unreachable are merged: those moves are shown as ``*`` (Gambit's and
Osborne & Rubinstein's reduced strategies).  With perfect recall, two strategies are merged
exactly when they lead to the same outcome against every profile of the others.

Strategy labels join the moves at the player's information sets, in order, with ``/``
(``"in/fight"``, ``"out/*"``); a player with one information set has its move labels
as strategy labels.

Examples
--------
>>> from crisisgames.games.extensive_form import GameTree, decision, terminal
>>> tree = GameTree(decision("A", {
...     "out": terminal(A=0, B=2),
...     "in": decision("B", {"fight": terminal(A=-1, B=-1),
...                          "share": decision("A", {"x": terminal(A=1, B=1),
...                                                  "y": terminal(A=2, B=0)})})}))
>>> to_normal_form(tree).actions
(('out/*', 'in/x', 'in/y'), ('fight', 'share'))
>>> to_normal_form(tree, reduced=False).actions[0]
('out/x', 'out/y', 'in/x', 'in/y')
"""

from __future__ import annotations

import itertools
import math
from fractions import Fraction
from typing import Any

import numpy as np

from crisisgames.errors import UnsupportedGameError
from crisisgames.games.extensive_form import TERMINAL, GameTree, TreeArrays
from crisisgames.games.normal_form import NormalFormGame

__all__ = ["pure_strategies", "strategy_labels", "to_normal_form"]

WILDCARD = "*"
NO_MOVE = "(no move)"


def _path_all(a: TreeArrays, ok: np.ndarray) -> np.ndarray:
    """Per node (last axis), whether ``ok`` holds on every edge from the root to it.

    ``ok`` is a boolean array ``(..., num_nodes)`` giving each node's incoming edge.
    """
    out = np.empty_like(ok)
    out[..., 0] = True
    ls = a.level_start
    for d in range(1, len(ls) - 1):
        lo, hi = int(ls[d]), int(ls[d + 1])
        out[..., lo:hi] = out[..., a.parent[lo:hi]] & ok[..., lo:hi]
    return out


def _path_product(a: TreeArrays, factor: np.ndarray) -> np.ndarray:
    """Per node (last axis), the product of ``factor`` over the edges from the root."""
    out = np.empty_like(factor)
    out[..., 0] = 1
    ls = a.level_start
    for d in range(1, len(ls) - 1):
        lo, hi = int(ls[d]), int(ls[d + 1])
        out[..., lo:hi] = out[..., a.parent[lo:hi]] * factor[..., lo:hi]
    return out


def _plans(tree: GameTree, i: int, reduced: bool) -> np.ndarray:
    """Player ``i``'s pure strategies as rows of moves per information set (-1: none).

    The array has one column per information set of the whole tree, and a last column of
    -1 (read by nodes without an information set, whose index is -1); columns of other
    players' sets are -1.  In reduced form, unreachable own sets are -1 (a wildcard).
    """
    a = tree.arrays
    own = tree.infosets_of(i)
    H = tree.num_infosets
    # One more column, always -1: nodes without an information set (index -1) read it.
    if not reduced:
        rows = []
        for combo in itertools.product(*(range(len(tree.infoset_moves(h))) for h in own)):
            row = np.full(H + 1, -1, dtype=np.int64)
            row[list(own)] = combo
            rows.append(row)
        return np.array(rows, dtype=np.int64).reshape(len(rows), H + 1)
    par = np.maximum(a.parent, 0)
    at_own = (a.player[par] == i) & (a.parent >= 0)
    h_par = a.infoset[par]
    found: list[np.ndarray] = []
    stack = [np.full(H + 1, -1, dtype=np.int64)]
    while stack:
        plan = stack.pop()
        # A node is reached under the partial plan if every own move on its path is the
        # planned one; an own set with a reached node and no planned move is the frontier.
        ok = ~at_own | (plan[h_par] == a.move)
        reached = _path_all(a, ok)
        own_nodes = reached & (a.player == i)
        frontier = np.unique(a.infoset[own_nodes])
        frontier = frontier[plan[frontier] < 0]
        if frontier.size == 0:
            found.append(plan)
            continue
        h = int(frontier[0])
        for m in reversed(range(len(tree.infoset_moves(h)))):
            nxt = plan.copy()
            nxt[h] = m
            stack.append(nxt)
    return np.array(found, dtype=np.int64).reshape(len(found), H + 1)


def strategy_labels(tree: GameTree, player: str | int, reduced: bool = True) -> tuple[str, ...]:
    """Labels of a player's pure strategies, in the order of :func:`pure_strategies`.

    Examples
    --------
    >>> from crisisgames.games.extensive_form import GameTree, decision, terminal
    >>> t = GameTree(decision("A", {"l": decision("A", {"x": terminal(A=1), "y": terminal(A=2)}),
    ...                             "r": terminal(A=0)}))
    >>> strategy_labels(t, "A")
    ('l/x', 'l/y', 'r/*')
    """
    i = tree.player_index(player)
    return _labels(tree, i, _plans(tree, i, reduced))


def _labels(tree: GameTree, i: int, plans: np.ndarray) -> tuple[str, ...]:
    own = tree.infosets_of(i)
    if not own:
        return (NO_MOVE,)

    def move(h: int, m: int) -> str:
        return tree.infoset_moves(h)[m] if m >= 0 else WILDCARD

    labels = tuple("/".join(move(h, int(p[h])) for h in own) for p in plans)
    if len(set(labels)) < len(labels):  # move labels containing "/" can collide
        labels = tuple(
            "; ".join(f"{tree.infoset_label(h)}: {move(h, int(p[h]))}" for h in own) for p in plans
        )
    return labels


def pure_strategies(
    tree: GameTree, player: str | int, reduced: bool = True
) -> tuple[dict[str, str | None], ...]:
    """A player's pure strategies as ``{information-set label: move}``.

    In reduced form a move is ``None`` at sets the strategy itself makes unreachable.

    Examples
    --------
    >>> from crisisgames.games.extensive_form import GameTree, decision, terminal
    >>> t = GameTree(decision("A", {"l": decision("A", {"x": terminal(A=1), "y": terminal(A=2)},
    ...                                           label="second"),
    ...                             "r": terminal(A=0)}, label="first"))
    >>> pure_strategies(t, "A")[2]
    {'first': 'r', 'second': None}
    """
    i = tree.player_index(player)
    own = tree.infosets_of(i)
    return tuple(
        {
            tree.infoset_label(h): (tree.infoset_moves(h)[int(p[h])] if p[h] >= 0 else None)
            for h in own
        }
        for p in _plans(tree, i, reduced)
    )


def to_normal_form(
    tree: GameTree, reduced: bool = True, *, max_profiles: int = 10**6
) -> NormalFormGame:
    """The normal (strategic) form of a game tree.

    Each profile's payoffs are the expected payoffs over chance moves.  Exact
    probabilities or payoffs (e.g. ``1/3``) give exact payoffs.

    Parameters
    ----------
    tree
        The game tree.
    reduced
        Merge strategies differing only at information sets the player's own moves make
        unreachable (labels show ``*`` there).
    max_profiles
        Refuse (:class:`~crisisgames.errors.UnsupportedGameError`) above this many pure
        strategy profiles.

    Returns
    -------
    NormalFormGame
        Players as in the tree; strategies labeled as in :func:`strategy_labels`.

    Examples
    --------
    A blockade whose success depends on the Soviet type (hard with probability 1/3):

    >>> from crisisgames.games.extensive_form import GameTree, chance, decision, terminal
    >>> t = GameTree(decision("US", {
    ...     "blockade": chance({"hard": ("1/3", terminal(US=-2)), "soft": ("2/3", terminal(US=1))}),
    ...     "air strike": terminal(US=-1)}))
    >>> nf = to_normal_form(t)
    >>> nf.exact_payoffs[0].tolist()  # blockade: 1/3 * -2 + 2/3 * 1 = 0
    [Fraction(0, 1), Fraction(-1, 1)]
    """
    a = tree.arrays
    N = tree.num_players
    plans = [_plans(tree, i, reduced) for i in range(N)]
    shape = tuple(len(p) for p in plans)
    total = math.prod(shape)
    if total > max_profiles:
        raise UnsupportedGameError(
            f"the normal form would have {total} pure profiles (shape {shape}), above "
            f"max_profiles={max_profiles}"
        )
    exact = tree.has_exact_values
    terms = np.flatnonzero(a.kind == TERMINAL)
    par = np.maximum(a.parent, 0)
    # Chance weight of each terminal: the product of chance probabilities on its path.
    prob = tree.exact_probabilities if exact else a.prob
    weight = _path_product(a, np.asarray(prob, dtype=object if exact else np.float64))[terms]
    pay = (tree.exact_payoffs if exact else a.payoffs)[terms]  # (T, N)
    X: Any = (pay * weight[:, None]).T  # (N, T): each player's weighted payoff per terminal
    for i in range(N):
        # consistent[s, t]: terminal t's path follows strategy s at all of i's nodes.
        mine = (a.player[par] == i) & (a.parent >= 0)
        ok = ~mine[None, :] | (plans[i][:, a.infoset[par]] == a.move[None, :])
        consistent = _path_all(a, ok)[:, terms]
        C = consistent.astype(object) if exact else consistent.astype(np.float64)
        X = X[..., None, :] * C  # (N, S_1, ..., S_i, T)
    U = X.sum(axis=-1)
    if exact:
        U = np.vectorize(Fraction, otypes=[object])(U)  # ints 0 become Fraction(0)
    actions = [_labels(tree, i, plans[i]) for i in range(N)]
    return NormalFormGame(U, players=tree.players, actions=actions)
