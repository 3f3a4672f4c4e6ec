"""Parameter spaces of a scenario: product grids and random or quasi-random designs.

A space says *which* parameter points a sweep visits, in a fixed order, and nothing about
how they are solved.  Everything comes from the scenario's declared parameters
(:class:`~crisisgames.scenarios.base.Parameter`): the admissible ranges, the units and the
meanings that label a dataset's coordinates.  Every value is validated against those
declarations when the space is built, so a mistake surfaces before any work starts.

Two kinds of space share one small interface (``names``, ``dims``, ``shape``, ``size``,
``points(start, stop)``, ``coords()``, ``to_dict()``, ``spec_hash()``):

- :class:`Grid`, the product of one axis per swept parameter (``linspace`` from a
  ``(low, high, num)`` triple, or explicit values); its points are numbered in C order
  (the last parameter varies fastest) and the dataset has one dimension per parameter;
- :class:`Design`, ``n`` points drawn at random, on a Sobol sequence or on a Latin
  hypercube (:mod:`scipy.stats.qmc`) over the parameters' ranges; the dataset has one
  ``point`` dimension with the parameters as coordinates along it.

Parameters not swept take their ``fixed`` value, else their default.  :meth:`to_dict` is
a plain description (JSON-serialisable; :func:`space_from_dict` rebuilds the space from
it) and :meth:`spec_hash` a stable hash of it, which keys a sweep's checkpoints.
"""

from __future__ import annotations

import abc
import hashlib
import json
import math
import warnings
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from crisisgames.errors import InvalidParameterError
from crisisgames.scenarios.base import Parameter, Scenario, get

__all__ = [
    "DESIGN_METHODS",
    "Axis",
    "Design",
    "Grid",
    "Points",
    "Space",
    "parse_axis",
    "space_from_dict",
]

DESIGN_METHODS = ("random", "sobol", "lhs")

# Bumped when the meaning of a description changes, so old checkpoints are not reused.
_FORMAT = 1


def _scenario(scenario: Scenario | str) -> Scenario:
    return get(scenario) if isinstance(scenario, str) else scenario


def _plain(value: Any) -> Any:
    """A JSON-ready scalar: bools stay bools, integral numbers of integer parameters ints."""
    if isinstance(value, bool | np.bool_):
        return bool(value)
    if isinstance(value, int | np.integer):
        return int(value)
    return float(value)


def _check_range(parameter: Parameter, values: Any) -> None:
    """Every value inside the declared range, with a message naming the first outside
    (plain floats: the declaration's own check shows NumPy scalars' reprs)."""
    arr = np.asarray(values, dtype=float)
    if np.any(np.isnan(arr)):
        raise InvalidParameterError(f"{parameter.name}: NaN among the values")
    bad = (arr < parameter.low) | (arr > parameter.high)
    if np.any(bad):
        raise InvalidParameterError(
            f"{parameter.name} = {float(arr[bad].ravel()[0])!r} is outside its declared range "
            f"[{parameter.low}, {parameter.high}] ({parameter.unit}: {parameter.meaning})"
        )
    parameter.check(arr)


def _check_fixed(scenario: Scenario, fixed: Mapping[str, Any], swept: Sequence[str]) -> dict:
    out = {}
    for name, value in fixed.items():
        param = scenario.parameter(name)  # unknown names raise, with suggestions
        if name in swept:
            raise InvalidParameterError(f"{name} is both swept and fixed; choose one")
        if np.ndim(value) != 0:
            raise InvalidParameterError(f"fixed value of {name} must be a scalar, got {value!r}")
        if param.kind != "bool":
            if isinstance(value, bool | np.bool_):
                raise InvalidParameterError(f"{name} is a number, got {value!r}")
            _check_range(param, value)
        param.check(value)
        out[name] = _plain(value)
    return out


@dataclass(frozen=True)
class Axis:
    """One swept parameter of a :class:`Grid`: its declaration and its values.

    Attributes
    ----------
    parameter
        The scenario's declaration (range, unit, meaning, source).
    values
        The values visited, in order (float, or bool for boolean parameters).
    spec
        How the values were given: ``{"linspace": [low, high, num]}`` or
        ``{"values": [...]}`` (plain JSON).
    """

    parameter: Parameter
    values: np.ndarray
    spec: dict[str, Any]

    @property
    def name(self) -> str:
        """The parameter's name."""
        return self.parameter.name

    @classmethod
    def build(cls, parameter: Parameter, spec: Any) -> Axis:
        """An axis from ``(low, high, num)``, a sequence of values or ``{"linspace": ...}``
        / ``{"values": ...}``; validated against the declaration.

        Examples
        --------
        >>> from crisisgames.scenarios import get
        >>> p = get("missile-trade").parameter("leak")
        >>> Axis.build(p, (0, 1, 5)).values.tolist()
        [0.0, 0.25, 0.5, 0.75, 1.0]
        >>> Axis.build(p, (1, 0, 5))
        Traceback (most recent call last):
        ...
        crisisgames.errors.InvalidParameterError: leak: range (1, 0, 5) has low > high
        """
        name = parameter.name
        if isinstance(spec, Mapping):
            if set(spec) == {"linspace"}:
                spec = tuple(spec["linspace"])
            elif set(spec) == {"values"}:
                spec = list(spec["values"])
            else:
                raise InvalidParameterError(
                    f"{name}: an axis is (low, high, num), a list of values, "
                    f"{{'linspace': [low, high, num]}} or {{'values': [...]}}; got {spec!r}"
                )
        if isinstance(spec, tuple):
            values, plain = cls._linspace(parameter, spec)
        else:
            values, plain = cls._values(parameter, spec)
        values.setflags(write=False)
        return cls(parameter, values, plain)

    @staticmethod
    def _linspace(parameter: Parameter, spec: tuple) -> tuple[np.ndarray, dict[str, Any]]:
        name = parameter.name
        if parameter.kind == "bool":
            raise InvalidParameterError(
                f"{name} is boolean: give its values as a list, e.g. [False, True]"
            )
        if len(spec) != 3:
            raise InvalidParameterError(f"{name}: a range is (low, high, num), got {spec!r}")
        low, high, num = spec
        try:
            low, high = float(low), float(high)
        except (TypeError, ValueError):
            raise InvalidParameterError(f"{name}: range bounds must be numbers: {spec!r}") from None
        if isinstance(num, bool) or not float(num).is_integer():
            raise InvalidParameterError(f"{name}: num must be an integer, got {num!r}")
        num = int(num)
        if num < 1:
            raise InvalidParameterError(f"{name}: range {spec!r} has num < 1")
        if math.isnan(low) or math.isnan(high):
            raise InvalidParameterError(f"{name}: range {spec!r} has a NaN bound")
        if low > high:
            raise InvalidParameterError(f"{name}: range {spec!r} has low > high")
        if num > 1 and low == high:
            raise InvalidParameterError(
                f"{name}: range {spec!r} repeats one value {num} times; use num=1"
            )
        _check_range(parameter, [low, high])
        values = np.linspace(low, high, num)
        if parameter.kind == "integer":
            parameter.check(values)  # every grid value must be an integer too
        return values, {"linspace": [low, high, num]}

    @staticmethod
    def _values(parameter: Parameter, spec: Any) -> tuple[np.ndarray, dict[str, Any]]:
        name = parameter.name
        if isinstance(spec, str) or np.ndim(spec) != 1:
            raise InvalidParameterError(f"{name}: values must be a 1-D sequence, got {spec!r}")
        if len(spec) == 0:
            raise InvalidParameterError(f"{name}: no values given")
        if parameter.kind == "bool":
            values = np.asarray(spec)
            if values.dtype != bool:
                raise InvalidParameterError(f"{name} must be True or False, got {spec!r}")
        else:
            if any(isinstance(v, bool | np.bool_) for v in spec):
                raise InvalidParameterError(f"{name} is a number, got booleans: {spec!r}")
            try:
                values = np.asarray(spec, dtype=float)
            except (TypeError, ValueError):
                raise InvalidParameterError(f"{name}: values must be numbers: {spec!r}") from None
            _check_range(parameter, values)
        parameter.check(values)
        if len(np.unique(values)) != len(values):
            raise InvalidParameterError(f"{name}: repeated values in {spec!r}")
        return values, {"values": [_plain(v) for v in values]}


def parse_axis(text: str, scenario: Scenario | str) -> tuple[str, Any]:
    """A CLI axis ``name=low:high:num`` or ``name=v1,v2,...`` as ``(name, spec)`` for
    :class:`Grid` (booleans as ``true``/``false``); validated when the grid is built.

    Examples
    --------
    >>> parse_axis("leak=0:1:11", "missile-trade")
    ('leak', (0.0, 1.0, 11))
    >>> parse_axis("pledge=false,true", "missile-trade")
    ('pledge', [False, True])
    >>> parse_axis("leak=0:1", "missile-trade")
    Traceback (most recent call last):
    ...
    crisisgames.errors.InvalidParameterError: --over expects name=low:high:num or name=v1,v2,...; got 'leak=0:1'
    """
    scenario = _scenario(scenario)
    name, sep, raw = text.partition("=")
    name, raw = name.strip(), raw.strip()
    usage = f"--over expects name=low:high:num or name=v1,v2,...; got {text!r}"
    if not sep or not name or not raw:
        raise InvalidParameterError(usage)
    kind = scenario.parameter(name).kind
    try:
        if ":" in raw:
            parts = raw.split(":")
            if len(parts) != 3:
                raise InvalidParameterError(usage)
            num = float(parts[2])
            return name, (float(parts[0]), float(parts[1]), int(num) if num.is_integer() else num)
        items = [v.strip() for v in raw.split(",")]
        if kind == "bool":
            truth = {"true": True, "1": True, "yes": True, "false": False, "0": False, "no": False}
            if any(v.lower() not in truth for v in items):
                raise InvalidParameterError(f"{name} takes true or false, got {raw!r}")
            return name, [truth[v.lower()] for v in items]
        return name, [float(v) for v in items]
    except ValueError:
        raise InvalidParameterError(usage) from None


class Space(abc.ABC):
    """What :class:`Grid` and :class:`Design` share (an abstract base); see the module
    docstring."""

    scenario: Scenario
    fixed: dict[str, Any]

    @property
    @abc.abstractmethod
    def names(self) -> tuple[str, ...]:
        """The swept parameters' names."""
        ...

    @property
    @abc.abstractmethod
    def dims(self) -> tuple[str, ...]:
        """The dataset's point dimensions."""
        ...

    @property
    @abc.abstractmethod
    def shape(self) -> tuple[int, ...]:
        """The sizes of :attr:`dims`."""
        ...

    @property
    def size(self) -> int:
        """The number of points."""
        return math.prod(self.shape)

    @abc.abstractmethod
    def points(self, start: int = 0, stop: int | None = None) -> dict[str, np.ndarray]:
        """The swept parameters' values at points ``start`` to ``stop - 1`` (flat arrays)."""
        ...

    @abc.abstractmethod
    def coords(self) -> dict[str, Any]:
        """Coordinates for a dataset: ``{name: (dims, values)}`` of every swept parameter."""
        ...

    @abc.abstractmethod
    def to_dict(self) -> dict[str, Any]:
        """A plain, JSON-serialisable description (see :func:`space_from_dict`)."""
        ...

    def to_json(self) -> str:
        """:meth:`to_dict` as canonical JSON (sorted keys, no spaces)."""
        return json.dumps(self.to_dict(), sort_keys=True, separators=(",", ":"))

    def spec_hash(self) -> str:
        """A stable hash (SHA-256, hex) of :meth:`to_json`."""
        return hashlib.sha256(self.to_json().encode()).hexdigest()

    def parameter_values(self) -> dict[str, Any]:
        """The values of every unswept parameter (fixed, else default)."""
        out = {}
        for p in self.scenario.parameters:
            if p.name not in self.names:
                out[p.name] = self.fixed.get(p.name, p.default)
        return out


class Grid(Space):
    """The product grid of one axis per swept parameter.

    Parameters
    ----------
    scenario
        A :class:`~crisisgames.scenarios.base.Scenario` or its catalog name.
    axes
        ``{name: spec}`` in the order of the dimensions; a spec is ``(low, high, num)``
        (``numpy.linspace``) or a sequence of distinct values.
    fixed
        Values of unswept parameters that differ from their defaults.

    Raises
    ------
    InvalidParameterError
        An unknown parameter, ``low > high``, ``num < 1``, a value outside the declared
        range or of the wrong kind, a repeated value, a parameter both swept and fixed.

    Examples
    --------
    >>> g = Grid("missile-trade", {"leak": (0, 1, 3), "pledge": [False, True]},
    ...          fixed={"war_risk": 0.3})
    >>> g.dims, g.shape, g.size
    (('leak', 'pledge'), (3, 2), 6)
    >>> {k: v.tolist() for k, v in g.points(0, 3).items()}
    {'leak': [0.0, 0.0, 0.5], 'pledge': [False, True, False]}
    >>> g.to_dict()["axes"]
    [['leak', {'linspace': [0.0, 1.0, 3]}], ['pledge', {'values': [False, True]}]]
    >>> Grid("missile-trade", {"leek": (0, 1, 3)})
    Traceback (most recent call last):
    ...
    crisisgames.errors.InvalidParameterError: scenario 'missile-trade' has no parameter 'leek'; did you mean 'leak' ...
    >>> Grid("missile-trade", {"leak": (0, 2, 3)})
    Traceback (most recent call last):
    ...
    crisisgames.errors.InvalidParameterError: leak = 2.0 is outside its declared range [0, 1] ...
    """

    def __init__(
        self,
        scenario: Scenario | str,
        axes: Mapping[str, Any],
        fixed: Mapping[str, Any] | None = None,
    ) -> None:
        self.scenario = _scenario(scenario)
        if not axes:
            raise InvalidParameterError("a grid needs at least one swept parameter")
        self.axes = tuple(Axis.build(self.scenario.parameter(n), s) for n, s in axes.items())
        self.fixed = _check_fixed(self.scenario, fixed or {}, self.names)

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(a.name for a in self.axes)

    @property
    def dims(self) -> tuple[str, ...]:
        return self.names

    @property
    def shape(self) -> tuple[int, ...]:
        return tuple(len(a.values) for a in self.axes)

    def points(self, start: int = 0, stop: int | None = None) -> dict[str, np.ndarray]:
        stop = self.size if stop is None else stop
        if not 0 <= start <= stop <= self.size:
            raise IndexError(f"points {start}:{stop} outside 0:{self.size}")
        index = np.unravel_index(np.arange(start, stop), self.shape)
        return {a.name: a.values[i] for a, i in zip(self.axes, index, strict=True)}

    def coords(self) -> dict[str, Any]:
        return {a.name: ((a.name,), np.asarray(a.values)) for a in self.axes}

    def to_dict(self) -> dict[str, Any]:
        return {
            "format": _FORMAT,
            "kind": "grid",
            "scenario": self.scenario.name,
            # Lists, not mappings: canonical JSON sorts keys, and the order is the dims'.
            "axes": [[a.name, a.spec] for a in self.axes],
            "fixed": dict(self.fixed),
        }

    def __repr__(self) -> str:
        axes = ", ".join(f"{a.name}: {len(a.values)}" for a in self.axes)
        return f"Grid({self.scenario.name!r}, {{{axes}}}, {self.size} points)"


class Design(Space):
    """``n`` points drawn over the swept parameters' ranges.

    Parameters
    ----------
    scenario
        A scenario or its catalog name.
    ranges
        ``{name: (low, high)}``, or a sequence of names (their declared ranges).  Boolean
        parameters cannot be sampled (sweep them on a :class:`Grid`).
    n
        The number of points.
    method
        ``"sobol"`` (scrambled Sobol sequence; a power of two keeps its balance),
        ``"lhs"`` (Latin hypercube) or ``"random"`` (independent uniforms).
    rng
        An integer seed (the design is then reproducible from its description) or a
        :class:`numpy.random.Generator`.
    fixed
        Values of unswept parameters that differ from their defaults.

    Examples
    --------
    >>> d = Design("missile-trade", {"leak": (0, 1), "alliance_cost": (0, 0.5)}, n=8,
    ...            method="sobol", rng=1)
    >>> d.dims, d.shape
    (('point',), (8,))
    >>> bool(np.all((d.points()["alliance_cost"] >= 0) & (d.points()["alliance_cost"] <= 0.5)))
    True
    >>> space_from_dict(d.to_dict()).spec_hash() == d.spec_hash()
    True
    """

    def __init__(
        self,
        scenario: Scenario | str,
        ranges: Mapping[str, Any] | Sequence[str],
        n: int,
        *,
        method: str = "sobol",
        rng: int | np.random.Generator | None = None,
        fixed: Mapping[str, Any] | None = None,
    ) -> None:
        self.scenario = _scenario(scenario)
        if method not in DESIGN_METHODS:
            raise InvalidParameterError(
                f"unknown design {method!r}; choose one of {DESIGN_METHODS}"
            )
        if isinstance(n, bool) or not float(n).is_integer() or n < 1:
            raise InvalidParameterError(f"a design needs n >= 1 points, got {n!r}")
        if not isinstance(ranges, Mapping):
            ranges = {name: None for name in ranges}
        if not ranges:
            raise InvalidParameterError("a design needs at least one swept parameter")
        self.ranges: dict[str, tuple[float, float]] = {}
        for name, bounds in ranges.items():
            p = self.scenario.parameter(name)
            if p.kind in ("bool", "integer"):
                raise InvalidParameterError(
                    f"{name} is {p.kind}: sweep it on a Grid, not a sampled design"
                )
            low, high = (p.low, p.high) if bounds is None else bounds
            low, high = float(low), float(high)
            if not low <= high:
                raise InvalidParameterError(f"{name}: range ({low}, {high}) has low > high")
            _check_range(p, [low, high])
            self.ranges[name] = (low, high)
        self.fixed = _check_fixed(self.scenario, fixed or {}, tuple(self.ranges))
        self.n = int(n)
        self.method = method
        if rng is None or isinstance(rng, np.random.Generator):
            self.seed: int | None = None
            generator = rng if rng is not None else np.random.default_rng()
        else:
            self.seed = int(rng)
            generator = np.random.default_rng(self.seed)
        unit = self._unit_sample(generator)
        lows = np.array([r[0] for r in self.ranges.values()])
        highs = np.array([r[1] for r in self.ranges.values()])
        # Clip: low + u (high - low) may round a hair past high.
        self.samples = np.clip(lows + unit * (highs - lows), lows, highs)
        self.samples.setflags(write=False)

    def _unit_sample(self, generator: np.random.Generator) -> np.ndarray:
        d = len(self.ranges)
        if self.method == "random":
            return generator.random((self.n, d))
        from scipy.stats import qmc

        if self.method == "lhs":
            return qmc.LatinHypercube(d, rng=generator).random(self.n)
        sobol = qmc.Sobol(d, scramble=True, rng=generator)
        with warnings.catch_warnings():
            # A non-power-of-two n loses Sobol's balance: documented, not warned per call.
            warnings.filterwarnings("ignore", message=".*balance properties.*")
            return sobol.random(self.n)

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(self.ranges)

    @property
    def dims(self) -> tuple[str, ...]:
        return ("point",)

    @property
    def shape(self) -> tuple[int, ...]:
        return (self.n,)

    def points(self, start: int = 0, stop: int | None = None) -> dict[str, np.ndarray]:
        stop = self.size if stop is None else stop
        if not 0 <= start <= stop <= self.size:
            raise IndexError(f"points {start}:{stop} outside 0:{self.size}")
        return {name: self.samples[start:stop, j] for j, name in enumerate(self.names)}

    def coords(self) -> dict[str, Any]:
        out: dict[str, Any] = {"point": (("point",), np.arange(self.n))}
        for j, name in enumerate(self.names):
            out[name] = (("point",), np.asarray(self.samples[:, j]))
        return out

    def to_dict(self) -> dict[str, Any]:
        """The description; the samples are identified by their SHA-256 (``samples``), and
        rebuilt from ``seed`` by :func:`space_from_dict` (only integer seeds are
        reproducible)."""
        return {
            "format": _FORMAT,
            "kind": "design",
            "scenario": self.scenario.name,
            "method": self.method,
            "n": self.n,
            "ranges": [[k, *v] for k, v in self.ranges.items()],
            "seed": self.seed,
            "samples": hashlib.sha256(np.ascontiguousarray(self.samples).tobytes()).hexdigest(),
            "fixed": dict(self.fixed),
        }

    def __repr__(self) -> str:
        return f"Design({self.scenario.name!r}, {list(self.names)}, n={self.n}, {self.method!r})"


class Points(Design):
    """Explicit parameter points (e.g. a sample drawn by SALib), swept like a design.

    Parameters
    ----------
    scenario
        A scenario or its catalog name.
    values
        ``{name: 1-D array}``, all of one length; every value is validated.
    fixed
        Values of unswept parameters that differ from their defaults.

    Examples
    --------
    >>> p = Points("verification", {"detect": [0.1, 0.5], "penalty": [0.0, 0.2]})
    >>> p.shape, p.points(1, 2)["penalty"].tolist()
    ((2,), [0.2])
    >>> Points("verification", {"detect": [0.1, 1.5]})
    Traceback (most recent call last):
    ...
    crisisgames.errors.InvalidParameterError: detect = 1.5 is outside its declared range [0, 1] ...
    """

    def __init__(
        self,
        scenario: Scenario | str,
        values: Mapping[str, Any],
        fixed: Mapping[str, Any] | None = None,
    ) -> None:
        self.scenario = _scenario(scenario)
        if not values:
            raise InvalidParameterError("no parameter values given")
        columns = []
        for name, v in values.items():
            p = self.scenario.parameter(name)
            if p.kind in ("bool", "integer"):
                raise InvalidParameterError(f"{name} is {p.kind}: sweep it on a Grid")
            arr = np.asarray(v, dtype=float)
            if arr.ndim != 1 or len(arr) == 0:
                raise InvalidParameterError(f"{name}: values must be a non-empty 1-D array")
            _check_range(p, arr)
            columns.append(arr)
        if len({len(c) for c in columns}) != 1:
            raise InvalidParameterError("every parameter needs the same number of values")
        self.ranges = {
            n: (float(c.min()), float(c.max())) for n, c in zip(values, columns, strict=True)
        }
        self.fixed = _check_fixed(self.scenario, fixed or {}, tuple(values))
        self.n = len(columns[0])
        self.method = "points"
        self.seed = None
        self.samples = np.column_stack(columns)
        self.samples.setflags(write=False)

    def __repr__(self) -> str:
        return f"Points({self.scenario.name!r}, {list(self.names)}, n={self.n})"


def space_from_dict(description: Mapping[str, Any]) -> Grid | Design:
    """Rebuild a space from :meth:`Space.to_dict` (or its JSON, parsed).

    Raises
    ------
    InvalidParameterError
        An unknown kind or format, a design without an integer seed, or a design whose
        regenerated samples differ from the description's (another NumPy/SciPy stream).

    Examples
    --------
    >>> g = Grid("verification", {"detect": (0, 1, 11)}, fixed={"intel": 0.0})
    >>> space_from_dict(g.to_dict()).spec_hash() == g.spec_hash()
    True
    """
    if description.get("format") != _FORMAT:
        raise InvalidParameterError(
            f"unknown sweep description format {description.get('format')!r}; expected {_FORMAT}"
        )
    kind = description.get("kind")
    if kind == "grid":
        axes = {name: spec for name, spec in description["axes"]}
        return Grid(description["scenario"], axes, description["fixed"])
    if kind == "design" and description.get("method") == "points":
        raise InvalidParameterError("explicit points cannot be rebuilt from their description")
    if kind == "design":
        if description.get("seed") is None:
            raise InvalidParameterError(
                "this design was drawn from a generator, not an integer seed: it cannot be "
                "rebuilt from its description"
            )
        d = Design(
            description["scenario"],
            {name: (low, high) for name, low, high in description["ranges"]},
            description["n"],
            method=description["method"],
            rng=description["seed"],
            fixed=description["fixed"],
        )
        if d.to_dict()["samples"] != description["samples"]:
            raise InvalidParameterError(
                "the design's samples regenerated from its seed differ from the description's "
                "(another version of NumPy or SciPy?)"
            )
        return d
    raise InvalidParameterError(f"unknown space kind {kind!r}; expected 'grid' or 'design'")
