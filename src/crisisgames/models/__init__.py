"""The crisis models: one module a model, with its payoff formulas, closed forms, solution
concept and vectorised solver.

This layer sits between the general solvers (:mod:`crisisgames.solvers`) and the scenario
catalog (:mod:`crisisgames.scenarios`): a model may use any game class and solver, and the
scenarios declare a model's parameters with their sources and register it.
"""
