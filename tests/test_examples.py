"""Every script in examples/ runs as ``python examples/NAME.py --out DIR`` and writes a
figure there."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

EXAMPLES = sorted((Path(__file__).resolve().parents[1] / "examples").glob("*.py"))
FIGURES = (".png", ".pdf", ".svg")


def test_there_are_examples() -> None:
    assert EXAMPLES


@pytest.mark.parametrize("script", EXAMPLES, ids=lambda p: p.name)
def test_example_runs_and_writes_a_figure(script: Path, tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, str(script), "--out", str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=300,
        cwd=tmp_path,  # nothing may depend on being run from the repository root
    )
    assert done.returncode == 0, done.stderr
    figures = [p for p in tmp_path.rglob("*") if p.suffix in FIGURES and p.stat().st_size > 0]
    assert figures, f"{script.name} wrote no figure to {tmp_path}:\n{done.stdout}"
