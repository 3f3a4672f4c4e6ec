"""Regimes along a swept parameter: equilibrium branches, and exact regime boundaries.

A sweep's ``regime`` says which equilibrium structure holds at each grid point (the supports
of all extreme equilibria, see :func:`~crisisgames.sweep.labels.regime_label`).  Along one
swept parameter this module

- follows each equilibrium from grid point to grid point as a *branch*
  (:func:`follow_branches`): it continues (same support, matched to the nearest), changes
  support (matched within ``max_jump``), appears or vanishes;
- locates the boundaries between regimes *exactly* (:func:`regime_boundaries`), not at grid
  resolution: between two grid points with different regimes it bisects with the exact
  rational solver (``nash_equilibria(scenario.build(**params), exact=True)``), trying the
  simplest rational in the bracket at every other step, so a threshold with a small
  denominator (``1/4``, ``8/19``) is hit exactly rather than approached.

A boundary is reported **exact** when the structure, solved exactly, is one regime at
``value - delta`` and the other at ``value + delta`` for a ``delta`` far below the bracket's
tolerance (``xtol * 2**-32``): a rational threshold is then found as itself; an irrational
one (possible where a mixed equilibrium's probability is a ratio of polynomials) is reported
as a bracket of width ``xtol``, with ``exact`` false.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from fractions import Fraction
from typing import Any

import numpy as np
import pandas as pd
import xarray as xr

from crisisgames.errors import InvalidParameterError
from crisisgames.scenarios.base import Scenario, get
from crisisgames.solvers.nash import nash_equilibria
from crisisgames.sweep.labels import regime_label, support_label

__all__ = [
    "Branches",
    "exact_regime",
    "follow_branches",
    "regime_boundaries",
    "simplest_between",
]


# ---------------------------------------------------------------------------- lines
def _point_dims(ds: xr.Dataset) -> tuple[str, ...]:
    return tuple(str(d) for d in ds["n_equilibria"].dims)


def _check_along(ds: xr.Dataset, along: str) -> None:
    dims = _point_dims(ds)
    if "point" in dims:
        raise InvalidParameterError(
            "regimes follow a swept parameter of a grid; this sweep is a sampled design"
        )
    if along not in dims:
        raise InvalidParameterError(f"{along!r} is not a swept parameter of this sweep: {dims}")


def _line(ds: xr.Dataset, along: str, sel: Mapping[str, Any]) -> xr.Dataset:
    _check_along(ds, along)
    line = ds.sel(dict(sel)) if sel else ds
    rest = [d for d in _point_dims(line) if d != along]
    if rest:
        raise InvalidParameterError(
            f"select a value of {rest} (e.g. follow_branches(ds, {along!r}, {rest[0]}=...))"
        )
    return line.sortby(along)


def _labels(ds: xr.Dataset) -> tuple[tuple[str, ...], tuple[tuple[str, ...], ...]]:
    players = tuple(str(p) for p in ds["player"].values)
    actions = tuple(tuple(str(a) for a in ds[f"action_{_safe(p)}"].values) for p in players)
    return players, actions


def _safe(name: str) -> str:
    import re

    return re.sub(r"[^0-9A-Za-z_]", "_", name)


# ---------------------------------------------------------------------------- branches
@dataclass(frozen=True)
class Branches:
    """Equilibria followed along a swept parameter.

    Attributes
    ----------
    along
        The parameter.
    branch
        ``(along, equilibrium)``: the branch of each equilibrium (-1 where there is none).
    table
        One row per branch: ``branch``, ``first`` and ``last`` value, ``appears`` (after
        the first grid value), ``vanishes`` (before the last), ``supports`` (in order).
    events
        One row per event between consecutive grid values: ``event`` (``"appears"``,
        ``"vanishes"``, ``"changes support"``), ``branch``, ``before`` and ``after``
        values, ``support_before``, ``support_after``.
    """

    along: str
    branch: xr.DataArray
    table: pd.DataFrame
    events: pd.DataFrame


def follow_branches(ds: xr.Dataset, along: str, *, max_jump: float = 0.25, **sel: Any) -> Branches:
    """Follow each equilibrium along one swept parameter.

    Parameters
    ----------
    ds
        A grid sweep (:func:`~crisisgames.sweep.engine.sweep`).
    along
        The swept parameter to follow.
    max_jump
        Largest change of any probability for an equilibrium to continue with another
        support (otherwise one branch vanishes and another appears).
    **sel
        Values of the other swept parameters (a grid of several parameters).

    Examples
    --------
    >>> from crisisgames.sweep import Grid, sweep
    >>> ds = sweep(Grid("chicken-goals", {"dishonour": (0, 1, 11)}))
    >>> b = follow_branches(ds, "dishonour")
    >>> b.table[["first", "last"]].values.tolist()
    [[0.0, 1.0], [0.0, 0.2], [0.0, 0.2]]
    >>> b.table.supports.tolist()[1:]
    ['US: air strike; USSR: withdraw', 'US: {blockade, air strike}; USSR: {withdraw, maintain}']
    >>> b.events.event.tolist(), b.events.before.tolist()
    (['vanishes', 'vanishes'], [0.2, 0.2])
    """
    from scipy.optimize import linear_sum_assignment

    line = _line(ds, along, sel)
    players, actions = _labels(line)
    x = line[along].values
    count = line["n_equilibria"].values
    strat = np.concatenate([line[f"strategy_{_safe(p)}"].values for p in players], axis=-1)
    support = line["support"].values
    branch = np.full(support.shape, -1, dtype=np.int64)
    next_id = 0
    events: list[dict[str, Any]] = []
    spans: dict[int, dict[str, Any]] = {}

    def label(i: int, e: int) -> str:
        return support_label(int(support[i, e]), actions, players)

    def extend(b: int, i: int, e: int) -> None:
        span = spans[b]
        span["last"] = x[i]
        if span["supports"][-1] != label(i, e):
            span["supports"].append(label(i, e))

    for i in range(len(x)):
        k = int(count[i])
        if i == 0:
            pairs: list[tuple[int, int]] = []
        else:
            prev = int(count[i - 1])
            dist = np.abs(strat[i - 1, :prev, None, :] - strat[i, None, :k, :]).max(axis=-1)
            same = support[i - 1, :prev, None] == support[i, None, :k]
            rows, cols = linear_sum_assignment(dist + np.where(same, 0.0, 2.0))
            pairs = [
                (int(a), int(b))
                for a, b in zip(rows, cols, strict=True)
                if same[a, b] or dist[a, b] <= max_jump
            ]
        for a, e in pairs:
            b = int(branch[i - 1, a])
            branch[i, e] = b
            if support[i - 1, a] != support[i, e]:
                events.append(
                    {
                        "event": "changes support",
                        "branch": b,
                        "before": x[i - 1],
                        "after": x[i],
                        "support_before": label(i - 1, a),
                        "support_after": label(i, e),
                    }
                )
            extend(b, i, e)
        if i > 0:
            matched = {a for a, _ in pairs}
            for a in range(int(count[i - 1])):
                if a not in matched:
                    events.append(
                        {
                            "event": "vanishes",
                            "branch": int(branch[i - 1, a]),
                            "before": x[i - 1],
                            "after": x[i],
                            "support_before": label(i - 1, a),
                            "support_after": "",
                        }
                    )
        for e in range(k):
            if branch[i, e] < 0:
                branch[i, e] = next_id
                spans[next_id] = {"first": x[i], "last": x[i], "supports": [label(i, e)]}
                if i > 0:
                    events.append(
                        {
                            "event": "appears",
                            "branch": next_id,
                            "before": x[i - 1],
                            "after": x[i],
                            "support_before": "",
                            "support_after": label(i, e),
                        }
                    )
                next_id += 1
    table = pd.DataFrame(
        [
            {
                "branch": b,
                "first": s["first"],
                "last": s["last"],
                "appears": bool(s["first"] > x[0]),
                "vanishes": bool(s["last"] < x[-1]),
                "supports": " -> ".join(s["supports"]),
            }
            for b, s in spans.items()
        ]
    )
    columns = ["event", "branch", "before", "after", "support_before", "support_after"]
    return Branches(
        along,
        xr.DataArray(branch, coords={along: x}, dims=(along, "equilibrium"), name="branch"),
        table,
        pd.DataFrame(events, columns=columns),
    )


# ---------------------------------------------------------------------------- exact regimes
def simplest_between(low: Fraction, high: Fraction) -> Fraction:
    """The rational with the smallest denominator strictly between ``low < high`` (the
    smallest numerator among those), by continued fractions.

    Examples
    --------
    >>> simplest_between(Fraction(1, 5), Fraction(3, 10))
    Fraction(1, 4)
    >>> simplest_between(Fraction(2, 5), Fraction(1, 2))
    Fraction(3, 7)
    >>> simplest_between(Fraction(-1, 3), Fraction(1, 3))
    Fraction(0, 1)
    """
    if not low < high:
        raise ValueError(f"need low < high, got {low} and {high}")
    if low < 0 < high:
        return Fraction(0)
    if high <= 0:
        return -simplest_between(-high, -low)
    n = math.floor(low) + 1
    if n < high:
        return Fraction(n)
    base = math.floor(low)  # low and high lie in [base, base + 1]
    lo, hi = low - base, high - base
    if lo == 0:  # simplest in (0, hi): 1 / (floor(1/hi) + 1)
        return base + Fraction(1, math.floor(1 / hi) + 1)
    return base + 1 / simplest_between(1 / hi, 1 / lo)


def _simplest_in_closed(low: Fraction, high: Fraction) -> Fraction:
    candidates = [low, high] + ([simplest_between(low, high)] if low < high else [])
    return min(candidates, key=lambda q: (q.denominator, abs(q.numerator)))


def exact_regime(scenario: Scenario | str, **params: Any) -> str:
    """The regime label (as in a sweep) of the scenario's game at one parameter point,
    solved exactly (two players) or with the default solver (otherwise).

    Examples
    --------
    >>> from fractions import Fraction
    >>> exact_regime("chicken-goals", dishonour=Fraction(1, 2))
    'US: blockade; USSR: maintain'
    """
    scenario = get(scenario) if isinstance(scenario, str) else scenario
    game = scenario.build(**params)
    exact = game.num_players == 2
    eqs = nash_equilibria(game, exact=exact)
    masks = []
    for eq in eqs:
        strategies: Any = eq.exact_strategies if eq.exact_strategies is not None else eq.strategies
        probs = list(itertools.chain.from_iterable(strategies))
        masks.append(sum(1 << k for k, p in enumerate(probs) if p > 0))
    return regime_label(masks, eqs.status.continuum, game.actions, game.players)


@dataclass
class _Found:
    value: Fraction
    exact: bool
    low: Fraction
    high: Fraction
    below: str
    at: str
    above: str


def _locate(
    regime: Callable[[Fraction], str],
    low: Fraction,
    below: str,
    high: Fraction,
    above: str,
    xtol: Fraction,
    budget: list[int],
) -> list[_Found]:
    """The boundaries between ``below`` (at ``low``) and ``above`` (at ``high``)."""
    delta = xtol / 2**32

    def certified(c: Fraction, left: str, right: str) -> bool:
        return regime(c - delta) == left and regime(c + delta) == right

    # The boundary may be a grid point itself (a structure that holds only there).
    if regime(high - delta) == below:
        return [_Found(high, True, high, high, below, above, above)]
    if regime(low + delta) == above:
        return [_Found(low, True, low, low, below, below, above)]
    step = 0
    while high - low > xtol and budget[0] > 0:
        budget[0] -= 1
        c = simplest_between(low, high) if step % 2 == 0 else (low + high) / 2
        step += 1
        at = regime(c)
        if at == below:
            low = c
        elif at == above:
            high = c
        elif certified(c, below, above):
            return [_Found(c, True, c, c, below, at, above)]
        else:  # a third regime over an interval (or several changes): two boundaries
            return _locate(regime, low, below, c, at, xtol, budget) + _locate(
                regime, c, at, high, above, xtol, budget
            )
    q = _simplest_in_closed(low, high)
    if certified(q, below, above):
        return [_Found(q, True, q, q, below, regime(q), above)]
    return [_Found((low + high) / 2, False, low, high, below, "", above)]


def _exact_value(value: Any, kind: str) -> Any:
    if kind == "bool":
        return bool(value)
    return Fraction(repr(float(value)))  # the decimal the grid value prints as


def regime_boundaries(
    ds: xr.Dataset,
    along: str,
    *,
    scenario: Scenario | str | None = None,
    xtol: Fraction = Fraction(1, 2**40),
    max_steps: int = 400,
) -> pd.DataFrame:
    """The exact boundaries between regimes along one swept parameter.

    For every line of the grid along ``along`` (every combination of the other swept
    parameters), each pair of consecutive grid values whose regimes differ is bisected with
    the exact solver (see the module docstring).

    Parameters
    ----------
    ds
        A grid sweep.
    along
        The swept parameter.
    scenario
        The scenario (default: the one named in ``ds.attrs["scenario"]``).
    xtol
        Width below which a bracket is reported as it is (``exact`` false).
    max_steps
        Bound on the exact solves per pair of grid values.

    Returns
    -------
    pandas.DataFrame
        One row per boundary: the other swept parameters' values, ``value`` (a
        :class:`~fractions.Fraction`), ``float``, ``exact``, ``low`` and ``high`` (the
        bracket, equal to ``value`` where exact), and the regimes ``below``,
        ``at_boundary`` and ``above`` (labels; ``at_boundary`` empty when not exact).

    Examples
    --------
    In ``chicken-goals`` the US stops preferring to strike a withdrawing USSR where
    ``(1/2 - d) ws = wa / 2``, i.e. ``d = 1/4`` at the default weights:

    >>> from crisisgames.sweep import Grid, sweep
    >>> ds = sweep(Grid("chicken-goals", {"dishonour": (0, 1, 11)}))
    >>> b = regime_boundaries(ds, "dishonour")
    >>> b.value.tolist(), b.exact.tolist()
    ([Fraction(1, 4)], [True])
    >>> print(b.at_boundary[0])
    continuum: US: air strike; USSR: withdraw | US: blockade; USSR: maintain | US: {blockade, air strike}; USSR: withdraw
    """
    _check_along(ds, along)
    scenario = (
        get(scenario or ds.attrs["scenario"]) if not isinstance(scenario, Scenario) else scenario
    )
    others = [d for d in _point_dims(ds) if d != along]
    rows = []
    for combo in itertools.product(*(ds[d].values for d in others)):
        where = dict(zip(others, combo, strict=True))
        line = ds.sel(where).sortby(along) if where else ds.sortby(along)
        base = {
            p.name: _exact_value(line[p.name].values, p.kind)
            for p in scenario.parameters
            if p.name != along
        }
        kind = scenario.parameter(along).kind
        cache: dict[Any, str] = {}

        def regime(x: Any, base: dict[str, Any] = base, cache: dict[Any, str] = cache) -> str:
            if x not in cache:
                cache[x] = exact_regime(scenario, **{**base, along: x})
            return cache[x]

        xs = line[along].values
        codes = line["regime"].values
        found: list[_Found] = []
        for i in range(len(xs) - 1):
            if codes[i] == codes[i + 1]:
                continue
            lo, hi = _exact_value(xs[i], kind), _exact_value(xs[i + 1], kind)
            below, above = regime(lo), regime(hi)
            if below == above:
                continue  # the float grid's tolerance saw a change the exact solve does not
            if kind == "bool":  # nothing between two values of a flag
                found.append(_Found(hi, True, lo, hi, below, above, above))
                continue
            found += _locate(regime, lo, below, hi, above, Fraction(xtol), [max_steps])
        # A boundary at a grid point is found from both sides: merge the two.
        merged: list[_Found] = []
        for f in found:
            if merged and merged[-1].exact and f.exact and merged[-1].value == f.value:
                merged[-1].above = f.above
                merged[-1].at = merged[-1].at or f.at
            else:
                merged.append(f)
        for f in merged:
            rows.append(
                {
                    **{d: v.item() if hasattr(v, "item") else v for d, v in where.items()},
                    "value": f.value,
                    "float": float(f.value),
                    "exact": f.exact,
                    "low": f.low,
                    "high": f.high,
                    "below": f.below,
                    "at_boundary": f.at,
                    "above": f.above,
                }
            )
    columns = [*others, "value", "float", "exact", "low", "high", "below", "at_boundary", "above"]
    return pd.DataFrame(rows, columns=columns)
