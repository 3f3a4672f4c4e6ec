"""Pure equilibria, expected payoffs, best responses and regret in N-player games.

The kernels (prefix ``_``) work on bare payoff arrays ``U`` of shape ``(N, n_1, ..., n_N)``,
where ``U[i][a_1, ..., a_N]`` is player ``i``'s payoff; the public functions take a
:class:`~crisisgames.games.normal_form.NormalFormGame` and speak in labels.

A profile of mixed strategies is given either as a mapping ``{player: strategy}`` or as a
sequence of strategies in player order.  A strategy is a probability vector in action
order, a mapping ``{action: probability}`` (omitted actions have probability zero), or an
action label, meaning that action played for sure.  Every strategy is validated by
:meth:`NormalFormGame.mixed_strategy`, so malformed input fails before any computation.

Examples
--------
>>> from crisisgames import NormalFormGame
>>> chicken = NormalFormGame.from_arrays(
...     [[3, 2], [4, 1]], [[3, 4], [2, 1]],
...     players=["US", "USSR"],
...     actions=[["blockade", "air strike"], ["withdraw", "maintain"]],
... )
>>> pure_nash_equilibria(chicken)
[{'US': 'blockade', 'USSR': 'maintain'}, {'US': 'air strike', 'USSR': 'withdraw'}]
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np

from crisisgames.errors import InvalidStrategyError, ShapeError, UnknownLabelError
from crisisgames.games.normal_form import NormalFormGame

__all__ = [
    "best_responses",
    "expected_payoffs",
    "is_nash",
    "pure_nash_equilibria",
    "regret",
]

Profile = Mapping[Any, Any] | Sequence[Any]


# ---------------------------------------------------------------------------- kernels
def _check_tol(tol: float) -> float:
    """A tolerance must be a finite, non-negative number."""
    tol = float(tol)
    if not math.isfinite(tol) or tol < 0:
        raise ValueError(f"tol must be a finite number >= 0, got {tol!r}")
    return tol


def _pure_nash_mask_batch(U: np.ndarray, tol: float = 0.0) -> np.ndarray:
    """Pure-Nash mask of each game of a batch ``U`` of shape ``(G, N, n_1, ..., n_N)``.

    Returns a boolean array ``(G, n_1, ..., n_N)``: a profile is an equilibrium iff every
    player's payoff there is within ``tol`` of the best payoff over that player's own axis.
    """
    U = np.asarray(U, dtype=np.float64)
    if U.ndim < 2 or U.ndim != U.shape[1] + 2:
        raise ShapeError(f"expected payoffs of shape (G, N, n_1, ..., n_N), got {U.shape}")
    mask = np.ones((U.shape[0], *U.shape[2:]), dtype=bool)
    for i in range(U.shape[1]):
        # The max over player i's own axis is i's best deviation payoff at every profile.
        mask &= U[:, i] >= U[:, i].max(axis=1 + i, keepdims=True) - tol
    return mask


def _pure_nash_mask(U: np.ndarray, tol: float = 0.0) -> np.ndarray:
    """Pure-Nash mask ``(n_1, ..., n_N)`` of one game ``U`` of shape ``(N, n_1, ..., n_N)``."""
    # Separate entry points: a lone game (N, ...) and a batch (G, N', ...) can share a shape.
    return _pure_nash_mask_batch(np.asarray(U)[np.newaxis], tol)[0]


def _expected_payoffs(U: np.ndarray, strategies: Sequence[np.ndarray]) -> np.ndarray:
    """Every player's expected payoff ``(N,)`` under independent mixed strategies."""
    out = np.asarray(U, dtype=np.float64)
    for s in reversed(strategies):  # each product contracts the last remaining player axis
        out = out @ s
    return out


def _deviation_payoffs(
    U: np.ndarray, strategies: Sequence[np.ndarray | None], i: int
) -> np.ndarray:
    """Player ``i``'s payoff ``(n_i,)`` of each pure action against the others' strategies.

    ``strategies[i]`` is not used and may be ``None``.
    """
    out = np.moveaxis(np.asarray(U[i], dtype=np.float64), i, 0)  # own axis first
    for j in reversed(range(len(strategies))):
        s = strategies[j]
        if j == i:
            continue
        if s is None:
            raise ValueError(f"no strategy for player {j}")
        out = out @ s
    return out


def _regrets(U: np.ndarray, strategies: Sequence[np.ndarray]) -> np.ndarray:
    """Each player's gain ``(N,)`` from the best unilateral pure deviation, clipped at 0."""
    out = np.empty(len(strategies))
    for i, s in enumerate(strategies):
        dev = _deviation_payoffs(U, strategies, i)
        out[i] = dev.max() - dev @ s
    # Mathematically >= 0; rounding in dev @ s can leave a tiny negative value.
    return np.maximum(out, 0.0)


# ---------------------------------------------------------------------------- validation
def _strategy(game: NormalFormGame, i: int, strategy: Any) -> np.ndarray:
    if isinstance(strategy, str):  # an action label: that action for sure
        strategy = {strategy: 1.0}
    return game.mixed_strategy(i, strategy)


def _strategies(
    game: NormalFormGame, profile: Profile, *, optional: int | None = None
) -> list[np.ndarray | None]:
    """Validate a profile; player ``optional``'s entry may be absent or ``None``."""
    n = game.num_players
    if isinstance(profile, Mapping):
        entries: list[Any] = [None] * n
        given: set[int] = set()
        for key, strategy in profile.items():
            i = game.player_index(key)
            if i in given:
                raise InvalidStrategyError(f"player {game.players[i]!r} is given twice")
            given.add(i)
            entries[i] = strategy
        missing = [game.players[i] for i in range(n) if i not in given and i != optional]
        if missing:
            raise UnknownLabelError(f"profile does not give a strategy for {missing}")
    elif isinstance(profile, str) or not isinstance(profile, Sequence | np.ndarray):
        raise InvalidStrategyError(
            f"a profile is a mapping {{player: strategy}} or a sequence, got {profile!r}"
        )
    else:
        entries = list(profile)
        if len(entries) != n:
            raise ShapeError(f"a profile needs {n} strategies, got {len(entries)}")
    out: list[np.ndarray | None] = []
    for i, entry in enumerate(entries):
        if i == optional and entry is None:
            out.append(None)
        elif entry is None:
            raise InvalidStrategyError(f"no strategy given for {game.players[i]!r}")
        else:
            out.append(_strategy(game, i, entry))
    return out


def _full_strategies(game: NormalFormGame, profile: Profile) -> list[np.ndarray]:
    return [s for s in _strategies(game, profile) if s is not None]


# ---------------------------------------------------------------------------- public API
def pure_nash_equilibria(game: NormalFormGame, tol: float = 0.0) -> list[dict[str, str]]:
    """All pure-strategy Nash equilibria of a game.

    Parameters
    ----------
    game
        The game.
    tol
        A profile is an equilibrium if no player gains more than ``tol`` by deviating.

    Returns
    -------
    list of dict
        ``{player: action}`` for each equilibrium, in lexicographic order of the action
        indices (the first player's declared action order varies slowest).

    Examples
    --------
    >>> from crisisgames import NormalFormGame
    >>> pd = NormalFormGame.from_arrays(
    ...     [[3, 0], [5, 1]], [[3, 5], [0, 1]], actions=[["C", "D"], ["C", "D"]]
    ... )
    >>> pure_nash_equilibria(pd)
    [{'P1': 'D', 'P2': 'D'}]
    """
    mask = _pure_nash_mask(game.payoffs, _check_tol(tol))
    # argwhere lists indices in C (row-major) order, i.e. lexicographically.
    return [
        {p: game.actions[i][k] for i, (p, k) in enumerate(zip(game.players, idx, strict=True))}
        for idx in np.argwhere(mask)
    ]


def expected_payoffs(game: NormalFormGame, profile: Profile) -> dict[str, float]:
    """Each player's expected payoff when the players mix independently.

    Parameters
    ----------
    game
        The game.
    profile
        ``{player: strategy}`` or strategies in player order; a strategy is a probability
        vector, ``{action: probability}``, or an action label.

    Returns
    -------
    dict
        ``{player: expected payoff}``.

    Raises
    ------
    InvalidStrategyError
        A strategy with negative entries, a sum other than one, or the wrong length.
    UnknownLabelError
        An unknown player or action, or a player left out of a mapping.

    Examples
    --------
    >>> from crisisgames import NormalFormGame
    >>> g = NormalFormGame.from_arrays([[3, 2], [4, 1]], [[3, 4], [2, 1]])
    >>> expected_payoffs(g, [[0.5, 0.5], {"a1": 0.5, "a2": 0.5}])
    {'P1': 2.5, 'P2': 2.5}
    """
    values = _expected_payoffs(game.payoffs, _full_strategies(game, profile))
    return {p: float(v) for p, v in zip(game.players, values, strict=True)}


def best_responses(
    game: NormalFormGame, player: str | int, profile: Profile, tol: float = 1e-9
) -> tuple[str, ...]:
    """The pure best responses of one player to the others' (mixed) strategies.

    Parameters
    ----------
    game
        The game.
    player
        The responding player (label or index).
    profile
        The others' strategies, as in :func:`expected_payoffs`.  The player's own entry may
        be left out of a mapping or be ``None`` in a sequence; if given it is validated but
        otherwise ignored.
    tol
        Actions within ``tol`` of the best payoff count as best responses.

    Returns
    -------
    tuple of str
        The best-response actions, in the player's action order.

    Examples
    --------
    >>> from crisisgames import NormalFormGame
    >>> chicken = NormalFormGame.from_arrays(
    ...     [[3, 2], [4, 1]], [[3, 4], [2, 1]],
    ...     players=["US", "USSR"],
    ...     actions=[["blockade", "air strike"], ["withdraw", "maintain"]],
    ... )
    >>> best_responses(chicken, "US", {"USSR": "maintain"})
    ('blockade',)
    >>> best_responses(chicken, "US", {"USSR": [0.5, 0.5]})
    ('blockade', 'air strike')
    """
    i = game.player_index(player)
    tol = _check_tol(tol)
    dev = _deviation_payoffs(game.payoffs, _strategies(game, profile, optional=i), i)
    return tuple(game.actions[i][k] for k in np.flatnonzero(dev >= dev.max() - tol))


def regret(game: NormalFormGame, profile: Profile) -> dict[str, float]:
    """Each player's gain from the best unilateral switch to a pure action.

    Parameters
    ----------
    game
        The game.
    profile
        A full profile of strategies, as in :func:`expected_payoffs`.

    Returns
    -------
    dict
        ``{player: regret}``, every value ``>= 0``; all zero exactly at a Nash equilibrium.

    Examples
    --------
    >>> from crisisgames import NormalFormGame
    >>> pd = NormalFormGame.from_arrays(
    ...     [[3, 0], [5, 1]], [[3, 5], [0, 1]], actions=[["C", "D"], ["C", "D"]]
    ... )
    >>> regret(pd, ["C", "C"])
    {'P1': 2.0, 'P2': 2.0}
    """
    values = _regrets(game.payoffs, _full_strategies(game, profile))
    return {p: float(v) for p, v in zip(game.players, values, strict=True)}


def is_nash(game: NormalFormGame, profile: Profile, tol: float = 1e-9) -> bool:
    """Whether a (mixed) profile is a Nash equilibrium: no player's regret exceeds ``tol``.

    Examples
    --------
    >>> from crisisgames import NormalFormGame
    >>> pennies = NormalFormGame.from_arrays([[1, -1], [-1, 1]], [[-1, 1], [1, -1]])
    >>> is_nash(pennies, [[0.5, 0.5], [0.5, 0.5]]), is_nash(pennies, ["a1", "a1"])
    (True, False)
    """
    tol = _check_tol(tol)
    return bool(np.all(_regrets(game.payoffs, _full_strategies(game, profile)) <= tol))
