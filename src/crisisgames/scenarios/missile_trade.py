"""``missile-trade``: the settlement of 27-28 October as a game of offers and responses.

The US offers terms; the USSR accepts them or holds out.  An accepted offer ends the crisis
with the Soviet withdrawal and the undertaking not to reintroduce the missiles, plus what
the offer gives:

=============  ===========================================================================
offer          terms in effect when accepted
=============  ===========================================================================
no trade       withdrawal, no reintroduction (+ pledge)
secret trade   withdrawal, no reintroduction, Jupiters out of Turkey and Italy, kept secret
               (+ pledge)
public trade   withdrawal, no reintroduction, Jupiters out of Turkey and Italy, in public
               (+ pledge)
=============  ===========================================================================

A hold-out continues the standoff: war with probability ``war_risk`` (each side loses its
war cost), else the missiles stay (0 for both: the reference point of every term's value,
see :mod:`crisisgames.models.terms`).  Each side's payoff from an accepted offer is the sum of the
values of its terms: a public trade costs the US ``alliance_cost`` with Turkey and NATO and
gains the USSR ``public_trade_ussr`` in prestige; a secret trade is a public one with
probability ``leak``, so it costs the US ``leak * alliance_cost`` in expectation and the
USSR keeps only ``leak * public_trade_ussr`` of the prestige gain.

**The pledge is a parameter** (``pledge``, default ``True``), not a choice of offers.  It
was part of every version of the settlement (Khrushchev's letter of 26 October asked for it
alone; Kennedy's public letter of 27 October offered it; the secret Jupiter assurance came on
top), so it is a condition of the whole negotiation: comparing ``pledge=True`` with
``pledge=False`` asks what the negotiation would have been without it.  It also keeps the
game small: three offers give ``2^3 = 8`` response plans (a 3x8 game, solved exactly and in
batches), where six offers would give 64.

**The game** is the normal form of the sequential game: the US's actions are its offers;
the USSR's strategies are response plans, one accept/hold-out decision for each offer,
labeled ``"hold out"`` or ``"accept secret+public"`` etc.  Its Nash equilibria include
plans with non-credible threats (holding out against an offer that is better than holding
out); :func:`subgame_perfect_outcome` is the credible solution, vectorised over parameters.

**At the defaults** (derived by hand; fractions exact).  US values of an accepted offer:
no trade ``1/5 + 1/10 - 1/20 = 1/4``, secret ``1/4 - 1/40 - 1/40 - (1/10)(1/5) = 9/50``,
public ``1/5 - 1/5 = 0``; USSR: no trade ``-1/2 - 1/10 + 1/10 = -1/2``, secret
``-1/2 + 1/10 + 1/20 + (1/10)(1/5) = -33/100``, public ``-3/20``; hold-out ``-2/5`` for both
(``war_risk = 2/5``, war costs 1).  The USSR rejects no trade (``-1/2 < -2/5``) and accepts
both trades; the US's best accepted offer is the secret trade: the subgame-perfect outcome
is the historical one, a secret trade with the pledge, no war.

Examples
--------
>>> from crisisgames.scenarios import load
>>> g = load("missile-trade")
>>> g.shape, g.actions[1][6]
((3, 8), 'accept secret+public')
>>> o = subgame_perfect_outcome()
>>> str(o.offer_label), bool(o.accepted), float(o.war)
('secret trade', True, 0.0)
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

from crisisgames.models.terms import WAR_COSTS, settlement_value, term_parameters
from crisisgames.scenarios.base import (
    OutcomeData,
    Parameter,
    PayoffBuilders,
    Scenario,
    assemble_payoffs,
    register,
)

__all__ = [
    "ACCEPTS",
    "OFFERS",
    "PLANS",
    "PLAYERS",
    "TradeOutcome",
    "offer_terms",
    "payoff_arrays",
    "subgame_perfect_outcome",
]

PLAYERS = ("US", "USSR")
OFFERS = ("no trade", "secret trade", "public trade")
_SHORT = ("no-trade", "secret", "public")
# Plan s accepts offer o iff bit o of s is set: ACCEPTS[o, s].
ACCEPTS = np.array([[(s >> o) & 1 == 1 for s in range(8)] for o in range(3)])
PLANS = tuple(
    "hold out" if s == 0 else "accept " + "+".join(_SHORT[o] for o in range(3) if ACCEPTS[o, s])
    for s in range(8)
)
ACTIONS = (OFFERS, PLANS)

PARAMETERS: tuple[Parameter, ...] = (
    *term_parameters(
        "withdrawal",
        "no_reintroduction",
        "jupiters_turkey",
        "jupiters_italy",
        "pledge",
        "secret_trade",
        "public_trade",
        actors=PLAYERS,
    ),
    Parameter(
        "pledge",
        True,
        0,
        1,
        "flag",
        "every offer includes the US non-invasion pledge",
        "brief: 'the US pledges not to invade Cuba' (part of every version of the settlement)",
        kind="bool",
    ),
    Parameter(
        "war_risk",
        0.4,
        0,
        1,
        "probability",
        "probability that a hold-out (the standoff continuing) ends in nuclear war",
        "assumption: inside Kennedy's estimate of the chance of war, 'between one out of three "
        "and even' (quoted in MODELS.md §3), below its top so that the pledge alone is refused",
        kind="probability",
    ),
    *WAR_COSTS[:2],
)


def offer_terms(offer: int, pledge: Any = True) -> dict[str, Any]:
    """The terms in effect (as 0/1 weights) when offer ``offer`` is accepted.

    Examples
    --------
    >>> sorted(k for k, v in offer_terms(1).items() if v)
    ['jupiters_italy', 'jupiters_turkey', 'no_reintroduction', 'pledge', 'secret_trade', 'withdrawal']
    """
    trade = int(offer > 0)
    return {
        "withdrawal": 1,
        "no_reintroduction": 1,
        "pledge": pledge,
        "jupiters_turkey": trade,
        "jupiters_italy": trade,
        "secret_trade": int(offer == 1),
        "public_trade": int(offer == 2),
    }


def _values(p: dict[str, Any]) -> tuple[list[list[Any]], list[Any]]:
    """``deal[i][o]``: player i's payoff when offer o is accepted; ``hold[i]``: its payoff
    from a hold-out.  Works on scalars, Fractions and arrays alike."""
    deal = [
        [settlement_value(actor, p, offer_terms(o, p["pledge"])) for o in range(3)]
        for actor in PLAYERS
    ]
    # A hold-out: war with probability r (cost c), else the missiles stay (value 0).
    hold = [-p["war_risk"] * p["war_cost_us"], -p["war_risk"] * p["war_cost_ussr"]]
    return deal, hold


def payoff_arrays(**p: Any) -> np.ndarray:
    """Payoffs ``(2, 3, 8, ...)``: player, offer, response plan, then the parameters'
    broadcast shape.  Vectorised; exact (an object array of Fractions) when every parameter
    is a scalar and some is a Fraction.

    Examples
    --------
    >>> from crisisgames.scenarios.base import as_exact
    >>> U = payoff_arrays(**as_exact(SCENARIO.defaults()))
    >>> [str(U[0, o, 7]) for o in range(3)], [str(U[1, o, 7]) for o in range(3)]
    (['1/4', '9/50', '0'], ['-1/2', '-33/100', '-3/20'])
    >>> str(U[0, 0, 0]), str(U[1, 0, 0])  # a hold-out
    ('-2/5', '-2/5')
    """
    deal, hold = _values(p)
    # 48 entries, each a whole parameter array: the deal where the plan accepts the offer.
    return assemble_payoffs(
        (2, 3, 8),
        {
            (i, o, s): deal[i][o] if ACCEPTS[o, s] else hold[i]
            for i in range(2)
            for o in range(3)
            for s in range(8)
        },
    )


# The 3x8 game at one parameter point (exact payoffs), and batches of it over parameter arrays.
BUILDERS = PayoffBuilders(payoff_arrays, PLAYERS, ACTIONS)


def outcomes(**p: Any) -> OutcomeData:
    """War after a hold-out with probability ``war_risk``; the terms of accepted offers."""
    accepted = ACCEPTS  # (offer, plan)
    war = np.where(accepted, 0.0, float(p["war_risk"]))
    offer = np.arange(3)[:, None]
    terms: dict[str, np.ndarray] = {}
    for key in offer_terms(0):
        per_offer = np.array([bool(offer_terms(o, bool(p["pledge"]))[key]) for o in range(3)])
        terms[key] = accepted & per_offer[:, None]
    labels = np.where(
        accepted,
        np.array([f"{o} accepted" for o in OFFERS], dtype=object)[offer],
        np.array([f"{o} refused: the standoff continues" for o in OFFERS], dtype=object)[offer],
    ).astype(object)
    return OutcomeData(war=war, terms=terms, labels=labels)


def batch_outcomes(**p: Any) -> OutcomeData:
    """:func:`outcomes` over a batch of points: ``war`` and ``terms`` of shape
    ``(3, 8, *shape)``, ``shape`` the broadcast shape of ``war_risk`` and ``pledge``.

    Examples
    --------
    >>> data = batch_outcomes(war_risk=np.array([0.2, 0.4]), pledge=np.array([True, False]))
    >>> data.war[0, 0].tolist(), data.terms["pledge"][0, 1].tolist()
    ([0.2, 0.4], [True, False])
    """
    risk = np.asarray(p["war_risk"], dtype=float)
    pledge = np.asarray(p["pledge"]).astype(bool)
    shape = np.broadcast_shapes(risk.shape, pledge.shape)
    accepted = ACCEPTS.reshape(3, 8, *(1,) * len(shape))
    war = np.where(accepted, 0.0, np.broadcast_to(risk, shape))
    terms = {}
    for key in offer_terms(0):
        per_offer = np.stack(
            [
                np.broadcast_to(np.asarray(offer_terms(o, pledge)[key], bool), shape)
                for o in range(3)
            ]
        )  # (offer, *shape)
        terms[key] = accepted & per_offer[:, None]
    return OutcomeData(war=war, terms=terms)


@dataclass(frozen=True)
class TradeOutcome:
    """The subgame-perfect outcome at each parameter point (arrays of the points' shape).

    Attributes
    ----------
    offer
        Index into :data:`OFFERS` of the US's best offer; where several tie (see ``best``),
        the first of them in the order no trade, secret, public (the smallest concession).
    accepted
        Whether the USSR accepts that offer.
    war
        Probability of war (``war_risk`` after a hold-out, else 0).
    us_payoff, ussr_payoff
        The players' payoffs.
    accepts
        ``(..., 3)``: the USSR's credible plan, whether it accepts each offer (it accepts iff
        accepting is at least as good as holding out).
    plan
        Index into :data:`PLANS` of that plan (the USSR's column of the normal form).
    best
        ``(..., 3)``: the offers that are optimal for the US (more than one where they tie).
    tie
        Whether the US is indifferent between two or more best offers.
    ussr_indifferent
        ``(..., 3)``: where the USSR is indifferent between accepting an offer and holding
        out (the rule above then has it accept; any other choice is also credible).
    """

    offer: np.ndarray
    accepted: np.ndarray
    war: np.ndarray
    us_payoff: np.ndarray
    ussr_payoff: np.ndarray
    accepts: np.ndarray
    plan: np.ndarray
    best: np.ndarray
    tie: np.ndarray
    ussr_indifferent: np.ndarray

    @property
    def offer_label(self) -> np.ndarray:
        """The chosen offers' labels."""
        return np.asarray(OFFERS, dtype=object)[self.offer]

    @property
    def plan_label(self) -> np.ndarray:
        """The USSR's plans' labels."""
        return np.asarray(PLANS, dtype=object)[self.plan]

    @property
    def ambiguous(self) -> np.ndarray:
        """Points where ties make the credible outcome not unique: the US's best offers lead
        to different outcomes (two accepted offers, or one accepted and one refused), or the
        USSR is indifferent at one of them.  A tie between offers that are all refused
        leaves one outcome, the standoff."""
        accepted_best = (self.best & self.accepts).sum(axis=-1)
        refused_best = (self.best & ~self.accepts).any(axis=-1)
        outcomes = accepted_best + refused_best
        return (outcomes > 1) | (self.best & self.ussr_indifferent).any(axis=-1)


def subgame_perfect_outcome(*, tol: float = 1e-9, **params: Any) -> TradeOutcome:
    """The credible (subgame-perfect) outcome at each parameter point, vectorised.

    The USSR accepts an offer iff accepting is at least as good as holding out; the US makes
    its best offer given those responses.  Ties are reported (``tie``,
    ``ussr_indifferent``, ``ambiguous``), not broken silently.

    Parameters
    ----------
    tol
        Two payoffs tie when they differ by at most ``tol`` times the largest absolute
        payoff at that point (at least ``tol``).
    **params
        Scenario parameters, scalars or broadcastable arrays (defaults elsewhere); validated
        like :meth:`Scenario.build_batch`.

    Returns
    -------
    TradeOutcome
        Arrays of the parameters' broadcast shape.

    Examples
    --------
    >>> import numpy as np
    >>> o = subgame_perfect_outcome(leak=np.array([0.0, 0.5, 1.0]), war_risk=0.3)
    >>> o.offer_label.tolist(), o.tie.tolist()
    (['public trade', 'secret trade', 'secret trade'], [False, False, True])
    >>> o.best[2].tolist()  # a secret trade that surely leaks is a public one
    [False, True, True]
    """
    resolved = SCENARIO.resolve(**params)
    arrays = {k: np.asarray(v, dtype=float) for k, v in resolved.items()}
    shape = np.broadcast_shapes(*(a.shape for a in arrays.values()))
    deal, hold = _values(arrays)
    d_us, d_ussr = (np.stack([np.broadcast_to(v, shape) for v in row], -1) for row in deal)
    h_us, h_ussr = (np.broadcast_to(v, shape)[..., None] for v in hold)
    scale = np.maximum(
        np.max(np.abs(np.concatenate([d_us, d_ussr, h_us, h_ussr], -1)), axis=-1), 1.0
    )
    atol = (tol * scale)[..., None]
    accepts = d_ussr >= h_ussr - atol
    ussr_indifferent = np.abs(d_ussr - h_ussr) <= atol
    value_us = np.where(accepts, d_us, h_us)
    best = value_us >= value_us.max(axis=-1, keepdims=True) - atol
    offer = np.argmax(best, axis=-1)
    accepted = np.take_along_axis(accepts, offer[..., None], -1)[..., 0]
    war = np.where(accepted, 0.0, np.broadcast_to(arrays["war_risk"], shape))
    pick = offer[..., None]
    us = np.take_along_axis(value_us, pick, -1)[..., 0]
    ussr = np.take_along_axis(np.where(accepts, d_ussr, h_ussr), pick, -1)[..., 0]
    plan = (accepts * (1 << np.arange(3))).sum(axis=-1)
    return TradeOutcome(
        offer=offer,
        accepted=accepted,
        war=war,
        us_payoff=us,
        ussr_payoff=ussr,
        accepts=accepts,
        plan=plan,
        best=best,
        tie=best.sum(axis=-1) > 1,
        ussr_indifferent=ussr_indifferent,
    )


SCENARIO = register(
    Scenario(
        name="missile-trade",
        title="The settlement: no trade, a secret or a public Jupiter trade; accept or hold out",
        summary=(
            "The US offers no trade, a secret trade or a public trade of the Jupiters in "
            "Turkey and Italy (each with the non-invasion pledge when pledge is true); the "
            "USSR accepts or holds out, and a hold-out risks war. Payoffs are the values of "
            "the terms (crisisgames.models.terms), the alliance cost of a public trade and the leak "
            "probability of a secret one (this library's own model: no published bargaining "
            "model of the trade was found, MODELS.md §7). The game is the normal form of the "
            "sequential game (USSR strategies are response plans); the credible outcome at "
            "the defaults is the historical secret trade."
        ),
        parameters=PARAMETERS,
        builder=BUILDERS.game,
        outcomes=outcomes,
        batch_builder=BUILDERS.batch,
        batch_outcomes=batch_outcomes,
        references=(
            "MODELS.md, 'The seed' (terms, channels, enforcement) and §7 (secret versus "
            "public concessions)",
            "Fearon, J. D. (1994). Domestic political audiences and the escalation of "
            "international disputes. APSR 88(3).",
            "Kurizaki, S. (2007). Efficient secrecy: public versus private threats in crisis "
            "diplomacy. APSR 101(3).",
        ),
    )
)
