"""Which events a read looks at, shared by every surface (`dyad events`, `GET /events`, the exports, the Python
API and the aggregates), and the two event queries: one row per mention, or one row per event.

- A **mention** is one coded sentence (a row of the `events` table); an **event** is a group of mentions of one
  real-world occurrence (`group_id`, see dyad.dedupe). Every row these queries return carries its `group_id`
  and its article's title, URL, published date and source.
- Actor codes match at any level (`actor_matches`): `RUS` matches RUS, RUSGOV, RUSMIL...; `RUSGOV` matches
  RUSGOV and deeper (RUSGOVMIL), never RUSMIL. A code matches an actor whose code or country it is, or whose code
  continues it by whole 3-letter segments.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any, Protocol

SEGMENT = 3  # CAMEO actor codes are built from 3-letter segments: country, role, sub-role
ARTICLE_FIELDS = ("title", "url", "published", "source")
ARTICLE_COLUMNS = [f"article_{field}" for field in ARTICLE_FIELDS]
EXTRA_COLUMNS = ["group_id", *ARTICLE_COLUMNS]  # after the events table's columns, on every row read back
GROUP_COLUMNS = ["mentions", "articles", "sources"]  # on rows of grouped reads: the event's counts in scope
ORDER = "date NULLS LAST, doc_id, sentence_index, trigger_start, event_id"


@dataclass(frozen=True, slots=True)
class EventFilter:
    actor: str | None = None
    dyad: tuple[str, str] | None = None
    root: str | None = None
    since: date | None = None
    until: date | None = None
    include_uncertain: bool = False
    limit: int | None = None
    language: str | None = None
    plover: str | None = None
    grouped: bool = False  # one row per event group: its first mention in scope (earliest date, then earliest
    # published article), with the group's counts in scope
    offset: int = 0


class Filters(Protocol):
    """The filter fields `EventFilter` and `analysis.Scope` share."""

    since: date | None
    until: date | None
    root: str | None
    include_uncertain: bool
    language: str | None
    plover: str | None


def actor_codes(text: str | None) -> tuple[str, ...]:
    """ "rus, usa" -> ("RUS", "USA"): the codes of a comma-separated list, upper-cased."""
    return tuple(code.strip().upper() for code in (text or "").split(",") if code.strip())


def actor_matches(side: str, code: str) -> tuple[str, list[Any]]:
    """SQL that is true when the `side` ("source" or "target") actor is `code` or below it, with its parameters."""
    if side not in {"source", "target"}:
        raise ValueError(f"side must be source or target, not {side!r}")
    clause = f"({side}_code = ? OR {side}_country = ?"
    params: list[Any] = [code, code]
    if code and len(code) % SEGMENT == 0:
        clause += f" OR {side}_code LIKE ? ESCAPE '\\'"
        params.append(like_prefix(code))
    return clause + ")", params


def either_matches(codes: tuple[str, ...], side: str) -> tuple[str, list[Any]]:
    parts = [actor_matches(side, code) for code in codes]
    return "(" + " OR ".join(sql for sql, _ in parts) + ")", [p for _, params in parts for p in params]


def actor_label(side: str, codes: tuple[str, ...]) -> tuple[str, list[Any]]:
    """The name an aggregate gives the `side` actor: the most specific of `codes` it matches, else its country."""
    if not codes:
        return f"{side}_country", []
    cases, params = [], []
    for code in sorted(codes, key=len, reverse=True):
        sql, more = actor_matches(side, code)
        cases.append(f"WHEN {sql} THEN ?")
        params += [*more, code]
    return f"CASE {' '.join(cases)} ELSE {side}_country END", params


def common_filters(filters: Filters) -> tuple[list[str], list[Any]]:
    """SQL conditions (and their parameters) shared by event queries and aggregates."""
    clauses: list[str] = []
    params: list[Any] = []
    if filters.root:
        clauses.append("cameo LIKE ? ESCAPE '\\'")
        params.append(like_prefix(filters.root))
    if filters.since:
        clauses.append("date >= ?")
        params.append(filters.since)
    if filters.until:
        clauses.append("date <= ?")
        params.append(filters.until)
    if not filters.include_uncertain:
        clauses.append("NOT negated AND NOT hypothetical")
    if filters.language:
        clauses.append("language = ?")
        params.append(filters.language)
    if filters.plover:
        clauses.append("plover_type = ?")
        params.append(filters.plover.upper())
    return clauses, params


def event_filters(where: EventFilter) -> tuple[list[str], list[Any]]:
    clauses, params = [], []
    if where.actor:
        source, source_params = actor_matches("source", where.actor)
        target, target_params = actor_matches("target", where.actor)
        clauses.append(f"({source} OR {target})")
        params += source_params + target_params
    if where.dyad:
        a, b = where.dyad
        (sa, pa), (tb, pb) = actor_matches("source", a), actor_matches("target", b)
        (sb, qb), (ta, qa) = actor_matches("source", b), actor_matches("target", a)
        clauses.append(f"(({sa} AND {tb}) OR ({sb} AND {ta}))")
        params += pa + pb + qb + qa
    more, more_params = common_filters(where)
    return clauses + more, params + more_params


def event_query(where: EventFilter, mentions: str) -> tuple[str, list[Any]]:
    """SQL (and parameters) for the events `where` selects, from `mentions` (a relation of the events table's
    columns plus `group_id`: dyad.dedupe.mentions_with_groups). The page (`limit`, `offset`) is cut before the
    articles are joined, so a page costs little however many rows match."""
    clauses, params = event_filters(where)
    scoped = f"SELECT * FROM {mentions} AS events WHERE {' AND '.join(clauses) or 'TRUE'}"
    article = ", ".join(f"a.{field} AS article_{field}" for field in ARTICLE_FIELDS)
    page = (f" LIMIT {int(where.limit)}" if where.limit else "") + (
        f" OFFSET {int(where.offset)}" if where.offset else ""
    )
    if not where.grouped:
        order = ", ".join(ORDER.split(", "))
        return (
            f"SELECT m.*, {article} FROM ({scoped} ORDER BY {order}{page}) AS m "
            f"LEFT JOIN articles a ON a.doc_id = m.doc_id ORDER BY {', '.join(f'm.{k}' for k in ORDER.split(', '))}",
            params,
        )
    # an event is shown by its first mention: the earliest date, then the earliest published article
    key = (
        "{'date': coalesce(m.date, DATE '9999-12-31'), 'published': coalesce(a.published, DATE '9999-12-31'), "
        "'doc_id': m.doc_id, 'sentence_index': m.sentence_index, 'trigger_start': m.trigger_start, "
        "'event_id': m.event_id}"
    )
    sql = f"""WITH m AS ({scoped}),
        s AS (SELECT m.group_id, min({key}) AS first, count(*) AS mentions, count(DISTINCT m.doc_id) AS articles,
                     count(DISTINCT coalesce(a.source, m.doc_id)) AS sources
              FROM m LEFT JOIN articles a ON a.doc_id = m.doc_id GROUP BY m.group_id ORDER BY first{page})
        SELECT m.*, {article}, s.mentions, s.articles, s.sources
        FROM s JOIN m ON m.event_id = s.first.event_id LEFT JOIN articles a ON a.doc_id = m.doc_id
        ORDER BY s.first"""
    return sql, params


def event_count_query(where: EventFilter, mentions: str) -> tuple[str, list[Any]]:
    """SQL (and parameters) counting the rows `event_query` gives without `limit` and `offset`: mentions, or
    events (distinct groups) when grouped."""
    clauses, params = event_filters(where)
    counted = "count(DISTINCT group_id)" if where.grouped else "count(*)"
    return f"SELECT {counted} FROM {mentions} AS events WHERE {' AND '.join(clauses) or 'TRUE'}", params


def like_escape(text: str) -> str:
    """A user's text matched literally by LIKE ... ESCAPE '\\' ("%" and "_" are no wildcards)."""
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def like_prefix(text: str) -> str:
    return like_escape(text) + "%"
