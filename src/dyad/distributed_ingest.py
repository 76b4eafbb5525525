"""Scale-out ingest on Dask (`dyad ingest --engine dask [--scheduler ADDRESS]`).

Workers read their own blocks of the input (JSONL, gzipped JSONL, or a directory of them and of text/HTML
files), code them with the same pipeline as a single machine, and write each partition's rows as Parquet files
(`articles/`, `sentences/`, `events/` under the output directory, which must be storage every worker sees).
Only counts travel back to the client. The client then loads the Parquet into the DuckDB store, skipping articles
already stored, and groups events as a local ingest does, so both engines give the same store.

Each worker process loads the pipeline once, on its first partition, and keeps it (`_pipeline`).
"""

from __future__ import annotations

import functools
import shutil
import tempfile
import uuid
from collections.abc import Iterable
from itertools import islice
from pathlib import Path
from typing import Any

import duckdb
import pandas as pd

from dyad.dedupe import group_events, link_duplicates
from dyad.ingest import Options, Summary, code_batch, reason
from dyad.quarantine import reject
from dyad.read import InputError, RawDocument, parse_json_record, read_file, record_to_document
from dyad.store import ARTICLE_COLUMNS, EVENT_COLUMNS, SENTENCE_COLUMNS, ArticleRows, Store

MIN_BLOCK = 256 * 1024
MAX_BLOCK = 8 * 1024 * 1024  # Dask holds a block's lines; the coder takes them in batches
STAGE_BATCH = 1000  # articles per staged Parquet part: the store loads one part per transaction
TABLES = {
    "articles": ARTICLE_COLUMNS,
    "sentences": SENTENCE_COLUMNS,
    "events": [name for name, _ in EVENT_COLUMNS],
}


# a document read twice (in two partitions) is staged twice: one row per key goes into the store
UNIQUE = {"articles": "doc_id", "sentences": "doc_id, sentence_index", "events": "event_id"}


class EngineError(Exception):
    pass


@functools.lru_cache(maxsize=4)
def _pipeline(actor_files: tuple[Path, ...], time_budget: float, parsers: tuple[tuple[str, str], ...] = ()):
    from dyad.pipeline import Pipeline

    return Pipeline.load(actor_files, time_budget=time_budget, parsers=dict(parsers))


def _documents_from_lines(lines: list[str], origin: str, first_line: int = 1) -> list[RawDocument | str]:
    documents: list[RawDocument | str] = []
    for number, line in enumerate(lines, first_line):
        if not line.strip():
            continue
        where = f"{origin} block line {number}"
        try:
            documents.append(record_to_document(parse_json_record(line, where), where))
        except InputError as error:
            documents.append(str(error))
    return documents


def _documents_from_paths(paths: list[str]) -> list[RawDocument | str]:
    documents: list[RawDocument | str] = []
    for path in paths:
        try:
            documents.extend(read_file(Path(path), on_error=lambda e: documents.append(str(e))))
        except InputError as error:
            documents.append(str(error))
    return documents


def _code_partition(items: Iterable[Any], kind: str, options: Options, out_dir: str) -> dict[str, Any]:
    """Code one partition, `STAGE_BATCH` items at a time, and write each batch's rows as Parquet; return counts
    and problems. Batches keep a worker's memory flat however large a partition is (a gzipped file is one
    partition)."""
    articles, problems, seen = 0, [], 0
    iterator = iter(items)
    while chunk := list(islice(iterator, STAGE_BATCH)):
        if kind == "lines":
            documents = _documents_from_lines(chunk, "input", first_line=seen + 1)
        else:
            documents = _documents_from_paths(chunk)
        seen += len(chunk)
        jobs = [(d, options.language, options.published) for d in documents if isinstance(d, RawDocument)]
        problems += [d for d in documents if isinstance(d, str)]
        results = code_batch(_pipeline(options.actor_files, options.time_budget, options.parsers), jobs)
        rows = [r for r in results if isinstance(r, ArticleRows)]
        problems += [r for r in results if isinstance(r, str)]
        _write_part(rows, Path(out_dir))
        articles += len(rows)
    return {"articles": articles, "problems": problems}


def _write_part(rows: list[ArticleRows], out_dir: Path) -> None:
    part = uuid.uuid4().hex
    tables = {
        "articles": [r.article for r in rows],
        "sentences": [s for r in rows for s in r.sentences],
        "events": [e for r in rows for e in r.events],
    }
    connection = duckdb.connect()
    for table, values in tables.items():
        if not values:
            continue
        directory = out_dir / table
        directory.mkdir(parents=True, exist_ok=True)
        connection.register("part", pd.DataFrame(values, columns=TABLES[table]))
        connection.execute(f"COPY part TO '{directory / (part + '.parquet')}' (FORMAT PARQUET)")
        connection.unregister("part")
    connection.close()


def _bag(source: str, npartitions: int):
    import dask.bag as db

    path = Path(source)
    if not path.exists():
        raise EngineError(f"{source}: no such file or directory")
    files = sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path]
    lines = [str(p) for p in files if p.name.lower().endswith((".jsonl", ".ndjson", ".jsonl.gz", ".ndjson.gz"))]
    others = [str(p) for p in files if p.name.lower().endswith((".txt", ".html", ".htm", ".md"))]
    if any(p.name.lower().endswith(".parquet") for p in files):
        raise EngineError(
            "--engine dask reads JSONL (also .gz), text and HTML files; load Parquet with the local engine"
        )
    bags = []
    if lines:
        compressed = any(p.endswith(".gz") for p in lines)
        size = sum(Path(p).stat().st_size for p in lines)
        blocksize = None if compressed else max(MIN_BLOCK, min(MAX_BLOCK, size // max(1, npartitions)))
        bags.append(("lines", db.read_text(lines, blocksize=blocksize)))
    if others:
        bags.append(("paths", db.from_sequence(others, npartitions=max(1, min(npartitions, len(others))))))
    if not bags:
        raise EngineError(f"{source}: no .jsonl, .txt or .html files to read")
    return bags


def _local_cluster(workers: int):
    """Worker processes without Dask's statistical profiler: it samples every task's stack 100 times a second and
    keeps a call tree per second for the dashboard (which a local ingest does not serve), so a worker grew by
    ~2 MB per 1,000 articles coded, for as long as the history lasts (`bench/scale.py` timelines, docs/scale.md).
    The nannies copy the configuration when they are made, so it holds for the whole cluster."""
    import dask
    from distributed import LocalCluster

    with dask.config.set({"distributed.worker.profile.enabled": False}):
        return LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None)


def ingest_with_dask(
    source: str, store: Store, options: Options, scheduler: str | None, staging_dir: Path | None
) -> Summary:
    from distributed import Client

    if source == "-":
        raise EngineError("--engine dask reads files, not standard input")
    if scheduler:
        client = Client(scheduler)
        cluster = None
    else:
        cluster = _local_cluster(options.jobs)
        client = Client(cluster)
    staging = staging_dir or Path(tempfile.mkdtemp(prefix="dyad-dask-"))
    summary = Summary()
    try:
        for kind, bag in _bag(source, options.jobs * 8):
            counts = bag.map_partitions(
                lambda items, kind=kind: [_code_partition(items, kind, options, str(staging))]
            ).compute()
            for part in counts:
                for problem in part["problems"]:
                    summary.skipped[reason(problem)] += 1
                reject(store.connection, part["problems"])
        _load(store, staging, summary)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
        if staging_dir is None:  # our own temporary staging: loaded or useless to a re-run, which stages anew
            shutil.rmtree(staging, ignore_errors=True)
    summary.event_groups = group_events(store.connection)
    summary.duplicate_articles = link_duplicates(store.connection)
    return summary


def _load_partition(connection: duckdb.DuckDBPyConnection, staging: Path, name: str) -> None:
    """One partition's articles that are not stored yet, with their sentences and events, all or nothing."""
    connection.execute("BEGIN TRANSACTION")
    try:
        connection.execute(
            "CREATE TEMP TABLE incoming AS SELECT DISTINCT ON (doc_id) doc_id "
            f"FROM read_parquet('{staging / 'articles' / name}') WHERE doc_id NOT IN (SELECT doc_id FROM articles)"
        )
        for table, columns in TABLES.items():
            path = staging / table / name
            if not path.exists():
                continue
            names = ", ".join(f'"{c}"' for c in columns)
            connection.execute(
                f"INSERT INTO {table} ({names}) SELECT DISTINCT ON ({UNIQUE[table]}) {names} "
                f"FROM read_parquet('{path}') WHERE doc_id IN (SELECT doc_id FROM incoming)"
            )
        connection.execute("DROP TABLE incoming")
        connection.execute("COMMIT")
    except duckdb.Error:
        connection.execute("ROLLBACK")
        raise


def _load(store: Store, staging: Path, summary: Summary) -> None:
    """Load the partitions' Parquet into the store, one transaction per partition (so memory does not grow with
    the corpus, and a stopped load keeps what it committed), skipping stored articles."""
    connection = store.connection
    articles = staging / "articles"
    if not articles.exists():
        return
    before = {t: connection.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in TABLES}
    total = connection.execute(f"SELECT count(*) FROM read_parquet('{articles}/*.parquet')").fetchone()[0]
    for part in sorted(articles.glob("*.parquet")):
        _load_partition(connection, staging, part.name)
    after = {t: connection.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in TABLES}
    summary.articles = after["articles"] - before["articles"]
    summary.already_stored = total - summary.articles
    summary.sentences = after["sentences"] - before["sentences"]
    summary.events = after["events"] - before["events"]
