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
import os
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import numpy as np
import xarray as xr

from crisisgames.errors import InvalidParameterError
from crisisgames.sweep.checkpoint import Checkpoint, remaining_ranges
from crisisgames.sweep.chunk import solve_chunk
from crisisgames.sweep.dataset import MemorySink, spec_hash
from crisisgames.sweep.space import Space
from crisisgames.sweep.stream import NetCDFSink

__all__ = ["DEFAULT_CHUNK_SIZE", "load_dataset", "save_dataset", "sweep", "sweep_spec"]

DEFAULT_CHUNK_SIZE = 1 << 15
# The layout of solve_chunk's arrays, part of a sweep's specification so that a checkpoint
# of chunks in another layout is refused rather than misread (2: regime classes per chunk,
# support masks in the smallest integer type).
CHUNK_FORMAT = 2


# ---------------------------------------------------------------------------- spec
def sweep_spec(space: Space, method: str = "auto", tol: float = 1e-9) -> dict[str, Any]:
    """Everything that determines a sweep's result (its checkpoints are keyed by its hash).

    Examples
    --------
    >>> from crisisgames.sweep import Grid
    >>> sorted(sweep_spec(Grid("verification", {"detect": (0, 1, 3)})))
    ['chunk_format', 'method', 'space', 'tol']
    """
    return {
        "space": space.to_dict(),
        "method": method,
        "tol": float(tol),
        "chunk_format": CHUNK_FORMAT,
    }


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
            failed = None
            for fut in done:
                start, stop = pending.pop(fut)
                if fut.exception() is None:
                    yield start, stop, fut.result()
                else:  # the other finished chunks are saved first, then this is raised
                    failed = failed or fut
            if failed is not None:
                failed.result()
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
    out: str | Path | None = None,
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
    out
        Stream the results into this netCDF file instead of memory (the ``netcdf``
        extra), so memory holds only the chunks in flight, whatever the size of the
        sweep: each chunk is spooled to disk as it finishes (into ``checkpoint`` if
        given, else a hidden directory next to ``out``), and the file is written from the
        spool when the sweep is complete, under a temporary name then moved to ``out``
        (an existing file is then replaced).  Disk use peaks at the spool plus the file.
        A missing directory is created; an interrupted sweep leaves no partial file (with
        ``checkpoint``, its finished chunks are kept there).  See
        :mod:`crisisgames.sweep.stream`.

    Returns
    -------
    xarray.Dataset
        In memory; with ``out``, opened lazily from the file (:func:`xarray.open_dataset`:
        close it, or use it in a ``with`` block, when done).  Dimensions: the swept
        parameters (a grid) or ``point`` (a design), then
        ``equilibrium`` (padded with NaN / -1 beyond ``n_equilibria``), ``action_PLAYER``,
        ``player``, ``regime_id``.  Variables: ``n_equilibria``, ``strategy_PLAYER`` (one
        per player), ``payoff``, ``war_probability`` and ``term_KEY`` (scenarios with
        outcome data), ``component``, ``support``, ``degenerate`` / ``continuum`` /
        ``complete``, ``regime`` (an integer code) and ``regime_label``; ``support`` is a
        bit mask in the smallest integer type that holds all the actions.  Coordinates: the
        swept parameters and, as scalars, every other parameter's value, each with its
        unit, meaning, source and default.  Attrs: the scenario, every parameter's
        declaration (JSON), the sweep's specification and hash, the library's version.

    Raises
    ------
    InvalidParameterError
        A chunk size below 1.
    UnsupportedGameError
        The scenario's model is not a normal-form game.
    InvalidGameError
        A player or action label that would make regime labels ambiguous.
    CheckpointError
        A checkpoint of another sweep, or a damaged one.
    ImportError, IsADirectoryError, OSError
        ``out`` without netCDF4, ``out`` a directory, or not writable.

    All of these are raised before any chunk is solved.

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
    # The sink first: what it refuses (labels, an unwritable out) is refused before a
    # checkpoint directory is made.
    sink = MemorySink(space, spec) if out is None else NetCDFSink(out, space, spec)
    store = (
        Checkpoint(checkpoint, spec, spec_hash(spec), space.size, resume=resume)
        if checkpoint is not None
        else None
    )
    if isinstance(sink, NetCDFSink):
        sink.checkpoint = store
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
    bar = None
    try:
        for start, stop in finished:  # one at a time: a resumed sweep streams too
            sink.write(start, stop, store.load(start, stop))  # type: ignore[union-attr]
        done_points = sum(b - a for a, b in finished)
        bar = _progress(space.size, done_points, progress) if len(tasks) > 1 else None
        for start, stop, result in _run(tasks, submit, executor, max(1, max_pending)):
            if store is not None:
                store.save(start, stop, result)
            sink.write(start, stop, result)
            if bar is not None:
                bar.update(stop - start)
    except BaseException:
        if isinstance(sink, NetCDFSink):
            sink.abort()
        raise
    finally:
        if bar is not None:
            bar.close()
    if isinstance(sink, MemorySink):
        return sink.dataset()
    try:
        path = sink.close()
    except BaseException:
        sink.abort()
        raise
    return xr.open_dataset(path)


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
