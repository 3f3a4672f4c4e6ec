"""One chunk of a sweep: its games built, solved and measured, as plain arrays.

:func:`solve_chunk` is the unit of work that the sweep engine sends to an executor: it
takes parameter values for ``G`` points and returns NumPy arrays only (cheap to pickle, to
checkpoint and to write into a Dataset).  Every number of a point is computed from that
point's game alone, by element-wise operations in a fixed order, so a point's result does
not depend on the chunk it was computed in.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np
import pandas as pd

from crisisgames.errors import UnsupportedGameError
from crisisgames.games.batch import GameBatch
from crisisgames.games.normal_form import NormalFormGame
from crisisgames.scenarios.base import Scenario
from crisisgames.sweep.outcomes import chunk_outcomes

__all__ = ["REGIME_PAD", "mask_dtype", "normal_form", "solve_chunk"]

# Pads a regime's sorted support row (larger than any mask, so padding sorts last).
REGIME_PAD = np.iinfo(np.int64).max


def mask_dtype(total_actions: int) -> np.dtype:
    """The smallest signed integer type holding a support bit mask over ``total_actions``
    actions, and -1 for padding.

    Examples
    --------
    >>> mask_dtype(4), mask_dtype(11), mask_dtype(40)
    (dtype('int8'), dtype('int16'), dtype('int64'))
    """
    for dtype in (np.int8, np.int16, np.int32, np.int64):
        if total_actions < np.iinfo(dtype).bits:
            return np.dtype(dtype)
    raise UnsupportedGameError(
        f"a sweep records supports as bit masks of at most 63 actions in all; this game "
        f"has {total_actions}"
    )


def normal_form(scenario: Scenario, game: Any) -> NormalFormGame:
    """``game``, checked to be a normal-form game (the only kind a sweep solves)."""
    if not isinstance(game, NormalFormGame):
        raise UnsupportedGameError(
            f"scenario {scenario.name!r} is a {scenario.kind}, not a normal-form game: "
            "it cannot be swept"
        )
    return game


def _build_batch(scenario: Scenario, resolved: Mapping[str, Any]) -> GameBatch:
    """The chunk's games from its resolved parameters: vectorised where the scenario has
    a batch builder, else built point by point (slower, but any normal-form scenario can
    be swept)."""
    if scenario.batch_builder is not None:
        return scenario.batch_of_resolved(resolved)
    G = max((len(v) for v in resolved.values() if np.ndim(v)), default=1)
    games = []
    for g in range(G):
        point = {k: (v[g].item() if np.ndim(v) else v) for k, v in resolved.items()}
        games.append(normal_form(scenario, scenario.builder(**point)))
    return GameBatch.from_games(games)


def _expectations(
    tables: Sequence[np.ndarray], strategies: Sequence[np.ndarray], n_players: int
) -> list[np.ndarray]:
    """E[table] under each equilibrium, ``(G, K)`` per table, each table indexed by pure
    profile (``(n_1, ..., n_N)``, optionally with a trailing point axis ``G``).

    One pass over the pure profiles in a fixed order: each profile's probability is formed
    once and added into every table's total (not ``einsum``, whose contraction order may
    depend on the array sizes and so would make a point's result depend on its chunk).
    """
    G, K = strategies[0].shape[:2]
    shape = tuple(s.shape[-1] for s in strategies)
    totals = [np.zeros((G, K)) for _ in tables]
    w = np.empty((G, K))
    term = np.empty((G, K))
    for profile in np.ndindex(shape):
        np.copyto(w, strategies[0][:, :, profile[0]])
        for i in range(1, n_players):
            w *= strategies[i][:, :, profile[i]]
        for table, total in zip(tables, totals, strict=True):
            v = table[profile]
            np.multiply(w, v[:, None] if np.ndim(v) == 1 else v, out=term)
            total += term
    return totals


def _support_masks(
    strategies: Sequence[np.ndarray], count: np.ndarray, tol: float, dtype: np.dtype
) -> np.ndarray:
    """``(G, K)`` bit masks of each equilibrium's support over all players' actions
    (player 0's actions in the lowest bits); -1 where padded (NaN strategies compare
    false, so padding contributes no bits before it is overwritten)."""
    G, K = strategies[0].shape[:2]
    mask = np.zeros((G, K), dtype=dtype)
    bit = 0
    for s in strategies:
        for a in range(s.shape[-1]):
            mask |= (s[:, :, a] > tol).astype(dtype) << dtype.type(bit)
            bit += 1
    mask[np.arange(K)[None, :] >= count[:, None]] = -1
    return mask


def _regime_classes(support: np.ndarray, flag: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The chunk's distinct equilibrium structures: each point's class (``(G,)`` int32)
    and one canonical row per class, ``(C, 1 + K)``: the continuum flag, then the support
    masks sorted (padded with :data:`REGIME_PAD`).

    Points are grouped by their rows of masks as listed (an exact key packed into 64 bits
    where the masks are small, else the rows themselves); two classes listing the same
    supports in another order get the same canonical row, and the engine merges them by
    their label.
    """
    G, K = support.shape
    bits = np.iinfo(support.dtype).bits  # masks + 1 lie in [0, 2**(bits - 1)]
    if G == 0:
        return np.zeros(0, np.int32), np.zeros((0, 1 + K), np.int64)
    if K * bits + 1 <= 63:
        key = flag.astype(np.int64)
        for k in range(K):
            key = (key << np.int64(bits)) | (support[:, k].astype(np.int64) + 1)
        codes, _ = pd.factorize(key)
        first = np.zeros(codes.max() + 1, dtype=np.intp)
        first[codes[::-1]] = np.arange(G)[::-1]  # the first point of each class
    else:
        table = np.concatenate([flag[:, None].astype(np.int64), support.astype(np.int64)], 1)
        _, first, codes = np.unique(table, axis=0, return_index=True, return_inverse=True)
    rows = support[first].astype(np.int64)
    rows = np.sort(np.where(rows < 0, REGIME_PAD, rows), axis=1)
    canonical = np.concatenate([flag[first, None].astype(np.int64), rows], axis=1)
    return codes.ravel().astype(np.int32), canonical


def solve_chunk(
    scenario: Scenario, params: Mapping[str, Any], method: str = "auto", tol: float = 1e-9
) -> dict[str, np.ndarray]:
    """Solve the games of one chunk and compute their metrics.

    Parameters
    ----------
    scenario
        The scenario (pickled by reference to its functions, so process executors work).
    params
        Parameter values: ``(G,)`` arrays for the swept ones, scalars for the others.
    method, tol
        Passed to :meth:`~crisisgames.GameBatch.solve`.

    Returns
    -------
    dict
        Plain arrays, ``K`` the chunk's largest number of equilibria: ``count`` ``(G,)``;
        ``strategy_i`` ``(G, K, n_i)``; ``payoff`` ``(G, K, N)``; ``support`` ``(G, K)``
        (bit masks, see :func:`mask_dtype`); ``component`` ``(G, K)``; the flags
        ``complete`` (and ``degenerate``, ``continuum`` where the solver determines them);
        ``war`` and ``term:KEY`` ``(G, K)`` where the scenario has outcome data;
        ``regime_class`` ``(G,)`` and ``regime_rows`` ``(C, 1 + K)`` (see
        :func:`_regime_classes`); ``method``.

    Examples
    --------
    >>> import numpy as np
    >>> from crisisgames.scenarios import get
    >>> out = solve_chunk(get("chicken-goals"), {"dishonour": np.array([0.0, 0.5])})
    >>> out["count"].tolist(), out["war"].shape, out["regime_class"].tolist()
    ([3, 1], (2, 3), [0, 1])
    """
    resolved = scenario.resolve(**params)  # validated once, for the games and outcomes
    batch = _build_batch(scenario, resolved)
    sol = batch.solve(method=method, tol=tol)
    G = len(batch)
    strategies = [np.asarray(s, dtype=float) for s in sol.strategies]
    n = len(batch.players)
    count = np.asarray(sol.count, dtype=np.int64)
    out: dict[str, np.ndarray] = {"count": count}
    for i, s in enumerate(strategies):
        out[f"strategy_{i}"] = s
    tables: list[np.ndarray] = list(batch.stacked)  # (n_1, ..., n_N, G) per player
    keys = [f"payoff_{i}" for i in range(n)]
    flat = {k: np.broadcast_to(v, (G,)) if np.ndim(v) else v for k, v in resolved.items()}
    data = chunk_outcomes(scenario, flat, G)
    if data is not None:
        tables.append(np.asarray(data.war, dtype=float))
        keys.append("war")
        for key, mask in data.terms.items():
            tables.append(np.asarray(mask, dtype=float))
            keys.append(f"term:{key}")
    values = dict(zip(keys, _expectations(tables, strategies, n), strict=True))
    out["payoff"] = np.stack([values.pop(f"payoff_{i}") for i in range(n)], axis=-1)
    out.update(values)
    support = _support_masks(strategies, count, tol, mask_dtype(sum(batch.shape)))
    out["support"] = support
    out["component"] = np.asarray(sol.component, dtype=np.int16)
    out["complete"] = np.asarray(sol.complete, dtype=bool)
    if sol.degenerate is not None:
        out["degenerate"] = np.asarray(sol.degenerate, dtype=bool)
    if sol.continuum is not None:
        out["continuum"] = np.asarray(sol.continuum, dtype=bool)
    flag = out.get("continuum", np.zeros(G, dtype=bool))
    out["regime_class"], out["regime_rows"] = _regime_classes(support, flag)
    out["method"] = np.array(sol.method)
    return out
