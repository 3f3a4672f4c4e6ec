"""The crisis scenario catalog: ``load(name, **params)``, ``catalog()``, ``get(name)``.

Importing this package registers every built-in scenario.
"""

from crisisgames.scenarios import (  # noqa: F401  (registration)
    asymmetric_escalation,
    brams,
    brinkmanship,
    chicken,
    chicken_goals,
    cuba_three_player,
    dynamic_chicken,
    fraser_hipel,
    missile_trade,
    settlement,
    verification,
)
from crisisgames.scenarios.base import (
    OutcomeData,
    Parameter,
    Scenario,
    catalog,
    get,
    load,
    register,
)
from crisisgames.scenarios.brams import brams_alternative
from crisisgames.scenarios.chicken import chicken as chicken_game

__all__ = [
    "OutcomeData",
    "Parameter",
    "Scenario",
    "brams_alternative",
    "catalog",
    "chicken_game",
    "get",
    "load",
    "register",
]
