"""The load mix of bench/bench_load.py, shortened: 5 s at 50 requests a second, no error.

Timing is for the bench (p50, p99 printed there); a shared test machine asserts correctness only.
"""
import pytest

from bench.bench_load import ON, run_load, serve
from bench.seed import seed

SECONDS, INTERVIEWS = 5, 2000


@pytest.fixture
def server(tmp_path):
    _, due = seed(str(tmp_path / "followup.db"), ON, count=INTERVIEWS)
    live = serve(str(tmp_path / "followup.db"))
    yield live.port, due
    live.stop()


def test_the_extensions_mix_at_fifty_a_second_gets_no_error(server):
    port, due = server
    samples = run_load(port, list(range(1, due + 1)), INTERVIEWS, seconds=SECONDS)
    assert len(samples) == 50 * SECONDS
    assert {s.kind for s in samples} >= {"due list", "draft", "check", "interview"}
    errors = [(s.kind, s.status) for s in samples if not 200 <= s.status < 300]
    assert errors == []
