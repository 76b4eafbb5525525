"""Latency of the dashboard's endpoints on a large store: p50/p95 of `/dashboard/view` (the request every view
of the dashboard makes) over a mix of views, and of `/dashboard/download`.

    .venv/bin/python bench/api_latency.py                         # builds bench/out/api-100000.duckdb once
    .venv/bin/python bench/api_latency.py --articles 5000 --repeat 5

The store is synthetic but made of real coder output: the example articles (and the seeds, when present) are
coded once, and their events are copied by SQL into `--articles` articles: stories of three syndicated copies
from 25 outlets (so event groups have several mentions and sources), spread over three years with one empty
two-month gap, and with the actors of half the stories swapped for countries drawn (skewed) from the 200 in the
country table, so the network has about 200 actors. Then `group_events` groups them as `dyad ingest` does. The
server (`dyad serve`) runs on 127.0.0.1; requests are sequential. One JSON line per run is printed and appended
to bench/out/api_latency.jsonl, with the first request apart (it makes the dashboard's in-memory copy of the
store) and the server's memory after the run.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

import httpx
import psutil

REPO = Path(__file__).resolve().parent.parent
OUT = REPO / "bench" / "out"
sys.path.insert(0, str(REPO / "bench"))
sys.path.insert(0, str(REPO / "src"))

from load import free_port  # noqa: E402

COPIES = 3
OUTLETS = 25
DAYS = 1100
VIEWS = {
    "everything, by month": "",
    "dyad RUS-USA": "a=RUS&b=USA",
    "actor prefix RUSGOV, by week": "a=RUSGOV&bin=week",
    "by day, one year": "bin=day&since=2024-01-01&until=2024-12-31",
    "by quarter, 200 actors": "bin=quarter&top=200",
    "mentions": "count=mentions&a=ISR",
    "period selected": "period_from=2024-03-01&period_to=2024-03-31&parts=network,list",
    "node selected": "node=IRN&parts=list",
    "edge selected, page 5": "edge=USA,IRN&offset=80&parts=list",
    "filters: root 19, en": "root=19&language=en",
}


def build_store(db: Path, articles: int) -> float:
    """Code the templates, then copy their rows into a store of `articles` articles; returns seconds."""
    import duckdb

    from dyad.dedupe import group_events
    from dyad.pipeline import Pipeline
    from dyad.read import RawDocument
    from dyad.store import Store

    started = time.perf_counter()
    template = OUT / "api-template.duckdb"
    template.unlink(missing_ok=True)
    pipeline = Pipeline.load()
    sources = [REPO / "examples", REPO.parent / "shared" / "seeds"]
    documents = [p for s in sources if s.is_dir() for p in sorted(s.iterdir())]
    with Store(template) as store:
        store.write([pipeline.code(RawDocument(text=p.read_text("utf-8"), origin=p.name)) for p in documents])
    db.unlink(missing_ok=True)
    Store(db).close()  # the schema
    countries = [line.split("\t")[0] for line in (REPO / "src/dyad/lang/en/countries.tsv").read_text().splitlines()]
    countries = [c for c in countries if len(c) == 3 and c.isupper()]
    connection = duckdb.connect(str(db))
    connection.execute(f"ATTACH '{template}' AS t (READ_ONLY)")
    connection.execute(
        "CREATE TEMP TABLE countries AS SELECT * FROM unnest(?) WITH ORDINALITY AS c(code, n)", [countries]
    )
    stories = -(-articles // COPIES)
    connection.execute(f"""
        CREATE TEMP TABLE copies AS
        SELECT s AS story, c AS copy, d.doc_id AS template_doc, d.title,
               substr(md5(s || '-' || c), 1, 16) AS doc_id,
               DATE '2023-01-01' + CAST((s * 7919) % {DAYS} + CASE WHEN (s * 7919) % {DAYS} >= 500 THEN 60 ELSE 0 END
                   AS INTEGER) AS day,
               'outlet-' || lpad(CAST((s + c * 7) % {OUTLETS} AS VARCHAR), 2, '0') AS source
        FROM range({stories}) r(s), range({COPIES}) k(c),
             (SELECT doc_id, title, row_number() OVER (ORDER BY doc_id) - 1 AS i FROM t.articles) d
        WHERE d.i = s % (SELECT count(*) FROM t.articles) AND s * {COPIES} + c < {articles}""")
    connection.execute("""
        INSERT INTO articles (doc_id, title, url, source, published, language, sentences, events, ingested_at)
        SELECT c.doc_id, a.title, 'https://news.example/' || c.doc_id, c.source, c.day, a.language, a.sentences,
               a.events, now() FROM copies c JOIN t.articles a ON a.doc_id = c.template_doc""")
    columns = [row[0] for row in connection.execute("DESCRIBE t.events").fetchall()]
    swap = {"source_country", "target_country", "source_code", "target_code", "event_id", "doc_id", "date"}
    kept = ", ".join(f'e."{c}"' for c in columns if c not in swap)
    country = (
        "CASE WHEN hash(c.story) % 2 = 0 OR {col} IS NULL THEN {col} ELSE (SELECT code FROM countries WHERE n = 1 + "
        f"CAST(floor({len(countries)} * pow(((hash(c.story, {{col}}) % 1000) / 1000.0), 2)) AS INTEGER)) END"
    )
    connection.execute(f"""
        INSERT INTO events ({", ".join(f'"{c}"' for c in columns if c not in swap)}, event_id, doc_id, date,
                            source_country, target_country, source_code, target_code)
        SELECT {kept}, substr(md5(c.doc_id || e.event_id), 1, 16), c.doc_id,
               CASE WHEN e.date IS NULL THEN NULL ELSE c.day END, x.source_country, x.target_country,
               x.source_country || substr(e.source_code, 4), x.target_country || substr(e.target_code, 4)
        FROM copies c JOIN t.events e ON e.doc_id = c.template_doc,
             LATERAL (SELECT {country.format(col="e.source_country")} AS source_country,
                             {country.format(col="e.target_country")} AS target_country) x""")
    group_events(connection)
    connection.close()
    template.unlink(missing_ok=True)
    return time.perf_counter() - started


def start_server(db: Path) -> tuple[subprocess.Popen[bytes], str]:
    port = free_port()
    command = [sys.executable, "-m", "dyad", "serve", "--db", str(db), "--port", str(port)]
    environment = {**os.environ, "PYTHONPATH": str(REPO / "src")}
    process = subprocess.Popen(command, stderr=subprocess.DEVNULL, env=environment)
    base = f"http://127.0.0.1:{port}"
    for _ in range(300):
        try:
            if httpx.get(base + "/health", timeout=5).status_code == 200:
                return process, base
        except httpx.HTTPError:
            time.sleep(0.2)
    process.kill()
    raise SystemExit("the server did not start")


def timed(client: httpx.Client, url: str) -> float:
    started = time.perf_counter()
    response = client.get(url)
    elapsed = time.perf_counter() - started
    if response.status_code != 200:
        raise SystemExit(f"{url}: {response.status_code} {response.text[:200]}")
    return elapsed * 1000


def percentiles(samples: list[float]) -> dict[str, float]:
    ordered = sorted(samples)
    return {
        "p50_ms": round(statistics.median(ordered), 1),
        "p95_ms": round(ordered[min(len(ordered) - 1, int(0.95 * len(ordered)))], 1),
        "max_ms": round(ordered[-1], 1),
    }


def measure(db: Path, repeat: int) -> dict[str, object]:
    process, base = start_server(db)
    try:
        with httpx.Client(base_url=base, timeout=120) as client:
            health = client.get("/health").json()
            first = timed(client, "/dashboard/view")  # makes the in-memory copy of the store
            by_view: dict[str, list[float]] = {}
            for name, query in VIEWS.items():  # one warm-up request each, then `repeat` timed ones
                timed(client, f"/dashboard/view?{query}")
                by_view[name] = [timed(client, f"/dashboard/view?{query}") for _ in range(repeat)]
            downloads = [
                timed(client, "/dashboard/download?a=RUS&b=USA&format=csv") for _ in range(max(2, repeat // 4))
            ]
            rss = psutil.Process(process.pid).memory_info().rss
    finally:
        process.terminate()
        process.wait(timeout=30)
    every = [sample for samples in by_view.values() for sample in samples]
    return {
        "articles": health.get("articles"),
        "events": health.get("events"),
        "first_request_ms": round(first, 1),
        "server_rss_mb": round(rss / 2**20),
        "requests": len(every),
        "view": percentiles(every),
        "by_view": {name: percentiles(samples) for name, samples in by_view.items()},
        "download_csv_dyad": percentiles(downloads),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--db", type=Path, help="a store to reuse (default bench/out/api-ARTICLES.duckdb)")
    parser.add_argument("--repeat", type=int, default=20)
    arguments = parser.parse_args()
    OUT.mkdir(parents=True, exist_ok=True)
    db = arguments.db or OUT / f"api-{arguments.articles}.duckdb"
    built = None
    if not db.exists():
        built = round(build_store(db, arguments.articles), 1)
    result = {"store": str(db.relative_to(REPO) if db.is_relative_to(REPO) else db), "build_s": built}
    result |= measure(db, arguments.repeat)
    line = json.dumps(result)
    print(line)
    with (OUT / "api_latency.jsonl").open("a") as log:
        log.write(line + "\n")


if __name__ == "__main__":
    main()
