"""`dyad rejected`: the inputs an ingest could not code, with the reason (see dyad.quarantine)."""

from __future__ import annotations

import csv
import json
import sys
from pathlib import Path

import click
from rich.console import Console
from rich.table import Table

from dyad.quarantine import COLUMNS, rejected
from dyad.store import Store


@click.command("rejected")
@click.option("--db", "db_path", type=click.Path(path_type=Path), default="dyad.duckdb", show_default=True)
@click.option("--limit", type=click.IntRange(min=1), help="At most this many, the latest first.")
@click.option("--format", "fmt", type=click.Choice(["table", "jsonl", "csv"]), default="table", show_default=True)
def rejected_command(db_path: Path, limit: int | None, fmt: str) -> None:
    """List the inputs ingests rejected (origin, reason, attempts, when). Re-running the ingest retries them."""
    with Store(db_path, read_only=True) as store:
        tables = store.connection.execute("SELECT table_name FROM information_schema.tables").fetchall()
        rows = rejected(store.connection, limit) if ("rejected",) in tables else []
    if fmt == "jsonl":
        for row in rows:
            click.echo(json.dumps(row, default=str, ensure_ascii=False))
    elif fmt == "csv":
        writer = csv.DictWriter(sys.stdout, fieldnames=COLUMNS)
        writer.writeheader()
        writer.writerows(rows)
    elif not rows:
        click.echo(f"no rejected inputs in {db_path}")
    else:
        table = Table(*COLUMNS)
        for row in rows:
            table.add_row(*(str(row[c]) for c in COLUMNS))
        Console().print(table)
