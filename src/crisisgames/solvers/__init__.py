"""Solvers for normal-form games: one entry point, dominance, selection, batches."""

from crisisgames.solvers.dominance import (
    Elimination,
    EliminationResult,
    dominated_actions,
    iterated_elimination,
)
from crisisgames.solvers.nash import METHODS, nash_equilibria
from crisisgames.solvers.pure import (
    best_responses,
    expected_payoffs,
    is_nash,
    pure_nash_equilibria,
    regret,
)
from crisisgames.solvers.results import Component, Equilibrium, EquilibriumSet, SolveStatus
from crisisgames.solvers.selection import payoff_dominant, risk_dominant

__all__ = [
    "METHODS",
    "Component",
    "Elimination",
    "EliminationResult",
    "Equilibrium",
    "EquilibriumSet",
    "SolveStatus",
    "best_responses",
    "dominated_actions",
    "expected_payoffs",
    "is_nash",
    "iterated_elimination",
    "nash_equilibria",
    "payoff_dominant",
    "pure_nash_equilibria",
    "regret",
    "risk_dominant",
]
