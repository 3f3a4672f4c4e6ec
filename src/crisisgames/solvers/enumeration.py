"""All extreme equilibria of bimatrix games, complete on degenerate games.

Method (von Stengel, "Computing equilibria for two-person games", *Handbook of Game
Theory* vol. 3, ch. 45, 2002; Avis, Rosenberg, Savani & von Stengel, "Enumeration of Nash
equilibria for two-player games", *Economic Theory* 42, 2010).  With payoffs shifted to be
positive, let ``P = {x >= 0 : B^T x <= 1}`` and ``Q = {y >= 0 : A y <= 1}``.  Label a point
of ``P`` with the rows ``i`` where ``x_i = 0`` and the columns ``j`` where ``(B^T x)_j = 1``;
a point of ``Q`` with the rows where ``(A y)_i = 1`` and the columns where ``y_j = 0``.  The
extreme equilibria are exactly the completely labeled pairs of nonzero vertices, normalised
to sum one; this holds for degenerate games too, where a vertex may carry extra labels.

Every vertex of ``{z >= 0 : C z <= 1}`` is the unique solution of some square system: ``k``
tight rows ``R`` and the support ``S`` (``|R| = |S| = k``) with ``C[R, S]`` nonsingular.  So
enumerating all pairs ``(R, S)`` finds every vertex; duplicates (a degenerate vertex has
several such bases) are merged by their label sets, which identify a vertex uniquely.

The systems are solved by Cramer's rule with all minors of ``C`` built level by level
(Laplace expansion), so one pass of array operations serves every basis and every game of
a batch.  With an integer dtype the arithmetic is exact (this is the exact mode); with
floats, payoffs are rescaled by powers of two (exact) into ``[1, 2]`` and every comparison is
made between cross-multiplied quantities with a relative tolerance.
"""

from __future__ import annotations

import functools
import itertools
import math
from dataclasses import dataclass
from fractions import Fraction

import numpy as np

__all__: list[str] = []

# Above this bound on intermediate integers, exact mode switches from int64 to Python ints.
_INT64_SAFE = 2**62


@dataclass(frozen=True)
class _Level:
    """Index tables for the k x k bases (row set R, column set S) of an r x s matrix."""

    k: int
    rows: np.ndarray  # (cR, k) row combinations, lexicographic
    cols: np.ndarray  # (cS, k)
    drop_rows: np.ndarray  # (cR, k): index at level k-1 of R without its p-th row
    drop_cols: np.ndarray  # (cS, k): index at level k-1 of S without its q-th column
    alt: np.ndarray  # (k,): (-1) ** p
    col_mask: np.ndarray  # (cS,) int64 bit mask of each column set


def _combos(n: int, k: int) -> tuple[np.ndarray, np.ndarray]:
    """Combinations of range(n) of size k, and for each the index of it minus element p."""
    combos = list(itertools.combinations(range(n), k))
    arr = np.array(combos, dtype=np.intp).reshape(len(combos), k)
    lower = {c: i for i, c in enumerate(itertools.combinations(range(n), k - 1))}
    drop = np.array([[lower[c[:p] + c[p + 1 :]] for p in range(k)] for c in combos], dtype=np.intp)
    return arr, drop.reshape(len(combos), k)


@functools.lru_cache(maxsize=64)
def _levels(r: int, s: int) -> tuple[_Level, ...]:
    out = []
    for k in range(1, min(r, s) + 1):
        rows, drop_rows = _combos(r, k)
        cols, drop_cols = _combos(s, k)
        alt = np.where(np.arange(k) % 2, -1, 1)
        col_mask = (np.int64(1) << cols.astype(np.int64)).sum(axis=1)
        out.append(_Level(k, rows, cols, drop_rows, drop_cols, alt, col_mask))
    return tuple(out)


@dataclass(frozen=True)
class _Vertices:
    """Nonzero vertices of ``{z >= 0 : C z <= 1}`` for each game of a batch, padded.

    ``num[g, v] / num[g, v].sum()`` is the normalised vertex; ``tight`` and ``support`` are
    bit masks of the tight rows and of the positive coordinates; ``valid`` marks the real
    entries (the rest is padding).
    """

    num: np.ndarray  # (G, V, s) numerators (exact ints or floats)
    tight: np.ndarray  # (G, V) int64 bit mask over rows
    support: np.ndarray  # (G, V) int64 bit mask over columns
    valid: np.ndarray  # (G, V) bool
    degenerate: np.ndarray  # (G,) bool: some vertex has more tight constraints than dimensions


def _bits(mask: np.ndarray) -> np.ndarray:
    """Bit masks (int64) from a boolean array whose last axis indexes the bits."""
    weights = np.left_shift(np.int64(1), np.arange(mask.shape[-1], dtype=np.int64))
    return (mask.astype(np.int64) * weights).sum(axis=-1)


def _vertices(C: np.ndarray, tol: float) -> _Vertices:
    """Enumerate the nonzero vertices of ``{z >= 0 : C z <= 1}`` for a batch ``C`` (G, r, s).

    ``C`` must be positive.  With ``tol == 0`` and an integer/object dtype every decision is
    exact.
    """
    G, r, s = C.shape
    exact = tol == 0
    prev = np.ones((G, 1, 1), dtype=C.dtype)  # the 0 x 0 minor
    found: list[tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]] = []
    for lev in _levels(r, s):
        # aug[R, S'] = det [1 | C[R, S']] for |S'| = k-1, by expansion along the ones column.
        rows_out = prev[:, lev.drop_rows, :]  # (G, cR, k, cS'): minors without row p
        aug = (
            (rows_out * lev.alt[:, None]).sum(axis=2)
            if exact
            else np.einsum("grks,k->grs", rows_out, lev.alt.astype(float))
        )  # (G, cR, cS')
        # Cramer's rule: the numerator of z_q is det C[R, S] with column q replaced by ones,
        # i.e. (-1)^q aug[R, S minus q]; the determinant follows from any row of C z = 1.
        num = aug[:, :, lev.drop_cols] * lev.alt  # (G, cR, cS, k)
        first_row = C[:, lev.rows[:, 0], :][:, :, lev.cols]  # (G, cR, cS, k)
        det = (
            (first_row * num).sum(axis=-1) if exact else np.einsum("grsk,grsk->grs", first_row, num)
        )
        # z > 0 needs every numerator strictly of the determinant's sign (a zero coordinate
        # means the same vertex is found again with a smaller support).
        bound = 0 if exact else tol * det
        keep = ((det > 0) & (_last_min(num) > bound)) | ((det < 0) & (_last_max(num) < bound))
        g, iR, iS = np.nonzero(keep)
        if len(g):
            cdet = det[g, iR, iS]
            sgn = np.where(cdet > 0, 1, -1)
            cnum = num[g, iR, iS] * sgn[:, None]  # (c, k), positive
            cdet = cdet * sgn  # |det|
            full = np.zeros((len(g), s), dtype=C.dtype)
            full[np.arange(len(g))[:, None], lev.cols[iS]] = cnum
            # (C z)_i |det| for every row i, one product per candidate.
            rv = _row_values(C, g, full)
            if exact:
                feasible = np.all(rv <= cdet[:, None], axis=-1)
                tight = rv == cdet[:, None]
            else:
                slack = (tol * cdet)[:, None]
                feasible = np.all(rv <= cdet[:, None] + slack, axis=-1)
                tight = np.abs(rv - cdet[:, None]) <= slack
            sel = np.nonzero(feasible)[0]
            found.append((g[sel], full[sel], _bits(tight[sel]), lev.col_mask[iS[sel]]))
        prev = det
    return _compact(G, s, C.dtype, found)


def _last_min(a: np.ndarray) -> np.ndarray:
    """``a.min(axis=-1)`` for a short last axis: elementwise minima of its slices are far
    faster than numpy's reduction over a small trailing axis."""
    return functools.reduce(np.minimum, (a[..., i] for i in range(a.shape[-1])))


def _last_max(a: np.ndarray) -> np.ndarray:
    """``a.max(axis=-1)`` for a short last axis (see :func:`_last_min`)."""
    return functools.reduce(np.maximum, (a[..., i] for i in range(a.shape[-1])))


def _row_values(C: np.ndarray, g: np.ndarray, full: np.ndarray) -> np.ndarray:
    """``C[g_c] @ full_c`` for every candidate ``c``; ``g`` is sorted.

    A few games: one matrix product per game (no gather of ``C``); many games: a batched
    product.
    """
    if C.shape[0] > 4:
        return np.matmul(C[g], full[:, :, None])[..., 0]
    bounds = np.searchsorted(g, np.arange(C.shape[0] + 1))
    return np.concatenate(
        [full[bounds[i] : bounds[i + 1]] @ C[i].T for i in range(C.shape[0])], axis=0
    )


def _compact(G: int, s: int, dtype: np.dtype, found: list) -> _Vertices:
    """Keep each game's vertices once (label sets identify vertices) and pad per game."""
    if found:
        g = np.concatenate([f[0] for f in found])
        num = np.concatenate([f[1] for f in found])
        tight = np.concatenate([f[2] for f in found])
        support = np.concatenate([f[3] for f in found])
    else:
        g = np.zeros(0, dtype=np.intp)
        num = np.zeros((0, s), dtype=dtype)
        tight = support = np.zeros(0, dtype=np.int64)
    # More tight rows than the support's size means more labels than dimensions.
    k = np.bitwise_count(support.astype(np.uint64))
    over = np.bitwise_count(tight.astype(np.uint64)) > k
    degenerate = np.zeros(G, dtype=bool)
    degenerate[g[over]] = True
    order = np.lexsort((support, tight, g))
    g, num, tight, support = g[order], num[order], tight[order], support[order]
    first = np.ones(len(g), dtype=bool)
    first[1:] = (g[1:] != g[:-1]) | (tight[1:] != tight[:-1]) | (support[1:] != support[:-1])
    g, num, tight, support = g[first], num[first], tight[first], support[first]
    count = np.bincount(g, minlength=G)
    V = int(count.max()) if G and len(g) else 0
    slot = np.arange(len(g)) - np.repeat(np.cumsum(count) - count, count)
    out_num = np.zeros((G, V, s), dtype=dtype)
    out_tight = np.zeros((G, V), dtype=np.int64)
    out_support = np.zeros((G, V), dtype=np.int64)
    valid = np.zeros((G, V), dtype=bool)
    out_num[g, slot] = num
    out_tight[g, slot] = tight
    out_support[g, slot] = support
    valid[g, slot] = True
    return _Vertices(out_num, out_tight, out_support, valid, degenerate)


# ---------------------------------------------------------------------------- games


@dataclass(frozen=True)
class _BimatrixSolution:
    """Extreme equilibria of a batch of bimatrix games, as padded arrays.

    ``x[g, e]``, ``y[g, e]`` for ``e < count[g]``; ``vertex[g, e]`` holds the indices of
    the P- and Q-vertex of equilibrium ``e`` (equal indices = the same strategy), which is
    what the component analysis needs.  ``exact`` holds Fraction tuples in exact mode.
    """

    count: np.ndarray  # (G,) int
    x: np.ndarray  # (G, K, m) float, NaN padded
    y: np.ndarray  # (G, K, n)
    vertex: np.ndarray  # (G, K, 2) int, -1 padded
    degenerate: np.ndarray  # (G,) bool
    exact: tuple[tuple[tuple[tuple[Fraction, ...], tuple[Fraction, ...]], ...], ...] | None


def _float_positive(M: np.ndarray) -> np.ndarray:
    """Rescale each game's matrix into [1, 2] by a shift and a power-of-two scale.

    A positive affine transform leaves equilibria unchanged; dividing by a power of two is
    exact, so integer games keep exact minors.
    """
    lo = M.min(axis=(1, 2), keepdims=True)
    span = M.max(axis=(1, 2), keepdims=True) - lo
    scale = np.exp2(np.ceil(np.log2(np.where(span > 0, span, 1.0))))
    return (M - lo) / scale + 1.0


def _int_positive(M: np.ndarray) -> np.ndarray:
    """Fractions -> positive integers (common denominator, then shift to minimum 1)."""
    flat = list(M.flat)
    den = math.lcm(*(f.denominator for f in flat))
    ints = [f.numerator * (den // f.denominator) for f in flat]
    lo = min(ints)
    return np.array([v - lo + 1 for v in ints], dtype=object).reshape(M.shape)


def _exact_dtype(C: np.ndarray, k: int, s: int) -> np.ndarray:
    """int64 when every intermediate integer is provably small (crude Hadamard-type bound)."""
    M = max(int(v) for v in C.flat)
    bound = 4 * s * math.factorial(k) * M**k
    return C.astype(np.int64) if bound < _INT64_SAFE else C


def _solve_bimatrix(A: np.ndarray, B: np.ndarray, *, exact: bool, tol: float) -> _BimatrixSolution:
    """All extreme equilibria of a batch of bimatrix games.

    Parameters
    ----------
    A, B
        Payoffs of shape (G, m, n): float arrays, or object arrays of Fractions when
        ``exact`` (then the batch is solved one game at a time in integer arithmetic).
    exact
        Exact rational arithmetic (``tol`` ignored).
    tol
        Relative tolerance of the float comparisons.
    """
    G, m, n = A.shape
    if exact:
        CQ = np.stack([_int_positive(a) for a in A])
        CP = np.stack([_int_positive(b.T) for b in B])
        k = min(m, n)
        CQ = _exact_dtype(CQ, k, n)
        CP = _exact_dtype(CP, k, m)
        eff_tol = 0.0
    else:
        CQ = _float_positive(A)
        CP = _float_positive(np.swapaxes(B, 1, 2))
        eff_tol = tol
    # P's vertices are the row player's strategies x: tight rows = columns of B (labels
    # m + j), support over A's rows; Q's are y: tight rows = rows of A (labels i).
    P = _vertices(CP, eff_tol)
    Q = _vertices(CQ, eff_tol)
    row_all = (1 << m) - 1
    col_all = (1 << n) - 1
    LP = (~P.support & row_all) | (P.tight << m)
    LQ = Q.tight | ((~Q.support & col_all) << m)
    complete = (LP[:, :, None] | LQ[:, None, :]) == (1 << (m + n)) - 1
    pairs = complete & P.valid[:, :, None] & Q.valid[:, None, :]
    count = pairs.sum(axis=(1, 2))
    K = int(count.max()) if G else 0
    g_idx, ip, iq = np.nonzero(pairs)
    slot = np.arange(len(g_idx)) - np.repeat(np.cumsum(count) - count, count)
    x = np.full((G, K, m), np.nan)
    y = np.full((G, K, n), np.nan)
    vertex = np.full((G, K, 2), -1, dtype=np.intp)
    xnum = P.num[g_idx, ip]
    ynum = Q.num[g_idx, iq]
    if exact:
        xs = [tuple(Fraction(int(v), int(row.sum())) for v in row) for row in xnum]
        ys = [tuple(Fraction(int(v), int(row.sum())) for v in row) for row in ynum]
        x[g_idx, slot] = np.array(xs, dtype=float).reshape(-1, m)
        y[g_idx, slot] = np.array(ys, dtype=float).reshape(-1, n)
        bounds = np.concatenate([[0], np.cumsum(count)])
        exact_out = tuple(
            tuple(zip(xs[bounds[g] : bounds[g + 1]], ys[bounds[g] : bounds[g + 1]], strict=True))
            for g in range(G)
        )
    else:
        x[g_idx, slot] = xnum / xnum.sum(axis=1, keepdims=True)
        y[g_idx, slot] = ynum / ynum.sum(axis=1, keepdims=True)
        exact_out = None
    vertex[g_idx, slot, 0] = ip
    vertex[g_idx, slot, 1] = iq
    return _BimatrixSolution(count, x, y, vertex, P.degenerate | Q.degenerate, exact_out)


def _components(vertex: np.ndarray) -> list[int]:
    """Connected components of the equilibria of one game.

    Two extreme equilibria that share a strategy are joined by a segment of equilibria
    (if (x, y1) and (x, y2) are equilibria, so is (x, t y1 + (1-t) y2)), and two maximal
    Nash subsets intersect exactly when they share an extreme equilibrium (Avis et al.
    2010), so the components are the connected components of the bipartite graph whose
    edges are the extreme equilibria.
    """
    parent = list(range(len(vertex)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for side in (0, 1):
        first: dict[int, int] = {}
        for e, v in enumerate(vertex[:, side]):
            if v in first:
                parent[find(e)] = find(first[v])
            else:
                first[int(v)] = e
    roots: dict[int, int] = {}
    return [roots.setdefault(find(e), len(roots)) for e in range(len(vertex))]


def _maximal_nash_subsets(vertex: np.ndarray) -> list[tuple[tuple[int, ...], tuple[int, ...]]]:
    """Maximal Nash subsets as (P-vertex ids, Q-vertex ids): the maximal bicliques.

    Every product X x Y of extreme strategies all of whose pairs are equilibria spans a
    convex set of equilibria (a Nash subset); the maximal ones are the maximal bicliques
    of the bipartite graph, found as the closed sets of its neighbourhood lattice.
    """
    nbrs: dict[int, frozenset[int]] = {}
    for p, q in vertex:
        nbrs[int(p)] = nbrs.get(int(p), frozenset()) | {int(q)}
    closed: set[frozenset[int]] = set(nbrs.values())
    frontier = set(closed)
    while frontier:
        new = {a & b for a in frontier for b in closed} - closed - {frozenset()}
        closed |= new
        frontier = new
    out = []
    for ys in closed:
        xs = tuple(sorted(p for p, nb in nbrs.items() if ys <= nb))
        out.append((xs, tuple(sorted(ys))))
    return sorted(out)
