"""Declared parameters: name, default, range, unit, meaning and source.

A :class:`Parameter` is the bottom of the library's layers: the crisis models
(:mod:`crisisgames.models`) declare their parameters with it, and the scenarios
(:mod:`crisisgames.scenarios`) register them, so a CLI flag, a sweep axis and a plot label
all come from one declaration.  Every default says where it comes from.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from fractions import Fraction
from typing import Any

import numpy as np

from crisisgames.errors import InvalidParameterError

__all__ = ["KINDS", "SOURCE_KINDS", "Parameter", "as_exact"]

#: Where a default can come from: a publication, the historical record of the crisis, or
#: an assumption of this library (stated with its reasoning).
SOURCE_KINDS = ("published", "historical", "assumption", "brief", "model", "recon")

KINDS = ("real", "probability", "integer", "bool")


@dataclass(frozen=True)
class Parameter:
    """One declared parameter of a scenario.

    Attributes
    ----------
    name
        A Python identifier, used as keyword argument, CLI flag and sweep dimension.
    default
        The default value.
    low, high
        The admissible range (inclusive).  Probabilities are ``[0, 1]``.
    unit
        E.g. ``"utility"``, ``"probability"``, ``"days"``.
    meaning
        One sentence.
    source
        Where the default comes from, starting with its kind (see :data:`SOURCE_KINDS`):
        ``"published:"`` (author, year, title, page or figure where known),
        ``"historical:"`` (the crisis record, e.g. "Kennedy's letter of 27 October 1962")
        or ``"assumption:"`` (an assumption of this library, with its reasoning).
    kind
        ``"real"``, ``"probability"``, ``"integer"`` or ``"bool"``.

    Examples
    --------
    >>> p = Parameter("leak", 0.1, 0, 1, "probability", "chance the secret leaks",
    ...               "assumption: historians' judgement", kind="probability")
    >>> p.check(0.25)
    0.25
    """

    name: str
    default: Any
    low: float | Fraction
    high: float | Fraction
    unit: str
    meaning: str
    source: str
    kind: str = "real"

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ValueError(f"parameter {self.name!r}: kind must be one of {KINDS}")
        if self.source_kind not in SOURCE_KINDS:
            raise ValueError(
                f"parameter {self.name!r}: source must start with one of "
                f"{', '.join(k + ':' for k in SOURCE_KINDS)}, got {self.source!r}"
            )
        if self.kind != "bool":
            self.check(self.default)

    @property
    def source_kind(self) -> str:
        """The kind of the source: ``"published"``, ``"historical"`` or ``"assumption"``."""
        return self.source.split(":")[0]

    def check(self, value: Any) -> Any:
        """Validate one value (scalar or array); return it (arrays as float/bool arrays).

        Raises
        ------
        InvalidParameterError
            NaN, a value outside ``[low, high]``, a non-integer for an integer parameter,
            a non-boolean for a boolean one.
        """
        if self.kind == "bool":
            arr = np.asarray(value)
            if arr.dtype != bool:
                raise InvalidParameterError(f"{self.name} must be True or False, got {value!r}")
            return value if arr.ndim == 0 else arr
        try:
            arr = np.asarray(value, dtype=float)
        except (TypeError, ValueError) as exc:
            raise InvalidParameterError(f"{self.name} must be a number, got {value!r}") from exc
        if np.any(np.isnan(arr)):
            raise InvalidParameterError(f"{self.name} is NaN")
        bad = (arr < self.low) | (arr > self.high)
        if np.any(bad):
            first = float(arr[bad].ravel()[0] if arr.ndim else arr)
            raise InvalidParameterError(
                f"{self.name} = {first!r} is outside its range [{self.low}, {self.high}] "
                f"({self.unit}: {self.meaning})"
            )
        if self.kind == "integer" and np.any(arr != np.round(arr)):
            raise InvalidParameterError(f"{self.name} must be an integer, got {value!r}")
        if arr.ndim == 0:
            return int(arr) if self.kind == "integer" else value
        return arr


def as_exact(params: Mapping[str, Any]) -> dict[str, Any]:
    """Scalar parameters as exact rationals, reading floats as the decimals they print as.

    A scenario builder that computes with these gets exact payoffs (``0.4`` is ``2/5``,
    not the binary float nearest to it), so exact solving prints readable fractions.
    Booleans and arrays pass through unchanged.

    Examples
    --------
    >>> as_exact({"p": 0.4, "n": 3, "flag": True})
    {'p': Fraction(2, 5), 'n': Fraction(3, 1), 'flag': True}
    """
    out: dict[str, Any] = {}
    for k, v in params.items():
        if isinstance(v, bool | np.bool_) or isinstance(v, np.ndarray):
            out[k] = v
        elif isinstance(v, float | np.floating):
            out[k] = Fraction(repr(float(v)))
        else:
            out[k] = Fraction(v)
    return out
