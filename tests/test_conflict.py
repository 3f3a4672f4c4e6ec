"""Tests of the graph model: crisisgames.games.conflict, .conflict_models,
.option_statements, crisisgames.solvers.stability and crisisgames.plot.conflict.

The expected stability results of the 1962 model and of the textbook examples were
derived by hand from the definitions (Fang, Hipel & Kilgour 1993) and the rankings in
MODELS.md section 5; the derivations are in the comments.  Random models are checked
for the inclusions between the concepts and for agreement of the three methods.
"""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt
import numpy as np
import pytest
import scipy.sparse as sp
from hypothesis import given, settings
from hypothesis import strategies as st

from crisisgames.errors import (
    InvalidGameError,
    InvalidLabelError,
    InvalidPayoffError,
    UnknownLabelError,
    UnsupportedGameError,
)
from crisisgames.games.conflict import (
    AtLeastOne,
    ConflictModel,
    ExactlyOne,
    Infeasible,
    Option,
    Priorities,
    Ranking,
    Requires,
    mutually_exclusive,
)
from crisisgames.games.conflict_models import (
    fraser_hipel,
    prisoners_dilemma,
    random_conflict,
)
from crisisgames.games.option_statements import priority_scores, statement_truth
from crisisgames.plot.conflict import plot_state_graph
from crisisgames.solvers.stability import (
    CONCEPTS,
    Method,
    coalition_min,
    stability,
    stability_table,
    status_quo_path,
)

METHODS: tuple[Method, ...] = ("sparse", "dense", "loop")

# =============================================================================
# The Cuban missile crisis in option form (MODELS.md section 5)
# =============================================================================
#
# Options: air strike (bit 0, US), blockade (1, US), withdraw (2, USSR), escalate (3,
# USSR).  Withdraw & escalate are infeasible together, so the USSR is in one of
# {none = +0, W = +4, E = +8} and the US in one of {none 0, AS 1, B 2, AS+B 3}: 12 states.
# Preference levels (12 = best), from the rankings (US 4,6,5,7,2,1,3,0,11,9,10,8; USSR
# 0,4,6,2,5,1,7,3,11,9,10,8):
#
#   state:  0   1   2   3   4   5   6   7   8   9  10  11
#   US:     5   7   8   6  12  10  11   9   1   3   2   4
#   USSR:  12   7   9   5  11   8  10   6   1   3   2   4
#
# Unilateral moves.  USSR: within a US combination b, among {b, b+4, b+8}, all directions.
# US (air strike irreversible): from US-part 0 to 1, 2, 3; from 1 only to 3; from 2 to
# 0, 1, 3; from 3 only to 1 (the air strike stays on).  Reversible: all other US parts.
#
# US UIs (irreversible): 0 -> 1, 2, 3 (7, 8, 6 > 5); 1 -> 3? no (6 < 7): none;
#   2 -> 0, 1, 3 all worse: none; 3 -> 1 (7 > 6); 4: none (best); 5 -> 7? (9 < 10) none;
#   6 -> 4 (12 > 11) only; 7 -> 5 (10 > 9); 8 -> 9, 10, 11; 9 -> 11 (4 > 3);
#   10 -> 9, 11 (8 is worse); 11 -> 9? (3 < 4) none.
# USSR UIs: 0: none (best); 4 -> 0; 8 -> 0, 4; 1 -> 5 (8 > 7); 5: none; 9 -> 1, 5;
#   2 -> 6 (10 > 9); 6: none; 10 -> 2, 6; 3 -> 7 (6 > 5); 7: none (5, 4 < 6);
#   11 -> 3, 7.
#
# Nash: US stable where it has no UI: {1, 2, 4, 5, 11}; USSR: {0, 5, 6, 7}.  Nash
#   equilibria: {5} (air strike, USSR withdraws).
#
# GMR (two DMs: the sanctioning coalition is the other DM's single move):
#   US at 0 (level 5): UI 1 -> USSR to 9 (3 <= 5); UI 2 -> USSR to 10 (2); UI 3 -> USSR to
#     11 (4): all sanctioned: stable.  US at 3 (6): UI 1 -> 9 (3): stable.  US at 6 (11):
#     UI 4 -> USSR to 0 (5): stable.  US at 7 (9): UI 5 -> USSR to 1 (7): stable.
#     US at 8 (1): UI 9 -> USSR reaches 1 (7), 5 (10): nothing <= 1: unstable; likewise
#     9 (UI 11 -> 3 (6), 7 (9) > 3) and 10 (UI 9 -> 1, 5 > 2): unstable.
#     US GMR: {0, 1, 2, 3, 4, 5, 6, 7, 11}.
#   USSR at 1 (7): UI 5 -> US to 7 (6 <= 7): stable.  At 2 (9): UI 6 -> US to 5 (8):
#     stable.  At 3 (5): UI 7 -> US reaches only 5 (8 > 5): unstable.  At 4 (11): UI 0 ->
#     US to 1 (7): stable.  At 8 (1): UI 0 -> US to 1, 2, 3 (7, 9, 5 > 1): unstable.
#     At 9 (3): UI 1 -> US to 3 (5 > 3): unstable.  At 10 (2): UI 2 -> US to 0, 1, 3
#     (12, 7, 5): unstable.  At 11 (4): UI 3 -> US to 1 (7): unstable.
#     USSR GMR: {0, 1, 2, 4, 5, 6, 7}.  GMR equilibria: {0, 1, 2, 4, 5, 6, 7}.
#
# SMR: a sanction s2 must also leave the focal DM no counter-move above its level at s.
#   US at 0: sanctions 9 (US counters to 11: 4 <= 5), 10 (counters 8, 9, 11: 1, 3, 4),
#     11 (counter 9: 3): stable.  At 3: sanction 9, counter 11 (4 <= 6): stable.  At 6:
#     sanction 0, counters 1, 2, 3 (7, 8, 6 <= 11): stable.  At 7: sanction 1, counter 3
#     (6 <= 9): stable.  US SMR = US GMR.
#   USSR at 1: sanction 7, counters 3, 11 (5, 4 <= 7): stable.  At 2: sanction 5,
#     counters 1, 9 (7, 3 <= 9): stable.  At 4: sanction 1, counters 5, 9 (8, 3 <= 11):
#     stable.  USSR SMR = USSR GMR; SMR equilibria = GMR equilibria.
#
# SEQ: sanctions by the other's UIs only.
#   US at 0: UI 1 -> USSR's only UI from 1 is 5 (10 > 5): unstable.  At 3: UI 1 -> 5:
#     unstable.  At 6: UI 4 -> USSR's UI 4 -> 0 (5 <= 11): stable.  At 7: UI 5 -> the
#     USSR has no UI from 5: unstable.  (8, 9, 10: not even GMR.)
#     US SEQ: {1, 2, 4, 5, 6, 11}.
#   USSR at 1: UI 5 -> the US has no UI from 5: unstable.  At 2: UI 6 -> US UI 6 -> 4
#     (11 > 9): unstable.  At 4: UI 0 -> US UI 0 -> 1 (7 <= 11): stable.
#     USSR SEQ: {0, 4, 5, 6, 7}.  SEQ equilibria: {4, 5, 6}.
#
# Path from the status quo (SEQ): at 0 the US is unstable; its UIs 1, 2, 3 are all
# unsanctioned (the USSR's UIs from them, 5, 6, 7, leave the US at 10, 11, 9 > 5); its
# most preferred is 2 (level 8): blockade.  At 2 the US is Nash-stable; the USSR's UI 6
# is unsanctioned (the US's UI from 6 is 4, USSR level 11 > 9): USSR withdraws.  6 is an
# SEQ equilibrium: stop.  Path 0 -> 2 -> 6.
#
# Air strike reversible: the US also reaches 0 and 2 from 1 and 3 (and the like in the
# other rows).  New US UIs: 1 -> 2 (8 > 7); 3 -> 1, 2; 5 -> 4, 6; 7 -> 4, 5, 6; 9 -> 11
# only (8, 10 worse); 11: none (8, 9, 10 are worse).
#   US Nash: {2, 4, 11}; Nash equilibria: none ({2, 4, 11} and {0, 5, 6, 7} are disjoint).
#   US GMR: 1 (UI 2 -> USSR to 10, 2 <= 7), 3 (UIs 1, 2 -> 9, 10), 5 (UIs 4, 6 -> USSR to
#     0 (5), 10 (2) <= 10), 6, 7 (UIs 4, 5, 6 -> 0, 1 or 9, 2 or 10) stable, 8, 9, 10
#     unstable as before: {0, 1, 2, 3, 4, 5, 6, 7, 11}.
#   USSR GMR: unchanged {0, 1, 2, 4, 5, 6, 7}: at 1 UI 5 -> US to 7 (6 <= 7); at 3 UI 7
#     -> US reaches 4, 5, 6 (11, 8, 10 > 5) unstable; at 9 UI 1 -> US reaches 0, 2, 3
#     (12, 9, 5 > 3) unstable; 10, 11 likewise.
#   SMR (checked state by state like above, e.g. US at 7: UI 6 -> sanction 2, counters 0,
#     1, 3 (5, 7, 6 <= 9)): the same sets as GMR.
#   US SEQ: 0, 1, 3 (UIs 1, 2 answered by USSR UIs 5, 6: US 10, 11 above), 5 and 7 (UI to
#     5 or 6 has no USSR UI... from 5 and 6 the USSR has none) unstable; 6 stable (4 -> 0):
#     {2, 4, 6, 11}.  USSR SEQ: at 1 UI 5 -> US UIs 4, 6 (USSR 11, 10 > 7) unstable; at 4
#     stable: {0, 4, 5, 6, 7}.  SEQ equilibria: {4, 6}.

LEVELS_US = [5, 7, 8, 6, 12, 10, 11, 9, 1, 3, 2, 4]
LEVELS_USSR = [12, 7, 9, 5, 11, 8, 10, 6, 1, 3, 2, 4]

FH_IRREVERSIBLE = {
    "nash": {"US": (1, 2, 4, 5, 11), "USSR": (0, 5, 6, 7), "eq": (5,)},
    "gmr": {
        "US": (0, 1, 2, 3, 4, 5, 6, 7, 11),
        "USSR": (0, 1, 2, 4, 5, 6, 7),
        "eq": (0, 1, 2, 4, 5, 6, 7),
    },
    "smr": {
        "US": (0, 1, 2, 3, 4, 5, 6, 7, 11),
        "USSR": (0, 1, 2, 4, 5, 6, 7),
        "eq": (0, 1, 2, 4, 5, 6, 7),
    },
    "seq": {"US": (1, 2, 4, 5, 6, 11), "USSR": (0, 4, 5, 6, 7), "eq": (4, 5, 6)},
}
FH_REVERSIBLE = {
    "nash": {"US": (2, 4, 11), "USSR": (0, 5, 6, 7), "eq": ()},
    "gmr": FH_IRREVERSIBLE["gmr"],
    "smr": FH_IRREVERSIBLE["smr"],
    "seq": {"US": (2, 4, 6, 11), "USSR": (0, 4, 5, 6, 7), "eq": (4, 6)},
}


def test_fraser_hipel_states_and_preferences() -> None:
    m = fraser_hipel()
    assert m.codes.tolist() == list(range(12))
    assert m.status_quo == 0
    # Dense levels are 0-based: the hand table minus one.
    assert m.levels[0].tolist() == [v - 1 for v in LEVELS_US]
    assert m.levels[1].tolist() == [v - 1 for v in LEVELS_USSR]
    assert m.rank("US", 4) == 1 and m.rank("USSR", 8) == 12
    assert m.describe(6) == "US blockade, USSR withdraws"
    assert m.describe(0) == "no option taken"
    assert m.taken(7) == ("air strike", "blockade", "withdraw")


US_MOVES_IRREVERSIBLE = {0: (1, 2, 3), 1: (3,), 2: (0, 1, 3), 3: (1,)}
US_MOVES_REVERSIBLE = {0: (1, 2, 3), 1: (0, 2, 3), 2: (0, 1, 3), 3: (0, 1, 2)}


@pytest.mark.parametrize("reversible", [False, True])
def test_fraser_hipel_reachability(reversible: bool) -> None:
    m = fraser_hipel(air_strike_reversible=reversible)
    table = US_MOVES_REVERSIBLE if reversible else US_MOVES_IRREVERSIBLE
    for base in (0, 4, 8):
        for us, targets in table.items():
            assert m.reachable("US", base + us) == tuple(base + t for t in targets)
    for us in range(4):
        column = (us, us + 4, us + 8)
        for s in column:
            assert m.reachable("USSR", s) == tuple(t for t in column if t != s)


def test_fraser_hipel_improvements() -> None:
    m = fraser_hipel()
    us = {0: (1, 2, 3), 3: (1,), 6: (4,), 7: (5,), 8: (9, 10, 11), 9: (11,), 10: (9, 11)}
    ussr = {1: (5,), 2: (6,), 3: (7,), 4: (0,), 8: (0, 4), 9: (1, 5), 10: (2, 6), 11: (3, 7)}
    for s in range(12):
        assert m.improvements_from("US", s) == us.get(s, ())
        assert m.improvements_from("USSR", s) == ussr.get(s, ())
    r = fraser_hipel(air_strike_reversible=True)
    us_rev = {0: (1, 2, 3), 1: (2,), 3: (1, 2), 5: (4, 6), 6: (4,), 7: (4, 5, 6)}
    us_rev |= {8: (9, 10, 11), 9: (11,), 10: (9, 11)}
    for s in range(12):
        assert r.improvements_from("US", s) == us_rev.get(s, ())


@pytest.mark.parametrize("method", METHODS)
@pytest.mark.parametrize("reversible", [False, True])
def test_fraser_hipel_stability(method: Method, reversible: bool) -> None:
    expected = FH_REVERSIBLE if reversible else FH_IRREVERSIBLE
    result = stability(fraser_hipel(air_strike_reversible=reversible), method=method)
    for concept, exp in expected.items():
        assert result.stable_states("US", concept) == exp["US"], concept
        assert result.stable_states("USSR", concept) == exp["USSR"], concept
        assert result.equilibria(concept) == exp["eq"], concept


def test_fraser_hipel_status_quo_path() -> None:
    for reversible in (False, True):
        m = fraser_hipel(air_strike_reversible=reversible)
        path = status_quo_path(m)
        assert path.states == (0, 2, 6) and path.movers == ("US", "USSR")
        assert path.end == "equilibrium"
    # Under Nash the US lifts the blockade at 6 (its UI to 4) and the USSR, at 4, returns
    # to the status quo (its UI to 0): a cycle.
    path = status_quo_path(fraser_hipel(), concept="nash")
    assert path.states == (0, 2, 6, 4, 0)
    assert path.movers == ("US", "USSR", "US", "USSR")
    assert path.end == "cycle"
    assert "US blockade" in path.describe(fraser_hipel())


def test_fraser_hipel_table() -> None:
    text = stability_table(fraser_hipel())
    lines = text.splitlines()
    assert (
        lines[0]
        == "Stability analysis: Cuban missile crisis (Fraser & Hipel), air strike irreversible"
    )
    row6 = next(
        line for line in lines if line.lstrip().startswith("6  US blockade, USSR withdraws")
    )
    assert row6.rstrip().endswith("GMR SMR SEQ")
    row5 = next(line for line in lines if line.lstrip().startswith("5  "))
    assert row5.rstrip().endswith("Nash GMR SMR SEQ")
    assert (
        "  SEQ  4 (USSR withdraws); 5 (US air strike, USSR withdraws); 6 (US blockade, USSR withdraws)"
        in text
    )
    assert "0 -> 2 (US) -> 6 (USSR): equilibrium under SEQ" in text
    assert "  US: 0 -> 1, 2, 3; 3 -> 1; 6 -> 4; 7 -> 5;" in text
    assert str(stability(fraser_hipel())) == text


# =============================================================================
# Textbook examples
# =============================================================================
#
# Prisoners' Dilemma in option form (Fang, Hipel & Kilgour 1993, ch. 2): states 0 (both
# cooperate), 1 (A defects), 2 (B defects), 3 (both defect).  A ranks 1 > 0 > 3 > 2,
# B ranks 2 > 0 > 3 > 1.
#   A's UIs: 0 -> 1, 2 -> 3.  B's UIs: 0 -> 2, 1 -> 3.
#   Nash: A {1, 3}, B {2, 3}; equilibrium 3 (mutual defection).
#   GMR, A at 0: UI 1, B answers 1 -> 3, which A ranks below 0: stable.  A at 2: UI 3,
#     B's only move from 3 is to 1, A's best: unstable.  A: {0, 1, 3}; B: {0, 2, 3}.
#   SMR, A at 0: sanction 3, A's counter from 3 is 2, also below 0: stable.  Same sets.
#   SEQ, A at 0: 1 -> 3 is a UI for B (3 > 1 for B): credible: stable.  Same sets.
#   Equilibria: Nash {3}; GMR = SMR = SEQ = {0, 3}: mutual cooperation is stable under
#   the three foresighted concepts, mutual defection under all four (the textbook result;
#   also the published GMCR+ test log for this model, onp/gmcr-py
#   test_data/Prisoners_logSol.txt, with options coded as "cooperate").


def test_prisoners_dilemma_option_form() -> None:
    m = prisoners_dilemma()
    for method in METHODS:
        r = stability(m, method=method)
        assert r.stable_states("A", "nash") == (1, 3)
        assert r.stable_states("B", "nash") == (2, 3)
        assert r.equilibria("nash") == (3,)
        for c in ("gmr", "smr", "seq"):
            assert r.stable_states("A", c) == (0, 1, 3)
            assert r.stable_states("B", c) == (0, 2, 3)
            assert r.equilibria(c) == (0, 3)


# A three-DM model where only a coalition can sanction.  DMs A, B, C, one option each
# (bits 0, 1, 2), all reversible.  Rankings (best first):
#   A: 1, 3, 5, 0, 7, 2, 4, 6     B: 3, 7, 2, 6, 0, 1, 4, 5     C: 7, 5, 4, 6, 0, 1, 2, 3
# A at 0 has one UI, to 1.  From 1, B alone reaches 3 and C alone 5, both of which A
# prefers to 0; only the sequence B then C (or C then B) reaches 7, which A ranks below
# 0.  So 0 is GMR-stable for A only because the others move as a coalition (with single
# opponents' moves it would not be).  SEQ: B's move 1 -> 3 is a UI for B (3 is B's best)
# and C's 3 -> 7 a UI for C (7 is C's best): the sanction is credible, so SEQ-stable too.
# SMR: from 7 A can only move to 6, its worst: stable.  Nash: unstable (UI 1).
# At 2 (B alone), A's UI is 3 (A: 3 > 2); from 3 the coalition reaches 1 (B off), 7 (C
# on), 5 (B off, C on); 7 ranks below 2 for A?  No: A ranks 7 (5th) above 2 (6th).  So 2
# is GMR-unstable for A.


def three_dm_model(c_ranking: tuple[int, ...] = (7, 5, 4, 6, 0, 1, 2, 3)) -> ConflictModel:
    return ConflictModel(
        {"A": ["a"], "B": ["b"], "C": ["c"]},
        {"A": [1, 3, 5, 0, 7, 2, 4, 6], "B": [3, 7, 2, 6, 0, 1, 4, 5], "C": list(c_ranking)},
    )


def test_three_decision_makers_coalition_sanctions() -> None:
    m = three_dm_model()
    for method in METHODS:
        r = stability(m, method=method)
        assert not r.is_stable(0, "A", "nash")
        assert r.is_stable(0, "A", "gmr")
        assert r.is_stable(0, "A", "smr")
        assert r.is_stable(0, "A", "seq")
        assert not r.is_stable(2, "A", "gmr")
    # If C ranks 3 above 7, C would not complete the sanction: no longer credible (SEQ),
    # still possible (GMR).  C: 3 first, then 7, ... (3 -> 7 is no longer a UI for C; and
    # 1 -> 5 -> 7: B's move 5 -> 7 needs 7 > 5 for B: yes, and C's 1 -> 5 needs 5 > 1 for
    # C: yes, so that route still sanctions).  Make 5 worse than 1 for C as well:
    m2 = three_dm_model((3, 1, 7, 5, 4, 6, 0, 2))
    for method in METHODS:
        r = stability(m2, method=method)
        assert r.is_stable(0, "A", "gmr")
        assert not r.is_stable(0, "A", "seq")


def test_coalition_min_needs_legal_sequences() -> None:
    # One DM alone cannot chain its own moves: A: 0 -> 1 and 1 -> 2 are two moves by A.
    a = sp.csr_array(np.array([[0, 1, 0], [0, 0, 1], [0, 0, 0]], dtype=bool))
    assert coalition_min([a], np.array([5.0, 4.0, 1.0])).tolist() == [4.0, 1.0, np.inf]
    b = sp.csr_array(np.zeros((3, 3), dtype=bool))
    assert coalition_min([a, b], np.array([5.0, 4.0, 1.0])).tolist() == [4.0, 1.0, np.inf]
    assert coalition_min([], np.array([1.0, 2.0])).tolist() == [np.inf, np.inf]


# =============================================================================
# Option statements and constraints
# =============================================================================


def test_option_statements() -> None:
    taken = np.array([[a, b, c] for c in (0, 1) for b in (0, 1) for a in (0, 1)], dtype=bool)
    # Row k is the state with code k (options 1, 2, 3 = bits 0, 1, 2).
    assert statement_truth("-2", taken).tolist() == [True, True, False, False] * 2
    assert statement_truth("1 IF 3", taken).tolist() == [True] * 4 + [False, True, False, True]
    assert statement_truth("1 iff 3", taken).tolist() == [
        True,
        False,
        True,
        False,
        False,
        True,
        False,
        True,
    ]
    assert statement_truth("1|2", taken).tolist() == [False, True, True, True] * 2
    assert statement_truth("1 & -(2 | 3)", taken).tolist() == [False, True] + [False] * 6
    # Scores: k statements weigh 2**(k-1), ..., 1.
    assert priority_scores(["3", "-1"], taken).tolist() == [1, 0, 1, 0, 3, 2, 3, 2]
    for bad, why in [
        ("", "empty"),
        ("4", "does not exist"),
        ("1 &", "ends too early"),
        ("(1 | 2", "missing"),
        ("1 2", "unexpected"),
        ("1 + 2", "cannot read"),
    ]:
        with pytest.raises(InvalidPayoffError, match=why):
            statement_truth(bad, taken)


def test_priorities_model() -> None:
    # The US of a two-option model: most of all no air strike ("-1"), then a blockade
    # if the USSR keeps its missiles ("2 IF -3"), then ... scores 4*[-1] + 2*[2 IF -3] + [3].
    m = ConflictModel(
        {"US": ["air strike", "blockade"], "USSR": ["withdraw"]},
        {"US": ["-1", "2 IF -3", "3"], "USSR": Priorities(["3", "-2"])},
    )
    # code: 0 -> 4+0+0 = 4; 1 -> 0; 2 -> 4+2 = 6; 3 -> 2; 4 -> 4+2+1 = 7; 5 -> 0+2+1 = 3;
    # 6 -> 7; 7 -> 3.  Distinct scores 0 < 2 < 3 < 4 < 6 < 7 -> levels 0..5.
    assert m.levels[0].tolist() == [3, 0, 4, 1, 5, 2, 5, 2]


def test_constraints() -> None:
    def codes(*constraints: object) -> list[int]:
        m = ConflictModel(
            {"X": ["a", "b"], "Y": ["c"]},
            {"X": ["1"], "Y": ["1"]},
            constraints=constraints,  # type: ignore[arg-type]
        )
        return m.codes.tolist()

    assert codes(mutually_exclusive("a", "b")) == [0, 1, 2, 4, 5, 6]
    assert codes(AtLeastOne("a", "c")) == [1, 3, 4, 5, 6, 7]
    assert codes(ExactlyOne("a", "b", "c")) == [1, 2, 4]
    assert codes(Requires("b", "a")) == [0, 1, 3, 4, 5, 7]
    assert codes(Infeasible(taken=["a"], not_taken=["c"])) == [0, 2, 4, 5, 6, 7]


def test_irreversible_off() -> None:
    # "b" can only be switched off: X reaches 0 and 1 from 2 and 3, never 2 or 3 from 0, 1.
    m = ConflictModel(
        {"X": ["a", "b"], "Y": ["c"]}, {"X": ["1"], "Y": ["1"]}, irreversible={"b": "off"}
    )
    assert m.reachable("X", 0) == (1,)
    assert m.reachable("X", 3) == (0, 1, 2)
    assert m.directions == ("both", "off", "both")


# =============================================================================
# Bad input: clear errors, before any analysis
# =============================================================================


def _model(**kw: object) -> ConflictModel:
    args: dict[str, object] = {
        "decision_makers": {"US": ["strike", "blockade"], "USSR": ["withdraw"]},
        "preferences": {"US": list(range(8)), "USSR": list(range(8))},
    }
    args.update(kw)
    return ConflictModel(**args)  # type: ignore[arg-type]


def test_bad_rankings() -> None:
    with pytest.raises(InvalidPayoffError, match=r"misses feasible states \[7\]"):
        _model(preferences={"US": list(range(7)), "USSR": list(range(8))})
    with pytest.raises(InvalidPayoffError, match="lists state 3 more than once"):
        _model(preferences={"US": [0, 1, 2, 3, (3, 4), 5, 6, 7], "USSR": list(range(8))})
    with pytest.raises(InvalidPayoffError, match="state 9, which is not a feasible state"):
        _model(preferences={"US": [*range(8), 9], "USSR": list(range(8))})
    with pytest.raises(InvalidPayoffError, match="not a feasible state"):
        _model(
            constraints=[mutually_exclusive("strike", "blockade")],
        )
    with pytest.raises(InvalidPayoffError, match=r"no preferences given for \['USSR'\]"):
        _model(preferences={"US": list(range(8))})
    with pytest.raises(UnknownLabelError, match="Cuba"):
        _model(preferences={"US": list(range(8)), "USSR": list(range(8)), "Cuba": [0]})
    with pytest.raises(InvalidPayoffError, match="integer code"):
        _model(preferences={"US": ["0"] * 0 + [0.5], "USSR": list(range(8))})
    with pytest.raises(InvalidPayoffError):
        _model(preferences={"US": "4,6,5", "USSR": list(range(8))})


def test_bad_options_and_constraints() -> None:
    with pytest.raises(InvalidLabelError, match=r"named more than once: \['strike'\]"):
        _model(decision_makers={"US": ["strike", "blockade"], "USSR": ["strike"]})
    with pytest.raises(InvalidLabelError):
        _model(decision_makers={"US": ["strike", ""], "USSR": ["withdraw"]})
    with pytest.raises(InvalidGameError, match="'USSR' has no options"):
        _model(decision_makers={"US": ["strike", "blockade"], "USSR": []})
    with pytest.raises(InvalidGameError, match="no feasible state"):
        _model(constraints=[ExactlyOne("strike"), Infeasible(taken=["strike"])])
    with pytest.raises(UnknownLabelError, match="invade"):
        _model(constraints=[mutually_exclusive("strike", "invade")])
    with pytest.raises(UnknownLabelError, match="invade"):
        _model(irreversible=["invade"])
    with pytest.raises(InvalidGameError, match="direction"):
        _model(irreversible={"strike": "up"})
    with pytest.raises(InvalidGameError, match="no 'off' state"):
        _model(
            constraints=[AtLeastOne("strike")],
            irreversible=["strike"],
            preferences={"US": [1, 3, 5, 7], "USSR": [1, 3, 5, 7]},
        )
    with pytest.raises(InvalidGameError, match="no 'on' state"):
        _model(
            constraints=[Infeasible(taken=["strike"])],
            irreversible={"strike": "off"},
            preferences={"US": [0, 2, 4, 6], "USSR": [0, 2, 4, 6]},
        )
    with pytest.raises(InvalidGameError, match="status quo 1"):
        _model(
            constraints=[Infeasible(taken=["strike"])],
            status_quo=1,
            preferences={"US": [0, 2, 4, 6], "USSR": [0, 2, 4, 6]},
        )
    with pytest.raises(InvalidGameError, match="at least one decision maker"):
        ConflictModel({}, {})
    with pytest.raises(UnsupportedGameError, match="23 options"):
        ConflictModel({"X": [f"o{k}" for k in range(23)]}, {"X": ["1"]})


def test_bad_analysis_requests() -> None:
    m = fraser_hipel()
    with pytest.raises(UnknownLabelError, match="sim"):
        stability(m, concepts=["sim"])
    with pytest.raises(InvalidGameError, match="method"):
        stability(m, method="gpu")  # type: ignore[arg-type]
    r = stability(m, concepts=["nash", "R"])
    assert r.concepts == ("nash",)
    with pytest.raises(UnknownLabelError):
        stability(m, concepts=["nash"]).equilibria("seq")
    with pytest.raises(UnknownLabelError, match="Cuba"):
        m.reachable("Cuba", 0)
    with pytest.raises(UnknownLabelError, match="12"):
        m.reachable("US", 12)
    with pytest.raises(UnsupportedGameError, match="dense"):
        stability(random_conflict((5, 5, 4), exclusive_pairs=0), method="dense")


# =============================================================================
# Properties on random models
# =============================================================================

_SIZES = st.lists(st.integers(1, 2), min_size=2, max_size=3)


@settings(max_examples=40, deadline=None)
@given(_SIZES, st.integers(0, 2), st.integers(0, 2), st.integers(0, 10**6))
def test_inclusions_and_methods_agree(
    sizes: list[int], pairs: int, irreversible: int, seed: int
) -> None:
    m = random_conflict(sizes, exclusive_pairs=pairs, irreversible=irreversible, seed=seed)
    sparse = stability(m)
    dense = stability(m, method="dense")
    loop = stability(m, method="loop")
    assert np.array_equal(sparse.stable, dense.stable)
    assert np.array_equal(sparse.stable, loop.stable)
    nash, gmr, smr, seq = (sparse.stable[sparse.concepts.index(c)] for c in CONCEPTS)
    assert np.all(~nash | gmr) and np.all(~nash | smr) and np.all(~nash | seq)
    assert np.all(~smr | gmr) and np.all(~seq | gmr)
    # Every state with no UI for anybody is a Nash equilibrium, and conversely.
    no_ui = np.ones(m.n_states, dtype=bool)
    for dm in m.decision_makers:
        no_ui &= np.diff(m.improvements(dm).indptr) == 0
    assert np.array_equal(no_ui, sparse.equilibrium_mask("nash"))
    path = status_quo_path(m, concept="gmr", analysis=sparse)
    assert path.end in ("equilibrium", "cycle")
    if path.end == "equilibrium":
        assert path.states[-1] in sparse.equilibria("gmr")


def test_large_model_agrees_with_the_loop_on_sampled_states() -> None:
    from crisisgames.solvers.stability import _stable_loop

    m = random_conflict((4, 4, 3), seed=3)
    fast = stability(m)
    sample = np.random.default_rng(0).choice(m.n_states, size=6, replace=False)
    slow = _stable_loop(m, CONCEPTS, sample)
    assert np.array_equal(fast.stable[:, :, sample], slow[:, :, sample])


# =============================================================================
# Plot
# =============================================================================


def test_plot_state_graph() -> None:
    m = fraser_hipel()
    ax = plot_state_graph(m)
    assert ax.get_title() == m.name
    labels = [t.get_text() for t in ax.texts]
    assert "6" in labels and "US blockade\nUSSR withdraws" in labels
    legend_box = ax.get_legend()
    assert legend_box is not None
    legend = [t.get_text() for t in legend_box.get_texts()]
    assert "SEQ equilibrium" in legend and "path from the status quo (SEQ)" in legend
    plt.close("all")
    fig, ax2 = plt.subplots()
    out = plot_state_graph(
        m, stability(m), concept="nash", path=False, edges="moves", describe=False, ax=ax2
    )
    assert out is ax2
    legend_box = ax2.get_legend()
    assert legend_box is not None
    assert "Nash equilibrium" in [t.get_text() for t in legend_box.get_texts()]
    plt.close(fig)


def test_options_with_descriptions() -> None:
    m = ConflictModel(
        {"US": [Option("b", "US blockade")], "USSR": [Option("w", "USSR withdraws")]},
        {"US": Ranking([2, 3, 0, 1]), "USSR": Ranking([0, 2, 1, 3])},
    )
    assert m.describe(3) == "US blockade, USSR withdraws"
    assert m.options_of("USSR") == ("w",)
    assert "2 decision makers" in repr(m)
