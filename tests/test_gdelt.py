"""The GDELT 2.0 export on a store of hand-written articles: FIPS geography, English place names, the lead, group
counts, undated events, and a file that pandas reads with GDELT's 61 columns."""

from __future__ import annotations

import subprocess
import sys
from datetime import date

import pandas as pd
import pytest

from dyad.analysis import Scope
from dyad.dedupe import group_events
from dyad.gdelt import GDELT_COLUMNS, GDELT_DTYPES, Geography, gdelt_rows
from dyad.read import RawDocument
from dyad.resources import data_path, read_tsv
from dyad.store import Store

LEAD = (
    "Russland kritisiert die Ukraine\n\n"
    "Russische Truppen griffen am Montag die Stadt Charkiw an.\n\n"
    "Frankreich kritisierte Israel scharf.\n\n"
    "Der Iran lobte China bei einem Treffen in Wien."
)
COPY = "Paris gegen Israel\n\nFrankreich kritisierte Israel scharf."


def document(doc_id: str, text: str, published: date | None, source: str) -> RawDocument:
    url = f"https://example.org/{doc_id}"
    return RawDocument(text=text, origin=doc_id, id=doc_id, published=published, source=source, language="de", url=url)


@pytest.fixture(scope="module")
def store(pipeline, tmp_path_factory):
    documents = [
        document("lead", LEAD, date(2026, 3, 4), "agency-one"),
        document("copy", COPY, date(2026, 3, 5), "agency-two"),  # the same criticism, a day later elsewhere
        document("undated", "Ägypten lobte Jordanien.", None, "agency-one"),
    ]
    path = tmp_path_factory.mktemp("gdelt") / "g.duckdb"
    with Store(path) as writable:
        writable.write([pipeline.code(d) for d in documents])
        group_events(writable.connection)
    return path


@pytest.fixture(scope="module")
def rows(store) -> list[dict]:
    with Store(store, read_only=True) as readable:
        found = gdelt_rows(readable.connection, Scope())
    assert found.undated == 1
    return [dict(zip(GDELT_COLUMNS, row, strict=True)) for row in found.rows]


def by_code(rows: list[dict], code: str, actor1: str | None = None) -> dict:
    [row] = [r for r in rows if r["EventCode"] == code and actor1 in (None, r["Actor1Code"])]
    return row


@pytest.mark.parametrize(
    ("iso3", "fips"),
    [
        ("DEU", "GM"),
        ("AUT", "AU"),
        ("ISR", "IS"),
        ("RUS", "RS"),
        ("CHN", "CH"),
        ("UKR", "UP"),
        ("GBR", "UK"),
        ("IRQ", "IZ"),
        ("JPN", "JA"),
        ("ESP", "SP"),
        ("CHE", "SZ"),
        ("KOR", "KS"),
        ("PRK", "KN"),
        ("PHL", "RP"),
        ("SRB", "RI"),
        ("XKX", "KV"),
    ],
)
def test_fips_codes_where_they_differ_from_iso(iso3: str, fips: str) -> None:
    assert Geography.load().fips(iso3) == fips


def test_every_country_has_a_fips_code() -> None:
    table = {row["iso3"]: row["fips"] for row in read_tsv(data_path("data", "fips.tsv"))}
    assert len(table) == 250  # ISO 3166-1 (249) and Kosovo
    countries = [row["iso3"] for row in read_tsv(data_path("data", "countries.tsv"))]
    assert all(table.get(iso3) for iso3 in countries)
    places = [row["country"] for row in read_tsv(data_path("data", "places.tsv"))]
    assert all(table.get(iso3) for iso3 in places)


def test_one_row_per_event_with_group_counts(rows) -> None:
    criticism = by_code(rows, "111", "FRA")  # by the copy too: one event, two mentions
    assert (criticism["NumMentions"], criticism["NumArticles"], criticism["NumSources"]) == (2, 2, 2)
    assert criticism["SQLDATE"] == "20260304" and criticism["SOURCEURL"] == "https://example.org/lead"
    assert (by_code(rows, "190")["NumMentions"], len(rows)) == (1, 4)


def test_root_events_are_in_the_lead(rows) -> None:
    assert by_code(rows, "111", "RUS")["IsRootEvent"] == 1  # the headline
    assert by_code(rows, "190")["IsRootEvent"] == 1  # the first paragraph
    assert by_code(rows, "111", "FRA")["IsRootEvent"] == 0  # the second paragraph
    assert by_code(rows, "051")["IsRootEvent"] == 0


def test_geography_is_fips_with_english_names(rows) -> None:
    attack = by_code(rows, "190")
    assert (attack["Actor1Code"], attack["Actor1CountryCode"], attack["Actor2CountryCode"]) == ("RUSMIL", "RUS", "UKR")
    assert (attack["Actor1Geo_Type"], attack["Actor1Geo_FullName"], attack["Actor1Geo_CountryCode"]) == (
        1,
        "Russia",
        "RS",
    )
    assert attack["Actor2Geo_CountryCode"] == "UP"
    assert (attack["ActionGeo_Type"], attack["ActionGeo_FullName"], attack["ActionGeo_CountryCode"]) == (
        4,
        "Kharkiv, Ukraine",
        "UP",
    )
    assert (attack["ActionGeo_Lat"], attack["ActionGeo_Long"]) == (49.99, 36.23)
    meeting = by_code(rows, "051")
    assert (meeting["ActionGeo_FullName"], meeting["ActionGeo_CountryCode"]) == ("Vienna, Austria", "AU")
    assert (meeting["Actor1Geo_CountryCode"], meeting["Actor2Geo_CountryCode"]) == ("IR", "CH")


def test_dates_follow_gdelt(rows) -> None:
    attack = by_code(rows, "190")
    assert (attack["SQLDATE"], attack["MonthYear"], attack["Year"]) == ("20260302", "202603", 2026)
    assert attack["FractionDate"] == "2026.1699"  # 2026 + (2 * 30 + 2) / 365
    assert len(attack["DATEADDED"]) == 14


def test_the_file_loads_in_pandas_as_gdelt_users_load_it(store, tmp_path) -> None:
    out = tmp_path / "events.tsv"
    done = subprocess.run(
        [sys.executable, "-m", "dyad", "export", "--db", str(store), "--format", "gdelt", "-o", str(out)],
        capture_output=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stderr.decode().splitlines()[0] == "1 undated events left out"
    plain = pd.read_csv(out, sep="\t", header=None, names=GDELT_COLUMNS)
    assert plain.shape == (4, 61)
    for column in ("GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "IsRootEvent", "QuadClass", "NumMentions"):
        assert plain[column].dtype == "int64", column
    for column in ("FractionDate", "GoldsteinScale", "ActionGeo_Lat", "ActionGeo_Long", "AvgTone"):
        assert plain[column].dtype == "float64", column
    typed = pd.read_csv(out, sep="\t", header=None, names=GDELT_COLUMNS, dtype=GDELT_DTYPES)
    assert set(typed["EventCode"]) == {"190", "111", "051"} and typed["EventCode"].dtype == "string"
    assert typed["EventRootCode"].dtype == "string" and "05" in set(typed["EventRootCode"])
    assert typed["ActionGeo_CountryCode"].dropna().tolist() == ["UP", "AU"]


@pytest.mark.parametrize(
    ("text", "iso3", "kind", "full", "fips"),
    [
        ("Kiew", "UKR", 4, "Kyiv, Ukraine", "UP"),  # a German capital form
        ("Wien", "AUT", 4, "Vienna, Austria", "AU"),
        ("La Paz", "BOL", 4, "La Paz, Bolivia", "BL"),  # an English form stays as it is
        ("München", "DEU", 4, "Munich, Germany", "GM"),
        ("Krim", "UKR", 5, "Crimea, Ukraine", "UP"),  # a region
        ("New York", "USA", 3, "New York, United States", "US"),  # a US city
        ("Chan Junis", "PSE", 4, "Khan Younis, Palestine", "GZ"),  # the Gaza Strip has its own FIPS code
        ("Hong Kong", "HKG", 4, "Hong Kong, Hong Kong", "HK"),  # a territory with its own FIPS code
        ("Nirgendwo", "DEU", 4, "Nirgendwo, Germany", "GM"),  # not in the gazetteer (an older store): as stored
    ],
)
def test_place_names_in_english(text: str, iso3: str, kind: int, full: str, fips: str) -> None:
    geo = Geography.load().place_geo(text, iso3, 1.0, 2.0)
    assert geo == [kind, full, fips, "", "", 1.0, 2.0, ""]


def test_organisations_have_no_country_geography() -> None:
    geography = Geography.load()
    assert geography.country_geo("NATO") == [""] * 8 and geography.country_geo(None) == [""] * 8
    assert geography.country_geo("DEU") == [1, "Germany", "GM", "GM", "", "", "", "GM"]
