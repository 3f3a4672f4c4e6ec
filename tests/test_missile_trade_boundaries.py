"""Two irrational regime boundaries of ``missile-trade``, derived by hand and pinned.

``regime_boundaries`` reports an irrational boundary only as a bracket (``exact`` false).
Here two of them are derived from the payoff formulas (``missile_trade._values`` and the
term values of ``crisisgames.models.terms``), checked against the reported brackets, and checked
with the exact solver on either side of the closed-form root.

The game.  The US offers o = no trade (0), secret trade (1) or public trade (2); a USSR
plan s (0..7) accepts offer o iff bit o of s is set.  With ``pledge`` true and the default
term values, the US's value of an accepted offer is

    u0 = withdrawal + no_reintroduction + pledge          = 1/5 + 1/10 - 1/20 = 1/4
    u1 = u0 + jupiters_turkey + jupiters_italy - leak*c   = 1/5 - leak*c
    u2 = u0 + jupiters_turkey + jupiters_italy - c        = 1/5 - c

(c = ``alliance_cost``), the USSR's value of an accepted public trade is V2 = -3/20, and a
hold-out is worth h = -r*w to the US and -r*w' to the USSR (r = ``war_risk``, w, w' the war
costs, both 1).

The component.  Against the pure public offer, the USSR's best responses are exactly the
four plans that accept it (4 "accept public", 5 "accept no-trade+public", 6 "accept
secret+public", 7 "accept no-trade+secret+public") as long as V2 > -r*w', i.e. r > 3/20.
Let q be the USSR's mixture over them, a0 = q5 + q7 and a1 = q6 + q7 the probabilities that
its plan accepts no trade and a secret trade.  The US keeps to the public offer iff it does
not gain by offering o = 0, 1 instead (indifference at equality):

    a_o * u_o + (1 - a_o) * h <= u2   <=>   a_o <= A_o = (u2 - h) / (u_o - h).

With h < u2 < u1 < u0, 0 < A0 < A1 < 1.  The equilibria with the US offering the public
trade are the polytope {q in the simplex on 4..7: q5 + q7 <= A0, q6 + q7 <= A1}, whose
vertices (the extreme equilibria the solver lists) are

    always:          e4;  A0 e5 + (1-A0) e4;  A1 e6 + (1-A1) e4;  A0 e7 + (1-A0) e4;
                     A0 e7 + (A1-A0) e6 + (1-A1) e4
    if A0 + A1 < 1:  A0 e5 + A1 e6 + (1-A0-A1) e4                      (support {4, 5, 6})
    if A0 + A1 > 1:  A0 e5 + (1-A0) e6;  (1-A1) e5 + A1 e6              (support {5, 6}, twice)
                     (1-A1) e5 + (1-A0) e6 + (A0+A1-1) e7              (support {5, 6, 7})

so the regime changes where A0 + A1 = 1: there the vertex with support {4, 5, 6} (q4 -> 0)
and the one with support {5, 6, 7} (q7 -> 0) meet at (q5, q6) = (A0, A1), and the first
vanishes as the other three appear.  Nothing else in the game changes there, and every
equilibrium of the component has the same outcome (a public trade accepted, no war): the
boundary is one of the geometry of the non-credible response plans, not of play.

Clearing denominators, A0 + A1 = 1 with x = r*w is (u2 + x)(u1 + x) + (u2 + x)(u0 + x)
= (u0 + x)(u1 + x), i.e. x^2 + 2 u2 x + u2 (u0 + u1) - u0 u1 = 0, whose root with
u2 + x > 0 is

    x* = sqrt((u0 - u2)(u1 - u2)) - u2.

1. Along ``war_risk`` (c = 1/5, leak = 1/10: u0 = 1/4, u1 = 9/50, u2 = 0, w = 1):
   r^2 = u0 u1 = 9/200, i.e. 200 r^2 - 9 = 0, r* = 3 sqrt(2) / 20 = 0.2121320343559...
   (the other root is negative).  A0 + A1 rises with r: the {4, 5, 6} vertex is below r*.
2. Along ``alliance_cost`` (leak = 1/10, r = 2/5, w = 1: u0 - u2 = c + 1/20,
   u1 - u2 = 9c/10): (3/5 - c)^2 = (c + 1/20)(9c/10), i.e. 20 c^2 - 249 c + 72 = 0,
   c* = (249 - 3 sqrt(6249)) / 40 = 0.2962037478084980...
   (the other root, (249 + 3 sqrt(6249)) / 40 = 12.15..., is outside [0, 1] and has
   3/5 - c < 0).  Both conditions above hold at c*: r = 2/5 > 3/20, h = -2/5 < u2.
   A0 + A1 falls as c rises: the {4, 5, 6} vertex is above c*.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass
from fractions import Fraction as F

import pytest

from crisisgames import nash_equilibria
from crisisgames.scenarios import get
from crisisgames.sweep import Grid, exact_regime, regime_boundaries, sweep

SCENARIO = get("missile-trade")
PUBLIC = (F(0), F(0), F(1))  # the US's pure public offer
DIGITS = 40  # decimal digits of the integer square roots below


@dataclass(frozen=True)
class Line:
    """A line of the parameter space with a closed-form boundary ``(a - k sqrt(m)) / d``,
    the one root of ``poly`` (coefficients from the constant term up) in the interval
    between the two grid values."""

    along: str
    params: dict[str, F]  # the other parameters the derivation fixes
    grid: tuple[float, float]  # two grid values on either side of the root
    a: int
    k: int
    m: int
    d: int
    poly: tuple[F, ...]
    rises: bool  # whether A0 + A1 rises along the line (then {4, 5, 6} is below the root)

    def f(self, x: F) -> F:
        return sum((coef * x**i for i, coef in enumerate(self.poly)), F(0))

    @property
    def root(self) -> float:
        return (self.a - self.k * math.sqrt(self.m)) / self.d

    def root_fraction(self) -> F:
        """The root to within ``k / (d * 10**DIGITS)``, exactly as a rational (integer
        square root, no floats)."""
        scale = 10**DIGITS
        return F(self.a * scale - self.k * math.isqrt(self.m * scale**2), self.d * scale)

    def point(self, x: F) -> dict[str, F]:
        return {**self.params, self.along: x}


WAR_RISK = Line(
    "war_risk",
    {"leak": F(1, 10), "alliance_cost": F(1, 5), "war_cost_us": F(1), "war_cost_ussr": F(1)},
    (0.2, 0.25),
    0,
    -3,  # r* = (0 - (-3) sqrt(2)) / 20 = 3 sqrt(2) / 20
    2,
    20,
    (F(-9), F(0), F(200)),  # 200 r^2 - 9
    True,
)
ALLIANCE_COST = Line(
    "alliance_cost",
    {"leak": F(1, 10), "war_risk": F(2, 5), "war_cost_us": F(1), "war_cost_ussr": F(1)},
    (0.25, 0.3),
    249,
    3,
    6249,
    40,
    (F(72), F(-249), F(20)),  # 20 c^2 - 249 c + 72
    False,
)
LINES = pytest.mark.parametrize("line", [WAR_RISK, ALLIANCE_COST], ids=lambda line: line.along)


# ------------------------------------------------------------------ the derivation
def us_values(p: dict[str, F]) -> tuple[F, F, F, F]:
    """``(u0, u1, u2, h)``: the US's values of accepted offers and of a hold-out, from the
    default term values (``pledge`` true), as in the module docstring."""
    u0 = F(1, 5) + F(1, 10) - F(1, 20)
    trade = u0 - F(1, 40) - F(1, 40)
    c = p["alliance_cost"]
    return u0, trade - p["leak"] * c, trade - c, -p["war_risk"] * p["war_cost_us"]


def thresholds(p: dict[str, F]) -> tuple[F, F]:
    """``(A0, A1)``: the largest probabilities with which the USSR's plan may accept no
    trade and a secret trade while the US still weakly prefers the public offer."""
    u0, u1, u2, h = us_values(p)
    return (u2 - h) / (u0 - h), (u2 - h) / (u1 - h)


def predicted_vertices(a0: F, a1: F) -> set[tuple[F, ...]]:
    """The vertices of {q: q5 + q7 <= A0, q6 + q7 <= A1} in the simplex on plans 4..7, as
    full USSR strategies over the eight plans."""

    def plan(q4: F, q5: F, q6: F, q7: F) -> tuple[F, ...]:
        return (F(0),) * 4 + (q4, q5, q6, q7)

    one, zero = F(1), F(0)
    vertices = {
        plan(one, zero, zero, zero),
        plan(1 - a0, a0, zero, zero),
        plan(1 - a1, zero, a1, zero),
        plan(1 - a0, zero, zero, a0),
        plan(1 - a1, zero, a1 - a0, a0),
    }
    if a0 + a1 < 1:
        vertices.add(plan(1 - a0 - a1, a0, a1, zero))
    elif a0 + a1 > 1:
        vertices |= {
            plan(zero, a0, 1 - a0, zero),
            plan(zero, 1 - a1, a1, zero),
            plan(zero, 1 - a1, 1 - a0, a0 + a1 - 1),
        }
    return vertices


def solved_vertices(p: dict[str, F]) -> tuple[list[tuple[F, ...]], list[str]]:
    """From the exact solver: the USSR strategies of the extreme equilibria in which the US
    offers the public trade, and the supports of all the other extreme equilibria."""
    eqs = nash_equilibria(SCENARIO.build(**p), exact=True)
    assert eqs.exact and eqs.status.complete
    public = []
    others = []
    for eq in eqs:
        us, ussr = (tuple(s) for s in eq.exact_strategies)
        if us == PUBLIC:
            public.append(ussr)
        else:
            others.append(str(eq.supports))
    return sorted(public), sorted(others)


def supports(label: str) -> Counter[str]:
    """A regime label's supports of extreme equilibria, with their numbers (a support
    shared by ``n`` extreme equilibria is written ``"... (xn)"``, or repeated)."""
    counts: Counter[str] = Counter()
    for part in label.removeprefix("continuum: ").split(" | "):
        match = re.fullmatch(r"(.*) \(x(\d+)\)", part)
        counts[match[1] if match else part] += int(match[2]) if match else 1
    return counts


# ------------------------------------------------------------------ the tests
@LINES
def test_the_derivation_holds_on_the_line(line):
    root = line.root_fraction()
    # The closed form is a root of the polynomial, and A0 + A1 = 1 there.
    assert line.f(root - F(1, 10**12)) * line.f(root + F(1, 10**12)) < 0
    a0, a1 = thresholds(line.point(root))
    assert abs(a0 + a1 - 1) < F(1, 10**30)
    # Its assumptions: h < u2 < u1 < u0 (so 0 < A0 < A1 < 1), and the USSR strictly
    # prefers accepting the public trade (-3/20) to holding out.
    u0, u1, u2, h = us_values(line.point(root))
    assert h < u2 < u1 < u0 and 0 < a0 < a1 < 1
    assert F(-3, 20) > -line.point(root)["war_risk"] * line.params["war_cost_ussr"]
    # The hand-written values agree with the scenario's payoffs (plan 7 accepts every
    # offer; plan 0 holds out).
    payoffs = SCENARIO.build(**line.point(root)).exact_payoffs  # (player, offer, plan)
    assert [payoffs[0, o, 7] for o in range(3)] == [u0, u1, u2]
    assert payoffs[0, 0, 0] == h and payoffs[1, 2, 7] == F(-3, 20)


@LINES
def test_regime_boundaries_brackets_the_closed_form(line):
    fixed = {k: float(v) for k, v in line.params.items() if k != "leak"}
    ds = sweep(Grid(SCENARIO, {"leak": [0.1], line.along: list(line.grid)}, fixed=fixed))
    b = regime_boundaries(ds, line.along)
    assert len(b) == 1
    row = b.iloc[0]
    assert row.leak == 0.1
    # Irrational: a bracket of at most the default tolerance, not an exact value.
    assert not row.exact and row.at_boundary == ""
    assert 0 < row.high - row.low <= F(1, 2**40)
    # The bracket holds the root, exactly: f changes sign across it, and the grid
    # interval holds no other root (the other one is 12.15... or negative).
    assert F(line.grid[0]) <= row.low < row.high <= F(line.grid[1])
    assert line.f(row.low) * line.f(row.high) < 0
    assert row.low < line.root_fraction() < row.high
    assert float(row.low) <= line.root <= float(row.high)
    # The regimes differ as derived: the {4, 5, 6} vertex on the side where A0 + A1 < 1;
    # the two {5, 6} vertices and the {5, 6, 7} one on the other.
    below, above = supports(row.below), supports(row.above)
    under, over = (below, above) if line.rises else (above, below)  # A0 + A1 < 1, > 1
    v456 = "US: public trade; USSR: {accept public, accept no-trade+public, accept secret+public}"
    v56 = "US: public trade; USSR: {accept no-trade+public, accept secret+public}"
    v567 = (
        "US: public trade; USSR: "
        "{accept no-trade+public, accept secret+public, accept no-trade+secret+public}"
    )
    assert (under[v456], under[v56], under[v567]) == (1, 0, 0)
    assert (over[v456], over[v56], over[v567]) == (0, 2, 1)
    assert under - Counter([v456]) == over - Counter([v56, v56, v567])


@LINES
def test_the_exact_solver_changes_structure_at_the_root(line):
    eps = F(1, 10**9)
    root = line.root_fraction()
    lo, hi = line.point(root - eps), line.point(root + eps)
    a_lo, a_hi = thresholds(lo), thresholds(hi)
    assert (sum(a_lo) < 1 < sum(a_hi)) if line.rises else (sum(a_hi) < 1 < sum(a_lo))
    public_lo, others_lo = solved_vertices(lo)
    public_hi, others_hi = solved_vertices(hi)
    # The public-offer component is exactly the derived polytope on both sides...
    assert public_lo == sorted(predicted_vertices(*a_lo))
    assert public_hi == sorted(predicted_vertices(*a_hi))
    # ... with 6 vertices where A0 + A1 < 1 and 8 where A0 + A1 > 1 ...
    assert sorted([len(public_lo), len(public_hi)]) == [6, 8]
    assert (len(public_lo) == 6) == line.rises
    # ... and nothing else changes across the root.
    assert others_lo == others_hi
    assert exact_regime(SCENARIO, **lo) != exact_regime(SCENARIO, **hi)
