"""Aggregations against values computed by hand on a small store of hand-made events."""

from __future__ import annotations

import subprocess
import sys
from datetime import date

import pytest

import dyad
from dyad.analysis import Scope, dyad_series, network, network_graphml
from dyad.gdelt import GDELT_COLUMNS, gdelt_rows
from dyad.store import EVENT_COLUMNS, Store

#   id  doc  date        source target cameo goldstein quad negated
EVENTS = [
    ("e1", "d1", date(2026, 1, 5), "RUS", "USA", "111", -2.0, 3, False),
    ("e2", "d1", date(2026, 1, 20), "RUS", "USA", "051", 3.4, 1, False),
    ("e3", "d2", date(2026, 1, 21), "USA", "RUS", "163", -8.0, 4, False),
    ("e4", "d3", date(2026, 2, 2), "RUS", "USA", "046", 7.0, 1, False),
    ("e5", "d3", date(2026, 2, 3), "RUS", "USA", "190", -10.0, 4, True),  # negated: left out by default
    ("e6", "d4", date(2026, 2, 9), "ISR", "IRN", "195", -10.0, 4, False),
    ("e7", "d4", None, "ISR", "IRN", "111", -2.0, 3, False),  # undated: not in series, in the network
]


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    path = tmp_path_factory.mktemp("analysis") / "hand.duckdb"
    with Store(path) as writable:
        names = [name for name, _ in EVENT_COLUMNS]
        for event_id, doc, when, source, target, cameo, goldstein, quad, negated in EVENTS:
            row = dict.fromkeys(names)
            row.update(
                event_id=event_id + "0" * 14,
                schema_version=1,
                doc_id=doc,
                language="de",
                sentence_index=0,
                sentence="Satz.",
                date=when,
                source_code=source,
                source_country=source,
                source_name=source,
                target_code=target,
                target_country=target,
                target_name=target,
                cameo=cameo,
                cameo_root=cameo[:2],
                cameo_name="x",
                goldstein=goldstein,
                quad_class=quad,
                negated=negated,
                hypothetical=False,
                confidence=0.5,
                trigger_text="x",
                trigger_start=0,
                trigger_end=1,
            )
            marks = ", ".join("?" * len(names))
            writable.connection.execute(f"INSERT INTO events VALUES ({marks})", [row[n] for n in names])
        writable.connection.execute(
            "INSERT INTO articles (doc_id, url, ingested_at) VALUES ('d1', 'https://example.org/1', now())"
        )
    with Store(path, read_only=True) as readable:
        yield readable


def test_directed_monthly_series(store) -> None:
    rows = dyad_series(store.connection, Scope(actors=("RUS", "USA")), "month", directed=True)
    table = {(r["actor_a"], r["actor_b"], str(r["period"])): r for r in rows}
    january = table[("RUS", "USA", "2026-01-01")]
    assert (january["events"], january["verbal_cooperation"], january["verbal_conflict"]) == (2, 1, 1)
    assert (january["goldstein_sum"], january["goldstein_mean"], january["articles"]) == (1.4, 0.7, 1)
    assert table[("USA", "RUS", "2026-01-01")]["material_conflict"] == 1
    february = table[("RUS", "USA", "2026-02-01")]
    assert (february["events"], february["goldstein_sum"]) == (1, 7.0)  # the negated strike is left out


def test_undirected_and_uncertain(store) -> None:
    rows = dyad_series(store.connection, Scope(actors=("RUS", "USA")), "month", directed=False)
    january = next(r for r in rows if str(r["period"]) == "2026-01-01")
    assert (january["actor_a"], january["actor_b"], january["events"], january["articles"]) == ("RUS", "USA", 3, 2)
    assert january["goldstein_sum"] == pytest.approx(-6.6)
    with_uncertain = dyad_series(
        store.connection, Scope(actors=("RUS", "USA"), include_uncertain=True), "month", directed=False
    )
    assert next(r for r in with_uncertain if str(r["period"]) == "2026-02-01")["events"] == 2


def test_period_and_root_filters(store) -> None:
    rows = dyad_series(store.connection, Scope(since=date(2026, 1, 15), until=date(2026, 1, 31), root="1"), "week")
    assert sorted((r["actor_a"], r["events"]) for r in rows) == [("USA", 1)]  # only e3 (163) in that window
    with pytest.raises(ValueError, match="period"):
        dyad_series(store.connection, Scope(), "century")


def test_network_weights_and_top_events(store) -> None:
    graph = network(store.connection, Scope())
    edges = {(e["source"], e["target"]): e for e in graph["edges"]}
    assert edges[("RUS", "USA")]["weight"] == 3 and edges[("RUS", "USA")]["goldstein_mean"] == pytest.approx(2.8)
    assert edges[("ISR", "IRN")]["weight"] == 2  # the undated event counts in the network
    assert edges[("ISR", "IRN")]["top_events"][0]["cameo"] == "195"  # strongest Goldstein first
    assert {n["id"]: n["events"] for n in graph["nodes"]} == {"IRN": 2, "ISR": 2, "RUS": 4, "USA": 4}
    assert "<edge" in network_graphml(graph)


def test_gdelt_export(store) -> None:
    rows = gdelt_rows(store.connection, Scope()).rows
    assert len(GDELT_COLUMNS) == 61 and all(len(row) == 61 for row in rows)
    first = dict(zip(GDELT_COLUMNS, rows[0], strict=True))
    assert (first["SQLDATE"], first["Actor1Code"], first["Actor2CountryCode"]) == ("20260105", "RUS", "USA")
    assert (first["EventCode"], first["EventRootCode"], first["QuadClass"], first["GoldsteinScale"]) == (
        "111",
        "11",
        3,
        -2.0,
    )
    assert first["SOURCEURL"] == "https://example.org/1"


def test_python_api_returns_frames(store) -> None:
    with dyad.open(store.path) as dataset:
        frame = dataset.dyads(actors=["RUS", "USA"], directed=False)
        assert list(frame["events"]) == [3, 1]
        nodes, edges = dataset.network()
        assert len(nodes) == 4 and int(edges["weight"].sum()) == 6  # RUS->USA 3, USA->RUS 1, ISR->IRN 2
        assert len(dataset.events(dyad=("RUS", "USA"))) == 4


def test_cli_dyads_and_export(store) -> None:
    dyads = subprocess.run(
        [
            sys.executable,
            "-m",
            "dyad",
            "dyads",
            "--db",
            str(store.path),
            "--actors",
            "RUS,USA",
            "--undirected",
            "--format",
            "csv",
        ],
        capture_output=True,
        check=False,
    )
    assert dyads.returncode == 0, dyads.stderr
    assert dyads.stdout.decode().splitlines()[1].startswith("RUS,USA,2026-01-01,3,")
    gdelt = subprocess.run(
        [sys.executable, "-m", "dyad", "export", "--db", str(store.path), "--format", "gdelt"],
        capture_output=True,
        check=False,
    )
    assert gdelt.returncode == 0 and len(gdelt.stdout.decode().splitlines()) == 5  # e7 is undated
    assert "1 undated events left out" in gdelt.stderr.decode()
    assert all(len(line.split("\t")) == 61 for line in gdelt.stdout.decode().splitlines())
