"""The ``crisisgames`` command, run in-process through ``main``."""

from __future__ import annotations

from pathlib import Path

import pytest
import xarray as xr

from crisisgames.cli import main


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_list_names_every_scenario(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "list")
    assert code == 0
    for name in ("chicken", "missile-trade", "brinkmanship", "fraser-hipel"):
        assert name in out


def test_show_prints_sources_game_and_equilibria(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "show", "chicken-goals")
    assert code == 0
    assert "source: assumption" in out
    # the mixed equilibrium derived in chicken_goals.py: blockade 10/23, withdraw 3/5
    assert "blockade 10/23" in out and "withdraw 3/5" in out


def test_solve_with_settings(capsys: pytest.CaptureFixture[str]) -> None:
    # With a strike that never escalates, the US's air strike on maintained missiles pays
    # (1 - 0)(2/5 + 2/5 + 1/10) = 9/10 and no outcome involves war.
    code, out, _ = run(capsys, "solve", "chicken-goals", "--set", "escalation=0")
    assert code == 0
    assert "(9/10, 0)" in out
    assert "P(war) = 0.113" not in out


def test_unknown_parameter_is_a_clean_error(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "solve", "chicken-goals", "--set", "escalatoin=0.1")
    assert code == 2
    assert "did you mean 'escalation'" in err


def test_out_of_range_parameter_is_a_clean_error(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "solve", "chicken-goals", "--set", "escalation=2")
    assert code == 2 and "outside its range" in err


def test_sweep_into_a_directory_is_a_clean_error(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    pytest.importorskip("netCDF4")  # without it the Dataset is written by SciPy at the end
    code, _, err = run(
        capsys, "sweep", "verification", "--over", "penalty=0:1:3", "--out", str(tmp_path)
    )
    assert code == 2 and "is a directory" in err and "Traceback" not in err


def test_sweep_writes_a_labeled_dataset(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    out_file = tmp_path / "v.nc"
    code, out, _ = run(
        capsys, "sweep", "verification", "--over", "penalty=0:1:6", "--out", str(out_file)
    )
    assert code == 0 and str(out_file) in out
    ds = xr.open_dataset(out_file)
    assert ds.sizes["penalty"] == 6
    assert ds["penalty"].values.tolist() == pytest.approx([0, 0.2, 0.4, 0.6, 0.8, 1.0])
    assert ds.attrs["scenario"] == "verification"
    ds.close()


def test_report_writes_markdown_and_figures(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, out, _ = run(capsys, "report", "--out", str(tmp_path))
    assert code == 0
    text = (tmp_path / "report.md").read_text()
    assert "## brinkmanship" in text and "## fraser-hipel" in text
    assert (tmp_path / "brinkmanship_window.png").stat().st_size > 0
    assert "asymmetric_escalation_tree.png" in text
    assert (tmp_path / "asymmetric_escalation_tree.png").stat().st_size > 0
    assert "report written to" in out


@pytest.mark.parametrize("executor", [["--workers", "2"], ["--dask", "local"]])
def test_sweep_on_an_executor_matches_serial(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, executor: list[str]
) -> None:
    if executor[0] == "--dask":
        pytest.importorskip("distributed", reason="the dask extra")
    args = ["sweep", "verification", "--over", "penalty=0:1:6"]
    assert run(capsys, *args, "--out", str(tmp_path / "serial.nc"))[0] == 0
    assert run(capsys, *args, *executor, "--out", str(tmp_path / "pool.nc"))[0] == 0
    with xr.open_dataset(tmp_path / "serial.nc") as a, xr.open_dataset(tmp_path / "pool.nc") as b:
        assert a["n_equilibria"].values.tolist() == b["n_equilibria"].values.tolist()
        assert a.equals(b)
