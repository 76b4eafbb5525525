"""Cross-article deduplication: event mentions grouped into events, and near-duplicate articles linked.

- An **event group** holds the mentions of one event: the same source, target and CAMEO code, dated at most
  `window_days` after the group's first mention. The group's id is that first mention's event id. Every mention
  keeps its own evidence; `event_groups` maps mention -> group, and
  `event_group_stats` gives per group the number of mentions, articles and distinct outlets (GDELT's NumMentions,
  NumArticles, NumSources). Undated mentions stay groups of their own.
- **Near-duplicate articles** (wire copies with a new headline or byline) are found by SimHash over word
  4-shingles of the body (headlines and bylines are what copies change): 64-bit fingerprints whose Hamming distance
  is at most `max_distance` (6: a one-word edit in a 180-word story moves about 4 bits). Candidates are pairs that
  share one of four 16-bit bands, so the search never compares all pairs; that finds every pair up to distance 3
  and most pairs up to 6. Written here because the package
  index offers no small, maintained SimHash/MinHash library without heavy dependencies; the algorithm is 20 lines.
"""

from __future__ import annotations

import hashlib
import re

import duckdb
import pandas as pd

WINDOW_DAYS = 2
MAX_DISTANCE = 6
SHINGLE = 4
_WORD = re.compile(r"\w+", re.UNICODE)


def simhash(text: str) -> int:
    """64-bit SimHash of a text's word 4-shingles (as a signed integer, for DuckDB's BIGINT)."""
    words = [w.casefold() for w in _WORD.findall(text)]
    shingles = [" ".join(words[i : i + SHINGLE]) for i in range(max(1, len(words) - SHINGLE + 1))]
    weights = [0] * 64
    for shingle in shingles:
        value = int.from_bytes(hashlib.blake2b(shingle.encode("utf-8"), digest_size=8).digest(), "big")
        for bit in range(64):
            weights[bit] += 1 if value >> bit & 1 else -1
    fingerprint = sum(1 << bit for bit in range(64) if weights[bit] > 0)
    return fingerprint - (1 << 64) if fingerprint >= 1 << 63 else fingerprint


def group_events(connection: duckdb.DuckDBPyConnection, window_days: int = WINDOW_DAYS) -> int:
    """(Re)build `event_groups` and `event_group_stats`; returns the number of groups.

    A group starts at a mention and takes the later mentions of the same source, target and code dated at most
    `window_days` after that first one (anchored, so a relation reported every day does not become one long
    event). One ordered pass over the mentions, in Python: window functions cannot express the anchoring.
    """
    cursor = connection.execute(
        "SELECT event_id, source_code, coalesce(target_code, ''), cameo, date FROM events "
        "ORDER BY source_code, coalesce(target_code, ''), cameo, date NULLS LAST, event_id"
    )
    mentions, groups = [], []
    key, anchor, group = None, None, None
    while batch := cursor.fetchmany(100_000):
        for event_id, source, target, cameo, when in batch:
            this = (source, target, cameo)
            if when is None or this != key or anchor is None or (when - anchor).days > window_days:
                key, anchor, group = this, when, event_id
            mentions.append(event_id)
            groups.append(group)
    connection.register("grouped", pd.DataFrame({"event_id": mentions, "group_id": groups}))
    connection.execute("CREATE OR REPLACE TABLE event_groups AS SELECT * FROM grouped")
    connection.unregister("grouped")
    connection.execute("""
        CREATE OR REPLACE VIEW event_group_stats AS
        SELECT g.group_id, count(*) AS mentions, count(DISTINCT e.doc_id) AS articles,
               count(DISTINCT coalesce(a.source, a.doc_id)) AS sources, min(e.date) AS first_date,
               max(e.date) AS last_date
        FROM event_groups g JOIN events e USING (event_id) LEFT JOIN articles a ON a.doc_id = e.doc_id
        GROUP BY g.group_id""")
    return len(set(groups))


def link_duplicates(connection: duckdb.DuckDBPyConnection, max_distance: int = MAX_DISTANCE) -> int:
    """(Re)build `article_duplicates` (doc_id, duplicate_of, distance): each copy points to the earliest one."""
    connection.execute(f"""
        CREATE OR REPLACE TABLE article_duplicates AS
        WITH bands AS (
            SELECT doc_id, coalesce(published, CAST(ingested_at AS DATE)) AS day, simhash, band,
                   (simhash >> (16 * band)) & 65535 AS value
            FROM articles, range(4) AS b(band) WHERE simhash IS NOT NULL
        ), pairs AS (
            SELECT DISTINCT x.doc_id, y.doc_id AS other, bit_count(xor(x.simhash, y.simhash)) AS distance,
                   y.day AS other_day
            FROM bands x JOIN bands y ON x.band = y.band AND x.value = y.value AND x.doc_id <> y.doc_id
            WHERE (y.day, y.doc_id) < (x.day, x.doc_id)
        )
        SELECT doc_id, arg_min(other, (other_day, other)) AS duplicate_of, min(distance) AS distance
        FROM pairs WHERE distance <= {int(max_distance)} GROUP BY doc_id""")
    return connection.execute("SELECT count(*) FROM article_duplicates").fetchone()[0]


def has_groups(connection: duckdb.DuckDBPyConnection) -> bool:
    found = connection.execute(
        "SELECT count(*) FROM information_schema.tables WHERE table_name = 'event_groups'"
    ).fetchone()
    return bool(found and found[0])
