"""Backward induction: every pure subgame-perfect equilibrium of a perfect-information tree.

The solver is iterative and linear in the number of nodes.  Nodes are stored breadth-first
(:class:`~crisisgames.games.extensive_form.TreeArrays`), so one sweep over the depth levels,
deepest first, sees every child before its parent.  A wide level is solved with array
operations (segmented maxima over the children of all its nodes at once), a narrow one by a
plain loop, so both bushy trees and long chains (a centipede) stay linear, with no recursion.

Ties are not broken silently.  The first sweep marks the decision nodes where the mover has
two or more best moves.  Only those nodes and their ancestors can have more than one
equilibrium in their subgame; for them a second sweep groups each subgame's equilibria by
their payoff vector (a few classes, with exact counts) and the equilibria are then listed
from the root down, up to ``max_equilibria`` (the result says how many exist in all).

Examples
--------
The entry-deterrence game: entry is met by accommodation, not by the threatened fight.

>>> from crisisgames.games.extensive_form import GameTree, decision, terminal
>>> tree = GameTree(decision("Entrant", {
...     "out": terminal(Entrant=0, Incumbent=2),
...     "in": decision("Incumbent", {"fight": terminal(Entrant=-1, Incumbent=-1),
...                                  "accommodate": terminal(Entrant=1, Incumbent=1)})}))
>>> print(backward_induction(tree))
1 subgame-perfect equilibrium (backward induction; complete)
1. in > accommodate  (payoffs: Entrant 1, Incumbent 1)
"""

from __future__ import annotations

import itertools
from fractions import Fraction
from typing import Any

import numpy as np

from crisisgames.errors import UnsupportedGameError
from crisisgames.games.extensive_form import CHANCE, DECISION, TERMINAL, GameTree
from crisisgames.solvers.results import SolveStatus
from crisisgames.solvers.tree_results import Play, SubgamePerfectEquilibrium, SubgamePerfectSet

__all__ = ["backward_induction", "subgame_values"]

#: Levels at least this wide are solved with array operations; narrower ones by a loop.
VECTOR_WIDTH = 48
#: At most this many combinations of children's payoff classes are examined at one node.
MAX_COMBINATIONS = 10**5


def _check_tree(tree: GameTree, tol: float) -> None:
    if not isinstance(tree, GameTree):
        raise TypeError(f"expected a GameTree, got {type(tree).__name__}")
    if not (tol >= 0 and np.isfinite(tol)):
        raise ValueError(f"tol must be a finite non-negative number, got {tol!r}")
    if not tree.is_perfect_information:
        multi = [tree.infoset_label(h) for h, m in enumerate(tree.infoset_nodes) if len(m) > 1]
        raise UnsupportedGameError(
            f"backward induction needs perfect information; information set(s) {multi} have "
            "several nodes (use perfect_bayesian_equilibria or to_normal_form)"
        )


def _loop_pass(tree: GameTree, exact: bool, tol: float) -> tuple[list[Any], np.ndarray, np.ndarray]:
    """The first pass as one plain loop from the last node back to the root.

    For trees made mostly of narrow levels (chains): no per-level array calls, only list
    indexing.  Returns the values as a list of rows.
    """
    n = tree.num_nodes
    kind_l, cs_l, nc_l, pl_l = tree.as_lists("kind", "child_start", "num_children", "player")
    (pay_l,) = tree.as_lists("exact_payoffs" if exact else "payoffs")
    (prob_l,) = tree.as_lists("exact_prob" if exact else "prob")
    vals = list(pay_l)  # rows are shared, never modified: each node's value is a row
    choice_l = [-1] * n
    tied: list[int] = []
    players = range(tree.num_players)
    for v in range(n - 1, -1, -1):
        k = kind_l[v]
        if k == TERMINAL:
            continue
        s = cs_l[v]
        e = s + nc_l[v]
        if k == CHANCE:
            vals[v] = [sum(prob_l[w] * vals[w][i] for w in range(s, e)) for i in players]
            continue
        i = pl_l[v]
        best = vals[s][i]
        for w in range(s + 1, e):
            x = vals[w][i]
            if x > best:
                best = x
        thr = (
            best - tol * (best if best > 1.0 else (-best if best < -1.0 else 1.0)) if tol else best
        )
        first = -1
        for w in range(s, e):
            if vals[w][i] >= thr:
                if first < 0:
                    first = w
                else:
                    tied.append(v)
                    break
        choice_l[v] = first - s
        vals[v] = vals[first]
    tie = np.zeros(n, dtype=bool)
    tie[tied] = True
    return vals, np.array(choice_l, dtype=np.int64), tie


def _first_pass(tree: GameTree, exact: bool, tol: float) -> tuple[Any, np.ndarray, np.ndarray]:
    """Subgame values of one equilibrium (the first best move everywhere), the choices, and
    which decision nodes have tied best moves.  The values are an array, or for chain-like
    trees a list of rows (both indexed by node)."""
    a = tree.arrays
    n = tree.num_nodes
    widths = np.diff(a.level_start)
    if int(widths[widths < VECTOR_WIDTH].sum()) * 4 > n:
        return _loop_pass(tree, exact, tol)
    V = np.array(tree.exact_payoffs, dtype=object) if exact else a.payoffs.copy()
    prob = tree.exact_probabilities if exact else a.prob
    choice = np.full(n, -1, dtype=np.int64)
    tie = np.zeros(n, dtype=bool)
    ls = a.level_start
    # Narrow levels (a chain has one or two nodes a level) are solved by a plain loop on
    # Python lists: numpy calls on two-element arrays would cost microseconds each.  Their
    # results wait in `pending` and are written to the arrays in one go when a wide level
    # needs them, and at the end.
    pending: dict[int, list[Any]] = {}
    chosen: dict[int, int] = {}
    tied: list[int] = []
    kind_l = a.kind.tolist() if len(ls) - 1 > 64 else a.kind
    cs_l = a.child_start.tolist() if len(ls) - 1 > 64 else a.child_start
    nc_l = a.num_children.tolist() if len(ls) - 1 > 64 else a.num_children
    pl_l = a.player.tolist() if len(ls) - 1 > 64 else a.player

    def flush() -> None:
        if pending:
            idx = np.fromiter(pending, dtype=np.int64, count=len(pending))
            V[idx] = np.array(list(pending.values()), dtype=V.dtype)
            pending.clear()

    for d in range(len(ls) - 2, -1, -1):
        lo, hi = int(ls[d]), int(ls[d + 1])
        if hi - lo >= VECTOR_WIDTH:
            flush()
            _level_arrays(a, V, prob, choice, tie, lo, hi, tol)
            continue
        for v in range(lo, hi):
            k = kind_l[v]
            if k == TERMINAL:
                continue
            s, c = int(cs_l[v]), int(nc_l[v])
            rows = [pending[w] if w in pending else V[w].tolist() for w in range(s, s + c)]
            if k == CHANCE:
                ps = [prob[w] for w in range(s, s + c)]
                pending[v] = [
                    sum(p * r[i] for p, r in zip(ps, rows, strict=True))
                    for i in range(len(rows[0]))
                ]
                continue
            i = int(pl_l[v])
            col = [r[i] for r in rows]
            best = max(col)
            thr = best - tol * max(1.0, abs(best)) if tol else best
            hits = [j for j in range(c) if col[j] >= thr]
            chosen[v] = hits[0]
            if len(hits) > 1:
                tied.append(v)
            pending[v] = rows[hits[0]]
    flush()
    if chosen:
        choice[np.fromiter(chosen, dtype=np.int64)] = np.fromiter(chosen.values(), np.int64)
    tie[tied] = True
    return V, choice, tie


def _level_arrays(
    a: Any,
    V: np.ndarray,
    prob: Any,
    choice: np.ndarray,
    tie: np.ndarray,
    lo: int,
    hi: int,
    tol: float,
) -> None:
    """Solve every internal node of one depth level at once (segmented reductions)."""
    internal = lo + np.flatnonzero(a.kind[lo:hi] != TERMINAL)
    if internal.size == 0:
        return
    cs = a.child_start[internal]
    nc = a.num_children[internal]
    c_lo = int(cs[0])
    c_hi = int(cs[-1] + nc[-1])
    starts = cs - c_lo  # each internal node has a child: the segment starts increase
    Vc = V[c_lo:c_hi]
    is_dec = a.kind[internal] == DECISION
    if is_dec.any():
        N = V.shape[1]
        mover = np.maximum(a.player[a.parent[c_lo:c_hi]], 0)  # 0 below chance: unused
        keys = V.reshape(-1)[np.arange(c_lo * N, c_hi * N, N) + mover]  # the mover's payoff
        best = np.maximum.reduceat(keys, starts)
        if tol:
            best = best - tol * np.maximum(1.0, np.abs(best.astype(np.float64)))
        hits = np.flatnonzero(keys >= np.repeat(best, nc))
        # Every segment holds a hit (its maximum): the first hit at or after each start is
        # the segment's first best move; the hits before the next start are its ties.
        at = np.searchsorted(hits, starts)
        first = hits[at]
        nbest = np.diff(np.append(at, hits.size))
        dn = internal[is_dec]
        choice[dn] = first[is_dec] - starts[is_dec]
        tie[dn] = nbest[is_dec] > 1
        V[dn] = Vc[first[is_dec]]
    if not is_dec.all():
        w = Vc * np.asarray(prob[c_lo:c_hi])[:, None]
        sums = np.add.reduceat(w, starts, axis=0)
        V[internal[~is_dec]] = sums[~is_dec]


def subgame_values(tree: GameTree, *, exact: bool | None = None, tol: float = 1e-9) -> np.ndarray:
    """Each node's subgame value under backward induction (the first best move on ties).

    Parameters
    ----------
    tree
        A perfect-information tree.
    exact, tol
        As in :func:`backward_induction`.

    Returns
    -------
    numpy.ndarray
        ``(num_nodes, num_players)``, float (object of Fractions when exact).

    Examples
    --------
    >>> from crisisgames.games.extensive_form import GameTree, decision, terminal
    >>> t = GameTree(decision("A", {"l": terminal(A=1, B=0), "r": terminal(A=2, B=5)}))
    >>> subgame_values(t)[0].tolist()
    [2.0, 5.0]
    """
    _check_tree(tree, tol)
    exact = tree.has_exact_values if exact is None else bool(exact)
    V = _first_pass(tree, exact, 0.0 if exact else tol)[0]
    return V if isinstance(V, np.ndarray) else np.array(V, dtype=object if exact else float)


class _Classes:
    """The equilibria of one subgame, grouped by payoff vector.

    ``values[k]`` is the k-th payoff vector, ``counts[k]`` how many equilibria give it, and
    ``recipes[k]`` how to make them: ``(move or -1, classes of the affected children)``.
    """

    __slots__ = ("counts", "recipes", "values")

    def __init__(self) -> None:
        self.values: list[tuple[Any, ...]] = []
        self.counts: list[int] = []
        self.recipes: list[list[tuple[int, tuple[int, ...]]]] = []

    def add(self, value: tuple[Any, ...], count: int, recipe: tuple[int, tuple[int, ...]]) -> None:
        try:
            k = self.values.index(value)
        except ValueError:
            k = len(self.values)
            self.values.append(value)
            self.counts.append(0)
            self.recipes.append([])
        self.counts[k] += count
        self.recipes[k].append(recipe)


def _second_pass(
    tree: GameTree, V: Any, tie: np.ndarray, exact: bool, tol: float
) -> tuple[dict[int, _Classes], list[int], bool]:
    """Payoff classes of the subgames rooted at tie nodes and their ancestors."""
    a = tree.arrays
    prob = tree.exact_probabilities if exact else a.prob
    affected = np.zeros(tree.num_nodes, dtype=bool)
    for t in np.flatnonzero(tie).tolist():  # mark the tie nodes and their ancestors
        u = t
        while u >= 0 and not affected[u]:
            affected[u] = True
            u = int(a.parent[u])
    order = [int(v) for v in np.flatnonzero(affected)[::-1]]  # children before parents
    classes: dict[int, _Classes] = {}
    truncated = False
    for v in order:
        s, c = int(a.child_start[v]), int(a.num_children[v])
        kids = range(s, s + c)
        # Each child's options: its classes (affected) or its single first-pass value.
        options = [range(len(classes[w].values)) if w in classes else range(1) for w in kids]

        def value(w: int, k: int) -> tuple[Any, ...]:
            return classes[w].values[k] if w in classes else tuple(V[w])

        def count(w: int, k: int) -> int:
            return classes[w].counts[k] if w in classes else 1

        out = _Classes()
        combos = itertools.product(*options)
        for n_combo, combo in enumerate(combos):
            if n_combo >= MAX_COMBINATIONS:
                truncated = True
                break
            weight = 1
            for w, k in zip(kids, combo, strict=True):
                weight *= count(w, k)
            aff = tuple(k for w, k in zip(kids, combo, strict=True) if w in classes)
            if a.kind[v] == CHANCE:
                vals = [value(w, k) for w, k in zip(kids, combo, strict=True)]
                total = tuple(
                    sum(prob[w] * x[i] for w, x in zip(kids, vals, strict=True))
                    for i in range(tree.num_players)
                )
                out.add(total, weight, (-1, aff))
                continue
            i = int(a.player[v])
            col = [value(w, k)[i] for w, k in zip(kids, combo, strict=True)]
            best = max(col)
            thr = best - tol * max(1.0, abs(float(best))) if tol else best
            for j, x in enumerate(col):
                if x >= thr:
                    out.add(value(s + j, combo[j]), weight, (j, aff))
        classes[v] = out
    return classes, order, truncated


def _enumerate(
    tree: GameTree, classes: dict[int, _Classes], order: list[int], base: np.ndarray, limit: int
) -> list[tuple[np.ndarray, tuple[Any, ...]]]:
    """List equilibria (choice arrays) from the root's classes down, at most ``limit``."""
    a = tree.arrays
    top = sorted(order)  # parents before children
    out: list[tuple[np.ndarray, tuple[Any, ...]]] = []
    # A state: position in `top`, the class assigned to each affected node, the choices so
    # far.  States are copied only where a node offers several recipes.
    root_cls = classes[0]
    stack: list[tuple[int, dict[int, int], dict[int, int]]] = []
    for k in reversed(range(len(root_cls.values))):
        stack.append((0, {0: k}, {}))
    while stack and len(out) < limit:
        pos, assigned, chosen = stack.pop()
        while pos < len(top):
            v = top[pos]
            cls = classes[v]
            recipes = cls.recipes[assigned[v]]
            for r in reversed(recipes[1:]):  # the alternatives wait on the stack
                a2, c2 = dict(assigned), dict(chosen)
                _apply(a, classes, v, r, a2, c2)
                stack.append((pos + 1, a2, c2))
            _apply(a, classes, v, recipes[0], assigned, chosen)
            pos += 1
        choices = base.copy()
        for v, m in chosen.items():
            choices[v] = m
        out.append((choices, classes[0].values[assigned[0]]))
    return out


def _apply(
    a: Any,
    classes: dict[int, _Classes],
    v: int,
    recipe: tuple[int, tuple[int, ...]],
    assigned: dict[int, int],
    chosen: dict[int, int],
) -> None:
    move, child_classes = recipe
    if move >= 0:
        chosen[v] = move
    s, c = int(a.child_start[v]), int(a.num_children[v])
    aff = [w for w in range(s, s + c) if w in classes]
    for w, k in zip(aff, child_classes, strict=True):
        assigned[w] = k


def _plays(tree: GameTree, choices: np.ndarray, exact: bool) -> tuple[Play, ...]:
    """The terminals reached under ``choices``, with their paths and probabilities."""
    a = tree.arrays
    prob = tree.exact_probabilities if exact else a.prob
    pay = tree.exact_payoffs if exact else a.payoffs
    one: Any = Fraction(1) if exact else 1.0
    reached: list[tuple[int, Any]] = []
    stack: list[tuple[int, Any]] = [(0, one)]
    while stack:
        v, p = stack.pop()
        k = a.kind[v]
        if k == TERMINAL:
            reached.append((v, p))
        elif k == DECISION:
            stack.append((int(a.child_start[v] + choices[v]), p))
        else:
            s, c = int(a.child_start[v]), int(a.num_children[v])
            stack.extend((w, p * prob[w]) for w in range(s, s + c) if prob[w] > 0)
    reached.sort()
    return tuple(
        Play(
            tree.path(v),
            tree.node_label(v),
            p if exact else float(p),
            tuple(pay[v]) if exact else tuple(float(x) for x in pay[v]),
        )
        for v, p in reached
    )


def backward_induction(
    tree: GameTree, *, exact: bool | None = None, tol: float = 1e-9, max_equilibria: int = 1000
) -> SubgamePerfectSet:
    """Every pure subgame-perfect equilibrium of a perfect-information game tree.

    Parameters
    ----------
    tree
        A tree whose information sets are all single nodes; chance nodes are allowed
        (players maximise expected payoffs).
    exact
        Compute in exact rational arithmetic (default: when the tree has exact values,
        such as a probability of ``1/3``).
    tol
        Relative tolerance within which two float payoffs count as tied (0 when exact).
    max_equilibria
        List at most this many equilibria; ``count`` still gives how many exist and
        ``status.complete`` says whether all are listed.

    Returns
    -------
    SubgamePerfectSet

    Raises
    ------
    UnsupportedGameError
        If some information set has several nodes.

    Examples
    --------
    A tie: the second mover is indifferent, so there are two equilibria with different
    outcomes, both listed.

    >>> from crisisgames.games.extensive_form import GameTree, decision, terminal
    >>> t = GameTree(decision("A", {
    ...     "l": decision("B", {"x": terminal(A=3, B=1), "y": terminal(A=0, B=1)}),
    ...     "r": terminal(A=1, B=0)}))
    >>> res = backward_induction(t)
    >>> print(res)
    2 subgame-perfect equilibria (backward induction; complete, degenerate game; mixtures of tied best moves are also subgame perfect)
    1. l > x  (payoffs: A 3, B 1)
    2. r  (payoffs: A 1, B 0)
    >>> res[1].strategy("B"), res.tie_nodes
    ({'l': 'y'}, ('l',))

    With chance, the equilibrium path is a distribution over terminals:

    >>> from crisisgames.games.extensive_form import chance
    >>> t = GameTree(decision("US", {
    ...     "blockade": chance({"hard": ("1/3", terminal(US=-2)), "soft": ("2/3", terminal(US=1))}),
    ...     "wait": terminal(US=-1)}))
    >>> backward_induction(t)[0].outcome_distribution
    {'blockade > hard': Fraction(1, 3), 'blockade > soft': Fraction(2, 3)}
    """
    _check_tree(tree, tol)
    if max_equilibria < 1:
        raise ValueError(f"max_equilibria must be at least 1, got {max_equilibria!r}")
    exact = tree.has_exact_values if exact is None else bool(exact)
    tol = 0.0 if exact else float(tol)
    V, choice, tie = _first_pass(tree, exact, tol)
    notes: list[str] = []
    if not tie.any():
        found = [(choice, tuple(V[0]))]
        count = 1
        truncated = False
    else:
        classes, order, truncated = _second_pass(tree, V, tie, exact, tol)
        count = sum(classes[0].counts)
        found = _enumerate(tree, classes, order, choice, max_equilibria)
        if truncated:
            notes.append(
                f"more than {MAX_COMBINATIONS} combinations of subgame payoffs at a "
                "node: equilibria beyond them were not examined"
            )
        if count > len(found):
            notes.append(
                f"{len(found)} of {count} equilibria listed (max_equilibria={max_equilibria})"
            )
        notes.append("mixtures of tied best moves are also subgame perfect")
    equilibria = []
    for ch, val in found:
        ch = np.asarray(ch)
        ch.setflags(write=False)
        equilibria.append(
            SubgamePerfectEquilibrium(
                players=tree.players,
                payoffs=tuple(float(x) for x in val),
                exact_payoffs=tuple(Fraction(x) for x in val) if exact else None,
                plays=_plays(tree, ch, exact),
                choices=ch,
                tree=tree,
            )
        )
    complete = not truncated and count == len(equilibria)
    status = SolveStatus(complete, bool(tie.any()), None, tuple(notes))
    return SubgamePerfectSet(
        tree=tree,
        equilibria=tuple(equilibria),
        count=count,
        tie_nodes=tuple(tree.node_label(int(v)) for v in np.flatnonzero(tie)),
        method="backward induction",
        exact=exact,
        tol=tol,
        status=status,
    )
