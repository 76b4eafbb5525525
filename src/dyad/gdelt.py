"""The GDELT 2.0 event table: Dyad's events in the 61 columns, codes and conventions GDELT users load.

- One row per event (an event group of `dyad ingest`, represented by its first mention), with `NumMentions`,
  `NumSources` and `NumArticles` from `event_group_stats`; with `scope.mentions` every mention is a row of its own.
- `SQLDATE` is never empty: undated events are left out and counted (`GdeltExport.undated`).
- Geography in FIPS 10-4 country codes (data/fips.tsv) and English names: `ActionGeo_*` is the event's place
  (type 4 world city, 3 US city, 5 region), `Actor1Geo_*`/`Actor2Geo_*` the actor's country at country level
  (type 1; Dyad does not locate actors more finely, and has no country centroids, so their Lat/Long are empty).
  Actor country codes stay CAMEO/ISO alpha-3, as in GDELT.
- `IsRootEvent` is 1 when the event's sentence is in the article's lead: the headline (paragraph 0) or the first
  paragraph (1).
- `FractionDate` is GDELT's YYYY + ((month - 1) * 30 + day) / 365; `DATEADDED` the ingest time (YYYYMMDDHHMMSS).
- Fields Dyad does not know are empty: known-group, ethnic and religion codes, Type2/Type3, AvgTone, ADM codes below
  country level, feature ids of places.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

import duckdb

from dyad.analysis import Scope, relation
from dyad.lang import SUPPORTED
from dyad.resources import data_path, read_tsv, split_forms
from dyad.store import common_filters

ACTORS = ("Actor1", "Actor2")
GEOS = ("Actor1Geo", "Actor2Geo", "ActionGeo")
GDELT_COLUMNS = (
    "GLOBALEVENTID SQLDATE MonthYear Year FractionDate "
    + " ".join(
        f"{a}Code {a}Name {a}CountryCode {a}KnownGroupCode {a}EthnicCode {a}Religion1Code {a}Religion2Code "
        f"{a}Type1Code {a}Type2Code {a}Type3Code"
        for a in ACTORS
    )
    + " IsRootEvent EventCode EventBaseCode EventRootCode QuadClass GoldsteinScale NumMentions NumSources "
    "NumArticles AvgTone "
    + " ".join(
        f"{g}_Type {g}_FullName {g}_CountryCode {g}_ADM1Code {g}_ADM2Code {g}_Lat {g}_Long {g}_FeatureID" for g in GEOS
    )
    + " DATEADDED SOURCEURL"
).split()
# what to pass to pandas.read_csv(..., dtype=GDELT_DTYPES): codes as strings (CAMEO "043" keeps its zero), counts as
# integers, never-empty dates as integers; columns that may be empty as nullable types
GDELT_DTYPES: dict[str, str] = {
    **dict.fromkeys(GDELT_COLUMNS, "string"),
    **dict.fromkeys(["GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "IsRootEvent", "QuadClass"], "int64"),
    **dict.fromkeys(["NumMentions", "NumSources", "NumArticles", "DATEADDED"], "Int64"),
    **dict.fromkeys([f"{g}_Type" for g in GEOS], "Int64"),
    **dict.fromkeys(["FractionDate", "GoldsteinScale", "AvgTone"], "float64"),
    **dict.fromkeys([f"{g}_{c}" for g in GEOS for c in ("Lat", "Long")], "float64"),
}
LEAD_PARAGRAPHS = 2  # the headline and the first paragraph
GEO_COUNTRY, GEO_US_STATE, GEO_US_CITY, GEO_WORLD_CITY, GEO_WORLD_STATE = 1, 2, 3, 4, 5


@dataclass(frozen=True, slots=True)
class GeoName:
    name: str  # English
    country: str  # ISO alpha-3
    kind: str  # city | region
    fips: str = ""  # where it is not the country's


class Geography:
    """English names and FIPS codes for the places and countries Dyad stores (all from the package's data)."""

    def __init__(self, fips: dict[str, str], countries: dict[str, str], places: dict[tuple[str, str], GeoName]):
        self._fips = fips
        self._countries = countries
        self._places = places

    @classmethod
    def load(cls, languages: tuple[str, ...] = SUPPORTED) -> Geography:
        rows = list(read_tsv(data_path("data", "fips.tsv")))
        fips = {row["iso3"]: row["fips"] for row in rows if row["fips"]}
        countries = {row["iso3"]: row["name"] for row in rows}
        places: dict[tuple[str, str], GeoName] = {}
        capitals = {row["iso3"]: row["capital"] for row in read_tsv(data_path("data", "countries.tsv"))}
        english = set()
        if "en" in languages:
            for row in read_tsv(data_path("lang", "en", "countries.tsv")):
                english.update(split_forms(row["capitals"]))
        for language in languages:
            for row in read_tsv(data_path("lang", language, "countries.tsv")):
                for form in split_forms(row["capitals"]):  # "Wien" -> Vienna; "La Paz" stays La Paz
                    name = form if form in english else capitals[row["iso3"]]
                    places.setdefault((form.lower(), row["iso3"]), GeoName(name, row["iso3"], "city"))
        for iso3, capital in capitals.items():
            places[(capital.lower(), iso3)] = GeoName(capital, iso3, "city")
        for row in read_tsv(data_path("data", "places.tsv")):
            place = GeoName(row["name"], row["country"], row["type"], row["fips"])
            for form in split_forms(row["forms"]):
                places[(form.lower(), row["country"])] = place
        return cls(fips, countries, places)

    def fips(self, iso3: str | None) -> str:
        return self._fips.get(iso3 or "", "")

    def country_geo(self, iso3: str | None) -> list[Any]:
        """A type-1 geo block for a country: Type, FullName, CountryCode, ADM1Code, ADM2Code, Lat, Long, FeatureID."""
        code = self.fips(iso3)
        if not code:
            return [""] * 8
        return [GEO_COUNTRY, self._countries[iso3 or ""], code, code, "", "", "", code]

    def place_geo(self, text: str | None, iso3: str | None, lat: float | None, lon: float | None) -> list[Any]:
        """The geo block of a stored event location ("Charkiw", UKR) in English: "Kharkiv, Ukraine"."""
        if not text:
            return [""] * 8
        place = self._places.get((text.lower(), iso3 or ""), GeoName(text, iso3 or "", "city"))
        code = place.fips or self.fips(iso3)
        if place.country == "USA":
            kind = GEO_US_STATE if place.kind == "region" else GEO_US_CITY
        else:
            kind = GEO_WORLD_STATE if place.kind == "region" else GEO_WORLD_CITY
        country = self._countries.get(iso3 or "")
        full = f"{place.name}, {country}" if country else place.name
        return [kind, full, code, "", "", _number(lat), _number(lon), ""]


@dataclass(frozen=True, slots=True)
class GdeltExport:
    rows: list[list[Any]]
    undated: int  # events of the scope left out for want of a date


def gdelt_rows(connection: duckdb.DuckDBPyConnection, scope: Scope, geography: Geography | None = None) -> GdeltExport:
    """The scope's dated events as rows of the GDELT 2.0 event table (61 columns), in date order."""
    geography = geography or Geography.load()
    where, params = _where(scope)
    source = relation(connection, scope)
    if source == "events":
        counts, stats = "1 AS mentions, 1 AS articles, 1 AS sources", ""
    else:
        counts = ", ".join(f"coalesce(s.{n}, 1) AS {n}" for n in ("mentions", "articles", "sources"))
        stats = "LEFT JOIN event_group_stats s ON s.group_id = e.event_id"
    chosen = f"(SELECT * FROM {source} AS events WHERE {where})"
    undated = connection.execute(f"SELECT count(*) FROM {chosen} WHERE date IS NULL", params).fetchone()
    cursor = connection.execute(
        f"""SELECT e.*, a.url, a.ingested_at, t.paragraph, {counts}
            FROM {chosen} AS e LEFT JOIN articles a ON a.doc_id = e.doc_id
            LEFT JOIN sentences t ON t.doc_id = e.doc_id AND t.sentence_index = e.sentence_index
            {stats} WHERE e.date IS NOT NULL ORDER BY e.date, e.event_id""",
        params,
    )
    names = [d[0] for d in cursor.description]
    rows = [_row(dict(zip(names, row, strict=True)), geography) for row in cursor.fetchall()]
    return GdeltExport(rows, int(undated[0]) if undated else 0)


def gdelt_lines(rows: list[list[Any]]) -> Iterator[str]:
    """Tab-separated lines, without header (as GDELT's files); tabs and line breaks inside a field become spaces."""
    for row in rows:
        yield "\t".join(_cell(value) for value in row)


def _where(scope: Scope) -> tuple[str, list[Any]]:
    clauses, params = common_filters(scope)
    if len(scope.actors) == 1:
        clauses.append("(source_country = ? OR target_country = ?)")
        params += [scope.actors[0], scope.actors[0]]
    elif scope.actors:
        marks = ", ".join("?" * len(scope.actors))
        clauses.append(f"source_country IN ({marks}) AND target_country IN ({marks})")
        params += [*scope.actors, *scope.actors]
    return " AND ".join(clauses) or "TRUE", params


def _row(event: dict[str, Any], geography: Geography) -> list[Any]:
    when: date = event["date"]
    added: datetime | None = event.get("ingested_at")
    row: list[Any] = [
        int(event["event_id"][:15], 16),
        when.strftime("%Y%m%d"),
        when.strftime("%Y%m"),
        when.year,
        f"{when.year + ((when.month - 1) * 30 + when.day) / 365:.4f}",
    ]
    for side in ("source", "target"):
        country = event[f"{side}_country"] or ""
        row += [
            event[f"{side}_code"] or "",
            _upper_name(event[f"{side}_name"]),
            country if len(country) == 3 else "",  # ISO alpha-3 or a CAMEO region (EUR); never an organisation
            *[""] * 4,
            event[f"{side}_role"] or "",
            "",
            "",
        ]
    cameo = event["cameo"]
    paragraph = event.get("paragraph")
    row += [
        int(paragraph is not None and paragraph < LEAD_PARAGRAPHS),
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
    row += geography.country_geo(event["source_country"]) + geography.country_geo(event["target_country"])
    row += geography.place_geo(
        event["location_text"], event["location_country"], event["location_lat"], event["location_lon"]
    )
    row += [added.strftime("%Y%m%d%H%M%S") if added else "", event.get("url") or ""]
    return row


def _upper_name(name: str | None) -> str:
    return (name or "").split(" (")[0].upper()


def _number(value: float | None) -> Any:
    return "" if value is None else round(value, 4)


def _cell(value: Any) -> str:
    if value is None:
        return ""
    return " ".join(str(value).split()) if isinstance(value, str) else str(value)
