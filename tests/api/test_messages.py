"""POST /api/v1/messages/inspect: what an opened message means, and nothing of it kept."""
import logging
from pathlib import Path

URL = "/api/v1/messages/inspect"
INVITATION = {
    "subject": "Phone screen for the Product Designer role",
    "text": "Hi Sam,\n\nI'd love to set up a 30-minute phone screen for the Product Designer role. "
            "Would Thursday, November 19 at 1:30 PM work for you?\n\nBest,\nDana Okafor\n"
            "Talent Partner, Acme",
    "from_name": "Dana Okafor", "from_email": "dana.okafor@acme.example",
    "received_on": "2026-11-16", "on": "2026-11-16",
}


def test_an_invitation_answers_the_prompt_and_its_fields(api):
    answer = api.post(URL, json=INVITATION)
    assert answer.status_code == 200, answer.json
    assert answer.json["kind"] == "invitation" and answer.json["track"] is True
    assert answer.json["interview"] == {
        "company": "Acme", "position": "Product Designer", "interview_date": "2026-11-19",
        "interview_time": "13:30", "interviewer_name": "Dana Okafor",
        "interviewer_email": "dana.okafor@acme.example", "timeline": None,
        "decision_date": None, "return_on": None}
    assert answer.json["reply"] is None and answer.json["away"] is None


def test_a_newsletter_answers_nothing_to_offer(api):
    answer = api.post(URL, json={"subject": "5 questions to ask in your interview",
                                 "text": "Join our webinar on Thursday. Unsubscribe.",
                                 "from_email": "news@careerweekly.example"})
    assert answer.status_code == 200
    assert answer.json["track"] is False and answer.json["interview"] is None


def test_an_interview_already_tracked_is_not_offered_again(api, add_interview):
    tracked = add_interview(interviewer_email="dana.okafor@acme.example",
                            interview_date="2026-11-19")
    answer = api.post(URL, json=INVITATION).json
    assert answer["track"] is False and answer["already_tracked"] == tracked["id"]


def test_their_message_after_the_last_follow_up_is_a_reply(api, add_interview):
    interview = add_interview(interviewer_name="Dana Okafor",
                              interviewer_email="dana.okafor@acme.example",
                              interview_date="2026-11-24")
    api.post(f"/api/v1/interviews/{interview['id']}/follow-ups", json={"sent_on": "2026-12-01"})
    reply = {"subject": "Re: Following up", "text": "Thanks for checking in! Still deciding.",
             "from_name": "Dana Okafor", "from_email": "Dana.Okafor@acme.example",
             "received_on": "2026-12-08"}
    answer = api.post(URL, json=reply).json
    assert answer["reply"] == {"interview_id": interview["id"], "company": "Acme",
                               "position": "Product Manager", "interviewer_name": "Dana Okafor",
                               "received_on": "2026-12-08", "last_follow_up": "2026-12-01"}
    colleague = api.post(URL, json={**reply, "from_email": "priya@acme.example"}).json
    assert colleague["reply"]["interview_id"] == interview["id"]  # the company's own domain
    before = api.post(URL, json={**reply, "received_on": "2026-11-30"}).json
    assert before["reply"] is None  # older than the follow-up: not an answer to it
    stranger = api.post(URL, json={**reply, "from_email": "dana@gmail.com"}).json
    assert stranger["reply"] is None  # a shared mail domain says nothing about the company


def test_an_automatic_reply_is_never_a_reply_and_offers_to_wait(api, add_interview):
    interview = add_interview(interviewer_email="dana.okafor@acme.example",
                              interview_date="2026-12-14")
    api.post(f"/api/v1/interviews/{interview['id']}/follow-ups", json={"sent_on": "2026-12-18"})
    fresh = add_interview(company="Globex", interviewer_email="lee@globex.example",
                          interview_date="2026-12-14")
    away = {"subject": "Automatic reply: Thank you", "from_email": "lee@globex.example",
            "text": "I am currently on vacation and will be available again from January 6, 2027.",
            "received_on": "2026-12-18", "on": "2026-12-18"}
    answer = api.post(URL, json=away).json
    assert answer["kind"] == "auto_reply" and answer["reply"] is None
    assert answer["away"]["interview_id"] == fresh["id"]
    assert answer["away"]["return_on"] == "2027-01-06"
    assert answer["away"]["can_move"] is True and answer["away"]["move_to"] == "2027-01-07"
    assert answer["away"]["next"]["action"] == "first_follow_up"
    dana = api.post(URL, json={**away, "from_email": "dana.okafor@acme.example"}).json
    assert dana["reply"] is None  # after a follow-up, still no reply
    assert dana["away"]["next"]["action"] == "second_follow_up"
    assert dana["away"]["can_move"] is True and dana["away"]["move_to"] == "2027-01-07"


def test_waiting_for_the_return_moves_whichever_follow_up_is_next_and_undo_puts_it_back(
        api, add_interview):
    interview = add_interview(interviewer_email="dana.okafor@acme.example",
                              interview_date="2026-12-14")
    url = f"/api/v1/interviews/{interview['id']}"
    api.post(f"{url}/follow-ups", json={"sent_on": "2026-12-18"})
    second = api.get(url, query_string={"on": "2026-12-18"}).json["schedule"]["next"]
    assert second["action"] == "second_follow_up" and second["earliest"] < "2027-01-06"
    moved = api.patch(url, json={"away_until": "2027-01-06"},
                      query_string={"on": "2026-12-18"}).json
    assert moved["away_until"] == "2027-01-06"
    after = moved["schedule"]["next"]
    assert after["action"] == "second_follow_up"
    assert (after["earliest"], after["latest"]) == ("2027-01-07", "2027-01-08")
    assert "away until" in after["reason"]
    undone = api.patch(url, json={"away_until": None}, query_string={"on": "2026-12-18"}).json
    assert undone["away_until"] is None and undone["schedule"]["next"] == second
    # A follow-up sent after they are back is counted from as usual: the return day is past.
    api.patch(url, json={"away_until": "2027-01-06"})
    api.post(f"{url}/follow-ups", json={"sent_on": "2027-01-07"})
    last = api.get(url, query_string={"on": "2027-01-07"}).json["schedule"]["next"]
    assert last["action"] == "move_on" and "away until" not in last["reason"]


def test_bad_input_is_a_400_naming_the_field(api):
    for body, field in (({}, "text"), ({"text": ""}, "text"), ({"text": 5}, "text"),
                        ({"text": "x", "from_email": "not an address"}, "from_email"),
                        ({"text": "x", "received_on": "yesterday"}, "received_on"),
                        ({"text": "x" * 50_001}, "text"), ({"text": "x", "body": "y"}, "body")):
        answer = api.post(URL, json=body)
        assert answer.status_code == 400 and answer.json["error"]["field"] == field, body


def test_it_needs_the_token_and_refuses_a_huge_body(api, anonymous):
    assert anonymous.post(URL, json=INVITATION).status_code == 401
    assert api.post(URL, json={"text": "y" * 300_000}).status_code == 413


def test_nothing_of_the_message_is_stored_or_logged(app, api, add_interview, caplog):
    add_interview(interviewer_email="dana.okafor@acme.example")  # so the database has rows
    marker = "Zanzibar-7731-quokka"
    caplog.set_level(logging.DEBUG)
    for body in ({**INVITATION, "text": INVITATION["text"] + f"\n{marker}",
                  "subject": f"Interview {marker}"},
                 {"text": f"Out of office until Monday. {marker}",
                  "subject": "Automatic reply", "from_email": "dana.okafor@acme.example"},
                 {"text": marker, "from_email": f"{marker}@x"}):  # refused: echoed, not kept
        api.post(URL, json=body)
    # The sender-only check: an address and a day, kept nowhere either.
    api.post("/api/v1/messages/reply", json={"from_email": f"{marker.lower()}@acme.example",
                                             "received_on": "2026-12-03"})
    folder = Path(app.config["DATABASE"]).parent
    for path in folder.rglob("*"):
        if path.is_file():
            assert marker.encode() not in path.read_bytes(), path
    assert marker not in caplog.text


def test_who_the_user_waits_on_is_the_interviewers_with_a_follow_up_sent(api, add_interview):
    waiting = add_interview(interviewer_email="Dana.Okafor@acme.example",
                            interview_date="2026-11-24")
    api.post(f"/api/v1/interviews/{waiting['id']}/follow-ups", json={"sent_on": "2026-12-01"})
    add_interview(company="Globex", interviewer_email="lee@globex.example",
                  interview_date="2026-11-24")  # no follow-up yet: nothing to answer
    at_gmail = add_interview(company="Initech", interviewer_email="bo@gmail.com",
                             interview_date="2026-11-24")
    api.post(f"/api/v1/interviews/{at_gmail['id']}/follow-ups", json={"sent_on": "2026-12-01"})
    replied = add_interview(company="Hooli", interviewer_email="kim@hooli.example",
                            interview_date="2026-11-24")
    api.post(f"/api/v1/interviews/{replied['id']}/follow-ups", json={"sent_on": "2026-12-01"})
    api.post(f"/api/v1/interviews/{replied['id']}/reply", json={"received_on": "2026-12-02"})
    answer = api.get("/api/v1/messages/watch")
    assert answer.status_code == 200
    # A shared mail provider's domain is no company's: only the address itself counts there.
    assert answer.json == {"addresses": ["bo@gmail.com", "dana.okafor@acme.example"],
                           "domains": ["acme.example"]}


def test_a_reply_with_no_job_words_is_known_by_its_sender_and_day(api, add_interview):
    interview = add_interview(interviewer_name="Dana Okafor",
                              interviewer_email="dana.okafor@acme.example",
                              interview_date="2026-11-24")
    api.post(f"/api/v1/interviews/{interview['id']}/follow-ups", json={"sent_on": "2026-12-01"})
    url = "/api/v1/messages/reply"
    answer = api.post(url, json={"from_email": "priya@acme.example", "received_on": "2026-12-03"})
    assert answer.status_code == 200
    assert answer.json["reply"]["interview_id"] == interview["id"]  # the company's own domain
    older = api.post(url, json={"from_email": "dana.okafor@acme.example",
                                "received_on": "2026-11-30"}).json
    assert older["reply"] is None  # before the follow-up: not an answer to it
    assert api.post(url, json={"from_email": "sam@mailbox.example",
                               "received_on": "2026-12-03"}).json["reply"] is None
    for body, field in (({"received_on": "2026-12-03"}, "from_email"),
                        ({"from_email": "x@acme.example"}, "received_on"),
                        ({"from_email": "x@acme.example", "received_on": "2026-12-03",
                          "text": "Sounds good"}, "text")):
        bad = api.post(url, json=body)
        assert bad.status_code == 400 and bad.json["error"]["field"] == field, body


def test_the_users_own_note_from_the_company_domain_is_no_reply(api, add_interview):
    interview = add_interview(interviewer_email="dana.okafor@acme.example",
                              interview_date="2026-11-24")
    api.post(f"/api/v1/interviews/{interview['id']}/follow-ups", json={"sent_on": "2026-12-01"})
    own = {"subject": "Re: Following up", "from_email": "sam@acme.example",
           "text": "Hi Dana, thank you for taking the time to speak with me. "
                   "I look forward to hearing from you.", "received_on": "2026-12-03"}
    answer = api.post(URL, json=own).json
    assert answer["kind"] == "own" and answer["reply"] is None
