"""Plots of sweeps: equilibrium branches against a parameter, regime maps, war heat maps.

Every function reads a sweep's Dataset (:func:`~crisisgames.sweep.engine.sweep`), takes
``ax=None`` (a new figure's Axes) and returns the Axes it drew on; none solves anything
(branches come from :func:`~crisisgames.sweep.regimes.follow_branches`, boundaries from a
table of :func:`~crisisgames.sweep.regimes.regime_boundaries` passed in).  Axis labels come
from the parameters' declarations carried by the Dataset (name and unit).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

import numpy as np
import xarray as xr

from crisisgames.errors import InvalidParameterError, UnknownLabelError
from crisisgames.sweep.regimes import follow_branches

if TYPE_CHECKING:
    import pandas as pd
    from matplotlib.axes import Axes

__all__ = [
    "plot_payoffs",
    "plot_regime_map",
    "plot_strategies",
    "plot_tornado",
    "plot_war_map",
]


def _axes(ax: Axes | None) -> Axes:
    if ax is None:
        import matplotlib.pyplot as plt

        _, ax = plt.subplots()
    return ax


def _label(ds: xr.Dataset, name: str) -> str:
    units = ds[name].attrs.get("units")
    return f"{name} ({units})" if units else name


def _safe(name: str) -> str:
    return re.sub(r"[^0-9A-Za-z_]", "_", name)


def _player_index(ds: xr.Dataset, player: str) -> int:
    players = [str(p) for p in ds["player"].values]
    if player not in players:
        raise UnknownLabelError(f"unknown player {player!r}; the players are {players}")
    return players.index(player)


def _branch_lines(
    ds: xr.Dataset,
    along: str,
    values: np.ndarray,
    ax: Axes,
    ylabel: str,
    boundaries: pd.DataFrame | None,
    max_jump: float,
    sel: dict[str, Any],
) -> Axes:
    """One line per branch: ``values`` is ``(along, equilibrium)`` on the sorted line."""
    b = follow_branches(ds, along, max_jump=max_jump, **sel)
    x = b.branch[along].values
    ids = b.branch.values
    for row in b.table.itertuples():
        y = np.full(len(x), np.nan)  # NaN breaks the line where the branch does not exist
        where = np.nonzero(ids == row.branch)
        y[where[0]] = values[where]
        ax.plot(
            x, y, marker=".", label=str(row.supports).split(" -> ")[0], gid=f"branch-{row.branch}"
        )
    if boundaries is not None:
        for value in boundaries["float"]:
            ax.axvline(float(value), color="0.5", linestyle=":", linewidth=1, gid="boundary")
    ax.set_xlabel(_label(ds, along))
    ax.set_ylabel(ylabel)
    ax.legend(fontsize="small")
    return ax


def _line_values(ds: xr.Dataset, along: str, sel: dict[str, Any], var: str) -> xr.DataArray:
    line = ds.sel(sel) if sel else ds
    return line[var].sortby(along)


def plot_strategies(
    ds: xr.Dataset,
    along: str,
    player: str,
    action: str,
    *,
    ax: Axes | None = None,
    boundaries: pd.DataFrame | None = None,
    max_jump: float = 0.25,
    **sel: Any,
) -> Axes:
    """The probability that ``player`` plays ``action``, along ``along``, one line per
    equilibrium branch (labeled by its support where it starts).

    Parameters
    ----------
    ds
        A grid sweep.
    along
        The swept parameter on the x axis.
    player, action
        Labels, as in the scenario's game.
    ax
        Axes to draw on (default: a new figure's).
    boundaries
        A table of :func:`~crisisgames.sweep.regimes.regime_boundaries`: drawn as dotted
        vertical lines.
    max_jump
        As in :func:`~crisisgames.sweep.regimes.follow_branches`.
    **sel
        Values of the other swept parameters.

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> from crisisgames.sweep import Grid, sweep
    >>> ds = sweep(Grid("chicken-goals", {"dishonour": (0, 1, 11)}))
    >>> ax = plot_strategies(ds, "dishonour", "US", "air strike")
    >>> [line.get_gid() for line in ax.get_lines()]
    ['branch-0', 'branch-1', 'branch-2']
    """
    column = f"action_{_safe(player)}"
    if column not in ds.coords:
        raise UnknownLabelError(f"unknown player {player!r}")
    actions = [str(a) for a in ds[column].values]
    if action not in actions:
        raise UnknownLabelError(f"{player} has no action {action!r}; its actions are {actions}")
    strat = _line_values(ds, along, sel, f"strategy_{_safe(player)}")
    values = strat.isel({column: actions.index(action)}).values
    return _branch_lines(
        ds,
        along,
        values,
        _axes(ax),
        f"P({player} plays {action})",
        boundaries,
        max_jump,
        sel,
    )


def plot_payoffs(
    ds: xr.Dataset,
    along: str,
    player: str,
    *,
    ax: Axes | None = None,
    boundaries: pd.DataFrame | None = None,
    max_jump: float = 0.25,
    **sel: Any,
) -> Axes:
    """``player``'s equilibrium payoff along ``along``, one line per equilibrium branch
    (arguments as in :func:`plot_strategies`).

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> from crisisgames.sweep import Grid, sweep
    >>> ds = sweep(Grid("verification", {"penalty": (0, 1, 11)}))
    >>> plot_payoffs(ds, "penalty", "USSR").get_ylabel()
    "USSR's equilibrium payoff"
    """
    i = _player_index(ds, player)
    values = _line_values(ds, along, sel, "payoff").isel(player=i).values
    return _branch_lines(
        ds, along, values, _axes(ax), f"{player}'s equilibrium payoff", boundaries, max_jump, sel
    )


def _plane(ds: xr.Dataset, x: str, y: str, sel: dict[str, Any]) -> xr.Dataset:
    plane = ds.sel(sel) if sel else ds
    dims = [str(d) for d in plane["n_equilibria"].dims]
    if sorted(dims) != sorted([x, y]):
        missing = [d for d in (x, y) if d not in dims]
        if missing:
            raise InvalidParameterError(f"{missing} not swept on this grid (its dims: {dims})")
        rest = [d for d in dims if d not in (x, y)]
        raise InvalidParameterError(f"select a value of {rest} for a map over ({x}, {y})")
    return plane.sortby([x, y])


def plot_regime_map(ds: xr.Dataset, x: str, y: str, *, ax: Axes | None = None, **sel: Any) -> Axes:
    """The regime (equilibrium structure) over two swept parameters, one colour each, with
    a legend of the regimes present.

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> from crisisgames.sweep import Grid, sweep
    >>> ds = sweep(Grid("chicken-goals", {"dishonour": (0, 1, 5), "escalation": (0, 1, 5)}))
    >>> ax = plot_regime_map(ds, "dishonour", "escalation")
    >>> ax.get_xlabel(), ax.collections[0].get_array().shape
    ('dishonour (fraction)', (5, 5))
    """
    from matplotlib.colors import BoundaryNorm, ListedColormap
    from matplotlib.patches import Patch

    plane = _plane(ds, x, y, sel)
    codes = plane["regime"].transpose(y, x).values
    present = np.unique(codes)
    # Colour the regimes present in order, so a map with few regimes has distinct colours.
    index = np.searchsorted(present, codes)
    import matplotlib as mpl

    base = mpl.colormaps["tab20"] if len(present) > 10 else mpl.colormaps["tab10"]
    colors = [base(k % base.N) for k in range(len(present))]
    ax = _axes(ax)
    ax.pcolormesh(
        plane[x].values,
        plane[y].values,
        index,
        cmap=ListedColormap(colors),
        norm=BoundaryNorm(np.arange(len(present) + 1) - 0.5, len(present)),
        shading="nearest",
        gid="regimes",
    )
    labels = np.asarray(ds["regime_label"].values, dtype=object)
    ax.legend(
        handles=[
            Patch(facecolor=c, edgecolor="k", label=str(labels[code]))
            for c, code in zip(colors, present, strict=True)
        ],
        fontsize="x-small",
        loc="upper left",
        bbox_to_anchor=(1.02, 1),
    )
    ax.set_xlabel(_label(ds, x))
    ax.set_ylabel(_label(ds, y))
    return ax


def plot_war_map(
    ds: xr.Dataset,
    x: str,
    y: str,
    *,
    reduce: str = "max",
    ax: Axes | None = None,
    **sel: Any,
) -> Axes:
    """A heat map of the probability of war over two swept parameters.

    Parameters
    ----------
    reduce
        Over a point's equilibria: ``"max"`` (the worst equilibrium), ``"min"`` or
        ``"mean"`` (of the extreme equilibria, unweighted).

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> from crisisgames.sweep import Grid, sweep
    >>> ds = sweep(Grid("chicken-goals", {"dishonour": (0, 1, 3), "escalation": (0, 1, 3)}))
    >>> ax = plot_war_map(ds, "dishonour", "escalation")
    >>> round(float(ax.collections[0].get_array().max()), 3)
    0.113
    """
    if reduce not in ("max", "min", "mean"):
        raise InvalidParameterError(f"reduce must be 'max', 'min' or 'mean', got {reduce!r}")
    if "war_probability" not in ds:
        raise InvalidParameterError(f"scenario {ds.attrs.get('scenario')!r} has no outcome data")
    plane = _plane(ds, x, y, sel)
    war = getattr(plane["war_probability"], reduce)("equilibrium", skipna=True)
    ax = _axes(ax)
    mesh = ax.pcolormesh(
        plane[x].values,
        plane[y].values,
        war.transpose(y, x).values,
        cmap="Reds",
        vmin=0,
        vmax=1,
        shading="nearest",
        gid="war",
    )
    ax.figure.colorbar(mesh, ax=ax, label=f"P(war), {reduce} over the equilibria")
    ax.set_xlabel(_label(ds, x))
    ax.set_ylabel(_label(ds, y))
    return ax


_TORNADO_COLUMNS = ("parameter", "low", "high", "at_low", "at_high", "at_default")


def plot_tornado(
    data: pd.DataFrame,
    ax: Axes | None = None,
    *,
    xlabel: str = "outcome",
    ranges: bool = True,
) -> Axes:
    """A tornado chart of one-at-a-time sensitivities, the widest swing on top.

    Each parameter gets two horizontal bars starting at the outcome at the defaults: one
    to the outcome with the parameter at the low end of its range (just above the
    parameter's tick), one to the outcome at the high end (just below).  A vertical line
    marks the outcome at the defaults.

    Parameters
    ----------
    data
        The table of :func:`~crisisgames.sweep.sensitivity.tornado` (columns
        ``parameter``, ``low``, ``high``, ``at_low``, ``at_high``, ``at_default``); the bars
        keep its row order from the top down (``tornado`` sorts by decreasing swing).
    ax
        Axes to draw on (default: a new figure's).
    xlabel
        The outcome's name, for the x axis (the table does not carry it).
    ranges
        Whether to add each parameter's range to its tick label (``"name [low, high]"``).

    Returns
    -------
    matplotlib.axes.Axes
        The bars are in ``ax.containers``: the low ends (gid ``"tornado-low"``), then the
        high ends (gid ``"tornado-high"``), each in the table's row order.

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> from crisisgames.sweep.sensitivity import tornado
    >>> t = tornado("chicken-goals", ["escalation", "dishonour"])
    >>> ax = plot_tornado(t, xlabel="P(war)", ranges=False)
    >>> [label.get_text() for label in ax.get_yticklabels()]
    ['dishonour', 'escalation']
    >>> [round(float(bar.get_x() + bar.get_width()), 3) for bar in ax.containers[1]]
    [0.0, 0.033]
    """
    missing = [c for c in _TORNADO_COLUMNS if c not in data.columns]
    if missing:
        raise InvalidParameterError(
            f"not a tornado table: missing the column(s) {missing} "
            "(see crisisgames.sweep.sensitivity.tornado)"
        )
    if len(data) == 0:
        raise InvalidParameterError("the tornado table has no rows")
    ax = _axes(ax)
    n = len(data)
    # Row 0 (the widest swing) at the top: y runs from n - 1 down to 0.
    y = np.arange(n)[::-1]
    base = np.asarray(data["at_default"], dtype=float)
    # The two ends side by side (low above, high below the tick), not stacked: both ends of
    # a non-monotone outcome can lie on the same side of the default, and would hide each other.
    for end, offset, color in (("low", 0.2, "tab:blue"), ("high", -0.2, "tab:orange")):
        values = np.asarray(data[f"at_{end}"], dtype=float)
        bars = ax.barh(
            y + offset,
            values - base,
            left=base,
            height=0.4,
            color=color,
            alpha=0.8,
            label=f"parameter at the {end} end of its range",
            gid=f"tornado-{end}",
        )
        for bar in bars:  # matplotlib gives the container, not its patches, the gid
            bar.set_gid(f"tornado-{end}")
    # The outcome at the defaults is the same on every row (one solve); draw the first.
    ax.axvline(base[0], color="k", linewidth=1, gid="default")
    names = [str(p) for p in data["parameter"]]
    if ranges:
        names = [
            f"{name} [{lo:g}, {hi:g}]"
            for name, lo, hi in zip(names, data["low"], data["high"], strict=True)
        ]
    ax.set_yticks(y, names)
    ax.set_xlabel(xlabel)
    ax.legend(fontsize="small", loc="upper left", bbox_to_anchor=(1.02, 1))  # off the bars
    return ax
