"""Outcome data (probability of war, terms in effect) for a whole chunk of parameter points.

A scenario's ``outcomes(**params)`` describes one parameter point.  A sweep needs it at
every point of a chunk, as arrays over profiles with a trailing point axis
``(n_1, ..., n_N, G)`` (or without it where the data does not depend on the parameters).
In order of preference:

1. the scenario's own vectorised hook ``scenario.batch_outcomes(**flat_arrays)``, when it
   declares one (a proposed field of :class:`~crisisgames.scenarios.base.Scenario`);
2. a vectorised version kept here for the catalog scenarios whose outcomes depend on their
   parameters (checked against the scalar functions by the tests);
3. the scalar function evaluated once per distinct parameter point of the chunk: always
   right, slow on chunks of many distinct points.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

import numpy as np

from crisisgames.scenarios import chicken_goals, missile_trade, verification
from crisisgames.scenarios.base import OutcomeData, Scenario

__all__ = ["chunk_outcomes"]


def _chicken_goals(**p: Any) -> OutcomeData:
    e = np.asarray(p["escalation"], dtype=float)
    war = np.zeros((2, 2, *e.shape))
    war[1, 1] = e  # war only after an air strike on maintained missiles
    return OutcomeData(war=war)


def _missile_trade(**p: Any) -> OutcomeData:
    risk = np.asarray(p["war_risk"], dtype=float)
    pledge = np.asarray(p["pledge"]).astype(bool)
    shape = np.broadcast_shapes(risk.shape, pledge.shape)
    accepted = missile_trade.ACCEPTS.reshape(3, 8, *(1,) * len(shape))
    war = np.where(accepted, 0.0, np.broadcast_to(risk, shape))
    terms = {}
    for key in missile_trade.offer_terms(0):
        per_offer = np.stack(
            [
                np.broadcast_to(np.asarray(missile_trade.offer_terms(o, pledge)[key], bool), shape)
                for o in range(3)
            ]
        )  # (offer, ...)
        terms[key] = accepted & per_offer[:, None]
    return OutcomeData(war=war, terms=terms)


# Keyed by the scalar function, so a scenario object carrying it gets its vectorised twin.
_VECTORISED: dict[Callable[..., OutcomeData], Callable[..., OutcomeData]] = {
    chicken_goals.outcomes: _chicken_goals,
    missile_trade.outcomes: _missile_trade,
    verification.outcomes: verification.outcomes,  # constant over the parameters
}


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
    hook = getattr(scenario, "batch_outcomes", None) or _VECTORISED.get(scenario.outcomes)
    if hook is not None:
        return hook(**flat)
    return _per_point(scenario, flat, G)
