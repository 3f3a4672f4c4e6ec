"""Dynamic chicken (MODELS.md §4): the war of attrition under a daily hazard.

Expected values are derived by hand in the comments.  Notation: kappa_i = (C_i - D_i) /
(W_i - C_i); on a day with hazard h the USSR concedes with h kappa_US / (1 + h kappa_US)
(set by the US's indifference) and the US with h kappa_USSR / (1 + h kappa_USSR); on the
last day of a war deadline h is replaced by 1.  Default payoffs: US W 1, C -2, D -10 so
kappa_US = 8/3; USSR W 2, C -4, D -8 so kappa_USSR = 4/6 = 2/3.
"""

from __future__ import annotations

import math
from fractions import Fraction as F
from itertools import pairwise

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from crisisgames.errors import InvalidGameError, InvalidPayoffError, ShapeError
from crisisgames.models.dynamic_chicken import (
    DEFAULT_HAZARD,
    DEFAULT_PAYOFFS,
    HAZARD_NOTES,
    PLAYERS,
    THIRTEEN_DAYS,
    DynamicChickenEquilibrium,
    dynamic_chicken,
)

SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def totals(eq: DynamicChickenEquilibrium) -> np.ndarray:
    return (
        eq.p_war_by_day
        + eq.p_concede_by_day[..., 0, :]
        + eq.p_concede_by_day[..., 1, :]
        + eq.p_both_by_day
        + eq.p_standing
    )


# ------------------------------------------------------------------------- by hand
def test_one_day_war_deadline() -> None:
    # The last day of a war deadline: x_USSR = kappa_US/(1 + kappa_US) = (C - D)/(W - D)
    # = 8/11, x_US = 4/10 = 2/5, whatever the hazard.
    h = F(1, 10)
    eq = dynamic_chicken(hazard=[h])
    assert eq.concede[:, 0].tolist() == [F(2, 5), F(8, 11)]
    # Neither concedes: (3/5)(3/11) = 9/55 -> war, from the hazard (h) or the deadline.
    assert eq.p_war_by_day.tolist() == [h * F(9, 55)]
    assert eq.p_standing.tolist() == [(1 - h) * F(9, 55)]
    assert eq.p_deadline == F(81, 550) and eq.p_war == F(9, 55)
    # US alone (2/5)(3/11) = 6/55; USSR alone (8/11)(3/5) = 24/55; both (2/5)(8/11) = 16/55.
    assert eq.p_concede_by_day[:, 0].tolist() == [F(6, 55), F(24, 55)]
    assert eq.p_both_by_day.tolist() == [F(16, 55)]
    assert totals(eq).tolist() == [1]


def test_one_day_settlement_deadline() -> None:
    # No war deadline: x_USSR = (1/10)(8/3)/(1 + 4/15) = (4/15)/(19/15) = 4/19;
    # x_US = (1/15)/(16/15) = 1/16.  War = (15/16)(15/19)(1/10) = 225/3040 = 45/608.
    eq = dynamic_chicken(hazard=[F(1, 10)], deadline="settle")
    assert eq.concede[:, 0].tolist() == [F(1, 16), F(4, 19)]
    assert eq.p_war == F(45, 608)
    # Outlasting the horizon: (225/304)(9/10) = 405/608, a settlement, not war.
    assert eq.p_deadline == F(405, 608)


def test_two_days_by_hand() -> None:
    # Day 1 (h = 1/10): x_US = 1/16, x_USSR = 4/19 as above.  Day 2 is the deadline day:
    # x_US = 2/5, x_USSR = 8/11.
    eq = dynamic_chicken(hazard=[F(1, 10), F(1, 5)])
    assert eq.concede.tolist() == [[F(1, 16), F(2, 5)], [F(4, 19), F(8, 11)]]
    # Day 1: war (15/16)(15/19)(1/10) = 45/608; US alone (1/16)(15/19) = 15/304;
    # USSR alone (4/19)(15/16) = 15/76; both (1/16)(4/19) = 1/76;
    # standing (225/304)(9/10) = 405/608.  Sum: (90 + 60 + 240 + 16 + 810)/1216 = 1.
    assert eq.p_war_by_day[0] == F(45, 608)
    assert eq.p_concede_by_day[:, 0].tolist() == [F(15, 304), F(15, 76)]
    assert eq.p_both_by_day[0] == F(1, 76)
    assert eq.p_standing[0] == F(405, 608)
    # Day 2: hazard war (405/608)(3/5)(3/11)(1/5) = 729/33440, cumulative
    # 45/608 + 729/33440 = (2475 + 729)/33440 = 801/8360.  Still standing
    # (405/608)(9/55)(4/5) = 729/8360, and the deadline makes it war:
    # P(war) = (801 + 729)/8360 = 153/836.
    assert eq.p_war_by_day[1] == F(801, 8360)
    assert eq.p_standing[1] == eq.p_deadline == F(729, 8360)
    assert eq.p_war == F(153, 836)
    # US alone on day 2: (405/608)(2/5)(3/11) = 243/3344; cumulative 15/304 + 243/3344
    # = (165 + 243)/3344 = 408/3344 = 51/418.
    assert eq.p_concede_by_day[0, 1] == F(51, 418)
    assert totals(eq).tolist() == [1, 1]


def test_indifference_holds_every_day() -> None:
    # C_i = x_j W_i + (1 - x_j)(h D_i + (1 - h) V), V = C_i before the last day and the
    # deadline's payoff (war: D_i) after it.
    eq = dynamic_chicken()
    pay = DEFAULT_PAYOFFS
    for me, other in (("us", 1), ("ussr", 0)):
        w, c, d = (F(pay[f"{me}_{k}"]) for k in ("win", "concede", "war"))
        for t, h in enumerate(DEFAULT_HAZARD):
            x = eq.concede[other, t]
            v = d if t == len(DEFAULT_HAZARD) - 1 else c
            assert c == x * w + (1 - x) * (h * d + (1 - h) * v), (me, t)


def test_concession_is_set_by_the_other_sides_payoffs() -> None:
    base = dynamic_chicken()
    moved = dynamic_chicken(us_war=-20, us_win=3)
    assert moved.concede[0].tolist() == base.concede[0].tolist()  # the US's rate: unchanged
    assert moved.concede[1].tolist() != base.concede[1].tolist()


def test_symmetric_payoffs_give_symmetric_play() -> None:
    eq = dynamic_chicken(ussr_win=1, ussr_concede=-2, ussr_war=-10)
    assert eq.concede[0].tolist() == eq.concede[1].tolist()
    assert eq.p_concede_by_day[0].tolist() == eq.p_concede_by_day[1].tolist()


def test_no_hazard_no_concession() -> None:
    # The six secret days carry no hazard: nobody concedes and nothing happens.
    eq = dynamic_chicken()
    assert all(v == 0 for v in eq.concede[:, :6].ravel())
    assert all(v == 1 for v in eq.p_standing[:6])


# ---------------------------------------------------------------------------- resolve
def test_resolute_types_leave_outcomes_unchanged_while_feasible() -> None:
    # One day, war deadline: x_USSR = 8/11 and X_USSR(1) = 3/11.  With r = 1/4 <= 3/11 the
    # normal type concedes with (8/11)/(3/4) = 32/33; the posterior starts at r.
    eq = dynamic_chicken(hazard=[F(1, 10)], ussr_resolute=F(1, 4))
    assert eq.feasible is True
    assert eq.p_war == F(9, 55)
    assert eq.normal_concede[1, 0] == F(32, 33)
    assert eq.resolute_posterior[:, 0].tolist() == [0, F(1, 4)]
    # r = 3/10 > 3/11: the normal types cannot supply the concessions: flagged, no numbers.
    bad = dynamic_chicken(hazard=[F(1, 10)], ussr_resolute=F(3, 10))
    assert bad.feasible is False and bad.p_war is None and bad.concede[1, 0] is None


def test_posterior_by_hand_two_days() -> None:
    # Two days as above, r_USSR = 1/10: day 2 posterior r / (1 - 4/19) = (1/10)(19/15) = 19/150;
    # the normal type's day-2 concession (8/11)/(1 - 19/150) = (8/11)(150/131) = 1200/1441.
    eq = dynamic_chicken(hazard=[F(1, 10), F(1, 5)], ussr_resolute=F(1, 10))
    assert eq.resolute_posterior[1].tolist() == [F(1, 10), F(19, 150)]
    assert eq.normal_concede[1, 1] == F(1200, 1441)
    assert eq.p_war == F(153, 836)


# ------------------------------------------------------------------------ the crisis
def test_thirteen_day_default() -> None:
    assert len(THIRTEEN_DAYS) == len(DEFAULT_HAZARD) == len(HAZARD_NOTES) == 13
    assert THIRTEEN_DAYS[0] == "1962-10-16" and THIRTEEN_DAYS[-1] == "1962-10-28"
    eq = dynamic_chicken()
    assert eq.days == THIRTEEN_DAYS and eq.players == PLAYERS == ("US", "USSR")
    assert all(v == 1 for v in totals(eq))
    assert "1962-10-27" in eq.table()


def test_headline_sixty_percent_is_reachable() -> None:
    # Symmetric stakes with war costing a quarter of the prize (W 1, C 0, D -1/4, kappa 1/4),
    # the default hazard path and the war deadline: P(war) >= 3/5.
    eq = dynamic_chicken(
        us_win=1, us_concede=0, us_war=F(-1, 4), ussr_win=1, ussr_concede=0, ussr_war=F(-1, 4)
    )
    assert eq.p_war >= F(3, 5)
    # With the §3 payoffs it is far lower; and without a war deadline it cannot exceed the
    # probability that the hazard strikes at all, 1 - prod(1 - h_t).
    assert dynamic_chicken().p_war < F(3, 5)
    cap = 1 - math.prod(1 - h for h in DEFAULT_HAZARD)
    assert dynamic_chicken(deadline="settle").p_war <= cap < F(3, 5)


# ----------------------------------------------------------------------- properties
prob = st.fractions(0, 1, max_denominator=20)


@st.composite
def side_payoffs(draw: st.DrawFn) -> tuple[int, int, int]:
    war = draw(st.integers(-20, 5))
    concede = draw(st.integers(war + 1, war + 10))
    win = draw(st.integers(concede + 1, concede + 10))
    return win, concede, war


@SETTINGS
@given(
    st.lists(prob, min_size=1, max_size=6),
    side_payoffs(),
    side_payoffs(),
    st.sampled_from(["war", "settle"]),
)
def test_accounting_and_monotonicity(
    hazard: list[F], us: tuple[int, int, int], ussr: tuple[int, int, int], deadline: str
) -> None:
    eq = dynamic_chicken(
        hazard=hazard,
        us_win=us[0],
        us_concede=us[1],
        us_war=us[2],
        ussr_win=ussr[0],
        ussr_concede=ussr[1],
        ussr_war=ussr[2],
        deadline=deadline,  # type: ignore[arg-type]
    )
    assert all(v == 1 for v in totals(eq))  # exactly, every day
    for series in (eq.p_war_by_day, *eq.p_concede_by_day, eq.p_both_by_day):
        assert all(0 <= v <= 1 for v in series)
        assert all(a <= b for a, b in pairwise(series))
    assert all(a >= b for a, b in pairwise(eq.p_standing))
    assert all(0 <= x <= 1 for x in eq.concede.ravel())
    assert 0 <= eq.p_war <= 1
    expected = eq.p_war_by_day[-1] + (eq.p_deadline if deadline == "war" else 0)
    assert eq.p_war == expected


@SETTINGS
@given(st.lists(prob, min_size=1, max_size=5), prob, prob)
def test_resolve_changes_beliefs_not_outcomes(hazard: list[F], r1: F, r2: F) -> None:
    r1, r2 = min(r1, F(19, 20)), min(r2, F(19, 20))
    base = dynamic_chicken(hazard=hazard)
    eq = dynamic_chicken(hazard=hazard, us_resolute=r1, ussr_resolute=r2)
    survive = np.cumprod(1 - base.concede, axis=-1)[:, -1]
    assert eq.feasible == bool(survive[0] >= r1 and survive[1] >= r2)
    if eq.feasible:
        assert eq.p_war == base.p_war
        assert all(0 <= y <= 1 for y in eq.normal_concede.ravel())
        assert all(0 <= b <= 1 for b in eq.resolute_posterior.ravel())


def test_vectorised_equals_scalar() -> None:
    wars = [-10, -6, -3]
    hz = [[F(1, 10), F(1, 5)], [F(0), F(1, 2)]]
    eq = dynamic_chicken(
        hazard=np.array(hz, dtype=object)[:, None, :], us_war=np.array(wars)[None, :]
    )
    assert eq.p_war.shape == (2, 3) and eq.concede.shape == (2, 3, 2, 2)
    for a, h in enumerate(hz):
        for b, w in enumerate(wars):
            one = dynamic_chicken(hazard=h, us_war=w)
            assert eq.p_war[a, b] == one.p_war
            assert eq.p_concede_by_day[a, b].tolist() == one.p_concede_by_day.tolist()
            assert eq.p_standing[a, b].tolist() == one.p_standing.tolist()


def test_float_mode_agrees_with_exact() -> None:
    ex = dynamic_chicken()
    fl = dynamic_chicken(hazard=np.array([float(h) for h in DEFAULT_HAZARD]))
    assert fl.p_war_by_day.dtype == np.float64
    np.testing.assert_allclose(fl.p_war_by_day, ex.p_war_by_day.astype(float), rtol=1e-12)
    np.testing.assert_allclose(fl.concede, ex.concede.astype(float), rtol=1e-12)
    assert abs(fl.p_war - float(ex.p_war)) < 1e-12


# ---------------------------------------------------------------------------- errors
@pytest.mark.parametrize("bad", [[-0.1], [1.5], [float("nan")], [F(0), F(11, 10)]])
def test_bad_hazard(bad: list[object]) -> None:
    with pytest.raises(InvalidGameError, match="hazard"):
        dynamic_chicken(hazard=bad)


@pytest.mark.parametrize(
    "kw",
    [
        {"us_win": -2},  # win == concede
        {"us_concede": -10},  # concede == war
        {"ussr_war": 0},  # war above concede
        {"us_war": float("nan")},
        {"ussr_win": np.array([3, -5])},  # below concede at index (1,)
    ],
)
def test_bad_payoffs(kw: dict[str, object]) -> None:
    with pytest.raises(InvalidPayoffError):
        dynamic_chicken(**kw)  # type: ignore[arg-type]


def test_other_errors() -> None:
    with pytest.raises(InvalidGameError, match=r"\[0, 1\)"):
        dynamic_chicken(ussr_resolute=1)
    with pytest.raises(InvalidGameError, match="deadline"):
        dynamic_chicken(deadline="peace")  # type: ignore[arg-type]
    with pytest.raises(ShapeError):
        dynamic_chicken(hazard=F(1, 10))
    with pytest.raises(ShapeError):
        dynamic_chicken(hazard=[F(1, 10)], days=["a", "b"])
    with pytest.raises(ShapeError):
        dynamic_chicken(hazard=np.zeros((2, 3)), us_war=np.array([-10, -9, -8]))
    with pytest.raises(ShapeError):
        dynamic_chicken(us_war=np.array([-10, -9])).table()
