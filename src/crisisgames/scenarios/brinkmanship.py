"""``brinkmanship``: the probabilistic threat (Schelling; Dixit & Skeath), as a scenario.

The model and its exact analysis live in :mod:`crisisgames.models.brinkmanship`; this
module declares its parameters (the payoff table of MODELS.md §3 with its provenance, the
hard-line probability p, the threat's probability of war q and the sweetener j of the
secret trade) and builds the Bayesian normal form.
"""

from __future__ import annotations

from fractions import Fraction
from pathlib import Path
from typing import Any

import numpy as np

from crisisgames.games.normal_form import NormalFormGame
from crisisgames.models import brinkmanship as model
from crisisgames.scenarios.base import OutcomeData, Parameter, Scenario, as_exact, register

__all__: list[str] = []

_MEANING = {
    "us_comply": "US payoff if the USSR withdraws",
    "us_stay": "US payoff if the missiles stay",
    "us_war": "US payoff of war",
    "soft_comply": "soft-line USSR payoff if it withdraws",
    "soft_stay": "soft-line USSR payoff if the missiles stay",
    "soft_war": "soft-line USSR payoff of war",
    "hard_comply": "hard-line USSR payoff if it withdraws",
    "hard_stay": "hard-line USSR payoff if the missiles stay",
    "hard_war": "hard-line USSR payoff of war",
}


def _payoff_source(name: str) -> str:
    text = model.PAYOFF_SOURCES[name]
    return ("recon: " if "recon" in text else "model: ") + text


PARAMETERS = (
    Parameter(
        "p",
        Fraction(1, 3),
        0,
        1,
        "probability",
        "probability the USSR is hard-line",
        "assumption: a third, inside Kennedy's 'one out of three and even' band",
        kind="probability",
    ),
    Parameter(
        "q",
        Fraction(3, 5),
        0,
        1,
        "probability",
        "probability that defiance leads to war (the threat)",
        "assumption: the soft type's effectiveness threshold 3/5 at the defaults",
        kind="probability",
    ),
    Parameter(
        "sweetener",
        0.0,
        0,
        20,
        "utility",
        "added to the Soviet comply payoff (the secret Jupiter trade)",
        "assumption: no trade by default (MODELS.md §3)",
    ),
    *(
        Parameter(name, value, -100, 100, "utility", _MEANING[name], _payoff_source(name))
        for name, value in model.DEFAULT_PAYOFFS.items()
    ),
)


def build(**p: Any) -> NormalFormGame:
    """The Bayesian normal form at one parameter point (exact payoffs)."""
    e = as_exact(p)
    return model.brinkmanship_game(**e)


def outcomes(**p: Any) -> OutcomeData:
    """War occurs after a threat that a type defies, with probability q.

    Columns are the USSR's type-contingent plans in the order of
    :func:`~crisisgames.models.brinkmanship.brinkmanship_game`: the probability of war of
    each (US action, plan) is q times the probability that the realised type defies.
    """
    game = build(**p)
    e = as_exact(p)
    war = np.zeros(game.shape)
    threat = game.actions[0].index("threat")
    for c, plan in enumerate(game.actions[1]):
        soft, hard = plan.split("/")
        defy = (1 - e["p"]) * (soft == "defy") + e["p"] * (hard == "defy")
        war[threat, c] = float(e["q"] * defy)
    return OutcomeData(war=war)


def analysis(**p: Any) -> str:
    """The exact analysis at p, and at the points where the window changes."""
    e = as_exact(p)
    payoffs = {k: e[k] for k in model.DEFAULT_PAYOFFS}
    parts = [str(model.brinkmanship_analysis(e["p"], sweetener=e["sweetener"], **payoffs))]
    closing = model.window_closing_p(sweetener=e["sweetener"], **payoffs)
    parts.append(f"the window closes at p = {closing}")
    return "\n".join(parts)


def figures(directory: Path) -> list[Path]:
    """The window over (p, q) with Kennedy's band."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    from crisisgames.plot.brinkmanship import plot_window

    fig, ax = plt.subplots(figsize=(6, 4.5))
    plot_window(ax=ax)
    path = Path(directory) / "brinkmanship_window.png"
    fig.savefig(path, dpi=120, bbox_inches="tight")
    plt.close(fig)
    return [path]


SCENARIO = register(
    Scenario(
        name="brinkmanship",
        title="Brinkmanship: the probabilistic threat q against a USSR of unknown resolve",
        summary=(
            "The US demands withdrawal and threatens that defiance brings war with "
            "probability q; the USSR is hard-line with probability p. Effective threats make "
            "the soft type comply (q >= 3/5 at the defaults; the hard type never does); "
            "acceptable ones are worth the risk to the US (q <= 3(1 - p)/(8p)). The window "
            "is [3/5, 3/4] at p = 1/3 and closes at p = 5/13. A sweetener j (the secret "
            "trade) lowers the soft type's threshold to (6 - j)/10."
        ),
        parameters=PARAMETERS,
        builder=build,
        outcomes=outcomes,
        analysis=analysis,
        figures=figures,
        references=(
            "Dixit, A. & Skeath, S. Games of Strategy, ch. 'Brinkmanship: The Cuban Missile Crisis'.",
            "Schelling, T. C. (1960). The Strategy of Conflict. Harvard University Press.",
        ),
    )
)
