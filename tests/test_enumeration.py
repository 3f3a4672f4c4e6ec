"""Known equilibria of bimatrix games through nash_equilibria (vertex enumeration), in
exact and float mode, degenerate games included; every expected value is derived by hand
in the comments."""

from __future__ import annotations

from fractions import Fraction as F

import numpy as np
import pytest
from textbook import chicken_ranks as chicken

from crisisgames import Equilibrium, EquilibriumSet, NormalFormGame, nash_equilibria
from crisisgames.errors import UnknownLabelError, UnsupportedGameError

MODES = [True, False]  # exact, float


def exact_set(res: EquilibriumSet) -> set[tuple[tuple[F, ...], ...]]:
    assert res.exact
    return {eq.exact_strategies for eq in res}


def float_profiles(res: EquilibriumSet) -> list[np.ndarray]:
    return [np.concatenate([np.asarray(s, dtype=float) for s in eq.strategies]) for eq in res]


def same_profile_sets(a: list[np.ndarray], b: list[np.ndarray], tol: float = 1e-9) -> bool:
    """Equal as sets: equal sizes and every profile of one within tol of one of the other."""
    if len(a) != len(b):
        return False
    return all(any(np.allclose(u, v, rtol=0, atol=tol) for v in b) for u in a) and all(
        any(np.allclose(u, v, rtol=0, atol=tol) for v in a) for u in b
    )


def check(res: EquilibriumSet, expected: dict, exact: bool) -> None:
    """``expected`` maps a profile (tuple of Fraction tuples) to its exact payoffs."""
    assert len(res) == len(expected)
    want = [np.array([float(v) for s in prof for v in s]) for prof in expected]
    assert same_profile_sets(float_profiles(res), want)
    for eq in res:
        key = next(p for p in expected if key_of(p) == eq_key(eq))
        assert eq.payoffs == pytest.approx([float(v) for v in expected[key]], abs=1e-12)
        if exact:
            assert eq.exact_strategies == key
            assert eq.exact_payoffs == tuple(expected[key])
            assert all(isinstance(v, F) for v in eq.exact_payoffs)
        else:
            assert eq.exact_strategies is None and eq.exact_payoffs is None
    assert res.status.complete is True
    assert res.method == "enumeration"
    assert res.exact is exact


def components_as_sets(res: EquilibriumSet) -> set[frozenset]:
    """Components as sets of exact/float-rounded profiles (independent of ordering)."""
    return {frozenset(eq_key(res[i]) for i in c.equilibria) for c in res.components}


def eq_key(eq: Equilibrium) -> tuple[float, ...]:
    return tuple(round(v, 9) for s in eq.strategies for v in s)


def prof(*strategies: tuple) -> tuple[tuple[F, ...], ...]:
    return tuple(tuple(F(v) for v in s) for s in strategies)


def key_of(p: tuple[tuple[F, ...], ...]) -> tuple[float, ...]:
    return tuple(round(float(v), 9) for s in p for v in s)


# ---------------------------------------------------------------------------- classics


@pytest.mark.parametrize("exact", MODES)
def test_chicken(exact: bool) -> None:
    # Pure: (blockade, maintain): US 2 > 1, USSR 4 > 3; (air strike, withdraw): US 4 > 3,
    # USSR 2 > 1.  The other two cells each have a profitable deviation.
    # Mixed: US indifferent when 3q + 2(1-q) = 4q + 1(1-q) <=> q + 2 = 3q + 1 <=> q = 1/2,
    # symmetric for USSR: p = 1/2.  Payoffs 3/2 + 2/2 = 5/2 each.
    res = nash_equilibria(chicken(), exact=exact)
    expected = {
        prof((1, 0), (0, 1)): (F(2), F(4)),
        prof((0, 1), (1, 0)): (F(4), F(2)),
        prof((F(1, 2), F(1, 2)), (F(1, 2), F(1, 2))): (F(5, 2), F(5, 2)),
    }
    check(res, expected, exact)
    assert res.status.degenerate is False and res.status.continuum is False
    assert len(res.components) == 3
    assert all(not c.is_continuum for c in res.components)
    # Documented order: pure profiles first, earlier actions first.
    assert [eq.supports for eq in res] == [
        (("blockade",), ("maintain",)),
        (("air strike",), ("withdraw",)),
        (("blockade", "air strike"), ("withdraw", "maintain")),
    ]
    assert [eq.is_pure for eq in res] == [True, True, False]
    assert res[2].strategy("US") == {"blockade": 0.5, "air strike": 0.5}
    assert res[2].strategy(1) == {"withdraw": 0.5, "maintain": 0.5}
    assert res[0].payoff("USSR") == 4.0
    with pytest.raises(UnknownLabelError):
        res[0].strategy("Cuba")
    assert len(res.pure) == 2


@pytest.mark.parametrize("exact", MODES)
def test_matching_pennies(exact: bool) -> None:
    # Each player mixes to make the other indifferent: q - (1-q) = -q + (1-q) -> q = 1/2;
    # likewise p = 1/2.  Zero-sum with value 0.  No pure equilibrium (every cell has a
    # deviation gaining 2).
    g = NormalFormGame.from_arrays([[1, -1], [-1, 1]], [[-1, 1], [1, -1]])
    res = nash_equilibria(g, exact=exact)
    half = (F(1, 2), F(1, 2))
    check(res, {prof(half, half): (F(0), F(0))}, exact)
    assert res.status.degenerate is False and res.status.continuum is False
    assert not res[0].is_pure
    assert res[0].supports == (("a1", "a2"), ("a1", "a2"))


@pytest.mark.parametrize("exact", MODES)
def test_prisoners_dilemma(exact: bool) -> None:
    # D strictly dominates C for both (5 > 3, 1 > 0): unique equilibrium (D, D) = (1, 1).
    g = NormalFormGame.from_arrays(
        [[3, 0], [5, 1]], [[3, 5], [0, 1]], actions=[["C", "D"], ["C", "D"]]
    )
    res = nash_equilibria(g, exact=exact)
    check(res, {prof((0, 1), (0, 1)): (F(1), F(1))}, exact)
    assert res[0].is_pure and res[0].supports == (("D",), ("D",))
    assert res.status.degenerate is False


@pytest.mark.parametrize("exact", MODES)
def test_battle_of_the_sexes(exact: bool) -> None:
    # A = [[2, 0], [0, 1]], B = [[1, 0], [0, 2]].  Pure: (a1, a1) -> (2, 1), (a2, a2) ->
    # (1, 2).  Mixed: row indifferent: 2q = 1 - q -> q = 1/3; column indifferent:
    # p = 2(1 - p) -> p = 2/3.  Payoffs: row 2q = 2/3, column p = 2/3.
    g = NormalFormGame.from_arrays([[2, 0], [0, 1]], [[1, 0], [0, 2]])
    res = nash_equilibria(g, exact=exact)
    check(
        res,
        {
            prof((1, 0), (1, 0)): (F(2), F(1)),
            prof((0, 1), (0, 1)): (F(1), F(2)),
            prof((F(2, 3), F(1, 3)), (F(1, 3), F(2, 3))): (F(2, 3), F(2, 3)),
        },
        exact,
    )
    assert res.status.degenerate is False and res.status.continuum is False


@pytest.mark.parametrize("exact", MODES)
def test_rock_paper_scissors_unique_uniform(exact: bool) -> None:
    # Zero-sum, symmetric, value 0.  Uniform y makes every row earn 0; against any other
    # column strategy some row earns > 0, so uniform is the unique optimal strategy for
    # each player, and the equilibrium is unique.
    A = [[0, -1, 1], [1, 0, -1], [-1, 1, 0]]
    g = NormalFormGame.from_arrays(A, -np.array(A))
    res = nash_equilibria(g, exact=exact)
    third = (F(1, 3),) * 3
    check(res, {prof(third, third): (F(0), F(0))}, exact)
    assert res.status.degenerate is False


@pytest.mark.parametrize("exact", MODES)
def test_weighted_rps_unique_fully_mixed(exact: bool) -> None:
    # Zero-sum, A = [[0, -1, 2], [1, 0, -1], [-1, 1, 0]], B = -A.
    # Column y making every row earn v: -y2 + 2y3 = v, y1 - y3 = v, -y1 + y2 = v
    #   -> y1 = v + y3, y2 = 2v + y3, then -(2v + y3) + 2y3 = v -> y3 = 3v, y1 = 4v,
    #   y2 = 5v; sum 12v = 1 -> v = 1/12, y = (1/3, 5/12, 1/4).
    # Row x making every column pay w: x2 - x3 = w, -x1 + x3 = w, 2x1 - x2 = w
    #   -> x3 = w + x1, x2 = 2w + x1, 2x1 - 2w - x1 = w -> x1 = 3w, x3 = 4w, x2 = 5w;
    #   w = 1/12, x = (1/4, 5/12, 1/3).
    # Uniqueness: y* is fully mixed and optimal, so any optimal x earns exactly v against
    # every column; that linear system has the unique solution above (and symmetrically
    # for y).  Payoffs: row 1/12, column -1/12.
    A = np.array([[0, -1, 2], [1, 0, -1], [-1, 1, 0]])
    g = NormalFormGame.from_arrays(A, -A)
    res = nash_equilibria(g, exact=exact)
    x = (F(1, 4), F(5, 12), F(1, 3))
    y = (F(1, 3), F(5, 12), F(1, 4))
    check(res, {(x, y): (F(1, 12), F(-1, 12))}, exact)
    assert res.status.degenerate is False and res.status.continuum is False
    assert res[0].supports == (("a1", "a2", "a3"),) * 2


# ------------------------------------------------------------------- degenerate games


@pytest.mark.parametrize("exact", MODES)
def test_all_zero_game(exact: bool) -> None:
    # Every profile is an equilibrium: the equilibrium set is the whole square, whose
    # extreme points are the 4 pure profiles; one component, one maximal Nash subset.
    g = NormalFormGame.from_arrays([[0, 0], [0, 0]], [[0, 0], [0, 0]])
    res = nash_equilibria(g, exact=exact)
    check(
        res,
        {prof(x, y): (F(0), F(0)) for x in [(1, 0), (0, 1)] for y in [(1, 0), (0, 1)]},
        exact,
    )
    assert res.status.degenerate is True and res.status.continuum is True
    assert len(res.components) == 1
    assert res.components[0].equilibria == (0, 1, 2, 3)
    assert res.components[0].nash_subsets == ((0, 1, 2, 3),)
    assert res.components[0].is_continuum
    assert all(eq.component == 0 for eq in res)


@pytest.mark.parametrize("exact", MODES)
def test_row_payoffs_constant(exact: bool) -> None:
    # A = 0: every row strategy is a best response.  B = [[3, 1], [0, 2]]: the column
    # player's gain from a1 at p = P(a1) is 3p + 0(1-p) - (p + 2(1-p)) = 4p - 2, zero at
    # p = 1/2.  Equilibria: {p in [1/2, 1], y = a1} u {p = 1/2, any y} u {p in [0, 1/2],
    # y = a2}: one connected zigzag with extreme points (1, a1), (1/2, a1), (1/2, a2),
    # (0, a2) and three maximal Nash subsets (its three segments).
    # Column payoffs: 3, 3/2, 1/2 + 1 = 3/2, 2.
    g = NormalFormGame.from_arrays([[0, 0], [0, 0]], [[3, 1], [0, 2]])
    res = nash_equilibria(g, exact=exact)
    h = (F(1, 2), F(1, 2))
    e11, e21 = prof((1, 0), (1, 0)), prof(h, (1, 0))
    e22, e02 = prof(h, (0, 1)), prof((0, 1), (0, 1))
    check(
        res,
        {e11: (F(0), F(3)), e21: (F(0), F(3, 2)), e22: (F(0), F(3, 2)), e02: (F(0), F(2))},
        exact,
    )
    assert res.status.degenerate is True and res.status.continuum is True
    assert len(res.components) == 1 and len(res.components[0].equilibria) == 4
    index = {key_of(p): i for i, p in enumerate([e11, e21, e22, e02])}
    at = [index[eq_key(eq)] for eq in res]
    subsets = {frozenset(at[i] for i in sub) for sub in res.components[0].nash_subsets}
    assert subsets == {frozenset({0, 1}), frozenset({1, 2}), frozenset({2, 3})}


@pytest.mark.parametrize("exact", MODES)
def test_two_by_three_segment(exact: bool) -> None:
    # Rows T, B; columns L, C, R.  A = [[1, 3, 0], [2, 0, 4]], B = [[2, 2, 0], [0, 1, 3]].
    # Against T the column player is indifferent between L and C (2 = 2 > 0).  With
    # y = (1-t, t, 0): T earns 1 + 2t, B earns 2 - 2t, so T is a best response iff
    # t >= 1/4: the segment {T} x [(3/4, 1/4, 0), (0, 1, 0)] (row payoffs 3/2 and 3, column 2).
    # Pure: (T, C) and (B, R) (row 4 > 0, column 3 > 0, 1); the other four cells have a
    # deviation.  Mixed p = P(T) in (0, 1): column payoffs L 2p, C p + 1, R 3 - 3p; C beats
    # L, and C = R at p = 1/2.  Row indifferent over {C, R}: 3 yC = 4 yR -> yC = 4/7.
    # So ((1/2, 1/2), (0, 4/7, 3/7)) with payoffs 12/7 and 3/2.
    # Components: the segment (2 extremes sharing x = T), (B, R), and the mixed point.
    A = [[1, 3, 0], [2, 0, 4]]
    B = [[2, 2, 0], [0, 1, 3]]
    g = NormalFormGame.from_arrays(A, B, actions=[["T", "B"], ["L", "C", "R"]])
    res = nash_equilibria(g, exact=exact)
    seg_lo = prof((1, 0), (F(3, 4), F(1, 4), 0))
    seg_hi = prof((1, 0), (0, 1, 0))
    br = prof((0, 1), (0, 0, 1))
    mixed = prof((F(1, 2), F(1, 2)), (0, F(4, 7), F(3, 7)))
    check(
        res,
        {
            seg_lo: (F(3, 2), F(2)),
            seg_hi: (F(3), F(2)),
            br: (F(4), F(3)),
            mixed: (F(12, 7), F(3, 2)),
        },
        exact,
    )
    assert res.status.degenerate is True and res.status.continuum is True
    assert components_as_sets(res) == {
        frozenset({key_of(seg_lo), key_of(seg_hi)}),
        frozenset({key_of(br)}),
        frozenset({key_of(mixed)}),
    }
    seg_comp = next(c for c in res.components if c.is_continuum)
    assert seg_comp.nash_subsets == (seg_comp.equilibria,)
    # Pure first, then by decreasing probabilities: (T, C), (B, R), segment end, mixed.
    assert [eq.supports for eq in res] == [
        (("T",), ("C",)),
        (("B",), ("R",)),
        (("T",), ("L", "C")),
        (("T", "B"), ("C", "R")),
    ]
    assert res[2].strategy("P2") == {"L": 0.75, "C": 0.25, "R": 0.0}


@pytest.mark.parametrize("exact", MODES)
def test_two_components(exact: bool) -> None:
    # A = B = [[1, 0, 0], [0, 0, 0]].  (T, L) is strict (1 > 0 for both).  If P(T) > 0 the
    # column player strictly prefers L, then the row player strictly prefers T: only
    # (T, L).  Against B every column earns 0, and B is a best response iff yL = 0: the
    # segment {B} x conv(C, R).  Two components: the point (T, L) and that segment.
    A = [[1, 0, 0], [0, 0, 0]]
    g = NormalFormGame.from_arrays(A, A, actions=[["T", "B"], ["L", "C", "R"]])
    res = nash_equilibria(g, exact=exact)
    check(
        res,
        {
            prof((1, 0), (1, 0, 0)): (F(1), F(1)),
            prof((0, 1), (0, 1, 0)): (F(0), F(0)),
            prof((0, 1), (0, 0, 1)): (F(0), F(0)),
        },
        exact,
    )
    assert res.status.degenerate is True and res.status.continuum is True
    # Canonical order: (T, L), (B, C), (B, R).
    assert [eq.supports for eq in res] == [(("T",), ("L",)), (("B",), ("C",)), (("B",), ("R",))]
    assert [(c.equilibria, c.nash_subsets) for c in res.components] == [
        ((0,), ((0,),)),
        ((1, 2), ((1, 2),)),
    ]
    assert [eq.component for eq in res] == [0, 1, 1]


@pytest.mark.parametrize("exact", MODES)
def test_degenerate_two_isolated_equilibria(exact: bool) -> None:
    # A = B = [[1, 0], [0, 0]]: (T, L) strict; (B, R) weak (both deviations earn 0).  Any
    # q > 0 makes T strictly better, then L strictly better: no other equilibrium.  An even
    # number of equilibria, possible only because the game is degenerate.
    g = NormalFormGame.from_arrays([[1, 0], [0, 0]], [[1, 0], [0, 0]])
    res = nash_equilibria(g, exact=exact)
    check(
        res,
        {prof((1, 0), (1, 0)): (F(1), F(1)), prof((0, 1), (0, 1)): (F(0), F(0))},
        exact,
    )
    assert res.status.degenerate is True and res.status.continuum is False
    assert len(res.components) == 2


@pytest.mark.parametrize("exact", MODES)
def test_exact_payoffs_from_fractions(exact: bool) -> None:
    # Matching pennies with the row player's payoffs scaled by 1/3 and column shifted by
    # 1/7: a positive affine transform, so still (1/2, 1/2) twice, payoffs (0, 1/7).
    g = NormalFormGame.from_arrays(
        [["1/3", "-1/3"], ["-1/3", "1/3"]], [["-6/7", "8/7"], ["8/7", "-6/7"]]
    )
    res = nash_equilibria(g, exact=exact)
    half = (F(1, 2), F(1, 2))
    check(res, {prof(half, half): (F(0), F(1, 7))}, exact)


# ------------------------------------------------------------- float vs exact, random


def test_float_agrees_with_exact_on_random_integer_games() -> None:
    rng = np.random.default_rng(20240601)
    for _ in range(300):
        m, n = rng.integers(2, 5, size=2)
        hi = int(rng.choice([2, 3, 6]))
        A = rng.integers(-hi, hi + 1, size=(m, n))
        B = rng.integers(-hi, hi + 1, size=(m, n))
        g = NormalFormGame.from_arrays(A, B)
        ex = nash_equilibria(g, exact=True)
        fl = nash_equilibria(g, exact=False)
        exact_as_float = [np.array([float(v) for s in eq.exact_strategies for v in s]) for eq in ex]
        assert same_profile_sets(float_profiles(fl), exact_as_float), (A, B)
        assert ex.status.degenerate == fl.status.degenerate, (A, B)
        assert ex.status.continuum == fl.status.continuum, (A, B)
        assert components_as_sets(ex) == components_as_sets(fl), (A, B)
        # And exact equilibria are exact equilibria: no pure deviation gains.
        U = g.exact_payoffs
        for eq in ex:
            x = np.array(eq.exact_strategies[0], dtype=object)
            y = np.array(eq.exact_strategies[1], dtype=object)
            assert max(U[0] @ y) == x @ U[0] @ y
            assert max(x @ U[1]) == x @ U[1] @ y


# ----------------------------------------------------------------------- nashpy methods


@pytest.mark.parametrize("method", ["nashpy-support", "nashpy-vertex", "nashpy-lemke-howson"])
def test_nashpy_methods_are_subsets_and_incomplete(method: str) -> None:
    rng = np.random.default_rng(7)
    for _ in range(15):
        m, n = rng.integers(2, 4, size=2)
        g = NormalFormGame.from_arrays(rng.random((m, n)), rng.random((m, n)))
        full = nash_equilibria(g)
        assert full.status.degenerate is False
        res = nash_equilibria(g, method=method)
        assert isinstance(res, EquilibriumSet)
        assert res.status.complete is False
        assert res.status.degenerate is None and res.status.continuum is None
        assert res.method == method
        assert len(res) >= 1
        ours = float_profiles(full)
        for p in float_profiles(res):
            assert any(np.allclose(p, q, atol=1e-7) for q in ours)


def test_method_errors() -> None:
    g = chicken()
    with pytest.raises(ValueError, match="unknown method"):
        nash_equilibria(g, method="magic")
    with pytest.raises(ValueError, match="tol"):
        nash_equilibria(g, tol=-1)
    with pytest.raises(UnsupportedGameError, match="no exact mode"):
        nash_equilibria(g, method="nashpy-support", exact=True)
    three = NormalFormGame(np.zeros((3, 2, 2, 2)))
    with pytest.raises(UnsupportedGameError, match="two-player"):
        nash_equilibria(three, method="enumeration")
