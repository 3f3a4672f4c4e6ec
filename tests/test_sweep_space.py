"""Parameter spaces: grids, designs, validation against the declared parameters."""

from __future__ import annotations

import json

import numpy as np
import pytest

from crisisgames.errors import InvalidParameterError
from crisisgames.scenarios import get
from crisisgames.sweep import Design, Grid, space_from_dict


def test_grid_points_in_c_order_and_linspace_values():
    g = Grid("missile-trade", {"leak": (0, 1, 3), "alliance_cost": [0.1, 0.2]})
    assert g.dims == ("leak", "alliance_cost") and g.shape == (3, 2) and g.size == 6
    pts = g.points()
    assert pts["leak"].tolist() == [0, 0, 0.5, 0.5, 1, 1]
    assert pts["alliance_cost"].tolist() == [0.1, 0.2] * 3
    part = g.points(2, 5)
    assert part["leak"].tolist() == [0.5, 0.5, 1.0]
    assert part["alliance_cost"].tolist() == [0.1, 0.2, 0.1]


def test_grid_single_point_axis_and_dict_specs():
    g = Grid("verification", {"detect": {"linspace": [0.3, 0.3, 1]}, "intel": {"values": [0.1]}})
    assert g.shape == (1, 1)
    assert g.points()["detect"].tolist() == [0.3]


@pytest.mark.parametrize(
    ("axes", "message"),
    [
        ({"leak": (1, 0, 5)}, "low > high"),
        ({"leak": (0, 1, 0)}, "num < 1"),
        ({"leak": (0, 1, 2.5)}, "num must be an integer"),
        ({"leak": (0, 1)}, "a range is"),
        ({"leak": (0, 2, 3)}, "outside its declared range"),
        ({"leak": [-0.1, 0.5]}, "outside its declared range"),
        ({"leak": [0.5, 0.5]}, "repeated values"),
        ({"leak": (0.5, 0.5, 3)}, "repeats one value"),
        ({"leak": [float("nan")]}, "NaN"),
        ({"leak": []}, "no values"),
        ({"leak": [True, False]}, "got booleans"),
        ({"leek": (0, 1, 3)}, "did you mean 'leak'"),
        ({"pledge": (0, 1, 2)}, "boolean"),
        ({"pledge": [0, 1]}, "True or False"),
        ({}, "at least one"),
    ],
)
def test_grid_rejects_bad_axes(axes, message):
    with pytest.raises(InvalidParameterError, match=message):
        Grid("missile-trade", axes)


@pytest.mark.parametrize(
    ("fixed", "message"),
    [
        ({"leak": 0.2}, "both swept and fixed"),
        ({"war_risk": 1.5}, "outside its declared range"),
        ({"war_risk": [0.1, 0.2]}, "must be a scalar"),
        ({"war_risk": True}, "is a number"),
        ({"warrisk": 0.1}, "did you mean 'war_risk'"),
    ],
)
def test_grid_rejects_bad_fixed_values(fixed, message):
    with pytest.raises(InvalidParameterError, match=message):
        Grid("missile-trade", {"leak": (0, 1, 3)}, fixed=fixed)


def test_unswept_parameters_take_fixed_values_else_defaults():
    g = Grid("missile-trade", {"leak": (0, 1, 3)}, fixed={"war_risk": 0.3})
    values = g.parameter_values()
    assert "leak" not in values and values["war_risk"] == 0.3
    assert values["alliance_cost"] == get("missile-trade").parameter("alliance_cost").default


def test_description_is_plain_json_and_hash_is_stable():
    g = Grid("missile-trade", {"leak": (0, 1, 11), "pledge": [False, True]}, {"war_risk": 0.3})
    d = json.loads(g.to_json())
    assert d == g.to_dict()
    assert d["axes"][0] == ["leak", {"linspace": [0.0, 1.0, 11]}]
    assert space_from_dict(d).dims == ("leak", "pledge")
    same = Grid(
        "missile-trade", {"leak": (0.0, 1.0, 11), "pledge": [False, True]}, {"war_risk": 0.3}
    )
    assert same.spec_hash() == g.spec_hash()
    assert space_from_dict(d).spec_hash() == g.spec_hash()
    other = Grid("missile-trade", {"leak": (0, 1, 12), "pledge": [False, True]}, {"war_risk": 0.3})
    assert other.spec_hash() != g.spec_hash()
    # The hash is of the description only: a known value guards against silent changes.
    assert len(g.spec_hash()) == 64


@pytest.mark.parametrize("method", ["sobol", "lhs", "random"])
def test_designs_are_reproducible_from_their_seed_and_in_range(method):
    ranges = {"leak": (0.1, 0.9), "alliance_cost": None}
    a = Design("missile-trade", ranges, 64, method=method, rng=7)
    b = Design("missile-trade", ranges, 64, method=method, rng=7)
    c = Design("missile-trade", ranges, 64, method=method, rng=8)
    assert np.array_equal(a.samples, b.samples) and not np.array_equal(a.samples, c.samples)
    leak = a.points()["leak"]
    assert leak.min() >= 0.1 and leak.max() <= 0.9
    cost = get("missile-trade").parameter("alliance_cost")
    assert a.ranges["alliance_cost"] == (cost.low, cost.high)
    rebuilt = space_from_dict(json.loads(a.to_json()))
    assert rebuilt.names == ("leak", "alliance_cost")
    assert np.array_equal(rebuilt.samples, a.samples)


def test_latin_hypercube_stratifies_each_parameter():
    d = Design("verification", ["detect", "intel"], 10, method="lhs", rng=0)
    for name in ("detect", "intel"):
        bins = np.floor(d.points()[name] * 10).astype(int)
        assert sorted(bins.tolist()) == list(range(10))


def test_design_from_a_generator_cannot_be_rebuilt_but_has_a_hash():
    d = Design("verification", ["detect"], 4, rng=np.random.default_rng(1))
    assert d.seed is None and len(d.spec_hash()) == 64
    with pytest.raises(InvalidParameterError, match="cannot be rebuilt"):
        space_from_dict(d.to_dict())


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"ranges": {"leak": (0.9, 0.1)}, "n": 4}, "low > high"),
        ({"ranges": {"leak": (0, 2)}, "n": 4}, "outside its declared range"),
        ({"ranges": {"leak": None}, "n": 0}, "n >= 1"),
        ({"ranges": {"pledge": None}, "n": 4}, "Grid"),
        ({"ranges": {"leek": None}, "n": 4}, "did you mean"),
        ({"ranges": {"leak": None}, "n": 4, "method": "halton"}, "unknown design"),
    ],
)
def test_design_rejects_bad_input(kwargs, message):
    with pytest.raises(InvalidParameterError, match=message):
        Design("missile-trade", **kwargs)


def test_description_format_and_kind_are_checked():
    with pytest.raises(InvalidParameterError, match="format"):
        space_from_dict({"format": 99, "kind": "grid"})
    with pytest.raises(InvalidParameterError, match="kind"):
        space_from_dict({"format": 1, "kind": "cube"})


def test_parse_axis_for_the_cli():
    from crisisgames.sweep import parse_axis

    assert parse_axis("leak=0:1:11", "missile-trade") == ("leak", (0.0, 1.0, 11))
    assert parse_axis(" war_risk = 0.1, 0.2 ", "missile-trade") == ("war_risk", [0.1, 0.2])
    assert parse_axis("pledge=True,no", "missile-trade") == ("pledge", [True, False])
    # Bad ranges parse, then fail where every grid is validated.
    name, spec = parse_axis("leak=1:0:5", "missile-trade")
    with pytest.raises(InvalidParameterError, match="low > high"):
        Grid("missile-trade", {name: spec})
    for bad in ("leak", "leak=", "leak=a:b:c", "leak=0:1", "pledge=maybe"):
        with pytest.raises(InvalidParameterError):
            parse_axis(bad, "missile-trade")
    with pytest.raises(InvalidParameterError, match="did you mean"):
        parse_axis("leek=0:1:3", "missile-trade")
