"""All mixed Nash equilibria of small three-player games, with an honest completeness flag.

Scope
-----
Three players of whom at least one (called ``c`` below) has exactly two actions; the other
two (``a`` and ``b``) have at most :data:`MAX_ACTIONS` actions each.  This covers 2x2x2,
3x3x2 (US, USSR, Cuba), 2x3x3 and so on.  Players with a single action are dropped first,
so a 3x1x2 game is solved as a bimatrix game; two-player games are solved by the same
fixed-``t`` routine below (support enumeration over polytopes).

Method
------
Let ``t`` be ``c``'s probability of its *second* action.  For fixed ``t`` players ``a`` and
``b`` play the bimatrix game ``(A(t), B(t))`` whose matrices are affine in ``t``; ``c``'s
gain from its second action is the bilinear form ``x' D y`` with ``D = C1 - C0``.

``t in {0, 1}``
    ``c`` is pure.  For every support pair ``(S, T)`` of ``a`` and ``b`` (sizes need not be
    equal) the best-response conditions decouple: the ``x`` satisfying ``b``'s indifference
    on ``T`` (and ``b``'s best-response inequalities off ``T``, ``x >= 0``) form a polytope
    ``P_x``, likewise ``P_y``.  Their vertices are enumerated (a polytope of dimension
    ``d`` has every vertex as the solution of ``d`` tight inequalities), and ``c``'s
    condition ``x' D y <= 0`` (``>= 0`` for ``t = 1``) is intersected with ``P_x x P_y``.
    A positive-dimensional result is a genuine continuum of equilibria.

``0 < t < 1``
    ``c`` is indifferent: ``x' D y = 0``.  For a support pair ``(S, T)`` the indifference
    systems ``M_y(t) (y_T, v) = e`` and ``M_x(t) (x_S, w) = e`` have polynomial matrices.
    Their generic structure is determined exactly with polynomial minors (computed by
    Laplace expansion, exact for integer payoffs): generically inconsistent (then only
    the roots of a certifying minor can carry solutions), uniquely solvable, or
    underdetermined.

    * Both unique: by Cramer's rule ``x = N_x(t) / d_x(t)``, ``y = N_y(t) / d_y(t)`` with
      polynomials of degree at most ``min(|S|, |T|)``, and ``c``'s indifference is the
      polynomial ``P(t) = N_x' D N_y``; its real roots in ``(0, 1)`` are candidates.  If
      ``P == 0`` identically, the candidates form a curve in ``t``: the sign conditions
      (``x >= 0``, no profitable deviation) are polynomials whose roots cut ``(0, 1)`` into
      intervals of constant feasibility; a feasible open interval is a continuum.
    * One unique, one underdetermined: ``c``'s indifference is a linear row added to the
      underdetermined system, which is then analysed the same way.
    * Still underdetermined (degenerate games only): the two sides are parametric
      polytopes.  Their vertices solve square subsystems ("bases"); the feasible bases, and
      the signs of ``x' D y`` at pairs of basis solutions, can change only at roots of the
      bases' determinants and residuals, and of those bilinear forms.  One ``t`` inside each
      interval between such roots decides the interval (a feasible interval is a
      continuum).  Bases feasible for no interval of ``t`` contribute only the isolated
      ``t`` where they are feasible.  If a side has more than ``_MAX_BASES`` bases (or the
      pairs exceed ``_MAX_PAIRS``) this is skipped and the result is marked incomplete.

    Every ``t`` where the generic structure may fail (roots of the denominators, of the
    minors that certify inconsistency or rank, of ``P``, and the curve's breakpoints) is
    examined by the exact fixed-``t`` polytope analysis, which also handles unequal
    supports, rank drops and continua at that ``t``.

Every candidate is finally verified on the original payoffs (no player gains more than
``100 * tol`` times its payoff scale from a pure deviation), deduplicated and sorted.

Completeness
------------
``complete`` is ``True`` only if every support system examined had finitely many solutions
(or, for a positive-dimensional system, a feasible part proved empty or a single point) and
all were found.  It is ``False`` for games with a continuum of equilibria (the extreme or
sample points found are still returned, and ``notes`` says where), and when the base
count above is exceeded ("not resolved" in ``notes``).
Root finding is numerical (companion matrices, with multiple roots polished on the
derivative), so the guarantee is up to floating point.

Cost: ``(2^{n_a} - 1)(2^{n_b} - 1)`` support pairs, each needing ``O(n)`` polynomial
determinants of size ``n <= max(n_a, n_b) + 1`` (``O(n^2 2^n)`` polynomial products each)
and polytope vertex enumeration over at most ``C(n_a + n_b, n)`` bases.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field

import numpy as np
from numpy.polynomial import polynomial as npoly
from scipy.linalg import qr

from crisisgames.errors import ShapeError, UnsupportedGameError

__all__ = ["MAX_ACTIONS", "NPlayerSolution"]

#: Largest number of actions allowed for the two players other than the 2-action one.
MAX_ACTIONS = 5

# Fixed, irrational-looking points where generic ranks are read off numerically.
_SAMPLE_TS = (0.2917356829, 0.6180339887, 0.8436259141)
# Singular values below this (relative to the largest, at least 1) count as zero.
_RANK_RTOL = 1e-9
# A computed polynomial is zero if its coefficients are below this times its rounding bound.
_ZERO_RTOL = 1e-10
# Interior values of t closer than this to 0 or 1 are left to the pure-c case.
_EDGE = 1e-9
# At most this many bases per side are examined for a doubly underdetermined system ...
_MAX_BASES = 2000
# ... and at most this many pairs of feasible bases of the two sides.
_MAX_PAIRS = 20000
# Notes kept in a solution (the last one says how many more there were).
_MAX_NOTES = 20
# Profiles closer than this (max norm) are the same equilibrium.
_DEDUP = 1e-6

Profile = tuple[np.ndarray, ...]
# (E, f, H, g): the polytope {z : E z = f, H z <= g}.
_PolytopeData = tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]


@dataclass(frozen=True)
class NPlayerSolution:
    """Equilibria of a small N-player game and whether the list is complete.

    Attributes
    ----------
    profiles
        Each equilibrium as one ``float64`` probability vector per player.
    complete
        ``True`` only if every support system examined had finitely many solutions and all
        of them were found; ``False`` when a continuum was found (its extreme or sample
        points are among ``profiles``) or a system could not be resolved.
    notes
        Why the enumeration is incomplete (supports and where), empty when complete.

    Examples
    --------
    >>> import numpy as np
    >>> sol = NPlayerSolution(((np.array([1.0]), np.array([0.0, 1.0])),), True, ())
    >>> sol.complete, len(sol.profiles)
    (True, 1)
    """

    profiles: tuple[Profile, ...]
    complete: bool
    notes: tuple[str, ...]


# ---------------------------------------------------------------------------- regret
def _action_values(U: np.ndarray, profile: Profile, i: int) -> np.ndarray:
    """Expected payoff of each pure action of player ``i`` against the others' mixtures."""
    v = np.asarray(U[i], dtype=np.float64)
    for j in reversed(range(U.shape[0])):  # contract from the last axis: lower ones keep index
        if j != i:
            v = np.tensordot(v, np.asarray(profile[j], dtype=np.float64), axes=([j], [0]))
    return np.asarray(v, dtype=np.float64)


def _regret(U: np.ndarray, profile: Profile) -> np.ndarray:
    """Each player's largest gain from a pure deviation (zero at a Nash equilibrium).

    Parameters
    ----------
    U
        Payoffs of shape ``(N, n_1, ..., n_N)``.
    profile
        One probability vector per player.

    Returns
    -------
    numpy.ndarray
        Shape ``(N,)``, non-negative up to rounding.

    Examples
    --------
    >>> import numpy as np
    >>> A = np.array([[1.0, -1.0], [-1.0, 1.0]])
    >>> U = np.stack([A, -A])                       # matching pennies
    >>> _regret(U, (np.array([0.5, 0.5]), np.array([0.5, 0.5]))).tolist()
    [0.0, 0.0]
    >>> _regret(U, (np.array([1.0, 0.0]), np.array([1.0, 0.0]))).tolist()
    [0.0, 2.0]
    """
    out = np.empty(U.shape[0])
    for i in range(U.shape[0]):
        vals = _action_values(U, profile, i)
        out[i] = float(vals.max() - vals @ np.asarray(profile[i], dtype=np.float64))
    return out


# ---------------------------------------------------------------------------- polynomials
# A polynomial is a 1-D array of coefficients in ascending order; a polynomial matrix is an
# array of shape (m, n, L).  Each computed polynomial travels with a bound on the l1 norm of
# the terms summed to make it, which is the scale of its rounding error: it is "zero" when its
# coefficients are below _ZERO_RTOL times that bound (exactly zero for integer payoffs).


def _trim(p: np.ndarray) -> np.ndarray:
    """Drop trailing exact zeros (keep at least one coefficient)."""
    p = np.atleast_1d(np.asarray(p, dtype=np.float64))
    nz = np.flatnonzero(p)
    return p[: nz[-1] + 1] if nz.size else np.zeros(1)


def _padd(p: np.ndarray, q: np.ndarray) -> np.ndarray:
    n = max(p.size, q.size)
    out = np.zeros(n)
    out[: p.size] += p
    out[: q.size] += q
    return out


def _is_zero(p: np.ndarray, bound: float) -> bool:
    return bound == 0.0 or float(np.abs(p).max()) <= _ZERO_RTOL * bound


def _peval(M: np.ndarray, t: float) -> np.ndarray:
    """Evaluate a polynomial matrix (..., L) at ``t``."""
    powers = t ** np.arange(M.shape[-1])
    return np.asarray(M @ powers, dtype=np.float64)


def _pdet_batch(M: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Determinants of a batch of square polynomial matrices ``(b, n, n, L)``.

    Laplace expansion row by row, memoising on the set of columns used (``O(n 2^n L)``
    array operations for the whole batch); exact when the coefficients are integers.
    Returns the coefficients ``(b, n (L - 1) + 1)`` and, per determinant, the l1 norm of all
    the expansion's terms: the scale of its rounding error.
    """
    b, n = M.shape[0], M.shape[1]
    L = M.shape[3]
    width = n * (L - 1) + 1
    start = np.zeros((b, width))
    start[:, 0] = 1.0
    mag = np.abs(M).sum(axis=3)
    layer: dict[int, tuple[np.ndarray, np.ndarray]] = {0: (start, np.ones(b))}
    for i in range(n):
        nxt: dict[int, tuple[np.ndarray, np.ndarray]] = {}
        for mask, (val, bnd) in layer.items():
            for j in range(n):
                bit = 1 << j
                ent = M[:, i, j, :]
                if mask & bit or not ent.any():
                    continue
                term = np.zeros((b, width))
                for a in range(L):  # polynomial product, one coefficient of the entry at a time
                    if ent[:, a].any():
                        term[:, a:] += val[:, : width - a] * ent[:, a : a + 1]
                if bin(mask >> (j + 1)).count("1") & 1:  # inversions with columns used before
                    term = -term
                tb = bnd * mag[:, i, j]
                key = mask | bit
                if key in nxt:
                    old, obnd = nxt[key]
                    nxt[key] = (old + term, obnd + tb)
                else:
                    nxt[key] = (term, tb)
        layer = nxt
    return layer.get((1 << n) - 1, (np.zeros((b, width)), np.zeros(b)))


def _pdet(M: np.ndarray) -> tuple[np.ndarray, float]:
    """Determinant of one square polynomial matrix ``(n, n, L)`` and its rounding bound."""
    vals, bounds = _pdet_batch(M[None])
    return _trim(vals[0]), float(bounds[0])


def _cramer_batch(M: np.ndarray, rhs: np.ndarray) -> tuple[np.ndarray, ...]:
    """Cramer's rule for a batch of square polynomial systems ``M z = rhs`` (constant rhs).

    Returns ``(den, den_bound, nums, num_bounds)`` with shapes ``(b, w)``, ``(b,)``,
    ``(b, n, w)``, ``(b, n)``: ``z_i = nums[:, i] / den``.
    """
    b, n, _, L = M.shape
    variants = np.repeat(M[:, None], n + 1, axis=1)  # (b, n + 1, n, n, L)
    for i in range(n):
        variants[:, i + 1, :, i, :] = 0.0
        variants[:, i + 1, :, i, 0] = rhs
    vals, bounds = _pdet_batch(variants.reshape(b * (n + 1), n, n, L))
    vals = vals.reshape(b, n + 1, -1)
    bounds = bounds.reshape(b, n + 1)
    return vals[:, 0], bounds[:, 0], vals[:, 1:], bounds[:, 1:]


def _generic_rank(M: np.ndarray) -> int:
    """Rank of a polynomial matrix at generic ``t`` (largest rank over the sample points)."""
    return max(_num_rank(_peval(M, t)) for t in _SAMPLE_TS)


def _num_rank(X: np.ndarray) -> int:
    if X.size == 0:
        return 0
    s = np.linalg.svd(X, compute_uv=False)
    return int(np.sum(s > _RANK_RTOL * max(1.0, float(s[0]))))


def _pivots(X: np.ndarray, r: int) -> list[int]:
    """Indices of ``r`` linearly independent rows of ``X`` (QR with column pivoting)."""
    _, _, piv = qr(X.T, pivoting=True, mode="economic")
    return sorted(int(p) for p in piv[:r])


def _nonzero_minor(M: np.ndarray, r: int) -> tuple[np.ndarray, float] | None:
    """Some ``r x r`` minor of ``M`` that is not the zero polynomial (``None`` if none is)."""
    m, n, _ = M.shape
    X = _peval(M, _SAMPLE_TS[0])
    rows = _pivots(X, r)
    cols = _pivots(X[rows].T, r)
    p, b = _pdet(M[np.ix_(rows, cols)])
    if not _is_zero(p, b):
        return p, b
    for rows_t in itertools.combinations(range(m), r):  # unlucky sample point: search
        for cols_t in itertools.combinations(range(n), r):
            p, b = _pdet(M[np.ix_(rows_t, cols_t)])
            if not _is_zero(p, b):
                return p, b
    return None


def _real_roots(p: np.ndarray, bound: float, lo: float = 0.0, hi: float = 1.0) -> list[float]:
    """Real roots of a nonzero polynomial in ``[lo, hi]`` (generous: extra values are harmless).

    Roots with a small imaginary part are kept (a double root splits into a complex pair
    under rounding).  Each root is also polished by Newton's method on ``p^(m-1)``, where
    ``m`` counts the computed roots nearby: a root of multiplicity ``m`` of ``p`` is a simple
    root of that derivative, so it is found to full accuracy.
    """
    p = np.array(p, dtype=np.float64)
    small = np.abs(p) <= _ZERO_RTOL * bound
    while p.size > 1 and small[p.size - 1]:
        p = p[:-1]
    if p.size < 2:
        return []
    raw = npoly.polyroots(p)
    out: list[float] = []
    for r in raw:
        if abs(r.imag) > 1e-3 or not (lo - 1e-3 <= r.real <= hi + 1e-3):
            continue
        m = int(np.sum(np.abs(raw - r) < 1e-3))
        out.append(float(r.real))
        q = npoly.polyder(p, m - 1) if m > 1 else p
        dq = npoly.polyder(q)
        x = float(r.real)
        for _ in range(30):
            d = float(npoly.polyval(x, dq))
            if d == 0.0:
                break
            step = float(npoly.polyval(x, q)) / d
            x -= step
            if abs(step) < 1e-16 or abs(x - r.real) > 1e-2:
                break
        if abs(x - r.real) <= 1e-2:
            out.append(x)
    return sorted({min(max(v, lo), hi) for v in out})


# ---------------------------------------------------------------------------- polytopes
def _affine_solve(E: np.ndarray, f: np.ndarray, tol: float) -> tuple[np.ndarray, np.ndarray] | None:
    """Solutions of ``E z = f`` as ``z0 + N u`` (``N`` orthonormal), or ``None`` if none."""
    n = E.shape[1]
    if E.shape[0] == 0:
        return np.zeros(n), np.eye(n)
    u, s, vt = np.linalg.svd(E)
    r = int(np.sum(s > _RANK_RTOL * max(1.0, float(s[0]))))
    z0 = vt[:r].T @ ((u[:, :r].T @ f) / s[:r])
    if np.abs(E @ z0 - f).max() > tol:
        return None
    return z0, vt[r:].T


def _vertices(E: np.ndarray, f: np.ndarray, H: np.ndarray, g: np.ndarray, tol: float) -> np.ndarray:
    """Vertices of the polytope ``{z : E z = f, H z <= g}``, shape ``(v, n)`` (``v = 0``: empty).

    The polytope must be bounded (here: probabilities and the payoffs they determine).
    """
    n = E.shape[1]
    sol = _affine_solve(E, f, tol)
    if sol is None:
        return np.zeros((0, n))
    z0, N = sol
    d = N.shape[1]
    slack = g - H @ z0
    if d == 0:
        return z0[None] if np.all(slack >= -tol) else np.zeros((0, n))
    HN = H @ N
    found: list[np.ndarray] = []
    for rows in itertools.combinations(range(H.shape[0]), d):
        Q = HN[list(rows)]
        if np.linalg.svd(Q, compute_uv=False)[-1] <= _RANK_RTOL:
            continue
        u = np.linalg.solve(Q, slack[list(rows)])
        if np.all(HN @ u <= slack + tol):
            z = z0 + N @ u
            if not any(np.abs(z - w).max() <= 1e-9 for w in found):
                found.append(z)
    return np.array(found).reshape(len(found), n)


def _affine_dim(V: np.ndarray) -> int:
    """Dimension of the affine hull of the rows of ``V`` (at least one row)."""
    if V.shape[0] <= 1:
        return 0
    s = np.linalg.svd(V[1:] - V[0], compute_uv=False)
    return int(np.sum(s > 1e-7))


# ---------------------------------------------------------------------------- fixed t
@dataclass
class _Found:
    """Candidates ``(x, y, t)`` and the completeness verdict, gathered across supports."""

    cands: list[tuple[np.ndarray, np.ndarray, float]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    complete: bool = True

    def flag(self, note: str) -> None:
        self.complete = False
        if note not in self.notes:
            self.notes.append(note)


def _side(P: np.ndarray, S: tuple[int, ...], T: tuple[int, ...]) -> _PolytopeData:
    """Polytope data for the mixture on ``T`` that makes the other player indifferent on ``S``.

    ``P`` is the *other* player's payoff matrix with its own actions as rows.  Unknowns are
    ``(y_T, v)``: ``P[S, T] y_T = v``, ``sum y_T = 1``, ``y_T >= 0`` and ``P[i, T] y_T <= v``
    for the other player's actions ``i`` outside ``S``.
    """
    k, nt = len(S), len(T)
    E = np.zeros((k + 1, nt + 1))
    E[:k, :nt] = P[np.ix_(S, T)]
    E[:k, nt] = -1.0
    E[k, :nt] = 1.0
    f = np.zeros(k + 1)
    f[k] = 1.0
    off = [i for i in range(P.shape[0]) if i not in S]
    H = np.zeros((nt + len(off), nt + 1))
    H[:nt, :nt] = -np.eye(nt)
    for r, i in enumerate(off):
        H[nt + r, :nt] = P[i, list(T)]
        H[nt + r, nt] = -1.0
    return E, f, H, np.zeros(H.shape[0])


def _with_row(data: _PolytopeData, row: np.ndarray, equality: bool) -> _PolytopeData:
    """Add ``row . z = 0`` (or ``<= 0``) to polytope data ``(E, f, H, g)``."""
    E, f, H, g = data
    if equality:
        return np.vstack([E, row]), np.append(f, 0.0), H, g
    return E, f, np.vstack([H, row]), np.append(g, 0.0)


def _fixed_t(
    At: np.ndarray,
    Bt: np.ndarray,
    D: np.ndarray | None,
    S: tuple[int, ...],
    T: tuple[int, ...],
    mode: str,
    tol: float,
) -> tuple[list[tuple[np.ndarray, np.ndarray]], str]:
    """Equilibria of the bimatrix game ``(At, Bt)`` with supports in ``(S, T)``, plus ``c``.

    ``mode`` is ``"eq"`` (``x' D y = 0``: ``c`` mixes), ``"le"`` (``<= 0``: ``c`` plays its
    first action), ``"ge"`` (``>= 0``: its second) or ``"none"`` (two-player game).  Returns
    the (extreme or sample) equilibria as full vectors and a status: ``"finite"`` (all found)
    or ``"continuum"`` (a positive-dimensional set of equilibria exists).
    """
    k, nt = len(S), len(T)
    xdata = _side(Bt.T, T, S)  # x makes b indifferent on T
    ydata = _side(At, S, T)  # y makes a indifferent on S
    Vx = _vertices(*xdata, tol)
    if Vx.shape[0] == 0:
        return [], "finite"
    Vy = _vertices(*ydata, tol)
    if Vy.shape[0] == 0:
        return [], "finite"

    def full(z: np.ndarray, supp: tuple[int, ...], n: int) -> np.ndarray:
        out = np.zeros(n)
        out[list(supp)] = z[: len(supp)]
        return out

    na, nb = At.shape

    def pairs(X: np.ndarray, Y: np.ndarray) -> list[tuple[np.ndarray, np.ndarray]]:
        return [(full(zx, S, na), full(zy, T, nb)) for zx in X for zy in Y]

    dx, dy = _affine_dim(Vx), _affine_dim(Vy)
    if mode == "none" or D is None:
        return pairs(Vx, Vy), ("continuum" if dx + dy > 0 else "finite")
    Dst = D[np.ix_(S, T)]
    eq = mode == "eq"
    sign = -1.0 if mode == "ge" else 1.0  # the condition is sign * x'Dy <= 0 (or == 0)
    if dx == 0 and dy == 0:
        val = float(Vx[0, :k] @ Dst @ Vy[0, :nt])
        ok = abs(val) <= tol if eq else sign * val <= tol
        return (pairs(Vx, Vy) if ok else []), "finite"
    if dx == 0 or dy == 0:
        # c's condition is linear in the free side: intersect its polytope with it.
        if dx == 0:
            row = np.append(Dst.T @ Vx[0, :k], 0.0) * (1.0 if eq else sign)
            W = _vertices(*_with_row(ydata, row, eq), tol)
            found = pairs(Vx, W)
        else:
            row = np.append(Dst @ Vy[0, :nt], 0.0) * (1.0 if eq else sign)
            W = _vertices(*_with_row(xdata, row, eq), tol)
            found = pairs(W, Vy)
        if W.shape[0] == 0:
            return [], "finite"
        return found, ("continuum" if _affine_dim(W) > 0 else "finite")
    # Both sides positive-dimensional: x'Dy is bilinear on P_x x P_y, so its range is
    # spanned by the vertex pairs, and the product (dimension >= 2) is connected.
    F = Vx[:, :k] @ Dst @ Vy[:, :nt].T
    if eq:
        if F.min() > tol or F.max() < -tol:
            return [], "finite"
        if (F.min() < -tol and F.max() > tol) or F.max() - F.min() <= tol:
            # Both signs (the zero set separates the product) or zero throughout.
            found = []
            for zx in Vx:  # sample points: each x-vertex with the y's that make c indifferent
                row = np.append(Dst.T @ zx[:k], 0.0)
                found += pairs(zx[None], _vertices(*_with_row(ydata, row, True), tol))
            return found, "continuum"
        h = F if F.min() >= -tol else -F  # one sign: the zero set is where h >= 0 is least
    else:
        h = sign * F
        if h.min() > tol:
            return [], "finite"
        if h.min() < -tol or h.max() <= tol:  # strictly negative somewhere, or zero throughout
            ii, jj = np.nonzero(h <= tol)
            found = [(full(Vx[i], S, na), full(Vy[j], T, nb)) for i, j in zip(ii, jj, strict=True)]
            return found, "continuum"
        # here h >= 0 on the product and touches 0: the condition holds only where h = 0.
    # Zero set of a bilinear h >= 0 on P_x x P_y: for a vertex x_v of P_x, {y : h(x_v, y) = 0}
    # is a face of P_y, and every y of the zero set lies in such a face (h(., y) is least at a
    # vertex).  So the zero set is infinite iff one of these faces (or the symmetric ones for
    # y-vertices) is not a single point; otherwise it is the vertex pairs where h = 0.
    for i in range(Vx.shape[0]):
        if h[i].min() <= tol:
            row = np.append(Dst.T @ Vx[i, :k], 0.0)
            if _affine_dim(_vertices(*_with_row(ydata, row, True), tol)) > 0:
                return pairs(Vx[i : i + 1], Vy[h[i] <= tol]), "continuum"
    for j in range(Vy.shape[0]):
        if h[:, j].min() <= tol:
            row = np.append(Dst @ Vy[j, :nt], 0.0)
            if _affine_dim(_vertices(*_with_row(xdata, row, True), tol)) > 0:
                return pairs(Vx[h[:, j] <= tol], Vy[j : j + 1]), "continuum"
    ii, jj = np.nonzero(h <= tol)
    found = [(full(Vx[i], S, na), full(Vy[j], T, nb)) for i, j in zip(ii, jj, strict=True)]
    return found, "finite"


# ---------------------------------------------------------------------------- parametric
@dataclass(frozen=True)
class _Generic:
    """Structure of a polynomial linear system ``M(t) z = e_last`` at generic ``t``."""

    kind: str  # "inconsistent", "unique" or "family"
    exceptional: tuple[tuple[np.ndarray, float], ...]  # polynomials vanishing where it may fail
    num: tuple[np.ndarray, ...] = ()  # unique: z_i = num[i] / den
    num_bounds: tuple[float, ...] = ()
    den: np.ndarray = field(default_factory=lambda: np.ones(1))


def _analyze(M: np.ndarray) -> _Generic:
    """Classify ``M(t) z = e_last`` for generic ``t`` (see :class:`_Generic`)."""
    m, n, L = M.shape
    rhs = np.zeros((m, 1, L))
    rhs[-1, 0, 0] = 1.0
    aug = np.concatenate([M, rhs], axis=1)
    r, r_aug = _generic_rank(M), _generic_rank(aug)
    if r_aug > r:
        minor = _nonzero_minor(aug, r + 1)
        return _Generic("inconsistent", (minor,) if minor else ())
    if r < n:
        minor = _nonzero_minor(M, r)
        return _Generic("family", (minor,) if minor else ())
    rows = _pivots(_peval(M, _SAMPLE_TS[0]), n)
    den, dbound = _pdet(M[rows])
    if _is_zero(den, dbound):
        for rows_t in itertools.combinations(range(m), n):
            den, dbound = _pdet(M[list(rows_t)])
            if not _is_zero(den, dbound):
                rows = list(rows_t)
                break
    sub = M[rows]
    _, _, numarr, numb = _cramer_batch(sub[None], rhs[rows, 0, 0])
    nums = [_trim(p) for p in numarr[0]]
    bounds = [float(v) for v in numb[0]]
    # The other rows must hold identically; if not, the sampled ranks were unlucky and the
    # system is consistent only where a residual (or the denominator) vanishes.
    for i in (i for i in range(m) if i not in rows):
        res, rb = -rhs[i, 0, 0] * den, abs(rhs[i, 0, 0]) * dbound
        for j in range(n):
            res = _padd(res, np.convolve(_trim(M[i, j]), nums[j]))
            rb += float(np.abs(M[i, j]).sum()) * bounds[j]
        if not _is_zero(res, rb):
            return _Generic("inconsistent", ((res, rb), (den, dbound)))
    return _Generic("unique", ((den, dbound),), tuple(nums), tuple(bounds), den)


def _system(P: np.ndarray, S: tuple[int, ...], T: tuple[int, ...]) -> np.ndarray:
    """Polynomial matrix ``[[P[S, T](t), -1], [1, 0]]`` for a payoff polynomial matrix ``P``."""
    k, nt, L = len(S), len(T), P.shape[2]
    M = np.zeros((k + 1, nt + 1, L))
    M[:k, :nt] = P[np.ix_(S, T)]
    M[:k, nt, 0] = -1.0
    M[k, :nt, 0] = 1.0
    return M


def _bilinear(
    D: np.ndarray,
    xs: tuple[np.ndarray, ...],
    xb: tuple[float, ...],
    ys: tuple[np.ndarray, ...],
    yb: tuple[float, ...],
) -> tuple[np.ndarray, float]:
    """``sum_ij D[i, j] xs[i] ys[j]`` for polynomials, with its rounding bound."""
    out, bound = np.zeros(1), 0.0
    for i, j in itertools.product(range(D.shape[0]), range(D.shape[1])):
        if D[i, j] != 0.0:
            out = _padd(out, D[i, j] * np.convolve(xs[i], ys[j]))
            bound += abs(D[i, j]) * xb[i] * yb[j]
    return out, bound


def _linear_row(D: np.ndarray, nums: tuple[np.ndarray, ...], n_out: int) -> np.ndarray:
    """The polynomial row ``(sum_i D[i, j] nums[i])_j`` followed by a zero (for ``v``/``w``)."""
    L = max(p.size for p in nums)
    row = np.zeros((1, n_out + 1, L))
    for j in range(n_out):
        for i, p in enumerate(nums):
            row[0, j, : p.size] += D[i, j] * p
    return row


def _pad(M: np.ndarray, L: int) -> np.ndarray:
    if M.shape[2] >= L:
        return M
    out = np.zeros((*M.shape[:2], L))
    out[..., : M.shape[2]] = M
    return out


def _breakpoints(
    A: np.ndarray,
    B: np.ndarray,
    S: tuple[int, ...],
    T: tuple[int, ...],
    gx: _Generic,
    gy: _Generic,
) -> list[float]:
    """Where the feasibility of the rational curve ``(x(t), y(t))`` may change sign."""
    k, nt = len(S), len(T)
    polys: list[tuple[np.ndarray, float]] = [*gx.exceptional, *gy.exceptional]  # denominators
    polys += list(zip(gx.num[:k], gx.num_bounds[:k], strict=True))
    polys += list(zip(gy.num[:nt], gy.num_bounds[:nt], strict=True))
    for j in (j for j in range(B.shape[1]) if j not in T):  # b's deviations to j
        p, b = -gx.num[k], gx.num_bounds[k]
        for r, i in enumerate(S):
            p = _padd(p, np.convolve(_trim(B[i, j]), gx.num[r]))
            b += float(np.abs(B[i, j]).sum()) * gx.num_bounds[r]
        polys.append((p, b))
    for i in (i for i in range(A.shape[0]) if i not in S):  # a's deviations to i
        p, b = -gy.num[nt], gy.num_bounds[nt]
        for r, j in enumerate(T):
            p = _padd(p, np.convolve(_trim(A[i, j]), gy.num[r]))
            b += float(np.abs(A[i, j]).sum()) * gy.num_bounds[r]
        polys.append((p, b))
    out: set[float] = set()
    for p, b in polys:
        if not _is_zero(p, b):
            out.update(_real_roots(p, b))
    return sorted(out)


@dataclass(frozen=True)
class _Game3:
    """A three-player game seen as ``a`` (rows), ``b`` (columns) and ``c`` (mixing ``t``)."""

    A: np.ndarray  # (n_a, n_b, 2): a's payoff A[..., 0] + t A[..., 1]
    B: np.ndarray  # (n_a, n_b, 2): b's payoff
    D: np.ndarray  # (n_a, n_b): c's gain from its second action
    names: tuple[int, int, int]  # original indices of a, b, c

    def at(self, t: float) -> tuple[np.ndarray, np.ndarray]:
        return self.A[..., 0] + t * self.A[..., 1], self.B[..., 0] + t * self.B[..., 1]


def _where(g: _Game3, S: tuple[int, ...], T: tuple[int, ...], t: str) -> str:
    a, b, c = g.names
    return (
        f"player {a} on actions {list(S)}, player {b} on actions {list(T)}, "
        f"player {c} playing its action 1 with probability {t}"
    )


def _at_t(
    g: _Game3,
    S: tuple[int, ...],
    T: tuple[int, ...],
    t: float,
    mode: str,
    found: _Found,
    tol: float,
) -> None:
    """Run the fixed-``t`` analysis and record its candidates and verdict."""
    At, Bt = g.at(t)
    cands, status = _fixed_t(At, Bt, g.D, S, T, mode, tol)
    found.cands += [(x, y, t) for x, y in cands]
    if status == "continuum":
        found.flag(
            "continuum of equilibria (extreme/sample points listed) with "
            + _where(g, S, T, f"{t:.6g}")
        )


def _interior(g: _Game3, S: tuple[int, ...], T: tuple[int, ...], found: _Found, tol: float) -> None:
    """All equilibria with supports ``(S, T)`` where ``c`` mixes (``0 < t < 1``)."""
    k, nt = len(S), len(T)
    gy = _analyze(_system(g.A, S, T))
    gx = _analyze(_system(np.transpose(g.B, (1, 0, 2)), T, S))
    special: list[tuple[np.ndarray, float]] = [*gx.exceptional, *gy.exceptional]
    ts: set[float] = set()
    curve: tuple[_Generic, _Generic] | None = None
    unresolved = False
    Dst = g.D[np.ix_(S, T)]
    if "inconsistent" in (gx.kind, gy.kind):
        pass  # solutions only at the exceptional t
    elif gx.kind == "unique" and gy.kind == "unique":
        P, pb = _bilinear(Dst, gx.num[:k], gx.num_bounds[:k], gy.num[:nt], gy.num_bounds[:nt])
        if _is_zero(P, pb):
            curve = (gx, gy)  # c is indifferent all along the curve
        else:
            special.append((P, pb))
    elif gx.kind == "unique":  # y underdetermined: add c's indifference as a row
        row = _linear_row(Dst, gx.num[:k], nt)
        My = _system(g.A, S, T)
        L = max(My.shape[2], row.shape[2])
        My = _pad(My, L)  # c's row goes before the sum row, which must stay last
        gy2 = _analyze(np.concatenate([My[:-1], _pad(row, L), My[-1:]], axis=0))
        special += list(gy2.exceptional)
        if gy2.kind == "unique":
            curve = (gx, gy2)
        unresolved = gy2.kind == "family"
    elif gy.kind == "unique":  # x underdetermined
        row = _linear_row(Dst.T, gy.num[:nt], k)
        Mx = _system(np.transpose(g.B, (1, 0, 2)), T, S)
        L = max(Mx.shape[2], row.shape[2])
        Mx = _pad(Mx, L)
        gx2 = _analyze(np.concatenate([Mx[:-1], _pad(row, L), Mx[-1:]], axis=0))
        special += list(gx2.exceptional)
        if gx2.kind == "unique":
            curve = (gx2, gy)
        unresolved = gx2.kind == "family"
    else:
        unresolved = True
    for p, b in special:
        if not _is_zero(p, b):
            ts.update(_real_roots(p, b))
    if curve is not None:
        cuts = _breakpoints(g.A, g.B, S, T, curve[0], curve[1])
        ts.update(cuts)
        _scan(g, S, T, cuts, found, tol)
    if unresolved:
        cuts_or_none = _fallback_cuts(g, S, T, tol)
        if cuts_or_none is None:  # too many bases to examine: say so
            for t in (0.25, 0.5, 0.75):  # sample points, for the record
                _at_t(g, S, T, t, "eq", found, tol)
            found.flag(
                "support system underdetermined for every t, not resolved: "
                + _where(g, S, T, "in (0, 1)")
            )
        else:
            ts.update(cuts_or_none)
            _scan(g, S, T, cuts_or_none, found, tol)
    for t in sorted(ts):
        if _EDGE < t < 1.0 - _EDGE:
            _at_t(g, S, T, t, "eq", found, tol)


def _scan(
    g: _Game3, S: tuple[int, ...], T: tuple[int, ...], cuts: list[float], found: _Found, tol: float
) -> None:
    """Test one ``t`` inside each interval between ``cuts``, where feasibility is constant.

    The caller guarantees that whether the supports ``(S, T)`` admit an equilibrium cannot
    change between consecutive cuts; so an equilibrium at the midpoint means one at every
    ``t`` of the open interval: a continuum.
    """
    edges = sorted({0.0, 1.0, *(c for c in cuts if 0.0 < c < 1.0)})
    for lo, hi in itertools.pairwise(edges):
        if hi - lo <= 2 * _EDGE:
            continue
        sample = _Found()
        _at_t(g, S, T, 0.5 * (lo + hi), "eq", sample, tol)
        if sample.cands:
            found.cands += sample.cands
            found.flag(
                "continuum of equilibria (sample points listed) with "
                + _where(g, S, T, f"in ({lo:.6g}, {hi:.6g})")
            )
        elif not sample.complete:
            for note in sample.notes:
                found.flag(note)


def _side_rows(
    P: np.ndarray, S: tuple[int, ...], T: tuple[int, ...]
) -> tuple[np.ndarray, np.ndarray]:
    """Every constraint of one side (see :func:`_side`) as rows of a polynomial matrix.

    Rows: the indifference equations, the sum, then ``-y_j <= 0`` and the deviations.
    """
    k, nt, L = len(S), len(T), P.shape[2]
    off = [i for i in range(P.shape[0]) if i not in S]
    M = np.zeros((k + 1 + nt + len(off), nt + 1, L))
    rhs = np.zeros(M.shape[0])
    M[:k, :nt] = P[np.ix_(S, T)]
    M[:k, nt, 0] = -1.0
    M[k, :nt, 0] = 1.0
    rhs[k] = 1.0
    M[k + 1 : k + 1 + nt, :nt, 0] = -np.eye(nt)
    for r, i in enumerate(off):
        M[k + 1 + nt + r, :nt] = P[i, list(T)]
        M[k + 1 + nt + r, nt, 0] = -1.0
    return M, rhs


@dataclass(frozen=True)
class _SideCuts:
    """What the fallback needs from one side's parametric polytope (see :func:`_side_cuts`)."""

    cuts: frozenset[float]  # t where the set of feasible bases may change
    nums: np.ndarray  # (alive bases, unknowns - 1, width): numerators of the probabilities
    bounds: np.ndarray  # (alive bases, unknowns - 1)


def _side_cuts(M: np.ndarray, rhs: np.ndarray, neq: int, tol: float) -> _SideCuts | None:
    """Where the vertices of ``{z : M_i(t) z = rhs_i (i < neq), M_i(t) z <= rhs_i}`` change.

    A vertex solves a nonsingular square subsystem (a basis ``R``) and satisfies the other
    rows.  A basis whose solution violates an equality row at generic ``t`` is feasible only
    at roots of that residual: those roots (where it is feasible) are returned as cuts.
    Otherwise its feasibility can change only at roots of its determinant and residuals:
    if it is feasible somewhere in between ("alive") all those roots are cuts and its
    solution is returned for the bilinear condition.  ``None`` if there are too many bases.
    """
    m, n, L = M.shape
    combos = list(itertools.combinations(range(m), n))
    if len(combos) > _MAX_BASES:
        return None
    R = np.array(combos, dtype=np.intp)
    den, dbd, nums, nbd = _cramer_batch(M[R], rhs[R])
    w = den.shape[1]
    # Residuals M_i z - rhs_i, times den, for every row and basis at once.
    res = np.zeros((len(combos), m, w + L - 1))
    for a in range(L):
        res[:, :, a : a + w] += np.einsum("ij,bjw->biw", M[:, :, a], nums)
    res[:, :, :w] -= rhs[None, :, None] * den[:, None, :]
    rbd = np.einsum("ij,bj->bi", np.abs(M).sum(axis=2), nbd) + np.abs(rhs)[None] * dbd[:, None]
    cuts: set[float] = set()
    alive: list[int] = []

    def feasible(b: int, t: float) -> bool:
        d = float(npoly.polyval(t, den[b]))
        if abs(d) <= _ZERO_RTOL * dbd[b]:
            return False
        z = npoly.polyval(t, nums[b].T) / d
        r = _peval(M, t) @ z - rhs
        return bool(np.all(np.abs(r[:neq]) <= tol) and np.all(r[neq:] <= tol))

    for b, rows in enumerate(combos):
        if _is_zero(den[b], dbd[b]):
            continue
        others = [i for i in range(m) if i not in rows]
        broken = [i for i in others if i < neq and not _is_zero(res[b, i], rbd[b, i])]
        if broken:  # an equality fails at generic t: only its roots can be feasible
            cuts.update(
                t for t in _real_roots(res[b, broken[0]], rbd[b, broken[0]]) if feasible(b, t)
            )
            continue
        own = set(_real_roots(den[b], dbd[b]))
        for i in others:
            if i >= neq and not _is_zero(res[b, i], rbd[b, i]):
                own.update(_real_roots(res[b, i], rbd[b, i]))
        edges = sorted({0.0, 1.0, *(c for c in own if 0.0 < c < 1.0)})
        if any(feasible(b, 0.5 * (lo + hi)) for lo, hi in itertools.pairwise(edges)):
            alive.append(b)
            cuts.update(own)
        else:
            cuts.update(t for t in own if feasible(b, t))
    keep = np.array(alive, dtype=np.intp)
    return _SideCuts(frozenset(cuts), nums[keep, :-1], nbd[keep, :-1])


def _fallback_cuts(
    g: _Game3, S: tuple[int, ...], T: tuple[int, ...], tol: float
) -> list[float] | None:
    """Cuts of ``(0, 1)`` between which the equilibria with supports ``(S, T)`` cannot change.

    For the systems underdetermined at every ``t``: at fixed ``t`` the analysis of
    :func:`_fixed_t` depends only on which bases of the two polytopes are feasible and on
    the signs of ``x' D y`` at pairs of their vertices; all are constant between the cuts
    of the two sides and the roots of ``x' D y`` at pairs of alive bases.  ``None`` if there
    are too many bases or pairs to examine.
    """
    xs = _side_cuts(*_side_rows(np.transpose(g.B, (1, 0, 2)), T, S), len(T) + 1, tol)
    ys = _side_cuts(*_side_rows(g.A, S, T), len(S) + 1, tol)
    if xs is None or ys is None or len(xs.nums) * len(ys.nums) > _MAX_PAIRS:
        return None
    cuts = set(xs.cuts | ys.cuts)
    if len(xs.nums) and len(ys.nums):
        Dst = g.D[np.ix_(S, T)]
        u = np.einsum("ij,xiw->xjw", Dst, xs.nums)  # D' x for each x-basis
        wy = ys.nums.shape[2]
        f = np.zeros((len(xs.nums), len(ys.nums), u.shape[2] + wy - 1))
        for a in range(u.shape[2]):
            f[:, :, a : a + wy] += np.einsum("xj,yjw->xyw", u[:, :, a], ys.nums)
        fb = np.einsum("ij,xi,yj->xy", np.abs(Dst), xs.bounds, ys.bounds)
        for i, j in itertools.product(range(f.shape[0]), range(f.shape[1])):
            if not _is_zero(f[i, j], fb[i, j]):
                cuts.update(_real_roots(f[i, j], fb[i, j]))
    return sorted(cuts)


def _supports(n: int) -> list[tuple[int, ...]]:
    return [s for k in range(1, n + 1) for s in itertools.combinations(range(n), k)]


# ---------------------------------------------------------------------------- drivers
def _solve_three(U: np.ndarray, tol: float) -> tuple[list[Profile], _Found]:
    c = max(i for i in range(3) if U.shape[1 + i] == 2)
    a, b = (i for i in range(3) if i != c)
    A, B, C = (np.transpose(U[p], (a, b, c)) for p in (a, b, c))
    g = _Game3(
        np.stack([A[..., 0], A[..., 1] - A[..., 0]], axis=-1),
        np.stack([B[..., 0], B[..., 1] - B[..., 0]], axis=-1),
        C[..., 1] - C[..., 0],
        (a, b, c),
    )
    found = _Found()
    pairs = [(S, T) for S in _supports(A.shape[0]) for T in _supports(A.shape[1])]
    for S, T in pairs:
        _at_t(g, S, T, 0.0, "le", found, tol)
        _at_t(g, S, T, 1.0, "ge", found, tol)
        _interior(g, S, T, found, tol)
    profiles = []
    for x, y, t in found.cands:
        prof: list[np.ndarray] = [np.zeros(0)] * 3
        prof[a], prof[b] = x, y
        prof[c] = np.array([1.0 - t, t])
        profiles.append(tuple(prof))
    return profiles, found


def _solve_two(U: np.ndarray, tol: float) -> tuple[list[Profile], _Found]:
    found = _Found()
    out: list[Profile] = []
    for S in _supports(U.shape[1]):
        for T in _supports(U.shape[2]):
            cands, status = _fixed_t(U[0], U[1], None, S, T, "none", tol)
            out += cands
            if status != "finite":
                found.flag(
                    f"continuum of equilibria (extreme points listed) with player 0 on "
                    f"actions {list(S)}, player 1 on actions {list(T)}"
                )
    return out, found


def _solve_one(U: np.ndarray, tol: float) -> tuple[list[Profile], _Found]:
    found = _Found()
    u = U[0]
    best = np.flatnonzero(u >= u.max() - tol)
    if best.size > 1:
        found.flag(f"continuum: player 0 is indifferent among actions {best.tolist()}")
    return [(np.eye(u.size)[i],) for i in best], found


def _clean(p: np.ndarray) -> np.ndarray:
    q = np.clip(np.asarray(p, dtype=np.float64), 0.0, None)
    q[q < 1e-13] = 0.0
    return q / q.sum()


def _n_player_equilibria(U: np.ndarray, tol: float = 1e-9) -> NPlayerSolution:
    """All Nash equilibria of a small game, and whether the enumeration is complete.

    Parameters
    ----------
    U
        Payoffs of shape ``(N, n_1, ..., n_N)``; ``U[i][a]`` is player ``i``'s payoff at the
        pure profile ``a`` (as ``NormalFormGame.payoffs``).
    tol
        Feasibility tolerance, relative to each player's largest absolute payoff (values
        below ``1e-12`` are raised to it).  Returned profiles have regret at most ``100 *
        tol`` times that scale.

    Returns
    -------
    NPlayerSolution

    Raises
    ------
    UnsupportedGameError
        If, after dropping players with a single action, there are more than three
        players, or three none of whom has exactly two actions, or one of the other two has
        more than :data:`MAX_ACTIONS` actions.
    ShapeError
        If ``U`` is not of shape ``(N, n_1, ..., n_N)``.

    Notes
    -----
    See the module docstring for the method and what "complete" guarantees.

    Examples
    --------
    A cycle of matching pennies: player 0 wants to match player 1, player 1 to match player
    2, player 2 to mismatch player 0.  The only equilibrium has everyone mixing evenly.

    >>> import numpy as np
    >>> U = np.zeros((3, 2, 2, 2))
    >>> for a in np.ndindex(2, 2, 2):
    ...     U[(0, *a)] = a[0] == a[1]
    ...     U[(1, *a)] = a[1] == a[2]
    ...     U[(2, *a)] = a[2] != a[0]
    >>> sol = _n_player_equilibria(U)
    >>> sol.complete, [p.round(6).tolist() for p in sol.profiles[0]]
    (True, [[0.5, 0.5], [0.5, 0.5], [0.5, 0.5]])

    A game where nothing matters has a continuum of equilibria; the answer says so.

    >>> sol = _n_player_equilibria(np.zeros((3, 2, 2, 2)))
    >>> sol.complete, len(sol.profiles) > 0
    (False, True)
    """
    U = np.asarray(U, dtype=np.float64)
    if U.ndim < 1 or U.ndim != U.shape[0] + 1 or 0 in U.shape:
        raise ShapeError(f"payoffs must have shape (N, n_1, ..., n_N); got {U.shape}")
    tol = max(float(tol), 1e-12)
    n = U.shape[0]
    # Players with one action have nothing to choose: solve the game of the others.
    keep = [i for i in range(n) if U.shape[1 + i] > 1]
    index = tuple(slice(None) if i in keep else 0 for i in range(n))
    R = U[keep][(slice(None), *index)] if keep else np.zeros((0,))
    # Each player's payoffs scaled by a power of two into [0.5, 1): exact, keeps equilibria.
    scale = np.array([max(float(np.abs(U[i]).max()), 0.0) for i in range(n)])
    if keep:
        pw = np.array([2.0 ** -np.ceil(np.log2(s)) if s > 0 else 1.0 for s in scale[keep]])
        R = R * pw.reshape((-1,) + (1,) * len(keep))
    m = len(keep)
    reduced: list[Profile]
    if m == 0:
        reduced, found = [()], _Found()
    elif m == 1:
        reduced, found = _solve_one(R, tol)
    elif m == 2:
        reduced, found = _solve_two(R, tol)
    elif m == 3:
        shape = R.shape[1:]
        if 2 not in shape:
            raise UnsupportedGameError(
                f"the three-player solver needs a player with exactly two actions; the game's "
                f"shape (without single-action players) is {shape}"
            )
        others = sorted(shape)[1:]  # all but one two-action player
        if max(others) > MAX_ACTIONS:
            raise UnsupportedGameError(
                f"the three-player solver allows at most {MAX_ACTIONS} actions for the players "
                f"besides a two-action one; the game's shape is {shape}"
            )
        reduced, found = _solve_three(R, tol)
    else:
        raise UnsupportedGameError(
            f"the N-player solver handles at most three players with two or more actions; "
            f"this game has {m} (shape {U.shape[1:]})"
        )
    accept = 100.0 * tol * np.maximum(scale, 1e-300)
    kept: list[tuple[Profile, float]] = []
    for red in reduced:
        prof = [np.ones(1)] * n
        for j, i in enumerate(keep):
            prof[i] = _clean(red[j])
        profile = tuple(prof)
        reg = _regret(U, profile)
        if np.any(reg > accept):
            continue
        worst = float(np.max(reg / np.maximum(scale, 1e-300), initial=0.0))
        for e, (other, oreg) in enumerate(kept):
            if all(np.abs(p - q).max() <= _DEDUP for p, q in zip(profile, other, strict=True)):
                if worst < oreg:
                    kept[e] = (profile, worst)
                break
        else:
            kept.append((profile, worst))
    ordered = sorted(
        (p for p, _ in kept), key=lambda p: tuple(-round(float(v), 9) for q in p for v in q)
    )
    notes = found.notes
    if len(notes) > _MAX_NOTES:  # degenerate games can produce thousands: keep it readable
        notes = [*notes[: _MAX_NOTES - 1], f"... and {len(notes) - _MAX_NOTES + 1} more like these"]
    return NPlayerSolution(tuple(ordered), found.complete, tuple(notes))
