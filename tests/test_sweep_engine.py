"""The sweep engine: dataset structure and labels, values against single exact solves,
netCDF round trips, invariance under executors and chunk sizes."""

from __future__ import annotations

import concurrent.futures as cf
import dataclasses
import importlib.util
import json

import numpy as np
import pytest
import xarray as xr

import crisisgames
from crisisgames import nash_equilibria
from crisisgames.errors import InvalidParameterError
from crisisgames.metrics import terms_in_effect, war_probability
from crisisgames.scenarios import catalog, get
from crisisgames.scenarios.base import Scenario
from crisisgames.sweep import (
    Design,
    Grid,
    load_dataset,
    regime_labels,
    save_dataset,
    solve_chunk,
    sweep,
    sweep_spec,
)
from crisisgames.sweep.outcomes import chunk_outcomes

CHICKEN = "US: air strike; USSR: withdraw | US: blockade; USSR: maintain | US: {blockade, air strike}; USSR: {withdraw, maintain}"


@pytest.fixture(scope="module")
def chicken_ds() -> xr.Dataset:
    return sweep(Grid("chicken-goals", {"dishonour": (0, 1, 5), "escalation": [0.25, 0.5]}))


def test_dimensions_coordinates_and_labels(chicken_ds):
    ds = chicken_ds
    assert dict(ds.sizes) == {
        "dishonour": 5,
        "escalation": 2,
        "equilibrium": 3,
        "action_US": 2,
        "action_USSR": 2,
        "player": 2,
        "regime_id": len(set(regime_labels(ds).values.ravel().tolist())),
    }
    assert ds.strategy_US.dims == ("dishonour", "escalation", "equilibrium", "action_US")
    assert ds.action_US.values.tolist() == ["blockade", "air strike"]
    assert ds.action_USSR.values.tolist() == ["withdraw", "maintain"]
    assert ds.player.values.tolist() == ["US", "USSR"]
    # Swept coordinates carry the declaration; unswept parameters are scalar coordinates.
    p = get("chicken-goals").parameter("dishonour")
    assert ds.dishonour.attrs["units"] == p.unit and ds.dishonour.attrs["source"] == p.source
    assert ds.dishonour.attrs["long_name"] == p.meaning
    assert ds.w_us_security.ndim == 0 and float(ds.w_us_security) == 0.4
    assert ds.w_us_security.attrs["default"] == 0.4
    assert ds.attrs["scenario"] == "chicken-goals"
    assert ds.attrs["crisisgames_version"] == crisisgames.__version__
    declared = json.loads(ds.attrs["parameters"])
    assert [d["name"] for d in declared] == list(get("chicken-goals").parameter_names)
    spec = json.loads(ds.attrs["sweep_spec"])
    assert spec["space"]["scenario"] == "chicken-goals" and spec["method"] == "auto"


def test_values_agree_with_exact_single_solves(chicken_ds):
    s = get("chicken-goals")
    for d in (0.0, 0.25, 0.5, 1.0):
        for e in (0.25, 0.5):
            eqs = nash_equilibria(s.build(dishonour=d, escalation=e), exact=True)
            point = chicken_ds.sel(dishonour=d, escalation=e)
            assert int(point.n_equilibria) == len(eqs)
            war = war_probability(eqs, s.outcome_data(dishonour=d, escalation=e))
            for k, eq in enumerate(eqs):
                np.testing.assert_allclose(point.strategy_US[k], eq.strategies[0], atol=1e-12)
                np.testing.assert_allclose(point.strategy_USSR[k], eq.strategies[1], atol=1e-12)
                np.testing.assert_allclose(point.payoff[k], eq.payoffs, atol=1e-12)
                np.testing.assert_allclose(point.war_probability[k], war[k], atol=1e-12)
            assert np.all(np.isnan(point.strategy_US[len(eqs) :]))
            assert np.all(point.component[len(eqs) :] == -1)
            assert bool(point.continuum) == bool(eqs.status.continuum)


def test_regimes_follow_the_hand_derived_threshold(chicken_ds):
    # US: striking a withdrawing USSR beats the compromise iff (1/2 - d) ws > wa / 2, i.e.
    # d < 1/4 at ws = 2/5, wa = 1/5: Chicken's three equilibria below, a continuum at 1/4,
    # blockade dominant (one equilibrium) above.
    labels = regime_labels(chicken_ds.sel(escalation=0.5)).values.tolist()
    assert labels[0] == CHICKEN
    assert labels[1].startswith("continuum: ")
    assert labels[2:] == ["US: blockade; USSR: maintain"] * 3
    assert chicken_ds.degenerate.sel(dishonour=0.25).all()
    assert (
        sorted(chicken_ds.regime_label.values.tolist()) == chicken_ds.regime_label.values.tolist()
    )


def test_terms_in_effect_on_missile_trade():
    s = get("missile-trade")
    ds = sweep(Grid(s, {"leak": [0.0, 0.5], "pledge": [False, True]}, {"war_risk": 0.3}))
    for leak in (0.0, 0.5):
        for pledge in (False, True):
            eqs = nash_equilibria(s.build(leak=leak, pledge=pledge, war_risk=0.3))
            terms = terms_in_effect(eqs, s.outcome_data(leak=leak, pledge=pledge, war_risk=0.3))
            point = ds.sel(leak=leak, pledge=pledge)
            k = len(eqs)
            assert int(point.n_equilibria) == k
            for key, values in terms.items():
                np.testing.assert_allclose(point[f"term_{key}"][:k], values, atol=1e-12)


def test_design_dataset_has_a_point_dimension():
    d = Design("verification", {"detect": (0.1, 0.9), "inspection_cost": None}, 16, rng=2)
    ds = sweep(d)
    assert ds.n_equilibria.dims == ("point",)
    assert ds.detect.dims == ("point",) and np.array_equal(ds.detect.values, d.samples[:, 0])
    assert ds.inspection_cost.attrs["units"] == "utility"
    assert ds.intel.ndim == 0


BATCH_OUTCOMES = [n for n in catalog()["name"] if get(n).batch_outcomes is not None]


def _at_point(data: np.ndarray, g: int, G: int, shape: tuple[int, ...]) -> np.ndarray:
    """A batch array's value at point g: it has the profiles' shape or a trailing (G,)."""
    data = np.asarray(data)
    assert data.shape in (shape, (*shape, G)), (data.shape, shape)
    return data[..., g] if data.shape == (*shape, G) else data


def test_some_scenarios_declare_batch_outcomes():
    assert {"chicken-goals", "missile-trade", "verification"} <= set(BATCH_OUTCOMES)


@pytest.mark.parametrize("name", BATCH_OUTCOMES)
def test_batch_outcomes_agree_with_the_scalar_outcomes(name):
    s = get(name)
    assert s.outcomes is not None
    rng = np.random.default_rng(3)
    G = 6
    for mix in (False, True):  # every parameter a (G,) array; then some of them scalars
        flat: dict[str, object] = {}
        for p in s.parameters:
            if p.kind == "bool":
                values = rng.random(G) < 0.5
            elif p.kind == "integer":
                values = rng.integers(int(p.low), int(p.high) + 1, G)
            else:
                values = rng.uniform(float(p.low), float(p.high), G)
            flat[p.name] = values[0].item() if mix and rng.random() < 0.5 else values
        resolved = s.resolve(**flat)
        batch = s.batch_outcomes(**resolved)
        assert chunk_outcomes(s, resolved, G) is not None
        for g in range(G):
            point = {k: (v[g].item() if np.ndim(v) else v) for k, v in resolved.items()}
            one = s.outcome_data(**point)
            shape = np.shape(one.war)
            np.testing.assert_array_equal(_at_point(batch.war, g, G, shape), one.war)
            assert set(batch.terms) == set(one.terms)
            for key, mask in one.terms.items():
                np.testing.assert_array_equal(_at_point(batch.terms[key], g, G, shape), mask)


def test_scalar_outcomes_fallback_gives_the_same_dataset():
    s = get("chicken-goals")
    # An unregistered copy without the vectorised hook: chunks call outcomes per point.
    copy = dataclasses.replace(s, batch_outcomes=None)
    assert isinstance(copy, Scenario) and s.batch_outcomes is not None
    axes = {"escalation": (0, 1, 7), "dishonour": [0.0, 0.5]}
    a, b = sweep(Grid(s, axes)), sweep(Grid(copy, axes))
    xr.testing.assert_identical(a.drop_attrs(), b.drop_attrs())


def test_solve_chunk_is_plain_arrays():
    out = solve_chunk(get("verification"), {"detect": np.array([0.5, 1.0])})
    assert all(isinstance(v, np.ndarray) for v in out.values())
    assert out["count"].tolist() == [1, 1]


def test_bad_chunk_size():
    with pytest.raises(InvalidParameterError, match="chunk_size"):
        sweep(Grid("verification", {"detect": (0, 1, 3)}), chunk_size=0)


def _engines() -> list[str]:
    out = ["scipy"]
    if importlib.util.find_spec("netCDF4") is not None:
        out.append("netcdf4")
    return out


@pytest.mark.parametrize("engine", _engines())
def test_netcdf_round_trip(tmp_path, chicken_ds, engine):
    grid = sweep(Grid("missile-trade", {"leak": (0, 1, 3), "pledge": [False, True]}))
    design = sweep(Design("chicken-goals", ["dishonour", "escalation"], 8, rng=1))
    for k, ds in enumerate((chicken_ds, grid, design)):
        path = save_dataset(ds, tmp_path / f"s{k}.nc", engine=engine)
        back = load_dataset(path, engine=engine)
        xr.testing.assert_identical(back, ds)
        assert back.attrs["sweep_hash"] == ds.attrs["sweep_hash"]
        assert regime_labels(back).values.tolist() == regime_labels(ds).values.tolist()


def test_identical_whatever_the_executor_and_chunk_size():
    grid = Grid(
        "missile-trade",
        {"leak": (0, 1, 9), "alliance_cost": (0, 0.6, 7), "pledge": [False, True]},
        fixed={"war_risk": 0.3},
    )
    reference = sweep(grid)
    assert sweep(grid, chunk_size=7).identical(reference)
    assert sweep(grid, chunk_size=1).identical(reference)
    with cf.ThreadPoolExecutor(2) as ex:
        assert sweep(grid, chunk_size=10, executor=ex).identical(reference)
    with cf.ProcessPoolExecutor(2) as ex:
        assert sweep(grid, chunk_size=25, executor=ex, max_pending=2).identical(reference)


def test_identical_whatever_the_chunk_size_on_the_2x2_closed_form():
    design = Design("chicken-goals", ["dishonour", "escalation", "w_us_war"], 512, rng=5)
    reference = sweep(design)
    with cf.ThreadPoolExecutor(2) as ex:
        assert sweep(design, chunk_size=33, executor=ex).identical(reference)


def test_progress_bar_silent_when_not_a_terminal(capsys):
    sweep(Grid("verification", {"detect": (0, 1, 20)}), chunk_size=3)
    assert capsys.readouterr().err == ""
    pytest.importorskip("tqdm")
    sweep(Grid("verification", {"detect": (0, 1, 20)}), chunk_size=3, progress=True)
    assert "20/20" in capsys.readouterr().err


def test_spec_includes_solver_settings():
    g = Grid("verification", {"detect": (0, 1, 3)})
    assert sweep_spec(g, tol=1e-9) != sweep_spec(g, tol=1e-6)


def test_three_player_scenarios_are_swept():
    s = get("cuba-three-player")
    ds = sweep(Grid(s, {"war_risk_quarantine": [0.0, 0.5]}), chunk_size=1)
    assert ds.player.values.tolist() == ["US", "USSR", "Cuba"]
    for k, risk in enumerate((0.0, 0.5)):
        eqs = nash_equilibria(s.build(war_risk_quarantine=risk))
        assert int(ds.n_equilibria[k]) == len(eqs)
        war = war_probability(eqs, s.outcome_data(war_risk_quarantine=risk))
        np.testing.assert_allclose(ds.war_probability[k, : len(eqs)], war, atol=1e-9)
    assert "continuum" not in ds  # the three-player solver does not determine it


def test_scenarios_without_a_batch_builder_are_built_point_by_point():
    s = get("brinkmanship")
    assert s.batch_builder is None
    ds = sweep(Grid(s, {"sweetener": [0.0, 0.5]}), chunk_size=1)
    for k, j in enumerate((0.0, 0.5)):
        eqs = nash_equilibria(s.build(sweetener=j))
        assert int(ds.n_equilibria[k]) == len(eqs)
        war = war_probability(eqs, s.outcome_data(sweetener=j))
        np.testing.assert_allclose(ds.war_probability[k, : len(eqs)], war, atol=1e-9)


def test_models_that_are_not_normal_form_games_cannot_be_swept():
    from crisisgames.errors import UnsupportedGameError

    with pytest.raises(UnsupportedGameError, match="not a normal-form game"):
        sweep(Grid("dynamic-chicken", {"hazard_scale": [0.5, 1.0]}))


def test_scenarios_declared_in_exact_rationals_can_be_swept(tmp_path):
    # brinkmanship declares p = 1/3 as a Fraction: attrs and coordinates hold floats.
    ds = sweep(Grid("brinkmanship", {"sweetener": (0, 1, 3)}))
    assert float(ds.p) == pytest.approx(1 / 3) and ds.p.attrs["default"] == pytest.approx(1 / 3)
    assert json.loads(ds.attrs["parameters"])[0]["name"] == "p"
    assert load_dataset(save_dataset(ds, tmp_path / "b.nc")).identical(ds)


def test_labels_that_would_make_regime_labels_ambiguous_are_refused():
    from crisisgames import NormalFormGame
    from crisisgames.errors import InvalidGameError

    s = get("chicken-goals")
    calls = []

    def build(**p):
        calls.append(p)
        return NormalFormGame(np.zeros((2, 2, 2)), ("US", "USSR"), (("a, b", "c"), ("d", "e")))

    bad = dataclasses.replace(s, builder=build, batch_builder=None)
    with pytest.raises(InvalidGameError, match="'a, b' contains ', '"):
        sweep(Grid(bad, {"dishonour": (0, 1, 50)}))
    assert len(calls) == 1  # only the first point's game, to read the labels
