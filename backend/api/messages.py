"""Read the one message the user opened: is it an interview to track, their reply, or an
automatic reply? Nothing of the message is stored or logged: it is read, answered, forgotten."""
from datetime import date

from flask import Blueprint, jsonify

from .. import records, service
from ..inbox import Message, hints, read_message
from ..models import Interview
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
        reply=None if auto else hints.reply_hint(known, sender, message.received_on),
        away=hints.away_hint(known, sender, found.return_on, country) if auto else None,
    )
