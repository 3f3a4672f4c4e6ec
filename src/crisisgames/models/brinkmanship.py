r"""Brinkmanship: the probabilistic threat of the Cuban Missile Crisis (MODELS.md §3).

Schelling's "threat that leaves something to chance", as Dixit & Skeath set it out for the
crisis (*Games of Strategy*, chapter "Brinkmanship: The Cuban Missile Crisis").

The model
---------
Nature draws the Soviet type: hard-line with probability ``p``, soft-line otherwise; the US
does not observe it.  The US demands withdrawal and makes a *probabilistic threat* ``q``:
if the USSR defies, war follows with probability ``q`` and with probability ``1 - q`` the
US backs down and the missiles stay.  Making no threat leaves the missiles in place.
Payoffs (US; soft USSR; hard USSR), the table's defaults:

=========================  =========  =====  =====
outcome                    US         soft   hard
=========================  =========  =====  =====
USSR complies              1 (recon)  -4     -8
missiles stay              -2 (recon) 2      2
war                        -10        -8     -4
=========================  =========  =====  =====

A *sweetener* ``j`` (the secret Jupiter trade) is added to both Soviet types' comply
payoffs.  Ties are read in favour of the threat working: a type indifferent between
complying and defying complies, and the US makes a threat it weakly prefers.

Derivations
-----------
**Effectiveness** (one type, payoffs comply ``c``, stay ``s``, war ``w``).  The type
complies at ``q`` iff

.. math:: c + j \ge q\,w + (1 - q)\,s \iff q\,(s - w) \ge s - c - j.

* ``s > w`` (the type prefers the status quo to war): it complies iff
  ``q >= t = (s - c - j) / (s - w)``.  If ``t <= 0`` it complies even without a threat;
  if ``t > 1`` no threat works.
* ``s < w`` (the type prefers war to the missiles staying): it complies iff ``q <= t``; a
  stronger threat makes defiance *more* attractive, and it complies at some ``q`` only if
  ``c + j >= s``, i.e. when it would comply with no threat at all: no threat is effective.
* ``s = w``: the threat is irrelevant; it complies iff ``c + j >= s``.

At the defaults: soft complies iff ``-4 >= -8q + 2(1 - q)`` iff ``q >= 3/5``; hard
complies iff ``-8 >= -4q + 2(1 - q)`` iff ``q >= 5/3 > 1``: never.

**Acceptability.**  Let ``m(q)`` be the probability that the USSR complies,
``m = (1 - p)[soft complies at q] + p[hard complies at q]``.  The US's expected payoff is

.. math:: EU(q, p) = m\,u_c + (1 - m)(q\,u_w + (1 - q)\,u_s) = u_s + m\,G - (1 - m)\,q\,L,

with ``G = u_c - u_s`` the US gain from compliance and ``L = u_s - u_w`` its loss from war.
The threat beats no threat (``u_s``) iff ``(1 - m) L q <= m G``.  When only the soft type
complies, ``m = 1 - p`` and the condition is ``q <= (1 - p) G / (p L)``; at the defaults
``q <= 3(1 - p)/(8p)``.

**The pure threat** ``q = 1`` (soft complies, hard defies) is acceptable iff
``(1 - p) G >= p L`` iff ``p <= G / (G + L)``: ``p <= 3/11`` at the defaults.

**The window** (soft complies, hard defies, acceptable) is
``[3/5, 3(1 - p)/(8p)] ∩ [0, 1]`` at the defaults, non-empty iff ``3/5 <= 3(1 - p)/(8p)``
iff ``p <= 5/13``; in general ``p <= G / (G + t_soft L)``.

**A sweetener** ``j`` lowers each type's threshold: soft ``(6 - j)/10``, hard
``(10 - j)/6`` (the hard type can be deterred, at ``q = 1``, once ``j >= 4``; the soft type
complies with no threat once ``j >= 6``), and the window at the defaults becomes
``[(6 - j)/10, 3(1 - p)/(8p)]``, non-empty iff ``p <= 15/(39 - 4j)`` while the hard type
still defies there.

**Probability of war**: ``P(war) = q (1 - m(q))``, e.g. ``p q`` in the window.

Every function takes exact inputs (ints, Fractions, strings like ``"3/5"``) and returns
exact Fractions, or takes floats and returns floats; all broadcast over NumPy arrays of
parameters.

Examples
--------
>>> from fractions import Fraction
>>> print(threat_window(Fraction(1, 3)))
[3/5, 3/4]
>>> print(threat_window(Fraction(1, 2)))
empty
>>> print(threat_window(Fraction(1, 2), sweetener=3))
[3/10, 3/8]
>>> window_closing_p()
Fraction(5, 13)
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from fractions import Fraction
from types import MappingProxyType
from typing import Any, Literal

import numpy as np

from crisisgames.errors import InvalidGameError, ShapeError
from crisisgames.games._arith import Args, coerce, finish, safe_div, where
from crisisgames.games.normal_form import NormalFormGame

__all__ = [
    "DEFAULT_PAYOFFS",
    "KENNEDY_SOURCE",
    "KENNEDY_WAR_ODDS",
    "PAYOFF_SOURCES",
    "SOURCE",
    "BrinkmanshipAnalysis",
    "Interval",
    "acceptability",
    "acceptability_bound",
    "brinkmanship_analysis",
    "brinkmanship_game",
    "compliance_interval",
    "effectiveness",
    "effectiveness_threshold",
    "is_acceptable",
    "pure_threat_acceptable",
    "threat_window",
    "us_expected_payoff",
    "war_probability",
    "window_closing_p",
]

SOURCE = (
    "Dixit & Skeath, Games of Strategy, chapter 'Brinkmanship: The Cuban Missile Crisis' "
    "(after Schelling, The Strategy of Conflict, 1960, ch. 8); payoff table as in MODELS.md §3"
)

DEFAULT_PAYOFFS: Mapping[str, int] = MappingProxyType(
    {
        "us_comply": 1,
        "us_stay": -2,
        "us_war": -10,
        "soft_comply": -4,
        "soft_stay": 2,
        "soft_war": -8,
        "hard_comply": -8,
        "hard_stay": 2,
        "hard_war": -4,
    }
)
"""The payoff table of MODELS.md §3, by parameter name."""

PAYOFF_SOURCES: Mapping[str, str] = MappingProxyType(
    {
        "us_comply": "Dixit & Skeath (recon: the widely taught value, not read in print here)",
        "us_stay": "Dixit & Skeath (recon: the widely taught value, not read in print here)",
        **{
            name: "Dixit & Skeath, as given in MODELS.md §3"
            for name in (
                "us_war",
                "soft_comply",
                "soft_stay",
                "soft_war",
                "hard_comply",
                "hard_stay",
                "hard_war",
            )
        },
    }
)
"""Provenance of each default payoff."""

Deter = Literal["soft", "hard", "both", "neither"]
_PATTERNS: dict[str, tuple[bool, bool]] = {
    "soft": (True, False),
    "hard": (False, True),
    "both": (True, True),
    "neither": (False, False),
}


# ---------------------------------------------------------------------------- intervals
@dataclass(frozen=True, eq=False)
class Interval:
    """A (possibly empty) interval of ``[0, 1]`` with exact endpoints, or an array of them.

    Attributes
    ----------
    lo, hi
        The endpoints: Fractions in exact mode, floats otherwise; arrays when the interval
        was computed over arrays of parameters.  An empty interval has no endpoints:
        ``None`` (exact) or NaN (float).
    lo_closed, hi_closed
        Whether each endpoint belongs to the interval.
    empty
        Whether the interval is empty.

    Examples
    --------
    >>> from fractions import Fraction
    >>> iv = Interval(Fraction(1, 3), Fraction(1, 2))
    >>> print(iv), iv.width, iv.contains(Fraction(2, 5))
    [1/3, 1/2]
    (None, Fraction(1, 6), True)
    >>> print(Interval(Fraction(1, 2), Fraction(1, 2), hi_closed=False))
    empty
    """

    lo: Any
    hi: Any
    lo_closed: Any = True
    hi_closed: Any = True
    empty: Any = None

    def __post_init__(self) -> None:
        if self.empty is not None:
            return
        # Scalar construction: work out emptiness; clear the endpoints of an empty interval.
        lo, hi = self.lo, self.hi
        if np.ndim(lo) or np.ndim(hi):
            raise ShapeError("give `empty` explicitly when building an array of intervals")
        empty = bool(lo > hi or (lo == hi and not (self.lo_closed and self.hi_closed)))
        object.__setattr__(self, "empty", empty)
        object.__setattr__(self, "lo_closed", bool(self.lo_closed) and not empty)
        object.__setattr__(self, "hi_closed", bool(self.hi_closed) and not empty)
        if empty:
            none = None if isinstance(lo, Fraction | int) else float("nan")
            object.__setattr__(self, "lo", none)
            object.__setattr__(self, "hi", none)

    @property
    def shape(self) -> tuple[int, ...]:
        """The shape of the parameter grid (``()`` for a single interval)."""
        return tuple(np.shape(self.empty))

    @property
    def width(self) -> Any:
        """``hi - lo``, zero when empty."""
        empty = np.asarray(self.empty, dtype=bool)
        lo = np.where(empty, 0, np.asarray(self.lo, dtype=object))
        hi = np.where(empty, 0, np.asarray(self.hi, dtype=object))
        if _is_float(self.lo):
            out = np.asarray(hi - lo, dtype=np.float64)
            return out if out.ndim else float(out)
        out = np.asarray(_as_fraction(np.asarray(hi - lo, dtype=object)), dtype=object)
        return out if out.ndim else out[()]

    def contains(self, q: Any) -> Any:
        """Whether ``q`` lies in the interval (broadcasting over arrays).

        Examples
        --------
        >>> Interval(0.25, 0.5, hi_closed=False).contains(np.array([0.25, 0.5]))
        array([ True, False])
        """
        empty = np.asarray(self.empty, dtype=bool)
        as_float = _is_float(self.lo) or _is_float(q)
        dtype: Any = np.float64 if as_float else object
        lo = np.where(empty, 0, np.asarray(self.lo, dtype=object)).astype(dtype)
        hi = np.where(empty, 0, np.asarray(self.hi, dtype=object)).astype(dtype)
        qq = np.asarray(q, dtype=dtype)
        above = (qq > lo) | ((qq == lo) & np.asarray(self.lo_closed, dtype=bool))
        below = (qq < hi) | ((qq == hi) & np.asarray(self.hi_closed, dtype=bool))
        out = np.asarray(above & below & ~empty, dtype=bool)
        return bool(out) if out.ndim == 0 else out

    def __str__(self) -> str:
        if self.shape:
            n_empty = int(np.sum(np.asarray(self.empty, dtype=bool)))
            return f"Interval array of shape {self.shape} ({n_empty} empty)"
        if self.empty:
            return "empty"
        left = "[" if self.lo_closed else "("
        right = "]" if self.hi_closed else ")"
        return f"{left}{_fmt(self.lo)}, {_fmt(self.hi)}{right}"

    def __repr__(self) -> str:
        return f"Interval({self})"

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Interval):
            return NotImplemented
        if self.shape or other.shape:
            raise TypeError("compare arrays of intervals field by field")
        if self.empty or other.empty:
            return bool(self.empty and other.empty)
        return (self.lo, self.hi, self.lo_closed, self.hi_closed) == (
            other.lo,
            other.hi,
            other.lo_closed,
            other.hi_closed,
        )

    def __hash__(self) -> int:
        if self.shape:
            raise TypeError("an array of intervals is unhashable")
        if self.empty:
            return hash("empty interval")
        return hash((self.lo, self.hi, self.lo_closed, self.hi_closed))


_as_fraction = np.frompyfunc(Fraction, 1, 1)


def _is_float(x: Any) -> bool:
    arr = np.asarray(x)
    if arr.dtype.kind == "f":
        return True
    return arr.dtype == object and any(isinstance(v, float) for v in arr.flat)


def _fmt(v: Any) -> str:
    return str(v) if isinstance(v, Fraction | int) else f"{float(v):.6g}"


KENNEDY_WAR_ODDS = Interval(Fraction(1, 3), Fraction(1, 2))
"""Kennedy's estimate of the odds of war, "somewhere between one out of three and even"."""

KENNEDY_SOURCE = (
    "Sorensen, Kennedy (Harper & Row, 1965), p. 705 (recon: page not read in print here): "
    "the odds that the Soviets would go all the way to war seemed to Kennedy 'somewhere "
    "between one out of three and even'.  Dixit & Skeath use the range as the probability "
    "p that the Soviets are hard-line; read literally it is the chance of war."
)


# ------------------------------------------------------------------- raw interval algebra
# A raw interval is (lo, hi, lo_closed, hi_closed, empty), arrays in one mode; the
# endpoints of empty entries are placeholders, cleared only when an Interval is built.
_Raw = tuple[Any, Any, Any, Any, Any]


def _halfline(a: Any, b: Any, args: Args, *, strict: bool) -> _Raw:
    """``{q in [0, 1] : a q <= b}`` (``<`` if strict), elementwise over arrays."""
    zero, one = args.const(0), args.const(1)
    a = np.asarray(a)
    b = np.asarray(b)
    pos = np.asarray(a > 0, dtype=bool)
    neg = np.asarray(a < 0, dtype=bool)
    flat = ~pos & ~neg
    t = safe_div(b, a, args)
    lo = where(neg, np.maximum(t, zero), zero)
    hi = where(pos, np.minimum(t, one), one)
    # A bound clipped at 0 or 1 is the closed end of [0, 1] whatever `strict` says.
    lo_closed = where(neg, np.asarray(t < 0, dtype=bool) | (not strict), True)
    hi_closed = where(pos, np.asarray(t > 1, dtype=bool) | (not strict), True)
    flat_empty = np.asarray((b <= 0) if strict else (b < 0), dtype=bool)
    empty = where(flat, flat_empty, _inverted(lo, hi, lo_closed, hi_closed))
    return lo, hi, lo_closed, hi_closed, np.broadcast_to(empty, np.shape(lo))


def _inverted(lo: Any, hi: Any, lo_closed: Any, hi_closed: Any) -> np.ndarray:
    return np.asarray(
        (lo > hi) | ((lo == hi) & ~(np.asarray(lo_closed, bool) & np.asarray(hi_closed, bool))),
        dtype=bool,
    )


def _intersect(*raws: _Raw) -> _Raw:
    lo = raws[0][0]
    hi = raws[0][1]
    for r in raws[1:]:
        lo = np.maximum(lo, r[0])
        hi = np.minimum(hi, r[1])
    lo_closed: Any = True
    hi_closed: Any = True
    any_empty: Any = False
    for r_lo, r_hi, r_lc, r_hc, r_empty in raws:
        # An endpoint is closed iff every interval attaining it is closed there.
        lo_closed = lo_closed & np.asarray((r_lo < lo) | np.asarray(r_lc, bool), dtype=bool)
        hi_closed = hi_closed & np.asarray((r_hi > hi) | np.asarray(r_hc, bool), dtype=bool)
        any_empty = any_empty | np.asarray(r_empty, dtype=bool)
    empty = any_empty | _inverted(lo, hi, lo_closed, hi_closed)
    return lo, hi, lo_closed, hi_closed, empty


def _interval(raw: _Raw, args: Args) -> Interval:
    lo, hi, lo_closed, hi_closed, empty = (np.broadcast_to(x, args.shape) for x in raw)
    empty = np.asarray(empty, dtype=bool)
    blank: Any = None if args.exact else np.nan
    lo_out = where(empty, blank, lo)
    hi_out = where(empty, blank, hi)
    lc = np.asarray(lo_closed, dtype=bool) & ~empty
    hc = np.asarray(hi_closed, dtype=bool) & ~empty
    return Interval(
        finish(lo_out, args),
        finish(hi_out, args),
        finish(lc, args, kind="bool"),
        finish(hc, args, kind="bool"),
        finish(empty, args, kind="bool"),
    )


# ------------------------------------------------------------------------ the model
_TYPES = ("soft", "hard")


def _coerce(params: Mapping[str, Any], probabilities: tuple[str, ...] = ()) -> Args:
    names = ("sweetener", *DEFAULT_PAYOFFS)
    return coerce(
        {n: params[n] for n in names},
        {n: params[n] for n in probabilities},
    )


def _complies(args: Args, kind: str, *, strict_defy: bool = False) -> _Raw:
    """The q at which a type complies (or, with ``strict_defy``, defies)."""
    c = args[f"{kind}_comply"] + args["sweetener"]
    s, w = args[f"{kind}_stay"], args[f"{kind}_war"]
    if strict_defy:  # defies iff (s - w) q < s - c - j
        return _halfline(s - w, s - c, args, strict=True)
    return _halfline(w - s, c - s, args, strict=False)  # complies iff (w - s) q <= c + j - s


def _complies_at(args: Args, kind: str, q: Any) -> np.ndarray:
    # Through the interval, not the raw inequality, so that in float mode a type's
    # response flips exactly at the threshold that the interval reports.
    return _contains(_complies(args, kind), q)


def _contains(raw: _Raw, q: Any) -> np.ndarray:
    lo, hi, lo_closed, hi_closed, empty = raw
    above = (q > lo) | ((q == lo) & np.asarray(lo_closed, dtype=bool))
    below = (q < hi) | ((q == hi) & np.asarray(hi_closed, dtype=bool))
    return np.asarray(above & below & ~np.asarray(empty, dtype=bool), dtype=bool)


def _gain_loss(args: Args) -> tuple[Any, Any]:
    return args["us_comply"] - args["us_stay"], args["us_stay"] - args["us_war"]


def _pattern(deter: str) -> tuple[bool, bool]:
    try:
        return _PATTERNS[deter]
    except KeyError:
        raise InvalidGameError(
            f"deter must be one of {sorted(_PATTERNS)} (the types the threat deters), got {deter!r}"
        ) from None


def _compliance_probability(args: Args, p: Any, pattern: tuple[bool, bool]) -> Any:
    soft, hard = pattern
    return (1 - p) * int(soft) + p * int(hard)


# ------------------------------------------------------------------------ effectiveness
def compliance_interval(comply: Any, stay: Any, war: Any, *, sweetener: Any = 0) -> Interval:
    """The effectiveness condition of one Soviet type: the threats ``q`` it yields to.

    The type complies at ``q`` iff ``comply + sweetener >= q*war + (1 - q)*stay`` (ties
    comply).  This is ``[max(0, t), 1]`` when ``stay > war``, ``[0, min(1, t)]`` when
    ``stay < war`` and all or nothing when ``stay == war``, with
    ``t = (stay - comply - sweetener) / (stay - war)``; see the module's derivation.

    Parameters
    ----------
    comply, stay, war
        The type's payoffs from withdrawing, from the missiles staying, and from war.
    sweetener
        Added to the comply payoff (e.g. the secret Jupiter trade).

    Returns
    -------
    Interval
        Exact when every input is exact; an array of intervals over array inputs.

    Examples
    --------
    Soft type: ``-4 >= -8q + 2(1 - q)`` iff ``q >= 3/5``; hard type never:

    >>> print(compliance_interval(-4, 2, -8), compliance_interval(-8, 2, -4))
    [3/5, 1] empty
    >>> print(compliance_interval(-8, 2, -4, sweetener=5))
    [5/6, 1]
    >>> compliance_interval(-4, 2, [-8, 2, 4]).lo  # war worse / as bad / better than stay
    array([Fraction(3, 5), None, None], dtype=object)
    """
    args = coerce({"comply": comply, "stay": stay, "war": war, "sweetener": sweetener})
    c = args["comply"] + args["sweetener"]
    s, w = args["stay"], args["war"]
    return _interval(_halfline(w - s, c - s, args, strict=False), args)


def effectiveness_threshold(comply: Any, stay: Any, war: Any, *, sweetener: Any = 0) -> Any:
    """``t = (stay - comply - sweetener) / (stay - war)``, the threat at which a type flips.

    When ``stay > war`` the type complies iff ``q >= t`` (``t > 1``: never; ``t <= 0``:
    even without a threat); when ``stay < war`` iff ``q <= t``.  Undefined (``None``, or
    NaN in float mode) where ``stay == war``.  :func:`compliance_interval` gives the set.

    Examples
    --------
    >>> effectiveness_threshold(-4, 2, -8), effectiveness_threshold(-8, 2, -4)
    (Fraction(3, 5), Fraction(5, 3))
    >>> effectiveness_threshold(-4, 2, -8, sweetener=[0, 1, 6])
    array([Fraction(3, 5), Fraction(1, 2), Fraction(0, 1)], dtype=object)
    """
    args = coerce({"comply": comply, "stay": stay, "war": war, "sweetener": sweetener})
    return finish(_threshold(args, ""), args)


def _threshold(args: Args, prefix: str) -> np.ndarray:
    stay, war = args[f"{prefix}stay"], args[f"{prefix}war"]
    den = stay - war
    t = safe_div(stay - args[f"{prefix}comply"] - args["sweetener"], den, args)
    return where(den == 0, None if args.exact else np.nan, t)


def effectiveness(
    *,
    sweetener: Any = 0,
    us_comply: Any = 1,
    us_stay: Any = -2,
    us_war: Any = -10,
    soft_comply: Any = -4,
    soft_stay: Any = 2,
    soft_war: Any = -8,
    hard_comply: Any = -8,
    hard_stay: Any = 2,
    hard_war: Any = -4,
) -> dict[str, Interval]:
    """The effectiveness conditions of both types: ``{"soft": Interval, "hard": Interval}``.

    Parameters
    ----------
    sweetener
        Added to both types' comply payoffs.
    us_comply, ..., hard_war
        The payoff table (:data:`DEFAULT_PAYOFFS`); the US's payoffs do not enter here.

    Examples
    --------
    >>> {k: str(v) for k, v in effectiveness().items()}
    {'soft': '[3/5, 1]', 'hard': 'empty'}
    >>> {k: str(v) for k, v in effectiveness(sweetener=4).items()}
    {'soft': '[1/5, 1]', 'hard': '[1, 1]'}
    """
    args = _coerce(locals())
    return {kind: _interval(_complies(args, kind), args) for kind in _TYPES}


# ------------------------------------------------------------------------ acceptability
def us_expected_payoff(
    q: Any,
    p: Any,
    *,
    sweetener: Any = 0,
    us_comply: Any = 1,
    us_stay: Any = -2,
    us_war: Any = -10,
    soft_comply: Any = -4,
    soft_stay: Any = 2,
    soft_war: Any = -8,
    hard_comply: Any = -8,
    hard_stay: Any = 2,
    hard_war: Any = -4,
) -> Any:
    """The US's expected payoff from the threat ``q`` when each type best responds.

    ``EU(q, p) = m u_c + (1 - m)(q u_w + (1 - q) u_s)`` with ``m`` the probability of
    compliance at ``q`` (each type complies iff ``q`` is in its
    :func:`compliance_interval`).  With only the soft type complying (``3/5 <= q``, at the
    defaults), ``EU = (1 - p) - p(8q + 2) = 1 - 3p - 8pq``.

    Parameters
    ----------
    q, p
        The threat's probability of war after defiance, and the probability that the USSR
        is hard-line; each in ``[0, 1]``.
    sweetener, us_comply, ..., hard_war
        As in :func:`effectiveness`.

    Raises
    ------
    InvalidGameError
        ``q`` or ``p`` outside ``[0, 1]`` or NaN.
    InvalidPayoffError
        A payoff that is not a finite number.

    Examples
    --------
    >>> from fractions import Fraction as F
    >>> us_expected_payoff(F(3, 5), F(1, 3))  # 2/3 + (1/3)(-6 - 4/5)
    Fraction(-8, 5)
    >>> us_expected_payoff(F(1, 2), F(1, 3))  # ineffective: both defy, -5 - 1
    Fraction(-6, 1)
    >>> us_expected_payoff([0.5, 0.7], 0.5)  # 1 - 3p - 8pq once the soft type complies
    array([-6. , -3.3])
    """
    args = _coerce(locals(), ("q", "p"))
    return finish(_us_payoff(args, args["q"]), args)


def _us_payoff(args: Args, q: Any) -> Any:
    p = args["p"]
    total: Any = 0
    for kind, weight in zip(_TYPES, (1 - p, p), strict=True):
        yes = _complies_at(args, kind, q)
        defy = q * args["us_war"] + (1 - q) * args["us_stay"]
        total = total + weight * where(yes, args["us_comply"] + 0 * q, defy)
    return total


def war_probability(
    q: Any,
    p: Any,
    *,
    sweetener: Any = 0,
    us_comply: Any = 1,
    us_stay: Any = -2,
    us_war: Any = -10,
    soft_comply: Any = -4,
    soft_stay: Any = 2,
    soft_war: Any = -8,
    hard_comply: Any = -8,
    hard_stay: Any = 2,
    hard_war: Any = -4,
) -> Any:
    """The probability of war under the threat ``q``: ``q (1 - m(q))``.

    ``m(q)`` is the probability that the USSR complies (each type best responding).  At
    the defaults it is ``q`` below ``3/5`` (both types defy) and ``p q`` from ``3/5`` on.

    Examples
    --------
    >>> from fractions import Fraction as F
    >>> war_probability(F(3, 5), F(1, 3)), war_probability(F(1, 2), F(1, 3))
    (Fraction(1, 5), Fraction(1, 2))
    """
    args = _coerce(locals(), ("q", "p"))
    return finish(_war(args, args["q"]), args)


def _war(args: Args, q: Any) -> Any:
    p = args["p"]
    zero, one = args.const(0), args.const(1)
    defy_soft = where(_complies_at(args, "soft", q), zero, one)
    defy_hard = where(_complies_at(args, "hard", q), zero, one)
    return q * ((1 - p) * defy_soft + p * defy_hard)


def is_acceptable(
    q: Any,
    p: Any,
    *,
    sweetener: Any = 0,
    us_comply: Any = 1,
    us_stay: Any = -2,
    us_war: Any = -10,
    soft_comply: Any = -4,
    soft_stay: Any = 2,
    soft_war: Any = -8,
    hard_comply: Any = -8,
    hard_stay: Any = 2,
    hard_war: Any = -4,
) -> Any:
    """Whether the US weakly prefers the threat ``q`` to no threat, types best responding.

    Examples
    --------
    >>> from fractions import Fraction as F
    >>> is_acceptable(F(3, 4), F(1, 3)), is_acceptable(F(4, 5), F(1, 3))
    (True, False)
    """
    params = dict(locals())
    eu = us_expected_payoff(**params)
    args = _coerce(params, ("q", "p"))
    return finish(np.asarray(eu) >= args["us_stay"], args, kind="bool")


def acceptability(
    p: Any,
    *,
    deter: Deter = "soft",
    sweetener: Any = 0,
    us_comply: Any = 1,
    us_stay: Any = -2,
    us_war: Any = -10,
    soft_comply: Any = -4,
    soft_stay: Any = 2,
    soft_war: Any = -8,
    hard_comply: Any = -8,
    hard_stay: Any = 2,
    hard_war: Any = -4,
) -> Interval:
    """The acceptability condition: the ``q`` the US prefers to no threat, given responses.

    Given which types comply (``deter``), the compliance probability is ``m`` (``1 - p``
    for ``"soft"``, ``p`` for ``"hard"``, 1 for ``"both"``, 0 for ``"neither"``) and the
    threat is acceptable iff ``(1 - m) L q <= m G``: ``q <= 3(1 - p)/(8p)`` for the soft
    type at the defaults.  Whether the types really respond so at ``q`` is the
    effectiveness condition; :func:`threat_window` intersects the two.

    Parameters
    ----------
    p
        Probability that the USSR is hard-line.
    deter
        The types that comply: ``"soft"`` (default), ``"hard"``, ``"both"``, ``"neither"``.

    Examples
    --------
    >>> from fractions import Fraction as F
    >>> print(acceptability(F(1, 3)), acceptability(F(1, 2)), acceptability(0))
    [0, 3/4] [0, 3/8] [0, 1]
    >>> print(acceptability(F(1, 2), deter="both"))
    [0, 1]
    """
    pattern = _pattern(deter)
    args = _coerce(locals(), ("p",))
    gain, loss = _gain_loss(args)
    m = _compliance_probability(args, args["p"], pattern)
    return _interval(_halfline((1 - m) * loss, m * gain, args, strict=False), args)


def acceptability_bound(
    p: Any,
    *,
    deter: Deter = "soft",
    sweetener: Any = 0,
    us_comply: Any = 1,
    us_stay: Any = -2,
    us_war: Any = -10,
    soft_comply: Any = -4,
    soft_stay: Any = 2,
    soft_war: Any = -8,
    hard_comply: Any = -8,
    hard_stay: Any = 2,
    hard_war: Any = -4,
) -> Any:
    """The raw acceptability bound ``m G / ((1 - m) L)`` (unclipped).

    The threat is acceptable iff ``q <= bound`` when ``(1 - m) L > 0``.  Undefined
    (``None``/NaN) where ``(1 - m) L == 0``, e.g. at ``p = 0`` for ``deter="soft"``.

    Examples
    --------
    >>> from fractions import Fraction as F
    >>> acceptability_bound(F(1, 3)), acceptability_bound(F(1, 10))
    (Fraction(3, 4), Fraction(27, 8))
    >>> acceptability_bound([F(1, 2), 0])
    array([Fraction(3, 8), None], dtype=object)
    """
    pattern = _pattern(deter)
    args = _coerce(locals(), ("p",))
    return finish(_acc_bound(args, pattern), args)


def _acc_bound(args: Args, pattern: tuple[bool, bool]) -> np.ndarray:
    gain, loss = _gain_loss(args)
    m = _compliance_probability(args, args["p"], pattern)
    den = (1 - m) * loss
    bound = safe_div(m * gain + 0 * den, den, args)
    return where(den == 0, None if args.exact else np.nan, bound)


def pure_threat_acceptable(
    p: Any,
    *,
    sweetener: Any = 0,
    us_comply: Any = 1,
    us_stay: Any = -2,
    us_war: Any = -10,
    soft_comply: Any = -4,
    soft_stay: Any = 2,
    soft_war: Any = -8,
    hard_comply: Any = -8,
    hard_stay: Any = 2,
    hard_war: Any = -4,
) -> Any:
    """Whether the pure threat ``q = 1`` (certain war after defiance) is acceptable.

    At the defaults the soft type complies and the hard type defies at ``q = 1``, so the
    pure threat is acceptable iff ``(1 - p) 3 >= 8 p`` iff ``p <= 3/11``.

    Examples
    --------
    >>> from fractions import Fraction as F
    >>> pure_threat_acceptable([F(3, 11), F(3, 11) + F(1, 10**6)]).tolist()
    [True, False]
    """
    return is_acceptable(1, **locals())


# ----------------------------------------------------------------------------- window
def threat_window(
    p: Any,
    *,
    deter: Deter = "soft",
    sweetener: Any = 0,
    us_comply: Any = 1,
    us_stay: Any = -2,
    us_war: Any = -10,
    soft_comply: Any = -4,
    soft_stay: Any = 2,
    soft_war: Any = -8,
    hard_comply: Any = -8,
    hard_stay: Any = 2,
    hard_war: Any = -4,
) -> Interval:
    """The window of threats that are both effective and acceptable.

    The ``q`` at which exactly the types named by ``deter`` comply (the others defy) and
    the US weakly prefers the threat to none.  The default, ``deter="soft"``, is Dixit &
    Skeath's window: the soft type complies, the hard type defies.  At the defaults it is
    ``[3/5, 3(1 - p)/(8p)] ∩ [0, 1]``, non-empty iff ``p <= 5/13``.

    Each piece is an interval (each type's compliance set touches an end of ``[0, 1]``),
    so the window is one interval; its ends can be open where a type's response flips.

    Parameters
    ----------
    p
        Probability that the USSR is hard-line, in ``[0, 1]``.
    deter
        ``"soft"`` (default), ``"hard"``, ``"both"`` or ``"neither"``.
    sweetener, us_comply, ..., hard_war
        As in :func:`effectiveness`.

    Returns
    -------
    Interval
        Exact endpoints for exact inputs; an array of intervals over array inputs.

    Examples
    --------
    >>> from fractions import Fraction as F
    >>> print(threat_window(F(1, 3)), threat_window(F(5, 13)), threat_window(F(2, 5)))
    [3/5, 3/4] [3/5, 3/5] empty
    >>> print(threat_window(F(1, 4)))  # the bound 9/8 is clipped at 1
    [3/5, 1]
    >>> threat_window(np.array([0.2, 0.5])).empty
    array([False,  True])
    """
    pattern = _pattern(deter)
    args = _coerce(locals(), ("p",))
    return _interval(_window(args, pattern), args)


def _window(args: Args, pattern: tuple[bool, bool]) -> _Raw:
    gain, loss = _gain_loss(args)
    pieces = [
        _complies(args, kind, strict_defy=not deterred)
        for kind, deterred in zip(_TYPES, pattern, strict=True)
    ]
    m = _compliance_probability(args, args["p"], pattern)
    pieces.append(_halfline((1 - m) * loss, m * gain, args, strict=False))
    return _intersect(*pieces)


def window_closing_p(
    *,
    sweetener: Any = 0,
    us_comply: Any = 1,
    us_stay: Any = -2,
    us_war: Any = -10,
    soft_comply: Any = -4,
    soft_stay: Any = 2,
    soft_war: Any = -8,
    hard_comply: Any = -8,
    hard_stay: Any = 2,
    hard_war: Any = -4,
) -> Any:
    """The largest ``p`` at which the soft-only window is non-empty: ``G / (G + e L)``.

    ``e`` is the lowest threat at which the soft type complies and the hard type defies;
    the window is non-empty iff ``e p L <= (1 - p) G``.  Defined when that set is
    non-empty, ``L > 0`` (the US prefers the missiles staying to war) and ``G >= 0``;
    otherwise ``None`` (NaN in float mode).  If ``e`` is an open end the window is
    non-empty for ``p`` strictly below the value returned.

    Examples
    --------
    >>> window_closing_p(), window_closing_p(sweetener=[1, 2])
    (Fraction(5, 13), array([Fraction(3, 7), Fraction(15, 31)], dtype=object))
    """
    args = _coerce(locals())
    return finish(_closing_p(args), args)


def _closing_p(args: Args) -> np.ndarray:
    gain, loss = _gain_loss(args)
    e_lo, _, _, _, e_empty = _intersect(
        _complies(args, "soft"), _complies(args, "hard", strict_defy=True)
    )
    ok = ~np.asarray(e_empty, dtype=bool) & np.asarray((loss > 0) & (gain >= 0), dtype=bool)
    p_star = where(e_lo == 0, args.const(1), safe_div(gain, gain + e_lo * loss, args))
    return where(ok, p_star, None if args.exact else np.nan)


# --------------------------------------------------------------------------- summary
@dataclass(frozen=True)
class BrinkmanshipAnalysis:
    """The brinkmanship model's answers at one ``p`` (or over arrays of parameters).

    Attributes
    ----------
    p, sweetener
        The inputs.
    soft_threshold, hard_threshold
        :func:`effectiveness_threshold` of each type.
    soft_complies, hard_complies
        Each type's :func:`compliance_interval`.
    acceptability_bound
        The soft-only acceptability bound (:func:`acceptability_bound`).
    window
        The soft-only :func:`threat_window`.
    window_closing_p
        :func:`window_closing_p`.
    pure_threat_acceptable
        :func:`pure_threat_acceptable`.
    minimal_threat
        The smallest effective and acceptable threat (the window's lower end, when it is
        attained), else ``None``/NaN: the threat a cautious US would choose.
    us_payoff, war_probability
        The US's expected payoff and the probability of war at :attr:`minimal_threat`.
    """

    p: Any
    sweetener: Any
    soft_threshold: Any
    hard_threshold: Any
    soft_complies: Interval
    hard_complies: Interval
    acceptability_bound: Any
    window: Interval
    window_closing_p: Any
    pure_threat_acceptable: Any
    minimal_threat: Any
    us_payoff: Any
    war_probability: Any

    def __str__(self) -> str:
        if self.window.shape:
            return f"BrinkmanshipAnalysis over a grid of shape {self.window.shape}"
        rows = [
            f"p (hard-line) = {_fmt(self.p)}, sweetener j = {_fmt(self.sweetener)}",
            f"soft type complies for q in {self.soft_complies} "
            f"(threshold {_fmt_opt(self.soft_threshold)})",
            f"hard type complies for q in {self.hard_complies} "
            f"(threshold {_fmt_opt(self.hard_threshold)})",
            f"acceptable (soft complies, hard defies) iff q <= "
            f"{_fmt_opt(self.acceptability_bound)}",
            f"window (effective on the soft type, acceptable): {self.window}",
            f"window non-empty for p <= {_fmt_opt(self.window_closing_p)}",
            f"pure threat q = 1 acceptable: {'yes' if self.pure_threat_acceptable else 'no'}",
        ]
        if self.minimal_threat is not None and not _isnan(self.minimal_threat):
            rows.append(
                f"minimal effective threat q = {_fmt(self.minimal_threat)}: US expected payoff "
                f"{_fmt(self.us_payoff)}, probability of war {_fmt(self.war_probability)}"
            )
        return "\n".join(rows)


def _isnan(x: Any) -> bool:
    return isinstance(x, float) and x != x


def _fmt_opt(v: Any) -> str:
    return "undefined" if v is None or _isnan(v) else _fmt(v)


def brinkmanship_analysis(
    p: Any,
    *,
    sweetener: Any = 0,
    us_comply: Any = 1,
    us_stay: Any = -2,
    us_war: Any = -10,
    soft_comply: Any = -4,
    soft_stay: Any = 2,
    soft_war: Any = -8,
    hard_comply: Any = -8,
    hard_stay: Any = 2,
    hard_war: Any = -4,
) -> BrinkmanshipAnalysis:
    """Every answer of the model at ``p``: thresholds, conditions, window, minimal threat.

    Examples
    --------
    >>> from fractions import Fraction as F
    >>> print(brinkmanship_analysis(F(1, 3)))
    p (hard-line) = 1/3, sweetener j = 0
    soft type complies for q in [3/5, 1] (threshold 3/5)
    hard type complies for q in empty (threshold 5/3)
    acceptable (soft complies, hard defies) iff q <= 3/4
    window (effective on the soft type, acceptable): [3/5, 3/4]
    window non-empty for p <= 5/13
    pure threat q = 1 acceptable: no
    minimal effective threat q = 3/5: US expected payoff -8/5, probability of war 1/5
    """
    args = _coerce(locals(), ("p",))
    pattern = _PATTERNS["soft"]
    raw = _window(args, pattern)
    window = _interval(raw, args)
    blank: Any = None if args.exact else np.nan
    lo, _, lo_closed, _, empty = (np.broadcast_to(x, args.shape) for x in raw)
    # The window's lower end where attained; q = 0 stands in elsewhere and is masked.
    attained = np.asarray(lo_closed, dtype=bool) & ~np.asarray(empty, dtype=bool)
    q_min = where(attained, lo, args.const(0))

    def out(x: Any) -> Any:
        return finish(np.broadcast_to(x, args.shape), args)

    return BrinkmanshipAnalysis(
        p=out(args["p"]),
        sweetener=out(args["sweetener"]),
        soft_threshold=out(_threshold(args, "soft_")),
        hard_threshold=out(_threshold(args, "hard_")),
        soft_complies=_interval(_complies(args, "soft"), args),
        hard_complies=_interval(_complies(args, "hard"), args),
        acceptability_bound=out(_acc_bound(args, pattern)),
        window=window,
        window_closing_p=out(_closing_p(args)),
        pure_threat_acceptable=finish(
            np.broadcast_to(_us_payoff(args, args.const(1)) >= args["us_stay"], args.shape),
            args,
            kind="bool",
        ),
        minimal_threat=out(where(attained, q_min, blank)),
        us_payoff=out(where(attained, _us_payoff(args, q_min), blank)),
        war_probability=out(where(attained, _war(args, q_min), blank)),
    )


# ------------------------------------------------------------------------------ game
def brinkmanship_game(
    q: Any,
    p: Any,
    *,
    sweetener: Any = 0,
    us_comply: Any = 1,
    us_stay: Any = -2,
    us_war: Any = -10,
    soft_comply: Any = -4,
    soft_stay: Any = 2,
    soft_war: Any = -8,
    hard_comply: Any = -8,
    hard_stay: Any = 2,
    hard_war: Any = -4,
) -> NormalFormGame:
    """The model as a Bayesian game in normal form, chance folded into the payoffs.

    The US chooses ``"threat"`` (the probabilistic threat ``q``) or ``"no threat"``; the
    USSR chooses a type-contingent plan ``"<soft's action>/<hard's action>"`` from
    ``comply``/``defy``.  Payoffs are ex ante: the US's and the USSR's expectations over
    the type (``p`` hard-line) and over the threat's lottery.  With no threat the missiles
    stay whatever the plan.

    Nash equilibria of this form are the Bayesian equilibria of the model.  They include
    plans that are not credible off the path (after "no threat" every plan is a best
    response); the subgame-perfect one has each type follow :func:`compliance_interval`.

    Parameters
    ----------
    q, p
        Scalars in ``[0, 1]``.
    sweetener, us_comply, ..., hard_war
        As in :func:`effectiveness`.

    Raises
    ------
    ShapeError
        If a parameter is an array (build one game per point; the closed forms above are
        the vectorised route).

    Examples
    --------
    >>> from fractions import Fraction as F
    >>> from crisisgames import nash_equilibria
    >>> g = brinkmanship_game(F(7, 10), F(1, 3))
    >>> g.actions
    (('threat', 'no threat'), ('comply/comply', 'comply/defy', 'defy/comply', 'defy/defy'))
    >>> g.exact_payoffs[:, 0, 1]  # threat met by the soft type's compliance only
    array([Fraction(-28, 15), Fraction(-17, 5)], dtype=object)
    >>> any(e.supports == (("threat",), ("comply/defy",))
    ...     for e in nash_equilibria(g, exact=True))
    True
    """
    args = _coerce(locals(), ("q", "p"))
    if not args.scalar:
        raise ShapeError("brinkmanship_game builds one game: give scalar parameters")
    exact = args.exact
    v = {k: (a[()] if exact else float(a)) for k, a in args.items()}
    q, p = v["q"], v["p"]
    acts = ("comply", "defy")
    plans = [f"{a}/{b}" for a in acts for b in acts]
    us = np.empty((2, 4), dtype=object)
    ussr = np.empty((2, 4), dtype=object)
    for col, plan in enumerate(plans):
        u_threat: Any = 0
        r_threat: Any = 0
        r_none: Any = 0
        for kind, weight, action in zip(_TYPES, (1 - p, p), plan.split("/"), strict=True):
            comply = v[f"{kind}_comply"] + v["sweetener"]
            stay, war = v[f"{kind}_stay"], v[f"{kind}_war"]
            if action == "comply":
                u_threat += weight * v["us_comply"]
                r_threat += weight * comply
            else:
                u_threat += weight * (q * v["us_war"] + (1 - q) * v["us_stay"])
                r_threat += weight * (q * war + (1 - q) * stay)
            r_none += weight * stay
        us[0, col], us[1, col] = u_threat, v["us_stay"]
        ussr[0, col], ussr[1, col] = r_threat, r_none
    return NormalFormGame.from_arrays(
        us, ussr, players=["US", "USSR"], actions=[["threat", "no threat"], plans]
    )
