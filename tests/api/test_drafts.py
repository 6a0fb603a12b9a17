"""POST /api/v1/drafts: the follow-up for an interview (docs/api.md), and every bad request."""
import pytest

URL = "/api/v1/drafts"
# add_interview's interview is on Tuesday 2026-03-03: without a timeline the first follow-up is
# due Monday 9 – Tuesday 10 March.


def test_a_draft_for_the_due_follow_up(api, add_interview):
    interview = add_interview(interviewer_name="Dana Reyes")
    api.put("/api/v1/profile", json={"name": "Alex Kim", "signature": "Alex Kim\n555-0100"})
    response = api.post(URL, json={"interview_id": interview["id"], "on": "2026-03-09"})
    assert response.status_code == 200, response.json
    draft = response.json
    assert draft["template"] == "first_follow_up" and draft["action"] == "first_follow_up"
    assert draft["subject"] == "Checking in on the Product Manager role"
    assert draft["body"].startswith("Hi Dana,\n\n")
    assert "on Tuesday, March 3" in draft["body"] and "Acme" in draft["body"]
    assert draft["body"].endswith("All the best,\nAlex Kim\n555-0100\n")
    assert draft["schedule"]["state"] == "due"
    assert not [f for f in draft["findings"] if f["severity"] == "error"]


def test_on_the_interview_day_it_is_the_thank_you_note(api, add_interview):
    interview = add_interview()
    draft = api.post(URL, json={"interview_id": interview["id"], "on": "2026-03-03"}).json
    assert draft["template"] == draft["action"] == "thank_you"
    assert "today" in draft["body"]


def test_too_soon_is_an_error_finding_saying_when(api, add_interview):
    interview = add_interview()
    draft = api.post(URL, json={"interview_id": interview["id"], "on": "2026-03-05"}).json
    [too_soon] = [f for f in draft["findings"] if f["rule"] == "too_soon"]
    assert too_soon["severity"] == "error" and "Mon 9 Mar" in too_soon["message"]
    assert draft["schedule"]["state"] == "upcoming"


def test_the_style_and_template_can_be_chosen(api, add_interview):
    interview = add_interview(decision_date="2026-03-06")
    draft = api.post(URL, json={"interview_id": interview["id"], "on": "2026-03-09",
                                "variant": "gratitude"}).json
    assert draft["template"] == "first_follow_up_timeline" and draft["variant"] == "gratitude"
    assert draft["body"].startswith("Dear Acme team,\n")
    assert "Friday, March 6" in draft["body"]
    draft = api.post(URL, json={"interview_id": interview["id"], "on": "2026-03-09",
                                "template": "thank_you", "variant": "direct"}).json
    assert draft["template"] == "thank_you" and draft["subject"].startswith("Thank you")


def test_a_third_follow_up_carries_too_many_follow_ups(api, add_interview):
    interview = add_interview()
    for day in ("2026-03-09", "2026-03-16"):
        assert api.post(f"/api/v1/interviews/{interview['id']}/follow-ups",
                        json={"sent_on": day}).status_code == 201
    answer = api.post(URL, json={"interview_id": interview["id"], "on": "2026-03-23"}).json
    assert answer["template"] == "move_on"
    assert not [f for f in answer["findings"] if f["severity"] == "error"]
    answer = api.post(URL, json={"interview_id": interview["id"], "on": "2026-03-23",
                                 "template": "second_follow_up"}).json
    assert "too_many_follow_ups" in [f["rule"] for f in answer["findings"]]


def test_a_saved_template_is_used(api, add_interview):
    interview = add_interview()
    saved = api.put("/api/v1/templates/first_follow_up", json={
        "subject": "About the {{ position }} role",
        "body": "{{ greeting }}\n\nThank you for meeting me. I'm still very interested in the "
                "role. Is there anything else I can send?\n\n{{ sign_off }}"})
    assert saved.status_code == 200, saved.json
    draft = api.post(URL, json={"interview_id": interview["id"], "on": "2026-03-09"}).json
    assert draft["subject"] == "About the Product Manager role"
    assert draft["body"].startswith("Hi there,\n\nThank you for meeting me.")


def error(response, status):
    assert response.status_code == status, response.json
    return response.json["error"]


def test_an_unknown_interview_is_404(api):
    assert error(api.post(URL, json={"interview_id": 999}), 404)["code"] == "not_found"


@pytest.mark.parametrize("body, field", [
    ({}, "interview_id"),
    ({"interview_id": "1"}, "interview_id"),
    ({"interview_id": 1.5}, "interview_id"),
    ({"interview_id": True}, "interview_id"),
    ({"interview_id": 0}, "interview_id"),
    ({"interview_id": 2**70}, "interview_id"),
    ({"interview_id": None}, "interview_id"),
    ({"interview_id": 1, "on": "next Monday"}, "on"),
    ({"interview_id": 1, "on": "2026-02-30"}, "on"),
    ({"interview_id": 1, "template": "fourth_follow_up"}, "template"),
    ({"interview_id": 1, "template": ["thank_you"]}, "template"),
    ({"interview_id": 1, "variant": "pushy"}, "variant"),
    ({"interview_id": 1, "tone": "direct"}, "tone"),
])
def test_bad_input_is_a_400_naming_the_field(api, add_interview, body, field):
    add_interview()
    assert error(api.post(URL, json=body), 400)["field"] == field


def test_after_a_reply_there_is_nothing_to_draft_unless_asked(api, add_interview):
    interview = add_interview()
    api.post(f"/api/v1/interviews/{interview['id']}/reply", json={"received_on": "2026-03-05"})
    found = error(api.post(URL, json={"interview_id": interview["id"], "on": "2026-03-09"}), 409)
    assert found["code"] == "nothing_to_draft" and "replied" in found["message"]
    assert api.post(URL, json={"interview_id": interview["id"], "on": "2026-03-09",
                               "template": "move_on"}).status_code == 200


def test_the_timeline_template_without_a_decision_date_is_409(api, add_interview):
    interview = add_interview()
    found = error(api.post(URL, json={"interview_id": interview["id"],
                                      "template": "first_follow_up_timeline"}), 409)
    assert "needs a decision date" in found["message"]


def test_no_token_is_401(anonymous, add_interview):
    interview = add_interview()
    assert error(anonymous.post(URL, json={"interview_id": interview["id"]}), 401)


def test_a_megabyte_body_is_413_and_a_form_is_415(api, add_interview):
    interview = add_interview()
    big = {"interview_id": interview["id"], "variant": "x" * 1_000_000}
    assert error(api.post(URL, json=big), 413)["code"] == "too_large"
    assert error(api.post(URL, data="interview_id=1",
                          content_type="application/x-www-form-urlencoded"), 415)
