"""Period bins that respect date precision, and actor codes at any level, on hand-made events."""

from __future__ import annotations

from datetime import date

import pytest
from click.testing import CliRunner
from fastapi.testclient import TestClient

import dyad
from dyad.analysis import Scope, dyad_table
from dyad.api import create_app
from dyad.cli import cli
from dyad.store import EVENT_COLUMNS, EventFilter, Store

#   id    doc   date               precision  source     target       cameo
EVENTS = [
    ("p1", "d1", date(2026, 3, 10), "day", "RUSGOV", "USA", "111"),
    ("p2", "d1", date(2026, 3, 9), "week", "RUSGOV", "USA", "111"),  # "last week"
    ("p3", "d2", date(2026, 3, 1), "month", "RUSMIL", "USA", "190"),  # "in March"
    ("p4", "d2", date(2026, 1, 1), "year", "RUS", "USA", "111"),  # "in 2026": not a January event
    ("p5", "d3", date(2026, 6, 1), "season", "RUSGOV", "USA", "111"),  # "in summer"
    ("p6", "d3", None, None, "RUS", "USA", "111"),
    ("p7", "d4", date(2026, 3, 10), "day", "USA", "RUSGOVPOL", "111"),
    ("p8", "d4", date(2026, 3, 11), "day", "FRA", "DEU", "036"),
]


@pytest.fixture(scope="module")
def store_path(tmp_path_factory):
    path = tmp_path_factory.mktemp("binning") / "hand.duckdb"
    names = [name for name, _ in EVENT_COLUMNS]
    with Store(path) as writable:
        for event_id, doc, when, precision, source, target, cameo in EVENTS:
            row = dict.fromkeys(names)
            row.update(
                event_id=event_id + "0" * 14,
                schema_version=1,
                doc_id=doc,
                language="en",
                sentence_index=0,
                sentence="A sentence.",
                date=when,
                date_precision=precision,
                source_code=source,
                source_country=source[:3],
                target_code=target,
                target_country=target[:3],
                cameo=cameo,
                cameo_root=cameo[:2],
                cameo_name="x",
                goldstein=-2.0,
                quad_class=3,
                negated=False,
                hypothetical=False,
                confidence=0.5,
                trigger_start=0,
            )
            marks = ", ".join("?" * len(names))
            writable.connection.execute(f"INSERT INTO events VALUES ({marks})", [row[n] for n in names])
    return path


@pytest.mark.parametrize(
    ("by", "counted", "coarser"),
    [
        ("day", {("RUS", "USA", "2026-03-10"): 1, ("USA", "RUS", "2026-03-10"): 1}, 4),
        ("week", {("RUS", "USA", "2026-03-09"): 2, ("USA", "RUS", "2026-03-09"): 1}, 3),
        ("month", {("RUS", "USA", "2026-03-01"): 3, ("USA", "RUS", "2026-03-01"): 1}, 2),
        ("quarter", {("RUS", "USA", "2026-01-01"): 3, ("USA", "RUS", "2026-01-01"): 1}, 2),
        ("year", {("RUS", "USA", "2026-01-01"): 5, ("USA", "RUS", "2026-01-01"): 1}, 0),
    ],
)
def test_an_event_counts_only_in_periods_its_precision_allows(store_path, by, counted, coarser) -> None:
    with Store(store_path, read_only=True) as store:
        series = dyad_table(store.connection, Scope(actors=("RUS",)), by)
    assert {(r["actor_a"], r["actor_b"], str(r["period"])): r["events"] for r in series.rows} == counted
    assert series.left_out == {
        "coarser_than_period": {"events": coarser, "mentions": coarser},
        "undated": {"events": 1, "mentions": 1},
    }
    assert sum(counted.values()) + coarser + 1 == 7  # every event of RUS is counted or said to be left out


def test_the_cli_and_the_api_say_what_they_left_out(store_path) -> None:
    result = CliRunner().invoke(cli, ["dyads", "--db", str(store_path), "--actors", "RUS", "--format", "csv"])
    assert result.exit_code == 0, result.output
    assert result.stderr.strip() == (
        "dyad: left out: 2 events (2 mentions) dated less precisely than a month, so in no month; "
        "1 event without a date"
    )
    assert result.stdout.splitlines()[0].startswith("actor_a,actor_b,period,events,mentions,")
    params = {"actors": "RUS", "by": "day", "left_out": True}
    answer = TestClient(create_app(store_path)).get("/dyads", params=params).json()
    assert answer["by"] == "day" and answer["left_out"]["coarser_than_period"] == {"events": 4, "mentions": 4}
    with dyad.open(store_path) as data:
        assert data.dyads(actors=["rus"], by="year").attrs["left_out"]["coarser_than_period"]["events"] == 0


def test_actor_codes_match_at_any_level_on_every_surface(store_path) -> None:
    def ids(where: EventFilter) -> set[str]:
        with Store(store_path, read_only=True) as store:
            return {row["event_id"][:2] for row in store.events(where)}

    assert ids(EventFilter(actor="RUS")) == {"p1", "p2", "p3", "p4", "p5", "p6", "p7"}
    assert ids(EventFilter(actor="RUSGOV")) == {"p1", "p2", "p5", "p7"}  # and deeper (RUSGOVPOL), not RUSMIL
    assert ids(EventFilter(actor="RU")) == set()  # a code is whole segments, not any prefix
    assert ids(EventFilter(dyad=("USA", "RUSGOV"))) == {"p1", "p2", "p5", "p7"}
    with Store(store_path, read_only=True) as store:
        series = dyad_table(store.connection, Scope(actors=("RUSGOV", "USA")), "year")
    assert {(r["actor_a"], r["actor_b"]): r["events"] for r in series.rows} == {
        ("RUSGOV", "USA"): 3,
        ("USA", "RUSGOV"): 1,
    }
    client = TestClient(create_app(store_path))
    listed = client.get("/events", params={"dyad": "RUSGOV,USA"}).json()["total"]
    drawn = sum(r["events"] for r in client.get("/dyads", params={"actors": "RUSGOV,USA", "by": "year"}).json())
    assert listed == drawn == 4
    with dyad.open(store_path) as data:
        assert len(data.events(actor="rusgov")) == 4
        assert set(data.dyads(actors=["RUSGOV", "USA"], by="year", directed=False)["actor_a"]) == {"RUSGOV"}
