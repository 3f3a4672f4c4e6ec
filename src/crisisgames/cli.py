"""The ``crisisgames`` command: a thin layer over the library's API."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from crisisgames import __version__
from crisisgames.scenarios import chicken
from crisisgames.solvers.nash import nash_equilibria
from crisisgames.solvers.selection import payoff_dominant, risk_dominant

__all__ = ["main", "report_text"]


def report_text() -> str:
    """The crisis report as plain text: each built-in scenario, its game and equilibria.

    Examples
    --------
    >>> print(report_text().splitlines()[0])
    crisisgames report: equilibria of the Cuban Missile Crisis models
    """
    game = chicken()
    eqs = nash_equilibria(game, exact=True)
    lines = [
        "crisisgames report: equilibria of the Cuban Missile Crisis models",
        f"(crisisgames {__version__})",
        "",
        "== chicken: the classic Chicken reading (ordinal ranks, 4 = best) ==",
        str(game),
        "",
        eqs.table(),
        "(the mixed equilibrium reads the ranks as cardinal utilities; "
        "the pure equilibria depend on the ordering only)",
    ]
    pd = payoff_dominant(eqs)
    rd = risk_dominant(game)
    lines.append(
        "payoff-dominant equilibrium: " + (pd.describe() if pd else "none (each favours one side)")
    )
    lines.append(
        "risk-dominant equilibrium: " + (rd.describe() if rd else "none (equal Nash products)")
    )
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``crisisgames`` command."""
    parser = argparse.ArgumentParser(
        prog="crisisgames", description="Game-theoretic analysis of the Cuban Missile Crisis."
    )
    parser.add_argument("--version", action="version", version=f"crisisgames {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("report", help="solve the built-in crisis scenarios and print the results")
    args = parser.parse_args(argv)
    if args.command == "report":
        print(report_text())
    return 0


if __name__ == "__main__":
    sys.exit(main())
