"""Batch ingest: jobs, formats, resumption after kill -9, partitioned Parquet."""

from __future__ import annotations

import gzip
import json
import signal
import subprocess
import sys
import time

import duckdb
import pytest

from tests.conftest import REPO

sys.path.insert(0, str(REPO / "bench"))
import corpus


def ingest(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "dyad", "ingest", *args], capture_output=True, check=False, timeout=600
    )


def contents(db) -> tuple[int, int, frozenset[str]]:
    connection = duckdb.connect(str(db), read_only=True)
    articles = connection.execute("SELECT count(*) FROM articles").fetchone()[0]
    sentences = connection.execute("SELECT count(*) FROM sentences").fetchone()[0]
    events = frozenset(row[0] for row in connection.execute("SELECT event_id FROM events").fetchall())
    connection.close()
    return articles, sentences, events


@pytest.fixture(scope="module")
def corpus_file(tmp_path_factory):
    return corpus.write(160, tmp_path_factory.mktemp("corpus") / "corpus.jsonl")


@pytest.fixture(scope="module")
def reference(corpus_file, tmp_path_factory):
    db = tmp_path_factory.mktemp("reference") / "full.duckdb"
    result = ingest(str(corpus_file), "--db", str(db), "--jobs", "1", "--batch-size", "20")
    assert result.returncode == 0, result.stderr.decode()
    return contents(db)


def test_two_jobs_give_the_same_store(corpus_file, reference, tmp_path) -> None:
    db = tmp_path / "two.duckdb"
    result = ingest(str(corpus_file), "--db", str(db), "--jobs", "2", "--batch-size", "20")
    assert result.returncode == 0, result.stderr.decode()
    assert contents(db) == reference
    assert reference[0] == 160 and len(reference[2]) > 1000


def test_kill_9_then_rerun_equals_an_uninterrupted_run(corpus_file, reference, tmp_path) -> None:
    db = tmp_path / "killed.duckdb"
    command = [
        sys.executable,
        "-m",
        "dyad",
        "ingest",
        str(corpus_file),
        "--db",
        str(db),
        "--jobs",
        "1",
        "--batch-size",
        "20",
        "--progress",
        "lines",
    ]
    process = subprocess.Popen(command, stderr=subprocess.PIPE, stdout=subprocess.DEVNULL)
    assert process.stderr is not None
    line = process.stderr.readline().decode()  # the first committed batch
    assert line.startswith("committed"), line
    time.sleep(0.3)
    assert process.poll() is None, "the ingest finished before it could be killed"
    process.send_signal(signal.SIGKILL)
    process.wait()
    partial = contents(db)
    assert 0 < partial[0] < 160
    rerun = ingest(str(corpus_file), "--db", str(db), "--jobs", "1", "--batch-size", "20")
    assert rerun.returncode == 0, rerun.stderr.decode()
    assert f"{partial[0]} already there" in rerun.stderr.decode()
    assert contents(db) == reference


def test_gzipped_jsonl_and_parquet_and_partitions(tmp_path, reference) -> None:
    records = list(corpus.articles(30))
    gz = tmp_path / "c.jsonl.gz"
    with gzip.open(gz, "wt", encoding="utf-8") as handle:
        handle.writelines(json.dumps(r) + "\n" for r in records)
    parquet = tmp_path / "c.parquet"
    connection = duckdb.connect()
    connection.execute(f"COPY (SELECT * FROM read_json_auto('{gz}')) TO '{parquet}' (FORMAT PARQUET)")
    out = tmp_path / "lake"
    first = ingest(str(gz), "--db", str(tmp_path / "gz.duckdb"), "--jobs", "1", "--out", str(out))
    second = ingest(str(parquet), "--db", str(tmp_path / "pq.duckdb"), "--jobs", "1")
    assert first.returncode == 0 and second.returncode == 0, (first.stderr, second.stderr)
    assert contents(tmp_path / "gz.duckdb") == contents(tmp_path / "pq.duckdb")
    years = sorted(p.name for p in out.iterdir())
    assert years and all(name.startswith("year=") for name in years)
    stored = connection.execute(f"SELECT count(*) FROM read_parquet('{out}/**/*.parquet')").fetchone()[0]
    assert stored == len(contents(tmp_path / "gz.duckdb")[2])


def test_summary_counts_skipped_inputs_by_reason(tmp_path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text("Kanada kritisierte China scharf.", encoding="utf-8")
    (folder / "empty.txt").write_text("", encoding="utf-8")
    (folder / "latin1.txt").write_bytes("Caf\xe9".encode("latin-1"))
    result = ingest(str(folder), "--db", str(tmp_path / "s.duckdb"))
    message = result.stderr.decode().strip().splitlines()[-1]
    assert result.returncode == 1
    assert "1 articles stored" in message and "2 rejected" in message and "empty input" in message
