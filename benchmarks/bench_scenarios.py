"""Building scenario games: the vectorised batch builder against a loop of scalar builds.

``get("missile-trade").build_batch(**arrays)`` builds a ``GameBatch`` of ``n`` 3x8 games
from parameter arrays with array operations.  The reference is what a user would otherwise
write: a Python loop of ``load("missile-trade", **point)`` calls (each validates its
parameters and builds one exact game).  The loop is timed call by call on a subsample and
its median multiplied by ``n``; the batch is timed whole, median of several runs after a
warm-up.  The figure is the ratio of the two (higher is better), measured in one run
because absolute times on shared machines are noise.

Run from the repository root::

    python benchmarks/bench_scenarios.py             # 10^6 points (a few seconds)
    python benchmarks/bench_scenarios.py --quick     # 10^4 points, a smoke test
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Sequence

import numpy as np

from crisisgames.scenarios import get, load

try:  # run as a script (python benchmarks/NAME.py) or imported as benchmarks.NAME
    from timing import median_time
except ImportError:
    from benchmarks.timing import median_time
__all__ = ["bench_missile_trade", "main"]


def bench_missile_trade(
    n_points: int = 10**6, n_ref: int = 1000, repeats: int = 5, seed: int = 0
) -> dict[str, float]:
    """Times (seconds) and ratio for ``n_points`` random parameter points.

    Three parameters vary (leak, alliance cost, war risk), the rest take their defaults;
    the batch broadcasts and validates all of them.
    """
    rng = np.random.default_rng(seed)
    arrays = {
        "leak": rng.random(n_points),
        "alliance_cost": rng.uniform(0, 0.6, n_points),
        "war_risk": rng.uniform(0.1, 0.6, n_points),
    }
    scenario = get("missile-trade")
    batch_time = median_time(lambda: scenario.build_batch(**arrays), repeats)

    n_ref = min(n_ref, n_points)
    points = [{k: float(v[g]) for k, v in arrays.items()} for g in range(n_ref)]
    load("missile-trade", **points[0])  # warm-up
    per_call = []
    for point in points:
        t0 = time.perf_counter()
        load("missile-trade", **point)
        per_call.append(time.perf_counter() - t0)
    loop_median = statistics.median(per_call)
    loop_time = loop_median * n_points
    return {
        "n_points": float(n_points),
        "n_ref": float(n_ref),
        "batch": batch_time,
        "loop_per_point": loop_median,
        "loop_mean_per_point": statistics.fmean(per_call),
        "loop": loop_time,
        "ratio": loop_time / batch_time,
    }


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="10^4 points (a smoke test)")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)
    n = 10**4 if args.quick else 10**6
    r = bench_missile_trade(n_points=n, n_ref=200 if args.quick else 1000, seed=args.seed)
    print(f"missile-trade: {n:.0e} parameter points, 3x8 games")
    print(f"  build_batch(**arrays), median of 5:      {r['batch']:.3f} s")
    print(
        f"  loop of load(**point): median {r['loop_per_point'] * 1e3:.3f} ms/point "
        f"(mean {r['loop_mean_per_point'] * 1e3:.3f}) over {int(r['n_ref'])} points, "
        f"x {n:.0e} = {r['loop']:.1f} s"
    )
    print(f"  ratio (loop / batch, medians):           {r['ratio']:,.0f}x")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
