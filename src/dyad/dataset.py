"""The Python API over a store: `dyad.open("dyad.duckdb").dyads(actors=["RUS", "ISR"])` -> pandas DataFrame.

A Dataset holds no connection: each call opens the store read-only and closes it before it returns, so an object
kept alive (in a notebook, say) never blocks `dyad ingest`. While an ingest writes, a call waits up to 2 s, then
raises `StoreBusy` ("store busy ... retry in a few seconds"). See docs/concurrency.md.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path

import duckdb
import pandas as pd

from dyad import analysis
from dyad.store import EventFilter, Store


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
    ) -> pd.DataFrame:
        where = EventFilter(actor, dyad, root, since, until, include_uncertain)
        with self._connection() as (store, connection):
            sql, params = store.query_events(where)
            return connection.execute(sql, params).df()

    def dyads(
        self,
        actors: Iterable[str] = (),
        by: str = "month",
        since: date | None = None,
        until: date | None = None,
        root: str | None = None,
        directed: bool = True,
        include_uncertain: bool = False,
    ) -> pd.DataFrame:
        scope = analysis.Scope(since, until, root, tuple(actors), include_uncertain)
        with self._connection() as (_, connection):
            return pd.DataFrame(analysis.dyad_series(connection, scope, by, directed))

    def network(
        self,
        since: date | None = None,
        until: date | None = None,
        root: str | None = None,
        include_uncertain: bool = False,
    ) -> tuple[pd.DataFrame, pd.DataFrame]:
        """(nodes, edges) frames."""
        with self._connection() as (_, connection):
            graph = analysis.network(connection, analysis.Scope(since, until, root, (), include_uncertain))
        return pd.DataFrame(graph["nodes"]), pd.DataFrame(graph["edges"])


def open(path: str | Path) -> Dataset:
    return Dataset(path)
