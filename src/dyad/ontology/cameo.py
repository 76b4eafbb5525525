"""The CAMEO codebook: every code with its name, Goldstein value and quad class."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from dyad.resources import data_path, read_tsv


@dataclass(frozen=True, slots=True)
class CodeInfo:
    code: str
    name: str
    goldstein: float

    @property
    def root(self) -> str:
        return self.code[:2]

    @property
    def quad_class(self) -> int:
        """GDELT's quad classes: 1 verbal coop. (01-05), 2 material coop. (06-09), 3 verbal conflict (10-14),
        4 material conflict (15-20)."""
        root = int(self.root)
        if root <= 5:
            return 1
        if root <= 9:
            return 2
        if root <= 14:
            return 3
        return 4


class Codebook:
    def __init__(self, codes: dict[str, CodeInfo]):
        self._codes = codes

    @classmethod
    def load(cls, path: Path | None = None) -> Codebook:
        rows = read_tsv(path or data_path("ontology", "cameo.tsv"))
        return cls({row["code"]: CodeInfo(row["code"], row["name"], float(row["goldstein"])) for row in rows})

    def __contains__(self, code: str) -> bool:
        return code in self._codes

    def __len__(self) -> int:
        return len(self._codes)

    def __getitem__(self, code: str) -> CodeInfo:
        return self._codes[code]

    def codes(self) -> list[CodeInfo]:
        return list(self._codes.values())
