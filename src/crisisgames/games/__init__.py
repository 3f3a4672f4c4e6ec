"""Game models: normal form, batches, trees, option-form conflicts, bargaining problems."""

from crisisgames.games.bargaining import BargainingProblem
from crisisgames.games.batch import BatchSolution, GameBatch
from crisisgames.games.conflict import ConflictModel
from crisisgames.games.extensive_form import GameTree, chance, decision, terminal
from crisisgames.games.normal_form import NormalFormGame
from crisisgames.games.tree_strategies import to_normal_form

__all__ = [
    "BargainingProblem",
    "BatchSolution",
    "ConflictModel",
    "GameBatch",
    "GameTree",
    "NormalFormGame",
    "chance",
    "decision",
    "terminal",
    "to_normal_form",
]
