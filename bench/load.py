"""Load on `dyad serve`: rounds of concurrent requests over a realistic mix of endpoints, with the server's memory
before and after each round, and one round that runs beside a `dyad ingest` into the same store.

    .venv/bin/python bench/load.py                                  # builds bench/out/load-10000.duckdb once
    .venv/bin/python bench/load.py --db bench/out/load-10000.duckdb --requests 5000 --rounds 5 --concurrency 20

The store (10,000 articles from `bench/corpus.py`, stored by `dyad ingest`) is built when `--db` does not exist and
reused when it does. The server runs on 127.0.0.1 on a free port. A request is an error when it fails or answers
anything but 200; 503s (the store busy while the ingest writes) are counted apart. The ingest round ingests
`--ingest-articles` new articles (ids `load-new-TIME-N`, new to the store on every run), goes on sending requests
until the ingest has ended, and reports the ingest's outcome, when it held the store's write lock (seconds after
its start, sampled from /proc/locks) and the figures of the reads made meanwhile. One JSON line per run is printed
and appended to bench/out/load.jsonl.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import random
import socket
import subprocess
import sys
import threading
import time
from collections import Counter
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import httpx

REPO = Path(__file__).resolve().parent.parent
OUT = REPO / "bench" / "out"
DYAD = [sys.executable, "-m", "dyad"]
sys.path.insert(0, str(REPO / "bench"))

import corpus  # noqa: E402

ACTORS = ["RUS", "USA", "UKR", "ISR", "DEU", "FRA", "IRN", "CHN", "GBR", "TUR"]
ROOTS = ["01", "04", "042", "11", "111", "13", "17", "19", "190"]
PLOVER = ["AGREE", "CONSULT", "ACCUSE", "THREATEN", "ASSAULT", "SANCTION"]


def build_store(db: Path, articles: int, jobs: int) -> float:
    source = corpus.write(articles, OUT / f"corpus-{articles}.jsonl.gz")
    started = time.perf_counter()
    command = [*DYAD, "ingest", str(source), "--db", str(db), "--jobs", str(jobs), "--progress", "none"]
    subprocess.run(command, check=True)
    return time.perf_counter() - started


def new_articles(count: int) -> Path:
    """Articles new to the store: their ids carry the time of this run."""
    path = OUT / f"load-new-{count}.jsonl"
    stamp = time.strftime("%Y%m%d%H%M%S")
    with path.open("w", encoding="utf-8") as handle:
        for number, record in enumerate(corpus.articles(count, seed=11)):
            record = {**record, "id": f"load-new-{stamp}-{number:05d}", "published": "2027-01-15"}
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    return path


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def start_server(db: Path) -> tuple[subprocess.Popen[bytes], str]:
    port = free_port()
    process = subprocess.Popen([*DYAD, "serve", "--db", str(db), "--port", str(port)], stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    for _ in range(300):
        try:
            if httpx.get(base + "/health", timeout=2).status_code == 200:
                return process, base
        except httpx.HTTPError:
            pass
        time.sleep(0.2)
    process.kill()
    raise SystemExit("the server did not start")


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def event_ids(base: str) -> list[str]:
    items = httpx.get(base + "/events", params={"limit": 500, "offset": 1000}, timeout=60).json()["items"]
    return [item["event_id"] for item in items]


def request_mix(rng: random.Random, ids: list[str], total: int) -> tuple[str, dict[str, Any]]:
    """One request of the mix: (path, query parameters)."""
    kind = rng.choices(["events", "event", "dyads", "network", "actors", "health"], [40, 15, 15, 10, 15, 5])[0]
    if kind == "events":
        params: dict[str, Any] = {"limit": rng.choice([20, 50, 100]), "offset": rng.randrange(0, max(total, 1))}
        if rng.random() < 0.5:
            params["actor"] = rng.choice(ACTORS)
        if rng.random() < 0.3:
            params["root"] = rng.choice(ROOTS)
        if rng.random() < 0.3:
            params["since"] = f"2025-{rng.randint(1, 12):02d}-01"
        if rng.random() < 0.2:
            params["plover"] = rng.choice(PLOVER)
        if params.get("actor") or params.get("root") or params.get("plover"):
            params["offset"] = rng.randrange(0, 2000)
        return "/events", params
    if kind == "event":
        return f"/events/{rng.choice(ids)}", {}
    if kind == "dyads":
        params = {"actors": ",".join(rng.sample(ACTORS, rng.randint(1, 3))), "by": rng.choice(["month", "week"])}
        if rng.random() < 0.3:
            params["root"] = rng.choice(ROOTS)
        return "/dyads", params
    if kind == "network":
        params = {"since": f"2025-{rng.randint(1, 12):02d}-01"} if rng.random() < 0.5 else {}
        return "/network", params
    if kind == "actors":
        return "/actors", {"q": rng.choice(["", "R", "Ru", "US", "Is", "Pu", "Se"]), "limit": 20}
    return "/health", {}


def run_round(
    client: httpx.Client,
    base: str,
    requests: Iterator[tuple[str, dict[str, Any]]],
    concurrency: int,
) -> tuple[dict[str, Any], list[tuple[float, float, int]]]:
    """The round's figures, and (start, end, status) of each request; `concurrency` clients take the requests."""
    taking = threading.Lock()
    timings: list[tuple[float, float, int]] = []

    def client_loop() -> None:
        while True:
            with taking:
                request = next(requests, None)
            if request is None:
                return
            started = time.perf_counter()
            try:
                status = client.get(base + request[0], params=request[1]).status_code
            except httpx.HTTPError:
                status = 0  # a failed connection or a timeout
            timings.append((started, time.perf_counter(), status))

    started = time.perf_counter()
    with ThreadPoolExecutor(concurrency) as pool:
        for _ in range(concurrency):
            pool.submit(client_loop)
    result = {"wall_s": round(time.perf_counter() - started, 1), **figures(timings)}
    result["requests_per_s"] = round(len(timings) / result["wall_s"], 1)
    return result, timings


def round_requests(
    rng: random.Random, ids: list[str], total: int, count: int, ingest: Ingest | None
) -> Iterator[tuple[str, dict[str, Any]]]:
    """`count` requests of the mix; in the ingest round, more until the ingest has ended."""
    sent = 0
    while sent < count or (ingest is not None and ingest.is_alive()):
        sent += 1
        yield request_mix(rng, ids, total)


def figures(timings: list[tuple[float, float, int]]) -> dict[str, Any]:
    latencies = sorted(end - start for start, end, _ in timings)
    statuses = Counter(status for _, _, status in timings)
    return {
        "requests": len(timings),
        "errors": len(timings) - statuses[200] - statuses[503],
        "busy_503": statuses[503],
        "error_rate": round((len(timings) - statuses[200]) / max(len(timings), 1), 4),
        "statuses": {str(k): v for k, v in sorted(statuses.items())},
        "p50_ms": _quantile(latencies, 0.50),
        "p95_ms": _quantile(latencies, 0.95),
        "p99_ms": _quantile(latencies, 0.99),
    }


def _quantile(values: list[float], q: float) -> float | None:
    if not values:
        return None
    return round(values[min(len(values) - 1, int(q * len(values)))] * 1000, 1)


class Ingest(threading.Thread):
    """`dyad ingest` of the new articles into the served store, beside the requests; the time of each of its
    lines (one per committed batch) tells when it held the store."""

    def __init__(self, db: Path, source: Path):
        super().__init__(daemon=True)
        self.command = [*DYAD, "ingest", str(source), "--db", str(db), "--jobs", "1", "--progress", "lines"]
        self.started = self.ended = 0.0
        self.lines: list[tuple[float, str]] = []
        self.returncode: int | None = None
        self.db = db.resolve()
        self.held_from: float | None = None
        self.held_to: float | None = None
        self.kinds: dict[str, list[float]] = {}  # lock kind -> first and last time seen (s after the start)

    def run(self) -> None:
        self.started = time.perf_counter()
        process = subprocess.Popen(self.command, stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True)
        assert process.stderr is not None
        threading.Thread(target=self._watch, args=(process,), daemon=True).start()
        for line in process.stderr:
            self.lines.append((time.perf_counter(), line.strip()))
        self.returncode = process.wait()
        self.ended = time.perf_counter()

    def _watch(self, process: subprocess.Popen[str]) -> None:
        """When the ingest holds DuckDB's write lock on the store: its fcntl lock in /proc/locks, sampled."""
        inode = f":{self.db.stat().st_ino}"
        while process.poll() is None:
            with contextlib.suppress(OSError):
                for line in Path("/proc/locks").read_text().splitlines():
                    fields = line.split()
                    if len(fields) > 5 and fields[4] == str(process.pid) and fields[5].endswith(inode):
                        now = time.perf_counter() - self.started
                        self.kinds.setdefault(fields[3], [now, now])[1] = now
                        if fields[3] == "WRITE":
                            self.held_from = self.held_from or time.perf_counter()
                            self.held_to = time.perf_counter()
            time.sleep(0.02)

    def report(self, timings: list[tuple[float, float, int]]) -> dict[str, Any]:
        """The ingest's outcome, and the figures of the reads that overlapped it."""
        held_from, held_to = self.held_from or self.started, self.held_to or self.ended
        during = [t for t in timings if t[1] > held_from and t[0] < held_to]
        return {
            "returncode": self.returncode,
            "seconds": round(self.ended - self.started, 1),
            "held_the_store_s": [round(t - self.started, 1) for t in (self.held_from, self.held_to) if t],
            "locks_seen_s": {kind: [round(t, 1) for t in span] for kind, span in self.kinds.items()},
            "first_commit_after_s": round(self.lines[0][0] - self.started, 1) if self.lines else None,
            "summary": self.lines[-1][1] if self.lines else "",
            "reads_while_it_held_the_store": figures(during),
        }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--db", type=Path, help="A store to reuse (built with --articles when missing)")
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--jobs", type=int, default=2, help="processes for building the store")
    parser.add_argument("--requests", type=int, default=5000)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--concurrency", type=int, default=20)
    parser.add_argument("--ingest-round", type=int, default=3, help="the round with a concurrent ingest (0: none)")
    parser.add_argument("--ingest-articles", type=int, default=200)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()

    OUT.mkdir(parents=True, exist_ok=True)
    db = args.db or OUT / f"load-{args.articles}.duckdb"
    build_seconds = None if db.exists() else round(build_store(db, args.articles, args.jobs), 1)
    process, base = start_server(db)
    rng = random.Random(args.seed)
    rounds = []
    ingest_result: dict[str, Any] | None = None
    try:
        health = httpx.get(base + "/health", timeout=60).json()
        ids = event_ids(base)
        per_round = args.requests // args.rounds
        limits = httpx.Limits(max_connections=args.concurrency, max_keepalive_connections=args.concurrency)
        with httpx.Client(timeout=60, limits=limits) as client:
            for number in range(1, args.rounds + 1):
                before = rss_mb(process.pid)
                ingest = None
                if number == args.ingest_round:
                    ingest = Ingest(db, new_articles(args.ingest_articles))
                    ingest.start()
                requests = round_requests(rng, ids, health["events"], per_round, ingest)
                result, timings = run_round(client, base, requests, args.concurrency)
                if ingest is not None:
                    ingest.join()
                    ingest_result = ingest.report(timings)
                    result["ingest"] = ingest_result
                result.update(round=number, rss_before_mb=round(before, 1), rss_after_mb=round(rss_mb(process.pid), 1))
                rounds.append(result)
                print(json.dumps(result), flush=True)
        after = httpx.get(base + "/health", timeout=60).json()
    finally:
        process.kill()
        process.wait()
    report = {
        "db": str(db),
        "build_seconds": build_seconds,
        "articles": health["articles"],
        "events": health["events"],
        "articles_after": after["articles"],
        "concurrency": args.concurrency,
        "rounds": rounds,
        "ingest": ingest_result,
    }
    with (OUT / "load.jsonl").open("a", encoding="utf-8") as handle:
        handle.write(json.dumps(report) + "\n")
    _table(report)


def _table(report: dict[str, Any]) -> None:
    print(f"store: {report['articles']:,} articles, {report['events']:,} events; after: {report['articles_after']:,}")
    print("| round | requests | req/s | errors | 503 | p50 ms | p95 ms | p99 ms | RSS before → after MB |")
    print("|---|---|---|---|---|---|---|---|---|")
    for r in report["rounds"]:
        print(
            f"| {r['round']}{' (ingest)' if 'ingest' in r else ''} | {r['requests']} | {r['requests_per_s']} "
            f"| {r['errors']} | {r['busy_503']} | {r['p50_ms']} | {r['p95_ms']} | {r['p99_ms']} "
            f"| {r['rss_before_mb']} → {r['rss_after_mb']} |"
        )
    if report["ingest"]:
        print("ingest:", json.dumps(report["ingest"]))
        print("reads while it held the store:", json.dumps(report["ingest"]["reads_while_it_held_the_store"]))


if __name__ == "__main__":
    main()
