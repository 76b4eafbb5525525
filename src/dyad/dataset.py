"""The Python API over a store: `dyad.open("dyad.duckdb").dyads(actors=["RUS", "ISR"])` -> pandas DataFrame."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from pathlib import Path

import pandas as pd

from dyad import analysis
from dyad.store import EventFilter, Store


class Dataset:
    def __init__(self, path: str | Path):
        self.store = Store(path, read_only=True)

    def close(self) -> None:
        self.store.close()

    def __enter__(self) -> Dataset:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

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
        sql, params = self.store.query_events(where)
        return self.store.connection.execute(sql, params).df()

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
        return pd.DataFrame(analysis.dyad_series(self.store.connection, scope, by, directed))

    def network(
        self,
        since: date | None = None,
        until: date | None = None,
        root: str | None = None,
        include_uncertain: bool = False,
    ) -> tuple[pd.DataFrame, pd.DataFrame]:
        """(nodes, edges) frames."""
        graph = analysis.network(self.store.connection, analysis.Scope(since, until, root, (), include_uncertain))
        return pd.DataFrame(graph["nodes"]), pd.DataFrame(graph["edges"])


def open(path: str | Path) -> Dataset:
    return Dataset(path)
