"""The detector on its own: what kind of message, and the fields of the interview."""
from datetime import date, time

import pytest

from backend.inbox import Message, detect, read_message
from backend.inbox import eval as inbox_eval

FRIDAY = date(2026, 11, 20)


def read(text, subject="", from_name="Dana Okafor", from_email="dana.okafor@acme.example",
         received_on=FRIDAY, calendar=None):
    return read_message(Message(subject=subject, text=text, from_name=from_name,
                                from_email=from_email, received_on=received_on,
                                calendar=calendar), "US")


def test_an_invitation_is_offered_with_its_fields():
    reading, fields = read(
        "Hi Sam,\n\nI'd love to set up a 30-minute phone screen for the "
        "Product Designer role. We have you down for next Tuesday at 10am.\n\nBest,\n"
        "Dana Okafor\nTalent Partner, Acme", subject="Phone screen")
    assert reading.track and reading.kind == "invitation"
    assert (fields.company, fields.position) == ("Acme", "Product Designer")
    assert (fields.interview_date, fields.interview_time) == (date(2026, 11, 24), time(10, 0))
    assert (fields.interviewer_name, fields.interviewer_email) == (
        "Dana Okafor", "dana.okafor@acme.example")


def test_a_thank_you_note_gives_the_timeline_and_the_day_of_the_interview():
    reading, fields = read(
        "Hi Sam,\n\nThanks so much for coming in today to meet the team about the Product "
        "Designer role. We'll get back to you by next Friday with next steps.\n\nDana",
        subject="Thanks for coming in today", received_on=date(2026, 11, 24))
    assert reading.track and reading.kind == "thanks"
    assert fields.interview_date == date(2026, 11, 24)
    assert fields.timeline == "We'll get back to you by next Friday with next steps."
    assert fields.decision_date == date(2026, 12, 4)  # the timeline parser's "next Friday"


def test_a_calendar_invitation_gives_the_day_time_and_organiser():
    reading, fields = read(
        "You have been invited to the following event.", subject="Invitation: Interview - Sam",
        from_name="Calendar", from_email="calendar-notification@example.com",
        calendar={"start": "2026-12-02T15:00:00", "summary": "Interview - Sam Doe / Quanta",
                  "organizer_email": "rita.moreno@quanta.example", "organizer_name": "Rita Moreno"})
    assert reading.track
    assert (fields.interview_date, fields.interview_time) == (date(2026, 12, 2), time(15, 0))
    assert fields.interviewer_email == "rita.moreno@quanta.example"
    assert fields.company == "Quanta"


@pytest.mark.parametrize("subject, text", [
    ("Update on your interview", "Thank you again for coming in to meet the team for the Platform "
     "Engineer role. After the team debrief, we've decided to move forward with another candidate."),
    ("Thank you – interview", "Hi Dana, thank you for taking the time to speak with me today. "
     "I'm excited about the role and I look forward to hearing from you."),
    ("Thank you for applying", "Thank you for applying for the Designer position. Our team will "
     "review your application and, if your qualifications match our needs, we will contact you "
     "to schedule an interview."),
    ("5 questions to ask in your interview", "Prepare for your next interview with our free "
     "webinar on Thursday at 6 PM. Unsubscribe."),
    ("Sunday", "Are you still coming for lunch on Sunday at 1? Dad wants to hear how the "
     "interviews are going."),
    ("Offer", "We are thrilled to extend the following job offer to you for the position of "
     "Content Strategist. Please indicate your acceptance by December 4."),
])
def test_look_alikes_get_no_prompt(subject, text):
    reading, _ = read(text, subject=subject)
    assert not reading.track, reading


def test_an_out_of_office_reply_is_read_with_its_return_day():
    reading, fields = read(
        "Thank you for your message. I am currently out of office and don't have access to my "
        "email. Feel free to contact me when I return on November 30.", subject="Out of Office")
    assert reading.kind == "auto_reply" and not reading.track
    assert fields.return_on == date(2026, 11, 30)


def test_a_deadline_to_answer_is_not_the_interview_date():
    _, fields = read("We are pleased to invite you to interview for the Marketing Manager "
                     "position at BrightPath on December 3 at 10:00 AM via Zoom. Please confirm "
                     "your availability by November 25.", subject="Interview Invitation")
    assert (fields.interview_date, fields.interview_time) == (date(2026, 12, 3), time(10, 0))


def test_a_mailbox_sender_gives_no_interviewer_and_a_shared_domain_no_company():
    _, fields = read("We would like to invite you to an interview for the Analyst role.",
                     subject="Interview", from_name="Careers Team", from_email="no-reply@gmail.com")
    assert fields.interviewer_name is None and fields.interviewer_email is None
    assert fields.company is None


def test_every_signal_names_its_source(tmp_path, monkeypatch):
    bad = tmp_path / "signals.toml"
    bad.write_text('[[signal]]\nname = "x"\nkind = "invitation"\nweight = 1\npatterns = ["a"]\n')
    monkeypatch.setattr(detect, "SIGNALS_FILE", bad)
    detect.signals.cache_clear()
    try:
        with pytest.raises(ValueError, match="names no source"):
            detect.signals()
    finally:
        monkeypatch.undo()
        detect.signals.cache_clear()


def test_the_prompt_meets_its_precision_target_on_the_dev_half():
    """Only dev is held to the target: a test on the locked half would be tuning on it (its
    reading is reported by `make eval` and in docs/mail-detector.md instead)."""
    dev = [m for m in inbox_eval.load() if m.split == "dev"]
    counts = inbox_eval.measure(dev)["counts"]
    assert counts["tp"] / (counts["tp"] + counts["fp"]) >= inbox_eval.TARGET_PRECISION


def test_the_split_is_fixed_by_the_id_alone():
    messages = inbox_eval.load()
    assert {m.split for m in messages} == {"dev", "locked"}
    first = {m.id: m.split for m in messages}
    assert {m.id: m.split for m in inbox_eval.load()} == first


def test_the_signature_names_the_company_when_the_address_does_not():
    _, fields = read("Hi Sam,\n\nWe would like to invite you to an interview for the Analyst role "
                     "on December 3 at 10:00 AM.\n\nBest,\nDana Okafor\nTalent Partner, Acme",
                     subject="Interview", from_email="")
    assert fields.company == "Acme"


@pytest.mark.parametrize("text", [
    # Thanks for coming in, then the decision in words the regret-free rules know.
    "Thank you for coming in to meet the team for the Analyst role. We enjoyed the conversation. "
    "In the end we have selected a candidate whose experience is a closer match for the role.",
    "Thanks for coming in on Tuesday, it was great to meet you. We have decided to go with another "
    "candidate for the Designer position, and I wish you the best.",
    "Thank you for taking the time to meet with us about the position. We regret to inform you "
    "that we will not be proceeding.",
])
def test_a_rejection_vetoes_the_prompt_even_when_it_thanks_the_user_for_coming_in(text):
    reading, _ = read(text, subject="Your interview")
    assert not reading.track
    assert reading.vetoed and "rejection" in reading.matched


def test_a_rescheduled_interview_is_offered_on_its_new_day_despite_unfortunately():
    reading, fields = read(
        "Hi Sam,\n\nUnfortunately we need to reschedule our interview for the Analyst position "
        "that we had arranged for Monday, November 23 at 10 AM. Would you be available to "
        "reschedule for Wednesday, November 25 at 2 PM?\n\nDana Okafor\nAcme",
        subject="Rescheduling interview for the Analyst position")
    assert reading.track and not reading.vetoed
    assert (fields.interview_date, fields.interview_time) == (date(2026, 11, 25), time(14, 0))


def test_recruiter_outreach_is_not_an_interview_to_track():
    reading, _ = read(
        "Hi Sam, I came across your LinkedIn profile and we'd love to schedule a time to chat "
        "about our Backend Engineer position. Would you be available for a quick intro call?",
        subject="Backend Engineer at Acme")
    assert reading.kind == "outreach" and not reading.track


def test_a_calendar_service_is_never_the_company():
    _, fields = read("Your interview for the Analyst role.\nWhen\nTuesday Nov 24, 2026 3pm\n"
                     "Invitation from Google Calendar", subject="Invitation: Interview @ Tue",
                     calendar={"start": "2026-11-24T15:00", "summary": "Interview"})
    assert fields.company == "Acme"  # the sender's domain, not the calendar's name
