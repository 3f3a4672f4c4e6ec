"""Solving the ``settlement`` scenario's bargaining problems: one batch against a Python loop.

For ``n`` random parameter points (leak probability, alliance cost, daily hazard; the rest at
their defaults) the batch builds the twelve-package problem of every point with
``channel_problem("either", **arrays)`` (validation, package utilities, disagreement point)
and solves it with array operations: the Nash solution, and the alternating-offers
equilibrium with a risk of war each round.  The reference is what a user would otherwise
write: a Python loop that builds and solves one problem per point.  The loop is timed point
by point on a subsample and its median multiplied by ``n``; the batch is timed whole, median
of several runs after a warm-up.  The figure is the ratio of the two (higher is better),
measured in one run because absolute times on shared machines are noise.

Run from the repository root::

    python benchmarks/bench_bargaining.py            # 10^6 problems (about a minute)
    python benchmarks/bench_bargaining.py --quick    # 10^4 problems, a smoke test
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable, Sequence
from typing import Any

import numpy as np

from crisisgames.scenarios.settlement import channel_problem
from crisisgames.solvers.bargaining import BargainingSolution, nash_solution, rubinstein_breakdown

try:  # run as a script (python benchmarks/NAME.py) or imported as benchmarks.NAME
    from timing import median_time
except ImportError:
    from benchmarks.timing import median_time
__all__ = ["bench_settlement", "main"]

METHODS: dict[str, Callable[..., BargainingSolution]] = {
    "nash": lambda p, hz: nash_solution(p),
    # one round through the back channel: war with probability hazard, else the next round
    "rubinstein-breakdown": lambda p, hz: rubinstein_breakdown(
        p, hz, breakdown_payoff=[-1.0, -1.0]
    ),
}


def bench_settlement(
    method: str = "nash", n_points: int = 10**6, n_ref: int = 500, repeats: int = 3, seed: int = 0
) -> dict[str, Any]:
    """Times (seconds), the ratio, and a cross-check for ``n_points`` random points."""
    rng = np.random.default_rng(seed)
    arrays: dict[str, Any] = {
        "leak": rng.random(n_points),
        "alliance_cost": rng.uniform(0, 1, n_points),
        "hazard": rng.uniform(0.02, 0.25, n_points),
    }
    solve = METHODS[method]

    def batch() -> BargainingSolution:
        return solve(channel_problem("either", **arrays), arrays["hazard"])

    batch_time = median_time(batch, repeats)

    n_ref = min(n_ref, n_points)
    points: list[dict[str, Any]] = [
        {k: float(v[g]) for k, v in arrays.items()} for g in range(n_ref)
    ]
    solve(channel_problem("either", **points[0]), points[0]["hazard"])  # warm-up
    per_point, singles = [], []
    for point in points:
        t0 = time.perf_counter()
        sol = solve(channel_problem("either", **point), point["hazard"])
        per_point.append(time.perf_counter() - t0)
        singles.append(sol)
    loop_median = statistics.median(per_point)

    # the batch agrees with the loop on the subsample
    whole = batch()
    agree = all(
        whole.status[g] == s.status and np.allclose(whole.point[g], s.point, atol=1e-12)
        for g, s in enumerate(singles)
    )
    settled = float(np.mean(whole.agreement))
    return {
        "method": method,
        "n_points": n_points,
        "n_ref": n_ref,
        "batch": batch_time,
        "loop_per_point": loop_median,
        "loop_mean_per_point": statistics.fmean(per_point),
        "loop": loop_median * n_points,
        "ratio": loop_median * n_points / batch_time,
        "agree": agree,
        "settled": settled,
    }


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="10^4 problems (a smoke test)")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)
    n = 10**4 if args.quick else 10**6
    print(f"settlement: {n:.0e} bargaining problems of 12 packages (leak, alliance cost, hazard)")
    for method in METHODS:
        r = bench_settlement(method, n_points=n, n_ref=100 if args.quick else 500, seed=args.seed)
        print(f"\n{method}")
        print(f"  batch: channel_problem(**arrays) + solve, median of 3:  {r['batch']:.3f} s")
        print(
            f"  loop of single problems: median {r['loop_per_point'] * 1e3:.3f} ms/problem "
            f"(mean {r['loop_mean_per_point'] * 1e3:.3f}) over {r['n_ref']} problems, "
            f"x {n:.0e} = {r['loop']:.1f} s"
        )
        print(f"  ratio (loop / batch, medians):                       {r['ratio']:,.0f}x")
        print(
            f"  batch agrees with the loop on the subsample: {r['agree']}; "
            f"share of problems with an agreement: {r['settled']:.3f}"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
