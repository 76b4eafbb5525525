"""Coding throughput: articles/s on a corpus built by repeating our example articles (and the seeds, if present).

    .venv/bin/python bench/throughput.py --articles 2000 --jobs 1
    .venv/bin/python bench/throughput.py --articles 2000 --jobs 2
    .venv/bin/python bench/throughput.py --articles 2000 --jobs 1 --parser none   # the clause rules alone

Start-up (loading lexicons and the lemma dictionaries) is measured apart from coding. Each worker process loads
its own pipeline once and codes a share of the corpus.
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import time
from functools import partial
from multiprocessing import get_context
from pathlib import Path

from dyad.pipeline import Pipeline
from dyad.read import RawDocument, read_inputs
from dyad.text.parse import parser_choices

REPO = Path(__file__).resolve().parent.parent
SOURCES = [REPO / "examples", REPO.parent / "shared" / "seeds"]


def corpus(size: int) -> list[RawDocument]:
    originals = [doc for source in SOURCES if source.is_dir() for doc in read_inputs(str(source))]
    return [originals[i % len(originals)] for i in range(size)]


def code_share(
    documents: list[RawDocument], parsers: tuple[str, ...] = ()
) -> tuple[int, int, int, float, float, float]:
    started = time.perf_counter()
    pipeline = Pipeline.load(parsers=parser_choices(parsers))
    for code in pipeline.languages:
        pipeline.coder(code)
    pipeline.code(documents[0])  # first call loads the lemma dictionaries
    loaded = time.perf_counter()
    cpu_start = time.process_time()
    sentences = events = 0
    for document in documents:
        coded = pipeline.code(document)
        sentences += len(coded.sentences)
        events += len(coded.events)
    done = time.perf_counter()
    return len(documents), sentences, events, loaded - started, done - loaded, time.process_time() - cpu_start


def peak_rss_mb() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return max(own, children) / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--jobs", type=int, default=1)
    parser.add_argument("--parser", action="append", default=[], help="as dyad code --parser (e.g. none)")
    args = parser.parse_args()
    share = partial(code_share, parsers=tuple(args.parser))
    documents = corpus(args.articles)
    shares = [documents[i :: args.jobs] for i in range(args.jobs)]
    wall_start = time.perf_counter()
    if args.jobs == 1:
        results = [share(documents)]
    else:
        with get_context("fork").Pool(args.jobs) as pool:
            results = pool.map(share, shares)
    wall = time.perf_counter() - wall_start
    articles = sum(r[0] for r in results)
    sentences = sum(r[1] for r in results)
    startup = max(r[3] for r in results)
    coding = max(r[4] for r in results)
    cpu = sum(r[5] for r in results)
    report = {
        "articles": articles,
        "jobs": args.jobs,
        "sentences": sentences,
        "events": sum(r[2] for r in results),
        "startup_s": round(startup, 2),
        "coding_s": round(coding, 2),
        "articles_per_s": round(articles / coding, 1),
        "articles_per_cpu_s": round(articles / cpu, 1),
        "sentences_per_s": round(sentences / coding, 1),
        "articles_per_s_incl_startup": round(articles / wall, 1),
        "peak_rss_mb": round(peak_rss_mb(), 1),
        "python": sys.version.split()[0],
    }
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
