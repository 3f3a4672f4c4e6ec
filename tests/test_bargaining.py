"""Bargaining problems and their solutions: known answers derived by hand (exact fractions in
the comments), the limit relations between the strategic and axiomatic solutions, the axioms
as properties (hypothesis), batches against single problems, bad input, and the
``settlement`` scenario's secrecy model.

Every expected value below was derived by hand from the definitions, not copied from the
code's output.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from fractions import Fraction as F
from itertools import combinations, pairwise
from typing import Any

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from crisisgames.errors import (
    InvalidGameError,
    InvalidLabelError,
    InvalidParameterError,
    InvalidPayoffError,
    ShapeError,
    UnknownLabelError,
    UnsupportedGameError,
)
from crisisgames.games.bargaining import BargainingProblem, standoff_disagreement, war_probability
from crisisgames.scenarios import get, load
from crisisgames.scenarios import settlement as st_mod
from crisisgames.scenarios.base import as_exact
from crisisgames.solvers.bargaining import (
    METHODS,
    BargainingSolution,
    egalitarian,
    kalai_smorodinsky,
    limit_power,
    nash_solution,
    rubinstein,
    rubinstein_breakdown,
    solutions_table,
    solve,
    utilitarian,
)

SETTINGS = settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])

PIE = BargainingProblem([[1, 0], [0, 1]], [0, 0], packages=["A", "B"])  # a unit surplus
# A kinked frontier: (0, 3) -> (2, 2) on u2 = 3 - u1/2, then (2, 2) -> (3, 0) on u2 = 6 - 2 u1.
KINK = BargainingProblem([[0, 3], [2, 2], [3, 0], [0, 0]], [0, 0], packages=["L", "M", "R", "O"])


Solver = tuple[Callable[..., BargainingSolution], dict[str, Any]]


def pt(sol: BargainingSolution) -> list:
    return sol.point.tolist()


def proposals(sol: BargainingSolution) -> np.ndarray:
    assert sol.proposals is not None
    return sol.proposals


def lottery(sol: BargainingSolution) -> np.ndarray:
    assert sol.lottery is not None
    return sol.lottery


# =============================================================================== classics
@pytest.mark.parametrize("a", [F(1, 2), F(1, 3), F(1, 4), F(3, 5), F(0), F(1)])
def test_nash_divides_a_unit_surplus_by_bargaining_power(a: F) -> None:
    # maximise x^a (1 - x)^(1 - a): a / x = (1 - a) / (1 - x), so x = a, and player 2 gets 1 - a
    # (a = 0 and a = 1 are the dictators' points).  The point a A + (1 - a) B is the lottery.
    s = nash_solution(PIE, power=a)
    assert pt(s) == [a, 1 - a]
    assert s.status == "agreement"
    assert dict(s.mix()) == {k: w for k, w in (("A", a), ("B", 1 - a)) if w != 0}


def test_nash_splits_the_surplus_over_the_disagreement_point() -> None:
    # d = (1/5, 1/10): the surplus 1 - 3/10 = 7/10 splits equally: (1/5 + 7/20, 1/10 + 7/20)
    p = PIE.with_disagreement([F(1, 5), F(1, 10)])
    assert pt(nash_solution(p)) == [F(11, 20), F(9, 20)]
    # KS: ideal point (1 - 1/10, 1 - 1/5) = (9/10, 4/5); the ray from d along (7/10, 7/10)
    # is the equal-gains line: the same point
    assert pt(kalai_smorodinsky(p)) == [F(11, 20), F(9, 20)]


def test_kalai_smorodinsky_on_a_triangle() -> None:
    # S = conv{(0, 0), (2, 0), (0, 1)}, d = 0.  Frontier u2 = 1 - u1/2, ideal point (2, 1);
    # the segment u2 = u1/2 meets it at u1/2 = 1 - u1/2: (1, 1/2), half of each vertex.
    tri = BargainingProblem([[0, 0], [2, 0], [0, 1]], [0, 0], packages=["O", "A", "B"])
    ks = kalai_smorodinsky(tri)
    assert pt(ks) == [1, F(1, 2)]
    assert dict(ks.mix()) == {"A": F(1, 2), "B": F(1, 2)}
    # egalitarian: u1 = u2 = 1 - u1/2, u1 = 2/3
    assert pt(egalitarian(tri)) == [F(2, 3), F(2, 3)]
    # Nash: max u1 (1 - u1/2): 1 - u1 = 0, u1 = 1 (here it coincides with KS)
    assert pt(nash_solution(tri)) == [1, F(1, 2)]
    # utilitarian: u1 + 1 - u1/2 increases in u1: the vertex A
    u = utilitarian(tri)
    assert pt(u) == [2, 0] and u.mix() == (("A", 1),)
    assert tri.ideal_point.tolist() == [2, 1]


def test_kalai_smorodinsky_and_nash_differ() -> None:
    # Frontier (0, 1) -> (1, 1/2), u2 = 1 - u1/2, d = 0, ideal point (1, 1).
    # Nash: max u1 (1 - u1/2) has 1 - u1 = 0 at u1 = 1, the end (1, 1/2).
    # KS: the diagonal, u1 = 1 - u1/2: (2/3, 2/3) = (1/3)(0, 1) + (2/3)(1, 1/2).
    p = BargainingProblem([[0, 1], [1, F(1, 2)], [0, 0]], [0, 0], packages=["B", "A", "O"])
    assert pt(nash_solution(p)) == [1, F(1, 2)]
    ks = kalai_smorodinsky(p)
    assert pt(ks) == [F(2, 3), F(2, 3)]
    assert dict(ks.mix()) == {"B": F(1, 3), "A": F(2, 3)}


def test_individually_rational_part_sets_the_ideal_point() -> None:
    # Unit surplus, d = (0, 1/2): player 1 can get at most 1/2; ideal point (1/2, 1); the ray
    # along (1/2, 1/2) has equal gains: x = (1 - x) - 1/2, x = 1/4.  Nash: max x (1/2 - x).
    p = PIE.with_disagreement([0, F(1, 2)])
    assert p.ideal_point.tolist() == [F(1, 2), 1]
    assert pt(kalai_smorodinsky(p)) == [F(1, 4), F(3, 4)]
    assert pt(nash_solution(p)) == [F(1, 4), F(3, 4)]


def test_nash_on_a_kinked_frontier_picks_the_vertex() -> None:
    # Edge 1 (u2 = 3 - u1/2): u1 (3 - u1/2) peaks at u1 = 3 > 2, still rising at the kink;
    # edge 2 (u2 = 6 - 2 u1): u1 (6 - 2 u1) peaks at 3/2 < 2, falling: the vertex (2, 2).
    s = nash_solution(KINK)
    assert pt(s) == [2, 2] and s.mix() == (("M", 1),)
    # power 3/4: on edge 2, (3/4)/u1 = (1/4) 2/(6 - 2 u1): 4.5 - 1.5 u1 = 0.5 u1, u1 = 9/4
    assert pt(nash_solution(KINK, power=F(3, 4))) == [F(9, 4), F(3, 2)]


def test_lexicographic_egalitarian_when_the_frontier_ends() -> None:
    # Packages (2, 1) and (3, 0), d = 0: the equal-gains line never meets the frontier
    # (u1 >= 2 > 1 >= u2); the best for the worse-off player is the end (2, 1).
    p = BargainingProblem([[2, 1], [3, 0]], [0, 0], packages=["a", "b"])
    assert pt(egalitarian(p)) == [2, 1]


def test_weighted_egalitarian_and_utilitarian() -> None:
    three = BargainingProblem([[3, 0], [2, 2], [0, 3]], [0, 0], packages=["a", "b", "c"])
    # u1 + 3 u2: 3, 8, 9 at a, b, c: the vertex c
    assert pt(utilitarian(three, weights=(1, 3))) == [0, 3]
    # gains in proportion 1 : 2 on the edge from (0, 3) to (2, 2), u2 = 3 - u1/2:
    # u2 = 2 u1 = 3 - u1/2, u1 = 6/5
    assert pt(egalitarian(three, weights=(1, 2))) == [F(6, 5), F(12, 5)]


def test_utilitarian_tie_is_reported() -> None:
    # Every division of the unit surplus has the same sum: a whole edge; the egalitarian
    # point of the edge is reported, with status "not unique".
    s = utilitarian(PIE)
    assert s.status == "not unique"
    assert pt(s) == [F(1, 2), F(1, 2)]


@pytest.mark.parametrize(
    ("d1", "d2"), [(F(1, 2), F(3, 4)), (F(1, 3), F(1, 2)), (F(9, 10), F(1, 10)), (F(1, 2), F(1, 2))]
)
def test_rubinstein_shares_of_a_unit_surplus(d1: F, d2: F) -> None:
    # Stationary SPE: x2 = d2 y2, y1 = d1 x1, x1 + x2 = y1 + y2 = 1:
    # 1 - x1 = d2 (1 - d1 x1), x1 = (1 - d2) / (1 - d1 d2); player 2 proposes y1 = d1 x1.
    s = rubinstein(PIE, d1, d2)
    x1 = (1 - d2) / (1 - d1 * d2)
    assert pt(s) == [x1, 1 - x1]
    assert proposals(s).tolist() == [[x1, 1 - x1], [d1 * x1, 1 - d1 * x1]]
    # player 2 first: it proposes y*, whose y2 = (1 - d1) / (1 - d1 d2) by symmetry
    s2 = rubinstein(PIE, d1, d2, first=1)
    y2 = (1 - d1) / (1 - d1 * d2)
    assert pt(s2) == [1 - y2, y2]


def test_rubinstein_with_a_disagreement_point() -> None:
    # d = (1/5, 1/10): surplus 7/10; player 1's share of it (1 - 3/4)/(1 - 3/8) = 2/5 with
    # delta = (1/2, 3/4): x1 = 1/5 + (2/5)(7/10) = 12/25.
    p = PIE.with_disagreement([F(1, 5), F(1, 10)])
    assert pt(rubinstein(p, F(1, 2), F(3, 4))) == [F(12, 25), F(13, 25)]


def test_rubinstein_on_a_kinked_frontier() -> None:
    # delta = 9/10.  Guess x* on edge 2 (x2 = 6 - 2a) and y* on edge 1 (y2 = 3 - y1/2), with
    # y1 = (9/10) a and x2 = (9/10) y2: 6 - 2a = (9/10)(3 - 9a/20), 33/10 = 319a/200,
    # a = 660/319 = 60/29 (in [2, 3]); y1 = 54/29 (in [0, 2]): the guess holds.
    s = rubinstein(KINK, F(9, 10))
    assert pt(s) == [F(60, 29), F(54, 29)]
    assert proposals(s)[1].tolist() == [F(54, 29), F(60, 29)]
    # (60/29, 54/29) = (1 - w) M + w R with w = (60/29 - 2) / 1 = 2/29
    assert dict(s.mix()) == {"M": F(27, 29), "R": F(2, 29)}


def test_breakdown_is_rubinstein_with_delta_one_minus_p() -> None:
    # b = 0, no discounting, no outside option: the responder's continuation is (1 - p) times
    # its own next proposal: Rubinstein with delta = 1 - p, x1 = 1 / (2 - p).
    for p in (F(1, 2), F(1, 10), F(1, 1000)):
        s = rubinstein_breakdown(PIE, p, breakdown_payoff=[0, 0], outside_option=False)
        assert pt(s) == [1 / (2 - p), (1 - p) / (2 - p)]


def test_breakdown_limit_is_nash_at_the_breakdown_payoff() -> None:
    # BRW (1986): as p -> 0 the outcome tends to the symmetric Nash solution with the
    # disagreement point at the breakdown payoff b, not at the impasse point d.
    # Unit surplus, b = (1/5, 0), d = (0, 0): c = b, x1 = 1/5 + (4/5)/(2 - p) -> 3/5, while
    # Nash from d would give 1/2.
    b = [F(1, 5), 0]
    for p in (F(1, 10), F(1, 100), F(1, 10000)):
        s = rubinstein_breakdown(PIE, p, breakdown_payoff=b, outside_option=False)
        assert pt(s)[0] == F(1, 5) + F(4, 5) / (2 - p)
    assert pt(nash_solution(PIE.with_disagreement(b))) == [F(3, 5), F(2, 5)]
    # KINK with b = (2, 0): the individually rational frontier is edge 2 from (2, 2) to (3, 0),
    # gains g2 = 2 - 2 g1; the SPE gives g1 = (1 - delta)/(1 - delta^2) = 1/(1 + delta) with
    # delta = 1 - p, so u1 = 2 + 1/(2 - p) -> 5/2: Nash from b, (x - 2)(6 - 2x) peaks at 5/2.
    kink_b = [2, 0]
    s = rubinstein_breakdown(KINK, F(1, 10), breakdown_payoff=kink_b, outside_option=False)
    assert pt(s) == [F(48, 19), 6 - 2 * F(48, 19)]
    assert pt(nash_solution(KINK.with_disagreement(kink_b))) == [F(5, 2), 1]
    errors = []
    for prob in (1e-2, 1e-3, 1e-4):
        kf = BargainingProblem(np.asarray(KINK.utilities, dtype=float), [0.0, 0.0])
        x = rubinstein_breakdown(kf, prob, breakdown_payoff=[2.0, 0.0], outside_option=False)
        errors.append(abs(float(x.point[0]) - 2.5))
    assert errors[0] > errors[1] > errors[2] and errors[2] < 1e-4


def test_outside_option_principle() -> None:
    # Binmore, Shaked & Sutton (1989): d = (0, 7/10) as an outside option, b = 0, p -> 0.
    # Without it the outcome tends to (1/2, 1/2); player 2 would rather walk away, so player 1
    # offers exactly 7/10: (3/10, 7/10).  Player 2's own proposal gives player 1 its
    # continuation (1 - p)(3/10) = 297/1000 at p = 1/100.
    p = PIE.with_disagreement([0, F(7, 10)])
    s = rubinstein_breakdown(p, F(1, 100), breakdown_payoff=[0, 0])
    assert pt(s) == [F(3, 10), F(7, 10)]
    assert proposals(s)[1].tolist() == [F(297, 1000), F(703, 1000)]
    # and an outside option below the Rubinstein share changes nothing:
    q = PIE.with_disagreement([0, F(1, 10)])
    with_opt = rubinstein_breakdown(q, F(1, 100), breakdown_payoff=[0, 0])
    without = rubinstein_breakdown(q, F(1, 100), breakdown_payoff=[0, 0], outside_option=False)
    assert pt(with_opt) == pt(without) == [F(100, 199), F(99, 199)]


def test_brw_limit_rubinstein_tends_to_asymmetric_nash() -> None:
    # delta_i = exp(-r_i h), h -> 0: the outcome tends to the Nash solution with power
    # a = r2 / (r1 + r2) = log delta2 / (log delta1 + log delta2) for player 1.
    r1, r2 = 1.0, 3.0
    assert limit_power(math.exp(-r1), math.exp(-r2)) == pytest.approx(0.75)
    kf = BargainingProblem(np.asarray(KINK.utilities, dtype=float), [0.0, 0.0])
    target = [2.25, 1.5]  # Nash with power 3/4 on KINK (derived above)
    errs = []
    for h in (1e-2, 1e-3, 1e-4, 1e-5):
        s = rubinstein(kf, math.exp(-r1 * h), math.exp(-r2 * h))
        errs.append(np.max(np.abs(s.point - target)))
    assert all(a > b for a, b in pairwise(errs)) and errs[-1] < 1e-4
    # unit surplus: (1 - e^{-3h}) / (1 - e^{-4h}) -> 3/4, and the first mover's edge vanishes
    pie = BargainingProblem([[1.0, 0.0], [0.0, 1.0]], [0.0, 0.0])
    h = 1e-6
    first = rubinstein(pie, math.exp(-h), math.exp(-h))
    second = rubinstein(pie, math.exp(-h), math.exp(-h), first=1)
    assert float(first.point[0]) == pytest.approx(0.5, abs=1e-6)
    assert float(first.point[0] - second.point[0]) == pytest.approx(0, abs=1e-5)


def test_no_agreement_is_a_result() -> None:
    # d = (1/2, 1/2) lies on the frontier u1 + u2 = 1: nothing improves on it for both.
    p = PIE.with_disagreement([F(1, 2), F(1, 2)])
    assert p.agreement_possible is False
    for name in METHODS:
        kw = {"delta1": F(1, 2)} if name == "rubinstein" else {}
        kw = {"breakdown": F(1, 10)} if name == "rubinstein-breakdown" else kw
        s = solve(p, name, **kw)
        assert s.status == "no agreement", name
        assert pt(s) == [F(1, 2), F(1, 2)]
        assert lottery(s).tolist() == [-1, -1] and s.mix() == ()
    assert "no agreement" in nash_solution(p).describe()


# =============================================================================== frontier functions
CIRCLE = BargainingProblem.from_frontier(lambda x: 1 - x**2, 0, 1, [0, 0])


def test_frontier_function_solutions() -> None:
    # u2 = 1 - u1^2, d = 0.  Nash: d/dx x(1 - x^2) = 1 - 3x^2 = 0, x = 1/sqrt(3).
    assert float(nash_solution(CIRCLE).point[0]) == pytest.approx(1 / math.sqrt(3), abs=1e-9)
    # power a: a(1 - x^2) = 2(1 - a) x^2, x^2 = a / (2 - a); a = 1/3: x = 1/sqrt(5)
    assert float(nash_solution(CIRCLE, power=1 / 3).point[0]) == pytest.approx(
        1 / math.sqrt(5), abs=1e-9
    )
    # KS: ideal (1, 1), diagonal x = 1 - x^2: x = (sqrt 5 - 1)/2 (= the egalitarian point)
    golden = (math.sqrt(5) - 1) / 2
    assert float(kalai_smorodinsky(CIRCLE).point[0]) == pytest.approx(golden, abs=1e-12)
    assert float(egalitarian(CIRCLE).point[1]) == pytest.approx(golden, abs=1e-12)
    # utilitarian: 1 - 2x = 0
    assert float(utilitarian(CIRCLE).point[0]) == pytest.approx(0.5, abs=1e-9)
    # Rubinstein, delta: 1 - a^2 = delta (1 - delta^2 a^2): a = 1 / sqrt(1 + delta + delta^2);
    # with player 2 first the agreement is its proposal (delta a, 1 - delta^2 a^2)
    for delta in (0.5, 0.9, 0.99):
        a = 1 / math.sqrt(1 + delta + delta**2)
        s = rubinstein(CIRCLE, delta)
        assert s.point.tolist() == pytest.approx([a, 1 - a**2], abs=1e-12)
        s2 = rubinstein(CIRCLE, delta, first=1)
        assert s2.point.tolist() == pytest.approx([delta * a, 1 - (delta * a) ** 2], abs=1e-12)
    assert CIRCLE.table().startswith("frontier:")


def test_frontier_function_and_packages_agree() -> None:
    # the unit surplus as a frontier function u2 = 1 - u1
    line = BargainingProblem.from_frontier(lambda x: 1 - x, 0, 1, [0.2, 0.1])
    pkg = BargainingProblem([[1.0, 0.0], [0.0, 1.0]], [0.2, 0.1])
    solvers: list[Solver] = [
        (nash_solution, {"power": 0.3}),
        (kalai_smorodinsky, {}),
        (egalitarian, {}),
        (rubinstein, {"delta1": 0.8, "delta2": 0.6}),
        (rubinstein_breakdown, {"breakdown": 0.2, "breakdown_payoff": [0.0, 0.0]}),
    ]
    for fn, kw in solvers:
        assert fn(line, **kw).point == pytest.approx(fn(pkg, **kw).point, abs=1e-9), fn.__name__


# =============================================================================== vectorised
def test_parameters_broadcast_against_the_batch() -> None:
    deltas = np.array([F(1, 2), F(3, 4), F(9, 10)], dtype=object)
    s = rubinstein(PIE, deltas)
    assert s.shape == (3,)
    # symmetric delta: x1 = 1 / (1 + delta)
    assert s.point[:, 0].tolist() == [1 / (1 + d) for d in deltas]
    powers = np.linspace(0, 1, 11)
    assert nash_solution(PIE, power=powers).point[:, 0] == pytest.approx(powers, abs=1e-12)
    # a batch of disagreement points against one package table
    batch = PIE.with_disagreement(np.array([[0.0, 0.0], [0.5, 0.5], [0.2, 0.4]]))
    assert batch.shape == (3,)
    assert nash_solution(batch).status.tolist() == ["agreement", "no agreement", "agreement"]


@st.composite
def float_batches(draw: st.DrawFn) -> tuple[np.ndarray, np.ndarray]:
    n = draw(st.integers(1, 6))
    k = draw(st.integers(1, 6))
    seed = draw(st.integers(0, 2**32 - 1))
    rng = np.random.default_rng(seed)
    # some integer-valued entries make ties and collinear packages common
    u = np.where(
        rng.random((n, k, 2)) < 0.3, rng.integers(-2, 3, (n, k, 2)), rng.normal(size=(n, k, 2))
    )
    d = np.where(rng.random((n, 2)) < 0.3, rng.integers(-2, 2, (n, 2)), rng.normal(-1, 1, (n, 2)))
    return u.astype(float), d.astype(float)


@SETTINGS
@given(float_batches())
def test_batch_equals_single_problems(data: tuple[np.ndarray, np.ndarray]) -> None:
    u, d = data
    batch = BargainingProblem(u, d)
    solvers: list[Solver] = [
        (nash_solution, {"power": 0.3}),
        (kalai_smorodinsky, {}),
        (egalitarian, {}),
        (utilitarian, {}),
        (rubinstein, {"delta1": 0.9, "delta2": 0.7}),
        (rubinstein_breakdown, {"breakdown": 0.05, "breakdown_payoff": [-3.0, -3.0]}),
    ]
    for fn, kw in solvers:
        whole = fn(batch, **kw)
        for g in range(len(u)):
            one = fn(BargainingProblem(u[g], d[g]), **kw)
            assert whole.status[g] == one.status, fn.__name__
            assert whole.point[g] == pytest.approx(one.point, abs=1e-9), fn.__name__
            assert lottery(whole)[g].tolist() == lottery(one).tolist(), fn.__name__


# =============================================================================== axioms
coords = st.integers(-4, 4).map(F)


@st.composite
def exact_problems(draw: st.DrawFn) -> BargainingProblem:
    k = draw(st.integers(1, 6))
    pts = draw(st.lists(st.tuples(coords, coords), min_size=k, max_size=k))
    d = draw(st.tuples(st.integers(-5, 2).map(F), st.integers(-5, 2).map(F)))
    return BargainingProblem([list(p) for p in pts], list(d))


def _segment_points_dominating(a, b, x) -> bool:
    """Whether some point of the segment [a, b] weakly dominates x with one strict."""
    lo, hi = F(0), F(1)
    for i in range(2):  # a_i + t (b_i - a_i) >= x_i
        slope, gap = b[i] - a[i], x[i] - a[i]
        if slope > 0:
            lo = max(lo, gap / slope)
        elif slope < 0:
            hi = min(hi, gap / slope)
        elif gap > 0:
            return False
    if lo > hi:
        return False
    for t in (lo, hi, (lo + hi) / 2):
        p = [a[i] + t * (b[i] - a[i]) for i in range(2)]
        if p != list(x):
            return True
    return False


def _improvement_exists(pts, d) -> bool:
    """Max over the hull of min(u1 - d1, u2 - d2) > 0: at a package, or where a segment
    between two packages crosses the equal-gains line."""
    cands = list(pts)
    for a, b in combinations(pts, 2):
        ga, gb = (a[0] - d[0]) - (a[1] - d[1]), (b[0] - d[0]) - (b[1] - d[1])
        if ga != gb:
            t = ga / (ga - gb)
            if 0 <= t <= 1:
                cands.append([a[i] + t * (b[i] - a[i]) for i in range(2)])
    return max(min(p[0] - d[0], p[1] - d[1]) for p in cands) > 0


AXIOMATIC: list[Solver] = [
    (nash_solution, {}),
    (nash_solution, {"power": F(1, 3)}),
    (kalai_smorodinsky, {}),
    (egalitarian, {}),
    (utilitarian, {}),
    (rubinstein, {"delta1": F(4, 5), "delta2": F(2, 3)}),
    (rubinstein_breakdown, {"breakdown": F(1, 5), "delta1": F(9, 10)}),
]


@SETTINGS
@given(exact_problems())
def test_pareto_optimality_and_individual_rationality(p: BargainingProblem) -> None:
    assert p.utilities is not None
    pts = [list(u) for u in p.utilities]
    d = list(p.disagreement)
    agree = _improvement_exists(pts, d)
    assert bool(p.agreement_possible) is agree
    for fn, kw in AXIOMATIC:
        s = fn(p, **kw)
        x = s.point.tolist()
        assert (s.status != "no agreement") is agree, fn.__name__
        if not agree:
            assert x == d
            continue
        # individually rational, and not dominated by any lottery over two packages
        assert x[0] >= d[0] and x[1] >= d[1], fn.__name__
        for a, b in combinations([*pts, pts[0]], 2):
            assert not _segment_points_dominating(a, b, x), (fn.__name__, a, b, x)
        # the reported lottery implements the point
        mix = s.mix()
        assert 1 <= len(mix) <= 2 and sum(w for _, w in mix) == 1
        got = [sum(w * p.utilities[p.package_index(lab)][i] for lab, w in mix) for i in range(2)]
        assert got == x, fn.__name__


@SETTINGS
@given(exact_problems(), st.tuples(*(st.integers(1, 5).map(F),) * 2), st.tuples(coords, coords))
def test_scale_invariance(p: BargainingProblem, scale: tuple, shift: tuple) -> None:
    # Nash, KS and the strategic solutions are covariant with positive affine maps of each
    # player's utilities (the egalitarian and utilitarian solutions are not).
    a, b = np.array(scale, dtype=object), np.array(shift, dtype=object)
    q = BargainingProblem(p.utilities * a + b, p.disagreement * a + b)
    for fn, kw in AXIOMATIC:
        if fn in (egalitarian, utilitarian):
            continue
        s, t = fn(p, **kw), fn(q, **kw)
        assert t.status == s.status
        assert t.point.tolist() == (s.point * a + b).tolist(), fn.__name__


@SETTINGS
@given(st.lists(st.tuples(coords, coords), min_size=1, max_size=4), st.integers(-5, 1).map(F))
def test_symmetry(pts: list, c: F) -> None:
    # a problem symmetric under exchanging the players: symmetric solutions give equal utilities
    sym = pts + [(y, x) for x, y in pts]
    p = BargainingProblem([list(u) for u in sym], [c, c])
    for fn in (nash_solution, kalai_smorodinsky, egalitarian, utilitarian):
        x = fn(p).point.tolist()
        assert x[0] == x[1], fn.__name__


@SETTINGS
@given(exact_problems())
def test_nash_independence_of_irrelevant_alternatives(p: BargainingProblem) -> None:
    # dropping packages the solution does not use leaves the Nash solution where it was
    s = nash_solution(p)
    used = [lab for lab, _ in s.mix()]
    if not used:
        return
    assert nash_solution(p.restrict(used)).point.tolist() == s.point.tolist()


@SETTINGS
@given(exact_problems())
def test_exact_and_float_agree(p: BargainingProblem) -> None:
    q = BargainingProblem(
        np.asarray(p.utilities, dtype=float), np.asarray(p.disagreement, dtype=float)
    )
    for fn, kw in AXIOMATIC:
        kwf = {k: float(v) for k, v in kw.items()}
        s, t = fn(p, **kw), fn(q, **kwf)
        assert t.status == s.status, fn.__name__
        assert np.asarray(t.point, dtype=float) == pytest.approx(
            np.asarray(s.point, dtype=float), abs=1e-9
        )


# =============================================================================== frontier, labels
def test_frontier_skips_dominated_and_interior_packages() -> None:
    p = BargainingProblem(
        [[0, 2], [1, 1], [2, 0], [F(1, 2), F(1, 2)], [0, 2], [-1, 3]],
        [0, 0],
        packages=["a", "edge", "b", "inside", "a again", "c"],
    )
    fr = p.frontier
    # (-1, 3) -> (0, 2) -> (1, 1) -> (2, 0) are collinear: one edge, two vertices at its ends
    assert fr.labels() == ("c", "a", "edge", "b")
    assert fr.vertex[: int(fr.count)].tolist() == [True, False, False, True]
    text = p.table()
    assert "inside" in text and "edge" in text


def test_solution_reports_terms() -> None:
    p = BargainingProblem(
        [[2, 0], [0, 2]], [0, 0], packages=["x", "y"], terms=[["pledge", "trade"], ["pledge"]]
    )
    s = kalai_smorodinsky(p)
    assert s.term_probabilities() == {"pledge": 1, "trade": F(1, 2)}
    assert s.term_probability("trade") == F(1, 2)
    table = solutions_table([s, nash_solution(p)], labels=["KS", "Nash"], digits=3)
    assert "KS" in table and "0.5 'y' + 0.5 'x'" in table


def test_batch_indexing_and_restrict() -> None:
    batch = PIE.with_disagreement(np.array([[0, 0], [0, F(1, 2)]], dtype=object))
    one = batch[1]
    assert one.shape == () and pt(nash_solution(one)) == [F(1, 4), F(3, 4)]
    with pytest.raises(UnknownLabelError, match="unknown package 'Z'"):
        PIE.restrict(["Z"])


# =============================================================================== crisis models
def test_standoff_disagreement() -> None:
    # two days at hazard 1/10: P(war) = 1 - (9/10)^2 = 19/100
    assert war_probability(F(1, 10), 2) == F(19, 100)
    assert war_probability(np.array([0.0, 0.5]), 2).tolist() == [0.0, 0.75]
    d = standoff_disagreement(F(19, 100), [-1, -2], [F(1, 2), 0])
    # (19/100)(-1) + (81/100)(1/2) = 43/200; (19/100)(-2) = -19/50
    assert d.tolist() == [F(43, 200), F(-19, 50)]


# =============================================================================== bad input
def test_bad_input_is_rejected_before_any_work() -> None:
    with pytest.raises(InvalidGameError, match="empty"):
        BargainingProblem(np.zeros((0, 2)), [0, 0])
    with pytest.raises(InvalidGameError, match="empty"):
        BargainingProblem([], [0, 0])
    with pytest.raises(InvalidPayoffError, match="nan"):
        BargainingProblem([[1, float("nan")]], [0, 0])
    with pytest.raises(InvalidPayoffError):
        BargainingProblem([[1, 0]], [0, float("inf")])
    with pytest.raises(UnsupportedGameError, match="two players"):
        BargainingProblem([[1, 0, 0]], [0, 0, 0])
    with pytest.raises(ShapeError):
        BargainingProblem(np.zeros((3, 2, 2)), np.zeros((2, 2)))
    with pytest.raises(InvalidLabelError, match="duplicated"):
        BargainingProblem([[1, 0], [0, 1]], [0, 0], packages=["a", "a"])
    for bad in (0, 1, 1.5, -0.1, float("nan")):
        with pytest.raises(InvalidParameterError, match="delta"):
            rubinstein(PIE, bad)
        with pytest.raises(InvalidParameterError, match="delta2"):
            rubinstein(PIE, 0.5, bad)
    with pytest.raises(InvalidParameterError, match="index"):
        rubinstein(PIE, np.array([0.5, 1.0]))
    for bad in (1, 1.2, -0.1, float("nan")):
        with pytest.raises(InvalidParameterError, match="breakdown"):
            rubinstein_breakdown(PIE, bad)
    with pytest.raises(InvalidParameterError, match="no cost of delay"):
        rubinstein_breakdown(PIE, 0)
    with pytest.raises(InvalidParameterError, match="power"):
        nash_solution(PIE, power=1.5)
    with pytest.raises(InvalidParameterError, match="weights"):
        egalitarian(PIE, weights=(1, 0))
    with pytest.raises(InvalidParameterError, match="first"):
        rubinstein(PIE, 0.5, first=2)
    with pytest.raises(InvalidGameError, match="strictly decreasing"):
        BargainingProblem.from_frontier(lambda x: x, 0, 1, [0, 0])
    with pytest.raises(InvalidGameError, match="strictly decreasing"):
        BargainingProblem.from_frontier(lambda x: np.minimum(1 - x, 0.5), 0, 1, [0, 0])
    with pytest.raises(InvalidGameError, match="concave"):
        BargainingProblem.from_frontier(lambda x: (1 - x) ** 2, 0, 1, [0, 0])
    with pytest.raises(InvalidGameError, match="lo < hi"):
        BargainingProblem.from_frontier(lambda x: 1 - x, 1, 1, [0, 0])
    with pytest.raises(UnknownLabelError, match="unknown bargaining method"):
        solve(PIE, "nassh")
    with pytest.raises(InvalidParameterError, match="hazard"):
        war_probability(1.5, 1)


# =============================================================================== settlement scenario
DEF = get("settlement").defaults()


def test_settlement_is_in_the_catalog() -> None:
    from crisisgames.scenarios import catalog

    table = catalog()
    row = table[table["name"] == "settlement"].iloc[0]
    assert row["kind"] == "bargaining" and row["vectorised"]
    s = get("settlement")
    for p in s.parameters:
        assert p.source.split(":")[0] in ("brief", "model", "assumption", "recon"), p.name
    # reused declarations: the terms' leak and alliance cost, the verification scenario's
    # detection probabilities
    from crisisgames.models.terms import ALLIANCE_COST, LEAK

    assert s.parameter("leak") is LEAK and s.parameter("alliance_cost") is ALLIANCE_COST
    assert s.parameter("detect") is get("verification").parameter("detect")
    problem = load("settlement")
    assert problem.num_packages == 12 and problem.exact


def test_settlement_values_at_the_defaults() -> None:
    # D = 1 - (1/2)(4/5) = 3/5; q_back = 1/10; q_public = 1 - (9/10)^4 = 3439/10000;
    # d = -(1 - (9/10)^7) = -5217031/10000000.
    p = as_exact(DEF)
    U = st_mod.package_utilities(**p)
    d = st_mod.disagreement_point(**p)
    assert d.tolist() == [F(-5217031, 10000000)] * 2
    labels = [pk.label for pk in st_mod.PACKAGES]
    best_back = labels.index("back channel: withdrawal + pledge + Jupiters (Turkey, Italy)")
    best_public = labels.index("public: withdrawal + pledge + Jupiters (Turkey, Italy)")
    # USSR, back channel: -1/2 - 1/10 - (1/10)(1/5) + 1/10 + (9/10)(3/20) + (1/10)(1/5) = -73/200,
    # after the delay (9/10)(-73/200) - 1/10 = -857/2000.
    # US: 1/5 + (3/5)(1/10) - 1/20 - 1/40 - 1/40 - (1/10)(1/5 + 1/10) = 13/100 -> 17/1000.
    assert U[best_back].tolist() == [F(17, 1000), F(-857, 2000)]
    # USSR, public: -1/2 - 1/10 - 1/5 + 1/10 + 3/20 + 1/5 = -7/20 -> (6561/10000)(-7/20) - 3439/10000
    assert U[best_public, 1] == F(-114707, 200000)
    # US, public: 1/5 + 3/50 - 1/20 - 1/20 - 3/10 = -7/50 -> (6561/10000)(-7/50) - 3439/10000
    assert U[best_public, 0] == F(6561, 10000) * F(-7, 50) - F(3439, 10000)


def test_settlement_solutions_at_the_defaults() -> None:
    a = st_mod.analyse_settlement(exact=True)
    # public: the USSR's best public package is below d, so no lottery helps it
    assert bool(a.settles("public")) is False and bool(a.settles("back channel")) is True
    assert bool(a.secret_only)
    for s in a.solutions["public"].values():
        assert s.status == "no agreement"
    # Back channel, Nash: the frontier starts at A = pledge + both Jupiters (17/1000, -857/2000)
    # and its first edge runs to B = pledge + Turkey: US (9/10)(31/200) - 1/10 = 79/2000, USSR
    # (9/10)(-41/100) - 1/10 = -469/1000.  Along it, (dx, dy) = (45/2000, -81/2000) and the
    # derivative of log gains at A has the sign of dx (yA - d2) + dy (xA - d1) =
    # (45 (0.0932031) - 81 (0.5387031)) / 2000 < 0: the Nash solution is A itself, the
    # historical settlement (pledge and both Jupiters, secretly).
    for channel in ("back channel", "either"):
        nash = a.solutions[channel]["nash"]
        assert nash.mix() == (("back channel: withdrawal + pledge + Jupiters (Turkey, Italy)", 1),)
        assert nash.point.tolist() == [F(17, 1000), F(-857, 2000)]
        assert nash.term_probabilities()["secret_trade"] == 1
    text = st_mod.analysis(**DEF)
    assert "public channel: cannot settle; back channel: settles" in text
    assert "back channel: withdrawal + pledge + Jupiters (Turkey, Italy)" in text


def test_settlement_thresholds_derived_by_hand() -> None:
    # Where the USSR's constraint binds, channel c settles iff g^n (1 + v) > g^T, g = 1 - h:
    # h > 1 - (1 + v)^(1/(T - n)).  Back: v = -73/200, T - n = 6; public: v = -7/20, T - n = 3.
    back = 1 - (127 / 200) ** (1 / 6)
    public = 1 - (13 / 20) ** (1 / 3)
    assert st_mod.hazard_threshold("back channel") == pytest.approx(back, abs=1e-9)
    assert st_mod.hazard_threshold("public") == pytest.approx(public, abs=1e-9)
    # at the default costs a leak is neutral for the USSR (prestige 1/5 - audience 1/5) and the
    # US has slack: the threshold is the same for every leak probability
    leaks = np.linspace(0, 1, 11)
    assert st_mod.hazard_threshold("back channel", leak=leaks) == pytest.approx(
        np.full(11, back), abs=1e-9
    )
    # With alliance cost 1 and leak 1 the US binds.  Raw back-channel values: A = pledge + both
    # Jupiters, US 1/5 + 3/50 - 1/20 - 1/20 - (1 + 1/10) = -47/50, USSR -73/200 (leak-free);
    # B = pledge only, US 1/5 + 3/50 - 1/20 = 21/100, USSR -1/2 - 1/10 - 1/5 + 1/10 = -7/10.
    # Both need raw > r = g^6 - 1 (same delay for both packages); on B + t (A - B):
    # u = 21/100 - (23/20) t, v = -7/10 + (67/200) t; feasible iff
    # (23/20)(r + 7/10) < (67/200)(21/100 - r), i.e. r < -14693/29700.
    hard = st_mod.hazard_threshold("back channel", leak=1.0, alliance_cost=1.0)
    assert hard == pytest.approx(1 - (15007 / 29700) ** (1 / 6), abs=1e-9)


def test_settlement_leak_out_of_range_is_rejected() -> None:
    for bad in (-0.1, 1.5, float("nan")):
        with pytest.raises(InvalidParameterError, match="leak"):
            st_mod.channel_problem("back channel", leak=bad)
        with pytest.raises(InvalidParameterError, match="leak"):
            st_mod.analyse_settlement(leak=np.array([0.2, bad]))
    with pytest.raises(InvalidParameterError, match="secrecy_discount"):
        load("settlement", secrecy_discount=2)
    with pytest.raises(UnknownLabelError, match="unknown channel"):
        st_mod.channel_problem("radio")


def test_settlement_vectorised_equals_pointwise() -> None:
    rng = np.random.default_rng(3)
    n = 8
    arrays: dict[str, Any] = {
        "leak": rng.random(n),
        "alliance_cost": rng.uniform(0, 1, n),
        "hazard": rng.uniform(0.03, 0.2, n),
        "secrecy_discount": rng.uniform(0, 0.5, n),
    }
    whole = st_mod.analyse_settlement(**arrays)
    batch = get("settlement").build_batch(**arrays)
    assert batch.shape == (n,)
    for g in range(n):
        point: dict[str, Any] = {k: float(v[g]) for k, v in arrays.items()}
        one = st_mod.analyse_settlement(**point)
        exact = st_mod.analyse_settlement(exact=True, **point)
        for channel, sols in whole.solutions.items():
            for method, s in sols.items():
                o = one.solutions[channel][method]
                assert s.status[g] == o.status == exact.solutions[channel][method].status
                assert s.point[g] == pytest.approx(o.point, abs=1e-12)
                assert lottery(s)[g].tolist() == lottery(o).tolist()


def test_settlement_regions_and_report() -> None:
    codes = st_mod.channel_regions([0.1], [0.05, 0.1, 0.2])
    assert codes.ravel().tolist() == [0, 1, 3]  # neither, back channel only, both
    from crisisgames.cli import scenario_text

    text = scenario_text("settlement")
    assert "settlement: Bargaining over the settlement" in text
    assert "public channel: cannot settle; back channel: settles" in text
