"""Solvers for normal-form games: one entry point, dominance, selection, batches."""

from crisisgames.solvers.backward_induction import backward_induction
from crisisgames.solvers.bargaining import (
    BargainingSolution,
    egalitarian,
    kalai_smorodinsky,
    nash_solution,
    rubinstein,
    rubinstein_breakdown,
    utilitarian,
)
from crisisgames.solvers.bayesian import perfect_bayesian_equilibria
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
from crisisgames.solvers.stability import stability, stability_table
from crisisgames.solvers.tom import nonmyopic_equilibria, theory_of_moves

__all__ = [
    "METHODS",
    "BargainingSolution",
    "Component",
    "Elimination",
    "EliminationResult",
    "Equilibrium",
    "EquilibriumSet",
    "SolveStatus",
    "backward_induction",
    "best_responses",
    "dominated_actions",
    "egalitarian",
    "expected_payoffs",
    "is_nash",
    "iterated_elimination",
    "kalai_smorodinsky",
    "nash_equilibria",
    "nash_solution",
    "nonmyopic_equilibria",
    "payoff_dominant",
    "perfect_bayesian_equilibria",
    "pure_nash_equilibria",
    "regret",
    "risk_dominant",
    "rubinstein",
    "rubinstein_breakdown",
    "stability",
    "stability_table",
    "theory_of_moves",
    "utilitarian",
]
