"""The store and the `dyad` command, run as a user would (a subprocess): outputs, idempotence, errors."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys

import duckdb
import pytest

from dyad.read import RawDocument
from dyad.store import EventFilter, Store, row_to_contract
from tests.conftest import REPO

EXAMPLES = REPO / "examples"
CONTRACT_KEYS = {
    "schema_version",
    "event_id",
    "doc_id",
    "language",
    "sentence_index",
    "sentence",
    "date",
    "date_precision",
    "source",
    "target",
    "trigger",
    "cameo",
    "cameo_root",
    "cameo_name",
    "goldstein",
    "quad_class",
    "plover",
    "negated",
    "hypothetical",
    "attributed_to",
    "location",
    "confidence",
}


def dyad(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "dyad", *args], capture_output=True, input=stdin, timeout=300, check=False
    )


def test_store_round_trip_and_idempotence(pipeline, tmp_path) -> None:
    coded = [pipeline.code(RawDocument(text=p.read_text(encoding="utf-8"), origin=p.name)) for p in EXAMPLES.iterdir()]
    path = tmp_path / "d.duckdb"
    with Store(path) as store:
        first = store.write(coded)
        again = store.write(coded)
        counts = store.counts()
    assert first.articles == len(coded) and first.events > 10
    assert again.articles == 0 and again.skipped == len(coded) and again.events == 0
    assert counts["events"] == first.events and counts["articles"] == len(coded)
    with Store(path, read_only=True) as store:
        rows = list(store.events(EventFilter(include_uncertain=True)))
        certain = list(store.events(EventFilter()))
        between = list(store.events(EventFilter(dyad=("ISR", "PSE"), include_uncertain=True)))
    stored = {e.event_id: e.to_dict() for c in coded for e in c.events}
    for row in rows:
        record = row_to_contract(row)
        assert record.pop("group_id") and set(record.pop("article")) == {"title", "url", "published", "source"}
        assert record == stored[row["event_id"]]
    assert len(certain) == sum(1 for e in stored.values() if not (e["negated"] or e["hypothetical"]))
    assert between and all({r["source_country"], r["target_country"]} == {"ISR", "PSE"} for r in between)


def test_code_jsonl_follows_the_contract() -> None:
    result = dyad("code", str(EXAMPLES / "de_nahost_waffenruhe.txt"), "--format", "jsonl")
    assert result.returncode == 0, result.stderr.decode()
    events = [json.loads(line) for line in result.stdout.decode().splitlines()]
    assert events and all(set(e) == CONTRACT_KEYS for e in events)
    assert {(e["source"]["country"], e["cameo"]) for e in events} >= {("QAT", "045")}


def test_code_reads_stdin_with_published_date() -> None:
    text = b"Der Iran kritisierte am Samstag die Vereinigten Staaten."
    result = dyad("code", "-", "--format", "csv", "--published", "2026-03-02", "--lang", "de", stdin=text)
    assert result.returncode == 0, result.stderr.decode()
    [row] = list(csv.DictReader(io.StringIO(result.stdout.decode())))
    assert (row["source_country"], row["cameo"], row["target_country"], row["date"]) == (
        "IRN",
        "111",
        "USA",
        "2026-02-28",
    )


@pytest.mark.parametrize(
    ("content", "expected"),
    [(None, "no such file"), (b"", "empty input"), (b"\x00\x00binary\x00", "binary"), (b"\xff\xfe\xfa", "UTF-8")],
)
def test_bad_input_gives_one_line_and_non_zero_exit(tmp_path, content: bytes | None, expected: str) -> None:
    path = tmp_path / "input.txt"
    if content is not None:
        path.write_bytes(content)
    result = dyad("code", str(path))
    stderr = result.stderr.decode()
    assert result.returncode == 1
    assert expected in stderr and "Traceback" not in stderr and len(stderr.strip().splitlines()) == 1


def test_ingest_is_idempotent_and_bad_input_keeps_stored_data(tmp_path) -> None:
    db = tmp_path / "dyad.duckdb"
    first = dyad("ingest", str(EXAMPLES), "--db", str(db))
    assert first.returncode == 0, first.stderr.decode()
    before = duckdb.connect(str(db), read_only=True).execute("SELECT count(*) FROM events").fetchone()[0]
    assert before > 10
    second = dyad("ingest", str(EXAMPLES), "--db", str(db))
    assert b"0 articles stored" in second.stderr
    mixed = tmp_path / "mixed"
    mixed.mkdir()
    (mixed / "good.txt").write_text("Kanada kritisierte China scharf.", encoding="utf-8")
    (mixed / "bad.txt").write_bytes(b"\xff\xfe\x00\x00")
    third = dyad("ingest", str(mixed), "--db", str(db))
    assert third.returncode == 1 and b"skipped" in third.stderr and b"Traceback" not in third.stderr
    connection = duckdb.connect(str(db), read_only=True)
    after = connection.execute("SELECT count(*) FROM events").fetchone()[0]
    assert after == before + 1
    connection.close()
    csv_out = dyad("events", "--db", str(db), "--actor", "CAN", "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(csv_out.stdout.decode())))
    assert [(r["source_country"], r["cameo"], r["target_country"]) for r in rows] == [("CAN", "111", "CHN")]
    parquet = tmp_path / "events.parquet"
    exported = dyad("events", "--db", str(db), "--root", "11", "--format", "parquet", "-o", str(parquet))
    assert exported.returncode == 0, exported.stderr.decode()
    count = duckdb.connect().execute(f"SELECT count(*) FROM '{parquet}' WHERE cameo_root = '11'").fetchone()[0]
    assert count >= 1
    import pandas  # pandas reads the export in Dyad's own environment (pyarrow is a dependency)

    frame = pandas.read_parquet(parquet)
    assert len(frame) == count and set(frame["cameo_root"]) == {"11"}


def test_events_on_a_missing_database(tmp_path) -> None:
    result = dyad("events", "--db", str(tmp_path / "none.duckdb"))
    assert result.returncode == 1 and b"no such database" in result.stderr


@pytest.mark.parametrize("command", [[], ["code"], ["ingest"], ["events"]])
def test_help(command: list[str]) -> None:
    result = dyad(*command, "--help")
    assert result.returncode == 0 and b"Usage" in result.stdout


def test_shortened_evidence_keeps_the_trigger_and_whole_words() -> None:
    from dyad.output import shorten

    sentence = "Am Dienstag haben Katar und Ägypten in Doha nach langen Verhandlungen neue Gespräche zwischen " * 2
    start = sentence.index("Gespräche")
    short = shorten(sentence, start, start + len("Gespräche"), width=40)
    assert "Gespräche" in short and short.startswith("…") and short.endswith("…")
    assert all(word in sentence.split() for word in short.strip("…").split())
