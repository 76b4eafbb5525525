"""The shapes of a stored event: the events table's columns, a coded event as a row, and a row read back as the
contract's nested event (JSONL, the API) or flattened (CSV)."""

from __future__ import annotations

from typing import Any

from dyad.model import Event, Mention
from dyad.query import ARTICLE_FIELDS, EXTRA_COLUMNS, GROUP_COLUMNS

ACTOR_FIELDS = ("text", "start", "end", "code", "country", "role", "name")
EVENT_COLUMNS: list[tuple[str, str]] = [
    ("event_id", "VARCHAR"),  # unique by construction; no index, whose memory would grow with the store
    ("schema_version", "INTEGER"),
    ("doc_id", "VARCHAR"),
    ("language", "VARCHAR"),
    ("sentence_index", "INTEGER"),
    ("sentence", "VARCHAR"),
    ("date", "DATE"),
    ("date_precision", "VARCHAR"),
    *[(f"source_{f}", "INTEGER" if f in {"start", "end"} else "VARCHAR") for f in ACTOR_FIELDS],
    *[(f"target_{f}", "INTEGER" if f in {"start", "end"} else "VARCHAR") for f in ACTOR_FIELDS],
    ("trigger_text", "VARCHAR"),
    ("trigger_start", "INTEGER"),
    ("trigger_end", "INTEGER"),
    ("trigger_lemma", "VARCHAR"),
    ("cameo", "VARCHAR"),
    ("cameo_root", "VARCHAR"),
    ("cameo_name", "VARCHAR"),
    ("goldstein", "DOUBLE"),
    ("quad_class", "INTEGER"),
    ("plover_type", "VARCHAR"),
    ("plover_mode", "VARCHAR"),
    ("negated", "BOOLEAN"),
    ("hypothetical", "BOOLEAN"),
    ("attributed_to_text", "VARCHAR"),
    ("attributed_to_code", "VARCHAR"),
    ("location_text", "VARCHAR"),
    ("location_country", "VARCHAR"),
    ("location_lat", "DOUBLE"),
    ("location_lon", "DOUBLE"),
    ("confidence", "DOUBLE"),
]


def event_row(event: Event) -> list[Any]:
    record = event.to_dict()
    row: list[Any] = [
        record["event_id"],
        record["schema_version"],
        record["doc_id"],
        record["language"],
        record["sentence_index"],
        record["sentence"],
        event.date,
        record["date_precision"],
    ]
    row += _actor_values(event.source)
    row += _actor_values(event.target)
    trigger = record["trigger"]
    row += [trigger["text"], trigger["start"], trigger["end"], trigger["lemma"]]
    row += [
        record["cameo"],
        record["cameo_root"],
        record["cameo_name"],
        record["goldstein"],
        record["quad_class"],
    ]
    row += [
        record["plover"]["event_type"],
        record["plover"]["mode"],
        record["negated"],
        record["hypothetical"],
    ]
    attributed = record["attributed_to"] or {}
    row += [attributed.get("text"), attributed.get("code")]
    location = record["location"]
    row += [location["text"], location["country"], location["lat"], location["lon"], record["confidence"]]
    return row


def _actor_values(mention: Mention | None) -> list[Any]:
    if mention is None:
        return [None] * len(ACTOR_FIELDS)
    actor = mention.actor
    return [mention.text, mention.start, mention.end, actor.code, actor.country, actor.role, actor.name]


def row_to_contract(row: dict[str, Any]) -> dict[str, Any]:
    """A flat events row back into the contract's nested event shape; a row read back by `Store.events` also
    gets its `group_id` (and, grouped, the event's `mentions`, `articles`, `sources`) after `event_id`, and its
    `article` (title, url, published, source) last."""
    record = _contract(row)
    if "group_id" not in row:
        return record
    extra = {"group_id": row["group_id"], **{name: row[name] for name in GROUP_COLUMNS if name in row}}
    keys = list(record)
    at = keys.index("event_id") + 1
    record = {key: record[key] for key in keys[:at]} | extra | {key: record[key] for key in keys[at:]}
    if "article_title" in row:
        published = row["article_published"]
        record["article"] = {field: row[f"article_{field}"] for field in ARTICLE_FIELDS}
        record["article"]["published"] = published.isoformat() if published else None
    return record


def _contract(row: dict[str, Any]) -> dict[str, Any]:

    def actor(prefix: str) -> dict[str, Any] | None:
        if row.get(f"{prefix}_code") is None:
            return None
        return {field: row[f"{prefix}_{field}"] for field in ACTOR_FIELDS}

    when = row["date"]
    return {
        "schema_version": row["schema_version"],
        "event_id": row["event_id"],
        "doc_id": row["doc_id"],
        "language": row["language"],
        "sentence_index": row["sentence_index"],
        "sentence": row["sentence"],
        "date": when.isoformat() if when else None,
        "date_precision": row["date_precision"],
        "source": actor("source"),
        "target": actor("target"),
        "trigger": {
            "text": row["trigger_text"],
            "start": row["trigger_start"],
            "end": row["trigger_end"],
            "lemma": row["trigger_lemma"],
        },
        "cameo": row["cameo"],
        "cameo_root": row["cameo_root"],
        "cameo_name": row["cameo_name"],
        "goldstein": row["goldstein"],
        "quad_class": row["quad_class"],
        "plover": {"event_type": row["plover_type"], "mode": row["plover_mode"]},
        "negated": row["negated"],
        "hypothetical": row["hypothetical"],
        "attributed_to": (
            {"text": row["attributed_to_text"], "code": row["attributed_to_code"]}
            if row["attributed_to_code"]
            else None
        ),
        "location": {
            "text": row["location_text"],
            "country": row["location_country"],
            "lat": row["location_lat"],
            "lon": row["location_lon"],
        },
        "confidence": row["confidence"],
    }


def export_columns(grouped: bool = False) -> list[str]:
    """The columns of events read back (CSV, Parquet): the events table's, then `EXTRA_COLUMNS`, then, grouped,
    `GROUP_COLUMNS`."""
    return [name for name, _ in EVENT_COLUMNS] + EXTRA_COLUMNS + (GROUP_COLUMNS if grouped else [])


def flat_record(event: dict[str, Any], columns: list[str] | None = None) -> dict[str, Any]:
    """A contract event flattened for CSV (by default the events table's columns)."""
    flat: dict[str, Any] = {}
    for key, value in event.items():
        if isinstance(value, dict):
            for inner, inner_value in value.items():
                name = {"plover_event_type": "plover_type"}.get(f"{key}_{inner}", f"{key}_{inner}")
                flat[name] = inner_value
        elif value is None and key in {"source", "target", "attributed_to"}:
            continue
        else:
            flat[key] = value
    return {name: flat.get(name) for name in columns or [name for name, _ in EVENT_COLUMNS]}
