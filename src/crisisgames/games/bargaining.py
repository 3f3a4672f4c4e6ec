r"""Two-player bargaining problems: feasible settlements, lotteries and a disagreement point.

A bargaining problem is a feasible set ``S`` of utility pairs and a disagreement point
``d``: what each side gets if no agreement is reached.  Here ``S`` is given in one of two
ways.

* **Packages.**  A finite set of labeled settlement packages (combinations of terms), each
  with a utility pair, and every lottery over them: ``S`` is the convex hull of the
  packages' points.  Its Pareto frontier is computed exactly (rational arithmetic when the
  inputs are exact): a polygonal chain of *vertices*, each a package, so every point of the
  frontier is one package or a lottery over two adjacent ones (packages lying in the middle
  of an edge count as frontier points too), and a solution can say which terms it contains.
* **A frontier function** ``u2 = f(u1)`` on ``[lo, hi]``, strictly decreasing and concave
  (``S`` is then everything on or below it, from the point ``(lo, f(lo))`` to
  ``(hi, f(hi))``).  Solutions are computed by bisection, in floating point.

The disagreement point is given, or derived from a crisis model with
:func:`standoff_disagreement`: the expected payoffs of no deal, a standoff that ends in war
with some probability (:func:`war_probability` for a daily hazard; or
:attr:`~crisisgames.models.dynamic_chicken.DynamicChickenEquilibrium.p_war` of the dynamic
chicken game).

**Vectorised.**  Utilities have shape ``(..., K, 2)`` (batch axes, packages, players) and
the disagreement point ``(..., 2)``; the batch axes broadcast, so a sweep over parameters
is one problem object and every solver (:mod:`crisisgames.solvers.bargaining`) solves the
whole batch with array operations.  The frontier is computed with loops over the *package*
axis only (a few dozen packages at most), never over problems.

**Geometry of the frontier.**  The strong Pareto frontier of the hull is the part of its
upper-right boundary along which ``u1`` increases strictly as ``u2`` decreases strictly.  It
is found by a monotone chain (Andrew's algorithm, restricted to Pareto improvements):
packages by decreasing ``u1``; one joins the chain only if its ``u2`` beats the chain's last
(otherwise it is dominated), and chain points strictly below the chord from the point before
them to the newcomer are dropped (they are inside the hull).  Points *on* such a chord stay,
as edge points: a package in the middle of an edge is on the frontier but is not a vertex,
and a lottery implementing a point of that edge uses the two packages nearest to it.
Duplicated points count once (the first package in declared order represents them).  Float
inputs compare within ``tol`` times the problem's scale; exact inputs exactly.

Examples
--------
Dividing a unit surplus: the two extreme divisions and no deal at ``(0, 0)``.

>>> from fractions import Fraction as F
>>> p = BargainingProblem([[1, 0], [0, 1], [0, 0]], [0, 0], packages=["all to A", "all to B", "none"])
>>> p.frontier.labels()
('all to B', 'all to A')
>>> bool(p.agreement_possible), p.ideal_point.tolist()
(True, [Fraction(1, 1), Fraction(1, 1)])
>>> print(p.table())
package   P1  P2  frontier
all to A  1   0   vertex
all to B  0   1   vertex
none      0   0
disagreement point: (0, 0)
"""

from __future__ import annotations

import abc
import math
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from fractions import Fraction
from functools import cached_property
from typing import Any

import numpy as np

from crisisgames.errors import (
    InvalidGameError,
    InvalidLabelError,
    InvalidParameterError,
    InvalidPayoffError,
    ShapeError,
    UnknownLabelError,
    UnsupportedGameError,
)
from crisisgames.games._arith import coerce, where

__all__ = [
    "DEFAULT_TOL",
    "BargainingProblem",
    "Frontier",
    "standoff_disagreement",
    "war_probability",
]

DEFAULT_TOL = 1e-9
"""Float-mode tolerance, relative to the problem's scale (``max(1, |utilities|, |d|)``):
two utilities closer than this tie, and an agreement must improve on disagreement by more
than this for both.  Exact mode compares exactly."""

_FRONTIER_SAMPLES = 257  # grid on which a frontier function is checked (decreasing, concave)


# ---------------------------------------------------------------------------- helpers
def _label_tuple(labels: Iterable[Any], n: int, what: str) -> tuple[str, ...]:
    out = tuple(labels)
    if len(out) != n:
        raise InvalidLabelError(f"{what}: expected {n} labels, got {len(out)}: {out!r}")
    for lab in out:
        if not isinstance(lab, str) or not lab:
            raise InvalidLabelError(f"{what}: labels must be non-empty strings, got {lab!r}")
    if len(set(out)) != n:
        dup = sorted({lab for lab in out if out.count(lab) > 1})
        raise InvalidLabelError(f"{what}: duplicated labels {dup}")
    return out


def _gather(a: np.ndarray, idx: np.ndarray) -> np.ndarray:
    return np.take_along_axis(a, idx, axis=-1)


def _fmt(v: Any) -> str:
    """A Fraction as itself when it is short, else (and floats) to 4 significant digits."""
    if isinstance(v, Fraction) and v.denominator <= 1000:
        return str(v)
    return f"{float(v):.4g}"


# ---------------------------------------------------------------------------- the frontier
@dataclass(frozen=True, eq=False)
class Frontier:
    """The strong Pareto frontier of the convex hull of a problem's packages.

    The frontier is a polygonal chain; its points here are the packages on it: its
    vertices, and packages in the middle of an edge (so that a lottery implementing a
    point of that edge can use the two packages nearest to it).

    Attributes
    ----------
    x, y
        ``(..., M)``: the frontier packages' utilities for player 1 and player 2, ``x``
        strictly increasing and ``y`` strictly decreasing along the last axis.  Problems of
        a batch with fewer than ``M`` frontier packages repeat their last one (``M >= 2``
        always: a one-point frontier repeats it).
    package
        ``(..., M)``: the index of each frontier package (into the problem's ``packages``).
    vertex
        ``(..., M)``: whether it is a vertex (else it lies in the middle of an edge).
    count
        ``(...)``: the number of distinct frontier packages of each problem.
    packages
        The problem's package labels.
    exact
        Whether ``x`` and ``y`` hold Fractions.

    Examples
    --------
    >>> p = BargainingProblem([[0, 2], [1, 1], [2, 0], [1, 0]], [0, 0])
    >>> f = p.frontier  # (1, 1) lies on the edge from (0, 2) to (2, 0): not a vertex
    >>> f.labels(), f.vertex.tolist()
    (('package 1', 'package 2', 'package 3'), [True, False, True])
    """

    x: np.ndarray
    y: np.ndarray
    package: np.ndarray
    vertex: np.ndarray
    count: np.ndarray
    packages: tuple[str, ...]
    exact: bool

    def labels(self, index: tuple[int, ...] = ()) -> tuple[str, ...]:
        """The labels of one problem's frontier packages, from player 2's best to player
        1's best."""
        n = int(np.asarray(self.count)[index])
        idx = np.asarray(self.package)[index][:n]
        return tuple(self.packages[int(k)] for k in idx)


def _pick(a: np.ndarray, idx: np.ndarray) -> np.ndarray:
    """``a[..., idx]`` with one index per problem (``idx`` has ``a``'s batch shape)."""
    return np.take_along_axis(a, idx[..., None], axis=-1)[..., 0]


def _frontier(
    u: np.ndarray, exact: bool, tol: float, scale: Any, packages: tuple[str, ...]
) -> Frontier:
    """The strong Pareto frontier of the packages' hull, by a monotone chain.

    Packages are visited by decreasing ``u1`` (ties: decreasing ``u2``, then declared
    order).  A package joins the chain only if its ``u2`` beats the chain's last (otherwise
    a package already on it dominates it); before it joins, chain points strictly below the
    chord from the point before them to the new package are dropped (they are not on the
    concave frontier); points *on* the chord stay, as edge points.  The loop runs over the
    packages, vectorised over problems; the inner loop pops from every problem that needs
    it at once.
    """
    u1, u2 = u[..., 0], u[..., 1]
    shape, n = u1.shape[:-1], u1.shape[-1]
    # float mode: coordinates within tol * scale tie, cross products (utility^2) within
    # tol * scale^2; exact mode compares exactly
    tol_x: Any = 0 if exact else tol * scale
    tol_c: Any = 0 if exact else tol * scale * scale
    # order: u1 descending, then u2 descending, then declared order (stable sorts)
    if exact:  # lexsort does not take Python objects
        by_y = np.argsort(-u2, axis=-1, kind="stable")
        order = _gather(by_y, np.argsort(-_gather(u1, by_y), axis=-1, kind="stable"))
    else:
        order = np.lexsort((-u2, -u1), axis=-1)
    X, Y = _gather(u1, order), _gather(u2, order)
    # the chain: sorted positions and coordinates, flat so that one index picks per problem
    rows = (np.arange(int(np.prod(shape, dtype=np.intp))) * n).reshape(shape)
    stack = np.zeros((*shape, n), dtype=np.intp)
    cx, cy = np.empty_like(X), np.empty_like(Y)  # cx[..., i], cy[..., i]: the chain's i-th
    cx[..., 0], cy[..., 0] = X[..., 0], Y[..., 0]  # point; the first is the largest u1
    flat_x, flat_y, flat_s = cx.reshape(-1), cy.reshape(-1), stack.reshape(-1)
    size = np.ones(shape, dtype=np.intp)
    bx, by = X[..., 0], Y[..., 0]  # the chain's last point ...
    ax, ay = bx, by  # ... and the one before it (when there is one)
    for k in range(1, n):
        xk, yk = X[..., k], Y[..., k]
        join = np.asarray(yk > by + tol_x, dtype=bool)
        while True:  # drop chain points strictly below the chord to the newcomer
            cross = (by - ay) * (xk - ax) - (yk - ay) * (bx - ax)
            pop = join & (size >= 2) & np.asarray(cross > tol_c, dtype=bool)
            if not pop.any():
                break
            size = size - pop
            bx, by = where(pop, ax, bx), where(pop, ay, by)
            below = rows + np.maximum(size - 2, 0)
            ax, ay = where(pop, flat_x[below], ax), where(pop, flat_y[below], ay)
        at = rows + size  # beyond the chain when the newcomer does not join
        flat_x[at], flat_y[at], flat_s[at] = xk, yk, k
        ax, ay = where(join, bx, ax), where(join, by, ay)
        bx, by = where(join, xk, bx), where(join, yk, by)
        size = size + join
    width = max(2, int(size.max(initial=1)))
    j = np.arange(width)
    # the chain runs from the largest u1 leftwards: reverse it, pad with the largest u1
    pos = _gather(stack, np.where(j < size[..., None], size[..., None] - 1 - j, 0))
    fx, fy = _gather(X, pos), _gather(Y, pos)
    vertex = np.ones(pos.shape, dtype=bool)
    if width > 2:  # an interior chain point is a vertex unless it is on its neighbours' chord
        ax, ay = fx[..., :-2], fy[..., :-2]
        bx, by = fx[..., 1:-1], fy[..., 1:-1]
        cx, cy = fx[..., 2:], fy[..., 2:]
        cross = (by - ay) * (cx - ax) - (cy - ay) * (bx - ax)
        flat = np.asarray(abs(cross) <= np.asarray(tol_c)[..., None], dtype=bool)
        flat &= j[1:-1] < size[..., None] - 1
        vertex[..., 1:-1] = ~flat
    return Frontier(
        x=fx,
        y=fy,
        package=_gather(order, pos),
        vertex=vertex,
        count=size,
        packages=packages,
        exact=exact,
    )


# ---------------------------------------------------------------------------- curves
class _Curve(abc.ABC):
    """A strictly decreasing concave frontier ``y = f(x)`` on ``[lo, hi]``, batched (an
    abstract base).

    The solvers' interface to both kinds of problem: ``f`` and its inverse ``finv``
    (clamped: ``finv(t) = lo`` for ``t >= f(lo)``, ``hi`` for ``t <= f(hi)``), evaluated
    at ``(..., Q)`` arrays of queries; ``breakpoints`` (``(..., M)``, the x of the kinks)
    for a piecewise-linear frontier, ``None`` for a function (solved by bisection).
    """

    exact: bool
    lo: np.ndarray
    hi: np.ndarray
    breakpoints: np.ndarray | None

    @abc.abstractmethod
    def f(self, q: np.ndarray) -> np.ndarray:
        """The frontier at ``q``."""

    @abc.abstractmethod
    def finv(self, t: np.ndarray) -> np.ndarray:
        """Its (clamped) inverse at ``t``."""

    @abc.abstractmethod
    def swapped(self) -> _Curve:
        """The same frontier with the players' roles exchanged."""


class _PLCurve(_Curve):
    """Piecewise-linear frontier through vertices ``(X, Y)`` (``X`` increasing)."""

    def __init__(self, X: np.ndarray, Y: np.ndarray, exact: bool) -> None:
        self.X, self.Y, self.exact = X, Y, exact
        self.lo, self.hi = X[..., 0], X[..., -1]
        self.breakpoints = X

    @staticmethod
    def _interp(
        q: np.ndarray, X: np.ndarray, Y: np.ndarray, idx: np.ndarray, exact: bool
    ) -> np.ndarray:
        x0, x1 = _gather(X, idx), _gather(X, idx + 1)
        y0, y1 = _gather(Y, idx), _gather(Y, idx + 1)
        dx = x1 - x0
        flat = np.asarray(dx == 0, dtype=bool)
        one: Any = Fraction(1) if exact else 1.0
        return where(flat, y0, y0 + (q - x0) * (y1 - y0) / where(flat, one, dx))

    def f(self, q: np.ndarray) -> np.ndarray:
        m = self.X.shape[-1]
        idx = np.zeros(q.shape, dtype=np.intp)
        for k in range(1, m):  # idx = number of vertices after the first strictly left of q
            idx += np.asarray(self.X[..., k : k + 1] < q, dtype=bool)
        idx = np.clip(idx, 0, m - 2)
        return self._interp(q, self.X, self.Y, idx, self.exact)

    def finv(self, t: np.ndarray) -> np.ndarray:
        m = self.X.shape[-1]
        idx = np.zeros(t.shape, dtype=np.intp)
        for k in range(1, m):  # Y decreases: count the vertices (after the first) above t
            idx += np.asarray(self.Y[..., k : k + 1] > t, dtype=bool)
        idx = np.clip(idx, 0, m - 2)
        t = np.minimum(np.maximum(t, self.Y[..., -1:]), self.Y[..., :1])
        return self._interp(t, self.Y, self.X, idx, self.exact)

    def swapped(self) -> _Curve:
        return _PLCurve(self.Y[..., ::-1], self.X[..., ::-1], self.exact)


class _FnCurve(_Curve):
    """A frontier function, inverted by bisection."""

    ITER = 100

    def __init__(
        self, fn: Callable[[np.ndarray], Any], lo: np.ndarray, hi: np.ndarray, inverse: bool = False
    ) -> None:
        self.fn, self.exact, self.breakpoints, self.inverse = fn, False, None, inverse
        self.lo, self.hi = lo, hi

    def _eval(self, q: np.ndarray) -> np.ndarray:
        return np.asarray(self.fn(q), dtype=float) * np.ones_like(q)

    def f(self, q: np.ndarray) -> np.ndarray:
        return self._eval(q)

    def finv(self, t: np.ndarray) -> np.ndarray:
        a = np.broadcast_to(self.lo[..., None], t.shape).astype(float)
        b = np.broadcast_to(self.hi[..., None], t.shape).astype(float)
        for _ in range(self.ITER):  # largest x with f(x) >= t
            m = 0.5 * (a + b)
            above = self._eval(m) >= t
            a, b = np.where(above, m, a), np.where(above, b, m)
        fa = self._eval(np.broadcast_to(self.lo[..., None], t.shape))
        fb = self._eval(np.broadcast_to(self.hi[..., None], t.shape))
        out = 0.5 * (a + b)
        out = np.where(t >= fa, self.lo[..., None], out)
        return np.where(t <= fb, self.hi[..., None], out)

    def swapped(self) -> _Curve:
        return _SwappedCurve(self)


class _SwappedCurve(_Curve):
    """``x = f(y)`` read as ``y = finv(x)``: the players' roles exchanged."""

    def __init__(self, base: _Curve) -> None:
        self.base, self.exact, self.breakpoints = base, base.exact, None
        self.lo = base.f(base.hi[..., None])[..., 0]
        self.hi = base.f(base.lo[..., None])[..., 0]

    def f(self, q: np.ndarray) -> np.ndarray:
        return self.base.finv(q)

    def finv(self, t: np.ndarray) -> np.ndarray:
        q = np.minimum(np.maximum(t, self.base.lo[..., None]), self.base.hi[..., None])
        return self.base.f(q)

    def swapped(self) -> _Curve:
        return self.base


# ---------------------------------------------------------------------------- the problem
@dataclass(frozen=True, eq=False, init=False)
class BargainingProblem:
    """A two-player bargaining problem (or a batch of them): feasible set and disagreement.

    Parameters
    ----------
    utilities
        ``(..., K, 2)``: each package's utility to each player; ``K >= 1`` packages.  Ints,
        Fractions or strings like ``"1/3"`` give exact arithmetic; floats give floats.
    disagreement
        ``(..., 2)``: the payoffs of no agreement.  Its batch axes broadcast against the
        utilities' (e.g. one package table against many disagreement points).
    packages
        ``K`` unique labels (default ``"package 1"``, ...).
    players
        Two labels (default ``("P1", "P2")``).
    terms
        Optional: for each package, the terms it contains (e.g. keys of
        :mod:`crisisgames.models.terms`), reported with the solutions.
    tol
        Float-mode tolerance (see :data:`DEFAULT_TOL`).

    Raises
    ------
    InvalidGameError
        No packages (an empty feasible set).
    InvalidPayoffError
        A utility or disagreement payoff that is NaN, infinite or not a number.
    UnsupportedGameError
        Other than two players.
    ShapeError, InvalidLabelError
        Shapes that do not broadcast; labels of the wrong number, empty or duplicated.

    Examples
    --------
    A batch: one package table, three disagreement points (the batch shape is ``(3,)``).

    >>> import numpy as np
    >>> p = BargainingProblem([[1.0, 0.0], [0.0, 1.0]], [[0, 0], [0.5, 0.5], [0.6, 0.6]])
    >>> p.shape, p.agreement_possible.tolist()
    ((3,), [True, False, False])
    >>> BargainingProblem([[0.0, float("nan")]], [0, 0])
    Traceback (most recent call last):
    ...
    crisisgames.errors.InvalidPayoffError: utilities is nan at index (0, 1); it must be a finite number
    """

    utilities: np.ndarray | None
    disagreement: np.ndarray
    packages: tuple[str, ...]
    players: tuple[str, str]
    terms: tuple[tuple[str, ...], ...]
    exact: bool
    tol: float
    frontier_function: Callable[[np.ndarray], Any] | None
    domain: tuple[np.ndarray, np.ndarray] | None
    _cache: dict[str, Any] = field(repr=False)

    def __init__(
        self,
        utilities: Any,
        disagreement: Any,
        packages: Sequence[str] | None = None,
        *,
        players: Sequence[str] = ("P1", "P2"),
        terms: Sequence[Sequence[str]] | None = None,
        tol: float = DEFAULT_TOL,
    ) -> None:
        try:
            shape = np.shape(utilities)
        except ValueError as exc:
            raise InvalidPayoffError(f"utilities are not a rectangular array: {exc}") from None
        if 0 in shape or (len(shape) >= 2 and shape[-2] == 0):
            raise InvalidGameError("the feasible set is empty: no packages")
        if len(shape) < 2:
            raise ShapeError(f"utilities must have shape (..., packages, 2), got shape {shape}")
        if shape[-1] != 2:
            raise UnsupportedGameError(
                f"bargaining problems here have two players: utilities' last axis has length "
                f"{shape[-1]}, not 2"
            )
        n = shape[-2]
        u, d, exact = _coerce_pair(utilities, disagreement)
        if d.shape[-1:] != (2,):
            raise ShapeError(f"disagreement must have shape (..., 2), got {d.shape}")
        try:
            np.broadcast_shapes(u.shape[:-2], d.shape[:-1])
        except ValueError:
            raise ShapeError(
                f"utilities' batch shape {u.shape[:-2]} and disagreement's {d.shape[:-1]} "
                "do not broadcast"
            ) from None
        labels = _label_tuple(
            packages if packages is not None else (f"package {k + 1}" for k in range(n)),
            n,
            "packages",
        )
        terms_t = tuple(tuple(t) for t in terms) if terms is not None else ((),) * n
        if len(terms_t) != n or not all(isinstance(s, str) for t in terms_t for s in t):
            raise InvalidLabelError(f"terms: expected {n} sequences of term names, got {terms!r}")
        self._set(u, d, labels, players, terms_t, exact, tol, None, None)

    def _set(
        self,
        u: np.ndarray | None,
        d: np.ndarray,
        packages: tuple[str, ...],
        players: Sequence[str],
        terms: tuple[tuple[str, ...], ...],
        exact: bool,
        tol: float,
        fn: Callable[[np.ndarray], Any] | None,
        domain: tuple[np.ndarray, np.ndarray] | None,
    ) -> None:
        if not (isinstance(tol, float | int) and math.isfinite(tol) and tol >= 0):
            raise InvalidParameterError(f"tol must be a finite number >= 0, got {tol!r}")
        values: dict[str, Any] = {
            "utilities": u,
            "disagreement": d,
            "packages": packages,
            "players": _label_tuple(players, 2, "players"),
            "terms": terms,
            "exact": exact,
            "tol": float(tol),
            "frontier_function": fn,
            "domain": domain,
            "_cache": {},
        }
        for k, v in values.items():
            object.__setattr__(self, k, v)

    # ------------------------------------------------------------------ constructors
    @classmethod
    def from_frontier(
        cls,
        frontier: Callable[[np.ndarray], Any],
        lo: Any,
        hi: Any,
        disagreement: Any,
        *,
        players: Sequence[str] = ("P1", "P2"),
        tol: float = DEFAULT_TOL,
    ) -> BargainingProblem:
        """A problem whose Pareto frontier is ``u2 = frontier(u1)`` for ``u1`` in ``[lo, hi]``.

        ``frontier`` must accept and return NumPy arrays (broadcasting), and be strictly
        decreasing and concave on ``[lo, hi]`` (so that the feasible set is convex); both
        are checked on a grid of 257 points.  Solutions are computed in floating point by
        bisection (to about 1e-15 of the interval).

        Raises
        ------
        InvalidGameError
            ``lo >= hi``; a frontier that is not decreasing, or not concave, on the grid;
            non-finite values.

        Examples
        --------
        >>> p = BargainingProblem.from_frontier(lambda x: 1 - x**2, 0, 1, [0, 0])
        >>> bool(p.agreement_possible), p.ideal_point.tolist()
        (True, [1.0, 1.0])
        >>> BargainingProblem.from_frontier(lambda x: x, 0, 1, [0, 0])
        Traceback (most recent call last):
        ...
        crisisgames.errors.InvalidGameError: the frontier must be strictly decreasing on [lo, hi]: f(0) = 0 <= f(0.00391) = 0.00391
        """
        if not callable(frontier):
            raise InvalidGameError(f"frontier must be a callable u2 = f(u1), got {frontier!r}")
        args = coerce({"lo": lo, "hi": hi}, exact=False)
        d_args = coerce({"disagreement": disagreement}, exact=False)
        d = d_args["disagreement"]
        if d.shape[-1:] != (2,):
            raise ShapeError(f"disagreement must have shape (..., 2), got {d.shape}")
        lo_a, hi_a = np.broadcast_arrays(args["lo"], args["hi"])
        if not np.all(lo_a < hi_a):
            raise InvalidGameError("the frontier's domain needs lo < hi")
        grid = lo_a[..., None] + (hi_a - lo_a)[..., None] * np.linspace(0, 1, _FRONTIER_SAMPLES)
        try:
            vals = np.asarray(frontier(grid), dtype=float) * np.ones_like(grid)
        except Exception as exc:  # the user's function: report what went wrong
            raise InvalidGameError(f"the frontier function failed on arrays: {exc!r}") from exc
        if not np.all(np.isfinite(vals)):
            raise InvalidPayoffError("the frontier function returned NaN or infinite values")
        step = np.diff(vals, axis=-1)
        bad = ~(step < 0)
        if bad.any():
            i = tuple(int(v) for v in np.argwhere(bad)[0])
            nxt = (*i[:-1], i[-1] + 1)
            raise InvalidGameError(
                "the frontier must be strictly decreasing on [lo, hi]: "
                f"f({grid[i]:.3g}) = {vals[i]:.3g} <= f({grid[nxt]:.3g}) = {vals[nxt]:.3g}"
            )
        scale = max(1.0, float(np.max(np.abs(vals))))
        if np.any(np.diff(step, axis=-1) > 1e-9 * scale):
            raise InvalidGameError(
                "the frontier must be concave on [lo, hi] (the feasible set of lotteries is "
                "convex); give its concave hull, or the packages"
            )
        try:
            np.broadcast_shapes(lo_a.shape, d.shape[:-1])
        except ValueError:
            raise ShapeError(
                f"domain shape {lo_a.shape} and disagreement's batch shape {d.shape[:-1]} "
                "do not broadcast"
            ) from None
        out = cls.__new__(cls)
        out._set(None, d, (), players, (), False, tol, frontier, (lo_a, hi_a))
        return out

    # ------------------------------------------------------------------ shape and views
    @property
    def shape(self) -> tuple[int, ...]:
        """The batch shape (``()`` for a single problem)."""
        if self.utilities is not None:
            own = self.utilities.shape[:-2]
        else:
            assert self.domain is not None
            own = self.domain[0].shape
        return tuple(np.broadcast_shapes(own, self.disagreement.shape[:-1]))

    @property
    def num_packages(self) -> int:
        """The number of packages (0 for a frontier-function problem)."""
        return len(self.packages)

    def package_index(self, label: str) -> int:
        """The index of a package (unknown labels list the valid ones)."""
        try:
            return self.packages.index(label)
        except ValueError:
            raise UnknownLabelError(
                f"unknown package {label!r}; the packages are {list(self.packages)}"
            ) from None

    def __getitem__(self, index: Any) -> BargainingProblem:
        """One problem (or a sub-batch) of a batch, by index into the batch shape.

        Examples
        --------
        >>> p = BargainingProblem([[1, 0], [0, 1]], [[0, 0], [0, 1]])
        >>> p[1].disagreement.tolist(), p[1].shape
        ([Fraction(0, 1), Fraction(1, 1)], ())
        """
        shape = self.shape
        d = np.broadcast_to(self.disagreement, (*shape, 2))[index]
        out = self.__class__.__new__(self.__class__)
        if self.utilities is not None:
            k = self.num_packages
            u = np.broadcast_to(self.utilities, (*shape, k, 2))[index]
            out._set(
                u, d, self.packages, self.players, self.terms, self.exact, self.tol, None, None
            )
        else:
            assert self.domain is not None
            lo = np.broadcast_to(self.domain[0], shape)[index]
            hi = np.broadcast_to(self.domain[1], shape)[index]
            fn = self.frontier_function
            out._set(None, d, (), self.players, (), False, self.tol, fn, (lo, hi))
        return out

    def restrict(self, packages: Iterable[str]) -> BargainingProblem:
        """The problem with only some packages (in the order given).

        Examples
        --------
        >>> p = BargainingProblem([[1, 0], [0, 1], [1, 1]], [0, 0], packages=["a", "b", "c"])
        >>> p.restrict(["a", "b"]).packages
        ('a', 'b')
        """
        if self.utilities is None:
            raise UnsupportedGameError("a frontier-function problem has no packages to restrict")
        keep = [self.package_index(lab) for lab in packages]
        if not keep:
            raise InvalidGameError("the feasible set is empty: no packages kept")
        out = self.__class__.__new__(self.__class__)
        out._set(
            self.utilities[..., keep, :],
            self.disagreement,
            _label_tuple((self.packages[k] for k in keep), len(keep), "packages"),
            self.players,
            tuple(self.terms[k] for k in keep),
            self.exact,
            self.tol,
            None,
            None,
        )
        return out

    def with_disagreement(self, disagreement: Any) -> BargainingProblem:
        """The same feasible set with another disagreement point."""
        if self.utilities is not None:
            return BargainingProblem(
                self.utilities,
                disagreement,
                self.packages,
                players=self.players,
                terms=self.terms,
                tol=self.tol,
            )
        assert self.domain is not None and self.frontier_function is not None
        return BargainingProblem.from_frontier(
            self.frontier_function,
            self.domain[0],
            self.domain[1],
            disagreement,
            players=self.players,
            tol=self.tol,
        )

    # ------------------------------------------------------------------ geometry
    @cached_property
    def frontier(self) -> Frontier:
        """The Pareto frontier of the packages' convex hull (package problems only)."""
        if self.utilities is None:
            raise UnsupportedGameError("a frontier-function problem has no package vertices")
        u = self.utilities
        if self.exact:
            scale: Any = 1
        else:  # max |u| per problem, without an |u| temporary
            flat = u.reshape(*u.shape[:-2], -1)
            big = np.maximum(flat.max(axis=-1), -flat.min(axis=-1))
            scale = np.maximum(1.0, big)
        return _frontier(u, self.exact, self.tol, scale, self.packages)

    def _curve(self) -> _Curve:
        if self.utilities is not None:
            fr = self.frontier
            return _PLCurve(fr.x, fr.y, self.exact)
        assert self.domain is not None and self.frontier_function is not None
        return _FnCurve(self.frontier_function, self.domain[0], self.domain[1])

    @property
    def agreement_possible(self) -> Any:
        """Whether some feasible point is strictly better than disagreement for both.

        A bool for a single problem, else a bool array of the batch shape.
        """
        from crisisgames.solvers.bargaining import _individually_rational

        ir = _individually_rational(self, self.disagreement)
        return bool(ir.agree) if ir.agree.ndim == 0 else ir.agree

    @property
    def ideal_point(self) -> np.ndarray:
        """``(..., 2)``: each player's best utility among the feasible points that are at
        least as good as disagreement for both (the Kalai-Smorodinsky "utopia" point);
        the disagreement point where no agreement is possible."""
        from crisisgames.solvers.bargaining import _individually_rational

        ir = _individually_rational(self, self.disagreement)
        return ir.ideal

    def table(self) -> str:
        """A text table of one problem's packages, utilities and frontier vertices."""
        if self.shape != ():
            raise ShapeError("table() shows one problem; index the batch first (problem[i])")
        d = self.disagreement
        dline = f"disagreement point: ({_fmt(d[0])}, {_fmt(d[1])})"
        if self.utilities is None:
            assert self.domain is not None
            lo, hi = (float(v) for v in self.domain)
            return f"frontier: {self.players[1]} = f({self.players[0]}) on [{lo:.4g}, {hi:.4g}]\n{dline}"
        fr = self.frontier
        n_on = int(fr.count)
        kind = {
            self.packages[int(k)]: ("vertex" if v else "edge")
            for k, v in zip(fr.package[:n_on], fr.vertex[:n_on], strict=True)
        }
        head = ["package", self.players[0], self.players[1], "frontier"]
        rows = [head]
        for k, lab in enumerate(self.packages):
            u = self.utilities[k]
            rows.append([lab, _fmt(u[0]), _fmt(u[1]), kind.get(lab, "")])
        widths = [max(len(r[i]) for r in rows) for i in range(len(head))]
        lines = [
            "  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)).rstrip() for r in rows
        ]
        return "\n".join([*lines, dline])

    def __repr__(self) -> str:
        kind = f"{self.num_packages} packages" if self.utilities is not None else "frontier"
        return f"BargainingProblem({kind}, players={self.players}, shape={self.shape})"


def _coerce_pair(utilities: Any, disagreement: Any) -> tuple[np.ndarray, np.ndarray, bool]:
    """Utilities and disagreement in one mode (exact unless some input is a float)."""
    u = coerce({"utilities": utilities})
    d = coerce({"disagreement": disagreement})
    if u.exact != d.exact:
        u = coerce({"utilities": utilities}, exact=False)
        d = coerce({"disagreement": disagreement}, exact=False)
    return u["utilities"], d["disagreement"], u.exact


# ---------------------------------------------------------------------------- crisis models
def war_probability(hazard: Any, days: Any) -> Any:
    """The probability that a standoff of ``days`` days ends in war, at a constant daily
    ``hazard``: ``1 - (1 - hazard) ** days``.  Vectorised; exact for exact inputs.

    Raises
    ------
    InvalidParameterError
        A hazard outside ``[0, 1]`` (or NaN), negative days.

    Examples
    --------
    >>> from fractions import Fraction as F
    >>> war_probability(F(1, 10), 2)
    Fraction(19, 100)
    >>> war_probability([0.0, 0.5], 1).tolist()
    [0.0, 0.5]
    """
    args = _parameters({"hazard": hazard, "days": days})
    h, n = args["hazard"], args["days"]
    _check_range("hazard", h, 0, 1)
    _check_range("days", n, 0, math.inf)
    if args.exact:
        n_int = np.asarray(n, dtype=object)
        if not all(v == int(v) for v in n_int.flat):
            raise InvalidParameterError("exact days must be whole numbers (or give floats)")
        powers = np.frompyfunc(lambda b, e: b ** int(e), 2, 1)(1 - h, n_int)
        out = 1 - np.asarray(powers, dtype=object)
    else:
        out = 1 - (1 - h) ** n
    return _finish(out, args.scalar, args.exact)


def standoff_disagreement(p_war: Any, war_payoff: Any, stay_payoff: Any = (0, 0)) -> np.ndarray:
    """The disagreement point of a standoff: ``p_war * war + (1 - p_war) * stay``.

    The expected payoffs of no deal when the standoff ends in war with probability
    ``p_war`` (from :func:`war_probability`, or the dynamic chicken game's ``p_war``) and
    otherwise in the status quo ``stay_payoff``.

    Parameters
    ----------
    p_war
        Probability of war, ``(...)``.
    war_payoff, stay_payoff
        ``(..., 2)``: each player's payoff of war and of the status quo.

    Examples
    --------
    >>> from fractions import Fraction as F
    >>> standoff_disagreement(F(2, 5), [-1, -1]).tolist()
    [Fraction(-2, 5), Fraction(-2, 5)]

    From the dynamic chicken game over the thirteen days (float, the library's default
    hazard path; a 1 - 0 - (-1) utility scale for win, status quo and war):

    >>> from crisisgames.models.dynamic_chicken import dynamic_chicken
    >>> p = float(dynamic_chicken().p_war)
    >>> d = standoff_disagreement(p, [-1.0, -1.0])
    >>> bool(-1 < d[0] < 0)
    True
    """
    args = _parameters({"p_war": p_war})
    pay = coerce({"war": war_payoff, "stay": stay_payoff})
    exact = args.exact and pay.exact
    if not exact:  # one float input makes the whole computation float
        args = _parameters({"p_war": p_war}, exact=False)
        pay = coerce({"war": war_payoff, "stay": stay_payoff}, exact=False)
    _check_range("p_war", args["p_war"], 0, 1)
    w, s = pay["war"], pay["stay"]
    if w.shape[-1:] != (2,) or s.shape[-1:] != (2,):
        raise ShapeError("war_payoff and stay_payoff must have shape (..., 2)")
    p = np.asarray(args["p_war"])[..., None]
    return np.asarray(p * w + (1 - p) * s, dtype=object if exact else float)


# ---------------------------------------------------------------------------- parameters
def _parameters(values: Mapping[str, Any], *, exact: bool | None = None) -> Any:
    """Coerce solver parameters; a non-number is an InvalidParameterError (not a payoff's)."""
    try:
        return coerce(values, exact=exact)
    except InvalidPayoffError as exc:
        raise InvalidParameterError(str(exc)) from None


def _check_range(
    name: str,
    arr: Any,
    low: float,
    high: float,
    *,
    low_open: bool = False,
    high_open: bool = False,
) -> None:
    """Raise InvalidParameterError unless every entry lies in the interval (NaN fails)."""
    a = np.asarray(arr)
    ok_lo = (a > low) if low_open else (a >= low)
    ok_hi = (a < high) if high_open else (a <= high)
    ok = np.asarray(ok_lo & ok_hi, dtype=bool)
    if not ok.all():
        idx = tuple(int(i) for i in np.argwhere(~ok)[0]) if a.ndim else ()
        bad = a[idx] if idx else a[()]
        shown = bad if isinstance(bad, Fraction) else float(bad)
        interval = f"{'(' if low_open else '['}{low}, {high}{')' if high_open else ']'}"
        at = f" at index {idx}" if idx else ""
        raise InvalidParameterError(f"{name} must lie in {interval}; got {shown}{at}")


def _finish(x: Any, scalar: bool, exact: bool) -> Any:
    out = np.asarray(x, dtype=object if exact else float)
    if scalar and out.ndim == 0:
        v: Any = out[()]
        return Fraction(v) if exact else float(v)
    return out
