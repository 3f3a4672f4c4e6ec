"""Mixed perfect Bayesian equilibria of two-type sender–receiver trees.

The tree must have this shape (the shape is read from the tree, nothing is assumed about a
model): chance at the root draws one of two types; each type's node belongs to one player,
the *sender*, in its own information set, with the same messages; after each message ``m``
the *receiver* moves at an information set holding exactly the two nodes of ``m`` (one per
type) and chooses between two responses; then the game ends.

Every perfect Bayesian equilibrium is found by enumerating *patterns*: the support of each
type's message strategy, and for each message whether the receiver plays its first
response, its second, or mixes.  A pattern splits into two linear problems, solved exactly
in rationals:

* the sender's probabilities ``sigma``: they sum to one, are positive on the supports, put
  the receiver's Bayes belief at a mixed message exactly at its indifference belief
  ``mu*`` (``p2 sigma2(m) (1 - mu*) = p1 sigma1(m) mu*``, linear in ``sigma``), and at a
  message answered purely, on the side of ``mu*`` where that response is best;
* the receiver's mixing probabilities ``rho``: each type is indifferent among its messages
  and does not gain by another one (linear in ``rho``).

The pattern's equilibria are all pairs of solutions: a point, or (degenerate games, mixing
off the path) a continuum, reported by its ranges.  Patterns in which no one mixes are left
to the pure search.  Messages off the path get every belief that supports the receiver's
response there (for mixing, exactly ``mu*``).

Examples
--------
A threat that a weak type makes only sometimes (no pure equilibrium): the strong type (1/3)
always threatens; the weak one bluffs half the time, which puts the responder's belief at
its indifference point 1/2, and the responder resists half the time, which leaves the weak
type indifferent.

>>> from crisisgames.games.extensive_form import GameTree, chance, decision, terminal
>>> def sender(t):
...     fight = -1 if t == "weak" else 2  # the sender's payoff when resisted after a threat
...     sign = 1 if t == "weak" else -1   # resisting pays the responder only against weak
...     return decision("S", {
...         "threat": decision("R", {"resist": terminal(S=fight, R=sign),
...                                  "yield": terminal(S=1, R=0)}, infoset="after threat"),
...         "quiet": decision("R", {"resist": terminal(S=0, R=sign),
...                                 "yield": terminal(S=0, R=0)}, infoset="after quiet")})
>>> t = GameTree(chance({"weak": ("2/3", sender("weak")), "strong": ("1/3", sender("strong"))}))
>>> from crisisgames.solvers.bayesian import perfect_bayesian_equilibria
>>> print(perfect_bayesian_equilibria(t))  # doctest: +ELLIPSIS
1 perfect Bayesian equilibrium (pure profiles + two-type signalling (mixed), exact; complete; ...)
1. semi-separating mixed
  S: weak: threat 1/2, quiet 1/2; strong: threat
  R: after threat: resist 1/2, yield 1/2; after quiet: resist
  belief after threat (R): weak > threat 1/2, strong > threat 1/2
  belief after quiet (R): weak > quiet 1, strong > quiet 0
  payoffs: S 1/2, R 1/3
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from fractions import Fraction
from typing import Any

import numpy as np

from crisisgames.games.extensive_form import CHANCE, DECISION, TERMINAL, GameTree
from crisisgames.solvers.tree_results import Beliefs

__all__ = ["mixed_signalling_equilibria"]

R1, R2, MIX = "r1", "r2", "mix"


@dataclass(frozen=True)
class _Signalling:
    sender: int
    receiver: int
    prior: tuple[Fraction, Fraction]
    sender_sets: tuple[int, int]
    messages: tuple[str, ...]
    receiver_sets: tuple[int, ...]  # by message; -1 where the game ends after it
    nodes: tuple[tuple[int, ...], tuple[int, ...]]  # [type][message] -> receiver node
    uS: tuple[tuple[tuple[Fraction, Fraction], ...], ...]  # [type][message][response]
    uR: tuple[tuple[tuple[Fraction, Fraction], ...], ...]


def _recognise(tree: GameTree) -> tuple[_Signalling | None, str]:
    """Read the sender–receiver shape off the tree, or say why it is not one."""
    a = tree.arrays
    if a.kind[0] != CHANCE or a.num_children[0] != 2:
        return None, "the root is not a chance node with two types"
    types = tree.children(0)
    prob = tree.exact_probabilities
    if any(prob[t] == 0 for t in types):
        return None, "a type has probability zero"
    if any(a.kind[t] != DECISION for t in types):
        return None, "a type's node is not a decision node"
    sender = {int(a.player[t]) for t in types}
    sets = (int(a.infoset[types[0]]), int(a.infoset[types[1]]))
    if len(sender) != 1 or sets[0] == sets[1]:
        return None, "the types' nodes are not one player's, in separate information sets"
    s = sender.pop()
    messages = tree.infoset_moves(sets[0])
    if set(tree.infoset_moves(sets[1])) != set(messages):
        return None, "the two types have different messages"
    pay = tree.exact_payoffs
    nodes: list[list[int]] = [[], []]
    for k, t in enumerate(types):
        moves = tree.moves(t)
        for m in messages:
            nodes[k].append(tree.children(t)[moves.index(m)])
    # A message may end the game for both types (e.g. complying): no response follows.
    ends = [
        a.kind[nodes[0][j]] == TERMINAL and a.kind[nodes[1][j]] == TERMINAL
        for j in range(len(messages))
    ]
    receivers = {
        int(a.player[x]) if a.kind[x] == DECISION else -1
        for row in nodes
        for j, x in enumerate(row)
        if not ends[j]
    }
    if len(receivers) != 1 or -1 in receivers or s in receivers:
        return None, "after each message one other player must respond (or the game end)"
    r = receivers.pop()
    rsets = []
    for j in range(len(messages)):
        if ends[j]:
            rsets.append(-1)
            continue
        h = int(a.infoset[nodes[0][j]])
        if int(a.infoset[nodes[1][j]]) != h or len(tree.infoset_nodes[h]) != 2:
            return None, "the responder's information set after a message is not the two types"
        if len(tree.infoset_moves(h)) != 2:
            return None, "the responder does not have exactly two responses"
        rsets.append(h)
    if len({h for h in rsets if h >= 0}) != sum(h >= 0 for h in rsets):
        return None, "the responder does not see the message"
    uS: list[list[tuple[Fraction, Fraction]]] = [[], []]
    uR: list[list[tuple[Fraction, Fraction]]] = [[], []]
    for k in range(2):
        for j in range(len(messages)):
            x = nodes[k][j]
            if ends[j]:  # as if the responder had two identical responses
                uS[k].append((Fraction(pay[x, s]), Fraction(pay[x, s])))
                uR[k].append((Fraction(pay[x, r]), Fraction(pay[x, r])))
                continue
            kids = tree.children(x)
            if any(a.kind[c] != TERMINAL for c in kids):
                return None, "the game goes on after the response"
            uS[k].append((Fraction(pay[kids[0], s]), Fraction(pay[kids[1], s])))
            uR[k].append((Fraction(pay[kids[0], r]), Fraction(pay[kids[1], r])))
    sig = _Signalling(
        s,
        r,
        (Fraction(prob[types[0]]), Fraction(prob[types[1]])),
        sets,
        messages,
        tuple(rsets),
        (tuple(nodes[0]), tuple(nodes[1])),
        tuple(tuple(row) for row in uS),
        tuple(tuple(row) for row in uR),
    )
    return sig, ""


# ============================================================================ exact affine sets


@dataclass(frozen=True)
class _Affine:
    """Solutions of a pattern's linear problem: a point, or a segment, or (rarely) a
    higher-dimensional polytope given by a sample point and coordinate ranges."""

    point: tuple[Fraction, ...]
    ranges: tuple[tuple[Fraction, Fraction], ...]
    exact: bool = True


def _solve(
    nvars: int,
    eqs: list[tuple[list[Fraction], Fraction]],
    ineqs: list[tuple[list[Fraction], Fraction, bool]],
) -> _Affine | None:
    """Solve ``c.x = rhs`` (eqs) subject to ``c.x <= rhs`` (``<`` when strict)."""
    rows = [[*c, r] for c, r in eqs]
    pivots: list[int] = []
    for col in range(nvars):
        piv = next((i for i in range(len(pivots), len(rows)) if rows[i][col] != 0), None)
        if piv is None:
            continue
        r = len(pivots)
        rows[r], rows[piv] = rows[piv], rows[r]
        lead = rows[r][col]
        rows[r] = [x / lead for x in rows[r]]
        for i in range(len(rows)):
            if i != r and rows[i][col] != 0:
                factor = rows[i][col]
                rows[i] = [x - factor * y for x, y in zip(rows[i], rows[r], strict=True)]
        pivots.append(col)
    if any(row[-1] != 0 for row in rows[len(pivots) :]):
        return None
    x0 = [Fraction(0)] * nvars
    for i, col in enumerate(pivots):
        x0[col] = rows[i][-1]
    free = [c for c in range(nvars) if c not in pivots]
    basis = []
    for fc in free:
        v = [Fraction(0)] * nvars
        v[fc] = Fraction(1)
        for i, col in enumerate(pivots):
            v[col] = -rows[i][fc]
        basis.append(v)
    # The inequalities in the free parameters t: alpha . t <= beta.
    sub = []
    for c, rhs, strict in ineqs:
        alpha = [sum((ci * vi for ci, vi in zip(c, v, strict=True)), Fraction(0)) for v in basis]
        beta = rhs - sum((ci * xi for ci, xi in zip(c, x0, strict=True)), Fraction(0))
        sub.append((alpha, beta, strict))
    if not basis:
        for _, beta, strict in sub:
            if beta < 0 or (strict and beta == 0):
                return None
        return _Affine(tuple(x0), tuple((x, x) for x in x0))
    if len(basis) == 1:
        lo: Fraction | None = None
        hi: Fraction | None = None
        lo_open = hi_open = False
        for (slope,), beta, strict in sub:
            if slope == 0:
                if beta < 0 or (strict and beta == 0):
                    return None
                continue
            bound = beta / slope  # slope t <= beta: an upper bound if slope > 0, else lower
            if slope > 0:
                if hi is None or bound < hi:
                    hi, hi_open = bound, strict
                elif bound == hi:
                    hi_open = hi_open or strict
            else:
                if lo is None or bound > lo:
                    lo, lo_open = bound, strict
                elif bound == lo:
                    lo_open = lo_open or strict
        if lo is None or hi is None:  # not reached: the variables are probabilities
            return None
        if lo > hi or (lo == hi and (lo_open or hi_open)):
            return None
        t = (lo + hi) / 2
        point = tuple(x + t * v for x, v in zip(x0, basis[0], strict=True))
        ends = [tuple(x + s * v for x, v in zip(x0, basis[0], strict=True)) for s in (lo, hi)]
        return _Affine(point, tuple((min(p, q), max(p, q)) for p, q in zip(*ends, strict=True)))
    return _solve_lp(x0, basis, sub)


def _solve_lp(
    x0: list[Fraction],
    basis: list[list[Fraction]],
    sub: list[tuple[list[Fraction], Fraction, bool]],
) -> _Affine | None:
    """Two or more free parameters (degenerate games): a sample and ranges, in floats."""
    from scipy.optimize import linprog

    k = len(basis)
    A = np.array([[float(x) for x in alpha] + [1.0 if strict else 0.0] for alpha, _, strict in sub])
    b = np.array([float(beta) for _, beta, _ in sub])
    c = np.zeros(k + 1)
    c[-1] = -1.0  # maximise the slack of the strict inequalities
    res = linprog(c, A_ub=A, b_ub=b, bounds=[(None, None)] * k + [(0, 1)], method="highs")
    if res.status != 0 or res.x[-1] <= 1e-12:
        return None
    B = np.array([[float(x) for x in v] for v in basis]).T  # (nvars, k)
    x0f = np.array([float(x) for x in x0])
    point = x0f + B @ res.x[:k]
    ranges = []
    for row in range(len(x0)):
        ends = []
        for sign in (1.0, -1.0):
            r = linprog(
                sign * B[row], A_ub=A[:, :k], b_ub=b, bounds=[(None, None)] * k, method="highs"
            )
            ends.append(float(x0f[row] + B[row] @ r.x[:k]) if r.status == 0 else float("nan"))
        ranges.append((Fraction(ends[0]), Fraction(ends[1])))
    return _Affine(tuple(Fraction(float(x)) for x in point), tuple(ranges), exact=False)


# ============================================================================ patterns


def _indifference(a: Fraction, b: Fraction) -> Fraction | None:
    """The belief in type 2 at which the receiver's gain ``(1 - mu) a + mu b`` from its
    second response is zero (``None`` when there is none or every belief is one)."""
    if a == b:
        return None
    return a / (a - b)


def _belief_range(a: Fraction, b: Fraction, mode: str) -> tuple[Fraction, Fraction] | None:
    """Beliefs in type 2 making the receiver's response (mode) optimal; None if none."""
    if mode == MIX:
        if a == b == 0:
            return Fraction(0), Fraction(1)
        star = _indifference(a, b)
        return (star, star) if star is not None and 0 <= star <= 1 else None
    sign = 1 if mode == R2 else -1  # r2 needs gain >= 0, r1 gain <= 0
    lo, hi = Fraction(0), Fraction(1)
    # gain(mu) = a + mu (b - a), linear: the feasible set is an interval.
    ga, gb = sign * a, sign * b
    if ga >= 0 and gb >= 0:
        return lo, hi
    if ga < 0 and gb < 0:
        return None
    cross = a / (a - b)
    return (cross, hi) if ga < 0 else (lo, cross)


def _patterns(sig: _Signalling) -> list[tuple[Any, ...]]:
    M = len(sig.messages)
    subsets = [s for n in range(1, M + 1) for s in itertools.combinations(range(M), n)]
    choices = [(R1,) if h < 0 else (R1, R2, MIX) for h in sig.receiver_sets]
    out = []
    for S1, S2 in itertools.product(subsets, subsets):
        for modes in itertools.product(*choices):
            if len(S1) == 1 and len(S2) == 1 and MIX not in modes:
                continue  # nobody mixes: the pure search covers it
            out.append((S1, S2, modes))
    return out


def _solve_pattern(
    sig: _Signalling, S1: tuple[int, ...], S2: tuple[int, ...], modes: tuple[str, ...]
) -> tuple[_Affine, _Affine] | None:
    M = len(sig.messages)
    p1, p2 = sig.prior
    a = [sig.uR[0][m][1] - sig.uR[0][m][0] for m in range(M)]
    b = [sig.uR[1][m][1] - sig.uR[1][m][0] for m in range(M)]
    on = set(S1) | set(S2)
    for m in range(M):
        if m not in on and _belief_range(a[m], b[m], modes[m]) is None:
            return None
    # ---- sigma: variables sigma1(m) for m in S1, then sigma2(m) for m in S2
    var = {(0, m): k for k, m in enumerate(S1)} | {(1, m): len(S1) + k for k, m in enumerate(S2)}
    n = len(var)
    zero = Fraction(0)

    def vec(terms: dict[tuple[int, int], Fraction]) -> list[Fraction]:
        v = [zero] * n
        for key, c in terms.items():
            if key in var:
                v[var[key]] += c
        return v

    eqs = [
        (vec({(0, m): Fraction(1) for m in S1}), Fraction(1)),
        (vec({(1, m): Fraction(1) for m in S2}), Fraction(1)),
    ]
    ineqs = [(vec({key: Fraction(-1)}), zero, True) for key in var]
    for m in on:
        if modes[m] == MIX:
            if a[m] == b[m] == 0:
                continue
            star = _indifference(a[m], b[m])
            if star is None or not 0 <= star <= 1:
                return None
            eqs.append((vec({(1, m): p2 * (1 - star), (0, m): -p1 * star}), zero))
        else:
            sign = Fraction(1) if modes[m] == R1 else Fraction(-1)  # r1: weighted gain <= 0
            ineqs.append((vec({(0, m): sign * p1 * a[m], (1, m): sign * p2 * b[m]}), zero, False))
    # ---- rho: variables rho(m) for mixed messages
    mixed = [m for m in range(M) if modes[m] == MIX]
    rv = {m: k for k, m in enumerate(mixed)}
    nr = len(mixed)

    def payoff(t: int, m: int) -> tuple[list[Fraction], Fraction]:
        """Type t's payoff from message m, as (coefficients on rho, constant)."""
        u1, u2 = sig.uS[t][m]
        c = [zero] * nr
        if m in rv:
            c[rv[m]] = u2 - u1
            return c, u1
        return c, (u1 if modes[m] == R1 else u2)

    req: list[tuple[list[Fraction], Fraction]] = []
    rin: list[tuple[list[Fraction], Fraction, bool]] = []
    for k in mixed:
        e = [zero] * nr
        e[rv[k]] = Fraction(1)
        rin.append(([-x for x in e], zero, True))
        rin.append((e, Fraction(1), True))
    for t, St in ((0, S1), (1, S2)):
        c0, k0 = payoff(t, St[0])
        for m in range(M):
            if m == St[0]:
                continue
            c, const = payoff(t, m)
            diff = [x - y for x, y in zip(c, c0, strict=True)]
            if m in St:
                req.append((diff, k0 - const))  # U_t(m) = U_t(first)
            else:
                rin.append((diff, k0 - const, False))  # U_t(m) <= U_t(first)
    rho = _solve(nr, req, rin)
    if rho is None:
        return None
    sigma = _solve(n, eqs, ineqs)
    if sigma is None:
        return None
    return sigma, rho


def mixed_signalling_equilibria(
    tree: GameTree, *, exact: bool = True
) -> tuple[list[tuple[Any, ...]] | None, str]:
    """Equilibria in which someone mixes, for a two-type sender–receiver tree.

    Parameters
    ----------
    tree
        The game tree.
    exact
        Keep exact Fractions in the output (always computed exactly).

    Returns
    -------
    (list or None, str)
        ``None`` and the reason when the tree does not have the shape; else one entry per
        equilibrium found, ``(behaviour per information set, beliefs, ranges)``, as used by
        :func:`~crisisgames.solvers.bayesian.perfect_bayesian_equilibria`, and a note.
    """
    sig, why = _recognise(tree)
    if sig is None:
        return None, f"mixed equilibria not searched: {why}"
    M = len(sig.messages)
    p1, p2 = sig.prior
    conv: Any = (lambda x: x) if exact else float
    a = [sig.uR[0][m][1] - sig.uR[0][m][0] for m in range(M)]
    b = [sig.uR[1][m][1] - sig.uR[1][m][0] for m in range(M)]
    out = []
    for S1, S2, modes in _patterns(sig):
        solved = _solve_pattern(sig, S1, S2, modes)
        if solved is None:
            continue
        sigma, rho = solved
        var = [(0, m) for m in S1] + [(1, m) for m in S2]
        s_of = {key: sigma.point[k] for k, key in enumerate(var)}
        mixed = [m for m in range(M) if modes[m] == MIX]
        r_of = {m: rho.point[k] for k, m in enumerate(mixed)}
        behaviour: list[tuple[Any, ...]] = [()] * tree.num_infosets
        for t in range(2):
            h = sig.sender_sets[t]
            behaviour[h] = tuple(
                conv(s_of.get((t, sig.messages.index(m)), Fraction(0)))
                for m in tree.infoset_moves(h)
            )
        beliefs = []
        ranges: list[tuple[tuple[str, str], tuple[Any, Any]]] = []
        for m in range(M):
            h = sig.receiver_sets[m]
            if h < 0:
                continue  # the game ends after this message
            rho_m = r_of.get(m, Fraction(0) if modes[m] == R1 else Fraction(1))
            x1, x2 = sig.nodes[0][m], sig.nodes[1][m]
            first = tree.infoset_nodes[h][0]
            # r1, r2 are the set's first and second moves; the belief is in type 2.
            behaviour[h] = (conv(1 - rho_m), conv(rho_m))
            w1, w2 = p1 * s_of.get((0, m), 0), p2 * s_of.get((1, m), 0)
            labels = (tree.node_label(x1), tree.node_label(x2))
            if w1 + w2 > 0:
                mu = w2 / (w1 + w2)
                bel = (1 - mu, mu)
                rng = ((1 - mu, 1 - mu), (mu, mu))
                on = True
            else:
                lo, hi = _belief_range(a[m], b[m], modes[m])  # type: ignore[misc]
                mu = (lo + hi) / 2
                bel, rng, on = (1 - mu, mu), ((1 - hi, 1 - lo), (lo, hi)), False
            if first != x1:  # keep the set's node order
                bel, rng, labels = bel[::-1], rng[::-1], labels[::-1]
            beliefs.append(
                Beliefs(
                    tree.infoset_label(h),
                    tree.players[sig.receiver],
                    labels,
                    on,
                    tuple(conv(x) for x in bel),
                    tuple((conv(lo), conv(hi)) for lo, hi in rng),
                )
            )
            if m in r_of:
                lo, hi = rho.ranges[mixed.index(m)]
                if lo != hi:
                    ranges.append(
                        ((tree.infoset_label(h), tree.infoset_moves(h)[1]), (conv(lo), conv(hi)))
                    )
        for k, (t, m) in enumerate(var):
            lo, hi = sigma.ranges[k]
            if lo != hi:
                ranges.append(
                    (
                        (tree.infoset_label(sig.sender_sets[t]), sig.messages[m]),
                        (conv(lo), conv(hi)),
                    )
                )
        out.append((behaviour, beliefs, tuple(ranges)))
    note = (
        f"mixed: two-type sender-receiver tree ({tree.players[sig.sender]} sends, "
        f"{tree.players[sig.receiver]} responds); all supports and response modes solved"
    )
    return out, note
