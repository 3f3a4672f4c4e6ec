"""Reading and writing games and equilibria: JSON, and Gambit's strategic-form ``.nfg`` files.

JSON
    :func:`to_json` and :func:`from_json` save and load a :class:`~crisisgames.NormalFormGame`
    or an :class:`~crisisgames.EquilibriumSet` without losing a bit: exact payoffs and
    probabilities are stored as fraction strings (``"1/3"``), floats as JSON numbers (written
    with :func:`repr`, which reads back to the same float).  Every document carries a
    ``"type"`` field (``"NormalFormGame"`` or ``"EquilibriumSet"``) and the
    ``"crisisgames_version"`` that wrote it.  :func:`to_dict` / :func:`from_dict` (and the
    typed :func:`game_to_dict`, :func:`game_from_dict`, :func:`equilibrium_set_to_dict`,
    :func:`equilibrium_set_from_dict`) give the same data as plain Python objects.

Gambit ``.nfg``
    :func:`read_nfg` reads both versions of Gambit's strategic-form format (the payoff-list
    version and the outcome version, with strategy names or only strategy counts);
    :func:`write_nfg` writes the payoff-list version.  In both, strategy profiles are listed
    with the *first* player's strategy changing fastest.  Numbers are read exactly: ``1/3``,
    ``0.1`` and ``2`` become ``Fraction(1, 3)``, ``Fraction(1, 10)`` and ``Fraction(2)``.

Examples
--------
>>> from crisisgames import NormalFormGame
>>> from crisisgames.io import from_json, read_nfg, to_json, write_nfg
>>> g = NormalFormGame.from_arrays([["1/3", 0], [1, 2]], [[0, 1], [1, 0]])
>>> from_json(to_json(g)) == g
True
>>> read_nfg(write_nfg(g)) == g
True
"""

from __future__ import annotations

import itertools
import json
import os
import re
from collections.abc import Mapping
from fractions import Fraction
from pathlib import Path
from typing import Any, NamedTuple

import numpy as np

from crisisgames.errors import InvalidGameError, InvalidPayoffError
from crisisgames.games.normal_form import NormalFormGame, to_fraction
from crisisgames.solvers.results import Component, Equilibrium, EquilibriumSet, SolveStatus

__all__ = [
    "equilibrium_set_from_dict",
    "equilibrium_set_to_dict",
    "from_dict",
    "from_json",
    "game_from_dict",
    "game_to_dict",
    "read_nfg",
    "to_dict",
    "to_json",
    "write_nfg",
]

PathLike = str | os.PathLike[str]

GAME_TYPE = "NormalFormGame"
EQUILIBRIUM_SET_TYPE = "EquilibriumSet"


def _version() -> str:
    import crisisgames

    return str(crisisgames.__version__)


# ============================================================================ JSON: helpers


def _frac_str(value: Any) -> str:
    """An exact value as a fraction string (``"1/3"``, ``"-2"``)."""
    return str(to_fraction(value))


def _parse_exact(value: Any, what: str) -> Fraction:
    """Read a value stored by :func:`_frac_str` (or a JSON number, taken exactly)."""
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        raise InvalidGameError(f"{what}: expected a fraction string such as '1/3', got {value!r}")
    return to_fraction(value, what=what)


def _parse_float(value: Any, what: str) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise InvalidGameError(f"{what}: expected a number, got {value!r}")
    return float(value)


def _require(d: Mapping[str, Any], key: str, where: str) -> Any:
    if not isinstance(d, Mapping):
        raise InvalidGameError(f"{where}: expected a JSON object, got {type(d).__name__}")
    try:
        return d[key]
    except KeyError:
        raise InvalidGameError(f"{where}: missing field {key!r}") from None


def _check_type(d: Mapping[str, Any], expected: str) -> None:
    if not isinstance(d, Mapping):
        raise InvalidGameError(f"expected a JSON object describing a {expected}, got {d!r}")
    found = d.get("type", expected)
    if found != expected:
        raise InvalidGameError(f"expected a document of type {expected!r}, got type {found!r}")


def _list(value: Any, what: str) -> list[Any]:
    if not isinstance(value, list | tuple):
        raise InvalidGameError(f"{what}: expected a list, got {value!r}")
    return list(value)


def _nested_leaves(value: Any, shape: tuple[int, ...], what: str) -> list[Any]:
    """The leaves of a nested list of the given shape, in C order (checking the shape)."""
    if not shape:
        if isinstance(value, list | tuple):
            raise InvalidGameError(f"{what}: nested deeper than the game's shape")
        return [value]
    items = _list(value, what)
    if len(items) != shape[0]:
        raise InvalidGameError(f"{what}: expected {shape[0]} entries, got {len(items)}")
    out: list[Any] = []
    for k, item in enumerate(items):
        out.extend(_nested_leaves(item, shape[1:], f"{what}[{k}]"))
    return out


# ============================================================================ JSON: games


def game_to_dict(game: NormalFormGame) -> dict[str, Any]:
    """A JSON-ready description of a game.

    Parameters
    ----------
    game
        The game.

    Returns
    -------
    dict
        ``type``, ``crisisgames_version``, ``players``, ``actions``, ``ordinal``, ``exact``
        and ``payoffs``: a nested list of shape ``(N, n_1, ..., n_N)`` holding fraction
        strings when :attr:`~crisisgames.NormalFormGame.has_exact_payoffs`, floats otherwise.

    Examples
    --------
    >>> from crisisgames import NormalFormGame
    >>> d = game_to_dict(NormalFormGame.from_arrays([["1/3", 1]], [[0, 2]]))
    >>> d["type"], d["exact"], d["payoffs"]
    ('NormalFormGame', True, [[['1/3', '1']], [['0', '2']]])
    >>> game_to_dict(NormalFormGame.from_arrays([[0.5, 1]], [[0, 2]]))["payoffs"]
    [[[0.5, 1.0]], [[0.0, 2.0]]]
    """
    if not isinstance(game, NormalFormGame):
        raise TypeError(f"expected a NormalFormGame, got {type(game).__name__}")
    if game.has_exact_payoffs:
        payoffs: list[Any] = np.vectorize(_frac_str, otypes=[object])(game.exact_payoffs).tolist()
    else:
        payoffs = game.payoffs.tolist()
    return {
        "type": GAME_TYPE,
        "crisisgames_version": _version(),
        "players": list(game.players),
        "actions": [list(a) for a in game.actions],
        "ordinal": game.is_ordinal,
        "exact": game.has_exact_payoffs,
        "payoffs": payoffs,
    }


def game_from_dict(d: Mapping[str, Any]) -> NormalFormGame:
    """Rebuild a game from :func:`game_to_dict`'s output.

    Payoff entries may be fraction strings (``"1/3"``, read exactly) or JSON numbers (floats
    taken at their exact binary value), so hand-written documents work too.

    Parameters
    ----------
    d
        The description; its ``type``, if present, must be ``"NormalFormGame"``.

    Returns
    -------
    NormalFormGame

    Raises
    ------
    InvalidGameError
        A missing field, a payoff array of the wrong shape, or an invalid payoff or label.

    Examples
    --------
    >>> g = game_from_dict({"players": ["Row", "Col"], "actions": [["U", "D"], ["L"]],
    ...                     "payoffs": [[["1/2"], [1]], [[0], [0.25]]]})
    >>> g.exact_payoffs[0, 0, 0], float(g.payoffs[1, 1, 0])
    (Fraction(1, 2), 0.25)
    """
    _check_type(d, GAME_TYPE)
    players = _list(_require(d, "players", GAME_TYPE), "players")
    actions = [
        _list(a, f"actions of player {i}")
        for i, a in enumerate(_list(_require(d, "actions", GAME_TYPE), "actions"))
    ]
    if not players:
        raise InvalidGameError("a game needs at least one player; 'players' is empty")
    shape = (len(players), *(len(a) for a in actions))
    leaves = _nested_leaves(_require(d, "payoffs", GAME_TYPE), shape, "payoffs")
    for v in leaves:
        if isinstance(v, bool) or not isinstance(v, str | int | float):
            raise InvalidPayoffError(f"payoff {v!r} is not a number or a fraction string")
    values: np.ndarray
    if all(isinstance(v, float) or (isinstance(v, int) and abs(v) < 2**53) for v in leaves):
        values = np.array(leaves, dtype=np.float64)  # bit for bit, -0.0 included
    else:
        values = np.empty(len(leaves), dtype=object)
        for k, v in enumerate(leaves):
            values[k] = to_fraction(v)
    ordinal = d.get("ordinal", False)
    if not isinstance(ordinal, bool):
        raise InvalidGameError(f"'ordinal' must be true or false, got {ordinal!r}")
    return NormalFormGame(values.reshape(shape), players, actions, ordinal=ordinal)


# ============================================================================ JSON: equilibria


def _equilibrium_to_dict(eq: Equilibrium, game: NormalFormGame) -> dict[str, Any]:
    out: dict[str, Any] = {}
    if eq.players != game.players or eq.actions != game.actions:
        out["players"] = list(eq.players)
        out["actions"] = [list(a) for a in eq.actions]
    out["strategies"] = [[float(p) for p in s] for s in eq.strategies]
    out["payoffs"] = [float(v) for v in eq.payoffs]
    out["exact_strategies"] = (
        None
        if eq.exact_strategies is None
        else [[_frac_str(p) for p in s] for s in eq.exact_strategies]
    )
    out["exact_payoffs"] = (
        None if eq.exact_payoffs is None else [_frac_str(v) for v in eq.exact_payoffs]
    )
    out["component"] = int(eq.component)
    return out


def _equilibrium_from_dict(d: Mapping[str, Any], game: NormalFormGame, k: int) -> Equilibrium:
    where = f"equilibrium {k}"
    players = tuple(d["players"]) if "players" in d else game.players
    actions = (
        tuple(tuple(a) for a in _list(d["actions"], f"{where}: actions"))
        if "actions" in d
        else game.actions
    )
    strategies = tuple(
        tuple(_parse_float(p, f"{where}: probability") for p in _list(s, f"{where}: strategy"))
        for s in _list(_require(d, "strategies", where), f"{where}: strategies")
    )
    payoffs = tuple(
        _parse_float(v, f"{where}: payoff")
        for v in _list(_require(d, "payoffs", where), f"{where}: payoffs")
    )
    ex_s = d.get("exact_strategies")
    exact_strategies = (
        None
        if ex_s is None
        else tuple(
            tuple(
                _parse_exact(p, f"{where}: exact probability")
                for p in _list(s, f"{where}: strategy")
            )
            for s in _list(ex_s, f"{where}: exact_strategies")
        )
    )
    ex_p = d.get("exact_payoffs")
    exact_payoffs = (
        None
        if ex_p is None
        else tuple(
            _parse_exact(v, f"{where}: exact payoff")
            for v in _list(ex_p, f"{where}: exact_payoffs")
        )
    )
    component = d.get("component", 0)
    if isinstance(component, bool) or not isinstance(component, int):
        raise InvalidGameError(f"{where}: component must be an integer, got {component!r}")
    return Equilibrium(
        players, actions, strategies, payoffs, exact_strategies, exact_payoffs, component
    )


def equilibrium_set_to_dict(result: EquilibriumSet) -> dict[str, Any]:
    """A JSON-ready description of an equilibrium set (its game included).

    Parameters
    ----------
    result
        The equilibria, e.g. from :func:`~crisisgames.nash_equilibria`.

    Returns
    -------
    dict
        ``type``, ``crisisgames_version``, ``game`` (as :func:`game_to_dict`), ``method``,
        ``exact``, ``tol``, ``status``, ``equilibria`` and ``components``.  Each equilibrium
        stores float ``strategies`` and ``payoffs`` and, when solved exactly,
        ``exact_strategies`` and ``exact_payoffs`` as fraction strings.

    Examples
    --------
    >>> from crisisgames import NormalFormGame, nash_equilibria
    >>> pennies = NormalFormGame.from_arrays([[1, -1], [-1, 1]], [[-1, 1], [1, -1]])
    >>> d = equilibrium_set_to_dict(nash_equilibria(pennies, exact=True))
    >>> d["equilibria"][0]["exact_strategies"], d["status"]["complete"]
    ([['1/2', '1/2'], ['1/2', '1/2']], True)
    """
    if not isinstance(result, EquilibriumSet):
        raise TypeError(f"expected an EquilibriumSet, got {type(result).__name__}")
    status = result.status
    return {
        "type": EQUILIBRIUM_SET_TYPE,
        "crisisgames_version": _version(),
        "game": game_to_dict(result.game),
        "method": result.method,
        "exact": bool(result.exact),
        "tol": float(result.tol),
        "status": {
            "complete": bool(status.complete),
            "degenerate": None if status.degenerate is None else bool(status.degenerate),
            "continuum": None if status.continuum is None else bool(status.continuum),
            "notes": list(status.notes),
        },
        "equilibria": [_equilibrium_to_dict(e, result.game) for e in result.equilibria],
        "components": [
            {
                "index": int(c.index),
                "equilibria": [int(e) for e in c.equilibria],
                "nash_subsets": [[int(e) for e in s] for s in c.nash_subsets],
            }
            for c in result.components
        ],
    }


def _optional_bool(value: Any, what: str) -> bool | None:
    if value is not None and not isinstance(value, bool):
        raise InvalidGameError(f"{what} must be true, false or null, got {value!r}")
    return value


def equilibrium_set_from_dict(d: Mapping[str, Any]) -> EquilibriumSet:
    """Rebuild an equilibrium set from :func:`equilibrium_set_to_dict`'s output.

    Parameters
    ----------
    d
        The description; its ``type``, if present, must be ``"EquilibriumSet"``.

    Returns
    -------
    EquilibriumSet

    Raises
    ------
    InvalidGameError
        A missing or malformed field.

    Examples
    --------
    >>> from crisisgames import NormalFormGame, nash_equilibria
    >>> zero = NormalFormGame.from_arrays([[0, 0], [0, 0]], [[0, 0], [0, 0]])
    >>> res = nash_equilibria(zero, exact=True)
    >>> equilibrium_set_from_dict(equilibrium_set_to_dict(res)) == res
    True
    """
    where = EQUILIBRIUM_SET_TYPE
    _check_type(d, where)
    game = game_from_dict(_require(d, "game", where))
    st = _require(d, "status", where)
    complete = _require(st, "complete", f"{where} status")
    if not isinstance(complete, bool):
        raise InvalidGameError(f"status 'complete' must be true or false, got {complete!r}")
    status = SolveStatus(
        complete,
        _optional_bool(st.get("degenerate"), "status 'degenerate'"),
        _optional_bool(st.get("continuum"), "status 'continuum'"),
        tuple(str(n) for n in _list(st.get("notes", []), "status notes")),
    )
    equilibria = tuple(
        _equilibrium_from_dict(e, game, k)
        for k, e in enumerate(_list(_require(d, "equilibria", where), "equilibria"))
    )
    components = []
    for k, c in enumerate(_list(_require(d, "components", where), "components")):
        cw = f"component {k}"
        components.append(
            Component(
                int(_require(c, "index", cw)),
                tuple(int(e) for e in _list(_require(c, "equilibria", cw), f"{cw}: equilibria")),
                tuple(
                    tuple(int(e) for e in _list(s, f"{cw}: nash subset"))
                    for s in _list(_require(c, "nash_subsets", cw), f"{cw}: nash_subsets")
                ),
            )
        )
    method = _require(d, "method", where)
    exact = _require(d, "exact", where)
    if not isinstance(method, str) or not isinstance(exact, bool):
        raise InvalidGameError("'method' must be a string and 'exact' true or false")
    tol = _parse_float(_require(d, "tol", where), "tol")
    return EquilibriumSet(game, equilibria, tuple(components), method, exact, tol, status)


# ============================================================================ JSON: dispatch


def to_dict(obj: NormalFormGame | EquilibriumSet) -> dict[str, Any]:
    """:func:`game_to_dict` or :func:`equilibrium_set_to_dict`, by the object's type.

    Examples
    --------
    >>> from crisisgames import NormalFormGame
    >>> to_dict(NormalFormGame.from_arrays([[1]], [[2]]))["type"]
    'NormalFormGame'
    """
    if isinstance(obj, NormalFormGame):
        return game_to_dict(obj)
    if isinstance(obj, EquilibriumSet):
        return equilibrium_set_to_dict(obj)
    raise TypeError(
        f"cannot serialise a {type(obj).__name__}; expected a NormalFormGame or an EquilibriumSet"
    )


def from_dict(d: Mapping[str, Any]) -> NormalFormGame | EquilibriumSet:
    """Rebuild a game or an equilibrium set, chosen by the ``"type"`` field.

    Raises
    ------
    InvalidGameError
        If ``"type"`` is missing or unknown.

    Examples
    --------
    >>> from crisisgames import NormalFormGame
    >>> g = NormalFormGame.from_arrays([[1]], [[2]])
    >>> from_dict(to_dict(g)) == g
    True
    """
    if not isinstance(d, Mapping):
        raise InvalidGameError(f"expected a JSON object, got {type(d).__name__}")
    kind = d.get("type")
    if kind == GAME_TYPE:
        return game_from_dict(d)
    if kind == EQUILIBRIUM_SET_TYPE:
        return equilibrium_set_from_dict(d)
    raise InvalidGameError(
        f"unknown document type {kind!r}; expected {GAME_TYPE!r} or {EQUILIBRIUM_SET_TYPE!r}"
    )


def _dumps(value: Any, indent: int | None, level: int = 0) -> str:
    """JSON text; with an indent, lists of plain values stay on one line."""
    if indent is None:
        return json.dumps(value, ensure_ascii=False, allow_nan=False)
    pad, inner = " " * (indent * level), " " * (indent * (level + 1))
    if isinstance(value, Mapping) and value:
        items = [
            f"{inner}{json.dumps(str(k), ensure_ascii=False)}: {_dumps(v, indent, level + 1)}"
            for k, v in value.items()
        ]
        return "{\n" + ",\n".join(items) + "\n" + pad + "}"
    nested = isinstance(value, list | tuple) and any(
        isinstance(v, Mapping | list | tuple) for v in value
    )
    if nested:
        items = [inner + _dumps(v, indent, level + 1) for v in value]
        return "[\n" + ",\n".join(items) + "\n" + pad + "]"
    return json.dumps(value, ensure_ascii=False, allow_nan=False)


def to_json(
    obj: NormalFormGame | EquilibriumSet, path: PathLike | None = None, indent: int | None = 2
) -> str:
    """Serialise a game or an equilibrium set to JSON, losslessly.

    Parameters
    ----------
    obj
        A :class:`~crisisgames.NormalFormGame` or an :class:`~crisisgames.EquilibriumSet`.
    path
        If given, the JSON is also written to this file (UTF-8).
    indent
        Spaces per nesting level (lists of plain values stay on one line); ``None``
        writes everything on one line.

    Returns
    -------
    str
        The JSON text.

    Examples
    --------
    >>> from crisisgames import NormalFormGame
    >>> print(to_json(NormalFormGame.from_arrays([["1/3"]], [[0.5]]), indent=None))
    {"type": "NormalFormGame", "crisisgames_version": "...", "players": ["P1", "P2"],
     "actions": [["a1"], ["a1"]], "ordinal": false, "exact": true,
     "payoffs": [[["1/3"]], [["1/2"]]]}
    """
    text = _dumps(to_dict(obj), indent)
    if path is not None:
        Path(path).write_text(text, encoding="utf-8")
    return text


def from_json(text_or_path: str | bytes | os.PathLike[str]) -> NormalFormGame | EquilibriumSet:
    """Load a game or an equilibrium set written by :func:`to_json`.

    Parameters
    ----------
    text_or_path
        The JSON text (a string starting with ``{``), or the path of a file holding it.

    Returns
    -------
    NormalFormGame or EquilibriumSet
        As the document's ``"type"`` field says.

    Raises
    ------
    InvalidGameError
        Text that is not JSON, or a document of unknown type or with missing fields.

    Examples
    --------
    >>> from crisisgames import NormalFormGame, nash_equilibria
    >>> res = nash_equilibria(NormalFormGame.from_arrays([[3, 0], [5, 1]], [[3, 5], [0, 1]]))
    >>> from_json(to_json(res)) == res
    True
    """
    if isinstance(text_or_path, bytes):
        text = text_or_path.decode("utf-8")
    elif isinstance(text_or_path, str) and text_or_path.lstrip().startswith("{"):
        text = text_or_path
    else:
        text = Path(text_or_path).read_text(encoding="utf-8")
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InvalidGameError(f"not valid JSON: {exc}") from exc
    return from_dict(data)


# ============================================================================ Gambit .nfg


class _Token(NamedTuple):
    kind: str  # "{", "}", ",", "text", "number", "symbol" or "eof"
    text: str
    pos: int


_NUMBER = re.compile(r"[+-]?(?:\d+/\d+|(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?)")
_WORD = re.compile(r"[^\s{},\"]+")


class _NfgError:
    """Builds error messages that point at a line and column of the file."""

    def __init__(self, text: str) -> None:
        self.text = text

    def __call__(self, pos: int, message: str) -> InvalidGameError:
        line = self.text.count("\n", 0, pos) + 1
        col = pos - (self.text.rfind("\n", 0, pos) + 1) + 1
        return InvalidGameError(f"malformed .nfg file, line {line}, column {col}: {message}")


def _tokenize(text: str, error: _NfgError) -> list[_Token]:
    tokens: list[_Token] = []
    i, n = 0, len(text)
    while True:
        while i < n and text[i].isspace():
            i += 1
        if i >= n:
            tokens.append(_Token("eof", "", n))
            return tokens
        c = text[i]
        if c in "{},":
            tokens.append(_Token(c, c, i))
            i += 1
        elif c == '"':
            # A quoted label: \" is a quote and \\ a backslash; other characters, line
            # breaks included, are taken as they are.
            start, i, buf = i, i + 1, []
            while True:
                if i >= n:
                    raise error(start, "unterminated quoted string")
                c = text[i]
                if c == "\\" and i + 1 < n and text[i + 1] in '"\\':
                    buf.append(text[i + 1])
                    i += 2
                elif c == '"':
                    i += 1
                    break
                else:
                    buf.append(c)
                    i += 1
            tokens.append(_Token("text", "".join(buf), start))
        else:
            m = _WORD.match(text, i)
            assert m is not None  # text[i] is neither space, brace, comma nor quote
            word = m.group()
            kind = "number" if _NUMBER.fullmatch(word) else "symbol"
            tokens.append(_Token(kind, word, i))
            i = m.end()


def _describe(tok: _Token) -> str:
    if tok.kind == "eof":
        return "end of file"
    if tok.kind == "text":
        return f"string {tok.text!r}"
    return f"{tok.text!r}"


def _number(tok: _Token, error: _NfgError, what: str) -> Fraction:
    if tok.kind != "number":
        raise error(tok.pos, f"expected {what}, found {_describe(tok)}")
    try:
        return Fraction(tok.text)
    except ZeroDivisionError:
        raise error(tok.pos, f"{what} {tok.text!r} divides by zero") from None


def _normalize_labels(labels: list[str], default: str) -> list[str]:
    """Replace blank labels by defaults; make repeated labels unique with ``_n`` suffixes."""
    out = [lab if lab.strip() else default.format(k + 1) for k, lab in enumerate(labels)]
    used = set(out)
    repeated = {lab for lab in out if out.count(lab) > 1}
    counter: dict[str, int] = {}
    for k, lab in enumerate(out):
        if lab in repeated:
            while True:
                counter[lab] = counter.get(lab, 0) + 1
                candidate = f"{lab}_{counter[lab]}"
                if candidate not in used:
                    break
            used.add(candidate)
            out[k] = candidate
    return out


def _read_text(path_or_text: str | os.PathLike[str], header: str = "NFG") -> str:
    """The text of a Gambit file given as a path or as the text itself (which starts with
    ``header``, spans lines, or looks like file content rather than a path)."""
    if isinstance(path_or_text, str):
        stripped = path_or_text.lstrip()
        if stripped.startswith(header) or "\n" in path_or_text or not stripped:
            return path_or_text
        if not os.path.isfile(path_or_text) and any(c in path_or_text for c in '{}"'):
            return path_or_text  # one line of (malformed) text rather than a path
    data = Path(path_or_text).read_bytes()
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:  # older Gambit files may be Latin-1
        return data.decode("latin-1")


def read_nfg(path_or_text: str | os.PathLike[str]) -> NormalFormGame:
    """Read a Gambit strategic-form (``.nfg``) file.

    Both versions of the format are read: the *payoff* version (a flat list of payoffs
    after the header) and the *outcome* version (a list of outcomes ``{ "name" u1, u2 }``
    followed by one outcome number per strategy profile, ``0`` meaning all payoffs zero).
    In both, profiles are listed with the first player's strategy changing fastest and,
    within a profile, payoffs in player order.  The header may name each player's
    strategies (``{ { "a" "b" } { "c" "d" } }``) or only count them (``{ 2 2 }``, giving
    the default labels ``a1``, ``a2``, ...).  The title and the comment are not kept.

    Parameters
    ----------
    path_or_text
        The file's path, or its text (a string starting with ``NFG``).

    Returns
    -------
    NormalFormGame
        Labels from the file (blank labels replaced by the defaults ``P1``... / ``a1``...,
        repeated ones made unique with ``_1``, ``_2``... suffixes); payoffs read exactly,
        whether written as integers, decimals (``0.1`` is ``1/10``) or fractions (``1/3``).

    Raises
    ------
    InvalidGameError
        If the file is malformed; the message gives the line and column (missing ``NFG``
        header, wrong number of payoffs or outcome indices, an unknown outcome, ...).

    Examples
    --------
    Gambit's ``e02.nfg`` (Selten 1975, Fig. 2), in the payoff version with counts:

    >>> g = read_nfg('''NFG 1 R "Selten (IJGT, 75), Figure 2, normal form"
    ... { "Player 1" "Player 2" } { 3 2 }
    ... 1 1 0 2 0 2 1 1 0 3 2 0''')
    >>> g.players, g.actions
    (('Player 1', 'Player 2'), (('a1', 'a2', 'a3'), ('a1', 'a2')))
    >>> g.payoffs[0].tolist()  # rows: Player 1's strategies; columns: Player 2's
    [[1.0, 1.0], [0.0, 0.0], [0.0, 2.0]]

    The outcome version, with fractions:

    >>> g = read_nfg('''NFG 1 R "" { "Row" "Col" } { { "U" "D" } { "L" "R" } } ""
    ... { { "" 1/3, 0 } { "win" 1, -1 } }
    ... 1 2 0 1''')
    >>> print(g)
    NormalFormGame: Row (rows) vs Col (columns)
              L        R
    U  (1/3, 0)       (0, 0)
    D   (1, -1)  (1/3, 0)
    """
    text = _read_text(path_or_text)
    error = _NfgError(text)
    tokens = _tokenize(text, error)
    pos = 0

    def take() -> _Token:
        nonlocal pos
        tok = tokens[pos]
        if tok.kind != "eof":
            pos += 1
        return tok

    def expect(kind: str, what: str) -> _Token:
        tok = take()
        if tok.kind != kind:
            raise error(tok.pos, f"expected {what}, found {_describe(tok)}")
        return tok

    # ---- prologue: NFG 1 R "title" { players } { strategies | counts } ["comment"]
    first = take()
    if first.kind != "symbol" or first.text != "NFG":
        raise error(
            first.pos,
            "missing header: a strategic-form file begins with 'NFG 1 R \"title\"', "
            f"found {_describe(first)}",
        )
    version = take()
    if version.text != "1":
        raise error(version.pos, f"unsupported NFG version {version.text!r}; only version 1 exists")
    data_type = take()
    if data_type.text not in ("R", "D"):
        raise error(
            data_type.pos, f"expected the data type 'R' (or 'D'), found {_describe(data_type)}"
        )
    expect("text", "the game's title (a quoted string)")
    expect("{", "'{' opening the list of players")
    players: list[str] = []
    while tokens[pos].kind == "text":
        players.append(take().text)
    close = expect("}", "a quoted player name or '}'")
    if not players:
        raise error(close.pos, "the game has no players")
    n = len(players)

    open_brace = expect("{", "'{' opening the list of strategies")
    strategies: list[list[str]] | None = None
    if tokens[pos].kind == "{":
        strategies = []
        while tokens[pos].kind == "{":
            brace = take()
            names = []
            while tokens[pos].kind == "text":
                names.append(take().text)
            expect("}", "a quoted strategy name or '}'")
            if not names:
                raise error(brace.pos, f"player {len(strategies) + 1} has no strategies")
            strategies.append(names)
        expect("}", "'{' or '}' closing the list of strategies")
        if len(strategies) != n:
            raise error(
                open_brace.pos,
                f"{len(strategies)} strategy list(s) for {n} player(s); give one per player",
            )
        shape = tuple(len(s) for s in strategies)
    else:
        counts = []
        while tokens[pos].kind == "number":
            tok = take()
            value = _number(tok, error, "a number of strategies")
            if value.denominator != 1 or value < 1:
                raise error(
                    tok.pos, f"a number of strategies must be a positive integer, not {tok.text}"
                )
            counts.append(int(value))
        expect("}", "a number of strategies or '}'")
        if len(counts) != n:
            raise error(
                open_brace.pos,
                f"{len(counts)} strategy count(s) for {n} player(s); give one per player",
            )
        shape = tuple(counts)
    if tokens[pos].kind == "text":  # optional comment
        take()
    num_profiles = int(np.prod(shape))

    # ---- body: a payoff list, or outcomes then one outcome index per profile
    start = tokens[pos]
    if start.kind == "number":
        body = tokens[pos:-1]
        for tok in body:
            if tok.kind != "number":
                raise error(tok.pos, f"expected a numerical payoff, found {_describe(tok)}")
        expected = n * num_profiles
        if len(body) != expected:
            raise error(
                start.pos,
                f"wrong payoff count: found {len(body)} payoffs, expected {expected} "
                f"({n} player(s) x {num_profiles} strategy profile(s) of shape {shape})",
            )
        flat = [_number(tok, error, "a numerical payoff") for tok in body]
    elif start.kind == "{":
        take()
        outcomes: list[list[Fraction]] = []
        while tokens[pos].kind == "{":
            brace = take()
            expect("text", "the outcome's name (a quoted string, possibly empty)")
            values: list[Fraction] = []
            while tokens[pos].kind in ("number", ","):
                tok = take()
                if tok.kind == "number":
                    values.append(_number(tok, error, "a numerical payoff"))
            expect("}", "a numerical payoff or '}' closing the outcome")
            if len(values) != n:
                raise error(
                    brace.pos,
                    f"wrong payoff count: outcome {len(outcomes) + 1} has {len(values)} "
                    f"payoff(s); expected {n}, one per player",
                )
            outcomes.append(values)
        expect("}", "'{' opening an outcome or '}' closing the list of outcomes")
        body = tokens[pos:-1]
        if len(body) != num_profiles:
            raise error(
                body[0].pos if body else tokens[-1].pos,
                f"found {len(body)} outcome index(es), expected {num_profiles} "
                f"(one per strategy profile of shape {shape})",
            )
        zero = [Fraction(0)] * n
        flat = []
        for tok in body:
            index = _number(tok, error, "an outcome index")
            if index.denominator != 1 or not 0 <= index <= len(outcomes):
                raise error(
                    tok.pos,
                    f"outcome index {tok.text} is not one of 0..{len(outcomes)} "
                    f"(0 is the null outcome)",
                )
            flat.extend(outcomes[int(index) - 1] if index else zero)
    elif start.kind == "eof":
        raise error(start.pos, "the file ends before the payoffs")
    else:
        raise error(start.pos, f"expected payoffs or a list of outcomes, found {_describe(start)}")

    # Profile m lists n payoffs; profiles run with the FIRST player's strategy fastest,
    # i.e. in Fortran (column-major) order over the shape.
    table = np.array(flat, dtype=object).reshape(num_profiles, n)
    payoffs = np.empty((n, *shape), dtype=object)
    for i in range(n):
        payoffs[i] = table[:, i].reshape(shape, order="F")
    actions = None if strategies is None else [_normalize_labels(s, "a{}") for s in strategies]
    return NormalFormGame(payoffs, _normalize_labels(players, "P{}"), actions)


def _quote(label: str) -> str:
    return '"' + label.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _nfg_number(value: Any) -> str:
    if isinstance(value, Fraction):
        return str(value)
    return str(np.format_float_positional(float(value), unique=True, trim="-"))


def write_nfg(game: NormalFormGame, path: PathLike | None = None, title: str = "") -> str:
    """Write a game as a Gambit strategic-form (``.nfg``) file, payoff version.

    Strategy names are written in the header; then one line per strategy profile, the
    first player's strategy changing fastest, with each player's payoff in order.
    Exact payoffs (:attr:`~crisisgames.NormalFormGame.has_exact_payoffs`) are written as
    fractions such as ``1/3``, float payoffs as their shortest decimal (``0.1``), which
    :func:`read_nfg` reads back as the decimal's exact value (a float payoff like ``0.1``
    then returns as ``Fraction(1, 10)``, whose float is the same).  The ordinal flag is not
    part of the format.

    Parameters
    ----------
    game
        The game.
    path
        If given, the text is also written to this file.
    title
        The game's title in the file.

    Returns
    -------
    str
        The file's text.

    Examples
    --------
    >>> from crisisgames import NormalFormGame
    >>> g = NormalFormGame.from_arrays([[3, 2], [4, 1]], [["1/3", 4], [2, 1]],
    ...     players=["US", "USSR"], actions=[["blockade", "air strike"], ["withdraw", "maintain"]])
    >>> print(write_nfg(g, title="Cuba, 1962"))
    NFG 1 R "Cuba, 1962" { "US" "USSR" }
    <BLANKLINE>
    { { "blockade" "air strike" }
    { "withdraw" "maintain" }
    }
    ""
    <BLANKLINE>
    3 1/3
    4 2
    2 4
    1 1
    <BLANKLINE>
    """
    if not isinstance(game, NormalFormGame):
        raise TypeError(f"expected a NormalFormGame, got {type(game).__name__}")
    values = game.exact_payoffs if game.has_exact_payoffs else game.payoffs
    lines = [
        f"NFG 1 R {_quote(title)} {{ " + " ".join(_quote(p) for p in game.players) + " }",
        "",
        "{ " + "\n".join("{ " + " ".join(_quote(a) for a in acts) + " }" for acts in game.actions),
        "}",
        '""',
        "",
    ]
    for rev in itertools.product(*(range(s) for s in reversed(game.shape))):
        profile = rev[::-1]  # the first player's strategy changes fastest
        lines.append(" ".join(_nfg_number(values[(i, *profile)]) for i in range(game.num_players)))
    text = "\n".join(lines) + "\n"
    if path is not None:
        Path(path).write_text(text, encoding="utf-8")
    return text
