"""Stream a sweep's chunks to a netCDF file, so a sweep never holds its results in memory.

:class:`NetCDFSink` is the engine's sink for ``sweep(..., out=PATH)``.  Every finished
chunk is spooled to disk as it arrives (one ``.npz`` file per chunk: the sweep's checkpoint
when it has one, else a hidden directory next to ``PATH``), so memory holds only the chunks
in flight; when the sweep is complete the chunks
are copied, one at a time and in order, into a netCDF file that is then moved to ``PATH``.
The file, read with :func:`~crisisgames.sweep.load_dataset` (or lazily with
:func:`xarray.open_dataset`), is the Dataset an in-memory sweep returns.

Why spool rather than write the netCDF file as chunks arrive: HDF5 locks the files it
opens, and worker processes forked while the file is open (a
:class:`~concurrent.futures.ProcessPoolExecutor` starts its workers on demand) would
inherit that lock and keep the file from being reopened until they exit.  The spool is
plain files; the netCDF file is opened only after the last chunk.  The spool also fixes
the ``equilibrium`` dimension (the widest chunk's) and the regime codes before writing.

Writing slices of variables needs the netCDF4 library (the ``netcdf`` extra).  The
variables are encoded as xarray encodes them (floats with a NaN ``_FillValue``, booleans
as ``int8`` with ``dtype: bool``, integers padded with -1 without a fill value); the
coordinates, ``regime_label`` and attrs are written by xarray itself.  A chunk is a range
of points in C order; on a grid it is written as a few rectangular blocks (:func:`boxes`).
"""

from __future__ import annotations

import math
import os
import shutil
import tempfile
import uuid
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import numpy as np
import xarray as xr

from crisisgames.sweep.checkpoint import Checkpoint
from crisisgames.sweep.dataset import (
    Sink,
    Variable,
    regime_label_variable,
    variables,
)
from crisisgames.sweep.space import Space

__all__ = ["NetCDFSink", "boxes"]

Box = tuple[tuple[slice, ...], int, int]

# Points per HDF5 chunk of a variable on disk.
_POINTS_PER_DISK_CHUNK = 1 << 14
# HDF5's chunk cache per variable: enough for the disk chunks a sweep chunk touches (they
# are written in order), and small enough that a dozen variables stay
# far below the library's default (up to 64 MiB each, which a 10^7-point sweep fills).
_CACHE_BYTES = 8 << 20


def boxes(shape: tuple[int, ...], start: int, stop: int) -> list[Box]:
    """The flat range ``[start, stop)`` of a C-ordered array of ``shape``, as rectangular
    blocks: ``(index, lo, hi)`` where ``array[index]`` holds flat elements ``lo`` to
    ``hi - 1``, in order.

    Examples
    --------
    >>> for index, lo, hi in boxes((3, 4), 2, 11):
    ...     print([(s.start, s.stop) for s in index], lo, hi)
    [(0, 1), (2, 4)] 2 4
    [(1, 2), (0, 4)] 4 8
    [(2, 3), (0, 3)] 8 11
    """
    if start >= stop:
        return []
    if len(shape) == 1:
        return [((slice(start, stop),), start, stop)]
    inner = math.prod(shape[1:])
    i0, r0 = divmod(start, inner)
    i1, r1 = divmod(stop, inner)

    def within(i: int, lo: int, hi: int) -> list[Box]:
        return [
            ((slice(i, i + 1), *index), i * inner + a, i * inner + b)
            for index, a, b in boxes(shape[1:], lo, hi)
        ]

    if i0 == i1:
        return within(i0, r0, r1)
    out: list[Box] = []
    if r0:
        out += within(i0, r0, inner)
        i0 += 1
    if i1 > i0:
        out.append(((slice(i0, i1), *(slice(0, n) for n in shape[1:])), i0 * inner, i1 * inner))
    if r1:
        out += within(i1, 0, r1)
    return out


def _disk_chunks(shape: tuple[int, ...], rest: tuple[int, ...]) -> tuple[int, ...]:
    """HDF5 chunk sizes: about :data:`_POINTS_PER_DISK_CHUNK` points, whole trailing
    dimensions first (the order in which chunks of points arrive)."""
    sizes = []
    room = _POINTS_PER_DISK_CHUNK
    for n in reversed(shape):
        take = max(1, min(n, room))
        sizes.append(take)
        room = max(1, room // take)
    return (*reversed(sizes), *rest)


class NetCDFSink(Sink):
    """Spools a sweep's chunks as they arrive and writes its netCDF file at the end.

    Parameters
    ----------
    path
        The file to write (replaced, atomically, when the sweep is complete).
    space, spec
        The sweep's parameter space and specification.

    Attributes
    ----------
    checkpoint
        The sweep's checkpoint, if it has one (set by the engine before the first chunk):
        its chunk files are the spool (the engine saves every chunk there before handing
        it over), so nothing is written twice.  Otherwise the spool is a hidden directory
        ``.NAME.PID-TOKEN.spool`` next to ``path``, removed when the file is written or
        the sweep fails (a process killed outright leaves it behind).

    Raises
    ------
    ImportError
        Without the netCDF4 library (the ``netcdf`` extra).
    IsADirectoryError
        ``path`` is a directory.
    OSError
        ``path``'s directory cannot be created or written to.
    """

    def __init__(self, path: str | Path, space: Space, spec: Mapping[str, Any]) -> None:
        try:
            import netCDF4  # noqa: F401  (checked now, before any work is done)
        except ImportError as exc:
            raise ImportError(
                "streaming a sweep to a file (out=) needs netCDF4: pip install 'crisisgames[netcdf]'"
            ) from exc
        super().__init__(space, spec)
        self.path = Path(path)
        if self.path.is_dir():
            raise IsADirectoryError(f"out={str(path)!r} is a directory; give a file name")
        # Fail now, not after the sweep: the directory is created, and written to once
        # (a file that deletes itself, so a killed sweep leaves nothing behind).
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryFile(dir=self.path.parent):
            pass
        # PID and a random token: two sweeps writing the same file never share these.
        stem = f".{self.path.name}.{os.getpid()}-{uuid.uuid4().hex[:8]}"
        self._tmp = self.path.with_name(stem + ".partial")
        self._spool = self.path.with_name(stem + ".spool")  # made at the first chunk
        self.checkpoint: Checkpoint | None = None
        self._ranges: list[tuple[int, int]] = []
        self._K = 1  # the dimension exists even where no point has an equilibrium
        self._first: dict[str, np.ndarray] | None = None

    def _spooled(self, start: int, stop: int) -> Path:
        return self._spool / f"chunk-{start:012d}-{stop:012d}.npz"

    def _load(self, start: int, stop: int) -> dict[str, np.ndarray]:
        if self.checkpoint is not None:
            return self.checkpoint.load(start, stop)
        with np.load(self._spooled(start, stop), allow_pickle=False) as z:
            return {k: z[k] for k in z.files}

    def write(self, start: int, stop: int, part: Mapping[str, np.ndarray]) -> None:
        """Spool a finished chunk (points ``start`` to ``stop - 1``; with a checkpoint,
        the engine has saved it there already)."""
        arrays = self.with_regime(part)  # every regime must be known before the first is written
        if self.checkpoint is None:
            self._spool.mkdir(exist_ok=True)
            np.savez(self._spooled(start, stop), **dict(part))  # type: ignore[arg-type]
        self._ranges.append((start, stop))
        self._K = max(self._K, part["support"].shape[1])
        if self._first is None:
            self._first = arrays

    def _create(self, nc: Any, vars_: list[Variable], part: Mapping[str, np.ndarray]) -> None:
        for dim, n in zip(self.space.dims, self.space.shape, strict=True):
            nc.createDimension(dim, n)
        nc.createDimension("equilibrium", self._K)
        for v in vars_:
            source = part[v.key]
            for dim, n in zip(v.dims[1:], source.shape[2:], strict=True):
                if dim not in nc.dimensions:
                    nc.createDimension(dim, n)
            rest = (self._K, *source.shape[2:]) if v.fill is not None else ()
            dtype = np.dtype(np.int8) if source.dtype == bool else source.dtype
            var = nc.createVariable(
                v.name,
                dtype,
                (*self.space.dims, *v.dims),
                chunksizes=_disk_chunks(self.space.shape, rest),
                fill_value=np.nan if dtype.kind == "f" else None,
            )
            var.set_var_chunk_cache(size=_CACHE_BYTES)
            var.setncatts(v.attrs)
            if source.dtype == bool:
                var.setncattr("dtype", "bool")  # how xarray encodes booleans

    def _put(self, var: Any, start: int, stop: int, values: np.ndarray, padded: bool) -> None:
        """Write a chunk's ``values`` (padded to the file's ``equilibrium`` dimension)."""
        for index, lo, hi in boxes(self.space.shape, start, stop):
            block = values[lo - start : hi - start]
            lead = tuple(s.stop - s.start for s in index)
            var[(*index, slice(0, self._K)) if padded else index] = block.reshape(
                *lead, *block.shape[1:]
            )

    def close(self) -> Path:
        """Write the netCDF file from the spooled chunks, move it into place, and remove
        the spool.

        Raises
        ------
        ValueError
            Chunks missing: the spool does not cover every point.
        """
        import netCDF4

        covered = sorted(self._ranges)
        if sum(b - a for a, b in covered) != self.space.size or self._first is None:
            raise ValueError("the sweep's chunks do not cover every point; nothing written")
        remap, labels = self.regimes.final()
        vars_ = variables(self.players, self._first)
        with netCDF4.Dataset(self._tmp, "w", format="NETCDF4") as nc:
            self._create(nc, vars_, self._first)
            for start, stop in covered:
                # The same provisional ids as when the chunk arrived, then the codes.
                part = self.with_regime(self._load(start, stop))
                part["regime"] = remap[part["regime"]]
                for v in vars_:
                    values = part[v.key]
                    if values.dtype == bool:
                        values = values.astype(np.int8)
                    if v.fill is not None and values.shape[1] < self._K:
                        pad = np.full((len(values), self._K, *values.shape[2:]), v.fill)
                        pad[:, : values.shape[1]] = values
                        values = pad.astype(values.dtype)
                    self._put(nc.variables[v.name], start, stop, values, v.fill is not None)
        coords, attrs = self.metadata(self._K, labels, str(self._first["method"]))
        rest = xr.Dataset(
            {"regime_label": regime_label_variable(labels)}, coords=coords, attrs=attrs
        )
        rest.to_netcdf(self._tmp, mode="a", engine="netcdf4")
        os.replace(self._tmp, self.path)
        shutil.rmtree(self._spool, ignore_errors=True)
        return self.path

    def abort(self) -> None:
        """Remove the spool and any partial file (a checkpoint, if any, keeps the work)."""
        shutil.rmtree(self._spool, ignore_errors=True)
        self._tmp.unlink(missing_ok=True)
