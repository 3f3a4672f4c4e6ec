"""Actors, their goals, and utilities derived from how far an outcome attains each goal.

The brief (MODELS.md, "The seed") names each side's goals; a game's payoffs follow from
them in three documented steps:

1. an :class:`Outcome` says, for each actor, how far it attains each goal (a number in
   ``[0, 1]``) and, where war occurs, the actor's cost of war;
2. an aggregation turns the goal weights and attainments into a utility -- by default the
   weighted sum ``u = sum_k w_k a_k - war_cost`` (:func:`weighted_sum`); any function with
   the same signature can replace it, e.g. :func:`weighted_min` for a "weakest link"
   reading;
3. ordinal ranks follow from utilities (:func:`ordinal_ranks`), so the published ordinal
   games can be checked against the goal encoding.

All functions are vectorised: weights and attainments may carry leading parameter axes.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace

import numpy as np

from crisisgames.errors import InvalidPayoffError, UnknownLabelError

__all__ = [
    "CUBA",
    "US",
    "USSR",
    "Actor",
    "Aggregation",
    "Goal",
    "Outcome",
    "ordinal_ranks",
    "utilities",
    "weighted_min",
    "weighted_sum",
]

BRIEF = "the project brief (MODELS.md, 'The seed')"

Aggregation = Callable[[np.ndarray, np.ndarray], np.ndarray]


def _check_unit(name: str, values: np.ndarray) -> None:
    if np.any(np.isnan(values)):
        raise InvalidPayoffError(f"{name} contains NaN")
    if np.any((values < 0) | (values > 1)):
        bad = values[(values < 0) | (values > 1)].ravel()[0]
        raise InvalidPayoffError(f"{name} must lie in [0, 1]; found {bad!r}")


@dataclass(frozen=True)
class Goal:
    """One goal of an actor.

    Attributes
    ----------
    key
        Short identifier, e.g. ``"missiles_out"``.
    weight
        Non-negative importance; an actor's weights need not sum to one.
    description
        What the goal is, in words.
    source
        Where the goal (and, separately, its default weight) comes from.

    Examples
    --------
    >>> Goal("prestige", 0.3, "bolster prestige", "brief").weight
    0.3
    """

    key: str
    weight: float
    description: str
    source: str = BRIEF

    def __post_init__(self) -> None:
        w = float(self.weight)
        if not np.isfinite(w) or w < 0:
            raise InvalidPayoffError(
                f"weight of goal {self.key!r} must be finite and >= 0, got {w!r}"
            )


@dataclass(frozen=True)
class Actor:
    """A party to the crisis with weighted goals.

    Attributes
    ----------
    name
        E.g. ``"US"``.
    goals
        The goals, in a fixed order (the order of weight vectors).
    weight_source
        Where the default weights come from (they are this library's assumption unless a
        published model gives them).

    Examples
    --------
    >>> US.goal_keys
    ('missiles_out', 'security', 'avert_war')
    >>> US.with_weights(avert_war=0.6).weights.tolist()
    [0.3, 0.2, 0.6]
    """

    name: str
    goals: tuple[Goal, ...]
    weight_source: str = "assumption of crisisgames: equal-order weights, see actors.py"

    @property
    def goal_keys(self) -> tuple[str, ...]:
        """The goals' keys, in order."""
        return tuple(g.key for g in self.goals)

    @property
    def weights(self) -> np.ndarray:
        """The goals' weights as an array, in order."""
        return np.array([g.weight for g in self.goals], dtype=float)

    def with_weights(self, **weights: float) -> Actor:
        """A copy with some goals' weights replaced (unknown keys are an error)."""
        unknown = set(weights) - set(self.goal_keys)
        if unknown:
            raise UnknownLabelError(
                f"{self.name} has no goal(s) {sorted(unknown)}; its goals are {list(self.goal_keys)}"
            )
        goals = tuple(replace(g, weight=weights.get(g.key, g.weight)) for g in self.goals)
        return replace(self, goals=goals)


@dataclass(frozen=True)
class Outcome:
    """How far one outcome of the crisis attains each actor's goals.

    Attributes
    ----------
    label
        E.g. ``"blockade, USSR withdraws"``.
    attainment
        ``{actor name: {goal key: level in [0, 1]}}``; goals left out are not attained (0).
    war_cost
        ``{actor name: cost}`` subtracted from the utility where war occurs (0 otherwise).
    rationale
        Why the levels are what they are (they are assumptions unless a source says
        otherwise).

    Examples
    --------
    >>> o = Outcome("compromise", {"US": {"missiles_out": 1.0}})
    >>> o.level("US", "missiles_out"), o.level("US", "security")
    (1.0, 0.0)
    """

    label: str
    attainment: Mapping[str, Mapping[str, float]]
    war_cost: Mapping[str, float] = field(default_factory=dict)
    rationale: str = ""

    def __post_init__(self) -> None:
        for actor, levels in self.attainment.items():
            _check_unit(
                f"attainment of {actor} at {self.label!r}",
                np.array(list(levels.values()), dtype=float),
            )
        for actor, cost in self.war_cost.items():
            if not np.isfinite(cost) or cost < 0:
                raise InvalidPayoffError(
                    f"war cost of {actor} at {self.label!r} must be >= 0, got {cost!r}"
                )

    def level(self, actor: str, goal: str) -> float:
        """Attainment of one goal (0 when not listed)."""
        return float(self.attainment.get(actor, {}).get(goal, 0.0))


def weighted_sum(weights: np.ndarray, attainment: np.ndarray) -> np.ndarray:
    """The default aggregation ``sum_k w_k a_k`` over the last axis (broadcasting).

    Examples
    --------
    >>> float(weighted_sum(np.array([0.5, 0.5]), np.array([1.0, 0.0])))
    0.5
    """
    return np.sum(np.asarray(weights) * np.asarray(attainment), axis=-1)


def weighted_min(weights: np.ndarray, attainment: np.ndarray) -> np.ndarray:
    """A "weakest link" aggregation: ``sum(w) * min_k a_k`` over the goals with ``w_k > 0``.

    Examples
    --------
    >>> float(weighted_min(np.array([1.0, 1.0]), np.array([1.0, 0.25])))
    0.5
    """
    w = np.asarray(weights, dtype=float)
    a = np.where(w > 0, np.asarray(attainment, dtype=float), np.inf)
    return w.sum(axis=-1) * np.min(a, axis=-1)


def utilities(
    actor: Actor,
    outcomes: Sequence[Outcome],
    *,
    weights: np.ndarray | None = None,
    aggregation: Aggregation = weighted_sum,
) -> np.ndarray:
    """The actor's utility at each outcome: aggregation of weights and attainments minus
    the war cost.

    Parameters
    ----------
    actor
        The actor.
    outcomes
        The outcomes.
    weights
        Overrides the actor's weights; may have leading axes (a sweep over weights), the
        last axis indexing the goals.
    aggregation
        ``f(weights, attainment) -> utility`` over the last axis.

    Returns
    -------
    numpy.ndarray
        Shape ``(*weights.shape[:-1], len(outcomes))``.

    Examples
    --------
    >>> o = [Outcome("a", {"US": {"missiles_out": 1}}), Outcome("war", {}, {"US": 2.0})]
    >>> utilities(US, o).tolist()
    [0.3, -2.0]
    """
    w = actor.weights if weights is None else np.asarray(weights, dtype=float)
    if w.shape[-1] != len(actor.goals):
        raise InvalidPayoffError(
            f"{actor.name} has {len(actor.goals)} goals; weights have {w.shape[-1]} entries"
        )
    if np.any(np.isnan(w)) or np.any(w < 0):
        raise InvalidPayoffError(f"weights of {actor.name} must be non-negative numbers")
    att = np.array([[o.level(actor.name, k) for k in actor.goal_keys] for o in outcomes])
    cost = np.array([float(o.war_cost.get(actor.name, 0.0)) for o in outcomes])
    return aggregation(w[..., None, :], att) - cost


def ordinal_ranks(values: np.ndarray) -> np.ndarray:
    """Ranks along the last axis, 1 = worst, equal values sharing a rank (dense ranking).

    Examples
    --------
    >>> ordinal_ranks(np.array([0.2, -1.0, 0.7, 0.2])).tolist()
    [2, 1, 3, 2]
    """
    v = np.asarray(values, dtype=float)
    srt = np.sort(v, axis=-1)
    first = np.ones(srt.shape, dtype=bool)  # first occurrence of each distinct value
    first[..., 1:] = srt[..., 1:] != srt[..., :-1]
    # rank = 1 + number of distinct values strictly below
    return ((srt[..., None, :] < v[..., :, None]) & first[..., None, :]).sum(axis=-1) + 1


# ---------------------------------------------------------------------------- the actors
# Goals as the brief states them; the default weights are this library's assumption
# (stated in each Actor's weight_source) and are parameters of every scenario.

US = Actor(
    "US",
    (
        Goal(
            "missiles_out",
            0.3,
            "keep Soviet nuclear weapons out of Cuba and the Western Hemisphere",
        ),
        Goal("security", 0.2, "protect national security"),
        Goal("avert_war", 0.5, "avert nuclear war while showing resolve"),
    ),
    "assumption of crisisgames: averting war weighs most, then the missiles, then security",
)

USSR = Actor(
    "USSR",
    (
        Goal("strategic_reach", 0.3, "extend its strategic reach and deterrent"),
        Goal("tactical_advantage", 0.2, "gain a tactical advantage"),
        Goal("prestige", 0.5, "bolster prestige"),
    ),
    "assumption of crisisgames: prestige weighs most (Khrushchev's standing), then reach",
)

CUBA = Actor(
    "Cuba",
    (
        Goal("security", 0.5, "security against US intervention"),
        Goal("soviet_support", 0.3, "reliable Soviet military support"),
        Goal("standing", 0.2, "standing as a socialist ally"),
    ),
    "assumption of crisisgames: security against invasion weighs most",
)
