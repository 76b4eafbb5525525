"""CAMEO -> PLOVER event type and mode, by the longest matching CAMEO prefix."""

from __future__ import annotations

from pathlib import Path

from dyad.resources import data_path, read_tsv


class PloverMap:
    def __init__(self, by_prefix: dict[str, tuple[str | None, str | None]]):
        self._by_prefix = by_prefix

    @classmethod
    def load(cls, path: Path | None = None) -> PloverMap:
        rows = read_tsv(path or data_path("ontology", "plover.tsv"))
        return cls({row["cameo_prefix"]: (row.get("event_type") or None, row.get("mode") or None) for row in rows})

    def lookup(self, cameo: str) -> tuple[str | None, str | None]:
        for length in range(len(cameo), 1, -1):
            found = self._by_prefix.get(cameo[:length])
            if found is not None:
                return found
        return (None, None)
