"""The API under a hostile client and beside a writer: auth before the body, a body limit that holds while the
body streams, one JSON error shape, validated parameters, literal filters, security headers, CORS, and a server
that never blocks `dyad ingest` on its store."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest
from fastapi.testclient import TestClient

from dyad.api import create_app
from dyad.read import RawDocument
from dyad.store import Store

DYAD = [sys.executable, "-m", "dyad"]


@pytest.fixture(scope="module")
def database(pipeline, tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("hardening") / "dyad.duckdb"
    texts = ["Frankreich kritisierte Israel scharf.", "Russland griff die Ukraine an."]
    with Store(path) as store:
        store.write([pipeline.code(RawDocument(t, f"t{i}", language="de")) for i, t in enumerate(texts)])
    return path


@pytest.fixture(scope="module")
def client(database: Path) -> TestClient:
    return TestClient(create_app(database), raise_server_exceptions=False)


def test_every_error_has_the_one_json_shape_500s_included(client, monkeypatch) -> None:
    def broken(*_args, **_kwargs):
        raise RuntimeError("a fault inside a handler")

    monkeypatch.setattr("dyad.analysis.network", broken)
    response = client.get("/network")
    assert response.status_code == 500
    assert response.json() == {"error": "internal error; the server log has the details", "status": 500}
    assert client.get("/nowhere").json() == {"error": "Not Found", "status": 404}


@pytest.mark.parametrize("offset", ["1e20", "-1", "100000000000000000000", "abc"])
def test_offsets_out_of_range_are_a_422_not_a_500(client, offset: str) -> None:
    response = client.get("/events", params={"offset": offset})
    assert response.status_code == 422 and "offset" in response.json()["error"]


def test_bad_dates_are_a_422(client) -> None:
    assert client.get("/events", params={"since": "2026-13-45"}).status_code == 422


def test_like_wildcards_in_filters_match_literally(client) -> None:
    assert client.get("/events", params={"actor": "FRA"}).json()["total"] == 1
    assert client.get("/events", params={"actor": "F%"}).json()["total"] == 0
    assert client.get("/events", params={"actor": "_RA"}).json()["total"] == 0
    assert client.get("/actors", params={"q": "%"}).json() == []


def test_health_does_not_show_the_store_path(client, database: Path) -> None:
    body = client.get("/health").text
    assert str(database) not in body and database.name not in body


def test_security_headers_on_every_response(client) -> None:
    for path in ("/", "/events", "/nowhere"):
        headers = client.get(path).headers
        assert headers["x-content-type-options"] == "nosniff" and headers["x-frame-options"] == "DENY"
        assert "default-src 'self'" in headers["content-security-policy"]


def test_cors_is_off_by_default_and_allows_the_named_origin(database: Path) -> None:
    origin = {"Origin": "http://localhost:8888"}
    plain = TestClient(create_app(database)).get("/events", headers=origin)
    assert "access-control-allow-origin" not in plain.headers
    allowed = TestClient(create_app(database, cors="http://localhost:8888")).get("/events", headers=origin)
    assert allowed.headers["access-control-allow-origin"] == "http://localhost:8888"


def test_a_read_while_another_process_writes_is_a_503_with_retry_after(database: Path) -> None:
    client = TestClient(create_app(database))  # a server started while the store was free
    code = f"import time, duckdb; c = duckdb.connect({str(database)!r}); print('held', flush=True); time.sleep(30)"
    holder = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
        response = client.get("/events")
        assert response.status_code == 503 and response.headers["retry-after"] == "2"
        assert response.json()["error"].endswith("store busy, a writer (an ingest) is using it; retry in a few seconds")
    finally:
        holder.kill()
        holder.wait()
    assert client.get("/events").status_code == 200  # the writer is gone: reads are served again


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _serve(store: Path, *options: str, env: dict[str, str] | None = None):
    port = _free_port()
    process = subprocess.Popen(
        [*DYAD, "serve", "--db", str(store), "--port", str(port), *options],
        stderr=subprocess.DEVNULL,
        env={**os.environ, **(env or {})},
    )
    base = f"http://127.0.0.1:{port}"
    for _ in range(150):
        try:
            httpx.get(base + "/health", timeout=1)
            break
        except httpx.HTTPError:
            time.sleep(0.2)
    return process, base, port


@pytest.fixture(scope="module")
def server(database: Path, tmp_path_factory):
    """A real `dyad serve` on a store of its own, read-only."""
    store = tmp_path_factory.mktemp("served") / "served.duckdb"
    store.write_bytes(database.read_bytes())
    process, base, port = _serve(store)
    yield base, port, store
    process.kill()
    process.wait()


@pytest.fixture(scope="module")
def writing_server(database: Path, tmp_path_factory):
    store = tmp_path_factory.mktemp("written") / "written.duckdb"
    store.write_bytes(database.read_bytes())
    process, base, port = _serve(store, "--write", env={"DYAD_TOKEN": "secret"})
    yield base, port, store
    process.kill()
    process.wait()


def test_ingest_writes_the_store_a_running_server_reads(server, tmp_path: Path) -> None:
    base, _, store = server
    before = httpx.get(base + "/events").json()["total"]
    article = tmp_path / "new.txt"
    article.write_text("Die USA verhängten Sanktionen gegen Iran.", encoding="utf-8")
    result = subprocess.run([*DYAD, "ingest", str(article), "--db", str(store)], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert httpx.get(base + "/events").json()["total"] == before + 1
    cli_read = subprocess.run([*DYAD, "events", "--db", str(store), "--format", "jsonl"], capture_output=True)
    assert cli_read.returncode == 0 and len(cli_read.stdout.splitlines()) == before + 1


def _raw_post(port: int, headers: str, chunks: list[bytes]) -> bytes:
    """POST with a chunked body sent chunk by chunk; the answer as soon as the server gives one."""
    with socket.create_connection(("127.0.0.1", port), timeout=10) as connection:
        connection.sendall(
            f"POST /code HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n{headers}"
            "Transfer-Encoding: chunked\r\n\r\n".encode()
        )
        for chunk in chunks:
            try:
                connection.sendall(f"{len(chunk):x}\r\n".encode() + chunk + b"\r\n")
            except (BrokenPipeError, ConnectionResetError):
                break
        connection.settimeout(10)
        answer = b""
        while b"\r\n\r\n" not in answer or len(answer.split(b"\r\n\r\n", 1)[1]) < _length(answer):
            piece = connection.recv(4096)
            if not piece:
                break
            answer += piece
        return answer


def _length(answer: bytes) -> int:
    for line in answer.split(b"\r\n\r\n", 1)[0].split(b"\r\n"):
        if line.lower().startswith(b"content-length:"):
            return int(line.split(b":", 1)[1])
    return 0


def test_a_write_is_refused_before_its_body_is_read(server) -> None:
    _, port, _ = server
    answer = _raw_post(port, "", [])  # headers only: the body never comes
    assert b" 403 " in answer.split(b"\r\n")[0] and b'"status": 403' in answer


def test_the_body_limit_holds_while_a_chunked_body_streams(writing_server) -> None:
    _, port, _ = writing_server
    # 3 MB of a body that never ends: the 413 must come at the 2 MB limit, not after the whole body
    answer = _raw_post(port, "Authorization: Bearer secret\r\n", [b" " * (1 << 18)] * 12)
    assert b" 413 " in answer.split(b"\r\n")[0] and b'"status": 413' in answer


def test_a_server_that_writes_still_lets_the_command_line_read(writing_server) -> None:
    base, _, store = writing_server
    assert httpx.get(base + "/health").status_code == 200
    result = subprocess.run([*DYAD, "events", "--db", str(store), "--format", "jsonl"], capture_output=True)
    assert result.returncode == 0 and result.stdout.strip()


def test_a_huge_paragraph_to_post_code_is_coded_or_refused_in_json(database: Path, monkeypatch) -> None:
    monkeypatch.setenv("DYAD_TOKEN", "secret")
    client = TestClient(create_app(database, write=True), raise_server_exceptions=False)
    text = "Frankreich kritisierte Israel. " + "Wort " * 300_000  # 1.5 MB, one paragraph
    response = client.post("/code", json={"text": text, "language": "de"}, headers={"Authorization": "Bearer secret"})
    assert response.status_code == 200, response.text
    assert any(e["cameo"] == "111" for e in response.json()["events"])
