"""Ready-made option-form conflict models: the 1962 crisis, textbook games, random models.

* :func:`fraser_hipel`: the Cuban missile crisis in option form, as specified in the
  project's model brief (MODELS.md section 5) after N. M. Fraser & K. W. Hipel,
  *Conflict Analysis: Models and Resolutions* (North-Holland, 1984), following Howard's
  metagame analysis: US air strike and blockade, USSR withdrawal and escalation.
* :func:`prisoners_dilemma`: the textbook Prisoners' Dilemma in option form (Fang,
  Hipel & Kilgour, *Interactive Decision Making*, Wiley 1993, ch. 2).
* :func:`random_conflict`: random models of any size, for tests and benchmarks.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from crisisgames.errors import InvalidGameError
from crisisgames.games.conflict import (
    ConflictModel,
    Constraint,
    Option,
    Priorities,
    Ranking,
    mutually_exclusive,
)

__all__ = [
    "FRASER_HIPEL_SOURCE",
    "FRASER_HIPEL_SOVIET_RANKING",
    "FRASER_HIPEL_US_RANKING",
    "fraser_hipel",
    "prisoners_dilemma",
    "random_conflict",
]

#: US ranking of the 12 feasible states, best first, by state code (MODELS.md section 5).
FRASER_HIPEL_US_RANKING = (4, 6, 5, 7, 2, 1, 3, 0, 11, 9, 10, 8)
#: USSR ranking of the 12 feasible states, best first, by state code (MODELS.md section 5).
FRASER_HIPEL_SOVIET_RANKING = (0, 4, 6, 2, 5, 1, 7, 3, 11, 9, 10, 8)
FRASER_HIPEL_SOURCE = (
    "Options, infeasibility and rankings as printed in the project's model brief "
    "(MODELS.md section 5), after Fraser & Hipel, Conflict Analysis: Models and "
    "Resolutions (North-Holland, 1984), in the tradition of Howard's metagame analysis. "
    "State code = sum of 2**i over options taken: air strike (i=0), blockade (1), "
    "withdraw (2), escalate (3); withdraw and escalate together are infeasible; the air "
    "strike is irreversible unless air_strike_reversible=True; status quo: state 0."
)


def fraser_hipel(air_strike_reversible: bool = False) -> ConflictModel:
    """The Cuban missile crisis in option form (Fraser & Hipel; MODELS.md section 5).

    The US controls an air strike (option 0) and a blockade (1); the USSR can withdraw its
    missiles (2) or escalate (3), not both, which leaves 12 feasible states, coded 0..11.
    The air strike can only be switched on, unless ``air_strike_reversible``.  The
    status quo is state 0 (no option taken).

    Parameters
    ----------
    air_strike_reversible
        Let the US call off an air strike once launched (a sensitivity check).

    Examples
    --------
    >>> m = fraser_hipel()
    >>> m.n_states, m.codes.tolist()
    (12, [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11])
    >>> m.describe(6), m.reachable("US", 1)
    ('US blockade, USSR withdraws', (3,))
    >>> fraser_hipel(air_strike_reversible=True).reachable("US", 1)
    (0, 2, 3)
    """
    how = "reversible" if air_strike_reversible else "irreversible"
    return ConflictModel(
        {
            "US": [Option("air strike", "US air strike"), Option("blockade", "US blockade")],
            "USSR": [Option("withdraw", "USSR withdraws"), Option("escalate", "USSR escalates")],
        },
        {"US": Ranking(FRASER_HIPEL_US_RANKING), "USSR": Ranking(FRASER_HIPEL_SOVIET_RANKING)},
        constraints=[mutually_exclusive("withdraw", "escalate")],
        irreversible=() if air_strike_reversible else ("air strike",),
        status_quo=0,
        name=f"Cuban missile crisis (Fraser & Hipel), air strike {how}",
    )


def prisoners_dilemma() -> ConflictModel:
    """Prisoners' Dilemma in option form: each prisoner's one option is to defect.

    States: 0 both cooperate, 1 A defects, 2 B defects, 3 both defect.  Each prisoner
    ranks defecting alone best, then mutual cooperation, mutual defection, and being the
    lone cooperator worst.

    Examples
    --------
    >>> prisoners_dilemma().describe(1)
    'A defects'
    """
    return ConflictModel(
        {"A": [Option("defect A", "A defects")], "B": [Option("defect B", "B defects")]},
        {"A": Ranking([1, 0, 3, 2]), "B": Ranking([2, 0, 3, 1])},
        name="Prisoners' Dilemma (option form)",
    )


def random_conflict(
    options_per_dm: Sequence[int] = (5, 5, 4),
    *,
    exclusive_pairs: int = 1,
    irreversible: int = 1,
    tie_fraction: float = 0.2,
    seed: int = 0,
) -> ConflictModel:
    """A random option-form conflict model (for tests and benchmarks).

    Parameters
    ----------
    options_per_dm
        How many options each decision maker has (DMs are named ``DM1``, ``DM2``, ...).
    exclusive_pairs
        How many random pairs of one DM's options are made mutually exclusive (each
        removes a quarter of the remaining states, roughly).
    irreversible
        How many random options can only be switched on.
    tie_fraction
        The share of states tied in preference with another (rankings are random).
    seed
        Seed of :func:`numpy.random.default_rng`.

    Examples
    --------
    >>> m = random_conflict()  # the benchmark's model: 3 DMs, 14 options
    >>> m.n_states, len(m.decision_makers)
    (12288, 3)
    """
    rng = np.random.default_rng(seed)
    if any(k < 1 for k in options_per_dm) or not options_per_dm:
        raise InvalidGameError("every decision maker needs at least one option")
    dms = {
        f"DM{d + 1}": [f"o{d + 1}.{k + 1}" for k in range(n)] for d, n in enumerate(options_per_dm)
    }
    names = [o for opts in dms.values() for o in opts]
    constraints: list[Constraint] = []
    eligible = [opts for opts in dms.values() if len(opts) >= 2]
    used: set[tuple[str, str]] = set()
    for _ in range(exclusive_pairs):
        if not eligible:
            break
        opts = eligible[int(rng.integers(len(eligible)))]
        a, b = sorted(rng.choice(len(opts), size=2, replace=False).tolist())
        if (opts[a], opts[b]) in used:
            continue
        used.add((opts[a], opts[b]))
        constraints.append(mutually_exclusive(opts[a], opts[b]))
    irrev = [
        names[int(k)]
        for k in rng.choice(len(names), size=min(irreversible, len(names)), replace=False)
    ]
    # Feasible codes, to rank them: rebuild the model's enumeration cheaply.
    probe = ConflictModel(
        dms,
        {dm: Priorities(["1"]) for dm in dms},
        constraints=constraints,
        irreversible=(),
    )
    codes = probe.codes
    preferences = {}
    for dm in dms:
        order = rng.permutation(codes.size)
        # Ties: merge a random share of neighbours in the order into one group.
        merge = rng.random(codes.size) < tie_fraction
        merge[0] = False
        groups: list[list[int]] = []
        for pos, k in enumerate(order):
            if merge[pos]:
                groups[-1].append(int(codes[k]))
            else:
                groups.append([int(codes[k])])
        preferences[dm] = Ranking(tuple(g) for g in groups)
    try:
        return ConflictModel(
            dms,
            preferences,
            constraints=constraints,
            irreversible=irrev,
            name=f"random conflict (seed {seed})",
        )
    except InvalidGameError:
        # An irreversible option forced on everywhere by the constraints: drop it.
        return ConflictModel(
            dms, preferences, constraints=constraints, name=f"random conflict (seed {seed})"
        )
