"""Perfect Bayesian equilibria of game trees with chance and information sets.

A perfect Bayesian equilibrium is a behaviour profile with beliefs (a probability over the
nodes of each information set) such that beliefs follow Bayes' rule wherever the profile
reaches an information set, and every player's continuation is optimal at every one of its
information sets given its beliefs there and the others' strategies (sequential
rationality).  At information sets the profile does not reach, any belief may be chosen;
the solver reports the whole range of beliefs that support the equilibrium.  (This is the
*weak* perfect Bayesian equilibrium of Mas-Colell, Whinston & Green, 9.C; in
sender–receiver games it is the textbook perfect Bayesian equilibrium.)

Search, computed from the tree alone (nothing is specific to a model):

* every pure behaviour profile (one move per information set) is examined, in chunks of
  profiles at once.  For each information set, the player's expected payoff from each of
  its nodes is computed for its equilibrium continuation and for every alternative
  continuation (its own reduced plans below the set), against the others' strategies.
  On the path the Bayes belief must make the equilibrium continuation best; off the path
  the set of supporting beliefs is the polytope ``{belief: D @ belief >= 0}``, an interval
  for two-node sets.  Candidates found in floats are confirmed in exact arithmetic when the
  tree has exact values.
* mixed equilibria are searched where the tree is a two-type sender–receiver game (chance
  draws one of two types; the informed player sends a message; a responder who sees only the
  message chooses between two responses; payoffs follow): every support of the sender's
  types and every mode of the responder (either response, or mixing) is solved through the
  indifference conditions (:mod:`crisisgames.solvers.signalling`).

Examples
--------
Beer–quiche (Cho & Kreps 1987): two pure pooling equilibria, each needing off-path beliefs
(and, for each, a continuum in which the receiver mixes off the path at belief 1/2).

>>> from crisisgames.games.extensive_form import GameTree, chance, decision, terminal
>>> def sender(t):  # 1 for the type's favourite breakfast, 2 more if not challenged
...     def after(food):
...         pref = 1 if (food == "quiche") == (t == "weak") else 0
...         return decision("Receiver", {
...             "duel": terminal(Sender=pref, Receiver=1 if t == "weak" else -1),
...             "don't": terminal(Sender=pref + 2, Receiver=0)}, infoset=f"after {food}")
...     return decision("Sender", {"beer": after("beer"), "quiche": after("quiche")})
>>> tree = GameTree(chance({"weak": ("1/10", sender("weak")),
...                         "strong": ("9/10", sender("strong"))}))
>>> res = perfect_bayesian_equilibria(tree)
>>> [(e.kind, e.pure) for e in res], res.status.complete
([('pooling', True), ('pooling', True), ('pooling', False), ('pooling', False)], True)
>>> print(res[0].belief("after quiche").describe())
after quiche (Receiver), off path: weak > quiche in [1/2, 1], strong > quiche in [0, 1/2]
"""

from __future__ import annotations

import itertools
import math
from fractions import Fraction
from typing import Any

import numpy as np

from crisisgames.errors import UnsupportedGameError
from crisisgames.games.extensive_form import CHANCE, DECISION, TERMINAL, GameTree, TreeArrays
from crisisgames.games.tree_strategies import _path_all, _path_product
from crisisgames.solvers.results import SolveStatus
from crisisgames.solvers.tree_results import (
    Beliefs,
    PerfectBayesianEquilibrium,
    PerfectBayesianSet,
    Play,
)

__all__ = ["perfect_bayesian_equilibria", "profile_outcome"]

#: Profiles examined together (rows of the arrays).
CHUNK = 2048


# ============================================================================ kernels


class _Arith:
    """The numbers the kernels compute with: floats, or (exact) Python integers.

    Exact arithmetic with Fractions costs microseconds an operation; instead every value is
    scaled to an integer.  With ``Dc`` the common denominator of the chance probabilities,
    ``K`` the most chance nodes on one path and ``Dp`` the common denominator of the
    payoffs, a chance edge weighs ``p * Dc`` and a terminal pays ``u * Dp * Dc**K``; a chance
    node's value is the weighted sum divided by ``Dc``, which is exact (the value of a node
    with at most ``m`` chance nodes below has a denominator dividing ``Dp * Dc**m``).  All
    values share the positive factor ``scale = Dp * Dc**K``, so comparisons are unchanged.
    Reach weights are made comparable across an information set by ``Dc**(K - chance edges
    on the path)``.
    """

    __slots__ = ("div", "exact", "pay", "prob", "reach_fix", "scale")

    def __init__(self, tree: GameTree, exact: bool) -> None:
        a = tree.arrays
        self.exact = exact
        if not exact:
            self.prob: np.ndarray = a.prob
            self.pay: np.ndarray = a.payoffs
            self.div: int | None = None
            self.reach_fix: np.ndarray | None = None
            self.scale: Any = 1.0
            return
        par = np.maximum(a.parent, 0)
        is_chance = (a.parent >= 0) & (a.kind[par] == CHANCE)
        probs = tree.exact_probabilities
        dc = math.lcm(1, *(Fraction(probs[v]).denominator for v in np.flatnonzero(is_chance)))
        count = _path_product(a, np.where(is_chance, 2, 1).astype(np.int64))
        count = np.log2(count).round().astype(np.int64)  # chance edges on each path
        K = int(count.max())
        pay = tree.exact_payoffs
        dp = math.lcm(1, *(Fraction(x).denominator for x in pay.ravel()))
        self.scale = dp * dc**K
        self.prob = np.array(
            [int(probs[v] * dc) if is_chance[v] else 1 for v in range(len(probs))] + [None],
            dtype=object,
        )[:-1]
        self.pay = np.array(
            [int(Fraction(x) * self.scale) for x in pay.ravel()] + [None], dtype=object
        )[:-1].reshape(pay.shape)
        self.div = dc if dc > 1 else None
        self.reach_fix = np.array([dc ** (K - int(c)) for c in count] + [None], dtype=object)[:-1]

    def ratio(self, x: Any, y: Any) -> Any:
        """x / y, exactly when exact."""
        return Fraction(int(x), int(y)) if self.exact else x / y


def _edges(a: TreeArrays, S: np.ndarray, ar: _Arith) -> np.ndarray:
    """Weight of the edge into each node ``(P, n)`` under pure profiles ``S (P, H)``."""
    P = S.shape[0]
    E = np.tile(ar.prob, (P, 1))
    par = np.maximum(a.parent, 0)
    dec = np.flatnonzero((a.parent >= 0) & (a.kind[par] == DECISION))
    hit = S[:, a.infoset[par[dec]]] == a.move[dec]
    E[:, dec] = np.where(hit, 1, 0) if ar.exact else hit
    return E


def _reach(a: TreeArrays, E: np.ndarray, ar: _Arith) -> np.ndarray:
    """Reach weights ``(P, n)``: probabilities, or comparable integers when exact."""
    R = _path_product(a, E)
    return R * ar.reach_fix if ar.reach_fix is not None else R


def _behaviour_edges(a: TreeArrays, B: list[np.ndarray], prob: np.ndarray) -> np.ndarray:
    """Edge probabilities ``(1, n)`` of one behaviour profile ``B[h][move]``."""
    E = np.array(prob, copy=True)[None, :]
    for v in np.flatnonzero(a.parent >= 0):
        p = int(a.parent[v])
        if a.kind[p] == DECISION:
            E[0, v] = B[int(a.infoset[p])][int(a.move[v])]
    return E


def _values(a: TreeArrays, E: np.ndarray, pay: np.ndarray, div: int | None = None) -> np.ndarray:
    """Every node's expected payoffs ``(P, n, N)`` when play follows the edges ``E``
    (chance nodes' sums divided by ``div`` in the scaled integer arithmetic of _Arith)."""
    P, n = E.shape
    V = np.zeros((P, n, pay.shape[1]), dtype=pay.dtype)
    V[:] = pay  # terminals keep their payoffs; internal rows are overwritten below
    ls = a.level_start
    for d in range(len(ls) - 3, -1, -1):
        lo, hi = int(ls[d]), int(ls[d + 1])
        internal = lo + np.flatnonzero(a.kind[lo:hi] != TERMINAL)
        if internal.size == 0:
            continue
        cs = a.child_start[internal]
        c_lo, c_hi = int(cs[0]), int(cs[-1] + a.num_children[internal[-1]])
        W = E[:, c_lo:c_hi, None] * V[:, c_lo:c_hi, :]
        V[:, internal] = np.add.reduceat(W, cs - c_lo, axis=1)
        if div is not None:
            ch = internal[a.kind[internal] == CHANCE]
            if ch.size:
                V[:, ch] //= div  # exact: see _Arith
    return V


def _subtree_mask(a: TreeArrays, roots: tuple[int, ...]) -> np.ndarray:
    """Nodes in the subtrees of ``roots`` (roots included)."""
    inside = np.zeros(a.kind.shape[0], dtype=bool)
    inside[list(roots)] = True
    ls = a.level_start
    for d in range(1, len(ls) - 1):
        lo, hi = int(ls[d]), int(ls[d + 1])
        inside[lo:hi] |= inside[a.parent[lo:hi]]
    return inside


def _continuation_plans(tree: GameTree, h: int) -> np.ndarray:
    """The player's reduced plans from information set ``h`` on: its moves at ``h`` and at
    its own later sets (rows; -1 for sets the plan does not reach or does not own)."""
    a = tree.arrays
    i = int(tree.infoset_player[h])
    X = tree.infoset_nodes[h]
    below = _subtree_mask(a, X)
    par = np.maximum(a.parent, 0)
    own_edge = below & (a.parent >= 0) & (a.player[par] == i) & ~np.isin(np.arange(len(par)), X)
    own_edge |= np.isin(par, X) & (a.parent >= 0)
    H = tree.num_infosets
    found = []
    stack = [np.full(H + 1, -1, dtype=np.int64)]  # the last column: nodes without a set
    while stack:
        plan = stack.pop()
        ok = ~own_edge | (plan[a.infoset[par]] == a.move)
        reached = _path_all(a, ok) & below
        frontier = np.unique(a.infoset[reached & (a.player == i)])
        frontier = frontier[plan[frontier] < 0]
        if frontier.size == 0:
            found.append(plan)
            continue
        g = int(frontier[0])
        for m in reversed(range(len(tree.infoset_moves(g)))):
            nxt = plan.copy()
            nxt[g] = m
            stack.append(nxt)
    return np.array(found, dtype=np.int64)[:, :H]


class _Check:
    """Everything the pure search needs about one information set."""

    __slots__ = ("cols", "nodes", "plans", "player")

    def __init__(self, tree: GameTree, h: int) -> None:
        self.nodes = np.array(tree.infoset_nodes[h], dtype=np.int64)
        self.player = int(tree.infoset_player[h])
        self.plans = _continuation_plans(tree, h)
        self.cols = [np.flatnonzero(p >= 0) for p in self.plans]


def _deviation_table(
    a: TreeArrays, S: np.ndarray, V: np.ndarray, chk: _Check, ar: _Arith
) -> np.ndarray:
    """``D[p, k, x]``: equilibrium continuation minus alternative plan k, from node x."""
    own = V[:, chk.nodes, chk.player]
    alts = []
    for plan, cols in zip(chk.plans, chk.cols, strict=True):
        S2 = S.copy()
        S2[:, cols] = plan[cols]
        same = (S2 == S).all(axis=1)
        if same.all():
            alts.append(own)
            continue
        V2 = _values(a, _edges(a, S2, ar), ar.pay, ar.div)
        alts.append(V2[:, chk.nodes, chk.player])
    return own[:, None, :] - np.stack(alts, axis=1)


def _interval(D: np.ndarray, ar: _Arith) -> tuple[Any, Any]:
    """For a two-node set: the range of q = belief in its second node with
    ``D[k, 0] * (1 - q) + D[k, 1] * q >= 0`` for every k (lo > hi when empty)."""
    lo: Any = Fraction(0) if ar.exact else 0.0
    hi: Any = Fraction(1) if ar.exact else 1.0
    for d0, d1 in D:
        slope = d1 - d0
        if slope > 0:
            lo = max(lo, ar.ratio(-d0, slope))
        elif slope < 0:
            hi = min(hi, ar.ratio(-d0, slope))
        elif d0 < 0:
            return 1, 0
    return lo, hi


def _screen(tree: GameTree, S: np.ndarray, checks: list[_Check], tol: float) -> np.ndarray:
    """Which pure profiles (rows of S) pass every test, in floats, leniently."""
    a = tree.arrays
    pay = a.payoffs
    scale = tol * max(1.0, float(np.abs(pay).max()))
    ar = _Arith(tree, False)
    keep = np.arange(S.shape[0])
    E = _edges(a, S, ar)
    reach_all = _path_product(a, E)
    V_all = _values(a, E, pay)
    for chk in checks:
        if keep.size == 0:
            break
        Sk = S[keep]
        reach = reach_all[keep]
        D = _deviation_table(a, Sk, V_all[keep], chk, ar)
        r = reach[:, chk.nodes]
        rh = r.sum(axis=1)
        on = rh > 0
        mu = r / np.where(on, rh, 1.0)[:, None]
        ok_on = (np.einsum("pkx,px->pk", D, mu) >= -scale).all(axis=1)
        k = len(chk.nodes)
        if k == 1:
            ok_off = (D[:, :, 0] >= -scale).all(axis=1)
        elif k == 2:
            d0, d1 = D[:, :, 0], D[:, :, 1]
            slope = d1 - d0
            with np.errstate(divide="ignore", invalid="ignore"):
                root = np.where(slope != 0, -d0 / np.where(slope != 0, slope, 1), 0.0)
            lo = np.max(np.where(slope > scale, root, 0.0), axis=1, initial=0.0)
            hi = np.min(np.where(slope < -scale, root, 1.0), axis=1, initial=1.0)
            flat_bad = ((np.abs(slope) <= scale) & (np.maximum(d0, d1) < -scale)).any(axis=1)
            ok_off = (lo <= hi + 1e-7) & ~flat_bad
        else:
            ok_off = np.ones(len(keep), dtype=bool)  # decided exactly, by LP, later
        keep = keep[np.where(on, ok_on, ok_off)]
    return keep


def _decode(start: int, stop: int, radices: list[int]) -> np.ndarray:
    """Profiles ``start..stop-1`` in mixed radix (the first information set slowest)."""
    idx = np.arange(start, stop, dtype=np.int64)
    out = np.empty((idx.size, len(radices)), dtype=np.int64)
    for h in range(len(radices) - 1, -1, -1):
        idx, out[:, h] = np.divmod(idx, radices[h])
    return out


# ============================================================================ assembly


def _solve_exact(A: list[list[Any]], b: list[Any]) -> list[Any] | None:
    """The unique solution of a square system (Gaussian elimination), or None if singular."""
    n = len(A)
    M = [[*row, rhs] for row, rhs in zip(A, b, strict=True)]
    for c in range(n):
        piv = next((r for r in range(c, n) if M[r][c] != 0), None)
        if piv is None:
            return None
        M[c], M[piv] = M[piv], M[c]
        for r in range(n):
            if r != c and M[r][c] != 0:
                f = M[r][c] / M[c][c]
                M[r] = [x - f * y for x, y in zip(M[r], M[c], strict=True)]
    return [M[r][n] / M[r][r] for r in range(n)]


def _polytope_ranges(
    D: np.ndarray, exact: bool
) -> tuple[tuple[tuple[Any, Any], ...], tuple[Any, ...]] | None:
    """Ranges of each coordinate over {b in simplex: D b >= 0}, and a point of it (the mean
    of its vertices); None when empty.

    The polytope's vertices are found by enumeration: each is where k - 1 of the
    inequalities (rows of D, or b_x >= 0) hold with equality, together with sum(b) = 1.
    Exact in Fractions when ``exact``.
    """
    k = D.shape[1]
    one: Any = Fraction(1) if exact else 1.0
    zero: Any = Fraction(0) if exact else 0.0
    tol = 0 if exact else 1e-9
    conv = Fraction if exact else float
    rows = {tuple(conv(x) for x in r) for r in D.tolist() if any(x != 0 for x in r)}
    faces = [list(r) for r in rows] + [
        [one if j == x else zero for j in range(k)] for x in range(k)
    ]
    vertices = []
    for combo in itertools.combinations(range(len(faces)), k - 1):
        A = [faces[c] for c in combo] + [[one] * k]
        sol = _solve_exact(A, [zero] * (k - 1) + [one])
        if sol is None:
            continue
        if min(sol) < -tol or any(
            sum(f * x for f, x in zip(face, sol, strict=True)) < -tol for face in faces[: len(rows)]
        ):
            continue
        vertices.append(sol)
    if not vertices:
        return None
    ranges = tuple((min(v[x] for v in vertices), max(v[x] for v in vertices)) for x in range(k))
    point = tuple(sum(v[x] for v in vertices) / len(vertices) for x in range(k))
    return ranges, point


def _assess(
    tree: GameTree, S: np.ndarray, checks: list[_Check], ar: _Arith, tol: float
) -> list[list[Beliefs] | None]:
    """Confirm pure profiles (rows of S; exactly when ``ar.exact``) and build their beliefs
    (None for a profile that fails)."""
    a = tree.arrays
    scale = 0 if ar.exact else tol * max(1.0, float(np.abs(a.payoffs).max()))
    E = _edges(a, S, ar)
    reach = _reach(a, E, ar)
    V = _values(a, E, ar.pay, ar.div)
    out: list[list[Beliefs] | None] = [[] for _ in range(S.shape[0])]
    one: Any = Fraction(1) if ar.exact else 1.0
    for h, chk in enumerate(checks):
        D_all = _deviation_table(a, S, V, chk, ar)  # (P, plans, nodes)
        k = len(chk.nodes)
        labels = tuple(tree.node_label(int(v)) for v in chk.nodes)
        who = tree.players[chk.player]
        label = tree.infoset_label(h)
        for p, beliefs in enumerate(out):
            if beliefs is None:
                continue
            D = D_all[p]
            r = reach[p, chk.nodes]
            rh = r.sum()
            if rh > 0:
                # Bayes: the belief is proportional to the reach weights r.
                if min(sum(d * m for d, m in zip(row, r, strict=True)) for row in D) < -scale * rh:
                    out[p] = None
                elif k > 1:
                    mu = tuple(ar.ratio(x, rh) for x in r)
                    beliefs.append(Beliefs(label, who, labels, True, mu, tuple((m, m) for m in mu)))
                continue
            constraints = tuple(
                tuple(ar.ratio(x, ar.scale) for x in row) for row in D if any(x != 0 for x in row)
            )
            if k == 1:
                if min(D[:, 0]) < -scale:
                    out[p] = None
                continue
            if k == 2:
                lo, hi = _interval(D, ar)
                if lo > hi + (0 if ar.exact else 1e-7):
                    out[p] = None
                    continue
                hi = max(hi, lo)
                mid = (lo + hi) / 2
                beliefs.append(
                    Beliefs(
                        label,
                        who,
                        labels,
                        False,
                        (one - mid, mid),
                        ((one - hi, one - lo), (lo, hi)),
                        constraints,
                    )
                )
                continue
            found = _polytope_ranges(D, ar.exact)
            if found is None:
                out[p] = None
                continue
            ranges, sample = found
            beliefs.append(Beliefs(label, who, labels, False, sample, ranges, constraints))
    return out


def _plays_from_edges(tree: GameTree, E: np.ndarray, exact: bool) -> tuple[Play, ...]:
    a = tree.arrays
    reach = _path_product(a, E)[0]
    pay = tree.exact_payoffs if exact else a.payoffs
    out = []
    for v in np.flatnonzero(a.kind == TERMINAL):
        p = reach[v]
        if p > 0:
            out.append(
                Play(
                    tree.path(int(v)),
                    tree.node_label(int(v)),
                    p if exact else float(p),
                    tuple(pay[v]) if exact else tuple(float(x) for x in pay[v]),
                )
            )
    return tuple(out)


def _signal_kind(tree: GameTree, behaviour: list[tuple[Any, ...]]) -> str | None:
    """Pooling / separating / ... when chance at the root draws the informed player's type."""
    a = tree.arrays
    if a.kind[0] != CHANCE:
        return None
    kids = tree.children(0)
    if any(a.kind[c] != DECISION for c in kids):
        return None
    players = {int(a.player[c]) for c in kids}
    sets = [int(a.infoset[c]) for c in kids]
    if len(players) != 1 or len(set(sets)) != len(sets) or len(sets) < 2:
        return None
    moves = {tree.infoset_moves(h) for h in sets}
    if len(moves) != 1:
        return None
    rows = [behaviour[h] for h in sets]
    if any(max(r) < 1 for r in rows):
        return "semi-separating"
    sent = [tuple(r).index(max(r)) for r in rows]
    if len(set(sent)) == 1:
        return "pooling"
    if len(set(sent)) == len(sent):
        return "separating"
    return "partially pooling"


def _equilibrium(
    tree: GameTree,
    behaviour: list[tuple[Any, ...]],
    beliefs: list[Beliefs],
    exact: bool,
    ranges: tuple[Any, ...] = (),
) -> PerfectBayesianEquilibrium:
    a = tree.arrays
    prob = tree.exact_probabilities if exact else a.prob
    B = [np.array(b, dtype=object if exact else np.float64) for b in behaviour]
    E = _behaviour_edges(a, B, np.array(prob, dtype=object if exact else np.float64))
    pay = np.array(tree.exact_payoffs if exact else a.payoffs)
    root = _values(a, E, pay)[0, 0]
    pure = all(max(b) == 1 for b in behaviour)
    conv = (lambda x: x) if exact else float
    return PerfectBayesianEquilibrium(
        players=tree.players,
        behaviour=tuple(tuple(conv(x) for x in b) for b in behaviour),
        infosets=tuple(tree.infoset_label(h) for h in range(tree.num_infosets)),
        moves=tuple(tree.infoset_moves(h) for h in range(tree.num_infosets)),
        infoset_players=tuple(tree.players[int(p)] for p in tree.infoset_player),
        beliefs=tuple(beliefs),
        payoffs=tuple(float(x) for x in root),
        exact_payoffs=tuple(Fraction(x) for x in root) if exact else None,
        plays=_plays_from_edges(tree, E, exact),
        pure=pure,
        kind=_signal_kind(tree, behaviour),
        ranges=ranges,
    )


def profile_outcome(tree: GameTree, profile: dict[str, str]) -> dict[str, float]:
    """Expected payoffs of a pure behaviour profile ``{information-set label: move}``.

    Examples
    --------
    >>> from crisisgames.games.extensive_form import GameTree, chance, decision, terminal
    >>> t = GameTree(chance({"a": ("1/4", decision("P", {"x": terminal(P=4), "y": terminal(P=0)},
    ...                                                infoset="h")),
    ...                      "b": ("3/4", decision("P", {"x": terminal(P=0), "y": terminal(P=1)},
    ...                                                infoset="h"))}))
    >>> profile_outcome(t, {"h": "y"})  # 3/4 * 1
    {'P': 0.75}
    """
    S = np.zeros((1, tree.num_infosets), dtype=np.int64)
    for h in range(tree.num_infosets):
        lab = tree.infoset_label(h)
        if lab not in profile:
            raise UnsupportedGameError(f"the profile gives no move at {lab!r}")
        S[0, h] = tree.infoset_moves(h).index(profile[lab])
    a = tree.arrays
    V = _values(a, _edges(a, S, _Arith(tree, False)), a.payoffs)
    return {p: float(x) for p, x in zip(tree.players, V[0, 0], strict=True)}


# ============================================================================ entry point


def perfect_bayesian_equilibria(
    tree: GameTree,
    *,
    exact: bool | None = None,
    tol: float = 1e-9,
    mixed: bool = True,
    max_profiles: int = 10**6,
) -> PerfectBayesianSet:
    """Perfect Bayesian equilibria of a game tree (weak PBE; see the module notes).

    Parameters
    ----------
    tree
        A tree with perfect recall (chance nodes and information sets allowed).
    exact
        Confirm equilibria and compute beliefs in exact rational arithmetic (default: when
        the tree has exact values such as ``1/3``).
    tol
        Float tolerance of the screening (relative to the largest payoff).
    mixed
        Also search mixed equilibria where the tree is a two-type sender–receiver game.
    max_profiles
        Examine at most this many pure behaviour profiles (the status says if capped).

    Returns
    -------
    PerfectBayesianSet

    Raises
    ------
    UnsupportedGameError
        If the tree lacks perfect recall.

    Examples
    --------
    A Soviet type the US cannot see; after a challenge the US either backs down or fights:

    >>> from crisisgames.games.extensive_form import GameTree, chance, decision, terminal
    >>> def ussr(hard):
    ...     return decision("USSR", {
    ...         "comply": terminal(US=1, USSR=-4),
    ...         "defy": decision("US", {"back down": terminal(US=-2, USSR=2),
    ...                                 "war": terminal(US=-10, USSR=-4 if hard else -8)},
    ...                          infoset="US after defiance")})
    >>> t = GameTree(chance({"hard": ("1/3", ussr(True)), "soft": ("2/3", ussr(False))}))
    >>> res = perfect_bayesian_equilibria(t)
    >>> [e.strategy("US") for e in res]
    [{'US after defiance': 'back down'}]
    """
    if not isinstance(tree, GameTree):
        raise TypeError(f"expected a GameTree, got {type(tree).__name__}")
    if not (tol >= 0 and np.isfinite(tol)):
        raise ValueError(f"tol must be a finite non-negative number, got {tol!r}")
    if not tree.has_perfect_recall:
        raise UnsupportedGameError("perfect Bayesian equilibria need perfect recall")
    exact = tree.has_exact_values if exact is None else bool(exact)
    H = tree.num_infosets
    radices = [len(tree.infoset_moves(h)) for h in range(H)]
    total = math.prod(radices)
    examined = min(total, max_profiles)
    checks = [_Check(tree, h) for h in range(H)]
    # Check the sets with the fewest alternatives first: most profiles fail early and cheaply.
    order = sorted(range(H), key=lambda h: len(checks[h].plans))
    ordered = [checks[h] for h in order]
    equilibria = []
    ar = _Arith(tree, exact)
    for start in range(0, examined, CHUNK):
        S = _decode(start, min(start + CHUNK, examined), radices)
        rows = _screen(tree, S, ordered, tol)
        if rows.size == 0:
            continue
        for row, beliefs in zip(rows, _assess(tree, S[rows], checks, ar, tol), strict=True):
            if beliefs is None:
                continue
            behaviour = [
                tuple(1 if m == S[row, h] else 0 for m in range(radices[h])) for h in range(H)
            ]
            equilibria.append(_equilibrium(tree, behaviour, beliefs, exact))
    notes = [f"pure profiles: {examined} of {total} examined"]
    complete = examined == total
    method = "pure profiles"
    if total == 1:
        notes.append("one behaviour profile: nothing to mix")
    elif mixed:
        from crisisgames.solvers.signalling import mixed_signalling_equilibria

        found, note = mixed_signalling_equilibria(tree, exact=exact)
        notes.append(note)
        if found is None:
            complete = False
        else:
            method += " + two-type signalling (mixed)"
            for behaviour, beliefs, ranges in found:
                equilibria.append(_equilibrium(tree, behaviour, beliefs, exact, ranges))
    else:
        complete = False
        notes.append("mixed equilibria not searched")
    if not tree.is_perfect_information:
        notes.append("weak PBE: off-path beliefs are unrestricted")
    continuum = any(e.ranges for e in equilibria)
    status = SolveStatus(complete, None, continuum, tuple(notes))
    return PerfectBayesianSet(
        tree, tuple(equilibria), method, exact, 0.0 if exact else tol, total, examined, status
    )
