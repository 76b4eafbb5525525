"""The Python API over a store: `dyad.open("dyad.duckdb").dyads(actors=["RUS", "ISR"])` -> pandas DataFrame.

A Dataset holds no connection: each call opens the store read-only and closes it before it returns, so an object
kept alive (in a notebook, say) never blocks `dyad ingest`. While an ingest writes, a call waits up to 2 s, then
raises `StoreBusy` ("store busy ... retry in a few seconds"). See docs/concurrency.md.

What it counts is what the CLI and the HTTP API count: `events()` gives one row per mention (a coded sentence)
with the `group_id` of its event, or per event with `grouped=True`; `dyads()` and `network()` carry `events`
(distinct event groups) and `mentions`. Dates are `datetime.date` (or None) in every frame.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import Any

import duckdb
import pandas as pd

from dyad import analysis
from dyad.store import EventFilter, Store

ARTICLE_FIELDS = "doc_id, title, url, source, published, language, dateline_place, sentences, events, ingested_at"


class Dataset:
    def __init__(self, path: str | Path):
        self.path = Path(path)
        Store(self.path, read_only=True).close()  # fail now, in one line, when it is no Dyad store

    def close(self) -> None:
        """Nothing to close (no connection is held between calls); kept for `with` and older code."""

    def __enter__(self) -> Dataset:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def _connection(self) -> Iterator[tuple[Store, duckdb.DuckDBPyConnection]]:
        with Store(self.path, read_only=True) as store:
            yield store, store.connection

    def events(
        self,
        actor: str | None = None,
        dyad: tuple[str, str] | None = None,
        root: str | None = None,
        since: date | None = None,
        until: date | None = None,
        include_uncertain: bool = False,
        language: str | None = None,
        plover: str | None = None,
        grouped: bool = False,
        limit: int | None = None,
    ) -> pd.DataFrame:
        """Mentions (or, `grouped`, events with their `mentions`, `articles`, `sources`), each with `group_id` and
        its article's title, URL, published date and source. Actor codes match at any level (RUS, RUSGOV)."""
        pair = (dyad[0].upper(), dyad[1].upper()) if dyad else None
        where = EventFilter(
            actor.upper() if actor else None,
            pair,
            root,
            since,
            until,
            include_uncertain,
            limit,
            language,
            plover,
            grouped=grouped,
        )
        with self._connection() as (store, connection):
            sql, params = store.query_events(where)
            return _frame(connection.execute(sql, params))

    def articles(
        self,
        since: date | None = None,
        until: date | None = None,
        source: str | None = None,
        language: str | None = None,
        text: bool = False,
        limit: int | None = None,
    ) -> pd.DataFrame:
        """Stored articles (published between `since` and `until`), oldest first, with `duplicate_of` for wire copies
        (the original they copy); their full text too with `text=True`."""
        clauses, params = _article_filters(since, until, source, language)
        with self._connection() as (_, connection):
            copies = _has_table(connection, "article_duplicates")
            sql = f"SELECT {', '.join(f'a.{c.strip()}' for c in ARTICLE_FIELDS.split(','))}"
            sql += ", a.text" if text else ""
            sql += ", d.duplicate_of" if copies else ", NULL::VARCHAR AS duplicate_of"
            sql += " FROM articles a"
            sql += " LEFT JOIN article_duplicates d ON d.doc_id = a.doc_id" if copies else ""
            sql += (" WHERE " + " AND ".join(clauses)) if clauses else ""
            sql += " ORDER BY a.published NULLS LAST, a.doc_id"
            sql += f" LIMIT {int(limit)}" if limit else ""
            return _frame(connection.execute(sql, params))

    def dyads(
        self,
        actors: Iterable[str] = (),
        by: str = "month",
        since: date | None = None,
        until: date | None = None,
        root: str | None = None,
        directed: bool = True,
        include_uncertain: bool = False,
        language: str | None = None,
        plover: str | None = None,
    ) -> pd.DataFrame:
        """Per dyad and period: `events` (distinct event groups) and `mentions`, by quad class, Goldstein sum and
        mean, articles. `frame.attrs["left_out"]` says how many events (and mentions) the series left out: dated
        less precisely than `by` allows, or undated."""
        codes = tuple(code.upper() for code in actors)
        scope = analysis.Scope(since, until, root, codes, include_uncertain, plover, language)
        with self._connection() as (_, connection):
            series = analysis.dyad_table(connection, scope, by, directed)
        frame = pd.DataFrame(series.rows, columns=list(series.rows[0]) if series.rows else _DYAD_COLUMNS)
        frame.attrs["left_out"] = series.left_out
        return frame

    def network(
        self,
        since: date | None = None,
        until: date | None = None,
        root: str | None = None,
        include_uncertain: bool = False,
        mentions: bool = False,
    ) -> tuple[pd.DataFrame, pd.DataFrame]:
        """(nodes, edges) frames; edges carry `events` and `mentions`, `weight` = events (mentions if asked)."""
        with self._connection() as (_, connection):
            scope = analysis.Scope(since, until, root, (), include_uncertain, mentions=mentions)
            graph = analysis.network(connection, scope)
        return pd.DataFrame(graph["nodes"]), pd.DataFrame(graph["edges"])

    def sql(self, query: str, params: Sequence[Any] | None = None) -> pd.DataFrame:
        """Any read-only SQL over the store's tables and views (events, articles, sentences, event_groups,
        event_group_stats, article_duplicates). Writes are impossible: the connection is read-only and may not
        touch other files (no ATTACH, COPY ... TO, or reading files); they raise `duckdb.Error`."""
        with self._connection() as (_, connection):
            connection.execute("SET enable_external_access = false")
            connection.execute("SET lock_configuration = true")
            return _frame(connection.execute(query, list(params or [])))


_DYAD_COLUMNS = [
    "actor_a",
    "actor_b",
    "period",
    "events",
    "mentions",
    "verbal_cooperation",
    "material_cooperation",
    "verbal_conflict",
    "material_conflict",
    "goldstein_sum",
    "goldstein_mean",
    "articles",
]


def _frame(cursor: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """The result as a frame whose DATE columns hold `datetime.date` (or None), as the other frames do."""
    dates = [d[0] for d in cursor.description or [] if str(d[1]) == "DATE"]
    frame = cursor.df()
    for column in dates:
        frame[column] = pd.Series([None if pd.isna(v) else v.date() for v in frame[column]], dtype=object)
    return frame


def _article_filters(
    since: date | None, until: date | None, source: str | None, language: str | None
) -> tuple[list[str], list[Any]]:
    clauses, params = [], []
    for clause, value in (
        ("a.published >= ?", since),
        ("a.published <= ?", until),
        ("a.source = ?", source),
        ("a.language = ?", language),
    ):
        if value is not None:
            clauses.append(clause)
            params.append(value)
    return clauses, params


def _has_table(connection: duckdb.DuckDBPyConnection, name: str) -> bool:
    found = connection.execute("SELECT count(*) FROM information_schema.tables WHERE table_name = ?", [name]).fetchone()
    return bool(found and found[0])


def open(path: str | Path) -> Dataset:
    return Dataset(path)
