"""Equilibrium selection: payoff dominance and risk dominance (Harsanyi & Selten 1988).

Harsanyi & Selten, *A General Theory of Equilibrium Selection in Games* (MIT Press, 1988):
an equilibrium payoff-dominates another when it is strictly better for every player; in a
2x2 game with two strict equilibria, one risk-dominates the other when the product of the
players' losses from deviating unilaterally (the Nash product of deviation losses) is
larger.
"""

from __future__ import annotations

from crisisgames.errors import UnsupportedGameError
from crisisgames.games.normal_form import NormalFormGame
from crisisgames.solvers.nash import nash_equilibria
from crisisgames.solvers.results import Equilibrium, EquilibriumSet

__all__ = ["payoff_dominant", "risk_dominant"]


def payoff_dominant(equilibria: EquilibriumSet) -> Equilibrium | None:
    """The equilibrium strictly better for every player than every other one, if any.

    Parameters
    ----------
    equilibria
        An equilibrium set, e.g. from :func:`~crisisgames.nash_equilibria`.

    Returns
    -------
    Equilibrium or None
        ``None`` when no equilibrium payoff-dominates all others (as in Chicken, where
        each pure equilibrium favours a different player).

    Examples
    --------
    >>> from crisisgames import NormalFormGame, nash_equilibria
    >>> stag_hunt = NormalFormGame.from_arrays([[4, 0], [3, 3]], [[4, 3], [0, 3]])
    >>> payoff_dominant(nash_equilibria(stag_hunt)).supports
    (('a1',), ('a1',))
    """
    eqs = list(equilibria)
    for e in eqs:
        others = [f for f in eqs if f is not e]
        if all(all(a > b for a, b in zip(e.payoffs, f.payoffs, strict=True)) for f in others):
            return e
    return None


def risk_dominant(game: NormalFormGame) -> Equilibrium | None:
    """The risk-dominant strict pure equilibrium of a 2x2 game, if one exists.

    With two strict equilibria ``(r, c)`` and ``(r', c')`` (``r != r'``, ``c != c'``), the
    first risk-dominates the second when
    ``[u1(r, c) - u1(r', c)] [u2(r, c) - u2(r, c')] > [u1(r', c') - u1(r, c')] [u2(r', c') - u2(r', c)]``.
    A game with a single strict equilibrium selects it.

    Returns
    -------
    Equilibrium or None
        ``None`` when the game has no strict pure equilibrium, or when the two Nash
        products are equal (neither risk-dominates).

    Raises
    ------
    UnsupportedGameError
        If the game is not a two-player 2x2 game.

    Examples
    --------
    >>> from crisisgames import NormalFormGame
    >>> stag_hunt = NormalFormGame.from_arrays([[4, 0], [3, 3]], [[4, 3], [0, 3]])
    >>> risk_dominant(stag_hunt).supports  # losses 1*1 < 3*3: the safe equilibrium
    (('a2',), ('a2',))
    """
    if game.shape != (2, 2):
        raise UnsupportedGameError(
            f"risk dominance is defined here for 2x2 games, not {game.shape}"
        )
    A, B = game.exact_payoffs
    strict = []
    for eq in nash_equilibria(game, exact=True).pure:
        r = game.actions[0].index(eq.supports[0][0])
        c = game.actions[1].index(eq.supports[1][0])
        loss_row = A[r, c] - A[1 - r, c]
        loss_col = B[r, c] - B[r, 1 - c]
        if loss_row > 0 and loss_col > 0:
            strict.append((loss_row * loss_col, eq))
    if not strict:
        return None
    if len(strict) == 1:
        return strict[0][1]
    (p1, e1), (p2, e2) = strict
    if p1 == p2:
        return None
    return e1 if p1 > p2 else e2
