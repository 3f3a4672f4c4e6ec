"""Tests of backward induction: known answers derived by hand, ties, chance, deep trees, and
properties against a plain recursive reference and against the normal form."""

from __future__ import annotations

import itertools
from fractions import Fraction
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from textbook import entry_deterrence

from crisisgames.errors import UnsupportedGameError
from crisisgames.games.extensive_form import (
    CHANCE,
    DECISION,
    TERMINAL,
    GameTree,
    chance,
    decision,
    terminal,
)
from crisisgames.games.tree_strategies import strategy_labels, to_normal_form
from crisisgames.io_efg import read_efg
from crisisgames.solvers.backward_induction import backward_induction, subgame_values
from crisisgames.solvers.nash import nash_equilibria

F = Fraction
DATA = Path(__file__).parent / "data" / "efg"


# ============================================================================ reference


def reference_spe(tree: GameTree) -> list[tuple[dict[int, int], tuple[Fraction, ...]]]:
    """Every pure SPE, by plain recursion on the tree, in exact arithmetic.

    Returns (choice at every decision node, payoff vector) pairs.  Exponential in the
    number of ties: for small trees only.
    """
    pay = tree.exact_payoffs
    prob = tree.exact_probabilities
    kind = tree.arrays.kind
    player = tree.arrays.player

    def solve(v: int) -> list[tuple[dict[int, int], tuple[Fraction, ...]]]:
        if kind[v] == TERMINAL:
            return [({}, tuple(pay[v]))]
        kids = tree.children(v)
        out = []
        for combo in itertools.product(*(solve(c) for c in kids)):
            choices: dict[int, int] = {}
            for ch, _ in combo:
                choices.update(ch)
            if kind[v] == CHANCE:
                value = tuple(
                    sum(prob[c] * val[i] for c, (_, val) in zip(kids, combo, strict=True))
                    for i in range(tree.num_players)
                )
                out.append((choices, value))
                continue
            i = player[v]
            best = max(val[i] for _, val in combo)
            for k, (_, val) in enumerate(combo):
                if val[i] == best:
                    out.append(({**choices, v: k}, val))
        return out

    return solve(0)


def as_key(choices: np.ndarray | dict[int, int], tree: GameTree) -> tuple[int, ...]:
    nodes = np.flatnonzero(tree.arrays.kind == DECISION)
    return tuple(int(choices[int(v)]) for v in nodes)


# ============================================================================ known answers


def test_entry_deterrence() -> None:
    res = backward_induction(entry_deterrence())
    # Incumbent: accommodate (1) beats fight (-1); Entrant: in (1) beats out (0).
    assert res.count == 1 and len(res) == 1
    eq = res[0]
    assert eq.path == ("in", "accommodate")
    assert eq.payoffs == (1.0, 1.0)
    assert eq.strategy("Incumbent") == {"in": "accommodate"}
    assert res.status.complete and not res.status.degenerate


def test_tie_changes_the_first_move() -> None:
    # B is indifferent (1 either way) between x, giving A 3, and y, giving A 0.
    # If B plays x, A prefers l (3 > 1); if y, A prefers r (1 > 0).  Two SPE, two paths.
    t = GameTree(
        decision(
            "A",
            {
                "l": decision("B", {"x": terminal(A=3, B=1), "y": terminal(A=0, B=1)}),
                "r": terminal(A=1, B=0),
            },
        )
    )
    res = backward_induction(t)
    assert res.count == 2
    assert [e.path for e in res] == [("l", "x"), ("r",)]
    assert [e.payoffs for e in res] == [(3.0, 1.0), (1.0, 0.0)]
    assert res.tie_nodes == ("l",)
    assert res.status.degenerate and res.status.complete


def test_ties_off_the_path_are_counted() -> None:
    # A: l or r, both worth 0 to A (a tie at the root).  After each, B is indifferent
    # between x and y (all payoffs 0).  Every combination is an SPE: 2 * 2 * 2 = 8.
    def b() -> Any:
        return decision("B", {"x": terminal(A=0, B=0), "y": terminal(A=0, B=0)})

    t = GameTree(decision("A", {"l": b(), "r": b()}))
    res = backward_induction(t)
    assert res.count == 8 and len(res) == 8 and res.status.complete
    keys = {as_key(e.choices, t) for e in res}
    assert keys == set(itertools.product(range(2), repeat=3))
    capped = backward_induction(t, max_equilibria=3)
    assert capped.count == 8 and len(capped) == 3
    assert not capped.status.complete
    assert any("3 of 8" in n for n in capped.status.notes)


def test_chance_distribution_exact() -> None:
    # Blockade: hard Soviets (1/3) stand firm (-2), soft ones (2/3) back off (+1):
    # 1/3 * -2 + 2/3 * 1 = 0 > -1 for waiting.  The play is a distribution.
    t = GameTree(
        decision(
            "US",
            {
                "blockade": chance(
                    {"hard": ("1/3", terminal(US=-2)), "soft": ("2/3", terminal(US=1))}
                ),
                "wait": terminal(US=-1),
            },
        )
    )
    res = backward_induction(t)
    assert res.exact
    eq = res[0]
    assert eq.exact_payoffs == (F(0),)
    assert eq.outcome_distribution == {"blockade > hard": F(1, 3), "blockade > soft": F(2, 3)}
    assert eq.path == ("blockade",)
    assert [p.probability for p in eq.plays] == [F(1, 3), F(2, 3)]


def test_decisions_after_chance() -> None:
    # After nature, the USSR decides knowing the type (perfect information).
    # hard (1/4): stand (3) > back off (1); soft (3/4): back off (2) > stand (-1).
    # US: challenge = 1/4 * -5 + 3/4 * 2 = 1/4 > 0 = no challenge.
    def ussr(stand: tuple[int, int], off: tuple[int, int]) -> Any:
        return decision(
            "USSR",
            {
                "stand": terminal(US=stand[0], USSR=stand[1]),
                "back off": terminal(US=off[0], USSR=off[1]),
            },
        )

    t = GameTree(
        decision(
            "US",
            {
                "challenge": chance(
                    {
                        "hard": ("1/4", ussr((-5, 3), (2, 1))),
                        "soft": ("3/4", ussr((-5, -1), (2, 2))),
                    }
                ),
                "no challenge": terminal(US=0, USSR=0),
            },
        )
    )
    eq = backward_induction(t)[0]
    assert eq.exact_payoffs == (F(1, 4), F(1, 4) * 3 + F(3, 4) * 2)
    assert eq.outcome_distribution == {
        "challenge > hard > stand": F(1, 4),
        "challenge > soft > back off": F(3, 4),
    }


def test_float_ties_within_tolerance() -> None:
    # 0.1 + 0.2 and 0.3 differ by one unit in the last place: a tie within tol.
    t = GameTree(decision("A", {"a": terminal(A=0.1 + 0.2), "b": terminal(A=0.3)}))
    assert backward_induction(t).count == 2
    assert backward_induction(t, tol=0.0).count == 1


def centipede(stages: int) -> GameTree:
    """Stage j: the mover takes (mover j + 2, other j) or passes; at the end (K, K)."""
    nodes: list[dict[str, Any]] = []
    for j in range(stages):
        mover, other = (j % 2, 1 - j % 2)
        pay = [0, 0]
        pay[mover], pay[other] = j + 2, j
        nodes.append(
            {
                "kind": "decision",
                "player": f"P{mover}",
                "moves": ["take", "pass"],
                "children": [2 * j + 1, 2 * j + 2],
            }
        )
        nodes.append({"kind": "terminal", "payoffs": {"P0": pay[0], "P1": pay[1]}})
    nodes.append({"kind": "terminal", "payoffs": {"P0": stages, "P1": stages}})
    return GameTree.from_nodes(nodes, players=["P0", "P1"])


def test_centipede_deep_tree_without_recursion() -> None:
    # Taking at stage j gives the mover j + 2; passing lets the other take at j + 1,
    # leaving the mover j + 1.  So everyone takes: the first mover takes at once (2, 0).
    # 50,000 stages: a chain of depth 50,000, far beyond Python's recursion limit.
    t = centipede(50_000)
    res = backward_induction(t)
    assert res.count == 1
    assert res[0].path == ("take",)
    assert res[0].payoffs == (2.0, 0.0)
    values = subgame_values(t)
    # The last decision node (stage K - 1, mover P1 when K is even) takes: K + 1 vs K.
    last = t.find_path(["pass"] * 49_999)
    assert values[last].tolist() == [49_999.0, 50_001.0]


def test_wide_tree_uses_vectorised_levels() -> None:
    # 200 first moves, each followed by a second player's choice between (k, 1) and (-k, 2):
    # B always picks the second (2 > 1), so A gets -k; the best is k = 0.
    t = GameTree(
        decision(
            "A",
            {
                f"k{k}": decision("B", {"x": terminal(A=k, B=1), "y": terminal(A=-k, B=2)})
                for k in range(200)
            },
        )
    )
    res = backward_induction(t)
    assert res.count == 1 and res[0].path == ("k0", "y")


def test_imperfect_information_rejected() -> None:
    t = GameTree(
        chance(
            {
                "a": ("1/2", decision("B", {"x": terminal(B=1)}, infoset="h")),
                "b": ("1/2", decision("B", {"x": terminal(B=0)}, infoset="h")),
            }
        )
    )
    with pytest.raises(UnsupportedGameError, match="perfect information"):
        backward_induction(t)


def test_arguments_checked() -> None:
    with pytest.raises(ValueError):
        backward_induction(entry_deterrence(), tol=-1)
    with pytest.raises(ValueError):
        backward_induction(entry_deterrence(), max_equilibria=0)
    with pytest.raises(TypeError):
        backward_induction("tree")  # type: ignore[arg-type]


def test_gambit_nim() -> None:
    # In Gambit's nim.efg every path ends with Player 1 at -1 (by its outcomes), so
    # Player 1 is indifferent at the root and at "3 left"; Player 2 takes 1 at "4 left"
    # (-1 for Player 1, 1 for itself, rather than 1/-1).  SPE: after TAKE 1, the two
    # choices at "3 left"; after TAKE 2, unique.  Root TAKE 1: 2; root TAKE 2: 2 (the
    # off-path choice at "3 left") -> 4 in all.
    t = read_efg(DATA / "nim.efg")
    res = backward_induction(t)
    assert res.count == 4
    assert {e.payoffs for e in res} == {(-1.0, 1.0)}
    assert set(res.tie_nodes) == {"5 left", "3 left"}


def test_text() -> None:
    text = str(backward_induction(entry_deterrence()))
    assert text.splitlines()[0].startswith("1 subgame-perfect equilibrium")
    assert "in > accommodate" in text


# ============================================================================ properties


@st.composite
def perfect_information_trees(
    draw: st.DrawFn, chance_nodes: bool = True, max_depth: int = 4
) -> GameTree:
    """Small trees with many ties (payoffs in 0..2) and optional chance nodes."""
    players = ["P1", "P2"]
    budget = [12]  # bound the number of decision nodes

    def node(depth: int) -> Any:
        if depth >= max_depth or budget[0] <= 0 or draw(st.integers(0, 3)) == 0:
            return terminal({p: draw(st.integers(0, 2)) for p in players})
        budget[0] -= 1
        if chance_nodes and draw(st.integers(0, 4)) == 0:
            k = draw(st.integers(1, 3))
            weights = [draw(st.integers(1, 3)) for _ in range(k)]
            return chance(
                {f"c{j}": (F(w, sum(weights)), node(depth + 1)) for j, w in enumerate(weights)}
            )
        return decision(
            draw(st.sampled_from(players)),
            {f"m{j}": node(depth + 1) for j in range(draw(st.integers(1, 3)))},
        )

    return GameTree(node(0), players)


@settings(max_examples=150, deadline=None)
@given(perfect_information_trees())
def test_agrees_with_recursive_reference(tree: GameTree) -> None:
    ref = reference_spe(tree)
    res = backward_induction(tree, exact=True, max_equilibria=10**6)
    assert res.count == len(ref) == len(res)
    ours = {(as_key(e.choices, tree), e.exact_payoffs) for e in res}
    theirs = {(as_key(ch, tree), val) for ch, val in ref}
    assert ours == theirs
    # Floats agree with the exact run on these small integer trees.
    assert backward_induction(tree, exact=False, max_equilibria=10**6).count == res.count


def profile_label(tree: GameTree, choices: np.ndarray, player: str, reduced: bool) -> str:
    """The normal-form strategy label of a player's part of a choice array."""
    own = tree.infosets_of(player)
    if not own:
        return "(no move)"
    node_of = {tree.infoset(int(v)): int(v) for v in np.flatnonzero(tree.arrays.kind == DECISION)}
    if not reduced:
        return "/".join(tree.moves(node_of[h])[int(choices[node_of[h]])] for h in own)
    # Reduced: the moves at the player's sets its own choices leave reachable; "*" elsewhere.
    labels = strategy_labels(tree, player)
    full = [tree.moves(node_of[h])[int(choices[node_of[h]])] for h in own]
    match = [
        lab
        for lab in labels
        if all(p in ("*", f) for p, f in zip(lab.split("/"), full, strict=True))
    ]
    assert len(match) == 1
    return match[0]


@settings(max_examples=100, deadline=None)
@given(perfect_information_trees(max_depth=3))
def test_every_spe_is_a_nash_equilibrium_of_the_reduced_normal_form(tree: GameTree) -> None:
    nf = to_normal_form(tree)
    pure = {tuple(s[0] for s in e.supports) for e in nash_equilibria(nf, method="pure", exact=True)}
    for eq in backward_induction(tree, max_equilibria=10**6):
        prof = tuple(profile_label(tree, eq.choices, p, reduced=True) for p in tree.players)
        assert prof in pure
        key: tuple[Any, ...] = (slice(None), *nf.profile_index(prof))
        assert tuple(nf.exact_payoffs[key]) == tuple(F(x) for x in (eq.exact_payoffs or eq.payoffs))


def subgame_perfect(tree: GameTree, choices: dict[int, int]) -> bool:
    """Whether a full profile is optimal at every decision node (exact, by recursion)."""
    pay, prob = tree.exact_payoffs, tree.exact_probabilities
    a = tree.arrays
    ok = True

    def value(v: int) -> tuple[Fraction, ...]:
        nonlocal ok
        if a.kind[v] == TERMINAL:
            return tuple(pay[v])
        vals = [value(c) for c in tree.children(v)]
        if a.kind[v] == CHANCE:
            return tuple(
                sum(prob[c] * x[i] for c, x in zip(tree.children(v), vals, strict=True))
                for i in range(tree.num_players)
            )
        i = a.player[v]
        if vals[choices[v]][i] < max(x[i] for x in vals):
            ok = False
        return vals[choices[v]]

    value(0)
    return ok


@settings(max_examples=100, deadline=None)
@given(perfect_information_trees(max_depth=3))
def test_spe_are_the_subgame_perfect_nash_equilibria_of_the_normal_form(tree: GameTree) -> None:
    """SPE payoffs == payoffs of the (unreduced) normal form's pure Nash equilibria that are
    subgame perfect; their number is the SPE count."""
    nf = to_normal_form(tree, reduced=False)
    nodes = [int(v) for v in np.flatnonzero(tree.arrays.kind == DECISION)]
    node_of = {tree.infoset(v): v for v in nodes}
    filtered = []
    for e in nash_equilibria(nf, method="pure", exact=True):
        choices: dict[int, int] = {}
        for p, s in zip(tree.players, e.supports, strict=True):
            own = tree.infosets_of(p)
            if own:
                for h, m in zip(own, s[0].split("/"), strict=True):
                    choices[node_of[h]] = tree.moves(node_of[h]).index(m)
        if subgame_perfect(tree, choices):
            filtered.append(e.exact_payoffs)
    res = backward_induction(tree, exact=True, max_equilibria=10**6)
    assert res.count == len(filtered)
    assert {e.exact_payoffs for e in res} == set(filtered)


def test_equilibria_differing_off_the_path_are_distinct() -> None:
    # Nim (above): equilibria 3 and 4 share the play TAKE 2 > TAKE 2 and differ at
    # "3 left", off the path.
    res = backward_induction(read_efg(DATA / "nim.efg"))
    assert res[2].path == res[3].path and res[2].payoffs == res[3].payoffs
    assert res[2] != res[3]
    assert len(set(res)) == 4
    assert res[2].move_at("3 left") != res[3].move_at("3 left")
