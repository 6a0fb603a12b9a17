"""Latency of the due list and one interview beside health, over loopback with waitress.

Target (issue 2): the due list's p99 within 5x the floor's (health) p99.
"""
import http.client
import statistics
import sys
import tempfile
import threading
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from waitress.server import create_server  # noqa: E402

from bench.seed import TOKEN, seed  # noqa: E402

ON = date(2026, 3, 18)
ROUNDS = 1000


def percentile(samples, p):
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def main():
    folder = tempfile.mkdtemp()
    started = time.perf_counter()
    app, due = seed(f"{folder}/bench.db", ON)
    print(f"seeded 10,000 interviews in {time.perf_counter() - started:.1f} s; {due} due on {ON}")
    server = create_server(app, host="127.0.0.1", port=0, threads=4)
    port = server.effective_port
    app.config["PORT"] = port
    threading.Thread(target=server.run, daemon=True).start()
    connection = http.client.HTTPConnection("127.0.0.1", port)
    headers = {"Authorization": f"Bearer {TOKEN}"}
    paths = {"health (floor)": "/api/v1/health", "due list": f"/api/v1/due?on={ON}",
             "one interview": f"/api/v1/interviews/25?on={ON}"}
    timings = {name: [] for name in paths}
    for _ in range(ROUNDS):  # interleaved, so machine noise hits every route alike
        for name, path in paths.items():
            begin = time.perf_counter()
            connection.request("GET", path, headers=headers)
            response = connection.getresponse()
            response.read()
            timings[name].append((time.perf_counter() - begin) * 1000)
            assert response.status == 200, (path, response.status)
    floor = percentile(timings["health (floor)"], 99)
    print(f"{'route':<16}{'p50 ms':>9}{'p99 ms':>9}{'p99 / floor':>13}")
    for name, samples in timings.items():
        p99 = percentile(samples, 99)
        print(f"{name:<16}{statistics.median(samples):>9.2f}{p99:>9.2f}{p99 / floor:>12.1f}x")
    ratio = percentile(timings["due list"], 99) / floor
    print(f"due list p99 = {ratio:.1f}x health p99 (target <= 5x): "
          f"{'met' if ratio <= 5 else 'NOT met'}")



if __name__ == "__main__":
    main()
