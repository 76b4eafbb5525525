"""Reading the package's data files (TSV with `#` comments, TOML). No module-level caches: callers load once."""

from __future__ import annotations

import csv
import tomllib
from collections.abc import Iterator
from importlib import resources
from pathlib import Path
from typing import Any

PACKAGE = "dyad"


def data_path(*parts: str) -> Path:
    path = resources.files(PACKAGE)
    for part in parts:
        path = path.joinpath(part)
    return Path(str(path))


def read_tsv(path: Path) -> Iterator[dict[str, str]]:
    """Rows of a TSV file as dicts; `#` lines are comments, the first other line is the header."""
    with path.open(encoding="utf-8", newline="") as handle:
        lines = (line for line in handle if line.strip() and not line.startswith("#"))
        for row in csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE):
            yield {key: (value or "").strip() for key, value in row.items() if key is not None}


def read_toml(path: Path) -> dict[str, Any]:
    with path.open("rb") as handle:
        return tomllib.load(handle)


def split_forms(cell: str) -> list[str]:
    return [form.strip() for form in cell.split("|") if form.strip()]
