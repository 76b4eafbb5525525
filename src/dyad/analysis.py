"""Analysis over the store: dyad time series and actor networks (the GDELT export is in gdelt.py).

Aggregates count **events** (distinct event groups: one real-world occurrence however many sentences and articles
report it) and **mentions** (coded sentences), side by side. They count events that are neither negated nor
hypothetical unless asked (`include_uncertain`); time series leave out undated events and bin the others only by
periods their date precision allows (dyad.periods), and say how many they left out. Actor codes match at any level
(dyad.query). Queries run in DuckDB; results are lists of plain dicts (the CLI and the HTTP API print or serve
them) or, through `Dataset`, pandas frames.
"""

from __future__ import annotations

import xml.etree.ElementTree as ElementTree
from dataclasses import dataclass, field
from datetime import date
from typing import Any

import duckdb

from dyad.dedupe import first_mentions, has_groups, mentions_with_groups
from dyad.periods import PERIODS as PERIODS  # re-exported: the periods live in dyad.periods
from dyad.periods import checked_period, fits
from dyad.query import actor_label, common_filters, either_matches, like_escape

TOP_EVENTS_PER_EDGE = 3


@dataclass(frozen=True, slots=True)
class Scope:
    """Which events an aggregate looks at."""

    since: date | None = None
    until: date | None = None
    root: str | None = None
    actors: tuple[str, ...] = ()  # codes at any level: RUS (with RUSGOV, RUSMIL...), RUSGOV
    include_uncertain: bool = False
    plover: str | None = None
    language: str | None = None
    mentions: bool = False  # network edge weights and GDELT rows by mention, not by event

    def where(self) -> tuple[str, list[Any]]:
        clauses, params = common_filters(self)
        clauses.insert(0, "target_country IS NOT NULL")
        if self.actors:
            source, source_params = either_matches(self.actors, "source")
            target, target_params = either_matches(self.actors, "target")
            joiner = "OR" if len(self.actors) == 1 else "AND"  # one actor: its dyads; several: those among them
            clauses.append(f"({source} {joiner} {target})")
            params += source_params + target_params
        return " AND ".join(clauses), params

    def labels(self, directed: bool = True) -> tuple[str, str, list[Any]]:
        """SQL naming the two sides of a dyad (the most specific actor code of the scope each matches, else its
        country), and the parameters of both."""
        source, source_params = actor_label("source", self.actors)
        target, target_params = actor_label("target", self.actors)
        if directed:
            return source, target, source_params + target_params
        both = source_params + target_params
        return f"least({source}, {target})", f"greatest({source}, {target})", both + both


@dataclass(frozen=True, slots=True)
class Series:
    """A dyad time series and what it left out: {"coarser_than_period"|"undated": {"events": n, "mentions": m}}."""

    rows: list[dict[str, Any]]
    left_out: dict[str, dict[str, int]] = field(default_factory=dict)


def relation(connection: duckdb.DuckDBPyConnection, scope: Scope) -> str:
    """The rows an aggregate counts: one per event (the first mention of each group) unless `scope.mentions`,
    or when the store has not been grouped yet."""
    if scope.mentions or not has_groups(connection):
        return "events"
    return first_mentions()


def labelled_mentions(
    connection: duckdb.DuckDBPyConnection, scope: Scope, directed: bool = True
) -> tuple[str, list[Any]]:
    """SQL of the mentions in `scope` between two different actors, with `actor_a`, `actor_b` and `group_id`."""
    first, second, label_params = scope.labels(directed)
    where, params = scope.where()
    sql = (
        f"SELECT * FROM (SELECT {first} AS actor_a, {second} AS actor_b, * "
        f"FROM {mentions_with_groups(connection)} AS events WHERE {where}) WHERE actor_a <> actor_b"
    )
    return sql, label_params + params


def dyad_series(
    connection: duckdb.DuckDBPyConnection, scope: Scope, by: str = "month", directed: bool = True
) -> list[dict[str, Any]]:
    """The rows of `dyad_table`."""
    return dyad_table(connection, scope, by, directed).rows


def dyad_table(connection: duckdb.DuckDBPyConnection, scope: Scope, by: str = "month", directed: bool = True) -> Series:
    """Per dyad and period: events (distinct event groups) and mentions, events per quad class, the Goldstein sum
    and mean over events, distinct articles. An event counts once, in the period of its first mention in scope
    whose date precision the period allows; the mentions it counts are those."""
    by = checked_period(by)
    labelled, params = labelled_mentions(connection, scope, directed)
    quads = ", ".join(
        f"count(period) FILTER (WHERE quad_class = {number}) AS {name}"
        for number, name in enumerate(
            ("verbal_cooperation", "material_cooperation", "verbal_conflict", "material_conflict"), 1
        )
    )
    # one row per event (group), then per period; the groups no period may count form rows without a period
    sql = f"""
        WITH m AS (SELECT *, date IS NOT NULL AND {fits(by)} AS counted FROM ({labelled})),
        g AS (SELECT actor_a, actor_b, group_id,
                     CAST(date_trunc('{by}', min(date) FILTER (WHERE counted)) AS DATE) AS period,
                     count(*) FILTER (WHERE counted) AS mentions,
                     count(*) FILTER (WHERE date IS NOT NULL AND NOT counted) AS coarse,
                     count(*) FILTER (WHERE date IS NULL) AS undated,
                     any_value(quad_class) AS quad_class, any_value(goldstein) AS goldstein
              FROM m GROUP BY actor_a, actor_b, group_id),
        p AS (SELECT actor_a, actor_b, period, count(period) AS events, sum(mentions) AS mentions, {quads},
                     round(sum(goldstein) FILTER (WHERE period IS NOT NULL), 2) AS goldstein_sum,
                     round(avg(goldstein) FILTER (WHERE period IS NOT NULL), 3) AS goldstein_mean,
                     count(*) FILTER (WHERE period IS NULL AND undated = 0) AS coarse_events,
                     sum(coarse) AS coarse_mentions, count(*) FILTER (WHERE undated > 0) AS undated_events,
                     sum(undated) AS undated_mentions
              FROM g GROUP BY ALL),
        d AS (SELECT g.actor_a, g.actor_b, g.period, count(DISTINCT m.doc_id) AS articles
              FROM m JOIN g USING (actor_a, actor_b, group_id) WHERE m.counted GROUP BY ALL)
        SELECT p.* EXCLUDE (coarse_events, coarse_mentions, undated_events, undated_mentions),
               coalesce(d.articles, 0) AS articles, coarse_events, coarse_mentions, undated_events, undated_mentions
        FROM p LEFT JOIN d USING (actor_a, actor_b, period) ORDER BY actor_a, actor_b, period"""
    rows, left_out = [], {"coarser_than_period": {"events": 0, "mentions": 0}, "undated": {"events": 0, "mentions": 0}}
    for row in _rows(connection.execute(sql, params)):
        for kind, key in (("coarse", "coarser_than_period"), ("undated", "undated")):
            for count in ("events", "mentions"):
                left_out[key][count] += int(row.pop(f"{kind}_{count}") or 0)
        if row["period"] is not None:
            rows.append(row)
    return Series(rows, left_out)


def network(connection: duckdb.DuckDBPyConnection, scope: Scope) -> dict[str, Any]:
    """Directed actor graph: nodes (countries/organisations) and edges with their events (distinct event groups)
    and mentions, `weight` = events (mentions with `scope.mentions`), the mean Goldstein over events, distinct
    articles and the top events (strongest Goldstein, each shown by its first mention) with their evidence.
    Undated events count here."""
    labelled, params = labelled_mentions(connection, scope)
    weight = "mentions" if scope.mentions else "events"
    top = "{'event_id': x.event_id, 'group_id': r.group_id, 'mentions': r.mentions, 'date': x.date, 'cameo': x.cameo, "
    top += "'cameo_name': x.cameo_name, 'goldstein': r.goldstein, 'sentence': x.sentence}"
    edges = _rows(
        connection.execute(
            f"""WITH m AS ({labelled}),
            g AS (SELECT actor_a, actor_b, group_id, count(*) AS mentions, any_value(goldstein) AS goldstein,
                         max(confidence) AS confidence, min(date) AS date, arg_min(event_id, (date, event_id)) AS first
                  FROM m GROUP BY actor_a, actor_b, group_id),
            e AS (SELECT actor_a, actor_b, count(*) AS events, sum(mentions) AS mentions,
                         round(avg(goldstein), 3) AS goldstein_mean FROM g GROUP BY ALL),
            d AS (SELECT actor_a, actor_b, count(DISTINCT doc_id) AS articles FROM m GROUP BY ALL),
            r AS (SELECT *, row_number() OVER (PARTITION BY actor_a, actor_b ORDER BY abs(goldstein) DESC,
                                               confidence DESC, date DESC NULLS LAST, group_id) AS rank FROM g),
            t AS (SELECT r.actor_a, r.actor_b, list({top} ORDER BY r.rank) AS top_events
                  FROM r JOIN events x ON x.event_id = r.first WHERE r.rank <= {TOP_EVENTS_PER_EDGE} GROUP BY ALL)
            SELECT actor_a AS source, actor_b AS target, {weight} AS weight, events, mentions, goldstein_mean, articles,
                   coalesce(top_events, []) AS top_events
            FROM e JOIN d USING (actor_a, actor_b) LEFT JOIN t USING (actor_a, actor_b)
            ORDER BY weight DESC, source, target""",
            params,
        )
    )
    return _graph(connection, edges)


def _graph(connection: duckdb.DuckDBPyConnection, edges: list[dict[str, Any]]) -> dict[str, Any]:
    names = _actor_names(connection)
    degree: dict[str, list[int]] = {}
    for edge in edges:
        for end in (edge["source"], edge["target"]):
            counts = degree.setdefault(end, [0, 0])
            counts[0] += edge["events"]
            counts[1] += edge["mentions"]
    nodes = [
        {"id": node, "name": names.get(node, node), "events": events, "mentions": mentions}
        for node, (events, mentions) in sorted(degree.items())
    ]
    return {"nodes": nodes, "edges": edges}


def network_graphml(graph: dict[str, Any]) -> str:
    root = ElementTree.Element("graphml", xmlns="http://graphml.graphdrawing.org/xmlns")
    node_keys, edge_keys = (
        ("name", "events", "mentions"),
        ("weight", "events", "mentions", "goldstein_mean", "articles"),
    )
    for key, owner in [*((k, "node") for k in node_keys), *((k, "edge") for k in edge_keys)]:
        kind = {"name": "string", "goldstein_mean": "double"}.get(key, "int")
        ElementTree.SubElement(
            root, "key", id=f"{owner}_{key}", attrib={"for": owner, "attr.name": key, "attr.type": kind}
        )
    graph_element = ElementTree.SubElement(root, "graph", id="dyad", edgedefault="directed")
    for node in graph["nodes"]:
        element = ElementTree.SubElement(graph_element, "node", id=node["id"])
        for key in node_keys:
            ElementTree.SubElement(element, "data", key=f"node_{key}").text = str(node[key])
    for number, edge in enumerate(graph["edges"]):
        element = ElementTree.SubElement(
            graph_element, "edge", id=f"e{number}", source=edge["source"], target=edge["target"]
        )
        for key in edge_keys:
            ElementTree.SubElement(element, "data", key=f"edge_{key}").text = str(edge[key])
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
    """Actors in the store, by code or name, with the events (distinct event groups) and mentions they are in."""
    sides = """SELECT source_code AS code, source_country AS country, source_role AS role, source_name AS name, date
               FROM events
               UNION ALL SELECT target_code, target_country, target_role, target_name, date FROM events
               WHERE target_code IS NOT NULL"""
    events, groups = "count(*)", ""
    if has_groups(connection):  # an actor's events: its dated groups (one row per key-day there), its undated mentions
        events = "coalesce(any_value(g.dated), 0) + count(*) FILTER (WHERE a.date IS NULL)"
        groups = """LEFT JOIN (SELECT code, count(DISTINCT group_id) AS dated FROM (
                        SELECT source_code AS code, group_id FROM event_group_days
                        UNION ALL SELECT target_code, group_id FROM event_group_days WHERE target_code <> '')
                    GROUP BY code) g USING (code)"""
    sql = f"""SELECT a.code, a.country, a.role, any_value(a.name) AS name, {events} AS events, count(*) AS mentions
              FROM ({sides}) a {groups}"""
    params: list[Any] = []
    if query:
        sql += " WHERE a.code ILIKE ? ESCAPE '\\' OR a.name ILIKE ? ESCAPE '\\'"
        params += [like_escape(query) + "%", "%" + like_escape(query) + "%"]
    sql += f" GROUP BY a.code, a.country, a.role ORDER BY events DESC, mentions DESC, a.code LIMIT {int(limit)}"
    return _rows(connection.execute(sql, params))


def _rows(cursor: duckdb.DuckDBPyConnection) -> list[dict[str, Any]]:
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]
