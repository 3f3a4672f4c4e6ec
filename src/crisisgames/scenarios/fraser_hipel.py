"""``fraser-hipel``: the 1962 crisis in option form (Howard; Fraser & Hipel; the graph model).

The model is :func:`crisisgames.games.conflict_models.fraser_hipel` (options, infeasible
combinations and rankings as printed in MODELS.md §5); the analysis is the stability of
every state for each decision maker under Nash, GMR, SMR and SEQ
(:mod:`crisisgames.solvers.stability`), and the path of improvements from the status quo.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from crisisgames.games.conflict import ConflictModel
from crisisgames.games.conflict_models import FRASER_HIPEL_SOURCE, fraser_hipel
from crisisgames.scenarios.base import Parameter, Scenario, register
from crisisgames.solvers.stability import stability_table

__all__: list[str] = []


def build(**p: Any) -> ConflictModel:
    """The option-form model, with the air strike irreversible unless asked otherwise."""
    return fraser_hipel(air_strike_reversible=bool(p["air_strike_reversible"]))


def analysis(**p: Any) -> str:
    """The stability table and the status-quo path."""
    return stability_table(build(**p))


def figures(directory: Path) -> list[Path]:
    """The state graph with the equilibria and the status-quo path marked."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    from crisisgames.plot.conflict import plot_state_graph

    fig, ax = plt.subplots(figsize=(8, 6))
    plot_state_graph(fraser_hipel(), ax=ax)
    path = Path(directory) / "fraser_hipel_state_graph.png"
    fig.savefig(path, dpi=120, bbox_inches="tight")
    plt.close(fig)
    return [path]


SCENARIO = register(
    Scenario(
        name="fraser-hipel",
        title="Conflict analysis in option form: Nash, GMR, SMR and SEQ stability of 12 states",
        summary=(
            "Options: US air strike, US blockade, USSR withdraw, USSR escalate (withdraw and "
            "escalate exclusive: 12 feasible states), with each side's ranking of the states "
            "from MODELS.md §5. Stable states per decision maker and equilibria under four "
            "stability concepts; the path of unilateral improvements from the status quo."
        ),
        parameters=(
            Parameter(
                "air_strike_reversible",
                False,
                0,
                1,
                "flag",
                "whether the US may call off an air strike once launched",
                "brief: MODELS.md §5 makes the air strike irreversible (False); True is our sensitivity check",
                kind="bool",
            ),
        ),
        builder=build,
        analysis=analysis,
        figures=figures,
        references=(FRASER_HIPEL_SOURCE,),
        kind="conflict (graph model)",
    )
)
