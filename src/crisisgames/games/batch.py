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
from crisisgames.games.normal_form import NormalFormGame, _read_only_view

__all__ = ["BatchSolution", "GameBatch"]


def _as_float(values: Any) -> np.ndarray:
    try:
        return np.asarray(values, dtype=np.float64)
    except (TypeError, ValueError) as exc:
        raise ShapeError(f"payoffs must be a numeric array (not ragged): {exc}") from exc


# Bound on the elements of one level's arrays per chunk in the batched enumeration.
_CHUNK_ELEMENTS = 1 << 22


class GameBatch:
    """``G`` games of the same shape and labels, stored as one float array.

    Payoffs are stored with the game axis last, ``(N, n_1, ..., n_N, G)``, so that each
    payoff entry across the games is one contiguous array: that is the layout vectorised
    solvers read fastest and the one a vectorised scenario builder produces
    (:meth:`from_stacked` takes it without a copy).  :attr:`payoffs` shows the same data
    game-first, ``(G, N, n_1, ..., n_N)``.

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

    __slots__ = ("_actions", "_players", "_stacked")

    def __init__(
        self,
        payoffs: Any,
        players: Sequence[str] | None = None,
        actions: Sequence[Sequence[str]] | None = None,
    ) -> None:
        arr = _as_float(payoffs)
        if arr.ndim < 3 or arr.shape[1] != arr.ndim - 2:
            raise ShapeError(
                f"payoffs of shape {arr.shape}: expected (G, N, n_1, ..., n_N) with N "
                "payoff arrays of N dimensions"
            )
        self._init(np.moveaxis(arr, 0, -1), players, actions)

    def _init(
        self,
        stacked: np.ndarray,
        players: Sequence[str] | None,
        actions: Sequence[Sequence[str]] | None,
    ) -> None:
        if stacked.shape[-1] == 0:
            raise InvalidGameError("a batch needs at least one game")
        if any(s == 0 for s in stacked.shape[1:-1]):
            raise InvalidGameError(
                f"every player needs at least one action; shape {stacked.shape[1:-1]}"
            )
        bad = ~np.isfinite(stacked)
        if bad.any():
            *where, g = (int(v) for v in np.argwhere(bad)[0])
            raise InvalidPayoffError(
                f"game {g}: payoff of player {where[0]} at profile {tuple(where[1:])} is "
                f"{stacked[(*where, g)]!r}; payoffs must be finite numbers"
            )
        # Labels are validated by building the first game once.
        template = NormalFormGame(stacked[..., 0], players=players, actions=actions)
        self._players = template.players
        self._actions = template.actions
        stacked = np.ascontiguousarray(stacked)
        if stacked.base is not None:  # a view of the caller's array: keep it unmodifiable
            stacked = stacked.view()
        stacked.setflags(write=False)
        self._stacked = stacked

    @classmethod
    def from_stacked(
        cls,
        stacked: Any,
        players: Sequence[str] | None = None,
        actions: Sequence[Sequence[str]] | None = None,
    ) -> GameBatch:
        """Build a batch from payoffs with the game axis last, ``(N, n_1, ..., n_N, G)``.

        A C-contiguous float64 array is used as is (no copy); the caller should not
        modify it afterwards.

        Examples
        --------
        >>> import numpy as np
        >>> t = np.linspace(0, 1, 5)  # one parameter, five games
        >>> U = np.zeros((2, 2, 2, 5))
        >>> U[0, 0, 0] = t  # the row player's payoff at (a1, a1) rises with t
        >>> GameBatch.from_stacked(U).solve().count.tolist()
        [4, 3, 3, 3, 3]
        """
        arr = _as_float(stacked)
        if arr.ndim < 3 or arr.shape[0] != arr.ndim - 2:
            raise ShapeError(
                f"stacked payoffs of shape {arr.shape}: expected (N, n_1, ..., n_N, G)"
            )
        batch = cls.__new__(cls)
        batch._init(arr, players, actions)
        return batch

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
        mats = [_as_float(a) for a in arrays]
        shapes = {a.shape for a in mats}
        if len(shapes) != 1:
            raise ShapeError(f"payoff arrays disagree in shape: {sorted(shapes)}")
        (shape,) = shapes
        if len(shape) != len(mats) + 1:
            raise ShapeError(
                f"{len(mats)} arrays of shape {shape}: expected (G, n_1, ..., n_N) with N "
                "the number of arrays"
            )
        stacked = np.empty((len(mats), *shape[1:], shape[0]))
        for i, a in enumerate(mats):
            stacked[i] = np.moveaxis(a, 0, -1)
        return cls.from_stacked(stacked, players, actions)

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
        return int(self._stacked.shape[-1])

    @property
    def payoffs(self) -> np.ndarray:
        """Read-only view of shape ``(G, N, n_1, ..., n_N)``."""
        return np.moveaxis(_read_only_view(self._stacked), -1, 0)

    @property
    def stacked(self) -> np.ndarray:
        """Read-only array of shape ``(N, n_1, ..., n_N, G)`` (the storage layout)."""
        return _read_only_view(self._stacked)

    @property
    def shape(self) -> tuple[int, ...]:
        """The number of actions of each player."""
        return tuple(self._stacked.shape[1:-1])

    @property
    def players(self) -> tuple[str, ...]:
        """The players' labels."""
        return self._players

    @property
    def actions(self) -> tuple[tuple[str, ...], ...]:
        """Each player's action labels."""
        return self._actions

    def game(self, g: int) -> NormalFormGame:
        """Game ``g`` as a :class:`NormalFormGame`.

        Examples
        --------
        >>> import numpy as np
        >>> b = GameBatch.from_arrays(np.arange(8.0).reshape(2, 2, 2), np.zeros((2, 2, 2)))
        >>> b.game(1).payoffs[0].tolist()
        [[4.0, 5.0], [6.0, 7.0]]
        """
        return NormalFormGame(self._stacked[..., g], self._players, self._actions)

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

        Examples
        --------
        >>> import numpy as np
        >>> pennies = np.array([[[1, -1], [-1, 1]]])
        >>> sol = GameBatch.from_arrays(pennies, -pennies).solve()
        >>> sol.count.tolist(), sol.strategies[0][0].tolist()
        ([1], [[0.5, 0.5]])
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

    Examples
    --------
    >>> import numpy as np
    >>> A = np.array([[[3, 2], [4, 1]]])  # Chicken, US rows
    >>> B = np.array([[[3, 4], [2, 1]]])
    >>> sol = GameBatch.from_arrays(A, B).solve()
    >>> sol.payoffs[0].tolist()  # (K, N): each equilibrium's payoffs
    [[2.0, 4.0], [4.0, 2.0], [2.5, 2.5]]
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
