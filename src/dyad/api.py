"""The HTTP API (`dyad serve`): read-only by default; `POST /code` and `POST /ingest` only when started with
`--write`, and then only with the bearer token from the environment variable named by `--token-env`
(default DYAD_TOKEN). The dashboard is served at `/` from `web/`, with every asset served by Dyad itself.
"""

from __future__ import annotations

import hmac
import os
from datetime import date
from pathlib import Path
from typing import Annotated, Any

import duckdb
from fastapi import Depends, FastAPI, HTTPException, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.middleware.cors import CORSMiddleware
from fastapi.responses import FileResponse, JSONResponse
from fastapi.staticfiles import StaticFiles
from pydantic import BaseModel, Field
from starlette.exceptions import HTTPException as StarletteHTTPException

from dyad import analysis, api_dashboard
from dyad.api_guard import Guard
from dyad.dedupe import group_events, grouping_is_current, link_duplicates
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
    def __init__(self, db: Path, write: bool, token_env: str):
        self.db = db
        self.write = write
        self.token_env = token_env
        self._pipeline = None

    def pipeline(self):
        if self._pipeline is None:
            from dyad.pipeline import Pipeline

            self._pipeline = Pipeline.load()
        return self._pipeline


def create_app(db: Path, write: bool = False, token_env: str = "DYAD_TOKEN", cors: str | None = None) -> FastAPI:
    settings = Settings(db, write, token_env)
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
        actor: str | None = None,
        dyad: Annotated[str | None, Query(pattern=r"^[A-Za-z]{2,12},[A-Za-z]{2,12}$")] = None,
        root: Annotated[str | None, Query(pattern=r"^\d{2,4}$")] = None,
        since: date | None = None,
        until: date | None = None,
        include_uncertain: bool = False,
        language: Language = None,
        plover: Plover = None,
        limit: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 100,
        offset: Annotated[int, Query(ge=0, le=MAX_OFFSET)] = 0,
    ) -> dict[str, Any]:
        pair = tuple(dyad.upper().split(",")) if dyad else None
        where = EventFilter(
            actor=actor.upper() if actor else None,
            dyad=pair,  # type: ignore[arg-type]
            root=root,
            since=since,
            until=until,
            include_uncertain=include_uncertain,
            language=language,
            plover=plover,
        )
        sql, params = store.query_events(where)
        total = store.connection.execute(f"SELECT count(*) FROM ({sql})", params).fetchone()[0]
        cursor = store.connection.execute(f"{sql} LIMIT {limit} OFFSET {offset}", params)
        names = [d[0] for d in cursor.description]
        items = [row_to_contract(dict(zip(names, row, strict=True))) for row in cursor.fetchall()]
        following = offset + limit if offset + limit < total else None
        return {"total": total, "offset": offset, "limit": limit, "next_offset": following, "items": items}

    @app.get("/events/{event_id}")
    def event(event_id: str, store: Store = store_dependency) -> dict[str, Any]:
        cursor = store.connection.execute(
            "SELECT e.*, a.title AS article_title, a.url AS article_url, a.published AS article_published "
            "FROM events e LEFT JOIN articles a USING (doc_id) WHERE event_id = ?",
            [event_id],
        )
        row = cursor.fetchone()
        if row is None:
            raise HTTPException(404, f"no event {event_id!r}")
        record = dict(zip([d[0] for d in cursor.description], row, strict=True))
        result = row_to_contract(record)
        result["article"] = {
            "title": record["article_title"],
            "url": record["article_url"],
            "published": record["article_published"],
        }
        return result

    @app.get("/dyads")
    def dyads(
        store: Store = store_dependency,
        actors: str | None = None,
        by: Annotated[str, Query(pattern="^(day|week|month|year)$")] = "month",
        since: date | None = None,
        until: date | None = None,
        root: Annotated[str | None, Query(pattern=r"^\d{2,4}$")] = None,
        undirected: bool = False,
        include_uncertain: bool = False,
        language: Language = None,
        plover: Plover = None,
        mentions: bool = False,
    ) -> list[dict[str, Any]]:
        codes = tuple(a.strip().upper() for a in actors.split(",") if a.strip()) if actors else ()
        scope = analysis.Scope(since, until, root, codes, include_uncertain, plover, language, mentions)
        return analysis.dyad_series(store.connection, scope, by, directed=not undirected)

    @app.get("/network")
    def network(
        store: Store = store_dependency,
        since: date | None = None,
        until: date | None = None,
        root: Annotated[str | None, Query(pattern=r"^\d{2,4}$")] = None,
        include_uncertain: bool = False,
        language: Language = None,
        plover: Plover = None,
        mentions: bool = False,
    ) -> dict[str, Any]:
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
