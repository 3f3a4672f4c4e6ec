"""Labeled, immutable game trees: decision, chance and terminal nodes, information sets.

A :class:`GameTree` is built from a description that reads like the tree::

    decision("US", {"blockade": ..., "air strike": ...})
    chance({"hard": ("1/3", subtree), "soft": ("2/3", subtree)})
    terminal(US=1, USSR=-4)

(the builder, in :mod:`crisisgames.games.tree_builder`, re-exported here; or the same as
nested dicts, or a flat list of nodes with :meth:`GameTree.from_nodes`), is validated once,
at construction, and is stored as flat arrays: nodes are numbered in
breadth-first order, so the children of a node are a contiguous range of indices and every
child comes after its parent.  Solvers then run in one linear sweep over the arrays (from
the last node back to the root for backward induction, forwards for reach probabilities),
never by recursion.

Information sets are named by the ``infoset=`` label of their decision nodes: every node
carrying the same label is in the same set; a decision node without one is alone in its
set.  An information set's nodes must belong to one player and offer the same moves (in any
order; they are stored in the order of the set's first node).

Examples
--------
The entry-deterrence game (Selten's chain-store stage game):

>>> tree = GameTree(
...     decision("Entrant", {
...         "out": terminal(Entrant=0, Incumbent=2),
...         "in": decision("Incumbent", {
...             "fight": terminal(Entrant=-1, Incumbent=-1),
...             "accommodate": terminal(Entrant=1, Incumbent=1),
...         }),
...     })
... )
>>> tree.players, tree.num_nodes, tree.is_perfect_information
(('Entrant', 'Incumbent'), 5, True)
>>> print(tree)
GameTree: players Entrant, Incumbent; 5 nodes, 2 information sets
Entrant
  out: (0, 2)
  in: Incumbent
    fight: (-1, -1)
    accommodate: (1, 1)
"""

from __future__ import annotations

import math
from collections import deque
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from fractions import Fraction
from typing import TYPE_CHECKING, Any, NamedTuple

import numpy as np

from crisisgames.errors import (
    InvalidGameError,
    InvalidLabelError,
    InvalidPayoffError,
    UnknownLabelError,
)
from crisisgames.games.normal_form import format_value
from crisisgames.games.tree_builder import (
    _KIND_NAMES,
    CHANCE,
    DECISION,
    PROB_TOL,
    TERMINAL,
    Chance,
    Decision,
    Terminal,
    _check_label,
    _payoff,
    _probability,
    _Raw,
    _raw,
    _raw_record,
    _Where,
    chance,
    decision,
    terminal,
)

if TYPE_CHECKING:
    from crisisgames.games.normal_form import NormalFormGame

__all__ = [
    "CHANCE",
    "DECISION",
    "TERMINAL",
    "Chance",
    "Decision",
    "GameTree",
    "InformationSet",
    "Terminal",
    "TreeArrays",
    "chance",
    "decision",
    "terminal",
]

# ============================================================================ stored parts


class TreeArrays(NamedTuple):
    """The flat, read-only arrays of a :class:`GameTree`, for solvers.

    Nodes are numbered breadth-first from the root (node 0): a node's children are
    ``child_start[v] : child_start[v] + num_children[v]`` and come after it, and the nodes
    at depth ``d`` are ``level_start[d] : level_start[d + 1]``.
    """

    kind: np.ndarray  # int8: TERMINAL, DECISION or CHANCE
    parent: np.ndarray  # int64, -1 at the root
    child_start: np.ndarray  # int64 (index of the first child; meaningless at terminals)
    num_children: np.ndarray  # int64
    move: np.ndarray  # int64: the node's position among its parent's children (-1 at the root)
    player: np.ndarray  # int64: player index at decision nodes, -1 elsewhere
    infoset: np.ndarray  # int64: information-set index at decision nodes, -1 elsewhere
    depth: np.ndarray  # int64
    level_start: np.ndarray  # int64, length max depth + 2
    prob: np.ndarray  # float64: probability of the edge into the node (1 below non-chance)
    payoffs: np.ndarray  # float64 (num_nodes, num_players); zero at non-terminal nodes


@dataclass(frozen=True)
class InformationSet:
    """An information set: the decision nodes a player cannot tell apart.

    Attributes
    ----------
    index
        Its position in :attr:`GameTree.infosets`.
    player
        The player who moves there.
    label
        Its label (the ``infoset=`` given, else the node's label, else the path of moves
        from the root, e.g. ``"in"``; ``"root"`` at the root).
    moves
        The move labels, in order.
    nodes
        The node indices it contains.
    """

    index: int
    player: str
    label: str
    moves: tuple[str, ...]
    nodes: tuple[int, ...]


# ============================================================================ the tree


class GameTree:
    """A finite game in extensive form: labeled players, moves and information sets.

    Immutable and validated at construction: chance probabilities lie in [0, 1] and sum to
    one; each information set belongs to one player and its nodes share their move labels
    and are not on one path; the nodes form a tree (no cycle, no node reached twice); every
    terminal has a payoff for every player; labels are unique (players, node labels,
    information-set labels, moves within a node).

    Parameters
    ----------
    root
        The root node, built with :func:`decision`, :func:`chance` and :func:`terminal`, or
        given as nested dicts (``{"player": p, "moves": {...}, "infoset": h}``,
        ``{"chance": {move: (prob, subtree)}}``, ``{"payoffs": {player: u}}``, each with an
        optional ``"label"``).  A builder object may be reused in several places (it is
        copied); a dict may not (a dict that contains itself would be a cycle).
    players
        The players in order (default: the movers in order of first appearance, then any
        other player named in the payoffs).
    title
        A title, kept in the Gambit file.

    Raises
    ------
    InvalidGameError
        (or a subclass) naming the node and what is wrong, before anything is solved.

    Examples
    --------
    >>> tree = GameTree(decision("US", {
    ...     "blockade": chance({"hard": ("1/3", terminal(US=-2, USSR=2)),
    ...                         "soft": ("2/3", terminal(US=1, USSR=-4))}),
    ...     "air strike": terminal(US=-10, USSR=-8)}))
    >>> tree.kind(1), tree.probabilities(1)
    ('chance', {'hard': Fraction(1, 3), 'soft': Fraction(2, 3)})
    >>> tree.payoff(tree.find_path(["blockade", "soft"]))
    {'US': 1.0, 'USSR': -4.0}
    """

    __slots__ = (
        "_arrays",
        "_exact_payoffs",
        "_exact_prob",
        "_infoset_label",
        "_infoset_moves",
        "_infoset_nodes",
        "_infoset_player",
        "_infosets",
        "_label_index",
        "_lists",
        "_node_label",
        "_node_moves",
        "_perfect_recall",
        "_players",
        "_title",
    )

    def __init__(self, root: Any, players: Sequence[str] | None = None, *, title: str = "") -> None:
        self._build(
            [root],
            lambda ref, where: _raw(ref, where),
            by_index=False,
            players=players,
            title=title,
        )

    @classmethod
    def from_nodes(
        cls,
        nodes: Sequence[Mapping[str, Any]],
        players: Sequence[str] | None = None,
        *,
        title: str = "",
    ) -> GameTree:
        """Build a tree from a flat list of nodes; node 0 is the root.

        Each node is a mapping with ``"kind"`` (``"decision"``, ``"chance"`` or
        ``"terminal"``) and: ``"player"``, ``"moves"``, ``"children"`` (indices into
        ``nodes``) and optionally ``"infoset"`` for a decision; ``"moves"``, ``"probs"`` and
        ``"children"`` for a chance node; ``"payoffs"`` for a terminal; any node may have a
        ``"label"``.  This form can describe what is not a tree (a cycle, a node with two
        parents, an unreachable node): each is reported as an error.

        Examples
        --------
        >>> t = GameTree.from_nodes([
        ...     {"kind": "decision", "player": "A", "moves": ["l", "r"], "children": [1, 2]},
        ...     {"kind": "terminal", "payoffs": {"A": 1}},
        ...     {"kind": "terminal", "payoffs": {"A": 0}},
        ... ])
        >>> t.num_nodes
        3
        >>> GameTree.from_nodes([
        ...     {"kind": "decision", "player": "A", "moves": ["l"], "children": [1]},
        ...     {"kind": "decision", "player": "A", "moves": ["back"], "children": [0]},
        ... ])
        Traceback (most recent call last):
        ...
        crisisgames.errors.InvalidGameError: node 1: move 'back' leads back to node 0, an ancestor: the nodes form a cycle, not a tree
        """
        records = list(nodes)
        if not records:
            raise InvalidGameError("a tree needs at least one node")
        self = cls.__new__(cls)

        def read(ref: Any, where: str) -> _Raw:
            if not 0 <= int(ref) < len(records):
                raise InvalidGameError(f"{where}: child index {ref} is out of range")
            return _raw_record(records[int(ref)], int(ref))

        self._build([0], read, by_index=True, players=players, title=title, expected=len(records))
        return self

    # ------------------------------------------------------------------ construction
    def _build(
        self,
        roots: list[Any],
        read: Any,
        *,
        by_index: bool,
        players: Sequence[str] | None,
        title: str,
        expected: int | None = None,
    ) -> None:
        kinds: list[int] = []
        parent: list[int] = []
        move: list[int] = []
        depth: list[int] = []
        child_start: list[int] = []
        num_children: list[int] = []
        node_player: list[str | None] = []
        node_infoset_key: list[str | None] = []
        node_label: list[str | None] = []
        node_moves: list[tuple[str, ...]] = []
        prob: list[float] = []
        exact_prob: list[Fraction | None] = []
        payoff_maps: dict[int, Mapping[str, Any]] = {}
        infoset_moves: dict[str, tuple[str, ...]] = {}
        infoset_owner: dict[str, str] = {}
        refs: list[Any] = []  # the identity of each node's source (index or id of a dict)
        seen: dict[Any, int] = {}

        # Breadth-first: a node's index is its position in the queue, so the children of
        # a node receive consecutive indices, all after their parent.
        queue: deque[tuple[Any, int, int, float, Fraction | None]] = deque(
            [(roots[0], -1, -1, 1.0, None)]
        )
        next_index = 1
        while queue:
            ref, par, mv, p, ep = queue.popleft()
            v = len(kinds)
            where: Any = (
                f"node {ref}"
                if by_index
                else _Where(
                    lambda par=par, mv=mv: self._where(
                        par, mv, node_moves, node_label, parent, move
                    )
                )
            )
            key: Any = int(ref) if by_index else (id(ref) if isinstance(ref, Mapping) else None)
            if key is not None:
                if key in seen:
                    raise InvalidGameError(
                        self._twice_message(
                            key, v, par, seen, refs, parent, by_index, where, node_moves, mv
                        )
                    )
                seen[key] = v
            refs.append(key)
            raw = read(ref, where)
            if raw.label is not None:
                _check_label(raw.label, "node label", where)
            kinds.append(raw.kind)
            parent.append(par)
            move.append(mv)
            depth.append(0 if par < 0 else depth[par] + 1)
            prob.append(p)
            exact_prob.append(ep)
            node_label.append(raw.label)
            moves = [_check_label(m, "move label", where) for m in raw.moves]
            dupes = sorted({m for m in moves if moves.count(m) > 1})
            if dupes:
                raise InvalidLabelError(f"{where}: duplicate move labels {dupes}")
            children = list(raw.children)
            probs = list(raw.probs)
            if raw.kind == TERMINAL:
                payoff_maps[v] = raw.payoffs or {}
                node_player.append(None)
                node_infoset_key.append(None)
                node_moves.append(())
                child_start.append(next_index)
                num_children.append(0)
                continue
            if not moves:
                raise InvalidGameError(f"{where}: a {_KIND_NAMES[raw.kind]} node needs a move")
            if raw.kind == DECISION:
                player = _check_label(raw.player, "player", where)
                hkey = raw.infoset
                if hkey is not None:
                    _check_label(hkey, "information-set label", where)
                    if hkey in infoset_owner and infoset_owner[hkey] != player:
                        raise InvalidGameError(
                            f"{where}: information set {hkey!r} spans players "
                            f"{infoset_owner[hkey]!r} and {player!r}; an information set "
                            "belongs to one player"
                        )
                    if hkey in infoset_moves:
                        first = infoset_moves[hkey]
                        if sorted(first) != sorted(moves):
                            raise InvalidGameError(
                                f"{where}: information set {hkey!r} has moves {list(first)} at "
                                f"another node but {moves} here; its nodes must share moves"
                            )
                        order = [moves.index(m) for m in first]  # the set's move order
                        moves = list(first)
                        children = [children[k] for k in order]
                    else:
                        infoset_owner[hkey] = player
                        infoset_moves[hkey] = tuple(moves)
                node_player.append(player)
                node_infoset_key.append(hkey)
                probs_f: list[tuple[float, Fraction | None]] = [(1.0, None)] * len(moves)
            else:
                node_player.append(None)
                node_infoset_key.append(None)
                probs_f = [_probability(q, where, m) for q, m in zip(probs, moves, strict=True)]
                self._check_sum(probs_f, where)
            node_moves.append(tuple(moves))
            child_start.append(next_index)
            num_children.append(len(moves))
            next_index += len(moves)
            for k, c in enumerate(children):
                queue.append((c, v, k, probs_f[k][0], probs_f[k][1]))

        if expected is not None and len(seen) < expected:
            self._unreached(set(range(expected)) - set(seen), read)
        n = len(kinds)
        # ---- players
        movers = list(dict.fromkeys(p for p in node_player if p is not None))
        if players is None:
            named = dict.fromkeys(movers)
            for v in sorted(payoff_maps):
                named.update(dict.fromkeys(payoff_maps[v]))
            players = list(named)
        plist = [_check_label(p, "player") for p in players]
        dupes = sorted({p for p in plist if plist.count(p) > 1})
        if dupes:
            raise InvalidLabelError(f"players: duplicate labels {dupes}")
        if not plist:
            raise InvalidGameError("a game needs at least one player")
        pindex = {p: i for i, p in enumerate(plist)}
        unknown = [p for p in movers if p not in pindex]
        if unknown:
            raise UnknownLabelError(f"decision nodes of {unknown}, who are not among {plist}")
        # ---- payoffs
        N = len(plist)
        pay = np.zeros((n, N))
        exact_pay: dict[tuple[int, int], Fraction] = {}
        for v, pm in payoff_maps.items():
            where = _Where(
                lambda v=v: (
                    "terminal " + self._describe_raw(v, node_label, parent, move, node_moves)
                )
            )
            missing = [p for p in plist if p not in pm]
            extra = [p for p in pm if p not in pindex]
            if missing:
                raise InvalidPayoffError(f"{where}: payoff missing for {missing}")
            if extra:
                raise UnknownLabelError(f"{where}: payoff for unknown player(s) {extra}")
            for who, val in pm.items():
                f, exv = _payoff(val, where, who)
                pay[v, pindex[who]] = f
                if exv is not None:
                    exact_pay[(v, pindex[who])] = exv
        # ---- labels
        label_index: dict[str, int] = {}
        for v, lab in enumerate(node_label):
            if lab is not None:
                if lab in label_index:
                    raise InvalidLabelError(f"node label {lab!r} is used twice")
                label_index[lab] = v
        # ---- information sets: labeled ones in order of first node, singletons otherwise
        infoset_of = np.full(n, -1, dtype=np.int64)
        h_index: dict[str, int] = {}
        h_player: list[int] = []
        h_label: list[str | None] = []
        h_moves: list[tuple[str, ...]] = []
        for v in range(n):
            if kinds[v] != DECISION:
                continue
            hkey = node_infoset_key[v]
            if hkey is not None and hkey in h_index:
                infoset_of[v] = h_index[hkey]
                continue
            k = len(h_player)
            if hkey is not None:
                h_index[hkey] = k
                if hkey in label_index and label_index[hkey] != v:
                    raise InvalidLabelError(
                        f"label {hkey!r} names an information set and another node"
                    )
            infoset_of[v] = k
            h_player.append(pindex[node_player[v]])  # type: ignore[index]
            h_label.append(hkey if hkey is not None else node_label[v])
            h_moves.append(node_moves[v])
        arr = TreeArrays(
            kind=np.array(kinds, dtype=np.int8),
            parent=np.array(parent, dtype=np.int64),
            child_start=np.array(child_start, dtype=np.int64),
            num_children=np.array(num_children, dtype=np.int64),
            move=np.array(move, dtype=np.int64),
            player=np.array(
                [pindex[p] if p is not None else -1 for p in node_player], dtype=np.int64
            ),
            infoset=infoset_of,
            depth=np.array(depth, dtype=np.int64),
            level_start=np.searchsorted(np.array(depth), np.arange(max(depth) + 2)).astype(
                np.int64
            ),
            prob=np.array(prob, dtype=np.float64),
            payoffs=pay,
        )
        for a in arr:
            a.setflags(write=False)
        self._arrays = arr
        self._players = tuple(plist)
        self._title = str(title)
        self._node_label = tuple(node_label)
        self._node_moves = tuple(node_moves)
        self._label_index = label_index
        self._infoset_player = np.array(h_player, dtype=np.int64)
        self._infoset_player.setflags(write=False)
        self._infoset_label = tuple(h_label)
        self._infoset_moves = tuple(h_moves)
        self._infoset_nodes: tuple[tuple[int, ...], ...] | None = None
        self._infosets: tuple[InformationSet, ...] | None = None
        self._perfect_recall: bool | None = None
        self._lists: dict[str, list[Any]] = {}
        if any(e is not None for e in exact_prob):
            probs_arr = np.array(
                [
                    e if e is not None else Fraction(f)
                    for e, f in zip(exact_prob, prob, strict=True)
                ],
                dtype=object,
            )
            probs_arr.setflags(write=False)
            self._exact_prob: np.ndarray | None = probs_arr
        else:
            self._exact_prob = None
        if exact_pay:
            table = np.array([Fraction(float(x)) for x in pay.ravel()] + [None], dtype=object)
            table = table[:-1].reshape(n, N)  # the None keeps numpy from nesting the Fractions
            for (v, i), val in exact_pay.items():
                table[v, i] = val
            table.setflags(write=False)
            self._exact_payoffs: np.ndarray | None = table
        else:
            self._exact_payoffs = None
        self._check_absent_minded()

    @staticmethod
    def _check_sum(probs: list[tuple[float, Fraction | None]], where: str) -> None:
        if all(e is not None for _, e in probs):
            total: float | Fraction = sum((e for _, e in probs if e is not None), Fraction(0))
            ok = total == 1
        else:
            total = math.fsum(f for f, _ in probs)
            ok = abs(total - 1.0) <= PROB_TOL
        if not ok:
            raise InvalidPayoffError(f"{where}: chance probabilities sum to {total}, not 1")

    @staticmethod
    def _where(
        par: int,
        mv: int,
        node_moves: list[tuple[str, ...]],
        node_label: list[str | None],
        parent: list[int],
        move: list[int],
    ) -> str:
        if par < 0:
            return "the root"
        return "node after " + GameTree._path_text(par, mv, node_moves, node_label, parent, move)

    @staticmethod
    def _path_text(
        par: int,
        mv: int,
        node_moves: Sequence[tuple[str, ...]],
        node_label: Sequence[str | None],
        parent: Sequence[int],
        move: Sequence[int],
    ) -> str:
        steps = [node_moves[par][mv]]
        v = par
        while v > 0 and node_label[v] is None:
            steps.append(node_moves[parent[v]][move[v]])
            v = parent[v]
        head = f"{node_label[v]!r}: " if node_label[v] is not None else ""
        return head + " > ".join(reversed(steps))

    @staticmethod
    def _describe_raw(
        v: int,
        node_label: list[str | None],
        parent: list[int],
        move: list[int],
        node_moves: list[tuple[str, ...]],
    ) -> str:
        if node_label[v] is not None:
            return repr(node_label[v])
        if parent[v] < 0:
            return "at the root"
        return "after " + GameTree._path_text(
            parent[v], move[v], node_moves, node_label, parent, move
        )

    @staticmethod
    def _twice_message(
        key: Any,
        v: int,
        par: int,
        seen: dict[Any, int],
        refs: list[Any],
        parent: list[int],
        by_index: bool,
        where: str,
        node_moves: list[tuple[str, ...]],
        mv: int,
    ) -> str:
        # Is the repeated node an ancestor of the one pointing at it?
        u = par
        while u >= 0:
            if refs[u] == key:
                src = f"node {refs[par]}" if by_index else where
                return (
                    f"{src}: move {node_moves[par][mv]!r} leads back to "
                    f"{'node ' + str(key) if by_index else 'an enclosing node'}, an "
                    "ancestor: the nodes form a cycle, not a tree"
                )
            u = parent[u]
        what = f"node {key}" if by_index else "the same dict"
        return (
            f"{where}: {what} is reached twice (from two parents); each node of a tree has "
            "one parent (to reuse a subtree, use builder objects or copy the dict)"
        )

    @staticmethod
    def _unreached(missing: set[int], read: Any) -> None:
        """from_nodes: report records the root does not reach (a cycle, or a second root)."""
        # Follow the missing records' children: a record met again on the current walk
        # closes a cycle.
        state: dict[int, int] = {}  # 1 = on the current walk, 2 = done
        for start in sorted(missing):
            if start in state:
                continue
            stack = [(start, iter(read(start, f"node {start}").children))]
            state[start] = 1
            while stack:
                v, it = stack[-1]
                c = next(it, None)
                if c is None:
                    state[v] = 2
                    stack.pop()
                    continue
                c = int(c)
                if c not in missing:
                    continue
                if state.get(c) == 1:
                    raise InvalidGameError(
                        f"node {v}: its child {c} is also its ancestor: nodes "
                        f"{sorted(u for u, _ in stack)} form a cycle, not a tree"
                    )
                if c not in state:
                    state[c] = 1
                    stack.append((c, iter(read(c, f"node {c}").children)))
        raise InvalidGameError(
            f"node(s) {sorted(missing)} cannot be reached from the root (node 0): a tree has "
            "one root and every node is reached from it"
        )

    def _check_absent_minded(self) -> None:
        a = self._arrays
        nodes = self.infoset_nodes
        for h, members in enumerate(nodes):
            if len(members) < 2:
                continue
            member = set(members)
            for v in members:
                u = int(a.parent[v])
                while u >= 0:
                    if u in member:
                        raise InvalidGameError(
                            f"information set {self.infoset_label(h)!r} contains node "
                            f"{self.node_label(u)!r} and its descendant "
                            f"{self.node_label(v)!r}; a player cannot forget having moved there"
                        )
                    u = int(a.parent[u])

    # ------------------------------------------------------------------ basic properties
    @property
    def players(self) -> tuple[str, ...]:
        """The player labels, in order."""
        return self._players

    @property
    def num_players(self) -> int:
        """The number of players (chance is not one)."""
        return len(self._players)

    @property
    def num_nodes(self) -> int:
        """The number of nodes, terminals included."""
        return int(self._arrays.kind.shape[0])

    @property
    def title(self) -> str:
        """The tree's title."""
        return self._title

    @property
    def arrays(self) -> TreeArrays:
        """The flat read-only arrays underneath, for solvers (see :class:`TreeArrays`)."""
        return self._arrays

    @property
    def has_exact_values(self) -> bool:
        """Whether some probability or payoff is not exactly a float (e.g. ``1/3``)."""
        return self._exact_prob is not None or self._exact_payoffs is not None

    @property
    def exact_probabilities(self) -> np.ndarray:
        """Object array of the exact probability of the edge into each node."""
        if self._exact_prob is not None:
            return self._exact_prob
        out = np.array([Fraction(float(p)) for p in self._arrays.prob], dtype=object)
        out.setflags(write=False)
        return out

    @property
    def exact_payoffs(self) -> np.ndarray:
        """Object array ``(num_nodes, num_players)`` of exact payoffs (zero off terminals)."""
        if self._exact_payoffs is not None:
            return self._exact_payoffs
        pay = self._arrays.payoffs
        out = np.array([Fraction(float(x)) for x in pay.ravel()] + [None], dtype=object)
        out = out[:-1].reshape(pay.shape)
        out.setflags(write=False)
        return out

    def as_lists(self, *names: str) -> tuple[list[Any], ...]:
        """Plain Python lists of some arrays (``"kind"``, ``"child_start"``, ...,
        ``"payoffs"``, ``"exact_payoffs"``, ``"prob"``, ``"exact_prob"``), made once and kept.

        For solvers that loop node by node: indexing a list is several times faster than
        indexing an array one element at a time.  Do not modify them.
        """
        out = []
        for name in names:
            if name not in self._lists:
                if name == "exact_payoffs":
                    self._lists[name] = self.exact_payoffs.tolist()
                elif name == "exact_prob":
                    self._lists[name] = self.exact_probabilities.tolist()
                else:
                    self._lists[name] = getattr(self._arrays, name).tolist()
            out.append(self._lists[name])
        return tuple(out)

    @property
    def terminals(self) -> np.ndarray:
        """Indices of the terminal nodes."""
        return np.flatnonzero(self._arrays.kind == TERMINAL)

    # ------------------------------------------------------------------ information sets
    @property
    def num_infosets(self) -> int:
        """The number of information sets (of all players)."""
        return len(self._infoset_label)

    @property
    def infoset_nodes(self) -> tuple[tuple[int, ...], ...]:
        """The nodes of each information set, by index."""
        if self._infoset_nodes is None:
            h = self._arrays.infoset
            order = np.argsort(h, kind="stable")
            order = order[h[order] >= 0]
            bounds = np.searchsorted(h[order], np.arange(self.num_infosets + 1))
            self._infoset_nodes = tuple(
                tuple(int(v) for v in order[bounds[k] : bounds[k + 1]])
                for k in range(self.num_infosets)
            )
        return self._infoset_nodes

    @property
    def infoset_player(self) -> np.ndarray:
        """The player index of each information set."""
        return self._infoset_player

    def infoset_moves(self, h: int) -> tuple[str, ...]:
        """The move labels of information set ``h``."""
        return self._infoset_moves[h]

    def infoset_label(self, h: int) -> str:
        """The label of information set ``h`` (given, or its node's label, or its path)."""
        lab = self._infoset_label[h]
        if lab is not None:
            return lab
        return self.node_label(self.infoset_nodes[h][0])

    @property
    def infosets(self) -> tuple[InformationSet, ...]:
        """Every information set, as :class:`InformationSet` objects.

        Examples
        --------
        >>> t = GameTree(chance({"H": ("1/2", decision("B", {"x": terminal(B=1)}, infoset="b")),
        ...                      "T": ("1/2", decision("B", {"x": terminal(B=0)}, infoset="b"))}))
        >>> t.infosets
        (InformationSet(index=0, player='B', label='b', moves=('x',), nodes=(1, 2)),)
        """
        if self._infosets is None:
            self._infosets = tuple(
                InformationSet(
                    h,
                    self._players[int(self._infoset_player[h])],
                    self.infoset_label(h),
                    self._infoset_moves[h],
                    self.infoset_nodes[h],
                )
                for h in range(self.num_infosets)
            )
        return self._infosets

    def infosets_of(self, player: str | int) -> tuple[int, ...]:
        """Indices of the information sets of one player, in order."""
        i = self.player_index(player)
        return tuple(int(h) for h in np.flatnonzero(self._infoset_player == i))

    def infoset_index(self, label: str) -> int:
        """The index of the information set with this label."""
        for h in range(self.num_infosets):
            if self.infoset_label(h) == label:
                return h
        raise UnknownLabelError(f"no information set labeled {label!r}")

    @property
    def is_perfect_information(self) -> bool:
        """Whether every information set has a single node."""
        h = self._arrays.infoset
        h = h[h >= 0]
        return bool(h.size == 0 or np.bincount(h).max() <= 1)

    @property
    def has_perfect_recall(self) -> bool:
        """Whether every player remembers its own earlier information sets and moves.

        True when all nodes of each information set have the same sequence of (own
        information set, own move) on their paths from the root.
        """
        if self._perfect_recall is None:
            ok = True
            for members in self.infoset_nodes:
                if len(members) < 2:
                    continue
                seqs = {self._own_history(v) for v in members}
                if len(seqs) > 1:
                    ok = False
                    break
            self._perfect_recall = ok
        return self._perfect_recall

    def _own_history(self, v: int) -> tuple[tuple[int, int], ...]:
        a = self._arrays
        i = int(a.player[v])
        out = []
        u = v
        while a.parent[u] >= 0:
            p = int(a.parent[u])
            if a.player[p] == i:
                out.append((int(a.infoset[p]), int(a.move[u])))
            u = p
        return tuple(reversed(out))

    # ------------------------------------------------------------------ node lookups
    def player_index(self, player: str | int) -> int:
        """Index of a player given by label (or index, checked)."""
        if isinstance(player, int | np.integer) and not isinstance(player, bool):
            if not 0 <= player < self.num_players:
                raise UnknownLabelError(f"player index {player} out of range")
            return int(player)
        try:
            return self._players.index(str(player))
        except ValueError:
            raise UnknownLabelError(
                f"unknown player {player!r}; the players are {list(self._players)}"
            ) from None

    def _node(self, v: int | str) -> int:
        if isinstance(v, str):
            try:
                return self._label_index[v]
            except KeyError:
                raise UnknownLabelError(f"no node labeled {v!r}") from None
        if not 0 <= int(v) < self.num_nodes:
            raise UnknownLabelError(f"node index {v} out of range")
        return int(v)

    def kind(self, v: int | str) -> str:
        """``"decision"``, ``"chance"`` or ``"terminal"``."""
        return _KIND_NAMES[int(self._arrays.kind[self._node(v)])]

    def children(self, v: int | str) -> tuple[int, ...]:
        """The children of a node, in move order."""
        v = self._node(v)
        s = int(self._arrays.child_start[v])
        return tuple(range(s, s + int(self._arrays.num_children[v])))

    def parent(self, v: int | str) -> int:
        """The parent of a node (-1 at the root)."""
        return int(self._arrays.parent[self._node(v)])

    def moves(self, v: int | str) -> tuple[str, ...]:
        """The move labels at a node (empty at a terminal)."""
        return self._node_moves[self._node(v)]

    def mover(self, v: int | str) -> str | None:
        """The player who moves at a decision node (``None`` elsewhere)."""
        i = int(self._arrays.player[self._node(v)])
        return self._players[i] if i >= 0 else None

    def infoset(self, v: int | str) -> int:
        """The information set of a decision node (-1 elsewhere)."""
        return int(self._arrays.infoset[self._node(v)])

    def probabilities(self, v: int | str) -> dict[str, Fraction | float]:
        """A chance node's probabilities by move (Fractions when exact)."""
        v = self._node(v)
        if self._arrays.kind[v] != CHANCE:
            raise InvalidGameError(f"node {self.node_label(v)!r} is not a chance node")
        src = self._exact_prob if self._exact_prob is not None else self._arrays.prob
        return {m: src[c] for m, c in zip(self.moves(v), self.children(v), strict=True)}

    def payoff(self, v: int | str) -> dict[str, float]:
        """A terminal's payoffs by player."""
        v = self._node(v)
        if self._arrays.kind[v] != TERMINAL:
            raise InvalidGameError(f"node {self.node_label(v)!r} is not a terminal")
        return {p: float(x) for p, x in zip(self._players, self._arrays.payoffs[v], strict=True)}

    def path(self, v: int | str) -> tuple[str, ...]:
        """The moves from the root to a node."""
        v = self._node(v)
        a = self._arrays
        out = []
        while a.parent[v] >= 0:
            out.append(self._node_moves[int(a.parent[v])][int(a.move[v])])
            v = int(a.parent[v])
        return tuple(reversed(out))

    def find_path(self, moves: Sequence[str]) -> int:
        """The node reached from the root by a sequence of moves."""
        v = 0
        for m in moves:
            try:
                k = self._node_moves[v].index(m)
            except ValueError:
                raise UnknownLabelError(
                    f"no move {m!r} at node {self.node_label(v)!r}; its moves are "
                    f"{list(self._node_moves[v])}"
                ) from None
            v = int(self._arrays.child_start[v]) + k
        return v

    def node_label(self, v: int | str) -> str:
        """A node's label, or its path of moves (``"root"`` for an unlabeled root)."""
        v = self._node(v)
        lab = self._node_label[v]
        if lab is not None:
            return lab
        p = self.path(v)
        return " > ".join(p) if p else "root"

    def given_label(self, v: int | str) -> str | None:
        """The label given to a node at construction (``None`` if it has none)."""
        return self._node_label[self._node(v)]

    def find(self, label: str) -> int:
        """The index of the node with this label."""
        return self._node(label)

    # ------------------------------------------------------------------ conversions
    def to_normal_form(self, reduced: bool = True, *, max_profiles: int = 10**6) -> NormalFormGame:
        """The (reduced) normal form; see :func:`crisisgames.games.tree_strategies.to_normal_form`."""
        from crisisgames.games.tree_strategies import to_normal_form

        return to_normal_form(self, reduced=reduced, max_profiles=max_profiles)

    # ------------------------------------------------------------------ comparison / display
    def _key(self) -> tuple[Any, ...]:
        a = self._arrays
        return (
            self._players,
            self._node_label,
            self._node_moves,
            tuple(self.infoset_label(h) for h in range(self.num_infosets)),
            a.kind.tobytes(),
            a.parent.tobytes(),
            a.player.tobytes(),
            a.infoset.tobytes(),
            tuple(self.exact_probabilities.tolist()) if self.has_exact_values else a.prob.tobytes(),
            tuple(map(tuple, self.exact_payoffs.tolist()))
            if self.has_exact_values
            else (a.payoffs + 0.0).tobytes(),
        )

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, GameTree):
            return NotImplemented
        return self._key() == other._key()

    def __hash__(self) -> int:
        return hash(self._key())

    def _value_text(self, v: int) -> str:
        src = self._exact_payoffs if self._exact_payoffs is not None else self._arrays.payoffs
        return "(" + ", ".join(format_value(x) for x in src[v]) + ")"

    def _node_text(self, v: int) -> str:
        a = self._arrays
        k = int(a.kind[v])
        lab = self._node_label[v]
        tag = f"[{lab}] " if lab is not None else ""
        if k == TERMINAL:
            return tag + self._value_text(v)
        if k == CHANCE:
            return tag + "chance"
        h = int(a.infoset[v])
        text = tag + self._players[int(a.player[v])]
        if self._infoset_label[h] is not None and self._infoset_label[h] != lab:
            text += f" {{{self._infoset_label[h]}}}"
        return text

    def lines(self, max_lines: int = 200) -> Iterator[str]:
        """The tree as indented text, one node a line (depth first), at most ``max_lines``."""
        a = self._arrays
        stack: list[tuple[int, int]] = [(0, 0)]
        count = 0
        src = self._exact_prob if self._exact_prob is not None else a.prob
        while stack:
            v, indent = stack.pop()
            if count == max_lines:
                yield f"... ({self.num_nodes - count} more nodes)"
                return
            count += 1
            if v == 0:
                yield self._node_text(v)
            else:
                par = int(a.parent[v])
                m = self._node_moves[par][int(a.move[v])]
                if a.kind[par] == CHANCE:
                    m += f" ({format_value(src[v])})"
                yield "  " * indent + f"{m}: " + self._node_text(v)
            kids = range(int(a.child_start[v]), int(a.child_start[v] + a.num_children[v]))
            stack.extend((c, indent + 1) for c in reversed(kids))

    def __str__(self) -> str:
        head = (
            f"GameTree{': ' + self._title if self._title else ''}: players "
            f"{', '.join(self._players)}; {self.num_nodes} nodes, "
            f"{self.num_infosets} information set{'s' if self.num_infosets != 1 else ''}"
        )
        return "\n".join([head, *self.lines()])

    def __repr__(self) -> str:
        return (
            f"<GameTree {', '.join(self._players)}: {self.num_nodes} nodes, "
            f"{self.num_infosets} information sets>"
        )
