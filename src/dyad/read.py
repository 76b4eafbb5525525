"""Read stage: files, directories, JSONL and standard input -> raw documents (text plus metadata).

Every problem a user can cause becomes an `InputError` with a one-line message; the CLI prints it and exits non-zero.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import re
import sys
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import duckdb
from bs4.exceptions import ParserRejectedMarkup

from dyad.htmlpage import parse_html

MAX_ARTICLE_BYTES = 5 * 1024 * 1024
TEXT_SUFFIXES = {".txt", ".text", ".md", ""}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
COMPRESSED_JSONL = (".jsonl.gz", ".ndjson.gz")
PARQUET_SUFFIXES = {".parquet"}
PARQUET_BATCH = 1000
LONE_SURROGATE = re.compile("[\ud800-\udfff]")


class InputError(Exception):
    """A problem with the user's input, told in one line."""


@dataclass(frozen=True, slots=True)
class RawDocument:
    text: str
    origin: str
    id: str | None = None
    title: str | None = None
    url: str | None = None
    source: str | None = None
    published: date | None = None
    language: str | None = None


def stable_id(text: str) -> str:
    normalised = " ".join(text.split()).casefold()
    return hashlib.sha1(normalised.encode("utf-8")).hexdigest()[:16]


OnError = Callable[[InputError], None]


def read_inputs(target: str, on_error: OnError | None = None) -> Iterator[RawDocument]:
    """Documents from a file, a directory (recursively, sorted), or '-' for standard input.

    With `on_error`, a bad file in a directory or a bad line in a JSONL file is reported there and skipped;
    without it, the first problem raises `InputError`.
    """
    if target == "-":
        yield from _documents_from_bytes(sys.stdin.buffer.read(), "<stdin>", kind=None, on_error=on_error)
        return
    path = Path(target)
    if not path.exists():
        raise InputError(f"{target}: no such file or directory")
    if path.is_dir():
        files = sorted(p for p in path.rglob("*") if p.is_file() and _codable_suffix(p))
        if not files:
            raise InputError(f"{target}: no .txt, .html or .jsonl files in this directory")
        for file in files:
            try:
                yield from read_file(file, on_error)
            except InputError as error:
                if on_error is None:
                    raise
                on_error(error)
        return
    yield from read_file(path, on_error)


def read_file(path: Path, on_error: OnError | None = None) -> Iterator[RawDocument]:
    suffix = path.suffix.lower()
    if suffix in JSONL_SUFFIXES or path.name.lower().endswith(COMPRESSED_JSONL):
        yield from _read_jsonl(path, on_error)
        return
    if suffix in PARQUET_SUFFIXES:
        yield from _read_parquet(path, on_error)
        return
    size = path.stat().st_size
    if size > MAX_ARTICLE_BYTES:
        raise InputError(
            f"{path}: {size / 1e6:.1f} MB is too large for one article (limit {MAX_ARTICLE_BYTES // 2**20} MiB);"
            " put many articles in a JSONL file, one per line"
        )
    kind = "html" if suffix in HTML_SUFFIXES else None
    try:
        data = path.read_bytes()
    except OSError as error:
        raise InputError(f"{path}: cannot read ({error.strerror})") from None
    yield from _documents_from_bytes(data, str(path), kind=kind, on_error=on_error)


def _codable_suffix(path: Path) -> bool:
    suffix = path.suffix.lower()
    known = suffix in TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES | PARQUET_SUFFIXES
    return (known or path.name.lower().endswith(COMPRESSED_JSONL)) and not path.name.startswith(".")


def _documents_from_bytes(
    data: bytes, origin: str, kind: str | None, on_error: OnError | None = None
) -> Iterator[RawDocument]:
    if len(data) > MAX_ARTICLE_BYTES and kind != "jsonl":
        raise InputError(f"{origin}: {len(data) / 1e6:.1f} MB is too large for one article; use JSONL")
    text = _decode(data, origin)
    stripped = text.lstrip()
    if kind is None and stripped.startswith("{"):
        yield from _jsonl_lines(text.splitlines(), origin, on_error)
        return
    if kind == "html" or (kind is None and stripped[:15].lower().startswith(("<!doctype html", "<html"))):
        try:
            page = parse_html(text)
        except ParserRejectedMarkup:  # html.parser gives up on some broken markup ("<![...")
            raise InputError(f"{origin}: HTML the parser cannot read (broken markup)") from None
        yield _document(page.text, origin, title=page.title, published=page.published, url=page.url)
        return
    yield _document(text, origin)


def _decode(data: bytes, origin: str) -> str:
    if b"\x00" in data[:8192]:
        raise InputError(f"{origin}: looks like a binary file, not text")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise InputError(f"{origin}: not valid UTF-8 (byte {error.start}); convert it to UTF-8 first") from None
    if not text.strip():
        raise InputError(f"{origin}: empty input, nothing to code")
    return text


def _document(text: str, origin: str, **meta: object) -> RawDocument:
    if not text.strip():
        raise InputError(f"{origin}: no text to code")
    return RawDocument(text=text, origin=origin, **meta)  # type: ignore[arg-type]


def _read_jsonl(path: Path, on_error: OnError | None) -> Iterator[RawDocument]:
    opener = gzip.open if path.name.lower().endswith(".gz") else open
    try:
        with opener(path, "rb") as handle:
            lines = (_decode_line(line, path, n) for n, line in enumerate(handle, 1))
            yield from _jsonl_lines(lines, str(path), on_error)
    except (OSError, EOFError, zlib.error) as error:  # zlib.error: a gzip file whose compressed data is corrupt
        raise InputError(f"{path}: cannot read ({error})") from None


def _read_parquet(path: Path, on_error: OnError | None) -> Iterator[RawDocument]:
    """Rows of a Parquet file with a `text` column (and the optional JSONL fields), read in batches."""
    connection = duckdb.connect()
    try:
        cursor = connection.execute("SELECT * FROM read_parquet(?)", [str(path)])
    except duckdb.Error as error:
        raise InputError(f"{path}: not a readable Parquet file ({str(error).splitlines()[0]})") from None
    names = [d[0] for d in cursor.description]
    if "text" not in names:
        raise InputError(f"{path}: Parquet file has no 'text' column (columns: {', '.join(names)})")
    number = 0
    while batch := cursor.fetchmany(PARQUET_BATCH):
        for row in batch:
            number += 1
            record = {k: (v.isoformat() if hasattr(v, "isoformat") else v) for k, v in zip(names, row, strict=True)}
            try:
                yield record_to_document(record, f"{path}:row {number}")
            except InputError as error:
                if on_error is None:
                    raise
                on_error(error)
    connection.close()


def _decode_line(line: bytes, path: Path, number: int) -> str:
    try:
        return line.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InputError(f"{path}:{number}: not valid UTF-8") from None


def _jsonl_lines(lines: Iterator[str] | list[str], origin: str, on_error: OnError | None) -> Iterator[RawDocument]:
    seen_any = False
    iterator = iter(lines)
    number = 0
    while True:
        number += 1
        try:
            line = next(iterator)
        except StopIteration:
            break
        except InputError as error:
            if on_error is None:
                raise
            on_error(error)
            continue
        if not line.strip():
            continue
        seen_any = True
        where = f"{origin}:{number}"
        try:
            document = record_to_document(parse_json_record(line, where), where)
        except InputError as error:
            if on_error is None:
                raise
            on_error(error)
            continue
        yield document
    if not seen_any:
        raise InputError(f"{origin}: empty input, nothing to code")


def parse_json_record(line: str, where: str) -> dict[str, object]:
    if len(line) > MAX_ARTICLE_BYTES:
        raise InputError(f"{where}: record too large (limit {MAX_ARTICLE_BYTES // 2**20} MiB)")
    try:
        record = json.loads(line)
    except json.JSONDecodeError as error:
        raise InputError(f"{where}: invalid JSON ({error.msg})") from None
    except RecursionError:
        raise InputError(f"{where}: JSON nested too deeply") from None
    if not isinstance(record, dict):
        raise InputError(f"{where}: each line must be a JSON object with a 'text' field")
    return record


def record_to_document(record: dict[str, object], where: str) -> RawDocument:
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        raise InputError(f"{where}: missing or empty 'text' field")
    text = without_lone_surrogates(text)
    published = record.get("published")
    return RawDocument(
        text=text,
        origin=where,
        id=_optional_str(record.get("id")),
        title=_optional_str(record.get("title")),
        url=_optional_str(record.get("url")),
        source=_optional_str(record.get("source")),
        published=parse_date(published, where) if published else None,
        language=_optional_str(record.get("language")),
    )


def parse_date(value: object, where: str) -> date:
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        raise InputError(f"{where}: 'published' must be an ISO date (YYYY-MM-DD), got {value!r}") from None


def _optional_str(value: object) -> str | None:
    return without_lone_surrogates(str(value)) if value not in (None, "") else None


def without_lone_surrogates(text: str) -> str:
    """JSON may escape half of a UTF-16 pair ("\\ud800"), which no UTF-8 output can hold: it becomes U+FFFD."""
    return LONE_SURROGATE.sub("\ufffd", text)
