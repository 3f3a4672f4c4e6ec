"""Frozen, labeled results of solving game trees: subgame-perfect and perfect Bayesian
equilibria.

A :class:`SubgamePerfectSet` lists the pure subgame-perfect equilibria found by
:func:`~crisisgames.solvers.backward_induction.backward_induction`, each with the play it
induces (with chance nodes, a distribution over terminals) and the expected payoffs, and
records the method, the tolerance and a :class:`~crisisgames.solvers.results.SolveStatus`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from fractions import Fraction
from typing import TYPE_CHECKING

import numpy as np

from crisisgames.errors import UnknownLabelError
from crisisgames.games.normal_form import format_value
from crisisgames.solvers.results import EquilibriaSequence, SolveStatus

if TYPE_CHECKING:
    from crisisgames.games.extensive_form import GameTree

__all__ = [
    "Beliefs",
    "PerfectBayesianEquilibrium",
    "PerfectBayesianSet",
    "Play",
    "SubgamePerfectEquilibrium",
    "SubgamePerfectSet",
]

Number = float | Fraction


@dataclass(frozen=True)
class Play:
    """One way the play can go: the moves from the root to a terminal, and its probability.

    Attributes
    ----------
    moves
        The move labels from the root (chance moves included).
    terminal
        The terminal's label (its node label, else its path).
    probability
        The probability of this play (1 without chance); a Fraction when exact.
    payoffs
        The terminal's payoffs, in player order.
    """

    moves: tuple[str, ...]
    terminal: str
    probability: Number
    payoffs: tuple[Number, ...]


@dataclass(frozen=True, eq=False)
class SubgamePerfectEquilibrium:
    """One pure subgame-perfect equilibrium of a perfect-information tree.

    Attributes
    ----------
    players
        The player labels.
    payoffs
        Each player's expected payoff (float).
    exact_payoffs
        The same as Fractions when solved exactly, else ``None``.
    plays
        The equilibrium path: one :class:`Play` per terminal reached with positive
        probability (one play, probability 1, without chance), in node order.
    choices
        Read-only array: the move index chosen at each node (-1 at chance and terminal
        nodes); see :meth:`move_at` and :meth:`strategy` for labels.
    """

    players: tuple[str, ...]
    payoffs: tuple[float, ...]
    exact_payoffs: tuple[Fraction, ...] | None
    plays: tuple[Play, ...]
    choices: np.ndarray = field(compare=False, repr=False)
    tree: GameTree = field(compare=False, repr=False)

    def __eq__(self, other: object) -> bool:
        # Two equilibria may share their play and payoffs and differ off the path: the
        # choices at every node are compared too.
        if not isinstance(other, SubgamePerfectEquilibrium):
            return NotImplemented
        return (
            self.players == other.players
            and self.payoffs == other.payoffs
            and self.exact_payoffs == other.exact_payoffs
            and self.plays == other.plays
            and np.array_equal(self.choices, other.choices)
        )

    def __hash__(self) -> int:
        return hash((self.players, self.payoffs, self.choices.tobytes()))

    @property
    def path(self) -> tuple[str, ...]:
        """The moves of the equilibrium path when it is one path (no chance branching on it);
        else the moves common to every play."""
        if len(self.plays) == 1:
            return self.plays[0].moves
        common: list[str] = []
        for step in zip(*(p.moves for p in self.plays), strict=False):
            if len(set(step)) > 1:
                break
            common.append(step[0])
        return tuple(common)

    @property
    def outcome_distribution(self) -> dict[str, Number]:
        """``{terminal label: probability}`` over the terminals the play reaches."""
        return {p.terminal: p.probability for p in self.plays}

    def payoff(self, player: str | int) -> Number:
        """A player's expected payoff (exact when solved exactly)."""
        i = player if isinstance(player, int) else self._index(player)
        return self.exact_payoffs[i] if self.exact_payoffs is not None else self.payoffs[i]

    def _index(self, player: str) -> int:
        try:
            return self.players.index(player)
        except ValueError:
            raise UnknownLabelError(
                f"unknown player {player!r}; the players are {list(self.players)}"
            ) from None

    def move_at(self, node: int | str) -> str:
        """The move chosen at a decision node (given by index or label)."""
        v = self.tree.find(node) if isinstance(node, str) else int(node)
        k = int(self.choices[v])
        if k < 0:
            raise UnknownLabelError(f"node {self.tree.node_label(v)!r} is not a decision node")
        return self.tree.moves(v)[k]

    def strategy(self, player: str | int) -> dict[str, str]:
        """The player's strategy: ``{node label: move}`` at every one of its nodes."""
        i = self.tree.player_index(player)
        nodes = np.flatnonzero(self.tree.arrays.player == i)
        return {self.tree.node_label(int(v)): self.move_at(int(v)) for v in nodes}

    def describe(self) -> str:
        """One line: the equilibrium path (or the outcome distribution) and the payoffs."""
        pay_src: tuple[Number, ...] = (
            self.exact_payoffs if self.exact_payoffs is not None else self.payoffs
        )
        pay = ", ".join(
            f"{p} {format_value(v)}" for p, v in zip(self.players, pay_src, strict=True)
        )
        if len(self.plays) == 1:
            play = " > ".join(self.plays[0].moves) or "(root is terminal)"
        else:
            play = "; ".join(
                f"{' > '.join(p.moves)} ({format_value(p.probability)})" for p in self.plays
            )
        return f"{play}  (payoffs: {pay})"

    def __str__(self) -> str:
        return self.describe()


@dataclass(frozen=True)
class SubgamePerfectSet(EquilibriaSequence[SubgamePerfectEquilibrium]):
    """The pure subgame-perfect equilibria of a tree, found by backward induction.

    Behaves as a sequence of :class:`SubgamePerfectEquilibrium`.

    Attributes
    ----------
    tree
        The tree solved.
    equilibria
        The equilibria listed (all of them unless ``status.complete`` is False).
    count
        How many pure subgame-perfect equilibria the tree has (exact, even when more than
        were listed).
    tie_nodes
        Labels of the decision nodes where, on the first pass, the mover is indifferent
        between two or more best moves (the source of multiple equilibria).
    method, exact, tol
        ``"backward induction"``; whether exact arithmetic was used; the relative
        tolerance within which two payoffs count as tied (0 when exact).
    status
        ``complete`` is True when every equilibrium is listed; ``degenerate`` when ties
        occur; notes say what was capped.
    """

    tree: GameTree = field(repr=False)
    equilibria: tuple[SubgamePerfectEquilibrium, ...]
    count: int
    tie_nodes: tuple[str, ...]
    method: str
    exact: bool
    tol: float
    status: SolveStatus

    @property
    def payoff_profiles(self) -> tuple[tuple[Number, ...], ...]:
        """The distinct payoff vectors of the listed equilibria, in order of appearance."""
        seen: dict[tuple[Number, ...], None] = {}
        for e in self.equilibria:
            seen.setdefault(e.exact_payoffs if e.exact_payoffs is not None else e.payoffs, None)
        return tuple(seen)

    def table(self) -> str:
        """A plain-text table, one equilibrium a line."""
        head = (
            f"{self.count} subgame-perfect equilibri{'um' if self.count == 1 else 'a'} "
            f"({self.method}{', exact' if self.exact else ''}; {self.status})"
        )
        width = len(str(len(self)))
        return "\n".join(
            [head] + [f"{k + 1:>{width}}. {e.describe()}" for k, e in enumerate(self.equilibria)]
        )

    def __str__(self) -> str:
        return self.table()


# ============================================================================ Bayesian


@dataclass(frozen=True)
class Beliefs:
    """A player's beliefs at one information set: where it thinks it is.

    Attributes
    ----------
    infoset
        The information set's label.
    player
        Who moves there.
    nodes
        Its nodes' labels.
    on_path
        Whether the equilibrium reaches it with positive probability.  There the belief is
        fixed by Bayes' rule; elsewhere any belief in the supporting set will do.
    belief
        On the path: the probability of each node (Bayes' rule).  Off the path: a belief
        that supports the equilibrium (the midpoint of the ranges for two nodes).
    ranges
        For each node, the lowest and highest probability among the beliefs that make the
        equilibrium moves sequentially rational there (equal bounds on the path): an
        interval for two-node sets, the bounds of a polytope (found from its vertices,
        exactly) for larger ones.
    constraints
        The supporting set as inequalities ``sum(c[k] * belief[k]) >= 0``, one per
        alternative continuation (empty when every belief supports the equilibrium).
    """

    infoset: str
    player: str
    nodes: tuple[str, ...]
    on_path: bool
    belief: tuple[Number, ...]
    ranges: tuple[tuple[Number, Number], ...]
    constraints: tuple[tuple[Number, ...], ...] = ()

    def describe(self) -> str:
        """One line: the belief (on path) or the supporting ranges (off path)."""
        if self.on_path:
            inner = ", ".join(
                f"{n} {format_value(p)}" for n, p in zip(self.nodes, self.belief, strict=True)
            )
            return f"{self.infoset} ({self.player}): {inner}"
        inner = ", ".join(
            f"{n} in [{format_value(lo)}, {format_value(hi)}]"
            for n, (lo, hi) in zip(self.nodes, self.ranges, strict=True)
        )
        return f"{self.infoset} ({self.player}), off path: {inner}"


@dataclass(frozen=True)
class PerfectBayesianEquilibrium:
    """One perfect Bayesian equilibrium: a behaviour profile and supporting beliefs.

    Attributes
    ----------
    players
        The player labels.
    behaviour
        For each information set (in the tree's order), the probability of each move.
    infosets
        The information sets' labels, in the same order.
    moves
        Their move labels.
    infoset_players
        The player at each information set.
    beliefs
        One :class:`Beliefs` per information set with more than one node.
    payoffs, exact_payoffs
        Each player's expected payoff (floats; Fractions when exact).
    plays
        The terminals reached with positive probability, with their probabilities.
    pure
        Whether every information set has one move played for sure.
    kind
        For a sender–receiver tree (chance draws a type, the informed player moves, then
        others): ``"pooling"``, ``"separating"``, ``"partially pooling"`` or
        ``"semi-separating"`` (some type mixes); ``None`` for other trees.
    ranges
        For a continuum of equilibria: ``{(information set, move): (lowest, highest)}``
        probability across the continuum, of the moves whose probability varies; the
        listed behaviour is one point of it.  Empty for an isolated equilibrium.
    """

    players: tuple[str, ...]
    behaviour: tuple[tuple[Number, ...], ...]
    infosets: tuple[str, ...]
    moves: tuple[tuple[str, ...], ...]
    infoset_players: tuple[str, ...]
    beliefs: tuple[Beliefs, ...]
    payoffs: tuple[float, ...]
    exact_payoffs: tuple[Fraction, ...] | None
    plays: tuple[Play, ...]
    pure: bool
    kind: str | None = None
    ranges: tuple[tuple[tuple[str, str], tuple[Number, Number]], ...] = ()

    @property
    def is_continuum(self) -> bool:
        """Whether this equilibrium is one point of a continuum (see ``ranges``)."""
        return bool(self.ranges)

    def strategy(self, player: str) -> dict[str, str | dict[str, Number]]:
        """``{information set: move}`` (or ``{move: probability}`` where it mixes)."""
        out: dict[str, str | dict[str, Number]] = {}
        for h, (lab, who) in enumerate(zip(self.infosets, self.infoset_players, strict=True)):
            if who != player:
                continue
            probs = self.behaviour[h]
            sure = [m for m, p in zip(self.moves[h], probs, strict=True) if p == 1]
            out[lab] = (
                sure[0]
                if sure
                else {m: p for m, p in zip(self.moves[h], probs, strict=True) if p > 0}
            )
        if not out and player not in self.players:
            raise UnknownLabelError(f"unknown player {player!r}")
        return out

    def belief(self, infoset: str) -> Beliefs:
        """The beliefs at an information set, by label."""
        for b in self.beliefs:
            if b.infoset == infoset:
                return b
        raise UnknownLabelError(f"no beliefs recorded at {infoset!r} (a one-node set?)")

    @property
    def outcome_distribution(self) -> dict[str, Number]:
        """``{terminal label: probability}``."""
        return {p.terminal: p.probability for p in self.plays}

    def describe(self) -> str:
        """Several lines: the strategies, the beliefs, the payoffs."""
        lines = []
        head = (self.kind + " " if self.kind else "") + ("pure" if self.pure else "mixed")
        for p in self.players:
            parts = []
            for lab, mv in self.strategy(p).items():
                if isinstance(mv, str):
                    parts.append(f"{lab}: {mv}")
                else:
                    parts.append(
                        f"{lab}: " + ", ".join(f"{m} {format_value(q)}" for m, q in mv.items())
                    )
            if parts:
                lines.append(f"  {p}: " + "; ".join(parts))
        for b in self.beliefs:
            lines.append("  belief " + b.describe())
        for (h, m), (lo, hi) in self.ranges:
            lines.append(f"  continuum: P({m} at {h}) in [{format_value(lo)}, {format_value(hi)}]")
        pay_src: tuple[Number, ...] = (
            self.exact_payoffs if self.exact_payoffs is not None else self.payoffs
        )
        lines.append(
            "  payoffs: "
            + ", ".join(
                f"{p} {format_value(v)}" for p, v in zip(self.players, pay_src, strict=True)
            )
        )
        return head + "\n" + "\n".join(lines)

    def __str__(self) -> str:
        return self.describe()


@dataclass(frozen=True)
class PerfectBayesianSet(EquilibriaSequence[PerfectBayesianEquilibrium]):
    """The perfect Bayesian equilibria found in a tree, with what the search covered.

    Attributes
    ----------
    tree
        The tree solved.
    equilibria
        Pure equilibria first (in profile order), then mixed ones.
    method
        What was searched, e.g. ``"pure profiles + two-type signalling (mixed)"``.
    exact, tol
        Whether the equilibria were verified in exact arithmetic; the float tolerance.
    profiles_total, profiles_examined
        The number of pure behaviour profiles, and how many were checked.
    status
        ``complete`` is True only when the search provably found every perfect Bayesian
        equilibrium (all pure profiles examined, and the mixed ones of a recognised
        two-type sender–receiver tree); ``continuum`` when some equilibrium is a point of a
        continuum; the notes say what was and was not searched.
    """

    tree: GameTree = field(repr=False)
    equilibria: tuple[PerfectBayesianEquilibrium, ...]
    method: str
    exact: bool
    tol: float
    profiles_total: int
    profiles_examined: int
    status: SolveStatus

    @property
    def pure(self) -> tuple[PerfectBayesianEquilibrium, ...]:
        """The pure equilibria."""
        return tuple(e for e in self.equilibria if e.pure)

    def table(self) -> str:
        """A plain-text listing."""
        head = (
            f"{len(self)} perfect Bayesian equilibri{'um' if len(self) == 1 else 'a'} "
            f"({self.method}{', exact' if self.exact else ''}; {self.status})"
        )
        return "\n".join(
            [head] + [f"{k + 1}. {e.describe()}" for k, e in enumerate(self.equilibria)]
        )

    def __str__(self) -> str:
        return self.table()
