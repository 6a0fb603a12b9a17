"""drafting.build_draft: the right template for the moment, filled in, and checked by the rules."""
from datetime import date

import pytest

from backend import drafting, render
from backend.problems import Conflict, Invalid
from backend.timing import schedule

PROFILE = {"name": "Alex Kim", "signature": "Alex Kim\nalex.kim@example.com"}
PRIVATE = "Recruiter hinted the budget is tight."
NOTES = (f"{PRIVATE}\nvalue: since we spoke I led the launch of our self-serve onboarding\n"
         "article: https://example.com/onboarding-metrics")
CONTRACT_KEYS = {"subject", "body", "action", "template", "schedule", "findings"}


def interview(on=None, **fields) -> dict:
    """An Interview as the API shows it (docs/api.md), its schedule from the real timing rules."""
    data = {"id": 1, "company": "Northwind Labs", "position": "Product Manager",
            "interview_date": "2026-03-06", "interviewer_name": "Sarah Chen",
            "interviewer_email": None, "timeline": None, "decision_date": None,
            "timeline_parsed": None, "country": "US", "notes": None, "follow_ups": [],
            "reply_on": None, "outcome": None, **fields}
    day = lambda value: date.fromisoformat(value) if value else None
    action = schedule.next_action(
        interview_date=day(data["interview_date"]), decision_date=day(data["decision_date"]),
        follow_ups=[day(f["sent_on"]) for f in data["follow_ups"]],
        reply_on=day(data["reply_on"]), outcome=data["outcome"], country="US")
    on = on or (action.earliest if action else day(data["interview_date"]))
    data["schedule"] = {"state": schedule.state_on(action, reply_on=day(data["reply_on"]),
                                                   outcome=data["outcome"], on=on),
                        "next": action.to_dict() if action else None}
    return data


def draft(data, on, template=None, variant=None, user_templates=None, profile=PROFILE):
    return drafting.build_draft(data, profile, on, template, variant, user_templates or {})


def rules(found, severity=None):
    return [f["rule"] for f in found["findings"] if severity in (None, f["severity"])]


ONE_SENT = [{"sent_on": "2026-03-12"}]
TWO_SENT = [{"sent_on": "2026-03-12"}, {"sent_on": "2026-03-19"}]
# (label, interview fields, the template the schedule leads to); each drafted on its earliest day.
MOMENTS = [
    ("no timeline", {}, "first_follow_up"),
    ("decision date", {"decision_date": "2026-03-13", "timeline": "by next Friday"},
     "first_follow_up_timeline"),
    ("one follow-up sent", {"follow_ups": ONE_SENT}, "second_follow_up"),
    ("two follow-ups sent", {"follow_ups": TWO_SENT}, "move_on"),
]
PEOPLE = [
    ("named, with notes", {"interviewer_name": "Sarah Chen", "notes": NOTES}),
    ("no name, no notes", {"interviewer_name": None, "notes": None}),
    ("titled, private notes", {"interviewer_name": "Prof. Ana Ruiz", "notes": PRIVATE}),
]


def moments():
    for label, fields, template in MOMENTS:
        for who, person in PEOPLE:
            for variant in drafting.variants():
                yield pytest.param({**fields, **person}, template, variant,
                                   id=f"{label}-{who}-{variant}")


@pytest.mark.parametrize("fields, template, variant", list(moments()))
def test_the_draft_for_each_moment_passes_the_checker(fields, template, variant):
    data = interview(**fields)
    on = date.fromisoformat(data["schedule"]["next"]["earliest"])
    found = draft(data, on, variant=variant)
    assert found["template"] == template and found["variant"] == variant
    assert rules(found, "error") == [] and rules(found, "warning") == [], found["findings"]
    assert PRIVATE not in found["body"]
    if "value:" in (fields.get("notes") or "") and template != "move_on":
        assert "I led the launch of our self-serve onboarding." in found["body"]
        assert "add_value" not in rules(found)


@pytest.mark.parametrize("variant", list(drafting.variants()))
@pytest.mark.parametrize("who, person", PEOPLE)
def test_the_thank_you_note_on_the_day_passes_the_checker(variant, who, person):
    found = draft(interview(**person), date(2026, 3, 6), variant=variant)
    assert found["template"] == found["action"] == "thank_you"
    assert "today" in found["body"]
    assert rules(found, "error") == [] and rules(found, "warning") == [], found["findings"]


def test_a_draft_has_the_contract_shape_and_lists_the_styles():
    data = interview()
    found = draft(data, date(2026, 3, 12))
    assert CONTRACT_KEYS <= set(found)
    assert found["action"] == "first_follow_up"
    assert found["variant"] == drafting.DEFAULT_VARIANT == "friendly"
    assert found["variants"] == [{"name": "direct", "label": "Direct and to the point"},
                                 {"name": "friendly", "label": "Friendly reminder"},
                                 {"name": "gratitude", "label": "Expressing gratitude"}]
    assert found["schedule"] == data["schedule"]
    for finding in found["findings"]:
        assert found["body"][finding["start"]:finding["end"]] == finding["match"]


def test_a_follow_up_drafted_too_soon_carries_too_soon_saying_when():
    found = draft(interview(), date(2026, 3, 9))
    [finding] = [f for f in found["findings"] if f["rule"] == "too_soon"]
    assert finding["severity"] == "error" and "Thu 12 Mar" in finding["message"]


def test_the_day_after_the_interview_is_already_a_follow_up():
    found = draft(interview(), date(2026, 3, 7))
    assert found["template"] == "first_follow_up" and "too_soon" in rules(found, "error")


def test_a_follow_up_after_two_is_refused_by_the_checker_not_by_an_error():
    found = draft(interview(follow_ups=TWO_SENT), date(2026, 3, 30), template="second_follow_up")
    assert found["template"] == "second_follow_up" and found["action"] == "move_on"
    assert "too_many_follow_ups" in rules(found, "error")


def test_the_timeline_draft_mentions_the_date_they_gave():
    found = draft(interview(decision_date="2026-03-13"), date(2026, 3, 16), variant="direct")
    assert "by Friday, March 13" in found["body"]


def test_after_a_reply_nothing_is_drafted_unless_a_template_is_asked_for():
    data = interview(reply_on="2026-03-10")
    with pytest.raises(drafting.DraftError) as raised:
        draft(data, date(2026, 3, 11))
    assert isinstance(raised.value, Conflict) and raised.value.code == "nothing_to_draft"
    assert "replied on Tuesday, March 10" in raised.value.message
    found = draft(data, date(2026, 3, 11), template="move_on")
    assert rules(found, "error") == []


@pytest.mark.parametrize("template, variant, field", [
    ("fourth_follow_up", None, "template"), (None, "pushy", "variant")])
def test_an_unknown_template_or_style_is_a_400_naming_it(template, variant, field):
    with pytest.raises(drafting.DraftError) as raised:
        draft(interview(), date(2026, 3, 12), template=template, variant=variant)
    assert isinstance(raised.value, Invalid) and raised.value.field == field


def test_the_timeline_template_without_a_decision_date_says_what_is_missing():
    with pytest.raises(drafting.DraftError) as raised:
        draft(interview(), date(2026, 3, 12), template="first_follow_up_timeline")
    assert isinstance(raised.value, Conflict)
    assert "needs a decision date" in raised.value.message


def test_without_a_profile_the_draft_ends_with_the_closing_for_the_mail_program_to_sign():
    found = draft(interview(), date(2026, 3, 12), variant="direct",
                  profile={"name": None, "signature": None})
    assert found["body"].endswith("Best regards,\n")


@pytest.mark.parametrize("profile, ending", [
    ({"name": "Alex Kim", "signature": "Alex Kim\n555-0100"},
     "Best regards,\nAlex Kim\n555-0100\n"),
    ({"name": "Alex Kim", "signature": "555-0100"}, "Best regards,\nAlex Kim\n555-0100\n"),
    ({"name": "Alex Kim", "signature": None}, "Best regards,\nAlex Kim\n"),
    ({"name": None, "signature": "A. Kim"}, "Best regards,\nA. Kim\n"),
])
def test_the_sign_off_has_the_name_once(profile, ending):
    found = draft(interview(), date(2026, 3, 12), variant="direct", profile=profile)
    assert found["body"].endswith(ending)


def test_a_saved_user_template_is_used_and_checked():
    mine = {"first_follow_up": {"subject": "Following up — {{ position }}",
                                "body": "{{ greeting }}\n\nThank you again for meeting me. I am "
                                        "still very interested in the {{ position }} role. Is "
                                        "there anything else I can send?\n\n{{ sign_off }}"}}
    found = draft(interview(), date(2026, 3, 12), user_templates=mine)
    assert found["subject"] == "Following up — Product Manager"
    assert found["body"].startswith("Hi Sarah,\n\nThank you again for meeting me.")
    assert rules(found, "error") == []


def test_a_user_template_needing_what_the_interview_lacks_says_so():
    mine = {"first_follow_up": {"subject": "Hi", "body": "Hi {{ interviewer_first_name }}"}}
    with pytest.raises(drafting.DraftError) as raised:
        draft(interview(interviewer_name=None), date(2026, 3, 12), user_templates=mine)
    assert isinstance(raised.value, Conflict)
    assert "Your saved first_follow_up template needs an interviewer name" in raised.value.message


@pytest.mark.parametrize("name", render.template_names())
def test_our_own_templates_fit_the_user_sandbox(name):
    """What GET /templates/<name> offers as a starting point can be saved unchanged."""
    source = render.source_of(name)
    assert drafting.check_user_template(name, source["subject"], source["body"]) == []
    for context in drafting.sample_contexts():
        assert render.render_user_template(source["subject"], source["body"], context) == \
            render.render_email(name, context)


def test_a_user_template_for_an_unknown_name_is_refused():
    [error] = drafting.check_user_template("sixth", "x", "y")
    assert error["field"] == "name"


@pytest.mark.parametrize("full, greeted", [
    ("Sarah Chen", "Sarah"), ("Dr. Priya Patel", "Dr. Patel"), ("prof Ana Ruiz", "prof Ruiz"),
    ("Mr Smith", "Mr Smith"), ("Cher", "Cher"), ("Dr.", "Dr."), ("  ", None), (None, None)])
def test_the_name_to_greet(full, greeted):
    assert drafting.address_name(full) == greeted
