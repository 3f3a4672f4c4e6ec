"""Property-based tests of the two-player solvers: equilibrium, invariance, equivariance,
batch/single and exact/float agreement, and the oddness theorem."""

from __future__ import annotations

from fractions import Fraction as F

import numpy as np
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from crisisgames import EquilibriumSet, GameBatch, NormalFormGame, nash_equilibria
from crisisgames.solvers.pure import regret

SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@st.composite
def int_games(draw: st.DrawFn, lo: int = -4, hi: int = 4, max_actions: int = 3) -> NormalFormGame:
    m = draw(st.integers(1, max_actions))
    n = draw(st.integers(2, max_actions))
    vals = st.integers(lo, hi)
    A = draw(st.lists(st.lists(vals, min_size=n, max_size=n), min_size=m, max_size=m))
    B = draw(st.lists(st.lists(vals, min_size=n, max_size=n), min_size=m, max_size=m))
    return NormalFormGame.from_arrays(A, B)


@st.composite
def float_games(draw: st.DrawFn) -> NormalFormGame:
    m = draw(st.integers(2, 3))
    n = draw(st.integers(2, 3))
    vals = st.floats(-10, 10, allow_nan=False, allow_infinity=False, allow_subnormal=False)
    A = draw(st.lists(st.lists(vals, min_size=n, max_size=n), min_size=m, max_size=m))
    B = draw(st.lists(st.lists(vals, min_size=n, max_size=n), min_size=m, max_size=m))
    return NormalFormGame.from_arrays(A, B)


def exact_set(res: EquilibriumSet) -> set[tuple[tuple[F, ...], ...]]:
    return {eq.exact_strategies for eq in res}


def float_list(res: EquilibriumSet) -> list[np.ndarray]:
    return [np.concatenate([np.asarray(s, dtype=float) for s in eq.strategies]) for eq in res]


def same_as_sets(a: list[np.ndarray], b: list[np.ndarray], tol: float = 1e-9) -> bool:
    if len(a) != len(b):
        return False
    return all(any(np.allclose(u, v, rtol=0, atol=tol) for v in b) for u in a) and all(
        any(np.allclose(u, v, rtol=0, atol=tol) for v in a) for u in b
    )


def exact_components(res: EquilibriumSet) -> set[frozenset]:
    return {frozenset(res[i].exact_strategies for i in c.equilibria) for c in res.components}


# ----------------------------------------------------------------------- equilibrium


def _max_regret(game: NormalFormGame, res: EquilibriumSet) -> float:
    worst = 0.0
    for eq in res:
        worst = max(worst, *regret(game, [list(s) for s in eq.strategies]).values())
    return worst


@SETTINGS
@given(int_games())
def test_every_profile_has_zero_regret_integer_games(game: NormalFormGame) -> None:
    res = nash_equilibria(game)
    assert len(res) >= 1  # Nash's theorem
    assert _max_regret(game, res) <= 1e-7
    # Exactly: no pure deviation gains anything.
    U = game.exact_payoffs
    for eq in nash_equilibria(game, exact=True):
        x = np.array(eq.exact_strategies[0], dtype=object)
        y = np.array(eq.exact_strategies[1], dtype=object)
        assert sum(x) == 1 and sum(y) == 1 and min(x) >= 0 and min(y) >= 0
        assert max(U[0] @ y) == x @ U[0] @ y
        assert max(x @ U[1]) == x @ U[1] @ y
        assert eq.exact_payoffs == (x @ U[0] @ y, x @ U[1] @ y)


@SETTINGS
@given(float_games())
def test_every_profile_has_zero_regret_float_games(game: NormalFormGame) -> None:
    res = nash_equilibria(game)
    assert len(res) >= 1
    assert _max_regret(game, res) <= 1e-7


# ------------------------------------------------------------------------ invariance

positive = st.fractions(min_value=F(1, 8), max_value=8, max_denominator=12)
shifts = st.fractions(min_value=-5, max_value=5, max_denominator=12)


@SETTINGS
@given(int_games(), st.tuples(positive, positive), st.tuples(shifts, shifts))
def test_positive_affine_transform_leaves_equilibria_unchanged(
    game: NormalFormGame, scale: tuple[F, F], shift: tuple[F, F]
) -> None:
    other = game.affine_transform(scale=list(scale), shift=list(shift))
    a = nash_equilibria(game, exact=True)
    b = nash_equilibria(other, exact=True)
    assert exact_set(a) == exact_set(b)
    assert exact_components(a) == exact_components(b)
    assert (a.status.degenerate, a.status.continuum) == (b.status.degenerate, b.status.continuum)
    for ea in a:  # payoffs transform with the game
        eb = next(e for e in b if e.exact_strategies == ea.exact_strategies)
        assert eb.exact_payoffs == tuple(
            s * v + t for s, v, t in zip(scale, ea.exact_payoffs, shift, strict=True)
        )
    # Float mode on the transformed (no longer float-exact) payoffs agrees too.
    assert same_as_sets(float_list(nash_equilibria(other)), float_list(a))


# ---------------------------------------------------------------------- equivariance


@SETTINGS
@given(int_games(), st.integers(0, 1), st.data())
def test_action_permutation_permutes_equilibria(
    game: NormalFormGame, player: int, data: st.DataObject
) -> None:
    order = data.draw(st.permutations(range(game.shape[player])))
    other = game.permute_actions(player, order)
    a = nash_equilibria(game, exact=True)
    b = nash_equilibria(other, exact=True)

    def mapped(prof: tuple[tuple[F, ...], ...]) -> tuple[tuple[F, ...], ...]:
        out = list(prof)
        out[player] = tuple(prof[player][i] for i in order)
        return tuple(out)

    assert {mapped(p) for p in exact_set(a)} == exact_set(b)
    assert {frozenset(mapped(p) for p in c) for c in exact_components(a)} == exact_components(b)
    # Labeled strategies do not change at all.
    strat_a = {tuple(sorted(eq.strategy(player).items())) for eq in a}
    strat_b = {tuple(sorted(eq.strategy(player).items())) for eq in b}
    assert strat_a == strat_b


@SETTINGS
@given(int_games())
def test_player_swap_swaps_equilibria(game: NormalFormGame) -> None:
    other = game.permute_players(["P2", "P1"])
    a = nash_equilibria(game, exact=True)
    b = nash_equilibria(other, exact=True)
    assert {(y, x) for x, y in exact_set(a)} == exact_set(b)
    assert {frozenset((y, x) for x, y in c) for c in exact_components(a)} == exact_components(b)
    assert {e.exact_payoffs[::-1] for e in a} == {e.exact_payoffs for e in b}


# ------------------------------------------------------------------ agreement checks


@st.composite
def int_batches(draw: st.DrawFn) -> np.ndarray:
    m = draw(st.integers(2, 3))
    n = draw(st.integers(2, 4))
    G = draw(st.integers(1, 6))
    vals = st.integers(0, 2)
    flat = draw(st.lists(vals, min_size=G * 2 * m * n, max_size=G * 2 * m * n))
    return np.array(flat, dtype=float).reshape(G, 2, m, n)


@settings(max_examples=100, deadline=None)
@given(int_batches())
def test_batch_equals_single_game(U: np.ndarray) -> None:
    sol = GameBatch(U).solve()
    for g in range(len(U)):
        res = nash_equilibria(NormalFormGame(U[g]))
        k = int(sol.count[g])
        got = [np.concatenate([sol.strategies[0][g, e], sol.strategies[1][g, e]]) for e in range(k)]
        assert same_as_sets(got, float_list(res))
        assert bool(sol.degenerate[g]) == res.status.degenerate
        assert bool(sol.continuum[g]) == res.status.continuum
        if U.shape[2:] == (2, 2):  # the closed form keeps the canonical order
            assert all(np.allclose(u, v) for u, v in zip(got, float_list(res), strict=True))


@SETTINGS
@given(int_games(lo=-3, hi=3, max_actions=4))
def test_exact_and_float_agree(game: NormalFormGame) -> None:
    ex = nash_equilibria(game, exact=True)
    fl = nash_equilibria(game)
    exact_as_float = [np.array([float(v) for s in p for v in s]) for p in exact_set(ex)]
    assert same_as_sets(float_list(fl), exact_as_float)
    assert (ex.status.degenerate, ex.status.continuum) == (
        fl.status.degenerate,
        fl.status.continuum,
    )


@settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)
@given(int_games(lo=-30, hi=30, max_actions=4))
def test_nondegenerate_games_have_an_odd_number_of_equilibria(game: NormalFormGame) -> None:
    res = nash_equilibria(game, exact=True)
    assume(res.status.degenerate is False)
    assert len(res) % 2 == 1
    assert res.status.continuum is False
    assert len(res.components) == len(res)
