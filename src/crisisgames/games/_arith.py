"""Exact-or-float array arithmetic for the closed-form crisis models.

The closed-form models (brinkmanship, dynamic chicken) are written once, as array
expressions, and run in one of two modes chosen from the inputs:

* **exact**: every input is an int, a :class:`~fractions.Fraction`, a ``Decimal``, a string
  such as ``"3/5"``, or an integer/object array of those.  Arrays are object arrays of
  Fractions and every result is an exact Fraction.
* **float**: some input is a float or a float array.  Arrays are ``float64``: the mode for
  fast sweeps and plots.

Either way the expressions broadcast like NumPy arrays, so a sweep over a grid of
parameters is one call, with no Python loop over parameter points (object arrays run each
element's Fraction arithmetic in NumPy's own loop).  Scalars in give scalars out.

Examples
--------
>>> from fractions import Fraction
>>> args = coerce({"a": 1, "b": Fraction(1, 3)})
>>> args.exact, args.scalar, finish(args["a"] - args["b"], args)
(True, True, Fraction(2, 3))
>>> args = coerce({"a": [0.5, 1.0], "b": 1})
>>> args.exact, finish(args["a"] * args["b"], args)
(False, array([0.5, 1. ]))
"""

from __future__ import annotations

import numbers
from collections.abc import Collection, Iterator, Mapping
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction
from typing import Any

import numpy as np

from crisisgames.errors import InvalidGameError, InvalidPayoffError, ShapeError
from crisisgames.games.normal_form import to_fraction

__all__ = ["Args", "check_probability", "coerce", "finish", "safe_div", "where"]

_EXACT_SCALARS = (numbers.Rational, np.integer, Decimal, str)


def _kind(value: Any, name: str) -> tuple[bool, bool]:
    """(is_exact, is_scalar) of one input; raises on booleans and non-numbers."""
    if isinstance(value, bool | np.bool_):
        raise InvalidPayoffError(f"{name} is the boolean {value!r}, not a number")
    if isinstance(value, _EXACT_SCALARS):
        return True, True
    if isinstance(value, float | np.floating):
        return False, True
    try:
        arr = np.asarray(value)
    except ValueError as exc:  # ragged nested sequences
        raise InvalidPayoffError(f"{name} is not a rectangular array of numbers: {exc}") from exc
    if arr.dtype.kind == "b":
        raise InvalidPayoffError(f"{name} contains booleans, not numbers")
    if arr.dtype.kind in "iu":
        return True, arr.ndim == 0
    if arr.dtype.kind == "f":
        return False, arr.ndim == 0
    if arr.dtype.kind in "OU":
        flat = list(arr.flat)
        for v in flat:
            if isinstance(v, bool | np.bool_):
                raise InvalidPayoffError(f"{name} contains the boolean {v!r}, not a number")
        exact = all(isinstance(v, _EXACT_SCALARS) for v in flat)
        numeric = (*_EXACT_SCALARS, float, np.floating)
        if not exact and not all(isinstance(v, numeric) for v in flat):
            bad = next(v for v in flat if not isinstance(v, numeric))
            raise InvalidPayoffError(f"{name} contains {bad!r}, which is not a number")
        return exact, arr.ndim == 0
    raise InvalidPayoffError(f"{name} has dtype {arr.dtype}, not numbers")


@dataclass(frozen=True)
class Args(Mapping[str, np.ndarray]):
    """Coerced inputs: a mapping ``name -> array``, plus the mode.

    Attributes
    ----------
    arrays
        The inputs as object arrays of Fractions (exact mode) or ``float64`` arrays.
    exact
        Whether the computation is exact.
    scalar
        Whether every input was a scalar (results are then returned as scalars).
    shape
        The broadcast shape of all inputs.
    """

    arrays: dict[str, np.ndarray]
    exact: bool
    scalar: bool
    shape: tuple[int, ...]

    def __getitem__(self, key: str) -> np.ndarray:
        return self.arrays[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self.arrays)

    def __len__(self) -> int:
        return len(self.arrays)

    def zeros(self) -> np.ndarray:
        """An array of zeros of the broadcast shape, in the computation's mode."""
        if self.exact:
            out = np.empty(self.shape, dtype=object)
            out[...] = Fraction(0)
            return out
        return np.zeros(self.shape)

    def const(self, value: Any) -> Any:
        """A constant in the computation's mode (a Fraction or a float)."""
        return Fraction(value) if self.exact else float(value)


_to_fraction = np.frompyfunc(lambda v: to_fraction(v, what="value"), 1, 1)
_to_float = np.frompyfunc(
    lambda v: float(v) if isinstance(v, float | np.floating) else float(to_fraction(v)), 1, 1
)


def _convert(name: str, value: Any, exact: bool, allow_nan: bool) -> np.ndarray:
    if exact:
        try:
            return np.asarray(_to_fraction(np.asarray(value, dtype=object)), dtype=object)
        except InvalidPayoffError as exc:
            raise InvalidPayoffError(f"{name}: {exc}") from None
    arr = np.asarray(value)
    try:
        if arr.dtype.kind in "iuf":
            out = arr.astype(np.float64)
        else:
            out = np.asarray(_to_float(np.asarray(value, dtype=object)), dtype=np.float64)
    except (InvalidPayoffError, TypeError, ValueError) as exc:
        raise InvalidPayoffError(f"{name} is not numeric: {value!r}") from exc
    bad = np.isinf(out) if allow_nan else ~np.isfinite(out)
    if bad.any():
        idx = tuple(int(i) for i in np.argwhere(bad)[0]) if out.ndim else ()
        at = f" at index {idx}" if idx else ""
        raise InvalidPayoffError(f"{name} is {float(out[idx])}{at}; it must be a finite number")
    return out


def coerce(
    values: Mapping[str, Any],
    probabilities: Mapping[str, Any] | None = None,
    *,
    open_top: Collection[str] = (),
    exact: bool | None = None,
) -> Args:
    """Validate numeric inputs and convert them all to one mode (exact or float).

    Parameters
    ----------
    values
        ``{name: value}``: payoffs and other real parameters, each a number or an
        array-like of numbers.  They must be finite.
    probabilities
        ``{name: value}``: probabilities, checked to lie in ``[0, 1]`` (NaN fails).
    open_top
        Names of probabilities that must lie in ``[0, 1)``.
    exact
        Force the mode; by default exact unless some input is a float.

    Raises
    ------
    InvalidPayoffError
        A value that is not a finite number (NaN, infinity, boolean, text that is not a
        number, a ragged array).
    InvalidGameError
        A probability outside ``[0, 1]``, or NaN.
    ShapeError
        Inputs whose shapes do not broadcast together.
    """
    probabilities = dict(probabilities or {})
    everything = {**values, **probabilities}
    kinds = {name: _kind(v, name) for name, v in everything.items()}
    mode = all(k[0] for k in kinds.values()) if exact is None else exact
    scalar = all(k[1] for k in kinds.values())
    arrays = {
        name: _convert(name, v, mode, allow_nan=name in probabilities)
        for name, v in everything.items()
    }
    for name in probabilities:
        check_probability(name, arrays[name], open_top=name in open_top)
    try:
        shape = np.broadcast_shapes(*(a.shape for a in arrays.values()))
    except ValueError as exc:
        shapes = {n: a.shape for n, a in arrays.items()}
        raise ShapeError(f"input shapes do not broadcast together: {shapes}") from exc
    return Args(arrays, mode, scalar, shape)


def check_probability(name: str, arr: np.ndarray, *, open_top: bool = False) -> None:
    """Raise unless every entry of ``arr`` is a probability in ``[0, 1]`` (or ``[0, 1)``).

    NaN fails the check (every comparison with NaN is false), so it never reaches the
    formulas.

    Raises
    ------
    InvalidGameError
        Naming the first offending entry and its index.

    Examples
    --------
    >>> check_probability("p", np.array([0.0, 0.5]))
    >>> check_probability("p", np.array([0.5, float("nan")]))
    Traceback (most recent call last):
    ...
    crisisgames.errors.InvalidGameError: p must be a probability in [0, 1]; got nan at index (1,)
    """
    ok = (arr >= 0) & ((arr < 1) if open_top else (arr <= 1))
    ok = np.asarray(ok, dtype=bool)
    if not ok.all():
        idx = tuple(int(i) for i in np.argwhere(~ok)[0])
        bad = arr[idx] if idx else arr[()]
        where_ = f" at index {idx}" if idx else ""
        interval = "[0, 1)" if open_top else "[0, 1]"
        shown = bad if isinstance(bad, Fraction) else float(bad)
        raise InvalidGameError(f"{name} must be a probability in {interval}; got {shown}{where_}")


def where(cond: Any, a: Any, b: Any) -> np.ndarray:
    """``np.where`` that keeps object arrays as objects (and a plain bool condition)."""
    return np.where(np.asarray(cond, dtype=bool), a, b)


def safe_div(num: Any, den: Any, args: Args) -> np.ndarray:
    """``num / den`` where ``den != 0``, else 0 (the caller masks those entries).

    Fractions raise on a zero denominator, so the division is made safe before it runs.
    """
    den = np.asarray(den, dtype=object if args.exact else np.float64)
    zero = np.asarray(den == 0, dtype=bool)
    one = args.const(1)
    q = np.asarray(num) / where(zero, one, den)
    return where(zero, args.const(0), q)


def _exact_out(x: Any) -> Any:
    if x is None or isinstance(x, Fraction):
        return x
    return Fraction(x)


_exact_out_u = np.frompyfunc(_exact_out, 1, 1)


def finish(x: Any, args: Args, *, kind: str = "number") -> Any:
    """Return a result in the form the inputs asked for.

    Parameters
    ----------
    x
        An array (or scalar) result.
    args
        The coerced inputs (their mode and whether they were all scalars).
    kind
        ``"number"`` (Fractions in exact mode, floats otherwise, ``None``/NaN kept) or
        ``"bool"``.
    """
    if kind == "bool":
        out = np.asarray(x, dtype=bool)
        return bool(out) if args.scalar and out.ndim == 0 else out
    if args.exact:
        out = np.asarray(_exact_out_u(np.asarray(x, dtype=object)), dtype=object)
    else:
        out = np.asarray(x, dtype=np.float64)
    if args.scalar and out.ndim == 0:
        return out[()] if args.exact else float(out)
    return out
