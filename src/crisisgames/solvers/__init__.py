"""Solvers for normal-form games."""
