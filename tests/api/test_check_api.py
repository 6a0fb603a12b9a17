"""POST /api/v1/check: any draft, checked against the advice, with the interview's timing."""
import pytest

URL = "/api/v1/check"
POLITE = ("Hi Dana,\n\nThank you again for meeting with me about the Product Manager role. I'm "
          "still very interested in joining the team. Is there anything else I can provide?\n\n"
          "Best regards,\nAlex")
PUSHY = ("Hi Dana,\n\nI have another offer and need your answer by Friday, or I will accept it.\n\n"
         "Best,\nAlex")


def test_a_polite_draft_is_ok(api):
    response = api.post(URL, json={"body": POLITE, "subject": "Following up — Product Manager"})
    assert response.status_code == 200, response.json
    assert response.json["ok"] is True
    assert not [f for f in response.json["findings"] if f["severity"] == "error"]


def test_an_ultimatum_is_not_ok_and_points_at_the_words(api):
    answer = api.post(URL, json={"body": PUSHY}).json
    assert answer["ok"] is False
    [finding] = [f for f in answer["findings"] if f["rule"] == "ultimatum"][:1]
    assert finding["severity"] == "error"
    assert PUSHY[finding["start"]:finding["end"]] == finding["match"] != ""


def test_with_an_interview_the_timing_rules_apply(api, add_interview):
    interview = add_interview()
    early = api.post(URL, json={"body": POLITE, "interview_id": interview["id"],
                                "on": "2026-03-05"}).json
    assert early["ok"] is False
    assert "too_soon" in [f["rule"] for f in early["findings"]]
    due = api.post(URL, json={"body": POLITE, "interview_id": interview["id"],
                              "on": "2026-03-09"}).json
    assert due["ok"] is True


def test_a_follow_up_after_two_is_too_many(api, add_interview):
    interview = add_interview()
    for day in ("2026-03-09", "2026-03-16"):
        api.post(f"/api/v1/interviews/{interview['id']}/follow-ups", json={"sent_on": day})
    again = ("Hi Dana,\n\nThank you again for your time. I'm just checking in on the Product "
             "Manager role once more. Is there any update?\n\nThanks,\nAlex")
    answer = api.post(URL, json={"body": again, "interview_id": interview["id"],
                                 "on": "2026-03-30"}).json
    assert "too_many_follow_ups" in [f["rule"] for f in answer["findings"]]
    closing = api.post(URL, json={"body": "Hi Dana,\n\nThank you for considering me. I wish "
                                          "you and the team all the best.\n\nAlex",
                                  "interview_id": interview["id"], "on": "2026-03-30"}).json
    assert "too_many_follow_ups" not in [f["rule"] for f in closing["findings"]]


def test_after_a_reply_the_timing_rules_are_quiet(api, add_interview):
    interview = add_interview()
    api.post(f"/api/v1/interviews/{interview['id']}/reply", json={"received_on": "2026-03-04"})
    answer = api.post(URL, json={"body": POLITE, "interview_id": interview["id"],
                                 "on": "2026-03-05"}).json
    assert answer["ok"] is True


def error(response, status):
    assert response.status_code == status, response.json
    return response.json["error"]


@pytest.mark.parametrize("body, field, words", [
    ({}, "body", "required"),
    ({"body": ""}, "body", "empty"),
    ({"body": 42}, "body", "text"),
    ({"body": ["Hi"]}, "body", "text"),
    ({"body": "x" * 20_001}, "body", "too long"),
    ({"body": "Hi\x00there"}, "body", "control"),
    ({"body": POLITE, "subject": "one\ntwo"}, "subject", "one line"),
    ({"body": POLITE, "interview_id": "7"}, "interview_id", "whole number"),
    ({"body": POLITE, "on": "03/09/2026"}, "on", "YYYY-MM-DD"),
    ({"body": POLITE, "draft": "hi"}, "draft", "not a field"),
])
def test_bad_input_is_a_400_naming_the_field(api, body, field, words):
    found = error(api.post(URL, json=body), 400)
    assert found["field"] == field and words in found["message"]


def test_an_unknown_interview_is_404(api):
    assert error(api.post(URL, json={"body": POLITE, "interview_id": 999}), 404)


def test_a_megabyte_draft_is_refused_not_checked(api):
    assert error(api.post(URL, json={"body": "Thank you! " * 100_000}), 413)["code"] == "too_large"


def test_no_token_is_401(anonymous):
    assert error(anonymous.post(URL, json={"body": POLITE}), 401)


# The extension took the webmail's signature out of the body; the user typed a line below it.
BELOW_THE_SIGNATURE = ("Hi Dana,\n\nThank you again for meeting with me. Is there any news?\n\n"
                       "All the best,\nYou people are rude and unprofessional.")


def test_with_the_signature_left_out_a_line_after_the_closing_is_checked(api):
    guessed = api.post(URL, json={"body": BELOW_THE_SIGNATURE}).json
    assert "aggressive" not in [f["rule"] for f in guessed["findings"]], \
        "by default a short line after the closing is taken for the signature"
    left_out = api.post(URL, json={"body": BELOW_THE_SIGNATURE, "signature": "left_out"}).json
    assert left_out["ok"] is False
    words = [BELOW_THE_SIGNATURE[f["start"]:f["end"]]
             for f in left_out["findings"] if f["rule"] == "aggressive"]
    assert "unprofessional" in words, left_out["findings"]


def test_with_the_signature_left_out_a_dash_dash_line_still_starts_one(api):
    body = "Hi Dana,\n\nIs there any news?\n\n-- \nI need an answer by Friday or I will accept another offer."
    answer = api.post(URL, json={"body": body, "signature": "left_out"}).json
    assert "ultimatum" not in [f["rule"] for f in answer["findings"]]


@pytest.mark.parametrize("value", ["gone", True, 1, ""])
def test_an_unknown_signature_mode_is_a_400_naming_the_field(api, value):
    response = api.post(URL, json={"body": POLITE, "signature": value})
    assert response.status_code == 400, response.json
    assert response.json["error"]["field"] == "signature"
