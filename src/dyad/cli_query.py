"""The reading commands: `dyad events`, `dyad dyads`, `dyad network`, `dyad export`.

What they count: a row of `dyad events` is a **mention** (one coded sentence) with the `group_id` of its
**event**; `--grouped` gives one row per event with its numbers of mentions, articles and sources. `dyads` and
`network` count events (distinct event groups) and mentions side by side.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import click

from dyad.output import write_events
from dyad.periods import PERIODS
from dyad.query import actor_codes
from dyad.store import EventFilter, Store, export_columns, row_to_contract


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
ACTOR_LEVELS = "codes at any level: RUS (with RUSGOV, RUSMIL...), RUSGOV (and deeper)"
db_option = click.option("--db", "db_path", type=click.Path(path_type=Path), default="dyad.duckdb", show_default=True)
grouped_option = click.option(
    "--grouped", is_flag=True, help="One row per event (its first mention) with its mentions, articles, sources."
)
period_options = [
    click.option("--since", type=DATE, help="Events on or after this date."),
    click.option("--until", type=DATE, help="Events on or before this date."),
    click.option("--root", help="Only this CAMEO code or root, e.g. 04 (consultations)."),
    click.option("--include-uncertain", is_flag=True, help="Also count negated and hypothetical events."),
]
mentions_option = click.option(
    "--mentions", is_flag=True, help="Count every mention, not one per event reported many times."
)


def _with(options: list[Callable[[Any], Any]]) -> Callable[[Any], Any]:
    def decorate(function: Any) -> Any:
        for option in reversed(options):
            function = option(function)
        return function

    return decorate


@click.command()
@db_option
@click.option("--actor", help=f"Events with this actor as source or target; {ACTOR_LEVELS}.")
@click.option("--dyad", "dyad_pair", metavar="A,B", help="Events between two actors, either direction (any level).")
@click.option("--root", help="CAMEO code or root, e.g. 11 or 046.")
@click.option("--since", type=DATE, help="Events on or after this date.")
@click.option("--until", type=DATE, help="Events on or before this date.")
@click.option("--include-uncertain", is_flag=True, help="Also negated and hypothetical events.")
@grouped_option
@click.option(
    "--limit", type=click.IntRange(min=1), help="At most this many rows (mentions, or events with --grouped)."
)
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
    grouped: bool,
    limit: int | None,
    fmt: str,
    output: Path | None,
) -> None:
    """Read stored events back, filtered: one row per mention (a coded sentence) with the `group_id` of its event,
    or with --grouped one row per event with its numbers of mentions, articles and distinct sources."""
    where = EventFilter(
        actor.strip().upper() if actor else None,
        _pair(dyad_pair),
        _root(root),
        since,
        until,
        include_uncertain,
        limit,
        grouped=grouped,
    )
    _write_events(db_path, where, fmt, output)


def _write_events(db_path: Path, where: EventFilter, fmt: str, output: Path | None) -> None:
    noun = "events" if where.grouped else "mentions"
    with Store(db_path, read_only=True) as store:
        if fmt == "parquet":
            if output is None:
                raise click.UsageError("--format parquet needs --output FILE")
            store.export_parquet(where, output)
            click.echo(f"wrote {output}", err=True)
            return
        records = (row_to_contract(row) for row in store.events(where))
        columns = export_columns(where.grouped)
        if output is None:
            write_events(records, fmt, columns=columns)
            return
        with output.open("w", encoding="utf-8", newline="") as stream:
            count = write_events(records, fmt, stream, columns=columns)
        click.echo(f"wrote {count} {noun} to {output}", err=True)


def _scope(
    since: date | None,
    until: date | None,
    root: str | None,
    actors: str | None,
    include_uncertain: bool,
    mentions: bool = False,
) -> Any:
    from dyad.analysis import Scope

    return Scope(since, until, _root(root), actor_codes(actors), include_uncertain, mentions=mentions)


@click.command()
@db_option
@click.option(
    "--actors", help=f"One actor (its dyads) or several (the dyads among them), e.g. RUS,ISR; {ACTOR_LEVELS}."
)
@click.option("--by", type=click.Choice(PERIODS), default="month", show_default=True)
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
    fmt: str,
    output: Path | None,
) -> None:
    """Relations over time: per dyad and period, `events` (distinct event groups, each counted once) and
    `mentions` (coded sentences), events per quad class, Goldstein sum and mean over events, distinct articles.
    Events dated less precisely than the period (a year, a season, a month by day or week) and undated events are
    left out, with a line on standard error saying how many."""
    from dyad.analysis import dyad_table
    from dyad.output import write_rows
    from dyad.periods import left_out_line

    scope = _scope(since, until, root, actors, include_uncertain)
    with Store(db_path, read_only=True) as store:
        series = dyad_table(store.connection, scope, by, directed=not undirected)
    write_rows(series.rows, fmt, output, title="dyads: events (distinct event groups) and mentions")
    line = left_out_line(series.left_out, by)
    if line:
        click.echo(f"dyad: {line}", err=True)


@click.command()
@db_option
@_with([*period_options, mentions_option])
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
    """The directed actor network: each edge carries `events` (distinct event groups) and `mentions`; edge weight
    = events (mentions with --mentions); with mean Goldstein over events and the top events per edge."""
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


@click.command()
@db_option
@click.option("--format", "fmt", type=click.Choice(["gdelt", "jsonl", "csv", "parquet"]), required=True)
@_with([*period_options, mentions_option])
@grouped_option
@click.option("--output", "-o", type=click.Path(path_type=Path), help="Write to this file (default: stdout).")
def export(
    db_path: Path,
    fmt: str,
    since: date | None,
    until: date | None,
    root: str | None,
    include_uncertain: bool,
    mentions: bool,
    grouped: bool,
    output: Path | None,
) -> None:
    """Export events: GDELT 2.0 event table (TSV, 61 columns; one row per event, --mentions: per mention), or
    JSONL (the contract), CSV or Parquet with one row per mention (--grouped: per event), each with its group_id
    and its article's title, URL, published date and source."""
    if fmt != "gdelt":
        _write_events(
            db_path, EventFilter(None, None, _root(root), since, until, include_uncertain, grouped=grouped), fmt, output
        )
        return
    from dyad.gdelt import GDELT_COLUMNS, gdelt_lines, gdelt_rows
    from dyad.output import write_text

    with Store(db_path, read_only=True) as store:
        scope = _scope(since, until, root, None, include_uncertain, mentions)
        found = gdelt_rows(store.connection, scope)
    lines = list(gdelt_lines(found.rows))
    write_text("\n".join(lines) + ("\n" if lines else ""), output)
    if found.undated:
        click.echo(f"{found.undated} undated events left out", err=True)
    click.echo(f"{len(lines)} events; columns: {' '.join(GDELT_COLUMNS[:3])} ... ({len(GDELT_COLUMNS)})", err=True)


def _root(root: str | None) -> str | None:
    if root is not None and not root.isdigit():
        raise click.BadParameter("a CAMEO code or root is digits, e.g. 04 or 046", param_hint="--root")
    return root


def _pair(value: str | None) -> tuple[str, str] | None:
    if value is None:
        return None
    parts = [p.strip().upper() for p in value.split(",")]
    if len(parts) != 2 or not all(parts):
        raise click.BadParameter("give two actor codes separated by a comma, e.g. RUS,USA", param_hint="--dyad")
    return parts[0], parts[1]


QUERY_COMMANDS = (events, dyads, network, export)
