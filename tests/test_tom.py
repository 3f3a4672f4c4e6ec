"""Tests of the Theory of Moves (crisisgames.solvers.tom) and the 78 ordinal 2x2 games.

Every expected value below was derived by hand from Brams's rules (the module docstring
of crisisgames.solvers.tom) and is written out in the comments; none was pasted from the
code's output.  Notation: a state is (row index, column index); its rank pair is
(Row's rank, Column's rank), 4 = best.  Row's move flips the row, Column's the column.
"""

from __future__ import annotations

import itertools

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from textbook import chicken_ranks as chicken

from crisisgames.errors import (
    InvalidPayoffError,
    ShapeError,
    UnknownLabelError,
    UnsupportedGameError,
)
from crisisgames.games.normal_form import NormalFormGame
from crisisgames.games.ordinal2x2 import (
    canonical_form,
    strict_ordinal_games,
    symmetry_images,
)
from crisisgames.solvers.tom import (
    format_tom_table,
    nonmyopic_equilibria,
    theory_of_moves,
    tom_outcome,
    tom_table,
)

BW, BM, AW, AM = (0, 0), (0, 1), (1, 0), (1, 1)


def prisoners_dilemma() -> NormalFormGame:
    # C/C (3,3), C/D (1,4), D/C (4,1), D/D (2,2).
    return NormalFormGame.from_ranks(
        [[3, 1], [4, 2]], [[3, 4], [1, 2]], actions=[["C", "D"], ["C", "D"]]
    )


def brams_cuban_game() -> NormalFormGame:
    # Brams's alternative to Chicken (MODELS.md sections 1-2), ranked by us from the
    # outcome descriptions: blockade/withdraw = compromise (3,3); blockade/maintain =
    # Soviet victory, US capitulation (1,4); air strike/withdraw = "dishonourable" US
    # action, Soviets thwarted (2,2); air strike/maintain = US victory over a Soviet
    # defeat (4,1).
    return NormalFormGame.from_ranks(
        [[3, 1], [2, 4]],
        [[3, 4], [2, 1]],
        players=["US", "USSR"],
        actions=[["blockade", "air strike"], ["withdraw", "maintain"]],
    )


# ----------------------------------------------------------------------------- Chicken
#
# Backward induction, Chicken.  Cycle s1 -P1-> s2 -P2-> s3 -P1-> s4 -P2-> s1; survivor at
# s4 is s1 if P2 prefers s1 to s4, else s4; then back to s3, s2; P1 moves iff it strictly
# prefers the survivor at s2 to s1.
#
# From BW (3,3), US first: BW -> AW(4,2) -> AM(1,1) -> BM(2,4) -> BW
#   s4 BM, USSR: BW 3 < 4, stays: BM.  s3 AM, US: BM 2 > 1, moves: BM.
#   s2 AW, USSR: BM 4 > 2, moves: BM (two-sidedness: US prefers s1 (3) to s2 (4)? no).
#   s1 BW, US: BM 2 < 3: stays.                       Survivors: BW, BM, BM, BM.
# From BW, USSR first (mirror): BW -> BM(2,4) -> AM -> AW(4,2) -> BW: USSR stays.
#   => BW is an NME (with or without the convention).
#
# From AW (4,2), US first: AW -> BW(3,3) -> BM(2,4) -> AM(1,1) -> AW
#   s4 AM, USSR: AW 2 > 1, moves: AW.  s3 BM, US: AW 4 > 2, moves: AW.
#   s2 BW, USSR: AW 2 < 3, stays: BW.  s1 AW, US: BW 3 < 4, stays.
# From AW, USSR first: AW -> AM(1,1) -> BM(2,4) -> BW(3,3) -> AW
#   s4 BW, US: AW 4 > 3, moves: AW.  s3 BM, USSR: AW 2 < 4, stays: BM.
#   s2 AM, US: BM 2 > 1, would move: BM.  Plain rules: s1 AW, USSR: BM 4 > 2, moves;
#     USSR moves to AM and the US retreats to BM: final BM (2,4).
#   Two-sidedness at s2: the USSR prefers s1 AW (2) to s2 AM (1) and the US prefers
#     AW (4) to BM (2): the US holds out at AM, the survivor at s2 is AW, and the USSR's
#     move only returns play to AW: it stays.  => AW is an NME with the convention.
# From BM (2,4): the mirror image (players swapped): NME with the convention; without it
#   the US moves to AM and the USSR retreats to AW: final AW (4,2).
#
# From AM (1,1), US first: AM -> BM(2,4) -> BW(3,3) -> AW(4,2) -> AM
#   s4 AW, USSR: AM 1 < 2, stays: AW.  s3 BW, US: AW 4 > 3, moves: AW.
#   s2 BM, USSR: AW 2 < 4, stays: BM.  s1 AM, US: BM 2 > 1, moves: final BM.
# From AM, USSR first (mirror): moves, final AW.  Both move, to different states:
#   indeterminate; with order power the US picks AW (4 > 2), the USSR picks BM.


def test_chicken_backward_induction_tables() -> None:
    g = chicken()
    out = tom_outcome(g, BW)
    us, ussr = out.plays
    assert us.states == (BW, AW, AM, BM)
    assert us.survivors == (BW, BM, BM, BM)
    assert us.moves_at == (False, True, True, False)
    assert ussr.states == (BW, BM, AM, AW)
    assert ussr.survivors == (BW, AW, AW, AW)
    assert out.is_nme and out.final == BW

    out = tom_outcome(g, AW)
    us, ussr = out.plays
    assert us.states == (AW, BW, BM, AM)
    assert us.survivors == (AW, BW, AW, AW)
    assert not us.moves
    assert ussr.states == (AW, AM, BM, BW)
    assert ussr.survivors == (AW, AW, BM, AW)
    assert ussr.tsc_applied and not ussr.moves
    assert out.is_nme


def test_chicken_without_two_sidedness() -> None:
    g = chicken()
    out = tom_outcome(g, AW, two_sidedness=False)
    ussr = out.plays[1]
    assert ussr.survivors == (BM, BM, BM, AW)
    assert ussr.moves and ussr.path == (AW, AM, BM)
    assert out.movers == ("USSR",) and out.final == BM
    assert tom_outcome(g, BM, two_sidedness=False).final == AW
    assert nonmyopic_equilibria(g, two_sidedness=False) == (("blockade", "withdraw"),)


def test_chicken_nmes_and_the_disaster_state() -> None:
    g = chicken()
    assert nonmyopic_equilibria(g) == (
        ("blockade", "withdraw"),
        ("blockade", "maintain"),
        ("air strike", "withdraw"),
    )
    out = tom_outcome(g, ("air strike", "maintain"))
    assert out.indeterminate and out.candidates == (BM, AW)
    assert out.movers == ("US", "USSR")
    assert tom_outcome(g, AM, order_power="US").final == AW
    assert tom_outcome(g, AM, order_power="USSR").final == BM
    assert tom_outcome(g, AM, order_power=1).final == BM
    # Order power does not touch determinate states.
    assert tom_outcome(g, BW, order_power="US").final == BW


# ----------------------------------------------------------------------------- PD
#
# Prisoners' Dilemma CC (3,3), CD (1,4), DC (4,1), DD (2,2):
# From CC, Row first: CC -> DC(4,1) -> DD(2,2) -> CD(1,4) -> CC
#   s4 CD, Col: CC 3 < 4 stays.  s3 DD, Row: CD 1 < 2 stays.  s2 DC, Col: DD 2 > 1 moves:
#   DD.  s1 CC, Row: DD 2 < 3 stays (and Column, by symmetry).  => CC is an NME.
# From DD, Row first: DD -> CD(1,4) -> CC(3,3) -> DC(4,1) -> DD
#   s4 DC, Col: DD 2 > 1 moves: DD.  s3 CC, Row: DD 2 < 3 stays: CC.
#   s2 CD, Col: CC 3 < 4 stays: CD.  s1 DD, Row: CD 1 < 2 stays.  => DD is an NME.
# From CD (1,4), Row first: CD -> DD(2,2) -> DC(4,1) -> CC(3,3) -> CD
#   s4 CC, Col: CD 4 > 3 moves: CD.  s3 DC, Row: CD 1 < 4 stays: DC.
#   s2 DD, Col: DC 1 < 2 stays: DD.  s1 CD, Row: DD 2 > 1 moves: final DD.
# From CD, Column first: CD -> CC(3,3) -> DC(4,1) -> DD(2,2) -> CD
#   s4 DD, Row: CD 1 < 2 stays: DD.  s3 DC, Col: DD 2 > 1 moves: DD.
#   s2 CC, Row: DD 2 < 3 stays: CC.  s1 CD, Col: CC 3 < 4 stays.
#   => only Row moves from CD: final DD (rule 6); DC is the mirror image.
# The two-sidedness convention never applies: at every s2, either P2 stays or P1
# prefers s2 to s1.


@pytest.mark.parametrize("tsc", [True, False])
def test_prisoners_dilemma(tsc: bool) -> None:
    g = prisoners_dilemma()
    analysis = theory_of_moves(g, two_sidedness=tsc)
    assert analysis.nonmyopic_equilibria == ((0, 0), (1, 1))
    cd = analysis.outcome(("C", "D"))
    assert cd.movers == ("P1",) and cd.final == (1, 1)
    assert cd.plays[0].survivors == ((1, 1), (1, 1), (1, 0), (0, 1))
    assert cd.plays[1].survivors == ((0, 1), (0, 0), (1, 1), (1, 1))
    dc = analysis.outcome((1, 0))
    assert dc.movers == ("P2",) and dc.final == (1, 1)
    assert not any(p.tsc_applied for o in analysis.outcomes for p in o.plays)


# ----------------------------------------------------------------------------- Brams's game
#
# Brams's Cuban missile crisis game, BW (3,3), BM (1,4), AW (2,2), AM (4,1): no pure Nash
# equilibrium (each cell has a deviation: BW -> BM for the USSR, BM -> AM for the US,
# AM -> AW for the USSR, AW -> BW for the US).
# From BW, US first: BW -> AW(2,2) -> AM(4,1) -> BM(1,4) -> BW
#   s4 BM, USSR: BW 3 < 4 stays.  s3 AM, US: BM 1 < 4 stays.  s2 AW, USSR: AM 1 < 2
#   stays.  s1 BW, US: AW 2 < 3 stays.
# From BW, USSR first: BW -> BM(1,4) -> AM(4,1) -> AW(2,2) -> BW
#   s4 AW, US: BW 3 > 2 moves: BW.  s3 AM, USSR: BW 3 > 1 moves: BW.
#   s2 BM, US: BW 3 > 1 moves: BW.  s1 BW, USSR: returns to BW: stays.  => NME (3,3).
# From AM (4,1), USSR first: AM -> AW(2,2) -> BW(3,3) -> BM(1,4) -> AM
#   s4 BM, US: AM 4 > 1 moves: AM.  s3 BW, USSR: AM 1 < 3 stays: BW.
#   s2 AW, US: BW 3 > 2 moves: BW (two-sidedness: does the USSR prefer AM (1) to AW (2)?
#   no).  s1 AM, USSR: BW 3 > 1 moves.  From AM, US first: AM -> BM(1,4) -> BW(3,3) ->
#   AW(2,2) -> AM; s4 AW, USSR: AM 1 < 2 stays; s3 BW, US: AW 2 < 3 stays; s2 BM, USSR:
#   BW 3 < 4 stays; s1 AM, US: BM 1 < 4 stays.  => the USSR withdraws (AW) and the US
#   answers with the blockade: final BW, the compromise.


def test_brams_cuban_game() -> None:
    g = brams_cuban_game()
    out = tom_outcome(g, ("blockade", "withdraw"))
    assert out.is_nme
    assert out.plays[1].survivors == (BW, BW, BW, BW)
    out = tom_outcome(g, ("air strike", "maintain"))
    assert out.movers == ("USSR",)
    assert out.plays[1].path == (AM, AW, BW)
    assert out.final == BW
    assert out.label(out.final) == "blockade, withdraw"
    assert (("blockade", "withdraw")) in nonmyopic_equilibria(g)


# ----------------------------------------------------------------------------- the 78 games


def test_there_are_78_games_57_of_them_conflict_games() -> None:
    games = strict_ordinal_games()
    assert len(games) == 78
    assert sum(g.is_conflict for g in games) == 57
    assert sum(g.orbit_size for g in games) == 576
    assert len({g.key for g in games}) == 78
    # Each representative is its own canonical form.
    assert all(canonical_form(g.row, g.col) == g.key for g in games)


def test_canonical_form_is_invariant_under_the_symmetries() -> None:
    for r, c in [([[3, 2], [4, 1]], [[3, 4], [2, 1]]), ([[3, 1], [4, 2]], [[3, 4], [1, 2]])]:
        key = canonical_form(r, c)
        for image in symmetry_images(r, c):
            rr = np.array(image[:4]).reshape(2, 2)
            cc = np.array(image[4:]).reshape(2, 2)
            assert canonical_form(rr, cc) == key


def test_chicken_and_pd_are_among_the_symmetric_games() -> None:
    games = {g.key: g for g in strict_ordinal_games()}
    chicken_key = canonical_form([[3, 2], [4, 1]], [[3, 4], [2, 1]])
    pd_key = canonical_form([[3, 1], [4, 2]], [[3, 4], [1, 2]])
    assert games[chicken_key].orbit_size == 4 and games[pd_key].orbit_size == 4


def test_tom_table_over_all_games() -> None:
    rows = tom_table()
    assert len(rows) == 78
    # A mutually best outcome is always an NME: neither player can improve on its best.
    for row in rows:
        g = row.game
        for r, c in itertools.product(range(2), repeat=2):
            if g.row[r][c] == 4 and g.col[r][c] == 4:
                assert (r, c) in row.nmes
    # With the convention every game has an NME; without it some conflict games have
    # none (e.g. two-sidedness is what keeps Chicken's (2,4) and (4,2)).
    assert all(row.nmes for row in rows)
    plain = tom_table(two_sidedness=False)
    assert any(not row.nmes for row in plain)
    chicken_key = canonical_form([[3, 2], [4, 1]], [[3, 4], [2, 1]])
    (chicken_row,) = [row for row in rows if row.game.key == chicken_key]
    assert len(chicken_row.nmes) == 3
    text = format_tom_table(rows)
    assert len(text.splitlines()) == 79 and "?" in text


_STRICT = st.permutations([1, 2, 3, 4])


@settings(max_examples=60, deadline=None)
@given(_STRICT, _STRICT, st.booleans())
def test_nmes_follow_relabelling(r: list[int], c: list[int], tsc: bool) -> None:
    row = np.array(r).reshape(2, 2)
    col = np.array(c).reshape(2, 2)
    base = set(theory_of_moves((row, col), two_sidedness=tsc).nonmyopic_equilibria)
    # Swap rows, swap columns, swap players: the NMEs move with the states.
    flipped = set(theory_of_moves((row[::-1], col[::-1]), two_sidedness=tsc).nonmyopic_equilibria)
    assert flipped == {(1 - a, b) for a, b in base}
    flipped = set(
        theory_of_moves((row[:, ::-1], col[:, ::-1]), two_sidedness=tsc).nonmyopic_equilibria
    )
    assert flipped == {(a, 1 - b) for a, b in base}
    swapped = set(theory_of_moves((col.T, row.T), two_sidedness=tsc).nonmyopic_equilibria)
    assert swapped == {(b, a) for a, b in base}


@settings(max_examples=60, deadline=None)
@given(_STRICT, _STRICT)
def test_play_is_consistent(r: list[int], c: list[int]) -> None:
    row = np.array(r).reshape(2, 2)
    col = np.array(c).reshape(2, 2)
    for o in theory_of_moves((row, col)).outcomes:
        for play in o.plays:
            # The path follows the cycle and ends at the survivor of s1.
            assert play.path[-1] == play.final
            assert play.moves == (len(play.path) > 1)
            k = len(play.path)
            assert play.path == (*play.states, play.states[0])[:k]
            # A player moves only to a final state it strictly prefers (rule 5).
            p = 0 if play.first_mover == "Row" else 1
            u = row if p == 0 else col
            if play.moves:
                assert u[play.final] > u[o.initial]
        if o.is_nme:
            assert o.final == o.initial


# ----------------------------------------------------------------------------- input


def test_labels_text_and_errors() -> None:
    g = chicken()
    analysis = theory_of_moves(g)
    text = analysis.table()
    assert "blockade, withdraw" in text and "NME" in text and "indeterminate" in text
    assert str(analysis.outcome(("blockade", "withdraw"))).endswith("nonmyopic equilibrium")
    with pytest.raises(UnsupportedGameError):
        tom_outcome(NormalFormGame.from_ranks([[1, 2, 3]], [[3, 2, 1]]), (0, 0))
    with pytest.raises(UnknownLabelError, match="invade"):
        tom_outcome(g, ("invade", "withdraw"))
    with pytest.raises(UnknownLabelError):
        tom_outcome(g, "blockade")
    with pytest.raises(UnknownLabelError, match="Cuba"):
        tom_outcome(g, BW, order_power="Cuba")
    with pytest.raises(ShapeError):
        tom_outcome(([1, 2, 3, 4], [[1, 2], [3, 4]]), (0, 0))
    with pytest.raises(InvalidPayoffError):
        canonical_form([[1, 1], [2, 3]], [[1, 2], [3, 4]])
    with pytest.raises(ShapeError):
        canonical_form([1, 2, 3, 4], [[1, 2], [3, 4]])


def test_ties_mean_staying() -> None:
    # Row indifferent everywhere: it never moves; Column moves only on strict gains.
    out = theory_of_moves(([[1, 1], [1, 1]], [[1, 2], [2, 1]]))
    assert all(o.plays[0].moves is False for o in out.outcomes)
    assert out.outcome((0, 0)).movers == ("Column",)
