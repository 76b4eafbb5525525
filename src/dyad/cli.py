"""The `dyad` command: a thin shell over the library (parse options, call, print)."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import click

from dyad.actors.gazetteer import ActorFileError
from dyad.cli_knowledge import actors, triggers
from dyad.cli_rejected import rejected_command
from dyad.distributed_ingest import EngineError
from dyad.events.triggers import TriggerFileError
from dyad.output import write_events
from dyad.read import InputError, RawDocument, read_inputs
from dyad.store import INGEST_MEMORY_LIMIT, EventFilter, Store, StoreError, row_to_contract

BATCH_SIZE = 200
USER_ERRORS = (InputError, StoreError, ActorFileError, TriggerFileError, EngineError)


class DateType(click.ParamType):
    name = "YYYY-MM-DD"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> date:
        if isinstance(value, date):
            return value
        try:
            return date.fromisoformat(str(value))
        except ValueError:
            self.fail(f"{value!r} is not a date like 2026-03-02", param, ctx)


DATE = DateType()
LANG = click.Choice(["auto", "de", "en"])
article_seconds_option = click.option(
    "--article-seconds",
    "time_budget",
    type=click.FloatRange(min=0.1),
    default=60.0,
    show_default=True,
    help="Time budget per article: one still coding after this is skipped with a message.",
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
@click.option("--explain", is_flag=True, help="Show why each event was coded as it was.")
@article_seconds_option
@actors_option
def code(
    source: str,
    fmt: str,
    published: date | None,
    lang: str,
    explain: bool,
    time_budget: float,
    actor_files: tuple[Path, ...],
) -> None:
    """Code articles (text, HTML or JSONL; '-' reads standard input) and print their events."""
    pipeline = _pipeline(actor_files, time_budget)
    problems: list[str] = []

    def events() -> Iterator[dict[str, Any]]:
        for document in read_inputs(source, on_error=lambda e: _warn(problems, e)):
            coded = _code(pipeline, document, lang, published, problems)
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
    options = Options(workers, batch_size, language, published, actor_files, progress, time_budget)
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
@click.option("--actor", help="Events with this actor as source or target (code or prefix: RUS, RUSGOV).")
@click.option("--dyad", "dyad_pair", metavar="A,B", help="Events between two actors, either direction.")
@click.option("--root", help="CAMEO code or root, e.g. 11 or 046.")
@click.option("--since", type=DATE, help="Events on or after this date.")
@click.option("--until", type=DATE, help="Events on or before this date.")
@click.option("--include-uncertain", is_flag=True, help="Also negated and hypothetical events.")
@click.option("--limit", type=click.IntRange(min=1), help="At most this many events.")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "jsonl", "csv", "parquet"]),
    default="table",
    show_default=True,
)
@click.option("--output", "-o", type=click.Path(path_type=Path), help="Write to this file (needed for parquet).")
def events(
    db_path: Path,
    actor: str | None,
    dyad_pair: str | None,
    root: str | None,
    since: date | None,
    until: date | None,
    include_uncertain: bool,
    limit: int | None,
    fmt: str,
    output: Path | None,
) -> None:
    """Read stored events back, filtered."""
    pair = _pair(dyad_pair)
    if root is not None and not root.isdigit():
        raise click.BadParameter("a CAMEO code or root is digits, e.g. 11 or 046", param_hint="--root")
    where = EventFilter(actor, pair, root, since, until, include_uncertain, limit)
    with Store(db_path, read_only=True) as store:
        if fmt == "parquet":
            if output is None:
                raise click.UsageError("--format parquet needs --output FILE")
            store.export_parquet(where, output)
            click.echo(f"wrote {output}", err=True)
            return
        records = (row_to_contract(row) for row in store.events(where))
        if output is None:
            write_events(records, fmt)
            return
        with output.open("w", encoding="utf-8", newline="") as stream:
            count = write_events(records, fmt, stream)
        click.echo(f"wrote {count} events to {output}", err=True)


def _scope(
    since: date | None,
    until: date | None,
    root: str | None,
    actors: str | None,
    include_uncertain: bool,
    mentions: bool = False,
):
    from dyad.analysis import Scope

    if root is not None and not root.isdigit():
        raise click.BadParameter("a CAMEO code or root is digits, e.g. 04 or 046", param_hint="--root")
    codes = tuple(code.strip().upper() for code in actors.split(",") if code.strip()) if actors else ()
    return Scope(since, until, root, codes, include_uncertain, mentions=mentions)


period_options = [
    click.option("--since", type=DATE, help="Events on or after this date."),
    click.option("--until", type=DATE, help="Events on or before this date."),
    click.option("--root", help="Only this CAMEO code or root, e.g. 04 (consultations)."),
    click.option("--include-uncertain", is_flag=True, help="Also count negated and hypothetical events."),
    click.option("--mentions", is_flag=True, help="Count every mention, not one per event reported many times."),
]


def _with(options):
    def decorate(function):
        for option in reversed(options):
            function = option(function)
        return function

    return decorate


@cli.command()
@click.option("--db", "db_path", type=click.Path(path_type=Path), default="dyad.duckdb", show_default=True)
@click.option("--actors", help="Country codes: one (its dyads) or several (the dyads among them), e.g. RUS,ISR.")
@click.option("--by", type=click.Choice(["day", "week", "month", "year"]), default="month", show_default=True)
@click.option("--undirected", is_flag=True, help="Count A->B and B->A together.")
@_with(period_options)
@click.option(
    "--format", "fmt", type=click.Choice(["table", "csv", "jsonl", "parquet"]), default="table", show_default=True
)
@click.option("--output", "-o", type=click.Path(path_type=Path), help="Write to this file (needed for parquet).")
def dyads(
    db_path: Path,
    actors: str | None,
    by: str,
    undirected: bool,
    since: date | None,
    until: date | None,
    root: str | None,
    include_uncertain: bool,
    mentions: bool,
    fmt: str,
    output: Path | None,
) -> None:
    """Relations over time: per dyad and period, events per quad class, Goldstein sum and mean, articles."""
    from dyad.analysis import dyad_series
    from dyad.output import write_rows

    scope = _scope(since, until, root, actors, include_uncertain, mentions)
    with Store(db_path, read_only=True) as store:
        rows = dyad_series(store.connection, scope, by, directed=not undirected)
    write_rows(rows, fmt, output, title="dyads")


@cli.command()
@click.option("--db", "db_path", type=click.Path(path_type=Path), default="dyad.duckdb", show_default=True)
@_with(period_options)
@click.option("--format", "fmt", type=click.Choice(["json", "graphml", "csv"]), default="json", show_default=True)
@click.option("--output", "-o", type=click.Path(path_type=Path), help="Write to this file.")
def network(
    db_path: Path,
    since: date | None,
    until: date | None,
    root: str | None,
    include_uncertain: bool,
    mentions: bool,
    fmt: str,
    output: Path | None,
) -> None:
    """The actor network: edge weight = events, with mean Goldstein and the top events per edge."""
    from dyad.analysis import network as build_network
    from dyad.analysis import network_graphml
    from dyad.output import write_rows, write_text

    with Store(db_path, read_only=True) as store:
        graph = build_network(store.connection, _scope(since, until, root, None, include_uncertain, mentions))
    if fmt == "csv":
        edges = [{k: v for k, v in edge.items() if k != "top_events"} for edge in graph["edges"]]
        write_rows(edges, "csv", output, title="edges")
    elif fmt == "graphml":
        write_text(network_graphml(graph), output)
    else:
        write_text(json.dumps(graph, ensure_ascii=False, indent=2, default=str), output)


@cli.command()
@click.option("--db", "db_path", type=click.Path(path_type=Path), default="dyad.duckdb", show_default=True)
@click.option("--format", "fmt", type=click.Choice(["gdelt", "jsonl", "csv", "parquet"]), required=True)
@_with(period_options)
@click.option("--output", "-o", type=click.Path(path_type=Path), help="Write to this file (default: stdout).")
def export(
    db_path: Path,
    fmt: str,
    since: date | None,
    until: date | None,
    root: str | None,
    include_uncertain: bool,
    mentions: bool,
    output: Path | None,
) -> None:
    """Export events: GDELT 2.0 event table (TSV, 61 columns), JSONL (the contract), CSV or Parquet."""
    from dyad.gdelt import GDELT_COLUMNS, gdelt_lines, gdelt_rows
    from dyad.output import write_text

    with Store(db_path, read_only=True) as store:
        if fmt == "gdelt":
            scope = _scope(since, until, root, None, include_uncertain, mentions)
            found = gdelt_rows(store.connection, scope)
            lines = list(gdelt_lines(found.rows))
            write_text("\n".join(lines) + ("\n" if lines else ""), output)
            if found.undated:
                click.echo(f"{found.undated} undated events left out", err=True)
            click.echo(
                f"{len(lines)} events; columns: {' '.join(GDELT_COLUMNS[:3])} ... ({len(GDELT_COLUMNS)})", err=True
            )
            return
        where = EventFilter(None, None, root, since, until, include_uncertain)
        if fmt == "parquet":
            if output is None:
                raise click.UsageError("--format parquet needs --output FILE")
            store.export_parquet(where, output)
            return
        records = (row_to_contract(row) for row in store.events(where))
        if output is None:
            write_events(records, fmt)
        else:
            with output.open("w", encoding="utf-8", newline="") as stream:
                write_events(records, fmt, stream)


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
def serve(db_path: Path, host: str, port: int, write: bool, token_env: str, cors: str | None) -> None:
    """Serve the HTTP API (OpenAPI at /docs) and the dashboard at /. The server holds the store only while it
    answers a request, so `dyad ingest` can write the same store while it runs."""
    import uvicorn

    from dyad.api import create_app

    app = create_app(db_path, write=write, token_env=token_env, cors=cors)
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
def eval_command(
    gold: Path, by_type: bool, show_errors: int, fmt: str, limit: int | None, domestic_unnamed: bool
) -> None:
    """Score Dyad against a gold file (JSONL; see docs/benchmarks.md for the format and the rules)."""
    from dyad.evaluation import GoldReader, evaluate, report_dict
    from dyad.output import print_evaluation

    items = GoldReader().read(gold)[:limit]
    result = report_dict(evaluate(_pipeline(()), items, max_errors=show_errors, domestic_unnamed=domestic_unnamed))
    if fmt == "json":
        click.echo(json.dumps(result, ensure_ascii=False, indent=2))
        return
    print_evaluation(result, by_type=by_type)


def _pair(value: str | None) -> tuple[str, str] | None:
    if value is None:
        return None
    parts = [p.strip().upper() for p in value.split(",")]
    if len(parts) != 2 or not all(parts):
        raise click.BadParameter("give two actor codes separated by a comma, e.g. RUS,USA", param_hint="--dyad")
    return parts[0], parts[1]


def _pipeline(actor_files: tuple[Path, ...], time_budget: float | None = None):
    from dyad.pipeline import ARTICLE_SECONDS, Pipeline

    return Pipeline.load(actor_files, time_budget=time_budget or ARTICLE_SECONDS)


def _code(pipeline, document: RawDocument, lang: str, published: date | None, problems: list[str]):
    try:
        return pipeline.code(document, None if lang == "auto" else lang, published)
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


cli.add_command(actors)
cli.add_command(triggers)
cli.add_command(rejected_command)
