"""Readable names of equilibrium supports and regimes.

A sweep stores each equilibrium's support as a bit mask over all players' actions (player
0's actions in the lowest bits) and each point's regime as an integer code into a list of
labels (see :func:`crisisgames.sweep.sweep`).  This module turns masks into text.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

import numpy as np
import xarray as xr

__all__ = ["parse_regime_label", "regime_label", "regime_labels", "support_label"]


def support_label(mask: int, actions: Sequence[Sequence[str]], players: Sequence[str]) -> str:
    """The support encoded by a bit mask (see ``support`` in :func:`~crisisgames.sweep.sweep`),
    as text.

    Examples
    --------
    >>> support_label(0b1101, (("blockade", "air strike"), ("withdraw", "maintain")), ("US", "USSR"))
    'US: blockade; USSR: {withdraw, maintain}'
    """
    bit, who = 0, []
    for player, acts in zip(players, actions, strict=True):
        chosen = [a for k, a in enumerate(acts) if int(mask) >> (bit + k) & 1]
        bit += len(acts)
        # Braces around a mixed support: action labels may contain "+" themselves.
        who.append(
            f"{player}: " + (chosen[0] if len(chosen) == 1 else "{" + ", ".join(chosen) + "}")
        )
    return "; ".join(who)


def regime_label(
    masks: Sequence[int],
    continuum: bool | None,
    actions: Sequence[Sequence[str]],
    players: Sequence[str],
) -> str:
    """A readable, canonical name of an equilibrium structure: the supports of the
    extreme equilibria (smaller supports first, then alphabetically), marked when they
    form a continuum.

    Several extreme equilibria with one support (the ends of a segment of equilibria, say)
    are listed once, with their number: ``"... (x2)"``.  Two points have the same regime
    iff they have the same label.

    Examples
    --------
    >>> acts = (("blockade", "air strike"), ("withdraw", "maintain"))
    >>> regime_label([0b1001, 0b0110, 0b1111], False, acts, ("US", "USSR"))
    'US: air strike; USSR: withdraw | US: blockade; USSR: maintain | US: {blockade, air strike}; USSR: {withdraw, maintain}'
    >>> regime_label([0b1101, 0b1101, 0b0101], True, acts, ("US", "USSR"))
    'continuum: US: blockade; USSR: withdraw | US: blockade; USSR: {withdraw, maintain} (x2)'
    """
    counts = Counter(int(m) for m in masks if m >= 0)
    parts = sorted(
        (bin(m).count("1"), support_label(m, actions, players) + (f" (x{n})" if n > 1 else ""))
        for m, n in counts.items()
    )
    text = " | ".join(label for _, label in parts) or "no equilibrium"
    return ("continuum: " + text) if continuum and parts else text


def parse_regime_label(label: str) -> tuple[bool, dict[str, int]]:
    """What a :func:`regime_label` says: whether the equilibria form a continuum, and each
    support with the number of extreme equilibria that have it (their sum is the number of
    extreme equilibria).

    Examples
    --------
    >>> parse_regime_label("continuum: US: a; USSR: b | US: {a, c}; USSR: b (x2)")
    (True, {'US: a; USSR: b': 1, 'US: {a, c}; USSR: b': 2})
    >>> parse_regime_label("no equilibrium")
    (False, {})
    """
    continuum = label.startswith("continuum: ")
    text = label.removeprefix("continuum: ")
    supports: dict[str, int] = {}
    if text != "no equilibrium":
        for part in text.split(" | "):
            match = re.fullmatch(r"(.*) \(x(\d+)\)", part)
            support, n = (match[1], int(match[2])) if match else (part, 1)
            supports[support] = supports.get(support, 0) + n
    return continuum, supports


def regime_labels(ds: xr.Dataset) -> xr.DataArray:
    """The regime of every point as its label (strings), from ``regime`` and
    ``regime_label``.

    Examples
    --------
    >>> from crisisgames.sweep import Grid, sweep
    >>> ds = sweep(Grid("chicken-goals", {"dishonour": [0.0, 0.5]}))
    >>> regime_labels(ds).values.tolist()[1]
    'US: blockade; USSR: maintain'
    """
    names = np.asarray(ds["regime_label"].values, dtype=object)
    return xr.DataArray(names[ds["regime"].values], coords=ds["regime"].coords, name="regime")
