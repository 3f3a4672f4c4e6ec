"""Solution concepts: what a sweep of a scenario solves at each parameter point.

A scenario declares the solution concepts that apply to its model, the first being the one
the model is about (subgame-perfect outcomes for a game of offers and responses, perfect
Bayesian equilibria for an incomplete-information escalation game, ...).  A
:class:`Concept` is the vectorised solver of the model under that concept, described as
data: the variables it returns for every point, the coordinates of their extra dimensions,
and the readable regime of each point ("secret trade accepted, no war").

Nash equilibria of the normal form are the concept :data:`NASH`, available for every
scenario whose model is a :class:`~crisisgames.NormalFormGame`; the sweep engine solves it
with :class:`~crisisgames.GameBatch` (all extreme equilibria, padded along an
``equilibrium`` dimension), so it declares no ``solve`` of its own.

The contract of ``Concept.solve``
---------------------------------
``solve(**params)`` receives **every** parameter of the scenario, resolved and validated:
each a Python scalar (bool, int, float or :class:`~fractions.Fraction`) or a flat ``(G,)``
NumPy array (the points of a sweep chunk; parameters constant over the chunk stay scalars).
It returns ``{output name: array}`` with one entry per declared :class:`Output`, each of
shape ``(G, *extra)`` where ``G`` is the length of the array parameters (1 when all are
scalars) and ``extra`` the sizes of the output's ``dims`` (from :attr:`Concept.coords`).
Arrays are numeric or boolean (string outputs are allowed, as fixed-width ``str``).

``regime(result)`` maps that dict to a ``(G,)`` array of labels, each a short human
description of the point's outcome built from the model's outcome, e.g. ``"secret trade
accepted, no war"`` or ``"no deal: hold-out, P(war) 0.4"``; two points are in the same
regime iff their labels are equal.  Labels must not depend on floating-point noise
(round or classify, do not print raw floats).

With ``exact=True``, ``solve`` also accepts exact scalars (:class:`~fractions.Fraction`)
and then decides every comparison that ``regime`` depends on exactly; exact regime
boundaries (:func:`~crisisgames.sweep.regime_boundaries`) are then certified, as for Nash
sweeps.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np

__all__ = ["NASH", "Concept", "Output"]


@dataclass(frozen=True)
class Output:
    """One per-point variable of a concept's sweep.

    Attributes
    ----------
    name
        The Dataset variable's name (a Python identifier).
    dims
        Its dimensions after the point dimensions (each named in :attr:`Concept.coords`).
    long_name
        What it is, one line.
    units
        E.g. ``"probability"``, ``"utility"``; empty if none.
    """

    name: str
    dims: tuple[str, ...] = ()
    long_name: str = ""
    units: str = ""

    def __post_init__(self) -> None:
        if not self.name.isidentifier():
            raise ValueError(f"output name {self.name!r} is not an identifier")


@dataclass(frozen=True)
class Concept:
    """A solution concept of a scenario's model, as a vectorised solver.

    Attributes
    ----------
    name
        The key a user selects it by (``sweep(..., concept="spe")``): ``"nash"``,
        ``"spe"``, ``"pbe"``, ``"bargaining"``, ``"path"``, ``"stability"``, ...
    title
        One line, e.g. ``"subgame-perfect outcome (backward induction)"``.
    solve
        The vectorised solver (see the module docstring); ``None`` only for :data:`NASH`.
    outputs
        The variables ``solve`` returns, in the Dataset's order.
    regime
        ``regime(result) -> (G,)`` labels (see the module docstring).
    coords
        The values of every extra dimension of the outputs, e.g.
        ``{"state": (0, 1, 2, 4, ...)}`` or ``{"offer": ("no trade", ...)}``.
    exact
        Whether ``solve`` computes exactly on exact scalar inputs.
    """

    name: str
    title: str
    solve: Callable[..., Mapping[str, np.ndarray]] | None = None
    outputs: tuple[Output, ...] = ()
    regime: Callable[[Mapping[str, np.ndarray]], np.ndarray] | None = None
    coords: Mapping[str, Sequence[Any]] = field(default_factory=dict)
    exact: bool = False

    def __post_init__(self) -> None:
        if self.solve is None and self.name != "nash":
            raise ValueError(f"concept {self.name!r} declares no solve function")
        if self.solve is not None and self.regime is None:
            raise ValueError(f"concept {self.name!r} declares no regime labels")
        names = [o.name for o in self.outputs]
        if len(set(names)) != len(names):
            raise ValueError(f"concept {self.name!r} declares an output twice: {names}")
        for o in self.outputs:
            missing = [d for d in o.dims if d not in self.coords]
            if missing:
                raise ValueError(
                    f"concept {self.name!r}: output {o.name!r} has dimensions {missing} "
                    "without coordinates"
                )

    @property
    def is_nash(self) -> bool:
        """Whether this is the normal form's Nash concept (solved by the batch engine)."""
        return self.solve is None


NASH = Concept("nash", "Nash equilibria of the normal form (all extreme equilibria)")
