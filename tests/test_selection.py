"""Tests of equilibrium selection: payoff dominance and risk dominance (Harsanyi-Selten)."""

from __future__ import annotations

import numpy as np
import pytest
from textbook import chicken_ranks as chicken

from crisisgames import NormalFormGame, nash_equilibria
from crisisgames.errors import UnsupportedGameError
from crisisgames.solvers.selection import payoff_dominant, risk_dominant


def stag_hunt(stag: int, hare_vs_stag: int, hare: int) -> NormalFormGame:
    # Symmetric stag hunt, actions (Stag, Hare): both stag -> `stag`; stag against hare
    # -> 0 for the stag hunter, `hare_vs_stag` for the hare hunter; both hare -> `hare`.
    A = [[stag, 0], [hare_vs_stag, hare]]
    return NormalFormGame.from_arrays(
        A, np.array(A).T, actions=[["Stag", "Hare"], ["Stag", "Hare"]]
    )


# -------------------------------------------------------------------- stag hunt


def test_stag_hunt_payoff_dominance_vs_risk_dominance() -> None:
    # Stag hunt 4 / 3 / 3.  Equilibria: (S, S) = (4, 4), (H, H) = (3, 3), and the mixed one
    # (each indifferent when 4q = 3, q = 3/4), paying (3, 3).
    # Payoff dominance: (S, S) is strictly better for both than each other equilibrium.
    # Risk dominance: deviation losses at (S, S): 4 - 3 = 1 for each, product 1; at (H, H):
    # 3 - 0 = 3 for each, product 9 > 1, so (H, H) risk-dominates.
    g = stag_hunt(4, 3, 3)
    eqs = nash_equilibria(g, exact=True)
    assert payoff_dominant(eqs).supports == (("Stag",), ("Stag",))
    assert risk_dominant(g).supports == (("Hare",), ("Hare",))


def test_stag_hunt_where_hare_is_less_safe() -> None:
    # Stag hunt 5 / 1 / 1: losses at (S, S) 5 - 1 = 4 each, product 16; at (H, H) 1 - 0 = 1
    # each, product 1.  (S, S) both payoff- and risk-dominates.
    g = stag_hunt(5, 1, 1)
    assert payoff_dominant(nash_equilibria(g)).supports == (("Stag",), ("Stag",))
    assert risk_dominant(g).supports == (("Stag",), ("Stag",))


def test_asymmetric_risk_dominance() -> None:
    # A = [[5, 0], [4, 2]], B = [[2, 0], [1, 3]] (actions a1, a2 for both).
    # (a1, a1) is an equilibrium: row 5 > 4, column 2 > 0; losses 1 and 2, product 2.
    # (a2, a2): row 2 > 0, column 3 > 1; losses 2 and 2, product 4 > 2: (a2, a2) risk-
    # dominates.  Payoffs (5, 2) vs (2, 3): neither payoff-dominates the other.
    g = NormalFormGame.from_arrays([[5, 0], [4, 2]], [[2, 0], [1, 3]])
    assert risk_dominant(g).supports == (("a2",), ("a2",))
    assert payoff_dominant(nash_equilibria(g)) is None
    # Swapping the actions of both players moves the answer with the labels.
    h = g.permute_actions(0, [1, 0]).permute_actions(1, [1, 0])
    assert risk_dominant(h).supports == (("a2",), ("a2",))


# ---------------------------------------------------------------------- chicken


def test_chicken_neither_dominates() -> None:
    # Pure equilibria (blockade, maintain) = (2, 4) and (air strike, withdraw) = (4, 2);
    # mixed (1/2, 1/2) each pays (5/2, 5/2).  No equilibrium is best for both players.
    # Risk: at (blockade, maintain) US loses 2 - 1 = 1 by switching, USSR 4 - 3 = 1:
    # product 1.  At (air strike, withdraw) US loses 4 - 3 = 1, USSR 2 - 1 = 1: product 1.
    # Equal Nash products: neither risk-dominates.
    g = chicken()
    assert payoff_dominant(nash_equilibria(g, exact=True)) is None
    assert risk_dominant(g) is None


def test_chicken_with_unequal_products() -> None:
    # Make the USSR's loss at (blockade, maintain) 5 - 3 = 2 (maintain now ranked 5):
    # products 1 * 2 = 2 at (blockade, maintain) vs 1 * 1 = 1 at (air strike, withdraw).
    g = NormalFormGame.from_arrays([[3, 2], [4, 1]], [[3, 5], [2, 1]])
    assert risk_dominant(g).supports == (("a1",), ("a2",))


# ------------------------------------------------------ one strict / no strict equilibria


def test_single_strict_equilibrium_is_selected() -> None:
    # Prisoner's dilemma: (D, D) is the unique equilibrium and strict (1 > 0 for both).
    pd = NormalFormGame.from_arrays(
        [[3, 0], [5, 1]], [[3, 5], [0, 1]], actions=[["C", "D"], ["C", "D"]]
    )
    assert risk_dominant(pd).supports == (("D",), ("D",))
    only = payoff_dominant(nash_equilibria(pd))
    assert only is not None and only.supports == (("D",), ("D",))


def test_strict_equilibrium_beats_weak_one() -> None:
    # A = B = [[1, 0], [0, 0]]: (a1, a1) strict (losses 1, 1); (a2, a2) is an equilibrium
    # but not strict (losses 0, 0), so it does not compete: (a1, a1) is selected.  It is
    # also payoff dominant: (1, 1) > (0, 0).
    g = NormalFormGame.from_arrays([[1, 0], [0, 0]], [[1, 0], [0, 0]])
    assert risk_dominant(g).supports == (("a1",), ("a1",))
    assert payoff_dominant(nash_equilibria(g)).supports == (("a1",), ("a1",))


def test_no_strict_equilibrium() -> None:
    # Matching pennies has no pure equilibrium; the all-zero game has only weak ones.
    pennies = NormalFormGame.from_arrays([[1, -1], [-1, 1]], [[-1, 1], [1, -1]])
    assert risk_dominant(pennies) is None
    zero = NormalFormGame.from_arrays([[0, 0], [0, 0]], [[0, 0], [0, 0]])
    assert risk_dominant(zero) is None
    # All four equilibria pay (0, 0): none is strictly better than the others.
    assert payoff_dominant(nash_equilibria(zero)) is None


def test_exact_payoffs_decide_risk_dominance() -> None:
    # Stag hunt A = [[1, 0], [2/3, 1/3]], B = A transposed.  Losses at
    # (S, S): 1 - 2/3 = 1/3 each, product 1/9; at (H, H): 1/3 - 0 = 1/3 each, product 1/9.
    # Equal products in exact arithmetic: no selection.  (In floats 1 - 0.666... is
    # 0.33333333333333337 > 1/3, which would wrongly select (S, S).)
    A = [["1", "0"], ["2/3", "1/3"]]
    B = [["1", "2/3"], ["0", "1/3"]]
    g = NormalFormGame.from_arrays(A, B)
    assert risk_dominant(g) is None


# --------------------------------------------------------------------------- errors


def test_risk_dominance_needs_a_2x2_game() -> None:
    g23 = NormalFormGame.from_arrays([[1, 0, 0], [0, 1, 0]], [[1, 0, 0], [0, 1, 0]])
    with pytest.raises(UnsupportedGameError, match="2x2"):
        risk_dominant(g23)
    g222 = NormalFormGame(np.zeros((3, 2, 2, 2)))
    with pytest.raises(UnsupportedGameError, match="2x2"):
        risk_dominant(g222)
