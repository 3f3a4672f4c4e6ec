"""From finished chunks to the labeled Dataset of a sweep.

The engine hands every finished chunk (the arrays of :func:`~crisisgames.sweep.chunk.solve_chunk`)
to a *sink* as soon as it arrives, in whatever order: :class:`MemorySink` copies it into
preallocated arrays and builds the :class:`xarray.Dataset` at the end; the streaming sink
(:mod:`crisisgames.sweep.stream`) writes it into a netCDF file instead.  Both share this
module's description of the variables (:func:`variables`), of the coordinates and attrs
(:func:`coords_and_attrs`), and the merging of regimes across chunks
(:class:`RegimeTable`), so a streamed file loads to the Dataset an in-memory sweep returns.

The number of equilibria of the widest point (the ``equilibrium`` dimension) is known only
at the end: :class:`MemorySink` grows its arrays when a chunk needs more room, padding the
points already written; the streaming sink writes its file when every chunk is in.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any

import numpy as np
import xarray as xr

from crisisgames.errors import InvalidGameError
from crisisgames.games.normal_form import NormalFormGame
from crisisgames.parameters import Parameter
from crisisgames.sweep.chunk import REGIME_PAD, normal_form
from crisisgames.sweep.labels import regime_label
from crisisgames.sweep.space import Space

__all__ = [
    "MemorySink",
    "RegimeTable",
    "Sink",
    "Variable",
    "coords_and_attrs",
    "safe_name",
    "spec_hash",
    "variables",
]


def safe_name(name: str) -> str:
    """A netCDF-safe variable-name fragment for a player's label.

    Examples
    --------
    >>> safe_name("Cuba (Castro)")
    'Cuba__Castro_'
    """
    return re.sub(r"[^0-9A-Za-z_]", "_", name)


def spec_hash(spec: Mapping[str, Any]) -> str:
    """The SHA-256 of a sweep's specification (canonical JSON)."""
    text = json.dumps(spec, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(text.encode()).hexdigest()


# ---------------------------------------------------------------------------- variables
@dataclass(frozen=True)
class Variable:
    """One per-point variable of a sweep's Dataset.

    ``key`` names the array in a chunk's result, ``dims`` the dimensions after the point
    dimensions, ``fill`` the padding beyond a point's equilibria (``None``: the variable
    has no ``equilibrium`` dimension).
    """

    name: str
    key: str
    dims: tuple[str, ...]
    fill: Any
    attrs: dict[str, str] = field(default_factory=dict)


def variables(players: Sequence[str], part: Mapping[str, np.ndarray]) -> list[Variable]:
    """The per-point variables of a sweep, in the Dataset's order, for chunk results
    shaped like ``part`` (``regime`` last: the sinks add it, see :meth:`Sink.with_regime`)."""
    eq = ("equilibrium",)
    out = [
        Variable("n_equilibria", "count", (), None, {"long_name": "number of extreme equilibria"})
    ]
    for i, player in enumerate(players):
        p = safe_name(player)
        out.append(
            Variable(
                f"strategy_{p}",
                f"strategy_{i}",
                (*eq, f"action_{p}"),
                np.nan,
                {"long_name": f"{player}'s equilibrium strategy (probability of each action)"},
            )
        )
    out.append(
        Variable(
            "payoff",
            "payoff",
            (*eq, "player"),
            np.nan,
            {"long_name": "expected payoff of each player in each equilibrium"},
        )
    )
    if "war" in part:
        out.append(
            Variable(
                "war_probability",
                "war",
                eq,
                np.nan,
                {"long_name": "probability of war in each equilibrium", "units": "probability"},
            )
        )
    for key in sorted(k for k in part if k.startswith("term:")):
        term = key.split(":", 1)[1]
        out.append(
            Variable(
                f"term_{term}",
                key,
                eq,
                np.nan,
                {
                    "long_name": f"probability that the term {term!r} is in effect",
                    "units": "probability",
                },
            )
        )
    out.append(
        Variable(
            "component",
            "component",
            eq,
            -1,
            {"long_name": "connected component of each equilibrium (-1: no equilibrium)"},
        )
    )
    for flag, meaning in (
        ("degenerate", "the game is degenerate"),
        ("continuum", "some equilibria form a continuum"),
        ("complete", "the enumeration is provably complete"),
    ):
        if flag in part:
            out.append(Variable(flag, flag, (), None, {"long_name": meaning}))
    out.append(
        Variable(
            "support",
            "support",
            eq,
            -1,
            {"long_name": "support of each equilibrium as a bit mask over the actions (-1: none)"},
        )
    )
    out.append(
        Variable(
            "regime",
            "regime",
            (),
            None,
            {"long_name": "equilibrium structure (index into regime_label)"},
        )
    )
    return out


# ---------------------------------------------------------------------------- regimes
class RegimeTable:
    """The regimes met so far, merged across chunks by their labels.

    Each chunk's classes (``regime_class``, ``regime_rows``) are mapped to provisional ids
    in order of arrival (:meth:`add`); at the end, :meth:`final` numbers the labels in
    sorted order, so the codes do not depend on how the points were chunked or which chunk
    finished first.
    """

    def __init__(self, actions: Sequence[Sequence[str]], players: Sequence[str]) -> None:
        self._actions, self._players = actions, players
        self._ids: dict[str, int] = {}
        self._by_row: dict[tuple[int, ...], int] = {}

    def add(self, part: Mapping[str, np.ndarray]) -> np.ndarray:
        """The provisional regime id of each of a chunk's points."""
        lut = np.empty(len(part["regime_rows"]), dtype=np.int32)
        for c, row in enumerate(part["regime_rows"].tolist()):
            key = tuple(row)
            if key not in self._by_row:
                masks = [m for m in row[1:] if m != REGIME_PAD]
                label = regime_label(masks, bool(row[0]), self._actions, self._players)
                self._by_row[key] = self._ids.setdefault(label, len(self._ids))
            lut[c] = self._by_row[key]
        return lut[part["regime_class"]]

    def final(self) -> tuple[np.ndarray, list[str]]:
        """The map from provisional ids to final codes, and the labels in code order."""
        labels = sorted(self._ids)
        remap = np.empty(len(labels), dtype=np.int32)
        for code, label in enumerate(labels):
            remap[self._ids[label]] = code
        return remap, labels


# ---------------------------------------------------------------------------- metadata
def _plain(value: Any) -> Any:
    """A value netCDF attributes and JSON can hold: booleans as 0/1, exact rationals (the
    declared values of some scenarios) as floats."""
    if isinstance(value, bool | np.bool_):
        return int(value)
    if isinstance(value, Fraction):
        return float(value)
    return value


def _param_attrs(p: Parameter) -> dict[str, Any]:
    return {
        "long_name": p.meaning,
        "units": p.unit,
        "source": p.source,
        "default": _plain(p.default),
        "valid_min": _plain(p.low),
        "valid_max": _plain(p.high),
        "kind": p.kind,
    }


def coords_and_attrs(
    space: Space,
    players: Sequence[str],
    actions: Sequence[Sequence[str]],
    K: int,
    n_regimes: int,
    spec: Mapping[str, Any],
    method: str,
) -> tuple[dict[str, Any], dict[str, Any]]:
    """The coordinates (as ``(dims, values, attrs)`` tuples) and global attrs of a
    sweep's Dataset."""
    from crisisgames import __version__

    scenario = space.scenario
    coords: dict[str, Any] = {}
    for name, (cdims, values) in space.coords().items():
        attrs = _param_attrs(scenario.parameter(name)) if name in scenario.parameter_names else {}
        coords[name] = (cdims, values, attrs)
    for name, value in space.parameter_values().items():
        value = float(value) if isinstance(value, Fraction) else value
        coords[name] = ((), value, _param_attrs(scenario.parameter(name)))
    for player, acts in zip(players, actions, strict=True):
        coords[f"action_{safe_name(player)}"] = (
            (f"action_{safe_name(player)}",),
            np.array(acts, dtype=str),
            {"long_name": f"{player}'s actions"},
        )
    coords["player"] = (("player",), np.array(players, dtype=str), {})
    coords["equilibrium"] = (("equilibrium",), np.arange(K), {})
    coords["regime_id"] = (("regime_id",), np.arange(n_regimes), {})

    declarations = [
        {
            "name": p.name,
            "default": _plain(p.default),
            "low": _plain(p.low),
            "high": _plain(p.high),
            "unit": p.unit,
            "meaning": p.meaning,
            "source": p.source,
            "kind": p.kind,
        }
        for p in scenario.parameters
    ]
    attrs = {
        "title": f"crisisgames sweep of the scenario {scenario.name}",
        "scenario": scenario.name,
        "scenario_title": scenario.title,
        "references": "; ".join(scenario.references),
        "parameters": json.dumps(declarations),
        "swept": json.dumps(list(space.names)),
        "sweep_spec": json.dumps(spec, sort_keys=True),
        "sweep_hash": spec_hash(spec),
        "solver_method": method,
        "tol": float(spec["tol"]),
        "crisisgames_version": __version__,
    }
    return coords, attrs


def regime_label_variable(labels: Sequence[str]) -> tuple[Any, ...]:
    """``regime_label``'s ``(dims, values, attrs)``."""
    return (
        ("regime_id",),
        np.array(labels, dtype=str),
        {"long_name": "supports of the extreme equilibria of each regime"},
    )


def probe_game(space: Space) -> NormalFormGame:
    """The game at the space's first point (for its players' and actions' labels).

    Raises
    ------
    UnsupportedGameError
        The scenario's model is not a normal-form game.
    """
    first = {k: v[0] for k, v in space.points(0, 1).items()}
    return normal_form(space.scenario, space.scenario.build(**{**space.fixed, **first}))


# ---------------------------------------------------------------------------- sinks
# What regime labels are made of (see crisisgames.sweep.labels): two regimes are merged
# when their labels are equal, so no name may contain these.
_SEPARATORS = (", ", "; ", " | ", ": ", "{", "}")


def _check_label_text(players: Sequence[str], actions: Sequence[Sequence[str]]) -> None:
    for name in (*players, *(a for acts in actions for a in acts)):
        for sep in _SEPARATORS:
            if sep in name:
                raise InvalidGameError(
                    f"the label {name!r} contains {sep!r}, which regime labels use as a "
                    "separator; a sweep needs player and action labels without it"
                )


class Sink:
    """What the two sinks share: the space and specification, the players' and actions'
    labels, the regimes met so far, and the Dataset's coordinates and attrs.

    Parameters
    ----------
    space
        The sweep's parameter space.
    spec
        The sweep's specification (see :func:`~crisisgames.sweep.sweep_spec`).
    """

    def __init__(self, space: Space, spec: Mapping[str, Any]) -> None:
        self.space, self.spec = space, spec
        game = probe_game(space)
        self.players, self.actions = game.players, game.actions
        _check_label_text(self.players, self.actions)
        self.regimes = RegimeTable(self.actions, self.players)
        self.metadata(1, [], "")  # anything the Dataset cannot hold fails now, not at the end

    def with_regime(self, part: Mapping[str, np.ndarray]) -> dict[str, np.ndarray]:
        """A chunk's arrays with ``regime``: each point's provisional regime id (the same
        for a chunk seen again), renumbered by :meth:`RegimeTable.final` at the end."""
        return {**part, "regime": self.regimes.add(part)}

    def metadata(
        self, K: int, labels: Sequence[str], method: str
    ) -> tuple[dict[str, Any], dict[str, Any]]:
        """The Dataset's coordinates and attrs (see :func:`coords_and_attrs`), given the
        width of its ``equilibrium`` dimension, the regimes' labels and the solver's
        method."""
        return coords_and_attrs(
            self.space, self.players, self.actions, K, len(labels), self.spec, method
        )


class MemorySink(Sink):
    """Collects a sweep's chunks into arrays and builds its Dataset."""

    def __init__(self, space: Space, spec: Mapping[str, Any]) -> None:
        super().__init__(space, spec)
        self._vars: list[Variable] = []
        self._arrays: dict[str, np.ndarray] = {}
        self._K = 0
        self._method = ""

    def _allocate(self, part: Mapping[str, np.ndarray]) -> None:
        self._vars = variables(self.players, part)
        self._method = str(part["method"])
        size = self.space.size
        for v in self._vars:
            source = part[v.key]
            rest = source.shape[2:] if v.fill is not None else ()
            width = (self._K,) if v.fill is not None else ()
            self._arrays[v.name] = np.empty((size, *width, *rest), dtype=source.dtype)

    def _grow(self, K: int) -> None:
        """Widen the ``equilibrium`` dimension to ``K``, padding every point."""
        for v in self._vars:
            if v.fill is None:
                continue
            old = self._arrays[v.name]
            new = np.empty((old.shape[0], K, *old.shape[2:]), dtype=old.dtype)
            new[:, : self._K] = old
            new[:, self._K :] = v.fill
            self._arrays[v.name] = new
        self._K = K

    def write(self, start: int, stop: int, part: Mapping[str, np.ndarray]) -> None:
        """Copy a finished chunk (points ``start`` to ``stop - 1``) into place."""
        part = self.with_regime(part)
        K = part["support"].shape[1]
        if not self._vars:
            self._K = max(K, 1)  # the dimension exists even where no point has an equilibrium
            self._allocate(part)
        elif K > self._K:
            self._grow(K)
        for v in self._vars:
            out = self._arrays[v.name]
            if v.fill is None:
                out[start:stop] = part[v.key]
            else:
                out[start:stop, :K] = part[v.key]
                out[start:stop, K:] = v.fill

    def dataset(self) -> xr.Dataset:
        """The sweep's Dataset (see :func:`~crisisgames.sweep.sweep`)."""
        remap, labels = self.regimes.final()
        dims, shape = self.space.dims, self.space.shape
        data: dict[str, Any] = {}
        for v in self._vars:
            a = self._arrays[v.name]
            if v.name == "regime":
                a = remap[a]  # provisional ids to codes in label order
            data[v.name] = ((*dims, *v.dims), a.reshape(*shape, *a.shape[1:]), v.attrs)
            if v.name == "regime":
                data["regime_label"] = regime_label_variable(labels)
        coords, attrs = self.metadata(self._K, labels, self._method)
        return xr.Dataset(data, coords=coords, attrs=attrs)
