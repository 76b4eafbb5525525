"""The HTTP API (`dyad serve`): read-only by default; `POST /code` and `POST /ingest` only when started with
`--write`, and then only with the bearer token from the environment variable named by `--token-env`
(default DYAD_TOKEN). The dashboard is served at `/` from `web/`, with every asset served by Dyad itself.
"""

from __future__ import annotations

import hmac
import json
import os
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Annotated, Any

import duckdb
from fastapi import Depends, FastAPI, HTTPException, Query, Request, Response
from fastapi.exceptions import RequestValidationError
from fastapi.middleware.cors import CORSMiddleware
from fastapi.responses import FileResponse, JSONResponse
from fastapi.staticfiles import StaticFiles
from pydantic import BaseModel, Field
from starlette.exceptions import HTTPException as StarletteHTTPException

from dyad import analysis, api_dashboard
from dyad.api_guard import Guard
from dyad.dedupe import group_events, grouping_is_current, link_duplicates, mentions_with_groups
from dyad.periods import PERIODS
from dyad.query import actor_codes
from dyad.read import InputError, RawDocument
from dyad.store import EventFilter, Store, StoreBusy, StoreError, row_to_contract

WEB = Path(__file__).parent / "web"
MAX_BODY_BYTES = 2 * 1024 * 1024
MAX_PAGE = 500
MAX_OFFSET = 1_000_000_000
RETRY_AFTER_SECONDS = 2
PLOVER_TYPES = (
    "AGREE|CONSULT|SUPPORT|CONCEDE|COOPERATE|AID|RETREAT|REQUEST|ACCUSE|REJECT|THREATEN|PROTEST|SANCTION|"
    "MOBILIZE|COERCE|ASSAULT"
)
Language = Annotated[str | None, Query(pattern="^(de|en)$")]
DYAD_PATTERN = r"^[A-Za-z0-9]{2,24},[A-Za-z0-9]{2,24}$"
ACTOR_HELP = "Actor codes at any level: RUS matches RUS, RUSGOV, RUSMIL...; RUSGOV matches RUSGOV and deeper"
LEFT_OUT_HELP = "Answer {by, rows, left_out}: rows and the events (and mentions) the series leaves out"
GROUPED_HELP = "One item per event (event group) with its mentions, articles and sources"
Plover = Annotated[str | None, Query(pattern=f"^({PLOVER_TYPES})$")]


class Article(BaseModel):
    text: str = Field(min_length=1, description="The article text")
    id: str | None = None
    title: str | None = None
    url: str | None = None
    source: str | None = None
    published: date | None = None
    language: str | None = Field(default=None, pattern="^(de|en)$")


class Settings:
    def __init__(self, db: Path, write: bool, token_env: str, parsers: dict[str, str] | None = None):
        self.db = db
        self.write = write
        self.token_env = token_env
        self.parsers = parsers
        self._pipeline = None

    def pipeline(self):
        if self._pipeline is None:
            from dyad.pipeline import Pipeline

            self._pipeline = Pipeline.load(parsers=self.parsers)
        return self._pipeline


def create_app(
    db: Path,
    write: bool = False,
    token_env: str = "DYAD_TOKEN",
    cors: str | None = None,
    parsers: dict[str, str] | None = None,
) -> FastAPI:
    """`parsers`: language -> dependency parser for POST /code and /ingest (see `dyad.text.parse.parser_choices`)."""
    settings = Settings(db, write, token_env, parsers)
    Store(db, read_only=not write).close()  # fail at start, in one line, if the store cannot be opened
    app = FastAPI(
        title="Dyad",
        version="0.1.0",
        description="Political events with evidence, from German and English news.",
        docs_url=None,  # /docs and /redoc come from api_dashboard, with assets served by Dyad (offline)
        redoc_url=None,
    )

    def reader() -> Any:
        """A connection for this request only: between requests the file is free for `dyad ingest`."""
        try:
            store = Store(db, read_only=not settings.write)
        except StoreBusy as error:
            raise HTTPException(503, str(error), headers={"Retry-After": str(RETRY_AFTER_SECONDS)}) from None
        try:
            yield store
        finally:
            store.close()

    def refusal(headers: dict[str, str]) -> tuple[int, str, dict[str, str]] | None:
        """Why a request with a body may not be served (checked before its body is read), or None."""
        if not settings.write:
            return 403, "this server is read-only; start it with --write to allow this", {}
        token = os.environ.get(settings.token_env)
        if not token:
            return 403, f"writes are disabled: set {settings.token_env} on the server", {}
        if not hmac.compare_digest(headers.get("authorization", ""), f"Bearer {token}"):
            return 401, "missing or wrong bearer token", {"WWW-Authenticate": "Bearer"}
        return None

    def writer(request: Request) -> None:
        refused = refusal({k.lower(): v for k, v in request.headers.items()})
        if refused is not None:
            raise HTTPException(refused[0], refused[1], headers=refused[2] or None)

    store_dependency = Depends(reader)
    app.add_middleware(Guard, authorise=refusal, max_body=MAX_BODY_BYTES)
    if cors:
        app.add_middleware(
            CORSMiddleware,
            allow_origins=[cors],
            allow_methods=["GET", "POST"],
            allow_headers=["Authorization", "Content-Type"],
            expose_headers=["X-Dyad-Left-Out"],
        )

    @app.exception_handler(HTTPException)
    async def http_error(_request: Request, error: HTTPException) -> JSONResponse:
        return JSONResponse(
            {"error": error.detail, "status": error.status_code}, error.status_code, headers=error.headers
        )

    @app.exception_handler(StarletteHTTPException)
    async def starlette_error(_request: Request, error: StarletteHTTPException) -> JSONResponse:
        return JSONResponse({"error": error.detail, "status": error.status_code}, error.status_code)

    @app.exception_handler(StoreError)
    async def store_error(_request: Request, error: StoreError) -> JSONResponse:
        if isinstance(error, StoreBusy):
            headers = {"Retry-After": str(RETRY_AFTER_SECONDS)}
            return JSONResponse({"error": str(error), "status": 503}, 503, headers=headers)
        return JSONResponse({"error": str(error), "status": 500}, 500)

    @app.exception_handler(RequestValidationError)
    async def invalid_request(_request: Request, error: RequestValidationError) -> JSONResponse:
        problems = "; ".join(
            f"{'.'.join(str(part) for part in item['loc'][1:])}: {item['msg']}" for item in error.errors()
        )
        return JSONResponse({"error": problems or "invalid request", "status": 422}, 422)

    @app.get("/health")
    def health(store: Store = store_dependency) -> dict[str, Any]:
        current = grouping_is_current(store.connection)
        return {
            "status": "ok",
            "write": settings.write,
            "grouping": "current" if current else "stale",
            **store.counts(),
        }

    @app.get("/events")
    def events(
        store: Store = store_dependency,
        actor: Annotated[str | None, Query(description=ACTOR_HELP)] = None,
        dyad: Annotated[str | None, Query(pattern=DYAD_PATTERN, description="A,B: either direction")] = None,
        root: Annotated[str | None, Query(pattern=r"^\d{2,4}$")] = None,
        since: date | None = None,
        until: date | None = None,
        include_uncertain: bool = False,
        language: Language = None,
        plover: Plover = None,
        grouped: Annotated[bool, Query(description=GROUPED_HELP)] = False,
        limit: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 100,
        offset: Annotated[int, Query(ge=0, le=MAX_OFFSET)] = 0,
    ) -> dict[str, Any]:
        """Mentions (coded sentences), each with the `group_id` of its event and its article; with `grouped`,
        events (one item per event group, its first mention) with their `mentions`, `articles`, `sources`.
        `total` and `counts` say how many of which there are."""
        where = EventFilter(
            actor=actor.strip().upper() if actor else None,
            dyad=_pair(dyad),
            root=root,
            since=since,
            until=until,
            include_uncertain=include_uncertain,
            language=language,
            plover=plover,
            grouped=grouped,
        )
        total = store.count_events(where)
        sql, params = store.query_events(replace(where, limit=limit, offset=offset))
        cursor = store.connection.execute(sql, params)
        names = [d[0] for d in cursor.description]
        items = [row_to_contract(dict(zip(names, row, strict=True))) for row in cursor.fetchall()]
        following = offset + limit if offset + limit < total else None
        counts = "events" if grouped else "mentions"
        return {
            "counts": counts,
            "total": total,
            "offset": offset,
            "limit": limit,
            "next_offset": following,
            "items": items,
        }

    @app.get("/events/{event_id}")
    def event(event_id: str, store: Store = store_dependency) -> dict[str, Any]:
        """One mention with its evidence, the `group_id` of its event and its article."""
        cursor = store.connection.execute(
            "SELECT e.*, a.title AS article_title, a.url AS article_url, a.published AS article_published, "
            f"a.source AS article_source FROM {mentions_with_groups(store.connection)} e "
            "LEFT JOIN articles a USING (doc_id) WHERE event_id = ?",
            [event_id],
        )
        row = cursor.fetchone()
        if row is None:
            raise HTTPException(404, f"no event {event_id!r}")
        return row_to_contract(dict(zip([d[0] for d in cursor.description], row, strict=True)))

    @app.get("/dyads")
    def dyads(
        response: Response,
        store: Store = store_dependency,
        actors: Annotated[str | None, Query(description=ACTOR_HELP)] = None,
        by: Annotated[str, Query(pattern=f"^({'|'.join(PERIODS)})$")] = "month",
        since: date | None = None,
        until: date | None = None,
        root: Annotated[str | None, Query(pattern=r"^\d{2,4}$")] = None,
        undirected: bool = False,
        include_uncertain: bool = False,
        language: Language = None,
        plover: Plover = None,
        left_out: Annotated[bool, Query(description=LEFT_OUT_HELP)] = False,
    ) -> list[dict[str, Any]] | dict[str, Any]:
        """Per dyad and period: `events` (distinct event groups) and `mentions`. What the series leaves out (events
        dated less precisely than `by` allows: a year-precise event is in no month; undated events) is in the
        `X-Dyad-Left-Out` header, and with `left_out=true` the answer is `{"by", "rows", "left_out"}`."""
        scope = analysis.Scope(since, until, root, actor_codes(actors), include_uncertain, plover, language)
        series = analysis.dyad_table(store.connection, scope, by, directed=not undirected)
        response.headers["X-Dyad-Left-Out"] = json.dumps(series.left_out, separators=(",", ":"))
        if left_out:
            return {"by": by, "rows": series.rows, "left_out": series.left_out}
        return series.rows

    @app.get("/network")
    def network(
        store: Store = store_dependency,
        since: date | None = None,
        until: date | None = None,
        root: Annotated[str | None, Query(pattern=r"^\d{2,4}$")] = None,
        include_uncertain: bool = False,
        language: Language = None,
        plover: Plover = None,
        mentions: Annotated[bool, Query(description="Edge weight = mentions, not events")] = False,
    ) -> dict[str, Any]:
        """Nodes and directed edges, each with `events` (distinct event groups) and `mentions`; `weight` = events
        (or mentions)."""
        scope = analysis.Scope(since, until, root, (), include_uncertain, plover, language, mentions)
        return analysis.network(store.connection, scope)

    @app.get("/actors")
    def actors(
        store: Store = store_dependency, q: str | None = None, limit: Annotated[int, Query(ge=1, le=500)] = 50
    ) -> list[dict]:
        return analysis.actors(store.connection, q, limit)

    @app.post("/code", dependencies=[Depends(writer)])
    def code(article: Article) -> dict[str, Any]:
        coded = _code(settings, article)
        return {
            "doc_id": coded.article.doc_id,
            "language": coded.article.language,
            "events": [e.to_dict() for e in coded.events],
        }

    @app.post("/ingest", dependencies=[Depends(writer)])
    def ingest(article: Article, store: Store = store_dependency) -> dict[str, Any]:
        coded = _code(settings, article)
        try:
            counts = store.write([coded])
            group_events(store.connection)
            link_duplicates(store.connection)
        except (StoreError, duckdb.Error) as error:
            raise HTTPException(409, str(error)) from None
        return {
            "doc_id": coded.article.doc_id,
            "stored": counts.articles,
            "already_stored": counts.skipped,
            "events": counts.events,
        }

    api_dashboard.install(app, db)
    app.mount("/static", StaticFiles(directory=WEB), name="static")

    @app.get("/", include_in_schema=False)
    def dashboard() -> FileResponse:
        return FileResponse(WEB / "index.html")

    return app


def _pair(dyad: str | None) -> tuple[str, str] | None:
    if not dyad:
        return None
    first, second = actor_codes(dyad)
    return first, second


def _code(settings: Settings, article: Article) -> Any:
    document = RawDocument(
        text=article.text,
        origin="request",
        id=article.id,
        title=article.title,
        url=article.url,
        source=article.source,
        published=article.published,
        language=article.language,
    )
    try:
        return settings.pipeline().code(document)
    except InputError as error:
        raise HTTPException(422, str(error)) from None
