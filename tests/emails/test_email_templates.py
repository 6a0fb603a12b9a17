"""Every built-in template, in every style, reads like a finished e-mail a person wrote."""
import re
from datetime import date
from difflib import SequenceMatcher
from itertools import combinations

import pytest

from backend import drafting, render

PROFILE = {"name": "Alex Kim", "signature": "Alex Kim\nalex.kim@example.com · 555-0100"}
NO_PROFILE = {"name": None, "signature": None}
PRIVATE = "Interviewer seemed rushed; salary range 120-140k."

# Realistic interviews: with and without an interviewer, a timeline, notes worth sharing.
INTERVIEWS = {
    "named, timeline, value notes": {
        "company": "Northwind Labs", "position": "Product Manager",
        "interview_date": "2026-03-06", "interviewer_name": "Sarah Chen",
        "decision_date": "2026-03-13", "timeline": "by the end of next week",
        "notes": f"{PRIVATE}\nvalue: since we spoke I finished the AWS Solutions Architect "
                 "certification\narticle: https://hbr.org/2024/05/pricing-experiments"},
    "no interviewer, no timeline, no notes": {
        "company": "Globex", "position": "Data Analyst", "interview_date": "2026-11-24",
        "interviewer_name": None, "decision_date": None, "timeline": None, "notes": None},
    "titled interviewer, private notes only": {
        "company": "Initech", "position": "Senior Backend Engineer",
        "interview_date": "2026-12-18", "interviewer_name": "Dr. Priya Patel",
        "decision_date": "2027-01-08", "timeline": "in three weeks", "notes": PRIVATE},
    "article only": {
        "company": "Acme Corp", "position": "UX Designer", "interview_date": "2026-06-02",
        "interviewer_name": "jordan", "decision_date": None, "timeline": "soon-ish",
        "notes": "Article: https://example.com/design-systems-at-scale"},
}
SENTENCE = re.compile(r"(?<=[.!?])\s+|\n+")


def cases():
    for label, interview in INTERVIEWS.items():
        for template in render.template_names():
            if template == "first_follow_up_timeline" and not interview["decision_date"]:
                continue
            for variant in drafting.variants():
                for profile in (PROFILE, NO_PROFILE):
                    yield pytest.param(interview, template, variant, profile,
                                       id=f"{label}-{template}-{variant}-{bool(profile['name'])}")


def written(interview, template, variant, profile=PROFILE):
    day = date.fromisoformat(interview["interview_date"])
    on = day if template == "thank_you" else date(2027, 1, 20)
    return render.render_email(template, drafting.email_context(interview, profile, on, variant))


@pytest.mark.parametrize("interview, template, variant, profile", list(cases()))
def test_every_template_renders_a_finished_email(interview, template, variant, profile):
    subject, body = written(interview, template, variant, profile)
    for text in (subject, body):
        for leftover in ("[", "]", "{{", "}}", "{%", "<", "None", "XXX", "  "):
            assert leftover not in text, (leftover, text)
    assert "\n" not in subject and interview["position"] in subject
    assert interview["position"] in body and interview["company"] in body + subject
    assert "\n\n\n" not in body and body == body.strip() + "\n"
    assert all(line == line.rstrip() for line in body.splitlines())
    assert not re.search(r"\d{4}-\d{2}-\d{2}", body), "dates are written as people write them"
    assert PRIVATE not in body, "notes are private unless marked value: or article:"
    first_line = body.splitlines()[0]
    assert first_line.endswith(",") and first_line.count(" ") <= 3
    closing = drafting.variants()[variant]["closing"]
    if profile["signature"]:
        assert body.endswith(f"{closing}\n{profile['signature']}\n")
    else:
        assert body.endswith(f"{closing}\n")
    prose = body.split(closing)[0]
    assert len(prose.split()) <= 140, "short enough to be read"


def test_the_greeting_uses_the_first_name_or_a_title_and_surname_or_none():
    assert written(INTERVIEWS["named, timeline, value notes"], "first_follow_up",
                   "friendly")[1].startswith("Hi Sarah,\n")
    assert written(INTERVIEWS["titled interviewer, private notes only"], "first_follow_up",
                   "gratitude")[1].startswith("Dear Dr. Patel,\n")
    for variant, greeting in (("direct", "Hello,"), ("friendly", "Hi there,"),
                              ("gratitude", "Dear Globex team,")):
        body = written(INTERVIEWS["no interviewer, no timeline, no notes"], "second_follow_up",
                       variant)[1]
        assert body.startswith(greeting + "\n")


def test_dates_read_as_people_write_them():
    _, body = written(INTERVIEWS["named, timeline, value notes"], "first_follow_up_timeline",
                      "direct")
    assert "on Friday, March 6, 2026" in body  # written in 2027: the year is said
    assert "by Friday, March 13, 2026" in body
    assert drafting.human_day(date(2026, 3, 13), date(2026, 3, 16)) == "Friday, March 13"
    assert drafting.when_phrase(date(2026, 3, 13), date(2026, 3, 13)) == "today"
    assert drafting.when_phrase(date(2026, 3, 12), date(2026, 3, 13)) == "yesterday"


def test_the_thank_you_note_says_today_on_the_day():
    _, body = written(INTERVIEWS["named, timeline, value notes"], "thank_you", "direct")
    assert "Thank you for meeting with me today about the Product Manager role" in body


def test_the_timeline_template_mentions_the_date_they_gave_in_every_style():
    for variant in drafting.variants():
        _, body = written(INTERVIEWS["titled interviewer, private notes only"],
                          "first_follow_up_timeline", variant)
        assert "Friday, January 8" in body


def test_notes_marked_value_and_article_add_value():
    _, body = written(INTERVIEWS["named, timeline, value notes"], "first_follow_up", "direct")
    assert ("Since we spoke I finished the AWS Solutions Architect certification. You may find "
            "this article useful: https://hbr.org/2024/05/pricing-experiments") in body
    _, body = written(INTERVIEWS["article only"], "second_follow_up", "friendly")
    assert "you might enjoy it: https://example.com/design-systems-at-scale" in body
    _, body = written(INTERVIEWS["named, timeline, value notes"], "move_on", "direct")
    assert "AWS" not in body, "a closing note shares no achievements"


def sentences(body):
    """The sentences between the greeting and the sign-off."""
    middle = "\n".join(body.splitlines()[1:-3])
    return [s.strip() for s in SENTENCE.split(middle) if s.strip()]


@pytest.mark.parametrize("template", render.template_names())
def test_no_two_styles_share_a_sentence_or_a_subject(template):
    interview = INTERVIEWS["titled interviewer, private notes only"]
    written_in = {variant: written(interview, template, variant)
                  for variant in drafting.variants()}
    for (a, (subject_a, body_a)), (b, (subject_b, body_b)) in combinations(written_in.items(), 2):
        assert subject_a != subject_b
        for one in sentences(body_a):
            for other in sentences(body_b):
                likeness = SequenceMatcher(None, one.lower(), other.lower()).ratio()
                assert likeness < 0.7, f"{a} and {b} say nearly the same: {one!r} / {other!r}"
