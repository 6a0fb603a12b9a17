"""Read the one message the user opened: is it an interview to track, their reply, or an
automatic reply? Nothing of the message is stored or logged: it is read, answered, forgotten.

A reply is known by who wrote it and when, not by its words ("Sounds good, talk soon"): the
extension asks /messages/watch who the user is waiting on (it carries nothing of any message),
compares the opened message's sender with that in the browser, and only for a match sends the
sender and the day (no text) to /messages/reply."""
from datetime import date

from flask import Blueprint, jsonify

from .. import records, service
from ..inbox import Message, hints, read_message
from ..models import FollowUp, Interview
from ..validate import Day, Email, Text, json_body
from . import PREFIX

bp = Blueprint("messages", __name__, url_prefix=PREFIX)

FIELDS = {
    "subject": Text(1000),
    "text": Text(50_000, multiline=True, required=True),  # the opened message's visible text
    "from_name": Text(200),
    "from_email": Email(),
    "received_on": Day(),  # the day the message arrived (default: today)
    "calendar_start": Text(40),  # a calendar invitation's start, ISO 8601
    "calendar_summary": Text(500),
    "calendar_organizer_email": Email(),
    "calendar_organizer_name": Text(200),
    "on": Day(),  # the day to evaluate schedules on (default: today)
}


REPLY_FIELDS = {
    "from_email": Email(required=True),  # who wrote the opened message
    "received_on": Day(required=True),  # the day it arrived
    "on": Day(),
}


def senders_interviews(sender: str | None, on: date) -> list[dict]:
    """Interviews with this address, or with the same company mail domain."""
    if not sender:
        return []
    query = Interview.interviewer_email ** sender
    domain = hints.domain_of(sender)
    if domain:
        query |= Interview.interviewer_email ** f"%@{domain}"
    return records.to_dicts(Interview.select().where(query), on)


@bp.post("/messages/inspect")
def inspect_message():
    asked = json_body(FIELDS)
    on = asked.get("on") or date.today()
    calendar = {key: asked.get(f"calendar_{key}") for key in
                ("start", "summary", "organizer_email", "organizer_name")}
    message = Message(subject=asked.get("subject") or "", text=asked["text"],
                      from_name=asked.get("from_name") or "",
                      from_email=asked.get("from_email") or "",
                      received_on=asked.get("received_on") or on,
                      calendar=calendar if any(calendar.values()) else None)
    country = service.default_country()
    reading, found = read_message(message, country)
    sender = (message.from_email or "").lower()
    known = senders_interviews(sender, on)
    tracked = (hints.already_tracked(known, found.interviewer_email, found.interview_date)
               if reading.track else None)
    auto = reading.kind == "auto_reply"
    return jsonify(
        kind=reading.kind,
        track=reading.track and tracked is None,
        already_tracked=tracked,
        interview=found.to_dict() if reading.track else None,
        reply=None if auto or reading.kind == "own"
        else hints.reply_hint(known, sender, message.received_on),
        away=hints.away_hint(known, sender, found.return_on, country) if auto else None,
    )


@bp.get("/messages/watch")
def watch():
    """Whom the user waits to hear from: the interviewer addresses, and their company mail domains,
    of running interviews with a follow-up sent and no reply yet."""
    waiting = (Interview.select(Interview.interviewer_email)
               .where(Interview.reply_on.is_null() & Interview.outcome.is_null()
                      & Interview.interviewer_email.is_null(False)
                      & Interview.id.in_(FollowUp.select(FollowUp.interview)))
               .tuples())
    addresses = sorted({email.lower() for (email,) in waiting if email})
    domains = sorted({domain for email in addresses if (domain := hints.domain_of(email))})
    return jsonify(addresses=addresses, domains=domains)


@bp.post("/messages/reply")
def sender_replied():
    """A message from this sender on this day: does it answer a follow-up? (No text is sent: a
    reply is recognised by who wrote it and when.)"""
    asked = json_body(REPLY_FIELDS)
    on = asked.get("on") or date.today()
    sender = asked["from_email"].lower()
    return jsonify(reply=hints.reply_hint(senders_interviews(sender, on), sender,
                                          asked["received_on"]))
