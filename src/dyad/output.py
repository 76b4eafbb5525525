"""Writing events out: a readable table (rich), JSONL in the contract's shape, or CSV with the table's columns."""

from __future__ import annotations

import csv
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Any, TextIO

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from dyad.store import EVENT_COLUMNS, dumps, flat_record

EVIDENCE_WIDTH = 70


def write_events(
    events: Iterable[dict[str, Any]],
    fmt: str,
    stream: TextIO | None = None,
    explain: bool = False,
    columns: list[str] | None = None,
) -> int:
    """Events as a table, JSONL or CSV (`columns`: the CSV's, by default the events table's); returns the rows."""
    stream = stream or sys.stdout
    if fmt == "jsonl":
        return _jsonl(events, stream)
    if fmt == "csv":
        return _csv(events, stream, columns or [name for name, _ in EVENT_COLUMNS])
    return _table(events, stream, explain)


def _jsonl(events: Iterable[dict[str, Any]], stream: TextIO) -> int:
    count = 0
    for event in events:
        stream.write(dumps(event) + "\n")
        count += 1
    return count


def _csv(events: Iterable[dict[str, Any]], stream: TextIO, columns: list[str]) -> int:
    writer = csv.DictWriter(stream, fieldnames=columns, extrasaction="ignore")
    writer.writeheader()
    count = 0
    for event in events:
        writer.writerow(flat_record(event, columns))
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
    groups: set[str] = set()
    grouped = False
    for event in events:
        count += 1
        if count == 1 and "group_id" in event:
            table.add_column("event group", no_wrap=True)
        flags = _flags(event)
        evidence = shorten(event["sentence"], event["trigger"]["start"], event["trigger"]["end"])
        if explain and event.get("explain"):
            evidence += "\n  " + "\n  ".join(event["explain"])
        cells = [
            event["date"] or "",
            _actor(event["source"]),
            (f"[{flags.upper()}] " if flags else "") + f"{event['cameo']} {event['cameo_name']}",  # never cut off
            _actor(event["target"]) if event["target"] else "—",
            evidence,
        ]
        if "group_id" in event:
            groups.add(event["group_id"])
            grouped = "mentions" in event
            cells.append(_group_cell(event))
        table.add_row(*(escape(cell) for cell in cells))  # text, not rich markup: "[negated]" and "[Foto]" stay
    console.print(table)
    console.print(_footer(count, len(groups), grouped))
    return count


def _group_cell(event: dict[str, Any]) -> str:
    if "mentions" not in event:
        return event["group_id"]
    counts = (_plural(event["mentions"], "mention"), _plural(event["articles"], "article"))
    return f"{event['group_id']}\n{', '.join(counts)}, {_plural(event['sources'], 'source')}"


def _footer(rows: int, groups: int, grouped: bool) -> str:
    """What the table counted: mentions (of how many events) for rows read back, events for grouped ones."""
    if grouped:
        return _plural(rows, "event")
    if groups:
        return f"{_plural(rows, 'mention')} of {_plural(groups, 'event')}"
    return _plural(rows, "event")


def _plural(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"


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


def print_evaluation(result: dict[str, Any], by_type: bool = False, stream: TextIO | None = None) -> None:
    """The evaluation at a glance: one column per language, one row per measure."""
    console = Console(file=stream or sys.stdout, width=140, highlight=False)
    languages = list(result["by_language"])
    table = Table(title="Dyad evaluation", header_style="bold")
    table.add_column("measure")
    for language in languages:
        table.add_column(f"{language} (n={result['items'][language]})", justify="right")
    rows = [
        ("event detection F1, CAMEO root", lambda r: r["event_detection"]["cameo"]["f1"]),
        ("event detection P / R, CAMEO root", lambda r: _pr(r["event_detection"]["cameo"])),
        ("event detection F1, PLOVER type", lambda r: r["event_detection"]["plover"]["f1"]),
        ("triple F1, CAMEO root", lambda r: r["triples"]["cameo"]["f1"]),
        ("triple P / R, CAMEO root", lambda r: _pr(r["triples"]["cameo"])),
        ("triple F1, PLOVER type", lambda r: r["triples"]["plover"]["f1"]),
        ("actor country accuracy", lambda r: r["actor_country_accuracy"]),
        ("actor role accuracy", lambda r: r["actor_role_accuracy"]),
        ("negated/hypothetical flag accuracy", lambda r: r["flag_accuracy"]),
        ("wrongly flagged rate", lambda r: r["wrongly_flagged_rate"]),
    ]
    for name, value in rows:
        table.add_row(name, *[_cell(value(result["by_language"][lang])) for lang in languages])
    console.print(table)
    speed = result["throughput"]
    console.print(
        f"{speed['sentences_per_s']} sentences/s ({speed['articles_per_s']} articles/s, one sentence each), "
        f"peak memory {speed['peak_memory_mb']} MB"
    )
    if by_type:
        confusion = Table(title="event types: gold vs Dyad", header_style="bold")
        for column in ("gold", "dyad", "count"):
            confusion.add_column(column)
        for row in result["confusion"]:
            confusion.add_row(row["gold"], row["dyad"], str(row["count"]))
        console.print(confusion)
    for error in result["errors"]:
        console.print(f"\n[bold]{error['id']}[/bold] {error['sentence']}")
        gold = error["gold"]
        console.print(
            f"  gold: {gold['type']} {', '.join(gold['triples']) or '(no event)'}"
            + (" [negated]" if gold["negated"] else "")
            + (" [hypothetical]" if gold["hypothetical"] else "")
        )
        console.print(f"  dyad: {'; '.join(error['dyad']) or '(no event)'}")


def _pr(counts: dict[str, Any]) -> str:
    return f"{counts['precision']:.2f} / {counts['recall']:.2f}"


def _cell(value: Any) -> str:
    if value is None:
        return "–"
    return f"{value:.2f}" if isinstance(value, float) else str(value)


def write_text(text: str, output: Path | None) -> None:
    if output is None:
        sys.stdout.write(text if text.endswith("\n") else text + "\n")
    else:
        output.write_text(text, encoding="utf-8")


def write_rows(rows: list[dict[str, Any]], fmt: str, output: Path | None, title: str = "") -> None:
    """Aggregate rows as a table, CSV, JSONL or Parquet."""
    if fmt == "parquet":
        if output is None:
            raise ValueError("parquet output needs a file")
        import pandas as pd

        pd.DataFrame(rows).to_parquet(output)
        return
    stream: TextIO = output.open("w", encoding="utf-8", newline="") if output else sys.stdout
    try:
        if fmt == "jsonl":
            for row in rows:
                stream.write(dumps(row) + "\n")
        elif fmt == "csv":
            writer = csv.DictWriter(stream, fieldnames=list(rows[0]) if rows else [])
            writer.writeheader()
            writer.writerows(rows)
        else:
            console = Console(file=stream, width=160, highlight=False)
            table = Table(title=title, header_style="bold")
            for column in rows[0] if rows else ["(no rows)"]:
                table.add_column(column)
            for row in rows:
                table.add_row(*("" if v is None else str(v) for v in row.values()))
            console.print(table)
    finally:
        if output:
            stream.close()
