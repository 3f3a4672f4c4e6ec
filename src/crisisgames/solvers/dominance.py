"""Dominated actions and iterated elimination of dominated actions.

Definitions used throughout (``d`` is the payoff of the dominating strategy minus that of
the dominated action, one entry per pure profile of the opponents):

* *strict* domination: ``d > tol`` everywhere;
* *weak* domination: ``d >= -tol`` everywhere and ``sum(d) > tol`` (better somewhere).

The dominating strategy is another pure action, or with ``mixed=True`` a mixed strategy over
the player's *other* actions (no loss: a mixture that puts weight on the dominated action
itself dominates it iff its renormalised remainder does).  Comparing against the opponents'
*pure* profiles suffices: against mixed opponents the payoff difference is an average of
the entries of ``d``, so it keeps their sign.  Mixed dominators are found by a linear
program (:func:`scipy.optimize.linprog`) and then re-checked against the definition above,
so a reported dominator is always a valid certificate.

Taking ``sum(d) > tol`` for the weak inequality keeps at least one action per player
alive: an action with the largest payoff sum over the opponents' profiles is never weakly
dominated (every dominator needs a larger sum, hence so does some action in its support).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, NamedTuple

import numpy as np
from scipy.optimize import linprog

from crisisgames.games.normal_form import NormalFormGame
from crisisgames.solvers.pure import _check_tol

__all__ = ["Elimination", "EliminationResult", "dominated_actions", "iterated_elimination"]

# Mixture weights below this are solver noise; they are dropped from descriptions.
_WEIGHT_EPS = 1e-9


# ---------------------------------------------------------------------------- kernels
def _action_matrix(U: np.ndarray, i: int) -> np.ndarray:
    """Player ``i``'s payoffs ``(n_i, M)``: a row per own action, a column per opponent profile."""
    return np.moveaxis(np.asarray(U[i], dtype=np.float64), i, 0).reshape(U.shape[1 + i], -1)


def _subgame(U: np.ndarray, keep: list[list[int]]) -> np.ndarray:
    """The payoffs ``U`` restricted to the kept actions of each player."""
    rows = [np.arange(U.shape[0]), *(np.asarray(k, dtype=np.intp) for k in keep)]
    return U[np.ix_(*rows)]


def _dominance_test(d: np.ndarray, strict: bool, tol: float) -> np.ndarray:
    """Whether payoff differences ``d`` (last axis: opponents' profiles) show domination."""
    if strict:
        return d.min(axis=-1) > tol
    return (d.min(axis=-1) >= -tol) & (d.sum(axis=-1) > tol)


def _pure_dominators(A: np.ndarray, a: int, strict: bool, tol: float) -> np.ndarray:
    """Indices of the rows of ``A`` that dominate row ``a`` (never ``a`` itself, as tol >= 0)."""
    return np.flatnonzero(_dominance_test(A - A[a], strict, tol))


def _lp_weights(res: Any, k: int) -> np.ndarray | None:
    if res.status == 2:  # infeasible: no mixture is at least as good everywhere
        return None
    if res.status != 0:
        raise RuntimeError(f"linprog failed on a dominance problem: {res.message}")
    s = np.clip(np.asarray(res.x)[:k], 0.0, None)
    return s / s.sum()


def _strict_lp(B: np.ndarray) -> np.ndarray | None:
    """Mixture ``s`` over the rows of ``B`` maximizing ``eps`` subject to ``s @ B >= eps``."""
    k, m = B.shape
    c = np.zeros(k + 1)
    c[-1] = -1.0  # linprog minimizes; maximize eps
    res = linprog(
        c,
        A_ub=np.hstack([-B.T, np.ones((m, 1))]),
        b_ub=np.zeros(m),
        A_eq=np.append(np.ones(k), 0.0)[np.newaxis],
        b_eq=[1.0],
        bounds=[(0, None)] * k + [(None, None)],
        method="highs",
    )
    return _lp_weights(res, k)


def _weak_lp(B: np.ndarray) -> np.ndarray | None:
    """Mixture ``s`` maximizing ``sum(s @ B)`` subject to ``s @ B >= 0``; None if infeasible."""
    k, m = B.shape
    res = linprog(
        -B.sum(axis=1),
        A_ub=-B.T,
        b_ub=np.zeros(m),
        A_eq=np.ones((1, k)),
        b_eq=[1.0],
        bounds=[(0, None)] * k,
        method="highs",
    )
    return _lp_weights(res, k)


def _mixed_dominator(A: np.ndarray, a: int, strict: bool, tol: float) -> np.ndarray | None:
    """Weights ``(n,)`` of a mixture of the other rows dominating row ``a``, or None."""
    others = np.delete(np.arange(A.shape[0]), a)
    B = A[others] - A[a]
    scale = np.abs(B).max() if B.size else 0.0
    if scale == 0.0:  # no other action, or all identical to a: nothing can dominate it
        return None
    # Rescaling to [-1, 1] keeps the LP well conditioned; the check below uses raw payoffs.
    s = (_strict_lp if strict else _weak_lp)(B / scale)
    if s is None or not _dominance_test(s @ B, strict, tol):
        return None
    weights = np.zeros(A.shape[0])
    weights[others] = s
    return weights


def _dominated(A: np.ndarray, strict: bool, mixed: bool, tol: float) -> dict[int, np.ndarray]:
    """Dominated rows of ``A``, each with the weights ``(n,)`` of one dominating strategy.

    A pure dominator (the first in row order) is preferred; the LP runs only for rows that
    no pure action dominates.
    """
    out: dict[int, np.ndarray] = {}
    for a in range(A.shape[0]):
        pure = _pure_dominators(A, a, strict, tol)
        if pure.size:
            out[a] = np.eye(A.shape[0])[pure[0]]
        elif mixed:
            weights = _mixed_dominator(A, a, strict, tol)
            if weights is not None:
                out[a] = weights
    return out


def _iterated_elimination(
    U: np.ndarray, strict: bool, mixed: bool, tol: float
) -> tuple[list[list[int]], list[list[tuple[int, int, np.ndarray]]]]:
    """Eliminate, round by round, every dominated action of every player at once.

    Returns the surviving action indices per player and, per round, the eliminations as
    ``(player, action, weights)`` with indices and weights over the *original* actions.
    """
    n_players = U.shape[0]
    keep = [list(range(n)) for n in U.shape[1:]]
    rounds: list[list[tuple[int, int, np.ndarray]]] = []
    while True:
        sub = _subgame(U, keep)
        found: list[tuple[int, int, np.ndarray]] = []
        for i in range(n_players):
            for a, w in _dominated(_action_matrix(sub, i), strict, mixed, tol).items():
                full = np.zeros(U.shape[1 + i])
                full[keep[i]] = w
                found.append((i, keep[i][a], full))
        if not found:
            return keep, rounds
        rounds.append(found)
        for i, a, _ in found:
            keep[i].remove(a)
        # Cannot happen with tol >= 0 (see the module docstring); guard the invariant anyway.
        assert all(keep), "elimination removed every action of a player"


def _describe(weights: np.ndarray, labels: tuple[str, ...]) -> str:
    """``"b"`` for a pure dominator, ``"0.5 b + 0.5 c"`` for a mixed one."""
    support = np.flatnonzero(weights > _WEIGHT_EPS)
    if support.size == 1:
        return labels[support[0]]
    return " + ".join(f"{weights[k]:.4g} {labels[k]}" for k in support)


# ---------------------------------------------------------------------------- public API
def dominated_actions(
    game: NormalFormGame,
    player: str | int,
    *,
    strict: bool = True,
    mixed: bool = False,
    tol: float = 1e-9,
) -> tuple[str, ...]:
    """The actions of a player dominated by another of its strategies.

    Parameters
    ----------
    game
        The game.
    player
        The player (label or index).
    strict
        Strict domination (``d > tol`` against every opponents' profile) if True; weak
        domination (``d >= -tol`` everywhere and ``sum(d) > tol``) if False.  ``d`` is the
        dominator's payoff minus the action's.
    mixed
        Also look for dominators that mix the player's other actions (found by linear
        programming).  Checking the opponents' pure profiles suffices, by linearity.
    tol
        Absolute tolerance on payoff differences.

    Returns
    -------
    tuple of str
        The dominated actions, in the player's action order.

    Notes
    -----
    Mixed dominance uses payoff magnitudes, so for an ordinal game (ranks) it is not
    invariant to the choice of ranks; pure dominance is.

    Examples
    --------
    >>> from crisisgames import NormalFormGame
    >>> g = NormalFormGame.from_arrays(
    ...     [[3, 0], [0, 3], [1, 1]], [[0, 0], [0, 0], [0, 0]],
    ...     actions=[["top", "middle", "bottom"], ["left", "right"]],
    ... )
    >>> dominated_actions(g, "P1"), dominated_actions(g, "P1", mixed=True)
    ((), ('bottom',))
    """
    i = game.player_index(player)
    found = _dominated(_action_matrix(game.payoffs, i), strict, mixed, _check_tol(tol))
    return tuple(game.actions[i][a] for a in sorted(found))


class Elimination(NamedTuple):
    """One eliminated action: whose, which, and the strategy that dominated it."""

    player: str
    action: str
    dominated_by: str  # an action label, or a mixture such as "0.5 top + 0.5 middle"


@dataclass(frozen=True)
class EliminationResult:
    """The outcome of :func:`iterated_elimination`.

    Attributes
    ----------
    game
        The reduced game: the surviving actions, with their (exact, if available) payoffs.
    rounds
        One tuple of :class:`Elimination` per round, in order; within a round, by player
        and then action order.
    surviving
        ``{player: surviving actions}`` in the original action order.
    """

    game: NormalFormGame
    rounds: tuple[tuple[Elimination, ...], ...]
    surviving: dict[str, tuple[str, ...]]

    @property
    def eliminations(self) -> tuple[Elimination, ...]:
        """All eliminations, flattened in order."""
        return tuple(e for r in self.rounds for e in r)

    @property
    def is_solved(self) -> bool:
        """Whether a single profile survives (the game is dominance solvable)."""
        return all(len(a) == 1 for a in self.surviving.values())


def iterated_elimination(
    game: NormalFormGame, *, strict: bool = True, mixed: bool = True, tol: float = 1e-9
) -> EliminationResult:
    """Iteratively remove dominated actions until none is left.

    Each round removes, *simultaneously*, every action of every player that is dominated
    in the game that survived the previous rounds (maximal simultaneous deletion).

    Parameters
    ----------
    game
        The game.
    strict, mixed, tol
        As in :func:`dominated_actions`.

    Returns
    -------
    EliminationResult
        The reduced game, the eliminations round by round, and the surviving actions.

    Notes
    -----
    For strict dominance the result does not depend on the order of deletion (Gilboa,
    Kalai & Zemel, "On the order of eliminating dominated strategies", *Operations
    Research Letters* 9, 1990), and no Nash equilibrium is ever removed.  For weak
    dominance it does in general; maximal simultaneous deletion is the procedure behind
    iterated admissibility (Brandenburger, Friedenberg & Keisler, "Admissibility in
    games", *Econometrica* 76, 2008), and it is deterministic (no dependence on the order
    of the players or actions).  Weak elimination can remove Nash equilibria.

    The reduced game keeps the input's exact payoffs and ordinal flag.

    Examples
    --------
    Gibbons (*A Primer in Game Theory*, 1992, Sec. 1.1.B): Right is dominated by Middle,
    then Down by Up, then Left by Middle.

    >>> from crisisgames import NormalFormGame
    >>> g = NormalFormGame.from_arrays(
    ...     [[1, 1, 0], [0, 0, 2]], [[0, 2, 1], [3, 1, 0]],
    ...     players=["Row", "Col"],
    ...     actions=[["Up", "Down"], ["Left", "Middle", "Right"]],
    ... )
    >>> result = iterated_elimination(g)
    >>> result.surviving
    {'Row': ('Up',), 'Col': ('Middle',)}
    >>> [tuple(e) for e in result.eliminations]
    [('Col', 'Right', 'Middle'), ('Row', 'Down', 'Up'), ('Col', 'Left', 'Middle')]
    """
    keep, rounds = _iterated_elimination(game.payoffs, strict, mixed, _check_tol(tol))
    labels = game.actions
    players = game.players
    described = tuple(
        tuple(Elimination(players[i], labels[i][a], _describe(w, labels[i])) for i, a, w in r)
        for r in rounds
    )
    surviving = {p: tuple(labels[i][k] for k in keep[i]) for i, p in enumerate(players)}
    # Index the exact payoffs when the floats are only approximations (e.g. 1/3).
    source = game.exact_payoffs if game.has_exact_payoffs else game.payoffs
    reduced = NormalFormGame(
        _subgame(source, keep),
        players,
        [surviving[p] for p in players],
        ordinal=game.is_ordinal,
    )
    return EliminationResult(reduced, described, dict(surviving))
