r"""Dynamic chicken: the thirteen days as a war of attrition under a hazard of war (MODELS.md §4).

Dixit, McAdams & Skeath (2019), "'We haven't got but one more day': the Cuban missile
crisis as a dynamic chicken game", argue that both sides lost control of the risk: while
neither conceded, an uncontrolled hazard of war ran each day.  Their own specification was
not available to us, so this module implements the standard model the brief names as the
fallback: a discrete-time war of attrition with a daily hazard, solved for the mixed
equilibrium in which each side's daily concession probability keeps the other indifferent
between conceding today and waiting one more day.  Private resolve enters as a probability
that a side is *resolute* (a committed type that never concedes).

The model
---------
Days ``t = 1, ..., T``.  At the start of a day on which neither side has conceded, the two
sides simultaneously concede or stand firm.  Side ``i`` gets ``W_i`` if the other concedes
alone, ``C_i`` if it concedes (alone or on the same day as the other: a simultaneous
concession is a settlement worth each side its conceding payoff), and ``D_i`` if war breaks
out, with ``W_i > C_i > D_i``.  If neither concedes, war breaks out that day with
probability ``h_t`` (the hazard); otherwise the standoff goes on.  If it outlasts day
``T``, the *deadline* ends it: in war (default) or in a settlement worth ``C_i`` to each.
Each side is resolute with prior probability ``r_i``.

Derivation of the equilibrium
-----------------------------
Let ``x_j(t)`` be the probability that side ``j`` concedes on day ``t`` given that the
standoff reached it (resolute types included, so ``x_j = (1 - rho_j) y_j`` with ``y_j`` the
normal type's concession probability and ``rho_j`` the posterior that ``j`` is resolute).
A normal type of side ``i`` gets ``C_i`` by conceding today.  Waiting one more day gets

.. math:: x_j W_i + (1 - x_j)\,[h_t D_i + (1 - h_t) V_i(t + 1)],

where ``V_i(t + 1)`` is its value tomorrow.  In the equilibrium where it mixes every day it
is indifferent every day, so ``V_i(t + 1) = C_i`` (conceding tomorrow is a best reply), and
at the deadline ``V_i(T + 1) = D_i`` (war) or ``C_i`` (settlement).  Indifference,
``C_i = x_j W_i + (1 - x_j)[h_t D_i + (1 - h_t) V_i(t + 1)]``, gives

.. math:: \frac{x_j}{1 - x_j} = \frac{C_i - h_t D_i - (1 - h_t) V_i(t+1)}{W_i - C_i},
   \qquad x_j(t) = \frac{h_t \kappa_i}{1 + h_t \kappa_i},
   \qquad \kappa_i = \frac{C_i - D_i}{W_i - C_i},

for every day before the deadline; on the last day with a war deadline the numerator is
``C_i - D_i`` (as if ``h_T = 1``): ``x_j(T) = (C_i - D_i) / (W_i - D_i)``.  Three
consequences:

* a side's concession probability is pinned by the *other* side's payoffs: the more the
  other fears war relative to the stakes (``kappa``), the faster *this* side must concede
  to keep it in the standoff;
* on a day without hazard nobody concedes; each normal type's equilibrium value is its
  conceding payoff ``C_i`` (the rents are dissipated in risk);
* resolve does not change the outcome probabilities: ``x_j`` is fixed by ``i``'s
  indifference whatever ``r_j``.  It changes who concedes (the normal types concede more
  often, ``y_j = x_j / (1 - rho_j)``) and the posterior, ``rho_j(t) = r_j / X_j(t - 1)``
  with ``X_j(t) = prod_{s <= t} (1 - x_j(s))``.  The equilibrium exists in this form only
  while the normal types are not exhausted: ``X_j(T) >= r_j`` (flag :attr:`feasible`).

Outcome probabilities follow by recursion: with ``R(t)`` the probability that neither has
conceded and no war has broken out by the end of day ``t`` (``R(0) = 1``), day ``t`` ends
in a joint concession with probability ``R(t-1) x_1 x_2``, a concession by ``i`` alone with
``R(t-1) x_i (1 - x_j)``, war with ``R(t-1) (1 - x_1)(1 - x_2) h_t``, and
``R(t) = R(t-1)(1 - x_1)(1 - x_2)(1 - h_t)``.  These four cumulative probabilities and
``R(t)`` sum to one every day.

This is the equilibrium in which both sides keep mixing; the game also has pure equilibria
(one side concedes on the first day with any hazard, the other never), not computed here.

Calibration
-----------
With :data:`DEFAULT_HAZARD` (an assumption) and the §3 payoffs, the probability of war is
about 0.20 with a war deadline and 0.15 without one.  Scaling the hazard up barely moves
it: concessions speed up in step (the war-of-attrition logic).  The paper's headline "as
high as 60%" needs war to cost little relative to the stakes: with symmetric payoffs and
the war deadline, ``P(war) >= 0.6`` once ``kappa <= 0.30`` (e.g. win 1, concede 0,
war -1/4 gives 0.647).  Without a war deadline it can never exceed the chance that the
hazard strikes at all, ``1 - prod(1 - h_t)`` (0.227 for the default path).  With §3's
hard-line share ``p = 1/3`` as ``ussr_resolute`` the equilibrium is not feasible: the
Soviet normal types would have to concede more than their share (``X_USSR(T) = 0.166``).

Examples
--------
One day, war at the deadline, the §3 payoffs (US: win 1, concede -2, war -10; USSR: win 2,
concede -4, war -8): the USSR concedes with ``(C - D)/(W - D) = 8/11`` (set by the US's
payoffs), the US with ``4/10 = 2/5``; war follows when neither does,
``(3/11)(3/5) = 9/55``:

>>> from fractions import Fraction as F
>>> eq = dynamic_chicken(hazard=[F(1, 10)])
>>> eq.concede[:, 0].tolist()
[Fraction(2, 5), Fraction(8, 11)]
>>> eq.p_war
Fraction(9, 55)
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from fractions import Fraction
from types import MappingProxyType
from typing import Any, Literal

import numpy as np

from crisisgames.errors import InvalidGameError, InvalidPayoffError, ShapeError
from crisisgames.games._arith import Args, coerce, finish, where

__all__ = [
    "DEFAULT_HAZARD",
    "DEFAULT_PAYOFFS",
    "HAZARD_NOTES",
    "PLAYERS",
    "SOURCE",
    "THIRTEEN_DAYS",
    "DynamicChickenEquilibrium",
    "dynamic_chicken",
]

SOURCE = (
    "Dixit, McAdams & Skeath (2019), 'We haven't got but one more day': the Cuban missile "
    "crisis as a dynamic chicken game (SSRN 3406265).  Their specification was not read; "
    "this is the standard discrete war of attrition with a daily hazard (our formulation)."
)

PLAYERS = ("US", "USSR")

THIRTEEN_DAYS: tuple[str, ...] = tuple(f"1962-10-{d}" for d in range(16, 29))
"""The thirteen days, 16 to 28 October 1962 (Kennedy is shown the photographs on the 16th;
Khrushchev announces the withdrawal on the 28th)."""

# Why these numbers: an ASSUMPTION of ours, not the paper's.  The ordering follows the
# standard narrative (e.g. Allison & Zelikow, Essence of Decision, 2nd ed. 1999; Dobbs,
# One Minute to Midnight, 2008: recon, not read in print here); the magnitudes are
# illustrative.  Zero while the crisis was secret (no forces in contact, nothing to lose
# control of), rising with the quarantine, peaking on "Black Saturday".
_HAZARD_TABLE: tuple[tuple[str, Fraction, str], ...] = (
    ("1962-10-16", Fraction(0), "Kennedy shown the U-2 photographs; ExComm meets in secret"),
    ("1962-10-17", Fraction(0), "more sites identified; deliberation still secret"),
    ("1962-10-18", Fraction(0), "Gromyko meets Kennedy; neither side shows its hand"),
    ("1962-10-19", Fraction(0), "Kennedy meets the Joint Chiefs; still secret"),
    ("1962-10-20", Fraction(0), "Kennedy chooses the quarantine; still secret"),
    ("1962-10-21", Fraction(0), "final decision; still secret"),
    ("1962-10-22", Fraction(1, 100), "Kennedy's address; US forces to DEFCON 3"),
    ("1962-10-23", Fraction(1, 100), "quarantine proclaimed; OAS support; ships approach"),
    ("1962-10-24", Fraction(3, 100), "quarantine in force; SAC at DEFCON 2; ships at the line"),
    ("1962-10-25", Fraction(2, 100), "ships turn back; Stevenson and Zorin at the UN"),
    ("1962-10-26", Fraction(3, 100), "Marucla boarded; invasion readied; first letter"),
    ("1962-10-27", Fraction(10, 100), "'Black Saturday': U-2 shot down, U-2 over USSR, B-59"),
    ("1962-10-28", Fraction(5, 100), "Khrushchev's withdrawal broadcast (if none had conceded)"),
)

DEFAULT_HAZARD: tuple[Fraction, ...] = tuple(h for _, h, _ in _HAZARD_TABLE)
"""Daily hazard of war while neither side concedes, 16-28 October 1962: an ASSUMPTION
(the ordering follows the narrative, the magnitudes are ours; see :data:`HAZARD_NOTES`)."""

HAZARD_NOTES: tuple[str, ...] = tuple(f"{d}: {h} ({note})" for d, h, note in _HAZARD_TABLE)
"""One line a day: the date, the assumed hazard, and the events it stands for (recon)."""

DEFAULT_PAYOFFS: Mapping[str, int] = MappingProxyType(
    {
        "us_win": 1,
        "us_concede": -2,
        "us_war": -10,
        "ussr_win": 2,
        "ussr_concede": -4,
        "ussr_war": -8,
    }
)
"""The §3 brinkmanship table read as chicken payoffs (recon, as there): the US wins if the
missiles go (1), concedes if they stay (-2), war -10; the (soft-line) USSR wins if they
stay (2), concedes by withdrawing (-4), war -8.  The §3 hard-line type prefers war (-4) to
withdrawing (-8): it is this model's resolute type, so ``ussr_resolute`` plays §3's ``p``."""

_SIDES = ("us", "ussr")


@dataclass(frozen=True)
class DynamicChickenEquilibrium:
    """The mixed equilibrium of the dynamic chicken game, day by day.

    Arrays have the parameters' broadcast shape ``S`` in front; the last axis is the day
    (length ``T``) and, where there is one, the axis before it the side (US, USSR).
    Entries are Fractions (object arrays) for exact inputs, floats otherwise; where
    :attr:`feasible` is false they are ``None``/NaN.

    Attributes
    ----------
    players, days
        Labels of the sides and of the days.
    hazard
        ``(S, T)``: the daily hazard of war.
    concede
        ``(S, 2, T)``: the probability that each side concedes on day ``t`` given that the
        standoff reached day ``t`` (resolute types included).
    normal_concede
        ``(S, 2, T)``: the same for the side's normal (non-resolute) type.
    resolute_posterior
        ``(S, 2, T)``: the belief, at the start of day ``t``, that the side is resolute.
    p_war_by_day
        ``(S, T)``: probability that war has broken out (from the hazard) by the end of day
        ``t``.
    p_concede_by_day
        ``(S, 2, T)``: probability that the side has conceded alone by the end of day ``t``.
    p_both_by_day
        ``(S, T)``: probability of a simultaneous concession by the end of day ``t``.
    p_standing
        ``(S, T)``: probability that the standoff is still on at the end of day ``t``.
    p_deadline
        ``S``: probability that the standoff outlasts the horizon.
    deadline
        ``"war"`` or ``"settle"``: how the deadline ends it.
    p_war
        ``S``: total probability of war, the deadline's included when it is war.
    feasible
        ``S``: whether the equilibrium exists in this form (normal types not exhausted).
    """

    players: tuple[str, str]
    days: tuple[str, ...]
    hazard: Any
    concede: Any
    normal_concede: Any
    resolute_posterior: Any
    p_war_by_day: Any
    p_concede_by_day: Any
    p_both_by_day: Any
    p_standing: Any
    p_deadline: Any
    deadline: str
    p_war: Any
    feasible: Any

    def side(self, player: str) -> int:
        """The index of a side on the side axis (``"US"`` -> 0, ``"USSR"`` -> 1)."""
        try:
            return self.players.index(player)
        except ValueError:
            from crisisgames.errors import UnknownLabelError

            raise UnknownLabelError(
                f"unknown side {player!r}; the sides are {list(self.players)}"
            ) from None

    def table(self) -> str:
        """A day-by-day table (a single parameter point only).

        Examples
        --------
        >>> from fractions import Fraction as F
        >>> print(dynamic_chicken(hazard=[F(1, 10)]).table())
        day     hazard  US concedes  USSR concedes  P(war)  P(US conc.)  P(USSR conc.)  P(both)  P(standing)
        day 1   0.1     0.4          0.727          0.0164  0.109        0.436          0.291    0.147
        deadline (war): P = 0.147; total P(war) = 0.164
        """
        if np.ndim(self.p_war) != 0:
            raise ShapeError("table() shows one parameter point; index the arrays instead")
        head = [
            "day",
            "hazard",
            f"{self.players[0]} concedes",
            f"{self.players[1]} concedes",
            "P(war)",
            f"P({self.players[0]} conc.)",
            f"P({self.players[1]} conc.)",
            "P(both)",
            "P(standing)",
        ]
        rows = [head]
        for t, day in enumerate(self.days):
            vals = [
                self.hazard[t],
                self.concede[0, t],
                self.concede[1, t],
                self.p_war_by_day[t],
                self.p_concede_by_day[0, t],
                self.p_concede_by_day[1, t],
                self.p_both_by_day[t],
                self.p_standing[t],
            ]
            rows.append([day, *(_g(v) for v in vals)])
        widths = [max(len(r[k]) for r in rows) for k in range(len(head))]
        lines = [
            "  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)).rstrip() for r in rows
        ]
        lines.append(
            f"deadline ({self.deadline}): P = {_g(self.p_deadline)}; "
            f"total P(war) = {_g(self.p_war)}"
        )
        return "\n".join(lines)


def _g(v: Any) -> str:
    return "n/a" if v is None else f"{float(v):.3g}"


def _day_labels(days: Sequence[str] | None, n: int) -> tuple[str, ...]:
    if days is None:
        return THIRTEEN_DAYS if n == len(THIRTEEN_DAYS) else tuple(f"day {t + 1}" for t in range(n))
    out = tuple(days)
    if len(out) != n or not all(isinstance(d, str) and d for d in out):
        raise ShapeError(f"days: expected {n} non-empty labels, one a day, got {out!r}")
    return out


def _coerce_all(payoffs: dict[str, Any], resolve: dict[str, Any], hazard: Any) -> tuple[Args, Args]:
    a = coerce(payoffs, resolve, open_top=tuple(resolve))
    h = coerce({}, {"hazard": hazard})
    if a.exact != h.exact:  # one float input makes the whole computation float
        a = coerce(payoffs, resolve, open_top=tuple(resolve), exact=False)
        h = coerce({}, {"hazard": hazard}, exact=False)
    return a, h


def dynamic_chicken(
    *,
    hazard: Any = DEFAULT_HAZARD,
    us_win: Any = 1,
    us_concede: Any = -2,
    us_war: Any = -10,
    ussr_win: Any = 2,
    ussr_concede: Any = -4,
    ussr_war: Any = -8,
    us_resolute: Any = 0,
    ussr_resolute: Any = 0,
    deadline: Literal["war", "settle"] = "war",
    days: Sequence[str] | None = None,
) -> DynamicChickenEquilibrium:
    """Solve the dynamic chicken game for its mixed (war-of-attrition) equilibrium.

    Parameters
    ----------
    hazard
        Daily hazard of war while neither side concedes, shape ``(..., T)``, each in
        ``[0, 1]``.  Default: :data:`DEFAULT_HAZARD`, the thirteen days (an assumption).
    us_win, us_concede, us_war, ussr_win, ussr_concede, ussr_war
        Each side's payoffs (``win > concede > war``); arrays broadcast against each other
        and against ``hazard``'s leading axes.  Defaults: :data:`DEFAULT_PAYOFFS`.
    us_resolute, ussr_resolute
        Prior probability that the side is resolute (never concedes), in ``[0, 1)``.
    deadline
        What ends a standoff that outlasts day ``T``: ``"war"`` (default; the "one more
        day" of the title) or ``"settle"`` (each side gets its conceding payoff).
    days
        Labels of the days (default: the dates for a 13-day horizon, else ``"day k"``).

    Returns
    -------
    DynamicChickenEquilibrium

    Raises
    ------
    InvalidGameError
        A hazard outside ``[0, 1]`` or NaN, a resolve probability outside ``[0, 1)``, an
        unknown deadline.
    InvalidPayoffError
        Payoffs that are not finite numbers or break ``win > concede > war``.
    ShapeError
        A hazard without a day axis, or shapes that do not broadcast.

    Examples
    --------
    Two days with hazards ``1/10`` then ``1/5`` and the deadline after day 2.  Day 1 rates:
    ``x_USSR = h kappa_US / (1 + h kappa_US)`` with ``kappa_US = 8/3``: ``(4/15)/(19/15) =
    4/19``; ``x_US = (1/15)/(16/15) = 1/16`` (``kappa_USSR = 2/3``).  Day 2 is the
    deadline day: ``8/11`` and ``2/5`` as with one day.

    >>> from fractions import Fraction as F
    >>> eq = dynamic_chicken(hazard=[F(1, 10), F(1, 5)])
    >>> eq.concede.tolist()
    [[Fraction(1, 16), Fraction(2, 5)], [Fraction(4, 19), Fraction(8, 11)]]
    >>> eq.p_war_by_day.tolist(), eq.p_war  # 45/608 = (15/16)(15/19)(1/10); deadline 729/8360
    ([Fraction(45, 608), Fraction(801, 8360)], Fraction(153, 836))

    Floats and arrays sweep in one call (no loop over parameter points):

    >>> eq = dynamic_chicken(us_war=np.array([-10.0, -4.0]))
    >>> eq.p_war.shape, eq.concede.shape  # a war less costly to the US: the USSR concedes
    ((2,), (2, 2, 13))
    >>> bool(eq.p_war[0] < eq.p_war[1])  # more slowly, and war is likelier
    True
    """
    if deadline not in ("war", "settle"):
        raise InvalidGameError(f"deadline must be 'war' or 'settle', got {deadline!r}")
    payoffs = {
        "us_win": us_win,
        "us_concede": us_concede,
        "us_war": us_war,
        "ussr_win": ussr_win,
        "ussr_concede": ussr_concede,
        "ussr_war": ussr_war,
    }
    resolve = {"us_resolute": us_resolute, "ussr_resolute": ussr_resolute}
    args, hz = _coerce_all(payoffs, resolve, hazard)
    h = hz["hazard"]
    if h.ndim == 0 or h.shape[-1] == 0:
        raise ShapeError("hazard needs a day axis (its last) with at least one day")
    for side in _SIDES:
        win, conc, war = (args[f"{side}_{k}"] for k in ("win", "concede", "war"))
        ok = np.asarray((win > conc) & (conc > war), dtype=bool)
        if not ok.all():
            idx = tuple(int(i) for i in np.argwhere(~ok)[0]) if ok.ndim else ()
            vals = [v[idx] if v.ndim else v[()] for v in (win, conc, war)]
            raise InvalidPayoffError(
                f"{side} payoffs must satisfy win > concede > war; got win {vals[0]}, "
                f"concede {vals[1]}, war {vals[2]}" + (f" at index {idx}" if idx else "")
            )
    try:
        np.broadcast_shapes(args.shape, h.shape[:-1])
    except ValueError as exc:
        raise ShapeError(
            f"parameters of shape {args.shape} do not broadcast against the hazard's leading "
            f"axes {h.shape[:-1]} (the hazard's last axis is the day)"
        ) from exc
    n_days = h.shape[-1]
    labels = _day_labels(days, n_days)
    exact = args.exact
    one: Any = args.const(1)
    zero: Any = args.const(0)

    # kappa_i = (C_i - D_i) / (W_i - C_i); a trailing axis broadcasts against the days.
    dtype: Any = object if exact else np.float64

    def kappa_of(s: str) -> np.ndarray:
        cost = args[f"{s}_concede"] - args[f"{s}_war"]
        stake = args[f"{s}_win"] - args[f"{s}_concede"]
        return np.asarray(cost / stake, dtype=dtype)[..., None]

    kappa = {s: kappa_of(s) for s in _SIDES}
    # The war deadline makes the last day's numerator C - D: as if its hazard were 1.
    h_rate = h.copy()
    if deadline == "war":
        h_rate[..., -1] = one

    # Each side's concession rate keeps the *other* side indifferent.
    x_us = h_rate * kappa["ussr"] / (1 + h_rate * kappa["ussr"])
    x_ussr = h_rate * kappa["us"] / (1 + h_rate * kappa["us"])
    x_us, x_ussr = np.broadcast_arrays(x_us, x_ussr)
    h_full = np.broadcast_to(h, x_us.shape)

    # Day-by-day accounting; R(t-1), the probability of reaching day t, by cumulative product.
    go_on = (1 - x_us) * (1 - x_ussr) * (1 - h_full)
    reach = np.concatenate([np.ones_like(go_on[..., :1]) * one, np.cumprod(go_on, axis=-1)], -1)
    before, standing = reach[..., :-1], reach[..., 1:]
    war_day = before * (1 - x_us) * (1 - x_ussr) * h_full
    us_day = before * x_us * (1 - x_ussr)
    ussr_day = before * x_ussr * (1 - x_us)
    both_day = before * x_us * x_ussr

    # Resolve: posterior rho(t) = r / X(t-1); feasible iff X(T) >= r.
    concede = np.stack([x_us, x_ussr], axis=-2)
    survive = np.cumprod(1 - concede, axis=-1)  # X(t)
    survive_before = np.concatenate([np.ones_like(survive[..., :1]) * one, survive[..., :-1]], -1)
    r = np.stack(np.broadcast_arrays(args["us_resolute"], args["ussr_resolute"]), axis=-1)
    r = r[..., None]
    posterior = r / survive_before
    feasible = np.asarray(np.all(survive[..., -1:] >= r, axis=(-2, -1)), dtype=bool)
    normal = posterior < 1
    normal_concede = concede / where(normal, 1 - posterior, one)
    normal_concede = where(normal, normal_concede, zero)

    p_war_by_day = np.cumsum(war_day, axis=-1)
    p_deadline = standing[..., -1]
    p_war = p_war_by_day[..., -1] + (p_deadline if deadline == "war" else 0 * p_deadline)

    shape = np.broadcast_shapes(feasible.shape, x_us.shape[:-1])
    feasible = np.broadcast_to(feasible, shape)
    blank: Any = None if exact else np.nan

    def out(x: Any, trailing: int) -> Any:
        x = np.broadcast_to(x, shape + np.shape(x)[np.ndim(x) - trailing :])
        mask = feasible.reshape(shape + (1,) * trailing)
        res = finish(where(mask, x, blank), args)
        return res

    scalar = args.scalar and h.ndim == 1
    view = Args(args.arrays, exact, scalar, shape)
    return DynamicChickenEquilibrium(
        players=PLAYERS,
        days=labels,
        hazard=finish(h_full, view),
        concede=out(concede, 2),
        normal_concede=out(normal_concede, 2),
        resolute_posterior=out(posterior, 2),
        p_war_by_day=out(p_war_by_day, 1),
        p_concede_by_day=out(np.stack([np.cumsum(us_day, -1), np.cumsum(ussr_day, -1)], -2), 2),
        p_both_by_day=out(np.cumsum(both_day, axis=-1), 1),
        p_standing=out(standing, 1),
        p_deadline=finish(where(feasible, p_deadline, blank), view),
        deadline=deadline,
        p_war=finish(where(feasible, p_war, blank), view),
        feasible=finish(feasible, view, kind="bool"),
    )
