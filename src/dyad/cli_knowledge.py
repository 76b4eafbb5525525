"""`dyad actors ...` and `dyad triggers ...`: look up and count what Dyad knows (see dyad.knowledge)."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from datetime import datetime
from pathlib import Path
from typing import Any

import click
from rich.console import Console
from rich.table import Table

from dyad.lang import SUPPORTED

LANGUAGE = click.Choice(list(SUPPORTED))
FORMAT = click.Choice(["table", "json"])


def _print_json(value: Any) -> None:
    click.echo(json.dumps(value, ensure_ascii=False, indent=2))


def _print_table(rows: Iterable[dict[str, Any]], columns: list[str], empty: str) -> None:
    rows = list(rows)
    if not rows:
        click.echo(empty)
        return
    table = Table(*columns)
    for row in rows:
        table.add_row(*("" if row.get(c) is None else str(row.get(c)) for c in columns))
    Console().print(table)


def _languages(lang: str | None) -> list[str]:
    return [lang] if lang else list(SUPPORTED)


def _pipeline(actor_files: tuple[Path, ...], languages: list[str]):
    from dyad.pipeline import Pipeline  # spaCy loads only for commands that code

    return Pipeline.load(actor_files, tuple(languages))


@click.group()
def actors() -> None:
    """What an actor phrase resolves to, and how many actors Dyad knows."""


@actors.command("lookup")
@click.argument("text")
@click.option("--lang", type=LANGUAGE, default="de", show_default=True, help="Language of the phrase.")
@click.option(
    "--date",
    "on",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    help="Resolve as in an article of this date (offices held then).",
)
@click.option("--format", "fmt", type=FORMAT, default="table", show_default=True)
@click.option("--actors", "actor_files", multiple=True, type=click.Path(path_type=Path), help="Extra actor file.")
def actors_lookup(text: str, lang: str, on: datetime | None, fmt: str, actor_files: tuple[Path, ...]) -> None:
    """The actors TEXT names: code, country, role, name, the gazetteer entry and its source file.

    \b
    dyad actors lookup "Kremlsprecher Peskow"
    dyad actors lookup "Schröder" --date 2003-05-01 --format json
    """
    from dyad.knowledge import lookup_actors

    pipeline = _pipeline(actor_files, [lang])
    hits = [hit.as_dict() for hit in lookup_actors(pipeline, text, lang, on.date() if on else None)]
    if fmt == "json":
        _print_json(hits)
    else:
        columns = ["text", "code", "country", "role", "name", "kind", "entry", "source"]
        _print_table(hits, columns, f"no actor in {text!r}")


@actors.command("stats")
@click.option("--lang", type=LANGUAGE, help="One language (default: all).")
@click.option("--format", "fmt", type=FORMAT, default="table", show_default=True)
def actors_stats(lang: str | None, fmt: str) -> None:
    """Actors known per language, by kind and by source file."""
    from dyad.knowledge import actor_stats

    def heading(item: dict[str, Any]) -> str:
        return (
            f"{item['language']}: {item['actors']} actors, {item['role_words']} role words, "
            f"{item['countries']} countries"
        )

    _show_stats(actor_stats, lang, fmt, heading, ("by_kind", "by_source"), "actors")


def _show_stats(
    count: Callable[[Any, str], dict[str, Any]],
    lang: str | None,
    fmt: str,
    heading: Callable[[dict[str, Any]], str],
    groups: tuple[str, ...],
    unit: str,
) -> None:
    """Stats per language: as JSON, or a heading line and a table of the counts in `groups`."""
    languages = _languages(lang)
    pipeline = _pipeline((), languages)
    stats = [count(pipeline, code) for code in languages]
    if fmt == "json":
        _print_json(stats)
        return
    for item in stats:
        click.echo(heading(item))
        rows = ({"group": group, "value": key, unit: n} for group in groups for key, n in item[group].items())
        _print_table(rows, ["group", "value", unit], "")


@click.group()
def triggers() -> None:
    """Which CAMEO codes a phrase triggers, and how much of the codebook each language covers."""


@triggers.command("lookup")
@click.argument("text")
@click.option("--lang", type=LANGUAGE, default="de", show_default=True, help="Language of the phrase.")
@click.option("--format", "fmt", type=FORMAT, default="table", show_default=True)
def triggers_lookup(text: str, lang: str, fmt: str) -> None:
    """The CAMEO codes TEXT maps to, with the pattern that matched and its lexicon file.

    \b
    dyad triggers lookup "verhängte Sanktionen gegen"
    dyad triggers lookup "launched an offensive" --lang en
    """
    from dyad.knowledge import lookup_triggers

    pipeline = _pipeline((), [lang])
    hits = [hit.as_dict() for hit in lookup_triggers(pipeline, text, lang)]
    if fmt == "json":
        _print_json(hits)
    else:
        rows = [{**hit, "words": " ".join(hit["words"]), "chosen": "yes" if hit["chosen"] else ""} for hit in hits]
        _print_table(rows, ["code", "name", "pattern", "words", "source", "chosen"], f"no trigger in {text!r}")


@triggers.command("stats")
@click.option("--lang", type=LANGUAGE, help="One language (default: all).")
@click.option("--format", "fmt", type=FORMAT, default="table", show_default=True)
def triggers_stats(lang: str | None, fmt: str) -> None:
    """Trigger patterns per language: by lexicon file, root and kind; codes with 3 or more patterns."""
    from dyad.knowledge import trigger_stats

    def heading(item: dict[str, Any]) -> str:
        missing = item["codes_without_pattern"]
        return (
            f"{item['language']}: {item['patterns']} patterns; {item['codes_with_3_or_more']} of {item['codes']} "
            f"codes have 3 or more; {len(missing)} have none{': ' + ' '.join(missing) if missing else ''}"
        )

    _show_stats(trigger_stats, lang, fmt, heading, ("by_source", "by_kind", "by_root"), "patterns")
