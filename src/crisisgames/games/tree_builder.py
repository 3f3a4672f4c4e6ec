"""The builder of game trees: :func:`decision`, :func:`chance`, :func:`terminal`.

The builder objects are plain frozen values describing a tree the way it is drawn; a
:class:`~crisisgames.games.extensive_form.GameTree` reads them (or the same as nested
dicts, or a flat list of nodes) and validates the whole tree once.  This module also reads
each node's description whatever its form (``_raw``, ``_raw_record``) and checks labels,
probabilities and payoffs one value at a time.

Examples
--------
>>> from crisisgames.games.extensive_form import GameTree
>>> ultimatum = decision("US", {
...     "demand": decision("USSR", {"comply": terminal(US=1, USSR=-4),
...                                 "defy": terminal(US=-2, USSR=2)}),
...     "wait": terminal(US=0, USSR=0)})
>>> GameTree(ultimatum).num_nodes
5
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from fractions import Fraction
from typing import Any, NamedTuple

import numpy as np

from crisisgames.errors import InvalidGameError, InvalidLabelError, InvalidPayoffError
from crisisgames.games.normal_form import to_fraction

__all__ = [
    "CHANCE",
    "DECISION",
    "PROB_TOL",
    "TERMINAL",
    "Chance",
    "Decision",
    "Terminal",
    "chance",
    "decision",
    "terminal",
]

TERMINAL, DECISION, CHANCE = 0, 1, 2
_KIND_NAMES = {TERMINAL: "terminal", DECISION: "decision", CHANCE: "chance"}

#: Float chance probabilities may miss a sum of one by this much (rounding of e.g. 0.1 + 0.2).
PROB_TOL = 1e-9


# ============================================================================ the builder


@dataclass(frozen=True)
class Terminal:
    """A terminal node: one payoff per player.  Build it with :func:`terminal`."""

    payoffs: tuple[tuple[str, Any], ...]
    label: str | None = None


@dataclass(frozen=True)
class Decision:
    """A decision node: a player chooses a move.  Build it with :func:`decision`."""

    player: str
    moves: tuple[tuple[str, Any], ...]
    infoset: str | None = None
    label: str | None = None


@dataclass(frozen=True)
class Chance:
    """A chance node: nature draws a move.  Build it with :func:`chance`."""

    outcomes: tuple[tuple[str, Any, Any], ...]
    label: str | None = None


def terminal(
    payoffs: Mapping[str, Any] | None = None, /, *, label: str | None = None, **by_player: Any
) -> Terminal:
    """A terminal node with each player's payoff.

    Parameters
    ----------
    payoffs
        ``{player: payoff}`` (needed when a player's label is not a Python name).
    label
        The node's label (unique in the tree), e.g. ``"war"``.
    **by_player
        Payoffs as keywords, ``terminal(US=1, USSR=-4)``.  Payoffs may be ints, floats,
        Fractions or strings such as ``"1/3"``.

    Examples
    --------
    >>> terminal(US=1, USSR=-4)
    Terminal(payoffs=(('US', 1), ('USSR', -4)), label=None)
    >>> terminal({"Player 1": "1/2"}, label="draw").payoffs
    (('Player 1', '1/2'),)
    """
    merged = dict(payoffs or {})
    for p, v in by_player.items():
        if p in merged:
            raise InvalidLabelError(f"terminal: payoff of {p!r} given twice")
        merged[p] = v
    return Terminal(tuple(merged.items()), label)


def decision(
    player: str, moves: Mapping[str, Any], *, infoset: str | None = None, label: str | None = None
) -> Decision:
    """A decision node of ``player`` with its moves and the subtree after each.

    Parameters
    ----------
    player
        The player who moves.
    moves
        ``{move label: subtree}``, in the order the moves are to be listed.
    infoset
        The label of the node's information set; nodes sharing it form one set.  Without
        it the node is alone in its set (the player knows where it is).
    label
        The node's label (unique in the tree).

    Examples
    --------
    >>> node = decision("USSR", {"withdraw": terminal(US=1, USSR=-4),
    ...                          "defy": terminal(US=-2, USSR=2)}, infoset="USSR, threatened")
    >>> [m for m, _ in node.moves], node.infoset
    (['withdraw', 'defy'], 'USSR, threatened')
    """
    if not isinstance(moves, Mapping):
        raise InvalidGameError(f"decision of {player!r}: moves must be a mapping {{move: subtree}}")
    return Decision(player, tuple(moves.items()), infoset, label)


def chance(outcomes: Mapping[str, tuple[Any, Any]], *, label: str | None = None) -> Chance:
    """A chance node: ``{move label: (probability, subtree)}``.

    Probabilities may be exact (``"1/3"``, ``Fraction(1, 3)``, ints) or floats; they must
    lie in [0, 1] and sum to one (exactly when all are exact, within ``1e-9`` otherwise).

    Examples
    --------
    >>> node = chance({"hard": ("1/3", terminal(US=0)), "soft": ("2/3", terminal(US=1))})
    >>> [(m, p) for m, p, _ in node.outcomes]
    [('hard', '1/3'), ('soft', '2/3')]
    """
    if not isinstance(outcomes, Mapping):
        raise InvalidGameError("chance: outcomes must be a mapping {move: (probability, subtree)}")
    items = []
    for m, pair in outcomes.items():
        if not isinstance(pair, tuple | list) or len(pair) != 2:
            raise InvalidGameError(
                f"chance move {m!r}: expected a pair (probability, subtree), got {pair!r}"
            )
        items.append((m, pair[0], pair[1]))
    return Chance(tuple(items), label)


class _Raw(NamedTuple):
    """One node's description, whatever form it was given in."""

    kind: int
    player: str | None
    infoset: str | None
    label: str | None
    moves: list[str]
    probs: list[Any]
    children: list[Any]
    payoffs: Mapping[str, Any] | None


class _Where:
    """Where a node is, for error messages, worked out only when an error is raised
    (walking up to the root for every node would make building a deep tree quadratic)."""

    __slots__ = ("_fn",)

    def __init__(self, fn: Any) -> None:
        self._fn = fn

    def __str__(self) -> str:
        return str(self._fn())

    def __format__(self, spec: str) -> str:
        return format(str(self), spec)


def _check_label(value: Any, what: str, where: Any = None) -> str:
    if not isinstance(value, str) or not value.strip():
        prefix = f"{where}: " if where is not None else ""
        raise InvalidLabelError(f"{prefix}{what} must be a non-empty string, got {value!r}")
    return value


def _raw(obj: Any, where: str) -> _Raw:
    """Read a node given as a builder object or a dict."""
    if isinstance(obj, Terminal):
        return _Raw(TERMINAL, None, None, obj.label, [], [], [], dict(obj.payoffs))
    if isinstance(obj, Decision):
        return _Raw(
            DECISION,
            obj.player,
            obj.infoset,
            obj.label,
            [m for m, _ in obj.moves],
            [],
            [c for _, c in obj.moves],
            None,
        )
    if isinstance(obj, Chance):
        return _Raw(
            CHANCE,
            None,
            None,
            obj.label,
            [m for m, _, _ in obj.outcomes],
            [p for _, p, _ in obj.outcomes],
            [c for _, _, c in obj.outcomes],
            None,
        )
    if isinstance(obj, Mapping):
        keys = set(obj)
        if "payoffs" in keys:
            extra = keys - {"payoffs", "label"}
            if extra:
                raise InvalidGameError(f"{where}: unknown field(s) {sorted(extra)} of a terminal")
            if not isinstance(obj["payoffs"], Mapping):
                raise InvalidGameError(f"{where}: payoffs must be a mapping {{player: payoff}}")
            return _Raw(TERMINAL, None, None, obj.get("label"), [], [], [], obj["payoffs"])
        if "player" in keys:
            extra = keys - {"player", "moves", "infoset", "label"}
            if extra:
                raise InvalidGameError(f"{where}: unknown field(s) {sorted(extra)} of a decision")
            moves = obj.get("moves")
            if not isinstance(moves, Mapping):
                raise InvalidGameError(f"{where}: 'moves' must be a mapping {{move: subtree}}")
            return _Raw(
                DECISION,
                obj["player"],
                obj.get("infoset"),
                obj.get("label"),
                list(moves),
                [],
                list(moves.values()),
                None,
            )
        if "chance" in keys:
            extra = keys - {"chance", "label"}
            if extra:
                raise InvalidGameError(
                    f"{where}: unknown field(s) {sorted(extra)} of a chance node"
                )
            c = chance(obj["chance"])
            return _Raw(
                CHANCE,
                None,
                None,
                obj.get("label"),
                [m for m, _, _ in c.outcomes],
                [p for _, p, _ in c.outcomes],
                [s for _, _, s in c.outcomes],
                None,
            )
        raise InvalidGameError(
            f"{where}: a node dict needs 'player' (decision), 'chance' or 'payoffs' (terminal); "
            f"got keys {sorted(keys)}"
        )
    raise InvalidGameError(
        f"{where}: expected a node (decision(...), chance(...), terminal(...) or a dict), "
        f"got {type(obj).__name__}"
    )


def _raw_record(rec: Any, k: int) -> _Raw:
    """Read one record of :meth:`GameTree.from_nodes` (children given by index)."""
    where = f"node {k}"
    if not isinstance(rec, Mapping):
        raise InvalidGameError(f"{where}: expected a mapping, got {type(rec).__name__}")
    kind = rec.get("kind")
    if kind not in ("decision", "chance", "terminal"):
        raise InvalidGameError(f"{where}: 'kind' must be 'decision', 'chance' or 'terminal'")
    if kind == "terminal":
        pay = rec.get("payoffs")
        if not isinstance(pay, Mapping):
            raise InvalidGameError(f"{where}: a terminal needs payoffs {{player: payoff}}")
        return _Raw(TERMINAL, None, None, rec.get("label"), [], [], [], pay)
    moves = list(rec.get("moves", ()))
    children = list(rec.get("children", ()))
    if len(children) != len(moves):
        raise InvalidGameError(
            f"{where}: {len(moves)} move label(s) but {len(children)} child index(es)"
        )
    for c in children:
        if isinstance(c, bool) or not isinstance(c, int | np.integer):
            raise InvalidGameError(f"{where}: child indices must be integers, got {c!r}")
    if kind == "decision":
        return _Raw(
            DECISION,
            rec.get("player"),
            rec.get("infoset"),
            rec.get("label"),
            moves,
            [],
            children,
            None,
        )
    probs = list(rec.get("probs", ()))
    if len(probs) != len(moves):
        raise InvalidGameError(f"{where}: {len(moves)} move(s) but {len(probs)} probabilities")
    return _Raw(CHANCE, None, None, rec.get("label"), moves, probs, children, None)


def _probability(value: Any, where: Any, move: str) -> tuple[float, Fraction | None]:
    """A probability as a float, and as a Fraction when given exactly."""
    if isinstance(value, bool):
        raise InvalidPayoffError(
            f"{where}, move {move!r}: probability {value!r} is a boolean, not a number"
        )
    if isinstance(value, float | np.floating):
        f = float(value)
        exact = None
    else:
        try:
            exact = to_fraction(value, what="probability")
        except InvalidPayoffError as exc:
            raise InvalidPayoffError(f"{where}, move {move!r}: {exc}") from None
        f = float(exact)
    if not math.isfinite(f) or f < 0 or f > 1 or (exact is not None and not 0 <= exact <= 1):
        raise InvalidPayoffError(f"{where}, move {move!r}: probability {value!r} is outside [0, 1]")
    return f, exact


def _payoff(value: Any, where: Any, player: str) -> tuple[float, Fraction | None]:
    if isinstance(value, bool | np.bool_):
        raise InvalidPayoffError(
            f"{where}: payoff of {player!r} {value!r} is a boolean, not a number"
        )
    if isinstance(value, float | np.floating):
        f = float(value)
        if not math.isfinite(f):
            raise InvalidPayoffError(
                f"{where}: payoff of {player!r} is {value!r}; payoffs must be finite"
            )
        return f, None
    if isinstance(value, int | np.integer) and abs(int(value)) < 2**53:
        return float(value), None
    try:
        exact = to_fraction(value, what="payoff")
    except InvalidPayoffError as exc:
        raise InvalidPayoffError(f"{where}: payoff of {player!r}: {exc}") from None
    f = float(exact)
    return f, (None if Fraction(f) == exact else exact)
