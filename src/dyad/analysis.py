"""Analysis over the store: dyad time series, actor networks, and a GDELT-compatible export.

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
from datetime import date, datetime
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
    whose date precision the period allows."""
    by = checked_period(by)
    labelled, params = labelled_mentions(connection, scope, directed)
    window = "PARTITION BY actor_a, actor_b, group_id"
    quads = ", ".join(
        f"count(DISTINCT group_id) FILTER (WHERE quad_class = {number}) AS {name}"
        for number, name in enumerate(
            ("verbal_cooperation", "material_cooperation", "verbal_conflict", "material_conflict"), 1
        )
    )
    sql = f"""
        WITH m AS (SELECT * FROM ({labelled}) WHERE date IS NOT NULL AND {fits(by)}),
        g AS (SELECT *, CAST(date_trunc('{by}', min(date) OVER ({window})) AS DATE) AS period,
                     row_number() OVER ({window} ORDER BY date, event_id) = 1 AS first
              FROM m)
        SELECT actor_a, actor_b, period, count(DISTINCT group_id) AS events, count(*) AS mentions, {quads},
               round(sum(goldstein) FILTER (WHERE first), 2) AS goldstein_sum,
               round(avg(goldstein) FILTER (WHERE first), 3) AS goldstein_mean,
               count(DISTINCT doc_id) AS articles
        FROM g GROUP BY ALL ORDER BY actor_a, actor_b, period"""
    rows = _rows(connection.execute(sql, params))
    return Series(rows, _left_out(connection, labelled, params, by))


def _left_out(connection: duckdb.DuckDBPyConnection, labelled: str, params: list[Any], by: str) -> dict[str, Any]:
    found = connection.execute(
        f"""WITH g AS (SELECT group_id, bool_or(date IS NULL) AS undated, bool_or({fits(by)}) AS counted,
                              count(*) FILTER (WHERE date IS NOT NULL AND NOT {fits(by)}) AS coarse,
                              count(*) AS mentions
                       FROM ({labelled}) GROUP BY group_id)
            SELECT count(*) FILTER (WHERE NOT undated AND NOT counted), coalesce(sum(coarse), 0),
                   count(*) FILTER (WHERE undated), coalesce(sum(mentions) FILTER (WHERE undated), 0) FROM g""",
        params,
    ).fetchone()
    coarse_events, coarse_mentions, undated_events, undated_mentions = (int(v) for v in found or (0, 0, 0, 0))
    return {
        "coarser_than_period": {"events": coarse_events, "mentions": coarse_mentions},
        "undated": {"events": undated_events, "mentions": undated_mentions},
    }


def network(connection: duckdb.DuckDBPyConnection, scope: Scope) -> dict[str, Any]:
    """Directed actor graph: nodes (countries/organisations) and edges with their events (distinct event groups)
    and mentions, `weight` = events (mentions with `scope.mentions`), the mean Goldstein over events, distinct
    articles and the top events (strongest Goldstein) with their evidence. Undated events count here."""
    labelled, params = labelled_mentions(connection, scope)
    window = "PARTITION BY actor_a, actor_b, group_id"
    ranked = f"""WITH r AS (SELECT *, row_number() OVER ({window} ORDER BY date NULLS LAST, event_id) AS nth,
                                   count(*) OVER ({window}) AS group_mentions FROM ({labelled}))"""
    weight = "mentions" if scope.mentions else "events"
    edges = _rows(
        connection.execute(
            f"""{ranked}
            SELECT source, target, {weight} AS weight, events, mentions, goldstein_mean, articles FROM (
                SELECT actor_a AS source, actor_b AS target, count(*) FILTER (WHERE nth = 1) AS events,
                       count(*) AS mentions, round(avg(goldstein) FILTER (WHERE nth = 1), 3) AS goldstein_mean,
                       count(DISTINCT doc_id) AS articles
                FROM r GROUP BY ALL) ORDER BY weight DESC, source, target""",
            params,
        )
    )
    top = _rows(
        connection.execute(
            f"""{ranked}
            SELECT * FROM (
                SELECT actor_a AS source, actor_b AS target, event_id, group_id, group_mentions AS mentions, date,
                       cameo, cameo_name, goldstein, sentence, row_number() OVER (
                           PARTITION BY actor_a, actor_b ORDER BY abs(goldstein) DESC, confidence DESC,
                           date DESC NULLS LAST, event_id) AS rank
                FROM r WHERE nth = 1)
            WHERE rank <= {TOP_EVENTS_PER_EDGE} ORDER BY source, target, rank""",
            params,
        )
    )
    return _graph(connection, edges, top)


def _graph(
    connection: duckdb.DuckDBPyConnection, edges: list[dict[str, Any]], top: list[dict[str, Any]]
) -> dict[str, Any]:
    by_edge: dict[tuple[str, str], list[dict[str, Any]]] = {}
    for row in top:
        key = (row.pop("source"), row.pop("target"))
        row.pop("rank")
        by_edge.setdefault(key, []).append(row)
    names = _actor_names(connection)
    degree: dict[str, list[int]] = {}
    for edge in edges:
        edge["top_events"] = by_edge.get((edge["source"], edge["target"]), [])
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
    sql = f"""SELECT code, country, role, any_value(name) AS name, count(DISTINCT group_id) AS events,
                     count(*) AS mentions FROM (
                 SELECT source_code AS code, source_country AS country, source_role AS role, source_name AS name,
                        group_id FROM {mentions_with_groups(connection)} AS m
                 UNION ALL SELECT target_code, target_country, target_role, target_name, group_id
                 FROM {mentions_with_groups(connection)} AS m WHERE target_code IS NOT NULL)"""
    params: list[Any] = []
    if query:
        sql += " WHERE code ILIKE ? ESCAPE '\\' OR name ILIKE ? ESCAPE '\\'"
        params += [like_escape(query) + "%", "%" + like_escape(query) + "%"]
    sql += f" GROUP BY code, country, role ORDER BY events DESC, mentions DESC, code LIMIT {int(limit)}"
    return _rows(connection.execute(sql, params))


# GDELT 2.0 event table ----------------------------------------------------------------------------------------
GDELT_COLUMNS = (
    "GLOBALEVENTID SQLDATE MonthYear Year FractionDate "
    + " ".join(
        f"{a}Code {a}Name {a}CountryCode {a}KnownGroupCode {a}EthnicCode {a}Religion1Code {a}Religion2Code "
        f"{a}Type1Code {a}Type2Code {a}Type3Code"
        for a in ("Actor1", "Actor2")
    )
    + " IsRootEvent EventCode EventBaseCode EventRootCode QuadClass GoldsteinScale NumMentions NumSources "
    "NumArticles AvgTone "
    + " ".join(
        f"{g}_Type {g}_FullName {g}_CountryCode {g}_ADM1Code {g}_ADM2Code {g}_Lat {g}_Long {g}_FeatureID"
        for g in ("Actor1Geo", "Actor2Geo", "ActionGeo")
    )
    + " DATEADDED SOURCEURL"
).split()


def gdelt_rows(connection: duckdb.DuckDBPyConnection, scope: Scope) -> list[list[Any]]:
    """Events as rows of the GDELT 2.0 event table (61 columns; fields Dyad does not know are empty).

    Country and geo codes are ISO alpha-3 (GDELT uses CAMEO country codes for actors and FIPS for geography);
    With event groups (made by `dyad ingest`) each row is an event, its first mention, and NumMentions/NumSources/
    NumArticles count the group's mentions, outlets and articles; with `scope.mentions` every mention is a row.
    """
    where, params = scope.where()
    where = where.replace("target_country IS NOT NULL AND ", "").replace("target_country IS NOT NULL", "TRUE")
    source = relation(connection, scope)
    if source == "events":
        counts, stats = "1 AS mentions, 1 AS articles, 1 AS sources", ""
    else:
        counts = (
            "coalesce(s.mentions, 1) AS mentions, coalesce(s.articles, 1) AS articles, "
            "coalesce(s.sources, 1) AS sources"
        )
        stats = "LEFT JOIN event_group_stats s ON s.group_id = e.event_id"
    rows = connection.execute(
        f"""SELECT e.*, a.url, a.ingested_at, {counts} FROM {source} AS e LEFT JOIN articles a USING (doc_id)
            {stats} WHERE {where} ORDER BY e.date NULLS LAST, e.event_id""",
        params,
    )
    names = [d[0] for d in rows.description]
    return [_gdelt_row(dict(zip(names, row, strict=True))) for row in rows.fetchall()]


def _gdelt_row(event: dict[str, Any]) -> list[Any]:
    when: date | None = event["date"]
    added: datetime | None = event.get("ingested_at")
    row: list[Any] = [
        int(event["event_id"][:15], 16),
        when.strftime("%Y%m%d") if when else "",
        when.strftime("%Y%m") if when else "",
        when.year if when else "",
        round(when.year + (when.timetuple().tm_yday - 1) / 365, 4) if when else "",
    ]
    for side in ("source", "target"):
        row += [
            event[f"{side}_code"] or "",
            _upper_name(event[f"{side}_name"]),
            event[f"{side}_country"] or "",
            "",
            "",
            "",
            "",
            event[f"{side}_role"] or "",
            "",
            "",
        ]
    cameo = event["cameo"]
    row += [
        1,
        cameo,
        cameo[:3],
        cameo[:2],
        event["quad_class"],
        event["goldstein"],
        event["mentions"],
        event["sources"],
        event["articles"],
        "",
    ]
    row += ["", "", "", "", "", "", "", ""] * 2
    if event["location_text"]:
        row += [
            4,
            event["location_text"],
            event["location_country"] or "",
            "",
            "",
            event["location_lat"],
            event["location_lon"],
            "",
        ]
    else:
        row += ["", "", "", "", "", "", "", ""]
    row += [added.strftime("%Y%m%d%H%M%S") if added else "", event.get("url") or ""]
    return row


def _upper_name(name: str | None) -> str:
    return (name or "").split(" (")[0].upper()


def _rows(cursor: duckdb.DuckDBPyConnection) -> list[dict[str, Any]]:
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]
