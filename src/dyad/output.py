"""Writing events out: a readable table (rich), JSONL in the contract's shape, or CSV with the table's columns."""

from __future__ import annotations

import csv
import sys
from collections.abc import Iterable
from typing import Any, TextIO

from rich.console import Console
from rich.table import Table

from dyad.store import EVENT_COLUMNS, dumps, flat_record

EVIDENCE_WIDTH = 70


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
    terminal = Console(file=stream)
    console = Console(file=stream, width=terminal.width if terminal.is_terminal else 160, highlight=False)
    table = Table(header_style="bold", pad_edge=False, expand=False)
    table.add_column("date", no_wrap=True)
    table.add_column("source", max_width=28)
    table.add_column("event", max_width=30)
    table.add_column("target", max_width=28)
    table.add_column("evidence", max_width=EVIDENCE_WIDTH, overflow="fold")
    count = 0
    for event in events:
        count += 1
        flags = _flags(event)
        evidence = shorten(event["sentence"], event["trigger"]["start"], event["trigger"]["end"])
        if explain and event.get("explain"):
            evidence += "\n  " + "\n  ".join(event["explain"])
        table.add_row(
            event["date"] or "",
            _actor(event["source"]),
            f"{event['cameo']} {event['cameo_name']}" + (f" [{flags}]" if flags else ""),
            _actor(event["target"]) if event["target"] else "—",
            evidence,
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
    if left:  # cut at word boundaries
        space = sentence.find(" ", left)
        left = space + 1 if 0 <= space < start else left
    if right < len(sentence):
        space = sentence.rfind(" ", end, right)
        right = space if space > end else right
    return ("…" if left else "") + sentence[left:right].strip() + ("…" if right < len(sentence) else "")
