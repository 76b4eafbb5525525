"""Analysis over the store: dyad time series and actor networks (the GDELT export is in gdelt.py).

All aggregates count events that are neither negated nor hypothetical unless asked (`include_uncertain`), and
ignore events without a date in time series. Queries run in DuckDB; results are lists of plain dicts (the CLI and
the HTTP API print or serve them) or, through `Dataset`, pandas frames.
"""

from __future__ import annotations

import xml.etree.ElementTree as ElementTree
from dataclasses import dataclass
from datetime import date
from typing import Any

import duckdb

from dyad.dedupe import first_mentions, has_groups
from dyad.store import common_filters, like_escape

PERIODS = ("day", "week", "month", "year")
TOP_EVENTS_PER_EDGE = 3


@dataclass(frozen=True, slots=True)
class Scope:
    """Which events an aggregate looks at."""

    since: date | None = None
    until: date | None = None
    root: str | None = None
    actors: tuple[str, ...] = ()
    include_uncertain: bool = False
    plover: str | None = None
    language: str | None = None
    mentions: bool = False  # count every mention, not one per event group

    def where(self) -> tuple[str, list[Any]]:
        clauses, params = common_filters(self)
        clauses.insert(0, "target_country IS NOT NULL")
        if len(self.actors) == 1:
            clauses.append("(source_country = ? OR target_country = ?)")
            params += [self.actors[0], self.actors[0]]
        elif self.actors:
            marks = ", ".join("?" * len(self.actors))
            clauses.append(f"source_country IN ({marks}) AND target_country IN ({marks})")
            params += [*self.actors, *self.actors]
        return " AND ".join(clauses), params


def relation(connection: duckdb.DuckDBPyConnection, scope: Scope) -> str:
    """The rows an aggregate counts: one per event (the first mention of each group) unless `scope.mentions`,
    or when the store has not been grouped yet."""
    if scope.mentions or not has_groups(connection):
        return "events"
    return first_mentions()


def dyad_series(
    connection: duckdb.DuckDBPyConnection, scope: Scope, by: str = "month", directed: bool = True
) -> list[dict[str, Any]]:
    """Per dyad and period: events per quad class, Goldstein sum and mean, distinct articles."""
    if by not in PERIODS:
        raise ValueError(f"period must be one of {', '.join(PERIODS)}")
    where, params = scope.where()
    source = relation(connection, scope)
    if directed:
        pair = "source_country AS actor_a, target_country AS actor_b"
    else:
        pair = "least(source_country, target_country) AS actor_a, greatest(source_country, target_country) AS actor_b"
    sql = f"""
        SELECT {pair}, CAST(date_trunc('{by}', date) AS DATE) AS period,
               count(*) AS events,
               count(*) FILTER (WHERE quad_class = 1) AS verbal_cooperation,
               count(*) FILTER (WHERE quad_class = 2) AS material_cooperation,
               count(*) FILTER (WHERE quad_class = 3) AS verbal_conflict,
               count(*) FILTER (WHERE quad_class = 4) AS material_conflict,
               round(sum(goldstein), 2) AS goldstein_sum,
               round(avg(goldstein), 3) AS goldstein_mean,
               count(DISTINCT doc_id) AS articles
        FROM {source} AS events WHERE {where} AND date IS NOT NULL AND source_country <> target_country
        GROUP BY ALL ORDER BY actor_a, actor_b, period"""
    return _rows(connection.execute(sql, params))


def network(connection: duckdb.DuckDBPyConnection, scope: Scope) -> dict[str, Any]:
    """Weighted actor graph: nodes (countries/organisations), edges (events, mean Goldstein, top events)."""
    where, params = scope.where()
    source = relation(connection, scope)
    edges = _rows(
        connection.execute(
            f"""SELECT source_country AS source, target_country AS target, count(*) AS weight,
                   round(avg(goldstein), 3) AS goldstein_mean, count(DISTINCT doc_id) AS articles
            FROM {source} AS events WHERE {where} AND source_country <> target_country
            GROUP BY ALL ORDER BY weight DESC, source, target""",
            params,
        )
    )
    top = _rows(
        connection.execute(
            f"""SELECT * FROM (
                SELECT source_country AS source, target_country AS target, event_id, date, cameo, cameo_name,
                       goldstein, sentence, row_number() OVER (
                           PARTITION BY source_country, target_country ORDER BY abs(goldstein) DESC, confidence DESC,
                           date DESC NULLS LAST, event_id) AS rank
                FROM {source} AS events WHERE {where} AND source_country <> target_country)
            WHERE rank <= {TOP_EVENTS_PER_EDGE} ORDER BY source, target, rank""",
            params,
        )
    )
    by_edge: dict[tuple[str, str], list[dict[str, Any]]] = {}
    for row in top:
        key = (row.pop("source"), row.pop("target"))
        row.pop("rank")
        by_edge.setdefault(key, []).append(row)
    names = _actor_names(connection)
    degree: dict[str, int] = {}
    for edge in edges:
        edge["top_events"] = by_edge.get((edge["source"], edge["target"]), [])
        for end in (edge["source"], edge["target"]):
            degree[end] = degree.get(end, 0) + edge["weight"]
    nodes = [{"id": node, "name": names.get(node, node), "events": count} for node, count in sorted(degree.items())]
    return {"nodes": nodes, "edges": edges}


def network_graphml(graph: dict[str, Any]) -> str:
    root = ElementTree.Element("graphml", xmlns="http://graphml.graphdrawing.org/xmlns")
    for key, owner, kind in (
        ("name", "node", "string"),
        ("events", "node", "int"),
        ("weight", "edge", "int"),
        ("goldstein_mean", "edge", "double"),
        ("articles", "edge", "int"),
    ):
        ElementTree.SubElement(root, "key", id=key, attrib={"for": owner, "attr.name": key, "attr.type": kind})
    graph_element = ElementTree.SubElement(root, "graph", id="dyad", edgedefault="directed")
    for node in graph["nodes"]:
        element = ElementTree.SubElement(graph_element, "node", id=node["id"])
        for key in ("name", "events"):
            ElementTree.SubElement(element, "data", key=key).text = str(node[key])
    for number, edge in enumerate(graph["edges"]):
        element = ElementTree.SubElement(
            graph_element, "edge", id=f"e{number}", source=edge["source"], target=edge["target"]
        )
        for key in ("weight", "goldstein_mean", "articles"):
            ElementTree.SubElement(element, "data", key=key).text = str(edge[key])
    return ElementTree.tostring(root, encoding="unicode", xml_declaration=True)


def _actor_names(connection: duckdb.DuckDBPyConnection) -> dict[str, str]:
    rows = connection.execute(
        """SELECT country, arg_min(name, (CASE WHEN role IS NULL THEN 0 WHEN role = 'GOV' THEN 1 ELSE 2 END, name))
           FROM (SELECT source_country AS country, split_part(source_name, ' (', 1) AS name, source_role AS role
                 FROM events
                 UNION ALL SELECT target_country, split_part(target_name, ' (', 1), target_role FROM events
                 WHERE target_country IS NOT NULL) GROUP BY country"""
    ).fetchall()
    return {country: name for country, name in rows}


def actors(connection: duckdb.DuckDBPyConnection, query: str | None = None, limit: int = 50) -> list[dict[str, Any]]:
    """Actors in the store, by code or name, with their event counts."""
    sql = """SELECT code, country, role, any_value(name) AS name, count(*) AS events FROM (
                 SELECT source_code AS code, source_country AS country, source_role AS role, source_name AS name
                 FROM events
                 UNION ALL SELECT target_code, target_country, target_role, target_name FROM events
                 WHERE target_code IS NOT NULL)"""
    params: list[Any] = []
    if query:
        sql += " WHERE code ILIKE ? ESCAPE '\\' OR name ILIKE ? ESCAPE '\\'"
        params += [like_escape(query) + "%", "%" + like_escape(query) + "%"]
    sql += f" GROUP BY code, country, role ORDER BY events DESC, code LIMIT {int(limit)}"
    return _rows(connection.execute(sql, params))


def _rows(cursor: duckdb.DuckDBPyConnection) -> list[dict[str, Any]]:
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]
