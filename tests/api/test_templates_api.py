"""/api/v1/templates: the user's own templates, checked when saved, and ours to go back to."""
import pytest

from backend import render
from backend.models import UserTemplate

URL = "/api/v1/templates"
MINE = {"subject": "About the {{ position }} role",
        "body": "{{ greeting }}\n\nThanks again for meeting me.\n\n{{ sign_off }}"}


def error(response, status):
    assert response.status_code == status, response.json
    return response.json["error"]


def test_every_template_is_listed_with_our_source(api):
    listed = api.get(URL).json["templates"]
    assert [t["name"] for t in listed] == list(render.template_names())
    for template in listed:
        assert template["custom"] is False
        assert template == {"name": template["name"], "custom": False,
                            **render.source_of(template["name"])}


def test_save_read_and_go_back(api):
    saved = api.put(f"{URL}/second_follow_up", json=MINE)
    assert saved.status_code == 200, saved.json
    assert saved.json == {"name": "second_follow_up", "custom": True, **MINE}
    assert api.get(f"{URL}/second_follow_up").json["custom"] is True
    changed = {**MINE, "subject": "Next steps — {{ position }}"}
    assert api.put(f"{URL}/second_follow_up", json=changed).json["subject"] == changed["subject"]
    assert UserTemplate.select().count() == 1
    assert api.delete(f"{URL}/second_follow_up").status_code == 204
    assert api.get(f"{URL}/second_follow_up").json["custom"] is False
    assert api.delete(f"{URL}/second_follow_up").status_code == 204


@pytest.mark.parametrize("body, words", [
    ("{{ ''.__class__.__mro__ }}", "names starting with _"),
    ("{% for i in range(10**9) %}x{% endfor %}", "loops"),
    ("{{ 'x' * 10**9 }}", "arithmetic"),
    ("Hi {{ positon }}", "positon is not a name"),
    ("{% if company %}no end", "line 1"),
])
def test_a_template_that_cannot_work_is_refused_and_not_saved(api, body, words):
    found = error(api.put(f"{URL}/thank_you", json={**MINE, "body": body}), 400)
    assert found["code"] == "invalid_template" and found["field"] == "body"
    assert words in found["message"]
    assert UserTemplate.select().count() == 0


@pytest.mark.parametrize("body, field, words", [
    ({"subject": "Hi"}, "body", "required"),
    ({"body": "Hi"}, "subject", "required"),
    ({**MINE, "subject": "a\nb"}, "subject", "one line"),
    ({**MINE, "body": "x" * 10_001}, "body", "too long"),
    ({**MINE, "body": 3}, "body", "text"),
    ({**MINE, "name": "thank_you"}, "name", "not a field"),
])
def test_bad_fields_are_a_400_naming_them(api, body, field, words):
    found = error(api.put(f"{URL}/thank_you", json=body), 400)
    assert found["field"] == field and words in found["message"]


@pytest.mark.parametrize("method", ["GET", "PUT", "DELETE"])
def test_an_unknown_template_is_404(api, method):
    body = {"json": MINE} if method == "PUT" else {}
    found = error(api.request(method, f"{URL}/third_follow_up", **body), 404)
    assert "thank_you" in found["message"]


def test_no_token_is_401_and_a_megabyte_is_413(api, anonymous):
    assert error(anonymous.get(URL), 401)
    assert error(anonymous.put(f"{URL}/thank_you", json=MINE), 401)
    assert error(api.put(f"{URL}/thank_you", json={**MINE, "body": "x" * 1_000_000}), 413)
