"""Interviews: the user's job search, each with its follow-up schedule."""
from flask import Blueprint, jsonify

from .. import records
from ..db import LARGEST_ID, writing
from ..errors import ApiError, not_found
from ..idempotency import idempotent
from ..models import OUTCOMES, FollowUp, Interview, by_email, by_state
from ..timing.rules import RULES
from ..validate import Choice, Country, Day, Email, Text, invalid, json_body
from . import day_asked

bp = Blueprint("interviews", __name__, url_prefix="/api/v1/interviews")

FIELDS = {
    "company": Text(200, required=True),
    "position": Text(200, required=True),
    "interview_date": Day(required=True),
    "interviewer_name": Text(200),
    "interviewer_email": Email(),
    "timeline": Text(500),
    "decision_date": Day(),
    "country": Country(),
    "notes": Text(5000, multiline=True),
}
EDITABLE = {**FIELDS, "reply_on": Day(), "outcome": Choice(OUTCOMES)}
STATES = ("upcoming", "due", "overdue", "move_on", "replied", "closed")
FILTERS = {"email": Email(nullable=False), "state": Choice(STATES, nullable=False),
           "q": Text(200, nullable=False)}


def load(interview_id: int) -> Interview:
    # A number past SQLite's keys from the URL is no interview, not an overflow.
    interview = (Interview.get_or_none(Interview.id == interview_id)
                 if interview_id <= LARGEST_ID else None)
    if interview is None:
        raise not_found("interview")
    return interview


def apply(interview: Interview, fields: dict) -> None:
    """Set fields, check the dates against each other, and recompute the schedule."""
    if "decision_date" in fields:
        interview.decision_source = "given" if fields["decision_date"] else None
    for name, value in fields.items():
        setattr(interview, name, value)
    for name in ("decision_date", "reply_on"):
        day = getattr(interview, name)
        if day and day < interview.interview_date:
            raise invalid(name, f"{day} is before the interview on {interview.interview_date}.")
    sent = records.sent_dates(interview) if interview.id else []
    if sent and sent[0] < interview.interview_date:
        raise invalid("interview_date", "a follow-up was sent before this date.")
    records.refresh(interview, sent)


def answer(interview: Interview, on, status: int = 200):
    return jsonify(records.to_dicts([interview], on)[0]), status


@bp.get("")
def list_interviews():
    on, filters = day_asked(FILTERS)
    rows = Interview.select()
    if "email" in filters:
        rows = by_email(rows, filters["email"])
    if "state" in filters:
        rows = by_state(rows, filters["state"], on)
    if "q" in filters:
        like = f"%{filters['q']}%"
        rows = rows.where(Interview.company ** like | Interview.position ** like
                          | Interview.interviewer_name ** like
                          | Interview.interviewer_email ** like)
    rows = rows.order_by(Interview.next_earliest.asc(nulls="LAST"),
                         Interview.interview_date.desc(), Interview.id)
    return jsonify(interviews=records.to_dicts(rows, on))


@bp.post("")
@idempotent
def create_interview():
    on, _ = day_asked()
    interview = Interview()
    with writing():
        apply(interview, json_body(FIELDS))
        interview.save()
    return answer(interview, on, 201)


@bp.get("/<int:interview_id>")
def get_interview(interview_id):
    on, _ = day_asked()
    return answer(load(interview_id), on)


@bp.patch("/<int:interview_id>")
def update_interview(interview_id):
    on, _ = day_asked()
    fields = json_body(EDITABLE, partial=True)
    with writing():
        interview = load(interview_id)
        for name in ("company", "position", "interview_date"):
            if name in fields and fields[name] is None:
                raise invalid(name, "must not be null.")
        apply(interview, fields)
        interview.save()
    return answer(interview, on)


@bp.delete("/<int:interview_id>")
def delete_interview(interview_id):
    day_asked()
    with writing():
        load(interview_id).delete_instance(recursive=True)
    return "", 204


@bp.post("/<int:interview_id>/follow-ups")
@idempotent
def record_follow_up(interview_id):
    on, _ = day_asked()
    sent_on = json_body({"sent_on": Day(required=True)})["sent_on"]
    with writing():
        interview = load(interview_id)
        sent = records.sent_dates(interview)
        if interview.outcome:
            raise ApiError(409, "closed", f"This interview is closed ({interview.outcome}).")
        if len(sent) >= RULES.max_follow_ups:
            raise ApiError(409, "too_many_follow_ups",
                           f"{len(sent)} follow-ups were already sent; the advice is to move "
                           "on rather than send a third.")
        if sent_on < interview.interview_date:
            raise invalid("sent_on", "is before the interview.")
        if sent and sent_on < sent[-1]:
            raise invalid("sent_on", f"is before the last follow-up, sent on {sent[-1]}.")
        FollowUp.create(interview=interview, sent_on=sent_on)
        records.refresh(interview, [*sent, sent_on])
        interview.save()
    return answer(interview, on, 201)


@bp.post("/<int:interview_id>/reply")
@idempotent
def record_reply(interview_id):
    on, _ = day_asked()
    received_on = json_body({"received_on": Day(required=True)})["received_on"]
    with writing():
        interview = load(interview_id)
        apply(interview, {"reply_on": received_on})
        interview.save()
    return answer(interview, on)


@bp.post("/<int:interview_id>/close")
@idempotent
def close_interview(interview_id):
    on, _ = day_asked()
    outcome = json_body({"outcome": Choice(OUTCOMES, required=True)})["outcome"]
    with writing():
        interview = load(interview_id)
        apply(interview, {"outcome": outcome})
        interview.save()
    return answer(interview, on)
