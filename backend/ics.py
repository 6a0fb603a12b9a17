"""Follow-up windows as iCalendar (RFC 5545) events, for the user's own calendar app.

Written with the `icalendar` package rather than by hand: it gets the parts that are easy to get
subtly wrong (CRLF line ends, folding at 75 octets without splitting a UTF-8 character, escaping
of , ; \\ and newlines in text, VALUE=DATE parameters) right, and it parses what it writes.
Pure: Interview dicts in, bytes out; the caller gives the clock.
"""
from datetime import date, datetime, timedelta

from icalendar import Alarm, Calendar, Event

PRODID = "-//Follow-up Assistant//Follow-up windows//EN"
# The rules speak in days, so every event is all day: a DATE value has no time zone and falls
# on that day wherever the user is. The reminder fires at this local time on the first day.
REMINDER_AFTER_MIDNIGHT = timedelta(hours=9)
# What each next action is called in a calendar, by the action's name in the schedule.
TITLES = {
    "first_follow_up": "Follow up with {company}",
    "second_follow_up": "Second follow-up to {company}",
    "move_on": "Time to move on from {company}",
}
THANK_YOU = "Send a thank-you note to {company}"


def follow_up_calendar(interviews: list[dict], stamp: datetime, on: date) -> bytes:
    """One VCALENDAR with an event for each interview's next action (and scheduled thank-yous)."""
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", "Follow-ups")
    for interview in interviews:
        for event in events_of(interview, stamp, on):
            calendar.add_component(event)
    return calendar.to_ical()


def events_of(interview: dict, stamp: datetime, on: date) -> list[Event]:
    """The events one interview brings: its next follow-up window, and a thank-you note on the
    day of an interview still to come."""
    events = []
    interview_day = date.fromisoformat(interview["interview_date"])
    if interview_day >= on and not interview["follow_ups"]:
        events.append(all_day_event(
            uid=f"interview-{interview['id']}-thank-you", stamp=stamp,
            title=THANK_YOU.format(company=interview["company"]),
            first=interview_day, last=interview_day,
            description="After the interview, a short thank-you the same day."))
    following = interview["schedule"]["next"]
    if following:
        events.append(all_day_event(
            uid=f"interview-{interview['id']}-{following['action']}", stamp=stamp,
            title=TITLES[following["action"]].format(company=interview["company"]),
            first=date.fromisoformat(following["earliest"]),
            last=date.fromisoformat(following["latest"]),
            description="\n".join(filter(None, [
                following["reason"], who(interview), f"Position: {interview['position']}"]))))
    return events


def all_day_event(*, uid: str, stamp: datetime, title: str, first: date, last: date,
                  description: str) -> Event:
    """An all-day event from `first` to `last` inclusive, with a morning reminder."""
    event = Event()
    # Stable per interview and action: importing again updates the event instead of doubling it.
    event.add("uid", f"{uid}@followup-assistant.invalid")
    event.add("dtstamp", stamp)
    event.add("dtstart", first)
    event.add("dtend", last + timedelta(days=1))  # DTEND of a DATE event is the day after
    event.add("summary", title)
    event.add("description", description)
    event.add("transp", "TRANSPARENT")  # a reminder, not a busy slot
    alarm = Alarm()
    alarm.add("action", "DISPLAY")
    alarm.add("description", title)
    alarm.add("trigger", REMINDER_AFTER_MIDNIGHT, parameters={"RELATED": "START"})
    event.add_component(alarm)
    return event


def who(interview: dict) -> str:
    name, email = interview.get("interviewer_name"), interview.get("interviewer_email")
    if name and email:
        return f"Interviewer: {name} <{email}>"
    return f"Interviewer: {name or email}" if (name or email) else ""
