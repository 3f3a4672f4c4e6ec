"""``dynamic-chicken``: the thirteen days as a war of attrition under a daily hazard of war.

The model lives in :mod:`crisisgames.models.dynamic_chicken` (our formulation after Dixit,
McAdams & Skeath 2019, whose specification was not read in print); this module declares
its parameters.  The daily hazard path is an assumption of ours (see
:data:`~crisisgames.models.dynamic_chicken.HAZARD_NOTES`); ``hazard_scale`` multiplies it.
"""

from __future__ import annotations

from fractions import Fraction
from typing import Any

from crisisgames.models import dynamic_chicken as model
from crisisgames.scenarios.base import Parameter, Scenario, as_exact, register

__all__: list[str] = []

_PAYOFF = "recon: MODELS.md §3's brinkmanship payoffs (Dixit & Skeath), reused for winning, conceding and war"
PARAMETERS = (
    Parameter(
        "hazard_scale",
        1,
        0,
        10,
        "factor",
        "multiplies the assumed daily hazard path of war",
        "assumption: the path of HAZARD_NOTES (16-28 October 1962) as given",
    ),
    Parameter("us_win", 1, -100, 100, "utility", "US payoff if the USSR concedes", _PAYOFF),
    Parameter("us_concede", -2, -100, 100, "utility", "US payoff if it concedes", _PAYOFF),
    Parameter("us_war", -10, -100, 100, "utility", "US payoff of war", _PAYOFF),
    Parameter("ussr_win", 2, -100, 100, "utility", "USSR payoff if the US concedes", _PAYOFF),
    Parameter("ussr_concede", -4, -100, 100, "utility", "USSR payoff if it concedes", _PAYOFF),
    Parameter("ussr_war", -8, -100, 100, "utility", "USSR payoff of war", _PAYOFF),
    Parameter(
        "us_resolute",
        0,
        0,
        Fraction(99, 100),
        "probability",
        "prior that the US never concedes",
        "assumption: no resolute types by default",
        kind="probability",
    ),
    Parameter(
        "ussr_resolute",
        0,
        0,
        Fraction(99, 100),
        "probability",
        "prior that the USSR never concedes",
        "assumption: no resolute types by default",
        kind="probability",
    ),
    Parameter(
        "war_at_deadline",
        True,
        0,
        1,
        "flag",
        "a standoff outlasting the 13 days ends in war (else settles)",
        "assumption: the 'one more day' of the paper's title",
        kind="bool",
    ),
)


def build(**p: Any) -> model.DynamicChickenEquilibrium:
    """The equilibrium day by day at one parameter point (exact)."""
    e = as_exact({k: v for k, v in p.items() if k != "war_at_deadline"})
    scale = e.pop("hazard_scale")
    hazard = tuple(min(Fraction(1), h * scale) for h in model.DEFAULT_HAZARD)
    return model.dynamic_chicken(
        hazard=hazard, deadline="war" if p["war_at_deadline"] else "settle", **e
    )


SCENARIO = register(
    Scenario(
        name="dynamic-chicken",
        title="Dynamic chicken over the thirteen days: daily concession and war probabilities",
        summary=(
            "While neither side concedes, war breaks out each day with an (assumed) hazard; "
            "each side concedes just often enough to keep the other indifferent between "
            "conceding today and waiting a day. Outputs: the daily concession probabilities "
            "and the cumulative probabilities of war and of each side's concession."
        ),
        parameters=PARAMETERS,
        builder=build,
        references=(model.SOURCE,),
        kind="dynamic game",
    )
)
