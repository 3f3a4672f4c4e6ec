"""The crisis scenario catalog (grows with each model)."""

from crisisgames.scenarios.chicken import chicken

__all__ = ["chicken"]
