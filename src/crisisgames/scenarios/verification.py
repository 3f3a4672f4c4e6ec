"""``verification``: no reintroduction under imperfect inspection (an inspection game).

The brief: verification is hard under mutual distrust and there is no binding enforcement;
alliances share intelligence and monitor.  After the settlement the USSR ``"comply"``-s with
the undertaking not to reintroduce nuclear weapons into Cuba or ``"cheat"``-s; the US
``"inspect"``-s (reconnaissance, with its allies' shared intelligence) or not.  An
inspection catches a cheat with probability

    ``D = 1 - (1 - detect)(1 - intel)``

(its own means, ``detect``, or independently the allies' intelligence, ``intel``).  Without
inspection nothing is caught.  Payoffs, rows US, columns USSR (``k`` inspection cost, ``L =
no_reintroduction_us`` the US loss when weapons return unnoticed, ``g`` the USSR's gain
from cheating unnoticed, ``f`` its penalty when caught; a caught cheat is reversed):

=============  ========  ===================================
US / USSR      comply    cheat
=============  ========  ===================================
inspect        (-k, 0)   (-k - (1 - D) L, (1 - D) g - D f)
not inspect    (0, 0)    (-L, g)
=============  ========  ===================================

**Closed form** (:func:`inspection_equilibrium`).  When inspecting pays against a sure cheat
(``D L > k > 0``) and deters it (``D (g + f) > g > 0``) there is no pure equilibrium and
the unique equilibrium is mixed: the USSR cheats with the probability ``c`` that makes the
US indifferent, ``-k - c(1 - D)L = -cL``, so ``c* = k / (D L)``; the US inspects with the
probability ``i`` that makes the USSR indifferent, ``i((1 - D)g - Df) + (1 - i)g = 0``, so
``i* = g / (D (g + f))``.  If ``D L < k`` the US never inspects and the USSR cheats; if
``g > D (g + f)`` cheating pays even under inspection, and the US inspects.  On the
boundaries the game is degenerate (a continuum of equilibria): reported, not resolved.

**At the defaults** (``detect = 1/2``, ``intel = 1/5``, ``k = 1/50``, ``L = 1/10``, ``g =
1/10``, ``f = 1/5``): ``D = 1 - (1/2)(4/5) = 3/5``; ``c* = (1/50) / (3/50) = 1/3``;
``i* = (1/10) / ((3/5)(3/10)) = 5/9``; payoffs US ``-c* L = -1/30``, USSR 0.

Examples
--------
>>> eq = inspection_equilibrium()
>>> str(eq.regime), round(float(eq.cheat), 4), round(float(eq.inspect), 4)
('mixed', 0.3333, 0.5556)
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

from crisisgames.models.terms import term_parameters
from crisisgames.scenarios.base import (
    OutcomeData,
    Parameter,
    PayoffBuilders,
    Scenario,
    assemble_payoffs,
    register,
)

__all__ = [
    "ACTIONS",
    "PLAYERS",
    "InspectionEquilibrium",
    "detection_probability",
    "inspection_equilibrium",
    "payoff_arrays",
]

PLAYERS = ("US", "USSR")
ACTIONS = (("inspect", "not inspect"), ("comply", "cheat"))

(_LOSS,) = term_parameters("no_reintroduction", actors=("US",))

PARAMETERS: tuple[Parameter, ...] = (
    Parameter(
        "detect",
        0.5,
        0,
        1,
        "probability",
        "probability that a US inspection (reconnaissance) finds a reintroduction",
        "assumption: without on-site access (Cuba refused it) aerial reconnaissance has even "
        "odds; in 1962 it never found the tactical nuclear weapons at all",
        kind="probability",
    ),
    Parameter(
        "intel",
        0.2,
        0,
        1,
        "probability",
        "probability that allied shared intelligence finds a cheat the US's own search misses",
        "assumption: the brief's alliances 'share intelligence and monitor'; one cheat in five",
        kind="probability",
    ),
    Parameter(
        "inspection_cost",
        0.02,
        0,
        1,
        "utility",
        "US cost of inspecting",
        "assumption: overflights risk incidents (a U-2 was shot down on 27 October): a "
        "twenty-fifth of 'avert nuclear war' (weight 0.5 in actors.US)",
    ),
    _LOSS,
    Parameter(
        "cheat_gain",
        0.1,
        0,
        1,
        "utility",
        "USSR gain from reintroducing weapons unnoticed",
        "assumption: regains part of the reach lost with the withdrawal: a third of strategic "
        "reach (weight 0.3 in actors.USSR)",
    ),
    Parameter(
        "penalty",
        0.2,
        0,
        1,
        "utility",
        "USSR loss when caught cheating (a second crisis, caught red-handed)",
        "assumption: two fifths of prestige (weight 0.5 in actors.USSR)",
    ),
)


def detection_probability(detect: Any, intel: Any) -> Any:
    """``1 - (1 - detect)(1 - intel)``: caught by the inspection or by allied intelligence.

    Examples
    --------
    >>> from fractions import Fraction
    >>> detection_probability(Fraction(1, 2), Fraction(1, 5))
    Fraction(3, 5)
    """
    return 1 - (1 - detect) * (1 - intel)


def payoff_arrays(**p: Any) -> np.ndarray:
    """Payoffs ``(2, 2, 2, ...)``: player, US action, USSR action, then the parameters'
    broadcast shape.  Vectorised; exact for scalar Fraction parameters.

    Examples
    --------
    >>> from crisisgames.scenarios.base import as_exact
    >>> U = payoff_arrays(**as_exact(SCENARIO.defaults()))
    >>> [[str(v) for v in row] for row in U[0]], [[str(v) for v in row] for row in U[1]]
    ([['-1/50', '-3/50'], ['0', '-1/10']], [['0', '-2/25'], ['0', '1/10']])
    """
    D = detection_probability(p["detect"], p["intel"])
    k, L = p["inspection_cost"], p["no_reintroduction_us"]
    g, f = p["cheat_gain"], p["penalty"]
    zero = 0 * k
    us = [[-k, -k - (1 - D) * L], [zero, -L]]
    ussr = [[zero, (1 - D) * g - D * f], [zero, g]]
    return assemble_payoffs(
        (2, 2, 2),
        {(i, r, c): m[r][c] for i, m in enumerate((us, ussr)) for r in range(2) for c in range(2)},
    )


# The 2x2 inspection game at one parameter point (exact payoffs), and batches of it over parameter arrays.
BUILDERS = PayoffBuilders(payoff_arrays, PLAYERS, ACTIONS)


def outcomes(**p: Any) -> OutcomeData:
    """No war is modelled (the penalty stands for a caught cheat's whole cost); the
    no-reintroduction undertaking holds where the USSR complies, verification where the US
    inspects.

    The same at every parameter point, so this is also the scenario's ``batch_outcomes``
    (arrays of shape ``(2, 2)`` for a batch of any size)."""
    comply = np.array([[True, False], [True, False]])
    inspect = np.array([[True, True], [False, False]])
    labels = np.array(
        [
            ["inspected, compliant", "caught with probability D"],
            ["trust, compliant", "weapons back unnoticed"],
        ],
        dtype=object,
    )
    return OutcomeData(
        war=np.zeros((2, 2)),
        terms={"no_reintroduction": comply, "verification": inspect},
        labels=labels,
    )


@dataclass(frozen=True)
class InspectionEquilibrium:
    """The closed-form equilibrium of the inspection game at each parameter point.

    Attributes
    ----------
    regime
        ``"mixed"``, ``"inspect, cheat"``, ``"no inspection, cheat"`` or ``"degenerate"``
        (on a boundary between regimes: a continuum of equilibria; solve that game with
        :func:`~crisisgames.nash_equilibria` for all of them).
    cheat, inspect
        Equilibrium probabilities of cheating and inspecting (NaN where degenerate).
    detection
        ``D``, the probability that an inspection catches a cheat.
    us_payoff, ussr_payoff
        Equilibrium payoffs (NaN where degenerate).
    """

    regime: np.ndarray
    cheat: np.ndarray
    inspect: np.ndarray
    detection: np.ndarray
    us_payoff: np.ndarray
    ussr_payoff: np.ndarray


def inspection_equilibrium(*, tol: float = 1e-12, **params: Any) -> InspectionEquilibrium:
    """The unique equilibrium in closed form, vectorised over parameter arrays.

    Parameters
    ----------
    tol
        Margins within ``tol`` of zero count as boundaries (``"degenerate"``).
    **params
        Scenario parameters, scalars or broadcastable arrays (defaults elsewhere).

    Examples
    --------
    >>> import numpy as np
    >>> eq = inspection_equilibrium(inspection_cost=np.array([0.02, 0.1]), penalty=0.0)
    >>> eq.regime.tolist()  # no penalty: cheating pays even under inspection
    ['inspect, cheat', 'no inspection, cheat']
    """
    r = {k: np.asarray(v, dtype=float) for k, v in SCENARIO.resolve(**params).items()}
    D = detection_probability(r["detect"], r["intel"])
    k, L, g, f = r["inspection_cost"], r["no_reintroduction_us"], r["cheat_gain"], r["penalty"]
    worth = D * L - k  # US gain from inspecting a sure cheat
    deters = D * (g + f) - g  # USSR loss from cheating under sure inspection
    shape = np.broadcast_shapes(D.shape, worth.shape, deters.shape, g.shape, k.shape)
    worth, deters, g, k, D, L, f = (
        np.broadcast_to(a, shape) for a in (worth, deters, g, k, D, L, f)
    )
    mixed = (worth > tol) & (deters > tol) & (k > tol) & (g > tol)
    inspect_cheat = (worth > tol) & (deters < -tol)
    no_inspection = (worth < -tol) & (g > tol)
    with np.errstate(divide="ignore", invalid="ignore"):
        c_mixed = k / (D * L)
        i_mixed = g / (D * (g + f))
    nan = np.full(shape, np.nan)
    cheat = np.select([mixed, inspect_cheat | no_inspection], [c_mixed, 1.0], nan)
    inspect = np.select([mixed, inspect_cheat, no_inspection], [i_mixed, 1.0, 0.0], nan)
    us = np.select([mixed, inspect_cheat, no_inspection], [-c_mixed * L, -k - (1 - D) * L, -L], nan)
    ussr = np.select(
        [mixed, inspect_cheat, no_inspection], [np.zeros(shape), (1 - D) * g - D * f, g], nan
    )
    regime = np.select(
        [mixed, inspect_cheat, no_inspection],
        np.array(["mixed", "inspect, cheat", "no inspection, cheat"], dtype=object),
        np.array("degenerate", dtype=object),
    )
    return InspectionEquilibrium(regime, cheat, inspect, D, us, ussr)


SCENARIO = register(
    Scenario(
        name="verification",
        title="No reintroduction under imperfect inspection: comply or cheat, inspect or not",
        summary=(
            "An inspection game: the USSR complies with the no-reintroduction undertaking or "
            "cheats, the US inspects or not. An inspection catches a cheat with probability "
            "1 - (1 - detect)(1 - intel), the allies' shared intelligence raising the US's "
            "own detection. At the defaults the unique equilibrium is mixed (closed form: "
            "cheat k / (D L), inspect g / (D (g + f)))."
        ),
        parameters=PARAMETERS,
        builder=BUILDERS.game,
        outcomes=outcomes,
        batch_builder=BUILDERS.batch,
        batch_outcomes=outcomes,  # constant over the parameters
        references=(
            "MODELS.md, 'The seed' (enforcement: verification under distrust, alliances "
            "share intelligence, no binding enforcement)",
            "Avenhaus, R., von Stengel, B. & Zamir, S. (2002). Inspection games. Handbook of "
            "Game Theory, vol. 3, ch. 51.",
        ),
    )
)
