"""Quarantine: inputs an ingest could not code, kept in the store's `rejected` table with their reason.

A rejected input is never half-stored: the rest of its batch is committed, the input is listed here, and a later
ingest of the same input retries it (an input that then codes is taken off the list).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import Any

import duckdb

SCHEMA = """CREATE TABLE IF NOT EXISTS rejected (
    origin VARCHAR PRIMARY KEY, reason VARCHAR, attempts INTEGER, first_rejected TIMESTAMP, last_rejected TIMESTAMP)"""
COLUMNS = ["origin", "reason", "attempts", "first_rejected", "last_rejected"]


def split_problem(message: str) -> tuple[str, str]:
    """ "data.jsonl:3: invalid JSON (...)" -> ("data.jsonl:3", "invalid JSON (...)")."""
    origin, separator, reason = message.partition(": ")
    return (origin, reason) if separator else ("<input>", message)


def reject(connection: duckdb.DuckDBPyConnection, problems: Iterable[str]) -> int:
    """Record problems (one-line messages "ORIGIN: reason"); an origin rejected before counts one more attempt."""
    now = datetime.now()
    rows = [(*split_problem(message), now) for message in problems]
    for origin, reason, at in rows:
        connection.execute(
            "INSERT INTO rejected VALUES (?, ?, 1, ?, ?) ON CONFLICT (origin) DO UPDATE SET reason = excluded.reason,"
            " attempts = rejected.attempts + 1, last_rejected = excluded.last_rejected",
            [origin, reason, at, at],
        )
    return len(rows)


def accept(connection: duckdb.DuckDBPyConnection, origins: Iterable[str]) -> None:
    """Inputs that coded this time are no longer rejected."""
    names = list(origins)
    if names:
        connection.execute("DELETE FROM rejected WHERE origin IN (SELECT unnest(?))", [names])


def rejected(connection: duckdb.DuckDBPyConnection, limit: int | None = None) -> list[dict[str, Any]]:
    sql = f"SELECT {', '.join(COLUMNS)} FROM rejected ORDER BY last_rejected DESC, origin"
    if limit:
        sql += f" LIMIT {int(limit)}"
    cursor = connection.execute(sql)
    return [dict(zip(COLUMNS, row, strict=True)) for row in cursor.fetchall()]
