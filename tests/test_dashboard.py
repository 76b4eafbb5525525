"""The dashboard in a real browser (headless Chromium): the views render, their state is the URL, the list pages,
the downloads are the view, every view costs at most 5 requests, and nothing is loaded from outside."""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
import socket
import threading
import time
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import httpx
import pytest
import uvicorn

from dyad.api import create_app
from dyad.dedupe import group_events
from dyad.read import RawDocument
from dyad.store import Store
from tests.conftest import REPO

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
ARTIFACTS = Path(os.environ.get("DYAD_ARTIFACTS", REPO / "artifacts"))
MAX_REQUESTS = 5
pytestmark = pytest.mark.skipif(
    CHROMIUM is None and not os.environ.get("CI"), reason="Chromium not installed (CI installs it)"
)
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="module")
def server(pipeline, tmp_path_factory):
    path = tmp_path_factory.mktemp("web") / "dyad.duckdb"
    sources = [REPO / "examples", REPO.parent / "shared" / "seeds"]
    documents = [p for source in sources if source.is_dir() for p in sorted(source.iterdir())]
    coded = []
    for number, p in enumerate(documents):  # each article twice, from two outlets: event groups of two mentions
        text = p.read_text(encoding="utf-8")
        for outlet in ("wire", "daily"):
            document = RawDocument(
                text=text,
                origin=p.name,
                id=f"{p.stem}-{outlet}",
                url=f"https://{outlet}.example/{number}",
                source=outlet,
            )
            coded.append(pipeline.code(document))
    with Store(path) as store:
        store.write(coded)
        group_events(store.connection)
    base, instance, thread = serve(path)
    yield base
    instance.should_exit = True
    thread.join(timeout=10)


def serve(path: Path):
    """`dyad serve` of a store in this process, on a free port: (base URL, server)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    config = uvicorn.Config(create_app(path), host="127.0.0.1", port=port, log_level="warning")
    instance = uvicorn.Server(config)
    thread = threading.Thread(target=instance.run, daemon=True)
    thread.start()
    for _ in range(100):
        if instance.started:
            break
        time.sleep(0.1)
    return f"http://127.0.0.1:{port}", instance, thread


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    assert CHROMIUM is not None, "CI must install Chromium (apt-get install chromium)"
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield instance
        instance.close()


class Watch:
    """The API requests (fetch/XHR) a page makes, every request outside the server, and the page's errors."""

    def __init__(self, page, base: str):
        self.api: list[str] = []
        self.outside: list[str] = []
        self.errors: list[str] = []
        page.on("request", self._request(base))
        page.on("pageerror", lambda error: self.errors.append(str(error)))

    def _request(self, base: str):
        def seen(request) -> None:
            if not request.url.startswith((base, "data:")):
                self.outside.append(request.url)
            if request.resource_type in ("fetch", "xhr"):
                self.api.append(request.url)

        return seen

    def count(self, action) -> int:
        before = len(self.api)
        action()
        return len(self.api) - before


def settle(page) -> None:
    page.wait_for_selector("body:not([data-busy])", state="attached")  # no wait_for_function: the CSP forbids eval


def wait_until(page, condition, seconds: float = 10) -> None:
    """Poll from Python (the page's CSP forbids the eval behind wait_for_function)."""
    for _ in range(int(seconds * 10)):
        if condition():
            return
        page.wait_for_timeout(100)
    raise AssertionError("the page did not get there")


def listed(page) -> int:
    """The list's total, from "1–20 of 834 events" (nothing shown when it is empty)."""
    text = page.locator("#page").inner_text()
    return int(text.split(" of ")[1].split()[0]) if " of " in text else 0


def test_views_render_and_cost_few_requests(server, browser) -> None:
    page = browser.new_page(viewport={"width": 1400, "height": 1300})
    watch = Watch(page, server)
    loaded = watch.count(lambda: (page.goto(f"{server}/?a=ISR&b=PSE"), settle(page)))
    assert loaded == 1  # the view and the actor suggestions in one request
    assert page.locator("#actor-list option").count() >= 10
    page.wait_for_selector("#timeline .bars .point path", state="attached")
    assert page.locator("#network .scatterlayer .point").count() >= 3
    first = page.locator("#events li.event").first
    pair = first.locator(".code").inner_text()
    assert "ISR" in pair and "PSE" in pair
    assert first.locator("mark.trigger").count() >= 1  # a trigger with a gap has a mark per part
    assert first.locator("mark.source").inner_text().strip()
    assert first.locator(".evidence").inner_text().endswith(".")
    assert int(first.locator(".counts").inner_text().split()[0]) >= 2  # the wire and the daily copy: one event
    links = first.locator(".sources a")
    assert links.count() == 2 and links.first.get_attribute("href").startswith("https://")
    page.screenshot(path=str(ARTIFACTS / "dashboard.png"), full_page=True)

    # a click on a bar selects its period: one request, for the network and the list
    bars = page.locator("#timeline .bars .point path")
    bar = next(bars.nth(i) for i in range(bars.count()) if (bars.nth(i).bounding_box() or {}).get("height", 0) > 2)
    clicked = watch.count(lambda: (bar.click(force=True), settle(page)))
    assert 1 <= clicked <= MAX_REQUESTS
    assert parse_qs(urlparse(page.url).query).get("period_from")

    # the brush: a drag across the chart zooms into a period and selects it, in one request
    box = page.locator("#timeline .nsewdrag").first.bounding_box()
    y = box["y"] + box["height"] / 2

    def brush() -> None:
        page.mouse.move(box["x"] + box["width"] * 0.3, y)
        page.mouse.down()
        page.mouse.move(box["x"] + box["width"] * 0.7, y, steps=8)
        page.mouse.up()
        settle(page)

    before = parse_qs(urlparse(page.url).query).get("period_from")
    assert 1 <= watch.count(brush) <= MAX_REQUESTS
    assert parse_qs(urlparse(page.url).query).get("period_from") != before
    # a double-click shows everything again: no period selected
    page.wait_for_timeout(600)  # a pause, as a person makes: Plotly counts clicks within 300 ms as one gesture
    page.mouse.dblclick(box["x"] + box["width"] * 0.5, y)
    wait_until(page, lambda: "period_from" not in page.url)
    settle(page)
    page.locator("#timeline .bars .point path").first.wait_for(state="attached")
    bar = next(bars.nth(i) for i in range(bars.count()) if (bars.nth(i).bounding_box() or {}).get("height", 0) > 2)
    bar.click(force=True)
    settle(page)

    # events and mentions: the same selection, counted both ways
    events = listed(page)
    assert events >= 1
    switched = watch.count(lambda: (page.check("input[name=count][value=mentions]"), settle(page)))
    assert switched <= MAX_REQUESTS
    mentions = listed(page)
    assert mentions >= 2 * events  # every event is reported by both outlets
    assert not watch.errors and not watch.outside
    page.close()


def test_url_state_round_trips(server, browser) -> None:
    query = "a=RUS&b=USA&bin=week&count=mentions&node=RUS&top=10"
    page = browser.new_page(viewport={"width": 1400, "height": 1300})
    watch = Watch(page, server)
    page.goto(f"{server}/?{query}")
    settle(page)
    assert page.input_value("#a") == "RUS" and page.input_value("#b") == "USA"
    assert page.input_value("#bin") == "week" and page.input_value("#top") == "10"
    assert page.is_checked("input[name=count][value=mentions]")
    assert page.locator("#selection").inner_text().startswith("with RUS")
    assert page.locator("#events li.event").count() >= 1
    view = next(url for url in watch.api if "/dashboard/view" in url)
    sent = parse_qs(urlparse(view).query)
    assert all(sent[key] == value for key, value in parse_qs(query).items())  # the request is the URL's state
    # a change of filters goes into the URL; back in history restores the view before it
    page.select_option("#bin", "quarter")
    page.click("#show")
    settle(page)
    assert parse_qs(urlparse(page.url).query)["bin"] == ["quarter"]
    page.go_back()
    settle(page)
    assert page.input_value("#bin") == "week"
    assert not watch.errors and not watch.outside
    page.close()


def test_paging_and_downloads(server, browser) -> None:
    page = browser.new_page(viewport={"width": 1400, "height": 1300})
    watch = Watch(page, server)
    page.goto(f"{server}/?count=mentions")
    settle(page)
    total = listed(page)
    assert total > 20 and page.locator("#events li.event").count() == 20
    first_page = page.locator("#events li.event").first.inner_text()
    paged = watch.count(lambda: (page.click("#next"), settle(page)))
    assert paged == 1 and page.locator("#page").inner_text().startswith("21–")
    assert page.locator("#events li.event").first.inner_text() != first_page
    assert parse_qs(urlparse(page.url).query)["offset"] == ["20"]
    page.screenshot(path=str(ARTIFACTS / "dashboard-list.png"), full_page=True)
    # the downloads are the view: every row of the selection (not only the page), in the same counting
    state = urlparse(page.url).query
    rows = list(csv.DictReader(io.StringIO(httpx.get(server + page.get_attribute("#download-csv", "href")).text)))
    assert len(rows) == total and {"group_id", "mentions", "sources", "sentence", "article_url"} <= set(rows[0])
    lines = httpx.get(server + page.get_attribute("#download-jsonl", "href")).text.splitlines()
    assert len(lines) == total and json.loads(lines[0])["event_id"] == rows[0]["event_id"]
    assert "offset=20" in state
    page.close()


def test_network_search_and_edge_selection(server, browser) -> None:
    page = browser.new_page(viewport={"width": 1400, "height": 1300})
    watch = Watch(page, server)
    page.goto(server)
    settle(page)
    searched = watch.count(lambda: (page.fill("#find", "Iran"), page.press("#find", "Enter"), settle(page)))
    assert searched <= MAX_REQUESTS
    assert parse_qs(urlparse(page.url).query)["node"] == ["IRN"]
    assert all("IRN" in code for code in page.locator("#events .code").all_inner_texts())
    page.screenshot(path=str(ARTIFACTS / "dashboard-network.png"), full_page=True)
    # a click on an edge's arrow lists the events of that directed pair
    page.fill("#find", "")
    arrows = page.locator("#network .scatterlayer .trace").nth(-2).locator(".point")
    clicked = watch.count(lambda: (arrows.first.click(force=True), settle(page)))
    assert clicked <= MAX_REQUESTS
    edge = parse_qs(urlparse(page.url).query)["edge"][0].split(",")
    pairs = page.locator("#events .code").all_inner_texts()
    assert pairs and all(code.startswith(edge[0]) and f"→ {edge[1]}" in code for code in pairs)
    assert not watch.errors and not watch.outside
    page.close()


def test_docs_are_offline(server, browser) -> None:
    html = httpx.get(f"{server}/docs").text
    assert "http://" not in html and "https://" not in html
    page = browser.new_page()
    watch = Watch(page, server)
    page.goto(f"{server}/docs")
    page.wait_for_selector(".opblock-summary-path", timeout=15_000)
    assert page.locator(".opblock-summary-path").filter(has_text="/dashboard/view").count() == 1
    assert not watch.outside and not watch.errors
    for asset in ("plotly.min.js", "plotly.css", "swagger-ui-bundle.js", "swagger-ui.css"):
        assert httpx.get(f"{server}/assets/{asset}").status_code == 200
    page.close()


@pytest.mark.skipif(not os.environ.get("DYAD_DASHBOARD_STORE"), reason="set DYAD_DASHBOARD_STORE to a large store")
def test_a_large_store(browser) -> None:
    """The same views on a large store (bench/api_latency.py builds one of 100,000 articles): rendered within the
    request budget, with a screenshot in the artifacts."""
    base, instance, thread = serve(Path(os.environ["DYAD_DASHBOARD_STORE"]))
    try:
        page = browser.new_page(viewport={"width": 1400, "height": 1300})
        page.set_default_timeout(120_000)  # the first request makes the in-memory copy of the store
        watch = Watch(page, base)
        loaded = watch.count(lambda: (page.goto(f"{base}/?a=RUS&b=USA&bin=quarter&top=200"), settle(page)))
        assert loaded == 1 and listed(page) > 1000
        assert page.locator("#network .scatterlayer .trace").last.locator(".point").count() == 200
        paged = watch.count(lambda: (page.click("#next"), settle(page)))
        assert paged == 1 and page.locator("#events li.event").count() == 20
        page.click("#previous")
        settle(page)
        page.screenshot(path=str(ARTIFACTS / "dashboard-100k.png"), full_page=True)
        assert not watch.errors and not watch.outside
        page.close()
    finally:
        instance.should_exit = True
        thread.join(timeout=10)
