"""The Theory of Moves (Brams 1994) for 2x2 ordinal games: play from an initial state, NMEs.

The rules, as stated in S. J. Brams, *Theory of Moves* (Cambridge UP, 1994), ch. 1, and
restated by Brams in "Game theory and the Cuban missile crisis", *Plus* magazine 13
(January 2001) and by F. C. Zagare, "A game-theoretic history of the Cuban missile
crisis", *Economies* 2 (2014) 20-44, section on the theory of moves:

1. Play starts at an outcome, the *initial state*.
2. Either player can unilaterally switch its strategy, changing the initial state into a
   new state in the same row or column.  The player who switches is player 1 (P1).
3. Player 2 (P2) can respond by unilaterally switching its strategy.
4. The alternating responses continue until the player whose turn it is declines to
   switch; the state reached is the *final state*, the outcome of the game.  (Play that
   comes back round the 4-state cycle to the initial state stops there.)
5. A player does not move from the initial state if the move (i) leads to a less
   preferred final state or (ii) returns play to the initial state.
6. Each player reasons by backward induction around the cycle, anticipating the other's
   rational choices.  If it is rational for one player to move and for the other not to,
   the player who moves takes precedence: its move determines the outcome.

A *nonmyopic equilibrium* (NME) is an initial state from which neither player moves.
Prisoners' Dilemma has two, (3,3) and (2,2) (Brams 1994, ch. 1; checked by hand in
``tests/test_tom.py``), although its only Nash equilibrium is (2,2).

**Backward induction.**  With P1 moving first from ``s1``, the cycle is
``s1 -P1-> s2 -P2-> s3 -P1-> s4 -P2-> s1``.  The *survivor* at ``s4`` is ``s1`` if P2
prefers ``s1`` to ``s4``, else ``s4``; at ``s3`` it is the survivor at ``s4`` if P1
prefers that to ``s3``, else ``s3``; and so on back to ``s2``.  P1 moves from ``s1`` only
if it strictly prefers the survivor at ``s2`` to ``s1`` (rule 5).  A player moves only on a
strict preference, so tied ranks (allowed here, though Brams's games are strict) mean
staying.

**Two-sidedness convention** (``two_sidedness=True``, the default).  Brams (1994, ch. 1)
adds this convention to the backward induction because both players, not only the one
whose turn it is, could move from a state.  We apply it at ``s2``, the state P1's first
move creates, in the following reading (ours: the convention's wording could not be
retrieved for this implementation, and the reading is chosen to reproduce Brams's
statement that all three of Chicken's outcomes (3,3), (2,4) and (4,2) are NMEs): P2, whose
turn it is at ``s2``, would move on (its survivor beats ``s2``), but P1 itself prefers the
initial state ``s1`` to ``s2``, and P2 prefers ``s1`` to where its own move leads.  Then P2
holds out at ``s2``, since P1 would rather switch back than stay there, and the survivor at
``s2`` is ``s1``: P1's move only returns play to the start, so by rule 5 (ii) P1 does not
make it.  In Chicken from (4,2) this stops Column from moving to (1,1) in the hope that
Row then retreats to (2,4): at (1,1) Row can wait for Column to return to (4,2).  Without
the convention (``two_sidedness=False``) the plain rules 1-6 apply and Chicken's only NME
is (3,3).  The convention changes no NME of Prisoners' Dilemma.

**Order power** (Brams 1994, ch. 5).  When both players would move from the initial
state and their moves lead to different final states, rules 1-6 do not say who moves
first: the outcome is indeterminate.  A player with order power decides the order of
play, and so chooses the final state it prefers of the two.  ``order_power=None`` reports
such initial states as indeterminate, with both candidate outcomes.

Examples
--------
>>> from crisisgames.games.normal_form import NormalFormGame
>>> chicken = NormalFormGame.from_ranks(
...     [[3, 2], [4, 1]], [[3, 4], [2, 1]], players=["US", "USSR"],
...     actions=[["blockade", "air strike"], ["withdraw", "maintain"]])
>>> nonmyopic_equilibria(chicken)
(('blockade', 'withdraw'), ('blockade', 'maintain'), ('air strike', 'withdraw'))
>>> nonmyopic_equilibria(chicken, two_sidedness=False)
(('blockade', 'withdraw'),)
>>> print(tom_outcome(chicken, ("air strike", "maintain")).describe())
from air strike, maintain (1, 1): US would move (to blockade, maintain); USSR would move (to air strike, withdraw): indeterminate (both would move; order power decides)
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from crisisgames.errors import (
    InvalidPayoffError,
    ShapeError,
    UnknownLabelError,
    UnsupportedGameError,
)
from crisisgames.games.normal_form import NormalFormGame
from crisisgames.games.ordinal2x2 import OrdinalGame2x2, strict_ordinal_games

__all__ = [
    "TomAnalysis",
    "TomOutcome",
    "TomPlay",
    "TomTableRow",
    "format_tom_table",
    "nonmyopic_equilibria",
    "theory_of_moves",
    "tom_outcome",
    "tom_table",
]

Cell = tuple[int, int]
CELLS: tuple[Cell, ...] = ((0, 0), (0, 1), (1, 0), (1, 1))


# ---------------------------------------------------------------------------- kernel


def _flip(cell: Cell, player: int) -> Cell:
    """The state reached when ``player`` (0 = Row, 1 = Column) switches its strategy."""
    r, c = cell
    return (1 - r, c) if player == 0 else (r, 1 - c)


@dataclass(frozen=True)
class _Induction:
    states: tuple[Cell, Cell, Cell, Cell]
    movers: tuple[int, int, int, int]
    survivors: tuple[Cell, Cell, Cell, Cell]
    moves_at: tuple[bool, bool, bool, bool]
    tsc_applied: bool


def _backward_induction(u: np.ndarray, initial: Cell, first: int, tsc: bool) -> _Induction:
    """Backward induction around the cycle from ``initial`` with ``first`` moving first.

    ``u[p][r, c]`` is player ``p``'s rank of state ``(r, c)`` (higher is better).
    """
    p, q = first, 1 - first
    s1 = initial
    s2 = _flip(s1, p)
    s3 = _flip(s2, q)
    s4 = _flip(s3, p)
    up, uq = u[p], u[q]
    # s4: P2's last move returns play to s1, where it stops (rule 4).
    move4 = bool(uq[s1] > uq[s4])
    surv4 = s1 if move4 else s4
    move3 = bool(up[surv4] > up[s3])
    surv3 = surv4 if move3 else s3
    move2 = bool(uq[surv3] > uq[s2])
    surv2 = surv3 if move2 else s2
    tsc_applied = False
    if tsc and move2 and up[s1] > up[s2] and uq[s1] > uq[surv3]:
        # Two-sidedness: P1 would rather switch back to s1 than stay at s2, and P2 prefers
        # that to moving on, so P2 holds out and P1's move only returns play to s1.
        move2, surv2, tsc_applied = False, s1, True
    # Rule 5: P1 moves only for a strictly better final state (never back to s1).
    move1 = bool(up[surv2] > up[s1])
    surv1 = surv2 if move1 else s1
    return _Induction(
        states=(s1, s2, s3, s4),
        movers=(p, q, p, q),
        survivors=(surv1, surv2, surv3, surv4),
        moves_at=(move1, move2, move3, move4),
        tsc_applied=tsc_applied,
    )


def _path(ind: _Induction) -> tuple[Cell, ...]:
    """The states actually visited: follow the moves until a player stops."""
    path = [ind.states[0]]
    for k in range(4):
        if not ind.moves_at[k]:
            break
        path.append(ind.states[(k + 1) % 4])
    return tuple(path)


# ---------------------------------------------------------------------------- input


def _ranks_and_labels(
    game: NormalFormGame | Sequence[Any],
) -> tuple[np.ndarray, tuple[str, str], tuple[tuple[str, str], tuple[str, str]]]:
    if isinstance(game, NormalFormGame):
        if game.num_players != 2 or game.shape != (2, 2):
            raise UnsupportedGameError(
                f"the Theory of Moves here is for 2x2 games of two players; got "
                f"{game.num_players} players with shape {game.shape}"
            )
        u = np.asarray(game.payoffs, dtype=np.float64)
        players = (game.players[0], game.players[1])
        actions = (
            (game.actions[0][0], game.actions[0][1]),
            (game.actions[1][0], game.actions[1][1]),
        )
        return u, players, actions
    try:
        row, col = game
    except (TypeError, ValueError):
        raise ShapeError(
            "a game for the Theory of Moves is a NormalFormGame or a pair of 2x2 rank arrays"
        ) from None
    arrays = []
    for who, r in (("Row", row), ("Column", col)):
        a = np.asarray(r, dtype=np.float64)
        if a.shape != (2, 2):
            raise ShapeError(f"{who}'s ranks must be a 2x2 array, got shape {a.shape}")
        if not np.all(np.isfinite(a)):
            raise InvalidPayoffError(f"{who}'s ranks must be finite numbers, got {a.tolist()}")
        arrays.append(a)
    return np.stack(arrays), ("Row", "Column"), (("r1", "r2"), ("c1", "c2"))


def _player_index(players: tuple[str, str], player: str | int) -> int:
    if isinstance(player, int | np.integer) and not isinstance(player, bool):
        if player in (0, 1):
            return int(player)
    elif player in players:
        return players.index(player)
    raise UnknownLabelError(f"unknown player {player!r}; the players are {list(players)}")


def _cell_index(actions: tuple[tuple[str, str], tuple[str, str]], state: Any) -> Cell:
    try:
        a, b = state
    except (TypeError, ValueError):
        raise UnknownLabelError(
            f"a state is a pair (row action, column action), got {state!r}"
        ) from None
    out = []
    for acts, x, who in ((actions[0], a, "row"), (actions[1], b, "column")):
        if isinstance(x, int | np.integer) and not isinstance(x, bool) and x in (0, 1):
            out.append(int(x))
        elif isinstance(x, str) and x in acts:
            out.append(acts.index(x))
        else:
            raise UnknownLabelError(f"unknown {who} action {x!r}; the actions are {list(acts)}")
    return (out[0], out[1])


# ---------------------------------------------------------------------------- results


@dataclass(frozen=True)
class TomPlay:
    """One player's backward-induction analysis of moving first from the initial state.

    Attributes
    ----------
    first_mover
        The player who would move first (P1).
    states
        The cycle ``s1..s4`` as ``(row, column)`` action-index pairs, ``s1`` the initial state.
    movers
        Who is to move at each of ``s1..s4`` (P1, P2, P1, P2).
    survivors
        The backward-induction survivor at each of ``s1..s4``: where play ends if it
        reaches that state.
    moves_at
        Whether the player to move at each state would move, if play got there.
    tsc_applied
        Whether the two-sidedness convention changed the survivor at ``s2``.
    moves
        Whether P1 moves from the initial state.
    path
        The states actually visited when P1 moves first (just ``s1`` if it stays).
    final
        The final state if P1 moves first (the initial state if it stays).
    """

    first_mover: str
    states: tuple[Cell, Cell, Cell, Cell]
    movers: tuple[str, str, str, str]
    survivors: tuple[Cell, Cell, Cell, Cell]
    moves_at: tuple[bool, bool, bool, bool]
    tsc_applied: bool
    moves: bool
    path: tuple[Cell, ...]
    final: Cell


@dataclass(frozen=True)
class TomOutcome:
    """Where play goes from one initial state under the Theory of Moves.

    Attributes
    ----------
    players, actions
        Labels, as in the game.
    ranks
        ``ranks[p][r][c]``: player ``p``'s rank of state ``(r, c)`` (higher is better).
    initial
        The initial state, as action indices.
    plays
        The analysis with Row moving first, then with Column moving first.
    movers
        The players who would move from the initial state.
    final
        The final state, or ``None`` when indeterminate (both would move, to different
        states, and no player has order power).
    candidates
        The possible final states (one, or two when indeterminate).
    is_nme
        Whether the initial state is a nonmyopic equilibrium (neither player moves).
    reason
        How the final state was decided, in words.
    two_sidedness, order_power
        The options used.

    Examples
    --------
    >>> pd = NormalFormGame.from_ranks([[3, 1], [4, 2]], [[3, 4], [1, 2]],
    ...                                actions=[["C", "D"], ["C", "D"]])
    >>> out = tom_outcome(pd, ("D", "C"))
    >>> out.movers, out.label(out.final), out.plays[1].path
    (('P2',), 'D, D', ((1, 0), (1, 1)))
    """

    players: tuple[str, str]
    actions: tuple[tuple[str, str], tuple[str, str]]
    ranks: tuple[tuple[tuple[float, float], tuple[float, float]], ...]
    initial: Cell
    plays: tuple[TomPlay, TomPlay]
    movers: tuple[str, ...]
    final: Cell | None
    candidates: tuple[Cell, ...]
    is_nme: bool
    reason: str
    two_sidedness: bool
    order_power: str | None

    @property
    def indeterminate(self) -> bool:
        """Whether the rules leave the final state open (see :attr:`candidates`)."""
        return self.final is None

    def label(self, cell: Cell) -> str:
        """A state as its actions, e.g. ``"blockade, withdraw"``."""
        return f"{self.actions[0][cell[0]]}, {self.actions[1][cell[1]]}"

    def rank_pair(self, cell: Cell) -> str:
        """A state's ranks, e.g. ``"(3, 3)"``."""
        return "(" + ", ".join(_fmt_rank(self.ranks[p][cell[0]][cell[1]]) for p in (0, 1)) + ")"

    def describe(self) -> str:
        """One line: who would move from the initial state, and where play ends."""
        parts = []
        for play in self.plays:
            if play.moves:
                parts.append(f"{play.first_mover} would move (to {self.label(play.final)})")
            else:
                parts.append(f"{play.first_mover} stays")
        head = f"from {self.label(self.initial)} {self.rank_pair(self.initial)}: "
        if self.final is None:
            end = "indeterminate (both would move; order power decides)"
        elif self.is_nme:
            end = "nonmyopic equilibrium"
        else:
            end = f"final state {self.label(self.final)} {self.rank_pair(self.final)}"
        return head + "; ".join(parts) + ": " + end

    def __str__(self) -> str:
        return self.describe()


@dataclass(frozen=True)
class TomAnalysis:
    """The Theory of Moves from each of the four initial states of a 2x2 game.

    Attributes
    ----------
    outcomes
        One :class:`TomOutcome` per initial state, in row-major order.
    """

    outcomes: tuple[TomOutcome, TomOutcome, TomOutcome, TomOutcome]

    @property
    def nonmyopic_equilibria(self) -> tuple[Cell, ...]:
        """The NMEs, as action-index pairs in row-major order."""
        return tuple(o.initial for o in self.outcomes if o.is_nme)

    def outcome(self, initial: Any) -> TomOutcome:
        """The outcome from an initial state given by labels or indices."""
        cell = _cell_index(self.outcomes[0].actions, initial)
        return self.outcomes[CELLS.index(cell)]

    def table(self) -> str:
        """A text table: per initial state, each player's decision and the final state."""
        first = self.outcomes[0]
        opts = [
            "two-sidedness convention " + ("on" if first.two_sidedness else "off"),
            f"order power: {first.order_power}" if first.order_power else "no order power",
        ]
        rows = [["initial state", "ranks", *(f"{p} first" for p in first.players), "outcome"]]
        for o in self.outcomes:
            cols = [o.label(o.initial), o.rank_pair(o.initial)]
            for play in o.plays:
                cols.append(
                    f"moves -> {o.label(play.final)}"
                    + (" (two-sidedness)" if play.tsc_applied else "")
                    if play.moves
                    else "stays" + (" (two-sidedness)" if play.tsc_applied else "")
                )
            if o.final is None:
                cols.append("indeterminate: " + " or ".join(o.label(c) for c in o.candidates))
            elif o.is_nme:
                cols.append("NME")
            else:
                cols.append(f"{o.label(o.final)} {o.rank_pair(o.final)}")
            rows.append(cols)
        widths = [max(len(r[j]) for r in rows) for j in range(len(rows[0]))]
        lines = [
            f"Theory of Moves: {first.players[0]} (rows) vs {first.players[1]} (columns); "
            + ", ".join(opts)
        ]
        lines += [
            "  ".join(v.ljust(w) for v, w in zip(r, widths, strict=True)).rstrip() for r in rows
        ]
        return "\n".join(lines)

    def __str__(self) -> str:
        return self.table()


def _fmt_rank(v: float) -> str:
    return str(int(v)) if float(v).is_integer() else f"{v:g}"


# ---------------------------------------------------------------------------- API


def tom_outcome(
    game: NormalFormGame | Sequence[Any],
    initial: Any,
    *,
    two_sidedness: bool = True,
    order_power: str | int | None = None,
) -> TomOutcome:
    """Play a 2x2 ordinal game from an initial state under the Theory of Moves.

    Parameters
    ----------
    game
        A two-player 2x2 :class:`NormalFormGame` (e.g. built with
        :meth:`NormalFormGame.from_ranks`), or a pair ``(row_ranks, col_ranks)`` of 2x2
        arrays.  Only the order of each player's payoffs matters; higher is better.
    initial
        The initial state: a pair of action labels or of action indices.
    two_sidedness
        Apply Brams's two-sidedness convention (see the module docstring).
    order_power
        The player (label or index) with order power, or ``None``.

    Returns
    -------
    TomOutcome

    Raises
    ------
    UnsupportedGameError
        If the game is not a two-player 2x2 game.
    UnknownLabelError
        If the initial state or the order-power player is not in the game.

    Examples
    --------
    >>> out = tom_outcome(([[3, 2], [4, 1]], [[3, 4], [2, 1]]), (1, 1), order_power="Row")
    >>> out.final, out.reason
    ((1, 0), 'both would move, to different states; Row uses its order power')
    """
    u, players, actions = _ranks_and_labels(game)
    cell = _cell_index(actions, initial)
    power = None if order_power is None else _player_index(players, order_power)
    plays = []
    for first in (0, 1):
        ind = _backward_induction(u, cell, first, two_sidedness)
        plays.append(
            TomPlay(
                first_mover=players[first],
                states=ind.states,
                movers=tuple(players[m] for m in ind.movers),  # type: ignore[arg-type]
                survivors=ind.survivors,
                moves_at=ind.moves_at,
                tsc_applied=ind.tsc_applied,
                moves=ind.moves_at[0],
                path=_path(ind),
                final=ind.survivors[0],
            )
        )
    moving = [p for p in plays if p.moves]
    final: Cell | None
    candidates: tuple[Cell, ...]
    if not moving:
        final, candidates, reason = cell, (cell,), "neither player moves"
    elif len(moving) == 1:
        final, candidates = moving[0].final, (moving[0].final,)
        reason = f"only {moving[0].first_mover} moves (rule 6: the mover takes precedence)"
    elif plays[0].final == plays[1].final:
        final, candidates = plays[0].final, (plays[0].final,)
        reason = "both would move, to the same state"
    else:
        candidates = (plays[0].final, plays[1].final)
        if power is None:
            final = None
            reason = "both would move, to different states: indeterminate without order power"
        else:
            a, b = (u[power][c] for c in candidates)
            final = candidates[0] if a > b else candidates[1] if b > a else None
            reason = (
                f"both would move, to different states; {players[power]} uses its order power"
                if final is not None
                else f"both would move; {players[power]} has order power but is indifferent"
            )
    return TomOutcome(
        players=players,
        actions=actions,
        ranks=tuple(
            ((float(u[p][0, 0]), float(u[p][0, 1])), (float(u[p][1, 0]), float(u[p][1, 1])))
            for p in (0, 1)
        ),
        initial=cell,
        plays=(plays[0], plays[1]),
        movers=tuple(p.first_mover for p in moving),
        final=final,
        candidates=candidates,
        is_nme=not moving,
        reason=reason,
        two_sidedness=two_sidedness,
        order_power=None if power is None else players[power],
    )


def theory_of_moves(
    game: NormalFormGame | Sequence[Any],
    *,
    two_sidedness: bool = True,
    order_power: str | int | None = None,
) -> TomAnalysis:
    """The Theory of Moves from every initial state of a 2x2 ordinal game.

    Parameters are as in :func:`tom_outcome`.

    Examples
    --------
    >>> pd = NormalFormGame.from_ranks([[3, 1], [4, 2]], [[3, 4], [1, 2]],
    ...                                actions=[["C", "D"], ["C", "D"]])
    >>> print(theory_of_moves(pd).table())
    Theory of Moves: P1 (rows) vs P2 (columns); two-sidedness convention on, no order power
    initial state  ranks   P1 first       P2 first       outcome
    C, C           (3, 3)  stays          stays          NME
    C, D           (1, 4)  moves -> D, D  stays          D, D (2, 2)
    D, C           (4, 1)  stays          moves -> D, D  D, D (2, 2)
    D, D           (2, 2)  stays          stays          NME
    """
    outs = tuple(
        tom_outcome(game, c, two_sidedness=two_sidedness, order_power=order_power) for c in CELLS
    )
    return TomAnalysis(outcomes=outs)  # type: ignore[arg-type]


def nonmyopic_equilibria(
    game: NormalFormGame | Sequence[Any],
    *,
    two_sidedness: bool = True,
) -> tuple[tuple[str, str], ...]:
    """The nonmyopic equilibria of a 2x2 ordinal game, as action-label pairs.

    An NME is an initial state from which neither player moves; it does not depend on
    order power (which only matters when both would move).

    Examples
    --------
    >>> nonmyopic_equilibria(([[3, 1], [4, 2]], [[3, 4], [1, 2]]))  # Prisoners' Dilemma
    (('r1', 'c1'), ('r2', 'c2'))
    """
    analysis = theory_of_moves(game, two_sidedness=two_sidedness)
    acts = analysis.outcomes[0].actions
    return tuple((acts[0][r], acts[1][c]) for r, c in analysis.nonmyopic_equilibria)


# ---------------------------------------------------------------------------- all 78 games


@dataclass(frozen=True)
class TomTableRow:
    """The Theory of Moves over one of the 78 strict ordinal 2x2 games.

    Attributes
    ----------
    game
        The game (its canonical representative).
    finals
        Per initial state in row-major order: the final state, or ``None`` if
        indeterminate.
    candidates
        Per initial state: the possible final states.
    nmes
        The nonmyopic equilibria.
    """

    game: OrdinalGame2x2
    finals: tuple[Cell | None, ...]
    candidates: tuple[tuple[Cell, ...], ...]
    nmes: tuple[Cell, ...]


def tom_table(
    *, two_sidedness: bool = True, order_power: str | int | None = None
) -> tuple[TomTableRow, ...]:
    """Final states and NMEs of all 78 strict ordinal 2x2 games, per initial state.

    Games are in the order of :func:`~crisisgames.games.ordinal2x2.strict_ordinal_games`
    (our numbering by canonical form; Brams's 57 conflict games are those with
    ``row.game.is_conflict``).

    Examples
    --------
    >>> rows = tom_table()
    >>> len(rows), all(len(r.nmes) >= 1 for r in rows)
    (78, True)
    """
    out = []
    for g in strict_ordinal_games():
        analysis = theory_of_moves(
            (g.row, g.col), two_sidedness=two_sidedness, order_power=order_power
        )
        out.append(
            TomTableRow(
                game=g,
                finals=tuple(o.final for o in analysis.outcomes),
                candidates=tuple(o.candidates for o in analysis.outcomes),
                nmes=analysis.nonmyopic_equilibria,
            )
        )
    return tuple(out)


def format_tom_table(rows: Sequence[TomTableRow]) -> str:
    """Text table of :func:`tom_table`: each game's ranks, outcome per initial state, NMEs.

    Cells are written as rank pairs ``(Row, Column)``; ``?`` marks an indeterminate
    outcome, with the candidates after it.

    Examples
    --------
    >>> print(format_tom_table(tom_table()[:1]))
    game  r1c1   r1c2   r2c1   r2c2   |  from r1c1  from r1c2  from r2c1  from r2c2  |  NMEs
       1  (1,1)  (2,2)  (3,3)  (4,4)  |  (4,4)      (4,4)      (4,4)      (4,4)      |  (4,4)
    """

    def pair(g: OrdinalGame2x2, c: Cell) -> str:
        return f"({g.row[c[0]][c[1]]},{g.col[c[0]][c[1]]})"

    names = ("r1c1", "r1c2", "r2c1", "r2c2")
    table = [["game", *names, "|", *(f"from {n}" for n in names), "|", "NMEs"]]
    for row in rows:
        g = row.game
        finals = [
            pair(g, fin) if fin is not None else "?" + "/".join(pair(g, c) for c in cand)
            for fin, cand in zip(row.finals, row.candidates, strict=True)
        ]
        table.append(
            [
                str(g.number),
                *(pair(g, c) for c in CELLS),
                "|",
                *finals,
                "|",
                " ".join(pair(g, c) for c in row.nmes),
            ]
        )
    widths = [max(len(r[j]) for r in table) for j in range(len(table[0]))]
    return "\n".join(
        "  ".join(
            v.rjust(w) if j == 0 else v.ljust(w)
            for j, (v, w) in enumerate(zip(r, widths, strict=True))
        ).rstrip()
        for r in table
    )
