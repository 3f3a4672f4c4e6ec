"""Backward induction: time per node against a plain recursive implementation, same run.

Run ``python benchmarks/bench_backward_induction.py`` (trees of 10^3 to 10^6 nodes, about two
minutes, most of it building the trees) or ``--quick`` (up to 10^4 nodes, a smoke test).

Two shapes of generated perfect-information trees, two players, payoffs uniform floats
(so there are no ties and both implementations find the one equilibrium):

* *bushy*: every internal node has 2 to 4 children (depth about log n);
* *chain*: a centipede-like spine, each spine node with one terminal child and the next
  spine node (depth n / 2).

Ours is :func:`crisisgames.solvers.backward_induction.backward_induction` (the whole call:
solving, tie check, building the labeled result).  The reference is a plain recursive
function on Python lists taken from the same tree (``children``, ``payoffs``), returning
the root's value; lists are prepared before timing, as our arrays are prepared when the
tree is built.  A chain deeper than Python's default recursion limit is run with a raised
limit (``sys.setrecursionlimit``) in a thread with a large stack; where that still fails
the row says so instead of a time.

Every figure is a median over repeats (5, or 3 above 10^5 nodes), after a warm-up, with a
garbage collection before each run.  The ratio is reference / ours (higher is better).
Linear growth shows as a roughly constant time per node down each column, and as an
exponent near 1 in the fit of log(time) against log(nodes) printed under the table (at
10^3 nodes fixed costs, about half a millisecond a call, still dominate ours).
"""

from __future__ import annotations

import argparse
import gc
import statistics
import sys
import threading
import time
from collections.abc import Callable
from typing import Any

import numpy as np

from crisisgames.games.extensive_form import TERMINAL, GameTree
from crisisgames.solvers.backward_induction import backward_induction

__all__ = ["bushy_tree", "chain_tree", "main", "recursive_value", "run"]


def bushy_tree(n: int, seed: int = 0) -> GameTree:
    """About ``n`` nodes: each internal node has 2 to 4 children, filled breadth first."""
    rng = np.random.default_rng(seed)
    kids: list[list[int]] = []
    nxt, v = 1, 0
    while nxt < n:
        k = min(int(rng.integers(2, 5)), n - nxt)
        kids.append(list(range(nxt, nxt + k)))
        nxt += k
        v += 1
    pay = rng.random((n, 2))
    nodes: list[dict[str, Any]] = []
    for u in range(n):
        if u < len(kids):
            nodes.append(
                {
                    "kind": "decision",
                    "player": "P1" if u % 2 else "P2",
                    "moves": [f"m{j}" for j in range(len(kids[u]))],
                    "children": kids[u],
                }
            )
        else:
            nodes.append({"kind": "terminal", "payoffs": {"P1": pay[u, 0], "P2": pay[u, 1]}})
    return GameTree.from_nodes(nodes, players=["P1", "P2"])


def chain_tree(n: int, seed: int = 0) -> GameTree:
    """About ``n`` nodes: a spine of n / 2 decision nodes, each with a terminal child."""
    rng = np.random.default_rng(seed)
    stages = max(1, (n - 1) // 2)
    pay = rng.random((2 * stages + 1, 2))
    nodes: list[dict[str, Any]] = []
    for j in range(stages):
        nodes.append(
            {
                "kind": "decision",
                "player": "P1" if j % 2 else "P2",
                "moves": ["stop", "go"],
                "children": [2 * j + 1, 2 * j + 2],
            }
        )
        nodes.append(
            {"kind": "terminal", "payoffs": {"P1": pay[2 * j + 1, 0], "P2": pay[2 * j + 1, 1]}}
        )
    nodes.append({"kind": "terminal", "payoffs": {"P1": pay[-1, 0], "P2": pay[-1, 1]}})
    return GameTree.from_nodes(nodes, players=["P1", "P2"])


def recursive_value(tree: GameTree) -> Callable[[], tuple[float, ...]]:
    """The plain recursive reference: a closure solving the tree from the root."""
    a = tree.arrays
    kind = a.kind.tolist()
    start = a.child_start.tolist()
    count = a.num_children.tolist()
    player = a.player.tolist()
    pay = [tuple(row) for row in a.payoffs.tolist()]

    def solve(v: int) -> tuple[float, ...]:
        if kind[v] == TERMINAL:
            return pay[v]
        i = player[v]
        best = None
        for c in range(start[v], start[v] + count[v]):
            val = solve(c)
            if best is None or val[i] > best[i]:
                best = val
        assert best is not None
        return best

    return lambda: solve(0)


def _timed(fn: Callable[[], Any], repeats: int) -> tuple[float, Any]:
    """Median wall time of ``fn()`` over ``repeats`` runs after one warm-up; its last result."""
    out = fn()
    times = []
    for _ in range(repeats):
        gc.collect()
        t0 = time.perf_counter()
        out = fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times), out


def _in_big_stack(fn: Callable[[], Any], depth: int) -> Callable[[], Any]:
    """Run ``fn`` in a thread with room for ``depth`` nested Python calls."""

    def run() -> Any:
        box: dict[str, Any] = {}

        def target() -> None:
            old = sys.getrecursionlimit()
            sys.setrecursionlimit(max(old, depth + 1000))
            try:
                box["out"] = fn()
            except BaseException as exc:  # reported in the table
                box["err"] = exc
            finally:
                sys.setrecursionlimit(old)

        old_size = threading.stack_size()
        threading.stack_size(min(2**30, max(2**24, depth * 512)))
        try:
            t = threading.Thread(target=target)
            t.start()
            t.join()
        finally:
            threading.stack_size(old_size)
        if "err" in box:
            raise box["err"]
        return box["out"]

    return run


def run(sizes: list[int], shapes: list[str], seed: int = 0) -> list[dict[str, Any]]:
    """Measure every (shape, size); one row each."""
    rows = []
    for shape in shapes:
        for n in sizes:
            build = bushy_tree if shape == "bushy" else chain_tree
            print(f"  building {shape} tree of {n:,} nodes ...", file=sys.stderr)
            tree = build(n, seed)
            depth = int(tree.arrays.depth.max())
            repeats = 3 if tree.num_nodes > 10**5 else 5

            def ours_fn(tree: GameTree = tree) -> Any:
                return backward_induction(tree)

            ours, res = _timed(ours_fn, repeats)
            ref_fn = recursive_value(tree)
            if depth > 900:
                ref_fn = _in_big_stack(ref_fn, depth)
            try:
                ref, val = _timed(ref_fn, repeats)
                agree = bool(np.allclose(val, res[0].payoffs))
                note = "" if depth <= 900 else f"recursion limit raised to {depth + 1000}"
            except (RecursionError, MemoryError) as exc:
                ref, agree, note = float("nan"), True, f"reference failed: {type(exc).__name__}"
            rows.append(
                {
                    "shape": shape,
                    "nodes": tree.num_nodes,
                    "depth": depth,
                    "ours_ns": ours / tree.num_nodes * 1e9,
                    "ref_ns": ref / tree.num_nodes * 1e9,
                    "ratio": ref / ours,
                    "agree": agree,
                    "note": note,
                }
            )
    return rows


def print_table(rows: list[dict[str, Any]]) -> None:
    print(
        f"{'shape':<6} {'nodes':>10} {'depth':>8} {'ours ns/node':>13} "
        f"{'recursive ns/node':>18} {'ratio':>7}  agree  note"
    )
    for r in rows:
        print(
            f"{r['shape']:<6} {r['nodes']:>10,} {r['depth']:>8,} {r['ours_ns']:>13.0f} "
            f"{r['ref_ns']:>18.0f} {r['ratio']:>7.1f}  {'yes' if r['agree'] else 'NO':<5}  "
            f"{r['note']}"
        )
    for shape in dict.fromkeys(r["shape"] for r in rows):
        sub = [r for r in rows if r["shape"] == shape]
        print(
            f"{shape}: growth exponent k in time ~ nodes^k (log-log fit; 1 = linear): "
            f"ours {_exponent(sub, 'ours_ns'):.2f}, recursive {_exponent(sub, 'ref_ns'):.2f}"
            + (
                f"; from 10^4 nodes on: ours {_exponent(sub[1:], 'ours_ns'):.2f}, recursive "
                f"{_exponent(sub[1:], 'ref_ns'):.2f}"
                if len(sub) > 2
                else ""
            )
        )


def _exponent(rows: list[dict[str, Any]], key: str) -> float:
    """Slope of log(total time) against log(nodes)."""
    pts = [(np.log(r["nodes"]), np.log(r[key] * r["nodes"])) for r in rows if np.isfinite(r[key])]
    if len(pts) < 2:
        return float("nan")
    x, y = np.array(pts).T
    return float(np.polyfit(x, y, 1)[0])


def main(argv: list[str] | None = None) -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--quick", action="store_true", help="sizes 10^3 and 10^4 only")
    p.add_argument("--seed", type=int, default=0)
    args = p.parse_args(argv)
    sizes = [10**3, 10**4] if args.quick else [10**3, 10**4, 10**5, 10**6]
    rows = run(sizes, ["bushy", "chain"], args.seed)
    print_table(rows)


if __name__ == "__main__":
    main()
