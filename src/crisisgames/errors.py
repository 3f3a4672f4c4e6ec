"""The exceptions raised by crisisgames.

Every check on user input raises one of these before any computation starts, so a
mistake in a long sweep surfaces at once and names the offending value.  They derive
from the built-in exception a user would expect (``ValueError``, ``KeyError``), so
``except ValueError`` keeps working.

Examples
--------
>>> from crisisgames.errors import CrisisGamesError, InvalidPayoffError
>>> issubclass(InvalidPayoffError, CrisisGamesError) and issubclass(InvalidPayoffError, ValueError)
True
"""

from __future__ import annotations

__all__ = [
    "CheckpointError",
    "CrisisGamesError",
    "InvalidGameError",
    "InvalidLabelError",
    "InvalidParameterError",
    "InvalidPayoffError",
    "InvalidStrategyError",
    "ShapeError",
    "UnknownLabelError",
    "UnsupportedGameError",
]


class CrisisGamesError(Exception):
    """Base class of every error raised by crisisgames."""


class InvalidGameError(CrisisGamesError, ValueError):
    """A game cannot be built as specified (e.g. a player with no actions)."""


class InvalidPayoffError(InvalidGameError):
    """A payoff is NaN, infinite, non-numeric, or breaks a declared ordering."""


class ShapeError(InvalidGameError):
    """Arrays are ragged, or their shapes disagree with each other or with the labels."""


class InvalidLabelError(InvalidGameError):
    """Labels are duplicated, empty, of the wrong type, or of the wrong number."""


class UnknownLabelError(CrisisGamesError, KeyError):
    """A player or action label that the game does not have."""

    def __str__(self) -> str:  # KeyError quotes its message; keep it readable
        return str(self.args[0]) if self.args else ""


class InvalidStrategyError(CrisisGamesError, ValueError):
    """A mixed strategy has negative entries, does not sum to one, or has the wrong length."""


class UnsupportedGameError(CrisisGamesError, ValueError):
    """A method was asked to solve a game outside what it can solve (e.g. its shape)."""


class InvalidParameterError(CrisisGamesError, ValueError):
    """A scenario parameter that is unknown, NaN, of the wrong kind, or outside its range."""


class CheckpointError(CrisisGamesError, ValueError):
    """A checkpoint directory that belongs to another sweep, or a damaged checkpoint."""
