"""A stack of same-shaped games: the unit of vectorised solving.

Sweeps solve millions of small games.  A :class:`GameBatch` holds them as one array of
shape ``(G, N, n_1, ..., n_N)`` with the labels shared by all, validates it once, and is
solved with array operations: a closed form for 2x2, vectorised vertex enumeration for
other two-player shapes, and per-game work only where it is needed (the components of a
continuum of equilibria, three-player mixed equilibria).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import Any

import numpy as np

from crisisgames.errors import InvalidGameError, InvalidPayoffError, ShapeError
from crisisgames.games.normal_form import NormalFormGame

__all__ = ["BatchSolution", "GameBatch"]

# Bound on the elements of one level's arrays per chunk in the batched enumeration.
_CHUNK_ELEMENTS = 1 << 22


class GameBatch:
    """``G`` games of the same shape and labels, stored as one float array.

    Parameters
    ----------
    payoffs
        Array of shape ``(G, N, n_1, ..., n_N)``: ``payoffs[g, i]`` is player ``i``'s
        payoff array in game ``g``.
    players, actions
        Labels shared by all games (defaults as in :class:`NormalFormGame`).

    Raises
    ------
    InvalidPayoffError
        A NaN or infinite payoff (the message names the first game and profile).
    ShapeError
        An array that is not ``(G, N, n_1, ..., n_N)``.

    Examples
    --------
    >>> import numpy as np
    >>> A = np.array([[[3, 2], [4, 1]], [[1, 0], [0, 1]]])  # Chicken, coordination
    >>> B = np.array([[[3, 4], [2, 1]], [[1, 0], [0, 1]]])
    >>> sol = GameBatch.from_arrays(A, B).solve()
    >>> sol.count.tolist()
    [3, 3]
    >>> sol.strategies[0][0].round(3).tolist()  # row player's strategies in game 0
    [[1.0, 0.0], [0.0, 1.0], [0.5, 0.5]]
    """

    __slots__ = ("_actions", "_payoffs", "_players")

    def __init__(
        self,
        payoffs: Any,
        players: Sequence[str] | None = None,
        actions: Sequence[Sequence[str]] | None = None,
    ) -> None:
        try:
            arr = np.asarray(payoffs, dtype=np.float64)
        except (TypeError, ValueError) as exc:
            raise ShapeError(
                f"payoffs must be a numeric (G, N, n_1, ..., n_N) array: {exc}"
            ) from exc
        if arr.ndim < 3 or arr.shape[1] != arr.ndim - 2:
            raise ShapeError(
                f"payoffs of shape {arr.shape}: expected (G, N, n_1, ..., n_N) with N "
                "payoff arrays of N dimensions"
            )
        if arr.shape[0] == 0:
            raise InvalidGameError("a batch needs at least one game")
        if any(s == 0 for s in arr.shape[2:]):
            raise InvalidGameError(f"every player needs at least one action; shape {arr.shape}")
        bad = ~np.isfinite(arr)
        if bad.any():
            g, i, *prof = (int(v) for v in np.argwhere(bad)[0])
            raise InvalidPayoffError(
                f"game {g}: payoff of player {i} at profile {tuple(prof)} is "
                f"{arr[(g, i, *prof)]!r}; payoffs must be finite numbers"
            )
        # Labels are validated by building the first game once.
        template = NormalFormGame(arr[0], players=players, actions=actions)
        self._players = template.players
        self._actions = template.actions
        # A read-only view, not a copy: batches are large.  It shares memory with the
        # array given, which callers should not modify afterwards.
        arr = arr.view()
        arr.setflags(write=False)
        self._payoffs = arr

    @classmethod
    def from_arrays(
        cls,
        *arrays: Any,
        players: Sequence[str] | None = None,
        actions: Sequence[Sequence[str]] | None = None,
    ) -> GameBatch:
        """Build a batch from one ``(G, n_1, ..., n_N)`` array per player.

        Examples
        --------
        >>> import numpy as np
        >>> GameBatch.from_arrays(np.zeros((5, 2, 3)), np.ones((5, 2, 3))).shape
        (2, 3)
        """
        shapes = {np.shape(a) for a in arrays}
        if len(shapes) != 1:
            raise ShapeError(f"payoff arrays disagree in shape: {sorted(shapes)}")
        return cls(
            np.stack([np.asarray(a, dtype=np.float64) for a in arrays], axis=1), players, actions
        )

    @classmethod
    def from_games(cls, games: Iterable[NormalFormGame]) -> GameBatch:
        """Stack games of the same shape and labels.

        Examples
        --------
        >>> g = NormalFormGame.from_arrays([[1, 0], [0, 1]], [[1, 0], [0, 1]])
        >>> len(GameBatch.from_games([g, g]))
        2
        """
        games = list(games)
        if not games:
            raise InvalidGameError("a batch needs at least one game")
        first = games[0]
        for k, g in enumerate(games):
            if g.players != first.players or g.actions != first.actions:
                raise ShapeError(f"game {k} has other players or actions than game 0")
        return cls(np.stack([g.payoffs for g in games]), first.players, first.actions)

    # ------------------------------------------------------------------ properties
    def __len__(self) -> int:
        return int(self._payoffs.shape[0])

    @property
    def payoffs(self) -> np.ndarray:
        """Read-only array of shape ``(G, N, n_1, ..., n_N)``."""
        return self._payoffs

    @property
    def shape(self) -> tuple[int, ...]:
        """The number of actions of each player."""
        return tuple(self._payoffs.shape[2:])

    @property
    def players(self) -> tuple[str, ...]:
        """The players' labels."""
        return self._players

    @property
    def actions(self) -> tuple[tuple[str, ...], ...]:
        """Each player's action labels."""
        return self._actions

    def game(self, g: int) -> NormalFormGame:
        """Game ``g`` as a :class:`NormalFormGame`."""
        return NormalFormGame(self._payoffs[g], self._players, self._actions)

    def __repr__(self) -> str:
        return f"GameBatch({len(self)} games of shape {self.shape}, players {list(self._players)})"

    # ------------------------------------------------------------------ solving
    def solve(self, method: str = "auto", *, tol: float = 1e-9) -> BatchSolution:
        """All extreme equilibria of every game, as padded arrays.

        Parameters
        ----------
        method
            ``"auto"``: the 2x2 closed form, or batched vertex enumeration for other
            two-player shapes (both complete, degenerate games included); for three
            players, the mixed-equilibrium solver game by game.  ``"pure"``: pure
            equilibria only, vectorised, any number of players.
        tol
            Relative tolerance of float comparisons.

        Returns
        -------
        BatchSolution
        """
        from crisisgames.solvers.batch import solve_batch

        return solve_batch(self, method=method, tol=tol)


@dataclass(frozen=True, eq=False)
class BatchSolution:
    """Equilibria of every game of a :class:`GameBatch`, padded to a common length.

    Attributes
    ----------
    players, actions
        Labels.
    count
        ``(G,)`` number of (extreme) equilibria of each game.
    strategies
        One array per player, ``(G, K, n_i)``: ``strategies[i][g, e]`` is player ``i``'s
        strategy in equilibrium ``e`` of game ``g``; NaN where ``e >= count[g]``.
    component
        ``(G, K)`` index of each equilibrium's connected component (-1 where padded).
    degenerate, continuum
        ``(G,)`` flags: the game is degenerate; some equilibria form a continuum.  ``None``
        when the method does not determine them (``"pure"``, three players).
    complete
        ``(G,)`` flag: the enumeration is provably complete.
    method
        The method used.
    """

    players: tuple[str, ...]
    actions: tuple[tuple[str, ...], ...]
    count: np.ndarray
    strategies: tuple[np.ndarray, ...]
    component: np.ndarray
    degenerate: np.ndarray | None
    continuum: np.ndarray | None
    complete: np.ndarray
    method: str
    game_payoffs: np.ndarray

    @cached_property
    def payoffs(self) -> np.ndarray:
        """``(G, K, N)`` expected payoff of each player in each equilibrium (NaN padded)."""
        U = self.game_payoffs
        n = U.shape[1]
        out = np.empty((*self.count.shape, self.strategies[0].shape[1], n))
        letters = "abcdefgh"[:n]
        spec = f"gi{letters}," + ",".join(f"gk{c}" for c in letters) + "->gki"
        out[...] = np.einsum(spec, U, *self.strategies, optimize=True)
        return out

    @property
    def max_equilibria(self) -> int:
        """The padded length ``K``."""
        return int(self.strategies[0].shape[1])

    def __len__(self) -> int:
        return int(self.count.shape[0])
