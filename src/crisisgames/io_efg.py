"""Gambit extensive-form (``.efg``) files: :func:`read_efg` and :func:`write_efg`.

The format (Gambit's "The extensive game (.efg) file format"): a prologue
``EFG 2 R "title" { "player 1" "player 2" } "optional comment"``, then the nodes in prefix
order (a node, then the subtrees of its children, first to last), one entry each:

* ``p "node name" player infoset ["infoset name" { "move" ... }] outcome [...]``
* ``c "node name" event ["event name" { "move" probability ... }] outcome [...]``
* ``t "node name" outcome ["outcome name" { payoff, payoff ... }]``

where an outcome is ``0`` (none) or a number with, at its first appearance, a name and one
payoff per player.  Information sets are numbered per player, chance events and outcomes
over the file; repeated ones may omit their description.  Outcomes at non-terminal nodes add
their payoffs to every terminal below them, which is how :func:`read_efg` stores them (a
:class:`~crisisgames.games.extensive_form.GameTree` has payoffs at terminals only).

Numbers are read exactly (``1/3``, ``0.5``, ``2``); labels are kept, except that blank or
repeated node, player and move labels are made valid (blank node names dropped, repeated
ones suffixed ``_1``, ``_2``...).

Examples
--------
>>> from crisisgames.games.extensive_form import GameTree, decision, terminal
>>> t = GameTree(decision("US", {"blockade": terminal(US=1, USSR="1/3"),
...                              "air strike": terminal(US=-1, USSR=-1)}), title="Cuba")
>>> print(write_efg(t))
EFG 2 R "Cuba" { "US" "USSR" }
""
<BLANKLINE>
p "" 1 1 "root" { "blockade" "air strike" } 0
t "" 1 "" { 1, 1/3 }
t "" 2 "" { -1, -1 }
<BLANKLINE>
>>> read_efg(write_efg(t)) == t
True
"""

from __future__ import annotations

import os
from fractions import Fraction
from pathlib import Path
from typing import Any

from crisisgames.errors import InvalidGameError
from crisisgames.games.extensive_form import CHANCE, DECISION, TERMINAL, GameTree
from crisisgames.io import (
    _describe,
    _nfg_number,
    _NfgError,
    _normalize_labels,
    _quote,
    _read_text,
    _Token,
    _tokenize,
)

__all__ = ["read_efg", "write_efg"]

PathLike = str | os.PathLike[str]


class _EfgError(_NfgError):
    """Error messages pointing at a line and column of an .efg file."""

    def __call__(self, pos: int, message: str) -> InvalidGameError:
        line = self.text.count("\n", 0, pos) + 1
        col = pos - (self.text.rfind("\n", 0, pos) + 1) + 1
        return InvalidGameError(f"malformed .efg file, line {line}, column {col}: {message}")


class _Reader:
    def __init__(self, text: str) -> None:
        self.error = _EfgError(text)
        self.tokens = _tokenize(text, self.error)
        self.pos = 0

    def peek(self) -> _Token:
        return self.tokens[self.pos]

    def take(self) -> _Token:
        tok = self.tokens[self.pos]
        if tok.kind != "eof":
            self.pos += 1
        return tok

    def expect(self, kind: str, what: str) -> _Token:
        tok = self.take()
        if tok.kind != kind:
            raise self.error(tok.pos, f"expected {what}, found {_describe(tok)}")
        return tok

    def number(self, what: str) -> Fraction:
        tok = self.expect("number", what)
        try:
            return Fraction(tok.text)
        except ZeroDivisionError:
            raise self.error(tok.pos, f"{what} {tok.text!r} divides by zero") from None

    def index(self, what: str, lowest: int) -> tuple[int, int]:
        tok = self.peek()
        value = self.number(what)
        if value.denominator != 1 or value < lowest:
            raise self.error(tok.pos, f"{what} must be an integer >= {lowest}, not {tok.text}")
        return int(value), tok.pos

    def outcome(self, outcomes: dict[int, list[Fraction]], n: int) -> list[Fraction] | None:
        """An outcome reference with its optional description; its payoffs (None for 0)."""
        k, at = self.index("an outcome number", 0)
        if self.peek().kind == "text":
            self.take()
            self.expect("{", "'{' opening the outcome's payoffs")
            values = []
            while self.peek().kind in ("number", ","):
                if self.take().kind == "number":
                    tok = self.tokens[self.pos - 1]
                    values.append(Fraction(tok.text))
            self.expect("}", "a payoff or '}' closing the outcome")
            if k == 0:
                raise self.error(at, "outcome 0 (the null outcome) takes no name or payoffs")
            if len(values) != n:
                raise self.error(
                    at, f"outcome {k} has {len(values)} payoff(s); expected {n}, one per player"
                )
            if k in outcomes and outcomes[k] != values:
                raise self.error(at, f"outcome {k} is described twice, differently")
            outcomes[k] = values
        if k == 0:
            return None
        if k not in outcomes:
            raise self.error(at, f"outcome {k} is used before its payoffs are given")
        return outcomes[k]


def read_efg(path_or_text: PathLike) -> GameTree:
    """Read a Gambit extensive-form (``.efg``) file.

    Parameters
    ----------
    path_or_text
        The file's path, or its text (a string starting with ``EFG``).

    Returns
    -------
    GameTree
        With the file's title, players, information sets (labeled by their names, or
        ``"player #number"`` when a name is blank or shared), moves and exact numbers.

    Raises
    ------
    InvalidGameError
        If the file is malformed (the message gives the line and column) or describes an
        invalid game (probabilities not summing to one, ...).

    Examples
    --------
    Gambit's ``nim.efg`` starts like this (one pile of stones; take one or two):

    >>> t = read_efg('''EFG 2 R "Nim, two stones" { "Player 1" "Player 2" } ""
    ... p "2 left" 1 1 "(1,1)" { "TAKE 1" "TAKE 2" } 0
    ... p "1 left" 2 1 "(2,1)" { "TAKE 1" } 0
    ... t "0 left" 1 "Outcome 1" { -1, 1 }
    ... t "0 left" 2 "Outcome 2" { 1, -1 }''')
    >>> t.players, t.num_nodes
    (('Player 1', 'Player 2'), 4)
    >>> [t.node_label(v) for v in range(4)]  # breadth first; repeated names made unique
    ['2 left', '1 left', '0 left_2', '0 left_1']
    """
    r = _Reader(_read_text(path_or_text, header="EFG"))
    first = r.take()
    if first.kind != "symbol" or first.text != "EFG":
        raise r.error(
            first.pos,
            "missing header: an extensive-form file begins with "
            f"'EFG 2 R \"title\"', found {_describe(first)}",
        )
    version = r.take()
    if version.text != "2":
        raise r.error(version.pos, f"unsupported EFG version {version.text!r}; expected 2")
    data_type = r.take()
    if data_type.text not in ("R", "D"):
        raise r.error(data_type.pos, f"expected the data type 'R', found {_describe(data_type)}")
    title = r.expect("text", "the game's title (a quoted string)").text
    r.expect("{", "'{' opening the list of players")
    players: list[str] = []
    while r.peek().kind == "text":
        players.append(r.take().text)
    close = r.expect("}", "a quoted player name or '}'")
    if not players:
        raise r.error(close.pos, "the game has no players")
    if r.peek().kind == "text":  # optional comment
        r.take()
    n = len(players)
    players = _normalize_labels(players, "P{}")

    records: list[dict[str, Any]] = []
    extra: list[list[Fraction]] = []  # payoffs accumulated from outcomes on the path
    infosets: dict[tuple[int, int], tuple[str, list[str]]] = {}
    events: dict[int, tuple[list[str], list[Fraction]]] = {}
    outcomes: dict[int, list[Fraction]] = {}
    names: list[str] = []
    keys: list[tuple[int, int] | None] = []
    stack: list[list[int]] = []  # [node, children still to read]
    zero = [Fraction(0)] * n
    while True:
        tok = r.peek()
        if tok.kind == "eof":
            break
        if records and not stack:
            raise r.error(tok.pos, "a node after the tree is complete")
        kind = r.take()
        if kind.kind != "symbol" or kind.text not in ("p", "c", "t"):
            raise r.error(
                kind.pos, f"expected a node type 'p', 'c' or 't', found {_describe(kind)}"
            )
        name = r.expect("text", "the node's name (a quoted string)").text
        v = len(records)
        inherited = extra[stack[-1][0]] if stack else zero
        if stack:
            records[stack[-1][0]]["children"].append(v)
            stack[-1][1] -= 1
            if stack[-1][1] == 0:
                stack.pop()
        rec: dict[str, Any] = {}
        key: tuple[int, int] | None = None
        if kind.text == "t":
            pay = r.outcome(outcomes, n)
            total = [x + y for x, y in zip(inherited, pay or zero, strict=True)]
            rec = {"kind": "terminal", "payoffs": dict(zip(players, total, strict=True))}
            extra.append(total)
        elif kind.text == "p":
            player, at = r.index("a player number", 1)
            if player > n:
                raise r.error(at, f"player {player} does not exist (there are {n})")
            h, at = r.index("an information-set number", 1)
            key = (player, h)
            if r.peek().kind == "text":
                hname = r.take().text
                r.expect("{", "'{' opening the information set's moves")
                moves = []
                while r.peek().kind == "text":
                    moves.append(r.take().text)
                r.expect("}", "a quoted move name or '}'")
                moves = _normalize_labels(moves, "a{}")
                if key in infosets and infosets[key][1] != moves:
                    raise r.error(
                        at,
                        f"information set {h} of player {player} is described "
                        "twice, with different moves",
                    )
                infosets.setdefault(key, (hname, moves))
            elif key not in infosets:
                raise r.error(
                    at, f"information set {h} of player {player} is used before its moves are given"
                )
            moves = infosets[key][1]
            pay = r.outcome(outcomes, n)
            extra.append([x + y for x, y in zip(inherited, pay or zero, strict=True)])
            rec = {
                "kind": "decision",
                "player": players[player - 1],
                "moves": moves,
                "children": [],
            }
        else:
            e, at = r.index("a chance event number", 1)
            if r.peek().kind == "text":
                r.take()
                r.expect("{", "'{' opening the chance moves")
                moves, probs = [], []
                while r.peek().kind == "text":
                    moves.append(r.take().text)
                    probs.append(r.number("a probability"))
                r.expect("}", "a quoted move name or '}'")
                moves = _normalize_labels(moves, "a{}")
                if e in events and events[e] != (moves, probs):
                    raise r.error(at, f"chance event {e} is described twice, differently")
                events.setdefault(e, (moves, probs))
            elif e not in events:
                raise r.error(at, f"chance event {e} is used before its moves are given")
            moves, probs = events[e]
            pay = r.outcome(outcomes, n)
            extra.append([x + y for x, y in zip(inherited, pay or zero, strict=True)])
            rec = {"kind": "chance", "moves": moves, "probs": probs, "children": []}
        records.append(rec)
        names.append(name)
        keys.append(key)
        if kind.text != "t":
            if not rec["moves"]:
                raise r.error(kind.pos, "a node without moves")
            stack.append([v, len(rec["moves"])])
    if not records:
        raise r.error(r.peek().pos, "the file has no nodes")
    if stack:
        raise r.error(r.peek().pos, "the file ends before the tree is complete")
    # Labels: node names made unique; information sets named by their Gambit name when it is
    # unique and not another node's name, else "player #number".
    blank = [not s.strip() for s in names]
    node_labels = _normalize_labels([s if s.strip() else "\x00" for s in names], "{}")
    used = {lab for lab, b in zip(node_labels, blank, strict=True) if not b}
    counts: dict[str, int] = {}
    for hname, _ in infosets.values():
        counts[hname] = counts.get(hname, 0) + 1
    for v, rec in enumerate(records):
        if not blank[v]:
            rec["label"] = node_labels[v]
        key = keys[v]
        if key is not None:
            hname = infosets[key][0]
            ok = (
                hname.strip()
                and counts[hname] == 1
                and (hname not in used or rec.get("label") == hname)
            )
            rec["infoset"] = hname if ok else f"{players[key[0] - 1]} #{key[1]}"
    return GameTree.from_nodes(records, players, title=title)


def write_efg(tree: GameTree, path: PathLike | None = None) -> str:
    """Write a game tree as a Gambit extensive-form (``.efg``) file.

    Nodes are written in prefix order, one a line; information sets are numbered per
    player and chance events over the file in order of appearance, and each terminal has
    its own outcome.  Exact values are written as fractions (``1/3``), floats as their
    shortest decimal (read back as that decimal's exact value).

    Parameters
    ----------
    tree
        The tree.
    path
        If given, the text is also written to this file.

    Returns
    -------
    str
        The file's text.
    """
    if not isinstance(tree, GameTree):
        raise TypeError(f"expected a GameTree, got {type(tree).__name__}")
    a = tree.arrays
    exact = tree.has_exact_values
    pay = tree.exact_payoffs if exact else a.payoffs
    prob = tree.exact_probabilities if exact else a.prob
    lines = [
        f"EFG 2 R {_quote(tree.title)} {{ " + " ".join(_quote(p) for p in tree.players) + " }",
        '""',
        "",
    ]
    numbers: dict[int, int] = {}  # information set -> its number within the player
    per_player = [0] * tree.num_players
    seen_sets: set[int] = set()
    events = 0
    outcomes = 0
    stack = [0]
    while stack:
        v = stack.pop()
        label = _quote(tree.given_label(v) or "")  # blank for unlabeled nodes
        k = int(a.kind[v])
        if k == TERMINAL:
            outcomes += 1
            values = ", ".join(_nfg_number(x) for x in pay[v])
            lines.append(f't {label} {outcomes} "" {{ {values} }}')
            continue
        kids = tree.children(v)
        if k == DECISION:
            h = int(a.infoset[v])
            i = int(a.player[v])
            if h not in numbers:
                per_player[i] += 1
                numbers[h] = per_player[i]
            desc = ""
            if h not in seen_sets:
                seen_sets.add(h)
                moves = " ".join(_quote(m) for m in tree.infoset_moves(h))
                desc = f" {_quote(tree.infoset_label(h))} {{ {moves} }}"
            lines.append(f"p {label} {i + 1} {numbers[h]}{desc} 0")
        elif k == CHANCE:
            events += 1
            moves = " ".join(
                f"{_quote(m)} {_nfg_number(prob[c])}"
                for m, c in zip(tree.moves(v), kids, strict=True)
            )
            lines.append(f'c {label} {events} "" {{ {moves} }} 0')
        stack.extend(reversed(kids))
    text = "\n".join(lines) + "\n"
    if path is not None:
        Path(path).write_text(text, encoding="utf-8")
    return text
