"""A real HTTP peer on 127.0.0.1 standing in for an ERP/MES, scriptable per request.

It behaves like an idempotent receiver should: it remembers the ``Idempotency-Key`` of
every event it processed, and a repeated key is answered (200) without processing the
event again. Scripted answers, consumed one per POST in order (then 200 by default):

- ``Reply(status, body, delay)``: answer after ``delay`` seconds. An event is processed
  (its key remembered) before a 2xx answer is delayed: with a delay beyond the client's
  read timeout, the event arrived but the answer was lost, and the retry carries the
  same key.
- ``Close()``: read the request, then drop the connection without answering.

Every request is recorded with its headers and exact body (signatures can be checked).
``closed_port_url()`` is an address where nothing listens (the endpoint down).
"""

from __future__ import annotations

import json
import socket
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any


@dataclass(frozen=True)
class Reply:
    status: int = 200
    body: Any = None  # dict/list → JSON; str → text; None → {"id": "ERP-<n>"} for 2xx
    delay: float = 0.0


@dataclass(frozen=True)
class Close:
    pass


@dataclass
class Received:
    method: str
    path: str
    headers: dict[str, str]  # lower-case names
    body: bytes
    at: float
    answer: int | None = None  # status sent (None: dropped or lost)

    @property
    def key(self) -> str | None:
        return self.headers.get("idempotency-key")

    def json(self) -> Any:
        return json.loads(self.body)


@dataclass
class _State:
    script: list[Reply | Close] = field(default_factory=list)
    received: list[Received] = field(default_factory=list)
    processed: dict[str, str] = field(default_factory=dict)  # key -> id given
    pages: dict[str, Any] = field(default_factory=dict)  # GET path -> body
    lock: threading.Lock = field(default_factory=threading.Lock)


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.0"  # one request per connection: no stale keep-alives
    server: _Server

    def log_message(self, *args):  # quiet
        pass

    def _record(self, body: bytes) -> Received:
        item = Received(
            self.command,
            self.path,
            {k.lower(): v for k, v in self.headers.items()},
            body,
            time.monotonic(),
        )
        with self.server.state.lock:
            self.server.state.received.append(item)
        return item

    def _send(self, item: Received, status: int, body: Any) -> None:
        data = (
            body.encode()
            if isinstance(body, str)
            else json.dumps(body, ensure_ascii=False).encode()
        )
        try:
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)
            item.answer = status
        except OSError:  # the client gave up waiting
            pass

    def do_POST(self):
        length = int(self.headers.get("Content-Length", 0))
        body = self.rfile.read(length)
        item = self._record(body)
        state = self.server.state
        with state.lock:
            action = state.script.pop(0) if state.script else Reply()
        if isinstance(action, Close):
            self.close_connection = True
            return
        answer = action.body
        if 200 <= action.status < 300 and item.key:
            with state.lock:
                given = state.processed.setdefault(item.key, f"ERP-{len(state.processed) + 1}")
            if answer is None:
                answer = {"id": given}
        if action.delay:
            time.sleep(action.delay)
        self._send(item, action.status, answer if answer is not None else {"error": "scripted"})

    def do_GET(self):
        item = self._record(b"")
        with self.server.state.lock:
            page = self.server.state.pages.get(self.path)
        if page is None:
            self._send(item, 404, {"error": f"no page {self.path}"})
            return
        self._send(item, 200, page)


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False
    state: _State


class Endpoint:
    def __init__(self):
        self._server = _Server(("127.0.0.1", 0), _Handler)
        self._server.state = _State()
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    def start(self) -> Endpoint:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()

    @property
    def url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}"

    def script(self, *actions: Reply | Close) -> None:
        with self._server.state.lock:
            self._server.state.script.extend(actions)

    def serve(self, path: str, body: Any) -> None:
        """Answer GET ``path`` with ``body`` (JSON or text)."""
        with self._server.state.lock:
            self._server.state.pages[path] = body

    @property
    def received(self) -> list[Received]:
        with self._server.state.lock:
            return list(self._server.state.received)

    def posts(self) -> list[Received]:
        return [r for r in self.received if r.method == "POST"]

    def keys(self) -> Counter:
        """How many times each idempotency key arrived."""
        return Counter(r.key for r in self.posts())

    @property
    def processed(self) -> dict[str, str]:
        """Events processed once each (key -> the id this side gave them)."""
        with self._server.state.lock:
            return dict(self._server.state.processed)


def closed_port_url() -> str:
    """An address on loopback where nothing listens: connections are refused."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    return f"http://127.0.0.1:{port}"
