"""Batch-ingest scale: wall time, articles/s and peak memory of `dyad ingest` on a generated corpus.

    .venv/bin/python bench/scale.py --articles 10000 --jobs 1
    .venv/bin/python bench/scale.py --articles 100000 --jobs 2
    .venv/bin/python bench/scale.py --articles 100000 --jobs 2 --engine dask
    .venv/bin/python bench/scale.py --articles 100000 --jobs 2 --memory-limit 256MB

The corpus (`bench/corpus.py`, gzipped JSONL; plain JSONL for Dask, which splits it into blocks) is made once per
size under bench/out/. Each run starts from an empty
store. Memory is sampled every 0.2 s over the whole process tree (the ingest, its worker processes, Dask's
scheduler and workers): the peak of the sum, of the largest single process and of the main process (the one that
writes the store) are reported,
because `/usr/bin/time` sees only one process. One JSON line per run is printed and appended to
bench/out/scale.jsonl; every process's memory over time goes to bench/out/timeline-ENGINE-JOBS-ARTICLES[-LIMIT].tsv.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import subprocess
import sys
import threading
import time
from pathlib import Path

import psutil

REPO = Path(__file__).resolve().parent.parent
OUT = REPO / "bench" / "out"
sys.path.insert(0, str(REPO / "bench"))

import corpus  # noqa: E402


class MemorySampler(threading.Thread):
    def __init__(self, pid: int, every: float = 0.2):
        super().__init__(daemon=True)
        self.root = psutil.Process(pid)
        self.every = every
        self.peak_total = 0
        self.timeline: list[tuple[float, dict[int, int]]] = []  # (time, RSS of every process by pid)
        self.by_process: dict[int, int] = {}  # pid -> peak RSS: which processes hold the memory
        self.stopped = threading.Event()

    def run(self) -> None:
        while not self.stopped.is_set():
            try:
                processes = [self.root, *self.root.children(recursive=True)]
            except psutil.NoSuchProcess:
                return
            sizes: dict[int, int] = {}
            for process in processes:
                with contextlib.suppress(psutil.NoSuchProcess):
                    sizes[process.pid] = process.memory_info().rss
            for pid, rss in sizes.items():
                self.by_process[pid] = max(self.by_process.get(pid, 0), rss)
            if self.root.pid in sizes:
                self.timeline.append((time.perf_counter(), sizes))
            self.peak_total = max(self.peak_total, sum(sizes.values()))
            self.stopped.wait(self.every)


def measure(articles: int, jobs: int, engine: str, memory_limit: str | None = None) -> dict[str, object]:
    # gzip cannot be split, so Dask would read a .gz file as one partition: it gets the same corpus uncompressed
    source = OUT / f"corpus-{articles}.jsonl{'' if engine == 'dask' else '.gz'}"
    if not source.exists():
        corpus.write(articles, source)
    db = OUT / f"scale-{engine}-{jobs}-{articles}.duckdb"
    db.unlink(missing_ok=True)
    command = [str(REPO / ".venv" / "bin" / "dyad"), "ingest", str(source), "--db", str(db)]
    command += ["--jobs", str(jobs), "--engine", engine, "--progress", "lines"]
    if memory_limit:
        command += ["--memory-limit", memory_limit]
    started = time.perf_counter()
    process = subprocess.Popen(command, stderr=subprocess.PIPE, text=True)
    sampler = MemorySampler(process.pid)
    sampler.start()
    coded_at, summary = None, ""
    commits: list[tuple[float, int]] = []
    assert process.stderr is not None
    for line in process.stderr:
        if line.startswith("committed"):
            coded_at = time.perf_counter() - started
            commits.append((time.perf_counter(), int(line.split()[1])))
        elif line.strip():
            summary = line.strip()
    process.wait()
    wall = time.perf_counter() - started
    sampler.stopped.set()
    sampler.join()
    if process.returncode != 0:
        raise SystemExit(f"ingest failed ({process.returncode}): {summary}")
    cap = f"-{memory_limit}" if memory_limit else ""
    write_timeline(
        OUT / f"timeline-{engine}-{jobs}-{articles}{cap}.tsv", started, process.pid, sampler.timeline, commits
    )
    return {
        "articles": articles,
        "engine": engine,
        "jobs": jobs,
        "memory_limit": memory_limit or "default",
        "wall_s": round(wall, 1),
        "articles_per_s": round(articles / wall, 1),
        "coded_at_s": None if coded_at is None else round(coded_at, 1),
        "peak_total_mb": round(sampler.peak_total / 2**20),
        "peak_process_mb": round(max(sampler.by_process.values(), default=0) / 2**20),
        "peak_main_mb": round(sampler.by_process.get(process.pid, 0) / 2**20),
        "peaks_by_process_mb": sorted((round(peak / 2**20) for peak in sampler.by_process.values()), reverse=True),
        "summary": summary,
    }


def write_timeline(
    path: Path,
    started: float,
    main_pid: int,
    samples: list[tuple[float, dict[int, int]]],
    commits: list[tuple[float, int]],
) -> None:
    """Seconds, articles committed by then, the main process's MB and every other process's MB (in the order the
    processes started; 0 before a process starts or after it ends), one line per second: where the memory goes."""
    others = sorted({pid for _, sizes in samples for pid in sizes} - {main_pid})
    header = ["seconds", "committed", "main_mb", *(f"pid{pid}_mb" for pid in others)]
    lines, committed, shown = ["\t".join(header)], 0, -1.0
    pending = iter(commits)
    upcoming = next(pending, None)
    for at, sizes in samples:
        while upcoming is not None and upcoming[0] <= at:
            committed, upcoming = upcoming[1], next(pending, None)
        if at - shown >= 1.0:
            megabytes = [f"{sizes.get(pid, 0) / 2**20:.0f}" for pid in [main_pid, *others]]
            lines.append("\t".join([f"{at - started:.1f}", str(committed), *megabytes]))
            shown = at
    path.write_text("\n".join(lines) + "\n")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--engine", choices=["local", "dask"], default="local")
    parser.add_argument("--memory-limit", help="Passed to `dyad ingest --memory-limit` (the store's DuckDB).")
    arguments = parser.parse_args()
    OUT.mkdir(parents=True, exist_ok=True)
    result = measure(arguments.articles, arguments.jobs, arguments.engine, arguments.memory_limit)
    line = json.dumps(result)
    print(line)
    with (OUT / "scale.jsonl").open("a") as log:
        log.write(line + "\n")


if __name__ == "__main__":
    main()
