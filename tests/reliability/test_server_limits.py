"""The real server holds under abuse: slow or idle connections cannot starve the extension's
requests, and the errors waitress answers by itself come in the one JSON error shape."""
import json
import socket
import threading
import time
import urllib.request

import pytest

from backend import server as server_module
from tests.live_backend import in_waitress

TOKEN = "server-limits-token-0123456789"
SLOW_CONNECTIONS = 150
WAITRESS_DEFAULTS = {"connection_limit": 100, "channel_timeout": 120, "cleanup_interval": 30}


@pytest.fixture
def served(tmp_path):
    with in_waitress(str(tmp_path / "followup.db"), TOKEN) as live:
        yield live


def raw(port: int, data: bytes) -> tuple[int, dict, bytes]:
    """Send bytes as they are; (status, headers, body) of the answer."""
    with socket.create_connection(("127.0.0.1", port), timeout=5) as connection:
        connection.sendall(data)
        answer = b""
        try:
            while chunk := connection.recv(65536):
                answer += chunk
        except ConnectionResetError:  # closed with our request's tail unread: the answer came
            assert answer, "reset before any answer"
    head, _, body = answer.partition(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    headers = dict(line.split(": ", 1) for line in lines[1:])
    return int(lines[0].split()[1]), {k.lower(): v for k, v in headers.items()}, body


@pytest.mark.parametrize("request_bytes, status, code", [
    (b"GET /api/v1/health HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Big: " + b"a" * 40_000 + b"\r\n\r\n",
     431, "headers_too_large"),
    (b"POST /api/v1/check HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 2\r\n"
     b"Content-Length: 3\r\nContent-Type: application/json\r\n\r\n{}", 400, "bad_request"),
    (b"GET /api/v1/health HTTP/1.1\r\nHost 127.0.0.1\r\n\r\n", 400, "bad_request"),
    (b"GET /api/v1/health HTTP/1.1\r\nHost: 127.0.0.1\r\nTransfer-Encoding: gzip\r\n\r\n",
     501, "not_implemented"),
])
def test_errors_the_server_sends_by_itself_are_the_one_json_shape(
        served, request_bytes, status, code):
    _, port = served
    got, headers, body = raw(port, request_bytes)
    assert got == status
    assert headers["content-type"] == "application/json"
    error = json.loads(body)["error"]
    assert error["code"] == code and error["message"]


def health_times(port: int, seconds: float) -> list[float]:
    """The extension's requests, one every 0.1 s: how long each took (10 s if it never came)."""
    times, ends = [], time.monotonic() + seconds
    while time.monotonic() < ends:
        started = time.monotonic()
        try:
            request = urllib.request.Request(f"http://127.0.0.1:{port}/api/v1/profile")
            request.add_header("Authorization", f"Bearer {TOKEN}")
            with urllib.request.urlopen(request, timeout=2) as answer:
                assert answer.status == 200
            times.append(time.monotonic() - started)
        except OSError:
            times.append(10.0)
        time.sleep(0.1)
    return times


def slow_clients(port: int, count: int, stop: threading.Event) -> list[socket.socket]:
    """`count` connections each sending a request's start, then one byte a second, never done."""
    sockets = []
    try:
        for _ in range(count):
            connection = socket.create_connection(("127.0.0.1", port), timeout=5)
            sockets.append(connection)
            connection.sendall(b"GET /api/v1/health HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ")
    except OSError:  # a busy machine refused or timed one out: close the rest, not the GC later
        for connection in sockets:
            connection.close()
        raise

    def trickle():
        for _ in range(30):  # bounded: 30 s at most
            if stop.wait(1):
                return
            for connection in sockets:
                try:
                    connection.send(b"a")
                except OSError:
                    pass

    threading.Thread(target=trickle, daemon=True).start()
    return sockets


def test_150_slow_connections_do_not_stop_the_extensions_requests(served, monkeypatch):
    app, port = served
    stop = threading.Event()
    sockets = slow_clients(port, SLOW_CONNECTIONS, stop)
    try:
        times = health_times(port, 4)
    finally:
        stop.set()
        for connection in sockets:
            connection.close()
    assert max(times) < 0.5, f"slowest request under attack: {max(times):.3f} s"
    times.sort()
    print(f"\nunder {SLOW_CONNECTIONS} slow connections: p50 {times[len(times) // 2] * 1000:.1f} ms,"
          f" max {times[-1] * 1000:.1f} ms over {len(times)} requests")


def test_a_request_that_trickles_in_is_dropped_however_slowly_it_comes(
        tmp_path, monkeypatch):
    monkeypatch.setattr(server_module, "REQUEST_SECONDS", 1)
    with in_waitress(str(tmp_path / "followup.db"), TOKEN) as (_, port):
        stop = threading.Event()
        (connection,) = slow_clients(port, 1, stop)
        try:
            connection.settimeout(6)
            started = time.monotonic()
            try:
                answer = connection.recv(100)
            except ConnectionResetError:
                # The trickle's next byte reached a socket the server had closed, and the
                # kernel answered it with a reset: dropped all the same.
                answer = b""
            assert answer == b""  # closed by the server, not answered
            assert time.monotonic() - started < 5
        finally:
            stop.set()
            connection.close()


def test_with_waitress_defaults_the_same_attack_locks_the_extension_out(tmp_path):
    """The control: what the limits above prevent is real."""
    with in_waitress(str(tmp_path / "followup.db"), TOKEN, limits=WAITRESS_DEFAULTS) as (
            _, port):
        stop = threading.Event()
        sockets = slow_clients(port, SLOW_CONNECTIONS, stop)
        try:
            times = health_times(port, 2.5)
        finally:
            stop.set()
            for connection in sockets:
                connection.close()
    assert min(times) >= 2, times  # not one request answered
