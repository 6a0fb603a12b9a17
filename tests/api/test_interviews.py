"""Interviews over HTTP: the contract's shape, its schedule, and every error path."""
import pytest

from backend.models import FollowUp, Interview

URL = "/api/v1/interviews"


def test_create_answers_the_interview_with_its_schedule(api):
    response = api.post(URL + "?on=2026-03-05", json={
        "company": "Acme", "position": "Product Manager", "interview_date": "2026-03-03",
        "interviewer_name": "Dana Lee", "interviewer_email": "dana@acme.example"})
    assert response.status_code == 201
    body = response.json
    assert body["company"] == "Acme" and body["interviewer_email"] == "dana@acme.example"
    assert body["follow_ups"] == [] and body["reply_on"] is None and body["outcome"] is None
    assert body["timeline_parsed"] is None and body["decision_date"] is None
    # Tue 3 Mar + 4 business days = Mon 9 Mar; + 5 = Tue 10 Mar.
    assert body["schedule"]["state"] == "upcoming"
    assert body["schedule"]["next"]["action"] == "first_follow_up"
    assert body["schedule"]["next"]["earliest"] == "2026-03-09"
    assert body["schedule"]["next"]["latest"] == "2026-03-10"
    assert body["schedule"]["next"]["reason"]


def test_timeline_sets_the_decision_date(add_interview):
    body = add_interview(timeline="We will decide by Friday", interview_date="2026-03-10")
    assert body["timeline_parsed"] is True
    assert body["decision_date"] == "2026-03-13"
    assert body["schedule"]["next"]["earliest"] == "2026-03-16"
    assert body["schedule"]["next"]["latest"] == "2026-03-17"
    assert "13 Mar" in body["schedule"]["next"]["reason"]


def test_a_timeline_that_cannot_be_read_says_so(add_interview):
    body = add_interview(timeline="We'll be in touch")
    assert body["timeline_parsed"] is False and body["decision_date"] is None
    assert body["schedule"]["next"]["earliest"] == "2026-03-09"


def test_a_given_decision_date_wins_over_the_timeline(add_interview):
    body = add_interview(timeline="in two weeks", decision_date="2026-03-06")
    assert body["decision_date"] == "2026-03-06" and body["timeline_parsed"] is True
    assert body["schedule"]["next"]["earliest"] == "2026-03-09"


def test_get_patch_and_delete(api, add_interview):
    created = add_interview()
    url = f"{URL}/{created['id']}"
    assert api.get(url).json == api.get(url).json  # stable
    changed = api.patch(url, json={"timeline": "in one week"})
    assert changed.status_code == 200
    assert changed.json["decision_date"] == "2026-03-10"
    assert changed.json["schedule"]["next"]["earliest"] == "2026-03-11"
    back = api.patch(url, json={"timeline": None})
    assert back.json["decision_date"] is None and back.json["timeline_parsed"] is None
    api.post(url + "/follow-ups", json={"sent_on": "2026-03-09"})
    assert api.delete(url).status_code == 204
    assert api.get(url).status_code == 404
    assert FollowUp.select().count() == 0


def test_patch_decision_date_null_falls_back_to_the_timeline(api, add_interview):
    created = add_interview(timeline="in one week", decision_date="2026-03-20")
    url = f"{URL}/{created['id']}"
    assert api.patch(url, json={"decision_date": None}).json["decision_date"] == "2026-03-10"


def test_two_follow_ups_then_move_on_and_no_third(api, add_interview):
    url = f"{URL}/{add_interview()['id']}"
    first = api.post(url + "/follow-ups?on=2026-03-09", json={"sent_on": "2026-03-09"})
    assert first.status_code == 201
    assert first.json["follow_ups"] == [{"sent_on": "2026-03-09"}]
    assert first.json["schedule"]["next"]["action"] == "second_follow_up"
    assert first.json["schedule"]["next"]["earliest"] == "2026-03-13"
    second = api.post(url + "/follow-ups", json={"sent_on": "2026-03-13"})
    assert second.json["schedule"]["next"]["action"] == "move_on"
    third = api.post(url + "/follow-ups", json={"sent_on": "2026-03-20"})
    assert third.status_code == 409
    assert third.json["error"]["code"] == "too_many_follow_ups"
    assert FollowUp.select().count() == 2


def test_a_follow_up_before_the_interview_or_the_last_one_is_refused(api, add_interview):
    url = f"{URL}/{add_interview()['id']}/follow-ups"
    early = api.post(url, json={"sent_on": "2026-03-01"})
    assert early.status_code == 400 and early.json["error"]["field"] == "sent_on"
    api.post(url, json={"sent_on": "2026-03-10"})
    assert api.post(url, json={"sent_on": "2026-03-09"}).status_code == 400
    assert FollowUp.select().count() == 1


def test_reply_and_close_end_the_schedule(api, add_interview):
    url = f"{URL}/{add_interview()['id']}"
    replied = api.post(url + "/reply", json={"received_on": "2026-03-06"})
    assert replied.status_code == 200
    assert replied.json["schedule"] == {"state": "replied", "next": None}
    closed = api.post(url + "/close", json={"outcome": "offer"})
    assert closed.json["schedule"] == {"state": "closed", "next": None}
    assert api.post(url + "/follow-ups", json={"sent_on": "2026-03-09"}).status_code == 409
    reopened = api.patch(url, json={"outcome": None, "reply_on": None})
    assert reopened.json["schedule"]["next"]["action"] == "first_follow_up"


def test_a_reply_before_the_interview_is_refused(api, add_interview):
    url = f"{URL}/{add_interview()['id']}/reply"
    response = api.post(url, json={"received_on": "2026-03-02"})
    assert response.status_code == 400 and response.json["error"]["field"] == "reply_on"


@pytest.mark.parametrize("on, state", [
    ("2026-03-06", "upcoming"), ("2026-03-09", "due"), ("2026-03-10", "due"),
    ("2026-03-11", "overdue")])
def test_state_depends_on_the_day_asked(api, add_interview, on, state):
    interview = add_interview()
    assert api.get(f"{URL}/{interview['id']}?on={on}").json["schedule"]["state"] == state
    listed = api.get(f"{URL}?state={state}&on={on}").json["interviews"]
    assert [row["id"] for row in listed] == [interview["id"]]


def test_list_filters_by_email_state_and_search(api, add_interview):
    dana = add_interview(interviewer_email="Dana@Acme.example", company="Acme")
    add_interview(interviewer_email="sam@globex.example", company="Globex")
    found = api.get(f"{URL}?email=dana@acme.EXAMPLE").json["interviews"]
    assert [row["id"] for row in found] == [dana["id"]]
    assert [row["company"] for row in api.get(f"{URL}?q=glob").json["interviews"]] == ["Globex"]
    assert len(api.get(URL).json["interviews"]) == 2


def test_move_on_state_after_two_unanswered_follow_ups(api, add_interview):
    url = f"{URL}/{add_interview()['id']}"
    api.post(url + "/follow-ups", json={"sent_on": "2026-03-09"})
    body = api.post(url + "/follow-ups", json={"sent_on": "2026-03-13"}).json
    earliest = body["schedule"]["next"]["earliest"]
    assert api.get(f"{url}?on={earliest}").json["schedule"]["state"] == "move_on"
    assert api.get(f"{URL}?state=move_on&on={earliest}").json["interviews"][0]["id"]


@pytest.mark.parametrize("path", ["/api/v1/interviews/999", "/api/v1/interviews/999/reply"])
def test_unknown_interview_is_404(api, path):
    response = (api.get(path) if path.endswith("999") else
                api.post(path, json={"received_on": "2026-03-03"}))
    assert response.status_code == 404
    assert response.json["error"]["code"] == "not_found"


def test_idempotency_key_replays_instead_of_doubling(api, add_interview):
    url = f"{URL}/{add_interview()['id']}/follow-ups"
    key = {"Idempotency-Key": "3f2b8c1e-aaaa-4bbb-8ccc-123456789abc"}
    first = api.post(url, json={"sent_on": "2026-03-09"}, headers=key)
    again = api.post(url, json={"sent_on": "2026-03-09"}, headers=key)
    assert first.status_code == again.status_code == 201
    assert again.json == first.json and again.headers["Idempotent-Replayed"] == "true"
    assert FollowUp.select().count() == 1
    reused = api.post(f"{URL}/{first.json['id']}/reply", json={"received_on": "2026-03-10"},
                      headers=key)
    assert reused.status_code == 409
    other_body = api.post(url, json={"sent_on": "2026-03-10"}, headers=key)
    assert other_body.status_code == 409 and "another body" in other_body.json["error"]["message"]
    bad = api.post(url, json={"sent_on": "2026-03-09"}, headers={"Idempotency-Key": "x"})
    assert bad.status_code == 400 and bad.json["error"]["field"] == "Idempotency-Key"


def test_a_failed_write_is_not_replayed(api, add_interview):
    url = f"{URL}/{add_interview()['id']}/follow-ups"
    key = {"Idempotency-Key": "retry-after-fixing-0001"}
    assert api.post(url, json={"sent_on": "bad"}, headers=key).status_code == 400
    assert api.post(url, json={"sent_on": "2026-03-09"}, headers=key).status_code == 201


def test_due_is_one_indexed_query_in_its_own_order(app, api, add_interview):
    add_interview()
    import datetime

    from backend.db import database
    from backend.models import due_on
    sql, params = due_on(datetime.date(2026, 3, 9)).sql()
    with database.connection_context():
        plan = " ".join(str(row) for row in database.execute_sql(
            "EXPLAIN QUERY PLAN " + sql, params))
    assert "interview_due_order" in plan and "TEMP B-TREE" not in plan
    assert "SCAN interview" not in plan.replace("USING INDEX", "")


def test_due_lists_follow_ups_most_urgent_first(api, add_interview):
    later = add_interview(company="Later", interview_date="2026-03-04")
    sooner = add_interview(company="Sooner", interview_date="2026-03-02")
    add_interview(company="Not yet", interview_date="2026-03-09")
    replied = add_interview(company="Replied", interview_date="2026-03-02")
    api.post(f"{URL}/{replied['id']}/reply", json={"received_on": "2026-03-04"})
    due = api.get("/api/v1/due?on=2026-03-10").json["due"]
    assert [row["id"] for row in due] == [sooner["id"], later["id"]]
    assert [row["schedule"]["state"] for row in due] == ["overdue", "due"]
    assert Interview.select().count() == 4
