"""The HTTP API: status codes, filters, pagination, auth for writes, body limits."""

from __future__ import annotations

import json
import shutil

import pytest
from fastapi.testclient import TestClient

from dyad.api import create_app
from dyad.read import RawDocument
from dyad.store import Store
from tests.conftest import REPO


@pytest.fixture(scope="module")
def database(pipeline, tmp_path_factory):
    path = tmp_path_factory.mktemp("api") / "dyad.duckdb"
    with Store(path) as store:
        store.write(
            [
                pipeline.code(
                    RawDocument(text=p.read_text(encoding="utf-8"), origin=p.name, url=f"https://example.org/{p.stem}")
                )
                for p in sorted((REPO / "examples").iterdir())
            ]
        )
    return path


@pytest.fixture(scope="module")
def client(database):
    return TestClient(create_app(database))


def test_health_and_openapi(client) -> None:
    health = client.get("/health").json()
    assert health["status"] == "ok" and health["events"] > 10 and health["write"] is False
    assert "/events" in client.get("/openapi.json").json()["paths"]


def test_events_filters_and_pagination(client) -> None:
    first = client.get("/events", params={"actor": "ISR", "include_uncertain": True, "limit": 2}).json()
    assert first["total"] >= 3 and len(first["items"]) == 2 and first["next_offset"] == 2
    second = client.get("/events", params={"actor": "ISR", "include_uncertain": True, "limit": 2, "offset": 2})
    assert second.status_code == 200
    ids = {e["event_id"] for e in first["items"]} | {e["event_id"] for e in second.json()["items"]}
    assert len(ids) == len(first["items"]) + len(second.json()["items"])
    for event in first["items"]:
        assert "ISR" in {event["source"]["country"], (event["target"] or {}).get("country")}
    pair = client.get("/events", params={"dyad": "ISR,PSE"}).json()["items"]
    assert pair and all({e["source"]["country"], e["target"]["country"]} == {"ISR", "PSE"} for e in pair)
    german = client.get("/events", params={"language": "de"}).json()["items"]
    assert german and all(e["language"] == "de" for e in german)


def test_event_detail_has_evidence_and_article(client) -> None:
    event = client.get("/events", params={"limit": 1}).json()["items"][0]
    detail = client.get(f"/events/{event['event_id']}").json()
    sentence = detail["sentence"]
    assert sentence[detail["source"]["start"] : detail["source"]["end"]] == detail["source"]["text"]
    assert detail["article"]["url"].startswith("https://example.org/")


def test_errors_are_json(client) -> None:
    assert client.get("/events/nope").json() == {"error": "no event 'nope'", "status": 404}
    bad = client.get("/events", params={"root": "abc"})
    assert bad.status_code == 422 and "root" in bad.json()["error"]
    assert client.get("/dyads", params={"by": "century"}).status_code == 422


def test_dyads_network_actors(client) -> None:
    answer = client.get("/dyads", params={"actors": "ISR,PSE", "undirected": True, "left_out": True}).json()
    rows = answer["rows"]
    assert set(answer["left_out"]) == {"coarser_than_period", "undated"}
    plain = client.get("/dyads", params={"actors": "ISR,PSE", "undirected": True})
    assert plain.json() == rows and json.loads(plain.headers["X-Dyad-Left-Out"]) == answer["left_out"]
    assert rows and all(r["events"] <= r["mentions"] for r in rows)
    assert all({r["actor_a"], r["actor_b"]} == {"ISR", "PSE"} for r in rows)
    graph = client.get("/network", params={"root": "04"}).json()
    assert graph["edges"] and all(e["top_events"] for e in graph["edges"])
    assert any(a["country"] == "ISR" for a in client.get("/actors", params={"q": "isr"}).json())


def test_writes_are_refused_on_a_read_only_server(client) -> None:
    assert client.post("/code", json={"text": "Frankreich kritisierte Israel."}).status_code == 403


def test_writes_need_the_token(database, monkeypatch, tmp_path) -> None:
    monkeypatch.setenv("DYAD_TEST_TOKEN", "s3cret")
    copy = tmp_path / "writable.duckdb"
    shutil.copy(database, copy)  # one process may not hold a file both read-only and writable
    writer = TestClient(create_app(copy, write=True, token_env="DYAD_TEST_TOKEN"))
    article = {"text": "Kanada kritisierte China am Montag scharf.", "language": "de", "published": "2026-05-04"}
    assert writer.post("/code", json=article).status_code == 401
    assert writer.post("/code", json=article, headers={"Authorization": "Bearer wrong"}).status_code == 401
    auth = {"Authorization": "Bearer s3cret"}
    coded = writer.post("/code", json=article, headers=auth).json()
    assert [(e["source"]["country"], e["cameo"], e["target"]["country"]) for e in coded["events"]] == [
        ("CAN", "111", "CHN")
    ]
    stored = writer.post("/ingest", json=article, headers=auth).json()
    assert stored["stored"] == 1 and stored["events"] == 1
    again = writer.post("/ingest", json=article, headers=auth).json()
    assert again["stored"] == 0 and again["already_stored"] == 1
    assert writer.post("/code", json={"text": ""}, headers=auth).status_code == 422
    big = {"text": "x" * (3 * 1024 * 1024)}
    assert writer.post("/code", json=big, headers=auth).status_code == 413


def test_plover_and_language_filters(client) -> None:
    consult = client.get("/events", params={"plover": "CONSULT", "limit": 500}).json()["items"]
    assert consult and all(e["plover"]["event_type"] == "CONSULT" for e in consult)
    rows = client.get("/dyads", params={"plover": "CONSULT", "language": "en"}).json()
    graph = client.get("/network", params={"plover": "CONSULT", "language": "en"}).json()
    assert rows and graph["edges"]
    assert client.get("/events", params={"plover": "DANCE"}).status_code == 422
