"""Any body within the size limit costs about what a benign body of its length costs.

Ratios, not times: the machine is shared, so each figure is the best of a few CPU-time runs and
compared with another taken in the same test. Linear growth makes 20,000 characters cost 4x what
5,000 cost; a scan per hit to the end of the text makes it 16x.
"""
import json
import threading
import time
import urllib.request
from pathlib import Path

import pytest

from backend.checker import check
from backend.checker.adversarial import UNITS, benign, bodies
from tests import live_backend

ROOT = Path(__file__).resolve().parents[2]

SHORT, LONG = 5_000, 20_000
GROWTH_LIMIT = 8.0      # 20k vs 5k: 4x when linear, 16x when quadratic
VERSUS_BENIGN = 5.0     # the worst adversarial body vs a benign one of the same length
TOKEN = "t" * 32


def cpu_ms(body: str, runs: int = 3) -> float:
    """The least CPU time of `runs` checks of `body`, in milliseconds."""
    best = float("inf")
    for _ in range(runs):
        start = time.thread_time()
        check(body)
        best = min(best, time.thread_time() - start)
    return best * 1000


def test_the_set_covers_each_kind_of_attack():
    assert len(UNITS) >= 20
    for name, body in bodies(LONG).items():
        assert len(body) == LONG, name


@pytest.mark.parametrize("name", sorted(UNITS))
def test_cost_grows_linearly_with_length(name):
    short, long = bodies(SHORT)[name], bodies(LONG)[name]
    growth = cpu_ms(long) / max(cpu_ms(short), 0.05)
    if growth > GROWTH_LIMIT:  # once more, with more runs: a burst of someone else's work
        # (seen at a load of 8 on 2 cores: 8.5x once, 4.1x on its own)
        growth = cpu_ms(long, runs=7) / max(cpu_ms(short, runs=7), 0.05)
    assert growth <= GROWTH_LIMIT, f"{name}: 20k chars cost {growth:.1f}x 5k chars"


def test_the_worst_adversarial_body_costs_at_most_five_benign_ones():
    check(benign(LONG))  # warm: the first call loads what it needs
    yardstick = cpu_ms(benign(LONG), runs=5)
    costs = {name: cpu_ms(body) for name, body in bodies(LONG).items()}
    worst = max(costs, key=costs.get)
    if costs[worst] > VERSUS_BENIGN * yardstick:
        # Once more, the two interleaved, least of seven each: a burst of someone else's work
        # on this shared machine then lands on both, not on one (seen once at a load of 6).
        pair = {"benign": [], worst: []}
        for _ in range(7):
            pair["benign"].append(cpu_ms(benign(LONG), runs=1))
            pair[worst].append(cpu_ms(bodies(LONG)[worst], runs=1))
        yardstick, costs[worst] = min(pair["benign"]), min(pair[worst])
    assert costs[worst] <= VERSUS_BENIGN * yardstick, (
        f"{worst}: {costs[worst]:.1f} ms vs benign {yardstick:.1f} ms")


def test_findings_stay_few_on_a_body_of_one_blank_repeated():
    found = check(bodies(LONG)["placeholders without spaces"])
    assert 0 < len(found) <= 60
    assert all(f.match == bodies(LONG)["placeholders without spaces"][f.start:f.end]
               for f in found)


@pytest.fixture
def server(tmp_path):
    """`python -m backend` as the user runs it (waitress, request threads), on a free port."""
    with live_backend.running(tmp_path, token=TOKEN) as live:
        yield live.url


def test_the_server_answers_other_requests_while_hostile_checks_run(server):
    """Checks run in request threads: none may hold the others up until it is done."""
    hostile = [bodies(LONG)[name] for name in ("placeholders without spaces", "threat openings",
                                               "shouts between blanks", "underscores")]

    def post(body):
        request = urllib.request.Request(
            f"{server}/api/v1/check", data=json.dumps({"body": body}).encode(),
            headers={"Content-Type": "application/json", "Authorization": f"Bearer {TOKEN}"})
        with urllib.request.urlopen(request, timeout=60) as answer:
            return answer.status

    def get_health():
        started = time.perf_counter()
        with urllib.request.urlopen(f"{server}/api/v1/health", timeout=60) as answer:
            assert answer.status == 200
        return time.perf_counter() - started

    get_health()
    started = time.perf_counter()
    post(hostile[0])
    one_check = time.perf_counter() - started
    statuses, stop = [], threading.Event()

    def hammer(body):
        while not stop.is_set():
            statuses.append(post(body))

    threads = [threading.Thread(target=hammer, args=(body,)) for body in hostile]
    for thread in threads:
        thread.start()
    try:
        time.sleep(0.3)
        waits = [get_health() for _ in range(10)]
    finally:
        stop.set()
        for thread in threads:
            thread.join(timeout=60)
    assert statuses and set(statuses) == {200}
    # Four hostile checks at once on a shared machine: health waits its turn among them, not
    # for them all to finish one after another. The floor is the product's own bar for /health
    # (an answer within 0.5 s): with checks this fast, four of them back to back take less than
    # that, and the interpreter's lock hand-offs alone cost a busy machine about 0.25 s.
    assert sorted(waits)[len(waits) // 2] < max(4 * one_check, 0.5), (waits, one_check)
