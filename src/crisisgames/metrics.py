"""What an equilibrium means for the crisis: probability of war, terms in effect, selection.

Every metric is the expectation of some per-profile quantity (the probability of war at each
pure profile, whether a settlement term is in effect there) under the distribution over
profiles an equilibrium induces.  The same contraction serves a single
:class:`~crisisgames.EquilibriumSet` and a whole :class:`~crisisgames.BatchSolution`
(vectorised: one ``einsum`` over the batch).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import numpy as np

from crisisgames.errors import ShapeError
from crisisgames.games.batch import BatchSolution
from crisisgames.games.outcomes import OutcomeData
from crisisgames.solvers.results import Equilibrium, EquilibriumSet
from crisisgames.solvers.selection import payoff_dominant, risk_dominant

__all__ = [
    "expectation",
    "selected_equilibrium",
    "summary",
    "terms_in_effect",
    "war_probability",
]

_LETTERS = "abcdefgh"


def _batch_expectation(strategies: tuple[np.ndarray, ...], values: np.ndarray) -> np.ndarray:
    """E[values] under each equilibrium of a batch: strategies (G, K, n_i); values of shape
    (n_1, ..., n_N) (shared) or (n_1, ..., n_N, G) (one per game).  NaN where padded."""
    n = len(strategies)
    shape = tuple(s.shape[-1] for s in strategies)
    v = np.asarray(values, dtype=float)
    if v.shape[:n] != shape or v.ndim not in (n, n + 1):
        raise ShapeError(f"values of shape {v.shape} do not fit profiles of shape {shape}")
    letters = _LETTERS[:n]
    per_game = v.ndim == n + 1
    spec = letters + ("g" if per_game else "") + "," + ",".join(f"gk{c}" for c in letters) + "->gk"
    return np.einsum(spec, v, *strategies, optimize=True)


def expectation(result: EquilibriumSet | BatchSolution, values: Any) -> np.ndarray:
    """Expected value of a per-profile quantity under each equilibrium.

    Parameters
    ----------
    result
        An :class:`EquilibriumSet` (returns one value per equilibrium) or a
        :class:`BatchSolution` (returns ``(G, K)``, NaN where padded).
    values
        Array over pure profiles, shape ``(n_1, ..., n_N)``; for a batch it may carry a
        trailing game axis ``(n_1, ..., n_N, G)``.

    Examples
    --------
    >>> from crisisgames import nash_equilibria
    >>> from crisisgames.scenarios import load
    >>> eqs = nash_equilibria(load("chicken"))
    >>> expectation(eqs, [[0, 0], [0, 1]]).tolist()  # P(air strike, maintain)
    [0.0, 0.0, 0.25]
    """
    if isinstance(result, BatchSolution):
        return _batch_expectation(result.strategies, np.asarray(values, dtype=float))
    strategies = tuple(
        np.array([eq.strategies[i] for eq in result.equilibria], dtype=float).reshape(
            1, len(result.equilibria), -1
        )
        for i in range(len(result.game.players))
    )
    if not result.equilibria:
        return np.zeros(0)
    return _batch_expectation(strategies, np.asarray(values, dtype=float))[0]


def war_probability(result: EquilibriumSet | BatchSolution, outcomes: OutcomeData) -> np.ndarray:
    """Probability of war under each equilibrium (see :func:`expectation`).

    Examples
    --------
    >>> from crisisgames import nash_equilibria
    >>> from crisisgames.scenarios import get
    >>> s = get("chicken")
    >>> war_probability(nash_equilibria(s.build()), s.outcome_data()).tolist()
    [0.0, 0.0, 0.25]
    """
    return expectation(result, outcomes.war)


def terms_in_effect(
    result: EquilibriumSet | BatchSolution, outcomes: OutcomeData
) -> dict[str, np.ndarray]:
    """For each settlement term, the probability it is in effect under each equilibrium."""
    return {term: expectation(result, mask) for term, mask in outcomes.terms.items()}


def selected_equilibrium(result: EquilibriumSet, rule: str) -> Equilibrium | None:
    """The equilibrium a selection rule picks: ``"payoff"`` dominance (any game) or
    ``"risk"`` dominance (2x2 games); ``None`` when the rule picks none.
    """
    if rule == "payoff":
        return payoff_dominant(result)
    if rule == "risk":
        return risk_dominant(result.game)
    raise ValueError(f"unknown selection rule {rule!r}; use 'payoff' or 'risk'")


def summary(result: EquilibriumSet, outcomes: OutcomeData | None = None) -> str:
    """A plain-text table: each equilibrium with its payoffs and probability of war.

    Examples
    --------
    >>> from crisisgames import nash_equilibria
    >>> from crisisgames.scenarios import get
    >>> s = get("chicken")
    >>> print(summary(nash_equilibria(s.build(), exact=True), s.outcome_data()).splitlines()[1])
    1. US: blockade; USSR: maintain  (payoffs: US 2, USSR 4)  P(war) = 0
    """
    war = war_probability(result, outcomes) if outcomes is not None else None
    terms: Mapping[str, np.ndarray] = terms_in_effect(result, outcomes) if outcomes else {}
    lines = [result.table().splitlines()[0]]
    for k, eq in enumerate(result.equilibria):
        line = f"{k + 1}. {eq.describe()}"
        if war is not None:
            line += f"  P(war) = {war[k]:.4g}"
        in_effect = [t for t, v in terms.items() if v[k] > 0]
        if in_effect:
            line += "  terms: " + ", ".join(f"{t} {terms[t][k]:.3g}" for t in in_effect)
        lines.append(line)
    return "\n".join(lines)
