"""Labeled, immutable N-player games in normal (strategic) form.

A :class:`NormalFormGame` holds one payoff array per player, indexed by the players'
actions in declared order, together with the players' and actions' labels.  Payoffs are
kept twice: as a read-only ``float64`` array for the fast solvers, and, on demand, as
exact :class:`fractions.Fraction` values for the exact solvers.  When the game is built
from integers, fractions or decimal strings the exact values are the ones given; when it
is built from floats they are the floats' exact binary values.
"""

from __future__ import annotations

import itertools
import numbers
from collections.abc import Callable, Iterable, Mapping, Sequence
from fractions import Fraction
from typing import Any

import numpy as np

from crisisgames.errors import (
    InvalidGameError,
    InvalidLabelError,
    InvalidPayoffError,
    InvalidStrategyError,
    ShapeError,
    UnknownLabelError,
)

__all__ = ["NormalFormGame", "format_value", "to_fraction"]

Labels = Sequence[str]


def to_fraction(value: Any, *, what: str = "payoff") -> Fraction:
    """Convert a number (int, float, Fraction, Decimal or a string like ``"1/3"``) exactly.

    Parameters
    ----------
    value
        The number.  Floats convert to their exact binary value.
    what
        Named in the error message.

    Returns
    -------
    Fraction

    Raises
    ------
    InvalidPayoffError
        If the value is not a finite number.

    Examples
    --------
    >>> to_fraction("-1/2"), to_fraction(0.5), to_fraction(3)
    (Fraction(-1, 2), Fraction(1, 2), Fraction(3, 1))
    """
    if isinstance(value, bool | np.bool_):
        raise InvalidPayoffError(f"{what} {value!r} is a boolean, not a number")
    try:
        if isinstance(value, float | np.floating):
            if not np.isfinite(value):
                raise InvalidPayoffError(f"{what} is {value!r}; payoffs must be finite")
            return Fraction(float(value))
        if isinstance(value, numbers.Rational | np.integer):
            return Fraction(int(value)) if isinstance(value, np.integer) else Fraction(value)
        return Fraction(str(value).strip()) if isinstance(value, str) else Fraction(value)
    except (TypeError, ValueError, ZeroDivisionError) as exc:
        raise InvalidPayoffError(f"{what} {value!r} is not a finite number") from exc


def _check_labels(labels: Iterable[Any], count: int, what: str) -> tuple[str, ...]:
    out = tuple(labels)
    if len(out) != count:
        raise InvalidLabelError(f"{what}: expected {count} labels, got {len(out)}: {out!r}")
    for lab in out:
        if not isinstance(lab, str) or not lab.strip():
            raise InvalidLabelError(f"{what}: labels must be non-empty strings, got {lab!r}")
    dupes = sorted({lab for lab in out if out.count(lab) > 1})
    if dupes:
        raise InvalidLabelError(f"{what}: duplicate labels {dupes}")
    return out


def _read_only_view(arr: np.ndarray) -> np.ndarray:
    """A view whose write flag cannot be turned back on (its base is read-only)."""
    view = arr.view()
    view.setflags(write=False)
    return view


def _check_finite(floats: np.ndarray) -> None:
    bad = ~np.isfinite(floats)
    if bad.any():
        where = tuple(int(v) for v in np.argwhere(bad)[0])
        raise InvalidPayoffError(
            f"payoff of player {where[0]} at profile {where[1:]} is {floats[where]!r}; "
            "payoffs must be finite numbers"
        )


def _payoff_stack(payoffs: Any) -> tuple[np.ndarray, np.ndarray | None]:
    """Validate payoffs given as one array (N, n1..nN) or a sequence of N arrays.

    Returns the float array and, when exact inputs were given, an object array of
    Fractions (``None`` when the float array is itself exact).
    """
    if isinstance(payoffs, np.ndarray):
        arrays: list[Any] = list(payoffs) if payoffs.ndim >= 2 else [payoffs]
    elif isinstance(payoffs, Sequence) and not isinstance(payoffs, str):
        arrays = list(payoffs)
    else:
        raise ShapeError(f"payoffs must be an array or a sequence of arrays, got {type(payoffs)}")
    if not arrays:
        raise InvalidGameError("a game needs at least one player")
    converted = []
    for i, arr in enumerate(arrays):
        try:
            a = np.asarray(arr)
        except ValueError as exc:
            raise ShapeError(f"payoffs of player {i} are ragged: {exc}") from exc
        if a.dtype == object and any(isinstance(v, list | tuple) for v in a.flat):
            raise ShapeError(f"payoffs of player {i} are ragged")
        if a.dtype.kind == "b" or (
            not isinstance(arr, np.ndarray)
            and a.dtype.kind in "iuf"
            and any(isinstance(v, bool) for v in np.asarray(arr, dtype=object).flat)
        ):  # numpy would silently read True as 1 among numbers
            raise InvalidPayoffError(f"payoffs of player {i} contain booleans, not numbers")
        converted.append(a)
    shape = converted[0].shape
    n = len(converted)
    for i, a in enumerate(converted):
        if a.shape != shape:
            raise ShapeError(
                f"payoff arrays disagree in shape: player 0 has {shape}, player {i} has {a.shape}"
            )
    if len(shape) != n:
        raise ShapeError(
            f"{n} payoff array(s) of {len(shape)} dimension(s): an N-player game needs N "
            f"arrays of N dimensions (one axis per player)"
        )
    if any(s == 0 for s in shape):
        raise InvalidGameError(f"every player needs at least one action; shape is {shape}")
    exact: np.ndarray | None = None
    if all(a.dtype.kind in "iuf" for a in converted):
        floats = np.stack([a.astype(np.float64) for a in converted])
        _check_finite(floats)
        # Integers beyond 2**53 do not survive the float conversion: keep them exact.
        big = [a.dtype.kind in "iu" and bool(np.any(np.abs(a) >= 2**53)) for a in converted]
        if any(big):
            exact = np.stack([np.vectorize(to_fraction, otypes=[object])(a) for a in converted])
    else:
        exact = np.empty((n, *shape), dtype=object)
        for i, a in enumerate(converted):
            for idx in np.ndindex(shape):
                exact[(i, *idx)] = to_fraction(a[idx], what=f"payoff of player {i} at {idx}")
        floats = exact.astype(np.float64)
    _check_finite(floats)
    if exact is not None and all(
        Fraction(float(v)) == v for v in exact.flat
    ):  # the floats represent the exact values: keep one copy
        exact = None
    return floats, exact


class NormalFormGame:
    """An N-player game in normal form with labeled players and actions.

    Immutable: every transformation returns a new game.  Payoffs are validated at
    construction (finite numbers, one array per player, consistent shapes, unique labels).

    Parameters
    ----------
    payoffs
        Either an array of shape ``(N, n_1, ..., n_N)`` or a sequence of ``N`` arrays of
        shape ``(n_1, ..., n_N)``; ``payoffs[i][a_1, ..., a_N]`` is player ``i``'s payoff.
        Entries may be ints, floats, Fractions or strings such as ``"1/3"``.
    players
        Player labels (default ``"P1"``, ``"P2"``, ...).
    actions
        One sequence of action labels per player (default ``"a1"``, ``"a2"``, ...).
    ordinal
        Whether the payoffs are ordinal ranks (set by :meth:`from_ranks`).

    Examples
    --------
    >>> g = NormalFormGame.from_arrays(
    ...     [[3, 2], [4, 1]], [[3, 4], [2, 1]],
    ...     players=["US", "USSR"],
    ...     actions=[["blockade", "air strike"], ["withdraw", "maintain"]],
    ... )
    >>> g.shape
    (2, 2)
    >>> g.payoff(("air strike", "withdraw"))
    {'US': 4.0, 'USSR': 2.0}
    >>> print(g)
    NormalFormGame: US (rows) vs USSR (columns)
                  withdraw  maintain
    blockade        (3, 3)    (2, 4)
    air strike      (4, 2)    (1, 1)
    """

    __slots__ = ("_actions", "_exact", "_ordinal", "_payoffs", "_players")

    def __init__(
        self,
        payoffs: Any,
        players: Labels | None = None,
        actions: Sequence[Labels] | None = None,
        *,
        ordinal: bool = False,
    ) -> None:
        floats, exact = _payoff_stack(payoffs)
        n = floats.shape[0]
        shape = floats.shape[1:]
        if players is None:
            players = [f"P{i + 1}" for i in range(n)]
        self._players = _check_labels(players, n, "players")
        if actions is None:
            actions = [[f"a{k + 1}" for k in range(s)] for s in shape]
        if isinstance(actions, str) or len(actions) != n:
            raise InvalidLabelError(
                f"actions: expected one label sequence per player ({n}), got {actions!r}"
            )
        self._actions = tuple(
            _check_labels(acts, s, f"actions of {p!r}")
            for acts, s, p in zip(actions, shape, self._players, strict=True)
        )
        floats.setflags(write=False)
        if exact is not None:
            exact.setflags(write=False)
        self._payoffs = floats
        self._exact = exact
        self._ordinal = bool(ordinal)

    # ------------------------------------------------------------------ constructors
    @classmethod
    def from_arrays(
        cls,
        *arrays: Any,
        players: Labels | None = None,
        actions: Sequence[Labels] | None = None,
    ) -> NormalFormGame:
        """Build a game from one payoff array per player.

        Parameters
        ----------
        *arrays
            ``N`` arrays of shape ``(n_1, ..., n_N)``; the ``i``-th is player ``i``'s payoff.
        players, actions
            Labels, as in :class:`NormalFormGame`.

        Examples
        --------
        >>> NormalFormGame.from_arrays([[1, -1], [-1, 1]], [[-1, 1], [1, -1]]).shape
        (2, 2)
        """
        return cls(list(arrays), players=players, actions=actions)

    @classmethod
    def from_function(
        cls,
        func: Callable[[dict[str, str]], Mapping[str, Any] | Sequence[Any]],
        players: Labels,
        actions: Sequence[Labels],
    ) -> NormalFormGame:
        """Build a game from a function of labeled profiles.

        Parameters
        ----------
        func
            Called once per pure profile with ``{player: action}``; returns the payoffs as
            a mapping ``{player: payoff}`` or a sequence in player order.
        players, actions
            Labels of the players and of each player's actions.

        Examples
        --------
        >>> def pd(profile):
        ...     table = {("C", "C"): (3, 3), ("C", "D"): (0, 5), ("D", "C"): (5, 0), ("D", "D"): (1, 1)}
        ...     return table[profile["Row"], profile["Col"]]
        >>> g = NormalFormGame.from_function(pd, ["Row", "Col"], [["C", "D"], ["C", "D"]])
        >>> g.payoff({"Row": "D", "Col": "C"})
        {'Row': 5.0, 'Col': 0.0}
        """
        players = _check_labels(players, len(players), "players")
        if len(actions) != len(players):
            raise InvalidLabelError("actions: expected one label sequence per player")
        acts = [
            _check_labels(a, len(a), f"actions of {p!r}")
            for a, p in zip(actions, players, strict=False)
        ]
        shape = tuple(len(a) for a in acts)
        table = np.empty((len(players), *shape), dtype=object)
        for idx in itertools.product(*(range(s) for s in shape)):
            profile = {p: acts[i][k] for i, (p, k) in enumerate(zip(players, idx, strict=False))}
            out = func(profile)
            if isinstance(out, Mapping):
                missing = set(players) - set(out)
                extra = set(out) - set(players)
                if missing or extra:
                    raise InvalidPayoffError(
                        f"at profile {profile}: payoffs missing for {sorted(missing)}"
                        + (f", unknown players {sorted(extra)}" if extra else "")
                    )
                values = [out[p] for p in players]
            else:
                values = list(out)
                if len(values) != len(players):
                    raise ShapeError(
                        f"at profile {profile}: expected {len(players)} payoffs, got {len(values)}"
                    )
            for i, v in enumerate(values):
                table[(i, *idx)] = to_fraction(v, what=f"payoff of {players[i]!r} at {profile}")
        return cls(table, players=players, actions=acts)

    @classmethod
    def from_ranks(
        cls,
        *ranks: Any,
        players: Labels | None = None,
        actions: Sequence[Labels] | None = None,
    ) -> NormalFormGame:
        """Build an ordinal game from each player's ranks of the outcomes (higher = better).

        Ranks are positive integers; ties are allowed (equal ranks).  The game's payoffs are
        the ranks themselves, and the game is flagged :attr:`is_ordinal`, so solvers that
        need only the ordering (Theory of Moves, dominance) can use it as such.

        Parameters
        ----------
        *ranks
            One array of ranks per player, e.g. ``4`` for the best of four outcomes.
        players, actions
            Labels, as in :class:`NormalFormGame`.

        Raises
        ------
        InvalidPayoffError
            If a rank is not a positive integer.

        Examples
        --------
        >>> chicken = NormalFormGame.from_ranks([[3, 2], [4, 1]], [[3, 4], [2, 1]])
        >>> chicken.is_ordinal
        True
        """
        for i, r in enumerate(ranks):
            arr = np.asarray(r, dtype=object)
            for v in arr.flat:
                if isinstance(v, bool) or not (
                    isinstance(v, numbers.Integral) or (isinstance(v, float) and v.is_integer())
                ):
                    raise InvalidPayoffError(f"rank {v!r} of player {i} is not an integer")
                if v < 1:
                    raise InvalidPayoffError(f"rank {v!r} of player {i} is not positive")
        arrays = [np.asarray(r, dtype=np.int64) for r in ranks]
        return cls(arrays, players=players, actions=actions, ordinal=True)

    # ------------------------------------------------------------------ properties
    @property
    def players(self) -> tuple[str, ...]:
        """The players' labels, in order."""
        return self._players

    @property
    def actions(self) -> tuple[tuple[str, ...], ...]:
        """Each player's action labels, in order."""
        return self._actions

    @property
    def num_players(self) -> int:
        """The number of players."""
        return len(self._players)

    @property
    def shape(self) -> tuple[int, ...]:
        """The number of actions of each player."""
        return tuple(self._payoffs.shape[1:])

    @property
    def payoffs(self) -> np.ndarray:
        """Read-only ``float64`` array of shape ``(N, n_1, ..., n_N)``."""
        return _read_only_view(self._payoffs)

    @property
    def exact_payoffs(self) -> np.ndarray:
        """Object array of :class:`~fractions.Fraction` with the exact payoffs.

        Examples
        --------
        >>> NormalFormGame.from_arrays([["1/3"]], [[0]]).exact_payoffs[0, 0, 0]
        Fraction(1, 3)
        """
        if self._exact is not None:
            return _read_only_view(self._exact)
        out = np.vectorize(lambda v: Fraction(float(v)), otypes=[object])(self._payoffs)
        out.setflags(write=False)
        return out

    @property
    def has_exact_payoffs(self) -> bool:
        """Whether the float payoffs differ from the exact ones (e.g. ``1/3``)."""
        return self._exact is not None

    @property
    def is_ordinal(self) -> bool:
        """Whether the payoffs are ordinal ranks."""
        return self._ordinal

    # ------------------------------------------------------------------ lookups
    def player_index(self, player: str | int) -> int:
        """Index of a player given by label (or index, checked).

        Examples
        --------
        >>> NormalFormGame.from_arrays([[0]], [[0]], players=["US", "USSR"]).player_index("USSR")
        1
        """
        if isinstance(player, int | np.integer) and not isinstance(player, bool):
            if not 0 <= player < self.num_players:
                raise UnknownLabelError(f"player index {player} out of range")
            return int(player)
        try:
            return self._players.index(player)
        except ValueError:
            raise UnknownLabelError(
                f"unknown player {player!r}; the players are {list(self._players)}"
            ) from None

    def action_index(self, player: str | int, action: str | int) -> int:
        """Index of one of a player's actions, given by label.

        Examples
        --------
        >>> g = NormalFormGame.from_arrays([[0, 0]], [[0, 0]], actions=[["x"], ["l", "r"]])
        >>> g.action_index(1, "r")
        1
        """
        i = self.player_index(player)
        acts = self._actions[i]
        if isinstance(action, int | np.integer) and not isinstance(action, bool):
            if not 0 <= action < len(acts):
                raise UnknownLabelError(
                    f"action index {action} out of range for {self._players[i]!r}"
                )
            return int(action)
        try:
            return acts.index(action)
        except ValueError:
            raise UnknownLabelError(
                f"unknown action {action!r} of player {self._players[i]!r}; "
                f"its actions are {list(acts)}"
            ) from None

    def profile_index(self, profile: Mapping[str, str] | Sequence[str]) -> tuple[int, ...]:
        """Indices of a pure profile given as ``{player: action}`` or in player order.

        Examples
        --------
        >>> g = NormalFormGame.from_arrays([[0, 0]], [[0, 0]], actions=[["x"], ["l", "r"]])
        >>> g.profile_index({"P2": "r", "P1": "x"})
        (0, 1)
        """
        if isinstance(profile, Mapping):
            unknown = set(profile) - set(self._players)
            if unknown:
                raise UnknownLabelError(
                    f"unknown player(s) {sorted(unknown)}; the players are {list(self._players)}"
                )
            missing = [p for p in self._players if p not in profile]
            if missing:
                raise UnknownLabelError(f"profile does not give an action for {missing}")
            seq: Sequence[Any] = [profile[p] for p in self._players]
        else:
            seq = list(profile)
            if len(seq) != self.num_players:
                raise ShapeError(f"a profile needs {self.num_players} actions, got {len(seq)}")
        return tuple(self.action_index(i, a) for i, a in enumerate(seq))

    def payoff(self, profile: Mapping[str, str] | Sequence[str]) -> dict[str, float]:
        """Payoffs of a pure profile, by player.

        Examples
        --------
        >>> g = NormalFormGame.from_arrays([[1, 2]], [[3, 4]], actions=[["x"], ["l", "r"]])
        >>> g.payoff(["x", "r"])
        {'P1': 2.0, 'P2': 4.0}
        """
        idx = self.profile_index(profile)
        return {p: float(self._payoffs[(i, *idx)]) for i, p in enumerate(self._players)}

    def mixed_strategy(self, player: str | int, strategy: Any, *, tol: float = 1e-9) -> np.ndarray:
        """Validate one player's mixed strategy; return it as a float array.

        Parameters
        ----------
        player
            The player's label or index.
        strategy
            Probabilities in action order, or a mapping ``{action: probability}`` (actions
            left out have probability zero).
        tol
            Tolerance on non-negativity and on the sum being one.

        Raises
        ------
        InvalidStrategyError
            Wrong length, negative or non-finite entries, or a sum other than one.
        UnknownLabelError
            An action label the player does not have.

        Examples
        --------
        >>> g = NormalFormGame.from_arrays([[0, 0]], [[0, 0]], actions=[["x"], ["l", "r"]])
        >>> g.mixed_strategy(1, {"r": 0.25, "l": 0.75})
        array([0.75, 0.25])
        """
        i = self.player_index(player)
        k = self.shape[i]
        if isinstance(strategy, Mapping):
            arr = np.zeros(k)
            for a, p in strategy.items():
                arr[self.action_index(i, a)] = float(p)
        else:
            try:
                arr = np.asarray(strategy, dtype=np.float64).reshape(-1)
            except (TypeError, ValueError) as exc:
                raise InvalidStrategyError(
                    f"strategy of {self._players[i]!r} is not numeric: {strategy!r}"
                ) from exc
            if arr.shape != (k,):
                raise InvalidStrategyError(
                    f"strategy of {self._players[i]!r} has {arr.size} entries; "
                    f"the player has {k} actions"
                )
        if not np.all(np.isfinite(arr)):
            raise InvalidStrategyError(f"strategy of {self._players[i]!r} has non-finite entries")
        if np.any(arr < -tol):
            raise InvalidStrategyError(
                f"strategy of {self._players[i]!r} has negative probabilities: {arr.tolist()}"
            )
        if abs(arr.sum() - 1.0) > tol * max(1, k):
            raise InvalidStrategyError(
                f"strategy of {self._players[i]!r} sums to {arr.sum()!r}, not 1"
            )
        return arr

    # ------------------------------------------------------------------ transformations
    def _replace(
        self, *, payoffs: Any = None, players: Any = None, actions: Any = None
    ) -> NormalFormGame:
        return NormalFormGame(
            self.exact_payoffs
            if payoffs is None and self._exact is not None
            else (self._payoffs if payoffs is None else payoffs),
            players=self._players if players is None else players,
            actions=self._actions if actions is None else actions,
            ordinal=self._ordinal if payoffs is None else False,
        )

    def affine_transform(self, scale: Any = 1, shift: Any = 0) -> NormalFormGame:
        """Apply ``u_i -> scale_i * u_i + shift_i``, per player, with every ``scale_i > 0``.

        Positive affine transforms leave best responses and equilibria unchanged.

        Parameters
        ----------
        scale, shift
            Scalars, or one value per player.  Exact (int/Fraction/str) values keep the
            payoffs exact.

        Raises
        ------
        InvalidPayoffError
            If a scale is not strictly positive.

        Examples
        --------
        >>> g = NormalFormGame.from_arrays([[1, 2]], [[3, 4]])
        >>> g.affine_transform(scale=[2, 1], shift=[0, -3]).payoffs.tolist()
        [[[2.0, 4.0]], [[0.0, 1.0]]]
        """
        n = self.num_players
        scales = (
            list(scale)
            if isinstance(scale, Sequence) and not isinstance(scale, str)
            else [scale] * n
        )
        shifts = (
            list(shift)
            if isinstance(shift, Sequence) and not isinstance(shift, str)
            else [shift] * n
        )
        if len(scales) != n or len(shifts) != n:
            raise ShapeError(f"scale and shift need one value per player ({n})")
        fs = [to_fraction(s, what="scale") for s in scales]
        ft = [to_fraction(s, what="shift") for s in shifts]
        bad = [self._players[i] for i, s in enumerate(fs) if s <= 0]
        if bad:
            raise InvalidPayoffError(f"scale must be positive; it is not for {bad}")
        exact = self.exact_payoffs
        out = np.empty_like(exact)
        for i in range(n):
            out[i] = exact[i] * fs[i] + ft[i]
        return NormalFormGame(out, players=self._players, actions=self._actions)

    def relabel(
        self,
        players: Labels | Mapping[str, str] | None = None,
        actions: Mapping[str, Labels | Mapping[str, str]] | Sequence[Labels] | None = None,
    ) -> NormalFormGame:
        """Rename players and/or actions (the payoffs are unchanged).

        Parameters
        ----------
        players
            New labels in order, or a mapping ``{old: new}`` for some of them.
        actions
            New action labels: a sequence per player in order, or a mapping from (old)
            player label to either a sequence of new labels or a mapping ``{old: new}``.

        Examples
        --------
        >>> g = NormalFormGame.from_arrays([[1, 2]], [[3, 4]])
        >>> g.relabel(players={"P1": "US"}, actions={"P2": {"a2": "maintain"}}).actions
        (('a1',), ('a1', 'maintain'))
        """
        new_players = list(self._players)
        if isinstance(players, Mapping):
            for old, new in players.items():
                new_players[self.player_index(old)] = new
        elif players is not None:
            new_players = list(players)
        new_actions = [list(a) for a in self._actions]
        if isinstance(actions, Mapping):
            for p, spec in actions.items():
                i = self.player_index(p)
                if isinstance(spec, Mapping):
                    for old, new in spec.items():
                        new_actions[i][self.action_index(i, old)] = new
                else:
                    new_actions[i] = list(spec)
        elif actions is not None:
            new_actions = [list(a) for a in actions]
        return self._replace(players=new_players, actions=new_actions)

    def permute_actions(self, player: str | int, order: Sequence[str | int]) -> NormalFormGame:
        """Reorder one player's actions (labels travel with their payoffs).

        Examples
        --------
        >>> g = NormalFormGame.from_arrays([[1, 2]], [[3, 4]], actions=[["x"], ["l", "r"]])
        >>> h = g.permute_actions("P2", ["r", "l"])
        >>> h.actions[1], h.payoff(["x", "r"]) == g.payoff(["x", "r"])
        (('r', 'l'), True)
        """
        i = self.player_index(player)
        idx = [self.action_index(i, a) for a in order]
        if sorted(idx) != list(range(self.shape[i])):
            raise InvalidLabelError(f"order must list each action of {self._players[i]!r} once")
        src = self.exact_payoffs if self._exact is not None else self._payoffs
        acts = list(self._actions)
        acts[i] = tuple(self._actions[i][k] for k in idx)
        return NormalFormGame(
            np.take(src, idx, axis=i + 1), self._players, acts, ordinal=self._ordinal
        )

    def permute_players(self, order: Sequence[str | int]) -> NormalFormGame:
        """Reorder the players (each keeps its payoffs and actions).

        Examples
        --------
        >>> g = NormalFormGame.from_arrays([[1, 2]], [[3, 4]], players=["US", "USSR"])
        >>> h = g.permute_players(["USSR", "US"])
        >>> h.shape, h.payoff({"US": "a1", "USSR": "a2"})
        ((2, 1), {'USSR': 4.0, 'US': 2.0})
        """
        idx = [self.player_index(p) for p in order]
        if sorted(idx) != list(range(self.num_players)):
            raise InvalidLabelError("order must list each player once")
        src = self.exact_payoffs if self._exact is not None else self._payoffs
        out = np.transpose(src[idx], (0, *(k + 1 for k in idx)))
        return NormalFormGame(
            out,
            [self._players[k] for k in idx],
            [self._actions[k] for k in idx],
            ordinal=self._ordinal,
        )

    # ------------------------------------------------------------------ comparison / display
    def __eq__(self, other: object) -> bool:
        if not isinstance(other, NormalFormGame):
            return NotImplemented
        return (
            self._players == other._players
            and self._actions == other._actions
            and self._ordinal == other._ordinal
            and self._payoffs.shape == other._payoffs.shape
            and bool(np.all(self.exact_payoffs == other.exact_payoffs))
        )

    def __hash__(self) -> int:
        # + 0.0 maps -0.0 to 0.0, which compare equal.
        return hash((self._players, self._actions, (self._payoffs + 0.0).tobytes()))

    def _cell(self, idx: tuple[int, ...]) -> str:
        table = self._exact if self._exact is not None else self._payoffs
        vals = [table[(i, *idx)] for i in range(self.num_players)]
        return "(" + ", ".join(format_value(v) for v in vals) + ")"

    def __str__(self) -> str:
        if self.num_players == 1:
            head = f"NormalFormGame (one player): {self._players[0]}"
            return (
                head
                + "\n"
                + "\n".join(
                    f"{a}  {format_value(self._payoffs[0, k])}"
                    for k, a in enumerate(self._actions[0])
                )
            )
        head = (
            f"{'Ordinal ' if self._ordinal else ''}NormalFormGame: "
            f"{self._players[0]} (rows) vs {self._players[1]} (columns)"
        )
        if self.num_players > 2:
            head += ", one table per action of " + ", ".join(self._players[2:])
        blocks = [head]
        rest = [range(s) for s in self.shape[2:]]
        for tail in itertools.product(*rest):
            if tail:
                blocks.append(
                    "  ".join(
                        f"{self._players[2 + j]} = {self._actions[2 + j][k]}"
                        for j, k in enumerate(tail)
                    )
                    + ":"
                )
            rows = [["", *self._actions[1]]]
            for r, a in enumerate(self._actions[0]):
                rows.append([a, *(self._cell((r, c, *tail)) for c in range(self.shape[1]))])
            widths = [max(len(row[j]) for row in rows) for j in range(len(rows[0]))]
            for row in rows:
                blocks.append(
                    row[0].ljust(widths[0])
                    + "".join("  " + v.rjust(w) for v, w in zip(row[1:], widths[1:], strict=False))
                )
        return "\n".join(line.rstrip() for line in blocks)

    def __repr__(self) -> str:
        return str(self)


def format_value(v: Any, digits: int = 6) -> str:
    """A payoff or probability as text: a Fraction as itself, a whole number without a
    decimal point, anything else to ``digits`` significant digits.

    Examples
    --------
    >>> from fractions import Fraction
    >>> format_value(Fraction(2, 3)), format_value(-4.0), format_value(0.1234567)
    ('2/3', '-4', '0.123457')
    """
    if isinstance(v, Fraction):
        return str(v)
    f = float(v)
    return str(int(f)) if f.is_integer() and abs(f) < 1e15 else f"{f:.{digits}g}"
