"""The optional extras stay optional: the library works without dask, SALib or tqdm."""

from __future__ import annotations

import subprocess
import sys


def test_the_library_works_without_dask_salib_or_tqdm():
    """The core imports neither: with both made unimportable, sweeps, regimes, plots and
    the optional modules still import and run (the optional functions then say what to
    install)."""
    code = (
        "import sys\n"
        "for name in ('dask', 'distributed', 'SALib', 'tqdm'):\n"
        "    sys.modules[name] = None  # import raises ImportError\n"
        "import matplotlib; matplotlib.use('Agg')\n"
        "from crisisgames.sweep import Grid, sweep, regime_boundaries\n"
        "from crisisgames.plot.sweep import plot_regime_map\n"
        "from crisisgames.sweep.sensitivity import sobol_indices, tornado\n"
        "from crisisgames.sweep.dask_executor import dask_executor\n"
        "ds = sweep(Grid('verification', {'penalty': (0, 1, 11)}), chunk_size=3, progress=True)\n"
        "print(regime_boundaries(ds, 'penalty').value.tolist())\n"
        "for f in (lambda: sobol_indices('verification', ['penalty']),\n"
        "          lambda: dask_executor().__enter__()):\n"
        "    try:\n"
        "        f()\n"
        "    except ImportError as exc:\n"
        "        print(exc)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    lines = out.stdout.splitlines()
    assert lines[0] == "[Fraction(1, 15)]"
    assert "crisisgames[sensitivity]" in lines[1]
    assert "crisisgames[dask]" in lines[2]
