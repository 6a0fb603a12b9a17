"""Schemathesis against the live backend (a shortened run; bench/bench_fuzz.py runs 5,000+)."""
from backend.openapi import document
from tests.live_backend import in_thread
from tests.reliability.fuzzing import fuzz

TOKEN = "fuzz-token-0123456789"
REQUESTS = 800


def test_no_server_error_and_no_answer_off_the_document(tmp_path):
    with in_thread(str(tmp_path / "fuzz.db"), TOKEN) as (app, base_url, log):
        report = fuzz(base_url, TOKEN, REQUESTS, lambda: len(log.entries), seed=6)
        statuses = [entry.status for entry in log.entries]
    assert len(statuses) >= REQUESTS
    assert not [s for s in statuses if s >= 500]
    assert report.failures == {}, "\n".join(f"{k}: {v}" for k, v in report.failures.items())
    documented = {f"{method.upper()} {path}" for path, item in document()["paths"].items()
                  for method in item}
    # Every route, drafts and templates too; schemathesis reads the document itself but does
    # not fuzz it, so that one is asserted from the log.
    assert set(report.operations) == documented - {"GET /api/v1/openapi.json"}
    assert ("GET", "/api/v1/openapi.json", 200) in {(e.method, e.path, e.status)
                                                     for e in log.entries}
    assert {s for s in statuses if 200 <= s < 300} and {400, 401, 404} <= set(statuses)
