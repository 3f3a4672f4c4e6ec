"""Tests of perfect Bayesian equilibria: textbook signalling games solved by hand, a
brinkmanship game with a semi-separating equilibrium, belief ranges off the path, search
status, and agreement with backward induction under perfect information."""

from __future__ import annotations

from fractions import Fraction
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from crisisgames.errors import UnsupportedGameError
from crisisgames.games.extensive_form import DECISION, GameTree, chance, decision, terminal
from crisisgames.io_efg import read_efg
from crisisgames.solvers.backward_induction import backward_induction
from crisisgames.solvers.bayesian import perfect_bayesian_equilibria, profile_outcome

F = Fraction
DATA = Path(__file__).parent / "data" / "efg"


# ============================================================================ beer-quiche


def beer_quiche() -> GameTree:
    """Cho & Kreps (1987).  Weak (1/10) prefers quiche, strong (9/10) beer: 1 for the
    favourite breakfast, plus 2 if the receiver does not duel.  The receiver gets 1 for
    dueling a weak sender, -1 for dueling a strong one, 0 for not dueling."""

    def sender(t: str) -> Any:
        def after(food: str) -> Any:
            pref = 1 if (food == "quiche") == (t == "weak") else 0
            return decision(
                "Receiver",
                {
                    "duel": terminal(Sender=pref, Receiver=1 if t == "weak" else -1),
                    "don't": terminal(Sender=pref + 2, Receiver=0),
                },
                infoset=f"after {food}",
            )

        return decision("Sender", {"beer": after("beer"), "quiche": after("quiche")})

    return GameTree(
        chance({"weak": ("1/10", sender("weak")), "strong": ("9/10", sender("strong"))})
    )


class TestBeerQuiche:
    """By hand.  The receiver duels after a message iff its belief in weak, w, satisfies
    w * 1 + (1 - w) * (-1) >= 0, i.e. w >= 1/2 (indifferent at exactly 1/2).

    * Pooling on beer: after beer w = 1/10 < 1/2, no duel; weak gets 0 + 2 = 2, strong 3.
      Weak would switch to quiche unless dueled there (quiche + duel = 1 < 2; quiche + no
      duel = 3 > 2), so the receiver must duel after quiche: w >= 1/2 off the path.
      Strong: quiche + duel = 0 < 3.  Ex ante: 1/10 * 2 + 9/10 * 3 = 29/10.
    * Pooling on quiche, symmetrically: after quiche no duel (weak 3, strong 2); after beer
      a duel (w >= 1/2) keeps strong (beer + duel = 1 < 2) home.  1/10 * 3 + 9/10 * 2 = 21/10.
    * Separating fails: weak-quiche/strong-beer is dueled after quiche (w = 1): weak gets 1,
      and beer (no duel, w = 0) would give it 2.  Weak-beer/strong-quiche: weak dueled
      after beer gets 0, quiche (no duel) gives 3.
    * Semi-separating fails.  Weak mixes, strong pure beer: quiche is weak's alone, dueled,
      giving weak 1, so beer must give weak 1 too: no duel with probability 1/2 after beer,
      which needs w = 1/2 there: (1/10) x / ((1/10) x + 9/10) = 1/2 gives x = 9 > 1.
      Weak mixes, strong pure quiche: beer is weak's alone, dueled (0 for weak), while
      quiche gives weak at least 1.  Strong mixes, weak pure beer: quiche is strong's alone,
      not dueled (2 for strong), so beer (1 + 2 r) needs r = 1/2 and w = 1/2 after beer:
      (1/10) / (1/10 + 9/10 y) = 1/2, y = 1/9; but weak's quiche (3) beats its beer (1).
      Strong mixes, weak pure quiche: beer is strong's alone, not dueled (3 for strong),
      quiche gives it at most 2.  Both mix: weak's indifference says
      2 (1 - r_beer) - 2 (1 - r_quiche) = 1, strong's says the same difference is -1.
    * Receiver mixing off the path at w = 1/2 (no duel with probability r): in the beer
      pooling, weak's quiche gives 1 + 2r <= 2, so r <= 1/2; strong's 2r <= 3 always.  A
      continuum r in (0, 1/2]; in the quiche pooling likewise for beer (strong: 1 + 2r <= 2).
    """

    def test_pure_pooling_equilibria(self) -> None:
        res = perfect_bayesian_equilibria(beer_quiche())
        pure = res.pure
        assert len(pure) == 2
        beer, quiche = pure
        assert beer.kind == quiche.kind == "pooling"
        assert beer.strategy("Sender") == {"weak": "beer", "strong": "beer"}
        assert beer.strategy("Receiver") == {"after beer": "don't", "after quiche": "duel"}
        assert quiche.strategy("Sender") == {"weak": "quiche", "strong": "quiche"}
        assert quiche.strategy("Receiver") == {"after beer": "duel", "after quiche": "don't"}
        assert beer.exact_payoffs == (F(29, 10), F(0))
        assert quiche.exact_payoffs == (F(21, 10), F(0))

    def test_beliefs(self) -> None:
        beer, quiche = perfect_bayesian_equilibria(beer_quiche()).pure
        on = beer.belief("after beer")
        assert on.on_path and on.belief == (F(1, 10), F(9, 10))
        off = beer.belief("after quiche")
        assert not off.on_path
        assert off.nodes == ("weak > quiche", "strong > quiche")
        # Weak with probability in [1/2, 1], strong in [0, 1/2].
        assert off.ranges == ((F(1, 2), F(1)), (F(0), F(1, 2)))
        off2 = quiche.belief("after beer")
        assert off2.ranges == ((F(1, 2), F(1)), (F(0), F(1, 2)))
        assert quiche.belief("after quiche").belief == (F(1, 10), F(9, 10))

    def test_receiver_mixing_off_the_path(self) -> None:
        res = perfect_bayesian_equilibria(beer_quiche())
        mixed = [e for e in res if not e.pure]
        assert len(mixed) == 2
        assert all(e.kind == "pooling" and e.is_continuum for e in mixed)
        (((where, move), (lo, hi)),) = mixed[0].ranges
        assert (where, move, lo, hi) == ("after quiche", "don't", 0, F(1, 2))
        assert mixed[0].belief("after quiche").belief == (F(1, 2), F(1, 2))
        (((where, move), (lo, hi)),) = mixed[1].ranges
        assert (where, move, lo, hi) == ("after beer", "don't", 0, F(1, 2))

    def test_status(self) -> None:
        res = perfect_bayesian_equilibria(beer_quiche())
        # 2 sender sets x 2 receiver sets, two moves each: 16 pure profiles.
        assert res.profiles_total == res.profiles_examined == 16
        assert res.status.complete and res.status.continuum
        assert res.exact
        assert "Sender sends, Receiver responds" in " ".join(res.status.notes)
        no_mixed = perfect_bayesian_equilibria(beer_quiche(), mixed=False)
        assert len(no_mixed) == 2 and not no_mixed.status.complete

    def test_float_mode(self) -> None:
        res = perfect_bayesian_equilibria(beer_quiche(), exact=False)
        assert len(res.pure) == 2
        lo, hi = res.pure[0].belief("after quiche").ranges[0]
        assert lo == pytest.approx(0.5) and hi == pytest.approx(1.0)


# ============================================================================ brinkmanship


def brinkmanship(p_hard: str) -> GameTree:
    """Nature draws a hard (p) or soft Soviet leadership; it complies or defies; after a
    defiance the US, not seeing the type, backs down or goes to war.

    Payoffs (US, USSR): comply (1, -8 hard / -4 soft); back down (-2, 2); war against a
    hard USSR (-10, -4), against a soft one (0, -8)."""

    def ussr(hard: bool) -> Any:
        return decision(
            "USSR",
            {
                "comply": terminal(US=1, USSR=-8 if hard else -4),
                "defy": decision(
                    "US",
                    {
                        "back down": terminal(US=-2, USSR=2),
                        "war": terminal(US=-10 if hard else 0, USSR=-4 if hard else -8),
                    },
                    infoset="US after defiance",
                ),
            },
        )

    return GameTree(
        chance({"hard": (p_hard, ussr(True)), "soft": (str(1 - F(p_hard)), ussr(False))}),
        players=["US", "USSR"],
    )


class TestBrinkmanship:
    """By hand.  After a defiance the US fights iff, with belief h in hard,
    h * (-10) + (1 - h) * 0 >= -2, i.e. h <= 1/5.  Hard always defies when war is not
    certain... (comply -8 < defy: war -4 or back down 2).  Soft complies (-4) rather than
    face war for sure (-8), and defies if the US backs down (2)."""

    def test_pooling_when_hard_is_likely(self) -> None:
        # p = 1/3 > 1/5: both defy, the US backs down (h = 1/3 on the path).
        res = perfect_bayesian_equilibria(brinkmanship("1/3"))
        assert len(res) == 1 and res.status.complete
        eq = res[0]
        assert eq.kind == "pooling"
        assert eq.strategy("US") == {"US after defiance": "back down"}
        assert eq.belief("US after defiance").belief == (F(1, 3), F(2, 3))
        assert eq.exact_payoffs == (F(-2), F(2))

    def test_semi_separating_when_hard_is_rare(self) -> None:
        # p = 1/10.  No pure PBE: pooling on defy gives h = 1/10 <= 1/5, war, and soft
        # would rather comply; separating gives h = 1 after defiance, back down, and soft
        # would rather defy.  Semi-separating: soft defies with probability x making
        # h = (1/10) / (1/10 + 9/10 x) = 1/5, so x = 4/9; the US fights with probability q
        # making soft indifferent, -4 = q (-8) + (1 - q) 2, so q = 3/5; hard then gets
        # 3/5 (-4) + 2/5 (2) = -8/5 > -8 from defying.
        res = perfect_bayesian_equilibria(brinkmanship("1/10"))
        assert res.status.complete
        assert len(res) == 1 and not res.pure
        eq = res[0]
        assert eq.kind == "semi-separating"
        assert eq.strategy("USSR") == {"hard": "defy", "soft": {"comply": F(5, 9), "defy": F(4, 9)}}
        assert eq.strategy("US") == {"US after defiance": {"back down": F(2, 5), "war": F(3, 5)}}
        assert eq.belief("US after defiance").belief == (F(1, 5), F(4, 5))
        # US: hard defies (1/10): 3/5 (-10) + 2/5 (-2) = -34/5; soft defies (9/10 * 4/9 =
        # 2/5): 3/5 * 0 + 2/5 (-2) = -4/5; soft complies (1/2): 1.
        # 1/10 (-34/5) + 2/5 (-4/5) + 1/2 = -1/2.  USSR: 1/10 (-8/5) + 9/10 (-4) = -94/25.
        assert eq.exact_payoffs == (F(-1, 2), F(-94, 25))
        assert eq.outcome_distribution["hard > defy > war"] == F(1, 10) * F(3, 5)

    def test_mixed_equilibrium_is_sequentially_rational(self) -> None:
        # Independent check with the profile evaluator: each of soft's messages and each
        # US response in the support gives the same expected payoff.
        eq = perfect_bayesian_equilibria(brinkmanship("1/10"))[0]
        us = eq.strategy("US")["US after defiance"]
        assert isinstance(us, dict)
        q = us["war"]
        soft_defy = q * (-8) + (1 - q) * 2
        assert soft_defy == -4  # = soft's comply payoff
        h = eq.belief("US after defiance").belief[0]
        assert h * (-10) + (1 - h) * 0 == -2  # war = back down for the US


# ============================================================================ threat


def threat_game() -> GameTree:
    """Strong (1/3) or weak sender; a threat is resisted or yielded to.  Sender: quiet 0;
    threat then yield 1; threat then resist: weak -1, strong 2.  Responder: yield 0; resist
    +1 against weak, -1 against strong (also after quiet)."""

    def sender(t: str) -> Any:
        fight = -1 if t == "weak" else 2
        sign = 1 if t == "weak" else -1
        return decision(
            "S",
            {
                "threat": decision(
                    "R",
                    {"resist": terminal(S=fight, R=sign), "yield": terminal(S=1, R=0)},
                    infoset="after threat",
                ),
                "quiet": decision(
                    "R",
                    {"resist": terminal(S=0, R=sign), "yield": terminal(S=0, R=0)},
                    infoset="after quiet",
                ),
            },
        )

    return GameTree(chance({"weak": ("2/3", sender("weak")), "strong": ("1/3", sender("strong"))}))


def test_threat_game_semi_separating() -> None:
    # Strong threatens always (threat >= 1 > 0).  Weak: pure threat gives pooling belief
    # strong 1/3 < 1/2 -> resist -> weak -1 < 0; pure quiet gives belief 1 after a threat
    # -> yield -> weak would threaten.  So weak mixes x with 1/3 / (1/3 + 2/3 x) = 1/2:
    # x = 1/2; R resists with r making weak indifferent: -r + (1 - r) = 0, r = 1/2.
    # After quiet (weak only) R resists (+1).  Payoffs: S = 2/3 * 0 + 1/3 * (2r + 1 - r)
    # = 1/3 * 3/2 = 1/2; R = P(threat) * 0 (indifferent) + P(quiet) * 1 = 1/3.
    res = perfect_bayesian_equilibria(threat_game())
    assert len(res) == 1 and res.status.complete
    eq = res[0]
    assert eq.kind == "semi-separating" and not eq.is_continuum
    assert eq.strategy("S") == {"weak": {"threat": F(1, 2), "quiet": F(1, 2)}, "strong": "threat"}
    assert eq.strategy("R") == {
        "after threat": {"resist": F(1, 2), "yield": F(1, 2)},
        "after quiet": "resist",
    }
    assert eq.exact_payoffs == (F(1, 2), F(1, 3))
    assert eq.belief("after quiet").belief == (1, 0)


# ============================================================================ three nodes


def three_types() -> GameTree:
    """Three equally likely types send a (game over, 0 each) or b; after b the receiver
    (3-node set) picks x (sender +1; receiver 2 if type 1, else 0) or y (sender -1;
    receiver 0 if type 1, else 1)."""

    def sender(k: int) -> Any:
        return decision(
            "S",
            {
                "a": terminal(S=0, R=0),
                "b": decision(
                    "R",
                    {
                        "x": terminal(S=1, R=2 if k == 1 else 0),
                        "y": terminal(S=-1, R=0 if k == 1 else 1),
                    },
                    infoset="after b",
                ),
            },
        )

    return GameTree(chance({f"t{k}": ("1/3", sender(k)) for k in (1, 2, 3)}))


def test_three_node_information_set() -> None:
    # R prefers y iff 2 m1 <= m2 + m3 = 1 - m1, i.e. m1 <= 1/3.
    # (a, a, a; y): b is off the path and y deters it: m1 in [0, 1/3], m2 and m3 in [0, 1].
    # (b, b, b; x): beliefs 1/3 each, R indifferent (2/3 = 2/3), x keeps all senders at 1.
    # Any other pure profile fails (derived in the module docstring of this test file's
    # history: a subset of types sending b gets x iff type 1 is among them with weight
    # >= 1/3, and then the others deviate).
    res = perfect_bayesian_equilibria(three_types())
    assert len(res) == 2
    assert not res.status.complete  # three types: mixed equilibria not searched
    assert any("not searched" in n for n in res.status.notes)
    pooling_a = next(e for e in res if e.strategy("R") == {"after b": "y"})
    b = pooling_a.belief("after b")
    assert not b.on_path
    (lo1, hi1), (lo2, hi2), (lo3, hi3) = b.ranges
    assert (lo1, hi1) == (pytest.approx(0), pytest.approx(1 / 3))
    assert (lo2, hi2, lo3, hi3) == (
        pytest.approx(0),
        pytest.approx(1),
        pytest.approx(0),
        pytest.approx(1),
    )
    pooling_b = next(e for e in res if e.strategy("R") == {"after b": "x"})
    assert pooling_b.belief("after b").belief == (F(1, 3), F(1, 3), F(1, 3))
    assert pooling_b.exact_payoffs == (F(1), F(2, 3))


# ============================================================================ status & errors


def test_profile_cap_is_reported() -> None:
    res = perfect_bayesian_equilibria(beer_quiche(), max_profiles=5)
    assert res.profiles_examined == 5 and res.profiles_total == 16
    assert not res.status.complete
    assert "5 of 16" in res.status.notes[0]


def test_imperfect_recall_rejected() -> None:
    t = GameTree(
        decision(
            "A",
            {
                "l": decision("A", {"x": terminal(A=1), "y": terminal(A=0)}, infoset="forgot"),
                "r": decision("A", {"x": terminal(A=0), "y": terminal(A=1)}, infoset="forgot"),
            },
        )
    )
    with pytest.raises(UnsupportedGameError, match="perfect recall"):
        perfect_bayesian_equilibria(t)


def test_profile_outcome() -> None:
    # Both defy, the US backs down: (-2, 2) whatever the type.
    t = brinkmanship("1/3")
    out = profile_outcome(t, {"hard": "defy", "soft": "defy", "US after defiance": "back down"})
    assert out == {"US": -2.0, "USSR": 2.0}


def test_monty_hall_players_switch() -> None:
    # Gambit's Monty Hall: the host (Player 2) gets 1 unless it opens the prize door.
    # In every pure PBE the host avoids the prize, and Player 1, on the path, switches:
    # it then wins exactly when its first pick was wrong, 2/3 of the time: 200/3.
    t = read_efg(DATA / "montyhal.efg")
    res = perfect_bayesian_equilibria(t, mixed=False)
    assert len(res) > 0
    assert {e.exact_payoffs for e in res} == {(F(200, 3), F(1))}


# ============================================================================ properties


@st.composite
def small_perfect_information_trees(draw: st.DrawFn) -> GameTree:
    players = ["P1", "P2"]
    budget = [7]

    def node(depth: int) -> Any:
        if depth >= 3 or budget[0] <= 0 or draw(st.integers(0, 3)) == 0:
            return terminal({p: draw(st.integers(0, 2)) for p in players})
        budget[0] -= 1
        if draw(st.integers(0, 4)) == 0:
            k = draw(st.integers(1, 2))
            return chance({f"c{j}": (F(1, k), node(depth + 1)) for j in range(k)})
        return decision(
            draw(st.sampled_from(players)),
            {f"m{j}": node(depth + 1) for j in range(draw(st.integers(1, 3)))},
        )

    return GameTree(node(0), players)


@settings(max_examples=60, deadline=None)
@given(small_perfect_information_trees())
def test_pure_pbe_are_the_spe_under_perfect_information(tree: GameTree) -> None:
    """With one node per information set, beliefs are trivial and sequential rationality
    at every node is subgame perfection: the pure PBE are exactly the pure SPE."""
    decisions = np.flatnonzero(tree.arrays.kind == DECISION)
    spe = {
        tuple(int(e.choices[v]) for v in decisions)
        for e in backward_induction(tree, max_equilibria=10**6)
    }
    pbe = set()
    for e in perfect_bayesian_equilibria(tree, mixed=False).pure:
        pbe.add(tuple(e.behaviour[tree.infoset(int(v))].index(1) for v in decisions))
    assert pbe == spe
