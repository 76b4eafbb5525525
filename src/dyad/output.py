"""Writing events out: a readable table (rich), JSONL in the contract's shape, or CSV with the table's columns."""

from __future__ import annotations

import csv
import sys
from collections.abc import Iterable
from typing import Any, TextIO

from rich.console import Console
from rich.table import Table

from dyad.store import EVENT_COLUMNS, dumps, flat_record

EVIDENCE_WIDTH = 90


def write_events(
    events: Iterable[dict[str, Any]], fmt: str, stream: TextIO | None = None, explain: bool = False
) -> int:
    stream = stream or sys.stdout
    if fmt == "jsonl":
        return _jsonl(events, stream)
    if fmt == "csv":
        return _csv(events, stream)
    return _table(events, stream, explain)


def _jsonl(events: Iterable[dict[str, Any]], stream: TextIO) -> int:
    count = 0
    for event in events:
        stream.write(dumps(event) + "\n")
        count += 1
    return count


def _csv(events: Iterable[dict[str, Any]], stream: TextIO) -> int:
    writer = csv.DictWriter(stream, fieldnames=[name for name, _ in EVENT_COLUMNS], extrasaction="ignore")
    writer.writeheader()
    count = 0
    for event in events:
        writer.writerow(flat_record(event))
        count += 1
    return count


def _table(events: Iterable[dict[str, Any]], stream: TextIO, explain: bool) -> int:
    console = Console(file=stream, width=max(120, Console(file=stream).width), highlight=False)
    table = Table(show_lines=False, header_style="bold")
    for column in ("date", "source", "event", "target", "flags", "evidence"):
        table.add_column(column, overflow="fold", max_width=EVIDENCE_WIDTH if column == "evidence" else 30)
    count = 0
    for event in events:
        count += 1
        table.add_row(
            event["date"] or "",
            _actor(event["source"]),
            f"{event['cameo']} {event['cameo_name']}",
            _actor(event["target"]) if event["target"] else "—",
            _flags(event),
            shorten(event["sentence"], event["trigger"]["start"], event["trigger"]["end"])
            + ("\n  " + "\n  ".join(event.get("explain", [])) if explain and event.get("explain") else ""),
        )
    console.print(table)
    console.print(f"{count} event{'s' if count != 1 else ''}")
    return count


def _actor(actor: dict[str, Any]) -> str:
    return f"{actor['code']} ({actor['text']})"


def _flags(event: dict[str, Any]) -> str:
    flags = []
    if event["negated"]:
        flags.append("negated")
    if event["hypothetical"]:
        flags.append("hypothetical")
    return " ".join(flags)


def shorten(sentence: str, start: int, end: int, width: int = EVIDENCE_WIDTH) -> str:
    """The sentence cut to `width` characters around the trigger, with ellipses where cut."""
    if len(sentence) <= width:
        return sentence
    half = (width - (end - start)) // 2
    left = max(0, start - half)
    right = min(len(sentence), left + width)
    left = max(0, right - width)
    return ("…" if left else "") + sentence[left:right].strip() + ("…" if right < len(sentence) else "")
