"""Plots (matplotlib): every function takes ``ax=None`` and returns the Axes it drew on."""
