"""Undo over HTTP: a deleted interview comes back whole; the last follow-up can be taken back."""
URL = "/api/v1/interviews"


def delete_and_restore(api, interview: dict):
    assert api.delete(f"{URL}/{interview['id']}").status_code == 204
    assert api.get(f"{URL}/{interview['id']}").status_code == 404
    return api.post(f"{URL}/restore?on=2026-03-20", json=interview)


def test_a_restored_interview_is_the_one_deleted_with_its_id_follow_ups_reply_and_schedule(
        api, add_interview):
    interview = add_interview(interviewer_name="Dana Lee", interviewer_email="dana@acme.example",
                              notes="Asked about the team, twice.")
    sent = api.post(f"{URL}/{interview['id']}/follow-ups?on=2026-03-20",
                    json={"sent_on": "2026-03-10"}).json
    before = api.get(f"{URL}/{interview['id']}?on=2026-03-20").json
    assert before == sent
    restored = delete_and_restore(api, before)
    assert restored.status_code == 201, restored.json
    assert restored.json == before
    assert api.get(f"{URL}/{interview['id']}?on=2026-03-20").json == before


def test_a_decision_date_read_from_the_timeline_keeps_following_the_timeline(api, add_interview):
    interview = add_interview(timeline="We will decide by Friday", interview_date="2026-03-10")
    restored = delete_and_restore(api, interview).json
    assert restored["decision_date"] == "2026-03-13" and restored["timeline_parsed"] is True
    edited = api.patch(f"{URL}/{interview['id']}", json={"timeline": "in two weeks"}).json
    assert edited["decision_date"] == "2026-03-24"


def test_a_typed_decision_date_stays_typed(api, add_interview):
    interview = add_interview(timeline="We will decide by Friday", interview_date="2026-03-10",
                              decision_date="2026-03-20")
    restored = delete_and_restore(api, interview).json
    assert restored["decision_date"] == "2026-03-20"


def test_restoring_twice_is_refused_and_changes_nothing(api, add_interview):
    interview = add_interview()
    assert delete_and_restore(api, interview).status_code == 201
    again = api.post(f"{URL}/restore", json={**interview, "company": "Other"})
    assert again.status_code == 409 and again.json["error"]["code"] == "id_taken"
    assert api.get(f"{URL}/{interview['id']}").json["company"] == "Acme"


def test_restore_checks_every_field_like_an_edit(api, add_interview):
    interview = add_interview()
    api.delete(f"{URL}/{interview['id']}")
    cases = [
        ({**interview, "interviewer_email": "not-an-email"}, "interviewer_email"),
        ({**interview, "company": None}, "company"),
        ({**interview, "id": 0}, "id"),
        ({**interview, "id": "7"}, "id"),
        ({**interview, "follow_ups": [{"sent_on": "2026-03-10"}] * 3}, "follow_ups"),
        ({**interview, "follow_ups": [{"sent_on": "2026-03-12"}, {"sent_on": "2026-03-10"}]}, "follow_ups"),
        ({**interview, "follow_ups": [{"sent_on": "2026-03-01"}]}, "follow_ups"),
        ({**interview, "follow_ups": "soon"}, "follow_ups"),
        ({**interview, "reply_on": "2026-01-01"}, "reply_on"),
        ({**interview, "admin": True}, "admin"),
    ]
    for body, field in cases:
        response = api.post(f"{URL}/restore", json=body)
        assert response.status_code == 400, (field, response.json)
        assert response.json["error"]["field"] == field
    assert api.get(f"{URL}/{interview['id']}").status_code == 404
    assert api.post(f"{URL}/restore", json=[interview]).status_code == 400


def test_undo_takes_back_the_last_follow_up_and_the_schedule_with_it(api, add_interview):
    interview = add_interview()
    first = api.post(f"{URL}/{interview['id']}/follow-ups", json={"sent_on": "2026-03-10"}).json
    api.post(f"{URL}/{interview['id']}/follow-ups", json={"sent_on": "2026-03-17"})
    undone = api.delete(f"{URL}/{interview['id']}/follow-ups/last")
    assert undone.status_code == 200
    assert undone.json["follow_ups"] == [{"sent_on": "2026-03-10"}]
    assert undone.json["schedule"]["next"] == first["schedule"]["next"]
    api.delete(f"{URL}/{interview['id']}/follow-ups/last")
    nothing = api.delete(f"{URL}/{interview['id']}/follow-ups/last")
    assert nothing.status_code == 409 and nothing.json["error"]["code"] == "no_follow_up"
    assert api.delete(f"{URL}/999/follow-ups/last").status_code == 404


def test_undo_routes_need_the_token(anonymous, add_interview):
    interview = add_interview()
    assert anonymous.delete(f"{URL}/{interview['id']}/follow-ups/last").status_code == 401
    assert anonymous.post(f"{URL}/restore", json=interview).status_code == 401
