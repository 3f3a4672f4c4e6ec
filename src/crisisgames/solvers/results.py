"""Frozen, labeled results of equilibrium computations.

One result type per question: an :class:`EquilibriumSet` records what was found, how (the
method and its tolerance) and how far it can be trusted (:class:`SolveStatus`): whether the
enumeration is complete, whether the game is degenerate, whether equilibria form a
continuum.  Status is data here, never a warning.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from fractions import Fraction
from typing import TYPE_CHECKING, Generic, TypeVar

from crisisgames.errors import UnknownLabelError

if TYPE_CHECKING:
    from crisisgames.games.normal_form import NormalFormGame

__all__ = ["Component", "Equilibrium", "EquilibriumSet", "SolveStatus"]


def _fmt_prob(p: float, exact: Fraction | None) -> str:
    if exact is not None:
        return str(exact)
    return f"{p:.6g}"


E = TypeVar("E")


class EquilibriaSequence(Generic[E]):
    """Sequence behaviour (length, iteration, indexing) over a result's ``equilibria``
    tuple, shared by the frozen result sets of every solver."""

    equilibria: tuple[E, ...]

    def __len__(self) -> int:
        return len(self.equilibria)

    def __iter__(self) -> Iterator[E]:
        return iter(self.equilibria)

    def __getitem__(self, i: int) -> E:
        return self.equilibria[i]


@dataclass(frozen=True)
class Equilibrium:
    """One Nash equilibrium (an extreme point of the equilibrium set when enumerated).

    Attributes
    ----------
    players, actions
        Labels, as in the game.
    strategies
        One probability tuple per player, in action order.
    payoffs
        Each player's expected payoff.
    exact_strategies, exact_payoffs
        The same as :class:`~fractions.Fraction` values when solved exactly, else ``None``.
    component
        Index of the connected component of equilibria this one belongs to.

    Examples
    --------
    >>> from crisisgames import NormalFormGame, nash_equilibria
    >>> pennies = NormalFormGame.from_arrays([[1, -1], [-1, 1]], [[-1, 1], [1, -1]])
    >>> eq = nash_equilibria(pennies, exact=True)[0]
    >>> eq.strategy("P1")
    {'a1': 0.5, 'a2': 0.5}
    >>> eq.exact_strategies[0], eq.is_pure
    ((Fraction(1, 2), Fraction(1, 2)), False)
    """

    players: tuple[str, ...]
    actions: tuple[tuple[str, ...], ...]
    strategies: tuple[tuple[float, ...], ...]
    payoffs: tuple[float, ...]
    exact_strategies: tuple[tuple[Fraction, ...], ...] | None = None
    exact_payoffs: tuple[Fraction, ...] | None = None
    component: int = 0

    def _index(self, player: str | int) -> int:
        if isinstance(player, int):
            return player
        try:
            return self.players.index(player)
        except ValueError:
            raise UnknownLabelError(
                f"unknown player {player!r}; the players are {list(self.players)}"
            ) from None

    def strategy(self, player: str | int) -> dict[str, float]:
        """The player's mixed strategy as ``{action: probability}``.

        Examples
        --------
        >>> from crisisgames import nash_equilibria
        >>> from crisisgames.scenarios import load
        >>> nash_equilibria(load("chicken"))[0].strategy("USSR")
        {'withdraw': 0.0, 'maintain': 1.0}
        """
        i = self._index(player)
        return dict(zip(self.actions[i], self.strategies[i], strict=True))

    def payoff(self, player: str | int) -> float:
        """The player's expected payoff.

        Examples
        --------
        >>> from crisisgames import nash_equilibria
        >>> from crisisgames.scenarios import load
        >>> nash_equilibria(load("chicken"))[0].payoff("USSR")
        4.0
        """
        return self.payoffs[self._index(player)]

    @property
    def supports(self) -> tuple[tuple[str, ...], ...]:
        """The actions played with positive probability, per player."""
        return tuple(
            tuple(a for a, p in zip(acts, strat, strict=True) if p > 0)
            for acts, strat in zip(self.actions, self.strategies, strict=True)
        )

    @property
    def is_pure(self) -> bool:
        """Whether every player plays a single action."""
        return all(len(s) == 1 for s in self.supports)

    def describe(self) -> str:
        """One line: each player's strategy, then the payoffs.

        Examples
        --------
        >>> from crisisgames import nash_equilibria
        >>> from crisisgames.scenarios import load
        >>> nash_equilibria(load("chicken"), exact=True)[2].describe()
        'US: blockade 1/2, air strike 1/2; USSR: withdraw 1/2, maintain 1/2  (payoffs: US 5/2, USSR 5/2)'
        """
        parts = []
        for i, (player, acts) in enumerate(zip(self.players, self.actions, strict=True)):
            ex = self.exact_strategies[i] if self.exact_strategies else None
            terms = [
                a
                if self.strategies[i][k] == 1
                else f"{a} {_fmt_prob(self.strategies[i][k], ex[k] if ex else None)}"
                for k, a in enumerate(acts)
                if self.strategies[i][k] > 0
            ]
            parts.append(f"{player}: " + ", ".join(terms))
        pay = ", ".join(
            f"{p} {_fmt_prob(v, self.exact_payoffs[i] if self.exact_payoffs else None)}"
            for i, (p, v) in enumerate(zip(self.players, self.payoffs, strict=True))
        )
        return "; ".join(parts) + f"  (payoffs: {pay})"

    def __str__(self) -> str:
        return self.describe()


@dataclass(frozen=True)
class Component:
    """A connected component of the equilibrium set.

    Attributes
    ----------
    index
        Its position in :attr:`EquilibriumSet.components`.
    equilibria
        Indices (into :attr:`EquilibriumSet.equilibria`) of its extreme equilibria.
    nash_subsets
        Its maximal Nash subsets (convex sets of equilibria whose union is the component),
        each as the indices of its extreme equilibria.  A single isolated equilibrium is
        one subset of one point.

    Examples
    --------
    >>> from crisisgames import NormalFormGame, nash_equilibria
    >>> zero = NormalFormGame.from_arrays([[0, 0], [0, 0]], [[0, 0], [0, 0]])
    >>> nash_equilibria(zero).components[0]
    Component(index=0, equilibria=(0, 1, 2, 3), nash_subsets=((0, 1, 2, 3),))
    """

    index: int
    equilibria: tuple[int, ...]
    nash_subsets: tuple[tuple[int, ...], ...]

    @property
    def is_continuum(self) -> bool:
        """Whether the component has more than one point."""
        return len(self.equilibria) > 1


@dataclass(frozen=True)
class SolveStatus:
    """How far a solution can be trusted.

    Attributes
    ----------
    complete
        ``True`` when every extreme equilibrium was provably found (and every continuum
        reported through its extreme points); ``False`` when the method does not promise it.
    degenerate
        Whether the game is degenerate (some mixed strategy with support of size k has
        more than k pure best responses); ``None`` when the method did not determine it.
    continuum
        Whether some component of equilibria is a continuum; ``None`` when unknown.
    notes
        Plain-language remarks (why incomplete, what was assumed).

    Examples
    --------
    >>> from crisisgames import NormalFormGame, nash_equilibria
    >>> g = NormalFormGame.from_arrays([[1, 1], [0, 0]], [[1, 1], [0, 0]])
    >>> print(nash_equilibria(g).status)
    complete, degenerate game, continuum of equilibria
    """

    complete: bool
    degenerate: bool | None
    continuum: bool | None
    notes: tuple[str, ...] = ()

    def __str__(self) -> str:
        words = ["complete" if self.complete else "not known to be complete"]
        if self.degenerate:
            words.append("degenerate game")
        if self.continuum:
            words.append("continuum of equilibria")
        return ", ".join(words) + "".join(f"; {n}" for n in self.notes)


@dataclass(frozen=True)
class EquilibriumSet(EquilibriaSequence[Equilibrium]):
    """The equilibria of a game found by one method, with their components and status.

    Behaves as a sequence of :class:`Equilibrium`.

    Attributes
    ----------
    game
        The game solved.
    equilibria
        The (extreme) equilibria, sorted: pure profiles of earlier actions first.
    components
        Connected components of the equilibrium set (one per isolated equilibrium).
    method
        The method's name, as passed to :func:`~crisisgames.nash_equilibria`.
    exact
        Whether values were computed in exact rational arithmetic.
    tol
        The tolerance of float comparisons (0 when exact).
    status
        Completeness, degeneracy and continuum flags.

    Examples
    --------
    >>> from crisisgames import NormalFormGame, nash_equilibria
    >>> zero = NormalFormGame.from_arrays([[0, 0], [0, 0]], [[0, 0], [0, 0]])
    >>> res = nash_equilibria(zero)
    >>> len(res), len(res.components), res.status.continuum
    (4, 1, True)
    """

    game: NormalFormGame
    equilibria: tuple[Equilibrium, ...]
    components: tuple[Component, ...]
    method: str
    exact: bool
    tol: float
    status: SolveStatus

    @property
    def pure(self) -> tuple[Equilibrium, ...]:
        """The pure equilibria."""
        return tuple(e for e in self.equilibria if e.is_pure)

    def table(self) -> str:
        """A labeled plain-text table of the equilibria, one row each.

        Examples
        --------
        >>> from crisisgames import nash_equilibria
        >>> from crisisgames.scenarios import load
        >>> print(nash_equilibria(load("brams-alternative"), exact=True).table())
        1 equilibrium (enumeration, exact; complete)
        1. US: blockade 1/2, air strike 1/2; USSR: withdraw 3/4, maintain 1/4  (payoffs: US 5/2, USSR 5/2)
        """
        lines = [
            f"{len(self)} equilibri{'um' if len(self) == 1 else 'a'} "
            f"({self.method}{', exact' if self.exact else ''}; {self.status})"
        ]
        width = len(str(len(self)))
        for k, eq in enumerate(self.equilibria):
            comp = self.components[eq.component]
            tag = f"  [component {eq.component}]" if comp.is_continuum else ""
            lines.append(f"{k + 1:>{width}}. {eq.describe()}{tag}")
        return "\n".join(lines)

    def __str__(self) -> str:
        return self.table()
