"""Profile, applications and the timeline preview."""


def test_profile_defaults_and_partial_updates(api):
    assert api.get("/api/v1/profile").json == {
        "name": None, "signature": None, "country": "US", "weekly_goal": 10}
    saved = api.put("/api/v1/profile", json={"name": "Alex Kim", "weekly_goal": 12})
    assert saved.json["name"] == "Alex Kim" and saved.json["weekly_goal"] == 12
    assert api.get("/api/v1/profile").json["name"] == "Alex Kim"
    signed = api.put("/api/v1/profile", json={"signature": "Alex Kim\n+1 555 0100"})
    assert signed.json["signature"] == "Alex Kim\n+1 555 0100" and signed.json["weekly_goal"] == 12


def test_profile_refuses_bad_fields(api):
    for body, field in (({"weekly_goal": 0}, "weekly_goal"), ({"weekly_goal": "ten"}, "weekly_goal"),
                        ({"country": "Narnia"}, "country"), ({"name": "a\nb"}, "name"),
                        ({"email": "x@y.example"}, "email")):
        response = api.put("/api/v1/profile", json=body)
        assert response.status_code == 400 and response.json["error"]["field"] == field
    assert api.get("/api/v1/profile").json["weekly_goal"] == 10


def test_a_new_holiday_calendar_reschedules_interviews_that_follow_it(api, add_interview):
    # Wed 23 Dec 2026: in GB, 25, 26 (a Saturday, so Mon 28) Dec are holidays; in US only 25.
    follows = add_interview(interview_date="2026-12-23")
    own = add_interview(interview_date="2026-12-23", country="US")
    assert follows["schedule"]["next"]["earliest"] == "2026-12-30"
    api.put("/api/v1/profile", json={"country": "GB"})
    moved = api.get(f"/api/v1/interviews/{follows['id']}").json
    assert moved["schedule"]["next"]["earliest"] == "2026-12-31"
    kept = api.get(f"/api/v1/interviews/{own['id']}").json
    assert kept["schedule"]["next"]["earliest"] == "2026-12-30"


def test_applications_count_this_week_against_the_goal(api):
    api.post("/api/v1/applications?on=2026-03-02", json={})
    api.post("/api/v1/applications", json={"applied_on": "2026-03-08", "company": "Globex"})
    api.post("/api/v1/applications", json={"applied_on": "2026-03-09"})
    week = api.get("/api/v1/applications?on=2026-03-04").json
    assert week["week_start"] == "2026-03-02" and week["count"] == 2 and week["goal"] == 10
    assert [row["applied_on"] for row in week["applications"]] == ["2026-03-02", "2026-03-08"]
    bad = api.post("/api/v1/applications", json={"applied_on": "yesterday"})
    assert bad.status_code == 400 and bad.json["error"]["field"] == "applied_on"


def test_timeline_preview_reads_the_words_as_the_user_types(api):
    said = api.post("/api/v1/timeline/preview", json={
        "interview_date": "2026-03-10", "timeline": "We'll decide by Friday"}).json
    assert said["decision_date"] == "2026-03-13" and said["timeline_parsed"] is True
    assert said["next"]["earliest"] == "2026-03-16"
    vague = api.post("/api/v1/timeline/preview", json={
        "interview_date": "2026-03-10", "timeline": "soon-ish"}).json
    assert vague["decision_date"] is None and vague["timeline_parsed"] is False
    assert vague["next"]["earliest"] == "2026-03-16"
    missing = api.post("/api/v1/timeline/preview", json={"timeline": "in a week"})
    assert missing.status_code == 400 and missing.json["error"]["field"] == "interview_date"
