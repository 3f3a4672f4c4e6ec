"""Speed of the graph-model stability analysis, as ratios measured in one run.

Run from the repository root::

    python benchmarks/bench_conflict.py            # the figures to quote (~1-2 minutes)
    python benchmarks/bench_conflict.py --quick    # a smoke test (a few seconds)

Figures (medians; every ratio is ``reference time / our time``, higher is better):

1. **Sparse matrix form vs the per-state loop**, on a generated model of 3 decision makers
   with 5, 5 and 4 options, one mutually exclusive pair and one irreversible option:
   12,288 feasible states, all four concepts (Nash, GMR, SMR, SEQ) for all three DMs.
   Ours: ``stability(model)`` (``method="sparse"``), median of 7 runs after a warm-up.
   The reference is ``method="loop"``: the definitions applied state by state, with a
   breadth-first search for the coalition's reachable set at every unilateral
   improvement.  Its cost is a sum over states of independent per-state work, so it is
   timed on a random sample of states of the *same* model (all concepts for all DMs at
   each sampled state; one timing per state, since each takes seconds, far above timer
   and scheduling noise) and scaled linearly: estimated total = number of states x mean
   per-state time.  (The median per-state time x n is printed too.)
2. **Build**: constructing and validating the model (feasible states, preference levels,
   the sparse move matrices), for information: it is paid once per model.
3. **Dense matrix form** (the literal Xu et al. 2009 products with ``n x n`` arrays) vs the
   sparse form, on a smaller generated model (384 states), for information: the dense
   form is ``O(n^3)`` and is kept for checking only.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from functools import partial

import numpy as np

from crisisgames.games.conflict_models import random_conflict
from crisisgames.solvers.stability import CONCEPTS, _stable_loop, stability

try:  # run as a script (python benchmarks/NAME.py) or imported as benchmarks.NAME
    from timing import median_time
except ImportError:
    from benchmarks.timing import median_time


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="small sizes (smoke test)")
    parser.add_argument("--seed", type=int, default=0, help="seed of the generated models")
    parser.add_argument("--sample", type=int, default=12, help="states timed with the loop")
    args = parser.parse_args(argv)

    sizes = (4, 4, 3) if args.quick else (5, 5, 4)
    sample = 6 if args.quick else args.sample
    runs = 3 if args.quick else 7

    t0 = time.perf_counter()
    model = random_conflict(sizes, seed=args.seed)
    build_once = time.perf_counter() - t0
    build = median_time(lambda: random_conflict(sizes, seed=args.seed), 3, warmup=0)
    n = model.n_states
    print(f"model: {model!r}", file=sys.stderr)

    stability(model)  # warm-up
    ours = median_time(lambda: stability(model), runs, warmup=0)

    rng = np.random.default_rng(args.seed)
    states = rng.choice(n, size=min(sample, n), replace=False)
    per_state: list[float] = []
    for s in states:
        print(f"  loop: state {len(per_state) + 1}/{len(states)}", file=sys.stderr, end="\r")
        per_state.append(median_time(partial(_stable_loop, model, CONCEPTS, [int(s)]), 1, warmup=0))
    print(file=sys.stderr)
    loop_mean = n * statistics.fmean(per_state)
    loop_median = n * statistics.median(per_state)

    small = random_conflict((3, 3, 3), seed=args.seed + 1)
    stability(small, method="dense")
    dense = median_time(lambda: stability(small, method="dense"), 3, warmup=0)
    sparse_small = median_time(lambda: stability(small), runs, warmup=0)

    print(f"crisisgames graph-model benchmark (seed {args.seed}{', quick' if args.quick else ''})")
    print()
    print(f"1. {n} states, 3 DMs, Nash/GMR/SMR/SEQ for every DM")
    print(f"   ours (sparse matrix form), median of {runs}:   {ours * 1e3:10.1f} ms")
    print(
        f"   per-state loop, {len(states)} sampled states scaled to {n}: "
        f"{loop_mean:10.1f} s  (median-based: {loop_median:.1f} s)"
    )
    print(
        f"   ratio loop / ours:                      {loop_mean / ours:10.0f}x"
        f"  (median-based: {loop_median / ours:.0f}x)"
    )
    print(f"   target: about 1 s for ours -> {'met' if ours <= 1.5 else 'MISSED'}")
    print()
    print(
        f"2. building and validating that model: {build * 1e3:.0f} ms (median of 3; "
        f"first build {build_once * 1e3:.0f} ms); build + analysis {(build + ours) * 1e3:.0f} ms"
    )
    print()
    print(
        f"3. {small.n_states} states: dense matrix form {dense * 1e3:.1f} ms, "
        f"sparse {sparse_small * 1e3:.1f} ms: ratio dense / sparse {dense / sparse_small:.0f}x"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
