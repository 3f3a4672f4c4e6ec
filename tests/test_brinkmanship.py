"""Brinkmanship (MODELS.md §3): thresholds, windows and the game, pinned by hand.

Every expected value below is derived by hand in the comments from the payoff table
(US: comply 1, stay -2, war -10; soft: -4, 2, -8; hard: -8, 2, -4), never pasted from
the code's output.
"""

from __future__ import annotations

import math
from fractions import Fraction as F
from typing import Any

import matplotlib
import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from crisisgames import is_nash, nash_equilibria
from crisisgames.errors import InvalidGameError, InvalidPayoffError, ShapeError
from crisisgames.models.brinkmanship import (
    DEFAULT_PAYOFFS,
    KENNEDY_SOURCE,
    KENNEDY_WAR_ODDS,
    PAYOFF_SOURCES,
    Interval,
    acceptability,
    acceptability_bound,
    brinkmanship_analysis,
    brinkmanship_game,
    compliance_interval,
    effectiveness,
    effectiveness_threshold,
    is_acceptable,
    pure_threat_acceptable,
    threat_window,
    us_expected_payoff,
    war_probability,
    window_closing_p,
)

matplotlib.use("Agg")

SETTINGS = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def closed(lo: Any, hi: Any) -> Interval:
    return Interval(F(lo), F(hi))


# --------------------------------------------------------------------- effectiveness
def test_effectiveness_thresholds_at_the_defaults() -> None:
    # Soft: -4 >= q(-8) + (1 - q)2 = 2 - 10q  <=>  q >= 6/10 = 3/5.
    assert effectiveness_threshold(-4, 2, -8) == F(3, 5)
    assert compliance_interval(-4, 2, -8) == closed(F(3, 5), 1)
    # Hard: -8 >= q(-4) + (1 - q)2 = 2 - 6q  <=>  q >= 10/6 = 5/3 > 1: never.
    assert effectiveness_threshold(-8, 2, -4) == F(5, 3)
    assert compliance_interval(-8, 2, -4).empty
    eff = effectiveness()
    assert eff["soft"] == closed(F(3, 5), 1) and eff["hard"].empty


def test_results_are_exact_fractions() -> None:
    t = effectiveness_threshold(-4, 2, -8)
    iv = threat_window(F(1, 3))
    assert type(t) is F and type(iv.lo) is F and type(iv.hi) is F
    assert type(us_expected_payoff(F(3, 5), F(1, 3))) is F
    # Strings and ints are exact inputs too.
    assert threat_window("1/3") == iv


@pytest.mark.parametrize(
    ("comply", "stay", "war", "expected"),
    [
        # Status quo preferred to war, t <= 0: 3 >= 2 - 10q for all q >= -1/10: always.
        (3, 2, -8, closed(0, 1)),
        # War preferred to the status quo (w > s) and comply < stay:
        # -4 >= 4q + 2(1 - q) = 2 + 2q  <=>  q <= -3: no q works.
        (-4, 2, 4, None),
        # War preferred, comply > stay: 3 >= 2 + 2q  <=>  q <= 1/2 (more threat, less compliance).
        (3, 2, 4, closed(0, F(1, 2))),
        # stay == war: the threat is irrelevant; -4 >= 2 never, 3 >= 2 always.
        (-4, 2, 2, None),
        (3, 2, 2, closed(0, 1)),
        # Exactly indifferent at q = 1: -8 >= -8q + 2(1 - q) at q = 1 (tie complies).
        (-8, 2, -8, closed(1, 1)),
    ],
)
def test_compliance_interval_general_cases(
    comply: int, stay: int, war: int, expected: Interval | None
) -> None:
    iv = compliance_interval(comply, stay, war)
    if expected is None:
        assert iv.empty and iv.lo is None and iv.hi is None
    else:
        assert iv == expected


def test_threshold_undefined_when_stay_equals_war() -> None:
    assert effectiveness_threshold(-4, 2, 2) is None
    assert math.isnan(effectiveness_threshold(-4.0, 2.0, 2.0))
    assert effectiveness_threshold(-4, 2, [2, -8]).tolist() == [None, F(3, 5)]


# --------------------------------------------------------------------- acceptability
@pytest.mark.parametrize(
    ("p", "bound"),
    # Only the soft type complies: (1 - p)*1 + p(-10q - 2(1 - q)) >= -2
    # <=> 3(1 - p) >= 8pq  <=>  q <= 3(1 - p)/(8p).
    [(F(1, 3), F(3, 4)), (F(1, 2), F(3, 8)), (F(1, 10), F(27, 8)), (F(3, 11), F(1)), (1, 0)],
)
def test_acceptability_bound(p: F, bound: F) -> None:
    assert acceptability_bound(p) == bound
    assert acceptability(p) == closed(0, min(bound, F(1)))


def test_acceptability_edge_cases() -> None:
    # p = 0: m = 1, (1 - m)L = 0 and mG = 3 >= 0: every q, no finite bound.
    assert acceptability(0) == closed(0, 1) and acceptability_bound(0) is None
    # Both comply: m = 1, acceptable iff G = 3 >= 0: every q.
    assert acceptability(F(1, 2), deter="both") == closed(0, 1)
    # Neither complies: m = 0: 8q <= 0, only q = 0 (no real threat).
    assert acceptability(F(1, 2), deter="neither") == closed(0, 0)
    # Only the hard type complies (m = p = 1/4): (3/4)8q <= (1/4)3  <=>  q <= 1/8.
    assert acceptability(F(1, 4), deter="hard") == closed(0, F(1, 8))


def test_us_expected_payoff_and_war_probability_by_hand() -> None:
    p = F(1, 3)
    # q >= 3/5, soft complies: EU = 1 - 3p - 8pq;  q < 3/5, both defy: EU = -2 - 8q.
    assert us_expected_payoff(F(3, 5), p) == 1 - 3 * p - 8 * p * F(3, 5) == F(-8, 5)
    assert us_expected_payoff(F(3, 4), p) == F(-2)  # the acceptability bound: indifferent
    assert us_expected_payoff(F(1, 2), p) == -2 - 8 * F(1, 2) == F(-6)
    assert us_expected_payoff(0, p) == F(-2)
    # P(war) = q(1 - m): pq once the soft type complies, q below.
    assert war_probability(F(3, 5), p) == F(1, 5)
    assert war_probability(F(1, 2), p) == F(1, 2)
    assert war_probability(1, p) == F(1, 3)
    assert is_acceptable(F(3, 4), p) and not is_acceptable(F(3, 4) + F(1, 1000), p)
    assert not is_acceptable(F(1, 2), p)  # ineffective threats only add risk


def test_pure_threat() -> None:
    # q = 1: (1 - p) - 10p >= -2  <=>  3 >= 11p  <=>  p <= 3/11.
    assert pure_threat_acceptable(F(3, 11))
    assert not pure_threat_acceptable(F(3, 11) + F(1, 10**9))
    assert pure_threat_acceptable(np.array([F(0), F(1, 4), F(2, 7)], dtype=object)).tolist() == [
        True,
        True,
        False,
    ]


# ----------------------------------------------------------------------------- window
@pytest.mark.parametrize(
    ("p", "expected"),
    [
        (F(0), closed(F(3, 5), 1)),  # no hard type: every effective threat is acceptable
        (F(1, 4), closed(F(3, 5), 1)),  # bound 3(3/4)/2 = 9/8 clipped at 1
        (F(3, 11), closed(F(3, 5), 1)),  # bound exactly 1: the pure threat just acceptable
        (F(1, 3), closed(F(3, 5), F(3, 4))),
        (F(5, 13), closed(F(3, 5), F(3, 5))),  # bound 3(8/13)/(40/13) = 3/5: a single point
        (F(2, 5), None),  # bound 3(3/5)/(16/5) = 9/16 < 3/5
        (F(1, 2), None),
        (F(1), None),
    ],
)
def test_window_at_the_defaults(p: F, expected: Interval | None) -> None:
    w = threat_window(p)
    if expected is None:
        assert w.empty
    else:
        assert w == expected


def test_window_closes_at_5_13() -> None:
    # 3/5 <= 3(1 - p)/(8p)  <=>  24p <= 15 - 15p  <=>  p <= 15/39 = 5/13.
    assert window_closing_p() == F(5, 13)
    assert not threat_window(F(5, 13)).empty and threat_window(F(5, 13) + F(1, 10**6)).empty


def test_kennedy_band_straddles_the_window() -> None:
    assert KENNEDY_WAR_ODDS == closed(F(1, 3), F(1, 2))
    assert "Sorensen" in KENNEDY_SOURCE and "one out of three and even" in KENNEDY_SOURCE
    # At p = 1/3 the window is [3/5, 3/4]; at p = 1/2 it is empty (5/13 lies between).
    assert KENNEDY_WAR_ODDS.contains(window_closing_p())


def test_sweetener_moves_thresholds_and_window() -> None:
    # Soft: -4 + j >= 2 - 10q  <=>  q >= (6 - j)/10; hard: -8 + j >= 2 - 6q <=> q >= (10 - j)/6.
    for j in (F(0), F(1), F(3), F(4), F(6)):
        assert effectiveness_threshold(-4, 2, -8, sweetener=j) == (6 - j) / 10
        assert effectiveness_threshold(-8, 2, -4, sweetener=j) == (10 - j) / 6
    assert effectiveness(sweetener=4)["hard"] == closed(1, 1)  # hard deterred only by q = 1
    assert effectiveness(sweetener=6)["soft"] == closed(0, 1)  # soft complies unthreatened
    # At p = 1/2 the bound is 3/8 whatever j; the window [(6 - j)/10, 3/8] opens at j = 9/4.
    assert threat_window(F(1, 2), sweetener=3) == closed(F(3, 10), F(3, 8))
    assert threat_window(F(1, 2), sweetener=F(9, 4)) == closed(F(3, 8), F(3, 8))
    assert threat_window(F(1, 2), sweetener=F(9, 4) - F(1, 100)).empty
    # Closing p: (6 - j)/10 * 8p <= 3(1 - p)  <=>  p <= 15/(39 - 4j).
    for k in (0, 1, 2, 3):
        assert window_closing_p(sweetener=k) == F(15, 39 - 4 * k)


def test_sweetener_that_deters_the_hard_type_opens_the_top_of_the_window() -> None:
    # j = 5: soft threshold 1/10, hard threshold 5/6.  At p = 1/10 the bound is 27/8.
    # Soft only: soft complies and hard *defies* (q < 5/6, open end): [1/10, 5/6).
    w = threat_window(F(1, 10), sweetener=5)
    assert (w.lo, w.hi, w.lo_closed, w.hi_closed) == (F(1, 10), F(5, 6), True, False)
    assert w.contains(F(5, 6) - F(1, 10**6)) and not w.contains(F(5, 6))
    # Both deterred (q >= 5/6); m = 1 so acceptable iff G = 3 >= 0: [5/6, 1].
    assert threat_window(F(1, 10), sweetener=5, deter="both") == closed(F(5, 6), 1)


def test_window_with_an_open_lower_end() -> None:
    # A hard type that prefers war to the status quo (stay 2 < war 4) but complies unthreatened
    # (comply 3): 3 >= 2 + 2q <=> q <= 1/2, so it defies only for q > 1/2.  Soft with comply -1:
    # -1 >= 2 - 10q <=> q >= 3/10.  At p = 1/3 the soft-only bound is 3/4: window (1/2, 3/4].
    kw: dict[str, Any] = {"soft_comply": -1, "hard_comply": 3, "hard_war": 4}
    w = threat_window(F(1, 3), **kw)
    assert (w.lo, w.hi, w.lo_closed, w.hi_closed) == (F(1, 2), F(3, 4), False, True)
    assert str(w) == "(1/2, 3/4]"
    a = brinkmanship_analysis(F(1, 3), **kw)
    assert a.minimal_threat is None and a.us_payoff is None  # the infimum is not attained


def test_analysis_at_p_one_third() -> None:
    a = brinkmanship_analysis(F(1, 3))
    assert a.window == closed(F(3, 5), F(3, 4))
    assert a.soft_threshold == F(3, 5) and a.hard_threshold == F(5, 3)
    assert a.acceptability_bound == F(3, 4) and a.window_closing_p == F(5, 13)
    assert a.pure_threat_acceptable is False  # 1/3 > 3/11
    # The minimal effective threat q = 3/5: EU = 1 - 1 - 8/5 = -8/5, P(war) = pq = 1/5.
    assert (a.minimal_threat, a.us_payoff, a.war_probability) == (F(3, 5), F(-8, 5), F(1, 5))
    assert "window (effective on the soft type, acceptable): [3/5, 3/4]" in str(a)


def test_payoffs_are_named_with_provenance() -> None:
    assert dict(DEFAULT_PAYOFFS) == {
        "us_comply": 1,
        "us_stay": -2,
        "us_war": -10,
        "soft_comply": -4,
        "soft_stay": 2,
        "soft_war": -8,
        "hard_comply": -8,
        "hard_stay": 2,
        "hard_war": -4,
    }
    assert set(PAYOFF_SOURCES) == set(DEFAULT_PAYOFFS)
    assert "recon" in PAYOFF_SOURCES["us_comply"] and "recon" in PAYOFF_SOURCES["us_stay"]


# ---------------------------------------------------------------------- vectorisation
def test_vectorised_equals_scalar() -> None:
    ps = [F(0), F(1, 10), F(1, 4), F(3, 11), F(1, 3), F(5, 13), F(1, 2), F(1)]
    qs = [F(0), F(1, 2), F(3, 5), F(3, 4), F(1)]
    P = np.array(ps, dtype=object)[None, :]
    Q = np.array(qs, dtype=object)[:, None]
    eu = us_expected_payoff(Q, P)
    war = war_probability(Q, P)
    ok = is_acceptable(Q, P)
    assert eu.shape == war.shape == ok.shape == (5, 8)
    for i, q in enumerate(qs):
        for k, p in enumerate(ps):
            assert eu[i, k] == us_expected_payoff(q, p)
            assert war[i, k] == war_probability(q, p)
            assert ok[i, k] == is_acceptable(q, p)
    w = threat_window(np.array(ps, dtype=object))
    for k, p in enumerate(ps):
        single = threat_window(p)
        assert bool(w.empty[k]) == single.empty
        if not single.empty:
            assert (w.lo[k], w.hi[k]) == (single.lo, single.hi)


def test_broadcasting_over_payoffs_and_sweetener() -> None:
    j = np.array([0, 1, 2, 3])[:, None]
    us_war = np.array([-10, -6])[None, :]
    w = threat_window(F(1, 2), sweetener=j, us_war=us_war)
    assert w.shape == (4, 2)
    # us_war -6: L = 4, bound at p = 1/2 is 3/4; soft threshold (6 - j)/10 <= 3/4 for all j.
    assert not w.empty[:, 1].any() and w.hi[0, 1] == F(3, 4)
    assert w.empty[:, 0].tolist() == [True, True, True, False]


def test_float_mode_agrees_with_exact() -> None:
    ps = np.linspace(0, 1, 41)
    wf = threat_window(ps)
    we = threat_window(np.array([F(p) for p in ps], dtype=object))
    assert wf.lo.dtype == np.float64
    assert (wf.empty == we.empty.astype(bool)).all()
    lo_e = np.array([np.nan if v is None else float(v) for v in we.lo])
    np.testing.assert_allclose(wf.lo, lo_e, equal_nan=True)


# ------------------------------------------------------------------------ properties
payoff = st.integers(-10, 10)
frac01 = st.fractions(0, 1, max_denominator=50)


@st.composite
def payoff_tables(draw: st.DrawFn) -> dict[str, Any]:
    return {name: draw(payoff) for name in DEFAULT_PAYOFFS}


def _complies(c: Any, s: Any, w: Any, q: Any) -> bool:
    return c >= q * w + (1 - q) * s


@SETTINGS
@given(payoff_tables(), frac01, st.fractions(0, 3, max_denominator=4), st.data())
def test_window_matches_brute_force(table: dict[str, Any], p: F, j: F, data: st.DataObject) -> None:
    # window.contains(q) <=> soft complies, hard defies, EU(q) >= u_s: checked at the
    # window's own endpoints (closedness), the thresholds, 0, 1 and random points.
    w = threat_window(p, sweetener=j, **table)
    candidates = [F(0), F(1), data.draw(frac01), data.draw(frac01)]
    for v in (
        w.lo,
        w.hi,
        effectiveness_threshold(
            table["soft_comply"], table["soft_stay"], table["soft_war"], sweetener=j
        ),
        effectiveness_threshold(
            table["hard_comply"], table["hard_stay"], table["hard_war"], sweetener=j
        ),
    ):
        if v is not None and 0 <= v <= 1:
            candidates.append(v)
    for q in candidates:
        soft = _complies(table["soft_comply"] + j, table["soft_stay"], table["soft_war"], q)
        hard = _complies(table["hard_comply"] + j, table["hard_stay"], table["hard_war"], q)
        eu = us_expected_payoff(q, p, sweetener=j, **table)
        # EU by hand: each type's outcome weighted by its probability.
        defy = q * table["us_war"] + (1 - q) * table["us_stay"]
        by_hand = (1 - p) * (table["us_comply"] if soft else defy) + p * (
            table["us_comply"] if hard else defy
        )
        assert eu == by_hand
        expected = soft and not hard and eu >= table["us_stay"]
        assert w.contains(q) == expected, (q, str(w))


@SETTINGS
@given(payoff_tables(), frac01, frac01, frac01)
def test_war_probability_in_unit_interval_and_monotone_within_a_regime(
    table: dict[str, Any], p: F, q1: F, q2: F
) -> None:
    q1, q2 = min(q1, q2), max(q1, q2)
    w1, w2 = war_probability(q1, p, **table), war_probability(q2, p, **table)
    assert 0 <= w1 <= 1 and 0 <= w2 <= 1
    same = all(
        _complies(table[f"{k}_comply"], table[f"{k}_stay"], table[f"{k}_war"], q1)
        == _complies(table[f"{k}_comply"], table[f"{k}_stay"], table[f"{k}_war"], q2)
        for k in ("soft", "hard")
    )
    if same:  # responses fixed: P(war) = q(1 - m) grows with q
        assert w1 <= w2


@SETTINGS
@given(frac01, frac01, st.fractions(0, 3, max_denominator=4))
def test_window_shrinks_as_p_grows(p1: F, p2: F, j: F) -> None:
    p1, p2 = min(p1, p2), max(p1, p2)
    w1, w2 = threat_window(p1, sweetener=j), threat_window(p2, sweetener=j)
    if not w2.empty:
        assert not w1.empty and w1.lo <= w2.lo and w1.hi >= w2.hi
    assert w1.width >= w2.width


@SETTINGS
@given(frac01, st.fractions(0, 3, max_denominator=4))
def test_sweetener_never_narrows_the_default_window(p: F, j: F) -> None:
    # j <= 3 keeps the hard type undeterred ((10 - j)/6 > 1); the soft threshold falls.
    assert threat_window(p, sweetener=j).width >= threat_window(p).width


@settings(max_examples=60, deadline=None)
@given(payoff_tables(), frac01, frac01)
def test_subgame_perfect_profile_is_a_nash_equilibrium_of_the_game(
    table: dict[str, Any], q: F, p: F
) -> None:
    # Each type plays its best response to the threat; the US threatens iff acceptable.
    soft = _complies(table["soft_comply"], table["soft_stay"], table["soft_war"], q)
    hard = _complies(table["hard_comply"], table["hard_stay"], table["hard_war"], q)
    plan = f"{'comply' if soft else 'defy'}/{'comply' if hard else 'defy'}"
    threat = is_acceptable(q, p, **table)
    g = brinkmanship_game(q, p, **table)
    assert is_nash(g, ["threat" if threat else "no threat", plan])


def test_game_payoffs_by_hand_and_equilibria() -> None:
    # q = 7/10, p = 1/3.  Threat vs comply/defy: US (2/3)1 + (1/3)(-7 - 3/5) = -28/15;
    # USSR (2/3)(-4) + (1/3)(7/10(-4) + 3/10(2)) = -8/3 - 11/15 = -17/5.
    g = brinkmanship_game(F(7, 10), F(1, 3))
    assert g.players == ("US", "USSR")
    assert g.exact_payoffs[0, 0, 1] == F(-28, 15) and g.exact_payoffs[1, 0, 1] == F(-17, 5)
    # No threat: the missiles stay whatever the plan: US -2, USSR 2.
    assert set(g.exact_payoffs[0, 1]) == {F(-2)} and set(g.exact_payoffs[1, 1]) == {F(2)}
    eqs = nash_equilibria(g, exact=True)
    assert any(e.supports == (("threat",), ("comply/defy",)) for e in eqs)
    # The threat is not acceptable at p = 1/2 (bound 3/8 < 7/10): "no threat" is played
    # in every equilibrium.
    eqs = nash_equilibria(brinkmanship_game(F(7, 10), F(1, 2)), exact=True)
    assert all(e.supports[0] == ("no threat",) for e in eqs)


# ------------------------------------------------------------------------------ errors
@pytest.mark.parametrize("bad", [-0.1, 1.5, float("nan"), F(-1, 3), F(4, 3)])
def test_bad_probabilities_raise(bad: object) -> None:
    with pytest.raises(InvalidGameError, match="probability"):
        threat_window(bad)
    with pytest.raises(ValueError, match="probability"):
        us_expected_payoff(bad, F(1, 2))
    with pytest.raises(InvalidGameError):
        war_probability(F(1, 2), bad)


def test_bad_probability_inside_an_array_is_located() -> None:
    with pytest.raises(InvalidGameError, match=r"index \(2,\)"):
        threat_window(np.array([0.1, 0.2, np.nan]))


@pytest.mark.parametrize("bad", [float("nan"), float("inf"), True, "abc", None])
def test_bad_payoffs_raise(bad: object) -> None:
    with pytest.raises(InvalidPayoffError):
        threat_window(F(1, 3), us_war=bad)


def test_other_errors() -> None:
    with pytest.raises(InvalidGameError, match="deter"):
        threat_window(F(1, 3), deter="hard-line")  # type: ignore[arg-type]
    with pytest.raises(ShapeError):
        brinkmanship_game([F(1, 2), F(3, 4)], F(1, 3))
    with pytest.raises(ShapeError):
        threat_window(np.zeros(3), us_war=np.zeros(2) - 10)
    with pytest.raises(TypeError):
        threat_window(F(1, 3), us_wr=-10)  # type: ignore[call-arg]


def test_interval_basics() -> None:
    iv = Interval(F(1, 2), F(1, 2), lo_closed=False)
    assert iv.empty and str(iv) == "empty" and iv.width == 0
    assert Interval(0.25, 0.5).width == 0.25
    assert hash(closed(F(1, 3), F(1, 2))) == hash(KENNEDY_WAR_ODDS)
    with pytest.raises(TypeError):
        _ = threat_window(np.array([0.1, 0.2])) == threat_window(np.array([0.1, 0.2]))


# ------------------------------------------------------------------------------- plot
def test_plot_window_returns_axes() -> None:
    import matplotlib.pyplot as plt

    from crisisgames.plot.brinkmanship import plot_window

    fig, ax = plt.subplots()
    out = plot_window(ax, p=np.linspace(0, 1, 21), q=np.linspace(0, 1, 21), war_contours=(0.3,))
    assert out is ax
    legend = ax.get_legend()
    assert legend is not None
    labels = [t.get_text() for t in legend.get_texts()]
    assert "window" in labels and any("Kennedy" in s for s in labels)
    assert any("0.385" in s for s in labels)  # the window closes at 5/13
    plt.close(fig)
    ax = plot_window(sweetener=3, kennedy=False, soft_war=-9)
    assert "sweetener" in ax.get_title()
    plt.close("all")
    with pytest.raises(InvalidPayoffError):
        plot_window(us_wr=-10)
