"""Tests of crisisgames.io: lossless JSON, and Gambit strategic-form (.nfg) files."""

from __future__ import annotations

import json
from fractions import Fraction
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import crisisgames
from crisisgames.errors import InvalidGameError
from crisisgames.games.normal_form import NormalFormGame
from crisisgames.io import (
    equilibrium_set_from_dict,
    equilibrium_set_to_dict,
    from_dict,
    from_json,
    game_from_dict,
    game_to_dict,
    read_nfg,
    to_dict,
    to_json,
    write_nfg,
)
from crisisgames.solvers.nash import nash_equilibria
from crisisgames.solvers.results import Equilibrium, EquilibriumSet, SolveStatus

F = Fraction


def exact_table(game: NormalFormGame) -> list[Any]:
    return game.exact_payoffs.tolist()


def same_floats(a: np.ndarray, b: np.ndarray) -> bool:
    """Bit-for-bit equality of two float arrays (distinguishes -0.0 from 0.0)."""
    return a.shape == b.shape and a.dtype == b.dtype and a.tobytes() == b.tobytes()


# ============================================================================= games


def fraction_game() -> NormalFormGame:
    return NormalFormGame.from_arrays(
        [["1/3", "-2/7"], [1, "5/2"]],
        [[0, "1/3"], ["10/3", -1]],
        players=["US", "USSR"],
        actions=[["blockade", "air strike"], ["withdraw", "maintain"]],
    )


def float_game() -> NormalFormGame:
    third = 1 / 3
    return NormalFormGame.from_arrays(
        [[0.1, third], [-0.0, 1e300]],
        [[1e-300, 2.5], [-7.25, 0.30000000000000004]],
    )


def three_player_game() -> NormalFormGame:
    rng = np.random.default_rng(7)
    return NormalFormGame(
        rng.integers(-5, 6, size=(3, 2, 3, 2)),
        players=["A", "B", "C"],
        actions=[["a", "b"], ["x", "y", "z"], ["l", "r"]],
    )


def chicken_ranks() -> NormalFormGame:
    return NormalFormGame.from_ranks(
        [[3, 2], [4, 1]],
        [[3, 4], [2, 1]],
        players=["US", "USSR"],
        actions=[["blockade", "air strike"], ["withdraw", "maintain"]],
    )


def zero_game() -> NormalFormGame:
    return NormalFormGame.from_arrays([[0, 0], [0, 0]], [[0, 0], [0, 0]])


# ============================================================================= JSON: games


@pytest.mark.parametrize(
    "make", [fraction_game, float_game, three_player_game, chicken_ranks, zero_game]
)
def test_game_json_round_trip(make: Any) -> None:
    game = make()
    back = from_json(to_json(game))
    assert isinstance(back, NormalFormGame)
    assert back == game  # compares labels and exact payoffs
    assert back.players == game.players and back.actions == game.actions
    assert back.is_ordinal == game.is_ordinal
    assert back.has_exact_payoffs == game.has_exact_payoffs
    assert same_floats(back.payoffs, game.payoffs)
    assert exact_table(back) == exact_table(game)


def test_exact_payoffs_stored_as_fraction_strings() -> None:
    d = game_to_dict(fraction_game())
    assert d["type"] == "NormalFormGame"
    assert d["crisisgames_version"] == crisisgames.__version__
    assert d["exact"] is True
    assert d["payoffs"][0] == [["1/3", "-2/7"], ["1", "5/2"]]
    assert d["payoffs"][1] == [["0", "1/3"], ["10/3", "-1"]]
    back = game_from_dict(json.loads(json.dumps(d)))
    assert back.exact_payoffs[0, 0, 0] == F(1, 3)
    assert back.exact_payoffs[1, 1, 0] == F(10, 3)


def test_float_payoffs_stored_as_numbers_and_survive_bit_for_bit() -> None:
    game = float_game()
    d = json.loads(to_json(game))
    assert d["exact"] is False
    assert d["payoffs"][0][0] == [0.1, 1 / 3]
    back = from_json(to_json(game))
    assert isinstance(back, NormalFormGame)
    assert same_floats(back.payoffs, game.payoffs)  # -0.0 and 1e-300 included
    # 0.1 is the float 0.1, not the decimal 1/10
    assert back.exact_payoffs[0, 0, 0] == F(0.1) != F(1, 10)


def test_ordinal_flag_preserved() -> None:
    game = chicken_ranks()
    assert game.is_ordinal
    back = from_json(to_json(game))
    assert isinstance(back, NormalFormGame) and back.is_ordinal
    assert game_to_dict(game)["ordinal"] is True
    plain = from_json(to_json(fraction_game()))
    assert isinstance(plain, NormalFormGame) and not plain.is_ordinal


def test_huge_integers_stay_exact() -> None:
    big = 2**60 + 1  # not representable as a float
    game = NormalFormGame.from_arrays([[big, 0]], [[0, -big]])
    assert game.has_exact_payoffs
    back = from_json(to_json(game))
    assert isinstance(back, NormalFormGame)
    assert back.exact_payoffs[0, 0, 0] == big and back.exact_payoffs[1, 0, 1] == -big


def test_unicode_and_quoted_labels() -> None:
    game = NormalFormGame.from_arrays(
        [[1, 2]],
        [[3, 4]],
        players=["Хрущёв", 'JFK "Jack"'],
        actions=[["wait"], ["quarantine \\ blockade", "strike"]],
    )
    assert from_json(to_json(game)) == game


def test_to_json_writes_file(tmp_path: Path) -> None:
    game = fraction_game()
    target = tmp_path / "game.json"
    text = to_json(game, target)
    assert target.read_text(encoding="utf-8") == text
    assert from_json(target) == game
    assert from_json(str(target)) == game


def test_compact_json() -> None:
    text = to_json(fraction_game(), indent=None)
    assert "\n" not in text
    assert from_json(text) == fraction_game()
    assert json.loads(text) == json.loads(to_json(fraction_game()))


def test_hand_written_game_mixing_numbers_and_fractions() -> None:
    # Strings are exact decimals/fractions; JSON numbers are floats taken at face value.
    g = game_from_dict(
        {
            "players": ["R", "C"],
            "actions": [["u", "d"], ["l"]],
            "payoffs": [[["0.1"], [0.1]], [[2], ["-3/4"]]],
        }
    )
    assert g.exact_payoffs[0, 0, 0] == F(1, 10)
    assert g.exact_payoffs[0, 1, 0] == F(0.1)
    assert g.exact_payoffs[1, 1, 0] == F(-3, 4)


# ============================================================================= JSON: equilibria


def _assert_same_result(back: object, res: EquilibriumSet) -> None:
    assert isinstance(back, EquilibriumSet)
    assert back == res
    assert back.game == res.game and back.game.is_ordinal == res.game.is_ordinal
    for a, b in zip(back.equilibria, res.equilibria, strict=True):
        assert a.strategies == b.strategies and a.payoffs == b.payoffs
        assert a.exact_strategies == b.exact_strategies
        assert a.exact_payoffs == b.exact_payoffs


@pytest.mark.parametrize("exact", [False, True])
@pytest.mark.parametrize("make", [fraction_game, chicken_ranks, zero_game])
def test_equilibrium_set_round_trip(make: Any, exact: bool) -> None:
    res = nash_equilibria(make(), exact=exact)
    _assert_same_result(from_json(to_json(res)), res)
    _assert_same_result(equilibrium_set_from_dict(equilibrium_set_to_dict(res)), res)


def test_exact_equilibria_stored_as_fractions() -> None:
    res = nash_equilibria(chicken_ranks(), exact=True)
    d = json.loads(to_json(res))
    assert d["type"] == "EquilibriumSet"
    assert d["crisisgames_version"] == crisisgames.__version__
    mixed = d["equilibria"][2]
    assert mixed["exact_strategies"] == [["1/2", "1/2"], ["1/2", "1/2"]]
    assert mixed["exact_payoffs"] == ["5/2", "5/2"]
    back = from_json(to_json(res))
    assert isinstance(back, EquilibriumSet)
    assert back[2].exact_strategies == ((F(1, 2), F(1, 2)), (F(1, 2), F(1, 2)))
    float_res = json.loads(to_json(nash_equilibria(chicken_ranks())))
    assert float_res["equilibria"][2]["exact_strategies"] is None


@pytest.mark.parametrize("exact", [False, True])
def test_degenerate_continuum_round_trip(exact: bool) -> None:
    # All-zero 2x2: every profile is an equilibrium; one component, a continuum with the four
    # pure profiles as extreme points.
    res = nash_equilibria(zero_game(), exact=exact)
    assert res.status.degenerate and res.status.continuum
    back = from_json(to_json(res))
    _assert_same_result(back, res)
    assert isinstance(back, EquilibriumSet)
    assert len(back.components) == 1 and back.components[0].is_continuum
    assert back.components[0].nash_subsets == res.components[0].nash_subsets
    assert back.status == res.status


@pytest.mark.parametrize(
    "method", ["pure", "nashpy-support", "nashpy-vertex", "nashpy-lemke-howson"]
)
def test_other_methods_round_trip(method: str) -> None:
    res = nash_equilibria(fraction_game(), method)
    back = from_json(to_json(res))
    _assert_same_result(back, res)
    assert isinstance(back, EquilibriumSet) and back.status.notes == res.status.notes


def test_three_player_equilibria_round_trip() -> None:
    res = nash_equilibria(three_player_game(), "pure", exact=True)
    _assert_same_result(from_json(to_json(res)), res)


def test_equilibrium_labels_differing_from_game_kept() -> None:
    game = zero_game()
    eq = Equilibrium(("X", "Y"), (("u", "d"), ("l", "r")), ((1.0, 0.0), (0.5, 0.5)), (0.0, 0.0))
    res = EquilibriumSet(game, (eq,), (), "manual", False, 1e-9, SolveStatus(False, None, None))
    back = from_json(to_json(res))
    assert back == res
    assert "players" not in to_dict(nash_equilibria(game))["equilibria"][0]


@settings(max_examples=25, deadline=None)
@given(
    st.lists(st.fractions(min_value=-5, max_value=5, max_denominator=7), min_size=12, max_size=12),
    st.booleans(),
)
def test_random_games_round_trip(values: list[Fraction], exact: bool) -> None:
    game = NormalFormGame(np.array(values, dtype=object).reshape(2, 2, 3))
    res = nash_equilibria(game, exact=exact)
    assert from_json(to_json(game)) == game
    assert from_json(to_json(res)) == res


# ============================================================================= JSON: errors


def test_json_errors() -> None:
    with pytest.raises(InvalidGameError, match="not valid JSON"):
        from_json("{ not json")
    with pytest.raises(InvalidGameError, match="unknown document type"):
        from_json('{"type": "Banana"}')
    with pytest.raises(InvalidGameError, match="unknown document type"):
        from_dict({"players": []})
    with pytest.raises(InvalidGameError, match="missing field 'payoffs'"):
        game_from_dict({"players": ["a"], "actions": [["x"]]})
    with pytest.raises(InvalidGameError, match="expected 2 entries"):
        game_from_dict(
            {"players": ["a", "b"], "actions": [["x"], ["y", "z"]], "payoffs": [[[1]], [[2]]]}
        )
    with pytest.raises(InvalidGameError, match="type 'EquilibriumSet'"):
        game_from_dict(to_dict(nash_equilibria(zero_game())))
    with pytest.raises(InvalidGameError, match="not a number"):
        game_from_dict({"players": ["a"], "actions": [["x"]], "payoffs": [[True]]})
    d = to_dict(nash_equilibria(zero_game()))
    del d["status"]
    with pytest.raises(InvalidGameError, match="missing field 'status'"):
        from_dict(d)
    with pytest.raises(TypeError):
        to_json([1, 2, 3])  # type: ignore[arg-type]


# ============================================================================= .nfg: Gambit's own files

# contrib/games/e02.nfg from the Gambit repository (payoff version, strategy *counts*);
# trailing spaces of the originals dropped here and below (whitespace is not significant).
E02_PAYOFF = """NFG 1 R "Selten (IJGT, 75), Figure 2, normal form" { "Player 1" "Player 2" } { 3 2 }

1 1 0 2 0 2 1 1 0 3 2 0
"""

# The same game in the outcome version, from Gambit's doc/formats.nfgout.rst.
E02_OUTCOME = """NFG 1 R "Selten (IJGT, 75), Figure 2, normal form" { "Player 1" "Player 2" }

{
{ "1" "2" "3" }
{ "1" "2" }
}

{
{ "" 1, 1 }
{ "" 0, 2 }
{ "" 0, 2 }
{ "" 1, 1 }
{ "" 0, 3 }
{ "" 2, 0 }
}
1 2 3 4 5 6
"""

# Derivation (first player's strategy changes fastest; payoffs within a profile in player
# order).  Shape (3, 2); the profiles (P1, P2), 1-based, come in the order
#   (1,1) (2,1) (3,1) (1,2) (2,2) (3,2)
# and the list 1 1 | 0 2 | 0 2 | 1 1 | 0 3 | 2 0 pairs with them:
#   (1,1) -> (1, 1)   (2,1) -> (0, 2)   (3,1) -> (0, 2)
#   (1,2) -> (1, 1)   (2,2) -> (0, 3)   (3,2) -> (2, 0)
# so, rows = Player 1's strategies and columns = Player 2's:
E02_U1 = [[1, 1], [0, 0], [0, 2]]
E02_U2 = [[1, 1], [2, 3], [2, 0]]


def test_gambit_e02_payoff_version_with_counts() -> None:
    g = read_nfg(E02_PAYOFF)
    assert g.players == ("Player 1", "Player 2")
    assert g.actions == (("a1", "a2", "a3"), ("a1", "a2"))  # counts only -> default labels
    assert exact_table(g) == [E02_U1, E02_U2]


def test_gambit_e02_outcome_version() -> None:
    # Outcomes 1..6 are listed for the profiles in the same order, so the game is the same.
    g = read_nfg(E02_OUTCOME)
    assert g.actions == (("1", "2", "3"), ("1", "2"))
    assert exact_table(g) == [E02_U1, E02_U2]
    assert g == read_nfg(E02_PAYOFF).relabel(actions=[["1", "2", "3"], ["1", "2"]])


# contrib/games/2x2.nfg from the Gambit repository (outcome version).
GAMBIT_2X2 = """NFG 1 R "Two person 2 x 2 game with unique mixed equilibrium" { "Player 1" "Player 2" }

{ { "1" "2" }
{ "1" "2" }
}
""

{
{ "" 2, 0 }
{ "" 0, 1 }
{ "" 0, 1 }
{ "" 1, 0 }
}
1 2 3 4
"""


def test_gambit_2x2_outcome_version() -> None:
    # Profiles (1,1) (2,1) (1,2) (2,2) get outcomes 1 2 3 4 = (2,0) (0,1) (0,1) (1,0):
    #   u1[0,0] = 2, u1[1,0] = 0, u1[0,1] = 0, u1[1,1] = 1
    #   u2[0,0] = 0, u2[1,0] = 1, u2[0,1] = 1, u2[1,1] = 0
    g = read_nfg(GAMBIT_2X2)
    assert exact_table(g) == [[[2, 0], [0, 1]], [[0, 1], [1, 0]]]
    # "unique mixed equilibrium": P1 mixes 1/2-1/2, P2 plays (1/3, 2/3)
    res = nash_equilibria(g, exact=True)
    assert len(res) == 1
    assert res[0].exact_strategies == ((F(1, 2), F(1, 2)), (F(1, 3), F(2, 3)))


# contrib/games/2x2x2.nfg from the Gambit repository (three players, outcome version).
GAMBIT_2X2X2 = """NFG 1 R "2x2x2 Example from McKelvey-McLennan, with 9 Nash equilibria, 2 totally mixed" { "Player 1" "Player 2" "Player 3" }

{ { "1" "2" }
{ "1" "2" }
{ "1" "2" }
}
""

{
{ "" 9, 8, 12 }
{ "" 0, 0, 0 }
{ "" 0, 0, 0 }
{ "" 9, 8, 2 }
{ "" 0, 0, 0 }
{ "" 3, 4, 6 }
{ "" 3, 4, 6 }
{ "" 0, 0, 0 }
}
1 2 3 4 5 6 7 8
"""


def test_gambit_2x2x2_three_players() -> None:
    # Profiles in order (player 1 fastest, then 2, then 3), 1-based:
    #   (1,1,1) -> o1 (9,8,12)   (2,1,1) -> o2 (0,0,0)   (1,2,1) -> o3 (0,0,0)
    #   (2,2,1) -> o4 (9,8,2)    (1,1,2) -> o5 (0,0,0)   (2,1,2) -> o6 (3,4,6)
    #   (1,2,2) -> o7 (3,4,6)    (2,2,2) -> o8 (0,0,0)
    g = read_nfg(GAMBIT_2X2X2)
    assert g.players == ("Player 1", "Player 2", "Player 3")
    expected = np.zeros((3, 2, 2, 2), dtype=np.int64)
    expected[:, 0, 0, 0] = (9, 8, 12)
    expected[:, 1, 1, 0] = (9, 8, 2)
    expected[:, 1, 0, 1] = (3, 4, 6)
    expected[:, 0, 1, 1] = (3, 4, 6)
    assert exact_table(g) == expected.tolist()


# contrib/games/zero.nfg: decimals written by an older Gambit.
GAMBIT_ZERO = """NFG 1 R "Two person 2 x 2 game with all zero payoffs" { "1" "2" }

{ { "1" "2" }
{ "1" "2" }
}
""

{
{ "Outcome 1" 0.000000, 0.000000 }
{ "Outcome 2" 0.000000, 0.000000 }
{ "Outcome 3" 0.000000, 0.000000 }
{ "Outcome 4" 0.000000, 0.000000 }
}
1 2 3 4
"""


def test_gambit_zero_game_decimals() -> None:
    g = read_nfg(GAMBIT_ZERO)
    assert g.players == ("1", "2")
    assert g == zero_game().relabel(players=["1", "2"], actions=[["1", "2"], ["1", "2"]])


def test_comment_with_punctuation_is_skipped() -> None:
    # Like Gambit's catalog/open_spiel/matrix_pd.nfg: a comment with braces-free punctuation.
    text = (
        'NFG 1 R "Prisoner\'s Dilemma" { "Player 0" "Player 1" }\n\n'
        '{ { "1" "2" }\n{ "1" "2" }\n}\n'
        '"This game originates from the `OpenSpiel <https://openspiel.readthedocs.io/'
        'en/latest/games.html>`_ game library."\n\n'
        '{\n{ "" 5, 5 }\n{ "" 10, 0 }\n{ "" 0, 10 }\n{ "" 1, 1 }\n}\n1 2 3 4\n'
    )
    g = read_nfg(text)
    assert exact_table(g) == [[[5, 0], [10, 1]], [[5, 10], [0, 1]]]


# ============================================================================= .nfg: rules


def test_payoff_list_ordering_2x2() -> None:
    # With the first player's strategy changing fastest, the list 1 1 0 2 2 0 3 3 for a 2x2
    # game means: (a1,b1) -> (1,1), (a2,b1) -> (0,2), (a1,b2) -> (2,0), (a2,b2) -> (3,3).
    # So u1 = [[1, 2], [0, 3]] and u2 = [[1, 0], [2, 3]] (rows: P1's strategies).
    g = read_nfg('NFG 1 R "" { "P1" "P2" } { { "a1" "a2" } { "b1" "b2" } }\n1 1 0 2 2 0 3 3\n')
    assert g.actions == (("a1", "a2"), ("b1", "b2"))
    assert exact_table(g) == [[[1, 2], [0, 3]], [[1, 0], [2, 3]]]
    assert g.payoff({"P1": "a2", "P2": "b1"}) == {"P1": 0.0, "P2": 2.0}


def test_payoff_list_ordering_three_players_2x3x2() -> None:
    # Payoff of player i at profile (a, b, c) is 100*i + (a + 1) + 10*(b + 1) + ... encoded so
    # each entry is unique; the list enumerates a fastest, then b, then c.
    shape = (2, 3, 2)
    values = []
    for c in range(2):
        for b in range(3):
            for a in range(2):
                values += [100 * i + 1000 * c + 10 * b + a for i in range(3)]
    text = 'NFG 1 R "t" { "A" "B" "C" } { 2 3 2 }\n' + " ".join(map(str, values))
    g = read_nfg(text)
    assert g.shape == shape
    for i in range(3):
        for a in range(2):
            for b in range(3):
                for c in range(2):
                    assert g.exact_payoffs[i, a, b, c] == 100 * i + 1000 * c + 10 * b + a


def test_number_formats_read_exactly() -> None:
    # Shape (3, 1): profiles (1,1) (2,1) (3,1) get (1/3, -0.1), (+2, 1.5e2), (.25, -7/14).
    text = 'NFG 1 R "" { "P1" "P2" } { 3 1 }\n1/3 -0.1 +2 1.5e2 .25 -7/14\n'
    g = read_nfg(text)
    assert exact_table(g) == [[[F(1, 3)], [2], [F(1, 4)]], [[F(-1, 10)], [150], [F(-1, 2)]]]
    assert g.exact_payoffs[1, 0, 0] != F(-0.1)  # the decimal, not the nearest float
    assert read_nfg('NFG 1 R "" { "P1" } { 2 }\n1.5E+2 3e-1').exact_payoffs[0].tolist() == [
        150,
        F(3, 10),
    ]


def test_null_outcome_and_optional_commas() -> None:
    text = """NFG 1 R "" { "Row" "Col" } { { "U" "D" } { "L" "R" } } "a comment"
    { { "first" 1/3 0 } { "second" 1, -1 } }
    1 2 0 1"""
    g = read_nfg(text)
    assert exact_table(g) == [[[F(1, 3), 0], [1, F(1, 3)]], [[0, 0], [-1, 0]]]


def test_labels_with_spaces_and_escaped_quotes() -> None:
    text = r"""NFG 1 R "Title with \"quotes\"" { "John F. Kennedy" "Nikita \"N.S.\" Khrushchev" }
    { { "naval blockade" "air \\ strike" } { "withdraw the \"missiles\"" "stay" } } ""
    1 2 3 4 5 6 7 8"""
    g = read_nfg(text)
    assert g.players == ("John F. Kennedy", 'Nikita "N.S." Khrushchev')
    assert g.actions == (("naval blockade", "air \\ strike"), ('withdraw the "missiles"', "stay"))


def test_blank_and_repeated_labels_are_normalised() -> None:
    g = read_nfg('NFG 1 R "" { "" "" } { { "x" "x" "" } { "" } }\n' + " ".join(["0"] * 6))
    assert g.players == ("P1", "P2")
    assert g.actions == (("x_1", "x_2", "a3"), ("a1",))


def test_read_from_path_and_latin1(tmp_path: Path) -> None:
    p = tmp_path / "e02.nfg"
    p.write_text(E02_PAYOFF, encoding="utf-8")
    assert read_nfg(p) == read_nfg(E02_PAYOFF)
    assert read_nfg(str(p)) == read_nfg(E02_PAYOFF)
    q = tmp_path / "latin.nfg"
    q.write_bytes('NFG 1 R "Caf\u00e9" { "Jos\u00e9" } { 1 }\n4\n'.encode("latin-1"))
    assert read_nfg(q).players == ("Jos\u00e9",)


# ============================================================================= .nfg: writing


def test_write_nfg_format() -> None:
    g = NormalFormGame.from_arrays(
        [[1, 2, 3], [4, 5, 6]],
        [[-1, "1/2", 0], [0, 0, "7/3"]],
        players=["Row player", "Col"],
        actions=[["up", 'say "no"'], ["l", "c", "r"]],
    )
    text = write_nfg(g, title="A test")
    assert text.splitlines() == [
        'NFG 1 R "A test" { "Row player" "Col" }',
        "",
        '{ { "up" "say \\"no\\"" }',
        '{ "l" "c" "r" }',
        "}",
        '""',
        "",
        # first player's strategy changes fastest: (up,l) (down,l) (up,c) (down,c) ...
        "1 -1",
        "4 0",
        "2 1/2",
        "5 0",
        "3 0",
        "6 7/3",
    ]
    assert read_nfg(text) == g


def test_write_nfg_float_payoffs_as_decimals() -> None:
    g = NormalFormGame.from_arrays([[0.5, -2.0]], [[1e-5, 3.25]])
    assert not g.has_exact_payoffs
    text = write_nfg(g)
    assert text.splitlines()[-2:] == ["0.5 0.00001", "-2 3.25"]
    back = read_nfg(text)
    assert same_floats(back.payoffs, g.payoffs)


@pytest.mark.parametrize("make", [fraction_game, three_player_game, chicken_ranks, zero_game])
def test_write_read_nfg_round_trip(make: Any, tmp_path: Path) -> None:
    game = make()
    path = tmp_path / "g.nfg"
    text = write_nfg(game, path, title='round "trip"')
    assert path.read_text(encoding="utf-8") == text
    back = read_nfg(path)
    # .nfg has no ordinal flag: the file holds ranks as plain payoffs.
    assert back == NormalFormGame(game.exact_payoffs, game.players, game.actions)
    assert exact_table(back) == exact_table(game)


def test_write_read_nfg_float_game_keeps_float_values() -> None:
    # Decimals are read as exact decimals (0.1 -> 1/10), whose floats are the originals.
    game = float_game()
    back = read_nfg(write_nfg(game))
    assert np.array_equal(back.payoffs, game.payoffs)
    assert back.exact_payoffs[0, 0, 0] == F(1, 10)


def test_write_read_nfg_one_player_and_odd_labels() -> None:
    game = NormalFormGame(
        [[F(1, 3), F(-2), F(5, 7)]],
        players=['solo "one"'],
        actions=[["a b", "back\\slash", "end\\"]],
    )
    assert read_nfg(write_nfg(game)) == game


# ============================================================================= .nfg: errors

HEAD = 'NFG 1 R "t" { "P1" "P2" } { { "a" "b" } { "c" "d" } }\n'


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('{ "P1" "P2" } { 2 2 }\n1 2 3 4 5 6 7 8', "missing header"),
        ("", "missing header"),
        ('EFG 2 R "t" { "P1" }', "missing header"),
        ('NFG 2 R "t" { "P1" } { 1 }\n1', "unsupported NFG version"),
        ('NFG 1 X "t" { "P1" } { 1 }\n1', "data type"),
        ('NFG 1 R { "P1" } { 1 }\n1', "title"),
        ('NFG 1 R "t" { } { }\n', "no players"),
        (HEAD + "1 2 3 4 5 6 7", "wrong payoff count: found 7 payoffs, expected 8"),
        (HEAD + "1 2 3 4 5 6 7 8 9", "wrong payoff count: found 9 payoffs, expected 8"),
        (HEAD + "1 2 3 4 x 6 7 8", "expected a numerical payoff, found 'x'"),
        (HEAD + "1 2 3 4 5 6 7 1/0", "divides by zero"),
        (HEAD, "ends before the payoffs"),
        ('NFG 1 R "t" { "P1" "P2" } { 2 }\n1 2 3 4', "1 strategy count"),
        ('NFG 1 R "t" { "P1" "P2" } { 2 0 }\n', "positive integer"),
        ('NFG 1 R "t" { "P1" "P2" } { { "a" } }\n1 2', "1 strategy list"),
        ('NFG 1 R "t" { "P1" "P2" } { { "a" } { } }\n1 2', "player 2 has no strategies"),
        ('NFG 1 R "t { "P1" } { 1 }\n1', "unterminated quoted string"),
        (HEAD + '{ { "o" 1 2 } { "p" 3 } }\n1 1 2 2', "outcome 2 has 1 payoff"),
        (HEAD + '{ { "o" 1 2 } }\n1 1 1', "found 3 outcome index(es), expected 4"),
        (HEAD + '{ { "o" 1 2 } }\n1 1 1 2', "outcome index 2 is not one of 0..1"),
        (HEAD + "{ { 1 2 } }\n1 1 1 1", "outcome's name"),
    ],
)
def test_malformed_nfg(text: str, message: str) -> None:
    with pytest.raises(InvalidGameError, match=message.replace("(", r"\(").replace(")", r"\)")):
        read_nfg(text)


def test_error_names_line_and_column() -> None:
    with pytest.raises(InvalidGameError, match=r"line 2, column 9"):
        read_nfg(HEAD + "1 2 3 4 x 6 7 8")


def test_missing_header_in_file(tmp_path: Path) -> None:
    p = tmp_path / "bad.nfg"
    p.write_text('{ "P1" } { 1 }\n1\n', encoding="utf-8")
    with pytest.raises(InvalidGameError, match="missing header"):
        read_nfg(p)
