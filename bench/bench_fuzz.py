"""API fuzzing at length: schemathesis, every route, at least 5,000 requests, both ways.

Figures: requests sent, server errors (5xx), answers off the documented schema. Target: 0, 0.
"""
import collections
import random
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.live_backend import in_thread
from tests.reliability.fuzzing import fuzz

TOKEN = "fuzz-token-0123456789"
REQUESTS = 5000


def main() -> int:
    seed = random.randrange(2**32)
    started = time.perf_counter()
    with in_thread(f"{tempfile.mkdtemp()}/fuzz.db", TOKEN) as (app, base_url, log):
        report = fuzz(base_url, TOKEN, REQUESTS, lambda: len(log.entries), seed=seed)
        statuses = collections.Counter(entry[3] for entry in log.entries)
    took = time.perf_counter() - started
    errors = sum(count for status, count in statuses.items() if status >= 500)
    print(f"seed {seed}; {len(report.operations)} operations, positive and negative cases")
    print(f"requests: {sum(statuses.values()):,} in {took:.0f} s; answers by status: "
          + ", ".join(f"{status}: {count}" for status, count in sorted(statuses.items())))
    print(f"server errors (5xx): {errors}; failed checks: {len(report.failures)} "
          "(target: 0 and 0)")
    for (operation, mode, kind), example in sorted(report.failures.items()):
        print(f"  {operation} [{mode}] {kind}\n    {example}")
    met = not errors and not report.failures
    print(f"target 0 server errors and 0 failed checks: {'met' if met else 'NOT met'}")
    return 0  # like every bench: figures printed, so `make bench` goes on to the next one


if __name__ == "__main__":
    sys.exit(main())
