"""The HTTP API's outer guard, an ASGI middleware in front of FastAPI:

- requests with a body (POST, PUT, PATCH) are authorised before a byte of the body is read, and the body is read
  with a running count, so a body over the limit is refused at the limit whether it has a Content-Length or is
  chunked (FastAPI itself reads a whole body before any check);
- every response carries the standard security headers, and every error is the API's one JSON shape
  `{"error": "...", "status": N}`, a fault inside a handler included (a 500 with no details leaked).
"""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]
# (status, message, extra headers) when a request may not write, None when it may
Authorise = Callable[[dict[str, str]], tuple[int, str, dict[str, str]] | None]

SECURITY_HEADERS = {
    "x-content-type-options": "nosniff",
    "x-frame-options": "DENY",
    "referrer-policy": "no-referrer",
    "cross-origin-resource-policy": "same-origin",
    "content-security-policy": "default-src 'self'; img-src 'self' data:; object-src 'none'; frame-ancestors 'none'",
}
BODY_METHODS = frozenset({"POST", "PUT", "PATCH"})


class BodyTooLarge(Exception):
    pass


async def send_error(send: Send, status: int, message: str, headers: dict[str, str] | None = None) -> None:
    body = json.dumps({"error": message, "status": status}).encode()
    raw = [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]
    raw += [(k.encode(), v.encode()) for k, v in (headers or {}).items()]
    raw += [(k.encode(), v.encode()) for k, v in SECURITY_HEADERS.items()]
    await send({"type": "http.response.start", "status": status, "headers": raw})
    await send({"type": "http.response.body", "body": body})


class Guard:
    def __init__(self, app: ASGIApp, authorise: Authorise, max_body: int):
        self.app = app
        self.authorise = authorise
        self.max_body = max_body

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope.get("headers", [])}
        if scope["method"] in BODY_METHODS:
            refused = self.authorise(headers)
            if refused is not None:
                await send_error(send, *refused)
                return
            declared = headers.get("content-length", "")
            if declared.isdigit() and int(declared) > self.max_body:
                await send_error(send, 413, f"body too large (limit {self.max_body} bytes)")
                return
            try:
                receive = await self._buffered(receive)
            except BodyTooLarge:
                await send_error(send, 413, f"body too large (limit {self.max_body} bytes)")
                return
        await self._respond(scope, receive, send)

    async def _buffered(self, receive: Receive) -> Receive:
        """Read the body up to the limit (chunked bodies too) and hand it on as one message."""
        chunks, size, more = [], 0, True
        while more:
            message = await receive()
            if message["type"] == "http.disconnect":
                return _replay(b"", receive, disconnected=True)
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > self.max_body:
                raise BodyTooLarge
            chunks.append(chunk)
            more = message.get("more_body", False)
        return _replay(b"".join(chunks), receive)

    async def _respond(self, scope: Scope, receive: Receive, send: Send) -> None:
        started = False

        async def send_with_headers(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
                present = {k.lower() for k, _ in message.get("headers", [])}
                extra = [(k.encode(), v.encode()) for k, v in SECURITY_HEADERS.items() if k.encode() not in present]
                message["headers"] = [*message.get("headers", []), *extra]
            await send(message)

        try:
            await self.app(scope, receive, send_with_headers)
        except Exception:  # a fault in a handler: the client gets the JSON shape, never a traceback
            if not started:
                await send_error(send, 500, "internal error; the server log has the details")
            raise


def _replay(body: bytes, original: Receive, disconnected: bool = False) -> Receive:
    """The buffered body as one message; later calls wait on the connection as before (for a disconnect)."""
    sent = False

    async def receive() -> Message:
        nonlocal sent
        if disconnected:
            return {"type": "http.disconnect"}
        if sent:
            return await original()
        sent = True
        return {"type": "http.request", "body": body, "more_body": False}

    return receive
