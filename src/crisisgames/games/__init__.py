"""Game models: normal form, batches of normal-form games."""

from crisisgames.games.normal_form import NormalFormGame

__all__ = ["NormalFormGame"]
