"""One entry point for Nash equilibria: :func:`nash_equilibria`."""

from __future__ import annotations

from collections.abc import Sequence
from fractions import Fraction

import numpy as np

from crisisgames.errors import UnsupportedGameError
from crisisgames.games.normal_form import NormalFormGame
from crisisgames.solvers.enumeration import _components, _maximal_nash_subsets, _solve_bimatrix
from crisisgames.solvers.nashpy_backend import NASHPY_METHODS, _nashpy_profiles
from crisisgames.solvers.results import Component, Equilibrium, EquilibriumSet, SolveStatus

__all__ = ["METHODS", "nash_equilibria"]

METHODS = {
    "auto": "enumeration for two players, n-player for three, pure otherwise",
    "enumeration": "all extreme equilibria of a two-player game (vertex enumeration, complete)",
    "pure": "pure-strategy equilibria of any N-player game",
    "n-player": "mixed equilibria of small three-player games (support/polynomial method)",
    **NASHPY_METHODS,
}

Profile = tuple[np.ndarray, ...]


def nash_equilibria(
    game: NormalFormGame,
    method: str = "auto",
    *,
    exact: bool = False,
    tol: float = 1e-9,
) -> EquilibriumSet:
    """Nash equilibria of a game in normal form.

    Parameters
    ----------
    game
        The game.
    method
        ``"auto"`` (default), ``"enumeration"``, ``"pure"``, ``"n-player"``,
        ``"nashpy-support"``, ``"nashpy-vertex"`` or ``"nashpy-lemke-howson"``; see
        :data:`METHODS`.  ``"enumeration"`` returns every extreme equilibrium of a
        two-player game, degenerate or not, and the components of the equilibrium set.
    exact
        Compute in exact rational arithmetic (``"enumeration"`` and ``"pure"``); the
        result then carries :class:`~fractions.Fraction` strategies and payoffs.
    tol
        Relative tolerance of float comparisons (ignored when ``exact``).

    Returns
    -------
    EquilibriumSet

    Raises
    ------
    UnsupportedGameError
        If the method cannot solve this game (wrong number of players, exact mode with a
        float-only method).
    ValueError
        An unknown method, or a negative tolerance.

    Examples
    --------
    The classic Chicken reading of the crisis (ranks, 4 = best):

    >>> from crisisgames import NormalFormGame, nash_equilibria
    >>> g = NormalFormGame.from_ranks(
    ...     [[3, 2], [4, 1]], [[3, 4], [2, 1]], players=["US", "USSR"],
    ...     actions=[["blockade", "air strike"], ["withdraw", "maintain"]])
    >>> print(nash_equilibria(g, exact=True))
    3 equilibria (enumeration, exact; complete)
    1. US: blockade; USSR: maintain  (payoffs: US 2, USSR 4)
    2. US: air strike; USSR: withdraw  (payoffs: US 4, USSR 2)
    3. US: blockade 1/2, air strike 1/2; USSR: withdraw 1/2, maintain 1/2  (payoffs: US 5/2, USSR 5/2)
    """
    if method not in METHODS:
        raise ValueError(f"unknown method {method!r}; choose one of {sorted(METHODS)}")
    if not (tol >= 0 and np.isfinite(tol)):
        raise ValueError(f"tol must be a finite non-negative number, got {tol!r}")
    n = game.num_players
    if method == "auto":
        method = "enumeration" if n == 2 else ("n-player" if n == 3 else "pure")
    if method in ("enumeration", *NASHPY_METHODS) and n != 2:
        raise UnsupportedGameError(f"method {method!r} solves two-player games; this game has {n}")
    if exact and method not in ("enumeration", "pure"):
        raise UnsupportedGameError(f"method {method!r} has no exact mode")
    if method == "enumeration":
        return _enumerate(game, exact=exact, tol=tol)
    if method == "pure":
        return _pure(game, exact=exact, tol=tol)
    if method == "n-player":
        return _n_player(game, tol=tol)
    A, B = game.payoffs
    found = _nashpy_profiles(A, B, method)
    status = SolveStatus(False, None, None, (NASHPY_METHODS[method],))
    return _assemble(game, [(x, y) for x, y in found], None, None, method, False, tol, status)


def _enumerate(game: NormalFormGame, *, exact: bool, tol: float) -> EquilibriumSet:
    if exact:
        A, B = game.exact_payoffs
    else:
        A, B = game.payoffs
    sol = _solve_bimatrix(A[None], B[None], exact=exact, tol=0.0 if exact else tol)
    k = int(sol.count[0])
    profiles = [(sol.x[0, e], sol.y[0, e]) for e in range(k)]
    exact_profiles = list(sol.exact[0]) if sol.exact is not None else None
    vertex = sol.vertex[0, :k]
    continuum = len({int(v) for v in vertex[:, 0]}) < k or len({int(v) for v in vertex[:, 1]}) < k
    status = SolveStatus(True, bool(sol.degenerate[0]), continuum)
    return _assemble(
        game, profiles, exact_profiles, vertex, "enumeration", exact, 0.0 if exact else tol, status
    )


def _pure(game: NormalFormGame, *, exact: bool, tol: float) -> EquilibriumSet:
    from crisisgames.solvers.pure import _pure_nash_mask

    U = game.exact_payoffs if exact else game.payoffs
    mask = _pure_nash_mask(U, 0 if exact else tol)
    profiles = []
    for idx in zip(*np.nonzero(mask), strict=True):
        profiles.append(tuple(np.eye(s)[int(a)] for s, a in zip(game.shape, idx, strict=True)))
    exact_profiles = (
        [tuple(tuple(Fraction(int(v)) for v in p) for p in prof) for prof in profiles]
        if exact
        else None
    )
    status = SolveStatus(False, None, None, ("pure-strategy equilibria only",))
    return _assemble(
        game, profiles, exact_profiles, None, "pure", exact, 0.0 if exact else tol, status
    )


def _n_player(game: NormalFormGame, *, tol: float) -> EquilibriumSet:
    from crisisgames.solvers.n_player import _n_player_equilibria

    sol = _n_player_equilibria(game.payoffs, tol=tol)
    # The solver reports a continuum definitely (its notes say so); otherwise, when the
    # enumeration is complete, every equilibrium is isolated.
    continuum = any(n.startswith("continuum of equilibria") for n in sol.notes)
    status = SolveStatus(
        sol.complete,
        None,
        True if continuum else (False if sol.complete else None),
        tuple(sol.notes),
    )
    return _assemble(
        game, [tuple(p) for p in sol.profiles], None, None, "n-player", False, tol, status
    )


def _expected(U: np.ndarray, profile: Sequence[np.ndarray]) -> list:
    """Each player's expected payoff (works for floats and for Fractions)."""
    out = []
    for i in range(U.shape[0]):
        v = U[i]
        for p in reversed(profile):
            v = v @ np.asarray(p, dtype=v.dtype)
        out.append(v[()] if isinstance(v, np.ndarray) else v)
    return out


def _assemble(
    game: NormalFormGame,
    profiles: Sequence[Sequence[np.ndarray]],
    exact_profiles: Sequence[Sequence[tuple[Fraction, ...]]] | None,
    vertex: np.ndarray | None,
    method: str,
    exact: bool,
    tol: float,
    status: SolveStatus,
) -> EquilibriumSet:
    """Labeled, canonically ordered equilibria with their components."""
    order = sorted(
        range(len(profiles)),
        key=lambda e: (
            sum(int(np.count_nonzero(p)) for p in profiles[e]),  # pure profiles first
            tuple(-float(v) for p in profiles[e] for v in p),
        ),
    )
    if vertex is not None and len(order):
        comp_of = _components(vertex)
        subsets = _maximal_nash_subsets(vertex)
    else:
        comp_of = list(range(len(profiles)))
        subsets = [((e,), (e,)) for e in range(len(profiles))]
    new_index = {old: new for new, old in enumerate(order)}
    comp_order: dict[int, int] = {}
    for old in order:
        comp_order.setdefault(comp_of[old], len(comp_order))
    equilibria = []
    # Fetched once: game.exact_payoffs converts float payoffs to Fractions on each call.
    U = game.payoffs
    U_exact = game.exact_payoffs if exact_profiles is not None else None
    for old in order:
        strategies = tuple(tuple(float(v) for v in p) for p in profiles[old])
        ex_s = ex_p = None
        if U_exact is not None and exact_profiles is not None:
            ex_s = tuple(tuple(p) for p in exact_profiles[old])
            ex_p = tuple(_expected(U_exact, [np.array(p, dtype=object) for p in ex_s]))
            payoffs = tuple(float(v) for v in ex_p)
        else:
            payoffs = tuple(float(v) for v in _expected(U, profiles[old]))
        equilibria.append(
            Equilibrium(
                game.players,
                game.actions,
                strategies,
                payoffs,
                ex_s,
                ex_p,
                comp_order[comp_of[old]],
            )
        )
    members: dict[int, list[int]] = {}
    for old in order:
        members.setdefault(comp_order[comp_of[old]], []).append(new_index[old])
    comp_subsets: dict[int, list[tuple[int, ...]]] = {c: [] for c in members}
    for xs, ys in subsets:
        if vertex is not None:
            idx = [
                new_index[e]
                for e in range(len(profiles))
                if int(vertex[e, 0]) in xs and int(vertex[e, 1]) in ys
            ]
        else:
            idx = [new_index[xs[0]]]
        if idx:
            comp_subsets[equilibria[idx[0]].component].append(tuple(sorted(idx)))
    components = tuple(
        Component(c, tuple(members[c]), tuple(sorted(comp_subsets[c]))) for c in sorted(members)
    )
    return EquilibriumSet(game, tuple(equilibria), components, method, exact, tol, status)
