"""Sweeps streamed to a netCDF file (``sweep(..., out=PATH)``): the file is the Dataset an
in-memory sweep gives, whatever the chunking and the executor; an interrupted sweep leaves
no partial file and resumes from its checkpoint; the blocks that place a range of points
on a grid cover it exactly."""

from __future__ import annotations

import concurrent.futures as cf
import math
import os
import sys

import numpy as np
import pytest
import xarray as xr
from hypothesis import given
from hypothesis import strategies as st

from crisisgames.sweep import Design, Grid, engine, load_dataset, save_dataset, sweep
from crisisgames.sweep.stream import boxes

pytest.importorskip("netCDF4")

SPACES = {
    "2-D grid": lambda: Grid("chicken-goals", {"dishonour": (0, 1, 7), "escalation": (0, 1, 5)}),
    "3-D grid with a bool axis": lambda: Grid(
        "missile-trade",
        {"leak": (0, 1, 5), "alliance_cost": (0, 0.6, 4), "pledge": [False, True]},
        fixed={"war_risk": 0.3},
    ),
    "design": lambda: Design("chicken-goals", ["dishonour", "escalation"], 40, rng=1),
}


@given(
    st.lists(st.integers(1, 5), min_size=1, max_size=4),
    st.integers(0, 10**6),
    st.integers(0, 10**6),
)
def test_boxes_cover_a_flat_range_exactly_and_in_order(shape, a, b):
    shape = tuple(shape)
    size = math.prod(shape)
    start, stop = sorted((a % (size + 1), b % (size + 1)))
    flat = np.arange(size).reshape(shape)
    got = []
    cursor = start
    for index, lo, hi in boxes(shape, start, stop):
        assert lo == cursor and hi > lo
        block = flat[index]
        assert block.ndim == len(shape)  # a rectangular block, not a fancy selection
        assert block.ravel().tolist() == list(range(lo, hi))
        got.extend(block.ravel().tolist())
        cursor = hi
    assert got == list(range(start, stop))


@pytest.mark.parametrize("name", list(SPACES))
@pytest.mark.parametrize("chunk_size", [1, 7, 10_000])
def test_the_streamed_file_is_the_in_memory_dataset(tmp_path, name, chunk_size):
    space = SPACES[name]()
    reference = load_dataset(save_dataset(sweep(space), tmp_path / "memory.nc", engine="netcdf4"))
    out = tmp_path / "streamed.nc"
    with sweep(space, out=out, chunk_size=chunk_size) as ds:
        xr.testing.assert_identical(ds.load(), reference)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["memory.nc", "streamed.nc"]


def test_streaming_on_forked_worker_processes(tmp_path):
    # Workers forked while an HDF5 file is open would inherit its lock: the file must
    # still open afterwards, with the pool alive.
    space = SPACES["3-D grid with a bool axis"]()
    reference = sweep(space)
    with cf.ProcessPoolExecutor(2) as ex:
        with sweep(space, out=tmp_path / "a.nc", chunk_size=6, executor=ex) as ds:
            xr.testing.assert_identical(ds.load().drop_encoding(), reference)
        assert load_dataset(tmp_path / "a.nc").identical(ds.load())


class _Interrupt(Exception):
    pass


def test_an_interrupted_stream_leaves_no_partial_file_and_resumes(tmp_path, monkeypatch):
    space = SPACES["2-D grid"]()
    out = tmp_path / "out.nc"
    out.write_bytes(b"an earlier result")
    original, calls = engine.solve_chunk, []

    def failing(*args):
        if len(calls) == 3:
            raise _Interrupt
        calls.append(1)
        return original(*args)

    monkeypatch.setattr(engine, "solve_chunk", failing)
    with pytest.raises(_Interrupt):
        sweep(space, out=out, chunk_size=4, checkpoint=tmp_path / "chunks")
    assert out.read_bytes() == b"an earlier result"  # untouched until a sweep completes
    assert sorted(p.name for p in tmp_path.iterdir()) == ["chunks", "out.nc"]
    monkeypatch.setattr(engine, "solve_chunk", original)
    with sweep(space, out=out, chunk_size=5, checkpoint=tmp_path / "chunks", resume=True) as ds:
        xr.testing.assert_identical(ds.load().drop_encoding(), sweep(space))


def test_without_netcdf4_the_error_says_what_to_install(tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "netCDF4", None)
    with pytest.raises(ImportError, match=r"crisisgames\[netcdf\]"):
        sweep(SPACES["2-D grid"](), out=tmp_path / "x.nc")
    assert os.listdir(tmp_path) == []


def test_a_bad_out_is_refused_before_any_work(tmp_path, monkeypatch):
    calls = []
    monkeypatch.setattr(engine, "solve_chunk", lambda *a: calls.append(a))
    with pytest.raises(IsADirectoryError, match="is a directory"):
        sweep(SPACES["2-D grid"](), out=tmp_path)
    assert calls == []


def test_out_in_a_new_directory(tmp_path):
    out = tmp_path / "new" / "dir" / "s.nc"
    with sweep(SPACES["2-D grid"](), out=out) as ds:
        assert int(ds.n_equilibria.sum()) > 0
    assert sorted(p.name for p in out.parent.iterdir()) == ["s.nc"]
