"""Batch ingest: stream documents, code them on N processes, write each batch in one transaction.

- Memory stays flat: documents are read lazily and at most `2 * jobs` batches are in flight.
- Resumable: an article already stored (same doc_id) is skipped before it is coded, so a re-run after Ctrl-C or
  kill -9 continues where the last committed batch ended; a batch is all or nothing (one transaction).
- Worker processes each load the pipeline once (`_start_worker`), the usual pattern for process pools; the
  per-process pipeline is the one piece of module state, and only worker processes set it.
"""

from __future__ import annotations

import os
import signal
import sys
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from datetime import date
from itertools import islice
from multiprocessing import get_context
from pathlib import Path

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    ProgressColumn,
    Task,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from rich.text import Text

from dyad.clean import Cleaner
from dyad.dedupe import group_events, link_duplicates
from dyad.pipeline import ARTICLE_SECONDS, Pipeline, identify, internal_error
from dyad.quarantine import accept, reject
from dyad.read import InputError, RawDocument
from dyad.store import ArticleRows, Store, article_rows

DEFAULT_BATCH = 200
_worker_pipeline: Pipeline | None = None


@dataclass
class Options:
    jobs: int = 1
    batch_size: int = DEFAULT_BATCH
    language: str | None = None
    published: date | None = None
    actor_files: tuple[Path, ...] = ()
    progress: str = "auto"  # auto (a bar on a terminal), bar, lines (one line per committed batch), none
    time_budget: float = ARTICLE_SECONDS
    parsers: tuple[tuple[str, str], ...] = ()  # (language, parser name or path); see dyad.text.parse.parser_choices


@dataclass
class Summary:
    articles: int = 0
    already_stored: int = 0
    sentences: int = 0
    events: int = 0
    skipped: Counter = field(default_factory=Counter)
    event_groups: int = 0
    duplicate_articles: int = 0

    def line(self, db: Path) -> str:
        text = (
            f"{self.articles} articles stored ({self.already_stored} already there), {self.sentences} sentences, "
            f"{self.events} events -> {db}"
        )
        if self.event_groups:
            text += f" ({self.event_groups} distinct events, {self.duplicate_articles} near-duplicate articles)"
        if self.skipped:
            reasons = ", ".join(f"{count} {reason}" for reason, count in self.skipped.most_common())
            text += f"; {sum(self.skipped.values())} rejected: {reasons} (listed by `dyad rejected --db {db}`)"
        return text


Job = tuple[RawDocument, str | None, date | None]
Result = ArticleRows | str  # an article's rows, or the one-line reason it could not be coded


def _start_worker(actor_files: tuple[Path, ...], time_budget: float, parsers: tuple[tuple[str, str], ...]) -> None:
    global _worker_pipeline
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the main process's to report, in one line
    _worker_pipeline = Pipeline.load(actor_files, time_budget=time_budget, parsers=dict(parsers))


def _code_batch(batch: list[Job]) -> list[Result]:
    assert _worker_pipeline is not None
    return code_batch(_worker_pipeline, batch)


def code_batch(pipeline: Pipeline, batch: list[Job]) -> list[Result]:
    """Each article's table rows, or the one-line reason it could not be coded."""
    results: list[Result] = []
    for document, language, published in batch:
        try:
            results.append(article_rows(pipeline.code(document, language, published)))
        except InputError as error:
            results.append(str(error))
        except Exception as error:  # a fault in a stage loses this article only, never the batch or the run
            results.append(internal_error(document.origin, error))
    return results


def reason(message: str) -> str:
    """ "file.txt: not valid UTF-8 (byte 3); ..." -> "not valid UTF-8": the kind of problem, for the summary."""
    detail = message.split(": ", 1)[-1]
    return detail.split(" (")[0].split(";")[0].strip()


class Ingestor:
    def __init__(self, store: Store, options: Options, warn: Callable[[str], None]):
        self.store = store
        self.options = options
        self.warn = warn
        self.cleaner = Cleaner.load()
        self.summary = Summary()

    def run(self, documents: Iterable[RawDocument], total: int | None = None) -> Summary:
        batches = self._batches(documents)
        seen = 0
        with self._progress(total) as progress:
            task = progress.add_task("coding", total=total)
            for done, jobs, results in self._coded(batches):
                self._store(jobs, results)
                progress.advance(task, done)
                seen += done
                if self.options.progress == "lines":
                    print(f"committed {seen} articles", file=sys.stderr, flush=True)
        self.summary.event_groups = group_events(self.store.connection)
        self.summary.duplicate_articles = link_duplicates(self.store.connection)
        return self.summary

    def _batches(self, documents: Iterable[RawDocument]) -> Iterator[tuple[int, list[Job]]]:
        """(articles seen, jobs still to code) per batch; stored articles are counted and dropped here."""
        iterator = iter(documents)
        while chunk := list(islice(iterator, self.options.batch_size)):
            ids = [identify(self.cleaner, document) for document in chunk]
            known = self.store.known(ids)
            fresh = [d for d, i in zip(chunk, ids, strict=True) if i not in known]
            self.summary.already_stored += len(chunk) - len(fresh)
            yield len(chunk), [(d, self.options.language, self.options.published) for d in fresh]

    def _coded(self, batches: Iterator[tuple[int, list[Job]]]) -> Iterator[tuple[int, list[Job], list[Result]]]:
        if self.options.jobs <= 1:
            pipeline = Pipeline.load(
                self.options.actor_files, time_budget=self.options.time_budget, parsers=dict(self.options.parsers)
            )
            for seen, jobs in batches:
                yield seen, jobs, code_batch(pipeline, jobs)
            return
        context = get_context("fork" if sys.platform != "win32" else "spawn")
        with ProcessPoolExecutor(
            self.options.jobs,
            mp_context=context,
            initializer=_start_worker,
            initargs=(self.options.actor_files, self.options.time_budget, self.options.parsers),
        ) as pool:
            in_flight: deque[tuple[int, list[Job], Future]] = deque()
            for seen, jobs in batches:
                in_flight.append((seen, jobs, pool.submit(_code_batch, jobs)))
                if len(in_flight) >= 2 * self.options.jobs:
                    done, submitted, future = in_flight.popleft()
                    yield done, submitted, future.result()
            while in_flight:
                done, submitted, future = in_flight.popleft()
                yield done, submitted, future.result()

    def skip(self, problem: str) -> None:
        """An input that cannot be coded: counted by reason, reported and quarantined; the run goes on."""
        self.summary.skipped[reason(problem)] += 1
        reject(self.store.connection, [problem])
        self.warn(problem)

    def _store(self, jobs: list[Job], results: list[Result]) -> None:
        coded = [r for r in results if isinstance(r, ArticleRows)]
        for problem in (r for r in results if isinstance(r, str)):
            self.skip(problem)
        accept(
            self.store.connection,
            (job[0].origin for job, r in zip(jobs, results, strict=True) if isinstance(r, ArticleRows)),
        )
        if coded:
            counts = self.store.write_rows(coded)
            self.summary.articles += counts.articles
            self.summary.already_stored += counts.skipped
            self.summary.sentences += counts.sentences
            self.summary.events += counts.events

    def _progress(self, total: int | None) -> Progress:
        console = Console(stderr=True)
        shown = {"auto": console.is_terminal, "bar": True}.get(self.options.progress, False)
        return Progress(
            TextColumn("[bold]{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            RateColumn(),
            TimeElapsedColumn(),
            TextColumn("ETA"),
            TimeRemainingColumn(),
            console=console,
            disable=not shown,
            transient=False,
        )


class RateColumn(ProgressColumn):
    def render(self, task: Task) -> Text:
        speed = task.finished_speed or task.speed
        return Text(f"{speed:6.1f} articles/s" if speed else "   … articles/s")


def default_jobs() -> int:
    return max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1)


def estimate_total(target: str) -> int | None:
    """How many articles an input holds, when that is cheap to know (for the ETA); None otherwise."""
    if target == "-":
        return None
    path = Path(target)
    files = sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path]
    total = 0
    for file in files:
        name = file.name.lower()
        if name.endswith((".jsonl", ".ndjson")):
            with file.open("rb") as handle:
                total += sum(1 for line in handle if line.strip())
        elif name.endswith((".gz", ".parquet")):
            return None
        elif name.endswith((".txt", ".text", ".md", ".html", ".htm", ".xhtml")) or "." not in name:
            total += 1
    return total
