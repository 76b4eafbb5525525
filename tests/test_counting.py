"""One model of counting: on a store with syndicated copies (one story in three articles from three outlets), every
surface (`dyad events --grouped`, `dyad dyads`, `dyad network`, the HTTP API, the Python API) gives the same
numbers of events (event groups) and mentions (coded sentences)."""

from __future__ import annotations

import io
import json
import re
from collections import Counter
from datetime import date

import pandas as pd
import pytest
from click.testing import CliRunner
from fastapi.testclient import TestClient

import dyad
from dyad.api import create_app
from dyad.cli import cli
from dyad.dedupe import group_events, link_duplicates
from dyad.read import RawDocument
from dyad.store import Store, export_columns

STORY = (
    "Frankreich kritisierte Israel am Montag scharf. Die Regierung in Paris verlangte eine Erklärung zu den "
    "Vorgängen an der Grenze und kündigte Gespräche mit den Partnern in Europa an. Beobachter erwarten in den "
    "kommenden Wochen weitere diplomatische Schritte beider Seiten, die Lage bleibe angespannt, hieß es."
)
ARTICLES = [  # id, headline, body, published, outlet
    ("wire", "Paris gegen Israel", STORY, date(2026, 3, 2), "agency-one"),
    ("copy-1", "Scharfe Worte aus Paris", STORY, date(2026, 3, 3), "daily-two"),
    ("copy-2", "Diplomatie in Nahost", STORY, date(2026, 3, 3), "weekly-three"),
    ("later", "Erneut Kritik", "Frankreich kritisierte Israel erneut.", date(2026, 3, 20), "agency-one"),
    ("other", "Kanada", "Kanada kritisierte China scharf.", date(2026, 3, 4), "daily-two"),
]


@pytest.fixture(scope="module")
def store_path(pipeline, tmp_path_factory):
    path = tmp_path_factory.mktemp("counting") / "dyad.duckdb"
    documents = [
        RawDocument(
            text=f"{title}\n\n{body}",
            origin=doc_id,
            id=doc_id,
            title=title,
            url=f"https://example.org/{doc_id}",
            published=published,
            source=outlet,
            language="de",
        )
        for doc_id, title, body, published, outlet in ARTICLES
    ]
    with Store(path) as store:
        store.write([pipeline.code(document) for document in documents])
        group_events(store.connection)
        link_duplicates(store.connection)
    return path


def run(*args: str) -> str:
    result = CliRunner().invoke(cli, list(args))
    assert result.exit_code == 0, result.output
    return result.stdout


def pairs(rows, source="source", target="target") -> dict[tuple[str, str], tuple[int, int]]:
    """(events, mentions) per (source, target)."""
    totals: dict[tuple[str, str], list[int]] = {}
    for row in rows:
        counts = totals.setdefault((row[source], row[target]), [0, 0])
        counts[0] += row["events"]
        counts[1] += row["mentions"]
    return {key: (events, mentions) for key, (events, mentions) in totals.items()}


def test_every_surface_counts_the_same_events_and_mentions(store_path) -> None:
    db = str(store_path)
    grouped = [json.loads(line) for line in run("events", "--db", db, "--grouped", "--format", "jsonl").splitlines()]
    mentions = [json.loads(line) for line in run("events", "--db", db, "--format", "jsonl").splitlines()]
    between = [e for e in grouped if e["target"] and e["source"]["country"] != e["target"]["country"]]
    expected: Counter = Counter()
    for event in between:
        key = (event["source"]["country"], event["target"]["country"])
        expected[key, "events"] += 1
        expected[key, "mentions"] += event["mentions"]
    expected_pairs = {key: (expected[key, "events"], expected[key, "mentions"]) for key, _ in expected}
    assert expected_pairs[("FRA", "ISR")] == (2, 4)  # the story (3 mentions in 3 articles) and the later event
    story = next(e for e in grouped if e["cameo"] == "111" and e["date"] == "2026-03-02")
    assert (story["mentions"], story["articles"], story["sources"]) == (3, 3, 3)
    assert story["article"]["url"] == "https://example.org/wire"  # the first report stands for the event
    assert sum(e["mentions"] for e in grouped) == len(mentions)
    assert {e["group_id"] for e in grouped} == {e["group_id"] for e in mentions}

    dyads = [json.loads(line) for line in run("dyads", "--db", db, "--format", "jsonl").splitlines()]
    assert pairs(dyads, "actor_a", "actor_b") == expected_pairs
    graph = json.loads(run("network", "--db", db))
    assert pairs(graph["edges"]) == expected_pairs
    assert all(edge["weight"] == edge["events"] for edge in graph["edges"])

    client = TestClient(create_app(store_path))
    page = client.get("/events", params={"grouped": True, "limit": 500}).json()
    assert (page["counts"], page["total"]) == ("events", len(grouped))
    assert [item["mentions"] for item in page["items"]] == [e["mentions"] for e in grouped]
    assert client.get("/events").json()["total"] == len(mentions)
    assert pairs(client.get("/dyads").json(), "actor_a", "actor_b") == expected_pairs
    assert pairs(client.get("/network").json()["edges"]) == expected_pairs
    for count, index in (("events", 0), ("mentions", 1)):  # the dashboard's own queries count the same
        view = client.get("/dashboard/view", params={"a": "FRA", "b": "ISR", "directed": True, "count": count})
        assert view.json()["list"]["total"] == expected_pairs[("FRA", "ISR")][index], count

    with dyad.open(store_path) as data:
        frame = data.events(grouped=True)
        assert list(frame["group_id"]) == [e["group_id"] for e in grouped]
        assert list(frame["mentions"]) == [e["mentions"] for e in grouped]
        assert len(data.events()) == len(mentions) and len(data.events(limit=2)) == 2
        assert pairs(data.dyads().to_dict("records"), "actor_a", "actor_b") == expected_pairs
        _, edges = data.network()
        assert pairs(edges.to_dict("records")) == expected_pairs


def test_exports_carry_the_group_and_the_article(store_path) -> None:
    db = str(store_path)
    frame = pd.read_csv(io.StringIO(run("export", "--db", db, "--format", "csv")), dtype={"cameo": "string"})
    assert list(frame.columns) == export_columns()
    story = frame[(frame["cameo"] == "111") & (frame["date"] == "2026-03-02")]
    assert story["group_id"].nunique() == 1 and len(story) == 3
    assert set(story["article_source"]) == {"agency-one", "daily-two", "weekly-three"}
    assert set(story["article_title"]) == {title for _, title, *_ in ARTICLES[:3]}
    assert set(story["article_published"]) == {"2026-03-02", "2026-03-03"}
    lines = run("export", "--db", db, "--format", "jsonl", "--grouped").splitlines()
    assert all({"group_id", "mentions", "article"} <= set(json.loads(line)) for line in lines)


def test_parquet_export_has_the_same_columns(store_path, tmp_path) -> None:
    target = tmp_path / "events.parquet"
    run("export", "--db", str(store_path), "--format", "parquet", "-o", str(target))
    frame = pd.read_parquet(target)
    assert list(frame.columns) == export_columns()
    grouped = tmp_path / "grouped.parquet"
    run("events", "--db", str(store_path), "--grouped", "--format", "parquet", "-o", str(grouped))
    assert list(pd.read_parquet(grouped).columns) == export_columns(grouped=True)


def test_the_table_says_what_it_counts(store_path) -> None:
    plain = run("events", "--db", str(store_path))
    grouped = run("events", "--db", str(store_path), "--grouped")
    with dyad.open(store_path) as data:
        mentions, events = len(data.events()), len(data.events(grouped=True))
    assert f"{mentions} mentions of {events} events" in plain
    assert f"{events} events" in grouped and "3 mentions, 3 articles, 3 sources" in grouped


def test_python_api_articles_and_dates(store_path) -> None:
    with dyad.open(store_path) as data:
        articles = data.articles()
        assert list(articles["doc_id"]) == ["wire", "copy-1", "copy-2", "other", "later"]
        assert set(articles.loc[articles["duplicate_of"].notna(), "doc_id"]) == {"copy-1", "copy-2"}
        assert "text" not in articles and "text" in data.articles(limit=1, text=True)
        assert len(data.articles(since=date(2026, 3, 3), until=date(2026, 3, 4))) == 3
        frames = [
            articles["published"],
            data.events()["date"],
            data.dyads()["period"],
            data.sql("SELECT * FROM events")["date"],
        ]
        assert all(isinstance(value, date) for column in frames for value in column)
        assert data.sql("SELECT count(*) AS n FROM events WHERE doc_id = ?", ["wire"])["n"][0] > 0


@pytest.mark.parametrize(
    "statement",
    [
        "INSERT INTO articles (doc_id) VALUES ('x')",
        "DELETE FROM events",
        "DROP TABLE events",
        "CREATE TABLE notes (x INTEGER)",
        "COPY events TO 'copied.csv'",
        "ATTACH 'other.duckdb' AS other",
        "SET enable_external_access = true",
    ],
)
def test_sql_refuses_writes(store_path, tmp_path, monkeypatch, statement: str) -> None:
    import duckdb

    monkeypatch.chdir(tmp_path)
    with dyad.open(store_path) as data:
        before = len(data.sql("SELECT * FROM events"))
        with pytest.raises(duckdb.Error):
            data.sql(statement)
        assert len(data.sql("SELECT * FROM events")) == before
    assert list(tmp_path.iterdir()) == []


def test_the_user_guide_documents_every_csv_column() -> None:
    from tests.conftest import REPO

    guide = (REPO / "docs" / "user-guide.md").read_text(encoding="utf-8")
    table = guide[guide.index("| columns | dtype | what |") :].split("\n\n")[0]
    documented = [name for line in table.splitlines()[2:] for name in re.findall(r"`(\w+)`", line.split("|")[1])]
    assert sorted(documented) == sorted(export_columns(grouped=True))


def test_actors_count_their_events_and_mentions(store_path) -> None:
    client = TestClient(create_app(store_path))
    france = next(a for a in client.get("/actors", params={"q": "FRA"}).json() if a["code"] == "FRA")
    with dyad.open(store_path) as data:
        expected = data.sql(
            "SELECT count(DISTINCT group_id) AS events, count(*) AS mentions FROM events JOIN event_groups "
            "USING (event_id) WHERE source_code = 'FRA' OR target_code = 'FRA'"
        )
    assert (france["events"], france["mentions"]) == (expected["events"][0], expected["mentions"][0])
    assert france["events"] < france["mentions"]  # the story's three mentions are one event
