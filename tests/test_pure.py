"""Tests of crisisgames.solvers.pure: pure equilibria, expected payoffs, best responses, regret."""

from __future__ import annotations

import itertools
import math
from typing import Any

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from textbook import chicken, prisoners_dilemma

from crisisgames.errors import (
    CrisisGamesError,
    InvalidStrategyError,
    ShapeError,
    UnknownLabelError,
)
from crisisgames.games.normal_form import NormalFormGame
from crisisgames.solvers.pure import (
    _expected_payoffs,
    _pure_nash_mask,
    _pure_nash_mask_batch,
    best_responses,
    expected_payoffs,
    is_nash,
    pure_nash_equilibria,
    regret,
)

# ----------------------------------------------------------------------------- games


def matching_pennies() -> NormalFormGame:
    return NormalFormGame.from_arrays(
        [[1, -1], [-1, 1]],
        [[-1, 1], [1, -1]],
        players=["Even", "Odd"],
        actions=[["H", "T"], ["H", "T"]],
    )


def volunteers_dilemma() -> NormalFormGame:
    # Three players; if at least one volunteers (V) everyone gets 2, and each volunteer
    # pays 1.  Nobody volunteering gives everyone 0.
    players = ["A", "B", "C"]

    def payoff(profile: dict[str, str]) -> list[int]:
        someone = any(a == "V" for a in profile.values())
        return [(2 if someone else 0) - (profile[p] == "V") for p in players]

    return NormalFormGame.from_function(payoff, players, [["V", "I"]] * 3)


# ----------------------------------------------------------------------------- pure NE


def test_prisoners_dilemma_unique_equilibrium() -> None:
    # D is strictly better than C against both C (5 > 3) and D (1 > 0), for both players.
    assert pure_nash_equilibria(prisoners_dilemma()) == [{"Row": "D", "Col": "D"}]


def test_chicken_two_equilibria_in_lexicographic_order() -> None:
    # (blockade, maintain): US 2 vs air strike 1; USSR 4 vs withdraw 3 -> NE.
    # (air strike, withdraw): US 4 vs blockade 3; USSR 2 vs maintain 1 -> NE.
    # (blockade, withdraw): USSR gains 4 > 3 by maintaining; (air strike, maintain): US gains
    # 2 > 1 by blockading.  Index order: (0, 1) before (1, 0).
    assert pure_nash_equilibria(chicken()) == [
        {"US": "blockade", "USSR": "maintain"},
        {"US": "air strike", "USSR": "withdraw"},
    ]


def test_matching_pennies_has_no_pure_equilibrium() -> None:
    # In every cell one of the two players gains 2 by switching.
    assert pure_nash_equilibria(matching_pennies()) == []


def test_three_player_volunteers_dilemma() -> None:
    # Exactly one volunteer: the volunteer gets 1 and would get 0 by ignoring (nobody
    # left); each ignorer gets 2 and would get 1 by volunteering -> NE.
    # No volunteer: anyone gains 1 - 0 by volunteering.  Two or three volunteers: a
    # volunteer gains 2 - 1 by ignoring.  Actions (V, I) = indices (0, 1), so the
    # lexicographic order is (0,1,1), (1,0,1), (1,1,0).
    assert pure_nash_equilibria(volunteers_dilemma()) == [
        {"A": "V", "B": "I", "C": "I"},
        {"A": "I", "B": "V", "C": "I"},
        {"A": "I", "B": "I", "C": "V"},
    ]


def test_tolerance_admits_near_equilibria() -> None:
    # Row's (a1) earns 1 vs 1.5 for a2; with tol 0.5 the gap counts as no gain.
    g = NormalFormGame.from_arrays([[1.0], [1.5]], [[0.0], [0.0]])
    assert pure_nash_equilibria(g) == [{"P1": "a2", "P2": "a1"}]
    assert pure_nash_equilibria(g, tol=0.5) == [{"P1": "a1", "P2": "a1"}, {"P1": "a2", "P2": "a1"}]


def test_one_player_game() -> None:
    # A single player picks any maximizer.
    g = NormalFormGame.from_arrays([2, 5, 5])
    assert pure_nash_equilibria(g) == [{"P1": "a2"}, {"P1": "a3"}]


def test_negative_tolerance_rejected() -> None:
    with pytest.raises(ValueError, match="tol"):
        pure_nash_equilibria(chicken(), tol=-1.0)


def test_batch_mask_shape_checked() -> None:
    with pytest.raises(ShapeError):
        _pure_nash_mask_batch(np.zeros((3, 2, 2)))


# ----------------------------------------------------------------------------- payoffs


def test_expected_payoffs_chicken_uniform() -> None:
    # Uniform mixing: each cell has weight 1/4, so US gets (3+2+4+1)/4 = 2.5 and USSR
    # (3+4+2+1)/4 = 2.5.
    out = expected_payoffs(
        chicken(), {"US": [0.5, 0.5], "USSR": {"withdraw": 0.5, "maintain": 0.5}}
    )
    assert out == pytest.approx({"US": 2.5, "USSR": 2.5})


def test_expected_payoffs_mixed_against_pure() -> None:
    # US blockades with 1/4: against maintain, US gets 1/4*2 + 3/4*1 = 1.25 and USSR
    # 1/4*4 + 3/4*1 = 1.75.
    out = expected_payoffs(chicken(), [{"blockade": 0.25, "air strike": 0.75}, "maintain"])
    assert out == pytest.approx({"US": 1.25, "USSR": 1.75})


def test_expected_payoffs_pure_profile_matches_payoff() -> None:
    g = volunteers_dilemma()
    for profile in itertools.product(*g.actions):
        assert expected_payoffs(g, list(profile)) == g.payoff(list(profile))


def test_volunteers_dilemma_symmetric_mixed_equilibrium() -> None:
    # Each ignores with probability q.  Volunteering pays 1; ignoring pays 2 * (1 - q^2)
    # (someone else volunteers).  Indifference: q^2 = 1/2, q = 1/sqrt(2); payoff 1 each.
    q = 1 / math.sqrt(2)
    profile = {p: {"V": 1 - q, "I": q} for p in "ABC"}
    g = volunteers_dilemma()
    assert expected_payoffs(g, profile) == pytest.approx({"A": 1.0, "B": 1.0, "C": 1.0})
    assert is_nash(g, profile)
    assert regret(g, profile) == pytest.approx({"A": 0.0, "B": 0.0, "C": 0.0}, abs=1e-12)


# ----------------------------------------------------------------------------- best responses


def test_best_responses_chicken() -> None:
    g = chicken()
    # Against maintain: blockade 2 > air strike 1.  Against withdraw: air strike 4 > 3.
    assert best_responses(g, "US", {"USSR": "maintain"}) == ("blockade",)
    assert best_responses(g, "US", {"USSR": "withdraw"}) == ("air strike",)
    # Against 50/50: blockade 2.5 = air strike 2.5, both best.
    assert best_responses(g, "US", {"USSR": [0.5, 0.5]}) == ("blockade", "air strike")
    # USSR against blockade: maintain 4 > withdraw 3; own entry given and ignored.
    assert best_responses(g, "USSR", ["blockade", "withdraw"]) == ("maintain",)
    # Own entry None in a sequence; player by index.
    assert best_responses(g, 1, ["air strike", None]) == ("withdraw",)


def test_best_responses_three_players() -> None:
    # A against B = I, C = I: V gives 1, I gives 0 (nobody volunteers) -> V.
    # A against B = V, C = I: V gives 1, I gives 2 -> I.
    g = volunteers_dilemma()
    assert best_responses(g, "A", {"B": "I", "C": "I"}) == ("V",)
    assert best_responses(g, "A", {"B": "V", "C": "I"}) == ("I",)


# ----------------------------------------------------------------------------- regret


def test_regret_prisoners_dilemma() -> None:
    g = prisoners_dilemma()
    # At (C, C) each gets 3 and could get 5 by defecting: regret 2.
    assert regret(g, ["C", "C"]) == {"Row": 2.0, "Col": 2.0}
    # At (D, D) defecting is already best: regret 0.
    assert regret(g, ["D", "D"]) == {"Row": 0.0, "Col": 0.0}
    assert is_nash(g, ["D", "D"]) and not is_nash(g, ["C", "D"])


def test_regret_matching_pennies() -> None:
    g = matching_pennies()
    # (H, H): Even matches and gets 1 (best); Odd gets -1 and 1 by switching: regret 2.
    assert regret(g, ["H", "H"]) == {"Even": 0.0, "Odd": 2.0}
    # Uniform: every action gives 0 to both, regret 0.
    assert regret(g, [[0.5, 0.5], [0.5, 0.5]]) == {"Even": 0.0, "Odd": 0.0}
    assert is_nash(g, [[0.5, 0.5], [0.5, 0.5]])
    # Even at (0.6, 0.4) vs Odd uniform: Even is indifferent (regret 0), Odd's H pays
    # -0.6 + 0.4 = -0.2 and T pays 0.2; Odd mixes to 0, so regret 0.2.
    assert regret(g, [[0.6, 0.4], [0.5, 0.5]]) == pytest.approx({"Even": 0.0, "Odd": 0.2})
    assert not is_nash(g, [[0.6, 0.4], [0.5, 0.5]])
    assert is_nash(g, [[0.6, 0.4], [0.5, 0.5]], tol=0.25)


def test_chicken_mixed_equilibrium() -> None:
    # US mixes p on blockade to make USSR indifferent: withdraw 3p + 2(1-p) = p + 2,
    # maintain 4p + (1-p) = 3p + 1, so p = 1/2; by symmetry USSR withdraws with 1/2.
    assert is_nash(chicken(), [[0.5, 0.5], [0.5, 0.5]])
    assert not is_nash(chicken(), [[0.6, 0.4], [0.5, 0.5]])


# ----------------------------------------------------------------------------- bad input


@pytest.mark.parametrize(
    ("profile", "error"),
    [
        ({"US": [0.5, 0.4], "USSR": [0.5, 0.5]}, InvalidStrategyError),  # sums to 0.9
        ({"US": [1.2, -0.2], "USSR": [0.5, 0.5]}, InvalidStrategyError),  # negative
        ({"US": [1.0, 0.0, 0.0], "USSR": [0.5, 0.5]}, InvalidStrategyError),  # too long
        ({"US": ["x", "y"], "USSR": [0.5, 0.5]}, InvalidStrategyError),  # not numeric
        ({"US": [math.nan, 1.0], "USSR": [0.5, 0.5]}, InvalidStrategyError),  # NaN
        ({"US": {"nuke": 1.0}, "USSR": [0.5, 0.5]}, UnknownLabelError),  # unknown action
        ({"US": "nuke", "USSR": "withdraw"}, UnknownLabelError),  # unknown action label
        ({"US": "blockade", "UK": "withdraw"}, UnknownLabelError),  # unknown player
        ({"US": "blockade"}, UnknownLabelError),  # missing player
        ({"US": "blockade", 0: "blockade", "USSR": "withdraw"}, InvalidStrategyError),  # twice
        (["blockade"], ShapeError),  # too few strategies
        (["blockade", None], InvalidStrategyError),  # None only allowed for own entry
        ("blockade", InvalidStrategyError),  # not a profile
    ],
)
def test_bad_profiles_rejected(profile: Any, error: type[Exception]) -> None:
    g = chicken()
    for func in (expected_payoffs, regret, is_nash):
        with pytest.raises(error):
            func(g, profile)
    assert issubclass(error, CrisisGamesError)


def test_best_responses_bad_input() -> None:
    g = chicken()
    with pytest.raises(UnknownLabelError):
        best_responses(g, "UK", {"USSR": "withdraw"})
    with pytest.raises(UnknownLabelError):  # the opponent is required
        best_responses(g, "US", {})
    with pytest.raises(InvalidStrategyError):  # own entry is validated when given
        best_responses(g, "US", {"US": [0.9, 0.0], "USSR": "withdraw"})
    with pytest.raises(ValueError, match="tol"):
        best_responses(g, "US", {"USSR": "withdraw"}, tol=math.inf)


def test_errors_are_builtin_subclasses() -> None:
    # Callers catching ValueError / KeyError keep working.
    with pytest.raises(ValueError):
        expected_payoffs(chicken(), [[0.5, 0.4], [0.5, 0.5]])
    with pytest.raises(KeyError):
        expected_payoffs(chicken(), {"UK": "x"})


# ----------------------------------------------------------------------------- properties


@st.composite
def small_games(draw: st.DrawFn, max_players: int = 3) -> np.ndarray:
    """Integer payoff arrays (N, n_1..n_N) with 1-3 players and 1-3 actions each."""
    n = draw(st.integers(1, max_players))
    shape = tuple(draw(st.integers(1, 3)) for _ in range(n))
    size = n * math.prod(shape)
    values = draw(st.lists(st.integers(-3, 3), min_size=size, max_size=size))
    return np.array(values, dtype=float).reshape(n, *shape)


def loop_mask(U: np.ndarray) -> np.ndarray:
    """Reference: check every profile and every deviation one by one."""
    shape = U.shape[1:]
    out = np.zeros(shape, dtype=bool)
    for profile in itertools.product(*(range(k) for k in shape)):
        stable = True
        for i in range(U.shape[0]):
            for k in range(shape[i]):
                deviation = list(profile)
                deviation[i] = k
                if U[(i, *deviation)] > U[(i, *profile)]:
                    stable = False
        out[profile] = stable
    return out


def random_profile(shape: tuple[int, ...], seed: int) -> list[np.ndarray]:
    rng = np.random.default_rng(seed)
    return [rng.dirichlet(np.ones(k)) for k in shape]


@given(small_games())
def test_mask_matches_loop(U: np.ndarray) -> None:
    np.testing.assert_array_equal(_pure_nash_mask(U), loop_mask(U))


@given(st.lists(small_games(max_players=2), min_size=1, max_size=4), st.integers(1, 3))
def test_batch_mask_matches_single(games: list[np.ndarray], k: int) -> None:
    # Give every game of the batch the first game's shape by cycling through its values.
    shape = games[0].shape
    batch = np.stack([np.resize(U, shape) * k for U in games])
    expected = np.stack([_pure_nash_mask(U) for U in batch])
    np.testing.assert_array_equal(_pure_nash_mask_batch(batch), expected)


@given(small_games())
def test_pure_equilibria_have_zero_regret(U: np.ndarray) -> None:
    g = NormalFormGame(U)
    for profile in pure_nash_equilibria(g):
        assert all(r == 0.0 for r in regret(g, profile).values())
        assert is_nash(g, profile)
        # Each player's own action is among its best responses.
        for p, a in profile.items():
            assert a in best_responses(g, p, profile)


@given(small_games())
def test_pure_profiles_nash_iff_zero_regret(U: np.ndarray) -> None:
    g = NormalFormGame(U)
    equilibria = pure_nash_equilibria(g)
    for idx in itertools.product(*(range(k) for k in g.shape)):
        profile = [g.actions[i][k] for i, k in enumerate(idx)]
        is_eq = dict(zip(g.players, profile, strict=True)) in equilibria
        assert is_nash(g, profile) == is_eq


@settings(max_examples=50)
@given(small_games(), st.integers(0, 2**32 - 1))
def test_expected_payoffs_match_sum_over_profiles(U: np.ndarray, seed: int) -> None:
    strategies = random_profile(U.shape[1:], seed)
    expected = np.zeros(U.shape[0])
    for idx in itertools.product(*(range(k) for k in U.shape[1:])):
        weight = math.prod(s[k] for s, k in zip(strategies, idx, strict=True))
        expected += weight * np.array([U[(i, *idx)] for i in range(U.shape[0])])
    np.testing.assert_allclose(_expected_payoffs(U, strategies), expected, atol=1e-12)
    g = NormalFormGame(U)
    out = expected_payoffs(g, strategies)
    np.testing.assert_allclose([out[p] for p in g.players], expected, atol=1e-12)


@settings(max_examples=50)
@given(small_games(), st.integers(0, 2**32 - 1))
def test_regret_is_best_response_gain(U: np.ndarray, seed: int) -> None:
    # Regret = (payoff of a best response) - (current payoff), and >= 0.
    g = NormalFormGame(U)
    strategies = random_profile(g.shape, seed)
    values = expected_payoffs(g, strategies)
    regrets = regret(g, strategies)
    for i, p in enumerate(g.players):
        assert regrets[p] >= 0.0
        best = best_responses(g, p, strategies)[0]
        switched: list[Any] = list(strategies)
        switched[i] = best
        assert expected_payoffs(g, switched)[p] - values[p] == pytest.approx(regrets[p], abs=1e-9)
