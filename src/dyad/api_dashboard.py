"""The dashboard's own endpoints, and the third-party assets Dyad serves itself (no CDN: it works offline).

- `GET /dashboard/view`: what one view of the dashboard shows, in one request: the timeline, the network and a
  page of the list (`parts` picks some of them; `actors` adds the actor codes for suggestions).
- `GET /dashboard/download`: the current view's list (every row of the selection, up to `MAX_DOWNLOAD`), its
  timeline or its network, as CSV or JSONL.
- `GET /assets/...`: plotly.js from the installed `plotly` wheel, and Swagger UI / ReDoc from the installed
  `fastapi-offline` wheel; `/docs` and `/redoc` are pages that load only these (the default FastAPI pages load
  their scripts from a CDN and initialise them inline, which the API's Content-Security-Policy refuses).
"""

from __future__ import annotations

import csv
import importlib.util
import io
import json
import re
from collections.abc import Callable, Iterator
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Annotated, Any

import duckdb
from fastapi import APIRouter, Depends, FastAPI, HTTPException, Query
from fastapi.responses import FileResponse, HTMLResponse, Response

from dyad import dashboard_query as q
from dyad.dashboard_cache import Cache
from dyad.store import StoreBusy

MAX_DOWNLOAD = 20_000
ASSET_CACHE = "public, max-age=86400"
CODE = r"^[A-Za-z]{2,12}$"
PART = "(timeline|network|list|actors)"
PLOVER = (
    "^(AGREE|CONSULT|SUPPORT|CONCEDE|COOPERATE|AID|RETREAT|REQUEST|ACCUSE|REJECT|THREATEN|PROTEST|SANCTION|"
    "MOBILIZE|COERCE|ASSAULT)$"
)
# name -> (package, file inside it, media type)
ASSETS = {
    "plotly.min.js": ("plotly", "package_data/plotly.min.js", "text/javascript"),
    "swagger-ui-bundle.js": ("fastapi_offline", "static/swagger-ui-bundle.js", "text/javascript"),
    "swagger-ui.css": ("fastapi_offline", "static/swagger-ui.css", "text/css"),
    "redoc.standalone.js": ("fastapi_offline", "static/redoc.standalone.js", "text/javascript"),
    "favicon.png": ("fastapi_offline", "static/favicon.png", "image/png"),
}
# plotly.js adds its stylesheet with inline <style> rules, which the API's CSP refuses: Dyad serves the same rules
# as a file, read from the installed plotly.min.js (an object literal whose keys use X for the plot, Y for notifiers)
PLOTLY_RULES_START = '"X,X div":'
_JS_STRING = r"""("(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*')"""
PLOTLY_RULE = re.compile(_JS_STRING + ":" + _JS_STRING)
DOCS_PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Dyad API</title>
<link rel="icon" href="/assets/favicon.png">{head}</head>
<body>{body}</body></html>"""
SWAGGER = (
    '<link rel="stylesheet" href="/assets/swagger-ui.css">',
    '<div id="swagger-ui"></div><script src="/assets/swagger-ui-bundle.js"></script>'
    '<script src="/static/docs.js"></script>',
)
REDOC = ("", '<redoc spec-url="/openapi.json"></redoc><script src="/assets/redoc.standalone.js"></script>')


def asset_path(name: str) -> Path:
    """An asset's file inside its installed package (found without importing the package)."""
    package, inside, _ = ASSETS[name]
    spec = importlib.util.find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        raise HTTPException(500, f"{package} is not installed: pip install the dyad package's dependencies")
    return Path(next(iter(spec.submodule_search_locations))) / inside


def plotly_css(script: str) -> str:
    """The CSS rules plotly.js would inject, from its bundle's text."""
    start = script.index(PLOTLY_RULES_START)
    end = script.index("}", start)  # no rule holds a brace
    rules = []
    for selector, style in PLOTLY_RULE.findall(script[start:end]):
        name = selector[1:-1].replace("X", ".js-plotly-plot .plotly").replace("Y", ".plotly-notifier")
        rules.append(f"{name.lstrip(',')} {{{style[1:-1]}}}")
    return "\n".join(rules) + "\n"


def view_parameters(
    a: Annotated[str | None, Query(pattern=CODE, description="actor code at any level: RUS, RUSGOV")] = None,
    b: Annotated[str | None, Query(pattern=CODE)] = None,
    directed: bool = False,
    since: date | None = None,
    until: date | None = None,
    bin: Annotated[str, Query(pattern="^(day|week|month|quarter|year)$")] = "month",
    root: Annotated[str | None, Query(pattern=r"^\d{2,4}$")] = None,
    plover: Annotated[str | None, Query(pattern=PLOVER)] = None,
    language: Annotated[str | None, Query(pattern="^(de|en)$")] = None,
    include_uncertain: bool = False,
    count: Annotated[str, Query(pattern="^(events|mentions)$")] = "events",
    top: Annotated[int, Query(ge=1, le=500)] = 60,
    min_events: Annotated[int, Query(ge=1, le=1_000_000)] = 1,
    period_from: date | None = None,
    period_to: date | None = None,
    node: Annotated[str | None, Query(pattern=CODE)] = None,
    edge: Annotated[str | None, Query(pattern=r"^[A-Za-z]{2,12},[A-Za-z]{2,12}$")] = None,
    offset: Annotated[int, Query(ge=0, le=1_000_000_000)] = 0,
    limit: Annotated[int, Query(ge=1, le=100)] = 20,
) -> q.View:
    upper: Callable[[str | None], str | None] = lambda code: code.upper() if code else None  # noqa: E731
    pair = tuple(edge.upper().split(",")) if edge else None
    return q.View(
        a=upper(a),
        b=upper(b),
        directed=directed,
        since=since,
        until=until,
        bin=bin,
        root=root,
        plover=plover,
        language=language,
        include_uncertain=include_uncertain,
        mentions=count == "mentions",
        top=top,
        min_events=min_events,
        period_from=period_from,
        period_to=period_to,
        node=upper(node),
        edge=pair,  # type: ignore[arg-type]
        offset=offset,
        limit=limit,
    )


def install(app: FastAPI, db: Path) -> None:
    """Add the dashboard's endpoints, its assets and the offline /docs to `app` (the dashboard only reads, also
    from a server started with --write)."""
    app.include_router(router(db))


def router(db: Path) -> APIRouter:
    routes = APIRouter()

    cache = Cache(db)

    def reader() -> Iterator[duckdb.DuckDBPyConnection]:
        try:
            with cache.session() as connection:
                yield connection
        except StoreBusy as error:
            raise HTTPException(503, str(error), headers={"Retry-After": "2"}) from None

    store_dependency = Depends(reader)
    view_dependency = Depends(view_parameters)

    @routes.get("/dashboard/view", tags=["dashboard"])
    def dashboard_view(
        connection: duckdb.DuckDBPyConnection = store_dependency,
        view: q.View = view_dependency,
        parts: Annotated[str, Query(pattern=f"^{PART}(,{PART})*$")] = ("timeline,network,list"),
    ) -> dict[str, Any]:
        """One view of the dashboard: `timeline` (continuous, per bin), `network` (top actors of the selected
        period), `list` (a page of events or mentions of the selection) and, when asked, `actors` (the codes most
        mentioned, for suggestions)."""
        wanted = set(parts.split(","))
        result: dict[str, Any] = {"counting": "mentions" if view.mentions else "events"}
        if "timeline" in wanted:
            result["timeline"] = q.timeline(connection, view)
        if "network" in wanted:
            result["network"] = q.network(connection, view)
        if "list" in wanted:
            result["list"] = q.listing(connection, view)
        if "actors" in wanted:
            result["actors"] = q.actors(connection)
        return result

    @routes.get("/dashboard/download", tags=["dashboard"])
    def dashboard_download(
        connection: duckdb.DuckDBPyConnection = store_dependency,
        view: q.View = view_dependency,
        format: Annotated[str, Query(pattern="^(csv|jsonl)$")] = "csv",
        what: Annotated[str, Query(pattern="^(list|timeline|network)$")] = "list",
    ) -> Response:
        """The current view as a file: its list (every row of the selection), its timeline or its network."""
        records, total = _records(connection, view, what)
        body = _jsonl(records) if format == "jsonl" else _csv(records)
        media = "application/x-ndjson" if format == "jsonl" else "text/csv; charset=utf-8"
        headers = {
            "Content-Disposition": f'attachment; filename="dyad-{what}.{format}"',
            "X-Total-Count": str(total),  # more than the rows in the file when the list is over MAX_DOWNLOAD
        }
        return Response(body, media_type=media, headers=headers)

    made: dict[str, str] = {}  # this app's plotly.css, made once from the installed plotly.min.js

    @routes.get("/assets/plotly.css", include_in_schema=False)
    def plotly_stylesheet() -> Response:
        if "css" not in made:
            made["css"] = plotly_css(asset_path("plotly.min.js").read_text(encoding="utf-8"))
        return Response(made["css"], media_type="text/css", headers={"Cache-Control": ASSET_CACHE})

    @routes.get("/assets/{name}", include_in_schema=False)
    def asset(name: str) -> FileResponse:
        if name not in ASSETS:
            raise HTTPException(404, f"no asset {name!r}")
        return FileResponse(asset_path(name), media_type=ASSETS[name][2], headers={"Cache-Control": ASSET_CACHE})

    @routes.get("/docs", include_in_schema=False)
    def docs() -> HTMLResponse:
        return HTMLResponse(DOCS_PAGE.format(head=SWAGGER[0], body=SWAGGER[1]))

    @routes.get("/redoc", include_in_schema=False)
    def redoc() -> HTMLResponse:
        return HTMLResponse(DOCS_PAGE.format(head=REDOC[0], body=REDOC[1]))

    return routes


def _records(connection: duckdb.DuckDBPyConnection, view: q.View, what: str) -> tuple[list[dict[str, Any]], int]:
    """The rows of a download, and how many there are in all."""
    if what == "timeline":
        periods = q.timeline(connection, view)["periods"]
        return periods, len(periods)
    if what == "network":
        graph = q.network(connection, view)
        return graph["edges"], graph["edges_total"]
    page = q.listing(connection, replace(view, offset=0, limit=MAX_DOWNLOAD))  # every row, in one pass
    return [_flat(item) for item in page["items"]], page["total"]


def _flat(item: dict[str, Any]) -> dict[str, Any]:
    """A list item as one flat record: the codes and the group's counts, the evidence, the first source."""
    source, target = item["source"] or {}, item["target"] or {}
    first = item["articles"][0] if item["articles"] else {}
    return {
        "group_id": item["group_id"],
        "event_id": item["event_id"],
        "date": item["date"],
        "date_precision": item["date_precision"],
        "source_code": source.get("code"),
        "source_country": source.get("country"),
        "source_name": source.get("name"),
        "target_code": target.get("code"),
        "target_country": target.get("country"),
        "target_name": target.get("name"),
        "cameo": item["cameo"],
        "cameo_name": item["cameo_name"],
        "goldstein": item["goldstein"],
        "quad_class": item["quad_class"],
        "plover_type": item["plover"]["event_type"],
        "negated": item["negated"],
        "hypothetical": item["hypothetical"],
        "mentions": item["group"]["mentions"],
        "articles": item["group"]["articles"],
        "sources": item["group"]["sources"],
        "language": item["language"],
        "sentence": item["sentence"],
        "doc_id": item["doc_id"],
        "article_title": first.get("title"),
        "article_url": first.get("url"),
        "article_source": first.get("source"),
        "article_published": first.get("published"),
    }


def _csv(records: list[dict[str, Any]]) -> str:
    out = io.StringIO()
    if records:
        writer = csv.DictWriter(out, fieldnames=list(records[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(records)
    return out.getvalue()


def _jsonl(records: list[dict[str, Any]]) -> str:
    return "".join(json.dumps(record, ensure_ascii=False, default=str) + "\n" for record in records)
