"""The Python API holds no connection between calls: a Dataset kept alive does not block `dyad ingest`."""

from __future__ import annotations

import subprocess
import sys
from datetime import date

import dyad
from dyad.read import RawDocument
from dyad.store import Store


def test_a_live_dataset_does_not_block_an_ingest(pipeline, tmp_path) -> None:
    path = tmp_path / "live.duckdb"
    with Store(path) as store:
        store.write([pipeline.code(RawDocument("Frankreich kritisierte Israel scharf.", "a", id="a"), "de")])
    dataset = dyad.open(path)  # alive for the whole test, as in a notebook
    assert len(dataset.events(actor="FRA")) == 1
    article = tmp_path / "new.txt"
    article.write_text("Die USA verhängten Sanktionen gegen den Iran.", encoding="utf-8")
    ingest = [sys.executable, "-m", "dyad", "ingest", str(article), "--db", str(path), "--lang", "de"]
    ingest += ["--published", date(2026, 3, 2).isoformat()]
    result = subprocess.run(ingest, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    assert len(dataset.events(actor="USA")) == 1  # the same object sees what the ingest stored
    assert not dataset.dyads(actors=["USA", "IRN"]).empty
    nodes, _ = dataset.network()
    assert {"FRA", "ISR", "USA", "IRN"} <= set(nodes["id"])
    dataset.close()
