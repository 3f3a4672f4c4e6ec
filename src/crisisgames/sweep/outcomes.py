"""Outcome data (probability of war, terms in effect) for a whole chunk of parameter points.

A scenario's ``outcomes(**params)`` describes one parameter point.  A sweep needs it at
every point of a chunk, as arrays over profiles with a trailing point axis
``(n_1, ..., n_N, G)`` (or without it where the data does not depend on the parameters).
:func:`chunk_outcomes` uses

1. the scenario's vectorised hook ``scenario.batch_outcomes(**flat_arrays)`` when it
   declares one (see :class:`~crisisgames.scenarios.base.Scenario`; the tests check every
   such hook in the catalog against the scalar ``outcomes``);
2. otherwise the scalar function evaluated once per distinct parameter point of the
   chunk: always right, slow on chunks of many distinct points.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import numpy as np

from crisisgames.scenarios.base import OutcomeData, Scenario

__all__ = ["chunk_outcomes"]


def _per_point(scenario: Scenario, flat: Mapping[str, np.ndarray], G: int) -> OutcomeData:
    assert scenario.outcomes is not None
    varying = [k for k, v in flat.items() if np.ndim(v) and not np.all(v == v[0])]
    constant = {k: (v if np.ndim(v) == 0 else v[0]) for k, v in flat.items() if k not in varying}
    if varying:
        table = np.column_stack([np.asarray(flat[k], dtype=float) for k in varying])
        rows, inverse = np.unique(table, axis=0, return_inverse=True)
        inverse = inverse.ravel()
    else:
        rows, inverse = np.zeros((1, 0)), np.zeros(G, dtype=np.intp)
    datas = []
    for row in rows:
        point = dict(constant)
        for k, v in zip(varying, row, strict=True):
            point[k] = bool(v) if scenario.parameter(k).kind == "bool" else float(v)
        datas.append(scenario.outcomes(**point))
    war = np.stack([np.asarray(d.war, dtype=float) for d in datas], axis=-1)[..., inverse]
    keys = sorted({k for d in datas for k in d.terms})
    terms = {
        k: np.stack([np.asarray(d.terms.get(k, False), dtype=float) for d in datas], axis=-1)[
            ..., inverse
        ]
        for k in keys
    }
    return OutcomeData(war=war, terms=terms)


def chunk_outcomes(scenario: Scenario, flat: Mapping[str, Any], G: int) -> OutcomeData | None:
    """The scenario's outcome data at the ``G`` points of a chunk.

    From ``scenario.batch_outcomes`` when the scenario declares it, else from
    ``scenario.outcomes`` called once per distinct parameter point.

    Parameters
    ----------
    scenario
        The scenario.
    flat
        Every parameter's value: scalars or ``(G,)`` arrays (resolved and validated).
    G
        The number of points.

    Returns
    -------
    OutcomeData or None
        ``war`` and ``terms`` of shape ``(n_1, ..., n_N)`` or ``(n_1, ..., n_N, G)``;
        ``None`` when the scenario declares no outcome data.

    Examples
    --------
    >>> import numpy as np
    >>> from crisisgames.scenarios import get
    >>> s = get("chicken-goals")
    >>> flat = dict(s.defaults(), escalation=np.array([0.1, 0.9]))
    >>> chunk_outcomes(s, flat, 2).war[1, 1].tolist()
    [0.1, 0.9]
    """
    if scenario.outcomes is None:
        return None
    if scenario.batch_outcomes is not None:
        return scenario.batch_outcomes(**flat)
    return _per_point(scenario, flat, G)
