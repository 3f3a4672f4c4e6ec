"""A sweep end to end, against nashpy and against the bare batched kernel.

A 10^6-point grid of the 2x2 ``chicken-goals`` scenario (dishonour x escalation) is swept
to the labeled Dataset (build, solve, payoffs, probability of war, regimes, coordinates)
with :func:`crisisgames.sweep.sweep`.  Two references, measured in the same run:

- a loop of nashpy's support enumeration over the same points
  (``nashpy.Game(A, B).support_enumeration()``, the games built beforehand and not
  timed), timed point by point on a subsample, its median scaled to ``n``;
- the bare batched kernel: ``scenario.build_batch(**arrays).solve()`` on the same arrays.

Targets (issue 8): >= 5,000x nashpy, and within 5x of the bare kernel.  Peak memory
(tracemalloc) of the sweep is printed for information.

Run from the repository root::

    python benchmarks/bench_sweep.py            # 10^6 points
    python benchmarks/bench_sweep.py --quick    # 10^4 points, a smoke test
"""

from __future__ import annotations

import argparse
import gc
import statistics
import time
import tracemalloc
import warnings
from collections.abc import Callable, Sequence

import nashpy
import numpy as np

from crisisgames.scenarios import get
from crisisgames.sweep import Grid, sweep

__all__ = ["bench_sweep", "main"]


def _median_time(fn: Callable[[], object], repeats: int) -> float:
    fn()  # warm-up
    times = []
    for _ in range(repeats):
        gc.collect()
        t0 = time.perf_counter()
        out = fn()
        times.append(time.perf_counter() - t0)
        del out
    return statistics.median(times)


def bench_sweep(side: int = 1000, n_ref: int = 300, repeats: int = 3) -> dict[str, float]:
    """Times (seconds) and ratios for a ``side x side`` grid."""
    scenario = get("chicken-goals")
    grid = Grid(scenario, {"dishonour": (0, 1, side), "escalation": (0, 1, side)})
    n = grid.size
    pts = grid.points()
    t_sweep = _median_time(lambda: sweep(grid), repeats)
    t_kernel = _median_time(lambda: scenario.build_batch(**pts).solve(), repeats)

    rng = np.random.default_rng(0)
    sample = rng.choice(n, size=min(n_ref, n), replace=False)
    per_point = []
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # nashpy warns on degenerate games
        for g in sample:
            params = {k: float(v[g]) for k, v in pts.items()}
            A, B = (np.asarray(m, dtype=float) for m in scenario.build(**params).payoffs)
            t0 = time.perf_counter()  # nashpy alone: building the game is not counted
            list(nashpy.Game(A, B).support_enumeration())
            per_point.append(time.perf_counter() - t0)
    t_nashpy = statistics.median(per_point) * n

    gc.collect()
    tracemalloc.start()
    sweep(grid)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return {
        "points": n,
        "sweep_s": t_sweep,
        "kernel_s": t_kernel,
        "nashpy_s": t_nashpy,
        "vs_nashpy": t_nashpy / t_sweep,
        "vs_kernel": t_sweep / t_kernel,
        "peak_MiB": peak / 2**20,
    }


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="10^4 points, a smoke test")
    args = parser.parse_args(argv)
    r = bench_sweep(side=100 if args.quick else 1000, n_ref=50 if args.quick else 300)
    print(f"chicken-goals sweep of {r['points']:,} points to the Dataset")
    print(f"  sweep            {r['sweep_s']:8.3f} s  (peak traced memory {r['peak_MiB']:.0f} MiB)")
    print(
        f"  bare kernel      {r['kernel_s']:8.3f} s  sweep / kernel = {r['vs_kernel']:.2f}x  (target <= 5x)"
    )
    print(
        f"  nashpy (scaled)  {r['nashpy_s']:8.1f} s  speed-up = {r['vs_nashpy']:,.0f}x  (target >= 5,000x)"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
