"""The ``crisisgames`` command: a thin layer over the library's API.

``crisisgames list``, ``crisisgames show NAME``, ``crisisgames solve NAME --set k=v``
and ``crisisgames report``.
"""

from __future__ import annotations

import argparse
import contextlib
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from crisisgames import __version__
from crisisgames.errors import CrisisGamesError
from crisisgames.games.normal_form import NormalFormGame
from crisisgames.metrics import summary
from crisisgames.scenarios import catalog, get
from crisisgames.scenarios.base import Scenario
from crisisgames.solvers.nash import nash_equilibria
from crisisgames.solvers.selection import payoff_dominant, risk_dominant

__all__ = ["main", "report_text", "run_sweep", "scenario_text", "write_report"]


def _parse_settings(settings: Sequence[str], scenario: Scenario) -> dict[str, Any]:
    """``key=value`` strings -> typed parameter values (validated by the scenario)."""
    out: dict[str, Any] = {}
    for item in settings:
        key, sep, raw = item.partition("=")
        if not sep:
            raise CrisisGamesError(f"--set expects key=value, got {item!r}")
        kind = scenario.parameter(key.strip()).kind
        if kind == "bool":
            if raw.strip().lower() not in ("true", "false", "1", "0", "yes", "no"):
                raise CrisisGamesError(f"{key} must be true or false, got {raw!r}")
            out[key.strip()] = raw.strip().lower() in ("true", "1", "yes")
        else:
            try:
                out[key.strip()] = float(raw)
            except ValueError:
                raise CrisisGamesError(f"{key} must be a number, got {raw!r}") from None
    return out


def scenario_text(name: str, params: dict[str, Any] | None = None, *, exact: bool = True) -> str:
    """A scenario's sheet, its game and its equilibria with their metrics.

    Examples
    --------
    >>> print(scenario_text("brams-alternative").splitlines()[0])
    brams-alternative: Brams's alternative reading of the crisis (ordinal ranks, 4 = best)
    """
    scenario = get(name)
    params = params or {}
    model = scenario.build(**params)
    lines = [scenario.describe(), ""]
    if params:
        lines += ["With " + ", ".join(f"{k} = {v}" for k, v in params.items()), ""]
    lines.append(
        model.table()
        if hasattr(model, "table") and not isinstance(model, NormalFormGame)
        else str(model)
    )
    if scenario.analysis is not None:
        lines += ["", scenario.analysis(**scenario.resolve(**params))]
    if isinstance(model, NormalFormGame):
        eqs = nash_equilibria(model, exact=exact and model.num_players == 2)
        outcomes = scenario.outcome_data(**params) if scenario.outcomes else None
        lines += ["", summary(eqs, outcomes)]
        if model.is_ordinal and any(not e.is_pure for e in eqs):
            lines.append(
                "(mixed equilibria read the ranks as cardinal utilities; "
                "pure equilibria depend on the ordering only)"
            )
        if model.num_players == 2 and len(eqs) > 1:
            pd = payoff_dominant(eqs)
            lines.append("payoff-dominant equilibrium: " + (pd.describe() if pd else "none"))
            if model.shape == (2, 2):
                rd = risk_dominant(model)
                lines.append("risk-dominant equilibrium: " + (rd.describe() if rd else "none"))
    return "\n".join(lines)


def report_text() -> str:
    """The crisis report as plain text: every catalog scenario at its defaults.

    Examples
    --------
    >>> print(report_text().splitlines()[0])
    crisisgames report: equilibria of the Cuban Missile Crisis models
    """
    lines = [
        "crisisgames report: equilibria of the Cuban Missile Crisis models",
        f"(crisisgames {__version__})",
    ]
    for name in catalog()["name"]:
        lines += ["", "=" * 78, scenario_text(name)]
    return "\n".join(lines)


def write_report(directory: str | Path) -> Path:
    """Write the report (Markdown, with the scenarios' figures) into a directory.

    Returns the path of ``report.md``.
    """
    out = Path(directory)
    out.mkdir(parents=True, exist_ok=True)
    parts = [
        "# crisisgames report: equilibria of the Cuban Missile Crisis models",
        "",
        f"crisisgames {__version__}.",
    ]
    for name in catalog()["name"]:
        scenario = get(name)
        parts += ["", f"## {name}", "", "```", scenario_text(name), "```"]
        if scenario.figures is not None:
            for fig in scenario.figures(out):
                parts += ["", f"![{name}]({fig.name})"]
    # Sweeps: regime maps and exact regime boundaries of the settlement games.
    from crisisgames.report_sweeps import sweep_figures, sweep_summary

    parts += ["", "## Sweeps", "", "```", sweep_summary(), "```"]
    for fig in sweep_figures(out):
        parts += ["", f"![{fig.stem}]({fig.name})"]
    path = out / "report.md"
    path.write_text("\n".join(parts) + "\n", encoding="utf-8")
    return path


def _shorten(text: str, width: int = 110) -> str:
    return text if len(text) <= width else text[: width - 3] + "..."


def run_sweep(args: argparse.Namespace) -> str:
    """``crisisgames sweep``: solve a scenario over a grid, save the Dataset as netCDF.

    With netCDF4 installed (the ``netcdf`` extra) the results stream into the file chunk by
    chunk, so a sweep of any size runs in bounded memory; without it, the Dataset is built
    in memory and written at the end (SciPy's netCDF 3).
    """
    import concurrent.futures as cf
    import importlib.util

    from crisisgames.sweep import Grid, parse_axis, save_dataset, sweep

    scenario = get(args.name)
    if not args.over:
        raise CrisisGamesError("sweep needs at least one --over name=low:high:num")
    axes = dict(parse_axis(text, scenario) for text in args.over)
    grid = Grid(scenario, axes, fixed=_parse_settings(args.set, scenario))
    checkpoint = args.checkpoint or (f"{args.out}.chunks" if args.resume else None)
    stream = importlib.util.find_spec("netCDF4") is not None
    executor: cf.Executor | None = None
    with contextlib.ExitStack() as stack:  # shuts the pool or the Dask cluster down
        if args.dask:
            from crisisgames.sweep.dask_executor import dask_executor

            address = None if args.dask == "local" else args.dask
            executor = stack.enter_context(dask_executor(address))
        elif args.workers and args.workers > 1:
            executor = stack.enter_context(cf.ProcessPoolExecutor(args.workers))
        ds = sweep(
            grid,
            executor=executor,
            checkpoint=checkpoint,
            resume=args.resume,
            out=args.out if stream else None,
            **({"chunk_size": args.chunk_size} if args.chunk_size else {}),
        )
    path = Path(args.out) if stream else save_dataset(ds, args.out)
    with ds:
        counts = ds["n_equilibria"]
        regimes = ds["regime_label"].values.tolist()
        lines = [
            f"swept {scenario.name} over {', '.join(f'{d} ({ds.sizes[d]})' for d in grid.dims)}: "
            f"{grid.size} points",
            f"equilibria per point: {int(counts.min())} to {int(counts.max())}",
            f"{len(regimes)} regime(s) (equilibrium structures), e.g.:",
            *(f"  {_shorten(str(r))}" for r in regimes[:5]),
            f"dataset written to {path}",
        ]
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``crisisgames`` command."""
    parser = argparse.ArgumentParser(
        prog="crisisgames", description="Game-theoretic analysis of the Cuban Missile Crisis."
    )
    parser.add_argument("--version", action="version", version=f"crisisgames {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("list", help="list the scenario catalog")
    show = sub.add_parser("show", help="a scenario's parameters with sources, game and equilibria")
    show.add_argument("name")
    solve = sub.add_parser("solve", help="solve a scenario with some parameters set")
    solve.add_argument("name")
    solve.add_argument("--set", action="append", default=[], metavar="KEY=VALUE")
    sw = sub.add_parser("sweep", help="solve a scenario over a grid of parameters (netCDF out)")
    sw.add_argument("name")
    sw.add_argument(
        "--over",
        action="append",
        default=[],
        metavar="KEY=LO:HI:N",
        help="a swept parameter: name=low:high:num or name=v1,v2,... (repeatable)",
    )
    sw.add_argument("--set", action="append", default=[], metavar="KEY=VALUE")
    sw.add_argument("--out", required=True, help="the netCDF file to write")
    sw.add_argument("--workers", type=int, default=0, help="processes (default: serial)")
    sw.add_argument("--dask", metavar="ADDRESS", help="a Dask scheduler address, or 'local'")
    sw.add_argument("--resume", action="store_true", help="resume from the checkpoint")
    sw.add_argument("--checkpoint", help="checkpoint directory (default with --resume: OUT.chunks)")
    sw.add_argument("--chunk-size", type=int, default=0)
    report = sub.add_parser(
        "report", help="solve every built-in crisis scenario, print the results, write a report"
    )
    report.add_argument(
        "--out", default="crisisgames-report", help="directory of the Markdown report and figures"
    )
    args = parser.parse_args(argv)
    try:
        if args.command == "list":
            table = catalog()[["name", "kind", "title"]]
            print(table.to_string(index=False))
        elif args.command == "show":
            print(scenario_text(args.name))
        elif args.command == "solve":
            print(scenario_text(args.name, _parse_settings(args.set, get(args.name))))
        elif args.command == "sweep":
            print(run_sweep(args))
        elif args.command == "report":
            print(report_text())
            print(f"\nreport written to {write_report(args.out)}")
    except (CrisisGamesError, OSError, ImportError) as exc:
        # Bad input, an unwritable --out, a missing extra: a message, not a traceback.
        print(f"crisisgames: error: {exc}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
