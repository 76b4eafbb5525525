from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from dyad.model import Event
from dyad.pipeline import Pipeline
from dyad.read import RawDocument

REPO = Path(__file__).resolve().parent.parent
SEEDS = REPO.parent / "shared" / "seeds"


@pytest.fixture(scope="session")
def pipeline() -> Pipeline:
    return Pipeline.load()


@pytest.fixture(scope="session")
def code(pipeline: Pipeline):
    """Code a text and return its events."""

    def run(text: str, lang: str = "de", published: date | None = date(2026, 3, 2)) -> list[Event]:
        return pipeline.code(RawDocument(text=text, origin="test", language=lang, published=published)).events

    return run


def triples(events: list[Event], *, certain_only: bool = False) -> set[tuple[str, str, str | None]]:
    """(source country, CAMEO code, target country) of each event."""
    return {
        (e.source.actor.country, e.cameo, e.target.actor.country if e.target else None)
        for e in events
        if not certain_only or not (e.negated or e.hypothetical)
    }


def roots(events: list[Event]) -> set[tuple[str, str, str | None]]:
    return {(s, c[:2], t) for s, c, t in triples(events)}
