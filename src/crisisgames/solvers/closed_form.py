"""Vectorised closed form for all extreme equilibria of 2x2 bimatrix games.

For a 2x2 game let ``p`` be the row player's probability of its first action and ``q`` the
column player's.  With payoffs shifted positive, the nonzero vertices of the row player's
best-response polytope ``P = {x >= 0 : B^T x <= 1}`` are the two pure strategies and, when
the column player's advantage of its first column, ``d_c(p) = p b0 + (1 - p) b1``, changes
sign strictly inside (0, 1), the one point ``p*`` where it vanishes (the two column
constraints meet there).  Likewise for ``q*``.  The extreme equilibria are the candidate
pairs from ``{1, 0, p*} x {1, 0, q*}`` that are Nash equilibria (see
:mod:`crisisgames.solvers.enumeration` for why vertex pairs are exactly the extreme
equilibria), so testing nine candidates per game is complete, degenerate games included.

The candidates are tested in the canonical order of :func:`crisisgames.nash_equilibria`
(pure profiles first, then by decreasing probabilities), so batch and single-game results
list the equilibria in the same order.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from crisisgames.solvers.enumeration import _components

__all__: list[str] = []

_P_STAR = -1.0  # marker for "the interior point" in the candidate table
# (p, q) candidates in canonical order; -1 stands for p* or q*.
_CANDIDATES = (
    (1.0, 1.0),
    (1.0, 0.0),
    (0.0, 1.0),
    (0.0, 0.0),
    (1.0, _P_STAR),
    (_P_STAR, 1.0),
    (_P_STAR, 0.0),
    (0.0, _P_STAR),
    (_P_STAR, _P_STAR),
)


@dataclass(frozen=True)
class _Solution2x2:
    count: np.ndarray  # (G,) int8
    x: np.ndarray  # (G, K, 2), NaN padded
    y: np.ndarray  # (G, K, 2)
    degenerate: np.ndarray  # (G,)
    continuum: np.ndarray  # (G,)
    component: np.ndarray  # (G, K) int8


def _vertex_code(v: float) -> int:
    """0: first action, 1: second action, 2: the interior point."""
    return 0 if v == 1.0 else (1 if v == 0.0 else 2)


@dataclass(frozen=True)
class _Tables:
    """Lookup tables indexed by the 9-bit set ``code`` of a game's Nash candidates.

    Row ``code`` of ``value`` lists, slot by slot in canonical order, each player's
    strategy where it is pure ((0, 1) at the interior point, whose value is filled in per
    game; NaN past the last equilibrium); ``slot_of`` where each candidate is listed;
    ``component`` the slot's connected component.
    """

    count: np.ndarray  # (512,) int8
    continuum: np.ndarray  # (512,) bool
    value: np.ndarray  # (512, 9, 2, 2): slot, player, strategy ((0, 1) at the interior)
    slot_of: np.ndarray  # (9, 512) int8: slot of candidate c in the listing of code (-1: absent)
    component: np.ndarray  # (512, 9) int8: component of each slot's equilibrium (-1 pad)


def _tables() -> _Tables:
    n = len(_CANDIDATES)
    codes = np.arange(1 << n)
    members = (codes[:, None] >> np.arange(n)) & 1  # (512, 9)
    p_codes = np.array([_vertex_code(p) for p, _ in _CANDIDATES])
    q_codes = np.array([_vertex_code(q) for _, q in _CANDIDATES])
    continuum = np.zeros(1 << n, dtype=bool)
    for codes_of in (p_codes, q_codes):
        for v in range(3):
            continuum |= members[:, codes_of == v].sum(axis=1) >= 2
    slot_code = {k: np.full((1 << n, n), -1, dtype=np.int8) for k in "pq"}
    component = np.full((1 << n, n), -1, dtype=np.int8)
    for code in range(1 << n):
        found = np.nonzero(members[code])[0]
        for k, c in enumerate(found):
            slot_code["p"][code, k], slot_code["q"][code, k] = p_codes[c], q_codes[c]
        if len(found):
            vertex = np.stack([p_codes[found], q_codes[found]], axis=1)
            component[code, : len(found)] = _components(vertex)
    # By vertex code 0, 1, 2, -1: first action, second action, interior (its value is
    # filled in per game), padding.
    value = np.array([[1.0, 0.0], [0.0, 1.0], [0.0, 1.0], [np.nan, np.nan]])
    return _Tables(
        members.sum(axis=1).astype(np.int8),
        continuum,
        np.stack([value[slot_code["p"]], value[slot_code["q"]]], axis=2),
        np.where(members.T == 1, np.cumsum(members, axis=1).T - 1, -1).astype(np.int8),
        component,
    )


_T = _tables()
# The candidates whose row (column) strategy is the interior point p* (q*).
_INTERIOR_P = tuple(c for c, (p, _) in enumerate(_CANDIDATES) if p == _P_STAR)
_INTERIOR_Q = tuple(c for c, (_, q) in enumerate(_CANDIDATES) if q == _P_STAR)


Tests = tuple[np.ndarray, np.ndarray, np.ndarray]


def _sign_tests(d1: np.ndarray, d0: np.ndarray, M: np.ndarray, tol: float) -> dict[float, Tests]:
    """(>= 0, <= 0, == 0) for the gains at q = 1 (``d1``) and q = 0 (``d0``), a gain within
    ``tol`` times its game's payoff range counting as zero.

    The per-game range matters only where a gain is that small; the batch's overall range
    bounds every game's, so the exact tests run only on the (usually no) games with a gain
    below ``tol`` times the overall range, and plain sign tests serve the rest.
    """
    bound = tol * (float(M.max()) - float(M.min())) if tol and M.size else 0.0
    out = {}
    for q, d in ((1.0, d1), (0.0, d0)):
        ge, le = d >= 0, d <= 0
        if bound > 0:
            near = np.flatnonzero((d <= bound) & (d >= -bound))
            if len(near):
                eps = tol * _span(M[..., near])
                ge[near] = d[near] >= -eps
                le[near] = d[near] <= eps
        out[q] = (ge, le, ge & le)
    return out


def _interior(
    d1: np.ndarray, d0: np.ndarray, tests: dict[float, Tests]
) -> tuple[np.ndarray, np.ndarray]:
    """Where ``t d1 + (1 - t) d0`` vanishes, and whether that is strictly inside (0, 1).

    It is inside exactly when the two gains have strictly opposite signs (beyond the
    tolerance); ``t`` is meaningless elsewhere and never read there.
    """
    (ge1, le1, _), (ge0, le0, _) = tests[1.0], tests[0.0]
    exists = (~le1 & ~ge0) | (~ge1 & ~le0)
    with np.errstate(divide="ignore", invalid="ignore"):
        return d0 / (d0 - d1), exists


def _span(M: np.ndarray) -> np.ndarray:
    """max - min of each game's matrix, ``M`` of shape (2, 2, G) (reductions over rows of
    contiguous arrays)."""
    flat = M.reshape(4, -1)
    return flat.max(axis=0) - flat.min(axis=0)


def _rows(table: np.ndarray, K: int, code: np.ndarray) -> np.ndarray:
    """``table[code, :K]``, gathered as whole contiguous rows (the fast path)."""
    return np.take(np.ascontiguousarray(table[:, :K]), code, axis=0)


def _strategies(
    code: np.ndarray, stars: tuple[np.ndarray, np.ndarray], K: int
) -> tuple[np.ndarray, np.ndarray]:
    """(G, K, 2) strategies of both players: each slot's pure strategy, or the interior
    point, or NaN.

    One gather of whole table rows writes both players' strategies (they are views of one
    array).  The games with an interior point among their equilibria are few, so they are
    found from the code bits and filled in by index rather than by a pass over every slot.
    """
    both = np.take(np.ascontiguousarray(_T.value[:, :K]), code, axis=0)  # (G, K, 2, 2)
    for i, (interior, star) in enumerate(zip((_INTERIOR_P, _INTERIOR_Q), stars, strict=True)):
        bits = np.uint16(sum(1 << c for c in interior))
        games = np.flatnonzero(code & bits)
        sub, t = code[games], star[games]
        for c in interior:
            slot = _T.slot_of[c][sub]
            present = slot >= 0
            g, k, v = games[present], slot[present], t[present]
            both[g, k, i, 0] = v
            both[g, k, i, 1] = 1.0 - v
    return both[:, :, 0, :], both[:, :, 1, :]


def _solve_2x2(U: np.ndarray, tol: float) -> _Solution2x2:
    """All extreme equilibria of 2x2 games stored game-last, ``U`` of shape (2, 2, 2, G).

    ``U[i, r, c]`` is the contiguous array of player ``i``'s payoffs at ``(r, c)``.
    """
    G = U.shape[-1]
    (a00, a01), (a10, a11) = U[0]
    (b00, b01), (b10, b11) = U[1]
    # Row player's gain from its first row against each column; column player's gain
    # from its first column against each row.  Gains within tol of the payoff range are
    # ties: each gain becomes the tests (>= 0, <= 0, == 0) up to that tolerance.
    a1, a0 = a00 - a10, a01 - a11  # at q = 1 and q = 0
    b1, b0 = b00 - b01, b10 - b11  # at p = 1 and p = 0
    row = _sign_tests(a1, a0, U[0], tol)
    col = _sign_tests(b1, b0, U[1], tol)
    p_star, has_p = _interior(b1, b0, col)  # column player indifferent
    q_star, has_q = _interior(a1, a0, row)  # row player indifferent
    # At the interior points the gain is zero by construction.
    code = np.zeros(G, dtype=np.uint16)
    for c, (p, q) in enumerate(_CANDIDATES):
        ge_r, le_r, eq_r = row.get(q, (True, True, True))
        ge_c, le_c, eq_c = col.get(p, (True, True, True))
        row_ok = ge_r if p == 1.0 else (le_r if p == 0.0 else has_p & eq_r)
        col_ok = ge_c if q == 1.0 else (le_c if q == 0.0 else has_q & eq_c)
        code |= np.asarray(row_ok & col_ok, dtype=np.uint16) << np.uint16(c)
    count = _T.count[code]
    K = int(count.max()) if G else 0
    # A pure strategy with two best responses is the only way a 2x2 game is degenerate.
    degenerate = row[1.0][2] | row[0.0][2] | col[1.0][2] | col[0.0][2]
    x, y = _strategies(code, (p_star, q_star), K)
    return _Solution2x2(
        count,
        x,
        y,
        degenerate,
        _T.continuum[code],
        _rows(_T.component, K, code),
    )
