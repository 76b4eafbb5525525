"""The dashboard's pre-aggregation: a narrow in-memory copy of the store's events (`facts`: one row per mention,
with its event group, whether it is the group's first mention, and its row in the store; first mentions first, so
a scan that counts events skips the row groups of the others), the groups with their counts (`groups`), actors,
countries and articles as small integers (`actors`, `countries`, `articles`: filters and groupings over millions
of rows compare numbers, and a 100,000-article store fits in a few hundred MB), the facts counted by everything
a filter or a chart looks at (`cells`: syndicated copies and repeated mentions become one row with a count, what
the timeline, the network and the list's total read) and the actors' names (`names`);
made once and again whenever the store's file changes. A page's evidence (sentence, spans) is read from the store.

Every request attaches the store read-only to this app's one in-memory DuckDB connection for as long as it runs
(about a millisecond, where opening the file as a new connection costs tens), so the file is free for
`dyad ingest` between requests, as with the other endpoints. A lock serialises the requests on the connection.
"""

from __future__ import annotations

import contextlib
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import duckdb

from dyad.dedupe import has_groups
from dyad.store import READ_WAIT_SECONDS, StoreBusy, StoreError
from dyad.writer_turn import writer_waiting

PRECISION = (
    "CASE date_precision WHEN 'week' THEN 1 WHEN 'month' THEN 2 WHEN 'season' THEN 3 WHEN 'quarter' THEN 3 "
    "WHEN 'year' THEN 4 ELSE 0 END"
)
GROUPED = (
    "events e LEFT JOIN event_group_days d ON d.source_code = e.source_code "
    "AND d.target_code = coalesce(e.target_code, '') AND d.cameo = e.cameo AND d.date = e.date"
)


class Cache:
    def __init__(self, db: Path):
        self.db = db
        self.lock = threading.Lock()
        self.connection = duckdb.connect()
        self.connection.execute("SET enable_progress_bar = false")
        self.key: tuple[object, ...] | None = None

    @contextlib.contextmanager
    def session(self) -> Iterator[duckdb.DuckDBPyConnection]:
        """The connection with the store attached as the default catalog and the cache current."""
        with self.lock:
            self._attach()
            try:
                key = self._key()
                if key != self.key:
                    self._build()
                    self.key = key
                yield self.connection
            finally:
                self.connection.execute("USE memory")
                self.connection.execute("DETACH store")

    def _attach(self) -> None:
        """Attach the store as readers do (docs/concurrency.md): a writer waiting for the file goes first, and a
        reader waits up to READ_WAIT_SECONDS for a writer's commit before answering "busy"."""
        path = str(self.db).replace("'", "''")
        deadline = time.monotonic() + READ_WAIT_SECONDS
        delay = 0.05
        while True:
            try:
                if not writer_waiting(self.db):
                    self.connection.execute(f"ATTACH '{path}' AS store (READ_ONLY)")
                    break
            except duckdb.IOException as error:
                if "lock" not in str(error).lower():
                    raise StoreError(f"{self.db}: cannot open as a DuckDB database") from None
            if time.monotonic() + delay > deadline:
                raise StoreBusy(f"{self.db}: store busy, a writer (an ingest) is using it; retry in a few seconds")
            time.sleep(delay)
            delay = min(delay * 2, 0.5)
        self.connection.execute("USE store")

    def _key(self) -> tuple[object, ...]:
        stats = []
        for path in (self.db, self.db.with_name(self.db.name + ".wal")):
            with contextlib.suppress(FileNotFoundError):
                found = path.stat()
                stats.append((path.name, found.st_mtime_ns, found.st_size))
        return tuple(stats)

    def _build(self) -> None:
        connection = self.connection
        grouped = has_groups(connection)
        relation = GROUPED if grouped else "events e"
        group = "coalesce(d.group_id, e.event_id)" if grouped else "e.event_id"
        # actors and countries as small integers: filters and groupings over millions of rows compare numbers
        connection.execute("""
            CREATE OR REPLACE TABLE memory.main.actors AS
            SELECT row_number() OVER (ORDER BY code) AS id, code, any_value(country) AS country,
                   min(name) AS name, count(*) AS mentions FROM (
                SELECT source_code AS code, source_country AS country, source_name AS name FROM events
                UNION ALL SELECT target_code, target_country, target_name FROM events WHERE target_code IS NOT NULL)
            GROUP BY code""")
        connection.execute("""
            CREATE OR REPLACE TABLE memory.main.countries AS
            SELECT row_number() OVER (ORDER BY country) AS id, country
            FROM (SELECT DISTINCT country FROM memory.main.actors WHERE country IS NOT NULL)""")
        connection.execute("""
            CREATE OR REPLACE TABLE memory.main.articles AS
            SELECT row_number() OVER (ORDER BY doc_id) AS doc_no, doc_id, title, url, source, published
            FROM articles""")
        # one row per mention; first mentions (one per event) first, so that scans of events skip the rest
        connection.execute(f"""
            CREATE OR REPLACE TEMP TABLE dashboard_staging AS
            SELECT row_number() OVER (ORDER BY e.date NULLS LAST, e.doc_id, e.sentence_index, e.event_id) AS seq,
                   e.rowid AS store_row, {group} AS group_id, {group} = e.event_id AS first, e.date,
                   {PRECISION} AS precision_rank, s.id AS source, t.id AS target, sc.id AS source_c,
                   tc.id AS target_c, e.cameo, e.quad_class, e.goldstein, e.plover_type, e.language,
                   coalesce(e.negated, false) OR coalesce(e.hypothetical, false) AS uncertain, a.doc_no,
                   coalesce(a.source, a.doc_id) AS outlet
            FROM {relation}
            LEFT JOIN memory.main.articles a ON a.doc_id = e.doc_id
            LEFT JOIN memory.main.actors s ON s.code = e.source_code
            LEFT JOIN memory.main.actors t ON t.code = e.target_code
            LEFT JOIN memory.main.countries sc ON sc.country = e.source_country
            LEFT JOIN memory.main.countries tc ON tc.country = e.target_country""")
        connection.execute("""
            CREATE OR REPLACE TABLE memory.main.groups AS
            SELECT row_number() OVER (ORDER BY group_id) AS group_no, group_id, count(*) AS mentions,
                   count(DISTINCT doc_no) AS articles, count(DISTINCT outlet) AS sources
            FROM dashboard_staging GROUP BY group_id""")
        connection.execute("""
            CREATE OR REPLACE TABLE memory.main.facts AS
            SELECT f.* EXCLUDE (group_id, outlet), g.group_no
            FROM dashboard_staging f JOIN memory.main.groups g USING (group_id) ORDER BY f.first DESC, f.seq""")
        connection.execute("DROP TABLE dashboard_staging")
        connection.execute("""
            CREATE OR REPLACE TABLE memory.main.cells AS
            SELECT first, uncertain, date, precision_rank, source, target, source_c, target_c, cameo, quad_class,
                   plover_type, language, count(*) AS n, sum(goldstein) AS goldstein_sum, count(goldstein) AS goldsteins
            FROM memory.main.facts GROUP BY ALL ORDER BY first DESC, date""")
        # a page's look-ups by group are point queries: an index makes them a millisecond, not a scan
        connection.execute("CREATE INDEX facts_group ON memory.main.facts (group_no)")
        connection.execute("CREATE INDEX groups_group ON memory.main.groups (group_no)")
        connection.execute("""
            CREATE OR REPLACE TABLE memory.main.names AS
            SELECT country, arg_min(name, (role IS NOT NULL, length(name))) AS name FROM (
                SELECT source_country AS country, split_part(source_name, ' (', 1) AS name, source_role AS role
                FROM events
                UNION ALL SELECT target_country, split_part(target_name, ' (', 1), target_role FROM events
                WHERE target_country IS NOT NULL) GROUP BY country""")
