"""Stability analysis of graph models: Nash (R), GMR, SMR and SEQ, for any number of DMs.

Definitions (Fang, Hipel & Kilgour, *Interactive Decision Making: The Graph Model for
Conflict Resolution*, Wiley 1993, ch. 4), for a decision maker ``i``, a state ``s``, ``N``
the set of DMs and ``H = N - {i}`` the others acting as a coalition:

* ``R_i(s)``: states ``i`` reaches from ``s`` by one unilateral move; ``R_i^+(s)`` those it
  strictly prefers to ``s`` (its *unilateral improvements*, UIs).
* ``R_H(s)``: states reached from ``s`` by *legal* sequences of unilateral moves by members
  of ``H`` (at least one move; no member moves twice in a row); ``R_H^+(s)`` the same with
  every move a UI of its mover, from the state where it is made.
* **Nash (R)**: ``i`` has no UI from ``s``.
* **GMR** (general metarationality): every UI ``s1`` of ``i`` can be *sanctioned*: some
  ``s2`` in ``R_H(s1)`` is not preferred by ``i`` to ``s``.
* **SMR** (symmetric metarationality): as GMR, with a sanction ``s2`` from which no
  counter-move of ``i`` (``s3`` in ``R_i(s2)``) reaches a state ``i`` prefers to ``s``.
* **SEQ** (sequential stability): as GMR, with the sanction reached by the others' UIs
  only (``s2`` in ``R_H^+(s1)``): a credible sanction.

A state is an *equilibrium* under a concept if it is stable for every DM.  Howard's
metarational outcomes correspond to GMR (general) and SMR (symmetric) stability.  Every
Nash-stable state is stable under the other three, and SMR- and SEQ-stable states are
GMR-stable (``tests/test_conflict.py`` checks these on random models).

**Matrix form.**  Xu, Hipel, Kilgour & Fang, "Matrix representation of solution concepts in
multiple-decision-maker graph models", *IEEE Trans. SMC-A* 39(1), 2009, 96-108, write the
analysis with boolean matrices: each DM's reachability ``J_i`` and preference matrices
``P_i^+`` (strictly preferred) and ``P_i^{-,=}`` (not preferred), ``J_i^+ = J_i o P_i^+``,
the coalition reachability ``M_H`` built by the recursion ``M_j^(t) = sign(sum_{k != j}
M_k^(t-1) . J_j)`` over last movers ``j``, and e.g. ``M_i^GMR = J_i^+ . (E - sign(M_H .
(P_i^{-,=})^T))``, whose zero diagonal entries are the GMR-stable states.  Three methods
compute the same sets (the tests check that they agree):

``method="sparse"`` (default)
    The matrix form with the products carried out against vectors.  Preferences here are
    complete preorders (rankings with ties, or statement scores), so ``P_i^{-,=}`` is
    ``[level(q) <= level(s)]`` and ``sign(M_H . (P_i^{-,=})^T)[s1, s]`` is simply
    ``min over R_H(s1) of level_i <= level_i(s)``: the matrix product collapses to the
    vector ``m(s1) = min(level_i over R_H(s1))``, computed on the sparse ``J_j`` by the
    same last-mover recursion in the (min, .) semiring, iterated to its fixed point.
    A state is then stable when ``m(s1) <= level_i(s)`` for each of its UIs ``s1``.  Cost:
    a few passes over the nonzeros of the ``J_j``, so 10^4-state models take
    milliseconds and the dense ``n x n`` matrices are never formed.
``method="dense"``
    The literal matrix form above with dense NumPy arrays (for checking; ``O(n^3)``).
``method="loop"``
    A straightforward loop over states applying the definitions with Python sets and a
    breadth-first search for ``R_H`` (for checking, and the benchmark's reference).

Examples
--------
>>> from crisisgames.games.conflict import ConflictModel
>>> pd = ConflictModel({"A": ["A defects"], "B": ["B defects"]},
...                    {"A": [1, 0, 3, 2], "B": [2, 0, 3, 1]})
>>> result = stability(pd)
>>> result.equilibria("nash"), result.equilibria("gmr"), result.equilibria("seq")
((3,), (0, 3), (0, 3))
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Literal

import numpy as np
import scipy.sparse as sp

from crisisgames.errors import InvalidGameError, UnknownLabelError, UnsupportedGameError
from crisisgames.games.conflict import ConflictModel

__all__ = [
    "CONCEPTS",
    "ImprovementPath",
    "Method",
    "StabilityAnalysis",
    "coalition_min",
    "stability",
    "stability_table",
    "status_quo_path",
]

CONCEPTS: tuple[str, ...] = ("nash", "gmr", "smr", "seq")
CONCEPT_NAMES = {"nash": "Nash", "gmr": "GMR", "smr": "SMR", "seq": "SEQ"}
Method = Literal["sparse", "dense", "loop"]
DENSE_LIMIT = 3000


# ---------------------------------------------------------------------------- sparse kernels


def _row_min(matrix: sp.csr_array, values: np.ndarray) -> np.ndarray:
    """``out[s] = min(values[t] for t with matrix[s, t])``, ``+inf`` for an empty row."""
    out = np.full(matrix.shape[0], np.inf)
    counts = np.diff(matrix.indptr)
    rows = counts > 0
    if rows.any():
        out[rows] = np.minimum.reduceat(values[matrix.indices], matrix.indptr[:-1][rows])
    return out


def _row_max(matrix: sp.csr_array, values: np.ndarray) -> np.ndarray:
    """``out[s] = max(values[t] for t with matrix[s, t])``, ``-inf`` for an empty row."""
    return -_row_min(matrix, -values)


def coalition_min(moves: Sequence[sp.csr_array], values: np.ndarray) -> np.ndarray:
    """For each state, the minimum of ``values`` over the states a coalition reaches.

    ``moves[j]`` is member ``j``'s move matrix (``J_j``, or ``J_j^+`` for improvements);
    the coalition moves by legal sequences: at least one move, no member twice in a row.
    ``v_j(s)``, the minimum over sequences whose first mover is ``j``, satisfies
    ``v_j(s) = min over t in R_j(s) of min(values(t), min_{k != j} v_k(t))``; iterating
    from ``+inf`` reaches the least fixed point, i.e. exactly the reachable set.

    Parameters
    ----------
    moves
        One sparse boolean ``n x n`` matrix per coalition member.
    values
        One value per state.

    Returns
    -------
    numpy.ndarray
        ``+inf`` where the coalition cannot move at all.

    Examples
    --------
    >>> import scipy.sparse as sp
    >>> a = sp.csr_array([[0, 1, 0], [0, 0, 0], [0, 0, 0]], dtype=bool)  # A: 0 -> 1
    >>> b = sp.csr_array([[0, 0, 0], [0, 0, 1], [0, 0, 0]], dtype=bool)  # B: 1 -> 2
    >>> coalition_min([a, b], np.array([5.0, 4.0, 1.0])).tolist()
    [1.0, 1.0, inf]
    """
    values = np.asarray(values, dtype=np.float64)
    n = values.size
    if not moves:
        return np.full(n, np.inf)
    v = [np.full(n, np.inf) for _ in moves]
    for _ in range(n + 2):  # a legal sequence revisits no (state, mover) pair: <= n passes
        changed = False
        for j, m in enumerate(moves):
            after = values
            for k in range(len(moves)):
                if k != j:
                    after = np.minimum(after, v[k])
            new = _row_min(m, after)
            if np.any(new < v[j]):
                v[j] = np.minimum(v[j], new)
                changed = True
        if not changed:
            break
    return np.minimum.reduce(v)


def _unsanctioned(improve: sp.csr_array, level: np.ndarray, sanction: np.ndarray) -> np.ndarray:
    """Per state, how many UIs ``s1`` have no sanction (``sanction[s1] > level[s]``)."""
    coo = improve.tocoo()
    bad = sanction[coo.col] > level[coo.row]
    return np.bincount(coo.row[bad], minlength=improve.shape[0])


def _sanctions_sparse(model: ConflictModel, i: int, concept: str) -> np.ndarray:
    """The vector ``m`` of the module docstring for DM ``i`` (``+inf``: no sanction)."""
    n = model.n_states
    level = model.levels[i].astype(np.float64)
    others = [j for j in range(len(model.decision_makers)) if j != i]
    if concept == "nash":
        return np.full(n, np.inf)
    if concept == "gmr":
        return coalition_min([model.moves(j) for j in others], level)
    if concept == "smr":
        # The best state i can reach from s2 by staying or by one counter-move.
        counter = np.maximum(level, _row_max(model.moves(i), level))
        return coalition_min([model.moves(j) for j in others], counter)
    if concept == "seq":
        return coalition_min([model.improvements(j) for j in others], level)
    raise UnknownLabelError(f"unknown stability concept {concept!r}; choose from {CONCEPTS}")


# ---------------------------------------------------------------------------- dense (Xu et al.)


def _dense_coalition_reach(mats: Sequence[np.ndarray]) -> np.ndarray:
    """``M_H``: the union over ``t`` of Xu et al.'s ``M_j^(t) = sign(sum_{k != j}
    M_k^(t-1) . J_j)``, ``M_j^(1) = J_j``, computed frontier by frontier."""
    n = mats[0].shape[0] if mats else 0
    if not mats:
        return np.zeros((0, 0), dtype=bool)
    f = [m.astype(np.float64) for m in mats]
    last = [m.copy() for m in mats]
    total = [m.copy() for m in mats]
    for _ in range(n * len(mats) + 1):
        new = []
        for j in range(len(mats)):
            acc = np.zeros((n, n))
            for k in range(len(mats)):
                if k != j and last[k].any():
                    acc += last[k].astype(np.float64) @ f[j]
            new.append((acc > 0) & ~total[j])
        if not any(x.any() for x in new):
            break
        for j in range(len(mats)):
            total[j] |= new[j]
        last = new
    return np.logical_or.reduce(total)


def _stable_dense(model: ConflictModel, i: int, concept: str) -> np.ndarray:
    n = model.n_states
    lev = model.levels[i]
    j_i = model.moves(i).toarray()
    p_plus = lev[None, :] > lev[:, None]  # P_i^+[s, q]: q strictly preferred to s
    p_minus_eq = lev[None, :] <= lev[:, None]  # P_i^{-,=}[s, q]: q not preferred to s
    j_plus = j_i & p_plus
    if concept == "nash":
        return ~j_plus.any(axis=1)
    others = [j for j in range(len(model.decision_makers)) if j != i]
    if concept == "seq":
        m_h = _dense_coalition_reach([model.improvements(j).toarray() for j in others])
    else:
        m_h = _dense_coalition_reach([model.moves(j).toarray() for j in others])
    if not others:
        m_h = np.zeros((n, n), dtype=bool)
    if concept == "smr":
        # F[s2, s]: s2 not preferred to s, and no counter-move from s2 beats s.
        counter = (j_i.astype(np.float64) @ p_plus.T.astype(np.float64)) > 0
        target = p_minus_eq.T & ~counter
    else:
        target = p_minus_eq.T
    sanctioned = (m_h.astype(np.float64) @ target.astype(np.float64)) > 0  # [s1, s]
    # diag(J_i^+ . (E - sanctioned)) counts the unsanctioned UIs of each state.
    unsanctioned = (j_plus & ~sanctioned.T).sum(axis=1)
    return np.asarray(unsanctioned == 0)


# ---------------------------------------------------------------------------- loop (definitions)


class _Loop:
    """The definitions applied state by state, with Python sets; independent of the
    model's move matrices (moves are rebuilt here from the options)."""

    def __init__(self, model: ConflictModel) -> None:
        self.model = model
        codes = [int(c) for c in model.codes]
        self.codes = codes
        self.levels = [[int(v) for v in row] for row in model.levels]
        owners = [model.dm_index(o) for o in model.option_owners]
        self.masks = [
            sum(1 << k for k, d in enumerate(owners) if d == i)
            for i in range(len(model.decision_makers))
        ]
        self.on = sum(1 << k for k, d in enumerate(model.directions) if d == "on")
        self.off = sum(1 << k for k, d in enumerate(model.directions) if d == "off")
        self.groups: list[dict[int, list[int]]] = []
        for mask in self.masks:
            g: dict[int, list[int]] = {}
            for s, c in enumerate(codes):
                g.setdefault(c & ~mask, []).append(s)
            self.groups.append(g)

    def reach(self, i: int, s: int) -> list[int]:
        c = self.codes[s]
        out = []
        for t in self.groups[i][c & ~self.masks[i]]:
            d = self.codes[t]
            if t == s or (c & ~d & self.on) or (~c & d & self.off):
                continue
            out.append(t)
        return out

    def improve(self, i: int, s: int) -> list[int]:
        lev = self.levels[i]
        return [t for t in self.reach(i, s) if lev[t] > lev[s]]

    def coalition(self, members: list[int], start: int, improving: bool) -> set[int]:
        step = self.improve if improving else self.reach
        seen_pairs: set[tuple[int, int]] = set()
        states: set[int] = set()
        queue = deque([(start, -1)])
        while queue:
            s, last = queue.popleft()
            for j in members:
                if j == last:
                    continue
                for t in step(j, s):
                    if (t, j) not in seen_pairs:
                        seen_pairs.add((t, j))
                        states.add(t)
                        queue.append((t, j))
        return states

    def stable(self, i: int, s: int, concept: str) -> bool:
        lev = self.levels[i]
        others = [j for j in range(len(self.masks)) if j != i]
        for s1 in self.improve(i, s):
            if concept == "nash":
                return False
            reach = self.coalition(others, s1, improving=concept == "seq")
            if concept == "smr":
                ok = any(
                    lev[s2] <= lev[s] and all(lev[s3] <= lev[s] for s3 in self.reach(i, s2))
                    for s2 in reach
                )
            else:
                ok = any(lev[s2] <= lev[s] for s2 in reach)
            if not ok:
                return False
        return True


def _stable_loop(
    model: ConflictModel, concepts: Sequence[str], states: Iterable[int] | None = None
) -> np.ndarray:
    loop = _Loop(model)
    idx = range(model.n_states) if states is None else list(states)
    out = np.zeros((len(concepts), len(model.decision_makers), model.n_states), dtype=bool)
    for c, concept in enumerate(concepts):
        for i in range(len(model.decision_makers)):
            for s in idx:
                out[c, i, s] = loop.stable(i, s, concept)
    return out


# ---------------------------------------------------------------------------- results


@dataclass(frozen=True, eq=False)
class StabilityAnalysis:
    """Stability of every state for every decision maker under each concept.

    Attributes
    ----------
    model
        The model analysed.
    concepts
        The concepts, among ``"nash"``, ``"gmr"``, ``"smr"``, ``"seq"``.
    stable
        Read-only boolean array ``(n_concepts, n_dms, n_states)``, states in
        :attr:`ConflictModel.codes` order.
    method
        ``"sparse"``, ``"dense"`` or ``"loop"``.

    Examples
    --------
    >>> from crisisgames.games.conflict_models import fraser_hipel
    >>> result = stability(fraser_hipel())
    >>> result.equilibria("seq"), result.is_stable(6, "US", "nash")
    ((4, 5, 6), False)
    """

    model: ConflictModel
    concepts: tuple[str, ...]
    stable: np.ndarray
    method: str
    _sanctions: np.ndarray | None = field(default=None, repr=False)

    def _concept(self, concept: str) -> int:
        key = concept.lower()
        if key == "r":
            key = "nash"
        if key not in self.concepts:
            raise UnknownLabelError(
                f"unknown or unanalysed concept {concept!r}; analysed: {list(self.concepts)}"
            )
        return self.concepts.index(key)

    def is_stable(self, code: int, dm: str | int, concept: str) -> bool:
        """Whether a state (by code) is stable for a DM under a concept."""
        return bool(
            self.stable[
                self._concept(concept), self.model.dm_index(dm), self.model.state_index(code)
            ]
        )

    def stable_states(self, dm: str | int, concept: str) -> tuple[int, ...]:
        """Codes of the states stable for one DM under a concept."""
        mask = self.stable[self._concept(concept), self.model.dm_index(dm)]
        return tuple(int(c) for c in self.model.codes[mask])

    def equilibrium_mask(self, concept: str) -> np.ndarray:
        """Boolean mask over states: stable for every DM under the concept."""
        return np.asarray(self.stable[self._concept(concept)].all(axis=0))

    def equilibria(self, concept: str) -> tuple[int, ...]:
        """Codes of the equilibria (states stable for every DM) under a concept."""
        return tuple(int(c) for c in self.model.codes[self.equilibrium_mask(concept)])

    def to_text(self, *, improvements: bool = True, path_concept: str | None = "seq") -> str:
        """The stability table, the equilibria, the UIs and the status-quo path, as text."""
        return _format(self, improvements=improvements, path_concept=path_concept)

    def __str__(self) -> str:
        return self.to_text()


@dataclass(frozen=True)
class ImprovementPath:
    """A path of unilateral improvements from a starting state (see :func:`status_quo_path`).

    Attributes
    ----------
    concept
        The stability concept that decides who moves and where the path stops.
    states
        Codes of the states visited, the start first.
    movers
        The DM making each move (one fewer than ``states``).
    end
        ``"equilibrium"`` (the last state is one under ``concept``) or ``"cycle"`` (the last
        state was visited before).
    """

    concept: str
    states: tuple[int, ...]
    movers: tuple[str, ...]
    end: str

    def describe(self, model: ConflictModel | None = None) -> str:
        """One line, e.g. ``0 -> 2 (US) -> 6 (USSR): equilibrium under SEQ``."""
        steps = [str(self.states[0])]
        for s, dm in zip(self.states[1:], self.movers, strict=True):
            steps.append(f"{s} ({dm})")
        tail = (
            f"equilibrium under {CONCEPT_NAMES[self.concept]}"
            if self.end == "equilibrium"
            else "cycle"
        )
        text = " -> ".join(steps) + f": {tail}"
        if model is not None:
            text += "; " + " -> ".join(model.describe(s) for s in self.states)
        return text


# ---------------------------------------------------------------------------- API


def stability(
    model: ConflictModel,
    *,
    concepts: Sequence[str] = CONCEPTS,
    method: Method = "sparse",
) -> StabilityAnalysis:
    """Analyse the stability of every state of a conflict model.

    Parameters
    ----------
    model
        The conflict model.
    concepts
        Which of ``"nash"``, ``"gmr"``, ``"smr"``, ``"seq"`` to compute (all by default).
    method
        ``"sparse"`` (fast), ``"dense"`` (the literal matrix form, up to 3000 states) or
        ``"loop"`` (the definitions state by state); see the module docstring.

    Returns
    -------
    StabilityAnalysis

    Raises
    ------
    UnknownLabelError
        An unknown concept.
    InvalidGameError
        An unknown method.
    UnsupportedGameError
        ``method="dense"`` on more than 3000 states.

    Examples
    --------
    >>> from crisisgames.games.conflict_models import fraser_hipel
    >>> stability(fraser_hipel(), method="dense").equilibria("gmr")
    (0, 1, 2, 4, 5, 6, 7)
    """
    # "R" (rational) is the literature's other name for Nash stability; duplicates dropped.
    keys = tuple(dict.fromkeys(c.lower() if c.lower() != "r" else "nash" for c in concepts))
    for c in keys:
        if c not in CONCEPTS:
            raise UnknownLabelError(f"unknown stability concept {c!r}; choose from {CONCEPTS}")
    n_dm = len(model.decision_makers)
    sanctions = None
    if method == "sparse":
        stable = np.zeros((len(keys), n_dm, model.n_states), dtype=bool)
        sanctions = np.zeros((len(keys), n_dm, model.n_states))
        for k, concept in enumerate(keys):
            for i in range(n_dm):
                m = _sanctions_sparse(model, i, concept)
                sanctions[k, i] = m
                level = model.levels[i].astype(np.float64)
                stable[k, i] = _unsanctioned(model.improvements(i), level, m) == 0
        sanctions.setflags(write=False)
    elif method == "dense":
        if model.n_states > DENSE_LIMIT:
            raise UnsupportedGameError(
                f"method='dense' forms n x n matrices; {model.n_states} states is more than "
                f"{DENSE_LIMIT}: use method='sparse'"
            )
        stable = np.stack(
            [np.stack([_stable_dense(model, i, c) for i in range(n_dm)]) for c in keys]
        )
    elif method == "loop":
        stable = _stable_loop(model, keys)
    else:
        raise InvalidGameError(f"unknown method {method!r}; choose 'sparse', 'dense' or 'loop'")
    stable.setflags(write=False)
    return StabilityAnalysis(
        model=model, concepts=keys, stable=stable, method=method, _sanctions=sanctions
    )


def stability_table(model: ConflictModel, **kwargs: object) -> str:
    """The stability analysis of a model as a labeled text table.

    Keyword arguments go to :meth:`StabilityAnalysis.to_text`.

    Examples
    --------
    >>> from crisisgames.games.conflict_models import fraser_hipel
    >>> print(stability_table(fraser_hipel()).splitlines()[0])
    Stability analysis: Cuban missile crisis (Fraser & Hipel), air strike irreversible
    """
    return stability(model).to_text(**kwargs)  # type: ignore[arg-type]


def status_quo_path(
    model: ConflictModel,
    *,
    concept: str = "seq",
    start: int | None = None,
    analysis: StabilityAnalysis | None = None,
) -> ImprovementPath:
    """How the conflict can evolve from the status quo by unilateral improvements.

    From the current state, if it is an equilibrium under ``concept`` the path stops.
    Otherwise the first DM (in declared order) for which the state is unstable moves to
    its most preferred UI among those not sanctioned under ``concept`` (for Nash, any UI;
    ties go to the lowest code).  The path also stops when it returns to a visited state.

    Parameters
    ----------
    model
        The conflict model.
    concept
        ``"nash"``, ``"gmr"``, ``"smr"`` or ``"seq"``.
    start
        The starting state's code (default: the model's status quo).
    analysis
        A sparse-method analysis of ``model`` to reuse.

    Examples
    --------
    >>> from crisisgames.games.conflict_models import fraser_hipel
    >>> print(status_quo_path(fraser_hipel()).describe())
    0 -> 2 (US) -> 6 (USSR): equilibrium under SEQ
    """
    key = concept.lower() if concept.lower() != "r" else "nash"
    if analysis is None or analysis._sanctions is None or key not in analysis.concepts:
        analysis = stability(model, concepts=CONCEPTS, method="sparse")
    assert analysis._sanctions is not None
    c = analysis._concept(key)
    s = model.state_index(model.status_quo if start is None else start)
    eq = analysis.equilibrium_mask(key)
    states = [s]
    movers: list[str] = []
    end = "equilibrium"
    while not eq[s]:
        for i in range(len(model.decision_makers)):
            if not analysis.stable[c, i, s]:
                break
        lev = model.levels[i]
        m = model.improvements(i)
        targets = m.indices[m.indptr[s] : m.indptr[s + 1]]
        free = targets[analysis._sanctions[c, i, targets] > lev[s]]
        # Most preferred first, then the lowest code (states are in code order).
        nxt = int(free[np.lexsort((free, -lev[free]))[0]])
        movers.append(model.decision_makers[i])
        states.append(nxt)
        if nxt in states[:-1]:
            end = "cycle"
            break
        s = nxt
    codes = model.codes
    return ImprovementPath(
        concept=key, states=tuple(int(codes[k]) for k in states), movers=tuple(movers), end=end
    )


# ---------------------------------------------------------------------------- text


def _format(analysis: StabilityAnalysis, *, improvements: bool, path_concept: str | None) -> str:
    model = analysis.model
    names = [CONCEPT_NAMES[c] for c in analysis.concepts]
    lines = [
        f"Stability analysis: {model.name}",
        f"{model.n_states} feasible states; decision makers: "
        + "; ".join(f"{dm} ({', '.join(model.options_of(dm))})" for dm in model.decision_makers),
        f"rank: 1 = most preferred; x = stable, . = unstable; method: {analysis.method}",
        "",
    ]
    head = ["code", "state"]
    for dm in model.decision_makers:
        head += [f"{dm} rank", *names]
    head.append("equilibrium")
    table = [head]
    eqs = [analysis.equilibrium_mask(c) for c in analysis.concepts]
    for k, code in enumerate(model.codes):
        row = [str(int(code)), model.describe(int(code))]
        for i, dm in enumerate(model.decision_makers):
            row.append(str(model.rank(dm, int(code))))
            row += ["x" if analysis.stable[c, i, k] else "." for c in range(len(names))]
        row.append(" ".join(n for n, e in zip(names, eqs, strict=True) if e[k]) or "-")
        table.append(row)
    widths = [max(len(r[j]) for r in table) for j in range(len(head))]
    right = {0} | {j for j in range(2, len(head) - 1)}
    for r in table:
        lines.append(
            "  ".join(
                v.rjust(w) if j in right else v.ljust(w)
                for j, (v, w) in enumerate(zip(r, widths, strict=True))
            ).rstrip()
        )
    lines += ["", "equilibria (stable for every decision maker):"]
    for c, n in zip(analysis.concepts, names, strict=True):
        eq = analysis.equilibria(c)
        lines.append(
            f"  {n:<4} " + ("; ".join(f"{s} ({model.describe(s)})" for s in eq) if eq else "none")
        )
    if improvements:
        lines += ["", "unilateral improvements (from -> to):"]
        for dm in model.decision_makers:
            parts = []
            for code in model.codes:
                uis = model.improvements_from(dm, int(code))
                if uis:
                    parts.append(f"{int(code)} -> {', '.join(map(str, uis))}")
            lines.append(f"  {dm}: " + ("; ".join(parts) if parts else "none"))
    if (
        path_concept is not None
        and path_concept.lower() in analysis.concepts
        and analysis._sanctions is not None
    ):
        path = status_quo_path(model, concept=path_concept, analysis=analysis)
        lines += ["", f"path from the status quo ({CONCEPT_NAMES[path.concept]}):"]
        lines.append("  " + path.describe())
        lines += [f"  {s}: {model.describe(s)}" for s in dict.fromkeys(path.states)]
    return "\n".join(lines)
