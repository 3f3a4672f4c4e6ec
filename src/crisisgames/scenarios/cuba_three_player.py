"""``cuba-three-player``: the November sequel with Cuba as a player (US, USSR, Cuba).

After 28 October the missiles were leaving; what remained were the IL-28 bombers and the
tactical nuclear weapons, on-site inspection, and the pledge.  Three players move at once:

- **US**: ``"pledge"`` (lift the quarantine and give the non-invasion pledge now) or
  ``"quarantine"`` (keep the quarantine and withhold the pledge, pressing for removal);
- **USSR**: ``"withdraw all"`` (the IL-28s and tactical weapons leave too) or
  ``"missiles only"``;
- **Cuba**: ``"accept"`` (UN on-site inspection, and consent to the removal) or
  ``"refuse"`` (as Castro did).

Payoffs are measured from the state of 28 October (missiles leaving, quarantine on, nothing
else agreed: 0 for all).  At a profile, each actor's payoff is the sum of:

- the values of the terms in effect (:mod:`crisisgames.models.terms`): ``pledge`` (US pledges),
  ``remaining_weapons`` (USSR withdraws all), ``verification`` (Cuba accepts);
- ``-quarantine_cost_*`` while the quarantine continues (US plays quarantine);
- ``-override_cost_*`` for the USSR and Cuba when the USSR removes the weapons over Cuba's
  refusal (Cuba learns Soviet support bends to US demands: its "reliable Soviet support"
  goal; the USSR's prestige among its allies);
- ``-audience_cost_us`` when the US pledges while Soviet weapons remain (a domestic
  audience cost in the sense of Fearon 1994, MODELS.md §7);
- war: while the quarantine continues and the weapons remain, war follows with
  probability ``war_risk_quarantine``: the payoff is ``(1 - r) v - r c`` (``v`` the sum
  above, ``c`` the actor's war cost).

The Soviet withdrawal of the missiles is in effect at every profile (agreed before this
game), so it is reported among the terms but, as a constant, left out of the payoffs.

Cuba's goals (:data:`crisisgames.models.actors.CUBA`: security 1/2, Soviet support 3/10,
standing 1/5) enter through the values' sources: the pledge is half its security (+1/4),
the remaining weapons a fifth of it (their removal -1/10), inspection its whole standing
(-1/5), being overridden half its Soviet support (-3/20), the quarantine a fifth of its
security (-1/10).

**At the defaults** (derived by hand, exact fractions).  Payoffs (US, USSR, Cuba), rows
US, then USSR, then Cuba accept / refuse:

============================  =======================  =======================
US, USSR                      Cuba accepts             Cuba refuses
============================  =======================  =======================
pledge, withdraw all          (1/10, 0, -1/20)         (1/20, 0, 0)
pledge, missiles only         (-3/10, 1/20, 1/20)      (-7/20, 1/10, 1/4)
quarantine, withdraw all      (1/20, -1/5, -2/5)       (0, -1/5, -7/20)
quarantine, missiles only     (-6/25, -8/25, -11/25)   (-7/25, -7/25, -7/25)
============================  =======================  =======================

(e.g. quarantine, missiles only, refuse: ``v_US = -1/10``, so ``(4/5)(-1/10) - 1/5 =
-7/25``.)  Cuba's gain from accepting is ``-1/20, -1/5, -1/20, -4/25`` against the four
US/USSR profiles: refusing is strictly dominant (sovereignty weighs more than the Soviet
goodwill it risks).  Given refusal the US wants to pledge only if the weapons go (``1/20 >
0``; ``-7/20 < -7/25``) and the USSR to remove them only under the quarantine (``0 < 1/10``;
``-1/5 > -7/25``): best replies cycle, so the unique equilibrium is mixed.  The USSR
withdraws all with ``a`` making the US indifferent: ``a/20 - 7(1 - a)/20 = -7(1 - a)/25``,
``a = 7/12``; the US pledges with ``p`` making the USSR indifferent:
``-(1 - p)/5 = p/10 - 7(1 - p)/25``, ``p = 4/9``.  Payoffs ``(-7/60, -1/9, -19/144)``;
P(war) ``= (5/9)(5/12)(1/5) = 5/108``; the historical outcome (pledge, withdraw all, refuse)
has probability ``(4/9)(7/12) = 7/27``.  History broke the cycle by sequencing (Khrushchev's
undertaking of 20 November, then the lifting of the quarantine), which this simultaneous
game leaves out.

Examples
--------
>>> from crisisgames import nash_equilibria
>>> from crisisgames.scenarios import load
>>> res = nash_equilibria(load("cuba-three-player"))
>>> len(res), res.status.complete
(1, True)
>>> [round(res[0].strategies[i][0], 4) for i in range(3)]  # P(pledge, withdraw all, accept)
[0.4444, 0.5833, 0.0]
"""

from __future__ import annotations

from typing import Any

import numpy as np

from crisisgames.models.terms import ACTORS, WAR_COSTS, settlement_value, term_parameters
from crisisgames.scenarios.base import (
    OutcomeData,
    Parameter,
    PayoffBuilders,
    Scenario,
    assemble_payoffs,
    register,
)

__all__ = ["ACTIONS", "PLAYERS", "payoff_arrays"]

PLAYERS = ACTORS
ACTIONS = (("pledge", "quarantine"), ("withdraw all", "missiles only"), ("accept", "refuse"))
TERMS_IN_GAME = ("pledge", "remaining_weapons", "verification")


def _cost(name: str, default: float, meaning: str, source: str) -> Parameter:
    return Parameter(name, default, 0, 1, "utility", meaning, source)


PARAMETERS: tuple[Parameter, ...] = (
    *term_parameters(*TERMS_IN_GAME),
    _cost(
        "quarantine_cost_us",
        0.1,
        "US cost of keeping the quarantine",
        "assumption: ships on station and allies' and world opinion: half of US security "
        "(weight 0.2 in actors.US)",
    ),
    _cost(
        "quarantine_cost_ussr",
        0.1,
        "USSR cost of the quarantine continuing",
        "assumption: its ships turned back and its ally cut off in public: a fifth of prestige "
        "(weight 0.5 in actors.USSR)",
    ),
    _cost(
        "quarantine_cost_cuba",
        0.1,
        "Cuba's cost of the quarantine continuing",
        "assumption: supplies cut and invasion forces massed: a fifth of its security "
        "(weight 0.5 in actors.CUBA)",
    ),
    _cost(
        "override_cost_ussr",
        0.05,
        "USSR cost of removing the weapons over Cuba's refusal",
        "assumption: an ally overridden in public (and Chinese charges of capitulation): a "
        "tenth of prestige (weight 0.5 in actors.USSR)",
    ),
    _cost(
        "override_cost_cuba",
        0.15,
        "Cuba's cost of the weapons being removed over its refusal",
        "assumption: Soviet support shown to bend to US demands: half of 'reliable Soviet "
        "military support' (weight 0.3 in actors.CUBA)",
    ),
    _cost(
        "audience_cost_us",
        0.3,
        "US domestic cost of pledging while Soviet bombers and weapons remain in Cuba",
        "model: audience costs (Fearon 1994, MODELS.md §7); the size is an assumption: more "
        "than US security (weight 0.2), the pledge being attacked as protecting Soviet arms",
    ),
    Parameter(
        "war_risk_quarantine",
        0.2,
        0,
        1,
        "probability",
        "probability of war while the quarantine continues and Soviet weapons remain",
        "assumption: half the 28 October standoff's risk (war_risk 0.4 in missile-trade): the "
        "missiles were leaving, but low-level flights over Cuba were being fired on",
        kind="probability",
    ),
    *WAR_COSTS,
)


def payoff_arrays(**p: Any) -> np.ndarray:
    """Payoffs ``(3, 2, 2, 2, ...)``: player, US, USSR and Cuba actions, then the
    parameters' broadcast shape.  Vectorised; exact for scalar Fraction parameters.

    Examples
    --------
    >>> from crisisgames.scenarios.base import as_exact
    >>> U = payoff_arrays(**as_exact(SCENARIO.defaults()))
    >>> [str(U[i, 1, 1, 1]) for i in range(3)]  # quarantine, missiles only, refuse
    ['-7/25', '-7/25', '-7/25']
    """
    entries: dict[tuple[int, ...], Any] = {}
    for us in range(2):
        for ussr in range(2):
            for cuba in range(2):
                pledge, remove, inspect = us == 0, ussr == 0, cuba == 0
                in_effect = {
                    "pledge": int(pledge),
                    "remaining_weapons": int(remove),
                    "verification": int(inspect),
                }
                # War is possible only while the quarantine meets weapons that remain.
                at_risk = not pledge and not remove
                for i, actor in enumerate(ACTORS):
                    a = actor.lower()
                    v = settlement_value(actor, p, in_effect)
                    if not pledge:
                        v = v - p[f"quarantine_cost_{a}"]
                    if remove and not inspect and actor != "US":
                        v = v - p[f"override_cost_{a}"]
                    if pledge and not remove and actor == "US":
                        v = v - p["audience_cost_us"]
                    if at_risk:
                        r = p["war_risk_quarantine"]
                        v = (1 - r) * v - r * p[f"war_cost_{a}"]
                    entries[i, us, ussr, cuba] = v
    return assemble_payoffs((3, 2, 2, 2), entries)


# The 2x2x2 game at one parameter point (exact payoffs), and batches of it over parameter arrays.
BUILDERS = PayoffBuilders(payoff_arrays, PLAYERS, ACTIONS)


def outcomes(**p: Any) -> OutcomeData:
    """War under the quarantine while the weapons remain; the terms at each profile."""
    us, ussr, cuba = np.meshgrid(range(2), range(2), range(2), indexing="ij")
    war = np.where((us == 1) & (ussr == 1), float(p["war_risk_quarantine"]), 0.0)
    terms = {
        "withdrawal": np.ones((2, 2, 2), dtype=bool),
        "pledge": us == 0,
        "remaining_weapons": ussr == 0,
        "verification": cuba == 0,
    }
    labels = np.empty((2, 2, 2), dtype=object)
    for idx in np.ndindex(2, 2, 2):
        labels[idx] = "; ".join(
            f"{actor}: {ACTIONS[i][a]}"
            for i, (actor, a) in enumerate(zip(ACTORS, idx, strict=True))
        )
    return OutcomeData(war=war, terms=terms, labels=labels)


def batch_outcomes(**p: Any) -> OutcomeData:
    """:func:`outcomes` over a batch of points: ``war`` of shape ``(2, 2, 2,
    *war_risk_quarantine's shape)``; the terms do not depend on the parameters.

    Examples
    --------
    >>> batch_outcomes(war_risk_quarantine=np.array([0.1, 0.3])).war[1, 1, 0].tolist()
    [0.1, 0.3]
    """
    risk = np.asarray(p["war_risk_quarantine"], dtype=float)
    us, ussr, cuba = np.indices((2, 2, 2))
    at_risk = ((us == 1) & (ussr == 1)).reshape(2, 2, 2, *(1,) * risk.ndim)
    terms = {
        "withdrawal": np.ones((2, 2, 2), dtype=bool),
        "pledge": us == 0,
        "remaining_weapons": ussr == 0,
        "verification": cuba == 0,
    }
    return OutcomeData(war=np.where(at_risk, risk, 0.0), terms=terms)


SCENARIO = register(
    Scenario(
        name="cuba-three-player",
        title="November 1962: pledge or quarantine, withdraw all or missiles only, inspection",
        summary=(
            "The US lifts the quarantine and pledges or keeps the quarantine; the USSR "
            "removes the IL-28s and tactical weapons too or the missiles only; Cuba accepts "
            "or refuses on-site inspection and the removal. Payoffs from the terms' values "
            "(each a share of a goal of actors.py), the quarantine's and an override's costs, "
            "an audience cost of pledging while weapons remain, and the risk of war under "
            "the quarantine. At the defaults Cuba refuses whatever the others do and the US "
            "and USSR mix: a unique, mixed equilibrium."
        ),
        parameters=PARAMETERS,
        builder=BUILDERS.game,
        outcomes=outcomes,
        batch_builder=BUILDERS.batch,
        batch_outcomes=batch_outcomes,
        references=(
            "MODELS.md, 'The seed' (Cuba's goals; verification under distrust) and §7",
            "Fearon, J. D. (1994). Domestic political audiences and the escalation of "
            "international disputes. APSR 88(3).",
        ),
    )
)
