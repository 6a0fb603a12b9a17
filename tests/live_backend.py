"""A live backend for tests, browser tests and benchmarks: the one way to start, reach and stop one.

`start(folder)` runs the real server (`python -m backend`, waitress) in a process of its own, on a
free loopback port, with its own data folder, and returns once `/health` answers: a `LiveBackend`
with its url, token, folder and database, a client (`api`) and `stop()`. A process of its own
keeps it apart from the test process: peewee's database is one module-level object, so a backend
served in the test process would be moved onto another file by any later `create_app`.

A few tests need the app object itself (its request log, its server limits): `in_thread` and
`in_waitress` serve an app made in this process, for those only.

The helpers around it (`free_port`, `wait_for_health`, `wait_until_closed`, `listening`,
`silent_server`) are here too, so no test writes its own.
"""
import http.client
import json
import os
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from collections import namedtuple
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TOKEN = "live-backend-token"  # accepted as-is by the backend (FOLLOWUP_TOKEN), never stored
START_SECONDS = 60  # a cold start on a busy 2-core machine (imports, migrations) takes seconds
STOP_SECONDS = 10


def free_port() -> int:
    """A loopback port nothing listens on (the system's choice, given back at once)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextmanager
def silent_server():
    """A loopback address that accepts connections and never answers (a stuck backend); yields its url."""
    with socket.socket() as silent:
        silent.bind(("127.0.0.1", 0))
        silent.listen(8)
        yield f"http://127.0.0.1:{silent.getsockname()[1]}"


def listening(port: int) -> bool:
    with socket.socket() as probe:
        return probe.connect_ex(("127.0.0.1", port)) == 0


def healthy(port: int, timeout: float = 2) -> bool:
    """Does our backend answer /health on this port?"""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        connection.request("GET", "/api/v1/health")
        return connection.getresponse().status == 200
    except (OSError, http.client.HTTPException):
        return False
    finally:
        connection.close()


def wait_for_health(port: int, process: subprocess.Popen | None = None,
                    timeout: float = START_SECONDS, log: Path | None = None) -> None:
    """Until the backend on `port` answers /health; fails early when its process has ended."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process is not None and process.poll() is not None:
            raise AssertionError(f"the backend exited with {process.returncode}{_tail(log)}")
        if healthy(port):
            return
        time.sleep(0.02)
    raise AssertionError(f"the backend did not answer /health within {timeout:.0f} s{_tail(log)}")


def wait_until_closed(port: int, timeout: float = STOP_SECONDS) -> None:
    """Until nothing listens on the port any more."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if not listening(port):
            return
        time.sleep(0.05)
    raise AssertionError(f"port {port} still open after {timeout:.0f} s")


def _tail(log: Path | None) -> str:
    if log is None or not log.exists():
        return ""
    return ":\n" + "\n".join(log.read_text(errors="replace").splitlines()[-20:])


@dataclass
class Answer:
    """One HTTP answer from the backend."""
    status: int
    json: object


class Client:
    """Calls the API with a token, as the extension would."""

    def __init__(self, url: str, token: str):
        self.url, self.token = url, token

    def api(self, method: str, path: str, json=None, headers=None) -> Answer:
        """Call the API with the token; Answer(status, json) for any status."""
        data = None if json is None else _dumps(json)
        request = urllib.request.Request(self.url + path, data=data, method=method.upper())
        request.add_header("Authorization", f"Bearer {self.token}")
        if data is not None:
            request.add_header("Content-Type", "application/json")
        for key, value in (headers or {}).items():
            request.add_header(key, value)
        try:
            with urllib.request.urlopen(request, timeout=10) as response:
                return Answer(response.status, _loads(response.read()))
        except urllib.error.HTTPError as error:
            with error:
                return Answer(error.code, _loads(error.read()))

    def clear(self) -> None:
        """Delete every interview, so a test starts from an empty list (the list answers by pages)."""
        while True:
            page = self.api("GET", "/api/v1/interviews?limit=200").json["interviews"]
            if not page:
                return
            for interview in page:
                self.api("DELETE", f"/api/v1/interviews/{interview['id']}")


def _dumps(value) -> bytes:
    return json.dumps(value).encode()


def _loads(body: bytes):
    return json.loads(body) if body else None


class LiveBackend(Client):
    """The backend in its own process: url, port, token, folder, database, country; stop()."""

    def __init__(self, process: subprocess.Popen, port: int, token: str, folder: Path,
                 database: Path, country: str, log: Path, env: dict):
        super().__init__(f"http://127.0.0.1:{port}", token)
        self.process, self.port, self.folder, self.database = process, port, folder, database
        self.country, self.log, self.env = country, log, env

    def stop(self) -> int:
        """Stop it as Ctrl+C would (waitress closes, the process exits), killed if it will not;
        returns once the port is free. The exit code."""
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGINT)
            try:
                self.process.wait(timeout=STOP_SECONDS)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        wait_until_closed(self.port)
        return self.process.returncode

    def kill(self) -> None:
        """SIGKILL: no shutdown, no checkpoint (for crash tests)."""
        self.process.kill()
        self.process.wait()


def backend_env(database: Path, port: int, token: str | None, country: str | None = None,
                extra: dict | None = None) -> dict:
    """The environment of a backend process: this one's, without the user's own FOLLOWUP_*
    settings, plus the test's database, port, token and country."""
    env = {key: value for key, value in os.environ.items() if not key.startswith("FOLLOWUP_")}
    env.update({"FOLLOWUP_DB": str(database), "FOLLOWUP_PORT": str(port),
                "FOLLOWUP_HOST": "127.0.0.1"})
    if token:
        env["FOLLOWUP_TOKEN"] = token
    if country:
        env["FOLLOWUP_COUNTRY"] = country
    env.update(extra or {})
    return env


def start(folder: Path, *, token: str | None = TOKEN, port: int | None = None,
          database: str = "followup.db", country: str | None = None, env: dict | None = None,
          timeout: float = START_SECONDS) -> LiveBackend:
    """`python -m backend` with its data in `folder`, on `port` (a free one by default); returns
    once /health answers. `token` is accepted as-is (None: only paired tokens); `env` adds or
    overrides variables."""
    from backend.timing.rules import RULES

    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    port = port or free_port()
    country = (country or RULES.default_country).upper()
    path = folder / database
    environment = backend_env(path, port, token, country, env)
    log = folder / "server.log"
    with open(log, "ab") as output:
        process = subprocess.Popen([sys.executable, "-m", "backend"], cwd=ROOT, env=environment,
                                   stdin=subprocess.DEVNULL, stdout=output, stderr=subprocess.STDOUT)
    live = LiveBackend(process, port, token or "", folder, path, country, log, environment)
    try:
        wait_for_health(port, process, timeout, log)
    except BaseException:
        live.kill()
        raise
    return live


@contextmanager
def running(folder: Path, **options):
    """`start`, then `stop` whatever happens."""
    live = start(folder, **options)
    try:
        yield live
    finally:
        live.stop()


# --- an app made in this process, for the few tests that need the app itself -----------------

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
def in_thread(database: str, token: str, **config):
    """Serve a fresh app on 127.0.0.1:<free port> in a thread; yield (app, base_url, log)."""
    from werkzeug.serving import WSGIRequestHandler, make_server

    from backend import create_app

    class QuietHandler(WSGIRequestHandler):
        def log_request(self, *args, **kwargs):  # RequestLog keeps what the tests need
            pass

    app = create_app({"DATABASE": database, "TOKEN": token, "TESTING": True, **config})
    log = RequestLog(app.wsgi_app)
    app.wsgi_app = log
    server = make_server("127.0.0.1", 0, app, threaded=True, request_handler=QuietHandler)
    app.config["PORT"] = server.server_port  # the Host allow-list reads it per request
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield app, f"http://127.0.0.1:{server.server_port}", log
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


@contextmanager
def in_waitress(database: str, token: str, limits: dict | None = None, **config):
    """Serve a fresh app with the real server (backend/server.py) in a thread; yield (app, port).
    `limits` overrides the server's limits, to compare with waitress's defaults."""
    from waitress import wasyncore

    from backend import create_app
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
        server.close()  # stop accepting first: a connection still in the backlog gets no channel
        wasyncore.close_all(server._map)
        thread.join(timeout=5)
        # A channel the loop was opening while the map was closed would otherwise be left for the
        # garbage collector, whose ResourceWarning then fails whatever test runs at that moment.
        wasyncore.close_all(server._map)
