"""The dashboard in a real browser (headless Chromium): pick a dyad, see its events with their evidence."""

from __future__ import annotations

import os
import shutil
import socket
import threading
import time
from pathlib import Path

import pytest
import uvicorn

from dyad.api import create_app
from dyad.read import RawDocument
from dyad.store import Store
from tests.conftest import REPO

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
ARTIFACTS = Path(os.environ.get("DYAD_ARTIFACTS", REPO / "artifacts"))
pytestmark = pytest.mark.skipif(
    CHROMIUM is None and not os.environ.get("CI"), reason="Chromium not installed (CI installs it)"
)


@pytest.fixture(scope="module")
def server(pipeline, tmp_path_factory):
    path = tmp_path_factory.mktemp("web") / "dyad.duckdb"
    sources = [REPO / "examples", REPO.parent / "shared" / "seeds"]
    documents = [p for source in sources if source.is_dir() for p in sorted(source.iterdir())]
    with Store(path) as store:
        store.write([pipeline.code(RawDocument(text=p.read_text(encoding="utf-8"), origin=p.name)) for p in documents])
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
    yield f"http://127.0.0.1:{port}"
    instance.should_exit = True
    thread.join(timeout=10)


def test_pick_a_dyad_and_read_the_evidence(server) -> None:
    from playwright.sync_api import sync_playwright

    assert CHROMIUM is not None, "CI must install Chromium (apt-get install chromium)"
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=[
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
            ],
        )
        page = browser.new_page(viewport={"width": 1280, "height": 1100})
        page.goto(server)
        page.fill("#actor-a", "ISR")
        page.fill("#actor-b", "PSE")
        page.click("#show")
        page.wait_for_selector("#timeline .bar")
        page.locator("#timeline .bar").first.click()
        page.wait_for_selector("#events li.event")
        first = page.locator("#events li.event").first
        pair = first.locator(".code").inner_text()
        assert "ISR" in pair and "PSE" in pair
        assert first.locator("mark.trigger").count() >= 1  # a trigger with a gap has a mark per part
        assert first.locator("mark.source").inner_text().strip()
        assert first.locator(".evidence").inner_text().endswith(".")
        page.wait_for_selector("#network .node")
        assert page.locator("#network .node").count() >= 3
        page.screenshot(path=str(ARTIFACTS / "dashboard.png"), full_page=True)
        browser.close()
    assert (ARTIFACTS / "dashboard.png").stat().st_size > 10_000
