"""Conflict models in option form: the Graph Model for Conflict Resolution's input.

A conflict (Howard's metagame analysis; Fraser & Hipel, *Conflict Analysis: Models and
Resolutions*, North-Holland 1984; Fang, Hipel & Kilgour, *Interactive Decision Making:
The Graph Model for Conflict Resolution*, Wiley 1993) has decision makers (DMs), each
controlling some yes/no *options*.  A *state* is a combination of options taken; it is
coded, as in the literature, by the integer ``sum(2**i)`` over the options taken, options
numbered ``i = 0, 1, ...`` in declared order (the DMs' options one after another).
Declared constraints remove infeasible combinations.  A DM's *unilateral move* changes
only its own options, to another feasible state; an *irreversible* option can only be
switched on (or, if so declared, only off).  Each DM ranks the feasible states, directly
(a ranking with ties) or by option-prioritisation statements
(:mod:`crisisgames.games.option_statements`).

:class:`ConflictModel` validates everything at construction, before any analysis, and
keeps, as arrays in state order: the feasible codes, each DM's preference levels (higher
is better; ties share a level), and each DM's unilateral moves as a sparse boolean
matrix (:meth:`ConflictModel.moves`), the reachability matrices ``J_i`` of the matrix
representation of Xu, Hipel, Kilgour & Fang (IEEE Trans. SMC-A 39(1), 2009, 96-108).

Examples
--------
>>> pd = ConflictModel(
...     {"A": ["A defects"], "B": ["B defects"]},
...     {"A": [1, 0, 3, 2], "B": [2, 0, 3, 1]},
...     name="Prisoners' Dilemma",
... )
>>> pd.codes.tolist(), pd.describe(3)
([0, 1, 2, 3], 'A defects, B defects')
>>> pd.reachable("A", 0), pd.improvements_from("A", 2)
((1,), (3,))
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Literal

import numpy as np
import scipy.sparse as sp

from crisisgames.errors import (
    InvalidGameError,
    InvalidLabelError,
    InvalidPayoffError,
    UnknownLabelError,
    UnsupportedGameError,
)
from crisisgames.games.option_statements import priority_scores

__all__ = [
    "AtLeastOne",
    "AtMostOne",
    "ConflictModel",
    "Constraint",
    "ExactlyOne",
    "Infeasible",
    "Option",
    "Priorities",
    "Ranking",
    "Requires",
    "mutually_exclusive",
]

MAX_OPTIONS = 22  # 2**22 = 4M candidate combinations, enumerated as one int64 array


# ---------------------------------------------------------------------------- options


@dataclass(frozen=True)
class Option:
    """A yes/no option of a decision maker.

    Attributes
    ----------
    name
        Its label, unique in the model (e.g. ``"withdraw"``).
    description
        The phrase used when describing a state where it is taken (e.g. ``"USSR
        withdraws"``); defaults to ``name``.
    """

    name: str
    description: str | None = None

    @property
    def phrase(self) -> str:
        """How a state where the option is taken mentions it."""
        return self.description or self.name


# ---------------------------------------------------------------------------- constraints


def _count(taken: Mapping[str, np.ndarray], options: Iterable[str]) -> np.ndarray:
    """How many of ``options`` each candidate combination takes."""
    total = np.zeros(len(next(iter(taken.values()))), dtype=np.int64)
    for o in options:
        total += taken[o]
    return total


@dataclass(frozen=True)
class AtMostOne:
    """At most one of the options is taken (for two options: mutually exclusive)."""

    options: tuple[str, ...]

    def __init__(self, *options: str) -> None:
        object.__setattr__(self, "options", tuple(options))

    def feasible(self, taken: Mapping[str, np.ndarray]) -> np.ndarray:
        """Which candidate combinations satisfy the constraint."""
        return _count(taken, self.options) <= 1


@dataclass(frozen=True)
class AtLeastOne:
    """At least one of the options is taken."""

    options: tuple[str, ...]

    def __init__(self, *options: str) -> None:
        object.__setattr__(self, "options", tuple(options))

    def feasible(self, taken: Mapping[str, np.ndarray]) -> np.ndarray:
        """Which candidate combinations satisfy the constraint."""
        return _count(taken, self.options) >= 1


@dataclass(frozen=True)
class ExactlyOne:
    """Exactly one of the options is taken."""

    options: tuple[str, ...]

    def __init__(self, *options: str) -> None:
        object.__setattr__(self, "options", tuple(options))

    def feasible(self, taken: Mapping[str, np.ndarray]) -> np.ndarray:
        """Which candidate combinations satisfy the constraint."""
        return _count(taken, self.options) == 1


@dataclass(frozen=True)
class Requires:
    """``option`` can be taken only together with every option in ``requires``."""

    option: str
    requires: tuple[str, ...]

    def __init__(self, option: str, *requires: str) -> None:
        object.__setattr__(self, "option", option)
        object.__setattr__(self, "requires", tuple(requires))

    @property
    def options(self) -> tuple[str, ...]:
        """Every option the constraint mentions."""
        return (self.option, *self.requires)

    def feasible(self, taken: Mapping[str, np.ndarray]) -> np.ndarray:
        """Which candidate combinations satisfy the constraint."""
        ok = np.ones_like(taken[self.option])
        for r in self.requires:
            ok &= taken[r]
        return ~taken[self.option] | ok


@dataclass(frozen=True)
class Infeasible:
    """Removes every combination matching a pattern (GMCR's "infeasible state" patterns).

    ``Infeasible(taken=["withdraw", "escalate"])`` removes all states where both are
    taken; ``not_taken`` lists options that must be off for the pattern to match.
    """

    taken: tuple[str, ...]
    not_taken: tuple[str, ...]

    def __init__(self, taken: Iterable[str] = (), not_taken: Iterable[str] = ()) -> None:
        object.__setattr__(self, "taken", tuple(taken))
        object.__setattr__(self, "not_taken", tuple(not_taken))

    @property
    def options(self) -> tuple[str, ...]:
        """Every option the constraint mentions."""
        return (*self.taken, *self.not_taken)

    def feasible(self, taken: Mapping[str, np.ndarray]) -> np.ndarray:
        """Which candidate combinations satisfy the constraint."""
        match = np.ones(len(next(iter(taken.values()))), dtype=bool)
        for o in self.taken:
            match &= taken[o]
        for o in self.not_taken:
            match &= ~taken[o]
        return ~match


Constraint = AtMostOne | AtLeastOne | ExactlyOne | Requires | Infeasible


def mutually_exclusive(*options: str) -> AtMostOne:
    """The options cannot be taken together (at most one of them is taken).

    Examples
    --------
    >>> mutually_exclusive("withdraw", "escalate")
    AtMostOne(options=('withdraw', 'escalate'))
    """
    return AtMostOne(*options)


# ---------------------------------------------------------------------------- preferences


@dataclass(frozen=True)
class Ranking:
    """A decision maker's ranking of the feasible states, best first, by state code.

    A tuple (or list, set) inside the sequence groups equally preferred states, e.g.
    ``Ranking([4, (6, 5), 7])``.  Every feasible state must appear exactly once.
    """

    states: tuple[int | tuple[int, ...], ...]

    def __init__(self, states: Iterable[Any]) -> None:
        groups: list[int | tuple[int, ...]] = []
        for item in states:
            if isinstance(item, Iterable) and not isinstance(item, str | bytes):
                groups.append(tuple(_as_code(v) for v in item))
            else:
                groups.append(_as_code(item))
        object.__setattr__(self, "states", tuple(groups))


@dataclass(frozen=True)
class Priorities:
    """Option-prioritisation statements, most important first (e.g. ``"-2"``, ``"1 IF 3"``).

    Options are numbered from 1 in the model's option order; see
    :mod:`crisisgames.games.option_statements` for the syntax and the scoring.
    """

    statements: tuple[str, ...]

    def __init__(self, statements: Iterable[str]) -> None:
        object.__setattr__(self, "statements", tuple(statements))


Preference = Ranking | Priorities


def _as_code(v: Any) -> int:
    if isinstance(v, bool) or not isinstance(v, int | np.integer):
        raise InvalidPayoffError(f"a state in a ranking is an integer code, got {v!r}")
    return int(v)


def _as_preference(dm: str, pref: Any) -> Preference:
    if isinstance(pref, Ranking | Priorities):
        return pref
    if isinstance(pref, str) or not isinstance(pref, Iterable):
        raise InvalidPayoffError(
            f"preferences of {dm!r}: give a Ranking, Priorities, a list of state codes "
            f"(best first) or a list of option statements; got {pref!r}"
        )
    items = list(pref)
    if items and all(isinstance(x, str) for x in items):
        return Priorities(items)
    return Ranking(items)


# ---------------------------------------------------------------------------- the model

Direction = Literal["both", "on", "off"]


def _labels(values: Iterable[Any], what: str) -> list[str]:
    out = list(values)
    for v in out:
        if not isinstance(v, str) or not v.strip():
            raise InvalidLabelError(f"{what}: labels must be non-empty strings, got {v!r}")
    return out


class ConflictModel:
    """An option-form conflict model, validated and ready for stability analysis.

    Immutable.  All inputs are checked here, before any analysis, and every problem is
    reported with the names involved.

    Parameters
    ----------
    decision_makers
        ``{dm: [option, ...]}`` in order; each option a name or an :class:`Option`.
    preferences
        ``{dm: preference}`` for every DM: a :class:`Ranking` (or a list of state codes,
        best first, tuples for ties) or :class:`Priorities` (or a list of statements).
    constraints
        Feasibility constraints: :class:`AtMostOne` (alias :func:`mutually_exclusive`),
        :class:`AtLeastOne`, :class:`ExactlyOne`, :class:`Requires`, :class:`Infeasible`.
    irreversible
        Options that can only be switched on, as names; or a mapping
        ``{option: "on" | "off"}`` ("off": can only be switched off, e.g. a delay that
        cannot be resumed once dropped).
    status_quo
        The code of the status-quo state (default: the lowest feasible code, i.e. state 0,
        no option taken, whenever that is feasible).
    name
        A title for tables and plots.

    Raises
    ------
    InvalidLabelError
        A DM or option named twice, or an empty name.
    UnknownLabelError
        A constraint, irreversibility or preference about an unknown DM or option.
    InvalidGameError
        A DM without options, constraints that leave no feasible state, an irreversible
        option that is never off (never on, for "off"), an infeasible status quo.
    InvalidPayoffError
        A ranking that misses, repeats or invents a state; a malformed statement.
    UnsupportedGameError
        More than 22 options in all.

    Examples
    --------
    >>> m = ConflictModel({"US": ["strike"], "USSR": ["withdraw"]},
    ...                   {"US": [2, 3, 0, 1], "USSR": [(0, 1), 2, 3]})
    >>> m.levels.tolist()  # preference levels, higher is better; ties share a level
    [[1, 0, 3, 2], [2, 2, 1, 0]]
    """

    __slots__ = (
        "_codes",
        "_description",
        "_direction",
        "_dm_of_option",
        "_dms",
        "_improvements",
        "_index_of_code",
        "_levels",
        "_moves",
        "_name",
        "_options",
        "_preferences",
        "_status_quo",
    )

    def __init__(
        self,
        decision_makers: Mapping[str, Sequence[str | Option]],
        preferences: Mapping[str, Any],
        *,
        constraints: Iterable[Constraint] = (),
        irreversible: Iterable[str] | Mapping[str, Direction] = (),
        status_quo: int | None = None,
        name: str = "conflict",
    ) -> None:
        self._name = str(name)
        # --- decision makers and options
        if not isinstance(decision_makers, Mapping) or not decision_makers:
            raise InvalidGameError("a conflict needs at least one decision maker with options")
        dms = _labels(decision_makers.keys(), "decision makers")
        options: list[Option] = []
        owner: list[int] = []
        for d, dm in enumerate(dms):
            opts = decision_makers[dm]
            if isinstance(opts, str | Option):
                opts = [opts]
            opts = list(opts)
            if not opts:
                raise InvalidGameError(f"decision maker {dm!r} has no options")
            for o in opts:
                opt = o if isinstance(o, Option) else Option(o)
                _labels([opt.name], f"options of {dm!r}")
                options.append(opt)
                owner.append(d)
        names = [o.name for o in options]
        dupes = sorted({n for n in names if names.count(n) > 1})
        if dupes:
            raise InvalidLabelError(f"options named more than once: {dupes}")
        if len(options) > MAX_OPTIONS:
            raise UnsupportedGameError(
                f"{len(options)} options: at most {MAX_OPTIONS} are supported (the feasible "
                "states are found by enumerating every combination)"
            )
        self._dms = tuple(dms)
        self._options = tuple(options)
        self._dm_of_option = np.asarray(owner, dtype=np.int64)
        self._dm_of_option.setflags(write=False)
        # --- irreversibility
        direction: list[Direction] = ["both"] * len(options)
        items: Iterable[tuple[str, Any]] = (
            irreversible.items()
            if isinstance(irreversible, Mapping)
            else (
                (o, "on")
                for o in ([irreversible] if isinstance(irreversible, str) else irreversible)
            )
        )
        for o, how in items:
            k = self._option_index(o, "irreversible options")
            if how not in ("on", "off"):
                raise InvalidGameError(
                    f"irreversible option {o!r}: direction must be 'on' (can only be taken) "
                    f"or 'off' (can only be dropped), got {how!r}"
                )
            direction[k] = how
        self._direction = tuple(direction)
        # --- feasible states
        all_codes = np.arange(2 ** len(options), dtype=np.int64)
        taken = {o.name: ((all_codes >> k) & 1).astype(bool) for k, o in enumerate(options)}
        feasible = np.ones(all_codes.size, dtype=bool)
        for c in constraints:
            if not hasattr(c, "feasible") or not hasattr(c, "options"):
                raise InvalidGameError(f"not a constraint: {c!r}")
            for o in c.options:
                self._option_index(o, f"constraint {c!r}")
            feasible &= c.feasible(taken)
        codes = all_codes[feasible]
        if codes.size == 0:
            raise InvalidGameError("the constraints leave no feasible state")
        for k, how in enumerate(direction):
            bit = (codes >> k) & 1
            if how == "on" and bit.all():
                raise InvalidGameError(
                    f"option {options[k].name!r} can only be switched on, but it is on in every "
                    "feasible state: it has no 'off' state to start from"
                )
            if how == "off" and not bit.any():
                raise InvalidGameError(
                    f"option {options[k].name!r} can only be switched off, but it is off in "
                    "every feasible state: it has no 'on' state to start from"
                )
        codes.setflags(write=False)
        self._codes = codes
        self._index_of_code = {int(c): i for i, c in enumerate(codes)}
        if status_quo is None:
            status_quo = int(codes[0])
        if status_quo not in self._index_of_code:
            raise InvalidGameError(
                f"the status quo {status_quo!r} is not a feasible state; feasible codes are "
                f"{codes.tolist()[:20]}{' ...' if codes.size > 20 else ''}"
            )
        self._status_quo = self._index_of_code[status_quo]
        # --- preferences
        if not isinstance(preferences, Mapping):
            raise InvalidPayoffError("preferences must be a mapping {decision maker: preference}")
        unknown = [d for d in preferences if d not in self._dms]
        if unknown:
            raise UnknownLabelError(
                f"preferences given for unknown decision makers {unknown}; they are {list(dms)}"
            )
        missing = [d for d in self._dms if d not in preferences]
        if missing:
            raise InvalidPayoffError(f"no preferences given for {missing}")
        self._preferences = tuple(_as_preference(d, preferences[d]) for d in self._dms)
        taken_feasible = ((codes[:, None] >> np.arange(len(options))) & 1).astype(bool)
        levels = np.stack(
            [
                self._levels_of(d, p, taken_feasible)
                for d, p in zip(self._dms, self._preferences, strict=True)
            ]
        )
        levels.setflags(write=False)
        self._levels = levels
        # --- unilateral moves and improvements (the J_i and J_i^+ of the matrix form)
        self._moves = tuple(self._build_moves(d) for d in range(len(self._dms)))
        self._improvements = tuple(
            self._improving(m, self._levels[d]) for d, m in enumerate(self._moves)
        )

    # ------------------------------------------------------------------ construction helpers
    def _option_index(self, name: Any, where: str) -> int:
        for k, o in enumerate(self._options):
            if o.name == name:
                return k
        raise UnknownLabelError(
            f"{where}: unknown option {name!r}; the options are {[o.name for o in self._options]}"
        )

    def _levels_of(self, dm: str, pref: Preference, taken: np.ndarray) -> np.ndarray:
        n = self._codes.size
        if isinstance(pref, Priorities):
            score = priority_scores(pref.statements, taken)
        else:
            score = np.full(n, -1, dtype=np.int64)
            groups = [g if isinstance(g, tuple) else (g,) for g in pref.states]
            seen: dict[int, int] = {}
            for rank, group in enumerate(groups):
                for code in group:
                    if code not in self._index_of_code:
                        raise InvalidPayoffError(
                            f"ranking of {dm!r} lists state {code}, which is not a feasible state"
                        )
                    if code in seen:
                        raise InvalidPayoffError(
                            f"ranking of {dm!r} lists state {code} more than once"
                        )
                    seen[code] = rank
                    score[self._index_of_code[code]] = len(groups) - rank
            if len(seen) < n:
                absent = [int(c) for c in self._codes if int(c) not in seen]
                raise InvalidPayoffError(
                    f"ranking of {dm!r} misses feasible states {absent[:20]}"
                    f"{' ...' if len(absent) > 20 else ''}"
                )
        # Dense levels 0..k-1: exact in float64 for the kernels whatever the raw scores.
        return np.unique(score, return_inverse=True)[1].reshape(n).astype(np.int64)

    def _build_moves(self, d: int) -> sp.csr_array:
        """DM ``d``'s unilateral moves: states that differ only in its options, respecting
        irreversibility (``J_d[s, t]`` is True when ``d`` can move from ``s`` to ``t``)."""
        codes = self._codes
        n = codes.size
        own = np.flatnonzero(self._dm_of_option == d)
        mask = int(sum(1 << int(k) for k in own))
        others = codes & ~np.int64(mask)
        # Group states by the others' options; every pair inside a group is a candidate.
        order = np.argsort(others, kind="stable")
        keys = others[order]
        starts = np.flatnonzero(np.r_[True, keys[1:] != keys[:-1]])
        sizes = np.diff(np.r_[starts, n])
        group_of = np.repeat(np.arange(starts.size), sizes)  # group of sorted position
        per = sizes[group_of]
        rows_pos = np.repeat(np.arange(n), per)
        offset = np.arange(rows_pos.size) - np.repeat(np.cumsum(per) - per, per)
        cols_pos = starts[group_of[rows_pos]] + offset
        rows, cols = order[rows_pos], order[cols_pos]
        keep = rows != cols
        on = int(sum(1 << int(k) for k in own if self._direction[k] == "on"))
        off = int(sum(1 << int(k) for k in own if self._direction[k] == "off"))
        if on:  # an option that can only be switched on stays on
            keep &= (codes[rows] & ~codes[cols] & on) == 0
        if off:  # an option that can only be switched off stays off
            keep &= (~codes[rows] & codes[cols] & off) == 0
        rows, cols = rows[keep], cols[keep]
        return sp.csr_array(
            (np.ones(rows.size, dtype=bool), (rows, cols)), shape=(n, n), dtype=bool
        )

    @staticmethod
    def _improving(moves: sp.csr_array, level: np.ndarray) -> sp.csr_array:
        coo = moves.tocoo()
        keep = level[coo.col] > level[coo.row]
        n = moves.shape[0]
        return sp.csr_array(
            (np.ones(int(keep.sum()), dtype=bool), (coo.row[keep], coo.col[keep])),
            shape=(n, n),
            dtype=bool,
        )

    # ------------------------------------------------------------------ properties
    @property
    def name(self) -> str:
        """The model's title."""
        return self._name

    @property
    def decision_makers(self) -> tuple[str, ...]:
        """The decision makers, in order."""
        return self._dms

    @property
    def options(self) -> tuple[Option, ...]:
        """All options, in code order (option ``i`` contributes ``2**i``)."""
        return self._options

    @property
    def option_owners(self) -> tuple[str, ...]:
        """The decision maker controlling each option."""
        return tuple(self._dms[d] for d in self._dm_of_option)

    def options_of(self, dm: str | int) -> tuple[str, ...]:
        """The names of a decision maker's options."""
        d = self.dm_index(dm)
        return tuple(
            o.name for o, k in zip(self._options, self._dm_of_option, strict=True) if k == d
        )

    @property
    def directions(self) -> tuple[Direction, ...]:
        """Per option: ``"both"`` (reversible), ``"on"`` or ``"off"`` (irreversible)."""
        return self._direction

    @property
    def codes(self) -> np.ndarray:
        """The feasible states' codes, ascending (read-only); state ``k`` has ``codes[k]``."""
        return self._codes

    @property
    def n_states(self) -> int:
        """The number of feasible states."""
        return int(self._codes.size)

    @property
    def levels(self) -> np.ndarray:
        """Preference levels, shape ``(n_dms, n_states)``: higher is better, ties equal."""
        return self._levels

    @property
    def preferences(self) -> tuple[Preference, ...]:
        """Each DM's preferences as given."""
        return self._preferences

    @property
    def status_quo(self) -> int:
        """The status quo's code."""
        return int(self._codes[self._status_quo])

    # ------------------------------------------------------------------ lookups
    def dm_index(self, dm: str | int) -> int:
        """Position of a decision maker given by label or index."""
        if isinstance(dm, int | np.integer) and not isinstance(dm, bool):
            if 0 <= dm < len(self._dms):
                return int(dm)
        elif dm in self._dms:
            return self._dms.index(dm)
        raise UnknownLabelError(
            f"unknown decision maker {dm!r}; the decision makers are {list(self._dms)}"
        )

    def state_index(self, code: int) -> int:
        """Position (in :attr:`codes`) of a feasible state given by its code."""
        try:
            return self._index_of_code[int(code)]
        except (KeyError, TypeError, ValueError):
            raise UnknownLabelError(f"{code!r} is not the code of a feasible state") from None

    def taken(self, code: int) -> tuple[str, ...]:
        """The names of the options taken at a state."""
        self.state_index(code)
        return tuple(o.name for k, o in enumerate(self._options) if (int(code) >> k) & 1)

    def describe(self, code: int) -> str:
        """A state in words: the phrases of the options taken, e.g. ``"US blockade, USSR
        withdraws"``, or ``"no option taken"``."""
        self.state_index(code)
        words = [o.phrase for k, o in enumerate(self._options) if (int(code) >> k) & 1]
        return ", ".join(words) if words else "no option taken"

    def rank(self, dm: str | int, code: int) -> int:
        """A state's place in a DM's preference order, 1 = (equal) best."""
        d = self.dm_index(dm)
        lev = self._levels[d]
        return int(lev.max() - lev[self.state_index(code)] + 1)

    # ------------------------------------------------------------------ graph
    def moves(self, dm: str | int) -> sp.csr_array:
        """DM's unilateral moves as a sparse boolean matrix over state indices (``J_i``)."""
        return self._moves[self.dm_index(dm)]

    def improvements(self, dm: str | int) -> sp.csr_array:
        """DM's unilateral improvements as a sparse boolean matrix (``J_i^+``)."""
        return self._improvements[self.dm_index(dm)]

    def reachable(self, dm: str | int, code: int) -> tuple[int, ...]:
        """Codes of the states a DM can reach from a state by one unilateral move."""
        m = self.moves(dm)
        s = self.state_index(code)
        return tuple(int(c) for c in self._codes[m.indices[m.indptr[s] : m.indptr[s + 1]]])

    def improvements_from(self, dm: str | int, code: int) -> tuple[int, ...]:
        """Codes of a DM's unilateral improvements from a state."""
        m = self.improvements(dm)
        s = self.state_index(code)
        return tuple(int(c) for c in self._codes[m.indices[m.indptr[s] : m.indptr[s + 1]]])

    def __repr__(self) -> str:
        return (
            f"ConflictModel({self._name!r}: {len(self._dms)} decision makers, "
            f"{len(self._options)} options, {self.n_states} feasible states)"
        )
