"""nashpy's algorithms behind crisisgames' entry point and result type.

nashpy (Knight & Campbell, JOSS 2018) is the reference most users know; its support and
vertex enumeration assume a nondegenerate game and may drop equilibria otherwise, and
Lemke-Howson finds one equilibrium per starting label.  Results through this backend are
therefore marked ``complete=False`` with a note saying why.
"""

from __future__ import annotations

import warnings

import nashpy
import numpy as np

__all__: list[str] = []

NASHPY_METHODS = {
    "nashpy-support": "support enumeration (nashpy); assumes a nondegenerate game",
    "nashpy-vertex": "vertex enumeration (nashpy); assumes a nondegenerate game",
    "nashpy-lemke-howson": "Lemke-Howson from every initial label (nashpy); finds a subset",
}


def _nashpy_profiles(
    A: np.ndarray, B: np.ndarray, method: str
) -> list[tuple[np.ndarray, np.ndarray]]:
    """Run one of nashpy's methods; return its (x, y) profiles (nashpy's warnings muted:
    the caller reports incompleteness in the result's status instead)."""
    game = nashpy.Game(A, B)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        if method == "nashpy-support":
            found = list(game.support_enumeration())
        elif method == "nashpy-vertex":
            found = list(game.vertex_enumeration())
        else:
            found = [game.lemke_howson(initial_dropped_label=k) for k in range(sum(A.shape))]
    out: list[tuple[np.ndarray, np.ndarray]] = []
    for x, y in found:
        x = np.clip(np.asarray(x, dtype=float), 0, None)
        y = np.clip(np.asarray(y, dtype=float), 0, None)
        if not (np.all(np.isfinite(x)) and np.all(np.isfinite(y))) or x.sum() == 0 or y.sum() == 0:
            continue  # Lemke-Howson may fail on degenerate games and return NaNs
        x, y = x / x.sum(), y / y.sum()
        if not any(np.allclose(x, u) and np.allclose(y, v) for u, v in out):
            out.append((x, y))
    return out
