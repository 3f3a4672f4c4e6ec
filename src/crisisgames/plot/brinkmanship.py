"""The brinkmanship window in the (p, q) plane (Dixit & Skeath's figure, any payoffs).

Plots read the model's closed forms (:mod:`crisisgames.models.brinkmanship`); they never
solve anything themselves.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import numpy as np

from crisisgames.models.brinkmanship import (
    DEFAULT_PAYOFFS,
    KENNEDY_WAR_ODDS,
    acceptability,
    acceptability_bound,
    compliance_interval,
    effectiveness_threshold,
    threat_window,
    war_probability,
    window_closing_p,
)

if TYPE_CHECKING:
    from matplotlib.axes import Axes

__all__ = ["plot_window"]


def plot_window(
    ax: Axes | None = None,
    p: Any = None,
    q: Any = None,
    *,
    sweetener: Any = 0,
    kennedy: bool = True,
    war_contours: Any = (),
    **payoffs: Any,
) -> Axes:
    """Draw the effectiveness and acceptability regions and the window over ``(p, q)``.

    Shaded: the threats effective on the soft type (it complies), the threats that meet
    the acceptability condition (the US weakly prefers them to none *if* the soft type
    complies and the hard type defies), and the window where both hold and the types do
    respond so.  Lines: the soft (and, if within ``[0, 1]``,
    the hard) effectiveness threshold, the acceptability bound ``m G / ((1 - m) L)``, and
    the largest ``p`` with a window.  Kennedy's band ("between one out of three and even")
    is drawn on the ``p`` axis, the reading Dixit & Skeath give it.

    Parameters
    ----------
    ax
        Axes to draw on (default: a new figure's).
    p, q
        Grids of the probability that the USSR is hard-line and of the threat's
        probability of war (default: 401 points each over ``[0, 1]``).
    sweetener
        Added to the Soviet comply payoffs (the Jupiter trade).
    kennedy
        Whether to shade Kennedy's band.
    war_contours
        Levels of the probability of war ``q (1 - m)`` to draw as contours, e.g.
        ``(1/3, 1/2)`` for Kennedy's estimate read as a chance of war.
    **payoffs
        Payoff overrides (``us_comply=...``, ``soft_war=...``; see
        :data:`~crisisgames.models.brinkmanship.DEFAULT_PAYOFFS`).

    Returns
    -------
    matplotlib.axes.Axes

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> ax = plot_window(p=np.linspace(0, 1, 51), q=np.linspace(0, 1, 51))
    >>> ax.get_xlabel()
    'p: probability the USSR is hard-line'
    """
    import matplotlib.pyplot as plt
    from matplotlib.patches import Patch

    if ax is None:
        _, ax = plt.subplots(figsize=(8.5, 4.5), layout="constrained")
    p_grid = np.linspace(0.0, 1.0, 401) if p is None else np.asarray(p, dtype=float)
    q_grid = np.linspace(0.0, 1.0, 401) if q is None else np.asarray(q, dtype=float)
    if p_grid.ndim != 1 or q_grid.ndim != 1:
        from crisisgames.errors import ShapeError

        raise ShapeError("p and q must be one-dimensional grids")
    P, Q = np.meshgrid(p_grid, q_grid)  # rows q, columns p
    unknown = set(payoffs) - set(DEFAULT_PAYOFFS)
    if unknown:
        from crisisgames.errors import InvalidPayoffError

        raise InvalidPayoffError(
            f"unknown payoff(s) {sorted(unknown)}; the payoffs are {list(DEFAULT_PAYOFFS)}"
        )
    floats: dict[str, Any] = {k: float(v) for k, v in {**DEFAULT_PAYOFFS, **payoffs}.items()}
    j = float(sweetener)

    def type_payoffs(kind: str) -> tuple[float, float, float]:
        return floats[f"{kind}_comply"], floats[f"{kind}_stay"], floats[f"{kind}_war"]

    # Masks from the closed forms, all vectorised over the grid.
    soft_ok = compliance_interval(*type_payoffs("soft"), sweetener=j).contains(Q)
    acceptable = acceptability(P, sweetener=j, **floats).contains(Q)
    window = threat_window(P, sweetener=j, **floats).contains(Q)

    def shade(mask: np.ndarray, color: str, alpha: float) -> None:
        if mask.any():
            ax.contourf(P, Q, mask.astype(float), levels=[0.5, 1.5], colors=[color], alpha=alpha)

    shade(soft_ok, "tab:blue", 0.18)
    shade(acceptable, "tab:orange", 0.18)
    shade(window, "tab:green", 0.55)
    handles: list[Any] = [
        Patch(color="tab:blue", alpha=0.3, label="effective on the soft type"),
        Patch(color="tab:orange", alpha=0.3, label="acceptable to the US"),
        Patch(color="tab:green", alpha=0.6, label="window"),
    ]

    for kind, style in (("soft", "-"), ("hard", "--")):
        t = effectiveness_threshold(*type_payoffs(kind), sweetener=j)
        if t is not None and np.isfinite(t) and 0 <= t <= 1:
            (line,) = ax.plot(
                [p_grid[0], p_grid[-1]], [t, t], style, color="tab:blue", lw=1,
                label=f"{kind} type's threshold q = {t:.3g}",
            )  # fmt: skip
            handles.append(line)
    bound = np.asarray(acceptability_bound(p_grid, sweetener=j, **floats), dtype=np.float64)
    with np.errstate(invalid="ignore"):
        inside = np.where((bound >= 0) & (bound <= 1), bound, np.nan)
    (line,) = ax.plot(p_grid, inside, color="tab:orange", lw=1, label="acceptability bound")
    handles.append(line)
    p_star = window_closing_p(sweetener=j, **floats)
    if p_star is not None and np.isfinite(p_star):
        line = ax.axvline(
            p_star, color="tab:green", ls=":", lw=1, label=f"window closes, p = {p_star:.3g}"
        )
        handles.append(line)
    if kennedy:
        lo, hi = float(KENNEDY_WAR_ODDS.lo), float(KENNEDY_WAR_ODDS.hi)
        ax.axvspan(lo, hi, color="grey", alpha=0.12, hatch="//", fill=False)
        handles.append(
            Patch(facecolor="none", hatch="//", edgecolor="grey", label="Kennedy: 1/3 to 1/2")
        )
    levels = sorted(float(v) for v in war_contours)
    if levels:
        war = np.asarray(war_probability(Q, P, sweetener=j, **floats), dtype=float)
        cs = ax.contour(P, Q, war, levels=levels, colors="k", linewidths=0.8, linestyles="-.")
        ax.clabel(cs, fmt="P(war)=%.2g", fontsize=7)
    ax.set_xlim(p_grid[0], p_grid[-1])
    ax.set_ylim(q_grid[0], q_grid[-1])
    ax.set_xlabel("p: probability the USSR is hard-line")
    ax.set_ylabel("q: probability of war after defiance")
    title = "Brinkmanship: effective and acceptable threats"
    ax.set_title(title + (f" (sweetener j = {j:g})" if j else ""))
    ax.legend(handles=handles, loc="upper left", bbox_to_anchor=(1.01, 1.0), fontsize=7)
    return ax
