"""Cross-article deduplication: event mentions grouped into events, and near-duplicate articles linked.

- An **event group** holds the mentions of one event: the same source, target and CAMEO code, dated at most
  `window_days` after the group's first mention. The group's id is that first mention's event id. Every mention
  keeps its own evidence; `event_groups` maps mention -> group, and
  `event_group_stats` gives per group the number of mentions, articles and distinct outlets (GDELT's NumMentions,
  NumArticles, NumSources). Undated mentions stay groups of their own.
- **Near-duplicate articles** (wire copies with a new headline or byline) are found by SimHash over word
  4-shingles of the body (headlines and bylines are what copies change): 64-bit fingerprints whose Hamming distance
  is at most `max_distance` (6: a one-word edit in a 180-word story moves about 4 bits). Each copy points to the
  earliest original it matches; copies never become originals themselves, so there are no chains.
  Written here because the package index offers no small, maintained SimHash/MinHash library without heavy
  dependencies; the algorithm is 20 lines.

Both passes stream the store in date order and write their tables in chunks, so memory stays flat however large
the store grows. The near-duplicate search compares an article only with the originals published at most
`DUPLICATE_WINDOW_DAYS` before it that share one of four 16-bit bands of its fingerprint (which finds every pair
up to distance 3 and most up to 6), and a band bucket holds at most `BUCKET_CAP` originals: a bucket that full
carries no information, and without the cap a corpus of many copies would compare every pair.
"""

from __future__ import annotations

import contextlib
import hashlib
import re
from collections import deque
from collections.abc import Callable, Iterator
from datetime import date
from typing import Any

import duckdb
import numpy as np
import pandas as pd

WINDOW_DAYS = 2
MAX_DISTANCE = 6
DUPLICATE_WINDOW_DAYS = 3
BUCKET_CAP = 64
SHINGLE = 4
BANDS = 4
CHUNK = 10_000
_WORD = re.compile(r"\w+", re.UNICODE)


def simhash(text: str) -> int:
    """64-bit SimHash of a text's word 4-shingles (as a signed integer, for DuckDB's BIGINT)."""
    words = [w.casefold() for w in _WORD.findall(text)]
    shingles = [" ".join(words[i : i + SHINGLE]) for i in range(max(1, len(words) - SHINGLE + 1))]
    digests = b"".join(hashlib.blake2b(s.encode("utf-8"), digest_size=8).digest() for s in shingles)
    bits = np.unpackbits(np.frombuffer(digests, dtype=np.uint8).reshape(len(shingles), 8), axis=1)
    majority = bits.sum(axis=0) * 2 > len(shingles)  # bit 63 first, as in the big-endian digests
    fingerprint = int.from_bytes(np.packbits(majority).tobytes(), "big")
    return fingerprint - (1 << 64) if fingerprint >= 1 << 63 else fingerprint


def group_events(connection: duckdb.DuckDBPyConnection, window_days: int = WINDOW_DAYS) -> int:
    """(Re)build `event_group_days` and the views `event_groups` and `event_group_stats`; returns the number of
    groups.

    A group starts at a mention and takes the later mentions of the same source, target and code dated at most
    `window_days` after that first one (anchored, so a relation reported every day does not become one long
    event). Anchoring depends only on the days a key was reported, so the ordered pass (in Python: window functions
    cannot express the anchoring) runs over distinct (key, day) rows, not over mentions, and stores each key-day's
    group; `event_groups` (mention -> group) is a view joining the mentions to it. Nothing the size of the mention
    table is sorted, fetched or rewritten.
    """
    query = (
        "SELECT source_code, coalesce(target_code, '') AS target, cameo, date, min(event_id) FROM events "
        "WHERE date IS NOT NULL GROUP BY ALL ORDER BY source_code, target, cameo, date"
    )
    count = 0
    key: tuple[str, str, str] | None = None
    anchor: date | None = None
    group = ""

    def chunks(rows: Iterator[list[Any]]) -> Iterator[pd.DataFrame]:
        nonlocal count, key, anchor, group
        for batch in rows:
            days = []
            for source, target, cameo, when, first_mention in batch:
                this = (source, target, cameo)
                if this != key or anchor is None or (when - anchor).days > window_days:
                    key, anchor, group = this, when, first_mention
                    count += 1
                days.append((source, target, cameo, when, group))
            yield pd.DataFrame(days, columns=["source_code", "target_code", "cameo", "date", "group_id"])

    columns = "source_code VARCHAR, target_code VARCHAR, cameo VARCHAR, date DATE, group_id VARCHAR"
    stored = _event_count(connection)
    _rebuild(connection, "event_group_days", columns, query, chunks)
    _replace_views(connection)
    connection.execute("CREATE TABLE IF NOT EXISTS dyad_meta (key VARCHAR PRIMARY KEY, value VARCHAR)")
    connection.execute(
        "INSERT INTO dyad_meta VALUES ('grouped_events', ?) ON CONFLICT DO UPDATE SET value = excluded.value",
        [str(stored)],
    )
    undated = connection.execute("SELECT count(*) FROM events WHERE date IS NULL").fetchone()
    return count + (undated[0] if undated else 0)


def grouping_is_current(connection: duckdb.DuckDBPyConnection) -> bool:
    """Whether the event groups were built over exactly the events stored (an ingest killed between its last
    commit and its grouping pass leaves them stale)."""
    stored = _event_count(connection)
    if not has_groups(connection):
        return stored == 0
    try:
        found = connection.execute("SELECT value FROM dyad_meta WHERE key = 'grouped_events'").fetchone()
    except duckdb.CatalogException:
        return False
    return found is not None and found[0] == str(stored)


def _event_count(connection: duckdb.DuckDBPyConnection) -> int:
    found = connection.execute("SELECT count(*) FROM events").fetchone()
    return int(found[0]) if found else 0


# every mention with its key-day's group (none when undated: then it is a group of its own)
_GROUPED_MENTIONS = (
    "events e LEFT JOIN event_group_days d ON d.source_code = e.source_code "
    "AND d.target_code = coalesce(e.target_code, '') AND d.cameo = e.cameo AND d.date = e.date"
)
_GROUP_ID = "coalesce(d.group_id, e.event_id)"


def mentions_with_groups(connection: duckdb.DuckDBPyConnection) -> str:
    """A subquery of every mention (the events table's columns) with its `group_id`; before the store is grouped
    each mention is a group of its own."""
    if not has_groups(connection):
        return "(SELECT *, event_id AS group_id FROM events)"
    return f"(SELECT e.*, {_GROUP_ID} AS group_id FROM {_GROUPED_MENTIONS})"


def first_mentions() -> str:
    """A subquery of the mentions that start a group: one row per event, as aggregates count them."""
    return f"(SELECT e.* FROM {_GROUPED_MENTIONS} WHERE {_GROUP_ID} = e.event_id)"


def _replace_views(connection: duckdb.DuckDBPyConnection) -> None:
    kind = connection.execute(
        "SELECT table_type FROM information_schema.tables WHERE table_name = 'event_groups'"
    ).fetchone()
    if kind and kind[0] == "BASE TABLE":  # a store grouped by an earlier version, when this was a table
        connection.execute("DROP TABLE event_groups")
    connection.execute(
        f"CREATE OR REPLACE VIEW event_groups AS SELECT e.event_id, {_GROUP_ID} AS group_id FROM {_GROUPED_MENTIONS}"
    )
    connection.execute(f"""
        CREATE OR REPLACE VIEW event_group_stats AS
        SELECT {_GROUP_ID} AS group_id, count(*) AS mentions, count(DISTINCT e.doc_id) AS articles,
               count(DISTINCT coalesce(a.source, a.doc_id)) AS sources, min(e.date) AS first_date,
               max(e.date) AS last_date
        FROM {_GROUPED_MENTIONS} LEFT JOIN articles a ON a.doc_id = e.doc_id
        GROUP BY 1""")


def link_duplicates(
    connection: duckdb.DuckDBPyConnection,
    max_distance: int = MAX_DISTANCE,
    window_days: int = DUPLICATE_WINDOW_DAYS,
    bucket_cap: int = BUCKET_CAP,
) -> int:
    """(Re)build `article_duplicates` (doc_id, duplicate_of, distance); returns the number of copies."""
    query = (
        "SELECT doc_id, coalesce(published, CAST(ingested_at AS DATE)) AS day, simhash FROM articles "
        "WHERE simhash IS NOT NULL ORDER BY day, doc_id"
    )
    originals = RecentOriginals(window_days, bucket_cap)
    count = 0

    def chunks(rows: Iterator[list[Any]]) -> Iterator[pd.DataFrame]:
        nonlocal count
        for batch in rows:
            links: list[tuple[str, str, int]] = []
            for doc_id, day, fingerprint in batch:
                match = originals.match(day, fingerprint, max_distance)
                if match is None:
                    originals.add(day, doc_id, fingerprint)
                else:
                    links.append((doc_id, *match))
            count += len(links)
            yield pd.DataFrame(links, columns=["doc_id", "duplicate_of", "distance"])

    _rebuild(connection, "article_duplicates", "doc_id VARCHAR, duplicate_of VARCHAR, distance INTEGER", query, chunks)
    return count


class RecentOriginals:
    """Originals of the last `window_days`, indexed by the four 16-bit bands of their fingerprints."""

    def __init__(self, window_days: int, bucket_cap: int):
        self.window_days = window_days
        self.bucket_cap = bucket_cap
        self.buckets: list[dict[int, deque[tuple[date, str, int]]]] = [{} for _ in range(BANDS)]
        self.by_day: deque[tuple[date, list[tuple[str, int]]]] = deque()

    def match(self, day: date, fingerprint: int, max_distance: int) -> tuple[str, int] | None:
        """(earliest original within `max_distance`, its distance), or None."""
        self._expire(day)
        best: tuple[date, str, int] | None = None
        for band, value in enumerate(_bands(fingerprint)):
            for when, doc_id, other in self.buckets[band].get(value, ()):
                distance = (fingerprint ^ other).bit_count()
                if distance <= max_distance:
                    if best is None or (when, doc_id) < best[:2]:
                        best = (when, doc_id, distance)
                    break  # a bucket is in date order: its first match is its earliest
        return None if best is None else best[1:]

    def add(self, day: date, doc_id: str, fingerprint: int) -> None:
        if not self.by_day or self.by_day[-1][0] != day:
            self.by_day.append((day, []))
        self.by_day[-1][1].append((doc_id, fingerprint))
        for band, value in enumerate(_bands(fingerprint)):
            bucket = self.buckets[band].setdefault(value, deque())
            if len(bucket) < self.bucket_cap:
                bucket.append((day, doc_id, fingerprint))

    def _expire(self, day: date) -> None:
        while self.by_day and (day - self.by_day[0][0]).days > self.window_days:
            for doc_id, fingerprint in self.by_day.popleft()[1]:
                for band, value in enumerate(_bands(fingerprint)):
                    bucket = self.buckets[band].get(value)
                    if bucket and bucket[0][1] == doc_id:
                        bucket.popleft()
                        if not bucket:
                            del self.buckets[band][value]


def _bands(fingerprint: int) -> list[int]:
    return [(fingerprint >> (16 * band)) & 0xFFFF for band in range(BANDS)]


Chunker = Callable[[Iterator[list[Any]]], Iterator[pd.DataFrame]]


def _rebuild(connection: duckdb.DuckDBPyConnection, table: str, columns: str, query: str, chunks: Chunker) -> None:
    """Replace `table` with the frames `chunks` makes from `query`'s rows, in one transaction, chunk by chunk."""
    reader = connection.cursor()
    try:
        result = reader.execute(query)
        connection.execute("BEGIN TRANSACTION")
        connection.execute(f"CREATE OR REPLACE TABLE {table} ({columns})")
        for frame in chunks(iter(lambda: result.fetchmany(CHUNK), [])):
            if len(frame):
                connection.register("dyad_chunk", frame)
                connection.execute(f"INSERT INTO {table} SELECT * FROM dyad_chunk")
                connection.unregister("dyad_chunk")
        connection.execute("COMMIT")
    except BaseException:
        with contextlib.suppress(duckdb.Error):
            connection.execute("ROLLBACK")
        raise
    finally:
        reader.close()


def has_groups(connection: duckdb.DuckDBPyConnection) -> bool:
    found = connection.execute(
        "SELECT count(*) FROM information_schema.tables WHERE table_name = 'event_group_days'"
    ).fetchone()
    return bool(found and found[0])
