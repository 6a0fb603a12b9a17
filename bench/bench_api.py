"""Latency of the list pages beside health, over loopback with waitress.

At 10,000 interviews over three years (55% replied, 30% closed, the rest never followed up:
about 1,500 overdue), a page of the due list must answer within 3x the floor's (health) p99,
in one run. Then the same pages at 1,000, 10,000 and 50,000 interviews: the cost of a page
must not grow with the stale rows.
"""
import http.client
import json
import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.seed import TOKEN, seed  # noqa: E402
from tests import live_backend  # noqa: E402

ON = date(2026, 3, 18)
ROUNDS, SCALE_ROUNDS = 1000, 300
TARGET = 3.0  # a due page's p99 within this many times health's p99
SIZES = (1_000, 10_000, 50_000)


def percentile(samples, p):
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


class Served:
    """A seeded database behind the real server (tests/live_backend.py: `python -m backend`,
    waitress, its own process, as `make run` serves), and one keep-alive connection."""

    def __init__(self, count: int):
        started = time.perf_counter()
        folder = Path(tempfile.mkdtemp())
        _, self.due = seed(str(folder / "bench.db"), ON, count=count)
        self.seconds = time.perf_counter() - started
        self.live = live_backend.start(folder, database="bench.db", token=TOKEN)
        self.connection = http.client.HTTPConnection("127.0.0.1", self.live.port)

    def get(self, path: str) -> tuple[float, bytes]:
        begin = time.perf_counter()
        self.connection.request("GET", path, headers={"Authorization": f"Bearer {TOKEN}"})
        response = self.connection.getresponse()
        body = response.read()
        took = (time.perf_counter() - begin) * 1000
        assert response.status == 200, (path, response.status, body[:200])
        return took, body

    def close(self):
        self.connection.close()
        self.live.stop()


def measure(served: Served, paths: dict, rounds: int) -> dict:
    """Interleaved rounds, so machine noise hits every route alike; ms per request."""
    timings = {name: [] for name in paths}
    for _ in range(rounds):
        for name, path in paths.items():
            timings[name].append(served.get(path)[0])
    return timings


def routes(served: Served) -> dict:
    second = json.loads(served.get(f"/api/v1/due?on={ON}")[1])["next"]
    return {
        "health (floor)": "/api/v1/health",
        "due page 1": f"/api/v1/due?on={ON}",
        "due page 2": f"/api/v1/due?on={ON}&cursor={second}",
        "all, page 1": f"/api/v1/interviews?on={ON}",
        "overdue tab": f"/api/v1/interviews?on={ON}&state=overdue",
        "search q=": f"/api/v1/interviews?on={ON}&q=person%2042",
        "one interview": f"/api/v1/interviews/25?on={ON}",
    }


def main() -> int:
    served = Served(10_000)
    first = json.loads(served.get(f"/api/v1/due?on={ON}")[1])
    print(f"seeded 10,000 interviews in {served.seconds:.1f} s; {first['total']:,} due or "
          f"overdue on {ON}; counts {first['counts']}")
    timings = measure(served, routes(served), ROUNDS)
    whole = len(served.get(f"/api/v1/due?on={ON}&limit=200")[1])
    served.close()
    floor = percentile(timings["health (floor)"], 99)
    print(f"{'route':<16}{'p50 ms':>9}{'p99 ms':>9}{'p99 / floor':>13}")
    for name, samples in timings.items():
        p99 = percentile(samples, 99)
        print(f"{name:<16}{statistics.median(samples):>9.2f}{p99:>9.2f}{p99 / floor:>12.1f}x")
    ratio = percentile(timings["due page 1"], 99) / floor
    print(f"a due page of 50 is {len(json.dumps(first)):,} bytes (200 rows: {whole:,})")
    print(f"due page p99 = {ratio:.1f}x health p99 (target <= {TARGET:.0f}x): "
          f"{'met' if ratio <= TARGET else 'NOT met'}")

    print(f"\nA page as the stale rows grow ({SCALE_ROUNDS} interleaved rounds each):")
    print(f"{'interviews':>11}{'overdue':>9}{'health p99':>12}{'due p50':>9}{'due p99':>9}"
          f"{'all p99':>9}{'due/floor':>11}")
    ratios = []
    for count in SIZES:
        served = Served(count)
        overdue = json.loads(served.get(f"/api/v1/due?on={ON}")[1])["counts"]["overdue"]
        paths = {"health": "/api/v1/health", "due": f"/api/v1/due?on={ON}",
                 "all": f"/api/v1/interviews?on={ON}"}
        scale = measure(served, paths, SCALE_ROUNDS)
        served.close()
        floor = percentile(scale["health"], 99)
        due_p99 = percentile(scale["due"], 99)
        ratios.append(due_p99 / floor)
        print(f"{count:>11,}{overdue:>9,}{floor:>12.2f}{statistics.median(scale['due']):>9.2f}"
              f"{due_p99:>9.2f}{percentile(scale['all'], 99):>9.2f}{ratios[-1]:>10.1f}x")
    flat = ratios[-1] <= max(TARGET, 1.5 * ratios[0])
    print(f"a due page at 50,000 interviews costs {ratios[-1] / ratios[0]:.2f}x what it costs "
          f"at 1,000 (relative to health): {'flat' if flat else 'GROWS'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
