"""Load on loopback: 50 requests a second of the extension's mix for 60 s, 10,000 interviews.

The server is the real one (`python -m backend`, waitress, as `make run` starts it) in its own
process. Requests are sent on a fixed schedule (open loop: a slow answer does not delay the
next request), by several client threads; each latency counts from the moment its request
was due, so time spent waiting for a free client counts too.
Target: p99 under 50 ms and no error.
"""
import http.client
import json
import queue
import random
import statistics
import sys
import tempfile
import threading
import time
import uuid
from dataclasses import dataclass
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.seed import TOKEN, seed  # noqa: E402
from tests import live_backend  # noqa: E402

ON = date(2026, 3, 18)
RATE, SECONDS, CLIENTS = 50, 60, 8
TARGET_P99_MS = 50
DRAFT = ("Hi Dana,\n\nThank you again for taking the time to talk with me on Tuesday about the "
         "Product Manager role. I enjoyed hearing how the team plans the next release, and our "
         "conversation about onboarding has stayed with me.\n\nSince we spoke I put together a "
         "short note on how I would measure onboarding drop-off; I am happy to share it if it "
         "helps. Is there anything else I can send you as you make your decision?\n\nBest,\nSam")


def mix(rng: random.Random, due_ids: list[int], count: int):
    """(kind, method, path, body): what the popup, the panel and the options page ask for."""
    interview = rng.choice(due_ids)
    weighted = [
        (20, ("due list", "GET", f"/api/v1/due?on={ON}", None)),
        (15, ("interview", "GET", f"/api/v1/interviews/{rng.randint(1, count)}?on={ON}", None)),
        (10, ("by e-mail", "GET", f"/api/v1/interviews?email=person{interview - 1}@example.com"
                                  f"&on={ON}", None)),
        (20, ("draft", "POST", "/api/v1/drafts", {"interview_id": interview, "on": str(ON)})),
        (25, ("check", "POST", "/api/v1/check", {"body": DRAFT, "subject": "Following up",
                                                 "interview_id": interview, "on": str(ON)})),
        (5, ("profile", "GET", "/api/v1/profile", None)),
        (5, ("new interview", "POST", "/api/v1/interviews", {
            "company": "Load Co", "position": "Analyst", "interview_date": str(ON),
            "interviewer_email": "load@example.com"})),
    ]
    total = sum(weight for weight, _ in weighted)
    pick = rng.uniform(0, total)
    for weight, request in weighted:
        pick -= weight
        if pick <= 0:
            return request
    return weighted[-1][1]


@dataclass
class Sample:
    kind: str
    status: int
    latency_ms: float


def client(port: int, jobs: queue.Queue, samples: list, lock: threading.Lock) -> None:
    """Send each job when it comes due; a fresh connection after any failure."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    headers = {"Authorization": f"Bearer {TOKEN}", "Content-Type": "application/json"}
    while (job := jobs.get()) is not None:
        due, (kind, method, path, body) = job
        extra = {"Idempotency-Key": str(uuid.uuid4())} if method == "POST" and \
            path == "/api/v1/interviews" else {}
        try:
            connection.request(method, path, body=json.dumps(body) if body else None,
                               headers={**headers, **extra})
            response = connection.getresponse()
            response.read()
            status = response.status
        except (OSError, http.client.HTTPException):
            status = 0
            connection.close()
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        with lock:
            samples.append(Sample(kind, status, (time.perf_counter() - due) * 1000))
    connection.close()


def run_load(port: int, due_ids: list[int], count: int, rate: int = RATE,
             seconds: float = SECONDS, clients: int = CLIENTS, rng_seed: int = 11) -> list:
    """Open loop: request i is due at start + i / rate, whoever is free sends it."""
    rng = random.Random(rng_seed)
    jobs: queue.Queue = queue.Queue()
    samples: list[Sample] = []
    lock = threading.Lock()
    threads = [threading.Thread(target=client, args=(port, jobs, samples, lock))
               for _ in range(clients)]
    for thread in threads:
        thread.start()
    start = time.perf_counter() + 0.1
    for i in range(int(rate * seconds)):
        due = start + i / rate
        time.sleep(max(0.0, due - time.perf_counter()))
        jobs.put((due, mix(rng, due_ids, count)))
    for _ in threads:
        jobs.put(None)
    for thread in threads:
        thread.join()
    return samples


def percentile(values, p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def serve(database: str) -> live_backend.LiveBackend:
    """`python -m backend` on the database, on a free port, answering once health does."""
    path = Path(database)
    return live_backend.start(path.parent, database=path.name, token=TOKEN)


def due_ids(count_due: int) -> list[int]:
    """bench.seed makes the first `due_target` interviews the ones due on ON."""
    return list(range(1, count_due + 1))


def main() -> int:
    folder = tempfile.mkdtemp()
    started = time.perf_counter()
    _, due = seed(f"{folder}/followup.db", ON)
    print(f"seeded 10,000 interviews in {time.perf_counter() - started:.0f} s; {due} due on {ON}")
    server = serve(f"{folder}/followup.db")
    try:
        samples = run_load(server.port, due_ids(due), 10_000)
    finally:
        server.stop()
    latencies = [s.latency_ms for s in samples]
    errors = [s for s in samples if not 200 <= s.status < 300]
    p50, p99 = statistics.median(latencies), percentile(latencies, 99)
    print(f"{len(samples):,} requests in {SECONDS} s at {RATE}/s, open loop, {CLIENTS} clients")
    print(f"{'kind':<14}{'count':>7}{'p50 ms':>9}{'p99 ms':>9}")
    for kind in sorted({s.kind for s in samples}):
        mine = [s.latency_ms for s in samples if s.kind == kind]
        print(f"{kind:<14}{len(mine):>7}{statistics.median(mine):>9.1f}"
              f"{percentile(mine, 99):>9.1f}")
    print(f"all: p50 {p50:.1f} ms, p99 {p99:.1f} ms, max {max(latencies):.1f} ms; errors: "
          f"{len(errors)} ({len(errors) / len(samples):.2%})")
    met = p99 < TARGET_P99_MS and not errors
    print(f"target p99 < {TARGET_P99_MS} ms and no error: {'met' if met else 'NOT met'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
