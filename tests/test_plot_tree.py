"""Game-tree plots, checked by the data in their artists (and the layout, directly)."""

from __future__ import annotations

from fractions import Fraction as F
from typing import Any

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt
import numpy as np
import pytest

from crisisgames.games.extensive_form import GameTree, chance, decision, terminal
from crisisgames.models.escalation import (
    CHALLENGER_TYPES,
    DEFENDER_TYPES,
    complete_information_tree,
)
from crisisgames.plot.tree import (
    EQUILIBRIUM_COLOR,
    equilibrium_edges,
    plot_game_tree,
    tree_layout,
)
from crisisgames.scenarios import get
from crisisgames.solvers.backward_induction import backward_induction


@pytest.fixture(autouse=True)
def _close():
    yield
    plt.close("all")


def small_crisis() -> GameTree:
    """The US blockades (nature then draws a hard or soft USSR) or strikes; exact values.

    Nodes, breadth first: 0 US; 1 chance (blockade); 2 USSR after the air strike; 3 USSR
    hard, 4 USSR soft; 5-6 retaliate / absorb; 7-8 hard withdraw / defy; 9-10 soft
    withdraw / defy."""
    return GameTree(
        decision(
            "US",
            {
                "blockade": chance(
                    {
                        "hard": (
                            "1/3",
                            decision(
                                "USSR",
                                {
                                    "withdraw": terminal(US=1, USSR=-4),
                                    "defy": terminal(US=-2, USSR=2),
                                },
                            ),
                        ),
                        "soft": (
                            "2/3",
                            decision(
                                "USSR",
                                {
                                    "withdraw": terminal(US="1/2", USSR=-1),
                                    "defy": terminal(US=-6, USSR=-3),
                                },
                            ),
                        ),
                    }
                ),
                "air strike": decision(
                    "USSR",
                    {
                        "retaliate": terminal(US=-10, USSR=-8),
                        "absorb": terminal(US=-1, USSR=-5),
                    },
                ),
            },
        ),
        title="small crisis",
    )


def entry_deterrence() -> GameTree:
    return GameTree(
        decision(
            "Entrant",
            {
                "out": terminal(Entrant=0, Incumbent=2.5),
                "in": decision(
                    "Incumbent",
                    {
                        "fight": terminal(Entrant=-1, Incumbent=-1),
                        "accommodate": terminal(Entrant=1, Incumbent=0.25),
                    },
                ),
            },
        )
    )


def soviet_type_tree() -> GameTree:
    """Nature draws the Soviet type; the US, not seeing it, answers a defiance (one
    information set of two nodes, as in tests/test_extensive_form.py)."""

    def ussr(hard: bool) -> Any:
        return decision(
            "USSR",
            {
                "comply": terminal(US=1, USSR=-8 if hard else -4),
                "defy": decision(
                    "US",
                    {"back down": terminal(US=-2, USSR=2), "war": terminal(US=-10, USSR=-4)},
                    infoset="US after defiance",
                ),
            },
        )

    return GameTree(
        chance({"hard": ("1/3", ussr(True)), "soft": ("2/3", ussr(False))}),
        players=["US", "USSR"],
    )


def escalation() -> GameTree:
    """The catalog's incomplete-information tree: 97 nodes, 14 information sets."""
    return get("asymmetric-escalation").build()


TREES = {
    "small crisis": small_crisis,
    "entry deterrence": entry_deterrence,
    "soviet types": soviet_type_tree,
    "escalation": escalation,
    "complete information": lambda: complete_information_tree("hard", "HS"),
}


def _lines(ax: Any, *gids: str) -> list[Any]:
    return [ln for ln in ax.get_lines() if ln.get_gid() in gids]


def _texts(ax: Any, gid: str) -> list[str]:
    return [t.get_text() for t in ax.texts if t.get_gid() == gid]


def _leaves_depth_first(tree: GameTree) -> list[int]:
    out: list[int] = []
    stack = [0]
    while stack:
        v = stack.pop()
        kids = tree.children(v)
        if not kids:
            out.append(v)
        stack.extend(reversed(kids))
    return out


# ============================================================================ layout


@pytest.mark.parametrize("name", list(TREES))
def test_layout_is_tidy(name: str) -> None:
    tree = TREES[name]()
    pos = tree_layout(tree)
    a = tree.arrays
    assert pos.shape == (tree.num_nodes, 2)
    # Root on top, one row per depth, downwards.
    np.testing.assert_array_equal(pos[:, 1], -a.depth)
    assert pos[0, 1] == 0 and pos[0, 1] >= pos[:, 1].max()
    # Terminals one unit apart, left to right in depth-first order.
    leaves = _leaves_depth_first(tree)
    np.testing.assert_array_equal(pos[leaves, 0], np.arange(len(leaves)))
    # Parents at the mean x of their children.
    for v in range(tree.num_nodes):
        kids = list(tree.children(v))
        if kids:
            assert pos[v, 0] == pytest.approx(pos[kids, 0].mean())
    # No two nodes of one level overlap: left to right in node (breadth-first) order.
    ls = a.level_start
    for d in range(len(ls) - 1):
        assert np.all(np.diff(pos[ls[d] : ls[d + 1], 0]) > 0)


def test_layout_by_hand() -> None:
    # Leaves: out 0, fight 1, accommodate 2; Incumbent at (1 + 2) / 2; root at (0 + 1.5) / 2.
    assert tree_layout(entry_deterrence()).tolist() == [
        [0.75, 0.0],
        [0.0, -1.0],
        [1.5, -1.0],
        [1.0, -2.0],
        [2.0, -2.0],
    ]
    assert tree_layout(GameTree(terminal(A=1))).tolist() == [[0.0, 0.0]]


# ============================================================================ the drawing


def test_edges_join_parents_to_children_in_node_order() -> None:
    tree = small_crisis()
    pos = tree_layout(tree)
    ax = plot_game_tree(tree)
    edges = _lines(ax, "edge", "edge-chosen", "edge-path")
    assert len(edges) == tree.num_nodes - 1
    assert {ln.get_gid() for ln in edges} == {"edge"}  # no solution, nothing highlighted
    for v, ln in enumerate(edges, start=1):
        p = tree.parent(v)
        np.testing.assert_array_equal(ln.get_xdata(), [pos[p, 0], pos[v, 0]])
        np.testing.assert_array_equal(ln.get_ydata(), [pos[p, 1], pos[v, 1]])


def test_move_and_probability_labels() -> None:
    tree = small_crisis()
    pos = tree_layout(tree)
    ax = plot_game_tree(tree)
    moves: list[Any] = [t for t in ax.texts if t.get_gid() == "move"]
    expected = [tree.moves(tree.parent(v))[tree.arrays.move[v]] for v in range(1, 11)]
    assert [t.get_text() for t in moves] == expected
    assert expected == [
        "blockade", "air strike", "hard", "soft", "retaliate", "absorb",
        "withdraw", "defy", "withdraw", "defy",
    ]  # fmt: skip
    for v, t in enumerate(moves, start=1):  # anchored at the middle of its edge
        assert t.xy == pytest.approx(tuple((pos[v] + pos[tree.parent(v)]) / 2))
    # The chance moves carry their exact probabilities.
    assert _texts(ax, "probability") == ["1/3", "2/3"]


def test_terminal_payoffs_exact_and_float() -> None:
    tree = small_crisis()
    ax = plot_game_tree(tree)
    payoffs: list[Any] = [t for t in ax.texts if t.get_gid() == "payoff"]
    assert [t.get_text() for t in payoffs] == [
        "(-10, -8)", "(-1, -5)", "(1, -4)", "(-2, 2)", "(1/2, -1)", "(-6, -3)",
    ]  # fmt: skip
    pos = tree_layout(tree)
    assert [t.xy for t in payoffs] == [tuple(pos[v]) for v in tree.terminals]
    assert ax.get_xlabel() == "payoffs: (US, USSR)"
    assert ax.get_title() == "small crisis"
    # A float tree prints floats, shortest form.
    ax = plot_game_tree(entry_deterrence())
    assert _texts(ax, "payoff") == ["(0, 2.5)", "(-1, -1)", "(1, 0.25)"]
    assert not _texts(plot_game_tree(entry_deterrence(), payoffs=False), "payoff")


def test_players_and_node_kinds() -> None:
    tree = small_crisis()
    pos = tree_layout(tree)
    ax = plot_game_tree(tree)
    assert _texts(ax, "player") == ["US", "USSR", "USSR", "USSR"]  # nodes 0, 2, 3, 4
    markers: dict[str, Any] = {str(c.get_gid()): c for c in ax.collections}
    np.testing.assert_array_equal(markers["decision"].get_offsets(), pos[[0, 2, 3, 4]])
    np.testing.assert_array_equal(markers["chance"].get_offsets(), pos[[1]])
    np.testing.assert_array_equal(markers["terminal"].get_offsets(), pos[tree.terminals])
    # Decision nodes in their player's colour (US, USSR, USSR, USSR); chance nodes differ
    # in shape and fill.
    colors = markers["decision"].get_facecolors()
    assert not np.allclose(colors[0], colors[1]) and np.allclose(colors[1], colors[3])
    assert markers["chance"].get_paths()[0] != markers["decision"].get_paths()[0]
    np.testing.assert_array_equal(markers["chance"].get_facecolors()[0], [1, 1, 1, 1])
    legend = ax.get_legend()
    assert legend is not None
    assert [t.get_text() for t in legend.get_texts()] == ["US", "USSR", "chance"]


def test_equilibrium_edges_by_hand() -> None:
    # Backward induction by hand.  Hard USSR: withdraw -4 < defy 2, defies (node 8).
    # Soft USSR: withdraw -1 > defy -3, withdraws (node 9).  After an air strike the USSR
    # absorbs it: -5 > retaliate -8 (node 6).  The blockade is worth
    # 1/3 * (-2) + 2/3 * (1/2) = -1/3 to the US, the air strike -1: the US blockades
    # (node 1).  The USSR expects 1/3 * 2 + 2/3 * (-1) = 0.
    tree = small_crisis()
    res = backward_induction(tree)
    assert res.count == 1
    (eq,) = res
    assert eq.exact_payoffs == (F(-1, 3), F(0))
    chosen, on_path = equilibrium_edges(tree, eq)
    assert np.flatnonzero(chosen).tolist() == [1, 6, 8, 9]
    assert np.flatnonzero(on_path).tolist() == [0, 1, 3, 4, 8, 9]

    ax = plot_game_tree(tree, solution=eq)
    edges = _lines(ax, "edge", "edge-chosen", "edge-path")
    gid = {v: ln.get_gid() for v, ln in enumerate(edges, start=1)}
    # The path: blockade, both chance moves, defy (hard), withdraw (soft); the choice off
    # the path: absorb; the rest plain.
    assert sorted(v for v, g in gid.items() if g == "edge-path") == [1, 3, 4, 8, 9]
    assert sorted(v for v, g in gid.items() if g == "edge-chosen") == [6]
    assert sorted(v for v, g in gid.items() if g == "edge") == [2, 5, 7, 10]
    for v, ln in enumerate(edges, start=1):
        highlighted = gid[v] != "edge"
        assert (ln.get_color() == EQUILIBRIUM_COLOR) == highlighted
        assert (ln.get_linewidth() > 1.5) == highlighted
    legend = ax.get_legend()
    assert legend is not None
    assert [t.get_text() for t in legend.get_texts()][-2:] == [
        "equilibrium path",
        "equilibrium choice off the path",
    ]


@pytest.mark.parametrize("challenger", CHALLENGER_TYPES)
@pytest.mark.parametrize("defender", DEFENDER_TYPES)
def test_highlighted_decision_edges_are_the_choices(challenger: str, defender: str) -> None:
    tree = complete_information_tree(challenger, defender)
    a = tree.arrays
    for eq in backward_induction(tree):
        chosen, on_path = equilibrium_edges(tree, eq)
        dec = np.flatnonzero(eq.choices >= 0)
        assert np.flatnonzero(chosen).tolist() == sorted(a.child_start[dec] + eq.choices[dec])
        # The play's terminals are the terminals on the path.
        on_terms = [tree.node_label(int(v)) for v in tree.terminals if on_path[v]]
        assert on_terms == [p.terminal for p in eq.plays]


def test_ties_give_different_highlights() -> None:
    # B is indifferent after l: one equilibrium plays l > x, the other r (with y off path).
    tree = GameTree(
        decision(
            "A",
            {
                "l": decision("B", {"x": terminal(A=3, B=1), "y": terminal(A=0, B=1)}),
                "r": terminal(A=1, B=0),
            },
        )
    )
    first, second = backward_induction(tree)
    ax = plot_game_tree(tree, solution=first)
    assert [ln.get_gid() for ln in _lines(ax, "edge", "edge-chosen", "edge-path")] == [
        "edge-path", "edge", "edge-path", "edge",
    ]  # fmt: skip
    ax = plot_game_tree(tree, solution=second)
    assert [ln.get_gid() for ln in _lines(ax, "edge", "edge-chosen", "edge-path")] == [
        "edge", "edge-path", "edge", "edge-chosen",
    ]  # fmt: skip


def test_information_sets_are_joined_by_dashed_lines() -> None:
    tree = soviet_type_tree()
    pos = tree_layout(tree)
    ax = plot_game_tree(tree)
    (line,) = _lines(ax, "infoset")
    assert line.get_linestyle() == "--"
    us = [v for v in range(tree.num_nodes) if tree.mover(v) == "US"]
    assert len(us) == 2
    np.testing.assert_array_equal(line.get_xdata(), sorted(pos[us, 0]))
    np.testing.assert_array_equal(line.get_ydata(), pos[us, 1])
    assert _texts(ax, "infoset-label") == ["US after defiance"]
    legend = ax.get_legend()
    assert legend is not None
    assert "information set" in [t.get_text() for t in legend.get_texts()]

    big = escalation()
    pos = tree_layout(big)
    ax = plot_game_tree(big, infoset_labels=False)
    lines = _lines(ax, "infoset")
    multi = [m for m in big.infoset_nodes if len(m) > 1]
    assert len(lines) == len(multi) == 14
    for members, ln in zip(multi, lines, strict=True):
        assert ln.get_linestyle() == "--"
        got = sorted(zip(ln.get_xdata(), ln.get_ydata(), strict=True))
        assert got == sorted(map(tuple, pos[list(members)]))
        assert list(ln.get_xdata()) == sorted(ln.get_xdata())  # left to right
    assert not _texts(ax, "infoset-label")
    assert len(_lines(ax, "edge")) == big.num_nodes - 1
    # 8 chance moves of probability 1/2 * 1/4.
    assert _texts(ax, "probability") == ["1/8"] * 8
    # Perfect information: no dashed line.
    assert not _lines(plot_game_tree(small_crisis()), "infoset")


def test_node_labels_and_title() -> None:
    tree = complete_information_tree("hard", "HS")
    ax = plot_game_tree(tree, node_labels=True, title="one type pair")
    given = [tree.given_label(v) for v in range(tree.num_nodes)]
    assert _texts(ax, "node-label") == [g for g in given if g is not None]
    assert ax.get_title() == "one type pair"
    assert not _texts(plot_game_tree(tree), "node-label")


def test_axes_given_or_made() -> None:
    fig, ax = plt.subplots()
    assert plot_game_tree(entry_deterrence(), ax) is ax
    made = plot_game_tree(entry_deterrence(), legend=False)
    assert made is not ax and made.figure is not fig
    assert made.get_legend() is None


def test_bad_input() -> None:
    tree = small_crisis()
    res = backward_induction(tree)
    with pytest.raises(TypeError, match="expected a GameTree"):
        plot_game_tree("small crisis")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="expected a GameTree"):
        tree_layout(None)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match=r"pass one element, e\.g\. backward_induction"):
        plot_game_tree(tree, solution=res)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="SubgamePerfectEquilibrium"):
        plot_game_tree(tree, solution={"US": "blockade"})  # type: ignore[arg-type]
    other = backward_induction(entry_deterrence())[0]
    with pytest.raises(ValueError, match="another tree"):
        plot_game_tree(tree, solution=other)
    # An equal tree built again is the same game: its equilibrium is accepted.
    ax = plot_game_tree(small_crisis(), solution=res[0])
    assert len(_lines(ax, "edge-path")) == 5
