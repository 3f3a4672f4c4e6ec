"""The settlement terms of the crisis as declared data: what each term is worth to whom.

The brief (MODELS.md, "The seed") lists the terms of the settlement: the Soviet withdrawal,
the removal of the Jupiter missiles from Turkey and Italy (kept secret at the time), the
non-invasion pledge, no reintroduction of nuclear weapons into Cuba and the hotline; and,
under enforcement, verification that is hard under mutual distrust (Cuba refused on-site
inspection).  Each :class:`Term` here declares its value to each actor (US, USSR, Cuba) as a
:class:`~crisisgames.scenarios.Parameter`, so every scenario that uses a term shares one
declaration, one default and one source.

**Units.**  A value is a change of the actor's utility when the term is in effect, in the
units of :mod:`crisisgames.models.actors`: each actor's goal weights sum to one, and a term that
fully attains (or loses) a goal is worth that goal's weight.  Every default says which goal
it moves and by what share; the shares are this library's assumptions.  Values are measured
from "the missiles stay and nothing is agreed" (0 for everyone).

**Secrecy.**  A public trade costs the US with its allies (``alliance_cost``: Turkey, NATO)
and gains the USSR prestige (``public_trade_ussr``).  A secret trade is a public trade that
leaks with probability ``leak``: its expected value to each actor is ``leak`` times the
public trade's (an expected alliance cost ``leak * alliance_cost`` for the US, and the
USSR forgoes the prestige gain with probability ``1 - leak``).

Examples
--------
>>> term("pledge").parameter("Cuba").default
0.25
>>> [p.name for p in term_parameters("pledge", actors=("US", "USSR"))]
['pledge_us', 'pledge_ussr']
>>> p = defaults(term_parameters("withdrawal", "secret_trade", actors=("US",)))
>>> round(settlement_value("US", p, {"withdrawal": True, "secret_trade": True}), 4)
0.18
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from crisisgames.errors import UnknownLabelError
from crisisgames.parameters import Parameter

__all__ = [
    "ACTORS",
    "ALLIANCE_COST",
    "LEAK",
    "TERMS",
    "TERM_KEYS",
    "WAR_COSTS",
    "Term",
    "TermValue",
    "defaults",
    "settlement_value",
    "term",
    "term_parameters",
]

ACTORS = ("US", "USSR", "Cuba")

# Goal weights quoted in the sources below are actors.US / USSR / CUBA's defaults.
_US_W = "actors.US"
_USSR_W = "actors.USSR"
_CUBA_W = "actors.CUBA"


@dataclass(frozen=True)
class TermValue:
    """The value of a term to one actor: ``sign * parameter``.

    ``sign`` is ``-1`` where the parameter is declared as a cost (``alliance_cost``), so
    that sweeps and plot axes read as costs.
    """

    parameter: Parameter
    sign: int = 1


@dataclass(frozen=True, eq=False)
class Term:
    """One settlement term.

    Attributes
    ----------
    key
        Identifier, used as the key of :attr:`~crisisgames.scenarios.OutcomeData.terms`.
    title
        One line.
    brief
        What the project's brief says about it (or why it is added).
    values
        ``{actor: TermValue}``; an actor left out is unaffected (value 0).
    leaks_as, leak_parameter
        For a secret term: the public term it becomes when it leaks, and the name of the
        parameter holding the probability of a leak.  Its value is then
        ``leak * value(public term)``.
    """

    key: str
    title: str
    brief: str
    values: Mapping[str, TermValue] = field(default_factory=dict)
    leaks_as: str | None = None
    leak_parameter: str | None = None

    def parameter(self, actor: str) -> Parameter:
        """The parameter holding this term's value to ``actor``."""
        if actor not in self.values:
            raise UnknownLabelError(
                f"term {self.key!r} declares no value for {actor!r}"
                f" (it declares {sorted(self.values) or 'none: see leaks_as'})"
            )
        return self.values[actor].parameter

    @property
    def parameters(self) -> tuple[Parameter, ...]:
        """The parameters this term's value depends on (for every actor)."""
        if self.leaks_as is not None:
            assert self.leak_parameter is not None
            return (_LEAK_BY_NAME[self.leak_parameter], *term(self.leaks_as).parameters)
        return tuple(v.parameter for v in self.values.values())

    def value(self, actor: str, params: Mapping[str, Any]) -> Any:
        """The term's value to ``actor`` at these parameters (scalars, Fractions or arrays).

        Examples
        --------
        >>> p = {"alliance_cost": 0.2, "leak": 0.5}
        >>> term("public_trade").value("US", p), term("secret_trade").value("US", p)
        (-0.2, -0.1)
        """
        if self.leaks_as is not None:
            return params[str(self.leak_parameter)] * term(self.leaks_as).value(actor, params)
        tv = self.values.get(actor)
        if tv is None:
            return 0
        v = params[tv.parameter.name]
        return -v if tv.sign < 0 else v


def _value(key: str, actor: str, default: float, meaning: str, source: str) -> TermValue:
    name = f"{key}_{actor.lower()}"
    return TermValue(Parameter(name, default, -1, 1, "utility", meaning, source))


# ------------------------------------------------------------------ shared parameters
ALLIANCE_COST = Parameter(
    "alliance_cost",
    0.2,
    0,
    1,
    "utility",
    "cost to the US of a public trade with its allies (Turkey, NATO)",
    "assumption: a public trade reads in Ankara and in NATO as the US trading its allies' "
    f"security for its own: the whole US security goal (weight 0.2 in {_US_W})",
)
LEAK = Parameter(
    "leak",
    0.1,
    0,
    1,
    "probability",
    "probability that a secret trade leaks (and then counts as a public one)",
    "assumption: the secret was held by a handful of people (the Kennedys' inner circle, "
    "Dobrynin) and kept until the 1980s; one chance in ten of a leak that matters",
    kind="probability",
)
_LEAK_BY_NAME = {LEAK.name: LEAK}

_WAR = "assumption: nuclear war costs as much as all the actor's goals together (as chicken-goals)"
WAR_COSTS = tuple(
    Parameter(f"war_cost_{a.lower()}", 1.0, 0, 100, "utility", f"{a}'s cost of nuclear war", _WAR)
    for a in ACTORS
)

# ------------------------------------------------------------------ the terms
TERMS: tuple[Term, ...] = (
    Term(
        "withdrawal",
        "The USSR removes its missiles from Cuba",
        "brief: 'The USSR removes its missiles from Cuba'",
        {
            "US": _value(
                "withdrawal",
                "US",
                0.2,
                "US value of the Soviet withdrawal",
                "assumption: two thirds of the US goal 'keep Soviet nuclear weapons out of Cuba' "
                f"(weight 0.3 in {_US_W}): removal now; the other third is no_reintroduction_us",
            ),
            "USSR": _value(
                "withdrawal",
                "USSR",
                -0.5,
                "USSR value of withdrawing its missiles",
                "assumption: loses the strategic reach and tactical advantage the deployment "
                f"attained (weights 0.3 + 0.2 in {_USSR_W})",
            ),
            "Cuba": _value(
                "withdrawal",
                "Cuba",
                -0.25,
                "Cuba's value of the Soviet withdrawal",
                "assumption: the missiles were Cuba's deterrent against invasion: half of its "
                f"security goal (weight 0.5 in {_CUBA_W})",
            ),
        },
    ),
    Term(
        "jupiters_turkey",
        "The US removes its Jupiter missiles from Turkey",
        "brief: 'the US removes its Jupiter missiles from Turkey and Italy, kept secret at the "
        "time'",
        {
            "US": _value(
                "jupiters_turkey",
                "US",
                -0.025,
                "US military value lost with the Jupiters in Turkey (alliance cost apart)",
                "assumption: obsolete liquid-fuelled missiles already due to be replaced by "
                f"Polaris submarines: an eighth of US security (weight 0.2 in {_US_W})",
            ),
            "USSR": _value(
                "jupiters_turkey",
                "USSR",
                0.1,
                "USSR value of the Jupiters leaving Turkey",
                "assumption: missiles on the Soviet border, the analogy Khrushchev drew in his "
                f"public letter of 27 October: a third of strategic reach (weight 0.3 in {_USSR_W})",
            ),
            "Cuba": _value(
                "jupiters_turkey",
                "Cuba",
                0.0,
                "Cuba's value of the Jupiters leaving Turkey",
                "assumption: no direct effect on Cuba",
            ),
        },
    ),
    Term(
        "jupiters_italy",
        "The US removes its Jupiter missiles from Italy",
        "brief: 'the US removes its Jupiter missiles from Turkey and Italy, kept secret at the "
        "time'",
        {
            "US": _value(
                "jupiters_italy",
                "US",
                -0.025,
                "US military value lost with the Jupiters in Italy (alliance cost apart)",
                "assumption: as in Turkey, obsolete and due to be replaced by Polaris: an eighth "
                f"of US security (weight 0.2 in {_US_W})",
            ),
            "USSR": _value(
                "jupiters_italy",
                "USSR",
                0.05,
                "USSR value of the Jupiters leaving Italy",
                "assumption: half the Turkish value: farther from Soviet territory and not named "
                "in Khrushchev's public demand of 27 October",
            ),
            "Cuba": _value(
                "jupiters_italy",
                "Cuba",
                0.0,
                "Cuba's value of the Jupiters leaving Italy",
                "assumption: no direct effect on Cuba",
            ),
        },
    ),
    Term(
        "public_trade",
        "The Jupiter trade is made in public",
        "brief: alliances (NATO, the US-Turkey relationship) back compliance politically; the "
        "trade was kept secret at the time",
        {
            "US": TermValue(ALLIANCE_COST, sign=-1),
            "USSR": _value(
                "public_trade",
                "USSR",
                0.2,
                "USSR prestige gained when the US concession is public",
                "assumption: a public US concession turns a retreat into a visible exchange: two "
                f"fifths of prestige (weight 0.5 in {_USSR_W})",
            ),
            "Cuba": _value(
                "public_trade",
                "Cuba",
                -0.05,
                "Cuba's value of a public trade",
                "assumption: a public exchange shows Cuba as a bargaining chip between the "
                f"superpowers: a quarter of its standing (weight 0.2 in {_CUBA_W})",
            ),
        },
    ),
    Term(
        "secret_trade",
        "The Jupiter trade is kept secret (a public trade if it leaks)",
        "brief: the Jupiter removal was 'kept secret at the time'; 'the secrecy of the trade is "
        "criticised for its lack of transparency'",
        leaks_as="public_trade",
        leak_parameter=LEAK.name,
    ),
    Term(
        "pledge",
        "The US pledges not to invade Cuba",
        "brief: 'the US pledges not to invade Cuba'",
        {
            "US": _value(
                "pledge",
                "US",
                -0.05,
                "US value of pledging not to invade",
                "assumption: forgoes the option of invading (planned under Operation Mongoose): a "
                f"quarter of US security (weight 0.2 in {_US_W})",
            ),
            "USSR": _value(
                "pledge",
                "USSR",
                0.1,
                "USSR value of the US non-invasion pledge",
                "assumption: the defence of Cuba was the deployment's public rationale; securing "
                f"it saves a fifth of prestige (weight 0.5 in {_USSR_W})",
            ),
            "Cuba": _value(
                "pledge",
                "Cuba",
                0.25,
                "Cuba's value of the US non-invasion pledge",
                "assumption: the pledge replaces the missiles as Cuba's protection: half of its "
                f"security goal (weight 0.5 in {_CUBA_W})",
            ),
        },
    ),
    Term(
        "no_reintroduction",
        "Nuclear weapons are not to be reintroduced into Cuba",
        "brief: 'nuclear weapons are not to be reintroduced into Cuba'",
        {
            "US": _value(
                "no_reintroduction",
                "US",
                0.1,
                "US value of the undertaking not to reintroduce nuclear weapons",
                "assumption: the other third of 'keep Soviet nuclear weapons out of Cuba' "
                f"(weight 0.3 in {_US_W}): keeping them out later",
            ),
            "USSR": _value(
                "no_reintroduction",
                "USSR",
                -0.1,
                "USSR value of undertaking not to reintroduce them",
                "assumption: a public undertaking never to return: a fifth of prestige "
                f"(weight 0.5 in {_USSR_W})",
            ),
            "Cuba": _value(
                "no_reintroduction",
                "Cuba",
                -0.1,
                "Cuba's value of the undertaking",
                "assumption: forecloses future Soviet deterrence on the island: a third of "
                f"'reliable Soviet military support' (weight 0.3 in {_CUBA_W})",
            ),
        },
    ),
    Term(
        "hotline",
        "A direct Moscow-Washington hotline",
        "brief: 'a direct Moscow-Washington hotline'",
        {
            "US": _value(
                "hotline",
                "US",
                0.025,
                "US value of the hotline",
                "assumption: lowers the risk of war by miscalculation in later crises: a "
                f"twentieth of 'avert nuclear war' (weight 0.5 in {_US_W})",
            ),
            "USSR": _value(
                "hotline",
                "USSR",
                0.025,
                "USSR value of the hotline",
                "assumption: the line serves both ends equally: the US value",
            ),
            "Cuba": _value(
                "hotline",
                "Cuba",
                0.0,
                "Cuba's value of the hotline",
                "assumption: Cuba is not on the line",
            ),
        },
    ),
    Term(
        "verification",
        "On-site verification in Cuba (which Cuba refused)",
        "brief: 'verification is hard under mutual distrust'; Cuba refused UN on-site inspection",
        {
            "US": _value(
                "verification",
                "US",
                0.05,
                "US value of on-site verification",
                "assumption: confirms the withdrawal and no reintroduction: a sixth of 'keep "
                f"Soviet nuclear weapons out' (weight 0.3 in {_US_W})",
            ),
            "USSR": _value(
                "verification",
                "USSR",
                -0.05,
                "USSR value of foreign inspectors at its sites",
                f"assumption: a tenth of prestige (weight 0.5 in {_USSR_W})",
            ),
            "Cuba": _value(
                "verification",
                "Cuba",
                -0.2,
                "Cuba's value of inspection on its soil (minus the value of refusing it)",
                "assumption: Castro refused inspection as a breach of sovereignty: the whole of "
                f"its standing (weight 0.2 in {_CUBA_W})",
            ),
        },
    ),
    Term(
        "remaining_weapons",
        "Removal of the remaining weapons (IL-28 bombers, tactical nuclear weapons)",
        "not in the brief's list: the November 1962 sequel, in which the US counted the IL-28s "
        "among the 'offensive weapons' to be removed",
        {
            "US": _value(
                "remaining_weapons",
                "US",
                0.1,
                "US value of the removal of the IL-28s and tactical weapons",
                "assumption: Kennedy counted the IL-28s among the 'offensive weapons' of the 28 "
                f"October agreement: a third of 'keep weapons out' (weight 0.3 in {_US_W})",
            ),
            "USSR": _value(
                "remaining_weapons",
                "USSR",
                -0.05,
                "USSR value of removing them",
                "assumption: obsolete bombers and tactical weapons Soviet policy would not hand "
                f"to Cuba: a quarter of tactical advantage (weight 0.2 in {_USSR_W})",
            ),
            "Cuba": _value(
                "remaining_weapons",
                "Cuba",
                -0.1,
                "Cuba's value of their removal",
                "assumption: its last deterrent on the island: a fifth of its security goal "
                f"(weight 0.5 in {_CUBA_W})",
            ),
        },
    ),
)

TERM_KEYS = tuple(t.key for t in TERMS)
_BY_KEY = {t.key: t for t in TERMS}


def term(key: str) -> Term:
    """The term of that key (unknown keys list the valid ones).

    Examples
    --------
    >>> term("hotline").title
    'A direct Moscow-Washington hotline'
    """
    try:
        return _BY_KEY[key]
    except KeyError:
        raise UnknownLabelError(
            f"unknown term {key!r}; the terms are {', '.join(TERM_KEYS)}"
        ) from None


def term_parameters(*keys: str, actors: Sequence[str] = ACTORS) -> tuple[Parameter, ...]:
    """The parameters of these terms' values to these actors, each once, in order.

    A secret term brings its leak probability and its public term's values.

    Examples
    --------
    >>> [p.name for p in term_parameters("secret_trade", actors=("US", "USSR"))]
    ['leak', 'alliance_cost', 'public_trade_ussr']
    """
    unknown = set(actors) - set(ACTORS)
    if unknown:
        raise UnknownLabelError(f"unknown actor(s) {sorted(unknown)}; the actors are {ACTORS}")
    out: dict[str, Parameter] = {}
    for key in keys:
        t = term(key)
        if t.leaks_as is not None:
            assert t.leak_parameter is not None
            out.setdefault(t.leak_parameter, _LEAK_BY_NAME[t.leak_parameter])
            for p in term_parameters(t.leaks_as, actors=actors):
                out.setdefault(p.name, p)
            continue
        for actor in actors:
            if actor in t.values:
                p = t.values[actor].parameter
                out.setdefault(p.name, p)
    return tuple(out.values())


def defaults(parameters: Sequence[Parameter]) -> dict[str, Any]:
    """``{name: default}`` of some parameters."""
    return {p.name: p.default for p in parameters}


def settlement_value(actor: str, params: Mapping[str, Any], in_effect: Mapping[str, Any]) -> Any:
    """An actor's value of a settlement: ``sum(in_effect[t] * value(t))`` over the terms.

    Parameters
    ----------
    actor
        ``"US"``, ``"USSR"`` or ``"Cuba"``.
    params
        Parameter values (scalars, exact Fractions, or broadcastable arrays).
    in_effect
        ``{term key: 0/1, bool or array}``: whether (or with what weight) each term holds.

    Examples
    --------
    >>> p = defaults(term_parameters("pledge", "withdrawal"))
    >>> round(settlement_value("Cuba", p, {"pledge": 1, "withdrawal": 1}), 4)
    0.0
    """
    total: Any = 0
    for key, mask in in_effect.items():
        total = total + mask * term(key).value(actor, params)
    return total
