"""Store stage: the embedded DuckDB file with the contract's tables (articles, sentences, events).

Writes are one transaction per batch; an article already stored (same doc_id) is skipped, so re-ingesting changes
nothing, and a failure mid-batch rolls back only that batch.
"""

from __future__ import annotations

import contextlib
import json
import re
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

import duckdb
import pandas as pd

from dyad.dedupe import group_events, grouping_is_current, link_duplicates, mentions_with_groups, simhash
from dyad.model import SCHEMA_VERSION
from dyad.pipeline import CodedArticle
from dyad.quarantine import SCHEMA as REJECTED_SCHEMA
from dyad.query import EventFilter, event_count_query, event_query
from dyad.query import Filters as Filters  # re-exported: the filters live in dyad.query
from dyad.query import common_filters as common_filters
from dyad.query import like_escape as like_escape
from dyad.query import like_prefix as like_prefix
from dyad.records import ACTOR_FIELDS as ACTOR_FIELDS  # re-exported: the shapes live in dyad.records
from dyad.records import EVENT_COLUMNS, event_row
from dyad.records import export_columns as export_columns
from dyad.records import flat_record as flat_record
from dyad.records import row_to_contract as row_to_contract
from dyad.writer_turn import announce, withdraw, writer_waiting

ARTICLE_COLUMNS = [
    "doc_id",
    "title",
    "url",
    "source",
    "published",
    "language",
    "dateline_place",
    "text",
    "sentences",
    "events",
    "ingested_at",
    "simhash",
]
SENTENCE_COLUMNS = ["doc_id", "sentence_index", "paragraph", "language", "text"]
SCHEMA = [
    """CREATE TABLE IF NOT EXISTS articles (
        doc_id VARCHAR PRIMARY KEY, title VARCHAR, url VARCHAR, source VARCHAR, published DATE,
        language VARCHAR, dateline_place VARCHAR, text VARCHAR, sentences INTEGER, events INTEGER,
        ingested_at TIMESTAMP, simhash BIGINT)""",
    "ALTER TABLE articles ADD COLUMN IF NOT EXISTS simhash BIGINT",
    """CREATE TABLE IF NOT EXISTS sentences (
        doc_id VARCHAR, sentence_index INTEGER, paragraph INTEGER, language VARCHAR, text VARCHAR)""",
    "CREATE TABLE IF NOT EXISTS events (" + ", ".join(f'"{n}" {t}' for n, t in EVENT_COLUMNS) + ")",
    "CREATE TABLE IF NOT EXISTS dyad_meta (key VARCHAR PRIMARY KEY, value VARCHAR)",
    REJECTED_SCHEMA,
]


class StoreError(Exception):
    """A problem with the database file, told in one line."""


@dataclass(frozen=True, slots=True)
class IngestCounts:
    articles: int = 0
    skipped: int = 0
    sentences: int = 0
    events: int = 0


MEMORY_LIMIT = "1GB"  # DuckDB's own default is 80% of RAM; its buffer pool would grow with the store
# writing needs little page cache (10k articles: 74 s at 128MB, 77 s at 1GB), and a small cap keeps an ingest's
# memory flat from the first ~20,000 articles on, where 1GB lets it grow with the store until the cap
INGEST_MEMORY_LIMIT = "256MB"


class StoreBusy(StoreError):
    """Another process is writing the store (DuckDB lets one writer or many readers hold a file)."""


READ_WAIT_SECONDS = 2.0  # a reader waits this long for a writer's commit before answering "busy"
WRITE_WAIT_SECONDS = 30.0  # a writer waits for readers' short-lived connections to close


class Store:
    """The store. Readers and writers open it only for as long as one command or request needs it, so that a
    running server never blocks an ingest: while a writer holds the file, a reader waits briefly, then gets
    `StoreBusy` (the API answers 503 with Retry-After). See docs/concurrency.md."""

    def __init__(
        self, path: Path | str, read_only: bool = False, memory_limit: str = MEMORY_LIMIT, wait: float | None = None
    ):
        self.path = Path(path)
        if read_only and not self.path.exists():
            raise StoreError(f"{self.path}: no such database (create it with `dyad ingest`)")
        patience = wait if wait is not None else READ_WAIT_SECONDS if read_only else WRITE_WAIT_SECONDS
        self.connection = _connect(self.path, read_only, patience)
        self.connection.execute(f"SET memory_limit = '{_checked_size(memory_limit)}'")
        if not read_only:
            self._create()
        elif not self._has_events_table():
            raise StoreError(f"{self.path}: not a Dyad database (no events table)")

    def close(self) -> None:
        self.connection.close()

    def view(self) -> Store:
        """A Store on its own cursor of the same connection (one per request or thread)."""
        other = object.__new__(Store)
        other.path = self.path
        other.connection = self.connection.cursor()
        return other

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _create(self) -> None:
        for statement in SCHEMA:
            self.connection.execute(statement)
        self.connection.execute(
            "INSERT INTO dyad_meta VALUES ('schema_version', ?) ON CONFLICT DO NOTHING", [str(SCHEMA_VERSION)]
        )
        if not grouping_is_current(self.connection):  # a killed ingest: regroup before anything else writes
            group_events(self.connection)
            link_duplicates(self.connection)

    def _has_events_table(self) -> bool:
        found = self.connection.execute(
            "SELECT count(*) FROM information_schema.tables WHERE table_name = 'events'"
        ).fetchone()
        return bool(found and found[0])

    # writing -----------------------------------------------------------------------------------------------
    def known(self, doc_ids: Iterable[str]) -> set[str]:
        ids = list(doc_ids)
        if not ids:
            return set()
        rows = self.connection.execute("SELECT doc_id FROM articles WHERE doc_id IN (SELECT unnest(?))", [ids])
        return {row[0] for row in rows.fetchall()}

    def write(self, coded: list[CodedArticle]) -> IngestCounts:
        """Store a batch in one transaction; articles already stored are left as they are."""
        return self.write_rows([article_rows(item) for item in coded])

    def write_rows(self, batch: list[ArticleRows]) -> IngestCounts:
        """Like `write`, from rows made by `article_rows` (small to send between processes)."""
        known = self.known(rows.doc_id for rows in batch)
        fresh: dict[str, ArticleRows] = {}
        for rows in batch:
            if rows.doc_id not in known and rows.doc_id not in fresh:
                fresh[rows.doc_id] = rows
        sentences = [row for rows in fresh.values() for row in rows.sentences]
        events = [row for rows in fresh.values() for row in rows.events]
        try:
            self.connection.execute("BEGIN TRANSACTION")
            # only articles carry a key: an article's rows go in with it, all or nothing, so its sentences and
            # events cannot be doubled without a key (whose index would grow with the store)
            self._insert("articles", ARTICLE_COLUMNS, [rows.article for rows in fresh.values()])
            self._insert("sentences", SENTENCE_COLUMNS, sentences)
            self._insert("events", [name for name, _ in EVENT_COLUMNS], _unique_rows(events))
            self.connection.execute("COMMIT")
        except duckdb.Error as error:
            self.connection.execute("ROLLBACK")
            if isinstance(error, duckdb.InterruptException) or "interrupt" in str(error).lower():
                raise KeyboardInterrupt from None  # Ctrl-C during a write: the batch is rolled back, nothing half
            raise StoreError(f"{self.path}: write failed, batch rolled back ({_first_line(error)})") from None
        return IngestCounts(len(fresh), len(batch) - len(fresh), len(sentences), len(events))

    def _insert(self, table: str, columns: list[str], rows: list[list[Any]]) -> None:
        """Insert a batch through a DataFrame: DuckDB reads it column-wise, far faster than row by row."""
        if not rows:
            return
        frame = pd.DataFrame(rows, columns=columns)
        self.connection.register("dyad_batch", frame)
        try:
            names = ", ".join(f'"{c}"' for c in columns)
            self.connection.execute(f"INSERT INTO {table} ({names}) SELECT {names} FROM dyad_batch")
        finally:
            with contextlib.suppress(duckdb.Error):  # an interrupted transaction must not hide the interrupt
                self.connection.unregister("dyad_batch")

    # reading -----------------------------------------------------------------------------------------------
    def query_events(self, where: EventFilter) -> tuple[str, list[Any]]:
        """SQL and parameters for the mentions (or, `where.grouped`, the events) `where` selects: the events
        table's columns, then `EXTRA_COLUMNS` (and `GROUP_COLUMNS` when grouped)."""
        return event_query(where, mentions_with_groups(self.connection))

    def count_events(self, where: EventFilter) -> int:
        """How many rows `events(where)` gives without its limit: mentions, or events when grouped."""
        sql, params = event_count_query(where, mentions_with_groups(self.connection))
        found = self.connection.execute(sql, params).fetchone()
        return int(found[0]) if found else 0

    def events(self, where: EventFilter) -> Iterator[dict[str, Any]]:
        sql, params = self.query_events(where)
        cursor = self.connection.execute(sql, params)
        names = [d[0] for d in cursor.description]
        while batch := cursor.fetchmany(1000):
            for row in batch:
                yield dict(zip(names, row, strict=True))

    def export_partitioned(self, directory: Path) -> None:
        """All mentions (with `group_id` and their article's columns, as `export_parquet`) as Parquet partitioned by
        year and month (`year=2026/month=3/...`); undated: year=0."""
        target = str(directory).replace("'", "''")
        every, _ = self.query_events(EventFilter(include_uncertain=True))
        sql = f"SELECT *, coalesce(year(date), 0) AS year, coalesce(month(date), 0) AS month FROM ({every})"
        try:
            self.connection.execute(
                f"COPY ({sql}) TO '{target}' (FORMAT PARQUET, PARTITION_BY (year, month), OVERWRITE_OR_IGNORE)"
            )
        except duckdb.Error as error:
            raise StoreError(f"{directory}: cannot write Parquet ({_first_line(error)})") from None

    def export_parquet(self, where: EventFilter, output: Path) -> None:
        sql, params = self.query_events(where)
        target = str(output).replace("'", "''")
        try:
            self.connection.execute(f"COPY ({sql}) TO '{target}' (FORMAT PARQUET)", params)
        except duckdb.Error as error:
            raise StoreError(f"{output}: cannot write Parquet ({_first_line(error)})") from None

    def counts(self) -> dict[str, int]:
        return {
            table: self.connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0]  # type: ignore[index]
            for table in ("articles", "sentences", "events")
        }


@dataclass(frozen=True, slots=True)
class ArticleRows:
    """One coded article as the rows of the three tables."""

    doc_id: str
    article: list[Any]
    sentences: list[list[Any]]
    events: list[list[Any]]


def article_rows(item: CodedArticle) -> ArticleRows:
    article = item.article
    return ArticleRows(
        doc_id=article.doc_id,
        article=[
            article.doc_id,
            article.title,
            article.url,
            article.source,
            article.published,
            article.language,
            article.dateline_place,
            article.text,
            len(item.sentences),
            len(item.events),
            datetime.now(),
            simhash("\n".join(article.paragraphs[1:]) or article.text),  # the body: copies differ in headlines
        ],
        sentences=[[article.doc_id, s.index, s.paragraph, s.language, s.text] for s in item.sentences],
        events=[event_row(e) for e in item.events],
    )


def _unique_rows(rows: list[list[Any]]) -> list[list[Any]]:
    """Rows with distinct event ids (the first of each), so a batch never conflicts with itself."""
    seen: set[str] = set()
    return [row for row in rows if not (row[0] in seen or seen.add(row[0]))]


def _marks(count: int) -> str:
    return ", ".join("?" * count)


def _checked_size(size: str) -> str:
    if not re.fullmatch(r"\d+(\.\d+)?\s*[KMGT]i?B", size.strip(), re.IGNORECASE):
        raise StoreError(f"memory limit {size!r}: expected a size like 512MB or 2GB")
    return size.strip()


def _connect(path: Path, read_only: bool, patience: float) -> duckdb.DuckDBPyConnection:
    """A connection, waiting up to `patience` s for the lock; a waiting writer asks readers to let go (writer_turn)."""
    deadline = time.monotonic() + patience
    delay = 0.05
    try:
        while True:
            try:
                if not (read_only and writer_waiting(path)):
                    return duckdb.connect(str(path), read_only=read_only)
            except duckdb.IOException as error:
                if "lock" not in str(error).lower():
                    raise StoreError(f"{path}: cannot open as a DuckDB database ({_first_line(error)})") from None
                if not read_only:
                    announce(path)
            except duckdb.Error as error:
                raise StoreError(f"{path}: cannot open as a DuckDB database ({_first_line(error)})") from None
            if time.monotonic() + delay > deadline:
                holder = "a writer (an ingest)" if read_only else "another process"
                raise StoreBusy(f"{path}: store busy, {holder} is using it; retry in a few seconds")
            time.sleep(delay)
            delay = min(delay * 2, 0.5)
    finally:
        if not read_only:
            withdraw(path)


def _first_line(error: Exception) -> str:
    return str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__


def dumps(record: dict[str, Any]) -> str:
    return json.dumps(record, ensure_ascii=False, default=str)
