"""``chicken-goals``: the blockade / air strike confrontation with payoffs from goals.

The same 2x2 confrontation as ``chicken`` (US: blockade or air strike; USSR: withdraw or
maintain), with cardinal payoffs computed from the actors' goals (:mod:`crisisgames.models.actors`)
instead of assumed ranks.  Attainment of each goal at each outcome (assumptions of this
library, stated here so they can be argued with):

=====================  ============  ==========  ===========  ==========================
outcome                US missiles   US security US avert war notes
=====================  ============  ==========  ===========  ==========================
blockade, withdraw     1             1/2         1            compromise: missiles out,
                                                              no war, a pledge given
blockade, maintain     0             0           1/2          Soviet victory
air strike, withdraw   1             1 - d       1/2          d: dishonour of striking a
                                                              withdrawing adversary
air strike, maintain   1 - e         1 - e       (1 - e)/2    e: chance the strike brings
                                                              war (then all 0, minus the
                                                              war cost)
=====================  ============  ==========  ===========  ==========================

=====================  ============  ==========  ===========
outcome                USSR reach    USSR tact.  USSR prestige
=====================  ============  ==========  ===========
blockade, withdraw     0             1/2         1/2
blockade, maintain     1             1           1
air strike, withdraw   0             0           d/2 (moral standing after a dishonourable strike)
air strike, maintain   0             0           0, minus e times the war cost
=====================  ============  ==========  ===========

Utilities are the weighted sums of attainments minus ``e`` times each side's war cost.

**Which weights reproduce which reading** (derived from the tables; ``wm, ws, wa`` the US
weights of missiles, security and averting war, ``c`` its war cost):

- the USSR ranks the outcomes as in both Chicken and Brams's reading (Soviet victory >
  compromise > air strike on a withdrawal > air strike on maintained missiles) whenever its
  weights are positive and ``e c_USSR > 0`` or ``d > 0``;
- the US has Chicken's ranking (air strike on a withdrawal best, then compromise, Soviet
  victory, strike on maintained missiles) iff ``(1/2 - d) ws > wa / 2`` and
  ``wa / 2 > (1 - e)(wm + ws + wa/2) - e c``: security weighs more than averting war, the
  strike is not seen as dishonourable, and a strike on operational missiles is likely
  enough to bring war.  The defaults (``wm = ws = 2/5, wa = 1/5, d = 0, e = 1/2, c = 1``)
  satisfy both;
- the US has Brams's ranking (strike on maintained missiles = "US victory over a Soviet
  defeat" best, then compromise, the "dishonourable" strike on a withdrawal, Soviet
  victory) iff ``(1 - e)(wm + ws + wa/2) - e c > wm + ws/2 + wa`` and
  ``(1/2 - d) ws < wa / 2``: the strike is unlikely to bring war (small ``e``), security
  weighs more than averting war, and striking a withdrawing adversary is dishonourable
  enough (``d`` large).  For example ``wm = 3/10, ws = 1/2, wa = 1/5, d = 1/2, e = 1/20``.

:func:`reading` classifies any parameter point (vectorised).
"""

from __future__ import annotations

from typing import Any

import numpy as np

from crisisgames.models.actors import ordinal_ranks
from crisisgames.scenarios.base import (
    OutcomeData,
    Parameter,
    PayoffBuilders,
    Scenario,
    assemble_payoffs,
    register,
)
from crisisgames.scenarios.chicken import ACTIONS, PLAYERS, US_RANKS, USSR_RANKS

__all__ = ["BRAMS_RANKS", "goal_ranks", "payoff_arrays", "reading"]

W = "assumption: crisisgames' reading of the brief's goals (see chicken_goals.py)"
PARAMETERS = (
    Parameter("w_us_missiles", 0.4, 0, 1, "weight", "US weight of keeping the missiles out", W),
    Parameter("w_us_security", 0.4, 0, 1, "weight", "US weight of national security", W),
    Parameter(
        "w_us_war", 0.2, 0, 1, "weight", "US weight of averting war while showing resolve", W
    ),
    Parameter("w_ussr_reach", 0.3, 0, 1, "weight", "USSR weight of strategic reach", W),
    Parameter("w_ussr_tactical", 0.2, 0, 1, "weight", "USSR weight of tactical advantage", W),
    Parameter("w_ussr_prestige", 0.5, 0, 1, "weight", "USSR weight of prestige", W),
    Parameter(
        "war_cost_us",
        1.0,
        0,
        100,
        "utility",
        "US cost of nuclear war",
        "assumption: war costs as much as all goals together",
    ),
    Parameter(
        "war_cost_ussr",
        1.0,
        0,
        100,
        "utility",
        "USSR cost of nuclear war",
        "assumption: war costs as much as all goals together",
    ),
    Parameter(
        "dishonour",
        0.0,
        0,
        1,
        "fraction",
        "loss of US security (standing) from striking a withdrawing USSR",
        "assumption: 0 in the Chicken reading; Brams's reading needs it large",
    ),
    Parameter(
        "escalation",
        0.5,
        0,
        1,
        "probability",
        "chance an air strike on operational missiles brings nuclear war",
        "assumption: after Kennedy's estimate of the chance of war, 'between one out of three and even'",
        kind="probability",
    ),
)

# Brams's alternative ranks (see scenarios/brams.py): rows blockade, air strike.
BRAMS_RANKS = (((3, 1), (2, 4)), ((3, 4), (2, 1)))


def payoff_arrays(**p: Any) -> np.ndarray:
    """Payoffs ``(2, 2, 2, ...)``: player, US action, USSR action, then the parameters'
    broadcast shape.  Vectorised; parameters as in :data:`PARAMETERS`.

    Examples
    --------
    >>> U = payoff_arrays(**SCENARIO.defaults())
    >>> U[0].astype(float).round(4).tolist()  # US: rows blockade, air strike
    [[0.8, 0.1], [0.9, -0.05]]
    """
    # Scalars (exact Fractions from as_exact, or floats) or broadcastable float arrays.
    wm, ws, wa = (p[k] for k in ("w_us_missiles", "w_us_security", "w_us_war"))
    wr, wt, wg = (p[k] for k in ("w_ussr_reach", "w_ussr_tactical", "w_ussr_prestige"))
    d, e = p["dishonour"], p["escalation"]
    cu, cs = p["war_cost_us"], p["war_cost_ussr"]
    us = [
        [wm + ws / 2 + wa, wa / 2],
        [wm + (1 - d) * ws + wa / 2, (1 - e) * (wm + ws + wa / 2) - e * cu],
    ]
    ussr = [
        [(wt + wg) / 2, wr + wt + wg],
        [d * wg / 2, -e * cs],
    ]
    return assemble_payoffs(
        (2, 2, 2),
        {(i, r, c): m[r][c] for i, m in enumerate((us, ussr)) for r in range(2) for c in range(2)},
    )


# The cardinal game at one parameter point (exact payoffs), and batches of it over parameter arrays.
BUILDERS = PayoffBuilders(payoff_arrays, PLAYERS, ACTIONS)


def outcomes(**p: Any) -> OutcomeData:
    """War occurs only after an air strike on maintained missiles, with probability e."""
    war = np.zeros((2, 2))
    war[1, 1] = float(p["escalation"])
    labels = np.array(
        [
            ["compromise", "Soviet victory"],
            ["air strike on a withdrawal", "air strike on the missiles"],
        ],
        dtype=object,
    )
    return OutcomeData(war=war, labels=labels)


def batch_outcomes(**p: Any) -> OutcomeData:
    """:func:`outcomes` over a batch of points: ``war`` of shape ``(2, 2, *escalation's
    shape)``.

    Examples
    --------
    >>> batch_outcomes(escalation=np.array([0.1, 0.9])).war[1, 1].tolist()
    [0.1, 0.9]
    """
    e = np.asarray(p["escalation"], dtype=float)
    war = np.zeros((2, 2, *e.shape))
    war[1, 1] = e  # war only after an air strike on maintained missiles
    return OutcomeData(war=war)


def goal_ranks(**p: Any) -> np.ndarray:
    """Ordinal ranks (1 = worst, ties share) of the four outcomes for each player.

    Shape ``(2, 2, 2, ...)`` like :func:`payoff_arrays`.

    Examples
    --------
    >>> goal_ranks(**SCENARIO.defaults()).tolist()
    [[[3, 2], [4, 1]], [[3, 4], [2, 1]]]
    """
    U = payoff_arrays(**p).astype(float)
    flat = np.moveaxis(U.reshape(2, 4, *U.shape[3:]), 1, -1)  # (2, ..., 4)
    return np.moveaxis(ordinal_ranks(flat), -1, 1).reshape(U.shape)


def reading(**p: Any) -> np.ndarray:
    """Which published reading the goal-derived ranks reproduce: ``"chicken"``,
    ``"brams"`` or ``"neither"`` (vectorised over parameter arrays).

    Examples
    --------
    >>> str(reading(**SCENARIO.defaults()))
    'chicken'
    >>> brams = dict(SCENARIO.defaults(), w_us_missiles=0.3, w_us_security=0.5,
    ...              w_us_war=0.2, dishonour=0.5, escalation=0.05)
    >>> str(reading(**brams))
    'brams'
    """
    ranks = goal_ranks(**p)
    extra = ranks.ndim - 3
    chicken = np.array([US_RANKS, USSR_RANKS]).reshape((2, 2, 2) + (1,) * extra)
    brams = np.array(BRAMS_RANKS).reshape((2, 2, 2) + (1,) * extra)
    is_chicken = np.all(ranks == chicken, axis=(0, 1, 2))
    is_brams = np.all(ranks == brams, axis=(0, 1, 2))
    return np.where(is_chicken, "chicken", np.where(is_brams, "brams", "neither"))


SCENARIO = register(
    Scenario(
        name="chicken-goals",
        title="Blockade or air strike against withdraw or maintain, payoffs from goals",
        summary=(
            "The Chicken confrontation with cardinal payoffs: weighted sums of how far each "
            "outcome attains each side's goals (the brief's goals; attainments and weights "
            "are stated assumptions), minus the expected cost of war. At the defaults the "
            "goal-derived ranks are Chicken's; other weights, a dishonour cost and a low "
            "escalation risk give Brams's alternative reading (see the module docstring)."
        ),
        parameters=PARAMETERS,
        builder=BUILDERS.game,
        outcomes=outcomes,
        batch_builder=BUILDERS.batch,
        batch_outcomes=batch_outcomes,
        references=(
            "MODELS.md, 'The seed' (the actors' goals) and §1 (the two readings)",
            "Brams, S. J. (2001). Game theory and the Cuban missile crisis. Plus Magazine.",
        ),
    )
)
