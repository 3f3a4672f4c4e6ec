"""The README's quickstart runs as written."""

import re
from pathlib import Path

README = Path(__file__).resolve().parents[1] / "README.md"


def test_readme_quickstart_runs() -> None:
    blocks = re.findall(r"```python\n(.*?)```", README.read_text(), flags=re.S)
    assert blocks, "the README has no python quickstart"
    for code in blocks:
        exec(compile(code, str(README), "exec"), {})


def test_readme_gives_the_two_commands() -> None:
    text = README.read_text()
    assert "crisisgames report" in text
    ci = (README.parent / ".ci" / "run").read_text()
    test_cmd = (
        'python -m pip install -e ".[test,progress,dask,sensitivity,netcdf]" && python -m pytest'
    )
    assert test_cmd in text and test_cmd in ci
