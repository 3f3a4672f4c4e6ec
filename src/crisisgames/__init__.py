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

from crisisgames.games.batch import BatchSolution, GameBatch
from crisisgames.games.normal_form import NormalFormGame
from crisisgames.solvers.nash import METHODS, nash_equilibria
from crisisgames.solvers.results import Component, Equilibrium, EquilibriumSet, SolveStatus

__all__ = [
    "METHODS",
    "BatchSolution",
    "Component",
    "Equilibrium",
    "EquilibriumSet",
    "GameBatch",
    "NormalFormGame",
    "SolveStatus",
    "__version__",
    "nash_equilibria",
]
