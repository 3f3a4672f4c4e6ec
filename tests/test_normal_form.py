"""Tests of crisisgames.games.normal_form.NormalFormGame: construction, validation,
labels, exact payoffs, transformations, equality and the printed table."""

from __future__ import annotations

import itertools
from fractions import Fraction

import numpy as np
import pytest
from textbook import chicken

from crisisgames.errors import (
    CrisisGamesError,
    InvalidGameError,
    InvalidLabelError,
    InvalidPayoffError,
    InvalidStrategyError,
    ShapeError,
    UnknownLabelError,
)
from crisisgames.games.normal_form import NormalFormGame, to_fraction


def three_player() -> NormalFormGame:
    # u_A = a + b + c, u_B = 10 a - b, u_C = c / 2 with a, b, c the action indices.
    def f(profile: dict[str, str]) -> tuple[float, float, float]:
        a = ["u", "d"].index(profile["A"])
        b = ["l", "r"].index(profile["B"])
        c = ["x", "y"].index(profile["C"])
        return (a + b + c, 10 * a - b, 0.5 * c)

    return NormalFormGame.from_function(f, ["A", "B", "C"], [["u", "d"], ["l", "r"], ["x", "y"]])


# ------------------------------------------------------------------------- construction


def test_from_arrays_stores_payoffs_by_player_and_profile() -> None:
    g = chicken()
    assert g.shape == (2, 2)
    assert g.num_players == 2
    assert g.players == ("US", "USSR")
    assert g.actions == (("blockade", "air strike"), ("withdraw", "maintain"))
    assert g.payoffs.dtype == np.float64
    assert g.payoffs.shape == (2, 2, 2)
    assert g.payoff(["air strike", "withdraw"]) == {"US": 4.0, "USSR": 2.0}
    assert g.payoff({"USSR": "maintain", "US": "blockade"}) == {"US": 2.0, "USSR": 4.0}
    assert not g.is_ordinal
    assert not g.has_exact_payoffs


def test_single_stacked_array_equals_from_arrays() -> None:
    A = [[3, 2], [4, 1]]
    B = [[3, 4], [2, 1]]
    assert NormalFormGame(np.array([A, B])) == NormalFormGame.from_arrays(A, B)


def test_from_function_with_sequence_and_mapping_returns() -> None:
    pd = {("C", "C"): (3, 3), ("C", "D"): (0, 5), ("D", "C"): (5, 0), ("D", "D"): (1, 1)}
    g = NormalFormGame.from_function(
        lambda p: pd[p["Row"], p["Col"]], ["Row", "Col"], [["C", "D"], ["C", "D"]]
    )
    h = NormalFormGame.from_function(
        lambda p: {"Col": pd[p["Row"], p["Col"]][1], "Row": pd[p["Row"], p["Col"]][0]},
        ["Row", "Col"],
        [["C", "D"], ["C", "D"]],
    )
    assert g == h
    assert g.payoffs.tolist() == [[[3, 0], [5, 1]], [[3, 5], [0, 1]]]


def test_from_function_errors() -> None:
    with pytest.raises(InvalidPayoffError, match="missing for \\['Col'\\]"):
        NormalFormGame.from_function(lambda p: {"Row": 1}, ["Row", "Col"], [["a"], ["b"]])
    with pytest.raises(InvalidPayoffError, match="unknown players \\['X'\\]"):
        NormalFormGame.from_function(
            lambda p: {"Row": 1, "Col": 2, "X": 3}, ["Row", "Col"], [["a"], ["b"]]
        )
    with pytest.raises(ShapeError, match="expected 2 payoffs, got 3"):
        NormalFormGame.from_function(lambda p: (1, 2, 3), ["Row", "Col"], [["a"], ["b"]])
    with pytest.raises(InvalidPayoffError, match="Col"):
        NormalFormGame.from_function(lambda p: (1, float("nan")), ["Row", "Col"], [["a"], ["b"]])


def test_from_ranks_is_ordinal_with_ranks_as_payoffs() -> None:
    g = NormalFormGame.from_ranks([[3, 2], [4, 1]], [[3, 4], [2, 1]])
    assert g.is_ordinal
    assert g.payoffs.tolist() == [[[3, 2], [4, 1]], [[3, 4], [2, 1]]]
    # Ties and integral floats are ranks too.
    tied = NormalFormGame.from_ranks([[1, 1], [2.0, 2]], [[1, 2], [1, 2]])
    assert tied.payoffs[0].tolist() == [[1, 1], [2, 2]]


@pytest.mark.parametrize(
    ("bad", "fragment"),
    [
        (1.5, "not an integer"),
        ("3", "not an integer"),
        (True, "not an integer"),
        (float("nan"), "not an integer"),
        (0, "not positive"),
        (-2, "not positive"),
    ],
)
def test_from_ranks_rejects_non_positive_or_non_integer(bad: object, fragment: str) -> None:
    with pytest.raises(InvalidPayoffError, match=fragment):
        NormalFormGame.from_ranks([[bad, 2], [3, 4]], [[1, 2], [3, 4]])


def test_three_player_game() -> None:
    g = three_player()
    assert g.shape == (2, 2, 2)
    assert g.num_players == 3
    # (d, r, y) = indices (1, 1, 1): u_A = 3, u_B = 10 - 1 = 9, u_C = 1/2.
    assert g.payoff(["d", "r", "y"]) == {"A": 3.0, "B": 9.0, "C": 0.5}
    assert g.payoff({"C": "x", "B": "l", "A": "d"}) == {"A": 1.0, "B": 10.0, "C": 0.0}


# ------------------------------------------------------------------------- immutability


def test_payoffs_are_read_only_and_copied_from_input() -> None:
    A = np.array([[1.0, 2.0], [3.0, 4.0]])
    B = np.array([[5.0, 6.0], [7.0, 8.0]])
    g = NormalFormGame.from_arrays(A, B)
    with pytest.raises(ValueError, match="read-only"):
        g.payoffs[0, 0, 0] = 99.0
    with pytest.raises(ValueError, match="read-only"):
        g.exact_payoffs[0, 0, 0] = Fraction(99)
    A[0, 0] = 99.0  # the caller's array is not the game's
    assert g.payoffs[0, 0, 0] == 1.0


def test_setting_attributes_fails() -> None:
    g = chicken()
    for name, value in [("payoffs", np.zeros((2, 2, 2))), ("players", ("a", "b")), ("shape", (1,))]:
        with pytest.raises(AttributeError):
            setattr(g, name, value)
    with pytest.raises(AttributeError):
        g.new_attribute = 1  # type: ignore[attr-defined]


def test_payoffs_cannot_be_made_writeable_again() -> None:
    # An immutable game must not hand out its own buffer: numpy lets the owner of a
    # buffer switch WRITEABLE back on, after which the game (and its hash) change.
    g = chicken()
    before = hash(g)
    try:
        g.payoffs.setflags(write=True)
    except ValueError:
        return  # a view of a read-only buffer: cannot be re-enabled, as it should be
    g.payoffs[0, 0, 0] = 99.0
    assert g.payoffs[0, 0, 0] == 3.0 and hash(g) == before


# ------------------------------------------------------------------------------ labels


def test_default_labels() -> None:
    g = NormalFormGame.from_arrays(np.zeros((2, 3)), np.zeros((2, 3)))
    assert g.players == ("P1", "P2")
    assert g.actions == (("a1", "a2"), ("a1", "a2", "a3"))
    h = NormalFormGame(np.zeros((3, 1, 2, 1)))
    assert h.players == ("P1", "P2", "P3")
    assert h.actions == (("a1",), ("a1", "a2"), ("a1",))


def test_duplicate_labels() -> None:
    with pytest.raises(InvalidLabelError, match="duplicate labels \\['X'\\]"):
        NormalFormGame.from_arrays([[0]], [[0]], players=["X", "X"])
    with pytest.raises(InvalidLabelError, match="duplicate labels \\['l'\\]"):
        NormalFormGame.from_arrays([[0, 0]], [[0, 0]], actions=[["u"], ["l", "l"]])


def test_wrong_label_counts_and_types() -> None:
    with pytest.raises(InvalidLabelError, match="expected 2 labels, got 3"):
        NormalFormGame.from_arrays([[0]], [[0]], players=["a", "b", "c"])
    with pytest.raises(InvalidLabelError, match="expected 2 labels, got 1"):
        NormalFormGame.from_arrays([[0, 0]], [[0, 0]], actions=[["u"], ["l"]])
    with pytest.raises(InvalidLabelError, match="one label sequence per player"):
        NormalFormGame.from_arrays([[0, 0]], [[0, 0]], actions=[["u"]])
    with pytest.raises(InvalidLabelError, match="non-empty strings"):
        NormalFormGame.from_arrays([[0]], [[0]], players=["a", ""])
    with pytest.raises(InvalidLabelError, match="non-empty strings"):
        NormalFormGame.from_arrays([[0]], [[0]], players=["a", 2])  # type: ignore[list-item]


def test_label_errors_are_value_errors() -> None:
    assert issubclass(InvalidLabelError, ValueError)
    assert issubclass(InvalidLabelError, CrisisGamesError)


# -------------------------------------------------------------------------- bad input


@pytest.mark.parametrize(
    ("A", "B", "error", "fragment"),
    [
        (
            [[1.0, float("nan")], [0, 0]],
            [[0, 0], [0, 0]],
            InvalidPayoffError,
            r"player 0 .*\(0, 1\)",
        ),
        (
            [[1.0, 0], [0, 0]],
            [[0, 0], [float("inf"), 0]],
            InvalidPayoffError,
            r"player 1 .*\(1, 0\)",
        ),
        ([[1, 0], [0, 0]], [[0, 0], [0, -np.inf]], InvalidPayoffError, "finite"),
        ([[1, "nan"], [0, 0]], [[0, 0], [0, 0]], InvalidPayoffError, "not a finite number"),
        ([[1, "inf"], [0, 0]], [[0, 0], [0, 0]], InvalidPayoffError, "not a finite number"),
        ([[1, 2], [3]], [[0, 0], [0, 0]], ShapeError, "ragged"),
        ([[1, 2], [3, 4]], [[0, 0, 0], [0, 0, 0]], ShapeError, "disagree in shape"),
        ([[True, False], [False, True]], [[0, 0], [0, 0]], InvalidPayoffError, "boolean"),
        ([[1, "abc"], [0, 0]], [[0, 0], [0, 0]], InvalidPayoffError, "'abc'"),
        ([[1, None], [0, 0]], [[0, 0], [0, 0]], InvalidPayoffError, "None"),
    ],
)
def test_bad_payoffs_raise_at_construction(
    A: object, B: object, error: type[Exception], fragment: str
) -> None:
    with pytest.raises(error, match=fragment):
        NormalFormGame.from_arrays(A, B)


def test_inf_error_names_player_and_profile_when_player_0_is_integer() -> None:
    # Same input as the float case above except that player 0's payoffs are ints: the
    # message must still say where the infinite payoff is.
    with pytest.raises(InvalidPayoffError, match=r"player 1 .*\(1, 0\)"):
        NormalFormGame.from_arrays([[1, 0], [0, 0]], [[0, 0], [float("inf"), 0]])


def test_boolean_mixed_into_integers_is_rejected() -> None:
    # ``True`` among integers must not silently become the payoff 1 (numpy converts a
    # list [1, True] to an integer array).
    with pytest.raises(InvalidPayoffError, match="boolean"):
        NormalFormGame.from_arrays([[1, True], [0, 1]], [[0, 0], [0, 0]])


def test_wrong_number_of_arrays_for_dimensions() -> None:
    with pytest.raises(ShapeError, match="3 payoff array\\(s\\) of 2 dimension"):
        NormalFormGame.from_arrays([[0, 0]], [[0, 0]], [[0, 0]])
    with pytest.raises(ShapeError, match="1 payoff array\\(s\\) of 2 dimension"):
        NormalFormGame.from_arrays([[0, 0], [0, 0]])
    with pytest.raises(ShapeError, match="2 payoff array\\(s\\) of 3 dimension"):
        NormalFormGame.from_arrays(np.zeros((2, 2, 2)), np.zeros((2, 2, 2)))


def test_empty_action_set_and_no_players() -> None:
    with pytest.raises(InvalidGameError, match="at least one action"):
        NormalFormGame.from_arrays(np.zeros((0, 2)), np.zeros((0, 2)))
    with pytest.raises(InvalidGameError, match="at least one player"):
        NormalFormGame([])
    with pytest.raises(ShapeError):
        NormalFormGame("payoffs")


def test_payoff_errors_are_value_errors() -> None:
    with pytest.raises(ValueError):
        NormalFormGame.from_arrays([[float("nan")]], [[0]])


# ------------------------------------------------------------------------------ lookups


def test_unknown_labels_raise_unknown_label_error_a_key_error() -> None:
    g = chicken()
    with pytest.raises(UnknownLabelError, match="unknown action 'invade' of player 'US'"):
        g.payoff(["invade", "withdraw"])
    with pytest.raises(KeyError):
        g.payoff(["invade", "withdraw"])
    with pytest.raises(UnknownLabelError, match="unknown player\\(s\\) \\['Cuba'\\]"):
        g.payoff({"US": "blockade", "USSR": "withdraw", "Cuba": "x"})
    with pytest.raises(UnknownLabelError, match="does not give an action for \\['USSR'\\]"):
        g.payoff({"US": "blockade"})
    with pytest.raises(UnknownLabelError, match="unknown action 'maintain' of player 'US'"):
        g.action_index("US", "maintain")
    with pytest.raises(UnknownLabelError, match="unknown player 'Cuba'"):
        g.action_index("Cuba", "blockade")
    with pytest.raises(UnknownLabelError, match="out of range"):
        g.action_index(0, 2)
    with pytest.raises(UnknownLabelError, match="out of range"):
        g.player_index(2)
    with pytest.raises(ShapeError, match="needs 2 actions, got 1"):
        g.payoff(["blockade"])
    assert g.action_index("USSR", "maintain") == 1
    assert g.player_index("USSR") == 1


def test_mixed_strategy_valid_forms() -> None:
    g = chicken()
    assert g.mixed_strategy("US", [0.25, 0.75]).tolist() == [0.25, 0.75]
    assert g.mixed_strategy(1, {"maintain": 1}).tolist() == [0.0, 1.0]


@pytest.mark.parametrize(
    ("strategy", "error", "fragment"),
    [
        ([1.5, -0.5], InvalidStrategyError, "negative"),
        ([0.5, 0.4], InvalidStrategyError, "sums to"),
        ([0.5, 0.25, 0.25], InvalidStrategyError, "3 entries; the player has 2"),
        ([1.0], InvalidStrategyError, "1 entries"),
        ([float("nan"), 1.0], InvalidStrategyError, "non-finite"),
        (["x", "y"], InvalidStrategyError, "not numeric"),
        ({"nuke": 1.0}, UnknownLabelError, "unknown action 'nuke'"),
        ({"blockade": 0.5}, InvalidStrategyError, "sums to"),
    ],
)
def test_mixed_strategy_errors(strategy: object, error: type[Exception], fragment: str) -> None:
    with pytest.raises(error, match=fragment):
        chicken().mixed_strategy("US", strategy)


# ------------------------------------------------------------------------ exact payoffs


def test_exact_payoffs_from_strings_and_fractions() -> None:
    g = NormalFormGame.from_arrays([["1/3", Fraction(2, 7)]], [[0, "-5/2"]])
    assert g.has_exact_payoffs
    ex = g.exact_payoffs
    assert ex[0, 0, 0] == Fraction(1, 3) and isinstance(ex[0, 0, 0], Fraction)
    assert ex[0, 0, 1] == Fraction(2, 7)
    assert ex[1, 0, 1] == Fraction(-5, 2)
    assert g.payoffs[0, 0, 0] == 1 / 3
    # A decimal string is its decimal value, not the nearest binary float.
    assert NormalFormGame.from_arrays([["0.1"]], [[0]]).exact_payoffs[0, 0, 0] == Fraction(1, 10)


def test_float_payoffs_are_their_binary_values() -> None:
    g = NormalFormGame.from_arrays([[0.1]], [[0]])
    assert not g.has_exact_payoffs
    assert g.exact_payoffs[0, 0, 0] == Fraction(0.1) != Fraction(1, 10)


def test_huge_integers_stay_exact() -> None:
    big = 2**60 + 1  # not representable as a float64
    g = NormalFormGame.from_arrays([[big, 0]], [[0, 0]])
    assert g.has_exact_payoffs
    assert g.exact_payoffs[0, 0, 0] == big


def test_huge_integers_of_a_later_player_stay_exact() -> None:
    # Player 0 has float payoffs; player 1's 2**60 + 1 must not be rounded to 2**60.
    big = 2**60 + 1
    g = NormalFormGame.from_arrays([[0.5, 0.0]], [[big, 0]])
    assert g.exact_payoffs[1, 0, 0] == big


def test_to_fraction() -> None:
    assert to_fraction("-1/2") == Fraction(-1, 2)
    assert to_fraction(" 3 ") == 3
    assert to_fraction(np.int64(7)) == 7
    assert to_fraction(0.5) == Fraction(1, 2)
    for bad in (True, np.bool_(False), float("nan"), np.inf, "x", None, "1/0"):
        with pytest.raises(InvalidPayoffError):
            to_fraction(bad)


# ---------------------------------------------------------------------- transformations


def test_affine_transform_per_player_exact() -> None:
    g = NormalFormGame.from_arrays([["1/3", 1]], [[2, 4]])
    h = g.affine_transform(scale=[3, "1/2"], shift=["-1", Fraction(1, 3)])
    # Row: 3 * 1/3 - 1 = 0, 3 * 1 - 1 = 2.  Column: 2/2 + 1/3 = 4/3, 4/2 + 1/3 = 7/3.
    assert h.exact_payoffs[0].tolist() == [[0, 2]]
    assert h.exact_payoffs[1].tolist() == [[Fraction(4, 3), Fraction(7, 3)]]
    assert h.players == g.players and h.actions == g.actions


def test_affine_transform_scalar() -> None:
    g = chicken().affine_transform(scale=2, shift=1)
    assert g.payoffs[0].tolist() == [[7, 5], [9, 3]]
    assert g.payoffs[1].tolist() == [[7, 9], [5, 3]]


@pytest.mark.parametrize("scale", [0, -1, [1, 0], [-2, 1], "0"])
def test_affine_transform_needs_positive_scale(scale: object) -> None:
    with pytest.raises(InvalidPayoffError, match="scale must be positive"):
        chicken().affine_transform(scale=scale)


def test_affine_transform_wrong_length() -> None:
    with pytest.raises(ShapeError, match="one value per player"):
        chicken().affine_transform(scale=[1, 2, 3])
    with pytest.raises(InvalidPayoffError):
        chicken().affine_transform(shift=float("nan"))


def test_relabel() -> None:
    g = chicken()
    h = g.relabel(players={"US": "Kennedy"}, actions={"USSR": {"maintain": "stay"}})
    assert h.players == ("Kennedy", "USSR")
    assert h.actions == (("blockade", "air strike"), ("withdraw", "stay"))
    assert np.array_equal(h.payoffs, g.payoffs)
    k = g.relabel(players=["A", "B"], actions=[["u", "d"], ["l", "r"]])
    assert k.payoff(["d", "l"]) == {"A": 4.0, "B": 2.0}
    m = g.relabel(actions={"US": ["x", "y"]})
    assert m.actions[0] == ("x", "y")
    with pytest.raises(InvalidLabelError, match="duplicate"):
        g.relabel(players=["A", "A"])
    with pytest.raises(UnknownLabelError):
        g.relabel(players={"Cuba": "X"})


def test_relabel_keeps_exact_payoffs() -> None:
    g = NormalFormGame.from_arrays([["1/3"]], [[0]])
    assert g.relabel(players=["a", "b"]).exact_payoffs[0, 0, 0] == Fraction(1, 3)


def test_permute_actions_keeps_labeled_payoffs() -> None:
    g = three_player()
    h = g.permute_actions("B", ["r", "l"])
    assert h.actions[1] == ("r", "l")
    for prof in itertools.product(*g.actions):
        assert h.payoff(list(prof)) == g.payoff(list(prof))
    assert not np.array_equal(h.payoffs, g.payoffs)
    with pytest.raises(InvalidLabelError, match="each action"):
        g.permute_actions("B", ["r", "r"])
    with pytest.raises(InvalidLabelError, match="each action"):
        g.permute_actions("B", ["r"])
    with pytest.raises(UnknownLabelError):
        g.permute_actions("B", ["r", "q"])


def test_permute_actions_keeps_exact_and_ordinal() -> None:
    g = NormalFormGame.from_arrays([["1/3", 1]], [[0, 0]])
    assert g.permute_actions(1, [1, 0]).exact_payoffs[0, 0, 1] == Fraction(1, 3)
    r = NormalFormGame.from_ranks([[1, 2]], [[2, 1]]).permute_actions(1, [1, 0])
    assert r.is_ordinal and r.payoffs.tolist() == [[[2, 1]], [[1, 2]]]


@pytest.mark.parametrize("order", list(itertools.permutations(["A", "B", "C"])))
def test_permute_players_keeps_labeled_payoffs(order: tuple[str, ...]) -> None:
    g = three_player()
    h = g.permute_players(order)
    assert h.players == order
    assert h.shape == tuple(g.shape[g.player_index(p)] for p in order)
    for prof in itertools.product(*g.actions):
        labeled = dict(zip(g.players, prof, strict=True))
        assert h.payoff(labeled) == g.payoff(labeled)


def test_permute_players_two_player_and_errors() -> None:
    g = NormalFormGame.from_arrays([[1, 2, 3]], [[4, 5, 6]], players=["R", "C"])
    h = g.permute_players(["C", "R"])
    assert h.shape == (3, 1)
    # h's row player is C: its payoffs are B transposed; its column player's, A transposed.
    assert h.payoffs.tolist() == [[[4], [5], [6]], [[1], [2], [3]]]
    with pytest.raises(InvalidLabelError, match="each player once"):
        g.permute_players(["C", "C"])
    with pytest.raises(UnknownLabelError):
        g.permute_players(["C", "X"])


# ---------------------------------------------------------------------- equality / hash


def test_equality_and_hash() -> None:
    g = chicken()
    same = NormalFormGame.from_arrays(
        np.array([[3.0, 2.0], [4.0, 1.0]]),
        [["3", "4"], ["2", "1"]],
        players=["US", "USSR"],
        actions=[["blockade", "air strike"], ["withdraw", "maintain"]],
    )
    assert g == same and hash(g) == hash(same)
    assert g != g.relabel(players=["A", "B"])
    assert g != g.affine_transform(shift=1)
    assert g != NormalFormGame.from_arrays([[3, 2, 0]], [[3, 4, 0]])
    assert g != "a game"
    assert len({g, same}) == 1
    # 1/3 and its float differ exactly: not equal.
    third = NormalFormGame.from_arrays([["1/3"]], [[0]])
    assert third != NormalFormGame.from_arrays([[1 / 3]], [[0]])
    assert third == NormalFormGame.from_arrays([[Fraction(1, 3)]], [[0]])


def test_equal_games_have_equal_hashes_with_negative_zero() -> None:
    # -0.0 == 0.0, so the games are equal (and __eq__ says so); equal objects must hash
    # equally.  A zero-sum game built as (A, -A) produces -0.0 wherever A is 0.
    A = np.array([[0.0, 1.0], [-1.0, 0.0]])
    g = NormalFormGame.from_arrays(A, -A)
    h = NormalFormGame.from_arrays([[0, 1], [-1, 0]], [[0, -1], [1, 0]])
    assert g == h
    assert hash(g) == hash(h)


# ------------------------------------------------------------------------ printed table


def test_str_two_by_two_with_exact_entry() -> None:
    g = NormalFormGame.from_arrays(
        [[1, -2], ["1/3", 10]],
        [[0, 5], [7, -1]],
        players=["Row", "Col"],
        actions=[["Up", "Down"], ["L", "R"]],
    )
    # Label column is as wide as "Down" (4); column L as wide as "(1/3, 7)" (8) and R as
    # "(10, -1)" (8); cells are right-aligned after two spaces, trailing spaces stripped.
    expected = "\n".join(
        [
            "NormalFormGame: Row (rows) vs Col (columns)",
            " " * 13 + "L" + " " * 9 + "R",
            "Up      (1, 0)   (-2, 5)",
            "Down  (1/3, 7)  (10, -1)",
        ]
    )
    assert str(g) == expected
    assert repr(g) == expected


def test_str_three_players_one_table_per_action() -> None:
    # Widths: table x has columns of 10 = len("(1, 10, 0)"), table y of 12 =
    # len("(2, -1, 0.5)"); the label column is 1 wide.
    expected = "\n".join(
        [
            "NormalFormGame: A (rows) vs B (columns), one table per action of C",
            "C = x:",
            " " * 12 + "l" + " " * 11 + "r",
            "u   (0, 0, 0)  (1, -1, 0)",
            "d  (1, 10, 0)   (2, 9, 0)",
            "C = y:",
            " " * 14 + "l" + " " * 13 + "r",
            "u   (1, 0, 0.5)  (2, -1, 0.5)",
            "d  (2, 10, 0.5)   (3, 9, 0.5)",
        ]
    )
    assert str(three_player()) == expected


def test_str_ordinal_heading() -> None:
    g = NormalFormGame.from_ranks([[1, 2]], [[2, 1]], players=["X", "Y"])
    assert str(g).splitlines()[0] == "Ordinal NormalFormGame: X (rows) vs Y (columns)"
