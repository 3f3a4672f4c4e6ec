"""The sweep engine: parameter points -> game batches -> equilibria -> a labeled Dataset.

:func:`sweep` cuts a :class:`~crisisgames.sweep.space.Grid` or
:class:`~crisisgames.sweep.space.Design` into chunks of points; each chunk is one
:class:`~crisisgames.GameBatch` (``scenario.build_batch``) solved with array operations
(:meth:`~crisisgames.GameBatch.solve`), and its metrics (payoffs, probability of war, terms
in effect, supports) are computed in the same worker.  Chunks run one after another, or on
any :class:`concurrent.futures.Executor` (threads, processes, a Dask cluster through
:mod:`crisisgames.sweep.dask_executor`), and are optionally checkpointed
(:mod:`crisisgames.sweep.checkpoint`).  The result is the same, bit for bit, whatever the
executor and the chunk size: every number of a point is computed from that point's game
alone, by element-wise operations in a fixed order, and the chunks are assembled by their
position, not by when they finished.

The Dataset (see :func:`sweep` for its variables) carries the scenario's name, every
parameter's declaration and value (units, meaning, source), the sweep's specification and
its hash, and the library's version; :func:`save_dataset` / :func:`load_dataset` round-trip
it through netCDF.
"""

from __future__ import annotations

import concurrent.futures as cf
import hashlib
import json
import os
import re
import sys
from collections.abc import Callable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

import numpy as np
import xarray as xr

from crisisgames.errors import InvalidParameterError, UnsupportedGameError
from crisisgames.games.batch import GameBatch
from crisisgames.games.normal_form import NormalFormGame
from crisisgames.scenarios.base import Parameter, Scenario
from crisisgames.sweep.checkpoint import Checkpoint, remaining_ranges
from crisisgames.sweep.outcomes import chunk_outcomes
from crisisgames.sweep.space import Space

__all__ = [
    "DEFAULT_CHUNK_SIZE",
    "load_dataset",
    "regime_label",
    "regime_labels",
    "save_dataset",
    "solve_chunk",
    "support_label",
    "sweep",
    "sweep_spec",
]

DEFAULT_CHUNK_SIZE = 1 << 15


def _safe(name: str) -> str:
    """A netCDF-safe variable-name fragment for a player's label."""
    return re.sub(r"[^0-9A-Za-z_]", "_", name)


# ---------------------------------------------------------------------------- one chunk
def _expect(values: np.ndarray, strategies: Sequence[np.ndarray], n_players: int) -> np.ndarray:
    """E[values] under each equilibrium, ``(G, K)``: a sum over pure profiles in a fixed
    order (not ``einsum``, whose contraction order may depend on the array sizes and so
    would make a point's result depend on its chunk)."""
    G, K = strategies[0].shape[:2]
    shape = tuple(s.shape[-1] for s in strategies)
    per_point = values.ndim == n_players + 1
    total = np.zeros((G, K))
    for profile in np.ndindex(shape):
        w = strategies[0][:, :, profile[0]].copy()
        for i in range(1, n_players):
            w *= strategies[i][:, :, profile[i]]
        v = values[profile]
        total += w * (v[:, None] if per_point else v)
    return total


def _support_masks(strategies: Sequence[np.ndarray], count: np.ndarray, tol: float) -> np.ndarray:
    """``(G, K)`` bit masks of each equilibrium's support over all players' actions
    (player 0's actions in the lowest bits); -1 where padded."""
    G, K = strategies[0].shape[:2]
    mask = np.zeros((G, K), dtype=np.int64)
    bit = 0
    for s in strategies:
        for a in range(s.shape[-1]):
            mask |= (np.nan_to_num(s[:, :, a]) > tol).astype(np.int64) << bit
            bit += 1
    return np.where(np.arange(K)[None, :] < count[:, None], mask, -1)


def _build_batch(scenario: Scenario, params: Mapping[str, Any]) -> GameBatch:
    """The chunk's games: vectorised where the scenario has a batch builder, else built
    point by point (slower, but any normal-form scenario can be swept)."""
    if scenario.batch_builder is not None:
        return scenario.build_batch(**params)
    G = max((len(v) for v in params.values() if np.ndim(v)), default=1)
    games = []
    for g in range(G):
        point = {k: (v[g].item() if np.ndim(v) else v) for k, v in params.items()}
        game = scenario.build(**point)
        if not isinstance(game, NormalFormGame):
            raise UnsupportedGameError(
                f"scenario {scenario.name!r} is a {scenario.kind}, not a normal-form game: "
                "it cannot be swept"
            )
        games.append(game)
    return GameBatch.from_games(games)


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
        Plain arrays (``count``, ``strategy_i``, ``payoff``, ``support``, ``component``,
        flags, ``war`` and ``term:KEY`` where the scenario has outcome data), ``K`` the
        chunk's largest number of equilibria.

    Examples
    --------
    >>> import numpy as np
    >>> from crisisgames.scenarios import get
    >>> out = solve_chunk(get("chicken-goals"), {"dishonour": np.array([0.0, 0.5])})
    >>> out["count"].tolist(), out["war"].shape
    ([3, 1], (2, 3))
    """
    batch = _build_batch(scenario, params)
    sol = batch.solve(method=method, tol=tol)
    G = len(batch)
    strategies = sol.strategies
    n = len(batch.players)
    out: dict[str, np.ndarray] = {"count": np.asarray(sol.count, dtype=np.int64)}
    for i, s in enumerate(strategies):
        out[f"strategy_{i}"] = np.asarray(s, dtype=float)
    U = batch.stacked  # (N, n_1, ..., n_N, G)
    out["payoff"] = np.stack([_expect(U[i], strategies, n) for i in range(n)], axis=-1)
    out["support"] = _support_masks(strategies, out["count"], tol)
    out["component"] = np.asarray(sol.component, dtype=np.int16)
    out["complete"] = np.asarray(sol.complete, dtype=bool)
    if sol.degenerate is not None:
        out["degenerate"] = np.asarray(sol.degenerate, dtype=bool)
    if sol.continuum is not None:
        out["continuum"] = np.asarray(sol.continuum, dtype=bool)
    out["method"] = np.array(sol.method)
    resolved = scenario.resolve(**params)
    flat = {k: np.broadcast_to(v, (G,)) if np.ndim(v) else v for k, v in resolved.items()}
    data = chunk_outcomes(scenario, flat, G)
    if data is not None:
        out["war"] = _expect(np.asarray(data.war, dtype=float), strategies, n)
        for key, mask in data.terms.items():
            out[f"term:{key}"] = _expect(np.asarray(mask, dtype=float), strategies, n)
    return out


# ---------------------------------------------------------------------------- labels
def support_label(mask: int, actions: Sequence[Sequence[str]], players: Sequence[str]) -> str:
    """The support encoded by a bit mask (see ``support`` in :func:`sweep`), as text.

    Examples
    --------
    >>> support_label(0b1101, (("blockade", "air strike"), ("withdraw", "maintain")), ("US", "USSR"))
    'US: blockade; USSR: {withdraw, maintain}'
    """
    bit, who = 0, []
    for player, acts in zip(players, actions, strict=True):
        chosen = [a for k, a in enumerate(acts) if int(mask) >> (bit + k) & 1]
        bit += len(acts)
        # Braces around a mixed support: action labels may contain "+" themselves.
        who.append(
            f"{player}: " + (chosen[0] if len(chosen) == 1 else "{" + ", ".join(chosen) + "}")
        )
    return "; ".join(who)


def regime_label(
    masks: Sequence[int],
    continuum: bool | None,
    actions: Sequence[Sequence[str]],
    players: Sequence[str],
) -> str:
    """A readable, canonical name of an equilibrium structure: the supports of the
    extreme equilibria (smaller supports first, then alphabetically), marked when they
    form a continuum.

    Two points have the same regime iff they have the same label.

    Examples
    --------
    >>> acts = (("blockade", "air strike"), ("withdraw", "maintain"))
    >>> regime_label([0b1001, 0b0110, 0b1111], False, acts, ("US", "USSR"))
    'US: air strike; USSR: withdraw | US: blockade; USSR: maintain | US: {blockade, air strike}; USSR: {withdraw, maintain}'
    """
    parts = sorted(
        (bin(int(m)).count("1"), support_label(m, actions, players)) for m in masks if m >= 0
    )
    text = " | ".join(label for _, label in parts) or "no equilibrium"
    return ("continuum: " + text) if continuum else text


def _multiset_hash(support: np.ndarray, seed: int) -> np.ndarray:
    """A 64-bit hash of each row's multiset of support masks (order-free: a sum of mixed
    values), so that no row needs sorting."""
    rng = np.random.default_rng(seed)  # fixed constants: the result must not vary
    a, b = (rng.integers(1, 2**63, dtype=np.uint64) | np.uint64(1) for _ in range(2))
    total = np.zeros(support.shape[0], dtype=np.uint64)
    with np.errstate(over="ignore"):
        for k in range(support.shape[1]):
            v = support[:, k].astype(np.uint64) * a
            v ^= v >> np.uint64(29)
            total += v * b
    return total


def _regime_classes(support: np.ndarray, flag: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Group points with the same multiset of supports and the same flag: the index of one
    point per class and each point's class.

    Hash-based grouping (``pandas.factorize``, linear time) of one 64-bit multiset hash,
    checked against a second, independent one; should the two ever disagree, the exact
    method (sorting each row) decides.
    """
    import pandas as pd  # xarray's dependency

    with np.errstate(over="ignore"):
        key = _multiset_hash(support, 0x5EED) + flag.astype(np.uint64) * np.uint64(
            0x9E3779B97F4A7C15
        )
    check = _multiset_hash(support, 0xC0FFEE) ^ flag.astype(np.uint64)
    inverse, _ = pd.factorize(key)
    first = np.full(inverse.max() + 1 if len(inverse) else 0, -1, dtype=np.intp)
    first[inverse[::-1]] = np.arange(len(inverse))[::-1]  # first occurrence of each class
    if np.array_equal(check[first][inverse], check):
        return first, inverse
    big = np.iinfo(np.int64).max
    rows = np.sort(np.where(support < 0, big, support), axis=1)
    _, first, inverse = np.unique(
        np.concatenate([flag[:, None], rows], axis=1),
        axis=0,
        return_index=True,
        return_inverse=True,
    )
    return first, inverse.ravel()


def _regimes(
    support: np.ndarray,
    continuum: np.ndarray | None,
    actions: Sequence[Sequence[str]],
    players: Sequence[str],
) -> tuple[np.ndarray, list[str]]:
    """An integer regime code per point, and the labels: codes number the distinct labels
    in sorted order, so they do not depend on how the points were chunked."""
    G = support.shape[0]
    big = np.iinfo(np.int64).max
    flag = np.zeros(G, np.int64) if continuum is None else continuum.astype(np.int64)
    first, inverse = _regime_classes(support, flag)
    # Only one point per class is sorted into its canonical row.
    rows = np.sort(np.where(support[first] < 0, big, support[first]), axis=1)
    uniq = np.concatenate([flag[first, None], rows], axis=1)
    labels = [
        regime_label(
            [int(m) for m in row[1:] if m != big],
            bool(row[0]) if continuum is not None else None,
            actions,
            players,
        )
        for row in uniq
    ]
    # Renumber by label so that the codes follow the labels' alphabetical order.
    order = sorted(range(len(labels)), key=labels.__getitem__)
    merged: dict[str, int] = {}
    new_code = np.empty(len(labels), dtype=np.int32)
    for old in order:
        new_code[old] = merged.setdefault(labels[old], len(merged))
    return new_code[inverse.ravel()], list(merged)


def regime_labels(ds: xr.Dataset) -> xr.DataArray:
    """The regime of every point as its label (strings), from ``regime`` and
    ``regime_label``.

    Examples
    --------
    >>> from crisisgames.sweep import Grid
    >>> ds = sweep(Grid("chicken-goals", {"dishonour": [0.0, 0.5]}))
    >>> regime_labels(ds).values.tolist()[1]
    'US: blockade; USSR: maintain'
    """
    names = np.asarray(ds["regime_label"].values, dtype=object)
    return xr.DataArray(names[ds["regime"].values], coords=ds["regime"].coords, name="regime")


# ---------------------------------------------------------------------------- metadata
def _plain_default(p: Parameter) -> Any:
    return int(p.default) if p.kind == "bool" else p.default


def _param_attrs(p: Parameter) -> dict[str, Any]:
    return {
        "long_name": p.meaning,
        "units": p.unit,
        "source": p.source,
        "default": _plain_default(p),
        "valid_min": p.low,
        "valid_max": p.high,
        "kind": p.kind,
    }


def sweep_spec(space: Space, method: str = "auto", tol: float = 1e-9) -> dict[str, Any]:
    """Everything that determines a sweep's result (its checkpoints are keyed by its hash).

    Examples
    --------
    >>> from crisisgames.sweep import Grid
    >>> sorted(sweep_spec(Grid("verification", {"detect": (0, 1, 3)})))
    ['method', 'space', 'tol']
    """
    return {"space": space.to_dict(), "method": method, "tol": float(tol)}


def _spec_hash(spec: Mapping[str, Any]) -> str:
    text = json.dumps(spec, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(text.encode()).hexdigest()


# ---------------------------------------------------------------------------- assembly
def _assemble(
    space: Space, parts: list[dict[str, np.ndarray]], spec: Mapping[str, Any]
) -> xr.Dataset:
    from crisisgames import __version__

    scenario = space.scenario
    K = max(1, max(int(p["support"].shape[1]) for p in parts))
    probe = scenario.build(**{**space.fixed, **{k: v[0] for k, v in space.points(0, 1).items()}})
    players, actions = probe.players, probe.actions

    def cat(key: str, fill: Any = None) -> np.ndarray:
        arrays = [p[key] for p in parts]
        if fill is None:
            return np.concatenate(arrays)
        # One allocation, each chunk copied into its rows (padding each chunk first and
        # then concatenating would copy everything twice).
        first = arrays[0]
        out = np.full(
            (sum(len(a) for a in arrays), K, *first.shape[2:]), fill, dtype=np.result_type(*arrays)
        )
        start = 0
        for a in arrays:
            out[start : start + len(a), : a.shape[1]] = a
            start += len(a)
        return out

    dims, shape = space.dims, space.shape

    def grid(a: np.ndarray) -> np.ndarray:
        return a.reshape(*shape, *a.shape[1:])

    eq = ("equilibrium",)
    data: dict[str, Any] = {
        "n_equilibria": (dims, grid(cat("count")), {"long_name": "number of extreme equilibria"})
    }
    for i, player in enumerate(players):
        data[f"strategy_{_safe(player)}"] = (
            (*dims, *eq, f"action_{_safe(player)}"),
            grid(cat(f"strategy_{i}", np.nan)),
            {"long_name": f"{player}'s equilibrium strategy (probability of each action)"},
        )
    data["payoff"] = (
        (*dims, *eq, "player"),
        grid(cat("payoff", np.nan)),
        {"long_name": "expected payoff of each player in each equilibrium"},
    )
    if "war" in parts[0]:
        data["war_probability"] = (
            (*dims, *eq),
            grid(cat("war", np.nan)),
            {"long_name": "probability of war in each equilibrium", "units": "probability"},
        )
    for key in sorted(k for k in parts[0] if k.startswith("term:")):
        term = key.split(":", 1)[1]
        data[f"term_{term}"] = (
            (*dims, *eq),
            grid(cat(key, np.nan)),
            {
                "long_name": f"probability that the term {term!r} is in effect",
                "units": "probability",
            },
        )
    data["component"] = (
        (*dims, *eq),
        grid(cat("component", -1)),
        {"long_name": "connected component of each equilibrium (-1: no equilibrium)"},
    )
    for flag, meaning in (
        ("degenerate", "the game is degenerate"),
        ("continuum", "some equilibria form a continuum"),
        ("complete", "the enumeration is provably complete"),
    ):
        if flag in parts[0]:
            data[flag] = (dims, grid(cat(flag)), {"long_name": meaning})
    support = cat("support", -1)
    code, labels = _regimes(
        support, cat("continuum") if "continuum" in parts[0] else None, actions, players
    )
    data["regime"] = (
        dims,
        grid(code),
        {"long_name": "equilibrium structure (index into regime_label)"},
    )
    data["regime_label"] = (
        ("regime_id",),
        np.array(labels, dtype=str),
        {"long_name": "supports of the extreme equilibria of each regime"},
    )
    data["support"] = (
        (*dims, *eq),
        grid(support),
        {"long_name": "support of each equilibrium as a bit mask over the actions (-1: none)"},
    )

    coords: dict[str, Any] = {}
    for name, (cdims, values) in space.coords().items():
        attrs = _param_attrs(scenario.parameter(name)) if name in scenario.parameter_names else {}
        coords[name] = (cdims, values, attrs)
    for name, value in space.parameter_values().items():
        coords[name] = ((), value, _param_attrs(scenario.parameter(name)))
    for player, acts in zip(players, actions, strict=True):
        coords[f"action_{_safe(player)}"] = (
            (f"action_{_safe(player)}",),
            np.array(acts, dtype=str),
            {"long_name": f"{player}'s actions"},
        )
    coords["player"] = (("player",), np.array(players, dtype=str))
    coords["equilibrium"] = (("equilibrium",), np.arange(K))
    coords["regime_id"] = (("regime_id",), np.arange(len(labels)))

    declarations = [
        {
            "name": p.name,
            "default": _plain_default(p),
            "low": p.low,
            "high": p.high,
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
        "sweep_hash": _spec_hash(spec),
        "solver_method": str(parts[0]["method"]),
        "tol": float(spec["tol"]),
        "crisisgames_version": __version__,
    }
    return xr.Dataset(data, coords=coords, attrs=attrs)


# ---------------------------------------------------------------------------- the loop
def _progress(total: int, initial: int, enabled: bool | None) -> Any:
    if enabled is False:
        return None
    try:
        from tqdm.auto import tqdm
    except ImportError:  # tqdm is optional
        return None
    # disable=None: tqdm stays silent when stderr is not a terminal.
    return tqdm(
        total=total,
        initial=initial,
        unit="pt",
        desc="sweep",
        disable=None if enabled is None else False,
        file=sys.stderr,
    )


def _run(
    tasks: list[tuple[int, int]],
    submit: Callable[[int, int], Any],
    executor: cf.Executor | None,
    max_pending: int,
) -> Iterator[tuple[int, int, dict[str, np.ndarray]]]:
    """Yield ``(start, stop, result)`` as chunks finish, with at most ``max_pending``
    chunks in flight (so a huge sweep does not hold every chunk's parameters at once)."""
    if executor is None:
        for start, stop in tasks:
            yield start, stop, submit(start, stop)
        return
    pending: dict[cf.Future, tuple[int, int]] = {}
    queue = iter(tasks)
    try:
        while True:
            for start, stop in queue:
                pending[submit(start, stop)] = (start, stop)
                if len(pending) >= max_pending:
                    break
            if not pending:
                return
            done, _ = cf.wait(pending, return_when=cf.FIRST_COMPLETED)
            for fut in done:
                start, stop = pending.pop(fut)
                yield start, stop, fut.result()
    finally:
        for fut in pending:
            fut.cancel()


def sweep(
    space: Space,
    *,
    chunk_size: int = DEFAULT_CHUNK_SIZE,
    executor: cf.Executor | None = None,
    checkpoint: str | Path | None = None,
    resume: bool = False,
    progress: bool | None = None,
    method: str = "auto",
    tol: float = 1e-9,
    max_pending: int | None = None,
) -> xr.Dataset:
    """Solve a scenario at every point of a parameter space.

    Parameters
    ----------
    space
        A :class:`~crisisgames.sweep.space.Grid` or :class:`~crisisgames.sweep.space.Design`.
    chunk_size
        Points per batch (per task on an executor).  Does not change the result.
    executor
        Any :class:`concurrent.futures.Executor`; ``None`` runs in this process.
    checkpoint
        A directory in which finished chunks are saved (see
        :mod:`crisisgames.sweep.checkpoint`).
    resume
        Reuse the finished chunks of the same sweep found in ``checkpoint``.
    progress
        ``None``: a tqdm progress bar when tqdm is installed and stderr is a terminal;
        ``True``: always (with tqdm); ``False``: never.
    method, tol
        Passed to :meth:`~crisisgames.GameBatch.solve`.
    max_pending
        Chunks in flight on the executor (default: four per worker).

    Returns
    -------
    xarray.Dataset
        Dimensions: the swept parameters (a grid) or ``point`` (a design), then
        ``equilibrium`` (padded with NaN / -1 beyond ``n_equilibria``), ``action_PLAYER``,
        ``player``, ``regime_id``.  Variables: ``n_equilibria``, ``strategy_PLAYER`` (one
        per player), ``payoff``, ``war_probability`` and ``term_KEY`` (scenarios with
        outcome data), ``component``, ``support``, ``degenerate`` / ``continuum`` /
        ``complete``, ``regime`` (an integer code) and ``regime_label``.  Coordinates: the
        swept parameters and, as scalars, every other parameter's value, each with its
        unit, meaning, source and default.  Attrs: the scenario, every parameter's
        declaration (JSON), the sweep's specification and hash, the library's version.

    Raises
    ------
    InvalidParameterError
        A chunk size below 1.
    CheckpointError
        A checkpoint of another sweep, or a damaged one.

    Examples
    --------
    >>> from crisisgames.sweep import Grid
    >>> ds = sweep(Grid("chicken-goals", {"dishonour": (0, 1, 5)}))
    >>> ds.n_equilibria.values.tolist()
    [3, 3, 1, 1, 1]
    >>> ds.strategy_US.sel(dishonour=0.0, equilibrium=2).values.round(3).tolist()
    [0.435, 0.565]
    >>> ds.war_probability.sel(dishonour=0.0).values.round(3).tolist()
    [0.0, 0.0, 0.113]
    >>> print(ds.regime_label.values[int(ds.regime.sel(dishonour=1.0))])
    US: blockade; USSR: maintain
    """
    if isinstance(chunk_size, bool) or int(chunk_size) != chunk_size or chunk_size < 1:
        raise InvalidParameterError(f"chunk_size must be a positive integer, got {chunk_size!r}")
    chunk_size = int(chunk_size)
    spec = sweep_spec(space, method, tol)
    store = (
        Checkpoint(checkpoint, spec, _spec_hash(spec), space.size, resume=resume)
        if checkpoint is not None
        else None
    )
    finished = store.finished if store is not None else []
    tasks = remaining_ranges(space.size, finished, chunk_size)
    scenario, fixed = space.scenario, dict(space.fixed)

    def submit(start: int, stop: int) -> Any:
        params = {**fixed, **space.points(start, stop)}
        if executor is None:
            return solve_chunk(scenario, params, method, tol)
        return executor.submit(solve_chunk, scenario, params, method, tol)

    if max_pending is None:
        workers = getattr(executor, "_max_workers", None) or os.cpu_count() or 1
        max_pending = 4 * int(workers)
    results: dict[tuple[int, int], dict[str, np.ndarray]] = {}
    done_points = sum(b - a for a, b in finished)
    bar = _progress(space.size, done_points, progress) if len(tasks) > 1 else None
    try:
        for start, stop, result in _run(tasks, submit, executor, max(1, max_pending)):
            if store is not None:
                store.save(start, stop, result)
            results[(start, stop)] = result
            if bar is not None:
                bar.update(stop - start)
    finally:
        if bar is not None:
            bar.close()
    if store is not None:
        for key in finished:
            results[key] = store.load(*key)
    parts = [results[key] for key in sorted(results)]
    return _assemble(space, parts, spec)


# ---------------------------------------------------------------------------- netCDF
def save_dataset(ds: xr.Dataset, path: str | Path, *, engine: str | None = None) -> Path:
    """Write a sweep's Dataset to netCDF (``engine`` as in :meth:`xarray.Dataset.to_netcdf`:
    netCDF4 or h5netcdf when installed, else SciPy's netCDF 3).

    Examples
    --------
    >>> import tempfile, os
    >>> from crisisgames.sweep import Grid
    >>> ds = sweep(Grid("verification", {"detect": (0, 1, 3)}))
    >>> path = save_dataset(ds, os.path.join(tempfile.mkdtemp(), "v.nc"))
    >>> load_dataset(path).identical(ds)
    True
    """
    path = Path(path)
    ds.to_netcdf(path, engine=engine)  # type: ignore[arg-type]
    return path


def load_dataset(path: str | Path, *, engine: str | None = None) -> xr.Dataset:
    """Read a sweep's Dataset written by :func:`save_dataset` (into memory; the file is
    closed)."""
    return xr.load_dataset(path, engine=engine)
