"""Gold files for `dyad eval`: JSONL records (the fields of the OEDA PLOVER gold standard, plus our own; the format
is in evaluation.py's docstring and docs/benchmarks.md) read into `GoldItem`s, old PLOVER type names and old CAMEO
country codes mapped to current ones, organisations compared as "IGO"."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from dyad.ontology import PloverMap
from dyad.read import InputError
from dyad.resources import data_path, read_tsv

NO_EVENT = "NONE"
ORGANISATION_COUNTRIES = frozenset(
    [
        "IGO",
        "IGOUNO",
        "NATO",
        "EUR",
        "AFR",
        "ARL",
        "OPEC",
        "ASEAN",
        "OSCE",
        "WHO",
        "IMF",
        "WBK",
        "WTO",
        "ICC",
        "ICJ",
        "ICRC",
        "G7",
        "G20",
        "BRICS",
        "GCC",
        "IAEA",
    ]
)


@dataclass(frozen=True, slots=True)
class GoldActor:
    text: str
    country: str
    role: str | None


@dataclass(frozen=True, slots=True)
class GoldItem:
    id: str
    text: str
    language: str
    sources: tuple[GoldActor, ...]
    targets: tuple[GoldActor, ...]
    cameo_prefixes: tuple[str, ...]
    plover: str | None
    negated: bool = False
    hypothetical: bool = False

    @property
    def has_event(self) -> bool:
        return bool(self.cameo_prefixes) or self.plover is not None


class GoldReader:
    """Reads gold JSONL into `GoldItem`s, mapping old type names and old country codes."""

    def __init__(self) -> None:
        legacy_types = read_tsv(data_path("ontology", "plover_legacy.tsv"))
        self._legacy = {row["legacy_type"]: row for row in legacy_types}
        legacy_codes = read_tsv(data_path("data", "legacy_country_codes.tsv"))
        self._countries = {row["legacy"]: row["iso3"] for row in legacy_codes}
        self._plover = PloverMap.load()

    def read(self, path: Path) -> list[GoldItem]:
        if not path.exists():
            raise InputError(f"{path}: no such gold file")
        items = []
        with path.open(encoding="utf-8") as handle:
            for number, line in enumerate(handle, 1):
                if not line.strip():
                    continue
                try:
                    items.append(self.item(json.loads(line)))
                except (json.JSONDecodeError, KeyError, TypeError, ValueError) as error:
                    raise InputError(f"{path}:{number}: not a gold record ({error})") from None
        if not items:
            raise InputError(f"{path}: no gold records")
        return items

    def item(self, record: dict[str, Any]) -> GoldItem:
        event = str(record.get("event") or NO_EVENT).upper()
        cameo = str(record.get("cameo") or "")
        if cameo:
            prefixes: tuple[str, ...] = (cameo[:2],)
            plover = self._plover.lookup(cameo)[0]
        elif event == NO_EVENT:
            prefixes, plover = (), None
        elif event in self._legacy:
            row = self._legacy[event]
            prefixes, plover = tuple(row["cameo_prefixes"].split("|")), row["plover_type"]
        else:
            raise ValueError(f"unknown event type {event!r}")
        return GoldItem(
            id=str(record.get("id", "")),
            text=record["text"],
            language=str(record.get("language") or "en"),
            sources=self._actors(record.get("source")),
            targets=self._actors(record.get("target")),
            cameo_prefixes=prefixes,
            plover=plover,
            negated=bool(record.get("negated", False)),
            hypothetical=bool(record.get("hypothetical", False)),
        )

    def _actors(self, value: object) -> tuple[GoldActor, ...]:
        if not isinstance(value, list):
            return ()
        actors = []
        for actor in value:
            code = self.country(str(actor.get("code") or ""))
            if not code or code == "***":
                continue
            sector = str(actor.get("sector") or "")[:3] or None
            actors.append(GoldActor(str(actor.get("actorText") or ""), code, sector))
        return tuple(actors)

    def country(self, code: str) -> str:
        return normalise_country(self._countries.get(code, code)) or code


def normalise_country(code: str | None) -> str | None:
    if code is None:
        return None
    return "IGO" if code in ORGANISATION_COUNTRIES or code.startswith(("IGO", "NGO")) else code
