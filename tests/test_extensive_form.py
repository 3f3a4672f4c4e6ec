"""Tests of GameTree (construction, validation, storage), its normal form, and .efg files.

Every expected value is derived by hand in the comments.
"""

from __future__ import annotations

from fractions import Fraction
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from textbook import entry_deterrence

from crisisgames.errors import (
    InvalidGameError,
    InvalidLabelError,
    InvalidPayoffError,
    UnknownLabelError,
    UnsupportedGameError,
)
from crisisgames.games.extensive_form import (
    CHANCE,
    DECISION,
    TERMINAL,
    GameTree,
    chance,
    decision,
    terminal,
)
from crisisgames.games.tree_strategies import pure_strategies, strategy_labels, to_normal_form
from crisisgames.io_efg import read_efg, write_efg
from crisisgames.solvers.nash import nash_equilibria

F = Fraction
DATA = Path(__file__).parent / "data" / "efg"


def soviet_type_tree(p_hard: object = "1/3") -> GameTree:
    """Nature draws the Soviet type; the US, not seeing it, answers a defiance."""

    def ussr(hard: bool) -> object:
        return decision(
            "USSR",
            {
                "comply": terminal(US=1, USSR=-8 if hard else -4),
                "defy": decision(
                    "US",
                    {
                        "back down": terminal(US=-2, USSR=2),
                        "war": terminal(US=-10, USSR=-4 if hard else -8),
                    },
                    infoset="US after defiance",
                ),
            },
        )

    one_minus = 1 - F(str(p_hard)) if isinstance(p_hard, str) else 1 - p_hard  # type: ignore[operator]
    return GameTree(
        chance({"hard": (p_hard, ussr(True)), "soft": (one_minus, ussr(False))}),
        players=["US", "USSR"],
    )


# ============================================================================ construction


class TestConstruction:
    def test_breadth_first_layout(self) -> None:
        t = entry_deterrence()
        a = t.arrays
        # Root 0 (Entrant); its children 1 (out, terminal) and 2 (Incumbent); then 3, 4.
        assert a.kind.tolist() == [DECISION, TERMINAL, DECISION, TERMINAL, TERMINAL]
        assert a.parent.tolist() == [-1, 0, 0, 2, 2]
        assert a.child_start[[0, 2]].tolist() == [1, 3]
        assert a.level_start.tolist() == [0, 1, 3, 5]
        assert t.players == ("Entrant", "Incumbent")
        assert t.payoff(t.find_path(["in", "fight"])) == {"Entrant": -1.0, "Incumbent": -1.0}
        # Every child comes after its parent: a reversed sweep sees children first.
        assert all(a.parent[v] < v for v in range(1, t.num_nodes))

    def test_dict_form_equals_builder(self) -> None:
        d = {
            "player": "Entrant",
            "moves": {
                "out": {"payoffs": {"Entrant": 0, "Incumbent": 2}},
                "in": {
                    "player": "Incumbent",
                    "moves": {
                        "fight": {"payoffs": {"Entrant": -1, "Incumbent": -1}},
                        "accommodate": {"payoffs": {"Entrant": 1, "Incumbent": 1}},
                    },
                },
            },
        }
        assert GameTree(d) == entry_deterrence()
        assert hash(GameTree(d)) == hash(entry_deterrence())

    def test_from_nodes_equals_builder(self) -> None:
        t = GameTree.from_nodes(
            [
                {
                    "kind": "decision",
                    "player": "Entrant",
                    "moves": ["out", "in"],
                    "children": [2, 1],
                },
                {
                    "kind": "decision",
                    "player": "Incumbent",
                    "moves": ["fight", "accommodate"],
                    "children": [3, 4],
                },
                {"kind": "terminal", "payoffs": {"Entrant": 0, "Incumbent": 2}},
                {"kind": "terminal", "payoffs": {"Entrant": -1, "Incumbent": -1}},
                {"kind": "terminal", "payoffs": {"Entrant": 1, "Incumbent": 1}},
            ]
        )
        assert t == entry_deterrence()

    def test_reused_builder_subtree_is_copied(self) -> None:
        war = terminal(US=-10, USSR=-8)
        t = GameTree(decision("US", {"a": war, "b": war}))
        assert t.num_nodes == 3

    def test_exact_values_kept(self) -> None:
        t = soviet_type_tree()
        assert t.has_exact_values
        assert t.probabilities(0) == {"hard": F(1, 3), "soft": F(2, 3)}
        t2 = entry_deterrence()
        assert not t2.has_exact_values
        assert t2.exact_payoffs[4, 0] == 1

    def test_information_sets(self) -> None:
        t = soviet_type_tree()
        h = t.infoset_index("US after defiance")
        assert t.infosets[h].player == "US"
        assert len(t.infosets[h].nodes) == 2
        assert not t.is_perfect_information
        assert t.has_perfect_recall
        # The two USSR nodes are separate (the USSR knows its type).
        assert len(t.infosets_of("USSR")) == 2

    def test_infoset_moves_reordered_to_the_first_node(self) -> None:
        t = GameTree(
            chance(
                {
                    "H": (
                        "1/2",
                        decision("B", {"x": terminal(B=1), "y": terminal(B=2)}, infoset="b"),
                    ),
                    "T": (
                        "1/2",
                        decision("B", {"y": terminal(B=0), "x": terminal(B=3)}, infoset="b"),
                    ),
                }
            )
        )
        assert t.moves(2) == ("x", "y")
        assert t.payoff(t.find_path(["T", "x"])) == {"B": 3.0}

    def test_immutable(self) -> None:
        t = entry_deterrence()
        with pytest.raises(ValueError):
            t.arrays.payoffs[1, 0] = 5
        with pytest.raises(AttributeError):
            t.foo = 1  # type: ignore[attr-defined]

    def test_imperfect_recall_detected(self) -> None:
        # A forgets its first move: its second set holds nodes after "l" and after "r".
        t = GameTree(
            decision(
                "A",
                {
                    "l": decision("A", {"x": terminal(A=1), "y": terminal(A=0)}, infoset="forgot"),
                    "r": decision("A", {"x": terminal(A=0), "y": terminal(A=1)}, infoset="forgot"),
                },
            )
        )
        assert not t.has_perfect_recall

    def test_text(self) -> None:
        t = soviet_type_tree()
        text = str(t)
        assert text.splitlines()[1] == "chance"
        assert "hard (1/3): USSR" in text
        assert "US {US after defiance}" in text

    def test_labels_and_lookups(self) -> None:
        t = GameTree(decision("A", {"l": terminal(A=1, label="left"), "r": terminal(A=0)}))
        assert t.find("left") == 1
        assert t.node_label(2) == "r"
        assert t.node_label(0) == "root"
        with pytest.raises(UnknownLabelError):
            t.find("nowhere")
        with pytest.raises(UnknownLabelError):
            t.find_path(["middle"])


# ============================================================================ validation


class TestValidation:
    def test_probabilities_must_sum_to_one(self) -> None:
        with pytest.raises(InvalidPayoffError, match="sum to 1/2, not 1"):
            GameTree(chance({"a": ("1/4", terminal(P=0)), "b": ("1/4", terminal(P=1))}))

    def test_float_probabilities_sum_within_tolerance(self) -> None:
        # 0.1 + 0.2 + 0.7 is 1.0000000000000002 in floats: accepted.
        GameTree(
            chance(
                {"a": (0.1, terminal(P=0)), "b": (0.2, terminal(P=1)), "c": (0.7, terminal(P=2))}
            )
        )
        with pytest.raises(InvalidPayoffError, match="not 1"):
            GameTree(chance({"a": (0.5, terminal(P=0)), "b": (0.6, terminal(P=1))}))

    @pytest.mark.parametrize("p", ["-1/2", 1.5, float("nan"), float("inf")])
    def test_probabilities_outside_unit_interval(self, p: object) -> None:
        with pytest.raises(InvalidPayoffError, match=r"outside \[0, 1\]"):
            GameTree(chance({"a": (p, terminal(P=0)), "b": ("1/2", terminal(P=1))}))

    def test_information_set_across_players(self) -> None:
        with pytest.raises(InvalidGameError, match="spans players 'US' and 'USSR'"):
            GameTree(
                chance(
                    {
                        "a": ("1/2", decision("US", {"x": terminal(US=0, USSR=0)}, infoset="h")),
                        "b": ("1/2", decision("USSR", {"x": terminal(US=0, USSR=0)}, infoset="h")),
                    }
                )
            )

    def test_information_set_moves_must_agree(self) -> None:
        with pytest.raises(InvalidGameError, match="must share moves"):
            GameTree(
                chance(
                    {
                        "a": ("1/2", decision("US", {"x": terminal(US=0)}, infoset="h")),
                        "b": ("1/2", decision("US", {"y": terminal(US=0)}, infoset="h")),
                    }
                )
            )

    def test_missing_payoff(self) -> None:
        with pytest.raises(InvalidPayoffError, match=r"payoff missing for \['USSR'\]"):
            GameTree(decision("US", {"a": terminal(US=1, USSR=0), "b": terminal(US=1)}))

    def test_unknown_player_in_payoffs(self) -> None:
        with pytest.raises(UnknownLabelError, match="unknown player"):
            GameTree(decision("US", {"a": terminal(US=1, Cuba=0)}), players=["US"])

    def test_non_numeric_payoff(self) -> None:
        with pytest.raises(InvalidPayoffError):
            GameTree(decision("US", {"a": terminal(US="lots")}))
        with pytest.raises(InvalidPayoffError, match="boolean"):
            GameTree(decision("US", {"a": terminal(US=True)}))

    def test_cycle_in_flat_nodes(self) -> None:
        with pytest.raises(InvalidGameError, match="cycle"):
            GameTree.from_nodes(
                [
                    {"kind": "decision", "player": "A", "moves": ["go"], "children": [1]},
                    {
                        "kind": "decision",
                        "player": "B",
                        "moves": ["back", "stop"],
                        "children": [0, 2],
                    },
                    {"kind": "terminal", "payoffs": {"A": 0, "B": 0}},
                ]
            )

    def test_cycle_away_from_the_root(self) -> None:
        # Nodes 2 and 3 point at each other and the root never reaches them.
        with pytest.raises(InvalidGameError, match=r"nodes \[2, 3\] form a cycle"):
            GameTree.from_nodes(
                [
                    {"kind": "decision", "player": "A", "moves": ["stop"], "children": [1]},
                    {"kind": "terminal", "payoffs": {"A": 0}},
                    {"kind": "decision", "player": "A", "moves": ["x"], "children": [3]},
                    {"kind": "decision", "player": "A", "moves": ["y"], "children": [2]},
                ]
            )

    def test_cycle_in_nested_dicts(self) -> None:
        loop: dict[str, object] = {"player": "A", "moves": {}}
        loop["moves"] = {"again": loop, "stop": {"payoffs": {"A": 0}}}
        with pytest.raises(InvalidGameError, match="cycle"):
            GameTree(loop)

    def test_node_with_two_parents(self) -> None:
        with pytest.raises(InvalidGameError, match="reached twice"):
            GameTree.from_nodes(
                [
                    {"kind": "decision", "player": "A", "moves": ["l", "r"], "children": [1, 1]},
                    {"kind": "terminal", "payoffs": {"A": 0}},
                ]
            )

    def test_unreachable_node(self) -> None:
        with pytest.raises(InvalidGameError, match="cannot be reached"):
            GameTree.from_nodes(
                [
                    {"kind": "decision", "player": "A", "moves": ["l"], "children": [1]},
                    {"kind": "terminal", "payoffs": {"A": 0}},
                    {"kind": "terminal", "payoffs": {"A": 1}},
                ]
            )

    def test_duplicate_labels(self) -> None:
        with pytest.raises(InvalidLabelError, match="duplicate move labels"):
            GameTree.from_nodes(
                [
                    {"kind": "decision", "player": "A", "moves": ["x", "x"], "children": [1, 2]},
                    {"kind": "terminal", "payoffs": {"A": 0}},
                    {"kind": "terminal", "payoffs": {"A": 1}},
                ]
            )
        with pytest.raises(InvalidLabelError, match="used twice"):
            GameTree(
                decision("A", {"x": terminal(A=0, label="end"), "y": terminal(A=1, label="end")})
            )
        with pytest.raises(InvalidLabelError, match="duplicate labels"):
            GameTree(decision("A", {"x": terminal(A=0)}), players=["A", "A"])

    def test_empty_labels(self) -> None:
        with pytest.raises(InvalidLabelError):
            GameTree(decision("", {"x": terminal(A=0)}))
        with pytest.raises(InvalidLabelError):
            GameTree(decision("A", {" ": terminal(A=0)}))

    def test_decision_without_moves(self) -> None:
        with pytest.raises(InvalidGameError, match="needs a move"):
            GameTree(decision("A", {}))

    def test_absent_minded_information_set(self) -> None:
        with pytest.raises(InvalidGameError, match="descendant"):
            GameTree(
                decision(
                    "A",
                    {
                        "on": decision(
                            "A", {"on": terminal(A=1), "off": terminal(A=0)}, infoset="h"
                        ),
                        "off": terminal(A=0),
                    },
                    infoset="h",
                )
            )

    def test_not_a_node(self) -> None:
        with pytest.raises(InvalidGameError, match="expected a node"):
            GameTree(decision("A", {"x": 3}))
        with pytest.raises(InvalidGameError, match="needs 'player'"):
            GameTree({"who": "A"})


# ============================================================================ normal form


class TestNormalForm:
    def test_entry_deterrence(self) -> None:
        nf = to_normal_form(entry_deterrence())
        # One information set each: the strategies are the moves.
        assert nf.actions == (("out", "in"), ("fight", "accommodate"))
        # out: (0, 2) whatever the Incumbent plans; in: (-1, -1) or (1, 1).
        assert nf.payoffs[0].tolist() == [[0, 0], [-1, 1]]
        assert nf.payoffs[1].tolist() == [[2, 2], [-1, 1]]
        pure = {e.supports for e in nash_equilibria(nf, method="pure")}
        # (out, fight) is a Nash equilibrium (an incredible threat), (in, accommodate) too.
        assert pure == {(("out",), ("fight",)), (("in",), ("accommodate",))}

    def test_reduced_merges_unreachable_moves(self) -> None:
        t = GameTree(
            decision(
                "A",
                {
                    "out": terminal(A=0, B=2),
                    "in": decision(
                        "B",
                        {
                            "fight": terminal(A=-1, B=-1),
                            "share": decision(
                                "A", {"x": terminal(A=1, B=1), "y": terminal(A=2, B=0)}
                            ),
                        },
                    ),
                },
            )
        )
        full = to_normal_form(t, reduced=False)
        red = to_normal_form(t)
        assert full.actions[0] == ("out/x", "out/y", "in/x", "in/y")
        assert red.actions[0] == ("out/*", "in/x", "in/y")
        # in/y against share: (2, 0); out/* against anything: (0, 2).
        assert red.payoff({"A": "in/y", "B": "share"}) == {"A": 2.0, "B": 0.0}
        assert red.payoff({"A": "out/*", "B": "fight"}) == {"A": 0.0, "B": 2.0}
        assert pure_strategies(t, "A")[0] == {"root": "out", "in > share": None}

    def test_chance_expected_payoffs_exact(self) -> None:
        t = soviet_type_tree()
        nf = to_normal_form(t)
        # USSR has two sets (hard, soft): strategies "comply/comply" ... "defy/defy".
        assert nf.actions[1] == ("comply/comply", "comply/defy", "defy/comply", "defy/defy")
        U = nf.exact_payoffs
        us = nf.action_index("US", "war")
        dd = nf.action_index("USSR", "defy/defy")
        # Both defy, the US fights: US -10 for sure; USSR 1/3 * -4 + 2/3 * -8 = -20/3.
        assert U[0, us, dd] == -10
        assert U[1, us, dd] == F(-20, 3)
        cd = nf.action_index("USSR", "comply/defy")
        back = nf.action_index("US", "back down")
        # Hard complies (US 1, USSR -8), soft defies and the US backs down (US -2, USSR 2):
        # US 1/3 * 1 + 2/3 * -2 = -1; USSR 1/3 * -8 + 2/3 * 2 = -4/3.
        assert (U[0, back, cd], U[1, back, cd]) == (-1, F(-4, 3))

    def test_player_without_moves(self) -> None:
        t = GameTree(decision("US", {"a": terminal(US=1, Cuba=2), "b": terminal(US=0, Cuba=5)}))
        nf = t.to_normal_form()
        assert nf.actions == (("a", "b"), ("(no move)",))
        assert nf.payoffs[1][:, 0].tolist() == [2, 5]

    def test_too_many_profiles(self) -> None:
        with pytest.raises(UnsupportedGameError, match="max_profiles"):
            to_normal_form(soviet_type_tree(), max_profiles=3)

    def test_labels_of_strategies(self) -> None:
        assert strategy_labels(entry_deterrence(), "Incumbent") == ("fight", "accommodate")


# ============================================================================ .efg files


class TestEfg:
    def test_nim(self) -> None:
        t = read_efg(DATA / "nim.efg")
        assert t.players == ("Player 1", "Player 2")
        assert t.num_nodes == 15 and t.is_perfect_information
        # Eight "t" lines and seven "p" lines in the file.
        assert len(t.terminals) == 8
        assert t.title.startswith("Nim-like game")
        assert t.payoff(t.find_path(["TAKE 2", "TAKE 2"])) == {"Player 1": -1.0, "Player 2": 1.0}

    def test_monty_hall(self) -> None:
        t = read_efg(DATA / "montyhal.efg")
        # Player 1's first set holds the three nodes after the prize door is drawn.
        h = t.infoset_index("(1,1)")
        assert len(t.infoset_nodes[h]) == 3
        assert t.probabilities(0) == {"DOOR A": F(1, 3), "DOOR B": F(1, 3), "DOOR C": F(1, 3)}
        assert t.has_perfect_recall
        # Prize behind A, player picks A, host opens B, player stays: wins 100.
        v = t.find_path(["DOOR A", "DOOR A", "DOOR B", "STAY"])
        assert t.payoff(v) == {"Player 1": 100.0, "Player 2": 1.0}

    def test_outcomes_at_inner_nodes_accumulate(self) -> None:
        t = read_efg(DATA / "bayes2a.efg")
        # 1G, 2g, H, h reaches a node carrying outcome 1 {10, 2}; then H, h ends at
        # outcome 1 again: 10 + 10 = 20 and 2 + 2 = 4.
        v = t.find_path(["1G", "2g", "H", "h", "H", "h"])
        assert t.payoff(v) == {"Player 1": 20.0, "Player 2": 4.0}
        # 1B, 2b, L, l: outcome 20 {10, 0} at the inner node; then L, l: outcome 17 {10, 0}.
        v = t.find_path(["1B", "2b", "L", "l", "L", "l"])
        assert t.payoff(v) == {"Player 1": 20.0, "Player 2": 0.0}

    @pytest.mark.parametrize("name", ["nim", "montyhal", "bayes2a"])
    def test_round_trip_files(self, name: str, tmp_path: Path) -> None:
        t = read_efg(DATA / f"{name}.efg")
        out = tmp_path / f"{name}.efg"
        write_efg(t, out)
        assert read_efg(out) == t

    def test_round_trip_built_tree(self) -> None:
        t = soviet_type_tree()
        back = read_efg(write_efg(t))
        assert back == t
        h = back.infoset_index("US after defiance")
        assert back.infoset_nodes[h] == t.infoset_nodes[t.infoset_index("US after defiance")]

    @pytest.mark.parametrize(
        "text, message",
        [
            ('NFG 1 R "x" { "A" }', "missing header"),
            ('EFG 3 R "x" { "A" }\nt "" 0', "unsupported EFG version"),
            ('EFG 2 R "x" { "A" }\np "" 2 1 "" { "l" } 0\nt "" 0', "player 2 does not exist"),
            ('EFG 2 R "x" { "A" }\np "" 1 1 "" { "l" "r" } 0\nt "" 0', "ends before the tree"),
            ('EFG 2 R "x" { "A" }\nt "" 1', "used before its payoffs"),
            ('EFG 2 R "x" { "A" "B" }\nt "" 1 "o" { 1 }', "expected 2"),
            ('EFG 2 R "x" { "A" }\nc "" 1 "" { "a" 1/2 "b" 1/3 } 0\nt "" 0\nt "" 0', "sum to 5/6"),
            ('EFG 2 R "x" { "A" }\nt "" 0\nt "" 0', "after the tree is complete"),
            ('EFG 2 R "x" { "A" }\np "" 1 1 { "l" } 0', "used before its moves are given"),
        ],
    )
    def test_malformed(self, text: str, message: str) -> None:
        with pytest.raises(InvalidGameError, match=message):
            read_efg(text)

    def test_terminal_with_null_outcome_pays_zero(self) -> None:
        t = read_efg('EFG 2 R "" { "A" }\np "" 1 1 "h" { "l" "r" } 0\nt "" 0\nt "" 1 "" { 3 }')
        assert t.payoff(1) == {"A": 0.0}
        assert t.payoff(2) == {"A": 3.0}


# ============================================================================ properties


@st.composite
def trees(draw: st.DrawFn, max_depth: int = 3) -> GameTree:
    """Small random trees with chance nodes and two-player information sets."""
    players = ["P1", "P2"]

    def node(depth: int) -> object:
        if depth >= max_depth or draw(st.integers(0, 3)) == 0:
            return terminal({p: draw(st.integers(-3, 3)) for p in players})
        if draw(st.integers(0, 4)) == 0:
            k = draw(st.integers(1, 3))
            weights = [draw(st.integers(1, 3)) for _ in range(k)]
            return chance(
                {f"c{j}": (F(w, sum(weights)), node(depth + 1)) for j, w in enumerate(weights)}
            )
        k = draw(st.integers(1, 3))
        return decision(
            draw(st.sampled_from(players)), {f"m{j}": node(depth + 1) for j in range(k)}
        )

    return GameTree(node(0), players)


@settings(max_examples=60, deadline=None)
@given(trees())
def test_efg_round_trip(tree: GameTree) -> None:
    assert read_efg(write_efg(tree)) == tree


@settings(max_examples=60, deadline=None)
@given(trees())
def test_layout_invariants(tree: GameTree) -> None:
    a = tree.arrays
    n = tree.num_nodes
    # Children are contiguous, after their parent, and point back to it.
    for v in range(n):
        for k, c in enumerate(tree.children(v)):
            assert a.parent[c] == v and a.move[c] == k and c > v
    # Levels are contiguous and depth increases by one to each child.
    assert (np.diff(a.depth) >= 0).all()
    assert all(a.depth[c] == a.depth[a.parent[c]] + 1 for c in range(1, n))
    # Chance probabilities sum to one at every chance node.
    for c in np.flatnonzero(a.kind == CHANCE).tolist():
        assert sum(tree.probabilities(c).values()) == 1


@settings(max_examples=40, deadline=None)
@given(trees())
def test_reduced_and_full_normal_forms_agree(tree: GameTree) -> None:
    """Each full strategy has the payoffs of the reduced strategy it is merged into."""
    full = to_normal_form(tree, reduced=False)
    red = to_normal_form(tree)
    maps = []
    for i, p in enumerate(tree.players):
        fulls = pure_strategies(tree, p, reduced=False)
        reds = pure_strategies(tree, p)
        m = []
        for s in fulls:
            match = [
                k
                for k, r in enumerate(reds)
                if all(mv is None or s[h] == mv for h, mv in r.items())
            ]
            assert len(match) == 1
            m.append(match[0])
        maps.append(m)
        assert len(full.actions[i]) == len(fulls)
    for idx in np.ndindex(full.shape):
        ridx = tuple(maps[i][k] for i, k in enumerate(idx))
        assert list(full.exact_payoffs[(slice(None), *idx)]) == list(
            red.exact_payoffs[(slice(None), *ridx)]
        )
