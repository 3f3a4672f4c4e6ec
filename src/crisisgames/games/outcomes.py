"""What the pure profiles of a game mean: the probability of war and the terms in effect.

Metrics (:mod:`crisisgames.metrics`) take an :class:`OutcomeData` with a solution to give
the probability of war and of each settlement term in each equilibrium.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

import numpy as np

__all__ = ["OutcomeData"]


@dataclass(frozen=True)
class OutcomeData:
    """What each pure profile of a scenario's game means, for metrics.

    Attributes
    ----------
    war
        Probability of war at each pure profile (shape = the game's shape; may carry a
        trailing parameter axis in batches).
    terms
        ``{term: bool array over profiles}``: which settlement terms are in effect.
    labels
        A description of each pure profile (object array of str).
    """

    war: np.ndarray
    terms: Mapping[str, np.ndarray] = field(default_factory=dict)
    labels: np.ndarray | None = None
