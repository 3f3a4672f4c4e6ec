"""Timing shared by the benchmarks: medians of repeated calls, after untimed warm-ups."""

from __future__ import annotations

import gc
import statistics
import time
from collections.abc import Callable

__all__ = ["median_time", "median_times"]


def median_times(fn: Callable[[], object], repeats: int, warmup: int = 1) -> tuple[float, float]:
    """Median wall and CPU (process) times of ``fn()`` over ``repeats`` calls, after
    ``warmup`` untimed calls (imports, caches)."""
    for _ in range(warmup):
        fn()
    wall, cpu = [], []
    for _ in range(repeats):
        gc.collect()
        c0 = time.process_time()
        t0 = time.perf_counter()
        out = fn()
        wall.append(time.perf_counter() - t0)
        cpu.append(time.process_time() - c0)
        del out
    return statistics.median(wall), statistics.median(cpu)


def median_time(fn: Callable[[], object], repeats: int, warmup: int = 1) -> float:
    """Median wall time of ``fn()`` over ``repeats`` calls (after ``warmup`` untimed)."""
    return median_times(fn, repeats, warmup)[0]
