"""Zagare & Kilgour's asymmetric escalation game (MODELS.md §6), with its type orderings.

The Challenger (the USSR: placing the missiles is *initiating*) cooperates, leaving the
status quo (SQ), or initiates (D).  The Defender (the US) then concedes (DC), responds in
kind (D, the blockade) or escalates (E, an air strike or invasion).  After a response in
kind the Challenger backs off (DD) or escalates, and the Defender then backs off (ED) or
counter-escalates (EE).  After the Defender's escalation the Challenger backs off (DE) or
counter-escalates (EE).  Outcomes SQ, DC, DD, DE, ED, EE.

The orderings the model assumes (Zagare & Kilgour, *Perfect Deterrence*, 2000; Zagare,
*Economies* 2014):

* Challenger: c_EE(soft) < c_DE < c_EE(hard) < c_DD < c_ED < c_SQ < c_DC;
* Defender: d_EE(soft) < d_ED < d_EE(hard) < d_DD(soft) < d_DC < d_DD(hard) < d_DE < d_SQ.

A *hard* Challenger prefers EE to DE.  The Defender is *strategically* hard when it prefers
EE to ED (its EE utility) and *tactically* hard when it prefers DD to DC (its DD utility).
Defender types are written ``XY``: tactical type X, strategic type Y (``"HS"`` is tactically
hard, strategically soft), as in the probabilities p_XY.

Numeric utilities are :class:`EscalationUtilities`, checked against both orderings when
made: a value that breaks one raises :class:`~crisisgames.errors.InvalidPayoffError` naming
the inequality, before any tree is built.  The defaults are equally spaced ranks (1 for the
worst outcome of the ordering, 7 or 8 for the best) -- an assumption of this library: the
model fixes only the orderings.

Examples
--------
>>> u = EscalationUtilities()
>>> u.challenger("hard")["EE"], u.defender("SH")["DD"]
(Fraction(3, 1), Fraction(4, 1))
>>> [row.outcomes for row in complete_information_solutions(u)][:2]
[('SQ',), ('DC',)]
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field, fields
from fractions import Fraction
from typing import Any

from crisisgames.errors import InvalidParameterError, InvalidPayoffError
from crisisgames.games.extensive_form import GameTree, chance, decision, terminal
from crisisgames.solvers.backward_induction import backward_induction
from crisisgames.solvers.bayesian import perfect_bayesian_equilibria
from crisisgames.solvers.tree_results import (
    PerfectBayesianEquilibrium,
    PerfectBayesianSet,
    SubgamePerfectSet,
)

__all__ = [
    "CHALLENGER",
    "CHALLENGER_ORDER",
    "CHALLENGER_TYPES",
    "DEFENDER",
    "DEFENDER_ORDER",
    "DEFENDER_TYPES",
    "SYMBOLS",
    "CompleteInformationTable",
    "EscalationUtilities",
    "TypePairSolution",
    "complete_information_solutions",
    "complete_information_tree",
    "escalation_pbe",
    "escalation_tree",
    "outcome_of",
    "pbe_outcomes",
    "pbe_summary",
]

CHALLENGER, DEFENDER = "Challenger", "Defender"
CHALLENGER_TYPES = ("hard", "soft")
#: Tactical type first, strategic second: "HS" is tactically hard, strategically soft.
DEFENDER_TYPES = ("HH", "HS", "SH", "SS")

#: The utilities in each player's ordering, worst first (MODELS.md §6).
CHALLENGER_ORDER = ("c_ee_soft", "c_de", "c_ee_hard", "c_dd", "c_ed", "c_sq", "c_dc")
DEFENDER_ORDER = (
    "d_ee_soft",
    "d_ed",
    "d_ee_hard",
    "d_dd_soft",
    "d_dc",
    "d_dd_hard",
    "d_de",
    "d_sq",
)
#: How MODELS.md writes each utility (used in error messages and tables).
SYMBOLS = {
    "c_ee_soft": "c_EE(soft)",
    "c_de": "c_DE",
    "c_ee_hard": "c_EE(hard)",
    "c_dd": "c_DD",
    "c_ed": "c_ED",
    "c_sq": "c_SQ",
    "c_dc": "c_DC",
    "d_ee_soft": "d_EE(soft)",
    "d_ed": "d_ED",
    "d_ee_hard": "d_EE(hard)",
    "d_dd_soft": "d_DD(soft)",
    "d_dc": "d_DC",
    "d_dd_hard": "d_DD(hard)",
    "d_de": "d_DE",
    "d_sq": "d_SQ",
}

# Move labels, one tuple per decision point (in the order drawn in MODELS.md).
_C_ROOT = ("cooperate", "initiate")
_D_FIRST = ("concede", "respond in kind", "escalate")
_BACK, _ESC, _COUNTER = "back off", "escalate", "counter-escalate"


def _exact(name: str, value: Any) -> Fraction:
    """A utility as an exact rational (floats read as the decimals they print as, so 0.1
    is 1/10); non-numbers, booleans, NaN and infinities are errors."""
    if isinstance(value, bool):
        raise InvalidPayoffError(f"{SYMBOLS[name]} ({name}) = {value!r} is a boolean, not a number")
    try:
        if isinstance(value, float):
            if not math.isfinite(value):
                raise ValueError
            return Fraction(repr(value))
        return Fraction(value)
    except (TypeError, ValueError, ZeroDivisionError):
        raise InvalidPayoffError(
            f"{SYMBOLS[name]} ({name}) = {value!r} is not a finite number"
        ) from None


@dataclass(frozen=True)
class EscalationUtilities:
    """Numeric utilities of the asymmetric escalation game, checked against its orderings.

    Every field is one utility of MODELS.md §6 (``c_ee_soft`` is c_EE(soft), ``d_dd_hard``
    is d_DD(hard), ...).  The defaults are equally spaced ranks, worst = 1 (an assumption:
    the model fixes only the orderings).  Values are stored as Fractions.

    Raises
    ------
    InvalidPayoffError
        If a value is not a finite number, or breaks an ordering; the message names the
        violated inequality, e.g. ``c_DE < c_EE(hard)``.

    Examples
    --------
    >>> EscalationUtilities(c_dc=10).c_dc  # the best outcome may be worth more
    Fraction(10, 1)
    >>> EscalationUtilities(c_de=3)
    Traceback (most recent call last):
    ...
    crisisgames.errors.InvalidPayoffError: Challenger ordering violated: c_DE < c_EE(hard) \
fails (c_de = 3, c_ee_hard = 3); the model needs c_EE(soft) < c_DE < c_EE(hard) < c_DD < \
c_ED < c_SQ < c_DC
    """

    c_ee_soft: Any = 1
    c_de: Any = 2
    c_ee_hard: Any = 3
    c_dd: Any = 4
    c_ed: Any = 5
    c_sq: Any = 6
    c_dc: Any = 7
    d_ee_soft: Any = 1
    d_ed: Any = 2
    d_ee_hard: Any = 3
    d_dd_soft: Any = 4
    d_dc: Any = 5
    d_dd_hard: Any = 6
    d_de: Any = 7
    d_sq: Any = 8

    def __post_init__(self) -> None:
        for f in fields(self):
            object.__setattr__(self, f.name, _exact(f.name, getattr(self, f.name)))
        for who, order in ((CHALLENGER, CHALLENGER_ORDER), (DEFENDER, DEFENDER_ORDER)):
            for lo, hi in itertools.pairwise(order):
                a, b = getattr(self, lo), getattr(self, hi)
                if not a < b:
                    chain = " < ".join(SYMBOLS[n] for n in order)
                    raise InvalidPayoffError(
                        f"{who} ordering violated: {SYMBOLS[lo]} < {SYMBOLS[hi]} fails "
                        f"({lo} = {a}, {hi} = {b}); the model needs {chain}"
                    )

    @classmethod
    def from_mapping(cls, values: Mapping[str, Any]) -> EscalationUtilities:
        """Build from ``{field name: value}`` (other keys are ignored, e.g. probabilities)."""
        names = {f.name for f in fields(cls)}
        return cls(**{k: v for k, v in values.items() if k in names})

    def as_dict(self) -> dict[str, Fraction]:
        """``{field name: value}``, in the orderings' order (Challenger first)."""
        return {n: getattr(self, n) for n in CHALLENGER_ORDER + DEFENDER_ORDER}

    def challenger(self, kind: str) -> dict[str, Fraction]:
        """The Challenger's utility of each outcome when of type ``kind`` ("hard"/"soft")."""
        _check_type(kind, CHALLENGER_TYPES, "Challenger")
        ee = self.c_ee_hard if kind == "hard" else self.c_ee_soft
        return {
            "SQ": self.c_sq,
            "DC": self.c_dc,
            "DD": self.c_dd,
            "ED": self.c_ed,
            "DE": self.c_de,
            "EE": ee,
        }

    def defender(self, kind: str) -> dict[str, Fraction]:
        """The Defender's utility of each outcome when of type ``kind`` ("HH", "HS", ...)."""
        _check_type(kind, DEFENDER_TYPES, "Defender")
        dd = self.d_dd_hard if kind[0] == "H" else self.d_dd_soft
        ee = self.d_ee_hard if kind[1] == "H" else self.d_ee_soft
        return {
            "SQ": self.d_sq,
            "DC": self.d_dc,
            "DD": dd,
            "ED": self.d_ed,
            "DE": self.d_de,
            "EE": ee,
        }


def _check_type(kind: str, allowed: tuple[str, ...], who: str) -> None:
    if kind not in allowed:
        raise InvalidParameterError(f"unknown {who} type {kind!r}; the types are {list(allowed)}")


def outcome_of(label: str) -> str:
    """The outcome (SQ, DC, DD, ED, DE or EE) of a terminal's label.

    Examples
    --------
    >>> outcome_of("EE (after E) | Ch hard, Def HS")
    'EE'
    """
    return label.split()[0]


def _game(
    u: EscalationUtilities, ch: str, de: str, *, tag: str = "", infosets: bool = False
) -> Any:
    """The game tree of one type pair, as builder nodes.

    With ``infosets`` every decision node carries the label of its player's information
    set, which names only the mover's own type: nodes of the other side's types share it,
    so each side knows its own type and the history, not the other's type.
    """
    cu, du = u.challenger(ch), u.defender(de)

    def leaf(outcome: str, label: str) -> Any:
        return terminal({CHALLENGER: cu[outcome], DEFENDER: du[outcome]}, label=label + tag)

    c_set = (lambda where: f"Challenger {ch}: {where}") if infosets else (lambda where: None)
    d_set = (lambda where: f"Defender {de}: {where}") if infosets else (lambda where: None)
    after_dd = decision(
        CHALLENGER,
        {
            _BACK: leaf("DD", "DD"),
            _ESC: decision(
                DEFENDER,
                {_BACK: leaf("ED", "ED"), _COUNTER: leaf("EE", "EE (after D-D)")},
                infoset=d_set("after Challenger escalates"),
            ),
        },
        infoset=c_set("after D-D"),
    )
    after_e = decision(
        CHALLENGER,
        {_BACK: leaf("DE", "DE"), _COUNTER: leaf("EE", "EE (after E)")},
        infoset=c_set("after Defender escalates"),
    )
    return decision(
        CHALLENGER,
        {
            "cooperate": leaf("SQ", "SQ"),
            "initiate": decision(
                DEFENDER,
                {"concede": leaf("DC", "DC"), "respond in kind": after_dd, "escalate": after_e},
                infoset=d_set("after initiation"),
            ),
        },
        infoset=c_set("initiate?"),
    )


def complete_information_tree(
    challenger: str, defender: str, utilities: EscalationUtilities | None = None
) -> GameTree:
    """The perfect-information game of one type pair (each side knows the other's type).

    Parameters
    ----------
    challenger
        ``"hard"`` or ``"soft"``.
    defender
        ``"HH"``, ``"HS"``, ``"SH"`` or ``"SS"`` (tactical type, strategic type).
    utilities
        Defaults to :class:`EscalationUtilities` ``()``.

    Examples
    --------
    >>> t = complete_information_tree("soft", "SS")
    >>> t.num_nodes, t.is_perfect_information
    (12, True)
    """
    u = utilities if utilities is not None else EscalationUtilities()
    return GameTree(
        _game(u, challenger, defender),
        [CHALLENGER, DEFENDER],
        title=f"asymmetric escalation, Challenger {challenger}, Defender {defender}",
    )


@dataclass(frozen=True)
class TypePairSolution:
    """The subgame-perfect equilibria of one type pair under complete information.

    Attributes
    ----------
    challenger, defender
        The type pair.
    equilibria
        Every pure subgame-perfect equilibrium (:func:`backward_induction`).
    """

    challenger: str
    defender: str
    equilibria: SubgamePerfectSet = field(repr=False)

    @property
    def outcomes(self) -> tuple[str, ...]:
        """The distinct outcomes the equilibria reach, in order (one unless ties)."""
        seen: dict[str, None] = {}
        for e in self.equilibria:
            for p in e.plays:
                seen.setdefault(outcome_of(p.terminal), None)
        return tuple(seen)

    @property
    def has_ties(self) -> bool:
        """Whether some mover is indifferent somewhere (then several equilibria may exist)."""
        return bool(self.equilibria.tie_nodes)


@dataclass(frozen=True)
class CompleteInformationTable:
    """The complete-information solution for every type pair, as a labeled table."""

    rows: tuple[TypePairSolution, ...]

    def __iter__(self) -> Iterator[TypePairSolution]:
        return iter(self.rows)

    def __len__(self) -> int:
        return len(self.rows)

    def outcome(self, challenger: str, defender: str) -> tuple[str, ...]:
        """The outcomes of one type pair."""
        for r in self.rows:
            if (r.challenger, r.defender) == (challenger, defender):
                return r.outcomes
        raise InvalidParameterError(f"no type pair ({challenger!r}, {defender!r})")

    def table(self) -> str:
        """One line per type pair: outcome, equilibrium path, count of SPE and ties."""
        lines = [
            "Complete information (backward induction, all subgame-perfect equilibria):",
            f"  {'Challenger':<10} {'Defender':<22} {'outcome':<8} {'#SPE':<5} path",
        ]
        for r in self.rows:
            de = f"{r.defender} (tact {r.defender[0]}, strat {r.defender[1]})"
            paths = " | ".join(" > ".join(e.path) for e in r.equilibria)
            ties = f" (ties at {', '.join(r.equilibria.tie_nodes)})" if r.has_ties else ""
            lines.append(
                f"  {r.challenger:<10} {de:<22} {'/'.join(r.outcomes):<8} "
                f"{r.equilibria.count:<5} {paths}{ties}"
            )
        return "\n".join(lines)

    def __str__(self) -> str:
        return self.table()


def complete_information_solutions(
    utilities: EscalationUtilities | None = None,
) -> CompleteInformationTable:
    """Backward induction for each of the 2 x 4 type pairs (every SPE, ties reported).

    Examples
    --------
    >>> print(complete_information_solutions())  # doctest: +NORMALIZE_WHITESPACE
    Complete information (backward induction, all subgame-perfect equilibria):
      Challenger Defender               outcome  #SPE  path
      hard       HH (tact H, strat H)   SQ       1     cooperate
      hard       HS (tact H, strat S)   DC       1     initiate > concede
      hard       SH (tact S, strat H)   DC       1     initiate > concede
      hard       SS (tact S, strat S)   DC       1     initiate > concede
      soft       HH (tact H, strat H)   SQ       1     cooperate
      soft       HS (tact H, strat S)   SQ       1     cooperate
      soft       SH (tact S, strat H)   SQ       1     cooperate
      soft       SS (tact S, strat S)   SQ       1     cooperate
    """
    u = utilities if utilities is not None else EscalationUtilities()
    rows = []
    for ch in CHALLENGER_TYPES:
        for de in DEFENDER_TYPES:
            # Exact arithmetic: the utilities are Fractions, so ties are exact ties.
            res = backward_induction(complete_information_tree(ch, de, u), exact=True)
            rows.append(TypePairSolution(ch, de, res))
    return CompleteInformationTable(tuple(rows))


# ============================================================================ incomplete information


def _probabilities(
    p_challenger_hard: Any, p_defender: Mapping[str, Any] | None
) -> tuple[Fraction, dict[str, Fraction]]:
    """Validated exact type probabilities."""

    def prob(name: str, v: Any) -> Fraction:
        try:
            if isinstance(v, bool):
                raise TypeError
            x = Fraction(repr(v)) if isinstance(v, float) else Fraction(v)
        except (TypeError, ValueError, ZeroDivisionError):
            raise InvalidParameterError(f"{name} = {v!r} is not a number") from None
        if not 0 <= x <= 1:
            raise InvalidParameterError(f"{name} = {v!r} is outside [0, 1]")
        return x

    pc = prob("p_challenger_hard", p_challenger_hard)
    if p_defender is None:
        p_defender = dict.fromkeys(DEFENDER_TYPES, Fraction(1, 4))
    unknown = set(p_defender) - set(DEFENDER_TYPES)
    if unknown:
        raise InvalidParameterError(
            f"unknown Defender type(s) {sorted(unknown)}; the types are {list(DEFENDER_TYPES)}"
        )
    pd = {t: prob(f"p_{t.lower()}", p_defender.get(t, 0)) for t in DEFENDER_TYPES}
    total = sum(pd.values())
    if total != 1:
        raise InvalidParameterError(
            f"the Defender type probabilities p_hh + p_hs + p_sh + p_ss must sum to 1, got {total}"
        )
    return pc, pd


def escalation_tree(
    utilities: EscalationUtilities | None = None,
    p_challenger_hard: Any = Fraction(1, 2),
    p_defender: Mapping[str, Any] | None = None,
) -> GameTree:
    """The game under two-sided incomplete information.

    A chance node at the root draws the Challenger's type (hard with probability
    ``p_challenger_hard``) and, independently, the Defender's (``p_defender[XY]``); each
    side's information sets name only its own type, so it knows its type and the history
    but not the other's type.  Types of probability zero are left out of the tree, so
    ``p_challenger_hard=1`` gives the one-sided game in which only the Defender's type is
    private.

    Parameters
    ----------
    utilities
        Defaults to :class:`EscalationUtilities` ``()``.
    p_challenger_hard
        Probability that the Challenger is hard (default 1/2).
    p_defender
        ``{"HH": p_HH, "HS": p_HS, "SH": p_SH, "SS": p_SS}`` (missing types have
        probability 0; default 1/4 each).  Must sum to one.

    Raises
    ------
    InvalidParameterError
        A probability outside [0, 1], an unknown type, or Defender probabilities whose sum
        is not one.

    Examples
    --------
    >>> t = escalation_tree()
    >>> t.num_nodes, t.num_infosets
    (97, 14)
    >>> escalation_tree(p_challenger_hard=1, p_defender={"HH": "1/2", "SS": "1/2"}).num_nodes
    25
    """
    u = utilities if utilities is not None else EscalationUtilities()
    pc, pd = _probabilities(p_challenger_hard, p_defender)
    branches = {}
    for ch, q in zip(CHALLENGER_TYPES, (pc, 1 - pc), strict=True):
        for de in DEFENDER_TYPES:
            prob = q * pd[de]
            if prob == 0:
                continue
            key = f"Ch {ch}, Def {de}"
            branches[key] = (prob, _game(u, ch, de, tag=f" | {key}", infosets=True))
    return GameTree(
        chance(branches, label="types"),
        [CHALLENGER, DEFENDER],
        title="asymmetric escalation under incomplete information",
    )


def escalation_pbe(
    utilities: EscalationUtilities | None = None,
    p_challenger_hard: Any = Fraction(1, 2),
    p_defender: Mapping[str, Any] | None = None,
    **solver_options: Any,
) -> PerfectBayesianSet:
    """Perfect Bayesian equilibria of :func:`escalation_tree` (the generic pure search of
    :func:`~crisisgames.solvers.bayesian.perfect_bayesian_equilibria`, exact).

    The full two-sided model (97 nodes, 82 944 pure profiles) takes some seconds; the
    one-sided game with a known Challenger type is much faster.

    Examples
    --------
    A known hard Challenger facing a tactically and strategically hard Defender or a
    doubly soft one, half and half:

    >>> res = escalation_pbe(p_challenger_hard=1, p_defender={"HH": "1/2", "SS": "1/2"})
    >>> [sorted({o for d in pbe_outcomes(e).values() for o in d}) for e in res]
    [['SQ'], ['DC']]
    """
    tree = escalation_tree(utilities, p_challenger_hard, p_defender)
    solver_options.setdefault("exact", True)
    return perfect_bayesian_equilibria(tree, **solver_options)


def pbe_outcomes(eq: PerfectBayesianEquilibrium) -> dict[tuple[str, str], dict[str, Any]]:
    """``{(Challenger type, Defender type): {outcome: probability given the pair}}``."""
    reach: dict[tuple[str, str], dict[str, Any]] = {}
    mass: dict[tuple[str, str], Any] = {}
    for p in eq.plays:
        ch, de = p.moves[0].removeprefix("Ch ").split(", Def ")
        key = (ch, de)
        out = reach.setdefault(key, {})
        o = outcome_of(p.terminal)
        out[o] = out.get(o, 0) + p.probability
        mass[key] = mass.get(key, 0) + p.probability
    return {k: {o: x / mass[k] for o, x in v.items()} for k, v in reach.items()}


def _pattern_text(pattern: dict[tuple[str, str], dict[str, Any]]) -> str:
    return "; ".join(
        f"{ch}/{de}: " + ", ".join(o if x == 1 else f"{o} {x}" for o, x in d.items())
        for (ch, de), d in pattern.items()
    )


def pbe_summary(res: PerfectBayesianSet, *, every: bool = False) -> str:
    """The equilibria as text, grouped by the outcome each type pair reaches.

    Weak perfect Bayesian equilibria that differ only off the path (moves at information
    sets no type reaches, supported by some off-path belief) are many; they are grouped by
    their outcomes, with a count and one representative's strategies and beliefs (all of
    them with ``every``).

    Examples
    --------
    >>> res = escalation_pbe(p_challenger_hard=1, p_defender={"HH": "1/2", "SS": "1/2"})
    >>> print(pbe_summary(res).splitlines()[1])
    outcomes hard/HH: SQ; hard/SS: SQ -- 1 equilibrium, payoffs Challenger 6, Defender 8
    """
    groups: dict[str, list[PerfectBayesianEquilibrium]] = {}
    for e in res:
        groups.setdefault(_pattern_text(pbe_outcomes(e)), []).append(e)
    lines = [
        f"{len(res)} perfect Bayesian equilibri{'um' if len(res) == 1 else 'a'} "
        f"({res.method}{', exact' if res.exact else ''}; {res.status})"
    ]
    for text, members in groups.items():
        pays = {
            ", ".join(
                f"{p} {x}" for p, x in zip(e.players, e.exact_payoffs or e.payoffs, strict=True)
            )
            for e in members
        }
        n = len(members)
        lines.append(
            f"outcomes {text} -- {n} equilibri{'um' if n == 1 else 'a'}, "
            f"payoffs {' or '.join(sorted(pays))}"
        )
        shown = members if every else members[:1]
        for k, e in enumerate(shown, 1):
            head = f"  {'equilibrium ' + str(k) if every else 'e.g.'}: "
            lines.append(head + e.describe().splitlines()[0])
            lines.extend("  " + s for s in e.describe().splitlines()[1:])
    return "\n".join(lines)
