"""Scenarios: named crisis models whose parameters are declared data.

A :class:`Scenario` declares its :class:`Parameter`\\ s (name, default, range, unit,
meaning, source) and builds a game from them.  The same declaration serves a CLI flag, a
sweep axis and a plot label, and every default number says where it came from: the
project's brief, a published model, or an assumption of this library.

Parameters are validated before anything is built: unknown names (with the nearest valid
names suggested), NaN, values of the wrong kind or outside the declared range are errors.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from fractions import Fraction
from pathlib import Path
from typing import Any

import numpy as np

from crisisgames.errors import InvalidParameterError, UnknownLabelError
from crisisgames.games.outcomes import OutcomeData
from crisisgames.parameters import Parameter, as_exact
from crisisgames.scenarios.concept import NASH, Concept

__all__ = [
    "OutcomeData",
    "Parameter",
    "PayoffBuilders",
    "Scenario",
    "as_exact",
    "assemble_payoffs",
    "catalog",
    "get",
    "load",
    "register",
]


@dataclass(frozen=True)
class Scenario:
    """A named crisis model with declared parameters.

    Attributes
    ----------
    name
        The catalog key, e.g. ``"chicken"``.
    title
        One line.
    summary
        A paragraph: what the model is and how its numbers were chosen.
    parameters
        The declared parameters.
    builder
        ``builder(**params) -> model`` (a :class:`~crisisgames.NormalFormGame` for
        normal-form scenarios).
    outcomes
        ``outcomes(**params) -> OutcomeData`` or ``None``.
    batch_builder
        ``batch_builder(**arrays) -> GameBatch``: vectorised over broadcast parameter
        arrays, or ``None``.
    references
        Published sources.
    kind
        ``"normal form"``, ``"tree"``, ``"conflict"``, ...
    analysis
        ``analysis(**params) -> str``: further results the report prints (thresholds,
        windows, stability tables), or ``None``.
    figures
        ``figures(directory) -> paths``: draws the scenario's figures into a directory for
        the report, or ``None``.
    batch_outcomes
        ``batch_outcomes(**params) -> OutcomeData``: :attr:`outcomes` vectorised over a
        batch of ``G`` parameter points, or ``None``.  It takes the same keyword
        parameters as ``outcomes``, each a scalar or a ``(G,)`` array (resolved and
        validated), and returns ``war`` and ``terms`` arrays of shape
        ``(n_1, ..., n_N)`` (the same at every point) or ``(n_1, ..., n_N, G)``, equal at
        each point to what ``outcomes`` gives there (``labels`` may be omitted).  Sweeps
        use it to get a whole chunk's outcome data at once; without it they call
        ``outcomes`` once per distinct parameter point.
    concepts
        The solution concepts a sweep can solve (see :mod:`crisisgames.scenarios.concept`),
        the model's own first: the default of :meth:`concept`.  A normal-form scenario
        also has :data:`~crisisgames.scenarios.concept.NASH` (listed last when not
        declared).
    """

    name: str
    title: str
    summary: str
    parameters: tuple[Parameter, ...]
    builder: Callable[..., Any]
    outcomes: Callable[..., OutcomeData] | None = None
    batch_builder: Callable[..., Any] | None = None
    references: tuple[str, ...] = ()
    kind: str = "normal form"
    analysis: Callable[..., str] | None = None
    figures: Callable[[Path], list[Path]] | None = None
    batch_outcomes: Callable[..., OutcomeData] | None = None
    concepts: tuple[Concept, ...] = ()

    def __post_init__(self) -> None:
        names = [p.name for p in self.parameters]
        if len(set(names)) != len(names):
            twice = sorted({n for n in names if names.count(n) > 1})
            raise ValueError(f"scenario {self.name!r} declares {twice} more than once")
        if self.batch_outcomes is not None and self.outcomes is None:
            raise ValueError(
                f"scenario {self.name!r} has batch_outcomes but no outcomes: the batch "
                "form vectorises outcomes and must agree with it"
            )

    @property
    def concept_names(self) -> tuple[str, ...]:
        """The names of the solution concepts a sweep can solve, the default first."""
        return tuple(c.name for c in self.all_concepts())

    def all_concepts(self) -> tuple[Concept, ...]:
        """The declared concepts, then :data:`~crisisgames.scenarios.concept.NASH` for a
        normal-form scenario that does not declare it."""
        if self.kind == "normal form" and "nash" not in {c.name for c in self.concepts}:
            return (*self.concepts, NASH)
        return self.concepts

    def concept(self, name: str | None = None) -> Concept:
        """The solution concept of that name (default: the model's own, listed first).

        Examples
        --------
        >>> from crisisgames.scenarios import get
        >>> get("chicken").concept().name
        'nash'
        >>> get("chicken").concept("pbe")
        Traceback (most recent call last):
        ...
        crisisgames.errors.InvalidParameterError: scenario 'chicken' has no solution concept 'pbe' (its concepts: nash)
        """
        concepts = self.all_concepts()
        if not concepts:
            raise InvalidParameterError(f"scenario {self.name!r} declares no solution concept")
        if name is None:
            return concepts[0]
        for c in concepts:
            if c.name == name:
                return c
        raise InvalidParameterError(
            f"scenario {self.name!r} has no solution concept {name!r} "
            f"(its concepts: {', '.join(c.name for c in concepts)})"
        )

    @property
    def parameter_names(self) -> tuple[str, ...]:
        """The parameters' names, in declared order."""
        return tuple(p.name for p in self.parameters)

    def parameter(self, name: str) -> Parameter:
        """One parameter's declaration (unknown names suggest the nearest valid ones)."""
        for p in self.parameters:
            if p.name == name:
                return p
        raise InvalidParameterError(self._unknown_message(name))

    def _unknown_message(self, name: str) -> str:
        close = difflib.get_close_matches(name, self.parameter_names, n=3, cutoff=0.5)
        hint = f"; did you mean {' or '.join(repr(c) for c in close)}?" if close else ""
        return (
            f"scenario {self.name!r} has no parameter {name!r}{hint} "
            f"(its parameters: {', '.join(self.parameter_names) or 'none'})"
        )

    def defaults(self) -> dict[str, Any]:
        """The default value of every parameter."""
        return {p.name: p.default for p in self.parameters}

    def resolve(self, **params: Any) -> dict[str, Any]:
        """Defaults overridden by ``params``, each validated.

        Examples
        --------
        >>> from crisisgames.scenarios import get
        >>> get("chicken-goals").resolve(war_cost_us=2.0)["war_cost_us"]
        2.0
        """
        for name in params:
            if name not in self.parameter_names:
                raise InvalidParameterError(self._unknown_message(name))
        out = self.defaults()
        for name, value in params.items():
            out[name] = self.parameter(name).check(value)
        return out

    def build(self, **params: Any) -> Any:
        """The scenario's model at these parameters (defaults elsewhere)."""
        return self.builder(**self.resolve(**params))

    def outcome_data(self, **params: Any) -> OutcomeData:
        """The meaning of each pure profile at these parameters."""
        if self.outcomes is None:
            raise UnknownLabelError(f"scenario {self.name!r} declares no outcome data")
        return self.outcomes(**self.resolve(**params))

    def build_batch(self, **arrays: Any) -> Any:
        """A :class:`~crisisgames.GameBatch` over broadcast parameter arrays.

        Parameters not given take their defaults; every array is validated (range, NaN)
        before anything is built.  The batch builder receives flat ``(G,)`` arrays for the
        parameters that vary and scalars for the others (all ``(1,)`` arrays when none
        varies).
        """
        if self.batch_builder is None:
            raise UnknownLabelError(f"scenario {self.name!r} has no vectorised builder")
        return self.batch_of_resolved(self.resolve(**arrays))

    def batch_of_resolved(self, resolved: Mapping[str, Any]) -> Any:
        """:meth:`build_batch` for parameters already resolved (every parameter present
        and validated, as :meth:`resolve` returns them): nothing is validated again."""
        if self.batch_builder is None:
            raise UnknownLabelError(f"scenario {self.name!r} has no vectorised builder")
        shape = np.broadcast_shapes(*(np.shape(v) for v in resolved.values()))
        flat: dict[str, Any] = {}
        for k, v in resolved.items():
            a = np.asarray(v, dtype=float)
            if a.ndim == 0 and shape != ():
                # A parameter constant over the batch stays a scalar (the builders
                # broadcast): a sweep's chunks do not copy every fixed parameter G times.
                flat[k] = a[()]
            else:
                flat[k] = np.broadcast_to(a, shape).ravel()
        return self.batch_builder(**flat)

    def describe(self) -> str:
        """A plain-text sheet: title, summary, parameters with sources, references."""
        lines = [f"{self.name}: {self.title}", "", self.summary, "", "Parameters:"]
        width = max((len(p.name) for p in self.parameters), default=0)
        for p in self.parameters:
            rng = "True/False" if p.kind == "bool" else f"[{p.low}, {p.high}]"
            lines.append(
                f"  {p.name.ljust(width)}  = {p.default!s:<8} {rng:<14} {p.unit}: {p.meaning}"
            )
            lines.append(f"  {''.ljust(width)}    source: {p.source}")
        if not self.parameters:
            lines.append("  (none)")
        if self.references:
            lines += ["", "References:", *(f"  - {r}" for r in self.references)]
        return "\n".join(lines)


def assemble_payoffs(
    game_shape: tuple[int, ...], entries: Mapping[tuple[int, ...], Any]
) -> np.ndarray:
    """A payoff array ``(*game_shape, *parameter shape)`` from ``{index: value}``.

    Values are scalars (exact Fractions from :func:`as_exact`, or floats) or broadcastable
    parameter arrays; with scalar Fractions the array holds exact values (object dtype),
    otherwise floats.  This is how the vectorised scenario builders assemble a game, or a
    whole batch of games, from payoff formulas.

    Examples
    --------
    >>> from fractions import Fraction
    >>> assemble_payoffs((1, 2), {(0, 0): Fraction(1, 3), (0, 1): 0}).tolist()
    [[Fraction(1, 3), 0]]
    >>> assemble_payoffs((1, 2), {(0, 0): np.array([1.0, 2.0]), (0, 1): 0.5}).tolist()
    [[[1.0, 2.0], [0.5, 0.5]]]
    """
    values = list(entries.values())
    shape = np.broadcast_shapes(*(np.shape(v) for v in values))
    exact = shape == () and any(isinstance(v, Fraction) for v in values)
    out = np.empty((*game_shape, *shape), dtype=object if exact else float)
    for idx, v in entries.items():
        out[idx] = v
    return out


@dataclass(frozen=True)
class PayoffBuilders:
    """The two builders of a normal-form scenario whose payoffs come from one vectorised
    function ``payoff_arrays(**params) -> (N, n_1, ..., n_N, *parameter shape)``.

    Register ``builder=b.game`` and ``batch_builder=b.batch``; bound methods of this
    instance pickle by reference to the module-level function, so sweeps on process
    executors work.

    Examples
    --------
    >>> b = PayoffBuilders(
    ...     lambda **p: assemble_payoffs((1, 2), {(0, 0): p["x"], (0, 1): 1}),
    ...     ("only",), (("a", "b"),))
    >>> [str(v) for v in b.game(x=0.5).exact_payoffs[0]]  # 0.5 read as 1/2
    ['1/2', '1']
    >>> b.batch(x=np.array([0.0, 2.0])).payoffs[:, 0].tolist()
    [[0.0, 1.0], [2.0, 1.0]]
    """

    payoff_arrays: Callable[..., np.ndarray]
    players: tuple[str, ...]
    actions: tuple[tuple[str, ...], ...]

    def game(self, **p: Any) -> Any:
        """The game at one parameter point, with exact payoffs (see :func:`as_exact`)."""
        from crisisgames.games.normal_form import NormalFormGame

        return NormalFormGame(self.payoff_arrays(**as_exact(p)), self.players, self.actions)

    def batch(self, **arrays: Any) -> Any:
        """A :class:`~crisisgames.GameBatch` over flat parameter arrays (one game per
        point), without a Python loop."""
        from crisisgames.games.batch import GameBatch

        stacked = np.ascontiguousarray(self.payoff_arrays(**arrays))
        return GameBatch.from_stacked(stacked, self.players, self.actions)


_REGISTRY: dict[str, Scenario] = {}


def register(scenario: Scenario) -> Scenario:
    """Add a scenario to the catalog (names are unique)."""
    existing = _REGISTRY.get(scenario.name)
    if existing is not None:
        # The same module imported a second time (e.g. pytest's importlib mode collecting
        # a doctest) declares the same scenario again: keep the first one.
        same = (existing.title, existing.parameters) == (scenario.title, scenario.parameters)
        if same:
            return existing
        raise ValueError(f"a scenario named {scenario.name!r} is already registered")
    _REGISTRY[scenario.name] = scenario
    return scenario


def get(name: str) -> Scenario:
    """The scenario of that name (unknown names suggest the nearest ones).

    Examples
    --------
    >>> from crisisgames.scenarios import get
    >>> get("chiken")
    Traceback (most recent call last):
    ...
    crisisgames.errors.UnknownLabelError: unknown scenario 'chiken'; did you mean 'chicken' or ...
    """
    try:
        return _REGISTRY[name]
    except (KeyError, TypeError):  # TypeError: an unhashable name
        close = (
            difflib.get_close_matches(name, list(_REGISTRY), n=3, cutoff=0.5)
            if isinstance(name, str)
            else []
        )
        hint = f"; did you mean {' or '.join(repr(c) for c in close)}?" if close else ""
        raise UnknownLabelError(
            f"unknown scenario {name!r}{hint} (the catalog: {', '.join(sorted(_REGISTRY))})"
        ) from None


def load(name: str, **params: Any) -> Any:
    """Build a catalog scenario's model with some parameters overridden.

    Examples
    --------
    >>> from crisisgames.scenarios import load
    >>> load("chicken").players
    ('US', 'USSR')
    """
    return get(name).build(**params)


def catalog() -> Any:
    """The catalog as a table (a pandas DataFrame): name, title, kind, parameters, sources.

    Examples
    --------
    >>> from crisisgames.scenarios import catalog
    >>> "chicken" in set(catalog()["name"])
    True
    """
    import pandas as pd  # xarray's dependency, so always present

    rows = [
        {
            "name": s.name,
            "title": s.title,
            "kind": s.kind,
            "parameters": ", ".join(s.parameter_names),
            "references": "; ".join(s.references),
            "vectorised": s.batch_builder is not None,
        }
        for s in _REGISTRY.values()
    ]
    return pd.DataFrame(rows)
