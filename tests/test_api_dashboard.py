"""The dashboard's endpoints: one view in one request, counts that agree between the timeline, the list and the
downloads, actor codes at any level, a continuous and precision-aware time axis, and assets served offline."""

from __future__ import annotations

import csv
import io
import json
import re
from datetime import date

import pytest
from fastapi.testclient import TestClient

from dyad.api import create_app
from dyad.dedupe import group_events
from dyad.read import RawDocument
from dyad.store import Store
from tests.conftest import REPO

YEAR_ONLY = "Im Jahr 2022 verurteilte Russland die Angriffe der Ukraine scharf."
GOVERNMENTS = (  # RUSGOV -> USAGOV, RUSGOV -> USA
    "Der russische Außenminister kritisierte am Montag die Regierung der Vereinigten Staaten scharf.\n\n"
    "Die russische Regierung lud die USA zu Gesprächen ein."
)
PUBLISHED = date(2026, 3, 2)


def article(pipeline, path, outlet: str):
    text = path.read_text(encoding="utf-8")
    document = RawDocument(text=text, origin=path.name, id=f"{path.stem}-{outlet}", source=outlet)
    return pipeline.code(document)


@pytest.fixture(scope="module")
def database(pipeline, tmp_path_factory):
    path = tmp_path_factory.mktemp("dashboard") / "dyad.duckdb"
    examples = sorted((REPO / "examples").iterdir())
    # known to the year only: it must not be counted in January
    year = RawDocument(text=YEAR_ONLY, origin="test", id="year-only", source="wire", language="de", published=PUBLISHED)
    with Store(path) as store:  # every example from two outlets: each event has two mentions
        store.write([article(pipeline, p, outlet) for p in examples for outlet in ("wire", "daily")])
        store.write([pipeline.code(year)])
        governments = RawDocument(text=GOVERNMENTS, origin="test", id="governments", language="de", published=PUBLISHED)
        store.write([pipeline.code(governments)])
        group_events(store.connection)
    return path


@pytest.fixture(scope="module")
def client(database):
    return TestClient(create_app(database))


def view(client, query: str = "") -> dict:
    response = client.get(f"/dashboard/view?{query}")
    assert response.status_code == 200, response.text
    return response.json()


def test_one_request_holds_the_timeline_the_network_and_a_page(client) -> None:
    body = view(client)
    assert set(body) == {"counting", "timeline", "network", "list"} and body["counting"] == "events"
    assert body["network"]["nodes"] and body["network"]["edges"]
    assert body["list"]["items"] and body["list"]["total"] >= len(body["list"]["items"])
    only = view(client, "parts=list")
    assert set(only) == {"counting", "list"}
    actors = view(client, "parts=actors")["actors"]
    assert {"RUSGOV", "USA"} <= {a["code"] for a in actors} and actors[0]["mentions"] >= actors[-1]["mentions"]


def test_events_and_mentions_agree(client) -> None:
    every = "include_uncertain=true&parts=list"
    events = view(client, f"{every}&limit=100")["list"]
    mentions = view(client, f"{every}&count=mentions")["list"]
    assert events["total"] <= 100 and mentions["total"] >= 2 * events["total"]  # each event from two outlets
    assert sum(item["group"]["mentions"] for item in events["items"]) == mentions["total"]
    copied = [item for item in events["items"] if item["sentence"] not in YEAR_ONLY + GOVERNMENTS]
    assert all(i["group"]["mentions"] >= 2 and i["group"]["sources"] == 2 and len(i["articles"]) == 2 for i in copied)
    # the timeline counts what the list counts: dated events, in a bin or left out as too coarse for it
    for counting in ("events", "mentions"):
        timeline = view(client, f"count={counting}&bin=month&parts=timeline")["timeline"]
        rows = json.loads("[" + ",".join(download(client, f"count={counting}", "jsonl").splitlines()) + "]")
        dated = [row for row in rows if row["date"]]
        assert sum(p["events"] for p in timeline["periods"]) + timeline["left_out"] == len(dated)


def test_a_time_axis_without_holes(client) -> None:
    timeline = view(client, "bin=month&since=2025-06-01&parts=timeline")["timeline"]
    months = [p["period"] for p in timeline["periods"]]
    assert months[0] == "2025-06-01"  # from the first day asked for
    assert months == sorted(months) and len(set(months)) == len(months)
    years = {int(m[:4]) * 12 + int(m[5:7]) for m in months}
    assert max(years) - min(years) + 1 == len(months)  # every month between the first and the last, empty or not
    assert any(p["events"] == 0 for p in timeline["periods"])
    # "im Jahr 2022" is known to the year: left out of months, counted in its year, never in January
    timeline = view(client, "bin=month&parts=timeline")["timeline"]
    assert timeline["left_out"] >= 1
    assert not any(p["period"] == "2022-01-01" for p in timeline["periods"])
    yearly = view(client, "bin=year&parts=timeline")["timeline"]
    assert yearly["left_out"] == 0 and yearly["periods"][0]["period"] == "2022-01-01"
    quarters = view(client, "bin=quarter&parts=timeline")["timeline"]["periods"]
    assert all(p["period"][5:] in ("01-01", "04-01", "07-01", "10-01") for p in quarters)


def test_actor_codes_at_any_level(client) -> None:
    country = view(client, "a=RUS&b=USA")
    government = view(client, "a=RUSGOV&b=USA")
    listed = government["list"]["total"]
    assert listed >= 1  # and the timeline counts the dated ones (it drew none while the list had five)
    timeline = government["timeline"]
    rows = download(client, "a=RUSGOV&b=USA", "jsonl").splitlines()
    dated = [row for row in map(json.loads, rows) if row["date"]]
    assert sum(p["events"] for p in timeline["periods"]) + timeline["left_out"] == len(dated)
    assert country["list"]["total"] >= listed
    assert all(item["source"]["code"].startswith(("RUS", "USA")) for item in government["list"]["items"])
    assert {"USAGOV", "USA"} <= {item["target"]["code"] for item in government["list"]["items"]}
    directed = view(client, "a=RUSGOV&b=USA&directed=true&parts=list")["list"]["items"]
    assert all(item["source"]["code"] == "RUSGOV" for item in directed)
    outgoing = view(client, "a=RUS&directed=true&parts=list&limit=100")["list"]["items"]
    assert outgoing and all(item["source"]["country"] == "RUS" for item in outgoing)


def test_selection_and_paging(client) -> None:
    first = view(client, "count=mentions&parts=list&limit=5")["list"]
    second = view(client, "count=mentions&parts=list&limit=5&offset=5")["list"]
    assert first["next_offset"] == 5 and {i["event_id"] for i in first["items"]}.isdisjoint(
        i["event_id"] for i in second["items"]
    )
    edge = view(client, "edge=USA,IRN&parts=list")["list"]["items"]
    assert edge and all(i["source"]["country"] == "USA" and i["target"]["country"] == "IRN" for i in edge)
    node = view(client, "node=IRN&parts=list")["list"]["items"]
    assert node and all("IRN" in (i["source"]["country"], (i["target"] or {}).get("country")) for i in node)
    period = view(client, "period_from=2026-05-01&period_to=2026-05-31&parts=list,network")
    assert all("2026-05-01" <= i["date"] <= "2026-05-31" for i in period["list"]["items"])
    top = view(client, "top=3&parts=network")["network"]
    assert len(top["nodes"]) == 3 and top["actors"] > 3
    assert all(e["source"] in {n["id"] for n in top["nodes"]} for e in top["edges"])


def download(client, query: str, fmt: str) -> str:
    response = client.get(f"/dashboard/download?{query}&format={fmt}")
    assert response.status_code == 200 and "attachment" in response.headers["content-disposition"]
    return response.text


def test_downloads_are_the_view(client) -> None:
    total = view(client, "a=RUS&parts=list")["list"]["total"]
    rows = list(csv.DictReader(io.StringIO(download(client, "a=RUS", "csv"))))
    assert len(rows) == total and all(row["group_id"] for row in rows)
    assert client.get("/dashboard/download?a=RUS&format=csv").headers["x-total-count"] == str(total)
    assert {"mentions", "sources", "sentence", "article_title", "article_url"} <= set(rows[0])
    edges = list(csv.DictReader(io.StringIO(download(client, "what=network", "csv"))))
    assert edges and {"source", "target", "weight"} <= set(edges[0])


def test_bad_parameters_are_one_line_errors(client) -> None:
    for query in ("bin=decade", "a=R;DROP", "count=both", "limit=1000", "edge=RUS", "parts=map"):
        response = client.get(f"/dashboard/view?{query}")
        assert response.status_code == 422 and response.json()["error"]


def test_assets_and_docs_are_served_offline(client) -> None:
    page = client.get("/docs").text
    assert not re.search(r"https?://", page)
    for src in re.findall(r'(?:src|href)="([^"]+)"', page):
        assert client.get(src).status_code == 200, src
    css = client.get("/assets/plotly.css")
    assert css.status_code == 200 and ".js-plotly-plot .plotly .modebar" in css.text
    script = client.get("/assets/plotly.min.js")
    assert script.status_code == 200 and "plotly.js" in script.text[:200]
    assert client.get("/assets/nothing.js").status_code == 404
    assert client.get("/redoc").status_code == 200
    dashboard = client.get("/").text
    assert not re.search(r'(?:src|href)="https?://', dashboard)


def test_the_cache_follows_the_store(pipeline, tmp_path) -> None:
    path = tmp_path / "dyad.duckdb"
    examples = sorted((REPO / "examples").iterdir())
    with Store(path) as store:
        store.write([article(pipeline, examples[0], "wire")])
    client = TestClient(create_app(path))
    before = view(client, "count=mentions&parts=list")["list"]["total"]
    with Store(path) as store:
        store.write([article(pipeline, examples[1], "wire")])
    after = view(client, "count=mentions&parts=list")["list"]["total"]
    assert after > before


def test_a_writer_holding_the_store_gets_it(database, tmp_path) -> None:
    """While `dyad ingest` holds the file, the dashboard answers 503 with Retry-After, then serves again."""
    import shutil
    import subprocess
    import sys

    path = tmp_path / "held.duckdb"
    shutil.copy(database, path)
    client = TestClient(create_app(path))
    assert view(client, "parts=list")["list"]["total"]
    hold = f"import duckdb, time; c = duckdb.connect({str(path)!r}); print('held', flush=True); time.sleep(3)"
    holder = subprocess.Popen([sys.executable, "-c", hold], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
        busy = client.get("/dashboard/view?parts=list")
        assert busy.status_code == 503 and busy.headers["retry-after"] == "2"
    finally:
        holder.wait(timeout=30)
    assert view(client, "parts=list")["list"]["total"]
