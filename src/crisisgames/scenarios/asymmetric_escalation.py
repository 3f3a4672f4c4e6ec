"""``asymmetric-escalation``: Zagare & Kilgour's asymmetric escalation game, as a scenario.

The model lives in :mod:`crisisgames.models.escalation`; this module declares its parameters
(the fifteen utilities of MODELS.md §6, as equally spaced ranks within each player's
ordering, and the type probabilities p_Ch and p_XY) and builds the incomplete-information
tree.  The analysis prints the complete-information solution of every type pair and the
pure perfect Bayesian equilibria of the two-sided model, grouped by outcome.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

from crisisgames.games.extensive_form import GameTree
from crisisgames.models import escalation as model
from crisisgames.scenarios.base import Parameter, Scenario, as_exact, register

__all__: list[str] = []

_MEANING = {
    "c_ee_soft": "soft Challenger's utility of mutual escalation EE",
    "c_de": "Challenger's utility of backing off after the Defender escalates (DE)",
    "c_ee_hard": "hard Challenger's utility of mutual escalation EE",
    "c_dd": "Challenger's utility of a limited standoff DD",
    "c_ed": "Challenger's utility of escalating while the Defender backs off (ED)",
    "c_sq": "Challenger's utility of the status quo SQ",
    "c_dc": "Challenger's utility of the Defender conceding (DC)",
    "d_ee_soft": "strategically soft Defender's utility of mutual escalation EE",
    "d_ed": "Defender's utility of backing off after the Challenger escalates (ED)",
    "d_ee_hard": "strategically hard Defender's utility of mutual escalation EE",
    "d_dd_soft": "tactically soft Defender's utility of a limited standoff DD",
    "d_dc": "Defender's utility of conceding (DC)",
    "d_dd_hard": "tactically hard Defender's utility of a limited standoff DD",
    "d_de": "Defender's utility of the Challenger backing off after escalation (DE)",
    "d_sq": "Defender's utility of the status quo SQ",
}


def _utility_parameter(name: str, order: tuple[str, ...], who: str) -> Parameter:
    rank = order.index(name) + 1
    chain = " < ".join(model.SYMBOLS[n] for n in order)
    return Parameter(
        name,
        rank,
        -100,
        100,
        "utility",
        _MEANING[name],
        f"assumption: rank {rank} of {len(order)} (equally spaced ranks, worst = 1) in the "
        f"{who}'s ordering of MODELS.md §6 (Zagare & Kilgour 2000): {chain}",
        kind="real",
    )


PARAMETERS = (
    Parameter(
        "p_challenger_hard",
        model.Fraction(1, 2),
        0,
        1,
        "probability",
        "probability p_Ch that the Challenger (USSR) is hard (prefers EE to DE)",
        "assumption: an uninformative prior, 1/2 (MODELS.md §6 leaves p_Ch free)",
        kind="probability",
    ),
    *(
        Parameter(
            f"p_{t.lower()}",
            model.Fraction(1, 4),
            0,
            1,
            "probability",
            f"probability p_{t} that the Defender (US) is tactically "
            f"{'hard' if t[0] == 'H' else 'soft'} and strategically "
            f"{'hard' if t[1] == 'H' else 'soft'} (the four must sum to 1)",
            "assumption: an uninformative prior, 1/4 for each of the four Defender types "
            "(MODELS.md §6 leaves p_XY free)",
            kind="probability",
        )
        for t in model.DEFENDER_TYPES
    ),
    *(_utility_parameter(n, model.CHALLENGER_ORDER, "Challenger") for n in model.CHALLENGER_ORDER),
    *(_utility_parameter(n, model.DEFENDER_ORDER, "Defender") for n in model.DEFENDER_ORDER),
)


def _inputs(p: dict[str, Any]) -> tuple[model.EscalationUtilities, Any, dict[str, Any]]:
    """Utilities (validated against the orderings first) and type probabilities."""
    e = as_exact(p)
    u = model.EscalationUtilities.from_mapping(e)
    return u, e["p_challenger_hard"], {t: e[f"p_{t.lower()}"] for t in model.DEFENDER_TYPES}


def build(**p: Any) -> GameTree:
    """The two-sided incomplete-information tree at one parameter point (exact)."""
    u, pc, pd = _inputs(p)
    return model.escalation_tree(u, pc, pd)


@lru_cache(maxsize=8)
def _analysis(key: tuple[tuple[str, Any], ...]) -> str:
    # Cached: the pure PBE search of the full model takes a few seconds, and the report
    # and the CLI may ask for the same parameter point more than once in a process.
    u, pc, pd = _inputs(dict(key))
    parts = [
        str(model.complete_information_solutions(u)),
        "",
        "Incomplete information: perfect Bayesian equilibria (pure; weak PBE, so off-path "
        "beliefs are free within the ranges shown), grouped by the outcome of each type "
        "pair (Challenger type / Defender type: tactical, strategic):",
        model.pbe_summary(model.escalation_pbe(u, pc, pd)),
    ]
    return "\n".join(parts)


def analysis(**p: Any) -> str:
    """The complete-information table per type pair, and the perfect Bayesian equilibria."""
    return _analysis(tuple(sorted(as_exact(p).items())))


def figures(directory: Path) -> list[Path]:
    """The complete-information tree of a hard Challenger against a Defender that is
    tactically hard but strategically soft (HS), with its subgame-perfect equilibrium
    highlighted: the Challenger initiates and the Defender concedes."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    from crisisgames.plot.tree import plot_game_tree
    from crisisgames.solvers.backward_induction import backward_induction

    tree = model.complete_information_tree("hard", "HS")
    fig, ax = plt.subplots(figsize=(8, 6), layout="constrained")
    plot_game_tree(tree, ax, solution=backward_induction(tree, exact=True)[0], node_labels=True)
    path = Path(directory) / "asymmetric_escalation_tree.png"
    fig.savefig(path, dpi=120)
    plt.close(fig)
    return [path]


SCENARIO = register(
    Scenario(
        name="asymmetric-escalation",
        title="Asymmetric escalation (Zagare & Kilgour): a Challenger and a Defender of "
        "unknown resolve",
        summary=(
            "The USSR (Challenger) keeps the status quo or places the missiles; the US "
            "(Defender) concedes, responds in kind (the blockade) or escalates; each may then "
            "back off or escalate further. The Challenger is hard (prefers war EE to backing "
            "down DE) with probability p_Ch; the Defender is tactically hard (prefers DD to "
            "conceding) and/or strategically hard (prefers EE to ED) with probabilities p_XY. "
            "Utilities are equally spaced ranks within the orderings of MODELS.md §6 and are "
            "checked against them. Under complete information a hard Challenger is deterred "
            "only by a doubly hard Defender (else the Defender concedes), and a soft "
            "Challenger is always deterred (the Defender would escalate). Under incomplete "
            "information at the uniform defaults, the pure perfect Bayesian equilibria either "
            "deter every type (SQ) or have both Challenger types initiate and every Defender "
            "concede (DC)."
        ),
        parameters=PARAMETERS,
        builder=build,
        analysis=analysis,
        figures=figures,
        kind="tree",
        references=(
            "Zagare, F. C. & Kilgour, D. M. (2000). Perfect Deterrence. Cambridge University "
            "Press.",
            "Zagare, F. C. (2014). A Game-Theoretic History of the Cuban Missile Crisis. "
            "Economies 2(1), 20-44.",
        ),
    )
)
