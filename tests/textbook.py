"""Textbook games shared by the tests (payoffs as printed in any game theory text)."""

from __future__ import annotations

from crisisgames.games.extensive_form import GameTree, decision, terminal
from crisisgames.games.normal_form import NormalFormGame


def prisoners_dilemma() -> NormalFormGame:
    """C/C -> (3, 3), C/D -> (0, 5), D/C -> (5, 0), D/D -> (1, 1)."""
    return NormalFormGame.from_arrays(
        [[3, 0], [5, 1]],
        [[3, 5], [0, 1]],
        players=["Row", "Col"],
        actions=[["C", "D"], ["C", "D"]],
    )


def chicken() -> NormalFormGame:
    """The Cuban missile crisis as Chicken (ranks, 4 = best), as plain payoffs."""
    return NormalFormGame.from_arrays(
        [[3, 2], [4, 1]],
        [[3, 4], [2, 1]],
        players=["US", "USSR"],
        actions=[["blockade", "air strike"], ["withdraw", "maintain"]],
    )


def chicken_ranks() -> NormalFormGame:
    """Chicken as ordinal ranks (4 = best; MODELS.md section 1): blockade/withdraw (3, 3),
    blockade/maintain (2, 4), air strike/withdraw (4, 2), air strike/maintain (1, 1)."""
    return NormalFormGame.from_ranks(
        [[3, 2], [4, 1]],
        [[3, 4], [2, 1]],
        players=["US", "USSR"],
        actions=[["blockade", "air strike"], ["withdraw", "maintain"]],
    )


def entry_deterrence() -> GameTree:
    """Selten's entry game: the Entrant stays out (0, 2) or enters; the Incumbent fights
    (-1, -1) or accommodates (1, 1)."""
    return GameTree(
        decision(
            "Entrant",
            {
                "out": terminal(Entrant=0, Incumbent=2),
                "in": decision(
                    "Incumbent",
                    {
                        "fight": terminal(Entrant=-1, Incumbent=-1),
                        "accommodate": terminal(Entrant=1, Incumbent=1),
                    },
                ),
            },
        )
    )
