"""Speed and memory of crisisgames, as ratios against nashpy measured in the same run.

Run ``python benchmarks/run.py`` (full sizes) or ``python benchmarks/run.py --quick``
(small sizes, a smoke test; its figures are not comparable with the targets).  Every
figure is a ratio of medians against a reference measured in the same process, because
absolute times on shared machines are noise.  See ``benchmarks/README.md``.

Each benchmark is also a function returning :class:`Figure` objects, e.g.::

    from benchmarks.run import bench_batch_2x2, print_table
    print_table(bench_batch_2x2(n_games=10**5, n_ref=200))
"""

from __future__ import annotations

import argparse
import gc
import platform
import statistics
import sys
import time
import tracemalloc
import warnings
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

import numpy as np

import crisisgames
from crisisgames import GameBatch, NormalFormGame, nash_equilibria

try:  # run as a script (python benchmarks/NAME.py) or imported as benchmarks.NAME
    from timing import median_time, median_times
except ImportError:
    from benchmarks.timing import median_time, median_times
try:
    import nashpy
except ImportError:  # pragma: no cover - nashpy is a dependency
    sys.exit("benchmarks need nashpy (a dependency of crisisgames): pip install nashpy")

__all__ = [
    "Figure",
    "bench_batch_2x2",
    "bench_batch_4x4",
    "bench_memory_2x2",
    "bench_single_8x8",
    "main",
    "print_table",
    "run_all",
]


# ---------------------------------------------------------------------------- results


@dataclass
class Figure:
    """One row of the table.

    ``ratio`` is ``reference / ours`` for speed (a speed-up, higher is better) and
    ``ours / reference`` for memory (peak over input bytes, lower is better); ``target``
    is compared with ``ratio`` by ``higher_is_better``.  ``target=None`` marks a row
    printed for information only.
    """

    name: str
    ours: float
    reference: float
    ratio: float
    target: float | None
    higher_is_better: bool = True
    unit: str = "s"  # "s" or "B"
    notes: list[str] = field(default_factory=list)

    @property
    def passed(self) -> bool | None:
        if self.target is None:
            return None
        return self.ratio >= self.target if self.higher_is_better else self.ratio <= self.target


def _nashpy_support(a: np.ndarray, b: np.ndarray) -> list:
    """nashpy's support enumeration of one game, warnings (degeneracy etc.) suppressed."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return list(nashpy.Game(a, b).support_enumeration())


def _nashpy_vertex_count(a: np.ndarray, b: np.ndarray) -> int:
    """Number of equilibria by nashpy's vertex enumeration (a cross-check, not timed)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return len(list(nashpy.Game(a, b).vertex_enumeration()))


def _nashpy_per_game(A: np.ndarray, B: np.ndarray) -> tuple[float, float, float, list[int]]:
    """Time nashpy on each game separately: median wall, mean wall and median CPU seconds
    per game, and the number of equilibria of each game."""
    times, cpu, counts = [], [], []
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for a, b in zip(A, B, strict=True):
            c0 = time.process_time()
            t0 = time.perf_counter()
            eqs = list(nashpy.Game(a, b).support_enumeration())
            times.append(time.perf_counter() - t0)
            cpu.append(time.process_time() - c0)
            counts.append(len(eqs))
    return statistics.median(times), statistics.fmean(times), statistics.median(cpu), counts


# ---------------------------------------------------------------------------- benchmarks


def _bench_batch(
    label: str,
    shape: tuple[int, int],
    n_games: int,
    n_ref: int,
    repeats: int,
    target: float,
    seed: int,
) -> list[Figure]:
    """Batched solve of ``n_games`` random games vs nashpy on ``n_ref`` of them, scaled."""
    rng = np.random.default_rng(seed)
    A = rng.random((n_games, *shape))
    B = rng.random((n_games, *shape))
    batch = GameBatch.from_arrays(A, B)

    ours, ours_cpu = median_times(batch.solve, repeats)
    ours_e2e = median_time(lambda: GameBatch.from_arrays(A, B).solve(), repeats)

    n_ref = min(n_ref, n_games)
    ref_median, ref_mean, ref_cpu, ref_counts = _nashpy_per_game(A[:n_ref], B[:n_ref])
    reference = ref_median * n_games  # nashpy's per-game median, scaled to the batch

    # Sanity: the numbers of equilibria agree with nashpy on the subsample (random float
    # games are nondegenerate, where support enumeration is complete).
    sol = batch.solve()
    ours_counts = np.asarray(sol.count[:n_ref])
    differ = np.nonzero(ours_counts != np.asarray(ref_counts))[0]
    vertex_agrees = sum(_nashpy_vertex_count(A[g], B[g]) == ours_counts[g] for g in differ)
    del sol

    name = f"{label}: {n_games:.0e} {shape[0]}x{shape[1]} games, solve()"
    notes = [
        f"nashpy: median {_fmt_time(ref_median)}/game (mean {_fmt_time(ref_mean)}) over "
        f"{n_ref} games, x {n_games} = {_fmt_time(reference)}; ratio with the mean "
        f"{ref_mean * n_games / ours:,.0f}x",
        f"CPU time instead of wall time (medians, less sensitive to other processes): ours "
        f"{_fmt_time(ours_cpu)}, nashpy {_fmt_time(ref_cpu)}/game; ratio "
        f"{ref_cpu * n_games / ours_cpu:,.0f}x",
        f"equilibrium counts differ from nashpy's support enumeration on {len(differ)} of "
        f"{n_ref} sampled games; on those, nashpy's vertex enumeration agrees with ours on "
        f"{vertex_agrees}",
    ]
    return [
        Figure(name, ours, reference, reference / ours, target, notes=notes),
        Figure(
            f"{label}: same, from_arrays(A, B).solve()",
            ours_e2e,
            reference,
            reference / ours_e2e,
            target,
            notes=["includes stacking and validating the input arrays"],
        ),
    ]


def bench_batch_2x2(
    n_games: int = 10**6, n_ref: int = 1000, repeats: int = 7, seed: int = 0
) -> list[Figure]:
    """Figure 1: ``n_games`` random 2x2 games through ``GameBatch.solve()`` vs nashpy's
    support enumeration timed on ``n_ref`` of them and scaled.  Target >= 5,000x."""
    return _bench_batch("1", (2, 2), n_games, n_ref, repeats, 5_000.0, seed)


def bench_single_8x8(
    n_games: int = 5, size: int = 8, repeats: int = 7, seed: int = 1, exact_repeats: int = 3
) -> list[Figure]:
    """Figure 2: all extreme equilibria of ``n_games`` random ``size x size`` games with
    ``nash_equilibria`` (float mode; median of ``repeats``) vs one run of nashpy's support
    enumeration per game.  Target >= 1,000x (median of the per-game ratios).  Exact mode
    is timed for information."""
    rng = np.random.default_rng(seed)
    ours_t, exact_t, ref_t, ratios, notes = [], [], [], [], []
    for k in range(n_games):
        a, b = rng.random((size, size)), rng.random((size, size))
        game = NormalFormGame.from_arrays(a, b)
        t_ours = median_time(lambda game=game: nash_equilibria(game), repeats)
        t_exact = median_time(
            lambda game=game: nash_equilibria(game, exact=True), exact_repeats, warmup=0
        )
        n_ours = len(nash_equilibria(game).equilibria)
        t0 = time.perf_counter()
        n_ref = len(_nashpy_support(a, b))
        t_ref = time.perf_counter() - t0
        check = ""
        if n_ours != n_ref:
            check = f" (nashpy vertex enumeration: {_nashpy_vertex_count(a, b)})"
        ours_t.append(t_ours)
        exact_t.append(t_exact)
        ref_t.append(t_ref)
        ratios.append(t_ref / t_ours)
        notes.append(
            f"game {k}: ours {_fmt_time(t_ours)}, exact {_fmt_time(t_exact)}, nashpy "
            f"{_fmt_time(t_ref)}; ratio {t_ref / t_ours:,.0f}x (exact {t_ref / t_exact:,.0f}x); "
            f"equilibria: ours {n_ours}, nashpy {n_ref}{check}"
        )
    label = f"2: one {size}x{size} game, nash_equilibria()"
    return [
        Figure(
            label,
            statistics.median(ours_t),
            statistics.median(ref_t),
            statistics.median(ratios),
            1_000.0,
            notes=[f"median of per-game ratios over {n_games} games", *notes],
        ),
        Figure(
            "2: same, nash_equilibria(exact=True)",
            statistics.median(exact_t),
            statistics.median(ref_t),
            statistics.median([r / e for r, e in zip(ref_t, exact_t, strict=True)]),
            None,
            notes=["information only"],
        ),
    ]


def bench_batch_4x4(
    n_games: int = 10**4, n_ref: int = 200, repeats: int = 5, seed: int = 2
) -> list[Figure]:
    """Figure 3: ``n_games`` random 4x4 games batched vs nashpy on ``n_ref`` of them,
    scaled.  Target >= 100x."""
    return _bench_batch("3", (4, 4), n_games, n_ref, repeats, 100.0, seed)


def _peak_bytes(fn: Callable[[], object]) -> tuple[int, int, object]:
    """(peak, retained) bytes allocated while running ``fn``, as seen by tracemalloc
    (numpy reports its data buffers to it), and ``fn``'s result."""
    gc.collect()
    tracemalloc.start()
    try:
        base = tracemalloc.get_traced_memory()[0]
        tracemalloc.reset_peak()
        out = fn()
        current, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    return peak - base, current - base, out


def bench_memory_2x2(n_games: int = 10**6, repeats: int = 3, seed: int = 0) -> list[Figure]:
    """Figure 4: peak bytes allocated by ``solve()`` on ``n_games`` 2x2 games over the
    input's bytes (``A.nbytes + B.nbytes``).  Target <= 5x.  The peak when the lazily
    computed ``payoffs`` are also requested is printed for information."""
    rng = np.random.default_rng(seed)
    A = rng.random((n_games, 2, 2))
    B = rng.random((n_games, 2, 2))
    batch = GameBatch.from_arrays(A, B)
    batch.solve()  # warm-up (lookup tables, imports) outside the traced region
    inp = A.nbytes + B.nbytes

    def solve_with_payoffs() -> object:
        sol = batch.solve()
        _ = sol.payoffs
        return sol

    peaks, kept, peaks_pay, kept_pay = [], [], [], []
    for _ in range(repeats):
        p, c, out = _peak_bytes(batch.solve)
        del out
        peaks.append(p)
        kept.append(c)
        p, c, out = _peak_bytes(solve_with_payoffs)
        del out
        peaks_pay.append(p)
        kept_pay.append(c)
    peak, peak_pay = statistics.median(peaks), statistics.median(peaks_pay)
    return [
        Figure(
            f"4: peak memory of solve(), {n_games:.0e} 2x2 games",
            peak,
            inp,
            peak / inp,
            5.0,
            higher_is_better=False,
            unit="B",
            notes=[
                f"reference = input bytes A.nbytes + B.nbytes = {_fmt_bytes(inp)}; the batch "
                f"holds a stacked copy of another {_fmt_bytes(batch.payoffs.nbytes)} "
                "(built before tracing)",
                f"the returned BatchSolution keeps {_fmt_bytes(statistics.median(kept))} "
                f"({statistics.median(kept) / inp:.2f}x input)",
            ],
        ),
        Figure(
            "4: same, solve() then .payoffs",
            peak_pay,
            inp,
            peak_pay / inp,
            None,
            higher_is_better=False,
            unit="B",
            notes=[
                "information only; keeps "
                f"{_fmt_bytes(statistics.median(kept_pay))} "
                f"({statistics.median(kept_pay) / inp:.2f}x input)"
            ],
        ),
    ]


# ---------------------------------------------------------------------------- output


def _fmt_time(t: float) -> str:
    if t >= 1:
        return f"{t:.3g} s"
    if t >= 1e-3:
        return f"{t * 1e3:.3g} ms"
    return f"{t * 1e6:.3g} us"


def _fmt_bytes(n: float) -> str:
    return f"{n / 2**20:.1f} MiB"


def _fmt(value: float, unit: str) -> str:
    return _fmt_time(value) if unit == "s" else _fmt_bytes(value)


def print_table(figures: Sequence[Figure], file=None) -> None:
    """Print the figures as a table, then their notes."""
    file = file or sys.stdout
    header = ("figure", "ours (median)", "reference (median)", "ratio", "target", "result")
    rows = []
    for f in figures:
        if f.target is None:
            target, result = "-", "info"
        else:
            target = f"{'>=' if f.higher_is_better else '<='} {f.target:,.0f}x"
            result = "PASS" if f.passed else "FAIL"
        ratio = f"{f.ratio:,.0f}x" if f.ratio >= 100 else f"{f.ratio:.2f}x"
        rows.append(
            (f.name, _fmt(f.ours, f.unit), _fmt(f.reference, f.unit), ratio, target, result)
        )
    widths = [max(len(r[i]) for r in (header, *rows)) for i in range(len(header))]
    align = ["<", ">", ">", ">", ">", "<"]

    def line(cells: Sequence[str]) -> str:
        return "  ".join(f"{c:{a}{w}}" for c, a, w in zip(cells, align, widths, strict=True))

    print(line(header), file=file)
    print("  ".join("-" * w for w in widths), file=file)
    for r in rows:
        print(line(r), file=file)
    print(file=file)
    for f in figures:
        for n in f.notes:
            print(f"[{f.name.split(':')[0]}] {n}", file=file)


def run_all(quick: bool = False, seed: int = 0, only: Sequence[str] | None = None) -> list[Figure]:
    """Run the benchmarks (all, or those named in ``only``) and return their figures."""
    if quick:
        plan = {
            "2x2": lambda: bench_batch_2x2(n_games=10**5, n_ref=200, repeats=5, seed=seed),
            "8x8": lambda: bench_single_8x8(n_games=2, size=6, repeats=5, seed=seed + 1),
            "4x4": lambda: bench_batch_4x4(n_games=10**3, n_ref=30, repeats=5, seed=seed + 2),
            "memory": lambda: bench_memory_2x2(n_games=10**5, repeats=1, seed=seed),
        }
    else:
        plan = {
            "2x2": lambda: bench_batch_2x2(seed=seed),
            "8x8": lambda: bench_single_8x8(seed=seed + 1),
            "4x4": lambda: bench_batch_4x4(seed=seed + 2),
            "memory": lambda: bench_memory_2x2(seed=seed),
        }
    figures: list[Figure] = []
    for key, fn in plan.items():
        if only and key not in only:
            continue
        t0 = time.perf_counter()
        print(f"running {key} ...", file=sys.stderr, flush=True)
        figures.extend(fn())
        print(f"  done in {time.perf_counter() - t0:.1f} s", file=sys.stderr, flush=True)
    return figures


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="small sizes (smoke test)")
    parser.add_argument("--seed", type=int, default=0, help="base random seed (default 0)")
    parser.add_argument(
        "--only",
        nargs="+",
        choices=["2x2", "8x8", "4x4", "memory"],
        help="run only these benchmarks",
    )
    args = parser.parse_args(argv)
    print(
        f"crisisgames {crisisgames.__version__}, nashpy {nashpy.__version__}, "
        f"numpy {np.__version__}, Python {platform.python_version()}, "
        f"{platform.machine()}{' (QUICK: sizes too small for the targets)' if args.quick else ''}"
    )
    figures = run_all(quick=args.quick, seed=args.seed, only=args.only)
    print()
    print_table(figures)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
