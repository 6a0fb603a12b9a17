"""Bad input: a 4xx naming the field and what is wrong, never a 5xx, nothing half-written."""
import json

import pytest

from backend.models import Interview

URL = "/api/v1/interviews"
GOOD = {"company": "Acme", "position": "Product Manager", "interview_date": "2026-03-03"}


@pytest.mark.parametrize("field, value, words", [
    ("company", "x" * 100_000, "too long"),
    ("company", "", "empty"),
    ("company", "   ", "empty"),
    ("company", None, "null"),
    ("company", 42, "text"),
    ("company", ["Acme"], "text"),
    ("company", "Ac\x00me", "control"),
    ("company", "Ac\x1bme", "control"),
    ("company", "Acme\nInc", "one line"),
    ("position", {"title": "PM"}, "text"),
    ("interview_date", "03/03/2026", "YYYY-MM-DD"),
    ("interview_date", "2026-02-30", "not a real date"),
    ("interview_date", "1900-01-01", "between"),
    ("interview_date", 20260303, "YYYY-MM-DD"),
    ("interviewer_email", "dana at acme", "e-mail"),
    ("interviewer_email", "dana@", "e-mail"),
    ("interviewer_email", "a@b@c.example", "e-mail"),
    ("interviewer_email", "x" * 300 + "@acme.example", "too long"),
    ("decision_date", "2026-03-02", "before the interview"),
    ("country", "XX", "country code"),
    ("country", 1, "country code"),
    ("notes", "n" * 5001, "too long"),
    ("timeline", True, "text"),
    ("nickname", "Dee", "not a field"),
])
def test_each_bad_field_is_named(api, field, value, words):
    response = api.post(URL, json={**GOOD, field: value})
    assert response.status_code == 400, response.json
    error = response.json["error"]
    assert error["field"] == field and words in error["message"]
    assert Interview.select().count() == 0


def test_a_lone_surrogate_is_refused(api):
    raw = json.dumps(GOOD)[:-1] + ', "notes": "\\ud800 lonely"}'
    response = api.post(URL, data=raw, content_type="application/json")
    assert response.status_code == 400 and response.json["error"]["field"] == "notes"


def test_missing_required_fields_are_named(api):
    response = api.post(URL, json={"company": "Acme"})
    assert response.status_code == 400 and response.json["error"]["field"] == "position"


@pytest.mark.parametrize("raw", ["{", "[1, 2]", "null", '"text"', "[" * 100_000 + "]" * 100_000])
def test_a_body_that_is_not_a_json_object_is_refused(api, raw):
    response = api.post(URL, data=raw, content_type="application/json")
    assert response.status_code in (400, 413)
    assert response.json["error"]["message"]


@pytest.mark.parametrize("field", ["company", "notes"])
def test_a_one_megabyte_body_is_refused_unread(api, field):
    response = api.post(URL, json={**GOOD, field: "n" * 1_000_000})
    assert response.status_code == 413 and response.json["error"]["code"] == "too_large"
    assert Interview.select().count() == 0


@pytest.mark.parametrize("query, field", [
    ("?on=tomorrow", "on"), ("?on=2026-13-01", "on"), ("?on=2026-03-03&on=2026-03-04", "on"),
    ("?state=sleeping", "state"), ("?email=nope", "email"), ("?page=2", "page")])
def test_bad_query_parameters_are_named(api, query, field):
    response = api.get(URL + query)
    assert response.status_code == 400 and response.json["error"]["field"] == field


def test_a_bad_on_after_a_valid_body_writes_nothing(api):
    assert api.post(URL + "?on=soon", json=GOOD).status_code == 400
    assert Interview.select().count() == 0


def test_a_bad_patch_changes_nothing(api):
    created = api.post(URL, json=GOOD).json
    url = f"{URL}/{created['id']}"
    for body in ({"company": None}, {"decision_date": "2020-01-01"},
                 {"company": "New", "interview_date": "nope"}, {"outcome": "ghosted"}):
        assert api.patch(url, json=body).status_code == 400
    assert api.get(url).json == created


@pytest.mark.parametrize("path", ["/api/v1/nothing", "/api/v1/interviews/abc"])
def test_unknown_paths_are_json_404(api, path):
    response = api.get(path)
    assert response.status_code == 404 and response.json["error"]["code"] == "not_found"


def test_a_wrong_method_is_json_405(api):
    response = api.put(URL, json=GOOD)
    assert response.status_code == 405 and "POST" in response.headers["Allow"]
