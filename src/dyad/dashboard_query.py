"""The dashboard's queries: one view (timeline, network, a page of the list), in plain DuckDB SQL over the
pre-aggregated `facts`, `groups` and `names` of `dashboard_cache` and, for a page's evidence and sources, over
the store's `events` and `articles`.

A view counts **events** (one row per event group: its first mention stands for it, with the group's number of
mentions, articles and distinct sources) or **mentions** (every coded sentence). Actor codes match at any level
by prefix (`RUS` matches `RUS` and `RUSGOV`). The timeline bins by day, week, month, quarter or year and is
continuous (empty periods are rows of zeros); an event dated less precisely than the bin (a year, a season) is left
out of that binning and counted in `left_out`, never put in January. The network and the list look at the selected
period (a bar clicked or a range brushed) when there is one; the list also at the selected actor or edge.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

import duckdb

from dyad.store import row_to_contract

# an event counts in a binning at least as coarse as its date (dashboard_cache ranks the precisions alike)
BIN_RANK = {"day": 0, "week": 1, "month": 2, "quarter": 3, "year": 4}
MAX_PERIODS = 5000
MAX_EDGES = 1500  # the strongest edges among the top actors; the rest are counted in `edges_total`
SOURCES_PER_EVENT = 5
PAGE_LOOKUPS = 200
QUAD_NAMES = ("verbal_cooperation", "material_cooperation", "verbal_conflict", "material_conflict")


@dataclass(frozen=True, slots=True)
class View:
    """Everything the dashboard shows, as its URL says it."""

    a: str | None = None
    b: str | None = None
    directed: bool = False
    since: date | None = None
    until: date | None = None
    bin: str = "month"
    root: str | None = None
    plover: str | None = None
    language: str | None = None
    include_uncertain: bool = False
    mentions: bool = False
    top: int = 60
    min_events: int = 1
    period_from: date | None = None  # the selection: a period of the timeline
    period_to: date | None = None
    node: str | None = None  # ... an actor of the network
    edge: tuple[str, str] | None = None  # ... or a directed edge (source, target)
    offset: int = 0
    limit: int = 20


FACTS = "memory.main.facts"  # every mention; `scope` keeps the first ones (one per event) unless counting mentions
CELLS = "memory.main.cells"  # the facts counted by everything a filter or a chart looks at: timeline and network
GOLDSTEIN = "round(sum(goldstein_sum) / nullif(sum(goldsteins), 0), 3)"
GROUPS = "memory.main.groups"
ACTORS = "memory.main.actors"
COUNTRIES = "memory.main.countries"


def _ids(connection: duckdb.DuckDBPyConnection, table: str, sql: str, params: list[Any]) -> str:
    """The ids of a few actors or countries, as a literal list (which DuckDB filters as it scans; a subquery
    would be a join)."""
    found = [int(row[0]) for row in connection.execute(f"SELECT id FROM {table} WHERE {sql}", params).fetchall()]
    return "(" + ", ".join(map(str, found or [-1])) + ")"


def scope(
    connection: duckdb.DuckDBPyConnection, view: View, *, dyad: bool, period: bool, selection: bool = False
) -> tuple[str, list[Any]]:
    """WHERE clause of a view: its filters, and optionally its dyad, selected period and selected node/edge."""
    clauses: list[str] = [] if view.mentions else ["first"]
    params: list[Any] = []
    if view.root:
        clauses.append("starts_with(cameo, ?)")
        params.append(view.root)
    for column, op, value in (
        ("date", ">=", view.since),
        ("date", "<=", view.until),
        ("date", ">=", view.period_from if period else None),
        ("date", "<=", view.period_to if period else None),
    ):
        if value is not None:
            clauses.append(f"{column} {op} ?")
            params.append(value)
    if not view.include_uncertain:
        clauses.append("NOT uncertain")
    if view.language:
        clauses.append("language = ?")
        params.append(view.language)
    if view.plover:
        clauses.append("plover_type = ?")
        params.append(view.plover.upper())
    country = lambda code: _ids(connection, COUNTRIES, "country = ?", [code])  # noqa: E731
    if selection and view.edge:
        clauses.append(f"source_c IN {country(view.edge[0])} AND target_c IN {country(view.edge[1])}")
    elif selection and view.node:
        node = country(view.node)
        clauses.append(f"(source_c IN {node} OR target_c IN {node})")
    elif dyad:
        clauses += _dyad(connection, view)
    return " AND ".join(clauses) or "TRUE", params


def _dyad(connection: duckdb.DuckDBPyConnection, view: View) -> list[str]:
    """A side (source or target) is an actor at any level: a code that starts with it, or its country."""
    actor = lambda code: _ids(connection, ACTORS, "starts_with(code, ?) OR country = ?", [code, code])  # noqa: E731
    if view.a and view.b:
        a, b = actor(view.a), actor(view.b)
        if view.directed:
            return [f"source IN {a} AND target IN {b}"]
        return [f"(source IN {a} AND target IN {b} OR source IN {b} AND target IN {a})"]
    if view.directed and (view.a or view.b):  # A -> anyone, or anyone -> B
        return [f"source IN {actor(view.a)}"] if view.a else [f"target IN {actor(view.b or '')}"]
    one = view.a or view.b
    if one:
        ids = actor(one)
        return [f"(source IN {ids} OR target IN {ids})"]
    return []


def timeline(connection: duckdb.DuckDBPyConnection, view: View) -> dict[str, Any]:
    """Per period (every period between the first and the last, empty ones too): events per quad class and mean
    Goldstein; and how many dated events are too coarse for this binning."""
    where, params = scope(connection, view, dyad=True, period=False)
    fine = f"precision_rank <= {BIN_RANK[view.bin]}"
    quads = ", ".join(f"sum(n) FILTER (WHERE quad_class = {k + 1}) AS {q}" for k, q in enumerate(QUAD_NAMES))
    sql = f"""
        SELECT CASE WHEN {fine} THEN CAST(date_trunc('{view.bin}', date) AS DATE) END AS period, sum(n) AS events,
               {quads}, {GOLDSTEIN} AS goldstein_mean
        FROM {CELLS} AS r WHERE {where} AND date IS NOT NULL GROUP BY 1 ORDER BY 1"""
    found = {row["period"]: row for row in _dicts(connection.execute(sql, params))}
    coarse = found.pop(None, {"events": 0})  # the events too coarse for this bin: one group, in the same scan
    periods = _periods(view, found)
    empty = {"events": 0, **dict.fromkeys(QUAD_NAMES, 0), "goldstein_mean": None}
    series = [{**empty, **found.get(p, {}), "period": p.isoformat()} for p in periods]
    return {"bin": view.bin, "counting": _counting(view), "periods": series, "left_out": coarse["events"]}


def _periods(view: View, found: dict[date, Any]) -> list[date]:
    starts = [_truncate(d, view.bin) for d in (view.since, view.until) if d is not None]
    first = min([*found, *starts[:1]], default=None)
    last = max([*found, *starts[1:]], default=None)
    periods: list[date] = []
    current = first
    while current is not None and last is not None and current <= last and len(periods) < MAX_PERIODS:
        periods.append(current)
        current = _next(current, view.bin)
    return periods


def _truncate(day: date, unit: str) -> date:
    if unit == "week":
        return day - timedelta(days=day.weekday())
    if unit == "month":
        return day.replace(day=1)
    if unit == "quarter":
        return day.replace(month=(day.month - 1) // 3 * 3 + 1, day=1)
    if unit == "year":
        return day.replace(month=1, day=1)
    return day


def _next(day: date, unit: str) -> date:
    if unit in ("day", "week"):
        return day + timedelta(days=1 if unit == "day" else 7)
    months = {"month": 1, "quarter": 3, "year": 12}[unit]
    index = day.year * 12 + day.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


def network(connection: duckdb.DuckDBPyConnection, view: View) -> dict[str, Any]:
    """Directed graph of the `view.top` actors (countries and organisations) with most events in the selected
    period, and the edges among them with at least `view.min_events` events."""
    where, params = scope(connection, view, dyad=False, period=True)
    edges_sql = f"""
        SELECT source_c AS source, target_c AS target, sum(n) AS weight, {GOLDSTEIN} AS goldstein_mean
        FROM {CELLS} AS r
        WHERE {where} AND target_c IS NOT NULL AND source_c <> target_c GROUP BY ALL"""
    sql = f"""
        WITH edges AS MATERIALIZED ({edges_sql}),
        degree AS (SELECT actor, sum(weight) AS events FROM (
            SELECT source AS actor, weight FROM edges UNION ALL SELECT target, weight FROM edges) GROUP BY actor),
        top AS (SELECT actor, events FROM degree ORDER BY events DESC, actor LIMIT {int(view.top)}),
        kept AS (SELECT * FROM edges WHERE weight >= {int(view.min_events)} AND source IN (SELECT actor FROM top)
                 AND target IN (SELECT actor FROM top))
        SELECT 'node' AS kind, c.country AS source, NULL AS target, events AS weight, NULL AS goldstein_mean
        FROM top JOIN {COUNTRIES} c ON c.id = top.actor
        UNION ALL
        (SELECT 'edge', s.country, t.country, weight, goldstein_mean
         FROM kept JOIN {COUNTRIES} s ON s.id = kept.source JOIN {COUNTRIES} t ON t.id = kept.target
         ORDER BY weight DESC, kept.source, kept.target LIMIT {MAX_EDGES})
        UNION ALL SELECT 'actors', NULL, NULL, count(*), NULL FROM degree
        UNION ALL SELECT 'edges', NULL, NULL, count(*), NULL FROM kept"""
    found = connection.execute(sql, params).fetchall()
    names = _names(connection, [row[1] for row in found if row[0] == "node"])
    nodes = sorted(
        ({"id": s, "name": names.get(s, s), "events": w} for kind, s, _, w, _ in found if kind == "node"),
        key=lambda node: (-node["events"], node["id"]),
    )
    edges = sorted(
        ({"source": s, "target": t, "weight": w, "goldstein_mean": g} for kind, s, t, w, g in found if kind == "edge"),
        key=lambda edge: (-edge["weight"], edge["source"], edge["target"]),
    )
    totals = {kind: w for kind, _, _, w, _ in found if kind in ("actors", "edges")}
    return {
        "counting": _counting(view),
        "actors": totals.get("actors", 0),
        "edges_total": totals.get("edges", 0),
        "nodes": nodes,
        "edges": edges,
    }


def actors(connection: duckdb.DuckDBPyConnection, limit: int = 300) -> list[dict[str, Any]]:
    """The actor codes most mentioned, for the dashboard's suggestions."""
    cursor = connection.execute(
        f"SELECT code, country, name, mentions FROM {ACTORS} ORDER BY mentions DESC, code LIMIT ?", [limit]
    )
    return _dicts(cursor)


def _names(connection: duckdb.DuckDBPyConnection, codes: list[str]) -> dict[str, str]:
    wanted = set(codes)  # a few hundred countries at most: read them all
    return {
        code: name for code, name in connection.execute("SELECT * FROM memory.main.names").fetchall() if code in wanted
    }


def listing(connection: duckdb.DuckDBPyConnection, view: View) -> dict[str, Any]:
    """A page of the list: events (one row per group, with its mentions, articles and sources) or mentions, in
    date order, for the selection."""
    where, params = scope(connection, view, dyad=True, period=True, selection=True)
    relation = FACTS
    total = connection.execute(f"SELECT coalesce(sum(n), 0) FROM {CELLS} AS r WHERE {where}", params).fetchone()
    page = connection.execute(
        f"SELECT store_row, group_no FROM {relation} AS r WHERE {where} ORDER BY seq "
        f"LIMIT {int(view.limit)} OFFSET {int(view.offset)}",
        params,
    ).fetchall()
    found = _events(connection, [row for row, _ in page])
    shown = [(found[row], group) for row, group in page if row in found]
    items = [item for item, _ in shown]
    _add_sources(connection, items, [group for _, group in shown], grouped=not view.mentions)
    count = total[0] if total else 0
    following = view.offset + view.limit if view.offset + view.limit < count else None
    return {
        "counting": _counting(view),
        "total": count,
        "offset": view.offset,
        "limit": view.limit,
        "next_offset": following,
        "items": items,
    }


def _events(connection: duckdb.DuckDBPyConnection, rows: list[int]) -> dict[int, dict[str, Any]]:
    """The stored events at these rows of the store's table (the cache is rebuilt whenever the store's file
    changes, so its row numbers are the store's)."""
    if not rows:
        return {}
    cursor = connection.execute("SELECT rowid AS dyad_row, * FROM events WHERE rowid = ANY(?)", [rows])
    names = [d[0] for d in cursor.description]
    found = {}
    for row in cursor.fetchall():
        record = dict(zip(names, row, strict=True))
        found[record.pop("dyad_row")] = row_to_contract(record)
    return found


def _add_sources(
    connection: duckdb.DuckDBPyConnection, items: list[dict[str, Any]], group_nos: list[int], grouped: bool
) -> None:
    """Each item's group (id, mentions, articles, sources) and the articles that report it, with their links."""
    if not items:
        return
    wanted = sorted(set(group_nos))
    among, values = _among("group_no", wanted)
    groups = {
        row[0]: row[1:]
        for row in connection.execute(
            f"SELECT group_no, group_id, mentions, articles, sources FROM {GROUPS} WHERE {among}", values
        ).fetchall()
    }
    pairs = connection.execute(f"SELECT DISTINCT group_no, doc_no FROM {FACTS} WHERE {among}", values).fetchall()
    stored = {
        row[0]: _article(*row[1:])
        for row in connection.execute(
            "SELECT doc_no, doc_id, title, url, source, published FROM memory.main.articles WHERE doc_no = ANY(?)",
            [sorted({doc for _, doc in pairs})],
        ).fetchall()
    }
    articles: dict[int, list[dict[str, Any]]] = {}
    for group_no, doc_no in pairs:
        if doc_no in stored:
            articles.setdefault(group_no, []).append(stored[doc_no])
    for reports in articles.values():
        reports.sort(key=lambda article: (article["published"] or "", article["doc_id"]))
    for item, group_no in zip(items, group_nos, strict=True):
        group_id, mentions, number, sources = groups.get(group_no, (item["event_id"], 1, 1, 1))
        item["group_id"] = group_id
        item["group"] = {"mentions": mentions, "articles": number, "sources": sources}
        item["articles"] = articles.get(group_no, [])[:SOURCES_PER_EVENT]
        item["grouped"] = grouped


def _among(column: str, values: list[int]) -> tuple[str, list[Any]]:
    """`column` in `values`: for a page, IN with constants (DuckDB looks them up in the index); for a download of
    thousands, one list parameter (a scan)."""
    if len(values) <= PAGE_LOOKUPS:
        return f"{column} IN ({', '.join('?' * len(values))})", list(values)
    return f"{column} = ANY(?)", [values]


def _article(doc_id: str, title: str | None, url: str | None, source: str | None, published: date | None) -> dict:
    safe = url if url and url.lower().startswith(("http://", "https://")) else None
    return {
        "doc_id": doc_id,
        "title": title,
        "url": safe,
        "source": source,
        "published": published.isoformat() if published else None,
    }


def _counting(view: View) -> str:
    return "mentions" if view.mentions else "events"


def _dicts(cursor: duckdb.DuckDBPyConnection) -> list[dict[str, Any]]:
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]
