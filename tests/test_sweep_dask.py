"""Sweeps on a Dask cluster (the dask extra): the same Dataset as a serial run."""

from __future__ import annotations

import importlib.util

import pytest

from crisisgames.sweep import Grid, sweep

pytest.importorskip("dask.distributed")

from crisisgames.sweep.dask_executor import dask_executor


def test_dask_local_cluster_gives_the_serial_dataset(tmp_path):
    grid = Grid(
        "missile-trade",
        {"leak": (0, 1, 9), "alliance_cost": (0, 0.6, 7), "pledge": [False, True]},
        fixed={"war_risk": 0.3},
    )
    reference = sweep(grid)
    with dask_executor(n_workers=2, processes=True) as ex:
        assert sweep(grid, executor=ex, chunk_size=10).identical(reference)
        # With checkpoints too: the client saves, the workers only compute.
        assert sweep(grid, executor=ex, chunk_size=25, checkpoint=tmp_path).identical(reference)
        if importlib.util.find_spec("netCDF4") is not None:  # streamed to a file as well
            with sweep(grid, executor=ex, chunk_size=10, out=tmp_path / "s.nc") as ds:
                assert ds.load().drop_encoding().identical(reference)
    assert len(list(tmp_path.glob("chunk-*.npz"))) == 6
