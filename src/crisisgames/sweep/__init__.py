"""Sweeps: parameter spaces, the engine that solves a scenario over them, regimes.

The result of a sweep is an :class:`xarray.Dataset` labeled by the scenario's declared
parameters (see :mod:`crisisgames.sweep.engine`; chunks are solved in
:mod:`crisisgames.sweep.chunk` and assembled in :mod:`crisisgames.sweep.dataset`).  This package never imports dask or
SALib; :mod:`crisisgames.sweep.dask_executor` and :mod:`crisisgames.sweep.sensitivity`
import them inside their functions (the ``dask`` and ``sensitivity`` extras).

Examples
--------
>>> from crisisgames.sweep import Grid, sweep, regime_boundaries
>>> ds = sweep(Grid("verification", {"penalty": (0, 1, 11)}))
>>> regime_boundaries(ds, "penalty").value.tolist()
[Fraction(1, 15)]
"""

from crisisgames.errors import CheckpointError
from crisisgames.sweep.chunk import solve_chunk
from crisisgames.sweep.engine import load_dataset, save_dataset, sweep, sweep_spec
from crisisgames.sweep.labels import (
    parse_regime_label,
    regime_label,
    regime_labels,
    support_label,
)
from crisisgames.sweep.regimes import (
    Branches,
    exact_regime,
    follow_branches,
    regime_boundaries,
    simplest_between,
)
from crisisgames.sweep.space import (
    DESIGN_METHODS,
    Axis,
    Design,
    Grid,
    Points,
    Space,
    parse_axis,
    space_from_dict,
)

__all__ = [
    "DESIGN_METHODS",
    "Axis",
    "Branches",
    "CheckpointError",
    "Design",
    "Grid",
    "Points",
    "Space",
    "exact_regime",
    "follow_branches",
    "load_dataset",
    "parse_axis",
    "parse_regime_label",
    "regime_boundaries",
    "regime_label",
    "regime_labels",
    "save_dataset",
    "simplest_between",
    "solve_chunk",
    "space_from_dict",
    "support_label",
    "sweep",
    "sweep_spec",
]
