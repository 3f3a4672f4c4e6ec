"""crisisgames: game-theoretic analysis of nuclear crises, built around Cuba, 1962.

The public API is re-exported here.

Examples
--------
>>> import crisisgames as cg
>>> pd = cg.NormalFormGame.from_arrays([[3, 0], [5, 1]], [[3, 5], [0, 1]])
>>> [e.supports for e in cg.nash_equilibria(pd)]
[(('a2',), ('a2',))]
"""

__version__ = "0.1.0"

from crisisgames.games import (
    BargainingProblem,
    BatchSolution,
    ConflictModel,
    GameBatch,
    GameTree,
    NormalFormGame,
    to_normal_form,
)
from crisisgames.scenarios import catalog, load
from crisisgames.solvers import (
    METHODS,
    BargainingSolution,
    Component,
    Elimination,
    EliminationResult,
    Equilibrium,
    EquilibriumSet,
    SolveStatus,
    backward_induction,
    best_responses,
    dominated_actions,
    expected_payoffs,
    is_nash,
    iterated_elimination,
    kalai_smorodinsky,
    nash_equilibria,
    nash_solution,
    nonmyopic_equilibria,
    payoff_dominant,
    perfect_bayesian_equilibria,
    pure_nash_equilibria,
    regret,
    risk_dominant,
    rubinstein,
    rubinstein_breakdown,
    stability,
    theory_of_moves,
)

__all__ = [
    "METHODS",
    "BargainingProblem",
    "BargainingSolution",
    "BatchSolution",
    "Component",
    "ConflictModel",
    "Elimination",
    "EliminationResult",
    "Equilibrium",
    "EquilibriumSet",
    "GameBatch",
    "GameTree",
    "NormalFormGame",
    "SolveStatus",
    "__version__",
    "backward_induction",
    "best_responses",
    "catalog",
    "dominated_actions",
    "expected_payoffs",
    "is_nash",
    "iterated_elimination",
    "kalai_smorodinsky",
    "load",
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
    "theory_of_moves",
    "to_normal_form",
]
