"""The HTTP server: waitress, with limits that keep slow clients from locking the extension out,
and the one JSON error shape even for the errors waitress answers by itself.

Why these numbers: waitress buffers a whole request before a thread sees it, so slow clients
cost no thread, only a connection. By default it holds 100 connections and waits 120 s for an
idle one, so 100 half-sent requests from any local account stop every other request for two
minutes. Here a connection may stay idle 10 s, a request must arrive whole within 10 s of its
first byte however slowly it trickles, and 500 connections fit (poll(), not select(), so more
than 1,024 descriptors are no problem). 150 slow connections leave the extension's requests
untouched; even past 500, the oldest are dropped within seconds.
"""
import json
import socket
import time
import urllib.error
import urllib.request

from waitress.adjustments import Adjustments
from waitress.channel import HTTPChannel
from waitress.parser import HTTPRequestParser
from waitress.server import TcpWSGIServer
from waitress.task import ErrorTask, ThreadedTaskDispatcher

THREADS = 8
LIMITS = {
    "connection_limit": 500,           # open connections at once (default 100)
    "channel_timeout": 10,             # seconds an idle connection is kept (default 120)
    "cleanup_interval": 1,             # how often both timeouts are looked at (default 30)
    "max_request_header_size": 32 * 1024,  # the extension's headers are under 1 KB
    "asyncore_use_poll": True,         # poll(): no 1,024-descriptor ceiling
    "ident": "followup-assistant",     # the Server header: `whos_there` knows us by it
}
REQUEST_SECONDS = 10  # a request must arrive whole within this long of its first byte

# What the user's client is told, in the one JSON error shape, per status waitress sends.
ERRORS = {
    400: ("bad_request", "The request could not be read."),
    413: ("too_large", "The request is too large."),
    431: ("headers_too_large", "The request's headers are too large."),
    500: ("internal", "Something went wrong on our side."),
    501: ("not_implemented", "The server does not support that."),
}


class JsonErrorTask(ErrorTask):
    """Waitress's own error answers (malformed request, headers too large) as JSON."""

    def execute(self):
        error = self.request.error
        code, message = ERRORS.get(error.code, ("http_error", error.reason))
        body = json.dumps({"error": {"code": code, "message": message}}).encode()
        self.status = f"{error.code} {error.reason}"
        self.response_headers.append(("Content-Type", "application/json"))
        self.set_close_on_finish()
        self.content_length = len(body)
        self.write(body)


class TimedParser(HTTPRequestParser):
    """A request parser that remembers when its first byte came."""

    def __init__(self, adj):
        super().__init__(adj)
        self.started = time.monotonic()


class Channel(HTTPChannel):
    parser_class = TimedParser
    error_task_class = JsonErrorTask


class Server(TcpWSGIServer):
    channel_class = Channel

    def maintenance(self, now):
        """Close idle connections (waitress's rule), and those whose request trickles in."""
        super().maintenance(now)
        cutoff = time.monotonic() - REQUEST_SECONDS
        for channel in list(self.active_channels.values()):
            request = channel.request
            if request is not None and not request.completed and request.started < cutoff:
                channel.will_close = True


def make_server(app, host: str | None = None, port: int | None = None) -> Server:
    """The listening server for `app` (its HOST and PORT unless given); `.run()` serves."""
    adj = Adjustments(host=host or app.config["HOST"],
                      port=app.config["PORT"] if port is None else port, threads=THREADS,
                      **LIMITS)
    dispatcher = ThreadedTaskDispatcher()
    dispatcher.set_thread_count(adj.threads)
    return Server(app, map={}, dispatcher=dispatcher, adj=adj, sockinfo=adj.listen[0])


def whos_there(host: str, port: int) -> str | None:
    """"ours" if Follow-up Assistant answers on host:port, "other" if something else listens,
    None if the port is free."""
    try:
        with socket.create_connection((host, port), timeout=1):
            pass
    except OSError:
        return None
    try:
        with urllib.request.urlopen(f"http://{host}:{port}/api/v1/health", timeout=3) as answer:
            body = json.loads(answer.read())
            server = answer.headers.get("Server", "")
    except (OSError, ValueError, urllib.error.URLError):
        return "other"
    ours = isinstance(body, dict) and body.get("status") == "ok" and LIMITS["ident"] in server
    return "ours" if ours else "other"
