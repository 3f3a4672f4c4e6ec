"""Tests of the three-player mixed-equilibrium solver (``crisisgames.solvers.n_player``).

Expected equilibria are derived by hand in the comments.  Notation for 2x2x2 games: ``p``,
``q``, ``r`` are the probabilities that players 0, 1, 2 play their *second* action, and
``Di`` is player ``i``'s gain from its second action over its first; the games below give
each player payoff 0 for its first action, so ``Di`` is just its payoff for the second.
"""

from __future__ import annotations

import itertools
import json
import math
from collections.abc import Callable
from fractions import Fraction
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from crisisgames.errors import ShapeError, UnsupportedGameError
from crisisgames.solvers.n_player import NPlayerSolution, _n_player_equilibria, _regret

ORACLE = Path(__file__).parent / "fixtures" / "nplayer_oracle.json"


# ---------------------------------------------------------------------------- helpers
def _from_gains(
    d0: Callable[[int, int], float],
    d1: Callable[[int, int], float],
    d2: Callable[[int, int], float],
) -> np.ndarray:
    """2x2x2 game: payoff 0 for a first action, ``d_i(others)`` for a second action."""
    U = np.zeros((3, 2, 2, 2))
    for a0, a1, a2 in itertools.product((0, 1), repeat=3):
        U[0, a0, a1, a2] = d0(a1, a2) if a0 else 0.0
        U[1, a0, a1, a2] = d1(a0, a2) if a1 else 0.0
        U[2, a0, a1, a2] = d2(a0, a1) if a2 else 0.0
    return U


def _two(p: float) -> list[float]:
    return [1.0 - p, p]


def _as_sorted(profiles) -> list[np.ndarray]:
    """Profiles as flat vectors in a canonical order, for set comparison."""
    flat = [np.concatenate([np.asarray(s, dtype=float) for s in prof]) for prof in profiles]
    return sorted(flat, key=lambda v: tuple(np.round(v, 6)))


def _same_set(got, expected, atol: float = 1e-6) -> bool:
    """Whether the two lists hold the same profiles (a bijection within ``atol``)."""
    a, b = _as_sorted(got), _as_sorted(expected)
    if len(a) != len(b):
        return False
    unused = list(range(len(b)))
    for x in a:
        match = next((j for j in unused if np.allclose(x, b[j], atol=atol, rtol=0)), None)
        if match is None:
            return False
        unused.remove(match)
    return True


def _permute(U: np.ndarray, order: tuple[int, ...]) -> np.ndarray:
    """The game with players reordered: new player ``k`` is old player ``order[k]``."""
    return np.transpose(U[list(order)], (0, *(k + 1 for k in order)))


def _check_regret(U: np.ndarray, sol: NPlayerSolution, bound: float = 1e-7) -> None:
    for prof in sol.profiles:
        assert _regret(U, prof).max() < bound, prof
        for s in prof:
            assert s.dtype == np.float64 and np.all(s >= 0) and math.isclose(s.sum(), 1.0)


# ---------------------------------------------------------------------------- regret
def test_regret_hand_values() -> None:
    # Matching pennies for player 0 (+1 on match), player 1 gets the negative.
    A = np.array([[1.0, -1.0], [-1.0, 1.0]])
    U = np.stack([A, -A])
    # Both on action 0: player 0 matches (regret 0); player 1 would gain 2 by switching.
    assert _regret(U, (np.array([1.0, 0.0]), np.array([1.0, 0.0]))).tolist() == [0.0, 2.0]
    # Player 0 mixes (3/4, 1/4) against player 1's action 0: payoff 3/4 - 1/4 = 1/2, best 1.
    r = _regret(U, (np.array([0.75, 0.25]), np.array([1.0, 0.0])))
    # Player 1 gets -(3/4 - 1/4) = -1/2; its action 1 would get -(-3/4 + 1/4) = 1/2.
    assert np.allclose(r, [0.5, 1.0])


# ---------------------------------------------------------------------------- 2x2x2
def test_cyclic_game_has_unique_fully_mixed_equilibrium() -> None:
    # Player 0 wants to match player 1 (1 if both play action 0, 2 if both play action 1),
    # player 1 wants to match player 2 (3 on (0, 0), 1 on (1, 1)), player 2 wants to
    # mismatch player 0 (1 if (a2, a0) = (0, 1), 4 if (1, 0)).
    # Indifferences: player 0: 1 - q = 2q -> q = 1/3; player 1: 3(1 - r) = r -> r = 3/4;
    # player 2: p = 4(1 - p) -> p = 4/5.  If anyone is pure, the next player round the
    # cycle has a strict best response, and so on back to the first: no other equilibrium.
    U = np.zeros((3, 2, 2, 2))
    for a0, a1, a2 in itertools.product((0, 1), repeat=3):
        U[0, a0, a1, a2] = {(0, 0): 1, (1, 1): 2}.get((a0, a1), 0)
        U[1, a0, a1, a2] = {(0, 0): 3, (1, 1): 1}.get((a1, a2), 0)
        U[2, a0, a1, a2] = {(0, 1): 1, (1, 0): 4}.get((a2, a0), 0)
    sol = _n_player_equilibria(U)
    assert sol.complete and sol.notes == ()
    assert _same_set(sol.profiles, [(_two(4 / 5), _two(1 / 3), _two(3 / 4))])
    _check_regret(U, sol)


# D0 = 2q + 2r - 3, D1 = 2p - 2r + 1, D2 = 5pq - 1: no gain is ever zero at a pure profile.
IRRATIONAL = _from_gains(
    lambda q, r: 2 * q + 2 * r - 3,
    lambda p, r: 2 * p - 2 * r + 1,
    lambda p, q: 5 * p * q - 1,
)
# The gains are multilinear, so under mixing D0 = 2q + 2r - 3, D1 = 2p - 2r + 1, D2 = 5pq - 1.
# All mix: q + r = 3/2, r = p + 1/2, so q = 1 - p and 5p(1 - p) = 1, i.e.
# p^2 - p + 1/5 = 0, p = (1 -+ 1/sqrt(5)) / 2.  Only the minus root keeps r = p + 1/2 < 1:
# p* = (1 - 1/sqrt 5)/2 ~ 0.2764, q* = (1 + 1/sqrt 5)/2, r* = 1 - 1/(2 sqrt 5) ~ 0.7764.
# Pure: (0,1,0): D0 = -1, D1 = 1, D2 = -1, all consistent; (1,1,1): D0 = 1, D1 = 1, D2 = 4.
#   The other six pure profiles each have a player with a strict gain from switching.
# One pure player: two mixing players need two indifferences.
#   r pure: q + r = 3/2 needs r = 1, q = 1/2; r = p + 1/2 gives p = 1/2; D2 = 5/4 - 1 > 0
#     so r = 1 is a best response: (1/2, 1/2, 1).
#   q pure: q + r = 3/2 needs q = 1, r = 1/2; 5pq = 1 gives p = 1/5; D1 = 2/5 > 0 so q = 1
#     is a best response: (1/5, 1, 1/2).
#   p pure: 5pq = 1 is impossible with p = 0; with p = 1, r = p + 1/2 > 1.
# Two pure players: the third's indifference (2q + 2r = 3, r = p + 1/2, 5pq = 1) has no
# solution in pure strategies.  Five equilibria (odd, as for generic games).
P_STAR = (1 - 1 / math.sqrt(5)) / 2
IRRATIONAL_EQUILIBRIA = [
    (_two(0), _two(1), _two(0)),
    (_two(1), _two(1), _two(1)),
    (_two(1 / 2), _two(1 / 2), _two(1)),
    (_two(1 / 5), _two(1), _two(1 / 2)),
    (_two(P_STAR), _two(1 - P_STAR), _two(P_STAR + 1 / 2)),
]


def test_irrational_equilibria() -> None:
    sol = _n_player_equilibria(IRRATIONAL)
    assert sol.complete
    assert _same_set(sol.profiles, IRRATIONAL_EQUILIBRIA, atol=1e-9)
    _check_regret(IRRATIONAL, sol)
    assert math.isclose(P_STAR + 0.5, 1 - 1 / (2 * math.sqrt(5)))


@pytest.mark.parametrize("order", list(itertools.permutations(range(3))))
def test_result_does_not_depend_on_player_order(order: tuple[int, ...]) -> None:
    # Relabelling players permutes the equilibria; the solver picks a different player as
    # the one whose mixing is the parameter t, so this checks the method, not just labels.
    sol = _n_player_equilibria(_permute(IRRATIONAL, order))
    expected = [tuple(prof[k] for k in order) for prof in IRRATIONAL_EQUILIBRIA]
    assert sol.complete and _same_set(sol.profiles, expected, atol=1e-9)


def test_double_root_is_found() -> None:
    # D0 = 2q + 2r - 3, D1 = 4p - 4r + 1, D2 = 64pq - 25 (no gain zero at a pure profile).
    # All mix: r = p + 1/4, q = 3/2 - r = 5/4 - p, and 64 p (5/4 - p) = 25, i.e.
    # 64p^2 - 80p + 25 = (8p - 5)^2 = 0: a double root p = 5/8, so (5/8, 5/8, 7/8), a
    # degenerate (tangent) but isolated equilibrium that root finding must not lose.
    # Pure: (0,1,0) (D0 = -1, D1 = 1, D2 = -25) and (1,1,1) (D0 = 1, D1 = 1, D2 = 39); the
    #   other six each have a strict gain from switching.
    # r pure: 2q + 2r = 3 needs r = 1, q = 1/2, and r = p + 1/4 gives p = 3/4; but then
    #   D2 = 64 (3/4)(1/2) - 25 = -1 < 0 wants r = 0.  None.
    # q pure: q = 1, r = 1/2, 64p = 25 -> p = 25/64; D1 = 100/64 - 2 + 1 > 0 so q = 1 fits.
    # p pure: 64pq = 25 fails for p = 0; r = p + 1/4 > 1 for p = 1.  Two pure players: the
    #   third's indifference has no pure solution.  Four equilibria (even: the tangent one
    #   has index 0, which a generic game cannot have).
    U = _from_gains(
        lambda q, r: 2 * q + 2 * r - 3,
        lambda p, r: 4 * p - 4 * r + 1,
        lambda p, q: 64 * p * q - 25,
    )
    expected = [
        (_two(0), _two(1), _two(0)),
        (_two(1), _two(1), _two(1)),
        (_two(25 / 64), _two(1), _two(1 / 2)),
        (_two(5 / 8), _two(5 / 8), _two(7 / 8)),
    ]
    for order in itertools.permutations(range(3)):
        sol = _n_player_equilibria(_permute(U, order))
        assert sol.complete
        assert _same_set(sol.profiles, [tuple(e[k] for k in order) for e in expected], 1e-9)


def test_game_with_only_a_pure_equilibrium() -> None:
    # D0 = 1 + q + r > 0: player 0's second action is strictly dominant, so p = 1.
    # Then D1 = 4p - 2 + r = 2 + r > 0: q = 1.  Then D2 = 2p + 2q - 3 = 1 > 0: r = 1.
    # Iterated strict dominance leaves the single profile (1, 1, 1).
    U = _from_gains(
        lambda q, r: 1 + q + r,
        lambda p, r: 4 * p - 2 + r,
        lambda p, q: 2 * p + 2 * q - 3,
    )
    sol = _n_player_equilibria(U)
    assert sol.complete
    assert _same_set(sol.profiles, [(_two(1), _two(1), _two(1))])


# ---------------------------------------------------------------------------- 3x3x2
def test_3x3x2_with_dominant_third_player_reduces_to_a_bimatrix_game() -> None:
    # Player 2 gets 1 for its second action, 0 for its first: strictly dominant, so t = 1.
    # Given that, players 0 and 1 play the coordination game A = B = diag(1, 2, 3).
    # For a support S used by both, indifference needs a_j y_j equal on S:
    # y_j proportional to 1/a_j; unused actions then earn 0 < the common value.
    #   {1}: e1, {2}: e2, {3}: e3;  {1,2}: (2/3, 1/3, 0);  {1,3}: (3/4, 0, 1/4);
    #   {2,3}: (0, 3/5, 2/5);  {1,2,3}: (6, 3, 2)/11.
    # Supports must agree (a column outside the row support earns 0), so these 7 are all.
    # Payoffs when player 2 plays its first action are irrelevant (and arbitrary here).
    U = np.zeros((3, 3, 3, 2))
    U[0, :, :, 0] = [[0, 3, 1], [2, 0, 1], [1, 1, 0]]
    U[1, :, :, 0] = [[2, 2, 0], [0, 1, 3], [1, 0, 2]]
    U[0, :, :, 1] = U[1, :, :, 1] = np.diag([1, 2, 3])
    U[2, :, :, 1] = 1
    mixes = [
        [1, 0, 0],
        [0, 1, 0],
        [0, 0, 1],
        [2 / 3, 1 / 3, 0],
        [3 / 4, 0, 1 / 4],
        [0, 3 / 5, 2 / 5],
        [6 / 11, 3 / 11, 2 / 11],
    ]
    sol = _n_player_equilibria(U)
    assert sol.complete
    assert _same_set(sol.profiles, [(m, m, [0.0, 1.0]) for m in mixes])
    _check_regret(U, sol)


# Player 0's payoff depends on (a0, a2), player 2's on (a0, a2), player 1's on (a0, a1).
M0 = np.array([[1, 0], [0, 2], [0, 0]])  # rows a0, columns a2
M1 = np.array([[2, 0, 1], [0, 1, 2], [0, 0, 0]])  # rows a0, columns a1
M2 = np.array([[0, 1], [1, 0], [0, 3]])  # rows a0, columns a2
THIRD_MIXES = np.zeros((3, 3, 3, 2))
for _a in np.ndindex(3, 3, 2):
    THIRD_MIXES[(0, *_a)] = M0[_a[0], _a[2]]
    THIRD_MIXES[(1, *_a)] = M1[_a[0], _a[1]]
    THIRD_MIXES[(2, *_a)] = M2[_a[0], _a[2]]


def test_3x3x2_where_the_third_player_mixes() -> None:
    # Player 0's third action earns (0, 0), strictly below the mix 1/2, 1/2 of its first
    # two, which earns (1/2, 1): never played.  On the first two, player 0 gets 1 - t or
    # 2t, and player 2 gains x0 - x1 from its second action.  If t < 1/3 player 0 plays its
    # first action, then player 2's second action is strictly better: t = 1, contradiction;
    # t > 1/3 fails likewise.  So t = 1/3 and player 2's indifference gives x = (1/2, 1/2, 0).
    # Player 1 then earns (1, 1/2, 3/2) from its actions: its third is the unique best.
    sol = _n_player_equilibria(THIRD_MIXES)
    assert sol.complete
    assert _same_set(sol.profiles, [([0.5, 0.5, 0], [0, 0, 1], [2 / 3, 1 / 3])])
    _check_regret(THIRD_MIXES, sol)


# ---------------------------------------------------------------------------- continua
@pytest.mark.parametrize("shape", [(2, 2, 2), (3, 3, 2), (2, 3, 2)])
def test_all_zero_game_is_reported_incomplete(shape: tuple[int, ...]) -> None:
    # Every profile is an equilibrium: never claim the list is complete.
    U = np.zeros((3, *shape))
    sol = _n_player_equilibria(U)
    assert not sol.complete
    assert sol.notes and all(isinstance(n, str) for n in sol.notes)
    assert any("continuum" in n for n in sol.notes)
    assert len(sol.profiles) >= 2  # sample/extreme points are still listed


def test_duplicated_action_gives_a_continuum() -> None:
    # The cyclic game above with player 0's second action copied: player 0 may split its
    # 4/5 between the two copies in any proportion.  Each returned profile must collapse
    # to the unique equilibrium of the original game.
    base = np.zeros((3, 2, 2, 2))
    for a0, a1, a2 in itertools.product((0, 1), repeat=3):
        base[0, a0, a1, a2] = {(0, 0): 1, (1, 1): 2}.get((a0, a1), 0)
        base[1, a0, a1, a2] = {(0, 0): 3, (1, 1): 1}.get((a1, a2), 0)
        base[2, a0, a1, a2] = {(0, 1): 1, (1, 0): 4}.get((a2, a0), 0)
    U = np.concatenate([base, base[:, 1:2]], axis=1)  # shape (3, 3, 2, 2)
    sol = _n_player_equilibria(U)
    assert not sol.complete
    assert len(sol.profiles) >= 2
    for x, y, z in sol.profiles:
        assert np.allclose([x[0], x[1] + x[2]], [1 / 5, 4 / 5])
        assert np.allclose(y, [2 / 3, 1 / 3]) and np.allclose(z, [1 / 4, 3 / 4])


def test_continuum_along_t_is_reported() -> None:
    # Player 2 is indifferent everywhere (payoff 0) and players 0 and 1 play matching
    # pennies whatever player 2 does: (1/2, 1/2), (1/2, 1/2), (1 - t, t) is an equilibrium
    # for every t in [0, 1], a curve through the interior.
    A = np.array([[1.0, -1.0], [-1.0, 1.0]])
    U = np.zeros((3, 2, 2, 2))
    U[0] = A[:, :, None]
    U[1] = -A[:, :, None]
    sol = _n_player_equilibria(U)
    assert not sol.complete
    assert any("in (0, 1)" in n for n in sol.notes)
    ts = sorted(prof[2][1] for prof in sol.profiles)
    assert ts[0] == 0.0 and ts[-1] == 1.0 and len(ts) >= 3
    for x, y, _ in sol.profiles:
        assert np.allclose(x, 0.5) and np.allclose(y, 0.5)


# ---------------------------------------------------------------------------- random games
@settings(max_examples=40, deadline=None)
@given(arrays(np.int64, (3, 2, 2, 2), elements=st.integers(-4, 4)))
def test_random_integer_2x2x2_profiles_are_equilibria(U: np.ndarray) -> None:
    # Small integer ranges make ties (degenerate games, continua) common.
    _check_regret(U.astype(float), _n_player_equilibria(U))


@settings(max_examples=15, deadline=None)
@given(arrays(np.int64, (3, 3, 3, 2), elements=st.integers(-3, 3)))
def test_random_integer_3x3x2_profiles_are_equilibria(U: np.ndarray) -> None:
    _check_regret(U.astype(float), _n_player_equilibria(U))


def test_generic_2x2x2_games_have_an_odd_number_of_equilibria() -> None:
    # Continuous random payoffs are generic with probability one; generic games have
    # finitely many equilibria, an odd number (Wilson 1971; Harsanyi 1973).
    rng = np.random.default_rng(20240601)
    counts = set()
    for _ in range(60):
        U = rng.normal(size=(3, 2, 2, 2))
        sol = _n_player_equilibria(U)
        assert sol.complete, sol.notes
        assert len(sol.profiles) % 2 == 1
        counts.add(len(sol.profiles))
        _check_regret(U, sol)
    assert {1, 3} <= counts  # the sample exercises multiple equilibria


def test_generic_3x3x2_games_have_an_odd_number_of_equilibria() -> None:
    rng = np.random.default_rng(7)
    for _ in range(8):
        U = rng.normal(size=(3, 3, 3, 2))
        sol = _n_player_equilibria(U)
        assert sol.complete and len(sol.profiles) % 2 == 1
        _check_regret(U, sol)


@pytest.mark.parametrize("shape", [(2, 2, 2), (3, 2, 2), (3, 3, 2)])
def test_random_integer_games_agree_across_player_orders(shape: tuple[int, ...]) -> None:
    # The completeness verdict and, when complete, the equilibria must not depend on which
    # player the method treats as the mixing parameter.
    rng = np.random.default_rng(sum(shape))
    for _ in range(12):
        U = rng.integers(-2, 3, size=(3, *shape)).astype(float)
        base = _n_player_equilibria(U)
        for order in [(1, 2, 0), (2, 0, 1)]:
            other = _n_player_equilibria(_permute(U, order))
            assert other.complete == base.complete
            if base.complete:
                back = [tuple(p[order.index(k)] for k in range(3)) for p in other.profiles]
                assert _same_set(back, base.profiles)


# ---------------------------------------------------------------------------- other shapes
def test_two_player_games() -> None:
    A = np.array([[1.0, -1.0], [-1.0, 1.0]])
    sol = _n_player_equilibria(np.stack([A, -A]))
    assert sol.complete and _same_set(sol.profiles, [([0.5, 0.5], [0.5, 0.5])])
    # Player 1 indifferent everywhere, player 0 strictly prefers its first action: player 1
    # may mix arbitrarily, a continuum (extreme points listed).
    sol = _n_player_equilibria(np.stack([np.array([[1.0, 1.0], [0.0, 0.0]]), np.zeros((2, 2))]))
    assert not sol.complete
    assert _same_set(sol.profiles, [([1, 0], [1, 0]), ([1, 0], [0, 1])])


def test_single_action_players_are_dropped() -> None:
    # A 2x1x2 game is matching pennies between players 0 and 2.
    A = np.array([[1.0, -1.0], [-1.0, 1.0]])
    U = np.zeros((3, 2, 1, 2))
    U[0, :, 0, :] = A
    U[2, :, 0, :] = -A
    U[1] = 5.0
    sol = _n_player_equilibria(U)
    assert sol.complete
    assert _same_set(sol.profiles, [([0.5, 0.5], [1.0], [0.5, 0.5])])


def test_unsupported_shapes_raise() -> None:
    with pytest.raises(UnsupportedGameError, match="two actions"):
        _n_player_equilibria(np.zeros((3, 3, 3, 3)))
    with pytest.raises(UnsupportedGameError, match="at most three"):
        _n_player_equilibria(np.zeros((4, 2, 2, 2, 2)))
    with pytest.raises(UnsupportedGameError, match="at most 5 actions"):
        _n_player_equilibria(np.zeros((3, 6, 2, 2)))
    with pytest.raises(ShapeError):
        _n_player_equilibria(np.zeros((3, 2, 2)))


def test_zero_tolerance_and_deterministic_order() -> None:
    first = _n_player_equilibria(IRRATIONAL, tol=0.0)
    again = _n_player_equilibria(IRRATIONAL)
    assert _same_set(first.profiles, IRRATIONAL_EQUILIBRIA, atol=1e-9)
    assert len(first.profiles) == len(again.profiles)
    for a, b in zip(first.profiles, again.profiles, strict=True):
        assert all(np.array_equal(u, v) for u, v in zip(a, b, strict=True))


# ---------------------------------------------------------------------------- oracle
def _number(v) -> float:
    return float(Fraction(v)) if isinstance(v, str) else float(v)


def _oracle_games() -> list[dict]:
    if not ORACLE.exists():
        return []
    data = json.loads(ORACLE.read_text())
    return data["games"] if isinstance(data, dict) else data


@pytest.mark.skipif(not ORACLE.exists(), reason="tests/fixtures/nplayer_oracle.json absent")
def test_against_gambit_enumpoly_oracle() -> None:
    # Gambit's enumpoly is not complete: on generic random games it sometimes returns an
    # even number of equilibria (impossible for a generic game), missing some that our
    # solver finds with regret ~1e-15 (checked on ~200 generic games with pygambit 16.7.0:
    # 0 equilibria missed by us, about 1 game in 7 where enumpoly missed one or two).  So:
    # every oracle equilibrium must be among ours (within 1e-6), and ours that the oracle
    # lacks must be verified equilibria, and then our count must be odd (generic game).
    problems = []
    for rec in _oracle_games():
        U = np.vectorize(_number, otypes=[float])(np.array(rec["payoffs"], dtype=object))
        theirs = [tuple(np.array([_number(v) for v in s]) for s in e) for e in rec["equilibria"]]
        sol = _n_player_equilibria(U)
        ours = [np.concatenate(p) for p in sol.profiles]
        if not sol.complete:  # a continuum: the oracle's points need not be our sample points
            continue
        for e in theirs:
            if not any(np.allclose(np.concatenate(e), o, atol=1e-6, rtol=0) for o in ours):
                problems.append(
                    f"{rec.get('id')}: missed {[s.tolist() for s in e]} "
                    f"(oracle regret {_regret(U, e).max():.2g})"
                )
        for pure in rec.get("pure_equilibria", []):
            prof = tuple(np.eye(n)[a] for n, a in zip(U.shape[1:], pure, strict=True))
            if not any(np.allclose(np.concatenate(prof), o, atol=1e-9) for o in ours):
                problems.append(f"{rec.get('id')}: missed pure equilibrium {pure}")
        extra = [
            p
            for p, o in zip(sol.profiles, ours, strict=True)
            if not any(np.allclose(np.concatenate(e), o, atol=1e-6, rtol=0) for e in theirs)
        ]
        if extra:
            regrets = [float(_regret(U, p).max()) for p in extra]
            if max(regrets) > 1e-9 * max(1.0, float(np.abs(U).max())):
                problems.append(f"{rec.get('id')}: extra profiles with regrets {regrets}")
            if rec.get("family") == "random" and len(sol.profiles) % 2 == 0:
                problems.append(
                    f"{rec.get('id')}: even count {len(sol.profiles)} in a generic game"
                )
    assert not problems, "\n".join(problems)
