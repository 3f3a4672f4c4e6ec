"""The 78 structurally distinct strict ordinal 2x2 games, by canonical form.

A strict ordinal 2x2 game gives each player a ranking of the four outcomes, 4 = best and
1 = worst, with no ties: a pair of 2x2 arrays, each a permutation of 1..4.  There are
``4! * 4! = 576`` such pairs, but many describe the same strategic situation under a
relabelling, so they are grouped by three symmetries:

* **swap rows** (rename Row's two strategies): ``R -> R[::-1, :]``, ``C -> C[::-1, :]``;
* **swap columns** (rename Column's two strategies): ``R -> R[:, ::-1]``, ``C -> C[:, ::-1]``;
* **swap players** (Row becomes Column): ``(R, C) -> (C.T, R.T)``.

These generate a group of order 8 (swapping players turns a row swap into a column swap,
so the group is the dihedral group of the square, not ``2**3`` independent flips).

**Canonical form.**  Write a game as the 8-tuple
``(R00, R01, R10, R11, C00, C01, C10, C11)`` and take, over the 8 images of the game
under the group, the lexicographically smallest tuple.  Two games are equivalent exactly
when their canonical forms are equal (the orbit is the same set whichever member one
starts from), so the number of distinct canonical forms is the number of distinct games.
It is 78, as in Rapoport & Guyer, "A taxonomy of 2x2 games", *General Systems* 11 (1966);
by Burnside's lemma, ``(576 + 48) / 8 = 78``: the seven non-identity symmetries fix 48
rank assignments in all, the members of the 12 games that are their own image under one
of them (e.g. Chicken and Prisoners' Dilemma under a player swap), whose orbits have 4
members instead of 8.  Of the 78, 21
have an outcome both players rank best, (4, 4); the other 57 are the "conflict games"
that Brams tabulates in *Theory of Moves* (Cambridge UP, 1994), appendix.

Examples
--------
>>> games = strict_ordinal_games()
>>> len(games), sum(g.is_conflict for g in games)
(78, 57)
>>> canonical_form([[3, 2], [4, 1]], [[3, 4], [2, 1]])  # Chicken: (1,1) (4,2) / (2,4) (3,3)
(1, 4, 2, 3, 1, 2, 4, 3)
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

import numpy as np

from crisisgames.errors import InvalidPayoffError, ShapeError
from crisisgames.games.normal_form import NormalFormGame

__all__ = [
    "OrdinalGame2x2",
    "canonical_form",
    "strict_ordinal_games",
    "symmetry_images",
]

Key = tuple[int, int, int, int, int, int, int, int]


def _as_strict_ranks(ranks: Any, who: str) -> np.ndarray:
    arr = np.asarray(ranks)
    if arr.shape != (2, 2):
        raise ShapeError(f"{who}'s ranks must be a 2x2 array, got shape {arr.shape}")
    if sorted(int(v) for v in arr.flat) != [1, 2, 3, 4] or not np.all(arr == arr.astype(int)):
        raise InvalidPayoffError(
            f"{who}'s ranks must be a permutation of 1, 2, 3, 4 (a strict ordering), "
            f"got {arr.tolist()}"
        )
    return arr.astype(np.int64)


def _key(row: np.ndarray, col: np.ndarray) -> Key:
    return tuple(int(v) for v in (*row.flat, *col.flat))  # type: ignore[return-value]


def symmetry_images(row_ranks: Any, col_ranks: Any) -> tuple[Key, ...]:
    """The 8 images of a strict ordinal 2x2 game under the relabelling symmetries.

    Each image is the 8-tuple ``(R00, R01, R10, R11, C00, C01, C10, C11)``; duplicates
    are kept (a symmetric game maps onto itself), in a fixed order: identity, swap rows,
    swap columns, both, then the same four after swapping the players.

    Examples
    --------
    >>> pd = ([[3, 1], [4, 2]], [[3, 4], [1, 2]])
    >>> len(set(symmetry_images(*pd)))  # PD is symmetric: its orbit has 4 members
    4
    """
    r = _as_strict_ranks(row_ranks, "Row")
    c = _as_strict_ranks(col_ranks, "Column")
    out = []
    for a, b in ((r, c), (c.T, r.T)):  # identity, then players swapped
        for flip_rows, flip_cols in itertools.product((False, True), repeat=2):
            ra, cb = a, b
            if flip_rows:
                ra, cb = ra[::-1, :], cb[::-1, :]
            if flip_cols:
                ra, cb = ra[:, ::-1], cb[:, ::-1]
            out.append(_key(ra, cb))
    return tuple(out)


def canonical_form(row_ranks: Any, col_ranks: Any) -> Key:
    """The lexicographically smallest of the game's 8 symmetry images.

    Parameters
    ----------
    row_ranks, col_ranks
        2x2 arrays, each a permutation of 1..4 (4 = best).

    Returns
    -------
    tuple of 8 ints
        ``(R00, R01, R10, R11, C00, C01, C10, C11)`` of the canonical representative.

    Raises
    ------
    ShapeError, InvalidPayoffError
        If an array is not 2x2 or not a strict ranking.

    Examples
    --------
    Relabelling Chicken's strategies or players does not change its canonical form:

    >>> canonical_form([[1, 4], [2, 3]], [[1, 2], [4, 3]]) == canonical_form(
    ...     [[3, 2], [4, 1]], [[3, 4], [2, 1]])
    True
    """
    return min(symmetry_images(row_ranks, col_ranks))


@dataclass(frozen=True)
class OrdinalGame2x2:
    """One of the 78 strict ordinal 2x2 games, as its canonical representative.

    Attributes
    ----------
    number
        Its position (1..78) in the order of canonical forms.  This is our numbering,
        not Rapoport & Guyer's nor Brams's.
    row, col
        The representative's ranks (4 = best), rows then columns.
    orbit_size
        How many of the 576 rank assignments are this game (8 divided by the size of its
        symmetry group).

    Examples
    --------
    >>> g = strict_ordinal_games()[0]
    >>> g.number, g.row, g.col, g.orbit_size
    (1, ((1, 2), (3, 4)), ((1, 2), (3, 4)), 8)
    """

    number: int
    row: tuple[tuple[int, int], tuple[int, int]]
    col: tuple[tuple[int, int], tuple[int, int]]
    orbit_size: int

    @property
    def key(self) -> Key:
        """The canonical 8-tuple ``(R00, R01, R10, R11, C00, C01, C10, C11)``."""
        return (*self.row[0], *self.row[1], *self.col[0], *self.col[1])

    @property
    def has_mutual_best(self) -> bool:
        """Whether some outcome is ranked 4 by both players."""
        return any(self.row[i][j] == 4 and self.col[i][j] == 4 for i in range(2) for j in range(2))

    @property
    def is_conflict(self) -> bool:
        """Brams's "conflict game": no outcome is best for both (57 of the 78)."""
        return not self.has_mutual_best

    def game(
        self,
        players: Sequence[str] = ("Row", "Column"),
        actions: Sequence[Sequence[str]] = (("r1", "r2"), ("c1", "c2")),
    ) -> NormalFormGame:
        """The representative as an ordinal :class:`NormalFormGame`."""
        return NormalFormGame.from_ranks(self.row, self.col, players=players, actions=actions)

    def __str__(self) -> str:
        cells = [
            f"({self.row[i][j]},{self.col[i][j]})" for i, j in itertools.product(range(2), repeat=2)
        ]
        return f"game {self.number}: {cells[0]} {cells[1]} / {cells[2]} {cells[3]}"


def _all_rank_pairs() -> Iterator[tuple[np.ndarray, np.ndarray]]:
    perms = [np.array(p, dtype=np.int64).reshape(2, 2) for p in itertools.permutations(range(1, 5))]
    return itertools.product(perms, perms)


@cache
def strict_ordinal_games() -> tuple[OrdinalGame2x2, ...]:
    """All structurally distinct strict ordinal 2x2 games (there are 78).

    Generated by canonicalising every one of the ``4!**2 = 576`` rank assignments (see the
    module docstring) and keeping one representative per canonical form, in increasing
    order of the canonical 8-tuple.

    Returns
    -------
    tuple of OrdinalGame2x2
        78 games, numbered 1..78.

    Examples
    --------
    >>> games = strict_ordinal_games()
    >>> sum(g.orbit_size for g in games)
    576
    """
    orbits: dict[Key, int] = {}
    for r, c in _all_rank_pairs():
        key = canonical_form(r, c)
        orbits[key] = orbits.get(key, 0) + 1
    games = tuple(
        OrdinalGame2x2(
            number=n + 1,
            row=((k[0], k[1]), (k[2], k[3])),
            col=((k[4], k[5]), (k[6], k[7])),
            orbit_size=orbits[k],
        )
        for n, k in enumerate(sorted(orbits))
    )
    # The published count (Rapoport & Guyer 1966); a wrong symmetry group would miss it.
    assert len(games) == 78, len(games)
    return games
