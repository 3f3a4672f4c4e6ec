"""Checkpointed sweeps: resume after an interruption (SIGKILL included) to the same Dataset,
without recomputing finished chunks, losing or duplicating a point; clear errors for a
checkpoint of another sweep or a damaged one, and no finished work deleted."""

from __future__ import annotations

import concurrent.futures as cf
import json
import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import numpy as np
import pytest

from crisisgames.sweep import Grid, engine
from crisisgames.sweep.checkpoint import LOG, CheckpointError
from crisisgames.sweep.engine import sweep

_SOLVE_CHUNK = engine.solve_chunk
GRID = {"dishonour": (0, 1, 40), "escalation": (0, 1, 50)}  # 2000 points


def _records(directory: Path) -> list[dict]:
    lines = (directory / LOG).read_text().splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def _covers_exactly(records: list[dict], size: int) -> bool:
    ranges = sorted((r["start"], r["stop"]) for r in records)
    cursor = 0
    for start, stop in ranges:
        if start != cursor:
            return False
        cursor = stop
    return cursor == size


class _Interrupt(Exception):
    pass


def _counting(monkeypatch, fail_after: int | None = None) -> list[tuple[int, ...]]:
    """Wrap the engine's chunk solver: record each chunk's size, fail after some chunks."""
    calls: list[tuple[int, ...]] = []
    original = _SOLVE_CHUNK

    def wrapped(scenario, params, method, tol):
        if fail_after is not None and len(calls) >= fail_after:
            raise _Interrupt
        calls.append(tuple(np.shape(v)[0] for v in params.values() if np.ndim(v)))
        return original(scenario, params, method, tol)

    monkeypatch.setattr(engine, "solve_chunk", wrapped)
    return calls


def test_interrupted_sweep_resumes_without_recomputing(tmp_path, monkeypatch):
    grid = Grid("chicken-goals", GRID)
    reference = sweep(grid)
    _counting(monkeypatch, fail_after=5)
    with pytest.raises(_Interrupt):
        sweep(grid, chunk_size=150, checkpoint=tmp_path)
    assert len(_records(tmp_path)) == 5
    calls = _counting(monkeypatch)
    # Resume with another chunk size: exactly the points not yet done are computed.
    resumed = sweep(grid, chunk_size=400, checkpoint=tmp_path, resume=True)
    assert resumed.identical(reference)
    assert sum(c[0] for c in calls) == grid.size - 5 * 150
    assert _covers_exactly(_records(tmp_path), grid.size)
    # A finished checkpoint resumes to the same Dataset without computing anything.
    calls.clear()
    assert sweep(grid, checkpoint=tmp_path, resume=True).identical(reference)
    assert calls == []


def test_checkpoint_of_another_sweep_is_refused_and_kept(tmp_path):
    sweep(Grid("chicken-goals", GRID), chunk_size=500, checkpoint=tmp_path)
    before = sorted(p.name for p in tmp_path.iterdir())
    with pytest.raises(CheckpointError, match="belongs to another sweep"):
        sweep(Grid("chicken-goals", {"dishonour": (0, 1, 41)}), checkpoint=tmp_path, resume=True)
    with pytest.raises(CheckpointError, match="another sweep"):
        sweep(Grid("chicken-goals", GRID), checkpoint=tmp_path, resume=True, tol=1e-6)
    with pytest.raises(CheckpointError, match="resume"):
        sweep(Grid("chicken-goals", GRID), checkpoint=tmp_path)
    assert sorted(p.name for p in tmp_path.iterdir()) == before


def test_corrupt_or_missing_chunk_is_a_clear_error(tmp_path):
    grid = Grid("chicken-goals", GRID)
    sweep(grid, chunk_size=500, checkpoint=tmp_path)
    chunk = tmp_path / _records(tmp_path)[1]["file"]
    data = bytearray(chunk.read_bytes())
    data[len(data) // 2] ^= 0xFF
    chunk.write_bytes(bytes(data))
    with pytest.raises(CheckpointError, match="corrupt") as info:
        sweep(grid, checkpoint=tmp_path, resume=True)
    assert chunk.name in str(info.value)
    assert chunk.exists() and len(_records(tmp_path)) == 4
    chunk.unlink()
    with pytest.raises(CheckpointError, match="missing"):
        sweep(grid, checkpoint=tmp_path, resume=True)


def test_a_torn_last_log_line_is_recomputed(tmp_path, monkeypatch):
    grid = Grid("chicken-goals", GRID)
    reference = sweep(grid)
    _counting(monkeypatch, fail_after=3)
    with pytest.raises(_Interrupt):
        sweep(grid, chunk_size=500, checkpoint=tmp_path)
    log = tmp_path / LOG
    log.write_bytes(log.read_bytes()[:-20])  # a kill while appending the third record
    calls = _counting(monkeypatch)
    assert sweep(grid, chunk_size=500, checkpoint=tmp_path, resume=True).identical(reference)
    assert len(calls) == 2
    assert _covers_exactly(_records(tmp_path), grid.size)


def test_chunk_files_without_a_manifest_are_refused(tmp_path):
    (tmp_path / "chunk-000000000000-000000000010.npz").write_bytes(b"x")
    with pytest.raises(CheckpointError, match="no manifest"):
        sweep(Grid("chicken-goals", GRID), checkpoint=tmp_path)


_CHILD = textwrap.dedent(
    """
    import sys, time
    from crisisgames.sweep import Grid, engine
    original = engine.solve_chunk
    def slow(*args):
        time.sleep(0.05)  # so the parent can kill it mid-sweep
        return original(*args)
    engine.solve_chunk = slow
    out = sys.argv[2] if len(sys.argv) > 2 else None  # streamed to a file, or in memory
    engine.sweep(Grid("chicken-goals", {grid!r}), chunk_size=50, checkpoint=sys.argv[1], out=out)
    """
)


@pytest.mark.parametrize("stream", [False, True], ids=["in memory", "streamed to a file"])
def test_sweep_killed_with_sigkill_resumes_to_the_same_dataset(tmp_path, monkeypatch, stream):
    if stream:
        pytest.importorskip("netCDF4")
    grid = Grid("chicken-goals", GRID)
    out = tmp_path.parent / f"{tmp_path.name}.nc"
    child = subprocess.Popen(
        [sys.executable, "-c", _CHILD.format(grid=GRID), str(tmp_path), *([str(out)] * stream)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            log = tmp_path / LOG
            if log.exists() and log.read_bytes().count(b"\n") >= 5:
                break
            if child.poll() is not None:
                pytest.fail(f"the sweep ended before it was killed: {child.stderr.read()!r}")
            time.sleep(0.01)
        os.kill(child.pid, signal.SIGKILL)
    finally:
        child.wait()
    assert child.returncode == -signal.SIGKILL
    before = {r["file"]: os.stat(tmp_path / r["file"]).st_mtime_ns for r in _records(tmp_path)}
    assert 5 <= len(before) < grid.size // 50
    reference = sweep(grid)
    calls = _counting(monkeypatch)
    if stream:
        # The killed sweep left no file at out, and spooled nothing outside its checkpoint.
        assert not out.exists()
        assert list(tmp_path.parent.glob(f".{out.name}.*")) == []
        with sweep(grid, chunk_size=50, checkpoint=tmp_path, resume=True, out=out) as ds:
            resumed = ds.load().drop_encoding()
    else:
        resumed = sweep(grid, chunk_size=50, checkpoint=tmp_path, resume=True)
    assert resumed.identical(reference)
    finished = _records(tmp_path)
    assert _covers_exactly(finished, grid.size)  # no point lost, none twice
    assert len(calls) == len(finished) - len(before)  # finished chunks not recomputed
    for name, mtime in before.items():
        assert os.stat(tmp_path / name).st_mtime_ns == mtime


def test_a_checkpoint_of_chunks_in_an_older_layout_is_refused(tmp_path):
    # Chunks written before regime classes were computed per chunk: their specification
    # has no chunk format, so the checkpoint belongs to another sweep.
    from crisisgames.sweep.checkpoint import Checkpoint
    from crisisgames.sweep.dataset import spec_hash
    from crisisgames.sweep.engine import sweep_spec

    grid = Grid("chicken-goals", {"dishonour": (0, 1, 5)})
    old = {k: v for k, v in sweep_spec(grid).items() if k != "chunk_format"}
    Checkpoint(tmp_path, old, spec_hash(old), grid.size).save(0, 2, {"count": np.ones(2)})
    with pytest.raises(CheckpointError, match="belongs to another sweep"):
        sweep(grid, checkpoint=tmp_path, resume=True)
    assert len(_records(tmp_path)) == 1  # and nothing deleted


class _AtOnce(cf.Executor):
    """Runs each task when it is submitted: every future in flight is done together."""

    def submit(self, fn, /, *args, **kwargs):
        fut: cf.Future = cf.Future()
        try:
            fut.set_result(fn(*args, **kwargs))
        except Exception as exc:  # handed to the future, as executors do
            fut.set_exception(exc)
        return fut


def test_chunks_finished_alongside_a_failing_one_are_saved(tmp_path, monkeypatch):
    grid = Grid("chicken-goals", GRID)
    original = _SOLVE_CHUNK

    def third_fails(scenario, params, method, tol):
        if next(iter(params.values()))[0] == grid.points(100, 101)["dishonour"][0]:
            raise _Interrupt
        return original(scenario, params, method, tol)

    monkeypatch.setattr(engine, "solve_chunk", third_fails)
    with pytest.raises(_Interrupt):
        sweep(grid, chunk_size=50, executor=_AtOnce(), max_pending=4, checkpoint=tmp_path)
    # Chunks 0, 1 and 3 finished with chunk 2 (points 100-149): all three are kept.
    assert sorted((r["start"], r["stop"]) for r in _records(tmp_path)) == [
        (0, 50),
        (50, 100),
        (150, 200),
    ]
