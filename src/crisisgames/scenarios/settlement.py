r"""``settlement``: bargaining over the settlement, in public or through the back channel.

This library's own model (MODELS.md §7: no published bargaining model of the Jupiter trade
was found).  The US and the USSR bargain over *packages* of the settlement's terms
(:mod:`crisisgames.models.terms`), through one of two *channels*; the feasible set is every
lottery over the packages (:class:`~crisisgames.games.bargaining.BargainingProblem`), and
the solutions of :mod:`crisisgames.solvers.bargaining` say which package, or lottery over
two, each would settle on.  Cuba was not at the table and is not a player.

Packages
--------
Every package has the Soviet withdrawal and the undertaking not to reintroduce the missiles
(the object of the crisis); the non-invasion pledge is in or out; the Jupiters stay, leave
Turkey, or leave Turkey and Italy.  Six packages a channel, twelve in all:
``"public: withdrawal + pledge + Jupiters (Turkey, Italy)"``, ``"back channel: withdrawal"``, ...

The secrecy model (all assumptions of ours, each a declared parameter)
----------------------------------------------------------------------
A channel has an *exposure* ``s``: 1 in public, and in the back channel the probability
``leak`` that the deal becomes public (:data:`~crisisgames.models.terms.LEAK`).  What is costly in
public is paid with probability ``s``:

* **Audience costs** (Fearon 1994): a leader who concedes in public pays at home.  The US
  pays ``audience_cost_us`` for a Jupiter concession, the USSR ``audience_cost_ussr`` for
  its withdrawal (a public retreat under a public ultimatum).  Kurizaki (2007): secrecy
  spares the conceding leader these costs, which is why a private deal can settle what a
  public one cannot.
* **Alliance cost**: a Jupiter concession costs the US ``alliance_cost`` with Turkey and
  NATO, and gains the USSR ``public_trade_ussr`` in prestige (the terms' public trade), each
  with probability ``s``.
* **Credibility** (Kurizaki 2007): a secret promise binds less than a public one; the
  USSR discounts the value of secret Jupiter removals by ``secrecy_discount``.
* **Verification**: "no reintroduction" is worth to the US what can be checked: its value
  is multiplied by the detection probability ``D = 1 - (1 - detect)(1 - intel)`` (the
  ``verification`` scenario's parameters).
* **Speed**: agreeing takes ``public_days`` in public (letters, the UN, NATO's consent) and
  ``back_channel_days`` through the back channel; while it runs, war breaks out each day
  with probability ``hazard``.  A package agreed through channel ``c`` is worth
  ``(1 - q_c) u - q_c w`` with ``q_c = 1 - (1 - hazard)^days_c`` and ``w`` the war cost.

Utilities (before the delay), with ``J`` = some Jupiters leave, ``P`` = pledge::

    US   = withdrawal_us + D no_reintroduction_us + P pledge_us
           + jupiters_us - J s (alliance_cost + audience_cost_us)
    USSR = withdrawal_ussr + no_reintroduction_ussr - s audience_cost_ussr + P pledge_ussr
           + (1 - k_c) jupiters_ussr + J s public_trade_ussr

(``k_c`` = ``secrecy_discount`` in the back channel, 0 in public).  **No deal** is the
standoff going on for ``standoff_days`` days under the same hazard, ending in war with
probability ``1 - (1 - hazard)^standoff_days``, else in the status quo (0 for both): the
disagreement point ``d = -P(war) (war_cost_us, war_cost_ussr)``.

The strategic model is alternating offers through the channel (US first), one round per
``days_c``: after a rejection, war with probability ``q_c`` (the breakdown payoff), else
the next round, discounted by ``patience^days_c``; either side may walk away to the
standoff ``d`` (an outside option).

When does a channel settle? (derived by hand)
---------------------------------------------
Write ``g = 1 - hazard``, ``T = standoff_days``, ``n`` the channel's days, ``v`` the USSR's
best package through the channel before the delay, war costs 1.  Through the channel the
USSR gets at most ``g^n v - (1 - g^n) = g^n (1 + v) - 1``; the standoff gives it
``d = g^T - 1``.  Where the USSR's constraint is the one that binds (the US gains much more
from averting the standoff's risk of war, and does at the defaults), the channel settles
iff ``g^n (1 + v) > g^T``, i.e. iff

.. math:: \text{hazard} > 1 - (1 + v)^{1 / (T - n)}.

The back channel's best package for the USSR is the pledge with the Jupiters out of Turkey
and Italy: ``v = -1/2 - 1/10 - leak * audience_cost_ussr + 1/10 + (1 - 1/10)(3/20) + leak *
public_trade_ussr = -73/200`` at the defaults, for *every* leak probability: a leak gives
the USSR the prestige of a visible trade (1/5) and costs it the audience cost of a public
retreat (1/5), which cancel.  In public the same package gives ``v = -1/2 - 1/10 - 1/5 +
1/10 + 3/20 + 1/5 = -7/20``.  So the back channel settles above ``1 - (127/200)^(1/6) =
0.0729``, the public one above ``1 - (13/20)^(1/3) = 0.1338``: in between, and only there,
a secret trade settles the crisis and a public one cannot.  The leak probability moves this
band only through the US: a secret trade costs it ``leak * (alliance_cost +
audience_cost_us)`` in expectation, which binds only when those costs are large (the
example ``examples/secret_vs_public.py`` maps it).

At the defaults (hazard 1/10, derived by hand; exact)
-----------------------------------------------------
``D = 3/5``; delays ``q_back = 1/10``, ``q_public = 1 - (9/10)^4 = 3439/10000``; the
standoff ends in war with probability ``1 - (9/10)^7``, so ``d = -5217031/10000000`` for
both (about ``-0.5217``).  The back channel's pledge + Jupiters (Turkey, Italy) is worth
``(9/10)(-73/200) - 1/10 = -857/2000`` to the USSR and ``(9/10)(1/5 + (3/5)(1/10) - 1/20 -
1/20 - (1/10)(3/10)) - 1/10 = 17/1000`` to the US: both better than ``d``; the public one
gives the USSR ``(6561/10000)(-7/20) - 3439/10000 = -114707/200000 < d``.  The back channel
settles, the public one cannot, and the Nash solution is that package, the historical
settlement (the tests derive it).

Examples
--------
>>> from crisisgames.scenarios import load
>>> p = load("settlement")
>>> p.num_packages, p.players
(12, ('US', 'USSR'))
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from fractions import Fraction
from pathlib import Path
from typing import Any

import numpy as np

from crisisgames.games.bargaining import BargainingProblem
from crisisgames.models.terms import WAR_COSTS, term_parameters
from crisisgames.scenarios.base import Parameter, Scenario, as_exact, register
from crisisgames.scenarios.verification import PARAMETERS as _VERIFICATION
from crisisgames.solvers.bargaining import (
    BargainingSolution,
    egalitarian,
    kalai_smorodinsky,
    nash_solution,
    rubinstein_breakdown,
    solutions_table,
    utilitarian,
)

__all__ = [
    "CHANNELS",
    "METHODS",
    "PACKAGES",
    "PLAYERS",
    "Package",
    "SettlementAnalysis",
    "analyse_settlement",
    "channel_problem",
    "channel_regions",
    "disagreement_point",
    "hazard_threshold",
    "package_utilities",
]

PLAYERS = ("US", "USSR")
CHANNELS = ("public", "back channel")
METHODS = (
    "nash",
    "nash (US power)",
    "kalai-smorodinsky",
    "egalitarian",
    "utilitarian",
    "rubinstein",
)


@dataclass(frozen=True)
class Package:
    """One settlement package: the channel and the terms on top of the withdrawal."""

    channel: str
    pledge: bool
    turkey: bool
    italy: bool

    @property
    def label(self) -> str:
        """E.g. ``"back channel: withdrawal + pledge + Jupiters (Turkey)"``."""
        parts = ["withdrawal"]
        if self.pledge:
            parts.append("pledge")
        if self.turkey:
            parts.append("Jupiters (Turkey, Italy)" if self.italy else "Jupiters (Turkey)")
        return f"{self.channel}: " + " + ".join(parts)

    @property
    def terms(self) -> tuple[str, ...]:
        """The keys of :mod:`crisisgames.models.terms` in effect."""
        out = ["withdrawal", "no_reintroduction"]
        if self.pledge:
            out.append("pledge")
        if self.turkey:
            out.append("jupiters_turkey")
        if self.italy:
            out.append("jupiters_italy")
        if self.turkey or self.italy:
            out.append("public_trade" if self.channel == "public" else "secret_trade")
        return tuple(out)


PACKAGES: tuple[Package, ...] = tuple(
    Package(channel, pledge, turkey, italy)
    for channel in CHANNELS
    for pledge in (False, True)
    for turkey, italy in ((False, False), (True, False), (True, True))
)
"""The twelve packages: channel x pledge x Jupiters (none, Turkey, Turkey and Italy)."""

_VER = {p.name: p for p in _VERIFICATION}

PARAMETERS: tuple[Parameter, ...] = (
    *term_parameters(
        "withdrawal",
        "no_reintroduction",
        "pledge",
        "jupiters_turkey",
        "jupiters_italy",
        "secret_trade",
        actors=PLAYERS,
    ),
    Parameter(
        "audience_cost_us",
        0.1,
        0,
        1,
        "utility",
        "US leader's audience cost of a Jupiter concession made (or leaked) in public",
        "assumption: Fearon (1994); Kennedy trading NATO's missiles under a Soviet threat a "
        "fortnight before the midterm elections: a fifth of 'avert nuclear war while showing "
        "resolve' (weight 0.5 in actors.US)",
    ),
    Parameter(
        "audience_cost_ussr",
        0.2,
        0,
        1,
        "utility",
        "Soviet leader's audience cost of withdrawing under a public ultimatum",
        "assumption: Fearon (1994), Kurizaki (2007); a public retreat (Khrushchev was "
        "ousted in 1964, the retreat held against him): two fifths of prestige (weight 0.5 "
        "in actors.USSR), as much as the prestige a public trade brings (public_trade_ussr)",
    ),
    Parameter(
        "secrecy_discount",
        0.1,
        0,
        1,
        "share",
        "share of a secret Jupiter promise's value the USSR discounts (it binds less)",
        "assumption: Kurizaki (2007): private commitments are less credible; Kennedy would "
        "not put the assurance in writing (recon), so one chance in ten that it is not kept",
    ),
    _VER["detect"],
    _VER["intel"],
    Parameter(
        "hazard",
        0.1,
        0,
        1,
        "probability",
        "daily probability of war while the standoff (or the talks) go on",
        "assumption: the dynamic-chicken hazard path's value for 27 October, Black "
        "Saturday, the day the back-channel deal was struck",
        kind="probability",
    ),
    Parameter(
        "standoff_days",
        7,
        0,
        60,
        "days",
        "how long the standoff lasts without a deal (then the status quo)",
        "assumption: a week; an air strike and invasion were readied for the end of October "
        "and the quarantine could not hold much longer",
        kind="integer",
    ),
    Parameter(
        "public_days",
        4,
        1,
        30,
        "days",
        "days to agree and announce a deal in public (one round of public talks)",
        "assumption: public letters took about a day each way (26-27 October), and a public "
        "trade needed NATO's North Atlantic Council to meet and agree: four days",
        kind="integer",
    ),
    Parameter(
        "back_channel_days",
        1,
        1,
        30,
        "days",
        "days to agree a deal through the back channel (one round)",
        "brief: the back channel is fast; Robert Kennedy met Dobrynin on the evening of 27 "
        "October and Khrushchev accepted the next morning",
        kind="integer",
    ),
    Parameter(
        "patience",
        1,
        0.5,
        1,
        "factor",
        "daily discount factor while talks go on (1: only the war risk makes delay costly)",
        "assumption: a week's delay matters only through the risk of war",
    ),
    Parameter(
        "us_power",
        0.5,
        0,
        1,
        "share",
        "US bargaining power in the asymmetric Nash solution",
        "assumption: symmetric by default; the row 'nash (US power)' uses it",
        kind="probability",
    ),
    *WAR_COSTS[:2],
)


# ---------------------------------------------------------------------------- the model
def _delay(hazard: Any, days: Any) -> Any:
    """``1 - (1 - hazard)^days``: war before a deal through a channel is done."""
    return 1 - (1 - hazard) ** days


def package_utilities(**p: Any) -> np.ndarray:
    """``(*S, 12, 2)``: each package's utility to the US and the USSR, after the channel's
    delay.  Vectorised over broadcast parameter arrays (``S`` their shape); exact (an
    object array of Fractions) when every parameter is a scalar and some is a Fraction.

    Examples
    --------
    >>> U = package_utilities(**as_exact(SCENARIO.defaults()))
    >>> str(U[11, 1])  # the USSR's value of the back channel's pledge + both Jupiters
    '-857/2000'
    """
    D = 1 - (1 - p["detect"]) * (1 - p["intel"])
    core_us = p["withdrawal_us"] + D * p["no_reintroduction_us"]
    core_ussr = p["withdrawal_ussr"] + p["no_reintroduction_ussr"]
    public_us = p["alliance_cost"] + p["audience_cost_us"]
    values = []
    for pk in PACKAGES:
        back = pk.channel != "public"
        s = p["leak"] if back else 1
        kappa = p["secrecy_discount"] if back else 0
        days = p["back_channel_days"] if back else p["public_days"]
        jup = pk.turkey or pk.italy
        us = core_us + pk.pledge * p["pledge_us"]
        us = us + pk.turkey * p["jupiters_turkey_us"] + pk.italy * p["jupiters_italy_us"]
        us = us - jup * s * public_us
        ussr = core_ussr - s * p["audience_cost_ussr"] + pk.pledge * p["pledge_ussr"]
        gain = pk.turkey * p["jupiters_turkey_ussr"] + pk.italy * p["jupiters_italy_ussr"]
        ussr = ussr + (1 - kappa) * gain + jup * s * p["public_trade_ussr"]
        q = _delay(p["hazard"], days)
        values.append(
            ((1 - q) * us - q * p["war_cost_us"], (1 - q) * ussr - q * p["war_cost_ussr"])
        )
    return _stack(values)


def disagreement_point(**p: Any) -> np.ndarray:
    """``(*S, 2)``: the expected payoffs of no deal, a standoff of ``standoff_days`` days.

    Examples
    --------
    >>> from fractions import Fraction as F
    >>> d = disagreement_point(**as_exact({**SCENARIO.defaults(), "standoff_days": 2}))
    >>> d.tolist()  # 1 - (9/10)^2 = 19/100
    [Fraction(-19, 100), Fraction(-19, 100)]
    """
    pw = _delay(p["hazard"], p["standoff_days"])
    return _stack([(-pw * p["war_cost_us"], -pw * p["war_cost_ussr"])])[..., 0, :]


def _stack(rows: Sequence[tuple[Any, Any]]) -> np.ndarray:
    """``(*S, len(rows), 2)`` from scalars, Fractions or arrays (exact for scalars only)."""
    flat = [v for row in rows for v in row]
    shape = np.broadcast_shapes(*(np.shape(v) for v in flat))
    exact = shape == () and any(isinstance(v, Fraction) for v in flat)
    out = np.empty((*shape, len(rows), 2), dtype=object if exact else float)
    for k, (a, b) in enumerate(rows):
        out[..., k, 0] = a
        out[..., k, 1] = b
    return out


def _problem(p: Mapping[str, Any], channel: str = "either") -> BargainingProblem:
    keep = [k for k, pk in enumerate(PACKAGES) if channel in ("either", pk.channel)]
    u = package_utilities(**p)[..., keep, :]
    return BargainingProblem(
        u,
        disagreement_point(**p),
        [PACKAGES[k].label for k in keep],
        players=PLAYERS,
        terms=[PACKAGES[k].terms for k in keep],
    )


def channel_problem(
    channel: str = "either", *, exact: bool = False, **params: Any
) -> BargainingProblem:
    """The bargaining problem through one channel (or ``"either"``), vectorised.

    Parameters
    ----------
    channel
        ``"public"``, ``"back channel"`` or ``"either"`` (all twelve packages).
    exact
        Exact arithmetic (scalar parameters only; floats read as the decimals they print).
    **params
        Scenario parameters, scalars or broadcastable arrays (defaults elsewhere); validated
        before anything is built.

    Examples
    --------
    >>> import numpy as np
    >>> p = channel_problem("back channel", hazard=np.linspace(0.0, 0.1, 5))
    >>> p.shape, p.num_packages, p.agreement_possible.tolist()
    ((5,), 6, [False, False, False, True, True])
    """
    if channel not in (*CHANNELS, "either"):
        from crisisgames.errors import UnknownLabelError

        raise UnknownLabelError(
            f"unknown channel {channel!r}; the channels are {(*CHANNELS, 'either')}"
        )
    resolved = SCENARIO.resolve(**params)
    return _problem(as_exact(resolved) if exact else resolved, channel)


# ---------------------------------------------------------------------------- solutions
def _solve_all(
    problem: BargainingProblem, p: Mapping[str, Any], channel: str
) -> dict[str, BargainingSolution]:
    days = p["back_channel_days"] if channel == "back channel" else p["public_days"]
    war = _stack([(-p["war_cost_us"], -p["war_cost_ussr"])])[..., 0, :]
    q = _delay(p["hazard"], days)
    delta = p["patience"] ** days
    out = {
        "nash": nash_solution(problem),
        "nash (US power)": nash_solution(problem, power=p["us_power"]),
        "kalai-smorodinsky": kalai_smorodinsky(problem),
        "egalitarian": egalitarian(problem),
        "utilitarian": utilitarian(problem),
    }
    # With no cost of delay at all (no hazard, full patience) the alternating-offers game
    # has a continuum of equilibria: those points are solved with a stand-in risk and
    # reported "not unique"; the row is left out when every point is such.
    no_cost = np.asarray((q == 0) & (delta == 1), dtype=bool)
    if not no_cost.all():
        stand_in = np.where(no_cost, 0.5, q) if no_cost.any() else q
        sol = rubinstein_breakdown(
            problem, stand_in, breakdown_payoff=war, delta1=delta, outside_option=True
        )
        if no_cost.any():
            sol = replace(sol, unique=sol.unique & ~no_cost)
        out["rubinstein"] = sol
    return out


@dataclass(frozen=True)
class SettlementAnalysis:
    """The solutions of the settlement through each channel, at each parameter point.

    Attributes
    ----------
    problems
        ``{channel: BargainingProblem}`` for ``"public"``, ``"back channel"`` and
        ``"either"`` (the batch shape ``S`` is the parameters' broadcast shape).
    solutions
        ``{channel: {method: BargainingSolution}}`` (methods of :data:`METHODS`).
    """

    problems: Mapping[str, BargainingProblem]
    solutions: Mapping[str, Mapping[str, BargainingSolution]]

    def settles(self, channel: str) -> np.ndarray:
        """Where some deal through ``channel`` beats the standoff for both sides."""
        return np.asarray(self.solutions[channel]["nash"].agreement)

    @property
    def secret_only(self) -> np.ndarray:
        """Where the back channel settles the crisis and the public channel cannot."""
        return self.settles("back channel") & ~self.settles("public")

    @property
    def public_only(self) -> np.ndarray:
        """Where the public channel settles the crisis and the back channel cannot."""
        return self.settles("public") & ~self.settles("back channel")

    def table(self, index: tuple[int, ...] = ()) -> str:
        """The solutions through each channel at one parameter point, as text."""
        parts = []
        for channel in (*CHANNELS, "either"):
            sols = list(self.solutions[channel].values())
            d = self.problems[channel].disagreement
            d = np.broadcast_to(d, (*self.problems[channel].shape, 2))[index]
            head = f"{channel} ({'all twelve packages' if channel == 'either' else 'six packages'})"
            dd = ", ".join(f"{float(v):.4g}" for v in d)
            table = solutions_table(sols, index, labels=list(self.solutions[channel]), digits=4)
            parts += [f"{head}; disagreement point ({dd})", table, ""]
        return "\n".join(parts).rstrip()


def analyse_settlement(*, exact: bool = False, **params: Any) -> SettlementAnalysis:
    """Solve the settlement through each channel with every method, vectorised.

    Examples
    --------
    >>> import numpy as np
    >>> a = analyse_settlement(hazard=np.array([0.05, 0.1, 0.15]))
    >>> a.settles("back channel").tolist(), a.settles("public").tolist()
    ([False, True, True], [False, False, True])
    >>> a.secret_only.tolist()
    [False, True, False]
    """
    resolved = SCENARIO.resolve(**params)
    p = as_exact(resolved) if exact else resolved
    problems = {c: _problem(p, c) for c in (*CHANNELS, "either")}
    solutions = {}
    for c, prob in problems.items():
        # through "either", the delay is each package's own; the strategic model's round is
        # the back channel's (the faster, which both would use)
        solutions[c] = _solve_all(prob, p, "back channel" if c == "either" else c)
    return SettlementAnalysis(problems, solutions)


def _settles(p: Mapping[str, Any], channel: str) -> np.ndarray:
    return np.asarray(_problem(p, channel).agreement_possible, dtype=bool)


def hazard_threshold(channel: str = "back channel", *, iterations: int = 60, **params: Any) -> Any:
    """The smallest daily hazard at which a channel settles the crisis, vectorised.

    Below the threshold no deal through ``channel`` beats the standoff for both sides; above
    it one does.  A scan of 64 hazards in ``[0, 0.999]`` finds the first that settles, then
    ``iterations`` bisection steps between it and the one before; the other parameters
    (scalars or arrays) are fixed.  ``0`` if the channel settles even without a hazard,
    ``nan`` if it does not settle below 0.999.  (At a hazard of 1 everything is war and
    nothing settles; below it, settling is monotone in the hazard where the closed form of
    the module docstring applies, and the tests check the bisection against it.)

    Examples
    --------
    >>> round(float(hazard_threshold("back channel")), 6)  # 1 - (127/200)^(1/6)
    0.072895
    >>> round(float(hazard_threshold("public")), 6)  # 1 - (13/20)^(1/3)
    0.133761
    """
    if "hazard" in params:
        from crisisgames.errors import InvalidParameterError

        raise InvalidParameterError("hazard_threshold solves for the hazard; do not pass one")
    resolved = SCENARIO.resolve(**params)
    shape = np.broadcast_shapes(*(np.shape(v) for v in resolved.values()))
    # a coarse scan first (settling need not hold up to a hazard of 1: at 1 everything is
    # war, and near it the gains vanish below the float tolerance), then bisection
    grid = np.linspace(0.0, 0.999, 64)
    scan = {k: np.asarray(v)[..., None] for k, v in resolved.items()}
    ok = _settles({**scan, "hazard": grid}, channel)
    ok = np.broadcast_to(ok, (*shape, grid.size))
    found = ok.any(axis=-1)
    first = np.argmax(ok, axis=-1)
    hi = grid[first]
    lo = grid[np.maximum(first - 1, 0)]
    for _ in range(iterations):
        mid = 0.5 * (lo + hi)
        inside = _settles({**resolved, "hazard": mid}, channel)
        lo, hi = np.where(inside, lo, mid), np.where(inside, mid, hi)
    out = np.where(found, np.where(first == 0, 0.0, hi), np.nan)
    return float(out) if out.ndim == 0 else out


def channel_regions(leak: Any, hazard: Any, **params: Any) -> np.ndarray:
    """``(len(hazard), len(leak))`` codes: 0 no channel settles, 1 only the back channel,
    2 only the public channel, 3 both (the labels of
    :data:`crisisgames.plot.bargaining.REGION_LABELS`).  Array operations over the grid.

    Examples
    --------
    >>> channel_regions([0.1], [0.05, 0.1, 0.2]).ravel().tolist()
    [0, 1, 3]
    """
    h, lk = np.meshgrid(
        np.asarray(hazard, dtype=float), np.asarray(leak, dtype=float), indexing="ij"
    )
    resolved = SCENARIO.resolve(leak=lk, hazard=h, **params)
    back = _settles(resolved, "back channel")
    public = _settles(resolved, "public")
    return back.astype(int) + 2 * public.astype(int)


# ---------------------------------------------------------------------------- scenario
def build(**p: Any) -> BargainingProblem:
    """The problem through either channel (twelve packages) at one point, exact."""
    return _problem(as_exact(p))


def build_batch(**arrays: Any) -> BargainingProblem:
    """A batch of problems (one per parameter point), float, without a Python loop."""
    return _problem(arrays)


def analysis(**p: Any) -> str:
    """The solutions through each channel, with their packages, at one parameter point."""
    a = analyse_settlement(exact=True, **p)
    status = {c: "settles" if bool(a.settles(c)) else "cannot settle" for c in CHANNELS}
    lines = [
        f"public channel: {status['public']}; back channel: {status['back channel']}",
        "",
        a.table(),
    ]
    return "\n".join(lines)


def figures(directory: Path) -> list[Path]:
    """Where a secret trade settles and a public one cannot, over leak x hazard: at the
    defaults, and with a public trade that would split NATO (alliance cost 1)."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    from crisisgames.plot.bargaining import plot_channel_regions

    leak = np.linspace(0, 1, 101)
    hazard = np.linspace(0, 0.25, 201)
    fig, axes = plt.subplots(1, 2, figsize=(11, 4.5), sharey=True)
    for k, (ax, cost) in enumerate(zip(axes, (None, 1.0), strict=True)):
        extra = {} if cost is None else {"alliance_cost": cost}
        curves = {
            f"{c} settles above": hazard_threshold(c, leak=leak, iterations=30, **extra)
            for c in CHANNELS
        }
        codes = channel_regions(leak, hazard, **extra)
        plot_channel_regions(leak, hazard, codes, ax=ax, thresholds=curves, legend=k == 0)
        ax.set_title("defaults" if cost is None else f"alliance cost {cost}")
    fig.suptitle("settlement: where each channel settles (other parameters at their defaults)")
    fig.tight_layout()
    path = Path(directory) / "settlement_channels.png"
    fig.savefig(path, dpi=110, bbox_inches="tight")
    plt.close(fig)
    return [path]


SCENARIO = register(
    Scenario(
        name="settlement",
        title="Bargaining over the settlement: a secret or a public missile trade",
        summary=(
            "The US and the USSR bargain over packages of the settlement's terms (withdrawal "
            "and no reintroduction; the pledge; the Jupiters out of Turkey, or Turkey and "
            "Italy) in public or through the back channel. A public concession costs its "
            "leader an audience cost (Fearon) and the US an alliance cost; a secret one only "
            "if it leaks, but a secret promise is discounted (Kurizaki); the back channel is "
            "faster, so less war risk accrues before a deal. No deal is a standoff under a "
            "daily war hazard. Nash, Kalai-Smorodinsky, egalitarian, utilitarian and "
            "alternating-offers solutions say which package, or lottery over two, would "
            "settle it. This library's own model (MODELS.md §7)."
        ),
        parameters=PARAMETERS,
        builder=build,
        batch_builder=build_batch,
        references=(
            "MODELS.md §7 (secret versus public concessions) and 'The seed' (terms, channels)",
            "Fearon, J. D. (1994). Domestic political audiences and the escalation of "
            "international disputes. APSR 88(3).",
            "Kurizaki, S. (2007). Efficient secrecy: public versus private threats in crisis "
            "diplomacy. APSR 101(3).",
            "Nash, J. (1950). The bargaining problem. Econometrica 18(2).",
            "Kalai, E. & Smorodinsky, M. (1975). Other solutions to Nash's bargaining "
            "problem. Econometrica 43(3).",
            "Rubinstein, A. (1982). Perfect equilibrium in a bargaining model. Econometrica 50(1).",
            "Binmore, K., Rubinstein, A. & Wolinsky, A. (1986). The Nash bargaining solution in "
            "economic modelling. RAND Journal of Economics 17(2).",
        ),
        kind="bargaining",
        analysis=analysis,
        figures=figures,
    )
)
