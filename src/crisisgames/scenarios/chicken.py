"""``chicken``: the classic Chicken reading of the Cuban Missile Crisis.

Source: the standard reading as given in the project's model brief (MODELS.md §1) and
Brams, *Superpower Games* (Yale UP, 1985), where the crisis is posed as Chicken: the US
chooses a blockade (swerve) or an air strike (stand firm), the USSR withdraws its missiles
(swerve) or maintains them (stand firm).  Ordinal ranks, 4 = best.

Equilibria (derived by hand): (blockade, maintain) and (air strike, withdraw) are the pure
equilibria (each side's best reply to the other standing firm is to swerve, and to the
other swerving is to stand firm); reading ranks as cardinal utilities, the mixed
equilibrium has each side swerve with probability 1/2 (US indifference:
3q + 2(1 - q) = 4q + 1(1 - q) gives q = 1/2; symmetric for the USSR).
"""

from __future__ import annotations

import numpy as np

from crisisgames.games.normal_form import NormalFormGame
from crisisgames.scenarios.base import OutcomeData, Scenario, register

__all__ = ["ACTIONS", "PLAYERS", "chicken"]

PLAYERS = ("US", "USSR")
ACTIONS = (("blockade", "air strike"), ("withdraw", "maintain"))
# Rows US (blockade, air strike), columns USSR (withdraw, maintain).
US_RANKS = ((3, 2), (4, 1))
USSR_RANKS = ((3, 4), (2, 1))
LABELS = np.array([["compromise", "Soviet victory"], ["US victory", "nuclear war"]], dtype=object)


def chicken() -> NormalFormGame:
    """The Chicken game of the crisis, as ordinal ranks (4 = best).

    Examples
    --------
    >>> print(chicken())
    Ordinal NormalFormGame: US (rows) vs USSR (columns)
                withdraw  maintain
    blockade      (3, 3)    (2, 4)
    air strike    (4, 2)    (1, 1)
    """
    return NormalFormGame.from_ranks(US_RANKS, USSR_RANKS, players=PLAYERS, actions=ACTIONS)


def _outcomes() -> OutcomeData:
    return OutcomeData(war=np.array([[0.0, 0.0], [0.0, 1.0]]), labels=LABELS)


def _theory_of_moves() -> str:
    """Brams's Theory of Moves from every initial state, and the nonmyopic equilibria."""
    from crisisgames.solvers.tom import theory_of_moves

    return theory_of_moves(chicken()).table()


SCENARIO = register(
    Scenario(
        name="chicken",
        title="The crisis as Chicken (ordinal ranks, 4 = best)",
        summary=(
            "US: blockade (swerve) or air strike (stand firm); USSR: withdraw (swerve) or "
            "maintain (stand firm). Both standing firm is nuclear war, the worst outcome for "
            "both; each prefers winning to compromise to losing. Ranks from the brief "
            "(MODELS.md §1)."
        ),
        parameters=(),
        builder=chicken,
        outcomes=_outcomes,
        analysis=_theory_of_moves,
        references=(
            "Brams, S. J. (1985). Superpower Games. Yale University Press.",
            "MODELS.md §1 (the project brief)",
        ),
    )
)
