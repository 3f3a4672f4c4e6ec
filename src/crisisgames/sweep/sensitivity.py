"""Sensitivity of a sweep's outcome to the parameters: tornado, elasticities, Sobol indices.

The outcome is a scalar per parameter point computed from a sweep's Dataset: ``"war_max"``
(the probability of war in the worst equilibrium), ``"war_min"``, ``"n_equilibria"``, or
any function ``f(ds) -> DataArray`` over the point dimension.  Every analysis builds its
points as one :class:`~crisisgames.sweep.space.Points` space and solves them with
:func:`~crisisgames.sweep.engine.sweep` (so ``executor=`` and ``chunk_size=`` apply).

- :func:`tornado`: each parameter alone at the ends of its range, the others at their
  defaults (one-at-a-time);
- :func:`elasticities`: ``d ln y / d ln x`` at the defaults, by central differences;
- :func:`sobol_indices`: first-order and total Sobol indices through SALib (the
  ``sensitivity`` extra; SALib is imported inside the function, and its estimator is used,
  not one of ours).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

import numpy as np
import pandas as pd
import xarray as xr

from crisisgames.errors import InvalidParameterError
from crisisgames.scenarios.base import Scenario, get
from crisisgames.sweep.engine import sweep
from crisisgames.sweep.space import Points

__all__ = ["OUTPUTS", "elasticities", "outcome", "sobol_indices", "tornado"]

OUTPUTS: dict[str, Callable[[xr.Dataset], xr.DataArray]] = {
    "war_max": lambda ds: ds["war_probability"].max("equilibrium"),
    "war_min": lambda ds: ds["war_probability"].min("equilibrium"),
    "n_equilibria": lambda ds: ds["n_equilibria"],
}

Output = str | Callable[[xr.Dataset], xr.DataArray]


def outcome(ds: xr.Dataset, output: Output) -> np.ndarray:
    """The outcome at every point of a design's Dataset, as a float array over ``point``.

    Examples
    --------
    >>> from crisisgames.sweep import Points, sweep
    >>> ds = sweep(Points("chicken-goals", {"escalation": [0.5, 1.0]}))
    >>> outcome(ds, "war_max").round(3).tolist()
    [0.113, 0.033]
    """
    if isinstance(output, str):
        if output not in OUTPUTS:
            raise InvalidParameterError(f"unknown output {output!r}; choose one of {list(OUTPUTS)}")
        if output.startswith("war") and "war_probability" not in ds:
            raise InvalidParameterError(
                f"scenario {ds.attrs.get('scenario')!r} has no outcome data"
            )
        values = OUTPUTS[output](ds)
    else:
        values = output(ds)
    if tuple(values.dims) != ("point",):
        raise InvalidParameterError(f"an output must have the dims ('point',), got {values.dims}")
    return np.asarray(values.values, dtype=float)


def _numeric(scenario: Scenario, names: Sequence[str] | None) -> list[str]:
    if names is None:
        return [p.name for p in scenario.parameters if p.kind in ("real", "probability")]
    for n in names:
        if scenario.parameter(n).kind not in ("real", "probability"):
            raise InvalidParameterError(f"{n} is not a real parameter")
    return list(names)


def _evaluate(
    scenario: Scenario,
    rows: list[dict[str, float]],
    names: list[str],
    output: Output,
    fixed: Mapping[str, Any] | None,
    sweep_kwargs: Mapping[str, Any],
) -> np.ndarray:
    values = {n: [row[n] for row in rows] for n in names}
    return outcome(sweep(Points(scenario, values, fixed), **sweep_kwargs), output)


def tornado(
    scenario: Scenario | str,
    names: Sequence[str] | None = None,
    *,
    output: Output = "war_max",
    ranges: Mapping[str, tuple[float, float]] | None = None,
    fixed: Mapping[str, Any] | None = None,
    **sweep_kwargs: Any,
) -> pd.DataFrame:
    """One-at-a-time ranges: the outcome with each parameter at the low and high end of its
    range (declared, or from ``ranges``), the others at their defaults (or ``fixed``).

    Returns
    -------
    pandas.DataFrame
        ``parameter``, ``low``, ``high``, ``at_low``, ``at_high``, ``at_default`` and
        ``swing = |at_high - at_low|``, sorted by decreasing swing (a tornado chart's bars).

    Examples
    --------
    >>> t = tornado("chicken-goals", ["escalation", "dishonour"])
    >>> t[["parameter", "at_low", "at_high"]].round(3).values.tolist()
    [['dishonour', 0.113, 0.0], ['escalation', 0.0, 0.033]]
    """
    scenario = get(scenario) if isinstance(scenario, str) else scenario
    names = _numeric(scenario, names)
    fixed = dict(fixed or {})
    base = {n: float(fixed.get(n, scenario.parameter(n).default)) for n in names}
    unswept = {k: v for k, v in fixed.items() if k not in names}
    rows, ends = [dict(base)], []
    for n in names:
        p = scenario.parameter(n)
        low, high = (ranges or {}).get(n, (p.low, p.high))
        ends.append((float(low), float(high)))
        rows += [dict(base, **{n: float(low)}), dict(base, **{n: float(high)})]
    y = _evaluate(scenario, rows, names, output, unswept, sweep_kwargs)
    table = pd.DataFrame(
        {
            "parameter": names,
            "low": [e[0] for e in ends],
            "high": [e[1] for e in ends],
            "at_low": y[1::2],
            "at_high": y[2::2],
            "at_default": y[0],
        }
    )
    table["swing"] = (table.at_high - table.at_low).abs()
    return table.sort_values("swing", ascending=False, kind="stable").reset_index(drop=True)


def elasticities(
    scenario: Scenario | str,
    names: Sequence[str] | None = None,
    *,
    output: Output = "war_max",
    rel_step: float = 1e-4,
    fixed: Mapping[str, Any] | None = None,
    **sweep_kwargs: Any,
) -> pd.DataFrame:
    """Elasticities ``(x / y) dy/dx`` of the outcome at the defaults (or ``fixed``), by
    central differences (one-sided at the end of a range).

    The step is ``rel_step`` times the value (times the range's width at a zero value).
    Elasticities are NaN where the outcome is zero; an outcome that jumps within the step
    (a regime boundary at the defaults) has no derivative, and its difference quotient is
    reported as it is.

    Returns
    -------
    pandas.DataFrame
        ``parameter``, ``value``, ``outcome``, ``derivative``, ``elasticity``.

    Examples
    --------
    At the defaults of ``chicken-goals`` the worst equilibrium is the mixed one:
    ``P(war) = e q m`` with the US striking with probability ``q = 0.65 / (0.65 + e c')``
    and the USSR maintaining with probability ``m = 0.1 / (e c + 0.9 e - 0.7)``, so the
    elasticity in the US war cost ``c`` is ``-e c / (e c + 0.9 e - 0.7) = -2`` at
    ``e = 1/2, c = 1``:

    >>> e = elasticities("chicken-goals", ["escalation", "war_cost_us"])
    >>> e[["parameter", "elasticity"]].round(2).values.tolist()
    [['escalation', -3.23], ['war_cost_us', -2.0]]
    """
    scenario = get(scenario) if isinstance(scenario, str) else scenario
    names = _numeric(scenario, names)
    fixed = dict(fixed or {})
    base = {n: float(fixed.get(n, scenario.parameter(n).default)) for n in names}
    unswept = {k: v for k, v in fixed.items() if k not in names}
    rows = [dict(base)]
    steps = []
    for n in names:
        p = scenario.parameter(n)
        x = base[n]
        h = rel_step * (abs(x) if x != 0 else (p.high - p.low))
        lo, hi = max(x - h, p.low), min(x + h, p.high)
        steps.append((lo, hi))
        rows += [dict(base, **{n: lo}), dict(base, **{n: hi})]
    y = _evaluate(scenario, rows, names, output, unswept, sweep_kwargs)
    values = np.array([base[n] for n in names])
    width = np.array([hi - lo for lo, hi in steps])
    derivative = (y[2::2] - y[1::2]) / width
    with np.errstate(divide="ignore", invalid="ignore"):
        elasticity = np.where(y[0] != 0, derivative * values / y[0], np.nan)
    return pd.DataFrame(
        {
            "parameter": names,
            "value": values,
            "outcome": y[0],
            "derivative": derivative,
            "elasticity": elasticity,
        }
    )


def sobol_indices(
    scenario: Scenario | str,
    ranges: Mapping[str, tuple[float, float] | None] | Sequence[str],
    *,
    output: Output = "war_max",
    n: int = 256,
    seed: int = 0,
    fixed: Mapping[str, Any] | None = None,
    **sweep_kwargs: Any,
) -> pd.DataFrame:
    """First-order and total Sobol indices of the outcome over the parameters' ranges,
    sampled and estimated by SALib (``SALib.sample.sobol``, ``SALib.analyze.sobol``;
    the ``sensitivity`` extra).

    Parameters
    ----------
    ranges
        ``{name: (low, high)}`` (``None``: the declared range), or names.
    n
        SALib's base sample size ``N`` (a power of two); ``N (D + 2)`` points are solved.
    seed
        For the sample and the bootstrap confidence intervals.

    Returns
    -------
    pandas.DataFrame
        Indexed by parameter: ``S1``, ``S1_conf``, ``ST``, ``ST_conf``.

    Examples
    --------
    >>> s = sobol_indices("chicken-goals", ["escalation", "dishonour"], n=64)  # doctest: +SKIP
    >>> list(s.columns)  # doctest: +SKIP
    ['S1', 'S1_conf', 'ST', 'ST_conf']
    """
    try:
        from SALib.analyze import sobol as analyze
        from SALib.sample import sobol as sample
    except ImportError as exc:  # pragma: no cover - depends on the installation
        raise ImportError(
            "Sobol indices need SALib: pip install 'crisisgames[sensitivity]'"
        ) from exc
    scenario = get(scenario) if isinstance(scenario, str) else scenario
    if not isinstance(ranges, Mapping):
        ranges = {name: None for name in ranges}
    names = _numeric(scenario, list(ranges))
    bounds = []
    for name in names:
        p = scenario.parameter(name)
        r = ranges[name]
        bounds.append([float(p.low), float(p.high)] if r is None else [float(r[0]), float(r[1])])
    problem = {"num_vars": len(names), "names": names, "bounds": bounds}
    X = sample.sample(problem, n, calc_second_order=False, seed=seed)
    values = {name: X[:, j] for j, name in enumerate(names)}
    y = outcome(sweep(Points(scenario, values, fixed), **sweep_kwargs), output)
    result = analyze.analyze(problem, y, calc_second_order=False, seed=seed)
    return pd.DataFrame(
        {k: result[k] for k in ("S1", "S1_conf", "ST", "ST_conf")},
        index=pd.Index(names, name="parameter"),
    )
