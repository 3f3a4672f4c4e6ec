"""Tests of crisisgames.solvers.dominance: dominated actions and iterated elimination."""

from __future__ import annotations

import itertools
import math
from fractions import Fraction

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from textbook import chicken, prisoners_dilemma

from crisisgames.errors import UnknownLabelError
from crisisgames.games.normal_form import NormalFormGame
from crisisgames.solvers.dominance import (
    Elimination,
    EliminationResult,
    _action_matrix,
    _dominated,
    dominated_actions,
    iterated_elimination,
)
from crisisgames.solvers.pure import pure_nash_equilibria

# ----------------------------------------------------------------------------- games


def row_only(rows: list[list[float]], actions: list[str] | None = None) -> NormalFormGame:
    """A game where only the row player's payoffs matter (the column player gets 0)."""
    zeros = np.zeros(np.shape(rows)).tolist()
    cols = [f"c{k + 1}" for k in range(len(rows[0]))]
    acts = actions or [f"r{k + 1}" for k in range(len(rows))]
    return NormalFormGame.from_arrays(rows, zeros, players=["Row", "Col"], actions=[acts, cols])


def mixed_chain() -> NormalFormGame:
    # Row payoffs: T (3, 0), M (0, 3), B (1, 1) against L, R.
    # Col payoffs: T (2, 1), M (2, 1), B (0, 5) for L, R.
    return NormalFormGame.from_arrays(
        [[3, 0], [0, 3], [1, 1]],
        [[2, 1], [2, 1], [0, 5]],
        players=["Row", "Col"],
        actions=[["T", "M", "B"], ["L", "R"]],
    )


# ----------------------------------------------------------------------------- dominated_actions


def test_prisoners_dilemma_cooperation_strictly_dominated() -> None:
    # D beats C against C (5 > 3) and against D (1 > 0), for each player.
    g = prisoners_dilemma()
    assert dominated_actions(g, "Row") == ("C",)
    assert dominated_actions(g, "Col") == ("C",)
    assert dominated_actions(g, 1, strict=False, mixed=True) == ("C",)


def test_chicken_has_no_dominated_actions() -> None:
    # US: blockade (3, 2) vs air strike (4, 1): each is better against one USSR action.
    # USSR: withdraw (3, 2) vs maintain (4, 1) (by US action): likewise.
    g = chicken()
    for player in g.players:
        for strict, mixed in itertools.product([True, False], repeat=2):
            assert dominated_actions(g, player, strict=strict, mixed=mixed) == ()


def test_strict_domination_only_by_a_mix() -> None:
    # B (1, 1) is beaten by neither T (3, 0) nor M (0, 3), but 1/2 T + 1/2 M gives
    # (1.5, 1.5) > (1, 1).
    g = row_only([[3, 0], [0, 3], [1, 1]], ["T", "M", "B"])
    assert dominated_actions(g, "Row") == ()
    assert dominated_actions(g, "Row", mixed=True) == ("B",)
    assert dominated_actions(g, "Row", strict=False, mixed=True) == ("B",)


def test_mixed_dominator_weights_from_the_lp() -> None:
    # B (1, 1) vs p T + (1-p) M = (4p, 2 - 2p): strict iff 1/4 < p < 1/2.  The LP maximizes
    # the margin min(4p - 1, 1 - 2p), equal at p = 1/3 with margin 1/3.
    A = np.array([[4.0, 0.0], [0.0, 2.0], [1.0, 1.0]])
    weights = _dominated(A, strict=True, mixed=True, tol=1e-9)[2]
    np.testing.assert_allclose(weights, [1 / 3, 2 / 3, 0.0], atol=1e-9)
    result = iterated_elimination(row_only(A.tolist(), ["T", "M", "B"]))
    assert result.rounds[0] == (Elimination("Row", "B", "0.3333 T + 0.6667 M"),)


def test_weak_versus_strict() -> None:
    # r2 (1, 0) vs r1 (1, 1): never better, worse against c2 -> weakly, not strictly.
    g = row_only([[1, 1], [1, 0]])
    assert dominated_actions(g, "Row") == ()
    assert dominated_actions(g, "Row", strict=False) == ("r2",)


def test_weak_domination_only_by_a_mix() -> None:
    # B (1, 1, 0.5); 1/2 T + 1/2 M = (1, 1, 1) >= B everywhere, better against c3.
    # T (2, 0, 1) and M (0, 2, 1) alone are worse than B against c2 / c1.
    g = row_only([[2, 0, 1], [0, 2, 1], [1, 1, 0.5]], ["T", "M", "B"])
    assert dominated_actions(g, "Row", strict=False) == ()
    assert dominated_actions(g, "Row", strict=False, mixed=True) == ("B",)
    # The mix ties B against c1 and c2, so B is not strictly dominated.
    assert dominated_actions(g, "Row", mixed=True) == ()


def test_equal_and_single_actions_are_not_dominated() -> None:
    # Duplicates: the differences are all 0, neither strictly nor weakly better.
    g = row_only([[1, 2], [1, 2]])
    for strict, mixed in itertools.product([True, False], repeat=2):
        assert dominated_actions(g, "Row", strict=strict, mixed=mixed) == ()
    # The column player has two actions worth 0 to it, equal too; one action: nothing.
    assert dominated_actions(row_only([[1, 2]]), "Row", mixed=True) == ()


def test_tolerance() -> None:
    # r2 beats r1 by 1e-12 everywhere: dominated with tol 0, not with the default 1e-9.
    g = row_only([[1.0, 1.0], [1.0 + 1e-12, 1.0 + 1e-12]])
    assert dominated_actions(g, "Row") == ()
    assert dominated_actions(g, "Row", tol=0.0) == ("r1",)
    assert dominated_actions(g, "Row", tol=0.0, strict=False) == ("r1",)


def test_three_players() -> None:
    # Volunteer's dilemma (see test_pure): V pays 1 always; I pays 0 or 2.  No action
    # is dominated, since I is better when someone else volunteers and worse otherwise.
    # Adding 2 to every payoff of C's V makes V strictly dominant for C (3 > 2, 3 > 0).
    players = ["A", "B", "C"]

    def payoff(profile: dict[str, str]) -> list[int]:
        someone = any(a == "V" for a in profile.values())
        out = [(2 if someone else 0) - (profile[p] == "V") for p in players]
        out[2] += 2 * (profile["C"] == "V")
        return out

    g = NormalFormGame.from_function(payoff, players, [["V", "I"]] * 3)
    assert dominated_actions(g, "A", mixed=True) == ()
    assert dominated_actions(g, "C") == ("I",)
    # After C volunteers, ignoring is strictly better for A and B (2 > 1): (I, I, V).
    result = iterated_elimination(g)
    assert result.surviving == {"A": ("I",), "B": ("I",), "C": ("V",)}
    assert result.rounds == (
        (Elimination("C", "I", "V"),),
        (Elimination("A", "V", "I"), Elimination("B", "V", "I")),
    )


def test_bad_input() -> None:
    g = chicken()
    with pytest.raises(UnknownLabelError):
        dominated_actions(g, "UK")
    with pytest.raises(ValueError, match="tol"):
        dominated_actions(g, "US", tol=-1e-9)
    with pytest.raises(ValueError, match="tol"):
        iterated_elimination(g, tol=math.nan)


# ----------------------------------------------------------------------------- iterated


def test_gibbons_example() -> None:
    # Gibbons (1992), Sec. 1.1.B.  Row: Up (1, 1, 0), Down (0, 0, 2); Col: by row Up/Down,
    # Left (0, 3), Middle (2, 1), Right (1, 0).
    # Round 1: Right < Middle (1 < 2, 0 < 1).  Round 2 (Left, Middle): Down (0, 0) < Up
    # (1, 1).  Round 3 (Up only): Left 0 < Middle 2.  Unique survivor (Up, Middle).
    g = NormalFormGame.from_arrays(
        [[1, 1, 0], [0, 0, 2]],
        [[0, 2, 1], [3, 1, 0]],
        players=["Row", "Col"],
        actions=[["Up", "Down"], ["Left", "Middle", "Right"]],
    )
    result = iterated_elimination(g)
    assert isinstance(result, EliminationResult)
    assert result.rounds == (
        (Elimination("Col", "Right", "Middle"),),
        (Elimination("Row", "Down", "Up"),),
        (Elimination("Col", "Left", "Middle"),),
    )
    assert result.surviving == {"Row": ("Up",), "Col": ("Middle",)}
    assert result.is_solved
    assert result.game.actions == (("Up",), ("Middle",))
    assert result.game.payoff(["Up", "Middle"]) == {"Row": 1.0, "Col": 2.0}


def test_mixed_domination_unlocks_a_chain() -> None:
    # Round 1: B (1, 1) < 1/2 T + 1/2 M = (1.5, 1.5); Col's L (2, 2, 0) and R (1, 1, 5)
    # are incomparable while B is alive.
    # Round 2 (rows T, M): R (1, 1) < L (2, 2).  Round 3 (column L): M 0 < T 3.
    result = iterated_elimination(mixed_chain())
    assert result.rounds == (
        (Elimination("Row", "B", "0.5 T + 0.5 M"),),
        (Elimination("Col", "R", "L"),),
        (Elimination("Row", "M", "T"),),
    )
    assert result.surviving == {"Row": ("T",), "Col": ("L",)}
    # With pure dominators only, nothing is ever dominated.
    pure = iterated_elimination(mixed_chain(), mixed=False)
    assert pure.rounds == ()
    assert pure.game == mixed_chain()
    assert not pure.is_solved


def test_weak_elimination_is_simultaneous() -> None:
    #        L       R
    #   T  (1, 1)  (0, 0)
    #   M  (1, 1)  (2, 1)
    #   B  (0, 0)  (2, 1)
    # Row: T (1, 0) and B (0, 2) are both weakly dominated by M (1, 2); Col: L (1, 1, 0)
    # and R (0, 1, 1) are incomparable.  Removing both at once leaves M with L (1) = R (1):
    # survivors {M} x {L, R}.  (One at a time: T first leads to {M, B} x {R}; B first to
    # {T, M} x {L}; so the order matters.)
    g = NormalFormGame.from_arrays(
        [[1, 0], [1, 2], [0, 2]],
        [[1, 0], [1, 1], [0, 1]],
        actions=[["T", "M", "B"], ["L", "R"]],
    )
    result = iterated_elimination(g, strict=False)
    assert result.rounds == ((Elimination("P1", "T", "M"), Elimination("P1", "B", "M")),)
    assert result.surviving == {"P1": ("M",), "P2": ("L", "R")}
    # Strict elimination removes nothing here.
    assert iterated_elimination(g).rounds == ()


def test_exact_and_ordinal_payoffs_are_kept() -> None:
    # Row's r2 (1/3, 1/3) < r1 (1, 1): removed; the reduced game keeps exact thirds.
    g = NormalFormGame.from_arrays([[1, 1], ["1/3", "1/3"]], [["1/3", 0], [0, "2/3"]])
    reduced = iterated_elimination(g).game
    assert reduced.has_exact_payoffs
    # Round 2: only r1 left, Col's c1 (1/3) > c2 (0).
    assert reduced.exact_payoffs.tolist() == [[[Fraction(1)]], [[Fraction(1, 3)]]]
    pd = NormalFormGame.from_ranks([[3, 1], [4, 2]], [[3, 4], [1, 2]])
    solved = iterated_elimination(pd)
    assert solved.game.is_ordinal
    assert solved.surviving == {"P1": ("a2",), "P2": ("a2",)}


def test_eliminations_flatten_rounds() -> None:
    result = iterated_elimination(mixed_chain())
    assert [e.action for e in result.eliminations] == ["B", "R", "M"]
    player, action, by = result.eliminations[0]
    assert (player, action, by) == ("Row", "B", "0.5 T + 0.5 M")


# ----------------------------------------------------------------------------- properties


@st.composite
def small_games(draw: st.DrawFn, max_players: int = 3) -> NormalFormGame:
    """Integer games with 1-3 players and 1-3 actions each."""
    n = draw(st.integers(1, max_players))
    shape = tuple(draw(st.integers(1, 3)) for _ in range(n))
    size = n * math.prod(shape)
    values = draw(st.lists(st.integers(-3, 3), min_size=size, max_size=size))
    return NormalFormGame(np.array(values).reshape(n, *shape))


FLAGS = st.tuples(st.booleans(), st.booleans())


@settings(max_examples=60, deadline=None)
@given(small_games())
def test_dominance_inclusions(g: NormalFormGame) -> None:
    # strict pure ⊆ strict mixed ⊆ weak mixed; strict pure ⊆ weak pure ⊆ weak mixed.
    for player in g.players:
        sets = {
            (strict, mixed): set(dominated_actions(g, player, strict=strict, mixed=mixed))
            for strict, mixed in itertools.product([True, False], repeat=2)
        }
        assert sets[True, False] <= sets[True, True] <= sets[False, True]
        assert sets[True, False] <= sets[False, False] <= sets[False, True]


@settings(max_examples=60, deadline=None)
@given(small_games(), FLAGS)
def test_dominators_are_certificates(g: NormalFormGame, flags: tuple[bool, bool]) -> None:
    strict, mixed = flags
    for i in range(g.num_players):
        A = _action_matrix(g.payoffs, i)
        for a, w in _dominated(A, strict, mixed, 1e-9).items():
            assert w[a] == 0.0 and w.min() >= 0.0 and w.sum() == pytest.approx(1.0)
            d = w @ A - A[a]
            assert (d.min() > 1e-9) if strict else (d.min() >= -1e-9 and d.sum() > 1e-9)


@settings(max_examples=60, deadline=None)
@given(small_games(), FLAGS)
def test_elimination_reaches_a_fixed_point(g: NormalFormGame, flags: tuple[bool, bool]) -> None:
    strict, mixed = flags
    result = iterated_elimination(g, strict=strict, mixed=mixed)
    reduced = result.game
    assert all(result.surviving.values())
    for p in reduced.players:
        assert dominated_actions(reduced, p, strict=strict, mixed=mixed) == ()
    # The reduced game's payoffs are the original ones on the surviving profiles.
    for profile in itertools.product(*reduced.actions):
        assert reduced.payoff(list(profile)) == g.payoff(list(profile))
    # Every action is either eliminated once or survives.
    for i, p in enumerate(g.players):
        gone = [e.action for e in result.eliminations if e.player == p]
        assert sorted(gone + list(result.surviving[p])) == sorted(g.actions[i])


@settings(max_examples=60, deadline=None)
@given(small_games(), st.booleans())
def test_strict_elimination_keeps_every_pure_equilibrium(g: NormalFormGame, mixed: bool) -> None:
    surviving = iterated_elimination(g, mixed=mixed).surviving
    for profile in pure_nash_equilibria(g):
        assert all(a in surviving[p] for p, a in profile.items())
    # And the equilibria of the reduced game are exactly those of the original.
    reduced = iterated_elimination(g, mixed=mixed).game
    assert pure_nash_equilibria(reduced) == pure_nash_equilibria(g)


@settings(max_examples=60, deadline=None)
@given(small_games(), st.booleans(), st.randoms(use_true_random=False))
def test_strict_elimination_is_order_independent(
    g: NormalFormGame, mixed: bool, rnd: object
) -> None:
    # Reordering the actions (hence the order in which they are examined) or the players
    # leaves the surviving sets unchanged.
    shuffled = g
    for p in g.players:
        order = list(g.actions[g.player_index(p)])
        rnd.shuffle(order)  # type: ignore[attr-defined]
        shuffled = shuffled.permute_actions(p, order)
    players = list(g.players)
    rnd.shuffle(players)  # type: ignore[attr-defined]
    shuffled = shuffled.permute_players(players)
    a = iterated_elimination(g, mixed=mixed).surviving
    b = iterated_elimination(shuffled, mixed=mixed).surviving
    assert {p: set(v) for p, v in a.items()} == {p: set(v) for p, v in b.items()}
