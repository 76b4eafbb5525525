"""Every Python example in docs/ runs as written, against a store made from the example articles (and its CSV
export, `events.csv`)."""

from __future__ import annotations

import os
import re

import pytest
from click.testing import CliRunner

from dyad.cli import cli
from dyad.read import RawDocument
from dyad.store import Store
from tests.conftest import REPO

BLOCK = re.compile(r"```python\n(.*?)```", re.S)
EXAMPLES = [
    (path.name, number, code)
    for path in sorted((REPO / "docs").glob("*.md"))
    for number, code in enumerate(BLOCK.findall(path.read_text(encoding="utf-8")), 1)
]


@pytest.mark.parametrize(("doc", "number", "code"), EXAMPLES, ids=[f"{d}#{n}" for d, n, _ in EXAMPLES])
def test_python_example_runs(pipeline, tmp_path, doc: str, number: int, code: str) -> None:
    with Store(tmp_path / "dyad.duckdb") as store:
        store.write(
            [
                pipeline.code(RawDocument(p.read_text(encoding="utf-8"), p.name))
                for p in sorted((REPO / "examples").iterdir())
            ]
        )
    database, export = str(tmp_path / "dyad.duckdb"), str(tmp_path / "events.csv")
    exported = CliRunner().invoke(cli, ["export", "--db", database, "--format", "csv", "-o", export])
    assert exported.exit_code == 0, exported.output  # the CSV export the user guide reads
    cwd = os.getcwd()
    os.chdir(tmp_path)
    try:
        exec(compile(code, f"{doc} example {number}", "exec"), {})
    finally:
        os.chdir(cwd)
