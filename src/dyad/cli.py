"""The `dyad` command: a thin shell over the library (parse options, call, print)."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import click

from dyad.actors.actor_files import ActorFileError
from dyad.cli_knowledge import actors, triggers
from dyad.cli_query import DATE, QUERY_COMMANDS
from dyad.cli_rejected import rejected_command
from dyad.distributed_ingest import EngineError
from dyad.events.triggers import TriggerFileError
from dyad.output import write_events
from dyad.read import InputError, RawDocument, read_inputs
from dyad.store import INGEST_MEMORY_LIMIT, Store, StoreError

BATCH_SIZE = 200
USER_ERRORS = (InputError, StoreError, ActorFileError, TriggerFileError, EngineError)

LANG = click.Choice(["auto", "de", "en"])
article_seconds_option = click.option(
    "--article-seconds",
    "time_budget",
    type=click.FloatRange(min=0.1),
    default=60.0,
    show_default=True,
    help="Time budget per article: one still coding after this is skipped with a message.",
)
parser_option = click.option(
    "--parser",
    "parsers",
    multiple=True,
    metavar="fast|NAME|PATH|LANG=...|none",
    envvar="DYAD_PARSER",
    help="Dependency parser: 'fast' for the shipped narrower parsers (parsing about twice as fast, coding about 1.4"
    " times; a little less accurate: docs/benchmarks.md), an installed spaCy pipeline with UD labels (package name"
    " or path; for the language it was trained on, or LANG=...), or 'none' for the clause rules alone (fastest)."
    " Default: the shipped parsers; also read from $DYAD_PARSER (space-separated). Repeatable.",
)
actors_option = click.option(
    "--actors",
    "actor_files",
    multiple=True,
    type=click.Path(path_type=Path),
    help="Extra actor file (TSV: name, code, country, role, kind, forms); repeatable.",
)


def main() -> None:
    try:
        cli.main(standalone_mode=False)
    except click.exceptions.Abort:
        click.echo("dyad: interrupted", err=True)
        sys.exit(130)
    except click.ClickException as error:
        error.show()
        sys.exit(error.exit_code)
    except USER_ERRORS as error:
        click.echo(f"dyad: error: {error}", err=True)
        sys.exit(1)
    except BrokenPipeError:
        sys.exit(0)
    except KeyboardInterrupt:
        click.echo("dyad: interrupted", err=True)
        sys.exit(130)


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(package_name="dyad")
def cli() -> None:
    """Code German and English news into political events (CAMEO/PLOVER) with evidence.

    \b
    dyad code article.txt                  code and print, store nothing
    dyad ingest articles/ --db dyad.duckdb store articles, sentences and events
    dyad events --db dyad.duckdb --dyad RUS,USA   read events back
    """


@cli.command()
@click.argument("source", metavar="FILE|DIR|-")
@click.option("--format", "fmt", type=click.Choice(["table", "jsonl", "csv"]), default="table", show_default=True)
@click.option("--published", type=DATE, help="Article date, for texts that carry none.")
@click.option("--lang", type=LANG, default="auto", show_default=True, help="Language of the articles.")
@click.option(
    "--explain",
    is_flag=True,
    help="Show why: each event's rules, and per sentence (on stderr) the actors, the candidate triggers, the"
    " dependency path behind each source and target, and why a candidate became no event.",
)
@article_seconds_option
@actors_option
@parser_option
def code(
    source: str,
    fmt: str,
    published: date | None,
    lang: str,
    explain: bool,
    time_budget: float,
    actor_files: tuple[Path, ...],
    parsers: tuple[str, ...],
) -> None:
    """Code articles (text, HTML or JSONL; '-' reads standard input) and print their events."""
    pipeline = _pipeline(actor_files, time_budget, parsers)
    problems: list[str] = []

    def events() -> Iterator[dict[str, Any]]:
        for document in read_inputs(source, on_error=lambda e: _warn(problems, e)):
            coded = _code(pipeline, document, lang, published, problems, explain)
            if coded is not None and explain:
                click.echo(f"# {document.origin}", err=True)
                for explanation in coded.explanations:
                    click.echo("\n".join(explanation.lines()), err=True)
            for event in coded.events if coded else []:
                record = event.to_dict()
                if explain:
                    record["explain"] = event.notes
                yield record

    write_events(events(), fmt, explain=explain)
    _finish(problems)


@cli.command()
@click.argument("source", metavar="FILE|DIR|JSONL|PARQUET|-")
@click.option(
    "--db",
    "db_path",
    type=click.Path(path_type=Path),
    default="dyad.duckdb",
    show_default=True,
    help="DuckDB file (created if missing).",
)
@click.option("--published", type=DATE, help="Article date, for texts that carry none.")
@click.option("--lang", type=LANG, default="auto", show_default=True, help="Language of the articles.")
@click.option("--jobs", "-j", type=click.IntRange(min=1), help="Processes to code with [default: all cores].")
@click.option(
    "--batch-size", type=click.IntRange(min=1), default=200, show_default=True, help="Articles per transaction."
)
@click.option(
    "--engine",
    type=click.Choice(["local", "dask"]),
    default="local",
    show_default=True,
    help="Code on this machine's processes, or on a Dask cluster.",
)
@click.option("--scheduler", metavar="ADDRESS", help="Dask scheduler (tcp://host:8786); default: a local cluster.")
@click.option(
    "--staging",
    "staging_dir",
    type=click.Path(path_type=Path),
    help="With --engine dask: a directory all workers can write (default: a local temporary one).",
)
@click.option(
    "--progress",
    type=click.Choice(["auto", "bar", "lines", "none"]),
    default="auto",
    show_default=True,
    help="A progress bar (auto: on a terminal), a line per committed batch, or nothing.",
)
@click.option(
    "--out",
    "out_dir",
    type=click.Path(path_type=Path),
    help="Also write the events as Parquet partitioned by year and month into this directory.",
)
@click.option(
    "--memory-limit",
    default=INGEST_MEMORY_LIMIT,
    show_default=True,
    help="The most memory the store's database engine may use (it spills to disk beyond).",
)
@article_seconds_option
@actors_option
@parser_option
def ingest(
    source: str,
    db_path: Path,
    published: date | None,
    lang: str,
    jobs: int | None,
    batch_size: int,
    engine: str,
    scheduler: str | None,
    staging_dir: Path | None,
    progress: str,
    out_dir: Path | None,
    memory_limit: str,
    time_budget: float,
    actor_files: tuple[Path, ...],
    parsers: tuple[str, ...],
) -> None:
    """Code articles and store articles, sentences and events. Streams any corpus size; re-running skips what
    is stored, so an interrupted ingest continues where it stopped. Inputs: text, HTML, JSONL (also .jsonl.gz),
    Parquet with a text column, or directories of these."""
    from dyad.ingest import Ingestor, Options, default_jobs, estimate_total

    total = estimate_total(source)
    workers = jobs or default_jobs()
    if total is not None and total <= batch_size and engine == "local":
        workers = 1  # not worth starting a pool
    language = None if lang == "auto" else lang
    chosen = tuple(_parser_choices(parsers).items())
    options = Options(workers, batch_size, language, published, actor_files, progress, time_budget, chosen)
    problems: list[str] = []
    with Store(db_path, memory_limit=memory_limit) as store:
        if engine == "dask":
            from dyad.distributed_ingest import ingest_with_dask

            summary = ingest_with_dask(source, store, options, scheduler, staging_dir)
            problems += [f"{count} × {why}" for why, count in summary.skipped.items()]
        else:
            ingestor = Ingestor(store, options, warn=lambda message: _warn(problems, message))
            documents = read_inputs(source, on_error=lambda error: ingestor.skip(str(error)))
            summary = ingestor.run(documents, total)
        if out_dir is not None:
            store.export_partitioned(out_dir)
    click.echo(summary.line(db_path) + (f"; Parquet in {out_dir}" if out_dir else ""), err=True)
    _finish(problems)


@cli.command()
@click.option("--db", "db_path", type=click.Path(path_type=Path), default="dyad.duckdb", show_default=True)
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", type=click.IntRange(1, 65535), default=8000, show_default=True)
@click.option("--write", is_flag=True, help="Allow POST /code and POST /ingest (with a bearer token).")
@click.option(
    "--token-env",
    default="DYAD_TOKEN",
    show_default=True,
    help="Environment variable holding the bearer token for writes.",
)
@click.option("--cors", metavar="ORIGIN", help="Allow this origin (e.g. http://localhost:8888) to call the API.")
@parser_option
def serve(
    db_path: Path, host: str, port: int, write: bool, token_env: str, cors: str | None, parsers: tuple[str, ...]
) -> None:
    """Serve the HTTP API (OpenAPI at /docs) and the dashboard at /. The server holds the store only while it
    answers a request, so `dyad ingest` can write the same store while it runs."""
    import uvicorn

    from dyad.api import create_app

    app = create_app(db_path, write=write, token_env=token_env, cors=cors, parsers=_parser_choices(parsers))
    click.echo(f"Dyad dashboard: http://{host}:{port}/  (API docs: http://{host}:{port}/docs)", err=True)
    uvicorn.run(app, host=host, port=port, log_level="warning")


@cli.command("eval")
@click.argument("gold", type=click.Path(path_type=Path))
@click.option("--by-type", is_flag=True, help="Also show the confusion of event types.")
@click.option(
    "--show-errors",
    type=click.IntRange(min=0),
    default=0,
    metavar="N",
    help="Show N sentences where Dyad and the gold differ.",
)
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@click.option("--limit", type=click.IntRange(min=1), help="Score only the first N gold items.")
@click.option(
    "--domestic-unnamed",
    is_flag=True,
    help="Let a Dyad event from X with no target match a gold domestic item X -> X (the OEDA gold's convention).",
)
@parser_option
def eval_command(
    gold: Path,
    by_type: bool,
    show_errors: int,
    fmt: str,
    limit: int | None,
    domestic_unnamed: bool,
    parsers: tuple[str, ...],
) -> None:
    """Score Dyad against a gold file (JSONL; see docs/benchmarks.md for the format and the rules)."""
    from dyad.evaluation import evaluate, report_dict
    from dyad.gold import GoldReader
    from dyad.output import print_evaluation

    items = GoldReader().read(gold)[:limit]
    result = report_dict(
        evaluate(_pipeline((), parsers=parsers), items, max_errors=show_errors, domestic_unnamed=domestic_unnamed)
    )
    if fmt == "json":
        click.echo(json.dumps(result, ensure_ascii=False, indent=2))
        return
    print_evaluation(result, by_type=by_type)


def _pipeline(actor_files: tuple[Path, ...], time_budget: float | None = None, parsers: tuple[str, ...] = ()):
    from dyad.pipeline import ARTICLE_SECONDS, Pipeline
    from dyad.text.parse import ParserError

    chosen = _parser_choices(parsers, check=False)  # Pipeline.load loads the parsers named
    try:
        return Pipeline.load(actor_files, time_budget=time_budget or ARTICLE_SECONDS, parsers=chosen)
    except ParserError as error:
        raise click.ClickException(str(error)) from None


def _parser_choices(parsers: tuple[str, ...], check: bool = True) -> dict[str, str]:
    """`--parser` values as language -> parser; with `check` (commands whose pipelines are built later, in workers
    or the server) a parser that cannot be loaded is a one-line error before any article is read."""
    if not parsers:
        return {}
    from dyad.text.parse import ParserError, load_parser, parser_choices

    try:
        chosen = parser_choices(parsers)
        for language, source in chosen.items() if check else ():
            if language != "*" and source != "none":
                load_parser(language, source)  # fail before any article is read
        return chosen
    except ParserError as error:
        raise click.ClickException(str(error)) from None


def _code(
    pipeline, document: RawDocument, lang: str, published: date | None, problems: list[str], explain: bool = False
):
    try:
        return pipeline.code(document, None if lang == "auto" else lang, published, explain)
    except InputError as error:
        _warn(problems, error)
    except Exception as error:  # a fault in a stage skips this article, the others are still coded
        from dyad.pipeline import internal_error

        _warn(problems, internal_error(document.origin, error))
    return None


def _warn(problems: list[str], error: Exception | str) -> None:
    problems.append(str(error))
    click.echo(f"dyad: skipped: {error}", err=True)


def _finish(problems: list[str]) -> None:
    """Skipped inputs make the exit status non-zero; what was coded or stored before stays."""
    if problems:
        sys.exit(1)


for command in QUERY_COMMANDS:
    cli.add_command(command)
cli.add_command(actors)
cli.add_command(triggers)
cli.add_command(rejected_command)
