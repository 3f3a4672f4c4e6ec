"""The scenario catalog: every scenario's default game, equilibria and metrics against values
derived by hand (exact fractions in the comments), parameter validation, batches against
per-point builds, load() and catalog().

Derivations follow each scenario's docstring, and were redone here from the payoff tables,
not copied from the code's output.
"""

from __future__ import annotations

import dataclasses
from fractions import Fraction as F
from typing import Any

import numpy as np
import pytest

import crisisgames
from crisisgames import GameBatch, NormalFormGame, is_nash, nash_equilibria
from crisisgames.errors import InvalidParameterError, InvalidPayoffError, UnknownLabelError
from crisisgames.metrics import expectation, terms_in_effect, war_probability
from crisisgames.models.actors import US, Goal, Outcome, utilities
from crisisgames.scenarios import catalog, get, load
from crisisgames.scenarios import chicken_goals as cg_mod
from crisisgames.scenarios import missile_trade as mt
from crisisgames.scenarios import verification as ver

CATALOG = (
    "chicken",
    "chicken-goals",
    "brams-alternative",
    "missile-trade",
    "cuba-three-player",
    "verification",
)
VECTORISED = ("chicken-goals", "missile-trade", "verification", "cuba-three-player")
PREFIXES = ("brief:", "model:", "assumption:", "recon:")


def exact_table(game: NormalFormGame) -> list:
    return game.exact_payoffs.tolist()


def exact_profiles(res) -> list[tuple[tuple[F, ...], ...]]:
    return [eq.exact_strategies for eq in res]


# ----------------------------------------------------------------------------- catalog


def test_catalog_lists_every_scenario() -> None:
    table = catalog()
    assert set(CATALOG) <= set(table["name"])
    vec = dict(zip(table["name"], table["vectorised"], strict=True))
    for name in VECTORISED:
        assert vec[name]


@pytest.mark.parametrize("name", CATALOG)
def test_load_builds_and_solves_each_scenario(name: str) -> None:
    game = crisisgames.load(name)
    assert isinstance(game, NormalFormGame)
    assert game == load(name)
    res = nash_equilibria(game, exact=game.num_players == 2)
    assert len(res) >= 1 and res.status.complete
    data = get(name).outcome_data()
    assert data.war.shape == game.shape
    for mask in data.terms.values():
        assert np.shape(mask) == game.shape
    war = war_probability(res, data)
    assert np.all((war >= 0) & (war <= 1))


@pytest.mark.parametrize("name", CATALOG)
def test_every_default_has_a_source(name: str) -> None:
    s = get(name)
    for p in s.parameters:
        assert p.source.startswith(PREFIXES), (name, p.name, p.source)
        assert p.source.split(":", 1)[1].strip(), (name, p.name)
        if p.kind != "bool":
            assert p.low <= p.default <= p.high
    text = s.describe()
    for p in s.parameters:
        assert p.source in text


def test_unknown_scenario_suggests_names() -> None:
    with pytest.raises(UnknownLabelError, match="did you mean 'missile-trade'"):
        load("missile-trad")


# ----------------------------------------------------------------------------- chicken


def test_chicken() -> None:
    game = load("chicken")
    assert exact_table(game) == [[[3, 2], [4, 1]], [[3, 4], [2, 1]]]
    res = nash_equilibria(game, exact=True)
    # pure: (blockade, maintain), (air strike, withdraw); mixed: US indifference
    # 3q + 2(1 - q) = 4q + (1 - q) -> q = 1/2, symmetric p = 1/2; payoffs 5/2 each.
    half = (F(1, 2), F(1, 2))
    assert exact_profiles(res) == [((1, 0), (0, 1)), ((0, 1), (1, 0)), (half, half)]
    assert res[2].exact_payoffs == (F(5, 2), F(5, 2))
    # war only at (air strike, maintain): P = 1/2 * 1/2 = 1/4 in the mixed equilibrium
    assert war_probability(res, get("chicken").outcome_data()).tolist() == [0, 0, 0.25]


def test_brams_alternative() -> None:
    game = load("brams-alternative")
    assert exact_table(game) == [[[3, 1], [2, 4]], [[3, 4], [2, 1]]]
    res = nash_equilibria(game, exact=True)
    # no pure equilibrium; US indifference 3q + (1 - q) = 2q + 4(1 - q) -> q = 3/4;
    # USSR indifference 3p + 2(1 - p) = 4p + (1 - p) -> p = 1/2; payoffs 2q + 1 = 5/2 and
    # p + 2 = 5/2.
    assert exact_profiles(res) == [((F(1, 2), F(1, 2)), (F(3, 4), F(1, 4)))]
    assert res[0].exact_payoffs == (F(5, 2), F(5, 2))
    assert war_probability(res, get("brams-alternative").outcome_data()).tolist() == [0]


# ----------------------------------------------------------------------------- chicken-goals


def test_chicken_goals_defaults() -> None:
    game = load("chicken-goals")
    # wm = ws = 2/5, wa = 1/5, d = 0, e = 1/2, c = 1 (US); wr = 3/10, wt = 1/5, wg = 1/2.
    # US: BW = wm + ws/2 + wa = 4/5; BM = wa/2 = 1/10; AW = wm + ws + wa/2 = 9/10;
    #     AM = (1/2)(9/10) - 1/2 = -1/20.
    # USSR: BW = (wt + wg)/2 = 7/20; BM = 1; AW = 0; AM = -1/2.
    assert exact_table(game) == [
        [[F(4, 5), F(1, 10)], [F(9, 10), F(-1, 20)]],
        [[F(7, 20), 1], [0, F(-1, 2)]],
    ]
    res = nash_equilibria(game, exact=True)
    # USSR indifference: 7p/20 = p - (1 - p)/2 -> 23p/20 = 1/2 -> p = 10/23 (blockade).
    # US indifference: 4q/5 + (1 - q)/10 = 9q/10 - (1 - q)/20 -> q/4 = 3/20 -> q = 3/5.
    # Payoffs: US 4q/5 + (1 - q)/10 = 12/25 + 1/25 = 13/25; USSR 7p/20 = 7/46.
    assert exact_profiles(res) == [
        ((1, 0), (0, 1)),
        ((0, 1), (1, 0)),
        ((F(10, 23), F(13, 23)), (F(3, 5), F(2, 5))),
    ]
    assert res[2].exact_payoffs == (F(13, 25), F(7, 46))
    # war only after an air strike on maintained missiles, with probability e = 1/2:
    # (13/23)(2/5)(1/2) = 13/115.
    war = war_probability(res, get("chicken-goals").outcome_data())
    assert war.tolist() == pytest.approx([0, 0, 13 / 115], abs=1e-15)


BRAMS_POINT = {
    "w_us_missiles": 0.3,
    "w_us_security": 0.5,
    "w_us_war": 0.2,
    "dishonour": 0.5,
    "escalation": 0.05,
}


# Boundaries derived from the docstring's inequalities, by hand:
# at the defaults (ws = 2/5, wa = 1/5): (1/2 - d) ws > wa/2  <=>  d < 1/4, and
#   wa/2 > (1 - e)(9/10) - e  <=>  e > 8/19 ~ 0.42105;
# at the Brams point (wm = 3/10, ws = 1/2, wa = 1/5, d = 1/2):
#   (1 - e)(9/10) - e > 3/4  <=>  e < 3/38 ~ 0.0789, and
#   (1/2 - d)(1/2) < 1/10  <=>  d > 3/10.
@pytest.mark.parametrize(
    ("change", "expected"),
    [
        ({}, "chicken"),
        ({"dishonour": 0.2}, "chicken"),
        ({"dishonour": 0.24}, "chicken"),
        ({"dishonour": 0.26}, "neither"),  # a strike on a withdrawal now ranks below compromise
        ({"dishonour": 0.3}, "neither"),
        ({"escalation": 0.43}, "chicken"),
        ({"escalation": 0.41}, "neither"),  # the strike on missiles now beats Soviet victory
        ({"escalation": 0.4}, "neither"),
        ({"escalation": 0.0, "dishonour": 0.0}, "neither"),  # USSR: AW = AM = 0 tie
    ],
)
def test_reading_around_the_chicken_boundaries(change: dict, expected: str) -> None:
    p = dict(get("chicken-goals").defaults(), **change)
    assert str(cg_mod.reading(**p)) == expected


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        ({}, "brams"),
        ({"escalation": 0.078}, "brams"),
        ({"escalation": 0.08}, "neither"),
        ({"escalation": 0.09}, "neither"),
        ({"dishonour": 0.31}, "brams"),
        ({"dishonour": 0.29}, "neither"),
        ({"dishonour": 0.25}, "neither"),
        # Both stated conditions hold, but AW = wm + (1 - d) ws + wa/2 = wa/2 = BM when
        # wm = 0 and d = 1: a tie, so not Brams's strict order.  The docstring's "iff" also
        # needs wm + (1 - d) ws > 0 (true for positive wm).
        ({"w_us_missiles": 0.0, "dishonour": 1.0}, "neither"),
    ],
)
def test_reading_around_the_brams_boundaries(change: dict, expected: str) -> None:
    p = {**get("chicken-goals").defaults(), **BRAMS_POINT, **change}
    assert str(cg_mod.reading(**p)) == expected


def test_brams_point_payoffs_by_hand() -> None:
    # US: BW = 3/10 + 1/4 + 1/5 = 3/4; BM = 1/10; AW = 3/10 + 1/4 + 1/10 = 13/20;
    #     AM = (19/20)(9/10) - 1/20 = 161/200: AM > BW > AW > BM, Brams's order.
    game = load("chicken-goals", **BRAMS_POINT)
    assert exact_table(game)[0] == [[F(3, 4), F(1, 10)], [F(13, 20), F(161, 200)]]


def test_reading_matches_the_stated_inequalities() -> None:
    """The docstring's conditions, coded from the derivation, agree with reading() on random
    points (ties have probability zero)."""
    rng = np.random.default_rng(11)
    n = 4000
    names = [p.name for p in get("chicken-goals").parameters]
    p = {k: rng.uniform(0, 1, n) for k in names}
    p["war_cost_us"] = rng.uniform(0, 3, n)
    p["war_cost_ussr"] = rng.uniform(0, 3, n)
    wm, ws, wa = p["w_us_missiles"], p["w_us_security"], p["w_us_war"]
    wr, wt, wg = p["w_ussr_reach"], p["w_ussr_tactical"], p["w_ussr_prestige"]
    d, e, cu, cs = p["dishonour"], p["escalation"], p["war_cost_us"], p["war_cost_ussr"]
    am = (1 - e) * (wm + ws + wa / 2) - e * cu
    ussr = (wr + (wt + wg) / 2 > 0) & (wt + (1 - d) * wg > 0) & (d * wg / 2 + e * cs > 0)
    chicken = ((0.5 - d) * ws > wa / 2) & (wa / 2 > am) & ussr
    brams = (am > wm + ws / 2 + wa) & ((0.5 - d) * ws < wa / 2) & (wm + (1 - d) * ws > 0) & ussr
    expected = np.where(chicken, "chicken", np.where(brams, "brams", "neither"))
    got = cg_mod.reading(**p)
    assert np.array_equal(got, expected)
    assert 0 < (got == "chicken").sum() and 0 < (got == "brams").sum()


# ----------------------------------------------------------------------------- missile-trade

# Hand derivation (see missile_trade.py): accepted-offer values
#   US:   no trade 1/5 + 1/10 - 1/20 = 1/4; secret 1/4 - 1/40 - 1/40 - (1/10)(1/5) = 9/50;
#         public 1/4 - 1/20 - 1/5 = 0
#   USSR: no trade -1/2 - 1/10 + 1/10 = -1/2; secret -1/2 + 1/10 + 1/20 + (1/10)(1/5)
#         = -33/100; public -1/2 + 3/20 + 1/5 = -3/20
#   hold-out (war_risk 2/5, war costs 1): -2/5 for both.
DEAL_US = (F(1, 4), F(9, 50), F(0))
DEAL_USSR = (F(-1, 2), F(-33, 100), F(-3, 20))
HOLD = F(-2, 5)


def test_missile_trade_labels_and_payoffs() -> None:
    game = load("missile-trade")
    assert game.players == ("US", "USSR")
    assert game.actions[0] == ("no trade", "secret trade", "public trade")
    assert game.actions[1] == (
        "hold out",
        "accept no-trade",
        "accept secret",
        "accept no-trade+secret",
        "accept public",
        "accept no-trade+public",
        "accept secret+public",
        "accept no-trade+secret+public",
    )
    U = game.exact_payoffs
    for o in range(3):
        for s in range(8):
            accepted = bool((s >> o) & 1)
            assert U[0, o, s] == (DEAL_US[o] if accepted else HOLD)
            assert U[1, o, s] == (DEAL_USSR[o] if accepted else HOLD)


def _y(**weights: F) -> tuple[F, ...]:
    """A USSR mixed plan from {plan index: probability}."""
    out = [F(0)] * 8
    for k, v in weights.items():
        out[int(k[1:])] = v
    return tuple(out)


def test_missile_trade_equilibria_by_hand() -> None:
    """The USSR's best replies: reject no trade (-1/2 < -2/5), accept both trades (-33/100,
    -3/20 > -2/5) wherever offered with positive probability.  So:

    - US no trade: the USSR must reject it; the US then needs every other offer refused too
      (a_S = a_P = -2/5), so the plan is "hold out": (no trade, hold out), P(war) = 2/5.
    - US secret: plans accepting secret (2, 3, 6, 7), with a_N = -2/5 + (13/20) alpha_N <=
      9/50, i.e. alpha_N = y3 + y7 <= 58/65 (a_P = -2/5 + (2/5) alpha_P < 9/50 always).
      Extreme points: e2, e6, and 7/65 of {2 or 6} with 58/65 of {3 or 7}: 6 points.
    - US public: plans accepting public (4, 5, 6, 7) with a_S <= 0, alpha_S = y6 + y7 <=
      20/29, and a_N <= 0, alpha_N = y5 + y7 <= 8/13: a polytope with 8 vertices.
    - A mixed US offer would need the USSR to be indifferent where it is not.
    """
    res = nash_equilibria(load("missile-trade"), exact=True)
    assert res.status.complete and res.status.degenerate and res.status.continuum
    found = set()
    for eq in res:
        assert eq.exact_strategies is not None
        found.add((tuple(eq.exact_strategies[0]), eq.exact_strategies[1]))
    N, S, P = (1, 0, 0), (0, 1, 0), (0, 0, 1)
    a, b = F(7, 65), F(58, 65)
    c, d = F(5, 13), F(8, 13)
    e, f = F(9, 29), F(20, 29)
    expected = {
        (N, _y(s0=F(1))),
        (S, _y(s2=F(1))),
        (S, _y(s6=F(1))),
        (S, _y(s2=a, s3=b)),
        (S, _y(s6=a, s3=b)),
        (S, _y(s2=a, s7=b)),
        (S, _y(s6=a, s7=b)),
        (P, _y(s4=F(1))),
        (P, _y(s4=c, s5=d)),  # alpha_N = 8/13 tight
        (P, _y(s4=e, s6=f)),  # alpha_S = 20/29 tight
        (P, _y(s5=d, s6=c)),  # alpha_N tight, y4 = y7 = 0
        (P, _y(s4=c, s7=d)),  # alpha_N tight through y7; alpha_S = 8/13 <= 20/29
        (P, _y(s5=e, s6=f)),  # alpha_S tight, y4 = y7 = 0
        # both tight, y5 = 0: y7 = 8/13, y6 = 20/29 - 8/13 = 28/377, y4 = 9/29
        (P, _y(s4=e, s6=F(28, 377), s7=d)),
        # both tight, y4 = 0: y7 = 8/13 + 20/29 - 1 = 115/377, y5 = 9/29, y6 = 5/13
        (P, _y(s5=e, s6=c, s7=F(115, 377))),
    }
    assert found == {(tuple(x), tuple(y)) for x, y in expected}
    assert len(res) == 15
    sizes = sorted(len(comp.equilibria) for comp in res.components)
    assert sizes == [1, 6, 8]
    payoffs = {eq.exact_payoffs for eq in res}
    assert payoffs == {(HOLD, HOLD), (F(9, 50), F(-33, 100)), (F(0), F(-3, 20))}


def test_missile_trade_metrics() -> None:
    s = get("missile-trade")
    res = nash_equilibria(s.build(), exact=True)
    data = s.outcome_data()
    war = war_probability(res, data)
    terms = terms_in_effect(res, data)
    for k, eq in enumerate(res):
        assert eq.exact_strategies is not None
        offer = eq.exact_strategies[0].index(1)
        if offer == 0:  # (no trade, hold out): war with probability 2/5, nothing agreed
            assert war[k] == pytest.approx(0.4)
            assert all(v[k] == 0 for v in terms.values())
        else:  # every equilibrium with a trade has it accepted for sure
            assert war[k] == 0
            for key in ("withdrawal", "no_reintroduction", "pledge", "jupiters_turkey"):
                assert terms[key][k] == 1
            assert terms["secret_trade"][k] == (offer == 1)
            assert terms["public_trade"][k] == (offer == 2)
    assert data.labels is not None and data.labels[1, 6] == "secret trade accepted"
    no_pledge = s.outcome_data(pledge=False)
    assert not no_pledge.terms["pledge"].any()


def test_subgame_perfect_outcome_at_the_defaults() -> None:
    o = mt.subgame_perfect_outcome()
    assert int(o.offer) == 1 and bool(o.accepted) and float(o.war) == 0
    assert o.accepts.tolist() == [False, True, True]
    assert str(o.plan_label) == "accept secret+public"
    assert not o.tie and not o.ambiguous
    assert float(o.us_payoff) == pytest.approx(9 / 50)
    assert float(o.ussr_payoff) == pytest.approx(-33 / 100)
    # it is one of the Nash equilibria of the normal form
    game = load("missile-trade")
    assert is_nash(game, [game.actions[0][int(o.offer)], game.actions[1][int(o.plan)]])


def test_subgame_perfect_outcome_without_the_pledge() -> None:
    # USSR: no trade -1/2 - 1/10 = -3/5; secret -3/5 + 3/20 + 1/50 = -43/100 < -2/5:
    # refused; public -3/5 + 3/20 + 1/5 = -1/4: accepted.  US public: 1/5 + 1/10 - 1/20
    # - 1/5 = 1/20 > -2/5.  Without the pledge the secret trade fails: a public trade.
    o = mt.subgame_perfect_outcome(pledge=False)
    assert str(o.offer_label) == "public trade" and bool(o.accepted)
    assert o.accepts.tolist() == [False, False, True]
    assert float(o.us_payoff) == pytest.approx(1 / 20)


def test_subgame_perfect_outcome_thresholds_and_ties() -> None:
    # At war_risk 3/10 the USSR accepts the secret trade iff -7/20 + leak/5 >= -3/10,
    # i.e. leak >= 1/4; below it the US offers a public trade iff 1/5 - cost >= -3/10, i.e.
    # cost <= 1/2; at leak = 1 the secret and public trades tie for the US.
    leak = np.array([0.2, 0.25, 0.3, 0.2, 1.0, 0.5])
    cost = np.array([0.2, 0.2, 0.2, 0.6, 0.2, 0.0])
    o = mt.subgame_perfect_outcome(leak=leak, alliance_cost=cost, war_risk=0.3)
    assert o.offer_label.tolist() == [
        "public trade",
        "secret trade",
        "secret trade",
        "no trade",  # every offer refused or worse than the standoff: a hold-out
        "secret trade",
        "secret trade",
    ]
    assert o.accepted.tolist() == [True, True, True, False, True, True]
    assert o.war.tolist() == pytest.approx([0, 0, 0, 0.3, 0, 0])
    assert o.ussr_indifferent[..., 1].tolist() == [False, True, False, False, False, False]
    assert o.tie.tolist() == [False, False, False, True, True, True]
    assert o.best[3].tolist() == [True, True, False]  # refused offers tie; public is worse
    assert o.best[5].tolist() == [False, True, True]  # no alliance cost: secret = public
    # the tie at point 3 is between two refused offers: one outcome, the standoff
    assert o.ambiguous.tolist() == [False, True, False, False, True, True]


def test_subgame_perfect_outcome_is_nash_on_random_points() -> None:
    rng = np.random.default_rng(5)
    n = 40
    params: dict[str, Any] = {
        "leak": rng.random(n),
        "alliance_cost": rng.uniform(0, 0.8, n),
        "war_risk": rng.uniform(0, 1, n),
        "jupiters_turkey_ussr": rng.uniform(-0.2, 0.3, n),
    }
    o = mt.subgame_perfect_outcome(**params)
    batch = get("missile-trade").build_batch(**params)
    for g in range(n):
        game = batch.game(g)
        assert is_nash(game, [game.actions[0][o.offer[g]], game.actions[1][o.plan[g]]])


def test_missile_trade_batch_equals_scalar_builds() -> None:
    rng = np.random.default_rng(7)
    n = 25
    params = {
        "leak": rng.random(n),
        "alliance_cost": rng.random(n),
        "war_risk": rng.random(n),
        "withdrawal_ussr": rng.uniform(-1, 0, n),
        "pledge": rng.random(n) < 0.5,
    }
    batch = get("missile-trade").build_batch(**params)
    assert isinstance(batch, GameBatch) and len(batch) == n
    assert batch.actions == load("missile-trade").actions
    for g in range(n):
        point = {k: (bool(v[g]) if v.dtype == bool else float(v[g])) for k, v in params.items()}
        np.testing.assert_allclose(
            batch.payoffs[g], load("missile-trade", **point).payoffs, rtol=0, atol=1e-12
        )


def test_missile_trade_batch_solve_matches_single_games() -> None:
    grid = np.meshgrid(np.linspace(0, 1, 3), np.linspace(0, 0.6, 3), indexing="ij")
    batch = get("missile-trade").build_batch(leak=grid[0], alliance_cost=grid[1])
    sol = batch.solve()
    for g in range(len(batch)):
        assert sol.count[g] == len(nash_equilibria(batch.game(g)))
    defaults = get("missile-trade").build_batch(leak=np.array([0.1]))
    assert defaults.solve().count.tolist() == [15]


# ----------------------------------------------------------------------------- cuba

# (US, USSR, Cuba) payoffs at the defaults, from the docstring's table, each redone by hand:
# v_US = -p/20 + a/10 + y/20 - (1-p)/10 - p(1-a)(3/10)
# v_USSR = p/10 - a/20 - y/20 - (1-p)/10 - a(1-y)/20
# v_Cuba = p/4 - a/10 - y/5 - (1-p)/10 - a(1-y)(3/20); at (quarantine, missiles only):
# (4/5) v - 1/5.
CUBA_TABLE = {
    ("pledge", "withdraw all", "accept"): (F(1, 10), F(0), F(-1, 20)),
    ("pledge", "withdraw all", "refuse"): (F(1, 20), F(0), F(0)),
    ("pledge", "missiles only", "accept"): (F(-3, 10), F(1, 20), F(1, 20)),
    ("pledge", "missiles only", "refuse"): (F(-7, 20), F(1, 10), F(1, 4)),
    ("quarantine", "withdraw all", "accept"): (F(1, 20), F(-1, 5), F(-2, 5)),
    ("quarantine", "withdraw all", "refuse"): (F(0), F(-1, 5), F(-7, 20)),
    # v = (-1/20, -3/20, -3/10): (4/5)v - 1/5
    ("quarantine", "missiles only", "accept"): (F(-6, 25), F(-8, 25), F(-11, 25)),
    # v = (-1/10, -1/10, -1/10)
    ("quarantine", "missiles only", "refuse"): (F(-7, 25), F(-7, 25), F(-7, 25)),
}


def test_cuba_three_player_payoffs() -> None:
    game = load("cuba-three-player")
    assert game.players == ("US", "USSR", "Cuba")
    U = game.exact_payoffs
    for labels, values in CUBA_TABLE.items():
        idx = tuple(game.actions[i].index(lab) for i, lab in enumerate(labels))
        assert tuple(U[(slice(None), *idx)]) == values, labels


def test_cuba_three_player_equilibrium() -> None:
    """Cuba: accept - refuse = -1/20, -1/5, -1/20, -4/25 against the four US/USSR profiles:
    refusing is strictly dominant.  Given refusal: USSR withdraws all with a, US indifferent:
    a/20 - 7(1-a)/20 = -7(1-a)/25 -> a = 7/12; US pledges with p, USSR indifferent:
    -(1-p)/5 = p/10 - 7(1-p)/25 -> p = 4/9.  Payoffs: US -7(5/12)/25 = -7/60; USSR
    -(5/9)/5 = -1/9; Cuba (20/108)(1/4) + (35/108)(-7/20) + (25/108)(-7/25) = -19/144."""
    s = get("cuba-three-player")
    res = nash_equilibria(s.build())
    assert res.method == "n-player" and res.status.complete
    assert len(res) == 1
    eq = res[0]
    assert eq.strategies[0] == pytest.approx((4 / 9, 5 / 9))
    assert eq.strategies[1] == pytest.approx((7 / 12, 5 / 12))
    assert eq.strategies[2] == pytest.approx((0, 1))
    assert eq.payoffs == pytest.approx((-7 / 60, -1 / 9, -19 / 144))
    data = s.outcome_data()
    # war only at (quarantine, missiles only): (5/9)(5/12)(1/5) = 5/108
    assert war_probability(res, data).tolist() == pytest.approx([5 / 108])
    terms = terms_in_effect(res, data)
    assert terms["withdrawal"].tolist() == pytest.approx([1])
    assert terms["pledge"].tolist() == pytest.approx([4 / 9])
    assert terms["remaining_weapons"].tolist() == pytest.approx([7 / 12])
    assert terms["verification"].tolist() == pytest.approx([0])
    # the historical outcome (pledge, withdraw all, refuse): (4/9)(7/12) = 7/27
    historical = np.zeros((2, 2, 2))
    historical[0, 0, 1] = 1
    assert expectation(res, historical).tolist() == pytest.approx([7 / 27])


def test_cuba_accepts_when_overriding_costs_it_more_than_inspection() -> None:
    # override_cost_cuba 1/4 > verification cost 1/5: accepting now pays when the USSR
    # withdraws all (by 1/20), so refusal is no longer dominant.
    game = load("cuba-three-player", override_cost_cuba=0.25)
    U = game.exact_payoffs
    assert U[2, 0, 0, 0] - U[2, 0, 0, 1] == F(1, 20)


# ----------------------------------------------------------------------------- verification


def test_verification_game_and_closed_form_at_defaults() -> None:
    # D = 1 - (1/2)(4/5) = 3/5; k = 1/50, L = 1/10, g = 1/10, f = 1/5.
    # US: inspect (-k, -k - (1-D)L) = (-1/50, -3/50); not (0, -1/10).
    # USSR: inspect (0, (1-D)g - Df) = (0, 1/25 - 3/25 = -2/25); not (0, 1/10).
    game = load("verification")
    assert exact_table(game) == [
        [[F(-1, 50), F(-3, 50)], [0, F(-1, 10)]],
        [[0, F(-2, 25)], [0, F(1, 10)]],
    ]
    res = nash_equilibria(game, exact=True)
    # cheat c = k/(DL) = (1/50)/(3/50) = 1/3; inspect i = g/(D(g+f)) = (1/10)/(9/50) = 5/9
    assert exact_profiles(res) == [((F(5, 9), F(4, 9)), (F(2, 3), F(1, 3)))]
    assert res[0].exact_payoffs == (F(-1, 30), 0)
    eq = ver.inspection_equilibrium()
    assert str(eq.regime) == "mixed"
    assert float(eq.detection) == pytest.approx(3 / 5)
    assert float(eq.cheat) == pytest.approx(1 / 3) and float(eq.inspect) == pytest.approx(5 / 9)
    assert float(eq.us_payoff) == pytest.approx(-1 / 30) and float(eq.ussr_payoff) == 0
    data = get("verification").outcome_data()
    assert war_probability(res, data).tolist() == [0]
    terms = terms_in_effect(res, data)
    assert terms["no_reintroduction"].tolist() == pytest.approx([2 / 3])
    assert terms["verification"].tolist() == pytest.approx([5 / 9])


def test_shared_intelligence_raises_detection_and_lowers_cheating() -> None:
    # intel 0 -> D = 1/2: c = (1/50)/(1/20) = 2/5; intel 1/2 -> D = 3/4: c = 4/15
    eq = ver.inspection_equilibrium(intel=np.array([0.0, 0.2, 0.5]))
    assert eq.detection.tolist() == pytest.approx([0.5, 0.6, 0.75])
    assert eq.cheat.tolist() == pytest.approx([2 / 5, 1 / 3, 4 / 15])
    # inspection probability g / (D (g + f)): 2/3, 5/9, 4/9
    assert eq.inspect.tolist() == pytest.approx([2 / 3, 5 / 9, 4 / 9])


def test_verification_regimes_and_boundaries() -> None:
    eq = ver.inspection_equilibrium(
        inspection_cost=np.array([0.02, 0.07, 0.02, 0.06, 0.0]),
        penalty=np.array([0.2, 0.2, 0.0, 0.2, 0.2]),
    )
    # 0.07 > DL = 0.06: never inspect; penalty 0 with D < 1: cheating pays anyway;
    # k = DL exactly, or k = 0: boundaries (a continuum of equilibria).
    assert eq.regime.tolist() == [
        "mixed",
        "no inspection, cheat",
        "inspect, cheat",
        "degenerate",
        "degenerate",
    ]
    assert np.isnan(eq.cheat[3]) and np.isnan(eq.inspect[4])
    assert eq.cheat[1] == 1 and eq.inspect[1] == 0
    assert eq.cheat[2] == 1 and eq.inspect[2] == 1


def test_closed_form_matches_enumeration_on_random_points() -> None:
    rng = np.random.default_rng(9)
    n = 200
    params: dict[str, Any] = {
        "detect": rng.random(n),
        "intel": rng.random(n),
        "inspection_cost": rng.uniform(0, 0.2, n),
        "cheat_gain": rng.uniform(0, 0.3, n),
        "penalty": rng.uniform(0, 0.5, n),
    }
    eq = ver.inspection_equilibrium(**params)
    sol = get("verification").build_batch(**params).solve()
    regimes = set()
    for g in range(n):
        if eq.regime[g] == "degenerate":
            continue
        regimes.add(eq.regime[g])
        assert sol.count[g] == 1
        assert sol.strategies[0][g, 0, 0] == pytest.approx(eq.inspect[g], abs=1e-9)
        assert sol.strategies[1][g, 0, 1] == pytest.approx(eq.cheat[g], abs=1e-9)
        assert sol.payoffs[g, 0].tolist() == pytest.approx(
            [eq.us_payoff[g], eq.ussr_payoff[g]], abs=1e-9
        )
    assert regimes == {"mixed", "inspect, cheat", "no inspection, cheat"}


# ----------------------------------------------------------------------------- batches


@pytest.mark.parametrize("name", VECTORISED)
def test_batch_equals_per_point_builds(name: str) -> None:
    s = get(name)
    rng = np.random.default_rng(13)
    n = 12
    arrays: dict[str, np.ndarray] = {}
    for p in s.parameters:
        if p.kind == "bool":
            arrays[p.name] = rng.random(n) < 0.5
        else:
            hi = min(p.high, p.low + 3)
            arrays[p.name] = rng.uniform(p.low, hi, n)
    batch = s.build_batch(**arrays)
    assert len(batch) == n and batch.players == s.build().players
    for g in range(n):
        point = {k: (bool(v[g]) if v.dtype == bool else float(v[g])) for k, v in arrays.items()}
        np.testing.assert_allclose(
            batch.payoffs[g], s.build(**point).payoffs, rtol=1e-12, atol=1e-12
        )


def test_batch_broadcasts_parameter_arrays() -> None:
    batch = get("missile-trade").build_batch(
        leak=np.linspace(0, 1, 4)[:, None], alliance_cost=np.linspace(0, 1, 3)[None, :]
    )
    assert len(batch) == 12


# ----------------------------------------------------------------------------- errors


@pytest.mark.parametrize(
    ("name", "params", "match"),
    [
        ("missile-trade", {"leak": 1.5}, r"leak = 1.5 is outside its range \[0, 1\]"),
        ("missile-trade", {"alliance_cost": -0.1}, "outside its range"),
        ("verification", {"detect": float("nan")}, "detect is NaN"),
        ("missile-trade", {"pledge": 1}, "pledge must be True or False"),
        ("missile-trade", {"war_risk": "high"}, "war_risk must be a number"),
        ("cuba-three-player", {"war_cost_cuba": 1000.0}, "outside its range"),
        ("chicken-goals", {"escalation": np.nan}, "escalation is NaN"),
    ],
)
def test_invalid_parameter_values(name: str, params: dict, match: str) -> None:
    with pytest.raises(InvalidParameterError, match=match):
        load(name, **params)


@pytest.mark.parametrize(
    ("name", "wrong", "suggested"),
    [
        ("missile-trade", "leek", "'leak'"),
        ("missile-trade", "alliance_costs", "'alliance_cost'"),
        ("verification", "detection", "'detect'"),
        ("cuba-three-player", "pledge_cub", "'pledge_cuba'"),
        ("chicken-goals", "escalate", "'escalation'"),
    ],
)
def test_unknown_parameter_suggests_nearest(name: str, wrong: str, suggested: str) -> None:
    with pytest.raises(InvalidParameterError, match=f"did you mean {suggested}"):
        load(name, **{wrong: 0.1})


def test_chicken_has_no_parameters() -> None:
    with pytest.raises(InvalidParameterError, match="its parameters: none"):
        load("chicken", leak=0.1)


def test_batch_arrays_are_validated_before_building() -> None:
    bad = np.array([0.1, np.nan, 0.3])
    with pytest.raises(InvalidParameterError, match="leak is NaN"):
        get("missile-trade").build_batch(leak=bad)
    with pytest.raises(InvalidParameterError, match="outside its range"):
        get("verification").build_batch(intel=np.array([0.1, 1.2]))
    with pytest.raises(InvalidParameterError, match="did you mean 'leak'"):
        mt.subgame_perfect_outcome(leaks=0.3)


def test_scenario_without_batch_builder() -> None:
    with pytest.raises(UnknownLabelError, match="no vectorised builder"):
        get("brinkmanship").build_batch(sweetener=np.array([0.1, 0.2]))


@pytest.mark.parametrize("bad", [float("nan"), -0.1, 1.5])
def test_outcome_attainments_must_be_in_unit_interval(bad: float) -> None:
    with pytest.raises(InvalidPayoffError):
        Outcome("x", {"US": {"missiles_out": bad}})


@pytest.mark.parametrize("bad", [float("nan"), -1.0])
def test_outcome_war_costs_must_be_non_negative(bad: float) -> None:
    with pytest.raises(InvalidPayoffError):
        Outcome("war", {}, {"US": bad})


@pytest.mark.parametrize("bad", [float("nan"), -0.2, float("inf")])
def test_goal_weights_must_be_finite_and_non_negative(bad: float) -> None:
    with pytest.raises(InvalidPayoffError):
        Goal("g", bad, "a goal")
    with pytest.raises(InvalidPayoffError):
        US.with_weights(security=bad)


@pytest.mark.parametrize("bad", [[np.nan, 0.2, 0.5], [-0.1, 0.2, 0.5]])
def test_utilities_reject_bad_weights(bad: list) -> None:
    with pytest.raises(InvalidPayoffError):
        utilities(US, [Outcome("a", {"US": {"missiles_out": 1.0}})], weights=np.array(bad))


def test_a_scenario_name_that_is_not_a_string_is_a_clear_error():
    from crisisgames.errors import UnknownLabelError

    with pytest.raises(UnknownLabelError, match="unknown scenario 0"):
        get(0)  # type: ignore[arg-type]
    with pytest.raises(UnknownLabelError, match=r"unknown scenario \['chicken'\]"):
        get(["chicken"])  # type: ignore[arg-type]


def test_a_scenario_declaration_is_checked():
    s = get("chicken-goals")
    with pytest.raises(ValueError, match="batch_outcomes but no outcomes"):
        dataclasses.replace(s, outcomes=None)
    with pytest.raises(ValueError, match=r"declares \['escalation'\] more than once"):
        dataclasses.replace(s, parameters=(*s.parameters, s.parameter("escalation")))
