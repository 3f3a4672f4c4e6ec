"""Solving a :class:`~crisisgames.games.batch.GameBatch` with array operations."""

from __future__ import annotations

import math

import numpy as np

from crisisgames.errors import UnsupportedGameError
from crisisgames.games.batch import _CHUNK_ELEMENTS, BatchSolution, GameBatch
from crisisgames.solvers.closed_form import _solve_2x2
from crisisgames.solvers.enumeration import _solve_bimatrix

__all__ = ["solve_batch"]


def solve_batch(batch: GameBatch, *, method: str = "auto", tol: float = 1e-9) -> BatchSolution:
    """All extreme equilibria of every game of a batch; see :meth:`GameBatch.solve`.

    Examples
    --------
    >>> import numpy as np
    >>> from crisisgames import GameBatch
    >>> zero = np.zeros((1, 2, 2))
    >>> sol = solve_batch(GameBatch.from_arrays(zero, zero))
    >>> sol.count.tolist(), sol.continuum.tolist(), sol.component.tolist()
    ([4], [True], [[0, 0, 0, 0]])
    """
    if method not in ("auto", "pure"):
        raise ValueError(f"unknown batch method {method!r}; choose 'auto' or 'pure'")
    if not (tol >= 0 and np.isfinite(tol)):
        raise ValueError(f"tol must be a finite non-negative number, got {tol!r}")
    n = len(batch.players)
    if method == "pure":
        return _pure(batch, tol)
    if n == 2:
        return _bimatrix(batch, tol)
    if n == 3:
        return _three_player(batch, tol)
    raise UnsupportedGameError(
        f"mixed equilibria of {n}-player batches are not supported; use method='pure'"
    )


def _bimatrix(batch: GameBatch, tol: float) -> BatchSolution:
    U = batch.payoffs
    if batch.shape == (2, 2):
        sol = _solve_2x2(batch.stacked, tol)
        count, x, y, component = sol.count, sol.x, sol.y, sol.component
        degenerate, continuum = sol.degenerate, sol.continuum
    else:
        count, x, y, vertex, degenerate = _chunked_enumeration(U[:, 0], U[:, 1], tol)
        x, y, vertex = _canonical_order(x, y, vertex)
        continuum = _shares_vertex(vertex)
        component = _component_labels(count, vertex, continuum)
    return BatchSolution(
        batch.players,
        batch.actions,
        count,
        (x, y),
        component,
        degenerate,
        continuum,
        np.ones(len(count), dtype=bool),
        "enumeration",
        U,
    )


def _chunked_enumeration(
    A: np.ndarray, B: np.ndarray, tol: float
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Vertex enumeration in chunks of games, so memory stays bounded on large batches."""
    G, m, n = A.shape
    per_game = max(math.comb(m, k) * math.comb(n, k) * k * k for k in range(1, min(m, n) + 1))
    size = max(1, _CHUNK_ELEMENTS // per_game)
    parts = [
        _solve_bimatrix(
            np.ascontiguousarray(A[s : s + size]),
            np.ascontiguousarray(B[s : s + size]),
            exact=False,
            tol=tol,
        )
        for s in range(0, G, size)
    ]
    K = max(int(p.count.max()) for p in parts)

    def pad(arr: np.ndarray, fill: float) -> np.ndarray:
        width = [(0, 0)] * arr.ndim
        width[1] = (0, K - arr.shape[1])
        return np.pad(arr, width, constant_values=fill)

    return (
        np.concatenate([p.count for p in parts]),
        np.concatenate([pad(p.x, np.nan) for p in parts]),
        np.concatenate([pad(p.y, np.nan) for p in parts]),
        np.concatenate([pad(p.vertex, -1) for p in parts]),
        np.concatenate([p.degenerate for p in parts]),
    )


def _canonical_order(
    x: np.ndarray, y: np.ndarray, vertex: np.ndarray
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Sort each game's equilibria as :func:`~crisisgames.nash_equilibria` lists them.

    Pure profiles first (by total support size), then by decreasing probabilities; the
    padding last.  A lexicographic sort done as stable sorts from the last key to the
    first, all games at once.
    """
    probs = np.concatenate([x, y], axis=-1)  # (G, K, m + n)
    padded = np.isnan(probs[..., 0])
    size = np.where(padded, probs.shape[-1] + 1, np.count_nonzero(probs > 0, axis=-1))
    keys = [size, *(-np.nan_to_num(probs[..., j]) for j in range(probs.shape[-1]))]
    order = np.broadcast_to(np.arange(probs.shape[1]), probs.shape[:2]).copy()
    for key in reversed(keys):
        k = np.take_along_axis(key, order, axis=1)
        order = np.take_along_axis(order, np.argsort(k, axis=1, kind="stable"), axis=1)

    def take(a: np.ndarray) -> np.ndarray:
        return np.take_along_axis(a, order[..., None], axis=1)

    return take(x), take(y), take(vertex)


def _shares_vertex(vertex: np.ndarray) -> np.ndarray:
    """Games in which two equilibria share a strategy (hence a segment of equilibria)."""
    out = np.zeros(vertex.shape[0], dtype=bool)
    for side in (0, 1):
        v = np.sort(vertex[..., side], axis=1)
        out |= np.any((v[:, 1:] == v[:, :-1]) & (v[:, 1:] >= 0), axis=1)
    return out


def _component_labels(count: np.ndarray, vertex: np.ndarray, continuum: np.ndarray) -> np.ndarray:
    """Component index of each equilibrium: its own index unless the game has a continuum,
    where the components are computed for those games at once (:func:`_batch_components`)."""
    slots = np.arange(vertex.shape[1], dtype=np.int16)
    comp = np.where(slots < count[:, None], slots, np.int16(-1))
    games = np.nonzero(continuum)[0]
    if len(games):
        comp[games] = _batch_components(count[games], vertex[games])
    return comp


def _batch_components(count: np.ndarray, vertex: np.ndarray) -> np.ndarray:
    """:func:`~crisisgames.solvers.enumeration._components` of many games at once,
    ``(G, K)`` with -1 past each game's ``count`` equilibria.

    Two equilibria are adjacent when they share a strategy (the same vertex id on either
    side).  Each equilibrium takes the smallest index among its neighbours' labels until
    nothing changes, so every equilibrium ends labeled by the first equilibrium of its
    component; components are then numbered in order of their first equilibrium, as
    ``_components`` numbers them.
    """
    G, K = vertex.shape[:2]
    valid = np.arange(K)[None, :] < count[:, None]  # (G, K)
    pair = valid[:, :, None] & valid[:, None, :]
    adjacent = pair & (
        (vertex[:, :, None, 0] == vertex[:, None, :, 0])
        | (vertex[:, :, None, 1] == vertex[:, None, :, 1])
    )  # (G, K, K), reflexive on valid equilibria
    label = np.broadcast_to(np.arange(K), (G, K)).copy()
    for _ in range(K):  # a path of K equilibria needs at most K - 1 steps
        step = np.where(adjacent, label[:, None, :], K).min(axis=2)
        new = np.where(valid, step, label)
        if np.array_equal(new, label):
            break
        label = new
    first = valid & (label == np.arange(K)[None, :])  # the first equilibrium of a component
    rank = np.cumsum(first, axis=1) - 1
    comp = np.take_along_axis(rank, label, axis=1)
    return np.where(valid, comp, -1).astype(np.int16)


def _pure(batch: GameBatch, tol: float) -> BatchSolution:
    from crisisgames.solvers.pure import _pure_nash_mask_batch

    U = batch.payoffs
    G = len(batch)
    mask = _pure_nash_mask_batch(U, tol).reshape(G, -1)
    count = mask.sum(axis=1)
    K = int(count.max())
    # The k-th pure equilibrium of each game, in lexicographic profile order.
    order = np.argsort(~mask, axis=1, kind="stable")[:, :K]
    present = np.arange(K)[None, :] < count[:, None]
    profiles = np.unravel_index(order, batch.shape)
    strategies = []
    for i, s in enumerate(batch.shape):
        onehot = (profiles[i][..., None] == np.arange(s)).astype(float)
        onehot[~present] = np.nan
        strategies.append(onehot)
    comp = np.where(present, np.arange(K)[None, :], -1).astype(np.int16)
    return BatchSolution(
        batch.players,
        batch.actions,
        count,
        tuple(strategies),
        comp,
        None,
        None,
        np.zeros(G, dtype=bool),
        "pure",
        U,
    )


def _three_player(batch: GameBatch, tol: float) -> BatchSolution:
    """Mixed equilibria game by game (no closed form exists for three players)."""
    from crisisgames.solvers.n_player import _n_player_equilibria

    sols = [_n_player_equilibria(U, tol=tol) for U in batch.payoffs]
    G = len(sols)
    count = np.array([len(s.profiles) for s in sols])
    K = int(count.max())
    strategies = [np.full((G, K, s), np.nan) for s in batch.shape]
    for g, s in enumerate(sols):
        for e, prof in enumerate(s.profiles):
            for i, p in enumerate(prof):
                strategies[i][g, e] = p
    comp = np.where(np.arange(K)[None, :] < count[:, None], np.arange(K)[None, :], -1)
    complete = np.array([s.complete for s in sols])
    return BatchSolution(
        batch.players,
        batch.actions,
        count,
        tuple(strategies),
        comp.astype(np.int16),
        None,
        None,
        complete,
        "n-player",
        batch.payoffs,
    )
