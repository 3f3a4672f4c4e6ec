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
    p_index: np.ndarray  # (G, K) int8: x-vertex (0: first action, 1: second, 2: p*, -1: pad)
    q_index: np.ndarray  # (G, K) int8
    degenerate: np.ndarray  # (G,)
    continuum: np.ndarray  # (G,)


def _vertex_code(v: float) -> int:
    """0: first action, 1: second action, 2: the interior point."""
    return 0 if v == 1.0 else (1 if v == 0.0 else 2)


def _tables() -> tuple[np.ndarray, ...]:
    """Lookup tables indexed by the 9-bit set of Nash candidates of a game.

    For every subset ``code`` of the candidates: the number of equilibria, whether two of
    them share a strategy (a continuum), and for each slot k the p- and q-vertex codes of
    the k-th equilibrium in canonical order (-1 past the last).
    """
    n = len(_CANDIDATES)
    codes = np.arange(1 << n)
    members = (codes[:, None] >> np.arange(n)) & 1  # (512, 9)
    count = members.sum(axis=1).astype(np.int8)
    p_codes = np.array([_vertex_code(p) for p, _ in _CANDIDATES])
    q_codes = np.array([_vertex_code(q) for _, q in _CANDIDATES])
    continuum = np.zeros(1 << n, dtype=bool)
    for codes_of in (p_codes, q_codes):
        for v in range(3):
            continuum |= members[:, codes_of == v].sum(axis=1) >= 2
    slot_p = np.full((n, 1 << n), -1, dtype=np.int8)
    slot_q = np.full((n, 1 << n), -1, dtype=np.int8)
    for code in range(1 << n):
        for k, c in enumerate(np.nonzero(members[code])[0]):
            slot_p[k, code], slot_q[k, code] = p_codes[c], q_codes[c]
    return count, continuum, slot_p, slot_q


_COUNT, _CONTINUUM, _SLOT_P, _SLOT_Q = _tables()
_VALUE = np.array([1.0, 0.0, np.nan, np.nan])  # probability of the first action, by code


def _span(U: np.ndarray) -> np.ndarray:
    """max - min of each 2x2 matrix (elementwise maxima: faster than small-axis reductions)."""
    a, b, c, d = U[:, 0, 0], U[:, 0, 1], U[:, 1, 0], U[:, 1, 1]
    return np.maximum(np.maximum(a, b), np.maximum(c, d)) - np.minimum(
        np.minimum(a, b), np.minimum(c, d)
    )


def _snap(v: np.ndarray, eps: np.ndarray) -> np.ndarray:
    """Values within the tolerance of zero count as ties."""
    v[np.abs(v) <= eps] = 0.0
    return v


def _interior(d1: np.ndarray, d0: np.ndarray) -> np.ndarray:
    """Where ``t d1 + (1 - t) d0`` vanishes strictly inside (0, 1), else NaN."""
    with np.errstate(divide="ignore", invalid="ignore"):
        t = d0 / (d0 - d1)
    t[~(d1 * d0 < 0)] = np.nan
    return t


def _solve_2x2(A: np.ndarray, B: np.ndarray, tol: float) -> _Solution2x2:
    """All extreme equilibria of a stack of 2x2 games ``A``, ``B`` of shape (G, 2, 2)."""
    G = A.shape[0]
    # Row player's gain from its first row against each column; column player's gain
    # from its first column against each row.  Gains within tol of the payoff range are
    # ties.
    eps_a, eps_b = tol * _span(A), tol * _span(B)
    a0 = _snap(A[:, 0, 0] - A[:, 1, 0], eps_a)
    a1 = _snap(A[:, 0, 1] - A[:, 1, 1], eps_a)
    b0 = _snap(B[:, 0, 0] - B[:, 0, 1], eps_b)
    b1 = _snap(B[:, 1, 0] - B[:, 1, 1], eps_b)
    p_star = _interior(b0, b1)  # column player indifferent
    q_star = _interior(a0, a1)  # row player indifferent
    has = {"p": ~np.isnan(p_star), "q": ~np.isnan(q_star)}
    # The row player's gain at each q-vertex, the column player's at each p-vertex, as
    # (>= 0, <= 0, == 0) tests; at the interior point the gain is zero by construction.
    row = {1.0: (a0 >= 0, a0 <= 0, a0 == 0), 0.0: (a1 >= 0, a1 <= 0, a1 == 0)}
    col = {1.0: (b0 >= 0, b0 <= 0, b0 == 0), 0.0: (b1 >= 0, b1 <= 0, b1 == 0)}
    code = np.zeros(G, dtype=np.uint16)
    for c, (p, q) in enumerate(_CANDIDATES):
        ge_r, le_r, eq_r = row.get(q, (True, True, True))
        ge_c, le_c, eq_c = col.get(p, (True, True, True))
        row_ok = ge_r if p == 1.0 else (le_r if p == 0.0 else has["p"] & eq_r)
        col_ok = ge_c if q == 1.0 else (le_c if q == 0.0 else has["q"] & eq_c)
        code |= (np.asarray(row_ok & col_ok, dtype=np.uint16)) << np.uint16(c)
    count = _COUNT[code]
    K = int(count.max()) if G else 0
    x = np.empty((G, K, 2))
    y = np.empty((G, K, 2))
    p_index = np.empty((G, K), dtype=np.int8)
    q_index = np.empty((G, K), dtype=np.int8)
    for k in range(K):
        for idx, star, out in ((_SLOT_P, p_star, x), (_SLOT_Q, q_star, y)):
            vcode = idx[k][code]
            prob = _VALUE[vcode]
            np.copyto(prob, star, where=vcode == 2)
            out[:, k, 0] = prob
            out[:, k, 1] = 1.0 - prob
            (p_index if out is x else q_index)[:, k] = vcode
    # A pure strategy with two best responses is the only way a 2x2 game is degenerate.
    degenerate = row[1.0][2] | row[0.0][2] | col[1.0][2] | col[0.0][2]
    return _Solution2x2(count, x, y, p_index, q_index, degenerate, _CONTINUUM[code])


def _payoffs_2x2(A: np.ndarray, B: np.ndarray, x: np.ndarray, y: np.ndarray) -> np.ndarray:
    """Expected payoffs (G, K, 2) of padded strategy arrays (NaN where padded)."""
    return np.stack([np.einsum("gki,gij,gkj->gk", x, U, y) for U in (A, B)], axis=-1)
