"""Tests of GameBatch / BatchSolution: validation, and batched solving (2x2 closed form,
batched vertex enumeration, pure) against single-game nash_equilibria and hand-derived
answers."""

from __future__ import annotations

import itertools
import math

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from crisisgames import BatchSolution, EquilibriumSet, GameBatch, NormalFormGame, nash_equilibria
from crisisgames.errors import InvalidGameError, InvalidLabelError, InvalidPayoffError, ShapeError

# ----------------------------------------------------------------------------- helpers


def batch_profiles(sol: BatchSolution, g: int) -> list[np.ndarray]:
    return [np.concatenate([s[g, e] for s in sol.strategies]) for e in range(int(sol.count[g]))]


def single_profiles(res: EquilibriumSet) -> list[np.ndarray]:
    return [np.concatenate([np.asarray(s, dtype=float) for s in eq.strategies]) for eq in res]


def same_in_order(a: list[np.ndarray], b: list[np.ndarray], tol: float = 1e-9) -> bool:
    return len(a) == len(b) and all(
        np.allclose(u, v, rtol=0, atol=tol) for u, v in zip(a, b, strict=True)
    )


def same_as_sets(a: list[np.ndarray], b: list[np.ndarray], tol: float = 1e-9) -> bool:
    if len(a) != len(b):
        return False
    return all(any(np.allclose(u, v, rtol=0, atol=tol) for v in b) for u in a) and all(
        any(np.allclose(u, v, rtol=0, atol=tol) for v in a) for u in b
    )


def partition(profiles: list[np.ndarray], labels: list[int]) -> set[frozenset]:
    """A partition of profiles (rounded) by component label."""
    keys = [tuple(np.round(p, 9)) for p in profiles]
    return {
        frozenset(k for k, lab in zip(keys, labels, strict=True) if lab == c) for c in set(labels)
    }


def compare_with_single(U: np.ndarray, ordered: bool, tol: float = 1e-9) -> None:
    """Solve the batch U (G, 2, m, n) and each game alone; they must agree."""
    sol = GameBatch(U).solve()
    assert sol.complete.all()
    assert sol.method == "enumeration"
    for g in range(len(U)):
        res = nash_equilibria(NormalFormGame(U[g]))
        b, s = batch_profiles(sol, g), single_profiles(res)
        assert int(sol.count[g]) == len(res), U[g]
        assert (same_in_order if ordered else same_as_sets)(b, s, tol), U[g]
        assert bool(sol.degenerate[g]) == res.status.degenerate, U[g]
        assert bool(sol.continuum[g]) == res.status.continuum, U[g]
        k = int(sol.count[g])
        assert partition(b, sol.component[g, :k].tolist()) == partition(
            s, [eq.component for eq in res]
        ), U[g]


# ------------------------------------------------------------------------ construction


def test_nan_and_inf_name_the_game() -> None:
    A = np.zeros((5, 2, 2))
    B = np.zeros((5, 2, 2))
    A[3, 1, 0] = np.nan
    with pytest.raises(InvalidPayoffError, match=r"game 3: payoff of player 0 at profile \(1, 0\)"):
        GameBatch.from_arrays(A, B)
    A[3, 1, 0] = 0
    B[4, 0, 1] = -np.inf
    with pytest.raises(InvalidPayoffError, match=r"game 4: payoff of player 1 at profile \(0, 1\)"):
        GameBatch.from_arrays(A, B)


@pytest.mark.parametrize(
    "shape",
    [(5, 2, 2), (5, 3, 2, 2), (2, 2), (5,), (5, 2, 2, 2, 2)],
)
def test_wrong_shapes(shape: tuple[int, ...]) -> None:
    with pytest.raises(ShapeError, match=r"expected \(G, N, n_1, \.\.\., n_N\)"):
        GameBatch(np.zeros(shape))


def test_construction_errors() -> None:
    with pytest.raises(ShapeError, match="disagree in shape"):
        GameBatch.from_arrays(np.zeros((4, 2, 2)), np.zeros((4, 2, 3)))
    with pytest.raises(ShapeError, match="numeric"):
        GameBatch([[[["a"]]]])
    with pytest.raises(InvalidGameError, match="at least one game"):
        GameBatch(np.zeros((0, 2, 2, 2)))
    with pytest.raises(InvalidGameError, match="at least one game"):
        GameBatch.from_games([])
    with pytest.raises(InvalidGameError, match="at least one action"):
        GameBatch(np.zeros((3, 2, 0, 2)))
    with pytest.raises(InvalidLabelError, match="duplicate"):
        GameBatch(np.zeros((3, 2, 2, 2)), players=["X", "X"])
    g = NormalFormGame.from_arrays([[0, 0], [0, 0]], [[0, 0], [0, 0]])
    with pytest.raises(ShapeError, match="game 1 has other players or actions"):
        GameBatch.from_games([g, g.relabel(players=["A", "B"])])
    batch = GameBatch.from_games([g, g])
    with pytest.raises(ValueError, match="unknown batch method"):
        batch.solve(method="nashpy-support")
    with pytest.raises(ValueError, match="tol"):
        batch.solve(tol=-1.0)


def test_batch_properties_and_game() -> None:
    A = np.array([[[3, 2], [4, 1]], [[1, 0], [0, 1]]])
    B = np.array([[[3, 4], [2, 1]], [[1, 0], [0, 1]]])
    batch = GameBatch.from_arrays(A, B, players=["US", "USSR"])
    assert len(batch) == 2
    assert batch.shape == (2, 2)
    assert batch.players == ("US", "USSR")
    assert batch.actions == (("a1", "a2"), ("a1", "a2"))
    assert batch.payoffs.shape == (2, 2, 2, 2)
    with pytest.raises(ValueError, match="read-only"):
        batch.payoffs[0, 0, 0, 0] = 9.0
    assert batch.game(0) == NormalFormGame.from_arrays(A[0], B[0], players=["US", "USSR"])


# --------------------------------------------------------------- 2x2 closed form vs single


def test_2x2_known_answers() -> None:
    # Chicken (ranks): pure (a1, a2), (a2, a1) and the mixed (1/2, 1/2) twice.
    # Coordination [[1, 0], [0, 1]] for both: (a1, a1), (a2, a2), mixed (1/2, 1/2)
    # (row indifferent: q = 1 - q).  All-zero: the four pure profiles, one component.
    A = np.array([[[3, 2], [4, 1]], [[1, 0], [0, 1]], [[0, 0], [0, 0]]])
    B = np.array([[[3, 4], [2, 1]], [[1, 0], [0, 1]], [[0, 0], [0, 0]]])
    sol = GameBatch.from_arrays(A, B).solve()
    assert sol.count.tolist() == [3, 3, 4]
    assert sol.strategies[0][0, :3].tolist() == [[1, 0], [0, 1], [0.5, 0.5]]
    assert sol.strategies[1][0, :3].tolist() == [[0, 1], [1, 0], [0.5, 0.5]]
    assert sol.strategies[0][1, :3].tolist() == [[1, 0], [0, 1], [0.5, 0.5]]
    assert sol.strategies[1][1, :3].tolist() == [[1, 0], [0, 1], [0.5, 0.5]]
    assert sol.degenerate.tolist() == [False, False, True]
    assert sol.continuum.tolist() == [False, False, True]
    assert sol.component.tolist() == [[0, 1, 2, -1], [0, 1, 2, -1], [0, 0, 0, 0]]
    assert sol.max_equilibria == 4 and len(sol) == 3


def test_2x2_random_ternary_games_match_single_game() -> None:
    rng = np.random.default_rng(12345)
    U = rng.integers(0, 3, size=(2000, 2, 2, 2)).astype(float)
    compare_with_single(U, ordered=True)


def test_2x2_all_binary_games_match_single_game() -> None:
    # Every one of the 2**8 games with payoffs in {0, 1} (nearly all degenerate).
    U = np.array(list(itertools.product([0.0, 1.0], repeat=8))).reshape(256, 2, 2, 2)
    compare_with_single(U, ordered=True)


def test_2x2_random_float_games_match_single_game() -> None:
    rng = np.random.default_rng(99)
    U = rng.normal(size=(400, 2, 2, 2)) * rng.choice([1e-3, 1.0, 1e4], size=(400, 1, 1, 1))
    compare_with_single(U, ordered=True)


HAND_PICKED_2X2 = [
    # (A, B), each degenerate in its own way.
    ([[0, 0], [0, 0]], [[0, 0], [0, 0]]),  # everything is an equilibrium
    ([[0, 0], [0, 0]], [[3, 1], [0, 2]]),  # row constant: a zigzag component
    ([[3, 1], [0, 2]], [[5, 5], [5, 5]]),  # column constant
    ([[1, 0], [0, 0]], [[1, 0], [0, 0]]),  # one strict, one weak equilibrium
    ([[1, 1], [0, 0]], [[2, 2], [0, 1]]),  # row strictly dominant, column indifferent at T
    ([[1, 0], [1, 0]], [[1, 0], [0, 1]]),  # identical rows for the row player
    ([[2, 0], [2, 1]], [[1, 1], [0, 1]]),  # ties on both sides
    ([[0.1 + 0.2, 1.0], [0.3, 0.0]], [[1.0, 0.0], [0.0, 1.0]]),  # tie up to rounding
    ([[1e6, 0], [1e6, 1]], [[0, 1e6], [1, 1e6]]),  # large ties
    ([[-1, -1], [-1, -1]], [[-2, -3], [-3, -2]]),
]


def test_2x2_hand_picked_degenerate_games_match_single_game() -> None:
    U = np.array([[A, B] for A, B in HAND_PICKED_2X2], dtype=float)
    compare_with_single(U, ordered=True)


@pytest.mark.parametrize("scale", [1e-200, 1e-3, 1.0, 1e200])
def test_2x2_matching_pennies_at_any_scale(scale: float) -> None:
    # Matching pennies times a positive scale: still the unique equilibrium (1/2, 1/2)
    # twice (a positive rescaling changes no best response).  At 1e-200 the two gains
    # +-2e-200 multiply to 4e-400, which underflows to -0.0 in float64, so a sign test on
    # their product misses the interior point.
    A = np.array([[1.0, -1.0], [-1.0, 1.0]]) * scale
    sol = GameBatch.from_arrays(A[None], -A[None]).solve()
    assert sol.count.tolist() == [1]
    assert sol.strategies[0][0, 0].tolist() == [0.5, 0.5]
    assert sol.strategies[1][0, 0].tolist() == [0.5, 0.5]
    assert sol.degenerate.tolist() == [False]


def test_2x2_row_constant_components_by_hand() -> None:
    # As derived in test_enumeration: A = 0, B = [[3, 1], [0, 2]] has the extreme
    # equilibria (1, a1), (1/2, a1), (1/2, a2), (0, a2), all one component.
    sol = GameBatch.from_arrays(np.array([[[0, 0], [0, 0]]]), np.array([[[3, 1], [0, 2]]])).solve()
    assert sol.count.tolist() == [4]
    got = {(float(sol.strategies[0][0, e, 0]), float(sol.strategies[1][0, e, 0])) for e in range(4)}
    assert got == {(1.0, 1.0), (0.5, 1.0), (0.5, 0.0), (0.0, 0.0)}
    assert sol.component[0].tolist() == [0, 0, 0, 0]
    assert sol.degenerate.tolist() == [True] and sol.continuum.tolist() == [True]


# ------------------------------------------------------- larger shapes vs single games


@pytest.mark.parametrize("shape", [(3, 3), (2, 4), (4, 4), (3, 2)])
def test_batched_enumeration_matches_single_game(shape: tuple[int, int]) -> None:
    rng = np.random.default_rng(sum(shape) * 31 + shape[0])
    ternary = rng.integers(0, 3, size=(150, 2, *shape)).astype(float)
    floats = rng.normal(size=(50, 2, *shape))
    compare_with_single(np.concatenate([ternary, floats]), ordered=False)


@pytest.mark.parametrize("shape", [(3, 3), (2, 4), (4, 4)])
def test_batched_enumeration_lists_equilibria_in_single_game_order(
    shape: tuple[int, int],
) -> None:
    # The 2x2 batch lists equilibria in nash_equilibria's canonical order (pure first,
    # then by decreasing probabilities); other shapes must too, or one BatchSolution
    # field means different things depending on the shape.
    rng = np.random.default_rng(5)
    U = rng.integers(0, 3, size=(60, 2, *shape)).astype(float)
    compare_with_single(U, ordered=True)


def test_two_by_three_components_by_hand() -> None:
    # From test_enumeration: A = B = [[1, 0, 0], [0, 0, 0]] has the isolated (T, L) and the
    # segment {B} x conv(C, R).  Game 1 is the all-zero 2x3 game: every profile is an
    # equilibrium, extreme points the 6 pure profiles, one component.  Game 2: a PD with a
    # third column the column player never plays (-1 < 0 <= its other payoffs); a2
    # strictly dominates a1 for the row player (5 > 3, 1 > 0, 2 > 0), so the only
    # equilibrium is (a2, a2).  No mixed strategy has two best responses: nondegenerate.
    A = np.array([[[1, 0, 0], [0, 0, 0]], np.zeros((2, 3)), [[3, 0, 0], [5, 1, 2]]])
    B = np.array([[[1, 0, 0], [0, 0, 0]], np.zeros((2, 3)), [[3, 5, -1], [0, 1, -1]]])
    sol = GameBatch.from_arrays(A, B).solve()
    assert sol.count.tolist() == [3, 6, 1]
    assert sol.continuum.tolist() == [True, True, False]
    assert sol.degenerate.tolist() == [True, True, False]
    prof0 = batch_profiles(sol, 0)
    assert partition(prof0, sol.component[0, :3].tolist()) == {
        frozenset({(1.0, 0.0, 1.0, 0.0, 0.0)}),
        frozenset({(0.0, 1.0, 0.0, 1.0, 0.0), (0.0, 1.0, 0.0, 0.0, 1.0)}),
    }
    assert set(sol.component[1].tolist()) == {0}
    assert sol.component[2].tolist() == [0, -1, -1, -1, -1, -1]
    assert same_as_sets(batch_profiles(sol, 2), [np.array([0.0, 1.0, 0.0, 1.0, 0.0])])


# ---------------------------------------------------------------- payoffs and padding


@pytest.mark.parametrize("shape", [(2, 2), (3, 3)])
def test_payoffs_and_padding(shape: tuple[int, int]) -> None:
    rng = np.random.default_rng(3)
    U = rng.integers(-2, 3, size=(200, 2, *shape)).astype(float)
    sol = GameBatch(U).solve()
    K = sol.max_equilibria
    assert sol.payoffs.shape == (200, K, 2)
    assert sol.component.shape == (200, K)
    for g in range(200):
        k = int(sol.count[g])
        for e in range(k):
            x, y = sol.strategies[0][g, e], sol.strategies[1][g, e]
            assert np.isclose(x.sum(), 1) and np.isclose(y.sum(), 1)
            assert sol.payoffs[g, e] == pytest.approx([x @ U[g, 0] @ y, x @ U[g, 1] @ y])
        assert np.isnan(sol.strategies[0][g, k:]).all()
        assert np.isnan(sol.strategies[1][g, k:]).all()
        assert np.isnan(sol.payoffs[g, k:]).all()
        assert (sol.component[g, k:] == -1).all()
        assert (sol.component[g, :k] >= 0).all()
    # And the payoffs agree with the single-game equilibria (same order in 2x2).
    if shape == (2, 2):
        for g in range(20):
            res = nash_equilibria(NormalFormGame(U[g]))
            np.testing.assert_allclose(sol.payoffs[g, : len(res)], [eq.payoffs for eq in res])


# -------------------------------------------------------------------------- method=pure


def brute_force_pure(U: np.ndarray) -> list[tuple[int, ...]]:
    """Pure equilibria of one game, in lexicographic profile order."""
    n = U.shape[0]
    shape = U.shape[1:]
    out = []
    for prof in itertools.product(*(range(s) for s in shape)):
        ok = True
        for i in range(n):
            for dev in range(shape[i]):
                alt = list(prof)
                alt[i] = dev
                if U[(i, *alt)] > U[(i, *prof)]:
                    ok = False
        if ok:
            out.append(prof)
    return out


@pytest.mark.parametrize("shape", [(2, 2), (3, 4), (2, 2, 2), (2, 3, 2)])
def test_pure_method_matches_brute_force(shape: tuple[int, ...]) -> None:
    rng = np.random.default_rng(len(shape) * 10 + shape[1])
    U = rng.integers(0, 3, size=(150, len(shape), *shape)).astype(float)
    sol = GameBatch(U).solve(method="pure")
    assert sol.method == "pure"
    assert sol.degenerate is None and sol.continuum is None
    assert not sol.complete.any()
    for g in range(150):
        want = brute_force_pure(U[g])
        k = int(sol.count[g])
        assert k == len(want)
        got = [tuple(int(np.argmax(s[g, e])) for s in sol.strategies) for e in range(k)]
        assert got == want
        for s in sol.strategies:
            assert np.isin(s[g, :k], [0.0, 1.0]).all()
            assert np.isnan(s[g, k:]).all()
        assert sol.component[g, :k].tolist() == list(range(k))
        assert (sol.component[g, k:] == -1).all()


def test_pure_method_agrees_with_pure_members_of_full_solution() -> None:
    rng = np.random.default_rng(8)
    U = rng.integers(0, 3, size=(300, 2, 3, 3)).astype(float)
    pure = GameBatch(U).solve(method="pure")
    full = GameBatch(U).solve()
    for g in range(300):
        got = batch_profiles(pure, g)
        all_eq = batch_profiles(full, g)
        want = [p for p in all_eq if np.isin(p, [0.0, 1.0]).all()]
        assert same_as_sets(got, want)


# -------------------------------------------------------------------------- chunking


def _assert_same_solution_per_game(whole: BatchSolution, parts: list[BatchSolution]) -> None:
    g = 0
    for part in parts:
        for h in range(len(part)):
            k = int(part.count[h])
            assert int(whole.count[g]) == k
            assert same_in_order(batch_profiles(whole, g), batch_profiles(part, h), tol=0)
            assert bool(whole.degenerate[g]) == bool(part.degenerate[h])
            assert bool(whole.continuum[g]) == bool(part.continuum[h])
            assert whole.component[g, :k].tolist() == part.component[h, :k].tolist()
            g += 1
    assert g == len(whole)


def test_batch_larger_than_one_chunk_equals_its_halves() -> None:
    from crisisgames.games.batch import _CHUNK_ELEMENTS

    m = n = 6
    per_game = max(math.comb(m, k) * math.comb(n, k) * k * k for k in range(1, 7))
    G = _CHUNK_ELEMENTS // per_game + 9  # one chunk plus a few games
    rng = np.random.default_rng(2)
    U = rng.integers(0, 3, size=(G, 2, m, n)).astype(float)
    whole = GameBatch(U).solve()
    half = G // 2
    parts = [GameBatch(U[:half]).solve(), GameBatch(U[half:]).solve()]
    _assert_same_solution_per_game(whole, parts)


def test_many_small_chunks_equal_one_chunk(monkeypatch: pytest.MonkeyPatch) -> None:
    rng = np.random.default_rng(4)
    U = rng.integers(0, 3, size=(41, 2, 3, 4)).astype(float)
    one = GameBatch(U).solve()
    # 3x4: the largest level has C(3,2) C(4,2) 2^2 = 72 elements per game -> 2 games a chunk.
    monkeypatch.setattr("crisisgames.solvers.batch._CHUNK_ELEMENTS", 150)
    many = GameBatch(U).solve()
    _assert_same_solution_per_game(many, [one])
    parts = [GameBatch(U[:20]).solve(), GameBatch(U[20:]).solve()]
    _assert_same_solution_per_game(many, parts)


@given(
    st.integers(1, 8).flatmap(
        lambda K: st.lists(
            st.tuples(
                st.integers(0, K),  # the game's number of equilibria
                st.lists(st.tuples(st.integers(0, 3), st.integers(0, 3)), min_size=K, max_size=K),
            ),
            min_size=1,
            max_size=12,
        )
    )
)
def test_batched_components_are_the_single_game_components(games):
    # Random bipartite structures: equilibria as (row vertex, column vertex) pairs drawn
    # from few ids, so that many share a strategy; padding is -1 as the solver pads.
    from crisisgames.solvers.batch import _batch_components
    from crisisgames.solvers.enumeration import _components

    count = np.array([k for k, _ in games])
    vertex = np.array([pairs for _, pairs in games], dtype=np.int64)
    vertex[np.arange(vertex.shape[1])[None, :] >= count[:, None]] = -1
    got = _batch_components(count, vertex)
    for g, k in enumerate(count):
        assert got[g, :k].tolist() == _components(vertex[g, :k])
        assert (got[g, k:] == -1).all()
