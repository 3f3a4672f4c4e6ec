r"""Solutions of two-player bargaining problems: axiomatic and strategic.

Every solver takes a :class:`~crisisgames.games.bargaining.BargainingProblem` (one problem
or a batch) and parameters that broadcast against its batch shape, and returns a frozen
:class:`BargainingSolution`: the agreed utilities, the package or lottery over two adjacent
packages that implements them, the method, the parameters and a status ("agreement",
"no agreement", or "not unique").  Exact inputs give exact Fractions.

Axiomatic solutions (``d`` the disagreement point; every one is taken over the feasible
points at least as good as ``d`` for both, and is ``d`` itself, status "no agreement", when
no feasible point is strictly better than ``d`` for both):

* **Nash** (1950): maximise ``(u1 - d1)^a (u2 - d2)^(1 - a)``; ``a = 1/2`` is the symmetric
  solution, other ``a`` the asymmetric one with bargaining power ``a`` for player 1
  (Kalai 1977; Binmore, Rubinstein & Wolinsky 1986).  On a polygonal frontier the
  objective is concave along the frontier, so it is maximised on the last edge along which
  it still increases, where its first-order condition is linear: exact.
* **Kalai-Smorodinsky** (1975): the maximal point on the segment from ``d`` to the ideal
  point ``a`` (each player's best individually rational utility).
* **Egalitarian** (Kalai 1977): the maximal point with equal gains (or gains proportional to
  given weights).  When the frontier ends before the equal-gains line reaches it (the set is
  not comprehensive), the solution is the frontier's end there: the lexicographic
  egalitarian point.
* **Utilitarian**: maximise ``w1 u1 + w2 u2``.  A whole edge may tie (status "not unique");
  the point reported is then the egalitarian point of that edge.

Strategic solutions: Rubinstein's (1982) alternating offers.  Player ``first`` proposes in
rounds 0, 2, ...; the other in rounds 1, 3, ...; an agreement on ``u`` after ``t`` rejections
is worth ``d + delta^t (u - d)`` (impatience measured from the disagreement point, the payoff
of never agreeing).  The unique subgame-perfect equilibrium is stationary: player 1
proposes ``x*``, player 2 proposes ``y*``, each makes the other indifferent,

.. math:: x^*_2 - d_2 = \delta_2 (y^*_2 - d_2), \qquad y^*_1 - d_1 = \delta_1 (x^*_1 - d_1),

and the first proposal is accepted at once.  Dividing a unit surplus from ``d = 0``:
``x*_1 = (1 - delta2) / (1 - delta1 delta2)``.

**Risk of breakdown** (:func:`rubinstein_breakdown`): after each rejection the talks break
down with probability ``p`` (here: war while the talks go on), giving the breakdown payoff
``b``; otherwise the next round comes after a delay discounted by ``delta``.  The
responder's continuation is ``p b + (1 - p)(d + delta (y - d))``, which is Rubinstein's
equation with the effective discount factor ``delta' = (1 - p) delta`` and the effective
disagreement point ``c = [p b + (1 - p)(1 - delta) d] / (1 - (1 - p) delta)``.  With an
*outside option* (on by default), a responder may also walk away to ``d`` (here: the
standoff without talks), so it accepts iff the offer is at least the larger of ``d`` and its
continuation (Binmore, Shaked & Sutton 1989): the outside-option principle.

**Limit relations** (Binmore, Rubinstein & Wolinsky 1986), pinned by the tests:

1. With ``delta_i = exp(-r_i h)`` and the period length ``h -> 0``, Rubinstein's outcome
   tends to the asymmetric Nash solution with power ``a = r2 / (r1 + r2) =
   log delta2 / (log delta1 + log delta2)`` for player 1 (:func:`limit_power`); for equal
   discount factors, to the symmetric one, and the first mover's advantage vanishes.
2. With a breakdown probability ``p -> 0`` and no discounting, the outcome tends to the
   symmetric Nash solution with the disagreement point at the *breakdown payoff* ``b``
   (not at the status quo of the impasse), restricted by the outside options when they bind.

Examples
--------
>>> from fractions import Fraction as F
>>> from crisisgames.games.bargaining import BargainingProblem
>>> pie = BargainingProblem([[1, 0], [0, 1]], [0, 0], packages=["A takes all", "B takes all"])
>>> nash_solution(pie).point.tolist()
[Fraction(1, 2), Fraction(1, 2)]
>>> print(nash_solution(pie, power=F(1, 3)).describe())
nash: agreement on 2/3 'B takes all' + 1/3 'A takes all'; P1 1/3, P2 2/3
>>> rubinstein(pie, F(1, 2), F(2, 3)).point.tolist()  # (1 - 2/3) / (1 - 1/3)
[Fraction(1, 2), Fraction(1, 2)]
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from fractions import Fraction
from typing import Any

import numpy as np

from crisisgames.errors import InvalidParameterError, ShapeError, UnknownLabelError
from crisisgames.games._arith import where
from crisisgames.games.bargaining import (
    BargainingProblem,
    _check_range,
    _Curve,
    _FnCurve,
    _parameters,
    _PLCurve,
)

__all__ = [
    "METHODS",
    "BargainingSolution",
    "egalitarian",
    "kalai_smorodinsky",
    "limit_power",
    "nash_solution",
    "rubinstein",
    "rubinstein_breakdown",
    "solutions_table",
    "solve",
    "utilitarian",
]

_ITER = 100  # bisection steps for frontier functions (the interval shrinks below 1e-15)


# ---------------------------------------------------------------------------- results
@dataclass(frozen=True, eq=False)
class BargainingSolution:
    """The solution of a bargaining problem (or of each problem of a batch).

    Arrays have the batch shape ``S`` in front (``()`` for one problem); entries are
    Fractions (object arrays) in exact mode, floats otherwise.

    Attributes
    ----------
    method
        ``"nash"``, ``"kalai-smorodinsky"``, ``"egalitarian"``, ``"utilitarian"``,
        ``"rubinstein"`` or ``"rubinstein-breakdown"``.
    parameters
        The method's parameters as given (bargaining power, discount factors, ...).
    players, packages, terms
        Labels, as in the problem.
    point
        ``(*S, 2)``: the utilities agreed; the fallback payoffs (the disagreement point, or
        for the strategic models the payoffs of never agreeing) where there is no agreement.
    disagreement
        ``(*S, 2)``: the problem's disagreement point.
    agreement
        ``(*S)`` bool: whether some feasible point is strictly better than disagreement for
        both (then the solution is an agreement).
    unique
        ``(*S)`` bool: false where the method's maximisers form an edge (utilitarian ties).
    lottery, weights
        ``(*S, 2)``: the packages implementing the point (indices into ``packages``, ``-1``
        for none) and their probabilities; a single package has weights ``(1, 0)``.
        ``None`` for frontier-function problems.
    proposals
        Strategic methods: ``(*S, 2, 2)``, each player's equilibrium proposal (player,
        utilities); ``None`` otherwise.
    exact, tol
        The arithmetic, and the float tolerance (relative to the problem's scale).
    notes
        Method-specific remarks.
    """

    method: str
    parameters: Mapping[str, Any]
    players: tuple[str, str]
    packages: tuple[str, ...]
    terms: tuple[tuple[str, ...], ...]
    point: np.ndarray
    disagreement: np.ndarray
    agreement: np.ndarray
    unique: np.ndarray
    lottery: np.ndarray | None
    weights: np.ndarray | None
    exact: bool
    tol: float
    proposals: np.ndarray | None = None
    notes: str = ""

    @property
    def shape(self) -> tuple[int, ...]:
        """The batch shape."""
        return tuple(self.agreement.shape)

    @property
    def status(self) -> Any:
        """``"agreement"``, ``"no agreement"`` or ``"not unique"`` (a str for one problem,
        else an array of str)."""
        out = np.where(
            self.agreement, np.where(self.unique, "agreement", "not unique"), "no agreement"
        )
        return str(out) if out.ndim == 0 else out

    @property
    def gains(self) -> np.ndarray:
        """``(*S, 2)``: the point minus the disagreement point."""
        return self.point - self.disagreement

    def mix(self, index: tuple[int, ...] = ()) -> tuple[tuple[str, Any], ...]:
        """The packages and probabilities implementing one problem's solution.

        Examples
        --------
        >>> from crisisgames.games.bargaining import BargainingProblem
        >>> p = BargainingProblem([[2, 0], [0, 2], [0, 0]], [0, 0], packages=["a", "b", "c"])
        >>> kalai_smorodinsky(p).mix()  # (1, 1): half of each end of the edge from b to a
        (('b', Fraction(1, 2)), ('a', Fraction(1, 2)))
        >>> q = BargainingProblem([[2, 0], [0, 2], [1, 1]], [0, 0], packages=["a", "b", "c"])
        >>> kalai_smorodinsky(q).mix()  # c lies on that edge, at the solution
        (('c', Fraction(1, 1)),)
        """
        if self.lottery is None or self.weights is None:
            return ()
        lot, w = self.lottery[index], self.weights[index]
        return tuple(
            (self.packages[int(k)], w[i]) for i, k in enumerate(lot) if int(k) >= 0 and w[i] != 0
        )

    def term_probabilities(self, index: tuple[int, ...] = ()) -> dict[str, Any]:
        """``{term: probability that it is in the settlement}`` for one problem."""
        out: dict[str, Any] = {}
        for label, w in self.mix(index):
            for t in self.terms[self.packages.index(label)]:
                out[t] = out.get(t, 0) + w
        return out

    def term_probability(self, term: str) -> np.ndarray:
        """``(*S)``: the probability that ``term`` is in the settlement, for every problem of
        the batch (array operations; 0 where there is no agreement).

        Examples
        --------
        >>> from crisisgames.games.bargaining import BargainingProblem
        >>> p = BargainingProblem([[2, 0], [0, 2]], [0, 0], terms=[["x"], ["y"]])
        >>> kalai_smorodinsky(p).term_probability("x")
        Fraction(1, 2)
        """
        if self.lottery is None or self.weights is None:
            return np.zeros(self.shape)
        has = np.array([term in t for t in self.terms] + [False])  # index -1: no package
        w = np.where(has[self.lottery], self.weights, 0 * self.weights)
        out = np.asarray(w[..., 0] + w[..., 1])
        return out[()] if out.ndim == 0 else out

    def describe(self, index: tuple[int, ...] = ()) -> str:
        """One line for one problem: status, packages and payoffs."""
        point = self.point[index]
        pay = ", ".join(f"{p} {_fmt(v)}" for p, v in zip(self.players, point, strict=True))
        status = self.status if self.shape == () else str(self.status[index])
        if status == "no agreement":
            return f"{self.method}: no agreement; {pay}"
        mix = self.mix(index)
        what = _mix_text(mix) if mix else "a frontier point"
        return f"{self.method}: {status} on {what}; {pay}"


def _fmt(v: Any, digits: int | None = None) -> str:
    if isinstance(v, Fraction) and digits is None:
        return str(v)
    return f"{float(v):.{digits or 4}g}"


def _mix_text(mix: Sequence[tuple[str, Any]], digits: int | None = None) -> str:
    return " + ".join(f"{_fmt(w, digits)} {lab!r}" if w != 1 else repr(lab) for lab, w in mix)


def solutions_table(
    solutions: Sequence[BargainingSolution],
    index: tuple[int, ...] = (),
    *,
    labels: Sequence[str] | None = None,
    digits: int | None = None,
) -> str:
    """A text table of several solutions of one problem: method, status, payoffs, packages.

    Parameters
    ----------
    solutions
        Solutions of the same problem (or batch).
    index
        Which problem of a batch.
    labels
        Row labels (default: each solution's method).
    digits
        Show numbers as decimals with this many significant digits (default: exact
        fractions in exact mode, 4 digits otherwise).

    Examples
    --------
    >>> from fractions import Fraction as F
    >>> from crisisgames.games.bargaining import BargainingProblem
    >>> p = BargainingProblem([[1, 0], [0, 1]], [0, 0], packages=["A", "B"])
    >>> print(solutions_table([nash_solution(p), rubinstein(p, F(1, 2))]))
    method      status     P1   P2   packages
    nash        agreement  1/2  1/2  1/2 'B' + 1/2 'A'
    rubinstein  agreement  2/3  1/3  1/3 'B' + 2/3 'A'
    """
    if not solutions:
        return ""
    players = solutions[0].players
    names = list(labels) if labels is not None else [s.method for s in solutions]
    rows = [["method", "status", players[0], players[1], "packages"]]
    for name, s in zip(names, solutions, strict=True):
        st = s.status if s.shape == () else str(s.status[index])
        mix = s.mix(index) if st != "no agreement" else ()
        point = s.point[index]
        rows.append(
            [
                name,
                st,
                _fmt(point[0], digits),
                _fmt(point[1], digits),
                _mix_text(mix, digits) or "-",
            ]
        )
    widths = [max(len(r[i]) for r in rows) for i in range(5)]
    return "\n".join(
        "  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)).rstrip() for r in rows
    )


# ---------------------------------------------------------------------------- preparation
@dataclass(frozen=True)
class _IR:
    """A problem prepared for solving: its frontier broadcast to the batch shape, in one
    arithmetic, and the individually rational part of it relative to a base point."""

    curve: _Curve
    base: np.ndarray  # (*S, 2)
    xl: np.ndarray  # (*S,): the IR frontier is x in [xl, xr]
    xr: np.ndarray
    agree: np.ndarray  # (*S,) bool
    ideal: np.ndarray  # (*S, 2)
    exact: bool
    eps: np.ndarray | float  # float tolerance (absolute) per problem, 0 when exact


def _mode(a: Any, exact: bool) -> np.ndarray:
    """An array in the computation's arithmetic (Fractions in object arrays, or floats)."""
    return np.asarray(a, dtype=object) if exact else np.asarray(a).astype(float)


def _broadcast_curve(problem: BargainingProblem, shape: tuple[int, ...], exact: bool) -> _Curve:
    curve = problem._curve()
    if isinstance(curve, _PLCurve):
        m = curve.X.shape[-1]
        X = np.broadcast_to(_mode(curve.X, exact), (*shape, m))
        Y = np.broadcast_to(_mode(curve.Y, exact), (*shape, m))
        return _PLCurve(X, Y, exact)
    assert isinstance(curve, _FnCurve)
    lo = np.broadcast_to(np.asarray(curve.lo, dtype=float), shape)
    hi = np.broadcast_to(np.asarray(curve.hi, dtype=float), shape)
    return _FnCurve(curve.fn, lo, hi)


def _col(a: Any) -> np.ndarray:
    """A trailing axis of length one (0-d object arithmetic returns bare scalars)."""
    return np.asarray(a)[..., None]


def _ir_on(curve: _Curve, base: np.ndarray, exact: bool, tol: float) -> _IR:
    """The individually rational part of the frontier relative to ``base``."""
    g1, g2 = base[..., 0], base[..., 1]
    lo, hi = curve.lo, curve.hi
    xl = np.maximum(lo, g1)
    fxl = curve.f(_col(xl))[..., 0]
    if exact:
        eps: Any = 0
        agree = np.asarray((g1 < hi) & (fxl > g2), dtype=bool)
    else:
        flo, fhi = curve.f(_col(lo))[..., 0], curve.f(_col(hi))[..., 0]
        scale = np.maximum.reduce(
            [
                np.ones_like(g1),
                np.abs(lo),
                np.abs(hi),
                np.abs(flo),
                np.abs(fhi),
                np.abs(g1),
                np.abs(g2),
            ]
        )
        eps = tol * scale
        agree = np.asarray((hi - g1 > eps) & (fxl - g2 > eps), dtype=bool)
    xr = np.minimum(hi, curve.finv(_col(g2))[..., 0])
    xl = where(agree, xl, lo)
    xr = where(agree, xr, lo)
    fxl = curve.f(_col(xl))[..., 0]
    ideal = np.stack([where(agree, xr, g1), where(agree, fxl, g2)], axis=-1)
    return _IR(curve, base, xl, xr, agree, ideal, exact, eps)


def _individually_rational(problem: BargainingProblem, base: Any) -> _IR:
    shape = problem.shape
    exact = problem.exact
    b = np.broadcast_to(_mode(base, exact), (*shape, 2))
    return _ir_on(_broadcast_curve(problem, shape, exact), b, exact, problem.tol)


def _prepare(
    problem: BargainingProblem, params: Mapping[str, Any], pairs: Mapping[str, Any] | None = None
) -> tuple[_IR, dict[str, np.ndarray]]:
    """Coerce parameters (scalars or arrays), choose the arithmetic, broadcast everything
    to one batch shape and find the individually rational frontier relative to ``d``."""
    if not isinstance(problem, BargainingProblem):
        raise InvalidParameterError(f"expected a BargainingProblem, got {type(problem).__name__}")
    groups = {"scalar": dict(params), "pair": dict(pairs or {})}
    coerced = {g: _parameters(v) for g, v in groups.items() if v}
    exact = problem.exact and all(a.exact for a in coerced.values())
    if not exact:  # one float input makes the whole computation float
        coerced = {g: _parameters(groups[g], exact=False) for g in coerced}
    shapes = [problem.shape]
    for g, a in coerced.items():
        shapes += [v.shape[:-1] if g == "pair" else v.shape for v in a.values()]
    try:
        shape = tuple(np.broadcast_shapes(*shapes))
    except ValueError:
        raise ShapeError(
            f"parameter shapes {shapes[1:]} do not broadcast against the problems' batch "
            f"shape {problem.shape}"
        ) from None
    out: dict[str, np.ndarray] = {}
    for g, a in coerced.items():
        for k, v in a.items():
            tail = (2,) if g == "pair" else ()
            if tail and v.shape[-1:] != (2,):
                raise ShapeError(f"{k} must have shape (..., 2), one value a player")
            out[k] = np.broadcast_to(_mode(v, exact), (*shape, *tail))
    curve = _broadcast_curve(problem, shape, exact)
    d = np.broadcast_to(_mode(problem.disagreement, exact), (*shape, 2))
    return _ir_on(curve, d, exact, problem.tol), out


def _div(num: Any, den: Any, exact: bool) -> Any:
    """``num / den`` where ``den != 0``, else 0."""
    zero = np.asarray(den == 0, dtype=bool)
    one: Any = Fraction(1) if exact else 1.0
    return where(zero, Fraction(0) if exact else 0.0, np.asarray(num) / where(zero, one, den))


# ---------------------------------------------------------------------------- root finding
def _root(
    F: Callable[[np.ndarray], np.ndarray],
    lo: np.ndarray,
    hi: np.ndarray,
    ir: _IR,
    cands: np.ndarray | None,
) -> np.ndarray:
    """The root of a decreasing function on ``[lo, hi]``: ``sup{x : F(x) > 0}`` (``lo`` if
    ``F(lo) <= 0``, ``hi`` if ``F(hi) > 0``).

    On a polygonal frontier ``F`` is linear between consecutive ``cands`` (its breakpoints,
    all given), so the root lies between the largest candidate where ``F > 0`` and the
    smallest where ``F <= 0`` with no breakpoint between them: one exact interpolation,
    no sorting.  On a frontier function, bisection.
    """
    L, R = _col(lo), _col(hi)
    if cands is not None:
        c = np.concatenate([L, R, cands], axis=-1)
        c = np.minimum(np.maximum(c, L), R)
        pos = np.asarray(F(c) > 0, dtype=bool)
        a = np.max(where(pos, c, L), axis=-1)
        b = np.min(where(pos, R, c), axis=-1)
        fa, fb = F(_col(a))[..., 0], F(_col(b))[..., 0]
        t = _div(fa, fa - fb, ir.exact)
        root = a + (b - a) * t
        root = where(pos.any(axis=-1), root, lo)
        return where(pos.all(axis=-1), hi, root)
    a, b = np.asarray(lo, dtype=float), np.asarray(hi, dtype=float)
    f_lo = F(_col(a))[..., 0]
    f_hi = F(_col(b))[..., 0]
    for _ in range(_ITER):
        m = 0.5 * (a + b)
        pos = F(_col(m))[..., 0] > 0
        a, b = np.where(pos, m, a), np.where(pos, b, m)
    root = 0.5 * (a + b)
    root = np.where(f_lo > 0, root, lo)
    return np.where(f_hi > 0, hi, root)


def _slope(curve: _Curve, q: np.ndarray) -> np.ndarray:
    """The derivative of a frontier function by central differences (one-sided at the
    ends of its domain); the step is 1e-6 of the domain, for an error near 1e-11."""
    lo, hi = _col(curve.lo), _col(curve.hi)
    h = 1e-6 * np.maximum(hi - lo, 1e-300)
    a, b = np.maximum(q - h, lo), np.minimum(q + h, hi)
    return (curve.f(b) - curve.f(a)) / (b - a)


# ---------------------------------------------------------------------------- results
def _lottery(
    problem: BargainingProblem, ir: _IR, x: np.ndarray
) -> tuple[np.ndarray | None, np.ndarray | None]:
    """The package, or lottery over two adjacent vertices, at frontier abscissa ``x``."""
    curve = ir.curve
    if not isinstance(curve, _PLCurve) or problem.utilities is None:
        return None, None
    shape = ir.agree.shape
    fr = problem.frontier
    X = curve.X
    pk = np.broadcast_to(fr.package, (*shape, fr.package.shape[-1]))
    m = X.shape[-1]
    idx = np.zeros(shape, dtype=np.intp)
    for k in range(1, m):
        idx += np.asarray(X[..., k] < x, dtype=bool)
    idx = _col(np.clip(idx, 0, m - 2))
    x0 = np.take_along_axis(X, idx, -1)[..., 0]
    x1 = np.take_along_axis(X, idx + 1, -1)[..., 0]
    w = _div(x - x0, x1 - x0, ir.exact)
    if not ir.exact:  # a point within tolerance of a vertex is that package
        w = np.asarray(w, dtype=float)
        span = np.abs(np.asarray(x1 - x0, dtype=float))
        near0 = np.abs(w) * span <= ir.eps
        near1 = np.abs(1 - w) * span <= ir.eps
        w = np.where(near0, 0.0, np.where(near1, 1.0, w))
    p0 = np.take_along_axis(pk, idx, -1)[..., 0]
    p1 = np.take_along_axis(pk, idx + 1, -1)[..., 0]
    at0, at1 = np.asarray(w == 0, dtype=bool), np.asarray(w == 1, dtype=bool)
    none = -np.ones(shape, dtype=np.intp)
    first = np.where(at1, p1, p0)
    second = np.where(at0 | at1, none, p1)
    lottery = np.stack([np.where(ir.agree, first, none), np.where(ir.agree, second, none)], -1)
    one: Any = Fraction(1) if ir.exact else 1.0
    zero: Any = Fraction(0) if ir.exact else 0.0
    w0 = where(at0 | at1, one, 1 - w)
    w1 = where(at0 | at1, zero, w)
    weights = np.stack([where(ir.agree, w0, zero), where(ir.agree, w1, zero)], -1)
    return lottery, weights


def _result(
    method: str,
    problem: BargainingProblem,
    ir: _IR,
    x: np.ndarray,
    parameters: Mapping[str, Any],
    *,
    fallback: np.ndarray | None = None,
    unique: np.ndarray | None = None,
    proposals: np.ndarray | None = None,
    notes: str = "",
) -> BargainingSolution:
    x = where(ir.agree, x, ir.xl)
    y = ir.curve.f(_col(x))[..., 0]
    back = ir.base if fallback is None else fallback
    point = np.stack([where(ir.agree, x, back[..., 0]), where(ir.agree, y, back[..., 1])], -1)
    lottery, weights = _lottery(problem, ir, x)
    d = np.broadcast_to(problem.disagreement, (*ir.agree.shape, 2))
    d = np.asarray(d, dtype=object if ir.exact else float)
    dtype = object if ir.exact else float
    return BargainingSolution(
        method=method,
        parameters=dict(parameters),
        players=problem.players,
        packages=problem.packages,
        terms=problem.terms,
        point=np.asarray(point, dtype=dtype),
        disagreement=d,
        agreement=ir.agree,
        unique=np.ones(ir.agree.shape, dtype=bool) if unique is None else (unique | ~ir.agree),
        lottery=lottery,
        weights=weights,
        exact=ir.exact,
        tol=problem.tol,
        proposals=None if proposals is None else np.asarray(proposals, dtype=dtype),
        notes=notes,
    )


def _clipped_vertices(ir: _IR, lo: np.ndarray, hi: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The polygonal frontier's vertices clipped to ``[lo, hi]`` (ends repeat)."""
    assert isinstance(ir.curve, _PLCurve)
    Xc = np.minimum(np.maximum(ir.curve.X, _col(lo)), _col(hi))
    return Xc, ir.curve.f(Xc)


# ---------------------------------------------------------------------------- axiomatic
def nash_solution(problem: BargainingProblem, power: Any = Fraction(1, 2)) -> BargainingSolution:
    """The Nash bargaining solution, symmetric or with bargaining power.

    Maximises ``(u1 - d1)^a (u2 - d2)^(1 - a)`` over the feasible points at least as good
    as ``d`` for both.

    Parameters
    ----------
    problem
        One problem or a batch.
    power
        Player 1's bargaining power ``a`` in ``[0, 1]`` (player 2's is ``1 - a``);
        ``1/2`` (default) is Nash's symmetric solution.  Broadcasts against the batch.

    Raises
    ------
    InvalidParameterError
        A power outside ``[0, 1]``, or NaN.

    Examples
    --------
    A unit surplus with power ``a``: maximise ``x^a (1 - x)^(1 - a)``, so
    ``a / x = (1 - a) / (1 - x)``, ``x = a``:

    >>> from fractions import Fraction as F
    >>> from crisisgames.games.bargaining import BargainingProblem
    >>> pie = BargainingProblem([[1, 0], [0, 1]], [0, 0])
    >>> nash_solution(pie, power=F(1, 4)).point.tolist()
    [Fraction(1, 4), Fraction(3, 4)]
    >>> import numpy as np
    >>> nash_solution(pie, power=np.array([0.2, 0.5, 0.9])).point[:, 0].round(12).tolist()
    [0.2, 0.5, 0.9]
    """
    ir, prm = _prepare(problem, {"power": power})
    a = prm["power"]
    _check_range("power", a, 0, 1)
    d1, d2 = ir.base[..., 0], ir.base[..., 1]
    if isinstance(ir.curve, _PLCurve):
        Xc, Yc = _clipped_vertices(ir, ir.xl, ir.xr)
        dx, dy = np.diff(Xc, axis=-1), np.diff(Yc, axis=-1)
        ac = _col(a)
        # sign of the objective's derivative at the start of each edge, along the edge
        s = ac * dx * (Yc[..., :-1] - _col(d2)) + (1 - ac) * dy * (Xc[..., :-1] - _col(d1))
        up = np.asarray((s > 0) & (dx > 0), dtype=bool)
        last = up.shape[-1] - 1 - np.argmax(up[..., ::-1], axis=-1)
        k = _col(last)
        sk, dxk, dyk = (np.take_along_axis(v, k, -1)[..., 0] for v in (s, dx, dy))
        xk = np.take_along_axis(Xc, k, -1)[..., 0]
        # on that edge: a dx (y_k - d2 + t dy) + (1 - a) dy (x_k - d1 + t dx) = 0
        t = np.minimum(_div(-sk, dxk * dyk, ir.exact), 1)
        x = where(up.any(axis=-1), xk + t * dxk, ir.xl)
    else:
        curve = ir.curve

        def foc(q: np.ndarray) -> np.ndarray:
            """a (f - d2) + (1 - a) f' (x - d1): decreasing, zero at the maximiser."""
            ac = _col(a)
            return ac * (curve.f(q) - _col(d2)) + (1 - ac) * _slope(curve, q) * (q - _col(d1))

        x = _root(foc, ir.xl, ir.xr, ir, None)
    return _result("nash", problem, ir, x, {"power": power})


def _ray(ir: _IR, r1: np.ndarray, r2: np.ndarray, lo: Any = None, hi: Any = None) -> np.ndarray:
    """Where the frontier meets the ray from ``d`` along ``(r1, r2)`` (clamped to its ends)."""
    d1, d2 = ir.base[..., 0], ir.base[..., 1]
    curve = ir.curve
    lo = ir.xl if lo is None else lo
    hi = ir.xr if hi is None else hi

    def F(q: np.ndarray) -> np.ndarray:
        return _col(r1) * (curve.f(q) - _col(d2)) - _col(r2) * (q - _col(d1))

    return _root(F, lo, hi, ir, curve.breakpoints)


def kalai_smorodinsky(problem: BargainingProblem) -> BargainingSolution:
    """The Kalai-Smorodinsky solution: the maximal point on the segment from ``d`` to the
    ideal point (each player's best individually rational utility).

    Examples
    --------
    A triangle: packages ``(0, 0)``, ``(2, 0)``, ``(0, 1)``, ``d = 0``.  The frontier is
    ``u2 = 1 - u1/2``, the ideal point ``(2, 1)``; the segment ``u2 = u1/2`` meets the
    frontier at ``u1/2 = 1 - u1/2``, ``u1 = 1``: ``(1, 1/2)``, half of each vertex.

    >>> from crisisgames.games.bargaining import BargainingProblem
    >>> p = BargainingProblem([[0, 0], [2, 0], [0, 1]], [0, 0], packages=["none", "A", "B"])
    >>> print(kalai_smorodinsky(p).describe())
    kalai-smorodinsky: agreement on 1/2 'B' + 1/2 'A'; P1 1, P2 1/2
    """
    ir, _ = _prepare(problem, {})
    r1 = ir.ideal[..., 0] - ir.base[..., 0]
    r2 = ir.ideal[..., 1] - ir.base[..., 1]
    return _result("kalai-smorodinsky", problem, ir, _ray(ir, r1, r2), {})


def egalitarian(problem: BargainingProblem, weights: Any = (1, 1)) -> BargainingSolution:
    """The egalitarian solution: the maximal point with equal gains over ``d``, or gains
    proportional to ``weights`` (Kalai's proportional solution).

    Where the frontier ends before the equal-gains line meets it (the feasible set is not
    comprehensive: no free disposal), the solution is the frontier's end on that side, the
    lexicographic egalitarian point; its gains are then not equal.

    Parameters
    ----------
    weights
        ``(w1, w2)``, positive; each broadcasts against the batch.

    Examples
    --------
    >>> from crisisgames.games.bargaining import BargainingProblem
    >>> p = BargainingProblem([[0, 0], [2, 0], [0, 1]], [0, 0])
    >>> egalitarian(p).point.tolist()  # u1 = u2 = 1 - u1/2: u1 = 2/3
    [Fraction(2, 3), Fraction(2, 3)]
    """
    ir, prm = _prepare(problem, {}, {"weights": weights})
    w = prm["weights"]
    _check_range("weights", w, 0, math.inf, low_open=True)
    x = _ray(ir, w[..., 0], w[..., 1])
    return _result("egalitarian", problem, ir, x, {"weights": weights})


def utilitarian(problem: BargainingProblem, weights: Any = (1, 1)) -> BargainingSolution:
    """The utilitarian solution: maximise ``w1 u1 + w2 u2`` over the individually rational
    frontier.

    When a whole edge maximises it (status ``"not unique"``), the point reported is the
    egalitarian point of that edge.  On a frontier function the maximiser is the root of
    ``w1 + w2 f'(u1)`` (by bisection, ``f'`` by central differences; an edge of ties is not
    detected).

    Examples
    --------
    >>> from crisisgames.games.bargaining import BargainingProblem
    >>> p = BargainingProblem([[3, 0], [2, 2], [0, 3]], [0, 0], packages=["a", "b", "c"])
    >>> print(utilitarian(p).describe())
    utilitarian: agreement on 'b'; P1 2, P2 2
    >>> pie = BargainingProblem([[1, 0], [0, 1]], [0, 0])
    >>> s = utilitarian(pie)  # every division has the same sum
    >>> s.status, s.point.tolist()
    ('not unique', [Fraction(1, 2), Fraction(1, 2)])
    """
    ir, prm = _prepare(problem, {}, {"weights": weights})
    w = prm["weights"]
    _check_range("weights", w, 0, math.inf, low_open=True)
    w1, w2 = w[..., 0], w[..., 1]
    if isinstance(ir.curve, _PLCurve):
        Xc, Yc = _clipped_vertices(ir, ir.xl, ir.xr)
        v = _col(w1) * Xc + _col(w2) * Yc
        vmax = np.max(v, axis=-1)
        tied = np.asarray(v >= _col(vmax - ir.eps * (w1 + w2)), dtype=bool)
        a = np.min(where(tied, Xc, _col(ir.xr)), axis=-1)
        b = np.max(where(tied, Xc, _col(ir.xl)), axis=-1)
        unique = np.asarray((b - a) <= ir.eps, dtype=bool)
        one: Any = Fraction(1) if ir.exact else 1.0
        ones = np.full(np.shape(a), one, dtype=object if ir.exact else float)
        x = _ray(ir, ones, ones, a, b)
    else:
        curve = ir.curve

        def marginal(q: np.ndarray) -> np.ndarray:
            return _col(w1) + _col(w2) * _slope(curve, q)

        x = _root(marginal, ir.xl, ir.xr, ir, None)
        unique = np.ones(ir.agree.shape, dtype=bool)
    return _result("utilitarian", problem, ir, x, {"weights": weights}, unique=unique)


# ---------------------------------------------------------------------------- strategic
def limit_power(delta1: Any, delta2: Any) -> Any:
    """Player 1's bargaining power in the Nash solution that Rubinstein's outcome tends to
    as the period shrinks: ``log delta2 / (log delta1 + log delta2)`` (BRW 1986).

    Examples
    --------
    >>> round(limit_power(0.9, 0.9), 12), round(limit_power(0.5, 0.25), 12)
    (0.5, 0.666666666667)
    """
    d1 = np.asarray(delta1, dtype=float)
    d2 = np.asarray(delta2, dtype=float)
    _check_range("delta1", d1, 0, 1, low_open=True, high_open=True)
    _check_range("delta2", d2, 0, 1, low_open=True, high_open=True)
    out = np.log(d2) / (np.log(d1) + np.log(d2))
    return float(out) if out.ndim == 0 else out


def _alternating(
    problem: BargainingProblem,
    ir_d: _IR,
    c: np.ndarray,
    dlt: np.ndarray,
    e: np.ndarray,
    first: int,
) -> tuple[_IR, np.ndarray, np.ndarray]:
    """The stationary SPE of alternating offers with continuation point ``c``, effective
    discount factors ``dlt`` and outside options ``e`` (all ``(*S, 2)``).

    Returns the IR view (relative to ``max(c, e)``), the first proposer's player-1
    abscissa ``x`` and both proposals ``(*S, 2, 2)``, in the problem's coordinates.
    """
    e = np.maximum(e, c)  # an outside option below the continuation is never used
    curve = ir_d.curve
    if first == 1:  # exchange the roles: solve with player 2 on the x axis
        curve = curve.swapped()
        c, dlt, e = c[..., ::-1], dlt[..., ::-1], e[..., ::-1]
    ir = _ir_on(curve, e, ir_d.exact, problem.tol)
    c1, c2 = c[..., 0], c[..., 1]
    d1p, d2p = dlt[..., 0], dlt[..., 1]
    xl, xr = ir.xl, ir.xr
    fxl = curve.f(_col(xl))[..., 0]

    def responder_two(q: np.ndarray) -> np.ndarray:
        """B2: the proposer's slack when the responder's continuation binds."""
        tau1 = _col(c1) + _col(d1p) * (q - _col(c1))
        tau1 = np.minimum(np.maximum(tau1, _col(xl)), _col(xr))
        return curve.f(q) - _col(c2) - _col(d2p) * (curve.f(tau1) - _col(c2))

    cands = None
    if curve.breakpoints is not None:
        bp = curve.breakpoints
        cands = np.concatenate(
            [
                bp,
                _col(c1) + _div(bp - _col(c1), _col(d1p), ir.exact),
                _col(c1 + _div(xl - c1, d1p, ir.exact)),
            ],
            axis=-1,
        )
    r_b2 = _root(responder_two, xl, xr, ir, cands)
    # B1: the responder's own outside option binds when it would propose; closed form
    level = c2 + d2p * (fxl - c2)
    r_b1 = np.minimum(np.maximum(curve.finv(_col(level))[..., 0], xl), xr)
    a = np.maximum(r_b1, r_b2)
    a = where(ir.agree, a, xl)
    tau1 = np.maximum(e[..., 0], c1 + d1p * (a - c1))
    y1 = np.minimum(np.maximum(tau1, xl), xr)
    fa = curve.f(_col(a))[..., 0]
    fy = curve.f(_col(y1))[..., 0]
    mine = np.stack([a, fa], -1)  # the first proposer's proposal
    theirs = np.stack([y1, fy], -1)  # the second proposer's
    if first == 1:
        mine, theirs = mine[..., ::-1], theirs[..., ::-1]
        proposals = np.stack([theirs, mine], -2)
        x = mine[..., 0]
    else:
        proposals = np.stack([mine, theirs], -2)
        x = a
    return ir, x, proposals


def _check_first(first: Any) -> int:
    if first not in (0, 1) or isinstance(first, bool):
        raise InvalidParameterError(f"first must be 0 or 1 (the first proposer), got {first!r}")
    return int(first)


def rubinstein(
    problem: BargainingProblem, delta1: Any, delta2: Any = None, *, first: int = 0
) -> BargainingSolution:
    """Rubinstein's alternating-offers bargaining: the subgame-perfect agreement.

    Parameters
    ----------
    problem
        The feasible set and ``d``, the payoff of never agreeing (impatience is measured
        from it: agreement ``u`` after ``t`` rejections is worth ``d + delta^t (u - d)``).
    delta1, delta2
        Discount factors per round, each in ``(0, 1)``; ``delta2`` defaults to ``delta1``.
        They broadcast against the batch.
    first
        The first proposer (0 or 1).

    Returns
    -------
    BargainingSolution
        ``point`` is the first proposer's equilibrium proposal, accepted at once;
        ``proposals`` holds both players' equilibrium proposals.

    Raises
    ------
    InvalidParameterError
        A discount factor outside ``(0, 1)`` or NaN; ``first`` not 0 or 1.

    Examples
    --------
    A unit surplus, ``d = 0``: ``x*_1 = (1 - delta2) / (1 - delta1 delta2)``; with
    ``delta1 = 1/2``, ``delta2 = 3/4``: ``(1/4) / (5/8) = 2/5``; player 2 proposes
    ``y*_1 = delta1 x*_1 = 1/5``.

    >>> from fractions import Fraction as F
    >>> from crisisgames.games.bargaining import BargainingProblem
    >>> pie = BargainingProblem([[1, 0], [0, 1]], [0, 0])
    >>> s = rubinstein(pie, F(1, 2), F(3, 4))
    >>> s.point.tolist(), s.proposals[1].tolist()
    ([Fraction(2, 5), Fraction(3, 5)], [Fraction(1, 5), Fraction(4, 5)])
    >>> rubinstein(pie, 1.0)
    Traceback (most recent call last):
    ...
    crisisgames.errors.InvalidParameterError: delta1 must lie in (0, 1); got 1.0
    """
    first = _check_first(first)
    delta2 = delta1 if delta2 is None else delta2
    for name, v in (("delta1", delta1), ("delta2", delta2)):
        _check_range(name, _parameters({name: v})[name], 0, 1, low_open=True, high_open=True)
    ir_d, prm = _prepare(problem, {"delta1": delta1, "delta2": delta2})
    dlt = np.stack([prm["delta1"], prm["delta2"]], -1)
    c = ir_d.base
    _ir, x, proposals = _alternating(problem, ir_d, c, dlt, c, first)
    return _result(
        "rubinstein",
        problem,
        ir_d,
        x,
        {"delta1": delta1, "delta2": delta2, "first": first},
        proposals=proposals,
    )


def rubinstein_breakdown(
    problem: BargainingProblem,
    breakdown: Any,
    *,
    breakdown_payoff: Any = None,
    delta1: Any = 1,
    delta2: Any = None,
    first: int = 0,
    outside_option: bool = True,
) -> BargainingSolution:
    """Alternating offers under a risk of breakdown (here: of war while the talks go on).

    After each rejection the talks break down with probability ``breakdown``, and both
    get ``breakdown_payoff`` (war); otherwise the next round follows after a delay
    discounted by ``delta`` (from ``d``).  With ``outside_option`` a responder may instead
    walk away to the disagreement point ``d`` (the standoff without talks).

    The model is Rubinstein's with effective discount factors ``delta_i' = (1 - p) delta_i``
    and effective disagreement point ``c_i = [p b_i + (1 - p)(1 - delta_i) d_i] / (1 -
    delta_i')``, plus the outside options ``d`` (accept iff the offer is at least
    ``max(d_i, continuation)``).  "No agreement" means no feasible point is strictly better
    than ``max(c, d)`` (with outside options) or ``c`` (without) for both.

    Parameters
    ----------
    breakdown
        The probability ``p`` of breakdown after a rejection, in ``[0, 1)``.
    breakdown_payoff
        ``(..., 2)``: the payoffs of breakdown; default ``d``.
    delta1, delta2
        Discount factors per round in ``(0, 1]`` (default 1: the only cost of delay is the
        risk of breakdown); ``delta2`` defaults to ``delta1``.  ``(1 - p) delta_i < 1`` is
        required (some cost of delay).
    first
        The first proposer (0 or 1).
    outside_option
        Whether a responder can walk away to ``d``.

    Raises
    ------
    InvalidParameterError
        ``breakdown`` outside ``[0, 1)``; a discount factor outside ``(0, 1]``; no cost of
        delay (``p = 0`` and ``delta = 1``).

    Examples
    --------
    A unit surplus, breakdown payoffs ``b = 0``, no discounting, no outside option: the
    responder's continuation is ``(1 - p)`` times its next proposal, Rubinstein with
    ``delta = 1 - p``: ``x*_1 = 1 / (2 - p)``, which tends to 1/2 (the symmetric Nash
    solution from ``b``) as ``p -> 0``.

    >>> from fractions import Fraction as F
    >>> from crisisgames.games.bargaining import BargainingProblem
    >>> pie = BargainingProblem([[1, 0], [0, 1]], [0, 0])
    >>> rubinstein_breakdown(pie, F(1, 10), outside_option=False).point.tolist()
    [Fraction(10, 19), Fraction(9, 19)]
    """
    first = _check_first(first)
    delta2 = delta1 if delta2 is None else delta2
    _check_range(
        "breakdown", _parameters({"breakdown": breakdown})["breakdown"], 0, 1, high_open=True
    )
    for name, v in (("delta1", delta1), ("delta2", delta2)):
        _check_range(name, _parameters({name: v})[name], 0, 1, low_open=True)
    pairs = None if breakdown_payoff is None else {"breakdown_payoff": breakdown_payoff}
    ir_d, prm = _prepare(
        problem, {"breakdown": breakdown, "delta1": delta1, "delta2": delta2}, pairs
    )
    p = _col(prm["breakdown"])
    delta = np.stack([prm["delta1"], prm["delta2"]], -1)
    eff = (1 - p) * delta
    if np.any(np.asarray(eff >= 1, dtype=bool)):
        raise InvalidParameterError(
            "no cost of delay: with breakdown = 0 the discount factors must be < 1 "
            "(the alternating-offers game then has a continuum of equilibria)"
        )
    d = ir_d.base
    b = d if breakdown_payoff is None else prm["breakdown_payoff"]
    c = (p * b + (1 - p) * (1 - delta) * d) / (1 - eff)
    e = d if outside_option else c
    ir, x, proposals = _alternating(problem, ir_d, c, eff, e, first)
    # the agreement test and the fallback are relative to max(c, e), not d
    ir_use = _IR(ir_d.curve, ir_d.base, ir_d.xl, ir_d.xr, ir.agree, ir_d.ideal, ir.exact, ir.eps)
    fallback = np.maximum(e, c)
    return _result(
        "rubinstein-breakdown",
        problem,
        ir_use,
        x,
        {
            "breakdown": breakdown,
            "breakdown_payoff": breakdown_payoff,
            "delta1": delta1,
            "delta2": delta2,
            "first": first,
            "outside_option": outside_option,
        },
        fallback=fallback,
        proposals=proposals,
    )


# ---------------------------------------------------------------------------- dispatch
METHODS: Mapping[str, Callable[..., BargainingSolution]] = {
    "nash": nash_solution,
    "kalai-smorodinsky": kalai_smorodinsky,
    "egalitarian": egalitarian,
    "utilitarian": utilitarian,
    "rubinstein": rubinstein,
    "rubinstein-breakdown": rubinstein_breakdown,
}
"""The solvers by method name."""


def solve(problem: BargainingProblem, method: str = "nash", **kwargs: Any) -> BargainingSolution:
    """Solve with a method named in :data:`METHODS` (keyword arguments pass through).

    Examples
    --------
    >>> from crisisgames.games.bargaining import BargainingProblem
    >>> pie = BargainingProblem([[1, 0], [0, 1]], [0, 0])
    >>> solve(pie, "kalai-smorodinsky").point.tolist()
    [Fraction(1, 2), Fraction(1, 2)]
    """
    try:
        fn = METHODS[method]
    except KeyError:
        raise UnknownLabelError(
            f"unknown bargaining method {method!r}; the methods are {', '.join(METHODS)}"
        ) from None
    return fn(problem, **kwargs)
