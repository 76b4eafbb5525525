"""Readers and writers on one store (docs/concurrency.md): a Dataset kept alive does not block `dyad ingest`, and a
writer gets its turn even while a server answers reads without pause."""

from __future__ import annotations

import subprocess
import sys
import threading
from datetime import date

import dyad
from dyad.read import RawDocument
from dyad.store import Store
from dyad.writer_turn import announce, marker, withdraw, writer_waiting


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


WRITER = """
import sys, time
from dyad.store import Store
print("ready", flush=True)
sys.stdin.readline()
started = time.monotonic()
Store(sys.argv[1], wait=20).close()
print(round(time.monotonic() - started, 2), flush=True)
"""


def test_a_writer_gets_the_store_while_readers_overlap_without_pause(pipeline, tmp_path) -> None:
    """Like a busy server: read connections that overlap, so one is always open (before the writer's marker, a
    writer waited for a gap that never came and failed with 'store busy')."""
    import time

    from dyad.store import StoreBusy

    path = tmp_path / "busy.duckdb"
    with Store(path) as store:
        store.write([pipeline.code(RawDocument("Russland griff die Ukraine an.", "r", id="r"), "de")])
    writer = subprocess.Popen(
        [sys.executable, "-c", WRITER, str(path)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    )
    assert writer.stdin is not None and writer.stdout is not None
    assert writer.stdout.readline().strip() == "ready"  # imported: what follows times the wait alone
    stop, outcomes = threading.Event(), []

    def read(delay: float) -> None:
        time.sleep(delay)
        while not stop.is_set():
            try:
                with Store(path, read_only=True) as reader:
                    reader.connection.execute("SELECT count(*) FROM events").fetchone()
                    time.sleep(0.2)  # a request's time
                outcomes.append("read")
            except StoreBusy:
                outcomes.append("busy")

    readers = [threading.Thread(target=read, args=(n * 0.05,)) for n in range(4)]
    for thread in readers:
        thread.start()
    try:
        time.sleep(0.5)
        writer.stdin.write("go\n")
        writer.stdin.flush()
        waited = writer.stdout.readline().strip()
        assert writer.wait(timeout=60) == 0 and waited, "the writer never got the store"
        assert float(waited) < 20
    finally:
        stop.set()
        for thread in readers:
            thread.join()
    assert "read" in outcomes
    assert not marker(path).exists()


def test_a_waiting_writers_marker_stops_readers_and_a_dead_ones_is_ignored(tmp_path) -> None:
    path = tmp_path / "marked.duckdb"
    announce(path)
    assert not writer_waiting(path)  # this process's own marker
    withdraw(path)
    assert not marker(path).exists()
    gone = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    marker(path).write_text(gone.stdout.strip(), encoding="ascii")  # a writer that was killed while it waited
    assert not writer_waiting(path) and not marker(path).exists()
    alive = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"])
    try:
        marker(path).write_text(str(alive.pid), encoding="ascii")
        assert writer_waiting(path)
    finally:
        alive.kill()
        alive.wait()
