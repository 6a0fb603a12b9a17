"""Schemathesis against the live backend's own OpenAPI document: every route, both ways.

Positive cases follow the document; negative cases break it on purpose. Every answer must be
no 5xx, a documented status, the documented content type and body schema, and a refusal of
data the document calls invalid. Shared by tests/reliability/test_api_fuzzing.py (short) and
bench/bench_fuzz.py (at least 5,000 requests).
"""
import math
from dataclasses import dataclass, field

import requests
import schemathesis
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import seed as with_seed
from hypothesis.errors import Unsatisfiable
from schemathesis import GenerationMode
from schemathesis.checks import (
    content_type_conformance,
    negative_data_rejection,
    not_a_server_error,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)

CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance,
          response_schema_conformance, response_headers_conformance, negative_data_rejection]


def unsent_query(case) -> bool:
    """A generated parameter with an empty list as its value: requests sends nothing for it,
    so the request that went out was not the schema-violating one schemathesis believes."""
    return any(value in ([], {}) for value in (case.query or {}).values())
SAMPLE = {"company": "Acme", "position": "Analyst", "interview_date": "2026-03-03"}


@dataclass
class Report:
    cases: int = 0
    failures: dict = field(default_factory=dict)  # (operation, mode, first line) -> example
    skipped: list = field(default_factory=list)

    def failed(self, label: str, mode: str, case, response, error: BaseException) -> None:
        lines = [line for line in str(error).splitlines() if line.strip()]
        kinds = [line.strip("- ") for line in lines if line.startswith("- ")] or lines[:1]
        for kind in kinds:
            self.failures.setdefault((label, mode, kind), (
                f"{case.method} {case.formatted_path} query={case.query!r} "
                f"headers={ {k: v for k, v in (case.headers or {}).items()} !r} "
                f"body={str(case.body)[:300]!r} -> {response.status_code} "
                f"{response.text[:300]!r}"))


def existing_interview(base_url: str, headers: dict) -> int:
    """An interview that is there now, so path cases reach the views, not only the 404."""
    answer = requests.post(f"{base_url}/api/v1/interviews", json=SAMPLE, headers=headers,
                           timeout=10)
    answer.raise_for_status()
    return answer.json()["id"]


def run_operation(operation, mode, report: Report, base_url: str, headers: dict,
                  examples: int, seed: int, session: requests.Session) -> None:
    """Generate up to `examples` cases for one operation and mode; record what fails."""
    label = operation.label
    fixed = {}
    if "{interview_id}" in operation.path and mode is GenerationMode.POSITIVE and seed % 2:
        fixed = {"path_parameters": {"interview_id": existing_interview(base_url, headers)}}

    @settings(max_examples=examples, deadline=None, database=None,
              suppress_health_check=list(HealthCheck), phases=[Phase.generate])
    @given(operation.as_strategy(generation_mode=mode, **fixed))
    def one(case):
        report.cases += 1
        response = case.call(base_url=base_url, headers=headers, session=session, timeout=30)
        # A replay (Idempotency-Key seen before) is by contract the first answer, whatever the
        # body: refusing a new body is not its job, so the one check is left out for replays.
        replayed = response.headers.get("idempotent-replayed") == ["true"]  # lower-case, lists
        lenient = replayed or unsent_query(case)
        try:
            case.validate_response(response, checks=CHECKS, excluded_checks=(
                [negative_data_rejection] if lenient else None))
        except BaseException as error:  # schemathesis raises a BaseExceptionGroup
            if isinstance(error, KeyboardInterrupt):
                raise
            report.failed(label, mode.value, case, response, error)

    try:
        with_seed(seed)(one)()
    except Unsatisfiable:
        report.skipped.append((label, mode.value))  # e.g. no invalid request exists for it


def fuzz(base_url: str, token: str, requests_wanted: int, counter, seed: int = 0) -> Report:
    """Rounds over every operation in both modes until `counter()` reaches the number wanted."""
    schema = schemathesis.openapi.from_url(f"{base_url}/api/v1/openapi.json")
    operations = [result.ok() for result in schema.get_all_operations()]
    headers = {"Authorization": f"Bearer {token}"}
    report = Report()
    session = requests.Session()
    runs = len(operations) * len(GenerationMode)
    examples = max(5, math.ceil(requests_wanted / runs))
    round_ = 0
    while counter() < requests_wanted:
        for operation in operations:
            for mode in GenerationMode:
                run_operation(operation, mode, report, base_url, headers, examples,
                              seed + round_, session)
        round_ += 1
    report.operations = sorted(op.label for op in operations)
    return report
