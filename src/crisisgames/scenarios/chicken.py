"""The classic Chicken reading of the Cuban Missile Crisis.

Source: the standard reading as given in the project's model brief (MODELS.md §1), e.g.
Brams, *Superpower Games* (1985), ch. 1, where the crisis is posed as Chicken: the US
chooses a blockade (swerve) or an air strike (stand firm), the USSR withdraws its missiles
(swerve) or maintains them (stand firm).  Ordinal ranks, 4 = best.
"""

from __future__ import annotations

from crisisgames.games.normal_form import NormalFormGame

__all__ = ["chicken"]

PLAYERS = ("US", "USSR")
ACTIONS = (("blockade", "air strike"), ("withdraw", "maintain"))
# Rows US (blockade, air strike), columns USSR (withdraw, maintain).
US_RANKS = ((3, 2), (4, 1))
USSR_RANKS = ((3, 4), (2, 1))


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
