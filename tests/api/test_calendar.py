"""Follow-up windows as .ics: RFC 5545 text a calendar app reads, all-day events, stable UIDs."""
from datetime import date

from icalendar import Calendar

URL = "/api/v1"
TRICKY = "Smith, Jones; Partners \\ Co — a long name that runs on and on past seventy-five octets ✓"


def parse(text: str):
    return Calendar.from_ical(text)


def events(text: str) -> list:
    return [c for c in parse(text).walk() if c.name == "VEVENT"]


def test_one_window_is_an_all_day_event_from_earliest_to_latest_with_the_reason(api, add_interview):
    interview = add_interview(interviewer_name="Dana Lee", interviewer_email="dana@acme.example")
    answer = api.get(f"{URL}/interviews/{interview['id']}/calendar?on=2026-03-04")
    assert answer.status_code == 200
    assert answer.json["filename"] == "follow-up-acme.ics"
    (event,) = events(answer.json["ics"])
    # Tue 3 Mar + 4/5 business days: Mon 9 – Tue 10 Mar; DTEND of a DATE event is exclusive.
    assert event.decoded("dtstart") == date(2026, 3, 9)
    assert event.decoded("dtend") == date(2026, 3, 11)
    assert event["summary"] == "Follow up with Acme"
    assert interview["schedule"]["next"]["reason"] in str(event["description"])
    assert "Dana Lee <dana@acme.example>" in str(event["description"])
    assert event["uid"] == f"interview-{interview['id']}-first_follow_up@followup-assistant.invalid"
    assert event.decoded("dtstamp").tzinfo is not None  # DTSTAMP is UTC, as the RFC asks
    (alarm,) = [c for c in event.walk() if c.name == "VALARM"]
    assert alarm["action"] == "DISPLAY"


def test_the_text_follows_rfc_5545_crlf_folding_and_escaping(api, add_interview):
    interview = add_interview(company=TRICKY)
    text = api.get(f"{URL}/interviews/{interview['id']}/calendar?on=2026-03-04").json["ics"]
    raw = text.encode("utf-8")
    lines = raw.split(b"\r\n")
    assert raw.endswith(b"\r\n") and b"\n" not in raw.replace(b"\r\n", b"")
    assert all(len(line) <= 75 for line in lines), max(lines, key=len)
    assert lines[0] == b"BEGIN:VCALENDAR" and b"VERSION:2.0" in lines
    assert any(line.startswith(b"PRODID:") for line in lines)
    assert b"DTSTART;VALUE=DATE:20260309" in lines
    unfolded = raw.replace(b"\r\n ", b"")
    assert b"SUMMARY:Follow up with Smith\\, Jones\\; Partners \\\\ Co" in unfolded
    (event,) = events(text)
    assert event["summary"] == f"Follow up with {TRICKY}"  # and it reads back whole


def test_the_export_holds_every_follow_up_still_to_send_and_scheduled_thank_yous(api, add_interview):
    due = add_interview(company="Due Co", interview_date="2026-03-03")
    later = add_interview(company="Later Co", interview_date="2026-03-03", timeline="in two weeks")
    scheduled = add_interview(company="Next Week Co", interview_date="2026-03-12")
    replied = add_interview(company="Replied Co")
    api.post(f"{URL}/interviews/{replied['id']}/reply", json={"received_on": "2026-03-05"})
    stale = add_interview(company="Stale Co", interview_date="2026-01-05")
    answer = api.get(f"{URL}/calendar?on=2026-03-09")
    assert answer.status_code == 200 and answer.json["filename"] == "follow-ups.ics"
    found = {str(e["summary"]) for e in events(answer.json["ics"])}
    assert found == {"Follow up with Due Co", "Follow up with Later Co",
                     "Follow up with Next Week Co", "Send a thank-you note to Next Week Co"}
    thank_you = [e for e in events(answer.json["ics"]) if "thank-you" in str(e["summary"])][0]
    assert thank_you.decoded("dtstart") == date(2026, 3, 12)
    assert len({str(e["uid"]) for e in events(answer.json["ics"])}) == 4
    assert due and later and scheduled and stale


def test_an_interview_with_nothing_to_follow_up_says_so(api, add_interview):
    interview = add_interview()
    api.post(f"{URL}/interviews/{interview['id']}/close", json={"outcome": "offer"})
    answer = api.get(f"{URL}/interviews/{interview['id']}/calendar")
    assert answer.status_code == 409 and answer.json["error"]["code"] == "nothing_to_schedule"
    assert api.get(f"{URL}/interviews/424242/calendar").status_code == 404


def test_an_empty_export_is_still_a_valid_calendar(api):
    text = api.get(f"{URL}/calendar").json["ics"]
    assert parse(text).name == "VCALENDAR" and events(text) == []
