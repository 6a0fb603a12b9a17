"""A user's template cannot hang the backend: what it may build is bounded when it is saved,
imported or rendered, and every render runs in a worker process under hard limits of time,
memory and output, while the server keeps answering."""
import json
import threading
import time
import urllib.request

import pytest

from backend import drafting, render, render_worker
from backend.models import UserTemplate
from tests.live_backend import in_thread

from .template_bomb import exponential

TOKEN = "template-limits-token-0123456789"
INTERVIEW = {"company": "Acme Robotics", "position": "Engineer", "interview_date": "2026-03-02",
             "interviewer_name": "Dana Smith", "decision_date": "2026-03-06"}
HEALTH_LIMIT_SECONDS = 0.5


def call(base: str, method: str, path: str, body=None, timeout=10):
    request = urllib.request.Request(base + path, method=method,
                                     data=None if body is None else json.dumps(body).encode())
    request.add_header("Authorization", f"Bearer {TOKEN}")
    request.add_header("Content-Type", "application/json")
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return response.status, json.loads(response.read() or b"null")
    except urllib.error.HTTPError as error:
        with error:
            return error.code, json.loads(error.read())


@pytest.mark.parametrize("body, limit", [
    (exponential(24), "{% set %} at most 20 times"),
    (exponential(10, guard="Acme Robotics"), "3 deep"),
    ("{% set a = [company, company, company, company, company, company] %}"
     "{% set b = [a, a, a] %}{% set c = [b, b] %}{% set d = [c] %}{{ d|length }}", "3 deep"),
    ("{% set a = [" + ", ".join(["company"] * 11) + "] %}{{ a|length }}", "at most 10 items"),
    ("{% set a = [company, company] %}" + "{% set a = [a, a] %}" * 8 + "{{ a|length }}",
     "3 deep"),
    ("{% set a = [" + ", ".join(["company"] * 10) + "] %}{% set b = [" + ", ".join(["a"] * 10)
     + "] %}{{ b|length }}", "at most 100 values"),
])
def test_a_template_that_would_build_too_much_is_refused_when_saved_naming_the_limit(
        api, body, limit):
    answer = api.put("/api/v1/templates/thank_you", json={"subject": "Thanks", "body": body})
    assert answer.status_code == 400, answer.json
    assert answer.json["error"]["code"] == "invalid_template"
    assert answer.json["error"]["field"] == "body"
    assert limit in answer.json["error"]["message"]
    assert UserTemplate.select().count() == 0


def test_a_person_sized_template_with_set_names_still_saves_and_renders(api, add_interview):
    body = ("{% set who = interviewer_first_name|default('there') %}"
            "{% set places = [company, position] %}Hi {{ who }},\n\nThanks for the "
            "{{ places|last }} interview at {{ places|first }}.\n\n{{ sign_off }}")
    assert api.put("/api/v1/templates/thank_you",
                   json={"subject": "Thanks", "body": body}).status_code == 200
    interview = add_interview(**INTERVIEW)
    draft = api.post("/api/v1/drafts", json={"interview_id": interview["id"], "on": "2026-03-02",
                                             "template": "thank_you"})
    assert draft.status_code == 200, draft.json
    assert "Thanks for the Engineer interview at Acme Robotics." in draft.json["body"]


def test_an_import_holding_such_a_template_is_refused_whole(tmp_path):
    from backend import config, data_commands

    settings = config.load({"DATABASE": str(tmp_path / "followup.db"), "PORT": 1})
    export = tmp_path / "export.json"
    export.write_text(json.dumps({
        "format_version": 1, "kind": "followup-assistant-export", "profile": {},
        "interviews": [], "applications": [],
        "templates": [{"name": "thank_you", "subject": "Thanks", "body": exponential(24)}]}))
    assert data_commands.import_(settings, str(export)) == 1


def test_a_stored_template_from_before_the_limits_is_refused_at_render_naming_the_limit(
        api, add_interview):
    UserTemplate.create(name="thank_you", subject="Thanks", body=exponential(24),
                        updated_at="2026-01-01 00:00:00")
    interview = add_interview(**INTERVIEW)
    answer = api.post("/api/v1/drafts", json={"interview_id": interview["id"],
                                              "on": "2026-03-02", "template": "thank_you"})
    assert answer.status_code == 409
    assert answer.json["error"]["code"] == "cannot_render"
    assert "at most 20 times" in answer.json["error"]["message"]


@pytest.fixture
def unvetted_workers(monkeypatch):
    """Workers that render with no save-time vetting, as if a check had a hole."""
    pool = render_worker.Pool(size=2, target="tests.reliability.template_bomb:render_unvetted")
    for worker in pool.workers:  # started and ready, so the timings below are the render's
        worker.ask(["Hi", "Hello", {}], timeout=60)
    monkeypatch.setattr(render_worker, "_pool", pool)
    monkeypatch.setattr(render, "_vet_assignments", lambda tree, part: None)
    monkeypatch.setattr(render, "MAX_LITERAL_ITEMS", 10**6)
    yield pool
    pool.close()


def test_the_time_limit_stops_what_the_checks_missed_and_health_answers_throughout(
        tmp_path, unvetted_workers):
    with in_thread(str(tmp_path / "followup.db"), TOKEN) as (app, base, _):
        status, interview = call(base, "POST", "/api/v1/interviews", INTERVIEW)
        assert status == 201
        with app.app_context():
            UserTemplate.create(name="thank_you", subject="Thanks", body=exponential(40),
                                updated_at="2026-01-01 00:00:00")
        answers, slowest = [], 0.0
        draft = threading.Thread(target=lambda: answers.append(call(
            base, "POST", "/api/v1/drafts",
            {"interview_id": interview["id"], "on": "2026-03-02", "template": "thank_you"})))
        started = time.monotonic()
        draft.start()
        while draft.is_alive() and time.monotonic() - started < 30:
            asked = time.monotonic()
            status, health = call(base, "GET", "/api/v1/health", timeout=5)
            slowest = max(slowest, time.monotonic() - asked)
            assert status == 200 and health["status"] == "ok"
            time.sleep(0.05)
        draft.join(timeout=1)
        took = time.monotonic() - started
    status, error = answers[0]
    assert status == 409 and "time limit" in error["error"]["message"], error
    assert took < 1 + render_worker.TIME_LIMIT_SECONDS + 2  # stopped, not run to the end
    assert slowest < HEALTH_LIMIT_SECONDS, f"/health took {slowest:.3f} s during the render"
    print(f"\nrender stopped after {took:.2f} s; slowest /health meanwhile {slowest * 1000:.0f} ms")
    # The killed worker was replaced: the next render works as usual.
    ok = unvetted_workers.render("Hi", "Hello {{ company }}", {"company": "Acme"})
    assert ok == ["ok", ["Hi", "Hello Acme"]]


def test_the_memory_limit_stops_a_template_that_builds_a_huge_text(unvetted_workers):
    # 2**18 references to one 5,000-character name: nothing in memory until |string writes
    # them all out, 1.3 GB of text.
    body = "{% set a0 = [company, company] %}" + "".join(
        f"{{% set a{i} = [a{i - 1}, a{i - 1}] %}}" for i in range(1, 18)) + "{{ a17|string|length }}"
    with pytest.raises(render_worker.LimitExceeded) as stopped:
        unvetted_workers.render("Hi", body, {"company": "x" * 5000}, timeout=30)
    assert stopped.value.limit == "memory"
    assert "memory limit" in render.LIMIT_MESSAGES["memory"]


def test_the_output_limit_holds_in_the_worker(api, add_interview):
    big = "{% set a = [company, company, company, company, company, company, company] %}" \
          + "{{ a|string }}" * 400
    answer = api.put("/api/v1/templates/thank_you", json={"subject": "Thanks", "body": big})
    assert answer.status_code == 400
    assert "more than 20,000 characters" in answer.json["error"]["message"]


def test_a_normal_render_in_a_worker_costs_little(api):
    context = drafting.sample_contexts()[0]
    subject, body = "About {{ position }}", "{{ greeting }}\n\nThanks.\n\n{{ sign_off }}"
    render.render_user_template(subject, body, context)  # the workers are up
    times = []
    for _ in range(50):
        started = time.perf_counter()
        render.render_user_template(subject, body, context)
        times.append(time.perf_counter() - started)
    assert sorted(times)[len(times) // 2] < 0.01  # ~0.1 ms here; 10 ms leaves room for load
