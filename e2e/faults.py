"""A fault-injecting proxy in front of the live backend, for the browser tests of faults.

The extension is pointed at the proxy (its Backend URL in chrome.storage), and each test
switches the proxy's mode while the user works:

  pass   forward every request to the backend and its answer back
  down   no listener at all: the browser gets "connection refused", as when the backend is
         not running (the port is bound again, the same one, when the mode changes back)
  slow   hold each request SLOW_SECONDS, then forward it: the write lands late, after the
         extension has given up on the answer (the worst case for doubling a write)
  error  answer 500 with a JSON error and forward nothing, as a backend that crashed mid-way

Requests are served with HTTP/1.0, one connection each, so no kept-alive connection outlives
a switch to `down`. Every request is logged with the mode it met and whether it reached the
backend, so a test can count the writes that arrived.
"""
import http.client
import json
import socket
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

MODES = ("pass", "down", "slow", "error")
SLOW_SECONDS = 10.0  # a slow backend is one that takes 10 s; the extension gives up after 5 s
HOP_BY_HOP = {"connection", "keep-alive", "transfer-encoding", "content-length", "host",
              "proxy-connection", "te", "trailer", "upgrade"}
ERROR_BODY = json.dumps({"error": {"code": "internal",
                                   "message": "Internal error (injected by the test proxy)."}}).encode()


@dataclass
class Seen:
    """One request the proxy received: what, under which mode, and whether the backend got it."""
    method: str
    path: str
    mode: str
    forwarded: bool = False
    status: int = 0
    at: float = field(default_factory=time.monotonic)  # when it arrived
    body: bytes = b""  # what the extension sent


class _Server(ThreadingHTTPServer):
    allow_reuse_address = True  # the same port again right after `down`
    daemon_threads = True

    def handle_error(self, request, client_address):
        """A client that gave up (the extension's 5-second timeout) is expected: stay quiet."""


class FaultProxy:
    """The proxy: `.url` for the extension, `.mode` to switch, `.log` of what it saw."""

    def __init__(self, backend_host: str, backend_port: int):
        self.backend_host, self.backend_port = backend_host, backend_port
        self.log: list[Seen] = []
        self._mode = "pass"
        self._lock = threading.Condition()
        self._in_flight = 0
        self._server = None
        self._thread = None
        with socket.socket() as probe:  # a free port, kept for the proxy's whole life
            probe.bind(("127.0.0.1", 0))
            self.port = probe.getsockname()[1]
        self.url = f"http://127.0.0.1:{self.port}"
        self._listen()

    # -- modes ---------------------------------------------------------------------------

    @property
    def mode(self) -> str:
        return self._mode

    @mode.setter
    def mode(self, mode: str) -> None:
        if mode not in MODES:
            raise ValueError(f"unknown mode {mode!r}; one of {MODES}")
        if mode == "down":
            self._stop_listening()
        elif self._server is None:
            self._listen()
        self._mode = mode

    def _listen(self) -> None:
        self._server = _Server(("127.0.0.1", self.port), self._handler_class())
        self._thread = threading.Thread(target=self._server.serve_forever, name="fault-proxy",
                                        daemon=True)
        self._thread.start()

    def _stop_listening(self) -> None:
        if self._server is None:
            return
        self._server.shutdown()
        self._server.server_close()  # the listening socket is gone: connections are refused
        self._thread.join(timeout=5)
        self._server = self._thread = None

    def close(self) -> None:
        """Stop listening; requests still held by `slow` finish on their own (daemon threads)."""
        self._stop_listening()

    # -- what the tests read -------------------------------------------------------------

    def writes(self, path_part: str = "") -> list[Seen]:
        """The POST/PUT/PATCH/DELETE requests whose path holds path_part."""
        return [s for s in self.log if s.method not in ("GET", "OPTIONS") and path_part in s.path]

    def wait_idle(self, timeout: float = SLOW_SECONDS + 5) -> bool:
        """Wait until no request is held or being forwarded (a late `slow` write has landed)."""
        deadline = time.monotonic() + timeout
        with self._lock:
            while self._in_flight:
                left = deadline - time.monotonic()
                if left <= 0:
                    return False
                self._lock.wait(left)
        return True

    # -- the handler ---------------------------------------------------------------------

    def _handler_class(self):
        proxy = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.0"  # one request per connection (see the module doc)

            def log_message(self, format, *args):
                """Quiet: the log list says what happened."""

            def _any(self):
                seen = Seen(self.command, self.path, proxy._mode)
                proxy.log.append(seen)
                with proxy._lock:
                    proxy._in_flight += 1
                try:
                    self._serve(seen)
                except OSError:
                    pass  # the extension stopped waiting; the write may still have landed
                finally:
                    with proxy._lock:
                        proxy._in_flight -= 1
                        proxy._lock.notify_all()

            def _serve(self, seen: Seen):
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length) if length else None
                seen.body = body or b""
                if seen.mode == "error":
                    seen.status = 500
                    self._answer(500, [("Content-Type", "application/json")], ERROR_BODY)
                    return
                if seen.mode == "slow":
                    time.sleep(SLOW_SECONDS)
                headers = {k: v for k, v in self.headers.items() if k.lower() not in HOP_BY_HOP}
                headers["Host"] = f"{proxy.backend_host}:{proxy.backend_port}"  # its allow-list
                upstream = http.client.HTTPConnection(proxy.backend_host, proxy.backend_port,
                                                      timeout=30)
                try:
                    upstream.request(self.command, self.path, body=body, headers=headers)
                    response = upstream.getresponse()
                    data = response.read()
                    seen.forwarded, seen.status = True, response.status
                    passed = [(k, v) for k, v in response.getheaders()
                              if k.lower() not in HOP_BY_HOP]
                finally:
                    upstream.close()
                self._answer(response.status, passed, data)

            def _answer(self, status, headers, data):
                self.send_response(status)
                for key, value in headers:
                    self.send_header(key, value)
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            do_GET = do_POST = do_PUT = do_PATCH = do_DELETE = do_OPTIONS = _any

        return Handler


@pytest.fixture(scope="module")
def fault_proxy(backend):
    """A FaultProxy in front of the session's live backend, for one test module."""
    proxy = FaultProxy("127.0.0.1", backend.port)
    yield proxy
    proxy.close()


@pytest.fixture
def via_proxy(fault_proxy, backend, service_worker):
    """The extension paired with the backend through the proxy; afterwards, straight again.

    Starts with the proxy passing and no follow-up waiting; leaves the worker's retry queue
    empty, so a test that left one behind cannot make the next one pass or fail.
    """
    fault_proxy.mode = "pass"
    fault_proxy.log.clear()
    service_worker.evaluate(
        "([url, token]) => Promise.all([chrome.storage.local.set({backendUrl: url, pendingFollowUps: []}),"
        " FA.tokenStore.save(token)])",
        [fault_proxy.url, backend.token])
    yield fault_proxy
    fault_proxy.mode = "pass"
    service_worker.evaluate(
        "(url) => chrome.storage.local.set({backendUrl: url, pendingFollowUps: []})"
        ".then(() => chrome.alarms.clear('retry-follow-ups'))", backend.url)
