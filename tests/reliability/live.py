"""A live backend in a thread, as the e2e tests run it: a real socket, a real Host header."""
import threading
from collections import namedtuple
from contextlib import contextmanager

from werkzeug.serving import WSGIRequestHandler, make_server

from backend import create_app


class QuietHandler(WSGIRequestHandler):
    """No access log on stderr: RequestLog keeps what the tests need."""

    def log_request(self, *args, **kwargs):
        pass


Entry = namedtuple("Entry", "method path origin status allow_origin")


class RequestLog:
    """WSGI middleware that records every request served: the server's own access log."""

    def __init__(self, app):
        self.app, self.entries, self.lock = app, [], threading.Lock()

    def __call__(self, environ, start_response):
        def record(status, headers, *args):
            allow = dict(headers).get("Access-Control-Allow-Origin")
            with self.lock:
                self.entries.append(Entry(environ["REQUEST_METHOD"], environ.get("PATH_INFO", ""),
                                          environ.get("HTTP_ORIGIN"), int(status.split()[0]),
                                          allow))
            return start_response(status, headers, *args)

        return self.app(environ, record)


@contextmanager
def live_backend(database: str, token: str, **config):
    """Serve a fresh app on 127.0.0.1:<free port>; yield (app, base_url, log)."""
    app = create_app({"DATABASE": database, "TOKEN": token, "TESTING": True, **config})
    log = RequestLog(app.wsgi_app)
    app.wsgi_app = log
    server = make_server("127.0.0.1", 0, app, threaded=True, request_handler=QuietHandler)
    app.config["PORT"] = server.server_port
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield app, f"http://127.0.0.1:{server.server_port}", log
    finally:
        server.shutdown()
        thread.join(timeout=5)


@contextmanager
def live_waitress(database: str, token: str, limits: dict | None = None, **config):
    """Serve a fresh app with the real server (backend/server.py) on a free port; yield
    (app, port). `limits` overrides the server's limits, to compare with waitress's defaults."""
    from waitress import wasyncore

    from backend import server as server_module

    app = create_app({"DATABASE": database, "TOKEN": token, "TESTING": True, **config})
    saved = dict(server_module.LIMITS)
    server_module.LIMITS.update(limits or {})
    try:
        server = server_module.make_server(app, host="127.0.0.1", port=0)
    finally:
        server_module.LIMITS.clear()
        server_module.LIMITS.update(saved)
    app.config["PORT"] = server.effective_port
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    try:
        yield app, server.effective_port
    finally:
        server.task_dispatcher.shutdown(timeout=2)
        wasyncore.close_all(server._map)
        thread.join(timeout=5)
