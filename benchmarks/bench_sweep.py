"""A sweep end to end, against nashpy and against the bare batched kernel.

A 10^6-point grid of the 2x2 ``chicken-goals`` scenario (dishonour x escalation) is swept
to the labeled Dataset (build, solve, payoffs, probability of war, regimes, coordinates)
with :func:`crisisgames.sweep.sweep`.  Two references, measured in the same run:

- a loop of nashpy's support enumeration over the same points
  (``nashpy.Game(A, B).support_enumeration()``, the games built beforehand and not
  timed), timed point by point on a subsample, its median scaled to ``n``;
- the bare batched kernel: ``scenario.build_batch(**arrays).solve()`` on the same arrays.

Targets (issue 8): >= 5,000x nashpy, and within 5x of the bare kernel.  Printed for
information: the peak memory (tracemalloc) of the sweep and the Dataset's size; the same
sweep on a thread pool (``executor=ThreadPoolExecutor(2)``); and the loop a researcher
would write without the library, timed the same way: each point's game built
(``scenario.build``), solved by nashpy's support enumeration through
``nash_equilibria``'s nashpy backend, and its probability of war computed.

With ``--stream``, instead: a 10^7-point grid of ``chicken-goals`` streamed to a netCDF
file (``sweep(grid, out=PATH)``, the ``netcdf`` extra) in a fresh process, whose peak
resident memory (``ru_maxrss``) is printed, with the same process's resident memory after
its imports (the library, NumPy, xarray, netCDF4) and the size the Dataset would take in
memory, for reference.  Target (issue 8): peak resident memory under 1 GiB.

With ``--dask``, instead: a sweep of the 3x8 ``missile-trade`` scenario (leak x
alliance_cost) that takes at least 20 s serially, serially and on a Dask
``LocalCluster`` of two single-threaded worker processes (:func:`bench_dask`; the ``dask``
extra).  Target (issue 8): Dask >= 1.6x serial.  The cluster is started and warmed up
(every worker has imported the library) before the timings; its start-up time is printed
apart.

Run from the repository root::

    python benchmarks/bench_sweep.py            # 10^6 points
    python benchmarks/bench_sweep.py --quick    # 10^4 points, a smoke test
    python benchmarks/bench_sweep.py --stream   # 10^7 points streamed to a file
    python benchmarks/bench_sweep.py --dask     # Dask on two workers vs serial
"""

from __future__ import annotations

import argparse
import gc
import statistics
import time
import tracemalloc
import warnings
from collections.abc import Sequence

import nashpy
import numpy as np

from crisisgames.scenarios import get
from crisisgames.sweep import Grid, sweep

try:  # run as a script (python benchmarks/NAME.py) or imported as benchmarks.NAME
    from timing import median_time
except ImportError:
    from benchmarks.timing import median_time
__all__ = ["bench_dask", "bench_stream", "bench_sweep", "main"]


def bench_sweep(
    side: int = 1000, n_ref: int = 300, repeats: int = 5, threads: int = 2
) -> dict[str, float]:
    """Times (seconds) and ratios for a ``side x side`` grid."""
    import concurrent.futures as cf

    from crisisgames import nash_equilibria
    from crisisgames.metrics import war_probability

    scenario = get("chicken-goals")
    grid = Grid(scenario, {"dishonour": (0, 1, side), "escalation": (0, 1, side)})
    n = grid.size
    pts = grid.points()
    t_sweep = median_time(lambda: sweep(grid), repeats)
    with cf.ThreadPoolExecutor(threads) as ex:
        t_threads = median_time(lambda: sweep(grid, executor=ex), repeats)
    t_kernel = median_time(lambda: scenario.build_batch(**pts).solve(), repeats)

    rng = np.random.default_rng(0)
    sample = rng.choice(n, size=min(n_ref, n), replace=False)
    per_point, per_point_loop = [], []
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # nashpy warns on degenerate games
        for g in sample:
            params = {k: float(v[g]) for k, v in pts.items()}
            A, B = (np.asarray(m, dtype=float) for m in scenario.build(**params).payoffs)
            t0 = time.perf_counter()  # nashpy alone: building the game is not counted
            list(nashpy.Game(A, B).support_enumeration())
            per_point.append(time.perf_counter() - t0)
            # The loop a researcher would write: the point's game, nashpy, its metrics.
            t0 = time.perf_counter()
            game = scenario.build(**params)
            eqs = nash_equilibria(game, method="nashpy-support")
            war_probability(eqs, scenario.outcome_data(**params))
            per_point_loop.append(time.perf_counter() - t0)
    t_nashpy = statistics.median(per_point) * n
    t_loop = statistics.median(per_point_loop) * n

    gc.collect()
    tracemalloc.start()
    ds = sweep(grid)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return {
        "points": n,
        "sweep_s": t_sweep,
        "threads": threads,
        "threads_s": t_threads,
        "kernel_s": t_kernel,
        "nashpy_s": t_nashpy,
        "loop_s": t_loop,
        "vs_nashpy": t_nashpy / t_sweep,
        "threads_vs_nashpy": t_nashpy / t_threads,
        "vs_loop": t_loop / t_sweep,
        "vs_kernel": t_sweep / t_kernel,
        "peak_MiB": peak / 2**20,
        "dataset_MiB": ds.nbytes / 2**20,
    }


def bench_dask(
    side: int = 660, chunk_size: int = 8192, repeats: int = 3, n_workers: int = 2
) -> dict[str, float]:
    """Median times (seconds) of a ``side x side`` ``missile-trade`` sweep, serially and
    on a local Dask cluster of ``n_workers`` processes, and their ratio.

    Both sweeps use the same chunks; the Datasets are checked equal.  The repeats
    alternate serial and Dask runs, so a slow spell of the machine affects both.
    """
    from crisisgames.sweep.dask_executor import dask_executor

    grid = Grid("missile-trade", {"leak": (0, 1, side), "alliance_cost": (0, 1, side)})
    warm = Grid("missile-trade", {"leak": (0, 1, 20), "alliance_cost": (0, 1, 20)})
    t_serial: list[float] = []
    t_dask: list[float] = []
    t0 = time.perf_counter()
    with dask_executor(n_workers=n_workers) as executor:
        t_start = time.perf_counter() - t0
        # Warm-up: every worker imports the library and solves a chunk.
        sweep(warm, executor=executor, chunk_size=50, progress=False)
        sweep(warm, chunk_size=50, progress=False)
        same = True
        for _ in range(repeats):
            gc.collect()
            t0 = time.perf_counter()
            ds_serial = sweep(grid, chunk_size=chunk_size, progress=False)
            t_serial.append(time.perf_counter() - t0)
            gc.collect()
            t0 = time.perf_counter()
            ds_dask = sweep(grid, executor=executor, chunk_size=chunk_size, progress=False)
            t_dask.append(time.perf_counter() - t0)
            same = same and ds_dask.equals(ds_serial)
            del ds_serial, ds_dask
    serial, dask = statistics.median(t_serial), statistics.median(t_dask)
    return {
        "points": grid.size,
        "chunks": -(-grid.size // chunk_size),
        "workers": n_workers,
        "repeats": repeats,
        "cluster_start_s": t_start,
        "serial_s": serial,
        "dask_s": dask,
        "serial_all": t_serial,
        "dask_all": t_dask,
        "speedup": serial / dask,
        "equal": same,
    }


# Run in a fresh process, so that its peak resident memory is the streamed sweep's.
_STREAM_CHILD = """
import json, resource, sys, time
from crisisgames.sweep import Grid, sweep
import netCDF4, xarray  # noqa: F401 (imported before the baseline is read)

side, path = int(sys.argv[1]), sys.argv[2]
grid = Grid("chicken-goals", {"dishonour": (0, 1, side), "escalation": (0, 1, side)})
baseline = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
t0 = time.perf_counter()
with sweep(grid, out=path, progress=False) as ds:
    seconds = time.perf_counter() - t0
    nbytes = ds.nbytes
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({"points": grid.size, "seconds": seconds, "baseline_KiB": baseline,
                  "peak_KiB": peak, "dataset_bytes": nbytes}))
"""


def bench_stream(side: int = 3163) -> dict[str, float]:
    """A ``side x side`` ``chicken-goals`` sweep streamed to a temporary netCDF file, in a
    fresh process: its time, peak resident memory and the file's size."""
    import json
    import subprocess
    import sys
    import tempfile
    from pathlib import Path

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "stream.nc"
        done = subprocess.run(
            [sys.executable, "-c", _STREAM_CHILD, str(side), str(path)],
            check=True,
            capture_output=True,
            text=True,
        )
        r = json.loads(done.stdout.strip().splitlines()[-1])
        r["file_bytes"] = path.stat().st_size
    return r


def _main_stream(side: int) -> int:
    r = bench_stream(side)
    mib = 1024.0
    print(f"chicken-goals sweep of {r['points']:,} points streamed to netCDF")
    print(f"  time                           {r['seconds']:8.1f} s")
    print(f"  file                           {r['file_bytes'] / 2**20:8.0f} MiB")
    print(f"  the Dataset in memory would be {r['dataset_bytes'] / 2**20:8.0f} MiB")
    print(f"  resident memory after imports  {r['baseline_KiB'] / mib:8.0f} MiB")
    print(f"  peak resident memory           {r['peak_KiB'] / mib:8.0f} MiB  (target < 1024 MiB)")
    return 0


def _main_dask(side: int, repeats: int) -> int:
    import os

    r = bench_dask(side=side, repeats=repeats)
    print(
        f"missile-trade sweep of {r['points']:,} points ({r['chunks']} chunks) to the Dataset, "
        f"{os.cpu_count()} CPUs"
    )
    print(f"  Dask LocalCluster start      {r['cluster_start_s']:8.2f} s  (not counted)")
    print(
        f"  serial              median {r['serial_s']:8.2f} s  "
        f"(runs: {', '.join(f'{t:.2f}' for t in r['serial_all'])})"
    )
    print(
        f"  Dask, {r['workers']} workers      median {r['dask_s']:8.2f} s  "
        f"(runs: {', '.join(f'{t:.2f}' for t in r['dask_all'])})"
    )
    print(
        f"  serial / Dask = {r['speedup']:.2f}x  (target >= 1.6x, serial >= 20 s)  "
        f"Datasets equal: {r['equal']}"
    )
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="10^4 points, a smoke test")
    parser.add_argument(
        "--dask", action="store_true", help="Dask on two workers vs serial (the dask extra)"
    )
    parser.add_argument("--dask-side", type=int, default=660, help="grid side for --dask")
    parser.add_argument(
        "--stream", action="store_true", help="10^7 points streamed to netCDF (peak memory)"
    )
    parser.add_argument("--stream-side", type=int, default=3163, help="grid side for --stream")
    parser.add_argument("--repeats", type=int, default=3, help="repeats for --dask")
    args = parser.parse_args(argv)
    if args.dask:
        return _main_dask(args.dask_side, args.repeats)
    if args.stream:
        return _main_stream(100 if args.quick else args.stream_side)
    r = bench_sweep(side=100 if args.quick else 1000, n_ref=50 if args.quick else 300)
    print(
        f"chicken-goals sweep of {r['points']:,} points to the Dataset "
        f"({r['dataset_MiB']:.0f} MiB), medians"
    )
    print(f"  sweep            {r['sweep_s']:8.3f} s  (peak traced memory {r['peak_MiB']:.0f} MiB)")
    print(
        f"  bare kernel      {r['kernel_s']:8.3f} s  sweep / kernel = {r['vs_kernel']:.2f}x  (target <= 5x)"
    )
    print(
        f"  nashpy (scaled)  {r['nashpy_s']:8.1f} s  nashpy / sweep = {r['vs_nashpy']:,.0f}x  (target >= 5,000x)"
    )
    print(
        f"  sweep on {r['threads']} threads {r['threads_s']:7.3f} s  nashpy / sweep = "
        f"{r['threads_vs_nashpy']:,.0f}x  (for information: nashpy runs on one core)"
    )
    print(
        f"  researcher's loop (scaled) {r['loop_s']:8.1f} s  loop / sweep = {r['vs_loop']:,.0f}x  "
        "(for information: each point's game built, nashpy, its probability of war)"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
