"""``brams-alternative``: Brams's reading of the crisis (not Chicken).

Brams (*Superpower Games*, 1985; *Theory of Moves*, 1994; "Game theory and the Cuban
missile crisis", Plus Magazine, 2001) argues the crisis is not Chicken.  MODELS.md §1 gives
his four outcomes; the ranks below are chosen from those descriptions and the brief's goals
(4 = best), and are the ranks Brams's published matrix uses:

- blockade, withdraw -- compromise: (3, 3).  Each side gets part of what it wanted (the
  missiles out for the US; a pledge, and no humiliation, for the USSR): second best for both.
- blockade, maintain -- Soviet victory, US capitulation: (1, 4).  The US fails its first goal
  (missiles out) and shows no resolve: its worst; the USSR gains reach, advantage and
  prestige: its best.
- air strike, withdraw -- "dishonourable" US action, Soviets thwarted: (2, 2).  The missiles
  go, but the US has struck an adversary that was backing down (standing with allies and
  the world suffers); the USSR loses its gains but keeps the moral high ground.
- air strike, maintain -- US victory over a Soviet defeat: (4, 1).  The missiles are
  destroyed, the US shows resolve (Brams's reading assumes the strike does not escalate to
  war): the US's best, the USSR's worst.

Derived by hand: no pure equilibrium (the US's best reply to withdraw is blockade, to
maintain is air strike; the USSR's best reply to blockade is maintain, to air strike is
withdraw: best replies cycle).  The unique (mixed) equilibrium, reading ranks as cardinal:
the USSR withdraws with q = 3/4 (US indifference: 3q + 1(1 - q) = 2q + 4(1 - q)), the US
blockades with p = 1/2 (USSR indifference: 3p + 2(1 - p) = 4p + 1(1 - p)); payoffs 5/2 each.
"""

from __future__ import annotations

import numpy as np

from crisisgames.games.normal_form import NormalFormGame
from crisisgames.scenarios.base import OutcomeData, Scenario, register
from crisisgames.scenarios.chicken import ACTIONS, PLAYERS
from crisisgames.scenarios.chicken_goals import BRAMS_RANKS

__all__ = ["brams_alternative"]


def brams_alternative() -> NormalFormGame:
    """Brams's alternative game of the crisis, as ordinal ranks (4 = best).

    Examples
    --------
    >>> print(brams_alternative())
    Ordinal NormalFormGame: US (rows) vs USSR (columns)
                withdraw  maintain
    blockade      (3, 3)    (1, 4)
    air strike    (2, 2)    (4, 1)
    """
    us, ussr = BRAMS_RANKS
    return NormalFormGame.from_ranks(us, ussr, players=PLAYERS, actions=ACTIONS)


def _outcomes() -> OutcomeData:
    labels = np.array(
        [
            ["compromise", "Soviet victory, US capitulation"],
            ["'dishonourable' US action, Soviets thwarted", "US victory over a Soviet defeat"],
        ],
        dtype=object,
    )
    # Brams's reading has no outcome in which war occurs.
    return OutcomeData(war=np.zeros((2, 2)), labels=labels)


def _theory_of_moves() -> str:
    """Brams's Theory of Moves from every initial state, and the nonmyopic equilibria."""
    from crisisgames.solvers.tom import theory_of_moves

    return theory_of_moves(brams_alternative()).table()


SCENARIO = register(
    Scenario(
        name="brams-alternative",
        title="Brams's alternative reading of the crisis (ordinal ranks, 4 = best)",
        summary=(
            "The same moves as Chicken, but an air strike on maintained missiles is a US "
            "victory (no war), and a strike on a withdrawing USSR is dishonourable. Ranks "
            "chosen from the outcome descriptions of MODELS.md §1 and the goals; no pure "
            "equilibrium, a unique mixed one."
        ),
        parameters=(),
        builder=brams_alternative,
        outcomes=_outcomes,
        analysis=_theory_of_moves,
        references=(
            "Brams, S. J. (1994). Theory of Moves. Cambridge University Press.",
            "Brams, S. J. (2001). Game theory and the Cuban missile crisis. Plus Magazine.",
        ),
    )
)
