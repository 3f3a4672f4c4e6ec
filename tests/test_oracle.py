"""Zero missed and zero spurious equilibria against Gambit's enummixed.

The fixture ``fixtures/bimatrix_oracle.json`` holds games with every extreme equilibrium
computed by Gambit (``enummixed_solve(rational=True)``) and checked in the generator
against an independent brute-force vertex enumeration in fractions; see
``fixtures/generate_fixtures.py``.  The live test at the end runs only where pygambit is
installed (the ``gambit`` extra).
"""

from __future__ import annotations

import json
from collections import defaultdict
from fractions import Fraction
from pathlib import Path

import numpy as np
import pytest

from crisisgames import GameBatch, NormalFormGame, nash_equilibria
from crisisgames.solvers.enumeration import _solve_bimatrix

FIXTURE = Path(__file__).parent / "fixtures" / "bimatrix_oracle.json"
GAMES = json.loads(FIXTURE.read_text())["games"]


def _frac_matrix(rows: list[list[str]]) -> list[list[Fraction]]:
    return [[Fraction(v) for v in row] for row in rows]


def _expected(rec: dict) -> set[tuple[tuple[Fraction, ...], tuple[Fraction, ...]]]:
    return {
        (tuple(Fraction(v) for v in e["x"]), tuple(Fraction(v) for v in e["y"]))
        for e in rec["equilibria"]
    }


def _game(rec: dict) -> NormalFormGame:
    return NormalFormGame.from_arrays(_frac_matrix(rec["A"]), _frac_matrix(rec["B"]))


def _match_float(found: list[np.ndarray], expected: set, tol: float = 1e-7) -> tuple[int, int]:
    """(missed, spurious) under a one-to-one matching within tol."""
    exp = [np.array([float(v) for v in x + y]) for x, y in expected]
    used = [False] * len(exp)
    spurious = 0
    for f in found:
        hit = next(
            (k for k, e in enumerate(exp) if not used[k] and np.max(np.abs(e - f)) <= tol), None
        )
        if hit is None:
            spurious += 1
        else:
            used[hit] = True
    return used.count(False), spurious


def test_fixture_is_large_and_mostly_degenerate() -> None:
    small_int = [g for g in GAMES if g["id"].startswith("int")]
    assert len(small_int) >= 1000
    assert any(max(g["shape"]) >= 8 for g in GAMES)
    degenerate = sum(nash_equilibria(_game(g)).status.degenerate for g in small_int[:300])
    assert degenerate > 150


def test_exact_single_game_matches_gambit() -> None:
    failures = []
    for rec in GAMES:
        res = nash_equilibria(_game(rec), exact=True)
        got = {tuple(e.exact_strategies) for e in res}
        assert len(got) == len(res), rec["id"]  # no duplicates
        if got != _expected(rec):
            failures.append(rec["id"])
    assert failures == []


def test_float_single_game_matches_gambit() -> None:
    failures = []
    for rec in GAMES:
        res = nash_equilibria(_game(rec))
        found = [np.array(e.strategies[0] + e.strategies[1]) for e in res]
        if _match_float(found, _expected(rec)) != (0, 0):
            failures.append(rec["id"])
    assert failures == []


def _by_shape() -> dict[tuple[int, int], list[dict]]:
    groups: dict[tuple[int, int], list[dict]] = defaultdict(list)
    for rec in GAMES:
        groups[tuple(rec["shape"])].append(rec)
    return groups


def test_float_batched_matches_gambit() -> None:
    failures = []
    for shape, recs in _by_shape().items():
        A = np.array([[[float(Fraction(v)) for v in r] for r in rec["A"]] for rec in recs])
        B = np.array([[[float(Fraction(v)) for v in r] for r in rec["B"]] for rec in recs])
        sol = GameBatch.from_arrays(A, B).solve()
        for g, rec in enumerate(recs):
            k = int(sol.count[g])
            found = [
                np.concatenate([sol.strategies[0][g, e], sol.strategies[1][g, e]]) for e in range(k)
            ]
            if _match_float(found, _expected(rec)) != (0, 0):
                failures.append((shape, rec["id"]))
    assert failures == []


def test_exact_batched_matches_gambit() -> None:
    failures = []
    for _shape, recs in _by_shape().items():
        A = np.array([_frac_matrix(rec["A"]) for rec in recs], dtype=object)
        B = np.array([_frac_matrix(rec["B"]) for rec in recs], dtype=object)
        sol = _solve_bimatrix(A, B, exact=True, tol=0.0)
        assert sol.exact is not None
        for g, rec in enumerate(recs):
            if set(sol.exact[g]) != _expected(rec):
                failures.append(rec["id"])
    assert failures == []


def test_live_gambit_oracle() -> None:
    gbt = pytest.importorskip(
        "pygambit", reason="live oracle runs where the gambit extra is installed"
    )
    rng = np.random.default_rng(2026)
    for _ in range(40):
        m, n = rng.integers(2, 5, size=2)
        A = rng.integers(0, 3, size=(m, n))
        B = rng.integers(0, 3, size=(m, n))
        game = gbt.Game.from_arrays(
            [[Fraction(int(v)) for v in row] for row in A],
            [[Fraction(int(v)) for v in row] for row in B],
        )
        oracle = gbt.nash.enummixed_solve(game, rational=True).equilibria
        players = list(game.players)
        expected = {
            tuple(tuple(Fraction(eq[s]) for s in p.strategies) for p in players) for eq in oracle
        }
        ours = nash_equilibria(NormalFormGame.from_arrays(A, B), exact=True)
        assert {tuple(e.exact_strategies) for e in ours} == expected
